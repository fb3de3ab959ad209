//! What a user installing the binary relies on: shell completion that works (bash, through
//! the real `complete`/`compgen` machinery), the manual page (rendered by groff, as `man`
//! does), `--version` naming the commit built, and output commands that fail cleanly.

use std::process::{Command as Process, Stdio};

use crate::common::{code, root, run, stderr, stdout, tool};

/// Sources the bash script `completions bash` prints and asks bash what it completes for
/// `line` (the cursor at its end), calling the function `complete -p` registered for the
/// command, with the arguments and COMP_* variables bash gives it at a TAB.
fn bash_complete(line: &str) -> Vec<String> {
    let script = run(&["completions", "bash"]);
    assert_eq!(code(&script), 0, "{}", stderr(&script));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("council-report.bash");
    std::fs::write(&path, &script.stdout).unwrap();
    let driver = r#"
source "$1"
line="$2"
read -r -a COMP_WORDS <<<"$line"
[[ "$line" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMP_LINE="$line"; COMP_POINT=${#line}
spec=$(complete -p council-report) || exit 3
func=$(sed -E 's/.* -F ([^ ]+) .*/\1/' <<<"$spec")
prev=""; (( COMP_CWORD > 0 )) && prev="${COMP_WORDS[COMP_CWORD-1]}"
"$func" council-report "${COMP_WORDS[COMP_CWORD]}" "$prev"
printf '%s\n' "${COMPREPLY[@]}"
"#;
    let out = Process::new("bash")
        .args(["--norc", "--noprofile", "-c", driver, "driver"])
        .arg(&path)
        .arg(line)
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_the_options_of_a_subcommand() {
    if tool("bash", "--version").is_none() {
        return;
    }
    let options = bash_complete("council-report check --");
    for want in [
        "--entries",
        "--deny-warnings",
        "--color",
        "--format",
        "--help",
    ] {
        assert!(
            options.iter().any(|o| o == want),
            "{want} not in {options:?}"
        );
    }
    // Options of other commands are not offered.
    assert!(!options.iter().any(|o| o == "--out"), "{options:?}");
    assert_eq!(
        bash_complete("council-report renumber --cl"),
        ["--close-gaps"]
    );
    assert_eq!(bash_complete("council-report ren"), ["renumber"]);
}

#[test]
fn bash_completes_the_values_of_an_option() {
    if tool("bash", "--version").is_none() {
        return;
    }
    assert_eq!(
        bash_complete("council-report check --format "),
        ["human", "json", "github", "junit"]
    );
}

#[test]
fn man_page_renders_with_every_command() {
    if tool("groff", "--version").is_none() {
        return;
    }
    let page = run(&["man"]);
    assert_eq!(code(&page), 0, "{}", stderr(&page));
    let mut groff = Process::new("groff")
        .args(["-man", "-Tutf8", "-rLL=100n", "-ww", "-P-bcou"])
        .env("GROFF_NO_SGR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("groff runs");
    std::io::Write::write_all(&mut groff.stdin.take().unwrap(), &page.stdout).unwrap();
    let out = groff.wait_with_output().unwrap();
    assert!(out.status.success());
    // groff warns (-ww) about any roff it cannot read.
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("NAME"), "{text}");
    assert!(
        text.contains("council-report - Compile ITU Council reports"),
        "{text}"
    );
    assert!(text.contains("Exit codes: 0 success"), "{text}");
    for command in [
        "check",
        "build",
        "import",
        "new",
        "renumber",
        "fmt",
        "completions",
        "man",
    ] {
        assert!(
            text.contains(&format!("council-report-{command}(1)")),
            "{command}: {text}"
        );
    }
}

#[test]
fn man_dir_writes_one_page_per_command() {
    let dir = tempfile::tempdir().unwrap();
    let man1 = dir.path().join("man1");
    let o = run(&["man", "--dir", man1.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let mut names: Vec<String> = std::fs::read_dir(&man1)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "council-report-build.1",
            "council-report-check.1",
            "council-report-completions.1",
            "council-report-fmt.1",
            "council-report-help.1",
            "council-report-import.1",
            "council-report-init.1",
            "council-report-man.1",
            "council-report-new.1",
            "council-report-renumber.1",
            "council-report-schema.1",
            "council-report-translate.1",
            "council-report-watch.1",
            "council-report.1",
        ]
    );
    let check = std::fs::read_to_string(man1.join("council-report-check.1")).unwrap();
    assert!(check.contains(r"\-\-deny\-warnings"), "{check}");
    assert_eq!(stdout(&o).lines().count(), names.len());
}

#[test]
fn version_names_the_commit_built() {
    let o = run(&["--version"]);
    assert_eq!(code(&o), 0);
    let git = Process::new("git")
        .args(["rev-parse", "HEAD"])
        .current_dir(root())
        .output()
        .ok()
        .filter(|o| o.status.success());
    let commit = match git {
        Some(g) => String::from_utf8_lossy(&g.stdout)[..12].to_owned(),
        None => "unknown".to_owned(),
    };
    assert_eq!(
        stdout(&o),
        format!(
            "council-report {} (commit {commit})\n",
            env!("CARGO_PKG_VERSION")
        )
    );
}

#[test]
fn printing_to_a_full_disk_is_an_error_not_a_panic() {
    let Ok(full) = std::fs::File::create("/dev/full") else {
        eprintln!("skipped: no /dev/full");
        return;
    };
    for args in [&["completions", "bash"][..], &["man"], &["schema"]] {
        let o = Process::new(assert_cmd::cargo::cargo_bin("council-report"))
            .args(args)
            .stdout(full.try_clone().unwrap())
            .output()
            .unwrap();
        assert_eq!(code(&o), 2, "{args:?}");
        assert_eq!(
            stderr(&o),
            "error: cannot write to stdout: No space left on device\n",
            "{args:?}"
        );
    }
}
