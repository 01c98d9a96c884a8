//! Pure generalisations of structured fields (no I/O, no clock).
//!
//! - dates: strict parsing of `YYYY-MM-DD`, `YYYY-MM`, `YYYY` ([`PartialDate`]);
//! - the diagnosis date is stored as a month (or a year under [`DiagnosisPrecision::Year`]);
//! - every other date is stored as whole days relative to the diagnosis ([`relative_days`]);
//! - date of birth becomes the age in whole years at diagnosis ([`age_in_years`]), top-coded at 90
//!   ([`top_code_age`]);
//! - height and weight become the BMI with one decimal ([`bmi`]);
//! - a partner's record key is only ever kept as a keyed hash ([`record_key_hash`]).
//!
//! When the diagnosis is known only to the month (or year), the anchor for ages and relative days is the
//! first day of that month (or of that year): see [`PartialDate::first_day`].

use chrono::{Datelike, NaiveDate};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// Stored precision of the COVID-19 diagnosis date (a deployment setting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiagnosisPrecision {
    /// `YYYY-MM` (the default).
    #[default]
    Month,
    /// `YYYY` only (strict Safe Harbor).
    Year,
}

/// Ages at or above this are stored as this value with the `age_top_coded` flag.
pub const AGE_TOP_CODE: i32 = 90;

/// A date known to the day, the month or the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartialDate {
    Day(NaiveDate),
    Month { year: i32, month: u32 },
    Year(i32),
}

fn digits(s: &[u8]) -> Option<u32> {
    if s.is_empty() || !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(s.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
}

/// Strict `YYYY-MM-DD` (a real calendar date).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    match PartialDate::parse(s)? {
        PartialDate::Day(d) => Some(d),
        _ => None,
    }
}

impl PartialDate {
    /// Strict: exactly `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, with a real month and day.
    pub fn parse(s: &str) -> Option<PartialDate> {
        let b = s.as_bytes();
        let year = digits(b.get(0..4)?)? as i32;
        match b.len() {
            4 => Some(PartialDate::Year(year)),
            7 if b[4] == b'-' => {
                let month = digits(&b[5..7])?;
                (1..=12)
                    .contains(&month)
                    .then_some(PartialDate::Month { year, month })
            }
            10 if b[4] == b'-' && b[7] == b'-' => {
                let month = digits(&b[5..7])?;
                let day = digits(&b[8..10])?;
                NaiveDate::from_ymd_opt(year, month, day).map(PartialDate::Day)
            }
            _ => None,
        }
    }

    /// The anchor used for ages and relative days: the date itself, or the first day of the month/year.
    pub fn first_day(self) -> NaiveDate {
        match self {
            PartialDate::Day(d) => d,
            PartialDate::Month { year, month } => {
                NaiveDate::from_ymd_opt(year, month, 1).expect("valid month")
            }
            PartialDate::Year(year) => NaiveDate::from_ymd_opt(year, 1, 1).expect("valid year"),
        }
    }

    /// The last day the date can stand for.
    pub fn last_day(self) -> NaiveDate {
        match self {
            PartialDate::Day(d) => d,
            PartialDate::Month { year, month } => {
                let (y, m) = if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, month + 1)
                };
                NaiveDate::from_ymd_opt(y, m, 1)
                    .expect("valid month")
                    .pred_opt()
                    .expect("not min date")
            }
            PartialDate::Year(year) => NaiveDate::from_ymd_opt(year, 12, 31).expect("valid year"),
        }
    }

    /// True when this is more precise than `precision` allows to store.
    pub fn finer_than(self, precision: DiagnosisPrecision) -> bool {
        matches!(
            (self, precision),
            (PartialDate::Day(_), _) | (PartialDate::Month { .. }, DiagnosisPrecision::Year)
        )
    }

    /// The stored form of a diagnosis date: `YYYY-MM` (or `YYYY`); never finer than given.
    pub fn generalise(self, precision: DiagnosisPrecision) -> String {
        match (self, precision) {
            (PartialDate::Year(y), _) => format!("{y:04}"),
            (d, DiagnosisPrecision::Year) => format!("{:04}", d.first_day().year()),
            (PartialDate::Month { year, month }, DiagnosisPrecision::Month) => {
                format!("{year:04}-{month:02}")
            }
            (PartialDate::Day(d), DiagnosisPrecision::Month) => {
                format!("{:04}-{:02}", d.year(), d.month())
            }
        }
    }
}

/// Whole years between `birth` and `on` (negative if `on` is before `birth`).
pub fn age_in_years(birth: NaiveDate, on: NaiveDate) -> i32 {
    let mut age = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

/// `(stored age, top-coded?)`: ages of 90 and over become 90 with the flag set.
pub fn top_code_age(age: i32) -> (i32, bool) {
    if age >= AGE_TOP_CODE {
        (AGE_TOP_CODE, true)
    } else {
        (age, false)
    }
}

/// Whole days from `anchor` to `date` (negative when `date` is earlier).
pub fn relative_days(date: NaiveDate, anchor: NaiveDate) -> i64 {
    (date - anchor).num_days()
}

/// Round half away from zero to one decimal.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Body mass index in kg/m², one decimal.
pub fn bmi(height_cm: f64, weight_kg: f64) -> f64 {
    let m = height_cm / 100.0;
    round1(weight_kg / (m * m))
}

/// Hex HMAC-SHA-256 of `partner` + `"\0"` + `key` under the server secret: a partner's record key is never
/// stored in clear, only this, to make re-submission idempotent.
pub fn record_key_hash(secret: &[u8], partner: &str, key: &str) -> String {
    let mut mac =
        <Hmac<Sha256> as Mac>::new_from_slice(secret).expect("HMAC accepts any key length");
    mac.update(partner.as_bytes());
    mac.update(b"\0");
    mac.update(key.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn parses_strictly() {
        assert_eq!(
            PartialDate::parse("2021-03-12"),
            Some(PartialDate::Day(d("2021-03-12")))
        );
        assert_eq!(
            PartialDate::parse("2021-03"),
            Some(PartialDate::Month {
                year: 2021,
                month: 3
            })
        );
        assert_eq!(PartialDate::parse("2021"), Some(PartialDate::Year(2021)));
        for bad in [
            "2021-3-12",
            "2021-02-30",
            "2021-13",
            "21-03-12",
            "2021/03/12",
            "",
            "2021-03-12T00:00",
            "２０２１",
        ] {
            assert_eq!(PartialDate::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn generalises_diagnosis_date() {
        let day = PartialDate::parse("2021-03-12").unwrap();
        assert_eq!(day.generalise(DiagnosisPrecision::Month), "2021-03");
        assert_eq!(day.generalise(DiagnosisPrecision::Year), "2021");
        let month = PartialDate::parse("2021-03").unwrap();
        assert_eq!(month.generalise(DiagnosisPrecision::Month), "2021-03");
        assert!(!month.finer_than(DiagnosisPrecision::Month));
        assert!(month.finer_than(DiagnosisPrecision::Year));
        assert_eq!(
            PartialDate::parse("2021")
                .unwrap()
                .generalise(DiagnosisPrecision::Month),
            "2021"
        );
        assert_eq!(month.first_day(), d("2021-03-01"));
        assert_eq!(month.last_day(), d("2021-03-31"));
        assert_eq!(
            PartialDate::parse("2020-12").unwrap().last_day(),
            d("2020-12-31")
        );
        assert_eq!(
            PartialDate::parse("2020-02").unwrap().last_day(),
            d("2020-02-29")
        );
    }

    #[test]
    fn ages_and_top_coding() {
        assert_eq!(age_in_years(d("1983-06-06"), d("2020-06-05")), 36);
        assert_eq!(age_in_years(d("1983-06-06"), d("2020-06-06")), 37);
        assert_eq!(age_in_years(d("2000-02-29"), d("2021-02-28")), 20);
        assert_eq!(age_in_years(d("2000-02-29"), d("2021-03-01")), 21);
        assert_eq!(top_code_age(89), (89, false));
        assert_eq!(top_code_age(90), (90, true));
        assert_eq!(top_code_age(104), (90, true));
    }

    #[test]
    fn relative_days_and_bmi() {
        assert_eq!(relative_days(d("2021-03-09"), d("2021-03-12")), -3);
        assert_eq!(relative_days(d("2021-04-01"), d("2021-03-01")), 31);
        assert_eq!(bmi(180.0, 81.0), 25.0);
        assert_eq!(bmi(165.0, 70.0), 25.7);
        assert_eq!(round1(23.45), 23.5);
    }

    #[test]
    fn record_key_hash_is_keyed_hmac() {
        // Reference value computed independently (Python hmac) over b"partner-a\x00123".
        let h = record_key_hash(b"secret", "partner-a", "123");
        assert_eq!(
            h,
            "15eeb51b019e03cb654d1ba28a91b435a70f7922a3ded0c48cba85db96ec6edf"
        );
        assert_ne!(h, record_key_hash(b"secret", "partner-b", "123"));
        assert_ne!(h, record_key_hash(b"other", "partner-a", "123"));
        assert_ne!(
            record_key_hash(b"s", "ab", "c"),
            record_key_hash(b"s", "a", "bc")
        );
        assert!(h.chars().all(|c| c.is_ascii_hexdigit()));
    }
}
