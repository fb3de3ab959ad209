//! A report in another language: the English report with each unit's translation put in
//! its place, and what `check --language` says about the translation file.
//!
//! A unit without a translation keeps its English, marked untranslated so renderers
//! highlight it (and the report is a draft); a stale one (its English changed since) is
//! used but warned about; a translation that breaks an inline code is an error, since
//! printing it would lose a link or its address.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::units::{PLAIN_VALUES, SUMMARY_TEXTS, Unit, codes};
use super::xliff::{self, Record};
use crate::diag::{Code, Diagnostic, DisplayPath, FileId, Sources};
use crate::locale::Language;
use crate::markup::{Block, Inline};
use crate::model::{Filled, Report};

/// `translations/F.xlf` in the entries folder.
pub fn path(entries: &Path, language: Language) -> PathBuf {
    entries
        .join("translations")
        .join(format!("{}.xlf", language.letter()))
}

/// A translation file as read.
#[derive(Debug, Clone)]
pub struct TranslationFile {
    pub language: Language,
    pub file: FileId,
    pub records: Vec<Record>,
}

/// Reads `translations/<LANG>.xlf` of `entries` into `sources` (for diagnostics). `None`
/// when there is none yet, or when it is not XLIFF (an E026 in `diags`).
pub fn load(
    entries: &Path,
    language: Language,
    sources: &mut Sources,
    diags: &mut Vec<Diagnostic>,
) -> Option<TranslationFile> {
    read(entries, language).register(language, sources, diags)
}

/// A translation file read and parsed, not yet registered in a [`Sources`]: reading and
/// parsing touch nothing shared, so the five files are read side by side
/// ([`super::localize`]), then registered one after the other in the languages' order.
pub struct Read {
    path: PathBuf,
    outcome: ReadOutcome,
}

enum ReadOutcome {
    Missing,
    Unreadable(std::io::Error),
    NotUtf8,
    Parsed {
        text: String,
        records: Result<Vec<Record>, xliff::XliffError>,
    },
}

/// Reads and parses `translations/<LANG>.xlf` of `entries`.
pub fn read(entries: &Path, language: Language) -> Read {
    let path = path(entries, language);
    let outcome = match std::fs::read(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => ReadOutcome::Missing,
        Err(e) => ReadOutcome::Unreadable(e),
        Ok(bytes) => match String::from_utf8(bytes) {
            Err(_) => ReadOutcome::NotUtf8,
            Ok(text) => {
                let text = match text.strip_prefix('\u{feff}') {
                    Some(rest) => rest.to_owned(),
                    None => text,
                };
                let records = xliff::read(&text);
                ReadOutcome::Parsed { text, records }
            }
        },
    };
    Read { path, outcome }
}

impl Read {
    /// Adds the file to `sources` (for diagnostics) and its findings to `diags`: the
    /// file as [`load`] returns it.
    pub fn register(
        self,
        language: Language,
        sources: &mut Sources,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<TranslationFile> {
        if matches!(self.outcome, ReadOutcome::Missing) {
            return None;
        }
        let file = sources.add(DisplayPath::of(&self.path));
        match self.outcome {
            ReadOutcome::Missing => None,
            ReadOutcome::Unreadable(e) => {
                diags.push(
                    Diagnostic::new(
                        Code::Unreadable,
                        format!("cannot read the translation: {e}"),
                    )
                    .in_file(file),
                );
                None
            }
            ReadOutcome::NotUtf8 => {
                diags.push(
                    Diagnostic::new(Code::InvalidUtf8, "the translation file is not valid UTF-8")
                        .in_file(file),
                );
                None
            }
            ReadOutcome::Parsed { text, records } => {
                sources.set_text(file, text);
                match records {
                    Ok(records) => Some(TranslationFile {
                        language,
                        file,
                        records,
                    }),
                    Err(e) => {
                        diags.push(
                            Diagnostic::new(Code::BadTranslationFile, e.message)
                                .at(file, e.span)
                                .help("the file must be XLIFF 1.2 as `translate export` writes it"),
                        );
                        None
                    }
                }
            }
        }
    }
}

/// Where a unit stands in a translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Translated,
    /// No target, or a blank one.
    Missing,
    /// A target for English that has changed since.
    Stale,
}

/// The state of `unit` given its record.
pub fn state(unit: &Unit, record: Option<&Record>) -> State {
    match record {
        Some(r) if r.target.is_some() => {
            if r.hash.as_deref().is_some_and(|h| h != unit.hash())
                || (r.hash.is_none() && r.source != unit.source)
                || r.needs_review()
            {
                State::Stale
            } else {
                State::Translated
            }
        }
        _ => State::Missing,
    }
}

/// What one unit becomes in the translated report.
enum Outcome {
    Plain(String),
    Run(Vec<Inline>),
    English,
}

/// The report in `language`: `report` (the English, cut into `units` by
/// [`super::units::units`]) with the translations of `file` put in; findings go to `diags`,
/// about `sources`' files.
pub fn apply(
    report: &Report,
    units: &[Unit],
    language: Language,
    file: Option<&TranslationFile>,
    sources: &Sources,
    diags: &mut Vec<Diagnostic>,
) -> Report {
    let records: HashMap<&str, &Record> = file
        .map(|f| f.records.iter().map(|r| (r.id.as_str(), r)).collect())
        .unwrap_or_default();
    let mut outcomes: HashMap<&str, Outcome> = HashMap::new();
    let mut missing: BTreeMap<&str, (Vec<&Unit>, usize)> = BTreeMap::new();
    let mut found = Vec::new();
    for unit in units {
        let record = records.get(unit.id.as_str()).copied();
        let owner = missing.entry(unit.owner()).or_default();
        owner.1 += 1;
        let st = state(unit, record);
        let (Some(record), Some(f)) = (record, file) else {
            owner.0.push(unit);
            outcomes.insert(&unit.id, Outcome::English);
            continue;
        };
        if st == State::Missing {
            owner.0.push(unit);
            outcomes.insert(&unit.id, Outcome::English);
            continue;
        }
        if st == State::Stale {
            found.push(stale(unit, record, language).at(f.file, record.span.clone()));
        }
        let target = record.target.as_deref().unwrap_or_default();
        let outcome = if is_run(&unit.id) {
            match run_of(unit, target, language) {
                Ok(run) => Outcome::Run(run),
                Err(message) => {
                    found.push(
                        Diagnostic::new(Code::BrokenInlineCode, message)
                            .at(f.file, record.span.clone())
                            .label(format!("the translation of {}", unit.id))
                            .help("keep each code (bold, italic, link) of the English once, with the link's address unchanged"),
                    );
                    Outcome::English
                }
            }
        } else {
            Outcome::Plain(target.to_owned())
        };
        let printed = match &outcome {
            Outcome::Run(run) => Some(crate::markup::plain(run)),
            Outcome::Plain(t) => Some(t.clone()),
            Outcome::English => None,
        };
        if let Some(fault) = printed.and_then(|t| super::typography::fault(language, &t)) {
            found.push(
                Diagnostic::new(
                    Code::Typography,
                    format!(
                        "the {} translation of {}: {fault}",
                        language.name(),
                        unit.id
                    ),
                )
                .at(f.file, record.span.clone())
                .help(typography_help(language)),
            );
        }
        outcomes.insert(&unit.id, outcome);
    }
    for (owner, (left, total)) in &missing {
        if left.is_empty() {
            continue;
        }
        let Some(unit) = left.first() else { continue };
        let ids: Vec<&str> = left
            .iter()
            .map(|u| u.id.split_once('/').map_or(u.id.as_str(), |(_, p)| p))
            .collect();
        let what = if *owner == "report" {
            "report.toml".to_owned()
        } else {
            format!("entry {owner}")
        };
        let mut d = Diagnostic::new(
            Code::Untranslated,
            format!(
                "{what}: {} of {total} pieces have no {} translation yet ({}): printed in English, highlighted",
                left.len(),
                language.name(),
                ids.join(", ")
            ),
        )
        .help(match file {
            Some(f) => format!("translate them in {}", sources.path(f.file)),
            None => format!(
                "there is no translation file yet: `translate export --to {}` writes it",
                language.letter()
            ),
        });
        if let Some(id) = sources.id(&unit.file) {
            d = d.in_file(id);
        }
        found.push(d);
    }
    if let Some(f) = file {
        let known: std::collections::HashSet<&str> = units.iter().map(|u| u.id.as_str()).collect();
        for r in &f.records {
            if !known.contains(r.id.as_str()) {
                found.push(
                    Diagnostic::new(
                        Code::OrphanTranslation,
                        format!(
                            "the translation of {} matches no piece of the English (its entry or paragraph is gone)",
                            r.id
                        ),
                    )
                    .at(f.file, r.span.clone())
                    .help(format!(
                        "`translate export --to {}` drops it",
                        language.letter()
                    )),
                );
            }
        }
    }
    let mut out = report.clone();
    put(&mut out, &outcomes);
    out.meta.language = Filled::Value(language.letter().to_owned());
    out.locale = out.meta.locale(language);
    out.meta.language_line = Filled::Value(out.locale.labels.original.clone());
    out.warnings
        .extend(found.iter().map(|d| crate::check::one_line(d, sources)));
    diags.extend(found);
    out
}

/// How to fix a typography warning in `language`.
fn typography_help(language: Language) -> &'static str {
    match language {
        Language::F => {
            "French puts a no-break space (U+00A0 or U+202F) before ; : ! ? and inside « », and uses ’, never a straight quote"
        }
        Language::C => "Chinese text takes the full-width forms ，；：！？（） and the quotes “ ”",
        _ => "use typographic quotes and the apostrophe ’, never straight ones",
    }
}

/// Runs (paragraphs, list items) are Markdown; titles and report.toml's plain values are
/// plain text.
fn is_run(id: &str) -> bool {
    id.rsplit('/')
        .next()
        .is_some_and(|last| last.parse::<u32>().is_ok())
}

/// W007 for a stale unit: the entry and what changed in its English.
fn stale(unit: &Unit, record: &Record, language: Language) -> Diagnostic {
    let what = if record.source != unit.source && !record.source.is_empty() {
        let (old, new) = changed_part(&record.source, &unit.source);
        format!("“{old}” became “{new}”")
    } else {
        "`translate export` marked it for review".to_owned()
    };
    Diagnostic::new(
        Code::StaleTranslation,
        format!(
            "{} ({}, {}): the English changed since it was put into {}: {what}",
            unit.id,
            unit.file,
            unit.place,
            language.name()
        ),
    )
    .help("review the translation, then mark it translated in the CAT tool")
}

/// The part of `old` and `new` between their common beginning and end, at word
/// boundaries, with `…` where text was left out.
fn changed_part(old: &str, new: &str) -> (String, String) {
    let a: Vec<&str> = old.split_inclusive(' ').collect();
    let b: Vec<&str> = new.split_inclusive(' ').collect();
    let (pre, post) = crate::compare::words::common_ends(&a, &b);
    let part = |words: &[&str]| {
        let mid: String = words[pre..words.len() - post].concat();
        format!(
            "{}{}{}",
            if pre > 0 { "…" } else { "" },
            mid.trim(),
            if post > 0 { "…" } else { "" }
        )
    };
    (part(&a), part(&b))
}

/// The translated run: the target parsed as one paragraph of Markdown, with the same
/// inline codes as the English.
fn run_of(unit: &Unit, target: &str, language: Language) -> Result<Vec<Inline>, String> {
    let (markup, issues) = crate::markup::parse(target.trim());
    if !issues.is_empty() {
        return Err(format!(
            "the {} translation of {} holds markup a Council document cannot have",
            language.name(),
            unit.id
        ));
    }
    let run = match markup.blocks.as_slice() {
        [Block::Paragraph { inlines }] => inlines.clone(),
        _ => {
            return Err(format!(
                "the {} translation of {} is not one paragraph of text",
                language.name(),
                unit.id
            ));
        }
    };
    let (english, _) = crate::markup::parse(&unit.source);
    let english = english.inline_runs().next().unwrap_or_default().to_vec();
    let (want, got) = (codes(&english), codes(&run));
    if want != got {
        let mut diff = Vec::new();
        for (k, n) in &want {
            let m = got.get(k).copied().unwrap_or(0);
            if m < *n {
                diff.push(format!("lost {k}"));
            } else if m > *n {
                diff.push(format!("repeated {k}"));
            }
        }
        for k in got.keys().filter(|k| !want.contains_key(*k)) {
            diff.push(format!("added {k}"));
        }
        return Err(format!(
            "the {} translation of {} does not keep the English's inline codes: {}",
            language.name(),
            unit.id,
            diff.join("; ")
        ));
    }
    Ok(run)
}

/// Puts each outcome in its place in `report`, marking what stays English.
fn put(report: &mut Report, outcomes: &HashMap<&str, Outcome>) {
    let get = |id: &str| outcomes.get(id);
    let meta = &mut report.meta;
    for key in PLAIN_VALUES {
        let id = format!("report/{key}");
        match get(&id) {
            Some(Outcome::Plain(t)) => {
                let t = t.clone();
                match key {
                    "meeting.name" => meta.meeting = Filled::Value(t),
                    "meeting.place_and_dates" => meta.place_and_dates = Filled::Value(t),
                    "document.source" => meta.source = Some(t),
                    _ => meta.title = Filled::Value(t),
                }
            }
            Some(_) => meta.untranslated.push(key),
            None => {}
        }
    }
    for key in SUMMARY_TEXTS {
        let s = &mut meta.summary;
        let markup = match key {
            "summary.text" => s.text.value_mut(),
            "summary.action" => s.action.as_mut(),
            _ => s.references.value_mut(),
        };
        if let Some(m) = markup {
            put_runs(m, &format!("report/{key}"), &get);
        }
    }
    for entry in &mut report.entries {
        let number = entry.number.to_string();
        match get(&format!("{number}/title")) {
            Some(Outcome::Plain(t)) => entry.title = Some(t.clone()),
            Some(_) => entry.untranslated_title = true,
            None => {}
        }
        put_runs(&mut entry.text, &number, &get);
    }
}

fn put_runs<'a>(
    markup: &mut crate::markup::Markup,
    prefix: &str,
    get: &impl Fn(&str) -> Option<&'a Outcome>,
) {
    let mut untranslated = Vec::new();
    for (i, run) in markup.inline_runs_mut().into_iter().enumerate() {
        match get(&format!("{prefix}/{}", i + 1)) {
            Some(Outcome::Run(r)) => *run = r.clone(),
            Some(_) => untranslated.extend(u32::try_from(i)),
            None => {}
        }
    }
    markup.untranslated = untranslated;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_changed_part_is_cut_at_words() {
        assert_eq!(
            changed_part(
                "ITU-T approved 120 new texts.",
                "ITU-T approved 130 new texts."
            ),
            ("…120…".to_owned(), "…130…".to_owned())
        );
        assert_eq!(changed_part("a", "b"), ("a".to_owned(), "b".to_owned()));
    }

    #[test]
    fn runs_and_plain_values() {
        assert!(is_run("2.9/3"));
        assert!(is_run("report/summary.text/1"));
        assert!(!is_run("2.9/title"));
        assert!(!is_run("report/document.title"));
    }
}
