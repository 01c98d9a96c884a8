//! The normalised view of a note that every detector reads, and the way back to the text as typed.
//!
//! Notes pasted from word processors and records, or typed on other keyboards, carry no-break
//! spaces, soft hyphens, zero-width characters and full-width digits. Left as they are they split
//! an identifier so that part of it survives (`Mrs Thorn<soft hyphen>bury`, `07700<no-break
//! space>900123`). Detection therefore runs on a view where
//! - invisible format characters (soft hyphen, zero-width space / joiners, word joiner, byte-order
//!   mark and the rest of Unicode category Cf) are left out,
//! - every kind of space (no-break, narrow, figure, ideographic...) is a plain space,
//! - each character is in its NFKC compatibility form (full-width `０７７００` -> `07700`,
//!   ligatures `ﬁ` -> `fi`),
//! - the maths sign U+2206 (`∆`), which some exports write for the Greek capital delta, is a Greek
//!   letter of the same case as the letter before it, so that it does not split a word.
//!
//! A span found in the view is mapped back to the original characters it came from, so that the
//! text outside the spans is kept byte for byte as typed.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A normalised copy of a text with, for every byte of the copy, the original character it came
/// from. `None` when the text needs no normalising (the common case: no copy is made).
pub(super) struct View {
    pub(super) text: String,
    /// for each byte of `text`: (start, end) byte offsets in the original of its source character
    from: Vec<(u32, u32)>,
}

/// True for characters that the view changes or leaves out; plain ASCII never is.
fn needs_normalising(c: char) -> bool {
    !c.is_ascii()
        && (is_invisible(c) || is_space(c) || c == '\u{2206}' || is_combining_mark(c) || {
            let mut it = std::iter::once(c).nfkc();
            !(it.next() == Some(c) && it.next().is_none())
        })
}

/// Invisible format characters (Unicode category Cf) that typing or pasting leaves inside words.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}' | '\u{180B}'..='\u{180F}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E007F}')
}

/// Spaces other than the ASCII ones (which are kept as they are: tabs and line ends matter).
fn is_space(c: char) -> bool {
    !c.is_ascii() && c.is_whitespace() && c != '\u{85}' && c != '\u{2028}' && c != '\u{2029}'
}

impl View {
    /// The normalised view of `text`, or `None` if it is already normal.
    pub(super) fn of(text: &str) -> Option<View> {
        if text.is_ascii() || !text.chars().any(needs_normalising) {
            return None;
        }
        let mut out = String::with_capacity(text.len());
        let mut from: Vec<(u32, u32)> = Vec::with_capacity(text.len());
        let mut prev = ' ';
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let mut end = i + c.len_utf8();
            let before = out.len();
            if c.is_ascii() && !chars.peek().is_some_and(|&(_, d)| is_combining_mark(d)) {
                out.push(c);
            } else if is_invisible(c) {
                continue;
            } else if is_space(c) {
                out.push(' ');
            } else if c == '\u{2206}' {
                // same case as the letter before, so the text's case mode does not change
                out.push(if prev.is_lowercase() { '\u{3B4}' } else { '\u{394}' });
            } else {
                // a letter with the combining marks typed after it is composed as one ("e\u{301}" -> "é")
                while let Some(&(j, d)) = chars.peek() {
                    if !is_combining_mark(d) {
                        break;
                    }
                    end = j + d.len_utf8();
                    chars.next();
                }
                out.extend(text[i..end].nfkc());
            }
            from.extend(std::iter::repeat((i as u32, end as u32)).take(out.len() - before));
            prev = c;
        }
        Some(View { text: out, from })
    }

    /// The original byte range of the view's range `s..e` (`s < e`): from the start of the
    /// character that gave byte `s` to the end of the one that gave byte `e - 1`.
    pub(super) fn original(&self, s: usize, e: usize) -> (usize, usize) {
        (self.from[s].0 as usize, self.from[e - 1].1 as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::View;

    #[test]
    fn view_and_way_back() {
        // (typed, the view, a word of the view, the original text it maps back to)
        let table: &[(&str, &str, &str, &str)] = &[
            ("Mrs Thorn\u{AD}bury", "Mrs Thornbury", "Thornbury", "Thorn\u{AD}bury"),
            ("07700\u{A0}900123", "07700 900123", "07700 900123", "07700\u{A0}900123"),
            ("\u{FF10}\u{FF17}\u{FF17}\u{FF10}\u{FF10} 900123", "07700 900123", "07700", "\u{FF10}\u{FF17}\u{FF17}\u{FF10}\u{FF10}"),
            ("Jo\u{200B}hn\u{FEFF} Smith", "John Smith", "John", "Jo\u{200B}hn"),
            ("Zo\u{65}\u{301} Ba\u{202F}Ki", "Zoé Ba Ki", "Zoé", "Zo\u{65}\u{301}"),
            ("\u{FB01}nn \u{2206}OE", "finn ΔOE", "finn", "\u{FB01}nn"),
        ];
        for &(typed, view, word, orig) in table {
            let v = View::of(typed).unwrap_or_else(|| panic!("{typed:?} needs a view"));
            assert_eq!(v.text, view, "view of {typed:?}");
            let s = v.text.find(word).expect("word in view");
            let (os, oe) = v.original(s, s + word.len());
            assert_eq!(&typed[os..oe], orig, "way back for {word:?} in {typed:?}");
        }
        // a text without anything to normalise gets no copy
        for plain in ["PASI 12 after 2 weeks", "Zoë Müller, São Paulo", ""] {
            assert!(View::of(plain).is_none(), "{plain:?}");
        }
    }
}
