//! Cross-references (`[§4.5]`) between entries, on the fixture `tests/fixtures/xref`
//! (references in entry texts, list items, a `'…'` string, a line-continued `"""` string,
//! report.toml's Summary and a French translation):
//!
//! - `renumber --insert` and `--move` keep every reference pointing at the same entry (each
//!   entry has an `id`, which is what "the same" means), in the entries, report.toml and
//!   the translation, and `--dry-run` lists the rewrites and writes nothing;
//! - the DOCX has a bookmark on every entry and an internal hyperlink for every reference,
//!   each to a bookmark that exists, byte-identical build after build; LibreOffice's own
//!   export of it keeps the links and their targets.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{code, docx_part, stderr, stdout};
use crate::edit_cli::Work;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The fixture's entries, in order, by the name of their bookmark in the DOCX.
const BOOKMARKS: [&str; 7] = [
    "entry_1",
    "entry_2",
    "entry_2_1",
    "entry_2_2",
    "entry_2_2_1",
    "entry_3",
    "entry_3_1",
];

fn fixture() -> Work {
    Work::of("tests/fixtures/xref")
}

/// Every reference of the checked folder, as (the referring piece, the id of the entry
/// pointed at), sorted (a move changes the order of the entries); the Summary is
/// `report`.
fn references(entries: &Path) -> Vec<(String, String)> {
    let checked = council_report::load_and_check(entries).expect("loads");
    assert_eq!(
        checked.errors(),
        0,
        "{:?}",
        checked
            .diagnostics
            .iter()
            .map(|d| &d.message)
            .collect::<Vec<_>>()
    );
    let report = checked.report.expect("a report");
    let id_of: BTreeMap<String, String> = report
        .entries
        .iter()
        .map(|e| {
            (
                e.number.to_string(),
                e.id.clone().expect("every entry has an id"),
            )
        })
        .collect();
    let target = |n: council_report::number::SectionNumber| {
        id_of
            .get(&n.to_string())
            .cloned()
            .unwrap_or_else(|| panic!("a reference to {n}, which no entry has"))
    };
    let mut out = Vec::new();
    if let Some(summary) = report.meta.summary.text.value() {
        out.extend(summary.refs().map(|n| ("report".to_owned(), target(n))));
    }
    for e in &report.entries {
        let from = e.id.clone().expect("an id");
        out.extend(e.text.refs().map(|n| (from.clone(), target(n))));
    }
    out.sort();
    out
}

/// The references of the French translation's targets, as (unit id, entry id pointed at).
fn translated_references(entries: &Path) -> Vec<(String, String)> {
    let checked = council_report::load_and_check(entries).expect("loads");
    let report = checked.report.expect("a report");
    let id_of: BTreeMap<String, String> = report
        .entries
        .iter()
        .map(|e| (e.number.to_string(), e.id.clone().expect("an id")))
        .collect();
    let xlf = std::fs::read_to_string(entries.join("translations/F.xlf")).expect("F.xlf");
    let mut out = Vec::new();
    for r in council_report::translate::xliff::read(&xlf).expect("XLIFF") {
        let (markup, _) = council_report::markup::parse(r.target.as_deref().unwrap_or(""));
        for n in markup.refs() {
            let owner = r.id.split('/').next().unwrap_or_default();
            let from = id_of
                .get(owner)
                .cloned()
                .unwrap_or_else(|| owner.to_owned());
            let to = id_of.get(&n.to_string()).cloned();
            out.push((from, to.unwrap_or_else(|| format!("nothing ({n})"))));
        }
    }
    out.sort();
    out
}

/// `check --language F`: no error, the translation current and whole, every reference
/// typed (an `--insert` leaves its gap, W001, which is all it may warn about).
fn assert_clean(w: &Work) {
    let out = w.run(&["check", "--language", "F"]);
    let err = stderr(&out);
    assert_eq!(code(&out), 0, "{err}");
    let warnings: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("warning[") && !l.starts_with("warning[W001]"))
        .collect();
    assert_eq!(warnings, Vec::<&str>::new(), "{err}");
}

#[test]
fn the_fixture_is_clean_and_its_references_are_typed() {
    let w = fixture();
    assert_clean(&w);
    let refs = references(&w.entries());
    assert_eq!(refs.len(), 13, "{refs:?}");
    assert_eq!(translated_references(&w.entries()).len(), 13);
}

#[test]
fn insert_and_move_keep_every_reference_on_its_entry() {
    for op in [
        &["renumber", "--insert", "2.1"][..],
        &["renumber", "--insert", "2"],
        &["renumber", "--move", "2.2", "--to", "3.1"],
        &["renumber", "--move", "3", "--to", "2"],
        &["renumber", "--move", "2.2.1", "--to", "1.1"],
    ] {
        let w = fixture();
        let before = references(&w.entries());
        let translated = translated_references(&w.entries());
        let out = w.run(op);
        assert_eq!(code(&out), 0, "{op:?}: {}", stderr(&out));
        assert_eq!(references(&w.entries()), before, "{op:?}");
        assert_eq!(translated_references(&w.entries()), translated, "{op:?}");
        // The translation is still current: renumbering alone makes nothing stale.
        assert_clean(&w);
        // The comment and the rest of the text are as written: only digits changed.
        let moved = w
            .tree()
            .into_values()
            .map(|bytes| String::from_utf8(bytes).expect("UTF-8"))
            .find(|t| t.contains("id = \"focus-groups\""))
            .expect("the focus groups' entry");
        assert!(
            moved.contains("# A comment that renumber keeps.\ntext = 'The focus groups, set up by the study groups of [§"),
            "{op:?}: {moved}"
        );
    }
}

#[test]
fn dry_run_lists_the_rewrites_and_writes_nothing() {
    let w = fixture();
    let before = w.tree();
    let out = w.run(&["renumber", "--insert", "2.2", "--dry-run"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(w.tree(), before);
    insta::assert_snapshot!(stdout(&out));
}

/// The DOCX's bookmarks (name by id) and internal links (anchors), in order.
fn bookmarks_and_links(document: &str) -> (Vec<(String, String)>, Vec<String>) {
    let doc = roxmltree::Document::parse(document).expect("XML");
    let bookmarks = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "bookmarkStart")))
        .map(|n| {
            (
                n.attribute((W, "id")).unwrap_or_default().to_owned(),
                n.attribute((W, "name")).unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let links = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "hyperlink")))
        .filter_map(|n| n.attribute((W, "anchor")).map(str::to_owned))
        .collect();
    (bookmarks, links)
}

fn build(w: &Work, out: &str) -> Vec<u8> {
    let o = w.run(&["build", "--out", out]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    std::fs::read(w.dir.path().join(out).join("C18-98-E.docx")).expect("the DOCX")
}

#[test]
fn the_docx_links_each_reference_to_its_entrys_bookmark() {
    let w = fixture();
    let docx = build(&w, "out");
    assert_eq!(build(&w, "again"), docx, "byte-identical build after build");
    let document = docx_part(&docx, "word/document.xml");
    let (bookmarks, links) = bookmarks_and_links(&document);
    let names: Vec<&str> = bookmarks.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(names, BOOKMARKS);
    for name in &names {
        // What Word keeps: at most 40 characters, a letter first, letters, digits and `_`.
        assert!(name.len() <= 40 && name.starts_with(|c: char| c.is_ascii_alphabetic()));
        assert!(name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
    }
    let mut ids: Vec<&str> = bookmarks.iter().map(|(i, _)| i.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), bookmarks.len(), "bookmark ids are unique");
    // One internal link per reference in the body (the Summary's is in the box, too).
    assert_eq!(links.len(), 13, "{links:?}");
    for link in &links {
        assert!(names.contains(&link.as_str()), "{link} names no bookmark");
    }
    // The link shows the number, in the Hyperlink style.
    assert!(
        document.contains(r#"<w:hyperlink w:anchor="entry_2_2_1" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>2.2.1</w:t></w:r></w:hyperlink>"#),
        "{document}"
    );
}

#[test]
fn text_report_and_html_show_the_numbers() {
    let w = fixture();
    let o = w.run(&["build", "--out", "out", "--html"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let text = std::fs::read_to_string(w.dir.path().join("out/C18-98-E.txt")).expect("text");
    assert!(
        text.contains("The follow-up of the workshop of paragraph 2.2.1 is planned for 2018."),
        "{text}"
    );
    assert!(!text.contains('§'), "{text}");
    let html = std::fs::read_to_string(w.dir.path().join("out/C18-98-E.html")).expect("html");
    assert!(html.contains(r##"paragraph <a href="#e2.2.1">2.2.1</a>"##));
    assert!(html.contains(r#"id="e2.2.1""#));
}

/// LibreOffice reads the bookmarks and links as Word would: its HTML export of the DOCX
/// has an anchor for each bookmark and a `#name` link for each reference.
#[test]
fn libreoffice_keeps_the_link_targets() {
    let Some(soffice) = crate::common::soffice() else {
        return;
    };
    let w = fixture();
    build(&w, "out");
    let docx = w.dir.path().join("out/C18-98-E.docx");
    let html = crate::common::libreoffice_convert(&soffice, &docx, w.dir.path(), "html");
    let mut targets: Vec<&str> = html
        .split("href=\"#")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert_eq!(targets.len(), 13, "{html}");
    targets.sort_unstable();
    targets.dedup();
    assert_eq!(targets, BOOKMARKS);
    for t in targets {
        assert!(
            html.contains(&format!("name=\"{t}\"")) || html.contains(&format!("id=\"{t}\"")),
            "no anchor {t} in LibreOffice's export: {html}"
        );
    }
}
