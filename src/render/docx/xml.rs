//! A minimal XML tree over quick-xml events, for post-processing the parts docx-rs writes.
//!
//! Parsing keeps every event as written (raw, still escaped text and attribute values), so
//! writing a tree back reproduces the input except that childless elements become
//! self-closing (`<w:t></w:t>` → `<w:t/>`), which is the same XML.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};

/// One node of a part.
#[derive(Debug, Clone)]
pub(crate) enum Node {
    Element {
        start: BytesStart<'static>,
        children: Vec<Node>,
    },
    /// Text, entity references, comments, declarations, processing instructions.
    Leaf(Event<'static>),
}

impl Node {
    pub(crate) fn element(name: &str) -> Self {
        Node::Element {
            start: BytesStart::new(name.to_owned()),
            children: Vec::new(),
        }
    }

    /// The child elements named `name` (`w:pPr`); none for other nodes.
    pub(crate) fn children_named<'n>(&'n self, name: &'n [u8]) -> impl Iterator<Item = &'n Node> {
        let children: &[Node] = match self {
            Node::Element { children, .. } => children,
            Node::Leaf(_) => &[],
        };
        children.iter().filter(move |c| c.name() == Some(name))
    }

    /// The qualified name (`w:pPr`) of an element; `None` for other nodes.
    pub(crate) fn name(&self) -> Option<&[u8]> {
        match self {
            Node::Element { start, .. } => Some(start.name().into_inner()),
            Node::Leaf(_) => None,
        }
    }
}

/// Why a part could not be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParseError(pub String);

/// Parses a whole part into its top-level nodes (declaration, root element).
pub(crate) fn parse(bytes: &[u8]) -> Result<Vec<Node>, ParseError> {
    let mut reader = Reader::from_reader(bytes);
    reader.config_mut().trim_text(false);
    // Stack of open elements; the bottom entry collects the top-level nodes.
    let mut stack: Vec<(Option<BytesStart<'static>>, Vec<Node>)> = vec![(None, Vec::new())];
    loop {
        let event = reader
            .read_event()
            .map_err(|e| ParseError(format!("at byte {}: {e}", reader.buffer_position())))?;
        match event {
            Event::Eof => break,
            Event::Start(start) => stack.push((Some(start.into_owned()), Vec::new())),
            Event::End(end) => {
                let Some((Some(start), children)) = stack.pop() else {
                    return Err(ParseError(format!(
                        "unexpected </{}>",
                        String::from_utf8_lossy(end.name().into_inner())
                    )));
                };
                if start.name() != end.name() {
                    return Err(ParseError(format!(
                        "<{}> closed by </{}>",
                        String::from_utf8_lossy(start.name().into_inner()),
                        String::from_utf8_lossy(end.name().into_inner())
                    )));
                }
                push(&mut stack, Node::Element { start, children });
            }
            Event::Empty(start) => push(
                &mut stack,
                Node::Element {
                    start: start.into_owned(),
                    children: Vec::new(),
                },
            ),
            other => push(&mut stack, Node::Leaf(other.into_owned())),
        }
    }
    match stack.pop() {
        Some((None, nodes)) if stack.is_empty() => Ok(nodes),
        _ => Err(ParseError("unclosed element at the end of the part".into())),
    }
}

fn push(stack: &mut [(Option<BytesStart<'static>>, Vec<Node>)], node: Node) {
    if let Some((_, children)) = stack.last_mut() {
        children.push(node);
    }
}

/// Writes nodes back to bytes.
pub(crate) fn write(nodes: &[Node]) -> Vec<u8> {
    let mut writer = Writer::new(Vec::new());
    for node in nodes {
        write_node(&mut writer, node);
    }
    writer.into_inner()
}

fn write_node(writer: &mut Writer<Vec<u8>>, node: &Node) {
    // Writing into a Vec cannot fail.
    let _ = match node {
        Node::Element { start, children } if children.is_empty() => {
            writer.write_event(Event::Empty(start.borrow()))
        }
        Node::Element { start, children } => {
            let _ = writer.write_event(Event::Start(start.borrow()));
            for child in children {
                write_node(writer, child);
            }
            writer.write_event(Event::End(start.to_end()))
        }
        Node::Leaf(event) => writer.write_event(event.borrow()),
    };
}

/// Calls `f` on every element, parents before children, in document order.
pub(crate) fn walk_mut(nodes: &mut [Node], f: &mut dyn FnMut(&mut Node)) {
    for node in nodes {
        f(node);
        if let Node::Element { children, .. } = node {
            walk_mut(children, f);
        }
    }
}

/// The raw value of an attribute.
pub(crate) fn attr(start: &BytesStart<'_>, key: &str) -> Option<String> {
    start
        .attributes()
        .flatten()
        .find(|a| a.key.into_inner() == key.as_bytes())
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?><a x="1&amp;2"><b/><c>t &lt; u</c><d></d></a>"#;
        let out = write(&parse(xml.as_bytes()).unwrap());
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"<?xml version="1.0" encoding="UTF-8"?><a x="1&amp;2"><b/><c>t &lt; u</c><d/></a>"#
        );
    }

    #[test]
    fn rejects_broken_xml() {
        assert!(parse(b"<a><b></a>").is_err());
        assert!(parse(b"<a>").is_err());
    }
}
