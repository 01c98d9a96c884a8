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
//!    rules use titles, relation words, capitalisation and neighbouring names;
//! 5. spans are merged (overlaps take the most specific kind), protected placeholders are cut
//!    out of them, and the text is rebuilt.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

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
// Lexicon
// ---------------------------------------------------------------------------------------------

const GIVEN: u32 = 1 << 0;
const SURNAME: u32 = 1 << 1;
const AMB_GIVEN: u32 = 1 << 2;
const AMB_SURNAME: u32 = 1 << 3;
const CITY: u32 = 1 << 4;
const AMB_CITY: u32 = 1 << 5;
const CLINICAL: u32 = 1 << 6;
const ENGLISH: u32 = 1 << 7;
const TITLE: u32 = 1 << 8;
const RELATION: u32 = 1 << 9;
const MONTH: u32 = 1 << 10;
const COUNTRY: u32 = 1 << 11;
const KNOWN: u32 = 1 << 12;
const STOP: u32 = 1 << 13;
const WEAKCTX: u32 = 1 << 14;
/// eponym of a disease or sign ("Graves", "Wilson"): a name only where the context says so
const EPONYM: u32 = 1 << 15;
/// A word of a multi-word country name ("San" of "San Marino", "Martin" of "Saint Martin"): not a
/// country by itself; inside the whole name a token is marked `COUNTRY` where the text has it.
const COUNTRY_PART: u32 = 1 << 16;

const NAME_ONLY: u32 = GIVEN | SURNAME;
const ANY_NAME: u32 = GIVEN | SURNAME | AMB_GIVEN | AMB_SURNAME;

const D_GIVEN: &str = include_str!("data/given_names.txt");
const D_SURNAMES: &str = include_str!("data/surnames.txt");
const D_AMBIG: &str = include_str!("data/ambiguous_names.txt");
const D_CITIES: &str = include_str!("data/cities.txt");
const D_AMBIG_CITIES: &str = include_str!("data/ambiguous_cities.txt");
const D_CLINICAL: &str = include_str!("data/clinical_allow.txt");
const D_EPONYMS: &str = include_str!("data/eponyms.txt");
const D_ENGLISH: &str = include_str!("data/english_words.txt");
const D_COUNTRIES: &str = include_str!("data/countries.txt");

const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lady", "lord", "rev",
    "revd", "fr", "sr", "sra", "srta", "herr", "frau", "mme", "mlle", "dott", "dssa", "doctor",
    "madam", "mister", "nurse", "sister",
];
const RELATIONS: &[&str] = &[
    "patient", "pt", "son", "daughter", "wife", "husband", "mother", "father", "mum", "mom", "mam",
    "dad", "partner", "brother", "sister", "aunt", "uncle", "grandmother", "grandfather", "grandma",
    "grandpa", "granny", "granddaughter", "grandson", "niece", "nephew", "cousin", "friend",
    "carer", "caregiver", "spouse", "fiance", "fiancé", "fiancee", "fiancée", "boyfriend",
    "girlfriend", "neighbour", "neighbor", "named", "called", "colleague", "child", "baby",
    "infant", "twin", "stepson", "stepdaughter", "stepmother", "stepfather", "guardian", "née",
    "nee", "alias", "aka", "contact", "resident", "client", "gp", "consultant", "registrar",
    "dermatologist", "physician", "surgeon", "by", "with", "attn", "cc", "signed", "dear",
    "ask", "tell", "inform", "informed", "told", "thank", "thanks", "regards", "from", "per",
    "hi", "hello", "hey", "says", "said", "i'm", "i’m",
];
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "today", "yesterday", "tomorrow", "christmas", "easter",
];
/// Words that never start a facility / place name by themselves.
const STOPS: &[&str] = &[
    "the", "a", "an", "this", "that", "our", "his", "her", "their", "my", "your", "same", "local",
    "dermatology", "derm", "skin", "outpatient", "outpatients", "inpatient", "covid", "private",
    "nhs", "university", "general", "day", "emergency", "walk-in", "gp", "family", "specialist",
    "district", "community", "teaching", "children's", "women's", "seen", "at", "to", "from", "in",
    "and", "or", "other", "another", "regional", "city", "county", "state", "main", "nearest",
    "previous", "referring", "tertiary", "secondary", "primary", "rheumatology", "isolation",
    "infectious", "diseases", "disease", "medical", "surgical", "acute", "intensive", "care",
    "a&e", "icu", "ed", "psychiatric", "maternity", "paediatric", "pediatric", "cardiology",
    "respiratory", "vaccination", "testing", "test", "screening", "allergy", "eczema", "psoriasis",
    "clinic", "hospital", "ward", "unit", "centre", "center", "was", "is", "patient", "plan",
    "review", "follow", "up", "f/u", "new", "old", "he", "she", "they", "we", "i", "it", "if",
    "no", "not", "on", "of", "for", "by", "with", "after", "before", "when", "then", "has", "had",
    "all", "any", "each", "both", "some", "sent", "back", "home", "discharged", "admitted",
    "transferred", "referred",
];
const STREET_SUFFIXES: &[&str] = &[
    "bypass", "turnpike", "expressway", "freeway", "motorway", "gateway", "union", "unions", "point", "points", "pass", "route", "radial", "crossroad", "prairie", "rapids", "rapid", "extension", "extensions", "squares", "streets", "roads", "forges", "forge", "forks", "fork", "coves", "cove", "courts", "parks", "harbor", "harbour", "harbors", "islands", "island", "isle", "junction", "landing", "manor", "meadow", "meadows", "mill", "mills", "mount", "orchard", "oval", "overpass", "underpass", "ranch", "shore", "shores", "skyway", "spur", "stravenue", "throughway", "trace", "track", "trafficway", "tunnel", "viaduct", "vista", "village", "ville", "wells", "brook", "brooks", "burg", "canyon", "cape", "cliff", "cliffs", "common", "corner", "corners", "creek", "crest", "curve", "dale", "dam", "divide", "estate", "estates", "falls", "ferry", "field", "fields", "flats", "ford", "fords", "forest", "fort", "garden", "glen", "glens", "greens", "groves", "haven", "hills", "hollow", "inlet", "key", "keys", "knoll", "knolls", "lake", "lakes", "light", "lights", "lock", "locks", "lodge", "mall", "mission", "neck", "pines", "plain", "plains", "port", "ports", "ridges", "river", "run", "shoal", "shoals", "spring", "springs", "station", "stream", "summit", "valley", "valleys", "views", "walks", "wall", "ways", "well", "quay", "wharf", "close", "drove", "chase", "croft", "fold", "garth", "yard",
];
/// Labels of form fields and note sections, which stand before a colon like a speaker's name.
const FIELD_LABELS: &[&str] = &[
    "name", "address", "phone", "email", "mail", "date", "note", "notes", "plan", "key", "comment", "comments", "summary",
    "history", "reason", "result", "results", "impression", "diagnosis", "treatment", "status", "title", "subject", "re",
    "fax", "tel", "mobile", "home", "work", "website", "city", "country", "code", "state", "street", "will", "bill", "sign",
    "signs", "rash", "grade", "type", "class", "stage", "site", "colour", "color", "course", "story", "update", "follow",
];
/// Lower-case words inside town names ("Caxias do Sul", "Chomutice u Horic v Podkrkonoší").
const TOWN_PARTICLES: &[&str] = &[
    "do", "da", "dos", "das", "de", "del", "della", "di", "du", "des", "la", "le", "les", "en", "sur", "sous", "am", "an", "im",
    "bei", "ob", "na", "nad", "pod", "u", "v", "z", "ze", "y", "e", "i", "von", "van", "der", "den", "aan", "op",
];
/// Words after which an ambiguous city name is read as a place.
const WEAK_CTX: &[&str] = &["in", "from", "at", "near", "to", "of", "outside", "around"];

#[derive(Default, Clone, Copy)]
struct FxHasher {
    hash: u64,
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h = self.hash;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
        self.hash = h;
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.hash = (self.hash.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

fn data_lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

struct Lexicon {
    words: FxMap<&'static str, u32>,
    /// Multi-word city names (lower case), matched ASCII-case-insensitively.
    multi_cities: AhoCorasick,
    /// Multi-word country names (lower case), for address tails ("United Kingdom 75419").
    multi_countries: Vec<&'static str>,
    /// The same, to mark their words in a text ("Costa Rica", "Czech Republic").
    multi_countries_ac: AhoCorasick,
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut words: FxMap<&'static str, u32> = FxMap::default();
        words.reserve(240_000);
        let mut add = |w: &'static str, f: u32| {
            *words.entry(w).or_insert(0) |= f;
        };
        for w in data_lines(D_ENGLISH) {
            add(w, ENGLISH);
        }
        for w in data_lines(D_GIVEN) {
            add(w, GIVEN);
        }
        for w in data_lines(D_SURNAMES) {
            add(w, SURNAME);
        }
        for l in data_lines(D_AMBIG) {
            let (w, fl) = l.split_once('\t').unwrap_or((l, "FL"));
            let mut f = 0;
            if fl.contains('F') {
                f |= AMB_GIVEN;
            }
            if fl.contains('L') {
                f |= AMB_SURNAME;
            }
            add(w, f);
        }
        for w in data_lines(D_EPONYMS) {
            add(w, AMB_SURNAME | EPONYM);
        }
        let mut multi: Vec<&'static str> = Vec::new();
        for w in data_lines(D_CITIES) {
            if w.contains(' ') {
                multi.push(w);
            } else {
                add(w, CITY);
            }
        }
        for w in data_lines(D_AMBIG_CITIES) {
            if !w.contains(' ') {
                add(w, AMB_CITY);
            }
        }
        let mut multi_countries: Vec<&'static str> = data_lines(D_COUNTRIES).filter(|w| w.contains(' ')).collect();
        // common forms missing from the list
        multi_countries.extend(["united states of america", "united states", "united kingdom", "czech republic", "south africa", "great britain", "northern ireland", "south korea", "saudi arabia", "sri lanka"]);
        // countries that are also a word of a longer name ("Guinea", "Papua New Guinea")
        const ALSO_WHOLE: &[&str] = &["bosnia", "congo", "georgia", "guinea", "korea", "macedonia", "montenegro", "netherlands", "samoa", "serbia", "sudan"];
        for w in data_lines(D_COUNTRIES).filter(|w| !w.contains(' ')) {
            let part = multi_countries.iter().any(|m| m.split(' ').any(|p| p == w));
            add(w, if part && !ALSO_WHOLE.contains(&w) { COUNTRY_PART } else { COUNTRY });
        }
        multi_countries.sort_by_key(|w| std::cmp::Reverse(w.len()));
        for w in data_lines(D_CLINICAL) {
            add(w, CLINICAL);
        }
        for &w in TITLES {
            add(w, TITLE);
        }
        for &w in RELATIONS {
            add(w, RELATION);
        }
        for &w in MONTHS {
            add(w, MONTH);
        }
        for &w in STOPS {
            add(w, STOP);
        }
        for &w in WEAK_CTX {
            add(w, WEAKCTX);
        }
        // Clinical words are never names or places by themselves; name-only lists must not
        // contain English words that the lists marked as such.
        for f in words.values_mut() {
            if *f & CLINICAL != 0 {
                *f &= !(GIVEN | SURNAME | CITY);
            }
            if *f & (MONTH | TITLE) != 0 && *f & NAME_ONLY != 0 {
                let n = *f & NAME_ONLY;
                *f = (*f & !NAME_ONLY) | if n & GIVEN != 0 { AMB_GIVEN } else { 0 }
                    | if n & SURNAME != 0 { AMB_SURNAME } else { 0 };
            }
        }
        let multi_cities = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&multi)
            .expect("city automaton");
        let multi_countries_ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&multi_countries)
            .expect("country automaton");
        Lexicon { words, multi_cities, multi_countries, multi_countries_ac }
    }

    #[inline]
    fn get(&self, lower: &str) -> u32 {
        self.words.get(lower).copied().unwrap_or(0)
    }
}

// ---------------------------------------------------------------------------------------------
// Regular-expression detectors
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Check {
    None,
    /// international / bracketed phone: 7..=15 digits
    Phone,
    /// digit groups with separators: >= 6 digits; Phone or Id by shape
    DigitGroups,
    /// contiguous digits >= 6
    DigitRun,
    /// mixed letter-digit token: length >= 6, >= 4 digits, >= 1 letter, not allow-listed
    Mixed,
    /// letter prefix + digits: prefix not a clinical word
    Coded,
    /// keyword-led identifier: >= 4 digits in the capture
    KeywordId,
    /// capture must contain a digit
    HasDigit,
    /// Dutch-style postcode: letters are not a unit or a common word
    NlPostcode,
    /// URL: trim trailing punctuation
    Url,
    /// IPv6: needs a hex letter or "::" or >= 5 groups
    Ip6,
    /// compound street word: the word is not an English word
    Compound,
    /// number before a replaced address: not one that the word before it counts ("week 16")
    HouseNumber,
    /// postcode after a replaced address or town: not a year right after a town ("in Oslo 2019")
    TailPostcode,
    /// number + capitalised words: all words unknown (not English/clinical/month/country)
    UnknownWords,
    /// word + number: unknown word, number not followed by a unit or decimal
    WordNumber,
    /// facility: leading stop words dropped, something must remain
    Facility,
    /// named ward: first word not an English / clinical word
    NamedWard,
    /// place after a strong context phrase
    ContextPlace,
    /// saint-names: not "St John's wort"
    Saint,
    /// city words in an address tail
    TailPlace,
    /// "corner of X and Y": X has a digit or a capital
    Corner,
    /// number + capitalised words ending in a less common street-type word ("Kishiev Squares")
    StreetSuffix,
    /// "5638 Aasa 43": the word is not an ordinary / clinical word, number not followed by a unit
    NumWordNum,
    /// street-type word without a house number ("Main Street"): the word before is not clinical etc.
    BareStreet,
    /// a 4-5 digit postcode right after a country name ("New Zealand 34694", "Cyprus (Greek) 51034")
    CountryPostcode,
}

struct Rx {
    re: Regex,
    kind: Placeholder,
    group: usize,
    check: Check,
    /// only run on a text that contains this byte string (cheap pre-filter), if any
    needs: Option<&'static str>,
    /// index in the combined first-scan set; `None`: always run on its own (patterns whose
    /// automaton would make the combined one too large)
    set_idx: Option<usize>,
}

fn months_re() -> String {
    let ci = "jan(?:uary)?|feb(?:ruary)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|march|janvier|février|fevrier|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|januar|februar|märz|maerz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|januari|februari|maart|mei|augustus";
    format!(r"(?:(?i:{ci})|May|MAY|Mar|MAR|Mai|MAI|Mars|MARS)\.?")
}

fn cap_alts(words: &[&str]) -> String {
    // "Rue" | "RUE" for each word (first letter upper-case, or all capitals)
    let mut v = Vec::new();
    for w in words {
        let mut c = w.chars();
        if let Some(f) = c.next() {
            let cap: String = f.to_uppercase().chain(c).collect();
            v.push(regex::escape(&cap));
            v.push(regex::escape(&w.to_uppercase()));
        }
    }
    v.join("|")
}

fn build_regexes() -> Vec<Rx> {
    use Placeholder::*;
    let d = r"(?:0?[1-9]|[12]\d|3[01])";
    let m = r"(?:0?[1-9]|1[0-2])";
    let mon = months_re();
    let year = r"(?:(?:19|20)\d{2}|'\d{2})";
    let time = r"(?:(?:T|\s+|\s*,\s*)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?[AaPp]\.?[Mm]\.?)?(?:Z|[+-]\d{2}:?\d{2})?)?";
    let suf = "(?i:street|st|road|rd|avenue|ave|av|lane|ln|drive|dr|boulevard|blvd|court|ct|place|pl|square|sq|terrace|terr|close|crescent|cres|way|highway|hwy|parkway|pkwy|circle|cir|trail|trl|row|walk|gardens|grove|hill|park|mews|alley|plaza|path|pike|loop|heights|hts|crossing|ridge|view|green|rise|gate|broadway|causeway|esplanade|embankment|parade|wynd|vale|strasse|straße|gasse|weg|allee|platz)";
    let pre = cap_alts(&[
        "rue", "via", "viale", "vicolo", "corso", "piazza", "piazzale", "calle", "carrer", "avenida",
        "avda", "rua", "travessa", "largo", "praça", "praca", "plaza", "paseo", "camino", "chemin",
        "allée", "allee", "boulevard", "bd", "impasse", "quai", "route", "strada", "ulica", "ul.",
        "aleja", "odos", "leoforos", "utca", "avenue", "place", "rambla", "ronda", "estrada",
        "alameda", "avenue", "rruga", "rúa", "bulevar", "ulitsa", "prospekt", "caddesi", "sokak", "jalan",
        "jl.", "calzada", "carretera", "cami", "passeig", "platz",
    ]);
    let part = r"(?:d[aeiou]s?|de[ls]?|della|delle|dei|degli|la|le|les|l'|d'|di|du|van|von|der|den|het|y|e|do|of|the|DE|LA|DEL|DI|DU|VAN|VON)";
    let capw = r"\p{Lu}[\p{L}'’-]*";
    let compound = "(?i:strasse|straße|str\\.|gasse|weg|allee|platz|ring|damm|ufer|gata|gatan|gatu|gaten|vägen|vagen|vegen|veien|veg|vej|vei|gade|straat|laan|plein|gracht|steeg|dijk|kade|katu|tie|kuja|polku|tori|utca|ulica|ulitsa|prospekt|caddesi|sokak|sokağı|stræde|stig|väg|torget|tanvan)";
    let fac = "(?i:hospital|hospitals|infirmary|clinic|clinics|medical cent(?:er|re)|health cent(?:er|re)|hospice|sanatorium|klinikum|klinik|sykehus|sjukhus|sygehus|hospitalet|ospedale|krankenhaus|policlinic|polyclinic|policlinico|medical college|care home|nursing home|surgery|medical practice|health centre|hôpital|hopital|hospital universitario|clínica|clinica|centre hospitalier|chu)";
    let ordinal = "(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)";
    let states = "A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY]";

    let mut v: Vec<Rx> = Vec::new();
    let mut add = |pat: &str, kind: Placeholder, group: usize, check: Check, needs: Option<&'static str>| {
        let re = Regex::new(pat).unwrap_or_else(|e| panic!("bad pattern {pat}: {e}"));
        v.push(Rx { re, kind, group, check, needs, set_idx: Some(0) });
    };

    // --- email, URL, IP ---
    add(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}", Email, 0, Check::None, Some("@"));
    add(r#"(?i)\b(?:https?|ftp|sftp)://[^\s<>"'\[\]]+|\bwww\.[^\s<>"'\[\]]+"#, Url, 0, Check::Url, None);
    add(
        r#"(?i)\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|org|net|edu|gov|info|biz|io|uk|de|fr|nl|se|dk|fi|es|ch|pl|ru|jp|cn|au|ca|br|za|ng|nz|ie|eu|nhs|no)\b(?:/[^\s<>"'\[\]]*)?"#,
        Url,
        0,
        Check::Url,
        Some("."),
    );
    add(
        r"\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b",
        Ip,
        0,
        Check::None,
        Some("."),
    );
    add(
        r"(?i)(?:\b[0-9a-f]{1,4}:){2,7}(?::|[0-9a-f]{1,4}\b)(?::[0-9a-f]{1,4}\b)*|(?:\b[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4}\b",
        Ip,
        0,
        Check::Ip6,
        Some(":"),
    );

    // --- dates ---
    add(&format!(r"\b(?:19|20)\d{{2}}[-/.]{m}[-/.]{d}{time}\b"), Date, 0, Check::None, None);
    add(&format!(r"\b{d}[-/.]{d}[-/.](?:(?:19|20)\d{{2}}|\d{{2}}){time}\b"), Date, 0, Check::None, None);
    add(
        &format!(r"\b{d}(?:st|nd|rd|th|ST|ND|RD|TH)?(?:\s+(?:of|OF))?[\s.\-/]*{mon}(?:[\s,.\-/]*{year})?{time}\b"),
        Date,
        0,
        Check::None,
        None,
    );
    add(
        &format!(r"\b{mon}\s*{d}(?:st|nd|rd|th|ST|ND|RD|TH)?\b(?:,?\s*{year}\b)?{time}"),
        Date,
        0,
        Check::None,
        None,
    );
    add(r"\b(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\b", Date, 0, Check::None, None);

    // --- ages 90 and over ---
    add(r"(?i)\b(?:aged?|age\s*(?:[:=]|of|is)?)\s*(9\d|1[01]\d)\b", Age, 1, Check::None, None);
    add(
        r"(?i)\b(9\d|1[01]\d)\s*-?\s*(?:years?|yrs?|y\.?\s?o\b\.?|yo\b|y/o\b|year-old|yr-old)(?:[\s-]*old)?",
        Age,
        1,
        Check::None,
        None,
    );
    add(r"(?i)\b(?:nonagenarian|centenarian)s?\b", Age, 0, Check::None, None);

    // --- phones ---
    add(
        r"\+\d{1,3}(?:[ .-]?\(\d{1,4}\))?(?:[ .-]?\d{1,6}){1,6}(?:\s?(?:x|ext\.?)\s?\d{1,5})?",
        Phone,
        0,
        Check::Phone,
        Some("+"),
    );
    add(
        r"(?:\b00\d{1,3}[ .-]?)?\(\d{2,5}\)[ .-]?\d{2,5}(?:[ .-]?\d{2,5}){0,3}(?:\s?(?:x|ext\.?)\s?\d{1,5})?",
        Phone,
        0,
        Check::Phone,
        Some("("),
    );
    add(
        r"\b\d{2,6}(?:[ .-]\d{2,6}){1,5}\b(?:\s?(?:x|ext\.?)\s?\d{1,5}\b)?",
        Phone,
        0,
        Check::DigitGroups,
        None,
    );
    // a national number with its trunk prefix: "0393 1144137", "0961-7596216"
    add(r"\b0\d{2,4}[ -]\d{6,8}\b", Phone, 0, Check::None, None);
    add(r"\b\d{6,}\b", Id, 0, Check::DigitRun, None);

    // --- identifiers ---
    // social media handles: "@jane_doe87" (not the middle of an email address)
    add(r"(?:^|[\s(\[,;:])(@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}[A-Za-z0-9_])\b", Id, 1, Check::None, Some("@"));
    // vehicle registrations, UK style: "AB12 CDE"
    add(r"\b[A-Z]{2}\d{2}[ ]?[A-Z]{3}\b", Id, 0, Check::None, None);
    add(r"\b\d{3}-\d{2}-\d{4}\b", Id, 0, Check::None, Some("-"));
    add(r"\b[A-Z]{1,4}[ -]?\d{5,}[A-Z]{0,2}\b", Id, 0, Check::Coded, None);
    add(r"\b[A-Za-z]{1,3}\d{5,}[A-Za-z]{0,2}\b", Id, 0, Check::Coded, None);
    add(r"(?i)\b[A-Z]{2}\d{2} ?(?:[A-Z0-9]{4} ?){2,7}[A-Z0-9]{1,4}\b", Id, 0, Check::Mixed, None);
    add(r"\b[A-Za-z]*\d[A-Za-z0-9]*\b", Id, 0, Check::Mixed, None);
    add(
        r"(?i)\b(?:mrn|nhs|ssn|nin|hospital|record|insurance|passport|licen[cs]e|account|acct|member|policy|chart|case|id|ident|registration|reg)\.?\s*(?:no\.?|num(?:ber)?|#|id|nr\.?)?\s*[:#]?\s*(\d[\d -]{2,}\d|[A-Z]{1,3}-?\d{3,}[A-Z]?)\b",
        Id,
        1,
        Check::KeywordId,
        None,
    );

    // --- postcodes ---
    add(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}\b", Postcode, 0, Check::None, None);
    add(r"\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b", Postcode, 0, Check::None, None);
    add(r"\b\d{5}-\d{4}\b", Postcode, 0, Check::None, Some("-"));
    add(
        r"(?i)\b(?:post\s*code|postal\s*code|zip\s*code|zip|postcode|plz|cep)\s*[:#]?\s*(?:(?:is|was|of)\s+)?([A-Z0-9][A-Z0-9 -]{1,8}[A-Z0-9])\b",
        Postcode,
        1,
        Check::HasDigit,
        None,
    );
    add(&format!(r"\b(?:{states})\.?,?[ \t]+(\d{{5}}(?:-\d{{4}})?)\b"), Postcode, 1, Check::None, None);
    add(r"\b[1-9]\d{3} ?[A-Z]{2}\b", Postcode, 0, Check::NlPostcode, None);
    // a postcode after a country name: "Slovenia 15755", "New Zealand 34694", "belgium 97466"
    add(r"\b\p{L}[\p{L}'-]*\)?,?[ \t]+(\d{5}|\d{4})\b", Postcode, 1, Check::CountryPostcode, None);
    // tails after an address already replaced: ", City, ST 12345", "Country 62488"
    let seg = r"(?:(?:[ \t]*[,\n>][ \t\n>]*|[ \t]+)(?:\p{Lu}[\p{L}'.’-]*(?:[ \t]+\p{Lu}[\p{L}'.’-]*){0,2}|\[[A-Z]+\]|\(\p{Lu}[\p{L}]*\)|[A-Z]{2}|nan))";
    add(
        &format!(r"\[(?:ADDRESS|PLACE)\]({seg}{{0,6}}?)[ \t]*[,\n>]?[ \t\n>]*(\d{{4,5}}(?:-\d{{3,4}})?|\d{{2}}-\d{{3}}|\d{{3}} \d{{2}}|[1-9]\d{{3}} ?[A-Z]{{2}})\b"),
        Postcode,
        2,
        Check::TailPostcode,
        Some("["),
    );
    add(&format!(r"\[(?:ADDRESS|PLACE)\]({seg}+)"), Place, 1, Check::TailPlace, Some("["));
    // a postcode after a town already replaced: "support Foursquare in [PLACE] 15000"
    add(r"\b(?:in|at|from|In|At|From)[ \t]+\[(?:NAME|PLACE)\][ \t]+(\d{5}|\d{4}|\d{3} \d{2})\b", Postcode, 1, Check::CountryPostcode, Some("["));
    // a building number in front of an address already replaced: "20789 [ADDRESS]"
    add(r"\b(\d{1,5}[A-Za-z]?)[ \t]+\[ADDRESS\]", Address, 1, Check::HouseNumber, Some("["));
    // --- street addresses ---
    add(
        &format!(r"\b\d{{1,5}}[A-Za-z]?(?:[-/]\d{{1,4}})?,?[ \t]+(?:(?:\p{{Lu}}[\p{{L}}'’.-]*|\d+(?:st|nd|rd|th)|{ordinal}|of|the|de|la)[ \t]+){{1,4}}{suf}\b\.?"),
        Address,
        0,
        Check::None,
        None,
    );
    add(
        &format!(r"\b\d{{1,5}}[A-Za-z]?,?[ \t]+(?:{pre})[ \t]+(?:{part}[ \t]+|[dlDL]['’])*[\p{{Lu}}\d][\p{{L}}\d'’-]*(?:[ \t]+(?:{part}|[\p{{Lu}}\d][\p{{L}}\d'’-]*)){{0,3}}"),
        Address,
        0,
        Check::None,
        None,
    );
    add(
        &format!(r"\b(?:{pre})[ \t]+(?:{part}[ \t]+)*{capw}(?:[ \t]+(?:{part}[ \t]+)*{capw}){{0,3}},?[ \t]+\d{{1,5}}[A-Za-z]?\b"),
        Address,
        0,
        Check::None,
        None,
    );
    add(
        &format!(r"\b(?:\d{{1,5}}[A-Za-z]?[ \t]+)?(\p{{L}}[\p{{L}}-]*{compound})(?:[ \t]+\d{{1,5}}[A-Za-z]?\b)?"),
        Address,
        0,
        Check::Compound,
        None,
    );
    add(
        r"(?i)\b(?:apt|apartment|suite|ste|flat|bldg|building|appt|wohnung|piso)\.?[ \t]*(?:#|no\.?)?[ \t]*\d{1,5}[A-Za-z]?\b|\b(?:Unit|UNIT|Floor|FLOOR)[ \t]+\d{1,4}[A-Za-z]?\b",
        Address,
        0,
        Check::None,
        None,
    );
    add(
        r"(?i)\b(?:\d{1,5}[ \t]+)?(?:postbox|postbus|postfach)[ \t]*\d{1,6}\b|(?i)\b(?:p\.?\s?o\.?\s?box|psc|box)\s*\d{1,6}\b|\b(?:APO|FPO|DPO)\s+A[AEP]\s+\d{5}\b",
        Address,
        0,
        Check::None,
        None,
    );
    add(
        &format!(r"\b\d{{1,5}}[ \t]+({capw}(?:[ \t]+{capw}){{1,2}})\b"),
        Address,
        0,
        Check::UnknownWords,
        None,
    );
    add(&format!(r"\b({capw})[ \t]+\d{{1,4}}[A-Za-z]?\b"), Address, 0, Check::WordNumber, None);
    add(
        &format!(r"\b{capw}(?:[ \t]+{capw})?[ \t]+(?:u\.|utca|út|útja|tér|tere|krt\.|körút|fasor|köz|sor|sétány|rkp\.|rakpart|str\.|str|terrasse|kapu|sokak|cad\.|ulica|ul\.|tee|põik|puiestee|iela|gatve|g\.|gatvė|prospektas|trg|cesta)[ \t]+\d{{1,5}}[A-Za-z]?\b\.?"),
        Address,
        0,
        Check::None,
        None,
    );

    // number-led streets with a lower-case street word: "36 rue de pologne", "9383 ul. Chrzanowska 61"
    add(
        &format!(r"\b\d{{1,5}}[A-Za-z]?,?[ \t]+(?:ul\.|rue|Rue|calle|Calle|avenida|Avenida|avda\.|rua|Rua|rúa|Rúa|avenue|strada|Strada|utca|ulica|trg|C/|c/)[ \t]+(?:{part}[ \t]+)*\p{{L}}[\p{{L}}\d'’-]*(?:[ \t]+(?:{part}|\p{{Lu}}[\p{{L}}\d'’-]*|\d{{1,5}}[A-Za-z]?\b))*"),
        Address,
        0,
        Check::None,
        None,
    );
    add(
        &format!(r"\b(?:ul\.|Ul\.|UL\.|C/|Avda\.|al\.|Al\.|pl\.|os\.)[ \t]*{capw}(?:[ \t]+{capw}){{0,3}},?[ \t]+\d{{1,5}}[A-Za-z]?\b"),
        Address,
        0,
        Check::None,
        None,
    );
    add(r"(?-u:\b)[0-9]{1,5}[A-Za-z]?,?[ \t]+(?:[A-Z][^\s,.;:()\[\]]*[ \t]+){1,3}[A-Z][a-z]+", Address, 0, Check::StreetSuffix, None);
    // ships' addresses: "USNS Bergman"
    add(r"\b(?:USNS|USNV|USS|USCGC|usns|usnv|uscgc)[ \t]+\p{L}[\p{L}'’-]*", Address, 0, Check::None, None);
    // "the corner of 3744 Retreat Avenue and Władysława Route"
    add(
        r"(?i)\bcorner of[ \t]+([^\n,;]{1,60}?[ \t]+and[ \t]+\p{L}[\p{L}'’-]*(?:[ \t]+\p{L}[\p{L}'’-]*){0,2}\.?)",
        Address,
        1,
        Check::Corner,
        Some("orner"),
    );
    // "5638 Aasa 43", "6614 Luite tee 87"
    add(&format!(r"\b\d{{1,5}}[ \t]+({capw}(?:[ \t]+\p{{Ll}}{{2,}}|[ \t]+{part}[ \t]+{capw}|[ \t]+[zuv][ \t]+{capw})?)[ \t]+\d{{1,5}}[A-Za-z]?\b"), Address, 0, Check::NumWordNum, None);
    // lower-case: "2407 tawastintie 6", "74678 midtvollen 130" (house number of 3+ digits, a long
    // word that is not an ordinary / clinical word)
    add(r"\b\d{3,5}[ \t]+(\p{Ll}{6,})[ \t]+\d{1,4}[A-Za-z]?\b", Address, 0, Check::NumWordNum, None);
    // lower-case: "ul. nad jarem 22", "freistädter strasse 61"
    add(r"\b(?:ul|al|pl|os)\.[ \t]*\p{Ll}[\p{L}'’-]*(?:[ \t]+\p{Ll}[\p{L}'’-]*){0,3},?[ \t]+\d{1,5}[a-z]?\b", Address, 0, Check::None, Some("."));
    add(
        r"\b\p{Ll}{3,}[ \t]+(?:strasse|straße|str\.|gasse|weg|allee|platz|ring|straat|laan|vej|gade|gata|gatan|vägen|veien|vegen|vei|tie|katu|street|road|avenue|lane|drive)[ \t]+\d{1,5}[a-z]?\b",
        Address,
        0,
        Check::None,
        None,
    );
    // lower-case Hungarian / Baltic streets: "hegyalja út 98.", "Árpád fejedelem útja 62."
    add(
        &format!(r"\b(?:{capw}[ \t]+)?\p{{Ll}}{{3,}}[ \t]+(?:utca|út|útja|körút|rakpart|fasor|sétány|iela|gatvė|puiestee)[ \t]+\d{{1,5}}[A-Za-z]?\b\.?"),
        Address,
        0,
        Check::None,
        None,
    );
    // a street without its number: "Marina Fort Street", "Main Street"
    add(
        &format!(r"\b{capw}(?:[ \t]+{capw})?[ \t]+(?:Street|STREET|Road|ROAD|Avenue|AVENUE|Boulevard|Lane|Parkway|Turnpike|Bypass|Highway|Strasse|Straße)\b"),
        Address,
        0,
        Check::BareStreet,
        None,
    );

    // --- places: facilities, wards, saints, context ---
    add(
        &format!(r"\b(?:St|ST|Saint|SAINT|Sankt|San|Santa|Ste)\.?[ \t]+{capw}(?:[ \t]+{capw}){{0,3}}"),
        Place,
        0,
        Check::Saint,
        None,
    );
    add(
        &format!(r"\b(?:\p{{Lu}}[\p{{L}}'’.&-]*[ \t]+){{1,4}}{fac}\b"),
        Place,
        0,
        Check::Facility,
        None,
    );
    add(r"\b(?i:ward)[ \t]+(?:\d{1,3}[A-Za-z]?|[A-Z]\d{0,2}[A-Za-z]?)\b", Place, 0, Check::None, None);
    add(&format!(r"\b({capw})[ \t]+(?:Ward|WARD)\b"), Place, 0, Check::NamedWard, None);
    add(
        &format!(r"(?i:seen at|transferred (?:from|to)|admitted (?:to|at)|referred (?:from|to)|discharged (?:from|to)|treated at|attends|attended|lives in|living in|resident (?:of|in)|moved (?:from|to)|born in|works at|lives at|visiting|visited|travelled to|traveled to|returned from)[ \t]+({capw}(?:[ \t]+{capw}){{0,3}})"),
        Place,
        1,
        Check::ContextPlace,
        None,
    );
    v
}

// ---------------------------------------------------------------------------------------------
// Scrubber
// ---------------------------------------------------------------------------------------------

/// Built once at start-up (compiles patterns, loads dictionaries); Send + Sync, shared by all requests.
pub struct Scrubber {
    lex: Lexicon,
    rxs: Vec<Rx>,
    placeholders: AhoCorasick,
    /// all detector patterns at once: a first scan says which ones can match at all
    set: regex::RegexSet,
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

#[derive(Clone, Copy, Default)]
struct Tok {
    s: usize,
    e: usize,
    f: u32,
    letters: u16,
    cap: bool,
    allcaps: bool,
    lower: bool,
    digit: bool,
    initial: bool,
    /// a single lower-case letter in an all-lower-case text ("codey m ross")
    linit: bool,
    prot: bool,
}

/// Per-call matcher for the form's own identifying values.
struct Known {
    ac: Option<AhoCorasick>,
    kinds: Vec<Placeholder>,
    /// lower-case name parts, compared to each word token
    parts: Vec<String>,
    /// digit sequences (>= 5 digits) of number-like values
    digits: Vec<(String, Placeholder)>,
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
        let mut rxs = rxs;
        let mut n_set = 0;
        for r in rxs.iter_mut() {
            let solo = matches!(r.check, Check::StreetSuffix | Check::NumWordNum | Check::BareStreet | Check::Corner);
            r.set_idx = if solo {
                None
            } else {
                n_set += 1;
                Some(n_set - 1)
            };
        }
        let set = regex::RegexSetBuilder::new(rxs.iter().filter(|r| r.set_idx.is_some()).map(|r| r.re.as_str()))
            .size_limit(64 << 20)
            .dfa_size_limit(64 << 20)
            .build()
            .expect("regex set");
        let tail_postcode = Regex::new(
            r"^(?:\d{5}-\d{3,4}|\d{3}-\d{4}|\d{2}-\d{3}|\d{3} \d{2}|[1-9]\d{3} ?[A-Z]{2}|\d{3,6}|(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]{1,2}-\d{4,5})\b",
        )
        .expect("tail postcode");
        let tail_unit = Regex::new(
            r"^(?i:apt|apartment|appt|suite|ste|flat|unit|floor|fl|room|rm|bldg|building|block|blk|piso|wohnung|box)\.?[ \t]*(?:#|no\.?)?[ \t]*\d{1,5}[A-Za-z]?\b",
        )
        .expect("tail unit");
        Scrubber { lex, rxs, placeholders, set, date_full, ip_full, tail_postcode, tail_unit }
    }

    /// `known`: values of the same form's identifying fields (patient name, email, phone, address,
    /// postcode, city, MRN, national id, reporter name...). Each is hidden wherever it appears, in
    /// any case, and names also by their parts and initial forms ("Maria Olsen" also hides "Olsen",
    /// "Maria", "M. Olsen").
    pub fn scrub(&self, text: &str, known: &[&str]) -> Scrubbed {
        let known = self.build_known(known);
        let mut counts = [0u32; 11];
        let mut cur: Option<String> = None;
        for _ in 0..MAX_PASSES {
            let input: &str = cur.as_deref().unwrap_or(text);
            match self.pass(input, &known, &mut counts) {
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

    /// The byte ranges of `text` that `scrub` replaces, with their kinds, for measuring recall
    /// (`eval`). All passes are run, as `scrub` does; spans of later passes are mapped back to the input.
    fn spans_for_eval(&self, text: &str, known: &[&str]) -> Vec<(usize, usize, Placeholder)> {
        let k = self.build_known(known);
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
            let spans = self.detect(&cur, &k);
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

    fn classify_known(&self, v: &str) -> Placeholder {
        use Placeholder::*;
        let digits = v.bytes().filter(u8::is_ascii_digit).count();
        let letters = v.chars().filter(|c| c.is_alphabetic()).count();
        let lower = v.to_lowercase();
        if v.contains('@') {
            return Email;
        }
        if lower.starts_with("http") || lower.starts_with("www.") || v.contains("://") {
            return Url;
        }
        if digits > 0 && self.ip_full.is_match(v) && v.contains(['.', ':']) && v.matches(['.', ':']).count() >= 3 {
            return Ip;
        }
        for &i in &self.date_full {
            if let Some(m) = self.rxs[i].re.find(v) {
                if m.start() == 0 && m.end() == v.len() {
                    return Date;
                }
            }
        }
        if digits >= 5 && letters <= 4 {
            let t = v.trim_start();
            return if t.starts_with('+') || t.starts_with('0') || t.starts_with('(') { Phone } else { Id };
        }
        if digits > 0 && v.chars().count() <= 8 && v.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '-') {
            return Postcode;
        }
        if digits > 0 {
            return Address;
        }
        let facility = ["hospital", "clinic", "centre", "center", "university", "institute", "medical", "health",
            "trust", "foundation", "department", "practice", "surgery", "infirmary", "klinik", "sykehus"];
        if facility.iter().any(|f| lower.contains(f)) {
            return Place;
        }
        if !lower.contains(' ') && self.lex.get(&lower) & (CITY | AMB_CITY) != 0 && self.lex.get(&lower) & ANY_NAME == 0 {
            return Place;
        }
        Name
    }

    fn build_known(&self, known: &[&str]) -> Known {
        let mut pats: Vec<String> = Vec::new();
        let mut kinds: Vec<Placeholder> = Vec::new();
        let mut parts: Vec<String> = Vec::new();
        let mut digits: Vec<(String, Placeholder)> = Vec::new();
        let push = |p: String, k: Placeholder, pats: &mut Vec<String>, kinds: &mut Vec<Placeholder>| {
            if p.chars().count() >= 2 && !pats.contains(&p) {
                pats.push(p);
                kinds.push(k);
            }
        };
        for raw in known {
            let v = raw.trim();
            if v.chars().count() < 2 || v.len() > 300 {
                continue;
            }
            let kind = self.classify_known(v);
            for variant in [v.to_owned(), v.to_lowercase(), v.to_uppercase()] {
                push(variant, kind, &mut pats, &mut kinds);
            }
            let ds: String = v.chars().filter(|c| c.is_ascii_digit()).collect();
            if ds.len() >= 5 && matches!(kind, Placeholder::Phone | Placeholder::Id | Placeholder::Date) {
                digits.push((ds, kind));
            }
            match kind {
                Placeholder::Name | Placeholder::Place => {
                    if kind == Placeholder::Name {
                        for w in v.split(|c: char| c.is_whitespace() || c == ',' || c == '.' || c == ';') {
                            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                            if w.chars().count() < 2 {
                                continue;
                            }
                            let lw = w.to_lowercase();
                            let f = self.lex.get(&lw);
                            if f & (TITLE | STOP) != 0 && f & ANY_NAME == 0 {
                                continue;
                            }
                            if matches!(lw.as_str(), "de" | "da" | "di" | "du" | "la" | "le" | "van" | "von" | "der" | "den" | "del" | "dos" | "das" | "bin" | "al" | "el") {
                                continue;
                            }
                            if f & (ENGLISH | CLINICAL) != 0 && f & ANY_NAME == 0 {
                                continue;
                            }
                            if !parts.contains(&lw) {
                                parts.push(lw);
                            }
                        }
                    }
                }
                Placeholder::Address => {
                    // the street without its number: "11 Via Roma" -> "Via Roma"
                    let rest = v.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == ',');
                    let rest = rest.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == ',');
                    if rest.split_whitespace().count() >= 2 || rest.chars().count() >= 6 {
                        for variant in [rest.to_owned(), rest.to_lowercase(), rest.to_uppercase()] {
                            push(variant, kind, &mut pats, &mut kinds);
                        }
                    }
                }
                Placeholder::Email => {
                    // the local part on its own ("lars.wang1")
                    if let Some((local, _)) = v.split_once('@') {
                        if local.chars().count() >= 4 {
                            for variant in [local.to_owned(), local.to_lowercase()] {
                                push(variant, kind, &mut pats, &mut kinds);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        let ac = if pats.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(&pats)
                .ok()
        };
        Known { ac, kinds, parts, digits }
    }

    /// One scrubbing pass. Returns the new text, or `None` if nothing was found.
    fn pass(&self, text: &str, known: &Known, counts: &mut [u32; 11]) -> Option<String> {
        let spans = self.detect(text, known);
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
    fn detect(&self, text: &str, known: &Known) -> Vec<Span> {
        // Some exports write the Greek capital delta as the maths sign U+2206 ("ΧΑΝ∆ΡΙΑ"), which
        // would split the word; detection reads it as a Greek capital letter of the same UTF-8
        // length, so every byte offset still points into `text`.
        if text.contains('\u{2206}') {
            let mut norm = String::with_capacity(text.len());
            let mut prev = ' ';
            for c in text.chars() {
                // same case as the letter before, so the text's case mode does not change
                norm.push(match c {
                    '\u{2206}' if prev.is_lowercase() => '\u{1F00}',
                    '\u{2206}' => '\u{1F08}',
                    c => c,
                });
                prev = c;
            }
            debug_assert_eq!(norm.len(), text.len());
            return self.detect_in(&norm, known);
        }
        self.detect_in(text, known)
    }

    fn detect_in(&self, text: &str, known: &Known) -> Vec<Span> {
        let mut spans: Vec<Span> = Vec::new();
        // 1. protected placeholders
        let prot: Vec<(usize, usize)> = self.placeholders.find_iter(text).map(|m| (m.start(), m.end())).collect();

        // 2. known values
        if let Some(ac) = &known.ac {
            for m in ac.find_iter(text) {
                let (s, e) = (m.start(), m.end());
                if word_boundary_ok(text, s, e) {
                    spans.push(Span { s, e, kind: known.kinds[m.pattern().as_usize()] });
                }
            }
        }
        if !known.digits.is_empty() {
            known_digit_runs(text, &known.digits, &mut spans);
        }

        // 3. regex detectors
        let (caps_mode, lower_mode) = text_modes(text, &prot);
        // the combined scan pays off when the lazy DFA can run (ASCII text); otherwise run each
        let hits = if text.is_ascii() { Some(self.set.matches(text)) } else { None };
        for rx in self.rxs.iter() {
            if let (Some(h), Some(si)) = (hits.as_ref(), rx.set_idx) {
                if !h.matched(si) {
                    continue;
                }
            }
            if let Some(n) = rx.needs {
                if !text.contains(n) {
                    continue;
                }
            }
            if rx.group == 0 {
                for m in rx.re.find_iter(text) {
                    self.check_and_push(text, rx, m.start(), m.end(), caps_mode, &mut spans);
                }
            } else {
                for c in rx.re.captures_iter(text) {
                    if let Some(g) = c.get(rx.group) {
                        if g.start() < g.end() {
                            self.check_and_push(text, rx, g.start(), g.end(), caps_mode, &mut spans);
                        }
                    }
                }
            }
        }

        // 4. word tokens: names and places
        self.word_rules(text, known, &prot, caps_mode, lower_mode, &mut spans);

        // 4b. street addresses take their house number before and their town / region /
        // postcode after them
        self.extend_addresses(text, caps_mode, &mut spans);

        // 5. merge
        finish_spans(text, spans, &prot)
    }

    fn check_and_push(&self, text: &str, rx: &Rx, s: usize, e: usize, caps_mode: bool, spans: &mut Vec<Span>) {
        let m = &text[s..e];
        let mut kind = rx.kind;
        let (mut s, mut e) = (s, e);
        let ok = match rx.check {
            Check::None => true,
            Check::Phone => {
                let n = count_digits(m);
                (7..=15).contains(&n)
            }
            Check::DigitGroups => {
                let n = count_digits(m);
                if n < 6 {
                    false
                } else if is_year_range(m) || is_decimal_list(m) {
                    false
                } else {
                    let ssn = m.len() == 11 && m.as_bytes()[3] == b'-' && m.as_bytes()[6] == b'-';
                    if n >= 7 && !ssn && (m.starts_with('0') || n >= 9 && n <= 12) {
                        kind = Placeholder::Phone;
                    } else {
                        kind = Placeholder::Id;
                    }
                    true
                }
            }
            Check::DigitRun => {
                if m.starts_with('0') && (10..=12).contains(&m.len()) {
                    kind = Placeholder::Phone;
                }
                // a decimal part ("123456.5") or a thousands group is still a number; keep dates out
                true
            }
            Check::Mixed => {
                let n = count_digits(m);
                let l = m.chars().filter(|c| c.is_alphabetic()).count();
                m.len() >= 6 && n >= 4 && l >= 1 && !self.is_clinical(m)
            }
            Check::Coded => {
                let prefix: String = m.chars().take_while(|c| c.is_alphabetic()).collect();
                let lp = prefix.to_lowercase();
                !self.is_clinical(m) && (self.lex.get(&lp) & (CLINICAL | ENGLISH) == 0 || prefix.len() <= 1 || lp == "no" || lp == "id")
            }
            Check::KeywordId => count_digits(m) >= 4,
            Check::HasDigit => count_digits(m) >= 1,
            Check::NlPostcode => {
                let letters = &m[m.len() - 2..];
                !matches!(
                    letters,
                    "IU" | "MG" | "ML" | "KG" | "UL" | "MU" | "MM" | "CM" | "GY" | "MS" | "HZ" | "UI" | "PM" | "AM" | "AD" | "BC"
                        | "IN" | "ON" | "AT" | "TO" | "OF" | "OR" | "AN" | "AS" | "BY" | "IS" | "IT" | "NO" | "SO" | "UP" | "WE"
                        | "HE" | "ME" | "MY" | "BE" | "DO" | "GO" | "IF" | "US" | "PT" | "ED" | "GP" | "DR" | "MR" | "HR" | "BP"
                        | "IV" | "IM" | "SC" | "PO" | "OD" | "BD" | "QD" | "TD" | "ST" | "ND" | "RD" | "TH" | "CE" | "BCE"
                )
            }
            Check::Url => {
                let t = m.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'', '"']);
                e = s + t.len();
                t.len() >= 4
            }
            Check::Ip6 => {
                let groups = m.split(':').filter(|g| !g.is_empty()).count();
                m.contains("::") && groups >= 2 || groups >= 5 || (groups >= 4 && m.chars().any(|c| c.is_ascii_alphabetic()))
            }
            Check::Compound => {
                // the compound street word must not be an ordinary word ("During 3", "Spring 2021")
                let word = m.split_whitespace().find(|w| w.chars().next().is_some_and(char::is_alphabetic)).unwrap_or("");
                let lw = word.to_lowercase();
                let f = self.lex.get(&lw);
                let has_num = m.bytes().any(|b| b.is_ascii_digit());
                has_num && f & (ENGLISH | CLINICAL | MONTH | COUNTRY) == 0
            }
            Check::UnknownWords => {
                if preceded_by_decimal(text, s) {
                    false
                } else {
                    let words = m.split_whitespace().skip(1);
                    let mut all_unknown = true;
                    let mut cnt = 0;
                    for w in words {
                        cnt += 1;
                        let lw = w.to_lowercase();
                        let f = self.lex.get(&lw);
                        let short_caps = !caps_mode && w.chars().all(|c| !c.is_lowercase()) && w.chars().count() <= 4;
                        if f & (ENGLISH | CLINICAL | MONTH | COUNTRY | TITLE | RELATION | STOP) != 0 || short_caps {
                            all_unknown = false;
                            break;
                        }
                    }
                    all_unknown && cnt >= 2
                }
            }
            Check::WordNumber => {
                let word = m.split_whitespace().next().unwrap_or("");
                let lw = word.to_lowercase();
                let f = self.lex.get(&lw);
                let short_caps = word.chars().all(|c| !c.is_lowercase()) && word.chars().count() <= 5;
                if f != 0 || short_caps || word.chars().count() < 4 || word.contains('-') {
                    false
                } else {
                    let after = &text[e..];
                    !followed_by_unit_or_decimal(after)
                }
            }
            Check::Facility => {
                // drop leading stop words ("The", "Dermatology", "University" ...)
                let mut start = s;
                let mut rest = m;
                loop {
                    let w_end = rest.find([' ', '\t']).unwrap_or(rest.len());
                    let w = &rest[..w_end];
                    let lw = w.to_lowercase();
                    let f = self.lex.get(&lw);
                    if w_end < rest.len() && (f & (STOP | CLINICAL | TITLE | RELATION | MONTH | COUNTRY) != 0) {
                        let skip = rest[w_end..].len() - rest[w_end..].trim_start().len();
                        start += w_end + skip;
                        rest = &rest[w_end + skip..];
                    } else {
                        break;
                    }
                }
                let first = rest.split_whitespace().next().unwrap_or("");
                let lf = first.to_lowercase();
                let f = self.lex.get(&lf);
                s = start;
                // something other than the facility word itself must remain
                rest.split_whitespace().count() >= 2 && f & (STOP | CLINICAL) == 0
            }
            Check::NamedWard => {
                let w = m.split_whitespace().next().unwrap_or("");
                let f = self.lex.get(&w.to_lowercase());
                f & (ENGLISH | CLINICAL | STOP) == 0 || f & (ANY_NAME | CITY) != 0
            }
            Check::ContextPlace => {
                let w = m.split_whitespace().next().unwrap_or("");
                let f = self.lex.get(&w.to_lowercase());
                let short_caps = !caps_mode && w.chars().all(|c| !c.is_lowercase()) && w.chars().count() <= 4;
                if f & (CLINICAL | MONTH | COUNTRY | TITLE | RELATION | STOP) != 0 || short_caps || self.country_at(&text[s..]).is_some() {
                    false
                } else {
                    f & ENGLISH == 0 || f & (CITY | AMB_CITY) != 0
                }
            }
            Check::Saint => {
                let after = text[e..].trim_start().to_lowercase();
                !after.starts_with("wort") && !m.to_lowercase().ends_with("wort")
            }
            Check::StreetSuffix => {
                // the last word that is a street-type word ends the address
                let mut end = None;
                for (k, w) in m.split([' ', '\t']).filter(|w| !w.is_empty()).enumerate() {
                    if k >= 2 && STREET_SUFFIXES.contains(&w.to_lowercase().as_str()) {
                        let off = w.as_ptr() as usize - m.as_ptr() as usize;
                        end = Some(s + off + w.len());
                    }
                }
                match end {
                    Some(x) => {
                        e = x;
                        true
                    }
                    None => false,
                }
            }
            Check::Corner => {
                let first = m.split_whitespace().next().unwrap_or("");
                // a dot only after an abbreviation of the first street ("Road St. and"), not a
                // sentence end
                let one_sentence = m.trim_end_matches('.').match_indices(". ").all(|(i, _)| m[i + 2..].to_lowercase().starts_with("and "));
                one_sentence && (m.bytes().any(|b| b.is_ascii_digit()) || first.chars().next().is_some_and(char::is_uppercase) && self.lex.get(&first.to_lowercase()) & (CLINICAL | STOP) == 0)
            }
            Check::NumWordNum => {
                let word = m.split_whitespace().nth(1).unwrap_or("");
                let lw = word.to_lowercase();
                let f = self.lex.get(&lw);
                let short_caps = word.chars().all(|c| !c.is_lowercase()) && word.chars().count() <= 5;
                !preceded_by_decimal(text, s)
                    && f & (ENGLISH | CLINICAL | MONTH | STOP | TITLE | RELATION | COUNTRY) == 0
                    && !short_caps
                    && word.chars().count() >= 3
                    && !looks_medical(&lw)
                    && !followed_by_unit_or_decimal(&text[e..])
            }
            Check::HouseNumber => !self.counts_something(text, s),
            Check::TailPostcode => {
                let year = m.len() == 4 && (m.starts_with("19") || m.starts_with("20"));
                !(year && text[..s].trim_end_matches([' ', '\t']).ends_with("[PLACE]"))
            }
            Check::CountryPostcode => {
                let v = &text[s..e];
                let year = v.len() == 4 && (v.starts_with("19") || v.starts_with("20"));
                !year && !followed_by_unit_or_decimal(&text[e..]) && (text[..s].trim_end().ends_with(']') || self.country_ends_at(&text[..s]))
            }
            Check::BareStreet => {
                let word = m.split_whitespace().next().unwrap_or("");
                let lw = word.to_lowercase();
                let f = self.lex.get(&lw);
                f & (CLINICAL | MONTH | TITLE | RELATION) == 0
                    && !matches!(lw.as_str(), "the" | "a" | "an" | "this" | "that" | "our" | "his" | "her" | "their" | "my" | "your" | "same" | "local" | "next" | "each" | "every" | "any" | "one" | "no" | "on" | "in" | "at" | "of" | "from" | "to" | "and" | "or")
            }
            Check::TailPlace => {
                // keep only capitalised words that are not ordinary words / countries
                let mut any = false;
                for w in m.split(|c: char| c.is_whitespace() || c == ',') {
                    if w.is_empty() || w.starts_with('[') {
                        continue;
                    }
                    let f = self.lex.get(&w.trim_end_matches('.').to_lowercase());
                    if f & (ENGLISH | CLINICAL | MONTH | COUNTRY | STOP) != 0 && f & (CITY | ANY_NAME) == 0 {
                        return;
                    }
                    any = true;
                }
                any
            }
        };
        if ok && s < e {
            spans.push(Span { s, e, kind });
        }
    }

    /// Street addresses grow to their house number before them ("6750 [Koskikatu 25]",
    /// "9383 [ul. Chrzanowska 61]") and to what directly follows them on the same or the next
    /// lines: apartment parts, town, region code, postcode. A country name is passed over and
    /// kept, a postcode after it is taken.
    fn extend_addresses(&self, text: &str, caps_mode: bool, spans: &mut Vec<Span>) {
        let mut extra: Vec<Span> = Vec::new();
        for sp in spans.iter_mut() {
            if sp.kind != Placeholder::Address {
                continue;
            }
            sp.s = address_head(text, sp.s);
            let (e, post) = self.address_tail(text, sp.e, caps_mode);
            sp.e = e;
            if let Some(p) = post {
                extra.push(p);
            }
        }
        spans.extend(extra);
        // "704 1436 Redbud Drive": two digit groups read as an ID whose second group is the
        // house number of a street found here: the whole run is the address
        let addrs: Vec<(usize, usize)> = spans.iter().filter(|sp| sp.kind == Placeholder::Address).map(|sp| (sp.s, sp.e)).collect();
        if addrs.is_empty() {
            return;
        }
        let starts: Vec<usize> = addrs.iter().map(|a| a.0).collect();
        for sp in spans.iter_mut() {
            if sp.kind != Placeholder::Id {
                continue;
            }
            // a region code + postcode read as a code ("OV 21072") inside an address tail
            if addrs.iter().any(|&(s, e)| s <= sp.s && sp.e <= e) {
                sp.kind = Placeholder::Address;
                continue;
            }
            let m = &text[sp.s..sp.e];
            let g1 = m.bytes().take_while(u8::is_ascii_digit).count();
            let ws = m[g1..].bytes().take_while(|&b| b == b' ' || b == b'\t').count();
            let g2 = &m[g1 + ws..];
            if (1..=5).contains(&g1) && ws == 1 && (1..=5).contains(&g2.len()) && g2.bytes().all(|b| b.is_ascii_digit()) && starts.contains(&(sp.s + g1 + ws)) {
                if self.counts_something(text, sp.s) {
                    // "week 16 10 Elm Street": the first number belongs to the word before it
                    sp.s += g1 + ws;
                }
                sp.kind = Placeholder::Address;
            }
        }
    }

    /// The word before `s` is one that a number counts or scores ("week 16", "PASI 12", "dose 2").
    fn counts_something(&self, text: &str, s: usize) -> bool {
        let w = last_word(text[..s].trim_end_matches([' ', '\t']), char::is_alphanumeric).to_lowercase();
        const COUNTED: &[&str] = &[
            "week", "weeks", "wk", "wks", "day", "days", "month", "months", "year", "years", "hour", "hours", "dose", "doses",
            "grade", "stage", "visit", "cycle", "score", "age", "aged", "line", "page", "step", "level", "number", "no", "cm",
            "mm", "mg", "x",
        ];
        !w.is_empty() && (COUNTED.contains(&w.as_str()) || self.lex.get(&w) & CLINICAL != 0)
    }

    /// Length of a country name at the start of `rest` (one word from the lexicon or a
    /// multi-word name), followed by a non-letter.
    fn country_at(&self, rest: &str) -> Option<usize> {
        let w_end = rest.find(|c: char| !(c.is_alphabetic() || c == '-' || c == '\'')).unwrap_or(rest.len());
        if w_end == 0 {
            return None;
        }
        let w = &rest[..w_end];
        // lower-case ("hungary") only for all-lower-case words that are not also ordinary words
        let lower = w.chars().all(char::is_lowercase);
        if !lower && !w.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let f = self.lex.get(&w.to_lowercase());
        if f & COUNTRY != 0 && (!lower || f & ENGLISH == 0) {
            return Some(w_end);
        }
        let head: String = rest.chars().take(48).collect::<String>().to_lowercase();
        for c in &self.lex.multi_countries {
            if head.starts_with(c) && !head[c.len()..].chars().next().is_some_and(char::is_alphabetic) {
                // lower-casing kept the byte length for these ASCII names
                if rest.is_char_boundary(c.len()) && rest[..c.len()].eq_ignore_ascii_case(c) {
                    return Some(c.len());
                }
            }
        }
        None
    }

    /// `before` ends with a country name (any case), then blanks / a comma / "(Greek)"
    fn country_ends_at(&self, before: &str) -> bool {
        let mut b = before.trim_end_matches([' ', '\t', ',']);
        if b.ends_with(')') {
            match b.rfind('(') {
                Some(i) if b.len() - i <= 16 => b = b[..i].trim_end_matches([' ', '\t']),
                _ => return false,
            }
        }
        let w = last_word(b, |c| c.is_alphabetic() || c == '-' || c == '\'');
        if w.is_empty() {
            return false;
        }
        let lw = w.to_lowercase();
        if self.lex.get(&lw) & COUNTRY != 0 {
            return true;
        }
        let tail_start = b.len().saturating_sub(40);
        let tail_start = (tail_start..=b.len()).find(|&i| b.is_char_boundary(i)).unwrap_or(b.len());
        let tail = b[tail_start..].to_lowercase();
        self.lex.multi_countries.iter().any(|c| {
            tail.ends_with(c) && !tail[..tail.len() - c.len()].chars().next_back().is_some_and(char::is_alphabetic)
        })
    }

    /// End of up to four place words from `p` that a comma and a country follow on the same
    /// line ("sé, portugal", "Chomutice u Horic v Podkrkonoší, Czech Republic"): whatever sits
    /// between an address and its country is the town.
    fn words_before_country(&self, text: &str, p: usize) -> Option<usize> {
        let mut q = p;
        for _ in 0..4 {
            let rest = &text[q..];
            let w_len = rest.find(|c: char| !(c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))).unwrap_or(rest.len());
            if w_len == 0 {
                return None;
            }
            let w = &rest[..w_len];
            let f = self.lex.get(&w.to_lowercase());
            if self.country_at(rest).is_some() || f & (STOP | CLINICAL | MONTH | TITLE | RELATION) != 0 || f & ENGLISH != 0 && f & (CITY | ANY_NAME) == 0 && !TOWN_PARTICLES.contains(&w) {
                return None;
            }
            q += w_len;
            let after = &text[q..];
            let t = after.trim_start_matches([' ', '\t']);
            if let Some(c) = t.strip_prefix(',') {
                let c = c.trim_start_matches([' ', '\t']);
                return self.country_at(c).is_some().then_some(q);
            }
            if t.len() == after.len() || t.len() + 2 < after.len() {
                return None;
            }
            q += after.len() - t.len();
        }
        None
    }

    fn postcode_at(&self, text: &str, p: usize) -> Option<usize> {
        let m = self.tail_postcode.find(&text[p..])?;
        let e = p + m.end();
        // a number followed by a unit, decimal or more digits is not a postcode
        if followed_by_unit_or_decimal(&text[e..]) || text[e..].starts_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        Some(e)
    }

    /// Capitalised place words from `p` on one line (up to 4, single spaces between). Returns the
    /// end and whether some word is clearly a place or name (not an ordinary English word).
    fn tail_words(&self, text: &str, p: usize, caps_mode: bool) -> Option<(usize, bool)> {
        let mut q = p;
        let mut end = p;
        let mut strong = false;
        let mut words = 0;
        let lower_text = !caps_mode && !text.chars().any(char::is_uppercase);
        let mut lower_town = false;
        loop {
            let rest = &text[q..];
            let w_len = rest
                .char_indices()
                .find(|&(i, c)| !(c.is_alphanumeric() || (matches!(c, '\'' | '’' | '-') && i > 0)))
                .map_or(rest.len(), |(i, _)| i);
            if w_len == 0 {
                break;
            }
            let w = &rest[..w_len];
            let first = w.chars().next().unwrap_or(' ');
            if first.is_numeric() || self.country_at(rest).is_some() {
                break;
            }
            let lw = w.to_lowercase();
            let key = without_clitic(&lw);
            let f = self.lex.get(key);
            let upper = first.is_uppercase();
            let short_caps = w.chars().count() <= 3 && (w.chars().all(|c| !c.is_lowercase()) || lower_text);
            let plain = f & (ENGLISH | CLINICAL | STOP) == 0;
            // lower-case town right after an address ("suite 112 calgary alberta") even in a
            // text with capitals; in an all-lower-case text any word that is not an ordinary one
            let lower_ok = (lower_text || lower_town) && (f & (CITY | AMB_CITY) != 0 || plain) || words == 0 && f & CITY != 0 && plain;
            lower_town |= !upper && lower_ok;
            // a particle inside a town's or street's name: "Caxias do Sul", "Velká Bukovina u
            // Decína", "van Gijn Summit"
            if !upper && (words > 0 || w.len() >= 2) && TOWN_PARTICLES.contains(&w) {
                let after = &text[q + w_len..];
                if after.starts_with(' ') && after[1..].starts_with(|c: char| c.is_uppercase() || (lower_text && c.is_alphabetic())) {
                    q += w_len + 1;
                    continue;
                }
            }
            if !upper && !lower_ok && !(short_caps && words == 0) {
                if words > 0 && !strong {
                    return None; // a sentence, not a town
                }
                break;
            }
            if short_caps {
                // a region code after the town, at the end of the address: "OULU NO.", "Sindi PR,"
                if words > 0 && w.len() == 2 && w.bytes().all(|b| b.is_ascii_uppercase()) {
                    let e = q + w_len;
                    if text[e..].trim_start_matches([' ', '\t']).chars().next().is_none_or(|c| matches!(c, '.' | ',' | ';' | '\n' | '\r' | ')')) {
                        end = e;
                    }
                    break;
                }
                // a region code ("CO", "NI") only before a postcode or a country
                if words == 0 {
                    let e = q + w_len;
                    let mut r = e;
                    while r < text.len() && matches!(text.as_bytes()[r], b' ' | b'\t' | b'\r' | b'\n' | b',') {
                        r += 1;
                    }
                    if r > e && (self.postcode_at(text, r).is_some() || self.country_at(&text[r..]).is_some()) {
                        return Some((e, true));
                    }
                }
                break;
            }
            if f & (CLINICAL | MONTH | TITLE | RELATION) != 0 || f & CITY == 0 && (f & STOP != 0 || looks_medical(key)) {
                if words > 0 && !strong {
                    return None;
                }
                break;
            }
            if f & (CITY | AMB_CITY) != 0 || f & ENGLISH == 0 {
                strong = true;
            }
            words += 1;
            end = q + w_len;
            q = end;
            // next word: one or two spaces on the same line
            let after = &text[q..];
            let sp = after.len() - after.trim_start_matches([' ', '\t']).len();
            if !(1..=2).contains(&sp) || words >= 4 {
                break;
            }
            q += sp;
        }
        if words == 0 {
            return None;
        }
        Some((end, strong))
    }

    fn address_tail(&self, text: &str, e0: usize, caps_mode: bool) -> (usize, Option<Span>) {
        let b = text.as_bytes();
        let mut e = e0;
        // "u. 15." / "Str." : the dot right after belongs to the address
        if e < b.len() && b[e] == b'.' && e > 0 && b[e - 1].is_ascii_alphanumeric() {
            e += 1;
        }
        // a postcode in two groups read as a house number and a rest: "ÖVERTURINGEN 840 24"
        let three = e >= 4 && b[e - 4] == b' ' && b[e - 3..e].iter().all(u8::is_ascii_digit);
        if three && b.len() >= e + 3 && b[e] == b' ' && b[e + 1..e + 3].iter().all(u8::is_ascii_digit) && !text[e + 3..].starts_with(|c: char| c.is_alphanumeric()) && !followed_by_unit_or_decimal(&text[e + 3..]) {
            e += 3;
        }
        let mut post = None;
        for _ in 0..8 {
            let mut p = e;
            let mut lines = 0;
            while p < b.len() {
                match b[p] {
                    b' ' | b'\t' | b'\r' | b',' | b'>' => p += 1,
                    b'\n' => {
                        lines += 1;
                        p += 1
                    }
                    _ => break,
                }
            }
            if p == e || p >= b.len() || lines > 1 {
                break;
            }
            if let Some(cl) = self.country_at(&text[p..]) {
                let mut q = p + cl;
                // "Cyprus (Greek) 51034"
                let rest = &text[q..];
                let t = rest.trim_start_matches([' ', '\t']);
                if t.starts_with('(') {
                    if let Some(close) = t.find(')') {
                        if close < 20 {
                            q += rest.len() - t.len() + close + 1;
                        }
                    }
                }
                let rest = &text[q..];
                let t = rest.trim_start_matches([' ', '\t', ',', '\n']);
                let r = q + rest.len() - t.len();
                if r > q {
                    if let Some(pe) = self.postcode_at(text, r) {
                        post = Some(Span { s: r, e: pe, kind: Placeholder::Postcode });
                    }
                }
                break;
            }
            if let Some(pe) = self.postcode_at(text, p) {
                e = pe;
                continue;
            }
            // a district number before the postcode: ", 32\n 60810"
            let d = text[p..].bytes().take_while(u8::is_ascii_digit).count();
            if (1..=2).contains(&d) {
                let mut r = p + d;
                while r < b.len() && matches!(b[r], b' ' | b'\t' | b'\r' | b'\n' | b',') {
                    r += 1;
                }
                if let Some(pe) = (r > p + d).then(|| self.postcode_at(text, r)).flatten() {
                    e = pe;
                    continue;
                }
            }
            if let Some(we) = self.words_before_country(text, p) {
                e = we;
                continue;
            }
            if let Some(m) = self.tail_unit.find(&text[p..]) {
                e = p + m.end();
                continue;
            }
            if text[p..].starts_with("nan") && !text[p + 3..].starts_with(|c: char| c.is_alphanumeric()) {
                // an empty field in exported data, between the town and the postcode
                let mut r = p + 3;
                while r < b.len() && matches!(b[r], b' ' | b'\t' | b'\r' | b'\n' | b',') {
                    r += 1;
                }
                if let Some(pe) = self.postcode_at(text, r) {
                    e = pe;
                    continue;
                }
                break;
            }
            // a parenthesised town alias: "(ΑΓΛΑΓΓΙΑ)"
            let (wp, paren) = if b[p] == b'(' { (p + 1, true) } else { (p, false) };
            match self.tail_words(text, wp, caps_mode) {
                Some((we, strong)) => {
                    let we = if paren && text[we..].starts_with(')') { we + 1 } else { we };
                    if strong {
                        e = we;
                        continue;
                    }
                    // ordinary words ("West Brook", "LOW STREET"): only when a postcode, a
                    // region code or a country comes next
                    let mut r = we;
                    while r < b.len() && matches!(b[r], b' ' | b'\t' | b'\r' | b'\n' | b',') {
                        r += 1;
                    }
                    if r > we && r < b.len() && (self.postcode_at(text, r).is_some() || self.country_at(&text[r..]).is_some()) {
                        e = we;
                        continue;
                    }
                    break;
                }
                None => break,
            }
        }
        (e, post)
    }

    fn is_clinical(&self, w: &str) -> bool {
        let lw = w.to_lowercase();
        self.lex.get(&lw) & CLINICAL != 0
    }

    fn word_rules(&self, text: &str, known: &Known, prot: &[(usize, usize)], caps_mode: bool, lower_mode: bool, spans: &mut Vec<Span>) {
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
            let w = &text[t.s..t.e];
            buf.clear();
            for c in w.chars() {
                buf.extend(c.to_lowercase());
            }
            let key = without_clitic(&buf);
            let mut f = self.lex.get(key);
            if f == 0 && key.contains('-') {
                let mut all = ANY_NAME | CITY;
                let mut any_clin = false;
                for p in key.split('-') {
                    let pf = self.lex.get(p);
                    if pf & CLINICAL != 0 {
                        any_clin = true;
                    }
                    all &= pf;
                }
                f = if any_clin { CLINICAL } else { all & (ANY_NAME | CITY) };
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
            if !known.parts.is_empty() && known.parts.iter().any(|p| p == key || p == &buf) {
                f |= KNOWN;
            }
            t.f = f;
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
        if lower_mode {
            for t in toks.iter_mut() {
                t.linit = !t.prot && t.letters == 1 && t.lower && !t.digit && t.e - t.s == 1;
            }
        }
        let mut name = vec![false; n];
        let capish = |t: &Tok| -> bool {
            if t.digit || t.prot {
                return false;
            }
            if caps_mode {
                return t.letters >= 1;
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
            } else if p.f & RELATION != 0 && matches!(gap, " " | ": " | ", " | "  " | "\t" | " - ") {
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
            if f & CLINICAL != 0 || t.letters < 2 && !t.initial {
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
            // an unknown capitalised word (in no list: not English, clinical, name, place) that does
            // not look like a medical term is most likely a proper noun
            if f == 0 && !caps_mode && t.cap && !t.allcaps && t.letters >= 3 {
                let lw = word(i).to_lowercase();
                if !looks_medical(&lw) && !lw.contains('-') {
                    name[i] = true;
                    continue;
                }
            }
            if f & NAME_ONLY != 0 && f & (MONTH | COUNTRY) == 0 && t.letters >= 2 {
                if capish(&t) || (lower_mode && f & ENGLISH == 0 && t.letters >= 3) {
                    name[i] = true;
                }
            }
        }

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
                && (capish(t) || lower_mode && t.lower && t.f & ENGLISH == 0 && !looks_medical(&word(k).to_lowercase()))
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

        // an all-lower-case text has no capitals to go by: a word in no list (not English, clinical,
        // a name or a place) that does not look medical is taken for a name ("frederikke"); typos
        // go too, which costs less than a name kept
        if lower_mode {
            let unknown = |k: usize| {
                let t = &toks[k];
                t.lower && t.f == 0 && t.letters >= 4 && !t.prot && !t.digit && !looks_medical(word(k))
            };
            for i in 0..n {
                if unknown(i) && word(i).chars().all(char::is_alphabetic) {
                    name[i] = true;
                }
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
                if t.f & CLINICAL != 0 && right && !caps_mode && t.cap && !t.allcaps && t.letters <= 3 && toks[i + 1].f & NAME_ONLY != 0 {
                    name[i] = true;
                    changed = true;
                    continue;
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
                if !left && !right && t.lower && i >= 1 && i + 1 < n && PARTICLES.iter().any(|p| word(i) == *p) {
                    // "Willemine ten Pas": capitalised word (not an ordinary one), particle, surname
                    let a = &toks[i - 1];
                    if capish(a) && a.f & (ENGLISH | CLINICAL | STOP | MONTH | TITLE | RELATION | COUNTRY) == 0 && a.letters >= 3
                        && joinable(text, a, &t) && joinable(text, &t, &toks[i + 1]) && capish(&toks[i + 1]) && surname_ok(i + 1)
                    {
                        name[i - 1] = true;
                        name[i] = true;
                        name[i + 1] = true;
                        changed = true;
                        continue;
                    }
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
                    let shape = capish(&t) || lower_mode && t.lower && both;
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
                    if (right && (dotted || txt != "I" && txt != "A")) || (left && (right || next_cap && txt != "I" && txt != "A")) {
                        name[i] = true;
                        changed = true;
                    }
                    continue;
                }
                if t.linit {
                    // "codey m ross", "benjamin a seiler", "leidy t muris", "bertram m. jørgensen"
                    let next_unknown = i + 1 < n && joinable(text, &t, &toks[i + 1]) && {
                        let u = &toks[i + 1];
                        u.lower && u.f == 0 && u.letters >= 3 && !looks_medical(word(i + 1))
                    };
                    if left && (right || next_unknown && !matches!(word(i), "a" | "i")) {
                        name[i] = true;
                        changed = true;
                    }
                    continue;
                }
                // after a name and an initial: "Jildau S Bouts", "Daniela C. Capon"
                if left && i >= 2 && (toks[i - 1].initial || toks[i - 1].linit) && name[i - 2] && joinable(text, &toks[i - 2], &toks[i - 1]) && !matches!(word(i - 1), "I" | "A" | "a" | "i") && surname_ok(i) {
                    name[i] = true;
                    changed = true;
                    continue;
                }
                // after a title and a given name: "Dr. Justin Beet"
                if left && ctx[i - 1] == 2 && toks[i - 1].f & (GIVEN | AMB_GIVEN) != 0 && capish(&t) && f & (CLINICAL | STOP | MONTH | TITLE | RELATION | COUNTRY) == 0 && t.letters >= 2 {
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
                if lower_mode && t.lower && f == 0 && t.letters >= 3 && !looks_medical(&text[t.s..t.e]) {
                    name[i] = true;
                    changed = true;
                    continue;
                }
                // lower-case ambiguous given name before a dictionary surname: "leone mazzi", "frank freud"
                if lower_mode && t.lower && right && f & AMB_GIVEN != 0 && f & (STOP | MONTH) == 0 && t.letters >= 3 && {
                    let u = &toks[i + 1];
                    u.f & NAME_ONLY != 0 && u.f & (ENGLISH | CLINICAL) == 0
                } {
                    name[i] = true;
                    changed = true;
                    continue;
                }
                if !capish(&t) || t.letters < 2 || f & STOP != 0 && f & ANY_NAME == 0 {
                    continue;
                }
                let amb_ok = (right && f & AMB_GIVEN != 0) || (left && f & (AMB_SURNAME | AMB_GIVEN) != 0);
                let unknown = f & (ENGLISH | MONTH | COUNTRY | AMB_CITY) == 0;
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
        // (in an all-lower-case text, lower-case ones too: "eric g. samoylova's ... early samoylova")
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
                let shape = capish(t) || lower_mode && t.lower && t.f & ENGLISH == 0;
                if !name[i] && shape && !t.initial && (t.f & ENGLISH == 0 || !sentence_start(i)) && full.contains(&lower_key(i)) {
                    name[i] = true;
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
            spans.push(Span { s, e, kind: Placeholder::Name });
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
            } else if f == 0 && weak && !caps_mode && t.allcaps && t.letters >= 5 && !looks_medical(&word(i).to_lowercase()) {
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

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

/// The run of `in_word` characters at the end of `s` (empty when `s` ends with another character).
fn last_word(s: &str, in_word: impl Fn(char) -> bool) -> &str {
    let start = s.rfind(|c: char| !in_word(c)).map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    &s[start..]
}

/// The word a lower-cased token stands for without its possessive or contraction: "olsen's" ->
/// "olsen", "i'll" -> "i", "don't" -> "do", "can't" -> "can", so "I'll" and "Don't" are not
/// unknown capitalised words (names).
fn without_clitic(lower: &str) -> &str {
    for suffix in ["n't", "n’t"] {
        if let Some(stem) = lower.strip_suffix(suffix) {
            return match stem {
                "ca" => "can",
                "wo" => "will",
                "sha" => "shall",
                "ai" => "is",
                _ => stem,
            };
        }
    }
    // ("i'm" stays whole: it is a relation word, "I'm Misty's daughter")
    for suffix in ["'s", "’s", "'ll", "’ll", "'re", "’re", "'ve", "’ve", "'d", "’d"] {
        if let Some(stem) = lower.strip_suffix(suffix) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    lower
}

/// Unknown words with a medical-looking ending are not taken for names ("Maculopapular",
/// "Erythematous", "Tralokinumab" before the allow-list knows it).
fn looks_medical(lower: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "itis", "osis", "oses", "oma", "omas", "emia", "aemia", "ous", "ular", "ary", "oid", "ism", "ectomy", "otomy",
        "plasty", "scopy", "graphy", "pathy", "algia", "rrhea", "rrhoea", "penia", "philia", "trophy", "plasia", "genic",
        "lytic", "tropic", "ase", "ases", "cyte", "cytes", "cytic", "mab", "nib", "cept", "vir", "pril", "sartan", "olol",
        "statin", "cillin", "mycin", "cycline", "floxacin", "azole", "sone", "olone", "ide", "ides", "amine", "form",
        "ema", "atic", "etic", "otic", "ical", "ular", "uric", "eal", "ial", "ine", "ines", "ium", "oxin", "lin", "tide",
        "sertib", "limus", "rolimus", "parin", "xaban", "gatran", "dipine", "tidine", "prazole", "ocaine", "triptan",
        "semide", "thiazide", "afil", "glitazone", "gliptin", "gliflozin", "uria", "emesis", "ectasia", "derma", "dermia",
        "phyma", "plakia", "ptosis", "stasis", "troph", "cele", "iasis", "ergic", "logy", "logist",
    ];
    SUFFIXES.iter().any(|s| lower.len() > s.len() + 2 && lower.ends_with(s))
}

/// A house / building number (or "ul.") right before a street that does not start with one.
fn address_head(text: &str, s: usize) -> usize {
    if text[s..].starts_with(|c: char| c.is_ascii_digit()) {
        // a second, 3-5 digit number before a numbered street: "903 83 Dora Creek"
        let b = text[..s].strip_suffix(' ').unwrap_or("");
        let n = b.bytes().rev().take_while(u8::is_ascii_digit).count();
        if (3..=5).contains(&n) && s - 1 == b.len() {
            let ns = b.len() - n;
            if !preceded_by_decimal(text, ns) && !text[..ns].ends_with(['-', '/', '+', '#']) {
                return ns;
            }
        }
        return s;
    }
    let before = &text[..s];
    let t = before.trim_end_matches([' ', '\t']);
    if t.len() == before.len() || before.len() - t.len() > 2 {
        return s;
    }
    let w = last_word(t, |c| c.is_alphanumeric() || c == '.' || c == '/');
    if w.is_empty() {
        return s;
    }
    let w_start = t.len() - w.len();
    if w.len() <= 6 && w.bytes().all(|c| c.is_ascii_digit()) {
        return w_start;
    }
    // Czech / Slovak / Dutch / German street names that open with a preposition or adjective:
    // "Pod Floriánem 1677", "Nad Vodovodem 12", "Oude Gracht 4"
    if matches!(w, "Pod" | "Nad" | "Pri" | "Hoge" | "Lage" | "Oude" | "Nieuwe" | "Grote" | "Kleine" | "Große" | "Alte" | "Neue") {
        return w_start;
    }
    if matches!(w, "ul." | "Ul." | "UL." | "C/" | "c/" | "Avda." | "avda.") {
        return address_head(text, w_start);
    }
    s
}

fn count_digits(s: &str) -> usize {
    s.bytes().filter(u8::is_ascii_digit).count()
}

/// (caps mode, lower-case mode) of a text, placeholders already in it left out: a note typed
/// in capitals (>= 70% of >= 12 letters upper-case), or one without any capital letter.
fn text_modes(text: &str, prot: &[(usize, usize)]) -> (bool, bool) {
    let mut letters = 0usize;
    let mut upper = 0usize;
    let mut last = 0;
    let mut count = |seg: &str| {
        for c in seg.chars() {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                }
            }
        }
    };
    for &(s, e) in prot {
        count(&text[last..s]);
        last = e;
    }
    count(&text[last..]);
    (letters >= 12 && upper * 10 >= letters * 7, upper == 0 && letters > 0)
}

fn is_year_range(m: &str) -> bool {
    let groups: Vec<&str> = m.split([' ', '-', '.']).filter(|g| !g.is_empty()).collect();
    groups.len() == 2
        && groups.iter().all(|g| g.len() == 4 && (g.starts_with("19") || g.starts_with("20")))
}

fn is_decimal_list(m: &str) -> bool {
    // "12.5 13.5" style lab values: every '.' separates a 1-2 digit fraction
    m.contains('.') && !m.contains('-') && m.split(' ').all(|g| g.split('.').count() == 2 && g.split('.').nth(1).is_some_and(|f| f.len() <= 2))
}

fn preceded_by_decimal(text: &str, s: usize) -> bool {
    let before = &text[..s];
    let mut it = before.chars().rev();
    match (it.next(), it.next()) {
        (Some('.'), Some(d)) | (Some(','), Some(d)) => d.is_ascii_digit(),
        (Some(c), _) => c.is_alphanumeric(),
        _ => false,
    }
}

fn followed_by_unit_or_decimal(after: &str) -> bool {
    let mut it = after.chars();
    match it.next() {
        Some('.') | Some(',') => {
            if it.next().is_some_and(|c| c.is_ascii_digit()) {
                return true;
            }
        }
        Some('%') | Some('/') | Some('x') | Some('×') => return true,
        _ => {}
    }
    let t = after.trim_start();
    let w: String = t.chars().take_while(|c| c.is_alphabetic() || *c == 'µ').collect::<String>().to_lowercase();
    matches!(
        w.as_str(),
        "mg" | "mcg" | "µg" | "ug" | "g" | "ml" | "l" | "iu" | "u" | "units" | "unit" | "mmol" | "kg" | "x" | "times" | "days"
            | "day" | "weeks" | "week" | "months" | "month" | "years" | "year" | "hours" | "hour" | "h" | "hrs" | "d" | "tabs"
            | "tablets" | "tablet" | "caps" | "capsules" | "puffs" | "doses" | "dose" | "mm" | "cm" | "percent" | "points"
            | "point" | "wk" | "wks" | "mo" | "yr" | "yrs" | "min" | "mins" | "minutes" | "sec" | "patients" | "cases"
            | "mg/kg" | "mg/l" | "mmhg" | "bpm" | "kpa" | "nmol" | "pmol" | "umol" | "µmol" | "ng" | "pg"
    )
}

/// Start and end of [s, e) must not cut through a word (when the match itself begins/ends with
/// a letter or digit).
fn word_boundary_ok(text: &str, s: usize, e: usize) -> bool {
    let m = &text[s..e];
    let first_alnum = m.chars().next().is_some_and(char::is_alphanumeric);
    let last_alnum = m.chars().next_back().is_some_and(char::is_alphanumeric);
    if first_alnum && text[..s].chars().next_back().is_some_and(char::is_alphanumeric) {
        return false;
    }
    if last_alnum && text[e..].chars().next().is_some_and(char::is_alphanumeric) {
        return false;
    }
    true
}

/// Runs of digits with separators whose digits contain one of the known digit sequences.
fn known_digit_runs(text: &str, seqs: &[(String, Placeholder)], spans: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut digits = String::new();
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        digits.clear();
        let mut j = i;
        let mut sep = 0;
        while j < bytes.len() {
            let b = bytes[j];
            if b.is_ascii_digit() {
                digits.push(b as char);
                j += 1;
                end = j;
                sep = 0;
            } else if matches!(b, b' ' | b'-' | b'.' | b'/' | b'(' | b')' | b'+') && sep < 2 {
                sep += 1;
                j += 1;
            } else {
                break;
            }
        }
        for (seq, kind) in seqs {
            if digits.contains(seq.as_str()) {
                spans.push(Span { s: start, e: end, kind: *kind });
                break;
            }
        }
        i = end.max(start + 1);
    }
}

fn tokenize(text: &str, toks: &mut Vec<Tok>) {
    toks.clear();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut t = Tok { s: i, e: i + c.len_utf8(), ..Tok::default() };
        let mut letters = 0u32;
        let mut upper = 0u32;
        let mut first = true;
        let mut account = |c: char, t: &mut Tok, first: &mut bool| {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                    if *first {
                        t.cap = true;
                    }
                }
            } else if c.is_numeric() {
                t.digit = true;
            }
            *first = false;
        };
        account(c, &mut t, &mut first);
        loop {
            match it.peek() {
                Some(&(j, d)) if d.is_alphanumeric() => {
                    account(d, &mut t, &mut first);
                    t.e = j + d.len_utf8();
                    it.next();
                }
                Some(&(j, d)) if d == '\'' || d == '’' || d == '-' => {
                    let after = &text[j + d.len_utf8()..];
                    if after.chars().next().is_some_and(char::is_alphanumeric) {
                        it.next();
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        t.letters = letters.min(u16::MAX as u32) as u16;
        t.allcaps = letters >= 2 && upper == letters;
        t.lower = letters > 0 && upper == 0;
        t.initial = letters == 1 && upper == 1 && t.e - t.s == c.len_utf8() && !t.digit;
        toks.push(t);
    }
}

/// Two name tokens belong to one name if only spaces (or an initial's dot) separate them.
fn joinable(text: &str, a: &Tok, b: &Tok) -> bool {
    let gap = &text[a.e..b.s];
    if gap.is_empty() || gap.len() > 3 {
        return false;
    }
    if gap.chars().all(|c| c == ' ' || c == '\t' || c == '\u{a0}') {
        return true;
    }
    (a.initial || a.linit) && matches!(gap, "." | ". " | ".  ")
}

/// One or two spaces or a tab: two words of one phrase.
fn gap_is_space(gap: &str) -> bool {
    matches!(gap, " " | "  " | "\t")
}

/// Cut protected placeholders out of every span, trim, merge overlaps, join adjacent names.
fn finish_spans(text: &str, mut spans: Vec<Span>, prot: &[(usize, usize)]) -> Vec<Span> {
    if !prot.is_empty() {
        let mut cut: Vec<Span> = Vec::with_capacity(spans.len());
        for sp in spans.drain(..) {
            let mut s = sp.s;
            for &(ps, pe) in prot {
                if pe <= s || ps >= sp.e {
                    continue;
                }
                if ps > s {
                    cut.push(Span { s, e: ps, kind: sp.kind });
                }
                s = s.max(pe);
            }
            if s < sp.e {
                cut.push(Span { s, e: sp.e, kind: sp.kind });
            }
        }
        spans = cut;
    }
    // trim whitespace and separators at the ends; drop spans without letters or digits
    spans.retain_mut(|sp| {
        let m = &text[sp.s..sp.e];
        let t = m.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
        sp.s += m.len() - t.len();
        let t2 = t.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
        sp.e = sp.s + t2.len();
        t2.chars().any(char::is_alphanumeric)
    });
    spans.sort_unstable_by(|a, b| a.s.cmp(&b.s).then(b.e.cmp(&a.e)));
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for sp in spans {
        if let Some(last) = out.last_mut() {
            if sp.s < last.e {
                last.e = last.e.max(sp.e);
                if sp.kind.priority() > last.kind.priority() {
                    last.kind = sp.kind;
                }
                continue;
            }
            if sp.kind == Placeholder::Name && last.kind == Placeholder::Name {
                let gap = &text[last.e..sp.s];
                if gap.len() <= 2 && gap.chars().all(|c| c == ' ' || c == '\t') {
                    last.e = sp.e;
                    continue;
                }
            }
        }
        out.push(sp);
    }
    out
}

#[doc(hidden)]
#[path = "text/eval.rs"]
pub mod eval;

#[cfg(test)]
#[path = "text/tests.rs"]
mod tests;
