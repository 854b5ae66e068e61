"""The raw record every reader makes (files, JSONL, web pages, WARC), and `Skipped`.

Readers (`muster.readers`, `muster.web`, `muster.warc`) share these and nothing else, so none of
them imports another's private names. A raw record is a plain dict with `RAW_COLUMNS`; a bad
input is a `Skipped` entry whose message names the input (file, file:line, URL, file@offset).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass

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
    "source_path",  # the file it was read from (absolute), for file inputs
    "outlet_hint",  # the outlet its folder's outlet.txt or --outlet names, if the input names none
]
META = ("external_id", "url", "outlet", "title", "published", "source_path", "outlet_hint")


@dataclass(frozen=True)
class Skipped:
    """An input left out of the run, and why, in words that name it."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def raw_record(*, key: str, source: str, content: str, is_html: bool, raw: bytes, **meta) -> dict:
    """A raw record: the content as read, where it came from, and the hash of its bytes."""
    base = dict.fromkeys(META)
    base.update(meta)
    return {**base, "key": key, "source": source, "content": content, "is_html": is_html,
            "raw_sha256": hashlib.sha256(raw).hexdigest()}


def printable(text: str) -> str:
    """A name or message safe to print and store as UTF-8: undecodable bytes of a file name
    (kept by Python as lone surrogates) become backslash escapes."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace") \
            if _only_escapes(text) else text.encode("utf-8", "backslashreplace").decode("utf-8")


def _only_escapes(text: str) -> bool:
    """Whether every surrogate in `text` is one `surrogateescape` made (U+DC80..U+DCFF)."""
    return all(not 0xD800 <= ord(c) <= 0xDFFF or 0xDC80 <= ord(c) <= 0xDCFF for c in text)


def is_utf8(text: str) -> bool:
    """Whether `text` can be written as UTF-8 (no lone surrogates, as "\\ud800" in JSON gives)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@dataclass(frozen=True)
class Rejected:
    """An input or record a run set aside at some stage, with what identifies it across runs
    (`key`: the record's key, or the input as given when it could not be read) and why."""

    stage: str  # read, clean, tabulate or check
    source: str
    key: str
    reason: str
    doc_id: str | None = None
    claim_id: str | None = None

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"

    @classmethod
    def skipped(cls, skipped: Skipped) -> Rejected:
        return cls("read", skipped.source, skipped.source, skipped.reason)


def is_url(text: str) -> bool:
    return text[:8].lower().startswith(("http://", "https://"))


def nothing_usable(inputs: Sequence[str], skipped: Sequence[Skipped | Rejected]) -> str:
    """One line: which inputs held nothing, and why (the first reason when there are several)."""
    inputs = list(inputs)
    given = ", ".join(inputs) if len(inputs) <= 3 else f"{', '.join(inputs[:3])} and {len(inputs) - 3} more"
    if not skipped:
        return f"no usable document in {given}"
    if len(skipped) == 1:
        return f"no usable document in {given} (skipped {skipped[0]})"
    return f"no usable document in {given} ({len(skipped)} inputs skipped; the first: {skipped[0]})"


def all_missing(inputs: Sequence[str]) -> list[Skipped] | None:
    """When no input exists at all (each a path that is not there, not even as a broken link,
    and none a URL), what a run would skip; else None. `muster run` says so at once, without
    starting Prefect."""
    missing = []
    for given in inputs:
        if is_url(given) or os.path.lexists(given):
            return None
        missing.append(Skipped(printable(given), "no such file or directory"))
    return missing or None
