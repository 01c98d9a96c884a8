#!/usr/bin/env python3
"""Pull the change feed of one registry from the start: GET /v1/changes?registry=R&after=X&limit=1000,
page after page over one keep-alive connection, until N changes were read or the feed ends.

Usage: feed_pull.py HOST:PORT TOKEN REGISTRY N   -> one JSON object: cases, seconds, cases_per_s, pages

The page format is not fixed yet: the items are the top-level array or the first array found under
"changes", "items" or "data"; the next cursor is "next_after" / "next" / "after" of the page if present,
else the "seq" of the last item. Bounded: at most N/1000 + 10 pages, each with a 60 s timeout.
"""
import http.client
import json
import sys
import time


def items_of(page):
    if isinstance(page, list):
        return page
    for k in ("changes", "items", "data", "results"):
        if isinstance(page.get(k), list):
            return page[k]
    for v in page.values():
        if isinstance(v, list):
            return v
    return []


def cursor_of(page, items):
    if isinstance(page, dict):
        for k in ("next_after", "next", "after", "cursor"):
            v = page.get(k)
            if isinstance(v, (int, str)) and v != "":
                return v
    if items and isinstance(items[-1], dict):
        return items[-1].get("seq")
    return None


def main():
    addr, token, registry, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    host, port = addr.rsplit(":", 1)
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    headers = {"Authorization": "Bearer " + token}
    after, got, pages = 0, 0, 0
    t0 = time.perf_counter()
    for _ in range(n // 1000 + 10):
        conn.request("GET", f"/v1/changes?registry={registry}&after={after}&limit=1000", headers=headers)
        r = conn.getresponse()
        body = r.read()
        if r.status != 200:
            sys.exit(f"feed_pull: status {r.status}: {body[:200]!r}")
        page = json.loads(body)
        pages += 1
        items = items_of(page)
        got += len(items)
        nxt = cursor_of(page, items)
        if not items or got >= n or nxt is None or str(nxt) == str(after):
            break
        after = nxt
    dt = time.perf_counter() - t0
    print(json.dumps({"cases": got, "pages": pages, "seconds": round(dt, 3), "cases_per_s": round(got / dt, 1) if dt else 0}))


if __name__ == "__main__":
    main()
