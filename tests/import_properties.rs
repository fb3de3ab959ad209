//! Properties of `import`: whatever a paragraph says, the written entry reads back through
//! `check` to the same words; whatever bytes the input holds, the import ends with files
//! or an error, never a panic.

use council_report::import::write::escape_words;
use council_report::markup;
use proptest::prelude::*;

/// Characters that mean something to Markdown, TOML or the importer, and plain ones.
const ALPHABET: &str = "[a-zA-Z0-9 *_\\[\\]<>`~&#;:!()+=|.,\\-\"'“”‘’\\\\/@%–•\t]{1,60}";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn escaped_paragraphs_read_back_as_written(text in ALPHABET) {
        // A paragraph as the importer has it: no white space at its ends.
        let text = text.trim_matches([' ', '\t']);
        prop_assume!(!text.is_empty());
        let (m, issues) = markup::parse(&escape_words(text));
        prop_assert!(issues.is_empty(), "{text:?}: {issues:?}");
        prop_assert_eq!(m.plain_paragraphs(), vec![text.to_owned()], "{:?}", escape_words(text));
    }

    #[test]
    fn any_bytes_import_or_fail_cleanly(
        bytes in proptest::collection::vec(any::<u8>(), 0..400),
        prefix in prop::sample::select(vec![&b""[..], b"2.1\t", b"PK\x03\x04"]),
    ) {
        let tmp = tempfile::tempdir().expect("tempdir");
        let input = tmp.path().join("in.txt");
        let mut data = prefix.to_vec();
        data.extend_from_slice(&bytes);
        std::fs::write(&input, &data).expect("write");
        let _ = council_report::import::run(&input, &tmp.path().join("out"), false);
    }
}

#[test]
fn every_paragraph_of_an_import_reads_back() {
    // Text-like lines with markup characters, numbers and list markers at their start.
    let lines = [
        "2.\tHeading with *stars* and _underscores_",
        "2.1\t- a paragraph that opens like a list",
        "1. a line that opens like a numbered list",
        "# a line that opens like a heading",
        "–\t+ an item that opens like a list",
        "<b>not html</b> and [not a link](x) and `not code`",
        "3.\tMore",
        "> not a quote, &amp; not an entity",
    ];
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in.txt");
    let header = "Council 2019\nGeneva, 1-2 June 2019\nDocument C19/1-E\n5 April 2019\n\
                  Original: English\nA TITLE\nSummary\nA summary.\nReferences\nNone.\n";
    std::fs::write(&input, format!("{header}{}", lines.join("\n"))).expect("write");
    let into = tmp.path().join("out");
    council_report::import::run(&input, &into, false).expect("imports");
    let checked = council_report::load_and_check(&into).expect("loads");
    let report = checked.report.expect("the import passes check");
    let body: Vec<String> = council_report::render::text::view::body(&report)
        .into_iter()
        .map(|p| p.line())
        .collect();
    for l in lines {
        assert!(body.iter().any(|b| b == l), "{l:?} not in {body:#?}");
    }
}
