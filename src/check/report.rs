//! Rules on report.toml, turning it into the checked [`Meta`].

use toml::Spanned;

use super::text;
use super::values;
use std::collections::BTreeMap;

use crate::dates::Date;
use crate::diag::{Code, Diagnostic, DisplayPath, InFile, Level, Levels};
use crate::locale::Language;
use crate::markup::{Markup, link_is_allowed};
use crate::model::{Filled, Layout, Logo, Margins, Meta, Period, Revision, Summary};
use crate::raw::shape::{Key, Kind};
use crate::raw::{RawDate, RawLabels, RawLayout, RawReport, RawRevision, is_placeholder};

/// The core-properties author when report.toml names none.
pub const DEFAULT_CREATOR: &str = "International Telecommunication Union";

/// The author of a revision's tracked changes when `[revision]` names none.
pub const DEFAULT_REVISION_AUTHOR: &str = "ITU";

/// Twips per millimetre (1 inch = 1440 twips = 25.4 mm).
const TWIPS_PER_MM: f64 = 1440.0 / 25.4;

/// Checks report.toml, read from the file shown as `path`: its [`Meta`], or `None` when an
/// error makes it unusable. Every rule runs regardless.
pub(super) fn convert(
    cx: &mut InFile<'_>,
    raw: &RawReport,
    path: &DisplayPath,
    logo: Option<Logo>,
) -> Option<Meta> {
    let errors_before = cx.errors();
    let meeting = required(cx, &raw.meeting.name, "meeting.name");
    let place_and_dates = required(cx, &raw.meeting.place_and_dates, "meeting.place_and_dates");
    let d = &raw.document;
    let number = required(cx, &d.number, "document.number").filter(|n| {
        let Filled::Value(n) = n else { return true };
        let ok = n
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/-.()+ ".contains(c));
        if !ok {
            cx.push(
                cx.at(
                    Code::WrongType,
                    format!("`{n}` is not a document number"),
                    d.number.span(),
                )
                .help("document numbers use letters, digits and / - . ( ) +, such as \"C18/33\""),
            );
        }
        ok
    });
    let language = required(cx, &d.language, "document.language").filter(|l| {
        let Filled::Value(l) = l else { return true };
        let ok = l.chars().all(|c| c.is_ascii_alphabetic());
        if !ok {
            cx.push(
                cx.at(
                    Code::WrongType,
                    format!("`{l}` is not a language suffix"),
                    d.language.span(),
                )
                .help("the suffix after the document number: E, F, S, A, C or R"),
            );
        }
        ok
    });
    let date = match d.date.get_ref() {
        RawDate::Date(dt) => {
            values::date(cx, &Spanned::new(d.date.span(), *dt), "date").map(Filled::Value)
        }
        RawDate::Placeholder(p) => {
            let as_string = Spanned::new(d.date.span(), p.clone());
            placeholder(cx, &as_string, "document.date").map(Filled::Placeholder)
        }
    };
    let revision = raw.revision.as_ref().map(|r| {
        revision(
            cx,
            r.get_ref(),
            date.as_ref().and_then(|d| d.value().copied()),
        )
    });
    let language_line = required(cx, &d.language_line, "document.language_line");
    let agenda_item = optional(cx, &d.agenda_item, "agenda_item");
    let source = optional(cx, &d.source, "source");
    let title = required(cx, &d.title, "document.title");
    let creator = optional(cx, &d.creator, "creator").unwrap_or_else(|| DEFAULT_CREATOR.to_owned());
    let mut resolutions = Vec::new();
    for r in &d.resolutions {
        if let Some(n) = values::resolution(cx, r)
            && !resolutions.contains(&n)
        {
            resolutions.push(n);
        }
    }
    let summary = Summary {
        text: boxed(cx, &raw.summary.text, "summary.text"),
        action: raw
            .summary
            .action
            .as_ref()
            .filter(|a| !a.get_ref().trim().is_empty())
            .map(|a| text::marked_up(cx, a)),
        references: boxed(cx, &raw.summary.references, "summary.references"),
    };
    let period = raw.period.as_ref().and_then(|p| {
        let start = values::date(cx, &p.get_ref().start, "start")?;
        let end = values::date(cx, &p.get_ref().end, "end")?;
        if end < start {
            cx.push(
                cx.at(
                    Code::EndBeforeStart,
                    format!("the reporting period ends on {end}, before it starts on {start}"),
                    p.get_ref().end.span(),
                )
                .label("before `start`")
                .help("swap the dates, or correct the one that is wrong"),
            );
            return None;
        }
        Some(Period { start, end })
    });
    let layout = layout(cx, &raw.layout, logo);
    let labels = labels(cx, &raw.labels);
    let levels = levels(cx, &raw.check);

    if cx.errors() > errors_before {
        return None;
    }
    Some(Meta {
        meeting: meeting?,
        place_and_dates: place_and_dates?,
        number: number?,
        language: language?,
        // The header block prints the revision's date.
        date: match &revision {
            Some(r) => Filled::Value(r.as_ref()?.date),
            None => date?,
        },
        revision: revision.flatten(),
        language_line: language_line?,
        agenda_item,
        source,
        title: title?,
        creator,
        resolutions,
        summary,
        period,
        layout: layout?,
        file: path.clone(),
        untranslated: Vec::new(),
        labels,
        levels,
    })
}

/// `[check]`: the level of each warning named (the loader has refused other keys).
fn levels(cx: &mut InFile<'_>, raw: &crate::raw::RawLevels) -> Levels {
    let mut levels = Levels::default();
    for (code, level) in &raw.0 {
        if let Some(l) = values::one_of(cx, level, "level", &Level::ALL, Level::as_str) {
            levels.0.insert(*code, l);
        }
    }
    levels
}

/// `[revision]`: its number, a date not before the document's, and its author.
fn revision(cx: &mut InFile<'_>, raw: &RawRevision, issued: Option<Date>) -> Option<Revision> {
    let number = match u32::try_from(*raw.number.get_ref()) {
        Ok(n) if (1..=99).contains(&n) => Some(n),
        _ => {
            cx.push(
                cx.at(
                    Code::WrongType,
                    format!("`{}` is not a revision number", raw.number.get_ref()),
                    raw.number.span(),
                )
                .help("number revisions from 1 (Rev.1) to 99"),
            );
            None
        }
    };
    let date = values::date(cx, &raw.date, "date").filter(|date| {
        let Some(issued) = issued.filter(|issued| date < issued) else {
            return true;
        };
        cx.push(
            cx.at(
                Code::EndBeforeStart,
                format!("the revision is dated {date}, before the document it revises ({issued})"),
                raw.date.span(),
            )
            .label("before `document.date`")
            .help("give the date the revision is issued; `document.date` stays the date of the issued document"),
        );
        false
    });
    let author = match &raw.author {
        Some(a) => Some(plain(cx, a, "author")?),
        None => Some(DEFAULT_REVISION_AUTHOR.to_owned()),
    };
    Some(Revision {
        number: number?,
        date: date?,
        author: author?,
    })
}

/// `[labels.X]`: each label given replaces the locale table's; one whose built-in
/// wording has a `{}` (where the value goes) must keep it.
fn labels(
    cx: &mut InFile<'_>,
    raw: &RawLabels,
) -> BTreeMap<Language, BTreeMap<&'static str, String>> {
    let mut out = BTreeMap::new();
    for (language, set) in raw.by_language() {
        let Some(set) = set else { continue };
        let mut table = crate::locale::table::labels(language);
        let mut given = BTreeMap::new();
        for (name, value) in set.get_ref().given() {
            text::plain(cx, value);
            let needs_hole = table.field_mut(name).is_some_and(|l| l.contains("{}"));
            if needs_hole && !value.get_ref().contains("{}") {
                cx.push(
                    cx.at(
                        Code::WrongType,
                        format!("the label `{name}` has no `{{}}` for its value"),
                        value.span(),
                    )
                    .help("write `{}` where the value goes, as in the built-in wording"),
                );
                continue;
            }
            given.insert(name, value.get_ref().clone());
        }
        out.insert(language, given);
    }
    out
}

/// A one-line text (its characters and typography checked) that must say something.
fn plain(cx: &mut InFile<'_>, v: &Spanned<String>, key: &str) -> Option<String> {
    text::plain(cx, v);
    values::non_empty(cx, v, key)
}

/// An optional one-line text; empty is the same as absent.
fn optional(cx: &mut InFile<'_>, v: &Option<Spanned<String>>, key: &str) -> Option<String> {
    v.as_ref()
        .filter(|v| !v.get_ref().trim().is_empty())
        .and_then(|v| plain(cx, v, key))
}

/// A placeholder left by `import` is a warning, and the value is let through as such;
/// other rules do not apply to its wording. `None` when `v` is not a placeholder.
fn placeholder(cx: &mut InFile<'_>, v: &Spanned<String>, key: &str) -> Option<String> {
    if !is_placeholder(v.get_ref()) {
        return None;
    }
    text::characters_only(cx, v);
    cx.push(placeholder_left(cx, v.span(), key));
    Some(v.get_ref().trim().to_owned())
}

/// A required one-line value (`key` dotted: `meeting.name`), or its placeholder.
fn required(cx: &mut InFile<'_>, v: &Spanned<String>, key: &str) -> Option<Filled<String>> {
    match placeholder(cx, v, key) {
        Some(p) => Some(Filled::Placeholder(p)),
        None => plain(cx, v, last_part(key)).map(Filled::Value),
    }
}

/// The Summary box's text and References are required: empty, the box says nothing.
fn boxed(cx: &mut InFile<'_>, v: &Spanned<String>, key: &str) -> Filled<Markup> {
    if let Some(p) = placeholder(cx, v, key) {
        return Filled::Placeholder(p);
    }
    values::non_empty(cx, v, last_part(key));
    Filled::Value(text::marked_up(cx, v))
}

/// `name` of `meeting.name`.
fn last_part(key: &str) -> &str {
    key.rsplit('.').next().unwrap_or(key)
}

/// W005 for the placeholder at `span` (of the dotted `key`), with what to write instead.
fn placeholder_left(cx: &InFile<'_>, span: std::ops::Range<usize>, key: &str) -> Diagnostic {
    let example = match crate::raw::shape::at(crate::raw::shape::REPORT, key) {
        Some(k @ Key { hint: Some(h), .. }) => {
            let written = format!("`{} = {}`", k.name, h.example);
            match k.kind {
                Kind::DateOrPlaceholder => format!("{written} (a date, without quotes)"),
                _ => written,
            }
        }
        _ => "the value it stands for".to_owned(),
    };
    cx.at(
        Code::Placeholder,
        format!("`{key}` is still a placeholder"),
        span,
    )
    .label("to fill in")
    .help(format!(
        "replace the placeholder, such as {example}; until then a build is a draft"
    ))
}

fn layout(cx: &mut InFile<'_>, raw: &RawLayout, logo: Option<Logo>) -> Option<Layout> {
    let mut l = Layout::default();
    let mut ok = true;
    if let Some(font) = &raw.font {
        // The name goes into the styles and the theme: XML must be able to hold it.
        let before = cx.errors();
        text::characters_only(cx, font);
        ok = cx.errors() == before;
    }
    let mut bad = |cx: &mut InFile<'_>, span, message: String, help: &str| {
        cx.push(cx.at(Code::WrongType, message, span).help(help.to_owned()));
        ok = false;
    };
    if let Some(font) = &raw.font {
        match Some(font.get_ref().trim()).filter(|f| !f.is_empty()) {
            Some(f) => l.font = f.to_owned(),
            None => bad(
                cx,
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
                cx,
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
                    cx,
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
                    cx,
                    v.span(),
                    format!("tab stop {} mm is not after the previous one", v.get_ref()),
                    "tab stops are millimetres from the left margin, in increasing order",
                ),
            }
        }
        if out.is_empty() {
            bad(
                cx,
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
            text::plain(cx, footer);
            l.footer = Some(f.to_owned());
        } else {
            cx.push(
                cx.at(Code::BadLink, format!("the footer link `{f}` is not a web address"), footer.span())
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
    if let Some(fonts) = &raw.fonts {
        for (language, font) in fonts.get_ref().given() {
            let before = cx.errors();
            text::characters_only(cx, font);
            let name = font.get_ref().trim();
            if name.is_empty() {
                cx.push(
                    cx.at(
                        Code::WrongType,
                        format!("the font of `{language}` is empty"),
                        font.span(),
                    )
                    .help("name an installed font, such as \"SimSun\""),
                );
            }
            if cx.errors() == before {
                l.fonts.insert(language, name.to_owned());
            } else {
                ok = false;
            }
        }
    }
    ok.then_some(l)
}

fn mm_to_twips(mm: f64, max: f64) -> Option<u32> {
    (mm.is_finite() && (0.0..=max).contains(&mm)).then(|| (mm * TWIPS_PER_MM).round() as u32)
}
