//! Free-text scrubber: replaces identifying details in clinical notes with typed placeholders.
//!
//! Pure, deterministic, no I/O and no logging. Built once (`Scrubber::new`), then shared
//! (`Send + Sync`) by every request. See `deidentification.md`, section "Free text".
//!
//! How it works, in one pass over the text (repeated until nothing changes, at most
//! `MAX_PASSES` times, so that `scrub(scrub(x)) == scrub(x)`):
//! 1. placeholders already in the text (`[NAME]`, ...) are found and protected;
//! 2. the form's own identifying values (`known`) are matched literally in any case, names also
//!    by their parts, numbers also by their digits with any separators;
//! 3. a table of regular expressions finds emails, URLs, IPs, dates, phones, identifiers,
//!    postcodes, street addresses, facilities and ages of 90 and over;
//! 4. the text is split into word tokens which are looked up (lower-cased, in a reused buffer)
//!    in one hash map holding the name, place, English-word and clinical allow-lists; name
//!    rules use titles, relation words, capitalisation and neighbouring names; then
//!    bibliographic references (`citations.rs`) keep their authors, towns and dates;
//! 5. spans are merged (overlaps take the most specific kind), protected placeholders are cut
//!    out of them, and the text is rebuilt.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind, StartKind};
use regex::Regex;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

mod addresses;
mod checks;
mod citations;
mod dates;
mod endings;
mod headers;
mod identifiers;
mod known;
mod lexicon;
mod merge;
mod names;
mod normalise;
mod ascii;
mod institutions;
mod packs;
mod patterns;
mod places;
mod phones;
mod postcodes;
mod tokens;
mod truecase;
mod words;

use known::*;
use lexicon::*;
use merge::*;
use dates::DateCheck;
use identifiers::IdCheck;
use patterns::*;
use phones::PhoneCheck;
use postcodes::PostcodeCheck;
use tokens::*;

/// Kinds of typed placeholder put into text where something identifying was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Placeholder {
    Name,
    Date,
    Phone,
    Email,
    Id,
    Address,
    Postcode,
    Url,
    Ip,
    Age,
    Place,
}

impl Placeholder {
    /// Every kind, in order.
    pub const ALL: [Placeholder; 11] = [
    Placeholder::Name,
    Placeholder::Date,
    Placeholder::Phone,
    Placeholder::Email,
    Placeholder::Id,
    Placeholder::Address,
    Placeholder::Postcode,
    Placeholder::Url,
    Placeholder::Ip,
    Placeholder::Age,
    Placeholder::Place,
];
}

impl Placeholder {
    /// The text put in place of the removed span, e.g. `"[NAME]"`.
    pub fn token(self) -> &'static str {
        match self {
            Placeholder::Name => "[NAME]",
            Placeholder::Date => "[DATE]",
            Placeholder::Phone => "[PHONE]",
            Placeholder::Email => "[EMAIL]",
            Placeholder::Id => "[ID]",
            Placeholder::Address => "[ADDRESS]",
            Placeholder::Postcode => "[POSTCODE]",
            Placeholder::Url => "[URL]",
            Placeholder::Ip => "[IP]",
            Placeholder::Age => "[AGE]",
            Placeholder::Place => "[PLACE]",
        }
    }

    /// Lower-case name of the kind, e.g. `"name"` (used in de-identification reports).
    pub fn as_str(self) -> &'static str {
        match self {
            Placeholder::Name => "name",
            Placeholder::Date => "date",
            Placeholder::Phone => "phone",
            Placeholder::Email => "email",
            Placeholder::Id => "id",
            Placeholder::Address => "address",
            Placeholder::Postcode => "postcode",
            Placeholder::Url => "url",
            Placeholder::Ip => "ip",
            Placeholder::Age => "age",
            Placeholder::Place => "place",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// Which kind wins when two detections overlap (higher wins).
    fn priority(self) -> u8 {
        match self {
            Placeholder::Email => 11,
            Placeholder::Url => 10,
            Placeholder::Ip => 9,
            Placeholder::Date => 8,
            Placeholder::Age => 7,
            Placeholder::Postcode => 6,
            Placeholder::Phone => 5,
            Placeholder::Id => 4,
            Placeholder::Address => 3,
            Placeholder::Place => 2,
            Placeholder::Name => 1,
        }
    }
}

/// Result of scrubbing one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scrubbed {
    /// The text with identifying spans replaced by placeholders.
    pub text: String,
    /// How many placeholders of each kind were inserted; non-zero kinds only, sorted by kind.
    pub counts: Vec<(Placeholder, u32)>,
}

impl Scrubbed {
    /// Total number of placeholders inserted.
    pub fn total(&self) -> u32 {
        self.counts.iter().map(|(_, n)| n).sum()
    }
}

// ---------------------------------------------------------------------------------------------
// Scrubber
// ---------------------------------------------------------------------------------------------

/// Built once at start-up (compiles patterns, loads dictionaries); Send + Sync, shared by all requests.
pub struct Scrubber {
    lex: Lexicon,
    rxs: Vec<Rx>,
    placeholders: AhoCorasick,
    headers: headers::Headers,
    citations: citations::Citations,
    /// all detector patterns at once: a first scan says which ones can match at all
    set: regex::RegexSet,
    /// where the citations' mark of a publication and law are in `set` (after the detectors')
    cite_in_set: [usize; 2],
    date_full: Vec<usize>,
    ip_full: Regex,
    /// anchored postcode shapes, for address tails
    tail_postcode: Regex,
    /// anchored apartment / suite parts, for address tails
    tail_unit: Regex,
}

impl Default for Scrubber {
    fn default() -> Self {
        Scrubber::new()
    }
}

const MAX_PASSES: usize = 4;

#[derive(Clone, Copy, Debug)]
struct Span {
    s: usize,
    e: usize,
    kind: Placeholder,
}

impl Scrubber {
    pub fn new() -> Scrubber {
        let lex = Lexicon::build();
        let rxs = build_regexes();
        let placeholders = AhoCorasick::new(Placeholder::ALL.iter().map(|k| k.token())).expect("placeholders");
        let date_full = rxs
            .iter()
            .enumerate()
            .filter(|(_, r)| r.kind == Placeholder::Date)
            .map(|(i, _)| i)
            .collect();
        let ip_full = Regex::new(r"^(?:\d{1,3}\.){3}\d{1,3}$|^(?i:[0-9a-f:]+)$").expect("ip");
        debug_assert!(rxs.iter().all(|r| r.gate & !GATES == 0), "a pattern's gate outside lexicon::GATES");
        let mut rxs = rxs;
        let mut n_set = 0;
        for r in rxs.iter_mut() {
            // patterns on long word lists run on their own (behind their gate): in the combined
            // automaton they would make its cache thrash
            let solo = r.check.runs_alone() || r.re.as_str().len() > 1500;
            r.set_idx = if solo {
                None
            } else {
                n_set += 1;
                Some(n_set - 1)
            };
        }
        // (the lazy DFA's cache: the bench's notes need under 12 MB, callgrind's count a round the
        // same at 12, 16 and 24 MB and six times it at 8 MB; the 6,030 texts of the development
        // files typed, in capitals and in lower case, 10 % more instructions at 16 MB than at 24 MB
        // (8 % more again at 12), for a peak resident set of 98 MB instead of 104 MB)
        let citations = citations::Citations::new();
        let cite_in_set = [n_set, n_set + 1];
        let set = regex::RegexSetBuilder::new(rxs.iter().filter(|r| r.set_idx.is_some()).map(|r| r.re.ascii_source()).chain(citations.gates()))
            .size_limit(64 << 20)
            .dfa_size_limit(16 << 20)
            .build()
            .expect("regex set");
        let tail_postcode = Regex::new(
            r"^(?:\d{5}-\d{3,4}|\d{3}-\d{4}|\d{2}-\d{3}|\d{3} \d{2}|[1-9]\d{3} ?[A-Z]{2}|\d{3,6}|(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]{1,2}-\d{4,5})\b",
        )
        .expect("tail postcode");
        // (the parts of a building, `data/secondary_units.txt`'s `[after_address]`)
        let units = packs::shared_section(packs::SECONDARY_UNITS, "after_address").map(regex::escape).collect::<Vec<_>>().join("|");
        let tail_unit = Regex::new(&format!(r"^(?i:{units})\.?[ \t]*(?:#|no\.?)?[ \t]*\d{{1,5}}[A-Za-z]?\b")).expect("tail unit");
        let scrubber = Scrubber { lex, rxs, placeholders, headers: headers::Headers::new(), citations, set, cite_in_set, date_full, ip_full, tail_postcode, tail_unit };
        patterns::release_build_memory();
        scrubber
    }

    /// `known`: values of the same form's identifying fields (patient name, email, phone, address,
    /// postcode, city, MRN, national id, reporter name...). Each is hidden wherever it appears, in
    /// any case, and names also by their parts and initial forms ("Maria Olsen" also hides "Olsen",
    /// "Maria", "M. Olsen").
    pub fn scrub(&self, text: &str, known: &[&str]) -> Scrubbed {
        let known = self.build_known(known);
        let one_case = self.one_case(text);
        let mut counts = [0u32; 11];
        let mut cur: Option<String> = None;
        for _ in 0..MAX_PASSES {
            let input: &str = cur.as_deref().unwrap_or(text);
            match self.pass(input, &known, one_case, &mut counts) {
                Some(out) => cur = Some(out),
                None => break,
            }
        }
        let text = cur.unwrap_or_else(|| text.to_owned());
        let counts = Placeholder::ALL
            .iter()
            .filter(|k| counts[k.index()] > 0)
            .map(|&k| (k, counts[k.index()]))
            .collect();
        Scrubbed { text, counts }
    }

    /// Seconds each pattern of the table takes on `texts`, slowest first, with the start of the
    /// pattern: for the benchmark's `--pattern-costs`, to find what slows the scrubber down.
    #[doc(hidden)]
    pub fn pattern_costs(&self, texts: &[&str]) -> Vec<(f64, String)> {
        let whole: &[&str] = texts;
        // the detectors read the folded view
        let views: Vec<std::borrow::Cow<str>> = texts.iter().map(|x| normalise::fold_keeping(x, &|w| self.lex.keeps(w))).collect();
        let texts: Vec<&str> = views.iter().map(|x| &**x).collect();
        // what the patterns read through the ASCII form (`ascii.rs`)
        let mut left: HashMap<char, usize> = HashMap::new();
        texts.iter().flat_map(|x| x.chars()).filter(|c| !c.is_ascii()).for_each(|c| *left.entry(c).or_insert(0) += 1);
        let mut left: Vec<(char, usize)> = left.into_iter().collect();
        left.sort_by_key(|&(c, n)| (std::cmp::Reverse(n), c));
        let not_ascii = texts.iter().filter(|x| !x.is_ascii()).count();
        let left: String = left.iter().take(12).map(|(c, n)| format!(" {c:?} {n}")).collect();
        // each pattern as `detect_typed` runs it (behind the combined scan and the bytes its matches
        // need, `Rx::may_run`, its byte string and its
        // gate; captures where it has a group), after a first round that fills the automata's caches
        // (a cold run measures their building, which a running service pays once)
        let asciis: Vec<ascii::AsciiText> = texts.iter().map(|x| ascii::AsciiText::of(x)).collect();
        let hits: Vec<regex::SetMatches> = asciis.iter().map(|x| self.set.matches(x.as_str())).collect();
        let presents: Vec<u128> = asciis.iter().map(|x| x.bytes_present()).collect();
        let words: Vec<u32> = texts.iter().map(|x| self.lex.flags_of_words(x, !0)).collect();
        let run = |rx: &Rx| -> usize {
            let mut n = 0;
            for (i, x) in asciis.iter().enumerate() {
                let skip = !rx.may_run(&hits[i], presents[i])
                    || rx.needs.is_some_and(|b| !x.as_str().contains(b))
                    || rx.gate != 0 && words[i] & rx.gate == 0;
                if !skip {
                    self.each_match(rx, x, |_, _| n += 1);
                }
            }
            n
        };
        self.rxs.iter().for_each(|rx| { std::hint::black_box(run(rx)); });
        let mut out: Vec<(f64, String)> = self
            .rxs
            .iter()
            .map(|rx| {
                let t = std::time::Instant::now();
                let n = std::hint::black_box(run(rx));
                let how = if rx.group == 0 { "find" } else { "captures" };
                (t.elapsed().as_secs_f64(), format!("{n:5} {how:8} {}", rx.re.as_str().chars().take(90).collect::<String>()))
            })
            .collect();
        let t = std::time::Instant::now();
        let n: usize = asciis.iter().map(|x| self.set.matches(x.as_str()).iter().count()).sum();
        out.push((t.elapsed().as_secs_f64(), format!("(the combined first scan, {n} hits)")));
        let t = std::time::Instant::now();
        let mut spans = Vec::new();
        texts.iter().for_each(|x| self.headers.detect(x, &self.headers.labels(x), &mut spans));
        out.push((t.elapsed().as_secs_f64(), "(record headers)".into()));
        let t = std::time::Instant::now();
        let k = self.build_known(&[]);
        texts.iter().for_each(|x| { self.word_rules(x, &k, &[], &Note { keep: self.lex.language_of(x, &[], &[]), view: None, labels: &self.headers.labels(x), words: None, one_case: false }, &mut spans); });
        out.push((t.elapsed().as_secs_f64(), "(word rules)".into()));
        let t = std::time::Instant::now();
        whole.iter().for_each(|x| { std::hint::black_box(self.scrub(x, &[])); });
        out.push((t.elapsed().as_secs_f64(), "(whole scrub)".into()));
        out.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mb = |n: usize| n as f64 / (1 << 20) as f64;
        let table: usize = self.rxs.iter().map(|rx| rx.re.memory_usage()).sum();
        out.insert(0, (0.0, format!("(memory of the patterns {:.1} MB, the combined scan's set and automata not counted)", mb(table))));
        out.insert(0, (0.0, format!("({not_ascii} of {} texts not ASCII once folded, read through their ASCII form; characters left:{left})", texts.len())));
        out
    }

    /// The lexicon's flags of each word, by name ("cedar: ENGLISH"), for the benchmark's `--flags`:
    /// to see why a word was or was not taken for a name or a place.
    #[doc(hidden)]
    pub fn word_flags(&self, word: &str) -> String {
        const NAMES: [(u32, &str); 21] = [
            (GIVEN, "GIVEN"), (SURNAME, "SURNAME"), (AMB_GIVEN, "AMB_GIVEN"), (AMB_SURNAME, "AMB_SURNAME"), (CITY, "CITY"),
            (AMB_CITY, "AMB_CITY"), (CLINICAL, "CLINICAL"), (ENGLISH, "ENGLISH"), (TITLE, "TITLE"), (RELATION, "RELATION"),
            (MONTH, "MONTH"), (COUNTRY, "COUNTRY"), (STOP, "STOP"), (WEAKCTX, "WEAKCTX"), (EPONYM, "EPONYM"),
            (COUNTRY_PART, "COUNTRY_PART"), (NUMBER, "NUMBER"), (STREET, "STREET"), (FACILITY, "FACILITY"), (KNOWN, "KNOWN"), (ACCENTED_WORD, "ACCENTED_WORD"),
        ];
        // as the detectors read it: folded, unless the view keeps it as typed ("santé" is "sante")
        let lower = word.to_lowercase();
        let key = if self.lex.keeps(&lower) { lower } else { normalise::fold(&lower).into_owned() };
        let f = self.lex.get(&key);
        let mut out: Vec<String> = NAMES.iter().filter(|(b, _)| f & b != 0).map(|(_, n)| n.to_string()).collect();
        out.extend(packs::PACKS.iter().enumerate().filter(|(i, _)| f & lang_bit(*i) != 0).map(|(_, p)| format!("words:{}", p.lang)));
        format!("{word}: {}", out.join(" "))
    }

    /// The byte ranges of `text` that `scrub` replaces, with their kinds, for measuring recall
    /// (`eval`). All passes are run, as `scrub` does; spans of later passes are mapped back to the input.
    fn spans_for_eval(&self, text: &str, known: &[&str]) -> Vec<(usize, usize, Placeholder)> {
        let k = self.build_known(known);
        let one_case = self.one_case(text);
        // placeholder segments of the current text: (cur_s, cur_e, orig_s, orig_e, kind)
        let mut segs: Vec<(usize, usize, usize, usize, Placeholder)> = Vec::new();
        let mut cur = text.to_owned();
        let to_orig = |segs: &[(usize, usize, usize, usize, Placeholder)], p: usize, end: bool| -> usize {
            let mut off: isize = 0;
            for &(cs, ce, os, oe, _) in segs {
                if ce <= p {
                    off = oe as isize - ce as isize;
                } else if cs < p || (cs == p && end) {
                    return if end { oe } else { os };
                } else {
                    break;
                }
            }
            (p as isize + off) as usize
        };
        for _ in 0..MAX_PASSES {
            let spans = self.detect(&cur, &k, one_case);
            if spans.is_empty() {
                break;
            }
            let mut out = String::with_capacity(cur.len());
            let mut nsegs = Vec::new();
            let mut last = 0;
            let mut si = 0;
            for sp in &spans {
                while si < segs.len() && segs[si].1 <= sp.s {
                    let g = segs[si];
                    let d = out.len() as isize + (g.0 as isize - last as isize) - g.0 as isize;
                    nsegs.push(((g.0 as isize + d) as usize, (g.1 as isize + d) as usize, g.2, g.3, g.4));
                    si += 1;
                }
                while si < segs.len() && segs[si].0 < sp.e {
                    si += 1;
                }
                let (os, oe) = (to_orig(&segs, sp.s, false), to_orig(&segs, sp.e, true));
                out.push_str(&cur[last..sp.s]);
                let ns = out.len();
                out.push_str(sp.kind.token());
                nsegs.push((ns, out.len(), os, oe, sp.kind));
                last = sp.e;
            }
            while si < segs.len() {
                let g = segs[si];
                let d = out.len() as isize - last as isize;
                nsegs.push(((g.0 as isize + d) as usize, (g.1 as isize + d) as usize, g.2, g.3, g.4));
                si += 1;
            }
            out.push_str(&cur[last..]);
            if out == cur {
                break;
            }
            cur = out;
            segs = nsegs;
        }
        segs.into_iter().map(|g| (g.2, g.3, g.4)).collect()
    }

    /// One scrubbing pass. Returns the new text, or `None` if nothing was found.
    fn pass(&self, text: &str, known: &Known, one_case: bool, counts: &mut [u32; 11]) -> Option<String> {
        let spans = self.detect(text, known, one_case);
        if spans.is_empty() {
            return None;
        }
        let mut out = String::with_capacity(text.len() + 16);
        let mut last = 0;
        for sp in &spans {
            out.push_str(&text[last..sp.s]);
            out.push_str(sp.kind.token());
            counts[sp.kind.index()] += 1;
            last = sp.e;
        }
        out.push_str(&text[last..]);
        if out == text {
            return None;
        }
        Some(out)
    }

    /// All spans to replace, merged, sorted, not overlapping any placeholder already present.
    /// Whether the note is typed in one case (capitals or none), read on the note as typed, once:
    /// a later pass reads what is left (the view's folds may add capitals: "®" is "(R)"; after its
    /// names went, a note's rest may hold no capital).
    fn one_case(&self, text: &str) -> bool {
        let prot: Vec<(usize, usize)> = self.placeholders.find_iter(text).map(|m| (m.start(), m.end())).collect();
        let (caps, lower) = text_modes(text, &prot);
        caps || lower
    }

    fn detect(&self, text: &str, known: &Known, one_case: bool) -> Vec<Span> {
        let Some(view) = self.view_of(text, one_case) else {
            return self.detect_in(text, known, None, one_case);
        };
        // found on the normalised view, replaced in the text as typed
        let mut out: Vec<Span> = Vec::new();
        for sp in self.detect_in(&view.text, known, Some(&view), one_case) {
            let (s, e) = view.original(sp.s, sp.e);
            match out.last_mut() {
                // two spans from one source character (a ligature cut in two) become one
                Some(last) if s < last.e => last.e = last.e.max(e),
                _ => out.push(Span { s, e, kind: sp.kind }),
            }
        }
        out
    }

    /// Calls `found` with the span of each match of the pattern `rx` in `text` (of its group, when
    /// it has one, and that group is not empty), in order.
    fn each_match(&self, rx: &Rx, text: &ascii::AsciiText, mut found: impl FnMut(usize, usize)) {
        rx.re.each_match_in(text, rx.group, |s, e| {
            if rx.group == 0 || s < e {
                found(s, e)
            }
        });
    }

    fn detect_in(&self, text: &str, known: &Known, view: Option<&normalise::View>, one_case: bool) -> Vec<Span> {
        // 1. protected placeholders
        let prot: Vec<(usize, usize)> = self.placeholders.find_iter(text).map(|m| (m.start(), m.end())).collect();
        // (its words looked up once, for the language and the name rules; a note in one case is
        // tokenised again once read in its case, where a capital decides an elision: "qu'Emilien")
        let words = (!one_case).then(|| self.lex.looked_up_words(text, &prot));
        let keep = self.lex.language_of(text, &prot, words.as_ref().map_or(&[], |w| &w.toks[..]));
        // a note in one case is read in the case the dictionaries and the context give it
        // (`truecase.rs`): same offsets, so its spans are the note's
        let labels = self.headers.labels(text);
        let note = Note { keep, view, labels: &labels, words: words.as_ref(), one_case };
        if one_case {
            let typed = self.truecased(text, &prot, known, &note);
            return self.detect_typed(&typed, known, &prot, note);
        }
        self.detect_typed(text, known, &prot, note)
    }

    /// The normalised view of `text` (`None` if it is ASCII), which keeps some accented words
    /// unfolded (`Lexicon::keeps`). The view reads only capitalised words for that; a note in lower
    /// case is read as if each accented word were capitalised, so that a surname that only folded
    /// looks medical is kept as it would be typed, then the view's letters are put back in lower case.
    fn view_of(&self, text: &str, one_case: bool) -> Option<normalise::View> {
        let keeps = |w: &str| self.lex.keeps(w);
        if !one_case || text.chars().any(char::is_uppercase) {
            return normalise::View::keeping(text, &keeps);
        }
        // (only an ASCII first letter: the offsets stay the note's)
        let mut capitalised = text.as_bytes().to_vec();
        let mut raised: Vec<usize> = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            // (a word's letters, digits and combining marks, as the view reads a word)
            if c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c) {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                if !text[s..i].is_ascii() && text.as_bytes()[s].is_ascii_lowercase() {
                    capitalised[s] = capitalised[s].to_ascii_uppercase();
                    raised.push(s);
                }
            }
        }
        let capitalised = String::from_utf8(capitalised).ok()?;
        let mut view = normalise::View::keeping(&capitalised, &keeps)?;
        let mut bytes = std::mem::take(&mut view.text).into_bytes();
        for (j, b) in bytes.iter_mut().enumerate() {
            if b.is_ascii_uppercase() && raised.binary_search(&view.original(j, j + 1).0).is_ok() {
                b.make_ascii_lowercase();
            }
        }
        view.text = String::from_utf8(bytes).ok()?;
        Some(view)
    }

    /// `detect_in` on a note whose letters' case means what it does in typed text.
    fn detect_typed(&self, text: &str, known: &Known, prot: &[(usize, usize)], note: Note) -> Vec<Span> {
        let mut spans: Vec<Span> = Vec::new();

        // 2. record headers (`label: value`) and the form's own values: certain evidence
        self.headers.detect(text, note.labels, &mut spans);
        for (s, e, i) in known.literals.find_iter(text) {
            if word_boundary_ok(text, s, e) {
                spans.push(Span { s, e, kind: known.kinds[i] });
            }
        }
        if !known.digits.is_empty() {
            known_digit_runs(text, &known.digits, &mut spans);
        }

        let certain = spans.len();

        // 3. regex detectors, on the text as they read it (ASCII)
        let ascii = ascii::AsciiText::of(text);
        let hits = self.set.matches(ascii.as_str());
        // (a pattern runs only where the set saw it match, and the text holds a byte of each set of
        // bytes its every match holds: `Pattern::may_match`)
        let bytes_present = ascii.bytes_present();
        let mut words_present: Option<u32> = None;
        for rx in self.rxs.iter() {
            if !rx.may_run(&hits, bytes_present) {
                continue;
            }
            if let Some(n) = rx.needs {
                if !ascii.as_str().contains(n) {
                    continue;
                }
            }
            // (the gates' flags only, which the words of most notes show before their end)
            // (from the words looked up, where they are this text's)
            let gates = || note.words.map_or_else(|| self.lex.flags_of_words(text, GATES), |w| w.gate_flags(&self.lex, text, GATES));
            if rx.gate != 0 && *words_present.get_or_insert_with(gates) & rx.gate == 0 {
                continue;
            }
            self.each_match(rx, &ascii, |s, e| self.check_and_push(text, rx, s, e, &note, &mut spans));
        }

        // 4. word tokens: names and places
        self.word_rules(text, known, &prot, &note, &mut spans);

        // 4b. street addresses take their house number before and their town / region /
        // postcode after them
        self.extend_addresses(text, &note, &mut spans);

        // 4c. an institution's name takes the words that open it, where its language writes them
        // into the name ("Sykehuset i [PLACE]")
        self.take_institution_openings(text, &note, &mut spans);

        // 4d. a bibliographic reference keeps its authors, its publisher's town and its date; a
        // law its date, name and number (what the headers and the form's own values found stays
        // found)
        // (the combined scan saw whether a mark of a publication or a law is anywhere in the note)
        let cited = if hits.matched(self.cite_in_set[0]) { self.citations.find(text) } else { Vec::new() };
        let laws = if hits.matched(self.cite_in_set[1]) { self.citations.laws(text) } else { Vec::new() };
        if !cited.is_empty() || !laws.is_empty() {
            use Placeholder::*;
            let within = |list: &[(usize, usize)], sp: &Span| list.iter().any(|&(s, e)| s <= sp.s && sp.e <= e);
            let found = spans.split_off(certain);
            spans.extend(found.into_iter().filter(|sp| match sp.kind {
                Name | Place | Date => !within(&cited, sp) && !within(&laws, sp),
                Id => !within(&laws, sp),
                _ => true,
            }));
        }

        // 5. merge
        finish_spans(text, spans, &prot)
    }

}

#[doc(hidden)]
pub mod eval;

#[cfg(test)]
mod tests;

#[cfg(test)]
mod format_tests;
#[cfg(test)]
mod pack_tests;
#[cfg(test)]
mod note_habits_tests;
#[cfg(test)]
mod letter_habits_tests;

#[cfg(test)]
mod word_list_tests;
#[cfg(test)]
mod german_clinical_tests;
