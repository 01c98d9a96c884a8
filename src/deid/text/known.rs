//! The form's own identifying values (`known`), matched literally, by their parts, and by their digits.
use super::*;

/// Per-call matcher for the form's own identifying values.
pub(super) struct Known {
    /// the values and their variants, matched literally in any ASCII case
    pub(super) literals: Literals,
    pub(super) kinds: Vec<Placeholder>,
    /// lower-case name parts, compared to each word token
    pub(super) parts: Vec<String>,
    /// digit sequences (>= 5 digits) of number-like values
    pub(super) digits: Vec<(String, Placeholder)>,
}

impl Scrubber {
    pub(super) fn classify_known(&self, v: &str) -> Placeholder {
        use Placeholder::*;
        let digits = v.bytes().filter(u8::is_ascii_digit).count();
        let letters = v.chars().filter(|c| c.is_alphabetic()).count();
        let lower = v.to_lowercase();
        if v.contains('@') {
            return Email;
        }
        if lower.starts_with("http") || lower.starts_with("www.") || v.contains("://") {
            return Url;
        }
        if digits > 0 && self.ip_full.is_match(v) && v.contains(['.', ':']) && v.matches(['.', ':']).count() >= 3 {
            return Ip;
        }
        // (a pattern of the combined scan that matches nowhere in `v` matches no whole `v`: one scan
        // instead of a search for each date pattern)
        let ascii = ascii::AsciiText::of(v);
        let hits = self.set.matches(ascii.as_str());
        let present = ascii.bytes_present();
        let may_match = |i: usize| self.rxs[i].may_run(&hits, present);
        if self.date_full.iter().any(|&i| may_match(i) && self.rxs[i].re.matches_whole(v)) {
            return Date;
        }
        if digits >= 5 && letters <= 4 {
            let t = v.trim_start();
            return if t.starts_with('+') || t.starts_with('0') || t.starts_with('(') { Phone } else { Id };
        }
        if digits > 0 && v.chars().count() <= 8 && v.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '-') {
            return Postcode;
        }
        if digits > 0 {
            return Address;
        }
        if packs::known_facility_words().iter().any(|f| lower.contains(f)) {
            return Place;
        }
        if !lower.contains(' ') && self.lex.get(&lower) & (CITY | AMB_CITY) != 0 && self.lex.get(&lower) & ANY_NAME == 0 {
            return Place;
        }
        Name
    }

    pub(super) fn build_known(&self, known: &[&str]) -> Known {
        let mut pats: Vec<String> = Vec::new();
        let mut kinds: Vec<Placeholder> = Vec::new();
        let mut parts: Vec<String> = Vec::new();
        let mut digits: Vec<(String, Placeholder)> = Vec::new();
        let push = |p: String, k: Placeholder, pats: &mut Vec<String>, kinds: &mut Vec<Placeholder>| {
            if p.chars().count() >= 2 && !pats.contains(&p) {
                pats.push(p);
                kinds.push(k);
            }
        };
        for raw in known {
            // folded as the view is, which is what the detectors read: "José" meets "Jose"
            let folded = normalise::fold_keeping(raw.trim(), &|w| self.lex.keeps(w));
            let v: &str = &folded;
            if v.chars().count() < 2 || v.len() > 300 {
                continue;
            }
            let kind = self.classify_known(v);
            for variant in [v.to_owned(), v.to_lowercase(), v.to_uppercase()] {
                push(variant, kind, &mut pats, &mut kinds);
            }
            let ds: String = v.chars().filter(|c| c.is_ascii_digit()).collect();
            if ds.len() >= 5 && matches!(kind, Placeholder::Phone | Placeholder::Id | Placeholder::Date) {
                digits.push((ds, kind));
            }
            match kind {
                Placeholder::Name | Placeholder::Place => {
                    if kind == Placeholder::Name {
                        for w in v.split(|c: char| c.is_whitespace() || c == ',' || c == '.' || c == ';') {
                            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                            if w.chars().count() < 2 {
                                continue;
                            }
                            let lw = w.to_lowercase();
                            let f = self.lex.get(&lw);
                            if f & (TITLE | STOP) != 0 && f & ANY_NAME == 0 {
                                continue;
                            }
                            if packs::known_particles().contains(&lw.as_str()) {
                                continue;
                            }
                            if f & (ENGLISH | CLINICAL) != 0 && f & ANY_NAME == 0 {
                                continue;
                            }
                            if !parts.contains(&lw) {
                                parts.push(lw);
                            }
                        }
                    }
                }
                Placeholder::Address => {
                    // the street without its number: "11 Via Roma" -> "Via Roma"
                    let rest = v.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == ',');
                    let rest = rest.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == ',');
                    if rest.split_whitespace().count() >= 2 || rest.chars().count() >= 6 {
                        for variant in [rest.to_owned(), rest.to_lowercase(), rest.to_uppercase()] {
                            push(variant, kind, &mut pats, &mut kinds);
                        }
                    }
                }
                Placeholder::Email => {
                    // the local part on its own ("lars.wang1")
                    if let Some((local, _)) = v.split_once('@') {
                        if local.chars().count() >= 4 {
                            for variant in [local.to_owned(), local.to_lowercase()] {
                                push(variant, kind, &mut pats, &mut kinds);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        Known { literals: Literals::new(pats), kinds, parts, digits }
    }

}

/// A few strings, found in a text in any ASCII case, leftmost first and the longest of those
/// starting there (the lowest index among equals), not overlapping: an Aho-Corasick automaton's
/// `LeftmostLongest` matches. Built for every note and searched over a short text a few times, an
/// automaton cost more to build (a sixth of a scrub) than its searches saved; this is a list of
/// the strings by their first byte, tried at each position.
pub(super) struct Literals {
    pats: Vec<String>,
    /// indices into `pats`, grouped by first byte (lower case), longest first within a group
    order: Vec<u32>,
    /// for each first byte (lower case), its range in `order`
    by_first: Vec<(u8, u32, u32)>,
}

impl Literals {
    fn new(pats: Vec<String>) -> Literals {
        let first = |p: &String| p.as_bytes()[0].to_ascii_lowercase();
        let mut order: Vec<u32> = (0..pats.len() as u32).filter(|&i| !pats[i as usize].is_empty()).collect();
        order.sort_by_key(|&i| (first(&pats[i as usize]), std::cmp::Reverse(pats[i as usize].len()), i));
        let mut by_first: Vec<(u8, u32, u32)> = Vec::new();
        for (k, &i) in order.iter().enumerate() {
            match by_first.last_mut() {
                Some(last) if last.0 == first(&pats[i as usize]) => last.2 = k as u32 + 1,
                _ => by_first.push((first(&pats[i as usize]), k as u32, k as u32 + 1)),
            }
        }
        Literals { pats, order, by_first }
    }

    /// (start, end, index of the string) of each match in `text`, in order.
    pub(super) fn find_iter(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        if self.order.is_empty() {
            return out;
        }
        let hay = text.as_bytes();
        // (which bytes open a string, in either case: one look-up a byte, the groups only there)
        let mut starts = [false; 256];
        self.by_first.iter().for_each(|&(b, _, _)| {
            starts[b as usize] = true;
            starts[b.to_ascii_uppercase() as usize] = true;
        });
        let mut i = 0;
        'at: while i < hay.len() {
            if starts[hay[i] as usize] {
                let b = hay[i].to_ascii_lowercase();
                let (_, lo, hi) = self.by_first.iter().find(|g| g.0 == b).copied().unwrap_or((0, 0, 0));
                for &p in &self.order[lo as usize..hi as usize] {
                    let pat = self.pats[p as usize].as_bytes();
                    if hay.len() - i >= pat.len() && hay[i..i + pat.len()].eq_ignore_ascii_case(pat) {
                        out.push((i, i + pat.len(), p as usize));
                        i += pat.len();
                        continue 'at;
                    }
                }
            }
            i += 1;
        }
        out
    }
}

/// Runs of digits with separators whose digits contain one of the known digit sequences.
pub(super) fn known_digit_runs(text: &str, seqs: &[(String, Placeholder)], spans: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut digits = String::new();
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        digits.clear();
        let mut j = i;
        let mut sep = 0;
        while j < bytes.len() {
            let b = bytes[j];
            if b.is_ascii_digit() {
                digits.push(b as char);
                j += 1;
                end = j;
                sep = 0;
            } else if matches!(b, b' ' | b'-' | b'.' | b'/' | b'(' | b')' | b'+') && sep < 2 {
                sep += 1;
                j += 1;
            } else {
                break;
            }
        }
        for (seq, kind) in seqs {
            if digits.contains(seq.as_str()) {
                spans.push(Span { s: start, e: end, kind: *kind });
                break;
            }
        }
        i = end.max(start + 1);
    }
}


#[cfg(test)]
mod tests {
    use super::Literals;
    use aho_corasick::{AhoCorasickBuilder, AhoCorasickKind, MatchKind};
    use proptest::prelude::*;

    /// What `Literals` stands for: an Aho-Corasick automaton's leftmost-longest matches in any
    /// ASCII case (pattern ids as given).
    fn automaton(pats: &[String], text: &str) -> Vec<(usize, usize, usize)> {
        let ac = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(pats)
            .expect("automaton");
        ac.find_iter(text).map(|m| (m.start(), m.end(), m.pattern().as_usize())).collect()
    }

    #[test]
    fn longest_at_the_leftmost_place_in_any_case() {
        let pats: Vec<String> = ["Lars", "lars wang", "LARS WANG", "ars", "961 303", "wang1@x.org"].map(String::from).to_vec();
        let text = "Seen lars Wang and LARS; mail WANG1@X.ORG, record 961 303 6875.";
        assert_eq!(
            Literals::new(pats.clone()).find_iter(text),
            vec![(5, 14, 1), (19, 23, 0), (30, 41, 5), (50, 57, 4)]
        );
        assert_eq!(Literals::new(pats.clone()).find_iter(text), automaton(&pats, text));
        assert!(Literals::new(Vec::new()).find_iter(text).is_empty());
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 600, .. ProptestConfig::default() })]
        // (a small alphabet with both cases, a space and a letter outside ASCII, so that strings
        // overlap, share first bytes and differ only in case)
        #[test]
        fn the_same_matches_as_the_automaton(pats in proptest::collection::vec("[aAbB é]{1,5}", 1..8), text in "[aAbB é]{0,40}") {
            prop_assert_eq!(Literals::new(pats.clone()).find_iter(&text), automaton(&pats, &text));
        }
    }
}
