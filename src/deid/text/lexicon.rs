//! The word lists, loaded once into one hash map of flags per lower-case word.
use super::*;
pub(super) use super::endings::Endings;


pub(super) const GIVEN: u32 = 1 << 0;
pub(super) const SURNAME: u32 = 1 << 1;
pub(super) const AMB_GIVEN: u32 = 1 << 2;
pub(super) const AMB_SURNAME: u32 = 1 << 3;
pub(super) const CITY: u32 = 1 << 4;
pub(super) const AMB_CITY: u32 = 1 << 5;
pub(super) const CLINICAL: u32 = 1 << 6;
pub(super) const ENGLISH: u32 = 1 << 7;
pub(super) const TITLE: u32 = 1 << 8;
pub(super) const RELATION: u32 = 1 << 9;
pub(super) const MONTH: u32 = 1 << 10;
pub(super) const COUNTRY: u32 = 1 << 11;
pub(super) const KNOWN: u32 = 1 << 12;
pub(super) const STOP: u32 = 1 << 13;
pub(super) const WEAKCTX: u32 = 1 << 14;
/// eponym of a disease or sign ("Graves", "Wilson"): a name only where the context says so
pub(super) const EPONYM: u32 = 1 << 15;
/// A word of a multi-word country name ("San" of "San Marino", "Martin" of "Saint Martin"): not a
/// country by itself; inside the whole name a token is marked `COUNTRY` where the text has it.
pub(super) const COUNTRY_PART: u32 = 1 << 16;
/// a spelled-out number of a day ("vingt-six", "quince")
pub(super) const NUMBER: u32 = 1 << 17;
/// a street type ("calle", "rue", "straße")
pub(super) const STREET: u32 = 1 << 18;
/// a word that names a hospital, clinic or ward ("hospital", "klinikum", "sykehus")
pub(super) const FACILITY: u32 = 1 << 19;
/// An ordinary word of a pack only in a spelling with accents ("marié", not "Marie"): the view
/// folds both to one key, but a name typed without accents is no such word.
pub(super) const ACCENTED_WORD: u32 = 1 << 20;
/// An ordinary word of a language pack (`words.txt`), one bit per pack from `LANG_SHIFT` up: not
/// an unknown word that could be a name, in a text written in that language (`names.rs` keeps
/// only the bit of the text's language). Its name and town flags are kept.
pub(super) const LANG_SHIFT: u32 = 21;
pub(super) const LANGS: u32 = !0 << LANG_SHIFT;
/// The bit of the pack at `index` in `packs::PACKS` (at most 11 packs: a test says so).
pub(super) fn lang_bit(index: usize) -> u32 {
    1u32.checked_shl(LANG_SHIFT + index as u32).unwrap_or(0)
}
/// The English pack's language bit (0 without an English pack).
pub(super) fn english_bit() -> u32 {
    packs::PACKS.iter().position(|p| p.lang == "en").map_or(0, lang_bit)
}
// (while building) a given name, surname or town from a language pack: decided at the end,
// when every list is in, whether it is one only where the context says so
const PACK_GIVEN: u8 = 1;
const PACK_SURNAME: u8 = 2;
const PACK_TOWN: u8 = 4;

pub(super) const NAME_ONLY: u32 = GIVEN | SURNAME;
pub(super) const ANY_NAME: u32 = GIVEN | SURNAME | AMB_GIVEN | AMB_SURNAME;

pub(super) const D_GIVEN: &str = include_str!("../data/given_names.txt");
pub(super) const D_SURNAMES: &str = include_str!("../data/surnames.txt");
pub(super) const D_AMBIG: &str = include_str!("../data/ambiguous_names.txt");
pub(super) const D_CITIES: &str = include_str!("../data/cities.txt");
pub(super) const D_AMBIG_CITIES: &str = include_str!("../data/ambiguous_cities.txt");
pub(super) const D_CLINICAL: &str = include_str!("../data/clinical_allow.txt");
pub(super) const D_EPONYMS: &str = include_str!("../data/eponyms.txt");
pub(super) const D_ENGLISH: &str = include_str!("../data/english_words.txt");
pub(super) const D_COUNTRIES: &str = include_str!("../data/countries.txt");

#[derive(Default, Clone, Copy)]
pub(super) struct FxHasher {
    pub(super) hash: u64,
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h = self.hash;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
        self.hash = h;
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.hash = (self.hash.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub(super) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

pub(super) fn data_lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A word of the lists as the view reads it (folded: `málaga` -> `malaga`); most are ASCII and
/// borrowed from the embedded lists.
pub(super) type Key = std::borrow::Cow<'static, str>;

/// The flags of the patterns' gates (`patterns::build_regexes`), which `flags_of_words` is asked for.
pub(super) const GATES: u32 = MONTH | NUMBER;

/// The lexicon's words and their flags, frozen once built: every key in one arena and an
/// open-addressed table of indices into it (about 30 bytes a word, against 40 and more in a hash
/// map of strings, whose table doubles as it grows: the places of GeoNames pushed it over).
pub(super) struct WordTable {
    /// the keys, one after another
    arena: String,
    /// where key `i` starts in `arena`; `ends[i]` where it ends (one vector: `ends[i] == starts[i + 1]`)
    bounds: Vec<u32>,
    /// `index + 1` of the key whose hash lands here first (linear probing), 0 for none, and its
    /// flags (beside it, where a lookup reads them: one cache line fewer a word); a power of two long
    slots: Vec<(u32, u32)>,
}

impl WordTable {
    fn hash(key: &[u8]) -> u64 {
        let mut h = FxHasher::default();
        h.write(key);
        // (FxHasher's low bits depend on the low bits of the bytes alone, which ASCII keys share:
        // the table probes by the low bits, so they are mixed with the high ones, MurmurHash3's
        // finaliser)
        let mut x = h.finish();
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        x ^ (x >> 33)
    }

    fn freeze(words: FxMap<Key, u32>) -> WordTable {
        let mut entries: Vec<(Key, u32)> = words.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let n = entries.len();
        let cap = (n * 2).next_power_of_two().max(16);
        let mut t = WordTable { arena: String::with_capacity(entries.iter().map(|e| e.0.len()).sum()), bounds: Vec::with_capacity(n + 1), slots: vec![(0, 0); cap] };
        t.bounds.push(0);
        for (i, (k, f)) in entries.iter().enumerate() {
            t.arena.push_str(k);
            t.bounds.push(u32::try_from(t.arena.len()).expect("the lexicon's keys fit in 4 GB"));
            let mut at = Self::hash(k.as_bytes()) as usize & (cap - 1);
            while t.slots[at].0 != 0 {
                at = (at + 1) & (cap - 1);
            }
            t.slots[at] = (i as u32 + 1, *f);
        }
        t
    }

    /// The shapes of the words with a flag of `flags`: for each first byte, bit `n` (at most 31)
    /// set where such a word is `n` bytes long.
    fn shapes(&self, flags: u32) -> [u32; 256] {
        let mut out = [0u32; 256];
        for &(i, _) in self.slots.iter().filter(|&&(i, f)| i != 0 && f & flags != 0) {
            let key = &self.arena.as_bytes()[self.bounds[i as usize - 1] as usize..self.bounds[i as usize] as usize];
            if let Some(&first) = key.first() {
                out[first as usize] |= 1 << key.len().min(31);
            }
        }
        out
    }

    #[inline]
    pub(super) fn get(&self, key: &str) -> Option<&u32> {
        let mask = self.slots.len() - 1;
        let mut at = Self::hash(key.as_bytes()) as usize & mask;
        loop {
            let (i, flags) = &self.slots[at];
            let i = *i as usize;
            if i == 0 {
                return None;
            }
            let (s, e) = (self.bounds[i - 1] as usize, self.bounds[i] as usize);
            if &self.arena.as_bytes()[s..e] == key.as_bytes() {
                return Some(flags);
            }
            at = (at + 1) & mask;
        }
    }
}

pub(super) struct Lexicon {
    pub(super) words: WordTable,
    /// the shapes of the words that have a flag of the patterns' gates (`GATES`,
    /// `WordTable::shapes`): a word of another shape has none, and is looked up in no table
    gate_shapes: [u32; 256],
    /// Multi-word city names (lower case), matched ASCII-case-insensitively.
    pub(super) multi_cities: AhoCorasick,
    /// Towns of several words that are each an English word ("Mountain View", "Salt Lake City",
    /// `ambiguous_cities.txt`): towns only after a word of place ("in", "from", `[places_after]`).
    pub(super) ambiguous_multi_cities: AhoCorasick,
    /// Multi-word country names (lower case), for address tails ("United Kingdom 75419").
    pub(super) multi_countries: Vec<Key>,
    /// The same, to mark their words in a text ("Costa Rica", "Czech Republic").
    pub(super) multi_countries_ac: AhoCorasick,
    /// The indices in `multi_countries` (in its order) of the names by their first word: the only
    /// ones a text may start with are those of its first word (`multi_countries_opening`).
    multi_countries_by_first: FxMap<Key, Vec<usize>>,
    /// Names and towns (lower case, as typed) that only their accents tell from an English word
    /// ("bašić" and "basic", "ján" and "jan"): the view keeps them as typed, so that they are
    /// looked up under their own key; the patterns match them both ways (`normalise::fold_pattern`).
    pub(super) kept: FxMap<&'static str, u32>,
    /// Keys that some list spells with accents ("education" from "éducation"): a word typed with
    /// accents that folds to one of them is that word.
    pub(super) accented: FxMap<Key, ()>,
    /// The word endings that only a language's ordinary words have (`[endings]` of its pack,
    /// folded), each with that language's word flag: an unknown word that ends with one is an
    /// ordinary word of the language ("Molécularistes", "Ventriculaire", "Behandlungen").
    endings: Endings,
    /// The one-word labels of record headers (`nhc`, `ipp`, `tel`), folded.
    labels: FxMap<Key, ()>,
    /// The words of a postal address that follow its town (`cedex`), folded.
    postal: FxMap<Key, ()>,
    /// The words that open the name of a saint, a mountain or a fort before a name (`st`, `mt`,
    /// `san`), folded: a note in one case has them before a name (`truecase.rs`).
    name_prefixes: FxMap<Key, ()>,
    /// The words that name hospitals and clinics (`[facilities]`, not `[wards]`), folded.
    hospitals: FxMap<Key, ()>,
    /// The words for the people of a pack's big towns ("lyonnais", "sevillano"), folded, with the
    /// bit of their pack's language: a town in a note in that language.
    demonyms: FxMap<Key, u32>,
    /// The bits of the languages that have any (a note in another language looks none up).
    demonym_langs: u32,
    /// The labels of record headers of more than one word (`date de naissance`, `n° dossier`),
    /// folded, by their first word.
    long_labels: FxMap<Key, Vec<Key>>,
}

/// An automaton of names of several words (folded), found in any ASCII case, leftmost and longest:
/// a DFA for a short list (a few hundred names: a table of a megabyte or so, scanned at a few
/// instructions a byte where the NFA took about forty), an NFA for a long one.
fn names_automaton(names: &[Key], start: StartKind) -> AhoCorasick {
    let kind = if names.len() <= 2_000 { AhoCorasickKind::DFA } else { AhoCorasickKind::ContiguousNFA };
    AhoCorasickBuilder::new()
        .kind(Some(kind))
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(start)
        .build(names.iter().map(|t| t.as_bytes()))
        .expect("an automaton of names")
}

impl Lexicon {
    pub(super) fn build() -> Lexicon {
        // the words of every list with their flags, then what the flags of a word that several lists
        // hold mean together, in this order
        let mut b = Building::default();
        b.words.reserve(240_000);
        let (mut multi, mut ambiguous_multi) = b.shared_lists();
        let multi_countries = b.countries();
        let (from_packs, plain_words) = b.packs(&mut multi);
        b.pack_sections();
        let kept = b.decide_accented(plain_words);
        b.decide_pack_names(&from_packs);
        let (labels, long_labels) = b.labels();
        b.settle(&kept);
        let Building { words, accented_keys, .. } = b;
        multi.sort_unstable();
        multi.dedup();
        // a pack's region list may hold a country ("Costa Rica"): countries are kept
        multi.retain(|t| !multi_countries.contains(t));
        // (searched anchored too: a capitalised town is looked for only where a capitalised word
        // starts, `Scrubber::multi_word_places`; an NFA's second start state costs little, where a
        // DFA's would double its table)
        let multi_cities = names_automaton(&multi, StartKind::Both);
        ambiguous_multi.retain(|t| !multi_countries.contains(t));
        let ambiguous_multi_cities = names_automaton(&ambiguous_multi, StartKind::Unanchored);
        let multi_countries_ac = names_automaton(&multi_countries, StartKind::Unanchored);
        let mut endings: FxMap<Key, u32> = FxMap::default();
        for (i, p) in packs::PACKS.iter().enumerate() {
            // English has no pack bit of its own: its ordinary words are the shared English list
            let bit = if p.lang == "en" { ENGLISH } else { lang_bit(i) };
            for e in packs::section_of(p, "endings").chain(packs::section_of(p, "medical_endings")) {
                *endings.entry(normalise::fold(e)).or_insert(0) |= bit;
            }
        }
        let endings = Endings::new(endings);
        let postal = packs::section("postal").map(|w| (normalise::fold(w), ())).collect();
        let name_prefixes = packs::section("name_prefixes").map(|w| (normalise::fold(w), ())).collect();
        let hospitals = packs::section("facilities").map(|w| (normalise::fold(w), ())).collect();
        let mut demonyms: FxMap<Key, u32> = FxMap::default();
        for (i, p) in packs::PACKS.iter().enumerate() {
            for w in packs::list_lines(p.demonyms) {
                *demonyms.entry(normalise::fold(w)).or_insert(0) |= lang_bit(i);
            }
        }
        let demonym_langs = demonyms.values().fold(0, |all, &bits| all | bits);
        let words = WordTable::freeze(words);
        let gate_shapes = words.shapes(GATES);
        let mut multi_countries_by_first: FxMap<Key, Vec<usize>> = FxMap::default();
        for (i, c) in multi_countries.iter().enumerate() {
            if let Some((first, _)) = c.split_once(' ') {
                multi_countries_by_first.entry(Key::Owned(first.to_owned())).or_default().push(i);
            }
        }
        Lexicon { words, gate_shapes, multi_cities, ambiguous_multi_cities, multi_countries, multi_countries_ac, multi_countries_by_first, kept, accented: accented_keys, endings, labels, postal, name_prefixes, hospitals, demonyms, demonym_langs, long_labels }
    }


    /// The flags that count in a note written in `text`'s language: every flag but the
    /// ordinary-word bits of the other packs. A word is ordinary in the language the note is
    /// written in: the pack whose ordinary words are the most frequent here, if they outnumber the
    /// English ones ("Sinai" is a German word, but not in an English note, where it is a name).
    /// The placeholders already in the text, `prot`, are left out; `words`, its tokens with their
    /// flags (`looked_up_words`, or none), spare a word that is one of them its own lookup.
    pub(super) fn language_of(&self, text: &str, prot: &[(usize, usize)], words: &[Tok]) -> u32 {
        let mut looked_up = super::words::LookedUp::new(text, words);
        let mut per_lang = [0u32; 32];
        let mut buf = String::with_capacity(32);
        // (the placeholders of an earlier pass are no English words: "Adresse: [ADDRESS]")
        // (an address on the web is in no language: "dr.hardy@aphp.com")
        // (bytes, not substring searches: this runs on every word of every pass)
        let web = |chunk: &&str| !is_web_address(chunk.as_bytes());
        for seg in outside(text, prot) {
            // the capitalised names after a title are no evidence of a language ("Contactez Dr
            // Roger Hardy", where "roger" and "hardy" are English words)
            let mut after_title = false;
            let mut vote = |w: &str| {
                let f = looked_up.flags(w).unwrap_or_else(|| {
                    lower_into(&mut buf, w);
                    self.get(without_clitic(&buf))
                });
                let named = after_title && f & ANY_NAME != 0 && w.starts_with(char::is_uppercase);
                after_title = f & TITLE != 0 || named;
                if named {
                    return;
                }
                let mut bits = f & (LANGS | ENGLISH);
                while bits != 0 {
                    per_lang[bits.trailing_zeros() as usize] += 1;
                    bits &= bits - 1;
                }
            };
            if seg.is_ascii() {
                // (the same words by bytes: what `char::is_whitespace` and `char::is_alphabetic` are in ASCII)
                // (a chunk of one byte holds no word of two)
                // (slices of the segment's bytes split at blanks, then at what is no letter or apostrophe)
                for chunk in seg.as_bytes().split(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')) {
                    if chunk.len() < 2 || is_web_address(chunk) {
                        continue;
                    }
                    for run in chunk.split(|&b| !(b.is_ascii_alphabetic() || b == b'\'')).filter(|run| run.len() >= 2) {
                        let at = run.as_ptr() as usize - seg.as_ptr() as usize;
                        vote(&seg[at..at + run.len()]);
                    }
                }
            } else {
                let words = seg.split_whitespace().filter(web).flat_map(|c| c.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’'));
                words.filter(|w| w.len() >= 2).for_each(&mut vote);
            }
        }
        let best = (LANG_SHIFT as usize..32).max_by_key(|&b| (per_lang[b], std::cmp::Reverse(b))).unwrap_or(31);
        let lang = if per_lang[best] > per_lang[ENGLISH.trailing_zeros() as usize] { 1u32 << best } else { 0 };
        !LANGS | lang
    }

    /// Which of the flags `wanted` the words of `text` have (words: runs of letters, lower-cased),
    /// read until all are found: the words' own flags, which are all `wanted` may hold (the
    /// patterns' gates, `MONTH` and `NUMBER`: `get` infers only a language's from an ending or a plural).
    pub(super) fn flags_of_words(&self, text: &str, wanted: u32) -> u32 {
        // (a word whose shape no word of the gates' flags has is none of them)
        let shaped = wanted & !GATES == 0;
        let may_have = |first: u8, len: usize| !shaped || self.gate_shapes[first as usize] & (1 << len.min(31)) != 0;
        let mut all = 0;
        let mut buf = String::with_capacity(32);
        let mut add = |w: &str| {
            lower_into(&mut buf, w);
            all |= self.words.get(&buf).copied().unwrap_or(0) & wanted;
            all == wanted
        };
        if text.is_ascii() {
            ascii_runs(text.as_bytes(), |b| b.is_ascii_alphabetic(), |s, e| may_have(text.as_bytes()[s].to_ascii_lowercase(), e - s) && add(&text[s..e]));
        } else {
            for w in text.split(|c: char| !c.is_alphabetic()).filter(|w| w.len() >= 2) {
                if add(w) {
                    break;
                }
            }
        }
        all
    }

    /// Whether the view keeps a word with accents (`lower`: lower case, as typed) unfolded: a
    /// name that only its accents tell from an English word ("ján", "jan"), or a word that folds
    /// to an English word that no list spells with accents ("bašić", "basic"): unknown, as typed,
    /// it may be a name; folded, it would be read as an ordinary word; or an unknown word whose
    /// ending looks medical only once folded.
    pub(super) fn keeps(&self, lower: &str) -> bool {
        if self.kept.contains_key(lower) {
            return true;
        }
        let key = normalise::fold(lower);
        let f = self.get(&key);
        // an unknown word that only folded has a medical-looking ending ("Lengliné", "lengline")
        if f == 0 && looks_medical(&key) && !looks_medical(lower) {
            return true;
        }
        // English only: a word of another language typed with accents is mostly a sibling
        // language's spelling ("oncología", Italian "oncologia")
        f & ENGLISH != 0
            && f & (CLINICAL | ANY_NAME | CITY | AMB_CITY | COUNTRY | MONTH | TITLE | STOP) == 0
            && !self.accented.contains_key(&*key)
    }

    /// The flags of a word (lower case, folded): the lists' own, or for a word no list holds, the
    /// languages whose ordinary-word endings it has.
    #[inline]
    pub(super) fn get(&self, lower: &str) -> u32 {
        match self.words.get(lower) {
            Some(&f) => f,
            None => self.by_ending(lower) | self.as_plural(lower),
        }
    }

    /// The multi-word country names that `head` (lower case) may start with, in the order of
    /// `multi_countries` (longest first): those whose first word is the text before its first space
    /// (one hash lookup, where comparing the text with every name cost a tenth of a scrub).
    pub(super) fn multi_countries_opening<'a>(&'a self, head: &str) -> impl Iterator<Item = &'a str> + 'a {
        let first = head.split_once(' ').and_then(|(first, _)| self.multi_countries_by_first.get(first));
        first.into_iter().flatten().map(|&i| &*self.multi_countries[i])
    }

    /// Whether a word (lower case, folded) is the label of a record header.
    pub(super) fn is_label(&self, lower: &str) -> bool {
        self.labels.contains_key(lower)
    }

    /// Whether `rest` starts with a record-header label of more than one word whose first word is
    /// `first` (lower case, folded): "Date de naissance 21/05/1956".
    pub(super) fn long_label_at(&self, first: &str, rest: &str) -> bool {
        let Some(labels) = self.long_labels.get(first) else {
            return false;
        };
        let head: String = rest.chars().take(32).flat_map(char::to_lowercase).collect();
        let head = normalise::fold(&head);
        labels.iter().any(|l| head.starts_with(&**l) && !head[l.len()..].starts_with(char::is_alphabetic))
    }

    /// Whether a word (lower case, folded) belongs to a postal address after its town (`cedex`).
    pub(super) fn is_postal(&self, lower: &str) -> bool {
        self.postal.contains_key(lower)
    }

    /// Whether a word (lower case, folded) opens a saint's, a mountain's or a fort's name (`st`, `mt`).
    pub(super) fn is_name_prefix(&self, lower: &str) -> bool {
        self.name_prefixes.contains_key(lower)
    }

    /// Whether a word (lower case, folded) names a hospital or a clinic (not a ward or a service).
    pub(super) fn is_hospital(&self, lower: &str) -> bool {
        self.hospitals.contains_key(lower)
    }

    /// The pack languages in which a word (lower case, folded) names the people of a town.
    pub(super) fn demonym_of(&self, lower: &str) -> u32 {
        self.demonyms.get(lower).copied().unwrap_or(0)
    }

    /// Whether a note that keeps the flags `keep` has a language with demonyms to look up.
    pub(super) fn has_demonyms(&self, keep: u32) -> bool {
        self.demonym_langs & keep != 0
    }

    /// The ordinary-word flags of an unknown word's singular ("chirurgies", "cliniciens"): the
    /// packs' lists are the most frequent words, and a plural is often rarer than its singular.
    fn as_plural(&self, lower: &str) -> u32 {
        let Some(stem) = lower.strip_suffix(['s', 'x']).filter(|s| s.len() >= 4) else { return 0 };
        self.words.get(stem).map_or(0, |&f| f & (LANGS | ENGLISH | CLINICAL | ACCENTED_WORD))
    }

    /// The languages an unknown word belongs to by its ending (three letters at least before it:
    /// "Ulnaire", not "Claire").
    pub(super) fn by_ending(&self, lower: &str) -> u32 {
        self.endings.of(lower).filter(|&(cut, _)| lower[..cut].chars().nth(2).is_some()).fold(0, |f, (_, bits)| f | bits)
    }
}

/// Whether a chunk of text between blanks is an address on the web: it holds an `@` or a `://`,
/// or starts with `www.` (one loop over its bytes: every chunk of every pass is read here).
fn is_web_address(b: &[u8]) -> bool {
    b.starts_with(b"www.") || b.iter().enumerate().any(|(i, &c)| c == b'@' || c == b':' && b[i + 1..].starts_with(b"//"))
}

/// Calls `word` with the bounds of each run of two or more bytes of `bytes` that are `in_word`, in
/// order, until it returns `true` (found what it looked for).
fn ascii_runs(bytes: &[u8], in_word: impl Fn(u8) -> bool, mut word: impl FnMut(usize, usize) -> bool) {
    let mut start = None;
    for (i, &b) in bytes.iter().enumerate() {
        match (in_word(b), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                if i - s >= 2 && word(s, i) {
                    return;
                }
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start.filter(|&s| bytes.len() - s >= 2) {
        word(s, bytes.len());
    }
}

/// The word table while it is built: every list's words with their flags (two words that fold to
/// one key, "malaga" and "málaga", share it: their flags are OR-ed), and the names and towns whose
/// accents alone told them from an ordinary word ("Márk" and "mark", "Çan" and "can"), decided at
/// the end as a pack's names are: one only where the context says so.
#[derive(Default)]
struct Building {
    words: FxMap<Key, u32>,
    accented: Vec<(&'static str, Key, u32)>,
    accented_keys: FxMap<Key, ()>,
}

impl Building {
    fn add(&mut self, w: &'static str, f: u32) {
        const STRONG: u32 = GIVEN | SURNAME | CITY;
        let k = normalise::fold(w);
        if matches!(k, Key::Owned(_)) {
            self.accented_keys.insert(k.clone(), ());
        }
        if matches!(k, Key::Owned(_)) && f & STRONG != 0 {
            self.accented.push((w, k.clone(), f & STRONG));
            *self.words.entry(k).or_insert(0) |= f & !STRONG;
        } else {
            *self.words.entry(k).or_insert(0) |= f;
        }
    }

    /// The shared lists (`data/*.txt`): English words, names, eponyms, towns; returns the towns of
    /// several words, and those of them whose words are all English words.
    fn shared_lists(&mut self) -> (Vec<Key>, Vec<Key>) {
        for w in data_lines(D_ENGLISH) {
            self.add(w, ENGLISH);
        }
        for w in data_lines(D_GIVEN) {
            self.add(w, GIVEN);
        }
        for w in data_lines(D_SURNAMES) {
            self.add(w, SURNAME);
        }
        for l in data_lines(D_AMBIG) {
            let (w, fl) = l.split_once('\t').unwrap_or((l, "FL"));
            let mut f = 0;
            if fl.contains('F') {
                f |= AMB_GIVEN;
            }
            if fl.contains('L') {
                f |= AMB_SURNAME;
            }
            self.add(w, f);
        }
        for w in data_lines(D_EPONYMS) {
            self.add(w, AMB_SURNAME | EPONYM);
        }
        (self.towns(D_CITIES, CITY), self.towns(D_AMBIG_CITIES, AMB_CITY))
    }

    /// The towns of one word of a list with `flag`; returns those of several words, folded.
    fn towns(&mut self, list: &'static str, flag: u32) -> Vec<Key> {
        let mut multi: Vec<Key> = Vec::new();
        for w in data_lines(list) {
            if w.contains(' ') {
                multi.push(normalise::fold(w));
            } else {
                self.add(w, flag);
            }
        }
        multi
    }

    /// The names of countries, English and each pack's; returns those of several words, longest first.
    fn countries(&mut self) -> Vec<Key> {
        let mut multi_countries: Vec<Key> = data_lines(D_COUNTRIES).filter(|w| w.contains(' ')).map(normalise::fold).collect();
        // common forms missing from the list (`[country_forms]`)
        multi_countries.extend(packs::PACKS.iter().flat_map(|p| packs::section_lines(p, "country_forms")).map(Key::Borrowed));
        // countries that are also a word of a longer name ("Guinea", "Papua New Guinea": `[whole_countries]`)
        let whole: Vec<&str> = packs::section("whole_countries").collect();
        for w in data_lines(D_COUNTRIES).filter(|w| !w.contains(' ')) {
            let part = multi_countries.iter().any(|m| m.split(' ').any(|p| p == normalise::fold(w)));
            self.add(w, if part && !whole.contains(&w) { COUNTRY_PART } else { COUNTRY });
        }
        // each language's names of countries ("Espagne", "Alemania", "Corée du Sud")
        for w in packs::PACKS.iter().flat_map(|p| packs::list_lines(p.countries)) {
            if w.contains(' ') {
                multi_countries.push(normalise::fold(w));
            } else {
                self.add(w, COUNTRY);
            }
        }
        multi_countries.sort_unstable();
        multi_countries.dedup();
        multi_countries.sort_by_key(|w| std::cmp::Reverse(w.len()));
        for w in data_lines(D_CLINICAL) {
            self.add(w, CLINICAL);
            // the drug's name as the packs' languages spell the INN ("Methotrexat", "metotreksat")
            for v in packs::inn_spellings(w) {
                *self.words.entry(Key::Owned(normalise::fold(&v).into_owned())).or_insert(0) |= CLINICAL;
            }
        }
        multi_countries
    }

    /// Each pack's ordinary words (one bit per language), its names and towns (decided in
    /// `decide_pack_names`), and its dotted titles; its towns of several words go to `multi`. Returns
    /// the packs' names and towns and the ordinary words spelled without accents.
    fn packs(&mut self, multi: &mut Vec<Key>) -> (FxMap<Key, u8>, Vec<&'static str>) {
        // the language packs: the same flags, from every language
        let mut from_packs: FxMap<Key, u8> = FxMap::default();
        let mut plain_words: Vec<&'static str> = Vec::new();
        for (i, p) in packs::PACKS.iter().enumerate() {
            // a title written as an initial and its dot ("M." for Monsieur) is one only in a note in
            // its pack's language; elsewhere the letter is an initial ("J. M. Smith")
            for w in packs::section_of(p, "titles").filter(|w| w.len() == 2 && w.ends_with('.')) {
                self.add(w, TITLE | lang_bit(i));
            }
            // its articles are ordinary words of it, whatever a town elsewhere is called ("Eine")
            for w in packs::section_of(p, "noun_determiners") {
                self.add(w, lang_bit(i));
            }
            for w in packs::list_lines(p.words) {
                let plain = w.is_ascii();
                self.add(w, lang_bit(i) | if plain { 0 } else { ACCENTED_WORD });
                if plain {
                    plain_words.push(w);
                }
            }
            let mut pack = |w: &'static str, f: u8| *from_packs.entry(normalise::fold(w)).or_insert(0) |= f;
            for w in packs::list_lines(p.given) {
                pack(w, PACK_GIVEN);
            }
            for w in packs::list_lines(p.surnames) {
                pack(w, PACK_SURNAME);
            }
            for w in packs::list_lines(p.towns).chain(packs::list_lines(p.places)) {
                if w.contains(' ') {
                    multi.push(normalise::fold(w));
                } else {
                    pack(w, PACK_TOWN);
                }
                // a town of several words joined by hyphens is also typed with spaces
                // ("Nogent sur Marne", "Jouy en Josas")
                if w.matches('-').count() >= 2 {
                    multi.push(Key::Owned(normalise::fold(w).replace('-', " ")));
                }
            }
        }
        (from_packs, plain_words)
    }

    /// The word classes of the packs' `terms.txt` sections.
    fn pack_sections(&mut self) {
        for (sec, f) in [("relations", RELATION), ("months", MONTH), ("weekdays", MONTH), ("calendar_words", MONTH), ("stops", STOP), ("numbers", NUMBER), ("streets", STREET), ("facilities", FACILITY), ("wards", FACILITY), ("places_after", WEAKCTX), ("clinical", CLINICAL), ("health_plans", CLINICAL)] {
            for w in packs::section(sec) {
                self.add(w, f);
            }
        }
        // each pack's generated clinical lexicon (`build_clinical.py`: "hypertonie", "kortikosteroide")
        for w in packs::PACKS.iter().flat_map(|p| packs::list_lines(p.clinical)) {
            self.add(w, CLINICAL);
        }
        // the words that make a fraction a score or a measure are clinical too ("2/8 joints"), not
        // the short ones among them: particles ("3/4 of") and acronyms that are also given names
        // ("EVA 7/10", "Éva")
        for w in packs::section("scores").chain(packs::section("measures")).filter(|w| w.chars().count() >= 4) {
            self.add(w, CLINICAL);
        }
        for w in packs::section("titles").filter(|w| !w.ends_with('.')) {
            self.add(w, TITLE);
        }
    }

    /// The accented names and towns, against the ordinary words; returns those kept as typed.
    fn decide_accented(&mut self, plain_words: Vec<&'static str>) -> FxMap<&'static str, u32> {
        // a word some pack also spells without accents is an ordinary word however it is typed
        for w in plain_words {
            if let Some(f) = self.words.get_mut(w) {
                *f &= !ACCENTED_WORD;
            }
        }
        let mut kept: FxMap<&'static str, u32> = FxMap::default();
        for (typed, w, strong) in std::mem::take(&mut self.accented) {
            let f = self.words.entry(w).or_insert(0);
            if *f & (ENGLISH | LANGS | CLINICAL | MONTH | TITLE | STOP | COUNTRY | COUNTRY_PART) != 0 {
                *f |= if strong & GIVEN != 0 { AMB_GIVEN } else { 0 } | if strong & SURNAME != 0 { AMB_SURNAME } else { 0 }
                    | if strong & CITY != 0 { AMB_CITY } else { 0 };
                // an English word: the accents are the name's ("Bašić" is not "basic"); in another
                // language's words the accented form is likely that language's word too
                if *f & (ENGLISH | MONTH | TITLE | STOP) != 0 && *f & (CLINICAL | LANGS) == 0 {
                    *kept.entry(typed).or_insert(0) |= strong;
                }
            } else {
                *f |= strong;
            }
        }
        kept
    }

    fn decide_pack_names(&mut self, from_packs: &FxMap<Key, u8>) {
        // A pack's name or town that is also an ordinary word, or that the shared lists call
        // ambiguous ("Hope", "Parkinson"), is one only where the context says so.
        for (w, &p) in from_packs {
            let f = self.words.entry(w.clone()).or_insert(0);
            let ordinary = *f & (ENGLISH | LANGS | AMB_GIVEN | AMB_SURNAME | EPONYM | MONTH | TITLE | COUNTRY | COUNTRY_PART) != 0;
            if p & PACK_GIVEN != 0 && *f & GIVEN == 0 {
                *f |= if ordinary { AMB_GIVEN } else { GIVEN };
            }
            if p & PACK_SURNAME != 0 && *f & SURNAME == 0 {
                *f |= if ordinary { AMB_SURNAME } else { SURNAME };
            }
            // a town that is also a name ("Muris") stays a name: names have the richer context rules
            if p & PACK_TOWN != 0 && *f & (CITY | ANY_NAME) == 0 {
                *f |= if ordinary || *f & AMB_CITY != 0 { AMB_CITY } else { CITY };
            }
        }
    }

    /// The record headers' labels: those of one word, and those of several by their first word.
    fn labels(&mut self) -> (FxMap<Key, ()>, FxMap<Key, Vec<Key>>) {
        // The one-word labels of record headers ("Médico:", "Medico:") are labels, not names: a
        // surname or town of the shared lists with the same key is one only where the context
        // says so. Given names stay ("Signe", "Ville"): their rules are stricter already.
        let mut labels: FxMap<Key, ()> = FxMap::default();
        let mut long_labels: FxMap<Key, Vec<Key>> = FxMap::default();
        for (label, _) in packs::labels() {
            let k = normalise::fold(label);
            if let Some((first, _)) = k.split_once(' ') {
                long_labels.entry(Key::Owned(first.to_owned())).or_default().push(k.clone());
            }
            if !label.contains(' ') {
                labels.insert(k.clone(), ());
            }
            if let Some(kf) = self.words.get_mut(&*k).filter(|_| !label.contains(' ')) {
                if *kf & (SURNAME | CITY) != 0 && *kf & GIVEN == 0 {
                    *kf = (*kf & !(SURNAME | CITY)) | if *kf & SURNAME != 0 { AMB_SURNAME } else { 0 } | if *kf & CITY != 0 { AMB_CITY } else { 0 };
                }
            }
            // a label of one word that no list knows ("Versichertennummer", "Aufnahmenummer") is
            // a word that stays wherever it stands, not an unknown capitalised word (a name)
            if !label.contains(' ') && !label.ends_with('.') && label.chars().count() >= 5 && !self.words.contains_key(&*k) {
                self.words.insert(Key::Owned(k.clone().into_owned()), CLINICAL);
            }
        }
        (labels, long_labels)
    }

    /// The accented names kept as typed, and what no clinical, month or title word may be.
    fn settle(&mut self, kept: &FxMap<&'static str, u32>) {
        for (&w, &f) in kept {
            *self.words.entry(Key::Borrowed(w)).or_insert(0) |= f;
        }
        // Clinical words are never names or places by themselves; name-only lists must not
        // contain English words that the lists marked as such.
        for f in self.words.values_mut() {
            if *f & CLINICAL != 0 {
                *f &= !(GIVEN | SURNAME | CITY);
            }
            if *f & (MONTH | TITLE) != 0 && *f & NAME_ONLY != 0 {
                let n = *f & NAME_ONLY;
                *f = (*f & !NAME_ONLY) | if n & GIVEN != 0 { AMB_GIVEN } else { 0 }
                    | if n & SURNAME != 0 { AMB_SURNAME } else { 0 };
            }
        }
    }
}

