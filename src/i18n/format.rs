//! Numbers and dates as a language writes them, from the CLDR symbols and patterns generated into
//! each language's `cldr.ftl` (Latin digits everywhere, so figures read the same in every language).

use chrono::{Datelike, NaiveDate};

use super::Lang;

/// `12345` -> `12,345` (en), `12 345` (nb), `12.345` (de).
pub fn format_count(lang: Lang, n: u64) -> String {
    group(&n.to_string(), &lang.text("cldr-group"))
}

/// `x` with `decimals` decimals and the language's decimal sign: `25.0` (en), `25,0` (nb).
pub fn format_decimal(lang: Lang, x: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut out = String::with_capacity(s.len() + 4);
    if x < 0.0 && s.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('-');
    }
    out.push_str(&group(int, &lang.text("cldr-group")));
    if !frac.is_empty() {
        out.push_str(&lang.text("cldr-decimal"));
        out.push_str(frac);
    }
    out
}

/// A percentage with one decimal after the language's pattern: `25.0%` (en), `25,0 %` (nb, fr).
pub fn format_percent(lang: Lang, share: f64) -> String {
    let number = format_decimal(lang, 100.0 * share, 1);
    let pattern = lang.text("cldr-percent");
    match (pattern.find('#'), pattern.rfind('0')) {
        (Some(a), Some(b)) if a < b => format!("{}{number}{}", &pattern[..a], &pattern[b + 1..]),
        _ => format!("{number}%"),
    }
}

/// A day as the language writes it in full: `1 Nov 2026` (en), `1. nov. 2026` (nb).
pub fn format_date(lang: Lang, date: NaiveDate) -> String {
    render(lang, &lang.text("cldr-date"), date)
}

/// A month of a year: `Mar 2020` (en), `mars 2020` (nb), `2020年3月` (ja).
pub fn format_month(lang: Lang, year: i32, month: u32) -> String {
    match NaiveDate::from_ymd_opt(year, month, 1) {
        Some(d) => render(lang, &lang.text("cldr-month-year"), d),
        None => format!("{year}-{month:02}"),
    }
}

fn group(digits: &str, sep: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// A CLDR date pattern: runs of `d`, `M`/`L` and `y` are fields, `'...'` is quoted text, anything
/// else is written as it is.
fn render(lang: Lang, pattern: &str, date: NaiveDate) -> String {
    let mut out = String::with_capacity(pattern.len() + 8);
    let chars: Vec<char> = pattern.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let run = chars[i..].iter().take_while(|&&x| x == c).count();
        match c {
            'd' => out.push_str(&format!("{:0width$}", date.day(), width = run)),
            'M' | 'L' if run >= 3 => out.push_str(&lang.text(&format!("cldr-month-{}", date.month()))),
            'M' | 'L' => out.push_str(&format!("{:0width$}", date.month(), width = run)),
            'y' if run == 2 => out.push_str(&format!("{:02}", date.year() % 100)),
            'y' => out.push_str(&date.year().to_string()),
            '\'' => {
                let end = chars[i + 1..].iter().position(|&x| x == '\'').map_or(chars.len(), |p| i + 1 + p);
                out.extend(&chars[i + 1..end]);
                i = end + 1;
                continue;
            }
            _ => out.extend(std::iter::repeat(c).take(run)),
        }
        i += run;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(tag: &str) -> Lang {
        Lang::from_tag(tag).unwrap_or(Lang::ENGLISH)
    }

    #[test]
    fn english_numbers_and_dates() {
        let en = Lang::ENGLISH;
        assert_eq!(format_count(en, 1234567), "1,234,567");
        assert_eq!(format_count(en, 999), "999");
        assert_eq!(format_decimal(en, 16.666, 1), "16.7");
        assert_eq!(format_percent(en, 0.25), "25.0%");
        assert_eq!(format_date(en, NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()), "Nov 1, 2026");
        assert_eq!(format_month(en, 2020, 3), "Mar 2020");
    }

    #[test]
    fn each_language_writes_its_own_way() {
        for l in Lang::all() {
            let count = format_count(l, 12345);
            assert!(count.starts_with("12") && count.ends_with("345"), "{}: {count}", l.tag());
            let day = format_date(l, NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
            assert!(day.contains("2026") && day.chars().any(|c| !c.is_ascii_digit()), "{}: {day}", l.tag());
        }
        if Lang::from_tag("nb").is_some() {
            assert_eq!(format_count(lang("nb"), 12345), "12\u{a0}345");
            assert_eq!(format_decimal(lang("nb"), 25.0, 1), "25,0");
        }
    }
}
