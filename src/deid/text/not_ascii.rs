//! The table's patterns on a view that is not ASCII, with the same matches, at the lazy DFA's speed.
//!
//! A Unicode word boundary (`\b`) makes the regex engine's lazy DFA give up at the first byte
//! outside ASCII; the engine then runs its NFA simulations (the backtracker, the PikeVM) over the
//! rest of the text, at the cost of every live state of the pattern at every byte. The view is
//! ASCII for most notes, but a kept accented name, a "€" or mojibake ("ג€“") leaves a few views
//! that are not, and those cost more than all the others together (callgrind: 73,000
//! instructions a byte against 3,200). So on such a view a pattern runs in two steps:
//! - the pattern without its word boundaries (`Relaxed`), which the lazy DFA runs on any text and
//!   which matches wherever the pattern does (an assertion left out only lets more through), finds
//!   the leftmost place a match may start;
//! - the pattern itself is tried anchored there only; if it fails, the next such place is tried.
//!
//! The first place where the anchored pattern matches is where the leftmost match starts, and the
//! anchored match there is the one an unanchored search gives (leftmost-first): the matches are
//! those of `find_iter` / `captures_iter`, one after the other.
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::captures::Captures;
use regex_automata::{meta, Anchored, Input};
use regex_syntax::hir::{Capture, Hir, HirKind, Look, Repetition};
use std::sync::OnceLock;

/// A regular expression whose matches are as fast to find on a view that is not ASCII as on one
/// that is.
pub(super) struct Pattern {
    /// (the engine of the regex crate, for its anchored searches)
    re: meta::Regex,
    source: String,
    /// the pattern without its word boundaries (`None`: it has none), compiled for the first view
    /// that is not ASCII the pattern runs on: about 20 MB for the scrubber's patterns, which most
    /// notes never need
    relaxed: OnceLock<Option<Relaxed>>,
}

impl Pattern {
    pub(super) fn new(source: &str) -> Result<Pattern, meta::BuildError> {
        // (no one-pass DFA: its table, a row per NFA state, was most of the memory of a pattern
        // with a group, and a group is read within its match, a span the backtracker reads as fast)
        let config = meta::Config::new().onepass(false);
        Ok(Pattern { re: meta::Builder::new().configure(config).build(source)?, source: source.to_owned(), relaxed: OnceLock::new() })
    }

    /// The pattern's text.
    pub(super) fn as_str(&self) -> &str {
        &self.source
    }

    /// Whether the whole of `text` is a match: the leftmost match starts at its start and ends at
    /// its end (one search anchored at the start, which fails at once where no match starts).
    pub(super) fn matches_whole(&self, text: &str) -> bool {
        self.re.search(&Input::new(text).anchored(Anchored::Yes)).is_some_and(|m| m.end() == text.len())
    }

    /// Calls `found` with the span of `group` (0: the whole match) of each match in `text`, in
    /// order, as `captures_iter` gives them (a group that took no part is left out).
    pub(super) fn each_match(&self, text: &str, group: usize, mut found: impl FnMut(usize, usize)) {
        let relaxed = if text.is_ascii() { None } else { self.relaxed.get_or_init(|| Relaxed::of(&self.source)).as_ref() };
        match relaxed {
            Some(relaxed) => relaxed.each_match(&self.re, group, text, &mut self.re.create_captures(), found),
            None if group == 0 => self.re.find_iter(text).for_each(|m| found(m.start(), m.end())),
            // (each match found by the automata alone, then its group read within it: a search
            // for the groups reads from the match's start to the text's end where the engine
            // found the match from its end, a literal suffix, and ran the backtracker over the rest
            // of the note for every match)
            None => {
                let mut caps = None;
                for m in self.re.find_iter(text) {
                    let caps = caps.get_or_insert_with(|| self.re.create_captures());
                    self.re.search_captures(&Input::new(text).range(m.range()).anchored(Anchored::Yes), caps);
                    if let Some(g) = caps.get_group(group) {
                        found(g.start, g.end);
                    }
                }
            }
        }
    }

    /// The spans of its matches in `text`, in order.
    pub(super) fn all(&self, text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        self.each_match(text, 0, |s, e| out.push((s, e)));
        out
    }

    /// The heap memory of its automata, and of its form without word boundaries if compiled, in bytes.
    pub(super) fn memory_usage(&self) -> (usize, usize) {
        (self.re.memory_usage(), self.relaxed.get().and_then(Option::as_ref).map_or(0, |r| r.0.memory_usage()))
    }
}

/// A pattern of the table without its Unicode word boundaries.
struct Relaxed(meta::Regex);

impl Relaxed {
    /// `source` without its Unicode word boundaries, if it has any and never matches the empty
    /// string (an empty match would need `find_iter`'s rule for the next search).
    fn of(source: &str) -> Option<Relaxed> {
        let hir = regex_syntax::Parser::new().parse(source).ok()?;
        let mut changed = false;
        let relaxed = without_word_boundaries(&hir, &mut changed);
        if !changed || relaxed.properties().minimum_len().is_none_or(|n| n == 0) {
            return None;
        }
        // (only the leftmost start is read: no capture groups, no engine for them)
        let config = meta::Config::new().which_captures(WhichCaptures::Implicit).onepass(false).backtrack(false);
        meta::Builder::new().configure(config).build_from_hir(&relaxed).ok().map(Relaxed)
    }

    /// Calls `found` with the span of `group` (0: the whole match) of each match of `re` in
    /// `text`, in order, as `re.captures_iter(text)` would give them.
    fn each_match(&self, re: &meta::Regex, group: usize, text: &str, caps: &mut Captures, mut found: impl FnMut(usize, usize)) {
        let mut at = 0;
        while at <= text.len() {
            let Some(candidate) = self.0.search(&Input::new(text).range(at..)) else { break };
            let start = candidate.start();
            re.search_captures(&Input::new(text).range(start..).anchored(Anchored::Yes), caps);
            match caps.get_match() {
                Some(m) => {
                    if let Some(g) = caps.get_group(group) {
                        found(g.start, g.end);
                    }
                    at = m.end();
                }
                // (the next place a match may start: after this character)
                None => at = start + text[start..].chars().next().map_or(1, char::len_utf8),
            }
        }
    }
}

/// `h` with every Unicode word-boundary assertion replaced by the empty pattern; `changed` says
/// whether there was one.
fn without_word_boundaries(h: &Hir, changed: &mut bool) -> Hir {
    match h.kind() {
        HirKind::Look(
            Look::WordUnicode | Look::WordUnicodeNegate | Look::WordStartUnicode | Look::WordEndUnicode | Look::WordStartHalfUnicode | Look::WordEndHalfUnicode,
        ) => {
            *changed = true;
            Hir::empty()
        }
        HirKind::Repetition(r) => Hir::repetition(Repetition { sub: Box::new(without_word_boundaries(&r.sub, changed)), ..r.clone() }),
        HirKind::Capture(c) => Hir::capture(Capture { sub: Box::new(without_word_boundaries(&c.sub, changed)), ..c.clone() }),
        HirKind::Concat(v) => Hir::concat(v.iter().map(|x| without_word_boundaries(x, changed)).collect()),
        HirKind::Alternation(v) => Hir::alternation(v.iter().map(|x| without_word_boundaries(x, changed)).collect()),
        _ => h.clone(),
    }
}
