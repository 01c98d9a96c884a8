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
    /// a longer word no list knows: capitalised only where names and places stand (beside a name,
    /// after a place's preposition or a facility word), else in lower case
    Suspect,
}

/// Words that no rule should read as a name even when a sentence opens with them or a title stands
/// before them: the lexicon's function and clinical words.
const NEVER_NAME: u32 = CLINICAL | STOP | MONTH | TITLE | RELATION | NUMBER | STREET | FACILITY;

/// What the lexicon says of a token beyond its flags (`Lexicon::is_name_prefix`, `is_postal`, its
/// multi-word towns).
const PREFIX: u8 = 1;
const POSTAL: u8 = 2;
const IN_TOWN: u8 = 4;
const HOSPITAL: u8 = 8;
const NO_LIST: u8 = 16;

impl Scrubber {
    /// `text` (one case throughout: `tokens::text_modes`) with its ASCII letters in the case the
    /// dictionaries and the context give them; the placeholders `prot` stay as they are.
    pub(super) fn truecased(&self, text: &str, prot: &[(usize, usize)], known: &Known, note: &Note) -> String {
        let keep = note.keep;
        let mut toks: Vec<Tok> = Vec::new();
        tokenize(text, &mut toks);
        let mut buf = String::with_capacity(32);
        let mut pi = 0;
        // (which words no list of any language knows: "hematie" is Dutch, and no name)
        let mut unknown_to_all: Vec<bool> = Vec::with_capacity(toks.len());
        for t in toks.iter_mut() {
            while pi < prot.len() && prot[pi].1 <= t.s {
                pi += 1;
            }
            t.prot = pi < prot.len() && prot[pi].0 < t.e && t.s < prot[pi].1;
            // (read as if capitalised, so that both cases read the same: a label's first word)
            t.cap = true;
            t.initial = t.letters == 1 && !t.digit && t.e - t.s == 1;
            // a title of the note's language written as an initial and its dot: "m. varnier" in French
            // (as `names.rs` reads it)
            let dotted_title = t.initial && text[t.e..].starts_with(". ") && self.lex.get(&format!("{}.", text[t.s..t.e].to_lowercase())) & keep & LANGS != 0;
            if t.prot {
                unknown_to_all.push(false);
            } else {
                let raw = self.token_flags(text, t, known, &mut buf);
                unknown_to_all.push(raw == 0);
                t.f = raw & keep;
                // an ordinary word of the note's language is a name or a town only where the context
                // says so (as `word_rules` reads it): "el", "resto" in Spanish
                // (one the language spells only with accents is that word only as typed so: "marié", not "marie")
                if t.f & ACCENTED_WORD != 0 && !note.typed_with_accents(t.s, t.e) {
                    t.f &= !(LANGS | ACCENTED_WORD);
                }
                // another language's title that is an ordinary word of this note's is that word here:
                // German "Dr. med." is Norwegian "med" (with): "kom med plakk" (English titles, which
                // notes of every language write, stay: "Prof J. Herno")
                if t.f & TITLE != 0 && t.f & keep & LANGS != 0 {
                    let word = text[t.s..t.e].to_lowercase();
                    if !super::names::titles_by_language().iter().any(|(w, bits)| *w == word && bits & (keep | english_bit()) != 0) {
                        t.f &= !TITLE;
                    }
                }
                if t.f & LANGS != 0 {
                    let f = t.f;
                    t.f = f & !(NAME_ONLY | CITY) | if f & GIVEN != 0 { AMB_GIVEN } else { 0 } | if f & SURNAME != 0 { AMB_SURNAME } else { 0 } | if f & CITY != 0 { AMB_CITY } else { 0 };
                }
                if dotted_title {
                    t.f = TITLE;
                }
            }
        }
        let mut marks: Vec<u8> = toks
            .iter()
            .zip(&unknown_to_all)
            .map(|(t, &unknown)| {
                let unknown = if unknown { NO_LIST } else { 0 };
                let lower = text[t.s..t.e].to_ascii_lowercase();
                // (its clitic left out: "l'hôpital")
                let lower = without_clitic(&lower);
                unknown
                    | if t.prot {
                        0
                    } else if self.lex.is_name_prefix(lower) {
                        PREFIX
                    } else if self.lex.is_postal(lower) {
                        POSTAL
                    } else if self.lex.is_hospital(lower) {
                        HOSPITAL
                    } else {
                        0
                    }
            })
            .collect();
        // the words of a town's name of several words, one of them no ordinary word: "jouy en josas"
        for m in self.lex.multi_cities.find_iter(text) {
            let inside = |t: &Tok| m.start() <= t.s && t.e <= m.end();
            if word_boundary_ok(text, m.start(), m.end()) && toks.iter().filter(|t| inside(t)).any(|t| t.f & (ENGLISH | LANGS) == 0) {
                toks.iter().zip(marks.iter_mut()).filter(|(t, _)| inside(t)).for_each(|(_, mk)| *mk |= IN_TOWN);
            }
        }
        let values = self.headers.person_and_place_values(text, note.labels);
        let shapes = shapes(text, &toks, &marks, keep, &values);
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
                Shape::Lower | Shape::Suspect => {}
                Shape::Upper => word.make_ascii_uppercase(),
                // the first letter, and the first after a hyphen ("Smith-Jones")
                // (after an elided article or preposition, which stays in lower case, as typed: "d'Orléans")
                Shape::Capital => {
                    let lower = text[t.s..t.e].to_ascii_lowercase();
                    let rest = without_clitic(&lower);
                    let clitic = if lower.ends_with(rest) && lower[..lower.len() - rest.len()].ends_with('\'') { lower.len() - rest.len() } else { 0 };
                    let mut up = true;
                    for b in word[clitic..].iter_mut() {
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
/// its `marks` (`PREFIX`: it opens a saint's or a mountain's name, the packs' `[name_prefixes]`;
/// `POSTAL`: a postal address's word after its town; `IN_TOWN`), its neighbours and the header
/// values that name a person or a place (`values`). Each rule below
/// reads the dictionaries' evidence and the context, never the case the note was typed in.
fn shapes(text: &str, toks: &[Tok], marks: &[u8], keep: u32, values: &[(usize, usize)]) -> Vec<Shape> {
    let english = keep & LANGS == 0;
    let shape: Vec<Shape> = toks.iter().map(|t| own_shape(t, &text[t.s..t.e], english)).collect();
    // what the dictionaries call a name or a town: capitalised, and what stands by it (below)
    let named = toks.iter().enumerate().map(|(i, t)| shape[i] == Shape::Capital && t.f & (NEVER_NAME | COUNTRY) == 0 && t.letters >= 2 || marks[i] & IN_TOWN != 0).collect();
    let mut r = Reading { text, toks, marks, shape, named, english, keep };
    for i in 0..toks.len() {
        if r.named[i] {
            r.shape[i] = Shape::Capital;
        }
    }
    // a hospital's word of three letters or fewer is its acronym, typed in capitals ("chu", "gh")
    for (i, t) in toks.iter().enumerate() {
        if marks[i] & HOSPITAL != 0 && t.letters <= 3 {
            r.shape[i] = Shape::Upper;
        }
    }
    r.dates_and_sentences();
    r.after_titles_and_relations();
    r.where_places_stand();
    for _ in 0..2 {
        r.beside_names();
    }
    r.unknown_beside_given();
    r.people_lines();
    r.facilities(english);
    r.hospitals_by_their_end();
    r.institutions_by_their_end();
    r.street_addresses();
    r.region_codes();
    r.initials();
    r.people_lists();
    r.header_values(values);
    r.shape
}

/// A note's tokens while their shapes are decided.
struct Reading<'a> {
    text: &'a str,
    toks: &'a [Tok],
    marks: &'a [u8],
    shape: Vec<Shape>,
    /// capitalised as (part of) a name or a place, not only as a sentence's first word
    named: Vec<bool>,
    /// the note is in English (an English word is then an ordinary word of its language)
    english: bool,
    /// the lexicon flags that count in this note (`Note::keep`)
    keep: u32,
}

impl<'a> Reading<'a> {
    fn word(&self, k: usize) -> &'a str {
        &self.text[self.toks[k].s..self.toks[k].e]
    }

    fn gap(&self, a: usize, b: usize) -> &'a str {
        &self.text[self.toks[a].e..self.toks[b].s]
    }

    fn joined(&self, a: usize, b: usize) -> bool {
        tokens::joinable(self.text, &self.toks[a], &self.toks[b])
    }

    /// A word that can be (part of) a name: no function or clinical word, no country, no particle
    /// (written in lower case inside a name: "de", "le", "van", though surname lists hold them).
    fn nameword(&self, k: usize) -> bool {
        let t = &self.toks[k];
        // (nor an ordinary word of two letters: "au", "el", "su", though a surname list holds it)
        !t.prot && !t.digit && t.letters >= 2 && t.f & (NEVER_NAME | COUNTRY) == 0 && !(t.letters == 2 && t.f & LANGS != 0)
            && !packs::place_particles().contains(&self.word(k).to_ascii_lowercase().as_str())
    }

    fn name(&mut self, k: usize) {
        self.shape[k] = Shape::Capital;
        self.named[k] = true;
    }

    /// `name`, but a word already written in capitals (a record's name line) stays so.
    fn name_as_written(&mut self, k: usize) {
        if self.shape[k] != Shape::Upper {
            self.shape[k] = Shape::Capital;
        }
        self.named[k] = true;
    }

    /// A month or weekday beside a number is a date's, capitalised as dates are typed ("may 3"); the
    /// first word of a sentence is capitalised.
    fn dates_and_sentences(&mut self) {
        let (toks, n) = (self.toks, self.toks.len());
        for i in 0..n {
            let t = &toks[i];
            let number_beside = i > 0 && toks[i - 1].digit && gap_is_space(self.gap(i - 1, i)) || i + 1 < n && toks[i + 1].digit && matches!(self.gap(i, i + 1), " " | ". " | ", ");
            if t.f & MONTH != 0 && number_beside {
                self.shape[i] = Shape::Capital;
            }
            let before = self.text[..t.s].trim_end_matches([' ', '\t', '"', '\'', '(', '-', '*']);
            // (not a word no list knows: whether it is a name, its place in the sentence cannot tell)
            if self.shape[i] == Shape::Lower && !t.digit && (before.is_empty() || before.ends_with(['.', '!', '?', '\n'])) {
                self.shape[i] = Shape::Capital;
            }
            // a header's value after its colon, when it can be a name or a place: "apellidos: alonso"
            // (not "name: unknown")
            let nameish = t.f & (ANY_NAME | CITY | AMB_CITY) != 0 || self.shape[i] == Shape::Suspect;
            // (not after a placeholder: a later pass's "[NAME]:" is no label, so a pass changes nothing more)
            let after_placeholder = i > 0 && toks[i - 1].prot;
            if before.ends_with(':') && nameish && !t.prot && !after_placeholder && t.f & (STOP | MONTH | TITLE | RELATION | COUNTRY) == 0 {
                self.shape[i] = Shape::Capital;
            }
        }
    }

    /// The words after a title or a relation word that can be a name ("dr. john l.", "wife mary"), a
    /// given name and a surname of the lists, one of them no other word ("john smith"), the word
    /// that opens a saint's or a mountain's name and the name after it ("st. vincent's", "mt. sinai").
    fn after_titles_and_relations(&mut self) {
        let (toks, n) = (self.toks, self.toks.len());
        for i in 1..n {
            let (p, t) = (&toks[i - 1], &toks[i]);
            let gap = self.gap(i - 1, i);
            let titled = p.f & TITLE != 0 && matches!(gap, " " | ". " | ".");
            let related = p.f & RELATION != 0 && matches!(gap, " " | ": " | ", ");
            let pair = self.nameword(i - 1) && self.nameword(i) && self.joined(i - 1, i) && p.f & (GIVEN | AMB_GIVEN) != 0 && t.f & (SURNAME | AMB_SURNAME) != 0
                && (p.f | t.f) & NAME_ONLY != 0 && (p.f & NAME_ONLY != 0 || t.f & SURNAME != 0);
            let prefixed = self.marks[i - 1] & PREFIX != 0 && matches!(gap, " " | ". " | ".") && self.nameword(i) && (t.f & (ANY_NAME | CITY) != 0 || t.f & (ENGLISH | LANGS) == 0);
            if pair || prefixed {
                self.name(i - 1);
                self.name(i);
                continue;
            }
            // a given name of the lists after a kin word, also an ordinary word: "husband bob"
            let kin_given = p.f & RELATION != 0 && t.f & (GIVEN | AMB_GIVEN) != 0 && names::given_after_kin(p, t, gap, self.word(i - 1), self.word(i), self.keep);
            if !(titled || related || kin_given) {
                continue;
            }
            let mut k = i;
            while k < n && k < i + 3 && !toks[k].prot && (k == i || self.joined(k - 1, k)) && (nameable(&toks[k], titled) || self.shape[k] == Shape::Suspect || titled && k > i && self.named[k - 1] && self.foreign_word(k) || k == i && kin_given) {
                self.name(k);
                k += 1;
            }
        }
    }

    /// A word no list knows where a place's or a person's name stands: after a place's preposition
    /// or a facility word ("in tromsdalen", "klinikk vestre"), a postcode or a house number ("92300
    /// cergy-perret", "94 403, quoicoubey"), before a postal
    /// address's word ("creteil cedex"); and after a place's preposition, a run of names and such
    /// words with one that is no ordinary word ("at cedar sinai", not "in bath").
    fn where_places_stand(&mut self) {
        let (toks, n) = (self.toks, self.toks.len());
        for i in 1..n {
            let p = &toks[i - 1];
            let gap = self.gap(i - 1, i);
            let place = p.f & (WEAKCTX | FACILITY) != 0 && gap_is_space(gap) || p.digit && matches!(gap, " " | ", ");
            if self.shape[i] == Shape::Suspect && place {
                self.name(i);
            }
            // a street's name before its house number: "hegyalja út 98"
            let numbered = |k: usize| k < n && toks[k].digit && toks[k].letters == 0 && self.joined(k - 1, k);
            if self.shape[i - 1] == Shape::Suspect && self.joined(i - 1, i) && (numbered(i) || t_short(&toks[i]) && numbered(i + 1)) {
                self.name(i - 1);
            }
            let town = self.shape[i - 1] == Shape::Suspect || self.named[i - 1] || p.f & (CITY | AMB_CITY) != 0;
            if self.marks[i] & POSTAL != 0 && town && gap_is_space(gap) {
                self.name(i - 1);
                // (the postal word typed in capitals, as the postal standards write it: "nanterre cedex")
                self.shape[i] = Shape::Upper;
            }
            // a town of the lists that is no ordinary word of the note's language, alone after a
            // place's preposition, is that town (in a note in another language than English, an
            // English word is no evidence against it): "la région de nice" in French
            let town_only = toks[i].f & (CITY | AMB_CITY) != 0 && toks[i].f & (LANGS | ANY_NAME) == 0;
            if p.f & WEAKCTX != 0 && gap_is_space(gap) && self.nameword(i) && town_only && !self.english {
                self.name(i);
            }
            if p.f & WEAKCTX != 0 && gap_is_space(gap) {
                let run = (i..n.min(i + 3)).take_while(|&k| (k == i || self.joined(k - 1, k)) && self.nameword(k) && (toks[k].f & (ANY_NAME | CITY) != 0 || self.shape[k] == Shape::Suspect)).count();
                let strong = (i..i + run).any(|k| self.named[k] || self.shape[k] == Shape::Suspect);
                if run >= 2 && strong {
                    (i..i + run).for_each(|k| self.name(k));
                }
            }
        }
    }

    /// In a note in another language than English, an English word of three letters or more that
    /// is no word of the note's language: after a title and a name, it is the name's next word
    /// ("docteur jean smith"), as the English lists' surnames that are also ordinary words are.
    fn foreign_word(&self, k: usize) -> bool {
        let t = &self.toks[k];
        !self.english && self.nameword(k) && t.letters >= 3 && t.f & ENGLISH != 0 && t.f & (LANGS | NEVER_NAME | COUNTRY) == 0
    }

    /// A word of the name lists, or one no list knows, beside a name is part of it: "mary johnson",
    /// "johns hopkins"; so is a surname that is also a clinical abbreviation after a given name of
    /// the lists ("jane doe").
    fn beside_names(&mut self) {
        let (toks, n) = (self.toks, self.toks.len());
        for i in 0..n {
            let beside = i > 0 && self.named[i - 1] && self.joined(i - 1, i) || i + 1 < n && self.named[i + 1] && self.joined(i, i + 1);
            let t = &toks[i];
            let clinical_surname = i > 0 && self.named[i - 1] && toks[i - 1].f & GIVEN != 0 && self.joined(i - 1, i) && t.f & (SURNAME | AMB_SURNAME) != 0 && t.f & CLINICAL != 0 && t.letters >= 3;
            if !self.named[i] && (beside && self.nameword(i) && (t.f & (ANY_NAME | CITY) != 0 || self.shape[i] == Shape::Suspect) || clinical_surname) {
                self.name(i);
            }
        }
    }

    /// A line of a record's header that opens with two or more words no list of any language knows,
    /// up to its end or a facility word: the people of the record ("abhaganev lammare loumi gh ..."),
    /// and a name line written surname, comma, given name.
    fn people_lines(&mut self) {
        let (toks, n) = (self.toks, self.toks.len());
        let mut i = 0;
        while i < n {
            let line_start = self.text[..toks[i].s].trim_end_matches([' ', '\t']);
            let unknown = |k: usize| self.marks[k] & NO_LIST != 0 && toks[k].letters >= 4 && !toks[k].prot && !looks_medical(&self.word(k).to_ascii_lowercase());
            if !(line_start.is_empty() || line_start.ends_with('\n')) || !unknown(i) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < n && self.gap(j, j + 1) == " " && unknown(j + 1) {
                j += 1;
            }
            let rest = self.text[toks[j].e..].trim_start_matches([' ', '\t']);
            let ends = rest.is_empty() || rest.starts_with(['\n', '\r']) || j + 1 < n && self.gap(j, j + 1) == " " && toks[j + 1].f & FACILITY != 0;
            if j > i && ends {
                (i..=j).for_each(|k| self.name(k));
            }
            i = j + 1;
        }
        // a record's name line, surname first, a comma, the given name of the lists:
        // "taillard, taillard pierre", "gomau, gomau francisco"
        for i in 0..n {
            let line_start = self.text[..toks[i].s].trim_end_matches([' ', '\t']);
            // (the surname's words may be ordinary words, "aid merghad"; the given name is one of the lists)
            let person = |k: usize| self.nameword(k);
            if !(line_start.is_empty() || line_start.ends_with('\n')) || !person(i) {
                continue;
            }
            let mut j = i;
            while j + 1 < n && j < i + 2 && self.joined(j, j + 1) && person(j + 1) {
                j += 1;
            }
            let g = j + 1;
            if g < n && self.gap(j, g) == ", " && person(g) {
                let mut e = g;
                while e + 1 < n && e < g + 2 && self.joined(e, e + 1) && person(e + 1) {
                    e += 1;
                }
                let rare = (i..=j).any(|k| self.shape[k] == Shape::Suspect || toks[k].f & NAME_ONLY != 0);
                // (written as such a line is typed, in capitals, which the word rules read: `surname_comma_given`)
                // (or, its given name also a word, each word capitalised: "Taillard, Taillard Pierre")
                let given = (g..=e).any(|k| toks[k].f & GIVEN != 0);
                if given || rare && (g..=e).any(|k| toks[k].f & AMB_GIVEN != 0 || self.shape[k] == Shape::Suspect) {
                    (i..=e).for_each(|k| {
                        self.named[k] = true;
                        self.shape[k] = if given { Shape::Upper } else { Shape::Capital };
                    });
                }
            }
        }
    }

    /// A facility and the words of its name before it, after a place's preposition, in an English
    /// note: "at elm clinic", "from riverside general hospital"; a hospital and its name after it.
    fn facilities(&mut self, english: bool) {
        let toks = self.toks;
        for i in 0..toks.len() {
            if toks[i].f & FACILITY == 0 || toks[i].prot {
                continue;
            }
            let mut k = i;
            while k > 0 && k + 3 > i && self.joined(k - 1, k) && !toks[k - 1].prot && !toks[k - 1].digit && toks[k - 1].f & (WEAKCTX | RELATION | TITLE | CLINICAL | MONTH | NUMBER) == 0 {
                k -= 1;
            }
            // (in English word order, the name before the facility word: not "en appelant le service")
            if english && k > 0 && k < i && toks[k - 1].f & WEAKCTX != 0 {
                self.shape[k..=i].iter_mut().for_each(|s| *s = Shape::Capital);
            }
            // a hospital's name after its word, up to the clause's end: "à hôpital tenon", "hôpital la
            // pitié salpétrière" (after a particle, only a word that is no ordinary one: not "hôpital de jour";
            // after a word that is no ordinary one, an ordinary word ends the name: "hôpital louis
            // varnier pour un bilan")
            if self.marks[i] & HOSPITAL == 0 {
                continue;
            }
            let mut k = i + 1;
            let mut particle = false;
            let mut proper = false;
            while k < toks.len() && k <= i + 4 && self.joined(k - 1, k) && !toks[k].digit && !toks[k].prot {
                let w = self.word(k).to_ascii_lowercase();
                if packs::articles().contains(&w.as_str()) {
                    // an article opens a name made of ordinary words: "hôpital la source"
                } else if packs::place_particles().contains(&w.as_str()) {
                    particle = true;
                } else if self.nameword(k) && (!particle && !proper || toks[k].f & (ENGLISH | LANGS) == 0) {
                    self.name(k);
                    proper |= toks[k].f & (ENGLISH | LANGS) == 0;
                } else if toks[k].letters == 1 && self.text[toks[k].e..].starts_with('.') {
                    // an initial inside the name: "gh a.chenevier-h.mondor"
                    self.shape[k] = Shape::Upper;
                } else {
                    break;
                }
                k += 1;
            }
        }
    }

    /// After a place's preposition, one or two words and an ordinary word that ends a hospital's
    /// name (`[hospital_ends]`), ending the clause: the hospital's name as typed ("from mass general
    /// this am" is "Mass General", as `checks::names_a_hospital` reads it); its first word no word
    /// that never opens a place's name ("in general medical", "to icu general"); a saint's name after
    /// its dotted prefix there, whatever the word ("from st. elsewhere"). In an English note only.
    fn hospitals_by_their_end(&mut self) {
        // (English word order: the name before its end; "unidad de toxicología del hospital" is none)
        if !self.english {
            return;
        }
        let (toks, n) = (self.toks, self.toks.len());
        let word_ok = |k: usize| !toks[k].prot && !toks[k].digit && toks[k].letters >= 2 && toks[k].f & (NEVER_NAME | COUNTRY | WEAKCTX) == 0;
        for i in 1..n {
            if toks[i - 1].f & WEAKCTX == 0 || !gap_is_space(self.gap(i - 1, i)) || toks[i - 1].prot {
                continue;
            }
            if self.marks[i] & PREFIX != 0 && i + 1 < n && self.gap(i, i + 1) == ". " && word_ok(i + 1) {
                self.name(i);
                self.name(i + 1);
                continue;
            }
            for end in i + 1..(i + 3).min(n) {
                let is_end = packs::hospital_ends().contains(&self.word(end).to_ascii_lowercase().as_str());
                if !self.joined(end - 1, end) || !is_end && !word_ok(end) {
                    break;
                }
                // (the clause ends after it: a stop, a preposition, a date's word, a number, a mark)
                let clause_ends = end + 1 >= n || !gap_is_space(self.gap(end, end + 1)) || toks[end + 1].digit || toks[end + 1].f & (STOP | WEAKCTX | MONTH | RELATION) != 0;
                if is_end && clause_ends && (i..end).all(|k| word_ok(k)) {
                    (i..=end).for_each(|k| self.name(k));
                    break;
                }
            }
        }
    }

    /// An institution's end of the note's language (`[institution_ends]`: "nursing home",
    /// "health centre", "sykehjem"), the words that qualify it (function words and `[hospital_ends]`:
    /// "general", "memorial") and one to three words of a name before them, each a name's or a
    /// town's of the lists or no list's word, from the clause's start, a place's preposition or a
    /// function word: "referral to dermatology, baker memorial hospital", "cc: dr x, susantown
    /// general hospital", "innlagt på tangen sykehjem". As typed, the name is capitalised and the
    /// facility pattern reads it (`checks::facility_start`); not "will need home health".
    fn institutions_by_their_end(&mut self) {
        let (toks, n) = (self.toks, self.toks.len());
        let lang = if self.english { english_bit() } else { self.keep & LANGS };
        let usable = |k: usize| !toks[k].prot && !toks[k].digit && toks[k].letters >= 2 && toks[k].f & (WEAKCTX | RELATION | TITLE | CLINICAL | MONTH | NUMBER | COUNTRY) == 0;
        let qualifier = |k: usize| toks[k].f & STOP != 0 || packs::hospital_ends().contains(&self.word(k).to_ascii_lowercase().as_str());
        // (a name's or a town's word that is also an ordinary word counts in an English note only,
        // whose stop words are listed: "baker memorial hospital", not German "die klinikum eutin")
        let named = |k: usize| {
            let only_a_name = toks[k].f & (GIVEN | SURNAME | CITY) != 0 || self.marks[k] & NO_LIST != 0 || self.shape[k] == Shape::Suspect;
            self.nameword(k) && (only_a_name || self.english && toks[k].f & (AMB_GIVEN | AMB_SURNAME | AMB_CITY) != 0)
        };
        let mut names: Vec<std::ops::Range<usize>> = Vec::new();
        for i in 1..n {
            let Some(len) = institution_end_at(self, i, lang) else { continue };
            let mut k = i;
            while k > 0 && self.joined(k - 1, k) && usable(k - 1) && qualifier(k - 1) {
                k -= 1;
            }
            let qualified = k;
            while k > 0 && qualified - k < 3 && self.joined(k - 1, k) && usable(k - 1) && !qualifier(k - 1) && named(k - 1) {
                k -= 1;
            }
            let opens = k == 0 || self.gap(k - 1, k).contains(['\n', ',', ';', ':', '(']) || toks[k - 1].f & (WEAKCTX | STOP) != 0 && gap_is_space(self.gap(k - 1, k));
            if k < qualified && opens {
                names.push(k..i + len);
            }
        }
        names.into_iter().flatten().for_each(|j| self.name(j));
    }

    /// A house number, one or two words and a street type, then a comma, a line's end or a town:
    /// "123 elm st, springfield" is written "123 Elm St" (not "2 small square lesions").
    fn street_addresses(&mut self) {
        let (toks, n) = (self.toks, self.toks.len());
        for i in 0..n {
            let number = toks[i].digit && toks[i].letters == 0 && self.word(i).len() <= 5;
            if !number {
                continue;
            }
            // (a street type of the packs or a street suffix after a name: USPS's "Junctions")
            let street = |k: usize| toks[k].f & STREET != 0 || street_suffixes().contains(&self.word(k).to_lowercase());
            let Some(st) = (i + 2..n.min(i + 4)).find(|&k| street(k)) else { continue };
            let words_ok = (i + 1..st).all(|k| self.joined(k - 1, k) && !toks[k].digit && !toks[k].prot && toks[k].f & (CLINICAL | NUMBER | MONTH | STOP) == 0);
            let rest = self.text[toks[st].e..].trim_start_matches('.');
            // (then a comma, the line's end, a town, or a flat's or suite's number: "... Valleys Apt. 925")
            let unit = st + 2 < n && street_units().contains(&self.word(st + 1).to_lowercase()) && toks[st + 2].digit;
            let ends = rest.is_empty() || rest.starts_with([',', '\n', ';']) || st + 1 < n && self.named[st + 1] || unit;
            if words_ok && self.joined(st - 1, st) && ends {
                (i + 1..=st).for_each(|k| self.shape[k] = Shape::Capital);
                self.town_after_street(if unit { st + 2 } else { st });
            }
        }
    }

    /// The town of a postal address's last line after its street and a comma, as USPS Publication
    /// 28 and the Royal Mail write it ("256 white forge apt. 851, east heathermouth, 75791", "5 gray
    /// junctions, marshallstad g9h 2pj"): up to three words of a name, one of them a name's or a
    /// town's that is no ordinary word or no list's word, then a comma, a number, a code or the
    /// line's end.
    fn town_after_street(&mut self, last: usize) {
        let (toks, n) = (self.toks, self.toks.len());
        if last + 1 >= n || !self.gap(last, last + 1).starts_with(", ") || self.gap(last, last + 1).contains('\n') {
            return;
        }
        let first = last + 1;
        let mut end = first;
        while end < n && end < first + 3 && (end == first || self.joined(end - 1, end)) && self.nameword(end) {
            end += 1;
        }
        let strong = (first..end).any(|k| toks[k].f & (GIVEN | SURNAME | CITY) != 0 || self.marks[k] & NO_LIST != 0 || self.shape[k] == Shape::Suspect);
        let rest = self.text[toks[end - 1].e..].trim_start_matches([' ', '\t']);
        let closes = end == n || rest.is_empty() || rest.starts_with([',', '\n', '.', ';']) || toks[end].digit;
        if end > first && strong && closes {
            (first..end).for_each(|k| self.name(k));
        }
    }

    /// Two letters after a town and its comma, ending the clause, are its region's code as typed:
    /// "brooklyn, ny", "fairfield, ct." (USPS and ISO 3166-2 codes are written in capitals).
    fn region_codes(&mut self) {
        let (toks, n) = (self.toks, self.toks.len());
        for i in 1..n {
            let t = &toks[i];
            let after = &self.text[t.e..];
            let ends = after.is_empty() || after.starts_with(['.', ',', ';', ')', '\n']) || after.trim_start_matches(' ').starts_with(|c: char| c.is_ascii_digit());
            if t.letters == 2 && !t.digit && !t.prot && self.named[i - 1] && self.gap(i - 1, i) == ", " && ends {
                self.shape[i] = Shape::Upper;
            }
        }
    }

    /// A single letter beside a capitalised name is its initial: "john l.", "codey m ross".
    fn initials(&mut self) {
        let (toks, n) = (self.toks, self.toks.len());
        for i in 0..n {
            let t = &toks[i];
            if t.letters != 1 || t.e - t.s != 1 || t.digit || t.prot {
                continue;
            }
            let given = |k: usize| self.named[k] || self.nameword(k) && toks[k].f & (GIVEN | AMB_GIVEN) != 0;
            let left = i > 0 && given(i - 1) && gap_is_space(self.gap(i - 1, i));
            let right = i + 1 < n && self.named[i + 1] && self.joined(i, i + 1);
            let dotted = self.text[t.e..].starts_with('.');
            let article = matches!(self.word(i), "a" | "A" | "i" | "I" | "y" | "Y" | "e" | "E" | "o" | "O");
            if dotted && self.initial_of_listed(i) || left && (dotted || right) || right && (dotted || !article) {
                self.shape[i] = Shape::Upper;
                if left {
                    self.shape[i - 1] = Shape::Capital;
                }
            }
        }
    }
    /// A word that may be a person's surname by the lists: a name of the lists, or a word no list
    /// of the note's language knows of three letters or more (not a medical-looking one).
    fn surname_like(&self, k: usize) -> bool {
        let t = &self.toks[k];
        self.nameword(k) && t.letters >= 3 && (t.f & ANY_NAME != 0 || self.shape[k] == Shape::Suspect || t.f == 0 && !looks_medical(&self.word(k).to_ascii_lowercase()))
    }

    /// Whether the dotted single letter `i` is the initial of a person in a list or after a title:
    /// it opens a line, follows a comma, a colon, a title or a name, and a surname-like word
    /// follows it ("dermatologues :\nr. varnier, e. quillot", "dr i. lemarrec"); that word is named.
    fn initial_of_listed(&mut self, i: usize) -> bool {
        let (toks, n) = (self.toks, self.toks.len());
        let before = self.text[..toks[i].s].trim_end_matches([' ', '\t']);
        let opens = before.is_empty() || before.ends_with(['\n', ',', ':', ';']) || i > 0 && (toks[i - 1].f & TITLE != 0 || self.named[i - 1]) && gap_is_space(self.gap(i - 1, i));
        // (the next word after its dot, or after another initial: "j.p. varnier")
        let mut k = i + 1;
        while k < n && toks[k].letters == 1 && !toks[k].digit && self.gap(k - 1, k) == "." {
            k += 1;
        }
        // (in a list, an item of the initial and one word is a person whatever the word: "f. marchand,")
        let after = self.text[toks[k.min(n - 1)].e..].trim_start_matches([' ', '\t']);
        let listed = before.is_empty() || before.ends_with(['\n', ',', ':', ';']);
        let item = listed && k < n && self.nameword(k) && (after.is_empty() || after.starts_with([',', ';', '\n']));
        let ok = opens && k < n && matches!(self.gap(k - 1, k), ". " | "." | ".\n") && (self.surname_like(k) || item);
        if ok {
            (i + 1..k).for_each(|j| self.shape[j] = Shape::Upper);
            self.name_as_written(k);
        }
        ok
    }

    /// A word no list knows beside a given name of the lists (also an ordinary word) is its
    /// surname, the surname first or last: "quillot marine", "marine quillot" (Philter's keep-list:
    /// what is not known to be ordinary is suspect where names stand).
    fn unknown_beside_given(&mut self) {
        let (toks, n) = (self.toks, self.toks.len());
        let given = |k: usize| self.nameword(k) && toks[k].f & (GIVEN | AMB_GIVEN) != 0 && toks[k].f & CLINICAL == 0 && toks[k].letters >= 3;
        let mut pairs = Vec::new();
        for i in 0..n.saturating_sub(1) {
            if !self.joined(i, i + 1) {
                continue;
            }
            let (a, b) = (self.shape[i] == Shape::Suspect, self.shape[i + 1] == Shape::Suspect);
            if a && given(i + 1) || b && given(i) {
                pairs.push(i);
            }
        }
        for i in pairs {
            self.name_as_written(i);
            self.name_as_written(i + 1);
        }
    }

    /// A list of people, items parted by commas: an item of one to three words that can be a name
    /// (of the lists or no list knows) after an item with a name is a person too ("claire
    /// dubreuil, sokha ouk").
    fn people_lists(&mut self) {
        let (toks, n) = (self.toks, self.toks.len());
        let mut i = 0;
        while i < n {
            // an item: tokens joined by spaces from i
            let mut j = i;
            while j + 1 < n && self.joined(j, j + 1) {
                j += 1;
            }
            let after_named_item = i >= 1 && self.gap(i - 1, i) == ", " && self.named[i - 1];
            let words = j + 1 - i;
            let ends = j + 1 >= n || matches!(self.gap(j, j + 1), ", " | " et " | " y " | " and ") || self.text[toks[j].e..].starts_with(['\n', '.', ','])
                || self.text[toks[j].e..].is_empty();
            let people = (i..=j).all(|k| toks[k].letters == 1 && !toks[k].digit || self.surname_like(k) || self.named[k]);
            if after_named_item && words <= 3 && ends && people && (i..=j).any(|k| toks[k].letters >= 3) {
                (i..=j).filter(|&k| toks[k].letters >= 2).for_each(|k| self.name_as_written(k));
            }
            i = j + 1;
        }
    }

    /// The value of a record header that names a person or a place ("apellidos: herrera blanco",
    /// "médico: ana ruiz mora", "localidad: villanueva"): its leading run of words that can
    /// be a name (of the name or place lists, or no list knows), with particles and initials, is
    /// written as names are (`headers.rs` reads a value's capitalised words).
    fn header_values(&mut self, values: &[(usize, usize)]) {
        let (toks, n) = (self.toks, self.toks.len());
        for &(s, e) in values {
            let mut k = toks.partition_point(|t| t.s < s);
            // titles before the name stay as they are ("médico: dr. juan")
            while k < n && toks[k].e <= e && toks[k].f & TITLE != 0 {
                k += 1;
            }
            let first = k;
            while k < n && toks[k].e <= e && !toks[k].prot && !toks[k].digit {
                if k > first && !gap_is_space(self.gap(k - 1, k)) && !(toks[k - 1].letters == 1 && self.gap(k - 1, k) == ". ") {
                    break;
                }
                let t = &toks[k];
                let w = self.word(k).to_ascii_lowercase();
                if k > first && packs::place_particles().contains(&w.as_str()) {
                    k += 1;
                    continue;
                }
                let namelike = t.f & (MONTH | TITLE | RELATION | NUMBER | STREET | FACILITY | STOP) == 0
                    && (t.f & (ANY_NAME | CITY | AMB_CITY) != 0 || t.f & (ENGLISH | LANGS | CLINICAL) == 0);
                if t.letters == 1 {
                    self.shape[k] = Shape::Upper;
                } else if !namelike {
                    break;
                } else {
                    self.name_as_written(k);
                }
                k += 1;
            }
        }
    }
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
        return if t.f & TITLE != 0 || english && w.eq_ignore_ascii_case("i") { Shape::Capital } else { Shape::Lower };
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
    // suspect (Philter's choice: what is not known to be ordinary is a name where names stand)
    if f == 0 && w.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '-') {
        // (only ASCII letters change case: a short word with others would read as capitalised, not
        // as an acronym, so it is suspect as a longer one is)
        if t.letters <= 4 && w.is_ascii() {
            return Shape::Upper;
        }
        if !looks_medical(&w.to_ascii_lowercase()) {
            return Shape::Suspect;
        }
    }
    Shape::Lower
}

/// A short word (a street type of another language: "út", "ul").
fn t_short(t: &Tok) -> bool {
    !t.digit && !t.prot && t.letters >= 1 && t.letters <= 4
}

/// Whether a word after a title (`titled`) or a relation word may be a name: a name of the lists,
/// or (after a title) a word no list of the note's language knows.
fn nameable(t: &Tok, titled: bool) -> bool {
    // a clinical abbreviation that is also a given name is one after a title: "mme ana predan"
    if titled && t.letters >= 2 && t.f & (GIVEN | AMB_GIVEN) != 0 && t.f & (MONTH | TITLE | RELATION | COUNTRY) == 0 {
        return true;
    }
    if t.digit || t.letters == 0 || t.f & NEVER_NAME != 0 || t.f & COUNTRY != 0 {
        return false;
    }
    if t.letters == 1 {
        return titled;
    }
    // (after a relation word, no ordinary word or preposition that a name list also holds: "paciente de 45 años")
    let ordinary = t.f & (ENGLISH | LANGS) != 0 && t.f & (NAME_ONLY | CITY) == 0 || t.f & WEAKCTX != 0;
    t.f & (ANY_NAME | CITY) != 0 && (titled || !ordinary) || titled && t.f & (ENGLISH | LANGS) == 0
}

/// The street suffixes that follow a street's name (data/street_types.txt's `[after_name]`), lower case.
fn street_suffixes() -> &'static std::collections::HashSet<String> {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| packs::shared_section(packs::STREET_TYPES, "after_name").map(str::to_lowercase).collect())
}

/// The parts of a building after an address, before their number (data/secondary_units.txt's
/// `[after_address]`: "apt", "suite"), lower case.
fn street_units() -> &'static std::collections::HashSet<String> {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| packs::shared_section(packs::SECONDARY_UNITS, "after_address").map(|w| w.trim_end_matches('.').to_lowercase()).collect())
}

/// The number of tokens from `i` that spell an institution's end of the language `lang` (its
/// pack's `[institution_ends]`, folded, in lower case), if any.
fn institution_end_at(r: &Reading, i: usize, lang: u32) -> Option<usize> {
    static ENDS: std::sync::OnceLock<Vec<(Vec<String>, u32)>> = std::sync::OnceLock::new();
    let ends = ENDS.get_or_init(|| {
        let of = |(b, p): (usize, &'static packs::Pack)| {
            packs::section_lines(p, "institution_ends").map(move |l| (l.split_whitespace().map(|w| normalise::fold(&w.to_lowercase()).into_owned()).collect(), lang_bit(b)))
        };
        packs::PACKS.iter().enumerate().flat_map(of).collect()
    });
    let n = r.toks.len();
    ends.iter()
        .filter(|(words, bit)| bit & lang != 0 && i + words.len() <= n)
        .find(|(words, _)| words.iter().enumerate().all(|(j, w)| r.word(i + j).eq_ignore_ascii_case(w) && (j == 0 || r.joined(i + j - 1, i + j))))
        .map(|(words, _)| words.len())
}
