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

