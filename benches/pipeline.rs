//! Benchmarks of each stage on generated reports of 1×, 10× and 100× the sample entries
//! (54, 540 and 5,400 entries). Run with `cargo bench --bench pipeline`.
//!
//! Whole-process timings against pandoc are in `benches/compare.sh`.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use council_report::render::docx::{self, DocxOptions};
use council_report::render::text::{self, Templates};

mod support {
    include!("support/generate.rs");
}

fn main() {
    divan::main();
}

const SIZES: [u32; 3] = [1, 10, 100];

/// The generated folders, made once per run in a temporary directory.
fn folder(copies: u32) -> PathBuf {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    let root = DIR.get_or_init(|| tempfile::tempdir().expect("tempdir"));
    let dir = root.path().join(format!("{copies}x"));
    if !dir.exists() {
        let entries = Path::new(env!("CARGO_MANIFEST_DIR")).join("entries");
        support::generate(&entries, &dir, copies).expect("generate");
    }
    dir
}

fn report(copies: u32) -> council_report::model::Report {
    council_report::load_and_check(&folder(copies))
        .expect("load")
        .report
        .expect("valid")
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn load(bencher: divan::Bencher, copies: u32) {
    let dir = folder(copies);
    bencher.bench(|| council_report::load::load(&dir).expect("load"));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn load_and_check(bencher: divan::Bencher, copies: u32) {
    let dir = folder(copies);
    bencher.bench(|| council_report::load_and_check(&dir).expect("load"));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn render_docx(bencher: divan::Bencher, copies: u32) {
    let r = report(copies);
    let options = DocxOptions { timestamp: 0 };
    bencher.bench(|| docx::render(&r, &options).expect("docx"));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn render_text(bencher: divan::Bencher, copies: u32) {
    let r = report(copies);
    let t = Templates::embedded();
    // As `build` renders them: both from one template context.
    bencher.bench(|| text::render_both(&r, &t, text::Options::default()).expect("text"));
}
