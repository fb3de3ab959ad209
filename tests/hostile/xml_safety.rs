//! No corrupt DOCX from any string (issue 12, finding 1): arbitrary Unicode in every field
//! of an entry and of report.toml (every C0 and C1 control, U+FFFE/U+FFFF, lone-surrogate
//! and other TOML escapes, HTML character references) either fails `check` with a
//! diagnostic, or builds a DOCX every XML part of which parses (checked by
//! [`harness::run`]). Character references print as typed.

use proptest::prelude::*;

use crate::hostile::harness::{self, Outcome};

/// Pieces a drafter or an attacker may type into a TOML string, as they appear between the
/// quotes (already escaped where TOML needs it).
const PIECES: &[&str] = &[
    "&#11;",
    "&#x1B;",
    "&#7;",
    "&#xFFFE;",
    "&#xFFFF;",
    "&#x0B;",
    "&#0;",
    "&#xD800;",
    "&#1114112;",
    "&amp;",
    "&lt;",
    "&gt;",
    "&quot;",
    "&apos;",
    "&copy;",
    "&nbsp;",
    "&unknown;",
    "&",
    "<",
    "]]>",
    "\\u000B",
    "\\u001B",
    "\\u0000",
    "\\u007F",
    "\\u0085",
    "\\u009F",
    "\\uFFFE",
    "\\uFFFF",
    "\\uD800",
    "\\uDFFF",
    "\\U0010FFFF",
    "\\U00110000",
    "\\e",
    "\\x41",
    "\\x0B",
    "\\\\",
    "\\\"",
    "\\t",
    "\\n",
    "[a&#8;b](https://www.itu.int/)",
    "[l](http://a&#x0B;b)",
    "[l](http://a&amp;b)",
    "[l](https://x/\\u000B)",
    "<http://a&#x0B;b>",
    "*&#x1B;*",
    "`&#11;`",
    "- ",
    "\\n\\n",
    "ITU-T Y.3071",
];

/// One segment of a TOML basic string: a piece, or any char escaped where TOML needs it.
fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(PIECES).prop_map(str::to_owned),
        2 => any::<char>().prop_map(escape),
        // Every control character, C0 and C1, and the non-characters XML forbids.
        2 => prop_oneof![0u32..0x20, 0x7Fu32..0xA0, Just(0xFFFE), Just(0xFFFF)]
            .prop_map(|c| escape(char::from_u32(c).unwrap_or('?'))),
        2 => "[a-zA-Z ]{1,8}",
    ]
}

fn escape(c: char) -> String {
    match c {
        '"' => "\\\"".into(),
        '\\' => "\\\\".into(),
        c if (c as u32) < 0x20 || c == '\u{7F}' => format!("\\u{:04X}", c as u32),
        c => c.into(),
    }
}

/// The inside of a TOML basic string.
fn value() -> impl Strategy<Value = String> {
    prop::collection::vec(segment(), 1..12).prop_map(|s| s.concat())
}

/// Fields of an entry and of report.toml, with the valid value each has when not fuzzed.
const ENTRY_FIELDS: &[(&str, &str)] = &[
    ("title", "Introduction"),
    ("text", "ITU-T SG13 approved ITU-T Y.3071."),
    ("rec_title", "Data Aware Networking"),
    ("event_name", "Workshop"),
    ("event_place", "Geneva"),
];

const REPORT_FIELDS: &[(&str, &str)] = &[
    ("meeting_name", "Council 2018"),
    ("place_and_dates", "Geneva, 17-27 April 2018"),
    ("doc_number", "C18/99"),
    ("language", "E"),
    ("language_line", "Original: English"),
    ("agenda_item", "ADM 5"),
    ("source", "Report by the Secretary-General"),
    ("title", "A small test report"),
    ("creator", "ITU"),
    ("summary", "A report with one entry."),
    ("action", "Council is invited to note this report."),
    ("references", "Resolution 101 (Rev. Busan, 2014)"),
    ("font", "Calibri"),
    ("footer", "http://www.itu.int/council"),
];

fn entry(v: &dyn Fn(&str) -> String) -> String {
    format!(
        "number = \"1\"\ntitle = \"{}\"\ntext = \"{}\"\n\n[[recommendations]]\nid = \"ITU-T Y.3071\"\ntitle = \"{}\"\nstatus = \"approved\"\n\n[event]\nname = \"{}\"\nplace = \"{}\"\nstart = 2017-04-02\n",
        v("title"),
        v("text"),
        v("rec_title"),
        v("event_name"),
        v("event_place"),
    )
}

fn report(v: &dyn Fn(&str) -> String) -> String {
    format!(
        "[meeting]\nname = \"{}\"\nplace_and_dates = \"{}\"\n\n[document]\nnumber = \"{}\"\nlanguage = \"{}\"\ndate = 2018-03-22\nlanguage_line = \"{}\"\nagenda_item = \"{}\"\nsource = \"{}\"\ntitle = \"{}\"\ncreator = \"{}\"\nresolutions = [101, 180]\n\n[summary]\ntext = \"{}\"\naction = \"{}\"\nreferences = \"{}\"\n\n[period]\nstart = 2017-02-15\nend = 2017-12-31\n\n[layout]\nfont = \"{}\"\nfooter = \"{}\"\n",
        v("meeting_name"),
        v("place_and_dates"),
        v("doc_number"),
        v("language"),
        v("language_line"),
        v("agenda_item"),
        v("source"),
        v("title"),
        v("creator"),
        v("summary"),
        v("action"),
        v("references"),
        v("font"),
        v("footer"),
    )
}

/// Values for every field: one to three of them (of either file) fuzzed, the others
/// valid, so that most cases would build but for the fuzzed value and so reach the
/// renderers when it passes `check`.
fn fields() -> impl Strategy<Value = (Vec<String>, Vec<String>)> {
    let all = ENTRY_FIELDS.len() + REPORT_FIELDS.len();
    prop::collection::btree_map(0..all, value(), 1..=3).prop_map(|fuzzed| {
        let mut values: Vec<String> = ENTRY_FIELDS
            .iter()
            .chain(REPORT_FIELDS)
            .map(|(_, valid)| (*valid).to_owned())
            .collect();
        for (i, v) in fuzzed {
            values[i] = v;
        }
        let report = values.split_off(ENTRY_FIELDS.len());
        (values, report)
    })
}

fn lookup<'a>(names: &'a [(&str, &str)], values: &'a [String]) -> impl Fn(&str) -> String + 'a {
    move |key| {
        names
            .iter()
            .position(|(k, _)| *k == key)
            .map(|i| values[i].clone())
            .unwrap_or_default()
    }
}

proptest! {
    // About 4 ms a case in a test build: 1,024 cases take about 4 s.
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn any_unicode_in_any_field_is_a_diagnostic_or_a_parsable_docx((e, r) in fields()) {
        let entry = entry(&lookup(ENTRY_FIELDS, &e));
        let report = report(&lookup(REPORT_FIELDS, &r));
        harness::run(entry.as_bytes(), report.as_bytes());
    }
}

/// The red team's input: numeric references to control characters in a text, a link's
/// words and its address. Before: `check` 0 errors, `build` exit 0, document.xml not
/// well-formed.
#[test]
fn character_references_never_reach_the_xml_as_control_characters() {
    let text = "VT[&#11;] ESC[&#x1B;] BEL[&#7;] [&#xFFFE;] [a&#8;b](https://www.itu.int/)";
    let e = format!("number = \"1\"\ntitle = \"Intro\"\ntext = \"{text}\"\n");
    assert_eq!(
        harness::run(e.as_bytes(), harness::REPORT.as_bytes()),
        Outcome::Built
    );
    let summary = harness::REPORT.replace("A report with one entry.", text);
    assert_eq!(
        harness::run(harness::ENTRY.as_bytes(), summary.as_bytes()),
        Outcome::Built
    );
}

/// `&amp;` and `&lt;` print as the drafter typed them, in the DOCX and the text report.
#[test]
fn character_references_print_as_typed() {
    let (tmp, entries) = crate::hostile::support::small_report_in_temp();
    std::fs::write(
        entries.join("1.toml"),
        "number = \"1\"\ntitle = \"AT&amp;T\"\ntext = \"A &amp; B &lt; C, VT[&#11;], [a&#8;b](https://www.itu.int/).\"\n",
    )
    .expect("write the entry");
    let out = tmp.path().join("out");
    let o = crate::hostile::support::build(&entries, &out);
    assert_eq!(crate::common::code(&o), 0, "{}", crate::common::stderr(&o));
    let docx = std::fs::read(out.join("C18-99-E.docx")).expect("the DOCX");
    harness::assert_xml_parts_parse(&docx);
    let paragraphs = crate::hostile::support::docx_paragraphs(&docx);
    assert!(
        paragraphs
            .iter()
            .any(|p| p.contains("A &amp; B &lt; C, VT[&#11;], a&#8;b.")),
        "{paragraphs:#?}"
    );
    let text = std::fs::read_to_string(out.join("C18-99-E.txt")).expect("the text report");
    assert!(
        text.contains("A &amp; B &lt; C, VT[&#11;], a&#8;b ("),
        "{text}"
    );
    assert!(text.contains("AT&amp;T"), "{text}");
}

/// A reference to a control character in a link's address is E023 at the link.
#[test]
fn a_control_character_in_a_link_address_is_e023_at_the_link() {
    let (_tmp, entries) = crate::hostile::support::small_report_in_temp();
    std::fs::write(
        entries.join("1.toml"),
        "number = \"1\"\ntitle = \"Intro\"\ntext = \"See [it](http://a&#x0B;b).\"\n",
    )
    .expect("write the entry");
    let o = crate::hostile::support::run(&[
        std::path::Path::new("check"),
        std::path::Path::new("--entries"),
        &entries,
    ]);
    let err = crate::common::stderr(&o);
    assert_eq!(crate::common::code(&o), 1, "{err}");
    assert!(
        err.contains("error[E023]: the address of this link holds control character U+000B"),
        "{err}"
    );
    assert!(err.contains("1.toml:3:13"), "{err}");
}

/// With no field fuzzed the files build: the property reaches the renderers.
#[test]
fn the_valid_values_build() {
    let valid = |names: &[(&str, &str)]| {
        names
            .iter()
            .map(|(_, v)| (*v).to_owned())
            .collect::<Vec<_>>()
    };
    let (e, r) = (valid(ENTRY_FIELDS), valid(REPORT_FIELDS));
    let entry = entry(&lookup(ENTRY_FIELDS, &e));
    let report = report(&lookup(REPORT_FIELDS, &r));
    assert_eq!(
        harness::run(entry.as_bytes(), report.as_bytes()),
        Outcome::Built
    );
}
