//! Generated entries, and raw bytes through the fuzz harness: either `check` fails with a
//! diagnostic, or a DOCX is built whose every XML part parses (and both texts render).

use proptest::prelude::*;

use crate::hostile::harness::{self, Outcome, toml_string};

/// Pieces that stress the renderers: XML specials, CDATA ends, control characters, RTL
/// and CJK scripts, emoji (astral plane, ZWJ sequences), U+2011, bidi marks, markup.
const PIECES: &[&str] = &[
    "&",
    "<",
    ">",
    "\"",
    "'",
    "]]>",
    "<![CDATA[",
    "&amp;",
    "&#x0;",
    "<w:t>",
    "</w:p>",
    "\u{0}",
    "\u{1}",
    "\u{8}",
    "\u{B}",
    "\u{C}",
    "\u{1F}",
    "\u{7F}",
    "\u{85}",
    "\u{FFFE}",
    "\u{FFFF}",
    "\u{D7FF}",
    "\u{E000}",
    "\t",
    "\r\n",
    "\n",
    "\n\n",
    "  ",
    " ",
    "مرحبا بالعالم",
    "\u{200F}",
    "\u{202E}",
    "\u{2066}",
    "עברית",
    "中文报告",
    "日本語",
    "한국어",
    "Русский текст",
    "😀",
    "👩‍👩‍👧‍👦",
    "🇨🇭",
    "\u{2011}",
    "\u{00AD}",
    "\u{FEFF}",
    "\u{200B}",
    "e\u{301}",
    "*",
    "**",
    "_",
    "`",
    "[a](https://itu.int/)",
    "[b](javascript:x)",
    "<b>",
    "# ",
    "- ",
    "  - ",
    "1. ",
    "|a|b|\n|-|-|",
    "![i](x.png)",
    "\\",
    "{{",
    "}}",
    "{%",
    "ITU-T Y.3071",
    "ITU-R",
    "2.9",
    "https://www.itu.int/a?b=c&d=<e>",
];

/// A word: a piece, or a run of letters from anywhere in Unicode, or a very long word.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(str::to_owned),
        4 => "\\PC{1,12}",
        1 => (1usize..3000).prop_map(|n| "x".repeat(n)),
        1 => (1usize..400).prop_map(|n| "汉".repeat(n)),
        1 => any::<char>().prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 0..40).prop_map(|w| w.join(" "))
}

/// An entry with generated title, text, event and Recommendation.
fn entry() -> impl Strategy<Value = String> {
    (
        prop::option::of(text()),
        text(),
        prop::option::of((text(), text())),
        prop::option::of(text()),
        any::<bool>(),
    )
        .prop_map(|(title, body, event, rec_title, raw_multiline)| {
            let mut e = String::from("number = \"1\"\n");
            if let Some(t) = title {
                e.push_str(&format!("title = {}\n", toml_string(&t)));
            }
            if raw_multiline && !body.contains("'''") {
                // A literal multi-line string: control characters reach the checker raw.
                e.push_str(&format!("text = '''\n{body}'''\n"));
            } else {
                e.push_str(&format!("text = {}\n", toml_string(&body)));
            }
            if let Some(t) = rec_title {
                e.push_str(&format!(
                    "text2 = 0\n[[recommendations]]\nid = \"ITU-T Y.3071\"\ntitle = {}\nstatus = \"approved\"\n",
                    toml_string(&t)
                ));
                // `text2` is an unknown key: remove it again half the time.
                if t.len() % 2 == 0 {
                    e = e.replace("text2 = 0\n", "");
                }
            }
            if let Some((name, place)) = event {
                e.push_str(&format!(
                    "[event]\nname = {}\nplace = {}\nstart = 2017-04-02\n",
                    toml_string(&name),
                    toml_string(&place)
                ));
            }
            e
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn generated_entries_fail_with_a_diagnostic_or_build_a_parsable_docx(e in entry()) {
        harness::run(e.as_bytes(), harness::REPORT.as_bytes());
    }

    #[test]
    fn generated_report_fields_fail_with_a_diagnostic_or_build(t in text(), s in text()) {
        let report = harness::REPORT
            .replace("\"A small test report\"", &toml_string(&t))
            .replace("\"A report with one entry.\"", &toml_string(&s));
        harness::run(harness::ENTRY.as_bytes(), report.as_bytes());
    }

    #[test]
    fn raw_bytes_through_the_fuzz_harness(data in prop::collection::vec(any::<u8>(), 0..600)) {
        let (entry, report) = harness::split(&data);
        harness::run(entry, report);
    }
}

/// Texts that must build (no control characters): the harness must reach the renderers.
#[test]
fn hostile_but_valid_text_builds() {
    let text = "A & B < C > D \" ' ]]> x ]]> مرحبا 中文 Русский 😀 👩‍👩‍👧‍👦 \u{2011} \u{202E}rtl";
    let e = format!(
        "number = \"1\"\ntitle = {}\ntext = {}\n",
        toml_string(text),
        toml_string(&format!("{text} {}", "w".repeat(5000)))
    );
    assert_eq!(
        harness::run(e.as_bytes(), harness::REPORT.as_bytes()),
        Outcome::Built
    );
}

/// Every seed of the fuzz corpora, and every crash the fuzzers found (regressions):
/// `entry` takes raw bytes as a file, `fields` values for the fields of both files.
#[test]
fn fuzz_corpus_seeds_and_regressions() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let mut n = 0;
    for target in ["entry", "fields"] {
        for f in std::fs::read_dir(corpus.join(target)).expect("a fuzz corpus") {
            let path = f.expect("a corpus file").path();
            let data = std::fs::read(&path).expect("read a corpus file");
            if target == "entry" {
                let (entry, report) = harness::split(&data);
                harness::run(entry, report);
            } else {
                let (entry, report) = harness::fielded(&harness::fields_from_bytes(&data));
                harness::run(entry.as_bytes(), report.as_bytes());
            }
            n += 1;
        }
    }
    assert!(n >= 6, "the seeds are there");
}
