//! Generates a large valid report for benchmarks: N copies of an entries folder, each
//! copy's top-level sections renumbered after the previous copy's (copy 2 of a report with
//! sections 1 to 7 holds 8 to 14, and so on). Deterministic: the same input and N give the
//! same files.
//!
//! ```sh
//! cargo run --release --example generate -- 100 /tmp/report-100x [entries]
//! ```

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: generate N OUT_DIR [ENTRIES_DIR]";
    let n: u32 = args.next().ok_or_else(|| anyhow::anyhow!(usage))?.parse()?;
    let out = PathBuf::from(args.next().ok_or_else(|| anyhow::anyhow!(usage))?);
    let src = PathBuf::from(args.next().unwrap_or_else(|| "entries".into()));
    let files = council_report_bench_support::generate(&src, &out, n)?;
    eprintln!("wrote {files} files into {}", out.display());
    Ok(())
}

/// Kept in a module so the benchmarks can include the same code.
mod council_report_bench_support {
    include!("../benches/support/generate.rs");
}
