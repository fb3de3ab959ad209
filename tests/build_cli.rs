//! `build` as a user runs it: the three outputs, byte-identical from one process to the
//! next, the DOCX and the text report agreeing paragraph for paragraph, and a failed build
//! leaving the previous outputs untouched.

use std::path::Path;

use crate::common::{
    W, code, copy_tree, docx_part as part, paragraph_text, root, run, run_in, stderr, stdout,
};

fn build_into(out: &Path, extra: &[&str]) -> std::process::Output {
    let out = out.to_string_lossy().into_owned();
    let mut args = vec!["build", "--out", out.as_str()];
    args.extend_from_slice(extra);
    run(&args)
}

#[test]
fn writes_the_three_outputs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = build_into(dir.path(), &[]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    for name in ["C18-33-E.docx", "C18-33-E.txt", "C18-33-E-digest.txt"] {
        let p = dir.path().join(name);
        assert!(p.is_file(), "{name} missing");
        assert!(
            stdout(&out).contains(&format!("wrote {}", p.display())),
            "{}",
            stdout(&out)
        );
    }
    assert!(
        stderr(&out).starts_with("checked 54 entries: 0 errors, 0 warnings"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn two_processes_give_identical_bytes() {
    let (a, b) = (
        tempfile::tempdir().expect("tempdir"),
        tempfile::tempdir().expect("tempdir"),
    );
    assert_eq!(code(&build_into(a.path(), &[])), 0);
    assert_eq!(code(&build_into(b.path(), &[])), 0);
    for name in ["C18-33-E.docx", "C18-33-E.txt", "C18-33-E-digest.txt"] {
        let x = std::fs::read(a.path().join(name)).expect("read");
        let y = std::fs::read(b.path().join(name)).expect("read");
        assert!(x == y, "{name} differs between two builds");
    }
}

/// Entries saved with CRLF line ends (Notepad, Word's text export, a Windows checkout)
/// give the same bytes as the LF files they equal: the DOCX (its data part holds each
/// text as written), the text report and the digest.
#[test]
fn crlf_entries_give_the_same_bytes_as_lf_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let crlf = dir.path().join("crlf");
    copy_tree(&root().join("entries"), &crlf);
    let mut converted = 0;
    for e in walkdir::WalkDir::new(&crlf) {
        let p = e.expect("walk").into_path();
        if p.extension().is_some_and(|x| x == "toml") {
            let text = std::fs::read_to_string(&p).expect("read");
            std::fs::write(&p, text.replace("\r\n", "\n").replace('\n', "\r\n")).expect("write");
            converted += 1;
        }
    }
    assert!(converted > 50, "{converted} files converted");
    let lf = build_into(&dir.path().join("lf"), &[]);
    assert_eq!(code(&lf), 0, "{}", stderr(&lf));
    let crlf_out = dir.path().join("crlf-out").to_string_lossy().into_owned();
    let entries = crlf.to_string_lossy().into_owned();
    let built = run(&["build", "--entries", &entries, "--out", &crlf_out]);
    assert_eq!(code(&built), 0, "{}", stderr(&built));
    for name in ["C18-33-E.docx", "C18-33-E.txt", "C18-33-E-digest.txt"] {
        let x = std::fs::read(dir.path().join("lf").join(name)).expect("read");
        let y = std::fs::read(dir.path().join("crlf-out").join(name)).expect("read");
        assert!(x == y, "{name} from CRLF entries differs from the LF build");
    }
}

mod generate {
    include!("../benches/support/generate.rs");
}

/// The ids of `attr="…"` in `xml`, in document order.
fn attr_values(xml: &str, attr: &str) -> Vec<String> {
    let key = format!(" {attr}=\"");
    xml.match_indices(&key)
        .filter_map(|(at, _)| {
            let rest = &xml[at + key.len()..];
            rest.find('"').map(|end| rest[..end].to_owned())
        })
        .collect()
}

#[test]
fn a_large_report_built_on_several_threads_is_identical_and_numbered_in_order() {
    // 162 entries: past the size where entries are built on several threads.
    let tmp = tempfile::tempdir().expect("tempdir");
    let entries = tmp.path().join("entries");
    generate::generate(&root().join("entries"), &entries, 3).expect("generate");
    let outs = [tmp.path().join("a"), tmp.path().join("b")];
    for out in &outs {
        let o = run(&[
            "build",
            "--entries",
            &entries.to_string_lossy(),
            "--out",
            &out.to_string_lossy(),
        ]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
    }
    let a = std::fs::read(outs[0].join("C18-33-E.docx")).expect("docx");
    let b = std::fs::read(outs[1].join("C18-33-E.docx")).expect("docx");
    assert!(a == b, "the DOCX differs between two builds");

    let document = part(&a, "word/document.xml");
    // Paragraph ids: 1, 2, 3, … in document order, the headers and footers after.
    let para_ids = attr_values(&document, "w14:paraId");
    assert!(para_ids.len() > 162, "{}", para_ids.len());
    for (i, id) in para_ids.iter().enumerate() {
        assert_eq!(id, &format!("{:08X}", i + 1));
    }
    // Hyperlinks: rIdLink1, 2, … in order of first use, each with an external relationship.
    let link_ids: Vec<String> = attr_values(&document, "r:id")
        .into_iter()
        .filter(|id| id.starts_with("rIdLink"))
        .collect();
    assert!(link_ids.len() >= 3, "{link_ids:?}");
    let mut first_use: Vec<&String> = Vec::new();
    for id in &link_ids {
        if !first_use.contains(&id) {
            first_use.push(id);
        }
    }
    for (i, id) in first_use.iter().enumerate() {
        assert_eq!(**id, format!("rIdLink{}", i + 1));
    }
    let rels = part(&a, "word/_rels/document.xml.rels");
    for id in first_use {
        assert!(
            rels.contains(&format!(r#"Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink""#)),
            "{id} has no relationship: {rels}"
        );
    }
    assert!(!document.contains("rIdEntry") && !document.contains("rIdHyperlink"));
    assert!(!document.contains("CouncilReportBodyPlaceholder"));
    // The last copy's sections are in the body, after the first copy's.
    let first = document.find(">2.1<").expect("2.1 in the DOCX");
    let last = document.find(">16.1<").expect("16.1 in the DOCX");
    assert!(first < last);
}

#[test]
fn source_date_epoch_sets_the_document_dates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = assert_cmd::Command::cargo_bin("council-report")
        .expect("binary")
        .current_dir(root())
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .args(["build", "--out", &dir.path().to_string_lossy()])
        .output()
        .expect("runs");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let core = part(
        &std::fs::read(dir.path().join("C18-33-E.docx")).expect("docx"),
        "docProps/core.xml",
    );
    assert!(core.contains("2023-11-14T22:13:20Z"), "{core}");
    // Without it, the document date.
    let dir2 = tempfile::tempdir().expect("tempdir");
    assert_eq!(code(&build_into(dir2.path(), &[])), 0);
    let core = part(
        &std::fs::read(dir2.path().join("C18-33-E.docx")).expect("docx"),
        "docProps/core.xml",
    );
    assert!(core.contains("2018-03-22T00:00:00Z"), "{core}");
    assert!(
        core.contains("ITU’s activities related to Resolutions 101, 102, 133 and 180"),
        "{core}"
    );
}

#[test]
fn a_failed_build_keeps_the_previous_outputs() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let entries = tmp.path().join("entries");
    copy_tree(&root().join("entries"), &entries);
    let out = tmp.path().join("out");
    assert_eq!(code(&run_in(tmp.path(), &["build"])), 0);
    let before = std::fs::read(out.join("C18-33-E.docx")).expect("docx");
    // Break an entry: the build must stop before writing anything.
    std::fs::write(
        entries.join("2/2.01-itu-t-study-groups.toml"),
        "number = \"2.1\"\nsectr = \"ITU-T\"\n",
    )
    .expect("write");
    let o = run_in(tmp.path(), &["build"]);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("nothing written"), "{}", stderr(&o));
    assert!(std::fs::read(out.join("C18-33-E.docx")).expect("docx") == before);
    let names: Vec<String> = std::fs::read_dir(&out)
        .expect("out")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n != council_report::lock::LOCK_FILE)
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
}

#[test]
fn output_folder_that_is_a_file_is_an_io_error() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("out");
    std::fs::write(&file, "not a folder").expect("write");
    let o = build_into(&file, &[]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o)
            .contains("error: build failed; the previous outputs are unchanged: cannot write "),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read_to_string(&file).expect("kept"),
        "not a folder"
    );
}

#[test]
fn templates_option_overrides_the_text_report() {
    let tmp = crate::common::folder_with(&[(
        "tpl/report.txt.j2",
        "{{ meta.number }}: {{ entries | length }} entries\n",
    )]);
    let templates = tmp.path().join("tpl");
    let out = tmp.path().join("out");
    let o = build_into(&out, &["--templates", &templates.to_string_lossy()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(out.join("C18-33-E.txt")).expect("txt"),
        "C18/33: 54 entries\n"
    );
    // The digest template was not overridden: the built-in one is used.
    assert!(
        std::fs::read_to_string(out.join("C18-33-E-digest.txt"))
            .expect("digest")
            .starts_with("Digest of")
    );
}

#[test]
fn a_broken_template_names_file_and_line_and_writes_nothing() {
    let tmp = crate::common::folder_with(&[("tpl/report.txt.j2", "line one\n{{ meta.titel }}\n")]);
    let templates = tmp.path().join("tpl");
    let out = tmp.path().join("out");
    let o = build_into(&out, &["--templates", &templates.to_string_lossy()]);
    assert_eq!(code(&o), 1);
    let err = stderr(&o);
    assert!(err.contains("report.txt.j2:2: undefined value"), "{err}");
    assert!(err.contains("meta.titel"), "{err}");
    assert!(!out.join("C18-33-E.docx").exists());
}

/// The body of the DOCX (paragraphs after the Summary box, before the closing rule) and
/// the body of the text report, whitespace normalised and links compared by their text.
#[test]
fn docx_and_text_report_agree_paragraph_for_paragraph() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert_eq!(code(&build_into(dir.path(), &[])), 0);
    let docx = std::fs::read(dir.path().join("C18-33-E.docx")).expect("docx");
    let xml = part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).expect("document.xml parses");
    let body = doc
        .descendants()
        .find(|n| n.has_tag_name((W, "body")))
        .expect("body");
    let children: Vec<_> = body.children().filter(|n| n.is_element()).collect();
    let last_table = children
        .iter()
        .rposition(|n| n.has_tag_name((W, "tbl")))
        .expect("Summary box");
    let mut from_docx: Vec<String> = children[last_table + 1..]
        .iter()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| normalise(&paragraph_text(*p)))
        .collect();
    assert_eq!(from_docx.pop().as_deref(), Some("__________________"));

    let text = std::fs::read_to_string(dir.path().join("C18-33-E.txt")).expect("txt");
    let lines: Vec<&str> = text.lines().collect();
    let refs = lines
        .iter()
        .position(|l| *l == "References")
        .expect("References");
    let end = lines
        .iter()
        .rposition(|l| *l == "__________________")
        .expect("closing rule");
    let from_text: Vec<String> = lines[refs + 2..end]
        .iter()
        .map(|l| normalise(&strip_urls(l)))
        .collect();

    assert_eq!(from_docx.len(), from_text.len());
    for (i, (d, t)) in from_docx.iter().zip(&from_text).enumerate() {
        assert_eq!(d, t, "paragraph {i} differs");
    }
    assert!(from_docx.len() > 100, "{}", from_docx.len());
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `the list (https://…)` → `the list`: the text report writes link targets after the text.
fn strip_urls(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(at) = rest.find(" (http").or_else(|| rest.find(" (mailto:")) {
        out.push_str(&rest[..at]);
        match rest[at..].find(')') {
            Some(close) => rest = &rest[at + close + 1..],
            None => {
                rest = &rest[at..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}
