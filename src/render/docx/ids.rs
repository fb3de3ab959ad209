//! Deterministic ids over the written parts, in one streaming pass per part.
//!
//! docx-rs numbers paragraph ids with a thread-local counter and hyperlink relationships
//! with a process-global one, so neither is the same from one build (or thread) to the
//! next. Here every `w14:paraId` becomes 1, 2, … (8 hex digits) in document order across
//! the parts, and every hyperlink `r:id` that names a known link becomes `rIdLink1`,
//! `rIdLink2`, … in the order of first use within its part.
//!
//! This runs on the final bytes of a part rather than on a tree: the body arrives as XML
//! already built on several threads, and streaming 6 MB of events costs far less than
//! building a tree of them.

use std::collections::BTreeMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};

use super::xml::ParseError;

const PARA_ID: &[u8] = b"w14:paraId";
const REL_ID: &[u8] = b"r:id";

/// The part rewritten with deterministic ids, and the hyperlink relationships it now
/// needs, as (new id, raw URL) in order of first use.
pub(crate) struct Numbered {
    pub xml: Vec<u8>,
    pub links: Vec<(String, String)>,
}

/// Renumbers one part. `links` maps the ids docx-rs (or the body builder) gave hyperlinks
/// to their raw URLs; `next_para` carries the paragraph count from part to part.
pub(crate) fn number(
    xml: &[u8],
    links: &BTreeMap<String, String>,
    next_para: &mut u32,
) -> Result<Numbered, ParseError> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().trim_text(false);
    let mut writer = Writer::new(Vec::with_capacity(xml.len() + xml.len() / 64));
    let mut new_links: Vec<(String, String)> = Vec::new();
    let mut seen: BTreeMap<Vec<u8>, String> = BTreeMap::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| ParseError(format!("at byte {}: {e}", reader.buffer_position())))?;
        let event = match event {
            Event::Eof => break,
            Event::Start(start) => {
                match renumbered(&start, links, next_para, &mut seen, &mut new_links) {
                    Some(s) => Event::Start(s),
                    None => Event::Start(start),
                }
            }
            Event::Empty(start) => {
                match renumbered(&start, links, next_para, &mut seen, &mut new_links) {
                    Some(s) => Event::Empty(s),
                    None => Event::Empty(start),
                }
            }
            other => other,
        };
        // Writing into a Vec cannot fail.
        let _ = writer.write_event(event);
    }
    Ok(Numbered {
        xml: writer.into_inner(),
        links: new_links,
    })
}

/// The start tag with its ids replaced, or `None` when it has none to replace (the
/// common case, written through untouched).
fn renumbered(
    start: &BytesStart<'_>,
    links: &BTreeMap<String, String>,
    next_para: &mut u32,
    seen: &mut BTreeMap<Vec<u8>, String>,
    new_links: &mut Vec<(String, String)>,
) -> Option<BytesStart<'static>> {
    let has_id = start.attributes().flatten().any(|a| {
        let key = a.key.into_inner();
        key == PARA_ID || key == REL_ID
    });
    if !has_id {
        return None;
    }
    let name = String::from_utf8_lossy(start.name().into_inner()).into_owned();
    let mut out = BytesStart::new(name);
    for a in start.attributes().flatten() {
        let key = a.key.into_inner();
        let value: Vec<u8> = if key == PARA_ID {
            *next_para += 1;
            format!("{:08X}", *next_para).into_bytes()
        } else if key == REL_ID
            && let Some(url) = std::str::from_utf8(&a.value)
                .ok()
                .and_then(|v| links.get(v))
        {
            seen.entry(a.value.to_vec())
                .or_insert_with(|| {
                    let id = format!("rIdLink{}", new_links.len() + 1);
                    new_links.push((id.clone(), url.clone()));
                    id
                })
                .clone()
                .into_bytes()
        } else {
            a.value.to_vec()
        };
        out.push_attribute(quick_xml::events::attributes::Attribute {
            key: quick_xml::name::QName(key),
            value: value.into(),
        });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links() -> BTreeMap<String, String> {
        [
            ("rIdHyperlink9".to_string(), "b".to_string()),
            ("rIdHyperlink3".to_string(), "a".to_string()),
        ]
        .into()
    }

    #[test]
    fn links_are_numbered_in_document_order() {
        let mut para = 0;
        let out = number(
            br#"<w:p><w:hyperlink r:id="rIdHyperlink9"/><w:hyperlink r:id="rIdHyperlink3"/><w:hyperlink r:id="rIdHyperlink9"/><w:headerReference r:id="rIdHeader1"/></w:p>"#,
            &links(),
            &mut para,
        )
        .unwrap();
        assert_eq!(
            out.links,
            [
                ("rIdLink1".to_string(), "b".to_string()),
                ("rIdLink2".to_string(), "a".to_string())
            ]
        );
        // Other relationships (a header) keep their ids.
        assert_eq!(
            String::from_utf8(out.xml).unwrap(),
            r#"<w:p><w:hyperlink r:id="rIdLink1"/><w:hyperlink r:id="rIdLink2"/><w:hyperlink r:id="rIdLink1"/><w:headerReference r:id="rIdHeader1"/></w:p>"#
        );
    }

    #[test]
    fn paragraph_ids_continue_across_parts_and_text_is_untouched() {
        let mut para = 0;
        let first = number(
            br#"<w:p w14:paraId="7f" w14:textId="1"><w:r><w:t xml:space="preserve">a w14:paraId="1" &amp; &lt;b&gt;</w:t></w:r></w:p>"#,
            &links(),
            &mut para,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(first.xml).unwrap(),
            r#"<w:p w14:paraId="00000001" w14:textId="1"><w:r><w:t xml:space="preserve">a w14:paraId="1" &amp; &lt;b&gt;</w:t></w:r></w:p>"#
        );
        let second = number(
            br#"<w:p w14:paraId="3"/><w:p w14:paraId="3"/>"#,
            &links(),
            &mut para,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(second.xml).unwrap(),
            r#"<w:p w14:paraId="00000002"/><w:p w14:paraId="00000003"/>"#
        );
    }

    #[test]
    fn broken_xml_is_an_error() {
        assert!(number(b"<a></b>", &links(), &mut 0).is_err());
    }
}
