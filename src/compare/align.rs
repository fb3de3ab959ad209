//! Pairing the paragraphs of two versions of one text (an entry, the Summary box): the
//! same paragraph in both is kept, a changed one is paired with its old self and diffed
//! word by word, the others are inserted or deleted whole.
//!
//! Paragraphs equal in both versions are found first (a Myers diff of the paragraphs);
//! between them, old and new paragraphs are paired by how alike their words are
//! ([`words::similarity`]), keeping their order, so that a paragraph added before a
//! changed one is an insertion and the changed one still a revision. The DOCX and the
//! text report align the same texts with this one function, so they agree.

use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::words::similarity;

/// How alike two paragraphs must be to be shown as one revised paragraph rather than a
/// deletion and an insertion: 40 % of their words in common. A renumbered heading
/// (`2.7<TAB>Title` → `2.8<TAB>Title`) is far above it, an unrelated paragraph of the
/// same entry below.
const PAIR_AT: f32 = 0.4;

/// Pairing a region costs its old length times its new length in similarity measures;
/// beyond this many (an entry rewritten from 100 paragraphs to 100 others) the region's
/// paragraphs are deleted and inserted whole.
const MAX_PAIRINGS: usize = 10_000;

/// A paragraph of either version, in the order of the revised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pair {
    /// In both: the old index and the new index (the text may have changed).
    Both(usize, usize),
    /// Only in the old version: deleted.
    Old(usize),
    /// Only in the new version: inserted.
    New(usize),
}

/// Pairs `old` and `new` (each paragraph's text, with whatever tells paragraphs of
/// different kinds apart). With `close`, the last paragraphs of both are paired
/// whatever they say: the last paragraph of a table cell cannot be deleted.
pub fn align(old: &[String], new: &[String], close: bool) -> Vec<Pair> {
    if close && !old.is_empty() && !new.is_empty() {
        let (m, n) = (old.len() - 1, new.len() - 1);
        let mut pairs = align(&old[..m], &new[..n], false);
        pairs.push(Pair::Both(m, n));
        return pairs;
    }
    let mut out = Vec::with_capacity(old.len().max(new.len()));
    for op in capture_diff_slices(Algorithm::Myers, old, new) {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            out.extend(o.zip(n).map(|(i, j)| Pair::Both(i, j)));
        } else {
            out.extend(
                pair_alike(&old[o.clone()], &new[n.clone()])
                    .into_iter()
                    .map(|p| match p {
                        Pair::Both(i, j) => Pair::Both(o.start + i, n.start + j),
                        Pair::Old(i) => Pair::Old(o.start + i),
                        Pair::New(j) => Pair::New(n.start + j),
                    }),
            );
        }
    }
    out
}

/// The order-keeping pairing of `old` and `new` with the most similarity in all, pairs
/// at least [`PAIR_AT`] alike (a longest-common-subsequence table weighted by
/// similarity). Unpaired old paragraphs come before the new ones between two pairs, as
/// an editor deletes before typing.
fn pair_alike(old: &[String], new: &[String]) -> Vec<Pair> {
    let (m, n) = (old.len(), new.len());
    let sim: Vec<Vec<f32>> = if m * n <= MAX_PAIRINGS {
        old.iter()
            .map(|a| new.iter().map(|b| similarity(a, b)).collect())
            .collect()
    } else {
        vec![vec![0.0; n]; m]
    };
    // best[i][j]: the most similarity pairing old[i..] with new[j..] can give.
    let mut best = vec![vec![0.0f32; n + 1]; m + 1];
    for i in (0..m).rev() {
        for j in (0..n).rev() {
            let mut b = best[i + 1][j].max(best[i][j + 1]);
            if sim[i][j] >= PAIR_AT {
                b = b.max(best[i + 1][j + 1] + sim[i][j]);
            }
            best[i][j] = b;
        }
    }
    let mut out = Vec::with_capacity(m.max(n));
    let (mut i, mut j) = (0, 0);
    let mut pending_new = Vec::new();
    while i < m || j < n {
        if i < m && j < n && sim[i][j] >= PAIR_AT && best[i][j] == best[i + 1][j + 1] + sim[i][j] {
            out.append(&mut pending_new);
            out.push(Pair::Both(i, j));
            i += 1;
            j += 1;
        } else if i < m && (j == n || best[i][j] == best[i + 1][j]) {
            out.push(Pair::Old(i));
            i += 1;
        } else {
            pending_new.push(Pair::New(j));
            j += 1;
        }
    }
    out.extend(pending_new);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &[&str]) -> Vec<String> {
        s.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn equal_paragraphs_pair_and_changed_ones_pair_with_their_old_selves() {
        let old = texts(&[
            "2.7\tThe Group met in Geneva.",
            "It approved two texts.",
            "An old remark.",
        ]);
        let new = texts(&[
            "2.8\tThe Group met in Geneva.",
            "A new paragraph about something else entirely.",
            "It approved three texts.",
        ]);
        assert_eq!(
            align(&old, &new, false),
            [
                Pair::Both(0, 0),
                Pair::New(1),
                Pair::Both(1, 2),
                Pair::Old(2)
            ]
        );
    }

    #[test]
    fn deletions_come_before_insertions_between_pairs() {
        let old = texts(&["same", "gone away now"]);
        let new = texts(&["same", "wholly different words"]);
        assert_eq!(
            align(&old, &new, false),
            [Pair::Both(0, 0), Pair::Old(1), Pair::New(1)]
        );
    }

    #[test]
    fn a_closed_container_pairs_its_last_paragraphs() {
        let old = texts(&["a b c", "x y z"]);
        let new = texts(&["a b c", "p q r"]);
        assert_eq!(
            align(&old, &new, true),
            [Pair::Both(0, 0), Pair::Both(1, 1)]
        );
        assert_eq!(align(&texts(&[]), &new, true), [Pair::New(0), Pair::New(1)]);
    }
}
