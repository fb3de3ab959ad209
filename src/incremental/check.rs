//! The folder kept loaded and checked between rebuilds: after a change, only the files
//! that changed are read, parsed and checked again; the rules across entries (numbering)
//! and the report are then put together from every file's kept results by the same code
//! as a full `check` ([`crate::check::finish`]), so both give the same diagnostics and
//! the same report (a test compares them after a series of edits).
//!
//! The folder is listed again (the walk reads folder listings, no file) when a change
//! names a file that is new or gone, when it names none, and after [`Changes::All`], so
//! files added, removed or renamed are found; a save of a known entry file skips the
//! listing (10 to 20 ms at 5,400 files on the 2-core machine). The report's entries are
//! kept between updates too and patched in place, so a save does not copy 5,400 entries.
//! A change to report.toml checks every entry again when the report's values changed
//! (entries are checked against its resolutions and period).

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use crate::check::{self, Checked, EntryChecked, Parts};
use crate::diag::{Diagnostic, FileId, Sources};
use crate::load::toml_de::EntryParse;
use crate::load::{self, FoundFile, LoadError, Loaded, Overlay, Parsed};
use crate::model::{Entry, Meta};
use crate::raw::{RawEntry, RawReport};

/// One entry file's kept results.
struct EntrySlot {
    path: PathBuf,
    /// Problems reading or parsing it.
    load: Vec<Diagnostic>,
    parsed: Raw,
    /// Its check against the current report.toml; `None` until checked.
    checked: Option<EntryChecked>,
}

/// What an entry file parsed into.
enum Raw {
    Entry(Box<Loaded<RawEntry>>),
    /// It did not deserialize, but has a string `number` (for the numbering rules).
    Number(Loaded<toml::Spanned<String>>),
    Nothing,
}

/// report.toml's kept results.
#[derive(Default)]
struct ReportSlot {
    /// Its path, while the folder has one.
    path: Option<PathBuf>,
    load: Vec<Diagnostic>,
    raw: Option<Loaded<RawReport>>,
    /// The logo's problem and the report's own diagnostics.
    diagnostics: Vec<Diagnostic>,
    /// The section numbers its texts mention, for the cross-reference rules.
    mentions: Vec<crate::diag::Mention>,
    meta: Option<Meta>,
}

/// What changed since the last update.
#[derive(Debug, Clone)]
pub enum Changes {
    /// Read every file again (at start, or after lost events).
    All,
    /// These paths (display paths, as diagnostics name them) changed: entry files, the
    /// logo, or anything else in the folder (then it is listed again, which finds the
    /// files added, removed or renamed).
    Files(BTreeSet<String>),
}

/// The entries folder, loaded and checked, kept up to date.
pub struct Session {
    root: PathBuf,
    /// The last listing of the folder, in reading order, and what the walk found wrong.
    listing: Vec<FoundFile>,
    walk_diagnostics: Vec<Diagnostic>,
    entries: HashMap<FileId, EntrySlot>,
    report: ReportSlot,
    /// The latest result. Its `sources` (the file texts) and its report's entries are
    /// taken back and updated at the next update.
    checked: Option<Checked>,
    /// Files read at the last update.
    last_read: usize,
}

impl Session {
    pub fn new(root: &Path) -> Self {
        Self {
            root: root.to_path_buf(),
            listing: Vec::new(),
            walk_diagnostics: Vec::new(),
            entries: HashMap::new(),
            report: ReportSlot::default(),
            checked: None,
            last_read: 0,
        }
    }

    /// How many files the last update read.
    pub fn files_read(&self) -> usize {
        self.last_read
    }

    /// Brings the folder's check up to date with `changes`.
    pub fn update(&mut self, changes: &Changes) -> Result<&Checked, LoadError> {
        let display_root = load::folder(&self.root)?;
        let report_name = load::report_name(&display_root);
        let (mut sources, kept_entries) = match self.checked.take() {
            Some(c) => (c.sources, c.report.map(|r| r.entries)),
            None => (Sources::default(), None),
        };
        // Files whose checked entry may differ from the one kept in the report.
        let mut dirty: BTreeSet<FileId> = BTreeSet::new();
        let mut report_changed = false;

        // The path of a known file, by the name diagnostics give it.
        let known = |sources: &Sources, name: &str| -> Option<&Path> {
            match &self.report.path {
                Some(path) if name == report_name.as_str() => Some(path),
                _ => self
                    .entries
                    .get(&sources.id(name)?)
                    .map(|s| s.path.as_path()),
            }
        };
        // The logo is read with report.toml: a change to it checks report.toml again.
        if let (Changes::Files(changed), Some(raw)) = (changes, &self.report.raw)
            && let Some(logo) = &raw.raw.layout.logo
            && changed.contains(&crate::diag::display(&self.root.join(logo.get_ref())))
        {
            report_changed = true;
        }
        // Any other name that is not a known, existing entry file (an editor's backup, a
        // folder made, renamed or removed) makes the folder listed again.
        let relist = match changes {
            Changes::All => true,
            Changes::Files(changed) => {
                self.listing.is_empty()
                    || changed.is_empty()
                    || changed
                        .iter()
                        .any(|name| known(&sources, name).is_none_or(|path| !path.is_file()))
            }
        };
        let stale: Vec<FoundFile> = if relist {
            // The ids of files seen before stay theirs.
            let (files, walk_diagnostics) = load::listing(&self.root, &display_root, &mut sources)?;
            let stale = files
                .iter()
                .filter(|f| match changes {
                    Changes::All => true,
                    Changes::Files(changed) => {
                        changed.contains(f.display.as_str())
                            || known(&sources, &f.display).is_none()
                    }
                })
                .cloned()
                .collect();
            // Forget the files that are gone.
            let listed: BTreeSet<FileId> = files.iter().map(|f| f.id).collect();
            self.entries.retain(|&id, _| {
                let keep = listed.contains(&id);
                if !keep {
                    sources.forget(id);
                    dirty.insert(id);
                }
                keep
            });
            if self.report.path.is_some() && !files.iter().any(|f| f.display == report_name) {
                if let Some(raw) = &self.report.raw {
                    sources.forget(raw.file);
                }
                self.report = ReportSlot::default();
                report_changed = true;
            }
            self.listing = files;
            self.walk_diagnostics = walk_diagnostics;
            stale
        } else {
            self.listing
                .iter()
                .filter(|f| match changes {
                    Changes::Files(changed) => changed.contains(f.display.as_str()),
                    Changes::All => true,
                })
                .cloned()
                .collect()
        };

        // Read and parse the new and changed files, on every core when there are many.
        let none = Overlay::new();
        let processed = crate::parallel::map(&stale, |f| {
            load::process(f, f.display == report_name, &none)
        });
        self.last_read = stale.len();
        for (file, p) in stale.into_iter().zip(processed) {
            match p.text {
                Some(text) => sources.set_text(file.id, text),
                None => sources.forget(file.id),
            }
            let id = file.id;
            match p.parsed {
                Parsed::Report(raw) => {
                    self.report.path = Some(file.path);
                    self.report.load = p.diagnostics;
                    self.report.raw = raw.map(|r| Loaded { file: id, raw: *r });
                    report_changed = true;
                }
                Parsed::Entry(parsed) => {
                    let parsed = match parsed {
                        EntryParse::Entry(raw) => Raw::Entry(Box::new(Loaded {
                            file: id,
                            raw: *raw,
                        })),
                        EntryParse::NumberOnly(raw) => Raw::Number(Loaded { file: id, raw }),
                        EntryParse::Nothing => Raw::Nothing,
                    };
                    let slot = EntrySlot {
                        path: file.path,
                        load: p.diagnostics,
                        parsed,
                        checked: None,
                    };
                    dirty.insert(id);
                    self.entries.insert(id, slot);
                }
            }
        }

        if report_changed && self.recheck_report(&sources) {
            // Entries are checked against the report's values: when those changed, every
            // entry is checked again.
            for (&id, slot) in &mut self.entries {
                slot.checked = None;
                dirty.insert(id);
            }
        }
        self.check_entries(&sources);
        let entries = self.report_entries(kept_entries, &dirty, &sources);

        // Put everything together in reading order, as a full check does: entries that
        // deserialized first, then the numbers of those that did not.
        let mut parts = Parts::default();
        parts
            .diagnostics
            .extend(self.walk_diagnostics.iter().cloned());
        parts.diagnostics.extend(self.report.load.iter().cloned());
        parts
            .diagnostics
            .extend(self.report.diagnostics.iter().cloned());
        parts.mentions.extend(self.report.mentions.iter().cloned());
        let in_order = || self.listing.iter().filter_map(|f| self.entries.get(&f.id));
        for slot in in_order() {
            parts.diagnostics.extend(slot.load.iter().cloned());
            if let (Raw::Entry(_), Some(checked)) = (&slot.parsed, &slot.checked) {
                parts.add(checked);
            }
        }
        for slot in in_order() {
            if let (Raw::Number(_), Some(checked)) = (&slot.parsed, &slot.checked) {
                parts.add(checked);
            }
        }
        parts.diagnostics.extend(load::folder_diagnostics(
            &display_root,
            self.report.path.is_some(),
            self.entries.len(),
        ));
        parts.entries = entries;
        let checked = check::finish(
            self.report.meta.clone(),
            parts,
            sources,
            self.listing.iter().map(|f| f.id).collect(),
            self.entries.len(),
        );
        Ok(self.checked.insert(checked))
    }

    /// Checks report.toml again; true when its values changed.
    fn recheck_report(&mut self, sources: &Sources) -> bool {
        let before = self.report.meta.take();
        self.report.diagnostics.clear();
        self.report.mentions.clear();
        if let Some(raw) = &self.report.raw {
            let logo = match load::read_logo(&self.root, raw) {
                Ok(logo) => logo,
                Err(d) => {
                    self.report.diagnostics.push(*d);
                    None
                }
            };
            let (meta, diagnostics, mentions) = check::check_report(raw, sources, logo);
            self.report.meta = meta;
            self.report.diagnostics.extend(diagnostics);
            self.report.mentions = mentions;
        }
        before != self.report.meta
    }

    /// Checks the entries not checked yet, on every core when there are many.
    fn check_entries(&mut self, sources: &Sources) {
        let unchecked: Vec<(&FileId, &EntrySlot)> = self
            .entries
            .iter()
            .filter(|(_, slot)| slot.checked.is_none())
            .collect();
        let meta = self.report.meta.as_ref();
        let results = crate::parallel::map(&unchecked, |(_, slot)| match &slot.parsed {
            Raw::Entry(loaded) => check::check_entry(loaded, sources, meta),
            Raw::Number(loaded) => check::broken_number_checked(loaded),
            Raw::Nothing => EntryChecked::default(),
        });
        let ids: Vec<FileId> = unchecked.iter().map(|(id, _)| **id).collect();
        for (id, result) in ids.into_iter().zip(results) {
            if let Some(slot) = self.entries.get_mut(&id) {
                slot.checked = Some(result);
            }
        }
    }

    /// The entries of the report: the last report's, with the `dirty` files' entries
    /// replaced in place when each kept its number; else every entry copied afresh.
    fn report_entries(
        &self,
        kept: Option<Vec<Entry>>,
        dirty: &BTreeSet<FileId>,
        sources: &Sources,
    ) -> Vec<Entry> {
        let entry_of = |id: FileId| {
            self.entries
                .get(&id)
                .and_then(|s| s.checked.as_ref())
                .and_then(|c| c.entry.as_ref())
        };
        if let Some(mut kept) = kept
            && dirty.len() * 8 < kept.len().max(8)
        {
            let patched = dirty.iter().all(|&id| {
                let path = sources.path(id);
                let (Some(at), Some(new)) =
                    (kept.iter().position(|e| &e.file == path), entry_of(id))
                else {
                    return false;
                };
                if kept[at].number != new.number {
                    return false;
                }
                kept[at] = new.clone();
                true
            });
            if patched {
                return kept;
            }
        }
        self.listing
            .iter()
            .filter_map(|f| entry_of(f.id).cloned())
            .collect()
    }
}
