//! The fuzz harness: one entry file and one report.toml, whatever their bytes, go through
//! load, check and, when valid, both renderers. Nothing may panic; an invalid folder must
//! come with an error diagnostic; a valid one must render a DOCX whose every XML part
//! parses, and both text outputs.
//!
//! Shared, file for file, by `fuzz/fuzz_targets/entry.rs` (libFuzzer) and by
//! `tests/hostile/generated.rs` (proptest in `cargo test`), so a crash found by one is
//! replayed by the other.

#![allow(dead_code)]

use std::io::Read;
use std::path::Path;

use council_report::diag::{self, Format, RunSummary};
use council_report::render::docx::{self, DocxOptions};
use council_report::render::text::{self, Options, Templates};

/// A valid report.toml, for inputs that fuzz an entry.
pub const REPORT: &str = "[meeting]\nname = \"Council 2018\"\nplace_and_dates = \"Geneva, 17-27 April 2018\"\n\n[document]\nnumber = \"C18/99\"\nlanguage = \"E\"\ndate = 2018-03-22\nlanguage_line = \"Original: English\"\ntitle = \"A small test report\"\nresolutions = [101, 180]\n\n[summary]\ntext = \"A report with one entry.\"\nreferences = \"Resolution 101 (Rev. Busan, 2014)\"\n\n[period]\nstart = 2017-02-15\nend = 2017-12-31\n";

/// A valid entry, for inputs that fuzz report.toml.
pub const ENTRY: &str = "number = \"1\"\ntitle = \"Introduction\"\ntext = \"ITU-T SG13 approved ITU-T Y.3071; see [it](https://www.itu.int/).\"\n\n[[recommendations]]\nid = \"ITU-T Y.3071\"\ntitle = \"Data Aware Networking\"\nstatus = \"approved\"\n";

/// Splits a fuzz input: the first byte chooses which file the rest is (even: the entry,
/// odd: report.toml); the other file is the valid one above.
pub fn split(data: &[u8]) -> (&[u8], &[u8]) {
    match data.split_first() {
        Some((mode, rest)) if mode % 2 == 1 => (ENTRY.as_bytes(), rest),
        Some((_, rest)) => (rest, REPORT.as_bytes()),
        None => (b"", REPORT.as_bytes()),
    }
}

/// What a run ended with, for tests that want to know.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// `check` found errors (at least one error diagnostic): their codes and messages.
    Invalid(Vec<String>),
    /// A DOCX (every XML part parsed) and both texts were rendered.
    Built,
}

/// Runs one input in a fresh temporary folder.
pub fn run(entry: &[u8], report: &[u8]) -> Outcome {
    let dir = tempfile::tempdir().expect("a temporary folder");
    run_in(dir.path(), entry, report)
}

/// Runs one input in `dir` (empty).
pub fn run_in(dir: &Path, entry: &[u8], report: &[u8]) -> Outcome {
    std::fs::write(dir.join("report.toml"), report).expect("write report.toml");
    std::fs::write(dir.join("entry.toml"), entry).expect("write entry.toml");
    let checked = council_report::load_and_check(dir).expect("the folder exists");
    let summary = RunSummary {
        files: checked.files.clone(),
        entries: checked.entries,
        deny_warnings: true,
    };
    for format in [Format::Human, Format::Json, Format::Github, Format::Junit] {
        let _ = diag::render(
            format,
            &checked.diagnostics,
            &checked.sources,
            &summary,
            false,
        );
    }
    let Some(report) = &checked.report else {
        assert!(checked.errors() > 0, "no report and no error");
        let errors = checked
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| format!("{}: {}", d.code, d.message))
            .collect();
        return Outcome::Invalid(errors);
    };
    assert_eq!(checked.errors(), 0, "a report despite errors");
    let docx = docx::render(report, &DocxOptions { timestamp: 0 }).expect("a valid report renders");
    assert_xml_parts_parse(&docx);
    let templates = Templates::embedded();
    for wrap in [None, Some(20)] {
        let options = Options { wrap };
        text::render_report_with(report, &templates, options).expect("the text report renders");
        text::render_digest_with(report, &templates, options).expect("the digest renders");
    }
    Outcome::Built
}

/// Every `.xml` and `.rels` part of a DOCX parses as XML.
pub fn assert_xml_parts_parse(docx: &[u8]) {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("the DOCX is a zip");
    assert!(!zip.is_empty(), "an empty DOCX");
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).expect("a zip entry");
        let name = part.name().to_owned();
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let mut xml = String::new();
        part.read_to_string(&mut xml)
            .unwrap_or_else(|e| panic!("{name} is not UTF-8: {e}"));
        if let Err(e) = roxmltree::Document::parse(&xml) {
            panic!("{name} does not parse: {e}");
        }
    }
}

/// A TOML basic string holding `s` exactly, control characters escaped.
pub fn toml_string(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{7F}' => o.push_str(&format!("\\u{:04X}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// Every string field of an entry (the first five) and of report.toml (the rest), with
/// the valid value each has when not fuzzed: the property test and the `fields` fuzz
/// target put hostile values in some of them.
pub const FIELDS: &[&str] = &[
    // The entry.
    "Introduction",
    "ITU-T SG13 approved ITU-T Y.3071.",
    "Data Aware Networking",
    "Workshop",
    "Geneva",
    // report.toml.
    "Council 2018",
    "Geneva, 17-27 April 2018",
    "C18/99",
    "E",
    "Original: English",
    "ADM 5",
    "Report by the Secretary-General",
    "A small test report",
    "ITU",
    "A report with one entry.",
    "Council is invited to note this report.",
    "Resolution 101 (Rev. Busan, 2014)",
    "Calibri",
    "http://www.itu.int/council",
];

/// An entry and a report.toml with `values[i]` (the inside of a TOML basic string, escapes
/// as written) in field `i`, or its valid value where `values` has none.
pub fn fielded(values: &[Option<String>]) -> (String, String) {
    let v: Vec<&str> = FIELDS
        .iter()
        .enumerate()
        .map(|(i, valid)| values.get(i).and_then(|v| v.as_deref()).unwrap_or(valid))
        .collect();
    let entry = format!(
        "number = \"1\"\ntitle = \"{}\"\ntext = \"{}\"\n\n[[recommendations]]\nid = \"ITU-T Y.3071\"\ntitle = \"{}\"\nstatus = \"approved\"\n\n[event]\nname = \"{}\"\nplace = \"{}\"\nstart = 2017-04-02\n",
        v[0], v[1], v[2], v[3], v[4],
    );
    let report = format!(
        "[meeting]\nname = \"{}\"\nplace_and_dates = \"{}\"\n\n[document]\nnumber = \"{}\"\nlanguage = \"{}\"\ndate = 2018-03-22\nlanguage_line = \"{}\"\nagenda_item = \"{}\"\nsource = \"{}\"\ntitle = \"{}\"\ncreator = \"{}\"\nresolutions = [101, 180]\n\n[summary]\ntext = \"{}\"\naction = \"{}\"\nreferences = \"{}\"\n\n[period]\nstart = 2017-02-15\nend = 2017-12-31\n\n[layout]\nfont = \"{}\"\nfooter = \"{}\"\n",
        v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18],
    );
    (entry, report)
}

/// Fuzz bytes as field values: split at NUL bytes, chunk `i` fills field `i` (an empty
/// chunk leaves it valid). The bytes go between the quotes as they are, so backslash
/// escapes (`\u000B`) and character references (`&#11;`) reach the parser as typed; only
/// a quote or a line end, which would end the string, is escaped.
pub fn fields_from_bytes(data: &[u8]) -> Vec<Option<String>> {
    data.split(|&b| b == 0)
        .take(FIELDS.len())
        .map(|chunk| {
            (!chunk.is_empty()).then(|| {
                String::from_utf8_lossy(chunk)
                    .replace('"', "\\\"")
                    .replace('\n', "\\n")
                    .replace('\r', "\\r")
            })
        })
        .collect()
}
