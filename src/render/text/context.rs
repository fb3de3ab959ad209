//! The template context: the [`ViewModel`] as minijinja values.
//!
//! The entries, nearly all of the view, are given to templates as objects that make a
//! field's value when a template reads it, rather than converted whole beforehand: the
//! report template reads one field of each paragraph (`line`, and `hang` when wrapping)
//! and the digest none. Measured at 100× the sample (5,400 entries, 15,000 paragraphs):
//! the report and the digest took 100–135 ms to render with the entries converted up
//! front (most of it converting them, then dropping them), 45–55 ms this way, and
//! `build`'s peak RSS went from 58 to 55 MB. A template sees the same thing either way —
//! the same fields, in the order of the structs' fields when it lists them; a test
//! compares the two.

use std::sync::Arc;

use minijinja::Value;
use minijinja::value::{Enumerator, Object, ObjectRepr, Serde};

use super::view::{EntryView, Paragraph, ParagraphKind, ViewModel};

/// The context of both templates.
pub(super) fn context(view: ViewModel) -> Value {
    let ViewModel {
        language,
        labels,
        meta,
        summary,
        layout,
        entries,
        sections,
        sectors,
        recommendations,
        recommendation_count,
        events,
        resolutions,
        warnings,
        wrap,
    } = view;
    // Into a vector of its own: collected in place, the values would keep the views'
    // vector (2 MB at 100× the sample) allocated while the templates render.
    let mut values = Vec::with_capacity(entries.len());
    values.extend(entries.into_iter().map(|e| Value::from_object(Entry(e))));
    Value::from_pairs([
        ("language", Value::from(language)),
        ("labels", Value::from(Serde(labels))),
        ("meta", Value::from(Serde(meta))),
        ("summary", Value::from(Serde(summary))),
        ("layout", Value::from(Serde(layout))),
        ("entries", Value::from(values)),
        ("sections", Value::from(Serde(sections))),
        ("sectors", Value::from(Serde(sectors))),
        ("recommendations", Value::from(Serde(recommendations))),
        ("recommendation_count", Value::from(recommendation_count)),
        ("events", Value::from(Serde(events))),
        ("resolutions", Value::from(Serde(resolutions))),
        ("warnings", Value::from(Serde(warnings))),
        ("wrap", Value::from(Serde(wrap))),
    ])
}

/// An entry, read field by field.
#[derive(Debug)]
struct Entry(EntryView);

impl Object for Entry {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Map
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let e = &self.0;
        Some(match key.as_str()? {
            "depth" => Value::from(e.depth),
            "event" => Value::from(Serde(&e.event)),
            "file" => Value::from(e.file.as_str()),
            "label" => Value::from(e.label.as_str()),
            "number" => Value::from(e.number.as_str()),
            "paragraphs" => Value::from_object(Paragraphs(Arc::clone(self))),
            "recommendations" => Value::from(Serde(&e.recommendations)),
            "resolutions" => Value::from(Serde(&e.resolutions)),
            "section" => Value::from(e.section),
            "sector" => Value::from(e.sector),
            "title" => Value::from(e.title.as_deref()),
            _ => return None,
        })
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        // The order of the struct's fields, as a converted struct lists them.
        Enumerator::Str(&[
            "number",
            "label",
            "depth",
            "section",
            "title",
            "sector",
            "resolutions",
            "file",
            "paragraphs",
            "recommendations",
            "event",
        ])
    }
}

/// An entry's paragraphs, a list.
#[derive(Debug)]
struct Paragraphs(Arc<Entry>);

impl Object for Paragraphs {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let index = key.as_usize()?;
        (index < self.0.0.paragraphs.len())
            .then(|| Value::from_object(ParagraphAt(Arc::clone(&self.0), index)))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.0.0.paragraphs.len())
    }
}

/// One paragraph of an entry, read field by field.
#[derive(Debug)]
struct ParagraphAt(Arc<Entry>, usize);

impl ParagraphAt {
    fn paragraph(&self) -> &Paragraph {
        &self.0.0.paragraphs[self.1]
    }
}

impl Object for ParagraphAt {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Map
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let p = self.paragraph();
        Some(match key.as_str()? {
            "hang" => Value::from(p.hang()),
            "kind" => Value::from(match p.kind {
                ParagraphKind::Heading => "heading",
                ParagraphKind::Numbered => "numbered",
                ParagraphKind::Text => "text",
                ParagraphKind::Item => "item",
            }),
            "level" => Value::from(p.level),
            "line" => Value::from(p.line()),
            "number" => Value::from(p.number.as_deref()),
            "text" => Value::from(p.text.as_str()),
            _ => return None,
        })
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Str(&["kind", "number", "level", "text", "line", "hang"])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::Markup;
    use crate::model::{Entry as ModelEntry, Event, Recommendation, Sector, Status};

    fn entry(number: &str, title: Option<&str>, text: &str) -> ModelEntry {
        ModelEntry {
            number: number.parse().expect("a number"),
            id: None,
            title: title.map(Into::into),
            sector: Some(Sector::ItuT),
            resolutions: vec![101, 180],
            text: crate::markup::parse(text).0,
            recommendations: vec![Recommendation {
                id: "ITU-T Y.3071".into(),
                title: "Data aware networking".into(),
                status: Status::Approved,
                sector: Sector::ItuT,
            }],
            event: Some(Event {
                name: "Workshop".into(),
                place: "Geneva".into(),
                start: crate::dates::Date::new(2017, 7, 17).expect("a date"),
                end: None,
            }),
            file: format!("entries/{number}.toml").into(),
            untranslated_title: false,
        }
    }

    /// Every entry object of the sample entries (and of a few more with what they lack)
    /// prints — all its fields, nested ones included, in order — and compares exactly as
    /// the entry converted whole does.
    #[test]
    fn entries_read_lazily_are_the_entries_converted_whole() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("entries");
        let Some(mut report) = crate::load_and_check(&dir).ok().and_then(|c| c.report) else {
            panic!("the sample entries check");
        };
        report.entries.extend([
            entry(
                "1",
                Some("Introduction"),
                "One.\n\nTwo [link](https://x.int/?a=1&b=2).",
            ),
            entry("1.1", None, "- a\n  - b\n- c"),
            ModelEntry {
                sector: None,
                event: None,
                recommendations: vec![],
                text: Markup::default(),
                ..entry("2", None, "")
            },
        ]);
        let view = ViewModel::new(&report, Some(40));
        for e in &view.entries {
            let whole = Value::from(Serde(e));
            let lazy = Value::from_object(Entry(e.clone()));
            assert_eq!(lazy.to_string(), whole.to_string());
            assert_eq!(lazy, whole);
        }
    }
}
