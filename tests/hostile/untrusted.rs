//! Untrusted changes: no path in report.toml, no entry, no symbolic link and no template
//! reads outside its folder or writes outside the output folder; oversized and deeply
//! nested files end in a clear error, not a crash.

use std::fs;
use std::path::Path;

use crate::common::{code, stderr, stdout};
use crate::hostile::harness;
use crate::hostile::support;

const SECRET: &str = "TOP-SECRET-8c1f";

/// A folder outside the entries folder holding a secret and a valid PNG.
fn outside(tmp: &Path) -> std::path::PathBuf {
    let dir = tmp.join("outside");
    fs::create_dir_all(&dir).expect("create");
    fs::write(
        dir.join("secret.toml"),
        format!("number = \"9\"\ntext = \"{SECRET}\"\n"),
    )
    .expect("write");
    fs::write(dir.join("secret.txt"), SECRET).expect("write");
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/logo.png"),
        dir.join("logo.png"),
    )
    .expect("copy the logo");
    dir
}

fn check(entries: &Path) -> std::process::Output {
    support::run(&[Path::new("check"), Path::new("--entries"), entries])
}

#[test]
fn logo_paths_that_leave_the_folder_are_refused() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let outside = outside(tmp.path());
    let entries = tmp.path().join("entries");
    support::small_report(&entries);
    let absolute = outside.join("logo.png").to_string_lossy().into_owned();
    for logo in [
        "../outside/logo.png",
        absolute.as_str(),
        "a/../../outside/logo.png",
    ] {
        support::with_logo(&entries, logo);
        let o = check(&entries);
        assert_eq!(code(&o), 1, "{logo}: {}", stderr(&o));
        assert!(stderr(&o).contains("error[E024]"), "{logo}: {}", stderr(&o));
    }
}

#[cfg(unix)]
#[test]
fn a_logo_symlink_out_of_the_folder_is_refused() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().expect("tempdir");
    let outside = outside(tmp.path());
    let entries = tmp.path().join("entries");
    support::small_report(&entries);
    symlink(outside.join("logo.png"), entries.join("logo.png")).expect("symlink");
    fs::create_dir(entries.join("img")).expect("mkdir");
    symlink(&outside, entries.join("img/out")).expect("symlink");
    for logo in ["logo.png", "img/out/logo.png"] {
        support::with_logo(&entries, logo);
        let o = check(&entries);
        assert_eq!(code(&o), 1, "{logo}: {}", stderr(&o));
        assert!(stderr(&o).contains("error[E024]"), "{logo}: {}", stderr(&o));
    }
    // The same image inside the folder is fine.
    fs::remove_file(entries.join("logo.png")).expect("rm");
    fs::remove_file(entries.join("img/out")).expect("rm");
    fs::copy(outside.join("logo.png"), entries.join("logo.png")).expect("copy");
    support::with_logo(&entries, "logo.png");
    let o = check(&entries);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

/// An entry file or folder that is a symbolic link out of the entries folder is not read:
/// its content would otherwise end up in diagnostics (CI logs) or in the deliverable.
#[cfg(unix)]
#[test]
fn entry_symlinks_out_of_the_folder_are_not_read() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().expect("tempdir");
    let outside = outside(tmp.path());
    let entries = tmp.path().join("entries");
    support::small_report(&entries);
    symlink(outside.join("secret.toml"), entries.join("9.toml")).expect("symlink");
    symlink(&outside, entries.join("shared")).expect("symlink");
    symlink(outside.join("secret.txt"), entries.join("passwd.toml")).expect("symlink");
    let o = check(&entries);
    let err = stderr(&o);
    assert_eq!(code(&o), 1, "{err}");
    assert!(!err.contains(SECRET), "{err}");
    assert!(err.contains("error[E024]"), "{err}");
    for name in ["9.toml", "shared", "passwd.toml"] {
        assert!(err.contains(name), "{name}: {err}");
    }
    let out = tmp.path().join("out");
    let o = support::build(&entries, &out);
    assert_eq!(code(&o), 1);
    assert!(!out.exists());
}

#[cfg(unix)]
#[test]
fn links_that_stay_inside_the_folder_are_fine() {
    use std::os::unix::fs::symlink;
    let (tmp, entries) = support::small_report_in_temp();
    fs::create_dir(entries.join("real")).expect("mkdir");
    fs::write(
        entries.join("real/1.1.toml"),
        "number = \"1.1\"\ntext = \"x\"\n",
    )
    .expect("w");
    symlink("real/1.1.toml", entries.join("1.2-link.toml")).expect("symlink");
    // An entries folder reached through a symbolic link is fine too.
    let link = tmp.path().join("entries-link");
    symlink(&entries, &link).expect("symlink");
    let o = check(&link);
    // The same file twice: the duplicate number is the only error.
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("error[E012]"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("E024"), "{}", stderr(&o));
}

#[test]
fn document_numbers_cannot_write_outside_the_output_folder() {
    let (tmp, entries) = support::small_report_in_temp();
    let report = harness::REPORT.replace("\"C18/99\"", "\"../../../escape\"");
    fs::write(entries.join("report.toml"), report).expect("write");
    let out = tmp.path().join("a/b/out");
    let o = support::build(&entries, &out);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let names = support::names(&out);
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.iter().all(|n| !n.contains('/')));
    for dir in [tmp.path(), &tmp.path().join("a"), &tmp.path().join("a/b")] {
        assert!(
            support::names(dir).iter().all(|n| !n.contains("escape")),
            "{dir:?}: {:?}",
            support::names(dir)
        );
    }
    assert!(
        stdout(&o).contains("..-..-..-escape-E.docx"),
        "{}",
        stdout(&o)
    );
}

#[cfg(unix)]
#[test]
fn templates_cannot_include_files_outside_their_folder() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().expect("tempdir");
    let outside = outside(tmp.path());
    let entries = tmp.path().join("entries");
    support::small_report(&entries);
    let templates = tmp.path().join("my templates");
    fs::create_dir(&templates).expect("mkdir");
    symlink(outside.join("secret.txt"), templates.join("linked.txt")).expect("symlink");
    let absolute = outside.join("secret.txt").to_string_lossy().into_owned();
    for include in [
        "../outside/secret.txt",
        absolute.as_str(),
        "linked.txt",
        "sub/../../outside/secret.txt",
    ] {
        fs::write(
            templates.join("report.txt.j2"),
            format!("{{% include {:?} %}}\n", include),
        )
        .expect("write the template");
        let out = tmp.path().join("out");
        let o = support::build_with(&entries, &out, &[Path::new("--templates"), &templates]);
        let err = stderr(&o);
        assert_eq!(code(&o), 1, "{include}: {err}");
        assert!(err.contains("report.txt.j2"), "{include}: {err}");
        assert!(!err.contains(SECRET), "{include}: {err}");
        assert!(!out.exists(), "{include}: something was written");
    }
}

#[test]
fn an_entry_over_8_mib_is_an_e010() {
    let (_tmp, entries) = support::small_report_in_temp();
    let size = usize::try_from(council_report::load::MAX_FILE_BYTES).expect("fits") + 1;
    let mut big = b"number = \"2\"\ntext = \"".to_vec();
    big.resize(size - 2, b'a');
    big.extend_from_slice(b"\"\n");
    fs::write(entries.join("2.toml"), &big).expect("write");
    let o = check(&entries);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("error[E010]"), "{}", stderr(&o));
    assert!(stderr(&o).contains("larger than 8 MiB"), "{}", stderr(&o));
    // One byte less is read.
    big.truncate(size - 3);
    big.extend_from_slice(b"\"\n");
    fs::write(entries.join("2.toml"), &big).expect("write");
    let o = check(&entries);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

fn nested(open: &str, close: &str, depth: usize) -> String {
    format!(
        "number = \"2\"\nx = {}1{}\n",
        open.repeat(depth),
        close.repeat(depth)
    )
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let (_tmp, entries) = support::small_report_in_temp();
    for (name, text) in [
        ("arrays", nested("[", "]", 200_000)),
        ("tables", nested("{a=", "}", 200_000)),
        (
            "unclosed",
            "number = \"2\"\nx = ".to_owned() + &"[".repeat(200_000),
        ),
        (
            "headers",
            format!("number = \"2\"\n[{}]\n", vec!["a"; 50_000].join(".")),
        ),
    ] {
        fs::write(entries.join("2.toml"), &text).expect("write");
        let o = check(&entries);
        let err = stderr(&o);
        assert_eq!(code(&o), 1, "{name}: {err}");
        assert!(err.contains("error[E0"), "{name}: {err}");
    }
}

/// The same, in a thread with a small stack and in a folder large enough that files are
/// parsed on the loader's worker threads.
#[test]
fn deep_nesting_on_worker_threads() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let entries = tmp.path().join("entries");
    support::many_entries(&entries, 100, 3);
    fs::write(entries.join("2.toml"), nested("[", "]", 200_000)).expect("write");
    let checked = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || council_report::load_and_check(&entries).expect("load"))
        .expect("spawn")
        .join()
        .expect("no panic");
    assert!(checked.errors() > 0);
    assert!(
        checked
            .diagnostics
            .iter()
            .any(|d| d.code.to_string().starts_with("E00"))
    );
}
