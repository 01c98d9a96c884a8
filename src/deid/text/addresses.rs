//! Street addresses grow to their house number and to what follows them: units, town, region, postcode.
use super::*;

impl Scrubber {
    /// Street addresses grow to their house number before them ("6750 [Koskikatu 25]",
    /// "9383 [ul. Chrzanowska 61]") and to what directly follows them on the same or the next
    /// lines: apartment parts, town, region code, postcode. A country name is passed over and
    /// kept, a postcode after it is taken.
    pub(super) fn extend_addresses(&self, text: &str, note: &Note, spans: &mut Vec<Span>) {
        for sp in spans.iter_mut().filter(|sp| sp.kind == Placeholder::Date) {
            if let Some(e) = self.street_named_by_date(text, sp.s, sp.e) {
                sp.kind = Placeholder::Address;
                sp.e = e;
            }
        }
        let mut extra: Vec<Span> = Vec::new();
        for sp in spans.iter_mut() {
            if sp.kind != Placeholder::Address {
                continue;
            }
            sp.s = address_head(text, sp.s);
            let (e, post) = self.address_tail(text, sp.e, note);
            sp.e = e;
            if let Some(p) = post {
                extra.push(p);
            }
        }
        spans.extend(extra);
        // "704 1436 Redbud Drive": two digit groups read as an ID whose second group is the
        // house number of a street found here: the whole run is the address
        let addrs: Vec<(usize, usize)> = spans.iter().filter(|sp| sp.kind == Placeholder::Address).map(|sp| (sp.s, sp.e)).collect();
        if addrs.is_empty() {
            return;
        }
        let starts: Vec<usize> = addrs.iter().map(|a| a.0).collect();
        for sp in spans.iter_mut() {
            if sp.kind != Placeholder::Id {
                continue;
            }
            // a region code + postcode read as a code ("OV 21072") inside an address tail
            if addrs.iter().any(|&(s, e)| s <= sp.s && sp.e <= e) {
                sp.kind = Placeholder::Address;
                continue;
            }
            let m = &text[sp.s..sp.e];
            let g1 = m.bytes().take_while(u8::is_ascii_digit).count();
            let ws = m[g1..].bytes().take_while(|&b| b == b' ' || b == b'\t').count();
            let g2 = &m[g1 + ws..];
            if (1..=5).contains(&g1) && ws == 1 && (1..=5).contains(&g2.len()) && g2.bytes().all(|b| b.is_ascii_digit()) && starts.contains(&(sp.s + g1 + ws)) {
                if self.counts_something(text, sp.s) {
                    // "week 16 10 Elm Street": the first number belongs to the word before it
                    sp.s += g1 + ws;
                }
                sp.kind = Placeholder::Address;
            }
        }
    }

    /// A date `s..e` that names a street ("Straße des 17. Juni 135", "Place du 11 Novembre 1918,
    /// 5", "rue du 4 Septembre"): a street word and a particle before it. Returns the end of the
    /// street with its house number after the date, if any.
    fn street_named_by_date(&self, text: &str, s: usize, e: usize) -> Option<usize> {
        let before = text[..s].trim_end_matches([' ', '\t']);
        let particle = last_word(before, char::is_alphabetic);
        let before = before[..before.len() - particle.len()].trim_end_matches([' ', '\t']);
        let street = last_word(before, char::is_alphabetic);
        if !packs::place_particles().contains(&particle.to_lowercase().as_str()) || street.is_empty() || self.lex.get(&street.to_lowercase()) & STREET == 0 {
            return None;
        }
        // the house number: " 135", ", 5", " 12a"
        let b = text.as_bytes();
        let mut p = e;
        while p < b.len() && matches!(b[p], b' ' | b'\t' | b',') {
            p += 1;
        }
        let n = text[p..].bytes().take_while(u8::is_ascii_digit).count();
        let tail = &text[p + n..];
        let number = (1..=4).contains(&n) && !tail.starts_with(|c: char| c.is_alphanumeric() && !c.is_ascii_lowercase()) && !followed_by_unit_or_decimal(tail);
        let end = if number { p + n + tail.bytes().take_while(u8::is_ascii_lowercase).take(1).count() } else { e };
        Some(end)
    }

    /// The word before `s` is one that a number counts or scores ("week 16", "PASI 12", "dose 2").
    pub(super) fn counts_something(&self, text: &str, s: usize) -> bool {
        let w = last_word(text[..s].trim_end_matches([' ', '\t']), char::is_alphanumeric).to_lowercase();
        // (`[counted]`: "week", "dose", "cm")
        static COUNTED: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
        let counted = COUNTED.get_or_init(|| packs::section("counted").collect());
        !w.is_empty() && (counted.contains(&w.as_str()) || self.lex.get(&w) & CLINICAL != 0)
    }

    /// Length of a country name at the start of `rest` (one word from the lexicon or a
    /// multi-word name), followed by a non-letter.
    pub(super) fn country_at(&self, rest: &str) -> Option<usize> {
        let w_end = rest.find(|c: char| !(c.is_alphabetic() || c == '-' || c == '\'')).unwrap_or(rest.len());
        if w_end == 0 {
            return None;
        }
        let w = &rest[..w_end];
        // lower-case ("hungary") only for all-lower-case words that are not also ordinary words
        let lower = w.chars().all(char::is_lowercase);
        if !lower && !w.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        // (an ASCII word lower-cased on the stack: this runs for each word an address may end at)
        let mut stack = [0u8; 64];
        let f = match ascii_lower(w, &mut stack) {
            Some(lower) => self.lex.get(lower),
            None => self.lex.get(&w.to_lowercase()),
        };
        if f & COUNTRY != 0 && (!lower || f & ENGLISH == 0) {
            return Some(w_end);
        }
        // (only a text whose first word opens a country's name of several words reads on: its
        // first 48 characters in lower case were built for every place checked)
        let first_end = rest.char_indices().take(48).find(|&(_, c)| c == ' ').map(|(i, _)| i)?;
        let opens = match ascii_lower(&rest[..=first_end], &mut stack) {
            Some(first) => self.lex.multi_countries_opening(first).next().is_some(),
            None => self.lex.multi_countries_opening(&(rest[..first_end].to_lowercase() + " ")).next().is_some(),
        };
        if !opens {
            return None;
        }
        let head: String = rest.chars().take(48).collect::<String>().to_lowercase();
        for c in self.lex.multi_countries_opening(&head) {
            if head.starts_with(c) && !head[c.len()..].chars().next().is_some_and(char::is_alphabetic) {
                if rest.is_char_boundary(c.len()) && rest[..c.len()].to_lowercase() == c {
                    return Some(c.len());
                }
            }
        }
        None
    }

    /// `before` ends with a country name (any case), then blanks / a comma / "(Greek)"
    pub(super) fn country_ends_at(&self, before: &str) -> bool {
        let mut b = before.trim_end_matches([' ', '\t', ',']);
        if b.ends_with(')') {
            match b.rfind('(') {
                Some(i) if b.len() - i <= 16 => b = b[..i].trim_end_matches([' ', '\t']),
                _ => return false,
            }
        }
        let w = last_word(b, |c| c.is_alphabetic() || c == '-' || c == '\'');
        if w.is_empty() {
            return false;
        }
        let lw = w.to_lowercase();
        if self.lex.get(&lw) & COUNTRY != 0 {
            return true;
        }
        let tail_start = b.len().saturating_sub(40);
        let tail_start = (tail_start..=b.len()).find(|&i| b.is_char_boundary(i)).unwrap_or(b.len());
        let tail = b[tail_start..].to_lowercase();
        self.lex.multi_countries.iter().map(|c| &**c).any(|c| {
            tail.ends_with(c) && !tail[..tail.len() - c.len()].chars().next_back().is_some_and(char::is_alphabetic)
        })
    }

    /// End of up to four place words from `p` that a comma and a country follow on the same
    /// line ("sé, portugal", "Chomutice u Horic v Podkrkonoší, Czech Republic"): whatever sits
    /// between an address and its country is the town.
    pub(super) fn words_before_country(&self, text: &str, p: usize) -> Option<usize> {
        let mut q = p;
        for _ in 0..4 {
            let rest = &text[q..];
            let w_len = rest.find(|c: char| !(c.is_alphabetic() || matches!(c, '\'' | '-'))).unwrap_or(rest.len());
            if w_len == 0 {
                return None;
            }
            let w = &rest[..w_len];
            let f = self.lex.get(&w.to_lowercase());
            if self.country_at(rest).is_some() || f & (STOP | CLINICAL | MONTH | TITLE | RELATION) != 0 || f & ENGLISH != 0 && f & (CITY | ANY_NAME) == 0 && !packs::place_particles().contains(&w) {
                return None;
            }
            q += w_len;
            let after = &text[q..];
            let t = after.trim_start_matches([' ', '\t']);
            if let Some(c) = t.strip_prefix(',') {
                let c = c.trim_start_matches([' ', '\t']);
                return self.country_at(c).is_some().then_some(q);
            }
            if t.len() == after.len() || t.len() + 2 < after.len() {
                return None;
            }
            q += after.len() - t.len();
        }
        None
    }

    pub(super) fn postcode_at(&self, text: &str, p: usize) -> Option<usize> {
        let m = self.tail_postcode.find(&text[p..])?;
        let e = p + m.end();
        // a number followed by a unit, decimal or more digits is not a postcode
        if followed_by_unit_or_decimal(&text[e..]) || text[e..].starts_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        Some(e)
    }

    /// Capitalised place words from `p` on one line (up to 4, single spaces between). Returns the
    /// end and whether some word is clearly a place or name (not an ordinary English word).
    pub(super) fn tail_words(&self, text: &str, p: usize, note: &Note) -> Option<(usize, bool)> {
        let mut q = p;
        let mut end = p;
        let mut strong = false;
        let mut words = 0;
        let lower_text = !text.chars().any(char::is_uppercase);
        let mut lower_town = false;
        loop {
            let rest = &text[q..];
            let w_len = rest
                .char_indices()
                .find(|&(i, c)| !(c.is_alphanumeric() || (matches!(c, '\'' | '-') && i > 0)))
                .map_or(rest.len(), |(i, _)| i);
            if w_len == 0 {
                break;
            }
            let w = &rest[..w_len];
            let first = w.chars().next().unwrap_or(' ');
            // (a word before a colon labels what follows: "75013 Paris, Tel : 01 42...")
            let label = before_colon(text, q + w_len);
            if first.is_numeric() || label || self.country_at(rest).is_some() {
                break;
            }
            let lw = w.to_lowercase();
            let key = without_clitic(&lw);
            // "Jouy en Josas CEDEX": a postal word after the town is the address's too
            if words > 0 && self.lex.is_postal(key) {
                end = q + w_len;
                break;
            }
            let f = self.lex.get(key) & note.keep;
            let upper = first.is_uppercase();
            let short_caps = w.chars().count() <= 3 && (w.chars().all(|c| !c.is_lowercase()) || lower_text);
            let plain = f & (ENGLISH | CLINICAL | STOP) == 0;
            // lower-case town right after an address ("suite 112 calgary alberta") even in a
            // text with capitals; in an all-lower-case text any word that is not an ordinary one
            let lower_ok = (lower_text || lower_town) && (f & (CITY | AMB_CITY) != 0 || plain) || words == 0 && f & CITY != 0 && plain;
            lower_town |= !upper && lower_ok;
            // a particle inside a town's or street's name: "Caxias do Sul", "Velká Bukovina u
            // Decína", "van Gijn Summit"
            if !upper && (words > 0 || w.len() >= 2) && packs::place_particles().contains(&w) {
                let after = &text[q + w_len..];
                if after.starts_with(' ') && after[1..].starts_with(|c: char| c.is_uppercase() || (lower_text && c.is_alphabetic())) {
                    q += w_len + 1;
                    continue;
                }
            }
            if !upper && !lower_ok && !(short_caps && words == 0) {
                if words > 0 && !strong {
                    return None; // a sentence, not a town
                }
                break;
            }
            if short_caps {
                // a region code after the town, at the end of the address: "OULU NO.", "Sindi PR,"
                if words > 0 && w.len() == 2 && w.bytes().all(|b| b.is_ascii_uppercase()) {
                    let e = q + w_len;
                    if text[e..].trim_start_matches([' ', '\t']).chars().next().is_none_or(|c| matches!(c, '.' | ',' | ';' | '\n' | '\r' | ')')) {
                        end = e;
                    }
                    break;
                }
                // a region code ("CO", "NI") only before a postcode or a country
                if words == 0 {
                    let e = q + w_len;
                    let mut r = e;
                    while r < text.len() && matches!(text.as_bytes()[r], b' ' | b'\t' | b'\r' | b'\n' | b',') {
                        r += 1;
                    }
                    if r > e && (self.postcode_at(text, r).is_some() || self.country_at(&text[r..]).is_some()) {
                        return Some((e, true));
                    }
                }
                break;
            }
            if f & (CLINICAL | MONTH | TITLE | RELATION) != 0 || f & CITY == 0 && (f & STOP != 0 || looks_medical(key)) {
                if words > 0 && !strong {
                    return None;
                }
                break;
            }
            // (an ordinary word of the note's language is no town by itself: "69003 LYON\n
            // Changement de sonde")
            if f & (CITY | AMB_CITY) != 0 || f & (ENGLISH | LANGS) == 0 {
                strong = true;
            }
            words += 1;
            end = q + w_len;
            q = end;
            // next word: one or two spaces on the same line
            let after = &text[q..];
            let sp = after.len() - after.trim_start_matches([' ', '\t']).len();
            if !(1..=2).contains(&sp) || words >= 4 {
                break;
            }
            q += sp;
        }
        if words == 0 {
            return None;
        }
        Some((end, strong))
    }

    pub(super) fn address_tail(&self, text: &str, e0: usize, note: &Note) -> (usize, Option<Span>) {
        let b = text.as_bytes();
        let mut e = e0;
        // "u. 15." / "Str." : the dot right after belongs to the address
        if e < b.len() && b[e] == b'.' && e > 0 && b[e - 1].is_ascii_alphanumeric() {
            e += 1;
        }
        if e > 0 && b[e - 1].is_ascii_digit() {
            e += house_number_rest(&text[e..]);
        }
        // a postcode in two groups read as a house number and a rest: "ÖVERTURINGEN 840 24"
        let three = e >= 4 && b[e - 4] == b' ' && b[e - 3..e].iter().all(u8::is_ascii_digit);
        if three && b.len() >= e + 3 && b[e] == b' ' && b[e + 1..e + 3].iter().all(u8::is_ascii_digit) && !text[e + 3..].starts_with(|c: char| c.is_alphanumeric()) && !followed_by_unit_or_decimal(&text[e + 3..]) {
            e += 3;
        }
        let mut post = None;
        for _ in 0..8 {
            let mut p = e;
            let mut lines = 0;
            // (a spaced dash before the postcode, one line's address written on one: "13 rue
            // Jeanne d'Arc – 75020 Saint-Denis")
            let mut dashed = false;
            while p < b.len() {
                match b[p] {
                    b' ' | b'\t' | b'\r' | b',' | b'>' => p += 1,
                    b'\n' => {
                        lines += 1;
                        p += 1
                    }
                    _ if b[p - 1] == b' ' && ["- ", "– "].iter().any(|d| text[p..].starts_with(d)) => {
                        dashed = true;
                        p += text[p..].find(' ').unwrap_or(0)
                    }
                    _ => break,
                }
            }
            if p == e || p >= b.len() || lines > 1 || dashed && self.postcode_at(text, p).is_none() {
                break;
            }
            if let Some(cl) = self.country_at(&text[p..]) {
                let mut q = p + cl;
                // "Cyprus (Greek) 51034"
                let rest = &text[q..];
                let t = rest.trim_start_matches([' ', '\t']);
                if t.starts_with('(') {
                    if let Some(close) = t.find(')') {
                        if close < 20 {
                            q += rest.len() - t.len() + close + 1;
                        }
                    }
                }
                let rest = &text[q..];
                let t = rest.trim_start_matches([' ', '\t', ',', '\n']);
                let r = q + rest.len() - t.len();
                if r > q {
                    if let Some(pe) = self.postcode_at(text, r) {
                        post = Some(Span { s: r, e: pe, kind: Placeholder::Postcode });
                    }
                }
                break;
            }
            if let Some(pe) = self.postcode_at(text, p) {
                e = pe;
                continue;
            }
            // the floor and door after the house number: "Calle Suescun, 98, 3, B"
            if let Some(fe) = (lines == 0).then(|| floor_and_door(text, e, p)).flatten() {
                e = fe;
                continue;
            }
            // a district number before the postcode: ", 32\n 60810"
            let d = text[p..].bytes().take_while(u8::is_ascii_digit).count();
            if (1..=2).contains(&d) {
                let mut r = p + d;
                while r < b.len() && matches!(b[r], b' ' | b'\t' | b'\r' | b'\n' | b',') {
                    r += 1;
                }
                if let Some(pe) = (r > p + d).then(|| self.postcode_at(text, r)).flatten() {
                    e = pe;
                    continue;
                }
            }
            if let Some(we) = self.words_before_country(text, p) {
                e = we;
                continue;
            }
            if let Some(m) = self.tail_unit.find(&text[p..]) {
                e = p + m.end();
                continue;
            }
            if text[p..].starts_with("nan") && !text[p + 3..].starts_with(|c: char| c.is_alphanumeric()) {
                // an empty field in exported data, between the town and the postcode
                let mut r = p + 3;
                while r < b.len() && matches!(b[r], b' ' | b'\t' | b'\r' | b'\n' | b',') {
                    r += 1;
                }
                if let Some(pe) = self.postcode_at(text, r) {
                    e = pe;
                    continue;
                }
                break;
            }
            // a parenthesised town alias: "(ΑΓΛΑΓΓΙΑ)"
            let (wp, paren) = if b[p] == b'(' { (p + 1, true) } else { (p, false) };
            match self.tail_words(text, wp, note) {
                Some((we, strong)) => {
                    let we = if paren && text[we..].starts_with(')') { we + 1 } else { we };
                    if strong {
                        e = we;
                        continue;
                    }
                    // ordinary words ("West Brook", "LOW STREET"): only when a postcode, a
                    // region code or a country comes next
                    let mut r = we;
                    while r < b.len() && matches!(b[r], b' ' | b'\t' | b'\r' | b'\n' | b',') {
                        r += 1;
                    }
                    if r > we && r < b.len() && (self.postcode_at(text, r).is_some() || self.country_at(&text[r..]).is_some()) {
                        e = we;
                        continue;
                    }
                    break;
                }
                None => break,
            }
        }
        (e, post)
    }

}

/// The end of the floor and door at `p` after an address that ends with its house number at `e`,
/// as Correos and CTT write them (`[address_units]`): up to three groups, each a number of one or
/// two digits (an ordinal mark or a letter perhaps glued: "3º", "4A"), a lone capital or a unit
/// word ("Bajo", "Izq."), the last before a punctuation mark, a line's end, a capitalised word or
/// a postcode: "Calle Suescun, 98, 3, B", "Avenida Felipe IV, 13 2 1", "Concepción Benítez, 2, Bajo A".
fn floor_and_door(text: &str, e: usize, p: usize) -> Option<usize> {
    static GROUPS: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let groups = GROUPS.get_or_init(|| {
        let units = patterns::pack_words_re("address_units");
        let group = format!(r"(?:\d{{1,2}}[oaº°ª]?[A-Za-z]?\b|[A-Z]\b|{units}\.?)");
        regex::Regex::new(&format!(r"^{group}(?:[ \t]*[,-]?[ \t]*{group}){{0,2}}")).expect("floor and door")
    });
    if !text[..e].ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let end = p + groups.find(&text[p..])?.end();
    let after = &text[end..];
    let t = after.trim_start_matches([' ', '\t']);
    (closes_an_address(after) || t.len() < after.len() && t.starts_with(char::is_uppercase)).then_some(end)
}

/// Whether what follows a house number ends the address: a punctuation mark (no decimal), the
/// line's or the text's end, or a postcode of four or five digits.
fn closes_an_address(after: &str) -> bool {
    let t = after.trim_start_matches([' ', '\t']);
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    t.is_empty() || t.starts_with([',', '.', ';', ':', ')', '\n', '\r']) && !followed_by_unit_or_decimal(after) || t.len() < after.len() && (4..=5).contains(&digits)
}

/// A street's name and its house number, the German way: a preposition and a noun
/// (`[street_prepositions]`: "Am Markt 3", "An der Alster 12a"; the preposition an ordinary word
/// of the note's language), or a name and a street type apart ("Berliner Allee 5"; the name no
/// particle: "Der Ring 2"). Its capitalised words are no month, weekday, clinical word, title,
/// relation or country, and the number ends the address ("Am Tag 3 nach der OP", "Im Verlauf 2
/// Tage" are none).
pub(super) fn named_street(m: &str, after: &str, get: &dyn Fn(&str) -> u32, by_preposition: bool) -> bool {
    let words: Vec<&str> = m.split_whitespace().collect();
    let first = words[0].to_lowercase();
    let opens = if by_preposition { get(&first) & LANGS != 0 } else { !packs::place_particles().contains(&first.as_str()) };
    opens
        && words[1..words.len() - 1].iter().filter(|w| w.starts_with(char::is_uppercase)).all(|w| get(&w.to_lowercase()) & (MONTH | CLINICAL | TITLE | RELATION | COUNTRY) == 0)
        && closes_an_address(&after[house_number_rest(after)..])
}

/// The length of the rest of a house number at the start of `after`, the address closing after it:
/// a range (DIN 5008: "Hauptstraße 12-14") or the staircase and door (Austria's address register:
/// "Gasse 9/5", "Hauptstraße 1/2/3"); 0 if none.
fn house_number_rest(after: &str) -> usize {
    static REST: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let rest = REST.get_or_init(|| regex::Regex::new(r"^[-/]\d{1,3}[a-z]?(?:/\d{1,3}){0,2}").expect("house number rest"));
    rest.find(after).filter(|m| closes_an_address(&after[m.end()..])).map_or(0, |m| m.end())
}

/// The street types of the packs that write a street's name before its type and its house number
/// after it (those with `[street_endings]`, English apart), any case, longest first.
fn name_first_streets_re() -> String {
    let packs = packs::PACKS.iter().filter(|p| p.lang != "en" && packs::section_of(p, "street_endings").next().is_some());
    let w = packs.flat_map(|p| packs::section_of(p, "streets")).filter(|w| w.chars().count() >= 3).map(regex::escape);
    packs::any_case_alternatives(w.collect())
}

/// A house / building number (or "ul.") right before a street that does not start with one.
pub(super) fn address_head(text: &str, s: usize) -> usize {
    if text[s..].starts_with(|c: char| c.is_ascii_digit()) {
        // a second, 3-5 digit number before a numbered street: "903 83 Dora Creek"
        let b = text[..s].strip_suffix(' ').unwrap_or("");
        let n = b.bytes().rev().take_while(u8::is_ascii_digit).count();
        if (3..=5).contains(&n) && s - 1 == b.len() {
            let ns = b.len() - n;
            if !preceded_by_decimal(text, ns) && !text[..ns].ends_with(['-', '/', '+', '#']) {
                return ns;
            }
        }
        return s;
    }
    let before = &text[..s];
    let t = before.trim_end_matches([' ', '\t']);
    if t.len() == before.len() || before.len() - t.len() > 2 {
        return s;
    }
    let w = last_word(t, |c| c.is_alphanumeric() || c == '.' || c == '/');
    if w.is_empty() {
        return s;
    }
    let w_start = t.len() - w.len();
    if w.len() <= 6 && w.bytes().all(|c| c.is_ascii_digit()) {
        return w_start;
    }
    // Czech / Slovak / Dutch / German street names that open with a preposition or adjective:
    // "Pod Floriánem 1677", "Nad Vodovodem 12", "Oude Gracht 4"
    // (the packs' `[street_openers]`)
    static OPENERS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    if OPENERS.get_or_init(|| packs::section("street_openers").collect()).contains(&w) {
        return w_start;
    }
    static ABBREVIATED: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    if ABBREVIATED.get_or_init(|| street_types("abbreviated_before_house")).contains(&w) {
        return address_head(text, w_start);
    }
    s
}


/// The street types of every pack but the English one, any case, longest first.
fn pack_streets_re() -> String {
    let w = packs::PACKS.iter().filter(|p| p.lang != "en").flat_map(|p| packs::section_of(p, "streets")).filter(|w| w.chars().count() >= 3).map(regex::escape);
    packs::any_case_alternatives(w.collect())
}

/// The street address patterns of the table: a number and a street, a street and its number, units, post boxes, what follows an address already replaced.
/// The street address patterns, in their order: the tails of an address already found, streets
/// written with capitals, then streets in lower case and the rest.
pub(super) fn add_street_patterns(add: &mut Add) {
    add_address_tails(add);
    add_streets(add);
    add_other_streets(add);
}

/// After an address or a place already replaced: its town, region and postcode (", City, ST
/// 12345"), and the house number before it.
fn add_address_tails(add: &mut Add) {
    use Placeholder::*;
    // tails after an address already replaced: ", City, ST 12345", "Country 62488"
    // (a town's name may open with its article, as La Poste's town line writes it: ", la Croix-Rousse", "Le Havre")
    let article = packs::words_re("articles");
    let words = format!(r"(?:(?:{article}[ \t]+)?\p{{Lu}}[\p{{L}}'.’-]*(?:[ \t]+\p{{Lu}}[\p{{L}}'.’-]*){{0,2}}|\[[A-Z]+\]|\(\p{{Lu}}[\p{{L}}]*\)|[A-Z]{{2}}|nan)");
    // (before a postcode, the lines may stand apart: "[ADDRESS]\n\n Springfield 54005")
    let seg_to_postcode = format!(r"(?:(?:[ \t]*[,\n>][ \t\n>]*|[ \t]+){words})");
    let seg = format!(r"(?:(?:[ \t]*(?:,[ \t>]*\n?|\n|>)[ \t>]*|[ \t]+){words})");
    add(
        &format!(r"\[(?:ADDRESS|PLACE)\]({seg_to_postcode}{{0,6}}?)[ \t]*[,\n>]?[ \t\n>]*(\d{{4,5}}(?:-\d{{3,4}})?|\d{{2}}-\d{{3}}|\d{{3}} \d{{2}}|[1-9]\d{{3}} ?[A-Z]{{2}})\b"),
        Postcode,
        2,
        Check::TailPostcode,
        Some("["),
    );
    // (without a postcode, a blank line ends the address: "Seen" opens the next paragraph)
    add(&format!(r"\[(?:ADDRESS|PLACE)\]({seg}+)"), Place, 1, Check::TailPlace, Some("["));
    // a building number in front of an address already replaced: "20789 [ADDRESS]"
    add(r"\b(\d{1,5}[A-Za-z]?)[ \t]+\[ADDRESS\]", Address, 1, Check::HouseNumber, Some("["));
}

/// Streets with their number: the street type after the name or before it, a compound street
/// word, a German prepositional street, and the parts of an address (flat, post box).
fn add_streets(add: &mut Add) {
    use Placeholder::*;
    let part = PARTICLE;
    let capw = CAPITALISED;
    let suf = format!("(?i:{})", street_types("after_name").join("|"));
    let pre = cap_alts(&street_types("before_name"));
    // (the street word ends the word: "Patient" holds no Finnish "tie")
    let compound = packs::words_re("street_endings");
    let ordinal = format!("(?i:{})", packs::section("street_ordinals").map(regex::escape).collect::<Vec<_>>().join("|"));
    add(
        &format!(r"\b\d{{1,5}}[A-Za-z]?(?:[-/]\d{{1,4}})?,?[ \t]+(?:(?:\p{{Lu}}[\p{{L}}'’.-]*|\d+(?:st|nd|rd|th)|{ordinal}|of|the|de|la)[ \t]+){{1,4}}{suf}\b\.?"),
        Address,
        0,
        Check::None,
        None,
    );
    add(
        &format!(r"\b\d{{1,5}}[A-Za-z]?,?[ \t]+(?:{pre})[ \t]+(?:{part}[ \t]+|[dlDL]['’])*[\p{{Lu}}\d][\p{{L}}\d'’-]*(?:[ \t]+(?:{part}[ \t]+|[dlDL]['’])*[\p{{Lu}}\d][\p{{L}}\d'’-]*){{0,3}}"),
        Address,
        0,
        Check::None,
        None,
    );
    // the street word first, the number after: "Calle del Dr. Esquerdo, 46", "la calle Ramon Rubio
    // Fernandez, 23" (in lower case only the street words that are no English word); Correos
    // writes the number after "nº" or as "s/n", without one: "Av. Pío XII, nº 36", "Prolongación
    // Fleming, s/n" (NFKC reads "nº" as "no")
    let number = r"(?:(?:n[oº°]\.?[ \t]*)?\d{1,5}[A-Za-z]?\b|[sS][ \t]*/[ \t]*[nN]\b)";
    let pre_lower = street_types("before_name_lower").into_iter().map(regex::escape).collect::<Vec<_>>().join("|");
    add(
        &format!(r"\b(?:{pre}|{pre_lower})[ \t]+(?:{part}[ \t]+)*(?:\p{{Lu}}\p{{Ll}}{{0,3}}\.[ \t]*)?{capw}(?:[ \t]+(?:{part}[ \t]+)*(?:\p{{Lu}}\p{{Ll}}{{0,3}}\.[ \t]*)?{capw}){{0,3}},?[ \t]+{number}"),
        Address,
        0,
        Check::None,
        None,
    );
    add(
        &format!(r"\b(?:\d{{1,5}}[A-Za-z]?[ \t]+)?(\p{{L}}[\p{{L}}-]*{compound})(?:[ \t]+\d{{1,5}}[A-Za-z]?\b)?"),
        Address,
        0,
        Check::Compound,
        None,
    );
    // a street named by a preposition and a noun, the German way (`[street_prepositions]`): "Am
    // Markt 3", "An der Alster 12a", "Zum Bahnhof 5"
    let preps = packs::lines_re("street_prepositions");
    add(&format!(r"\b{preps}[ \t]+\p{{Lu}}\p{{Ll}}+(?:[ \t]+\p{{Lu}}\p{{Ll}}+)?[ \t]+\d{{1,3}}[a-z]?\b"), Address, 0, Check::NamedStreet(true), None);
    // a name and its street type apart, the house number after: "Berliner Allee 5", "Alte Gasse 3"
    let types = name_first_streets_re();
    add(&format!(r"\b(?:{capw}[ \t]+){{1,2}}{types}\.?[ \t]+\d{{1,4}}[a-z]?\b"), Address, 0, Check::NamedStreet(false), None);
    // (an apartment alone; "appt", which the English pack's clinical words hold for an appointment,
    // only after an address: `tail_unit`, so "appt 4/2" is a date)
    let (units, units_capitalised) = (alternatives(packs::SECONDARY_UNITS, "before_number"), alternatives(packs::SECONDARY_UNITS, "before_number_capitalised"));
    add(
        &format!(r"(?i)\b(?:{units})\.?[ \t]*(?:#|no\.?)?[ \t]*\d{{1,5}}[A-Za-z]?\b|\b(?:{units_capitalised})[ \t]+\d{{1,4}}[A-Za-z]?\b"),
        Address,
        0,
        Check::None,
        None,
    );
    // a post office box by the packs' postal services' words (`[post_boxes]`: "Postboks 123",
    // "Postfach 12 34", whose digits DIN 5008 groups in pairs from the right), the US forms
    let boxes = packs::lines_re("post_boxes");
    add(
        &format!(r"\b(?:\d{{1,5}}[ \t]+)?{boxes}[ \t]*\d{{1,6}}(?:[ \t]\d{{2}}){{0,2}}\b|(?i)\b(?:p\.?\s?o\.?\s?box|psc|box)\s*\d{{1,6}}\b|\b(?:APO|FPO|DPO)\s+A[AEP]\s+\d{{5}}\b"),
        Address,
        0,
        Check::None,
        None,
    );
    add(
        &format!(r"\b\d{{1,5}}[ \t]+({capw}(?:[ \t]+{capw}){{1,2}})\b"),
        Address,
        0,
        Check::UnknownWords,
        None,
    );
    add(&format!(r"\b({capw})[ \t]+\d{{1,4}}[A-Za-z]?\b"), Address, 0, Check::WordNumber, None);
    add(
        &format!(r"\b{capw}(?:[ \t]+{capw})?[ \t]+(?:{})[ \t]+\d{{1,5}}[A-Za-z]?\b\.?", alternatives(packs::STREET_TYPES, "after_name_numbered")),
        Address,
        0,
        Check::None,
        None,
    );

}

/// Streets in lower case, with another country's street words, ships and street corners, and a
/// street without its number.
fn add_other_streets(add: &mut Add) {
    use Placeholder::*;
    let part = PARTICLE;
    let capw = CAPITALISED;
    // number-led streets with a lower-case street word: "36 rue de pologne", "9383 ul. Chrzanowska 61"
    add(
        &format!(r"\b\d{{1,5}}[A-Za-z]?,?[ \t]+(?:{})[ \t]+(?:{part}[ \t]+)*\p{{L}}[\p{{L}}\d'’-]*(?:[ \t]+(?:[dlDL]['’])?(?:{part}\b|\p{{Lu}}[\p{{L}}\d'’-]*|\d{{1,5}}[A-Za-z]?\b))*", alternatives(packs::STREET_TYPES, "after_number_as_typed")),
        Address,
        0,
        Check::None,
        None,
    );
    add(
        &format!(r"\b(?:{})[ \t]*{capw}(?:[ \t]+{capw}){{0,3}},?[ \t]+\d{{1,5}}[A-Za-z]?\b", alternatives(packs::STREET_TYPES, "abbreviated_before_name")),
        Address,
        0,
        Check::None,
        None,
    );
    add(r"(?-u:\b)[0-9]{1,5}[A-Za-z]?,?[ \t]+(?:[A-Z][^\s,.;:()\[\]]*[ \t]+){1,3}[A-Z][a-z]+", Address, 0, Check::StreetSuffix, None);
    // ships' addresses: "USNS Bergman"
    add(r"\b(?:USNS|USNV|USS|USCGC|usns|usnv|uscgc)[ \t]+\p{L}[\p{L}'’-]*", Address, 0, Check::None, None);
    // "the corner of 3744 Retreat Avenue and Władysława Route" (`[street_corners]`, the pack's
    // `[conjunctions]` between the streets; the text holds the phrase's first word but its first
    // letter, which is typed in either case)
    for p in packs::PACKS {
        let and = packs::section_of(p, "conjunctions").map(regex::escape).collect::<Vec<_>>().join("|");
        for corner in packs::section_lines(p, "street_corners") {
            let first = corner.split(' ').next().unwrap_or(corner);
            let needs = first.char_indices().nth(1).map(|(i, _)| &first[i..]);
            let pattern = format!(r"(?i)\b{}[ \t]+([^\n,;]{{1,60}}?[ \t]+(?:{and})[ \t]+\p{{L}}[\p{{L}}'’-]*(?:[ \t]+\p{{L}}[\p{{L}}'’-]*){{0,2}}\.?)", regex::escape(corner));
            add(&pattern, Address, 1, Check::Corner, needs);
        }
    }
    // "5638 Aasa 43", "6614 Luite tee 87"
    add(&format!(r"\b\d{{1,5}}[ \t]+({capw}(?:[ \t]+\p{{Ll}}{{2,}}|[ \t]+{part}[ \t]+{capw}|[ \t]+[zuv][ \t]+{capw})?)[ \t]+\d{{1,5}}[A-Za-z]?\b"), Address, 0, Check::NumWordNum, None);
    // lower-case: "2407 tawastintie 6", "74678 midtvollen 130" (house number of 3+ digits, a long
    // word that is not an ordinary / clinical word)
    add(r"\b\d{3,5}[ \t]+(\p{Ll}{6,})[ \t]+\d{1,4}[A-Za-z]?\b", Address, 0, Check::NumWordNum, None);
    // lower-case: "ul. nad jarem 22", "freistädter strasse 61"
    let abbreviated = alternatives(packs::STREET_TYPES, "abbreviated_lower");
    add(&format!(r"\b(?:{abbreviated})\.[ \t]*\p{{Ll}}[\p{{L}}'’-]*(?:[ \t]+\p{{Ll}}[\p{{L}}'’-]*){{0,3}},?[ \t]+\d{{1,5}}[a-z]?\b"), Address, 0, Check::None, Some("."));
    add(
        &format!(r"\b\p{{Ll}}{{3,}}[ \t]+(?:{})[ \t]+\d{{1,5}}[a-z]?\b", alternatives(packs::STREET_TYPES, "after_name_lower")),
        Address,
        0,
        Check::None,
        None,
    );
    // lower-case Hungarian / Baltic streets: "hegyalja út 98.", "Árpád fejedelem útja 62."
    add(
        &format!(r"\b(?:{capw}[ \t]+)?\p{{Ll}}{{3,}}[ \t]+(?:{})[ \t]+\d{{1,5}}[A-Za-z]?\b\.?", alternatives(packs::STREET_TYPES, "after_name_lower_dotted")),
        Address,
        0,
        Check::None,
        None,
    );
    // a street without its number: "Marina Fort Street", "Main Street"
    add(
        &format!(r"\b{capw}(?:[ \t]+{capw})?[ \t]+(?:{})\b", alternatives(packs::STREET_TYPES, "without_number")),
        Address,
        0,
        Check::BareStreet,
        None,
    );
}

/// The street types of one section of `data/street_types.txt`, in its order (the order in which
/// the pattern tries them).
fn street_types(section: &str) -> Vec<&'static str> {
    packs::shared_section(packs::STREET_TYPES, section).collect()
}

/// The words of one section of a shared data file as alternatives of a regular expression, in the
/// file's order, as typed.
fn alternatives(file: &'static str, section: &str) -> String {
    packs::shared_section(file, section).map(regex::escape).collect::<Vec<_>>().join("|")
}

/// The packs' street types after a house number, in digits or in words.
pub(super) fn add_pack_street_patterns(add: &mut Add) {
    use Placeholder::*;
    let part = PARTICLE;
    let numw = number_words_re(false);
    // a street type of a language pack (other than English, whose types are above) in any case,
    // after a house number: "47 boulevard de l'Hôpital", "39 quai Branly"
    let streets = pack_streets_re();
    // (a second house on the house number's lot: "12 bis", `[house_number_suffixes]`)
    let mut suffixes: Vec<String> = Vec::new();
    for w in packs::house_number_suffixes().iter().map(|w| regex::escape(w)) {
        if !suffixes.contains(&w) {
            suffixes.push(w);
        }
    }
    let suffixes = suffixes.join("|");
    add(
        &format!(r"\b\d{{1,5}}(?:-\d{{1,4}})?(?:[ \t]*(?:{suffixes}))?,?[ \t]+{streets}\.?[ \t]+(?:{part}[ \t]+|[dlDL]['’])*[\p{{L}}\d][\p{{L}}\d'’-]*(?:[ \t]+(?:[dlDL]['’])?(?:{part}|\p{{Lu}}[\p{{L}}\d'’-]*|des|\p{{Ll}}{{3,}}\b)){{0,4}}"),
        Address,
        0,
        Check::PackStreet,
        None,
    );
    // a house number spelled out, the street and its postcode: "sept allée des roses 77500"
    // (a number word before a street type alone is too weak: "un chemin de croix")
    add(
        &format!(r"\b((?i:{numw})[ \t]+{streets}\.?[ \t]+(?:{part}[ \t]+|[dlDL]['’])*\p{{L}}[\p{{L}}'’-]*(?:[ \t]+(?:{part}|\p{{L}}[\p{{L}}'’-]*)){{0,3}}),?[ \t]+\d{{5}}\b"),
        Address,
        1,
        Check::None,
        None,
    );
}
