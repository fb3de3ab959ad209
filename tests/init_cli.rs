//! `init` as a new user runs it: a new report folder that checks as a draft (only W005,
//! one per value to fill in), builds a draft DOCX, whose `#:schema` lines resolve, and
//! that is refused over a folder with anything in it.

use std::path::Path;

use crate::common::{code, run_in, stderr, stdout};

#[test]
fn init_then_check_warns_only_about_placeholders_and_build_writes_a_draft() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = run_in(tmp.path(), &["init", "myreport"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    insta::assert_snapshot!(
        "init_output",
        format!("{}---\n{}", stdout(&out), stderr(&out))
    );
    let dir = tmp.path().join("myreport");

    let out = run_in(&dir, &["check"]);
    let err = stderr(&out);
    assert_eq!(code(&out), 0, "{err}");
    // The nine required report.toml values and the first entry's text.
    assert_eq!(err.matches("warning[W005]").count(), 10, "{err}");
    assert_eq!(err.matches("]: ").count(), 10, "{err}");
    assert!(
        err.ends_with("checked 1 entry: 0 errors, 10 warnings\n"),
        "{err}"
    );
    let out = run_in(&dir, &["check", "--deny-warnings"]);
    assert_eq!(code(&out), 1);

    let out = run_in(&dir, &["build"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let docx = std::fs::read(dir.join("out/report-draft.docx")).expect("a draft DOCX");
    let body = crate::common::docx_part(&docx, "word/document.xml");
    assert!(body.contains("Introduction"), "the first entry's heading");

    // Each `#:schema` line names the schema `schema` prints, relative to the file.
    for (file, kind) in [
        ("entries/report.toml", "--report"),
        ("entries/1/1-introduction.toml", ""),
    ] {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).expect("written");
        let first = text.lines().next().unwrap_or_default();
        let target = first.strip_prefix("#:schema ").expect("a #:schema line");
        let schema = std::fs::read_to_string(path.parent().unwrap_or(Path::new(".")).join(target))
            .unwrap_or_else(|e| panic!("{file}: {target}: {e}"));
        let args: Vec<&str> = ["schema", kind]
            .into_iter()
            .filter(|a| !a.is_empty())
            .collect();
        assert_eq!(schema, stdout(&run_in(&dir, &args)), "{file}");
    }
    let ignore = std::fs::read_to_string(dir.join(".gitignore")).expect(".gitignore");
    assert!(ignore.lines().any(|l| l == "out/"), "{ignore}");

    // `new` carries on from the first entry, in a folder of its own like entry 1.
    let out = run_in(&dir, &["new", "--under", "1", "--title", "Scope"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "entries/1/1.01-scope.toml\n");
}

#[test]
fn init_refuses_a_folder_with_anything_in_it() {
    let tmp = tempfile::tempdir().expect("temp dir");
    std::fs::write(tmp.path().join("notes.txt"), "mine").expect("write");
    let out = run_in(tmp.path(), &["init"]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "error: `.` is not empty; `init` starts a report in a new or empty folder (to add an entry to a report, use `council-report new`)\n"
    );
    let names: Vec<_> = std::fs::read_dir(tmp.path()).expect("list").collect();
    assert_eq!(names.len(), 1, "nothing written beside notes.txt");
}

/// Before `init`, `new` on an empty folder failed with E006 and E007, and E006's help
/// sent the user to a README they do not have: it now names `init`.
#[test]
fn new_on_an_empty_folder_points_to_init() {
    let tmp = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(tmp.path().join("myreport")).expect("mkdir");
    let out = run_in(tmp.path(), &["new", "1", "--entries", "myreport"]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(err.contains("council-report init"), "{err}");
    insta::assert_snapshot!(err);
}
