//! The integration tests, as one crate: every module links the library and the binary once
//! (13 separate test binaries took 9 minutes to build and link on a 2-core machine).
//!
//! - `common`: running the binary, reading DOCX parts, LibreOffice; `sample_report`: the
//!   one realistic report built in memory that every renderer test uses;
//! - `*_cli`: the commands as a user runs them, against fixture folders under `fixtures/`,
//!   with insta snapshots of what they print;
//! - `docx_xml`, `render_text*`, `schema`: the renderers and schemas through the library;
//! - `hostile`, `check_never_panics`, `import_properties`: property tests and hostile input;
//! - `libreoffice`: the built DOCX opened by the real client; `preview_browser`: the live
//!   preview in headless Chromium.

mod common;
mod sample_report;

mod build_cli;
mod check_cli;
mod check_never_panics;
mod docx_xml;
mod edit_cli;
mod fmt_fix_cli;
mod hostile;
mod html_render;
mod import_cli;
mod import_data;
mod import_properties;
mod import_real;
mod incremental;
mod init_cli;
mod install_cli;
mod libreoffice;
mod pdf_cli;
mod preview_browser;
mod render_text;
mod render_text_sample;
mod revision;
mod schema;
mod serve_cli;
mod translate_cli;
mod watch_cli;
mod xref;
