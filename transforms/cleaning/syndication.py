"""Syndication: the same story published more than once, as near-duplicate documents.

An article reachable under two URLs, or an agency story that several outlets reprint with their
own headline, byline and page furniture, would otherwise count as N stories where an analyst sees
one story told by N outlets. Two documents are near-duplicates when the word 5-shingles of their
texts overlap by at least `THRESHOLD` (Jaccard similarity). MinHash signatures (datasketch's
seeded permutations, computed with numpy) in an LSH band index find the candidate pairs without
comparing every pair; each candidate is then confirmed on the exact shingle sets, so the verdict
does not depend on the sketch's noise.

Each group of copies keeps one canonical document, the earliest published (undated ones last,
then the smallest doc_id), and every other copy points at it directly. The result depends only
on the set of documents, never on their order or on which run brought which copy.

`syndicated` updates the verdicts of a stored warehouse for a run's added and removed documents
from their stored signatures, reading only the few stored texts it must compare exactly; the
full `duplicate_of` is the same replay from an empty warehouse.
"""

from __future__ import annotations

import heapq
import re
import zlib
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

SHINGLE = 5  # words per shingle: long enough that shared stock phrases rarely match
THRESHOLD = 0.3  # Jaccard similarity of shingle sets from which two texts are one story
MIN_WORDS = 50  # shorter texts (briefs, captions) share too little to tell copies apart
NUM_PERM = 64
SEED = 7
# LSH bands x rows: a pair becomes a candidate when the 2 signature values of one of 32 bands
# agree, which finds 95% of pairs at J=0.3 and 98.6% at J=0.35.
BANDS = (32, 2)
ESTIMATE_FLOOR = 0.15  # candidates whose MinHash estimate is below this are not checked exactly
CHUNK = 1000  # documents per vectorised signature pass, which bounds its memory

# One row per document: its MinHash signature as NUM_PERM little-endian uint32 values, null when
# the text is too short to have one.
SIGNATURE_SCHEMA = pa.schema([("doc_id", pa.string()), ("signature", pa.binary(4 * NUM_PERM))])

# What the workers that tabulate send with their documents: each one's signature and its distinct
# shingle hashes, sorted (null when too short), so that the flow's process only replays.
SHINGLED_SCHEMA = pa.schema([*SIGNATURE_SCHEMA, ("shingles", pa.list_(pa.uint32()))])

_WORD = re.compile(r"\w+")
# Odd 64-bit multipliers that fold a shingle's word hashes into one hash, position by position.
_FOLD = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                  0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD], dtype=np.uint64)[:SHINGLE]


def duplicate_of(documents: pd.DataFrame) -> pd.Series:
    """For each document, the doc_id of the canonical copy of its story, or None when it is the
    canonical copy or has no copy (index-aligned with `documents`): `syndicated` from an empty
    warehouse, so the full and the incremental computation are one algorithm."""
    ids = documents["doc_id"].astype(str)
    added = pd.DataFrame({"doc_id": ids.to_numpy(), "published": documents["published"].to_numpy(),
                          "text": documents["text"].to_numpy()})
    found = syndicated(empty_signatures(), _no_documents(), added, (), _no_texts).duplicate_of
    return pd.Series([found[i] for i in ids], index=documents.index, dtype=object)


def canonical_order(documents: pd.DataFrame) -> np.ndarray:
    """Row positions in the order copies defer to: earliest published first, undated last, then
    by doc_id, so the order is the same however the input was ordered."""
    published = pd.to_datetime(documents["published"], errors="coerce").reset_index(drop=True)
    keys = pd.DataFrame({"undated": published.isna(), "published": published,
                         "doc_id": documents["doc_id"].astype(str).to_numpy()})
    return keys.sort_values(["undated", "published", "doc_id"], kind="stable").index.to_numpy()


def shingle_hashes(text: str) -> np.ndarray:
    """The distinct 32-bit hashes of the lower-cased text's word 5-shingles, sorted."""
    return np.unique(_shingle_hashes(_WORD.findall(text.lower()), {}))


def _shingle_hashes(words: list[str], cache: dict[str, int]) -> np.ndarray:
    """Hashes of a word list's shingles, in text order, repeats kept (a signature does not mind
    them; sets are made only for the few pairs checked exactly). Words are hashed with CRC-32,
    cached since news reuses its vocabulary, and folded with fixed multipliers: the hashes are
    the same in every process, which Python's salted `hash` would not give."""
    if len(words) < SHINGLE:
        return np.empty(0, dtype=np.uint32)
    for word in set(words).difference(cache):
        cache[word] = zlib.crc32(word.encode())
    hashed = np.array([cache[w] for w in words], dtype=np.uint64)
    n = len(words) - SHINGLE + 1
    folded = np.zeros(n, dtype=np.uint64)
    for position, multiplier in enumerate(_FOLD):
        folded += hashed[position:position + n] * multiplier
    return (folded >> np.uint64(32)).astype(np.uint32)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard similarity of two sorted arrays of distinct hashes."""
    if not len(a) and not len(b):
        return 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared)


def signatures(shingled: list[np.ndarray], permutations: np.ndarray) -> np.ndarray:
    """MinHash signatures (one row per set) under datasketch's seeded affine permutations
    `a * h + b mod 2**32`, computed for a chunk of sets at a time with numpy rather than one
    `MinHash.update_batch` per document. The inputs are already well-mixed hashes."""
    a, b = (np.asarray(p, dtype=np.uint32) for p in permutations)
    matrix = np.empty((len(shingled), len(a)), dtype=np.uint32)
    for first in range(0, len(shingled), CHUNK):
        chunk = shingled[first:first + CHUNK]
        flat = np.concatenate(chunk)
        starts = np.cumsum([0, *(len(s) for s in chunk[:-1])])
        for k in range(len(a)):
            matrix[first:first + len(chunk), k] = np.minimum.reduceat(flat * a[k] + b[k], starts)
    return matrix


def shingled(ids: Sequence[str], texts: Sequence[str]) -> pa.Table:
    """The signature and distinct shingle hashes of each document (`SHINGLED_SCHEMA`): a pure
    function of its text, so it is made where the text is cleaned, batch by batch, in parallel."""
    cache: dict[str, int] = {}
    hashes = []
    for text in texts:
        words = _WORD.findall(str(text).lower())
        hashes.append(_shingle_hashes(words, cache) if len(words) >= MIN_WORDS else None)
    signed = np.array([h is not None for h in hashes], dtype=bool)
    matrix = np.zeros((len(hashes), NUM_PERM), dtype=np.uint32)
    if signed.any():
        matrix[signed] = signatures([h for h in hashes if h is not None], _permutations())
    sets = [np.unique(h) if h is not None else np.empty(0, dtype=np.uint32) for h in hashes]
    offsets = np.cumsum([0, *(len(s) for s in sets)]).astype(np.int32)
    values = np.concatenate(sets) if sets else np.empty(0, dtype=np.uint32)
    shingles = pa.ListArray.from_arrays(pa.array(offsets), pa.array(values, pa.uint32()),
                                        mask=pa.array(~signed))
    table = _signature_table(np.asarray(ids, dtype=object), matrix, signed)
    return table.append_column("shingles", shingles)


def _shingle_sets(table: pa.Table, ids: np.ndarray) -> dict[int, np.ndarray]:
    """The shingle sets of `table` (`SHINGLED_SCHEMA`) by position in `ids`, for signed rows."""
    rows = pd.Index(table.column("doc_id").to_numpy().astype(object), dtype=object).get_indexer(
        pd.Index(ids, dtype=object))
    column = table.column("shingles").combine_chunks()
    valid = column.is_valid().to_numpy(zero_copy_only=False)
    offsets = column.offsets.to_numpy()
    values = column.values.to_numpy()
    return {position: values[offsets[row]:offsets[row + 1]]
            for position, row in enumerate(rows.tolist()) if row >= 0 and valid[row]}


def empty_signatures() -> pa.Table:
    """The signatures of a warehouse without documents."""
    return SIGNATURE_SCHEMA.empty_table()


@dataclass(frozen=True)
class Syndication:
    """What a change of the document set does to syndication: the signatures of the added
    documents (`SIGNATURE_SCHEMA`), and the new `duplicate_of` of every document that is added or
    whose `duplicate_of` changed (removed documents are not listed)."""

    signatures: pa.Table
    duplicate_of: dict[str, str | None]


def syndicated(stored: pa.Table, documents: pd.DataFrame, added: pd.DataFrame,
               removed: Collection[str], texts: Callable[[list[str]], Mapping[str, str]],
               added_shingled: pa.Table | None = None) -> Syndication:
    """Syndication after `removed` documents leave the warehouse and `added` ones join it, with the
    same result as `duplicate_of` over the whole new set.

    `stored`: the signatures of the stored documents (rows of removed ones are ignored);
    `documents`: their doc_id, published and current duplicate_of; `added`: doc_id, published and
    text of the new documents (a doc_id also in `removed`, or already stored, replaces the stored
    document); `texts(ids)`: the stored texts of stored documents, asked for only the few whose
    shingle sets must be compared exactly.

    A document's canonical copy is the earliest canonical document before it (in canonical
    order) that it has an edge with (an LSH band collision, a MinHash estimate of at least
    ESTIMATE_FLOOR and an exact Jaccard of at least THRESHOLD); a document with none is canonical.
    That is what the greedy pass does, and since an edge depends on the pair only, a stored
    document's verdict can change only when a document before it that it collides with joins or
    leaves the canonical ones. So the documents are replayed in canonical order from the changes
    only: the added ones and the copies of removed canonicals first; a document that becomes
    canonical may claim the later ones it collides with; a canonical that becomes a copy (or
    leaves) releases its copies, which look for their canonical again. Everything else keeps its
    stored verdict, so the cost follows the change, apart from vectorised passes over the stored
    signatures. `added_shingled`: `shingled` of the added documents, when the workers made it
    (else it is made here); it may hold other documents too."""
    added_ids = added["doc_id"].astype(str).to_numpy(dtype=object)
    if added_shingled is None:
        added_shingled = shingled(added_ids, added["text"].to_numpy())
    added_matrix, added_signed = _stored_signatures(added_shingled, added_ids)
    added_sets = _shingle_sets(added_shingled, added_ids)

    leaving = {str(i) for i in removed}.union(added_ids)
    stored_ids = documents["doc_id"].astype(str)
    kept = documents.loc[~stored_ids.isin(leaving).to_numpy()]
    kept_ids = kept["doc_id"].astype(str).to_numpy(dtype=object)
    kept_matrix, kept_signed = _stored_signatures(stored, kept_ids)
    state = _Replay(
        ids=np.concatenate([kept_ids, added_ids]),
        published=np.concatenate([kept["published"].to_numpy(dtype=object),
                                  added["published"].to_numpy(dtype=object)]),
        matrix=np.concatenate([kept_matrix, added_matrix]),
        signed=np.concatenate([kept_signed, added_signed]),
        stored_copy_of=kept["duplicate_of"].to_numpy(dtype=object),
        texts=texts, cache={})
    state.sets.update({len(kept_ids) + p: s for p, s in added_sets.items()})
    return Syndication(_signature_table(added_ids, added_matrix, added_signed), state.run())


_PENDING = -2


class _Replay:
    """The worklist of `syndicated` over the new document set: rows are the kept stored documents
    (first `stored` rows) then the added ones."""

    def __init__(self, ids, published, matrix, signed, stored_copy_of, texts, cache):
        self.ids, self.matrix, self.signed = ids, matrix, signed
        self.texts, self.cache = texts, cache
        self.stored = len(stored_copy_of)
        total = len(ids)
        self.rank = np.empty(total, dtype=np.int64)
        self.rank[canonical_order(pd.DataFrame({"doc_id": ids, "published": published}))] = np.arange(total)
        # Verdict per row: the row of its canonical copy, -1 when it is canonical (or has no
        # shingles), PENDING for the added rows and the copies of removed canonicals until replayed.
        copied = pd.notna(stored_copy_of)
        self.stored_value = np.where(copied, stored_copy_of, None)
        copy_of = pd.Index(ids[:self.stored]).get_indexer(pd.Index(stored_copy_of, dtype=object))
        self.orphans = np.flatnonzero(copied & (copy_of < 0))
        self.state = np.concatenate([copy_of, np.full(total - self.stored, _PENDING)]).astype(np.int64)
        self.state[self.orphans] = _PENDING
        self.was_canonical = np.zeros(total, dtype=bool)
        self.was_canonical[:self.stored] = signed[:self.stored] & ~copied
        # Rows by the stored canonical they copy, to release them when it stops being canonical.
        self.by_copy_of = np.argsort(copy_of, kind="stable")
        self.sorted_copy_of = copy_of[self.by_copy_of]
        # Collisions with every row, for the rare new canonical that may claim stored rows; with
        # the canonical rows only, for a verdict: in a story of a thousand copies, a copy's
        # verdict looks at the one canonical, never at the other copies.
        self.index = _BandIndex(matrix, signed)
        self.canonical_index = _BandIndex(matrix, self.was_canonical, self.index.keys)
        self.new_canonical: list[dict[int, list[int]]] = [{} for _ in range(BANDS[0])]
        self.neighbours: dict[int, np.ndarray] = {}
        self.canonical_near: dict[int, np.ndarray] = {}
        self.sets: dict[int, np.ndarray] = {}

    def run(self) -> dict[str, str | None]:
        full = {int(r) for r in np.concatenate([np.arange(self.stored, len(self.ids)), self.orphans])}
        gains: dict[int, list[int]] = {}
        self._prefetch_initial(full)
        self._prefetch_canonical_near(full)
        queue = [(int(self.rank[r]), r) for r in full]
        heapq.heapify(queue)
        changes: dict[str, str | None] = {}
        while queue:
            _, row = heapq.heappop(queue)
            gained = gains.pop(row, [])
            new = self._verdict(row) if row in full else self._gained(row, gained)
            value = self.ids[new] if new >= 0 else None
            if row >= self.stored or value != self.stored_value[row]:
                changes[self.ids[row]] = value
            self.state[row] = new
            canonical = bool(self.signed[row]) and new < 0
            if canonical and not self.was_canonical[row]:
                for band, key in enumerate(self.index.keys[row].tolist()):
                    self.new_canonical[band].setdefault(key, []).append(row)
                claimable = self._claimable(row, full)
                for other in claimable.tolist():
                    if other not in gains:
                        gains[other] = []
                        heapq.heappush(queue, (int(self.rank[other]), other))
                    gains[other].append(row)
            elif self.was_canonical[row] and not canonical:
                released = [r for r in self._copies_of(row).tolist() if r not in full]
                self._fetch(released)
                for other in released:
                    full.add(other)
                    if other not in gains:
                        heapq.heappush(queue, (int(self.rank[other]), other))
        return changes

    def _verdict(self, row: int) -> int:
        """The row of the earliest canonical document before `row` it has an edge with, or -1."""
        if not self.signed[row]:
            return -1
        near = self._canonical_candidates(row)
        near = near[(self.rank[near] < self.rank[row]) & self.signed[near] & (self.state[near] == -1)]
        return self._first_edge(row, near)

    def _canonical_candidates(self, row: int) -> np.ndarray:
        """The rows colliding with `row` that are or became canonical: the stored canonical
        ones (whether they still are is the caller's to check) and those the replay made."""
        if row not in self.canonical_near:
            self.canonical_near.update(self.canonical_index.neighbours(np.array([row], dtype=np.int64)))
        made = {r for band, key in enumerate(self.index.keys[row].tolist())
                for r in self.new_canonical[band].get(key, ()) if r != row}
        near = self.canonical_near[row]
        return np.union1d(near, np.fromiter(made, dtype=np.int64, count=len(made))) if made else near

    def _prefetch_canonical_near(self, rows: set[int]) -> None:
        """The stored canonical rows colliding with each of `rows`, in one vectorised query, as
        `_canonical_candidates` would find them one row at a time: the canonical index does not
        change during the replay, and a query per row searched all 32 bands for each (about 4 s
        of a 20,000-document first run, every document being added)."""
        wanted = sorted(r for r in rows if self.signed[r] and r not in self.canonical_near)
        if wanted:
            self.canonical_near.update(self.canonical_index.neighbours(np.array(wanted, dtype=np.int64)))

    def _gained(self, row: int, gained: list[int]) -> int:
        """The verdict of a stored document whose canonical stays canonical, when the documents
        `gained` (before it, colliding with it) became canonical: the earliest of its canonical
        and those it has an edge with."""
        current = self.state[row]
        limit = self.rank[current] if current >= 0 else len(self.ids)
        near = np.array(gained, dtype=np.int64)
        found = self._first_edge(row, near[self.rank[near] < limit])
        return found if found >= 0 else current

    def _first_edge(self, row: int, near: np.ndarray) -> int:
        """The earliest (in canonical order) of the colliding rows `near` that `row` has an edge
        with, or -1."""
        near = near[self._estimates(row, near) >= ESTIMATE_FLOOR]
        if not len(near):
            return -1
        near = near[np.argsort(self.rank[near], kind="stable")]
        self._fetch([row, *near.tolist()])
        mine = self.sets[row]
        for other in near.tolist():
            if jaccard(mine, self.sets[other]) >= THRESHOLD:
                return other
        return -1

    def _estimates(self, row: int, near: np.ndarray) -> np.ndarray:
        """MinHash estimates of the Jaccard similarity of `row` with each of `near`."""
        return (self.matrix[near] == self.matrix[row]).sum(axis=1) / NUM_PERM

    def _claimable(self, row: int, full: set[int]) -> np.ndarray:
        """Stored rows after `row` colliding with it whose verdict the new canonical `row` may
        change: canonical ones, and copies of a canonical after it (rows to recompute in full
        are left to that)."""
        near = self._neighbours_of([row])[row]
        near = near[(self.rank[near] > self.rank[row]) & (near < self.stored)]
        current = self.state[near]
        later = np.where(current >= 0, self.rank[np.maximum(current, 0)], len(self.ids)) > self.rank[row]
        near = near[later]
        near = near[np.array([n not in full for n in near.tolist()], dtype=bool)]
        self._fetch([row, *near[self._estimates(row, near) >= ESTIMATE_FLOOR].tolist()])
        return near

    def _copies_of(self, row: int) -> np.ndarray:
        """Stored rows whose stored verdict is a copy of `row`."""
        low, high = np.searchsorted(self.sorted_copy_of, [row, row + 1])
        return self.by_copy_of[low:high]

    def _neighbours_of(self, rows: list[int]) -> dict[int, np.ndarray]:
        missing = [r for r in rows if r not in self.neighbours]
        if missing:
            self.neighbours.update(self.index.neighbours(np.array(missing, dtype=np.int64)))
        return self.neighbours

    def _prefetch_initial(self, full: set[int]) -> None:
        """The texts the first verdicts will most likely need, in one call: the stored documents
        to recompute and the canonical ones before them that they could be copies of."""
        wanted = []
        rows = [r for r in full if self.signed[r]] if self.stored else []
        if rows:
            self.canonical_near.update(self.canonical_index.neighbours(np.array(rows, dtype=np.int64)))
        for row in rows:
            near = self.canonical_near[row]
            near = near[near < self.stored]
            near = near[(self.rank[near] < self.rank[row]) & (self.state[near] == -1)]
            near = near[self._estimates(row, near) >= ESTIMATE_FLOOR]
            wanted.extend([row, *near.tolist()])
        self._fetch(wanted)

    def _fetch(self, rows: list[int]) -> None:
        """Make the shingle sets of `rows`, reading the stored texts of those not known yet."""
        missing = sorted({r for r in rows if r not in self.sets and r < self.stored and self.signed[r]})
        if not missing:
            return
        found = self.texts([self.ids[r] for r in missing])
        for r in missing:
            words = _WORD.findall(str(found[self.ids[r]]).lower())
            self.sets[r] = np.unique(_shingle_hashes(words, self.cache))


def band_keys(matrix: np.ndarray) -> np.ndarray:
    """Each row's LSH band keys (rows x BANDS[0]): the BANDS[1] = 2 signature values of a band
    as one 64-bit number."""
    bands, rows = BANDS
    parts = matrix[:, :bands * rows].reshape(len(matrix), bands, rows).astype(np.uint64)
    return (parts[:, :, 0] << np.uint64(32)) | parts[:, :, 1]


class _BandIndex:
    """The LSH bands of the signed rows' signatures, sorted per band: two rows collide when both
    values of some band (BANDS[1] consecutive signature values) are equal, as in datasketch's
    MinHashLSH with `params=BANDS`."""

    def __init__(self, matrix: np.ndarray, signed: np.ndarray, keys: np.ndarray | None = None):
        """`keys`: `band_keys(matrix)`, when another index of the same rows made them."""
        self.keys = band_keys(matrix) if keys is None else keys
        self._signed = signed
        self._bands: tuple[list, list] | None = None

    def bands(self) -> tuple[list, list]:
        """Per band, the signed rows in the order of their keys, and the keys so sorted: sorted
        at the first query only, as a replay that makes no new canonical never asks the index
        of every row (sorting 32 bands of a 20,000-document warehouse)."""
        if self._bands is None:
            signed_rows = np.flatnonzero(self._signed)
            keys = np.ascontiguousarray(self.keys[signed_rows].T)
            order = np.argsort(keys, axis=1)
            self._bands = list(signed_rows[order]), list(np.take_along_axis(keys, order, axis=1))
        return self._bands

    def neighbours(self, rows: np.ndarray) -> dict[int, np.ndarray]:
        """For each of the (signed) `rows`, the distinct other rows it collides with."""
        total = len(self.keys)
        pairs = []
        for band, (order, keys) in enumerate(zip(*self.bands(), strict=True)):
            wanted = self.keys[rows, band]
            low = np.searchsorted(keys, wanted, side="left")
            count = np.searchsorted(keys, wanted, side="right") - low
            hit = np.flatnonzero(count > 0)  # the row itself, when indexed, is removed below
            if not len(hit):
                continue
            counts = count[hit]
            starts = np.repeat(low[hit] - np.cumsum(counts) + counts, counts)
            found = order[starts + np.arange(counts.sum())]
            pairs.append(np.repeat(hit, counts) * total + found)
        result = {int(r): np.empty(0, dtype=np.int64) for r in rows}
        if pairs:
            codes = np.unique(np.concatenate(pairs))
            query, found = np.divmod(codes, total)
            keep = found != rows[query]
            query, found = query[keep], found[keep]
            bounds = np.searchsorted(query, np.arange(len(rows) + 1))
            for n, r in enumerate(rows.tolist()):
                result[r] = found[bounds[n]:bounds[n + 1]]
        return result


def _permutations() -> np.ndarray:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED).permutations


def _stored_signatures(stored: pa.Table, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The stored signature matrix and which rows have one, aligned with `ids`."""
    matrix = np.zeros((len(ids), NUM_PERM), dtype=np.uint32)
    signed = np.zeros(len(ids), dtype=bool)
    if not len(ids) or not stored.num_rows:
        return matrix, signed
    column = stored.column("signature").combine_chunks()
    data = column.buffers()[1]
    if data is None:
        return matrix, signed
    first = column.offset * NUM_PERM
    values = np.frombuffer(data, dtype="<u4")[first:first + len(column) * NUM_PERM].reshape(-1, NUM_PERM)
    valid = column.is_valid().to_numpy(zero_copy_only=False)
    stored_ids = stored.column("doc_id").to_numpy().astype(object)
    rows = pd.Index(stored_ids, dtype=object).get_indexer(pd.Index(ids, dtype=object))
    found = rows >= 0
    signed[found] = valid[rows[found]]
    matrix[signed] = values[rows[signed]]
    return matrix, signed


def _signature_table(ids: np.ndarray, matrix: np.ndarray, signed: np.ndarray) -> pa.Table:
    data = np.ascontiguousarray(matrix, dtype="<u4").tobytes()
    width = 4 * NUM_PERM
    values = [data[n * width:(n + 1) * width] if s else None for n, s in enumerate(signed.tolist())]
    return pa.table({"doc_id": pa.array(list(ids), pa.string()),
                     "signature": pa.array(values, pa.binary(width))}, schema=SIGNATURE_SCHEMA)


def _no_documents() -> pd.DataFrame:
    return pd.DataFrame({"doc_id": pd.Series(dtype=object), "published": pd.Series(dtype=object),
                         "duplicate_of": pd.Series(dtype=object)})


def _no_texts(ids: list[str]) -> Mapping[str, str]:
    raise AssertionError(f"no stored documents to read, asked for {ids[:3]}")
