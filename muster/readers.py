"""Read input files into a frame of raw records, and the source registry.

This is the ingestion edge: everything that touches the file system on the way in lives here, so
the transforms downstream stay pure. A bad input never stops the others: it becomes a `Skipped`
entry whose message names the file (and line), and the run lists them in its artifacts.
URLs, URL lists and feeds go to `muster.web`; WARC files to `muster.warc`.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from muster.records import RAW_COLUMNS, Skipped, is_url, is_utf8, printable, raw_record
from transforms.declarations.vocab import SOURCE_KINDS

if TYPE_CHECKING:
    from muster.web import WebSession

__all__ = ["RAW_COLUMNS", "RegistryError", "Skipped", "read_inputs", "read_rates", "read_registry"]

TEXT_SUFFIXES = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = set(TEXT_SUFFIXES) | JSONL_SUFFIXES
WARC_SUFFIXES = (".warc", ".warc.gz")
# JSON fields an article record may carry, and the JSON types each may hold (null always may).
STRING_FIELDS = ("text", "html", "url", "outlet", "title", "published")
# A file beside the articles of a folder that names their outlet, one line (not an article).
OUTLET_SIDECAR = "outlet.txt"
ID_TYPES = (str, int)


def read_inputs(paths: Iterable[str | Path], web: WebSession | None = None,
                outlet: str | None = None) -> tuple[pd.DataFrame, list[Skipped]]:
    """Every document found under the given files, folders and URLs, with what had to be skipped.

    `web` carries the fetcher and fetch state for URL inputs; without one, a fresh session is used
    (nothing allowed beyond public hosts, nothing known from earlier runs). A file's outlet, when
    it names none itself, is the one its folder's `outlet.txt` names, else `outlet`. Whatever goes wrong
    reading one input (a file, a JSONL line, a URL) sets that input aside with its reason; it
    never stops the others.
    """
    from muster import web as web_inputs

    session = web or web_inputs.WebSession()
    records = _Frames()
    skipped: list[Skipped] = []
    try:
        for given in paths:
            try:
                records.extend(_records_from(given, session, skipped, outlet))
            except Exception as err:  # the safety net: one input never stops the run
                skipped.append(Skipped(printable(str(given)), f"cannot read: {_describe(err)}"))
    finally:
        if web is None:
            session.close()
    return records.frame(), skipped


# Records made into a frame at a time while reading (see `_Frames`).
CHUNK_RECORDS = 1_000


class _Frames:
    """The records read, made into frames of `CHUNK_RECORDS` as they come: the frame of one list
    of every record holds each article's text twice more while it is made (Python's string, and
    the UTF-8 copy Python keeps of a non-ASCII string once Arrow has read it) and leaves the
    memory they took spread among what is kept (measured: 20,000 documents, 40 MB of JSON lines,
    grew the process by 220 MiB). `frame()` is the frame of one list of every record."""

    def __init__(self) -> None:
        self.parts: list[pd.DataFrame] = []
        self.chunk: list[dict] = []

    def extend(self, records: Iterable[dict]) -> None:
        for record in records:  # what an input yielded before it failed is kept, as by a list
            self.chunk.append(record)
            if len(self.chunk) >= CHUNK_RECORDS:
                self._flush()

    def _flush(self) -> None:
        if self.chunk:
            self.parts.append(pd.DataFrame(self.chunk, columns=RAW_COLUMNS))
            self.chunk = []

    def frame(self) -> pd.DataFrame:
        self._flush()
        if len(self.parts) <= 1:
            return self.parts[0] if self.parts else pd.DataFrame([], columns=RAW_COLUMNS)
        frame = pd.concat(self.parts, ignore_index=True)
        for name in RAW_COLUMNS:  # a column of nulls in one part and strings in another
            if frame[name].dtype == object and any(p[name].dtype != object for p in self.parts):
                frame[name] = pd.Series(frame[name].tolist(), index=frame.index)
        return frame


def _describe(err: BaseException) -> str:
    """An exception in a few words for a one-line message."""
    if isinstance(err, RecursionError):
        return "nested too deeply"
    text = " ".join(str(err).split())[:200]
    return f"{type(err).__name__}: {text}" if text else type(err).__name__


def _records_from(given: str | Path, session: WebSession, skipped: list[Skipped],
                  outlet: str | None = None) -> Iterator[dict]:
    """One input's records: a URL is fetched, a URL list's URLs too, files and folders are read."""
    from muster import web as web_inputs

    if isinstance(given, str) and is_url(given):
        yield from web_inputs.url_records(given, session, skipped)
        return
    urls = _url_list(Path(given))
    if urls == []:
        skipped.append(Skipped(printable(str(given)), "a URL list with no URL in it (only comments)"))
    if urls is not None:
        for url in urls:
            yield from web_inputs.url_records(url, session, skipped)
        return
    for path, key_base in _files_under(Path(given), skipped):
        try:
            yield from _records_in(path, key_base, skipped, sidecar_outlet(path.parent) or outlet)
        except Exception as err:  # one file never stops the folder
            skipped.append(Skipped(printable(str(path)), f"cannot read: {_describe(err)}"))


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


def _link_problem(path: Path) -> str | None:
    """Why a symbolic link found in a folder is not read, or None when it points at a file."""
    try:
        path.stat()
    except OSError as err:
        if err.errno == 40:  # ELOOP
            return "symbolic link loop"
        return f"broken symbolic link (to {printable(os.readlink(path))})"
    return "symbolic link to a folder, not followed" if path.is_dir() else None


def _walk(folder: Path, skipped: list[Skipped]) -> Iterator[Path]:
    """Every file under `folder`, in a stable order, links to folders not followed; links that
    lead nowhere and folders that cannot be listed are named."""
    def failed(err: OSError) -> None:
        skipped.append(Skipped(printable(str(err.filename or folder)),
                               f"cannot list folder: {err.strerror or err}"))

    found = []
    for top, dirs, files in os.walk(folder, onerror=failed):
        here = Path(top)
        dirs[:] = [d for d in dirs if not _link_to_dir(here / d, found)]
        found.extend(here / name for name in files)
    yield from sorted(found)


def _link_to_dir(path: Path, found: list[Path]) -> bool:
    """os.walk lists links to folders as folders: keep them as entries to report, not descend."""
    if path.is_symlink():
        found.append(path)
        return True
    return False


def _files_under(path: Path, skipped: list[Skipped]) -> Iterator[tuple[Path, str]]:
    """Files to read with the name that keys their documents (relative to the given folder)."""
    name = printable(str(path))
    if path.is_symlink() and not path.exists():
        skipped.append(Skipped(name, _link_problem(path) or "broken symbolic link"))
    elif not path.exists():
        skipped.append(Skipped(name, "no such file or directory"))
    elif path.is_dir():
        for child in _walk(path, skipped):
            rel = child.relative_to(path)
            if any(part.startswith((".", "_")) for part in rel.parts) or child.name == OUTLET_SIDECAR:
                continue
            if child.is_symlink() and (problem := _link_problem(child)):
                skipped.append(Skipped(printable(str(child)), problem))
            elif child.suffix.lower() in SUFFIXES or _is_warc(child):
                yield child, printable(rel.as_posix())
            else:
                skipped.append(Skipped(printable(str(child)),
                                       f"unknown extension {printable(child.suffix) or '(none)'!r}"))
    elif not path.is_file():
        skipped.append(Skipped(name, "not a regular file or folder"))
    elif path.suffix.lower() in SUFFIXES or _is_warc(path):
        yield path, printable(path.name)
    else:
        expected = ", ".join(sorted(SUFFIXES | set(WARC_SUFFIXES)))
        skipped.append(Skipped(name, f"unknown extension {printable(path.suffix) or '(none)'!r}; "
                                     f"expected one of {expected}, or a URL"))


def _warc_records(path: Path, skipped: list[Skipped]) -> Iterator[dict]:
    try:
        from muster.warc import warc_records
    except ImportError:
        skipped.append(Skipped(printable(str(path)), "WARC files cannot be read by this installation"))
        return iter(())
    return warc_records(path, skipped)


def sidecar_outlet(folder: Path) -> str | None:
    """The outlet a folder's `outlet.txt` names (its first non-blank line), if it has one."""
    try:
        lines = (folder / OUTLET_SIDECAR).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((line.strip() for line in lines if line.strip()), None)


def _located(record: dict, path: Path, outlet: str | None) -> dict:
    """A file's record with where it was read and the outlet hint; a hint is part of the
    record's hash, so that naming an outlet re-reads the file."""
    record.update(source_path=printable(str(path.absolute())), outlet_hint=outlet)
    if outlet:
        record["raw_sha256"] = hashlib.sha256(f"{record['raw_sha256']}\0outlet:{outlet}".encode(
            "utf-8", "backslashreplace")).hexdigest()
    return record


def _records_in(path: Path, key_base: str, skipped: list[Skipped], outlet: str | None = None
                ) -> Iterable[dict]:
    """A file's records; a JSON-lines file's one at a time (they cannot fail midway: a line
    that fails is set aside alone), any other file's all at once, so that one failing midway
    gives none."""
    records = _read_records(path, key_base, skipped)
    if _is_warc(path):
        return records
    return (_located(r, path, outlet) for r in records)


def _read_records(path: Path, key_base: str, skipped: list[Skipped]) -> Iterable[dict]:
    name = printable(str(path))
    if _is_warc(path):
        return list(_warc_records(path, skipped))
    try:
        data = path.read_bytes()
    except OSError as err:
        skipped.append(Skipped(name, f"cannot read: {err.strerror or err}"))
        return []
    if b"\x00" in data[:8192]:
        skipped.append(Skipped(name, "binary file, not text"))
        return []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        skipped.append(Skipped(name, f"not UTF-8 text (byte {err.start})"))
        return []
    if path.suffix.lower() in JSONL_SUFFIXES:
        if not text.strip():
            what = "a byte-order mark only" if data.strip() else "whitespace only" if data else "empty"
            skipped.append(Skipped(name, f"no JSON lines in the file ({what})"))
            return []
        del data  # the lines are read from `text`
        return _jsonl_records(name, key_base, text, skipped)
    if not text.strip():
        skipped.append(Skipped(name, "empty document"))
        return []
    return [raw_record(key=f"file:{key_base}", source=name, content=text,
                       is_html=TEXT_SUFFIXES[path.suffix.lower()] == "html", raw=data)]


def _jsonl_records(name: str, key_base: str, text: str, skipped: list[Skipped]) -> Iterator[dict]:
    """One record per JSON line; `text` or `html` carries the article. A line that is not a
    JSON object of the expected types is set aside with a message, never coerced."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = _jsonl_record(line, number, key_base, where)
        except _BadLine as bad:
            skipped.append(Skipped(where, str(bad)))
            continue
        except Exception as err:  # whatever else one line does, the next lines are read
            skipped.append(Skipped(where, f"unreadable record ({_describe(err)})"))
            continue
        yield record


class _BadLine(ValueError):
    """A JSON line that is not an article record; the message says why."""


def _jsonl_record(line: str, number: int, key_base: str, where: str) -> dict:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        raise _BadLine(f"invalid JSON ({err.msg} at column {err.colno})") from None
    except RecursionError:
        raise _BadLine("invalid JSON (nested too deeply)") from None
    except ValueError as err:  # e.g. an integer of more than 4,300 digits
        raise _BadLine(f"invalid JSON ({' '.join(str(err).split())[:120]})") from None
    if not isinstance(obj, dict):
        raise _BadLine("a JSON line must be an object")
    fields = {key: _field(obj, key, str) for key in STRING_FIELDS}
    external_id = _field(obj, "id", ID_TYPES)
    if external_id is not None:
        external_id = str(external_id)
    html, body = fields["html"], fields["text"]
    if body is None and html is None:
        raise _BadLine("record has no 'text' or 'html' field")
    content, is_html = (body, False) if body and body.strip() else (html, True)
    if not content or not content.strip():
        raise _BadLine("empty document")
    url = fields["url"]
    key = f"url:{url}" if url else f"file:{key_base}#{external_id or f'line{number}'}"
    raw = json.dumps(obj, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return raw_record(key=key, source=where, content=content, is_html=is_html, raw=raw,
                      external_id=external_id, url=url, outlet=fields["outlet"],
                      title=fields["title"], published=fields["published"])


_JSON_TYPES = {str: "a string", int: "a number", float: "a number", bool: "true or false",
               list: "a list", dict: "an object"}


def _field(obj: dict, key: str, types) -> object:
    """A field's value when it has one of `types` (or is null), else a message naming it."""
    value = obj.get(key)
    if value is None:
        return None
    types = types if isinstance(types, tuple) else (types,)
    if isinstance(value, bool) or not isinstance(value, types):
        wanted = " or ".join(dict.fromkeys(_JSON_TYPES[t] for t in types))
        raise _BadLine(f"field {key!r} must be {wanted}, not {_JSON_TYPES.get(type(value), 'that')}")
    if isinstance(value, str) and not is_utf8(value):
        raise _BadLine(f"field {key!r} holds a lone surrogate escape (such as \\ud800), "
                       "not valid Unicode text")
    return value


class RegistryError(ValueError):
    """The source registry has a row that cannot be used; the message names the file and line."""


def read_registry(path: str | Path) -> pd.DataFrame:
    """The source registry CSV (name, kind, country, aliases separated by '|'), validated.

    Every row needs a name, a kind from the vocabulary (`transforms.declarations.vocab`), and
    aliases no other source uses: a bad row raises `RegistryError` naming the file and line,
    so the run fails at once rather than publish a source of kind unknown or without a name.
    """
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise RegistryError(f"{path}: cannot read the source registry ({_describe(err)})") from None
    missing = {"name", "kind", "country", "aliases"} - set(frame.columns)
    if missing:
        raise RegistryError(f"{path}: source registry lacks columns {sorted(missing)}")
    frame["name"] = frame["name"].str.strip()
    frame["kind"] = frame["kind"].str.strip()
    frame["aliases"] = [
        [a.strip() for a in cell.split("|") if a.strip()] for cell in frame["aliases"]
    ]
    _check_registry(frame, path)
    frame["country"] = frame["country"].mask(frame["country"] == "")
    return frame[["name", "kind", "country", "aliases"]]


def _check_registry(frame: pd.DataFrame, path: str | Path) -> None:
    owner: dict[str, tuple[str, int]] = {}  # a name or alias, folded, -> (its source, its line)
    for row, (name, kind, aliases) in enumerate(
            zip(frame["name"], frame["kind"], frame["aliases"], strict=True)):
        line = row + 2  # the header is line 1
        if not name:
            raise RegistryError(f"{path}:{line}: a source without a name")
        if kind not in SOURCE_KINDS:
            raise RegistryError(f"{path}:{line}: kind {kind!r} of {name!r} is not one of "
                                f"{', '.join(SOURCE_KINDS)}")
        first = owner.get(name.casefold())
        if first is not None and first[0] == name:
            raise RegistryError(f"{path}:{line}: {name!r} is listed twice (first on line {first[1]})")
        for alias in dict.fromkeys([name, *aliases]):
            folded = alias.casefold()
            other = owner.get(folded)
            if other is not None and other[0] != name:
                raise RegistryError(f"{path}:{line}: {alias!r} names both {other[0]!r} "
                                    f"(line {other[1]}) and {name!r}")
            owner[folded] = (name, line)


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
