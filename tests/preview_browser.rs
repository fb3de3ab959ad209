//! The live preview in a real browser: Debian's headless Chromium, driven over the
//! DevTools protocol (tests/common/devtools.rs), opens `watch --serve`, finds the header block, the
//! Summary box and every entry number in order, and lays the page out in as many sheets
//! as LibreOffice lays out the DOCX (within one). Page 1 is saved as a PNG beside
//! LibreOffice's rendering of the DOCX's page 1 (`target/preview-test/`, kept by CI) and
//! both have the same words in the same order. Then a save shows in the open page within
//! 2 s without a reload, keeping the entry in view; an error shows its diagnostic beside
//! its entry with a banner while the last good page stays; the fix clears them.
//!
//! Skipped where Chromium is not installed, except under CI (`CI` set).

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use crate::common::devtools::{Browser, chromium};
use crate::common::{code, run_with_env, save, soffice, stderr, tool};
use crate::serve_cli::serve;

/// Where the screenshots go: CI keeps this folder.
fn artifacts() -> PathBuf {
    let dir = crate::common::root().join("target/preview-test");
    std::fs::create_dir_all(&dir).expect("artifact folder");
    dir
}

fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_owned).collect()
}

#[test]
fn the_served_preview_looks_like_the_document_and_follows_every_save() {
    let Some(chromium) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let (watch, addr) = serve(dir.path(), &[]);
    let report = council_report::load_and_check(&dir.path().join("entries"))
        .expect("entries")
        .report
        .expect("valid");

    let mut tab = Browser::start(
        &chromium,
        &dir.path().join("chromium-profile"),
        (1000, 1400),
    );
    tab.navigate(&format!("http://{addr}/"));
    tab.wait_until("!!document.querySelector('.paper.paged')");

    // The header block, the title and the Summary box.
    assert_eq!(
        tab.eval("[...document.querySelectorAll('.masthead p')].map(p => p.innerText)"),
        serde_json::json!([
            "Council 2018",
            "Geneva, 17-27 April 2018",
            "Agenda item: PL 2",
            "Document C18/33-E",
            "22 March 2018",
            "Original: English"
        ])
    );
    // Right column right-aligned, as in the DOCX.
    assert_eq!(
        tab.eval("getComputedStyle(document.querySelector('.mh-doc')).textAlign"),
        "end"
    );
    assert_eq!(
        tab.eval("document.querySelector('h1').innerText"),
        "ITU’S ACTIVITIES RELATED TO RESOLUTIONS 101, 102, 133 AND 180"
    );
    assert_eq!(
        tab.eval("[...document.querySelectorAll('.summary h2')].map(h => h.innerText)"),
        serde_json::json!(["Summary", "Action required", "References"])
    );
    assert_eq!(
        tab.eval("getComputedStyle(document.querySelector('.summary')).borderTopStyle"),
        "solid"
    );
    // Every entry number, in order, as printed.
    let labels: Vec<String> = report
        .entries
        .iter()
        .map(|e| council_report::render::conventions::number_label(&e.number, true))
        .collect();
    assert_eq!(
        tab.eval(
            "[...document.querySelectorAll('.entry')].map(e => e.querySelector('.num').innerText)"
        ),
        serde_json::json!(labels)
    );

    // The PDF LibreOffice makes of the DOCX, for the page count and page 1.
    let pdf = match (soffice(), tool("pdftotext", "-v"), tool("pdftoppm", "-v")) {
        (Some(soffice), Some(_), Some(_)) => {
            let o = run_with_env(
                &[
                    "build",
                    "--pdf",
                    "--entries",
                    &dir.path().join("entries").to_string_lossy(),
                    "--out",
                    &dir.path().join("pdf").to_string_lossy(),
                ],
                &[("SOFFICE", &soffice)],
            );
            assert_eq!(code(&o), 0, "{}", stderr(&o));
            Some(dir.path().join("pdf/C18-33-E.pdf"))
        }
        _ => None,
    };

    // Page 1: a screenshot of the first sheet, and its words.
    let sheet = tab.eval(
        "(() => { const r = document.querySelector('.sheet').getBoundingClientRect(); \
         return [r.left + scrollX, r.top + scrollY, r.width, r.height]; })()",
    );
    let n = |i: usize| sheet[i].as_f64().expect("a number");
    let png = tab.screenshot(Some([n(0), n(1), n(2), n(3)]));
    std::fs::write(artifacts().join("page1-html.png"), png).expect("saved");
    let html_page1 = tab.eval("(() => { const sheets = document.querySelectorAll('.sheet'); \
           const end = sheets.length > 1 ? sheets[1].getBoundingClientRect().top : Infinity; \
           const parts = [...document.querySelectorAll('.masthead p, .blk:not(.masthead), .first-footer')] \
             .filter(b => b.getBoundingClientRect().top < end) \
             .map(b => b.matches('li') ? [...b.childNodes].filter(c => !(c.matches && c.matches('ul'))).map(c => c.textContent).join('') : b.innerText); \
           return parts.join('\\n'); })()",
    );
    let pages = tab.eval("Number(document.querySelector('.paper').dataset.pages)");
    if let Some(pdf) = &pdf {
        let text = Command::new("pdftotext")
            .args(["-f", "1", "-l", "1", "-enc", "UTF-8"])
            .arg(pdf)
            .arg("-")
            .output()
            .expect("pdftotext");
        let lo_page1 = String::from_utf8_lossy(&text.stdout).into_owned();
        assert_eq!(
            words(html_page1.as_str().unwrap_or_default()),
            words(&lo_page1),
            "page 1 of the preview and of LibreOffice's PDF differ"
        );
        let info = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo");
        let lo_pages: u64 = String::from_utf8_lossy(&info.stdout)
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|p| p.trim().parse().ok())
            .expect("a page count");
        let ours = pages.as_u64().expect("a page count");
        eprintln!("sheets: preview {ours}, LibreOffice {lo_pages}");
        assert!(
            ours.abs_diff(lo_pages) <= 1,
            "{ours} sheets, LibreOffice {lo_pages} pages"
        );
        let o = Command::new("pdftoppm")
            .args(["-f", "1", "-l", "1", "-r", "96", "-png", "-singlefile"])
            .arg(pdf)
            .arg(artifacts().join("page1-docx"))
            .output()
            .expect("pdftoppm");
        assert!(o.status.success());
    }
    // The running header at the top of sheet 2.
    assert_eq!(
        tab.eval("document.querySelector('.running').innerText.split('\\n').filter(Boolean)"),
        serde_json::json!(["- 2 -", "C18/33-E"])
    );

    // A save shows within 2 s, without a reload, and the entry stays where it was.
    let file = dir.path().join("entries/2/2.09-itu-t-sg13.toml");
    let good = std::fs::read_to_string(&file).expect("read");
    let entry = "document.querySelector('[data-entry=\"2.9\"]')";
    tab.eval(&format!("(window.stays = 1, {entry}.scrollIntoView(), 0)"));
    let top = tab.eval(&format!("{entry}.getBoundingClientRect().top"));
    let edited = good.replace("ITU-T SG13", "ITU-T SG13 (edited in the browser test)");
    save(&file, &edited);
    let took = tab.until(
        &format!("{entry}.innerText.includes('(edited in the browser test)')"),
        Duration::from_secs(2),
    );
    eprintln!("the page showed the save after {} ms", took.as_millis());
    assert_eq!(tab.eval("window.stays"), 1, "the page was reloaded");
    let after = tab.eval(&format!("{entry}.getBoundingClientRect().top"));
    let moved = (after.as_f64().unwrap_or(f64::NAN) - top.as_f64().unwrap_or(0.0)).abs();
    assert!(moved < 4.0, "entry 2.9 moved by {moved} px in the window");

    // An error: its diagnostic beside entry 2.9, a banner, the last good page kept.
    save(
        &file,
        &edited.replace("sector = \"ITU-T\"", "sector = \"ITU-X\""),
    );
    let took = tab.until(
        &format!(
            "!!{entry}.querySelector('.live-diag') && !!document.querySelector('.live-banner')"
        ),
        Duration::from_secs(2),
    );
    eprintln!("the diagnostic showed after {} ms", took.as_millis());
    let note = tab.eval(&format!("{entry}.querySelector('.live-diag').innerText"));
    let note = note.as_str().unwrap_or_default();
    assert!(
        note.contains("error[E004]: unknown sector `ITU-X`"),
        "{note}"
    );
    assert!(
        note.contains("entries/2/2.09-itu-t-sg13.toml:2:10"),
        "{note}"
    );
    let banner = tab.eval("document.querySelector('.live-banner').innerText");
    assert!(
        banner.as_str().unwrap_or_default().contains("1 error"),
        "{banner}"
    );
    assert_eq!(
        tab.eval(&format!(
            "{entry}.innerText.includes('(edited in the browser test)')"
        )),
        true,
        "the last good page is no longer shown"
    );
    let png = tab.screenshot(None);
    std::fs::write(artifacts().join("error-banner.png"), png).expect("saved");

    // Fixed: the banner and the note go.
    save(&file, &good);
    tab.until(&format!(
            "!document.querySelector('.live-banner') && !{entry}.querySelector('.live-diag') && !{entry}.innerText.includes('(edited')"
        ),
        Duration::from_secs(2),
    );
    assert_eq!(tab.eval("window.stays"), 1, "the page was reloaded");
    drop(watch);
}
