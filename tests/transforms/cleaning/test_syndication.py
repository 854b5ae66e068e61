"""Syndication: copies of one story point at its canonical copy; different stories stay apart."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from transforms.cleaning import syndication
from transforms.cleaning.syndication import duplicate_of, jaccard, shingle_hashes

# A story of about 170 words, written for these tests, and a different story on the same topic
# that shares a sentence and a few stock phrases with it.
STORY = """Regional authorities in the Volga area raised the one-off payment for men who sign a
contract with the army to 1.5 million roubles on Monday, the regional governor's office said.
The new payment is the largest offered by any region so far and comes on top of the federal
bonus of 400,000 roubles that every recruit receives.
Officials said that about 2,300 men had signed contracts in the region since January, slightly
fewer than in the same period last year, and that recruiting offices would stay open at weekends.
Independent media have reported that several regions struggle to meet their quotas and that
local officials are under pressure from Moscow to find volunteers.
The governor did not say how the payments would be financed. The regional budget already ran a
deficit last year, according to figures published by the regional finance ministry in March.
Analysts say the rising bonuses show how costly it has become to recruit soldiers without
announcing another round of mobilisation."""

OTHER = """A court in Siberia sentenced a man to six years in prison on Tuesday for refusing to
fight after he had signed a contract with the army, his lawyer told reporters outside the court.
The man had been offered a one-off payment of 800,000 roubles when he signed up last spring,
the lawyer said, but returned from the front after three months and refused to go back.
Rights groups say that hundreds of similar cases have reached military courts since the start of
the war and that sentences have grown longer since parliament tightened the law in the autumn.
Officials said that about 2,300 men had signed contracts in the region since January, slightly
fewer than in the same period last year, and that recruiting offices would stay open at weekends.
The defence ministry did not respond to a request for comment. Analysts say that the courts
have become one of the tools the authorities use to keep men from leaving their units."""


def reprint(text: str) -> str:
    """An agency story as another outlet runs it: its own headline and byline, the last
    paragraph cut, a credit line and some page furniture."""
    paragraphs = text.split("\n")[:-2]
    return "\n".join(["Volga region doubles sign-up bonus", "By Staff and agencies", *paragraphs,
                      "Reporting by our Moscow bureau; editing by the world desk.",
                      "Share this article", "Follow us for more news from the region"])


def documents(*rows: tuple[str, str, date | None]) -> pd.DataFrame:
    return pd.DataFrame([{"doc_id": i, "text": t, "published": p} for i, t, p in rows],
                        columns=["doc_id", "text", "published"])


def test_the_same_article_under_two_urls_points_at_the_earlier_one():
    frame = documents(("b", STORY, date(2024, 3, 2)), ("a", STORY, date(2024, 3, 3)))

    assert duplicate_of(frame).tolist() == [None, "b"]


def test_an_agency_story_reprinted_elsewhere_is_a_duplicate():
    frame = documents(("wire", STORY, date(2024, 3, 1)), ("paper", reprint(STORY), date(2024, 3, 2)))

    assert duplicate_of(frame).tolist() == [None, "wire"]


def test_different_stories_on_the_same_topic_stay_apart():
    assert jaccard(shingle_hashes(STORY), shingle_hashes(OTHER)) > 0.05, "they share phrases"

    frame = documents(("x", STORY, date(2024, 3, 2)), ("y", OTHER, date(2024, 3, 2)))

    assert duplicate_of(frame).tolist() == [None, None]


def test_every_copy_points_at_the_canonical_one_directly():
    frame = documents(("c", reprint(STORY), date(2024, 3, 4)), ("b", STORY, None),
                      ("a", STORY + "\nUpdated with the governor's comments.", date(2024, 3, 3)),
                      ("d", STORY, date(2024, 3, 3)))

    assert duplicate_of(frame).tolist() == ["a", "a", None, "a"]


def test_undated_copies_defer_to_dated_ones_and_ties_go_to_the_smallest_doc_id():
    frame = documents(("a", STORY, None), ("c", STORY, date(2024, 3, 3)), ("b", STORY, date(2024, 3, 3)))

    assert duplicate_of(frame).tolist() == ["b", "b", None]


def test_the_result_does_not_depend_on_the_order_of_the_documents():
    frame = documents(("a", STORY, date(2024, 3, 3)), ("b", reprint(STORY), date(2024, 3, 2)),
                      ("c", OTHER, None), ("d", OTHER, None), ("e", STORY, None))
    expected = duplicate_of(frame)

    for seed in range(5):
        shuffled = frame.sample(frac=1, random_state=seed)
        pd.testing.assert_series_equal(duplicate_of(shuffled).sort_index(), expected)


def test_the_result_keeps_the_frames_index():
    frame = documents(("a", STORY, None), ("b", STORY, None)).set_axis([10, 20])

    assert duplicate_of(frame).to_dict() == {10: None, 20: "a"}


def test_short_texts_are_never_marked():
    brief = "Some 300 men signed contracts in the region this week, officials said on Friday."
    frame = documents(("a", brief, None), ("b", brief, None))

    assert duplicate_of(frame).tolist() == [None, None]


def test_no_documents_give_an_empty_result():
    assert duplicate_of(documents()).empty


@pytest.mark.parametrize(("a", "b", "expected"), [
    ([1, 2, 3], [1, 2, 3], 1.0), ([1, 2, 3, 4], [3, 4, 5, 6], 2 / 6), ([1], [2], 0.0), ([], [], 0.0),
])
def test_jaccard_is_shared_over_all(a, b, expected):
    assert jaccard(np.array(a, dtype=np.uint32), np.array(b, dtype=np.uint32)) == pytest.approx(expected)


def test_shingles_ignore_case_and_punctuation():
    assert np.array_equal(shingle_hashes("One, two; three FOUR five six."),
                          shingle_hashes("one two three four five six"))
    assert len(shingle_hashes("one two three four five six")) == 2
    assert len(shingle_hashes("one two three four")) == 0


def test_shingle_hashes_are_the_same_in_every_process():
    """Python's own str hash is salted per process; the shingles must not be."""
    code = ("from transforms.cleaning.syndication import shingle_hashes; "
            "print(shingle_hashes('a b c d e f').tolist())")
    root = Path(syndication.__file__).resolve().parents[2]
    outputs = {
        subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    }
    assert outputs == {f"{shingle_hashes('a b c d e f').tolist()}\n"}


def test_a_band_index_sorts_its_bands_only_when_first_queried_and_shares_the_keys():
    rng = np.random.default_rng(7)
    matrix = rng.integers(0, 4, size=(40, syndication.NUM_PERM), dtype=np.uint32)  # many collisions
    signed = np.ones(40, dtype=bool)
    every = syndication._BandIndex(matrix, signed)
    some = syndication._BandIndex(matrix, np.arange(40) % 3 == 0, every.keys)
    assert every._bands is None and some._bands is None and some.keys is every.keys
    rows = np.array([0, 5, 39], dtype=np.int64)
    found = every.neighbours(rows)
    for r in rows.tolist():  # the same as comparing every pair of rows band by band
        expected = [o for o in range(40) if o != r and (every.keys[o] == every.keys[r]).any()]
        assert found[r].tolist() == expected
    assert every._bands is not None and some._bands is None
