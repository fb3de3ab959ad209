//! `schema`: print the JSON Schema of an entry or of report.toml.

use std::io::Write;

use anyhow::Context;

use super::Outcome;
use crate::cli::SchemaArgs;
use crate::schema::{Kind, schema_text};

pub(super) fn run(args: &SchemaArgs) -> anyhow::Result<Outcome> {
    let kind = if args.report {
        Kind::Report
    } else {
        Kind::Entry
    };
    let mut out = std::io::stdout().lock();
    out.write_all(schema_text(kind).as_bytes())
        .and_then(|()| out.flush())
        .context("cannot write to stdout")?;
    Ok(Outcome::Success)
}
