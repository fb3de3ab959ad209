//! Hostile input, faults and untrusted changes (issue 8): nothing crashes the compiler,
//! corrupts a deliverable or leaks a file.
//!
//! - `generated`: the fuzz harness under proptest (generated entries and raw bytes);
//! - `valid`: hostile but valid input builds, and LibreOffice opens the result;
//! - `faults`: unwritable, full or vanishing folders, symbolic-link loops, killed builds;
//! - `untrusted`: paths, symbolic links and templates that try to leave their folder,
//!   oversized and deeply nested files;
//! - `xml_safety` (issue 12): any Unicode, character reference or TOML escape in any field
//!   is a diagnostic or a DOCX whose every XML part parses.
//!
//! Mounting tmpfs needs root; where it fails the test says so and skips that case.

pub mod harness;
mod support;

mod bounded;
mod concurrency;
mod faults;
mod generated;
mod import_limits;
mod killed;
mod messages;
mod names;
mod pipes;
mod special_files;
mod untrusted;
mod valid;
mod xml_safety;
