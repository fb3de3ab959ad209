//! The typography of each language, checked on translations (W009): no straight quotes
//! in any language; in French a no-break space before `; : ! ?` and inside `« »`; in
//! Chinese full-width punctuation next to Chinese characters.
//!
//! The rules are those of the Union's editorial guides for each language (the French
//! "espace insécable" before high punctuation, as every French Council document prints
//! it; Chinese documents use the full-width forms `，；：！？（）`).

use crate::locale::Language;

/// A no-break space (U+00A0) or narrow no-break space (U+202F).
fn is_no_break(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{202F}')
}

/// A Chinese character or CJK punctuation.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
}

/// The first typographic fault of `text` in `language` and how many there are, as
/// words for a message: `a space before “:” is not a no-break space (3 places)`.
pub fn fault(language: Language, text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found: Vec<String> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let after = chars.get(i + 1).copied();
        if c == '"' {
            found.push("a straight double quote (\") where “ ” or « » belong".into());
        } else if c == '\'' {
            found.push("a straight apostrophe (') where ’ belongs".into());
        }
        match language {
            Language::F => {
                let in_address = matches!((c, after), (':', Some('/')));
                let between_digits = before.is_some_and(|b| b.is_ascii_digit())
                    && after.is_some_and(|a| a.is_ascii_digit());
                if matches!(c, ';' | ':' | '!' | '?')
                    && !in_address
                    && !between_digits
                    && !before.is_some_and(is_no_break)
                {
                    found.push(format!("no no-break space before “{c}”"));
                }
                if c == '«' && !after.is_some_and(is_no_break) {
                    found.push("no no-break space after “«”".into());
                }
                if c == '»' && !before.is_some_and(is_no_break) {
                    found.push("no no-break space before “»”".into());
                }
            }
            Language::C
                if matches!(c, ',' | ';' | ':' | '!' | '?' | '(' | ')')
                    && (before.is_some_and(is_cjk) || after.is_some_and(is_cjk)) =>
            {
                found.push(format!(
                    "“{c}” beside Chinese text, where its full-width form belongs"
                ));
            }
            _ => {}
        }
    }
    let first = found.first()?;
    Some(match found.len() {
        1 => first.clone(),
        n => format!("{first} ({n} places)"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_spaces() {
        assert_eq!(
            fault(Language::F, "Voir\u{a0}: la liste\u{a0}; «\u{a0}oui\u{a0}»"),
            None
        );
        assert_eq!(
            fault(Language::F, "Voir : la liste"),
            Some("no no-break space before “:”".into())
        );
        assert_eq!(fault(Language::F, "à 10:30, https://x.int"), None);
        assert!(fault(Language::F, "« oui »").is_some_and(|f| f.contains("(2 places)")));
    }

    #[test]
    fn chinese_full_width_and_straight_quotes_everywhere() {
        assert_eq!(fault(Language::C, "国际电联（ITU）：见下文。"), None);
        assert!(fault(Language::C, "国际电联(ITU):见下文").is_some());
        assert!(fault(Language::S, "el \"texto\"").is_some());
        assert!(fault(Language::R, "ITU's").is_some());
        assert_eq!(fault(Language::R, "«текст»: да"), None);
    }
}
