//! Lists the scrubber's language packs: every folder under src/deid/data/ is one language, and
//! adding a language is adding a folder. Writes `$OUT_DIR/language_packs.rs`, which embeds each
//! pack's files with `include_str!` (a missing file is an empty list), so the binary carries them.
//! Lists the translations the same way: every folder under locales/ is one language, and each of
//! its `.ftl` files is embedded (`$OUT_DIR/locales.rs`, read by `src/i18n/catalog.rs`).
use std::{env, fs, path::Path};

const FILES: &[&str] = &["terms", "given", "surnames", "towns", "words", "countries", "demonyms", "formats", "places", "holidays", "ages", "clinical"];

fn main() {
    locales();
    let data = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("src/deid/data");
    println!("cargo:rerun-if-changed={}", data.display());
    let mut langs: Vec<_> = fs::read_dir(&data)
        .expect("src/deid/data")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.path())
        .collect();
    langs.sort();
    // The packs' languages alone, for the intake's check of a note's script (`src/i18n/script.rs`).
    let names: Vec<String> = langs.iter().map(|d| format!("{:?}", d.file_name().unwrap().to_string_lossy())).collect();
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("pack_languages.rs"), format!("&[{}]\n", names.join(", "))).expect("write pack_languages.rs");
    let mut out = String::from("&[\n");
    for dir in &langs {
        println!("cargo:rerun-if-changed={}", dir.display());
        out += &format!("    Pack {{ lang: {:?}", dir.file_name().unwrap().to_string_lossy());
        for f in FILES {
            let p = dir.join(format!("{f}.txt"));
            if p.exists() {
                println!("cargo:rerun-if-changed={}", p.display());
                out += &format!(", {f}: include_str!({:?})", p.display().to_string());
            } else {
                out += &format!(", {f}: \"\"");
            }
        }
        out += " },\n";
    }
    out += "]\n";
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("language_packs.rs"), out).expect("write language_packs.rs");
}

fn locales() {
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut langs: Vec<_> = fs::read_dir(&root).expect("locales/").filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_dir()).collect();
    langs.sort();
    let mut out = String::from("&[\n");
    for dir in &langs {
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = fs::read_dir(dir).expect("a locale folder").filter_map(|e| e.ok()).map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl")).collect();
        files.sort();
        out += &format!("    ({:?}, &[", dir.file_name().unwrap().to_string_lossy());
        for f in &files {
            println!("cargo:rerun-if-changed={}", f.display());
            out += &format!("({:?}, include_str!({:?})), ", f.file_name().unwrap().to_string_lossy(), f.display().to_string());
        }
        out += "]),\n";
    }
    out += "]\n";
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("locales.rs"), out).expect("write locales.rs");
}
