"""What an analyst should notice about a cluster, said in words: variants and contradictions.

Within a cluster a claim may give the figure rounded, slightly off, with a different conversion,
with a slip of the keyboard, or only in another currency; across clusters, claimants may give
disagreeing values for the same metric and period. Each flag names what it compares with.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from transforms.ledger.agreement import relative_difference, within_rounding
from transforms.ledger.clusters import Cluster
from transforms.time.when import When, compatible, describe

CONTRADICTION_RATIO = 2.0  # beyond this, two figures more likely count different things
QUALIFIER_WORDS = {"approx": "about ", "at_least": "at least ", "at_most": "at most "}


def number_text(value: float) -> str:
    """A number as a reader writes it: thousands separators, no needless decimals."""
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def amount(value: float | None, unit: str) -> str:
    """A figure as an analyst writes it: "495,000 RUB", "280,000 people", "12%"."""
    if value is None:
        return "an unstated amount"
    number = number_text(value)
    if unit == "percent":
        return f"{number}%"
    return f"{number} {'people' if unit == 'person' else unit}"


def variant_flags(cluster: Cluster) -> list[tuple[str, str, str]]:
    """(flag, claim_id, reason) for every variant in the cluster (each claim of a member).

    A reason names the consensus it departs from, not how many documents give it (the
    cluster's `n_documents` says that): a flag then changes only when what it compares with
    does, not with every reprint of the story, which a run would otherwise rewrite."""
    consensus, unit = cluster.consensus(), cluster.unit
    alt, alt_unit = cluster.conversion()
    out = []
    for m in cluster.members:
        row = m.row
        if m.flag is None and (row["value"] is None or consensus is None or row["value"] == consensus) \
                and (alt is None or row["alt_unit"] != alt_unit or row["alt_value"] == alt):
            continue  # states the consensus as the cluster converts it: nothing to flag (fast path)
        said = amount(row["value"], row["unit"])
        if m.flag and m.flag[0] == "typo":
            out.append(("typo", m, f"{said} looks like a slip for the consensus, "
                        f"{amount(consensus, unit)}: {m.flag[1]}."))
        elif m.flag and m.flag[0] == "other_currency":
            via = f" (about {m.flag[1]})" if m.flag[1] else ""
            out.append(("other_currency", m, f"Given only as {said}{via}; the consensus "
                        f"is {amount(consensus, unit)} ({amount(alt, alt_unit)})."))
        elif row["value"] is not None and consensus is not None and row["value"] != consensus:
            rounded = within_rounding(row["value"], consensus)
            out.append(("rounded" if rounded else "value_differs", m,
                        f"Gives {said} where the consensus is {amount(consensus, unit)}"
                        + (", rounded." if rounded else ": close, but beyond rounding.")))
        if (m.flag is None or m.flag[0] == "typo") and alt is not None and (
                row["alt_unit"] == alt_unit and row["alt_value"] != alt
                and not within_rounding(row["alt_value"], alt)):
            out.append(("conversion_differs", m,
                        f"Converts {said} to {amount(row['alt_value'], alt_unit)} where the "
                        f"consensus converts it to {amount(alt, alt_unit)}."))
    return [(flag, claim, reason) for flag, m, reason in out for claim in m.claim_ids]


@dataclass(frozen=True)
class Statement:
    """What a cluster states, as contradictions compare it. Made from a `Cluster` or from a
    published claim_clusters row alike, so a run can compare new clusters with stored ones."""

    cluster_id: str
    metric: str
    unit: str
    per: str
    claimant_id: str | None
    claimant: str
    qualifier: str
    value: float | None
    when: When

    @property
    def bucket(self) -> tuple:
        """Statements that may contradict each other: one metric, unit and rate."""
        return (self.metric, self.unit, self.per)


def statement(cluster: Cluster, cluster_id: str) -> Statement:
    row = cluster.members[0].row
    return Statement(cluster_id, row["metric"], cluster.unit, row["per"] or "", row["claimant_id"],
                     row["claimant"], cluster.qualifier(), cluster.consensus(), cluster.when)


def disagree(a: Statement, b: Statement) -> bool:
    """Different claimants whose values for one time differ beyond rounding, yet are within
    a factor of CONTRADICTION_RATIO (further apart, they likely count different things)."""
    x, y = a.value, b.value
    if x is None or y is None or x <= 0 or y <= 0 or within_rounding(x, y):
        return False
    return max(x, y) / min(x, y) <= CONTRADICTION_RATIO


def contradictions(statements: list[Statement]) -> list[list[int]]:
    """Groups of statements (indexes) whose claimants disagree on a metric for one stated time.

    Only times the texts state take part: two undated figures may be years apart; nor do
    vague figures ("thousands").
    """
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, s in enumerate(statements):
        if s.when.stated and s.qualifier != "vague":
            buckets[s.bucket].append(i)
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        while parent.setdefault(i, i) != i:
            i = parent[i]
        return i

    for idx in buckets.values():
        for n, i in enumerate(idx):
            for j in idx[n + 1:]:
                a, b = statements[i], statements[j]
                if a.claimant_id != b.claimant_id and compatible(a.when, b.when) and disagree(a, b):
                    parent[find(j)] = find(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in parent:
        groups[find(i)].append(i)
    return [sorted(g) for g in groups.values() if len(g) > 1]


def stated(s: Statement) -> str:
    """"Dmitry Medvedev: about 450,000 people"."""
    return f"{s.claimant}: {QUALIFIER_WORDS.get(s.qualifier, '')}{amount(s.value, s.unit)}"


def contradiction_reason(s: Statement, group: list[Statement]) -> str:
    rest = [c for c in group if c is not s]
    gap = max(relative_difference(s.value, c.value) for c in rest)
    return (f"{stated(s)} {s.metric} {describe(s.when)}; for the same metric and period "
            + "; ".join(stated(c) for c in rest) + f" (up to {gap:.0%} apart).")
