//! The XML every part is written with: a string buffer that only takes element and
//! attribute names the program spells (`&'static str`) and passes every other string
//! through [`escape_into`], the one escaping function of the DOCX.
//!
//! Why not quick-xml's `Writer`: it escapes attribute values itself (with its own rules,
//! which let control characters through), so strings would reach the parts by two
//! escaping paths; and it allocates a `BytesStart` per element, a cost on the 900,000
//! elements of a 100× report for nothing this module needs. What quick-xml would add —
//! well-formed nesting — [`Xml::element`] gives by construction (the closing tag is
//! written by the same call as the opening one).

/// The XML declaration every part starts with.
pub(crate) const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// A part being written.
#[derive(Debug, Default)]
pub(crate) struct Xml {
    out: String,
}

impl Xml {
    /// An empty buffer (no declaration: a fragment of a part, such as one entry).
    pub(crate) fn with_capacity(bytes: usize) -> Self {
        Self {
            out: String::with_capacity(bytes),
        }
    }

    /// A buffer starting with the XML declaration.
    pub(crate) fn part() -> Self {
        let mut x = Self::with_capacity(4096);
        x.out.push_str(DECLARATION);
        x
    }

    /// `<name a="v"…>`.
    pub(crate) fn open(&mut self, name: &'static str, attrs: &[(&'static str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        self.attrs(attrs);
        self.out.push('>');
    }

    /// `</name>`.
    pub(crate) fn close(&mut self, name: &'static str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// `<name a="v"…/>`.
    pub(crate) fn empty(&mut self, name: &'static str, attrs: &[(&'static str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        self.attrs(attrs);
        self.out.push_str("/>");
    }

    /// `<name a="v"…>`, what `inner` writes, `</name>`.
    pub(crate) fn element(
        &mut self,
        name: &'static str,
        attrs: &[(&'static str, &str)],
        inner: impl FnOnce(&mut Self),
    ) {
        self.open(name, attrs);
        inner(self);
        self.close(name);
    }

    /// `<name a="v"…>text</name>`, the text escaped.
    pub(crate) fn text_element(
        &mut self,
        name: &'static str,
        attrs: &[(&'static str, &str)],
        text: &str,
    ) {
        self.open(name, attrs);
        self.text(text);
        self.close(name);
    }

    /// Character data, escaped.
    pub(crate) fn text(&mut self, text: &str) {
        escape_into(&mut self.out, text);
    }

    /// XML another writer produced, copied as it is: docx-rs's DrawingML for the logo,
    /// which holds no string from the report (see [`super::first_page`]).
    pub(crate) fn raw(&mut self, xml: &str) {
        self.out.push_str(xml);
    }

    /// The bytes written so far.
    pub(crate) fn len(&self) -> usize {
        self.out.len()
    }

    /// Writes what the buffer holds into `out` and empties it, keeping its capacity: a
    /// large part goes on to the zip in pieces rather than being held whole.
    pub(crate) fn write_to(&mut self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        out.write_all(self.out.as_bytes())?;
        self.out.clear();
        Ok(())
    }

    pub(crate) fn into_bytes(self) -> Vec<u8> {
        self.out.into_bytes()
    }

    pub(crate) fn into_string(self) -> String {
        self.out
    }

    fn attrs(&mut self, attrs: &[(&'static str, &str)]) {
        for (key, value) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value);
            self.out.push('"');
        }
    }
}

/// [`escape_into`] for a string of its own, for parts written with `format!`.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// Which bytes [`escape_into`] must look at: the markup characters, every C0 control,
/// and 0xEF, the lead byte of U+FFFE and U+FFFF.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[b'&' as usize] = true;
    t[b'<' as usize] = true;
    t[b'>' as usize] = true;
    t[b'"' as usize] = true;
    t[0xEF] = true;
    t
};

/// Appends `s` to `out` as XML 1.0 character data or a double-quoted attribute value,
/// whichever it goes into: the one escaping function of the DOCX writer.
///
/// `& < > "` become entity references, and TAB, LF and CR character references, so that a
/// parser gives back exactly `s` in text and in attribute values alike (an attribute's
/// literal tab or newline would be read back as a space, a literal CR as LF).
///
/// Characters XML 1.0 cannot hold at all — C0 controls other than TAB, LF and CR, U+FFFE
/// and U+FFFF (a Rust string cannot hold a lone surrogate) — never arrive here: `check`
/// rejects them in every field (E023) and character references in Markdown are text. Should
/// one arrive all the same, it is written as U+FFFD, so the part stays well-formed, and a
/// debug build stops on an assertion, so that the check that let it through gets fixed.
pub(crate) fn escape_into(out: &mut String, s: &str) {
    escape_reporting(out, s, |what| {
        debug_assert!(false, "{what} reached the DOCX writer: {s:?}");
    });
}

/// [`escape_into`], calling `forbidden` for each character XML 1.0 cannot hold.
fn escape_reporting(out: &mut String, s: &str, forbidden: impl Fn(&str)) {
    let bytes = s.as_bytes();
    let mut done = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !SPECIAL[usize::from(b)] {
            i += 1;
            continue;
        }
        let (replacement, len) = match b {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\t' => ("&#9;", 1),
            b'\n' => ("&#10;", 1),
            b'\r' => ("&#13;", 1),
            0xEF if matches!(bytes.get(i + 1..i + 3), Some([0xBF, 0xBE | 0xBF])) => {
                forbidden("U+FFFE or U+FFFF");
                ("\u{FFFD}", 3)
            }
            0xEF => {
                i += 1;
                continue;
            }
            _ => {
                forbidden("a control character");
                ("\u{FFFD}", 1)
            }
        };
        out.push_str(&s[done..i]);
        out.push_str(replacement);
        i += len;
        done = i;
    }
    out.push_str(&s[done..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(s: &str) -> String {
        let mut out = String::new();
        escape_into(&mut out, s);
        out
    }

    /// What an XML parser reads back from `<a v="…">…</a>`.
    fn read_back(escaped: &str) -> (String, String) {
        let xml = format!(r#"<a v="{escaped}">{escaped}</a>"#);
        let doc = roxmltree::Document::parse(&xml).expect("well-formed");
        let root = doc.root_element();
        (
            root.attribute("v").unwrap_or_default().to_owned(),
            root.text().unwrap_or_default().to_owned(),
        )
    }

    #[test]
    fn markup_characters_become_references() {
        assert_eq!(
            escaped(r#"A & B <C> "D" 'E'"#),
            "A &amp; B &lt;C&gt; &quot;D&quot; 'E'"
        );
        assert_eq!(
            escaped("plain ITU\u{2011}T \u{FF01}"),
            "plain ITU\u{2011}T \u{FF01}"
        );
        assert_eq!(escaped(""), "");
    }

    #[test]
    fn text_and_attributes_read_back_as_written() {
        for s in [
            "a\tb\nc\rd",
            "&amp; is not an entity here",
            "]]> <![CDATA[ x",
            "\u{FFFD}\u{FEFF}\u{10FFFF}\u{85}\u{9F}",
            "  leading and trailing  ",
        ] {
            let (attr, text) = read_back(&escaped(s));
            assert_eq!(attr, s);
            assert_eq!(text, s);
        }
    }

    /// What a release build (no debug assertion) writes for what XML 1.0 cannot hold.
    #[test]
    fn forbidden_characters_become_replacement_characters() {
        let s = "a\u{0}b\u{B}c\u{1B}d\u{FFFE}e\u{FFFF}f\u{1F}";
        let reported = std::cell::Cell::new(0);
        let mut out = String::new();
        escape_reporting(&mut out, s, |_| reported.set(reported.get() + 1));
        assert_eq!(
            out,
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}"
        );
        assert_eq!(reported.get(), 6);
        read_back(&out);
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "a control character reached the DOCX writer")]
    fn a_control_character_stops_a_debug_build() {
        escaped("a\u{B}b");
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "U+FFFE or U+FFFF reached the DOCX writer")]
    fn a_non_character_stops_a_debug_build() {
        escaped("a\u{FFFF}b");
    }

    #[test]
    fn elements_nest_and_escape_their_attributes() {
        let mut x = Xml::part();
        x.element("w:p", &[("w:x", "1 & 2")], |x| {
            x.empty("w:b", &[]);
            x.text_element("w:t", &[], "<T>");
        });
        assert_eq!(
            String::from_utf8(x.into_bytes()).unwrap(),
            format!(r#"{DECLARATION}<w:p w:x="1 &amp; 2"><w:b/><w:t>&lt;T&gt;</w:t></w:p>"#)
        );
    }
}
