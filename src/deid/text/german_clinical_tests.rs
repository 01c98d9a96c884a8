//! Table tests generated from the German pack's data: the clinical lexicon (`de/clinical.txt`,
//! `build_clinical.py`), the German spellings of the medical suffixes (`[medical_endings]`) and the
//! articles after which a capitalised word is a common noun (`[noun_determiners]`), in the sections
//! of a discharge letter (Diagnosen, Befund, Therapie, Epikrise), as typed and in lower case; and the
//! German pack's names, which still go after Herr, Frau, Dr. med. and Patientin in the same sentences.
use super::format_tests::capitalised;
use super::pack_tests::pack;
use super::tests::scrubber;
use super::*;

/// Every `step`-th entry of a generated list of the pack, from the first.
fn every_nth(list: &'static str, step: usize) -> Vec<&'static str> {
    packs::list_lines(list).step_by(step).collect()
}

/// A discharge letter's sentences around one word (`{}`), one a section.
const LETTER_SECTIONS: &[&str] = &[
    "Diagnosen:\n1. Psoriasis vulgaris\n2. {}\n",
    "Befund: Plaques mit {} an beiden Armen.",
    "Therapie: Beginn mit {} am ersten Tag.",
    "Epikrise: Unter {} besserte sich der Befund deutlich.",
];

/// `n` names of the German pack's list (given names or surnames) of five letters or more, that no
/// list knows as another word, capitalised.
fn german_names(list: &'static str, n: usize) -> Vec<String> {
    let lex = &scrubber().lex;
    let other = |w: &str| lex.get(&normalise::fold(w)) & (ENGLISH | LANGS | CLINICAL | STOP | MONTH | COUNTRY | TITLE | RELATION | EPONYM) != 0;
    let names: Vec<&str> = packs::list_lines(list).filter(|w| w.chars().count() >= 5 && w.chars().all(char::is_alphabetic) && !other(w)).collect();
    names.iter().step_by((names.len() / n).max(1)).take(n).map(|w| capitalised(w)).collect()
}

/// The texts of a table whose word did not stay, or whose names did not go.
#[derive(Default)]
struct Misses {
    n: usize,
    missed: Vec<String>,
}

impl Misses {
    fn check(&mut self, text: &str, gone: &[&str], kept: &[&str]) {
        let out = scrubber().scrub(text, &[]).text;
        self.n += 1;
        let survived: Vec<&&str> = gone.iter().filter(|s| out.contains(**s)).collect();
        let lost: Vec<&&str> = kept.iter().filter(|k| !out.contains(**k)).collect();
        if !survived.is_empty() || !lost.is_empty() {
            self.missed.push(format!("survived {survived:?}, lost {lost:?}: {text:?} -> {out:?}"));
        }
    }

    /// A text of ordinary and clinical words alone: nothing of it goes.
    fn unchanged(&mut self, text: &str) {
        let out = scrubber().scrub(text, &[]).text;
        self.n += 1;
        if out != text {
            self.missed.push(format!("{text:?} -> {out:?}"));
        }
    }

    #[track_caller]
    fn assert_none(self, at_least: usize) {
        assert!(self.n >= at_least, "only {} texts", self.n);
        let shown: Vec<&str> = self.missed.iter().take(40).map(String::as_str).collect();
        assert!(self.missed.is_empty(), "{} of {} texts:\n{}", self.missed.len(), self.n, shown.join("\n"));
    }

    /// The word in every section of a letter, capitalised as a German noun is typed, and the
    /// letter in lower case.
    fn in_every_section(&mut self, word: &str) {
        for section in LETTER_SECTIONS {
            self.unchanged(&section.replace("{}", &capitalised(word)));
            self.unchanged(&section.replace("{}", word).to_lowercase());
        }
    }
}

#[test]
fn every_fiftieth_word_of_the_german_clinical_lexicon_stays_in_every_section_of_a_letter() {
    let words = every_nth(pack("de").clinical, 50);
    assert!(words.len() >= 60, "only {} words: is de/clinical.txt generated?", words.len());
    let mut m = Misses::default();
    for w in words {
        m.in_every_section(w);
    }
    m.assert_none(480);
}

/// A word that no list holds and that has one of the German medical endings: a real word of the
/// lexicon that ends with it, after an ordinary German word of the pack as a compound's first part
/// ("nieren" and a word ending in "-insuffizienz").
fn compound_with_ending(ending: &str, first_parts: &[&'static str]) -> Option<String> {
    let lex = &scrubber().lex;
    let folded = normalise::fold(ending);
    let base = packs::list_lines(pack("de").clinical).find(|w| normalise::fold(w).ends_with(&*folded) && w.chars().count() >= ending.chars().count() + 3)?;
    first_parts.iter().map(|p| format!("{p}{base}")).find(|c| {
        let key = normalise::fold(c);
        // known by its ending alone: no list holds it
        let f = lex.get(&key);
        f != 0 && f == lex.by_ending(&key)
    })
}

#[test]
fn every_german_medical_ending_keeps_a_compound_no_list_holds() {
    let first_parts: Vec<&'static str> = every_nth(pack("de").words, 97).into_iter().filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic)).collect();
    let endings: Vec<&str> = packs::section_of(pack("de"), "medical_endings").collect();
    assert!(endings.len() >= 40, "only {} medical endings", endings.len());
    let mut m = Misses::default();
    let mut tried = 0;
    for e in &endings {
        let Some(word) = compound_with_ending(e, &first_parts) else { continue };
        tried += 1;
        m.in_every_section(&word);
    }
    assert!(tried * 2 >= endings.len(), "a compound for only {tried} of {} endings", endings.len());
    m.assert_none(8 * 20);
}

/// Capitalised compounds of two ordinary words of the German pack that no list holds and that
/// look medical to no rule ("Hautveränderung" is no one's name): common nouns as a letter writes them.
fn unknown_compounds(n: usize) -> Vec<String> {
    let lex = &scrubber().lex;
    let parts: Vec<&'static str> = every_nth(pack("de").words, 61).into_iter().filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic)).collect();
    let mut out = Vec::new();
    for (a, b) in parts.iter().zip(parts.iter().skip(7)) {
        let c = format!("{a}{b}");
        if lex.get(&normalise::fold(&c)) == 0 && !looks_medical(&c) {
            out.push(capitalised(&c));
        }
        if out.len() == n {
            break;
        }
    }
    out
}

#[test]
fn a_capitalised_word_no_list_knows_after_every_german_article_is_a_common_noun() {
    let determiners: Vec<&str> = packs::section_of(pack("de"), "noun_determiners").collect();
    assert!(determiners.len() >= 20, "only {} determiners", determiners.len());
    let nouns = unknown_compounds(determiners.len());
    assert_eq!(nouns.len(), determiners.len(), "too few compounds no list holds");
    let mut m = Misses::default();
    for (d, noun) in determiners.iter().zip(&nouns) {
        m.unchanged(&format!("Befund: Wir sahen {d} {noun} an beiden Armen."));
        // an adjective in lower case between
        m.unchanged(&format!("Epikrise: Es zeigte sich {d} deutliche {noun} an den Armen."));
        // the article opening the sentence
        m.unchanged(&format!("Verlauf: Keine Komplikationen. {} {noun} besteht nicht.", capitalised(d)));
    }
    m.assert_none(60);
}

#[test]
fn the_article_rule_reads_only_a_note_in_german() {
    // a French note: "des" is a French article too, and an unknown capitalised word after it is
    // still taken for a name
    let nouns = unknown_compounds(10);
    let mut m = Misses::default();
    for noun in &nouns {
        m.check(&format!("Le patient a été adressé par le docteur Martin, puis vu chez des {noun} hier soir."), &[noun], &[]);
    }
    m.assert_none(10);
}

#[test]
fn german_names_still_go_after_titles_and_relations_beside_clinical_words() {
    let de = pack("de");
    let (surnames, given) = (german_names(de.surnames, 20), german_names(de.given, 20));
    let clinical = every_nth(de.clinical, 211);
    let mut m = Misses::default();
    for (i, (s, g)) in surnames.iter().zip(&given).enumerate() {
        let w = capitalised(clinical[i % clinical.len()]);
        m.check(&format!("Herr {s} stellte sich mit {w} vor."), &[s], &[&w]);
        m.check(&format!("Befund: Bei Frau Dr. {s} zeigte sich eine {w}."), &[s], &[&w]);
        m.check(&format!("Therapie: Dr. med. {g} {s} empfahl die {w}."), &[g, s], &[&w]);
        m.check(&format!("Epikrise: Die Patientin {g} {s} wurde unter {w} entlassen."), &[g, s], &[&w]);
        // an article before the title: the name after it still goes
        m.check(&format!("Diagnosen:\n1. {w}\nVorgestellt durch die Hausärztin Frau {s}."), &[s], &[&w]);
    }
    m.assert_none(100);
}
