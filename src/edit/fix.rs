//! `fmt --fix`: the typography slips `check` warns about, fixed in the text values
//! themselves: straight quotes to the language's typographic ones (W002), runs of spaces
//! to one (W003), spaces at the end of a line removed (W004), TABs inside a line to a
//! space (W010). The slips are found by the scanners `check` reports from
//! ([`crate::typography`]), in the values `check` runs them on (the keys [`TEXT_KEYS`]
//! lists; placeholders left by `import` excepted, as there), so the fix clears what
//! `check` reports and nothing else.
//!
//! The words stay the same words in the same order. Values are rewritten through
//! `toml_edit`, so comments and the rest of the file stay as they are.

use toml_edit::{DocumentMut, Item, Value};

use crate::locale::Language;

/// The dotted keys (below the file's top) whose values are text for the reader: the
/// values `check` runs its typography rules on. `*` is any key (`labels.F.summary`).
pub const TEXT_KEYS: &[&str] = &[
    // An entry.
    "title",
    "text",
    "recommendations.title",
    "event.name",
    "event.place",
    // report.toml.
    "meeting.name",
    "meeting.place_and_dates",
    "document.number",
    "document.language",
    "document.language_line",
    "document.agenda_item",
    "document.source",
    "document.title",
    "document.creator",
    "revision.author",
    "summary.text",
    "summary.action",
    "summary.references",
    "layout.footer",
    "labels.*.*",
];

/// Fixes the text values of a parsed file; returns how many values changed.
pub fn fix_document(doc: &mut DocumentMut, language: Language) -> usize {
    let mut changed = 0;
    for path in TEXT_KEYS {
        let parts: Vec<&str> = path.split('.').collect();
        visit(doc.as_item_mut(), &parts, &mut |v| {
            changed += usize::from(fix_value(v, language));
        });
    }
    changed
}

/// Calls `f` on each string value at `path` under `item`, through tables and arrays of
/// tables (`recommendations.title` is the title of every `[[recommendations]]`).
fn visit(item: &mut Item, path: &[&str], f: &mut dyn FnMut(&mut Value)) {
    let Some((first, rest)) = path.split_first() else {
        if let Some(v) = item.as_value_mut() {
            f(v);
        }
        return;
    };
    let wanted = |key: &str| *first == "*" || key == *first;
    match item {
        Item::Table(t) => {
            for (_, i) in t.iter_mut().filter(|(k, _)| wanted(k)) {
                visit(i, rest, f);
            }
        }
        Item::ArrayOfTables(a) => {
            for t in a.iter_mut() {
                for (_, i) in t.iter_mut().filter(|(k, _)| wanted(k)) {
                    visit(i, rest, f);
                }
            }
        }
        Item::Value(Value::InlineTable(t)) => {
            for (_, v) in t.iter_mut().filter(|(k, _)| wanted(k)) {
                let mut item = Item::Value(v.clone());
                visit(&mut item, rest, f);
                if let Item::Value(new) = item {
                    *v = new;
                }
            }
        }
        Item::Value(Value::Array(a)) => {
            for v in a.iter_mut() {
                let mut item = Item::Value(v.clone());
                visit(&mut item, path, f);
                if let Item::Value(new) = item {
                    *v = new;
                }
            }
        }
        _ => {}
    }
}

/// Replaces a string value by its fixed text, keeping its decoration (the comment after
/// it) and, when it was one, the `"""` form. True when it changed.
fn fix_value(v: &mut Value, language: Language) -> bool {
    let Value::String(s) = v else {
        return false;
    };
    if crate::raw::is_placeholder(s.value()) {
        // `check` leaves a placeholder's wording alone (it is not the user's): so does the fix.
        return false;
    }
    let fixed = crate::typography::fix(s.value(), language);
    if fixed == *s.value() {
        return false;
    }
    let raw = s.as_repr().and_then(|r| r.as_raw().as_str()).unwrap_or("");
    let multi_line = raw.starts_with("\"\"\"") || raw.starts_with("'''");
    let mut new = if multi_line && !fixed.contains("\"\"\"") {
        super::fmt::basic_multi_line(&fixed)
            .parse::<Value>()
            .ok()
            .filter(|p| p.as_str() == Some(fixed.as_str()))
            .unwrap_or_else(|| Value::from(fixed.clone()))
    } else {
        Value::from(fixed.clone())
    };
    *new.decor_mut() = v.decor().clone();
    *v = new;
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_in_place_comments_kept() {
        let src = "# head\nnumber = \"2.1\" # n\ntitle = \"The \\\"X\\\"  day\" # t\ntext = \"\"\"\nA 'b' \nc\"\"\"\n\n[event]\nname = \"W  1\"\nplace = \"Cairo\"\nstart = 2017-04-02\n";
        let mut doc: DocumentMut = src.parse().unwrap();
        assert_eq!(fix_document(&mut doc, Language::E), 3);
        assert_eq!(
            doc.to_string(),
            "# head\nnumber = \"2.1\" # n\ntitle = \"The “X” day\" # t\ntext = \"\"\"\nA ‘b’\nc\"\"\"\n\n[event]\nname = \"W 1\"\nplace = \"Cairo\"\nstart = 2017-04-02\n"
        );
    }

    #[test]
    fn labels_by_any_name_and_no_placeholder() {
        let src = "[meeting]\nname = \"TODO: the  meeting\"\n\n[labels.F]\nsummary = \"Résumé \"\n";
        let mut doc: DocumentMut = src.parse().unwrap();
        assert_eq!(fix_document(&mut doc, Language::F), 1);
        assert_eq!(doc["labels"]["F"]["summary"].as_str(), Some("Résumé"));
        assert_eq!(doc["meeting"]["name"].as_str(), Some("TODO: the  meeting"));
    }
}
