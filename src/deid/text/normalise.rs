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
//! - Latin letters are folded to ASCII (`é` -> `e`, `ß` -> `ss`, `Ø` -> `O`), typographic
//!   punctuation to its ASCII form (`’` -> `'`, `–` -> `-`), Greek and Cyrillic letters are
//!   transliterated (`ΛΑΡΝΑΚΑ` -> `LARNAKA`), each keeping its case (name rules read capitals).
//!
//! Why fold: most notes in Spanish, French or German then read as ASCII, and the regex engines
//! only run their fast automata on ASCII text (a Unicode `\b` makes the lazy DFA give up at the
//! first non-ASCII byte). It also makes `Malaga` meet the list's `Málaga`. Everything the view is
//! compared with (patterns, word lists, the form's values) is folded the same way when it is built:
//! `fold` and `fold_pattern`. Characters without a fold (CJK, Hebrew, Arabic, other symbols) stay.
//!
//! A span found in the view is mapped back to the original characters it came from, so that the
//! text outside the spans is kept byte for byte as typed.

use std::borrow::Cow;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::UnicodeNormalization;

/// A normalised copy of a text with, for every byte of the copy, the original character it came
/// from. `None` when the text is ASCII (the common case: no copy is made).
pub(super) struct View {
    pub(super) text: String,
    /// for each byte of `text`: (start, end) byte offsets in the original of its source character
    from: Vec<(u32, u32)>,
}

/// The ASCII form of letters that do not decompose into a letter and marks, of typographic
/// punctuation, and of Greek and Cyrillic letters: lower-case letters only (an upper-case letter
/// takes the form of its lower case, in capitals). Looked up before NFKC (`″` is `"`, not `′′`)
/// and after it. Sorted by character (a test checks: binary search).
const FOLDS: &[(char, &str)] = &[
    ('¡', "!"), ('©', "(C)"), ('ª', "a"), ('«', "\""), ('®', "(R)"), ('°', "o"), ('µ', "u"), ('·', "."), ('º', "o"), ('»', "\""), ('¿', "?"), ('×', "x"),
    ('ß', "ss"), ('æ', "ae"), ('ð', "d"), ('ø', "o"), ('þ', "th"), ('đ', "d"), ('ħ', "h"), ('ı', "i"), ('ĸ', "k"), ('ł', "l"),
    ('ŋ', "n"), ('œ', "oe"), ('ŧ', "t"), ('ƒ', "f"), ('ə', "e"), ('ʻ', "'"), ('ʼ', "'"),
    // Greek (ELOT 743); accented letters decompose to these
    ('α', "a"), ('β', "v"), ('γ', "g"), ('δ', "d"), ('ε', "e"), ('ζ', "z"), ('η', "i"), ('θ', "th"), ('ι', "i"), ('κ', "k"),
    ('λ', "l"), ('μ', "m"), ('ν', "n"), ('ξ', "x"), ('ο', "o"), ('π', "p"), ('ρ', "r"), ('ς', "s"), ('σ', "s"), ('τ', "t"),
    ('υ', "y"), ('φ', "f"), ('χ', "ch"), ('ψ', "ps"), ('ω', "o"),
    // Cyrillic; `ё`, `ї`, `ў`, `й`-less forms decompose to these; hard and soft signs are left out
    ('а', "a"), ('б', "b"), ('в', "v"), ('г', "g"), ('д', "d"), ('е', "e"), ('ж', "zh"), ('з', "z"), ('и', "i"), ('й', "y"),
    ('к', "k"), ('л', "l"), ('м', "m"), ('н', "n"), ('о', "o"), ('п', "p"), ('р', "r"), ('с', "s"), ('т', "t"), ('у', "u"),
    ('ф', "f"), ('х', "kh"), ('ц', "ts"), ('ч', "ch"), ('ш', "sh"), ('щ', "shch"), ('ъ', ""), ('ы', "y"), ('ь', ""), ('э', "e"),
    ('ю', "yu"), ('я', "ya"), ('ђ', "dj"), ('є', "ye"), ('ѕ', "dz"), ('і', "i"), ('ј', "j"), ('љ', "lj"), ('њ', "nj"), ('ћ', "c"),
    ('џ', "dz"), ('ґ', "g"),
    // typographic punctuation and signs
    ('‐', "-"), ('‑', "-"), ('‒', "-"), ('–', "-"), ('—', "-"), ('―', "-"), ('‘', "'"), ('’', "'"), ('‚', "'"), ('‛', "'"),
    ('“', "\""), ('”', "\""), ('„', "\""), ('‟', "\""), ('•', "*"), ('…', "..."), ('′', "'"), ('″', "\""), ('⁄', "/"), ('−', "-"),
];

/// The ASCII form of `c` from `FOLDS`, in `c`'s case; `next` (the character after it) says
/// whether a capital that becomes two letters is `Th` (a word in lower case follows) or `TH`.
fn push_table_fold(c: char, next: Option<char>, out: &mut String) -> bool {
    let mut lower = c.to_lowercase();
    let (Some(l), None) = (lower.next(), lower.next()) else { return false };
    let Ok(i) = FOLDS.binary_search_by_key(&l, |&(k, _)| k) else { return false };
    let f = FOLDS[i].1;
    if l == c {
        out.push_str(f);
    } else if f.len() > 1 && next.is_some_and(char::is_lowercase) {
        let mut cs = f.chars();
        out.extend(cs.next().map(|c| c.to_ascii_uppercase()));
        out.extend(cs);
    } else {
        out.extend(f.chars().map(|c| c.to_ascii_uppercase()));
    }
    true
}

/// Appends the folded form of one character (already in NFKC form): ASCII as it is, a table
/// entry, or the letters of its canonical decomposition without the marks (`é` -> `e`) when
/// they all fold; otherwise the character itself.
fn push_char_fold(c: char, next: Option<char>, out: &mut String) {
    if c.is_ascii() {
        out.push(c);
        return;
    }
    if push_table_fold(c, next, out) {
        return;
    }
    if let Some(d) = decimal_digit(c) {
        out.push(d);
        return;
    }
    let mark = out.len();
    let mut ok = true;
    let mut any = false;
    decompose_canonical(c, |d| {
        if ok && !is_combining_mark(d) {
            any = true;
            if d.is_ascii() {
                out.push(d);
            } else if !push_table_fold(d, next, out) {
                ok = false;
            }
        }
    });
    if !(ok && any) {
        out.truncate(mark);
        out.push(c);
    }
}

/// The ASCII digit of a decimal digit of any script (Unicode category Nd: `٣`, `३`, `৩` are `3`),
/// so that the patterns' `[0-9]` (`ascii.rs`) read every script's numbers. Unicode encodes
/// each script's digits as one run of ten from its zero, so a digit's value is its distance from
/// the start of its run of the category's ranges, modulo ten.
fn decimal_digit(c: char) -> Option<char> {
    static RANGES: std::sync::OnceLock<Vec<(char, char)>> = std::sync::OnceLock::new();
    let ranges = RANGES.get_or_init(|| {
        let hir = regex_syntax::Parser::new().parse(r"\p{Nd}").expect("the Nd class");
        match hir.kind() {
            regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(class)) => class.ranges().iter().map(|r| (r.start(), r.end())).collect(),
            _ => Vec::new(),
        }
    });
    let i = ranges.partition_point(|&(_, end)| end < c);
    let &(start, end) = ranges.get(i)?;
    (start <= c && c <= end).then(|| char::from(b'0' + ((c as u32 - start as u32) % 10) as u8))
}

fn is_greek(c: char) -> bool {
    matches!(c, '\u{370}'..='\u{3FF}' | '\u{1F00}'..='\u{1FFF}')
}

/// Appends the view's form of one character and the combining marks typed after it (`cluster`);
/// `prev` and `next` are the characters around it in the text.
fn push_cluster_fold(cluster: &str, prev: char, next: Option<char>, out: &mut String) {
    let mut cs = cluster.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        // the maths sign U+2206 (`∆`), which some exports write for the Greek capital delta,
        // is that letter, in the case of the letter before it, so that it does not split a word
        let c = if c == '\u{2206}' { if prev.is_lowercase() { 'δ' } else { 'Δ' } } else { c };
        // `μg`, `μmol`: a micro sign outside a Greek word is `u`, as in `ug`
        if matches!(c, 'μ' | 'µ') && !is_greek(prev) && !next.is_some_and(is_greek) {
            out.push('u');
            return;
        }
        if push_table_fold(c, next, out) {
            return;
        }
    }
    for c in cluster.nfkc() {
        push_char_fold(c, next, out);
    }
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

/// `s` as the view reads it: for folding word lists and the form's values when they are loaded,
/// so that they meet the view's text.
pub(super) fn fold(s: &str) -> Cow<'_, str> {
    fold_keeping(s, &|_| false)
}

/// `fold`, with the words that `keep` holds kept as typed (see `View::keeping`).
pub(super) fn fold_keeping<'a>(s: &'a str, keep: &dyn Fn(&str) -> bool) -> Cow<'a, str> {
    match View::keeping(s, keep) {
        Some(v) => Cow::Owned(v.text),
        None => Cow::Borrowed(s),
    }
}

/// A view as the patterns read it (`ascii.rs`), with the start in `text` of the character each of
/// its bytes comes from: each character outside ASCII as its fold where it has one (a word the
/// view keeps as typed reads as folded: "Bašić" as "Basic"), else as one ASCII character of its
/// kind, which the patterns' classes and word boundaries read as they read the character: `Q` or
/// `q` for a letter of that case, `_` for another word character (a letter of a script without
/// case, a mark), a vertical tab for a space the view keeps (U+2028), U+001F for any other sign.
pub(super) fn ascii_form(text: &str) -> (String, Vec<u32>) {
    let mut out = String::with_capacity(text.len());
    let mut from: Vec<u32> = Vec::with_capacity(text.len());
    let mut fold = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let before = out.len();
        if c.is_ascii() {
            out.push(c);
        } else {
            fold.clear();
            push_char_fold(c, chars.peek().map(|&(_, d)| d), &mut fold);
            if fold.is_ascii() {
                out.push_str(&fold);
            } else if c.is_uppercase() {
                out.push('Q');
            } else if c.is_lowercase() {
                out.push('q');
            } else if c.is_alphanumeric() || is_combining_mark(c) {
                out.push('_');
            } else if c.is_whitespace() {
                out.push('\x0B');
            } else {
                out.push('\x1F');
            }
        }
        from.extend(std::iter::repeat_n(i as u32, out.len() - before));
    }
    (out, from)
}

/// A regular expression's source with its non-ASCII characters folded as the view folds them
/// (escaped: `…` is `\.\.\.`), letters both ways (`ß` is `(?:ß|ss)`). Its syntax is ASCII, so it
/// is unchanged; the patterns hold no character class with a letter that folds.
pub(super) fn fold_pattern(p: &str) -> Cow<'_, str> {
    if p.is_ascii() {
        return Cow::Borrowed(p);
    }
    let mut out = String::with_capacity(p.len());
    let mut buf = String::new();
    let mut prev = ' ';
    let mut chars = p.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii() {
            out.push(c);
        } else {
            buf.clear();
            push_cluster_fold(c.encode_utf8(&mut [0; 4]), prev, chars.peek().copied(), &mut buf);
            if c.is_alphabetic() && buf.chars().ne([c]) {
                // both ways: the view keeps a few words as typed (`View::keeping`)
                out.push_str(&format!("(?:{c}|{})", regex::escape(&buf)));
            } else {
                out.push_str(&regex::escape(&buf));
            }
        }
        prev = c;
    }
    Cow::Owned(out)
}

/// The capitalised words of `text` with a non-ASCII letter whose lower case `keep` says to keep
/// as typed. Only capitalised ones: names are, and a text with a word kept as typed is not ASCII
/// (the slow path).
fn kept_words(text: &str, keep: &dyn Fn(&str) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut buf = String::new();
    let word = |c: char| c.is_alphanumeric() || is_combining_mark(c);
    let mut rest = text;
    while let Some(s) = rest.find(|c: char| !c.is_ascii() && word(c)) {
        let base = text.len() - rest.len();
        let s = rest[..s].char_indices().rev().find(|&(_, c)| !word(c)).map_or(0, |(p, c)| p + c.len_utf8());
        let e = rest[s..].find(|c: char| !word(c)).map_or(rest.len(), |p| s + p);
        buf.clear();
        buf.extend(rest[s..e].chars().flat_map(char::to_lowercase));
        if rest[s..e].starts_with(char::is_uppercase) && keep(&buf) {
            out.push((base + s, base + e));
        }
        rest = &rest[e..];
    }
    out
}

impl View {
    /// The normalised view of `text`, or `None` if it is ASCII (the tests' view: the scrubber's
    /// keeps a few words, `keeping`).
    #[cfg(test)]
    pub(super) fn of(text: &str) -> Option<View> {
        View::keeping(text, &|_| false)
    }

    /// The same, with the words whose lower case `keep` holds kept as typed (not folded): the
    /// names that only their accents tell from an ordinary word (`lexicon::Lexicon::kept`).
    pub(super) fn keeping(text: &str, keep: &dyn Fn(&str) -> bool) -> Option<View> {
        if text.is_ascii() {
            return None;
        }
        let kept = kept_words(text, keep);
        let mut ki = 0;
        let mut out = String::with_capacity(text.len());
        let mut from: Vec<(u32, u32)> = Vec::with_capacity(text.len());
        let mut prev = ' ';
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let mut end = i + c.len_utf8();
            let before = out.len();
            while ki < kept.len() && kept[ki].1 <= i {
                ki += 1;
            }
            if ki < kept.len() && kept[ki].0 <= i {
                out.push(c);
            } else if c.is_ascii() && !chars.peek().is_some_and(|&(_, d)| d >= '\u{300}' && is_combining_mark(d)) {
                out.push(c);
            } else if is_invisible(c) {
                continue;
            } else if is_space(c) {
                out.push(' ');
            } else {
                // a letter with the combining marks typed after it is one ("e\u{301}" -> "e")
                while let Some(&(j, d)) = chars.peek() {
                    if !is_combining_mark(d) {
                        break;
                    }
                    end = j + d.len_utf8();
                    chars.next();
                }
                push_cluster_fold(&text[i..end], prev, chars.peek().map(|&(_, d)| d), &mut out);
            }
            from.extend(std::iter::repeat((i as u32, end as u32)).take(out.len() - before));
            prev = c;
        }
        Some(View { text: out, from })
    }

    /// Whether some byte of the view's range `s..e` comes from a character typed outside ASCII.
    pub(super) fn folded_in(&self, s: usize, e: usize) -> bool {
        self.from[s..e].iter().any(|&(a, b)| b - a > 1)
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
            ("Zo\u{65}\u{301} Ba\u{202F}Ki", "Zoe Ba Ki", "Zoe", "Zo\u{65}\u{301}"),
            ("\u{FB01}nn \u{2206}OE", "finn DOE", "finn", "\u{FB01}nn"),
            // folding: Latin letters, their case, the way back to the accented original
            ("José Müller", "Jose Muller", "Jose", "José"),
            ("Straße 5, ÆRØ, Łódź", "Strasse 5, AERO, Lodz", "Strasse", "Straße"),
            ("Þór Ærø", "Thor Aero", "Aero", "Ærø"),
            ("in ΛΑΡΝΑΚΑ, Σοφία", "in LARNAKA, Sofia", "Sofia", "Σοφία"),
            ("Жуков ЖУК", "Zhukov ZHUK", "Zhukov", "Жуков"),
            ("O’Brien – «sí» 5 µg, 3×2 …", "O'Brien - \"si\" 5 ug, 3x2 ...", "O'Brien", "O’Brien"),
            ("½ dose, 2º", "1/2 dose, 2o", "1/2", "½"),
            // every script's decimal digits are ASCII digits (Arabic-Indic, Devanagari, Bengali)
            ("في ١٢/٠٣/٢٠١٩ और २५ ৩", "في 12/03/2019 और 25 3", "12/03/2019", "١٢/٠٣/٢٠١٩"),
            // no fold: the character stays, the rest folds
            ("李 Zoë", "李 Zoe", "李 Zoe", "李 Zoë"),
        ];
        for &(typed, view, word, orig) in table {
            let v = View::of(typed).unwrap_or_else(|| panic!("{typed:?} needs a view"));
            assert_eq!(v.text, view, "view of {typed:?}");
            let s = v.text.find(word).expect("word in view");
            let (os, oe) = v.original(s, s + word.len());
            assert_eq!(&typed[os..oe], orig, "way back for {word:?} in {typed:?}");
        }
        // an ASCII text gets no copy
        for plain in ["PASI 12 after 2 weeks", "Zoe Muller, Sao Paulo", ""] {
            assert!(View::of(plain).is_none(), "{plain:?}");
        }
        // a word kept as typed
        let v = View::keeping("Ján Novák, ján", &|w| w == "ján").expect("view");
        assert_eq!(v.text, "Ján Novak, jan");
        // word lists and patterns fold the same way
        assert_eq!(super::fold("málaga"), "malaga");
        assert_eq!(super::fold_pattern(r"(?i:straße|gatvė)[’']…"), r"(?i:stra(?:ß|ss)e|gatv(?:ė|e))['']\.\.\.");
        // the patterns read the view's ASCII form: a kept word as its fold, a letter without one as
        // a letter of its case, another word character as `_`, a sign as U+001F; each byte knows
        // where its character starts
        let (ascii, from) = super::ascii_form("Bašić, Ωμέγα ג€ x");
        assert_eq!(ascii, "Basic, Omega _\x1F x");
        assert_eq!(from[..4], [0, 1, 2, 4]);
        assert_eq!(from[ascii.len() - 1] as usize, "Bašić, Ωμέγα ג€ ".len());
        assert_eq!(super::ascii_form("Ⴀ ⴀ ß").0, "Q q ss");
    }

    #[test]
    fn fold_table_is_sorted_lower_case() {
        for w in super::FOLDS.windows(2) {
            assert!(w[0].0 < w[1].0, "FOLDS: {:?} before {:?}", w[0].0, w[1].0);
        }
        for &(c, f) in super::FOLDS {
            assert!(!c.is_uppercase() && f.is_ascii(), "FOLDS: {c:?}");
        }
    }
}
