#!/usr/bin/env python3
"""Checks the FHIR resources a running dermreg serves with two validators that are not ours:
the R4 models of fhir.resources 6.4.0 (pydantic 1) and HL7's R4 JSON Schema (fhir.schema.json, which
also checks codes), plus what neither knows: every answer's linkId is an item of its Questionnaire
and every coding one of that item's answerOptions; and an export at T0, one correction and one
withdrawal, then _since=T0 gives exactly one resource in output and one in deleted.

Usage: fhir_check.py BASE_URL FHIR_SCHEMA_JSON EXAMPLES_DIR   (tokens in DERMREG_CHECK_CLINICIAN,
DERMREG_CHECK_CURATOR, DERMREG_CHECK_PARTNER). Bounded: every poll stops after 120 s.
"""
import json
import os
import sys
import time
import urllib.error
import urllib.request

import jsonschema
from fhir.resources import construct_fhir_element

BASE, SCHEMA_FILE, EXAMPLES = sys.argv[1], sys.argv[2], sys.argv[3]
TOKENS = {k: os.environ["DERMREG_CHECK_" + k.upper()] for k in ("clinician", "curator", "partner")}
REGISTRIES = ["general", "psoriasis", "atopic-dermatitis"]
SCHEMA = json.load(open(SCHEMA_FILE))
VALIDATORS = {}
checked = {}  # resource type -> count
failures = []


def call(method, path, token=None, body=None, headers=None):
    h = dict(headers or {})
    if token:
        h["Authorization"] = "Bearer " + TOKENS[token]
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        h.setdefault("Content-Type", "application/json")
    url = path if path.startswith("http") else BASE + path
    req = urllib.request.Request(url, data=data, method=method, headers=h)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def get_json(path, token=None, expect=200):
    status, headers, body = call("GET", path, token)
    if status != expect:
        sys.exit(f"GET {path}: {status} (expected {expect}): {body[:300]!r}")
    return json.loads(body)


def validate(resource, where):
    """Both validators; a Bundle's entries are validated as themselves too."""
    rt = resource.get("resourceType")
    try:
        construct_fhir_element(rt, resource)
    except Exception as e:  # pydantic's ValidationError, or an unknown type
        failures.append(f"fhir.resources: {where} ({rt}): {str(e)[:600]}")
    if rt not in VALIDATORS:
        VALIDATORS[rt] = jsonschema.Draft6Validator({"definitions": SCHEMA["definitions"], "$ref": f"#/definitions/{rt}"})
    for err in list(VALIDATORS[rt].iter_errors(resource))[:5]:
        failures.append(f"fhir.schema.json: {where} ({rt}) at /{'/'.join(map(str, err.absolute_path))}: {err.message[:300]}")
    checked[rt] = checked.get(rt, 0) + 1
    for i, entry in enumerate(resource.get("entry", [])):
        if "resource" in entry:
            validate(entry["resource"], f"{where} entry {i}")


def items_by_link(items, out):
    for it in items or []:
        out[it["linkId"]] = it
        items_by_link(it.get("item"), out)
    return out


def check_answers(qr, questionnaires):
    canonical = qr["questionnaire"]
    q = questionnaires.get(canonical)
    if q is None:
        failures.append(f"{qr['id']}: questionnaire {canonical} is none of the served ones")
        return
    items = items_by_link(q["item"], {})

    def walk(answered):
        for it in answered or []:
            item = items.get(it["linkId"])
            if item is None:
                failures.append(f"{qr['id']}: linkId {it['linkId']} is no item of {canonical}")
                continue
            for a in it.get("answer", []):
                coding = a.get("valueCoding")
                if coding is not None and not any(o.get("valueCoding") == coding for o in item.get("answerOption", [])):
                    failures.append(f"{qr['id']}: {it['linkId']}: {coding.get('code')} is no answerOption")
            walk(it.get("item"))

    walk(qr.get("item"))
    for key in ("subject", "author", "source", "identifier", "encounter"):
        if key in qr:
            failures.append(f"{qr['id']}: has {key}")


def poll(status_url, token):
    deadline = time.time() + 120
    while time.time() < deadline:
        status, headers, body = call("GET", status_url, token)
        if status == 200:
            return json.loads(body)
        if status != 202:
            sys.exit(f"export status: {status}: {body[:300]!r}")
        validate(json.loads(body), "export status 202")
        time.sleep(0.2)
    sys.exit("an export did not finish within 120 s")


def export(query, token="partner"):
    status, headers, body = call("GET", f"/fhir/Group/psoriasis/$export{query}", token, headers={"Prefer": "respond-async"})
    if status != 202:
        sys.exit(f"kick-off: {status}: {body[:300]!r}")
    validate(json.loads(body), "kick-off 202")
    return poll(headers["Content-Location"], token)


def download(manifest, kind, token="partner"):
    out = []
    for f in manifest[kind]:
        status, headers, body = call("GET", f["url"], token)
        if status != 200 or not headers.get("Content-Type", "").startswith("application/fhir+ndjson"):
            sys.exit(f"file {f['url']}: {status} {headers.get('Content-Type')}")
        out += [json.loads(line) for line in body.decode().splitlines() if line.strip()]
    return out


def main():
    ids = {r: [] for r in REGISTRIES}
    for r in REGISTRIES:
        form = json.load(open(os.path.join(EXAMPLES, r + ".json")))
        for n in range(3):
            status, headers, body = call("POST", f"/v1/registries/{r}/cases", "clinician", form)
            if status != 201:
                sys.exit(f"submitting a {r} case: {status}: {body[:300]!r}")
            ids[r].append(json.loads(body)["id"])

    validate(get_json("/fhir/metadata"), "metadata")
    questionnaires = {}
    bundle = get_json("/fhir/Questionnaire")
    validate(bundle, "Questionnaire search")
    for entry in bundle["entry"]:
        q = get_json(f"/fhir/Questionnaire/{entry['resource']['id']}")
        validate(q, f"Questionnaire/{q['id']}")
        questionnaires[f"{q['url']}|{q['version']}"] = q
    systems = get_json("/fhir/CodeSystem")
    validate(systems, "CodeSystem search")
    for entry in systems["entry"]:
        validate(get_json(f"/fhir/CodeSystem/{entry['resource']['id']}"), f"CodeSystem/{entry['resource']['id']}")
    for r in REGISTRIES:
        for case_id in ids[r]:
            qr = get_json(f"/fhir/QuestionnaireResponse/{case_id}", "curator")
            validate(qr, f"QuestionnaireResponse of a {r} case")
            check_answers(qr, questionnaires)
    status, _, body = call("GET", "/fhir/QuestionnaireResponse/none", "curator")
    validate(json.loads(body), "404")

    # An export at T0, one correction and one withdrawal, then _since=T0: exactly one and one.
    t0_manifest = export("")
    validate_output = download(t0_manifest, "output")
    if sorted(x["id"] for x in validate_output) != sorted(ids["psoriasis"]):
        failures.append("the export at T0 does not hold exactly the psoriasis cases")
    for qr in validate_output:
        validate(qr, "exported QuestionnaireResponse")
        check_answers(qr, questionnaires)
    corrected, withdrawn = ids["psoriasis"][0], ids["psoriasis"][1]
    status, _, body = call("PATCH", f"/v1/cases/{corrected}", "curator", {"notes": "PASI 3 after 8 weeks."},
                           {"If-Match": '"1"', "Content-Type": "application/merge-patch+json"})
    if status != 200:
        sys.exit(f"correction: {status}: {body[:200]!r}")
    status, _, body = call("DELETE", f"/v1/cases/{withdrawn}?reason=duplicate", "curator")
    if status != 200:
        sys.exit(f"withdrawal: {status}: {body[:200]!r}")
    since = urllib.parse.quote(t0_manifest["transactionTime"])
    # On PostgreSQL a change is exported once every older transaction has ended (bounded wait).
    deadline = time.time() + 120
    while True:
        m = export(f"?_since={since}&_type=QuestionnaireResponse")
        output, deleted = download(m, "output"), download(m, "deleted")
        if (output and deleted) or time.time() > deadline:
            break
    if [x["id"] for x in output] != [corrected] or output[0]["status"] != "amended":
        failures.append(f"_since=T0 output is not exactly the corrected case: {[x.get('id') for x in output]}")
    expected = {"method": "DELETE", "url": f"QuestionnaireResponse/{withdrawn}"}
    if len(deleted) != 1 or deleted[0]["entry"][0]["request"] != expected:
        failures.append(f"_since=T0 deleted is not exactly the withdrawn case: {deleted}")
    for x in output + deleted:
        validate(x, "_since export")
    status, _, body = call("GET", f"/fhir/QuestionnaireResponse/{withdrawn}", "curator")
    if status != 410:
        failures.append(f"a withdrawn case answered {status}, not 410")
    validate(json.loads(body), "410")

    for f in failures:
        print("FAIL", f)
    print("validated:", ", ".join(f"{k} x{v}" for k, v in sorted(checked.items())))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    import urllib.parse
    main()
