//! Words a drafter meant to replace that would reach the Council as they are: the
//! sentence and the `…` values of the skeleton `new` writes (W011), and a Recommendation
//! title that only holds its place ("Something", "TODO", "xxx": W012).

use toml::Spanned;

use crate::diag::{Code, InFile};
use crate::raw::{SKELETON_SENTENCE, SKELETON_VALUE, is_placeholder};

/// W011 on an entry's text: the skeleton's sentence left in, without its `TODO:` or
/// beside words written since. A text that is still the whole placeholder is W005's.
pub(super) fn skeleton_sentence(cx: &mut InFile<'_>, number: &str, text: &Spanned<String>) {
    let value = text.get_ref();
    if is_placeholder(value.trim_start()) {
        return;
    }
    // ASCII lower case keeps every byte offset, so `at` is one in `value` too.
    let Some(at) = value.to_ascii_lowercase().find(SKELETON_SENTENCE) else {
        return;
    };
    let end = value[at + SKELETON_SENTENCE.len()..]
        .strip_prefix('.')
        .map_or(at + SKELETON_SENTENCE.len(), |_| {
            at + SKELETON_SENTENCE.len() + 1
        });
    let span = super::locate::locate(cx.src, &text.span(), value, at..end);
    cx.push(
        cx.at(
            Code::SkeletonText,
            format!("the text of entry {number} still holds the sentence `new` wrote"),
            span,
        )
        .label("written by `new`, not by you")
        .help("delete the sentence: the Council document would print it as it is"),
    );
}

/// W011 on a value that is still the skeleton's `…` (`title = "…"` uncommented).
pub(super) fn skeleton_value(cx: &mut InFile<'_>, value: &Spanned<String>, key: &str) {
    if !is_skeleton_value(value.get_ref()) {
        return;
    }
    cx.push(
        cx.at(
            Code::SkeletonText,
            format!("`{key}` is still the `…` that `new` wrote"),
            value.span(),
        )
        .label("written by `new`, not by you")
        .help(format!(
            "write the {key}, or comment the line out again with `#` if the entry has none"
        )),
    );
}

fn is_skeleton_value(value: &str) -> bool {
    matches!(value.trim(), SKELETON_VALUE | "...")
}

/// W012: a Recommendation title that holds a place ("Something", "TODO", "Title", "xxx",
/// "…", "???"), which the digest and the report would print as the title.
pub(super) fn recommendation_title(cx: &mut InFile<'_>, id: &str, title: &Spanned<String>) {
    if !is_placeholder_title(title.get_ref()) {
        return;
    }
    cx.push(
        cx.at(
            Code::PlaceholderTitle,
            format!(
                "the title of Recommendation {id} is a placeholder: `{}`",
                title.get_ref().trim()
            ),
            title.span(),
        )
        .label("not a Recommendation's title")
        .help(
            "write the title as published (ITU's Recommendations page has it), such as \
             \"Framework of data aware networking for IMT-2020\"",
        ),
    );
}

/// The words people type for a title they do not know yet, compared in lower case
/// without the punctuation around them.
const PLACEHOLDER_TITLES: &[&str] = &[
    "something",
    "todo",
    "tbd",
    "tba",
    "to be done",
    "to be defined",
    "to be added",
    "fixme",
    "title",
    "the title",
    "title here",
    "recommendation title",
    "untitled",
    "no title",
    "placeholder",
    "lorem ipsum",
    "foo",
    "test",
    "name",
    "new recommendation",
];

/// Whether a Recommendation's title is one of [`PLACEHOLDER_TITLES`], a run of x's, a
/// `TODO: …`, or punctuation alone (`…`, `???`, `--`).
pub(super) fn is_placeholder_title(title: &str) -> bool {
    let core = title
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    core.is_empty()
        || is_placeholder(title.trim())
        || PLACEHOLDER_TITLES.contains(&core.as_str())
        || (core.len() >= 2 && core.chars().all(|c| c == 'x'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_titles() {
        for t in [
            "Something",
            "TODO",
            "TODO: find it",
            "Title",
            "xxx",
            "XXXX",
            "…",
            "...",
            "???",
            "“Something”",
            "TBD.",
            " untitled ",
        ] {
            assert!(is_placeholder_title(t), "{t}");
        }
        for t in [
            "Framework of data aware networking for IMT-2020",
            "X.509",
            "Something old, something new",
            "Titles of TV programmes",
            "x",
        ] {
            assert!(!is_placeholder_title(t), "{t}");
        }
    }

    #[test]
    fn the_skeleton_words_are_recognised() {
        assert!(crate::raw::SKELETON_TEXT.contains(SKELETON_SENTENCE));
        assert!(is_skeleton_value("…") && is_skeleton_value(" ... "));
        assert!(!is_skeleton_value("Cairo…"));
    }
}
