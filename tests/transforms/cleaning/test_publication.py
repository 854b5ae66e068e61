"""Publication: new documents replace their earlier rows; unchanged input changes nothing."""

from datetime import UTC, date, datetime

import pandas as pd
import pytest

from transforms.cleaning.cleaning import doc_id
from transforms.cleaning.publication import candidate_tables, new_or_changed, updated, with_run
from transforms.declarations.schema import TABLES, columns

# An agency story (written for these tests) long enough to be told apart from other stories.
STORY = " ".join(
    f"On day {n} of the campaign the regional recruiting office reported that {n * 40} men had "
    f"signed contracts, and officials said the bonus would stay at {n} million roubles."
    for n in range(1, 6)
)
REGISTRY = pd.DataFrame(columns=["name", "kind", "country", "aliases"])


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


def empty_tables() -> dict[str, pd.DataFrame]:
    return {name: schema.empty_table().to_pandas() for name, schema in TABLES.items()}


def copy_of_story(key: str, published: date, outlet: str):
    return {"doc_id": doc_id(key), "text": f"{outlet} reports\n{STORY}", "published": published,
            "outlet": outlet, "raw_sha256": key}


def marks(tables) -> dict:
    docs = tables["documents"]
    return dict(zip(docs["doc_id"], docs["duplicate_of"], strict=True))


def test_copies_of_a_story_point_at_the_earliest_whichever_run_brought_them():
    wire = copy_of_story("wire", date(2024, 5, 1), "Agency")
    paper = copy_of_story("paper", date(2024, 5, 2), "Paper")
    together = candidate_tables(empty_tables(), documents(wire, paper), claims(), REGISTRY)

    later_first = candidate_tables(empty_tables(), documents(paper), claims(), REGISTRY)
    earlier_second = candidate_tables(later_first, documents(wire), claims(), REGISTRY)

    assert marks(later_first) == {paper["doc_id"]: None}
    assert marks(together) == marks(earlier_second) == {wire["doc_id"]: None,
                                                        paper["doc_id"]: wire["doc_id"]}


def test_a_run_with_nothing_new_changes_no_mark():
    first = candidate_tables(empty_tables(), documents(copy_of_story("a", date(2024, 5, 1), "A"),
                                                       copy_of_story("b", None, "B")), claims(), REGISTRY)

    again = candidate_tables(first, documents(), claims(), REGISTRY)

    pd.testing.assert_frame_equal(again["documents"], first["documents"])


def test_the_claims_of_a_duplicate_stay_in_the_claims_table():
    wire, paper = copy_of_story("wire", date(2024, 5, 1), "A"), copy_of_story("paper", None, "B")
    found = claims({"claim_id": "c1", "doc_id": wire["doc_id"], "char_start": 0, "claimant": "X"},
                   {"claim_id": "c2", "doc_id": paper["doc_id"], "char_start": 0, "claimant": "X"})

    tables = candidate_tables(empty_tables(), documents(wire, paper), found, REGISTRY)

    assert marks(tables)[paper["doc_id"]] == wire["doc_id"]
    assert set(tables["claims"]["claim_id"]) == {"c1", "c2"}


def test_an_undated_copy_takes_the_new_date_of_its_replaced_original():
    """A copy without a date is dated by its canonical copy: when the original is replaced with
    another date, the copy's figure moves with it, as a computation over everything gives."""
    wire, paper = copy_of_story("wire", date(2024, 5, 1), "A"), copy_of_story("paper", None, "B")

    def figure(claim_id, doc, claimant):  # the two claimants' figures are clustered apart
        return {"claim_id": claim_id, "doc_id": doc["doc_id"], "char_start": 0, "char_end": 3,
                "claimant": claimant, "claimant_id": claimant.lower(), "metric": "recruited",
                "unit": "person", "qualifier": "exact", "value": 40.0 if claim_id == "c2" else 80.0}

    first = candidate_tables(empty_tables(), documents(wire, paper),
                             claims(figure("c1", wire, "Y"), figure("c2", paper, "X")), REGISTRY)
    redated = {**wire, "published": date(2024, 6, 1), "raw_sha256": "wire-2"}
    after = candidate_tables(first, documents(redated), claims(figure("c1", wire, "Y")), REGISTRY)
    everything = candidate_tables(empty_tables(), documents(redated, paper),
                                  claims(figure("c1", wire, "Y"), figure("c2", paper, "X")), REGISTRY)

    seen = after["claim_clusters"].set_index("value")["first_seen"]
    assert seen[40.0] == date(2024, 6, 1)  # the copy's figure, dated by its original
    pd.testing.assert_frame_equal(after["claim_clusters"], everything["claim_clusters"])


def test_stamped_clusters_are_read_by_position_and_refuse_another_order():
    from transforms.cleaning.publication import stamped_clusters

    stored = pd.DataFrame({"claim_id": ["c1", "c2"], "cluster_id": ["k1", "k2"]})
    stamped = pd.DataFrame({"claim_id": ["c1", "c2", "new"], "cluster_id": ["k1", "k9", "k9"]})
    now, was = stamped_clusters(stamped, stored)
    assert now.tolist() == ["k1", "k9"] and was.tolist() == ["k1", "k2"]
    with pytest.raises(ValueError):
        stamped_clusters(stamped.iloc[::-1], stored)
