//! W014: the `# import: …` comments `import` writes above a value it guessed (a title
//! taken from the line after the source line, a Summary found by position). A draft
//! keeps passing `check`, but not `--deny-warnings`, until a person has looked at each
//! value and deleted its comment: a guess nobody reviewed never reaches the Council.

use crate::diag::{Code, InFile};
use crate::raw::GUESS_COMMENT;

/// One warning per `# import:` comment line of the file.
pub fn unreviewed(cx: &mut InFile<'_>) {
    // A cheap screen first: almost no file has one.
    if !cx.src.contains(GUESS_COMMENT) {
        return;
    }
    let mut found = Vec::new();
    let mut at = 0;
    for line in cx.src.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start().len();
        if let Some(what) = body.trim_start().strip_prefix(GUESS_COMMENT) {
            found.push((at + lead..at + body.len(), what.trim().to_owned()));
        }
        at += line.len();
    }
    for (span, what) in found {
        let d = cx
            .at(
                Code::ImportGuess,
                format!("a value `import` guessed is not reviewed yet: {what}"),
                span,
            )
            .label("guess")
            .help("check the value under this comment (correct it if need be), then delete the comment line");
        cx.push(d);
    }
}
