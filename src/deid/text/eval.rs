//! Test data readers and the recall metric, shared by the tests and the benchmark (which compares
//! this scrubber with a baseline: one metric for both, so the comparison is fair): the canary corpus,
//! and labelled text written by others (the presidio-research format: `full_text` and `spans` with
//! character offsets).
//!
//! Which labelled types count as identifying follows `deidentification.md`: people, places below
//! country level, contact details, dates with a day, identifiers, ages of 90 and over. Countries,
//! nationalities, job titles, organisations and domain names are not counted; inside an address a
//! country name is kept on purpose and is not counted either.

use std::collections::BTreeMap;

use regex::Regex;

use super::Scrubber;

const COUNTED: &[&str] = &[
    "PERSON", "STREET_ADDRESS", "LOCATION", "PHONE_NUMBER", "EMAIL_ADDRESS", "DATE_TIME", "BIRTHDAY", "AGE",
    "IP_ADDRESS", "US_SSN", "CREDIT_CARD", "IBAN_CODE", "IBAN", "ZIP_CODE", "US_DRIVER_LICENSE",
];

/// One form of the shared canary corpus (`phi-canaries.jsonl`): a submission full of fake
/// identifying data, the strings that must never be stored, and clinical phrases that must stay.
pub struct Canary {
    pub id: String,
    pub registry: String,
    pub form: serde_json::Value,
    pub canaries: Vec<String>,
    pub must_keep: Vec<String>,
}

impl Canary {
    pub fn notes(&self) -> &str {
        self.form["notes"].as_str().unwrap_or_default()
    }

    /// The form's identifying values, as hints for the scrubber: every `patient.*` string except the
    /// non-identifying fields, and `reporter.name/email/institution`.
    pub fn known_values(&self) -> Vec<String> {
        fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
            match v {
                serde_json::Value::String(s) => out.push(s.clone()),
                serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
                serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        if let Some(p) = self.form.get("patient").and_then(|p| p.as_object()) {
            for (k, v) in p {
                if !matches!(k.as_str(), "sex" | "ethnicity" | "smoking" | "country_of_residence" | "age_years" | "height_cm" | "weight_kg" | "bmi") {
                    strings(v, &mut out);
                }
            }
        }
        if let Some(r) = self.form.get("reporter") {
            for k in ["name", "email", "institution"] {
                if let Some(v) = r.get(k) {
                    strings(v, &mut out);
                }
            }
        }
        out
    }
}

/// Parses the canary corpus (JSON lines).
pub fn parse_canaries(jsonl: &str) -> Result<Vec<Canary>, serde_json::Error> {
    jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l)?;
            let list = |k: &str| -> Vec<String> { v[k].as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect()).unwrap_or_default() };
            Ok(Canary {
                id: v["id"].as_str().unwrap_or_default().to_owned(),
                registry: v["registry"].as_str().unwrap_or_default().to_owned(),
                canaries: list("canaries"),
                must_keep: list("must_keep"),
                form: v["form"].clone(),
            })
        })
        .collect()
}

/// One labelled text; label offsets are bytes into `text`.
pub struct Labelled {
    pub text: String,
    labels: Vec<Label>,
}

struct Label {
    ty: String,
    value: String,
    start: usize,
    end: usize,
}

/// Parses a presidio-research JSON array.
pub fn parse_presidio(json: &str) -> Result<Vec<Labelled>, serde_json::Error> {
    let v: Vec<serde_json::Value> = serde_json::from_str(json)?;
    Ok(v.iter()
        .map(|rec| {
            let text = rec["full_text"].as_str().unwrap_or_default().to_owned();
            let to_byte = char_to_byte(&text);
            let labels = rec["spans"]
                .as_array()
                .map(|a| a.as_slice())
                .unwrap_or_default()
                .iter()
                .filter_map(|sp| {
                    let (cs, ce) = (sp["start_position"].as_u64()? as usize, sp["end_position"].as_u64()? as usize);
                    (cs < ce).then_some(())?;
                    Some(Label {
                        ty: sp["entity_type"].as_str()?.to_owned(),
                        value: sp["entity_value"].as_str()?.to_owned(),
                        start: *to_byte.get(cs)?,
                        end: *to_byte.get(ce)?,
                    })
                })
                .collect();
            Labelled { text, labels }
        })
        .collect())
}

/// Byte offset of every character of `text`, and of its end.
pub fn char_to_byte(text: &str) -> Vec<usize> {
    text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect()
}

#[derive(Default, Clone, Copy, Debug)]
pub struct Tally {
    /// every letter and digit of the identifying string replaced
    pub strict: usize,
    /// at least half of them replaced
    pub lenient: usize,
    pub total: usize,
}

#[derive(Default, Debug)]
pub struct Recall {
    pub per_type: BTreeMap<String, Tally>,
    /// letters and digits outside every labelled span, and how many of them were replaced
    pub outside_total: usize,
    pub outside_replaced: usize,
    /// (record index, type, value) of every identifying string not strictly caught
    pub misses: Vec<(usize, String, String)>,
    /// (record index, word) of every word outside the labelled spans that was replaced, or partly
    pub over: Vec<(usize, String)>,
}

impl Recall {
    pub fn all(&self) -> Tally {
        self.per_type.values().fold(Tally::default(), |a, t| Tally { strict: a.strict + t.strict, lenient: a.lenient + t.lenient, total: a.total + t.total })
    }

    pub fn table(&self) -> String {
        let pct = |a: usize, n: usize| 100.0 * a as f64 / n.max(1) as f64;
        let mut out = format!("{:<18} {:>6} {:>8} {:>8}\n", "type", "n", "strict", "lenient");
        for (ty, t) in self.per_type.iter().chain(std::iter::once((&"ALL".to_owned(), &self.all()))) {
            out += &format!("{:<18} {:>6} {:>7.1}% {:>7.1}%\n", ty, t.total, pct(t.strict, t.total), pct(t.lenient, t.total));
        }
        out += &format!(
            "over-scrubbing: {} of {} letters/digits outside labelled spans replaced ({:.2}%)\n",
            self.outside_replaced,
            self.outside_total,
            pct(self.outside_replaced, self.outside_total)
        );
        out
    }
}

/// The byte ranges `scrubber` replaces in `text` (no form values).
pub fn scrubber_spans(scrubber: &Scrubber, text: &str) -> Vec<(usize, usize)> {
    scrubber.spans_for_eval(text, &[]).into_iter().map(|(s, e, _)| (s, e)).collect()
}

/// Recall of `records` (index, record) given the byte ranges `replaced` says were replaced in each.
/// `count_countries` counts country names inside addresses too (a diagnostic).
pub fn recall<'a>(
    scrubber: &Scrubber,
    records: impl IntoIterator<Item = (usize, &'a Labelled)>,
    replaced: impl Fn(&Labelled) -> Vec<(usize, usize)>,
    count_countries: bool,
) -> Recall {
    let has_day = Regex::new(r"(?i)\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[a-z]{3,}|[a-z]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?\b").expect("date pattern");
    let mut r = Recall::default();
    for (i, rec) in records {
        let text = rec.text.as_str();
        let spans = replaced(rec);
        let is_replaced = |p: usize| spans.iter().any(|&(s, e)| s <= p && p < e);
        for (p, c) in text.char_indices() {
            if c.is_alphanumeric() && !rec.labels.iter().any(|l| l.start <= p && p < l.end) {
                r.outside_total += 1;
                if is_replaced(p) {
                    r.outside_replaced += 1;
                    if !text[..p].chars().next_back().is_some_and(char::is_alphanumeric) {
                        r.over.push((i, text[p..].chars().take_while(|c| c.is_alphanumeric()).collect()));
                    }
                }
            }
        }
        for l in &rec.labels {
            let (ty, val) = (l.ty.as_str(), l.value.as_str());
            if !COUNTED.contains(&ty)
                || ty == "DATE_TIME" && !(has_day.is_match(val) && val.chars().any(|c| c.is_ascii_digit()))
                || ty == "AGE" && !val.trim().parse::<u32>().is_ok_and(|a| a >= 90)
            {
                continue;
            }
            // a location that is a whole country or a continent is kept on purpose
            let continent = ["africa", "south-america", "europe", "asia", "scotland", "england", "wales"].contains(&val.to_lowercase().as_str());
            if ty == "LOCATION" && (continent || scrubber.country_at(val) == Some(val.len())) {
                continue;
            }
            let (mut alnum, mut covered) = (0usize, 0usize);
            let mut skip_until = l.start;
            for (off, c) in text[l.start..l.end].char_indices() {
                let p = l.start + off;
                if p < skip_until || !c.is_alphanumeric() {
                    continue;
                }
                if p == l.start || !text[..p].chars().next_back().is_some_and(char::is_alphanumeric) {
                    let w: String = text[p..l.end].chars().take_while(|c| c.is_alphanumeric()).collect();
                    let lw = w.to_lowercase();
                    // titles and generational suffixes are not identifying
                    if ty == "PERSON" && matches!(lw.as_str(), "dr" | "mr" | "mrs" | "ms" | "miss" | "prof" | "sir" | "jr" | "sr" | "ii" | "iii" | "iv") {
                        skip_until = p + w.len();
                        continue;
                    }
                    // in addresses: country names, the connecting words of "the corner of X and Y"
                    // and the exporter's "nan"
                    if (ty == "STREET_ADDRESS" || ty == "ZIP_CODE") && !count_countries {
                        if matches!(lw.as_str(), "the" | "corner" | "of" | "and" | "nan") {
                            skip_until = p + w.len();
                            continue;
                        }
                        if let Some(cl) = scrubber.country_at(&text[p..l.end]) {
                            skip_until = p + cl;
                            continue;
                        }
                    }
                }
                alnum += 1;
                covered += usize::from(is_replaced(p));
            }
            let t = r.per_type.entry(ty.to_owned()).or_default();
            t.total += 1;
            if alnum > 0 && covered == alnum {
                t.strict += 1;
            } else {
                r.misses.push((i, ty.to_owned(), val.to_owned()));
            }
            if alnum > 0 && covered * 2 >= alnum {
                t.lenient += 1;
            }
        }
    }
    r
}
