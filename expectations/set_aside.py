"""The records that would fail the gate on their own, taken out before staging.

Kept apart from `expectations.gate` because it needs no Great Expectations: every check is on one
document and its own claims, so the tabulate workers run it on their batches (`flows.tabulate`)
without importing GX, and the parent only gathers what they set aside.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from expectations import views
from transforms.declarations import vocab
from transforms.declarations.schema import required

CLAIM_VOCABULARIES = {"unit": vocab.UNITS, "alt_unit": vocab.UNITS, "per": vocab.PERS,
                      "qualifier": vocab.QUALIFIERS, "metric": vocab.METRICS}
# Filled in after set-aside (ids resolved through the sources table, clusters computed).
_DERIVED = {"claimant_id", "via_id", "cluster_id"}


@dataclass
class SetAside:
    """A run's new rows without those that would break a suite on their own, and why each
    was left out (`rejected`: dicts with doc_id, claim_id (None for a whole document), reason)."""

    documents: pd.DataFrame
    claims: pd.DataFrame
    rejected: list[dict] = field(default_factory=list)


def as_date(day: dt.date) -> dt.date:
    """The calendar date of a date or datetime (GX cannot compare dates with datetimes)."""
    return day.date() if isinstance(day, dt.datetime) else day


def checking_day(today: dt.date | None) -> dt.date:
    """The last acceptable publication date: `today`, else today in UTC. Resolved once per run,
    so that every batch checked in a worker is checked against the same day."""
    return as_date(today or dt.datetime.now(dt.UTC))


def set_aside(documents: pd.DataFrame, claims: pd.DataFrame,
              today: dt.date | None = None) -> SetAside:
    """Take out of a run's new documents and claims the records that would fail the gate on
    their own, before the tables are staged, so that one bad record never keeps the others
    out: a document published after `today` (with its claims), and a claim whose figure is
    negative, infinite or beyond `views.MAX_FIGURE`, whose bounds are out of order, whose codes
    are outside the vocabularies or whose offsets miss its quote. What is wrong with the
    tables as a whole (references, uniqueness, clusters) is still the gate's to judge.
    """
    today = checking_day(today)
    rejected = []
    doc_reasons = views.document_problems(documents, today) if len(documents) else pd.Series(dtype=object)
    bad_docs = doc_reasons[doc_reasons != ""]
    for doc_id, reason in zip(documents.loc[bad_docs.index, "doc_id"], bad_docs, strict=True):
        rejected.append({"doc_id": doc_id, "claim_id": None, "reason": reason})
    documents = documents.drop(index=bad_docs.index)
    claims = claims.loc[~claims["doc_id"].isin({r["doc_id"] for r in rejected})]
    vocabularies = {**CLAIM_VOCABULARIES,
                    "_required": [c for c in required("claims") if c not in _DERIVED]}
    claim_reasons = (views.claim_problems(claims, documents, vocabularies) if len(claims)
                     else pd.Series(dtype=object))
    bad_claims = claim_reasons[claim_reasons != ""]
    for doc_id, claim_id, reason in zip(claims.loc[bad_claims.index, "doc_id"],
                                        claims.loc[bad_claims.index, "claim_id"], bad_claims,
                                        strict=True):
        rejected.append({"doc_id": doc_id, "claim_id": claim_id, "reason": reason})
    claims = claims.drop(index=bad_claims.index)
    return SetAside(documents.reset_index(drop=True), claims.reset_index(drop=True), rejected)
