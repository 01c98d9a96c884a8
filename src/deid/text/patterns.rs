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
}

impl Check {
    /// Patterns on long word lists, or that begin at any word (a list of dating words, of record
    /// labels), run on their own (behind their gate): in the combined automaton they would make
    /// its cache thrash, or keep many of its states alive at every word.
    pub(super) fn runs_alone(self) -> bool {
        matches!(
            self,
            Check::StreetSuffix | Check::NumWordNum | Check::BareStreet | Check::Corner | Check::Id(IdCheck::Labelled) | Check::Id(IdCheck::LowerHyphenCode) | Check::Date(DateCheck::Weekday) | Check::Date(DateCheck::MonthFirst) | Check::Date(DateCheck::Locale(true))
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
    pub(super) re: not_ascii::Pattern,
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

/// The street types of every pack but the English one, any case, longest first.
fn pack_streets_re() -> String {
    let w = packs::PACKS.iter().filter(|p| p.lang != "en").flat_map(|p| packs::section_of(p, "streets")).filter(|w| w.chars().count() >= 3).map(regex::escape);
    packs::any_case_alternatives(w.collect())
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

/// The words of a pack section that name facilities (`facilities`, `wards`): in any case ("à
/// l'hopital Paul Brousse"), those of three letters only in capitals ("CHU Kremlin-Bicetre", not "chu").
fn pack_facilities_re(section: &str) -> String {
    let (mut long, mut short): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    for w in packs::section(section) {
        match w.chars().count() {
            // an acronym ("CH", "GH", "CHU") only in capitals
            0..=1 => {}
            2..=3 => short.push(regex::escape(&w.to_uppercase())),
            _ => long.push(regex::escape(w)),
        }
    }
    for list in [&mut long, &mut short] {
        list.sort_by_key(|w| std::cmp::Reverse(w.len()));
        list.dedup();
    }
    let long = format!("(?i:{})", long.join("|"));
    if short.is_empty() { format!("(?:{long})") } else { format!("(?:{long}|{})", short.join("|")) }
}

/// Spelled-out numbers of every pack ("vingt-six", "quince", "mille"), any case; with `long`
/// only those of four letters or more.
pub(super) fn number_words_re(long: bool) -> String {
    let mut w: Vec<String> = packs::section("numbers").filter(|w| !long || w.chars().count() >= 4).map(regex::escape).collect();
    w.sort_by_key(|w| std::cmp::Reverse(w.len()));
    w.dedup();
    format!(r"(?i:{})", w.join("|"))
}

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
    let numw = number_words_re(false);
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
    // (the street word ends the word: "Patient" holds no Finnish "tie")
    let compound = packs::words_re("street_endings");
    // the words that end an institution's name, its names before them ("Mercy Hospital")
    // (and those that end a subdivision's name, the same way: "Cook County", "Bergen kommune")
    let fac = format!("(?:{}|{})", packs::lines_re("institution_ends"), packs::lines_re("region_ends"));
    let ordinal = "(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)";
    let states = postcodes::US_STATES;

    let mut v: Vec<Rx> = Vec::new();
    let mut add = |pat: &str, kind: Placeholder, group: usize, check: Check, needs: Option<&'static str>| {
        // folded as the view is (`straße` -> `strasse`): detectors read the folded view
        let re = not_ascii::Pattern::new(&normalise::fold_pattern(pat)).unwrap_or_else(|e| panic!("bad pattern {pat}: {e}"));
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
    add(&format!(r"\b{}[ \t]*(?:[:=]|(?i:of|is|von|de|di|van|av))?[ \t]*({over89})\b", pack_words_re("age_before")), Age, 1, Check::Age, None);
    add(
        r"(?i)\b(9\d|1[01]\d)\s*-?\s*(?:years?|yrs?|y\.?\s?o\b\.?|yo\b|y/o\b|year-old|yr-old)(?:[\s-]*old)?",
        Age,
        1,
        Check::None,
        None,
    );
    add(r"(?i)\b(?:nonagenarian|centenarian)s?\b", Age, 0, Check::None, None);
    // in every pack's language, in digits or in words: "94 años", "92 ans", "91-jährige", "90 anni",
    // "ninety-four years old", "quatre-vingt-treize ans"
    add(&format!(r"\b{over89}[ \t]*-?[ \t]*{ages_after}"), Age, 0, Check::None, None);

    PhoneCheck::add_patterns(&mut add);
    IdCheck::add_patterns(&mut add);
    PostcodeCheck::add_patterns(&mut add);
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
        &format!(r"\b\d{{1,5}}[A-Za-z]?,?[ \t]+(?:{pre})[ \t]+(?:{part}[ \t]+|[dlDL]['’])*[\p{{Lu}}\d][\p{{L}}\d'’-]*(?:[ \t]+(?:{part}[ \t]+|[dlDL]['’])*[\p{{Lu}}\d][\p{{L}}\d'’-]*){{0,3}}"),
        Address,
        0,
        Check::None,
        None,
    );
    // the street word first, the number after: "Calle del Dr. Esquerdo, 46", "la calle Ramon Rubio
    // Fernandez, 23" (in lower case only the street words that are no English word)
    let pre_lower = ["calle", "carrer", "avenida", "avda.", "rua", "travessa", "praça", "plaza", "paseo", "passeig", "rambla", "carretera", "calzada", "piazza", "piazzale", "viale", "vicolo", "strada", "allée", "impasse", "quai", "boulevard", "ulica", "utca"].map(regex::escape).join("|");
    add(
        &format!(r"\b(?:{pre}|{pre_lower})[ \t]+(?:{part}[ \t]+)*(?:\p{{Lu}}\p{{Ll}}{{0,3}}\.[ \t]*)?{capw}(?:[ \t]+(?:{part}[ \t]+)*(?:\p{{Lu}}\p{{Ll}}{{0,3}}\.[ \t]*)?{capw}){{0,3}},?[ \t]+\d{{1,5}}[A-Za-z]?\b"),
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
        &format!(r"\b\d{{1,5}}[A-Za-z]?,?[ \t]+(?:ul\.|rue|Rue|calle|Calle|avenida|Avenida|avda\.|rua|Rua|rúa|Rúa|avenue|strada|Strada|utca|ulica|trg|C/|c/)[ \t]+(?:{part}[ \t]+)*\p{{L}}[\p{{L}}\d'’-]*(?:[ \t]+(?:[dlDL]['’])?(?:{part}\b|\p{{Lu}}[\p{{L}}\d'’-]*|\d{{1,5}}[A-Za-z]?\b))*"),
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
    // a facility named by generic words and its town is a name: "Children's Hospital of [PLACE]",
    // "Children's Hospital, [NAME]", "our [NAME] facility" (the town was taken for a name)
    add(
        &format!(r"\b(?:\p{{Lu}}[\p{{L}}'’.&-]*[ \t]+){{0,3}}(?:{fac}|Facility)(?:[ \t]+(?i:of|in|at)[ \t]+|,[ \t]*)\[(?:PLACE|NAME)\]|\[(?:PLACE|NAME)\][ \t]+(?:{fac}|facility|Facility)\b"),
        Place,
        0,
        Check::NamedFacility,
        Some("["),
    );
    // generic words before a hospital already replaced: "Children's [PLACE]", "University [PLACE]"
    add(r"\b((?:\p{Lu}[\p{L}'’.&-]*[ \t]+){1,3})\[PLACE\]", Place, 1, Check::GenericWords, Some("[PLACE]"));
    add(&format!(r"\b({capw})[ \t]+(?:Ward|WARD)\b"), Place, 0, Check::NamedWard, None);
    add(
        &format!(r"(?i:seen at|transferred (?:from|to)|admitted (?:to|at)|referred (?:from|to)|discharged (?:from|to)|treated at|attends|attended|lives in|living in|resident (?:of|in)|moved (?:from|to)|born in|works at|lives at|visiting|visited|travelled to|traveled to|returned from)[ \t]+({capw}(?:[ \t]+{capw}){{0,3}})"),
        Place,
        1,
        Check::ContextPlace,
        None,
    );
    // a place after at / from / near: a run of capitalised words with one the lexicon does not
    // know or knows as a town ("at Cedar Sinai", "from UCSF", "near Fairfield")
    add(
        &format!(r"\b(?:at|from|near|At|From|Near)[ \t]+((?:(?:Mt|St|Ft)\.[ \t]*)?(?:{capw}|&)(?:[ \t]+(?:{capw}|&|of|de|del)){{0,4}})"),
        Place,
        1,
        Check::PrepositionPlace,
        None,
    );
    // a street type of a language pack (other than English, whose types are above) in any case,
    // after a house number: "47 boulevard de l'Hôpital", "39 quai Branly"
    let streets = pack_streets_re();
    add(
        &format!(r"\b\d{{1,5}}(?:-\d{{1,4}})?(?:[ \t]*(?:bis|ter))?,?[ \t]+{streets}\.?[ \t]+(?:{part}[ \t]+|[dlDL]['’])*[\p{{L}}\d][\p{{L}}\d'’-]*(?:[ \t]+(?:[dlDL]['’])?(?:{part}|\p{{Lu}}[\p{{L}}\d'’-]*|des|\p{{Ll}}{{3,}}\b)){{0,4}}"),
        Address,
        0,
        Check::PackStreet,
        None,
    );
    // a house number spelled out, the street and its postcode: "sept allée des roses 77500"
    // (a number word before a street type alone is too weak: "un chemin de croix")
    add(
        &format!(r"\b((?i:{numw})[ \t]+{streets}\.?[ \t]+(?:{part}[ \t]+|[dlDL]['’])*\p{{L}}[\p{{L}}'’-]*(?:[ \t]+(?:{part}|\p{{L}}[\p{{L}}'’-]*)){{0,3}}),?[ \t]+\d{{5}}\b"),
        Address,
        1,
        Check::None,
        None,
    );
    // a facility word before its name: "Hôpital Tenon", "Hospital Universitario San Juan de
    // Alicante", "Centre hospitalier Prince William", "Clínica Corachán"
    // (the facility word stays: "Hôpital [PLACE]", "Service de [PLACE]")
    // (a name may hold its people's initials: "GH A.CHENEVIER-H.MONDOR"; a dot only between
    // letters, and `capitalised_words` reads no dotted abbreviation, "O.R.L.", as a name; the
    // class stays small: the lazy automaton's states of this pattern are many already)
    let fname = r"\p{Lu}(?:[\p{L}'’-]|\.\p{L})*";
    for (section, check) in [("facilities", Check::FacilityName), ("wards", Check::WardName)] {
        let words = pack_facilities_re(section);
        add(
            &format!(r"\b{words}[ \t]+((?:\p{{Ll}}{{3,}}[ \t]+)?(?:{part}[ \t]+|[dlDL]['’])*{fname}(?:[ \t]+(?:(?:{part}[ \t]+|[dlDL]['’])*{fname})){{0,4}})"),
            Place,
            1,
            check,
            None,
        );
    }
    // a hospital's name and its facility word in one compound, the Germanic way: "Rikshospitalet",
    // "Antoniusziekenhuis", "Elisabethkrankenhaus", or its name before such a compound in lower
    // case: "Haukeland universitetssjukehus"
    let compounds: Vec<String> = packs::section("facilities").filter(|w| w.chars().count() >= 7).map(|w| regex::escape(&w.to_lowercase())).collect();
    let compounds = compounds.join("|");
    add(&format!(r"\b(?:\p{{Lu}}\p{{Ll}}{{2,}}|\p{{Lu}}\p{{L}}+[ \t]+\p{{Ll}}{{3,}})(?:{compounds})\b"), Place, 0, Check::None, None);
    // a town and a US state: "Houston, TX", "Cedar Rapids, IA"
    add(&format!(r"\b((?:\p{{Lu}}[\p{{L}}.'’-]*[ \t]+){{0,2}}\p{{Lu}}[\p{{L}}.'’-]*,[ \t]*(?:{states}))\b"), Place, 1, Check::TownState, None);

    // the patterns on the packs' month and number words run only where such a word occurs
    for rx in v.iter_mut() {
        if rx.check == Check::Date(dates::DateCheck::MonthFirst) {
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
