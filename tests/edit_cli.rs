//! The editing commands as a user runs them, each on a temporary copy of `entries/`:
//! `new`, `renumber` (insert, close gaps, move, dry run, refusals) and `fmt`. After every
//! edit the folder must still check clean, comments must survive, and the report must hold
//! the entries in the expected order; a refused edit must leave every byte as it was.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::{code, run_in, stderr, stdout};

/// A temporary working folder holding a copy of the sample `entries/` (or of a fixture).
pub(crate) struct Work {
    pub(crate) dir: tempfile::TempDir,
}

impl Work {
    fn new() -> Self {
        Self::of("entries")
    }

    /// A copy of the folder `fixture` (relative to the repository) as `entries/`.
    pub(crate) fn of(fixture: &str) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        crate::common::copy_tree(
            &crate::common::root().join(fixture),
            &dir.path().join("entries"),
        );
        Self { dir }
    }

    pub(crate) fn entries(&self) -> PathBuf {
        self.dir.path().join("entries")
    }

    /// The command with `--entries entries`, in the working folder.
    pub(crate) fn run(&self, args: &[&str]) -> std::process::Output {
        let mut all = args.to_vec();
        all.extend_from_slice(&["--entries", "entries"]);
        run_in(self.dir.path(), &all)
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.entries().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    fn write(&self, rel: &str, text: &str) {
        std::fs::write(self.entries().join(rel), text).expect("write");
    }

    /// Every file's bytes, by relative path: equal snapshots mean nothing changed.
    pub(crate) fn tree(&self) -> BTreeMap<String, Vec<u8>> {
        crate::common::tree(&self.entries())
    }

    /// (number, title, text as JSON) of every entry of the checked report, in order.
    fn report(&self) -> Vec<(String, Option<String>, String)> {
        report_of(&self.entries())
    }

    /// `check --deny-warnings` output and exit code.
    fn check(&self, deny: bool) -> (i32, String) {
        let mut args = vec!["check"];
        if deny {
            args.push("--deny-warnings");
        }
        let out = self.run(&args);
        (code(&out), stderr(&out))
    }
}

fn report_of(dir: &Path) -> Vec<(String, Option<String>, String)> {
    let checked = council_report::load_and_check(dir).expect("loads");
    let report = checked.report.expect("a valid report");
    report
        .entries
        .iter()
        .map(|e| {
            (
                e.number.to_string(),
                e.title.clone(),
                serde_json::to_string(&e.text).expect("json"),
            )
        })
        .collect()
}

fn numbers(report: &[(String, Option<String>, String)]) -> Vec<&str> {
    report.iter().map(|(n, _, _)| n.as_str()).collect()
}

/// The entry numbered `n` in a report listing.
fn entry<'a>(
    report: &'a [(String, Option<String>, String)],
    n: &str,
) -> &'a (String, Option<String>, String) {
    report
        .iter()
        .find(|(m, _, _)| m == n)
        .unwrap_or_else(|| panic!("no entry {n}"))
}

fn original() -> Vec<(String, Option<String>, String)> {
    report_of(&crate::common::root().join("entries"))
}

// ---------------------------------------------------------------------------------- new

#[test]
fn new_under_takes_the_next_free_number_beside_its_siblings() {
    let w = Work::new();
    let out = w.run(&[
        "new",
        "--under",
        "2.9",
        "--title",
        "IMT-2020 Demo Day, part 2",
        "--heading",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "entries/2/2.09.3-imt-2020-demo-day.toml\n");
    let text = w.read("2/2.09.3-imt-2020-demo-day.toml");
    assert!(
        text.starts_with("#:schema ../entry.schema.json\n"),
        "{text}"
    );
    assert!(text.contains("number = \"2.9.3\"\ntitle = \"IMT-2020 Demo Day, part 2\"\n"));
    assert!(text.contains("# [event]"), "a commented skeleton: {text}");
    assert_eq!(w.check(false).0, 0, "{}", w.check(false).1); // W005: the skeleton's text

    let report = w.report();
    let at = numbers(&report)
        .iter()
        .position(|n| *n == "2.9.3")
        .expect("2.9.3");
    assert_eq!(
        numbers(&report)[at - 1..=at + 1],
        ["2.9.2", "2.9.3", "2.10"]
    );
    assert_eq!(
        entry(&report, "2.9.3").1.as_deref(),
        Some("IMT-2020 Demo Day, part 2")
    );
    // The new file is already in canonical layout.
    let fmt = w.run(&["fmt", "--check"]);
    assert_eq!(code(&fmt), 0, "{}{}", stdout(&fmt), stderr(&fmt));
}

#[test]
fn new_with_a_number_and_in_a_folder_of_its_own() {
    let w = Work::new();
    let out = w.run(&["new", "2.23"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "entries/2/2.23-new-entry.toml\n");
    // Top-level entries each live in a folder named after their number: so does 8.
    let out = w.run(&["new", "--under", "2", "--title", "Next"]);
    assert_eq!(stdout(&out), "entries/2/2.24-next.toml\n");
    let out = w.run(&["new", "8", "--title", "Outlook"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "entries/8/8-outlook.toml\n");
    assert_eq!(w.check(false).0, 0, "{}", w.check(false).1); // W005: the skeleton's text
    let report = w.report();
    assert_eq!(numbers(&report).last(), Some(&"8"));
}

#[test]
fn new_refuses_a_number_in_use_or_without_a_parent_and_writes_nothing() {
    let w = Work::new();
    let before = w.tree();
    // A number in use: the help names the two commands that do what was meant.
    let out = w.run(&["new", "2.9"]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(
        err.starts_with(
            "error: 2.9 is in use by `entries/2/2.09-itu-t-sg13.toml`; nothing was written\n"
        ),
        "{err}"
    );
    assert!(
        err.contains("`council-report renumber --insert 2.9`"),
        "{err}"
    );
    assert!(err.contains("`council-report new --under 2`"), "{err}");
    insta::assert_snapshot!("new_number_in_use_hints_renumber_and_under", err);
    let out = w.run(&["new", "--under", "9"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("there is no entry 9"),
        "{}",
        stderr(&out)
    );
    let out = w.run(&["new", "2.9.7.1"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("there is no entry 2.9.7"),
        "{}",
        stderr(&out)
    );
    assert_eq!(w.tree(), before);
    // A usage error is exit 2.
    assert_eq!(code(&w.run(&["new", "2.09"])), 2);
    assert_eq!(w.tree(), before);
}

// ----------------------------------------------------------------------------- renumber

/// Puts comments in two files the renumberings touch.
fn annotate(w: &Work) {
    let f = "2/2.07-itu-t-sg11.toml";
    let text = w.read(f).replacen(
        "number = \"2.7\"",
        "# SG11: signalling.\nnumber = \"2.7\"   # keep this comment",
        1,
    );
    w.write(f, &text);
    let f = "2/2.17.3-itu-d-q3-1-cloud.toml";
    w.write(f, &format!("# Cloud computing.\n{}", w.read(f)));
}

#[test]
fn insert_makes_room_children_follow_then_new_fills_the_gap() {
    let w = Work::new();
    annotate(&w);
    let out = w.run(&["renumber", "--insert", "2.7"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("renumbered 26 entries"),
        "{}",
        stderr(&out)
    );

    let moved = w.read("2/2.08-itu-t-sg11.toml");
    assert!(
        moved.contains("# SG11: signalling.\nnumber = \"2.8\"   # keep this comment\n"),
        "{moved}"
    );
    assert!(!w.entries().join("2/2.07-itu-t-sg11.toml").exists());
    assert!(
        w.read("2/2.08.1-cis-iot-workshop.toml")
            .contains("number = \"2.8.1\"")
    );
    assert!(
        w.read("2/2.18.3-itu-d-q3-1-cloud.toml")
            .starts_with("# Cloud computing.\nnumber = \"2.18.3\"")
    );

    // check: no error, one warning, for the gap.
    let (exit, err) = w.check(false);
    assert_eq!(exit, 0, "{err}");
    assert!(
        err.contains("warning[W001]: 2.7 is missing between 2.6 and 2.8"),
        "{err}"
    );
    assert!(err.ends_with("0 errors, 1 warning\n"), "{err}");

    let orig = original();
    let report = w.report();
    assert_eq!(entry(&report, "2.8").2, entry(&orig, "2.7").2);
    assert_eq!(entry(&report, "2.23").2, entry(&orig, "2.22").2);
    assert_eq!(entry(&report, "2.6.1").2, entry(&orig, "2.6.1").2);

    let out = w.run(&["new", "2.7", "--title", "A new study group", "--heading"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(w.check(false).0, 0, "{}", w.check(false).1); // W005: the skeleton's text
    let report = w.report();
    let at = numbers(&report)
        .iter()
        .position(|n| *n == "2.7")
        .expect("2.7");
    assert_eq!(numbers(&report)[at - 1..=at + 1], ["2.6.1", "2.7", "2.8"]);
    assert_eq!(report[at].1.as_deref(), Some("A new study group"));
    assert_eq!(report.len(), orig.len() + 1);
}

#[test]
fn close_gaps_undoes_an_insert_byte_for_byte() {
    let w = Work::new();
    annotate(&w);
    let before = w.tree();
    assert_eq!(code(&w.run(&["renumber", "--insert", "2.7"])), 0);
    assert_ne!(w.tree(), before);
    let out = w.run(&["renumber", "--close-gaps"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(w.tree(), before, "names, numbers and comments are back");
    assert_eq!(w.check(true).0, 0);
    assert_eq!(w.report(), original());
    let out = w.run(&["renumber", "--close-gaps"]);
    assert_eq!(code(&out), 0);
    assert_eq!(stderr(&out), "nothing to renumber\n");
}

#[test]
fn move_takes_the_children_along_and_leaves_no_gap() {
    let w = Work::new();
    annotate(&w);
    let out = w.run(&["renumber", "--move", "2.9", "--to", "3.7"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(w.check(true).0, 0, "{}", w.check(true).1);

    let orig = original();
    let report = w.report();
    assert_eq!(entry(&report, "3.7").2, entry(&orig, "2.9").2);
    assert_eq!(entry(&report, "3.7.1").2, entry(&orig, "2.9.1").2);
    assert_eq!(entry(&report, "3.7.2").2, entry(&orig, "2.9.2").2);
    assert_eq!(entry(&report, "2.9").2, entry(&orig, "2.10").2);
    assert_eq!(entry(&report, "2.16.3").2, entry(&orig, "2.17.3").2);
    let at = numbers(&report)
        .iter()
        .position(|n| *n == "3.7")
        .expect("3.7");
    assert_eq!(
        numbers(&report)[at - 1..=at + 3],
        ["3.6", "3.7", "3.7.1", "3.7.2", "4"]
    );
    // The moved files go to the folder of their new siblings; the others stay.
    assert!(
        w.read("3/3.07-itu-t-sg13.toml")
            .contains("number = \"3.7\"")
    );
    assert!(
        w.read("3/3.07.1-sg13-africa-workshop.toml")
            .contains("number = \"3.7.1\"")
    );
    assert!(
        w.read("2/2.09-itu-t-sg15.toml")
            .contains("number = \"2.9\"")
    );
    assert!(!w.entries().join("3/2.09-itu-t-sg15.toml").exists());
    assert!(
        w.read("2/2.16.3-itu-d-q3-1-cloud.toml")
            .starts_with("# Cloud computing.\n")
    );
    assert!(
        w.read("2/2.07-itu-t-sg11.toml")
            .contains("# keep this comment")
    );
}

#[test]
fn folders_named_after_a_section_are_renamed_with_it() {
    let w = Work::new();
    let out = w.run(&["renumber", "--insert", "5"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let files: Vec<String> = w
        .tree()
        .into_keys()
        .filter(|f| f.as_bytes()[0].is_ascii_digit() && f.as_bytes()[0] >= b'5')
        .collect();
    assert_eq!(
        files,
        [
            "6/6-enum.toml",
            "7/7-iic-ixps.toml",
            "7/7.01-bdt-ixps.toml",
            "7/7.02-regional-forum-mexico.toml",
            "7/7.03-itu-t-sg3-iic.toml",
            "8/8-igf.toml",
        ]
    );
    assert!(
        !w.entries().join("5").exists(),
        "the emptied folder is gone"
    );
    let out = w.run(&["new", "5", "--title", "Cybersecurity"]);
    assert_eq!(
        stdout(&out),
        "entries/5/5-cybersecurity.toml\n",
        "{}",
        stderr(&out)
    );
    assert_eq!(w.check(false).0, 0, "{}", w.check(false).1); // W005: the skeleton's text
    let out = w.run(&["renumber", "--move", "5", "--to", "8"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(w.entries().join("8/8-cybersecurity.toml").is_file());
    assert!(w.entries().join("7/7-igf.toml").is_file());
    assert_eq!(w.check(false).0, 0, "{}", w.check(false).1);
}

#[test]
fn dry_run_prints_the_moves_and_writes_nothing() {
    let w = Work::new();
    let before = w.tree();
    let out = w.run(&["renumber", "--move", "2.17", "--to", "2.20", "--dry-run"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(w.tree(), before);
    assert!(stderr(&out).ends_with("would renumber 10 entries (dry run: nothing was written)\n"));
    insta::assert_snapshot!(stdout(&out));
}

#[test]
fn refused_renumberings_change_no_file() {
    let w = Work::new();
    let before = w.tree();
    // 2.99 is free: nothing to make room for.
    let out = w.run(&["renumber", "--insert", "2.99"]);
    assert_eq!(code(&out), 1);
    assert_eq!(
        stderr(&out),
        "error: 2.99 is free already: there is nothing to move; nothing was written\n"
    );
    // 5.1 does not exist: 5.1.1 would be an orphan. The diagnostic names the file.
    let out = w.run(&["renumber", "--move", "2.9", "--to", "5.1.1"]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(
        err.contains("error[E013]: entry 5.1.1 has no parent"),
        "{err}"
    );
    assert!(err.contains("entries/2/5.01.1-itu-t-sg13.toml"), "{err}");
    assert!(
        err.ends_with("error: the result would have these new errors, so nothing was written\n"),
        "{err}"
    );
    // A folder with errors is not renumbered at all.
    w.write(
        "2/2.09-itu-t-sg13.toml",
        &w.read("2/2.09-itu-t-sg13.toml").replace("sector", "sectr"),
    );
    let broken = w.tree();
    let out = w.run(&["renumber", "--close-gaps"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("error[E003]"), "{}", stderr(&out));
    assert_eq!(w.tree(), broken);
    let mut restored = broken;
    restored.insert(
        "2/2.09-itu-t-sg13.toml".into(),
        before["2/2.09-itu-t-sg13.toml"].clone(),
    );
    assert_eq!(restored, before);
}

/// A changed period makes every event E020: `new`, `fmt` and `renumber` still work, as
/// they do not depend on the events' dates, and leave the E020s as they were.
#[test]
fn content_errors_do_not_block_edits() {
    let w = Work::new();
    w.write(
        "report.toml",
        &w.read("report.toml")
            .replace("start = 2017-02-15", "start = 2019-02-15")
            .replace("end = 2017-12-31", "end = 2019-12-31"),
    );
    let (exit, err) = w.check(false);
    assert_eq!(exit, 1);
    let e020 = err.matches("error[E020]").count();
    assert!(e020 >= 10, "{err}");
    assert_eq!(err.matches("error[").count(), e020, "{err}");

    let before = w.tree();
    let out = w.run(&["renumber", "--insert", "2.4", "--dry-run"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(w.tree(), before);
    insta::assert_snapshot!("content_errors_renumber_dry_run", stdout(&out));

    let out = w.run(&["renumber", "--insert", "2.4"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = w.run(&["new", "2.4", "--title", "Regional forum"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "entries/2/2.04-regional-forum.toml\n");
    w.write(
        "2/2.04-regional-forum.toml",
        &w.read("2/2.04-regional-forum.toml")
            .replace("number = \"2.4\"", "number    =    \"2.4\""),
    );
    let out = w.run(&["fmt"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        w.read("2/2.04-regional-forum.toml")
            .contains("\nnumber = \"2.4\"\n")
    );
    let (exit, err) = w.check(false);
    assert_eq!(
        (exit, err.matches("error[E020]").count()),
        (1, e020),
        "{err}"
    );
    assert_eq!(err.matches("error[").count(), e020, "{err}");

    // An edit that would add an error is refused and names only the new one.
    let tree = w.tree();
    let out = w.run(&["renumber", "--move", "2.9", "--to", "5.1.1"]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(err.contains("error[E013]"), "{err}");
    assert!(!err.contains("E020"), "{err}");
    assert_eq!(w.tree(), tree);

    // A file that cannot be parsed still stops every edit: its number is unknown.
    w.write(
        "2/2.99-broken.toml",
        "number = \"2.99\"\ntext = \"unclosed\n",
    );
    let tree = w.tree();
    let out = w.run(&["new", "--under", "2"]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(err.contains("error[E002]"), "{err}");
    assert!(!err.contains("E020"), "{err}");
    assert!(err.contains("these errors stop every edit"), "{err}");
    assert_eq!(w.tree(), tree);
}

/// `--title` names the file; the entry is a paragraph like its siblings (the title shown
/// commented), and a heading only with `--heading`. Before, README's own example made a
/// bold heading among paragraphs, and there was no way to name the file without one.
#[test]
fn new_title_names_the_file_and_heading_makes_a_heading() {
    let w = Work::new();
    let out = w.run(&["new", "--under", "2.9", "--title", "IMT-2020 Demo Day"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "entries/2/2.09.3-imt-2020-demo-day.toml\n");
    let text = w.read("2/2.09.3-imt-2020-demo-day.toml");
    let value: toml::Table = toml::from_str(&text).expect("TOML");
    assert!(value.get("title").is_none(), "{text}");
    insta::assert_snapshot!("new_title_without_heading", text);
    let out = w.run(&["new", "--under", "2.9", "--title", "Demo Day", "--heading"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = w.read("2/2.09.4-demo-day.toml");
    assert!(text.contains("\ntitle = \"Demo Day\"\n"), "{text}");
    let out = w.run(&["new", "--under", "2.9", "--heading"]);
    assert_eq!(code(&out), 2, "--heading needs --title");
}

/// Moving an entry under itself is refused: before, `--move 3.2 --to 3.2.1` silently
/// made 3.2 a child of the former 3.3.
#[test]
fn move_under_itself_is_refused() {
    let w = Work::new();
    let before = w.tree();
    let out = w.run(&["renumber", "--move", "3.2", "--to", "3.2.1"]);
    assert_eq!(code(&out), 1);
    insta::assert_snapshot!(stderr(&out));
    assert_eq!(w.tree(), before);
}

// ---------------------------------------------------------------------------------- fmt

#[test]
fn fmt_check_is_clean_on_the_sample_entries() {
    let out = crate::common::run(&["fmt", "--check"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert_eq!(stdout(&out), "");
}

#[test]
fn fmt_check_lists_a_misformatted_file_and_fmt_fixes_it_idempotently() {
    let w = Work::of("tests/fixtures/fmt/messy");
    let before_report = w.report();
    let out = w.run(&["fmt", "--check"]);
    assert_eq!(code(&out), 1);
    assert_eq!(stdout(&out), "entries/2/2.2-event.toml\n");
    assert_eq!(
        stderr(&out),
        "1 file not formatted: run `council-report fmt`\n"
    );

    let out = w.run(&["fmt"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let formatted = w.read("2/2.2-event.toml");
    insta::assert_snapshot!(formatted);
    assert_eq!(w.report(), before_report, "the content is unchanged");
    assert_eq!(w.check(true).0, 0);

    let once = w.tree();
    let out = w.run(&["fmt"]);
    assert_eq!(code(&out), 0);
    assert_eq!(stderr(&out), "all files formatted already\n");
    assert_eq!(w.tree(), once);
    assert_eq!(code(&w.run(&["fmt", "--check"])), 0);
}

// --------------------------------------------------------------------------- completions

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = crate::common::run(&["completions", shell]);
        assert_eq!(code(&out), 0, "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        assert!(script.contains("council-report"), "{shell}");
        assert!(script.contains("renumber"), "{shell}");
    }
    assert_eq!(code(&crate::common::run(&["completions", "tcsh"])), 2);
}

#[test]
fn renames_that_chain_into_each_other_lose_nothing() {
    // Names without a slug: 2.1.toml becomes 2.2.toml while 2.2.toml becomes 2.3.toml …
    let w = Work::of("tests/fixtures/check/clean");
    std::fs::remove_file(w.entries().join("2/2.2-event.toml")).expect("remove");
    for n in 2..=4 {
        w.write(
            &format!("2/2.{n}.toml"),
            &format!("# entry {n}\nnumber = \"2.{n}\"\ntext = \"Paragraph {n}.\"\n"),
        );
    }
    let before = report_of(&w.entries());
    let out = w.run(&["renumber", "--insert", "2.1"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let files: Vec<String> = w
        .tree()
        .into_keys()
        .filter(|f| f.starts_with("2/"))
        .collect();
    assert_eq!(
        files,
        [
            "2/2.2.toml",
            "2/2.3.toml",
            "2/2.4.toml",
            "2/2.5.toml",
            "2/2.toml"
        ]
    );
    assert_eq!(
        w.read("2/2.5.toml"),
        "# entry 4\nnumber = \"2.5\"\ntext = \"Paragraph 4.\"\n"
    );
    let after = report_of(&w.entries());
    for (b, a) in before
        .iter()
        .filter(|e| e.0.starts_with("2."))
        .zip(after.iter().filter(|e| e.0.starts_with("2.")))
    {
        assert_eq!(b.2, a.2, "{} → {}", b.0, a.0);
    }
    // No temporary file is left behind.
    assert!(w.tree().keys().all(|f| !f.contains(".council-report-")));
}

#[test]
fn fmt_and_crlf_line_ends() {
    // A CRLF file in canonical layout is left alone.
    let w = Work::new();
    let f = "2/2.09-itu-t-sg13.toml";
    w.write(f, &w.read(f).replace('\n', "\r\n"));
    let out = w.run(&["fmt", "--check"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));

    // A CRLF file fmt changes keeps its content, and fmt is then at rest.
    let w = Work::of("tests/fixtures/fmt/messy");
    let before = w.report();
    let f = "2/2.2-event.toml";
    w.write(f, &w.read(f).replace('\n', "\r\n"));
    let out = w.run(&["fmt"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(w.read(f).starts_with("# A workshop"));
    assert_eq!(w.report(), before);
    assert_eq!(code(&w.run(&["fmt", "--check"])), 0);
}
