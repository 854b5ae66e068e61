"""Incremental syndication: replaying a change from the stored state gives exactly what the full
computation gives over the whole new set, and reads only the few stored texts it must compare."""

from __future__ import annotations

import random
from datetime import date

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from transforms.cleaning import syndication
from transforms.cleaning.syndication import (
    MIN_WORDS,
    SIGNATURE_SCHEMA,
    duplicate_of,
    empty_signatures,
    syndicated,
)

VOCABULARY = [f"w{n}" for n in range(400)]
DATES = [date(2024, 3, d) for d in range(1, 9)]


def reference(documents: pd.DataFrame) -> dict[str, str | None]:
    """The full computation as it was before it became incremental: datasketch's MinHashLSH
    over all documents, then the greedy pass in canonical order."""
    from datasketch import LeanMinHash, MinHash, MinHashLSH

    ids = documents["doc_id"].astype(str).to_numpy()
    texts = documents["text"].to_numpy()
    shingled = {}
    for position in syndication.canonical_order(documents):
        words = syndication._WORD.findall(str(texts[position]).lower())
        if len(words) >= MIN_WORDS:
            shingled[int(position)] = syndication._shingle_hashes(words, {})
    result = dict.fromkeys(ids)
    if not shingled:
        return result
    positions, hashes = list(shingled), list(shingled.values())
    matrix = syndication.signatures(hashes, MinHash(num_perm=64, seed=syndication.SEED).permutations)
    lsh = MinHashLSH(num_perm=64, params=syndication.BANDS)
    sketches = [LeanMinHash(seed=syndication.SEED, hashvalues=row, scheme="affine32") for row in matrix]
    for n, sketch in enumerate(sketches):
        lsh.insert(n, sketch, check_duplication=False)
    found: dict[int, int] = {}
    for n, sketch in enumerate(sketches):
        if n in found:
            continue
        later = np.array(sorted(o for o in lsh.query(sketch) if o > n and o not in found), dtype=np.int64)
        estimate = (matrix[later] == matrix[n]).mean(axis=1)
        for other in later[estimate >= syndication.ESTIMATE_FLOOR].tolist():
            if syndication.jaccard(np.unique(hashes[n]), np.unique(hashes[other])) >= syndication.THRESHOLD:
                found[other] = n
    for copy, original in found.items():
        result[ids[positions[copy]]] = ids[positions[original]]
    return result


class Corpus:
    """Synthetic news: stories of 80-200 words from a small vocabulary, and variants of them
    (reprints with furniture, edits, cuts, digests of two stories, briefs too short to count)."""

    def __init__(self, seed: int, stories: int = 20):
        self.random = random.Random(seed)
        self.stories = [self.words(self.random.randint(80, 200)) for _ in range(stories)]
        self.serial = 0

    def words(self, n: int) -> list[str]:
        return [self.random.choice(VOCABULARY) for _ in range(n)]

    def variant(self) -> str:
        r = self.random
        story = list(r.choice(self.stories))
        kind = r.random()
        if kind < 0.08:
            return " ".join(self.words(r.randint(5, MIN_WORDS - 1)))
        if kind < 0.16:
            return " ".join(self.words(r.randint(80, 200)))  # a story told once
        if kind < 0.26:
            other = r.choice(self.stories)
            story = story[:len(story) // 2] + other[len(other) // 2:]
        rate = r.choice([0.0, 0.0, 0.03, 0.08, 0.12, 0.15, 0.18, 0.25])
        story = [r.choice(VOCABULARY) if r.random() < rate else w for w in story]
        if r.random() < 0.3:
            story = story[:max(MIN_WORDS, int(len(story) * r.uniform(0.5, 1.0)))]
        if r.random() < 0.4:
            story = self.words(r.randint(3, 15)) + story + self.words(r.randint(3, 15))
        return " ".join(story).capitalize() + "."

    def published(self) -> date | None:
        return None if self.random.random() < 0.15 else self.random.choice(DATES)

    def document(self) -> dict:
        self.serial += 1
        return {"doc_id": f"d{self.serial:04d}", "published": self.published(), "text": self.variant()}


class Warehouse:
    """The caller's side: the stored documents, their signatures and their duplicate_of, kept
    between runs from what `syndicated` returns alone."""

    def __init__(self):
        self.docs: dict[str, dict] = {}
        self.signatures = empty_signatures()
        self.duplicate_of: dict[str, str | None] = {}
        self.requested: list[list[str]] = []

    def texts(self, ids: list[str]) -> dict[str, str]:
        self.requested.append(list(ids))
        assert len(ids) == len(set(ids))
        assert set(ids) <= self.readable, set(ids) - self.readable
        return {i: self.docs[i]["text"] for i in ids}

    def documents(self) -> pd.DataFrame:
        return pd.DataFrame([{"doc_id": i, "published": d["published"], "duplicate_of": self.duplicate_of[i]}
                             for i, d in self.docs.items()], columns=["doc_id", "published", "duplicate_of"])

    def apply(self, added: list[dict], removed: list[str]):
        frame = pd.DataFrame(added, columns=["doc_id", "published", "text"])
        self.readable = set(self.docs) - set(removed) - set(frame["doc_id"])
        self.requested = []
        result = syndicated(self.signatures, self.documents(), frame, removed, self.texts)
        assert result.signatures.schema == SIGNATURE_SCHEMA
        assert result.signatures.column("doc_id").to_pylist() == frame["doc_id"].tolist()
        assert set(result.duplicate_of) >= set(frame["doc_id"])
        assert not set(result.duplicate_of) & (set(removed) - set(frame["doc_id"]))
        gone = set(removed) | set(frame["doc_id"])
        for i in gone:
            self.docs.pop(i, None)
            self.duplicate_of.pop(i, None)
        for row in added:
            self.docs[row["doc_id"]] = row
        kept = self.signatures.filter(pa.compute.invert(pa.compute.is_in(
            self.signatures.column("doc_id"), pa.array(sorted(gone), pa.string()))))
        self.signatures = pa.concat_tables([kept, result.signatures])
        self.duplicate_of.update(result.duplicate_of)
        return result

    def expected(self) -> dict[str, str | None]:
        return reference(pd.DataFrame(list(self.docs.values()), columns=["doc_id", "published", "text"]))


def check(warehouse: Warehouse) -> None:
    expected = warehouse.expected()
    assert warehouse.duplicate_of == expected
    frame = pd.DataFrame(list(warehouse.docs.values()), columns=["doc_id", "published", "text"])
    assert dict(zip(frame["doc_id"], duplicate_of(frame), strict=True)) == expected
    assert sorted(warehouse.signatures.column("doc_id").to_pylist()) == sorted(warehouse.docs)


@pytest.mark.parametrize("seed", range(6))
def test_random_batches_with_removals_and_replacements_give_the_full_result(seed):
    corpus = Corpus(seed)
    pool = [corpus.document() for _ in range(200)]
    corpus.random.shuffle(pool)
    warehouse = Warehouse()
    r = corpus.random
    copies = 0
    while pool or r.random() < 0.5:
        batch, pool = pool[:r.randint(1, 40)], pool
        pool = pool[len(batch):]
        stored = sorted(warehouse.docs)
        removed = r.sample(stored, min(len(stored), r.randint(0, 6)))
        staying = [i for i in stored if i not in removed]
        replaced = r.sample(staying, min(len(staying), r.randint(0, 4)))
        batch += [{"doc_id": i, "published": r.choice([warehouse.docs[i]["published"], corpus.published()]),
                   "text": corpus.variant()} for i in replaced]
        r.shuffle(batch)
        warehouse.apply(batch, removed + replaced)
        check(warehouse)
        copies += sum(v is not None for v in warehouse.duplicate_of.values())
        if not pool and len(warehouse.docs) < 20:
            break
    assert copies, "the corpus has copies"


def test_removing_every_canonical_one_by_one():
    corpus = Corpus(11, stories=5)
    warehouse = Warehouse()
    warehouse.apply([corpus.document() for _ in range(60)], [])
    check(warehouse)
    while any(v is not None for v in warehouse.duplicate_of.values()):
        canonicals = sorted(set(v for v in warehouse.duplicate_of.values() if v is not None))
        warehouse.apply([], [corpus.random.choice(canonicals)])
        check(warehouse)


STORY = " ".join(f"s{n % 37}x{n}" for n in range(150))
OTHER = " ".join(f"o{n % 41}y{n}" for n in range(150))


def frame(*rows):
    return [{"doc_id": i, "published": p, "text": t} for i, p, t in rows]


def test_an_earlier_copy_becomes_the_canonical_of_its_group():
    warehouse = Warehouse()
    warehouse.apply(frame(("b", date(2024, 3, 5), STORY), ("c", date(2024, 3, 6), STORY + " extra words"),
                          ("d", None, STORY), ("x", date(2024, 3, 1), OTHER)), [])
    assert warehouse.duplicate_of == {"b": None, "c": "b", "d": "b", "x": None}

    result = warehouse.apply(frame(("a", date(2024, 3, 4), "Wire: " + STORY)), [])

    assert result.duplicate_of == {"a": None, "b": "a", "c": "a", "d": "a"}
    check(warehouse)


def test_removing_a_canonical_makes_the_next_copy_canonical():
    warehouse = Warehouse()
    warehouse.apply(frame(("a", date(2024, 3, 4), STORY), ("b", date(2024, 3, 5), STORY),
                          ("c", None, STORY), ("x", date(2024, 3, 1), OTHER)), [])

    result = warehouse.apply([], ["a"])

    assert result.duplicate_of == {"b": None, "c": "b"}
    check(warehouse)


def test_replacing_a_canonical_with_another_story_releases_its_copies():
    warehouse = Warehouse()
    warehouse.apply(frame(("a", date(2024, 3, 4), STORY), ("b", date(2024, 3, 5), STORY),
                          ("c", date(2024, 3, 6), OTHER)), [])

    result = warehouse.apply(frame(("a", date(2024, 3, 4), OTHER)), ["a"])

    assert result.duplicate_of == {"a": None, "b": None, "c": "a"}
    check(warehouse)


def test_short_and_unchanged_documents_are_reported_only_when_new():
    warehouse = Warehouse()
    warehouse.apply(frame(("a", date(2024, 3, 4), STORY), ("b", date(2024, 3, 5), STORY)), [])

    result = warehouse.apply(frame(("brief", None, "too short to count")), [])

    assert result.duplicate_of == {"brief": None}
    assert result.signatures.column("signature").to_pylist() == [None]
    assert warehouse.requested == []


def test_signatures_are_the_datasketch_ones():
    from datasketch import MinHash

    hashes = syndication.shingle_hashes(STORY)
    sketch = MinHash(num_perm=64, seed=syndication.SEED)
    table = syndicated(empty_signatures(), Warehouse().documents(), pd.DataFrame(frame(("a", None, STORY))),
                       (), lambda ids: {}).signatures
    row = np.frombuffer(table.column("signature")[0].as_py(), dtype="<u4")
    a, b = (np.asarray(p, dtype=np.uint64) for p in sketch.permutations)
    expected = ((hashes.astype(np.uint64)[:, None] * a + b) % 2**32).min(axis=0)
    assert row.tolist() == expected.tolist()


def test_a_new_copy_reads_only_a_few_stored_texts():
    corpus = Corpus(3, stories=300)
    warehouse = Warehouse()
    warehouse.apply([corpus.document() for _ in range(1500)], [])
    canonical = next(i for i in sorted(warehouse.docs)
                     if warehouse.duplicate_of[i] is None
                     and sum(v == i for v in warehouse.duplicate_of.values()) >= 3)
    text = warehouse.docs[canonical]["text"]

    result = warehouse.apply(frame(("new", date(2024, 3, 9), "Agency report. " + text)), [])

    assert result.duplicate_of == {"new": canonical}
    asked = [i for call in warehouse.requested for i in call]
    assert canonical in asked
    assert len(asked) <= 5, asked
    assert len(warehouse.requested) == 1
    check(warehouse)


def test_a_new_story_reads_no_stored_text_it_does_not_collide_with():
    corpus = Corpus(4, stories=100)
    warehouse = Warehouse()
    warehouse.apply([corpus.document() for _ in range(500)], [])

    result = warehouse.apply(frame(("new", date(2024, 3, 9), STORY)), [])

    assert result.duplicate_of == {"new": None}
    assert warehouse.requested == []


def test_the_band_index_answers_many_rows_at_once_as_it_answers_each_alone():
    """The replay asks for the canonical neighbours of every added row in one query; each row's
    answer is the one a query of that row alone gives."""
    rng = np.random.default_rng(7)
    matrix = rng.integers(0, 3, size=(80, syndication.NUM_PERM), dtype=np.uint32)  # many collisions
    signed = rng.random(80) < 0.7
    index = syndication._BandIndex(matrix, signed)
    rows = np.flatnonzero(rng.random(80) < 0.6)
    together = index.neighbours(rows)
    assert sum(len(v) for v in together.values()) > len(rows)
    for row in rows.tolist():
        np.testing.assert_array_equal(together[row], index.neighbours(np.array([row]))[row])


def test_shingles_made_batch_by_batch_elsewhere_give_the_same_verdicts():
    """The workers that tabulate make each batch's signatures and shingles (`shingled`); the
    replay given them decides as the replay that makes them itself."""
    corpus = Corpus(3, stories=40)
    stored = Warehouse()
    stored.apply([corpus.document() for _ in range(200)], [])
    added = pd.DataFrame([corpus.document() for _ in range(120)], columns=["doc_id", "published", "text"])
    halves = [added.iloc[:50], added.iloc[50:]]
    made = pa.concat_tables([syndication.shingled(h["doc_id"].tolist(), h["text"].tolist()) for h in halves])
    assert made.schema == syndication.SHINGLED_SCHEMA
    stored.readable = set(stored.docs)
    own = syndicated(stored.signatures, stored.documents(), added, (), stored.texts)
    given = syndicated(stored.signatures, stored.documents(), added, (), stored.texts, made)
    assert given.duplicate_of == own.duplicate_of and any(v for v in own.duplicate_of.values())
    assert given.signatures.equals(own.signatures)
