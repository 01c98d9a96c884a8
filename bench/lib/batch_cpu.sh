#!/usr/bin/env bash
# bench/lib/batch_cpu.sh: where a partner batch's CPU goes, by thread, and how many bytes the server
# writes for it. Figures that hold on a shared machine (wall times do not): each thread's time on a
# CPU from /proc/<pid>/task/*/schedstat, the PostgreSQL backends' likewise (a local cluster), and
# the server's write_bytes from /proc/<pid>/io (WAL and checkpoint on SQLite), all per batch.
#
#   bench/lib/batch_cpu.sh BIN sqlite|postgres [BATCHES]     e.g. target/release/dermreg sqlite 20
#   PERF=1 ...     also records `perf record -e cpu-clock -g` of the server (and backends) over the
#                  batches into ./batch_cpu-<db>.perf.data (PERF_CALLGRAPH="--call-graph dwarf,16384"
#                  unwinds Rust frames through .eh_frame; -g alone does not, release builds keep no
#                  frame pointers)
#   SERVER_LOG=FILE  keeps the server's log (with DERMREG_LOG=warn,dermreg::sync=debug: each batch's
#                  waiting for intake, writing and commit, src/sync/upsert.rs)
#
# It starts BIN serve on a fresh database (PostgreSQL: BENCH_PG_URL's cluster, a database dropped at
# the end), posts one warm-up batch, then BATCHES batches of 1,000 psoriasis forms
# (`dermreg seed --emit`, each with its partner_record_id) one after another with
# examples/http_load.rs, as bench/run's batch row does, and prints http_load's JSON and one line per
# thread name: CPU ms per batch.
set -euo pipefail
BIN="$(realpath "$1")"; DB="$2"; N="${3:-20}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
LOAD="$TARGET/release/examples/http_load"
[ -x "$LOAD" ] || { echo "build it first: cargo build --release --example http_load" >&2; exit 2; }
PG_URL="${BENCH_PG_URL:-postgres://postgres@127.0.0.1:5432}"
W="$(mktemp -d /tmp/batch_cpu.XXXX)"
ADDR="127.0.0.1:$((19500 + RANDOM % 400))"
export DERMREG_DATA_DIR="$W/data" DERMREG_BIND="$ADDR" DERMREG_LOG="${DERMREG_LOG:-warn}" DERMREG_RATE_LIMIT_PER_MINUTE=0
PGDB=""
case "$DB" in
  sqlite) unset DERMREG_DATABASE_URL ;;
  postgres) PGDB="batch_cpu_$$"; psql -X -q -d "$PG_URL/postgres" -c "CREATE DATABASE $PGDB" >/dev/null
            export DERMREG_DATABASE_URL="$PG_URL/$PGDB" ;;
  *) echo "sqlite or postgres" >&2; exit 2 ;;
esac
"$BIN" serve >"$W/server.log" 2>&1 &
SP=$!
cleanup() {
  kill "$SP" 2>/dev/null || true; wait "$SP" 2>/dev/null || true
  if [ -n "${SERVER_LOG:-}" ]; then cp "$W/server.log" "$SERVER_LOG"; fi
  if [ -n "$PGDB" ]; then psql -X -q -d "$PG_URL/postgres" -c "DROP DATABASE IF EXISTS $PGDB WITH (FORCE)" >/dev/null 2>&1 || true; fi
  rm -rf "$W"
}
trap cleanup EXIT
for _ in $(seq 1 300); do [ "$(curl -s -o /dev/null -w '%{http_code}' "http://$ADDR/health/ready")" = 200 ] && break; sleep 0.1; done
TOKEN="$("$BIN" token issue --subject bench-partner --role partner --registries general,psoriasis,atopic-dermatitis --ttl 1d)"
"$BIN" seed --registry psoriasis --count $((1000 * (N + 1))) --seed 20261123 --emit 2>/dev/null >"$W/forms.ndjson"
python3 - "$W/forms.ndjson" "$W/batches.ndjson" "$N" "$DB" <<'PY'
import sys
src, dst, n, db = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
forms = [l.strip() for l in open(src) if l.strip()]
with open(dst, "w") as out:
    for b in range(n + 1):
        items = ['{"partner_record_id":"cpu-%s-%d-%d",%s' % (db, b, i, forms[b * 1000 + i][1:]) for i in range(1000)]
        out.write("[" + ",".join(items) + "]\n")
PY
post() { "$LOAD" --addr "$ADDR" --token "$TOKEN" --expect 200 --concurrency 1 --duration 600 --method POST \
  --path /v1/registries/psoriasis/cases:batch --bodies "$W/batches.ndjson" "$@"; }
post --max-requests 1 --offset 0 >/dev/null   # warm-up: connections, prepared statements, caches
BACKENDS=""
[ -n "$PGDB" ] && BACKENDS="$(psql -X -At -d "$PG_URL/postgres" -c "SELECT pid FROM pg_stat_activity WHERE datname = '$PGDB'" | tr '\n' ' ')"
snapshot() { # "name value" lines: bytes written, then each thread's (and backend's) CPU ns
  grep -E '^(wchar|write_bytes)' "/proc/$SP/io" | tr -d ':'
  for t in /proc/"$SP"/task/*; do echo "$(tr ' ' _ <"$t/comm") $(cut -d' ' -f1 "$t/schedstat")"; done
  for p in $BACKENDS; do [ -e "/proc/$p" ] && echo "postgres_backend $(cut -d' ' -f1 "/proc/$p/schedstat")"; done
  return 0
}
snapshot >"$W/before"
PERF_PID=""
if [ "${PERF:-0}" = 1 ]; then
  # shellcheck disable=SC2086
  perf record -e cpu-clock -F 2000 ${PERF_CALLGRAPH:--g} -p "$SP$(for b in $BACKENDS; do printf ',%s' "$b"; done)" \
    -o "batch_cpu-$DB.perf.data" 2>/dev/null & PERF_PID=$!
  sleep 0.5
fi
post --max-requests "$N" --offset 1
if [ -n "$PERF_PID" ]; then kill -INT "$PERF_PID"; wait "$PERF_PID" || true; fi
snapshot >"$W/after"
python3 - "$W/before" "$W/after" "$N" <<'PY'
import collections, sys
def read(path):
    totals = collections.Counter()
    for line in open(path):
        name, value = line.split()
        totals[name] += int(value)
    return totals
before, after, n = read(sys.argv[1]), read(sys.argv[2]), int(sys.argv[3])
per_batch = {k: (after[k] - before[k]) / n for k in after}
for k in ("write_bytes", "wchar"):
    print(f"  {k:22s} {per_batch.pop(k, 0) / 2**20:8.2f} MiB a batch")
for k, v in sorted(per_batch.items(), key=lambda kv: -kv[1]):
    if v > 50_000:
        print(f"  {k:22s} {v / 1e6:8.2f} ms CPU a batch")
print(f"  {'all of the above':22s} {sum(per_batch.values()) / 1e6:8.2f} ms CPU a batch")
PY
