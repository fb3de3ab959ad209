//! `fmt --fix` as a drafter runs it, on a copy of the sample entries with 50 typography
//! slips seeded in their texts by a fixed seed: straight double quotes around a word and
//! in place of typographic ones, straight apostrophes, double spaces, TABs between words
//! and spaces at line ends. The fix must clear every W002, W003, W004 and W010, leave the
//! words of every text as they were, and change nothing but those texts.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::{Seeded, code, copy_tree, root, run_in, stderr, stdout};

/// The text values the slips go into, by file and key.
const KEYS: &[&str] = &["title", "text"];

fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut items: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read_dir")
        .map(|e| e.expect("entry").path())
        .collect();
    items.sort();
    for p in items {
        if p.is_dir() {
            toml_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "toml")
            && p.file_name().is_some_and(|n| n != "report.toml")
        {
            out.push(p);
        }
    }
}

/// Byte ranges of link addresses (`](…)`): slips stay out of them, as fixes do.
fn in_address(text: &str, at: usize) -> bool {
    let mut from = 0;
    while let Some(open) = text[from..].find("](") {
        let start = from + open + 2;
        let end = text[start..].find(')').map_or(text.len(), |e| start + e);
        if (start..=end).contains(&at) {
            return true;
        }
        from = end;
    }
    false
}

/// Places in `text` where a slip of `kind` can go (byte offsets), outside addresses.
fn places(text: &str, kind: usize) -> Vec<usize> {
    let b = text.as_bytes();
    let letter = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphabetic);
    let found: Vec<usize> = match kind {
        // A space between two words: doubled (W003), a TAB (W010), or the next word quoted.
        0..=2 => (1..b.len())
            .filter(|&i| b[i] == b' ' && letter(i - 1) && letter(i + 1))
            .collect(),
        // A typographic apostrophe or closing quote to a straight one.
        3 => text.match_indices('’').map(|(i, _)| i).collect(),
        // “…” to "…".
        4 => text.match_indices('“').map(|(i, _)| i).collect(),
        // The end of a line that has words: spaces after it (W004).
        _ => (1..b.len())
            .filter(|&i| b[i] == b'\n' && b[i - 1] != b' ' && b[i - 1] != b'\n')
            .collect(),
    };
    found
        .into_iter()
        .filter(|&i| !in_address(text, i))
        .collect()
}

/// `text` with a slip of `kind` at `at`.
fn slip(text: &str, kind: usize, at: usize) -> String {
    let (head, tail) = text.split_at(at);
    match kind {
        0 => format!("{head}  {}", &tail[1..]),
        1 => format!("{head}\t{}", &tail[1..]),
        2 => {
            let word = &tail[1..];
            let len = word
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(word.len());
            format!("{head} \"{}\"{}", &word[..len], &word[len..])
        }
        3 => format!("{head}'{}", &tail['’'.len_utf8()..]),
        4 => {
            let rest = &tail['“'.len_utf8()..];
            match rest.find('”') {
                Some(close) => format!(
                    "{head}\"{}\"{}",
                    &rest[..close],
                    &rest[close + '”'.len_utf8()..]
                ),
                None => text.to_owned(),
            }
        }
        _ => format!("{head}  {tail}"),
    }
}

/// The words of a text, quotes taken off: what a slip and its fix may not change.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.replace(['"', '\'', '“', '”', '‘', '’', '«', '»', '\u{A0}'], ""))
        .filter(|w| !w.is_empty())
        .collect()
}

fn values(path: &Path) -> toml::Table {
    std::fs::read_to_string(path)
        .expect("read")
        .parse()
        .expect("TOML")
}

/// The codes `check --format json` reports, with how many of each.
fn codes(dir: &Path) -> BTreeMap<String, usize> {
    let out = run_in(dir, &["check", "--format", "json"]);
    let mut counts = BTreeMap::new();
    for line in stdout(&out).lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
        *counts
            .entry(v["code"].as_str().unwrap_or("").to_owned())
            .or_insert(0) += 1;
    }
    counts
}

#[test]
fn fix_clears_fifty_seeded_slips_and_keeps_every_word() {
    let dir = tempfile::tempdir().expect("tempdir");
    let entries = dir.path().join("entries");
    copy_tree(&root().join("entries"), &entries);
    let mut files = Vec::new();
    toml_files(&entries, &mut files);
    let clean: BTreeMap<PathBuf, toml::Table> =
        files.iter().map(|f| (f.clone(), values(f))).collect();

    // 50 slips: each of a kind drawn by the generator, in a text value drawn among those
    // that can take it.
    let mut rng = Seeded(2018);
    let mut seeded = BTreeMap::<usize, usize>::new();
    while seeded.values().sum::<usize>() < 50 {
        let kind = rng.below(6);
        let mut candidates = Vec::new();
        for file in &files {
            let doc: toml_edit::DocumentMut = std::fs::read_to_string(file)
                .expect("read")
                .parse()
                .expect("TOML");
            for key in KEYS {
                if let Some(text) = doc.get(key).and_then(|v| v.as_str())
                    && !places(text, kind).is_empty()
                {
                    candidates.push((file, *key));
                }
            }
        }
        if candidates.is_empty() {
            continue;
        }
        let (file, key) = candidates[rng.below(candidates.len())];
        let mut doc: toml_edit::DocumentMut = std::fs::read_to_string(file)
            .expect("read")
            .parse()
            .expect("TOML");
        let text = doc[key].as_str().unwrap_or("").to_owned();
        let at = places(&text, kind);
        let slipped = slip(&text, kind, at[rng.below(at.len())]);
        assert_ne!(slipped, text, "kind {kind}");
        let decor = doc[key].as_value().map(|v| v.decor().clone());
        let mut value = toml_edit::Value::from(slipped);
        if let Some(d) = decor {
            *value.decor_mut() = d;
        }
        doc[key] = toml_edit::Item::Value(value);
        std::fs::write(file, doc.to_string()).expect("write");
        *seeded.entry(kind).or_insert(0) += 1;
    }
    // Every kind of slip is among the 50.
    assert_eq!(seeded.len(), 6, "{seeded:?}");
    let before = codes(dir.path());
    for c in ["W002", "W003", "W004", "W010"] {
        assert!(before.get(c).is_some_and(|n| *n > 0), "{c}: {before:?}");
    }
    let slipped: BTreeMap<PathBuf, String> = files
        .iter()
        .map(|f| (f.clone(), std::fs::read_to_string(f).expect("read")))
        .collect();

    // A dry run shows a diff and writes nothing.
    let out = run_in(dir.path(), &["fmt", "--fix", "--dry-run"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let diff = stdout(&out);
    assert!(
        diff.contains("--- a/entries/") && diff.contains("+++ b/entries/"),
        "{diff}"
    );
    assert!(
        stderr(&out).contains("nothing was written"),
        "{}",
        stderr(&out)
    );
    for f in &files {
        assert_eq!(
            std::fs::read_to_string(f).expect("read"),
            slipped[f],
            "{}",
            f.display()
        );
    }

    let out = run_in(dir.path(), &["fmt", "--fix"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));

    // No typography warning is left: the folder passes with warnings denied.
    let after = codes(dir.path());
    assert!(after.is_empty(), "{after:?}");
    let out = run_in(dir.path(), &["check", "--deny-warnings"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // The layout is fmt's own.
    let out = run_in(dir.path(), &["fmt", "--check"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));

    for f in &files {
        let fixed = values(f);
        let was = &clean[f];
        let keys = |t: &toml::Table| t.keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(&fixed), keys(was), "{}", f.display());
        for (k, v) in was {
            if KEYS.contains(&k.as_str()) {
                let (a, b) = (v.as_str().unwrap_or(""), fixed[k].as_str().unwrap_or(""));
                assert_eq!(words(a), words(b), "{} `{k}`", f.display());
                // No straight quote, TAB, double space or trailing space is left.
                assert!(
                    !b.contains(['"', '\'', '\t']),
                    "{} `{k}`: {b:?}",
                    f.display()
                );
                assert!(
                    !b.contains("  ") && !b.contains(" \n"),
                    "{} `{k}`: {b:?}",
                    f.display()
                );
            } else {
                assert_eq!(&fixed[k], v, "{} `{k}`", f.display());
            }
        }
        // Comments stay, every one.
        let comments = |s: &str| -> Vec<String> {
            s.lines()
                .filter(|l| l.trim_start().starts_with('#'))
                .map(str::to_owned)
                .collect()
        };
        assert_eq!(
            comments(&std::fs::read_to_string(f).expect("read")),
            comments(&slipped[f]),
            "{}",
            f.display()
        );
    }
}

/// `fmt --fix --dry-run` on one slip: the unified diff a drafter sees, and the file
/// unchanged.
#[test]
fn fix_dry_run_prints_a_unified_diff() {
    let dir = tempfile::tempdir().expect("tempdir");
    let e = dir.path().join("e");
    copy_tree(&root().join("tests/fixtures/check/clean"), &e);
    let file = e.join("2/2.1.toml");
    let slipped = "# Kept as it is.\nnumber = \"2.1\"\ntitle = 'The \"IMT-2020\"  Demo Day' # the title\ntext = \"\"\"\nITU's study groups went on\twith their work. \n\"\"\"\n";
    std::fs::write(&file, slipped).expect("write");
    let out = run_in(dir.path(), &["fmt", "--fix", "--dry-run", "--entries", "e"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), slipped);
    insta::assert_snapshot!(format!("{}\n{}", stdout(&out), stderr(&out)));
    let out = run_in(dir.path(), &["fmt", "--fix", "--entries", "e"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = run_in(dir.path(), &["check", "--deny-warnings", "--entries", "e"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}
