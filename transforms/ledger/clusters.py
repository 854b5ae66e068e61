"""Claims -> clusters: the claims that state the same figure, across outlets and copies.

Two claims state the same figure when they share metric, claimant, rate and kind of unit, speak
of a compatible time (`transforms.time.when`) and give values that agree within rounding or lie
close together (`transforms.ledger.agreement`). Such claims are linked, and linked claims form a core.
A core that only one report gives is then tried against the cores many reports give: a likely
slip of the keyboard ("45,000" for "495,000") or the figure given only in another currency joins
the consensus it deviates from, and is flagged there (`transforms.ledger.flags`) rather than left
standing as a figure of its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from transforms.declarations import vocab
from transforms.ledger.agreement import CLOSE, ROUNDING, close, precision, relative_difference, typo_of
from transforms.rows import column_values
from transforms.time.when import When, compatible

CURRENCIES = frozenset(vocab.CURRENCIES)  # every currency in declarations/currencies.csv
CROSS_RATE_TOLERANCE = 0.05  # an annual average rate is only roughly the day's rate


@dataclass
class Member:
    """Claims as clustering sees them: the claims of one story (its reprints repeat them) that
    say the same at the same time are one member, so that a block of many reprints costs its
    distinct claims. `row` is the first claim's; `claim_ids` and `doc_ids` are every claim's."""

    claim_id: str  # the first claim's
    doc_id: str
    outlet: str | None
    published: dt.date | None
    row: dict
    when: When
    flag: tuple[str, str] | None = None  # (flag, what makes it one) when it joined by attachment
    story: str = ""  # the canonical copy's doc_id: a reprint and its original are one report
    claim_ids: list[str] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)  # each claim's document

    def __post_init__(self):
        if not self.claim_ids:
            self.claim_ids, self.doc_ids = [self.claim_id], [self.doc_id]

    @property
    def weight(self) -> int:
        """How many claims the member stands for."""
        return len(self.claim_ids)


class Cluster:
    """Claims stating one figure. What it states is computed once per change of membership."""

    def __init__(self, members: list[Member] | None = None):
        self.members: list[Member] = list(members or [])
        self._cache: dict[str, object] = {}

    def absorb(self, members: list[Member]) -> None:
        self.members.extend(members)
        self._cache.clear()

    def _cached(self, name: str, compute):
        if name not in self._cache:
            self._cache[name] = compute()
        return self._cache[name]

    @property
    def unit(self) -> str:
        def compute() -> str:
            units = _weighted((m.row["unit"], m.weight) for m in self.members if m.flag is None)
            return max(sorted(units), key=units.get)
        return self._cached("unit", compute)

    @property
    def documents(self) -> set[str]:
        return self._cached("documents", lambda: {d for m in self.members for d in m.doc_ids})

    @property
    def stories(self) -> set[str]:
        """The reports behind the cluster, each story's syndicated copies counted once."""
        return self._cached("stories", lambda: {m.story for m in self.members})

    @property
    def when(self) -> When:
        return self._cached("when", lambda: merged_weighted([(m.when, m.weight) for m in self.members]))

    def core(self) -> list[Member]:
        """Members that state the figure in the cluster's unit (not joined as a variant)."""
        unit = self.unit
        return self._cached("core", lambda: [m for m in self.members
                                             if m.flag is None and m.row["unit"] == unit])

    def consensus(self) -> float | None:
        """The value most documents give (ties: the most precise), among core members."""
        return self._cached("consensus", lambda: _consensus(
            [(m.doc_ids, m.row["value"]) for m in self.core()]))

    def qualifier(self) -> str:
        """The qualifier most often given with the consensus value."""
        def compute() -> str:
            value = self.consensus()
            said = _weighted((m.row["qualifier"], m.weight) for m in self.core()
                             if m.row["value"] == value) or \
                _weighted((m.row["qualifier"], m.weight) for m in self.members if m.flag is None)
            return max(sorted(said), key=said.get)
        return self._cached("qualifier", compute)

    def conversion(self) -> tuple[float | None, str | None]:
        """The conversion most documents give beside the consensus, and its unit."""
        def compute() -> tuple[float | None, str | None]:
            alts = [(m.doc_ids, m.row["alt_value"], m.row["alt_unit"], m.weight)
                    for m in self.members if m.flag is None and m.row["alt_unit"]]
            if not alts:
                return None, None
            units = _weighted((u, w) for _, _, u, w in alts)
            unit = max(sorted(units), key=units.get)
            return _consensus([(d, v) for d, v, u, _ in alts if u == unit]), unit
        return self._cached("conversion", compute)


def _consensus(votes: list[tuple[list[str], float | None]]) -> float | None:
    """The value most documents give; on a tie the most precise, as 283,000 over 280,000.
    `votes`: (the documents giving it, value)."""
    if len(said := {v for _, v in votes if v is not None and v == v}) == 1:
        return said.pop()  # one value: nothing to count
    giving: dict[float, set[str]] = defaultdict(set)
    for docs, v in votes:
        if v is not None and v == v:
            giving[v].update(docs)
    if not giving:
        return None
    tally = {v: len(docs) for v, docs in giving.items()}
    return max(sorted(tally), key=lambda v: (tally[v], -precision(v)))


def _weighted(pairs) -> Counter:
    """A Counter of (value, count) pairs: the claims of members counted each."""
    counts: Counter = Counter()
    for value, weight in pairs:
        counts[value] += weight
    return counts


def merged_weighted(whens: list[tuple[When, int]]) -> When:
    """`transforms.time.when.merged` of each When repeated its count of times."""
    stated = _weighted((w.key(), n) for w, n in whens if w.stated)
    key = max(sorted(stated, key=str), key=stated.get) if stated else (None, None, None)
    seen = [d for w, _ in whens for d in (w.first_seen, w.last_seen) if d is not None]
    return When(*key, first_seen=min(seen, default=None), last_seen=max(seen, default=None))


def as_date(value: object) -> dt.date | None:
    """A date from a date, a Timestamp or a null of any kind."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, dt.datetime):  # a Timestamp too
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None if pd.isna(value) else value


def document_dates(documents: pd.DataFrame) -> dict[str, dt.date | None]:
    """Each document's publication date, a copy taking its canonical's when it has none."""
    published = {d: as_date(p)
                 for d, p in zip(documents["doc_id"].tolist(), documents["published"].tolist(),
                                 strict=True)}
    for doc, canonical in zip(documents["doc_id"].tolist(), documents["duplicate_of"].tolist(),
                              strict=True):
        if published[doc] is None and isinstance(canonical, str):
            published[doc] = published.get(canonical)
    return published


# What clustering, naming and flagging read of a claim besides its id, document and offset:
# claims of one story, outlet and date that agree on all of these are one `Member`.
SAID = ["metric", "claimant", "claimant_id", "per", "unit", "subject", "value", "value_low",
        "value_high", "qualifier", "alt_value", "alt_unit", "period_start", "period_end", "as_of"]


def members(claims: pd.DataFrame, documents: pd.DataFrame,
            order: np.ndarray | None = None) -> list[Member]:
    """The claims as members, in the order of their first claims: the frame's order, else the
    positions `order` gives (`claim_order`), which spares reordering a large frame."""
    dates = document_dates(documents)
    of_doc = {d: (c if isinstance(c, str) else d, o if isinstance(o, str) else None, dates[d])
              for d, c, o in zip(*(documents[n].tolist() for n in ("doc_id", "duplicate_of", "outlet")),
                                 strict=True)}  # story, outlet, date
    seq = np.arange(len(claims)) if order is None else order
    group, first = _member_groups(claims, of_doc, seq)
    by_member = seq[np.argsort(group, kind="stable")]
    sizes = np.bincount(group, minlength=len(first))
    ends = np.cumsum(sizes)
    claim_ids = claims["claim_id"].to_numpy(dtype=object)[by_member]
    doc_ids = claims["doc_id"].to_numpy(dtype=object)[by_member]
    names = list(claims.columns)
    out, times = [], {}  # copies of a story repeat their times: one When each
    rows = zip(*column_values(claims.iloc[seq[first]]), strict=True)
    for values, start, end in zip(rows, (ends - sizes).tolist(), ends.tolist(), strict=True):
        row = dict(zip(names, values, strict=True))
        story, outlet, published = of_doc.get(row["doc_id"]) or (row["doc_id"], None, None)
        key = (row["period_start"], row["period_end"], row["as_of"], published)
        when = times.get(key)
        if when is None:
            when = times[key] = When(as_date(key[0]), as_date(key[1]), as_date(key[2]),
                                     published, published)
        out.append(Member(row["claim_id"], row["doc_id"], outlet, published, row, when, story=story,
                          claim_ids=claim_ids[start:end].tolist(), doc_ids=doc_ids[start:end].tolist()))
    return out


def claim_order(claims: pd.DataFrame) -> np.ndarray:
    """The claims' positions sorted by document, offset and id, as a stable `sort_values` gives
    them: ids (unique, one a claim) are sorted only when a document and offset tie."""
    docs = pd.factorize(claims["doc_id"], sort=True)[0]
    starts = claims["char_start"].to_numpy(dtype=np.int64)
    order = np.lexsort((starts, docs))
    if len(order) > 1 and ((np.diff(docs[order]) == 0) & (np.diff(starts[order]) == 0)).any():
        ids = pd.factorize(claims["claim_id"], sort=True)[0]
        order = np.lexsort((ids, starts, docs))
    return order


# Combined codes of a claim's columns stay below this (int64), renumbered densely only when the
# next column would pass it, not after every column.
COMBINED_CODES = 2**62


def _member_groups(claims: pd.DataFrame, of_doc: dict, seq: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(the member of each claim in the order `seq`, numbered in order of first claims; each
    member's first claim, as a place in `seq`): the claims of one story, outlet and date that
    agree on every SAID column (nulls alike)."""
    doc_codes, docs = pd.factorize(claims["doc_id"])
    metas = pd.factorize(pd.Series([of_doc.get(d) or (d, None, None) for d in docs], dtype=object))[0]
    codes = metas[doc_codes].astype(np.int64)
    bound = int(codes.max()) + 1 if len(codes) else 1  # codes lie in 0..bound-1
    for name in (n for n in SAID if n in claims):
        column, uniques = pd.factorize(claims[name], use_na_sentinel=False)
        if bound * (len(uniques) + 1) >= COMBINED_CODES:  # renumber densely before it overflows
            codes, kinds = pd.factorize(codes)
            bound = len(kinds)
        codes = codes * (len(uniques) + 1) + column
        bound *= len(uniques) + 1
    codes = pd.factorize(codes[seq])[0]
    return codes, np.unique(codes, return_index=True)[1]


def block(metric: str, claimant_id: str | None, per: str | None, unit: str) -> tuple:
    """Claims that may state the same figure: one claimant, metric, rate, kind of unit. Claims
    of different blocks never share a cluster, so a run reclusters only the blocks it touches."""
    return (metric, claimant_id, per or "", "money" if unit in CURRENCIES else unit)


def block_key(m: Member) -> tuple:
    return block(m.row["metric"], m.row["claimant_id"], m.row["per"], m.row["unit"])


def amounts_agree(a: tuple, b: tuple) -> bool:
    """Whether two amounts, (unit, value, value_low, value_high), may state one figure."""
    if a[0] != b[0]:
        return False
    if a[1] is not None and b[1] is not None:
        return close(a[1], b[1])
    if a[1] is None and b[1] is None:
        return close(a[2], b[2]) and close(a[3], b[3])
    return False


def cores(block: list[Member]) -> list[Cluster]:
    """Claims linked by agreeing amounts at compatible times, grouped.

    Claims with the same amount and time are taken together first, and values are compared
    only with their neighbours in sorted order, so a block of many repeats stays cheap; values
    of one time within CLOSE of the previous are joined first, a pair already joined through
    others is not compared, and two amounts are compared once, so that a block of many close
    values (a count reported week by week) does not cost their square.
    """
    groups: dict[tuple, list[Member]] = defaultdict(list)
    for m in block:
        r = m.row
        groups[(r["unit"], r["value"], r["value_low"], r["value_high"], m.when)].append(m)
    named = {when: str(when) for when in {k[4] for k in groups}}  # each time's text made once
    keys = sorted(groups, key=lambda k: (k[0], _point(k), named[k[4]]))
    points = [_point(k) for k in keys]
    times = {when: n for n, when in enumerate(dict.fromkeys(k[4] for k in keys))}
    time_of = [times[k[4]] for k in keys]
    linked = _Components(len(keys))
    agree: dict[tuple, bool] = {}  # amounts, and times, are compared once a pair
    fits: dict[tuple[int, int], bool] = {}
    last: dict[tuple, int] = {}  # each unit and time's previous key: a run of close values
    for j, b in enumerate(keys):  # joins at once, as `close` would (a count week by week)
        i = last.get((b[0], b[4]))
        last[(b[0], b[4])] = j
        if i is not None and b[1] is not None and keys[i][1] is not None \
                and relative_difference(keys[i][1], b[1]) <= CLOSE and compatible(b[4], b[4]):
            linked.join(i, j)
    label = linked.label
    for i, end in enumerate(_reaches(keys, points)):
        a = keys[i]
        for j in linked.apart(i, end):
            if label[j] == label[i]:  # joined through others already
                continue
            when = (time_of[i], time_of[j])
            if when not in fits:
                fits[when] = compatible(a[4], keys[j][4])
            if not fits[when]:
                continue
            b = keys[j]
            pair = (a[:4], b[:4])
            if pair not in agree:
                agree[pair] = amounts_agree(a, b)
            if agree[pair]:
                linked.join(i, j)
    clusters: dict[int, Cluster] = defaultdict(Cluster)
    for component, key in zip(label, keys, strict=True):
        clusters[component].absorb(groups[key])
    return list(clusters.values())


class _Components:
    """Items joined into components, each item labelled with its component at all times (the
    smaller side relabelled), so that a sweep tells two items of one component apart by a look-up."""

    WINDOW = 64  # beyond this many items, `apart` filters in numpy

    def __init__(self, n: int):
        self.label = list(range(n))
        self.items = {i: [i] for i in range(n)}
        self.codes = np.arange(n)  # `label` as an array, for `apart`

    def join(self, i: int, j: int) -> None:
        a, b = self.label[i], self.label[j]
        if a == b:
            return
        if len(self.items[a]) < len(self.items[b]):
            a, b = b, a
        for k in self.items[b]:
            self.label[k] = a
        self.codes[self.items[b]] = a
        self.items[a] += self.items.pop(b)

    def apart(self, i: int, end: int):
        """The items after i and before `end` not in i's component now, in order: a superset of
        those apart when each is reached (components only grow), so a sweep that checks `label`
        again compares the same pairs as one over every item, without stepping over each item of
        a large component (a count reported week by week: thousands of close values)."""
        if end - i <= self.WINDOW:
            return range(i + 1, end)
        return (np.flatnonzero(self.codes[i + 1:end] != self.codes[i]) + (i + 1)).tolist()


def _reaches(keys: list[tuple], points: list[float]) -> list[int]:
    """For each key (sorted by unit and point), the end of the keys it may agree with: the
    same unit, and a point at most ROUNDING above its own (`close` allows no more)."""
    ends, end = [], 0
    for i, (unit, point) in enumerate(zip((k[0] for k in keys), points, strict=True)):
        reach = point / (1 - ROUNDING) + 1e-9
        end = max(end, i + 1)
        while end < len(keys) and keys[end][0] == unit and points[end] <= reach:
            end += 1
        ends.append(end)
    return ends


def _point(key: tuple) -> float:
    value, low, high = key[1], key[2], key[3]
    return value if value is not None else (high if high is not None else low or 0.0)


def attachment(small: Cluster, big: Cluster, rates: dict) -> tuple[str, str] | None:
    """Why a figure few reports give belongs to a consensus others give, if it does."""
    if not compatible(small.when, big.when):
        return None
    value, consensus = small.consensus(), big.consensus()
    if value is None or consensus is None:
        return None
    if small.unit == big.unit:
        slip = typo_of(value, consensus)
        return ("typo", slip) if slip else None
    alt, alt_unit = big.conversion()
    if alt is not None and alt_unit == small.unit and close(value, alt):
        return ("other_currency", "")
    year = _year(big.when) or _year(small.when)
    if alt is not None and year and (small.unit, year) in rates and (alt_unit, year) in rates:
        converted = value * rates[(small.unit, year)] / rates[(alt_unit, year)]
        if abs(converted - alt) <= CROSS_RATE_TOLERANCE * alt:
            return ("other_currency", f"{converted:,.0f} {alt_unit} at {year}'s average rate")
    return None


def _year(when: When) -> int | None:
    """The year whose average rate converts a figure: its stated time's, else its reports'."""
    day = when.end or when.as_of or when.first_seen
    return day.year if day else None


def attached(block_cores: list[Cluster], rates: dict) -> list[Cluster]:
    """Cores given by one report (one story and its reprints) joined to the best consensus
    several reports give that they are a variant of."""
    ordered = sorted(block_cores, key=lambda c: (-len(c.stories), -len(c.documents),
                                                 min(min(m.claim_ids) for m in c.members)))
    kept: list[Cluster] = []
    shared = [c for c in ordered if len(c.stories) > 1]  # a consensus several reports give
    for core in ordered:
        target = None
        if len(core.stories) == 1:
            for big in shared:
                if (why := attachment(core, big, rates)):
                    target = big
                    break
        if target is None:
            kept.append(core)
            continue
        for m in core.members:
            m.flag = why
        target.absorb(core.members)
    return kept


def clustered(claims: pd.DataFrame, documents: pd.DataFrame, rates: dict,
              order: np.ndarray | None = None) -> list[Cluster]:
    """Every claim in exactly one cluster. `rates` maps (currency, year) to US dollars per unit;
    `order`: the claims' positions in the order members are made in (`members`)."""
    blocks: dict[tuple, list[Member]] = defaultdict(list)
    for m in members(claims, documents, order):
        blocks[block_key(m)].append(m)
    return [c for key in sorted(blocks, key=str) for c in attached(cores(blocks[key]), rates)]


def cluster_id(cluster: Cluster, taken: set[str]) -> str:
    """A hash of what the cluster states; the first claim breaks a tie between equal ones."""
    row, when = cluster.members[0].row, cluster.when
    key = [row["metric"], row["claimant_id"], cluster.unit, row["per"], *when.key(),
           cluster.consensus(), when.first_seen]
    digest = hashlib.sha256(repr(key).encode()).hexdigest()[:20]
    if digest in taken:
        first = min(min(m.claim_ids) for m in cluster.members)
        digest = hashlib.sha256(repr([*key, first]).encode()).hexdigest()[:20]
    taken.add(digest)
    return digest
