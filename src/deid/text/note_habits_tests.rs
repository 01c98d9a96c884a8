//! Table tests of the writing habits of English ICU nursing notes (terse, abbreviated, often all in
//! lower case, times and vitals everywhere: Neamatullah et al. 2008, BMC Med Inform Decis Mak 8:32),
//! generated from what the specifications say is identifying (HIPAA Safe Harbor, 45 CFR
//! 164.514(b)(2)(i): every element of a date but the year, places below a state, names, phone
//! numbers, ages over 89; the i2b2 2014 annotation guidelines, Stubbs & Uzuner 2015: a month and day
//! without a year, a day's name, the names of relatives and clinicians, hospitals) crossed with the
//! English pack's own lists (its locales' numeric date orders, weekdays and CLDR day periods,
//! relation words, given names, titles, surnames, towns, facility words, phone words, age words),
//! and what a clinician reader needs kept (vitals, times, scores, doses, counts).
use super::format_tests::{capitalised, format_cldr};
use super::*;
use super::tests::scrubber;

fn english() -> &'static packs::Pack {
    packs::PACKS.iter().find(|p| p.lang == "en").expect("an English pack")
}

/// The failures of a table, all reported at once (a table of hundreds of rows that stops at its
/// first failure hides how many fail).
#[derive(Default)]
struct Table {
    rows: usize,
    failed: Vec<String>,
}

impl Table {
    /// The note as typed and in lower case (a nursing note is often typed without a capital):
    /// each of `gone` must be gone from the scrubbed note, each of `kept` still in it.
    fn row(&mut self, note: &str, gone: &[&str], kept: &[&str]) {
        self.rows_of(&[note.to_string(), note.to_lowercase()], gone, kept);
    }

    fn rows_of(&mut self, notes: &[String], gone: &[&str], kept: &[&str]) {
        for text in notes {
            self.rows += 1;
            let out = scrubber().scrub(&text, &[]).text;
            let lower = out.to_lowercase();
            let survived: Vec<&&str> = gone.iter().filter(|g| word_in(&lower, &g.to_lowercase())).collect();
            let lost: Vec<&&str> = kept.iter().filter(|k| !out.contains(&**k) && !out.contains(&k.to_lowercase())).collect();
            if !survived.is_empty() || !lost.is_empty() {
                self.failed.push(format!("{text:?} -> {out:?} (left {survived:?}, lost {lost:?})"));
            }
        }
    }

    #[track_caller]
    fn check(self, min_rows: usize) {
        assert!(self.rows >= min_rows, "only {} rows", self.rows);
        assert!(self.failed.is_empty(), "{} of {} rows failed:\n{}", self.failed.len(), self.rows, self.failed.iter().take(60).cloned().collect::<Vec<_>>().join("\n"));
    }
}

/// Whether `w` stands in `text` as a word of its own (not inside a longer word; a number anywhere).
fn word_in(text: &str, w: &str) -> bool {
    if w.starts_with(|c: char| c.is_ascii_digit()) {
        return text.contains(w);
    }
    text.match_indices(w).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + w.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Words of a list of the pack (`given`, `surnames`, `towns`) of at least four letters, spread over
/// the list, that `fits` (by their lexicon flags).
fn sample(list: &'static str, n: usize, fits: impl Fn(u32) -> bool) -> Vec<&'static str> {
    let lex = &scrubber().lex;
    let all: Vec<&str> = packs::list_lines(list).filter(|w| w.len() >= 4 && w.chars().all(|c| c.is_ascii_lowercase()) && fits(lex.get(w))).collect();
    let step = (all.len() / n).max(1);
    all.into_iter().step_by(step).take(n).collect()
}

/// Names that are no word of any language, town, month or title: names only.
fn names_only(f: u32) -> bool {
    f & (ENGLISH | LANGS | CLINICAL | STOP | MONTH | COUNTRY | TITLE | RELATION | CITY | AMB_CITY) == 0
}

#[test]
fn every_yearless_date_order_of_the_english_locales_in_a_terse_note() {
    let mut t = Table::default();
    // (HIPAA (C) and i2b2: a month and a day without a year is a date; CLDR's en_US, en_GB and en_IE
    // yearless numeric orders, `[date_numeric]` of the generated formats.txt)
    let orders: Vec<&str> = packs::section_lines(english(), "date_numeric").filter(|p| p.contains('d') && !p.contains('y')).collect();
    assert!(orders.len() >= 3, "{orders:?}");
    for order in orders {
        for (day, month) in [(14, 3), (25, 12), (28, 10)] {
            let d = format_cldr(order, day, month);
            t.row(&format!("CXR {d} showed LLL infiltrate, unchanged."), &[&d], &["CXR", "showed"]);
            t.row(&format!("No fever since {d}, cont abx."), &[&d], &["fever"]);
            t.row(&format!("Last BM {d}, abd soft and nontender, +BS, tolerating tube feeds."), &[&d], &["Last BM"]);
            // (a time after a date is kept: a time of day identifies no one)
            t.row(&format!("NPN {d} 0700-1900: pt restless overnight."), &[&d], &["0700-1900"]);
            t.row(&format!("Seen {d} @ 2200 by covering MD."), &[&d], &["2200"]);
            t.row(&format!("Family meeting planned for {d} at 1400."), &[&d], &["1400"]);
            // (ISO 8601 basic time of day after the date: "3/14 0400")
            t.row(&format!("Lytes {d} 0400 K 3.2 repleted."), &[&d], &["0400", "3.2"]);
        }
    }
    // the hyphen typed for the locale's slash after a word that dates (`[date_before]`): "since 3-14"
    for before in packs::section_of(english(), "date_before") {
        for (day, month) in [(14, 3), (2, 11)] {
            let d = format!("{month}-{day}");
            t.row(&format!("No fever {before} {d}, cont abx."), &[&d], &["fever"]);
        }
    }
    t.check(100);
}

#[test]
fn every_weekday_of_the_english_pack_before_a_period_of_the_day() {
    let mut t = Table::default();
    // (i2b2 2014: a day's name is a DATE; CLDR en dayPeriods `[day_periods]`: "tues pm", "Mon a.m.")
    let periods: Vec<&str> = packs::section_of(english(), "day_periods").collect();
    assert!(periods.len() >= 4, "{periods:?}");
    let mut days: Vec<String> = packs::section_of(english(), "weekdays").map(String::from).collect();
    // (and CLDR's abbreviations, `[weekdays_short]`: "thu", "fri")
    days.extend(packs::section_of(english(), "weekdays_short").map(String::from));
    days.sort();
    days.dedup();
    for day in &days {
        // (a weekday named from now, by its abbreviation too: "since last thurs", "next Tue")
        if day.len() <= 5 && !matches!(day.as_str(), "sat" | "sun" | "wed") {
            for from in ["last", "next", "this past"] {
                t.row(&format!("Pt on vanc since {from} {day}, afebrile."), &[day], &["vanc"]);
            }
        }
        for form in [day.clone(), day.to_uppercase(), capitalised(day)] {
            for period in &periods {
                t.row(&format!("Family meeting {form} {period} with team."), &[&form], &["meeting", "team"]);
                t.row(&format!("Plan for cath {form} {period}, NPO after MN."), &[&form], &["cath", "NPO"]);
            }
        }
    }
    t.check(300);
}

#[test]
fn every_relation_word_of_the_english_pack_before_a_given_name() {
    let mut t = Table::default();
    // (i2b2 2014 and HIPAA: the names of relatives; after a relation word a name even where it is
    // an ordinary word too: "husband bob")
    let mut given = sample(english().given, 12, names_only);
    given.extend(sample(english().given, 6, |f| f & GIVEN != 0 && f & ENGLISH != 0 && f & (CLINICAL | STOP | MONTH | TITLE | RELATION) == 0));
    let kin: Vec<&str> = packs::section_lines(english(), "relations").take(4).flat_map(str::split_whitespace).filter(|w| w.is_ascii()).collect();
    assert!(kin.len() >= 40, "{kin:?}");
    for rel in &kin {
        for name in &given {
            t.row(&format!("Pt's {rel} {name} called, updated on plan."), &[name], &["called", "updated"]);
            t.row(&format!("Spoke with {rel} {name} at bedside."), &[name], &["bedside"]);
        }
    }
    t.check(1000);
}

#[test]
fn every_title_of_the_english_pack_before_a_surname() {
    let mut t = Table::default();
    // (i2b2 2014: clinicians' names; "Dr. Smith aware", "dr smith aware")
    let surnames = sample(english().surnames, 16, names_only);
    for title in packs::section_of(english(), "titles") {
        for name in &surnames {
            for form in [title.to_string(), format!("{title}.")] {
                t.row(&format!("{} {name} aware of K 3.2, will replete.", capitalised(&form)), &[name], &["aware", "replete"]);
                t.row(&format!("Paged {form} {name} re SBP 80s."), &[name], &["Paged", "SBP 80s"]);
            }
        }
    }
    t.check(1000);
}

#[test]
fn every_facility_word_after_a_town_and_every_place_context_before_one() {
    let mut t = Table::default();
    // (HIPAA (B) and i2b2 LOCATION: hospitals and towns; "transferred from quincy hospital", "d/c to
    // rehab in quincy")
    let towns = sample(english().towns, 10, |f| f & CITY != 0 && f & (ENGLISH | LANGS | CLINICAL | STOP | MONTH | COUNTRY | TITLE | RELATION) == 0);
    let ends: Vec<&str> = packs::section_of(english(), "facilities").chain(packs::section_of(english(), "hospital_ends")).collect();
    for town in &towns {
        for end in &ends {
            t.row(&format!("Pt transferred from {town} {end} this am."), &[town], &["transferred"]);
        }
        // (in a note with capitals elsewhere, a town typed in lower case after a place's
        // preposition; after a verb alone, "attends quincy", only in a note all in lower case)
        for ctx in packs::section_lines(english(), "place_contexts") {
            let note = format!("Pt {ctx} {town} last year, per family.");
            let after_preposition = ctx.rsplit(' ').next().is_some_and(|w| packs::section_of(english(), "places_after").any(|p| p == w));
            let notes = if after_preposition { vec![note.clone(), note.to_lowercase()] } else { vec![note.to_lowercase()] };
            t.rows_of(&notes, &[town], &["family"]);
        }
        for prep in ["in", "from", "near"] {
            t.row(&format!("Plan d/c to rehab {prep} {town} tomorrow."), &[town], &["rehab", "tomorrow"]);
        }
    }
    t.check(500);
}

#[test]
fn every_phone_word_and_pager_label_before_a_short_number() {
    let mut t = Table::default();
    // (HIPAA (D): telephone and fax numbers; HL7 v2 XTN's beeper; a hospital's extensions of 4 or 5
    // digits after the words that give one, `[phone_words]`, and the phone labels)
    let mut words: Vec<&str> = packs::section_of(english(), "phone_words").collect();
    words.extend(packs::labels_of(english()).into_iter().filter(|(_, k)| *k == packs::LabelKind::Value(Placeholder::Phone)).map(|(l, _)| l));
    for w in &words {
        for number in ["4-1234", "41234", "#1234", ": 1234"] {
            let digits = number.trim_start_matches([':', ' ', '#']).replace('-', "");
            t.row(&format!("Renal fellow {w} {number}, aware of K 5.9."), &[&digits[digits.len() - 4..]], &["aware", "5.9"]);
        }
    }
    // (libphonenumber's marks of an extension, glued to it: "x1234", "ext1234")
    for ext in ["x", "ext", "ext.", "extn"] {
        t.row(&format!("Call covering NP at {ext}4123 with questions."), &["4123"], &["questions"]);
    }
    t.check(80);
}

#[test]
fn every_age_word_of_the_english_pack_after_an_age_over_89() {
    let mut t = Table::default();
    // (HIPAA (C): every age over 89; `[ages]` and the shorthand of "years old": "92 yo F", "91yo")
    let words: Vec<&str> = packs::section_of(english(), "ages").collect();
    for age in [90, 92, 97, 101, 104] {
        for w in &words {
            let a = age.to_string();
            t.row(&format!("Pt is a {age} {w} woman admitted with sepsis."), &[&a], &["sepsis"]);
            t.row(&format!("{age}{w} F with h/o CHF, COPD."), &[&a], &["CHF"]);
        }
    }
    t.check(100);
}

#[test]
fn what_a_nursing_note_must_keep() {
    let mut t = Table::default();
    // times of day in ISO 8601's basic form and the hour ranges of a shift ("0700-1900", "7a-7p")
    for hhmm in ["0000", "0400", "0730", "1200", "1545", "2200", "2359"] {
        t.row(&format!("Lasix 40 IV given @ {hhmm}, UO 300cc."), &[], &[hhmm, "40", "300cc"]);
        t.row(&format!("Pt turned and repositioned at {hhmm}."), &[], &[hhmm]);
    }
    for shift in ["0700-1900", "1900-0700", "7a-7p", "7p-7a", "11p-7a"] {
        t.row(&format!("NPN {shift}: neuro A&Ox3, MAE x4."), &[], &[shift, "A&Ox3", "x4"]);
    }
    // a score's fraction after a `[scores]` word, a measure's before a `[measures]` word
    for score in packs::section_of(english(), "scores").filter(|w| w.len() >= 3 && scrubber().lex.get(w) & ANY_NAME == 0) {
        t.row(&format!("Pt reports {score} 3/10 with turning."), &[], &["3/10", "turning"]);
    }
    for measure in packs::section_of(english(), "measures").filter(|w| w.len() >= 3) {
        t.row(&format!("Pt given 1/2 {measure} this shift."), &[], &["1/2"]);
    }
    // vitals, labs, counts and units as a flow sheet writes them
    for keep in ["BP 120/80", "HR 88", "RR 18", "SpO2 97%", "sat 97% RA", "SBP 100-120s", "K 3.2", "Hct 28.1", "x3", "q4h", "2L NC", "40 mEq KCl", "GCS 15", "CVP 8-10", "I/O 1200/800", "UO 30-50cc/hr", "MICU", "CCU", "SICU", "TSICU"] {
        t.row(&format!("Overnight: {keep}, stable, no acute events."), &[], &[keep]);
    }
    t.check(60);
}

#[test]
fn every_kin_word_before_a_given_name_that_is_also_a_word() {
    let mut t = Table::default();
    // (i2b2 2014 and HIPAA: relatives' names; a given name of the en list that is also an English
    // word is a name after a kin word in any case: "husband bob called", "daughter (bill) updated")
    // (not a field's label, which the rule reads as one: "pt name", "bill")
    let labels = packs::field_labels();
    let given: Vec<&str> = sample(english().given, 22, |f| f & (GIVEN | AMB_GIVEN) != 0 && f & ENGLISH != 0 && f & (CLINICAL | STOP | MONTH | TITLE | RELATION | COUNTRY | WEAKCTX) == 0).into_iter().filter(|g| !labels.contains(g)).collect();
    assert!(given.len() >= 15, "{given:?}");
    let kin: Vec<&str> = packs::section_lines(english(), "relations").take(4).flat_map(str::split_whitespace).filter(|w| w.is_ascii() && scrubber().lex.get(w) & (STOP | WEAKCTX | TITLE) == 0).collect();
    assert!(kin.len() >= 30, "{kin:?}");
    for rel in &kin {
        for name in &given {
            t.row(&format!("{} {name} called, updated on plan.", capitalised(rel)), &[name], &["called", "updated"]);
            t.row(&format!("Pt's {rel} {name} at bedside."), &[name], &["at bedside"]);
            t.row(&format!("{} ({name}) updated by phone.", capitalised(rel)), &[name], &["updated by phone"]);
        }
        // (a verb or a preposition after the kin word is no name: `[list_verbs]`, `[places_after]`)
        for after in ["is aware", "was updated", "at bedside", "had called"] {
            t.row(&format!("{} {after}, questions answered.", capitalised(rel)), &[], &[after, "questions answered"]);
        }
    }
    t.check(2000);
}

#[test]
fn every_test_name_before_a_day_and_month_and_every_weekday_alone() {
    let mut t = Table::default();
    // (HIPAA (C), i2b2 2014: a month and day; the hyphen typed for en_US's "M/d" after the short name
    // of a test or a study, `[dated_tests]`: "CXR 3-14")
    for test in packs::section_of(english(), "dated_tests") {
        for (day, month) in [(14, 3), (2, 11), (28, 12)] {
            let d = format!("{month}-{day}");
            t.row(&format!("{} {d} unchanged, no new infiltrate.", test.to_uppercase()), &[&d], &["unchanged"]);
            t.row(&format!("Compare with {test} {d}."), &[&d], &["Compare"]);
        }
        // (a range with a unit after it is a measure: "3-4 mm")
        t.row(&format!("{} 3-4 mm nodule, stable.", test.to_uppercase()), &[], &["3-4 mm"]);
    }
    // (a day's name, CLDR's English abbreviations that are no English word and their longer
    // beginnings, wherever it stands: "seen thurs")
    for day in ["monday", "tuesday", "thursday", "friday", "mon", "tue", "tues", "thu", "thur", "thurs", "fri"] {
        for form in [day.to_string(), capitalised(day)] {
            t.row(&format!("Pt seen {form} by renal, plan HD."), &[&form], &["renal", "plan HD"]);
            t.row(&format!("Cath planned {form}, NPO after MN."), &[&form], &["NPO after MN"]);
        }
    }
    // (an appointment's date is no apartment: an address unit needs its street)
    for (m, d) in [(4, 2), (11, 28)] {
        let date = format!("{m}/{d}");
        t.row(&format!("Appt {date} with derm at 10am."), &[&date], &["Appt", "derm", "10am"]);
        t.row(&format!("Has f/u appt {date} in clinic."), &[&date], &["f/u appt", "clinic"]);
    }
    t.check(200);
}

#[test]
fn a_hospital_named_by_its_ordinary_end_after_a_place_context_in_lower_case() {
    let mut t = Table::default();
    // (HIPAA (B), i2b2 2014 HOSPITAL: "Mass General", "Boston Medical", `[hospital_ends]` after a
    // place's preposition; in lower case too, and a saint's name after its dotted prefix)
    let mut firsts = sample(english().towns, 10, |f| f & CITY != 0 && f & (ENGLISH | LANGS | CLINICAL | STOP | MONTH | COUNTRY | TITLE | RELATION) == 0);
    firsts.extend(["mass", "boston", "brigham"]);
    let ends: Vec<&str> = packs::hospital_ends().iter().copied().filter(|e| scrubber().lex.get(e) & FACILITY == 0).collect();
    assert!(ends.len() >= 3, "{ends:?}");
    for first in &firsts {
        for end in &ends {
            for ctx in ["transferred from", "admitted to", "seen at"] {
                let note = format!("Pt {ctx} {first} {end} this am, per family.");
                t.rows_of(&[note.to_lowercase(), capitalise_words(&note, &[first, end])], &[first], &["family"]);
            }
        }
    }
    // (a note all in lower case: a saint's name typed so in a note with capitals is no evidence)
    for saint in ["elsewhere", "vincent's", "mary's", "luke's"] {
        t.rows_of(&[format!("pt transferred from st. {saint} this am.")], &[saint], &["transferred"]);
    }
    // (a ward or a specialty after the end word is no hospital: "general surgery")
    t.row("Pt transferred to general surgery this am.", &[], &["general surgery"]);
    // (typed: in lower case main already reads "general medical clinic" as a facility's name)
    t.rows_of(&["Pt seen in general medical clinic.".to_string()], &[], &["general medical clinic"]);
    t.check(240);
}

/// `note` with the words `words` capitalised (the note as typed with the hospital's name in capitals).
fn capitalise_words(note: &str, words: &[&str]) -> String {
    note.split(' ').map(|w| if words.contains(&w) { capitalised(w) } else { w.to_string() }).collect::<Vec<_>>().join(" ")
}
