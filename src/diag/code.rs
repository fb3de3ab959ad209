//! The stable codes of every rule. Codes never change meaning once published: CI
//! configurations and people's memories depend on them. The README lists them all.

use super::Severity;

macro_rules! codes {
    ($($variant:ident = $code:literal, $sev:ident, $summary:literal;)*) => {
        /// A rule's stable identifier (`E012`, `W001`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($variant,)* }

        impl Code {
            /// Every code, in order: the README's table is generated from this list.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// `E012`
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            pub const fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev,)* }
            }

            /// One line saying what the rule catches.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$variant => $summary,)* }
            }
        }
    };
}

codes! {
    InvalidUtf8 = "E001", Error, "a file is not valid UTF-8";
    TomlSyntax = "E002", Error, "TOML syntax error";
    UnknownKey = "E003", Error, "unknown key, with the closest known key";
    WrongType = "E004", Error, "a value has the wrong type or is not one of the allowed values";
    MissingKey = "E005", Error, "a required key is missing";
    NoReportToml = "E006", Error, "the entries folder has no report.toml";
    NoEntries = "E007", Error, "the entries folder has no entries";
    NotAnEntry = "E008", Error, "a .toml file in the entries folder is not an entry";
    EmptyFile = "E009", Error, "an entry file is empty";
    Unreadable = "E010", Error, "a file cannot be read";
    MalformedNumber = "E011", Error, "a section number is malformed";
    DuplicateNumber = "E012", Error, "two files use the same section number";
    MissingParent = "E013", Error, "an entry's parent is missing";
    EmptyEntry = "E014", Error, "an entry has neither title nor text";
    UnknownResolution = "E015", Error, "a resolution is not among report.toml's resolutions";
    MalformedRecommendation = "E016", Error, "a Recommendation id is malformed";
    RecommendationNotInText = "E017", Error, "a Recommendation's id does not appear in the entry's text";
    InvalidDate = "E018", Error, "a date is not a real calendar date";
    EndBeforeStart = "E019", Error, "an end date is before its start date";
    OutsidePeriod = "E020", Error, "an event is outside the reporting period";
    BadLink = "E021", Error, "a link is not http(s) or mailto";
    UnsupportedMarkup = "E022", Error, "markup the renderers cannot represent";
    ControlCharacter = "E023", Error, "a control character that cannot go into a DOCX";
    UnsafePath = "E024", Error, "a path leaves the entries folder";
    BadLogo = "E025", Error, "the logo file is missing or not a PNG or JPEG image";
    BadTranslationFile = "E026", Error, "a translation file is not XLIFF";
    BrokenInlineCode = "E027", Error, "a translation loses, repeats or alters an inline code (bold, italic, a link and its address)";
    DuplicateId = "E028", Error, "two entries use the same id";
    BrokenReference = "E029", Error, "a cross-reference (`[§4.5]`) points at no entry, or its label is not a section number";
    NumberingGap = "W001", Warning, "a gap in a numbering sequence";
    StraightQuote = "W002", Warning, "a straight quote where a typographic one belongs";
    DoubleSpace = "W003", Warning, "two or more spaces in a row";
    TrailingSpace = "W004", Warning, "spaces at the end of a line";
    Placeholder = "W005", Warning, "a value is still a `TODO` placeholder that `import`, `init` or `new` left";
    Untranslated = "W006", Warning, "a piece of text has no translation yet: printed in English, highlighted";
    StaleTranslation = "W007", Warning, "the English changed since the piece was translated";
    OrphanTranslation = "W008", Warning, "a translation matches no piece of the English";
    Typography = "W009", Warning, "a translation breaks its language's typography (French spaces, Chinese full-width punctuation, straight quotes)";
    InvisibleCharacter = "W010", Warning, "a TAB or an invisible character inside a text";
    SkeletonText = "W011", Warning, "text that `new` wrote as an example is still in the entry";
    PlaceholderTitle = "W012", Warning, "a Recommendation's title is a placeholder";
    UntypedReference = "W013", Warning, "prose names an entry by its number (“section 4.5”) where a cross-reference (`section [§4.5]`) would follow renumbering";
    ImportGuess = "W014", Warning, "a value still carries the `# import:` comment of a guess `import` made, not yet reviewed";
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl std::str::FromStr for Code {
    type Err = ();

    /// `W002` (exactly so) to its code.
    fn from_str(s: &str) -> Result<Self, ()> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or(())
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
