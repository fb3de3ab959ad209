//! `build --against`: a revision with Word tracked changes, checked by the real client.
//! LibreOffice (through Python-UNO, `revision/lo_text.py`) accepts every change of the
//! built Rev.1 and must read the text of a plain build of the new entries; rejects every
//! change and must read the text of a plain build of the issued entries. Scenarios: one
//! word changed, a paragraph added, a paragraph removed, `renumber --insert` with a new
//! entry, `renumber --move`, an entry removed, a Recommendation added, header values
//! changed, the whole sample against a copy with 10 seeded random edits, and a French
//! revision (`--language F`: a corrected translation, entries renumbered).
//!
//! A moved entry is a Word tracked move (`w:moveFrom` / `w:moveTo` in named containers),
//! which LibreOffice takes for a move (its own DOCX export writes it back as one); the
//! issued text's cross-references stay links when deleted, so that rejecting every change
//! leaves each issued number a link to the entry it names.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{Seeded, W, code, copy_tree, docx_part, root, run_in, stderr, stdout, tool};

/// The issued entries (`old/`, the sample) and a copy to revise (`new/`, Rev.1).
fn versions(dir: &Path) {
    copy_tree(&root().join("entries"), &dir.join("old"));
    copy_tree(&root().join("entries"), &dir.join("new"));
    let report = dir.join("new/report.toml");
    let mut text = std::fs::read_to_string(&report).expect("report.toml");
    text.push_str("\n[revision]\nnumber = 1\ndate = 2018-04-12\n");
    std::fs::write(report, text).expect("write report.toml");
}

/// `build --entries new --against old --out OUT`: the revision of `new/` against `old/`.
fn revise(out: &str) -> [&str; 7] {
    [
        "build",
        "--entries",
        "new",
        "--against",
        "old",
        "--out",
        out,
    ]
}

/// The entry file of `new/` whose name starts with `prefix` (`2/2.03`).
fn entry_file(dir: &Path, prefix: &str) -> PathBuf {
    let (folder, start) = prefix.rsplit_once('/').unwrap_or(("", prefix));
    let folder = dir.join("new").join(folder);
    let mut found: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("read folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(start) && n.ends_with(".toml"))
        })
        .collect();
    found.sort();
    found
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no entry {prefix}"))
}

/// Rewrites the `text` of an entry file.
fn edit_text(file: &Path, change: impl FnOnce(&str) -> String) {
    let mut doc: toml_edit::DocumentMut = std::fs::read_to_string(file)
        .expect("entry")
        .parse()
        .expect("TOML");
    let text = doc["text"].as_str().expect("a text").to_owned();
    doc["text"] = toml_edit::value(change(&text));
    std::fs::write(file, doc.to_string()).expect("write entry");
}

fn replace_in(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).expect("read");
    assert!(text.contains(from), "{} has no `{from}`", file.display());
    std::fs::write(file, text.replacen(from, to, 1)).expect("write");
}

/// Runs the binary in `dir`, which must succeed.
fn ok(dir: &Path, args: &[&str]) {
    let out = run_in(dir, args);
    assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
}

/// Ten edits of entry texts chosen by `seed`: a word replaced, deleted or added, a
/// sentence added, a paragraph dropped or split.
fn random_edits(dir: &Path, seed: u64) {
    let mut rng = Seeded(seed);
    let mut files: Vec<PathBuf> = walk(&dir.join("new"));
    files.retain(|f| std::fs::read_to_string(f).is_ok_and(|t| t.contains("\ntext = ")));
    files.sort();
    for _ in 0..10 {
        let file = files[rng.below(files.len())].clone();
        let kind = rng.below(6);
        let pick = rng.next();
        edit_text(&file, |text| {
            let paragraphs: Vec<&str> = text.split("\n\n").collect();
            let mut words: Vec<String> = text.split(' ').map(str::to_owned).collect();
            // Plain lower-case words only: a Recommendation id or a link the entry must
            // keep mentioning stays whole.
            let plain: Vec<usize> = (0..words.len())
                .filter(|&i| words[i].chars().all(|c| c.is_ascii_lowercase()))
                .collect();
            // A later paragraph without a Recommendation id in it.
            let droppable: Vec<usize> = (1..paragraphs.len())
                .filter(|&i| !paragraphs[i].contains("ITU-"))
                .collect();
            match kind {
                0..=2 if !plain.is_empty() => {
                    let at = plain[(pick as usize) % plain.len()];
                    match kind {
                        0 => words[at] = "revised".into(),
                        1 => {
                            words.remove(at);
                        }
                        _ => words.insert(at, "further".into()),
                    }
                }
                3 => {
                    return format!(
                        "{} The Secretariat will report again in 2019.",
                        text.trim_end()
                    );
                }
                4 if !droppable.is_empty() => {
                    let mut kept = paragraphs.clone();
                    kept.remove(droppable[(pick as usize) % droppable.len()]);
                    return kept.join("\n\n");
                }
                _ => {
                    return format!("{}\n\nA new paragraph: the work goes on.", text.trim_end());
                }
            }
            words.join(" ")
        });
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("read dir") {
        let path = e.expect("entry").path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else if path.extension().is_some_and(|x| x == "toml")
            && path.file_name().is_some_and(|n| n != "report.toml")
        {
            out.push(path);
        }
    }
    out
}

/// `renumber --insert 2.5` and `new 2.5` in `new/`: an entry added, those after it
/// renumbered.
fn insert_new_group(d: &Path) {
    ok(d, &["renumber", "--entries", "new", "--insert", "2.5"]);
    ok(
        d,
        &[
            "new",
            "--entries",
            "new",
            "2.5",
            "--title",
            "A new group",
            "--heading",
        ],
    );
    edit_text(&entry_file(d, "2/2.05"), |_| {
        "The new group met twice in Geneva.".to_owned()
    });
}

/// `renumber --move 2.3 --to 2.8` in `new/`: SG2's entry moved after SG12's.
fn move_sg2(d: &Path) {
    let entries = d.join("new");
    let entries = entries.to_str().expect("UTF-8");
    ok(
        d,
        &[
            "renumber",
            "--entries",
            entries,
            "--move",
            "2.3",
            "--to",
            "2.8",
        ],
    );
}

/// A scenario: its name and its edit of `new/`.
type Scenario = (&'static str, Box<dyn Fn(&Path)>);

/// The scenario built in French (`--language F`); the others are built in English.
const FRENCH: &str = "french-renumbered";

/// Each scenario's edit of `new/`.
fn scenarios() -> Vec<Scenario> {
    vec![
        (
            "one-word",
            Box::new(|d: &Path| {
                replace_in(
                    &entry_file(d, "2/2.03"),
                    "was approved by",
                    "was adopted by",
                )
            }),
        ),
        (
            "paragraph-added",
            Box::new(|d: &Path| {
                edit_text(&entry_file(d, "2/2.03"), |t| {
                    t.replacen(
                        "\n\n",
                        "\n\nSG2 met three times in Geneva during the period.\n\n",
                        1,
                    )
                })
            }),
        ),
        (
            "paragraph-removed",
            Box::new(|d: &Path| {
                edit_text(&entry_file(d, "2/2.03"), |t| {
                    t.split("\n\n").next().expect("a paragraph").to_owned()
                })
            }),
        ),
        ("renumber-insert", Box::new(|d: &Path| insert_new_group(d))),
        ("renumber-move", Box::new(|d: &Path| move_sg2(d))),
        (
            "entry-removed",
            Box::new(|d: &Path| {
                std::fs::remove_file(entry_file(d, "2/2.04")).expect("remove");
                let entries = d.join("new");
                ok(
                    d,
                    &[
                        "renumber",
                        "--entries",
                        entries.to_str().expect("UTF-8"),
                        "--close-gaps",
                    ],
                );
            }),
        ),
        (
            "recommendation-added",
            Box::new(|d: &Path| {
                let file = entry_file(d, "2/2.03");
                edit_text(&file, |t| {
                    format!(
                        "{} SG2 also approved Recommendation ITU-T E.120.",
                        t.trim_end()
                    )
                });
                let mut text = std::fs::read_to_string(&file).expect("read");
                text.push_str(
                    "\n[[recommendations]]\nid = \"ITU-T E.120\"\ntitle = \"Handling of suspicious calls\"\nstatus = \"approved\"\n",
                );
                std::fs::write(file, text).expect("write");
            }),
        ),
        (
            "header-values",
            Box::new(|d: &Path| {
                let report = d.join("new/report.toml");
                replace_in(
                    &report,
                    "Geneva, 17-27 April 2018",
                    "Geneva, 17-28 April 2018",
                );
                replace_in(&report, "This report gives", "This revised report gives");
            }),
        ),
        (
            "ten-random-edits",
            Box::new(|d: &Path| random_edits(d, 2018)),
        ),
        (
            FRENCH,
            Box::new(|d: &Path| {
                // The sample's French (entries/translations/F.xlf), a translation corrected
                // in the revision, and entries renumbered.
                replace_in(
                    &d.join("new/translations/F.xlf"),
                    "Genève, 17-27 avril 2018",
                    "Genève, 17-28 avril 2018",
                );
                ok(d, &["renumber", "--entries", "new", "--insert", "2.5"]);
            }),
        ),
    ]
}

/// Python with the UNO bridge (Debian's python3-uno is for the system Python).
fn python_uno() -> Option<String> {
    for python in ["/usr/bin/python3", "python3"] {
        let works = Command::new(python)
            .args(["-c", "import uno"])
            .output()
            .is_ok_and(|o| o.status.success());
        if works {
            return Some(python.to_owned());
        }
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "Python-UNO (python3-uno) is required under CI (.ci/install-tools.sh installs it)"
    );
    eprintln!("skipped: Python-UNO is not installed");
    None
}

/// How many tracked changes a built DOCX's body has.
fn tracked(docx: &Path) -> usize {
    let xml = docx_part(&std::fs::read(docx).expect("docx"), "word/document.xml");
    xml.matches("<w:ins ").count() + xml.matches("<w:del ").count()
}

#[test]
fn libreoffice_accepting_gives_the_new_text_and_rejecting_the_old() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut jobs = Vec::new();
    let mut compared = Vec::new();
    for (name, edit) in scenarios() {
        let dir = tmp.path().join(name);
        versions(&dir);
        edit(&dir);
        let language = if name == FRENCH { "F" } else { "E" };
        let build = |args: &[&str]| {
            let mut args = args.to_vec();
            args.extend(["--language", language]);
            ok(&dir, &args);
        };
        build(&revise("rev"));
        build(&["build", "--entries", "new", "--out", "plain-new"]);
        build(&["build", "--entries", "old", "--out", "plain-old"]);
        let rev = dir.join(format!("rev/C18-33-Rev1-{language}.docx"));
        assert!(tracked(&rev) >= 2, "{name}: no tracked changes");
        let digest =
            std::fs::read_to_string(dir.join(format!("rev/C18-33-Rev1-{language}-digest.txt")))
                .expect("digest");
        let since = if language == "F" {
            "Modifications apportées depuis le Document"
        } else {
            "Changes since Document"
        };
        assert!(
            digest.contains(&format!("{since} C18/33-{language}")),
            "{name}: {digest}"
        );
        let plain_new = format!("plain-new/C18-33-Rev1-{language}.docx");
        let plain_old = format!("plain-old/C18-33-{language}.docx");
        for (mode, plain) in [("accept", &plain_new), ("reject", &plain_old)] {
            let got = dir.join(format!("{mode}.txt"));
            let want = dir.join(format!("{mode}-want.txt"));
            jobs.push(format!("{mode}:{}:{}", rev.display(), got.display()));
            jobs.push(format!(
                "plain:{}:{}",
                dir.join(plain).display(),
                want.display()
            ));
            compared.push((name, mode, got, want));
        }
    }
    let ten = tmp.path().join("ten-random-edits");
    // Byte-reproducible: the revision date, not the clock, dates every change.
    ok(&ten, &revise("again"));
    assert_eq!(
        std::fs::read(ten.join("rev/C18-33-Rev1-E.docx")).expect("docx"),
        std::fs::read(ten.join("again/C18-33-Rev1-E.docx")).expect("docx"),
        "two builds of one revision differ"
    );
    if !libreoffice(&tmp.path().join("profile"), &jobs) {
        return;
    }
    for (name, mode, got, want) in compared {
        let got = std::fs::read_to_string(&got).expect("LibreOffice's text");
        let want = std::fs::read_to_string(&want).expect("LibreOffice's text");
        assert!(
            got.ends_with("-- tracked changes left: 0\n"),
            "{name} {mode}: {got}"
        );
        assert_eq!(got.lines().count(), want.lines().count(), "{name} {mode}");
        assert!(
            got == want,
            "{name}: {mode}ing every change differs from the plain build"
        );
    }
}

#[test]
fn the_revision_passes_docx_check() {
    let script = root().join("../shared/tools/docx-check.sh");
    if !script.is_file() {
        assert!(
            std::env::var_os("CI").is_none(),
            "docx-check.sh is required under CI"
        );
        eprintln!("skipped: ../shared/tools/docx-check.sh is not there");
        return;
    }
    if tool("soffice", "--version").is_none() {
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    moves_and_references(tmp.path());
    random_edits(tmp.path(), 7);
    ok(tmp.path(), &revise("rev"));
    let rev = tmp.path().join("rev/C18-33-Rev1-E.docx");
    let xml = docx_part(&std::fs::read(&rev).expect("docx"), "word/document.xml");
    assert!(
        xml.contains("<w:moveFromRangeStart ") && xml.contains("<w:moveTo "),
        "a revision with a move"
    );
    assert!(
        xml.contains(r#"<w:hyperlink w:anchor="issued_2_4" w:history="1"><w:del "#),
        "a deleted link"
    );
    let out = Command::new("bash")
        .arg(&script)
        .arg(tmp.path().join("rev/C18-33-Rev1-E.docx"))
        .arg(tmp.path().join("check"))
        .output()
        .expect("docx-check runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("RESULT: PASS"),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("openxml-audit: no schema/package errors"),
        "{text}"
    );
}

#[test]
fn the_digest_lists_each_change_with_old_and_new_numbers() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let d = tmp.path();
    versions(d);
    insert_new_group(d);
    replace_in(
        &entry_file(d, "2/2.03"),
        "was approved by",
        "was adopted by",
    );
    ok(d, &revise("rev"));
    let digest = std::fs::read_to_string(d.join("rev/C18-33-Rev1-E-digest.txt")).expect("digest");
    let changes = &digest[digest.find("Changes since").expect("the list")..];
    assert!(changes.contains("\n- 2.3 revised (text): "), "{changes}");
    assert!(
        changes.contains("\n- 2.5 added: A new group\n"),
        "{changes}"
    );
    assert!(
        changes.contains("\n- 2.6 (was 2.5) renumbered: "),
        "{changes}"
    );
    assert!(
        changes.contains(" 1 added, 0 removed, 1 revised, "),
        "{changes}"
    );
    // In the DOCX, a renumbered entry's only change is its number.
    let xml = docx_part(
        &std::fs::read(d.join("rev/C18-33-Rev1-E.docx")).expect("docx"),
        "word/document.xml",
    );
    assert!(
        xml.contains(">2.5\t<") || xml.contains(">2.5</w:delText><w:tab/>"),
        "the old number is deleted"
    );
    assert!(
        stdout(&run_in(d, &["build", "--entries", "new", "--out", "plain"]))
            .contains("C18-33-Rev1-E.docx")
    );
}

#[test]
fn an_issued_version_with_errors_is_refused_naming_its_side() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let d = tmp.path();
    versions(d);
    std::fs::write(d.join("old/2/2.99-broken.toml"), "number = \"2.x\"\n").expect("write");
    let out = run_in(d, &revise("rev"));
    let err = stderr(&out);
    assert_eq!(code(&out), 1, "{err}");
    assert!(
        err.contains("the issued version (--against old) has errors:"),
        "{err}"
    );
    assert!(
        err.contains("[E011]") && err.contains("2.99-broken.toml"),
        "{err}"
    );
    assert!(!d.join("rev").exists(), "nothing written");

    let out = run_in(
        d,
        &[
            "build",
            "--entries",
            "new",
            "--against",
            "no-such",
            "--out",
            "rev",
        ],
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--against no-such: no such folder"),
        "{}",
        stderr(&out)
    );
}

/// Without `[revision]` the build would be named and dated like the issued document
/// (`C18-33-E.docx`): refused with the table to add, and nothing written.
#[test]
fn against_without_a_revision_table_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    copy_tree(&root().join("entries"), &d.join("old"));
    copy_tree(&root().join("entries"), &d.join("new"));
    let out = run_in(d, &revise("rev"));
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("--against old: a revision needs a [revision] table in report.toml")
            && err.contains("number = 1"),
        "{err}"
    );
    assert!(!d.join("rev").exists(), "nothing written");
}

#[test]
fn against_a_git_tag() {
    let Some(git) = tool("git", "--version") else {
        return;
    };
    let tmp = tempfile::tempdir().expect("temp dir");
    let d = tmp.path();
    copy_tree(&root().join("entries"), &d.join("entries"));
    let git_ok = |args: &[&str]| {
        let out = Command::new(&git)
            .current_dir(d)
            .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
            .args(args)
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git_ok(&["init", "-q"]);
    git_ok(&["add", "."]);
    git_ok(&["commit", "-q", "-m", "issued"]);
    git_ok(&["tag", "C18-33-issued"]);
    let report = d.join("entries/report.toml");
    let mut text = std::fs::read_to_string(&report).expect("read");
    text.push_str("\n[revision]\nnumber = 1\ndate = 2018-04-12\n");
    std::fs::write(&report, text).expect("write");
    let sg2 = walk(&d.join("entries"))
        .into_iter()
        .find(|p| p.to_string_lossy().contains("2.03-"))
        .expect("2.3");
    replace_in(&sg2, "was approved by", "was adopted by");

    let out = run_in(
        d,
        &["build", "--against", "git:C18-33-issued", "--out", "rev"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let digest = std::fs::read_to_string(d.join("rev/C18-33-Rev1-E-digest.txt")).expect("digest");
    assert!(digest.contains("\n- 2.3 revised (text): "), "{digest}");
    assert!(digest.contains("1 entry changed"), "{digest}");
    // The working tree is as it was.
    assert!(
        std::fs::read_to_string(&sg2)
            .expect("read")
            .contains("was adopted by")
    );

    let out = run_in(
        d,
        &["build", "--against", "git:no-such-tag", "--out", "rev"],
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no tag, branch or commit `no-such-tag`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_change_list_is_in_each_language() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let d = tmp.path();
    versions(d);
    insert_new_group(d);
    replace_in(
        &entry_file(d, "2/2.03"),
        "was approved by",
        "was adopted by",
    );
    ok(
        d,
        &[
            "renumber",
            "--entries",
            "new",
            "--move",
            "2.3",
            "--to",
            "2.9",
        ],
    );
    // Not a translated value: the first page's agenda item changes in every language.
    replace_in(&d.join("new/report.toml"), "\"PL 2\"", "\"PL 2.1\"");
    let all = ["--language", "all"];
    ok(d, &[&revise("rev")[..], &all].concat());
    ok(
        d,
        &[&["build", "--entries", "new", "--out", "plain"][..], &all].concat(),
    );
    for language in ["E", "F", "S", "A", "C", "R"] {
        let digest = |path: String| std::fs::read_to_string(d.join(path)).expect("digest");
        let revised = digest(format!("rev/C18-33-Rev1-{language}-digest.txt"));
        let plain = digest(format!("plain/C18-33-Rev1-{language}-digest.txt"));
        // The revision's digest is the report's, then a blank line and the list.
        let changes = revised
            .strip_prefix(&plain)
            .and_then(|rest| rest.strip_prefix('\n'))
            .unwrap_or_else(|| panic!("{language}: no list after the digest:\n{revised}"));
        // Every language names the issued document with its own suffix, and words
        // the list its own way: only the English is in English.
        assert!(
            changes.contains(&format!("C18/33-{language}")),
            "{language}: {changes}"
        );
        assert_eq!(
            changes.contains("renumbered"),
            language == "E",
            "{language}: {changes}"
        );
        insta::assert_snapshot!(
            format!("the_change_list_is_in_each_language_{language}"),
            changes
        );
    }
}

/// Runs `tests/revision/lo_text.py` on `jobs` (`MODE:IN:OUT`); false when Python-UNO or
/// LibreOffice is missing (outside CI).
fn libreoffice(profile: &Path, jobs: &[String]) -> bool {
    let Some(python) = python_uno() else {
        return false;
    };
    if tool("soffice", "--version").is_none() {
        return false;
    }
    let out = Command::new(&python)
        .arg(root().join("tests/revision/lo_text.py"))
        .arg(profile)
        .args(jobs)
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    true
}

/// The issued version cross-references 2.4 and 2.3 from 2.2 (and 4.5 from 4.3, as the
/// sample does); the revision removes 2.4 and the reference to it, moves 2.3 to 2.8 and
/// inserts a new 4.3, so every reference is renumbered, deleted or both.
fn moves_and_references(d: &Path) {
    versions(d);
    for side in ["old", "new"] {
        let file = d.join(side).join("2/2.02-jca-imt2020.toml");
        replace_in(
            &file,
            "from external organizations.",
            "from external organizations. See also [§2.4] and [§2.3].",
        );
    }
    std::fs::remove_file(entry_file(d, "2/2.04")).expect("remove 2.4");
    replace_in(&entry_file(d, "2/2.02"), "[§2.4] and [§2.3]", "[§2.3]");
    ok(d, &["renumber", "--entries", "new", "--close-gaps"]);
    move_sg2(d);
    ok(d, &["renumber", "--entries", "new", "--insert", "4.3"]);
    ok(
        d,
        &[
            "new",
            "--entries",
            "new",
            "4.3",
            "--title",
            "Another group",
            "--heading",
        ],
    );
}

/// The `w:id` of every annotation (revisions, move containers, bookmarks) of a part.
fn annotation_ids(doc: &roxmltree::Document<'_>) -> Vec<String> {
    const ANNOTATIONS: [&str; 7] = [
        "ins",
        "del",
        "moveFrom",
        "moveTo",
        "moveFromRangeStart",
        "moveToRangeStart",
        "bookmarkStart",
    ];
    doc.descendants()
        .filter(|n| ANNOTATIONS.iter().any(|a| n.has_tag_name((W, *a))))
        .filter_map(|n| n.attribute((W, "id")).map(ToOwned::to_owned))
        .collect()
}

#[test]
fn a_moved_entry_is_a_tracked_move_and_rejected_references_stay_links() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let d = tmp.path();
    moves_and_references(d);
    ok(d, &revise("rev"));
    ok(d, &["build", "--entries", "new", "--out", "plain-new"]);
    ok(d, &["build", "--entries", "old", "--out", "plain-old"]);
    let rev = d.join("rev/C18-33-Rev1-E.docx");
    let bytes = std::fs::read(&rev).expect("docx");
    ok(d, &revise("again"));
    assert!(
        bytes == std::fs::read(d.join("again/C18-33-Rev1-E.docx")).expect("docx"),
        "two builds of one revision with a move differ"
    );
    let xml = docx_part(&bytes, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed");
    let all = |name: &str| -> Vec<roxmltree::Node<'_, '_>> {
        doc.descendants()
            .filter(|n| n.has_tag_name((W, name)))
            .collect()
    };

    // One named container at each place of the move, each closed by an end of its id.
    for (start, end) in [
        ("moveFromRangeStart", "moveFromRangeEnd"),
        ("moveToRangeStart", "moveToRangeEnd"),
    ] {
        let starts = all(start);
        assert_eq!(starts.len(), 1, "{start}");
        assert_eq!(starts[0].attribute((W, "name")), Some("move_2_3"));
        let ends = all(end);
        assert_eq!(ends.len(), 1, "{end}");
        assert_eq!(starts[0].attribute((W, "id")), ends[0].attribute((W, "id")));
    }
    // The entry's words are moved, not deleted and inserted; its number is.
    let text_in = |element: &str| -> String {
        all(element)
            .iter()
            .flat_map(|n| n.descendants())
            .filter(|n| n.has_tag_name((W, "t")) || n.has_tag_name((W, "delText")))
            .filter_map(|n| n.text())
            .collect()
    };
    let words = "Recommendation ITU-T E.119";
    assert!(text_in("moveFrom").contains(words), "moved from");
    assert!(text_in("moveTo").contains(words), "moved to");
    assert!(!text_in("del").contains(words) && !text_in("ins").contains(words));
    // Annotation ids are unique, bookmark names too.
    let ids = annotation_ids(&doc);
    let unique: std::collections::BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "annotation ids repeat");
    let names: Vec<&str> = all("bookmarkStart")
        .iter()
        .filter_map(|n| n.attribute((W, "name")))
        .collect();
    let unique: std::collections::BTreeSet<&&str> = names.iter().collect();
    assert_eq!(
        unique.len(),
        names.len(),
        "bookmark names repeat: {names:?}"
    );
    for issued in ["issued_2_3", "issued_2_4"] {
        assert!(names.contains(&issued), "{issued}: {names:?}");
    }
    // The deleted reference to the removed 2.4 is a deleted run inside a link to it.
    assert!(all("hyperlink").iter().any(|h| {
        h.attribute((W, "anchor")) == Some("issued_2_4")
            && h.children().any(|c| c.has_tag_name((W, "del")))
    }));

    let file = |name: &str| d.join(name).display().to_string();
    let rev = rev.display().to_string();
    let jobs = [
        format!("accept:{rev}:{}", file("accept.txt")),
        format!("reject:{rev}:{}", file("reject.txt")),
        format!(
            "plain:{}:{}",
            file("plain-new/C18-33-Rev1-E.docx"),
            file("accept-want.txt")
        ),
        format!(
            "plain:{}:{}",
            file("plain-old/C18-33-E.docx"),
            file("reject-want.txt")
        ),
        format!("accept-links:{rev}:{}", file("accept.links")),
        format!("reject-links:{rev}:{}", file("reject.links")),
        format!("resave:{rev}:{}", file("resaved.docx")),
    ];
    if !libreoffice(&d.join("profile"), &jobs) {
        return;
    }
    let read = |name: &str| std::fs::read_to_string(d.join(name)).expect(name);
    for mode in ["accept", "reject"] {
        let got = read(&format!("{mode}.txt"));
        assert!(
            got.ends_with("-- tracked changes left: 0\n"),
            "{mode}: {got}"
        );
        assert!(
            got == read(&format!("{mode}-want.txt")),
            "{mode}ing every change differs from the plain build"
        );
    }
    // Each link, accepted or rejected, goes to a bookmark that holds the number it shows.
    let links = |name: &str| -> Vec<(String, String)> {
        read(name)
            .lines()
            .map(|line| {
                let mut parts = line.splitn(3, '\t');
                let (text, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                let held = parts.next().unwrap_or("");
                assert!(
                    held.starts_with(&format!("{text}\t")),
                    "{name}: {text} links to {target}, which holds `{held}`"
                );
                (text.to_owned(), target.to_owned())
            })
            .collect()
    };
    let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    assert_eq!(
        links("reject.links"),
        [
            pair("2.4", "issued_2_4"),
            pair("2.3", "issued_2_3"),
            pair("4.5", "entry_4_6")
        ]
    );
    assert_eq!(
        links("accept.links"),
        [pair("2.8", "entry_2_8"), pair("4.6", "entry_4_6")]
    );
    // LibreOffice took the change for a move: its own export writes it as one.
    let resaved = docx_part(
        &std::fs::read(d.join("resaved.docx")).expect("LibreOffice's DOCX"),
        "word/document.xml",
    );
    for container in ["<w:moveFromRangeStart ", "<w:moveToRangeStart "] {
        assert!(resaved.contains(container), "LibreOffice lost {container}");
    }
}
