//! One tokenisation of the text into words, and small helpers on text shared by the detectors.
#[derive(Clone, Copy, Default)]
pub(super) struct Tok {
    pub(super) s: usize,
    pub(super) e: usize,
    pub(super) f: u32,
    pub(super) letters: u16,
    pub(super) cap: bool,
    pub(super) allcaps: bool,
    pub(super) lower: bool,
    pub(super) digit: bool,
    pub(super) initial: bool,
    pub(super) prot: bool,
}

pub(super) fn tokenize(text: &str, toks: &mut Vec<Tok>) {
    toks.clear();
    if text.is_ascii() {
        tokenize_ascii(text, toks);
    } else {
        tokenize_chars(text, toks);
    }
}

/// `tokenize` character by character, for any text.
pub(super) fn tokenize_chars(text: &str, toks: &mut Vec<Tok>) {
    toks.clear();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut t = Tok { s: i, e: i + c.len_utf8(), ..Tok::default() };
        let mut letters = 0u32;
        let mut upper = 0u32;
        let mut first = true;
        let mut account = |c: char, t: &mut Tok, first: &mut bool| {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                    if *first {
                        t.cap = true;
                    }
                }
            } else if c.is_numeric() {
                t.digit = true;
            }
            *first = false;
        };
        account(c, &mut t, &mut first);
        loop {
            match it.peek() {
                Some(&(j, d)) if d.is_alphanumeric() => {
                    account(d, &mut t, &mut first);
                    t.e = j + d.len_utf8();
                    it.next();
                }
                Some(&(j, d)) if d == '\'' || d == '-' => {
                    let after = &text[j + d.len_utf8()..];
                    // a French or Italian elision before a capital is a word of its own:
                    // "qu'Emilien", "d'Estienne", "l'Ospedale" (not "D'Souza", "O'Brien")
                    if d == '\'' && after.starts_with(char::is_uppercase) && super::packs::elisions().contains(&&text[t.s..j]) {
                        break;
                    }
                    if after.chars().next().is_some_and(char::is_alphanumeric) {
                        it.next();
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        t.letters = letters.min(u16::MAX as u32) as u16;
        t.allcaps = letters >= 2 && upper == letters;
        t.lower = letters > 0 && upper == 0;
        t.initial = letters == 1 && upper == 1 && t.e - t.s == c.len_utf8() && !t.digit;
        toks.push(t);
    }
}

/// `tokenize` of an ASCII text (nearly every view), by bytes: the same tokens, where a letter is
/// `A-Z a-z`, a capital `A-Z`, a digit `0-9` (each word of each pass goes through here).
pub(super) fn tokenize_ascii(text: &str, toks: &mut Vec<Tok>) {
    toks.clear();
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        if ASCII_CLASS[usize::from(b[i])] == 0 {
            i += 1;
            continue;
        }
        // (each byte's class read once from a table, its counts added without a branch: the
        // tests of a byte's kind one after another cost some 25 instructions a byte)
        let (mut letters, mut upper, mut any) = (0u32, 0u32, 0u8);
        let mut j = i;
        loop {
            let class = ASCII_CLASS[usize::from(b[j])];
            letters += u32::from(class & LETTER != 0);
            upper += u32::from(class & CAPITAL != 0);
            any |= class;
            j += 1;
            // inside a word: letters and digits, and a hyphen or an apostrophe before one
            if j < n && ASCII_CLASS[usize::from(b[j])] != 0 {
                continue;
            }
            if j + 1 < n && (b[j] == b'\'' || b[j] == b'-') && ASCII_CLASS[usize::from(b[j + 1])] != 0 {
                // a French or Italian elision before a capital is a word of its own (`tokenize`)
                if b[j] == b'\'' && b[j + 1].is_ascii_uppercase() && super::packs::elisions().contains(&&text[i..j]) {
                    break;
                }
                j += 1;
                continue;
            }
            break;
        }
        let t = Tok {
            s: i,
            e: j,
            letters: letters.min(u16::MAX as u32) as u16,
            cap: b[i].is_ascii_uppercase(),
            allcaps: letters >= 2 && upper == letters,
            lower: letters > 0 && upper == 0,
            digit: any & DIGIT != 0,
            initial: letters == 1 && upper == 1 && j - i == 1 && any & DIGIT == 0,
            ..Tok::default()
        };
        toks.push(t);
        i = j;
    }
}

/// The kinds of an ASCII byte `tokenize_ascii` reads, a bit each (0: no word's byte).
const LETTER: u8 = 1;
const CAPITAL: u8 = 2;
const DIGIT: u8 = 4;
static ASCII_CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        class[b] = if c.is_ascii_uppercase() { LETTER | CAPITAL } else if c.is_ascii_lowercase() { LETTER } else if c.is_ascii_digit() { DIGIT } else { 0 };
        b += 1;
    }
    class
};

/// Two name tokens belong to one name if only spaces (or an initial's dot) separate them.
#[inline]
pub(super) fn joinable(text: &str, a: &Tok, b: &Tok) -> bool {
    let gap = &text[a.e..b.s];
    if gap.is_empty() || gap.len() > 3 {
        return false;
    }
    if gap.chars().all(|c| c == ' ' || c == '\t' || c == '\u{a0}') {
        return true;
    }
    a.initial && matches!(gap, "." | ". " | ".  ")
}

/// A colon follows `at` (after spaces): the word before it labels what follows ("Tel : 01...",
/// "NHC: 1234567").
#[inline]
pub(super) fn before_colon(text: &str, at: usize) -> bool {
    text[at..].trim_start_matches([' ', '\t']).starts_with([':', '：'])
}

/// One or two spaces or a tab: two words of one phrase.
#[inline]
pub(super) fn gap_is_space(gap: &str) -> bool {
    matches!(gap, " " | "  " | "\t")
}

/// The run of `in_word` characters at the end of `s` (empty when `s` ends with another character).
pub(super) fn last_word(s: &str, in_word: impl Fn(char) -> bool) -> &str {
    let start = s.rfind(|c: char| !in_word(c)).map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    &s[start..]
}

/// `w` in lower case, character by character (`char::to_lowercase`), into `buf`: by bytes when `w`
/// is ASCII, as nearly every word of a view is (each word of each pass goes through here).
#[inline]
pub(super) fn lower_into(buf: &mut String, w: &str) {
    buf.clear();
    lower_onto(buf, w);
}

/// `lower_into`, after what `buf` holds.
#[inline]
pub(super) fn lower_onto(buf: &mut String, w: &str) {
    let start = buf.len();
    // (one loop over the bytes, which is the word's check for ASCII too)
    for &b in w.as_bytes() {
        if !b.is_ascii() {
            buf.truncate(start);
            buf.extend(w.chars().flat_map(char::to_lowercase));
            return;
        }
        buf.push(char::from(b.to_ascii_lowercase()));
    }
}

/// `w` in lower case in `buf` when it is ASCII and fits (as `str::to_lowercase` has it), else
/// `None`: a word looked up once, without a `String` of its own.
pub(super) fn ascii_lower<'b>(w: &str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    let out = buf.get_mut(..w.len()).filter(|_| w.is_ascii())?;
    out.copy_from_slice(w.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

pub(super) fn count_digits(s: &str) -> usize {
    s.bytes().filter(u8::is_ascii_digit).count()
}

/// (caps mode, lower-case mode) of a text, placeholders already in it left out: a note typed
/// in capitals (>= 95% of >= 12 letters upper-case), or one without any capital letter.
/// What the detectors need to know of the whole note before reading any part of it.
pub(super) struct Note<'v> {
    /// the lexicon flags that count in this note: every flag but the ordinary-word bits of the
    /// language packs other than the note's own language (`Lexicon::language_of`)
    pub(super) keep: u32,
    /// the normalised view the detectors read, when the text was not ASCII: where its letters
    /// were typed with accents
    pub(super) view: Option<&'v super::normalise::View>,
    /// the record-header labels, found once (`Headers::labels`) for the detectors and `truecase.rs`
    pub(super) labels: &'v super::headers::Labels,
    /// the text's word tokens with their lexicon flags (`Lexicon::looked_up_words`), when the name
    /// rules read the text they were read from (not a note in one case, read as truecased)
    pub(super) words: Option<&'v super::words::Words>,
    /// whether the note was typed in one case (capitals or none): its letters' case says nothing
    pub(super) one_case: bool,
}

impl Note<'_> {
    /// Whether the view's bytes `s..e` were typed with some letter outside ASCII ("Chère", not
    /// "Chere"): an ordinary word spelled only with accents is that word only as typed so.
    pub(super) fn typed_with_accents(&self, s: usize, e: usize) -> bool {
        self.view.is_some_and(|v| v.folded_in(s, e))
    }
}

pub(super) fn text_modes(text: &str, prot: &[(usize, usize)]) -> (bool, bool) {
    let mut letters = 0usize;
    let mut upper = 0usize;
    let mut count = |seg: &str| {
        // (by bytes when ASCII, as nearly every note is: a letter `A-Z a-z`, a capital `A-Z`)
        if seg.is_ascii() {
            letters += seg.bytes().filter(u8::is_ascii_alphabetic).count();
            upper += seg.bytes().filter(u8::is_ascii_uppercase).count();
            return;
        }
        for c in seg.chars() {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                }
            }
        }
    };
    outside(text, prot).for_each(&mut count);
    // (in capitals: 95 % of the letters, so that a note whose surnames alone are in capitals keeps
    // what its case says: "Dr P-A. POULMANI, Dr I. POLTAO")
    // A placeholder stands where a name, place or number was: a note holding one, and no capital
    // besides, is one whose capitals were removed, not one typed without them; read as typed, a text
    // already scrubbed reads as it did ("Ada:gy" -> "[NAME]:gy" stays so: scrubbing is idempotent).
    (letters >= 12 && upper * 20 >= letters * 19, upper == 0 && letters > 0 && prot.is_empty())
}

/// The parts of `text` between the placeholders already in it, `prot` (sorted, not overlapping).
#[inline]
pub(super) fn outside<'a>(text: &'a str, prot: &'a [(usize, usize)]) -> impl Iterator<Item = &'a str> + 'a {
    let starts = std::iter::once(0).chain(prot.iter().map(|&(_, e)| e));
    let ends = prot.iter().map(|&(s, _)| s).chain(std::iter::once(text.len()));
    starts.zip(ends).map(|(s, e)| &text[s..e])
}

/// A run of digit groups that goes on beyond the longest phone number the pattern takes, `s..e`
/// ("13:42 93 2930 293 39 102 102 03 039"): a row of a table of values, not a phone or an identifier.
pub(super) fn in_number_table(text: &str, s: usize, e: usize) -> bool {
    let before = text[..s].ends_with([' ', '\t']) && text[..s].trim_end_matches([' ', '\t']).ends_with(|c: char| c.is_ascii_digit());
    let after = text[e..].starts_with([' ', '\t']) && text[e..].trim_start_matches([' ', '\t']).starts_with(|c: char| c.is_ascii_digit());
    before || after
}

/// One digit over and over ("2 2 2 2 2 2 2 2", "1111111111", "00 00 00 00 00"): a scale, a
/// filler or a blanked-out field, never an identifier.
pub(super) fn one_digit_repeated(m: &str) -> bool {
    let mut digits = m.bytes().filter(u8::is_ascii_digit);
    let first = digits.next();
    first.is_some() && digits.all(|d| Some(d) == first)
}

/// Whether a number of four characters is a year of the 20th or 21st century ("1998", "2021").
pub(super) fn is_year(number: &str) -> bool {
    number.len() == 4 && (number.starts_with("19") || number.starts_with("20"))
}

pub(super) fn is_year_range(m: &str) -> bool {
    let groups: Vec<&str> = m.split([' ', '-', '.']).filter(|g| !g.is_empty()).collect();
    groups.len() == 2 && groups.iter().all(|g| is_year(g))
}

pub(super) fn is_decimal_list(m: &str) -> bool {
    // "12.5 13.5" style lab values: every '.' separates a 1-2 digit fraction
    m.contains('.') && !m.contains('-') && m.split(' ').all(|g| g.split('.').count() == 2 && g.split('.').nth(1).is_some_and(|f| f.len() <= 2))
}

pub(super) fn preceded_by_decimal(text: &str, s: usize) -> bool {
    let before = &text[..s];
    let mut it = before.chars().rev();
    match (it.next(), it.next()) {
        (Some('.'), Some(d)) | (Some(','), Some(d)) => d.is_ascii_digit(),
        (Some(c), _) => c.is_alphanumeric(),
        _ => false,
    }
}

/// Groups of digits whose last group goes on as a time ("2012 12:32": a year, then 12:32) or as a
/// decimal ("62.96 920.2": measures); a national number starting with its trunk 0 may end a sentence
/// before a digit ("01 23 45 67 89.5 ...") but never goes on into a time.
pub(super) fn number_goes_on(m: &str, after: &str) -> bool {
    let b = after.as_bytes();
    let digit_after = b.len() >= 2 && b[1].is_ascii_digit();
    digit_after && (b[0] == b':' || b[0] == b'.' && !m.starts_with('0'))
}

pub(super) fn followed_by_unit_or_decimal(after: &str) -> bool {
    let mut it = after.chars();
    match it.next() {
        Some('.') | Some(',') => {
            if it.next().is_some_and(|c| c.is_ascii_digit()) {
                return true;
            }
        }
        Some('%') | Some('/') | Some('x') => return true,
        _ => {}
    }
    followed_by_unit_word(after)
}

/// The word after a number (spaces skipped) is a unit or what it counts: "12 mg", "2 weeks", "12 fois",
/// "2/3 semaines" (`data/units.txt`'s `[after_number]`, the packs' `[times]` and CLDR's `[durations]`).
pub(super) fn followed_by_unit_word(after: &str) -> bool {
    static UNITS: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    // (as typed and as the view reads them: "mês" is "mes" in the view)
    let units = UNITS.get_or_init(|| {
        let words = super::packs::shared_section(super::packs::UNITS, "after_number").chain(super::packs::section("times")).chain(super::packs::section("durations"));
        words.flat_map(|w| [w.to_string(), super::normalise::fold(w).into_owned()]).collect()
    });
    let t = after.trim_start();
    let w: String = t.chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
    units.contains(w.as_str())
}

/// Start and end of [s, e) must not cut through a word (when the match itself begins/ends with
/// a letter or digit).
#[inline]
pub(super) fn word_boundary_ok(text: &str, s: usize, e: usize) -> bool {
    let m = &text[s..e];
    let first_alnum = m.chars().next().is_some_and(char::is_alphanumeric);
    let last_alnum = m.chars().next_back().is_some_and(char::is_alphanumeric);
    if first_alnum && text[..s].chars().next_back().is_some_and(char::is_alphanumeric) {
        return false;
    }
    if last_alnum && text[e..].chars().next().is_some_and(char::is_alphanumeric) {
        return false;
    }
    true
}

/// The word a lower-cased token stands for without its possessive, contraction or elided article:
/// "olsen's" -> "olsen", "i'll" -> "i", "don't" -> "do", "can't" -> "can", "l'examen" -> "examen",
/// "n'hésitez" -> "hésitez", so "I'll", "Don't" and "L'examen" are not unknown capitalised words
/// (names).
#[inline]
pub(super) fn without_clitic(lower: &str) -> &str {
    // (every clitic below has an apostrophe: most words have none, and go back at once)
    if !lower.as_bytes().contains(&b'\'') {
        return lower;
    }
    if let Some((clitic, word)) = lower.split_once('\'') {
        if super::packs::elisions().contains(&clitic) && word.chars().next().is_some_and(char::is_alphabetic) && word.len() >= 2 {
            return without_clitic(word);
        }
    }
    for suffix in ["n't"] {
        if let Some(stem) = lower.strip_suffix(suffix) {
            return match stem {
                "ca" => "can",
                "wo" => "will",
                "sha" => "shall",
                "ai" => "is",
                _ => stem,
            };
        }
    }
    // ("i'm" stays whole: it is a relation word, "I'm Misty's daughter")
    for suffix in ["'s", "'ll", "'re", "'ve", "'d"] {
        if let Some(stem) = lower.strip_suffix(suffix) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    lower
}

/// Unknown words with a medical-looking ending are not taken for names ("Maculopapular",
/// "Erythematous", "Tralokinumab" before the allow-list knows it): `data/medical_endings.txt` and
/// the packs' `[medical_endings]`.
/// (an ending that leaves fewer than three bytes before it does not count)
pub(super) fn looks_medical(lower: &str) -> bool {
    use super::lexicon::{Endings, Key};
    static ENDINGS: std::sync::OnceLock<Endings> = std::sync::OnceLock::new();
    let endings = ENDINGS.get_or_init(|| {
        let words = super::packs::shared_section(super::packs::MEDICAL_ENDINGS, "endings").chain(super::packs::section("medical_endings"));
        Endings::new(words.map(|e| (Key::Borrowed(e), 1)).collect())
    });
    endings.of(lower).next().is_some()
}
