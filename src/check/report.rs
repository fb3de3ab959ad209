//! Rules on report.toml, turning it into the checked [`Meta`].

use toml::Spanned;

use super::text::{self, Field};
use super::values;
use crate::diag::{Code, Diagnostic};
use crate::load::Loaded;
use crate::markup::link_is_allowed;
use crate::model::{Filled, Layout, Logo, Margins, Meta, Period, Summary};
use crate::raw::{RawDate, RawLayout, RawReport, is_placeholder};

/// The core-properties author when report.toml names none.
const DEFAULT_CREATOR: &str = "International Telecommunication Union";

/// Twips per millimetre (1 inch = 1440 twips = 25.4 mm).
const TWIPS_PER_MM: f64 = 1440.0 / 25.4;

pub(super) fn convert(
    loaded: &Loaded<RawReport>,
    src: &str,
    logo: Option<Logo>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Meta> {
    let file = loaded.file.as_str();
    let raw = &loaded.raw;
    let errors_before = diags.iter().filter(|d| d.is_error()).count();
    let plain = |v: &Spanned<String>, key: &str, diags: &mut Vec<Diagnostic>| {
        text::plain(
            Field {
                file,
                src,
                value: v,
            },
            diags,
        );
        values::non_empty(file, v, key, diags)
    };
    let optional = |v: &Option<Spanned<String>>, key: &str, diags: &mut Vec<Diagnostic>| {
        v.as_ref()
            .filter(|v| !v.get_ref().trim().is_empty())
            .and_then(|v| plain(v, key, diags))
    };
    let marked = |v: &Spanned<String>, diags: &mut Vec<Diagnostic>| {
        text::marked_up(
            Field {
                file,
                src,
                value: v,
            },
            diags,
        )
    };

    // A placeholder left by `import` is a warning, and the value is let through as
    // such; other rules do not apply to its wording.
    let placeholder = |v: &Spanned<String>, key: &str, diags: &mut Vec<Diagnostic>| {
        if !is_placeholder(v.get_ref()) {
            return None;
        }
        text::characters_only(
            Field {
                file,
                src,
                value: v,
            },
            diags,
        );
        diags.push(placeholder_left(file, v.span(), key));
        Some(v.get_ref().trim().to_owned())
    };
    let required = |v: &Spanned<String>, key: &str, diags: &mut Vec<Diagnostic>| match placeholder(
        v, key, diags,
    ) {
        Some(p) => Some(Filled::Placeholder(p)),
        None => plain(v, key.rsplit('.').next().unwrap_or(key), diags).map(Filled::Value),
    };

    let meeting = required(&raw.meeting.name, "meeting.name", diags);
    let place_and_dates = required(
        &raw.meeting.place_and_dates,
        "meeting.place_and_dates",
        diags,
    );
    let d = &raw.document;
    let number = required(&d.number, "document.number", diags).filter(|n| {
        let Filled::Value(n) = n else { return true };
        let ok = n
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/-.()+ ".contains(c));
        if !ok {
            diags.push(
                Diagnostic::new(Code::WrongType, format!("`{n}` is not a document number"))
                    .at(file, d.number.span())
                    .help(
                        "document numbers use letters, digits and / - . ( ) +, such as \"C18/33\"",
                    ),
            );
        }
        ok
    });
    let language = required(&d.language, "document.language", diags).filter(|l| {
        let Filled::Value(l) = l else { return true };
        let ok = l.chars().all(|c| c.is_ascii_alphabetic());
        if !ok {
            diags.push(
                Diagnostic::new(Code::WrongType, format!("`{l}` is not a language suffix"))
                    .at(file, d.language.span())
                    .help("the suffix after the document number: E, F, S, A, C or R"),
            );
        }
        ok
    });
    let date = match d.date.get_ref() {
        RawDate::Date(dt) => {
            values::date(file, &Spanned::new(d.date.span(), *dt), "date", diags).map(Filled::Value)
        }
        RawDate::Placeholder(p) => {
            let as_string = Spanned::new(d.date.span(), p.clone());
            placeholder(&as_string, "document.date", diags).map(Filled::Placeholder)
        }
    };
    let language_line = required(&d.language_line, "document.language_line", diags);
    let agenda_item = optional(&d.agenda_item, "agenda_item", diags);
    let source = optional(&d.source, "source", diags);
    let title = required(&d.title, "document.title", diags);
    let creator =
        optional(&d.creator, "creator", diags).unwrap_or_else(|| DEFAULT_CREATOR.to_owned());
    let mut resolutions = Vec::new();
    for r in &d.resolutions {
        if let Some(n) = values::resolution(file, r, diags)
            && !resolutions.contains(&n)
        {
            resolutions.push(n);
        }
    }
    // The Summary box's text and References are required: empty, the box says nothing.
    let boxed = |v: &Spanned<String>, key: &str, diags: &mut Vec<Diagnostic>| {
        if let Some(p) = placeholder(v, key, diags) {
            return Filled::Placeholder(p);
        }
        values::non_empty(file, v, key.rsplit('.').next().unwrap_or(key), diags);
        Filled::Value(marked(v, diags))
    };
    let summary = Summary {
        text: boxed(&raw.summary.text, "summary.text", diags),
        action: raw
            .summary
            .action
            .as_ref()
            .filter(|a| !a.get_ref().trim().is_empty())
            .map(|a| marked(a, diags)),
        references: boxed(&raw.summary.references, "summary.references", diags),
    };
    let period = raw.period.as_ref().and_then(|p| {
        let start = values::date(file, &p.get_ref().start, "start", diags)?;
        let end = values::date(file, &p.get_ref().end, "end", diags)?;
        if end < start {
            diags.push(
                Diagnostic::new(
                    Code::EndBeforeStart,
                    format!("the reporting period ends on {end}, before it starts on {start}"),
                )
                .at(file, p.get_ref().end.span())
                .label("before `start`")
                .help("swap the dates, or correct the one that is wrong"),
            );
            return None;
        }
        Some(Period { start, end })
    });
    let layout = layout(file, src, &raw.layout, logo, diags);

    if diags.iter().filter(|d| d.is_error()).count() > errors_before {
        return None;
    }
    Some(Meta {
        meeting: meeting?,
        place_and_dates: place_and_dates?,
        number: number?,
        language: language?,
        date: date?,
        language_line: language_line?,
        agenda_item,
        source,
        title: title?,
        creator,
        resolutions,
        summary,
        period,
        layout: layout?,
        file: file.to_owned(),
    })
}

/// W005 for the placeholder at `span`, with what to write instead.
fn placeholder_left(file: &str, span: std::ops::Range<usize>, key: &str) -> Diagnostic {
    let example = match key {
        "meeting.name" => "`name = \"Council 2018\"`",
        "meeting.place_and_dates" => "`place_and_dates = \"Geneva, 17-27 April 2018\"`",
        "document.number" => "`number = \"C18/33\"`",
        "document.language" => "`language = \"E\"`",
        "document.date" => "`date = 2018-03-22` (a date, without quotes)",
        "document.language_line" => "`language_line = \"Original: English\"`",
        "document.title" => "`title = \"ITU’s activities related to …\"`",
        "summary.text" => "`text = \"This report summarizes …\"`",
        "summary.references" => {
            "`references = \"Resolution 101 (Rev. Busan, 2014); Document C17/33\"`"
        }
        _ => "the value it stands for",
    };
    Diagnostic::new(Code::Placeholder, format!("`{key}` is still a placeholder"))
        .at(file, span)
        .label("to fill in")
        .help(format!(
            "replace the placeholder left by `import`, such as {example}; until then a build is a draft"
        ))
}

fn layout(
    file: &str,
    src: &str,
    raw: &RawLayout,
    logo: Option<Logo>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Layout> {
    let mut l = Layout::default();
    let mut ok = true;
    if let Some(font) = &raw.font {
        // The name goes into the styles and the theme: XML must be able to hold it.
        let before = diags.len();
        text::characters_only(
            Field {
                file,
                src,
                value: font,
            },
            diags,
        );
        ok = diags.len() == before;
    }
    let mut bad = |span, message: String, help: &str| {
        diags.push(
            Diagnostic::new(Code::WrongType, message)
                .at(file, span)
                .help(help.to_owned()),
        );
        ok = false;
    };
    if let Some(font) = &raw.font {
        match values::non_empty(file, font, "font", &mut Vec::new()) {
            Some(f) => l.font = f,
            None => bad(
                font.span(),
                "`font` is empty".into(),
                "name an installed font, such as \"Calibri\"",
            ),
        }
    }
    if let Some(size) = &raw.font_size {
        match u32::try_from(*size.get_ref()) {
            Ok(s) if (6..=72).contains(&s) => l.font_size_pt = s,
            _ => bad(
                size.span(),
                format!("font size {} is out of range", size.get_ref()),
                "give a size in points from 6 to 72",
            ),
        }
    }
    if let Some(m) = &raw.margins {
        let m = m.get_ref();
        let mut twips = [0u32; 4];
        for (i, v) in [&m.top, &m.right, &m.bottom, &m.left]
            .into_iter()
            .enumerate()
        {
            match mm_to_twips(*v.get_ref(), 100.0) {
                Some(t) => twips[i] = t,
                None => bad(
                    v.span(),
                    format!("margin {} mm is out of range", v.get_ref()),
                    "margins are millimetres from 0 to 100",
                ),
            }
        }
        l.margins = Margins {
            top: twips[0],
            right: twips[1],
            bottom: twips[2],
            left: twips[3],
        };
    }
    if let Some(stops) = &raw.tab_stops {
        let mut out = Vec::new();
        for v in stops.get_ref() {
            match mm_to_twips(*v.get_ref(), 300.0)
                .filter(|t| *t > 0 && out.last().is_none_or(|last| t > last))
            {
                Some(t) => out.push(t),
                None => bad(
                    v.span(),
                    format!("tab stop {} mm is not after the previous one", v.get_ref()),
                    "tab stops are millimetres from the left margin, in increasing order",
                ),
            }
        }
        if out.is_empty() {
            bad(
                stops.span(),
                "`tab_stops` is empty".into(),
                "give at least one tab stop, such as [10, 20, 30]",
            );
        }
        l.tab_stops = out;
    }
    if let Some(footer) = &raw.footer {
        let f = footer.get_ref().trim();
        if f.is_empty() {
            l.footer = None;
        } else if link_is_allowed(f) {
            text::plain(
                Field {
                    file,
                    src,
                    value: footer,
                },
                diags,
            );
            l.footer = Some(f.to_owned());
        } else {
            diags.push(
                Diagnostic::new(Code::BadLink, format!("the footer link `{f}` is not a web address"))
                    .at(file, footer.span())
                    .help("give the full address, such as \"http://www.itu.int/council\", or \"\" for no footer"),
            );
            ok = false;
        }
    }
    l.logo = logo;
    if let Some(b) = &raw.top_level_period {
        l.top_level_period = *b.get_ref();
    }
    if let Some(b) = &raw.references_italic {
        l.references_italic = *b.get_ref();
    }
    ok.then_some(l)
}

fn mm_to_twips(mm: f64, max: f64) -> Option<u32> {
    (mm.is_finite() && (0.0..=max).contains(&mm)).then(|| (mm * TWIPS_PER_MM).round() as u32)
}
