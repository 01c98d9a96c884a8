#!/usr/bin/env python3
"""Write pgbench scripts that insert what one case intake writes, one transaction per case.

Usage: pgbench_scripts.py SAMPLE.ndjson OUTDIR N

SAMPLE.ndjson: one JSON object per line, a stored `cases` row (row_to_json) with an extra
"facets" array (its `case_facets` rows) and its "form" and "derived" (its `case_documents` row),
as bench/run exports it from the database the HTTP intake
just filled. Writes OUTDIR/case_<i>.sql for the first N of them and prints the pgbench `-f` arguments.

Each script is one transaction: INSERT the `cases` row under a fresh id (gen_random_uuid(), the
same 36-character text shape as the service's UUIDv7) RETURNING id, its document, the facets in one multi-row
INSERT, one `changes` row and one `audit_log` row: the service's statements, minus HTTP, JSON,
validation and de-identification. Literals are written as E'' strings with ':' escaped, because
pgbench would otherwise read ":word" inside JSON as a variable.
"""
import json
import os
import sys

CASE_COLUMNS = [
    "registry", "form_version", "submitter", "version", "withdrawn_at", "withdrawal_reason",
    "record_key", "confirmed", "diagnosis_basis", "diagnosis_period",
    "covid_severity", "hospitalised", "icu", "died", "age_years", "age_top_coded", "age_band", "sex",
    "country", "bmi", "treatment_category", "comorbidity_count", "severity_before", "flare_after",
    "case_type",
]


def lit(v):
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, (int, float)):
        return repr(v)
    s = str(v).replace("\\", "\\\\").replace("'", "\\'").replace(":", "\\x3a")
    s = s.replace("\n", "\\n").replace("\r", "\\r")
    return "E'" + s + "'"


def main():
    src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    os.makedirs(out, exist_ok=True)
    rows = [json.loads(l) for l in open(src) if l.strip()][:n]
    if not rows:
        sys.exit("pgbench_scripts.py: no sample rows")
    now = "(now() AT TIME ZONE 'utc')"
    args = []
    for i, r in enumerate(rows):
        r["record_key"] = None
        r["submitter"] = "bench"
        cols = ", ".join(["id", "created_at", "updated_at"] + CASE_COLUMNS)
        vals = ", ".join(["gen_random_uuid()::text", now, now] + [lit(r.get(c)) for c in CASE_COLUMNS])
        lines = [
            "BEGIN;",
            f"INSERT INTO cases ({cols}) VALUES ({vals}) RETURNING id AS case_id \\gset",
        ]
        lines.append(f"INSERT INTO case_documents (case_id, form, derived) VALUES (:case_id, {lit(r['form'])}, {lit(r['derived'])});")
        facets = r.get("facets") or []
        if facets:
            fv = ", ".join(
                f"(:case_id, {lit(r['registry'])}, {now}, {lit(f['name'])}, {lit(f['value'])}, {lit(f.get('detail'))}, "
                f"{lit(f['covid_severity'])}, {lit(f['hospitalised'])}, {lit(f['died'])})"
                for f in facets
            )
            lines.append(
                "INSERT INTO case_facets (case_id, registry, created_at, name, value, detail, covid_severity, hospitalised, died) "
                f"VALUES {fv};"
            )
        lines.append(f"INSERT INTO changes (case_id, registry, kind, at) VALUES (:case_id, {lit(r['registry'])}, 'created', {now});")
        lines.append(
            "INSERT INTO audit_log (at, actor, action, object_type, object_id, request_id) "
            f"VALUES ({now}, 'bench', 'case.create', 'case', :case_id, gen_random_uuid()::text);"
        )
        lines.append("COMMIT;")
        path = os.path.join(out, f"case_{i}.sql")
        with open(path, "w") as fh:
            fh.write("\n".join(lines) + "\n")
        args += ["-f", f"{path}@1"]
    print(" ".join(args))


if __name__ == "__main__":
    main()
