//! Everything the commands print goes through here, so that a closed or full stdout or
//! stderr never panics (`println!` does: exit 101, "failed printing to stderr").
//!
//! The first write error of a stream is kept and later writes to that stream are skipped;
//! [`exit_code`] then decides, as ripgrep does: a reader that went away (`| head`) is not
//! a failure, since everything it wanted was written, so the command's own exit code
//! stands; any other stdout error (a full disk, `>/dev/full`) is reported on stderr, exit
//! 2; and when stderr itself fails nothing can be said, so the process ends quietly with
//! exit 2.

use std::io::{self, IsTerminal, Write};
use std::sync::OnceLock;

static STDOUT_FAILED: OnceLock<io::Error> = OnceLock::new();
static STDERR_FAILED: OnceLock<io::Error> = OnceLock::new();

/// Writes `text` to stdout as it is.
pub fn out(text: &str) {
    write(&STDOUT_FAILED, &mut io::stdout().lock(), text.as_bytes());
}

/// Writes `text` to stderr as it is.
pub fn err(text: &str) {
    write(&STDERR_FAILED, &mut io::stderr().lock(), text.as_bytes());
}

/// `println!` without the panic.
#[macro_export]
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::console::out(&format!("{}\n", format_args!($($arg)*)))
    };
}

/// `eprintln!` without the panic.
#[macro_export]
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::console::err(&format!("{}\n", format_args!($($arg)*)))
    };
}

fn write(failed: &OnceLock<io::Error>, w: &mut dyn Write, bytes: &[u8]) {
    if failed.get().is_some() {
        return;
    }
    if let Err(e) = w.write_all(bytes).and_then(|()| w.flush()) {
        let _ = failed.set(e);
    }
}

/// True once stderr has failed: a long-running command (`watch`) stops, since nobody can
/// hear it any more.
pub fn stderr_failed() -> bool {
    STDERR_FAILED.get().is_some()
}

/// The exit code for a command that asked for `code`, given what became of its output.
pub fn exit_code(code: u8) -> u8 {
    if STDERR_FAILED.get().is_some() {
        return 2;
    }
    match STDOUT_FAILED.get() {
        None => code,
        Some(e) if e.kind() == io::ErrorKind::BrokenPipe => code,
        Some(e) => {
            errln!(
                "error: cannot write to stdout: {}",
                crate::output::in_words(e)
            );
            2
        }
    }
}

/// Prints clap's message for a command line it refused (or its `--help`, `--version`)
/// and returns the exit code clap gives it: help on stdout, errors on stderr, in colour on
/// a terminal.
pub fn clap_exit(e: &clap::Error) -> u8 {
    let rendered = e.render();
    if e.use_stderr() {
        err(&styled(&rendered, io::stderr().is_terminal()));
    } else {
        out(&styled(&rendered, io::stdout().is_terminal()));
    }
    exit_code(u8::try_from(e.exit_code()).unwrap_or(2))
}

fn styled(s: &clap::builder::StyledStr, terminal: bool) -> String {
    if terminal && std::env::var_os("NO_COLOR").is_none() {
        s.ansi().to_string()
    } else {
        s.to_string()
    }
}
