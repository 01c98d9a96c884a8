//! Phone numbers (`[PHONE]`): international numbers (ITU-T E.164: a country code and at most 15
//! digits), national numbers with their trunk prefix, digit groups, extensions after the packs'
//! `[phone_words]`.
use super::patterns::{pack_words_re, Add, Check, Hit};
use super::*;

/// What a phone pattern's match must pass.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum PhoneCheck {
    /// international / bracketed phone: 7..=15 digits (E.164)
    Digits,
    /// digit groups with separators: >= 6 digits; a phone or an identifier by its shape
    Groups,
    /// contiguous digits >= 6: an identifier, or a national phone number with its trunk 0
    Run,
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
        // a phone extension after the words that give one: "joignable au 73389", "poste 4412", "ext. 2210"
        let phone_words = pack_words_re("phone_words");
        add(&format!(r"\b{phone_words}\.?(?:[ \t]+(?i:au|à|a|on|at|al|sur|op|på))?[ \t]*:?[ \t]*(\d{{4,6}})\b"), Phone, 1, Check::WholeNumber, None);
    }

    /// Whether the match `hit` in `text` is a phone number (or, by its shape, an identifier).
    pub(super) fn check(self, text: &str, hit: &mut Hit) -> bool {
        let (s, e) = (hit.s, hit.e);
        let m = &text[s..e];
        match self {
            PhoneCheck::Digits => (7..=15).contains(&count_digits(m)),
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
                let phone = n >= 7 && !ssn && !dated_id && (m.starts_with('0') || (9..=12).contains(&n));
                hit.kind = if phone { Placeholder::Phone } else { Placeholder::Id };
                true
            }
            PhoneCheck::Run if one_digit_repeated(m) => false,
            PhoneCheck::Run => {
                // (eleven digits whose two check digits hold are a fødselsnummer, not a phone)
                let national = m.len() == 11 && super::identifiers::national_id(m) == Some(super::identifiers::Scheme::Fodselsnummer);
                if m.starts_with('0') && (10..=12).contains(&m.len()) && !national {
                    hit.kind = Placeholder::Phone;
                }
                // a decimal part ("123456.5") or a thousands group is still a number; keep dates out
                true
            }
        }
    }
}
