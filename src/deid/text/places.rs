//! Places and institutions in the pattern table: saints' names, a facility or a ward and its name,
//! a place after a word of place, a town and its US state. Their checks are in `checks.rs`.
use super::*;

/// The words of a pack section that name facilities (`facilities`, `wards`): in any case ("à
/// l'hopital Paul Brousse"), those of three letters only in capitals ("CHU Kremlin-Bicetre", not "chu").
fn pack_facilities_re(section: &str) -> String {
    let (mut long, mut short): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    for w in packs::section(section) {
        match w.chars().count() {
            // an acronym ("CH", "GH", "CHU") only in capitals
            0..=1 => {}
            2..=3 => short.push(regex::escape(&w.to_uppercase())),
            _ => long.push(regex::escape(w)),
        }
    }
    for list in [&mut long, &mut short] {
        list.sort_by_key(|w| std::cmp::Reverse(w.len()));
        list.dedup();
    }
    let long = format!("(?i:{})", long.join("|"));
    if short.is_empty() { format!("(?:{long})") } else { format!("(?:{long}|{})", short.join("|")) }
}

/// The place patterns of the table: saints' names, facilities and wards by their words, places after a word of place.
pub(super) fn add_place_patterns(add: &mut Add) {
    use Placeholder::*;
    let capw = CAPITALISED;
    // the words that end an institution's name, its names before them ("Mercy Hospital")
    // (and those that end a subdivision's name, the same way: "Cook County", "Bergen kommune")
    let fac = format!("(?:{}|{})", packs::lines_re("institution_ends"), packs::lines_re("region_ends"));
    add(
        &format!(r"\b(?:St|ST|Saint|SAINT|Sankt|San|Santa|Ste)\.?[ \t]+{capw}(?:[ \t]+{capw}){{0,3}}"),
        Place,
        0,
        Check::Saint,
        None,
    );
    add(
        &format!(r"\b(?:\p{{Lu}}[\p{{L}}'’.&-]*[ \t]+){{1,4}}{fac}\b"),
        Place,
        0,
        Check::Facility,
        None,
    );
    add(r"\b(?i:ward)[ \t]+(?:\d{1,3}[A-Za-z]?|[A-Z]\d{0,2}[A-Za-z]?)\b", Place, 0, Check::None, None);
    // a facility named by generic words and its town is a name: "Children's Hospital of [PLACE]",
    // "Children's Hospital, [NAME]", "our [NAME] facility" (the town was taken for a name)
    add(
        &format!(r"\b(?:\p{{Lu}}[\p{{L}}'’.&-]*[ \t]+){{0,3}}(?:{fac}|Facility)(?:[ \t]+(?i:of|in|at)[ \t]+|,[ \t]*)\[(?:PLACE|NAME)\]|\[(?:PLACE|NAME)\][ \t]+(?:{fac}|facility|Facility)\b"),
        Place,
        0,
        Check::NamedFacility,
        Some("["),
    );
    // generic words before a hospital already replaced: "Children's [PLACE]", "University [PLACE]"
    add(r"\b((?:\p{Lu}[\p{L}'’.&-]*[ \t]+){1,3})\[PLACE\]", Place, 1, Check::GenericWords, Some("[PLACE]"));
    add(&format!(r"\b({capw})[ \t]+(?:Ward|WARD)\b"), Place, 0, Check::NamedWard, None);
    // capitalised words after a phrase of place (`[place_contexts]`: "seen at", "transferred from")
    let contexts = packs::lines_re("place_contexts");
    add(
        &format!(r"{contexts}[ \t]+(?:(?i:the|our)[ \t]+)?({capw}(?:[ \t]+{capw}){{0,3}})"),
        Place,
        1,
        Check::ContextPlace,
        None,
    );
    // a place after at / from / near / in, its article or "our" perhaps between: a run of
    // capitalised words with one the lexicon does not know or knows as a town ("at Cedar Sinai",
    // "from UCSF", "near Fairfield", "at the NY Presbyterian", "in NYU Langone")
    add(
        &format!(r"\b(?:at|from|near|in|At|From|Near|In)[ \t]+(?:(?i:the|our)[ \t]+)?((?:(?:Mt|St|Ft)\.[ \t]*)?(?:{capw}|&)(?:[ \t]+(?:{capw}|&|of|de|del)){{0,4}})"),
        Place,
        1,
        Check::PrepositionPlace,
        None,
    );
}

/// A facility's name after its facility word, a hospital's name in one compound word, a town and its US state.
pub(super) fn add_facility_name_patterns(add: &mut Add) {
    use Placeholder::*;
    // (and the packs' `[facility_particles]`: "Sykehuset i Vestfold", "Sykehuset på Gjøvik")
    let part = format!("(?:{PARTICLE}|{})", packs::words_re("facility_particles"));
    let states = postcodes::US_STATES;
    // a facility word before its name: "Hôpital Tenon", "Hospital Universitario San Juan de
    // Alicante", "Centre hospitalier Prince William", "Clínica Corachán"
    // (the facility word stays: "Hôpital [PLACE]", "Service de [PLACE]")
    // (a name may hold its people's initials: "GH A.CHENEVIER-H.MONDOR"; a dot only between
    // letters, and `capitalised_words` reads no dotted abbreviation, "O.R.L.", as a name; the
    // class stays small: the lazy automaton's states of this pattern are many already)
    let fname = r"\p{Lu}(?:[\p{L}'’-]|\.\p{L})*";
    for (section, check) in [("facilities", Check::FacilityName), ("wards", Check::WardName)] {
        let words = pack_facilities_re(section);
        add(
            &format!(r"\b{words}[ \t]+((?:\p{{Ll}}{{3,}}[ \t]+)?(?:{part}[ \t]+|[dlDL]['’])*{fname}(?:[ \t]+(?:(?:{part}[ \t]+|[dlDL]['’])*{fname})){{0,4}})"),
            Place,
            1,
            check,
            None,
        );
    }
    // a hospital's name and its facility word in one compound, the Germanic way: "Rikshospitalet",
    // "Antoniusziekenhuis", "Elisabethkrankenhaus", or its name before such a compound in lower
    // case: "Haukeland universitetssjukehus"
    let compounds: Vec<String> = packs::section("facilities").filter(|w| w.chars().count() >= 7).map(|w| regex::escape(&w.to_lowercase())).collect();
    let compounds = compounds.join("|");
    add(&format!(r"\b(?:\p{{Lu}}\p{{Ll}}{{2,}}|\p{{Lu}}\p{{L}}+[ \t]+\p{{Ll}}{{3,}})(?:{compounds})\b"), Place, 0, Check::None, None);
    // a town and a US state: "Houston, TX", "Cedar Rapids, IA"
    add(&format!(r"\b((?:\p{{Lu}}[\p{{L}}.'’-]*[ \t]+){{0,2}}\p{{Lu}}[\p{{L}}.'’-]*,[ \t]*(?:{states}))\b"), Place, 1, Check::TownState, None);
}
