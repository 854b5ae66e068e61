"""Publication: new documents replace their earlier rows; unchanged input changes nothing."""

from datetime import UTC, datetime

import pandas as pd

from muster.schema import columns
from transforms.cleaning import doc_id
from transforms.publication import new_or_changed, updated, with_run


def documents(*rows):
    return pd.DataFrame([{**dict.fromkeys(columns("documents")), **r} for r in rows],
                        columns=columns("documents"))


def claims(*rows):
    return pd.DataFrame([{**dict.fromkeys(columns("claims")), **r} for r in rows],
                        columns=columns("claims"))


def raw(*pairs):
    return pd.DataFrame([{"key": k, "raw_sha256": sha} for k, sha in pairs])


def test_only_new_or_changed_records_go_on():
    published = documents({"doc_id": doc_id("a"), "raw_sha256": "1"},
                          {"doc_id": doc_id("b"), "raw_sha256": "2"})
    found = claims({"doc_id": doc_id("a"), "extractor_version": "v1"})
    fresh = new_or_changed(raw(("a", "1"), ("b", "changed"), ("c", "3")), published, found, "v1")
    assert fresh["key"].tolist() == ["b", "c"]


def test_a_new_extractor_version_sends_documents_through_again():
    published = documents({"doc_id": doc_id("a"), "raw_sha256": "1"})
    found = claims({"doc_id": doc_id("a"), "extractor_version": "v1"})
    assert new_or_changed(raw(("a", "1")), published, found, "v2")["key"].tolist() == ["a"]


def test_documents_are_stamped_with_the_run():
    now = datetime(2024, 5, 1, 12, tzinfo=UTC)
    stamped = with_run(documents({"doc_id": "d"}).drop(columns=["run_id", "ingested_at"]), "r9", now)
    assert stamped.loc[0, "run_id"] == "r9" and stamped.loc[0, "ingested_at"] == pd.Timestamp(now)
    assert list(stamped.columns) == columns("documents")


def test_a_replaced_document_loses_all_its_earlier_claims():
    published = claims({"claim_id": "old1", "doc_id": "d1", "char_start": 0},
                       {"claim_id": "old2", "doc_id": "d1", "char_start": 5},
                       {"claim_id": "keep", "doc_id": "d2", "char_start": 0})
    new = claims({"claim_id": "new1", "doc_id": "d1", "char_start": 3})
    result = updated(published, new, {"d1"}, "claims")
    assert result["claim_id"].tolist() == ["new1", "keep"]


def test_nothing_new_leaves_the_published_rows_as_they_are():
    published = documents({"doc_id": "d2"}, {"doc_id": "d1"})
    result = updated(published, documents(), set(), "documents")
    assert result["doc_id"].tolist() == ["d1", "d2"]
