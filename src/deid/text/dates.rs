//! Dates (`[DATE]`): every element of a date but the year is identifying (HIPAA Safe Harbor,
//! 45 CFR 164.514(b)(2)(i)(C)). The patterns read the packs' `formats.txt`, generated from CLDR
//! (`build_formats.py`): the month and weekday names of each language's locales and the numeric
//! orders they write ("M/d" in en_US, "d.M." in de and nb, "dd/MM" in fr), so a new locale is data.
use super::lexicon::{english_bit, lang_bit, LANGS};
use super::patterns::{cap_alts, number_words_re, pack_words_re, Add, Check, Hit};
use super::*;
use std::collections::BTreeMap;

/// What a date pattern's match must pass (see each pattern in `add_patterns`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum DateCheck {
    /// day and month of two digits without a year ("11/03"): not a fraction, a decimal or a
    /// number with a unit
    DayMonth,
    /// a yearless numeric date in an order of the note's language (CLDR skeletons `Md`, `MMdd`:
    /// "3/4" in English, "12.3." in German), or a month and a year (`yM`, `yMM`: "3/2019",
    /// "03.2019"): a fraction is a date unless its context is a measure, a score, a ratio or a dose
    /// (`[scores]` before it, `[measures]` after, a label's colon, brackets); `true`: typed with a
    /// hyphen after a dating word ("on 3-4"), read as with the locale's slash
    Locale(bool),
    /// a weekday after a dating word: always (a pattern run on its own, off the combined scan)
    Weekday,
    /// an English weekday or an abbreviation of one that is no English word, wherever it stands:
    /// in a note in English (run on its own, behind the calendar words' gate)
    LoneWeekday,
    /// a short month name in any case before its day and year: always (run on its own, behind
    /// the calendar words' gate)
    MonthFirst,
    /// a date typed with spaced separators ("07 . 03 . 1958"): both separators the same, not a
    /// row of values ("17.6 -61.8")
    SameSeparators,
    /// month and year: the month is not a word of the sentence ("may 20")
    MonthYear,
    /// spelled-out date: more than a lone short number word before a month name ("to March")
    SpelledDate,
    /// a day before its month's name: not the decimals of a number ("0.5, agosto 2001")
    WrittenDay,
}

/// Month names of every language pack. A name of four letters or more, or an abbreviation of the
/// English pack that is no English word (CLDR: "jan", "aug"), matches in any case ("MARZO",
/// "juillet", "mars", "AUG"): the patterns want a day or a year beside it; another short one
/// ("May", "Mar", "Mai") only capitalised or in capitals.
pub(super) fn months_re() -> String {
    let english_short: Vec<&str> = packs::PACKS.iter().filter(|p| p.lang == "en").flat_map(|p| packs::section_of(p, "months")).collect();
    let (mut any_case, mut capitalised): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    for w in packs::section("months") {
        let plain = w.chars().count() >= 4 || english_short.contains(&w) && w != "may" && w != "mar";
        if plain { any_case.push(w) } else { capitalised.push(w) }
    }
    for list in [&mut any_case, &mut capitalised] {
        list.sort_by_key(|w| std::cmp::Reverse(w.len()));
        list.dedup();
    }
    let any: Vec<String> = any_case.iter().map(|w| regex::escape(w)).collect();
    format!(r"(?:(?i:{})|{})\.?", any.join("|"), cap_alts(&capitalised))
}

/// The weekdays' abbreviations of every pack (CLDR's abbreviated names, `[weekdays_short]`: "tue",
/// "thu", "tir") and each longer beginning of the weekday's name they shorten ("tues", "thurs", "tirs").
pub(super) fn weekday_abbreviations() -> Vec<String> {
    let mut out = Vec::new();
    for p in packs::PACKS {
        let names: Vec<&str> = packs::section_of(p, "weekdays").collect();
        for short in packs::section_of(p, "weekdays_short") {
            for name in names.iter().filter(|n| n.starts_with(short)) {
                let ends = name.char_indices().map(|(i, _)| i).filter(|&i| i >= short.len());
                out.extend(ends.map(|i| name[..i].to_string()));
            }
        }
    }
    out
}

/// Short month names glued to a day number in any case ("20mar", "23avr").
fn short_months_re() -> String {
    let mut short: Vec<String> = packs::section("months").filter(|w| w.chars().count() <= 4).map(regex::escape).collect();
    short.sort_by_key(|w| std::cmp::Reverse(w.len()));
    short.dedup();
    format!("(?i:{})", short.join("|"))
}

/// The fields of a CLDR date pattern: each run of one letter (or separator) and its length
/// ("dd.MM." is d 2, . 1, M 2, . 1).
pub(super) fn cldr_fields(p: &str) -> Vec<(char, usize)> {
    let mut out: Vec<(char, usize)> = Vec::new();
    for c in p.chars() {
        match out.last_mut() {
            Some((last, n)) if *last == c => *n += 1,
            _ => out.push((c, 1)),
        }
    }
    out
}

/// A CLDR numeric date pattern ("d.M.", "M/d", "MM/y"; UTS #35, Date Field Symbol Table) as a
/// regular expression, with whether it names a day and a year. A two-digit month before a year
/// also takes a two-digit year ("03/19").
pub(super) fn cldr_numeric(p: &str) -> (String, bool, bool) {
    let (mut out, mut day, mut year) = (String::new(), false, false);
    let two_digit_month = p.contains("MM");
    for (c, n) in cldr_fields(p) {
        match (c, n) {
            ('d', 1) => out += r"(?:0?[1-9]|[12]\d|3[01])",
            ('d', _) => out += r"(?:0[1-9]|[12]\d|3[01])",
            ('M', 1) => out += r"(?:0?[1-9]|1[0-2])",
            ('M', _) => out += r"(?:0[1-9]|1[0-2])",
            ('y', 2) => out += r"\d{2}",
            ('y', _) if two_digit_month && !p.contains('d') => out += r"(?:(?:19|20)\d{2}|\d{2})",
            ('y', _) => out += r"(?:19|20)\d{2}",
            (c, n) => out += &regex::escape(&c.to_string().repeat(n)),
        }
        day |= c == 'd';
        year |= c == 'y';
    }
    (out, day, year)
}

/// The yearless and month-and-year numeric patterns of every pack (`[date_numeric]`), anchored,
/// each with the language bits of the packs that write it (a full date is read by the patterns
/// for every language: any order of day, month and year). One small pattern finds the candidates
/// (`\d{1,2}[./-]\d{1,4}`); these say which are dates in the note's language: many patterns in
/// the combined first scan would cost every note more than the few candidates cost here.
fn locale_numeric() -> &'static [(regex::Regex, u32)] {
    static NUMERIC: std::sync::OnceLock<Vec<(regex::Regex, u32)>> = std::sync::OnceLock::new();
    NUMERIC.get_or_init(|| {
        let mut by_re: BTreeMap<String, u32> = BTreeMap::new();
        for (i, p) in packs::PACKS.iter().enumerate() {
            for pat in packs::section_lines(p, "date_numeric") {
                let (re, day, year) = cldr_numeric(pat);
                if !(day && year) {
                    *by_re.entry(re).or_insert(0) |= lang_bit(i);
                }
            }
        }
        by_re.into_iter().map(|(re, langs)| (regex::Regex::new(&format!("^(?:{re})$")).expect("CLDR numeric date"), langs)).collect()
    })
}

/// The language bit of the note (a note in no pack's language is English).
fn note_language(note: &Note) -> u32 {
    let lang = note.keep & LANGS;
    if lang != 0 { lang } else { english_bit() }
}

/// Whether `m` is a numeric date in an order of the note's language ("3/4" in English, "3.4." in
/// German).
fn in_locale_order(m: &str, note: &Note) -> bool {
    let lang = note_language(note);
    locale_numeric().iter().any(|(re, langs)| langs & lang != 0 && re.is_match(m))
}

impl DateCheck {
    /// The date patterns, in the table's order.
    pub(super) fn add_patterns(add: &mut Add) {
        use Placeholder::Date;
        let d = r"(?:0?[1-9]|[12]\d|3[01])";
        let m = r"(?:0?[1-9]|1[0-2])";
        let mon = months_re();
        let numw = number_words_re(false);
        let year = r"(?:(?:19|20)\d{2}|'\d{2})";
        // a time a person writes after a date identifies no one and no labeller marks it ("18/02/2019
        // 16:34" keeps "16:34"); a machine's ISO 8601 timestamp is one value and goes whole
        // ("2000-04-16 11:34:35", "2021-03-12T10:00Z")
        let iso_time = r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?";
        let time = r"(?:T\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?";
        let date = |c: DateCheck| Check::Date(c);

        // ISO 8601 calendar dates
        add(&format!(r"\b(?:19|20)\d{{2}}-{m}-{d}{iso_time}\b"), Date, 0, Check::None, None);
        add(&format!(r"\b(?:19|20)\d{{2}}[-/.]{m}[-/.]{d}{time}\b"), Date, 0, Check::None, None);
        // day, month and year in any order of any locale (CLDR yMd: d.M.y, M/d/y, dd/MM/y, d-M-y),
        // perhaps glued to the next word ("12.03.2019Kontrolle")
        add(&format!(r"\b({d}[-/.]{d}[-/.](?:(?:19|20)\d{{2}}|\d{{2}}){time})(?:\b|[A-Za-z])"), Date, 1, Check::WholeNumber, None);
        // a range of days before a date: "08-09/08/07", "du 3-5/06/2021"
        add(&format!(r"\b{d}-({d}/{d}/(?:(?:19|20)\d{{2}}|\d{{2}}))\b"), Date, 1, Check::None, Some("/"));
        // a range of days the German and Norwegian way, whole: "12.-14.03.2019", "3.–5.6."
        add(&format!(r"\b{d}\.[ \t]*[-–][ \t]*{d}\.{m}\.(?:(?:19|20)\d{{2}}|\d{{2}})?"), Date, 0, Check::None, Some("."));
        // separators typed with spaces or as bars: "01 / 07 | 1995", "07 . 03 . 1958", "15|10|1960"
        let sep = r"[ \t]*[-/.|][ \t]*";
        add(&format!(r"\b{d}{sep}{d}{sep}(?:(?:19|20)\d{{2}}|\d{{2}})\b"), Date, 0, date(DateCheck::SameSeparators), None);
        // day and month without a year, both with two digits: "11/03", "28.01", "12 / 05"
        add(r"\b(?:0[1-9]|[12]\d|3[01])[ \t]*[/.][ \t]*(?:0[1-9]|1[0-2])\b", Date, 0, date(DateCheck::DayMonth), None);
        // the yearless and month-year orders of each locale (CLDR Md, MMdd, yM, yMM), in a note of
        // its language; a trailing dot is part of the pattern ("12.3."), a word may follow glued
        // (a day and month written with a hyphen, the shorthand of "3/4", only after the words that
        // date: "on 3-4", "seit 3-4"; alone it is a range, "3-4 times")
        add(r"\b(\d{1,2}[./-](?:\d{4}|\d{1,2}\.?))(?:\b|[A-Za-z]|$|[^\w])", Date, 1, date(DateCheck::Locale(false)), None);
        // (and after the short names of a test or a study, which a note dates so: "CXR 3-14", "echo
        // 3-14", `[dated_tests]`)
        let before = format!("(?:{}|{})", pack_words_re("date_before"), pack_words_re("dated_tests"));
        add(&format!(r"\b{before}[ \t]+(\d{{1,2}}-\d{{1,2}})(?:\b|[A-Za-z])"), Date, 1, date(DateCheck::Locale(true)), Some("-"));
        // a day, its month written out, a year of four or two digits: "12 de marzo de 2016",
        // "1er mars 2022", "12, Mai 1973", "28 mars 19", "3rd of May"
        add(
            &format!(r"\b{d}(?:st|nd|rd|th|er|º|°|o|ST|ND|RD|TH|ER)?,?(?:\s+(?:of|OF|de|DE|del|di|du|le))?[\s.\-/]*{mon}(?:[\s,.\-/]*(?:(?:de|del|DE)\s+)?(?:{year}|\d{{2}}\b))?{time}\b"),
            Date,
            0,
            date(DateCheck::WrittenDay),
            None,
        );
        add(&format!(r"\b{mon}\s*{d}(?:st|nd|rd|th|ST|ND|RD|TH)?\b(?:,?\s*{year}\b)?{time}"), Date, 0, Check::None, None);
        // a range of days in one month, the ways CLDR's interval formats write it (`MMMd` and
        // `yMMMd` when the day differs: "Jan 5 – 7, 2023", "5–7 janv. 2023", "5.–7. März 2023"):
        // every day of it and its year go with the month
        add(&format!(r"\b{mon}[ \t]*{d}(?:st|nd|rd|th)?[ \t]*[-–][ \t]*{d}(?:st|nd|rd|th)?\b(?:,?[ \t]*{year}\b)?"), Date, 0, date(DateCheck::WrittenDay), None);
        add(&format!(r"\b{d}(?:st|nd|rd|th|er|\.)?[ \t]*[-–][ \t]*{d}(?:st|nd|rd|th|er|\.)?[ \t]+(?:(?:of|de|del)[ \t]+)?{mon}(?:[ \t,]+(?:(?:de|del)[ \t]+)?{year}\b)?"), Date, 0, date(DateCheck::WrittenDay), None);
        add(&format!(r"\b{d}{}\b", short_months_re()), Date, 0, Check::None, None);
        // a month and a year: "mayo de 2000", "enero 2001", "décembre 93" (HIPAA: every element of a
        // date but the year is identifying)
        add(&format!(r"\b{mon}(?:(?:\s+(?i:de|del|of|di|du))?\s+|[-/])(?:(?:19|20)\d{{2}}|'\d{{2}}|[0-9]{{2}}\b)"), Date, 0, date(DateCheck::MonthYear), None);
        // a part of a year and its year, as finely dated as a month and its year: "fin 2034", "early
        // 2020", "mid-2019", "finales de 2009", "Ende 2034"
        let parts = pack_words_re("year_parts");
        add(&format!(r"\b{parts}(?:[ \t]+(?i:of|de|del|du|av|van|des))?(?:[ \t]+|-)(?:19|20)\d{{2}}\b"), Date, 0, Check::None, None);
        // a holiday and its year name one day (PyPI `holidays`' names of the packs' countries,
        // `[holidays]`): "Christmas 2020", "Thanksgiving Day of 2021", "Pfingstmontag 2019"
        add(&format!(r"\b{}['’]?(?:[ \t]*,)?(?:[ \t]+(?i:of|de|del|du|von|van|av|di))?[ \t]+(?:19|20)\d{{2}}\b", packs::lines_re("holidays")), Date, 0, Check::None, None);
        // spelled out: "vingt-six 02 2012", "quinze septembre mille neuf cent soixante-cinq"
        // (a number word typed with a stray plural "s" is still one: "deux-milles vingts troiss")
        let numrun = format!(r"{numw}(?i:s)?(?:[\s-]+{numw}(?i:s)?)*");
        let longrun = format!(r"{}(?:[\s-]+{numw})*", number_words_re(true));
        add(&format!(r"\b{longrun}[\s-]+(?:{mon}(?:[\s-]+(?:(?:19|20)\d{{2}}|{numrun}))?|(?:0?[1-9]|1[0-2])[\s./-]+(?:19|20)?\d{{2}})\b"), Date, 0, date(DateCheck::SpelledDate), None);
        // a day in digits, the month and the year spelled out: "2 février mille neuf cent cinquante deux"
        // (two number words at least: "le 3 mars deux patients" keeps its "deux")
        add(&format!(r"\b{d}(?:er)?[\s-]+{mon}[\s-]+{numw}(?:[\s-]+{numw})+\b"), Date, 0, date(DateCheck::SpelledDate), None);
        // ISO 8601 basic format: "20210312"
        add(r"\b(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\b", Date, 0, Check::None, None);
        // a month and a year in digits after "on" / "in" / "since": "seen on 08/22", "since 3/2019"
        add(r"\b(?i:on|in|since|from|until|dated)[ \t]+((?:0?[1-9]|1[0-2])/(?:(?:19|20)\d{2}|\d{2}))\b", Date, 1, date(DateCheck::DayMonth), Some("/"));
        // a short month name in any case between a day and a year, or before both: "20 mai 2019",
        // "12, mai 1973", "3 mar 2021", "feb 21, 2023" (the last on its own pass, only in a note
        // with a calendar word: at every word of the combined scan it would cost every note)
        // (the day with its dot, as CLDR's "d. MMM y" of de and nb writes it: "3. mai 2019")
        add(&format!(r"\b{d}\.?,?[ \t]+{}\.?[ \t]+(?:19|20)\d{{2}}\b", short_months_re()), Date, 0, Check::None, None);
        add(&format!(r"\b{}\.?[ \t]*{d}(?:st|nd|rd|th)?,?[ \t]+(?:19|20)\d{{2}}\b", short_months_re()), Date, 0, date(DateCheck::MonthFirst), None);
        Self::add_context_patterns(add, &mon);
    }

    /// Dates completed by what is around them: ranges of months, weekdays, lists of dates.
    fn add_context_patterns(add: &mut Add, mon: &str) {
        use Placeholder::Date;
        // a month that opens a range ending in a date already replaced carries its year: "mai à
        // [DATE]", "mars-[DATE]", "März/[DATE]", "between May and [DATE]", "de mayo a [DATE]" (the month goes, the
        // word between stays)
        // (short names in any case too: "mai à [DATE]"; but not the English verb "may")
        let range_months: Vec<String> = packs::section("months").filter(|w| *w != "may").map(regex::escape).collect();
        let range_months = format!("(?:{mon}|(?i:{}))", range_months.join("|"));
        // (the words of a range, `[range_from]` and `[range_to]`: "du 3 au", "vom 3. bis", "fra 3. til")
        let (from, to) = (pack_words_re("range_from"), pack_words_re("range_to"));
        add(
            &format!(r"\b({range_months})(?:[ \t]*[-–/][ \t]*|[ \t]+{to}[ \t]+)\[DATE\]"),
            Date,
            1,
            Check::None,
            Some("[DATE]"),
        );
        // the first day of a range whose end is a date already replaced, the range opened by its
        // word: "from 3 to [DATE]", "du 3 au [DATE]", "vom 3. bis [DATE]" (CLDR's interval formats
        // write the days of one month so: every day of it goes; a hyphen's range has its own rule above)
        add(
            &format!(r"\b{from}[ \t]+((?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th|er|\.)?)[ \t]+{to}[ \t]+\[DATE\]"),
            Date,
            1,
            Check::None,
            Some("[DATE]"),
        );
        // a day and month of one digit each in a list of dates: "C2 [DATE] C3 2/8 C4 [DATE]" (alone,
        // "2/8" is a fraction)
        add(
            r"\[DATE\][ \t,;]+(?:[\p{L}\d]{1,4}[ \t:]+)?((?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2]))[ \t,;]+(?:[\p{L}\d]{1,4}[ \t:]+)?\[DATE\]",
            Date,
            1,
            Check::None,
            Some("[DATE]"),
        );
        // the weekday of a date already replaced, written out or abbreviated (CLDR): "Jeudi
        // [DATE]", "Tuesday, [DATE]", "Mon [DATE]"
        let weekdays: Vec<&str> = packs::section("weekdays").filter(|w| w.chars().count() >= 3).collect();
        let short: Vec<&str> = packs::section("weekdays_short").chain(weekdays.iter().copied()).collect();
        add(&format!(r"\b(?i:{})\.?,?[ \t]+\[DATE\]", short.join("|")), Date, 0, Check::None, Some("[DATE]"));
        // a weekday or a month named from now: "last Thursday", "next July"
        let english = packs::PACKS.iter().find(|p| p.lang == "en").expect("an English pack");
        // (and the English weekdays by CLDR's abbreviations and the longer beginnings of their names:
        // "last thurs", "next Tue")
        let english_short: Vec<String> = weekday_abbreviations().into_iter().filter(|a| packs::section_of(english, "weekdays").any(|w| w.len() > a.len() && w.starts_with(a.as_str()))).collect();
        let mut named: Vec<String> = weekdays.iter().copied().filter(|w| w.len() >= 6).chain(packs::section_of(english, "months").filter(|w| w.len() >= 4)).map(String::from).chain(english_short.iter().cloned()).collect();
        named.sort_by_key(|w| std::cmp::Reverse(w.len()));
        named.dedup();
        add(&format!(r"\b(?i:last|next|this past|this coming)[ \t]+(?i:{})\b", named.join("|")), Date, 0, Check::None, None);
        // a weekday after the words that date it (`[date_before]`: "on Monday", "since Tuesday",
        // "am Montag"), not a recurring one ("on Mondays")
        let before = pack_words_re("date_before");
        // (also abbreviated: "on Tue", "since Thurs", "on Tues.")
        let mut days: Vec<String> = weekdays.iter().copied().filter(|w| w.chars().count() >= 5).map(String::from).chain(weekday_abbreviations()).collect();
        days.sort_by_key(|w| std::cmp::Reverse(w.len()));
        days.dedup();
        add(&format!(r"\b{before}[ \t]+((?i:{}))\b", days.join("|")), Date, 1, Check::Date(DateCheck::Weekday), None);
        // an English weekday by itself names one day (i2b2 2014: a day's name is a DATE; "seen thurs",
        // "cath Friday"), its abbreviations those of CLDR and the longer beginnings that are no English
        // word ("sat", "sun", "wed" are words); not a recurring one ("Mondays" is another word)
        let english_words: std::collections::HashSet<&str> = lexicon::data_lines(lexicon::D_ENGLISH).collect();
        let mut lone: Vec<String> = packs::section_of(english, "weekdays").filter(|w| w.len() >= 6).map(String::from).chain(english_short.iter().filter(|a| !english_words.contains(a.as_str())).cloned()).collect();
        lone.sort_by_key(|w| std::cmp::Reverse(w.len()));
        lone.dedup();
        add(&format!(r"\b((?i:{}))\b", lone.join("|")), Date, 1, Check::Date(DateCheck::LoneWeekday), None);
        // an English weekday or its abbreviation before a period of the day (CLDR's `[day_periods]`):
        // one day, whatever the words before ("family meeting tues pm", "cath Mon a.m.")
        let mut english_days: Vec<String> = packs::section_of(english, "weekdays").map(String::from).chain(english_short.iter().cloned()).collect();
        english_days.sort_by_key(|w| std::cmp::Reverse(w.len()));
        english_days.dedup();
        add(&format!(r"\b((?i:{}))\.?,?[ \t]+{}(?:[^\w]|$)", english_days.join("|"), pack_words_re("day_periods")), Date, 1, Check::None, None);
        // an English ordinal after its weekday is a day of the month whatever follows: "Thursday the
        // 14th", "Mon, the 3rd"
        add(&format!(r"\b(?i:{})\.?,?[ \t]+(?i:the)[ \t]+((?:0?[1-9]|[12]\d|3[01])(?i:st|nd|rd|th))\b", short.join("|")), Date, 1, Check::None, None);
        // after the words that date it, where no noun follows that it counts: "on the 17th.",
        // "since the 3rd, ...", "on the 2nd at 10am" (spec: "March 12th" is a date, and the day
        // alone is one of its elements); "on the 3rd day" and "on the 4th finger" stay
        let tail: Vec<String> = ["date_before", "places_after", "conjunctions"].iter().flat_map(|sec| packs::section_of(english, sec)).map(regex::escape).collect();
        add(
            &format!(r"\b{before}[ \t]+(?i:the)[ \t]+((?:0?[1-9]|[12]\d|3[01])(?i:st|nd|rd|th))(?:[ \t]*(?:[.,;:!?)\]]|\r?\n|$)|[ \t]+(?i:{})\b)", tail.join("|")),
            Date,
            1,
            Check::None,
            None,
        );
    }

    /// Whether the match `hit` in `text` is a date.
    pub(super) fn check(self, text: &str, hit: &mut Hit, note: &Note) -> bool {
        let (s, e) = (hit.s, hit.e);
        let m = &text[s..e];
        let (before, after) = (&text[..s], &text[e..]);
        match self {
            DateCheck::SameSeparators => {
                let seps: Vec<char> = m.chars().filter(|c| matches!(c, '-' | '/' | '.' | '|')).collect();
                let same = seps.len() == 2 && (seps[0] == seps[1] || seps.iter().all(|c| matches!(c, '/' | '|')));
                same && !preceded_by_decimal(text, s) && !followed_by_unit_or_decimal(after)
            }
            DateCheck::DayMonth => {
                !preceded_by_decimal(text, s)
                    && !before.ends_with(['/', '-', '+', ':'])
                    // (a colon after it opens an entry, "27.01: bedring"; a digit after the colon
                    // makes it a time, "10.12:30")
                    && !after.starts_with('/') && !after.starts_with(|c: char| matches!(c, '.' | ':') && after[1..].starts_with(|d: char| d.is_ascii_digit()))
                    && !followed_by_unit_or_decimal(after)
                    && !score_before(text, s, note)
                    && !measure_after(after, note)
                    && !time_of_day(before, after, m, note)
            }
            DateCheck::Weekday | DateCheck::MonthFirst => true,
            // (a full name is no word of another pack's language; an abbreviation may be: "mon" in French)
            // (not a contraction's end: "C'mon")
            DateCheck::LoneWeekday => !before.ends_with(['\'', '’']) && (m.len() >= 6 || note_language(note) & english_bit() != 0),
            DateCheck::Locale(dashed) => {
                // (a dot after a date written with a slash or a hyphen ends its sentence: "seen
                // 2/14." is "2/14"; only a date of dots ends with its own, "12.3.")
                if m.ends_with('.') && !m[..m.len() - 1].contains('.') {
                    hit.e -= 1;
                    return DateCheck::Locale(dashed).check(text, hit, note);
                }
                // (a pattern that ends with its dot reads no number after it: "12.3.2019" is
                // read whole by the full dates, "1.2.3." is a section's number)
                // (after its dot a hyphen opens a range of dates: "12.03.-14.03.2019")
                let dotted = m.ends_with('.');
                let number_after = after.starts_with(|c: char| c.is_ascii_digit()) || after.starts_with(['/', ':', '-']) && !(dotted && after.starts_with('-')) && after[1..].starts_with(|c: char| c.is_ascii_digit());
                let number_before = before.ends_with(['/', '+', ':', '.', ',', '-']) && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit());
                // (a value after its label's colon, "Personalidad: 4/5", or in brackets, "(3/5)",
                // is a score or a ratio; a date label's value is the record header's)
                let valued = before.trim_end_matches([' ', '\t']).ends_with(':') || before.ends_with('(') && after.starts_with(')');
                let order = if dashed { in_locale_order(&m.replace('-', "/"), note) } else { in_locale_order(m, note) };
                order
                    && !valued
                    && !preceded_by_decimal(text, s)
                    && !number_after
                    && !number_before
                    && !followed_by_unit_or_decimal(after)
                    && !score_before(text, s, note)
                    && !measure_after(after, note)
                    && !page_number(m, before, after)
                    && !time_of_day(before, after, m, note)
            }
            DateCheck::MonthYear => {
                // a two-digit year only after a month written out in full ("décembre 93")
                let month_letters = m.chars().take_while(|c| c.is_alphabetic()).count();
                // (or after an abbreviation with its dot, CLDR's abbreviated form: "Mär. 98", "Okt. 97")
                let abbreviated = m.trim_start_matches(char::is_alphabetic).starts_with('.');
                let year4 = m.trim_end().len() >= 4 && m[m.len() - 4..].bytes().all(|b| b.is_ascii_digit());
                // (a year whose century an apostrophe elides is one after any month: "Mar '22")
                let elided = m.contains('\'');
                year4 || elided || (month_letters >= 4 || abbreviated) && !followed_by_unit_or_decimal(after)
            }
            DateCheck::WrittenDay => !preceded_by_decimal(text, s),
            DateCheck::SpelledDate => {
                let words: Vec<&str> = m.split([' ', '\t', '\n', '-']).filter(|w| !w.is_empty()).collect();
                words.len() >= 3 || words.first().is_some_and(|w| w.chars().count() >= 4) && words.last().is_some_and(|w| w.chars().count() >= 4)
            }
        }
    }
}

/// The words of a pack section, folded and lower case, per language bit: a word counts in a note
/// of its language or in English (`og` is French for the left eye, Norwegian for "and").
struct WordsOf(Vec<(u32, std::collections::HashSet<String>)>);

impl WordsOf {
    fn section(name: &str) -> WordsOf {
        WordsOf(packs::PACKS.iter().enumerate().map(|(i, p)| (lang_bit(i), packs::section_of(p, name).map(|w| normalise::fold(&w.to_lowercase()).into_owned()).collect())).collect())
    }

    fn has(&self, word: &str, note: &Note) -> bool {
        let lang = note.keep & LANGS;
        let english = english_bit();
        let w = normalise::fold(&word.to_lowercase()).into_owned();
        self.0.iter().any(|(bit, words)| (*bit == english || *bit & lang != 0) && words.contains(&w))
    }
}

/// Whether one of the (up to three) words before `s` on its line names a score or a measure
/// (`[scores]`), so that a fraction after it is no date: "Niveau oeil gauche: 10/12", "EVA 7/10".
fn score_before(text: &str, s: usize, note: &Note) -> bool {
    static WORDS: std::sync::OnceLock<WordsOf> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| WordsOf::section("scores"));
    let line = &text[text[..s].rfind('\n').map_or(0, |p| p + 1)..s];
    line.rsplit(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(3).any(|w| words.has(w, note))
}

/// Whether hours and minutes written with a dot stand beside a word of the clock (`[clock_words]`):
/// "kl. 10.12", "um 10.12 Uhr" are times of day, no day and month.
fn time_of_day(before: &str, after: &str, m: &str, note: &Note) -> bool {
    static WORDS: std::sync::OnceLock<WordsOf> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| WordsOf::section("clock_words"));
    let hours_minutes = m.split_once('.').is_some_and(|(h, mm)| h.len() <= 2 && mm.len() == 2);
    let before = before.trim_end_matches([' ', '\t']).trim_end_matches('.');
    let word_before = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let word_after: String = after.trim_start_matches([' ', '\t']).chars().take_while(|c| c.is_alphabetic()).collect();
    hours_minutes && [word_before, &word_after].iter().any(|w| !w.is_empty() && words.has(w, note))
}

/// Whether a fraction alone on its line is a page's number, k of n with k <= n: a letter numbers its
/// pages so ("2/3", DIN 5008's "Seite 2 von 3"), a date heading a line is followed by its entry. (Text
/// taken from a paginated document may glue the next page's first word to it: "8/8CRH".)
fn page_number(m: &str, before: &str, after: &str) -> bool {
    let alone = before.trim_end_matches([' ', '\t']).ends_with('\n') || before.trim().is_empty();
    let rest = after.split(['\n', '\r']).next().unwrap_or("");
    let ends = rest.trim_end().chars().all(char::is_alphanumeric);
    match m.split_once('/') {
        Some((k, n)) if alone && ends => matches!((k.parse::<u32>(), n.parse::<u32>()), (Ok(k), Ok(n)) if k <= n),
        _ => false,
    }
}

/// Whether the word after a fraction says what it measures or counts (`[measures]`: "2/8
/// joints", "1/2 NS", "3/4 of the dose"): a ratio, not a day and month.
fn measure_after(after: &str, note: &Note) -> bool {
    static WORDS: std::sync::OnceLock<WordsOf> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| WordsOf::section("measures"));
    let t = after.strip_prefix('.').unwrap_or(after).trim_start_matches([' ', '\t']);
    let w: String = t.chars().take_while(|c| c.is_alphanumeric()).collect();
    !w.is_empty() && words.has(&w, note)
}
