//! Arbitrary bytes as an entry file or as report.toml (the first byte chooses), through
//! load, check and, when valid, the DOCX and text renderers. The harness is the one the
//! proptest suite runs (`tests/hostile/harness.rs`).

#![no_main]

#[path = "../../tests/hostile/harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let (entry, report) = harness::split(data);
    harness::run(entry, report);
});
