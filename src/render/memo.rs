//! Each entry rendered once and kept until it changes, for `watch`: an entry's HTML
//! depends on that entry and the layout only, its DOCX body also on the ids it starts from
//! (a key), so after a save only the entries whose checked value (or key) differs from the
//! one their kept rendering was made from are rendered again (one entry after a typical
//! save, instead of 5,400 at 100× the sample).

use std::collections::HashMap;

use crate::diag::DisplayPath;
use crate::locale::Language;
use crate::model::{Entry, Layout};

/// Renderings of entries, by source file, with the entry and the key each was made from.
pub struct Memo<T, K = ()> {
    /// The layout and language every kept rendering was made with.
    context: Option<(Layout, Language)>,
    kept: HashMap<DisplayPath, (Entry, K, T)>,
}

impl<T, K> Default for Memo<T, K> {
    fn default() -> Self {
        Self {
            context: None,
            kept: HashMap::new(),
        }
    }
}

impl<T: Send> Memo<T> {
    /// The rendering of every entry, in order: kept ones where the entry (same file, equal
    /// value) and the layout are unchanged, the others rendered by `render` on every core.
    /// An error is returned as it is and nothing of that call is kept.
    pub fn render<E: Send>(
        &mut self,
        entries: &[Entry],
        context: (&Layout, Language),
        render: impl Fn(&Entry) -> Result<T, E> + Sync,
    ) -> Result<Vec<&T>, E> {
        self.render_keyed(entries, vec![(); entries.len()], context, |e, ()| render(e))
    }
}

impl<T: Send, K: PartialEq + Send + Sync> Memo<T, K> {
    /// [`Memo::render`] where an entry's rendering also depends on a key (one per entry,
    /// in order): a kept rendering is used only if it was made with an equal key.
    pub fn render_keyed<E: Send>(
        &mut self,
        entries: &[Entry],
        keys: Vec<K>,
        (layout, language): (&Layout, Language),
        render: impl Fn(&Entry, &K) -> Result<T, E> + Sync,
    ) -> Result<Vec<&T>, E> {
        if self
            .context
            .as_ref()
            .is_none_or(|(l, lang)| l != layout || *lang != language)
        {
            self.kept.clear();
            self.context = Some((layout.clone(), language));
        }
        let stale: Vec<(&Entry, K)> = entries
            .iter()
            .zip(keys)
            .filter(|(e, key)| {
                self.kept
                    .get(&e.file)
                    .is_none_or(|(kept, kept_key, _)| kept != *e || kept_key != key)
            })
            .collect();
        let fresh = crate::parallel::map(&stale, |(e, key)| render(e, key));
        let mut made = Vec::with_capacity(stale.len());
        for ((e, key), r) in stale.into_iter().zip(fresh) {
            made.push(((*e).clone(), key, r?));
        }
        for (e, key, r) in made {
            self.kept.insert(e.file.clone(), (e, key, r));
        }
        // Files that left the report.
        if self.kept.len() > entries.len() {
            let present: std::collections::HashSet<&str> =
                entries.iter().map(|e| e.file.as_str()).collect();
            self.kept.retain(|file, _| present.contains(file.as_str()));
        }
        // Every entry is kept now: it was found there or has just been put there.
        Ok(entries
            .iter()
            .filter_map(|e| self.kept.get(&e.file).map(|(_, _, r)| r))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    fn entry(number: &str, text: &str) -> Entry {
        Entry::plain(number, &format!("entries/{number}.toml"), text)
    }

    #[test]
    fn renders_only_what_changed() {
        let calls = AtomicUsize::new(0);
        let render = |e: &Entry| {
            calls.fetch_add(1, Ordering::Relaxed);
            Ok::<_, ()>(e.text.plain_paragraphs().join(""))
        };
        let mut memo = Memo::default();
        let layout = Layout::default();
        let mut entries = vec![entry("1", "a"), entry("2", "b"), entry("3", "c")];
        assert_eq!(
            memo.render(&entries, (&layout, Language::E), render),
            Ok(vec![&"a".to_owned(), &"b".into(), &"c".into()])
        );
        assert_eq!(calls.load(Ordering::Relaxed), 3);
        entries[1] = entry("2", "B");
        entries.remove(2);
        let out: Vec<String> = memo
            .render(&entries, (&layout, Language::E), render)
            .expect("renders")
            .into_iter()
            .cloned()
            .collect();
        assert_eq!(out, ["a", "B"]);
        assert_eq!(calls.load(Ordering::Relaxed), 4);
        // Another layout renders everything again.
        let other = Layout {
            top_level_period: false,
            ..Layout::default()
        };
        memo.render(&entries, (&other, Language::E), render)
            .expect("renders");
        assert_eq!(calls.load(Ordering::Relaxed), 6);
    }

    #[test]
    fn a_changed_key_renders_again() {
        let calls = AtomicUsize::new(0);
        let render = |e: &Entry, key: &u32| {
            calls.fetch_add(1, Ordering::Relaxed);
            Ok::<_, ()>(format!("{}@{key}", e.number))
        };
        let mut memo = Memo::default();
        let layout = Layout::default();
        let entries = vec![entry("1", "a"), entry("2", "b")];
        memo.render_keyed(&entries, vec![0, 5], (&layout, Language::E), render)
            .expect("renders");
        let out: Vec<String> = memo
            .render_keyed(&entries, vec![0, 6], (&layout, Language::E), render)
            .expect("renders")
            .into_iter()
            .cloned()
            .collect();
        assert_eq!(out, ["1@0", "2@6"]);
        assert_eq!(calls.load(Ordering::Relaxed), 3);
    }
}
