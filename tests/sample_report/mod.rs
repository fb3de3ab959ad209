//! The one hand-built checked report the renderer tests share (and `examples/docx.rs --sample`
//! renders): the shape of the reference report's first sections, built in memory, so no
//! loader is involved.
//!
//! It holds everything the renderers have to get right: titled and untitled entries at
//! three depths, a level-1 number jump (2.6 → 2.10), entries with no text, a follow-on
//! paragraph, an entry that opens with a list, a two-level list, bold and italics, links
//! (one with `&` in its URL, an autolink, `mailto:`), U+2011 and U+00A0, sectors,
//! resolutions, Recommendations of three statuses, events (one of a single day, one across
//! a year end), and a warning for the digest.

#![allow(dead_code)]

use council_report::dates::Date;
use council_report::markup::{self, Markup};
use council_report::model::{
    Entry, Event, Filled, ImageFormat, Layout, Logo, Meta, Period, Recommendation, Report, Sector,
    Status, Summary,
};

/// Unix seconds of the document date, 2018-03-22T00:00:00Z.
pub const TIMESTAMP: i64 = 1_521_676_800;

fn text(s: &str) -> Markup {
    let (m, issues) = markup::parse(s);
    assert!(issues.is_empty(), "{issues:?}");
    m
}

fn date(y: u16, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("a real date in the fixture")
}

fn entry(
    number: &str,
    title: Option<&str>,
    sector: Option<Sector>,
    res: &[u32],
    body: &str,
) -> Entry {
    Entry {
        number: number.parse().expect("a valid number in the fixture"),
        id: None,
        title: title.map(Into::into),
        sector,
        resolutions: res.to_vec(),
        text: text(body),
        recommendations: Vec::new(),
        event: None,
        file: format!(
            "entries/{}/{number}.toml",
            number.split('.').next().unwrap_or("x")
        )
        .into(),
        untranslated_title: false,
    }
}

fn rec(id: &str, title: &str, status: Status, sector: Sector) -> Recommendation {
    Recommendation {
        id: id.into(),
        title: title.into(),
        status,
        sector,
    }
}

fn event(name: &str, place: &str, start: Date, end: Option<Date>) -> Option<Event> {
    Some(Event {
        name: name.into(),
        place: place.into(),
        start,
        end,
    })
}

/// The sample report.
pub fn report() -> Report {
    let meta = Meta {
        meeting: Filled::Value("Council 2018".into()),
        place_and_dates: Filled::Value("Geneva, 17-27 April 2018".into()),
        number: Filled::Value("C18/33".into()),
        language: Filled::Value("E".into()),
        date: Filled::Value(date(2018, 3, 22)),
        revision: None,
        language_line: Filled::Value("Original: English".into()),
        agenda_item: Some("PL 2".into()),
        source: Some("Report by the Secretary-General".into()),
        title: Filled::Value(
            "ITU’s activities related to Resolutions 101, 102, 133 and 180".into(),
        ),
        creator: "ITU General Secretariat".into(),
        resolutions: vec![101, 102, 133, 180],
        summary: Summary {
            text: Filled::Value(text(
                "This report gives an account of what ITU has done under Plenipotentiary \
                 Resolutions 101, 102, 133 and 180, all as revised in Busan in 2014.",
            )),
            action: Some(text(
                "The Council is invited to **take note** of this report.",
            )),
            references: Filled::Value(text(
                "Plenipotentiary Resolutions 101, 102, 133 and 180 (Rev. Busan, 2014); \
                 Council Document [C17/33](https://www.itu.int/md/S17-CL-C-0033/en)",
            )),
        },
        period: Some(Period {
            start: date(2017, 2, 15),
            end: date(2017, 12, 31),
        }),
        layout: Layout::default(),
        file: "entries/report.toml".into(),
        untranslated: Vec::new(),
        labels: Default::default(),
        levels: Default::default(),
    };

    let mut entries = vec![
        entry(
            "1",
            Some("Introduction"),
            None,
            &[],
            "This report sets out what ITU has done under Plenipotentiary Conference \
             Resolutions 101, 102, 133 and 180 since February 2017.\n\n\
             Work carried out before that date was reported to Council 2017 in Document C17/33.",
        ),
        entry(
            "2",
            Some(
                "Activities related to Resolution 101 (Rev. Busan, 2014) on Internet Protocol-based networks",
            ),
            None,
            &[101],
            "",
        ),
        entry(
            "2.1",
            None,
            Some(Sector::ItuT),
            &[101],
            "All ITU\u{2011}T study groups continue to work on IP-based networks; see the \
             [ITU\u{2011}T work programme](https://www.itu.int/itu-t/workprog/wp_search.aspx?isn_sp=3&isn_sg=13) \
             and *Recommendation ITU\u{2011}T Y.3071*.\n\n\
             More than 120 texts were approved (see [the list](https://www.itu.int/itu-t/recommendations/)).",
        ),
        entry(
            "2.2",
            None,
            Some(Sector::ItuT),
            &[101, 180],
            "The JCA\u{00a0}IMT2020 met three times and:\n\n\
             - reviewed the roadmap;\n\
             - agreed on liaisons to:\n  - ITU\u{2011}R WP 5D;\n  - 3GPP and IETF;\n\
             - closed its **final** meeting.\n\n\
             Its report is on the [JCA website](https://www.itu.int/en/ITU-T/jca/imt2020/).",
        ),
        entry(
            "2.2.1",
            None,
            Some(Sector::ItuT),
            &[],
            "The Fifth SG13 Regional Workshop for Africa was held in Cairo, Egypt.",
        ),
        entry(
            "2.3",
            None,
            Some(Sector::ItuR),
            &[101],
            "ITU-R approved Recommendation ITU-R M.2083 on the IMT vision.",
        ),
        entry(
            "2.4",
            None,
            Some(Sector::ItuD),
            &[],
            "- a training on IPv6 in Nairobi;\n- a training on IXPs in Lima.",
        ),
        entry(
            "2.5",
            None,
            Some(Sector::ItuT),
            &[101, 180],
            "ITU-T SG13 *approved* **two** Recommendations:\n\n\
             - ITU-T Y.3071, on data aware networking;\n\
             - ITU-T Y.3515, on network as a service, with\n  \
               - its functional architecture;\n\n\
             Work continues on <https://www.itu.int/en/ITU-T/studygroups/>.",
        ),
        entry(
            "2.6",
            Some("ITU\u{2011}T Study Group 9"),
            Some(Sector::ItuT),
            &[],
            "SG9 approved 12 Recommendations.",
        ),
        entry(
            "2.6.1",
            Some("Workshop on cable television"),
            Some(Sector::ItuT),
            &[],
            "A workshop took place in Geneva from 17 to 19 July 2017.",
        ),
        entry(
            "2.6.2",
            None,
            Some(Sector::ItuT),
            &[],
            "A second, shorter meeting followed on 20 July 2017.",
        ),
        entry(
            "2.10",
            None,
            Some(Sector::ItuT),
            &[],
            "ITU\u{2011}T SG15 approved G.709/Y.1331.",
        ),
        entry("3", Some("IPv6"), None, &[180], ""),
        entry(
            "3.1",
            None,
            Some(Sector::ItuD),
            &[180],
            "BDT held a workshop on IPv6 security in Nonthaburi, Thailand, and continued its \
             IPv6 training ([details](mailto:bdt@itu.int)) in three regions.",
        ),
        entry(
            "4",
            Some("ENUM"),
            None,
            &[133],
            "ITU-T keeps information on ENUM up to date. Write to [tsbsg2](mailto:tsbsg2@itu.int) or [tsbsg2@itu.int](mailto:tsbsg2@itu.int).",
        ),
    ];
    let at = |number: &str| {
        entries
            .iter()
            .position(|e| e.number.to_string() == number)
            .expect("an entry of the fixture")
    };
    let (e2_1, e2_2_1, e2_3, e2_4, e2_5, e2_6_1, e3_1) = (
        at("2.1"),
        at("2.2.1"),
        at("2.3"),
        at("2.4"),
        at("2.5"),
        at("2.6.1"),
        at("3.1"),
    );
    entries[e2_1].recommendations = vec![rec(
        "ITU-T E.119",
        "Requirements for safety confirmation and broadcast message service for disaster relief",
        Status::Consented,
        Sector::ItuT,
    )];
    entries[e2_1].event = event(
        "ITU IMT-2020/5G Workshop and Demo Day",
        "Geneva, Switzerland",
        date(2017, 7, 11),
        None,
    );
    entries[e2_2_1].event = event(
        "Fifth SG13 Regional Workshop for Africa",
        "Cairo, Egypt",
        date(2017, 4, 2),
        Some(date(2017, 4, 3)),
    );
    entries[e2_3].recommendations = vec![rec(
        "ITU-R M.2083",
        "IMT Vision – Framework and overall objectives of the future development of IMT for 2020 and beyond",
        Status::Revised,
        Sector::ItuR,
    )];
    entries[e2_4].event = event(
        "Regional training on IXPs",
        "Lima, Peru",
        date(2017, 6, 30),
        Some(date(2017, 7, 2)),
    );
    entries[e2_5].recommendations = vec![
        rec(
            "ITU-T Y.3071",
            "Data Aware Networking (Information Centric Networking) – Requirements and capabilities",
            Status::Approved,
            Sector::ItuT,
        ),
        rec(
            "ITU-T Y.3515",
            "Cloud computing – Functional architecture of Network as a Service",
            Status::Approved,
            Sector::ItuT,
        ),
    ];
    entries[e2_6_1].event = event(
        "Workshop on cable television",
        "Geneva, Switzerland",
        date(2017, 7, 17),
        Some(date(2017, 7, 19)),
    );
    entries[e3_1].event = event(
        "ITU ASP CoE Programme on Internet and IPv6 Infrastructure Security",
        "Nonthaburi, Thailand",
        date(2017, 12, 28),
        Some(date(2018, 1, 3)),
    );

    Report {
        meta,
        entries,
        warnings: vec!["entries/2/2.2.toml:4:12: warning[W010]: two spaces in a row".into()],
        locale: council_report::locale::Locale::default(),
    }
}

/// A 90 × 100 PNG logo (`tests/fixtures/logo.png`).
pub fn logo() -> Logo {
    Logo {
        name: "logo.png".into(),
        bytes: include_bytes!("../fixtures/logo.png").to_vec(),
        format: ImageFormat::Png,
        width_px: 90,
        height_px: 100,
    }
}
