//! The table of regular expressions: contacts, dates, ages, phones, identifiers, postcodes, street
//! addresses and places, each with the check (`Check`) that its matches must pass.
use super::*;


#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Check {
    None,
    /// a date's check (`dates.rs`)
    Date(dates::DateCheck),
    /// a phone number's check (`phones.rs`)
    Phone(phones::PhoneCheck),
    /// an identifier's check (`identifiers.rs`)
    Id(identifiers::IdCheck),
    /// a postcode's check (`postcodes.rs`)
    Postcode(postcodes::PostcodeCheck),
    /// URL: trim trailing punctuation
    Url,
    /// IPv6: needs a hex letter or "::" or >= 5 groups
    Ip6,
    /// four dotted numbers that are not part of a longer dotted number ("01.42.16.40.10" is a phone)
    Ip4,
    /// the match is not part of a longer run of numbers and separators ("08.12.10" in the phone
    /// "08.12.10.01.30" is no date)
    WholeNumber,
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
    /// the words before a place are all generic descriptions of a facility ("Children's", "General")
    GenericWords,
    /// a facility named with its town: the facility word is capitalised ("Children's Hospital of
    /// [PLACE]", not "spinal surgery at [PLACE]")
    NamedFacility,
    /// place after a strong context phrase
    ContextPlace,
    /// an age after its word: not an angle or a measure ("turned 90 degrees", "age 95%")
    Age,
    /// an age before its word: not the last group of a number ("0171 / 3 58 21 97 an die Station")
    AgeWord,
    /// house number and a street type of a pack: not a number with a unit before it
    PackStreet,
    /// a hospital's or clinic's name after the facility word: a capitalised word, not a clinical one
    FacilityName,
    /// a ward's or service's name after its word: one word of it is not an ordinary word
    WardName,
    /// place after at / from / near: one word of the run unknown to the lexicon, or a town; not a
    /// title, a relation word or a name only (those are the name rules')
    PrepositionPlace,
    /// town and US state: the town words are not all ordinary / clinical words
    TownState,
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
    /// a street's name and its house number, by a preposition ("Am Markt 3": `true`) or with its
    /// type apart ("Berliner Allee 5"): `addresses::named_street`
    NamedStreet(bool),
}

impl Check {
    /// Patterns on long word lists, or that begin at any word (a list of dating words, of record
    /// labels), run on their own (behind their gate): in the combined automaton they would make
    /// its cache thrash, or keep many of its states alive at every word.
    pub(super) fn runs_alone(self) -> bool {
        matches!(
            self,
            Check::StreetSuffix | Check::NumWordNum | Check::BareStreet | Check::Corner | Check::Id(IdCheck::Labelled) | Check::Id(IdCheck::LowerHyphenCode) | Check::Date(DateCheck::Weekday) | Check::Date(DateCheck::LoneWeekday) | Check::Date(DateCheck::MonthFirst) | Check::Date(DateCheck::Locale(true))
        )
    }
}

/// A match being checked: where it is and what it is (a check may narrow it or change its kind).
pub(super) struct Hit {
    pub(super) s: usize,
    pub(super) e: usize,
    pub(super) kind: Placeholder,
}

/// Adds one pattern to the table: its text, the kind it finds, the group that holds the finding
/// (0: the whole match), its check, and a byte string every text it matches contains (if any).
pub(super) type Add<'a> = dyn FnMut(&str, Placeholder, usize, Check, Option<&'static str>) + 'a;

pub(super) struct Rx {
    pub(super) re: ascii::Pattern,
    pub(super) kind: Placeholder,
    pub(super) group: usize,
    pub(super) check: Check,
    /// only run on a text that contains this byte string (cheap pre-filter), if any
    pub(super) needs: Option<&'static str>,
    /// index in the combined first-scan set; `None`: always run on its own (patterns whose
    /// automaton would make the combined one too large)
    pub(super) set_idx: Option<usize>,
    /// only run on a text with a word of these lexicon flags (`MONTH`, `NUMBER`): the patterns
    /// built on the packs' long word lists, which cost the most
    pub(super) gate: u32,
}

impl Rx {
    /// Whether the text's first reading lets the pattern run: the combined scan's `hits` saw it
    /// match (a pattern outside the set always may), and the text's ASCII form holds the bytes
    /// `present` its every match needs (`ascii::Pattern::may_match`).
    pub(super) fn may_run(&self, hits: &regex::SetMatches, present: u128) -> bool {
        self.set_idx.is_none_or(|si| hits.matched(si)) && self.re.may_match(present)
    }
}

/// The words of one section of every pack, any case, longest first.
pub(super) fn pack_words_re(section: &str) -> String {
    packs::any_case_alternatives(packs::section(section).map(regex::escape).collect())
}

/// The lines of a pack section of numbers in words as alternatives, any case, longest first, their
/// words apart by blanks or hyphens ("ninety four", "ninety-four", "quatre-vingt-treize").
fn spelled_re(section: &str) -> String {
    let lines = packs::PACKS.iter().flat_map(|p| packs::section_lines(p, section));
    packs::any_case_alternatives(lines.map(|l| l.split_whitespace().map(regex::escape).collect::<Vec<_>>().join(r"[ \t-]+")).collect())
}

/// Spelled-out numbers of every pack ("vingt-six", "quince", "mille"), any case; with `long`
/// only those of four letters or more.
pub(super) fn number_words_re(long: bool) -> String {
    let mut w: Vec<String> = packs::section("numbers").filter(|w| !long || w.chars().count() >= 4).map(regex::escape).collect();
    w.sort_by_key(|w| std::cmp::Reverse(w.len()));
    w.dedup();
    format!(r"(?i:{})", w.join("|"))
}

/// The particles inside a name or a street's name ("de la", "van der", "of the").
pub(super) const PARTICLE: &str = r"(?:d[aeiou]s?|de[ls]?|della|delle|dei|degli|la|le|les|l'|d'|di|du|van|von|der|den|het|y|e|do|of|the|DE|LA|DEL|DI|DU|VAN|VON)";
/// A capitalised word.
pub(super) const CAPITALISED: &str = r"\p{Lu}[\p{L}'’-]*";

pub(super) fn cap_alts(words: &[&str]) -> String {
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

pub(super) fn build_regexes() -> Vec<Rx> {
    use Placeholder::*;
    let mut v: Vec<Rx> = Vec::new();
    let mut add = |pat: &str, kind: Placeholder, group: usize, check: Check, needs: Option<&'static str>| {
        // as the view reads (`straße` -> `strasse`), through its ASCII form (`ascii.rs`)
        let re = ascii::Pattern::new(&normalise::fold_pattern(pat)).unwrap_or_else(|e| panic!("bad pattern {pat}: {e}"));
        v.push(Rx { re, kind, group, check, needs, set_idx: Some(0), gate: 0 });
    };

    // --- email, URL, IP ---
    add(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}", Email, 0, Check::None, Some("@"));
    // an address on a hospital's own mail system, with no dot after the "@": "jl.abarasse@aphp"
    // (a dot in the person's part, so that "Cont@ct" is no address)
    add(r"\b[\w+%-]+\.[\w.+%-]*\w@[A-Za-z][\w-]+\b", Email, 0, Check::None, Some("@"));
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
        Check::Ip4,
        Some("."),
    );
    add(
        r"(?i)(?:\b[0-9a-f]{1,4}:){2,7}(?::|[0-9a-f]{1,4}\b)(?::[0-9a-f]{1,4}\b)*|(?:\b[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4}\b",
        Ip,
        0,
        Check::Ip6,
        Some(":"),
    );

    DateCheck::add_patterns(&mut add);

    // --- ages 90 and over (HIPAA 45 CFR 164.514(b)(2)(i)(C)) ---
    // after a word that says an age follows (`[age_before]`: "aged 91", "Age: 95", "turned 93",
    // "im Alter von 92"), in digits or spelled out (`[ages_spelled]`, num2words); not an angle
    // ("turned 90 degrees"): `Check::Age`
    let over89 = format!(r"(?:9\d|1[01]\d|{})", spelled_re("ages_spelled"));
    let ages_after = pack_words_re("ages");
    add(&format!(r"\b{}[ \t]*(?:[:=]|{})?[ \t]*({over89})\b", pack_words_re("age_before"), pack_words_re("age_prepositions")), Age, 1, Check::Age, None);
    add(
        r"(?i)\b(9\d|1[01]\d)\s*-?\s*(?:years?|yrs?|y\.?\s?o\b\.?|yo\b|y/o\b|year-old|yr-old)(?:[\s-]*old)?",
        Age,
        1,
        Check::None,
        None,
    );
    add(r"(?i)\b(?:nonagenarian|centenarian)s?\b", Age, 0, Check::None, None);
    // in every pack's language, in digits or in words: "94 años", "92 ans", "91-jährige", "90 anni",
    // "ninety-four years old", "quatre-vingt-treize ans"; not the last group of a number
    // ("0171 35821-97 an die Station": a phone's extension before a German preposition)
    add(&format!(r"\b{over89}[ \t]*-?[ \t]*{ages_after}"), Age, 0, Check::AgeWord, None);

    PhoneCheck::add_patterns(&mut add);
    IdCheck::add_patterns(&mut add);
    PostcodeCheck::add_patterns(&mut add);
    // street addresses, then places, then the packs' street types and facility names (in this
    // order: where two patterns find the same text, the first one's kind stands)
    addresses::add_street_patterns(&mut add);
    places::add_place_patterns(&mut add);
    addresses::add_pack_street_patterns(&mut add);
    places::add_facility_name_patterns(&mut add);

    // the patterns on the packs' month and number words run only where such a word occurs
    for rx in v.iter_mut() {
        if matches!(rx.check, Check::Date(dates::DateCheck::MonthFirst | dates::DateCheck::LoneWeekday)) {
            rx.gate = MONTH;
        } else if rx.check == Check::Date(dates::DateCheck::SpelledDate) {
            rx.gate = NUMBER;
        } else if rx.kind == Date && rx.re.as_str().contains("septiembre") {
            rx.gate = MONTH;
        }
    }
    v
}

/// Hands the heap the scrubber's build freed (the regex compiler's and the automata builders'
/// temporaries, about 18 MB) back to the operating system: glibc's allocator keeps freed memory
/// below live blocks in the process's resident set otherwise, for as long as the process runs.
pub(super) fn release_build_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            /// glibc (malloc.h): releases free memory of every arena; `pad` bytes kept at the top
            fn malloc_trim(pad: usize) -> std::ffi::c_int;
        }
        // SAFETY: malloc_trim only returns unused pages of glibc's own heap; it touches no live
        // allocation, takes the arenas' locks itself, and may be called at any time.
        unsafe {
            malloc_trim(0);
        }
    }
}
