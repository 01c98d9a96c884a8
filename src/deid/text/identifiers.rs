//! Identifiers (`[ID]`): national and insurance numbers by their check digits, record numbers
//! after the packs' identifier labels, and the shapes of codes (letters and digits, handles,
//! registrations). Each scheme's check cites its specification.
use super::patterns::{Add, Check, Hit};
use super::*;

/// What an identifier pattern's match must pass.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum IdCheck {
    /// mixed letter-digit token: length >= 6, >= 4 digits, >= 1 letter, not allow-listed
    Mixed,
    /// letter prefix + digits: prefix not a clinical word
    Coded,
    /// letters, a hyphen and four or more digits ("HP-987654", "EM-2554"): the prefix may be any
    /// word, but a clinical one only with five digits or more ("COVID-2019" is no record number)
    HyphenCode,
    /// the same in lower case: run on its own (`Check::runs_alone`)
    LowerHyphenCode,
    /// keyword-led identifier: >= 4 digits in the capture
    Keyword,
    /// after an identifier label of a pack ("Fallnummer", "NHC", "Pat.-Nr."): >= 3 digits
    Labelled,
    /// after a pack's word for "number" ("file no. 4471", "Akte Nr. 4711"): >= 4 digits, no year
    /// alone ("number 2021")
    NumberSign,
    /// digits typed with spaces: all single digits (>= 6), or >= 10 digits; a date when the 8
    /// digits read as day, month, year
    SpacedDigits,
    /// a national identifier: its check digits are right (`national_id`)
    National,
}

/// A national identification scheme, told by its check digits.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Scheme {
    /// Norwegian fødselsnummer (Skatteetaten: 11 digits, two mod-11 check digits)
    Fodselsnummer,
    /// Swedish personnummer (Skatteverket SKV 704: YYMMDD-NNNC, Luhn)
    Personnummer,
    /// Danish CPR (CPR-kontoret: DDMMYY-SSSS, a real date; no modulus since 2007)
    Cpr,
    /// French NIR (INSEE: 13 characters and a key = 97 - n mod 97; Corsica 2A/2B)
    Nir,
    /// Spanish DNI / NIE (Real Decreto 1553/2005: 8 digits, or X/Y/Z and 7, and a letter mod 23)
    DniNie,
    /// Italian codice fiscale (DM 23/12/1976: 15 characters and a check letter)
    CodiceFiscale,
    /// Dutch BSN (the 11-test, weights 9..2 and -1)
    Bsn,
    /// Portuguese NIF (9 digits, mod 11)
    NifPt,
    /// UK NHS number (NHS Data Dictionary: 10 digits, mod 11)
    Nhs,
    /// IBAN (ISO 13616: country, two check digits, mod 97 = 1)
    Iban,
    /// German Krankenversichertennummer (§ 290 SGB V: a letter, 9 digits, the last a check digit)
    Kvnr,
    /// US Medicare Beneficiary Identifier (CMS MBI format: 11 characters, no check digit)
    Mbi,
}

fn digits(s: &str) -> Vec<u32> {
    s.chars().filter_map(|c| c.to_digit(10)).collect()
}

/// A weighted sum of digits.
fn weighted(d: &[u32], w: &[u32]) -> u32 {
    d.iter().zip(w).map(|(a, b)| a * b).sum()
}

/// Luhn (ISO/IEC 7812-1): the sum with every second digit from the right doubled ends in 0.
pub(super) fn luhn(d: &[u32]) -> bool {
    let sum: u32 = d.iter().rev().enumerate().map(|(i, &x)| if i % 2 == 1 { let y = x * 2; if y > 9 { y - 9 } else { y } } else { x }).sum();
    !d.is_empty() && sum % 10 == 0
}

fn valid_day_month(day: u32, month: u32) -> bool {
    (1..=31).contains(&day) && (1..=12).contains(&month)
}

/// The remainder mod 97 of a long decimal number written as a string of digits.
fn mod97(s: &str) -> u32 {
    s.chars().filter_map(|c| c.to_digit(10)).fold(0, |r, d| (r * 10 + d) % 97)
}

/// Which national scheme `m` (separators allowed) is, by its form and check digits: the first of
/// `national_ids`.
pub(super) fn national_id(m: &str) -> Option<Scheme> {
    national_ids(m).first().copied()
}

/// Every national scheme whose form and check digits `m` fits (nine digits may be a valid BSN
/// and a valid NIF at once).
pub(super) fn national_ids(m: &str) -> Vec<Scheme> {
    // (every scheme below has 9 to 34 letters and digits: most numbers of a note are shorter,
    // and are no identifier before anything is allocated)
    if !(9..=34).contains(&m.chars().filter(char::is_ascii_alphanumeric).count()) {
        return Vec::new();
    }
    let raw: String = m.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_uppercase();
    let all_digits = raw.bytes().all(|b| b.is_ascii_digit());
    let d = digits(&raw);
    // where the separators stand (as counts of the characters before them): each scheme is
    // written in its own groups ("943 476 5919", "811228-9874", "1234.56.782")
    let cuts = separators_at(m);
    let cut_at = |groups: &[usize]| cuts.is_empty() || cuts == groups;
    let checks: [(Scheme, bool); 12] = [
        (Scheme::Iban, raw.len() >= 15 && raw.len() <= 34 && raw.as_bytes()[..2].iter().all(u8::is_ascii_uppercase) && raw[2..4].bytes().all(|b| b.is_ascii_digit()) && iban_ok(&raw)),
        (Scheme::CodiceFiscale, raw.len() == 16 && codice_fiscale_ok(&raw)),
        (Scheme::Nir, (raw.len() == 15 || raw.len() == 13) && nir_ok(&raw)),
        (Scheme::DniNie, raw.len() == 9 && dni_ok(&raw)),
        (Scheme::Kvnr, raw.len() == 10 && raw.as_bytes()[0].is_ascii_uppercase() && raw[1..].bytes().all(|b| b.is_ascii_digit()) && kvnr_ok(&raw)),
        (Scheme::Mbi, raw.len() == 11 && mbi_ok(&raw)),
        (Scheme::Fodselsnummer, all_digits && d.len() == 11 && cut_at(&[6]) && fodselsnummer_ok(&d)),
        (Scheme::Nhs, all_digits && d.len() == 10 && cut_at(&[3, 6]) && nhs_ok(&d)),
        (Scheme::Personnummer, all_digits && (d.len() == 10 && cut_at(&[6]) || d.len() == 12 && cut_at(&[8])) && personnummer_ok(&d[d.len() - 10..])),
        (Scheme::Cpr, all_digits && d.len() == 10 && cuts == [6] && m.contains('-') && valid_day_month(d[0] * 10 + d[1], d[2] * 10 + d[3])),
        (Scheme::Bsn, all_digits && d.len() == 9 && (cut_at(&[4, 6]) || cut_at(&[3, 6])) && bsn_ok(&d)),
        (Scheme::NifPt, all_digits && d.len() == 9 && cut_at(&[3, 6]) && nif_pt_ok(&d)),
    ];
    checks.into_iter().filter(|(_, ok)| *ok).map(|(s, _)| s).collect()
}

/// The number of letters and digits before each run of separators in `m`.
fn separators_at(m: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut n = 0;
    let mut in_sep = false;
    for c in m.chars() {
        if c.is_ascii_alphanumeric() {
            n += 1;
            in_sep = false;
        } else if !in_sep {
            out.push(n);
            in_sep = true;
        }
    }
    out
}

/// ISO 13616: move the first four characters to the end, letters as 10..35, mod 97 is 1.
fn iban_ok(raw: &str) -> bool {
    let moved: String = raw[4..].chars().chain(raw[..4].chars()).map(|c| c.to_digit(36).map_or(String::new(), |v| v.to_string())).collect();
    raw.bytes().all(|b| b.is_ascii_alphanumeric()) && mod97(&moved) == 1
}

/// Norwegian fødselsnummer: k1 over the first 9 digits with 3 7 6 1 8 9 4 5 2, k2 over the first
/// 10 with 5 4 3 2 7 6 5 4 3 2; each 11 - sum mod 11 (11 is 0, 10 is invalid); day + 40 for a
/// D-number, month + 40 / + 80 for H- and synthetic numbers.
fn fodselsnummer_ok(d: &[u32]) -> bool {
    let k = |w: &[u32], n: usize| match 11 - weighted(&d[..n], w) % 11 {
        11 => Some(0),
        10 => None,
        x => Some(x),
    };
    let (day, month) = ((d[0] * 10 + d[1]) % 40, (d[2] * 10 + d[3]) % 40);
    valid_day_month(day, month) && k(&[3, 7, 6, 1, 8, 9, 4, 5, 2], 9) == Some(d[9]) && k(&[5, 4, 3, 2, 7, 6, 5, 4, 3, 2], 10) == Some(d[10])
}

/// Swedish personnummer (YYMMDDNNNC): a date (day + 60 for a samordningsnummer) and Luhn.
fn personnummer_ok(d: &[u32]) -> bool {
    valid_day_month((d[4] * 10 + d[5]) % 60, d[2] * 10 + d[3]) && luhn(d)
}

/// NHS number: 11 - (weights 10..2) mod 11 is the tenth digit (11 is 0, 10 invalid).
fn nhs_ok(d: &[u32]) -> bool {
    let c = 11 - weighted(&d[..9], &[10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11;
    let c = if c == 11 { 0 } else { c };
    c != 10 && c == d[9]
}

/// BSN, the 11-test: weights 9..2 and -1 give a multiple of 11.
fn bsn_ok(d: &[u32]) -> bool {
    let s = weighted(&d[..8], &[9, 8, 7, 6, 5, 4, 3, 2]) as i64 - d[8] as i64;
    s > 0 && s % 11 == 0
}

/// Portuguese NIF: first digit 1-3, 5, 6, 8, 9; 11 - (weights 9..2) mod 11 (10 and 11 are 0).
fn nif_pt_ok(d: &[u32]) -> bool {
    let c = 11 - weighted(&d[..8], &[9, 8, 7, 6, 5, 4, 3, 2]) % 11;
    matches!(d[0], 1..=3 | 5 | 6 | 8 | 9) && (if c >= 10 { 0 } else { c }) == d[8]
}

/// French NIR: sex 1/2 (7/8 provisional), the key is 97 - (the 13 characters, 2A as 19 and 2B as
/// 18) mod 97; 13 characters alone are a NIR without its key.
fn nir_ok(raw: &str) -> bool {
    let body = raw[..13].replace("2A", "19").replace("2B", "18");
    if !body.bytes().all(|b| b.is_ascii_digit()) || !matches!(body.as_bytes()[0], b'1' | b'2' | b'7' | b'8') {
        return false;
    }
    let month = body[3..5].parse::<u32>().unwrap_or(0);
    let month_ok = (1..=12).contains(&month) || (20..=99).contains(&month);
    month_ok && (raw.len() == 13 || raw[13..].parse::<u32>().ok() == Some(97 - mod97(&body)))
}

/// Spanish DNI / NIE: the number (X 0, Y 1, Z 2) mod 23 picks the letter.
fn dni_ok(raw: &str) -> bool {
    const LETTERS: &[u8] = b"TRWAGMYFPDXBNJZSQVHLCKE";
    let (num, letter) = raw.split_at(8);
    let num = match num.as_bytes()[0] {
        b'X' => format!("0{}", &num[1..]),
        b'Y' => format!("1{}", &num[1..]),
        b'Z' => format!("2{}", &num[1..]),
        _ => num.to_string(),
    };
    num.parse::<u32>().is_ok_and(|n| LETTERS[(n % 23) as usize] == letter.as_bytes()[0])
}

/// Codice fiscale: the odd positions by one table, the even by their value, mod 26 is the letter.
fn codice_fiscale_ok(raw: &str) -> bool {
    const ODD: [u32; 26] = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
    let b = raw.as_bytes();
    let value = |c: u8| if c.is_ascii_digit() { (c - b'0') as u32 } else { (c - b'A') as u32 };
    if !b.iter().all(u8::is_ascii_alphanumeric) || !b[..6].iter().all(u8::is_ascii_uppercase) || !b[15].is_ascii_uppercase() {
        return false;
    }
    let sum: u32 = b[..15].iter().enumerate().map(|(i, &c)| if i % 2 == 0 { ODD[value(c) as usize] } else { value(c) }).sum();
    b[15] == b'A' + (sum % 26) as u8
}

/// Krankenversichertennummer: the letter as two digits (A = 01), then the first 8 digits; weights
/// 1 2 1 2 ..., the digit sums of the products, mod 10 is the last digit.
fn kvnr_ok(raw: &str) -> bool {
    let n = raw.as_bytes()[0] - b'A' + 1;
    let mut d = vec![(n / 10) as u32, (n % 10) as u32];
    d.extend(digits(&raw[1..9]));
    let sum: u32 = d.iter().enumerate().map(|(i, &x)| { let p = x * if i % 2 == 0 { 1 } else { 2 }; p / 10 + p % 10 }).sum();
    sum % 10 == raw.as_bytes()[9] as u32 - b'0' as u32
}

/// Medicare Beneficiary Identifier: C A AN N A AN N A A N N (letters without S L O I B Z).
fn mbi_ok(raw: &str) -> bool {
    let alpha = |c: u8| c.is_ascii_uppercase() && !b"SLOIBZ".contains(&c);
    let b = raw.as_bytes();
    let form = [b"C", b"A", b"X", b"N", b"A", b"X", b"N", b"A", b"A", b"N", b"N"];
    b.iter().zip(form).all(|(&c, f)| match f[0] {
        b'C' => (b'1'..=b'9').contains(&c),
        b'A' => alpha(c),
        b'N' => c.is_ascii_digit(),
        _ => alpha(c) || c.is_ascii_digit(),
    })
}

impl IdCheck {
    /// The identifier patterns, in the table's order.
    pub(super) fn add_patterns(add: &mut Add) {
        use Placeholder::Id;
        let id = |c: IdCheck| Check::Id(c);
        // social media handles: "@jane_doe87" (not the middle of an email address)
        add(r"(?:^|[\s(\[,;:])(@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}[A-Za-z0-9_])\b", Id, 1, Check::None, Some("@"));
        // vehicle registrations, UK style (DVLA): "AB12 CDE"
        add(r"\b[A-Z]{2}\d{2}[ ]?[A-Z]{3}\b", Id, 0, Check::None, None);
        // US Social Security number (SSA: AAA-GG-SSSS)
        add(r"\b\d{3}-\d{2}-\d{4}\b", Id, 0, Check::None, Some("-"));
        add(r"\b[A-Z]{1,4}[ -]?\d{5,}[A-Z]{0,2}\b", Id, 0, id(IdCheck::Coded), None);
        add(r"\b[A-Za-z]{1,3}\d{5,}[A-Za-z]{0,2}\b", Id, 0, id(IdCheck::Coded), None);
        add(r"(?i)\b[A-Z]{2}\d{2} ?(?:[A-Z0-9]{4} ?){2,7}[A-Z0-9]{1,4}\b", Id, 0, id(IdCheck::Mixed), None);
        add(r"\b[A-Za-z]*\d[A-Za-z0-9]*\b", Id, 0, id(IdCheck::Mixed), None);
        // a number after a word that names an identifier (`[id_words]`: "MRN 12345", "chart 55123",
        // "policy #A7788"), a word for its number perhaps between
        let id_words = super::patterns::pack_words_re("id_words");
        add(
            &format!(r"(?i)\b{id_words}\.?\s*(?:no\.?|num(?:ber)?|#|id|nr\.?)?\s*[:#]?\s*(\d[\d -]{{2,}}\d|[A-Z]{{1,3}}-?\d{{3,}}[A-Z]?)\b"),
            Id,
            1,
            id(IdCheck::Keyword),
            None,
        );
        // a record number after an identifier label of a pack, with or without its colon:
        // "Fallnummer 4711", "Pat.-Nr. 0815", "NHC 123"
        let labels: Vec<String> = packs::labels()
            .into_iter()
            .filter(|(_, k)| *k == packs::LabelKind::Value(Placeholder::Id))
            .map(|(l, _)| regex::escape(l.trim_end_matches('.')).replace(r"\-", r"\.?-?"))
            .collect();
        // (a verb may stand between the label and its value: "chart number is 55123", "Fallnummer
        // lautet 4711"; the value is the record number whatever its form, spec: deidentification.md)
        let verbs = packs::lines_re("label_verbs");
        add(&format!(r"(?i)\b(?:{})\.?[ \t]*(?:nr\.?|no\.?|#)?[ \t]*[:#(,]?[ \t]*(?:{verbs}[ \t]*[:#]?[ \t]+)?#?((?:[A-Z]{{1,4}}[-/]?)?\d[\d/-]*\d[A-Z]?)\b", labels.join("|")), Id, 1, id(IdCheck::Labelled), None);
        // national identifiers in shapes the patterns above do not read whole, kept where their
        // check digits hold: a NIR with its spaces and Corsica's 2A / 2B, a DNI / NIE with its
        // separators, an MBI with its hyphens (IBAN, codice fiscale and KVNR are read by the
        // letter-and-digit patterns above, the numbers of digits by the phones' digit groups)
        add(
            r"\b(?:[1278][ .]?\d{2}[ .]?\d{2}[ .]?(?:\d{2}|2[ABab])[ .]?\d{3}[ .]?\d{3}(?:[ .]?\d{2})?|(?:\d{8}|[XYZxyz][ -]?\d{7})[ -]?[A-Za-z]|[1-9][A-Za-z][A-Za-z0-9]\d-?[A-Za-z][A-Za-z0-9]\d-?[A-Za-z]{2}\d{2})\b",
            Id,
            0,
            id(IdCheck::National),
            None,
        );
        // a number after the number sign, of four digits or more, is one that identifies: "Patient
        // #12345", "Ref #88213" (HIPAA: any other unique identifying number; a count or a rank is
        // written without the sign or with fewer digits, "#1 priority")
        add(r"(?:^|[^\w#&])#[ \t]?(\d{4,}(?:-\d+)*[A-Za-z]?)\b", Id, 1, id(IdCheck::Labelled), Some("#"));
        // the same after a pack's word for "number" (`[number_signs]`): "file no. 4471", "referral
        // number 48213", "dossier n° 4471", "Akte Nr. 4711"
        let signs = super::patterns::pack_words_re("number_signs");
        add(&format!(r"\b(?:{signs})\.?[ \t]*[:#]?[ \t]*(\d{{4,}}(?:-\d+)*[A-Za-z]?)\b"), Id, 1, id(IdCheck::NumberSign), None);
        // letter codes with a hyphen and four or more digits: "HP-987654", "12345-JS", "#99881-BCH"
        add(r"(?:\b|#)(?:[A-Z]{1,4}-\d{4,}|\d{4,}-[A-Z]{1,4})\b", Id, 0, id(IdCheck::HyphenCode), Some("-"));
        // in lower case too, "hp-998877", unless the prefix is an ordinary word or the number a year
        // (on its own: at every word of the combined scan it would cost every note)
        add(r"(?:\b|#)(?:[a-z]{1,4}-\d{4,}|\d{4,}-[a-z]{1,4})\b", Id, 0, id(IdCheck::LowerHyphenCode), Some("-"));
    }

    /// Whether the match `hit` in `text` is an identifier (a spaced one may be a date).
    pub(super) fn check(self, sc: &Scrubber, text: &str, hit: &mut Hit, note: &Note) -> bool {
        let ok = self.check_value(sc, text, hit, note);
        if ok {
            hit.s = plan_before(text, hit.s);
        }
        ok
    }

    fn check_value(self, sc: &Scrubber, text: &str, hit: &mut Hit, note: &Note) -> bool {
        let (s, e) = (hit.s, hit.e);
        let m = &text[s..e];
        let get = |w: &str| sc.lex.get(w) & note.keep;
        match self {
            // (a national identifier whose check holds is one: an IBAN, a codice fiscale, a KVNR)
            IdCheck::Mixed => {
                let n = count_digits(m);
                let l = m.chars().filter(|c| c.is_alphabetic()).count();
                national_id(m).is_some() || m.len() >= 6 && n >= 4 && l >= 1 && !sc.is_clinical(m)
            }
            IdCheck::Coded => {
                let prefix: String = m.chars().take_while(|c| c.is_alphabetic()).collect();
                let lp = prefix.to_lowercase();
                national_id(m).is_some() || !sc.is_clinical(m) && (get(&lp) & (CLINICAL | ENGLISH) == 0 || prefix.len() <= 1 || lp == "no" || lp == "id")
            }
            IdCheck::HyphenCode | IdCheck::LowerHyphenCode => {
                let prefix = m.trim_start_matches('#').split('-').next().unwrap_or("");
                let f = get(&prefix.to_lowercase());
                let clinical = f & CLINICAL != 0 || sc.is_clinical(m);
                let number = m.split('-').find(|p| p.starts_with(|c: char| c.is_ascii_digit())).unwrap_or("");
                let year = is_year(number);
                let lower = m.chars().any(char::is_lowercase);
                let ordinary = f & (ENGLISH | LANGS | STOP | MONTH) != 0;
                (!clinical || count_digits(m) >= 5) && !(lower && (year || ordinary && count_digits(m) < 5))
            }
            IdCheck::Keyword => count_digits(m) >= 4,
            IdCheck::Labelled => count_digits(m) >= 3 && !followed_by_unit_or_decimal(&text[e..]),
            IdCheck::NumberSign => {
                let year = is_year(m);
                // (a French administrative form's number and version, "Cerfa n° 12708*02", names
                // the form, not a person)
                let form = text[e..].starts_with('*');
                count_digits(m) >= 4 && !year && !form && !followed_by_unit_or_decimal(&text[e..])
            }
            IdCheck::National => national_id(m).is_some() && !preceded_by_decimal(text, s) && !followed_by_unit_or_decimal(&text[e..]),
            IdCheck::SpacedDigits => spaced_digits(text, hit),
        }
    }
}

/// Where an identifier starts that follows its health plan's name (`[health_plans]`, only blanks,
/// `#` or `:` between): "Medicare 1EG4TE5MK72" is one beneficiary number (HIPAA 164.514(b)(2)(i)(I));
/// the plan's name alone stays ("covered by Medicare").
fn plan_before(text: &str, s: usize) -> usize {
    static PLANS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let plans = PLANS.get_or_init(|| packs::section("health_plans").map(str::to_lowercase).collect());
    let before = text[..s].trim_end_matches([' ', '\t', '#', ':']);
    let word_start = before.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |p| p + before[p..].chars().next().map_or(1, char::len_utf8));
    let word = &before[word_start..];
    if word_start < s && !word.is_empty() && plans.iter().any(|p| p.eq_ignore_ascii_case(word)) { word_start } else { s }
}

/// Digits typed with spaces: all single digits (>= 6), or >= 10 digits, no table of values nor
/// scale of decimals; a date when the 8 digits read as day, month, year.
fn spaced_digits(text: &str, hit: &mut Hit) -> bool {
    let (s, e) = (hit.s, hit.e);
    let m = &text[s..e];
    let n = count_digits(m);
    let groups: Vec<&str> = m.split(|c: char| !c.is_ascii_digit()).filter(|g| !g.is_empty()).collect();
    // single digits, the first perhaps two ("05 1 2 2 0 2 4": a day then the rest)
    let singles = groups[0].len() <= 2 && groups[1..].iter().all(|g| g.len() == 1);
    let dotted = m.contains(['.', '/']);
    // "0.5 1 1.5 2 2.5": a scale of decimal numbers
    let decimals = m.as_bytes().windows(3).any(|w| w[0].is_ascii_digit() && matches!(w[1], b'.' | b',') && w[2].is_ascii_digit());
    // a long run of numbers of every length is a table of values, not an identifier
    let table = !singles && (groups.len() > 8 || n > 20 || in_number_table(text, s, e));
    let ok = !preceded_by_decimal(text, s) && !table && !decimals && !one_digit_repeated(m) && (singles && n >= 6 || n >= 10 && !dotted) && !followed_by_unit_or_decimal(&text[e..]);
    if ok && n == 8 {
        let d = digits(m);
        let (day, month, year) = (d[0] * 10 + d[1], d[2] * 10 + d[3], d[4] * 10 + d[5]);
        if valid_day_month(day, month) && (19..=20).contains(&year) {
            hit.kind = Placeholder::Date;
        }
    }
    ok
}
