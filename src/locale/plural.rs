//! Plural forms: which of a noun's forms a count takes, by the CLDR plural rules of the
//! language (ICU4X): Russian has `one` (1, 21, 31 …), `few` (2–4, 22–24 …) and `many`
//! (5–20, 25–30 …), Arabic six categories, French `one` for 0 and 1, Chinese only `other`.

use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralRules};

use super::Language;
use super::table::PluralForms;

/// The form of `forms` that `n` takes in `language`; `other` when the language's
/// category has no form of its own there.
pub(super) fn select(language: Language, n: usize, forms: &PluralForms) -> &str {
    let category = category(language, n);
    let form = match category {
        PluralCategory::Zero => &forms.zero,
        PluralCategory::One => &forms.one,
        PluralCategory::Two => &forms.two,
        PluralCategory::Few => &forms.few,
        PluralCategory::Many => &forms.many,
        PluralCategory::Other => &None,
    };
    form.as_deref().unwrap_or(&forms.other)
}

fn category(language: Language, n: usize) -> PluralCategory {
    let locale: Locale = match language.short_tag().parse() {
        Ok(l) => l,
        Err(_) => return PluralCategory::Other,
    };
    // The compiled data holds every language of the table: construction fails only on
    // a build whose data was cut down below them.
    match PluralRules::try_new_cardinal(locale.into()) {
        Ok(rules) => rules.category_for(n),
        Err(_) => PluralCategory::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::super::Locale;
    use super::*;

    #[test]
    fn counts_in_each_language() {
        let say = |l: Language, n: usize| Locale::new(l).entries(n);
        assert_eq!(say(Language::E, 1), "1 entry");
        assert_eq!(say(Language::E, 0), "0 entries");
        assert_eq!(say(Language::F, 0), "0 entrée");
        assert_eq!(say(Language::F, 2), "2 entrées");
        assert_eq!(say(Language::R, 1), "1 пункт");
        assert_eq!(say(Language::R, 21), "21 пункт");
        assert_eq!(say(Language::R, 3), "3 пункта");
        assert_eq!(say(Language::R, 11), "11 пунктов");
        assert_eq!(say(Language::A, 2), "مدخلان");
        assert_eq!(say(Language::A, 5), "5 مداخل");
        assert_eq!(say(Language::A, 54), "54 مدخلاً");
        assert_eq!(say(Language::C, 54), "54 项");
        assert_eq!(say(Language::S, 1), "1 entrada");
    }
}
