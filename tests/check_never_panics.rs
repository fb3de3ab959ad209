//! Whatever bytes a file holds, loading and checking end with diagnostics, never a panic,
//! and every diagnostic renders in every format.

use std::path::Path;

use crate::hostile::harness::{self, toml_string};
use proptest::prelude::*;

const REPORT: &str = include_str!("fixtures/check/clean/report.toml");
const ENTRY: &str = include_str!("fixtures/check/clean/2/2.2-event.toml");

fn check_bytes(dir: &Path, report: &[u8], entry: &[u8]) {
    harness::run_in(dir, entry, report);
}

/// A valid file with a few bytes changed, inserted or removed: close enough to TOML to
/// reach the deeper rules.
fn mutated(base: &'static str) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec((0usize..4096, any::<u8>(), 0u8..3), 0..8).prop_map(move |edits| {
        let mut b = base.as_bytes().to_vec();
        for (at, byte, op) in edits {
            let at = at % (b.len() + 1);
            match op {
                0 if at < b.len() => b[at] = byte,
                1 => b.insert(at, byte),
                _ if at < b.len() => {
                    b.remove(at);
                }
                _ => {}
            }
        }
        b
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes(entry in prop::collection::vec(any::<u8>(), 0..512)) {
        let dir = tempfile::tempdir().expect("tempdir");
        check_bytes(dir.path(), REPORT.as_bytes(), &entry);
    }

    #[test]
    fn mutated_entries(entry in mutated(ENTRY)) {
        let dir = tempfile::tempdir().expect("tempdir");
        check_bytes(dir.path(), REPORT.as_bytes(), &entry);
    }

    #[test]
    fn mutated_reports(report in mutated(REPORT)) {
        let dir = tempfile::tempdir().expect("tempdir");
        check_bytes(dir.path(), &report, ENTRY.as_bytes());
    }

    #[test]
    fn arbitrary_text_values(text in "\\PC{0,200}") {
        let dir = tempfile::tempdir().expect("tempdir");
        let entry = format!("number = \"2.2\"\ntext = {}\n", toml_string(&text));
        check_bytes(dir.path(), REPORT.as_bytes(), entry.as_bytes());
    }
}
