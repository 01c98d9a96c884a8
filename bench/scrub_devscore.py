#!/usr/bin/env python3
"""The inner loop for the scrubber's development sets: deid-score's own scoring, with each piece
scrubbed by the library in one local process instead of a running service.

    bench/scrub_devscore.py [--misses N] FILE.jsonl ...

Imports ../shared/tools/deid-score (so the metric is the reference's, line for line) and replaces
its `scrub` (an HTTP call to cases:validate) by the benchmark binary's `--stdin` filter, which calls
`Scrubber::scrub(notes, &[])` as intake does for a form without identifying fields. Build first:
`cargo bench --bench scrub --no-run`; the newest bench binary under $CARGO_TARGET_DIR is used.
"""
import glob, json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "lib"))
import deid_score  # noqa: E402

ds = deid_score.load()

target = os.environ.get("CARGO_TARGET_DIR", os.path.join(here, "..", "target"))
bins = [b for b in glob.glob(os.path.join(target, "release", "deps", "scrub-*")) if os.access(b, os.X_OK) and not b.endswith(".d")]
if not bins:
    sys.exit("no bench binary: run `cargo bench --bench scrub --no-run` first")
proc = subprocess.Popen([max(bins, key=os.path.getmtime), "--stdin"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def scrub(url, token, notes):
    proc.stdin.write(json.dumps(notes) + "\n")
    proc.stdin.flush()
    return json.loads(proc.stdout.readline())


ds.scrub = scrub
misses = 0
args = sys.argv[1:]
if args[:1] == ["--misses"]:
    misses, args = int(args[1]), args[2:]
for path in args:
    ds.score_file("local", "", path, misses)
