//! The DOCX through the library's public API: the shared sample report
//! ([`crate::sample_report`]) and the sample entries folder rendered, unzipped and read
//! with roxmltree (styles, page setup, first page, body, runs and hyperlinks, package), and
//! the same bytes from one render to the next, across threads and across processes.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;

use crate::common::{W, code, paragraph_text, root, stderr};
use crate::sample_report::{self, TIMESTAMP};
use council_report::model::{Filled, ImageFormat, Logo, Report};
use council_report::render::docx::{DocxOptions, render};

const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn options() -> DocxOptions {
    DocxOptions {
        timestamp: TIMESTAMP,
    }
}

/// The sample entries folder, loaded and checked.
fn sample_entries() -> Report {
    council_report::load_and_check(&root().join("entries"))
        .expect("entries load")
        .report
        .expect("the sample entries have no errors")
}

/// The parts of a DOCX, by path.
fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut data = Vec::new();
        file.read_to_end(&mut data).unwrap();
        out.insert(file.name().to_owned(), data);
    }
    out
}

struct Rendered {
    parts: BTreeMap<String, Vec<u8>>,
}

impl Rendered {
    fn of(report: &Report) -> Self {
        Self {
            parts: unzip(&render(report, &options()).unwrap()),
        }
    }

    fn text(&self, path: &str) -> String {
        String::from_utf8(
            self.parts
                .get(path)
                .unwrap_or_else(|| panic!("no {path}"))
                .clone(),
        )
        .unwrap()
    }

    /// Relationship id → (target, external) of a part's rels.
    fn rels(&self, rels_path: &str) -> BTreeMap<String, (String, bool)> {
        let xml = self.text(rels_path);
        let doc = roxmltree::Document::parse(&xml).unwrap();
        doc.descendants()
            .filter(|n| n.has_tag_name("Relationship"))
            .map(|n| {
                (
                    n.attribute("Id").unwrap().to_owned(),
                    (
                        n.attribute("Target").unwrap().to_owned(),
                        n.attribute("TargetMode") == Some("External"),
                    ),
                )
            })
            .collect()
    }

    /// The part a header/footer reference of the given kind and type points to.
    fn referenced(&self, reference: &str, kind: &str) -> Option<String> {
        let xml = self.text("word/document.xml");
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let rels = self.rels("word/_rels/document.xml.rels");
        doc.descendants()
            .find(|n| n.has_tag_name((W, reference)) && n.attribute((W, "type")) == Some(kind))
            .and_then(|n| n.attribute((R, "id")))
            .and_then(|id| rels.get(id))
            .map(|(target, _)| format!("word/{target}"))
    }
}

fn paragraph_style<'a>(p: roxmltree::Node<'a, '_>) -> Option<&'a str> {
    p.children()
        .find(|n| n.has_tag_name((W, "pPr")))
        .and_then(|ppr| ppr.children().find(|n| n.has_tag_name((W, "pStyle"))))
        .and_then(|s| s.attribute((W, "val")))
}

/// (style, text) of every paragraph of the body, tables included, in order.
fn body_paragraphs(xml: &str) -> Vec<(String, String)> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            (
                paragraph_style(p).unwrap_or("").to_owned(),
                paragraph_text(p),
            )
        })
        .collect()
}

#[test]
fn every_council_style_exists_and_is_used() {
    let r = Rendered::of(&sample_report::report());
    let styles = r.text("word/styles.xml");
    let doc = roxmltree::Document::parse(&styles).unwrap();
    let defined: BTreeMap<&str, &str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "style")))
        .map(|s| {
            let name = s
                .children()
                .find(|n| n.has_tag_name((W, "name")))
                .and_then(|n| n.attribute((W, "val")));
            (s.attribute((W, "styleId")).unwrap(), name.unwrap())
        })
        .collect();
    let expected = [
        ("Normal", "Normal"),
        ("Heading1", "heading 1"),
        ("Heading2", "heading 2"),
        ("Heading3", "heading 3"),
        ("Headingb", "Heading_b"),
        ("Title1", "Title 1"),
        ("Source", "Source"),
        ("enumlev1", "enumlev1"),
        ("enumlev2", "enumlev2"),
        ("Header", "header"),
        ("Footer", "footer"),
        ("Hyperlink", "Hyperlink"),
    ];
    for (id, name) in expected {
        assert_eq!(defined.get(id), Some(&name), "style {id}");
    }
    // Used: as pStyle or rStyle somewhere in the document, headers or footers.
    let mut used = BTreeSet::new();
    for (path, bytes) in &r.parts {
        if path.starts_with("word/") && path.ends_with(".xml") && path != "word/styles.xml" {
            let xml = String::from_utf8(bytes.clone()).unwrap();
            let doc = roxmltree::Document::parse(&xml).unwrap();
            for n in doc.descendants() {
                if n.has_tag_name((W, "pStyle")) || n.has_tag_name((W, "rStyle")) {
                    used.insert(n.attribute((W, "val")).unwrap().to_owned());
                }
            }
        }
    }
    for (id, _) in expected {
        assert!(used.contains(id), "style {id} is never used");
    }
    // Every style used is defined.
    for id in &used {
        assert!(
            defined.contains_key(id.as_str()),
            "{id} used but not defined"
        );
    }
    // The defaults of COUNCIL-FORMAT.md.
    assert!(styles.contains(r#"<w:rFonts w:ascii="Calibri""#));
    assert!(styles.contains(r#"<w:sz w:val="24"/>"#));
    assert!(styles.contains(r#"<w:lang w:val="en-GB""#));
    assert!(styles.contains(r#"<w:tab w:val="left" w:pos="2835"/>"#));
    assert!(styles.contains(r#"<w:spacing w:before="120" w:after="0""#));
}

#[test]
fn page_setup_and_first_page_header_and_footer() {
    let r = Rendered::of(&sample_report::report());
    let xml = r.text("word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let sect = doc
        .descendants()
        .find(|n| n.has_tag_name((W, "sectPr")))
        .unwrap();
    assert!(
        sect.children().any(|n| n.has_tag_name((W, "titlePg"))),
        "titlePg"
    );
    let pg_sz = sect
        .children()
        .find(|n| n.has_tag_name((W, "pgSz")))
        .unwrap();
    assert_eq!(pg_sz.attribute((W, "w")), Some("11907"));
    assert_eq!(pg_sz.attribute((W, "h")), Some("16840"));
    let pg_mar = sect
        .children()
        .find(|n| n.has_tag_name((W, "pgMar")))
        .unwrap();
    for (k, v) in [
        ("top", "1134"),
        ("left", "1134"),
        ("header", "425"),
        ("footer", "709"),
    ] {
        assert_eq!(pg_mar.attribute((W, k)), Some(v), "{k}");
    }

    // The default header: `- PAGE -` and the document number.
    let header = r.referenced("headerReference", "default").unwrap();
    let header_xml = r.text(&header);
    let hdoc = roxmltree::Document::parse(&header_xml).unwrap();
    let instr: String = hdoc
        .descendants()
        .filter(|n| n.has_tag_name((W, "instrText")))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(instr.trim(), "PAGE");
    let lines: Vec<_> = body_paragraphs(&header_xml);
    assert_eq!(
        lines,
        [
            ("Header".into(), "- 1 -".into()),
            ("Header".into(), "C18/33-E".into())
        ]
    );

    // The first page's header is empty.
    let first = r.referenced("headerReference", "first").unwrap();
    assert_ne!(first, header);
    assert!(
        body_paragraphs(&r.text(&first))
            .iter()
            .all(|(_, t)| t.is_empty())
    );

    // The first-page footer: `• URL •`, the URL a hyperlink with an external relationship.
    let footer = r.referenced("footerReference", "first").unwrap();
    let footer_xml = r.text(&footer);
    assert_eq!(
        body_paragraphs(&footer_xml),
        [("Footer".into(), "• http://www.itu.int/council •".into())]
    );
    let fdoc = roxmltree::Document::parse(&footer_xml).unwrap();
    let link = fdoc
        .descendants()
        .find(|n| n.has_tag_name((W, "hyperlink")))
        .unwrap();
    let rels = r.rels(
        &footer
            .replace("word/", "word/_rels/")
            .replace(".xml", ".xml.rels"),
    );
    assert_eq!(
        rels.get(link.attribute((R, "id")).unwrap()),
        Some(&("http://www.itu.int/council".to_string(), true))
    );
    assert!(r.referenced("footerReference", "default").is_none());
}

#[test]
fn first_page_then_entries_in_order() {
    let report = sample_report::report();
    let r = Rendered::of(&report);
    let paragraphs = body_paragraphs(&r.text("word/document.xml"));
    let texts: Vec<&str> = paragraphs.iter().map(|(_, t)| t.as_str()).collect();

    // Header block, source, title, Summary box, in that order.
    let expected_start = [
        "Council 2018",
        "Geneva, 17-27 April 2018",
        "",
        "Agenda item: PL 2",
        "Document C18/33-E",
        "",
        "22 March 2018",
        "",
        "Original: English",
        "Report by the Secretary-General",
        "ITU’S ACTIVITIES RELATED TO RESOLUTIONS 101, 102, 133 AND 180",
        "Summary",
    ];
    assert_eq!(&texts[..expected_start.len()], expected_start);
    let style_of = |text: &str| {
        paragraphs
            .iter()
            .find(|(_, t)| t == text)
            .map(|(s, _)| s.as_str())
    };
    assert_eq!(style_of("Report by the Secretary-General"), Some("Source"));
    assert_eq!(
        style_of("ITU’S ACTIVITIES RELATED TO RESOLUTIONS 101, 102, 133 AND 180"),
        Some("Title1")
    );
    for label in ["Summary", "Action required", "References"] {
        assert_eq!(style_of(label), Some("Headingb"), "{label}");
    }
    let pos = |text: &str| {
        texts
            .iter()
            .position(|t| *t == text)
            .unwrap_or_else(|| panic!("no {text:?}"))
    };
    assert!(pos("Summary") < pos("Action required"));
    assert!(pos("Action required") < pos("____________"));
    assert!(pos("____________") < pos("References"));

    // Every entry number, in order, with its heading style or Normal.
    let numbered: Vec<(&str, &str)> = paragraphs
        .iter()
        .filter_map(|(style, text)| {
            let (number, _) = text.split_once('\t')?;
            (number.chars().next()?.is_ascii_digit()).then_some((number, style.as_str()))
        })
        .collect();
    assert_eq!(
        numbered,
        [
            ("1.", "Heading1"),
            ("2.", "Heading1"),
            ("2.1", "Normal"),
            ("2.2", "Normal"),
            ("2.2.1", "Normal"),
            ("2.3", "Normal"),
            ("2.4", "Normal"),
            ("2.5", "Normal"),
            ("2.6", "Heading2"),
            ("2.6.1", "Heading3"),
            ("2.6.2", "Normal"),
            ("2.10", "Normal"),
            ("3.", "Heading1"),
            ("3.1", "Normal"),
            ("4.", "Heading1"),
        ]
    );
    assert!(texts.contains(&"2.\tActivities related to Resolution 101 (Rev. Busan, 2014) on Internet Protocol-based networks"));
    assert!(texts.contains(&"2.6\tITU\u{2011}T Study Group 9"));
    // A titled entry's text follows un-numbered; an untitled entry's second paragraph too.
    assert_eq!(
        texts[pos("1.\tIntroduction") + 1],
        "This report sets out what ITU has done under Plenipotentiary Conference Resolutions 101, 102, 133 and 180 since February 2017."
    );
    assert!(texts.contains(
        &"Work carried out before that date was reported to Council 2017 in Document C17/33."
    ));
    // The list: enumlev paragraphs with typed marks, no Word numbering.
    let list: Vec<_> = paragraphs
        .iter()
        .filter(|(s, _)| s.starts_with("enumlev"))
        .cloned()
        .collect();
    assert_eq!(
        list,
        [
            ("enumlev1".into(), "–\treviewed the roadmap;".into()),
            ("enumlev1".into(), "–\tagreed on liaisons to:".into()),
            ("enumlev2".into(), "•\tITU\u{2011}R WP 5D;".into()),
            ("enumlev2".into(), "•\t3GPP and IETF;".into()),
            ("enumlev1".into(), "–\tclosed its final meeting.".into()),
            (
                "enumlev1".into(),
                "–\ta training on IPv6 in Nairobi;".into()
            ),
            ("enumlev1".into(), "–\ta training on IXPs in Lima.".into()),
            (
                "enumlev1".into(),
                "–\tITU-T Y.3071, on data aware networking;".into()
            ),
            (
                "enumlev1".into(),
                "–\tITU-T Y.3515, on network as a service, with".into()
            ),
            ("enumlev2".into(), "•\tits functional architecture;".into()),
        ]
    );
    // An entry that opens with a list: its number stands alone, then the items.
    assert_eq!(texts[pos("2.4\t") + 1], "–\ta training on IPv6 in Nairobi;");
    assert!(!r.text("word/document.xml").contains("<w:numPr"));
    assert_eq!(texts.last(), Some(&"__________________"));
    // Characters as typed: NBSP kept, U+2011 written as w:noBreakHyphen.
    let xml = r.text("word/document.xml");
    assert!(texts.contains(&"2.2\tThe JCA\u{a0}IMT2020 met three times and:"));
    assert!(!xml.contains('\u{2011}'));
    assert!(xml.contains("<w:noBreakHyphen/>"));
}

#[test]
fn inline_markup_becomes_runs_and_hyperlinks() {
    let report = sample_report::report();
    let r = Rendered::of(&report);
    let xml = r.text("word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let rels = r.rels("word/_rels/document.xml.rels");

    // Every link of the entries and the Summary box is a hyperlink to an external
    // relationship with that URL, in document order.
    let mut expected: Vec<String> = report
        .meta
        .summary
        .references
        .markup()
        .links()
        .map(str::to_owned)
        .collect();
    for e in &report.entries {
        expected.extend(e.text.links().map(str::to_owned));
    }
    let found: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "hyperlink")))
        .map(|h| {
            let (target, external) = rels.get(h.attribute((R, "id")).unwrap()).unwrap().clone();
            assert!(external);
            let run_style = h
                .descendants()
                .find(|n| n.has_tag_name((W, "rStyle")))
                .and_then(|s| s.attribute((W, "val")));
            assert_eq!(run_style, Some("Hyperlink"));
            target
        })
        .collect();
    assert_eq!(found, expected);
    assert!(expected.iter().any(|u| u.contains('&')));
    // `&` escaped once in the relationship part.
    assert!(
        r.text("word/_rels/document.xml.rels")
            .contains("isn_sp=3&amp;isn_sg=13")
    );
    let ids: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute((R, "id")))
        .filter(|id| id.starts_with("rIdLink"))
        .collect();
    assert!(expected.len() > 4, "{expected:?}");
    let numbered: Vec<String> = (1..=expected.len())
        .map(|i| format!("rIdLink{i}"))
        .collect();
    assert_eq!(ids, numbered);

    // Bold and italic runs; the References text in italics.
    let run_with = |text: &str| {
        doc.descendants()
            .filter(|n| n.has_tag_name((W, "r")))
            .find(|r| paragraph_text(*r) == text)
            .unwrap_or_else(|| panic!("no run {text:?}"))
    };
    let has = |run: roxmltree::Node<'_, '_>, prop: &str| {
        run.children()
            .filter(|n| n.has_tag_name((W, "rPr")))
            .flat_map(|p| p.children())
            .any(|n| n.has_tag_name((W, prop)))
    };
    assert!(has(run_with("take note"), "b"));
    assert!(!has(run_with(" of this report."), "b"));
    assert!(has(run_with("Recommendation ITU\u{2011}T Y.3071"), "i"));
    assert!(has(
        run_with(
            "Plenipotentiary Resolutions 101, 102, 133 and 180 (Rev. Busan, 2014); Council Document "
        ),
        "i"
    ));
}

#[test]
fn summary_box_has_a_border_and_the_header_block_none() {
    let r = Rendered::of(&sample_report::report());
    let xml = r.text("word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let tables: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "tbl")))
        .collect();
    assert_eq!(tables.len(), 2);
    let borders = |t: roxmltree::Node<'_, '_>| -> Vec<(String, String)> {
        t.children()
            .find(|n| n.has_tag_name((W, "tblPr")))
            .and_then(|p| p.children().find(|n| n.has_tag_name((W, "tblBorders"))))
            .map(|b| {
                b.children()
                    .filter(|n| n.is_element())
                    .map(|n| {
                        (
                            n.tag_name().name().to_owned(),
                            n.attribute((W, "val")).unwrap_or("").to_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    assert!(
        borders(tables[0])
            .iter()
            .all(|(_, v)| v == "none" || v == "nil")
    );
    let summary = borders(tables[1]);
    for side in ["top", "left", "bottom", "right"] {
        assert!(
            summary.contains(&(side.to_owned(), "single".to_owned())),
            "{side}: {summary:?}"
        );
    }
}

#[test]
fn layout_settings_override_the_defaults() {
    let mut report = sample_report::report();
    let layout = &mut report.meta.layout;
    layout.font = "Times New Roman".into();
    layout.font_size_pt = 11;
    layout.margins.left = 1418;
    layout.tab_stops = vec![794, 1191, 1588];
    layout.footer = Some("https://www.itu.int/cwg-internet?a=1&b=2".into());
    layout.top_level_period = false;
    layout.references_italic = false;
    layout.logo = Some(sample_report::logo());
    let r = Rendered::of(&report);
    let styles = r.text("word/styles.xml");
    assert!(styles.contains(r#"w:ascii="Times New Roman""#));
    assert!(styles.contains(r#"<w:sz w:val="22"/>"#));
    assert!(styles.contains(r#"<w:tab w:val="left" w:pos="1588"/>"#));
    assert!(!styles.contains(r#"w:pos="567""#));
    assert!(styles.contains(r#"<w:ind w:left="794" w:hanging="794"/>"#));
    let xml = r.text("word/document.xml");
    assert!(xml.contains(r#"w:left="1418""#));
    let texts: Vec<String> = body_paragraphs(&xml).into_iter().map(|(_, t)| t).collect();
    assert!(texts.contains(&"1\tIntroduction".to_owned()));
    assert!(texts.contains(&"2.6\tITU\u{2011}T Study Group 9".to_owned()));
    // References no longer in italics (the `*…*` of an entry still is).
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let italic_texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "r")))
        .filter(|r| r.descendants().any(|n| n.has_tag_name((W, "i"))))
        .map(paragraph_text)
        .collect();
    assert_eq!(
        italic_texts,
        ["Recommendation ITU\u{2011}T Y.3071", "approved"]
    );
    let footer = r.referenced("footerReference", "first").unwrap();
    let rels = r.text(
        &footer
            .replace("word/", "word/_rels/")
            .replace(".xml", ".xml.rels"),
    );
    assert!(rels.contains("https://www.itu.int/cwg-internet?a=1&amp;b=2"));

    // The logo: in the right cell of row 1, 1.8 cm wide, aspect ratio kept.
    assert_eq!(
        r.parts.get("word/media/logo.png").map(Vec::len),
        Some(sample_report::logo().bytes.len())
    );
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let first_row = doc
        .descendants()
        .find(|n| n.has_tag_name((W, "tr")))
        .unwrap();
    let cells: Vec<_> = first_row
        .children()
        .filter(|n| n.has_tag_name((W, "tc")))
        .collect();
    let extent = cells[1]
        .descendants()
        .find(|n| n.tag_name().name() == "extent")
        .unwrap();
    assert_eq!(extent.attribute("cx"), Some("648000"));
    assert_eq!(extent.attribute("cy"), Some("720000"));
    let blip = cells[1]
        .descendants()
        .find(|n| n.tag_name().name() == "blip")
        .unwrap();
    let rid = blip.attribute((R, "embed")).unwrap();
    assert_eq!(
        r.rels("word/_rels/document.xml.rels").get(rid),
        Some(&("media/logo.png".to_owned(), false))
    );
    assert!(r.text("[Content_Types].xml").contains(r#"Extension="png""#));

    // No footer at all when none is set.
    report.meta.layout.footer = None;
    let r = Rendered::of(&report);
    assert!(r.referenced("footerReference", "first").is_none());
}

#[test]
fn optional_lines_are_omitted() {
    let mut report = sample_report::report();
    report.meta.agenda_item = None;
    report.meta.source = None;
    report.meta.summary.action = None;
    report.meta.language_line = Filled::Value("English only".into());
    let r = Rendered::of(&report);
    let texts: Vec<String> = body_paragraphs(&r.text("word/document.xml"))
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        &texts[..11],
        [
            "Council 2018",
            "Geneva, 17-27 April 2018",
            "",
            "",
            "Document C18/33-E",
            "",
            "22 March 2018",
            "",
            "English only",
            "ITU’S ACTIVITIES RELATED TO RESOLUTIONS 101, 102, 133 AND 180",
            "Summary",
        ]
    );
    for absent in ["Report by the Secretary-General", "Action required"] {
        assert!(!texts.iter().any(|t| t == absent), "{absent}");
    }
    assert!(!texts.iter().any(|t| t.starts_with("Agenda item")));
}

#[test]
fn jpeg_logo_is_declared() {
    let mut report = sample_report::report();
    report.meta.layout.logo = Some(Logo {
        format: ImageFormat::Jpeg,
        name: "logo.jpg".into(),
        ..sample_report::logo()
    });
    let r = Rendered::of(&report);
    assert!(r.parts.contains_key("word/media/logo.jpeg"));
    assert!(
        r.text("[Content_Types].xml")
            .contains(r#"ContentType="image/jpeg" Extension="jpeg""#)
    );
}

#[test]
fn core_properties() {
    let r = Rendered::of(&sample_report::report());
    let core = r.text("docProps/core.xml");
    assert!(core.contains(
        "<dc:title>ITU’s activities related to Resolutions 101, 102, 133 and 180</dc:title>"
    ));
    assert!(core.contains("<dc:creator>ITU General Secretariat</dc:creator>"));
    assert!(core.contains(
        r#"<dcterms:created xsi:type="dcterms:W3CDTF">2018-03-22T00:00:00Z</dcterms:created>"#
    ));
    assert!(core.contains(
        r#"<dcterms:modified xsi:type="dcterms:W3CDTF">2018-03-22T00:00:00Z</dcterms:modified>"#
    ));
    let mut report = sample_report::report();
    report.meta.title = Filled::Value("A & B <C>".into());
    let core = Rendered::of(&report).text("docProps/core.xml");
    assert!(core.contains("<dc:title>A &amp; B &lt;C&gt;</dc:title>"));
}

#[test]
fn deterministic_within_one_process() {
    let report = sample_report::report();
    let first = render(&report, &options()).unwrap();
    // Another document in between moves docx-rs's global counters.
    let mut other = sample_report::report();
    other.entries.truncate(3);
    other.meta.layout.logo = Some(sample_report::logo());
    render(&other, &options()).unwrap();
    let second = render(&report, &options()).unwrap();
    assert!(first == second, "two renders of the same report differ");
    // And from another thread.
    let third = std::thread::spawn(move || render(&report, &options()).unwrap())
        .join()
        .unwrap();
    assert!(first == third, "a render on another thread differs");
}

#[test]
fn zip_entries_have_fixed_times_and_parts_of_1_kb_or_more_are_deflated() {
    let bytes = render(&sample_report::report(), &options()).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let names: Vec<String> = archive.file_names().map(str::to_owned).collect();
    assert_eq!(names[0], "[Content_Types].xml");
    assert!(names.contains(&"word/theme/theme1.xml".to_owned()));
    for i in 0..archive.len() {
        let file = archive.by_index(i).unwrap();
        // Smaller parts are stored: deflating them saves little and costs a stream each.
        let method = if file.size() >= 1024 {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        assert_eq!(file.compression(), method, "{}", file.name());
        let t = file.last_modified().unwrap();
        assert_eq!(
            (t.year(), t.month(), t.day()),
            (2018, 3, 22),
            "{}",
            file.name()
        );
        assert_eq!(file.unix_mode(), Some(0o100644), "{}", file.name());
    }
    // Every part is well-formed, and document-order children follow the schema.
    for (path, data) in unzip(&bytes) {
        if path.ends_with(".xml") || path.ends_with(".rels") {
            let text = String::from_utf8(data).unwrap();
            roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert!(!text.contains("</w:rPr><w:jc"), "{path}: rPr before jc");
        }
    }
}

#[test]
fn sample_entries_render_in_order_with_their_links() {
    let report = sample_entries();
    let options = DocxOptions {
        timestamp: council_report::build::timestamp(&report, None),
    };
    let docx = render(&report, &options).unwrap();
    let xml = crate::common::docx_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(paragraph_text)
        .collect();

    // Every entry number, in section-number order, typed before a tab.
    let layout = &report.meta.layout;
    let expected: Vec<String> = report
        .entries
        .iter()
        .map(|e| {
            let n = e.number.to_string();
            if e.number.depth() == 1 && layout.top_level_period {
                n + "."
            } else {
                n
            }
        })
        .collect();
    let found: Vec<String> = texts
        .iter()
        .filter_map(|t| t.split_once('\t').map(|(n, _)| n.to_owned()))
        .filter(|n| n.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .collect();
    assert_eq!(found, expected);
    // Titles are there, after their numbers.
    for (e, n) in report.entries.iter().zip(&expected) {
        if let Some(title) = &e.title {
            assert!(
                texts.contains(&format!("{n}\t{title}")),
                "heading {n} {title}"
            );
        }
    }
    assert!(texts.contains(&report.meta.title.as_str().to_uppercase()));

    // Every link of the entries is a hyperlink with an external relationship.
    let rels_xml = crate::common::docx_part(&docx, "word/_rels/document.xml.rels");
    let rels_doc = roxmltree::Document::parse(&rels_xml).unwrap();
    let rels: BTreeMap<&str, (&str, Option<&str>)> = rels_doc
        .descendants()
        .filter(|n| n.has_tag_name("Relationship"))
        .map(|n| {
            (
                n.attribute("Id").unwrap(),
                (n.attribute("Target").unwrap(), n.attribute("TargetMode")),
            )
        })
        .collect();
    let targets: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "hyperlink")) && n.attribute((W, "anchor")).is_none())
        .map(|h| {
            let (target, mode) = rels[h.attribute((R, "id")).unwrap()];
            assert_eq!(mode, Some("External"));
            target
        })
        .collect();
    let summary_text = report.meta.summary.text.markup();
    let references = report.meta.summary.references.markup();
    let mut links: Vec<&str> = summary_text.links().collect();
    if let Some(action) = &report.meta.summary.action {
        links.extend(action.links());
    }
    links.extend(references.links());
    for e in &report.entries {
        links.extend(e.text.links());
    }
    assert_eq!(targets, links);

    // Every cross-reference is an internal link to the bookmark on its entry, and every
    // entry has one.
    let bookmarks: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "bookmarkStart")))
        .filter_map(|n| n.attribute((W, "name")))
        .collect();
    assert_eq!(bookmarks.len(), report.entries.len());
    let anchors: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute((W, "anchor")))
        .collect();
    let refs: Vec<String> = report
        .entries
        .iter()
        .flat_map(|e| e.text.refs())
        .map(|n| format!("entry_{}", n.to_string().replace('.', "_")))
        .collect();
    assert!(!refs.is_empty(), "the sample has a cross-reference");
    assert_eq!(anchors, refs);
    assert!(anchors.iter().all(|a| bookmarks.contains(a)));
}

/// `build` in processes of its own writes the bytes this process renders: nothing in the
/// output depends on a process (global counters, hash seeds, addresses) or on how many
/// threads write the entries (`RAYON_NUM_THREADS`: one, the default, more than cores).
#[test]
fn same_bytes_in_other_processes_and_thread_counts() {
    let report = sample_entries();
    let here = render(
        &report,
        &DocxOptions {
            timestamp: council_report::build::timestamp(&report, None),
        },
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (name, threads) in [
        ("a", None),
        ("b", None),
        ("one", Some("1")),
        ("three", Some("3")),
    ] {
        let out = dir.path().join(name);
        let mut command = assert_cmd::Command::cargo_bin("council-report").unwrap();
        command
            .current_dir(root())
            .env_remove("SOURCE_DATE_EPOCH")
            .env_remove("RAYON_NUM_THREADS")
            .args(["build", "--out", &out.to_string_lossy()]);
        if let Some(n) = threads {
            command.env("RAYON_NUM_THREADS", n);
        }
        let o = command.output().unwrap();
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        let built = std::fs::read(out.join("C18-33-E.docx")).unwrap();
        assert!(
            built == here,
            "process {name} wrote other bytes than this render"
        );
    }
}

/// Every part is referenced by a relationship and has a content type (an override or its
/// extension's default); nothing else is in the package. The font table lists the fonts
/// the document uses, the app properties name the program, and the settings carry no
/// East Asian layout options.
#[test]
fn package_holds_referenced_parts_each_with_its_content_type() {
    let mut report = sample_report::report();
    report.meta.layout.logo = Some(sample_report::logo());
    let r = Rendered::of(&report);

    let types_xml = r.text("[Content_Types].xml");
    let types = roxmltree::Document::parse(&types_xml).unwrap();
    let overrides: BTreeSet<String> = types
        .descendants()
        .filter(|n| n.has_tag_name("Override"))
        .map(|n| {
            n.attribute("PartName")
                .unwrap()
                .trim_start_matches('/')
                .to_owned()
        })
        .collect();
    let defaults: BTreeSet<&str> = types
        .descendants()
        .filter(|n| n.has_tag_name("Default"))
        .map(|n| n.attribute("Extension").unwrap())
        .collect();
    for path in r.parts.keys() {
        if path != "[Content_Types].xml" {
            let ext = path.rsplit('.').next().unwrap();
            assert!(
                overrides.contains(path) || (defaults.contains(ext) && ext != "xml"),
                "{path} has no content type of its own"
            );
        }
    }
    for part in &overrides {
        assert!(r.parts.contains_key(part), "{part} declared but absent");
    }

    // What the relationships reference, from the package and from each part.
    let mut referenced = BTreeSet::new();
    for (path, _) in r.parts.iter().filter(|(p, _)| p.ends_with(".rels")) {
        let dir = path
            .trim_end_matches(".rels")
            .rsplit_once("_rels/")
            .map(|(base, _)| base.to_owned())
            .unwrap();
        let source = path.trim_end_matches(".rels").replace("_rels/", "");
        assert!(
            source.is_empty() || r.parts.contains_key(&source),
            "{path} belongs to no part"
        );
        for (target, external) in r.rels(path).into_values() {
            if !external {
                // `../customXml/item1.xml` from `word/`: the path inside the package.
                let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
                for step in target.split('/') {
                    match step {
                        ".." => {
                            parts.pop();
                        }
                        s => parts.push(s),
                    }
                }
                referenced.insert(parts.join("/"));
            }
        }
    }
    for path in r.parts.keys() {
        if path != "[Content_Types].xml" && !path.ends_with(".rels") {
            assert!(referenced.contains(path), "{path} is referenced by nothing");
        }
    }
    assert!(
        r.parts.keys().all(|p| !p.contains("comments")
            && !p.contains("footnotes")
            && !p.contains("numbering")
            && (!p.contains("custom") || p.starts_with("customXml/"))),
        "{:?}",
        r.parts.keys()
    );

    let fonts_xml = r.text("word/fontTable.xml");
    let fonts = roxmltree::Document::parse(&fonts_xml).unwrap();
    let names: Vec<&str> = fonts
        .descendants()
        .filter(|n| n.has_tag_name((W, "font")))
        .map(|n| n.attribute((W, "name")).unwrap())
        .collect();
    assert_eq!(names, ["Calibri"]);
    report.meta.layout.font = "Times New Roman".into();
    assert!(
        Rendered::of(&report)
            .text("word/fontTable.xml")
            .contains(r#"<w:font w:name="Times New Roman">"#)
    );

    let app = r.text("docProps/app.xml");
    assert!(app.contains("<Application>council-report</Application>"));
    let version = app
        .split_once("<AppVersion>")
        .and_then(|(_, rest)| rest.split_once("</AppVersion>"))
        .map(|(v, _)| v)
        .expect("an AppVersion");
    let (major, minor) = version.split_once('.').expect("XX.YYYY");
    assert_eq!((major.len(), minor.len()), (2, 4), "{version}");
    assert!(version.bytes().all(|b| b.is_ascii_digit() || b == b'.'));

    let settings = r.text("word/settings.xml");
    assert!(settings.contains(r#"w:name="compatibilityMode""#));
    for east_asian in [
        "useFELayout",
        "balanceSingleByteDoubleByteWidth",
        "spaceForUL",
        "doNotLeaveBackslashAlone",
        "ulTrailSpace",
        "doNotExpandShiftReturn",
    ] {
        assert!(!settings.contains(east_asian), "{east_asian}");
    }
}
