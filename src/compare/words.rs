//! Word-by-word differences, as an editor marks them: a word keeps its punctuation and
//! the white space after it (`Group 13, ` is the two words `Group ` and `13, `), so that
//! a changed word is struck and retyped whole, never a comma or a space alone.
//!
//! The diff is [`similar`]'s Myers diff of the two word lists, then tidied the way
//! diff-match-patch's semantic clean-up does: a short run of unchanged words between
//! two changes (`the `, `of `) is folded into them when it is no longer than the change
//! on either side, so that a rewritten sentence reads as one deletion and one insertion
//! rather than a comb of tiny changes. The DOCX's tracked changes and the text report's
//! `[-…-]{+…+}` marks both come from here.

use std::hash::Hash;
use std::ops::Range;

use similar::{Algorithm, DiffTag, capture_diff_slices};

/// The most words of one paragraph diffed word by word. Myers' diff takes time in the
/// length times the number of differences; a hostile 1 MB paragraph rewritten whole
/// (200,000 words) would take minutes. Longer texts are diffed by their common start
/// and end, the middle shown as one change: still exact, and the same every time (a
/// deadline would make the output depend on the machine's speed).
pub const MAX_WORDS: usize = 20_000;

/// Splits `text` into words: each is a run of non-space characters with the white space
/// that follows it; white space at the start is a word of its own. Joined, the words are
/// `text`.
pub fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = text.starts_with(char::is_whitespace);
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace();
        if in_space && !space {
            if i > start {
                out.push(&text[start..i]);
            }
            start = i;
        }
        in_space = space;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// One stretch of a diff: the same in both versions, or changed (`old` deleted and
/// `new` inserted, either possibly empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stretch {
    pub same: bool,
    pub old: Range<usize>,
    pub new: Range<usize>,
}

/// How `old` became `new`, in order: alternating same and changed stretches, each
/// changed stretch deleting an old range and inserting a new one. `weight` is how much
/// a token counts (its length in characters) for the clean-up.
pub fn diff<T: Eq + Hash + Ord>(
    old: &[T],
    new: &[T],
    weight: impl Fn(&T) -> usize,
) -> Vec<Stretch> {
    let raw = if old.len() > MAX_WORDS || new.len() > MAX_WORDS {
        ends_only(old, new)
    } else {
        capture_diff_slices(Algorithm::Myers, old, new)
            .iter()
            .map(|op| {
                let (tag, o, n) = op.as_tag_tuple();
                Stretch {
                    same: tag == DiffTag::Equal,
                    old: o,
                    new: n,
                }
            })
            .collect()
    };
    let mut stretches = merge(raw);
    while fold_short_sames(&mut stretches, old, new, &weight) {
        stretches = merge(stretches);
    }
    stretches
}

/// How many items `old` and `new` share at their start, and then at their end (the end
/// counted in what follows the common start, so the two never overlap).
pub(crate) fn common_ends<T: Eq>(old: &[T], new: &[T]) -> (usize, usize) {
    let start = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let end = old[start..]
        .iter()
        .rev()
        .zip(new[start..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    (start, end)
}

/// The common start and end the same, the middle one change.
fn ends_only<T: Eq>(old: &[T], new: &[T]) -> Vec<Stretch> {
    let (start, end) = common_ends(old, new);
    let (o, n) = (old.len() - end, new.len() - end);
    [
        (true, 0..start, 0..start),
        (false, start..o, start..n),
        (true, o..old.len(), n..new.len()),
    ]
    .into_iter()
    .map(|(same, old, new)| Stretch { same, old, new })
    .collect()
}

/// Joins neighbouring stretches of one kind and drops empty ones.
fn merge(stretches: Vec<Stretch>) -> Vec<Stretch> {
    let mut out: Vec<Stretch> = Vec::with_capacity(stretches.len());
    for s in stretches {
        if s.old.is_empty() && s.new.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.same == s.same => {
                last.old.end = s.old.end;
                last.new.end = s.new.end;
            }
            _ => out.push(s),
        }
    }
    out
}

/// Turns into changes the same stretches between two changes that weigh no more than
/// the larger side of the change on either side (diff-match-patch's rule). True when it
/// changed any.
fn fold_short_sames<T>(
    stretches: &mut [Stretch],
    old: &[T],
    new: &[T],
    weight: &impl Fn(&T) -> usize,
) -> bool {
    let size = |r: &Range<usize>, tokens: &[T]| tokens[r.clone()].iter().map(weight).sum::<usize>();
    let side = |s: &Stretch| size(&s.old, old).max(size(&s.new, new));
    let mut folded = false;
    for i in 1..stretches.len().saturating_sub(1) {
        let (prev, this, next) = (&stretches[i - 1], &stretches[i], &stretches[i + 1]);
        if !this.same || prev.same || next.same {
            continue;
        }
        let len = size(&this.old, old);
        if len <= side(prev) && len <= side(next) {
            stretches[i].same = false;
            folded = true;
        }
    }
    folded
}

/// How alike two texts are, word by word: from 0 (nothing in common) to 1 (the same).
pub fn similarity(old: &str, new: &str) -> f32 {
    let (a, b) = (words(old), words(new));
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let same: usize = diff(&a, &b, |w| w.len())
        .iter()
        .filter(|s| s.same)
        .map(|s| s.old.len())
        .sum();
    (2 * same) as f32 / (a.len() + b.len()) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The diff as a wdiff-style string.
    fn marked(old: &str, new: &str) -> String {
        let (a, b) = (words(old), words(new));
        let mut out = String::new();
        for s in diff(&a, &b, |w| w.chars().count()) {
            if s.same {
                out.push_str(&b[s.new].concat());
                continue;
            }
            if !s.old.is_empty() {
                out.push_str(&format!("[-{}-]", a[s.old].concat()));
            }
            if !s.new.is_empty() {
                out.push_str(&format!("{{+{}+}}", b[s.new].concat()));
            }
        }
        out
    }

    #[test]
    fn words_keep_punctuation_and_spaces() {
        assert_eq!(
            words("Group 13, met  in Geneva."),
            ["Group ", "13, ", "met  ", "in ", "Geneva."]
        );
        assert_eq!(words("  lead\tand tab"), ["  ", "lead\t", "and ", "tab"]);
        assert_eq!(words("2.9\tITU-T"), ["2.9\t", "ITU-T"]);
        assert!(words("").is_empty());
        let text = " a b\t c  ";
        assert_eq!(words(text).concat(), text);
    }

    #[test]
    fn one_word_changed_is_struck_and_retyped_whole() {
        assert_eq!(
            marked(
                "The Group approved three Recommendations.",
                "The Group approved four Recommendations."
            ),
            "The Group approved [-three -]{+four +}Recommendations."
        );
        assert_eq!(
            marked("2.9\tITU-T met.", "2.10\tITU-T met."),
            "[-2.9\t-]{+2.10\t+}ITU-T met."
        );
        assert_eq!(
            marked("met in Geneva.", "met in Cairo."),
            "met in [-Geneva.-]{+Cairo.+}"
        );
    }

    #[test]
    fn a_short_word_between_changes_is_folded_into_them() {
        // Without the clean-up: [-red -]{+blue +}of [-cat-]{+dog+}.
        assert_eq!(
            marked("red of cat", "blue of dog"),
            "[-red of cat-]{+blue of dog+}"
        );
        // `the ` (4 characters) outweighs the change after it (`cat`, `dog`: 3): it stays.
        assert_eq!(
            marked("red the cat", "blue the dog"),
            "[-red -]{+blue +}the [-cat-]{+dog+}"
        );
        // A long unchanged stretch stays.
        assert_eq!(
            marked(
                "red and all of this stays cat",
                "blue and all of this stays dog"
            ),
            "[-red -]{+blue +}and all of this stays [-cat-]{+dog+}"
        );
    }

    #[test]
    fn very_long_texts_are_diffed_by_their_ends() {
        let old: Vec<String> = (0..MAX_WORDS + 10).map(|i| format!("w{i} ")).collect();
        let mut new = old.clone();
        new[5] = "x ".into();
        new[MAX_WORDS] = "y ".into();
        let d = diff(&old, &new, String::len);
        assert_eq!(d.len(), 3);
        assert_eq!(
            (d[1].old.clone(), d[1].new.clone()),
            (5..MAX_WORDS + 1, 5..MAX_WORDS + 1)
        );
    }

    #[test]
    fn similarity_counts_common_words() {
        assert_eq!(similarity("a b c d", "a b c d"), 1.0);
        assert_eq!(similarity("a b c d", "w x y z"), 0.0);
        assert!((similarity("a b c d ", "a b c e ") - 0.75).abs() < 1e-6);
    }
}
