//! The real-structure corpus (tests/fixtures/import/real, whose README cites the ITU
//! Council documents each input is modelled on): every document imports with the
//! report.toml values and entry numbers it shows, passes `check` with warnings only
//! (placeholders W005 and unreviewed guesses W014), and the text report built from the
//! import holds every paragraph of the source, none twice.

use std::fs;
use std::path::Path;

use crate::common::{W, code, run, stderr};
use council_report::render::text::{Templates, render_report, view};

const DIR: &str = "tests/fixtures/import/real";

/// What one input must import to. `None` for a value the document does not have.
struct Expect {
    file: &'static str,
    meeting: &'static str,
    place_and_dates: &'static str,
    number: &'static str,
    /// The language letter of `Document C17/33-E`.
    language: &'static str,
    date: &'static str,
    language_line: &'static str,
    agenda_item: Option<&'static str>,
    source: Option<&'static str>,
    title: &'static str,
    /// How the Summary, the Action required and the References start; `None` when the
    /// document has none (a placeholder for the required References).
    summary: &'static str,
    action: Option<&'static str>,
    references: Option<&'static str>,
    top_level_period: bool,
    numbers: &'static [&'static str],
    /// Page numbers and running headers the import must drop, each with a note.
    furniture: &'static [&'static str],
    /// Header lines the import drops with a note (`Revision 1 to`): not in the report.
    dropped: &'static [&'static str],
    /// How many `# import:` guesses (W014) and placeholders (W005) `check` reports.
    guesses: usize,
    placeholders: usize,
}

/// C17/35-E (`c17-35-e.docx`), which `c17-35-links-e.docx` shares but for its numbers.
const C17_35: Expect = Expect {
    file: "c17-35-e.docx",
    meeting: "Council 2017",
    place_and_dates: "Geneva, 15-25 May 2017",
    number: "C17/35",
    language: "E",
    date: "2017-04-20",
    language_line: "Original: English",
    agenda_item: Some("PL 1.1"),
    source: Some("Report by the Secretary-General"),
    title: "REPORT ON THE IMPLEMENTATION OF THE STRATEGIC PLAN AND ACTIVITIES OF THE UNION",
    summary: "This report presents the Union’s results for 2016",
    action: Some("The Council is invited to consider the report"),
    references: Some("Resolution 71 (Rev. Busan, 2014); Council Resolution 1386 (2017)"),
    top_level_period: true,
    numbers: &["1", "1.1", "2", "2.1", "2.2"],
    furniture: &[],
    dropped: &[],
    guesses: 0,
    placeholders: 0,
};

const CORPUS: [Expect; 12] = [
    Expect {
        file: "c17-33-e.txt",
        meeting: "Council 2017",
        place_and_dates: "Geneva, 15-25 May 2017",
        number: "C17/33",
        language: "E",
        date: "2017-03-14",
        language_line: "Original: English",
        agenda_item: Some("PL 1.4"),
        source: Some("Report by the Secretary-General"),
        title: "ITU INTERNET ACTIVITIES: RESOLUTIONS 101, 102, 133 AND 180",
        summary: "This report sets out what ITU has done",
        action: Some("The Council is invited to take note of the report."),
        references: Some("Plenipotentiary Resolutions 101, 102, 133, 180"),
        top_level_period: true,
        numbers: &["1", "1.1", "2", "2.1", "2.2", "2.3", "3", "3.1"],
        furniture: &["- 2 -", "C17/33-E"],
        dropped: &[],
        guesses: 0,
        placeholders: 0,
    },
    Expect {
        file: "wg-internet-9-2-e.txt",
        meeting: "Council Working Group on International Internet-related Public Policy Issues (CWG-Internet)",
        place_and_dates: "Ninth meeting – Geneva, 6-7 February 2017",
        number: "WG-Internet 9/2",
        language: "E",
        date: "2017-01-03",
        language_line: "English only",
        agenda_item: None,
        source: None,
        title: "ITU INTERNET ACTIVITIES: RESOLUTIONS 101, 102, 133 AND 180",
        summary: "This document gives the Working Group an account",
        action: None,
        references: Some("Resolutions 101, 102, 133 and 180 (Rev. Busan, 2014)"),
        top_level_period: true,
        numbers: &["1", "1.1", "2", "2.1", "2.2", "3", "3.1"],
        furniture: &[],
        dropped: &[],
        guesses: 0,
        placeholders: 0,
    },
    Expect {
        file: "c17-119-e.txt",
        meeting: "Council 2017",
        place_and_dates: "Geneva, 15-25 May 2017",
        number: "C17/119",
        language: "E",
        date: "2017-06-07",
        language_line: "Original: English",
        agenda_item: None,
        source: None,
        title: "SUMMARY RECORD OF THE THIRD PLENARY MEETING",
        summary: "Tuesday, 16 May 2017, from 0935 to 1235 hours",
        action: None,
        references: None,
        top_level_period: false,
        numbers: &[
            "1", "1.1", "1.2", "1.3", "2", "2.1", "2.2", "3", "3.1", "3.2",
        ],
        furniture: &["1", "C17/119-E"],
        dropped: &[],
        guesses: 1,
        placeholders: 1,
    },
    Expect {
        file: "c18-35-e.txt",
        meeting: "Council 2018",
        place_and_dates: "Geneva, 17-27 April 2018",
        number: "C18/35",
        language: "E",
        date: "2018-03-05",
        language_line: "Original: English",
        agenda_item: Some("PL 3.1"),
        source: Some("Note by the Secretary-General"),
        title: "Implementation of the strategic plan: the year in figures",
        summary: "This note gives the Council the main figures",
        action: Some("The Council is invited to take note of this document."),
        references: Some("Resolution 71 (Rev. Busan, 2014)"),
        top_level_period: true,
        numbers: &["1", "1.1", "2", "2.1", "2.2"],
        furniture: &[],
        dropped: &[],
        guesses: 4,
        placeholders: 0,
    },
    Expect {
        file: "c19-111-e.txt",
        meeting: "Council 2019",
        place_and_dates: "Geneva, 10-20 June 2019",
        number: "C19/111",
        language: "E",
        date: "2019-06-11",
        language_line: "Original: English",
        agenda_item: None,
        source: None,
        title: "SUMMARY RECORD OF THE INAUGURAL PLENARY MEETING",
        summary: "Monday, 10 June 2019, from 0935 to 1230 hours",
        action: None,
        references: None,
        top_level_period: false,
        numbers: &["1", "1.1", "2", "2.1", "2.2", "3", "3.1"],
        furniture: &["2", "C19/111-E"],
        dropped: &[],
        guesses: 1,
        placeholders: 1,
    },
    Expect {
        file: "cwg-internet-11-11-e.txt",
        meeting: "Council Working Group on International Internet-related Public Policy Issues (CWG-Internet)",
        place_and_dates: "Eleventh meeting – Geneva, 25-26 January 2018",
        number: "CWG-Internet 11/11",
        language: "E",
        date: "2018-01-10",
        language_line: "English only",
        agenda_item: None,
        source: None,
        title: "ITU INTERNET ACTIVITIES: RESOLUTIONS 101, 102, 133 AND 180",
        summary: "This document reports on ITU’s Internet-related work",
        action: None,
        references: Some(
            "Resolutions 101, 102, 133 and 180 (Rev. Busan, 2014); Document CWG-Internet 10/5",
        ),
        top_level_period: true,
        numbers: &["1", "1.1", "2", "2.1", "2.2", "3", "3.1"],
        furniture: &["- 9 -"],
        dropped: &[],
        guesses: 0,
        placeholders: 0,
    },
    Expect {
        file: "c17-124-e.txt",
        meeting: "Council 2017",
        place_and_dates: "Geneva, 15-25 May 2017",
        number: "C17/124",
        language: "E",
        date: "2017-06-14",
        language_line: "Original: English",
        agenda_item: None,
        source: None,
        title: "SUMMARY RECORD OF THE SIXTH PLENARY MEETING",
        summary: "Monday, 22 May 2017, from 0930 to 1230 hours",
        action: None,
        references: None,
        top_level_period: false,
        numbers: &["1", "1.1", "1.2", "2", "2.1"],
        furniture: &["1", "C17/124-E"],
        dropped: &[],
        guesses: 1,
        placeholders: 1,
    },
    Expect {
        file: "c16-33-e.docx",
        meeting: "Council 2016",
        place_and_dates: "Geneva, 25 May - 2 June 2016",
        number: "C16/33",
        language: "E",
        date: "2016-04-13",
        language_line: "Original: English",
        agenda_item: Some("PL 1.3"),
        source: Some("Report by the Secretary-General"),
        title: "ITU INTERNET ACTIVITIES: RESOLUTIONS 101, 102, 133 AND 180",
        summary: "This report describes the Union’s Internet-related work",
        action: Some("The Council is invited to take note of this report."),
        references: Some("Resolutions 101, 102, 133 and 180 (Rev. Busan, 2014); Document C15/33"),
        top_level_period: false,
        numbers: &["1", "1.1", "2", "2.1", "2.2", "3", "3.1"],
        furniture: &[],
        dropped: &[],
        guesses: 0,
        placeholders: 0,
    },
    C17_35,
    Expect {
        file: "c17-130-rev1-e.txt",
        meeting: "Council 2017",
        place_and_dates: "Geneva, 15-25 May 2017",
        number: "C17/130",
        language: "E",
        date: "2017-08-08",
        language_line: "Original: French",
        agenda_item: None,
        source: None,
        title: "SUMMARY RECORD OF THE EIGHTH PLENARY MEETING",
        summary: "Wednesday, 24 May 2017, from 1435 to 1730 hours",
        action: None,
        references: None,
        top_level_period: false,
        numbers: &["1", "1.1", "1.2", "2", "2.1"],
        furniture: &[],
        dropped: &["Revision 1 to"],
        guesses: 1,
        placeholders: 1,
    },
    Expect {
        file: "c18-35-f.txt",
        meeting: "Conseil 2018",
        place_and_dates: "Genève, 17-27 avril 2018",
        number: "C18/35",
        language: "F",
        date: "2018-03-05",
        language_line: "Original: anglais",
        agenda_item: Some("PL 3.1"),
        source: Some("Note du Secrétaire général"),
        title: "MISE EN ŒUVRE DU PLAN STRATÉGIQUE: L’ANNÉE EN CHIFFRES",
        summary: "La présente note donne au Conseil les principaux chiffres",
        action: Some("Le Conseil est invité à prendre note du présent document."),
        references: Some("Résolution 71 (Rév. Busan, 2014)"),
        top_level_period: true,
        numbers: &["1", "1.1", "2", "2.1"],
        furniture: &[],
        dropped: &[],
        guesses: 0,
        placeholders: 0,
    },
    Expect {
        file: "c17-35-links-e.docx",
        numbers: &["1", "1.1", "2", "2.1", "2.2", "2.3", "2.4"],
        ..C17_35
    },
];

/// The paragraphs of an input, read here independently of the importer: the text's
/// lines (UTF-16 and UTF-8 by their byte-order marks, else UTF-8, else Windows-1252), or
/// the `w:p` of a DOCX's document part.
fn source_paragraphs(path: &Path) -> Vec<String> {
    let bytes = fs::read(path).expect("fixture");
    if path.extension().is_some_and(|e| e == "docx") {
        let xml = crate::common::docx_part(&bytes, "word/document.xml");
        let doc = roxmltree::Document::parse(&xml).expect("xml");
        return doc
            .descendants()
            .filter(|n| n.has_tag_name((W, "p")))
            .map(|p| {
                // A line break inside a paragraph separates two lines of a cell.
                let mut s = String::new();
                for n in p.descendants() {
                    if n.has_tag_name((W, "t")) {
                        s.push_str(n.text().unwrap_or(""));
                    } else if n.has_tag_name((W, "tab")) {
                        s.push('\t');
                    } else if n.has_tag_name((W, "br")) {
                        s.push('\u{b}');
                    }
                }
                s
            })
            .collect();
    }
    let (encoding, _) = encoding_rs::Encoding::for_bom(&bytes).unwrap_or((encoding_rs::UTF_8, 0));
    let (text, _, malformed) = encoding.decode(&bytes);
    let text = if malformed {
        encoding_rs::WINDOWS_1252.decode(&bytes).0
    } else {
        text
    };
    text.lines().map(str::to_owned).collect()
}

/// Without any white space, in capitals: a number's separator (TAB, spaces, none) and
/// a cell's line break do not change what a reader sees, and the report prints the title
/// in capitals.
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The pieces of a source line a reader must find in the built report: a numbered line
/// whole, another line cell by cell (a header row's cells become lines of their own).
fn pieces(line: &str) -> Vec<String> {
    let line = line.trim_end_matches(" /");
    if line.starts_with(|c: char| c.is_ascii_digit()) {
        return vec![squeeze(line)];
    }
    line.split(['\t', '\u{b}'])
        .map(squeeze)
        .filter(|c| !c.is_empty())
        .collect()
}

fn string<'a>(t: &'a toml::Table, dotted: &str) -> Option<&'a toml::Value> {
    let mut value = None;
    let mut table = t;
    for part in dotted.split('.') {
        value = table.get(part);
        if let Some(toml::Value::Table(inner)) = value {
            table = inner;
        }
    }
    value
}

/// `import INPUT --into INTO`, which must succeed: its notes.
fn import(input: &Path, into: &Path) -> String {
    let out = run(&[
        "import",
        input.to_str().expect("utf-8"),
        "--into",
        into.to_str().expect("utf-8"),
    ]);
    let notes = stderr(&out);
    assert_eq!(code(&out), 0, "{}: {notes}", input.display());
    notes
}

fn import_one(e: &Expect) {
    let input = Path::new(DIR).join(e.file);
    let tmp = tempfile::tempdir().expect("tempdir");
    let into = tmp.path().join("entries");
    let notes = import(&input, &into);
    for line in e.furniture {
        assert!(
            notes.contains(&format!("removed `{line}`")),
            "{}: no note for `{line}`: {notes}",
            e.file
        );
    }

    // report.toml, as written.
    let written = fs::read_to_string(into.join("report.toml")).expect("report.toml");
    let t: toml::Table = toml::from_str(&written).expect("TOML");
    let s = |k: &str| string(&t, k).and_then(toml::Value::as_str);
    let f = e.file;
    assert_eq!(s("meeting.name"), Some(e.meeting), "{f}\n{written}");
    assert_eq!(s("meeting.place_and_dates"), Some(e.place_and_dates), "{f}");
    assert_eq!(s("document.number"), Some(e.number), "{f}");
    assert_eq!(s("document.language"), Some(e.language), "{f}");
    for line in e.dropped {
        assert!(
            notes.contains(&format!("dropped `{line}`")),
            "{f}: no note for `{line}`: {notes}"
        );
        assert!(!written.contains(line), "{f}: `{line}` kept:\n{written}");
    }
    assert_eq!(
        string(&t, "document.date")
            .map(ToString::to_string)
            .as_deref(),
        Some(e.date),
        "{f}"
    );
    assert_eq!(s("document.language_line"), Some(e.language_line), "{f}");
    assert_eq!(s("document.agenda_item"), e.agenda_item, "{f}");
    assert_eq!(s("document.source"), e.source, "{f}");
    assert_eq!(s("document.title"), Some(e.title), "{f}");
    let starts = |k: &str, want: Option<&str>| match (s(k), want) {
        (Some(got), Some(want)) => assert!(got.starts_with(want), "{f}: {k} = {got:?}"),
        (Some(got), None) => assert!(got.starts_with("TODO"), "{f}: {k} = {got:?}"),
        (None, want) => assert!(want.is_none(), "{f}: no {k}\n{written}"),
    };
    starts("summary.text", Some(e.summary));
    starts("summary.references", e.references);
    assert_eq!(s("summary.action").is_some(), e.action.is_some(), "{f}");
    starts("summary.action", e.action);
    assert_eq!(
        string(&t, "layout.top_level_period").and_then(toml::Value::as_bool),
        Some(e.top_level_period),
        "{f}"
    );
    // No page number or running header became a value.
    for line in e.furniture {
        assert!(
            !written.contains(&format!("= \"{line}\"")),
            "{f}: `{line}` is a value:\n{written}"
        );
    }

    // `check`: warnings only, the guesses and placeholders counted.
    let out = run(&["check", "--entries", into.to_str().expect("utf-8")]);
    let err = stderr(&out);
    assert_eq!(code(&out), 0, "{f}: {err}");
    assert_eq!(
        err.matches("warning[W014]").count(),
        e.guesses,
        "{f}: {err}"
    );
    assert_eq!(
        err.matches("warning[W005]").count(),
        e.placeholders,
        "{f}: {err}"
    );

    let checked = council_report::load_and_check(&into).expect("loads");
    assert_eq!(checked.errors(), 0, "{f}");
    let report = checked.report.expect("a report");
    let numbers: Vec<String> = report
        .entries
        .iter()
        .map(|e| e.number.to_string())
        .collect();
    assert_eq!(numbers, e.numbers, "{f}");

    // Every paragraph of the source is in the built report, none of the body twice.
    let built_text = render_report(&report, &Templates::embedded()).expect("renders");
    let built: Vec<String> = built_text.lines().map(squeeze).collect();
    let missing: Vec<String> = source_paragraphs(&input)
        .iter()
        .filter(|l| {
            let t = l.trim();
            // Rules of underscores are the report's own drawing (its closing line has 18).
            let rule = t.chars().all(|c| c == '_');
            !e.furniture.contains(&t) && !rule
        })
        .flat_map(|l| pieces(l))
        .filter(|p| !e.dropped.iter().any(|d| squeeze(d) == *p))
        .filter(|p| !built.iter().any(|b| b.contains(p.as_str())))
        .collect();
    assert!(
        missing.is_empty(),
        "{f}: not in the built report: {missing:#?}\n{built_text}"
    );
    let body: Vec<String> = view::body(&report).into_iter().map(|p| p.line()).collect();
    for (i, line) in body.iter().enumerate() {
        assert!(
            !body[..i].contains(line),
            "{f}: `{line}` printed twice:\n{built_text}"
        );
    }
}

macro_rules! corpus_test {
    ($name:ident, $index:literal) => {
        #[test]
        fn $name() {
            import_one(&CORPUS[$index]);
        }
    };
}

corpus_test!(c17_33_spaces_page_break_and_references_over_lines, 0);
corpus_test!(wg_internet_9_2_utf16_crlf_table_rows, 1);
corpus_test!(c17_119_summary_record, 2);
corpus_test!(c18_35_note_windows_1252_unlabelled_box, 3);
corpus_test!(c19_111_summary_record_bom_crlf, 4);
corpus_test!(cwg_internet_11_11_web_extraction, 5);
corpus_test!(c17_124_summary_record_web_extraction, 6);
corpus_test!(c16_33_docx_header_table, 7);
corpus_test!(c17_35_docx_cell_paragraphs, 8);
corpus_test!(c17_130_rev1_revision_line_dropped, 9);
corpus_test!(c18_35_f_french_labels_agenda_item_in_its_own_cell, 10);
corpus_test!(c17_35_links_docx_cross_references, 11);

/// Word's cross-references in a DOCX without our data part (a `_Ref` bookmark on a
/// numbered paragraph, pointed at by an internal hyperlink, a `w:fldSimple` REF field
/// and a `w:fldChar` REF field) import as `[§N]`, pass `check --deny-warnings`, and
/// build as links to the entries' bookmarks; a link to a bookmark on an unnumbered
/// paragraph keeps its words, with a note.
#[test]
fn word_cross_references_import_as_entry_references() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let into = tmp.path().join("entries");
    let s = |p: &Path| p.to_str().expect("utf-8").to_owned();
    import_links(&Path::new(DIR).join("c17-35-links-e.docx"), &into);

    let out = run(&["check", "--entries", &s(&into), "--deny-warnings"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));

    let built = tmp.path().join("out");
    let out = run(&["build", "--entries", &s(&into), "--out", &s(&built)]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let xml = crate::common::docx_part(
        &fs::read(built.join("C17-35-E.docx")).expect("docx"),
        "word/document.xml",
    );
    let doc = roxmltree::Document::parse(&xml).expect("xml");
    // Each link of a paragraph, by the paragraph's number: its words and its bookmark.
    let mut links: Vec<(String, String, String)> = Vec::new();
    let mut bookmarks: Vec<String> = Vec::new();
    for p in doc.descendants().filter(|n| n.has_tag_name((W, "p"))) {
        let words: String = p
            .descendants()
            .filter(|n| n.has_tag_name((W, "t")))
            .filter_map(|n| n.text())
            .collect();
        for b in p
            .descendants()
            .filter(|n| n.has_tag_name((W, "bookmarkStart")))
        {
            bookmarks.push(b.attribute((W, "name")).expect("name").to_owned());
        }
        for h in p.descendants().filter(|n| n.has_tag_name((W, "hyperlink"))) {
            let label: String = h
                .descendants()
                .filter(|n| n.has_tag_name((W, "t")))
                .filter_map(|n| n.text())
                .collect();
            // The number, before the TAB (a `w:tab`, not in the words).
            let number: String = words
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            let anchor = h.attribute((W, "anchor")).unwrap_or("").to_owned();
            links.push((number, label, anchor));
        }
    }
    let want = [
        ("2.1", "1.1", "entry_1_1"),
        ("2.2", "1", "entry_1"),
        ("2.3", "2.1", "entry_2_1"),
    ];
    let got: Vec<(&str, &str, &str)> = links
        .iter()
        .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
        .collect();
    assert_eq!(got, want);
    for (_, _, anchor) in want {
        assert!(
            bookmarks.iter().any(|b| b == anchor),
            "{anchor}: {bookmarks:?}"
        );
    }
}

/// Imports a DOCX of `c17-35-links-e.docx`'s text into `into` and asserts what its
/// cross-references became, and the notes.
fn import_links(input: &Path, into: &Path) {
    let notes = import(input, into);
    assert!(
        notes.contains("3 link(s) and cross-reference field(s)"),
        "{notes}"
    );
    assert!(
        notes.contains("entry 2.4: the link `the chapters of the goals` points at the bookmark `_Ref480000009`, which is not on a numbered paragraph"),
        "{notes}"
    );
    let files: Vec<String> = fs::read_dir(into.join("2"))
        .expect("folder 2")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    let text = |prefix: &str| {
        let file = files
            .iter()
            .find(|f| f.starts_with(prefix))
            .unwrap_or_else(|| panic!("no {prefix}… in {files:?}"));
        let t: toml::Table =
            toml::from_str(&fs::read_to_string(into.join("2").join(file)).expect("entry"))
                .expect("TOML");
        t["text"].as_str().expect("text").trim().to_owned()
    };
    assert!(text("2.01-").ends_with("as paragraph [§1.1] foresaw."));
    assert!(text("2.02-").ends_with("(see section [§1])."));
    assert!(text("2.03-").starts_with("The figures behind paragraph [§2.1] come"));
    assert_eq!(
        text("2.04-"),
        "Each result is read against the chapters of the goals."
    );
}

/// The same document opened and saved as DOCX by LibreOffice (which writes the
/// `w:fldSimple` REF as a `w:fldChar` field and keeps Word's bookmark names) imports to
/// the same cross-references.
#[test]
fn cross_references_survive_a_libreoffice_save() {
    let Some(soffice) = crate::common::soffice() else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let saved = tmp.path().join("saved");
    let o = std::process::Command::new(&soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            tmp.path().join("profile").display()
        ))
        .args(["--headless", "--norestore", "--convert-to"])
        .arg("docx:MS Word 2007 XML")
        .arg("--outdir")
        .arg(&saved)
        .arg(Path::new(DIR).join("c17-35-links-e.docx"))
        .output()
        .expect("soffice runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let docx = saved.join("c17-35-links-e.docx");
    let xml = crate::common::docx_part(&fs::read(&docx).expect("saved"), "word/document.xml");
    // LibreOffice wrote the REF fields its own way: the import reads that form too.
    assert!(!xml.contains("w:fldSimple"), "{xml}");
    assert_eq!(xml.matches("REF _Ref").count(), 2, "{xml}");
    import_links(&docx, &tmp.path().join("entries"));
}

/// The README cites a model document for every input in the folder.
#[test]
fn readme_cites_every_input() {
    let readme = fs::read_to_string(Path::new(DIR).join("README.md")).expect("README");
    let mut inputs: Vec<String> = fs::read_dir(DIR)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt") || n.ends_with(".docx"))
        .collect();
    inputs.sort();
    assert_eq!(inputs.len(), CORPUS.len());
    for name in inputs {
        assert!(
            readme.contains(&format!("`{name}`")),
            "{name} not in the README"
        );
        assert!(
            CORPUS.iter().any(|e| e.file == name),
            "{name} has no expectations"
        );
    }
}
