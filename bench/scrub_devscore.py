#!/usr/bin/env python3
"""The inner loop for the scrubber's development sets: deid-score's own scoring, with each piece
scrubbed by the library in one local process instead of a running service.

    bench/scrub_devscore.py [--misses N] [--lost N] [--blind] [--case upper|lower] FILE.jsonl ...

`--lost N` also prints the N words outside every labelled span that were scrubbed most often, each
with a line of context: where "words kept" goes.

Imports ../shared/tools/deid-score (so the metric is the reference's, line for line) and replaces
its `scrub` (an HTTP call to cases:validate) by the benchmark binary's `--stdin` filter, which calls
`Scrubber::scrub(notes, &[])` as intake does for a form without identifying fields. Build first:
`cargo bench --bench scrub --no-run`; the newest bench binary under $CARGO_TARGET_DIR is used
(`SCRUB_BENCH_BIN` names another, e.g. a debug one from `cargo test --bench scrub --no-run`).
`--blind` and `--case` are deid-score's own: misses of the look half only, the text re-cased.
"""
import collections, glob, json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "lib"))
import deid_score  # noqa: E402

ds = deid_score.load()

target = os.environ.get("CARGO_TARGET_DIR", os.path.join(here, "..", "target"))
bins = [b for b in glob.glob(os.path.join(target, "release", "deps", "scrub-*")) if os.access(b, os.X_OK) and not b.endswith(".d")]
if os.environ.get("SCRUB_BENCH_BIN"):
    bins = [os.environ["SCRUB_BENCH_BIN"]]
if not bins:
    sys.exit("no bench binary: run `cargo bench --bench scrub --no-run` first")
proc = subprocess.Popen([max(bins, key=os.path.getmtime), "--stdin"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def scrub(url, token, notes):
    proc.stdin.write(json.dumps(notes) + "\n")
    proc.stdin.flush()
    return json.loads(proc.stdout.readline())


def lost_words(path, show, case=None, blind=False):
    """The words deid-score counts in "words kept" that the scrubber took, most frequent first."""
    lost, where = collections.Counter(), {}
    for line in open(path, encoding="utf-8"):
        row = json.loads(line)
        if blind and ds.half(row["id"]) == "blind":
            continue
        text, labelled_spans = ds.recase(row["text"], case), row["spans"] + row.get("neutral", [])
        for p0, p1 in ds.pieces(text, labelled_spans):
            piece = text[p0:p1]
            if not piece.strip():
                continue
            kept = ds.survivors(piece, scrub("", "", piece))
            for i, m in enumerate(ds.WORD.finditer(piece)):
                s, e = m.start() + p0, m.end() + p0
                if i in kept or any(s < sp["end"] and e > sp["start"] for sp in labelled_spans):
                    continue
                lost[m.group()] += 1
                where.setdefault(m.group(), f"{row['id']}: {text[max(0, s - 40):e + 40]!r}")
    print(f"  {sum(lost.values())} words lost; most often:")
    for word, n in lost.most_common(show):
        print(f"  {n:4} {word!r:20} {where[word]}")


ds.scrub = scrub
misses = lost = 0
blind, case = False, None
args = sys.argv[1:]
while args[:1] in (["--misses"], ["--lost"], ["--blind"], ["--case"]):
    if args[0] == "--blind":
        blind, args = True, args[1:]
        continue
    if args[0] == "--misses":
        misses = int(args[1])
    elif args[0] == "--case":
        case = args[1]
    else:
        lost = int(args[1])
    args = args[2:]
for path in args:
    ds.score_file("local", "", path, misses, blind, case)
    if lost:
        lost_words(path, lost, case, blind)
