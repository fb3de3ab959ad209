//! `schema`: print the JSON Schema of an entry or of report.toml.

use super::Outcome;
use crate::cli::SchemaArgs;
use crate::schema::{Kind, schema_text};

pub(super) fn run(args: &SchemaArgs) -> anyhow::Result<Outcome> {
    let kind = if args.report {
        Kind::Report
    } else {
        Kind::Entry
    };
    crate::console::out(&schema_text(kind));
    Ok(Outcome::Success)
}
