//! Rules on one entry file, turning a raw entry into a checked [`Entry`].

use super::drafting;
use super::text;
use super::values;
use crate::dates;
use crate::diag::{Code, DisplayPath, InFile};
use crate::markup::Markup;
use crate::model::{Entry, Event, Meta, Recommendation, Sector, Status};
use crate::number::SectionNumber;
use crate::raw::{RawEntry, RawEvent, RawRecommendation, is_placeholder};

/// Checks one entry, read from the file shown as `path`. Returns the entry, or `None`
/// when an error makes it unusable (the diagnostics say why). Every rule runs regardless,
/// so one pass reports everything wrong with the file.
pub(super) fn convert(
    cx: &mut InFile<'_>,
    raw: &RawEntry,
    path: &DisplayPath,
    meta: Option<&Meta>,
) -> Option<Entry> {
    let errors_before = cx.errors();

    let number = match raw.number.get_ref().trim().parse::<SectionNumber>() {
        Ok(n) => Some(n),
        Err(e) => {
            cx.push(
                cx.at(Code::MalformedNumber, format!("`{}` is not a section number", raw.number.get_ref()), raw.number.span())
                    .label(e.to_string())
                    .help("write 1 to 4 positive integers joined by dots, such as \"2\", \"2.9\" or \"2.17.3\""),
            );
            None
        }
    };
    let id = raw.id.as_ref().and_then(|id| entry_id(cx, id));
    let title = raw.title.as_ref().and_then(|t| {
        text::plain(cx, t);
        drafting::skeleton_value(cx, t, "title");
        values::non_empty(cx, t, "title")
    });
    let sector = raw
        .sector
        .as_ref()
        .and_then(|s| values::one_of(cx, s, "sector", &Sector::ALL, Sector::as_str));
    let mut resolutions = Vec::new();
    for r in raw.resolutions.iter().flatten() {
        let Some(n) = values::resolution(cx, r) else {
            continue;
        };
        if let Some(meta) = meta
            && !meta.resolutions.contains(&n)
        {
            let known: Vec<String> = meta.resolutions.iter().map(u32::to_string).collect();
            cx.push(
                cx.at(Code::UnknownResolution, format!("resolution {n} is not one of this report's resolutions"), r.span())
                    .label(format!("report.toml lists {}", if known.is_empty() { "none".into() } else { known.join(", ") }))
                    .help("use a resolution listed in report.toml's [document] resolutions, or add it there"),
            );
            continue;
        }
        if !resolutions.contains(&n) {
            resolutions.push(n);
        }
    }
    let body = raw
        .text
        .as_ref()
        .map(|t| text::marked_up(cx, t))
        .unwrap_or_default();
    if let Some(t) = raw
        .text
        .as_ref()
        .filter(|t| is_placeholder(t.get_ref().trim_start()))
    {
        cx.push(
            cx.at(
                Code::Placeholder,
                format!(
                    "the text of entry {} is still a placeholder",
                    raw.number.get_ref()
                ),
                t.span(),
            )
            .label("to write")
            .help("write the paragraph in place of the `TODO` text that `new` or `init` left"),
        );
    }
    if let Some(t) = &raw.text {
        drafting::skeleton_sentence(cx, raw.number.get_ref(), t);
    }
    if title.is_none() && body.blocks.is_empty() && raw.title.is_none() {
        cx.push(
            cx.at(
                Code::EmptyEntry,
                format!(
                    "entry {} has neither a title nor a text",
                    raw.number.get_ref()
                ),
                raw.number.span(),
            )
            .help("add `text = \"\"\"…\"\"\"` (or a `title` for a heading), or delete the file"),
        );
    }
    // Only entries that list Recommendations need their words joined up and searched.
    let recommendations = if raw.recommendations.is_empty() {
        Vec::new()
    } else {
        let plain_text = normalise(&body_text(raw, &body));
        raw.recommendations
            .iter()
            .filter_map(|r| recommendation(cx, r.get_ref(), &plain_text))
            .collect()
    };
    let event = raw
        .event
        .as_ref()
        .and_then(|e| event(cx, e.get_ref(), meta));

    if cx.errors() > errors_before {
        return None;
    }
    Some(Entry {
        number: number?,
        id,
        title,
        sector,
        resolutions,
        text: body,
        recommendations,
        event,
        file: path.clone(),
        untranslated_title: false,
    })
}

/// An entry's `id`: letters, digits and `- _ . :`, starting with a letter or digit (as
/// `raw::ID_PATTERN` says), so that it reads the same in a file name, a URL or a message.
fn entry_id(cx: &mut InFile<'_>, id: &toml::Spanned<String>) -> Option<String> {
    let value = id.get_ref();
    if !is_entry_id(value) {
        cx.push(
            cx.at(Code::WrongType, format!("`{value}` is not an entry id"), id.span())
                .help("write letters, digits and - _ . : only, starting with a letter or digit, such as \"sg13-africa-workshop\""),
        );
        return None;
    }
    Some(value.clone())
}

/// Whether `value` is a well-formed entry id.
pub(super) fn is_entry_id(value: &str) -> bool {
    value
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric())
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._:-".contains(c))
}

/// The words a reader sees, for finding Recommendation ids in them.
fn body_text(raw: &RawEntry, body: &Markup) -> String {
    let mut s = body.plain_paragraphs().join("\n");
    if let Some(t) = &raw.title {
        s.push('\n');
        s.push_str(t.get_ref());
    }
    s
}

/// Non-breaking hyphens and spaces count as their plain forms when matching ids.
fn normalise(s: &str) -> String {
    // One search per character (each a vector scan) beats decoding every char.
    if !['\u{2010}', '\u{2011}', '\u{A0}', '\u{202F}']
        .iter()
        .any(|&c| s.contains(c))
    {
        return s.to_owned();
    }
    s.chars()
        .map(|c| match c {
            '\u{2010}' | '\u{2011}' => '-',
            '\u{A0}' | '\u{202F}' => ' ',
            c => c,
        })
        .collect()
}

fn recommendation(
    cx: &mut InFile<'_>,
    r: &RawRecommendation,
    plain_text: &str,
) -> Option<Recommendation> {
    let id = r.id.get_ref().trim();
    let sector = recommendation_sector(id);
    if sector.is_none() {
        cx.push(
            cx.at(Code::MalformedRecommendation, format!("`{id}` is not a Recommendation id"), r.id.span())
                .label("expected the sector, a space, the series letter(s) and the number")
                .help("write it like `ITU-T Y.3071`, `ITU-R M.2083` or `ITU-T G.709/Y.1331`; annexes and amendments stay in the text"),
        );
    } else if !contains_id(plain_text, &normalise(id)) {
        cx.push(
            cx.at(Code::RecommendationNotInText, format!("Recommendation {id} is not mentioned in the entry's text"), r.id.span())
                .label("the text does not contain this id")
                .help("mention it in the text as it is written here, or remove this [[recommendations]] table"),
        );
    }
    text::plain(cx, &r.title);
    if !r.title.get_ref().trim().is_empty() {
        drafting::recommendation_title(cx, id, &r.title);
    }
    let title = values::non_empty(cx, &r.title, "title");
    let status = values::one_of(cx, &r.status, "status", &Status::ALL, Status::as_str);
    Some(Recommendation {
        id: id.to_owned(),
        title: title?,
        status: status?,
        sector: sector?,
    })
}

/// The id occurs as a whole: `ITU-T Y.30` must not match inside `ITU-T Y.3071`.
fn contains_id(text: &str, id: &str) -> bool {
    text.match_indices(id).any(|(at, _)| {
        // `at + id.len()` ends a match, so it is a char boundary; `+ 1` follows a `.`,
        // one byte, so it is one too.
        let next = text[at + id.len()..].chars().next();
        !matches!(next, Some(c) if c.is_ascii_alphanumeric() || c == '.' && text[at + id.len() + 1..].starts_with(|d: char| d.is_ascii_digit()))
    })
}

/// The sector of a well-formed id (`ITU-T Y.3071`, `ITU-T G.709/Y.1331`), else `None`.
pub fn recommendation_sector(id: &str) -> Option<Sector> {
    let id = normalise(id);
    let (prefix, rest) = id.split_once(' ')?;
    let sector = match prefix {
        "ITU-T" => Sector::ItuT,
        "ITU-R" => Sector::ItuR,
        "ITU-D" => Sector::ItuD,
        _ => return None,
    };
    rest.split('/').all(series_number).then_some(sector)
}

/// `Y.3071`, `Y.1545.1`, `BT.2100`: 1 to 3 capital letters, a dot, dot-separated numbers.
fn series_number(s: &str) -> bool {
    let Some((letters, number)) = s.split_once('.') else {
        return false;
    };
    (1..=3).contains(&letters.len())
        && letters.bytes().all(|b| b.is_ascii_uppercase())
        && number
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

fn event(cx: &mut InFile<'_>, e: &RawEvent, meta: Option<&Meta>) -> Option<Event> {
    text::plain(cx, &e.name);
    text::plain(cx, &e.place);
    drafting::skeleton_value(cx, &e.name, "name");
    drafting::skeleton_value(cx, &e.place, "place");
    let name = values::non_empty(cx, &e.name, "name");
    let place = values::non_empty(cx, &e.place, "place");
    let start = values::date(cx, &e.start, "start");
    let end = match &e.end {
        Some(end) => Some(values::date(cx, end, "end")?),
        None => None,
    };
    let start = start?;
    if let (Some(end), Some(end_raw)) = (end, &e.end)
        && end < start
    {
        cx.push(
            cx.at(
                Code::EndBeforeStart,
                format!("the event ends on {end}, before it starts on {start}"),
                end_raw.span(),
            )
            .label("before `start`")
            .help("swap the dates, or correct the one that is wrong"),
        );
        return None;
    }
    if let Some(period) = meta.and_then(|m| m.period) {
        let last = end.unwrap_or(start);
        if start < period.start || last > period.end {
            let (span, when) = if start < period.start || e.end.is_none() {
                (e.start.span(), start)
            } else {
                (e.end.as_ref().map_or(e.start.span(), |x| x.span()), last)
            };
            cx.push(
                cx.at(
                    Code::OutsidePeriod,
                    format!("the event on {when} is outside the reporting period"),
                    span,
                )
                .label(format!(
                    "the period is {}",
                    dates::range(period.start, Some(period.end))
                ))
                .help("check the date, or the [period] in report.toml"),
            );
        }
    }
    Some(Event {
        name: name?,
        place: place?,
        start,
        end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recommendation_ids() {
        for ok in [
            "ITU-T Y.3071",
            "ITU-T Y.1545.1",
            "ITU-R M.2083",
            "ITU-D Q.1",
            "ITU-T G.709/Y.1331",
            "ITU\u{2011}T E.119",
            "ITU-R BT.2100",
        ] {
            assert!(recommendation_sector(ok).is_some(), "{ok}");
        }
        for bad in [
            "Y.3071",
            "ITU-T Y3071",
            "ITU-X Y.1",
            "ITU-T y.1",
            "ITU-T Y.",
            "ITU-T Y.1..2",
            "ITU-T  Y.1",
            "ITU-T J.302 Amd.1",
            "ITU-T ABCD.1",
        ] {
            assert!(recommendation_sector(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn id_matches_whole() {
        assert!(contains_id("approved ITU-T Y.3071, which", "ITU-T Y.3071"));
        assert!(contains_id("approved ITU-T Y.3071.", "ITU-T Y.3071"));
        assert!(!contains_id("approved ITU-T Y.30711", "ITU-T Y.3071"));
        assert!(!contains_id("approved ITU-T Y.3071.1", "ITU-T Y.3071"));
    }
}
