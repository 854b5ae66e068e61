"""The claims ledger as tables: each claim's cluster, claim_clusters and claim_flags.

The frames are built from small rows cast through the published schemas, as the pipeline reads
them back from Parquet: documents with outlet, date and `duplicate_of`, claims with the fields
clustering looks at.
"""

import datetime as dt
import hashlib

import pandas as pd
import pyarrow as pa
import pytest

from transforms.declarations.schema import TABLES
from transforms.declarations.vocab import FLAGS
from transforms.ledger import clusters
from transforms.ledger.clusters import Member
from transforms.ledger.ledger_tables import ledger

D = dt.date
RATES = {("EUR", 2023): 1.08, ("USD", 2023): 1.0}
IN_2024 = {"period_start": D(2024, 1, 1), "period_end": D(2024, 12, 31)}


def document(doc_id: str, outlet: str, published: dt.date | None, duplicate_of: str | None = None) -> dict:
    text = f"Article {doc_id}."
    return {"doc_id": doc_id, "url": f"https://{outlet.lower().replace(' ', '')}.example/{doc_id}",
            "outlet": outlet, "published": published, "language": "en", "text": text,
            "raw_sha256": hashlib.sha256(text.encode()).hexdigest(), "n_chars": len(text),
            "ingested_at": dt.datetime(2025, 1, 1, tzinfo=dt.UTC), "run_id": "run-1",
            "duplicate_of": duplicate_of}


def claim(claim_id: str, doc_id: str, value: float | None, unit: str = "person", *,
          metric: str = "recruited", claimant: str = "Russian Ministry of Defence",
          qualifier: str = "exact", **fields: object) -> dict:
    row = dict.fromkeys(TABLES["claims"].names)
    row.update(claim_id=claim_id, doc_id=doc_id, sentence=f"A sentence with {value}.", char_start=0,
               char_end=10, quote=str(value), value=value, unit=unit, qualifier=qualifier,
               metric=metric, claimant=claimant,
               claimant_id=claimant.lower().replace(" ", "-"), extractor_version="test",
               attribution_cue="said", attribution_rule="own-speaker", attribution_score=1.0)
    row.update(fields)
    return row


def pay(claim_id: str, doc_id: str, value: float, unit: str = "RUB", **fields: object) -> dict:
    """A monthly sign-up payment as the UK Ministry of Defence reports it."""
    return claim(claim_id, doc_id, value, unit, metric="pay", claimant="UK Ministry of Defence",
                 per="month", **fields)


def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    return pa.Table.from_pylist(rows, schema=TABLES[table]).to_pandas()


def run(docs: list[dict], claims: list[dict], rates: dict | None = None):
    """(claims with cluster_id, claim_clusters, claim_flags) for these rows."""
    return ledger(frame("claims", claims), frame("documents", docs), RATES if rates is None else rates)


def cluster_of(claims: pd.DataFrame, claim_id: str) -> str:
    return claims.set_index("claim_id").at[claim_id, "cluster_id"]


def flags_of(flags: pd.DataFrame, kind: str) -> pd.DataFrame:
    return flags[flags["flag"] == kind]


# --- one figure across outlets ---------------------------------------------------------------

REPEATED_DOCS = [
    document("tass", "TASS", D(2024, 3, 12)),
    document("tass-copy", "TASS", None, duplicate_of="tass"),  # the same story under another URL
    document("rbc", "RBC", D(2024, 3, 12)),
    document("meduza", "Meduza", D(2024, 3, 14)),
]


def since_jan_1(published: dt.date) -> dict:
    return {"period_start": D(published.year, 1, 1), "period_end": published}


REPEATED_CLAIMS = [
    claim("c-tass", "tass", 280_000, claimant="Dmitry Medvedev", **since_jan_1(D(2024, 3, 12))),
    claim("c-copy", "tass-copy", 280_000, claimant="Dmitry Medvedev", **since_jan_1(D(2024, 3, 12))),
    claim("c-rbc", "rbc", 280_000, claimant="Dmitry Medvedev", **since_jan_1(D(2024, 3, 12))),
    claim("c-meduza", "meduza", 280_000, claimant="Dmitry Medvedev", **since_jan_1(D(2024, 3, 14))),
]


def test_a_figure_repeated_by_three_outlets_and_a_syndicated_copy_is_one_cluster():
    claims, clusters, flags = run(REPEATED_DOCS, REPEATED_CLAIMS)
    assert claims["cluster_id"].nunique() == 1
    [row] = clusters.to_dict("records")
    assert row["cluster_id"] == claims["cluster_id"].iloc[0]
    assert (row["claimant"], row["metric"], row["unit"], row["value"]) == (
        "Dmitry Medvedev", "recruited", "person", 280_000)
    assert (row["n_claims"], row["n_documents"], row["n_outlets"]) == (4, 4, 3)
    assert (row["period_start"], row["period_end"]) == (D(2024, 1, 1), D(2024, 3, 12))
    assert (row["first_seen"], row["last_seen"]) == (D(2024, 3, 12), D(2024, 3, 14))
    assert row["n_variants"] == 0 and pd.isna(row["contradiction_id"])
    assert flags.empty


def test_a_rounded_repeat_joins_the_cluster_and_is_flagged_rounded():
    docs = [document("a", "TASS", D(2024, 3, 12)), document("b", "RBC", D(2024, 3, 12)),
            document("c", "Meduza", D(2024, 3, 13))]
    rows = [claim("ca", "a", 283_000), claim("cb", "b", 283_000),
            claim("cc", "c", 280_000, qualifier="approx")]
    claims, clusters, flags = run(docs, rows)
    assert claims["cluster_id"].nunique() == 1
    [row] = clusters.to_dict("records")
    assert (row["value"], row["value_low"], row["value_high"]) == (283_000, 280_000, 283_000)
    assert row["n_variants"] == 1
    [flag] = flags.to_dict("records")
    assert (flag["flag"], flag["claim_id"]) == ("rounded", "cc")
    assert "280,000" in flag["reason"] and "283,000" in flag["reason"]


# --- variants of a payment: conversion, typo, another currency --------------------------------

PAY_DOCS = [document("p1", "Reuters", D(2023, 9, 4)), document("p2", "BBC", D(2023, 9, 4)),
            document("p3", "Kyiv Independent", D(2023, 9, 5))]
PAY_CLAIMS = [pay(f"pay-{d['doc_id']}", d["doc_id"], 495_000, alt_value=5_130, alt_unit="USD")
              for d in PAY_DOCS]


def with_pay(doc: dict, row: dict):
    """The three reports of 495,000 RUB ($5,130), and one more."""
    return run([*PAY_DOCS, doc], [*PAY_CLAIMS, row])


def test_another_conversion_of_the_same_figure_is_flagged_with_both_conversions():
    claims, clusters, flags = with_pay(document("p4", "Newsweek", D(2023, 9, 6)),
                                       pay("odd", "p4", 495_000, alt_value=5_140, alt_unit="USD"))
    assert claims["cluster_id"].nunique() == 1
    [row] = clusters.to_dict("records")
    assert (row["value"], row["unit"], row["n_documents"], row["n_variants"]) == (495_000, "RUB", 4, 1)
    [flag] = flags.to_dict("records")
    assert (flag["flag"], flag["claim_id"]) == ("conversion_differs", "odd")
    assert "5,140 USD" in flag["reason"] and "5,130 USD" in flag["reason"]
    assert "consensus" in flag["reason"] and "other document" not in flag["reason"]


def test_a_reprint_of_the_consensus_leaves_the_variant_flags_as_they_were():
    odd = pay("odd", "p4", 495_000, alt_value=5_140, alt_unit="USD")
    _, _, before = with_pay(document("p4", "Newsweek", D(2023, 9, 6)), odd)
    reprint = document("p5", "Yahoo News", D(2023, 9, 6), duplicate_of="p1")
    _, clusters, after = run([*PAY_DOCS, document("p4", "Newsweek", D(2023, 9, 6)), reprint],
                             [*PAY_CLAIMS, odd, pay("pay-p5", "p5", 495_000, alt_value=5_130,
                                                    alt_unit="USD")])
    assert clusters["n_documents"].tolist() == [5]
    pd.testing.assert_frame_equal(after, before)


def test_a_typo_joins_the_consensus_and_is_flagged_as_a_missing_digit():
    claims, clusters, flags = with_pay(document("p4", "Newsweek", D(2023, 9, 6)),
                                       pay("slip", "p4", 45_000))
    assert cluster_of(claims, "slip") == cluster_of(claims, "pay-p1")
    [row] = clusters.to_dict("records")
    assert row["value"] == 495_000
    assert (row["value_low"], row["value_high"]) == (495_000, 495_000), "typos left out of the range"
    [flag] = flags.to_dict("records")
    assert (flag["flag"], flag["claim_id"]) == ("typo", "slip")
    assert "45,000 RUB" in flag["reason"] and "495,000 RUB" in flag["reason"]
    assert "a digit missing" in flag["reason"]


def test_a_typo_given_by_a_lone_report_of_a_lone_figure_stays_its_own_cluster():
    docs = [document("p1", "Reuters", D(2023, 9, 4)), document("p4", "Newsweek", D(2023, 9, 6))]
    claims, clusters, flags = run(docs, [PAY_CLAIMS[0], pay("slip", "p4", 45_000)])
    assert cluster_of(claims, "slip") != cluster_of(claims, "pay-p1"), \
        "one report is no consensus to call another a slip of"
    assert len(clusters) == 2 and flags.empty


def test_a_typo_reprinted_by_a_syndicated_copy_still_joins_the_consensus():
    docs = [*PAY_DOCS, document("p4", "Newsweek", D(2023, 9, 6)),
            document("p4-copy", "Yahoo News", D(2023, 9, 6), duplicate_of="p4")]
    claims, clusters, flags = run(docs, [*PAY_CLAIMS, pay("slip", "p4", 45_000),
                                         pay("slip-copy", "p4-copy", 45_000)])
    assert claims["cluster_id"].nunique() == 1, "one story and its copy are one report"
    assert sorted(flags_of(flags, "typo")["claim_id"]) == ["slip", "slip-copy"]


def test_a_figure_given_only_in_dollars_joins_by_the_clusters_own_conversion():
    claims, clusters, flags = with_pay(document("p4", "Newsweek", D(2023, 9, 6)),
                                       pay("usd", "p4", 5_130, unit="USD"))
    assert cluster_of(claims, "usd") == cluster_of(claims, "pay-p1")
    [row] = clusters.to_dict("records")
    assert (row["unit"], row["value"], row["n_documents"], row["n_variants"]) == ("RUB", 495_000, 4, 1)
    [flag] = flags.to_dict("records")
    assert (flag["flag"], flag["claim_id"]) == ("other_currency", "usd")
    assert "5,130 USD" in flag["reason"] and "495,000 RUB" in flag["reason"]


def test_a_figure_given_only_in_euros_joins_by_the_years_average_rate():
    claims, clusters, flags = with_pay(document("p4", "Le Monde", D(2023, 9, 6)),
                                       pay("eur", "p4", 4_750, unit="EUR"))
    assert cluster_of(claims, "eur") == cluster_of(claims, "pay-p1")
    [flag] = flags.to_dict("records")
    assert (flag["flag"], flag["claim_id"]) == ("other_currency", "eur")
    assert "4,750 EUR" in flag["reason"] and "2023's average rate" in flag["reason"]
    assert "495,000 RUB" in flag["reason"]


def test_without_a_rate_for_the_year_a_euro_figure_stands_alone():
    claims, clusters, flags = run([*PAY_DOCS, document("p4", "Le Monde", D(2023, 9, 6))],
                                  [*PAY_CLAIMS, pay("eur", "p4", 4_750, unit="EUR")],
                                  rates={("EUR", 2022): 1.05, ("USD", 2022): 1.0})
    assert cluster_of(claims, "eur") != cluster_of(claims, "pay-p1")
    assert flags.empty


# --- contradictions between claimants ---------------------------------------------------------

CONTRADICTION_DOCS = [document("k1", "TASS", D(2025, 1, 10)), document("k2", "BBC", D(2025, 1, 20)),
                      document("k3", "Mediazona", D(2025, 2, 3))]


def in_2024(*claimed: tuple[str, float, str]) -> list[dict]:
    """Claims of how many were recruited in 2024, one document each: (claimant, value, qualifier)."""
    return [claim(f"k{i}", f"k{i}", value, claimant=who, qualifier=q, **IN_2024)
            for i, (who, value, q) in enumerate(claimed, start=1)]


def test_claimants_disagreeing_on_one_metric_and_period_share_one_contradiction():
    rows = in_2024(("Dmitry Medvedev", 450_000, "exact"), ("UK Ministry of Defence", 427_000, "exact"),
                   ("Mediazona", 407_200, "at_most"))
    claims, clusters, flags = run(CONTRADICTION_DOCS, rows)
    assert len(clusters) == 3
    assert clusters["contradiction_id"].notna().all() and clusters["contradiction_id"].nunique() == 1
    found = flags_of(flags, "contradiction")
    assert sorted(found["cluster_id"]) == sorted(clusters["cluster_id"]), "one flag per cluster"
    assert found["claim_id"].isna().all(), "a contradiction is between clusters, not claims"
    by_claimant = dict(zip(clusters["cluster_id"], clusters["claimant"], strict=True))
    everyone = {"Dmitry Medvedev", "UK Ministry of Defence", "Mediazona"}
    for flag in found.itertuples():
        own = by_claimant[flag.cluster_id]
        assert flag.reason.startswith(own)
        for other in everyone - {own}:
            assert other in flag.reason, f"{own}'s flag does not name {other}"
        assert "in 2024" in flag.reason
    medvedev = found.loc[found["cluster_id"].map(by_claimant) == "Dmitry Medvedev", "reason"].item()
    assert "at most 407,200 people" in medvedev and "427,000 people" in medvedev


@pytest.mark.parametrize(("other", "why"), [
    (claim("k2", "k2", 427_000, claimant="UK Ministry of Defence",
           period_start=D(2023, 1, 1), period_end=D(2023, 12, 31)), "another period"),
    (claim("k2", "k2", 150_000, claimant="UK Ministry of Defence", **IN_2024),
     "more than twice apart: likely counting different things"),
    (claim("k2", "k2", 450_000, claimant="UK Ministry of Defence", **IN_2024), "they agree"),
    (claim("k2", "k2", 427_000, claimant="UK Ministry of Defence"), "no stated time"),
    (claim("k2", "k2", 427_000, claimant="UK Ministry of Defence", metric="target", **IN_2024),
     "another metric"),
])
def test_no_contradiction(other, why):
    rows = [claim("k1", "k1", 450_000, claimant="Dmitry Medvedev", **IN_2024), other]
    _, clusters, flags = run(CONTRADICTION_DOCS[:2], rows)
    assert clusters["contradiction_id"].isna().all(), why
    assert flags_of(flags, "contradiction").empty, why


def test_one_claimant_in_two_periods_gives_two_clusters():
    rows = [claim("a", "k1", 300_000, period_start=D(2023, 1, 1), period_end=D(2023, 12, 31)),
            claim("b", "k2", 300_000, **IN_2024)]
    claims, clusters, flags = run(CONTRADICTION_DOCS[:2], rows)
    assert cluster_of(claims, "a") != cluster_of(claims, "b")
    assert sorted(clusters["period_start"]) == [D(2023, 1, 1), D(2024, 1, 1)]
    assert flags.empty, "one claimant does not contradict itself"


# --- properties of every ledger ---------------------------------------------------------------

ALL_DOCS = [*REPEATED_DOCS, *PAY_DOCS, document("p4", "Newsweek", D(2023, 9, 6)),
            document("p5", "Le Monde", D(2023, 9, 7)), document("p6", "Novaya Gazeta", D(2023, 9, 8)),
            *CONTRADICTION_DOCS]
ALL_CLAIMS = [*REPEATED_CLAIMS, *PAY_CLAIMS, pay("slip", "p4", 45_000),
              pay("eur", "p5", 4_750, unit="EUR"),
              pay("odd", "p6", 495_000, alt_value=5_140, alt_unit="USD"),
              *in_2024(("Dmitry Medvedev", 450_000, "exact"), ("UK Ministry of Defence", 427_000, "exact"),
                       ("Mediazona", 407_200, "at_most"))]


@pytest.fixture(scope="module")
def everything():
    return run(ALL_DOCS, ALL_CLAIMS)


def test_every_claim_gets_a_cluster_that_is_in_claim_clusters(everything):
    claims, clusters, flags = everything
    assert len(claims) == len(ALL_CLAIMS)
    assert claims["cluster_id"].notna().all()
    assert set(claims["cluster_id"]) == set(clusters["cluster_id"])
    assert clusters["cluster_id"].is_unique and flags["flag_id"].is_unique
    assert set(flags["cluster_id"]) <= set(clusters["cluster_id"])
    assert set(flags["claim_id"].dropna()) <= set(claims["claim_id"])
    n_claims = dict(zip(clusters["cluster_id"], clusters["n_claims"], strict=True))
    assert n_claims == claims["cluster_id"].value_counts().to_dict()


def test_flags_use_the_vocabulary_and_give_a_reason(everything):
    _, _, flags = everything
    assert set(flags["flag"]) <= set(FLAGS)
    assert set(flags["flag"]) == {"typo", "other_currency", "conversion_differs", "contradiction"}
    assert (flags["reason"].str.len() > 20).all()


def test_n_variants_counts_the_flagged_claims(everything):
    claims, clusters, flags = everything
    payments = clusters.set_index("cluster_id").loc[cluster_of(claims, "pay-p1")]
    assert (payments["n_claims"], payments["n_variants"]) == (6, 3)


def test_the_tables_fit_their_published_schemas(everything):
    for table, rows in zip(("claims", "claim_clusters", "claim_flags"), everything, strict=True):
        assert list(rows.columns) == TABLES[table].names
        pa.Table.from_pandas(rows, schema=TABLES[table], preserve_index=False).validate(full=True)


def test_the_same_claims_give_the_same_tables(everything):
    again = run(ALL_DOCS, ALL_CLAIMS)
    for first, second in zip(everything, again, strict=True):
        pd.testing.assert_frame_equal(first, second)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_ids_do_not_depend_on_the_order_of_the_rows(everything, seed):
    claims, clusters, flags = everything
    shuffled = run(list(pd.Series(ALL_DOCS).sample(frac=1, random_state=seed)),
                   list(pd.Series(ALL_CLAIMS).sample(frac=1, random_state=seed)))
    assert (shuffled[0].set_index("claim_id")["cluster_id"].sort_index()
            .equals(claims.set_index("claim_id")["cluster_id"].sort_index()))
    pd.testing.assert_frame_equal(shuffled[1], clusters)
    pd.testing.assert_frame_equal(shuffled[2], flags)


# --- claims of one story's reprints are one member ----------------------------------------------

_merged_members = clusters.members


def one_member_a_claim(claims, documents, order=None):
    """Members as they were made before reprints were merged: one for every claim."""
    claims = claims if order is None else claims.iloc[order]
    out = []
    for m in _merged_members(claims, documents):
        for claim_id, doc_id in zip(m.claim_ids, m.doc_ids, strict=True):
            row = {**m.row, "claim_id": claim_id, "doc_id": doc_id}
            out.append((row, Member(claim_id, doc_id, m.outlet, m.published, row, m.when, story=m.story)))
    order = {c: n for n, c in enumerate(claims["claim_id"])}
    return [m for _, m in sorted(out, key=lambda pair: order[pair[0]["claim_id"]])]


def reprinted(docs: list[dict], claims: list[dict], copies: int) -> tuple[list[dict], list[dict]]:
    """Each document reprinted `copies` times (some undated, some by another outlet)."""
    more_docs, more_claims = list(docs), list(claims)
    for n in range(copies):
        for d in docs:
            copy = document(f"{d['doc_id']}-r{n}", d["outlet"] if n % 2 else "Reprints",
                            None if n % 3 == 0 else d["published"], duplicate_of=d["doc_id"])
            more_docs.append(copy)
            more_claims += [{**c, "claim_id": f"{c['claim_id']}-r{n}", "doc_id": copy["doc_id"]}
                            for c in claims if c["doc_id"] == d["doc_id"]]
    return more_docs, more_claims


@pytest.mark.parametrize("copies", [1, 4])
def test_merging_a_storys_repeated_claims_leaves_the_ledger_as_one_member_a_claim(monkeypatch, copies):
    docs, claims = reprinted(ALL_DOCS, ALL_CLAIMS, copies)
    merged = run(docs, claims)
    monkeypatch.setattr(clusters, "members", one_member_a_claim)
    apart = run(docs, claims)
    for a, b in zip(merged, apart, strict=True):
        pd.testing.assert_frame_equal(a, b)


def test_row_blocks_gives_each_row_the_block_of_its_own_columns():
    """Blocks are made once per distinct combination and handed out by code: each row still
    gets `clusters.block` of its own metric, claimant, rate and unit (a missing rate and an empty
    one alike, every currency one block of money)."""
    from transforms.ledger.ledger_tables import row_blocks

    rows = pd.DataFrame({
        "metric": ["recruited", "recruited", "paid", "paid", "recruited", "paid", "paid"],
        "claimant_id": ["mod", None, "mod", "mod", "mod", None, "mod"],
        "per": [None, None, "month", "", None, "month", "month"],
        "unit": ["person", "person", "RUB", "USD", "person", "RUB", "USD"],
    }, index=[7, 3, 5, 1, 0, 2, 9])
    got = row_blocks(rows)
    assert got.index.tolist() == rows.index.tolist()
    assert got.tolist() == [clusters.block(*(None if pd.isna(v) else v for v in r))
                            for r in rows.itertuples(index=False)]
    assert got[3] == ("recruited", None, "", "person")
    assert got[5] == got[9] == ("paid", "mod", "month", "money")
    assert row_blocks(rows.iloc[:0]).empty


def test_members_are_the_same_when_their_combined_codes_are_renumbered_after_every_column(monkeypatch):
    """Members group the claims by codes combined column by column, renumbered only when the
    next column could overflow them: renumbering after every column gives the same ledger."""
    docs, claims = reprinted(ALL_DOCS, ALL_CLAIMS, 2)
    rarely = run(docs, claims)
    monkeypatch.setattr(clusters, "COMBINED_CODES", 2)
    always = run(docs, claims)
    for a, b in zip(rarely, always, strict=True):
        pd.testing.assert_frame_equal(a, b)
