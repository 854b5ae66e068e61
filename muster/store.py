"""The stored tables as a run reads and extends them: parts, the rows a run needs, and new parts.

`documents` and `claims` are stored as folders of Parquet parts (`<table>.parquet/<part>.parquet`),
one part per run that brought documents; a document, its claims and its near-duplicate signature
(`_signatures.parquet`, an index no reader needs) always live in parts of one name. A run reads
the stored tables' key columns (no texts), the few full rows it must change, and writes only the
parts it changes: a new part for its documents, and a rewrite of the parts whose rows it replaced
or re-stamped. Every other part is hard-linked into the new snapshot (`muster.snapshots`).

A snapshot written before parts (one file per table) reads as one part of that file.
"""

from __future__ import annotations

import os
import uuid
import zlib
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from muster import snapshots
from transforms.cleaning.publication import CLAIM_KEYS, DOCUMENT_META, Increment, Loader, Stored, increment
from transforms.cleaning.syndication import SIGNATURE_SCHEMA
from transforms.declarations.schema import TABLES

PARTITIONED = ("documents", "claims", "_signatures")
SCHEMAS = {**TABLES, "_signatures": SIGNATURE_SCHEMA}
ORDER = ("sources", "documents", "claim_clusters", "claims", "claim_flags")  # referenced first
ROW_GROUP = 2_000  # rows per row group: a read of a few rows by id decodes little else
MAX_PARTS = 64  # parts of a table before the smallest are merged (`compacted`)
# Documents of a run per part at most, about (`split_by_story`): a run that re-stamps a few stored
# rows rewrites the parts that hold them, not every row its largest run brought.
PART_DOCUMENTS = 2_000


def part_files(snapshot: Path | None, name: str) -> dict[str, Path]:
    """Part name -> file of a table in a snapshot folder (a single-file table is one part)."""
    if snapshot is None:
        return {}
    path = snapshot / f"{name}.parquet"
    if path.is_dir():
        return {p.stem: p for p in sorted(path.glob("*.parquet"))}
    return {"legacy": path} if path.is_file() else {}


# Key columns whose values repeat from row to row (a document's claims share its id, a block's its
# metric and claimant): read dictionary-encoded, each distinct value is decoded once and made a
# Python string once (`frame`), not once a row.
REPEATED = frozenset({"doc_id", "metric", "claimant", "claimant_id", "per", "unit", "subject",
                      "qualifier", "alt_unit", "cluster_id", "via", "outlet", "duplicate_of"})


def _read(path: Path, name: str, columns: list[str] | None = None, filters=None) -> pa.Table:
    return pq.read_table(path, schema=SCHEMAS[name], columns=columns, filters=filters)


def _read_keys(path: Path, name: str, columns: list[str]) -> pa.Table:
    """`columns` of a stored part, the REPEATED ones dictionary-encoded (`frame` decodes them)."""
    schema = pa.schema([f.with_type(pa.dictionary(pa.int32(), f.type)) if f.name in REPEATED else f
                        for f in SCHEMAS[name]])
    return pq.read_table(path, schema=schema, columns=columns,
                         read_dictionary=[c for c in columns if c in REPEATED])


def _objects(column: pd.Series) -> pd.Series:
    """Strings (plain or categorical) as Python objects, missing values None."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        values = np.append(np.asarray(column.cat.categories, dtype=object), None)
        return pd.Series(values[column.cat.codes.to_numpy()], index=column.index, dtype=object)
    return column.astype(object).where(column.notna(), None)


def frame(table: pa.Table) -> pd.DataFrame:
    """A table as pandas with its strings as Python objects: the increment walks keys row by
    row, and iterating pandas' Arrow-backed strings costs ten times as much. Dictionary-encoded
    strings (`_read_keys`) become the same objects, each distinct value made once."""
    out = table.to_pandas()
    for name in out.columns:
        dtype = out[name].dtype
        if isinstance(dtype, pd.CategoricalDtype) or (pd.api.types.is_string_dtype(dtype)
                                                       and not pd.api.types.is_object_dtype(dtype)):
            out[name] = _objects(out[name])
    return out


def _with_part(tables: Iterable[tuple[str, pa.Table]], name: str, columns: list[str]) -> pd.DataFrame:
    frames = [t.append_column("part", pa.DictionaryArray.from_arrays(
        pa.array(np.zeros(t.num_rows, dtype=np.int32)), pa.array([part], pa.string())))
              for part, t in tables]
    if not frames:
        empty = SCHEMAS[name].empty_table().select(columns)
        return frame(empty.append_column("part", pa.array([], pa.string())))
    return frame(pa.concat_tables(frames))


@dataclass
class Snapshot:
    """One snapshot's stored tables, read on demand (the current one at the time it is made)."""

    folder: Path | None
    # Whole parts read for full rows, kept for the rewrite of the same parts (`_rewritten`): a
    # run that re-stamps a few rows of a large part reads it once, not twice.
    _whole: dict[tuple[str, str], pa.Table] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def current(cls, warehouse: str | Path) -> Snapshot:
        return cls(snapshots.current_dir(warehouse))

    def parts(self, name: str) -> dict[str, Path]:
        return part_files(self.folder, name)

    def table(self, name: str) -> pa.Table:
        """A whole table, every part of it."""
        files = list(self.parts(name).values())
        schema = SCHEMAS[name]
        return pa.concat_tables([_read(f, name) for f in files]) if files else schema.empty_table()

    def part(self, name: str, part: str) -> pa.Table:
        """One whole part, read once per snapshot object."""
        if (name, part) not in self._whole:
            self._whole[(name, part)] = _read(self.parts(name)[part], name)
        return self._whole[(name, part)]

    def stored(self) -> Stored:
        """What a run needs of every stored row: keys and the columns it decides on."""
        documents = _with_part(((p, _read_keys(f, "documents", DOCUMENT_META))
                                for p, f in self.parts("documents").items()), "documents", DOCUMENT_META)
        claims = _with_part(((p, _read_keys(f, "claims", CLAIM_KEYS))
                             for p, f in self.parts("claims").items()), "claims", CLAIM_KEYS)
        return Stored(documents=documents, claims=claims,
                      clusters=frame(self.table("claim_clusters")),
                      flags=frame(self.table("claim_flags")),
                      signatures=self.table("_signatures"))

    def rows(self, name: str, ids: Collection[str], column: str, parts: Collection[str] | None = None,
             columns: list[str] | None = None, whole: bool = False) -> pd.DataFrame:
        """The full rows of `name` whose `column` is in `ids`, read from `parts` only if given;
        `whole`: from the whole parts, kept for their rewrite (ids spread over every row group
        prune none of them, so a filtered read decodes the part anyway)."""
        files = self.parts(name)
        wanted = list(ids)
        empty = SCHEMAS[name].empty_table().select(columns or SCHEMAS[name].names)
        if not wanted:
            return frame(empty)
        chosen = [p for p in (parts if parts is not None else files) if p in files]
        if whole:
            keys = pa.array(wanted, pa.string())
            tables = [t.filter(pc.is_in(t[column], keys)) for t in (self.part(name, p) for p in chosen)]
        else:
            filters = pc.field(column).isin(wanted)
            tables = [_read(files[p], name, columns, filters) for p in chosen]
        return frame(pa.concat_tables(tables)) if tables else frame(empty)


@dataclass(frozen=True)
class Pending:
    """A part of a run's own rows, made into Arrow only when it is written (`_write_parts`):
    a large first run's parts are converted one at a time, each let go once on disk, instead of
    holding an Arrow copy of every new document and claim beside the frames (the 20,000-document
    run's peak was that copy, while publishing)."""

    frame: pd.DataFrame
    name: str
    rows: np.ndarray | None = None  # the frame's rows in the part (a mask), when not all

    @property
    def num_rows(self) -> int:
        return len(self.frame) if self.rows is None else int(self.rows.sum())

    def __len__(self) -> int:
        return self.num_rows

    def table(self) -> pa.Table:
        return _arrow(self.frame if self.rows is None else self.frame.loc[self.rows], self.name)


def as_table(part: pa.Table | Pending) -> pa.Table:
    return part.table() if isinstance(part, Pending) else part


@dataclass
class Parts:
    """What a publication does to one partitioned table: parts written (new or rewritten, by
    name; a run's own rows `Pending` until written) and parts dropped; every other part of the
    previous snapshot is linked."""

    write: dict[str, pa.Table | Pending] = field(default_factory=dict)
    drop: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.write or self.drop)


def new_part_name() -> str:
    return f"part-{uuid.uuid4().hex[:16]}"


def _write_parquet(table: pa.Table, path: Path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    with os.fdopen(fd, "wb") as handle:
        pq.write_table(table, handle, compression="zstd", row_group_size=ROW_GROUP)
        handle.flush()
        os.fsync(handle.fileno())


def _write_parts(previous: dict[str, Path], parts: Parts, name: str, target: Path) -> None:
    """The table's folder in a new snapshot: kept parts linked, written parts written."""
    target.mkdir()
    for part, path in previous.items():
        if part in parts.drop or part in parts.write:
            continue
        if part == "legacy":  # a table published as one file becomes a part of the folder
            snapshots._link_or_copy(path, target / f"{new_part_name()}.parquet")
        else:
            snapshots._link_or_copy(path, target / f"{part}.parquet")
    for part, table in parts.write.items():
        if table.num_rows:  # a pending part is made here, and let go once written
            _write_parquet(as_table(table).select(SCHEMAS[name].names).cast(SCHEMAS[name]),
                           target / f"{part}.parquet")
    if not any(target.iterdir()):  # no rows: one empty part keeps the columns readable
        _write_parquet(SCHEMAS[name].empty_table(), target / "part-empty.parquet")


def plan_for(snapshot: Snapshot, partitioned: dict[str, Parts],
             whole: dict[str, pa.Table | None]) -> snapshots.Plan:
    """The snapshot plan: partitioned tables by their parts, whole tables written when given
    (None: unchanged, linked)."""
    plan = snapshots.Plan()
    for name, parts in partitioned.items():
        previous = snapshot.parts(name)
        folder = snapshot.folder / f"{name}.parquet" if snapshot.folder else None
        if not parts and folder is not None and folder.is_dir():
            plan.link[name] = folder
        else:
            plan.write[name] = partial(_write_parts, previous, parts, name)
    for name, table in whole.items():
        old = snapshot.folder / f"{name}.parquet" if snapshot.folder else None
        if table is None and old is not None and old.exists():
            plan.link[name] = old
        else:
            plan.write[name] = partial(_write_parquet, (table if table is not None
                                                        else SCHEMAS[name].empty_table()))
    return plan


@dataclass
class Staged:
    """A run's increment over the snapshot it read, and the tables the gate validates: the rows
    the run changes, with the keys of everything stored afterwards to check references in."""

    increment: Increment
    snapshot: Snapshot
    stored: Stored
    full: bool
    tables: dict[str, pd.DataFrame]
    lookups: dict[str, pd.DataFrame]

    def frames(self) -> dict[str, pd.DataFrame]:
        """Every stored row afterwards, as the ledger summaries read them: the documents' and
        claims' keys, the clusters and flags whole."""
        inc = self.increment
        return {"documents": inc.documents_after, "claims": inc.claims_after,
                "claim_clusters": inc.claim_clusters, "claim_flags": inc.claim_flags}

    @property
    def counts(self) -> dict[str, int]:
        """Rows of each table once published."""
        inc = self.increment
        return {"documents": len(inc.documents_after), "claims": len(inc.claims_after),
                "sources": len(inc.sources), "claim_clusters": len(inc.claim_clusters),
                "claim_flags": len(inc.claim_flags)}


def part_of(rows: pd.DataFrame, key: str, ids: Collection[str]) -> dict[str, str]:
    """The part holding each of `ids` that `rows` (stored keys with their `part`) hold: a
    filter of the few wanted, not a dict of every stored row (0.17 CPU-s at 143,000 claims)."""
    if not ids or not len(rows):
        return {}
    found = rows.loc[rows[key].isin(set(ids)).to_numpy(), [key, "part"]]
    return dict(zip(found[key].tolist(), found["part"].tolist(), strict=True))


def _loader(snapshot: Snapshot, stored: Stored) -> Loader:
    def documents(ids, columns=None) -> pd.DataFrame:
        ids = list(ids)
        return snapshot.rows("documents", ids, "doc_id",
                             set(part_of(stored.documents, "doc_id", ids).values()), columns)

    def texts(ids) -> dict[str, str]:
        rows = documents(ids, ["doc_id", "text"])
        return dict(zip(rows["doc_id"], rows["text"], strict=True))

    def claims(ids) -> pd.DataFrame:
        ids = list(ids)
        # the claims a run re-stamps: their parts are rewritten (`parts_of`)
        return snapshot.rows("claims", ids, "claim_id", set(part_of(stored.claims, "claim_id", ids).values()),
                             whole=True)

    return Loader(texts=texts, documents=documents, claims=claims)


def _changed_rows(new: pd.DataFrame, old: pd.DataFrame, name: str) -> pd.DataFrame:
    """The rows of `new` that `old` does not hold as they are."""
    if not len(old) or not len(new):
        return new
    cols = TABLES[name].names

    def hashed(frame: pd.DataFrame) -> pd.Series:
        plain = pa.Table.from_pandas(frame[cols], schema=TABLES[name], preserve_index=False)
        return pd.util.hash_pandas_object(plain.to_pandas().astype(str), index=False)

    return new.loc[~hashed(new).isin(set(hashed(old))).to_numpy()]


def stage(warehouse: str | Path, documents: pd.DataFrame, claims: pd.DataFrame,
          registry: pd.DataFrame, rates: dict, full: bool = False,
          shingled: pa.Table | None = None) -> Staged:
    """The increment of a run's documents and claims over the current snapshot. `full`
    recomputes every derived column from all the rows, as if everything were new. `shingled`:
    `syndication.shingled` of the documents, when the workers made it (else it is made here)."""
    snapshot = Snapshot.current(warehouse)
    stored = snapshot.stored()
    # A warehouse without the near-duplicate index of every document (published before parts,
    # or by `muster.warehouse.publish`) is recomputed in full once.
    full = full or len(stored.signatures) != len(stored.documents)
    if full:
        old_docs, old_claims = frame(snapshot.table("documents")), frame(snapshot.table("claims"))
        replaced = set(documents["doc_id"])
        documents = pd.concat([f for f in (old_docs.loc[~old_docs["doc_id"].isin(replaced)], documents)
                               if len(f)], ignore_index=True) if len(old_docs) else documents
        claims = pd.concat([f for f in (old_claims.loc[~old_claims["doc_id"].isin(replaced)], claims)
                            if len(f)], ignore_index=True) if len(old_claims) else claims
        inc = increment(Stored.empty(), documents, claims, registry, rates,
                        Loader(lambda ids: {}, lambda ids: documents.iloc[:0], lambda ids: claims.iloc[:0]))
        tables = {"documents": inc.documents, "claims": inc.claims, "sources": inc.sources,
                  "claim_clusters": inc.claim_clusters, "claim_flags": inc.claim_flags}
        return Staged(inc, snapshot, stored, True, tables, {})
    load = _loader(snapshot, stored)
    inc = increment(stored, documents, claims, registry, rates, load, shingled)
    missing = set(inc.claims["doc_id"]) - set(inc.documents["doc_id"])
    # the texts the gate compares the re-stamped claims' quotes with (`expectations.views`)
    texts = pd.concat([f for f in (inc.documents, load.documents(missing, ["doc_id", "n_chars", "text"]))
                       if len(f)],
                      ignore_index=True) if missing else inc.documents
    tables = {"documents": inc.documents, "claims": inc.claims, "sources": inc.sources,
              "claim_clusters": _changed_rows(inc.claim_clusters, stored.clusters, "claim_clusters"),
              "claim_flags": _changed_rows(inc.claim_flags, stored.flags, "claim_flags")}
    lookups = {"documents": inc.documents_after, "claims": inc.claims_after,
               "claim_clusters": inc.claim_clusters, "document_texts": texts}
    return Staged(inc, snapshot, stored, False, tables, lookups)


def _arrow(frame: pd.DataFrame, name: str) -> pa.Table:
    schema = SCHEMAS[name]
    return pa.Table.from_pandas(frame[schema.names], schema=schema, preserve_index=False)


def _rewritten(snapshot: Snapshot, name: str, part: str, drop: set[str], key: str,
               add: pd.DataFrame) -> pa.Table:
    """A stored part without the rows whose `key` is in `drop`, plus `add`."""
    table = snapshot.part(name, part)
    kept = table.filter(pc.invert(pc.is_in(table[key], pa.array(list(drop), pa.string()))))
    return pa.concat_tables([kept, _arrow(add, name)]) if len(add) else kept


def split_by_story(documents: pd.DataFrame, most: int | None = None) -> list[set[str]]:
    """The documents' ids in groups of about `most` (MUSTER_PART_DOCUMENTS, default 2,000), one
    group per new part; a story's copies (`duplicate_of`) in one group, as a cluster's claims
    mostly come from few stories, so re-stamping a cluster rewrites few parts."""
    most = most or int(os.environ.get("MUSTER_PART_DOCUMENTS", PART_DOCUMENTS))
    n = -(-len(documents) // most)
    if n <= 1:
        return [set(documents["doc_id"])]
    groups: list[set[str]] = [set() for _ in range(n)]
    for doc, canonical in zip(documents["doc_id"].tolist(), documents["duplicate_of"].tolist(), strict=True):
        story = canonical if isinstance(canonical, str) else doc
        groups[zlib.crc32(story.encode()) % n].add(doc)
    return [g for g in groups if g]


def _new_parts(documents: pd.DataFrame, claims: pd.DataFrame, signatures: pa.Table) -> dict[str, Parts]:
    """The run's own rows as new parts (`split_by_story`): a document, its claims and its signature
    in parts of one name."""
    result = {name: Parts() for name in PARTITIONED}
    if not len(documents):
        if len(claims):
            result["claims"].write[new_part_name()] = Pending(claims, "claims")
        return result
    groups = split_by_story(documents)
    if len(groups) == 1:
        new = new_part_name()
        result["documents"].write[new] = Pending(documents, "documents")
        result["_signatures"].write[new] = signatures
        if len(claims):
            result["claims"].write[new] = Pending(claims, "claims")
        return result
    part_of = {d: k for k, group in enumerate(groups) for d in group}
    doc_group = np.array([part_of[d] for d in documents["doc_id"].tolist()])
    claim_group = np.array([part_of.get(d, 0) for d in claims["doc_id"].tolist()], dtype=np.int64)
    sig_group = np.array([part_of.get(d, 0) for d in signatures.column("doc_id").to_pylist()], dtype=np.int64)
    for k in range(len(groups)):
        new = new_part_name()
        result["documents"].write[new] = Pending(documents, "documents", doc_group == k)
        result["_signatures"].write[new] = signatures.filter(pa.array(sig_group == k))
        if (claim_group == k).any():
            result["claims"].write[new] = Pending(claims, "claims", claim_group == k)
    return result


def parts_of(staged: Staged) -> dict[str, Parts]:
    """Which parts each partitioned table writes and drops."""
    inc, stored, snapshot = staged.increment, staged.stored, staged.snapshot
    if staged.full:
        result = _new_parts(inc.documents, inc.claims, inc.signatures)
        for name, parts in result.items():
            parts.drop = set(snapshot.parts(name))
        return result
    doc_part = part_of(stored.documents, "doc_id", inc.removed_documents | inc.restamped_documents)
    claim_part = part_of(stored.claims, "claim_id", inc.removed_claims | inc.restamped_claims)
    restamped_docs = inc.documents[inc.documents["doc_id"].isin(inc.restamped_documents)]
    fresh_docs = inc.documents[~inc.documents["doc_id"].isin(inc.restamped_documents)]
    restamped_claims = inc.claims[inc.claims["claim_id"].isin(inc.restamped_claims)]
    fresh_claims = inc.claims[~inc.claims["claim_id"].isin(inc.restamped_claims)]
    result = _new_parts(fresh_docs, fresh_claims, inc.signatures)
    # each row's part by a look-up (map() would make a Series of the whole dict, once a part)
    doc_parts = pd.Series([doc_part.get(d) for d in restamped_docs["doc_id"].tolist()],
                          index=restamped_docs.index, dtype=object)
    claim_parts = pd.Series([claim_part.get(c) for c in restamped_claims["claim_id"].tolist()],
                            index=restamped_claims.index, dtype=object)
    gone_docs = set(inc.removed_documents)
    for part in {doc_part[d] for d in gone_docs | set(inc.restamped_documents)}:
        add = restamped_docs[doc_parts == part]
        result["documents"].write[part] = _rewritten(snapshot, "documents", part,
                                                     gone_docs | set(add["doc_id"]), "doc_id", add)
    for part in {doc_part[d] for d in gone_docs}:
        if part in snapshot.parts("_signatures"):
            result["_signatures"].write[part] = _rewritten(snapshot, "_signatures", part, gone_docs,
                                                           "doc_id", pd.DataFrame())
    gone_claims = set(inc.removed_claims)
    for part in {claim_part[c] for c in gone_claims | set(inc.restamped_claims)}:
        add = restamped_claims[claim_parts == part]
        result["claims"].write[part] = _rewritten(snapshot, "claims", part,
                                                  gone_claims | set(add["claim_id"]), "claim_id", add)
    return compacted(snapshot, result)


def compacted(snapshot: Snapshot, result: dict[str, Parts], most: int | None = None) -> dict[str, Parts]:
    """Beyond `most` parts (MUSTER_MAX_PARTS, default 64), the smallest are merged into one, in
    every partitioned table alike (a document and its claims stay in parts of one name), so that
    hourly runs do not leave thousands of small files to open; the cost is that of the small
    parts only."""
    most = most or int(os.environ.get("MUSTER_MAX_PARTS", MAX_PARTS))
    sizes = {part: (len(result["documents"].write[part]) if part in result["documents"].write
                    else pq.ParquetFile(path).metadata.num_rows)
             for part, path in snapshot.parts("documents").items()
             if part not in result["documents"].drop}
    sizes.update({part: t.num_rows for part, t in result["documents"].write.items()})
    if len(sizes) <= most:
        return result
    chosen = sorted(sizes, key=lambda p: (sizes[p], p))[:len(sizes) - most + 1]
    merged = new_part_name()
    for name, parts in result.items():
        stored = snapshot.parts(name)
        tables = [as_table(parts.write[p]) if p in parts.write else _read(stored[p], name)
                  for p in chosen if p in parts.write or (p in stored and p not in parts.drop)]
        for p in chosen:
            parts.write.pop(p, None)
            if p in stored:
                parts.drop.add(p)
        if tables:
            parts.write[merged] = pa.concat_tables([t.select(SCHEMAS[name].names).cast(SCHEMAS[name])
                                                    for t in tables])
    return result


def _unchanged(staged: Staged, name: str, table: pa.Table) -> bool:
    """Whether a whole table equals the stored one. The clusters and flags of an increment are
    compared by what staging found changed (no row new, none gone), not read again."""
    if not staged.full and name in ("claim_clusters", "claim_flags"):
        stored = staged.stored.clusters if name == "claim_clusters" else staged.stored.flags
        return not len(staged.tables[name]) and table.num_rows == len(stored)
    return table.equals(staged.snapshot.table(name).select(table.schema.names))


def publish(staged: Staged, warehouse: str | Path, run: str = "", run_id: str = "",
            keep: int | None = None) -> list[str]:
    """Publish the increment as one new snapshot; the names of the tables it changed (none: no
    snapshot). Take the warehouse lock first; the snapshot read must still be current. Cleans
    up after an interrupted publication first, also when there is nothing to publish."""
    snapshots.recover(warehouse)
    if snapshots.current_dir(warehouse) != staged.snapshot.folder:
        raise RuntimeError(f"{warehouse} was published since this run read it; run again")
    if not staged.increment and not staged.full:
        return []
    inc = staged.increment
    partitioned = parts_of(staged)
    whole = {"sources": _arrow(inc.sources, "sources"),
             "claim_clusters": _arrow(inc.claim_clusters, "claim_clusters"),
             "claim_flags": _arrow(inc.claim_flags, "claim_flags")}
    unchanged = {name for name, table in whole.items() if staged.snapshot.folder is not None
                 and staged.snapshot.parts(name) and _unchanged(staged, name, table)}
    whole = {name: (None if name in unchanged else table) for name, table in whole.items()}
    changed = [name for name, parts in partitioned.items() if parts and not name.startswith("_")] + \
        [name for name, table in whole.items() if table is not None]
    if not changed:
        return []
    plan = plan_for(staged.snapshot, partitioned, whole)
    snapshots.commit(warehouse, plan, (*ORDER, "_signatures"), run=run, run_id=run_id, keep=keep)
    snapshots.ensure_links(warehouse, ORDER)
    return [name for name in ORDER if name in changed]
