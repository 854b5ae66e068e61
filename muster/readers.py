"""Read input files into a frame of raw records, and the source registry.

This is the ingestion edge: everything that touches the file system on the way in lives here, so
the transforms downstream stay pure. A bad input never stops the others: it becomes a `Skipped`
entry whose message names the file (and line), and the run lists them in its artifacts.
URLs, URL lists and feeds go to `muster.web`; WARC files to `muster.warc`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from muster.web import WebSession

TEXT_SUFFIXES = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = set(TEXT_SUFFIXES) | JSONL_SUFFIXES
WARC_SUFFIXES = (".warc", ".warc.gz")

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


def read_inputs(paths: Iterable[str | Path], web: WebSession | None = None
                ) -> tuple[pd.DataFrame, list[Skipped]]:
    """Every document found under the given files, folders and URLs, with what had to be skipped.

    `web` carries the fetcher and fetch state for URL inputs; without one, a fresh session is used
    (nothing allowed beyond public hosts, nothing known from earlier runs).
    """
    from muster import web as web_inputs

    session = web or web_inputs.WebSession()
    records: list[dict] = []
    skipped: list[Skipped] = []
    try:
        for given in paths:
            records.extend(_records_from(given, session, skipped))
    finally:
        if web is None:
            session.close()
    frame = pd.DataFrame(records, columns=RAW_COLUMNS)
    return frame, skipped


def _records_from(given: str | Path, session: WebSession, skipped: list[Skipped]) -> Iterator[dict]:
    """One input's records: a URL is fetched, a URL list's URLs too, files and folders are read."""
    from muster import web as web_inputs

    if isinstance(given, str) and web_inputs.is_url(given):
        yield from web_inputs.url_records(given, session, skipped)
        return
    urls = _url_list(Path(given))
    if urls == []:
        skipped.append(Skipped(str(given), "a URL list with no URL in it (only comments)"))
    if urls is not None:
        for url in urls:
            yield from web_inputs.url_records(url, session, skipped)
        return
    for path, key_base in _files_under(Path(given), skipped):
        yield from _records_in(path, key_base, skipped)


def _url_list(path: Path) -> list[str] | None:
    """The URLs of a .txt file given as input when every line of it is one, else None."""
    from muster import web as web_inputs

    if path.suffix.lower() != ".txt" or not path.is_file():
        return None
    try:
        return web_inputs.listed_urls(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return None  # read as an ordinary file, which names the problem


def _is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def _files_under(path: Path, skipped: list[Skipped]) -> Iterator[tuple[Path, str]]:
    """Files to read with the name that keys their documents (relative to the given folder)."""
    if not path.exists():
        skipped.append(Skipped(str(path), "no such file or directory"))
    elif path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            rel = child.relative_to(path)
            if any(part.startswith((".", "_")) for part in rel.parts):
                continue
            if child.suffix.lower() in SUFFIXES or _is_warc(child):
                yield child, rel.as_posix()
            else:
                skipped.append(Skipped(str(child), f"unknown extension {child.suffix or '(none)'!r}"))
    elif path.suffix.lower() in SUFFIXES or _is_warc(path):
        yield path, path.name
    else:
        expected = ", ".join(sorted(SUFFIXES | set(WARC_SUFFIXES)))
        skipped.append(Skipped(str(path), f"unknown extension {path.suffix or '(none)'!r}; "
                                          f"expected one of {expected}, or a URL"))


def _warc_records(path: Path, skipped: list[Skipped]) -> Iterator[dict]:
    try:
        from muster.warc import warc_records
    except ImportError:
        skipped.append(Skipped(str(path), "WARC files cannot be read by this installation"))
        return iter(())
    return warc_records(path, skipped)


def _records_in(path: Path, key_base: str, skipped: list[Skipped]) -> list[dict]:
    if _is_warc(path):
        return list(_warc_records(path, skipped))
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


def read_rates(path: str | Path) -> dict[tuple[str, int], float]:
    """Annual average exchange rates (currency, year, usd_per_unit), keyed (currency, year)."""
    frame = pd.read_csv(path, dtype={"currency": str})
    missing = {"currency", "year", "usd_per_unit"} - set(frame.columns)
    if missing:
        raise ValueError(f"{path}: exchange rates lack columns {sorted(missing)}")
    bad = frame[~(pd.to_numeric(frame["usd_per_unit"], errors="coerce") > 0)]
    if len(bad):
        raise ValueError(f"{path}: usd_per_unit must be a positive number (row {bad.index[0] + 2})")
    return {(c, int(y)): float(r) for c, y, r in
            zip(frame["currency"], frame["year"], frame["usd_per_unit"], strict=True)}
