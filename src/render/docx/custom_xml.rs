//! The report's data in a custom XML part (`customXml/item1.xml`, its properties part
//! `customXml/itemProps1.xml`): every entry's number, title, sector, resolutions, text
//! as written, Recommendations and event, and report.toml's values, the period included.
//! Word and LibreOffice keep a custom XML part when the document is edited and saved, so
//! `import` of a built DOCX gets the facts back that the visible text cannot carry
//! ([`crate::import::embedded`] reads it).
//!
//! The part is a flat list of report.toml keys and their values, then one `<entry>` per
//! entry with the entry file's keys: what `import` writes back through the one entry
//! writer, key by key. Its bytes depend on the report only (the item id is a constant),
//! so builds stay byte-identical.

use std::borrow::Cow;
use std::io::Write;

use super::xml::Xml;
use crate::dates::Date;
use crate::model::{Entry, Filled, Layout, Meta, Report};

pub(crate) const ITEM_PATH: &str = "customXml/item1.xml";
pub(crate) const PROPS_PATH: &str = "customXml/itemProps1.xml";
pub(crate) const ITEM_RELS_PATH: &str = "customXml/_rels/item1.xml.rels";
pub(crate) const ITEM_CONTENT_TYPE: &str = "application/xml";
pub(crate) const PROPS_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
pub(crate) const PROPS_REL_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
/// From the document part to the item (`../customXml/item1.xml`).
pub(crate) const ITEM_REL_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
pub(crate) const ITEM_RID: &str = "rIdData";

/// The item's id: a constant, so that the same report gives the same bytes (Word only
/// needs it to be a GUID unique within the document).
const ITEM_ID: &str = "{6C1B2D30-8E7A-4F5B-9C2D-C0C1A2E5B7F1}";

/// A value of the data part: how it is typed in TOML. Strings are borrowed from the
/// report where they can be: the entries' texts are nearly all of the part.
enum Value<'a> {
    Str(Cow<'a, str>),
    Date(Date),
    Integers(&'a [u32]),
    Integer(u32),
    Boolean(bool),
}

/// How much of the part is written before it goes on to the zip: the part is about as
/// large as the document (5.4 MB at 100× the sample), and held whole it was the largest
/// buffer of `build` (8 MB with its spare capacity).
const FLUSH_AT: usize = 64 * 1024;

/// Writes `customXml/item1.xml` into `out`, a few entries at a time.
pub(crate) fn write_item(report: &Report, out: &mut impl Write) -> std::io::Result<()> {
    let mut x = Xml::part();
    x.open(
        "report",
        &[
            ("xmlns", crate::render::docx::DATA_NAMESPACE),
            ("version", "1"),
        ],
    );
    for (key, value) in meta_values(&report.meta) {
        value_element(&mut x, &key, &value);
    }
    for e in &report.entries {
        x.element("entry", &[], |x| entry(x, e));
        if x.len() >= FLUSH_AT {
            x.write_to(out)?;
        }
    }
    x.close("report");
    x.write_to(out)
}

/// `customXml/itemProps1.xml`: the item's id and the namespace of its data.
pub(crate) fn props_xml() -> Vec<u8> {
    let mut x = Xml::part();
    x.element(
        "ds:datastoreItem",
        &[
            ("ds:itemID", ITEM_ID),
            (
                "xmlns:ds",
                "http://schemas.openxmlformats.org/officeDocument/2006/customXml",
            ),
        ],
        |x| {
            x.element("ds:schemaRefs", &[], |x| {
                x.empty(
                    "ds:schemaRef",
                    &[("ds:uri", crate::render::docx::DATA_NAMESPACE)],
                );
            });
        },
    );
    x.into_bytes()
}

fn value_element(x: &mut Xml, key: &str, value: &Value<'_>) {
    let (kind, text): (_, Cow<'_, str>) = match value {
        // Line ends as LF: an entry saved with CRLF (Notepad, Word's text export) must give
        // the same bytes as the LF file it equals, so that builds on Windows and Linux stay
        // identical; an XML reader turns CRLF into LF anyway.
        Value::Str(s) if s.contains('\r') => ("string", s.replace("\r\n", "\n").into()),
        Value::Str(s) => ("string", Cow::Borrowed(s)),
        Value::Date(d) => ("date", d.iso().into()),
        Value::Integers(v) => (
            "integers",
            v.iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(" ")
                .into(),
        ),
        Value::Integer(n) => ("integer", n.to_string().into()),
        Value::Boolean(b) => ("boolean", b.to_string().into()),
    };
    x.text_element("value", &[("key", key), ("type", kind)], &text);
}

fn entry(x: &mut Xml, e: &Entry) {
    let number = e.number.to_string();
    let mut values: Vec<(&str, Value<'_>)> = vec![("number", Value::Str(Cow::Owned(number)))];
    if let Some(t) = &e.title {
        values.push(("title", Value::Str(Cow::Borrowed(t))));
    }
    if let Some(s) = e.sector {
        values.push(("sector", Value::Str(Cow::Borrowed(s.as_str()))));
    }
    if !e.resolutions.is_empty() {
        values.push(("resolutions", Value::Integers(&e.resolutions)));
    }
    if !e.text.source.is_empty() {
        values.push(("text", Value::Str(Cow::Borrowed(&e.text.source))));
    }
    if let Some(ev) = &e.event {
        values.push(("event.name", Value::Str(Cow::Borrowed(&ev.name))));
        values.push(("event.place", Value::Str(Cow::Borrowed(&ev.place))));
        values.push(("event.start", Value::Date(ev.start)));
        if let Some(end) = ev.end {
            values.push(("event.end", Value::Date(end)));
        }
    }
    for (key, value) in &values {
        value_element(x, key, value);
    }
    for r in &e.recommendations {
        x.empty(
            "recommendation",
            &[
                ("id", &r.id),
                ("title", &r.title),
                ("status", r.status.as_str()),
            ],
        );
    }
}

/// report.toml's values as (dotted key, value), in the file's order. Layout values are
/// given where they differ from the defaults (the default is what an absent key means).
fn meta_values(m: &Meta) -> Vec<(String, Value<'_>)> {
    fn s<'a>(key: &str, v: &'a str) -> (String, Value<'a>) {
        (key.to_owned(), Value::Str(Cow::Borrowed(v)))
    }
    let mut out = vec![
        s("meeting.name", m.meeting.as_str()),
        s("meeting.place_and_dates", m.place_and_dates.as_str()),
        s("document.number", m.number.as_str()),
        s("document.language", m.language.as_str()),
        (
            "document.date".into(),
            match &m.date {
                Filled::Value(d) => Value::Date(*d),
                Filled::Placeholder(p) => Value::Str(Cow::Borrowed(p)),
            },
        ),
        s("document.language_line", m.language_line.as_str()),
    ];
    if let Some(a) = &m.agenda_item {
        out.push(s("document.agenda_item", a));
    }
    if let Some(src) = &m.source {
        out.push(s("document.source", src));
    }
    out.push(s("document.title", m.title.as_str()));
    if m.creator != crate::check::DEFAULT_CREATOR {
        out.push(s("document.creator", &m.creator));
    }
    if !m.resolutions.is_empty() {
        out.push((
            "document.resolutions".into(),
            Value::Integers(&m.resolutions),
        ));
    }
    fn markup(f: &Filled<crate::markup::Markup>) -> Value<'_> {
        Value::Str(Cow::Borrowed(match f {
            Filled::Value(v) => &v.source,
            Filled::Placeholder(p) => p,
        }))
    }
    out.push(("summary.text".into(), markup(&m.summary.text)));
    if let Some(a) = &m.summary.action {
        out.push((
            "summary.action".into(),
            Value::Str(Cow::Borrowed(&a.source)),
        ));
    }
    out.push(("summary.references".into(), markup(&m.summary.references)));
    if let Some(p) = m.period {
        out.push(("period.start".into(), Value::Date(p.start)));
        out.push(("period.end".into(), Value::Date(p.end)));
    }
    layout_values(&m.layout, &mut out);
    for (language, labels) in &m.labels {
        for (name, text) in labels {
            out.push((
                format!("labels.{}.{name}", language.letter()),
                Value::Str(Cow::Borrowed(text)),
            ));
        }
    }
    out
}

/// The `[layout]` values that differ from the defaults. Margins, tab stops and the logo
/// are not carried: the visible document holds them, and `import` notes that they are to
/// be set again.
fn layout_values<'a>(l: &'a Layout, out: &mut Vec<(String, Value<'a>)>) {
    let d = Layout::default();
    if l.font != d.font {
        out.push(("layout.font".into(), Value::Str(Cow::Borrowed(&l.font))));
    }
    if l.font_size_pt != d.font_size_pt {
        out.push(("layout.font_size".into(), Value::Integer(l.font_size_pt)));
    }
    if l.footer != d.footer {
        let f = l.footer.as_deref().unwrap_or_default();
        out.push(("layout.footer".into(), Value::Str(Cow::Borrowed(f))));
    }
    if l.top_level_period != d.top_level_period {
        out.push((
            "layout.top_level_period".into(),
            Value::Boolean(l.top_level_period),
        ));
    }
    if l.references_italic != d.references_italic {
        out.push((
            "layout.references_italic".into(),
            Value::Boolean(l.references_italic),
        ));
    }
    for (language, font) in &l.fonts {
        if d.fonts.get(language) != Some(font) {
            out.push((
                format!("layout.fonts.{}", language.letter()),
                Value::Str(Cow::Borrowed(font)),
            ));
        }
    }
}
