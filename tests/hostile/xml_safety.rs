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

/// Values for every field of [`harness::FIELDS`]: one to three of them (of either file)
/// fuzzed, the others valid, so that most cases would build but for the fuzzed value and
/// so reach the renderers when it passes `check`.
fn fields() -> impl Strategy<Value = Vec<Option<String>>> {
    prop::collection::btree_map(0..harness::FIELDS.len(), value(), 1..=3).prop_map(|fuzzed| {
        let mut values = vec![None; harness::FIELDS.len()];
        for (i, v) in fuzzed {
            values[i] = Some(v);
        }
        values
    })
}

proptest! {
    // About 4 ms a case in a test build: 1,024 cases take about 4 s.
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn any_unicode_in_any_field_is_a_diagnostic_or_a_parsable_docx(values in fields()) {
        let (entry, report) = harness::fielded(&values);
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

/// With no field fuzzed the files build: the property reaches the renderers. So does a
/// fuzz input of valid values.
#[test]
fn the_valid_values_build() {
    let (entry, report) = harness::fielded(&[]);
    assert_eq!(
        harness::run(entry.as_bytes(), report.as_bytes()),
        Outcome::Built
    );
    let bytes = harness::FIELDS.join("\0");
    let (entry, report) = harness::fielded(&harness::fields_from_bytes(bytes.as_bytes()));
    assert_eq!(
        harness::run(entry.as_bytes(), report.as_bytes()),
        Outcome::Built
    );
}
