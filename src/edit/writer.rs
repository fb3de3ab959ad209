//! The one way this program writes an entry file or report.toml: values set key by key in
//! a `toml_edit` document (which quotes and escapes them), comments placed where they
//! belong, and the result laid out by [`super::fmt::layout`], so a written file is what
//! `fmt` would make of it. `import` and `new` write through here.

use toml_edit::{DocumentMut, Item, RawString, Table, Value};

use super::fmt;
use crate::dates::Date;
use crate::raw::shape::Key;

/// A file being written, whose shape is `keys` ([`crate::raw::shape::ENTRY`] or
/// [`crate::raw::shape::REPORT`]).
pub struct Writer {
    doc: DocumentMut,
    keys: &'static [Key],
    /// String values as they must read back: (dotted key, value).
    expect: Vec<(String, String)>,
    /// Commented-out lines for optional keys left out: (dotted key, lines).
    absent: Vec<(String, String)>,
}

/// What was written: the text, and the string values it must read back to.
#[derive(Debug, Clone)]
pub struct Written {
    pub text: String,
    pub expect: Vec<(String, String)>,
}

impl Writer {
    pub fn new(keys: &'static [Key]) -> Self {
        Self {
            doc: DocumentMut::new(),
            keys,
            expect: Vec::new(),
            absent: Vec::new(),
        }
    }

    /// Sets the key at `dotted` (`number`, `event.name`, `document.date`) to `value`,
    /// making the tables on the way.
    pub fn set(&mut self, dotted: &str, value: impl Into<Value>) {
        let value = value.into();
        if let Some(s) = value.as_str() {
            self.expect.push((dotted.to_owned(), s.to_owned()));
        }
        if let Some((table, key)) = self.table_of(dotted) {
            table.insert(key, Item::Value(value));
        }
    }

    /// A text on lines of its own (a `"""` string): `text` and a final line break.
    pub fn text(&mut self, dotted: &str, text: &str) {
        self.set(dotted, format!("{text}\n"));
    }

    /// A TOML date, written without quotes: `2018-03-22`.
    pub fn date(&mut self, dotted: &str, d: Date) {
        match d.iso().parse::<toml_edit::Datetime>() {
            Ok(dt) => self.set(dotted, dt),
            // `Date::iso` always writes a TOML date; a string is the safe fallback.
            Err(_) => self.set(dotted, d.iso()),
        }
    }

    /// Integers in brackets: `[101, 180]`.
    pub fn integers(&mut self, dotted: &str, values: impl IntoIterator<Item = i64>) {
        self.set(dotted, values.into_iter().collect::<toml_edit::Array>());
    }

    /// A new table at the end of the array of tables `name` (`[[recommendations]]`), with
    /// these string values in order.
    pub fn push_table(&mut self, name: &str, values: &[(&str, &str)]) {
        let mut table = Table::new();
        for (k, v) in values {
            table.insert(k, Item::Value(Value::from(*v)));
        }
        let item = self
            .doc
            .as_table_mut()
            .entry(name)
            .or_insert_with(|| Item::ArrayOfTables(Default::default()));
        if let Some(array) = item.as_array_of_tables_mut() {
            array.push(table);
        }
    }

    /// Comment lines (`# …`, each ending in a line break) just before the key or table at
    /// `dotted`, which must have been set: how a file shows an optional key it leaves out
    /// (`# source = …` before the key that follows it).
    pub fn comment_before(&mut self, dotted: &str, lines: &str) {
        let Some((table, key)) = self.table_of(dotted) else {
            return;
        };
        let joined = |old: Option<&RawString>| {
            format!("{lines}{}", old.and_then(RawString::as_str).unwrap_or(""))
        };
        match table.get_mut(key) {
            Some(Item::Table(t)) => {
                let prefix = joined(t.decor().prefix());
                t.decor_mut().set_prefix(prefix);
            }
            Some(Item::Value(_)) => {
                if let Some(mut k) = table.key_mut(key) {
                    let prefix = joined(k.leaf_decor().prefix());
                    k.leaf_decor_mut().set_prefix(prefix);
                }
            }
            _ => {}
        }
    }

    /// Commented-out lines showing the optional key (or table) `dotted`, which the file
    /// leaves out (`# source = "…"`): placed where the key would be, before the next key
    /// or table the file has in the shape's order, else at the end.
    pub fn absent(&mut self, dotted: &str, lines: &str) {
        self.absent.push((dotted.to_owned(), lines.to_owned()));
    }

    /// Comment lines at the top of the file, with a blank line under them; the file's
    /// first key must have been set.
    pub fn header(&mut self, lines: &str) {
        // The first key the layout prints: the shape's first top-level value set, else
        // its first table.
        let mut names = self.keys.iter().map(|k| k.name);
        let first = names
            .clone()
            .find(|n| self.doc.get(n).is_some_and(Item::is_value))
            .or_else(|| names.find(|n| self.doc.get(n).is_some()));
        if let Some(name) = first {
            self.comment_before(name, &format!("{lines}\n"));
        }
    }

    /// Comment lines after everything else, a blank line before them.
    pub fn trailing(&mut self, lines: &str) {
        let old = self.doc.trailing().as_str().unwrap_or("").to_owned();
        let sep = if old.is_empty() { "" } else { "\n" };
        self.doc.set_trailing(format!("{old}{sep}{lines}"));
    }

    /// The file's text in the canonical layout, and the values it must read back to.
    pub fn finish(mut self) -> Written {
        // Last first: each goes in front of what is already before the same key.
        for (dotted, lines) in std::mem::take(&mut self.absent).into_iter().rev() {
            match self.next_present(&dotted) {
                Some(next)
                    if self.doc.get(&next).is_some_and(Item::is_table) && !next.contains('.') =>
                {
                    // A blank line between the commented table and the next one.
                    self.comment_before(&next, &format!("{lines}\n"));
                }
                Some(next) => self.comment_before(&next, &lines),
                None => {
                    let old = self.doc.trailing().as_str().unwrap_or("").to_owned();
                    let sep = if old.is_empty() { "" } else { "\n" };
                    self.doc.set_trailing(format!("{lines}{sep}{old}"));
                }
            }
        }
        Written {
            text: fmt::layout(self.doc, self.keys),
            expect: self.expect,
        }
    }

    /// The first key or table set after `dotted` in the shape's order, among its siblings,
    /// else among its table's following tables at the top (`period` → `layout`).
    fn next_present(&self, dotted: &str) -> Option<String> {
        let (path, name) = dotted.rsplit_once('.').unwrap_or(("", dotted));
        let siblings = if path.is_empty() {
            self.keys
        } else {
            crate::raw::shape::at(self.keys, path)?.kind.keys()?
        };
        let table = if path.is_empty() {
            Some(self.doc.as_table())
        } else {
            path.split('.')
                .try_fold(self.doc.as_table(), |t, part| t.get(part)?.as_table())
        };
        let after = siblings
            .iter()
            .skip_while(|k| k.name != name)
            .skip(1)
            .find(|k| table.is_some_and(|t| t.contains_key(k.name)));
        match after {
            Some(k) if path.is_empty() => Some(k.name.to_owned()),
            Some(k) => Some(format!("{path}.{}", k.name)),
            // Nothing after it in its table: the next top-level table the file has.
            None if !path.is_empty() => {
                let top = path.split('.').next().unwrap_or(path);
                self.next_present(top)
            }
            None => None,
        }
    }

    /// The table holding the last part of `dotted`, made on the way, and that part
    /// (always `Some`: a key on the way that is not a table becomes one).
    fn table_of<'k>(&mut self, dotted: &'k str) -> Option<(&mut Table, &'k str)> {
        let (path, key) = dotted.rsplit_once('.').unwrap_or(("", dotted));
        let mut table = self.doc.as_table_mut();
        for part in path.split('.').filter(|p| !p.is_empty()) {
            let item = table
                .entry(part)
                .or_insert_with(|| Item::Table(Table::new()));
            if !item.is_table() {
                *item = Item::Table(Table::new());
            }
            table = item.as_table_mut()?;
        }
        Some((table, key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raw::shape::{ENTRY, REPORT};

    /// Values that hand-made quoting gets wrong read back as given, and `fmt` leaves the
    /// written file as it is.
    #[test]
    fn any_string_reads_back_and_fmt_keeps_the_file() {
        for s in [
            "plain",
            "“curly” and \"straight\" quotes",
            "back\\slash \\* escaped markup",
            "three ''' singles and \"\"\" doubles",
            "ends in a quote\"",
            "tab\tand bell\u{7} and DEL\u{7f}",
            "",
        ] {
            let mut w = Writer::new(ENTRY);
            w.set("number", "2.1");
            w.set("title", s);
            w.text("text", &format!("{s}\n\nsecond paragraph {s}"));
            let written = w.finish();
            let v: toml::Table = toml::from_str(&written.text).expect(&written.text);
            assert_eq!(v["title"].as_str(), Some(s), "{}", written.text);
            assert_eq!(
                v["text"].as_str(),
                Some(format!("{s}\n\nsecond paragraph {s}\n").as_str()),
                "{}",
                written.text
            );
            assert_eq!(
                fmt::format_entry("e.toml", &written.text).unwrap(),
                written.text
            );
            for (dotted, want) in &written.expect {
                assert_eq!(v[dotted.as_str()].as_str(), Some(want.as_str()));
            }
        }
    }

    /// Keys set out of order come out in the shape's order; a left-out optional key shows
    /// as a comment where it would be, inside its table; a date has no quotes.
    #[test]
    fn shape_order_and_absent_keys_in_place() {
        let mut w = Writer::new(REPORT);
        w.set("document.title", "T");
        w.set("meeting.name", "Council 2019");
        w.date("document.date", Date::new(2019, 4, 5).unwrap());
        w.set("document.number", "C19/40");
        w.absent("document.source", "# source = \"…\"\n");
        w.absent("period", "# [period]\n# start = 2017-02-15\n");
        w.header("# Written by a test.\n");
        let text = w.finish().text;
        assert_eq!(
            text,
            "# Written by a test.\n\n\
             [meeting]\nname = \"Council 2019\"\n\n\
             [document]\nnumber = \"C19/40\"\ndate = 2019-04-05\n# source = \"…\"\ntitle = \"T\"\n\n\
             # [period]\n# start = 2017-02-15\n"
        );
        assert_eq!(fmt::format_report("r.toml", &text).unwrap(), text);
    }
}
