//! A realistic checked report built by hand, in the shape of the sample entries, for the
//! renderer tests (no loader involved).

#![allow(dead_code)]

use council_report::dates::Date;
use council_report::markup::{self, Markup};
use council_report::model::{
    Entry, Event, Filled, Layout, Meta, Period, Recommendation, Report, Sector, Status, Summary,
};

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
        title: title.map(Into::into),
        sector,
        resolutions: res.to_vec(),
        text: text(body),
        recommendations: Vec::new(),
        event: None,
        file: format!(
            "entries/{}/{number}.toml",
            number.split('.').next().unwrap_or("x")
        ),
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

pub fn sample_report() -> Report {
    let meta = Meta {
        meeting: Filled::Value("Council 2018".into()),
        place_and_dates: Filled::Value("Geneva, 17-27 April 2018".into()),
        number: Filled::Value("C18/33".into()),
        language: Filled::Value("E".into()),
        date: Filled::Value(date(2018, 3, 22)),
        language_line: Filled::Value("Original: English".into()),
        agenda_item: Some("PL 2".into()),
        source: Some("Report by the Secretary-General".into()),
        title: Filled::Value(
            "ITU’s activities related to Resolutions 101, 102, 133 and 180".into(),
        ),
        creator: "ITU".into(),
        resolutions: vec![101, 102, 133, 180],
        summary: Summary {
            text: Filled::Value(text(
                "This report gives an account of what ITU has done under Plenipotentiary \
                 Resolutions 101, 102, 133 and 180 (Rev. Busan, 2014).",
            )),
            action: Some(text("The Council is invited to take note of this report.")),
            references: Filled::Value(text(
                "Plenipotentiary Resolutions 101, 102, 133 and 180 (Rev. Busan, 2014); Council Document C17/33",
            )),
        },
        period: Some(Period {
            start: date(2017, 2, 15),
            end: date(2017, 12, 31),
        }),
        layout: Layout::default(),
        file: "entries/report.toml".into(),
    };

    let mut entries = vec![
        entry(
            "1",
            Some("Introduction"),
            None,
            &[],
            "This report covers what ITU has done under the four resolutions since February 2017.",
        ),
        entry(
            "2",
            Some("Activities related to Internet Protocol (IP) networks"),
            None,
            &[101],
            "",
        ),
        entry(
            "2.1",
            None,
            Some(Sector::ItuT),
            &[101],
            "All ITU-T study groups keep working on IP-based networks.\n\n\
             More than 120 texts were approved (see [the list](https://www.itu.int/itu-t/recommendations/)).",
        ),
        entry(
            "2.2",
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
        entry("3", Some("IPv6"), None, &[180], ""),
        entry(
            "3.1",
            None,
            Some(Sector::ItuD),
            &[180],
            "BDT held a workshop on IPv6 security in Nonthaburi, Thailand.",
        ),
        entry(
            "4",
            Some("ENUM"),
            None,
            &[133],
            "ITU-T keeps information on ENUM up to date. Write to [tsbsg2](mailto:tsbsg2@itu.int) or [tsbsg2@itu.int](mailto:tsbsg2@itu.int).",
        ),
    ];
    entries[3].recommendations = vec![
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
    entries[4].event = Some(Event {
        name: "Fifth SG13 Regional Workshop for Africa".into(),
        place: "Cairo, Egypt".into(),
        start: date(2017, 4, 2),
        end: Some(date(2017, 4, 3)),
    });
    entries[5].recommendations = vec![rec(
        "ITU-R M.2083",
        "IMT Vision – Framework and overall objectives of the future development of IMT for 2020 and beyond",
        Status::Revised,
        Sector::ItuR,
    )];
    entries[2].recommendations = vec![rec(
        "ITU-T E.119",
        "Requirements for safety confirmation and broadcast message service for disaster relief",
        Status::Consented,
        Sector::ItuT,
    )];
    entries[8].event = Some(Event {
        name: "ITU ASP CoE Programme on Internet and IPv6 Infrastructure Security".into(),
        place: "Nonthaburi, Thailand".into(),
        start: date(2017, 12, 28),
        end: Some(date(2018, 1, 3)),
    });
    entries[6].event = Some(Event {
        name: "Regional training on IXPs".into(),
        place: "Lima, Peru".into(),
        start: date(2017, 6, 30),
        end: Some(date(2017, 7, 2)),
    });
    entries[2].event = Some(Event {
        name: "ITU IMT-2020/5G Workshop and Demo Day".into(),
        place: "Geneva, Switzerland".into(),
        start: date(2017, 7, 11),
        end: None,
    });

    Report {
        meta,
        entries,
        warnings: vec!["entries/2/2.2.toml:4:12: warning[W010]: two spaces in a row".into()],
    }
}
