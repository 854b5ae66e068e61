"""Syndication: the same story published more than once, as near-duplicate documents.

An article reachable under two URLs, or an agency story that several outlets reprint with their
own headline, byline and page furniture, would otherwise count as N stories where an analyst sees
one story told by N outlets. Two documents are near-duplicates when the word 5-shingles of their
texts overlap by at least `THRESHOLD` (Jaccard similarity). MinHash signatures in an LSH index
(datasketch) find the candidate pairs without comparing every pair; each candidate is then
confirmed on the exact shingle sets, so the verdict does not depend on the sketch's noise.

Each group of copies keeps one canonical document, the earliest published (undated ones last,
then the smallest doc_id), and every other copy points at it directly. The result depends only
on the set of documents, never on their order or on which run brought which copy.
"""

from __future__ import annotations

import re
import zlib

import numpy as np
import pandas as pd

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

_WORD = re.compile(r"\w+")
# Odd 64-bit multipliers that fold a shingle's word hashes into one hash, position by position.
_FOLD = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                  0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD], dtype=np.uint64)[:SHINGLE]


def duplicate_of(documents: pd.DataFrame) -> pd.Series:
    """For each document, the doc_id of the canonical copy of its story, or None when it is the
    canonical copy or has no copy (index-aligned with `documents`)."""
    ids = documents["doc_id"].astype(str).to_numpy()
    texts = documents["text"].to_numpy()
    word_hashes: dict[str, int] = {}
    shingled = {}
    for position in canonical_order(documents):
        words = _WORD.findall(str(texts[position]).lower())
        if len(words) >= MIN_WORDS:
            shingled[int(position)] = _shingle_hashes(words, word_hashes)
    positions = list(shingled)
    result = [None] * len(documents)
    for copy, original in copies(list(shingled.values())).items():
        result[positions[copy]] = ids[positions[original]]
    return pd.Series(result, index=documents.index, dtype=object)


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


def copies(shingled: list[np.ndarray]) -> dict[int, int]:
    """Copy -> canonical, as positions in `shingled`: non-empty shingle hash arrays of the
    documents in canonical order.

    Each document not yet claimed as a copy is canonical; its LSH candidates that come after it,
    are not claimed yet and reach `THRESHOLD` on their exact shingle sets become its copies. A
    copy is never canonical, so no copy points at another copy."""
    from datasketch import MinHash, MinHashLSH

    if not shingled:
        return {}
    matrix = signatures(shingled, MinHash(num_perm=NUM_PERM, seed=SEED).permutations)
    lsh = MinHashLSH(num_perm=NUM_PERM, params=BANDS)
    sketches = [_sketch(row) for row in matrix]
    for n, sketch in enumerate(sketches):
        lsh.insert(n, sketch, check_duplication=False)
    sets: dict[int, np.ndarray] = {}
    found: dict[int, int] = {}
    for n, sketch in enumerate(sketches):
        if n in found:
            continue
        later = np.array(sorted(o for o in lsh.query(sketch) if o > n and o not in found), dtype=np.int64)
        estimate = (matrix[later] == matrix[n]).mean(axis=1)
        for other in later[estimate >= ESTIMATE_FLOOR].tolist():
            if jaccard(_set(n, shingled, sets), _set(other, shingled, sets)) >= THRESHOLD:
                found[other] = n
    return found


def _set(n: int, shingled: list[np.ndarray], sets: dict[int, np.ndarray]) -> np.ndarray:
    """The sorted distinct shingle hashes of document n, made once when first needed."""
    if n not in sets:
        sets[n] = np.unique(shingled[n])
    return sets[n]


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


def _sketch(row: np.ndarray):
    """A signature row as the (frozen) MinHash datasketch's LSH index takes."""
    from datasketch import LeanMinHash

    return LeanMinHash(seed=SEED, hashvalues=row, scheme="affine32")
