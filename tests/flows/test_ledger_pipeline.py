"""The claims ledger end to end: the real flow over the project's ledger articles, then the report
and the SQL shell on what it published. tests/fixtures/ledger/README.md says what each article is for.
"""

import html
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from flows.pipeline import muster
from muster import warehouse
from muster.cli import main

ARTICLES = Path(__file__).parents[1] / "fixtures" / "ledger" / "articles.jsonl"
OUTLET = {json.loads(line)["id"]: json.loads(line)["outlet"] for line in ARTICLES.read_text().splitlines()}


@pytest.fixture(scope="module")
def ledger_run(prefect_api, tmp_path_factory):
    """One run over the ledger articles, then a second on the same input."""
    folder = tmp_path_factory.mktemp("ledger-wh")
    first = muster(inputs=[str(ARTICLES)], warehouse=str(folder))
    tables = warehouse.read_published(folder)
    again = muster(inputs=[str(ARTICLES)], warehouse=str(folder))
    return first, again, tables, folder


@pytest.fixture(scope="module")
def claims(ledger_run) -> pd.DataFrame:
    """The published claims with their article's fixture id and outlet."""
    tables = ledger_run[2]
    documents = tables["documents"][["doc_id", "external_id", "outlet"]]
    return tables["claims"].merge(documents, on="doc_id", validate="many_to_one")


def cluster(ledger_run, cluster_id: str) -> dict:
    clusters = ledger_run[2]["claim_clusters"]
    return clusters.set_index("cluster_id").loc[cluster_id].to_dict()


def flags(ledger_run, kind: str) -> pd.DataFrame:
    found = ledger_run[2]["claim_flags"]
    return found[found["flag"] == kind]


def one_cluster(rows: pd.DataFrame) -> str:
    assert rows["cluster_id"].nunique() == 1, rows[["external_id", "quote", "cluster_id"]]
    return rows["cluster_id"].iloc[0]


def test_the_run_publishes_the_ledger_tables(ledger_run):
    first, _, tables, folder = ledger_run
    assert first["checks"]["success"] is True and first["skipped"] == []
    assert {"claim_clusters", "claim_flags"} <= set(first["written"])
    assert {p.stem for p in folder.glob("*.parquet")} >= {"claims", "claim_clusters", "claim_flags"}
    assert len(tables["documents"]) == len(OUTLET)


def test_the_agency_story_is_one_cluster_across_its_reprint_and_its_rewrite(ledger_run, claims):
    repeated = claims[(claims["value"] == 190_000) & (claims["metric"] == "recruited")]
    assert set(repeated["external_id"]) == {"wire-0604", "herald-0605", "ledger-0606"}
    row = cluster(ledger_run, one_cluster(repeated))
    assert (row["claimant"], row["n_documents"], row["n_outlets"]) == ("Dmitry Medvedev", 3, 3)
    documents = ledger_run[2]["documents"].set_index("external_id")
    assert documents.at["herald-0605", "duplicate_of"] == documents.at["wire-0604", "doc_id"], \
        "the near-verbatim reprint is marked a copy of the agency story"


def test_the_payment_variants_join_one_cluster_each_flagged_with_a_reason(ledger_run, claims):
    payments = claims[claims["metric"] == "pay"]
    assert set(payments["external_id"]) == {"wire-0604", "herald-0605", "ledger-0606", "digest-0610",
                                            "observer-0612"}
    row = cluster(ledger_run, one_cluster(payments))
    assert (row["claimant"], row["unit"], row["value"]) == ("UK Ministry of Defence", "RUB", 460_000)
    assert row["n_variants"] == 3
    flagged = {kind: flags(ledger_run, kind).merge(claims[["claim_id", "external_id"]], on="claim_id")
               for kind in ("conversion_differs", "typo", "other_currency")}
    expected = {"conversion_differs": ("ledger-0606", ["5,050 USD", "5,040 USD"]),
                "typo": ("herald-0605", ["46,000 RUB", "460,000 RUB", "a digit missing"]),
                "other_currency": ("observer-0612", ["4,670 EUR", "2024's average rate", "460,000 RUB"])}
    for kind, (article, words) in expected.items():
        [flag] = flagged[kind].to_dict("records")
        assert flag["external_id"] == article, kind
        for word in words:
            assert word in flag["reason"], f"{kind}: {word!r} not in {flag['reason']!r}"


def test_the_two_claimants_for_2024_are_a_contradiction(ledger_run, claims):
    in_2024 = claims[claims["external_id"] == "review-0121"]
    ids = set(in_2024["cluster_id"])
    assert len(ids) == 2
    rows = [cluster(ledger_run, i) for i in ids]
    assert {r["claimant"] for r in rows} == {"Dmitry Medvedev",
                                           "Ukrainian Main Intelligence Directorate (GUR)"}
    assert len({r["contradiction_id"] for r in rows}) == 1 and pd.notna(rows[0]["contradiction_id"])
    found = flags(ledger_run, "contradiction")
    assert set(found["cluster_id"]) == ids
    for flag in found.itertuples():
        assert "in 2024" in flag.reason
        assert "Dmitry Medvedev" in flag.reason and "Ukrainian Main Intelligence Directorate" in flag.reason


def test_only_the_2024_totals_contradict(ledger_run):
    clusters = ledger_run[2]["claim_clusters"]
    assert clusters["contradiction_id"].notna().sum() == 2


def test_every_claim_has_its_cluster_in_claim_clusters(ledger_run):
    tables = ledger_run[2]
    assert tables["claims"]["cluster_id"].notna().all()
    assert set(tables["claims"]["cluster_id"]) == set(tables["claim_clusters"]["cluster_id"])
    assert set(tables["claim_flags"]["cluster_id"]) <= set(tables["claim_clusters"]["cluster_id"])


def test_a_second_run_on_the_same_input_rewrites_nothing(ledger_run):
    _, again, _, _ = ledger_run
    assert again["written"] == []


def test_the_report_names_the_contradicting_claimants(ledger_run, tmp_path):
    folder = ledger_run[3]
    out = tmp_path / "r.html"
    assert main(["report", "--warehouse", str(folder), "--out", str(out)]) == 0
    page = out.read_text()
    section = re.search(r'<section id="contradictions">(.*?)</section>', page, re.DOTALL)
    assert section, "the report has no contradictions section"
    text = html.unescape(section.group(1))
    assert "Dmitry Medvedev" in text and "Ukrainian Main Intelligence Directorate (GUR)" in text
    assert "at most 375,000" in text


def test_sql_counts_the_published_clusters(ledger_run, capsys):
    folder, clusters = ledger_run[3], ledger_run[2]["claim_clusters"]
    capsys.readouterr()
    code = main(["sql", "select count(*) as n from claim_clusters", "--warehouse", str(folder),
                 "--format", "csv"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.split() == ["n", str(len(clusters))]
