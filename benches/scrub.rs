//! Throughput benchmark for the free-text scrubber (not a test; plain std::time loop).
//!
//! `cargo bench --bench scrub`            human-readable figures
//! `cargo bench --bench scrub -- --json`  one JSON object (used by bench/scrub_compare.sh)
//! `... -- --pattern-costs [FILE.jsonl]` the slowest patterns of the table on these texts (or on the
//!                                        `text` of each line of a labelled JSONL file)
//! `... -- --flags WORD...`              the lexicon's flags of each word
//! `... -- --stdin`                       a filter for bench/scrub_devscore.py: each line of stdin a JSON
//!                                        string (a note), each line of stdout the scrubbed note; a line
//!                                        may also be `{"notes": ..., "known": [...]}`, a note with its
//!                                        form's identifying values (to compare two builds' output)
//! `... -- --json --baseline-spans F`     also the recall of a baseline whose detected spans are in F
//!                                        (JSON lines `{"text": ..., "spans": [[start, end], ...]}`,
//!                                        character offsets), measured with the same metric
//!
//! Texts: every `form.notes` of ../shared/corpus/phi-canaries.jsonl and every `full_text` of
//! ../shared/corpus/external/presidio-synth-v2.json, scrubbed on one thread.
use std::time::{Duration, Instant};

use dermreg::deid::text::{eval, Scrubber};

fn corpus(rel: &str) -> String {
    let p = dermreg::deid::test_corpus(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Strict recall (%) on presidio-synth-v2 (all records) and on the held-out odd records of
/// presidio-synth v1, given the byte ranges `replaced` says were replaced in each text.
fn synth_recall(scrubber: &Scrubber, v2: &[eval::Labelled], v1: &[eval::Labelled], replaced: impl Fn(&eval::Labelled) -> Vec<(usize, usize)>) -> [(f64, f64); 2] {
    let pct = |t: eval::Tally| (100.0 * t.strict as f64 / t.total.max(1) as f64, 100.0 * t.lenient as f64 / t.total.max(1) as f64);
    [
        pct(eval::recall(scrubber, v2.iter().enumerate(), &replaced, false).all()),
        pct(eval::recall(scrubber, v1.iter().enumerate().filter(|(i, _)| i % 2 == 1), &replaced, false).all()),
    ]
}

/// A baseline's detected spans, by text, as byte ranges.
fn baseline_spans(path: &str) -> std::collections::HashMap<String, Vec<(usize, usize)>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("baseline spans line");
            let t = v["text"].as_str().unwrap_or_default().to_owned();
            let to_byte = eval::char_to_byte(&t);
            let spans = v["spans"]
                .as_array()
                .map(|a| a.as_slice())
                .unwrap_or_default()
                .iter()
                .filter_map(|p| Some((*to_byte.get(p[0].as_u64()? as usize)?, *to_byte.get(p[1].as_u64()? as usize)?)))
                .collect();
            (t, spans)
        })
        .collect()
}

/// Resident memory of this process in kB (Linux `/proc/self/status`), if known.
fn rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find_map(|l| l.strip_prefix("VmRSS:")).and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// CPU time (user + system) this thread has used, in seconds (Linux `/proc/thread-self/stat`, in
/// clock ticks of 1/100 s), if known: the machine is shared, and wall time counts the other
/// processes' turns too.
fn thread_cpu_s() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // (the fields after the command's name in brackets, which may hold spaces)
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}

/// Scrubs each JSON-string line of stdin (no known values, as `cases:validate` with a form that
/// carries none), or each `{"notes": ..., "known": [...]}` line with its known values, and writes
/// the result as a JSON-string line.
fn filter_stdin() {
    use std::io::{BufRead, Write};
    let scrubber = Scrubber::new();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in std::io::stdin().lock().lines() {
        let line: serde_json::Value = serde_json::from_str(&line.expect("stdin")).expect("a JSON value a line");
        let note = line.as_str().or_else(|| line["notes"].as_str()).expect("a note");
        let known: Vec<&str> = line["known"].as_array().map_or(Vec::new(), |k| k.iter().filter_map(|v| v.as_str()).collect());
        serde_json::to_writer(&mut out, &scrubber.scrub(note, &known).text).expect("stdout");
        out.write_all(b"\n").and_then(|_| out.flush()).expect("stdout");
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "--stdin") {
        return filter_stdin();
    }
    if let Some(i) = args.iter().position(|a| a == "--flags") {
        let scrubber = Scrubber::new();
        args[i + 1..].iter().for_each(|w| println!("{}", scrubber.word_flags(w)));
        return;
    }
    let json = args.iter().any(|a| a == "--json");
    let baseline = args.iter().position(|a| a == "--baseline-spans").and_then(|i| args.get(i + 1)).map(|p| baseline_spans(p));
    let rss_before = rss_kb();
    let t0 = Instant::now();
    let scrubber = Scrubber::new();
    let build_ms = t0.elapsed().as_secs_f64() * 1e3;
    let scrubber_mb = rss_kb().zip(rss_before).map(|(a, b)| a.saturating_sub(b) as f64 / 1024.0);

    // the canary notes, each with its form's identifying values (what intake passes the scrubber)
    let cases: Vec<(eval::Canary, Vec<String>)> = eval::parse_canaries(&corpus("phi-canaries.jsonl"))
        .expect("canary corpus")
        .into_iter()
        .map(|c| {
            let known = c.known_values();
            (c, known)
        })
        .collect();
    // labelled text in formats the canary corpus does not show
    let v2 = eval::parse_presidio(&corpus("external/presidio-synth-v2.json")).expect("presidio-synth-v2");
    let v1_path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/presidio-synth-v1.json");
    let v1 = eval::parse_presidio(&std::fs::read_to_string(v1_path).expect("presidio-synth v1")).expect("presidio-synth v1");
    let ptexts: Vec<&str> = v2.iter().map(|r| r.text.as_str()).collect();
    if args.iter().any(|a| a == "--pattern-costs") {
        // texts of a labelled JSONL file when one is named after the flag, else the corpus's
        let i = args.iter().position(|a| a == "--pattern-costs").unwrap_or(0);
        let own: Vec<String> = args.get(i + 1).map_or_else(Vec::new, |path| {
            let lines = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
            lines.lines().filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok()?["text"].as_str().map(str::to_owned)).collect()
        });
        let texts: Vec<&str> = if own.is_empty() {
            cases.iter().map(|(c, _)| c.notes()).chain(ptexts.iter().copied()).collect()
        } else {
            own.iter().map(String::as_str).collect()
        };
        for (secs, pat) in scrubber.pattern_costs(&texts).iter().take(30) {
            println!("{:8.1} ms  {pat}", secs * 1e3);
        }
        return;
    }

    let [ours_v2, ours_v1] = synth_recall(&scrubber, &v2, &v1, |r| eval::scrubber_spans(&scrubber, &r.text));
    let theirs = baseline.as_ref().map(|b| synth_recall(&scrubber, &v2, &v1, |r| b.get(&r.text).cloned().unwrap_or_default()));

    // quality on the canary corpus: with the form's known values (service behaviour) and without
    let mut q = [(0usize, 0usize, 0usize, 0usize); 2];
    for (c, known) in &cases {
        let known: Vec<&str> = known.iter().map(String::as_str).collect();
        for (i, k) in [known.as_slice(), &[][..]].iter().enumerate() {
            let out = scrubber.scrub(c.notes(), k).text;
            let lo = out.to_lowercase();
            for can in c.canaries.iter().filter(|can| c.notes().to_lowercase().contains(&can.to_lowercase())) {
                q[i].1 += 1;
                if !lo.contains(&can.to_lowercase()) {
                    q[i].0 += 1;
                }
            }
            for m in &c.must_keep {
                q[i].3 += 1;
                if out.contains(m.as_str()) {
                    q[i].2 += 1;
                }
            }
        }
    }

    // throughput: notes (with their known values) + presidio texts, repeated for >= 3 s
    let bytes_per_round: usize = cases.iter().map(|(c, _)| c.notes().len()).sum::<usize>() + ptexts.iter().map(|t| t.len()).sum::<usize>();
    let texts_per_round = cases.len() + ptexts.len();
    let mut rounds = 0usize;
    let mut sink = 0usize;
    let start = Instant::now();
    let cpu0 = thread_cpu_s();
    while start.elapsed() < Duration::from_secs(3) || rounds < 2 {
        for (c, known) in &cases {
            let known: Vec<&str> = known.iter().map(String::as_str).collect();
            sink += scrubber.scrub(c.notes(), &known).text.len();
        }
        for t in &ptexts {
            sink += scrubber.scrub(t, &[]).text.len();
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let notes_per_s = (rounds * texts_per_round) as f64 / secs;
    let mb_per_s = (rounds * bytes_per_round) as f64 / secs / 1e6;
    // the same per second of this thread's CPU time: one core's throughput, whatever the load
    let cpu_mb_per_s = thread_cpu_s().zip(cpu0).map(|(b, a)| (rounds * bytes_per_round) as f64 / (b - a).max(0.01) / 1e6);
    // canary notes alone (the measure the Python baseline reports)
    let start2 = Instant::now();
    let mut n2 = 0usize;
    while start2.elapsed() < Duration::from_secs(1) {
        for (c, _) in &cases {
            sink += scrubber.scrub(c.notes(), &[]).text.len();
            n2 += 1;
        }
    }
    let corpus_notes_per_s = n2 as f64 / start2.elapsed().as_secs_f64();
    // (the automata's caches and anything built on first use are resident now too)
    let run_mb = rss_kb().zip(rss_before).map(|(a, b)| a.saturating_sub(b) as f64 / 1024.0);
    std::hint::black_box(sink);

    let pct = |a: usize, b: usize| if b == 0 { 100.0 } else { 100.0 * a as f64 / b as f64 };
    if json {
        let synth = |r: [(f64, f64); 2]| format!("\"synth_v2_strict\":{:.2},\"synth_v2_lenient\":{:.2},\"synth_v1_heldout_strict\":{:.2},\"synth_v1_heldout_lenient\":{:.2}", r[0].0, r[0].1, r[1].0, r[1].1);
        let theirs = theirs.map_or(String::new(), |t| format!(",\"baseline\":{{{}}}", synth(t)));
        println!(
            "{{\"scrubber\":\"dermreg-rust\",\"build_ms\":{build_ms:.1},\"scrubber_mb\":{:.1},\"run_mb\":{:.1},\"canary_recall_known\":{:.2},\"must_keep_known\":{:.2},\"canary_recall\":{:.2},\"must_keep\":{:.2},\"canaries\":{},\"notes_per_s\":{notes_per_s:.1},\"corpus_notes_per_s\":{corpus_notes_per_s:.1},\"mb_per_s\":{mb_per_s:.3},\"cpu_mb_per_s\":{:.3},{}{theirs}}}",
            scrubber_mb.unwrap_or(f64::NAN), run_mb.unwrap_or(f64::NAN), pct(q[0].0, q[0].1), pct(q[0].2, q[0].3), pct(q[1].0, q[1].1), pct(q[1].2, q[1].3), q[1].1, cpu_mb_per_s.unwrap_or(f64::NAN), synth([ours_v2, ours_v1])
        );
    } else {
        println!("scrubber build: {build_ms:.1} ms, memory {} (resident set before and after building it, every language pack loaded)", scrubber_mb.map_or("unknown".into(), |m| format!("{m:.1} MB")));
        println!("canary corpus, with known values: canaries removed {}/{} ({:.1}%), must_keep {}/{} ({:.1}%)", q[0].0, q[0].1, pct(q[0].0, q[0].1), q[0].2, q[0].3, pct(q[0].2, q[0].3));
        println!("canary corpus, text only:         canaries removed {}/{} ({:.1}%), must_keep {}/{} ({:.1}%)", q[1].0, q[1].1, pct(q[1].0, q[1].1), q[1].2, q[1].3, pct(q[1].2, q[1].3));
        println!("throughput ({} texts, {} bytes per round, {rounds} rounds): {notes_per_s:.0} notes/s, {mb_per_s:.2} MB/s ({} MB/s of one core's CPU time)", texts_per_round, bytes_per_round, cpu_mb_per_s.map_or("unknown".into(), |m| format!("{m:.2}")));
        println!("canary notes only, text-only scrub: {corpus_notes_per_s:.0} notes/s");
        println!("memory after the run: {} (resident set before building the scrubber and after scrubbing)", run_mb.map_or("unknown".into(), |m| format!("{m:.1} MB")));
        println!("presidio-synth-v2 strict recall {:.1}% (lenient {:.1}%); presidio-synth v1 held-out {:.1}% ({:.1}%)", ours_v2.0, ours_v2.1, ours_v1.0, ours_v1.1);
    }
}
