//! Bibliographic references: a letter that cites the literature (`Döhner H, Estey EH, Amadori S,
//! ... Blood. 2010 Jan 21;115(3):453-74.`, `Tannier X, Wajsbürt P, ... et al., Methods Inf Med.
//! 2024.`) names its authors, the towns of its publishers and a publication date. None of them is
//! about the patient, and a reader needs them to find the paper, so names, places and dates found
//! inside a reference are not scrubbed. Identifiers, phones, e-mails and URLs still are.
//!
//! A reference is a run of at least three author names written the way references write them
//! (surname and initials, `Estey EH`, `Dura B.`, `GÖKBUGET, N.`; initials and surname,
//! `A.K. FIELDING`; given name and surname in capitals, `Michael DOUBEK`), in the same paragraph
//! as a mark of a publication: `et al.`, a journal's `year;volume(issue):pages`, an edition, a
//! publisher. A list of the care team (`R. Poumonet, F. Rabbi, N. Boissel`) has no such mark.
//!
//! A law is cited the same way: a word of a pack's `[laws]` (`Loi`, `Décret`, `Real Decreto`,
//! `Gesetz`, `Act`), its number, its date (`Loi du 18 août 2013`, `Real Decreto 1093/1997, de 4 de
//! julio`) or its name (`Loi Bertrand`): a date of the law, not of the patient.

use super::ascii::Pattern as Regex;

pub(super) struct Citations {
    /// a mark of a publication
    mark: Regex,
    /// a run of three or more author names
    authors: Regex,
    /// a law, by its date or its name
    law: Regex,
}

/// How far (in bytes) a mark may stand from the author run it vouches for.
const REACH: usize = 300;

impl Citations {
    pub(super) fn new() -> Citations {
        // the normalised view's letters are ASCII for Latin scripts; \p{..} keeps others working
        let surname = r"\p{Lu}[\p{L}'’]*(?:-\s?\p{Lu}[\p{L}'’]*)*";
        let dotted = r"(?:\p{Lu}\.\s?(?:-?\p{Lu}\.\s?)*)";
        let item = format!(
            r"(?:{surname}\s\p{{Lu}}{{1,3}}\b\.?|{surname},?\s{dotted}|{dotted}\s?{surname}|\p{{Lu}}\p{{Ll}}+\s\p{{Lu}}{{2}}[\p{{Lu}}'’-]*)"
        );
        let authors = format!(r"{item}(?:\s?[,;]\s*{item}){{2,}}(?:\s+(?:and|et|a|und|y|e|&)\s+{item})?(?:,?\s+et\s+al\b\.?)?");
        // (the packs' `[edition_words]`, as typed, under the pattern's `(?i)`)
        let editions = super::packs::section("edition_words").map(regex::escape).collect::<Vec<_>>().join("|");
        let mark = [
            r"\bet\s+al\b".to_string(),
            // journal: "2010 Jan 21;115(3):453-74", "2019;12:100-9"
            r"\b(?:19|20)\d{2}(?:\s+\p{L}{3,9}\.?(?:\s+\d{1,2})?)?\s?;\s?\d{1,4}(?:\s?\(\d{1,4}\))?\s?:\s?[A-Za-z]?\d{1,6}".to_string(),
            // edition: "1st edition", "2e édition", "3. Auflage"
            format!(r"(?i)\b\d{{1,2}}(?:st|nd|rd|th|e|eme|ème|a|ª|o|\.)?\s+(?:ed\.|edn\.?|{editions})\b"),
            // publisher, a DOI, a PubMed id, an ISBN
            r"\b(?:Verlag|Press|Publishers?|Publishing|Editions|Éditions|Editorial|Editora|Elsevier|Springer)\b".to_string(),
            r"(?i)\b(?:doi:\s?10\.\d|pmid:?\s?\d|isbn[:\s]?\s?\d)".to_string(),
        ]
        .join("|");
        // (as typed and as the view folds them: "Décret", "Decret")
        let mut laws: Vec<String> = super::packs::section("laws").flat_map(|w| [regex::escape(w), regex::escape(&super::normalise::fold(w))]).collect();
        laws.sort_by_key(|w| std::cmp::Reverse(w.len()));
        laws.dedup();
        let number = r"(?:\s+(?:n[°º]|no\.?|nr\.?|num\.?|nº)?\s?\d[\d/.-]*\d)?,?";
        let date = r"\d{1,2}(?:er|º|\.)?\s+(?:de\s+)?\p{L}{3,10}(?:\.?,?\s+(?:de\s+)?\d{4})?|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}";
        // (the packs' `[law_prepositions]` before the law's date, as typed: "Loi du 4 mars 2002")
        let prepositions = super::packs::section("law_prepositions").map(regex::escape).collect::<Vec<_>>().join("|");
        let law = format!(
            r"(?i:\b(?:{})\b){number}(?:\s+(?:{prepositions})\s+(?:{date})|\s+\p{{Lu}}\p{{Ll}}+\b)",
            laws.join("|")
        );
        Citations { mark: Regex::new(&mark).expect("citation marks"), authors: Regex::new(&authors).expect("citation authors"), law: Regex::new(&law).expect("laws") }
    }

    /// The two patterns without which `find` and `laws` find nothing, a mark of a publication and a
    /// law, as they read ASCII (for the scrubber's combined first scan: most notes cite neither).
    pub(super) fn gates(&self) -> [String; 2] {
        [self.mark.ascii_source(), self.law.ascii_source()]
    }

    /// The byte ranges of `text` that cite a law (its number is the law's too).
    pub(super) fn laws(&self, text: &str) -> Vec<(usize, usize)> {
        self.law.all(text)
    }

    /// The byte ranges of `text` that are bibliographic references: each author run with the
    /// marks beside it in its paragraph, from the first to the last.
    pub(super) fn find(&self, text: &str) -> Vec<(usize, usize)> {
        let marks = self.mark.all(text);
        if marks.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (mut s, mut e) in self.authors.all(text) {
            let mut vouched = false;
            for &(ms, me) in &marks {
                let near = if me <= s { s - me <= REACH } else { ms < e || ms - e <= REACH };
                let between = if me <= s { &text[me..s] } else if ms >= e { &text[e..ms] } else { "" };
                if near && !between.contains("\n\n") {
                    vouched = true;
                    s = s.min(ms);
                    e = e.max(me);
                }
            }
            if vouched {
                out.push((s, e));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, the parts that must lie inside a reference, the parts that must not)
    #[test]
    fn references_and_lists_of_people() {
        let c = Citations::new();
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                "Döhner H, Estey EH, Amadori S, Appelbaum FR; European LeukemiaNet.\nBlood. 2010 Jan 21;115(3):453-74.",
                &["Döhner H", "Appelbaum FR", "European LeukemiaNet", "2010 Jan 21"],
                &[],
            ),
            (
                "M. Emmanuel Macrin, suite à la publication Development of an algorithm, Tannier X, Wajsbürt P, Dura B., Mouchet A., Hilka M. et al., Methods Inf Med. 2024., nous demande",
                &["Tannier X", "Hilka M."],
                &["Emmanuel Macrin"],
            ),
            (
                "Leukemia. 1st edition.\nGÖKBUGET, N., R. BASSAN, H. DOMBRET, Michael DOUBEK, A.K. FIELDING a J. WALEWSKI.\nBremen: UNI-MED Verlag AG, 2011.",
                &["GÖKBUGET, N.", "Michael DOUBEK", "A.K. FIELDING", "J. WALEWSKI", "Bremen"],
                &[],
            ),
            // the care team: no publication
            ("Chirurgiens :\nR. Poumonet, E. Fofolet, V. Lengliné, F. Rabbi, N. Boissel", &[], &["Poumonet", "Boissel"]),
            // a publication far from the names, in another paragraph
            ("Seen by Smith J, Jones AB, Brown C today.\n\nSee Lee K, Park J, Kim S. 2019;12:100-9.", &["Lee K", "Kim S"], &["Smith J", "Brown C"]),
            // laws by their dates and names; the patient's own dates stay outside
            (
                "Conformement a la Loi du 4 mars 2002 (Loi Kouchner) et au Decret n°2016-1871 du 26 decembre 2016, vu le 3 mars 2023.",
                &["Loi du 4 mars 2002", "Loi Kouchner", "Decret n°2016-1871 du 26 decembre 2016"],
                &["3 mars 2023"],
            ),
            ("Segun el Real Decreto 1093/1997, de 4 de julio, ingreso el 5 de julio de 2021.", &["Decreto 1093/1997, de 4 de julio"], &["5 de julio de 2021"]),
            ("Under the Mental Health Act of 12/03/1983; admitted 12/03/2021 under Section 2.", &["Act of 12/03/1983"], &["12/03/2021"]),
        ];
        for (text, inside, outside) in cases {
            let found = [c.find(text), c.laws(text)].concat();
            let within = |part: &str| {
                let at = text.find(part).unwrap();
                found.iter().any(|&(s, e)| s <= at && at + part.len() <= e)
            };
            for part in *inside {
                assert!(within(part), "{part:?} should be inside a reference in {text:?}: {found:?}");
            }
            for part in *outside {
                assert!(!within(part), "{part:?} should not be inside a reference in {text:?}: {found:?}");
            }
        }
    }
}
