//! The plain-text report and digest: snapshots of both for a realistic report, user
//! template folders, template errors, wrapping.

use crate::common::folder_with;
use crate::sample_report;

use std::fs;

use council_report::render::text::{
    self, Options, TemplateError, Templates, render_digest, render_report, view,
};

fn report_text() -> String {
    render_report(&sample_report::report(), &Templates::embedded()).expect("renders")
}

fn digest_text() -> String {
    render_digest(&sample_report::report(), &Templates::embedded()).expect("renders")
}

#[test]
fn text_report_snapshot() {
    insta::assert_snapshot!("report_txt", report_text());
}

#[test]
fn digest_snapshot() {
    insta::assert_snapshot!("digest_txt", digest_text());
}

#[test]
fn outputs_end_with_one_newline_and_are_deterministic() {
    for out in [report_text(), digest_text()] {
        assert!(out.ends_with('\n') && !out.ends_with("\n\n"), "{out:?}");
        assert!(!out.contains('\r'));
    }
    assert_eq!(report_text(), report_text());
    assert_eq!(digest_text(), digest_text());
}

#[test]
fn report_has_the_reference_shape() {
    let out = report_text();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[..10],
        [
            "Council 2018",
            "Geneva, 17-27 April 2018",
            "Agenda item: PL 2",
            "Document C18/33-E",
            "22 March 2018",
            "Original: English",
            "Report by the Secretary-General",
            "ITU’S ACTIVITIES RELATED TO RESOLUTIONS 101, 102, 133 AND 180",
            "Summary",
            "This report gives an account of what ITU has done under Plenipotentiary Resolutions 101, 102, 133 and 180, all as revised in Busan in 2014.",
        ]
    );
    assert_eq!(
        lines[10..14],
        [
            "Action required",
            "The Council is invited to take note of this report.",
            "____________",
            "References",
        ]
    );
    // Level-1 numbers carry the period, deeper ones do not; one TAB after the number.
    assert!(lines.contains(
        &"2.\tActivities related to Resolution 101 (Rev. Busan, 2014) on Internet Protocol-based networks"
    ));
    assert!(lines.contains(&"2.2\tThe JCA\u{a0}IMT2020 met three times and:"));
    // Follow-on paragraphs on their own lines, links as `text (url)`.
    assert!(lines.contains(
        &"More than 120 texts were approved (see the list (https://www.itu.int/itu-t/recommendations/))."
    ));
    // Bullets: en dash and TAB; at level 1 one TAB more and a bullet, as in the DOCX.
    assert!(lines.contains(&"–\tITU-T Y.3071, on data aware networking;"));
    assert!(lines.contains(&"\t•\tits functional architecture;"));
    // An entry that opens with a list: its number stands alone, then the items.
    let at = lines.iter().position(|l| *l == "2.4").expect("2.4 alone");
    assert_eq!(lines[at + 1], "–\ta training on IPv6 in Nairobi;");
    assert_eq!(lines[lines.len() - 2], "__________________");
    assert_eq!(lines[lines.len() - 1], "• http://www.itu.int/council •");
    assert!(
        !out.contains("\n\n"),
        "no blank lines: one paragraph per line"
    );
}

#[test]
fn body_lines_are_the_docx_paragraphs() {
    let report = sample_report::report();
    let body: Vec<String> = view::body(&report).into_iter().map(|p| p.line()).collect();
    let out = report_text();
    let lines: Vec<&str> = out.lines().collect();
    let start = lines
        .iter()
        .position(|l| *l == "1.\tIntroduction")
        .expect("first heading");
    assert_eq!(
        lines[start..lines.len() - 2],
        body.iter().map(String::as_str).collect::<Vec<_>>()[..]
    );
}

#[test]
fn optional_header_lines_and_footer_are_left_out() {
    let mut report = sample_report::report();
    report.meta.agenda_item = None;
    report.meta.source = None;
    report.meta.summary.action = None;
    report.meta.layout.footer = None;
    report.meta.layout.top_level_period = false;
    let out = render_report(&report, &Templates::embedded()).expect("renders");
    assert!(!out.contains("Agenda item"));
    assert!(!out.contains("Secretary-General"));
    assert!(!out.contains("Action required"));
    assert!(!out.contains("• http"), "no footer line");
    assert!(out.contains("\n2\tActivities related"));
    assert!(out.contains("\n4\tENUM\n"));
    assert!(out.ends_with("\n__________________\n"));
}

#[test]
fn digest_lists_groups_in_order() {
    let out = digest_text();
    assert!(out.contains("Reporting period: 15 February to 31 December 2017"));
    // Events by start date, dates in words.
    let cairo = out.find("2 to 3 April 2017: Fifth SG13").expect("Cairo");
    let lima = out
        .find("30 June to 2 July 2017: Regional training on IXPs, Lima, Peru (2.4)")
        .expect("Lima");
    let geneva = out.find("11 July 2017: ITU IMT-2020/5G").expect("Geneva");
    let cable = out
        .find("17 to 19 July 2017: Workshop on cable television")
        .expect("cable");
    let thai = out
        .find("28 December 2017 to 3 January 2018: ITU ASP CoE")
        .expect("Nonthaburi");
    assert!(cairo < lima && lima < geneva && geneva < cable && cable < thai);
    // Recommendations by status (approved, consented, revised, started), then sector.
    let approved = out.find("Approved (2)").expect("approved");
    let consented = out.find("Consented (1)").expect("consented");
    let revised = out.find("Revised (1)").expect("revised");
    assert!(approved < consented && consented < revised);
    assert!(out.contains("ITU-T Y.3071 – Data Aware Networking (Information Centric Networking) – Requirements and capabilities (2.5)"));
    assert!(out.contains("Resolution 180: 2.2, 2.5, 3, 3.1"));
    assert!(out.contains("Resolution 102: no entry"));
    assert!(out.contains("entries/2/2.2.toml:4:12: warning[W010]: two spaces in a row"));
}

#[test]
fn wrap_option_wraps_long_lines_with_hanging_items() {
    let report = sample_report::report();
    let opts = Options { wrap: Some(40) };
    let out = text::render_report_with(&report, &Templates::embedded(), opts).expect("renders");
    for line in out.lines() {
        let width = line
            .chars()
            .fold(0, |c, ch| if ch == '\t' { (c / 8 + 1) * 8 } else { c + 1 });
        assert!(
            width <= 40 || !line.trim().contains(' '),
            "too wide: {line:?}"
        );
    }
    assert!(
        out.contains("–\tITU-T Y.3515, on network as a\n\tservice, with\n"),
        "{out}"
    );
    let digest = text::render_digest_with(&report, &Templates::embedded(), opts).expect("renders");
    assert_eq!(digest, digest_text(), "the default digest does not wrap");
}

#[test]
fn a_folder_overrides_one_template_and_includes_files_inside_it() {
    let dir = folder_with(&[
        (
            "report.txt.j2",
            "{% include 'parts/head.j2' %}\n{% for e in entries %}\n{{ e.label }}{% if e.title %} {{ e.title }}{% endif +%}\n{% endfor %}\n\n\n",
        ),
        (
            "parts/head.j2",
            "{{ meta.document_number }} of {{ meta.date_iso | date }}\n",
        ),
    ]);
    let templates = Templates::load(Some(dir.path())).expect("loads");
    let report = sample_report::report();
    let out = render_report(&report, &templates).expect("renders");
    insta::assert_snapshot!("override_report", out);
    assert!(out.starts_with("C18/33-E of 22 March 2018\n1. Introduction\n"));
    assert!(out.ends_with("4. ENUM\n"), "one final newline: {out:?}");
    // No digest in the folder: the built-in one.
    assert_eq!(
        render_digest(&report, &templates).expect("renders"),
        digest_text()
    );
}

#[test]
fn templates_cannot_read_outside_their_folder() {
    let root = tempfile::tempdir().expect("temp dir");
    let dir = root.path().join("templates");
    fs::create_dir(&dir).expect("mkdir");
    fs::write(root.path().join("secret.txt"), "secret").expect("write");
    for include in ["../secret.txt", "/etc/hostname", ".hidden"] {
        fs::write(
            dir.join("report.txt.j2"),
            format!("{{% include '{include}' %}}\n"),
        )
        .expect("write");
        let templates = Templates::load(Some(&dir)).expect("loads");
        let err = render_report(&sample_report::report(), &templates).expect_err("refused");
        let msg = err.to_string();
        assert!(!msg.contains("secret\n"), "{msg}");
        assert!(
            msg.contains("is not a file inside the templates folder"),
            "{include}: {msg}"
        );
    }
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(root.path().join("secret.txt"), dir.join("link.txt"))
            .expect("symlink");
        fs::write(dir.join("report.txt.j2"), "{% include 'link.txt' %}\n").expect("write");
        let templates = Templates::load(Some(&dir)).expect("loads");
        let err = render_report(&sample_report::report(), &templates).expect_err("refused");
        assert!(
            err.to_string()
                .contains("is not a file inside the templates folder"),
            "{err}"
        );
    }
}

#[test]
fn a_misspelt_variable_names_file_line_and_variable() {
    let dir = folder_with(&[(
        "report.txt.j2",
        "{{ meta.meeting }}\n{{ meta.number }}\n{{ meta.titel }}\n",
    )]);
    let path = dir.path().join("report.txt.j2");
    let templates = Templates::load(Some(dir.path())).expect("loads");
    let err = render_report(&sample_report::report(), &templates).expect_err("strict");
    let TemplateError::Template {
        template,
        line,
        message,
        ..
    } = &err
    else {
        panic!("{err:?}");
    };
    assert_eq!(template, &path.display().to_string());
    assert_eq!(*line, Some(3));
    assert_eq!(message, "undefined value `meta.titel`");
    assert_eq!(
        err.to_string(),
        format!("{}:3: undefined value `meta.titel`", path.display())
    );
}

#[test]
fn an_undefined_variable_in_a_condition_is_an_error_too() {
    let dir = folder_with(&[("digest.txt.j2", "x\n{% if meta.agenda %}y{% endif %}\n")]);
    let templates = Templates::load(Some(dir.path())).expect("loads");
    let err = render_digest(&sample_report::report(), &templates).expect_err("strict");
    assert!(
        err.to_string()
            .ends_with("digest.txt.j2:2: undefined value `meta.agenda`"),
        "{err}"
    );
}

#[test]
fn a_syntax_error_is_reported_at_load_time() {
    let dir = folder_with(&[(
        "digest.txt.j2",
        "ok\n\n{% for x in entries %}\n{{ x.number }\n",
    )]);
    let err = Templates::load(Some(dir.path())).expect_err("syntax");
    let shown = err.to_string();
    assert!(
        shown.starts_with(&format!(
            "{}:4: syntax error",
            dir.path().join("digest.txt.j2").display()
        )),
        "{shown}"
    );
}

#[test]
fn a_bad_filter_argument_is_an_error() {
    let dir = folder_with(&[("report.txt.j2", "{{ meta.date | date }}\n")]);
    let templates = Templates::load(Some(dir.path())).expect("loads");
    let err = render_report(&sample_report::report(), &templates).expect_err("not ISO");
    assert!(
        err.to_string()
            .contains(":1: invalid operation: `22 March 2018` is not a date"),
        "{err}"
    );
}

#[test]
fn folders_that_are_not_there() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("nope");
    assert!(matches!(
        Templates::load(Some(&missing)),
        Err(TemplateError::Folder { .. })
    ));
    let file = dir.path().join("file");
    fs::write(&file, "").expect("write");
    assert!(matches!(
        Templates::load(Some(&file)),
        Err(TemplateError::NotAFolder { .. })
    ));
    assert!(Templates::load(None).expect("embedded").dir().is_none());
}

#[test]
fn discover_prefers_explicit_then_beside_entries() {
    let root = tempfile::tempdir().expect("temp dir");
    let entries = root.path().join("entries");
    fs::create_dir(&entries).expect("mkdir");
    assert!(
        Templates::discover(&entries, None)
            .expect("embedded")
            .dir()
            .is_none()
    );
    let beside = root.path().join("templates");
    fs::create_dir(&beside).expect("mkdir");
    fs::write(beside.join("digest.txt.j2"), "beside\n").expect("write");
    let t = Templates::discover(&entries, None).expect("beside");
    assert_eq!(t.dir(), Some(beside.as_path()));
    assert_eq!(
        render_digest(&sample_report::report(), &t).expect("renders"),
        "beside\n"
    );
    let explicit = root.path().join("mine");
    fs::create_dir(&explicit).expect("mkdir");
    let t = Templates::discover(&entries, Some(&explicit)).expect("explicit");
    assert_eq!(t.dir(), Some(explicit.as_path()));
}

#[test]
fn every_view_model_field_is_documented() {
    fn keys(v: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    out.insert(k.clone());
                    keys(v, out);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
            _ => {}
        }
    }
    let view = view::ViewModel::new(&sample_report::report(), Some(72));
    let json = serde_json::to_value(&view).expect("serializes");
    let mut all = std::collections::BTreeSet::new();
    keys(&json, &mut all);
    let doc = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/template-fields.md"
    ))
    .expect("docs/template-fields.md");
    let missing: Vec<&String> = all
        .iter()
        .filter(|k| !doc.contains(&format!("`{k}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "fields missing from docs/template-fields.md: {missing:?}"
    );
}

#[test]
fn the_repository_folder_renders_like_the_built_in_templates() {
    let folder = Templates::load(Some(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/templates"
    ))))
    .expect("loads");
    let report = sample_report::report();
    assert_eq!(
        render_report(&report, &folder).expect("renders"),
        report_text()
    );
    assert_eq!(
        render_digest(&report, &folder).expect("renders"),
        digest_text()
    );
}

#[test]
fn an_error_in_an_included_file_names_that_file() {
    let dir = folder_with(&[
        ("report.txt.j2", "{% include 'part.j2' %}\n"),
        ("part.j2", "ok\n{{ entries[0].nmber }}\n"),
    ]);
    let templates = Templates::load(Some(dir.path())).expect("loads");
    let err = render_report(&sample_report::report(), &templates).expect_err("strict");
    assert_eq!(
        err.to_string(),
        format!(
            "{}:2: undefined value `entries[0].nmber`",
            dir.path().join("part.j2").display()
        )
    );
}

#[test]
fn a_template_saved_with_crlf_gives_lf_output() {
    let dir = folder_with(&[(
        "digest.txt.j2",
        "{{ meta.meeting }}\r\n{% if meta.source %}\r\nsource\r\n{% endif %}\r\nend\r\n",
    )]);
    let templates = Templates::load(Some(dir.path())).expect("loads");
    let out = render_digest(&sample_report::report(), &templates).expect("renders");
    assert_eq!(out, "Council 2018\nsource\nend\n");
}
