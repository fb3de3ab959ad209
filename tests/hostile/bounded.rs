//! Bounded reads (issue 12, finding 9, the logo): its size comes from the metadata before a
//! byte is read, so a 2 GB sparse file is refused at once (it was read whole: 15 s and
//! 2.1 GB of memory). Under a 1 GiB address-space limit, reading it would fail.

use std::fs;
use std::process::Command;

use crate::common::{code, stderr};
use crate::hostile::support;

#[test]
fn a_2_gb_logo_is_refused_before_it_is_read() {
    let (_tmp, entries) = support::small_report_in_temp();
    support::with_logo(&entries, "logo.png");
    let logo = fs::File::create(entries.join("logo.png")).expect("create the logo");
    logo.set_len(2 * 1024 * 1024 * 1024)
        .expect("a sparse 2 GB file");
    let bin = assert_cmd::cargo::cargo_bin("council-report");
    let o = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 1048576 && exec \"$0\" check --entries \"$1\"")
        .arg(&bin)
        .arg(&entries)
        .env("NO_COLOR", "1")
        .output()
        .expect("sh runs");
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("error[E025]: the logo `logo.png` is larger than 4 MiB"),
        "{}",
        stderr(&o)
    );
}
