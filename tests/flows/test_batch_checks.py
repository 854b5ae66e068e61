"""The records set aside before the gate are found batch by batch, in the workers that tabulate
(`flows.tabulate.checked`): the run keeps the same documents and claims, and names the same
records in the same order, as one check over the whole run (`expectations.set_aside`)."""

import datetime as dt

import pandas as pd

from expectations.set_aside import checking_day, set_aside
from flows.tabulate import checked, in_checking_order

TODAY = dt.date(2026, 1, 1)
TEXT = "Officials said 5,000 joined."


def claim(claim_id: str, doc_id: str, **fields) -> dict:
    row = dict(claim_id=claim_id, doc_id=doc_id, sentence=TEXT, quote="5,000", value=5000.0,
               value_low=None, value_high=None, alt_value=None, alt_unit=None, unit="person",
               per=None, qualifier="exact", metric="recruited", claimant="X", via=None,
               extractor_version="v", char_start=15, char_end=20)
    row.update(fields)
    return row


def document(doc_id: str, published: dt.date) -> dict:
    return {"doc_id": doc_id, "text": TEXT, "published": published,
            "source": f"in.jsonl:{doc_id}", "key": f"https://example.org/{doc_id}"}


GOOD, LATER = dt.date(2025, 5, 1), dt.date(2999, 1, 1)
BATCHES = [  # two batches, each with a document from the future and claims that break the suite
    (pd.DataFrame([document("a", GOOD), document("b", LATER), document("c", GOOD)]),
     pd.DataFrame([claim("a1", "a"), claim("a2", "a", value=-5.0), claim("b1", "b"),
                   claim("c1", "c", quote="6,000")])),
    (pd.DataFrame([document("d", LATER), document("e", GOOD)]),
     pd.DataFrame([claim("d1", "d"), claim("e1", "e", unit="parsec"), claim("e2", "e")])),
]


def test_checking_each_batch_keeps_and_names_what_one_check_over_the_run_does():
    whole = set_aside(pd.concat([d for d, _ in BATCHES], ignore_index=True),
                      pd.concat([c for _, c in BATCHES], ignore_index=True), TODAY)
    per_batch = [checked(docs, claims, TODAY) for docs, claims in BATCHES]
    documents = pd.concat([d for d, _, _ in per_batch], ignore_index=True)
    claims = pd.concat([c for _, c, _ in per_batch], ignore_index=True)
    pd.testing.assert_frame_equal(documents, whole.documents)
    pd.testing.assert_frame_equal(claims, whole.claims)
    named = in_checking_order([rejected for _, _, rejected in per_batch])
    assert [(r.doc_id, r.claim_id, r.reason) for r in named] == \
        [(r["doc_id"], r["claim_id"], r["reason"]) for r in whole.rejected]
    assert [r.claim_id for r in named] == [None, None, "a2", "c1", "e1"]


def test_a_set_aside_record_is_named_by_its_documents_input():
    _, _, rejected = checked(*BATCHES[1], TODAY)
    assert {(r.stage, r.source, r.key) for r in rejected} == {
        ("check", "in.jsonl:d", "https://example.org/d"), ("check", "in.jsonl:e", "https://example.org/e")}


def test_the_day_checked_against_is_a_date():
    assert checking_day(dt.datetime(2026, 3, 4, 23, 59, tzinfo=dt.UTC)) == dt.date(2026, 3, 4)
    assert checking_day(TODAY) == TODAY
    assert type(checking_day(None)) is dt.date
