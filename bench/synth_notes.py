#!/usr/bin/env python3
"""Labelled synthetic clinical notes in eight languages, in deid-score's JSONL format.

    /tmp/v/bin/python bench/synth_notes.py [--seed 27] [--per-lang 60] [--langs de,no,...] --out DIR

writes DIR/synth-<lang>.jsonl, one file a language (so that deid-score prints a line a language);
without --out, every note to standard output.

Needs PyPI Faker and Babel at the versions src/deid/data/build_packs.py pins, in a venv outside the
repository (`python3 -m venv /tmp/v && /tmp/v/bin/pip install Faker==40.63.0 Babel==2.19.0`).

Why: the held-out sets that issue #27 scores (Norwegian notes, German letters, English nursing notes)
may not be read, and there is no labelled text here in German, Norwegian, Italian, Dutch or Portuguese.
These notes give each language's habits a measure that nobody tuned a rule on, per kind.

What is whose: every identifying value comes from Faker's locale providers (names, streets, postcodes,
towns, phone numbers, national identifiers where the locale has a valid one) or is built by a
specification from Faker's random digits (the KVNR's and the NHS number's check digits, which Faker's
de_DE/en_GB do not give); dates are written by CLDR's patterns of the locale (Babel); an institution is
a town or a surname with the language's institution words. The sentences around them are templates of
this file, written in each country's clinical habits (letter headers, record-number labels, nursing
shorthand, referrals); many end in no value, and none is modelled on a held-out set.

Labels follow the development files: a street with its house number is `address`, a postcode
`postcode`, a town or an institution `place`, a person's name `name` (a title stays outside), a date
`date`, a number that identifies a person or a record `id`, `phone`, `email`. Seeded: the same seed
writes the same bytes.
"""
import argparse, datetime, json, os, random, re, sys

from babel.dates import format_date
from faker import Faker

# Faker locales per language (the first one most often) and Babel's locale for dates.
LOCALES = {
    "de": (["de_DE"], "de"), "no": (["no_NO"], "nb"), "fr": (["fr_FR"], "fr"),
    "en": (["en_US", "en_GB"], None), "es": (["es_ES"], "es"), "it": (["it_IT"], "it"),
    "nl": (["nl_NL"], "nl"), "pt": (["pt_PT", "pt_BR"], None),
}
BABEL_OF = {"en_US": "en_US", "en_GB": "en_GB", "pt_PT": "pt_PT", "pt_BR": "pt_BR"}

# CLDR (LDML) date patterns as each locale writes a date: numeric with a year, numeric without one
# (notes), and with the month's name. Babel writes them with CLDR's month names.
DATE_PATTERNS = {
    "de": (["dd.MM.yyyy", "d.M.yyyy", "dd.MM.yy"], ["dd.MM.", "d.M."], ["d. MMMM yyyy", "d. MMM yyyy"]),
    "no": (["dd.MM.yyyy", "d.M.yyyy", "dd.MM.yy"], ["dd.MM", "d.M.", "d/M"], ["d. MMMM yyyy", "d. MMM yyyy"]),
    "fr": (["dd/MM/yyyy", "d/M/yyyy", "dd/MM/yy"], ["dd/MM"], ["d MMMM yyyy", "EEEE d MMMM yyyy"]),
    "en_US": (["M/d/yyyy", "MM/dd/yyyy", "M/d/yy"], ["M/d"], ["MMMM d, yyyy", "MMM d, yyyy", "MMM d"]),
    "en_GB": (["dd/MM/yyyy", "d/M/yy"], ["d/M"], ["d MMMM yyyy", "d MMM yyyy", "d MMM"]),
    "es": (["dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy"], ["d/M"], ["d 'de' MMMM 'de' yyyy", "d 'de' MMMM"]),
    "it": (["dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy"], ["d/M"], ["d MMMM yyyy", "d MMM yyyy"]),
    "nl": (["dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy"], ["d-M", "d/M"], ["d MMMM yyyy", "d MMM yyyy"]),
    "pt_PT": (["dd/MM/yyyy", "dd-MM-yyyy", "d/M/yy"], ["d/M"], ["d 'de' MMMM 'de' yyyy", "d 'de' MMMM"]),
    "pt_BR": (["dd/MM/yyyy", "d/M/yyyy"], ["d/M"], ["d 'de' MMMM 'de' yyyy"]),
}

# Institutions: the language's words for health institutions around a town ({T}) or a surname ({S}).
INSTITUTIONS = {
    "de": ["Klinikum {T}", "Universitätsklinikum {T}", "Kreiskrankenhaus {T}", "Krankenhaus {T}",
           "St.-Elisabeth-Krankenhaus {T}", "Hautklinik {T}", "Praxis Dr. {S}", "MVZ {T}",
           "Städtisches Klinikum {T}", "Rehaklinik {T}"],
    "no": ["{T} sykehus", "Sykehuset i {T}", "{T} legesenter", "{T} legevakt", "Helse {T}",
           "{T} sjukehus", "{T} sykehjem", "{T} helsestasjon", "{T} DPS", "Universitetssykehuset i {T}"],
    "fr": ["CHU de {T}", "Centre hospitalier de {T}", "Hôpital {S}", "Clinique {S}", "CH de {T}",
           "Hôpital de {T}", "Clinique du Parc à {T}", "Centre de santé de {T}", "EHPAD {S}"],
    "en": ["{T} General Hospital", "{T} Medical Center", "St {S}'s Hospital", "{T} Community Hospital",
           "{T} Royal Infirmary", "{S} Memorial Hospital", "{T} Health Centre", "{T} Surgery",
           "{T} Nursing Home", "University Hospital {T}"],
    "es": ["Hospital Universitario de {T}", "Hospital General de {T}", "Centro de Salud {T}",
           "Hospital {S}", "Clínica {S}", "Complejo Hospitalario de {T}", "Hospital Comarcal de {T}",
           "Centro de Atención Primaria {T}"],
    "it": ["Ospedale di {T}", "Ospedale Civile di {T}", "Azienda Ospedaliera di {T}", "Policlinico di {T}",
           "Casa di Cura {S}", "Presidio Ospedaliero di {T}", "ASL di {T}", "Ospedale {S}",
           "Poliambulatorio di {T}"],
    "nl": ["Ziekenhuis {T}", "{T} Ziekenhuis", "Medisch Centrum {T}", "Huisartsenpraktijk {S}",
           "Gezondheidscentrum {T}", "Ziekenhuisgroep {T}", "Verpleeghuis {T}", "UMC {T}",
           "Huisartsenpost {T}"],
    "pt": ["Hospital de {T}", "Centro Hospitalar de {T}", "Centro de Saúde de {T}", "Hospital {S}",
           "Unidade de Saúde Familiar {T}", "Clínica {S}", "Hospital Distrital de {T}",
           "Unidade Local de Saúde de {T}"],
}


def kvnr(r):
    """A Krankenversichertennummer: a capital and nine digits, the last a check digit (GKV-Spitzenverband,
    Richtlinie Krankenversichertennummer: the letter as two digits, weights 1,2,..., digit sums, mod 10)."""
    letter = r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    digits = [r.randrange(10) for _ in range(8)]
    seq = [int(c) for c in f"{ord(letter) - 64:02d}"] + digits
    total = 0
    for i, d in enumerate(seq):
        p = d * (1 if i % 2 == 0 else 2)
        total += p // 10 + p % 10
    return letter + "".join(map(str, digits)) + str(total % 10)


def nhs_number(r):
    """An NHS number: nine digits and a modulus 11 check digit (NHS Data Dictionary), written 3 3 4."""
    while True:
        d = [r.randrange(10) for _ in range(9)]
        check = 11 - sum(x * (10 - i) for i, x in enumerate(d)) % 11
        if check == 11:
            check = 0
        if check != 10:
            s = "".join(map(str, d)) + str(check)
            return f"{s[:3]} {s[3:6]} {s[6:]}"


def nif_pt(r):
    """A Portuguese NIF: nine digits, the first 1-3, modulus 11 check digit (Autoridade Tributária)."""
    d = [r.choice([1, 2, 3])] + [r.randrange(10) for _ in range(7)]
    c = 11 - sum(x * (9 - i) for i, x in enumerate(d)) % 11
    return "".join(map(str, d)) + str(0 if c >= 10 else c)


class Values:
    """The identifying values of one note, each drawn once per placeholder."""

    def __init__(self, lang, fake, loc, r):
        self.lang, self.f, self.loc, self.r = lang, fake, loc, r
        self.dates = DATE_PATTERNS.get(loc) or DATE_PATTERNS[lang]
        self.babel = BABEL_OF.get(loc) or LOCALES[lang][1]

    def date_in(self, lo, hi):
        a, b = datetime.date(lo, 1, 1), datetime.date(hi, 12, 31)
        return a + datetime.timedelta(days=self.r.randrange((b - a).days))

    def fmt(self, d, patterns):
        return format_date(d, self.r.choice(patterns), locale=self.babel)

    def town(self):
        return self.f.city()

    def given(self):
        return self.f.first_name()

    def surname(self):
        return self.f.last_name()

    def person(self, sex=None):
        first = {"f": self.f.first_name_female, "m": self.f.first_name_male}.get(sex, self.f.first_name)()
        return f"{first} {self.f.last_name()}"

    def institution(self):
        pattern = self.r.choice(INSTITUTIONS[self.lang])
        return pattern.format(T=self.town(), S=self.surname())

    def phone(self):
        return self.f.phone_number()

    def national_id(self):
        r, loc = self.r, self.loc
        if loc == "de_DE":
            return kvnr(r) if r.random() < 0.6 else self.f.rvnr()
        if loc == "no_NO":
            s = self.f.ssn()
            return s if r.random() < 0.6 else f"{s[:6]} {s[6:]}"
        if loc == "fr_FR":
            s = self.f.ssn()
            return s if r.random() < 0.5 else f"{s[0]} {s[1:3]} {s[3:5]} {s[5:7]} {s[7:10]} {s[10:13]} {s[13:]}"
        if loc == "en_US":
            return self.f.ssn()
        if loc == "en_GB":
            return nhs_number(r)
        if loc == "es_ES":
            return r.choice([self.f.nif, self.f.nie, self.f.nuss])()
        if loc in ("it_IT", "nl_NL"):
            return self.f.ssn()
        if loc == "pt_PT":
            return nif_pt(r)
        if loc == "pt_BR":
            return self.f.cpf()
        raise KeyError(loc)

    def record_number(self):
        return self.f.numerify(self.r.choice(["########", "#######", "##-#####", "20##-######", "A#######"]))

    def email(self):
        return self.f.email()

    def street(self):
        return self.f.street_address().replace("\n", ", ").strip()

    def postcode(self):
        return self.f.postcode()


def maker(v, key):
    """The text and kind of one placeholder."""
    k = {
        "NAME": (lambda: v.person(), "name"), "PF": (lambda: v.person("f"), "name"),
        "PM": (lambda: v.person("m"), "name"), "DR": (lambda: v.person(), "name"),
        "SUR": (v.surname, "name"), "GIVEN": (v.given, "name"),
        "DATE": (lambda: v.fmt(v.date_in(2020, 2023), v.dates[0]), "date"),
        "DAY": (lambda: v.fmt(v.date_in(2020, 2023), v.dates[1]), "date"),
        "DATEL": (lambda: v.fmt(v.date_in(2020, 2023), v.dates[2]), "date"),
        "DOB": (lambda: v.fmt(v.date_in(1932, 2004), v.dates[0]), "date"),
        "TOWN": (v.town, "place"), "HOSP": (v.institution, "place"),
        "ADDR": (v.street, "address"), "PC": (v.postcode, "postcode"),
        "PHONE": (v.phone, "phone"), "EMAIL": (v.email, "email"),
        "NID": (v.national_id, "id"), "REC": (v.record_number, "id"),
    }[key]
    return k[0](), k[1]


PLACEHOLDER = re.compile(r"\{([A-Z]+)\}")


def render(template, v, out, spans):
    """Append one template to out (a list of strings), each placeholder's value labelled."""
    pos = sum(map(len, out))
    last = 0
    for m in PLACEHOLDER.finditer(template):
        out.append(template[last:m.start()])
        pos += m.start() - last
        text, kind = maker(v, m.group(1))
        out.append(text)
        spans.append({"start": pos, "end": pos + len(text), "kind": kind})
        pos += len(text)
        last = m.end()
    out.append(template[last:])


def note(lang, templates, fake, loc, r, idx):
    v = Values(lang, fake, loc, r)
    out, spans = [], []
    if r.random() < 0.6:  # a letter: a header, its body, a closing
        parts = [r.choice(templates["head"])] + r.sample(templates["body"], r.randint(5, 9)) + [r.choice(templates["close"])]
        seps = ["\n\n"] + [r.choice([" ", "\n"]) for _ in parts[2:-1]] + ["\n\n"]
    else:  # a note of the ward or the practice: lines of shorthand
        parts = r.sample(templates["note"], r.randint(4, 8))
        seps = ["\n"] * (len(parts) - 1)
    for i, part in enumerate(parts):
        render(part, v, out, spans)
        if i < len(seps):
            out.append(seps[i])
    return {"id": f"synth-{lang}-{idx:04d}", "lang": lang, "text": "".join(out), "spans": spans, "neutral": []}


def main():
    from synth_templates import TEMPLATES
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=27)
    ap.add_argument("--per-lang", type=int, default=60)
    ap.add_argument("--langs", default=",".join(LOCALES))
    ap.add_argument("--out", help="a folder for one file a language")
    args = ap.parse_args()
    for lang in args.langs.split(","):
        sink = open(os.path.join(args.out, f"synth-{lang}.jsonl"), "w", encoding="utf-8") if args.out else sys.stdout
        locs = LOCALES[lang][0]
        fakes = {}
        for loc in locs:
            fakes[loc] = Faker(loc)
            fakes[loc].seed_instance(f"{args.seed}-{loc}")
        r = random.Random(f"{args.seed}-{lang}")
        for i in range(args.per_lang):
            loc = locs[0] if len(locs) == 1 or r.random() < 0.6 else locs[1]
            row = note(lang, TEMPLATES[lang], fakes[loc], loc, r, i)
            sink.write(json.dumps(row, ensure_ascii=False) + "\n")
        if args.out:
            sink.close()


if __name__ == "__main__":
    # Some of Faker's locale lists are sets (it_IT's towns): their order, and so the draw, follows
    # Python's string hashing, which is seeded anew for every process unless PYTHONHASHSEED is set.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, PYTHONHASHSEED="0"))
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    main()
