//! Which writing system a text is in, by Unicode ranges: a free-text note written mostly in a script
//! that no scrubber language pack reads cannot be checked for names, so it is not stored.

use std::sync::LazyLock;

/// The languages of the scrubber's packs (the folders of `src/deid/data/`, listed by build.rs).
const PACK_LANGUAGES: &[&str] = include!(concat!(env!("OUT_DIR"), "/pack_languages.rs"));

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Latin,
    Greek,
    Cyrillic,
    Hebrew,
    Arabic,
    Devanagari,
    Thai,
    Hangul,
    /// Hiragana and katakana.
    Kana,
    /// Chinese characters (also written in Japanese).
    Han,
    Other,
}

/// The script of a letter; `None` for anything that is not a letter (digits, punctuation, spaces).
pub fn script_of(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None;
    }
    let u = c as u32;
    Some(match u {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xFF21..=0xFF5A => {
            Script::Latin
        }
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x400..=0x52F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x590..=0x5FF | 0xFB1D..=0xFB4F => Script::Hebrew,
        0x600..=0x6FF | 0x750..=0x77F | 0x8A0..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
        0x900..=0x97F => Script::Devanagari,
        0xE00..=0xE7F => Script::Thai,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Kana,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF => Script::Han,
        _ => Script::Other,
    })
}

/// The scripts a language is written in (Latin unless listed).
fn scripts_of_language(lang: &str) -> &'static [Script] {
    match lang {
        "ru" | "uk" | "bg" | "sr" | "mk" | "be" | "kk" => &[Script::Cyrillic],
        "el" => &[Script::Greek],
        "he" | "yi" => &[Script::Hebrew],
        "ar" | "fa" | "ur" => &[Script::Arabic],
        "hi" | "mr" | "ne" => &[Script::Devanagari],
        "th" => &[Script::Thai],
        "ko" => &[Script::Hangul],
        "ja" => &[Script::Kana, Script::Han],
        "zh" => &[Script::Han],
        _ => &[Script::Latin],
    }
}

/// The scripts some pack reads.
fn readable() -> &'static [Script] {
    static READABLE: LazyLock<Vec<Script>> = LazyLock::new(|| {
        let mut s: Vec<Script> = PACK_LANGUAGES.iter().flat_map(|l| scripts_of_language(l)).copied().collect();
        s.dedup();
        s
    });
    &READABLE
}

/// Is `text` mostly (more than half of its letters) in scripts that `readable` does not contain?
pub fn mostly_in_other_scripts(text: &str, readable: &[Script]) -> bool {
    let (mut letters, mut other) = (0usize, 0usize);
    for s in text.chars().filter_map(script_of) {
        letters += 1;
        other += usize::from(!readable.contains(&s));
    }
    other * 2 > letters
}

/// Is `text` mostly in scripts no language pack of the scrubber reads?
pub fn mostly_unreadable(text: &str) -> bool {
    mostly_in_other_scripts(text, readable())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_get_their_script_and_the_rest_none() {
        for (c, want) in [('a', Some(Script::Latin)), ('é', Some(Script::Latin)), ('ø', Some(Script::Latin)), ('Ж', Some(Script::Cyrillic)),
            ('α', Some(Script::Greek)), ('ש', Some(Script::Hebrew)), ('م', Some(Script::Arabic)), ('か', Some(Script::Kana)),
            ('カ', Some(Script::Kana)), ('漢', Some(Script::Han)), ('한', Some(Script::Hangul)), ('1', None), (' ', None), ('[', None)]
        {
            assert_eq!(script_of(c), want, "{c}");
        }
    }

    #[test]
    fn mostly_means_more_than_half_of_the_letters() {
        let latin = [Script::Latin];
        for (text, want) in [
            ("Patient seen on 3 March, rash resolved.", false),
            ("المريض يعاني من طفح جلدي منذ ثلاثة أيام", true),
            ("患者は3日前から発疹がある。", true),
            ("Patient reports 発疹 since Monday", false),
            ("IL-17 治療中、発疹あり", true),
            ("12/03 — 37.5 °C", false),
            ("", false),
        ] {
            assert_eq!(mostly_in_other_scripts(text, &latin), want, "{text}");
        }
        assert!(!mostly_in_other_scripts("患者は発疹がある", &[Script::Kana, Script::Han]));
    }

    #[test]
    fn the_packs_read_latin_script() {
        assert!(readable().contains(&Script::Latin));
        assert!(!mostly_unreadable("Eczema on both hands since March."));
    }
}
