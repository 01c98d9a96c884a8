//! What a pattern's match must pass before it is kept (`Check`), and the kind it finally gets.
use super::*;

impl Scrubber {
    pub(super) fn check_and_push(&self, text: &str, rx: &Rx, s: usize, e: usize, note: &Note, spans: &mut Vec<Span>) {
        let get = |w: &str| self.lex.get(w) & note.keep;
        // a facility's or ward's name ends before a title: "Clinique [PLACE] Dr Z. AL BAHIRT"
        let e = if matches!(rx.check, Check::FacilityName | Check::WardName) { s + before_title(&text[s..e], &get) } else { e };
        // and starts after its particles: "CHU de [PLACE]", "CHU d'[PLACE]"
        let s = if matches!(rx.check, Check::FacilityName | Check::WardName) { s + leading_particles(&text[s..e]) } else { s };
        let m = &text[s..e];
        let mut kind = rx.kind;
        let (mut s, mut e) = (s, e);
        let ok = match rx.check {
            Check::None => true,
            // the detectors of their own files (dates, phones, identifiers, postcodes)
            Check::Date(_) | Check::Phone(_) | Check::Id(_) | Check::Postcode(_) => {
                let mut hit = Hit { s, e, kind };
                let ok = match rx.check {
                    Check::Date(c) => c.check(text, &mut hit, note),
                    Check::Phone(c) => c.check(text, &mut hit),
                    Check::Id(c) => c.check(self, text, &mut hit, note),
                    Check::Postcode(c) => c.check(self, text, &mut hit, note, spans),
                    _ => false,
                };
                (s, e, kind) = (hit.s, hit.e, hit.kind);
                ok
            }
            Check::Url => {
                let t = m.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'', '"']);
                e = s + t.len();
                t.len() >= 4
            }
            Check::Ip4 => {
                let dotted = |g: &str| g.starts_with('.') && g[1..].starts_with(|c: char| c.is_ascii_alphanumeric());
                !dotted(&text[e..]) && !text[..s].ends_with('.')
            }
            Check::WholeNumber => Self::whole_number(text, s, e, m),
            Check::Ip6 => {
                let groups = m.split(':').filter(|g| !g.is_empty()).count();
                m.contains("::") && groups >= 2 || groups >= 5 || (groups >= 4 && m.chars().any(|c| c.is_ascii_alphabetic()))
            }
            Check::Compound => {
                // the compound street word must not be an ordinary word ("During 3", "Spring 2021")
                let word = m.split_whitespace().find(|w| w.chars().next().is_some_and(char::is_alphabetic)).unwrap_or("");
                let lw = word.to_lowercase();
                let f = get(&lw);
                let has_num = m.bytes().any(|b| b.is_ascii_digit());
                has_num && f & (ENGLISH | CLINICAL | MONTH | COUNTRY) == 0
            }
            Check::UnknownWords => Self::unknown_words(text, s, m, &get),
            Check::Age => !angle_or_measure(&text[e..]),
            Check::AgeWord => !text[..s].trim_end_matches([' ', '\t', '-', '/']).ends_with(|c: char| c.is_ascii_digit()),
            Check::WordNumber => {
                let word = m.split_whitespace().next().unwrap_or("");
                let lw = word.to_lowercase();
                let f = get(&lw);
                let short_caps = word.chars().all(|c| !c.is_lowercase()) && word.chars().count() <= 5;
                if f != 0 || short_caps || word.chars().count() < 4 || word.contains('-') {
                    false
                } else {
                    let after = &text[e..];
                    !followed_by_unit_or_decimal(after)
                }
            }
            Check::Facility => self.facility_start(s, m, &get, &mut s),
            Check::NamedFacility => m.starts_with(|c: char| c.is_uppercase() || c == '['),
            Check::NamedWard => {
                let w = m.split_whitespace().next().unwrap_or("");
                let f = get(&w.to_lowercase());
                f & (ENGLISH | CLINICAL | STOP) == 0 || f & (ANY_NAME | CITY) != 0
            }
            Check::ContextPlace => self.context_place(text, s, m, &get) && !names_a_study(&text[e..]),
            Check::PackStreet => pack_street(text, s, m, &get),
            Check::WardName => names_a_ward(m, &get),
            // (a facility word alone before its name stays: "Centre [PLACE]", "Hôpital [PLACE]";
            // "Children's Hospital [PLACE]" is one name)
            Check::GenericWords => {
                m.split_whitespace().all(|w| get(&w.to_lowercase()) & STOP != 0 && !matches!(w, "The" | "THE" | "A" | "An" | "In" | "At" | "To" | "From" | "And" | "Or"))
                    && !(m.split_whitespace().count() == 1 && get(&m.trim().to_lowercase()) & FACILITY != 0)
            }
            // (a word for "number" before its number names none: "Hospital No. 2043", "Hospital No. [ID]")
            Check::FacilityName => self.names_a_facility(m, &get, note) && !numbers_what_follows(m, &text[e..]),
            Check::PrepositionPlace | Check::TownState => self.preposition_place(text, rx, s, m, &get) && !names_a_study(&text[e..]),
            Check::Saint => {
                let after = text[e..].trim_start().to_lowercase();
                !after.starts_with("wort") && !m.to_lowercase().ends_with("wort")
            }
            Check::StreetSuffix => Self::street_suffix_end(s, m, &mut e),
            Check::Corner => {
                let first = m.split_whitespace().next().unwrap_or("");
                // a dot only after an abbreviation of the first street ("Road St. and"), not a
                // sentence end
                let one_sentence = m.trim_end_matches('.').match_indices(". ").all(|(i, _)| {
                    let next = m[i + 2..].to_lowercase();
                    corner_conjunctions().iter().any(|c| next.strip_prefix(c).is_some_and(|r| r.starts_with(' ')))
                });
                one_sentence && (m.bytes().any(|b| b.is_ascii_digit()) || first.chars().next().is_some_and(char::is_uppercase) && get(&first.to_lowercase()) & (CLINICAL | STOP) == 0)
            }
            Check::NumWordNum => number_word_number(text, s, e, m, &get),
            Check::HouseNumber => !self.counts_something(text, s),
            Check::TailPostcode => {
                let year = is_year(m);
                !(year && text[..s].trim_end_matches([' ', '\t']).ends_with("[PLACE]"))
            }
            Check::BareStreet => {
                let word = m.split_whitespace().next().unwrap_or("");
                let lw = word.to_lowercase();
                let f = get(&lw);
                f & (CLINICAL | MONTH | TITLE | RELATION) == 0
                    && !packs::street_determiners().contains(&lw.as_str())
            }
            Check::TailPlace => self.tail_place(text, s, m, &get, &mut e),
            Check::NamedStreet(by_preposition) => addresses::named_street(m, &text[e..], &get, by_preposition),
        };
        if ok && s < e {
            spans.push(Span { s, e, kind });
        }
    }
}

impl Scrubber {
    /// A number standing alone, not a part of a date or a longer number.
    fn whole_number(text: &str, s: usize, e: usize, m: &str) -> bool {
        // (with the date's own separator, the same twice: "08-09/08/07" is a range of days
        // before the date "09/08/07", not the date "08-09/08")
        let after = text[e..].as_bytes();
        let before = text[..s].as_bytes();
        let mut seps = m.bytes().filter(|c| !c.is_ascii_digit());
        let own = seps.next().unwrap_or(b'.');
        let same = seps.next().is_none_or(|c| c == own);
        let sep = |c: u8| c == own;
        same && !(after.len() >= 2 && sep(after[0]) && after[1].is_ascii_digit()) && !(before.len() >= 2 && sep(before[before.len() - 1]) && before[before.len() - 2].is_ascii_digit())
    }

    /// Two or more words after the first, all in no list and none an acronym.
    /// Whether the words after a facility word name it (`Check::FacilityName`).
    fn names_a_facility(&self, m: &str, get: &dyn Fn(&str) -> u32, note: &Note) -> bool {
        // a capitalised word after a facility word names it, even an ordinary word
        // ("Hôpital Tenon", "Hôpital COCHIN"), unless it is a specialty or another clinical
        // word ("Service Dermatologie", "Centre Douleur"), a month or a country, or a word
        // with an ending only ordinary words of the note's language have ("Clinique
        // Multidisciplinaire")
        capitalised_words(m).any(|w| {
            let lw = w.to_lowercase();
            let f = get(&lw);
            f & (CITY | AMB_CITY | ANY_NAME) != 0
                || f & (CLINICAL | STOP | MONTH | COUNTRY | TITLE | RELATION | FACILITY) == 0 && !looks_medical(&lw) && self.lex.by_ending(&lw) & note.keep & LANGS == 0
        })
    }

    fn unknown_words(text: &str, s: usize, m: &str, get: &dyn Fn(&str) -> u32) -> bool {
        if preceded_by_decimal(text, s) {
            false
        } else {
            let words = m.split_whitespace().skip(1);
            let mut all_unknown = true;
            let mut cnt = 0;
            for w in words {
                cnt += 1;
                let lw = w.to_lowercase();
                let f = get(&lw);
                let short_caps = w.chars().all(|c| !c.is_lowercase()) && w.chars().count() <= 4;
                if f & (ENGLISH | CLINICAL | MONTH | COUNTRY | TITLE | RELATION | STOP) != 0 || short_caps {
                    all_unknown = false;
                    break;
                }
            }
            all_unknown && cnt >= 2
        }
    }

    /// A facility's name without its leading stop words, something besides the facility word left.
    fn facility_start(&self, s0: usize, m: &str, get: &dyn Fn(&str) -> u32, s: &mut usize) -> bool {
        // drop leading stop words ("The", "Dermatology", "University" ...)
        let mut start = s0;
        let mut rest = m;
        // (before an end in capitals, "HF", "MVZ", the capitalised ordinary words are the name: "Vestre Viken HF")
        let abbreviated = m.rsplit([' ', '\t']).next().is_some_and(|end| end.chars().count() <= 3 && end.chars().all(|c| c.is_uppercase()));
        let skipped = if abbreviated { STOP | CLINICAL | TITLE | RELATION | COUNTRY } else { STOP | CLINICAL | TITLE | RELATION | COUNTRY | LANGS };
        loop {
            let w_end = rest.find([' ', '\t']).unwrap_or(rest.len());
            let w = &rest[..w_end];
            let lw = w.to_lowercase();
            let f = get(&lw);
            // (an ordinary word in capitals stays skipped: "AU CHU de Lille")
            let skip = if w.chars().all(|c| !c.is_lowercase()) { f & (skipped | LANGS) } else { f & skipped };
            if w_end < rest.len() && skip != 0 {
                let skip = rest[w_end..].len() - rest[w_end..].trim_start().len();
                start += w_end + skip;
                rest = &rest[w_end + skip..];
            } else {
                break;
            }
        }
        let first = rest.split_whitespace().next().unwrap_or("");
        let lf = first.to_lowercase();
        let f = get(&lf);
        *s = start;
        // something other than the facility word itself must remain
        rest.split_whitespace().count() >= 2 && f & (STOP | CLINICAL) == 0
    }

    /// Capitalised words after "admitted to", "seen at": a place, not a ward or specialty.
    fn context_place(&self, text: &str, s: usize, m: &str, get: &dyn Fn(&str) -> u32) -> bool {
        // after "admitted to", "seen at"...: a run of capitalised words names a place
        // ("Cedar Sinai", "Mount Sinai"), an acronym no list knows too ("UCLA", "NYU"),
        // but not a ward or specialty ("ICU", "Dermatology") nor one ordinary word
        let words: Vec<&str> = m.split_whitespace().collect();
        let w = words.first().copied().unwrap_or("");
        let f = get(&w.to_lowercase());
        let short_caps = w.chars().all(|c| !c.is_lowercase()) && w.chars().count() <= 4;
        let medical = |w: &&str| {
            let lw = w.to_lowercase();
            get(&lw) & (CLINICAL | STOP) != 0 || looks_medical(&lw)
        };
        if names_a_hospital(&words, &get) {
            true
        } else if f & (CLINICAL | MONTH | COUNTRY | TITLE | RELATION | STOP) != 0 || self.country_at(&text[s..]).is_some() {
            false
        } else if words.len() >= 2 {
            !words.iter().all(|w| medical(w))
        } else if short_caps {
            f == 0
        } else {
            f & ENGLISH == 0 || f & (CITY | AMB_CITY) != 0
        }
    }

    /// A town after a preposition of place (or before a state): some word a town or in no list.
    fn preposition_place(&self, text: &str, rx: &Rx, s: usize, m: &str, get: &dyn Fn(&str) -> u32) -> bool {
        let words: Vec<&str> = m.split([' ', '\t', ',']).filter(|w| !w.is_empty()).collect();
        let town_words = if rx.check == Check::TownState { &words[..words.len() - 1] } else { &words[..] };
        let first = get(&words[0].to_lowercase());
        let mut unknown = false;
        let mut all_names = true;
        for w in town_words {
            let lw = w.trim_end_matches(['.', '\'']).to_lowercase();
            let lw = without_clitic(&lw);
            let f = get(lw);
            all_names &= f & ANY_NAME != 0 && f & (CITY | AMB_CITY) == 0;
            if f & CITY != 0 || f & (ENGLISH | LANGS | CLINICAL | MONTH | COUNTRY | COUNTRY_PART | STOP | TITLE | RELATION) == 0 && !looks_medical(lw) && lw.chars().count() >= 2 {
                unknown = true;
            }
        }
        let hospital = rx.check == Check::PrepositionPlace && names_a_hospital(&words, &get);
        hospital || first & (TITLE | RELATION | CLINICAL) == 0 && unknown && !all_names && self.country_at(&text[s..]).is_none()
    }

    /// An address ends at its last street-type word (`[street_suffixes]`).
    fn street_suffix_end(s: usize, m: &str, e: &mut usize) -> bool {
        // the last word that is a street-type word ends the address
        let mut end = None;
        for (k, w) in m.split([' ', '\t']).filter(|w| !w.is_empty()).enumerate() {
            if k >= 2 && packs::street_suffixes().contains(&w.to_lowercase().as_str()) {
                let off = w.as_ptr() as usize - m.as_ptr() as usize;
                end = Some(s + off + w.len());
            }
        }
        match end {
            Some(x) => {
                *e = x;
                true
            }
            None => false,
        }
    }

    /// The place after an address: capitalised words no ordinary word, up to a country or a label.
    fn tail_place(&self, text: &str, s: usize, m: &str, get: &dyn Fn(&str) -> u32, e: &mut usize) -> bool {
        // the last word before a colon labels what follows: "[ADDRESS] NHC: 1234567"
        let m = if before_colon(text, *e) {
            let cut = m.trim_end().rfind(|c: char| c.is_whitespace() || c == ',').unwrap_or(0);
            *e = s + m[..cut].trim_end_matches([' ', '\t', ',']).len();
            &m[..*e - s]
        } else {
            m
        };
        // keep only capitalised words that are not ordinary words; the place ends at a
        // country, which stays ("[ADDRESS], Lyon, France")
        let mut any = false;
        for w in m.split(|c: char| c.is_whitespace() || c == ',') {
            let w_at = s + (w.as_ptr() as usize - m.as_ptr() as usize);
            if w.is_empty() || w.starts_with('[') {
                continue;
            }
            if self.country_at(&text[w_at..]).is_some() {
                *e = s + text[s..w_at].trim_end_matches([' ', '\t', '\n', ',']).len();
                break;
            }
            let lw = w.trim_end_matches('.').to_lowercase();
            // (the article that opens a town's name names nothing alone: "la Croix-Rousse")
            if packs::articles().contains(&lw.as_str()) {
                continue;
            }
            if self.lex.is_postal(&lw) {
                any = true;
                continue;
            }
            let f = get(&lw);
            // (a title is no town: "Clinique [PLACE] Docteur Z. BAHIRT")
            // (nor a facility or ward word: "[PLACE]\nService de Gériatrie")
            if f & (ENGLISH | LANGS | CLINICAL | MONTH | COUNTRY | STOP) != 0 && f & (CITY | ANY_NAME) == 0 || f & (TITLE | RELATION | FACILITY) != 0 {
                return false;
            }
            any = true;
        }
        any
    }
}

/// The words of a section of every pack, lower case and folded as the view is.
fn folded_section(name: &str) -> std::collections::HashSet<String> {
    packs::section(name).map(|w| normalise::fold(&w.to_lowercase()).into_owned()).collect()
}

/// Whether the word that follows the blanks at the start of `after` is one of `words` (lower case,
/// folded).
fn next_word_in(after: &str, words: &std::collections::HashSet<String>) -> bool {
    let w: String = after.trim_start_matches([' ', '\t']).chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
    !w.is_empty() && words.contains(normalise::fold(&w).as_ref())
}

/// Whether the word after a name makes it a study's or a guideline's (`[study_words]`: "the
/// ALLHAT trial", "the DAPA-HF study"), no place.
fn names_a_study(after: &str) -> bool {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    next_word_in(after, WORDS.get_or_init(|| folded_section("study_words")))
}

/// Whether what follows a number makes it an angle, a share or a decimal, no age: "90°", "90
/// degrees" (a unit of any pack's `[proportion_units]`), "95%", "90.5".
fn angle_or_measure(after: &str) -> bool {
    static UNITS: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    let t = after.trim_start_matches([' ', '\t']);
    t.starts_with(['°', '%', '/']) || after.starts_with(['.', ',']) && after[1..].starts_with(|c: char| c.is_ascii_digit()) || next_word_in(after, UNITS.get_or_init(|| folded_section("proportion_units")))
}

/// The length of the particles that open `m` ("de la | Pitié", "d'|Anger"): they name nothing (a
/// facility word after the first is part of the name: "Centre | Hospitalier Cochin"); the last word
/// always stays.
fn leading_particles(m: &str) -> usize {
    let mut at = 0;
    loop {
        let rest = &m[at..];
        let elided = rest.strip_prefix(['d', 'l', 'D', 'L']).and_then(|r| r.strip_prefix(['\'', '’']));
        let skip = match elided {
            Some(r) => rest.len() - r.len(),
            None => {
                let w_len = rest.find([' ', '\t']).unwrap_or(rest.len());
                let lw = rest[..w_len].to_lowercase();
                let gap = rest[w_len..].len() - rest[w_len..].trim_start_matches([' ', '\t']).len();
                if gap == 0 || !packs::place_particles().contains(&lw.as_str()) {
                    return at;
                }
                w_len + gap
            }
        };
        if skip >= rest.len() || !rest[skip..].starts_with(char::is_alphabetic) {
            return at;
        }
        at += skip;
    }
}

/// The length of the part of `m` before its first title or facility word, spaces trimmed (a
/// relation word may name a hospital: "Hospital Son Dureta", "Hospital Madre Teresa"; another
/// facility is named on its own: "Service d'Hépatologie | du CHU d'Anger"; facility words that
/// open it are not counted).
fn before_title(m: &str, get: &dyn Fn(&str) -> u32) -> usize {
    let mut at = 0;
    // facility words that open the name are part of the facility's kind: "Centre | hospitalier Prince William"
    let mut opening = true;
    for w in m.split_inclusive([' ', '\t']) {
        let word = w.trim_end().trim_end_matches('.');
        let f = if word.is_empty() { 0 } else { get(&word.to_lowercase()) };
        opening &= f & FACILITY != 0;
        if f & TITLE != 0 || f & FACILITY != 0 && !opening {
            return m[..at].trim_end().len();
        }
        at += w.len();
    }
    m.len()
}

/// Capitalised words that end the way hospitals' names end (`[hospital_ends]`), after "at" or
/// "admitted to": "City Hospital", "Mass General", "Westside Medical", "City Medical Center"
/// (ordinary words all; a ward or specialty ends otherwise: "General Surgery").
fn names_a_hospital(words: &[&str], get: &dyn Fn(&str) -> u32) -> bool {
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase) && w.chars().skip(1).any(char::is_lowercase);
    words.len() >= 2
        && words.iter().all(capitalised)
        && words.last().is_some_and(|w| packs::hospital_ends().contains(&w.to_lowercase().as_str()))
        && get(&words[0].to_lowercase()) & (TITLE | RELATION | MONTH | COUNTRY) == 0
}

/// The capitalised words of a facility's or ward's name, elided articles cut off ("d'Ouest"); a
/// word with dots only where some part of it has three letters ("A.CHENEVIER-H.MONDOR", not "O.R.L").
fn capitalised_words(m: &str) -> impl Iterator<Item = &str> {
    m.split([' ', '\t', '\'', '’'])
        .filter(|w| w.chars().count() >= 2 && w.starts_with(char::is_uppercase))
        .filter(|w| !w.contains('.') || w.split(['.', '-']).any(|p| p.chars().count() >= 3))
}

/// A street type of the packs with its name (`Check::PackStreet`): a street type that is also an
/// English word ("via", "place", "route") needs a particle or a proper noun after it: "2 via IV
/// infusion" is no address.
fn pack_street(text: &str, s: usize, m: &str, get: &dyn Fn(&str) -> u32) -> bool {
    let mut words = m.split([' ', '\t', ',']).filter(|w| !w.is_empty()).skip_while(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()) || packs::house_number_suffixes().contains(w));
    let (street, next) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let sf = get(&street.trim_end_matches('.').to_lowercase());
    let nf = get(&next.to_lowercase());
    let particle = packs::street_particles().contains(&next) || next.starts_with(['d', 'l']) && next[1..].starts_with(['\'', '’']);
    !preceded_by_decimal(text, s)
        && (sf & ENGLISH == 0 || particle || next.chars().next().is_some_and(char::is_uppercase) && nf & (CLINICAL | ENGLISH) == 0)
}

/// Whether a ward's name (`Check::WardName`) holds a capitalised word that is no ordinary word of
/// any language (a name of the lists that is one of the note's language names no ward: "Centre de
/// Santé Mentale").
fn names_a_ward(m: &str, get: &dyn Fn(&str) -> u32) -> bool {
    capitalised_words(m).any(|w| {
        let lw = w.to_lowercase();
        let f = get(&lw);
        f & (CITY | AMB_CITY) != 0 || f & ANY_NAME != 0 && f & LANGS == 0 || f & (ENGLISH | LANGS | CLINICAL | STOP | MONTH | COUNTRY) == 0 && !looks_medical(&lw)
    })
}

/// A house number, a word and a number (`Check::NumWordNum`: "5638 Aasa 43"): the word is no
/// ordinary, clinical or calendar word, nor a short word in capitals, and no unit follows.
fn number_word_number(text: &str, s: usize, e: usize, m: &str, get: &dyn Fn(&str) -> u32) -> bool {
    let word = m.split_whitespace().nth(1).unwrap_or("");
    let lw = word.to_lowercase();
    let f = get(&lw);
    let short_caps = word.chars().all(|c| !c.is_lowercase()) && word.chars().count() <= 5;
    !preceded_by_decimal(text, s)
        && f & (ENGLISH | CLINICAL | MONTH | STOP | TITLE | RELATION | COUNTRY) == 0
        && !short_caps
        && word.chars().count() >= 3
        && !looks_medical(&lw)
        && !followed_by_unit_or_decimal(&text[e..])
}

/// The words between the two streets of a corner (`Check::Corner`): the `[conjunctions]` of the
/// packs with `[street_corners]` ("corner of Retreat Ave. and Main Street").
fn corner_conjunctions() -> &'static [&'static str] {
    static WORDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| packs::PACKS.iter().filter(|p| packs::section_lines(p, "street_corners").next().is_some()).flat_map(|p| packs::section_of(p, "conjunctions")).collect())
}

/// Whether `m`, one word, is a word for "number" (`[number_signs]`) with a number after it, its dot
/// or sign perhaps between, or the placeholder a number became: "No. 2043", "Nr 17", "No: [ID]".
fn numbers_what_follows(m: &str, after: &str) -> bool {
    let rest = after.trim_start_matches(['.', ':', '#']).trim_start_matches([' ', '\t']);
    let number = rest.starts_with(|c: char| c.is_ascii_digit()) || [Placeholder::Id, Placeholder::Phone].iter().any(|p| rest.starts_with(p.token()));
    number && packs::number_signs().iter().any(|w| w.trim_end_matches('.').eq_ignore_ascii_case(m.trim()))
}
