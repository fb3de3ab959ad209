//! `import` as a user runs it: a Word-style text export (tests/fixtures/import), our own
//! text report of the sample entries, and a DOCX built here; the written files are pinned
//! by snapshots and read back through `check` and the text renderer.

use std::fs;
use std::path::Path;

use crate::common::{code, run, run_in, stderr};
use council_report::model::Report;
use council_report::render::text::{Templates, render_report, view};

const FIXTURE: &str = "tests/fixtures/import/word-export.txt";

fn load(dir: &Path) -> Report {
    let checked = council_report::load_and_check(dir).expect("entries load");
    assert_eq!(checked.errors(), 0, "{:#?}", checked.diagnostics);
    checked.report.expect("a checked report")
}

fn import(input: &Path, into: &Path) -> String {
    let out = run(&[
        "import",
        input.to_str().expect("utf-8 path"),
        "--into",
        into.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    stderr(&out)
}

/// The source's paragraphs with Word's artefacts removed, independently of the importer:
/// bookmarks, spaces at the ends and around the number's TAB.
fn cleaned_source_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| {
            let mut l = l.to_owned();
            while let Some(at) = l.find("[bookmark: ") {
                let end = l[at..].find(']').map_or(l.len(), |e| at + e + 1);
                l.replace_range(at..end, "");
            }
            let l = l.trim_matches([' ', '\t', '\u{a0}', '\r']).to_owned();
            l.replace(" \t", "\t").replace("\t ", "\t")
        })
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn word_export_imports_to_entries_that_pass_check() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let into = tmp.path().join("entries");
    let err = import(Path::new(FIXTURE), &into);
    let err = err.replace(into.to_str().expect("utf-8"), "[DIR]");
    insta::assert_snapshot!("word_export_stderr", err);

    let mut files: Vec<String> = walk(&into)
        .iter()
        .map(|p| p.strip_prefix(&into).expect("inside").display().to_string())
        .collect();
    files.sort();
    insta::assert_snapshot!("word_export_files", files.join("\n"));
    for name in [
        "report.toml",
        "1/1-introduction.toml",
        "2/2.01-itu-t-sg13-approved.toml",
        "2/2.01.1-third-sample-workshop-on.toml",
        "2/2.02-itu-d-keeps-supporting.toml",
        "2/2.03-study-group-2-started.toml",
        "4/4-enum.toml",
    ] {
        let text = fs::read_to_string(into.join(name)).expect(name);
        insta::assert_snapshot!(
            format!("word_export_{}", name.replace(['/', '.'], "_")),
            text
        );
    }

    // `check`: no errors (the straight quotes of the export are warnings).
    let out = run(&["check", "--entries", into.to_str().expect("utf-8")]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stderr(&out).contains("W002"), "{}", stderr(&out));
    // The files are already in `fmt`'s canonical layout.
    let out = run(&["fmt", "--check", "--entries", into.to_str().expect("utf-8")]);
    assert_eq!(
        code(&out),
        0,
        "{}{}",
        crate::common::stdout(&out),
        stderr(&out)
    );

    // Every paragraph of the source is a paragraph of the report built from the import.
    let report = render_report(&load(&into), &Templates::embedded()).expect("renders");
    let built: Vec<&str> = report.lines().collect();
    let source = fs::read_to_string(FIXTURE).expect("fixture");
    let missing: Vec<String> = cleaned_source_lines(&source)
        .into_iter()
        // The Summary label and the title, which the report prints in capitals.
        .filter(|l| !built.contains(&l.as_str()) && l != "Summary")
        .collect();
    assert!(missing.is_empty(), "not reproduced: {missing:#?}\n{report}");
    // The introduction had no visible number: it becomes entry 1, "Introduction".
    assert!(built.contains(&"1.\tIntroduction"), "{report}");
}

#[test]
fn own_text_report_round_trips_paragraph_for_paragraph() {
    let sample = load(Path::new("entries"));
    let text = render_report(&sample, &Templates::embedded()).expect("renders");
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("C18-33-E.txt");
    fs::write(&input, &text).expect("write");
    let into = tmp.path().join("imported");
    let err = import(&input, &into);
    assert!(
        !err.contains("removed"),
        "our own output needs no clean-up: {err}"
    );
    assert!(!err.contains("to fill in"), "the header is complete: {err}");

    let again = load(&into);
    let lines =
        |r: &Report| -> Vec<String> { view::body(r).into_iter().map(|p| p.line()).collect() };
    assert_eq!(lines(&again), lines(&sample));
    assert_eq!(again.entries.len(), sample.entries.len());
    let rendered = render_report(&again, &Templates::embedded()).expect("renders");
    // The whole text report agrees, header block and Summary box included.
    assert_eq!(rendered, text);
}

#[test]
fn docx_imports_header_summary_box_and_styles() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("report.docx");
    fs::write(&input, docx()).expect("write");
    let into = tmp.path().join("entries");
    let err = import(&input, &into);
    assert!(!err.contains("to fill in"), "{err}");
    let report = load(&into);
    let m = &report.meta;
    assert_eq!(m.placeholders(), Vec::<&str>::new());
    assert_eq!(
        (
            m.meeting.as_str(),
            m.place_and_dates.as_str(),
            m.number.as_str(),
            m.language.as_str(),
            m.date.value().map(|d| d.iso()),
            m.agenda_item.as_deref(),
            m.source.as_deref()
        ),
        (
            "Council 2019",
            "Geneva, 10-20 June 2019",
            "C19/40",
            "E",
            Some("2019-04-05".to_owned()),
            Some("PL 3"),
            Some("Report by the Secretary-General")
        )
    );
    let lines: Vec<String> = view::body(&report).into_iter().map(|p| p.line()).collect();
    assert_eq!(
        lines,
        [
            "1.\tIntroduction".to_owned(),
            "An introduction outside the box.".to_owned(),
            "2.\tWork".to_owned(),
            "2.1\tA heading at level two".to_owned(),
            "2.1.1\tITU-T SG13 approved ITU-T Y.9999 “Test”:".to_owned(),
            "–\tan item".to_owned(),
            format!(
                "\t{}\ta nested item",
                council_report::render::conventions::bullet(1)
            ),
        ]
    );
    assert_eq!(
        report.entries[2].title.as_deref(),
        Some("A heading at level two")
    );
    assert_eq!(report.entries[3].recommendations.len(), 1);
}

#[test]
fn refuses_a_folder_with_files_unless_forced_and_never_touches_the_input() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in.txt");
    fs::copy(FIXTURE, &input).expect("copy");
    let before = fs::read(&input).expect("read");
    let into = tmp.path().join("out");
    fs::create_dir(&into).expect("mkdir");
    fs::write(into.join("keep.txt"), "x").expect("write");

    let out = run_in(tmp.path(), &["import", "in.txt", "--into", "out"]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "error: out is not empty: import into a new folder, or pass --force to write into it\n"
    );
    assert!(!into.join("report.toml").exists());

    let out = run_in(
        tmp.path(),
        &["import", "in.txt", "--into", "out", "--force"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(into.join("report.toml").exists() && into.join("keep.txt").exists());
    assert_eq!(fs::read(&input).expect("read"), before);
}

#[test]
fn windows_1252_exports_are_read_with_a_note() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("export.txt");
    let utf8 = fs::read_to_string(FIXTURE).expect("fixture");
    // The fixture holds only characters Windows-1252 has.
    let bytes: Vec<u8> = utf8
        .chars()
        .map(|c| match c {
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            c => u8::try_from(u32::from(c)).expect("latin-1"),
        })
        .collect();
    fs::write(&input, bytes).expect("write");
    let into = tmp.path().join("entries");
    let err = import(&input, &into);
    assert!(err.contains(":1: not UTF-8: read as Windows-1252"), "{err}");
    let again = tempfile::tempdir().expect("tempdir");
    import(Path::new(FIXTURE), &again.path().join("entries"));
    for f in ["report.toml", "2/2.01.1-third-sample-workshop-on.toml"] {
        assert_eq!(
            fs::read_to_string(into.join(f)).expect("cp1252 import"),
            fs::read_to_string(again.path().join("entries").join(f)).expect("utf-8 import"),
        );
    }
}

#[test]
fn unreadable_inputs_are_usage_errors() {
    let tmp = tempfile::tempdir().expect("tempdir");
    fs::write(
        tmp.path().join("notes.txt"),
        "Just some words.\nNo numbers.\n",
    )
    .expect("write");
    fs::write(tmp.path().join("binary.txt"), b"Caf\x81\n").expect("write");
    fs::write(tmp.path().join("bad.docx"), b"PK\x03\x04 not really").expect("write");
    for (file, message) in [
        ("missing.txt", "error: cannot read missing.txt: "),
        (
            "notes.txt",
            "error: notes.txt: no numbered paragraph (such as `2.1<TAB>…`) found: is this a Council report?",
        ),
        (
            "binary.txt",
            "error: binary.txt: not UTF-8, UTF-16 or Windows-1252 text",
        ),
        ("bad.docx", "error: bad.docx: not a readable DOCX file: "),
    ] {
        let out = run_in(tmp.path(), &["import", file, "--into", "out"]);
        assert_eq!(code(&out), 2, "{file}");
        assert!(
            stderr(&out).starts_with(message),
            "{file}: {}",
            stderr(&out)
        );
    }
    assert!(!tmp.path().join("out").exists());
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).expect("read dir").flatten() {
        if e.path().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

/// A small Council-formatted DOCX: the header table, title, Summary box, headings in
/// Heading 1/2, numbered paragraphs and enumlev items.
fn docx() -> Vec<u8> {
    use std::io::Write;
    let p = |style: &str, text: &str| {
        let ppr = if style.is_empty() {
            String::new()
        } else {
            format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#)
        };
        let runs: Vec<String> = text
            .split('\t')
            .map(|t| format!(r#"<w:r><w:t xml:space="preserve">{t}</w:t></w:r>"#))
            .collect();
        format!("<w:p>{ppr}{}</w:p>", runs.join("<w:r><w:tab/></w:r>"))
    };
    let cell = |paras: &[&str]| {
        format!(
            "<w:tc>{}</w:tc>",
            paras.iter().map(|t| p("", t)).collect::<String>()
        )
    };
    let body = [
        format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            cell(&["Council 2019", "Geneva, 10-20 June 2019"]),
            cell(&[]),
            cell(&["Agenda item: PL 3"]),
            cell(&["Document C19/40-E", "5 April 2019", "Original: English"]),
        ),
        p("", "Report by the Secretary-General"),
        p("Title", "ITU’S WORK"),
        format!(
            "<w:tbl><w:tr>{}</w:tr></w:tbl>",
            cell(&[
                "Summary",
                "A summary.",
                "Action required",
                "The Council is invited to take note of this report.",
                "____________",
                "References",
                "Resolution 101",
            ])
        ),
        p("", "An introduction outside the box."),
        p("Heading1", "2.\tWork"),
        p("Heading2", "2.1\tA heading at level two"),
        p("", "2.1.1\tITU-T SG13 approved ITU-T Y.9999 “Test”:"),
        p("enumlev1", "–\tan item"),
        p("enumlev2", "\t–\ta nested item"),
        p("", "__________________"),
    ]
    .concat();
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .expect("zip");
    write!(
        zip,
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    )
    .expect("zip");
    zip.finish().expect("zip");
    buf.into_inner()
}

/// The acceptance round trip: `build` the sample, `import` its text report and its DOCX,
/// `build` each import: the same text report, paragraph for paragraph (links included:
/// the DOCX keeps their targets, the text prints them).
#[test]
fn build_import_build_round_trips_text_and_docx() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let t = |p: &str| tmp.path().join(p).to_str().expect("utf-8").to_owned();
    let ok = |args: &[&str]| {
        let out = run(args);
        assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
    };
    ok(&["build", "--entries", "entries", "--out", &t("first")]);
    let original = fs::read_to_string(tmp.path().join("first/C18-33-E.txt")).expect("text");
    // The visible text alone, as a DOCX another tool wrote (no data part): what Word's
    // text gives must match what the text report gives.
    let docx = fs::read(tmp.path().join("first/C18-33-E.docx")).expect("docx");
    fs::write(tmp.path().join("first/text-only.docx"), without_data(&docx)).expect("write");
    for input in ["C18-33-E.txt", "C18-33-E.docx", "text-only.docx"] {
        let into = t(&format!("imported-{input}"));
        let out = t(&format!("again-{input}"));
        ok(&["import", &t(&format!("first/{input}")), "--into", &into]);
        ok(&["build", "--entries", &into, "--out", &out]);
        let again = fs::read_to_string(Path::new(&out).join("C18-33-E.txt")).expect("text again");
        let (a, b): (Vec<&str>, Vec<&str>) = (original.lines().collect(), again.lines().collect());
        for (i, (x, y)) in a.iter().zip(&b).enumerate() {
            assert_eq!(x, y, "{input}: paragraph {} differs", i + 1);
        }
        assert_eq!(a.len(), b.len(), "{input}");
    }
    // Header block, Summary box and footer link come back the same from either format.
    let report_toml = |input: &str| {
        fs::read_to_string(tmp.path().join(format!("imported-{input}/report.toml")))
            .expect("report.toml")
    };
    assert_eq!(report_toml("text-only.docx"), report_toml("C18-33-E.txt"));
}

/// The DOCX without its data part (`customXml/`), as another tool would write it.
fn without_data(docx: &[u8]) -> Vec<u8> {
    use std::io::{Cursor, Read, Write};
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).expect("zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("entry");
        let name = f.name().to_owned();
        if name.starts_with("customXml/") {
            continue;
        }
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).expect("read");
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("start");
        out.write_all(&bytes).expect("write");
    }
    out.finish().expect("zip").into_inner()
}

const NO_HEADER: &str = "tests/fixtures/import/word-export-no-header.txt";

/// A Word text export without the header block (as the reference export): report.toml
/// gets a `TODO` placeholder for each value not found; `check` passes with a W005 for
/// each (and fails under `--deny-warnings`, as CI runs it); `build` writes a draft that
/// shows the placeholders and reproduces every paragraph of the source; once filled in,
/// the folder is clean.
#[test]
fn placeholders_pass_check_as_warnings_and_build_a_draft() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let into = tmp.path().join("entries");
    let dir = into.to_str().expect("utf-8");
    let err = import(Path::new(NO_HEADER), &into);
    // Every value report.toml must have (the list `raw::shape`'s unit test pins) but the
    // Summary's text, which `import` finds in this export.
    let placeholders: Vec<String> = council_report::raw::shape::filled_in_report()
        .map(|(key, _)| key)
        .filter(|key| key != "summary.text")
        .collect();
    assert_eq!(placeholders.len(), 8, "{placeholders:?}");
    assert!(
        err.contains(&format!(
            "to fill in, in {dir}/report.toml (placeholders starting with TODO; check warns, W005): {}",
            placeholders.join(", ")
        )),
        "{err}"
    );
    // The placeholders, and the guess of entry 1's title (W014).
    assert!(
        err.contains("checked 8 entries: 0 errors, 9 warnings"),
        "{err}"
    );
    let report = fs::read_to_string(into.join("report.toml")).expect("report.toml");
    insta::assert_snapshot!("no_header_report_toml", report);

    // `check`: no error, one W005 per placeholder, the guess, and nothing else.
    let out = run(&["check", "--entries", dir]);
    let err = stderr(&out);
    assert_eq!(code(&out), 0, "{err}");
    for key in &placeholders {
        assert!(
            err.contains(&format!("warning[W005]: `{key}` is still a placeholder")),
            "{key}: {err}"
        );
    }
    assert!(err.contains("warning[W014]"), "{err}");
    assert_eq!(err.matches("]: ").count(), 9, "{err}");
    assert!(
        err.ends_with("checked 8 entries: 0 errors, 9 warnings\n"),
        "{err}"
    );
    let out = run(&["check", "--entries", dir, "--deny-warnings"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let out = run(&[
        "build",
        "--entries",
        dir,
        "--out",
        &t(&tmp, "denied"),
        "--deny-warnings",
    ]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).ends_with("nothing written: warnings are denied (--deny-warnings)\n"),
        "{}",
        stderr(&out)
    );
    assert!(!tmp.path().join("denied").exists());

    // `build`: a draft, under a fixed name, that shows what is missing.
    let out = run(&["build", "--entries", dir, "--out", &t(&tmp, "draft")]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let draft = tmp.path().join("draft");
    let text = fs::read_to_string(draft.join("report-draft.txt")).expect("draft text");
    let built: Vec<&str> = text.lines().collect();
    assert_eq!(
        built[..6],
        [
            "TODO: the meeting, such as Council 2018",
            "TODO: the place and dates, such as Geneva, 17-27 April 2018",
            "Document TODO: the document number, such as C18/33",
            "TODO: the document’s date, such as 2018-03-22 (a TOML date, without the quotes)",
            "TODO: the language line, such as Original: English",
            "TODO: the title, in normal case (the report prints it in capitals)",
        ],
        "{text}"
    );
    // Every paragraph of the source is a paragraph of the draft.
    let source = fs::read_to_string(NO_HEADER).expect("fixture");
    let missing: Vec<String> = cleaned_source_lines(&source)
        .into_iter()
        .filter(|l| !built.contains(&l.as_str()))
        .collect();
    assert!(missing.is_empty(), "not reproduced: {missing:#?}\n{text}");
    let digest = fs::read_to_string(draft.join("report-draft-digest.txt")).expect("digest");
    assert!(
        digest.contains(&format!(
            "DRAFT: report.toml still holds placeholders for {}",
            placeholders.join(", ")
        )),
        "{digest}"
    );
    // The DOCX: the placeholders highlighted, the fixed draft timestamp, the same bytes
    // from one build to the next.
    let docx = fs::read(draft.join("report-draft.docx")).expect("draft docx");
    let document = crate::common::docx_part(&docx, "word/document.xml");
    assert!(document.contains("TODO: the meeting, such as Council 2018"));
    // Seven runs: the number and the language share the `Document …` line.
    assert_eq!(
        document.matches(r#"<w:highlight w:val="yellow""#).count(),
        7
    );
    let core = crate::common::docx_part(&docx, "docProps/core.xml");
    assert!(
        core.contains(">1980-01-01T00:00:00Z</dcterms:created>"),
        "{core}"
    );
    let out = run(&["build", "--entries", dir, "--out", &t(&tmp, "again")]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(fs::read(tmp.path().join("again/report-draft.docx")).expect("docx") == docx);

    // Filled in, the folder is clean and the outputs take the document's name.
    let filled = [
        ("meeting.name", "\"Council 2020\""),
        ("meeting.place_and_dates", "\"Geneva, 9-18 June 2020\""),
        ("document.number", "\"C20/33\""),
        ("document.language", "\"E\""),
        ("document.date", "2020-03-20"),
        ("document.language_line", "\"Original: English\""),
        (
            "document.title",
            "\"ITU’s work on community networks and IPv6\"",
        ),
        (
            "summary.references",
            "\"Resolutions 101 and 180 (Rev. Dubai, 2018)\"",
        ),
    ];
    let mut done = String::new();
    for line in report.lines() {
        let key = line.split(" = ").next().unwrap_or("");
        match filled
            .iter()
            .find(|(k, _)| k.ends_with(&format!(".{key}")) && line.contains("\"TODO: "))
        {
            Some((_, value)) => done.push_str(&format!("{key} = {value}\n")),
            None => done.push_str(&format!("{line}\n")),
        }
    }
    fs::write(into.join("report.toml"), done).expect("write");
    // The guess reviewed: its comment deleted.
    for file in walk(&into) {
        let text = fs::read_to_string(&file).expect("read");
        if text.contains("# import:") {
            let kept: String = text
                .lines()
                .filter(|l| !l.starts_with("# import:"))
                .map(|l| format!("{l}\n"))
                .collect();
            fs::write(&file, kept).expect("write");
        }
    }
    let out = run(&[
        "build",
        "--entries",
        dir,
        "--out",
        &t(&tmp, "final"),
        "--deny-warnings",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(tmp.path().join("final/C20-33-E.docx").exists());
}

/// `tmp/name`, as an argument.
fn t(tmp: &tempfile::TempDir, name: &str) -> String {
    tmp.path().join(name).to_str().expect("utf-8").to_owned()
}
