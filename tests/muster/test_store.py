"""Incremental publication (`muster.store`): a warehouse built run by run, in any order, holds
what one run over everything gives; a run writes only the parts it changes."""

import random
from datetime import UTC, datetime

import duckdb
import pandas as pd
import pyarrow as pa
import pytest

from muster import paths, readers, snapshots, store, warehouse
from muster.fingerprint import extractor_version
from transforms.attribution.sources import source_index
from transforms.claims import claims as extract
from transforms.cleaning.cleaning import cleaned_documents
from transforms.cleaning.publication import with_run

KEYS = {"documents": "doc_id", "claims": "claim_id", "sources": "source_id",
        "claim_clusters": "cluster_id", "claim_flags": "flag_id"}
STAMPS = ("run_id", "ingested_at")  # which run brought a document differs by design


@pytest.fixture(scope="module")
def corpus():
    raw, _ = readers.read_inputs([paths.DEMO_CORPUS])
    docs = cleaned_documents(raw)[0]
    registry = readers.read_registry(paths.REGISTRY)
    found = extract(docs, source_index(registry), extractor_version(paths.REGISTRY))
    return docs, found, registry, readers.read_rates(paths.RATES)


def publish(folder, corpus, docs, i, full=False, found=None):
    _, claims, registry, rates = corpus
    claims = claims if found is None else found
    docs = with_run(docs, f"run-{i}", datetime(2025, 1, 1 + i, tzinfo=UTC))
    staged = store.stage(folder, docs, claims[claims["doc_id"].isin(set(docs["doc_id"]))],
                         registry, rates, full)
    return store.publish(staged, folder, run=f"run-{i}")


def contents(folder) -> dict[str, pd.DataFrame]:
    tables = warehouse.read_published(folder)
    return {name: frame.drop(columns=[c for c in STAMPS if c in frame]).sort_values(KEYS[name])
            .reset_index(drop=True) for name, frame in tables.items()}


def assert_same(a: dict, b: dict) -> None:
    for name in KEYS:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_run_by_run_in_any_order_equals_one_run_over_everything(tmp_path, corpus, seed):
    docs = corpus[0]
    ids = list(docs["doc_id"])
    random.Random(seed).shuffle(ids)
    cuts = sorted(random.Random(seed).sample(range(1, len(ids)), 3))
    for i, chunk in enumerate(ids[a:b] for a, b in zip([0, *cuts], [*cuts, len(ids)], strict=True)):
        publish(tmp_path / "runs", corpus, docs[docs["doc_id"].isin(chunk)], i)
    publish(tmp_path / "once", corpus, docs, 0)
    assert_same(contents(tmp_path / "runs"), contents(tmp_path / "once"))


def test_a_replaced_document_leaves_no_trace_of_its_earlier_version(tmp_path, corpus):
    docs, claims, registry, _ = corpus
    publish(tmp_path / "runs", corpus, docs, 0)
    changed = docs.iloc[[0]].assign(raw_sha256="changed")  # the same input, read anew
    publish(tmp_path / "runs", corpus, changed, 1)
    publish(tmp_path / "once", corpus, pd.concat([changed, docs.iloc[1:]]), 0)
    assert_same(contents(tmp_path / "runs"), contents(tmp_path / "once"))
    gone = docs.iloc[[1]]
    emptied = gone.assign(raw_sha256="emptied")
    publish(tmp_path / "runs", corpus, emptied, 2, found=claims[claims["doc_id"] != gone["doc_id"].iloc[0]])
    left = contents(tmp_path / "runs")["claims"]
    assert not left["doc_id"].eq(gone["doc_id"].iloc[0]).any()
    assert len(left) == (claims["doc_id"] != gone["doc_id"].iloc[0]).sum()


def test_full_recompute_equals_the_increments(tmp_path, corpus):
    docs = corpus[0]
    half = len(docs) // 2
    publish(tmp_path, corpus, docs.iloc[:half], 0)
    publish(tmp_path, corpus, docs.iloc[half:], 1)
    before = contents(tmp_path)
    publish(tmp_path, corpus, docs.iloc[:0], 2, full=True)
    assert_same(contents(tmp_path), before)


def test_a_run_writes_only_the_parts_it_changes(tmp_path, corpus):
    docs = corpus[0]
    publish(tmp_path, corpus, docs.iloc[:8], 0)
    first = snapshots.current_dir(tmp_path)
    publish(tmp_path, corpus, docs.iloc[8:], 1)
    second = snapshots.current_dir(tmp_path)
    for name in ("documents", "claims"):
        old = {p.name: p for p in (first / f"{name}.parquet").glob("*.parquet")}
        new = {p.name: p for p in (second / f"{name}.parquet").glob("*.parquet")}
        assert len(new) == len(old) + 1  # the run's own part
        for part, path in old.items():  # a part whose rows stayed is the same file, linked
            same_rows = pd.read_parquet(path).equals(pd.read_parquet(new[part]))
            assert same_rows == (path.stat().st_ino == new[part].stat().st_ino), (name, part)
    documents = first / "documents.parquet"
    assert all(p.stat().st_nlink == 2 for p in documents.glob("*.parquet"))


def test_the_same_input_again_publishes_nothing(tmp_path, corpus):
    docs = corpus[0]
    publish(tmp_path, corpus, docs, 0)
    kept = snapshots.list_snapshots(tmp_path)
    assert publish(tmp_path, corpus, docs.iloc[:0], 1) == []
    assert snapshots.list_snapshots(tmp_path) == kept


def test_tables_of_parts_read_with_pandas_pyarrow_and_duckdb(tmp_path, corpus):
    docs, claims, _, _ = corpus
    publish(tmp_path, corpus, docs.iloc[:5], 0)
    publish(tmp_path, corpus, docs.iloc[5:], 1)
    path = warehouse.table_path(tmp_path, "claims")
    assert len(pd.read_parquet(path)) == len(claims)
    assert duckdb.sql(f"SELECT count(*) FROM '{path}'").fetchall()[0][0] == len(claims)
    status = snapshots.list_snapshots(tmp_path)[-1]
    assert status.rows["claims"] == len(claims) and "_signatures" not in status.rows


def test_many_small_runs_are_compacted_into_few_parts_with_the_same_rows(tmp_path, corpus, monkeypatch):
    monkeypatch.setenv("MUSTER_MAX_PARTS", "3")
    docs = corpus[0]
    for i in range(6):
        publish(tmp_path / "runs", corpus, docs.iloc[i * 2:(i + 1) * 2], i)
    publish(tmp_path / "once", corpus, docs.iloc[:12], 0)
    current = snapshots.current_dir(tmp_path / "runs")
    for name in ("documents", "claims", "_signatures"):
        assert len(list((current / f"{name}.parquet").glob("*.parquet"))) <= 3, name
    parts = {name: {p.stem: set(pd.read_parquet(p)["doc_id"])
                    for p in (current / f"{name}.parquet").glob("*.parquet")}
             for name in ("documents", "claims")}
    for part, ids in parts["claims"].items():  # a document's claims live in its part
        assert ids <= parts["documents"][part]
    assert_same(contents(tmp_path / "runs"), contents(tmp_path / "once"))


def test_a_large_run_is_split_into_parts_by_story_with_the_same_rows(tmp_path, corpus, monkeypatch):
    docs = corpus[0]
    publish(tmp_path / "whole", corpus, docs, 0)
    monkeypatch.setenv("MUSTER_PART_DOCUMENTS", "4")
    publish(tmp_path / "split", corpus, docs.iloc[:len(docs) // 2], 0)
    publish(tmp_path / "split", corpus, docs.iloc[len(docs) // 2:], 1)
    publish(tmp_path / "full", corpus, docs, 0, full=True)
    current = snapshots.current_dir(tmp_path / "split")
    parts = {name: {p.stem: pd.read_parquet(p)
                    for p in (current / f"{name}.parquet").glob("*.parquet")}
             for name in ("documents", "claims", "_signatures")}
    assert len(parts["documents"]) >= 2 * (len(docs) // 2 // 4)  # about 4 documents a part
    for part, frame in parts["claims"].items():  # a document's claims and signature live in its part
        assert set(frame["doc_id"]) <= set(parts["documents"][part]["doc_id"])
    for part, frame in parts["documents"].items():
        assert set(frame["doc_id"]) == set(parts["_signatures"][part]["doc_id"])
    published = warehouse.read_published(tmp_path / "split")["documents"]
    part_of = {d: p for p, frame in parts["documents"].items() for d in frame["doc_id"]}
    copies = published[published["duplicate_of"].notna()]
    first = set(docs["doc_id"].iloc[:len(docs) // 2])
    same_run = [(d, c) for d, c in zip(copies["doc_id"], copies["duplicate_of"], strict=True)
                if (d in first) == (c in first)]
    assert all(part_of[d] == part_of[c] for d, c in same_run)  # a story's copies of one run: one part
    assert_same(contents(tmp_path / "split"), contents(tmp_path / "whole"))
    assert_same(contents(tmp_path / "full"), contents(tmp_path / "whole"))


def test_split_by_story_keeps_copies_together_and_parts_small():
    documents = pd.DataFrame({"doc_id": [f"d{i}" for i in range(10)],
                              "duplicate_of": [None, "d0", "d0", None, "d3", None, None, None, None, None]})
    groups = store.split_by_story(documents, most=4)
    assert len(groups) <= 3 and set().union(*groups) == set(documents["doc_id"])
    assert sum(len(g) for g in groups) == 10
    assert any({"d0", "d1", "d2"} <= g for g in groups) and any({"d3", "d4"} <= g for g in groups)
    assert store.split_by_story(documents, most=10) == [set(documents["doc_id"])]


def test_stored_keys_read_dictionary_encoded_equal_a_plain_read(tmp_path, corpus):
    """`Snapshot.stored` reads repeated strings dictionary-encoded: the same Python objects, None
    for a missing value, as a plain read turned into objects."""
    import pyarrow as pa

    from transforms.cleaning.publication import CLAIM_KEYS, DOCUMENT_META

    docs = corpus[0]
    publish(tmp_path, corpus, docs.iloc[:6], 0)
    publish(tmp_path, corpus, docs.iloc[6:], 1)
    snapshot = store.Snapshot.current(tmp_path)
    stored = snapshot.stored()
    for name, columns, got in (("claims", CLAIM_KEYS, stored.claims),
                               ("documents", DOCUMENT_META, stored.documents)):
        plain = pa.concat_tables([store._read(f, name, columns).append_column(
            "part", pa.array([p] * pq_rows(f), pa.string())) for p, f in snapshot.parts(name).items()])
        expected = plain.to_pandas()
        for column in expected:
            if pd.api.types.is_string_dtype(expected[column].dtype):
                expected[column] = expected[column].astype(object).where(expected[column].notna(), None)
        pd.testing.assert_frame_equal(got, expected, obj=name)
        assert any(v is None for v in got["duplicate_of" if name == "documents" else "per"])
        assert all(got[c].dtype == object for c in got if c in store.REPEATED)


def pq_rows(path) -> int:
    import pyarrow.parquet as pq

    return pq.ParquetFile(path).metadata.num_rows


def test_part_of_finds_the_parts_of_the_ids_asked_for_only():
    rows = pd.DataFrame({"claim_id": ["a", "b", "c", "d"], "part": ["p1", "p1", "p2", "p3"]})
    assert store.part_of(rows, "claim_id", {"c", "a", "zz"}) == {"a": "p1", "c": "p2"}
    assert store.part_of(rows, "claim_id", frozenset()) == {}
    assert store.part_of(rows.iloc[:0], "claim_id", {"a"}) == {}


def test_a_runs_new_parts_are_made_into_arrow_only_when_written(tmp_path, corpus, monkeypatch):
    """`_new_parts` holds a run's own documents and claims as `Pending` slices of its frames, made
    into Arrow one part at a time as they are written: the same rows as converting them at once."""
    docs, claims, registry, rates = corpus
    monkeypatch.setenv("MUSTER_PART_DOCUMENTS", "4")
    staged = store.stage(tmp_path, with_run(docs, "run-0", datetime(2025, 1, 1, tzinfo=UTC)),
                         claims, registry, rates)
    parts = store.parts_of(staged)
    for name in ("documents", "claims"):
        pending = parts[name].write
        assert len(pending) >= 2 and all(isinstance(p, store.Pending) for p in pending.values())
        assert sum(p.num_rows for p in pending.values()) == len(getattr(staged.increment, name))
        made = pa.concat_tables([p.table() for p in pending.values()])
        assert made.num_rows == len(getattr(staged.increment, name))
        frame = getattr(staged.increment, name)
        key = "doc_id" if name == "documents" else "claim_id"
        whole = store._arrow(frame, name).sort_by(key)
        assert made.sort_by(key).equals(whole)
