//! Save-to-output latency of `watch`, end to end, as a drafter sees it: a real
//! `council-report watch --html` process on a generated report (100× the sample by
//! default: 5,400 entries), an entry file saved as editors save (a hidden temporary file
//! renamed over it), and the time until the new HTML page, then the new DOCX, is renamed
//! into the output folder (seen by inotify through `notify`). The debounce is included:
//! it is part of what a user waits for.
//!
//! ```sh
//! cargo bench --bench watch                 # 100×, 30 saves, default debounce (30 ms)
//! COPIES=10 SAVES=50 DEBOUNCE=0 cargo bench --bench watch
//! ```

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

mod support {
    include!("support/generate.rs");
}

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() -> anyhow::Result<()> {
    let copies = env("COPIES", 100) as u32;
    let saves = env("SAVES", 30) as usize;
    let debounce = std::env::var("DEBOUNCE").ok();
    let work = tempfile::tempdir()?;
    let entries = work.path().join("entries");
    let out = work.path().join("out");
    let files = support::generate(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("entries"),
        &entries,
        copies,
    )?;
    std::fs::create_dir_all(&out)?;

    // The outputs, as they are renamed into place.
    let (tx, events) = mpsc::channel::<(PathBuf, Instant)>();
    let mut watcher = notify::recommended_watcher(move |e: notify::Result<notify::Event>| {
        if let Ok(e) = e
            && !matches!(e.kind, EventKind::Access(_))
        {
            let now = Instant::now();
            for p in e.paths {
                let _ = tx.send((p, now));
            }
        }
    })?;
    watcher.watch(&out, RecursiveMode::NonRecursive)?;

    let mut args = vec![
        "watch".to_owned(),
        "--html".into(),
        "--entries".into(),
        entries.display().to_string(),
        "--out".into(),
        out.display().to_string(),
    ];
    if let Some(d) = &debounce {
        args.extend(["--debounce".into(), d.clone()]);
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_council-report"))
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let (line_tx, lines) = mpsc::channel::<String>();
    let stdout = child.stdout.take().expect("piped");
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            let _ = line_tx.send(line);
        }
    });
    let until_digest = |what: &str| loop {
        match lines.recv_timeout(Duration::from_secs(120)) {
            Ok(l) if l.ends_with("-digest.txt") => break,
            Ok(_) => {}
            Err(e) => panic!("{what}: {e}"),
        }
    };
    until_digest("the first build");
    std::thread::sleep(Duration::from_millis(300));
    while events.try_recv().is_ok() {}

    // Saves spread over the report: the first paragraph entry of several sections.
    let targets: Vec<PathBuf> = [
        "2/2.01-itu-t-study-groups.toml",
        "3/3.03-bdt-ipv6-assistance.toml",
    ]
    .iter()
    .flat_map(|rel| {
        let (folder, name) = rel.split_once('/').expect("folder/name");
        let first: u32 = folder.parse().expect("a section");
        [0, copies / 2, copies.saturating_sub(1)]
            .into_iter()
            .map(move |c| (first + c * 7, name))
    })
    .map(|(section, name)| entries.join(section.to_string()).join(name))
    .filter(|p| p.is_file())
    .collect();
    assert!(!targets.is_empty(), "no entry to edit");

    let (mut html, mut docx) = (Vec::new(), Vec::new());
    for i in 0..saves {
        let file = &targets[i % targets.len()];
        let text = std::fs::read_to_string(file)?;
        // A word added to, then taken from, the first line of the text.
        let edited = if text.contains("Edited: ") {
            text.replacen("Edited: ", "", 1)
        } else {
            text.replacen("text = \"\"\"\n", "text = \"\"\"\nEdited: ", 1)
        };
        assert_ne!(edited, text, "{} has no text to edit", file.display());
        let name = file.file_name().expect("a name").to_string_lossy();
        let tmp = file.with_file_name(format!(".{name}.tmp"));
        std::fs::write(&tmp, edited)?;
        let saved = Instant::now();
        std::fs::rename(&tmp, file)?;
        let (mut h, mut d) = (None, None);
        while h.is_none() || d.is_none() {
            let (path, at) = events.recv_timeout(Duration::from_secs(60))?;
            match path.extension().and_then(|e| e.to_str()) {
                Some("html") if h.is_none() => h = Some(at - saved),
                Some("docx") if d.is_none() => d = Some(at - saved),
                _ => {}
            }
        }
        until_digest("a rebuild");
        html.extend(h);
        docx.extend(d);
        std::thread::sleep(Duration::from_millis(150));
        while events.try_recv().is_ok() {}
    }
    let _ = child.kill();
    let _ = child.wait();

    let stats = |v: &mut Vec<Duration>| {
        v.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        (ms(v[v.len() / 2]), ms(v[v.len() * 9 / 10]), ms(v[0]))
    };
    let (hm, h90, hmin) = stats(&mut html);
    let (dm, d90, dmin) = stats(&mut docx);
    println!(
        "{copies}× ({files} files), {saves} saves, debounce {} ms:",
        debounce.as_deref().unwrap_or("30 (default)")
    );
    println!("| output | median | 90th percentile | fastest |");
    println!("| --- | --- | --- | --- |");
    println!("| HTML written | {hm:.0} ms | {h90:.0} ms | {hmin:.0} ms |");
    println!("| DOCX written | {dm:.0} ms | {d90:.0} ms | {dmin:.0} ms |");
    Ok(())
}
