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
}

impl Pattern {
    pub(super) fn new(source: &str) -> Result<Pattern, String> {
        // (no one-pass DFA: its table, a row per NFA state, was most of the memory of a pattern
        // with a group, and a group is read within its match, a span the backtracker reads as fast)
        let config = meta::Config::new().onepass(false);
        let re = meta::Builder::new().configure(config).build_from_hir(&ascii_hir(source)?).map_err(|e| e.to_string())?;
        Ok(Pattern { re, source: source.to_owned() })
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

#[cfg(test)]
mod tests {
    use super::Pattern;

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
