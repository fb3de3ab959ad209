//! Messages a person can act on (issue 12, finding 11): a nesting-limit error at its line;
//! each I/O error once, in words; control characters in file names and keys never reach
//! the terminal or the CI log raw (terminal escape injection); `logo = ""` is an empty
//! value (E004); a number used by hundreds of files names five of them and a count.

use std::fs;
use std::path::Path;

use crate::common::{code, stderr, stdout};
use crate::hostile::support;

fn p(s: &str) -> &Path {
    Path::new(s)
}

fn check(entries: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![p("check"), p("--entries"), entries];
    args.extend(extra.iter().map(|s| p(s)));
    support::run(&args)
}

#[test]
fn a_table_nested_too_deep_is_reported_at_its_line() {
    let (_tmp, entries) = support::small_report_in_temp();
    let header = vec!["a"; 90].join(".");
    fs::write(
        entries.join("1.toml"),
        format!("number = \"1\"\ntitle = \"x\"\n\n[{header}]\nb = 1\n"),
    )
    .expect("write");
    let o = check(&entries, &[]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("1.toml:4:1"), "{}", stderr(&o));
}

#[test]
fn io_errors_are_said_once_in_words() {
    let (tmp, entries) = support::small_report_in_temp();
    let out = tmp.path().join("out");
    fs::create_dir_all(out.join("C18-99-E.docx")).expect("a folder where the DOCX goes");
    let o = support::build(&entries, &out);
    let err = stderr(&o);
    assert_eq!(code(&o), 2, "{err}");
    assert!(err.contains("C18-99-E.docx: is a folder"), "{err}");
    assert_eq!(err.matches("is a folder").count(), 1, "{err}");
    assert!(!err.contains("os error"), "{err}");
    // A file where import makes a folder.
    let into = tmp.path().join("into");
    fs::create_dir(&into).expect("mkdir");
    fs::write(into.join("2"), "a file").expect("write");
    let export = crate::common::root().join("tests/fixtures/import/word-export.txt");
    let o = support::run(&[p("import"), &export, p("--into"), &into, p("--force")]);
    let err = stderr(&o);
    assert_eq!(code(&o), 2, "{err}");
    assert_eq!(err.matches("File exists").count(), 1, "{err}");
    assert!(!err.contains("os error"), "{err}");
}

#[test]
fn control_characters_in_file_names_and_keys_are_escaped_in_every_format() {
    let (_tmp, entries) = support::small_report_in_temp();
    fs::write(
        entries.join("2-\u{1b}[2J\u{9b}31m.toml"),
        "number = \"2\"\ntitle = \"x\"\n\"\\u001b[31m\" = 1\n",
    )
    .expect("write");
    for format in ["human", "json", "github", "junit"] {
        let o = check(&entries, &["--format", format]);
        assert_eq!(code(&o), 1, "{format}: {}", stderr(&o));
        for (stream, text) in [("stdout", stdout(&o)), ("stderr", stderr(&o))] {
            assert!(
                !text.contains('\u{1b}') && !text.contains('\u{9b}'),
                "{format} {stream}: {text:?}"
            );
        }
        assert!(
            (stdout(&o) + &stderr(&o)).contains("2-"),
            "{format}: the file is still named"
        );
    }
}

#[test]
fn an_empty_logo_is_e004() {
    let (_tmp, entries) = support::small_report_in_temp();
    support::with_logo(&entries, "");
    let o = check(&entries, &[]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("error[E004]: `logo` is empty"),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("E024"), "{}", stderr(&o));
}

#[test]
fn a_number_used_by_hundreds_of_files_names_five_and_a_count() {
    let (_tmp, entries) = support::small_report_in_temp();
    for i in 0..200 {
        fs::write(
            entries.join(format!("copy-{i:03}.toml")),
            "number = \"1\"\ntitle = \"Again\"\n",
        )
        .expect("write");
    }
    let o = check(&entries, &[]);
    let err = stderr(&o);
    assert_eq!(code(&o), 1, "{err}");
    assert!(err.contains("section number 1 is used 201 times"), "{err}");
    assert!(err.contains(" and 195 more"), "{err}");
    assert!(err.lines().all(|l| l.len() < 1_000), "{err}");
}
