//! Names and places read from word tokens: the lexicon, titles, relation words, capitalisation,
//! neighbouring names.
use super::*;

impl Scrubber {
    pub(super) fn is_clinical(&self, w: &str) -> bool {
        let lw = w.to_lowercase();
        self.lex.get(&lw) & CLINICAL != 0
    }

    /// The lexicon's flags of one token as the word rules read it: its clitic left out, a
    /// hyphenated word by its parts, a header's label no name, the form's own name parts `KNOWN`
    /// (before the note's language is applied: `Note::keep`).
    pub(super) fn token_flags(&self, text: &str, t: &Tok, known: &Known, buf: &mut String) -> u32 {
        lower_into(buf, &text[t.s..t.e]);
        let key = without_clitic(buf);
        self.flags_of_token(text, t, known, buf, key, self.lex.get(key))
    }

    /// `token_flags` of a token whose lower case `lower`, its `key` without its clitic and the
    /// lexicon's flags of that key `f` are known (`Lexicon::looked_up_words`).
    fn flags_of_token(&self, text: &str, t: &Tok, known: &Known, lower: &str, key: &str, mut f: u32) -> u32 {
        let w = &text[t.s..t.e];
        if f == 0 && key.contains('-') {
            let mut all = ANY_NAME | CITY | ENGLISH | LANGS;
            let mut any_clin = false;
            let mut named = false;
            for p in key.split('-') {
                let pf = self.lex.get(p);
                if pf & CLINICAL != 0 {
                    any_clin = true;
                }
                all &= pf;
                named |= pf & (ANY_NAME | CITY) != 0;
            }
            // parts that are all ordinary words of one language, none a name, make one too:
            // "Rendez-vous", "peut-être"
            let ordinary = if named { 0 } else { all & (ENGLISH | LANGS) };
            f = if any_clin { CLINICAL } else { all & (ANY_NAME | CITY) | ordinary };
            // "Smith-Jones", "Hauta-Aho": capitalised parts, one a name only, none an ordinary word
            if f & NAME_ONLY == 0 && !any_clin && t.cap {
                let mut only = false;
                let mut ok = true;
                for (p, orig) in key.split('-').zip(w.split('-')) {
                    let pf = self.lex.get(p);
                    only |= pf & NAME_ONLY != 0;
                    ok &= orig.chars().next().is_some_and(char::is_uppercase) && (pf & ANY_NAME != 0 || pf & (ENGLISH | CITY | COUNTRY | MONTH | STOP) == 0);
                }
                if only && ok {
                    f |= SURNAME;
                }
            }
        }
        // "O'Brien", "D'Souza": a capitalised prefix and a name or unknown word
        if f == 0 && t.cap && key.len() >= 5 && (key.starts_with("o'") || key.starts_with("d'") || key.starts_with("o’") || key.starts_with("d’")) {
            let rest = &key[key.find(['\'', '’']).map_or(0, |x| x + if key[x..].starts_with('\'') { 1 } else { 3 })..];
            let rf = self.lex.get(rest);
            if rf & (CLINICAL | ENGLISH | STOP) == 0 || rf & ANY_NAME != 0 {
                f = SURNAME;
            }
        }
        // a header's label before its colon is no name ("Madrid NHC: 1234567", "Tel : 01...")
        // (a relation word stays one: "del paciente: Juan")
        // nor is the first word of a longer label ("Alain Date de naissance 21/05/1956")
        if f & RELATION == 0 && (before_colon(text, t.e) && self.lex.is_label(key) || t.cap && self.lex.long_label_at(key, &text[t.s..])) {
            f = STOP;
        }
        if !known.parts.is_empty() && known.parts.iter().any(|p| p == key || p == lower) {
            f |= KNOWN;
        }
        f
    }

    /// Names and places read from the note's word tokens: each part below, in this order, marks
    /// the tokens it finds to be a person's name; the marked runs become `[NAME]` (or `[PLACE]`).
    pub(super) fn word_rules(&self, text: &str, known: &Known, prot: &[(usize, usize)], note: &Note, spans: &mut Vec<Span>) {
        let toks = self.flagged_tokens(text, known, prot, note);
        let ctx = name_contexts(text, &toks);
        let n = toks.len();
        let mut r = Reading { text, toks, ctx, name: vec![false; n], keep: note.keep };
        for i in 0..n {
            r.name_by_itself(i);
        }
        role_list(text, &r.toks, &r.ctx, &mut r.name);
        surname_comma_given(text, &r.toks, &mut r.name);
        r.speakers_and_addressed();
        r.neighbours();
        r.names_found_in_full();
        self.header_people_lines(&mut r);
        r.facility_words_no_names();
        self.demonyms(&r, note, spans);
        r.emit_names(spans);
        r.single_word_places(spans);
        self.multi_word_places(text, spans);
    }

    /// The note's word tokens with their lexicon flags as the note's language reads them
    /// (`token_flags`, then `Note::keep`), placeholders marked.
    fn flagged_tokens(&self, text: &str, known: &Known, prot: &[(usize, usize)], note: &Note) -> Vec<Tok> {
        // (the words as `Lexicon::looked_up_words` found them when it read this text)
        let own;
        let words = match note.words { Some(words) => words, None => { own = self.lex.looked_up_words(text, prot); &own } };
        let mut toks = words.toks.clone();
        for (i, t) in toks.iter_mut().enumerate().filter(|(_, t)| !t.prot) {
            t.f = self.flags_of_token(text, t, known, words.lower(i), words.key(i), t.f);
        }
        // the other packs' ordinary words count as unknown ("Gerste" in an English note may be a name)
        for t in toks.iter_mut() {
            t.f &= note.keep;
            // a title of the note's language written as an initial and its dot: "M. Lavarde" in French
            if t.initial && text[t.e..].starts_with(". ") && self.lex.get(&format!("{}.", text[t.s..t.e].to_lowercase())) & note.keep & LANGS != 0 {
                t.f |= TITLE;
                t.initial = false;
            }
            // an ordinary word of the note's language is a name only where the context says so
            // ("Elle est née...", "Loi du 18 août" in French)
            let ordinary_as_typed = t.f & ACCENTED_WORD == 0 || note.typed_with_accents(t.s, t.e);
            if t.f & LANGS != 0 && t.f & NAME_ONLY != 0 && ordinary_as_typed {
                t.f = t.f & !NAME_ONLY | if t.f & GIVEN != 0 { AMB_GIVEN } else { 0 } | if t.f & SURNAME != 0 { AMB_SURNAME } else { 0 };
            }
            // and a town only where the context says so ("Como antecedentes", "Una semana" in Spanish)
            if t.f & LANGS != 0 && t.f & CITY != 0 && ordinary_as_typed {
                t.f = t.f & !CITY | AMB_CITY;
            }
        }
        // the words of a multi-word country name are a country, not names: "Costa Rica"
        for m in self.lex.multi_countries_ac.find_iter(text) {
            if word_boundary_ok(text, m.start(), m.end()) {
                for t in toks.iter_mut().filter(|t| m.start() <= t.s && t.e <= m.end()) {
                    t.f |= COUNTRY;
                }
            }
        }
        toks
    }

    /// A record's header line that opens with words in capitals no list knows, up to its end or a
    /// facility word: the people of the record (`deidentification.md`: names in headers).
    fn header_people_lines(&self, r: &mut Reading) {
        let (text, n) = (r.text, r.toks.len());
        // (unknown to every language, not only to the note's: "HEMATIE" is Dutch)
        let unknown_caps = |t: &Tok| {
            t.allcaps && !t.prot && t.letters >= 4 && {
                let lower = text[t.s..t.e].to_lowercase();
                self.lex.get(&lower) == 0 && !looks_medical(&lower)
            }
        };
        let mut i = 0;
        while i < n {
            // (the word's shape first: most words are not in capitals)
            let caps = r.toks[i].allcaps && r.toks[i].letters >= 4;
            let line_start = || text[..r.toks[i].s].trim_end_matches([' ', '\t']).ends_with('\n') || text[..r.toks[i].s].trim().is_empty();
            if !caps || !line_start() || !unknown_caps(&r.toks[i]) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < n && r.gap(j, j + 1) == " " && unknown_caps(&r.toks[j + 1]) {
                j += 1;
            }
            let rest = text[r.toks[j].e..].trim_start_matches([' ', '\t']);
            let ends = rest.is_empty() || rest.starts_with(['\n', '\r']) || j + 1 < n && r.gap(j, j + 1) == " " && r.toks[j + 1].f & FACILITY != 0;
            if j > i && ends {
                r.name[i..=j].iter_mut().for_each(|x| *x = true);
            }
            i = j + 1;
        }
    }

    /// The people of a big town, in the note's language, tell the town: "le frère lyonnais",
    /// "el barrio sevillano" (the pack's `demonyms.txt`).
    fn demonyms(&self, r: &Reading, note: &Note, spans: &mut Vec<Span>) {
        if !self.lex.has_demonyms(note.keep) {
            return;
        }
        for i in 0..r.toks.len() {
            if !r.name[i] && !r.toks[i].prot && self.lex.demonym_of(&r.lower_key(i)) & note.keep != 0 {
                spans.push(Span { s: r.toks[i].s, e: r.toks[i].e, kind: Placeholder::Place });
            }
        }
    }

    /// Towns of more than one word from the place lists, capitalised (`cities.txt`, `<lang>/towns.txt`),
    /// with the postal word after one (the pack's `[postal]`: "Saint-Rémy en Vallée CEDEX").
    fn multi_word_places(&self, text: &str, spans: &mut Vec<Span>) {
        // (searched from each capitalised word's start alone: the list's automaton read every
        // byte of every note at some forty instructions a byte)
        let mut searched_to = 0;
        for s in capitalised_word_starts(text) {
            if s < searched_to {
                continue;
            }
            let Some(m) = self.lex.multi_cities.find(aho_corasick::Input::new(text).range(s..).anchored(aho_corasick::Anchored::Yes)) else { continue };
            let e = m.end();
            searched_to = e;
            if word_boundary_ok(text, s, e) {
                let after = &text[e..];
                let postal = after.strip_prefix(' ').map(|r| &r[..r.find(|c: char| !c.is_alphabetic()).unwrap_or(r.len())]).filter(|w| !w.is_empty() && self.lex.is_postal(&w.to_lowercase()));
                let e = postal.map_or(e, |w| e + 1 + w.len());
                spans.push(Span { s, e, kind: Placeholder::Place });
            }
        }
        // a town whose words are all ordinary words, every one capitalised, after a word of place:
        // "in Mountain View", "moved to Salt Lake City", "born in New Haven"
        for m in self.lex.ambiguous_multi_cities.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            let capitalised = text[s..e].split(' ').all(|w| w.starts_with(|c: char| c.is_uppercase()));
            if word_boundary_ok(text, s, e) && capitalised && self.place_word_before(text, s) {
                spans.push(Span { s, e, kind: Placeholder::Place });
            }
        }
    }

    /// Whether the word before `s`, a blank apart, is a preposition of place (`[places_after]`).
    fn place_word_before(&self, text: &str, s: usize) -> bool {
        let before = text[..s].strip_suffix(' ').unwrap_or("");
        let word = &before[before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |p| p + 1)..];
        !word.is_empty() && self.lex.get(&word.to_lowercase()) & WEAKCTX != 0
    }
}

/// The byte offsets in `text` where a word starts with a capital letter (after no letter or digit).
fn capitalised_word_starts(text: &str) -> Box<dyn Iterator<Item = usize> + '_> {
    if text.is_ascii() {
        // (by bytes, the same starts in ASCII: decoding each character and asking Unicode's tables
        // cost 29 instructions a byte, 7.6 M a bench round)
        let bytes = text.as_bytes();
        return Box::new((0..bytes.len()).filter(move |&i| bytes[i].is_ascii_uppercase() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())));
    }
    let mut after_alnum = false;
    Box::new(text.char_indices().filter_map(move |(i, c)| {
        let starts = !after_alnum && c.is_uppercase();
        after_alnum = c.is_alphanumeric();
        starts.then_some(i)
    }))
}

/// What stands right before each token and says a name follows: 0 nothing, 1 a relation word
/// ("wife", "Infirmiers:"), 2 a title ("Dr", "Mme"), 3 a statement of a name ("my name is",
/// "call me"); carried through initials ("Dr J. Smith").
fn name_contexts(text: &str, toks: &[Tok]) -> Vec<u8> {
    let n = toks.len();
    let mut ctx = vec![0u8; n];
    let is_word = |i: usize, ws: &[&str]| -> bool { ws.iter().any(|w| text[toks[i].s..toks[i].e].eq_ignore_ascii_case(w)) };
    for i in 1..n {
        let p = &toks[i - 1];
        if p.prot || toks[i].prot {
            continue;
        }
        let gap = &text[p.e..toks[i].s];
        if p.f & TITLE != 0 && matches!(gap, " " | "." | ". " | "\t" | ".  " | "  ") {
            // lower-case "dr." followed by a sentence: only if the title is capitalised (a word
            // in lower case after it goes on the sentence: "paged dr. smith")
            if gap.starts_with('.') && gap.len() > 1 && !p.cap && toks[i].cap {
                continue;
            }
            ctx[i] = 2;
        } else if p.f & RELATION != 0 && matches!(gap, " " | ": " | " : " | ", " | "  " | "\t" | " - ") {
            ctx[i] = 1;
        } else if matches!(gap, " " | ": " | "? " | ":" | ":  " | ":\t") || gap.starts_with(": ") && gap.len() <= 8 && gap[1..].chars().all(|c| c == ' ' || c == '\t') {
            ctx[i] = stated_name(text, toks, i, gap, &is_word);
        }
        // carry context through initials: "Dr J. Smith", and through the lower-case particles of
        // a surname: "dr. van den Velde", "dr. de Wit" (`[name_particles]`; an article is none
        // there: "Monsieur le Président")
        if ctx[i] == 0 && i >= 2 && p.initial && ctx[i - 1] != 0 && matches!(gap, " " | ". " | ".") {
            ctx[i] = ctx[i - 1];
        }
        if ctx[i] == 0 && ctx[i - 1] == 2 && gap == " " && !p.cap && particles().contains(&&text[p.s..p.e]) && !packs::articles().contains(&&text[p.s..p.e]) && toks[i].f & (TITLE | RELATION | STOP) == 0 {
            ctx[i] = ctx[i - 1];
        }
    }
    ctx
}

/// "name is X", "name: X", "name? X", "call me X", "named him X", "I am X": the context those
/// English phrasings give token `i` (`name_contexts`' scale).
fn stated_name(text: &str, toks: &[Tok], i: usize, gap: &str, is_word: &dyn Fn(usize, &[&str]) -> bool) -> u8 {
    let p = &toks[i - 1];
    let lw = &text[p.s..p.e];
    let any = |ws: &[&str]| ws.iter().any(|w| lw.eq_ignore_ascii_case(w));
    if gap != " " {
        let named = any(name_nouns()) || any(name_labels());
        return if (!gap.starts_with('?') || gap == "? ") && named { 3 } else { 0 };
    }
    if i < 2 || !gap_is_space(&text[toks[i - 2].e..p.s]) {
        return 0;
    }
    let before = |ws: &[&str]| is_word(i - 2, ws);
    if any(name_copulas()) && before(name_nouns()) {
        3
    } else if self_introductions().iter().any(|&(who, verb)| lw.eq_ignore_ascii_case(verb) && before(&[who])) {
        1
    } else if any(naming_objects()) && before(naming_verbs()) {
        3
    } else {
        0
    }
}

/// Whether `t` (`word`) is a given name of the lists after the kin word `p` (`kin_word`: a relation
/// word of the note's language, `keep`, that is no preposition or function word: not "with", "by",
/// "from"; Dutch "man" is none in English), the blank, comma or bracket `gap` between: not a word a
/// relation word is followed by as a verb (`[list_verbs]`: "wife is aware", "son had called"), a
/// field's label ("pt name"), an ordinary word of the note's language ("paciente una"; an English
/// word only in an English note: "paciente era") nor any other function, calendar or clinical word.
pub(super) fn given_after_kin(p: &Tok, t: &Tok, gap: &str, kin_word: &str, word: &str, keep: u32) -> bool {
    let kin = p.f & RELATION != 0 && p.f & (STOP | WEAKCTX | TITLE) == 0 && !p.prot && relation_of_language(kin_word, keep);
    kin && matches!(gap, " " | ", " | " (" | ": ")
        && !t.prot && !t.digit && t.letters >= 3
        && t.f & (GIVEN | AMB_GIVEN) != 0
        && t.f & (NO_NAME | WEAKCTX | NUMBER | STREET | FACILITY | LANGS) == 0
        && (t.f & ENGLISH == 0 || in_english(keep))
        && !list_verbs().iter().chain(packs::field_labels()).any(|v| word.eq_ignore_ascii_case(v))
}

/// Whether the note whose flags count `keep` is in English (no other pack's language).
fn in_english(keep: u32) -> bool {
    let english = english_bit();
    keep & LANGS & !english == 0
}

/// Whether `word` is a relation word of the note's language (`keep`'s language bits; English where none).
fn relation_of_language(word: &str, keep: u32) -> bool {
    static BY_PACK: std::sync::OnceLock<Vec<(u32, Vec<String>)>> = std::sync::OnceLock::new();
    let by_pack = BY_PACK.get_or_init(|| {
        packs::PACKS.iter().enumerate().map(|(i, p)| (lang_bit(i), packs::section_of(p, "relations").map(|w| normalise::fold(w).into_owned()).collect())).collect()
    });
    let english = english_bit();
    let lang = if keep & LANGS == 0 { english } else { keep & LANGS };
    by_pack.iter().any(|(bit, words)| *bit & lang != 0 && words.iter().any(|w| w.eq_ignore_ascii_case(word)))
}

/// A word token written as a proper noun is: capitalised, not a short acronym in capitals.
fn capish(t: &Tok) -> bool {
    !t.digit && !t.prot && t.cap && !(t.allcaps && t.letters <= 4)
}

packs::section_words! {
    /// The nouns of a statement of a name, before "is" or a colon: "my name is", "Surname:".
    name_nouns = "name_nouns";
    /// The nouns of a name that only a colon follows: "Firstname:".
    name_labels = "name_labels";
    /// The verbs between a name's noun and the name: "name is", "name was".
    name_copulas = "name_copulas";
    /// The verbs that name someone, before a pronoun and the name: "call me", "named him".
    naming_verbs = "naming_verbs";
    /// The pronouns between a verb that names and the name: "call me".
    naming_objects = "naming_objects";
    /// Particles inside a person's name: "Willemine ten Pas", "Maika van de Noort", "Ana de Souza".
    particles = "name_particles";
    /// Degrees and generational suffixes that go with the name before them, as typed: "Giovanna
    /// Rodrigues MD".
    postnominals = "postnominals";
    /// What may follow a name in an English list of people: "Park and Reed were".
    list_verbs = "list_verbs";
    /// Words after an eponym that make it a disease's name, not a person's: "Graves disease".
    disease_words = "disease_words";
    /// Plural relations and firms after a surname: "Smith and sons" lists no second person.
    group_words = "group_words";
}
/// The words by which one says who one is, before the name (`[self_introductions]`: "I am").
fn self_introductions() -> &'static [(&'static str, &'static str)] {
    static PAIRS: std::sync::OnceLock<Vec<(&'static str, &'static str)>> = std::sync::OnceLock::new();
    PAIRS.get_or_init(|| packs::PACKS.iter().flat_map(|p| packs::section_lines(p, "self_introductions")).filter_map(|l| l.split_once(' ')).collect())
}
/// The articles and determiners after which a capitalised word is a common noun, each with the bits
/// of the languages whose pack lists it (`[noun_determiners]`: "die", "zur").
fn noun_determiners() -> &'static [(String, u32)] {
    static WORDS: std::sync::OnceLock<Vec<(String, u32)>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| words_by_language("noun_determiners"))
}

/// The titles of every pack, each with the bits of the languages whose pack lists it (`[titles]`).
pub(super) fn titles_by_language() -> &'static [(String, u32)] {
    static WORDS: std::sync::OnceLock<Vec<(String, u32)>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| words_by_language("titles"))
}

/// The words of a section of every pack, folded as the detectors' view reads them ("på" is "pa"),
/// each with the bit of the language whose pack lists it.
fn words_by_language(section: &str) -> Vec<(String, u32)> {
    let of = |(i, p): (usize, &'static packs::Pack)| packs::section_of(p, section).map(move |w| (normalise::fold(w).into_owned(), lang_bit(i)));
    packs::PACKS.iter().enumerate().flat_map(of).collect()
}
/// Flags of words that never are a part of a person's name by themselves.
const NO_NAME: u32 = CLINICAL | STOP | MONTH | TITLE | RELATION | COUNTRY;

/// One note's word tokens as the name rules read them: their flags, what stands before each
/// (`name_contexts`) and which are found to be a part of a person's name so far.
struct Reading<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    ctx: Vec<u8>,
    name: Vec<bool>,
    /// the lexicon flags that count in this note (`Note::keep`)
    keep: u32,
}

impl Reading<'_> {
    fn word(&self, i: usize) -> &str {
        &self.text[self.toks[i].s..self.toks[i].e]
    }

    fn is_word(&self, i: usize, ws: &[&str]) -> bool {
        ws.iter().any(|w| self.word(i).eq_ignore_ascii_case(w))
    }

    fn medical(&self, i: usize) -> bool {
        looks_medical(&self.word(i).to_lowercase())
    }

    /// The text between two tokens, a placeholder's brackets left out.
    fn gap(&self, a: usize, b: usize) -> &str {
        let mut g = &self.text[self.toks[a].e..self.toks[b].s];
        if self.toks[a].prot {
            g = g.strip_prefix(']').unwrap_or(g);
        }
        if self.toks[b].prot {
            g = g.strip_suffix('[').unwrap_or(g);
        }
        g
    }

    fn name_placeholder(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.prot && t.s > 0 && self.text[t.s - 1..].starts_with("[NAME]")
    }

    fn joinable(&self, a: usize, b: usize) -> bool {
        joinable(self.text, &self.toks[a], &self.toks[b])
    }

    /// The token lower-cased, its clitic left out: how a name found once is found again.
    fn lower_key(&self, i: usize) -> String {
        let w = self.word(i).to_lowercase();
        without_clitic(&w).to_owned()
    }

    /// A sentence starts before token i (start of text, a line, or after . ! ? and a quote).
    fn sentence_start(&self, i: usize) -> bool {
        let before = self.text[..self.toks[i].s].trim_end_matches([' ', '\t', '"', '“', '‘', '\'']);
        before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':'])
    }

    /// In a note of a pack's language, a word that opens a line or a sentence before an ordinary
    /// word of that language is a term more often than a name: "Papillome de la vessie"
    /// (or, in a list's item, before a comma and such a word that is no name at all: "- Lucentis, Oeil droit").
    fn opens_before_word(&self, i: usize) -> bool {
        let (text, toks) = (self.text, &self.toks);
        let before = text[..toks[i].s].trim_end_matches([' ', '\t']);
        let opens = before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':', '-']);
        opens && self.keep & LANGS != 0 && toks.get(i + 1).is_some_and(|u| {
            let gap = &text[toks[i].e..u.s];
            u.f & LANGS != 0 && (u.lower && u.f & NAME_ONLY == 0 && gap.trim().is_empty() || gap == ", " && u.f & (ANY_NAME | CITY | AMB_CITY) == 0)
        })
    }

    /// A word that may start a surname after a name, a particle or an initial.
    fn surname_ok(&self, k: usize) -> bool {
        let t = &self.toks[k];
        t.f & (CLINICAL | STOP | MONTH | TITLE | RELATION) == 0 && t.letters >= 2 && capish(t)
    }

    fn mark(&mut self, from: usize, to: usize) -> bool {
        self.name[from..=to].iter_mut().for_each(|x| *x = true);
        true
    }

    /// Token `i` as a name by what it is and what stands right before it: the form's own name
    /// parts, after a title or relation, after an initial, a word no list knows, a name only.
    fn name_by_itself(&mut self, i: usize) {
        let t = self.toks[i];
        if t.prot || t.digit || t.letters == 0 {
            return;
        }
        let f = t.f;
        if f & KNOWN != 0 {
            self.name[i] = true;
            return;
        }
        // a clinical abbreviation that is also a given name is a name after a title: "MME ANA PREDAN"
        let titled_given = self.ctx[i] == 2 && f & (GIVEN | AMB_GIVEN) != 0 && !t.lower;
        if f & CLINICAL != 0 && !titled_given || t.letters < 2 && !t.initial {
            return;
        }
        if i + 1 < self.toks.len() && self.word(i + 1).eq_ignore_ascii_case("wort") {
            return;
        }
        let found = self.after_context(i) || self.given_after_kin(i) || self.after_initial(i) || self.unknown_proper_noun(i) || self.name_only(i);
        if found {
            self.name[i] = true;
        }
    }

    /// After a title, a relation or "my name is" (`name_contexts`).
    fn after_context(&self, i: usize) -> bool {
        let (t, ctx) = (self.toks[i], self.ctx[i]);
        let f = t.f;
        if ctx == 0 {
            return false;
        }
        // a country is a name only after a title or in "my name is Chad"
        let country_ok = f & COUNTRY == 0 || ctx >= 2 && f & ANY_NAME != 0;
        if f & (MONTH | TITLE | RELATION | STOP) == 0 && country_ok && !t.initial {
            let cap = capish(&t) || (t.allcaps && t.letters >= 2);
            if f & NAME_ONLY != 0 || (cap && (f & (ANY_NAME | CITY) != 0 || f & ENGLISH == 0 || ctx >= 2)) {
                return true;
            }
            // "my name is vitoria": lower case only after the strongest contexts
            if ctx == 3 && t.lower && t.letters >= 2 && f & (ENGLISH | CLINICAL) == 0 && !self.medical(i) {
                return true;
            }
        }
        t.initial && (!matches!(self.word(i), "I" | "A") || self.text[t.e..].starts_with('.'))
    }

    /// A given name of the lists right after a kin word, in any case, also one that is an ordinary
    /// word too ("husband bob called", "wife mark at bedside", "daughter (bill) updated"; i2b2 2014:
    /// relatives' names), unless it is a word this place reads otherwise (`given_after_kin`).
    fn given_after_kin(&self, i: usize) -> bool {
        // (the flags first: most words follow no relation word, and the gap and words cost a slice each)
        i > 0 && self.toks[i - 1].f & RELATION != 0 && self.toks[i].f & (GIVEN | AMB_GIVEN) != 0
            && given_after_kin(&self.toks[i - 1], &self.toks[i], self.gap(i - 1, i), self.word(i - 1), self.word(i), self.keep)
    }

    /// After a dotted initial: a name from the lists ("J. R. Smith", not "E. Coli", "B. Graves"),
    /// a list of people written initial and surname ("R. Varnier, F. Quillot"), a surname in capitals.
    fn after_initial(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let (text, t, p) = (self.text, self.toks[i], self.toks[i - 1]);
        let f = t.f;
        let dotted = p.initial && matches!(&text[p.e..t.s], ". " | ".");
        if dotted && capish(&t) && t.letters >= 2 && f & ANY_NAME != 0 && f & (STOP | MONTH | TITLE | RELATION | COUNTRY | EPONYM) == 0 {
            return true;
        }
        // (the initial after a comma, a colon or at a line's start; the surname before one)
        if dotted && capish(&t) && t.letters >= 3 && f & NO_NAME == 0 && !self.medical(i)
            && text[..p.s].trim_end_matches([' ', '\t']).ends_with([',', ':', ';', '\n'])
            && text[t.e..].trim_start_matches([' ', '\t']).starts_with([',', ';', '\n'])
        {
            return true;
        }
        // a surname in capitals after an initial of one or two letters and its dot: "E. PENICOT",
        // "Dr P-A. POULMANI" (not a known abbreviation: "E. COLI" is clinical)
        p.letters <= 2 && p.cap && text[p.e..t.s] == *". " && t.allcaps && t.letters >= 3 && f & (NO_NAME | ENGLISH) == 0
    }

    /// An unknown capitalised word (in no list: not English, clinical, name, place) that does not
    /// look like a medical term is most likely a proper noun (Philter's keep-list).
    fn unknown_proper_noun(&self, i: usize) -> bool {
        let t = self.toks[i];
        t.f == 0 && t.cap && !t.allcaps && t.letters >= 3 && !self.opens_before_word(i) && {
            let lw = self.word(i).to_lowercase();
            !looks_medical(&lw) && !lw.contains('-')
        } && !self.after_noun_determiner(i)
    }

    /// After an article or determiner of the note's language, words in lower case (adjectives)
    /// perhaps between, two at most: "die Psoriasis", "einer ausgeprägten Psoriasis". A personal
    /// name takes no article in standard German (Duden), so the word is a common noun.
    fn after_noun_determiner(&self, i: usize) -> bool {
        let lang = self.keep & LANGS;
        let mut k = i;
        for _ in 0..3 {
            if lang == 0 || k == 0 || !self.gap(k - 1, k).bytes().all(|b| b == b' ') || self.gap(k - 1, k).is_empty() {
                return false;
            }
            k -= 1;
            let p = self.toks[k];
            if p.prot || p.digit {
                return false;
            }
            let w = self.word(k);
            if noun_determiners().iter().any(|(d, l)| l & lang != 0 && w.eq_ignore_ascii_case(d)) {
                return true;
            }
            if !p.lower || p.f & ANY_NAME != 0 {
                return false;
            }
        }
        false
    }

    /// A word of the name lists that is no other word, capitalised
    /// (a street type or facility word is none by itself: "la calle mayor").
    fn name_only(&self, i: usize) -> bool {
        let t = self.toks[i];
        t.f & NAME_ONLY != 0 && t.f & (MONTH | COUNTRY | STREET | FACILITY) == 0 && t.letters >= 2 && capish(&t)
    }

    /// A given name, even one that is also a word ("Heather", "Mark"), as a speaker's label
    /// ("Heather: I've had this rash...") or addressed directly (", Mark!").
    fn speakers_and_addressed(&mut self) {
        for i in 0..self.toks.len() {
            let t = self.toks[i];
            if self.name[i] || !capish(&t) || t.initial || t.f & (GIVEN | AMB_GIVEN) == 0 || t.f & NO_NAME != 0 {
                continue;
            }
            let after = &self.text[t.e..];
            let said = after.strip_prefix(':').map(str::trim_start);
            // "Heather: ..." at the start of a sentence, or any "Martin: \"...\"" before a quote
            let speaker = said.is_some_and(|r| r.starts_with(['"', '“']) || !r.starts_with(|c: char| c.is_ascii_digit()) && self.sentence_start(i) && !self.is_word(i, packs::field_labels()));
            let addressed = self.text[..t.s].ends_with(", ") && after.starts_with(['!', '?']);
            if speaker || addressed {
                self.name[i] = true;
            }
        }
    }

    /// Names grown from the names found: ambiguous names, unknown capitalised words, particles and
    /// initials next to a name, until nothing changes (three rounds at most).
    fn neighbours(&mut self) {
        let n = self.toks.len();
        // `grow_name(i)` reads which tokens are names two places either side of `i` at most, and
        // marks from one before `i` to three after: a token tried in vain is tried again in a later
        // round only if a name was marked within two places of it since (the changes counted by `clock`)
        let mut marked_at = vec![0u32; n];
        let mut tried_at = vec![0u32; n];
        let mut clock = 0u32;
        for round in 0..3 {
            let mut changed = false;
            for i in 0..n {
                if self.name[i] || round > 0 && marked_at[i.saturating_sub(2)..(i + 3).min(n)].iter().all(|&m| m <= tried_at[i]) {
                    continue;
                }
                tried_at[i] = clock;
                if self.grow_name(i) {
                    changed = true;
                    clock += 1;
                    marked_at[i.saturating_sub(1)..(i + 4).min(n)].iter_mut().for_each(|m| *m = clock);
                }
            }
            if !changed {
                break;
            }
        }
    }

    /// One token beside the names found so far: whether some rule made it (or a neighbour) a name.
    fn grow_name(&mut self, i: usize) -> bool {
        let n = self.toks.len();
        let t = self.toks[i];
        let left = i > 0 && self.name[i - 1] && self.joinable(i - 1, i);
        let right = i + 1 < n && self.name[i + 1] && self.joinable(i, i + 1);
        if self.clinical_word_in_name(i, left, right)
            || self.surname_in_capitals_beside_given(i)
            || self.word_after_given(i, left)
            || self.given_and_surname_words(i, left, right)
        {
            return true;
        }
        if t.prot || t.digit || t.f & (CLINICAL | TITLE | RELATION) != 0 {
            return false;
        }
        if self.particles(i, left, right) || self.name_before_surname_initial(i) {
            return true;
        }
        if !left && !right {
            return self.list_item(i);
        }
        if t.initial {
            return self.initial_beside_name(i, left, right);
        }
        self.surname_after_initial_or_title(i, left) || self.particle_between(i, left) || self.ambiguous_or_unknown(i, left, right)
    }

    /// A clinical abbreviation written like a given name before a surname: "Ana Dias" (ANA the
    /// antibody), "Ed Walsh"; a surname that is also one after an unambiguous given name: "Jane
    /// Doe" (DOE, dyspnoea on exertion).
    fn clinical_word_in_name(&mut self, i: usize, left: bool, right: bool) -> bool {
        let t = self.toks[i];
        if t.f & CLINICAL == 0 || !t.cap || t.allcaps {
            return false;
        }
        let before_surname = right && t.letters <= 3 && self.toks[i + 1].f & (ANY_NAME | EPONYM) != 0 && self.toks[i + 1].f & (ENGLISH | CLINICAL) == 0;
        let after_given = left && t.f & (SURNAME | AMB_SURNAME) != 0 && self.toks[i - 1].f & GIVEN != 0;
        (before_surname || after_given) && self.mark(i, i)
    }

    /// The French way of writing a name, surname in capitals: "Isabelle BON", "BOFFIN Lily",
    /// "RUFUNA Marine" (the word in capitals no clinical abbreviation, and an ordinary word only
    /// beside an unambiguous given name).
    fn surname_in_capitals_beside_given(&mut self, i: usize) -> bool {
        let (text, t, n) = (self.text, self.toks[i], self.toks.len());
        if t.prot || !t.allcaps || t.letters < 3 || t.f & NO_NAME != 0 || self.medical(i) {
            return false;
        }
        let toks = &self.toks;
        let given = |k: usize| toks[k].cap && !toks[k].allcaps && toks[k].letters >= 3 && toks[k].f & (GIVEN | AMB_GIVEN) != 0 && toks[k].f & (CLINICAL | MONTH | TITLE | RELATION) == 0;
        let sure = |k: usize| toks[k].f & GIVEN != 0 || t.f & (ENGLISH | LANGS) == 0;
        let before = i >= 1 && given(i - 1) && sure(i - 1) && &text[toks[i - 1].e..t.s] == " ";
        let after = i + 1 < n && given(i + 1) && sure(i + 1) && &text[t.e..toks[i + 1].s] == " ";
        if before {
            self.mark(i - 1, i)
        } else if after {
            self.mark(i, i + 1)
        } else {
            false
        }
    }

    /// After a given name: a capitalised word right after an unambiguous given name is its
    /// surname, even an ordinary word of the language ("Elodie Bonheur"), not a clinical, street
    /// or facility word, a month or a country ("Sarah Hospital"); a word in capitals no list
    /// knows ("Norodom PIMA"); a capitalised word alone with it on its line (a signature).
    fn word_after_given(&mut self, i: usize, left: bool) -> bool {
        if !left || self.toks[i].prot {
            return false;
        }
        let (text, t, p) = (self.text, self.toks[i], self.toks[i - 1]);
        let spaced = &text[p.e..t.s] == " ";
        // (but a name already whole, its surname in capitals or its initial before the given
        // name, ends before an ordinary word: "ALLARD Michèle Contacter", "O. MANON Dossier")
        let whole = p.allcaps || i >= 2 && self.name[i - 2] && (self.toks[i - 2].allcaps || self.toks[i - 2].initial);
        let found = t.cap && !t.allcaps && t.letters >= 3 && p.f & GIVEN != 0 && p.f & (AMB_GIVEN | AMB_SURNAME) == 0 && spaced
            && t.f & (NO_NAME | FACILITY | STREET | NUMBER) == 0 && !self.medical(i) && !(whole && t.f & LANGS != 0)
            || t.allcaps && t.letters >= 3 && t.f == 0 && spaced
            || t.cap && t.letters >= 2 && p.f & GIVEN != 0 && t.f & NO_NAME == 0
                && text[t.e..].trim_start_matches([' ', '\t']).starts_with(['\n', '\r']) && text[..p.s].trim_end_matches([' ', '\t']).ends_with('\n');
        found && self.mark(i, i)
    }

    /// A given name and a surname that both are also other words, capitalised inside a sentence,
    /// the surname no ordinary word: "Peter Johnson" (not "Stevens Johnson syndrome", "Johnson's").
    fn given_and_surname_words(&mut self, i: usize, left: bool, right: bool) -> bool {
        let (text, t, n) = (self.text, self.toks[i], self.toks.len());
        if left || right || i + 1 >= n || t.prot || !t.cap || t.allcaps || t.letters < 2 || t.f & (GIVEN | AMB_GIVEN) == 0
            || t.f & (TITLE | RELATION | MONTH | COUNTRY | STOP) != 0 || text[..t.s].trim_end().ends_with(['.', '!', '?', '\n']) || t.s == 0 || !self.joinable(i, i + 1)
        {
            return false;
        }
        let u = &self.toks[i + 1];
        let after = &text[u.e..];
        let disease = i + 2 < n && self.is_word(i + 2, disease_words());
        let found = u.cap && !u.allcaps && u.letters >= 3 && u.f & (SURNAME | AMB_SURNAME | EPONYM) != 0
            && u.f & (ENGLISH | CLINICAL | MONTH | COUNTRY | STOP | TITLE | RELATION) == 0
            && !after.starts_with(['\'', '’', '-']) && !disease;
        found && self.mark(i, i + 1)
    }

    /// Particles: "Willemine ten Pas", "Maika van de Noort", "says Du Cane"; a given name before
    /// a particle and a surname found: "Pierre des [Ormeaux]"; capitalised word, particle, surname.
    fn particles(&mut self, i: usize, left: bool, right: bool) -> bool {
        let (text, t, n) = (self.text, self.toks[i], self.toks.len());
        let particle = |k: usize| particles().iter().any(|p| self.word(k).eq_ignore_ascii_case(p));
        if (left || self.ctx[i] != 0 && t.cap) && particle(i) {
            let mut k = i + 1;
            while k < n && k < i + 3 && self.joinable(k - 1, k) && particle(k) {
                k += 1;
            }
            if k < n && self.joinable(k - 1, k) && !self.toks[k].prot && !self.toks[k].digit && self.surname_ok(k) {
                return self.mark(i, k);
            }
        }
        // (both rules below need a proper noun before the particle: looked at before the list)
        if !t.lower || i == 0 || !capish(&self.toks[i - 1]) || !particles().contains(&self.word(i)) {
            return false;
        }
        let a = &self.toks[i - 1];
        if !left && right {
            if capish(a) && a.f & (GIVEN | AMB_GIVEN) != 0 && a.f & NO_NAME == 0 && joinable(text, a, &t) {
                return self.mark(i - 1, i);
            }
            return false;
        }
        if left || right || i + 1 >= n {
            return false;
        }
        // "Willemine ten Pas": capitalised word (not an ordinary one), particle, surname;
        // an ordinary word of the note's language only as a name and before a word that
        // is none ("Pierre des Ormeaux", not "Salle de Repos", "Liste des Cliniciens")
        let ordinary = |t: &Tok| t.f & LANGS != 0;
        let b_ordinary = ordinary(&self.toks[i + 1]);
        let found = capish(a) && a.f & (ENGLISH | NO_NAME) == 0 && a.letters >= 3
            && !(ordinary(a) && (a.f & ANY_NAME == 0 || b_ordinary))
            && joinable(text, a, &t) && self.joinable(i, i + 1) && capish(&self.toks[i + 1]) && self.surname_ok(i + 1);
        found && self.mark(i - 1, i + 1)
    }

    /// A name before the dotted initial of a surname: "Peter B.", "Martin L.".
    fn name_before_surname_initial(&mut self, i: usize) -> bool {
        let (text, t, n) = (self.text, self.toks[i], self.toks.len());
        let found = capish(&t) && t.letters >= 2 && t.f & ANY_NAME != 0 && t.f & (MONTH | TITLE | RELATION | CLINICAL | COUNTRY | EPONYM) == 0
            && i + 1 < n && self.toks[i + 1].initial && &text[t.e..self.toks[i + 1].s] == " " && text[self.toks[i + 1].e..].starts_with('.');
        found && self.mark(i, i + 1)
    }

    /// Lists: "[NAME], Graves and Reed", "Park and [NAME] were": a name from the lists, not a
    /// country, month or clinical word, with a name (or a `[NAME]` already put in) on one side of
    /// ", " / " and " / " & "; country names need names on both sides.
    fn list_item(&mut self, i: usize) -> bool {
        let (text, t, n) = (self.text, self.toks[i], self.toks.len());
        let f = t.f;
        if t.letters < 2 || !capish(&t) || f & ANY_NAME == 0 || f & (CLINICAL | MONTH | TITLE | RELATION | STOP) != 0 || self.is_word(i, group_words()) {
            return false;
        }
        let anchor = |k: usize| self.name[k] || self.name_placeholder(k);
        let conj = |k: usize| self.is_word(k, &["and", "or"]) && self.toks[k].lower;
        let l_list = i >= 1 && matches!(self.gap(i - 1, i), ", " | " & ") && anchor(i - 1)
            || i >= 2 && conj(i - 1) && self.gap(i - 1, i) == " " && matches!(self.gap(i - 2, i - 1), " " | ", ") && anchor(i - 2);
        let r_list = i + 1 < n && matches!(self.gap(i, i + 1), ", " | " & ") && anchor(i + 1)
            || i + 2 < n && conj(i + 1) && matches!(self.gap(i, i + 1), " " | ", ") && self.gap(i + 1, i + 2) == " " && anchor(i + 2);
        if !(l_list || r_list) || f & COUNTRY != 0 && !(l_list && r_list) {
            return false;
        }
        // what follows: the end, punctuation, "and", another name or a verb ("Graves
        // disease", "White cell count", "Parkinson's" are not names)
        let follow_ok = if i + 1 < n {
            let g = &text[t.e..self.toks[i + 1].s];
            if g.starts_with(['\'', '’', '-']) {
                false
            } else if g.contains(['.', ',', ';', ':', '!', '?', ')', '\n']) {
                true
            } else {
                anchor(i + 1) || self.is_word(i + 1, list_verbs())
            }
        } else {
            !text[t.e..].starts_with(['\'', '’', '-'])
        };
        if !follow_ok || f & (EPONYM | ENGLISH) != 0 && self.disease_follows(i) {
            return false;
        }
        self.mark(i, i)
    }

    /// A disease word within six words of token `i`, in its clause: "Graves' thyroid disease".
    fn disease_follows(&self, i: usize) -> bool {
        let n = self.toks.len();
        let mut k = i + 1;
        while k < n && k <= i + 6 {
            if self.is_word(k, disease_words()) {
                return true;
            }
            if self.text[self.toks[k - 1].e..self.toks[k].s].contains(['.', ';', '\n']) {
                return false;
            }
            k += 1;
        }
        false
    }

    /// An initial beside a name: "J. Smith" before it, or the dotted initial of a surname after a
    /// given name, which ends the name: "Peter B.".
    fn initial_beside_name(&mut self, i: usize, left: bool, right: bool) -> bool {
        let (text, t, n) = (self.text, self.toks[i], self.toks.len());
        let txt = &text[t.s..t.e];
        let dotted = text[t.e..].starts_with('.');
        let next_cap = i + 1 < n && capish(&self.toks[i + 1]) && self.joinable(i, i + 1);
        let surname_initial = left && dotted && txt != "I" && txt != "A" && self.toks[i - 1].f & ANY_NAME != 0 && &text[self.toks[i - 1].e..t.s] == " ";
        let found = (right && (dotted || txt != "I" && txt != "A")) || (left && (right || next_cap && txt != "I" && txt != "A")) || surname_initial;
        found && self.mark(i, i)
    }

    /// After a name and an initial: "Jildau S Bouts", "Daniela C. Capon"; after a title and a
    /// given name: "Dr. Justin Beet" (or in lower case, a word no list knows: "Dr. Caroline pidoux").
    fn surname_after_initial_or_title(&mut self, i: usize, left: bool) -> bool {
        if !left {
            return false;
        }
        let t = self.toks[i];
        let f = t.f;
        let after_initial = i >= 2 && self.toks[i - 1].initial && self.name[i - 2] && self.joinable(i - 2, i - 1) && !matches!(self.word(i - 1), "I" | "A") && self.surname_ok(i);
        let lower_surname = t.lower && t.letters >= 3 && f & (ENGLISH | LANGS) == 0 && !looks_medical(self.word(i));
        let after_title = self.ctx[i - 1] == 2 && self.toks[i - 1].f & (GIVEN | AMB_GIVEN) != 0 && (capish(&t) || lower_surname) && f & NO_NAME == 0 && t.letters >= 2;
        (after_initial || after_title) && self.mark(i, i)
    }

    /// A lower-case particle between a name and a capitalised word: "Maika van Noort".
    fn particle_between(&mut self, i: usize, left: bool) -> bool {
        let t = self.toks[i];
        let found = t.lower && left && i + 1 < self.toks.len() && capish(&self.toks[i + 1]) && self.joinable(i, i + 1)
            && particles().contains(&self.word(i));
        found && self.mark(i, i)
    }

    /// A capitalised ambiguous name (also another word) beside a name, or a capitalised word in no
    /// ordinary-word list (Philter's keep-list).
    fn ambiguous_or_unknown(&mut self, i: usize, left: bool, right: bool) -> bool {
        let t = self.toks[i];
        let f = t.f;
        // (a two-letter stop word is no surname beside a name: "SPRITZ No RPPS", where the
        // view reads the number sign "N°" as "No")
        if !capish(&t) || t.letters < 2 || f & STOP != 0 && (f & ANY_NAME == 0 || t.letters < 3) {
            return false;
        }
        let amb_ok = (right && f & AMB_GIVEN != 0) || (left && f & (AMB_SURNAME | AMB_GIVEN) != 0);
        let unknown = f & (ENGLISH | LANGS | MONTH | COUNTRY | AMB_CITY) == 0;
        (amb_ok || unknown) && self.mark(i, i)
    }

    /// A name found in full ("Brad L Key", "Dr Rose Hall") is a name wherever else its words stand
    /// capitalised in the same text ("starring Key"); ordinary words only mid-sentence.
    fn names_found_in_full(&mut self) {
        let n = self.toks.len();
        let mut full: Vec<String> = Vec::new();
        for i in 0..n {
            let in_run = i + 1 < n && self.name[i + 1] && self.joinable(i, i + 1) || i > 0 && self.name[i - 1] && self.joinable(i - 1, i);
            let t = &self.toks[i];
            if self.name[i] && in_run && t.letters >= 3 && !t.initial && t.f & (CLINICAL | EPONYM | STOP | MONTH | TITLE | RELATION | COUNTRY) == 0 {
                full.push(self.lower_key(i));
            }
        }
        if full.is_empty() {
            return;
        }
        for i in 0..n {
            let t = &self.toks[i];
            if !self.name[i] && capish(t) && !t.initial && (t.f & ENGLISH == 0 || !self.sentence_start(i)) && full.contains(&self.lower_key(i)) {
                self.name[i] = true;
            }
        }
    }

    /// A word that names a kind of facility is no part of a person's name: "Hôpital la Pitié" is a
    /// hospital, whatever its name's words are (nor are the letters of a dotted abbreviation after
    /// it: "Service O.R.L.", "Service I.R.M.").
    fn facility_words_no_names(&mut self) {
        let n = self.toks.len();
        for i in 0..n {
            if self.toks[i].f & FACILITY != 0 && self.toks[i].f & KNOWN == 0 {
                self.name[i] = false;
                let letters = self.toks[i + 1..].iter().take_while(|t| t.initial).count();
                let (a, b) = (i + 1, i + 1 + letters);
                if letters >= 2 && self.name.get(b).is_none_or(|&x| !x) && !self.text[self.toks[i].e..self.toks[a].s].contains('\n') {
                    self.name[a..b].iter_mut().for_each(|x| *x = false);
                }
            }
        }
    }

    /// The runs of name tokens as `[NAME]` spans, joined across spaces and initials' dots, with a
    /// degree or generational suffix right after ("Giovanna Rodrigues MD"); a town's name alone
    /// after "en", "in", "à" is the town ("vista en Granada").
    fn emit_names(&self, spans: &mut Vec<Span>) {
        let (n, toks) = (self.toks.len(), &self.toks);
        let mut i = 0;
        while i < n {
            if !self.name[i] {
                i += 1;
                continue;
            }
            let s = toks[i].s;
            let mut e = toks[i].e;
            let mut j = i;
            while j + 1 < n && self.name[j + 1] && self.joinable(j, j + 1) {
                j += 1;
                e = toks[j].e;
            }
            if j + 1 < n && !self.name[j + 1] && matches!(self.gap(j, j + 1), " " | ", ") && !toks[j + 1].prot && postnominals().contains(&self.word(j + 1)) {
                j += 1;
                e = toks[j].e;
            }
            // (an initial's own dot goes too: "M." before the surname is inside; trailing "J." keeps its dot)
            let town = i == j && toks[i].f & CITY != 0 && i > 0 && toks[i - 1].f & WEAKCTX != 0 && toks[i - 1].lower && self.ctx[i] == 0;
            spans.push(Span { s, e, kind: if town { Placeholder::Place } else { Placeholder::Name } });
            i = j + 1;
        }
    }

    /// Towns of one word from the place lists, capitalised (an ordinary word too only after a
    /// preposition of place); a word in capitals no list knows after one ("in ΛΑΡΝΑΚΑ").
    fn single_word_places(&self, spans: &mut Vec<Span>) {
        for i in 0..self.toks.len() {
            let t = self.toks[i];
            let f = t.f;
            if self.name[i] || t.prot || t.digit || f & (CLINICAL | MONTH | COUNTRY) != 0 {
                continue;
            }
            let weak = i > 0 && self.toks[i - 1].f & WEAKCTX != 0 && self.toks[i - 1].lower;
            // (a word the packs list as opening no place's name is no town alone: `[stops]`)
            let place = f & CITY != 0 && capish(&t) && (f & ENGLISH == 0 || weak) && f & STOP == 0
                || f & AMB_CITY != 0 && capish(&t) && weak && f & STOP == 0
                || f == 0 && weak && t.allcaps && t.letters >= 5 && !self.medical(i)
                // (in an English note, a town of the lists typed in lower case in a note with capitals
                // elsewhere, after a place's preposition, that is no ordinary word: "d/c to rehab in quincy")
                || f & CITY != 0 && !t.cap && weak && f & (ENGLISH | LANGS | STOP) == 0 && self.keep & LANGS == 0;
            // (a name of the lists that is an ordinary word of the note's language too, capitalised
            // after one of its language's `[proper_noun_prepositions]`: Norwegian towns named after
            // farms and families, "bor i Haug", "ved legevakten i Bakke")
            let proper = f & ANY_NAME != 0 && t.cap && !t.allcaps && i > 0 && self.toks[i - 1].lower
                && f & (STOP | TITLE | RELATION | FACILITY | STREET | ENGLISH | EPONYM) == 0
                && proper_noun_prepositions().iter().any(|(w, bit)| bit & self.keep & LANGS != 0 && self.word(i - 1) == w);
            if place || proper {
                spans.push(Span { s: t.s, e: t.e, kind: Placeholder::Place });
            }
        }
    }
}

/// The prepositions after which a capitalised word is a town's name, each with the bits of the
/// languages whose pack lists it (`[proper_noun_prepositions]`: the languages whose common nouns
/// are never capitalised mid-sentence), folded.
fn proper_noun_prepositions() -> &'static [(String, u32)] {
    static WORDS: std::sync::OnceLock<Vec<(String, u32)>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| words_by_language("proper_noun_prepositions"))
}

/// The people listed after a role or relation written as a label, each a run of words from the name
/// lists or that no list knows, in any case, up to a comma, "et"/"and" or the line's end:
/// "Infirmiers: theodore roux, marie cécile lefevre". The list ends at the first item with another
/// word in it ("Patiente: 45 ans, diabétique").
fn role_list(text: &str, toks: &[Tok], ctx: &[u8], name: &mut [bool]) {
    let n = toks.len();
    let person_word = |t: &Tok| {
        !t.prot && !t.digit && t.letters >= 2 && t.f & (CLINICAL | STOP | MONTH | TITLE | RELATION | COUNTRY) == 0
            && (t.f & ANY_NAME != 0 || t.f == 0 && t.letters >= 3 && !looks_medical(&text[t.s..t.e].to_lowercase()))
    };
    // (the packs' `[conjunctions]`)
    static CONJUNCTIONS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let conjunctions = CONJUNCTIONS.get_or_init(|| packs::section("conjunctions").collect());
    let and = |k: usize| conjunctions.contains(&text[toks[k].s..toks[k].e].to_lowercase().as_str());
    for i in 1..n {
        if ctx[i] != 1 || !text[toks[i - 1].e..toks[i].s].contains(':') {
            continue;
        }
        let mut k = i;
        while k < n {
            // one person: the words to the next comma, conjunction or line end
            let mut end = k;
            while end < n && (end == k || gap_is_space(&text[toks[end - 1].e..toks[end].s])) && !and(end) {
                end += 1;
            }
            if end - k > 4 || !toks[k..end].iter().all(person_word) {
                break;
            }
            name[k..end].iter_mut().for_each(|x| *x = true);
            if end >= n {
                break;
            }
            let gap = &text[toks[end - 1].e..toks[end].s];
            k = if gap == ", " && !and(end) {
                end
            } else if gap_is_space(gap) && and(end) && end + 1 < n && gap_is_space(&text[toks[end].e..toks[end + 1].s]) {
                end + 1
            } else {
                break;
            };
        }
    }
}

/// A record's name line, surname first in capitals, a comma, the given name in capitals:
/// "AID MERGHAD, ZINEDINE", "GOMAU, GOMAU FRANCISCO". The surname's words may be ordinary words
/// ("AID"); the given name must be one from the lists.
fn surname_comma_given(text: &str, toks: &[Tok], name: &mut [bool]) {
    let n = toks.len();
    let caps_word = |t: &Tok| !t.prot && !t.digit && t.allcaps && t.letters >= 2 && t.f & (CLINICAL | MONTH | TITLE | RELATION | COUNTRY) == 0;
    let line_start = |k: usize| text[..toks[k].s].trim_end_matches([' ', '\t']).is_empty() || text[..toks[k].s].trim_end_matches([' ', '\t']).ends_with('\n');
    for k in 0..n {
        if !caps_word(&toks[k]) || !line_start(k) {
            continue;
        }
        let mut j = k;
        while j + 1 < n && j < k + 3 && gap_is_space(&text[toks[j].e..toks[j + 1].s]) && caps_word(&toks[j + 1]) {
            j += 1;
        }
        let g = j + 1;
        if g < n && &text[toks[j].e..toks[g].s] == ", " && caps_word(&toks[g]) && toks[g].f & GIVEN != 0 {
            name[k..=g].iter_mut().for_each(|x| *x = true);
        }
    }
}
