//! Section numbers such as `2`, `2.9` and `2.17.3`: the key that orders a report.
//!
//! A number is one to four positive integers joined by dots. Order is by numeric
//! components, never by text, so `2.9.2 < 2.10 < 2.10.1 < 3`; a parent sorts before its
//! children because a prefix is smaller than any extension of it.

use std::fmt;
use std::str::FromStr;

/// The deepest numbering a Council report uses (2.17.1.1).
pub const MAX_DEPTH: usize = 4;

/// A checked section number. Components are stored inline: no allocation, `Copy`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct SectionNumber {
    parts: [u32; MAX_DEPTH],
    len: u8,
}

/// Why a text is not a section number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    #[error("a section number cannot be empty")]
    Empty,
    #[error("`{0}` has an empty part: a number is integers joined by single dots")]
    EmptyPart(String),
    #[error("`{0}` contains `{1}`: a number has only digits and dots")]
    NotDigit(String, char),
    #[error("`{0}` has a zero part: numbering starts at 1")]
    Zero(String),
    #[error("`{0}` has a part with a leading zero")]
    LeadingZero(String),
    #[error("`{0}` has {1} levels; at most {MAX_DEPTH} are allowed")]
    TooDeep(String, usize),
    #[error("`{0}` has a part too large to be a section number")]
    Overflow(String),
}

impl SectionNumber {
    /// Builds a number from its components; `None` if empty, too deep or containing a zero.
    pub fn from_parts(parts: &[u32]) -> Option<Self> {
        if parts.is_empty() || parts.len() > MAX_DEPTH || parts.contains(&0) {
            return None;
        }
        let mut out = [0; MAX_DEPTH];
        out[..parts.len()].copy_from_slice(parts);
        Some(Self {
            parts: out,
            len: parts.len() as u8,
        })
    }

    /// The components, outermost first.
    pub fn parts(&self) -> &[u32] {
        &self.parts[..self.len as usize]
    }

    /// 1 for `2`, 2 for `2.9`, 3 for `2.9.1`.
    pub fn depth(&self) -> usize {
        self.len as usize
    }

    /// The top-level section: `2` for `2.9.1`.
    pub fn top(&self) -> u32 {
        self.parts[0]
    }

    /// The last component: `1` for `2.9.1`.
    pub fn last(&self) -> u32 {
        self.parts[self.len as usize - 1]
    }

    /// `2.9` for `2.9.1`; `None` for a top-level number.
    pub fn parent(&self) -> Option<Self> {
        (self.len > 1).then(|| {
            let mut p = *self;
            p.len -= 1;
            p.parts[p.len as usize] = 0;
            p
        })
    }

    /// The same number with its last component replaced (`2.9` → `2.10` with 10).
    pub fn with_last(&self, last: u32) -> Option<Self> {
        let mut parts = self.parts().to_vec();
        *parts.last_mut()? = last;
        Self::from_parts(&parts)
    }

    /// The first child: `2.9.1` for `2.9`; `None` at the maximum depth.
    pub fn child(&self, n: u32) -> Option<Self> {
        let mut parts = self.parts().to_vec();
        parts.push(n);
        Self::from_parts(&parts)
    }

    /// True when `self` is `other` or one of its descendants.
    pub fn is_within(&self, other: &Self) -> bool {
        self.len >= other.len && self.parts[..other.len as usize] == *other.parts()
    }
}

impl FromStr for SectionNumber {
    type Err = NumberError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.is_empty() {
            return Err(NumberError::Empty);
        }
        let mut parts = [0u32; MAX_DEPTH];
        let mut len = 0usize;
        for part in s.split('.') {
            if part.is_empty() {
                return Err(NumberError::EmptyPart(s.to_owned()));
            }
            if let Some(c) = part.chars().find(|c| !c.is_ascii_digit()) {
                return Err(NumberError::NotDigit(s.to_owned(), c));
            }
            if part.len() > 1 && part.starts_with('0') {
                return Err(NumberError::LeadingZero(s.to_owned()));
            }
            let n: u32 = part
                .parse()
                .map_err(|_| NumberError::Overflow(s.to_owned()))?;
            if n == 0 {
                return Err(NumberError::Zero(s.to_owned()));
            }
            if len == MAX_DEPTH {
                return Err(NumberError::TooDeep(s.to_owned(), s.split('.').count()));
            }
            parts[len] = n;
            len += 1;
        }
        Ok(Self {
            parts,
            len: len as u8,
        })
    }
}

impl Ord for SectionNumber {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // Slices compare component-wise, and a prefix is less than its extensions.
        self.parts().cmp(other.parts())
    }
}

impl PartialOrd for SectionNumber {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for SectionNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.parts().iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for SectionNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SectionNumber({self})")
    }
}

impl serde::Serialize for SectionNumber {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// `s` as a section number, for unit tests: `n("2.9")`.
#[cfg(test)]
pub(crate) fn n(s: &str) -> SectionNumber {
    s.parse().expect("a section number")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn orders_numerically_not_textually() {
        let mut v = [n("3"), n("2.10.1"), n("2.10"), n("2.9.2"), n("2"), n("2.9")];
        v.sort();
        let shown: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["2", "2.9", "2.9.2", "2.10", "2.10.1", "3"]);
    }

    #[test]
    fn rejects_malformed_numbers() {
        for bad in [
            "",
            ".",
            "2.",
            ".2",
            "2..9",
            "0",
            "2.0",
            "2.09",
            "a",
            "2.x",
            "2 .9",
            "-1",
            "+2",
            "1.2.3.4.5",
            "4294967296",
            "2.99999999999",
        ] {
            assert!(bad.parse::<SectionNumber>().is_err(), "accepted {bad:?}");
        }
    }

    #[test]
    fn reports_why() {
        assert_eq!(
            "1.2.3.4.5".parse::<SectionNumber>(),
            Err(NumberError::TooDeep("1.2.3.4.5".into(), 5))
        );
        assert_eq!(
            "2.".parse::<SectionNumber>(),
            Err(NumberError::EmptyPart("2.".into()))
        );
        assert_eq!(
            "4294967296".parse::<SectionNumber>(),
            Err(NumberError::Overflow("4294967296".into()))
        );
    }

    #[test]
    fn family() {
        assert_eq!(n("2.9.1").parent(), Some(n("2.9")));
        assert_eq!(n("2").parent(), None);
        assert!(n("2.9.1").is_within(&n("2.9")));
        assert!(!n("2.10").is_within(&n("2.1")));
        assert_eq!(n("2.9").child(1), Some(n("2.9.1")));
        assert_eq!(n("1.2.3.4").child(1), None);
    }

    fn parts() -> impl Strategy<Value = Vec<u32>> {
        prop::collection::vec(1u32..=u32::MAX, 1..=MAX_DEPTH)
    }

    proptest! {
        #[test]
        fn display_parse_round_trip(p in parts()) {
            let num = SectionNumber::from_parts(&p).unwrap();
            prop_assert_eq!(num.to_string().parse::<SectionNumber>(), Ok(num));
            prop_assert_eq!(num.parts(), &p[..]);
        }

        #[test]
        fn order_agrees_with_components(a in parts(), b in parts()) {
            let (x, y) = (SectionNumber::from_parts(&a).unwrap(), SectionNumber::from_parts(&b).unwrap());
            prop_assert_eq!(x.cmp(&y), a.cmp(&b));
            prop_assert_eq!(x == y, a == b);
        }

        #[test]
        fn order_is_transitive(a in parts(), b in parts(), c in parts()) {
            let mut v = [a, b, c].map(|p| SectionNumber::from_parts(&p).unwrap());
            v.sort();
            prop_assert!(v[0] <= v[1] && v[1] <= v[2] && v[0] <= v[2]);
        }

        #[test]
        fn never_panics_on_text(s in "\\PC{0,24}") {
            let _ = s.parse::<SectionNumber>();
        }
    }
}
