//! Phone numbers (`[PHONE]`): international numbers (ITU-T E.164: a country code and at most 15
//! digits), national numbers with their trunk prefix, digit groups, extensions after the packs'
//! `[phone_words]`. Whether a digit group is a phone number is libphonenumber's metadata's to say
//! (the `phonenumber` crate): a valid number of a country of the packs' `[phone_regions]`, or of
//! any country when written with its country code.
use super::patterns::{pack_words_re, Add, Check, Hit};
use super::*;
use phonenumber::country::Id as Region;
use std::sync::OnceLock;

/// The countries whose national numbers the packs' notes write (`[phone_regions]` of each pack's
/// generated `formats.txt`), once each, in pack order.
pub(super) fn phone_regions() -> &'static [Region] {
    static REGIONS: OnceLock<Vec<Region>> = OnceLock::new();
    REGIONS.get_or_init(|| {
        let mut out: Vec<Region> = Vec::new();
        for code in packs::section("phone_regions") {
            let region: Region = code.parse().unwrap_or_else(|_| panic!("[phone_regions]: {code:?} is no region libphonenumber knows"));
            if !out.contains(&region) {
                out.push(region);
            }
        }
        out
    })
}

/// `phone_regions`, as the parser takes them.
fn national_regions() -> &'static [Option<Region>] {
    static REGIONS: OnceLock<Vec<Option<Region>>> = OnceLock::new();
    REGIONS.get_or_init(|| phone_regions().iter().copied().map(Some).collect())
}

/// Whether `m` (digits and the separators people type between them) is a valid phone number by
/// libphonenumber's metadata: with its country code ("+47 22 12 34 56", "0033 1 42 68 53 00") of
/// any country, else a national number, with its trunk prefix where the country has one, of a
/// country of the packs' `[phone_regions]`.
pub(super) fn is_valid_number(m: &str) -> bool {
    valid_numbers(m).next().is_some()
}

/// Whether `m` is a valid number (as `is_valid_number`) whose digits are grouped as its numbering
/// plan groups them, nationally or internationally ("0800 1234567890", "06 12345678", "+55 11
/// 96123-4567"): a measure before a number ("WBC 0.5 1234567") is grouped as no plan groups it.
pub(super) fn grouped_as_its_plan(m: &str) -> bool {
    use phonenumber::Mode;
    let groups = |s: &str| -> Vec<usize> { s.split(|c: char| !c.is_ascii_digit()).map(str::len).filter(|&n| n > 0).collect() };
    let typed = groups(m);
    let international = m.trim_start().starts_with('+');
    valid_numbers(m).any(|n| {
        let national = groups(&n.format().mode(Mode::National).to_string());
        let abroad = groups(&n.format().mode(Mode::International).to_string());
        // (the country code is the first group abroad: compared only where it was typed)
        typed == national || typed == abroad || (!international && typed.as_slice() == abroad.get(1..).unwrap_or_default())
    })
}

/// The valid numbers `m` reads as: with its country code, the one; else one for each country of
/// the packs' `[phone_regions]` in whose plan it is valid.
fn valid_numbers(m: &str) -> impl Iterator<Item = phonenumber::PhoneNumber> + '_ {
    let digits = count_digits(m);
    // (a number of fewer than seven digits is a service's, a count or a postcode, not a person's)
    let plausible = (7..=17).contains(&digits);
    // (the crate's parser reads the separators and the brackets itself)
    let international = m.trim_start().starts_with('+');
    let regions: &[Option<Region>] = if !plausible { &[] } else if international { &[None] } else { national_regions() };
    regions.iter().filter_map(move |&region| phonenumber::parse(region, m).ok().filter(phonenumber::is_valid))
}

/// What a phone pattern's match must pass.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum PhoneCheck {
    /// international / bracketed phone: 7..=15 digits (E.164)
    Digits,
    /// digit groups with separators: >= 6 digits; a phone or an identifier by its shape
    Groups,
    /// contiguous digits >= 6: an identifier, or a national phone number with its trunk 0
    Run,
    /// digits grouped as a numbering plan groups them ("0800 1234567890", "06 12345678",
    /// "0 801 23 45 67"): a phone if libphonenumber's metadata says it is a valid number
    Valid,
}

impl PhoneCheck {
    /// The phone patterns, in the table's order (the digit runs that are no phone are `[ID]`).
    pub(super) fn add_patterns(add: &mut Add) {
        use Placeholder::{Id, Phone};
        let phone = |c: PhoneCheck| Check::Phone(c);
        // E.164 with its "+" and a country code, perhaps a trunk digit in brackets: "+46 (0)8 928 571 38"
        add(r"\+\d{1,3}(?:[ .-]?\(\d{1,4}\))?(?:[ .-]?\d{1,6}){1,6}(?:\s?(?:x|ext\.?)\s?\d{1,5})?", Phone, 0, phone(PhoneCheck::Digits), Some("+"));
        // an area code in brackets, perhaps an international prefix "00": "(555) 504-2264"
        add(r"(?:\b00\d{1,3}[ .-]?)?\(\d{2,5}\)[ .-]?\d{2,5}(?:[ .-]?\d{2,5}){0,3}(?:\s?(?:x|ext\.?)\s?\d{1,5})?", Phone, 0, phone(PhoneCheck::Digits), Some("("));
        add(r"\b\d{2,6}(?:[ .-]\d{2,6}){1,5}\b(?:\s?(?:x|ext\.?)\s?\d{1,5}\b)?", Phone, 0, phone(PhoneCheck::Groups), None);
        // digits typed with spaces: "2 9 0 2 1 9 9 5", "1 60 04 25 311 114 26", "2 127647 86182741",
        // "05 1 2 2 0 2 4", "1 2 . 0 6 . 1 9 8 1"
        add(r"\b\d{1,2}(?:(?:[ ]|[ ]?[./][ ]?)\d{1,8}){2,40}\b", Id, 0, Check::Id(super::identifiers::IdCheck::SpacedDigits), None);
        // a French number in pairs with a letter O typed for a zero: "O1.42.15.93.30", "01.42.16.10.O2"
        add(r"\b[0Oo][1-9Oo](?:[ .-][\dOo]{2}){4}\b", Phone, 0, phone(PhoneCheck::Digits), None);
        // a national number with its trunk prefix: "0393 1144137", "0961-7596216"
        add(r"\b0\d{2,4}[ -]\d{6,8}\b", Phone, 0, Check::None, None);
        add(r"\b\d{6,}\b", Id, 0, phone(PhoneCheck::Run), None);
        // any grouping a numbering plan writes (a group of one digit, of ten, a trunk digit
        // alone), whose validity the metadata decides
        add(r"(?:\(\d{1,5}\)|\b\d{1,6})(?:[ ./-]\(?\d{1,10}\)?){1,5}\b", Phone, 0, phone(PhoneCheck::Valid), None);
        // a phone extension after the words that give one: "joignable au 73389", "poste 4412", "ext. 2210"
        let phone_words = pack_words_re("phone_words");
        add(&format!(r"\b{phone_words}\.?(?:[ \t]+(?i:au|à|a|on|at|al|sur|op|på))?[ \t]*:?[ \t]*(\d{{4,6}})\b"), Phone, 1, Check::WholeNumber, None);
    }

    /// Whether the match `hit` in `text` is a phone number (or, by its shape, an identifier).
    pub(super) fn check(self, text: &str, hit: &mut Hit) -> bool {
        let (s, e) = (hit.s, hit.e);
        let m = &text[s..e];
        match self {
            PhoneCheck::Digits => (7..=15).contains(&count_digits(m)) || is_valid_number(m),
            PhoneCheck::Groups => {
                let n = count_digits(m);
                if n < 6 || one_digit_repeated(m) {
                    return false;
                }
                // (nor the rest of a number: "1/2.621.440")
                if is_year_range(m) || is_decimal_list(m) || preceded_by_decimal(text, s) || in_number_table(text, s, e) || number_goes_on(m, &text[e..]) || followed_by_unit_word(&text[e..]) {
                    return false;
                }
                let ssn = m.len() == 11 && m.as_bytes()[3] == b'-' && m.as_bytes()[6] == b'-';
                // (a date, a hyphen and four digits whose check holds: a personnummer or a CPR)
                let dated_id = m.len() == 11 && matches!(m.as_bytes()[6], b'-' | b'+') && super::identifiers::national_id(m).is_some();
                // (a shape alone where the metadata cannot tell: a number with its trunk 0, or of 9 to
                // 12 digits; else a valid number of a pack's country)
                let phone = !ssn && !dated_id && ((n >= 7 && (m.starts_with('0') || (9..=12).contains(&n))) || is_valid_number(m));
                hit.kind = if phone { Placeholder::Phone } else { Placeholder::Id };
                true
            }
            PhoneCheck::Valid => {
                // (a number that a check digit makes an identifier is the identifiers'; a date, a
                // range of years, a list of decimals, a table of values are no phone)
                let n = count_digits(m);
                // (a slash follows an area code with its trunk prefix, "040/123 456", not a
                // fraction, "1/2.621.440")
                let slash_ok = m.matches('/').count() <= 1 && m.split('/').nth(1).is_none_or(|_| m.starts_with('0'));
                (7..=15).contains(&n)
                    && slash_ok
                    && !one_digit_repeated(m)
                    && !is_year_range(m)
                    && !is_decimal_list(m)
                    && !preceded_by_decimal(text, s)
                    && !in_number_table(text, s, e)
                    && !number_goes_on(m, &text[e..])
                    && !followed_by_unit_word(&text[e..])
                    && super::identifiers::national_id(m).is_none()
                    && grouped_as_its_plan(m)
            }
            PhoneCheck::Run if one_digit_repeated(m) => false,
            PhoneCheck::Run => {
                // (eleven digits whose two check digits hold are a fødselsnummer, not a phone)
                let national = m.len() == 11 && super::identifiers::national_id(m) == Some(super::identifiers::Scheme::Fodselsnummer);
                let trunk = m.starts_with('0') && (10..=12).contains(&m.len()) && !national;
                // (a run inside a longer code is the code's: "11568716-S")
                let alone = !text[..s].ends_with(|c: char| c.is_alphanumeric() || c == '-') && !text[e..].starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '/');
                if trunk || (alone && super::identifiers::national_id(m).is_none() && is_valid_number(m)) {
                    hit.kind = Placeholder::Phone;
                }
                // a decimal part ("123456.5") or a thousands group is still a number; keep dates out
                true
            }
        }
    }
}
