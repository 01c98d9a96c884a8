#!/usr/bin/env python3
"""Reference for the change feed pull on PostgreSQL: the same rows (changes joined to their cases and
documents, in feed order) written out by `COPY (SELECT ...) TO STDOUT` through psql.

Usage: copy_ref.py REGISTRY N HOST PORT USER DB   -> one JSON object: rows, seconds, rows_per_s, bytes
"""
import json
import subprocess
import sys
import time


def main():
    reg, n, host, port, user, db = sys.argv[1:7]
    if reg not in ("general", "psoriasis", "atopic-dermatitis"):
        sys.exit("copy_ref: unknown registry")
    sql = ("COPY (SELECT ch.seq, ch.txid, ch.kind, ch.at, c.*, d.form, d.derived FROM changes ch JOIN cases c ON c.id = ch.case_id "
           f"LEFT JOIN case_documents d ON d.case_id = c.id WHERE ch.registry = '{reg}' ORDER BY ch.txid, ch.seq LIMIT {int(n)}) TO STDOUT")
    t0 = time.perf_counter()
    p = subprocess.run(["psql", "-X", "-q", "-h", host, "-p", port, "-U", user, "-d", db, "-c", sql],
                       stdout=subprocess.PIPE, check=True, timeout=900)
    dt = time.perf_counter() - t0
    rows = p.stdout.count(b"\n")
    print(json.dumps({"rows": rows, "seconds": round(dt, 3), "rows_per_s": round(rows / dt, 1), "bytes": len(p.stdout)}))


if __name__ == "__main__":
    main()
