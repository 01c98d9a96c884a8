#!/usr/bin/env python3
"""Turn bench/run's JSON lines into one Markdown table and a CSV.

Usage: report.py RESULTS.jsonl OUT.md OUT.csv key=value...   (the key=values go in the header)
"""
import csv
import json
import sys

DBNAME = {"sqlite": "SQLite", "postgres": "PostgreSQL", "-": "-"}


def f(x, nd=0):
    if x is None:
        return ""
    return f"{x:,.{nd}f}"


def main():
    src, md_path, csv_path = sys.argv[1:4]
    meta = dict(a.split("=", 1) for a in sys.argv[4:])
    recs = [json.loads(l) for l in open(src) if l.strip()]
    rows = []  # dicts with the CSV fields; md built from them

    def row(measure, db, **kw):
        r = {"measure": measure, "database": DBNAME.get(db, db), "clients": "", "value": "", "unit": "",
             "p50_ms": "", "p99_ms": "", "reference": "", "reference_unit": "", "ref_p50_ms": "",
             "ref_p99_ms": "", "ratio_pct": "", "target": "", "met": "", "result_text": "", "reference_text": ""}
        r.update(kw)
        rows.append(r)

    best_single = {}
    for r in recs:
        if r["kind"] == "intake":
            h, raw = r["http"], r["raw"]
            ratio = 100.0 * h["ok_per_s"] / raw["ok_per_s"] if raw["ok_per_s"] else None
            target, met = "", ""
            if raw.get("tool") == "pgbench":
                target = ">= 70 % of pgbench, p99 <= 1.5x pgbench's"
                met = "yes" if ratio is not None and ratio >= 70 and h["p99_ms"] <= 1.5 * raw["p99_ms"] else "NO"
            elif r["c"] == 32:
                target = ">= 50 % of raw, p99 < 25 ms"
                met = "yes" if ratio is not None and ratio >= 50 and h["p99_ms"] < 25 else "NO"
            best_single[r["db"]] = max(best_single.get(r["db"], 0), h["ok_per_s"])
            tool = "pgbench" if raw.get("tool") == "pgbench" else "diesel loop"
            row(f"single-case intake, {r['c']} client{'s' if r['c'] != 1 else ''}", r["db"], clients=r["c"], value=h["ok_per_s"], unit="cases/s",
                p50_ms=h["p50_ms"], p99_ms=h["p99_ms"], reference=raw["ok_per_s"], reference_unit=f"cases/s raw insert ({tool})",
                ref_p50_ms=raw["p50_ms"], ref_p99_ms=raw["p99_ms"], ratio_pct=round(ratio, 1) if ratio is not None else "",
                target=target, met=met,
                result_text=f"{f(h['ok_per_s'])} cases/s, p50 {h['p50_ms']:.2f} ms, p99 {h['p99_ms']:.2f} ms"
                + (" (bodies wrapped)" if h.get("wrapped") else ""),
                reference_text=f"raw insert ({tool}): {f(raw['ok_per_s'])} cases/s, p50 {raw['p50_ms']:.2f} ms, p99 {raw['p99_ms']:.2f} ms")
    for r in recs:
        k, db = r["kind"], r.get("db", "-")
        if k == "memory":
            mib = r["vmhwm_kb"] / 1024.0
            row("server peak RSS during intake", db, value=round(mib, 1), unit="MiB", result_text=f"{mib:.1f} MiB (VmHWM)",
                reference_text="absolute")
        elif k == "batch":
            ref = best_single.get(db)
            if "na" in r:
                row(f"batch intake, {r.get('size', 1000)}-case batches", db, result_text=r["na"], unit="cases/s",
                    reference=ref or "", reference_unit="cases/s single-case intake (best)",
                    reference_text=f"single-case intake: {f(ref)} cases/s" if ref else "")
            else:
                h, size = r["http"], r["size"]
                cps = h["ok_per_s"] * size
                ratio = 100.0 * cps / ref if ref else None
                row(f"batch intake, {size}-case batches", db, clients=h["concurrency"], value=round(cps, 1), unit="cases/s",
                    p50_ms=h["p50_ms"], p99_ms=h["p99_ms"], reference=ref or "", reference_unit="cases/s single-case intake (best)",
                    ratio_pct=round(ratio, 1) if ratio else "", target=">= 5x single-case (500 %)",
                    met="yes" if ratio and ratio >= 500 else "NO",
                    result_text=f"{f(cps)} cases/s ({h['ok']} batches, p50 {h['p50_ms']:.0f} ms per batch)",
                    reference_text=f"single-case intake: {f(ref)} cases/s" if ref else "")
                ir = r.get("intake")
                if ir:
                    ratio = 100.0 * cps / ir["ok_per_s"] if ir["ok_per_s"] else None
                    row(f"batch intake vs intake alone, {size}-case batches", db, value=round(cps, 1), unit="cases/s",
                        reference=ir["ok_per_s"], reference_unit=f"cases/s registry::intake on {ir['threads']} threads",
                        ratio_pct=round(ratio, 1) if ratio else "", target=">= 50 % of intake alone",
                        met="yes" if ratio and ratio >= 50 else "NO",
                        result_text=f"{f(cps)} cases/s",
                        reference_text=f"intake alone (validation, scrubbing, derivation; no HTTP, no database), {ir['threads']} threads: {f(ir['ok_per_s'])} cases/s")
        elif k == "read":
            live = r["live"]
            lt = f"GET /health/live: {f(live['ok_per_s'])} req/s, p99 {live['p99_ms']:.2f} ms"
            if "na" in r:
                row(f"summary release read, {r['c']} clients", db, clients=r["c"], result_text=r["na"], unit="req/s",
                    reference=live["ok_per_s"], reference_unit="req/s GET /health/live", target=">= 80 % of static route",
                    reference_text=lt)
            else:
                s = r["summary"]
                ratio = 100.0 * s["ok_per_s"] / live["ok_per_s"] if live["ok_per_s"] else None
                row(f"summary release read, {r['c']} clients", db, clients=r["c"], value=s["ok_per_s"], unit="req/s",
                    p50_ms=s["p50_ms"], p99_ms=s["p99_ms"], reference=live["ok_per_s"], reference_unit="req/s GET /health/live",
                    ref_p50_ms=live["p50_ms"], ref_p99_ms=live["p99_ms"], ratio_pct=round(ratio, 1) if ratio else "",
                    target=">= 80 % of static route", met="yes" if ratio and ratio >= 80 else "NO",
                    result_text=f"{f(s['ok_per_s'])} req/s, p50 {s['p50_ms']:.2f} ms, p99 {s['p99_ms']:.2f} ms",
                    reference_text=lt)
        elif k == "release":
            if "na" in r:
                row(f"release build over {r['cases']:,} cases" if "cases" in r else "release build", db,
                    result_text=r["na"], unit="s", reference_text="absolute")
            else:
                rps = r["cases"] / r["seconds"] if r["seconds"] else 0
                row(f"release build over {r['cases']:,} cases", db, value=r["seconds"], unit="s", reference=round(rps, 1),
                    reference_unit="rows/s",
                    result_text=f"{r['seconds']:.1f} s", reference_text=f"absolute; {f(rps)} rows/s (seeding took {r['seed_seconds']:.0f} s)")
        elif k == "feed":
            if "na" in r:
                row("change feed pull", db, result_text=r["na"], unit="cases/s")
            else:
                x = r["result"]
                if "na" in x:
                    row("change feed pull", db, result_text=x["na"], unit="cases/s")
                else:
                    c = r.get("copy")
                    if c and "rows_per_s" in c:
                        ratio = 100.0 * x["cases_per_s"] / c["rows_per_s"] if c["rows_per_s"] else None
                        row(f"change feed NDJSON pull, {x['cases']:,} cases", db, value=x["cases_per_s"], unit="cases/s",
                            reference=c["rows_per_s"], reference_unit="rows/s COPY TO STDOUT",
                            ratio_pct=round(ratio, 1) if ratio else "", target=">= 25 % of COPY",
                            met="yes" if ratio and ratio >= 25 else "NO",
                            result_text=f"{f(x['cases_per_s'])} cases/s ({x['seconds']:.2f} s, {x['bytes'] / 1e6:.0f} MB)",
                            reference_text=f"COPY (SELECT same rows) TO STDOUT via psql: {f(c['rows_per_s'])} rows/s ({c['seconds']:.2f} s, {c['bytes'] / 1e6:.0f} MB)")
                    else:
                        row(f"change feed NDJSON pull, {x['cases']:,} cases", db, value=x["cases_per_s"], unit="cases/s",
                            result_text=f"{f(x['cases_per_s'])} cases/s ({x['seconds']:.2f} s, {x['bytes'] / 1e6:.0f} MB)",
                            reference_text="absolute (COPY reference on PostgreSQL only)")
        elif k == "fhir_export":
            x, fd = r["result"], r["feed"]
            if "na" in x or "na" in fd:
                row("FHIR Bulk Data export", db, result_text=x.get("na") or fd.get("na"), unit="cases/s")
            else:
                ratio = 100.0 * x["cases_per_s"] / fd["cases_per_s"] if fd["cases_per_s"] else None
                row(f"FHIR Bulk Data export, {x['cases']:,} cases", db, value=x["cases_per_s"], unit="cases/s",
                    reference=fd["cases_per_s"], reference_unit="cases/s change feed NDJSON pull",
                    ratio_pct=round(ratio, 1) if ratio else "", target=">= 50 % of the feed pull",
                    met="yes" if ratio and ratio >= 50 else "NO",
                    result_text=f"{f(x['cases_per_s'])} cases/s ({x['seconds']:.2f} s kick-off to last byte, job {x['job_seconds']:.2f} s, {x['files']} files, {x['bytes'] / 1e6:.0f} MB)",
                    reference_text=f"change feed NDJSON pull of the same cases: {f(fd['cases_per_s'])} cases/s ({fd['seconds']:.2f} s, {fd['bytes'] / 1e6:.0f} MB)")
        elif k == "scrub":
            if "na" in r:
                row("scrubber, single core", "-", result_text=r["na"], unit="notes/s")
            else:
                x = r["result"]
                row("scrubber, single core", "-", value=x.get("notes_per_s"), unit="notes/s", reference=x.get("mb_per_s"),
                    reference_unit="MB/s",
                    result_text=f"{f(x.get('notes_per_s'))} notes/s, {x.get('mb_per_s')} MB/s",
                    reference_text="absolute (cargo bench --bench scrub)")

    head = (f"dermreg benchmark: commit {meta.get('commit')}, {meta.get('cores')} cores ({meta.get('cpu', '')}), "
            f"{meta.get('mode')} run {meta.get('date')}, {meta.get('intake_seconds')} s per intake run, "
            f"{meta.get('read_seconds')} s per read run, whole run {meta.get('total_seconds')} s; "
            f"load average {meta.get('load_start', '?')} at start, {meta.get('load_end', '?')} at end "
            "(other work on the machine skews every figure)")
    lines = [head, "", "| measure | database | result | reference (same run) | ratio | target | met |",
             "| --- | --- | --- | --- | ---: | --- | --- |"]
    for r in rows:
        ratio = f"{r['ratio_pct']:.0f} %" if isinstance(r["ratio_pct"], (int, float)) else ""
        lines.append(f"| {r['measure']} | {r['database']} | {r['result_text']} | {r['reference_text']} | {ratio} | {r['target']} | {r['met']} |")
    open(md_path, "w").write("\n".join(lines) + "\n")
    fields = ["measure", "database", "clients", "value", "unit", "p50_ms", "p99_ms", "reference", "reference_unit",
              "ref_p50_ms", "ref_p99_ms", "ratio_pct", "target", "met", "result_text", "commit", "cores", "date", "mode"]
    with open(csv_path, "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            r.update({k: meta.get(k, "") for k in ("commit", "cores", "date", "mode")})
            w.writerow(r)


if __name__ == "__main__":
    main()
