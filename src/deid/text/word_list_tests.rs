//! Table tests generated from the German pack's lists (not from notes): German writes every noun
//! with a capital, so its most frequent words that a surname of the pack or a town of any pack
//! shares ("Haus", "Kopf", "Zimmer") are ordinary words in `de/words.txt` (`build_packs.py`,
//! `common_nouns`); in a German letter they stay, typed and in one case, and after a title they are
//! still a name.
use super::format_tests::capitalised;
use super::pack_tests::pack;
use super::tests::scrubber;
use super::*;

/// The words of a German letter's sentence around `word` ("nach Hause", "Befund", "unauffällig"
/// make the note German), and the word after it ("Kopf frei").
fn in_a_letter(word: &str) -> String {
    format!("Befund bei Entlassung: {word} frei, der Verlauf war unauffällig; Entlassung am 12.4.20 nach Hause.")
}

/// Whether `word` is one of the words of `text`, as written.
fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic()).any(|w| w == word)
}

/// The German pack's ordinary words that are also one of its surnames or a town of one word of any
/// pack (its `towns.txt` or `places.txt`): the words a letter would lose if they were names.
fn ordinary_names() -> Vec<&'static str> {
    let words: Vec<&'static str> = packs::list_lines(pack("de").words).collect();
    let mut names: std::collections::HashSet<&'static str> = packs::list_lines(pack("de").surnames).collect();
    for p in packs::PACKS {
        names.extend(packs::list_lines(p.towns).chain(packs::list_lines(p.places)).filter(|t| !t.contains(' ')));
    }
    words.into_iter().filter(|w| names.contains(w)).collect()
}

#[test]
fn a_german_letters_common_words_that_names_share_stay() {
    let words = ordinary_names();
    // the words the rule is for: a town ("Haus"), surnames ("Kopf", "Zimmer")
    for w in ["haus", "kopf", "zimmer"] {
        assert!(words.contains(&w), "{w:?} is no ordinary word of the German pack");
    }
    let mut lost = Vec::new();
    for w in &words {
        // typed as a German noun is (capitalised), and the whole letter in lower case
        for (text, word) in [(in_a_letter(&capitalised(w)), capitalised(w)), (in_a_letter(w).to_lowercase(), w.to_string())] {
            let out = scrubber().scrub(&text, &[]).text;
            if !has_word(&out, &word) {
                lost.push(format!("{text:?} -> {out:?}"));
            }
        }
    }
    assert!(words.len() >= 100, "only {} words", words.len());
    assert!(lost.is_empty(), "{} of {} lost:\n{}", lost.len(), 2 * words.len(), lost.join("\n"));
}

#[test]
fn the_brief_words_of_a_discharge_letter_stay() {
    // the inflected form and the nouns only another language's surname list shares ("Hause", "Bein")
    for (text, word) in [
        ("Entlassung am 12.4.20 nach Hause in gutem Allgemeinzustand.", "Hause"),
        ("Ödem am linken Bein, Kontrolle in zwei Wochen beim Hausarzt.", "Bein"),
        ("Der Patient lag auf Zimmer 12 der Station, Befund unauffällig.", "Zimmer"),
    ] {
        let out = scrubber().scrub(text, &[]).text;
        assert!(has_word(&out, word), "{word:?} lost: {text:?} -> {out:?}");
        let lower = text.to_lowercase();
        let out = scrubber().scrub(&lower, &[]).text;
        assert!(has_word(&out, &word.to_lowercase()), "{word:?} lost: {lower:?} -> {out:?}");
    }
}

#[test]
fn an_ordinary_word_that_is_a_surname_after_a_title_is_a_name() {
    // "Dr. Haus", "Herr Zimmer": the title says it is a name, however ordinary the word
    assert!(!has_word(&scrubber().scrub("Entlassbrief von Dr. Haus, Oberarzt der Klinik.", &[]).text, "Haus"));
    let surnames: Vec<&str> = packs::list_lines(pack("de").surnames).collect();
    let mut kept = Vec::new();
    // (not a word the pack's terms name, a relation, a weekday or a score: "Frau Bruder", "Frau
    // Freitag", "Frau Kraft" are read as those, with or without the word in `words.txt`)
    let terms = |w: &str| scrubber().lex.get(w) & (RELATION | MONTH | CLINICAL) != 0;
    let ordinary: Vec<&str> = ordinary_names().into_iter().filter(|w| surnames.contains(w) && !terms(w)).collect();
    for w in &ordinary {
        let name = capitalised(w);
        // (and the title's dative and accusative, Duden's "Herrn")
        for text in [
            format!("Sehr geehrte Frau Kollegin, wir berichten über Frau {name}, die am 12.4.20 nach Hause entlassen wurde."),
            format!("Sehr geehrter Herr Kollege, wir berichten über Herrn {name}, der am 12.4.20 nach Hause entlassen wurde."),
        ] {
            let out = scrubber().scrub(&text, &[]).text;
            if has_word(&out, &name) {
                kept.push(format!("{text:?} -> {out:?}"));
            }
        }
    }
    assert!(ordinary.len() >= 20, "only {} surnames", ordinary.len());
    assert!(kept.is_empty(), "{} of {} kept:\n{}", kept.len(), ordinary.len(), kept.join("\n"));
}
