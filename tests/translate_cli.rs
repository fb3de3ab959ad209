//! Translations as a translator's office uses them: `translate export`, a CAT tool's
//! targets, `build --language`, `translate status` and `check --language`; the XLIFF
//! through translate-toolkit (the real client: `xliff2po`, `po2xliff`) and the built DOCX
//! through LibreOffice.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{
    code, copy_tree, libreoffice_text, root, run_in, soffice, stderr, stdout, tool,
};

/// A copy of the sample entries in a temporary folder.
fn sample() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let entries = tmp.path().join("entries");
    copy_tree(&root().join("entries"), &entries);
    // The shipped translations are the subject of other tests; these start from none.
    let _ = std::fs::remove_dir_all(entries.join("translations"));
    (tmp, entries)
}

fn xlf(entries: &Path, lang: &str) -> PathBuf {
    entries.join("translations").join(format!("{lang}.xlf"))
}

/// Gives every unit a target, as a CAT tool would: `TR0001 ` before the English, its
/// inline codes kept as they are. Returns the markers in file (document) order.
fn fill_targets(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("xlf");
    let mut out = String::new();
    let mut markers = Vec::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find("<source>") {
        let end = rest[start..].find("</source>").expect("closed") + start;
        let content = &rest[start + "<source>".len()..end];
        let marker = format!("TR{:04}", markers.len() + 1);
        out.push_str(&rest[..end + "</source>".len()]);
        out.push_str(&format!(
            "\n        <target state=\"translated\">{marker} {content}</target>"
        ));
        markers.push(marker);
        rest = &rest[end + "</source>".len()..];
    }
    out.push_str(rest);
    std::fs::write(path, out).expect("write");
    markers
}

fn run_ok(dir: &Path, args: &[&str]) -> String {
    let o = run_in(dir, args);
    assert_eq!(code(&o), 0, "{args:?}: {}{}", stdout(&o), stderr(&o));
    stdout(&o)
}

#[test]
fn export_fill_build_and_libreoffice_reads_each_target_in_order() {
    let (tmp, entries) = sample();
    let dir = tmp.path();
    let said = run_ok(dir, &["translate", "export", "--to", "S"]);
    assert!(said.contains("wrote entries/translations/S.xlf"), "{said}");
    let markers = fill_targets(&xlf(&entries, "S"));
    assert!(markers.len() > 100, "{}", markers.len());
    // Every piece translated: clean even with warnings denied.
    run_ok(dir, &["check", "--language", "S", "--deny-warnings"]);
    run_ok(dir, &["build", "--language", "S", "--deny-warnings"]);
    let Some(soffice) = soffice() else {
        return;
    };
    let text = libreoffice_text(&soffice, &dir.join("out/C18-33-S.docx"), dir);
    let mut at = 0;
    for m in &markers {
        let Some(found) = text[at..].find(m.as_str()) else {
            panic!("{m} not found after byte {at} of LibreOffice's text");
        };
        at += found + m.len();
    }
    assert!(text.contains("Documento C18/33-S"), "{text}");
    assert!(text.contains("22 de marzo de 2018"), "{text}");
}

#[test]
fn a_changed_english_paragraph_is_exactly_one_stale_unit() {
    let (tmp, entries) = sample();
    let dir = tmp.path();
    run_ok(dir, &["translate", "export", "--to", "F"]);
    fill_targets(&xlf(&entries, "F"));
    let file = entries.join("2/2.01-itu-t-study-groups.toml");
    let english = std::fs::read_to_string(&file).expect("entry");
    assert!(english.contains("over 120 new"), "the sample's wording");
    std::fs::write(&file, english.replace("over 120 new", "over 130 new")).expect("write");

    let json: serde_json::Value =
        serde_json::from_str(&run_ok(dir, &["translate", "status", "--format", "json"]))
            .expect("json");
    let f = &json["languages"][0];
    assert_eq!(f["language"], "F");
    assert_eq!(f["stale"], 1, "{f}");
    assert_eq!(f["stale_units"], serde_json::json!(["2.1/2"]));
    assert_eq!(f["missing"], 0);

    let o = run_in(dir, &["check", "--language", "F"]);
    assert_eq!(code(&o), 0);
    let err = stderr(&o);
    assert_eq!(err.matches("W007").count(), 1, "{err}");
    assert!(
        err.contains("2.1/2") && err.contains("“…120…” became “…130…”"),
        "{err}"
    );

    let before = std::fs::read_to_string(xlf(&entries, "F")).expect("xlf");
    let said = run_ok(dir, &["translate", "export", "--to", "F"]);
    assert!(said.contains("0 new, 1 changed"), "{said}");
    let after = std::fs::read_to_string(xlf(&entries, "F")).expect("xlf");
    let unit = after
        .split("<trans-unit ")
        .find(|u| u.starts_with("id=\"2.1/2\""))
        .expect("the unit");
    assert!(
        unit.contains("state=\"needs-review-translation\""),
        "{unit}"
    );
    assert!(
        unit.contains("over 130 new") && unit.contains("TR"),
        "{unit}"
    );
    let old_target = before
        .split("<trans-unit ")
        .find(|u| u.starts_with("id=\"2.1/2\""))
        .and_then(|u| u.split("<target").nth(1))
        .and_then(|t| t.split_once('>'))
        .map(|(_, t)| t.split("</target>").next().unwrap_or_default().to_owned())
        .expect("a target");
    assert!(unit.contains(&old_target), "the old French is kept");
    // Still stale after the export, until the translator confirms it.
    let o = run_in(dir, &["check", "--language", "F"]);
    assert_eq!(stderr(&o).matches("W007").count(), 1);
}

/// `xmllint`'s verdict on `file` against the OASIS XLIFF 1.2 transitional schema
/// (`tests/fixtures/xliff/`, where its README says where the copy comes from): `Err` with
/// what it printed when the file does not validate. Offline: the schema's import of W3C's
/// `xml.xsd` is resolved to the copy beside it by the XML catalog there.
fn transitional_schema(xmllint: &str, file: &Path) -> Result<(), String> {
    let schemas = root().join("tests/fixtures/xliff");
    let o = Command::new(xmllint)
        .env("XML_CATALOG_FILES", schemas.join("catalog.xml"))
        .args(["--nonet", "--noout", "--schema"])
        .arg(schemas.join("xliff-core-1.2-transitional.xsd"))
        .arg(file)
        .output()
        .expect("xmllint runs");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    if o.status.success() && said.trim_end().ends_with(" validates") {
        Ok(())
    } else {
        Err(said)
    }
}

#[test]
fn every_exported_language_validates_against_the_xliff_transitional_schema() {
    let Some(xmllint) = tool("xmllint", "--version") else {
        return;
    };
    // The shipped translations updated (targets translated, needs-review and missing),
    // after one English paragraph changed so that a stale unit is among them.
    let tmp = tempfile::tempdir().expect("tempdir");
    let entries = tmp.path().join("entries");
    copy_tree(&root().join("entries"), &entries);
    let file = entries.join("2/2.01-itu-t-study-groups.toml");
    let english = std::fs::read_to_string(&file).expect("entry");
    std::fs::write(&file, english.replace("over 120 new", "over 130 new")).expect("write");
    let said = run_ok(tmp.path(), &["translate", "export", "--to", "all"]);
    assert!(said.contains("1 changed"), "{said}");
    for l in ["F", "S", "A", "C", "R"] {
        let path = xlf(&entries, l);
        if let Err(e) = transitional_schema(&xmllint, &path) {
            panic!("{l}.xlf does not validate:\n{e}");
        }
    }
    let french = std::fs::read_to_string(xlf(&entries, "F")).expect("xlf");
    assert!(french.contains("state=\"needs-review-translation\""));

    // A first export, and the same file once a CAT tool has filled every target.
    let (tmp, entries) = sample();
    run_ok(tmp.path(), &["translate", "export", "--to", "C"]);
    let path = xlf(&entries, "C");
    transitional_schema(&xmllint, &path).expect("the first export validates");
    fill_targets(&path);
    transitional_schema(&xmllint, &path).expect("the filled file validates");

    // The validator does look: a unit without its id, or with a state XLIFF does not
    // have, is refused.
    let text = std::fs::read_to_string(&path).expect("xlf");
    for (from, to) in [
        ("<trans-unit id=", "<trans-unit name="),
        ("state=\"translated\"", "state=\"done\""),
    ] {
        std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
        let e = transitional_schema(&xmllint, &path).expect_err(to);
        assert!(e.contains("fails to validate"), "{e}");
    }
}

#[test]
fn translate_toolkit_round_trip_imports_unchanged() {
    let venv = std::env::var("DOCX_TOOLS_VENV").unwrap_or_else(|_| "/tmp/docx-tools-venv".into());
    let xliff2po = Path::new(&venv).join("bin/xliff2po");
    if !xliff2po.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "translate-toolkit is required under CI (.ci/install-tools.sh)"
        );
        eprintln!("skipped: translate-toolkit is not installed");
        return;
    }
    let (tmp, entries) = sample();
    let dir = tmp.path();
    run_ok(dir, &["translate", "export", "--to", "S"]);
    let path = xlf(&entries, "S");
    fill_targets(&path);
    // Leave some untranslated, so both kinds travel.
    let text = std::fs::read_to_string(&path).expect("xlf");
    let text = text.replacen("<target state=\"translated\">TR0003 ", "<target>", 1);
    let mut pieces = text.split("<target state=\"translated\">TR0010 ");
    let text = match (pieces.next(), pieces.next()) {
        (Some(a), Some(b)) => {
            let b = &b[b.find("</target>").expect("closed") + "</target>".len()..];
            format!("{a}{b}")
        }
        _ => panic!("TR0010 is there"),
    };
    std::fs::write(&path, text).expect("write");
    let status = run_ok(dir, &["translate", "status", "--format", "json"]);
    run_ok(dir, &["build", "--language", "S", "--out", "before"]);

    let po = dir.join("S.po");
    let back = dir.join("S-back.xlf");
    let tool = |name: &str, from: &Path, to: &Path| {
        let o = Command::new(Path::new(&venv).join("bin").join(name))
            .args(["--progress", "none"])
            .arg(from)
            .arg(to)
            .output()
            .expect("translate-toolkit runs");
        assert!(
            o.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    };
    tool("xliff2po", &path, &po);
    let po_text = std::fs::read_to_string(&po).expect("po");
    assert!(
        po_text.contains("#. council-report unit 2.1/2 source"),
        "the ids travel as notes"
    );
    assert!(
        po_text.contains("](https://"),
        "links travel as Markdown: {po_text}"
    );
    tool("po2xliff", &po, &back);
    std::fs::copy(&back, &path).expect("copy");

    assert_eq!(
        run_ok(dir, &["translate", "status", "--format", "json"]),
        status
    );
    // po2xliff writes XLIFF 1.1 (its own namespace and version); the next export turns
    // the file back into ours, targets and all, and that validates as XLIFF 1.2.
    let said = run_ok(dir, &["translate", "export", "--to", "S"]);
    assert!(said.contains("0 new, 0 changed"), "{said}");
    assert_eq!(
        run_ok(dir, &["translate", "status", "--format", "json"]),
        status
    );
    if let Some(xmllint) = crate::common::tool("xmllint", "--version")
        && let Err(e) = transitional_schema(&xmllint, &path)
    {
        panic!("the export after po2xliff does not validate:\n{e}");
    }
    run_ok(dir, &["build", "--language", "S", "--out", "after"]);
    for f in ["C18-33-S.txt", "C18-33-S-digest.txt"] {
        assert_eq!(
            std::fs::read_to_string(dir.join("after").join(f)).expect("after"),
            std::fs::read_to_string(dir.join("before").join(f)).expect("before"),
            "{f}"
        );
    }
}

#[test]
fn a_lost_link_address_is_an_error_and_an_orphan_a_warning() {
    let (tmp, entries) = sample();
    let dir = tmp.path();
    run_ok(dir, &["translate", "export", "--to", "R"]);
    let path = xlf(&entries, "R");
    fill_targets(&path);
    let text = std::fs::read_to_string(&path).expect("xlf");
    let url = "](https://www.itu.int/itu-t/recommendations/)";
    // The first unit with the link: once in its source, then in its target.
    let in_source = text.find(url).expect("a link") + url.len();
    let link_in_target = text[in_source..].find(url).expect("in the target") + in_source;
    let mut broken = text.clone();
    broken.replace_range(
        link_in_target..link_in_target + url.len(),
        "](https://example.com/)",
    );
    let broken = broken.replacen(
        "<trans-unit id=\"report/meeting.name\"",
        "<trans-unit id=\"9.9/1\"><source>Gone</source><target>Parti</target></trans-unit>\n      <trans-unit id=\"report/meeting.name\"",
        1,
    );
    std::fs::write(&path, broken).expect("write");
    let o = run_in(dir, &["check", "--language", "R"]);
    assert_eq!(code(&o), 1);
    let err = stderr(&o);
    assert!(err.contains("error[E027]"), "{err}");
    assert!(
        err.contains("lost link to https://www.itu.int/itu-t/recommendations/"),
        "{err}"
    );
    assert!(err.contains("added link to https://example.com/"), "{err}");
    assert!(err.contains("entries/translations/R.xlf:"), "{err}");
    assert!(
        err.contains("warning[W008]") && err.contains("9.9/1"),
        "{err}"
    );
    let o = run_in(dir, &["build", "--language", "R"]);
    assert_eq!(code(&o), 1, "nothing built with a broken code");
    assert!(!dir.join("out/C18-33-R.docx").exists());
}

#[test]
fn missing_translations_are_warnings_and_the_english_is_highlighted() {
    let (tmp, _entries) = sample();
    let dir = tmp.path();
    let o = run_in(dir, &["build", "--language", "C"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("warning[W006]"), "{err}");
    assert!(err.contains("`translate export --to C` writes it"), "{err}");
    let docx = std::fs::read(dir.join("out/C18-33-C.docx")).expect("docx");
    let doc = crate::common::docx_part(&docx, "word/document.xml");
    assert!(
        doc.contains("w:highlight"),
        "untranslated English is highlighted"
    );
    let digest = std::fs::read_to_string(dir.join("out/C18-33-C-digest.txt")).expect("digest");
    assert!(
        digest.contains("草案"),
        "a draft while pieces are untranslated: {digest}"
    );
}

#[test]
fn an_unknown_language_is_a_usage_error_listing_the_six() {
    let (tmp, _entries) = sample();
    for args in [
        &["build", "--language", "D"][..],
        &["translate", "export", "--to", "de"][..],
    ] {
        let o = run_in(tmp.path(), args);
        assert_eq!(code(&o), 2);
        let err = stderr(&o);
        assert!(
            err.contains("E (English), F (French), S (Spanish), A (Arabic), C (Chinese), R (Russian), or `all`"),
            "{err}"
        );
    }
    let o = run_in(tmp.path(), &["translate", "export", "--to", "E"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("export for another language (F, S, A, C or R)"));
}

#[test]
fn build_all_writes_six_of_each() {
    let (tmp, _entries) = sample();
    let o = run_in(tmp.path(), &["build", "--language", "all"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    for l in ["E", "F", "S", "A", "C", "R"] {
        for f in [
            format!("C18-33-{l}.docx"),
            format!("C18-33-{l}.txt"),
            format!("C18-33-{l}-digest.txt"),
        ] {
            assert!(tmp.path().join("out").join(&f).is_file(), "{f}");
        }
    }
}

/// The six languages rendered side by side write the bytes they write one at a time
/// (`RAYON_NUM_THREADS=1`) and the bytes each language's build alone writes: nothing in a
/// language's outputs depends on the others or on the threads.
#[test]
fn build_all_in_parallel_writes_the_bytes_of_each_language_alone() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    // The shipped translations: every language differs from the English.
    copy_tree(&root().join("entries"), &dir.join("entries"));
    let build = |args: &[&str], threads: &str, out: &str| {
        let o = assert_cmd::Command::cargo_bin("council-report")
            .expect("the binary")
            .current_dir(dir)
            .env("NO_COLOR", "1")
            .env_remove("SOURCE_DATE_EPOCH")
            .env("RAYON_NUM_THREADS", threads)
            .arg("build")
            .args(args)
            .args(["--html", "--out", out])
            .output()
            .expect("the binary runs");
        assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
        crate::common::tree(&dir.join(out))
    };
    let parallel = build(&["--language", "all"], "4", "parallel");
    let outputs = |tree: &std::collections::BTreeMap<String, Vec<u8>>| {
        tree.iter()
            .filter(|(name, _)| name.starts_with("C18-33-"))
            .map(|(name, bytes)| (name.clone(), bytes.clone()))
            .collect::<Vec<_>>()
    };
    let all = outputs(&parallel);
    assert_eq!(all.len(), 6 * 4, "{:?}", parallel.keys());
    let serial = outputs(&build(&["--language", "all"], "1", "serial"));
    assert_eq!(serial.len(), all.len());
    let same_as_all = |what: &str, files: Vec<(String, Vec<u8>)>| {
        assert!(!files.is_empty(), "{what} wrote nothing");
        for (name, bytes) in files {
            assert!(
                parallel.get(&name) == Some(&bytes),
                "{what}: {name} differs"
            );
        }
    };
    same_as_all("one thread", serial);
    for l in ["E", "F", "S", "A", "C", "R"] {
        let alone = build(&["--language", l], "4", &format!("alone-{l}"));
        same_as_all(l, outputs(&alone));
    }
    // And the English of `--language all` is the plain build's.
    same_as_all("build", outputs(&build(&[], "4", "english")));
}

#[test]
fn renumber_keeps_translations_matched() {
    let (tmp, entries) = sample();
    let dir = tmp.path();
    run_ok(dir, &["translate", "export", "--to", "R"]);
    fill_targets(&xlf(&entries, "R"));
    run_ok(dir, &["renumber", "--insert", "2.1"]);
    let text = std::fs::read_to_string(xlf(&entries, "R")).expect("xlf");
    assert!(text.contains("id=\"2.2/2\""), "2.1 became 2.2");
    assert!(!text.contains("id=\"2.1/"), "no id left on the old number");
    // Every translation still matches its English (the one warning: the gap at 2.1).
    let o = run_in(dir, &["check", "--language", "R"]);
    assert_eq!(code(&o), 0);
    let err = stderr(&o);
    assert!(err.contains("0 errors, 1 warning"), "{err}");
    assert!(err.contains("W001"), "{err}");
}

/// Arabic letters (the Arabic block), to tell Arabic runs and lines from Latin ones.
fn is_arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

#[test]
fn the_arabic_docx_runs_right_to_left_and_libreoffice_aligns_it_right() {
    // The shipped Arabic translation: report values, sections 1, 2 to 2.3 and 7.
    let tmp = tempfile::tempdir().expect("tempdir");
    let entries = tmp.path().join("entries");
    copy_tree(&root().join("entries"), &entries);
    run_ok(tmp.path(), &["build", "--language", "A"]);
    let docx = std::fs::read(tmp.path().join("out/C18-33-A.docx")).expect("docx");
    let xml = crate::common::docx_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).expect("xml");
    let w = |n: &roxmltree::Node, name: &str| {
        n.tag_name().namespace() == Some(crate::common::W) && n.tag_name().name() == name
    };
    let body = doc.descendants().find(|n| w(n, "body")).expect("a body");
    let sect = body.children().find(|n| w(n, "sectPr")).expect("sectPr");
    assert!(
        sect.children().any(|n| w(&n, "bidi")),
        "the section is bidi"
    );
    let (mut paragraphs, mut arabic_runs) = (0, 0);
    for p in body.descendants().filter(|n| w(n, "p")) {
        paragraphs += 1;
        let ppr = p.children().find(|n| w(n, "pPr"));
        assert!(
            ppr.is_some_and(|ppr| ppr.children().any(|n| w(&n, "bidi"))),
            "a paragraph without w:bidi: {}",
            crate::common::paragraph_text(p)
        );
        for r in p.descendants().filter(|n| w(n, "r")) {
            let text: String = r
                .descendants()
                .filter(|n| w(n, "t"))
                .filter_map(|t| t.text())
                .collect();
            if is_arabic(&text) {
                arabic_runs += 1;
                let rpr = r.children().find(|n| w(n, "rPr"));
                assert!(
                    rpr.is_some_and(|rpr| rpr.children().any(|n| w(&n, "rtl"))),
                    "an Arabic run without w:rtl: {text}"
                );
            }
        }
    }
    assert!(
        paragraphs > 50 && arabic_runs > 30,
        "{paragraphs} {arabic_runs}"
    );

    // LibreOffice's PDF: Arabic lines end at the right margin, and the short ones (a
    // paragraph's last line) start well right of the left margin.
    let Some(soffice) = soffice() else {
        return;
    };
    let Some(pdftotext) = crate::common::tool("pdftotext", "-v") else {
        return;
    };
    let o = Command::new(&soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            tmp.path().join("lo-profile").display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(tmp.path())
        .arg(tmp.path().join("out/C18-33-A.docx"))
        .output()
        .expect("soffice runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = Command::new(pdftotext)
        .args(["-bbox-layout", "-f", "1", "-l", "2"])
        .arg(tmp.path().join("C18-33-A.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let html = String::from_utf8_lossy(&o.stdout).into_owned();
    let html = html
        .split_once("<body>")
        .map_or(html.as_str(), |(_, b)| b)
        .split("</body>")
        .next()
        .unwrap_or_default()
        .replace("&nbsp;", " ");
    let wrapped = format!("<r>{html}</r>");
    let doc = roxmltree::Document::parse(&wrapped).expect("pdftotext's XHTML");
    let mut lines = Vec::new();
    for line in doc.descendants().filter(|n| n.tag_name().name() == "line") {
        let text: Vec<&str> = line
            .children()
            .filter(|n| n.tag_name().name() == "word")
            .filter_map(|n| n.text())
            .collect();
        let x = |a: &str| line.attribute(a).and_then(|v| v.parse::<f64>().ok());
        if let (Some(min), Some(max)) = (x("xMin"), x("xMax"))
            && is_arabic(&text.concat())
        {
            lines.push((min, max));
        }
    }
    assert!(lines.len() > 30, "{} Arabic lines", lines.len());
    let right = lines.iter().map(|l| l.1).fold(0.0, f64::max);
    let at_right = lines.iter().filter(|l| right - l.1 < 30.0).count();
    assert!(
        at_right * 10 >= lines.len() * 7,
        "{at_right} of {} Arabic lines end at the right margin ({right})",
        lines.len()
    );
    let short_right = lines
        .iter()
        .filter(|l| right - l.1 < 30.0 && l.0 > 200.0)
        .count();
    assert!(
        short_right >= 5,
        "short lines start on the right: {short_right}"
    );
}

/// The status table's columns line up under their headings whatever the length of the
/// translation files' paths (here a long absolute entries folder).
#[test]
fn status_table_columns_line_up_with_long_paths() {
    let (tmp, entries) = sample();
    let dir = tmp.path();
    run_ok(dir, &["translate", "export", "--to", "F"]);
    let long = entries.display().to_string();
    let table = run_ok(dir, &["translate", "status", "--entries", &long]);
    let lines: Vec<&str> = table.lines().skip(1).take(6).collect();
    assert_eq!(lines.len(), 6, "{table}");
    assert!(lines[1].contains(&long), "{table}");
    // Every row ends its `translated` count where the heading `translated` ends.
    let end = lines[0].find("translated").expect("heading") + "translated".len();
    for row in &lines[1..] {
        let before: String = row.chars().take(end).collect();
        assert!(
            before.ends_with(|c: char| c.is_ascii_digit()),
            "column misaligned:\n{table}"
        );
        assert_eq!(row.chars().count(), lines[0].chars().count(), "{table}");
    }
}
