//! The digest's list of changes in a revision (`build --against`): "Changes since
//! Document C18/33-E", the first page's changed parts, then entry by entry, in the order
//! of the revised document, what happened to it (added, removed, revised, renumbered,
//! moved) with its old and new numbers, so that a plain-text reader finds each tracked
//! change of the DOCX.

use std::fmt::Write;

use crate::compare::{Change, ChangeKind, Comparison};

/// Words of an entry's text shown to name it when it has no title.
const LABEL_WORDS: usize = 8;

/// The list, ending with one newline; "No changes." when the versions are the same.
pub fn changes(comparison: &Comparison<'_>) -> String {
    let title = format!(
        "Changes since Document {}",
        comparison.old.meta.full_number()
    );
    let mut out = format!("{title}\n{}\n", "=".repeat(title.chars().count()));
    let meta = comparison.meta_changes();
    let entries = comparison.changes();
    if meta.is_empty() && entries.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    if !meta.is_empty() {
        let _ = writeln!(out, "- first page: {} revised", meta.join(", "));
    }
    for change in &entries {
        let _ = writeln!(out, "- {}", line(change));
    }
    let _ = writeln!(
        out,
        "\n{} changed: {} added, {} removed, {} revised, {} renumbered, {} moved.",
        match entries.len() {
            1 => "1 entry".to_owned(),
            n => format!("{n} entries"),
        },
        count(&entries, ChangeKind::Added),
        count(&entries, ChangeKind::Removed),
        count(&entries, ChangeKind::Revised),
        count(&entries, ChangeKind::Renumbered),
        count(&entries, ChangeKind::Moved),
    );
    out
}

fn count(changes: &[Change<'_>], kind: ChangeKind) -> usize {
    changes.iter().filter(|c| c.kind == kind).count()
}

/// `2.8 (was 2.7) renumbered, text revised: ITU-T Study Group 11`.
fn line(change: &Change<'_>) -> String {
    let numbers = match (change.old_number, change.new_number) {
        (Some(old), Some(new)) if old != new => format!("{new} (was {old})"),
        (_, Some(new)) => new.to_string(),
        (Some(old), None) => format!("(was {old})"),
        (None, None) => String::new(),
    };
    let mut what = change.kind.as_str().to_owned();
    if !change.revised.is_empty() && change.kind != ChangeKind::Revised {
        let _ = write!(what, ", {} revised", change.revised.join(", "));
    } else if change.kind == ChangeKind::Revised {
        let _ = write!(what, " ({})", change.revised.join(", "));
    }
    format!("{numbers} {what}: {}", label(change))
}

/// The entry's title, else the first words of its text.
fn label(change: &Change<'_>) -> String {
    if let Some(title) = &change.entry.title {
        return title.clone();
    }
    let text = change.entry.text.plain_paragraphs().join(" ");
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut label = words[..words.len().min(LABEL_WORDS)].join(" ");
    if words.len() > LABEL_WORDS {
        label.push_str(" …");
    }
    label
}
