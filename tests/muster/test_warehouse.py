"""The warehouse: tables conform to their schemas, publish atomically, and rewrite only on change."""

import os
from datetime import UTC, date, datetime

import pandas as pd
import pyarrow.parquet as pq
import pytest

from muster import warehouse
from transforms.declarations.schema import TABLES

TEXT = "The ministry said 280,000 people signed contracts."


def tables(value=280000.0):
    documents = pd.DataFrame([{
        "doc_id": "d1", "external_id": "x1", "url": "https://example.org/a", "outlet": "Example",
        "title": "T", "author": None, "published": date(2024, 1, 2), "language": "en",
        "text": TEXT, "raw_sha256": "0" * 64, "n_chars": len(TEXT),
        "ingested_at": datetime(2024, 1, 3, tzinfo=UTC), "run_id": "r1", "duplicate_of": None,
        "source_path": "/articles/a.txt"}])
    claims = pd.DataFrame([{
        "claim_id": "c1", "doc_id": "d1", "sentence": TEXT, "char_start": 18, "char_end": 25,
        "quote": "280,000", "value": value, "value_low": None, "value_high": None,
        "alt_value": None, "alt_unit": None, "unit": "person", "per": None, "qualifier": "exact",
        "metric": "recruited", "subject": "contract soldiers", "claimant": "Example",
        "claimant_id": "example", "via": None, "via_id": None, "attribution_cue": "said",
        "attribution_rule": "own-speaker", "attribution_score": 1.0, "hedge": None,
        "period_start": None, "period_end": None, "as_of": None, "cluster_id": "k1",
        "extractor_version": "v1"}])
    sources = pd.DataFrame([{"source_id": "example", "name": "Example", "kind": "outlet",
                             "country": None, "aliases": []}])
    clusters = pd.DataFrame([{
        "cluster_id": "k1", "metric": "recruited", "subject": "contract soldiers",
        "claimant": "Example", "claimant_id": "example", "unit": "person", "per": None,
        "period_start": None, "period_end": None, "as_of": None, "value": value,
        "value_low": value, "value_high": value, "qualifier": "exact", "n_claims": 1,
        "n_documents": 1, "n_outlets": 1, "n_variants": 0, "first_seen": date(2024, 1, 2),
        "last_seen": date(2024, 1, 2), "contradiction_id": None}])
    flags = pd.DataFrame({"flag_id": [], "flag": [], "cluster_id": [], "claim_id": [],
                          "reason": []}, dtype=object)
    return {"documents": documents, "claims": claims, "sources": sources,
            "claim_clusters": clusters, "claim_flags": flags}


def test_an_empty_warehouse_reads_as_empty_tables_with_the_declared_columns(tmp_path):
    published = warehouse.read_published(tmp_path / "none")
    for name, frame in published.items():
        assert frame.empty and list(frame.columns) == TABLES[name].names


def test_published_tables_are_parquet_with_the_declared_schema(tmp_path):
    written = warehouse.publish(tables(), tmp_path)
    assert written == list(warehouse.PUBLISH_ORDER)
    for name in TABLES:  # a file, or a folder of parts, as pyarrow reads either
        schema = pq.read_table(tmp_path / f"{name}.parquet").schema
        assert schema.remove_metadata().equals(TABLES[name].remove_metadata())
    claims = warehouse.read_table(tmp_path, "claims")
    assert claims.loc[0, "value"] == 280000.0


def test_a_table_can_be_read_for_a_few_columns(tmp_path):
    warehouse.publish(tables(), tmp_path)
    frame = warehouse.read_table(tmp_path, "documents", ["doc_id", "raw_sha256"])
    assert list(frame.columns) == ["doc_id", "raw_sha256"] and len(frame) == 1
    empty = warehouse.read_table(tmp_path / "none", "claims", ["doc_id", "extractor_version"])
    assert list(empty.columns) == ["doc_id", "extractor_version"] and empty.empty


def test_published_files_are_readable_by_others_as_the_umask_allows(tmp_path):
    old = os.umask(0o022)
    try:
        warehouse.publish(tables(), tmp_path)
    finally:
        os.umask(old)
    files = [f for p in tmp_path.glob("*.parquet") for f in ([*p.glob("*.parquet")] if p.is_dir() else [p])]
    assert {oct(f.stat().st_mode & 0o777) for f in files} == {"0o644"}  # each part, or the file


def test_publishing_the_same_tables_twice_rewrites_nothing(tmp_path):
    warehouse.publish(tables(), tmp_path)
    stamps = {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.parquet")}
    assert warehouse.publish(tables(), tmp_path) == []
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.parquet")} == stamps


def test_only_changed_tables_are_rewritten_and_no_temporary_file_is_left(tmp_path):
    warehouse.publish(tables(), tmp_path)
    assert warehouse.publish(tables(value=290000.0), tmp_path) == ["claim_clusters", "claims"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f"{name}.parquet" for name in TABLES] + ["_snapshots"])
    assert not [p for p in (tmp_path / "_snapshots").rglob("*") if p.name.startswith(".")]


def test_a_table_with_a_wrong_column_type_is_refused_and_the_published_one_kept(tmp_path):
    warehouse.publish(tables(), tmp_path)
    broken = tables()
    broken["claims"]["char_start"] = "eighteen"
    with pytest.raises(Exception, match="char_start|int"):
        warehouse.publish(broken, tmp_path)
    assert warehouse.read_table(tmp_path, "claims").loc[0, "char_start"] == 18


def test_quarantine_keeps_the_rejected_tables_and_the_validation_result(tmp_path):
    folder = warehouse.quarantine(tables(), {"success": False}, tmp_path, "run-1")
    assert folder == tmp_path / "_quarantine" / "run-1"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [f"{name}.parquet" for name in TABLES] + ["validation.json"])
    assert not list(tmp_path.glob("*.parquet"))


def test_stale_claims_are_those_of_another_extractor_version(tmp_path):
    published = tables()
    claims = pd.concat([published["claims"]] * 3, ignore_index=True)
    claims["claim_id"] = ["c1", "c2", "c3"]
    claims["extractor_version"] = ["v1", "v0", "v2"]
    claims["doc_id"] = ["d1", "d1", "d1"]
    warehouse.publish({**published, "claims": claims}, tmp_path)
    stale = warehouse.stale_claims(tmp_path, "v1")
    assert list(stale.columns) == ["doc_id", "extractor_version"]
    assert sorted(stale["extractor_version"]) == ["v0", "v2"]
    assert sorted(warehouse.stale_claims(tmp_path, "v0")["extractor_version"]) == ["v1", "v2"]
    assert warehouse.stale_claims(tmp_path / "none", "v1").empty


def test_the_published_index_is_read_for_the_documents_asked_about_only(tmp_path):
    published = tables()
    documents = pd.concat([published["documents"]] * 3, ignore_index=True)
    documents["doc_id"] = ["d1", "d2", "d3"]
    claims = pd.concat([published["claims"]] * 3, ignore_index=True)
    claims["claim_id"], claims["doc_id"] = ["c1", "c2", "c3"], ["d1", "d2", "d3"]
    claims["extractor_version"] = ["v0", "v0", "v1"]
    warehouse.publish({**published, "documents": documents, "claims": claims}, tmp_path)
    hashes = warehouse.published_hashes(tmp_path, ["d3", "d1", "elsewhere"])
    assert list(hashes.columns) == ["doc_id", "raw_sha256"]
    assert sorted(hashes["doc_id"]) == ["d1", "d3"]
    assert warehouse.stale_claims(tmp_path, "v1", ["d2", "d3"])["doc_id"].tolist() == ["d2"]
    assert warehouse.stale_claims(tmp_path, "v1", [])["doc_id"].tolist() == []
    assert warehouse.published_hashes(tmp_path / "none", ["d1"]).empty
