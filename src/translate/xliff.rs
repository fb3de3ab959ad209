//! Reading and writing `translations/<LANG>.xlf`, XLIFF 1.2 (the version every CAT tool
//! reads: Trados Studio, memoQ, OmegaT).
//!
//! Each `<trans-unit>` carries a developer note `council-report unit <id> source <hash>`:
//! the unit's id and the hash of the English it was exported with. A note survives the
//! tools that renumber trans-units (translate-toolkit's `xliff2po` then `po2xliff` keep
//! notes as `#.` comments, not ids), so the note is what a unit is matched by; the `id`
//! attribute is the fallback for files written by hand.

use std::fmt::Write as _;
use std::ops::Range;

use quick_xml::escape::escape;

use super::units::{Unit, hash};
use crate::locale::Language;
use crate::markup::REF_SIGN;
use crate::number::SectionNumber;

/// The note's opening words.
const NOTE: &str = "council-report unit ";

/// One `<trans-unit>` as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The unit id (from the note, else the `id` attribute).
    pub id: String,
    /// The text of `<source>`: its characters and the native text of its codes (the
    /// Markdown the English had when exported).
    pub source: String,
    /// The same for `<target>`; `None` when it is missing or blank.
    pub target: Option<String>,
    /// `<target>`'s content as written (codes kept), to be written back unchanged.
    pub target_xml: Option<String>,
    /// `<target state="…">`.
    pub state: Option<String>,
    /// The hash of the English the unit was exported with, from the note.
    pub hash: Option<String>,
    /// The `<trans-unit>` element's bytes in the file, for diagnostics.
    pub span: Range<usize>,
}

impl Record {
    /// The translator or `translate export` marked it for review.
    pub fn needs_review(&self) -> bool {
        self.state
            .as_deref()
            .is_some_and(|s| s.starts_with("needs-review"))
    }
}

/// A file that is not XLIFF: what is wrong and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct XliffError {
    pub message: String,
    pub span: Range<usize>,
}

/// Reads every `<trans-unit>` of `text`, in order (XLIFF 1.2 or 1.1: elements are matched
/// by local name).
pub fn read(text: &str) -> Result<Vec<Record>, XliffError> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, options).map_err(|e| {
        let pos = e.pos();
        let offset = offset_of(text, pos.row as usize, pos.col as usize);
        XliffError {
            message: format!("not well-formed XML: {e}"),
            span: offset..offset,
        }
    })?;
    let root = doc.root_element();
    if root.tag_name().name() != "xliff" {
        return Err(XliffError {
            message: format!(
                "the root element is <{}>, not <xliff>",
                root.tag_name().name()
            ),
            span: root.range(),
        });
    }
    let mut out = Vec::new();
    for unit in root.descendants().filter(|n| {
        // A PO file's header, as po2xliff writes it, is no unit of the report.
        n.tag_name().name() == "trans-unit"
            && n.attribute("restype") != Some("x-gettext-domain-header")
    }) {
        let child = |name: &str| unit.children().find(|c| c.tag_name().name() == name);
        let from_note = unit
            .children()
            .filter(|c| c.tag_name().name() == "note")
            .filter_map(|n| n.text())
            .find_map(parse_note);
        let (id, hash) = match from_note {
            Some((id, hash)) => (id, Some(hash)),
            None => match unit.attribute("id") {
                Some(id) => (id.to_owned(), None),
                None => {
                    return Err(XliffError {
                        message: "a <trans-unit> has no id".into(),
                        span: unit.range(),
                    });
                }
            },
        };
        let target = child("target");
        out.push(Record {
            id,
            source: child("source").map(|s| flat(&s)).unwrap_or_default(),
            target: target.map(|t| flat(&t)).filter(|t| !t.trim().is_empty()),
            target_xml: target
                .map(|t| inner(text, t.range()).to_owned())
                .filter(|t| !t.trim().is_empty()),
            state: target.and_then(|t| t.attribute("state")).map(str::to_owned),
            hash,
            span: unit.range(),
        });
    }
    Ok(out)
}

/// `council-report unit 2.9/3 source 0123456789abcdef` → the id and the hash.
fn parse_note(note: &str) -> Option<(String, String)> {
    let rest = note.trim().strip_prefix(NOTE)?;
    let (id, rest) = rest.split_once(" source ")?;
    let hash = rest.split([' ', ':']).next()?;
    Some((id.to_owned(), hash.to_owned()))
}

/// The characters of an element and of its inline codes, in order.
fn flat(node: &roxmltree::Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

/// The content of an element, between its start and end tags (empty when self-closed).
fn inner(text: &str, range: Range<usize>) -> &str {
    let element = &text[range];
    if element.ends_with("/>") && !element.contains("</") {
        return "";
    }
    let start = element.find('>').map_or(0, |i| i + 1);
    let end = element.rfind("</").unwrap_or(element.len()).max(start);
    &element[start..end]
}

fn offset_of(text: &str, row: usize, col: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(row.saturating_sub(1))
        .map(str::len)
        .sum();
    let line = &text[line_start.min(text.len())..];
    line_start
        + line
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(line.len(), |(i, _)| i)
}

/// One unit as written: the English, and the translation kept from before (if any).
pub struct Written<'a> {
    pub unit: &'a Unit,
    /// `<target>`'s content, as XML.
    pub target_xml: Option<&'a str>,
    /// `<target state="…">`.
    pub state: Option<&'a str>,
}

/// The XLIFF 1.2 file of `units`: one `<file>`, one `<trans-unit>` per unit, in document
/// order. Deterministic: same units, same bytes.
pub fn write(source: Language, target: Language, units: &[Written]) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n");
    let _ = writeln!(
        out,
        "  <file original=\"entries\" datatype=\"plaintext\" source-language=\"{}\" \
         target-language=\"{}\">",
        source.tag(),
        target.tag()
    );
    out.push_str("    <header>\n");
    out.push_str(
        "      <tool tool-id=\"council-report\" tool-name=\"council-report\" \
         tool-company=\"ITU\"/>\n",
    );
    out.push_str("    </header>\n    <body>\n");
    for w in units {
        let u = w.unit;
        let _ = writeln!(
            out,
            "      <trans-unit id=\"{}\" resname=\"{}\" xml:space=\"preserve\">",
            escape(&u.id),
            escape(&u.id)
        );
        let _ = writeln!(out, "        <source>{}</source>", u.xliff);
        if let Some(t) = w.target_xml {
            match w.state {
                Some(state) => {
                    let _ = writeln!(
                        out,
                        "        <target state=\"{}\">{t}</target>",
                        escape(state)
                    );
                }
                None => {
                    let _ = writeln!(out, "        <target>{t}</target>");
                }
            }
        }
        let _ = writeln!(
            out,
            "        <note from=\"developer\">{NOTE}{} source {}: {}, {}</note>",
            escape(&u.id),
            u.hash(),
            escape(&u.file),
            escape(&u.place)
        );
        out.push_str("      </trans-unit>\n");
    }
    out.push_str("    </body>\n  </file>\n</xliff>\n");
    out
}

/// `text` with every unit id renamed by `rename` (in the `id` and `resname` attributes
/// and the notes), everything else as written; `None` when no id changes. For
/// `renumber`, which keeps translations matched to their entries.
pub fn rename_ids(text: &str, rename: impl Fn(&str) -> Option<String>) -> Option<String> {
    edit_units(text, |unit, edits| {
        for attr in unit.attributes() {
            if matches!(attr.name(), "id" | "resname")
                && let Some(new) = rename(attr.value())
            {
                edits.push((attr.range_value(), escape(&new).into_owned()));
            }
        }
        for note in unit.children().filter(|c| c.tag_name().name() == "note") {
            let Some(t) = note.first_child().filter(|t| t.is_text()) else {
                continue;
            };
            let Some((id, _)) = t.text().and_then(parse_note) else {
                continue;
            };
            if let Some(new) = rename(&id) {
                let raw = &text[t.range()];
                let escaped = escape(&id);
                if let Some(at) = raw.find(&format!("{NOTE}{escaped} ")) {
                    let start = t.range().start + at + NOTE.len();
                    edits.push((start..start + escaped.len(), escape(&new).into_owned()));
                }
            }
        }
    })
}

/// `text` with the edits `edit` makes to each `<trans-unit>` (byte ranges of `text` and
/// their replacements), everything else as written; `None` when it makes none or `text`
/// is not XML.
fn edit_units(
    text: &str,
    mut edit: impl FnMut(roxmltree::Node<'_, '_>, &mut Vec<(Range<usize>, String)>),
) -> Option<String> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, options).ok()?;
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    for unit in doc
        .descendants()
        .filter(|n| n.tag_name().name() == "trans-unit")
    {
        edit(unit, &mut edits);
    }
    if edits.is_empty() {
        return None;
    }
    // Applied from the end, so earlier offsets stay valid.
    edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    let mut out = text.to_owned();
    for (range, new) in edits {
        out.replace_range(range, &new);
    }
    Some(out)
}

/// `text` with every cross-reference (`[§4.5]`) in the units' `<source>` and `<target>`
/// given the number `renumber` returns (`None`: unchanged), everything else as written;
/// `None` when nothing changes. For `renumber`, which moves the entries the references
/// point at. A unit whose note records the hash of its source as it was (the translation
/// was current) gets the hash of the new source, so a renumbering alone makes no
/// translation stale.
pub fn renumber_refs(
    text: &str,
    renumber: impl Fn(SectionNumber) -> Option<SectionNumber>,
) -> Option<String> {
    edit_units(text, |unit, edits| {
        let mut source_changed = None;
        for part in unit
            .children()
            .filter(|c| matches!(c.tag_name().name(), "source" | "target"))
        {
            for t in part.descendants().filter(roxmltree::Node::is_text) {
                let start = t.range().start;
                for (digits, old) in written_refs(&text[t.range()]) {
                    if let Some(new) = renumber(old) {
                        edits.push((start + digits.start..start + digits.end, new.to_string()));
                    }
                }
            }
            if part.tag_name().name() == "source" {
                let old = flat(&part);
                let new = with_refs(&old, &renumber);
                source_changed = (new != old).then_some((old, new));
            }
        }
        let Some((old, new)) = source_changed else {
            return;
        };
        for note in unit.children().filter(|c| c.tag_name().name() == "note") {
            let Some(t) = note.first_child().filter(|t| t.is_text()) else {
                continue;
            };
            let raw = &text[t.range()];
            let recorded = format!(" source {}", hash(&old));
            if parse_note(raw).is_some()
                && let Some(at) = raw.find(&recorded)
            {
                let s = t.range().start + at + " source ".len();
                edits.push((s..s + recorded.len() - " source ".len(), hash(&new)));
            }
        }
    })
}

/// `text` with its references renumbered.
fn with_refs(text: &str, renumber: &impl Fn(SectionNumber) -> Option<SectionNumber>) -> String {
    let mut out = text.to_owned();
    for (digits, old) in written_refs(text).into_iter().rev() {
        if let Some(new) = renumber(old) {
            out.replace_range(digits, &new.to_string());
        }
    }
    out
}

/// Every `[§4.5]` (`[§ 4.5]`) in `text`: the range of its digits and its number.
fn written_refs(text: &str) -> Vec<(Range<usize>, SectionNumber)> {
    let open = format!("[{REF_SIGN}");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find(&open) {
        let label = from + at + open.len();
        from = label;
        let Some(close) = text[label..].find(']') else {
            break;
        };
        let inside = &text[label..label + close];
        let digits = inside.trim_start();
        let start = label + (inside.len() - digits.len());
        let digits = digits.trim_end();
        if let Ok(n) = digits.parse::<SectionNumber>() {
            out.push((start..start + digits.len(), n));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: &str, source: &str) -> Unit {
        Unit {
            id: id.into(),
            source: source.into(),
            xliff: escape(source).into_owned(),
            file: "entries/2/2.1.toml".into(),
            place: "text, paragraph 1".into(),
        }
    }

    #[test]
    fn written_units_read_back() {
        let u = unit("2.1/1", "A & B");
        let text = write(
            Language::E,
            Language::F,
            &[Written {
                unit: &u,
                target_xml: Some(
                    "A &amp; B <bpt id=\"1\" ctype=\"bold\">**</bpt>x<ept id=\"1\">**</ept>",
                ),
                state: Some("translated"),
            }],
        );
        let records = read(&text).unwrap();
        assert_eq!(records.len(), 1);
        let r = &records[0];
        assert_eq!(r.id, "2.1/1");
        assert_eq!(r.source, "A & B");
        assert_eq!(r.target.as_deref(), Some("A & B **x**"));
        assert_eq!(r.hash.as_deref(), Some(u.hash().as_str()));
        assert_eq!(r.state.as_deref(), Some("translated"));
        assert!(text[r.span.clone()].starts_with("<trans-unit"));
    }

    #[test]
    fn ids_are_renamed_everywhere() {
        let u = unit("2.1/1", "A");
        let text = write(
            Language::E,
            Language::F,
            &[Written {
                unit: &u,
                target_xml: None,
                state: None,
            }],
        );
        let renamed = rename_ids(&text, |id| {
            id.strip_prefix("2.1/").map(|r| format!("2.2/{r}"))
        })
        .unwrap();
        assert!(!renamed.contains("2.1/1"), "{renamed}");
        assert_eq!(read(&renamed).unwrap()[0].id, "2.2/1");
        assert_eq!(rename_ids(&text, |_| None), None);
    }

    #[test]
    fn references_are_renumbered_and_a_current_hash_follows() {
        use crate::number::n;
        let english = "See [§2.1] and [§ 3].";
        let u = unit("4/1", english);
        let text = write(
            Language::E,
            Language::F,
            &[Written {
                unit: &u,
                target_xml: Some("Voir [§2.1] et [§ 3]."),
                state: Some("translated"),
            }],
        );
        let out = renumber_refs(&text, |old| (old == n("2.1")).then(|| n("2.2"))).unwrap();
        let r = &read(&out).unwrap()[0];
        assert_eq!(r.source, "See [§2.2] and [§ 3].");
        assert_eq!(r.target.as_deref(), Some("Voir [§2.2] et [§ 3]."));
        assert_eq!(
            r.hash.as_deref(),
            Some(hash("See [§2.2] and [§ 3].").as_str())
        );
        assert_eq!(renumber_refs(&text, |_| None), None);
    }

    #[test]
    fn broken_xml_says_where() {
        let e = read("<xliff>\n  <file>\n</xliff>").unwrap_err();
        assert!(e.message.contains("not well-formed"), "{}", e.message);
        assert!(e.span.start > 8, "{:?}", e.span);
    }
}
