#!/usr/bin/env python3
"""Pull the change feed of one registry from the start as one NDJSON stream:
GET /v1/changes?registry=R&limit=N with Accept: application/x-ndjson, reading it as it arrives.

Usage: feed_pull.py HOST:PORT TOKEN REGISTRY N   -> one JSON object: cases, seconds, cases_per_s, bytes

Every line must be a change with a cursor; the cursors must be distinct (bounded: 900 s socket timeout).
"""
import http.client
import json
import sys
import time


def main():
    addr, token, registry, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    host, port = addr.rsplit(":", 1)
    conn = http.client.HTTPConnection(host, int(port), timeout=900)
    t0 = time.perf_counter()
    conn.request("GET", f"/v1/changes?registry={registry}&limit={n}",
                 headers={"Authorization": "Bearer " + token, "Accept": "application/x-ndjson"})
    r = conn.getresponse()
    if r.status != 200:
        sys.exit(f"feed_pull: status {r.status}: {r.read()[:200]!r}")
    got, size, last = 0, 0, None
    for line in r:
        size += len(line)
        if not line.strip():
            continue
        cursor = json.loads(line)["cursor"]
        if cursor == last:
            sys.exit("feed_pull: a change came twice")
        last = cursor
        got += 1
    dt = time.perf_counter() - t0
    print(json.dumps({"cases": got, "seconds": round(dt, 3), "cases_per_s": round(got / dt, 1) if dt else 0, "bytes": size}))


if __name__ == "__main__":
    main()
