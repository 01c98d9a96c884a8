//! The table of regular expressions: contacts, dates, ages, phones, identifiers, postcodes, street
//! addresses and places, each with the check (`Check`) that its matches must pass.
use super::*;


#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Check {
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
    /// letters, a hyphen and four or more digits ("HP-987654", "EM-2554"): the prefix may be any
    /// word, but a clinical one only with five digits or more ("COVID-2019" is no record number)
    HyphenCode,
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
    /// postcode before a town: the word is a town or unknown, not an ordinary / clinical word or unit
    PostcodeTown,
    /// a bare number on a line that holds a phone number or an e-mail address already found, no
    /// measure (no unit, decimal or sign around it)
    ContactLine,
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
    /// digits typed with spaces: all single digits (>= 6), or >= 10 digits; a date when the 8
    /// digits read as day, month, year
    SpacedDigits,
    /// day and month without a year ("11/03"): not a fraction, a decimal or a number with a unit
    DayMonth,
    /// a date typed with spaced separators ("07 . 03 . 1958"): both separators the same, not a
    /// row of values ("17.6 -61.8")
    SameSeparators,
    /// month and year: the month is not a word of the sentence ("may 20")
    MonthYear,
    /// spelled-out date: more than a lone short number word before a month name ("to March")
    SpelledDate,
    /// "5638 Aasa 43": the word is not an ordinary / clinical word, number not followed by a unit
    NumWordNum,
    /// street-type word without a house number ("Main Street"): the word before is not clinical etc.
    BareStreet,
    /// a 4-5 digit postcode right after a country name ("New Zealand 34694", "Cyprus (Greek) 51034")
    CountryPostcode,
}

pub(super) struct Rx {
    pub(super) re: Regex,
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

/// Month names of every language pack (and the English ones written out here). A name of four
/// letters or more matches in any case ("MARZO", "juillet", "mars"): the patterns want a day or a
/// year beside it; a shorter one ("May", "Mar", "Mai") only capitalised or in capitals.
pub(super) fn months_re() -> String {
    let ci = "jan(?:uary)?|feb(?:ruary)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|march";
    let (mut any_case, mut capitalised): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    for w in packs::section("months") {
        let plain = w.chars().count() >= 4;
        if plain { any_case.push(w) } else { capitalised.push(w) }
    }
    for list in [&mut any_case, &mut capitalised] {
        list.sort_by_key(|w| std::cmp::Reverse(w.len()));
        list.dedup();
    }
    let any: Vec<String> = any_case.iter().map(|w| regex::escape(w)).collect();
    format!(r"(?:(?i:{ci}|{})|{})\.?", any.join("|"), cap_alts(&capitalised))
}

/// Short month names glued to a day number in any case ("20mar", "23avr").
fn short_months_re() -> String {
    let mut short: Vec<String> = packs::section("months").filter(|w| w.chars().count() <= 4).map(regex::escape).collect();
    short.sort_by_key(|w| std::cmp::Reverse(w.len()));
    short.dedup();
    format!("(?i:{})", short.join("|"))
}

/// The street types of every pack but the English one, any case, longest first.
fn pack_streets_re() -> String {
    let mut w: Vec<String> = packs::PACKS.iter().filter(|p| p.lang != "en").flat_map(|p| packs::section_of(p, "streets")).filter(|w| w.chars().count() >= 3).map(regex::escape).collect();
    w.sort_by_key(|w| std::cmp::Reverse(w.len()));
    w.dedup();
    format!("(?i:{})", w.join("|"))
}

/// The words of one section of every pack, any case, longest first.
fn pack_words_re(section: &str) -> String {
    let mut w: Vec<String> = packs::section(section).map(regex::escape).collect();
    w.sort_by_key(|w| std::cmp::Reverse(w.len()));
    w.dedup();
    format!("(?i:{})", w.join("|"))
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
fn number_words_re(long: bool) -> String {
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
    let d = r"(?:0?[1-9]|[12]\d|3[01])";
    let m = r"(?:0?[1-9]|1[0-2])";
    let mon = months_re();
    let numw = number_words_re(false);
    let year = r"(?:(?:19|20)\d{2}|'\d{2})";
    // a time a person writes after a date identifies no one and no labeller marks it ("18/02/2019
    // 16:34" keeps "16:34"); a machine's ISO 8601 timestamp is one value and goes whole
    // ("2000-04-16 11:34:35", "2021-03-12T10:00Z")
    let iso_time = r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?";
    let time = r"(?:T\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?";
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
    let compound = "(?i:(?:strasse|straße|gasse|weg|allee|platz|ring|damm|ufer|gata|gatan|gatu|gaten|vägen|vagen|vegen|veien|veg|vej|vei|gade|straat|laan|plein|gracht|steeg|dijk|kade|katu|tie|kuja|polku|tori|utca|ulica|ulitsa|prospekt|caddesi|sokak|sokağı|stræde|stig|väg|torget|tanvan)\\b|str\\.)";
    let fac = "(?i:hospital|hospitals|hosp|infirmary|clinic|clinics|medical group|med ce?nte?r|med ctr|health system|health|medical cent(?:er|re)|health cent(?:er|re)|hospice|sanatorium|klinikum|klinik|sykehus|sjukhus|sygehus|hospitalet|ospedale|krankenhaus|policlinic|polyclinic|policlinico|medical college|care home|nursing home|surgery|medical practice|health centre|hôpital|hopital|hospital universitario|clínica|clinica|centre hospitalier|chu)";
    let ordinal = "(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)";
    let states = "A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY]";

    let mut v: Vec<Rx> = Vec::new();
    let mut add = |pat: &str, kind: Placeholder, group: usize, check: Check, needs: Option<&'static str>| {
        // folded as the view is (`straße` -> `strasse`): detectors read the folded view
        let re = Regex::new(&normalise::fold_pattern(pat)).unwrap_or_else(|e| panic!("bad pattern {pat}: {e}"));
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

    // --- dates ---
    add(&format!(r"\b(?:19|20)\d{{2}}-{m}-{d}{iso_time}\b"), Date, 0, Check::None, None);
    add(&format!(r"\b(?:19|20)\d{{2}}[-/.]{m}[-/.]{d}{time}\b"), Date, 0, Check::None, None);
    add(&format!(r"\b{d}[-/.]{d}[-/.](?:(?:19|20)\d{{2}}|\d{{2}}){time}\b"), Date, 0, Check::WholeNumber, None);
    // a range of days before a date: "08-09/08/07", "du 3-5/06/2021"
    add(&format!(r"\b{d}-({d}/{d}/(?:(?:19|20)\d{{2}}|\d{{2}}))\b"), Date, 1, Check::None, Some("/"));
    // separators typed with spaces or as bars: "01 / 07 | 1995", "07 . 03 . 1958", "15|10|1960"
    let sep = r"[ \t]*[-/.|][ \t]*";
    add(&format!(r"\b{d}{sep}{d}{sep}(?:(?:19|20)\d{{2}}|\d{{2}})\b"), Date, 0, Check::SameSeparators, None);
    // day and month without a year, both with two digits: "11/03", "28.01", "12 / 05"
    add(r"\b(?:0[1-9]|[12]\d|3[01])[ \t]*[/.][ \t]*(?:0[1-9]|1[0-2])\b", Date, 0, Check::DayMonth, None);
    // a day, its month written out, a year of four or two digits: "12 de marzo de 2016",
    // "1er mars 2022", "12, Mai 1973", "28 mars 19", "3rd of May"
    add(
        &format!(r"\b{d}(?:st|nd|rd|th|er|º|°|o|ST|ND|RD|TH|ER)?,?(?:\s+(?:of|OF|de|DE|del|di|du|le))?[\s.\-/]*{mon}(?:[\s,.\-/]*(?:(?:de|del|DE)\s+)?(?:{year}|\d{{2}}\b))?{time}\b"),
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
    add(&format!(r"\b{d}{}\b", short_months_re()), Date, 0, Check::None, None);
    // a month and a year: "mayo de 2000", "enero 2001", "décembre 93" (HIPAA: every element of a
    // date but the year is identifying)
    add(&format!(r"\b{mon}(?:(?:\s+(?:de|del|of|di|du|DE|OF))?\s+|[-/])(?:(?:19|20)\d{{2}}|'\d{{2}}|[0-9]{{2}}\b)"), Date, 0, Check::MonthYear, None);
    // a part of a year and its year, as finely dated as a month and its year: "fin 2034", "early
    // 2020", "mid-2019", "finales de 2009", "Ende 2034"
    let parts = pack_words_re("year_parts");
    add(&format!(r"\b{parts}(?:[ \t]+(?i:of|de|del|du|av|van|des))?(?:[ \t]+|-)(?:19|20)\d{{2}}\b"), Date, 0, Check::None, None);
    // spelled out: "vingt-six 02 2012", "quinze septembre mille neuf cent soixante-cinq"
    // (a number word typed with a stray plural "s" is still one: "deux-milles vingts troiss")
    let numrun = format!(r"{numw}s?(?:[\s-]+{numw}s?)*");
    let longrun = format!(r"{}(?:[\s-]+{numw})*", number_words_re(true));
    add(&format!(r"\b{longrun}[\s-]+(?:{mon}(?:[\s-]+(?:(?:19|20)\d{{2}}|{numrun}))?|(?:0?[1-9]|1[0-2])[\s./-]+(?:19|20)?\d{{2}})\b"), Date, 0, Check::SpelledDate, None);
    // a day in digits, the month and the year spelled out: "2 février mille neuf cent cinquante deux"
    // (two number words at least: "le 3 mars deux patients" keeps its "deux")
    add(&format!(r"\b{d}(?:er)?[\s-]+{mon}[\s-]+{numw}(?:[\s-]+{numw})+\b"), Date, 0, Check::SpelledDate, None);
    add(r"\b(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\b", Date, 0, Check::None, None);
    // a month and a year in digits after "on" / "in" / "since": "seen on 08/22", "since 3/2019"
    add(r"\b(?i:on|in|since|from|until|dated)[ \t]+((?:0?[1-9]|1[0-2])/(?:(?:19|20)\d{2}|\d{2}))\b", Date, 1, Check::DayMonth, Some("/"));
    // a short month name in any case between a day and a year: "20 mai 2019", "3 mar 2021"
    add(&format!(r"\b{d}[ \t]+{}\.?[ \t]+(?:19|20)\d{{2}}\b", short_months_re()), Date, 0, Check::None, None);
    // a month that opens a range ending in a date already replaced carries its year: "mai à
    // [DATE]", "mars-[DATE]", "between May and [DATE]", "de mayo a [DATE]" (the month goes, the
    // word between stays)
    // (short names in any case too: "mai à [DATE]"; but not the English verb "may")
    let range_months: Vec<String> = packs::section("months").filter(|w| *w != "may").map(regex::escape).collect();
    let range_months = format!("(?:{mon}|(?i:{}))", range_months.join("|"));
    add(
        &format!(r"\b({range_months})(?:[ \t]*[-–][ \t]*|[ \t]+(?i:à|a|au|al|et|and|to|till|until|through|y|e|bis|tot|til)[ \t]+)\[DATE\]"),
        Date,
        1,
        Check::None,
        Some("[DATE]"),
    );
    // a day and month of one digit each in a list of dates: "C2 [DATE] C3 2/8 C4 [DATE]" (alone,
    // "2/8" is a fraction)
    add(
        r"\[DATE\][ \t,;]+(?:[\p{L}\d]{1,4}[ \t:]+)?((?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2]))[ \t,;]+(?:[\p{L}\d]{1,4}[ \t:]+)?\[DATE\]",
        Date,
        1,
        Check::None,
        Some("[DATE]"),
    );
    // the weekday of a date already replaced: "Jeudi [DATE]", "Tuesday, [DATE]"
    let weekdays: Vec<&str> = packs::section("weekdays").filter(|w| w.chars().count() >= 3).collect();
    add(&format!(r"\b(?i:{})\.?,?[ \t]+\[DATE\]", weekdays.join("|")), Date, 0, Check::None, Some("[DATE]"));
    // a weekday or a month named from now: "last Thursday", "next July"
    let named: Vec<&str> = weekdays.iter().copied().filter(|w| w.len() >= 6).chain(["january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"]).collect();
    add(&format!(r"\b(?i:last|next|this past|this coming)[ \t]+(?i:{})\b", named.join("|")), Date, 0, Check::None, None);

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
    // in every pack's language: "94 años", "92 ans", "91-jährige", "90 anni"
    add(&format!(r"\b(?:9\d|1[01]\d)[ \t]*-?[ \t]*{}\b", pack_words_re("ages")), Age, 0, Check::None, None);

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
    // digits typed with spaces: "2 9 0 2 1 9 9 5", "1 60 04 25 311 114 26", "2 127647 86182741",
    // "05 1 2 2 0 2 4", "1 2 . 0 6 . 1 9 8 1"
    add(r"\b\d{1,2}(?:(?:[ ]|[ ]?[./][ ]?)\d{1,8}){2,40}\b", Id, 0, Check::SpacedDigits, None);
    // a French number in pairs with a letter O typed for a zero: "O1.42.15.93.30", "01.42.16.10.O2"
    add(r"\b[0O][1-9O](?:[ .-][\dO]{2}){4}\b", Phone, 0, Check::Phone, Some("O"));
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
    // a French postcode named as the district: "à Paris dans le 75001"
    add(r"\b(?:dans le|dans la commune du)[ \t]+(\d{5})\b", Postcode, 1, Check::None, Some("dans l"));
    // a number of five digits on a line of contacts: a postcode or an extension ("Jefferson
    // hospital - primary source 31712 - (205)-136-2648")
    add(r"\b\d{5}\b", Postcode, 0, Check::ContactLine, None);
    // a postcode before its town: "75013 Paris", "28036 Madrid", "94 403 VINCENNES"
    add(r"\b(?:\d{5}|\d{2} \d{3})[ \t]+\p{Lu}[\p{L}'’-]{2,}(?:[ \t]+\p{Lu}[\p{L}'’-]+)?", Postcode, 0, Check::PostcodeTown, None);
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
    // a phone extension after the words that give one: "joignable au 73389", "poste 4412", "ext. 2210"
    let phone_words = pack_words_re("phone_words");
    add(&format!(r"\b{phone_words}\.?(?:[ \t]+(?i:au|à|a|on|at|al|sur|op|på))?[ \t]*:?[ \t]*(\d{{4,6}})\b"), Phone, 1, Check::WholeNumber, None);
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
    // letter codes with a hyphen and four or more digits: "HP-987654", "12345-JS", "#99881-BCH"
    add(r"(?:\b|#)(?:[A-Z]{1,4}-\d{4,}|\d{4,}-[A-Z]{1,4})\b", Id, 0, Check::HyphenCode, Some("-"));

    // the patterns on the packs' month and number words run only where such a word occurs
    for rx in v.iter_mut() {
        if rx.check == Check::SpelledDate {
            rx.gate = NUMBER;
        } else if rx.kind == Date && rx.re.as_str().contains("septiembre") {
            rx.gate = MONTH;
        }
    }
    v
}

