//! The HTML preview (`build --html`): one self-contained page, valid HTML (HTML Tidy,
//! the real validator), every entry in order carrying its number and file, the first
//! page's parts, nothing a report can write escaping into markup, and the language and
//! direction from the document's language.

use std::process::Command;

use council_report::render::html;

use crate::common::{code, root, run, sample, stderr, tool};
use crate::sample_report::report as sample_report;

fn built_html() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run(&["build", "--html", "--out", &dir.path().to_string_lossy()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let html = std::fs::read_to_string(dir.path().join("C18-33-E.html")).expect("html written");
    (dir, html)
}

/// The values of `attr="…"` in document order.
fn attr_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let key = format!(" {attr}=\"");
    html.match_indices(&key)
        .filter_map(|(at, _)| {
            let rest = &html[at + key.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

#[test]
fn build_html_writes_every_entry_in_order_with_its_number_and_file() {
    let (_dir, html) = built_html();
    let report = sample();
    let numbers: Vec<String> = report
        .entries
        .iter()
        .map(|e| e.number.to_string())
        .collect();
    assert_eq!(attr_values(&html, "data-entry"), numbers);
    // The sample was loaded from an absolute path, `build` from the relative `entries`.
    let prefix = format!("{}/", root().display());
    let relative = |f: &str| f.strip_prefix(prefix.as_str()).unwrap_or(f).to_owned();
    let files: Vec<String> = report.entries.iter().map(|e| relative(&e.file)).collect();
    let mut data_files = attr_values(&html, "data-file");
    // The first page names report.toml, then every entry names its own file.
    assert_eq!(data_files.remove(0), "entries/report.toml");
    assert_eq!(data_files, files);
    for (e, number) in report.entries.iter().zip(&numbers) {
        let label = council_report::render::conventions::number_label(&e.number, true);
        assert!(
            html.contains(&format!(
                "data-entry=\"{number}\" data-file=\"{}\"",
                relative(&e.file)
            )),
            "{number}"
        );
        assert!(
            html.contains(&format!("<span class=\"num\">{label}</span>\t")),
            "{label}"
        );
    }
}

#[test]
fn the_first_page_has_the_header_block_title_and_summary_box() {
    let (_dir, html) = built_html();
    for part in [
        "<html lang=\"en-GB\" dir=\"ltr\">",
        "<p class=\"meeting\">Council 2018</p>",
        "<p class=\"place\">Geneva, 17-27 April 2018</p>",
        "<p class=\"agenda\">Agenda item: PL 2</p>",
        "<p class=\"docnum\">Document C18/33-E</p>",
        "<p>22 March 2018</p>",
        "<p>Original: English</p>",
        "<p class=\"blk source\">Report by the Secretary-General</p>",
        "<h1 class=\"blk title\">ITU’S ACTIVITIES RELATED TO RESOLUTIONS 101, 102, 133 AND 180</h1>",
        "<section class=\"summary\" aria-labelledby=\"summary\">",
        ">Summary</h2>",
        ">Action required</h2>",
        ">References</h2>",
        "<p class=\"blk closing\">__________________</p>",
        "\u{2022} <a href=\"http://www.itu.int/council\">http://www.itu.int/council</a> \u{2022}",
        "data-running=\"C18/33-E\"",
        "<title>C18/33-E – ITU’S ACTIVITIES",
    ] {
        assert!(html.contains(part), "missing {part}");
    }
    // In document order.
    let at = |s: &str| html.find(s).unwrap_or(usize::MAX);
    assert!(at("class=\"meeting\"") < at("class=\"blk title\""));
    assert!(at("class=\"blk title\"") < at(">Summary</h2>"));
    assert!(at(">References</h2>") < at("data-entry=\"1\""));
    assert!(at("data-entry=\"1\"") < at("class=\"blk closing\""));
}

#[test]
fn the_page_is_self_contained() {
    let (_dir, html) = built_html();
    // Nothing is fetched: no stylesheet or script by address, no font, no image file.
    for fetch in [
        "<link",
        " src=\"http",
        "@import",
        "url(",
        "<iframe",
        "<object",
    ] {
        assert!(!html.contains(fetch), "{fetch} in the page");
    }
    assert!(html.contains("<style>") && html.contains("<script>"));
}

#[test]
fn html_tidy_finds_no_error_nor_warning() {
    let Some(tidy) = tool("tidy", "--version") else {
        return;
    };
    let (dir, _) = built_html();
    let o = Command::new(tidy)
        .args(["-e", "-q"])
        .arg(dir.path().join("C18-33-E.html"))
        .output()
        .expect("tidy runs");
    // tidy exits 0 when clean, 1 for warnings, 2 for errors.
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn two_builds_give_the_same_bytes() {
    let (_a, one) = built_html();
    let (_b, two) = built_html();
    assert!(one == two, "the HTML differs between two builds");
}

#[test]
fn report_text_cannot_become_markup() {
    let mut report = sample_report();
    report.entries[1].title = Some("<script>alert(1)</script> & \"q\"".into());
    report.meta.meeting = council_report::model::Filled::Value("</style><b onload=x>".into());
    report.meta.layout.font = "Calibri\"; } body { display: none } </style>".into();
    let page = html::render(&report);
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;"));
    assert!(!page.contains("<b onload"));
    // One style element, closed once.
    assert_eq!(page.matches("</style>").count(), 1);
}

#[test]
fn an_arabic_document_is_right_to_left() {
    let mut report = sample_report();
    report.meta.language = council_report::model::Filled::Value("A".into());
    report.locale = report.meta.locale(council_report::locale::Language::A);
    let page = html::render(&report);
    assert!(
        page.contains("<html lang=\"ar\" dir=\"rtl\">"),
        "{}",
        &page[..200]
    );
    // Placeholders are highlighted, as in the DOCX.
    report.meta.date = council_report::model::Filled::Placeholder("TODO: the date".into());
    let page = html::render(&report);
    assert!(page.contains("<mark class=\"todo\">TODO: the date</mark>"));
}
