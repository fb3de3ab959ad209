// Shared by `examples/generate.rs` and the benchmarks (included with `include!`).

/// Writes `copies` renumbered copies of the entries folder `src` into `out` (replacing
/// it), with `src`'s report.toml once. Returns the number of files written.
pub fn generate(src: &std::path::Path, out: &std::path::Path, copies: u32) -> anyhow::Result<usize> {
    use anyhow::Context;
    let mut files = Vec::new();
    collect(src, src, &mut files)?;
    files.sort();
    let tops = files
        .iter()
        .filter_map(|(_, text)| top_of(text))
        .max()
        .context("the source folder has no entries")?;
    if out.exists() {
        std::fs::remove_dir_all(out).with_context(|| format!("cannot clear {}", out.display()))?;
    }
    std::fs::create_dir_all(out)?;
    std::fs::copy(src.join("report.toml"), out.join("report.toml")).context("report.toml")?;
    let mut written = 1;
    for copy in 0..copies {
        let shift = copy * tops;
        for (rel, text) in &files {
            let Some(top) = top_of(text) else { continue };
            let new_top = top + shift;
            let renumbered = renumber(text, top, new_top);
            let path = out.join(format!("{new_top}")).join(rel.file_name().context("file name")?);
            std::fs::create_dir_all(path.parent().context("parent")?)?;
            std::fs::write(&path, renumbered)?;
            written += 1;
        }
    }
    Ok(written)
}

fn collect(
    root: &std::path::Path,
    dir: &std::path::Path,
    out: &mut Vec<(std::path::PathBuf, String)>,
) -> anyhow::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        let p = e.path();
        if p.is_dir() {
            collect(root, &p, out)?;
        } else if p.extension().is_some_and(|x| x == "toml") && p.file_name().is_some_and(|n| n != "report.toml") {
            out.push((p.strip_prefix(root)?.to_path_buf(), std::fs::read_to_string(&p)?));
        }
    }
    Ok(())
}

/// The top-level section of the entry whose text this is (`2` for `number = "2.9.1"`).
fn top_of(text: &str) -> Option<u32> {
    let line = text.lines().find(|l| l.starts_with("number = \""))?;
    let n = line.strip_prefix("number = \"")?.split(['.', '"']).next()?;
    n.parse().ok()
}

/// Replaces the first component of the `number` value.
fn renumber(text: &str, old: u32, new: u32) -> String {
    let from = format!("number = \"{old}");
    let to = format!("number = \"{new}");
    let mut out = String::with_capacity(text.len() + 8);
    let mut done = false;
    for line in text.split_inclusive('\n') {
        if !done && line.starts_with(&from) {
            out.push_str(&line.replacen(&from, &to, 1));
            done = true;
        } else {
            out.push_str(line);
        }
    }
    out
}
