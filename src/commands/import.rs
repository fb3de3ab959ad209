//! `import`: an earlier report into an entries folder; notes on what was cleaned up,
//! then what `check` makes of the result.

use super::Outcome;
use crate::cli::ImportArgs;

pub(super) fn run(args: &ImportArgs) -> anyhow::Result<Outcome> {
    let summary = crate::import::run(&args.file, &args.into, args.force)?;
    let file = args.file.display().to_string();
    let into = args.into.display();
    let mut lines = Vec::new();
    for n in &summary.notes {
        lines.push(format!("note: {}", n.display(&file)));
    }
    lines.push(format!(
        "imported {} entries into {into} ({} files; {} Recommendations and {} events recognised)",
        summary.entries,
        summary.files.len(),
        summary.recommendations,
        summary.events,
    ));
    if !summary.to_fill.is_empty() {
        lines.push(format!(
            "to fill in, in {into}/report.toml (placeholders starting with TODO; check warns, W005): {}",
            summary.to_fill.join(", ")
        ));
    }
    // What the drafter will meet next, so the TODOs are not a surprise.
    let checked = crate::load_and_check(&args.into)?;
    lines.push(crate::diag::summary_line(
        &checked.diagnostics,
        checked.entries,
    ));
    lines.push(format!("next: council-report check --entries {into}"));
    for l in lines {
        crate::errln!("{l}");
    }
    Ok(Outcome::Success)
}
