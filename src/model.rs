//! The checked report: what renderers read. The only way to get a [`Report`] is through
//! [`crate::check::check`], so every value here has been validated; renderers neither see
//! TOML nor re-check anything.

use serde::Serialize;

use crate::dates::Date;
use crate::markup::Markup;
use crate::number::SectionNumber;

/// A whole report, entries in section-number order.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub meta: Meta,
    pub entries: Vec<Entry>,
    /// One line per warning `check` raised (`entries/2/2.7.toml:3:5: W002 …`), for the digest.
    pub warnings: Vec<String>,
}

/// Everything `report.toml` says about the report as a whole.
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    /// `Council 2018`
    pub meeting: String,
    /// `Geneva, 17-27 April 2018`
    pub place_and_dates: String,
    /// `C18/33`
    pub number: String,
    /// `E`
    pub language: String,
    pub date: Date,
    /// `Original: English` or `English only`
    pub language_line: String,
    /// `PL 2`
    pub agenda_item: Option<String>,
    /// `Report by the Secretary-General`
    pub source: Option<String>,
    /// As written in report.toml; renderers print it in capitals.
    pub title: String,
    /// The core-properties author of the DOCX.
    pub creator: String,
    pub resolutions: Vec<u32>,
    pub summary: Summary,
    pub period: Option<Period>,
    pub layout: Layout,
}

impl Meta {
    /// `C18/33-E`: the number as the first page and the running header print it.
    pub fn full_number(&self) -> String {
        format!("{}-{}", self.number, self.language)
    }

    /// `C18-33-E`: the stem of the output files (a `/` cannot be in a file name).
    pub fn file_stem(&self) -> String {
        self.full_number()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                    c
                } else {
                    '-'
                }
            })
            .collect()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub text: Markup,
    pub action: Option<Markup>,
    pub references: Markup,
}

/// The reporting period; event dates lie inside it.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Period {
    pub start: Date,
    pub end: Date,
}

/// Page and typography settings, defaults from COUNCIL-FORMAT.md. Lengths in twips
/// (1/20 pt; 567 twips = 1 cm), font sizes in points.
#[derive(Debug, Clone, Serialize)]
pub struct Layout {
    pub font: String,
    pub font_size_pt: u32,
    pub margins: Margins,
    /// Header and footer distances from the page edge.
    pub header_distance: u32,
    pub footer_distance: u32,
    /// Tab stops of Normal; the first is also the hanging indent of headings.
    pub tab_stops: Vec<u32>,
    /// The first-page footer link; `None` for no footer.
    pub footer: Option<String>,
    pub logo: Option<Logo>,
    /// Level-1 numbers carry a period (`2.<TAB>Activities…`), as the reference report does.
    pub top_level_period: bool,
    /// The References text of the Summary box in italics.
    pub references_italic: bool,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Margins {
    pub top: u32,
    pub right: u32,
    pub bottom: u32,
    pub left: u32,
}

impl Default for Layout {
    fn default() -> Self {
        Self {
            font: "Calibri".into(),
            font_size_pt: 12,
            margins: Margins {
                top: 1134,
                right: 1134,
                bottom: 1134,
                left: 1134,
            },
            header_distance: 425,
            footer_distance: 709,
            tab_stops: vec![567, 1134, 1701, 2268, 2835],
            footer: Some("http://www.itu.int/council".into()),
            logo: None,
            top_level_period: true,
            references_italic: true,
        }
    }
}

/// A logo image read (and checked) from inside the entries folder.
#[derive(Clone, Serialize)]
pub struct Logo {
    /// File name inside the DOCX (`logo.png`).
    pub name: String,
    #[serde(skip)]
    pub bytes: Vec<u8>,
    pub format: ImageFormat,
    /// Pixel size, for the aspect ratio.
    pub width_px: u32,
    pub height_px: u32,
}

impl std::fmt::Debug for Logo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Logo({}, {} bytes, {}x{})",
            self.name,
            self.bytes.len(),
            self.width_px,
            self.height_px
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageFormat {
    Png,
    Jpeg,
}

/// One numbered item of the report.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub number: SectionNumber,
    /// A titled entry is a heading (`3<TAB>IPv6`); its text follows un-numbered.
    pub title: Option<String>,
    pub sector: Option<Sector>,
    pub resolutions: Vec<u32>,
    pub text: Markup,
    pub recommendations: Vec<Recommendation>,
    pub event: Option<Event>,
    /// The file it came from, relative to the working directory (for tools and messages).
    pub file: String,
}

impl Entry {
    pub fn is_heading(&self) -> bool {
        self.title.is_some()
    }
}

/// Who did the work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Sector {
    #[serde(rename = "ITU-T")]
    ItuT,
    #[serde(rename = "ITU-R")]
    ItuR,
    #[serde(rename = "ITU-D")]
    ItuD,
    /// The General Secretariat.
    #[serde(rename = "GS")]
    Gs,
}

impl Sector {
    pub const ALL: [Sector; 4] = [Sector::ItuT, Sector::ItuR, Sector::ItuD, Sector::Gs];

    pub fn as_str(self) -> &'static str {
        match self {
            Sector::ItuT => "ITU-T",
            Sector::ItuR => "ITU-R",
            Sector::ItuD => "ITU-D",
            Sector::Gs => "GS",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// A Recommendation the entry reports on.
#[derive(Debug, Clone, Serialize)]
pub struct Recommendation {
    /// `ITU-T Y.3071`
    pub id: String,
    pub title: String,
    pub status: Status,
    /// The sector of the id's prefix.
    pub sector: Sector,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Approved,
    Consented,
    Revised,
    Started,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Approved,
        Status::Consented,
        Status::Revised,
        Status::Started,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Approved => "approved",
            Status::Consented => "consented",
            Status::Revised => "revised",
            Status::Started => "started",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// A workshop, meeting or forum the entry reports on.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub name: String,
    pub place: String,
    pub start: Date,
    /// `None` for a one-day event.
    pub end: Option<Date>,
}

impl Event {
    /// `17 to 19 July 2017`
    pub fn dates(&self) -> String {
        crate::dates::range(self.start, self.end)
    }
}
