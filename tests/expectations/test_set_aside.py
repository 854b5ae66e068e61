"""Records that would fail a suite on their own are set aside before the gate, each with its
reason; the others go on."""

import datetime as dt
import math

import pandas as pd
import pytest

from expectations.gate import set_aside

TODAY = dt.date(2026, 1, 1)
TEXT = "Officials said 5,000 joined."


def claim(claim_id: str, **fields) -> dict:
    row = dict(claim_id=claim_id, doc_id="good", sentence=TEXT, quote="5,000", value=5000.0,
               value_low=None, value_high=None, alt_value=None, alt_unit=None, unit="person",
               per=None, qualifier="exact", metric="recruited", claimant="X", via=None,
               extractor_version="v", char_start=15, char_end=20)
    row.update(fields)
    return row


def documents() -> pd.DataFrame:
    return pd.DataFrame({"doc_id": ["good", "future"], "text": [TEXT, TEXT],
                         "published": [dt.date(2025, 5, 1), dt.date(2999, 1, 1)]})


@pytest.mark.parametrize(("fields", "reason"), [
    ({"value": math.inf}, "value is not a finite number (inf)"),
    ({"value": 1e300}, "value 1e+300 is beyond the largest figure accepted (1e+15)"),
    ({"value": -5.0}, "value is negative (-5)"),
    ({"value": None, "value_low": 9.0, "value_high": 3.0}, "value_low 9 is above value_high 3"),
    ({"value": None, "value_low": 9.0}, "neither a value nor both value_low and value_high"),
    ({"alt_value": 5.0}, "alt_value and alt_unit are not set together"),
    ({"unit": "parsec"}, "unit 'parsec' is not one of person"),
    ({"claimant": None}, "claimant is empty"),
    ({"char_end": 99}, "offsets 15..99 are not inside the document's 28 characters"),
    ({"quote": "6,000"}, "quote is not the document's text at its offsets"),
])
def test_a_claim_that_would_fail_the_claims_suite_is_set_aside(fields, reason):
    claims = pd.DataFrame([claim("ok"), claim("bad", **fields)])
    kept = set_aside(documents(), claims, TODAY)
    assert kept.claims["claim_id"].tolist() == ["ok"]
    bad = [r for r in kept.rejected if r["claim_id"] == "bad"]
    assert len(bad) == 1 and bad[0]["reason"].startswith(reason), bad


def test_a_document_published_after_today_is_set_aside_with_its_claims():
    claims = pd.DataFrame([claim("ok"), claim("later", doc_id="future")])
    kept = set_aside(documents(), claims, TODAY)
    assert kept.documents["doc_id"].tolist() == ["good"]
    assert kept.claims["claim_id"].tolist() == ["ok"]
    assert kept.rejected == [{"doc_id": "future", "claim_id": None,
                              "reason": "published 2999-01-01, later than today (2026-01-01)"}]


def test_nothing_is_set_aside_from_good_records():
    kept = set_aside(documents().iloc[:1], pd.DataFrame([claim("ok")]), TODAY)
    assert kept.rejected == [] and len(kept.claims) == 1 and len(kept.documents) == 1
