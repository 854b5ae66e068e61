"""The muster flow under a real Prefect API: what it publishes, and what it refuses to publish."""

import hashlib
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from flows.pipeline import muster
from muster import paths, warehouse
from transforms.cleaning.cleaning import doc_id

GOLD = Path(__file__).parents[1] / "fixtures" / "demo_gold.jsonl"


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(b"".join(f.read_bytes() for f in sorted(p.glob("*.parquet")))
                                   if p.is_dir() else p.read_bytes()).hexdigest()
            for p in sorted(folder.glob("*.parquet"))}


@pytest.fixture
def corpus(tmp_path):
    """A private copy of the demo corpus that a test may change."""
    return Path(shutil.copytree(paths.DEMO_CORPUS, tmp_path / "articles"))


@pytest.fixture(scope="module")
def demo_run(prefect_api, tmp_path_factory):
    """One run over the demo corpus, shared by the tests that only read its output."""
    folder = tmp_path_factory.mktemp("wh")
    summary = muster(inputs=[str(paths.DEMO_CORPUS)], warehouse=str(folder))
    return summary, warehouse.read_published(folder), folder


def test_the_demo_corpus_is_published_as_the_declared_tables(demo_run):
    summary, tables, folder = demo_run
    assert sorted(p.name for p in folder.glob("*.parquet")) == sorted(
        f"{name}.parquet" for name in warehouse.TABLES)
    n_files = sum(1 for p in paths.DEMO_CORPUS.iterdir() if p.suffix != ".jsonl")
    n_records = sum(1 for p in paths.DEMO_CORPUS.glob("*.jsonl")
                    for line in p.read_text().splitlines() if line.strip())
    assert len(tables["documents"]) == n_files + n_records
    assert summary["skipped"] == []
    assert summary["checks"]["success"] is True


def test_every_claim_points_at_its_quote_in_a_published_document(demo_run):
    _, tables, _ = demo_run
    text = tables["documents"].set_index("doc_id")["text"]
    for claim in tables["claims"].itertuples():
        assert text[claim.doc_id][claim.char_start:claim.char_end] == claim.quote
    assert set(tables["claims"]["claimant_id"]) <= set(tables["sources"]["source_id"])


@pytest.mark.parametrize(("value", "unit", "claimant", "via"), [
    (280000, "person", "Dmitry Medvedev", "TASS"),
    (495000, "RUB", "UK Ministry of Defence", None),
    (300000, "person", "Sergei Shoigu", None),
])
def test_known_figures_are_published_with_who_stands_behind_them(demo_run, value, unit,
                                                                 claimant, via):
    _, tables, _ = demo_run
    claims = tables["claims"]
    rows = claims[(claims["value"] == value) & (claims["unit"] == unit)]
    assert not rows.empty, f"{value} {unit} not published"
    assert claimant in set(rows["claimant"])
    if via:
        assert via in set(rows.loc[rows["claimant"] == claimant, "via"])


def gold_doc_id(doc: str) -> str:
    """The doc_id the pipeline gives an answer-key document ("file.txt" or "wire.jsonl#w2")."""
    name, _, record = doc.partition("#")
    if not record:
        return doc_id(f"file:{name}")
    for line in (paths.DEMO_CORPUS / name).read_text().splitlines():
        obj = json.loads(line)
        if obj.get("id") == record:
            return doc_id(f"url:{obj['url']}" if obj.get("url") else f"file:{name}#{record}")
    raise LookupError(doc)


def found_in(claims: pd.DataFrame, figure: dict) -> bool:
    """The figure is among the document's claims, by value (or bounds) within rounding."""
    def close(a, b):
        return a is not None and pd.notna(b) and abs(a - b) <= 0.005 * max(abs(a), 1)

    if figure["value"] is not None:
        return any(close(figure["value"], v) for v in claims["value"])
    return any(close(figure["value_low"], lo) and close(figure["value_high"], hi)
               for lo, hi in zip(claims["value_low"], claims["value_high"], strict=True))


def test_the_demo_run_finds_most_of_the_answer_keys_figures(demo_run):
    """Recall on the project's own answer key, matched per document by value."""
    _, tables, _ = demo_run
    gold = [json.loads(line) for line in GOLD.read_text().splitlines() if line.strip()]
    by_doc = dict(tuple(tables["claims"].groupby("doc_id")))
    empty = tables["claims"].iloc[0:0]
    found = [found_in(by_doc.get(gold_doc_id(g["doc"]), empty), g) for g in gold]
    assert sum(found) / len(gold) >= 0.8


def test_the_run_leaves_artifacts_for_the_ui(demo_run, latest_artifact):
    counts = latest_artifact("muster-stage-counts")
    assert [row["stage"] for row in json.loads(counts.data)] == [
        "ingest", "select", "clean", "tabulate", "publish"]
    validation = latest_artifact("muster-validation")
    assert "claims" in validation.data and "_validation" in validation.data
    assert validation.flow_run_id == counts.flow_run_id  # on the parent run, beside the others
    summary, _, folder = demo_run
    (report,) = (folder / "_validation").glob("*.html")
    assert summary["validation_report"] == str(report) and report.with_suffix(".json").is_file()
    link = latest_artifact("muster-table-claims").data
    assert link.startswith("[claims.parquet](file://") and link.endswith("/claims.parquet)")


def test_running_twice_on_the_same_input_changes_nothing(prefect_api, corpus, tmp_path):
    folder = tmp_path / "wh"
    muster(inputs=[str(corpus)], warehouse=str(folder))
    before = digest(folder)
    again = muster(inputs=[str(corpus)], warehouse=str(folder))
    assert again["written"] == []
    assert digest(folder) == before


def test_a_changed_article_replaces_its_rows_and_leaves_the_others(prefect_api, corpus, tmp_path):
    folder = tmp_path / "wh"
    muster(inputs=[str(corpus)], warehouse=str(folder))
    before = warehouse.read_published(folder)
    article = sorted(corpus.glob("*.txt"))[0]
    body = article.read_text()  # a new paragraph in the body, before the closing one
    at = body.index("Taken together")
    article.write_text(body[:at] + "Officials said 777,777 people signed up.\n\n" + body[at:])

    muster(inputs=[str(corpus)], warehouse=str(folder))

    after = warehouse.read_published(folder)
    assert len(after["documents"]) == len(before["documents"])
    assert 777777 in set(after["claims"]["value"])
    changed = set(after["documents"]["doc_id"]) - set(
        pd.merge(before["documents"], after["documents"], on=["doc_id", "raw_sha256"])["doc_id"])
    assert len(changed) == 1
    unchanged = after["claims"][~after["claims"]["doc_id"].isin(changed)]
    kept = before["claims"][~before["claims"]["doc_id"].isin(changed)]
    assert unchanged.reset_index(drop=True).equals(kept.reset_index(drop=True))


def test_a_run_that_breaks_a_suite_publishes_nothing_and_keeps_a_quarantine(prefect_api, corpus,
                                                                            tmp_path, monkeypatch):
    """What is wrong with the tables as a whole (here two sources of one name) still fails the
    gate: nothing is published and the tables are kept for inspection."""
    import dataclasses

    from muster import store

    folder = tmp_path / "wh"
    muster(inputs=[str(corpus)], warehouse=str(folder))
    before = digest(folder)
    real = store.increment

    def broken(*args, **kwargs):
        change = real(*args, **kwargs)
        sources = change.sources
        return dataclasses.replace(change, sources=pd.concat(
            [sources, sources.iloc[:1].assign(source_id="copy")], ignore_index=True))

    monkeypatch.setattr(store, "increment", broken)
    (corpus / "new.txt").write_text("Officials said 5,000 people joined.\n")

    state = muster(inputs=[str(corpus)], warehouse=str(folder), return_state=True)

    assert state.is_failed()
    with pytest.raises(Exception, match="validation failed .*sources.*nothing published"):
        state.result()
    assert digest(folder) == before
    (quarantined,) = (folder / "_quarantine").iterdir()
    assert {p.name for p in quarantined.iterdir()} == {
        *(f"{name}.parquet" for name in warehouse.TABLES), "validation.json"}
    result = json.loads((quarantined / "validation.json").read_text())
    assert result["success"] is False
    reports = sorted((folder / "_validation").glob("*.json"))  # one per run, passed or failed
    assert len(reports) == 2 and reports[-1].stem == quarantined.name
    assert json.loads(reports[-1].read_text())["success"] is False
    assert "FAILED" in reports[-1].with_suffix(".html").read_text()


def test_bad_inputs_are_skipped_with_messages_and_the_good_ones_published(prefect_api, tmp_path,
                                                                          latest_artifact):
    good = tmp_path / "good.txt"
    good.write_text("The governor said 1,200 volunteers signed contracts in March.\n")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Some 40 people left."}\n{not json\n')
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")

    summary = muster(inputs=[str(good), str(bad), str(tmp_path / "scan.pdf"),
                             str(tmp_path / "missing.txt")], warehouse=str(tmp_path / "wh"))

    assert summary["stages"][0]["out"] == 2
    skipped = "\n".join(summary["skipped"])
    assert "bad.jsonl:2: invalid JSON" in skipped
    assert "scan.pdf: unknown extension '.pdf'" in skipped
    assert "missing.txt: no such file or directory" in skipped
    listed = json.loads(latest_artifact("muster-skipped-inputs").data)
    assert len(listed) == 3
    (record,) = (tmp_path / "wh" / "_rejected").iterdir()
    kept = [json.loads(line) for line in record.read_text().splitlines()]
    assert {r["key"] for r in kept} >= {str(tmp_path / "missing.txt"), f"{bad}:2"}
    assert all(r["reason"] and r["stage"] == "read" for r in kept)


def test_input_with_nothing_usable_fails_the_run(prefect_api, tmp_path):
    (tmp_path / "empty.txt").write_text("\n")
    state = muster(inputs=[str(tmp_path / "empty.txt")], warehouse=str(tmp_path / "wh"),
                   return_state=True)
    assert state.is_failed()
    with pytest.raises(Exception, match="(?s)no usable document.*empty.txt: empty document"):
        state.result()
    assert not (tmp_path / "wh").exists() or not list((tmp_path / "wh").glob("*.parquet"))


def test_the_demo_ledger_shows_one_update_many_outlets_and_a_contradiction(demo_run):
    """The UK MoD's sign-up payment, retold by five outlets, is one cluster whose slip, other
    conversion and euro-only figure are flagged; the 2024 totals of Belousov and Medvedev
    contradict each other."""
    _, tables, _ = demo_run
    clusters, flags = tables["claim_clusters"], tables["claim_flags"]
    (pay,) = clusters.loc[(clusters["metric"] == "pay") & (clusters["value"] == 495000)
                          & (clusters["unit"] == "RUB")].itertuples()
    assert pay.claimant == "UK Ministry of Defence" and pay.n_outlets >= 4
    kinds = set(flags.loc[flags["cluster_id"] == pay.cluster_id, "flag"])
    assert {"typo", "conversion_differs", "other_currency"} <= kinds
    contradicting = clusters.loc[clusters["contradiction_id"].notna()]
    assert {"Andrei Belousov", "Dmitry Medvedev"} <= set(contradicting["claimant"])
    assert set(contradicting["value"]) >= {427000.0, 450000.0}
