//! `import` on hostile files (issue 12, findings 7 to 10): 20,000 nested elements are an
//! error naming the line, not a stack overflow (exit 134); parts that together unpack to
//! more than a report holds are refused; `--force` never writes through a symbolic link
//! under `--into`; many entries of one name get names in linear time (a list searched
//! once an entry made a 2 MB export take 108 s, 50 MB never end).

use std::fs;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

use crate::common::{code, stderr};
use crate::hostile::support::run_within;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const LIMIT: Duration = Duration::from_secs(120);

/// A DOCX whose document.xml holds `body`, plus the `extra` parts given.
fn docx(path: &Path, body: &str, extra: &[(&str, &[u8])]) {
    let file = fs::File::create(path).expect("create the DOCX");
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    zip.start_file("word/document.xml", options)
        .expect("a part");
    write!(
        zip,
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t>2.1\tA paragraph.</w:t></w:r></w:p>{body}</w:body></w:document>"
    )
    .expect("write the part");
    for (name, bytes) in extra {
        zip.start_file(*name, options).expect("a part");
        zip.write_all(bytes).expect("write the part");
    }
    zip.finish().expect("finish the DOCX");
}

fn import(file: &Path, into: &Path, force: bool) -> std::process::Output {
    let mut args = vec![Path::new("import"), file, Path::new("--into"), into];
    if force {
        args.push(Path::new("--force"));
    }
    run_within(&args, LIMIT).expect("import hung")
}

#[test]
fn deeply_nested_docx_elements_are_an_error_not_a_stack_overflow() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let n = 20_000;
    let cases = [
        (
            "sdt",
            format!(
                "{}<w:p><w:r><w:t>x</w:t></w:r></w:p>{}",
                "<w:sdt><w:sdtContent>".repeat(n),
                "</w:sdtContent></w:sdt>".repeat(n)
            ),
        ),
        (
            "hyperlink",
            format!(
                "<w:p>{}<w:r><w:t>x</w:t></w:r>{}</w:p>",
                "<w:hyperlink>".repeat(n),
                "</w:hyperlink>".repeat(n)
            ),
        ),
    ];
    for (name, body) in cases {
        let file = tmp.path().join(format!("{name}.docx"));
        docx(&file, &body, &[]);
        let o = import(&file, &tmp.path().join(name), false);
        assert_eq!(code(&o), 2, "{name}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("word/document.xml, line 1: elements nested more than 256 deep"),
            "{name}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn docx_parts_that_unpack_to_more_than_a_report_are_refused() {
    let tmp = tempfile::tempdir().expect("tempdir");
    // Three footers of 50 MB each: each under the 64 MiB cap of one part, together over
    // the 128 MiB of all parts. They pack to about 150 KB.
    let footer = format!(
        "<w:ftr xmlns:w=\"{W}\"><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:ftr>",
        "a".repeat(50 * 1024 * 1024)
    );
    let parts: Vec<(String, &[u8])> = (1..=3)
        .map(|i| (format!("word/footer{i}.xml"), footer.as_bytes()))
        .collect();
    let parts: Vec<(&str, &[u8])> = parts.iter().map(|(n, b)| (n.as_str(), *b)).collect();
    let file = tmp.path().join("footers.docx");
    docx(&file, "", &parts);
    let o = import(&file, &tmp.path().join("out"), false);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("word/footer3.xml unpacks to more than a report holds"),
        "{}",
        stderr(&o)
    );
}

#[cfg(unix)]
#[test]
fn import_force_never_writes_through_a_symbolic_link() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let outside = tmp.path().join("outside");
    fs::create_dir(&outside).expect("mkdir");
    fs::write(outside.join("keep.txt"), "precious").expect("write");
    let file = tmp.path().join("report.docx");
    docx(&file, "", &[]);
    // `report.toml` a link to a file outside, then `2` a link to a folder outside.
    for (name, target) in [
        ("report.toml", outside.join("keep.txt")),
        ("2", outside.clone()),
    ] {
        let into = tmp.path().join(format!("into-{}", name.replace('.', "-")));
        fs::create_dir(&into).expect("mkdir");
        fs::write(into.join("notes.md"), "not empty").expect("write");
        std::os::unix::fs::symlink(&target, into.join(name)).expect("symlink");
        let o = import(&file, &into, true);
        assert_eq!(code(&o), 2, "{name}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("is a symbolic link: import writes only inside the folder"),
            "{name}: {}",
            stderr(&o)
        );
        assert_eq!(
            fs::read_to_string(outside.join("keep.txt")).expect("read"),
            "precious"
        );
        let mut names: Vec<_> = fs::read_dir(&outside)
            .expect("read")
            .map(|e| e.expect("entry").file_name())
            .collect();
        names.sort();
        assert_eq!(names, ["keep.txt"], "{name}");
    }
}

/// 20,000 entries that all have the same number and words: each gets a file of its own
/// (`2.01-…toml`, `2.01-…-2.toml` …), and the names are found in linear time (the list
/// searched for every entry took 2e8 comparisons here; the figures for whole imports are
/// in README). In memory: writing 20,000 files would cost the suite a minute and prove
/// nothing more.
#[test]
fn many_entries_of_one_name_get_distinct_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("export.txt");
    let mut text = String::from("2.\tSection\n");
    for _ in 0..20_000 {
        text.push_str("2.1\tThe same words again.\n");
    }
    fs::write(&file, text).expect("write the export");
    let imported = council_report::import::read(&file).expect("the export imports");
    let files = council_report::import::write::files(&imported);
    assert_eq!(files.len(), 20_002, "report.toml, 2 and the 20,000 copies");
    let distinct: std::collections::HashSet<_> = files.iter().map(|f| &f.path).collect();
    assert_eq!(distinct.len(), files.len());
    let last = files
        .last()
        .expect("files")
        .path
        .to_string_lossy()
        .into_owned();
    assert!(last.ends_with("-20000.toml"), "{last}");
}
