//! `completions`: a shell completion script, generated from the clap definition.
//!
//! Bash works around clap_complete's bug with hyphenated binary names (clap-rs/clap#6421,
//! open in clap_complete 4.6.11): for `council-report` the loop that follows the words
//! typed spells the state `council__report__subcmd__check` while the case arms spell it
//! `council__subcmd__report__subcmd__check`, so no subcommand option ever completed. The
//! script is generated for a name without a hyphen, where both agree, and only its
//! `complete` lines are pointed back at the real command name.

use clap::CommandFactory;
use clap_complete::Shell;

use super::Outcome;
use crate::cli::{Cli, CompletionsArgs};

/// The name users type.
const BIN: &str = "council-report";
/// The name the bash script is generated for: the same without a hyphen.
const BASH_INTERNAL: &str = "council_report";

pub(super) fn run(args: &CompletionsArgs) -> anyhow::Result<Outcome> {
    // Into memory first: clap_complete panics when its writer fails (`>/dev/full`).
    crate::console::out(&String::from_utf8_lossy(&script(args.shell)));
    Ok(Outcome::Success)
}

/// The completion script for `shell`.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut command = Cli::command();
    let mut buf = Vec::new();
    if shell != Shell::Bash {
        clap_complete::generate(shell, &mut command, BIN, &mut buf);
        return buf;
    }
    clap_complete::generate(shell, &mut command, BASH_INTERNAL, &mut buf);
    // The script is ASCII text generated from our own definitions.
    let text = String::from_utf8_lossy(&buf);
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let registered = body
            .trim_start()
            .starts_with("complete -F ")
            .then(|| body.strip_suffix(BASH_INTERNAL))
            .flatten();
        match registered {
            Some(head) => {
                out.push_str(head);
                out.push_str(BIN);
                out.push_str(&line[body.len()..]);
            }
            None => out.push_str(line),
        }
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bash_registers_the_real_name_and_nothing_else_changes() {
        let text = String::from_utf8(script(Shell::Bash)).unwrap();
        let registrations: Vec<&str> = text
            .lines()
            .filter(|l| l.trim_start().starts_with("complete -F "))
            .collect();
        assert!(!registrations.is_empty());
        for line in registrations {
            assert!(line.ends_with(" council-report"), "{line}");
        }
        // The case arms and the state the loop builds use the same spelling.
        assert!(text.contains("council_report__subcmd__check)"));
        assert!(text.contains("cmd=\"council_report__subcmd__check\""));
    }
}
