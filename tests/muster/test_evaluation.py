"""The evaluation discipline: held-out articles never reach fitting, folds are stable."""

import pandas as pd
import pytest

from muster import evaluation, training
from transforms.attribution.decision import decide
from transforms.model import Candidate

needs_corpus = pytest.mark.skipif(not (evaluation.CORPUS / "dev2.jsonl").exists(),
                                  reason="../shared/corpus is not beside the repository")


def test_folds_depend_on_the_id_only():
    ids = [f"a{i:03d}" for i in range(200)]
    folds = [evaluation.fold_of(x) for x in ids]
    assert folds == [evaluation.fold_of(x) for x in reversed(ids)][::-1]
    assert set(folds) == set(range(evaluation.FOLDS))


def test_each_draw_of_folds_is_another_partition():
    ids = [f"a{i:03d}" for i in range(200)]
    draws = [[evaluation.fold_of(x, salt=s) for x in ids] for s in ("", "1", "2")]
    assert draws[0] != draws[1] != draws[2]
    assert all(set(d) == set(range(evaluation.FOLDS)) for d in draws)


def test_draws_are_averaged_and_counts_kept():
    got = evaluation.mean_scores([{"claimant_acc": 0.7, "gold": 10}, {"claimant_acc": 0.8, "gold": 10}])
    assert got == {"claimant_acc": 0.75, "gold": 10}


@needs_corpus
def test_the_held_out_articles_are_never_in_the_development_sets():
    held = evaluation.held_out_ids()
    assert len(held) == 10
    for docs, gold in evaluation.development_sets():
        assert not held & set(docs["external_id"])
        assert not held & {g["doc_id"] for g in gold}


def test_the_project_examples_are_articles_with_gold_figures():
    docs, gold = evaluation.project_examples()
    assert len(docs) == docs["doc_id"].nunique() > 100
    assert {g["doc_id"] for g in gold} <= set(docs["doc_id"])
    assert all(g["claimant"] for g in gold)


def test_pairwise_examples_are_each_others_mirror():
    good = Candidate("Kremlin", "government", "speaker", "said", "own-speaker",
                     {"own": 1.0, "near": 0.8})
    bad = Candidate("example.com", "outlet", "outlet", None, "outlet", {"outlet": 1.0})
    rows, labels, weights = training.claimant_pairs(
        [([good, bad], {"doc_id": "d1", "claimant": "Kremlin"})], lambda a, b: a == b)
    assert labels == [1, 0] and rows[0] == {k: -v for k, v in rows[1].items()}
    assert weights == [1.0, 1.0]


def test_a_project_example_counts_more_than_an_annotated_figure():
    good = Candidate("Kremlin", "government", "speaker", "said", "own-speaker", {"own": 1.0})
    bad = Candidate("example.com", "outlet", "outlet", None, "outlet", {"outlet": 1.0})
    _, _, weights = training.claimant_pairs(
        [([good, bad], {"doc_id": "example:speaker-said", "claimant": "Kremlin"})],
        lambda a, b: a == b)
    assert weights == [training.EXAMPLE_WEIGHT] * 2 and training.EXAMPLE_WEIGHT > 1


@needs_corpus  # the scorer that matches figures to gold lives beside the corpus
def test_fitting_learns_which_evidence_wins():
    """A tiny fit on made-up articles: the speaker named in the sentence beats the outlet."""
    docs = pd.DataFrame([
        {"doc_id": f"d{i}", "external_id": f"d{i}", "outlet": "example.com", "published": None,
         "text": f"The Kremlin said {1000 + i} men enlisted. Rain fell on {20 + i} towns."}
        for i in range(12)])
    gold = [g for i in range(12) for g in (
        {"doc_id": f"d{i}", "quote": "", "value": 1000 + i, "value_low": None,
         "value_high": None, "claimant": "Kremlin", "via": None},
        {"doc_id": f"d{i}", "quote": "", "value": 20 + i, "value_low": None,
         "value_high": None, "claimant": "example.com", "via": None})]
    weights = training.fit(docs, gold)
    matched = training.matched_candidates(docs, gold, weights)
    assert len(matched) == 24
    assert all(decide(cands, weights).claimant == g["claimant"] for cands, g in matched)


def test_a_missing_corpus_stops_the_evaluation_with_its_path(tmp_path, monkeypatch):
    monkeypatch.setattr(evaluation, "CORPUS", tmp_path)
    evaluation.documents.cache_clear()
    try:
        with pytest.raises(SystemExit, match=r"cannot read .*dev\.jsonl: no such file"):
            evaluation.documents("dev")
    finally:
        evaluation.documents.cache_clear()  # (the corpus' documents are read again after)
