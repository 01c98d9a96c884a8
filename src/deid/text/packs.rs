//! Language packs: one folder per language under `src/deid/data/` (listed by `build.rs`, embedded
//! in the binary), read by the same detectors for every language.
//!
//! A pack's generated lists: `given.txt`, `surnames.txt`, `towns.txt` (one a line), `words.txt`
//! (ordinary words of the language, which are names or towns only where the context says so) and
//! `countries.txt` (the language's names of countries, which stay in a note: `Espagne`, `Alemania`)
//! and `demonyms.txt` (the words for the people of its big towns, places: `lyonnais`, `sevillano`).
//! Its hand-written `terms.txt` has sections, each a `[name]` line followed by words separated by
//! white space: `titles` (an initial with its dot, `m.` for Monsieur, is a title only in a note in the
//! pack's language), `relations` (words after which a name follows), `months`, `weekdays`,
//! `year_parts` (a part of a year: `fin`, `early`, `finales`; with its year, a date finer than the
//! year), `numbers` (spelled-out day numbers), `ages` (the words after a number that make it an age:
//! `años`, `ans`, `Jahre`), `places_after` (prepositions after which a town whose name is also an ordinary word is
//! a town: `de Málaga`, `in Bath`), `streets` (street types), `street_endings` (street types
//! written as the end of the street's one word, `Hauptstraße`, `Storgata`, `Dorpsstraat`),
//! `institution_ends` and `region_ends` (one a line, of one or more words: the words that end an
//! institution's or a subdivision's name, its names before them: `Sunrise Healthcare`, `Bergen
//! legevakt`, `Bergen kommune`), `institution_openings` (one a line: the words that open an
//! institution's registered name and belong to it, in the languages that write them into it:
//! `Sykehuset i`, `Azienda Ospedaliera di`; `institutions.rs`), `facility_particles` (the particles
//! between a facility word and its name that no `PARTICLE` of the patterns is: `Sykehuset i
//! Vestfold`), `clock_words` (before or after hours and minutes written with a dot, which are then
//! no day and month: `kl. 10.12`, `10.12 Uhr`), `proper_noun_prepositions` (after which a
//! capitalised name of the lists is a town, in a language whose common nouns are never capitalised
//! mid-sentence: `bor i Haug`), `name_particles` (`van`, `de`: lower case inside a person's name),
//! `postnominals` (as typed: `MD`, `PhD`), `label_verbs` (one a line, between an identifier label and its
//! value: `MRN is 12345`, `SSN ending in 6789`), `number_signs` (the words for "number" that name the number after them
//! as `#` does: `file no. 4471`, `Akte Nr. 4711`), `proportion_units` (after a number, an angle or a
//! share and no age: `90 degrees`, `95 Prozent`), `study_words` (after a name, a study's and no
//! place: `the ALLHAT trial`), `facilities` (words that name
//! hospitals and clinics: a capitalised word after one is its name), `wards` (words that name
//! services, units, wards: only a word no list knows is a name after one), `clinical` (words that must survive),
//! `endings` (word endings only the language's ordinary words have: `-isation`, `-ción`, `-ungen`;
//! a word no list holds that ends with one is an ordinary word of the language), `phone_words` (after
//! which a number of 4 to 6 digits is a phone extension: `poste`, `ext`), `postal` (words of a postal
//! address after its town: `cedex`), `post_boxes` (one a line: the postal service's words for a
//! post office box, before its number: `postboks`, `apartado de correos`), `demonym_endings` (the endings of the words for a town's
//! people, `ais`, `ien`, `ano`: `build_packs.py` derives the generated `demonyms.txt` with them),
//! `scores` (words before which a fraction is a score or a
//! measure, not a day and month: `oeil gauche: 10/12`, `EVA 7/10`), `measures` (words after which
//! it is a measure, a ratio or a dose: `2/8 joints`, `1/2 NS`), `date_before` (words after which a
//! weekday names one day: `on Monday`, `am Montag`), `dated_tests` (the short names of tests and
//! studies after which a day and month typed with a hyphen is a date: `CXR 3-14`), `laws` (words that cite a law, whose date and name are no
//! patient's: `Loi du 4 mars 2002`, `Loi Kouchner`), `elisions` (the words written elided, glued
//! to the next with an apostrophe: `l'examen`, `dell'ospedale`), `times` (the word for "times"
//! after a count: `12 fois`), `medical_endings` (the endings of the language's specialties and
//! conditions: `-logie`, `-iatría`, `-ose`; an unknown word with one is no name),
//! `known_particles` (the particles of a form's known name that are not looked for alone: `de`),
//! `known_facility_words` (a form's identifying value holding one, inside a word too, is a place:
//! `hospital`, `klinik`), `header_particles` (the lower-case words inside a name in a record
//! header's value: `de`, `y`, `d'`; `known_particles`, `header_particles` and `name_particles` are
//! three lists because each reader reads a different set: `della`, `ten`, `af`, `y` are in one and
//! not another), `house_number_suffixes` (after a house number, a second house on its lot: `bis`,
//! `ter`), `street_determiners` (before a street type without its number, no street's name: `the`,
//! `our`), `street_corners` (one a line, the phrase before two streets that meet, the pack's
//! `conjunctions` between them: `corner of`), `street_ordinals` (the ordinals in words that open a
//! street's name, in their order: `first`), `country_forms` (one a line, the common names of
//! countries of several words that `data/countries.txt` lacks: `united states`),
//! `whole_countries` (countries of one word that a longer country's name also holds: `guinea`),
//! the words of a statement of a name, English only today: `name_nouns` (before `is` or a colon:
//! `name`, `surname`), `name_labels` (only before a colon: `firstname`), `name_copulas` (`is`,
//! `was`), `naming_verbs` (`call`, `named`), `naming_objects` (after them: `me`, `him`),
//! `self_introductions` (one a line, the subject and verb before one's own name: `i am`),
//! `phone_prepositions` (between the words of a phone extension and its number: `au`, `op`),
//! `age_prepositions` (between a word that says an age follows and the age: `of`, `von`),
//! `law_prepositions` (between a law's word and its date, as typed: `du`, `vom`), `edition_words`
//! (a book's edition after its number, which is no date: `édition`, `Auflage`); and
//! `labels`, one `label<TAB>kind` a line, the labels of record headers whose value is identifying.
//! The generated `formats.txt` (`build_formats.py`, from CLDR and Google's address data) adds the
//! sections `months`, `weekdays`, `weekdays_short`, `date_numeric` (CLDR numeric date patterns, one
//! a line; a day and month also in their narrowest width), `durations` (CLDR's long names of the
//! hours to years: a fraction before one is a count), `postcodes` (`CC<TAB>regex<TAB>before|after` a line) and `phone_regions` (the countries
//! whose national phone numbers a note in the language writes), read as the others are. The
//! generated `places.txt` (`build_places.py`, GeoNames `cities500`) holds more towns, read as `towns`;
//! the generated `holidays.txt` (`build_holidays.py`, PyPI `holidays`) the section `holidays`, and
//! `ages.txt` (`build_ages.py`, PyPI `num2words`) the section `ages_spelled` (90 to 119 in words);
//! the generated `clinical.txt` (`build_clinical.py`, wordfreq's words that a medical hunspell
//! dictionary knows and the general one does not) holds clinical words, one a line, read as
//! `[clinical]` is. `medical_endings` are also read, folded, as `endings` are (German: the
//! spellings of the Greek and Latin suffixes, `-pathie`, `-ämie`); `noun_determiners` (the
//! articles after which a capitalised word no list knows is a common noun, not a name: `der`,
//! `eine`, `zur`) are read by the name rules in a note in the pack's language.
//!
//! Beside the packs, the shared data files hold what no one language owns, in the same `[name]`
//! sections, each read in its order by `shared_section` (`SOURCES.md` gives each one's source):
//! `street_types.txt` (the street types of the address patterns, with those of languages without a
//! pack), `secondary_units.txt` (the parts of a building before their number: `apt`, `suite`),
//! `units.txt` (the units, durations and counts after a number: `mg`, `weeks`) and
//! `medical_endings.txt` (clinical morphology and WHO's INN stems: `-itis`, `-mab`).

/// One language's lists, as embedded.
pub(super) struct Pack {
    pub(super) lang: &'static str,
    pub(super) terms: &'static str,
    pub(super) given: &'static str,
    pub(super) surnames: &'static str,
    pub(super) towns: &'static str,
    pub(super) words: &'static str,
    pub(super) countries: &'static str,
    /// the words for the people of the language's big towns ("lyonnais"): places
    pub(super) demonyms: &'static str,
    /// generated from CLDR and Google's address data (`build_formats.py`): month and weekday
    /// names, numeric date patterns, postcodes; read as more sections of `terms`
    pub(super) formats: &'static str,
    /// generated from GeoNames `cities500` (`build_places.py`): the populated places of >= 500
    /// people of the pack's countries that `towns` lacks and that are no ordinary word; towns
    pub(super) places: &'static str,
    /// generated from PyPI `holidays` (`build_holidays.py`): the `[holidays]` section, the names
    /// of the holidays of the pack's countries; read as another section of `terms`
    pub(super) holidays: &'static str,
    /// generated from PyPI `num2words` (`build_ages.py`): the `[ages_spelled]` section, the ages
    /// over 89 spelled out; read as another section of `terms`
    pub(super) ages: &'static str,
    /// generated from wordfreq and a medical hunspell dictionary (`build_clinical.py`): the
    /// language's clinical words beyond its ordinary ones, one a line; clinical words (empty for
    /// a pack without the file)
    pub(super) clinical: &'static str,
}

/// Every language pack, in folder order.
pub(super) const PACKS: &[Pack] = include!(concat!(env!("OUT_DIR"), "/language_packs.rs"));

/// What the value after a record-header label is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum LabelKind {
    /// one of the placeholder kinds
    Value(super::Placeholder),
    /// a signature line: name, service, hospital, address and e-mail together, to its end
    Signature,
}

impl LabelKind {
    fn parse(s: &str) -> Option<LabelKind> {
        use super::Placeholder::*;
        Some(match s {
            "name" => LabelKind::Value(Name),
            "signature" => LabelKind::Signature,
            "id" => LabelKind::Value(Id),
            "address" => LabelKind::Value(Address),
            "place" => LabelKind::Value(Place),
            "postcode" => LabelKind::Value(Postcode),
            "date" => LabelKind::Value(Date),
            "phone" => LabelKind::Value(Phone),
            "email" => LabelKind::Value(Email),
            _ => return None,
        })
    }
}

/// The lines of a generated list, without comments and blank lines.
pub(super) fn list_lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The words of one section of `terms.txt` in every pack.
pub(super) fn section(name: &str) -> impl Iterator<Item = &'static str> + '_ {
    PACKS.iter().flat_map(move |p| section_of(p, name))
}

/// The words of a section of every pack, once: for the short lists read by `contains`.
macro_rules! section_words {
    ($($(#[$doc:meta])* $f:ident = $section:literal;)*) => {$(
        $(#[$doc])*
        pub(super) fn $f() -> &'static [&'static str] {
            static WORDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
            WORDS.get_or_init(|| $crate::deid::text::packs::section($section).collect())
        }
    )*};
}
pub(super) use section_words;

section_words! {
    /// Lower-case words inside the names of towns, streets and facilities (`[place_particles]`:
    /// "Caxias do Sul", "Straße des 17. Juni", "CHU de Lille").
    place_particles = "place_particles";
    /// The street suffixes whose last one ends an address (`[street_suffixes]`).
    street_suffixes = "street_suffixes";
    /// The labels of form fields and note sections, before a colon as a speaker's name is (`[field_labels]`).
    field_labels = "field_labels";
    /// The particles after a street type that make the word after them a street's name
    /// (`[street_particles]`: "place de la Gare", "via della Spiga").
    street_particles = "street_particles";
    /// The words for "number" before the number they name (`[number_signs]`: "no", "Nr").
    number_signs = "number_signs";
    /// The ordinary words that end a hospital's name (`[hospital_ends]`: "Mass General", "City Hospital").
    hospital_ends = "hospital_ends";
    /// The articles that open a name of ordinary words (`[articles]`: "hôpital la source", "la Croix-Rousse").
    articles = "articles";
    /// The words written elided, glued to the next one with an apostrophe (`[elisions]`: "l'examen",
    /// "dell'ospedale").
    elisions = "elisions";
    /// The words that make a form's identifying value a place ("St Olav Hospital"), anywhere in it
    /// (`[known_facility_words]`).
    known_facility_words = "known_facility_words";
    /// The particles of a form's known name that are not looked for alone (`[known_particles]`:
    /// "de" of "Ana de Souza").
    known_particles = "known_particles";
    /// The words before a street type without its number that are no street's name
    /// (`[street_determiners]`: "the Street").
    street_determiners = "street_determiners";
    /// The words after a house number that number a second house on its lot
    /// (`[house_number_suffixes]`: "12 bis").
    house_number_suffixes = "house_number_suffixes";
    /// The lower-case words inside a name in a record header's value (`[header_particles]`: "de",
    /// "y", "d'").
    header_particles = "header_particles";
}

/// An English drug name (an INN) as the packs' languages spell it (`[inn_spellings]`: "-ate -at"
/// rewrites an ending, "th t" every place): "methotrexate" is "methotrexat" and "metotreksat".
pub(super) fn inn_spellings(w: &str) -> Vec<String> {
    type Rules = Vec<(&'static str, &'static str)>;
    static RULES: std::sync::OnceLock<Vec<(Rules, Rules)>> = std::sync::OnceLock::new();
    let rules = RULES.get_or_init(|| {
        let of = |p: &'static Pack| section_lines(p, "inn_spellings").filter_map(|l| l.split_once(' ')).partition(|(from, _)| from.starts_with('-'));
        PACKS.iter().map(of).collect()
    });
    let mut out = Vec::new();
    for (endings, letters) in rules {
        let respelled = letters.iter().fold(w.to_string(), |acc, (from, to)| acc.replace(from, to));
        for base in [w, respelled.as_str()] {
            out.push(base.to_string());
            for (from, to) in endings.iter() {
                if let Some(stem) = base.strip_suffix(&from[1..]) {
                    out.push(format!("{stem}{}", &to[1..]));
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out.retain(|v| v != w);
    out
}

/// The words of one section of one pack's `terms.txt` and `formats.txt`.
pub(super) fn section_of<'a>(p: &'static Pack, name: &'a str) -> impl Iterator<Item = &'static str> + 'a {
    section_lines(p, name).flat_map(str::split_whitespace)
}

/// The lines of one section of one pack's `terms.txt` and its generated sections, trimmed.
pub(super) fn section_lines<'a>(p: &'static Pack, name: &'a str) -> impl Iterator<Item = &'static str> + 'a {
    lines_in_section(p.terms.lines().chain(p.formats.lines()).chain(p.holidays.lines()).chain(p.ages.lines()), name)
}

/// The lines inside the `[name]` sections of a text of sections, trimmed, without blank lines and
/// comments.
fn lines_in_section<'a>(lines: impl Iterator<Item = &'static str> + 'a, name: &'a str) -> impl Iterator<Item = &'static str> + 'a {
    let mut inside = false;
    lines.filter_map(move |l| {
        let l = l.trim();
        if l.starts_with('[') && l.ends_with(']') {
            inside = &l[1..l.len() - 1] == name;
            return None;
        }
        (inside && !l.is_empty() && !l.starts_with('#')).then_some(l)
    })
}

/// The street types of the address patterns (a shared data file, beside the packs: what no one
/// language owns, in `[name]` sections as `terms.txt` is; `SOURCES.md` says where each comes from).
pub(super) const STREET_TYPES: &str = include_str!("../data/street_types.txt");
/// The words of the part of a building an address names, before its number (`[after_address]`...).
pub(super) const SECONDARY_UNITS: &str = include_str!("../data/secondary_units.txt");
/// The units, durations and counts after a number (`[after_number]`).
pub(super) const UNITS: &str = include_str!("../data/units.txt");
/// The endings of medical words: clinical morphology and INN stems (`[endings]`).
pub(super) const MEDICAL_ENDINGS: &str = include_str!("../data/medical_endings.txt");

/// The words of one section of a shared data file (`STREET_TYPES`...), in its order (the order in
/// which a pattern tries them).
pub(super) fn shared_section<'a>(file: &'static str, name: &'a str) -> impl Iterator<Item = &'static str> + 'a {
    lines_in_section(file.lines(), name).flat_map(str::split_whitespace)
}

/// Alternatives of a regular expression, any case, longest first (a longer one wins over a
/// shorter one it starts with).
pub(super) fn any_case_alternatives(mut alternatives: Vec<String>) -> String {
    alternatives.sort_by_key(|a| std::cmp::Reverse(a.len()));
    alternatives.dedup();
    format!("(?i:{})", alternatives.join("|"))
}

/// A word or line of a section as a pattern that ends where it ends: at a word's end, or at its
/// dot ("str.").
fn ending(pattern: String, typed: &str) -> String {
    if typed.ends_with('.') {
        pattern
    } else {
        pattern + r"\b"
    }
}

/// The lines of one section of every pack as alternatives of a regular expression, any case,
/// longest first; the words of a line joined by blanks ("medical center", "med ctr"). A line
/// that ends with a dot ends there ("str."), any other at a word's end.
pub(super) fn lines_re(name: &str) -> String {
    let lines = PACKS.iter().flat_map(|p| section_lines(p, name));
    any_case_alternatives(lines.map(|l| ending(l.split_whitespace().map(regex::escape).collect::<Vec<_>>().join(r"[ \t]+"), l)).collect())
}

/// The words of one section of every pack as alternatives of a regular expression, any case,
/// longest first, each ending a word unless it ends with a dot ("str.").
pub(super) fn words_re(name: &str) -> String {
    any_case_alternatives(section(name).map(|w| ending(regex::escape(w), w)).collect())
}

/// Every record-header label of every pack, lower case, with its kind.
pub(super) fn labels() -> Vec<(&'static str, LabelKind)> {
    PACKS.iter().flat_map(labels_of).collect()
}

/// The record-header labels of one pack, lower case, with their kinds.
pub(super) fn labels_of(p: &'static Pack) -> Vec<(&'static str, LabelKind)> {
    let mut out = Vec::new();
    let mut inside = false;
    for l in p.terms.lines() {
        let t = l.trim();
        if t.starts_with('[') && t.ends_with(']') {
            inside = t == "[labels]";
            continue;
        }
        if !inside || t.is_empty() || t.starts_with('#') {
            continue;
        }
        let (label, kind) = t.split_once('\t').unwrap_or_else(|| panic!("{}: label line without a tab: {t:?}", p.lang));
        let kind = LabelKind::parse(kind.trim()).unwrap_or_else(|| panic!("{}: unknown label kind in {t:?}", p.lang));
        out.push((label.trim(), kind));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pack_is_complete() {
        let langs: Vec<&str> = PACKS.iter().map(|p| p.lang).collect();
        for l in ["de", "en", "es", "fr", "it", "nl", "no", "pt"] {
            assert!(langs.contains(&l), "no {l} pack in {langs:?}");
        }
        assert!(PACKS.len() <= 11, "at most 11 language packs: one flag bit each (lexicon::lang_bit)");
        for p in PACKS {
            for (what, list) in [("given", p.given), ("surnames", p.surnames), ("towns", p.towns)] {
                assert!(list_lines(list).count() >= 100, "{}: {what} has under 100 entries", p.lang);
            }
            for sec in ["titles", "relations", "months", "ages", "streets", "facilities", "wards", "endings", "scores", "phone_words", "labels", "year_parts", "number_signs", "proportion_units", "study_words"] {
                assert!(p.terms.contains(&format!("[{sec}]")), "{}: no [{sec}] in terms.txt", p.lang);
            }
        }
        // sections and labels parse, in every language
        assert!(section("months").any(|m| m == "marzo") && section("months").any(|m| m == "mars"));
        let labels = labels();
        for (label, kind) in [("nhc", LabelKind::Value(super::super::Placeholder::Id)), ("née le", LabelKind::Value(super::super::Placeholder::Date)), ("remitido por", LabelKind::Signature)] {
            assert!(labels.contains(&(label, kind)), "{label}");
        }
    }
}
