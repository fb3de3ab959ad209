//! `import` of a DOCX `build` wrote: the report's data part (`customXml/item1.xml`) gives
//! back every value of the entries folder, and where an editor changed the document in
//! LibreOffice, the edited text is taken with a note while the facts are kept.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::common::{code, root, run, soffice, stderr};
use council_report::model::{Entry, Report};

fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
    stderr(&out)
}

fn load(dir: &Path) -> Report {
    let checked = council_report::load_and_check(dir).expect("entries load");
    assert_eq!(checked.errors(), 0, "{:#?}", checked.diagnostics);
    checked.report.expect("a checked report")
}

/// Every value of an entry, the file it came from aside.
fn values(e: &Entry) -> impl PartialEq + std::fmt::Debug + '_ {
    (
        e.number,
        &e.title,
        e.sector,
        &e.resolutions,
        &e.text,
        &e.text.source,
        &e.recommendations,
        &e.event,
    )
}

/// Compares two reports value by value (file names aside).
fn assert_same(want: &Report, got: &Report) {
    let mut meta = got.meta.clone();
    meta.file = want.meta.file.clone();
    assert_eq!(want.meta, meta);
    assert_eq!(want.entries.len(), got.entries.len());
    for (a, b) in want.entries.iter().zip(&got.entries) {
        assert_eq!(values(a), values(b), "{}", a.number);
    }
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn build_import_fmt_gives_back_every_value() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (out, back) = (tmp.path().join("out"), tmp.path().join("back"));
    ok(&["build", "--entries", "entries", "--out", s(&out)]);
    let notes = ok(&["import", s(&out.join("C18-33-E.docx")), "--into", s(&back)]);
    assert!(!notes.contains("edited in the document"), "{notes}");
    // The data part has the title in normal case: no advice to rewrite the capitals, and
    // nothing guessed.
    assert!(!notes.contains("title is in capitals"), "{notes}");
    assert!(!notes.contains("# import:"), "{notes}");
    assert!(
        notes.contains("30 Recommendations and 12 events"),
        "{notes}"
    );
    ok(&["fmt", "--entries", s(&back)]);
    assert_same(&load(&root().join("entries")), &load(&back));
    // And the folder builds the same DOCX again, data part included.
    let again = tmp.path().join("again");
    ok(&["build", "--entries", s(&back), "--out", s(&again)]);
    let part = |dir: &Path| {
        crate::common::docx_part(
            &fs::read(dir.join("C18-33-E.docx")).expect("docx"),
            "customXml/item1.xml",
        )
    };
    assert_eq!(part(&out), part(&again));
}

#[test]
fn a_paragraph_edited_in_libreoffice_is_taken_and_the_facts_kept() {
    let Some(soffice) = soffice() else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let (out, back) = (tmp.path().join("out"), tmp.path().join("back"));
    ok(&["build", "--entries", "entries", "--out", s(&out)]);
    let edited = tmp.path().join("edited.docx");
    let script = root().join("tests/fixtures/import/lo_edit.py");
    let o = Command::new("/usr/bin/python3")
        .arg(&script)
        .args([&soffice, s(&tmp.path().join("profile"))])
        .args([s(&out.join("C18-33-E.docx")), s(&edited)])
        .args(["ITU-T SG3 opened work", "ITU-T SG3 began work"])
        .output()
        .expect("python3 runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let notes = ok(&["import", s(&edited), "--into", s(&back)]);
    assert!(
        notes.contains("2.4: text edited in the document: the document's text is taken"),
        "{notes}"
    );
    assert_eq!(
        notes.matches("edited in the document").count(),
        1,
        "{notes}"
    );

    let (want, got) = (load(&root().join("entries")), load(&back));
    let mut meta = got.meta.clone();
    meta.file = want.meta.file.clone();
    assert_eq!(want.meta, meta, "report.toml's values, the period included");
    for (a, b) in want.entries.iter().zip(&got.entries) {
        if a.number.to_string() == "2.4" {
            let text = b.text.plain_paragraphs();
            assert_eq!(
                text[0],
                "ITU-T SG3 began work on five new draft Recommendations:"
            );
            assert_eq!(text[1..], a.text.plain_paragraphs()[1..]);
            assert_eq!(
                (&a.recommendations, a.sector),
                (&b.recommendations, b.sector)
            );
        } else {
            assert_eq!(values(a), values(b), "{}", a.number);
        }
    }
    assert_eq!(want.entries.len(), got.entries.len());
}

/// A DOCX `build` wrote, saved by an editor that dropped the data part (the
/// `customXml/` parts): imported from its text alone, its cross-references
/// (`w:hyperlink w:anchor="entry_4_5"` to the bookmark on entry 4.5's paragraph) come
/// back as `[§4.5]`, not as the bare number.
#[test]
fn without_the_data_part_cross_references_come_back_from_the_links() {
    use std::io::{Read, Write};
    let tmp = tempfile::tempdir().expect("tempdir");
    let (out, back) = (tmp.path().join("out"), tmp.path().join("back"));
    ok(&["build", "--entries", "entries", "--out", s(&out)]);
    let bytes = fs::read(out.join("C18-33-E.docx")).expect("docx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let stripped = tmp.path().join("no-data.docx");
    let mut w = zip::ZipWriter::new(fs::File::create(&stripped).expect("create"));
    let mut dropped = 0;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("part");
        if f.name().starts_with("customXml/") {
            dropped += 1;
            continue;
        }
        let mut data = Vec::new();
        f.read_to_end(&mut data).expect("read");
        w.start_file(f.name(), zip::write::SimpleFileOptions::default())
            .expect("start");
        w.write_all(&data).expect("write");
    }
    w.finish().expect("finish");
    assert!(dropped >= 2, "the build wrote no data part");

    let notes = ok(&["import", s(&stripped), "--into", s(&back)]);
    assert!(!notes.contains("kept as text"), "{notes}");
    // Entry 7's file, named by its title as import names files.
    let seven = fs::read_dir(back.join("7"))
        .expect("folder 7")
        .map(|e| e.expect("entry").path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("7-"))
        })
        .expect("entry 7");
    let text = fs::read_to_string(seven).expect("entry 7");
    assert!(
        text.contains("the report described in section [§4.5]"),
        "{text}"
    );
    let want = fs::read_to_string(root().join("entries/7/7-igf.toml")).expect("entry 7");
    assert_eq!(
        want.matches("[§").count(),
        text.matches("[§").count(),
        "{text}"
    );
}
