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

/// One country's numbering plan, from libphonenumber's metadata, compiled once: what a national
/// number looks like and how the country groups its digits. (The crate's own parser keeps a cache
/// of 100 of the metadata's thousands of patterns and compiles the others on every call: far too
/// slow for every digit group of every note.)
struct Plan {
    /// the trunk prefix dialled before a national number ("0"), if the country has one
    trunk: Option<String>,
    /// what a national number may open with that is no part of it (a trunk prefix, a carrier's or
    /// a mobile's prefix: Argentina's "0 11 15"), with what replaces it ("9$1"), if anything
    for_parsing: Option<(Regex, Option<String>)>,
    /// each kind of line's national numbers (fixed, mobile, toll-free, ...), anchored, in one set
    kinds: regex::RegexSet,
    /// the lengths a number of each kind has (empty: any)
    lengths: Vec<Vec<u16>>,
    /// each format: the first digits it applies to, its pattern (anchored), and the order of its
    /// groups; compiled when first needed (most countries' formats are never read)
    formats: Vec<(String, String, Vec<usize>, OnceLock<(Option<Regex>, Regex)>)>,
}

/// The plans' patterns: ASCII digits, white space in the metadata's patterns ignored, each with a
/// small cache (hundreds of them: the default cache of every one would weigh megabytes).
fn plan_regex(pattern: &str) -> Regex {
    regex::RegexBuilder::new(pattern).unicode(false).ignore_whitespace(true).dfa_size_limit(1 << 16).build().unwrap_or_else(|e| panic!("libphonenumber pattern {pattern:?}: {e}"))
}

/// The numbering plans of the packs' `[phone_regions]`.
fn plans() -> &'static [Plan] {
    static PLANS: OnceLock<Vec<Plan>> = OnceLock::new();
    PLANS.get_or_init(|| {
        use phonenumber::metadata::DATABASE;
        phone_regions()
            .iter()
            .map(|region| {
                let meta = DATABASE.by_id(region.as_ref()).unwrap_or_else(|| panic!("no metadata for {region:?}"));
                let d = meta.descriptors();
                let kinds: Vec<_> = [d.fixed_line(), d.mobile(), d.toll_free(), d.premium_rate(), d.shared_cost(), d.personal_number(), d.voip(), d.uan(), d.pager()].into_iter().flatten().collect();
                let lengths = kinds.iter().map(|k| k.possible_length().to_vec()).collect();
                let kinds = regex::RegexSetBuilder::new(kinds.iter().map(|k| format!("^(?:{})$", k.national_number().as_str())))
                    .unicode(false)
                    .ignore_whitespace(true)
                    .dfa_size_limit(1 << 18)
                    .build()
                    .expect("libphonenumber number patterns");
                let formats = meta
                    .formats()
                    .iter()
                    .map(|f| {
                        let leading = f.leading_digits().last().map_or(String::new(), |l| l.as_str().to_owned());
                        let order = f.format().split('$').skip(1).filter_map(|g| g.chars().next()?.to_digit(10)).map(|g| g as usize).collect();
                        (leading, f.pattern().as_str().to_owned(), order, OnceLock::new())
                    })
                    .collect();
                let for_parsing = meta.national_prefix_for_parsing().map(|p| {
                    let re = plan_regex(&format!("^(?:{})", p.as_str()));
                    (re, meta.national_prefix_transform_rule().map(str::to_owned))
                });
                Plan { trunk: meta.national_prefix().map(str::to_owned), for_parsing, kinds, lengths, formats }
            })
            .collect()
    })
}

impl Plan {
    /// Whether `found` holds for one of the national significant numbers `digits` may be: as
    /// typed, without its trunk prefix, or as the plan's prefix for parsing leaves it (each built
    /// only when the ones before it did not do: most digit groups are no number of most plans).
    fn any_national(&self, digits: &str, mut found: impl FnMut(&str) -> bool) -> bool {
        if found(digits) {
            return true;
        }
        if let Some(rest) = self.trunk.as_deref().and_then(|t| digits.strip_prefix(t)).filter(|rest| !rest.is_empty()) {
            if found(rest) {
                return true;
            }
        }
        if let Some((re, transform)) = &self.for_parsing {
            if let Some(c) = re.captures(digits).filter(|c| c.get(0).is_some_and(|m| m.end() > 0)) {
                let rest = &digits[c.get(0).map_or(0, |m| m.end())..];
                let mut nsn = String::new();
                match transform {
                    Some(rule) if c.len() > 1 && c.get(c.len() - 1).is_some() => {
                        // ("$1" is the first group's digits; libphonenumber's rules have one digit after "$")
                        let mut chars = rule.chars();
                        while let Some(ch) = chars.next() {
                            match ch {
                                '$' => nsn.push_str(chars.next().and_then(|g| c.get(g.to_digit(10)? as usize)).map_or("", |m| m.as_str())),
                                _ => nsn.push(ch),
                            }
                        }
                        nsn.push_str(rest);
                    }
                    _ => nsn.push_str(rest),
                }
                return !nsn.is_empty() && found(&nsn);
            }
        }
        false
    }

    fn valid(&self, nsn: &str) -> bool {
        // (`is_match` first: it stops at the first kind that matches, where `matches` tries every
        // kind, and most numbers are of no kind of most plans)
        self.kinds.is_match(nsn) && self.kinds.matches(nsn).iter().any(|k| self.lengths[k].is_empty() || self.lengths[k].contains(&(nsn.len() as u16)))
    }

    /// The lengths of the groups the country writes `nsn` in, if a format of its plan applies.
    fn groups(&self, nsn: &str) -> Option<Vec<usize>> {
        let compiled = |leading: &str, pattern: &str| ((!leading.is_empty()).then(|| plan_regex(&format!("^(?:{leading})"))), plan_regex(&format!("^(?:{pattern})$")));
        let (pattern, order) = self.formats.iter().find_map(|(leading, pattern, order, re)| {
            let (leading, pattern) = re.get_or_init(|| compiled(leading, pattern));
            (leading.as_ref().is_none_or(|l| l.is_match(nsn)) && pattern.is_match(nsn)).then_some((pattern, order))
        })?;
        let caps = pattern.captures(nsn)?;
        Some(order.iter().filter_map(|&g| caps.get(g)).map(|m| m.len()).collect())
    }
}

/// The lengths of the digit groups of `m`, in order.
fn digit_groups(m: &str) -> Vec<usize> {
    m.split(|c: char| !c.is_ascii_digit()).map(str::len).filter(|&n| n > 0).collect()
}

/// The digits of `m`, if they are as many as a person's phone number has: a number of fewer than
/// seven digits is a service's, a count or a postcode; E.164 allows 15, and an international prefix
/// ("00") may come before them.
fn personal_number_digits(m: &str) -> Option<String> {
    let digits: String = m.chars().filter(char::is_ascii_digit).collect();
    (7..=17).contains(&digits.len()).then_some(digits)
}

/// Whether `m` (digits and the separators people type between them) is a valid phone number by
/// libphonenumber's metadata: with its country code ("+47 22 12 34 56") of any country, else a
/// national number, with its trunk prefix where the country has one, of a country of the packs'
/// `[phone_regions]`.
pub(super) fn is_valid_number(m: &str) -> bool {
    let Some(digits) = personal_number_digits(m) else { return false };
    if m.trim_start().starts_with('+') {
        // (the crate's parser, for a country code of any country: rare, so its slowness is no matter)
        return phonenumber::parse(None, m).is_ok_and(|n| phonenumber::is_valid(&n));
    }
    plans().iter().any(|p| p.any_national(&digits, |nsn| p.valid(nsn)))
}

/// Whether `m` opens with a country calling code in brackets where E.123 writes its "+", and is a
/// valid number of that country: "(33) 1 45 56 78 90", "(49) 30 5682001".
fn calling_code_in_brackets(m: &str) -> bool {
    let Some((code, rest)) = m.strip_prefix('(').and_then(|r| r.split_once(')')) else { return false };
    (1..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit()) && is_valid_number(&format!("+{code} {rest}"))
}

/// Whether `m` is a valid national number (as `is_valid_number`) whose digits are grouped as its
/// country groups them ("0800 1234567890", "06 12345678", "0 801 23 45 67", "(11) 96123-4567"),
/// the trunk prefix joined to the first group or apart: a measure before a number ("WBC 0.5
/// 1234567") is grouped as no plan groups it.
pub(super) fn grouped_as_its_plan(m: &str) -> bool {
    let Some(digits) = personal_number_digits(m) else { return false };
    let typed = digit_groups(m);
    plans().iter().any(|p| {
        p.any_national(&digits, |nsn| {
            if !p.valid(nsn) {
                return false;
            }
            let Some(mut plan) = p.groups(nsn) else { return false };
            let trunk = digits.len().saturating_sub(nsn.len());
            if typed == plan || trunk == 0 {
                return typed == plan;
            }
            // the trunk prefix alone, or joined to the first group
            let mut apart = vec![trunk];
            apart.extend(&plan);
            plan[0] += trunk;
            // the area code with its trunk prefix as the plan writes it, then the subscriber's
            // number in groups of its own: DIN 5008 writes it whole with its extension after a
            // hyphen ("030 1234567-89"), before 2001 in pairs from the right ("030 / 12 34 56 78")
            // (an area code of three digits or more, set off by a blank or a slash: no SSN "054-28-6917")
            let set_off = m.split(|c: char| !c.is_ascii_digit()).next().is_some_and(|a| a.len() >= 3 && matches!(m[a.len()..].chars().next(), Some(' ' | '/')));
            let din_5008 = plan.len() >= 2 && typed.len() >= 2 && typed[0] == plan[0] && set_off && !m.contains('.');
            typed == apart || typed == plan || din_5008
        })
    })
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
        // (the numbering plans are compiled with the table, not at the first note)
        plans();
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
        // (DIN 5008 before 2001 set the area code off with a slash between blanks: "030 / 123 456-78")
        add(r"(?:\(\d{1,5}\)|\b\d{1,6})(?:(?:[ ./-]|[ ]/[ ])\(?\d{1,10}\)?){1,5}\b", Phone, 0, phone(PhoneCheck::Valid), None);
        // a phone extension after the words that give one: "joignable au 73389", "poste 4412", "ext. 2210"
        // (its number sign, and a hospital's five-digit extension with the hyphen after its exchange
        // digit: "pager #1234", "beeper 4-1234")
        let phone_words = pack_words_re("phone_words");
        let prepositions = pack_words_re("phone_prepositions");
        add(&format!(r"\b{phone_words}\.?(?:[ \t]+{prepositions})?[ \t]*:?[ \t]*#?(\d{{4,6}}|\d-\d{{4}})\b"), Phone, 1, Check::WholeNumber, None);
        // an extension glued to libphonenumber's marks of one (its extension patterns: "x", "ext",
        // "extn"): "x4123", "ext4123"
        add(r"\b(?:x|X|ext|EXT|extn)\.?(\d{4,5})\b", Phone, 1, Check::WholeNumber, None);
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
                if another_number(text, s, e) {
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
                    && !another_number(text, s, e)
                    && super::identifiers::national_id(m).is_none()
                    && (grouped_as_its_plan(m) || calling_code_in_brackets(m))
            }
            PhoneCheck::Run if one_digit_repeated(m) => false,
            PhoneCheck::Run => {
                // (eleven digits whose two check digits hold are a fødselsnummer, not a phone)
                let national = m.len() == 11 && super::identifiers::national_id(m) == Some(super::identifiers::Scheme::Fodselsnummer);
                // (a run's kind is its shape's: by the metadata, most runs of seven digits or more are
                // valid somewhere, and a record number after its label stays an identifier)
                if m.starts_with('0') && (10..=12).contains(&m.len()) && !national {
                    hit.kind = Placeholder::Phone;
                }
                // a decimal part ("123456.5") or a thousands group is still a number; keep dates out
                true
            }
        }
    }
}

/// Whether the digit groups `s..e` of `text` are another kind of number than a phone's, or part
/// of one: a range of years or of times of day, the digits after a fraction, a list of decimals,
/// a table of values, a number that goes on, a number before its unit.
fn another_number(text: &str, s: usize, e: usize) -> bool {
    let m = &text[s..e];
    is_year_range(m)
        || is_time_range(m)
        || after_fraction(text, s)
        || is_decimal_list(m)
        || preceded_by_decimal(text, s)
        || in_number_table(text, s, e)
        || number_goes_on(m, &text[e..])
        || followed_by_unit_word(&text[e..])
}

/// Two times of day in ISO 8601's basic form joined by a hyphen ("0700-1900", a shift): a time
/// interval, no phone number.
fn is_time_range(m: &str) -> bool {
    let hhmm = |g: &str| g.len() == 4 && g.bytes().all(|b| b.is_ascii_digit()) && g[..2] < *"24" && g[2..] < *"60";
    m.split_once('-').is_some_and(|(a, b)| hhmm(a) && hhmm(b))
}

/// Whether the digits at `s` go on from a fraction or a numeric date of one or two digits before
/// them ("3/14 0700": the day of "3/14" and a time, no digit group of a phone; "4567/555 987 6543"
/// is a second number).
fn after_fraction(text: &str, s: usize) -> bool {
    let Some(before) = text[..s].strip_suffix('/') else { return false };
    let digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
    let rest = &before.as_bytes()[..before.len() - digits];
    (1..=2).contains(&digits) && !rest.last().is_some_and(|&c| matches!(c, b' ' | b'.' | b'-') && rest.len() >= 2 && rest[rest.len() - 2].is_ascii_digit())
}
