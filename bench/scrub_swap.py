#!/usr/bin/env python3
"""Values moved between sentences: whether the scrubber's rules hold for the contexts, not for the values seen.

    bench/scrub_swap.py URL TOKEN_FILE ../shared/corpus/external/asq-phi-dev.jsonl [SEED]

Each text of the look half of deid-score's --blind split (the half rules may be written from) is sent with
every labelled span replaced by another look-half span of the same kind, drawn at random (SEED); a value
leaks when a distinctive word of it survives in place (deid-score's own alignment and word test, imported
from ../shared/tools/deid-score). Prints each leak with its context, then the recall. Texts over 2,000
characters are left out (one request each). The service at URL as deid-score wants it."""
import json, os, sys, random, urllib.request
import importlib.machinery, importlib.util
SCORER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "tools", "deid-score")
loader = importlib.machinery.SourceFileLoader("ds", SCORER)
spec = importlib.util.spec_from_loader("ds", loader); ds = importlib.util.module_from_spec(spec); loader.exec_module(ds)
url, tok, path = sys.argv[1], open(sys.argv[2]).read().strip(), sys.argv[3]
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
rnd = random.Random(seed)
rows = [json.loads(l) for l in open(path)]
look = [r for r in rows if ds.half(r["id"]) == "look"]
pool = {}
for r in look:
    for s in r["spans"]:
        pool.setdefault(s["kind"], []).append(r["text"][s["start"]:s["end"]])
def scrub(notes):
    body = json.dumps(dict(ds.FORM, notes=notes)).encode()
    req = urllib.request.Request(url + "/v1/registries/psoriasis/cases:validate", data=body, method="POST", headers={"Content-Type": "application/json", "Authorization": "Bearer " + tok})
    return ds.find_notes(json.loads(urllib.request.urlopen(req).read()))
total = found = 0
for r in look:
    t = r["text"]; spans = sorted(r["spans"], key=lambda s: s["start"])
    out_text = ""; at = 0; new_spans = []
    for s in spans:
        if s["start"] < at: continue
        v = rnd.choice(pool[s["kind"]])
        out_text += t[at:s["start"]]; new_spans.append((len(out_text), len(out_text) + len(v), s["kind"])); out_text += v; at = s["end"]
    out_text += t[at:]
    if len(out_text) > 2000: continue
    res = scrub(out_text)
    a = [m for m in ds.WORD.finditer(out_text)]
    kept = ds.survivors(out_text, res)
    for (s, e, k) in new_spans:
        idx = [i for i, m in enumerate(a) if m.start() >= s and m.end() <= e and ds.distinctive(m.group())]
        if not idx: continue
        total += 1
        if any(i in kept for i in idx):
            print(f"MISS {k}: {out_text[s:e]!r} in ...{out_text[max(0,s-60):e+40]!r}")
        else:
            found += 1
print(f"recall {found/total:.4f} of {total}")
