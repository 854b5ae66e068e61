"""The one decision: the best-scoring candidate is the claimant, with the evidence it used."""

import json

import pytest

from transforms.attribution.candidates import ALL_FEATURES
from transforms.attribution.decision import (
    WEIGHTS,
    decide,
    shipped_weights,
    via_features,
)
from transforms.model import Candidate

WEIGHTS_GIVEN = {"claimant": {"own": 2.0, "outlet": 1.0, "near": 1.0}, "via": {"(bias)": -1.0,
                                                                             "role_relay": 3.0}}


def cand(name, rule, role="speaker", cue="said", **features):
    return Candidate(name, "unknown", role, cue, rule, features)


def test_the_highest_score_wins_and_says_why():
    outlet = cand("example.com", "outlet", role="outlet", cue=None, outlet=1.0)
    speaker = cand("Kremlin", "own-speaker", own=1.0, near=0.5)
    att = decide([speaker, outlet], WEIGHTS_GIVEN)
    assert (att.claimant, att.rule, att.cue) == ("Kremlin", "own-speaker", "said")
    assert 0.5 < att.score <= 1.0


def test_the_outlet_wins_when_nothing_linked_outscores_it():
    outlet = cand("example.com", "outlet", role="outlet", cue=None, outlet=1.0)
    mention = cand("Kremlin", "mention", role="mention", cue="Kremlin", mention=1.0)
    att = decide([mention, outlet], WEIGHTS_GIVEN)
    assert (att.claimant, att.cue, att.rule) == ("example.com", None, "outlet")


def test_a_relay_above_the_threshold_is_the_via():
    outlet = cand("example.com", "outlet", role="outlet", cue=None, outlet=1.0)
    speaker = cand("Dmitry Medvedev", "own-speaker", own=1.0)
    relay = cand("TASS", "own-speaker", role="relay", cue="according to TASS", own=1.0,
                 role_relay=1.0)
    att = decide([speaker, relay, outlet], {**WEIGHTS_GIVEN, "claimant": {"own": 1.0,
                                                                          "role_relay": -2.0}})
    assert (att.claimant, att.via) == ("Dmitry Medvedev", "TASS")


def test_no_via_below_the_threshold():
    outlet = cand("example.com", "outlet", role="outlet", cue=None, outlet=1.0)
    speaker = cand("Kremlin", "own-speaker", own=1.0)
    other = cand("Meduza", "passage-before", role="passage", passage_before=1.0)
    assert decide([speaker, other, outlet], WEIGHTS_GIVEN).via is None


def test_the_outlet_stating_a_figure_has_no_via():
    outlet = cand("example.com", "outlet", role="outlet", cue=None, outlet=1.0)
    relay = cand("TASS", "article-relay", role="relay", cue="TASS", role_relay=1.0)
    att = decide([relay, outlet], WEIGHTS_GIVEN)
    assert (att.claimant, att.via) == ("example.com", None)


def test_a_relay_of_the_same_speaker_elsewhere_is_evidence_for_the_via():
    speaker = cand("Petro Sirenko", "own-speaker", own=1.0)
    told = Candidate("Northern Courier", "media", "relay", "Northern Courier", "article-relay",
                     {"article_relay": 1.0}, relays=frozenset({"Petro Sirenko"}))
    other = Candidate("Northern Courier", "media", "relay", "Northern Courier", "article-relay",
                      {"article_relay": 1.0}, relays=frozenset({"Someone Else"}))
    assert via_features(told, speaker)["relays_claimant"] == 1.0
    assert via_features(other, speaker)["relays_claimant"] == 0.0


@pytest.mark.parametrize("scores", [(50.0, -50.0), (0.0, 0.0), (-700.0, 700.0)])
def test_scores_stay_between_0_and_1(scores):
    a = cand("A", "own-speaker", own=1.0)
    b = cand("B", "outlet", role="outlet", cue=None, outlet=1.0)
    att = decide([a, b], {"claimant": {"own": scores[0], "outlet": scores[1]}, "via": {}})
    assert 0.0 <= att.score <= 1.0


def test_the_shipped_weights_name_only_declared_evidence():
    weights = json.loads(WEIGHTS.read_text())
    known = set(ALL_FEATURES) | {"(bias)"}
    via_known = known | set(via_features(cand("a", "own-speaker"), cand("b", "own-speaker")))
    assert set(weights["claimant"]) <= known, set(weights["claimant"]) - known
    assert set(weights["via"]) <= via_known, set(weights["via"]) - via_known
    assert shipped_weights()["claimant"] == weights["claimant"]
