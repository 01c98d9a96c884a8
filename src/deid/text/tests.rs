use super::*;
use std::sync::OnceLock;

/// The one scrubber every test module of the scrubber reads (built once a test process: about a
/// second and most of its memory).
pub(super) fn scrubber() -> &'static Scrubber {
    static S: OnceLock<Scrubber> = OnceLock::new();
    S.get_or_init(Scrubber::new)
}

fn s(text: &str) -> String {
    scrubber().scrub(text, &[]).text
}

fn sk(text: &str, known: &[&str]) -> String {
    scrubber().scrub(text, known).text
}

#[track_caller]
fn gone(text: &str, secret: &str) {
    let out = s(text);
    assert!(!out.to_lowercase().contains(&secret.to_lowercase()), "{secret:?} survived in {out:?} (input {text:?})");
}

#[track_caller]
fn kept(text: &str, phrase: &str) {
    let out = s(text);
    assert!(out.contains(phrase), "{phrase:?} was removed: {out:?} (input {text:?})");
}

#[test]
fn placeholder_tokens() {
    for k in Placeholder::ALL {
        assert_eq!(k.token(), format!("[{}]", k.as_str().to_uppercase()));
    }
    let r = scrubber().scrub("Call 07558 801006 or mail a.b@example.org on 12/03/2021.", &[]);
    assert_eq!(r.text, "Call [PHONE] or mail [EMAIL] on [DATE].");
    assert_eq!(r.counts, vec![(Placeholder::Date, 1), (Placeholder::Phone, 1), (Placeholder::Email, 1)]);
    assert_eq!(r.total(), 3);
    // a date and a phone in another script's digits are read as in ASCII ones
    assert_eq!(s("Seen on ١٢/٠٣/٢٠٢١, call ०७५५८ ८०१००६."), "Seen on [DATE], call [PHONE].");
    let clean = scrubber().scrub("PASI 12 after 2 weeks of dupilumab.", &[]);
    assert_eq!(clean.text, "PASI 12 after 2 weeks of dupilumab.");
    assert!(clean.counts.is_empty());
}

#[test]
fn known_values_hidden() {
    let known = ["Maria Olsen", "maria.olsen@example.org", "07558 801006", "11 Via Roma", "5293", "MRN8612542"];
    let out = sk("MARIA OLSEN seen; olsen's rash; M. Olsen and M Olsen; Maria agreed. Tel 07558801006, 07558-801-006. 11 via roma, 5293. mrn8612542", &known);
    for bad in ["maria", "olsen", "07558", "801006", "via roma", "5293", "8612542"] {
        assert!(!out.to_lowercase().contains(bad), "{bad} in {out}");
    }
    assert!(!out.contains("M. ["), "initial kept: {out}");
    // institution value does not scrub the generic word everywhere
    let out = sk("Seen at Riverside General Hospital; hospital stay 3 days.", &["Riverside General Hospital"]);
    assert!(!out.contains("Riverside"), "{out}");
    assert!(out.contains("hospital stay 3 days"), "{out}");
}

#[test]
fn names() {
    gone("Mr Haddad reports symptoms.", "Haddad");
    gone("Wife Sofia Okafor called.", "Sofia");
    gone("Wife Sofia Okafor called.", "Okafor");
    gone("Seen with daughter Johan.", "Johan");
    gone("seen with daughter johan today", "johan");
    gone("Dr. J. Smith reviewed.", "Smith");
    gone("Dr Priya Mensah reviewed.", "Mensah");
    gone("Referred by Prof Lindqvist.", "Lindqvist");
    gone("Her husband Will brought her in.", "Will");
    gone("Mrs Hope attended.", "Hope");
    gone("Grace Okafor attended.", "Grace");
    gone("Krisztián Szöllösy listed his songs", "Szöllösy");
    gone("SEEN WITH DAUGHTER MARIA. LARS HAS PASI 12.", "LARS");
    gone("SEEN WITH DAUGHTER MARIA. LARS HAS PASI 12.", "MARIA");
    gone("My name is Rubija", "Rubija");
    gone("Lars has 2 weeks of rash.", "Lars");
    // words that are also names stay without context
    kept("May improve; will review. Hope for grace period.", "May improve; will review. Hope for grace period.");
    kept("Mark the lesion; Bill to insurer.", "Mark the lesion; Bill to insurer.");
    kept("History of Parkinson disease and Lyme disease.", "Parkinson disease and Lyme disease");
    kept("Rose-coloured papules, Parkinson's disease.", "Parkinson's disease");
    kept("Started on dupilumab, then methotrexate and adalimumab.", "dupilumab, then methotrexate and adalimumab");
    kept("Pernio-like lesions; Pfizer vaccine; Moderna booster.", "Pfizer vaccine; Moderna booster");
    kept("PASI 12 EASI 21.4 BSA 10% IGA 3 DLQI 14", "PASI 12 EASI 21.4 BSA 10% IGA 3 DLQI 14");
    kept("Plan: COVID-19, review SARS-CoV-2 PCR.", "Plan: COVID-19, review SARS-CoV-2 PCR.");
}

#[test]
fn dates() {
    for d in ["12/03/2021", "2021-03-12", "12 March 2021", "March 12th", "12.03.21", "Mar 12, 2021", "3rd of May", "2000-04-16 11:34:35", "8/12/1991", "12-Mar-2021", "May 5"] {
        gone(&format!("Seen on {d} for review."), d);
    }
    kept("Rash for 3 weeks, 2 weeks after vaccine.", "for 3 weeks, 2 weeks after");
    // a month with its year is an element of a date (Safe Harbor, the stricter rule): replaced;
    // a month alone carries no day and stays
    assert_eq!(s("Onset March 2021, better in May."), "Onset [DATE], better in May.");
    for (typed, want) in [
        ("Ingreso el 12 de marzo de 2016 por fiebre.", "Ingreso el [DATE] por fiebre."),
        ("Vu le 28 mars 19, puis en mayo de 2000 et le 1er mars 2022.", "Vu le [DATE], puis en [DATE] et le [DATE]."),
        ("Né le vingt-six 02 2012 ; contrôle 19.3. et 11/03.", "Né le [DATE] ; contrôle 19.3. et [DATE]."),
        ("geb. 2 9 0 2 1 9 9 5, NIR 1 60 04 25 311 114 26", "geb. [DATE], NIR [ID]"),
        ("Pain 3/10, BP 120/80, 2/8 joints, ratio 12.05 mg", "Pain 3/10, BP 120/80, 2/8 joints, ratio 12.05 mg"),
    ] {
        assert_eq!(s(typed), want, "input {typed:?}");
    }
    kept("grade 3, dose 15 mg weekly", "grade 3, dose 15 mg weekly");
    kept("It may 2 be", "may 2 be");
    kept("EASI 21.4 and WBC 11.2, CRP 45 mg/L", "EASI 21.4 and WBC 11.2, CRP 45 mg/L");
}

#[test]
fn phones_and_ids() {
    for p in ["07558 801006", "+47 848 70 558", "(555) 504-2264", "+44 20 7946 0958", "555-123-4567", "943 476 5919", "+46 (0)8 928 571 38", "345-899-3560x4587"] {
        gone(&format!("Call {p} today."), p);
    }
    for id in ["MRN 00123456", "MRN8612542", "AB123456C", "123-45-6789", "4111 1111 1111 1111", "GB31YGJR46272857822446", "F162823540116"] {
        gone(&format!("Ref {id} noted."), id);
    }
    kept("IL-17 and IL-4/IL-13 blockade, IL-23.", "IL-17 and IL-4/IL-13 blockade, IL-23.");
    kept("COVID-19 in 2020-2021 period", "2020-2021");
    kept("WBC 11.2 CRP 45 PLT 250", "WBC 11.2 CRP 45 PLT 250");
    kept("BNT162b2 dose 2", "BNT162b2");
    gone("Follow her on instagram @jane_doe87 for photos.", "jane_doe87");
    gone("Car reg AB12 CDE parked outside.", "AB12 CDE");
    kept("mail lars@example.org", "[EMAIL]");
    kept("IL-17A, TNF, PDE4 and JAK1 inhibitors", "IL-17A, TNF, PDE4 and JAK1 inhibitors");
}

#[test]
fn email_url_ip() {
    gone("mail lars.wang1@mail.example.com now", "lars.wang1@mail.example.com");
    gone("photo at https://photos.example.org/wang/253.jpg, ok", "photos.example.org");
    gone("see www.example.com/x for more", "example.com");
    gone("see olsenfamily.net", "olsenfamily.net");
    gone("device IP 10.152.48.35.", "10.152.48.35");
    gone("v6 6e40:4041:c617:e898:c11:40d2:c669:2eb4 here", "6e40:4041");
    kept("e.g. the rash, i.e. pernio", "e.g. the rash, i.e. pernio");
    kept("at 10:30 today", "10:30");
}

#[test]
fn addresses_places_postcodes() {
    for a in ["25 Rue de la Paix", "162 Elm Street", "72 Storgata", "11 Via Roma", "Hauptstrasse 5", "Apt. 864", "Via Roma 131", "2450 Crown St"] {
        gone(&format!("Lives at {a}, near the park."), a);
    }
    for p in ["SW1 6AB", "K1A 0B1", "12345-6789", "1234 AB"] {
        gone(&format!("Lives at 12 Elm Street, {p}."), p);
    }
    gone("Lives at 162 Elm Street, 5293.", "5293");
    gone("Lives at 162 Elm Street, Springfield, IL 62704.", "62704");
    gone("seen at St Mary's last week", "Mary");
    gone("transferred from Riverside General Hospital", "Riverside");
    gone("admitted to Ward 7B", "7B");
    gone("She lives in Oslo with her son.", "Oslo");
    gone("Travelled to New York in March.", "New York");
    kept("Vitamin D 4000 IU daily", "4000 IU");
    kept("During 3 weeks of treatment", "During 3 weeks");
    kept("dermatology clinic follow up", "dermatology clinic follow up");
    kept("St John's wort use", "St John's wort");
    kept("Lives in Norway.", "Norway");
}

#[test]
fn names_in_context_added_later() {
    // speakers of a transcribed call, and people addressed directly
    gone("Heather: I've had this rash since Monday.", "Heather");
    gone("Dr Ames: how long? Destiny: about two weeks.", "Destiny");
    gone("Thanks for calling, Mark!", "Mark");
    gone("The nurse turned to Heather: \"does it itch?\"", "Heather");
    // a name found in full hides its parts elsewhere in the same note
    gone("Seen with Brad L Key; later Key said the rash itches.", "Key");
    gone("codey m ross came in. ross reports itch", "ross");
    // a clinical abbreviation written as a given name before a surname
    gone("Billing contact: Ana Dias", "Ana");
    // unknown words in an all-lower-case note
    gone("seen with guðgeir bergsveinsson today", "bergsveinsson");
    gone("the true gender of frederikke has been debated", "frederikke");
    kept("pt has eczema, using diprobase and dermovate bd, dont want more steroids asap", "pt has eczema, using diprobase and dermovate bd, dont want more steroids asap");
    kept("lesions on acral sites, tralokinumab started, pasi 12", "lesions on acral sites, tralokinumab started, pasi 12");
    // contractions are not unknown capitalised words
    let talk = "I'll call you tomorrow. You're right, I don't know. They've gone. Can't say. Won't do. We'd wait.";
    kept(talk, talk);
    gone("Seen by Mr O'Brien and Ms D'Souza", "O'Brien");
    gone("Seen by Mr O'Brien and Ms D'Souza", "D'Souza");
    // section headers and scores are not speakers; a name's word stays an ordinary word elsewhere
    kept("Plan: review in 2 weeks. Key: PASI 12.", "Plan: review in 2 weeks. Key: PASI 12.");
    kept("Mark: 2 cm plaque", "Mark: 2 cm plaque");
    kept("ANA positive, VAS 7", "ANA positive, VAS 7");
    kept("Dr Rose Hall reviewed. Will repeat PASI.", "Will repeat PASI.");
    kept("History of Stevens-Johnson syndrome. Seen by Dr Ann Johnson.", "Stevens-Johnson syndrome");
    // a word of a longer country name is a name by itself, and the country stays whole
    gone("Referred by Martin Okafor", "Martin");
    kept("Travelled to Costa Rica and Sierra Leone.", "Costa Rica and Sierra Leone");
    kept("back from the czech republic", "czech republic");
}

#[test]
fn folded_view() {
    // accented or not, typed with typographic quotes or not, the same words are found
    for t in ["Paciente José Müller, de Málaga, visto el 12 de marzo de 2016.", "Paciente Jose Muller, de Malaga, visto el 12 de marzo de 2016.",
        "Paciente José Müller, de Málaga, visto el 12 de marzo de 2016. 李"] {
        for secret in ["Jos", "ller", "laga", "marzo"] {
            gone(t, secret);
        }
        kept(t, "Paciente");
    }
    gone("Mr O’Brien’s rash", "Brien");
    // the form's values are folded too: "José" meets "Jose", the text keeps its accents elsewhere
    let out = sk("Jose Pérez, eczéma", &["José Pérez"]);
    assert!(!out.contains("Jose") && !out.contains("Pérez") && out.contains("eczéma"), "{out}");
    for t in ["Zoë Ærø in Straße 5, ΛΑΡΝΑΚΑ 李 ½ µg", "Þórunn", "São Paulo ∆"] {
        let once = s(t);
        assert_eq!(s(&once), once, "not idempotent on {t:?}");
    }
}

#[test]
fn a_note_whose_only_capitals_were_removed_is_not_read_as_lower_case() {
    // Found by `props::note_like`: once the one capitalised name is gone, what is left has no capital;
    // a second scrub must not read it as a note typed without capitals and take more.
    for t in ["Ada:gy", "seen at St Mary's ap", "Mr Olsen ap 2 weeks"] {
        let once = s(t);
        assert_eq!(s(&once), once, "not idempotent on {t:?}");
    }
}

#[test]
fn increment_sign_read_as_delta() {
    // U+2206 is read as a Greek letter of the same length: offsets stay valid, output is the input's
    for t in ["∆", "∆∆ ∆", "a∆b", "ΧΑΝ∆ΡΙΑ", "φλαμου∆ι 12", "∆ 12 Main Street ∆, Oslo ∆", "[NAME]∆[PLACE]"] {
        let once = s(t);
        assert_eq!(s(&once), once, "not idempotent on {t:?}");
    }
    kept("the ∆ in PASI (∆PASI) was 4", "the ∆ in PASI (∆PASI) was 4");
}

#[test]
fn address_tails_added_later() {
    // region codes, town particles, district numbers, towns before a country
    gone("Moved to 462 Stubengraben 80 Apt. 608\nDusino San Michele, AT 31295", "AT 31295");
    gone("Moved to 638 2229 Wolmarans St\nCaxias do Sul, RS 24893, and more", "Caxias do Sul");
    gone("I once lived in 416 Kiannonkatu 98 Apt. 934 OULU NO. Now elsewhere.", "NO.");
    gone("located at 704 1436 Redbud Drive\nCite Essanaouber\n, 32\n 60810. Nice", "60810");
    gone("meet me at 2407 tawastintie 6, sé, portugal", "sé");
    gone("lives at 2046 50 Point Walter Road, Chomutice u Horic v Podkrkonoší, Czech Republic 33156", "Horic");
    gone("Stop at the corner of 11 Botley Road St. and Herceg Gateway St.", "Herceg Gateway");
    gone("lives at 3747 3911 fourth avenue suite 112 calgary alberta", "calgary");
    gone("i once lived in ul. nad jarem 22, gdańsk 80-148.", "nad jarem");
    gone("i now live in freistädter strasse 61, brenndorf 9122", "freistädter");
    gone("Looking to support them in ÖVERTURINGEN 840 24 in its mission", "840 24");
    gone("It's in 928 Λ. Αλεξάνδρας 14\n Suite 112\n ΧΑΝ∆ΡΙΑ\n Cyprus (Greek) 51034", "ΧΑΝ∆ΡΙΑ");
    gone("i am in ΛΑΡΝΑΚΑ for a trip", "ΛΑΡΝΑΚΑ");
    // the country stays, and a sentence after an address is not a town
    kept("meet me at 2407 tawastintie 6, sé, portugal", "portugal");
    kept("Lives at 12 Main Street, and travelled to France.", "and travelled to France.");
    kept("Seen at the corner of the bed. Mary and John were there", "corner of the bed.");
    kept("in REMISSION since March", "REMISSION");
    kept("My IBAN is GB59IFUE40226315499137", "My IBAN is [ID]");
    kept("my zip code is 35350", "my zip code is [POSTCODE]");
    // a year after a town and a count before an address are not part of the place
    kept("Travelled in Oslo 2019 and had pernio.", "2019 and had pernio");
    kept("Rash at week 16 10 Elm Street, Oslo", "week 16 ");
    gone("Rash at week 16 10 Elm Street, Oslo", "Elm Street");
    gone("Address 704 1436 Redbud Drive, Oslo", "704");
}

#[test]
fn ages() {
    for a in ["Patient is 97 years old", "aged 93", "94-year-old man", "94 yo", "age: 101"] {
        let out = s(a);
        assert!(out.contains("[AGE]"), "{a} -> {out}");
    }
    kept("Patient is 67 years old", "67 years old");
    kept("aged 45", "aged 45");
    kept("PASI 90 response at week 16", "PASI 90 response at week 16");
}

#[test]
fn placeholders_untouched_and_idempotent() {
    let t = "[NAME] [DATE] [PHONE] [EMAIL] [ID] [ADDRESS] [POSTCODE] [URL] [IP] [AGE] [PLACE]";
    assert_eq!(s(t), t);
    let once = s("Mr Haddad, 162 Elm Street, 5293, 12/03/2021, Mrs Hope, Dr [NAME] Olsen");
    assert_eq!(s(&once), once);
}

// ------------------------------------------------------------------------------ corpus
fn shared_corpus(rel: &str) -> Option<String> {
    crate::deid::shared_corpus_text(rel)
}

fn canary_corpus() -> Option<Vec<eval::Canary>> {
    Some(eval::parse_canaries(&shared_corpus("phi-canaries.jsonl")?).expect("canary corpus"))
}

#[test]
fn corpus_canaries() {
    let (mut can_total, mut can_hit, mut keep_total, mut keep_ok) = (0, 0, 0, 0);
    let mut failures = Vec::new();
    let Some(corpus) = canary_corpus() else { return };
    for c in corpus {
        let known = c.known_values();
        let known_refs: Vec<&str> = known.iter().map(String::as_str).collect();
        let out = scrubber().scrub(c.notes(), &known_refs).text;
        let lo = out.to_lowercase();
        for can in &c.canaries {
            can_total += 1;
            if lo.contains(&can.to_lowercase()) {
                failures.push(format!("{}: canary {can:?} in {out:?}", c.id));
            } else {
                can_hit += 1;
            }
        }
        for k in &c.must_keep {
            keep_total += 1;
            if out.contains(k.as_str()) {
                keep_ok += 1;
            } else {
                failures.push(format!("{}: must_keep {k:?} lost: {out:?}", c.id));
            }
        }
    }
    println!("corpus: canaries removed {can_hit}/{can_total}, must_keep kept {keep_ok}/{keep_total}");
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn corpus_without_known() {
    // Same corpus, `known` empty: what the text rules alone catch (reported, floor asserted).
    let (mut total, mut hit, mut kt, mut kk) = (0, 0, 0, 0);
    let Some(corpus) = canary_corpus() else { return };
    for c in corpus {
        let notes = c.notes();
        let kept_text = s(notes);
        let out = kept_text.to_lowercase();
        for can in &c.canaries {
            if !notes.to_lowercase().contains(&can.to_lowercase()) {
                continue; // only canaries that occur in the notes
            }
            total += 1;
            if !out.contains(&can.to_lowercase()) {
                hit += 1;
            }
        }
        for k in &c.must_keep {
            kt += 1;
            if kept_text.contains(k.as_str()) {
                kk += 1;
            }
        }
    }
    println!("corpus (known empty): canaries in notes removed {hit}/{total}; must_keep {kk}/{kt}");
    assert!(hit * 100 >= total * 98, "recall without known {hit}/{total}");
    assert_eq!(kk, kt);
}

// ------------------------------------------------------------------------------ presidio recall
// `SHOW_MISSES=1 cargo test --lib presidio -- --nocapture` lists the development sets' misses;
// `SHOW_OVER=1` the words outside every labelled span that were replaced.

fn labelled(json: &str) -> Vec<eval::Labelled> {
    eval::parse_presidio(json).expect("presidio json")
}

fn recall_of<'a>(records: impl IntoIterator<Item = (usize, &'a eval::Labelled)>, show_misses: bool) -> eval::Recall {
    let count_countries = std::env::var("STRICT_RAW").is_ok_and(|v| v == "1");
    let r = eval::recall(scrubber(), records, |rec| eval::scrubber_spans(scrubber(), &rec.text), count_countries);
    if show_misses && std::env::var("SHOW_MISSES").is_ok() {
        for (i, ty, val) in &r.misses {
            println!("MISS {ty} {val:?} (record {i})");
        }
    }
    if show_misses && std::env::var("SHOW_OVER").is_ok() {
        for (i, w) in &r.over {
            println!("OVER {w:?} (record {i})");
        }
    }
    print!("{}", r.table());
    r
}

/// presidio-synth-v2 (shared corpus, `external/`): formats the canary corpus does not show. The
/// scrubber's rules were tuned against its misses, so this is a development set.
#[test]
fn presidio_synth_recall() {
    let Some(json) = shared_corpus("external/presidio-synth-v2.json") else { return };
    let data = labelled(&json);
    // the measured spans rebuild exactly what `scrub` returns
    for rec in &data {
        let mut rebuilt = String::new();
        let mut last = 0;
        for (s, e, k) in scrubber().spans_for_eval(&rec.text, &[]) {
            rebuilt.push_str(&rec.text[last..s]);
            rebuilt.push_str(k.token());
            last = e;
        }
        rebuilt.push_str(&rec.text[last..]);
        assert_eq!(rebuilt, s(&rec.text), "eval mapping");
    }
    let r = recall_of(data.iter().enumerate(), true);
    let at_least = |ty: &str, pct: usize| {
        let t = r.per_type[ty];
        assert!(t.strict * 100 >= t.total * pct, "{ty} strict recall below {pct}%");
    };
    at_least("PERSON", 98);
    if std::env::var("STRICT_RAW").is_ok_and(|v| v == "1") {
        return; // diagnostic run: country names in addresses counted, floors below do not apply
    }
    at_least("STREET_ADDRESS", 98);
    at_least("ZIP_CODE", 95);
    let all = r.all();
    assert!(all.strict * 1000 >= all.total * 990, "overall strict recall below 99%");
}

/// presidio-synth v1 (`tests/data/`, an older generator with other name sets and compact European
/// addresses), split by record: the even records are a second development set (their misses may be
/// looked at), the odd ones are held out (only their totals are ever printed; no rule was written
/// from them), so the odd half says how the scrubber does on text nobody tuned it for.
#[test]
fn presidio_synth_v1_recall() {
    let data = labelled(include_str!("../../../tests/data/presidio-synth-v1.json"));
    for (half, label) in [(0, "v1 even records (development)"), (1, "v1 odd records (held out)")] {
        println!("{label}");
        let r = recall_of(data.iter().enumerate().filter(|(i, _)| i % 2 == half), half == 0);
        let all = r.all();
        assert!(all.strict * 100 >= all.total * 95, "{label}: strict recall below 95%");
    }
}

// ------------------------------------------------------------------------------ properties
mod props {
    use super::*;
    use proptest::prelude::*;

    fn digit_runs(s: &str) -> Vec<String> {
        let mut v = Vec::new();
        let mut cur = String::new();
        for c in s.chars() {
            if c.is_ascii_digit() {
                cur.push(c);
            } else if !cur.is_empty() {
                v.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            v.push(cur);
        }
        v
    }

    fn check(text: &str, known: &[&str]) -> Result<(), TestCaseError> {
        let once = scrubber().scrub(text, known);
        let twice = scrubber().scrub(&once.text, known);
        prop_assert_eq!(&twice.text, &once.text, "not idempotent for {:?}", text);
        prop_assert_eq!(twice.total(), 0);
        // no new digit run (numbers are only ever removed or split, never joined)
        for run in digit_runs(&once.text) {
            prop_assert!(text.contains(&run), "new digit run {} from {:?} -> {:?}", run, text, once.text);
        }
        // every word of the output was in the input or is a placeholder word
        for w in once.text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            let ph = Placeholder::ALL.iter().any(|k| k.token()[1..k.token().len() - 1] == *w);
            prop_assert!(ph || text.contains(w), "new word {} in {:?}", w, once.text);
        }
        Ok(())
    }

    /// A token's place and shape, to compare two tokenisations.
    fn shapes(toks: &[Tok]) -> Vec<(usize, usize, u16, bool, bool, bool, bool, bool)> {
        toks.iter().map(|t| (t.s, t.e, t.letters, t.cap, t.allcaps, t.lower, t.digit, t.initial)).collect()
    }

    #[test]
    fn ascii_tokens_as_by_characters_examples() {
        let text = "qu'Emilien d'Estienne D'Souza O'Brien's l'ospedale covid-19 -x- a' 'b I A1 Smith-Jones HIV 3rd l'E";
        let (mut by_bytes, mut by_chars) = (Vec::new(), Vec::new());
        tokens::tokenize_ascii(text, &mut by_bytes);
        tokens::tokenize_chars(text, &mut by_chars);
        assert_eq!(shapes(&by_bytes), shapes(&by_chars));
        assert_eq!(by_bytes.len(), 18);
    }

    proptest! {
        /// The tokeniser's path for ASCII text (nearly every view) finds the tokens its path by
        /// characters finds.
        #[test]
        fn ascii_tokens_as_by_characters(text in "[a-zA-Z0-9 '.,:-]{0,60}|(([lLdDqQ]|qu|O|dell)'[A-Za-z]{1,3}[ -]?){1,6}") {
            let (mut by_bytes, mut by_chars) = (Vec::new(), Vec::new());
            tokens::tokenize_ascii(&text, &mut by_bytes);
            tokens::tokenize_chars(&text, &mut by_chars);
            prop_assert_eq!(shapes(&by_bytes), shapes(&by_chars));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]
        #[test]
        fn any_unicode(text in "\\PC{0,2000}") {
            check(&text, &[])?;
        }

        #[test]
        fn any_unicode_with_known(text in "\\PC{0,300}", k in "\\PC{0,20}") {
            check(&text, &[k.as_str()])?;
        }

        #[test]
        fn note_like(parts in proptest::collection::vec(prop_oneof![
            proptest::sample::select(vec!["Mr Olsen", "Dr Hope", "May", "12/03/2021", "07558 801006", "[NAME]",
            "PASI 12", "IL-17", "2 weeks", "Lives at 162 Elm Street, 5293", "aged 93",
            "seen at St Mary's", "x@y.org", "10.1.2.3", "www.a.com", ",", ".",
            "\n", "daughter", "Maria", "Olsen", "SW1 6AB", "[ADDRESS]", "é",
            "1234", "Hospital", "Riverside", "Ward 7B", "+47 848 70 558", "MRN"]).prop_map(str::to_owned),
            "[a-zA-Z0-9 .,:/()-]{0,12}"
        ], 0..40)) {
            let text = parts.join(" ");
            check(&text, &[])?;
            check(&text, &["Maria Olsen", "5293"])?;
        }
    }
}

#[test]
fn international_addresses_and_tails() {
    gone("??? Acme Inc ??? 12 Elm Street ??? New Zealand 34694", "34694");
    gone("Address: 3 Main Road, Cyprus (Greek) 51034", "51034");
    gone("pines beach, belgium 97466", "97466");
    gone("Czech Republic 56655.", "56655");
    gone("Looking to support Foursquare in Hanoi 15000 in its mission", "15000");
    gone("Phone: 0378 3549890", "0378");
    gone("registered 0961-7596216. Please", "0961");
    gone("Kontor 7167 Postbox 53 Oslo", "Postbox 53");
    gone("Kontor 7167 Postbox 53 Oslo", "7167");
    gone("The Mint office is at 9243 Avenue d'Ouchy 109 Apt. 758", "Ouchy");
    gone("She lives on 33 avenue de Provence street.", "Provence");
    gone("The bus station is on Pod Floriánem 1677", "Pod");
    for (text, secrets) in [
        ("Lives at 6750 Koskikatu 25 Apt. 864\nArtilleros\n, CO\n Uruguay 64677.", &["6750", "Koskikatu", "864", "Artilleros", "CO\n", "64677"][..]),
        ("Address: 14 Crown Street Kishiev Squares\n Suite 321\n LONDON\n United Kingdom 75419", &["14 Crown", "Kishiev", "Squares", "321", "LONDON", "75419"]),
        ("Address: 363 52 Huntly Street\n Suite 132\n BARMOLLOCH\n United Kingdom", &["Huntly", "BARMOLLOCH"]),
        ("Address: 124 Devon Street West\n Suite 240\n West Brook\n New Zealand", &["Devon", "West Brook"]),
        ("Sent to 9383 ul. Chrzanowska 61 today", &["9383", "Chrzanowska", "61"]),
        ("Sent to 36 rue de pologne, cite", &["36", "pologne"]),
        ("Lives at the corner of Dalbraut 99 and Frederikke Coves.", &["Dalbraut", "99", "Frederikke", "Coves"]),
        ("Lives on Marina Fort Street with her son.", &["Marina Fort"]),
        ("Lives on Main Street.", &["Main Street"]),
        ("Mail to USNS Bergman\nFPO AP 93757", &["Bergman", "93757"]),
        ("it is 5638 Aasa 43\nHumilimont, nan 78618", &["5638", "Aasa", "43", "Humilimont", "78618"]),
        ("Office: 1600 Amphitheatre Pkwy, Mountain View, CA 94043", &["1600", "Amphitheatre", "94043"]),
        ("Lives at 12 rue de la Paix, 75002 Paris", &["12 rue", "Paix", "75002", "Paris"]),
        ("Write to PO Box 123, Springfield, IL 62704-1234", &["123", "62704"]),
        ("Lives at Hauptstrasse 5, 10115 Berlin.", &["Hauptstrasse", "10115", "Berlin"]),
        ("Lives at Via Roma 12, 00184 Roma.", &["Via Roma", "00184"]),
        ("Address: 19607 107 Igias Street\nCockle Bay\n, nan\n 00617", &["Igias", "Cockle Bay", "00617"]),
        ("Address: 3 Lange Laan 12\n1234 AB Utrecht", &["Lange", "1234 AB", "Utrecht"]),
        ("Sent to 2450 Crown St\nCaxias do Sul, RS 24893-120", &["2450", "Caxias", "24893"]),
        ("Address: 928 Koskikatu 14\n Suite 112\n Tallinn\n Cyprus (Greek) 51034", &["Koskikatu", "Tallinn", "51034"]),
    ] {
        let out = s(text);
        for sec in secrets {
            assert!(!out.contains(sec), "{sec:?} survived in {out:?} (input {text:?})");
        }
    }
    // a country name itself stays
    kept("Address: 14 Crown Street\n LONDON\n United Kingdom 75419", "United Kingdom");
    kept("Lives at 6750 Koskikatu 25, Tartu, Estonia.", "Estonia");
}

#[test]
fn address_rules_keep_clinical_text() {
    kept("Given 2 via IV infusion over 30 minutes.", "Given 2 via IV infusion over 30 minutes.");
    kept("Mainstream treatment; mainstreet pharmacy", "Mainstream treatment; mainstreet pharmacy");
    kept("Lives at 12 Elm Street, Started dupilumab 300 mg.", "Started dupilumab 300 mg");
    kept("Lives at 12 Elm Street. PASI 12 at week 16, grade 3 pruritus for 2 weeks.", "PASI 12 at week 16, grade 3 pruritus for 2 weeks.");
    kept("Lives at 12 Elm Street\nEASI 21.4, IL-17 inhibitor, COVID-19 in 2020.", "EASI 21.4, IL-17 inhibitor, COVID-19 in 2020.");
    kept("Fissures at the corner of the mouth and lips.", "corner of the mouth and lips");
    kept("Received 3 Pfizer Vaccine Doses.", "3 Pfizer Vaccine Doses");
    kept("CRP 12 mg/L, dose 2 of 3 given.", "CRP 12 mg/L, dose 2 of 3 given.");
    kept("Seen 3 times; grade 3 of 4; 2 weeks later PASI 90.", "Seen 3 times; grade 3 of 4; 2 weeks later PASI 90.");
    kept("Returned from Italy 14 days ago.", "Italy 14 days ago");
    // country + postcode: not a year, not a dose / count
    kept("Returned from Italy 2019, then Spain 2021.", "Italy 2019, then Spain 2021");
    kept("Norway 10000 IU vitamin D; Sweden 1500 mg daily", "Norway 10000 IU vitamin D; Sweden 1500 mg daily");
    kept("Methotrexate 15000 units", "Methotrexate 15000 units");
    kept("eczema 12345 flares", "eczema 12345 flares");
    // postcode after a replaced town: not a year, needs "in/at/from [PLACE]"
    kept("Letter from Maria Olsen 2019 and 2020.", "2019 and 2020");
    kept("Dr Hope 1426 mg", "1426 mg");
    // trunk-prefixed phone: needs a leading 0 and a 6-8 digit group
    kept("WBC 0.5 1234567; score 10 1234567", "WBC 0.5 ");
    kept("WBC 0.5 1234567; score 10 1234567", "score 10 ");
    kept("dose 0125 mg twice", "0125 mg");
    // lower-case "avenue": a street name must follow the number and the word
    kept("Explored 2 avenues of treatment.", "2 avenues of treatment");
    // "Postbox": needs a number
    kept("Use the postbox at reception.", "postbox at reception");
    // street-name openers only join a street that was already found
    kept("Pod 3 of the ward; Pod 12 reviewed", "Pod 3 of the ward; Pod 12 reviewed");
    // lower-case number-word-number streets, double house numbers, "Rue x", "x út 9":
    // dose / count / visit text stays
    for t in [
        "take 2 tablets 3 times a day",
        "15 mg weekly",
        "seen at week 12 visit 3",
        "grade 3 lesion 4 cm",
        "PASI 12 week 16",
        "1 of 3 sites",
        "methotrexate 150 tablets 3 refills",
        "given 100 doses 2 days apart",
        "dose 250 adalimumab 40 mg",
        "score 120 pruritus 7 of 10",
        "bed 4 room 300 lesions 2",
        "grade 2 rue 3 areas",
    ] {
        kept(t, t);
    }
    // the new rules do find the streets
    gone("the bus drops you off at 74678 midtvollen 130 st.", "midtvollen 130");
    gone("meet me at 2407 tawastintie 6, sé, portugal", "tawastintie 6");
    gone("pedestrians must enter on hegyalja út 98. st.", "hegyalja út 98");
    gone("The bus drops you off at 31 Rue tachkent St.", "Rue tachkent");
    // a second house number before a numbered street: 3-5 digits only
    gone("here they are: 903 83 Dora Creek Apt. 176", "903");
    kept("PASI 12 at 15 Elm Street", "PASI 12 at ");
    // an ID next to an address is still removed
    gone("MRN 704 1436 reviewed", "704 1436");
    gone("located at 704 1436 Redbud Drive", "704");
}


#[test]
fn names_in_context_lists_particles_initials() {
    for (text, secrets) in [
        // lists: one side a name (or a [NAME] already put in)
        ("Founders: Mr Olsen, Graves and Reed.", &["Graves", "Reed"][..]),
        ("Park and Haddad were precision engineers.", &["Park"]),
        ("They had 6: [NAME], [NAME], Sherry, [NAME] and [NAME].", &["Sherry"]),
        ("they had 3: maria, chad and luis.", &["maria", "chad", "luis"]),
        ("[NAME] and White were precision engineers.", &["White"]),
        // "my name is", "call me", "named him", greetings, "says"
        ("My name is Martin", &["Martin"]),
        ("my name is vitoria", &["vitoria"]),
        ("sometimes people call me višeslav", &["višeslav"]),
        ("She named him Frank", &["Frank"]),
        ("Name:    Anđa Tomić Address: none", &["Anđa", "Tomić"]),
        ("What's your name? Jildau S Bouts", &["Jildau", "Bouts"]),
        ("Hi Victor, thanks for the referral.", &["Victor"]),
        ("\"Good news,\" says Becker.", &["Becker"]),
        ("\"Good news,\" says Du Cane.", &["Du Cane"]),
        ("I'm Misty's daughter", &["Misty"]),
        // particles, hyphens, apostrophes
        ("Willemine ten Pas will be talking", &["Willemine", "Pas"]),
        ("Seen with Maika van de Noort today", &["Maika", "Noort"]),
        ("Mrs Maria de la Cruz attended", &["Maria", "Cruz"]),
        ("Wife Anna van der Berg called", &["Anna", "Berg"]),
        ("Reviewed by O'Brien and Smith-Jones.", &["O'Brien", "Smith-Jones"]),
        // initials, titles with a dot, capitals
        ("Daniela C Capon lives nearby", &["Daniela", "Capon"]),
        ("J. R. Smith reviewed.", &["J. R", "Smith"]),
        ("Dr. Justin Beet reviewed.", &["Justin", "Beet"]),
        ("Mrs. Hope attended.", &["Hope"]),
        ("MR JOHN SMITH SEEN TODAY WITH RASH", &["JOHN", "SMITH"]),
        ("grandmother was called Giovanna Rodrigues MD", &["Giovanna", "Rodrigues MD"]),
        // lower-case notes: initials between names
        ("follow up with benjamin a seiler in a month", &["benjamin", "seiler"]),
        ("the codey m ross version", &["codey", "ross"]),
        ("name: hyuuma t. maida", &["hyuuma", "maida"]),
        ("maria had leidy t muris as contact", &["maria", "leidy", "muris"]),
    ] {
        let out = s(text);
        for sec in secrets {
            assert!(!out.contains(sec), "{sec:?} survived in {out:?} (input {text:?})");
        }
    }
}

#[test]
fn name_rules_keep_clinical_text() {
    for (text, phrase) in [
        // lists only next to a name, never before a disease word or a possessive
        ("Lyme and Parkinson disease, Crohn's.", "Lyme and Parkinson disease, Crohn's."),
        ("History of Graves, Wilson and Crohn disease.", "Graves, Wilson and Crohn disease."),
        ("Mr Haddad, Graves disease noted.", "Graves disease noted."),
        ("Mr Haddad and Parkinson's disease.", "Parkinson's disease."),
        ("Dr Olsen and White cell count normal.", "White cell count normal."),
        ("Mark and Bill the insurer.", "Mark and Bill the insurer."),
        ("Mr Haddad and Sons, COVID-19 in 2021.", "COVID-19 in 2021."),
        ("Seen with [NAME] and Stevens-Johnson syndrome.", "Stevens-Johnson syndrome."),
        // "my name" only with a name after it
        ("My name is not recorded.", "My name is not recorded."),
        ("patient name: unknown, call me back", "name: unknown, call me back"),
        ("Named after the Koebner phenomenon.", "Koebner phenomenon"),
        // greetings, "says", "I": no name without a name-like word
        ("Hello I moved house.", "Hello I moved house."),
        ("Hi there, says PASI 12 at week 16.", "says PASI 12 at week 16."),
        ("Returned from Chad in May.", "Chad"),
        // particles and initials
        ("Dr Olsen, de novo psoriasis.", "de novo psoriasis."),
        ("Maria I Will review", "I Will review"),
        ("Culture: E. Coli and S. aureus; B. Graves disease", "E. Coli and S. aureus; B. Graves disease"),
        ("MD on call reviewed; IL-17 started.", "MD on call reviewed; IL-17 started."),
        // lower-case notes
        ("seen with a rash for 2 weeks", "seen with a rash for 2 weeks"),
        ("frank pus and mark the lesion, grade 3", "frank pus and mark the lesion, grade 3"),
        ("i saw john a lot about dupilumab", "a lot about dupilumab"),
        ("E-mail: [EMAIL]. X-ray technician", "E-mail: [EMAIL]. X-ray technician"),
    ] {
        kept(text, phrase);
    }
}

/// Text as it really arrives: pasted or typed with invisible and compatibility characters. The
/// identifier goes whole, and what is kept is kept exactly as typed.
#[test]
fn given_name_and_initial() {
    for (typed, want) in [
        // (the dot stays: it may end the sentence)
        ("Seen with Peter B. yesterday.", "Seen with [NAME]. yesterday."),
        ("Plan: review in May B. cells normal.", "Plan: review in May B. cells normal."),
    ] {
        assert_eq!(s(typed), want, "input {typed:?}");
    }
}

#[test]
fn text_as_it_arrives() {
    let table: &[(&str, &str)] = &[
        ("Mrs Thorn\u{AD}bury called.", "Mrs [NAME] called."),
        ("Call 07700\u{A0}900123 today.", "Call [PHONE] today."),
        ("Call \u{FF10}\u{FF17}\u{FF17}\u{FF10}\u{FF10} \u{FF19}\u{FF10}\u{FF10}\u{FF11}\u{FF12}\u{FF13} today.", "Call [PHONE] today."),
        ("Seen on 12/03/2021\u{200B} by Dr Ok\u{200D}afor.", "Seen on [DATE]\u{200B} by Dr [NAME]."),
        ("PASI\u{A0}12 after 2\u{202F}weeks of dupili\u{AD}mab.", "PASI\u{A0}12 after 2\u{202F}weeks of dupili\u{AD}mab."),
    ];
    for &(typed, want) in table {
        assert_eq!(s(typed), want, "input {typed:?}");
    }
}

/// Rules written for notes by other hands and in the packs' languages (the development files of
/// `../shared/corpus/external/`), each as a clinician would type it.
#[test]
fn notes_of_other_writers() {
    let table: &[(&str, &str)] = &[
        // a given name and a surname's initial; names that are other words too
        ("A 52-year-old male, Peter B., treated at the clinic.", "A 52-year-old male, [NAME]., treated at the clinic."),
        ("Is warfarin safe for Jane Doe, DOB 06/12/1950?", "Is warfarin safe for [NAME], DOB [DATE]?"),
        ("A 68-year-old male, Peter Johnson, was seen.", "A 68-year-old male, [NAME], was seen."),
        ("Stevens Johnson syndrome after lamotrigine.", "Stevens Johnson syndrome after lamotrigine."),
        // "Sinai" is a German word, not in an English note
        ("Seen at Cedar Sinai on 11/15/2022.", "Seen at [PLACE] on [DATE]."),
        ("MRN HP-987654, insurance EM-2554; COVID-2019 was ruled out.", "MRN [ID], insurance [ID]; COVID-2019 was ruled out."),
        ("She was seen last Thursday, and last July.", "She was seen [DATE], and [DATE]."),
        ("Admitted to UCLA, then seen at Mount Sinai on 08/22.", "Admitted to [PLACE], then seen at [PLACE] on [DATE]."),
        ("Admitted to Children's Hospital of Philadelphia, then seen at our Dallas facility.", "Admitted to [PLACE] [PLACE], then seen at our [PLACE] [PLACE]."),
        ("Admitted to ICU, referred to Dermatology; improved in 2/3 of cases.", "Admitted to ICU, referred to Dermatology; improved in 2/3 of cases."),
        ("Secrétariat Médical\nMarie Côte\nTél : 01 23 45 67 97", "Secrétariat Médical\n[NAME]\nTél : [PHONE]"),
        ("Hématologues : Dominique LEFEBVRE, Norodom PIMA; contact Elodie Bonheur.", "Hématologues : [NAME], [NAME]; contact [NAME]."),
        ("Résultats de laboratoire pour RUFUNA Marine, revus avec Isabelle BON.", "Résultats de laboratoire pour [NAME], revus avec [NAME]."),
        ("Aide à domicile : à débattre.", "Aide à domicile : à débattre."),
        ("Paciente de Málaga, vista en Granada.", "Paciente de [PLACE], vista en [PLACE]."),
        // a time after a date stays; a machine's ISO timestamp goes whole; groups of digits that go
        // on as a time or a decimal are no number of their own
        ("CR validé le 14/02/2016 13:04:02 ; vu le 18/02/2019 16:34.", "CR validé le [DATE] 13:04:02 ; vu le [DATE] 16:34."),
        ("When: 2000-04-16 11:34:35, sync 2021-03-12T10:00Z", "When: [DATE], sync [DATE]"),
        ("vingt-six 02 2012 12:32 ; mesures 62.96 920.2 208.1", "[DATE] 12:32 ; mesures 62.96 920.2 208.1"),
        // a particle of a street's name is a whole word ("dans" holds "da")
        ("Il est à 7 rue Blaise Pascal 65000 dans la périphérie.", "Il est à [ADDRESS] dans la périphérie."),
        // the particles before a facility's name stay; its other words go with it
        ("Service d'Hépatologie du CHU d'Anger, puis CHU de Dijon et Centre Hospitalier Cochin", "Service d'Hépatologie du CHU d'[PLACE], puis CHU de [PLACE] et Centre [PLACE]"),
        // a name already whole ends before an ordinary word ("Elodie Bonheur" is one name)
        ("Patiente suivie pour un eczéma, à revoir avec ALLARD Michèle Contacter 0628967167 ; vue avec Elodie Bonheur.", "Patiente suivie pour un eczéma, à revoir avec [NAME] Contacter [PHONE] ; vue avec [NAME]."),
        // a ward named by ordinary words is no place; a plural of an ordinary word is one too
        ("Centre de Santé Mentale\nRéunion Clinique Multidisciplinaire\nChirurgies : - 1954 Appendicectomie", "Centre de Santé Mentale\nRéunion Clinique Multidisciplinaire\nChirurgies : - 1954 Appendicectomie"),
        ("Hôpital Tenon, Pavillon Charcot", "Hôpital [PLACE], Pavillon [PLACE]"),
        // the people of a big town, in the note's language, tell the town
        ("Le frère lyonnais d'Emmanuel vit dans le quartier parisien.", "Le frère [PLACE] d'[NAME] vit dans le quartier [PLACE]."),
        ("Vive en un barrio sevillano desde 2010 con su madre.", "Vive en un barrio [PLACE] desde 2010 con su madre."),
        // a header's line opening with words in capitals that no language knows, up to a facility
        // word or its end, holds the record's people; a word of some language is none
        ("RAOULT ROBERT\nABHAGANEV LAMMARE LOUMI GH A.CHENEVIER-H.MONDOR\nBIOANALYSE HEMATIE\nKALOPRE DUVANTIS", "[NAME]\n[NAME] GH [PLACE]\nBIOANALYSE HEMATIE\n[NAME]"),
        // a hospital named after people by their initials
        ("Transfert au GH A.CHENEVIER-H.MONDOR ; vu en O.R.L. hier", "Transfert au GH [PLACE] ; vu en O.R.L. hier"),
        // the letters of a dotted abbreviation after a facility word are no initials
        ("Service O.R.L. du CHU, Service I.R.M. ; Hôpital J.R. Smith", "Service O.R.L. du CHU, Service I.R.M. ; Hôpital [NAME]"),
        // an ordinary word spelled only with accents is that word as typed so ("Agée", not the
        // surname "Agee")
        ("Agée de 45 ans, vue pour un eczéma.", "Agée de 45 ans, vue pour un eczéma."),
        // a number of five digits on a line of contacts; a count or a dose after a number is no part of it
        ("tel 555 123 4567/555 987 6543", "tel [PHONE]/[PHONE]"),
        ("Jefferson hospital - primary source 31712 - (205)-136-2648 ; dosage 12345 UI ; vu le 12 mars 2021 12 fois", "[PLACE] - primary source [POSTCODE] - [PHONE] ; dosage 12345 UI ; vu le [DATE] 12 fois"),
        // a street named by a date, with its house number and town
        ("Appareil, Straße des 17. Juni 135, 10623 Berlin ; la réunion du 11 Novembre 2020", "Appareil, Straße des [ADDRESS] ; la réunion du [DATE]"),
        ("habite Place du 11 Novembre 1918, 5", "habite Place du [ADDRESS]"),
        // a part of a year with its year is a date; a spelled-out date with stray plurals too
        ("On se revoit en fin 2025, Fin 12 mois ; validé le dix-huit juillet deux-milles vingts troiss.", "On se revoit en [DATE], Fin 12 mois ; validé le [DATE]."),
        ("Seen early 2020; hasta finales de 2009 y en 2010.", "Seen [DATE]; hasta [DATE] y en 2010."),
        // a fraction after a score or a measure is no day and month
        ("Niveau oeil gauche: 10/12, EVA 08/10 ; revu le 10/12", "Niveau oeil gauche: 10/12, EVA 08/10 ; revu le [DATE]"),
        ("VA 10/10 OD, pain 08/10; seen 10/12", "VA 10/10 OD, pain 08/10; seen [DATE]"),
    ];
    for &(typed, want) in table {
        assert_eq!(s(typed), want, "input {typed:?}");
    }
}

/// Rules written for notes in the packs' languages other than English (the development files of
/// `../shared/corpus/external/`), each as a clinician would type it.
#[test]
fn notes_in_the_packs_languages() {
    let table: &[(&str, &str)] = &[
        // ages and dates in the packs' languages
        ("Paciente de 94 años, remitida en enero-04.", "Paciente de [AGE], remitida en [DATE]."),
        ("Né le 05 1 2 2 0 2 4, NIR 1 60 04 25 311 114 26.", "Né le [DATE], NIR [ID]."),
        ("Chirurgiens :\nR. Poumonet, F. Rabbi, N. Boissel\nCultures: E. Coli, K. Pneumoniae", "Chirurgiens :\n[NAME], [NAME], [NAME]\nCultures: E. Coli, K. Pneumoniae"),
        ("Il n’y avait rien à faire. Finalement, on a décidé qu’Emilien préviendrait le médecin de la famille.", "Il n’y avait rien à faire. Finalement, on a décidé qu’[NAME] préviendrait le médecin de la famille."),
        ("TAILLARD, TAILLARD PIERRE\n08 . 04 . 1941 | 01 / 07 | 1995", "[NAME], [NAME]\n[DATE] | [DATE]"),
        // an address ends before an ordinary word of the note's language on the next line; a postal
        // word after the town is the address's
        ("8 RUE DES ÉCOLES 69003 LYON\nChangement de pansement prévu.", "[ADDRESS]\nChangement de pansement prévu."),
        ("En 2017, Jouy en Josas CEDEX\nMotif : eczéma", "En 2017, [PLACE]\nMotif : eczéma"),
        // an unknown word that opens a sentence before an ordinary word of the note's language is a
        // term ("Papillome de la vessie"); after a title it is a name
        ("Papillome de la vessie résecté en 2002. Faxer les résultats à Mme Dupontel.", "Papillome de la vessie résecté en 2002. Faxer les résultats à Mme [NAME]."),
        // a language's frequent words stay ordinary where a town's name holds them ("Los Santos", "País Vasco")
        ("Pruebas complementarias: Los hallazgos revelan una masa.\nPaís: España.", "Pruebas complementarias: Los hallazgos revelan una masa.\nPaís: España."),
        // a town that is an ordinary word of the note's language is one only where the context says so
        ("Como antecedentes refiere asma. Vive en Como desde 2010.", "Como antecedentes refiere asma. Vive en [PLACE] desde 2010."),
        // a signature's titles stay, the rest of its line goes
        ("Remitido por: Dra. Rosa María Jiménez. Servicio de Urología.", "Remitido por: Dra. [NAME]."),
        // a ward on the line after a hospital's name is no town
        ("Clinique Saint-Jean de Lyon\nService de Gériatrie", "Clinique [PLACE]\nService de Gériatrie"),
        ("Bilan :\n- Lucentis, Oeil droit, 2mL\n- Dupontel, Marie", "Bilan :\n- Lucentis, Oeil droit, 2mL\n- [NAME], [NAME]"),
        // French shorthand survives
        ("Prochain RDV avec le docteur MARTIN Sophie ; ATCD : HTA, TTT en cours.", "Prochain RDV avec le docteur [NAME] ; ATCD : HTA, TTT en cours."),
        ("RDV le 12.1.2023 AU CHU de Lille", "RDV le [DATE] AU CHU de [PLACE]"),
        // a name ends before the first word of a longer header label
        ("Monsieur Paul Versailles Date de naissance 21|05|1956", "Monsieur [NAME] Date de naissance [DATE]"),
        // French hospital groups by their acronyms, in capitals only
        ("Adressé par le GH Pitié-Salpêtrière, puis au CHI de Créteil; CH 50 normal.", "Adressé par le GH [PLACE], puis au CHI de [PLACE]; CH 50 normal."),
        // a law's date, name and number are no patient's
        ("Selon la Loi du 4 mars 2002 (Loi Kouchner) et le Décret n°2016-1871 du 26 décembre 2016, vue le 3 mars 2023.", "Selon la Loi du 4 mars 2002 (Loi Kouchner) et le Décret n°2016-1871 du 26 décembre 2016, vue le [DATE]."),
        ("Lasilix arrêté du 12 mars 2023, ordonnance du 3 mars 2023.", "Lasilix arrêté du [DATE], ordonnance du [DATE]."),
        // a short note's language: names after a title and e-mail addresses do not vote
        ("Contactez Dr Roger Hardy par courriel : r.hardy@chu-exemple.fr", "Contactez Dr [NAME] par courriel : [EMAIL]"),
        // a country stays, in the note's language, after an address or a town
        ("12 rue de la Paix, 75002 Paris, France. Née en Espagne, vécu en Corée du Sud.", "[ADDRESS], France. Née en Espagne, vécu en Corée du Sud."),
        ("Calle Mayor 3, 28013 Madrid, España; vive en Alemania.", "[ADDRESS], España; vive en Alemania."),
        // a surname that word frequencies know but no dictionary does is no ordinary word
        ("RAOULT, RAOULT ROBERT\nvu par Raoult", "[NAME], [NAME]\nvu par [NAME]"),
        ("Née le 2 février mille neuf cent cinquante deux; vue le 3 mars deux fois.", "Née le [DATE]; vue le [DATE] deux fois."),
        ("Admise à la clinique Val d'Ouest le 20 mai 2019.", "Admise à la clinique [PLACE] le [DATE]."),
        // hospitals by name after a facility word in any case; a ward by its specialty is kept
        ("Puis à l'hopital Paul Brousse et au CHU Kremlin-Bicetre.", "Puis à l'hopital [PLACE] et au CHU [PLACE]."),
        ("Amplitude 8.83 17.6 -61.8 0.620 -2.7 -3.47", "Amplitude 8.83 17.6 -61.8 0.620 -2.7 -3.47"),
        ("EVA 0.5 1 1.5 2 2.5 3 3.5 4 4.5 5 5.5 6", "EVA 0.5 1 1.5 2 2.5 3 3.5 4 4.5 5 5.5 6"),
        ("Le patient est suivi dans le Service de Pneumologie depuis 2019.", "Le patient est suivi dans le Service de Pneumologie depuis 2019."),
        // a row of a table of values is no phone number
        ("(1)13:42 93 2930 293 39 102 102 03 039 02 3920 0394 03 39", "(1)13:42 93 2930 293 39 102 102 03 039 02 3920 0394 03 39"),
        // elided articles before ordinary words; the number sign is no surname
        ("L'examen a eu lieu dans notre service. N'hésitez pas. S'inquiète des résultats.", "L'examen a eu lieu dans notre service. N'hésitez pas. S'inquiète des résultats."),
        ("Docteur ROMAIN SPRITZ N° RPPS 12, Avenue du Général", "Docteur [NAME] N° RPPS [ADDRESS]"),
        // people listed after a role, in any case; the list ends with them
        ("Infirmiers: theodore roux, marie cécile lefevre\nPatiente: 45 ans, diabétique", "Infirmiers: [NAME], [NAME]\nPatiente: 45 ans, diabétique"),
        // a facility's name ends at a title; a phone with a letter O for a zero; no IP inside a phone
        ("Clinique Assistants Dr Z. BAHIRT 08.12.10.01.30", "Clinique [PLACE] Dr [NAME] [PHONE]"),
        ("Dr P-A. POULMANI 01.42.21.04.28, Dr I. POLTAO O1.42.15.93.30", "Dr [NAME]. [NAME] [PHONE], Dr [NAME] [PHONE]"),
        ("Ingresó en el Hospital Son Dureta; server 10.0.0.1", "Ingresó en el Hospital [PLACE]; server [IP]"),
        // a label before a placeholder of an earlier pass stays ("Adresse" is no name); an address
        // keeps its kind over the postcode inside it
        ("Adresse: Friesische Str. 21 a, 10115 Berlin", "Adresse: [ADDRESS]"),
        ("rx by dr smith, lasix 40, foley removed, neuro intact, abd soft.", "rx by dr [NAME], lasix 40, foley removed, neuro intact, abd soft."),
        ("Innlagt på Rikshospitalet, deretter Haukeland universitetssjukehus.", "Innlagt på [PLACE], deretter [PLACE]."),
        // "M." is Monsieur in a French note, an initial in an English one
        ("Le patient M. Lavarde Anthony, né le 30/08/1980.", "Le patient M. [NAME], né le [DATE]."),
        ("Seen by J. M. Smith yesterday.", "Seen by [NAME] yesterday."),
        // a record's name line, surname first: its words may be ordinary ones; a drug list is no name
        ("AID MERGHAD, ZINEDINE\nASPIRINE, PARACETAMOL\nDOULEUR, MARIE", "[NAME], [NAME]\nASPIRINE, PARACETAMOL\nDOULEUR, [NAME]"),
        // an address on a hospital's own mail system; a range of days before a date
        ("Cont@ct Dr. J-L ABRAS abarasse.jl@fr", "Cont@ct Dr. [NAME] [EMAIL]"),
        ("Premier traitement autour du 08-09/08/07", "Premier traitement autour du 08-[DATE]"),
        // a word no list holds, with an ending only the language's ordinary words have, is no name
        ("Molécularistes : R. Poumonet. Revivifaction pour Mme. ROMANIE VASTIAU, Fonction Ventriculaire Gauche préservée.", "Molécularistes : [NAME]. Revivifaction pour Mme. [NAME], Fonction Ventriculaire Gauche préservée."),
        ("Medicalization of Xandriosis, seen by Dr Poulter.", "Medicalization of Xandriosis, seen by Dr [NAME]."),
        // a house number spelled out before a street and its postcode; a town that is also a word
        ("Elodie Bonheur sept allée des roses 77500 Ivry sur Loire; un chemin de croix.", "[NAME] [ADDRESS]; un chemin de croix."),
        ("Il habite à 77500 Ivry depuis mai.", "Il habite à [POSTCODE] depuis mai."),
        // a day and month in a list of dates; alone, a fraction
        ("Ritozumab C1 3/4/19 C2 1/7/19 C3 2/8 C4 16/09/19; improved in 2/3 of cases", "Ritozumab C1 [DATE] C2 [DATE] C3 [DATE] C4 [DATE]; improved in 2/3 of cases"),
        // a header's label ends the address, town or name before it
        ("Domicilio: Calle Mayor 5, 28013 Madrid NHC: 1234567", "Domicilio: [ADDRESS] NHC: [ID]"),
        ("Hôpital Tenon, 4 rue de la Chine, 75020 Paris, Tel : 01 56 01 70 00", "Hôpital [PLACE], [ADDRESS], Tel : [PHONE]"),
        ("Vive en Madrid NHC: 1234567; informe del paciente: Juan Pérez", "Vive en [PLACE] NHC: [ID]; informe del paciente: [NAME]"),
        // the word that names a kind of facility stays before the facility's name
        ("RDV à Hôpital la Pitié Salpétrière, puis au Centre de Santé de Belleville.", "RDV à Hôpital la [PLACE], puis au Centre de [PLACE]."),
        // ordinary words on both sides of a particle are no name; a given name before a particle
        // and a surname is one; a hyphenated ordinary word is none
        ("Liste des Cliniciens associés, Département de Neurologie; vu avec Pierre des Ormeaux.", "Liste des Cliniciens associés, Département de Neurologie; vu avec [NAME]."),
        ("Rappel pour MARIE PORILO Rendez-vous 23.9.2026 chez le Dr RABELIE", "Rappel pour [NAME] Rendez-vous [DATE] chez le Dr [NAME]"),
        // a street word of another language inside an ordinary word is none ("Patient": Finnish "tie")
        ("Patient: Mme DAUBERT 01 23 45 67 89 Patient: Marie Daubert", "Patient: Mme [NAME] [PHONE] Patient: [NAME]"),
        // a ward's name ends at another facility's word; the short names of specialties survive
        ("Service d'Hépatologie du CHU d'Anger; service d'ORL, Pneumo - Ortho; Centre hospitalier Prince William", "Service d'Hépatologie du CHU d'[PLACE]; service d'ORL, Pneumo - Ortho; Centre [PLACE]"),
        // a hospital named by ordinary words after "at" or "admitted to"; a specialty stays
        ("Admitted to City Hospital, then spinal surgery at Mass General; referred to General Surgery.", "Admitted to [PLACE], then spinal surgery at [PLACE]; referred to General Surgery."),
        // the street word first, its number after, the street named with a title or in lower case
        ("Vive en Calle del Dr. Esquerdo, 46; antes en la calle Ramon Rubio Fernandez, 23", "Vive en [ADDRESS]; antes en la [ADDRESS]"),
        // a street type that is also a surname is none by itself in a lower-case note
        ("paciente de 45 años vive en la calle mayor, refiere dolor desde ayer", "paciente de 45 años vive en la calle mayor, refiere dolor desde ayer"),
        // a phone extension after the words that give one
        ("Nous restons joignables au 73389; call ext. 4412; poste 12.5", "Nous restons joignables au [PHONE]; call ext. [PHONE]; poste 12.5"),
        // a month that opens a range ending in a dated month carries its year; a lone month stays
        ("Entre mai et décembre 2023, puis en mars; de mayo a junio de 2019; She may to June 2021.", "Entre [DATE] et [DATE], puis en mars; de [DATE] a [DATE]; She may to [DATE]."),
    ];
    for &(typed, want) in table {
        assert_eq!(s(typed), want, "input {typed:?}");
    }
}

/// The same note typed, in capitals and in lower case: the same placeholders in the same places
/// and every other word kept (`truecase.rs`; `deidentification.md`: "typed in capitals").
#[test]
fn a_note_in_one_case_is_scrubbed_as_typed() {
    let notes = [
        "Seen by Dr. Helena Vasquez at Riverside General Hospital on 12 March 2021 for plaque psoriasis.",
        "Patient lives in Trondheim with his wife Ingrid; PASI 12 after 2 weeks of dupilumab.",
        "Referred from St. Vincent's Hospital by Dr Okonkwo, MRN 00123456, phone 07700 900123.",
        "Rash since May 3, 2021; BSA 10%, EASI 21.4, grade 3; follow up with Dr. Kowalczyk in Krakow.",
        // a header's value that names a person; initials in a list of people after a role; a word no
        // list knows beside a given name; a title written as an initial and its dot
        "Nombre: Lucía.\nApellidos: Herrera Quintanilla.\nNHC: 4412345.",
        "Dermatologues :\nR. Varnier, E. Quillot, B. Lemarrec\nEczéma chronique des mains.",
        "Résultats pour QUILLOT Odile, eczéma de contact. Revue par M. Varnier en mars.",
        // a surname whose accents, folded away, would leave a medical-looking ending; an English
        // word after a title and a given name in a French note
        "Dermatologues :\nR. Varnier, E. Quillot, V. Dufraliné\nEczéma chronique des mains.",
        "Revue par le Docteur Julien Hedge en mars.",
    ];
    for typed in notes {
        let want = s(typed).to_lowercase();
        for recased in [typed.to_uppercase(), typed.to_lowercase()] {
            assert_eq!(s(&recased).to_lowercase(), want, "input {recased:?}");
        }
    }
}

#[test]
fn a_place_after_its_preposition_and_an_article_or_our() {
    // the values of one sentence moved into the contexts of another: a place is one whatever
    // stands between its preposition and it ("the", "our") or follows it ("office", "Center")
    gone("Last seen at the NY Presbyterian on April 15th.", "Presbyterian");
    gone("Diagnosed in NYU Langone on July 15th.", "Langone");
    gone("She visited our Cedars-Sinai office on March 10.", "Cedars");
    gone("Seen in Houston Oncology Center in February.", "Oncology");
    gone("He visited the Cedars-Sinai on Feb 3rd.", "Cedars");
    // a hospital's unit and roles in nursing shorthand stay ("from OSH", "per HCP")
    kept("Admitted 10/24 from OSH s/p fall, DNR/DNI per HCP.", "from OSH s/p fall, DNR/DNI per HCP");
}
