//! Table tests generated from the specifications the format detectors read: every month name of
//! every pack (CLDR) in every case form, every numeric date order of every pack's locales, the
//! postcodes of the packs' countries, and national identifiers whose check digits are computed here
//! from each scheme's published algorithm (valid ones found, every other check digit refused).
use super::identifiers::{national_id, national_ids, Scheme};
use super::*;
use super::tests::scrubber;

/// Ordinary words of a pack's language that no other list knows (no English word, name, town or
/// term), so that the note is read as written in that language (`Lexicon::language_of`), the
/// first capitalised; an English sentence for English.
fn sentence_of(p: &packs::Pack) -> String {
    if p.words.is_empty() {
        return "The patient was seen in the clinic and said that the rash was better".into();
    }
    let lex = &scrubber().lex;
    let plain = |w: &&str| w.chars().count() >= 5 && w.chars().all(char::is_alphabetic) && lex.get(w) & !LANGS == 0;
    let words: Vec<&str> = packs::list_lines(p.words).filter(plain).step_by(97).take(12).collect();
    let mut out = words.join(" ");
    out[..1].make_ascii_uppercase();
    out
}

/// `w` with its first letter in capitals ("medicare" -> "Medicare").
pub(super) fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// The case forms a clinician types a word in: lower, upper, title, and each with a dot.
fn case_forms(w: &str) -> Vec<String> {
    let forms = [w.to_lowercase(), w.to_uppercase(), capitalised(w)];
    forms.iter().flat_map(|f| [f.clone(), format!("{f}.")]).collect()
}

#[track_caller]
fn assert_gone(text: &str, secrets: &[&str]) {
    let out = scrubber().scrub(text, &[]).text;
    for secret in secrets {
        assert!(!out.contains(secret), "{secret:?} survived in {out:?} (input {text:?})");
    }
}

#[test]
fn every_month_of_every_pack_in_every_case_with_a_day_and_a_year() {
    let mut n = 0;
    for p in packs::PACKS {
        for month in packs::section_of(p, "months") {
            for form in case_forms(month) {
                assert_gone(&format!("seen 17 {form} 2019, better"), &["17", "2019", &form]);
                assert_gone(&format!("seen {form} 17, 2019, better"), &["17", "2019"]);
                n += 1;
            }
            // a month written out with its year alone ("März 2019", "mars 2019", "MARZO 2019")
            if month.chars().count() >= 4 {
                for form in case_forms(month) {
                    assert_gone(&format!("seen {form} 2019, better"), &["2019"]);
                }
            }
        }
    }
    assert!(n >= 8 * 12 * 6, "{n} month forms");
}

/// A date in a CLDR numeric pattern: 25 December 2019 and 3 April 2019.
pub(super) fn format_cldr(pattern: &str, day: u32, month: u32) -> String {
    let mut out = String::new();
    for (c, n) in dates::cldr_fields(pattern) {
        match (c, n) {
            ('d', 1) => out += &day.to_string(),
            ('d', _) => out += &format!("{day:02}"),
            ('M', 1) => out += &month.to_string(),
            ('M', _) => out += &format!("{month:02}"),
            ('y', 2) => out += "19",
            ('y', _) => out += "2019",
            (c, n) => out.extend(std::iter::repeat_n(c, n)),
        }
    }
    out
}

#[test]
fn every_numeric_order_of_every_locale_in_a_note_of_its_language() {
    let mut n = 0;
    for p in packs::PACKS {
        let words = sentence_of(p);
        for pattern in packs::section_lines(p, "date_numeric") {
            for (day, month) in [(25, 12), (3, 4), (12, 3)] {
                let date = format_cldr(pattern, day, month);
                // within a sentence and at its end, before its full stop
                for text in [format!("{words} {date} {words}"), format!("{words} {date}. {words}")] {
                    let out = scrubber().scrub(&text, &[]).text;
                    assert!(out.contains("[DATE]") && !out.contains(&date), "{}: {pattern:?} {date:?} -> {out:?}", p.lang);
                    n += 1;
                }
            }
        }
    }
    assert!(n >= 8 * 3 * 3 * 2, "{n} numeric dates");
}

#[test]
fn a_fraction_after_a_score_or_before_a_measure_is_no_date() {
    for p in packs::PACKS {
        let words = sentence_of(p);
        let yearless: Vec<&str> = packs::section_lines(p, "date_numeric").filter(|pat| !pat.contains('y')).collect();
        for pattern in &yearless {
            let date = format_cldr(pattern, 3, 4);
            for score in packs::section_of(p, "scores") {
                let text = format!("{words} {score} {date}");
                let out = scrubber().scrub(&text, &[]).text;
                assert!(out.contains(&date), "{}: {score} {date} -> {out:?}", p.lang);
            }
            for measure in packs::section_of(p, "measures") {
                let text = format!("{words} {date} {measure}");
                let out = scrubber().scrub(&text, &[]).text;
                assert!(out.contains(&date), "{}: {date} {measure} -> {out:?}", p.lang);
            }
        }
    }
}

/// A pack's yearless day and month (CLDR `Md`, `MMdd`) in its narrowest width ("3/4" by "dd/MM"):
/// a numeric field is parsed in any width (UTS #35 Part 4, Parsing Dates and Times). Derived here
/// from each pattern, not read from the narrow lines `build_formats.py` adds; a dotted one is left
/// out, since it is how a decimal or a section's number is written ("3.4", "19.3.").
#[test]
fn every_yearless_order_of_every_pack_in_its_narrowest_width() {
    let mut n = 0;
    for p in packs::PACKS {
        let words = sentence_of(p);
        for pattern in packs::section_lines(p, "date_numeric").filter(|pat| pat.contains('d') && !pat.contains('y')) {
            let narrow = pattern.replace("dd", "d").replace("MM", "M");
            if narrow.contains('.') {
                continue;
            }
            for (day, month) in [(25, 12), (3, 4), (9, 6)] {
                let date = format_cldr(&narrow, day, month);
                let text = format!("{words} {date} {words}");
                let out = scrubber().scrub(&text, &[]).text;
                assert!(out.contains("[DATE]") && !out.contains(&date), "{}: {narrow:?} {date:?} -> {out:?}", p.lang);
                n += 1;
            }
        }
    }
    assert!(n >= 8 * 3, "{n} narrow dates");
}

/// A fraction before one of CLDR's names of a duration (`[durations]`: "2/3 semaines", "3/4 settimane") counts
/// hours to years; a fraction alone on its line is a page's number ("2/3"), one that heads its entry a date.
#[test]
fn a_fraction_before_a_duration_or_alone_on_its_line_is_no_date() {
    let mut n = 0;
    for p in packs::PACKS {
        let words = sentence_of(p);
        for pattern in packs::section_lines(p, "date_numeric").filter(|pat| pat.contains('/') && !pat.contains('y')) {
            let date = format_cldr(pattern, 2, 3);
            for unit in packs::section_of(p, "durations") {
                let text = format!("{words} {date} {unit} {words}");
                let out = scrubber().scrub(&text, &[]).text;
                assert!(out.contains(&date), "{}: {date} {unit} -> {out:?}", p.lang);
                n += 1;
            }
            assert_gone(&format!("{words}.\n{date}: {words}"), &[&date]);
        }
        for (k, of) in [(1, 2), (2, 3), (3, 3), (2, 12)] {
            let page = format!("{words}.\n{k}/{of}\n{words}");
            let out = scrubber().scrub(&page, &[]).text;
            assert!(out.contains(&format!("\n{k}/{of}\n")), "{}: page {k}/{of} -> {out:?}", p.lang);
        }
    }
    assert!(n >= 8 * 5, "{n} durations");
}

#[test]
fn weekdays_that_date_and_weekdays_of_a_date() {
    for p in packs::PACKS {
        for day in packs::section_of(p, "weekdays").filter(|w| w.chars().count() >= 5) {
            for before in packs::section_of(p, "date_before") {
                assert_gone(&format!("seen {before} {day}"), &[day]);
            }
            for form in case_forms(day) {
                assert_gone(&format!("seen {form} 12/03/2021"), &[&form]);
            }
        }
    }
}

#[test]
fn an_english_ordinal_day_after_a_word_that_dates() {
    let english = packs::PACKS.iter().find(|p| p.lang == "en").expect("an English pack");
    for before in packs::section_of(english, "date_before") {
        for (day, tail) in [("17th", "."), ("3rd", ", she called"), ("22nd", " at 10am"), ("1st", "\nPlan: review")] {
            assert_gone_kept(&format!("Seen {before} the {day}{tail}"), &[day], &[before]);
        }
        // an ordinal that counts what follows it is no day of a month
        for counted in ["day", "finger", "dose", "attempt"] {
            let text = format!("Better {before} the 3rd {counted} of treatment.");
            let out = scrubber().scrub(&text, &[]).text;
            assert!(out.contains("3rd"), "{text:?} became {out:?}");
        }
    }
    for weekday in packs::section_of(english, "weekdays") {
        assert_gone_kept(&format!("Appointment {weekday} the 14th for review."), &["14th"], &["review"]);
    }
}

#[test]
fn postcodes_before_their_towns_in_the_packs_countries() {
    // one example of each country whose addresses put the postcode before the town, from the
    // shapes of its postcode pattern: 4 or 5 digits, "dd ddd", "dddd-ddd", "dddd AB"
    for (code, town) in [("0372", "Oslo"), ("10115", "Berlin"), ("1010", "Wien"), ("8001", "Zürich"), ("75013", "Paris"), ("1000", "Bruxelles"), ("28036", "Madrid"), ("00144", "Roma"), ("1250-096", "Lisboa"), ("1012 AB", "Amsterdam"), ("CH-8001", "Zürich")] {
        assert_gone(&format!("Address {code} {town}, since 2019"), &[code]);
    }
    // a year before a word that is no town stays a year
    let out = scrubber().scrub("In 2019 Patient seen, 2020 Norway trip.", &[]).text;
    assert!(out.contains("2019") && out.contains("2020"), "{out}");
}

/// A simple deterministic generator of digits (xorshift), so the tables are the same every run.
pub(super) struct Digits(pub(super) u64);

impl Digits {
    pub(super) fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
    pub(super) fn string(&mut self, n: usize) -> String {
        (0..n).map(|_| char::from(b'0' + self.next(10) as u8)).collect()
    }
}

fn dsum(s: &str, weights: &[u32]) -> u32 {
    s.chars().zip(weights).map(|(c, w)| c.to_digit(10).unwrap() * w).sum()
}

/// A valid number of each scheme, built by the scheme's published rule from `g`'s digits.
pub(super) fn valid(scheme: Scheme, g: &mut Digits) -> Option<String> {
    let date = |g: &mut Digits| format!("{:02}{:02}{:02}", 1 + g.next(28), 1 + g.next(12), g.next(100));
    Some(match scheme {
        Scheme::Fodselsnummer => {
            let body = format!("{}{}", date(g), g.string(3));
            let k = |s: &str, w: &[u32]| (11 - dsum(s, w) % 11) % 11;
            let k1 = k(&body, &[3, 7, 6, 1, 8, 9, 4, 5, 2]);
            let with = format!("{body}{k1}");
            let k2 = k(&with, &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
            if k1 == 10 || k2 == 10 {
                return None;
            }
            format!("{with}{k2}")
        }
        Scheme::Personnummer => {
            let body = format!("{}{}{}", g.string(2), &date(g)[2..4], &date(g)[..2]);
            let body = format!("{body}{}", g.string(3));
            let sum: u32 = body.chars().enumerate().map(|(i, c)| { let v = c.to_digit(10).unwrap() * if i % 2 == 0 { 2 } else { 1 }; v / 10 + v % 10 }).sum();
            format!("{}-{}{}", &body[..6], &body[6..], (10 - sum % 10) % 10)
        }
        Scheme::Nhs => {
            let body = g.string(9);
            let c = (11 - dsum(&body, &[10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11) % 11;
            if c == 10 {
                return None;
            }
            format!("{} {} {}{c}", &body[..3], &body[3..6], &body[6..])
        }
        Scheme::Bsn => {
            let body = format!("{}{}", 1 + g.next(9), g.string(7));
            let c = dsum(&body, &[9, 8, 7, 6, 5, 4, 3, 2]) % 11;
            if c == 10 {
                return None;
            }
            format!("{body}{c}")
        }
        Scheme::NifPt => {
            let body = format!("{}{}", [1, 2, 3, 5, 6, 8, 9][g.next(7) as usize], g.string(7));
            let c = 11 - dsum(&body, &[9, 8, 7, 6, 5, 4, 3, 2]) % 11;
            format!("{body}{}", if c >= 10 { 0 } else { c })
        }
        Scheme::Nir => {
            let dept = if g.next(4) == 0 { "2A".to_string() } else { format!("{:02}", 1 + g.next(95)) };
            let body = format!("{}{}{:02}{dept}{}", 1 + g.next(2), g.string(2), 1 + g.next(12), g.string(6));
            let n: u128 = body.replace("2A", "19").parse().unwrap();
            format!("{} {:02}", body, 97 - n % 97)
        }
        Scheme::DniNie => {
            let n = g.next(100_000_000);
            let letter = b"TRWAGMYFPDXBNJZSQVHLCKE"[(n % 23) as usize] as char;
            if n < 10_000_000 && g.next(2) == 0 { format!("X{n:07}{letter}") } else { format!("{n:08}-{letter}") }
        }
        Scheme::CodiceFiscale => {
            let letters = |g: &mut Digits, k: usize| -> String { (0..k).map(|_| char::from(b'A' + g.next(26) as u8)).collect() };
            let body = format!("{}{:02}{}{:02}{}{}", letters(g, 6), g.next(100), "ABCDEHLMPRST".chars().nth(g.next(12) as usize).unwrap(), 1 + g.next(31), letters(g, 1), g.string(3));
            const ODD: [u32; 36] = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
            let sum: u32 = body.chars().enumerate().map(|(i, c)| {
                let idx = c.to_digit(36).unwrap();
                if i % 2 == 0 { ODD[idx as usize] } else if c.is_ascii_digit() { idx } else { idx - 10 }
            }).sum();
            format!("{body}{}", char::from(b'A' + (sum % 26) as u8))
        }
        Scheme::Iban => {
            let bban = g.string(18);
            let numeric = format!("{bban}131400");
            let r = numeric.chars().fold(0u32, |r, c| (r * 10 + c.to_digit(10).unwrap()) % 97);
            format!("DE{:02} {} {} {} {} {}", 98 - r, &bban[..4], &bban[4..8], &bban[8..12], &bban[12..16], &bban[16..])
        }
        Scheme::Kvnr => {
            let letter = b'A' + g.next(26) as u8;
            let body = g.string(8);
            let n = letter - b'A' + 1;
            let all = format!("{n:02}{body}");
            let sum: u32 = all.chars().enumerate().map(|(i, c)| { let p = c.to_digit(10).unwrap() * if i % 2 == 0 { 1 } else { 2 }; p / 10 + p % 10 }).sum();
            format!("{}{body}{}", letter as char, sum % 10)
        }
        Scheme::Cpr | Scheme::Mbi => return None,
    })
}

/// `id` with its last check character replaced by every other one of its kind.
fn wrong_checks(id: &str) -> Vec<String> {
    let (head, last) = id.split_at(id.len() - 1);
    let alphabet: Vec<char> = if last.chars().all(|c| c.is_ascii_digit()) { ('0'..='9').collect() } else { ('A'..='Z').collect() };
    alphabet.into_iter().filter(|c| !last.starts_with(*c)).map(|c| format!("{head}{c}")).collect()
}

#[test]
fn national_identifiers_by_their_check_digits() {
    // the published examples of the specifications
    for (id, scheme) in [
        ("GB82 WEST 1234 5698 7654 32", Scheme::Iban),
        ("943 476 5919", Scheme::Nhs),
        ("12345678Z", Scheme::DniNie),
        ("MRTMTT25D09F205Z", Scheme::CodiceFiscale),
        ("111222333", Scheme::Bsn),
        ("811228-9874", Scheme::Personnummer),
        ("1EG4-TE5-MK73", Scheme::Mbi),
        ("211062-5629", Scheme::Cpr),
    ] {
        assert_eq!(national_id(id), Some(scheme), "{id}");
    }
    let mut g = Digits(0x2545_F491_4F6C_DD1D);
    let schemes = [Scheme::Fodselsnummer, Scheme::Personnummer, Scheme::Nhs, Scheme::Bsn, Scheme::NifPt, Scheme::Nir, Scheme::DniNie, Scheme::CodiceFiscale, Scheme::Iban, Scheme::Kvnr];
    for scheme in schemes {
        let mut made = 0;
        while made < 40 {
            let Some(id) = valid(scheme, &mut g) else { continue };
            made += 1;
            assert!(national_ids(&id).contains(&scheme), "{id} is a valid {scheme:?}");
            for wrong in wrong_checks(&id) {
                assert!(!national_ids(&wrong).contains(&scheme), "{wrong} has a wrong check digit for {scheme:?}");
            }
            // and in a note, whatever its separators (an NHS number is written as a North
            // American phone number is, and one phone number in eleven has its check digit: either
            // kind hides it)
            let out = scrubber().scrub(&format!("Ref {id} noted."), &[]).text;
            let phone_shaped = scheme == Scheme::Nhs && out == "Ref [PHONE] noted.";
            assert!(out == "Ref [ID] noted." || phone_shaped, "{scheme:?} {id}: {out}");
        }
    }
}

#[test]
fn record_numbers_after_identifier_labels() {
    for (text, secret) in [("Fallnummer 4711 seit gestern", "4711"), ("Pat.-Nr. 4711, stationär", "4711"), ("Fall-Nr.: 2019/4711", "4711"), ("Patienten-Nr. 0815, stationär", "0815"), ("NHC 123 ingreso", "123"), ("Versichertennummer: A123456780", "A123456780")] {
        assert_gone(text, &[secret]);
    }
}

#[test]
fn shorthand_and_ranges_of_dates() {
    for (text, secrets) in [
        ("pt seen on 3-4 at 1400, plan as above", &["3-4"][..]),
        ("admitted 12/25, seen again on 3/4 at 1400", &["12/25", "3/4"]),
        ("Beschwerden seit März/April 2019 und vom 12.-14.03.2019", &["März", "April", "12.-14"]),
        ("Die Patientin war vom 12.03.-14.03.2019 bei uns in stationärer Behandlung", &["12.03", "14.03"]),
        ("Pasienten kom til kontroll 12.03. og igjen 3.4. etter behandlingen hos oss", &["12.03", "3.4"]),
    ] {
        assert_gone(text, secrets);
    }
    // a score after its label, a ratio in brackets, a dilution
    for text in ["Trastorno de la personalidad en la escala: 4/5 puntos y parénquima normocelular (3/5) a cifras de 1/2.621.440"] {
        let out = scrubber().scrub(text, &[]).text;
        assert_eq!(out, text);
    }
    // a range of numbers is no date
    let out = scrubber().scrub("Takes 3-4 tabs, 2-3 times a day, 1/2 NS at 80 cc/h", &[]).text;
    assert_eq!(out, "Takes 3-4 tabs, 2-3 times a day, 1/2 NS at 80 cc/h");
}


/// Each country of the packs' `[phone_regions]`: libphonenumber's example number of each kind of
/// line it lists (fixed, mobile, toll-free, ...), written as that country writes it (national
/// format, with its trunk prefix), internationally ("+47 22 12 34 56") and as E.164.
fn example_numbers() -> Vec<(String, String)> {
    use phonenumber::{metadata::DATABASE, Mode};
    let mut out = Vec::new();
    for &region in phones::phone_regions() {
        let meta = DATABASE.by_id(region.as_ref()).unwrap_or_else(|| panic!("no metadata for {region:?}"));
        let d = meta.descriptors();
        let kinds = [d.fixed_line(), d.mobile(), d.toll_free(), d.premium_rate(), d.shared_cost(), d.personal_number(), d.voip(), d.uan()];
        // (a number of fewer than seven digits is a service's, "14 020", not a person's: left out
        // by `is_valid_number` as by this table)
        for example in kinds.into_iter().flatten().filter_map(|k| k.example()).filter(|e| e.len() >= 7) {
            let number = phonenumber::parse(Some(region), example).unwrap_or_else(|e| panic!("{region:?} {example}: {e}"));
            assert!(number.is_valid(), "{region:?} {example}");
            for mode in [Mode::National, Mode::International, Mode::E164] {
                out.push((format!("{region:?}"), number.format().mode(mode).to_string()));
            }
        }
    }
    out
}

#[test]
fn every_international_example_number_with_its_calling_code_in_brackets_is_a_phone() {
    // "(33) 1 45 56 78 90": the country code in brackets where E.123 writes its "+"
    let mut missed = Vec::new();
    let mut n = 0;
    for (region, number) in example_numbers().iter().filter(|(_, n)| n.starts_with('+') && n.contains(' ')) {
        let (code, rest) = number[1..].split_once(' ').expect("a code and its number");
        let text = format!("Censier : ({code}) {rest} – Routier");
        let out = scrubber().scrub(&text, &[]).text;
        if out.contains(|c: char| c.is_ascii_digit()) {
            missed.push(format!("{region} {text:?} -> {out:?}"));
        }
        n += 1;
    }
    assert!(n >= 60 && missed.is_empty(), "{} of {n}:\n{}", missed.len(), missed.join("\n"));
}

#[test]
fn every_example_number_of_the_packs_countries_is_a_phone() {
    let examples = example_numbers();
    assert!(examples.len() >= 20 * 3 * 3, "{} example numbers", examples.len());
    let mut missed = Vec::new();
    for (region, number) in &examples {
        assert!(phones::is_valid_number(number), "{region} {number:?} is a valid number by the metadata");
        for text in [format!("Call {number} today."), format!("Tel. {number}, then again")] {
            let out = scrubber().scrub(&text, &[]).text;
            if out.contains(|c: char| c.is_ascii_digit()) || !out.contains("[PHONE]") {
                missed.push(format!("{region} {number:?} -> {out:?}"));
            }
        }
    }
    assert!(missed.is_empty(), "{} of {}:\n{}", missed.len(), 2 * examples.len(), missed.join("\n"));
}

#[test]
fn a_number_no_country_uses_is_no_phone_of_the_metadata() {
    // a run of one digit, too few or too many digits, or a country code no country has
    for number in ["0000 0000", "12 34", "+999 1234 5678", "+47 1234 5678 9012 3456 7", "123 456 789 012 345 678"] {
        assert!(!phones::is_valid_number(number), "{number}");
    }
}

/// The same, and the words of `keep` survive.
#[track_caller]
fn assert_gone_kept(text: &str, secrets: &[&str], keep: &[&str]) {
    let out = scrubber().scrub(text, &[]).text;
    for secret in secrets {
        assert!(!out.contains(secret), "{secret:?} survived in {out:?} (input {text:?})");
    }
    for word in keep {
        assert!(out.contains(word), "{word:?} was removed from {out:?} (input {text:?})");
    }
}

#[test]
fn every_holiday_of_every_pack_with_its_year_is_a_date() {
    // (`holidays.txt`, generated from PyPI holidays: with its year a holiday names one day)
    let mut n = 0;
    for p in packs::PACKS {
        for name in packs::section_lines(p, "holidays") {
            for form in [name.to_string(), name.to_uppercase(), name.to_lowercase()] {
                assert_gone_kept(&format!("rash since {form} 2020, better"), &["2020"], &["rash since", ", better"]);
                n += 1;
            }
        }
    }
    assert!(n >= 3 * 300, "{n} holiday forms");
}

#[test]
fn a_year_after_an_ordinary_word_or_a_place_stays() {
    // (a holiday's short form is taken only where the holidays' names use it alone)
    for text in ["admitted in labor 2020 was hard", "moved to Canada 2019 after school", "the election 2020 results"] {
        let out = scrubber().scrub(text, &[]).text;
        assert!(out.contains("20"), "the year went from {text:?}: {out:?}");
    }
}

#[test]
fn every_age_over_89_of_every_pack_spelled_out_or_after_its_word() {
    // (HIPAA 164.514(b)(2)(i)(C); `ages.txt` from num2words, `[age_before]`, `[ages]`)
    let mut n = 0;
    for p in packs::PACKS {
        let after: Vec<&str> = packs::section_of(p, "ages").filter(|w| w.chars().all(char::is_alphabetic) && w.chars().count() >= 3).take(2).collect();
        for spelled in packs::section_lines(p, "ages_spelled") {
            for year_word in &after {
                for form in [spelled.to_string(), spelled.replace(' ', "-"), spelled.to_uppercase()] {
                    let text = format!("{} {form} {year_word}.", sentence_of(p));
                    let out = scrubber().scrub(&text, &[]).text;
                    // (an age or, where a month's abbreviation is among the words, "dix sept", a date)
                    assert!(out.contains("[AGE]") || out.contains("[DATE]"), "{form:?} {year_word:?} not an age in {out:?}");
                    assert!(!out.contains(&form), "{form:?} survived in {out:?}");
                    n += 1;
                }
            }
        }
        for word in packs::section_of(p, "age_before") {
            for age in [90, 94, 101, 119] {
                assert_gone(&format!("{} {word} {age}.", sentence_of(p)), &[&age.to_string()]);
            }
        }
    }
    assert!(n >= 8 * 30 * 2, "{n} spelled ages");
    // an age under 90 and an angle stay
    for text in ["aged 89, itching", "the head turned 90 degrees", "turned 95° to the left", "age 90.5 percentile"] {
        let out = scrubber().scrub(text, &[]).text;
        assert!(!out.contains("[AGE]") && out.contains("9"), "{text:?} -> {out:?}");
    }
    assert_gone_kept("She turned 93 last month.", &["93"], &["turned", "last month"]);
    assert_gone_kept("He is ninety-four years old.", &["ninety", "four"], &["He is", "old"]);
}

#[test]
fn every_date_label_of_every_pack_takes_its_yearless_value() {
    // (the dates HIPAA names, 45 CFR 164.514(b)(2)(i)(C): admission, discharge, death; `[labels]`)
    let mut n = 0;
    for p in packs::PACKS {
        for (label, kind) in packs::labels_of(p) {
            if kind != packs::LabelKind::Value(Placeholder::Date) {
                continue;
            }
            let title = capitalised(label);
            assert_gone(&format!("{title}: 2/3\nService: dermatology"), &["2/3"]);
            assert_gone(&format!("{title}: 12.03.\nService: dermatology"), &["12.03"]);
            n += 1;
        }
    }
    assert!(n >= 40, "{n} date labels");
}

#[test]
fn a_run_of_record_labels_on_one_line_keeps_each_label() {
    assert_gone_kept("MRN: 4482193 Acct #: 88231-02 Encounter: 55120. Next", &["4482193", "88231", "55120"], &["MRN:", "Acct #:", "Encounter:", "Next"]);
    assert_gone_kept("Aufnahmenummer 88234511 Versichertennummer A123456780 vorhanden", &["88234511", "A123456780"], &["Aufnahmenummer", "Versichertennummer", "vorhanden"]);
    // the first day of a range of one month goes with the date that ends it
    for text in ["seen from 3 to 12 March 2021", "hospitalisée du 3 au 12 février 2021", "stationär vom 3. bis 12. März 2021"] {
        let out = scrubber().scrub(text, &[]).text;
        assert!(!out.contains('3') && !out.contains("12"), "{out:?}");
    }
}

#[test]
fn us_health_programmes_stay_and_go_with_their_member_number() {
    // (`[health_plans]`; HIPAA 164.514(b)(2)(i)(I): a beneficiary number is identifying, the plan is not)
    for plan in packs::section("health_plans") {
        let title = capitalised(plan);
        assert_gone_kept(&format!("Covered by {title} since the spring."), &[], &[&title]);
        assert_gone(&format!("card: {title} 1EG4TE5MK72 on file"), &["1EG4TE5MK72", &title]);
    }
}

/// The packs that write the day before the month with dots (CLDR de and nb: "d.M.y", "d. MMMM y").
fn day_dot_month_packs() -> impl Iterator<Item = &'static packs::Pack> {
    packs::PACKS.iter().filter(|p| packs::section_lines(p, "date_numeric").any(|pat| pat.starts_with("d.") || pat.starts_with("dd.")))
}

#[test]
fn dates_the_day_dot_month_locales_write_in_words_and_in_digits() {
    let mut n = 0;
    for p in day_dot_month_packs() {
        let words = sentence_of(p);
        // CLDR "d. MMMM y": "3. März 2019", "3. mars 2019", every month in every case form
        for month in packs::section_of(p, "months") {
            for form in case_forms(month) {
                assert_gone(&format!("{words} 3. {form} 2019 {words}"), &[&format!("3. {form}")]);
                n += 1;
            }
        }
        // CLDR "MMM y" abbreviated with its dot and a two-digit year: "Mär. 98", "okt. 97"
        for short in packs::section_of(p, "months").filter(|m| m.chars().count() <= 4) {
            for form in [capitalised(short), short.to_uppercase()] {
                assert_gone(&format!("{words} {form}. 98 {words}"), &["98"]);
            }
        }
        // "dd.MM.y", "dd.MM.yy", "d.M.y" on days and months of one and two digits
        for (day, month) in [(1, 1), (9, 10), (13, 3), (28, 12)] {
            for date in [format!("{day:02}.{month:02}.2019"), format!("{day:02}.{month:02}.19"), format!("{day}.{month}.2019")] {
                assert_gone(&format!("{words} {date} {words}"), &[&date]);
            }
        }
    }
    assert!(n >= 2 * 12 * 6, "{n} written dates");
}

#[test]
fn english_nursing_shorthand_dates_go_and_their_times_stay() {
    let english = packs::PACKS.iter().find(|p| p.lang == "en").expect("an English pack");
    let abbreviations = dates::weekday_abbreviations();
    // every CLDR abbreviation of a weekday and each longer beginning of its name ("Tue", "Tues",
    // "Thurs") after every word that dates it
    for before in packs::section_of(english, "date_before") {
        for short in abbreviations.iter().filter(|a| packs::section_of(english, "weekdays").any(|d| d.starts_with(a.as_str()))) {
            for form in [capitalised(short), short.to_uppercase()] {
                assert_gone_kept(&format!("Family visited {before} {form} and pt slept well"), &[&form], &["Family visited", "slept well"]);
            }
        }
    }
    // CLDR en "M/d" after a word that dates or alone; a time of day on a clock, in hours or as
    // "this am" is no date (HIPAA names dates, not times)
    for time in ["at 0400", "at 14:30", "at 2pm", "this am", "this pm", "at noon"] {
        assert_gone_kept(&format!("Pt seen 1/3 {time}, then on 3/1 {time}; temp 38.2"), &["1/3", "3/1"], &[time, "38.2"]);
    }
}

#[test]
fn a_day_and_month_opening_an_entry_before_its_colon_is_a_date() {
    // a nursing note's entry: "27.01: Pasienten i bedring", "03/04: ..." (a digit after the colon
    // makes it a time: "10.12:30")
    for p in packs::PACKS {
        let words = sentence_of(p);
        for date in ["27.01", "03.04", "27/01"] {
            let out = scrubber().scrub(&format!("{words}\n{date}: {words}"), &[]).text;
            assert!(out.contains("[DATE]:") && !out.contains(date), "{}: {date} -> {out:?}", p.lang);
        }
    }
}

#[test]
fn hours_and_minutes_beside_a_word_of_the_clock_are_no_date() {
    // `[clock_words]`: "kl. 10.12", "10.12 Uhr"; the same numbers without one are a day and month
    let mut n = 0;
    for p in packs::PACKS {
        let words = sentence_of(p);
        for clock in packs::section_of(p, "clock_words") {
            for text in [format!("{words} {clock}. 10.12 {words}"), format!("{words} 10.12 {clock} {words}")] {
                let out = scrubber().scrub(&text, &[]).text;
                assert!(out.contains("10.12"), "{}: {text:?} -> {out:?}", p.lang);
                n += 1;
            }
        }
    }
    assert!(n >= 10, "{n} clock words");
}
