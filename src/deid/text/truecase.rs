//! A note typed all in capitals or all in lower case, read in the case it would have been typed in.
//!
//! Clinicians type whole notes in capitals or without a capital letter; what the capital letter
//! said (a name, a town, the start of a sentence, an acronym) is gone. Rather than a second set of
//! rules for each case, the detectors read such a note with the case restored from what does not
//! depend on it: the dictionaries (a word that is only a name or a town, a word no list of the
//! note's language knows) and the context (the start of a sentence, a title, a place's preposition,
//! a facility word). Then the note scores like the same note as typed (`deid-score --case`).
//!
//! Only ASCII letters change case, so the recased text has the same bytes at the same offsets and
//! every span found in it is a span of the note (the view has folded Latin letters to ASCII).
use super::*;

/// How a word is written in the recased note.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Lower,
    /// its first letter a capital: a name, a town, a title, a sentence's first word
    Capital,
    /// all in capitals: a code with digits ("SW1A", "AB123456C"), a short word no list knows (an acronym)
    Upper,
}

/// Words that no rule should read as a name even when a sentence opens with them or a title stands
/// before them: the lexicon's function and clinical words.
const NEVER_NAME: u32 = CLINICAL | STOP | MONTH | TITLE | RELATION | NUMBER | STREET | FACILITY;

impl Scrubber {
    /// `text` (one case throughout: `tokens::text_modes`) with its ASCII letters in the case the
    /// dictionaries and the context give them; the placeholders `prot` stay as they are.
    pub(super) fn truecased(&self, text: &str, prot: &[(usize, usize)], known: &Known, keep: u32) -> String {
        let mut toks: Vec<Tok> = Vec::new();
        tokenize(text, &mut toks);
        let mut buf = String::with_capacity(32);
        let mut pi = 0;
        for t in toks.iter_mut() {
            while pi < prot.len() && prot[pi].1 <= t.s {
                pi += 1;
            }
            t.prot = pi < prot.len() && prot[pi].0 < t.e && t.s < prot[pi].1;
            if !t.prot {
                t.f = self.token_flags(text, t, known, &mut buf) & keep;
            }
        }
        let prefix: Vec<bool> = toks.iter().map(|t| !t.prot && self.lex.is_name_prefix(&text[t.s..t.e].to_ascii_lowercase())).collect();
        let shapes = shapes(text, &toks, &prefix, keep);
        let mut out = text.as_bytes().to_vec();
        // every letter in lower case first, but those of the placeholders (sorted, apart)
        let mut at = 0;
        for &(s, e) in prot.iter().chain(std::iter::once(&(text.len(), text.len()))) {
            out[at..s].make_ascii_lowercase();
            at = e;
        }
        for (t, shape) in toks.iter().zip(shapes) {
            let word = &mut out[t.s..t.e];
            match shape {
                _ if t.prot => {}
                Shape::Lower => {}
                Shape::Upper => word.make_ascii_uppercase(),
                // the first letter, and the first after a hyphen ("Smith-Jones")
                Shape::Capital => {
                    let mut up = true;
                    for b in word.iter_mut() {
                        if up && b.is_ascii_alphabetic() {
                            *b = b.to_ascii_uppercase();
                            up = false;
                        } else if *b == b'-' {
                            up = true;
                        }
                    }
                }
            }
        }
        // only ASCII bytes were changed, so the bytes are still UTF-8
        String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
    }
}

/// The shape of each token, from its flags (already restricted to the note's language, `keep`),
/// whether it opens a saint's or a mountain's name (`prefix`, the packs' `[name_prefixes]`) and its
/// neighbours.
fn shapes(text: &str, toks: &[Tok], prefix: &[bool], keep: u32) -> Vec<Shape> {
    let n = toks.len();
    let word = |i: usize| &text[toks[i].s..toks[i].e];
    let english = keep & LANGS == 0;
    let mut shape: Vec<Shape> = toks.iter().enumerate().map(|(i, t)| own_shape(t, word(i), english)).collect();
    // a month or weekday beside a number is a date's, capitalised as dates are typed ("may 3")
    for i in 0..n {
        let t = &toks[i];
        let number_beside = i > 0 && toks[i - 1].digit && gap_is_space(&text[toks[i - 1].e..t.s]) || i + 1 < n && toks[i + 1].digit && matches!(&text[t.e..toks[i + 1].s], " " | ". " | ", ");
        if t.f & MONTH != 0 && number_beside {
            shape[i] = Shape::Capital;
        }
    }
    // the first word of a sentence
    for i in 0..n {
        let before = text[..toks[i].s].trim_end_matches([' ', '\t', '"', '\'', '(', '-', '*']);
        if shape[i] == Shape::Lower && !toks[i].digit && (before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':'])) {
            shape[i] = Shape::Capital;
        }
    }
    // what the dictionaries call a name or a town: capitalised, and what stands by it (below)
    let mut named: Vec<bool> = toks.iter().zip(&shape).map(|(t, &sh)| sh == Shape::Capital && t.f & (NEVER_NAME | COUNTRY) == 0 && t.letters >= 2).collect();
    let nameword = |k: usize| !toks[k].prot && !toks[k].digit && toks[k].letters >= 2 && toks[k].f & (NEVER_NAME | COUNTRY) == 0;
    let joined = |a: usize, b: usize| tokens::joinable(text, &toks[a], &toks[b]);
    for i in 1..n {
        let p = &toks[i - 1];
        let gap = &text[p.e..toks[i].s];
        // the words after a title or a relation word that can be a name: "dr. john l.", "wife mary"
        let titled = p.f & TITLE != 0 && matches!(gap, " " | ". " | ".");
        let related = p.f & RELATION != 0 && matches!(gap, " " | ": " | ", ");
        // a given name and a surname of the lists, one of them no other word: "john smith"
        let pair = nameword(i - 1) && nameword(i) && joined(i - 1, i) && p.f & (GIVEN | AMB_GIVEN) != 0 && toks[i].f & (SURNAME | AMB_SURNAME) != 0
            && (p.f | toks[i].f) & NAME_ONLY != 0 && (p.f & NAME_ONLY != 0 || toks[i].f & SURNAME != 0);
        // the word that opens a saint's or a mountain's name before a name: "st. vincent's", "mt. sinai"
        let prefixed = prefix[i - 1] && matches!(gap, " " | ". " | ".") && nameword(i) && (toks[i].f & (ANY_NAME | CITY) != 0 || toks[i].f & (ENGLISH | LANGS) == 0);
        if pair || prefixed {
            shape[i - 1] = Shape::Capital;
            named[i - 1] = true;
            shape[i] = Shape::Capital;
            named[i] = true;
            continue;
        }
        if !(titled || related) {
            continue;
        }
        let mut k = i;
        while k < n && k < i + 3 && !toks[k].prot && (k == i || joined(k - 1, k)) && nameable(&toks[k], titled) {
            shape[k] = Shape::Capital;
            named[k] = true;
            k += 1;
        }
    }
    // a word of the name lists beside a name is part of it: "mary johnson", "johns hopkins"
    for _ in 0..2 {
        for i in 0..n {
            let beside = i > 0 && named[i - 1] && joined(i - 1, i) || i + 1 < n && named[i + 1] && joined(i, i + 1);
            if !named[i] && beside && nameword(i) && toks[i].f & (ANY_NAME | CITY) != 0 {
                shape[i] = Shape::Capital;
                named[i] = true;
            }
        }
    }
    // a facility and the words of its name before it, after a place's preposition: "at elm clinic",
    // "from riverside general hospital"
    for i in 0..n {
        if toks[i].f & FACILITY == 0 || toks[i].prot {
            continue;
        }
        let mut k = i;
        while k > 0 && k + 3 > i && tokens::joinable(text, &toks[k - 1], &toks[k]) && !toks[k - 1].prot && !toks[k - 1].digit && toks[k - 1].f & (WEAKCTX | RELATION | TITLE | CLINICAL | MONTH | NUMBER) == 0 {
            k -= 1;
        }
        let after_place_word = k > 0 && k < i && toks[k - 1].f & WEAKCTX != 0;
        if after_place_word {
            shape[k..=i].iter_mut().for_each(|s| *s = Shape::Capital);
        }
    }
    // a single letter beside a capitalised name is its initial: "john l.", "codey m ross"
    for i in 0..n {
        let t = &toks[i];
        if t.letters != 1 || t.e - t.s != 1 || t.digit || t.prot {
            continue;
        }
        let given = |k: usize| named[k] || nameword(k) && toks[k].f & (GIVEN | AMB_GIVEN) != 0;
        let left = i > 0 && given(i - 1) && gap_is_space(&text[toks[i - 1].e..t.s]);
        let right = i + 1 < n && named[i + 1] && tokens::joinable(text, t, &toks[i + 1]);
        let dotted = text[t.e..].starts_with('.');
        let article = matches!(word(i), "a" | "A" | "i" | "I" | "y" | "Y" | "e" | "E" | "o" | "O");
        if left && (dotted || right) || right && (dotted || !article) {
            shape[i] = Shape::Upper;
            if left {
                shape[i - 1] = Shape::Capital;
            }
        }
    }
    shape
}

/// The shape a word has by itself.
fn own_shape(t: &Tok, w: &str, english: bool) -> Shape {
    if t.prot || t.letters == 0 {
        return Shape::Lower;
    }
    // a code: letters first, digits in it ("sw1a", "ab123456c", "covid-19")
    if t.digit {
        return if w.starts_with(|c: char| c.is_ascii_alphabetic()) { Shape::Upper } else { Shape::Lower };
    }
    if t.letters == 1 {
        return if english && w.eq_ignore_ascii_case("i") { Shape::Capital } else { Shape::Lower };
    }
    let f = t.f;
    if f & (KNOWN | TITLE | COUNTRY) != 0 {
        return Shape::Capital;
    }
    // only a name or a town in every list of the note's language
    if f & (NAME_ONLY | CITY) != 0 && f & (ENGLISH | LANGS | NEVER_NAME) == 0 {
        return Shape::Capital;
    }
    // a word no list knows: short, an acronym as typed; longer, unless it looks like a medical term,
    // a proper noun (Philter's choice: what is not known to be ordinary is suspect)
    if f == 0 && w.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '-') {
        if t.letters <= 4 {
            return Shape::Upper;
        }
        if !looks_medical(&w.to_ascii_lowercase()) {
            return Shape::Capital;
        }
    }
    Shape::Lower
}

/// Whether a word after a title (`titled`) or a relation word may be a name: a name of the lists,
/// or (after a title) a word no list of the note's language knows.
fn nameable(t: &Tok, titled: bool) -> bool {
    if t.digit || t.letters == 0 || t.f & NEVER_NAME != 0 || t.f & COUNTRY != 0 {
        return false;
    }
    if t.letters == 1 {
        return titled;
    }
    t.f & (ANY_NAME | CITY) != 0 || titled && t.f & (ENGLISH | LANGS) == 0
}
