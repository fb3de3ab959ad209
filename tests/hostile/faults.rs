//! Faults give a clear error (exit 2) and lose nothing: an unwritable or full output folder,
//! an output path that is a folder, an entries folder that vanishes, symbolic-link loops,
//! a killed build.

use std::fs;
use std::path::Path;
use std::time::Duration;

use crate::common::{code, stderr};
use crate::hostile::harness;
use crate::hostile::support::{self, Tmpfs};

const STEM: &str = "C18-99-E";

fn outputs(out: &Path) -> [std::path::PathBuf; 3] {
    [
        out.join(format!("{STEM}.docx")),
        out.join(format!("{STEM}.txt")),
        out.join(format!("{STEM}-digest.txt")),
    ]
}

fn contents(out: &Path) -> Vec<Vec<u8>> {
    outputs(out)
        .iter()
        .map(|p| fs::read(p).expect("an output"))
        .collect()
}

fn assert_clear_failure(o: &std::process::Output, what: &str) {
    let err = stderr(o);
    assert_eq!(code(o), 2, "{what}: {err}");
    assert!(
        err.lines().any(|l| l.starts_with("error: ")),
        "{what}: {err}"
    );
    assert!(!err.contains("panicked"), "{what}: {err}");
}

#[test]
fn read_only_output_folder() {
    let (_tmp, entries) = support::small_report_in_temp();
    let Some(mnt) = Tmpfs::mount("ro,size=1m") else {
        return;
    };
    let o = support::build(&entries, &mnt.path);
    assert_clear_failure(&o, "read-only folder");
    assert!(
        stderr(&o).contains("Read-only file system"),
        "{}",
        stderr(&o)
    );
    assert!(support::names(&mnt.path).is_empty());
    // A sub-folder of it cannot be created either.
    let o = support::build(&entries, &mnt.path.join("out"));
    assert_clear_failure(&o, "read-only parent");
}

#[test]
fn read_only_folder_keeps_the_previous_outputs() {
    let (_tmp, entries) = support::small_report_in_temp();
    let Some(mnt) = Tmpfs::mount("size=1m") else {
        return;
    };
    assert_eq!(code(&support::build(&entries, &mnt.path)), 0);
    let before = contents(&mnt.path);
    assert!(mnt.remount_read_only(), "remount read-only");
    fs::write(
        entries.join("1.toml"),
        harness::ENTRY.replace("Introduction", "Changed"),
    )
    .expect("change the entry");
    let o = support::build(&entries, &mnt.path);
    assert_clear_failure(&o, "read-only folder with outputs");
    assert_eq!(contents(&mnt.path), before);
}

#[test]
fn output_parent_is_a_file() {
    let (tmp, entries) = support::small_report_in_temp();
    let file = tmp.path().join("a-file");
    fs::write(&file, b"x").expect("write");
    let o = support::build(&entries, &file.join("out"));
    assert_clear_failure(&o, "parent is a file");
    assert!(stderr(&o).contains("cannot write"), "{}", stderr(&o));
    // The output folder itself a file.
    let o = support::build(&entries, &file);
    assert_clear_failure(&o, "out is a file");
    assert_eq!(fs::read(&file).expect("read"), b"x");
}

#[test]
fn output_path_is_a_folder() {
    let (tmp, entries) = support::small_report_in_temp();
    let out = tmp.path().join("out");
    assert_eq!(code(&support::build(&entries, &out)), 0);
    let before = contents(&out);
    // The text report's path is now a folder: nothing may change, the DOCX included.
    let [_, txt, _] = outputs(&out);
    fs::remove_file(&txt).expect("remove");
    fs::create_dir(&txt).expect("a folder in its place");
    fs::write(txt.join("inside"), b"keep").expect("write");
    fs::write(
        entries.join("1.toml"),
        harness::ENTRY.replace("Introduction", "Changed"),
    )
    .expect("change the entry");
    let o = support::build(&entries, &out);
    assert_clear_failure(&o, "output is a folder");
    assert!(
        stderr(&o).contains(&format!("{STEM}.txt")),
        "{}",
        stderr(&o)
    );
    let [docx, _, digest] = outputs(&out);
    assert_eq!(fs::read(docx).expect("docx"), before[0]);
    assert_eq!(fs::read(digest).expect("digest"), before[2]);
    assert_eq!(fs::read(txt.join("inside")).expect("kept"), b"keep");
    assert!(support::temporaries(&out).is_empty());
}

#[test]
fn disk_full_keeps_the_previous_outputs_and_no_temporaries() {
    let (_tmp, entries) = support::small_report_in_temp();
    let Some(mnt) = Tmpfs::mount("size=64k") else {
        return;
    };
    assert_eq!(code(&support::build(&entries, &mnt.path)), 0);
    let before = contents(&mnt.path);
    // Incompressible-ish text: far more than 64 KiB in every output.
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let words: Vec<String> = (0..40_000)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            format!("{seed:x}")
        })
        .collect();
    fs::write(
        entries.join("2.toml"),
        format!("number = \"2\"\ntext = \"{}\"\n", words.join(" ")),
    )
    .expect("write a big entry");
    let o = support::build(&entries, &mnt.path);
    assert_clear_failure(&o, "disk full");
    assert!(
        stderr(&o).contains("No space left on device"),
        "{}",
        stderr(&o)
    );
    assert_eq!(contents(&mnt.path), before, "the previous outputs changed");
    assert!(support::temporaries(&mnt.path).is_empty());
    assert_eq!(support::names(&mnt.path).len(), 3);
}

#[test]
fn entries_removed_while_loading() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let entries = tmp.path().join("entries");
    support::many_entries(&entries, 3000, 5);
    let doomed = entries.clone();
    let remover = std::thread::spawn(move || {
        let _ = fs::remove_dir_all(&doomed);
    });
    let result = std::panic::catch_unwind(|| council_report::load_and_check(&entries));
    remover.join().expect("the remover");
    match result.expect("loading never panics") {
        Err(e) => assert!(!e.to_string().is_empty()),
        Ok(checked) => {
            // Whatever was read: either valid, or errors that say what went missing.
            assert!(checked.report.is_some() || checked.errors() > 0);
        }
    }
}

#[test]
fn entries_removed_while_the_cli_runs() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let entries = tmp.path().join("entries");
    support::many_entries(&entries, 3000, 5);
    let out = tmp.path().join("out");
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_council-report"))
        .args(["build", "--entries"])
        .arg(&entries)
        .arg("--out")
        .arg(&out)
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start a build");
    let _ = fs::remove_dir_all(&entries);
    let o = child.wait_with_output().expect("the build ends");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("panicked"), "{err}");
    match o.status.code() {
        Some(0) => {}
        Some(1) => assert!(err.contains("error["), "{err}"),
        Some(2) => assert!(err.lines().any(|l| l.starts_with("error: ")), "{err}"),
        other => panic!("exit {other:?}: {err}"),
    }
}

#[test]
fn entries_folder_removed_between_check_and_build() {
    let (tmp, entries) = support::small_report_in_temp();
    fs::create_dir(tmp.path().join("templates")).expect("templates beside");
    let checked = council_report::load_and_check(&entries).expect("load");
    fs::remove_dir_all(&entries).expect("remove");
    fs::remove_dir_all(tmp.path().join("templates")).expect("remove");
    let options = council_report::build::BuildOptions {
        out: tmp.path().join("out"),
        templates: None,
        source_date_epoch: None,
        wrap: None,
        html: false,
        pdf: None,
    };
    // Everything needed is in memory: the build goes on with the built-in templates.
    let written = council_report::build::build(checked, &entries, &options)
        .expect("builds from memory")
        .expect("valid");
    harness::assert_xml_parts_parse(&fs::read(written.docx).expect("docx"));
}

#[cfg(unix)]
#[test]
fn symbolic_link_loops_in_the_entries_folder() {
    use std::os::unix::fs::symlink;
    let (_tmp, entries) = support::small_report_in_temp();
    let sub = entries.join("a/b");
    fs::create_dir_all(&sub).expect("folders");
    symlink("..", sub.join("up")).expect("symlink");
    symlink(&entries, entries.join("self")).expect("symlink");
    symlink("../..", sub.join("root")).expect("symlink");
    let o = support::run(&[Path::new("check"), Path::new("--entries"), &entries]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("checked 1 entries") || stderr(&o).contains("checked 1 entry"),
        "{}",
        stderr(&o)
    );

    // A file that is a link to itself (ELOOP) is an E010, not a hang.
    symlink("loop.toml", entries.join("loop.toml")).expect("symlink");
    symlink("ping.toml", entries.join("pong.toml")).expect("symlink");
    symlink("pong.toml", entries.join("ping.toml")).expect("symlink");
    let o = support::run(&[Path::new("check"), Path::new("--entries"), &entries]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("error[E010]"), "{err}");
    assert!(
        err.contains("loop.toml") && err.contains("ping.toml"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn a_killed_build_leaves_the_previous_docx_and_the_next_run_cleans_up() {
    let (tmp, entries) = support::small_report_in_temp();
    let out = tmp.path().join("out");
    assert_eq!(code(&support::build(&entries, &out)), 0);
    let before = contents(&out);
    // A large report: its outputs take a while to write.
    support::many_entries(&entries, 4000, 60);

    let mut caught_writing = false;
    for _ in 0..3 {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_council-report"))
            .args(["build", "--entries"])
            .arg(&entries)
            .arg("--out")
            .arg(&out)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start a build");
        // Kill it as soon as it writes its first temporary file (or after a while).
        caught_writing = support::poll(Duration::from_secs(30), || {
            !support::temporaries(&out).is_empty()
        });
        child.kill().expect("kill the build");
        child.wait().expect("reap it");
        let docx = fs::read(out.join(format!("{STEM}.docx"))).expect("a DOCX is there");
        if docx != before[0] {
            // Killed between two renames: the DOCX is the new one, whole.
            harness::assert_xml_parts_parse(&docx);
        }
        if caught_writing {
            break;
        }
    }
    eprintln!("killed while writing temporaries: {caught_writing}");
    if caught_writing {
        // Usually the kill lands before any rename: then all three are as they were.
        let leftover = support::temporaries(&out);
        eprintln!("temporaries left by the killed build: {}", leftover.len());
    }
    // The next run removes what the killed one left, and succeeds.
    let o = support::build(&entries, &out);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        support::temporaries(&out).is_empty(),
        "{:?}",
        support::names(&out)
    );
    assert_eq!(support::names(&out).len(), 3, "{:?}", support::names(&out));
    harness::assert_xml_parts_parse(&fs::read(out.join(format!("{STEM}.docx"))).expect("docx"));
}
