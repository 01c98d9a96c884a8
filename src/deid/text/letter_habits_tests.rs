//! Table tests generated from the writing habits of two kinds of document nobody tuned the scrubber
//! on, crossed with the packs' lists: German discharge letters (the Arztbrief's parts as the KBV
//! eArztbrief and DIN 5008 lay them out: letterhead, salutation, the sentence that names the patient,
//! birth date, address and stay; the identifiers of the GKV, the DRV and the KBV by their official
//! formats and check digits; DIN 5008 phone groupings) and Norwegian epikriser (Helsedirektoratet's
//! epikrise standard: the patient's line with birth date and fødselsnummer, the stay, the
//! institutions of the specialist and municipal health services, Kartverket's address form).
use super::format_tests::{capitalised, valid, Digits};
use super::identifiers::Scheme;
use super::*;
use super::pack_tests::pack;
use super::tests::scrubber;

/// `n` words of a generated list of the pack (`towns`, `surnames`, `given`) spread over the list, of
/// five letters or more, that no list knows as an ordinary, clinical or stop word, a month, a
/// country, a title or relation, without their accents either ("Löwer" is read "Lower": those
/// names are the ambiguous ones, found by their context only), capitalised.
fn proper_nouns(list: &'static str, n: usize) -> Vec<String> {
    let lex = &scrubber().lex;
    let ordinary = |w: &str| lex.get(w) & (ENGLISH | LANGS | CLINICAL | STOP | MONTH | COUNTRY | TITLE | RELATION) != 0;
    let plain: Vec<&str> = packs::list_lines(list)
        .filter(|w| w.chars().count() >= 5 && w.chars().all(|c| c.is_alphabetic()) && !ordinary(w) && !ordinary(&normalise::fold(w)))
        .collect();
    let step = (plain.len() / n).max(1);
    plain.iter().step_by(step).take(n).map(|w| capitalised(w)).collect()
}

/// The misses of a table: each text whose secret survived or whose kept words did not.
#[derive(Default)]
struct Misses {
    n: usize,
    missed: Vec<String>,
}

impl Misses {
    #[track_caller]
    fn check(&mut self, text: &str, secrets: &[&str], keep: &[&str]) {
        let out = scrubber().scrub(text, &[]).text;
        self.n += 1;
        let gone: Vec<&&str> = secrets.iter().filter(|s| out.contains(**s)).collect();
        let lost: Vec<&&str> = keep.iter().filter(|k| !out.contains(**k)).collect();
        if !gone.is_empty() || !lost.is_empty() {
            self.missed.push(format!("survived {gone:?}, lost {lost:?}: {text:?} -> {out:?}"));
        }
    }

    #[track_caller]
    fn assert_none(self, at_least: usize) {
        assert!(self.n >= at_least, "only {} texts", self.n);
        let shown: Vec<&String> = self.missed.iter().take(40).collect();
        assert!(self.missed.is_empty(), "{} of {} texts:\n{}", self.missed.len(), self.n, shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"));
    }
}

/// The runs of two digits or more of a number ("030 / 123 456-78": "030", "123", "456", "78").
fn digit_groups(number: &str) -> Vec<String> {
    number.split(|c: char| !c.is_ascii_digit()).filter(|g| g.len() >= 2).map(str::to_string).collect()
}

// ---------------------------------------------------------------------------------------------
// German discharge letters

/// The Arztbrief's parts (DIN 5008 letterhead, the KBV eArztbrief's salutation and opening
/// sentence, the signature block) for every name and town of a sample of the German pack.
#[test]
fn a_german_discharge_letter_for_every_name_and_town() {
    let de = pack("de");
    let (surnames, given, towns) = (proper_nouns(de.surnames, 12), proper_nouns(de.given, 12), proper_nouns(de.towns, 12));
    let mut m = Misses::default();
    for i in 0..12 {
        let (s, g, t) = (&surnames[i], &given[i], &towns[i]);
        let s2 = &surnames[(i + 5) % 12];
        let s3 = &surnames[(i + 7) % 12];
        let street = format!("{}str.", &surnames[(i + 3) % 12]);
        let keep = ["Klinik für Dermatologie"];
        m.check(&format!("Universitätsklinikum {t}\nKlinik für Dermatologie, Venerologie und Allergologie\nDirektor: Prof. Dr. med. {g} {s}"), &[t, g, s], &keep);
        m.check(&format!("Sehr geehrte Frau Kollegin Dr. med. {s2},\n\nwir berichten über Ihren Patienten Herrn {g} {s}, geb. am 01.02.1960, wohnhaft {street} 5, 12345 {t}, der sich vom 3.4. bis 12.04.2020 in unserer stationären Behandlung befand."), &[s2, g, s, &street, "01.02.1960", "12345", t, "3.4.", "12.04.2020"], &["stationären Behandlung"]);
        m.check(&format!("Sehr geehrter Herr Kollege {s2},\nwir berichten über Ihre Patientin Frau {s}, geb. {s3}, geboren am 14.07.1948, die sich vom 03.-12.04.2020 auf unserer Station befand."), &[s2, s, s3, "14.07.1948", "03.-12.04"], &["auf unserer Station"]);
        m.check(&format!("Mit freundlichen kollegialen Grüßen\n\nProf. Dr. med. {g} {s}\nChefarzt\n\nDr. med. {s2}\nOberärztin"), &[g, s, s2], &["Chefarzt", "Oberärztin"]);
        m.check(&format!("Verlegung aus dem Klinikum {t} am 12.03.2020. Weiterbehandlung im Krankenhaus {t}."), &[t, "12.03.2020"], &["Verlegung"]);
        // DIN 5008's address field: the addressee, the practice, the street or the post office box, the postcode and town
        let plz = format!("{}", 10115 + 7919 * i);
        m.check(&format!("Herrn\nDr. med. {g} {s}\nFacharzt für Allgemeinmedizin\n{street} 12\n{plz} {t}\n\nEntlassungsbrief"), &[g, s, &street, &plz, t], &["Facharzt für Allgemeinmedizin", "Entlassungsbrief"]);
        m.check(&format!("Praxis Dr. {s}\nPostfach 12 34\n{plz} {t}"), &[s, "12 34", &plz, t], &["Praxis"]);
    }
    m.assert_none(84);
}

/// The dates of German letters (DIN 5008 numeric forms, CLDR de's patterns, ranges of days as the
/// letters write them, a month with its year, a part of a month with its year), for a spread of
/// days and months and every month name of the pack.
#[test]
fn german_letter_dates_in_every_form() {
    let de = pack("de");
    let mut m = Misses::default();
    let keep = ["Die Patientin"];
    for (d, mo) in [(3, 4), (12, 3), (28, 11), (1, 10)] {
        for date in [
            format!("{d:02}.{mo:02}.20"),
            format!("{d}.{mo}."),
            format!("{d:02}.{mo:02}."),
            format!("{d}.{mo}.2020"),
            format!("{mo:02}/2020"),
            format!("{mo}/2020"),
        ] {
            m.check(&format!("Die Patientin stellte sich am {date} in unserer Ambulanz vor."), &[&date], &keep);
            m.check(&format!("Die Patientin war seit {date} beschwerdefrei."), &[&date], &keep);
        }
        // "vom 3.-12.4.2020", "vom 3. bis 12.4.2020", "vom 03.04. bis 12.04.2020"
        let (e, f) = (d + 9, format!("{}.{mo}.2020", d + 9));
        for range in [format!("vom {d}.-{e}.{mo}.2020"), format!("vom {d}. bis {f}"), format!("vom {d:02}.{mo:02}. bis {f}"), format!("vom {d}.{mo}.-{f}")] {
            m.check(&format!("Die Patientin befand sich {range} in stationärer Behandlung."), &[&range[4..]], &keep);
        }
    }
    for month in packs::section_of(de, "months").filter(|w| w.chars().count() >= 4) {
        let month = capitalised(month);
        m.check(&format!("Die Patientin wurde im {month} 2020 erstmals vorstellig."), &["2020"], &keep);
        for part in packs::section_of(de, "year_parts") {
            m.check(&format!("Die Patientin wurde {} {month} 2020 aufgenommen.", capitalised(part)), &["2020"], &keep);
        }
        m.check(&format!("Die Patientin wurde am 3. {month} aufgenommen."), &[&format!("3. {month}")], &keep);
    }
    m.assert_none(150);
}

/// A letter, 9 digits and a check digit (the GKV's Krankenversichertennummer: A = 01, weights
/// 1 2 1 2 ..., the digit sums, mod 10).
fn kvnr(g: &mut Digits) -> String {
    valid(Scheme::Kvnr, g).expect("a KVNR")
}

/// Rentenversicherungsnummer (§ 147 SGB VI, DRV VKVV § 2): area (2 digits), birth date DDMMYY,
/// the birth name's initial, serial (2 digits), check digit: the initial as its two-digit place in
/// the alphabet, weights 2 1 2 5 7 1 2 1 2 1 2 1, the digit sums of the products, mod 10.
fn rvnr(g: &mut Digits) -> String {
    let area = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24, 25, 26, 28, 29, 38, 39, 40, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 89][g.next(63) as usize];
    let body = format!("{area:02}{:02}{:02}{:02}", 1 + g.next(28), 1 + g.next(12), g.next(100));
    let letter = b'A' + g.next(26) as u8;
    let serial = format!("{:02}", g.next(50));
    let all = format!("{body}{:02}{serial}", letter - b'A' + 1);
    let sum: u32 = all.chars().zip([2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]).map(|(c, w)| { let p = c.to_digit(10).unwrap() * w; p / 10 + p % 10 }).sum();
    format!("{body}{}{serial}{}", letter as char, sum % 10)
}

/// Lebenslange Arztnummer (KBV, Richtlinie nach § 75 Abs. 7 SGB V): 6 digits, a check digit (the
/// six weighted 4 9 4 9 4 9, 10 - sum mod 10, 10 is 0) and the 2-digit Fachgruppe.
fn lanr(g: &mut Digits) -> String {
    let body = g.string(6);
    let sum: u32 = body.chars().zip([4, 9, 4, 9, 4, 9]).map(|(c, w)| c.to_digit(10).unwrap() * w).sum();
    format!("{body}{}{:02}", (10 - sum % 10) % 10, [1, 3, 21, 41, 50][g.next(5) as usize])
}

/// Betriebsstättennummer (KBV): the KV region (2 digits) and 7 digits; Institutionskennzeichen
/// (GKV, Gemeinsames Rundschreiben IK): class, region, serial and a check digit, 9 digits.
fn bsnr_or_ik(g: &mut Digits) -> String {
    format!("{}{}", [17, 20, 38, 46, 52, 71, 72, 26][g.next(8) as usize], g.string(7))
}

#[test]
fn german_identifiers_after_their_labels_and_by_their_check_digits() {
    let de = pack("de");
    let mut g = Digits(0x9E37_79B9_7F4A_7C15);
    let mut m = Misses::default();
    let keep = ["bei uns bekannt"];
    let labels: Vec<&str> = packs::labels_of(de).into_iter().filter(|(_, k)| *k == packs::LabelKind::Value(Placeholder::Id)).map(|(l, _)| l).collect();
    assert!(labels.len() >= 20, "{} id labels", labels.len());
    for label in &labels {
        let label = capitalised(label);
        let numbers = [kvnr(&mut g), rvnr(&mut g), lanr(&mut g), bsnr_or_ik(&mut g), g.string(7), format!("{}/{}", g.string(4), g.string(2))];
        for number in &numbers {
            m.check(&format!("{label} {number}, bei uns bekannt."), &[number], &keep);
            m.check(&format!("{label}: {number}\nbei uns bekannt"), &[number], &keep);
        }
    }
    // the numbers alone whose check digit holds
    for _ in 0..20 {
        for number in [kvnr(&mut g), rvnr(&mut g)] {
            m.check(&format!("Versichert unter {number}, bei uns bekannt."), &[&number], &keep);
        }
    }
    m.assert_none(300);
}

/// DIN 5008 writes a German number in its area code and subscriber number, a blank between, the
/// extension after a hyphen ("030 1234567-89"), internationally "+49 30 1234567-89"; older letters
/// group in pairs or threes and put a slash after the area code ("030 / 123 456-78").
#[test]
fn german_phones_as_din_5008_and_letters_write_them() {
    let mut m = Misses::default();
    let mut g = Digits(0x1234_5678_9ABC_DEF1);
    for area in ["30", "89", "40", "221", "6221", "761", "3641", "151", "171"] {
        let sub = format!("{}{}", 2 + g.next(7), g.string(if area.len() >= 3 && !area.starts_with('1') { 5 } else { 6 }));
        let (head, ext) = sub.split_at(sub.len() - 2);
        // pairs from the right, as DIN 5008 grouped before 2001 ("5 22 39 72")
        let odd = sub.len() % 2;
        let mut pairs: Vec<String> = if odd == 1 { vec![sub[..1].to_string()] } else { vec![] };
        pairs.extend(sub.as_bytes()[odd..].chunks(2).map(|c| String::from_utf8_lossy(c).into_owned()));
        for number in [
            format!("0{area} {sub}"),
            format!("0{area} {head}-{ext}"),
            format!("+49 {area} {sub}"),
            format!("+49 {area} {head}-{ext}"),
            format!("(0{area}) {sub}"),
            format!("0{area}/{sub}"),
            format!("0{area} / {}", pairs.join(" ")),
            format!("0{area} / {}-{ext}", head),
        ] {
            let groups = digit_groups(&number);
            let groups: Vec<&str> = groups.iter().map(String::as_str).collect();
            m.check(&format!("Tel.: {number}\nFax: 0{area} {}", g.string(sub.len())), &groups, &["Tel.", "Fax"]);
            m.check(&format!("Rückfragen gerne unter {number} an die Station."), &groups, &["an die Station"]);
        }
    }
    m.assert_none(140);
}

/// The clinical content of a letter stays: doses and their schedules, ICD-10 codes, scores, lab
/// values with their units.
#[test]
fn the_clinical_content_of_a_german_letter_stays() {
    for text in [
        "Methotrexat 15 mg 1x wöchentlich s.c., Folsäure 5 mg 24 h nach MTX.",
        "Prednisolon 20 mg 1-0-0 für 5 Tage, dann 10 mg 1-0-0.",
        "Cetirizin 10 mg 3x tgl. bei Bedarf.",
        "Diagnosen: Psoriasis vulgaris (L40.0), atopische Dermatitis (L20.9).",
        "Bei Aufnahme PASI 12, DLQI 8, BSA 10 %.",
        "Labor: CRP 12 mg/l, Hb 13,2 g/dl, Leukozyten 7,4 /nl.",
        "Kontrolle in 4 Wochen, Wiedervorstellung nach 3 Monaten.",
    ] {
        let out = scrubber().scrub(text, &[]).text;
        assert_eq!(out, text);
    }
}

// ---------------------------------------------------------------------------------------------
// Norwegian epikriser

/// Fødselsnummer (Skatteetaten: DDMMYY, individual number, two mod-11 check digits) and D-nummer
/// (the day + 4 in its first digit), both made by the scheme's rule.
fn fodselsnummer(g: &mut Digits, d_number: bool) -> String {
    loop {
        let Some(n) = valid(Scheme::Fodselsnummer, g) else { continue };
        if !d_number {
            return n;
        }
        // a D-number: first digit + 4, the check digits computed again
        let body = format!("{}{}", n.as_bytes()[0] - b'0' + 4, &n[1..9]);
        let k = |s: &str, w: &[u32]| (11 - s.chars().zip(w).map(|(c, w)| c.to_digit(10).unwrap() * w).sum::<u32>() % 11) % 11;
        let k1 = k(&body, &[3, 7, 6, 1, 8, 9, 4, 5, 2]);
        let with = format!("{body}{k1}");
        let k2 = k(&with, &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
        if k1 < 10 && k2 < 10 {
            return format!("{with}{k2}");
        }
    }
}

/// The epikrise's parts (Helsedirektoratet: the patient's line, the stay, the referring and
/// receiving services, the follow-up) for every name and town of a sample of the Norwegian pack.
#[test]
fn a_norwegian_epikrise_for_every_name_and_town() {
    let no = pack("no");
    let (surnames, given, towns) = (proper_nouns(no.surnames, 10), proper_nouns(no.given, 10), proper_nouns(no.towns, 10));
    let mut g = Digits(0x0BAD_5EED_1234_5678);
    let mut m = Misses::default();
    for i in 0..10 {
        let (s, gv, t) = (&surnames[i], &given[i], &towns[i]);
        let fnr = fodselsnummer(&mut g, i % 2 == 1);
        let street = format!("{}gata", &surnames[(i + 3) % 10]);
        m.check(&format!("Epikrise\n{gv} {s}, f. 12.03.1960, fnr. {fnr}\nAdresse: {street} 5, 0155 {t}"), &[gv, s, "12.03.1960", &fnr, &street, "0155", t], &["Epikrise"]);
        m.check(&format!("Pasienten ble innlagt 12.3. fra legevakten i {t} og utskrevet 19.3.2020 til {t} sykehjem."), &[t, "12.3.", "19.3.2020"], &["Pasienten ble innlagt"]);
        m.check(&format!("Henvist av fastlege {gv} {s}, {t} legekontor. Kopi til fastlege {s}."), &[gv, s, t], &["Henvist av fastlege"]);
        m.check(&format!("Kontroll ved {t} DPS og {t} helsestasjon om 3 uker. Innlagt ved Sykehuset {t} den 12. mars."), &[t, "12. mars"], &["om 3 uker"]);
        // (the municipality's word goes with its name: `[region_ends]`)
        m.check(&format!("Født {gv} {s} den 3. april 1960 i {t} kommune."), &[gv, s, "3. april 1960", t], &["Født"]);
        // Posten's address form: the post office box, the postcode and the postal town
        m.check(&format!("Fastlege {s}\nPostboks {}\n{} {t}", 100 + 7 * i, 1300 + 37 * i), &[s, &format!("{}", 100 + 7 * i), &format!("{}", 1300 + 37 * i), t], &["Fastlege"]);
    }
    m.assert_none(60);
}

/// The institutions of the Norwegian specialist health service by their own names (the regional
/// and local health trusts of helseforetaksloven and their hospitals) and those of the municipal
/// health service after or before a town of the pack.
#[test]
fn norwegian_institutions_by_name_and_after_a_town() {
    let no = pack("no");
    let mut m = Misses::default();
    let keep = ["for videre oppfølging"];
    for name in ["Vestre Viken HF", "Oslo universitetssykehus", "Haukeland universitetssjukehus", "St. Olavs hospital", "Sykehuset Innlandet", "Ahus", "Helse Bergen", "Helse Stavanger", "Universitetssykehuset Nord-Norge", "Stavanger universitetssjukehus", "Sørlandet sykehus"] {
        // (the words every institution's name has, "Sykehuset", "Helse", "hospital", identify nothing)
        let generic = |w: &str| scrubber().lex.get(&w.to_lowercase()) & (FACILITY | STOP) != 0 || w.eq_ignore_ascii_case("hospital");
        let secrets: Vec<&str> = name.split_whitespace().filter(|w| w.chars().count() >= 4 && !generic(w)).collect();
        m.check(&format!("Henvist til {name} for videre oppfølging."), &secrets, &keep);
        m.check(&format!("Pasienten ble overført fra {name} for videre oppfølging."), &secrets, &keep);
    }
    for t in proper_nouns(no.towns, 25) {
        for text in [format!("Innlagt ved Sykehuset {t} for videre oppfølging."), format!("Sett på legevakten i {t} for videre oppfølging."), format!("Bor på {t} sykehjem for videre oppfølging."), format!("Henvist til {t} DPS for videre oppfølging."), format!("Helse {t} for videre oppfølging.")] {
            m.check(&text, &[&t], &keep);
        }
    }
    m.assert_none(140);
}

#[test]
fn norwegian_dates_numbers_addresses_and_phones() {
    let no = pack("no");
    let mut g = Digits(0xC0FF_EE00_DEAD_BEEF);
    let mut m = Misses::default();
    let keep = ["Pasienten"];
    for (d, mo) in [(3, 4), (12, 3), (28, 11), (1, 10)] {
        for date in [format!("{d:02}.{mo:02}.1960"), format!("{d}.{mo}."), format!("{d:02}.{mo:02}."), format!("{d}.{mo}.2020"), format!("{d:02}.{mo:02}.20")] {
            m.check(&format!("Pasienten, f. {date}, ble innlagt."), &[&date], &keep);
            m.check(&format!("Pasienten ble innlagt {date} og utskrevet."), &[&date], &keep);
        }
    }
    for month in packs::section_of(no, "months").filter(|w| w.chars().count() >= 4) {
        m.check(&format!("Pasienten ble innlagt 12. {month} og utskrevet."), &[&format!("12. {month}")], &keep);
        m.check(&format!("Pasienten ble innlagt fra 3. til 12. {month} 2020."), &["3.", &format!("12. {month}")], &keep);
    }
    for label in ["fnr.", "Fødselsnummer:", "personnummer", "D-nummer", "f.nr.", "pnr"] {
        for d_number in [false, true] {
            let n = fodselsnummer(&mut g, d_number);
            let spaced = format!("{} {}", &n[..6], &n[6..]);
            m.check(&format!("Pasienten, {label} {n}, ble innlagt."), &[&n], &keep);
            m.check(&format!("Pasienten, {label} {spaced}, ble innlagt."), &[&n[6..], &n[..6]], &keep);
            m.check(&format!("Pasienten ({n}) ble innlagt."), &[&n], &keep);
        }
    }
    // Kartverket's address form: the street's name, its number (and letter), the postcode and the
    // postal town after it
    for (i, t) in proper_nouns(no.towns, 10).iter().enumerate() {
        let stem = &proper_nouns(no.surnames, 10)[i];
        for street in [format!("{stem}gata 5"), format!("{stem}veien 12B"), format!("{stem}vegen 3 A"), format!("{stem} gate 14")] {
            m.check(&format!("Pasienten bor i {street}, 0{} {t}.", 155 + i), &[&street, t], &keep);
        }
    }
    // libphonenumber's Norwegian groupings: 2-2-2-2 for a fixed line, 3-2-3 for a mobile
    for _ in 0..6 {
        let (a, b, c, d) = (g.string(2), g.string(2), g.string(2), g.string(2));
        let fixed = format!("2{} {b} {c} {d}", &a[1..]);
        let mobile = format!("9{} {b} {c}{}", &a, &d[..1]);
        for number in [fixed.clone(), format!("+47 {fixed}"), format!("0047 {fixed}"), mobile.clone(), format!("+47 {mobile}"), fixed.replace(' ', "")] {
            let groups = digit_groups(&number);
            let groups: Vec<&str> = groups.iter().map(String::as_str).collect();
            m.check(&format!("Pasienten kan nås på tlf. {number} etter kl. 15."), &groups, &["kl. 15"]);
            m.check(&format!("Pasienten kan nås på {number}."), &groups, &keep);
        }
    }
    m.assert_none(200);
}

#[test]
fn the_clinical_content_of_a_norwegian_epikrise_stays() {
    for text in [
        "Prednisolon 40 mg x 1 i 5 dager, deretter nedtrapping med 5 mg hver 3. dag.",
        "Metotreksat 15 mg 1 gang per uke, folsyre 5 mg dagen etter.",
        "Diagnose: Psoriasis vulgaris L40.0, atopisk eksem L20.9.",
        "PASI 12 ved innleggelse, DLQI 8.",
        "CRP 12, Hb 13,2 g/dL, leukocytter 7,4.",
        "Kontroll om 3 uker hos fastlege.",
    ] {
        let out = scrubber().scrub(text, &[]).text;
        assert_eq!(out, text);
    }
}
