"""The extraction's typed intermediate model: what one stage hands the next.

A `Figure` is a number expression as the figure reader found it; a `Candidate` is one source
that might stand behind a figure, with the evidence that links the two; an `Attribution` is
the one decision taken from the candidates, with the evidence it used. Claims rows are built
from these in one place (`transforms.claims`), never by merging dicts by key.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Figure:
    """A number expression: where it is (text[start:end] == quote) and what it says."""

    start: int
    end: int
    quote: str
    value: float | None          # None for ranges and vague amounts
    value_low: float | None = None
    value_high: float | None = None
    alt_value: float | None = None  # a conversion given beside it: "($5,130)"
    alt_unit: str | None = None
    unit: str = "unit"
    per: str | None = None
    qualifier: str = "exact"


@dataclass(frozen=True)
class Candidate:
    """One source that may stand behind a figure, and the evidence linking it to the figure.

    `features` are the named evidence values the decision scores (see
    `transforms.attribution.decision`); `cue` is the attributing words as written.
    """

    name: str
    kind: str                      # registry kind, "person", "unknown", "outlet", ...
    role: str                      # speaker | cited | relay | data | action | passage | outlet
    cue: str | None
    rule: str                      # which kind of evidence produced it
    features: dict[str, float] = field(default_factory=dict, compare=False, hash=False)
    # whom this source relays elsewhere in the article ("X said in an interview with Y"):
    # evidence that it relays X's figures here too
    relays: frozenset[str] = field(default=frozenset(), compare=False, hash=False)


@dataclass(frozen=True)
class Attribution:
    """Who stands behind a figure, decided from its candidates, with the evidence used."""

    claimant: str
    via: str | None
    cue: str | None                # the attributing words as written; None when the outlet states it
    rule: str                      # the evidence that decided
    score: float                   # 0 to 1: how sure the decision is
    candidates: tuple[Candidate, ...] = field(default=(), compare=False)
