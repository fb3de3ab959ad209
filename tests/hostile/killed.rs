//! `kill -9` at any moment of a `renumber` of 1,000 entries (issue 12, finding 3): the next
//! command completes the renumber or rolls it back, says which, and the folder then checks
//! clean with every entry's text present exactly once and no temporary file left. Before
//! the journal, a kill during the renames left old and new copies side by side (470 to
//! 2,680 E012 a run) and up to 2,500 temporary files that nothing removed.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::common::{code, stderr};
use crate::hostile::support;

const ENTRIES: usize = 1_000;
const KILLS: usize = 20;

fn p(s: &str) -> &Path {
    Path::new(s)
}

/// Every file under `dir` (relative names), and the texts of the `.toml` ones.
fn tree(dir: &Path, rel: &str, names: &mut Vec<String>, texts: &mut Vec<String>) {
    for e in fs::read_dir(dir).expect("read").flatten() {
        let name = format!("{rel}{}", e.file_name().to_string_lossy());
        let path = e.path();
        if path.is_dir() {
            tree(&path, &format!("{name}/"), names, texts);
        } else {
            if name.ends_with(".toml") {
                texts.push(fs::read_to_string(&path).expect("read an entry"));
            }
            names.push(name);
        }
    }
}

#[test]
fn a_renumber_killed_at_any_moment_is_completed_or_rolled_back() {
    let tmp = support::memory_tempdir();
    let entries = tmp.path().join("entries");
    support::many_entries(&entries, ENTRIES, 5);
    // How long a whole renumber takes here: the kills fall within it.
    let started = Instant::now();
    let o = support::run(&[
        p("renumber"),
        p("--entries"),
        &entries,
        p("--insert"),
        p("1.1"),
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let whole = started.elapsed();
    let (mut completed, mut rolled_back, mut untouched) = (0, 0, 0);
    // A fixed sequence of moments spread over the run: reproducible, and dense enough to
    // land in every phase (reading, staging, renaming, removing).
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for round in 0..KILLS {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Most of a run is reading and checking the folder (twice): the moments lean
        // towards its later part, where the files are written.
        let at = whole.mul_f64(0.3 + 0.7 * (seed % 1000) as f64 / 1000.0);
        // `--close-gaps` and `--insert` in turn: each has the whole folder to rewrite.
        let op: &[&Path] = if round % 2 == 0 {
            &[p("--close-gaps")]
        } else {
            &[p("--insert"), p("1.1")]
        };
        let mut args = vec![p("renumber"), p("--entries"), &entries];
        args.extend_from_slice(op);
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("council-report"))
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("renumber starts");
        std::thread::sleep(at);
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let o = support::run(&[p("check"), p("--entries"), &entries]);
        let err = stderr(&o);
        assert_eq!(code(&o), 0, "round {round}, killed after {at:?}: {err}");
        if err.contains("note: completed an interrupted `renumber`") {
            completed += 1;
        } else if err.contains("note: an interrupted `renumber` had changed nothing yet") {
            rolled_back += 1;
        } else {
            untouched += 1;
        }
        let (mut names, mut texts) = (Vec::new(), Vec::new());
        tree(&entries, "", &mut names, &mut texts);
        assert!(
            names
                .iter()
                .all(|n| !n.contains(".council-report-") || n.ends_with(".council-report.lock")),
            "round {round}: left behind: {:?}",
            names
                .iter()
                .filter(|n| n.contains(".council-report-"))
                .collect::<Vec<_>>()
        );
        // Entry i's text starts `"Entry i: `: count each once a file.
        let mut seen = vec![0usize; ENTRIES];
        for t in &texts {
            if let Some(rest) = t.split("\"Entry ").nth(1)
                && let Some(i) = rest.split(':').next().and_then(|n| n.parse::<usize>().ok())
            {
                seen[i] += 1;
            }
        }
        for (i, n) in seen.iter().enumerate().skip(1) {
            assert_eq!(
                *n, 1,
                "round {round}: the text of entry {i} is there {n} times"
            );
        }
    }
    eprintln!(
        "{KILLS} kills within {whole:?}: {completed} completed, {rolled_back} rolled back, {untouched} before anything was written or after the end"
    );
    assert!(completed + rolled_back > 0, "no kill landed while writing");
}
