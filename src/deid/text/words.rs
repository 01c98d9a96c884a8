//! A note's words looked up in the lexicon once, for the two readers of every word of a pass:
//! `Lexicon::language_of` (which language the note is in) and the name rules (`token_flags`).
//! Each used to lower-case and hash every word of the note on its own.
use super::*;

/// The word tokens of a text (`tokenize`), each with the lexicon's flags of its lower case without
/// its clitic in `f` (`Lexicon::get`, as `token_flags` and `language_of` read a word), and that
/// lower case and key; those inside a placeholder already in the text marked `prot`, not looked up.
pub(super) struct Words {
    pub(super) toks: Vec<Tok>,
    /// the tokens' lower cases one after another, and the few keys that are none of their parts
    /// ("can" of "can't")
    lower: String,
    /// for each token, where its lower case and its key are in `lower` (empty for a placeholder's)
    at: Vec<[u32; 4]>,
}

impl Words {
    /// `Lexicon::flags_of_words(text, wanted)`, `text` the text of these words and `wanted` among the
    /// patterns' gates (`GATES`): a token of ASCII letters alone is one of its words, whose gates'
    /// flags are those it was looked up with (`Lexicon::get` adds only a language's to a word no list
    /// holds); the letters of any other token are read as `flags_of_words` reads them.
    pub(super) fn gate_flags(&self, lex: &Lexicon, text: &str, wanted: u32) -> u32 {
        debug_assert!(wanted & !GATES == 0, "only the gates' flags are a word's own");
        let mut all = 0;
        let mut buf = String::new();
        for t in &self.toks {
            let w = &text[t.s..t.e];
            if !t.prot && usize::from(t.letters) == w.len() {
                all |= t.f & wanted;
            } else {
                for run in w.split(|c: char| !c.is_alphabetic()).filter(|r| r.len() >= 2) {
                    lower_into(&mut buf, run);
                    all |= lex.words.get(&buf).copied().unwrap_or(0) & wanted;
                }
            }
            if all == wanted {
                break;
            }
        }
        all
    }

    /// Token `i` in lower case.
    pub(super) fn lower(&self, i: usize) -> &str {
        &self.lower[self.at[i][0] as usize..self.at[i][1] as usize]
    }

    /// Token `i` in lower case, its clitic left out (`without_clitic`).
    pub(super) fn key(&self, i: usize) -> &str {
        &self.lower[self.at[i][2] as usize..self.at[i][3] as usize]
    }
}

impl Lexicon {
    /// The words of `text`, `prot` the placeholders already in it (sorted).
    pub(super) fn looked_up_words(&self, text: &str, prot: &[(usize, usize)]) -> Words {
        // (about one word in six bytes)
        let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 4);
        tokenize(text, &mut toks);
        let mut lower = String::with_capacity(text.len());
        let mut at = Vec::with_capacity(toks.len());
        let mut pi = 0;
        for t in toks.iter_mut() {
            while pi < prot.len() && prot[pi].1 <= t.s {
                pi += 1;
            }
            if pi < prot.len() && prot[pi].0 < t.e && t.s < prot[pi].1 {
                t.prot = true;
                at.push([0; 4]);
                continue;
            }
            let a = lower.len();
            lower_onto(&mut lower, &text[t.s..t.e]);
            let b = lower.len();
            let (k, n) = key_within(&lower, a, b).unwrap_or_else(|| {
                let key = without_clitic(&lower[a..b]).to_owned();
                lower.push_str(&key);
                (b, key.len())
            });
            t.f = self.get(&lower[k..k + n]);
            at.push([a, b, k, k + n].map(|x| u32::try_from(x).expect("a note under 4 GB")));
        }
        Words { toks, lower, at }
    }
}

/// Where the key of the lower case `lower[a..b]` (`without_clitic`) starts and how long it is, when
/// it is a part of it (not a word of its own: "can" of "can't").
fn key_within(lower: &str, a: usize, b: usize) -> Option<(usize, usize)> {
    let key = without_clitic(&lower[a..b]);
    let at = (key.as_ptr() as usize).checked_sub(lower.as_ptr() as usize)?;
    (a <= at && at + key.len() <= b).then_some((at, key.len()))
}

/// The flags of the words of `text` already looked up (`Words::toks`), read in order: a word of
/// `language_of` (its own boundaries: letters and apostrophes) that is a whole token is the same
/// string, so its flags are the token's.
pub(super) struct LookedUp<'a> {
    text: &'a str,
    words: &'a [Tok],
    /// the first token that may start at or after the word asked for next
    next: usize,
}

impl<'a> LookedUp<'a> {
    pub(super) fn new(text: &'a str, words: &'a [Tok]) -> LookedUp<'a> {
        LookedUp { text, words, next: 0 }
    }

    /// The flags of `w`, a slice of the text after those asked for before, if a token (not in a
    /// placeholder) spans exactly its bytes.
    pub(super) fn flags(&mut self, w: &str) -> Option<u32> {
        let s = w.as_ptr() as usize - self.text.as_ptr() as usize;
        while self.next < self.words.len() && self.words[self.next].s < s {
            self.next += 1;
        }
        self.words.get(self.next).filter(|t| t.s == s && t.e == s + w.len() && !t.prot).map(|t| t.f)
    }
}
