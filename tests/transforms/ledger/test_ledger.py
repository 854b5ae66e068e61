"""The ledger: what the report and the run's artifacts say about the published tables."""

from datetime import date

import pandas as pd
import pyarrow as pa

from transforms.declarations.schema import TABLES
from transforms.ledger.ledger import (
    clusters_with_variants,
    contradictions,
    figure_text,
    figures_over_time,
    outlet_counts,
    totals,
)


def frame(name: str, rows: list[dict]) -> pd.DataFrame:
    return pa.Table.from_pylist(rows, schema=TABLES[name]).to_pandas()


def document(doc_id, outlet, published=None, duplicate_of=None, url=None):
    return {"doc_id": doc_id, "outlet": outlet, "published": published, "duplicate_of": duplicate_of,
            "url": url, "text": "...", "raw_sha256": doc_id * 8, "n_chars": 3,
            "ingested_at": pd.Timestamp("2024-06-01", tz="UTC"), "run_id": "run"}


def claim(claim_id, doc_id, cluster_id, value=None, claimant="Dmitry Medvedev", metric="recruited",
          **fields):
    return {"claim_id": claim_id, "doc_id": doc_id, "cluster_id": cluster_id, "value": value,
            "claimant": claimant, "claimant_id": claimant.lower().replace(" ", "-"),
            "metric": metric, "sentence": "...", "char_start": 0, "char_end": 3,
            "quote": fields.pop("quote", f"{value:,.0f}" if value else "some"), "unit": "person",
            "qualifier": "exact", "extractor_version": "v1", "attribution_cue": "said",
            "attribution_rule": "own-speaker", "attribution_score": 1.0, **fields}


def cluster(cluster_id, claimant, value=None, contradiction_id=None, **fields):
    return {"cluster_id": cluster_id, "metric": "recruited", "claimant": claimant,
            "claimant_id": claimant.lower(), "unit": "person", "qualifier": "exact", "value": value,
            "n_claims": 1, "n_documents": 1, "n_outlets": 1, "n_variants": 0,
            "contradiction_id": contradiction_id, **fields}


def flag(flag_id, kind, cluster_id, claim_id, reason):
    return {"flag_id": flag_id, "flag": kind, "cluster_id": cluster_id, "claim_id": claim_id,
            "reason": reason}


DOCUMENTS = frame("documents", [
    document("d1", "tass.ru", date(2024, 3, 1), url="https://tass.ru/1"),
    document("d2", "rt.com", date(2024, 3, 2), duplicate_of="d1"),
    document("d3", "tass.ru", date(2024, 4, 9)),
    document("d4", None),
])


def test_figures_are_dated_by_as_of_else_period_end_else_publication_and_copies_collapse():
    claims = frame("claims", [
        claim("c1", "d1", "k1", 280000.0, period_start=date(2024, 1, 1), period_end=date(2024, 3, 1)),
        claim("c2", "d2", "k1", 280000.0, period_start=date(2024, 1, 1), period_end=date(2024, 3, 1)),
        claim("c3", "d3", "k2", 300000.0, as_of=date(2023, 12, 31)),
        claim("c4", "d3", "k3", None, claimant="US officials", metric="casualties",
              value_low=120000.0, value_high=180000.0, qualifier="range"),
        claim("c5", "d4", "k4", 5.0, metric="casualties"),
    ])
    figures = figures_over_time(claims, DOCUMENTS)
    rows = {(r.metric, r.claimant, r.date): r for r in figures.itertuples()}
    assert len(figures) == 4
    assert rows[("recruited", "Dmitry Medvedev", date(2024, 3, 1))].n_claims == 2
    assert rows[("recruited", "Dmitry Medvedev", date(2024, 3, 1))].date_from == "period_end"
    assert rows[("recruited", "Dmitry Medvedev", date(2023, 12, 31))].date_from == "as_of"
    ranged = rows[("casualties", "US officials", date(2024, 4, 9))]
    assert (ranged.date_from, ranged.value_low, ranged.value_high) == ("published", 120000, 180000)
    assert pd.isna(ranged.value)
    undated = figures[figures["date"].isna()]
    assert undated["value"].tolist() == [5.0] and undated["date_from"].isna().all()
    recruited = figures[figures["metric"] == "recruited"]
    assert recruited["date"].tolist() == [date(2023, 12, 31), date(2024, 3, 1)]


def test_figure_text_writes_qualifiers_ranges_units_and_rates():
    assert figure_text(280000.0, None, None, "exact", "person") == "280,000"
    assert figure_text(190000.0, None, None, "at_least", "RUB", "month") == "at least 190,000 RUB per month"
    assert figure_text(None, 120000.0, 180000.0, "range", "person") == "120,000–180,000"
    assert figure_text(2.5, None, None, "approx", "percent") == "about 2.5 percent"


def test_a_contradiction_is_one_row_naming_each_claimant_with_its_value_and_the_reason():
    clusters = frame("claim_clusters", [
        cluster("k1", "Dmitry Medvedev", 280000.0, "x1", period_start=date(2024, 1, 1),
                period_end=date(2024, 3, 1)),
        cluster("k2", "UK Ministry of Defence", None, "x1", value_low=120000.0, value_high=180000.0,
                qualifier="range", period_start=date(2024, 1, 1), period_end=date(2024, 3, 1)),
        cluster("k3", "Dmitry Medvedev", 300000.0),
    ])
    flags = frame("claim_flags", [
        flag("f1", "contradiction", "k1", None, "Medvedev's 280,000 is above the UK's 120,000–180,000."),
        flag("f2", "contradiction", "k2", None, "The UK's 120,000–180,000 is below Medvedev's 280,000."),
    ])
    found = contradictions(clusters, flags)
    assert found.to_dict("records") == [{
        "contradiction_id": "x1", "metric": "recruited", "unit": "person",
        "period": "2024-01-01 to 2024-03-01", "n_claimants": 2,
        "claimants": "Dmitry Medvedev: 280,000; UK Ministry of Defence: 120,000–180,000",
        "reason": "Medvedev's 280,000 is above the UK's 120,000–180,000."}]
    assert contradictions(clusters.iloc[2:], flags.iloc[:0]).empty


def test_clusters_come_most_repeated_first_with_outlets_and_each_variant_and_why():
    claims = frame("claims", [
        claim("c1", "d1", "k1", 280000.0), claim("c2", "d2", "k1", 280000.0),
        claim("c3", "d3", "k1", 28000.0, quote="28,000"), claim("c4", "d4", "k2", 1200.0),
    ])
    clusters = frame("claim_clusters", [
        cluster("k2", "Governor", 1200.0),
        cluster("k1", "Dmitry Medvedev", 280000.0, n_claims=3, n_documents=3, n_outlets=2,
                n_variants=1),
    ])
    flags = frame("claim_flags", [flag("f1", "typo", "k1", "c3", "28,000 drops a digit of 280,000.")])
    found = clusters_with_variants(clusters, flags, claims, DOCUMENTS)
    assert found["cluster_id"].tolist() == ["k1", "k2"]
    first = found.iloc[0]
    assert (first["figure"], first["outlets"]) == ("280,000", "rt.com, tass.ru")
    assert first["variants"] == [{"flag": "typo", "meaning": first["variants"][0]["meaning"],
                                  "reason": "28,000 drops a digit of 280,000.", "quote": "28,000",
                                  "outlet": "tass.ru", "url": ""}]
    assert "dropped 'thousand'" in first["variants"][0]["meaning"]
    assert found.iloc[1]["variants"] == [] and found.iloc[1]["outlets"] == "(no outlet)"


def test_outlet_counts_documents_claims_copies_clusters_and_publication_span():
    claims = frame("claims", [
        claim("c1", "d1", "k1", 280000.0), claim("c2", "d2", "k1", 280000.0),
        claim("c3", "d3", "k2", 300000.0), claim("c4", "d3", "k2", 300000.0),
    ])
    counts = outlet_counts(DOCUMENTS, claims)
    assert counts.to_dict("records") == [
        {"outlet": "tass.ru", "documents": 2, "claims": 3, "copies": 0, "clusters": 2,
         "first_published": date(2024, 3, 1), "last_published": date(2024, 4, 9)},
        {"outlet": "rt.com", "documents": 1, "claims": 1, "copies": 1, "clusters": 1,
         "first_published": date(2024, 3, 2), "last_published": date(2024, 3, 2)},
        {"outlet": "(no outlet)", "documents": 1, "claims": 0, "copies": 0, "clusters": 0,
         "first_published": None, "last_published": None},
    ]


def test_totals_count_rows_copies_variants_and_contradiction_groups():
    clusters = frame("claim_clusters", [cluster("k1", "A", 1.0, "x1"), cluster("k2", "B", 2.0, "x1")])
    flags = frame("claim_flags", [flag("f1", "rounded", "k1", "c1", "r"),
                                  flag("f2", "contradiction", "k1", None, "c")])
    assert totals(DOCUMENTS, frame("claims", []), clusters, flags) == {
        "documents": 4, "copies": 1, "claims": 0, "clusters": 2, "variants": 1,
        "contradictions": 1, "flags": 2}


def test_empty_tables_give_empty_frames_with_their_columns():
    empty = {name: frame(name, []) for name in TABLES}
    assert figures_over_time(empty["claims"], empty["documents"]).empty
    assert contradictions(empty["claim_clusters"], empty["claim_flags"]).empty
    assert clusters_with_variants(empty["claim_clusters"], empty["claim_flags"], empty["claims"],
                                  empty["documents"]).empty
    assert list(outlet_counts(empty["documents"], empty["claims"]).columns)[:3] == [
        "outlet", "documents", "claims"]
