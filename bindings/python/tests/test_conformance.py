"""The shared conformance corpus (tests/conformance/cases.jsonl), also run by the
Rust core (tests/conformance.rs): the binding must give the same answers."""

import json

import pytest

import akson
from conftest import ROOT

CASES_FILE = ROOT / "tests" / "conformance" / "cases.jsonl"


def load_cases():
    cases = []
    with open(CASES_FILE, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                case = json.loads(line)
                case["_line"] = n
                cases.append(case)
    return cases


CASES = load_cases()
NORM = [(c, f) for c in CASES for f in ("canonical", "search") if f in c]
SYL = [c for c in CASES if "syllables" in c]


def case_id(c):
    return "line%d" % c["_line"]


def test_corpus_is_big_enough():
    assert len(NORM) > 50 and len(SYL) > 100


@pytest.mark.parametrize("case,form", NORM, ids=lambda x: case_id(x) if isinstance(x, dict) else x)
def test_normalize(case, form):
    got = akson.normalize(case["input"], form=form)
    assert got == case[form], case.get("note")
    # Same through the other entry points.
    assert (akson.canonical if form == "canonical" else akson.search_key)(case["input"]) == got
    assert akson.normalize_batch([case["input"]], form=form) == [got]
    assert akson.is_normalized(got, form=form)
    assert akson.is_normalized(case["input"], form=form) == (got == case["input"])


@pytest.mark.parametrize("case", SYL, ids=case_id)
def test_syllables(case):
    text = case["input"]
    assert akson.syllables(text) == case["syllables"], case.get("note")
    spans = akson.syllable_spans(text)
    assert [text[a:b] for a, b in spans] == case["syllables"]
    assert akson.syllables_batch([text]) == [case["syllables"]]
