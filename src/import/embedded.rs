//! The data `build` embeds in its DOCX (`customXml/item1.xml`, written by
//! `render::docx::custom_xml`), read back: report.toml's values and every entry's keys,
//! as they were. With it, importing our own DOCX loses no fact the text cannot carry
//! (Recommendations, events, sectors, resolutions, the period).
//!
//! The visible text still counts: an editor may have changed the document in Word. Each
//! entry's text and title, and the Summary box, are compared with what the document
//! shows ([`merge`]); where they differ, the document's words are taken and a note says
//! so. An entry the document no longer has is left out, one it has that the data lacks
//! is imported from its text, each with a note.

use roxmltree::{Document, Node};

use super::{Block, Imported, ImportedEntry, Loc, Note};
use crate::dates::Date;
use crate::number::SectionNumber;

/// A value of the data part, typed as in TOML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Val {
    Str(String),
    Date(Date),
    Integers(Vec<i64>),
    Integer(i64),
    Boolean(bool),
}

/// One entry's keys (`number`, `title`, `event.start` …) and Recommendations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbeddedEntry {
    pub number: SectionNumber,
    pub values: Vec<(String, Val)>,
    /// (id, title, status)
    pub recommendations: Vec<[String; 3]>,
    /// Imported from the visible text: the data part did not have it.
    pub from_text: Option<ImportedEntry>,
}

impl EmbeddedEntry {
    pub fn get(&self, key: &str) -> Option<&str> {
        get(&self.values, key)
    }
}

/// report.toml's values and the entries, in the data part's order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Embedded {
    pub report: Vec<(String, Val)>,
    pub entries: Vec<EmbeddedEntry>,
}

fn get<'a>(values: &'a [(String, Val)], key: &str) -> Option<&'a str> {
    values.iter().find_map(|(k, v)| match v {
        Val::Str(s) if k == key => Some(s.as_str()),
        _ => None,
    })
}

fn set(values: &mut Vec<(String, Val)>, key: &str, value: String) {
    match values.iter_mut().find(|(k, _)| k == key) {
        Some((_, v)) => *v = Val::Str(value),
        None => values.push((key.to_owned(), Val::Str(value))),
    }
}

/// Reads the part; an error names what is wrong in it.
pub fn from_xml(doc: &Document<'_>) -> Result<Embedded, String> {
    let mut out = Embedded::default();
    for child in doc.root_element().children().filter(Node::is_element) {
        match child.tag_name().name() {
            "value" => out.report.push(value(child)?),
            "entry" => {
                let mut values = Vec::new();
                let mut recommendations = Vec::new();
                for n in child.children().filter(Node::is_element) {
                    match n.tag_name().name() {
                        "value" => values.push(value(n)?),
                        "recommendation" => {
                            let a = |name: &str| {
                                n.attribute(name)
                                    .map(str::to_owned)
                                    .ok_or_else(|| format!("a recommendation without `{name}`"))
                            };
                            recommendations.push([a("id")?, a("title")?, a("status")?]);
                        }
                        other => return Err(format!("unknown element <{other}> in an entry")),
                    }
                }
                let number = get(&values, "number")
                    .and_then(|n| n.parse::<SectionNumber>().ok())
                    .ok_or("an entry without a valid number")?;
                out.entries.push(EmbeddedEntry {
                    number,
                    values,
                    recommendations,
                    from_text: None,
                });
            }
            other => return Err(format!("unknown element <{other}>")),
        }
    }
    Ok(out)
}

fn value(n: Node<'_, '_>) -> Result<(String, Val), String> {
    let key = n
        .attribute("key")
        .ok_or("a value without a key")?
        .to_owned();
    let text = n.text().unwrap_or("");
    let bad = || {
        format!(
            "`{key}`: {text:?} is not a {}",
            n.attribute("type").unwrap_or("value")
        )
    };
    let v = match n.attribute("type").unwrap_or("string") {
        "string" => Val::Str(text.to_owned()),
        "date" => Val::Date(parse_date(text).ok_or_else(bad)?),
        "integers" => Val::Integers(
            text.split_whitespace()
                .map(str::parse)
                .collect::<Result<_, _>>()
                .map_err(|_| bad())?,
        ),
        "integer" => Val::Integer(text.parse().map_err(|_| bad())?),
        "boolean" => Val::Boolean(text.parse().map_err(|_| bad())?),
        other => return Err(format!("`{key}`: unknown type {other}")),
    };
    Ok((key, v))
}

fn parse_date(s: &str) -> Option<Date> {
    let mut parts = s.splitn(3, '-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    Date::new(y, m, d)
}

/// The paragraphs a reader sees of an entry text as written.
fn shown(markup: &str) -> Vec<String> {
    crate::markup::parse(markup).0.plain_paragraphs()
}

/// The paragraphs a reader sees of imported blocks.
fn shown_blocks(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .map(|b| b.text().visible().trim().to_owned())
        .collect()
}

/// The data, with the visible text taken where an editor changed it: `visible` is what
/// the document's text gave on its own.
pub fn merge(mut data: Embedded, visible: &Imported, notes: &mut Vec<Note>) -> Embedded {
    let note = |notes: &mut Vec<Note>, message: String| {
        notes.push(Note {
            loc: Loc::Data,
            message,
        });
    };
    let mut kept = Vec::with_capacity(data.entries.len());
    for mut e in std::mem::take(&mut data.entries) {
        let Some(v) = visible.entries.iter().find(|v| v.number == e.number) else {
            note(
                notes,
                format!(
                    "{}: in the data but no longer in the document: left out",
                    e.number
                ),
            );
            continue;
        };
        if let (Some(t), Some(vt)) = (e.get("title"), &v.title)
            && t.trim() != vt.trim()
        {
            note(
                notes,
                format!(
                    "{}: title edited in the document: the document's title is taken",
                    e.number
                ),
            );
            set(&mut e.values, "title", vt.trim().to_owned());
        }
        let text = e.get("text").unwrap_or("");
        if shown(text) != shown_blocks(&v.blocks) {
            note(
                notes,
                format!(
                    "{}: text edited in the document: the document's text is taken",
                    e.number
                ),
            );
            if v.blocks.is_empty() {
                e.values.retain(|(k, _)| k != "text");
            } else {
                set(
                    &mut e.values,
                    "text",
                    super::write::markup_text(&v.blocks) + "\n",
                );
            }
        }
        kept.push(e);
    }
    for v in &visible.entries {
        if !kept.iter().any(|e| e.number == v.number) {
            note(
                notes,
                format!(
                    "{}: in the document but not in the data: imported from its text",
                    v.number
                ),
            );
            kept.push(EmbeddedEntry {
                number: v.number,
                values: Vec::new(),
                recommendations: Vec::new(),
                from_text: Some(v.clone()),
            });
        }
    }
    kept.sort_by_key(|a| a.number);
    data.entries = kept;
    let m = &visible.meta;
    for (key, blocks) in [
        ("summary.text", &m.summary),
        ("summary.action", &m.action),
        ("summary.references", &m.references),
    ] {
        let had = get(&data.report, key).unwrap_or("");
        if !blocks.is_empty() && shown(had) != shown_blocks(blocks) {
            note(
                notes,
                format!("`{key}` edited in the document: the document's text is taken"),
            );
            set(
                &mut data.report,
                key,
                super::write::markup_text(blocks) + "\n",
            );
        }
    }
    // The title prints in capitals: only a change of words counts.
    if let (Some(t), Some(vt)) = (get(&data.report, "document.title"), &m.title)
        && t.to_uppercase() != vt.to_uppercase()
    {
        note(
            notes,
            "`document.title` edited in the document: the document's title is taken".into(),
        );
        set(&mut data.report, "document.title", vt.clone());
    }
    data
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_values_read_back() {
        let xml = r#"<report xmlns="urn:council-report:data:1"><value key="period.start" type="date">2017-02-15</value><value key="document.resolutions" type="integers">101 180</value><entry><value key="number">2.1</value></entry></report>"#;
        let doc = Document::parse(xml).expect("xml");
        let e = from_xml(&doc).expect("reads");
        assert_eq!(
            e.report[0].1,
            Val::Date(Date::new(2017, 2, 15).expect("date"))
        );
        assert_eq!(e.report[1].1, Val::Integers(vec![101, 180]));
        assert_eq!(e.entries[0].number.to_string(), "2.1");
        let bad =
            Document::parse(r#"<report><value key="x" type="date">2017-13-01</value></report>"#)
                .expect("xml");
        assert!(from_xml(&bad).is_err());
    }
}
