//! Structured facts guessed from the wording of an entry: the Recommendations it reports
//! (`ITU-T Y.3071 “title”` in a sentence that says what happened to it), the event it
//! describes (a name, a place and dates in one phrase) and the sector that did the work.
//!
//! Every guess is conservative: a wrong fact in a deliverable is worse than a missing one
//! the drafter adds, so when the sentence does not say (no status word, two events, a
//! name that is not clearly the subject), nothing is guessed.

use super::{Block, FoundEvent, FoundRecommendation, ImportedEntry};
use crate::check::recommendation_sector;
use crate::dates::Date;
use crate::model::{Sector, Status};

/// Fills in the sector, Recommendations and event of `entry` from its text.
pub fn facts(entry: &mut ImportedEntry) {
    let owned: Vec<String> = entry
        .blocks
        .iter()
        .map(|b| match b {
            Block::Para(t) | Block::Item(_, t) => t.visible(),
        })
        .collect();
    let texts: Vec<&str> = owned.iter().map(String::as_str).collect();
    entry.sector = texts.first().and_then(|t| sector(t));
    for t in &texts {
        for r in recommendations(t) {
            if !entry.recommendations.iter().any(|x| x.id == r.id) {
                entry.recommendations.push(r);
            }
        }
    }
    let events: Vec<(usize, Pair)> = texts
        .iter()
        .enumerate()
        .flat_map(|(i, t)| pairs(t).into_iter().map(move |p| (i, p)))
        .collect();
    // One event per entry: with two date-and-place phrases, which one is "the" event?
    if let [(i, pair)] = events.as_slice() {
        entry.event = event(texts[*i], pair);
    }
}

/// The sector named in the first words of a paragraph (`ITU-T SG13 approved …`,
/// `The new ITU-T JCA …`, `BDT continues …`), when its first sentence names no other.
pub fn sector(text: &str) -> Option<Sector> {
    let first_sentence = &text[..sentence_end(text, 0)];
    let found: Vec<Sector> = first_sentence
        .split_whitespace()
        .filter_map(sector_word)
        .collect();
    let lead = text.split_whitespace().take(4).find_map(sector_word)?;
    found.iter().all(|s| *s == lead).then_some(lead)
}

fn sector_word(word: &str) -> Option<Sector> {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\u{2011}')
        .replace('\u{2011}', "-");
    let w = w.trim_end_matches("’s").trim_end_matches("'s");
    match w {
        "ITU-T" | "TSB" | "TSAG" => Some(Sector::ItuT),
        "ITU-R" | "BR" | "RAG" => Some(Sector::ItuR),
        "ITU-D" | "BDT" | "TDAG" => Some(Sector::ItuD),
        _ => None,
    }
}

/// Recommendations cited with their title in quotes, whose sentence gives a status.
pub fn recommendations(text: &str) -> Vec<FoundRecommendation> {
    let mut out: Vec<FoundRecommendation> = Vec::new();
    for (at, _) in text.match_indices("ITU") {
        if text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let rest = &text[at..];
        let prefix_len = [
            "ITU-T ",
            "ITU-R ",
            "ITU-D ",
            "ITU\u{2011}T ",
            "ITU\u{2011}R ",
            "ITU\u{2011}D ",
        ]
        .iter()
        .find(|p| rest.starts_with(*p))
        .map(|p| p.len());
        let Some(prefix_len) = prefix_len else {
            continue;
        };
        let after = &rest[prefix_len..];
        let token_end = after
            .find(|c: char| c.is_whitespace() || "“”\"',;:()[]".contains(c))
            .unwrap_or(after.len());
        let token = after[..token_end].trim_end_matches('.');
        let id = format!("ITU-{} {token}", &rest[prefix_len - 2..prefix_len - 1]);
        if recommendation_sector(&id).is_none() {
            continue;
        }
        let tail_full = &after[token.len()..];
        let tail = tail_full.trim_start_matches([' ', '\u{A0}']);
        let Some(open) = tail.chars().next().filter(|c| *c == '“' || *c == '"') else {
            continue;
        };
        let inner = &tail[open.len_utf8()..];
        let Some(close) = inner.find(['”', '"']) else {
            continue;
        };
        let title = inner[..close].trim();
        if title.is_empty() {
            continue;
        }
        let title_end = text.len() - inner.len() + close;
        if let Some(status) = status(text, at, title_end)
            && !out.iter().any(|r| r.id == id)
        {
            out.push(FoundRecommendation {
                id,
                title: title.to_owned(),
                status,
            });
        }
    }
    out
}

/// What the sentence says happened: the nearest status word before the id, else the
/// only one after its title (`… “title” was approved by SG2`).
fn status(text: &str, id_at: usize, title_end: usize) -> Option<Status> {
    const WORDS: [(&str, Status); 7] = [
        ("started new work", Status::Started),
        ("started revision", Status::Started),
        ("started work", Status::Started),
        ("approved", Status::Approved),
        ("consented", Status::Consented),
        ("revised", Status::Revised),
        ("revision of", Status::Started),
    ];
    let start = sentence_start(text, id_at);
    let end = sentence_end(text, title_end);
    let before = text[start..id_at].to_lowercase();
    let nearest = WORDS
        .iter()
        .filter_map(|(w, s)| before.rfind(w).map(|at| (at + w.len(), *s)))
        .max_by_key(|(at, _)| *at);
    if let Some((_, s)) = nearest {
        return Some(s);
    }
    let after = text[title_end.min(end)..end].to_lowercase();
    let mut found: Vec<Status> = WORDS
        .iter()
        .filter(|(w, _)| after.contains(w))
        .map(|(_, s)| *s)
        .collect();
    found.dedup();
    match found.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The byte where the sentence holding `at` starts: after the last `. ` that is followed
/// by a capital, a quote or a digit, else the start of the text.
fn sentence_start(text: &str, at: usize) -> usize {
    let head = &text[..at];
    head.match_indices(". ")
        .filter(|(i, _)| {
            text[i + 2..]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "“\"".contains(c))
        })
        .map(|(i, _)| i + 2)
        .last()
        .unwrap_or(0)
}

/// The byte after the sentence holding `from`.
fn sentence_end(text: &str, from: usize) -> usize {
    let from = from.min(text.len());
    text[from..]
        .match_indices(". ")
        .find(|(i, _)| {
            text[from + i + 2..]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || "“\"".contains(c))
        })
        .map_or(text.len(), |(i, _)| from + i + 1)
}

/// A date phrase and a place phrase next to each other, as byte ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub start: usize,
    pub end: usize,
    pub place: String,
    pub from: Date,
    pub to: Option<Date>,
}

struct Word<'a> {
    start: usize,
    text: &'a str,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(Word {
                    start: s,
                    text: &text[s..i],
                });
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

/// `on 2-3 April 2017`, `from 17 to 19 July 2017`, `on 11 July 2017`,
/// `from 30 June to 2 July 2017`: (byte range, start, end).
fn dates(text: &str) -> Vec<(usize, usize, Date, Option<Date>)> {
    let w = words(text);
    let mut out = Vec::new();
    let word = |i: usize| w.get(i).map(|x| x.text);
    let day = |s: Option<&str>| s.and_then(|s| s.parse::<u8>().ok());
    let month = |s: Option<&str>| s.and_then(Date::month_from_name);
    let year = |s: Option<&str>| {
        s.map(|s| s.trim_end_matches([',', '.', ';', ')']))
            .filter(|s| s.len() == 4)
            .and_then(|s| s.parse::<u16>().ok())
    };
    for i in 0..w.len() {
        if !matches!(w[i].text, "on" | "from" | "On" | "From") {
            continue;
        }
        let mut found = None;
        // `2-3 April 2017`, `14–16 August 2017`
        if let Some((a, b)) = word(i + 1).and_then(|s| s.split_once(['-', '–']))
            && let (Some(a), Some(b), Some(m), Some(y)) = (
                day(Some(a)),
                day(Some(b)),
                month(word(i + 2)),
                year(word(i + 3)),
            )
        {
            found = Some((i + 3, Date::new(y, m, a), Date::new(y, m, b)));
        } else if word(i + 2) == Some("to")
            && let (Some(a), Some(b), Some(m), Some(y)) = (
                day(word(i + 1)),
                day(word(i + 3)),
                month(word(i + 4)),
                year(word(i + 5)),
            )
        {
            found = Some((i + 5, Date::new(y, m, a), Date::new(y, m, b)));
        } else if word(i + 3) == Some("to")
            && let (Some(a), Some(ma), Some(b), Some(mb), Some(y)) = (
                day(word(i + 1)),
                month(word(i + 2)),
                day(word(i + 4)),
                month(word(i + 5)),
                year(word(i + 6)),
            )
        {
            found = Some((i + 6, Date::new(y, ma, a), Date::new(y, mb, b)));
        } else if let (Some(d), Some(m), Some(y)) =
            (day(word(i + 1)), month(word(i + 2)), year(word(i + 3)))
        {
            let date = Date::new(y, m, d);
            found = Some((i + 3, date, date));
        }
        if let Some((last, Some(from), Some(to))) = found
            && to >= from
        {
            let end = w[last].start + w[last].text.trim_end_matches([',', '.', ';', ')']).len();
            out.push((w[i].start, end, from, (to != from).then_some(to)));
        }
    }
    out
}

/// `in Cairo, Egypt`, `in St. Petersburg, Russia`, `in Mexico City, Mexico`:
/// (byte range, place).
fn places(text: &str) -> Vec<(usize, usize, String)> {
    let w = words(text);
    let capital = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    let mut out = Vec::new();
    for i in 0..w.len() {
        if w[i].text != "in" {
            continue;
        }
        // The city: capitalised words, the last one ending with a comma.
        let mut j = i + 1;
        let mut city_end = None;
        while j < w.len() && j <= i + 3 && capital(w[j].text) {
            if w[j].text.ends_with(',') {
                city_end = Some(j);
                break;
            }
            j += 1;
        }
        let Some(city_end) = city_end else { continue };
        // The country: capitalised words up to punctuation or a lower-case word.
        let mut k = city_end + 1;
        let mut country_end = None;
        while k < w.len() && k <= city_end + 3 && capital(w[k].text) {
            country_end = Some(k);
            if w[k].text.ends_with([',', '.', ';', ')']) {
                break;
            }
            k += 1;
        }
        let Some(country_end) = country_end else {
            continue;
        };
        let end = w[country_end].start
            + w[country_end]
                .text
                .trim_end_matches([',', '.', ';', ')'])
                .len();
        let place = text[w[i + 1].start..end].to_owned();
        out.push((w[i].start, end, place));
    }
    out
}

/// Date and place phrases with nothing but spaces and commas between them.
pub fn pairs(text: &str) -> Vec<Pair> {
    let dates = dates(text);
    let places = places(text);
    let gap = |a: usize, b: usize| a <= b && text[a..b].chars().all(|c| c == ' ' || c == ',');
    let mut out = Vec::new();
    for &(ds, de, from, to) in &dates {
        for (ps, pe, place) in &places {
            if gap(de, *ps) || gap(*pe, ds) {
                out.push(Pair {
                    start: ds.min(*ps),
                    end: de.max(*pe),
                    place: place.clone(),
                    from,
                    to,
                });
            }
        }
    }
    out
}

/// The event of a date-and-place pair, when the phrase before it names the event:
/// `An ITU Workshop on “…”, organized in …`, `The 7th IoT Week, organized on …`,
/// `The new ITU-T Focus Group on “…” (FG DPM) had its first meeting from …`.
fn event(text: &str, pair: &Pair) -> Option<FoundEvent> {
    const VERBS: [&str; 4] = ["organized", "organised", "held", "had its first meeting"];
    const KINDS: [&str; 14] = [
        "workshop",
        "week",
        "forum",
        "meeting",
        "conference",
        "symposium",
        "seminar",
        "summit",
        "group",
        "programme",
        "training",
        "session",
        "drill",
        "course",
    ];
    let head = &text[..pair.start];
    let (verb_at, verb) = VERBS
        .iter()
        .filter_map(|v| head.rfind(v).map(|at| (at, *v)))
        .max_by_key(|(at, _)| *at)?;
    // The verb leads straight into the date or place: `organized in Cairo …`.
    if !head[verb_at + verb.len()..]
        .chars()
        .all(|c| c == ' ' || c == ',')
    {
        return None;
    }
    let start = sentence_start(text, verb_at);
    let mut name = text[start..verb_at].trim().trim_end_matches(',').trim_end();
    for tail in [" was", " were", " is", " will be", " to be"] {
        name = name
            .strip_suffix(tail)
            .unwrap_or(name)
            .trim_end_matches(',');
    }
    for lead in ["During the ", "At the ", "An ", "A ", "The "] {
        name = name.strip_prefix(lead).unwrap_or(name);
    }
    name = name.strip_prefix("new ").unwrap_or(name).trim();
    let lower = name.to_lowercase();
    // A clause (`ITU will be taking part in the 12th IGF meeting`) is not a name.
    let clause = [
        " will ", " is ", " are ", " has ", " have ", " was ", " were ",
    ]
    .iter()
    .any(|w| name.contains(w));
    let clear = !name.is_empty()
        && !clause
        && name.split_whitespace().count() <= 20
        && name.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && KINDS.iter().any(|k| lower.contains(k));
    clear.then(|| FoundEvent {
        name: name.to_owned(),
        place: pair.place.clone(),
        start: pair.from,
        end: pair.to,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(text: &str) -> Option<(String, String, String, Option<String>)> {
        let p = pairs(text);
        let [pair] = p.as_slice() else { return None };
        event(text, pair).map(|e| (e.name, e.place, e.start.iso(), e.end.map(Date::iso)))
    }

    #[test]
    fn events_in_the_reference_wordings() {
        assert_eq!(
            ev(
                "The Fifth SG13 Regional Workshop for Africa, organized in Cairo, Egypt, on 2-3 April 2017, reviewed …"
            ),
            Some((
                "Fifth SG13 Regional Workshop for Africa".into(),
                "Cairo, Egypt".into(),
                "2017-04-02".into(),
                Some("2017-04-03".into())
            ))
        );
        assert_eq!(
            ev("The new ITU-T Focus Group on “DPM” (FG DPM) had its first meeting from 17 to 19 July 2017 in Geneva, Switzerland. The work …")
                .map(|e| (e.0, e.1)),
            Some(("ITU-T Focus Group on “DPM” (FG DPM)".into(), "Geneva, Switzerland".into()))
        );
        assert_eq!(
            ev("An ITU Workshop on “TV”, held on 11 July 2017, in St. Petersburg, Russia, considered")
                .map(|e| (e.0, e.1, e.2, e.3)),
            Some(("ITU Workshop on “TV”".into(), "St. Petersburg, Russia".into(), "2017-07-11".into(), None))
        );
        // No name before the verb: nothing guessed.
        assert_eq!(
            ev(
                "In partnership with APNIC, BDT organized a course for the region, from 8 to 12 May 2017 in Nonthaburi, Thailand."
            ),
            None
        );
        // A clause, not a name.
        assert_eq!(
            ev(
                "ITU will be participating in the 12th IGF meeting to be held from 18 to 21 December 2017 in Geneva, Switzerland."
            ),
            None
        );
        // No place: no pair.
        assert!(
            pairs("ITU took part in the meeting of the WGEC, held on 3-5 May 2017.").is_empty()
        );
    }

    #[test]
    fn recommendations_need_a_status_word() {
        let r = recommendations(
            "ITU-T SG2 approved Recommendation ITU-T E.119 “Requirements for safety” which describes it. ITU-T Y.2304 “Other” identifies",
        );
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(
            (r[0].id.as_str(), r[0].title.as_str(), r[0].status),
            ("ITU-T E.119", "Requirements for safety", Status::Approved)
        );
        let r = recommendations(
            "SG9 started new work on ITU-T J.302 Amd.1 “x”, and started revision works on two Recommendations: ITU-T J.207 “Spec”, and on ITU-T J.197 “Req\".",
        );
        let ids: Vec<(&str, Status)> = r.iter().map(|r| (r.id.as_str(), r.status)).collect();
        assert_eq!(
            ids,
            [
                ("ITU-T J.207", Status::Started),
                ("ITU-T J.197", Status::Started)
            ]
        );
        let r = recommendations(
            "Recommendation ITU-R M.2083 “IMT Vision” was approved by the assembly.",
        );
        assert_eq!(r[0].status, Status::Approved);
    }

    #[test]
    fn sector_only_when_unambiguous() {
        assert_eq!(
            sector("ITU-T SG13 approved nine Recommendations."),
            Some(Sector::ItuT)
        );
        assert_eq!(
            sector("The new ITU-T JCA-IMT2020 started."),
            Some(Sector::ItuT)
        );
        assert_eq!(sector("BDT continues to help."), Some(Sector::ItuD));
        assert_eq!(sector("ITU-T and ITU-D work together."), None);
        assert_eq!(sector("The Council Working Group met. ITU-T helped."), None);
    }
}
