//! The one merge step: spans of every detector become one sorted, non-overlapping list.
use super::*;

/// Cut protected placeholders out of every span, trim, merge overlaps, join adjacent names.
pub(super) fn finish_spans(text: &str, mut spans: Vec<Span>, prot: &[(usize, usize)]) -> Vec<Span> {
    if !prot.is_empty() {
        let mut cut: Vec<Span> = Vec::with_capacity(spans.len());
        for sp in spans.drain(..) {
            let mut s = sp.s;
            for &(ps, pe) in prot {
                if pe <= s || ps >= sp.e {
                    continue;
                }
                if ps > s {
                    cut.push(Span { s, e: ps, kind: sp.kind });
                }
                s = s.max(pe);
            }
            if s < sp.e {
                cut.push(Span { s, e: sp.e, kind: sp.kind });
            }
        }
        spans = cut;
    }
    // trim whitespace and separators at the ends; drop spans without letters or digits
    spans.retain_mut(|sp| {
        let m = &text[sp.s..sp.e];
        let t = m.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
        sp.s += m.len() - t.len();
        let t2 = t.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
        sp.e = sp.s + t2.len();
        t2.chars().any(char::is_alphanumeric)
    });
    let bounds: Vec<(usize, usize)> = spans.iter().map(|sp| (sp.s, sp.e)).collect();
    for sp in spans.iter_mut().filter(|sp| matches!(sp.kind, Placeholder::Id | Placeholder::Phone)) {
        (sp.s, sp.e) = whole_identifier(text, sp.s, sp.e, &bounds);
    }
    spans.sort_unstable_by(|a, b| a.s.cmp(&b.s).then(b.e.cmp(&a.e)));
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for sp in spans {
        if let Some(last) = out.last_mut() {
            if sp.s < last.e {
                // an address keeps its kind over the postcode, town or phone inside it;
                // otherwise the most specific kind wins
                let inside_address = last.kind == Placeholder::Address && sp.e <= last.e;
                last.e = last.e.max(sp.e);
                if !inside_address && sp.kind.priority() > last.kind.priority() {
                    last.kind = sp.kind;
                }
                continue;
            }
            if sp.kind == Placeholder::Name && last.kind == Placeholder::Name {
                let gap = &text[last.e..sp.s];
                if gap.len() <= 2 && gap.chars().all(|c| c == ' ' || c == '\t') {
                    last.e = sp.e;
                    continue;
                }
            }
        }
        out.push(sp);
    }
    out
}


/// An identifier is the whole of its word: the series, year or letters joined to a number by a hyphen
/// or a slash are part of it (an accession, claim or certificate number: series letters and digits,
/// a year, the number; HIPAA's "any other unique identifying number, characteristic, or code").
/// A joined part counts if it holds a digit or is a series of one to three capital letters, and is
/// no other span found (two numbers written "a/b" stay two).
fn whole_identifier(text: &str, mut s: usize, mut e: usize, spans: &[(usize, usize)]) -> (usize, usize) {
    let b = text.as_bytes();
    let part = |p: &[u8]| !p.is_empty() && (p.iter().any(u8::is_ascii_digit) || (p.len() <= 3 && p.iter().all(u8::is_ascii_uppercase)));
    let joiner = |c: u8| c == b'-' || c == b'/';
    while s >= 2 && joiner(b[s - 1]) && b[s - 2].is_ascii_alphanumeric() && b.get(s).is_some_and(u8::is_ascii_alphanumeric) {
        let start = b[..s - 1].iter().rposition(|c| !c.is_ascii_alphanumeric()).map_or(0, |i| i + 1);
        if !part(&b[start..s - 1]) || spans.iter().any(|&(_, pe)| pe == s - 1) {
            break;
        }
        s = start;
    }
    while e + 1 < b.len() && joiner(b[e]) && b[e + 1].is_ascii_alphanumeric() && e > 0 && b[e - 1].is_ascii_alphanumeric() {
        let end = b[e + 1..].iter().position(|c| !c.is_ascii_alphanumeric()).map_or(b.len(), |i| e + 1 + i);
        if !part(&b[e + 1..end]) || spans.iter().any(|&(ps, _)| ps == e + 1) {
            break;
        }
        e = end;
    }
    (s, e)
}

#[cfg(test)]
mod whole_identifier_tests {
    use super::whole_identifier;

    /// (text, the identifier a detector found, the whole identifier)
    const CASES: &[(&str, &str, &str)] = &[
        ("accession S21-004512 seen", "004512", "S21-004512"),
        ("specimen 22-S-004512.", "004512", "22-S-004512"),
        ("certificate 2019-0045873, filed", "0045873", "2019-0045873"),
        ("claim 0045873-A2 filed", "0045873", "0045873-A2"),
        ("ticket 0045873/2019 open", "0045873", "0045873/2019"),
        // a word that is no part of an identifier stays
        ("result 0045873-positive", "0045873", "0045873"),
        ("ratio Dosis-0045873 x", "0045873", "0045873"),
        ("0045873 - 12", "0045873", "0045873"),
    ];

    #[test]
    fn two_numbers_joined_by_a_slash_stay_two() {
        let text = "tel 5551234567/5559876543";
        let (ws, we) = whole_identifier(text, 4, 14, &[(4, 14), (15, 25)]);
        assert_eq!(&text[ws..we], "5551234567");
    }

    #[test]
    fn an_identifier_takes_its_joined_parts() {
        for &(text, found, whole) in CASES {
            let s = text.find(found).unwrap();
            let (ws, we) = whole_identifier(text, s, s + found.len(), &[]);
            assert_eq!(&text[ws..we], whole, "{text}");
        }
    }
}
