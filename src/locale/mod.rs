//! The six languages of the Union and everything a rendering says in one of them that
//! does not come from the entries: the header block's labels, the language line, the
//! Summary box's labels, the running header and footer patterns, the digest's words and
//! the dates.
//!
//! All of it comes from one table ([`table`]), one row per language, each translation
//! checked against public Council documents (cited there); a report may override any
//! label in report.toml (`[labels.F]`), which `check` folds into the [`Locale`] the
//! renderers get. Dates are formatted by ICU4X ([`dates`]), with the Gregorian calendar
//! and Latin digits, as Council documents print them in every language.
//!
//! Nothing language-specific is written in a renderer: they ask the [`Locale`].

pub mod dates;
mod plural;
pub mod table;

use std::fmt;

use serde::Serialize;

pub use table::Labels;

/// An official language of the Union, named by the letter that ends its document
/// numbers (`C18/33-F`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Language {
    E,
    F,
    S,
    A,
    C,
    R,
}

impl Language {
    /// In the order Council documents list them: English, French, Spanish, Arabic,
    /// Chinese, Russian.
    pub const ALL: [Language; 6] = [
        Language::E,
        Language::F,
        Language::S,
        Language::A,
        Language::C,
        Language::R,
    ];

    /// Its place in [`Language::ALL`], 0 to 5.
    pub fn index(self) -> usize {
        self as usize
    }

    /// `E`, `F` …
    pub fn letter(self) -> &'static str {
        match self {
            Language::E => "E",
            Language::F => "F",
            Language::S => "S",
            Language::A => "A",
            Language::C => "C",
            Language::R => "R",
        }
    }

    /// The language of a letter (`F`, or `f`); `None` for any other.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|l| l.letter().eq_ignore_ascii_case(s.trim()))
    }

    /// `English`, `French` …: for messages.
    pub fn name(self) -> &'static str {
        match self {
            Language::E => "English",
            Language::F => "French",
            Language::S => "Spanish",
            Language::A => "Arabic",
            Language::C => "Chinese",
            Language::R => "Russian",
        }
    }

    /// The BCP 47 tag of the language as documents of the Union are written in it: the
    /// DOCX's `w:lang`, the XLIFF's languages.
    pub fn tag(self) -> &'static str {
        match self {
            Language::E => "en-GB",
            Language::F => "fr-FR",
            Language::S => "es-ES",
            Language::A => "ar-SA",
            Language::C => "zh-CN",
            Language::R => "ru-RU",
        }
    }

    /// The short tag of the HTML page's `lang` and of XLIFF files (`fr`, `zh`).
    pub fn short_tag(self) -> &'static str {
        match self {
            Language::E => "en-GB",
            Language::F => "fr",
            Language::S => "es",
            Language::A => "ar",
            Language::C => "zh",
            Language::R => "ru",
        }
    }

    /// Written right to left (Arabic).
    pub fn is_rtl(self) -> bool {
        self == Language::A
    }

    /// Written in Chinese characters, with East Asian fonts and line breaking.
    pub fn is_east_asian(self) -> bool {
        self == Language::C
    }

    /// `E, F, S, A, C or R`: for usage errors.
    pub fn list() -> String {
        let letters: Vec<&str> = Self::ALL.iter().map(|l| l.letter()).collect();
        format!(
            "{} or {}",
            letters[..letters.len() - 1].join(", "),
            letters[letters.len() - 1]
        )
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.letter())
    }
}

/// What renderers need to speak a language: its labels (the table's, with report.toml's
/// overrides) and its date and plural rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Locale {
    pub language: Language,
    pub labels: Labels,
}

impl Default for Locale {
    fn default() -> Self {
        Self::new(Language::E)
    }
}

impl Locale {
    /// The table's labels for `language`.
    pub fn new(language: Language) -> Self {
        Locale {
            language,
            labels: table::labels(language),
        }
    }

    /// `22 mars 2018`
    pub fn date(&self, date: crate::dates::Date) -> String {
        dates::format(self.language, date)
    }

    /// `17-19 juillet 2017`, `30 juin – 2 juillet 2017`: a range sharing the month and
    /// year where they are the same; one day when `end` is `None` or equal to `start`.
    pub fn date_range(&self, start: crate::dates::Date, end: Option<crate::dates::Date>) -> String {
        dates::range(self.language, start, end)
    }

    /// `Agenda item: PL 2`
    pub fn agenda_item(&self, item: &str) -> String {
        fill(&self.labels.agenda_item, item)
    }

    /// `Document C18/33-F`
    pub fn document(&self, full_number: &str) -> String {
        fill(&self.labels.document, full_number)
    }

    /// `- 2 -` for the running header's page line, the page number a field: the text
    /// before and after it.
    pub fn page_parts(&self) -> (&str, &str) {
        self.labels
            .page
            .split_once("{}")
            .unwrap_or((self.labels.page.as_str(), ""))
    }

    /// `• http://www.itu.int/council •`: the text before and after the footer link.
    pub fn footer_parts(&self) -> (&str, &str) {
        self.labels
            .footer
            .split_once("{}")
            .unwrap_or((self.labels.footer.as_str(), ""))
    }

    /// `12 entries`, `1 entrée`, `5 пунктов`: a count of entries with the plural form its
    /// number takes in the language.
    pub fn entries(&self, n: usize) -> String {
        let form = plural::select(self.language, n, &self.labels.entries);
        fill(form, &n.to_string())
    }
}

/// `pattern` with its `{}` replaced by `value` (a pattern without one is printed as it is).
pub fn fill(pattern: &str, value: &str) -> String {
    match pattern.split_once("{}") {
        Some((before, after)) => format!("{before}{value}{after}"),
        None => pattern.to_owned(),
    }
}

/// `pattern` with its `{}` replaced by `values`, in order (a hole left without a value
/// stays empty; values beyond the holes are dropped): the patterns of the list of
/// changes that take two or three values.
pub fn fill_each(pattern: &str, values: &[&str]) -> String {
    let mut out =
        String::with_capacity(pattern.len() + values.iter().map(|v| v.len()).sum::<usize>());
    let mut values = values.iter();
    let mut rest = pattern;
    while let Some((before, after)) = rest.split_once("{}") {
        out.push_str(before);
        out.push_str(values.next().copied().unwrap_or_default());
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_tags() {
        assert_eq!(Language::parse("f"), Some(Language::F));
        assert_eq!(Language::parse(" A "), Some(Language::A));
        assert_eq!(Language::parse("D"), None);
        assert_eq!(Language::list(), "E, F, S, A, C or R");
        assert_eq!(Language::C.tag(), "zh-CN");
        assert!(Language::A.is_rtl() && !Language::F.is_rtl());
        for (i, language) in Language::ALL.into_iter().enumerate() {
            assert_eq!(language.index(), i);
        }
    }

    #[test]
    fn patterns() {
        let f = Locale::new(Language::F);
        assert_eq!(f.document("C18/33-F"), "Document C18/33-F");
        assert_eq!(
            Locale::new(Language::C).document("C18/33-C"),
            "文件 C18/33-C"
        );
        assert_eq!(f.page_parts(), ("- ", " -"));
        assert_eq!(fill("no hole", "x"), "no hole");
        assert_eq!(
            fill_each("{} {}: {}", &["2.8", "moved", "IPv6"]),
            "2.8 moved: IPv6"
        );
        assert_eq!(fill_each("共 {}（{}）。", &["3 项"]), "共 3 项（）。");
        assert_eq!(fill_each("none", &["x"]), "none");
    }
}
