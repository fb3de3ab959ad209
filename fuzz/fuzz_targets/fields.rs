//! Hostile strings in every field of an entry and of report.toml (issue 12): the input,
//! split at NUL bytes, fills the fields as typed between the quotes (so TOML escapes and
//! character references reach the parser), then load, check and, when valid, the DOCX
//! (every XML part must parse) and the text renderers. Start it with the dictionary of
//! escapes and references: `-dict=fields.dict`.

#![no_main]

#[path = "../../tests/hostile/harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let (entry, report) = harness::fielded(&harness::fields_from_bytes(data));
    harness::run(entry.as_bytes(), report.as_bytes());
});
