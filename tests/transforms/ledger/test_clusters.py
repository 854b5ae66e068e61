"""Clustering's shortcuts give what the plain computation gives: the cores of a block of many close
values are those of comparing every pair of claims; the time of members counted by their claims is
that of the claims (tests/transforms/ledger/test_ledger_tables.py: the ledger of merged reprints)."""

import datetime as dt
import random

import pandas as pd
import pytest

from transforms.ledger.clusters import Member, _Components, amounts_agree, claim_order, cores, merged_weighted
from transforms.time.when import When, compatible, merged

D = dt.date


def member(n: int, value: float, when: When, unit: str = "person") -> Member:
    row = {"unit": unit, "value": value, "value_low": None, "value_high": None}
    return Member(f"c{n:04d}", f"d{n:04d}", None, when.first_seen, row, when)


def every_pair(block: list[Member]) -> set[frozenset[str]]:
    """The components of linking every two claims whose amounts agree at compatible times."""
    parent = list(range(len(block)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    amounts = [(m.row["unit"], m.row["value"], m.row["value_low"], m.row["value_high"]) for m in block]
    for i in range(len(block)):
        for j in range(i + 1, len(block)):
            if compatible(block[i].when, block[j].when) and amounts_agree(amounts[i], amounts[j]):
                parent[find(j)] = find(i)
    groups: dict[int, set[str]] = {}
    for i, m in enumerate(block):
        groups.setdefault(find(i), set()).add(m.claim_id)
    return {frozenset(g) for g in groups.values()}


def components(block: list[Member]) -> set[frozenset[str]]:
    return {frozenset(m.claim_id for m in c.members) for c in cores(block)}


WHENS = [When(first_seen=D(2024, 3, 1), last_seen=D(2024, 3, 1)),
         When(first_seen=D(2024, 3, 20), last_seen=D(2024, 3, 20)),
         When(first_seen=D(2024, 6, 1), last_seen=D(2024, 6, 1)),
         When(D(2024, 1, 1), D(2024, 3, 1), first_seen=D(2024, 3, 2), last_seen=D(2024, 3, 2)),
         When(as_of=D(2024, 5, 1), first_seen=D(2024, 5, 3), last_seen=D(2024, 5, 3))]


@pytest.mark.parametrize("seed", range(8))
def test_cores_of_a_count_reported_week_by_week_are_those_of_every_pair(seed):
    rng = random.Random(seed)
    block = []
    for n in range(300):  # a weekly count, its rounded repeats, and figures far from both
        kind = rng.random()
        if kind < 0.5:
            value = float(1_000 + 7 * rng.randrange(400))
        elif kind < 0.8:
            value = float(round(rng.uniform(1_000, 4_000), -rng.choice((1, 2, 3))))
        else:
            value = float(rng.choice((250_000, 260_000, 283_000, 300_000, 286_000, 12, 13)))
        block.append(member(n, value, rng.choice(WHENS), rng.choice(("person", "person", "unit"))))
    assert components(block) == every_pair(block)


def test_values_of_one_time_a_step_apart_are_one_core_and_a_jump_starts_another():
    when = WHENS[0]
    block = [member(n, 1_000.0 + 10 * n, when) for n in range(200)] + [member(999, 9_000.0, when)]
    assert sorted(len(c) for c in components(block)) == [1, 200]


def test_merged_whens_count_each_claim():
    whens = [(WHENS[3], 1), (WHENS[4], 3), (WHENS[3], 1), (WHENS[0], 2)]
    assert merged_weighted(whens) == merged([w for w, n in whens for _ in range(n)])


def ordered_members(block: list[Member]) -> list[list[str]]:
    """Each core's members in order, the cores in order: what naming and attaching read."""
    return [[m.claim_id for m in c.members] for c in cores(block)]


@pytest.mark.parametrize("seed", range(4))
def test_skipping_a_large_components_items_in_numpy_compares_what_stepping_over_each_does(
        seed, monkeypatch):
    rng = random.Random(seed)
    block = [member(n, float(1_000 + rng.randrange(3_000)), rng.choice(WHENS)) for n in range(600)]
    filtered = ordered_members(block)
    monkeypatch.setattr(_Components, "WINDOW", 10**9)  # every item stepped over in Python
    assert ordered_members(block) == filtered


@pytest.mark.parametrize("seed", range(6))
def test_claim_order_is_that_of_sorting_by_document_offset_and_id(seed):
    rng = random.Random(seed)
    rows = [{"claim_id": f"{rng.randrange(16**6):06x}", "doc_id": f"d{rng.randrange(20)}",
             "char_start": rng.randrange(5)} for _ in range(300)]  # many ties of document and offset
    claims = pd.DataFrame(rows).drop_duplicates("claim_id").reset_index(drop=True)
    expected = claims.sort_values(["doc_id", "char_start", "claim_id"], kind="stable").index.tolist()
    assert claim_order(claims).tolist() == expected
    distinct = claims.drop_duplicates(["doc_id", "char_start"]).reset_index(drop=True)  # no ties
    expected = distinct.sort_values(["doc_id", "char_start", "claim_id"], kind="stable").index.tolist()
    assert claim_order(distinct).tolist() == expected
