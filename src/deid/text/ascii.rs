//! The table's patterns read ASCII: every class of a pattern is cut to its ASCII part and its word
//! boundaries are ASCII ones, and a view that is not ASCII is read through its ASCII form
//! (`normalise::ascii_form`: each character as its fold, or an ASCII stand-in of its kind), whose
//! matches are mapped back to the view's characters.
//!
//! Why: a Unicode `\b` makes the regex engine's lazy DFA give up at the first byte outside ASCII,
//! and the engine then runs its NFA simulations over the rest of the text at the cost of every
//! live state at every byte (callgrind: 73,000 instructions a byte against 3,200); and Unicode's
//! classes compile to automata several times the size of their ASCII part, in every pattern and
//! in both directions. The view is ASCII for most notes; a kept accented name, a "€" or mojibake
//! ("ג€“") leaves a few that are not. On the ASCII form a pattern reads what it read on the view:
//! a kept word is read as its fold ("Bašić" as "Basic", the word rules still look it up as typed),
//! a letter without a fold as a letter of its case, any other word character as `_`, a space the
//! view keeps (U+2028) as a vertical tab, any other sign as U+001F; every character stays where it was, so word boundaries do too.
use regex_automata::util::captures::Captures;
use regex_automata::{meta, Anchored, Input};
use regex_syntax::hir::{Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, Repetition, Capture};
use std::borrow::Cow;

/// A regular expression that reads the ASCII form of a text.
pub(super) struct Pattern {
    /// (the engine of the regex crate, for its anchored searches)
    re: meta::Regex,
    source: String,
    /// sets of ASCII bytes (a bit a byte) every match holds a byte of each of: a text that lacks
    /// every byte of one has no match, and the pattern need not run on it (`may_match`)
    bytes_needed: Vec<u128>,
}

impl Pattern {
    pub(super) fn new(source: &str) -> Result<Pattern, String> {
        // (no one-pass DFA: its table, a row per NFA state, was most of the memory of a pattern
        // with a group, and a group is read within its match, a span the backtracker reads as fast)
        // (no prefilter: on a note of a hundred bytes, a literal search that hands the lazy DFA
        // each place where a literal of the pattern's start may be costs more than the lazy DFA's
        // reading every byte itself, most of all with the hundreds of literals of a list of words;
        // over the bench's round 3.5 % fewer instructions in all, on the 400 longest notes of
        // `corpus.jsonl`, up to 8 KB, 0.25 % more)
        let config = meta::Config::new().onepass(false).auto_prefilter(false);
        let hir = ascii_hir(source)?;
        let re = meta::Builder::new().configure(config).build_from_hir(&hir).map_err(|e| e.to_string())?;
        Ok(Pattern { re, source: source.to_owned(), bytes_needed: fewest_needed(bytes_needed(&hir)) })
    }

    /// Whether the pattern may match a text whose ASCII form holds the bytes `present`
    /// (`AsciiText::bytes_present`): `false` where a byte every match holds is missing (most
    /// notes hold no digit once their dates and numbers are placeholders, and many of the
    /// patterns that run on every note need one).
    pub(super) fn may_match(&self, present: u128) -> bool {
        self.bytes_needed.iter().all(|&needed| needed & present != 0)
    }

    /// The pattern's text, as written.
    pub(super) fn as_str(&self) -> &str {
        &self.source
    }

    /// The pattern as it reads ASCII, written out (for the scrubber's combined first scan).
    pub(super) fn ascii_source(&self) -> String {
        ascii_hir(&self.source).map(|h| h.to_string()).unwrap_or_default()
    }

    /// Whether the whole of `text` is a match: the leftmost match starts at its start and ends at
    /// its end (one search anchored at the start, which fails at once where no match starts).
    pub(super) fn matches_whole(&self, text: &str) -> bool {
        let a = AsciiText::of(text);
        self.re.search(&Input::new(a.as_str()).anchored(Anchored::Yes)).is_some_and(|m| m.end() == a.as_str().len())
    }

    /// Calls `found` with the span of `group` (0: the whole match) of each match in `text`, in
    /// order, as `captures_iter` gives them (a group that took no part is left out).
    pub(super) fn each_match(&self, text: &str, group: usize, found: impl FnMut(usize, usize)) {
        self.each_match_in(&AsciiText::of(text), group, found)
    }

    /// `each_match` on a text's ASCII form, made once for several patterns; spans of the text.
    pub(super) fn each_match_in(&self, text: &AsciiText, group: usize, mut found: impl FnMut(usize, usize)) {
        let ascii = text.as_str();
        if group == 0 {
            self.re.find_iter(ascii).for_each(|m| found(text.start(m.start()), text.end(m.start(), m.end())));
            return;
        }
        // (each match found by the automata alone, then its group read within it: a search for
        // the groups reads from the match's start to the text's end where the engine found the
        // match from its end, a literal suffix, and ran the backtracker over the rest of the note
        // for every match)
        let mut caps: Option<Captures> = None;
        for m in self.re.find_iter(ascii) {
            let caps = caps.get_or_insert_with(|| self.re.create_captures());
            self.re.search_captures(&Input::new(ascii).range(m.range()).anchored(Anchored::Yes), caps);
            if let Some(g) = caps.get_group(group) {
                found(text.start(g.start), text.end(g.start, g.end));
            }
        }
    }

    /// The spans of its matches in `text`, in order.
    pub(super) fn all(&self, text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        self.each_match(text, 0, |s, e| out.push((s, e)));
        out
    }

    /// The heap memory of its automata, in bytes.
    pub(super) fn memory_usage(&self) -> usize {
        self.re.memory_usage()
    }
}

/// A text as the patterns read it: the text itself when it is ASCII, else its ASCII form with the
/// way back.
pub(super) struct AsciiText<'a> {
    ascii: Cow<'a, str>,
    /// the text as given
    text: &'a str,
    /// for each byte of the ASCII form, when it is a copy: where the character it comes from starts
    from: Vec<u32>,
}

impl<'a> AsciiText<'a> {
    pub(super) fn of(text: &'a str) -> AsciiText<'a> {
        if text.is_ascii() {
            return AsciiText { ascii: Cow::Borrowed(text), text, from: Vec::new() };
        }
        let (ascii, from) = super::normalise::ascii_form(text);
        AsciiText { ascii: Cow::Owned(ascii), text, from }
    }

    pub(super) fn as_str(&self) -> &str {
        &self.ascii
    }

    /// The bytes of the ASCII form, a bit each (for `Pattern::may_match`).
    pub(super) fn bytes_present(&self) -> u128 {
        // (in two halves: a shift of a u128 by a variable is several instructions a byte)
        let (mut low, mut high) = (0u64, 0u64);
        for b in self.ascii.bytes() {
            let bit = 1 << (b & 63);
            match b {
                0..=63 => low |= bit,
                64..=127 => high |= bit,
                _ => {}
            }
        }
        u128::from(high) << 64 | u128::from(low)
    }

    /// The text's offset of a span that starts at byte `p` of the ASCII form.
    fn start(&self, p: usize) -> usize {
        match self.from.get(p) {
            _ if self.from.is_empty() => p,
            Some(&f) => f as usize,
            None => self.text.len(),
        }
    }

    /// The text's offset of a span `s..e` of the ASCII form's end: the end of the character byte
    /// `e - 1` comes from (a part of a fold ends where the character ends: "ss" of "ß").
    fn end(&self, s: usize, e: usize) -> usize {
        if self.from.is_empty() {
            return e;
        }
        if e == s {
            return self.start(s);
        }
        let f = self.from[e - 1] as usize;
        f + self.text[f..].chars().next().map_or(0, char::len_utf8)
    }
}

/// The pattern `source` as it reads ASCII text: each class cut to its ASCII part, each literal
/// that is not ASCII never matching (a fold's other way, "(?:é|e)": a pattern names a letter or a
/// sign by its fold, `normalise::fold_pattern`), each Unicode word boundary an ASCII one. On ASCII
/// text it matches what the pattern matches.
fn ascii_hir(source: &str) -> Result<Hir, String> {
    let hir = regex_syntax::Parser::new().parse(source).map_err(|e| e.to_string())?;
    Ok(ascii_only(&hir))
}

fn ascii_only(h: &Hir) -> Hir {
    match h.kind() {
        HirKind::Literal(l) if !l.0.is_ascii() => Hir::fail(),
        HirKind::Class(Class::Unicode(c)) => {
            let mut c = c.clone();
            c.intersect(&ClassUnicode::new([ClassUnicodeRange::new('\0', '\x7f')]));
            Hir::class(Class::Unicode(c))
        }
        HirKind::Class(Class::Bytes(c)) => {
            let mut c = c.clone();
            c.intersect(&ClassBytes::new([ClassBytesRange::new(0, 0x7f)]));
            Hir::class(Class::Bytes(c))
        }
        HirKind::Look(look) => Hir::look(match look {
            Look::WordUnicode => Look::WordAscii,
            Look::WordUnicodeNegate => Look::WordAsciiNegate,
            Look::WordStartUnicode => Look::WordStartAscii,
            Look::WordEndUnicode => Look::WordEndAscii,
            Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
            Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
            other => *other,
        }),
        HirKind::Repetition(r) => Hir::repetition(Repetition { sub: Box::new(ascii_only(&r.sub)), ..r.clone() }),
        HirKind::Capture(c) => Hir::capture(Capture { sub: Box::new(ascii_only(&c.sub)), ..c.clone() }),
        HirKind::Concat(v) => Hir::concat(v.iter().map(ascii_only).collect()),
        HirKind::Alternation(v) => Hir::alternation(v.iter().map(ascii_only).collect()),
        _ => h.clone(),
    }
}

/// Byte `b` as a set of ASCII bytes: none when it is no ASCII byte (no pattern reads one).
fn byte_bit(b: u8) -> u128 {
    if b < 128 { 1 << b } else { 0 }
}

/// The sets of ASCII bytes every match of `h` (a pattern as it reads ASCII, `ascii_only`) holds a
/// byte of each of: each byte of a literal, the bytes of a class, those of a repetition's part
/// when it is there at least once, those of each part of a concatenation; of an alternation, the
/// union of one set of each alternative. Nothing for what may match nothing (an empty string, an
/// optional part, a look-around).
fn bytes_needed(h: &Hir) -> Vec<u128> {
    match h.kind() {
        HirKind::Literal(l) => l.0.iter().map(|&b| byte_bit(b)).collect(),
        HirKind::Class(Class::Unicode(c)) => {
            let ascii = c.ranges().iter().filter(|r| r.start().is_ascii()).map(|r| (r.start() as u8, r.end().min('\x7f') as u8));
            vec![ascii.fold(0, |set, (a, b)| (a..=b).fold(set, |set, x| set | byte_bit(x)))]
        }
        HirKind::Class(Class::Bytes(c)) => vec![c.ranges().iter().fold(0, |set, r| (r.start()..=r.end()).fold(set, |set, x| set | byte_bit(x)))],
        HirKind::Repetition(r) if r.min > 0 => bytes_needed(&r.sub),
        HirKind::Capture(c) => bytes_needed(&c.sub),
        HirKind::Concat(parts) => parts.iter().flat_map(bytes_needed).collect(),
        HirKind::Alternation(alternatives) => {
            let mut any = 0;
            for alternative in alternatives {
                // (an alternative that needs nothing makes the whole need nothing)
                let Some(smallest) = bytes_needed(alternative).into_iter().min_by_key(|set| set.count_ones()) else { return Vec::new() };
                any |= smallest;
            }
            vec![any]
        }
        _ => Vec::new(),
    }
}

/// The few smallest of the sets `needed`, none the superset of another (which says nothing more),
/// and none that holds every letter (which every note holds).
fn fewest_needed(mut needed: Vec<u128>) -> Vec<u128> {
    const LETTERS: u128 = ((1 << 26) - 1) << b'A' | ((1 << 26) - 1) << b'a';
    needed.sort_by_key(|set| (set.count_ones(), *set));
    let mut out: Vec<u128> = Vec::new();
    for set in needed {
        if set & LETTERS != LETTERS && !out.iter().any(|&smaller| smaller & set == smaller) {
            out.push(set);
        }
    }
    out.truncate(4);
    out
}

#[cfg(test)]
mod tests {
    use super::Pattern;

    /// A pattern is skipped only on a text that lacks a byte each of its matches holds: every
    /// pattern may match where it matches, and one that needs a digit is skipped on a text without.
    #[test]
    fn may_match_where_it_matches() {
        let cases: &[(&str, &str)] = &[
            (r"\b\d{1,5}[ \t]+\p{Lu}\p{Ll}+", "lives at 12 Main"),
            (r"(?i)\b(?:monday|lundi|segunda-feira)\b", "vu le LUNDI"),
            (r"\b(?:9\d|one hundred)\b", "aged one hundred"),
            (r"\b(?:9\d|(?i:one hundred))\b", "aged ONE hundred"),
            (r"[\w.+%-]+@[\w-]+\.[A-Za-z]{2,}", "x jo@ex.org y"),
            (r"\b\p{Lu}[\p{L}'-]*\b", "Ørsted"),
            (r"(?:\b|#)(?:[a-z]{1,4}-\d{4,})\b", "ref #ab-12345"),
        ];
        for &(pattern, text) in cases {
            let p = Pattern::new(&super::super::normalise::fold_pattern(pattern)).expect("pattern");
            let ascii = super::AsciiText::of(text);
            assert!(!p.all(text).is_empty(), "{pattern:?} finds nothing in {text:?}: the case tests nothing");
            assert!(p.may_match(ascii.bytes_present()), "{pattern:?} skipped on {text:?}");
        }
        let digits = Pattern::new(r"\b\d{1,5}[ \t]+\p{Lu}\p{Ll}+").expect("pattern");
        assert!(!digits.may_match(super::AsciiText::of("lives at Main Street").bytes_present()));
    }

    /// The matches on a text that is not ASCII are those a Unicode search finds, in its offsets.
    #[test]
    fn reads_a_text_that_is_not_ascii_as_unicode_does() {
        let cases: &[(&str, &str, usize)] = &[
            // a capitalised word ends where the Unicode word ends, not at its first accent
            (r"\b\p{Lu}\p{Ll}+\b", "Seen by Dr Bašić, ג€ then Ørsted.", 0),
            // a group, after signs without a fold and a letter of another script
            (r"\b(?:prix|cost)\W*(\d+)", "ג€ prix € 250, cost: ٩٩", 1),
            // a fold of two letters read as the one character it comes from
            (r"\b\w+stra(?:ß|ss)e\b", "Hauptstraße 5", 0),
            (r"\bKöln\b|\bkoln\b", "in Köln", 0),
        ];
        for &(pattern, text, group) in cases {
            let unicode = regex::Regex::new(pattern).expect("pattern");
            let want: Vec<(usize, usize)> = unicode.captures_iter(text).filter_map(|c| c.get(group)).map(|m| (m.start(), m.end())).collect();
            let mut got = Vec::new();
            Pattern::new(&super::super::normalise::fold_pattern(pattern)).expect("pattern").each_match(text, group, |s, e| got.push((s, e)));
            assert!(!want.is_empty(), "{pattern:?} on {text:?} finds nothing: the case tests nothing");
            assert_eq!(got, want, "{pattern:?} on {text:?}");
        }
    }
}
