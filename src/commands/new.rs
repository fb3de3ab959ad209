//! `new`: scaffold an entry and print its path.

use super::{Outcome, refused};
use crate::cli::NewArgs;
use crate::edit::new::{self, Place};

pub(super) fn run(args: &NewArgs) -> anyhow::Result<Outcome> {
    let place = match (args.under, args.number) {
        (Some(parent), _) => Place::Under(parent),
        (None, Some(n)) => Place::At(n),
        // clap requires one of the two.
        (None, None) => anyhow::bail!("give a number or --under NUMBER"),
    };
    super::recover(&args.entries.entries)?;
    let name = new::Name {
        words: args.title.as_deref(),
        heading: args.heading,
    };
    match new::run(&args.entries.entries, place, name) {
        Ok(created) => {
            crate::outln!("{}", crate::diag::visible(&created.file, false));
            crate::errln!(
                "created entry {} in {}",
                created.number,
                crate::diag::visible(&created.file, false)
            );
            Ok(Outcome::Success)
        }
        Err(e) => refused(e, &args.color.diagnostics()),
    }
}
