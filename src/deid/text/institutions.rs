//! An institution's kind written into its name: "Sykehuset i [PLACE]", "Azienda Ospedaliera di
//! [PLACE]", "Casa di Cura [NAME]", "Unidade Local de Saúde de [PLACE]" are one name each.
//!
//! In the languages whose packs list `[institution_openings]` (one a line: the words that open an
//! institution's own name, from the country's register of its health institutions), a town or a
//! name found right after such an opening, a particle of place between them perhaps, takes the
//! opening into its span, as a place: the opening is part of the registered name (Norway's
//! "Sykehuset i Vestfold HF", Italy's "Azienda Ospedaliera di Padova"), and what is left of it
//! names the town. The other packs keep their facility word before the name ("Hôpital [PLACE]"):
//! their corpora label the name without it (EDS-Pseudo's "Hôpital |Bichat").
//! In a note typed with capitals the opening is capitalised, as a proper name's first word is
//! ("l'ospedale di Padova" is the town's hospital, described); in a note in one case, any.
use super::*;
use std::collections::HashSet;

/// The packs' openings, folded and in lower case (as the detectors' view reads them), longest first.
fn openings() -> &'static [String] {
    static OPENINGS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    OPENINGS.get_or_init(|| {
        let mut all: Vec<String> = packs::PACKS
            .iter()
            .flat_map(|p| packs::section_lines(p, "institution_openings"))
            .map(|l| normalise::fold(&l.to_lowercase()).into_owned())
            .collect();
        all.sort_by_key(|l| std::cmp::Reverse(l.len()));
        all.dedup();
        all
    })
}

/// The words that may stand between an opening and the name after it, lower case without a dot:
/// the packs' particles of place ("i", "di", "de") and titles ("dr", "med").
fn between_words() -> &'static HashSet<String> {
    static WORDS: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| packs::section("place_particles").chain(packs::section("titles")).map(|w| w.trim_end_matches('.').to_lowercase()).collect())
}

/// What the last word of an opening is, to tell at once whether a word may end one: the last
/// words of the openings, and the openings of one long word, which may end a compound.
fn last_words() -> &'static (HashSet<String>, Vec<String>) {
    static WORDS: std::sync::OnceLock<(HashSet<String>, Vec<String>)> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let last = openings().iter().filter_map(|o| o.rsplit(' ').next()).map(str::to_owned).collect();
        let compounding = openings().iter().filter(|o| o.len() >= 6 && !o.contains(' ')).cloned().collect();
        (last, compounding)
    })
}

impl Scrubber {
    /// Takes the opening of an institution's name into the place or name found right after it.
    pub(super) fn take_institution_openings(&self, text: &str, note: &Note, spans: &mut Vec<Span>) {
        let mut extra: Vec<Span> = Vec::new();
        for sp in spans.iter().filter(|sp| matches!(sp.kind, Placeholder::Place | Placeholder::Name)) {
            if let Some(s) = opening_before(text, sp.s, note.one_case) {
                extra.push(Span { s, e: sp.e, kind: Placeholder::Place });
            }
        }
        spans.extend(extra);
    }
}

/// Where an institution's opening ends right before `at` (a particle of place between them
/// perhaps) starts, if one does.
fn opening_before(text: &str, at: usize, one_case: bool) -> Option<usize> {
    let mut before = text[..at].trim_end_matches([' ', '\t']);
    if before.len() == at {
        return None;
    }
    // the last word, past the particles ("Sykehuset i", "Unidade Local de Saúde de") and a
    // doctor's titles ("Klinik Dr. med. [NAME]"), must end an opening (most spans stop here)
    let mut word = String::with_capacity(24);
    loop {
        let trimmed = before.trim_end_matches('.');
        let start = word_start(trimmed, trimmed.len());
        lower_into(&mut word, &folded(&trimmed[start..]));
        let (last, compounding) = last_words();
        if last.contains(&word) || compounding.iter().any(|o| word.len() > o.len() + 1 && word.ends_with(o.as_str())) {
            break;
        }
        let rest = before[..start].trim_end_matches([' ', '\t']);
        if !between_words().contains(&word) || rest.len() == start {
            return None;
        }
        before = rest;
    }
    let tail_start = before.len().saturating_sub(48);
    let tail_start = (tail_start..before.len()).find(|&i| before.is_char_boundary(i))?;
    let tail = folded(&before[tail_start..]).to_lowercase();
    // (folded and lower-cased, the letters the openings hold keep their byte length: ASCII)
    if tail.len() != before.len() - tail_start {
        return None;
    }
    // (the word before it ends with an opening of one word, written with it as one word: a
    // compound, "Kreiskrankenhaus", "Rehaklinik", "Nordlandssykehuset")
    let ends_tail = |o: &&String| tail.ends_with(o.as_str());
    let found = openings().iter().find(ends_tail).or_else(|| last_words().1.iter().find(ends_tail))?;
    let mut s = before.len() - found.len();
    // a whole word: after a space, a line's start, an elided article ("dell'Ospedale") or a bracket
    let boundary = before[..s].chars().next_back().is_none_or(|c| !c.is_alphanumeric() && c != '-');
    if !boundary {
        let w = word_start(before, s);
        if s - w < 2 {
            return None;
        }
        s = w;
    }
    let capitalised = before[s..].starts_with(|c: char| c.is_uppercase());
    (capitalised || one_case).then_some(s)
}

/// Where the word that ends at `end` of `text` starts (its letters, digits and hyphens).
fn word_start(text: &str, end: usize) -> usize {
    text[..end].char_indices().rev().take_while(|&(_, c)| c.is_alphanumeric() || c == '-').last().map_or(end, |(i, _)| i)
}

/// A word as the openings are written: folded (the detectors' view keeps some accented words).
fn folded(w: &str) -> std::borrow::Cow<'_, str> {
    if w.is_ascii() { std::borrow::Cow::Borrowed(w) } else { normalise::fold(w) }
}
