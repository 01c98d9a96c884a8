//! Postcodes (`[POSTCODE]`): the postcode patterns of the packs' countries and where their
//! addresses put them (Google's address data, `[postcodes]` of each `formats.txt`: `%Z %C`, the
//! postcode before the town), UK and Canadian forms, US ZIP codes after a state, and postcodes named
//! by a label or standing on a line of contacts.
use super::patterns::{Add, Check, Hit};
use super::*;

/// The two-letter codes of the US states (USPS Publication 28, appendix B).
pub(super) const US_STATES: &str = "A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY]";

/// What a postcode pattern's match must pass.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum PostcodeCheck {
    /// after a postcode label: the capture has a digit
    HasDigit,
    /// Dutch-style postcode: the letters are not a unit or a common word
    Dutch,
    /// a postcode before a town: the word is a town or unknown, not an ordinary / clinical word or
    /// unit; a year ("2019 Oslo") only before a known town
    BeforeTown,
    /// a bare number on a line that holds a phone number or an e-mail address already found, no
    /// measure (no unit, decimal or sign around it)
    ContactLine,
    /// a 4-5 digit postcode right after a country name ("New Zealand 34694", "Cyprus (Greek) 51034")
    AfterCountry,
    /// a US ZIP+4 that does not go on a number before it (the last groups of a phone number:
    /// "(11) 96123-4567")
    ZipPlus4,
}

/// The postcode patterns of the packs' countries whose addresses put the postcode before the town
/// (capturing groups made plain), longest first.
fn before_town_re() -> String {
    let mut pats: Vec<String> = packs::PACKS
        .iter()
        .flat_map(|p| packs::section_lines(p, "postcodes"))
        .filter_map(|l| {
            let mut f = l.split('\t');
            let (_, re, place) = (f.next()?, f.next()?, f.next()?);
            (place == "before").then(|| re.replace("(?:", "(").replace('(', "(?:"))
        })
        .collect();
    pats.sort_by_key(|p| std::cmp::Reverse(p.len()));
    pats.dedup();
    pats.join("|")
}

impl PostcodeCheck {
    /// The postcode patterns, in the table's order.
    pub(super) fn add_patterns(add: &mut Add) {
        use Placeholder::Postcode;
        let pc = |c: PostcodeCheck| Check::Postcode(c);
        let states = US_STATES;
        // UK (Royal Mail PAF: outward and inward codes) and Canada (Canada Post: A1A 1A1)
        add(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}\b", Postcode, 0, Check::None, None);
        add(r"\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b", Postcode, 0, Check::None, None);
        // US ZIP+4
        add(r"\b\d{5}-\d{4}\b", Postcode, 0, pc(PostcodeCheck::ZipPlus4), Some("-"));
        add(
            r"(?i)\b(?:post\s*code|postal\s*code|zip\s*code|zip|postcode|plz|cep)\s*[:#]?\s*(?:(?:is|was|of)\s+)?([A-Z0-9][A-Z0-9 -]{1,8}[A-Z0-9])\b",
            Postcode,
            1,
            pc(PostcodeCheck::HasDigit),
            None,
        );
        add(&format!(r"\b(?:{states})\.?,?[ \t]+(\d{{5}}(?:-\d{{4}})?)\b"), Postcode, 1, Check::None, None);
        add(r"\b[1-9]\d{3} ?[A-Z]{2}\b", Postcode, 0, pc(PostcodeCheck::Dutch), None);
        // a postcode after a country name: "Slovenia 15755", "New Zealand 34694", "belgium 97466"
        add(r"\b\p{L}[\p{L}'-]*\)?,?[ \t]+(\d{5}|\d{4})\b", Postcode, 1, pc(PostcodeCheck::AfterCountry), None);
        // a postcode after a town already replaced: "support Foursquare in [PLACE] 15000"
        add(r"\b(?:in|at|from|In|At|From)[ \t]+\[(?:NAME|PLACE)\][ \t]+(\d{5}|\d{4}|\d{3} \d{2})\b", Postcode, 1, pc(PostcodeCheck::AfterCountry), Some("["));
        // a French postcode named as the district: "à Paris dans le 75001"
        add(r"\b(?:dans le|dans la commune du)[ \t]+(\d{5})\b", Postcode, 1, Check::None, Some("dans l"));
        // a number of five digits on a line of contacts: a postcode or an extension ("Jefferson
        // hospital - primary source 31712 - (205)-136-2648")
        add(r"\b\d{5}\b", Postcode, 0, pc(PostcodeCheck::ContactLine), None);
        // a postcode before its town, in the forms of the packs' countries, perhaps with the
        // country's letter: "75013 Paris", "28036 Madrid", "94 403 VINCENNES", "0372 Oslo",
        // "CH-8001 Zürich", "1250-096 Lisboa"
        // (a town in lower case only if the lists know it: "92700 colombes")
        add(&format!(r"\b(?:[A-Z]{{1,2}}-)?(?:{}),?[ \t]+\p{{L}}[\p{{L}}'’-]{{2,}}(?:[ \t]+\p{{Lu}}[\p{{L}}'’-]+)?", before_town_re()), Postcode, 0, pc(PostcodeCheck::BeforeTown), None);
    }

    /// Whether the match `hit` in `text` is a postcode.
    pub(super) fn check(self, sc: &Scrubber, text: &str, hit: &mut Hit, note: &Note, spans: &[Span]) -> bool {
        let (s, e) = (hit.s, hit.e);
        let m = &text[s..e];
        let get = |w: &str| sc.lex.get(w) & note.keep;
        match self {
            PostcodeCheck::HasDigit => count_digits(m) >= 1,
            PostcodeCheck::Dutch => {
                let letters = &m[m.len() - 2..];
                // (a word of the note's language: "12.1.2023 AU CHU" in French)
                get(&letters.to_lowercase()) & LANGS == 0 && !matches!(
                    letters,
                    "IU" | "MG" | "ML" | "KG" | "UL" | "MU" | "MM" | "CM" | "GY" | "MS" | "HZ" | "UI" | "PM" | "AM" | "AD" | "BC"
                        | "IN" | "ON" | "AT" | "TO" | "OF" | "OR" | "AN" | "AS" | "BY" | "IS" | "IT" | "NO" | "SO" | "UP" | "WE"
                        | "HE" | "ME" | "MY" | "BE" | "DO" | "GO" | "IF" | "US" | "PT" | "ED" | "GP" | "DR" | "MR" | "HR" | "BP"
                        | "IV" | "IM" | "SC" | "PO" | "OD" | "BD" | "QD" | "TD" | "ST" | "ND" | "RD" | "TH" | "CE" | "BCE"
                )
            }
            PostcodeCheck::BeforeTown => {
                // the code ends where a word of three letters or more begins ("1012 AB | Amsterdam",
                // "94 403 | VINCENNES")
                let code_len = m
                    .match_indices([' ', '\t', ','])
                    .map(|(i, _)| i)
                    .find(|&i| m[i..].trim_start_matches([' ', '\t', ',']).split([' ', '\t']).next().is_some_and(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic)))
                    .unwrap_or(m.len());
                let town = m[code_len..].trim_start_matches([' ', '\t', ',']);
                let first = town.split([' ', '\t']).next().unwrap_or("");
                let f = get(&first.to_lowercase());
                // a second word before a colon is the next label: "28013 Madrid NHC: ..."
                if town.len() > first.len() && before_colon(text, e) {
                    hit.e = s + (m.len() - town.len()) + first.len();
                }
                // (a town may share its name with a word of the note's language: "77500 Ivry")
                // (four digits are also a year or a count: "2019 Oslo" only before a known town,
                // another word only if no language, country or list knows it)
                let code = &m[..code_len];
                let four = count_digits(code) == 4;
                // ("En 2017, Jouy en Josas": a year and its comma)
                let year = four && (code.starts_with("19") || code.starts_with("20"));
                if year && m[code_len..].starts_with(',') {
                    return false;
                }
                let ordinary = ENGLISH | CLINICAL | MONTH | STOP | TITLE | RELATION | if four { COUNTRY | LANGS } else { 0 };
                let capitalised = first.starts_with(char::is_uppercase);
                let town_ok = f & (CITY | AMB_CITY) != 0 || capitalised && !year && f & ordinary == 0 && !looks_medical(&first.to_lowercase());
                !preceded_by_decimal(text, s) && !text[..s].ends_with(['-', '/', '+', '(']) && town_ok
            }
            PostcodeCheck::ContactLine => {
                let line_s = text[..s].rfind('\n').map_or(0, |p| p + 1);
                let line_e = text[e..].find('\n').map_or(text.len(), |p| e + p);
                let contact = spans.iter().any(|sp| matches!(sp.kind, Placeholder::Phone | Placeholder::Email) && line_s <= sp.s && sp.e <= line_e);
                let inside = spans.iter().any(|sp| sp.s < e && s < sp.e);
                contact && !inside && !preceded_by_decimal(text, s) && !text[..s].ends_with(['-', '/', '+', '(', ':', '.', ',']) && !followed_by_unit_or_decimal(&text[e..]) && !text[e..].starts_with([')', '-', '/'])
            }
            PostcodeCheck::ZipPlus4 => !text[..s].trim_end_matches(' ').ends_with(|c: char| c == ')' || c == '-' || c == '+' || c.is_ascii_digit()),
            PostcodeCheck::AfterCountry => {
                let year = is_year(m);
                !year && !followed_by_unit_or_decimal(&text[e..]) && (text[..s].trim_end().ends_with(']') || sc.country_ends_at(&text[..s]))
            }
        }
    }
}
