//! STUB of the free-text scrubber. The real one (same API) is written separately.
//!
//! This stub only replaces every occurrence of a `known` value (case-insensitive, longest first) with
//! `[NAME]` and counts the replacements.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Placeholder {
    Name,
    Date,
    Phone,
    Email,
    Id,
    Address,
    Postcode,
    Url,
    Ip,
    Age,
    Place,
}

impl Placeholder {
    /// The text put in place of what was removed, e.g. `[NAME]`.
    pub fn token(self) -> &'static str {
        match self {
            Placeholder::Name => "[NAME]",
            Placeholder::Date => "[DATE]",
            Placeholder::Phone => "[PHONE]",
            Placeholder::Email => "[EMAIL]",
            Placeholder::Id => "[ID]",
            Placeholder::Address => "[ADDRESS]",
            Placeholder::Postcode => "[POSTCODE]",
            Placeholder::Url => "[URL]",
            Placeholder::Ip => "[IP]",
            Placeholder::Age => "[AGE]",
            Placeholder::Place => "[PLACE]",
        }
    }

    /// Lower-case name used in reports, e.g. `name`.
    pub fn as_str(self) -> &'static str {
        match self {
            Placeholder::Name => "name",
            Placeholder::Date => "date",
            Placeholder::Phone => "phone",
            Placeholder::Email => "email",
            Placeholder::Id => "id",
            Placeholder::Address => "address",
            Placeholder::Postcode => "postcode",
            Placeholder::Url => "url",
            Placeholder::Ip => "ip",
            Placeholder::Age => "age",
            Placeholder::Place => "place",
        }
    }
}

/// Built once, shared by every request (`Send + Sync`).
#[derive(Debug, Default)]
pub struct Scrubber {
    _private: (),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scrubbed {
    pub text: String,
    pub counts: Vec<(Placeholder, u32)>,
}

impl Scrubbed {
    pub fn total(&self) -> u32 {
        self.counts.iter().map(|(_, n)| n).sum()
    }
}

impl Scrubber {
    pub fn new() -> Scrubber {
        Scrubber { _private: () }
    }

    pub fn scrub(&self, text: &str, known: &[&str]) -> Scrubbed {
        let mut needles: Vec<Vec<char>> = known
            .iter()
            .map(|k| k.trim())
            .filter(|k| !k.is_empty())
            .map(|k| k.chars().flat_map(char::to_lowercase).collect())
            .collect();
        needles.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        needles.dedup();
        let hay: Vec<char> = text.chars().collect();
        let lower: Vec<Option<char>> = hay
            .iter()
            .map(|c| {
                let mut l = c.to_lowercase();
                match (l.next(), l.next()) {
                    (Some(x), None) => Some(x),
                    _ => None, // multi-char lowercase: compare by the char itself (stub)
                }
            })
            .collect();
        let mut out = String::with_capacity(text.len());
        let mut n = 0u32;
        let mut i = 0;
        'outer: while i < hay.len() {
            for needle in &needles {
                if i + needle.len() <= hay.len()
                    && needle
                        .iter()
                        .enumerate()
                        .all(|(j, c)| lower[i + j].unwrap_or(hay[i + j]) == *c)
                {
                    out.push_str(Placeholder::Name.token());
                    n += 1;
                    i += needle.len();
                    continue 'outer;
                }
            }
            out.push(hay[i]);
            i += 1;
        }
        let counts = if n > 0 {
            vec![(Placeholder::Name, n)]
        } else {
            Vec::new()
        };
        Scrubbed { text: out, counts }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_known_values_case_insensitively() {
        let s = Scrubber::new().scrub(
            "Maria OLSEN saw maria olsen; Olsen.",
            &["Maria Olsen", "", "Olsen"],
        );
        assert_eq!(s.text, "[NAME] saw [NAME]; [NAME].");
        assert_eq!(s.total(), 3);
        let none = Scrubber::new().scrub("nothing here", &[]);
        assert_eq!(none.text, "nothing here");
        assert_eq!(none.total(), 0);
    }

    #[test]
    fn scrubber_is_send_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Scrubber>();
    }
}
