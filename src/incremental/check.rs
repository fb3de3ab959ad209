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
use crate::diag::{Diagnostic, Sources};
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
    entries: HashMap<String, EntrySlot>,
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
        let mut dirty: BTreeSet<String> = BTreeSet::new();
        let mut report_changed = false;

        let known = |name: &str| -> Option<&Path> {
            match &self.report.path {
                Some(path) if name == report_name => Some(path),
                _ => self.entries.get(name).map(|s| s.path.as_path()),
            }
        };
        // The logo is read with report.toml: a change to it checks report.toml again.
        if let (Changes::Files(changed), Some(raw)) = (changes, &self.report.raw)
            && let Some(logo) = &raw.raw.layout.logo
            && changed.contains(&load::display(&self.root.join(logo.get_ref())))
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
                        .any(|name| known(name).is_none_or(|path| !path.is_file()))
            }
        };
        let stale: Vec<FoundFile> = if relist {
            let (files, walk_diagnostics) = load::listing(&self.root, &display_root)?;
            let stale = files
                .iter()
                .filter(|f| match changes {
                    Changes::All => true,
                    Changes::Files(changed) => {
                        changed.contains(&f.display) || known(&f.display).is_none()
                    }
                })
                .cloned()
                .collect();
            // Forget the files that are gone.
            let listed: BTreeSet<&str> = files.iter().map(|f| f.display.as_str()).collect();
            self.entries.retain(|name, _| {
                let keep = listed.contains(name.as_str());
                if !keep {
                    sources.remove(name);
                    dirty.insert(name.clone());
                }
                keep
            });
            if self.report.path.is_some() && !listed.contains(report_name.as_str()) {
                sources.remove(&report_name);
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
                    Changes::Files(changed) => changed.contains(&f.display),
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
                Some(text) => sources.insert(file.display.clone(), text),
                None => sources.remove(&file.display),
            }
            match p.parsed {
                Parsed::Report(raw) => {
                    self.report.path = Some(file.path.clone());
                    self.report.load = p.diagnostics;
                    self.report.raw = raw.map(|r| Loaded {
                        file: file.display.clone(),
                        raw: *r,
                    });
                    report_changed = true;
                }
                Parsed::Entry(parsed) => {
                    let name = file.display;
                    let parsed = match parsed {
                        EntryParse::Entry(raw) => Raw::Entry(Box::new(Loaded {
                            file: name.clone(),
                            raw: *raw,
                        })),
                        EntryParse::NumberOnly(raw) => Raw::Number(Loaded {
                            file: name.clone(),
                            raw,
                        }),
                        EntryParse::Nothing => Raw::Nothing,
                    };
                    let slot = EntrySlot {
                        path: file.path,
                        load: p.diagnostics,
                        parsed,
                        checked: None,
                    };
                    dirty.insert(name.clone());
                    self.entries.insert(name, slot);
                }
            }
        }

        if report_changed && self.recheck_report(&sources) {
            // Entries are checked against the report's values: when those changed, every
            // entry is checked again.
            for (name, slot) in &mut self.entries {
                slot.checked = None;
                dirty.insert(name.clone());
            }
        }
        self.check_entries(&sources);
        let entries = self.report_entries(kept_entries, &dirty);

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
        let in_order = || {
            self.listing
                .iter()
                .filter_map(|f| self.entries.get(&f.display))
        };
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
            self.listing.iter().map(|f| f.display.clone()).collect(),
            self.entries.len(),
        );
        Ok(self.checked.insert(checked))
    }

    /// Checks report.toml again; true when its values changed.
    fn recheck_report(&mut self, sources: &Sources) -> bool {
        let before = self.report.meta.take();
        self.report.diagnostics.clear();
        if let Some(raw) = &self.report.raw {
            let logo = match load::read_logo(&self.root, raw) {
                Ok(logo) => logo,
                Err(d) => {
                    self.report.diagnostics.push(*d);
                    None
                }
            };
            let src = sources.get(&raw.file).unwrap_or_default();
            let (meta, diagnostics) = check::check_report(raw, src, logo);
            self.report.meta = meta;
            self.report.diagnostics.extend(diagnostics);
        }
        before != self.report.meta
    }

    /// Checks the entries not checked yet, on every core when there are many.
    fn check_entries(&mut self, sources: &Sources) {
        let unchecked: Vec<(&String, &EntrySlot)> = self
            .entries
            .iter()
            .filter(|(_, slot)| slot.checked.is_none())
            .collect();
        let meta = self.report.meta.as_ref();
        let results = crate::parallel::map(&unchecked, |(name, slot)| {
            let src = sources.get(name).unwrap_or_default();
            match &slot.parsed {
                Raw::Entry(loaded) => check::check_entry(loaded, src, meta),
                Raw::Number(loaded) => check::broken_number_checked(loaded),
                Raw::Nothing => EntryChecked::default(),
            }
        });
        let names: Vec<String> = unchecked.iter().map(|(n, _)| (*n).clone()).collect();
        for (name, result) in names.into_iter().zip(results) {
            if let Some(slot) = self.entries.get_mut(&name) {
                slot.checked = Some(result);
            }
        }
    }

    /// The entries of the report: the last report's, with the `dirty` files' entries
    /// replaced in place when each kept its number; else every entry copied afresh.
    fn report_entries(&self, kept: Option<Vec<Entry>>, dirty: &BTreeSet<String>) -> Vec<Entry> {
        let entry_of = |name: &str| {
            self.entries
                .get(name)
                .and_then(|s| s.checked.as_ref())
                .and_then(|c| c.entry.as_ref())
        };
        if let Some(mut kept) = kept
            && dirty.len() * 8 < kept.len().max(8)
        {
            let patched = dirty.iter().all(|name| {
                let (Some(at), Some(new)) =
                    (kept.iter().position(|e| &e.file == name), entry_of(name))
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
            .filter_map(|f| entry_of(&f.display).cloned())
            .collect()
    }
}
