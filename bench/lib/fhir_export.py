#!/usr/bin/env python3
"""A FHIR Bulk Data export of one registry, as a client does it: kick-off
(GET /fhir/Group/R/$export, Prefer: respond-async), poll the status URL (every 50 ms, not the
Retry-After a polite client waits: the server is measured), then download every output file in turn.

Usage: fhir_export.py HOST:PORT TOKEN REGISTRY N   -> one JSON object: cases, seconds (kick-off to
the last byte), cases_per_s, bytes, files, job_seconds (kick-off to the manifest)

Counts the lines (read in 1 MiB chunks, so the client is not the bound) and fails unless the export
holds exactly N resources. Bounded: 900 s in all.
"""
import http.client
import json
import sys
import time
import urllib.parse


def main():
    addr, token, registry, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    host, port = addr.rsplit(":", 1)
    auth = {"Authorization": "Bearer " + token}
    conn = http.client.HTTPConnection(host, int(port), timeout=900)
    deadline = time.time() + 900
    t0 = time.perf_counter()
    conn.request("GET", f"/fhir/Group/{registry}/$export", headers={**auth, "Prefer": "respond-async", "Accept": "application/fhir+json"})
    r = conn.getresponse()
    r.read()
    if r.status != 202:
        sys.exit(f"fhir_export: kick-off answered {r.status}")
    status_path = urllib.parse.urlsplit(r.getheader("Content-Location")).path
    while True:
        conn.request("GET", status_path, headers=auth)
        r = conn.getresponse()
        body = r.read()
        if r.status == 200:
            manifest = json.loads(body)
            break
        if r.status != 202 or time.time() > deadline:
            sys.exit(f"fhir_export: status answered {r.status}")
        time.sleep(0.05)
    t_job = time.perf_counter() - t0
    got, size = 0, 0
    for f in manifest["output"]:
        conn.request("GET", urllib.parse.urlsplit(f["url"]).path, headers=auth)
        r = conn.getresponse()
        if r.status != 200:
            sys.exit(f"fhir_export: file answered {r.status}")
        while True:
            chunk = r.read(1 << 20)
            if not chunk:
                break
            size += len(chunk)
            got += chunk.count(b"\n")
    dt = time.perf_counter() - t0
    conn.close()
    if got != n:
        sys.exit(f"fhir_export: {got} resources exported, {n} expected")
    print(json.dumps({"cases": got, "seconds": round(dt, 3), "cases_per_s": round(got / dt, 1) if dt else 0,
                      "bytes": size, "files": len(manifest["output"]), "job_seconds": round(t_job, 3)}))


if __name__ == "__main__":
    main()
