//! `watch`'s incremental rebuilds give what a full build gives: after every kind of edit
//! (a text, an error, a duplicate number, a file added, removed or broken, report.toml
//! changed), the kept session's diagnostics and report equal a fresh `check`'s, and the
//! kept renderings (HTML page, DOCX bytes) equal fresh ones. Each update is told the files
//! a watcher would report, as `watch` tells it.

use std::collections::BTreeSet;
use std::path::Path;

use council_report::check::Checked;
use council_report::diag;
use council_report::incremental::{Changes, Outputs, Session};
use council_report::render::docx::{self, BodyCache, DocxOptions};
use council_report::render::html;

use crate::common::{copy_tree, root};

fn same_as_a_full_check(session: &mut Session, entries: &Path, changed: &[&Path]) {
    let names: BTreeSet<String> = changed
        .iter()
        .map(|p| council_report::diag::display(p))
        .collect();
    let kept = session.update(&Changes::Files(names)).expect("update");
    let full = council_report::load_and_check(entries).expect("check");
    // The kept session numbers files as it first saw them, a fresh check as it walks: the
    // files and diagnostics are compared by what they say, with file paths.
    let said = |c: &Checked| {
        let files: Vec<String> = c
            .files
            .iter()
            .map(|&f| c.sources.path(f).to_string())
            .collect();
        let diagnostics = diag::render(
            diag::Format::Json,
            &c.diagnostics,
            &c.sources,
            &diag::RunSummary::default(),
            false,
        );
        (files, diagnostics)
    };
    assert_eq!(said(kept), said(&full));
    assert_eq!(kept.entries, full.entries);
    assert_eq!(
        format!("{:?}", kept.report),
        format!("{:?}", full.report),
        "the reports differ"
    );
}

#[test]
fn kept_results_equal_a_full_check_after_every_kind_of_edit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let entries = dir.path().join("entries");
    copy_tree(&root().join("entries"), &entries);
    let mut session = Session::new(&entries);
    session.update(&Changes::All).expect("first update");
    let mut outputs = Outputs::default();
    let mut cache = BodyCache::default();
    let options = DocxOptions { timestamp: 0 };

    let file = entries.join("2/2.09-itu-t-sg13.toml");
    let good = std::fs::read_to_string(&file).expect("read");
    let edit = |path: &Path, text: &str| std::fs::write(path, text).expect("write");
    let check_outputs = |session: &mut Session, outputs: &mut Outputs, cache: &mut BodyCache| {
        let checked = session
            .update(&Changes::Files(BTreeSet::new()))
            .expect("update");
        let report = checked.report.as_ref().expect("valid");
        assert!(outputs.html(report) == html::render(report), "HTML differs");
        let kept = docx::render_kept(report, &options, cache).expect("docx");
        assert!(
            kept == docx::render(report, &options).expect("docx"),
            "DOCX differs"
        );
    };
    check_outputs(&mut session, &mut outputs, &mut cache);

    // A new text.
    edit(&file, &good.replace("SG13", "SG 13"));
    same_as_a_full_check(&mut session, &entries, &[&file]);
    check_outputs(&mut session, &mut outputs, &mut cache);
    assert_eq!(session.files_read(), 0, "nothing changed since");

    // An error, then a duplicate number, then fixed.
    edit(
        &file,
        &good.replace("sector = \"ITU-T\"", "sector = \"ITU-X\""),
    );
    same_as_a_full_check(&mut session, &entries, &[&file]);
    assert_eq!(session.files_read(), 1);
    edit(&file, &good.replace("number = \"2.9\"", "number = \"2.8\""));
    same_as_a_full_check(&mut session, &entries, &[&file]);
    edit(&file, &good);
    same_as_a_full_check(&mut session, &entries, &[&file]);
    check_outputs(&mut session, &mut outputs, &mut cache);

    // Broken TOML, with and without a readable number.
    edit(&file, "number = \"2.9\"\ntext = \"unterminated\n");
    same_as_a_full_check(&mut session, &entries, &[&file]);
    edit(&file, "= nonsense");
    same_as_a_full_check(&mut session, &entries, &[&file]);
    edit(&file, &good);

    same_as_a_full_check(&mut session, &entries, &[&file]);

    // A file added and one removed, found by listing the folder (no event names them).
    let added = entries.join("2/2.23-new.toml");
    edit(&added, "number = \"2.23\"\ntext = \"A new paragraph.\"\n");
    let removed = entries.join("7/7-igf.toml");
    let igf = std::fs::read_to_string(&removed).expect("read");
    std::fs::remove_file(&removed).expect("remove");
    same_as_a_full_check(&mut session, &entries, &[]);
    check_outputs(&mut session, &mut outputs, &mut cache);
    // Undone, with the events a watcher sees (the file back, the other one gone).
    edit(&removed, &igf);
    std::fs::remove_file(&added).expect("remove");
    same_as_a_full_check(&mut session, &entries, &[&removed, &added]);
    check_outputs(&mut session, &mut outputs, &mut cache);

    // An editor's backup file and a new folder holding an entry: the folder is listed
    // again, the backup ignored as a full check ignores it.
    let backup = entries.join("2/2.09-itu-t-sg13.toml~");
    edit(&backup, &good);
    let folder = entries.join("8");
    std::fs::create_dir(&folder).expect("mkdir");
    edit(
        &folder.join("8-new.toml"),
        "number = \"8\"\ntitle = \"New\"\n",
    );
    same_as_a_full_check(&mut session, &entries, &[&backup, &folder]);
    std::fs::remove_dir_all(&folder).expect("rmdir");
    same_as_a_full_check(&mut session, &entries, &[&folder]);

    // report.toml: a resolution taken away makes entries that cite it wrong.
    let report_toml = entries.join("report.toml");
    let report_text = std::fs::read_to_string(&report_toml).expect("read");
    edit(&report_toml, &report_text.replace("101, ", ""));
    same_as_a_full_check(&mut session, &entries, &[&report_toml]);
    edit(
        &report_toml,
        &report_text.replace("Council 2018", "Council 2019"),
    );
    same_as_a_full_check(&mut session, &entries, &[&report_toml]);
    check_outputs(&mut session, &mut outputs, &mut cache);
    std::fs::remove_file(&report_toml).expect("remove");
    same_as_a_full_check(&mut session, &entries, &[&report_toml]);
    edit(&report_toml, &report_text);
    same_as_a_full_check(&mut session, &entries, &[&report_toml]);
    check_outputs(&mut session, &mut outputs, &mut cache);
}
