"""Read input files into a frame of raw records, and the source registry.

This is the ingestion edge: everything that touches the file system on the way in lives here, so
the transforms downstream stay pure. A bad input never stops the others: it becomes a `Skipped`
entry whose message names the file (and line), and the run lists them in its artifacts.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

TEXT_SUFFIXES = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = set(TEXT_SUFFIXES) | JSONL_SUFFIXES

RAW_COLUMNS = [
    "key",  # what identifies the document across runs: its URL, else its file and record id
    "source",  # where it was read, for messages: path, or path:line
    "external_id",
    "url",
    "outlet",
    "title",
    "published",
    "content",  # the text or HTML as read
    "is_html",
    "raw_sha256",
]


@dataclass(frozen=True)
class Skipped:
    """An input left out of the run, and why, in words that name it."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def read_inputs(paths: Iterable[str | Path]) -> tuple[pd.DataFrame, list[Skipped]]:
    """Every document found under the given files and folders, with what had to be skipped."""
    records: list[dict] = []
    skipped: list[Skipped] = []
    for given in paths:
        for path, key_base in _files_under(Path(given), skipped):
            records.extend(_records_in(path, key_base, skipped))
    frame = pd.DataFrame(records, columns=RAW_COLUMNS)
    return frame, skipped


def _files_under(path: Path, skipped: list[Skipped]) -> Iterator[tuple[Path, str]]:
    """Files to read with the name that keys their documents (relative to the given folder)."""
    if not path.exists():
        skipped.append(Skipped(str(path), "no such file or directory"))
    elif path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            rel = child.relative_to(path)
            if any(part.startswith((".", "_")) for part in rel.parts):
                continue
            if child.suffix.lower() in SUFFIXES:
                yield child, rel.as_posix()
            else:
                skipped.append(Skipped(str(child), f"unknown extension {child.suffix or '(none)'!r}"))
    elif path.suffix.lower() in SUFFIXES:
        yield path, path.name
    else:
        skipped.append(Skipped(str(path), f"unknown extension {path.suffix or '(none)'!r}; "
                                          f"expected one of {', '.join(sorted(SUFFIXES))}"))


def _records_in(path: Path, key_base: str, skipped: list[Skipped]) -> list[dict]:
    try:
        data = path.read_bytes()
    except OSError as err:
        skipped.append(Skipped(str(path), f"cannot read: {err.strerror or err}"))
        return []
    if b"\x00" in data[:8192]:
        skipped.append(Skipped(str(path), "binary file, not text"))
        return []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        skipped.append(Skipped(str(path), f"not UTF-8 text (byte {err.start})"))
        return []
    if path.suffix.lower() in JSONL_SUFFIXES:
        return list(_jsonl_records(path, key_base, text, skipped))
    if not text.strip():
        skipped.append(Skipped(str(path), "empty document"))
        return []
    return [_record(key=f"file:{key_base}", source=str(path), content=text,
                    is_html=TEXT_SUFFIXES[path.suffix.lower()] == "html", raw=data)]


def _jsonl_records(path: Path, key_base: str, text: str, skipped: list[Skipped]) -> Iterator[dict]:
    """One record per JSON line; `text` or `html` carries the article."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            skipped.append(Skipped(where, f"invalid JSON ({err.msg} at column {err.colno})"))
            continue
        if not isinstance(obj, dict):
            skipped.append(Skipped(where, "a JSON line must be an object"))
            continue
        html, body = _string(obj.get("html")), _string(obj.get("text"))
        if body is None and html is None:
            skipped.append(Skipped(where, "record has no 'text' or 'html' field"))
            continue
        content = body if body and body.strip() else html or body
        if not content.strip():
            skipped.append(Skipped(where, "empty document"))
            continue
        external_id = _string(obj.get("id"))
        url = _string(obj.get("url"))
        key = f"url:{url}" if url else f"file:{key_base}#{external_id or f'line{number}'}"
        yield _record(
            key=key, source=where, content=content, is_html=content is html,
            raw=json.dumps(obj, sort_keys=True, ensure_ascii=False).encode(),
            external_id=external_id, url=url, outlet=_string(obj.get("outlet")),
            title=_string(obj.get("title")), published=_string(obj.get("published")),
        )


def _record(*, key: str, source: str, content: str, is_html: bool, raw: bytes, **meta) -> dict:
    base = dict.fromkeys(("external_id", "url", "outlet", "title", "published"))
    base.update(meta)
    return {**base, "key": key, "source": source, "content": content, "is_html": is_html,
            "raw_sha256": hashlib.sha256(raw).hexdigest()}


def _string(value) -> str | None:
    """JSON values as text: ids may be numbers; nulls stay None."""
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def read_registry(path: str | Path) -> pd.DataFrame:
    """The source registry CSV (name, kind, country, aliases separated by '|')."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = {"name", "kind", "country", "aliases"} - set(frame.columns)
    if missing:
        raise ValueError(f"{path}: source registry lacks columns {sorted(missing)}")
    frame["aliases"] = [
        [a.strip() for a in cell.split("|") if a.strip()] for cell in frame["aliases"]
    ]
    frame["country"] = frame["country"].mask(frame["country"] == "")
    return frame[["name", "kind", "country", "aliases"]]
