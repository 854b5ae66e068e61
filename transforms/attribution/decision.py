"""The one decision: which candidate is a figure's claimant, and which one relays it.

Both choices score named evidence (`transforms.attribution.candidates`) with weights fitted
on the annotated articles (`muster.training`, cross-validated by `make eval`) and shipped as
data (`weights.json`, beside this file). The claimant is the candidate with the highest score
(a ranking learned from pairs of candidates); the via is the best other candidate when its
logistic probability, given that claimant, is above one half. The outlet is a candidate like
any other, so it is chosen only when no linked source scores higher.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from itertools import repeat
from operator import mul
from pathlib import Path

from transforms.attribution.candidates import VIA_ONLY_RULES
from transforms.attribution.reading import MEDIA_KINDS
from transforms.model import Attribution, Candidate

WEIGHTS = Path(__file__).with_name("weights.json")
VIA_THRESHOLD = 0.5
MODELS = ("claimant", "via")


@lru_cache(maxsize=1)
def shipped_weights() -> dict[str, dict[str, float]]:
    """The fitted weights: {"claimant": {feature: weight, "(bias)": b}, "via": {...}}."""
    weights = json.loads(WEIGHTS.read_text())
    missing = [m for m in MODELS if m not in weights]
    if missing:
        raise ValueError(f"{WEIGHTS}: no weights for {missing}")
    return weights


def probability(features: dict[str, float], weights: dict[str, float]) -> float:
    z = weights.get("(bias)", 0.0) + linear(features, weights)
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def via_features(candidate: Candidate, claimant: Candidate) -> dict[str, float]:
    """A candidate's evidence as a relay of the chosen claimant's figure."""
    f = candidate.features
    c = claimant.features
    media = float(candidate.kind in MEDIA_KINDS)
    return {
        **{k: v for k, v in f.items() if "*" not in k},
        "claimant_person": c.get("person", 0.0),
        "claimant_cited": c.get("role_cited", 0.0),
        "claimant_own": c.get("own", 0.0),
        "claimant_passage": c.get("passage_before", 0.0) + c.get("passage_after", 0.0),
        "claimant_quote_speaker": c.get("quote_speaker", 0.0),
        "media_relay": media * f.get("role_relay", 0.0),
        "media_speaker": media * f.get("role_speaker", 0.0),
        "media_final": media * f.get("cue_final", 0.0),
        "media_source_line": media * f.get("source_line", 0.0),
        "speaker_of_cited": f.get("role_speaker", 0.0) * c.get("role_cited", 0.0),
        "same_rule": float(candidate.rule == claimant.rule),
        "relays_claimant": float(claimant.name in candidate.relays),
    }


def via_candidates(candidates: list[Candidate], claimant: Candidate) -> list[Candidate]:
    """Who may relay the claimant's figure: no one when the outlet states it itself. (A name
    inside another's is a source of its own: Novaya Gazeta Europe relays Novaya Gazeta.)"""
    if claimant.role == "outlet":
        return []
    return [c for c in candidates if c.role not in ("outlet", "mention")
            and c.name != claimant.name]


def linear(features: dict[str, float], weights: dict[str, float]) -> float:
    """The weighted sum of the features, in their order (mapped in C rather than by a
    generator: the same products, summed in the same order)."""
    return sum(map(mul, map(weights.get, features, repeat(0.0)), features.values()))


def decide(candidates: list[Candidate], weights: dict | None = None) -> Attribution:
    """Claimant and via from a figure's candidates (the outlet is always one of them).

    The claimant weights rank: the candidate with the highest evidence score wins, and the
    score reported is its share of the softmax over all candidates (its other mentions too).
    """
    weights = weights or shipped_weights()
    everyone, candidates = candidates, [c for c in candidates if c.rule not in VIA_ONLY_RULES]
    scores = [linear(c.features, weights["claimant"]) for c in candidates]
    best_i = max(range(len(candidates)), key=lambda i: (scores[i], -i))
    claimant = candidates[best_i]
    top = scores[best_i]
    mass = [math.exp(max(-60.0, s - top)) for s in scores]
    share = sum(m for m, c in zip(mass, candidates, strict=True) if c.name == claimant.name)
    via, via_p = None, 0.0
    for c in via_candidates(everyone, claimant):
        p = probability(via_features(c, claimant), weights["via"])
        if p > max(via_p, VIA_THRESHOLD):
            via, via_p = c, p
    return Attribution(claimant.name, via.name if via else None, claimant.cue,
                       claimant.rule, round(share / sum(mass), 3), tuple(everyone))
