//! File names that carry a section number (`2.07-itu-t-sg11.toml`): reading the number in
//! a name, writing one, and renaming a file when its entry is renumbered.
//!
//! Names are for people only (the `number` inside decides), but people sort folders by
//! name, so the second component is zero-padded (`2.09` before `2.10`), as in `entries/`.

use crate::number::SectionNumber;

/// `2.09.3`: the number as a file name writes it, second component padded to 2 digits when
/// `padded`.
pub fn file_number(n: SectionNumber, padded: bool) -> String {
    n.parts()
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if i == 1 && padded {
                format!("{p:02}")
            } else {
                p.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// The number a file name starts with, if any: (number, length of that prefix in bytes,
/// whether its second component is padded). `2.07-x.toml` → (2.7, 4, true); `2.toml` →
/// (2, 1, false); `notes.toml` → `None`.
pub fn name_number(file_name: &str) -> Option<(SectionNumber, usize, bool)> {
    let stem = file_name.strip_suffix(".toml").unwrap_or(file_name);
    let mut len = stem
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(stem.len());
    // `2.` in `2.-x` is not part of the number.
    // `len > 0` guards the index; the prefix is ASCII digits and dots, so `len` is a
    // char boundary for the slices below.
    while len > 0 && stem.as_bytes()[len - 1] == b'.' {
        len -= 1;
    }
    let rest = &stem[len..];
    // `2.9a.toml` or `2023report.toml`... only a number followed by a separator counts.
    if len == 0 || !(rest.is_empty() || rest.starts_with(['-', '_', ' '])) {
        return None;
    }
    let text = &stem[..len];
    let parts: Option<Vec<u32>> = text.split('.').map(|p| p.parse().ok()).collect();
    let n = SectionNumber::from_parts(&parts?)?;
    let padded = text.split('.').nth(1).is_some_and(|p| p.len() >= 2);
    Some((n, len, padded))
}

/// The new name of a file whose entry goes from `old` to `new`: the number in the name is
/// replaced when it is the old number; other names stay as they are.
pub fn renamed(file_name: &str, old: SectionNumber, new: SectionNumber) -> Option<String> {
    let (n, len, padded) = name_number(file_name)?;
    if n != old || old == new {
        return None;
    }
    Some(format!("{}{}", file_number(new, padded), &file_name[len..]))
}

/// The name of the file of entry `number` about `words` (its title, or its text's first
/// words): `2.09-itu-t-sg13-approved.toml`. `new` and `import` name files so; `renumber`
/// keeps a name's words and changes its number.
pub fn entry_file_name(number: SectionNumber, words: &str) -> String {
    format!("{}-{}.toml", file_number(number, true), slug(words))
}

/// The words to name each entry by, when entries of one folder would otherwise share a
/// name: `items` are (folder, title or first words). Entries whose names would read the
/// same (`2.17.1-final-report-on-itu`, `2.17.2-final-report-on-itu` …) are named by the
/// words after those they all start with, their subject (`2.17.1-1-1-policy-regulatory`);
/// any other entry keeps its words.
pub fn distinct_subjects(items: &[(u32, &str)]) -> Vec<String> {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .skip_while(|w| ["the", "an", "a"].contains(&w.to_ascii_lowercase().as_str()))
            .map(str::to_owned)
            .collect()
    };
    let split: Vec<Vec<String>> = items.iter().map(|(_, t)| words(t)).collect();
    let mut out: Vec<String> = items.iter().map(|(_, t)| (*t).to_owned()).collect();
    let mut groups: std::collections::HashMap<(u32, String), Vec<usize>> =
        std::collections::HashMap::new();
    for (i, (folder, t)) in items.iter().enumerate() {
        groups.entry((*folder, slug(t))).or_default().push(i);
    }
    for members in groups.values().filter(|m| m.len() > 1) {
        let first = &split[members[0]];
        let common = (0..first.len())
            .take_while(|&k| {
                members.iter().all(|&m| {
                    split[m]
                        .get(k)
                        .is_some_and(|w| w.eq_ignore_ascii_case(&first[k]))
                })
            })
            .count();
        if common > 0 && members.iter().all(|&m| split[m].len() > common) {
            for &m in members {
                out[m] = split[m][common..].join(" ");
            }
        }
    }
    out
}

/// The first words of `text`, lower-case ASCII joined by dashes: `itu-t-sg13-approved`
/// for "ITU-T SG13 approved nine Recommendations". Four words at most, or fewer once 30
/// characters are reached (short names are what people scan in a folder listing); a
/// leading article is skipped; `entry` when no word is left.
pub fn slug(text: &str) -> String {
    const WORDS: usize = 4;
    const CHARS: usize = 30;
    let mut out = String::new();
    let words = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .skip_while(|w| ["the", "an", "a"].contains(&w.to_ascii_lowercase().as_str()));
    for (i, w) in words.enumerate() {
        if i == WORDS || out.len() >= CHARS {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        // One long word alone is cut, so no name runs on.
        let room = (CHARS + 10).saturating_sub(out.len());
        out.push_str(&w[..w.len().min(room)].to_ascii_lowercase());
    }
    if out.is_empty() {
        out.push_str("entry");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::n;

    #[test]
    fn reads_numbers_in_names() {
        assert_eq!(
            name_number("2.07-itu-t-sg11.toml"),
            Some((n("2.7"), 4, true))
        );
        assert_eq!(name_number("2.09.1-x.toml"), Some((n("2.9.1"), 6, true)));
        assert_eq!(name_number("2.1.toml"), Some((n("2.1"), 3, false)));
        assert_eq!(name_number("7-igf.toml"), Some((n("7"), 1, false)));
        assert_eq!(name_number("notes.toml"), None);
        assert_eq!(name_number("2.9a.toml"), None);
        assert_eq!(name_number("2.0-x.toml"), None);
    }

    #[test]
    fn renames_keep_the_style() {
        assert_eq!(
            renamed("2.07-itu-t-sg11.toml", n("2.7"), n("2.8")).as_deref(),
            Some("2.08-itu-t-sg11.toml")
        );
        assert_eq!(
            renamed("2.09.1-x.toml", n("2.9.1"), n("3.7.1")).as_deref(),
            Some("3.07.1-x.toml")
        );
        assert_eq!(
            renamed("2.1.toml", n("2.1"), n("2.2")).as_deref(),
            Some("2.2.toml")
        );
        // The name does not carry the old number: it stays.
        assert_eq!(renamed("2.1.toml", n("2.3"), n("2.4")), None);
        assert_eq!(renamed("intro.toml", n("1"), n("2")), None);
    }

    #[test]
    fn entries_alike_are_named_by_their_subject() {
        let items = [
            (
                2,
                "The final report in response to ITU-D SG1 Question 1/1: “Policy, regulatory and technical aspects”",
            ),
            (
                2,
                "The final report in response to ITU-D SG1 Question 2/1: “Broadband access”",
            ),
            (2, "ITU-T SG13 approved nine Recommendations"),
            (3, "The final report in response to a call"),
        ];
        let got: Vec<String> = distinct_subjects(&items).iter().map(|w| slug(w)).collect();
        assert_eq!(
            got,
            [
                "1-1-policy-regulatory",
                "2-1-broadband-access",
                "itu-t-sg13-approved",
                "final-report-in-response"
            ]
        );
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slug("ITU-T SG13 approved nine Recommendations"),
            "itu-t-sg13-approved"
        );
        assert_eq!(slug("ITU-T SG13 – Workshop, Cairo"), "itu-t-sg13-workshop");
        assert_eq!(
            slug("The 7th IoT Week, organized"),
            "7th-iot-week-organized"
        );
        assert_eq!(slug("“Équipe”"), "quipe");
        assert_eq!(slug("  "), "entry");
        assert_eq!(slug("…"), "entry");
        assert!(slug(&"word".repeat(40)).len() <= 40);
        assert_eq!(file_number(n("2.9.3"), true), "2.09.3");
        assert_eq!(file_number(n("2.23"), true), "2.23");
        assert_eq!(file_number(n("8"), true), "8");
        assert_eq!(
            entry_file_name(n("2.9.1"), "A new entry"),
            "2.09.1-new-entry.toml"
        );
    }
}
