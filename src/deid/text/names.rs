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
        let w = &text[t.s..t.e];
        buf.clear();
        for c in w.chars() {
            buf.extend(c.to_lowercase());
        }
        let key = without_clitic(&buf);
        let mut f = self.lex.get(key);
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
        if f & RELATION == 0 && (self.lex.is_label(key) && before_colon(text, t.e) || t.cap && self.lex.long_label_at(key, &text[t.s..])) {
            f = STOP;
        }
        if !known.parts.is_empty() && known.parts.iter().any(|p| p == key || p.as_str() == buf.as_str()) {
            f |= KNOWN;
        }
        f
    }

    pub(super) fn word_rules(&self, text: &str, known: &Known, prot: &[(usize, usize)], note: &Note, spans: &mut Vec<Span>) {
        let mut toks: Vec<Tok> = Vec::new();
        let mut buf = String::with_capacity(32);
        tokenize(text, &mut toks);
        let mut pi = 0;
        for t in toks.iter_mut() {
            while pi < prot.len() && prot[pi].1 <= t.s {
                pi += 1;
            }
            if pi < prot.len() && prot[pi].0 < t.e && t.s < prot[pi].1 {
                t.prot = true;
                continue;
            }
            t.f = self.token_flags(text, t, known, &mut buf);
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

        let n = toks.len();
        let mut name = vec![false; n];
        let opens_before_word = |i: usize| -> bool {
            let before = text[..toks[i].s].trim_end_matches([' ', '\t']);
            let opens = before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':', '-']);
            // (or, in a list's item, before a comma and such a word that is no name at all: "- Lucentis, Oeil droit")
            opens && note.keep & LANGS != 0 && toks.get(i + 1).is_some_and(|u| {
                let gap = &text[toks[i].e..u.s];
                u.f & LANGS != 0 && (u.lower && u.f & NAME_ONLY == 0 && gap.trim().is_empty() || gap == ", " && u.f & (ANY_NAME | CITY | AMB_CITY) == 0)
            })
        };
        let capish = |t: &Tok| -> bool {
            if t.digit || t.prot {
                return false;
            }
            t.cap && !(t.allcaps && t.letters <= 4)
        };
        let word = |i: usize| -> &str { &text[toks[i].s..toks[i].e] };
        let is_word = |i: usize, ws: &[&str]| -> bool { ws.iter().any(|w| word(i).eq_ignore_ascii_case(w)) };
        // the text between two tokens, a placeholder's brackets left out
        let gap = |a: usize, b: usize| -> &str {
            let mut g = &text[toks[a].e..toks[b].s];
            if toks[a].prot {
                g = g.strip_prefix(']').unwrap_or(g);
            }
            if toks[b].prot {
                g = g.strip_suffix('[').unwrap_or(g);
            }
            g
        };
        let name_ph = |i: usize| -> bool { toks[i].prot && toks[i].s > 0 && text[toks[i].s - 1..].starts_with("[NAME]") };

        // context: title / relation word right before
        let mut ctx = vec![0u8; n]; // 0 none, 1 relation, 2 title, 3 strong ("my name is", "call me")
        for i in 1..n {
            let p = &toks[i - 1];
            if p.prot || toks[i].prot {
                continue;
            }
            let gap = &text[p.e..toks[i].s];
            if p.f & TITLE != 0 && matches!(gap, " " | "." | ". " | "\t" | ".  " | "  ") {
                // lower-case "dr." followed by a sentence: only if the title is capitalised
                if gap.starts_with('.') && gap.len() > 1 && !p.cap {
                    continue;
                }
                ctx[i] = 2;
            } else if p.f & RELATION != 0 && matches!(gap, " " | ": " | " : " | ", " | "  " | "\t" | " - ") {
                ctx[i] = 1;
            } else if matches!(gap, " " | ": " | "? " | ":" | ":  " | ":\t") || gap.starts_with(": ") && gap.len() <= 8 && gap[1..].chars().all(|c| c == ' ' || c == '\t') {
                // "name is X", "name: X", "name? X", "call me X", "named him X", "I am X"
                let lw = word(i - 1);
                let label = gap != " ";
                if label {
                    if !gap.starts_with('?') || gap == "? " {
                        if ["name", "names", "surname", "forename", "firstname"].iter().any(|w| lw.eq_ignore_ascii_case(w)) {
                            ctx[i] = 3;
                        }
                    }
                } else if i >= 2 && gap_is_space(&text[toks[i - 2].e..p.s]) {
                    let before = |ws: &[&str]| is_word(i - 2, ws);
                    if ["is", "was"].iter().any(|w| lw.eq_ignore_ascii_case(w)) && before(&["name", "surname", "forename"]) {
                        ctx[i] = 3;
                    } else if lw.eq_ignore_ascii_case("am") && before(&["i"]) {
                        ctx[i] = 1;
                    } else if ["me", "him", "her", "them"].iter().any(|w| lw.eq_ignore_ascii_case(w)) && before(&["call", "calls", "called", "named", "name", "names"]) {
                        ctx[i] = 3;
                    }
                }
            }
            // carry context through initials: "Dr J. Smith"
            if ctx[i] == 0 && i >= 2 && p.initial && ctx[i - 1] != 0 && matches!(gap, " " | ". " | ".") {
                ctx[i] = ctx[i - 1];
            }
        }

        for i in 0..n {
            let t = toks[i];
            if t.prot || t.digit || t.letters == 0 {
                continue;
            }
            let f = t.f;
            if f & KNOWN != 0 {
                name[i] = true;
                continue;
            }
            // a clinical abbreviation that is also a given name is a name after a title: "MME ANA PREDAN"
            let titled_given = ctx[i] == 2 && f & (GIVEN | AMB_GIVEN) != 0 && !t.lower;
            if f & CLINICAL != 0 && !titled_given || t.letters < 2 && !t.initial {
                continue;
            }
            if i + 1 < n && text[toks[i + 1].s..toks[i + 1].e].eq_ignore_ascii_case("wort") {
                continue;
            }
            // a country is a name only after a title or in "my name is Chad"
            let country_ok = f & COUNTRY == 0 || ctx[i] >= 2 && f & ANY_NAME != 0;
            if ctx[i] != 0 && f & (MONTH | TITLE | RELATION | STOP) == 0 && country_ok && !t.initial {
                let cap = capish(&t) || (t.allcaps && t.letters >= 2);
                if f & NAME_ONLY != 0 || (cap && (f & (ANY_NAME | CITY) != 0 || f & ENGLISH == 0 || ctx[i] >= 2)) {
                    name[i] = true;
                    continue;
                }
                // "my name is vitoria": lower case only after the strongest contexts
                if ctx[i] == 3 && t.lower && t.letters >= 2 && f & (ENGLISH | CLINICAL) == 0 && !looks_medical(&word(i).to_lowercase()) {
                    name[i] = true;
                    continue;
                }
            }
            if ctx[i] != 0 && t.initial && (!matches!(word(i), "I" | "A") || text[t.e..].starts_with('.')) {
                name[i] = true;
                continue;
            }
            // a name from the lists after a dotted initial: "J. R. Smith" (not "E. Coli", "B. Graves")
            if i >= 1 && toks[i - 1].initial && matches!(&text[toks[i - 1].e..t.s], ". " | ".") && capish(&t) && t.letters >= 2
                && f & ANY_NAME != 0 && f & (STOP | MONTH | TITLE | RELATION | COUNTRY | EPONYM) == 0
            {
                name[i] = true;
                continue;
            }
            // a list of people written initial and surname: "R. Poumonet, F. Rabbi, N. Boissel"
            // (the initial after a comma, a colon or at a line's start; the surname before one)
            if i >= 1 && toks[i - 1].initial && matches!(&text[toks[i - 1].e..t.s], ". " | ".") && capish(&t) && t.letters >= 3
                && f & (CLINICAL | STOP | MONTH | TITLE | RELATION | COUNTRY) == 0 && !looks_medical(&word(i).to_lowercase())
                && text[..toks[i - 1].s].trim_end_matches([' ', '\t']).ends_with([',', ':', ';', '\n'])
                && text[t.e..].trim_start_matches([' ', '\t']).starts_with([',', ';', '\n'])
            {
                name[i] = true;
                continue;
            }
            // a surname in capitals after a dotted initial, in a text that is not in capitals (or
            // after a title's initial): "E. PENICOT", "Dr P-A. POULMANI" (not a known
            // abbreviation: "E. COLI" is clinical)
            if i >= 1 && toks[i - 1].letters <= 2 && toks[i - 1].cap && text[toks[i - 1].e..t.s] == *". " && t.allcaps && t.letters >= 3
                && f & (CLINICAL | STOP | MONTH | TITLE | RELATION | COUNTRY | ENGLISH) == 0
            {
                name[i] = true;
                continue;
            }
            // an unknown capitalised word (in no list: not English, clinical, name, place) that does
            // not look like a medical term is most likely a proper noun
            // (but in a note of a pack's language, one that opens a line or a sentence before an
            // ordinary word of that language is a term more often: "Papillome de la vessie",
            // "Faxer les résultats")
            if f == 0 && t.cap && !t.allcaps && t.letters >= 3 && !opens_before_word(i) {
                let lw = word(i).to_lowercase();
                if !looks_medical(&lw) && !lw.contains('-') {
                    name[i] = true;
                    continue;
                }
            }
            // (a street type or facility word is none by itself: "la calle mayor")
            if f & NAME_ONLY != 0 && f & (MONTH | COUNTRY | STREET | FACILITY) == 0 && t.letters >= 2 {
                if capish(&t) {
                    name[i] = true;
                }
            }
        }

        role_list(text, &toks, &ctx, &mut name);
        surname_comma_given(text, &toks, &mut name);

        const PARTICLES: &[&str] = &[
            "van", "von", "de", "da", "di", "du", "der", "den", "ten", "ter", "le", "la", "del", "della", "dos", "das",
            "bin", "ibn", "al", "el", "zu", "af", "des", "vander", "van't",
        ];
        const LIST_VERBS: &[&str] = &["were", "was", "are", "is", "had", "have", "has", "who", "said", "says", "went", "did", "and", "or"];
        const DISEASE_WORDS: &[&str] = &["disease", "diseases", "syndrome", "syndromes", "sign", "signs", "phenomenon", "disorder", "palsy", "sarcoma", "lymphoma"];
        // a word that may start a surname after a name, a particle or an initial
        let surname_ok = |k: usize| -> bool {
            let t = &toks[k];
            t.f & (CLINICAL | STOP | MONTH | TITLE | RELATION) == 0
                && t.letters >= 2
                && capish(t)
        };

        // a sentence starts before token i (start of text, a line, or after . ! ? and a quote)
        let sentence_start = |i: usize| -> bool {
            let before = text[..toks[i].s].trim_end_matches([' ', '\t', '"', '“', '‘', '\'']);
            before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':'])
        };
        // a given name, even one that is also a word ("Heather", "Mark"), as a speaker's label
        // ("Heather: I've had this rash...") or addressed directly (", Mark!")
        for i in 0..n {
            let t = toks[i];
            if name[i] || !capish(&t) || t.initial || t.f & (GIVEN | AMB_GIVEN) == 0 || t.f & (CLINICAL | STOP | MONTH | TITLE | RELATION | COUNTRY) != 0 {
                continue;
            }
            let after = &text[t.e..];
            let said = after.strip_prefix(':').map(str::trim_start);
            // "Heather: ..." at the start of a sentence, or any "Martin: \"...\"" before a quote
            let speaker = said.is_some_and(|r| r.starts_with(['"', '“']) || !r.starts_with(|c: char| c.is_ascii_digit()) && sentence_start(i) && !is_word(i, FIELD_LABELS));
            let addressed = text[..t.s].ends_with(", ") && after.starts_with(['!', '?']);
            if speaker || addressed {
                name[i] = true;
            }
        }

        // neighbours: ambiguous names next to names, unknown capitalised words next to names, initials
        for _round in 0..3 {
            let mut changed = false;
            for i in 0..n {
                if name[i] {
                    continue;
                }
                let t = toks[i];
                let left = i > 0 && name[i - 1] && joinable(text, &toks[i - 1], &t);
                let right = i + 1 < n && name[i + 1] && joinable(text, &t, &toks[i + 1]);
                // a clinical abbreviation written like a given name before a surname: "Ana Dias"
                // (ANA the antibody), "Ed Walsh"
                if t.f & CLINICAL != 0 && right && t.cap && !t.allcaps && t.letters <= 3 && toks[i + 1].f & (ANY_NAME | EPONYM) != 0 && toks[i + 1].f & (ENGLISH | CLINICAL) == 0 {
                    name[i] = true;
                    changed = true;
                    continue;
                }
                // a surname that is also a clinical abbreviation after an unambiguous given name:
                // "Jane Doe" (DOE, dyspnoea on exertion)
                if t.f & CLINICAL != 0 && left && t.cap && !t.allcaps && t.f & (SURNAME | AMB_SURNAME) != 0 && toks[i - 1].f & GIVEN != 0 {
                    name[i] = true;
                    changed = true;
                    continue;
                }
                // the French way of writing a name, surname in capitals: "Isabelle BON", "BOFFIN Lily",
                // "RUFUNA Marine" (in a text not written in capitals; the word in capitals no clinical
                // abbreviation, and an ordinary word only beside an unambiguous given name)
                if !t.prot && t.allcaps && t.letters >= 3 && t.f & (CLINICAL | STOP | MONTH | TITLE | RELATION | COUNTRY) == 0 && !looks_medical(&word(i).to_lowercase()) {
                    let given = |k: usize| toks[k].cap && !toks[k].allcaps && toks[k].letters >= 3 && toks[k].f & (GIVEN | AMB_GIVEN) != 0 && toks[k].f & (CLINICAL | MONTH | TITLE | RELATION) == 0;
                    let sure = |k: usize| toks[k].f & GIVEN != 0 || t.f & (ENGLISH | LANGS) == 0;
                    let before = i >= 1 && given(i - 1) && sure(i - 1) && &text[toks[i - 1].e..t.s] == " ";
                    let after = i + 1 < n && given(i + 1) && sure(i + 1) && &text[t.e..toks[i + 1].s] == " ";
                    if before || after {
                        name[i] = true;
                        if before { name[i - 1] = true } else { name[i + 1] = true }
                        changed = true;
                        continue;
                    }
                }
                // a capitalised word right after an unambiguous given name is its surname, even an
                // ordinary word of the language ("Elodie Bonheur"); not a clinical, street or facility
                // word, a month or a country ("Sarah Hospital", "Anna Street")
                // (but a name already whole, its surname in capitals or its initial before the given
                // name, ends before an ordinary word: "ALLARD Michèle Contacter", "O. MANON Dossier")
                let whole = left && (toks[i - 1].allcaps || i >= 2 && name[i - 2] && (toks[i - 2].allcaps || toks[i - 2].initial));
                if left && !t.prot && t.cap && !t.allcaps && t.letters >= 3 && toks[i - 1].f & GIVEN != 0 && toks[i - 1].f & (AMB_GIVEN | AMB_SURNAME) == 0
                    && &text[toks[i - 1].e..t.s] == " " && t.f & (CLINICAL | STOP | MONTH | TITLE | RELATION | COUNTRY | FACILITY | STREET | NUMBER) == 0
                    && !looks_medical(&word(i).to_lowercase()) && !(whole && t.f & LANGS != 0)
                {
                    name[i] = true;
                    changed = true;
                    continue;
                }
                // a word in capitals that no list knows, right after a name: "Norodom PIMA"
                if left && !t.prot && t.allcaps && t.letters >= 3 && t.f == 0 && &text[toks[i - 1].e..t.s] == " " {
                    name[i] = true;
                    changed = true;
                    continue;
                }
                // a given name and a capitalised word alone on their line: "Marie Côte" under a
                // signature or a service
                if left && !t.prot && t.cap && t.letters >= 2 && toks[i - 1].f & GIVEN != 0 && t.f & (CLINICAL | STOP | MONTH | TITLE | RELATION | COUNTRY) == 0
                    && text[t.e..].trim_start_matches([' ', '\t']).starts_with(['\n', '\r']) && text[..toks[i - 1].s].trim_end_matches([' ', '\t']).ends_with('\n')
                {
                    name[i] = true;
                    changed = true;
                    continue;
                }
                // a given name and a surname that both are also other words, capitalised inside a
                // sentence, the surname no ordinary word: "Peter Johnson", "Ana Johnson" (not
                // "Stevens Johnson syndrome", not "Johnson's")
                if !left && !right && i + 1 < n && !t.prot && t.cap && !t.allcaps && t.letters >= 2 && t.f & (GIVEN | AMB_GIVEN) != 0
                    && t.f & (TITLE | RELATION | MONTH | COUNTRY | STOP) == 0 && !text[..t.s].trim_end().ends_with(['.', '!', '?', '\n']) && t.s > 0 && joinable(text, &t, &toks[i + 1])
                {
                    let u = &toks[i + 1];
                    let after = &text[u.e..];
                    let disease = i + 2 < n && is_word(i + 2, DISEASE_WORDS);
                    if u.cap && !u.allcaps && u.letters >= 3 && u.f & (SURNAME | AMB_SURNAME | EPONYM) != 0
                        && u.f & (ENGLISH | CLINICAL | MONTH | COUNTRY | STOP | TITLE | RELATION) == 0
                        && !after.starts_with(['\'', '’', '-']) && !disease
                    {
                        name[i] = true;
                        name[i + 1] = true;
                        changed = true;
                        continue;
                    }
                }
                if t.prot || t.digit || t.f & (CLINICAL | TITLE | RELATION) != 0 {
                    continue;
                }
                let f = t.f;
                // particles: "Willemine ten Pas", "Maika van de Noort", "says Du Cane"
                if (left || ctx[i] != 0 && t.cap) && PARTICLES.iter().any(|p| word(i).eq_ignore_ascii_case(p)) {
                    let mut k = i + 1;
                    while k < n && k < i + 3 && joinable(text, &toks[k - 1], &toks[k]) && PARTICLES.iter().any(|p| word(k).eq_ignore_ascii_case(p)) {
                        k += 1;
                    }
                    if k < n && joinable(text, &toks[k - 1], &toks[k]) && !toks[k].prot && !toks[k].digit && surname_ok(k) {
                        for x in name.iter_mut().take(k + 1).skip(i) {
                            *x = true;
                        }
                        changed = true;
                        continue;
                    }
                }
                // a given name before a particle and a surname found: "Pierre des [Ormeaux]", "Ana de [Souza]"
                if !left && right && t.lower && i >= 1 && PARTICLES.iter().any(|p| word(i) == *p) {
                    let a = &toks[i - 1];
                    if capish(a) && a.f & (GIVEN | AMB_GIVEN) != 0 && a.f & (CLINICAL | STOP | MONTH | TITLE | RELATION | COUNTRY) == 0 && joinable(text, a, &t) {
                        name[i - 1] = true;
                        name[i] = true;
                        changed = true;
                        continue;
                    }
                }
                if !left && !right && t.lower && i >= 1 && i + 1 < n && PARTICLES.iter().any(|p| word(i) == *p) {
                    // "Willemine ten Pas": capitalised word (not an ordinary one), particle, surname;
                    // an ordinary word of the note's language only as a name and before a word that
                    // is none ("Pierre des Ormeaux", not "Salle de Repos", "Liste des Cliniciens")
                    let a = &toks[i - 1];
                    let ordinary = |t: &Tok| t.f & LANGS != 0;
                    let b_ordinary = ordinary(&toks[i + 1]);
                    if capish(a) && a.f & (ENGLISH | CLINICAL | STOP | MONTH | TITLE | RELATION | COUNTRY) == 0 && a.letters >= 3
                        && !(ordinary(a) && (a.f & ANY_NAME == 0 || b_ordinary))
                        && joinable(text, a, &t) && joinable(text, &t, &toks[i + 1]) && capish(&toks[i + 1]) && surname_ok(i + 1)
                    {
                        name[i - 1] = true;
                        name[i] = true;
                        name[i + 1] = true;
                        changed = true;
                        continue;
                    }
                }
                // a name before the dotted initial of a surname: "Peter B.", "Martin L."
                if capish(&t) && t.letters >= 2 && f & ANY_NAME != 0 && f & (MONTH | TITLE | RELATION | CLINICAL | COUNTRY | EPONYM) == 0 && i + 1 < n && toks[i + 1].initial
                    && &text[t.e..toks[i + 1].s] == " " && text[toks[i + 1].e..].starts_with('.')
                {
                    name[i] = true;
                    name[i + 1] = true;
                    changed = true;
                    continue;
                }
                if !left && !right {
                    // lists: "[NAME], Graves and Reed", "Park and [NAME] were", "[NAME], chad and [NAME]"
                    // a name from the lists, not a country, month or clinical word, with a name
                    // (or a [NAME] already put in) on one side of ", " / " and " / " & "; lower case
                    // and country names need names on both sides
                    if t.letters < 2 || f & ANY_NAME == 0 || f & (CLINICAL | MONTH | TITLE | RELATION | STOP) != 0 {
                        continue;
                    }
                    if is_word(i, &["sons", "daughters", "brothers", "sisters", "partners", "associates", "friends", "family", "co", "company"]) {
                        continue;
                    }
                    let anchor = |k: usize| name[k] || name_ph(k);
                    let conj = |k: usize| is_word(k, &["and", "or"]) && toks[k].lower;
                    let l_list = i >= 1 && matches!(gap(i - 1, i), ", " | " & ") && anchor(i - 1)
                        || i >= 2 && conj(i - 1) && gap(i - 1, i) == " " && matches!(gap(i - 2, i - 1), " " | ", ") && anchor(i - 2);
                    let r_list = i + 1 < n && matches!(gap(i, i + 1), ", " | " & ") && anchor(i + 1)
                        || i + 2 < n && conj(i + 1) && matches!(gap(i, i + 1), " " | ", ") && gap(i + 1, i + 2) == " " && anchor(i + 2);
                    let both = l_list && r_list;
                    let shape = capish(&t);
                    if !(l_list || r_list) || !shape || f & COUNTRY != 0 && !both {
                        continue;
                    }
                    // what follows: the end, punctuation, "and", another name or a verb ("Graves
                    // disease", "White cell count", "Parkinson's" are not names)
                    let follow_ok = if i + 1 < n {
                        let g = &text[t.e..toks[i + 1].s];
                        if g.starts_with(['\'', '’', '-']) {
                            false
                        } else if g.contains(['.', ',', ';', ':', '!', '?', ')', '\n']) {
                            true
                        } else {
                            anchor(i + 1) || is_word(i + 1, LIST_VERBS)
                        }
                    } else {
                        !text[t.e..].starts_with(['\'', '’', '-'])
                    };
                    if !follow_ok {
                        continue;
                    }
                    if f & (EPONYM | ENGLISH) != 0 {
                        let mut k = i + 1;
                        let mut disease = false;
                        while k < n && k <= i + 6 {
                            if is_word(k, DISEASE_WORDS) {
                                disease = true;
                                break;
                            }
                            if text[toks[k - 1].e..toks[k].s].contains(['.', ';', '\n']) {
                                break;
                            }
                            k += 1;
                        }
                        if disease {
                            continue;
                        }
                    }
                    name[i] = true;
                    changed = true;
                    continue;
                }
                if t.initial {
                    let txt = &text[t.s..t.e];
                    let dotted = text[t.e..].starts_with('.');
                    let next_cap = i + 1 < n && capish(&toks[i + 1]) && joinable(text, &t, &toks[i + 1]);
                    // the dotted initial of a surname after a given name ends the name: "Peter B."
                    let surname_initial = left && dotted && txt != "I" && txt != "A" && toks[i - 1].f & ANY_NAME != 0 && &text[toks[i - 1].e..t.s] == " ";
                    if (right && (dotted || txt != "I" && txt != "A")) || (left && (right || next_cap && txt != "I" && txt != "A")) || surname_initial {
                        name[i] = true;
                        changed = true;
                    }
                    continue;
                }
                // after a name and an initial: "Jildau S Bouts", "Daniela C. Capon"
                if left && i >= 2 && toks[i - 1].initial && name[i - 2] && joinable(text, &toks[i - 2], &toks[i - 1]) && !matches!(word(i - 1), "I" | "A") && surname_ok(i) {
                    name[i] = true;
                    changed = true;
                    continue;
                }
                // after a title and a given name: "Dr. Justin Beet"
                // (or in lower case, a word no list knows: "Dr. Caroline pidoux")
                let lower_surname = t.lower && t.letters >= 3 && f & (ENGLISH | LANGS) == 0 && !looks_medical(word(i));
                if left && ctx[i - 1] == 2 && toks[i - 1].f & (GIVEN | AMB_GIVEN) != 0 && (capish(&t) || lower_surname) && f & (CLINICAL | STOP | MONTH | TITLE | RELATION | COUNTRY) == 0 && t.letters >= 2 {
                    name[i] = true;
                    changed = true;
                    continue;
                }
                let particle = t.lower && left && i + 1 < n && capish(&toks[i + 1]) && joinable(text, &t, &toks[i + 1])
                    && matches!(&text[t.s..t.e], "van" | "von" | "de" | "da" | "di" | "du" | "der" | "den" | "ten" | "ter" | "le" | "la" | "del" | "della" | "dos" | "das" | "bin" | "ibn" | "al" | "el" | "zu" | "af");
                if particle {
                    name[i] = true;
                    changed = true;
                    continue;
                }
                // (a two-letter stop word is no surname beside a name: "SPRITZ No RPPS", where the
                // view reads the number sign "N°" as "No")
                if !capish(&t) || t.letters < 2 || f & STOP != 0 && (f & ANY_NAME == 0 || t.letters < 3) {
                    continue;
                }
                let amb_ok = (right && f & AMB_GIVEN != 0) || (left && f & (AMB_SURNAME | AMB_GIVEN) != 0);
                let unknown = f & (ENGLISH | LANGS | MONTH | COUNTRY | AMB_CITY) == 0;
                if amb_ok || unknown {
                    name[i] = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }

        // a name found in full ("Brad L Key", "Dr Rose Hall") is a name wherever else its words
        // stand capitalised in the same text ("starring Key"); ordinary words only mid-sentence
        let lower_key = |i: usize| -> String {
            let w = word(i).to_lowercase();
            without_clitic(&w).to_owned()
        };
        let mut full: Vec<String> = Vec::new();
        for i in 0..n {
            let in_run = i + 1 < n && name[i + 1] && joinable(text, &toks[i], &toks[i + 1]) || i > 0 && name[i - 1] && joinable(text, &toks[i - 1], &toks[i]);
            let t = &toks[i];
            if name[i] && in_run && t.letters >= 3 && !t.initial && t.f & (CLINICAL | EPONYM | STOP | MONTH | TITLE | RELATION | COUNTRY) == 0 {
                full.push(lower_key(i));
            }
        }
        if !full.is_empty() {
            for i in 0..n {
                let t = &toks[i];
                let shape = capish(t);
                if !name[i] && shape && !t.initial && (t.f & ENGLISH == 0 || !sentence_start(i)) && full.contains(&lower_key(i)) {
                    name[i] = true;
                }
            }
        }

        // a line of a record's header that opens with words in capitals no list knows, up to its
        // end or a facility word: the people of the record ("ABHAGANEV LAMMARE LOUMI GH [PLACE]")
        let mut i = 0;
        while i < n {
            let line_start = text[..toks[i].s].trim_end_matches([' ', '\t']).ends_with('\n') || text[..toks[i].s].trim().is_empty();
            // (unknown to every language, not only to the note's: "HEMATIE" is Dutch)
            let unknown_caps = |t: &Tok| {
                t.allcaps && !t.prot && t.letters >= 4 && {
                    let lower = text[t.s..t.e].to_lowercase();
                    self.lex.get(&lower) == 0 && !looks_medical(&lower)
                }
            };
            if !line_start || !unknown_caps(&toks[i]) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < n && gap(j, j + 1) == " " && unknown_caps(&toks[j + 1]) {
                j += 1;
            }
            let rest = text[toks[j].e..].trim_start_matches([' ', '\t']);
            let ends = rest.is_empty() || rest.starts_with(['\n', '\r']) || j + 1 < n && gap(j, j + 1) == " " && toks[j + 1].f & FACILITY != 0;
            if j > i && ends {
                name[i..=j].iter_mut().for_each(|x| *x = true);
            }
            i = j + 1;
        }

        // a word that names a kind of facility is no part of a person's name: "Hôpital la Pitié"
        // is a hospital, whatever its name's words are
        // (nor are the letters of a dotted abbreviation after it: "Service O.R.L.", "Service I.R.M.")
        for i in 0..n {
            if toks[i].f & FACILITY != 0 && toks[i].f & KNOWN == 0 {
                name[i] = false;
                let letters = toks[i + 1..].iter().take_while(|t| t.initial).count();
                let (a, b) = (i + 1, i + 1 + letters);
                if letters >= 2 && name.get(b).is_none_or(|&x| !x) && !text[toks[i].e..toks[a].s].contains('\n') {
                    name[a..b].iter_mut().for_each(|x| *x = false);
                }
            }
        }

        // the people of a big town, in the note's language, tell the town: "le frère lyonnais",
        // "el barrio sevillano"
        if self.lex.has_demonyms(note.keep) {
            for i in 0..n {
                if !name[i] && !toks[i].prot && self.lex.demonym_of(&lower_key(i)) & note.keep != 0 {
                    spans.push(Span { s: toks[i].s, e: toks[i].e, kind: Placeholder::Place });
                }
            }
        }

        // emit name spans (joined across spaces and initials' dots)
        const POSTNOMINALS: &[&str] = &["MD", "DDS", "DMD", "PhD", "DVM", "MBBS", "MBChB", "FRCP", "FRCPC", "MPH", "RN", "Jr", "Sr", "II", "III", "Esq"];
        let mut i = 0;
        while i < n {
            if !name[i] {
                i += 1;
                continue;
            }
            let s = toks[i].s;
            let mut e = toks[i].e;
            let mut j = i;
            while j + 1 < n && name[j + 1] && joinable(text, &toks[j], &toks[j + 1]) {
                j += 1;
                e = toks[j].e;
            }
            // a degree or generational suffix right after the name: "Giovanna Rodrigues MD"
            if j + 1 < n && !name[j + 1] && matches!(gap(j, j + 1), " " | ", ") && !toks[j + 1].prot && POSTNOMINALS.contains(&word(j + 1)) {
                j += 1;
                e = toks[j].e;
            }
            // an initial's own dot goes too: "M." before the surname is inside; trailing "J." keeps its dot
            // (a town's name alone after "en", "in", "à" is the town: "vista en Granada")
            let town = i == j && toks[i].f & CITY != 0 && i > 0 && toks[i - 1].f & WEAKCTX != 0 && toks[i - 1].lower && ctx[i] == 0;
            spans.push(Span { s, e, kind: if town { Placeholder::Place } else { Placeholder::Name } });
            i = j + 1;
        }

        // places: single-word cities
        for i in 0..n {
            let t = toks[i];
            if name[i] || t.prot || t.digit {
                continue;
            }
            let f = t.f;
            if f & (CLINICAL | MONTH | COUNTRY) != 0 {
                continue;
            }
            let weak = i > 0 && toks[i - 1].f & WEAKCTX != 0 && toks[i - 1].lower;
            if f & CITY != 0 && capish(&t) && (f & ENGLISH == 0 || weak) {
                spans.push(Span { s: t.s, e: t.e, kind: Placeholder::Place });
            } else if f & AMB_CITY != 0 && capish(&t) && weak && f & STOP == 0 {
                spans.push(Span { s: t.s, e: t.e, kind: Placeholder::Place });
            } else if f == 0 && weak && t.allcaps && t.letters >= 5 && !looks_medical(&word(i).to_lowercase()) {
                // a town in capitals that no list knows, after "in" / "from": "in ΛΑΡΝΑΚΑ"
                spans.push(Span { s: t.s, e: t.e, kind: Placeholder::Place });
            }
        }
        // places: multi-word cities
        for m in self.lex.multi_cities.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            if !word_boundary_ok(text, s, e) {
                continue;
            }
            if text[s..].chars().next().is_some_and(|c| c.is_uppercase()) {
                spans.push(Span { s, e, kind: Placeholder::Place });
            }
        }
    }
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
    let and = |k: usize| matches!(text[toks[k].s..toks[k].e].to_lowercase().as_str(), "et" | "and" | "y" | "und" | "e" | "en" | "og");
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
        if !line_start(k) || !caps_word(&toks[k]) {
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
