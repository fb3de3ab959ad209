//! `check` as a user runs it: one fixture folder per rule under tests/fixtures/check, the
//! exact rendered diagnostic pinned by a snapshot, and the exit codes.

use crate::common::{code, copy_tree, root, run, run_in, stderr, stdout};

/// Runs `check` on a fixture and returns (exit code, stderr).
fn check(fixture: &str, extra: &[&str]) -> (i32, String) {
    let dir = format!("tests/fixtures/check/{fixture}");
    let mut args = vec!["check", "--entries", dir.as_str()];
    args.extend_from_slice(extra);
    let out = run(&args);
    (code(&out), stderr(&out))
}

/// A temporary copy of the clean fixture, whose report.toml can be changed.
struct CleanCopy {
    dir: tempfile::TempDir,
    report: String,
}

impl CleanCopy {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        crate::common::copy_tree(
            &crate::common::root().join("tests/fixtures/check/clean"),
            dir.path(),
        );
        let report = std::fs::read_to_string(dir.path().join("report.toml")).expect("report.toml");
        Self { dir, report }
    }

    /// `check` on the copy, its report.toml with `from` replaced by `to`: (exit code, stderr).
    fn check_with(&self, from: &str, to: &str) -> (i32, String) {
        std::fs::write(
            self.dir.path().join("report.toml"),
            self.report.replace(from, to),
        )
        .expect("write");
        let out = run(&[
            "check",
            "--entries",
            self.dir.path().to_str().expect("utf-8"),
        ]);
        (code(&out), stderr(&out))
    }
}

/// One test per rule, on the fixture folder named after the test
/// (`e001_invalid_utf8`: tests/fixtures/check/e001-invalid-utf8): the code the test's
/// name begins with fires, and only it (each fixture is otherwise clean); an error exits
/// 1, a warning 0; the rendered diagnostic is the test's snapshot. `@with [ARGS]` adds
/// arguments to `check` (`--language F` for the rules about a translation file).
macro_rules! rules {
    ($($test:ident),+ $(,)?) => {
        rules!(@with [] $($test),+);
    };
    (@with $extra:tt $($test:ident),+ $(,)?) => {$(
        #[test]
        fn $test() {
            let err = the_rule_fires(stringify!($test), &$extra);
            insta::assert_snapshot!(err);
        }
    )+};
}

/// Runs `check` on the fixture of the rule test `test` with `extra` arguments, asserts
/// what [`rules!`] promises and returns the rendered diagnostic.
fn the_rule_fires(test: &str, extra: &[&str]) -> String {
    let code = test[..4].to_ascii_uppercase();
    let (exit, err) = check(&test.replace('_', "-"), extra);
    assert!(err.contains(&format!("[{code}]")), "{err}");
    assert_eq!(err.matches("]: ").count(), 1, "{err}");
    assert_eq!(exit, i32::from(code.starts_with('E')), "{err}");
    err
}

// The translation file `translations/F.xlf` of each fixture.
rules!(@with ["--language", "F"]
    e026_bad_translation_file,
    e027_broken_inline_code,
    w006_untranslated,
    w007_stale_translation,
    w008_orphan_translation,
    w009_typography,
);

rules!(
    e001_invalid_utf8,
    e002_toml_syntax,
    e003_unknown_key,
    e004_wrong_type,
    e005_missing_key,
    e006_no_report_toml,
    e007_no_entries,
    e008_not_an_entry,
    e009_empty_file,
    e010_unreadable,
    e011_malformed_number,
    e012_duplicate_number,
    e013_missing_parent,
    e014_empty_entry,
    e015_unknown_resolution,
    e016_malformed_recommendation,
    e017_recommendation_not_in_text,
    e018_invalid_date,
    e019_end_before_start,
    e020_outside_period,
    e021_bad_link,
    e022_unsupported_markup,
    e023_control_character,
    e023_c1_control,
    e024_unsafe_path,
    e025_bad_logo,
    e028_duplicate_id,
    e029_broken_reference,
    w001_numbering_gap,
    w002_straight_quote,
    w003_double_space,
    w004_trailing_space,
    w005_placeholder,
    w010_invisible_character,
    w010_invisible_zero_width,
    w011_skeleton_text,
    w012_placeholder_title,
    w013_untyped_reference,
    w014_import_guess,
);

/// Deleting the `# import:` comment is how a person says the guess is right: W014 goes.
#[test]
fn w014_goes_once_the_comment_is_deleted() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("entries");
    copy_tree(
        std::path::Path::new("tests/fixtures/check/w014-import-guess"),
        &dir,
    );
    let report = dir.join("report.toml");
    let text = std::fs::read_to_string(&report).expect("read");
    let reviewed: String = text
        .lines()
        .filter(|l| !l.starts_with("# import:"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(reviewed, text);
    std::fs::write(&report, reviewed).expect("write");
    let out = run(&[
        "check",
        "--deny-warnings",
        "--entries",
        dir.to_str().expect("utf-8"),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

/// A report.toml missing three keys in three tables: three E005 in one run, each at its
/// table, rather than one per run.
#[test]
fn e005_every_missing_key_in_one_run() {
    let (exit, err) = check("e005-missing-keys-in-one-run", &[]);
    assert_eq!(exit, 1, "{err}");
    assert_eq!(err.matches("error[E005]").count(), 3, "{err}");
    assert_eq!(err.matches("]: ").count(), 3, "nothing else: {err}");
    insta::assert_snapshot!(err);
}

/// A placeholder is a warning: the folder passes `check` and builds a draft, but CI's
/// `--deny-warnings` stops it.
#[test]
fn placeholders_fail_only_when_warnings_are_denied() {
    let (exit, err) = check("w005-placeholder", &["--deny-warnings"]);
    assert_eq!(exit, 1);
    assert!(
        err.ends_with("checked 3 entries: 0 errors, 1 warning (warnings are denied)\n"),
        "{err}"
    );
}

/// By hand, the rules of report.toml stay: a missing date is an E005, an empty value an
/// E004, a date in quotes an E004; only a value starting with TODO is a placeholder.
#[test]
fn hand_written_report_toml_keeps_its_errors() {
    let copy = CleanCopy::new();
    for (from, to, want) in [
        ("date = 2018-03-22\n", "", "error[E005]: missing key `date`"),
        (
            "title = \"A small test report\"",
            "title = \"\"",
            "error[E004]: `title` is empty",
        ),
        (
            "date = 2018-03-22",
            "date = \"2018-03-22\"",
            "error[E004]: wrong type: expected a date",
        ),
        (
            "date = 2018-03-22",
            "date = \"todo\"",
            "error[E004]: wrong type: expected a date",
        ),
        (
            "title = \"A small test report\"",
            "title = \"TODO: the title\"",
            "warning[W005]: `document.title` is still a placeholder",
        ),
    ] {
        let (exit, err) = copy.check_with(from, to);
        assert!(err.contains(want), "{to}: {err}");
        assert_eq!(err.matches("]: ").count(), 1, "{to}: {err}");
        assert_eq!(exit, i32::from(want.starts_with("error")), "{to}: {err}");
    }
    // A placeholder still goes into the DOCX of a draft: a control character in it is
    // an error, as anywhere else.
    let (exit, err) = copy.check_with("date = 2018-03-22", "date = \"TODO: a\\u000Bb\"");
    assert_eq!(exit, 1, "{err}");
    assert!(
        err.contains("error[E023]") && err.contains("warning[W005]"),
        "{err}"
    );
}

/// A C1 control (U+0080 to U+009F) written as an escape (`\u0085`) is refused like a raw
/// one (the fixture `e023-c1-control`), at the escape.
#[test]
fn e023_c1_controls_escaped() {
    let copy = CleanCopy::new();
    let (exit, err) = copy.check_with("A small test report", "A small\\u0085test report");
    assert_eq!(exit, 1, "{err}");
    assert_eq!(err.matches("]: ").count(), 1, "{err}");
    assert!(
        err.contains("error[E023]: control character U+0085 (… in Windows-1252, read as Latin-1)"),
        "{err}"
    );
    // The no-break space and « » just above the C1 block are ordinary text.
    let (_, err) = copy.check_with("A small test report", "A small\\u00A0« test »");
    assert!(!err.contains("E023"), "{err}");
}

#[test]
fn every_code_has_a_fixture() {
    let fixtures: Vec<String> =
        std::fs::read_dir(crate::common::root().join("tests/fixtures/check"))
            .expect("fixtures")
            .filter_map(|e| {
                e.ok()
                    .map(|e| e.file_name().to_string_lossy().to_lowercase())
            })
            .collect();
    for c in council_report::diag::Code::ALL {
        let prefix = c.as_str().to_lowercase();
        assert!(
            fixtures.iter().any(|f| f.starts_with(&prefix)),
            "no fixture for {c}"
        );
    }
}

#[test]
fn clean_fixture_passes_even_with_denied_warnings() {
    let (exit, err) = check("clean", &["--deny-warnings"]);
    assert_eq!(exit, 0, "{err}");
    assert_eq!(err, "checked 4 entries: 0 errors, 0 warnings\n");
}

#[test]
fn warnings_fail_only_when_denied() {
    assert_eq!(check("w002-straight-quote", &[]).0, 0);
    let (exit, err) = check("w002-straight-quote", &["--deny-warnings"]);
    assert_eq!(exit, 1);
    assert!(
        err.ends_with("checked 3 entries: 0 errors, 1 warning (warnings are denied)\n"),
        "{err}"
    );
}

#[test]
fn multi_error_human() {
    let (exit, err) = check("multi-error", &[]);
    assert_eq!(exit, 1);
    insta::assert_snapshot!(err);
}

#[test]
fn multi_error_json() {
    let out = run(&[
        "check",
        "--entries",
        "tests/fixtures/check/multi-error",
        "--format",
        "json",
    ]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("each line is a JSON object");
        for key in [
            "severity", "code", "message", "file", "line", "column", "help",
        ] {
            assert!(v.get(key).is_some(), "{key} missing in {line}");
        }
    }
    insta::assert_snapshot!(text);
}

#[test]
fn multi_error_github() {
    let out = run(&[
        "check",
        "--entries",
        "tests/fixtures/check/multi-error",
        "--format",
        "github",
    ]);
    assert_eq!(code(&out), 1);
    insta::assert_snapshot!(stdout(&out));
}

#[test]
fn multi_error_junit() {
    let out = run(&[
        "check",
        "--entries",
        "tests/fixtures/check/multi-error",
        "--format",
        "junit",
    ]);
    assert_eq!(code(&out), 1);
    let xml = stdout(&out);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let failures = doc
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .count();
    assert_eq!(failures, 3);
    insta::assert_snapshot!(xml);
}

#[test]
fn default_entries_are_clean() {
    let out = run(&["check", "--deny-warnings"]);
    let err = stderr(&out);
    assert_eq!(code(&out), 0, "{err}");
    let n: usize = err
        .trim()
        .strip_prefix("checked ")
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("a summary line");
    assert!(n >= 54, "{err}");
}

#[test]
fn missing_folder_is_an_io_error() {
    let out = run(&["check", "--entries", "tests/fixtures/no-such-folder"]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "error: the entries folder `tests/fixtures/no-such-folder` does not exist\n"
    );
}

/// CI reads the machine formats on stdout: an I/O or usage error is a record there too
/// (before, the JUnit file was empty and the dashboard showed nothing).
#[test]
fn machine_formats_carry_io_and_usage_errors() {
    let mut all = String::new();
    for format in ["json", "junit", "github"] {
        let out = run(&[
            "check",
            "--format",
            format,
            "--entries",
            "tests/fixtures/no-such-folder",
        ]);
        assert_eq!(code(&out), 2);
        assert_eq!(
            stderr(&out),
            "error: the entries folder `tests/fixtures/no-such-folder` does not exist\n"
        );
        all.push_str(&format!("--- {format}\n{}", stdout(&out)));
    }
    let out = run(&["check", "--format=junit", "--bogus"]);
    assert_eq!(code(&out), 2);
    all.push_str(&format!("--- junit, usage\n{}", stdout(&out)));
    let out = run(&["check", "--format", "json", "--entries"]);
    assert_eq!(code(&out), 2);
    let record: serde_json::Value =
        serde_json::from_str(stdout(&out).trim()).expect("one JSON object");
    assert_eq!(record["code"], "usage");
    assert_eq!(record["severity"], "error");
    // Human output keeps stdout empty: the error is on stderr.
    let out = run(&["check", "--entries", "tests/fixtures/no-such-folder"]);
    assert_eq!(stdout(&out), "");
    insta::assert_snapshot!(all);
}

#[test]
fn usage_errors_exit_2() {
    let out = run(&["check", "--format", "xml"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("invalid value 'xml'"),
        "{}",
        stderr(&out)
    );
    assert_eq!(code(&run(&["no-such-command"])), 2);
}

#[test]
fn readme_lists_every_code() {
    let readme =
        std::fs::read_to_string(crate::common::root().join("README.md")).expect("README.md");
    for c in council_report::diag::Code::ALL {
        let row = format!("| {} | {} |", c.as_str(), c.summary());
        assert!(
            readme.contains(&row),
            "README.md lacks the row for {c}: {row}"
        );
    }
}

#[test]
fn bom_and_crlf_are_fine() {
    let dir = tempfile::tempdir().expect("tempdir");
    crate::common::copy_tree(
        &crate::common::root().join("tests/fixtures/check/clean"),
        dir.path(),
    );
    let crlf = "\u{FEFF}number = \"2.3\"\r\ntext = \"\"\"\r\nA paragraph\r\nwrapped.\r\n\r\nAnother.\r\n\"\"\"\r\n";
    std::fs::write(dir.path().join("2/2.3.toml"), crlf).expect("write");
    let checked = council_report::load_and_check(dir.path()).expect("folder");
    assert_eq!(checked.diagnostics, []);
    let report = checked.report.expect("valid");
    let e = report
        .entries
        .iter()
        .find(|e| e.number.to_string() == "2.3")
        .expect("2.3");
    assert_eq!(
        e.text.plain_paragraphs(),
        ["A paragraph wrapped.", "Another."]
    );
}

#[test]
fn oversized_file_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    crate::common::copy_tree(
        &crate::common::root().join("tests/fixtures/check/clean"),
        dir.path(),
    );
    let big = format!(
        "number = \"2.3\"\ntext = \"{}\"\n",
        "a".repeat(9 * 1024 * 1024)
    );
    std::fs::write(dir.path().join("2/2.3.toml"), big).expect("write");
    let checked = council_report::load_and_check(dir.path()).expect("folder");
    let d: Vec<_> = checked
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.message.clone()))
        .collect();
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].0, "E010");
    assert!(d[0].1.ends_with("is larger than 8 MiB"), "{d:?}");
}

/// The commonest TOML slips, each in a drafter's words with the fix as help (the parser's
/// message stays as the label); the broken file's number still counts, so no W001 gap.
#[test]
fn friendly_toml_syntax_errors() {
    let slips = [
        "title = \"The \"IMT-2020\" workshop\"\n",
        "text = \"C:\\Users\\drafter\"\n",
        "text = 'it's here'\n",
        "text = \"a text\nthat goes on\"\n",
        "text = \"\"\"\nA paragraph never closed.\n",
        "sector \"ITU-T\"\n",
        "sector = \"ITU-T\"\nsector = \"ITU-R\"\n",
    ];
    let mut all = String::new();
    for slip in slips {
        let dir = tempfile::tempdir().expect("tempdir");
        let e = dir.path().join("e");
        crate::common::copy_tree(
            &crate::common::root().join("tests/fixtures/check/clean"),
            &e,
        );
        std::fs::write(e.join("2/2.1.toml"), format!("number = \"2.1\"\n{slip}")).expect("write");
        let out = crate::common::run_in(dir.path(), &["check", "--entries", "e"]);
        let err = stderr(&out);
        assert_eq!(code(&out), 1, "{err}");
        assert_eq!(err.matches("error[E002]").count(), 1, "{err}");
        assert!(err.contains("= help: "), "{err}");
        assert!(!err.contains("W001"), "{err}");
        all.push_str(&err);
    }
    insta::assert_snapshot!(all);
}

/// Three mistakes of one file in one run (a number without quotes, a resolution in
/// quotes, a sector in lower case), and no cascade: the entry still counts as 2.1, so
/// its child has a parent and its sibling no gap. The help quotes the number as written.
#[test]
fn every_mistake_of_a_file_in_one_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let e = dir.path().join("e");
    crate::common::copy_tree(
        &crate::common::root().join("tests/fixtures/check/clean"),
        &e,
    );
    std::fs::write(
        e.join("2/2.1.toml"),
        "number = 2.1\nresolutions = [\"101\"]\nsector = \"itu-t\"\ntext = \"x\"\n",
    )
    .expect("write");
    std::fs::write(e.join("2/2.1.1.toml"), "number = \"2.1.1\"\ntext = \"y\"\n").expect("write");
    let out = crate::common::run_in(dir.path(), &["check", "--entries", "e"]);
    let err = stderr(&out);
    assert_eq!(code(&out), 1, "{err}");
    assert_eq!(err.matches("error[E004]").count(), 3, "{err}");
    assert!(!err.contains("E013") && !err.contains("W001"), "{err}");
    assert!(err.contains("`number = \"2.1\"`"), "{err}");
    insta::assert_snapshot!(err);
}

/// The issue's own slips in the sample report: `number = 2.10` (a float: the help quotes
/// it as written, `"2.10"`, not `"2.1"`), `sector = "ITU-X"` (the four sectors listed,
/// no "did you mean 'ITU-D'") and `resolutions = ["101"]`, all in one run and with no
/// cascade (2.10 still counts: 2.11 has no gap, 2.10's place holds).
#[test]
fn the_sample_report_slips_in_one_run_quoted_as_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_tree(&root().join("entries"), &dir.path().join("entries"));
    let file = dir.path().join("entries/2/2.10-itu-t-sg15.toml");
    let text = std::fs::read_to_string(&file).expect("read");
    let slipped = text
        .replacen("number = \"2.10\"", "number = 2.10", 1)
        .replacen("sector = \"ITU-T\"", "sector = \"ITU-X\"", 1)
        .replacen("resolutions = [101]", "resolutions = [\"101\"]", 1);
    assert_eq!(slipped.lines().count(), text.lines().count());
    std::fs::write(&file, slipped).expect("write");
    let out = run_in(dir.path(), &["check", "--entries", "entries"]);
    let err = stderr(&out);
    assert_eq!(code(&out), 1, "{err}");
    assert_eq!(err.matches("error[E004]").count(), 3, "{err}");
    assert!(err.contains("`number = \"2.10\"`"), "{err}");
    assert!(
        err.contains("`ITU-T`, `ITU-R`, `ITU-D`, `GS`") && !err.contains("did you mean"),
        "{err}"
    );
    assert!(!err.contains("E013") && !err.contains("W001"), "{err}");
    insta::assert_snapshot!(err);
}

/// A misspelt `--entries` folder: the error names the folder beside it that was meant.
#[test]
fn a_misspelt_entries_folder_suggests_the_one_that_exists() {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_tree(&root().join("entries"), &dir.path().join("entries"));
    let out = run_in(dir.path(), &["check", "--entries", "entires"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: the entries folder `entires` does not exist; did you mean `entries`?\n"
    );
    // An edit command says the same.
    let out = run_in(dir.path(), &["new", "9", "--entries", "entires"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("did you mean `entries`?"),
        "{}",
        stderr(&out)
    );
    // Nothing close: no guess.
    let out = run_in(dir.path(), &["check", "--entries", "zzz"]);
    assert_eq!(
        stderr(&out),
        "error: the entries folder `zzz` does not exist\n"
    );
}

/// A copy of a fixture with `table` added to its report.toml: (exit code, stderr) of
/// `check`.
fn check_with_table(fixture: &str, table: &str, extra: &[&str]) -> (i32, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_tree(
        &root().join("tests/fixtures/check").join(fixture),
        dir.path(),
    );
    let report = dir.path().join("report.toml");
    let text = std::fs::read_to_string(&report).expect("report.toml");
    std::fs::write(&report, format!("{text}\n{table}")).expect("write");
    let mut args = vec!["check", "--entries", dir.path().to_str().expect("utf-8")];
    args.extend_from_slice(extra);
    let out = run(&args);
    (
        code(&out),
        stderr(&out).replace(dir.path().to_str().expect("utf-8"), "e"),
    )
}

/// `[check]` sets a warning's level: `deny` makes it an error (exit 1, the build would
/// stop), `allow` hides it (even under --deny-warnings), `warn` is the default.
#[test]
fn check_table_sets_warning_levels() {
    let (exit, err) = check_with_table("w003-double-space", "[check]\nW003 = \"deny\"\n", &[]);
    assert_eq!(exit, 1, "{err}");
    assert!(err.contains("error[W003]"), "{err}");
    assert!(
        err.ends_with("checked 3 entries: 1 error, 0 warnings\n"),
        "{err}"
    );
    insta::assert_snapshot!("check_table_deny", err);

    let (exit, err) = check_with_table(
        "w003-double-space",
        "[check]\nW003 = \"allow\"\n",
        &["--deny-warnings"],
    );
    assert_eq!(exit, 0, "{err}");
    assert_eq!(err, "checked 3 entries: 0 errors, 0 warnings\n");

    let (exit, err) = check_with_table("w003-double-space", "[check]\nW003 = \"warn\"\n", &[]);
    assert_eq!(exit, 0, "{err}");
    assert!(err.contains("warning[W003]"), "{err}");
}

/// An unknown code, an error's code and a level that is not one of the three: each an
/// error at its line and column in report.toml, in one run.
#[test]
fn check_table_rejects_unknown_codes_and_levels() {
    let (exit, err) = check_with_table(
        "clean",
        "[check]\nW0002 = \"allow\"\nE012 = \"allow\"\nW001 = \"never\"\nW999 = \"deny\"\n",
        &[],
    );
    assert_eq!(exit, 1, "{err}");
    assert_eq!(err.matches("error[E003]").count(), 3, "{err}");
    assert_eq!(err.matches("error[E004]").count(), 1, "{err}");
    assert!(err.contains("report.toml:22:1"), "{err}");
    // The help lists every warning's code (and no error's); the snapshot leaves the list
    // out, so that a new warning does not change it.
    let listed: Vec<String> = council_report::diag::Code::ALL
        .iter()
        .filter(|c| c.severity() == council_report::diag::Severity::Warning)
        .map(|c| format!("`{c}`"))
        .collect();
    let listed = listed.join(", ");
    assert_eq!(err.matches(listed.as_str()).count(), 2, "{err}");
    insta::assert_snapshot!(err.replace(&listed, "`W001`, … (every warning)"));
}
