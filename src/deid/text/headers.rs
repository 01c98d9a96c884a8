//! Record headers: `label: value` lines that a clinic system pastes into a note (`Nombre: ...`,
//! `NHC: ...`, `Domicilio: ...`, `Tel : ...`). The value after a label that names an identifier
//! is identifying whatever its form, so it is certain evidence: no lexicon is asked. The labels
//! and their kinds come from the language packs (`[labels]` of each `terms.txt`).

use super::packs::{self, LabelKind};
use super::{Placeholder, Span};
use regex_automata::{meta, Anchored, Input};
use std::collections::HashMap;

/// The record-header labels of a note: each label's start, the end of its colon, its kind.
#[derive(Debug, PartialEq)]
pub(super) struct Labels(Vec<(usize, usize, LabelKind)>);

pub(super) struct Headers {
    /// a label at the start of a line or after punctuation, then a colon (the regex crate's own
    /// engine: a label's group is read within its match only, see `labels`)
    re: meta::Regex,
    kinds: HashMap<String, LabelKind>,
    /// titles (`mme`, `dr`, `m.`), which stay before a name: "Patient: Mme [NAME]"
    titles: Vec<String>,
    /// whether a label's place in a match can be read from the match's ends (`label_in`): no
    /// label opens with a character that may stand before one or ends with white space or a slash
    plain_ends: bool,
}

/// The characters that may stand before a label (the pattern's `[\s.;,(|>*-]`).
fn before_label(c: char) -> bool {
    c.is_whitespace() || matches!(c, '.' | ';' | ',' | '(' | '|' | '>' | '*' | '-')
}

/// Lower case, in the normalised view's folded form (`NºCol` is read as `NoCol`, `Tél` as
/// `Tel`), with runs of white space as one space: the key of a label.
fn key(label: &str) -> String {
    super::normalise::fold(label).split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

impl Headers {
    pub(super) fn new() -> Headers {
        let labels: Vec<(String, LabelKind)> = packs::labels().into_iter().map(|(l, k)| (key(l), k)).collect();
        // as written and in the view's form, longest first; a number sign may stand before the colon
        // ("Acct #: 88231"), so a run of labels on one line ends each value at the next label
        let mut forms: Vec<String> = packs::labels().into_iter().map(|(l, _)| l.to_lowercase()).chain(labels.iter().map(|(l, _)| l.clone())).collect();
        forms.sort_by_key(|l| std::cmp::Reverse(l.len()));
        forms.dedup();
        let alts: Vec<String> = forms
            .iter()
            .map(|l| l.split_whitespace().map(regex::escape).collect::<Vec<_>>().join(r"\s+").replace('/', r"\s*/\s*"))
            .collect();
        let plain_ends = forms.iter().all(|l| !l.starts_with(|c: char| before_label(c) || c == '/') && !l.ends_with(|c: char| c.is_whitespace() || c == '/'));
        let re = meta::Regex::new(&super::normalise::fold_pattern(&format!(r"(?im)(?:^|[\s.;,(|>*-])((?:{}))[ \t]*(?:\(s\)|#)?[ \t]*[:：]", alts.join("|")))).expect("header labels");
        let kinds = labels.into_iter().collect();
        let titles = packs::section("titles").map(|t| key(t.trim_end_matches('.'))).collect();
        Headers { re, kinds, titles, plain_ends }
    }

    /// Where the labels of `text` stand, read once per note: the pattern ignores case, and a note
    /// typed in one case is read again in the case `truecase.rs` gives it, which changes only the
    /// case of ASCII letters, so the matches are the same in both.
    pub(super) fn labels(&self, text: &str) -> Labels {
        if !text.contains([':', '：']) {
            return Labels(Vec::new());
        }
        // each match found by the automata alone, its label read from its ends (`label_in`), or
        // where they cannot tell, by the engine for the groups within the match: a search for the
        // groups ran the backtracker from the match's start to the note's end for every label (its
        // visited set cleared each time), a tenth of a scrub
        let mut caps = None;
        let mut out = Vec::new();
        for m in self.re.find_iter(text) {
            let label = self.label_in(text, m.start(), m.end()).or_else(|| {
                let caps = caps.get_or_insert_with(|| self.re.create_captures());
                self.re.search_captures(&Input::new(text).range(m.range()).anchored(Anchored::Yes), caps);
                caps.get_group(1).map(|l| (l.start, l.end))
            });
            let Some((ls, le)) = label else { continue };
            if let Some(&kind) = self.kinds.get(&key(&text[ls..le])) {
                out.push((ls, m.end(), kind));
            }
        }
        Labels(out)
    }

    /// The label of the match `s..e` of the pattern (its group), where the match's ends tell it:
    /// it starts after the character before it, if any (no label opens with one), and ends
    /// before the blanks before the colon, unless a number sign or "(s)" stands there, which
    /// may be the label's or the pattern's own.
    fn label_in(&self, text: &str, s: usize, e: usize) -> Option<(usize, usize)> {
        if !self.plain_ends {
            return None;
        }
        let first = text[s..e].chars().next()?;
        let ls = if before_label(first) { s + first.len_utf8() } else { s };
        let colon = text[s..e].chars().next_back()?;
        let label = text.get(ls..e - colon.len_utf8())?.trim_end_matches([' ', '\t']);
        (!label.is_empty() && !label.ends_with(['#', ')'])).then_some((ls, ls + label.len()))
    }

    /// The labels of the record headers in `text` (found by `labels` on it or on the same note in
    /// another case), each with its value's range (to the end of the line or the next label, white
    /// space trimmed) and kind.
    fn values(&self, text: &str, labels: &Labels) -> Vec<(usize, usize, LabelKind)> {
        let found: Vec<(usize, usize, LabelKind)> = labels
            .0
            .iter()
            .copied()
            .filter(|&(ls, _, _)| {
                // the label is the whole key: not the end of a longer one ("Aide à domicile :"),
                // whose word before is a lower-case word on the same line (read in this text's case)
                let before = text[..ls].trim_end_matches([' ', '\t']);
                let word_before = &before[before.rfind(char::is_whitespace).map_or(0, |p| p + 1)..];
                !(word_before.starts_with(char::is_lowercase) && word_before.chars().all(char::is_alphabetic))
            })
            .collect();
        let mut out = Vec::with_capacity(found.len());
        for (i, &(_, vs, kind)) in found.iter().enumerate() {
            // the value runs to the end of the line or to the next label on it
            let line_end = text[vs..].find(['\n', '\r']).map_or(text.len(), |p| vs + p);
            let ve = found.get(i + 1).map_or(line_end, |n| n.0.min(line_end));
            let value = &text[vs..ve];
            let lead = value.len() - value.trim_start().len();
            out.push((vs + lead, vs + lead + value.trim().len(), kind));
        }
        out
    }

    /// The ranges of the header values that name a person or a place, in any case: what
    /// `truecase.rs` writes as names are written.
    pub(super) fn person_and_place_values(&self, text: &str, labels: &Labels) -> Vec<(usize, usize)> {
        let named = |k: LabelKind| matches!(k, LabelKind::Signature | LabelKind::Value(Placeholder::Name | Placeholder::Place));
        self.values(text, labels).into_iter().filter(|&(_, _, k)| named(k)).map(|(s, e, _)| (s, e)).collect()
    }

    /// The identifying values of the record headers in `text`.
    pub(super) fn detect(&self, text: &str, labels: &Labels, spans: &mut Vec<Span>) {
        for (s, e, kind) in self.values(text, labels) {
            let v = text[s..e].trim_end_matches(['.', ',', ';', ' ']);
            if v.is_empty() {
                continue;
            }
            let has_digit = v.bytes().any(|b| b.is_ascii_digit());
            // a name's titles stay: "Patient: Mme J DUPONT", "Remitido por: Dra. ..."
            let (s, v) = match kind {
                LabelKind::Value(Placeholder::Name) | LabelKind::Signature => {
                    let t = self.leading_titles(v);
                    (s + t, &v[t..])
                }
                _ => (s, v),
            };
            let (len, kind) = match kind {
                LabelKind::Signature => (v.len(), Placeholder::Name),
                LabelKind::Value(Placeholder::Name) => (name_run(v, false), Placeholder::Name),
                LabelKind::Value(Placeholder::Place) => (name_run(v, true), if has_digit { Placeholder::Postcode } else { Placeholder::Place }),
                // a postcode label with a town after it (fields swapped by the system)
                LabelKind::Value(Placeholder::Postcode) if !has_digit => (name_run(v, false), Placeholder::Place),
                LabelKind::Value(Placeholder::Email) => (v.find(char::is_whitespace).unwrap_or(v.len()), Placeholder::Email),
                LabelKind::Value(k @ (Placeholder::Id | Placeholder::Postcode | Placeholder::Phone | Placeholder::Date)) => (number_run(v), k),
                LabelKind::Value(k) => (v.len(), k),
            };
            if len > 0 {
                spans.push(Span { s, e: s + len, kind });
            }
        }
    }

    /// The length of the titles (and their dots and spaces) that open a value: "Mme ", "Dr. ".
    fn leading_titles(&self, v: &str) -> usize {
        let mut at = 0;
        loop {
            let rest = &v[at..];
            let w = rest.split([' ', '\t', '.']).next().unwrap_or("");
            let after = &rest[w.len()..];
            let gap = after.len() - after.trim_start_matches(['.', ' ', '\t']).len();
            if w.is_empty() || gap == 0 || !self.titles.contains(&key(w)) {
                return at;
            }
            at += w.len() + gap;
        }
    }
}


/// The length of the leading run of a number-like value (an id, phone, postcode or date): at
/// most six words, ending with the last one that has a digit ("12 de marzo de 2016", "71 33043712
/// 35"), none of them a word of more than 10 letters; after a comma only a word with a digit goes
/// on ("IPP: 5698230405, Alexis GROS, né le ..." ends at the number).
fn number_run(v: &str) -> usize {
    let mut end = 0;
    let mut pos = 0;
    let mut after_comma = false;
    for (i, w) in v.split_inclusive([' ', '\t']).enumerate() {
        let t = w.trim();
        if i >= 6 || t.chars().filter(|c| c.is_alphabetic()).count() > 10 || after_comma && !t.bytes().any(|b| b.is_ascii_digit()) {
            break;
        }
        after_comma = t.ends_with([',', ';']);
        pos += w.len();
        if t.bytes().any(|b| b.is_ascii_digit()) {
            end = pos - (w.len() - w.trim_end().len());
        }
    }
    v[..end].trim_end_matches(['.', ',', ';', ':']).len()
}

/// The length of the leading run of name-like words of a header value: capitalised words,
/// initials, titles with their dot, particles (`de`, `van`...), and with `digits` also numbers.
fn name_run(v: &str, digits: bool) -> usize {
    let mut end = 0;
    let mut pos = 0;
    for w in v.split_inclusive([' ', '\t']) {
        let t = w.trim().trim_end_matches([',', '.']);
        let first = t.chars().next();
        let ok = match first {
            None => true,
            Some(c) if c.is_uppercase() => true,
            Some(c) if c.is_ascii_digit() => digits,
            Some('(') => false,
            Some(_) => packs::header_particles().contains(&t),
        };
        if !ok {
            break;
        }
        pos += w.len();
        if first.is_some() {
            end = pos - (w.len() - w.trim_end().len());
        }
    }
    // a particle is never the last word
    let mut e = end;
    while let Some(sp) = v[..e].rfind(' ') {
        let last = &v[sp + 1..e];
        if last.chars().next().is_some_and(|c| c.is_lowercase()) {
            e = v[..sp].trim_end().len();
        } else {
            break;
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_values() {
        let h = Headers::new();
        // (text, the values found with their kinds)
        let table: &[(&str, &[(&str, Placeholder)])] = &[
            ("Nombre: Arturo .\nApellidos:Mendez Gomez .\nNHC: 739146.\n", &[("Arturo", Placeholder::Name), ("Mendez Gomez", Placeholder::Name), ("739146", Placeholder::Id)]),
            ("Médico: Miguel Martínez Rodríguez   NºCol: 50 50 98653.", &[("Miguel Martínez Rodríguez", Placeholder::Name), ("50 50 98653", Placeholder::Id)]),
            ("Domicilio: Calle Dr. Joaquín Aznar Molina 2, 3F.\nCP: 50009.", &[("Calle Dr. Joaquín Aznar Molina 2, 3F", Placeholder::Address), ("50009", Placeholder::Postcode)]),
            ("Localidad/ Provincia: San Sebastian.\nCP:Valladolid.", &[("San Sebastian", Placeholder::Place), ("Valladolid", Placeholder::Place)]),
            ("IPP : 8002345678 Tél : 01 45 67 89 00", &[("8002345678", Placeholder::Id), ("01 45 67 89 00", Placeholder::Phone)]),
            ("IPP: 5698230405, Alexis GROS, né le 04/06/1976", &[("5698230405", Placeholder::Id)]),
            ("Patient: Mme J DUPONT\nMédecin: Dr. Pierre Roux", &[("J DUPONT", Placeholder::Name), ("Pierre Roux", Placeholder::Name)]),
            ("Patient: 45 year old with psoriasis", &[]),
            ("E-mail: a.b@c.es. X-ray technician\nFecha de nacimiento: 12 de marzo de 2016 en Madrid", &[("a.b@c.es.", Placeholder::Email), ("12 de marzo de 2016", Placeholder::Date)]),
            ("Name: John van der Berg (brother)", &[("John van der Berg", Placeholder::Name)]),
            ("Edad: 42 años Sexo: H.\nServicio: Urgencias.", &[]),
            ("Aide à domicile : clusters à débattre.", &[]),
            ("Geburtsdatum: 12.03.1950, Wohnort: Bad Tölz", &[("12.03.1950", Placeholder::Date), ("Bad Tölz", Placeholder::Place)]),
        ];
        for &(text, want) in table {
            // read in the folded view, as the scrubber does, and mapped back
            let view = super::super::normalise::View::of(text);
            let mut spans = Vec::new();
            let read = view.as_ref().map_or(text, |v| &v.text);
            h.detect(read, &h.labels(read), &mut spans);
            let back = |s: usize, e: usize| view.as_ref().map_or((s, e), |v| v.original(s, e));
            let got: Vec<(&str, Placeholder)> = spans.iter().map(|sp| (back(sp.s, sp.e), sp.kind)).map(|((s, e), k)| (&text[s..e], k)).collect();
            assert_eq!(got, want, "in {text:?}");
        }
    }

    fn headers() -> &'static Headers {
        static H: std::sync::OnceLock<Headers> = std::sync::OnceLock::new();
        H.get_or_init(Headers::new)
    }

    use proptest::prelude::*;

    /// Notes made of the packs' labels (as written, in capitals), separators and other words.
    fn note_parts() -> impl Strategy<Value = Vec<String>> {
        let labels: Vec<String> = packs::labels().into_iter().map(|(l, _)| l.to_string()).collect();
        let piece = prop_oneof![
            proptest::sample::select(labels.clone()),
            proptest::sample::select(labels).prop_map(|l| l.to_uppercase()),
            proptest::sample::select(vec![":", " : ", "：", " ", "\n", ". ", ", ", "(", "\t", "é"]).prop_map(str::to_string),
            "[a-zA-Z]{1,8}",
        ];
        proptest::collection::vec(piece, 0..14)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]
        /// The labels are found once per note and reused on the note in the case `truecase.rs`
        /// gives it: any change of its ASCII letters' case finds them at the same places.
        #[test]
        fn labels_do_not_depend_on_ascii_case(parts in note_parts(), flips in proptest::collection::vec(any::<bool>(), 0..200)) {
            let text: String = parts.concat();
            let other: String = text.chars().enumerate().map(|(i, c)| if flips.get(i % flips.len().max(1)).copied().unwrap_or(false) { if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() } } else { c }).collect();
            let h = headers();
            prop_assert_eq!(h.labels(&text), h.labels(&other));
        }
    }
}
