//! Lists the scrubber's language packs: every folder under src/deid/data/ is one language, and
//! adding a language is adding a folder. Writes `$OUT_DIR/language_packs.rs`, which embeds each
//! pack's files with `include_str!` (a missing file is an empty list), so the binary carries them.
use std::{env, fs, path::Path};

const FILES: &[&str] = &["terms", "given", "surnames", "towns", "words", "countries", "demonyms", "formats"];

fn main() {
    let data = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("src/deid/data");
    println!("cargo:rerun-if-changed={}", data.display());
    let mut langs: Vec<_> = fs::read_dir(&data)
        .expect("src/deid/data")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.path())
        .collect();
    langs.sort();
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
