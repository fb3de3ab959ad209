//! A paragraph's text as the readers find it: typed runs, words in one style or a link.
//!
//! A text export gives one plain run; a DOCX gives its runs' bold and italic and its
//! hyperlinks. The structure finder reads the words ([`Rich::visible`]) and cuts a
//! paragraph's number off by its length in those words ([`Rich::skip`]), whatever the
//! runs under it; the writer turns the runs into `**bold**`, `*italic*` and
//! `[text](url)`. The styles are data, never characters inside the words.

use std::fmt;

/// Words in one style, or a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    Text {
        text: String,
        bold: bool,
        italic: bool,
    },
    /// A hyperlink: its words and its address.
    Link { label: String, url: String },
    /// A link inside the document (`w:hyperlink w:anchor`) or a cross-reference field
    /// (`REF`, `PAGEREF`) to a bookmark, until [`super::xref`] finds whether the
    /// bookmark is at an entry: its words, the bookmark's name and whether it printed a
    /// page number.
    Internal {
        label: String,
        bookmark: String,
        page: bool,
    },
    /// A cross-reference to an entry (`[§2.9]`): the entry's number, which is its words.
    Xref { number: String },
}

impl Run {
    /// The words a reader sees of it.
    fn words(&self) -> &str {
        match self {
            Run::Text { text, .. } => text,
            Run::Link { label, .. } | Run::Internal { label, .. } => label,
            Run::Xref { number } => number,
        }
    }

    fn words_mut(&mut self) -> &mut String {
        match self {
            Run::Text { text, .. } => text,
            Run::Link { label, .. } | Run::Internal { label, .. } => label,
            Run::Xref { number } => number,
        }
    }
}

/// A paragraph's runs, side by side.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rich(pub Vec<Run>);

impl Rich {
    /// Words without style (a line of a text export).
    pub fn plain(text: impl Into<String>) -> Rich {
        let mut r = Rich::default();
        r.push_text(&text.into(), false, false);
        r
    }

    /// Appends words in a style; runs in the same style side by side are one run
    /// (`**a b**`, not `**a****b**`).
    pub fn push_text(&mut self, text: &str, bold: bool, italic: bool) {
        if text.is_empty() {
            return;
        }
        if let Some(Run::Text {
            text: last,
            bold: b,
            italic: i,
        }) = self.0.last_mut()
            && *b == bold
            && *i == italic
        {
            last.push_str(text);
            return;
        }
        self.0.push(Run::Text {
            text: text.to_owned(),
            bold,
            italic,
        });
    }

    /// Appends a link; one without words is dropped (nothing to click on).
    pub fn push_link(&mut self, label: String, url: String) {
        self.push(Run::Link { label, url });
    }

    /// Appends a run of any kind: words merge with words in the same style, a link or a
    /// reference without words is dropped.
    pub fn push(&mut self, run: Run) {
        match run {
            Run::Text { text, bold, italic } => self.push_text(&text, bold, italic),
            run if run.words().is_empty() => {}
            run => self.0.push(run),
        }
    }

    /// Appends the runs of `next`.
    pub fn extend(&mut self, next: Rich) {
        for run in next.0 {
            self.push(run);
        }
    }

    /// Appends the runs of `next`, a line that goes on this one, after a space.
    pub fn join_line(&mut self, next: &Rich) {
        self.push_text(" ", false, false);
        self.extend(next.clone());
    }

    /// The words as a reader sees them: link texts without their targets.
    pub fn visible(&self) -> String {
        self.0.iter().map(Run::words).collect()
    }

    /// Whether a run is bold or italic.
    pub fn is_styled(&self) -> bool {
        self.0
            .iter()
            .any(|r| matches!(r, Run::Text { bold, italic, .. } if *bold || *italic))
    }

    /// Without the first `n` bytes of its words (a number and its separator); `n` must
    /// fall on a character boundary of [`Rich::visible`].
    pub fn skip(&self, n: usize) -> Rich {
        let mut left = n;
        let mut out = Vec::with_capacity(self.0.len());
        for run in &self.0 {
            let len = run.words().len();
            if left >= len {
                left -= len;
                continue;
            }
            let mut run = run.clone();
            if left > 0 {
                run.words_mut().replace_range(..left, "");
                left = 0;
            }
            out.push(run);
        }
        Rich(out)
    }

    /// Only the first `n` bytes of its words (without trailing white space).
    pub fn truncate(&self, n: usize) -> Rich {
        let mut left = n;
        let mut out = Vec::with_capacity(self.0.len());
        for run in &self.0 {
            if left == 0 {
                break;
            }
            let mut run = run.clone();
            let len = run.words().len();
            if len > left {
                run.words_mut().truncate(left);
            }
            left -= run.words().len();
            out.push(run);
        }
        Rich(out)
    }

    /// Each run's words passed through `f` (removing bookmarks, control characters).
    pub fn map_words(self, mut f: impl FnMut(&str) -> String) -> Rich {
        Rich(
            self.0
                .into_iter()
                .map(|mut run| {
                    let words = f(run.words());
                    *run.words_mut() = words;
                    run
                })
                .filter(|run| !run.words().is_empty())
                .collect(),
        )
    }
}

impl From<&str> for Rich {
    fn from(text: &str) -> Rich {
        Rich::plain(text)
    }
}

/// The words alone, for messages and tests.
impl fmt::Display for Rich {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.visible())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Rich {
        let mut r = Rich::default();
        r.push_text("2.1", true, false);
        r.push_text("\tA ", false, false);
        r.push_text("bold", true, false);
        r.push_link("list".into(), "https://x.int".into());
        r.push_text(" end ", false, false);
        r
    }

    #[test]
    fn skip_and_truncate_cut_across_runs() {
        let r = sample();
        assert_eq!(r.visible(), "2.1\tA boldlist end ");
        let rest = r.skip(4);
        assert_eq!(rest.visible(), "A boldlist end ");
        assert_eq!(
            rest.0[0],
            Run::Text {
                text: "A ".into(),
                bold: false,
                italic: false
            }
        );
        let cut = r.skip(8).truncate(5);
        assert_eq!(cut.visible(), "ldlis");
        assert!(
            matches!(&cut.0[1], Run::Link { label, url } if label == "lis" && url == "https://x.int")
        );
        assert_eq!(r.truncate(0), Rich::default());
        assert_eq!(r.skip(100), Rich::default());
    }

    #[test]
    fn same_style_runs_merge_and_empty_ones_go() {
        let mut r = Rich::plain("a ");
        r.push_text("b", false, false);
        r.push_text("", true, false);
        r.push_link(String::new(), "https://x.int".into());
        assert_eq!(r, Rich::plain("a b"));
        assert!(!r.is_styled());
        let r = Rich::plain("x[bookmark]y").map_words(|w| w.replace("[bookmark]", ""));
        assert_eq!(r.visible(), "xy");
    }
}
