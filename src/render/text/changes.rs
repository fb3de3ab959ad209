//! The digest's list of changes in a revision (`build --against`): "Changes since
//! Document C18/33-E", the first page's changed parts, then entry by entry, in the order
//! of the revised document, what happened to it (added, removed, revised, renumbered,
//! moved) with its old and new numbers, so that a plain-text reader finds each tracked
//! change of the DOCX.
//!
//! Every word comes from the revised report's locale (the `changes_*` and `part_*`
//! labels, which report.toml may override): each language's digest lists its changes in
//! its own language.

use crate::compare::{Change, ChangeKind, Comparison, Part};
use crate::locale::{Labels, fill, fill_each};

/// Words of an entry's text shown to name it when it has no title.
const LABEL_WORDS: usize = 8;

/// Characters shown instead of a text without spaces between its words (Chinese): about
/// the width of eight English words. A "word" longer than this is taken for such a text.
const LABEL_CHARS: usize = 24;

/// The list, ending with one newline; "No changes." when the versions are the same.
pub fn changes(comparison: &Comparison<'_>) -> String {
    let locale = &comparison.new.locale;
    let labels = &locale.labels;
    let title = fill(&labels.changes_since, &comparison.old.meta.full_number());
    // As wide as the title shows: a Chinese character takes two columns.
    let underline = "=".repeat(unicode_width::UnicodeWidthStr::width(title.as_str()));
    let mut out = format!("{title}\n{underline}\n");
    let meta = comparison.meta_changes();
    let entries = comparison.changes();
    if meta.is_empty() && entries.is_empty() {
        out.push_str(&labels.changes_none);
        out.push('\n');
        return out;
    }
    if !meta.is_empty() {
        out.push_str("- ");
        out.push_str(&fill(&labels.changes_first_page, &parts(labels, &meta)));
        out.push('\n');
    }
    for change in &entries {
        out.push_str("- ");
        out.push_str(&line(labels, change));
        out.push('\n');
    }
    let counts = [
        (ChangeKind::Added, &labels.changes_count_added),
        (ChangeKind::Removed, &labels.changes_count_removed),
        (ChangeKind::Revised, &labels.changes_count_revised),
        (ChangeKind::Renumbered, &labels.changes_count_renumbered),
        (ChangeKind::Moved, &labels.changes_count_moved),
    ]
    .map(|(kind, pattern)| fill(pattern, &count(&entries, kind).to_string()));
    out.push('\n');
    out.push_str(&fill_each(
        &labels.changes_total,
        &[
            &locale.entries(entries.len()),
            &counts.join(&labels.changes_separator),
        ],
    ));
    out.push('\n');
    out
}

fn count(changes: &[Change<'_>], kind: ChangeKind) -> usize {
    changes.iter().filter(|c| c.kind == kind).count()
}

/// `2.8 (was 2.7) renumbered, text revised: ITU-T Study Group 11`.
fn line(labels: &Labels, change: &Change<'_>) -> String {
    let numbers = match (change.old_number, change.new_number) {
        (Some(old), Some(new)) if old != new => {
            format!("{new} {}", fill(&labels.changes_was, &old.to_string()))
        }
        (_, Some(new)) => new.to_string(),
        (Some(old), None) => fill(&labels.changes_was, &old.to_string()),
        (None, None) => String::new(),
    };
    let revised = parts(labels, &change.revised);
    let what = match change.kind {
        ChangeKind::Revised => fill(&labels.changes_revised, &revised),
        kind => {
            let mut what = match kind {
                ChangeKind::Added => labels.changes_added.clone(),
                ChangeKind::Removed => labels.changes_removed.clone(),
                ChangeKind::Renumbered => labels.changes_renumbered.clone(),
                _ => labels.changes_moved.clone(),
            };
            if !change.revised.is_empty() {
                what.push_str(&fill(&labels.changes_also_revised, &revised));
            }
            what
        }
    };
    fill_each(&labels.changes_line, &[&numbers, &what, &label(change)])
}

/// The names of `parts` in the report's language, in a list.
fn parts(labels: &Labels, parts: &[Part]) -> String {
    let names: Vec<&str> = parts.iter().map(|&p| part(labels, p)).collect();
    names.join(&labels.changes_separator)
}

/// The name of a part that changed.
fn part(labels: &Labels, part: Part) -> &str {
    match part {
        Part::Title => &labels.part_title,
        Part::Text => &labels.part_text,
        Part::Sector => &labels.part_sector,
        Part::Resolutions => &labels.part_resolutions,
        Part::Recommendations => &labels.part_recommendations,
        Part::Event => &labels.part_event,
        Part::Meeting => &labels.part_meeting,
        Part::PlaceAndDates => &labels.part_place_and_dates,
        Part::AgendaItem => &labels.part_agenda_item,
        Part::LanguageLine => &labels.part_language_line,
        Part::Source => &labels.part_source,
        Part::Summary => &labels.summary,
        Part::ActionRequired => &labels.action_required,
        Part::References => &labels.references,
        Part::ReportingPeriod => &labels.part_reporting_period,
    }
}

/// The entry's title, else the first words of its text (its first characters when it
/// does not space its words, as Chinese).
fn label(change: &Change<'_>) -> String {
    if let Some(title) = &change.entry.title {
        return title.clone();
    }
    let text = change.entry.text.plain_paragraphs().join(" ");
    let words: Vec<&str> = text.split_whitespace().collect();
    let unspaced = words
        .iter()
        .take(LABEL_WORDS)
        .any(|w| w.chars().count() > LABEL_CHARS);
    if unspaced {
        let mut label: String = text.chars().take(LABEL_CHARS).collect();
        if text.chars().nth(LABEL_CHARS).is_some() {
            label.push('…');
        }
        return label;
    }
    let mut label = words[..words.len().min(LABEL_WORDS)].join(" ");
    if words.len() > LABEL_WORDS {
        label.push_str(" …");
    }
    label
}
