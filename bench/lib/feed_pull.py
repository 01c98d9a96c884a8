#!/usr/bin/env python3
"""Pull the change feed of one registry from the start as one NDJSON stream:
GET /v1/changes?registry=R with Accept: application/x-ndjson (every change), reading it as it arrives
and hanging up after N changes (a stream's `limit` is at most 1,000, like a page's).

Usage: feed_pull.py HOST:PORT TOKEN REGISTRY N   -> one JSON object: cases, seconds, cases_per_s, bytes

Counts the lines (read in 1 MiB chunks, so the client is not the bound) and checks that the first and
last lines are changes with distinct cursors. Bounded: 900 s socket timeout.
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
    conn.request("GET", f"/v1/changes?registry={registry}",
                 headers={"Authorization": "Bearer " + token, "Accept": "application/x-ndjson"})
    r = conn.getresponse()
    if r.status != 200:
        sys.exit(f"feed_pull: status {r.status}: {r.read()[:200]!r}")
    got, size, first, tail = 0, 0, None, b""
    while True:
        chunk = r.read(1 << 20)
        if not chunk:
            break
        if first is None:
            first = chunk.split(b"\n", 1)[0]
        lines = chunk.count(b"\n")
        if got + lines >= n:
            chunk = b"\n".join(chunk.split(b"\n")[: n - got]) + b"\n"
            lines = n - got
        size += len(chunk)
        got += lines
        tail = (tail + chunk)[-(1 << 16):]
        if got >= n:
            break
    dt = time.perf_counter() - t0
    conn.close()
    last = tail.rstrip(b"\n").rsplit(b"\n", 1)[-1]
    if got and json.loads(first)["cursor"] == (json.loads(last)["cursor"] if got > 1 else None):
        sys.exit("feed_pull: the first and last changes have the same cursor")
    print(json.dumps({"cases": got, "seconds": round(dt, 3), "cases_per_s": round(got / dt, 1) if dt else 0, "bytes": size}))


if __name__ == "__main__":
    main()
