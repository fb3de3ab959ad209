//! `renumber`: print the moves as a table; write them unless `--dry-run`.

use super::{Outcome, refused};
use crate::cli::RenumberArgs;
use crate::diag::{Format, visible};
use crate::edit::renumber::{self, Moved, Op, Rewritten};
use crate::markup::REF_SIGN;

pub(super) fn run(args: &RenumberArgs) -> anyhow::Result<Outcome> {
    let op = match (args.insert, args.close_gaps, args.move_from, args.to) {
        (Some(at), _, _, _) => Op::Insert(at),
        (None, true, _, _) => Op::CloseGaps,
        (None, false, Some(from), Some(to)) => Op::Move { from, to },
        // clap requires exactly one operation, and --to with --move.
        _ => anyhow::bail!("give --insert NUMBER, --close-gaps, or --move NUMBER --to NUMBER"),
    };
    super::recover(&args.entries.entries)?;
    let done = match renumber::run(&args.entries.entries, op, args.dry_run) {
        Ok(done) => done,
        Err(e) => return refused(e, &args.color.diagnostics()),
    };
    if done.moves.is_empty() {
        crate::errln!("nothing to renumber");
        return Ok(Outcome::Success);
    }
    crate::console::out(&table(&done.moves));
    if !done.references.is_empty() {
        crate::console::out(&references(&done.references));
    }
    for file in &done.translations {
        crate::console::out(&format!(
            "{}: the cross-references of the translations follow\n",
            visible(file, false)
        ));
    }
    // The warnings of the new numbering (the gap `--insert` leaves) say what to do next.
    if let Some(checked) = &done.checked {
        super::check::report(checked, Format::Human, &args.color.diagnostics())?;
    }
    let n = done.moves.len();
    let entries = if n == 1 { "entry" } else { "entries" };
    if args.dry_run {
        crate::errln!("would renumber {n} {entries} (dry run: nothing was written)");
    } else {
        crate::errln!("renumbered {n} {entries}");
    }
    Ok(Outcome::Success)
}

/// The cross-references rewritten, one a line: `entries/2/2.01-x.toml:12  [§2.9] -> [§2.10]`.
fn references(rewritten: &[Rewritten]) -> String {
    let places: Vec<String> = rewritten
        .iter()
        .map(|r| format!("{}:{}", visible(&r.file, false), r.line))
        .collect();
    let width = places.iter().map(|p| p.chars().count()).max().unwrap_or(0);
    let mut s = format!(
        "cross-references to the entries moved ({}):\n",
        rewritten.len()
    );
    for (r, place) in rewritten.iter().zip(&places) {
        s.push_str(&format!(
            "{place:width$}  [{REF_SIGN}{}] -> [{REF_SIGN}{}]\n",
            r.old, r.new
        ));
    }
    s
}

/// The moves as an aligned table: old number, new number, file (and its new name).
pub(crate) fn table(moves: &[Moved]) -> String {
    let old_w = moves
        .iter()
        .map(|m| m.old.to_string().len())
        .max()
        .unwrap_or(0)
        .max(3);
    let new_w = moves
        .iter()
        .map(|m| m.new.to_string().len())
        .max()
        .unwrap_or(0)
        .max(3);
    let mut s = format!("{:old_w$}  {:new_w$}  file\n", "old", "new");
    for m in moves {
        let (from, to) = (visible(&m.from_file, false), visible(&m.to_file, false));
        let file = if from == to {
            from.into_owned()
        } else {
            format!("{from} -> {to}")
        };
        s.push_str(&format!(
            "{:old_w$}  {:new_w$}  {file}\n",
            m.old.to_string(),
            m.new.to_string()
        ));
    }
    s
}
