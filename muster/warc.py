"""Read web archives (WARC, gzip-compressed or not) as raw records, one per HTML page.

News crawls such as Common Crawl's CC-NEWS hold every kind of record: requests, metadata,
revisits, redirects, PDFs and images beside the pages. Only what an article can come from is
kept: `response` records with HTTP status 200 and an HTML content type. The file is read as a
stream, one record at a time, so a crawl of several gigabytes needs the memory of one page; a
page over `MAX_PAYLOAD` bytes is skipped rather than read. A corrupt or truncated archive keeps
the pages read before the damage and gets one `Skipped` entry naming the file and offset.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from muster.records import Skipped, raw_record

MAX_PAYLOAD = 5 * 1024 * 1024  # bytes of one page's body; larger ones are not articles
HTML_TYPES = ("text/html", "application/xhtml+xml")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.IGNORECASE)


def warc_records(path: Path, skipped: list[Skipped]) -> Iterator[dict]:
    """Raw records (as `muster.readers` makes them) of the HTML pages in a WARC file.

    Records that are not pages (requests, revisits, non-HTML or non-200 responses) are passed
    over without a message: a crawl is full of them. A file without any page gets one message.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    pages = whole = offset = 0
    try:
        stream = path.open("rb")
    except OSError as err:
        skipped.append(Skipped(str(path), f"cannot read: {err.strerror or err}"))
        return
    with stream:
        size = stream.seek(0, 2)
        stream.seek(0)
        try:
            archive = ArchiveIterator(stream)
            for record in archive:
                offset = archive.offset
                page = _page(record, f"{path}@{offset}", skipped)
                archive.read_to_end()
                _check_whole(record, archive.reader, at_end=stream.tell() >= size)
                whole, offset = whole + 1, archive.offset
                if page is not None:
                    pages += 1
                    yield page
            if offset < size:
                raise EOFError(f"{size - offset} bytes that are not a whole record")
        except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as err:
            skipped.append(_damaged(path, offset, whole, err))
            return
    if pages == 0:
        skipped.append(Skipped(str(path), f"no HTML page with HTTP status 200 among {whole} "
                                          f"WARC records"))


def _check_whole(record, reader, at_end: bool) -> None:
    """Raise EOFError when the file ended inside this record (warcio returns what is there)."""
    if record.rec_headers.get_header("Content-Length") is None:
        raise EOFError("record header without Content-Length")
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise EOFError(f"record ends {record.raw_stream.limit} bytes early")
    decompressor = getattr(reader, "decompressor", None)
    if at_end and decompressor is not None and not decompressor.eof:
        raise EOFError("gzip member ends early")


def _damaged(path: Path, offset: int, whole: int, err: Exception) -> Skipped:
    """The message for an archive that cannot be read on from `offset`."""
    detail = " ".join(str(err).split()) or type(err).__name__
    if "non-chunked gzip" in detail:
        return Skipped(str(path), "compressed as one gzip stream, not one gzip member per record "
                                  "as WARC files are; `warcio recompress` fixes it")
    if whole == 0:
        return Skipped(f"{path}@{offset}", f"not a readable WARC file: {detail[:160]}")
    return Skipped(f"{path}@{offset}", f"corrupt or truncated WARC after {whole} whole records "
                                       f"(kept): {detail[:160]}")


def _page(record, source: str, skipped: list[Skipped]) -> dict | None:
    """The raw record of an HTML page with status 200, else None."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    if not url:
        skipped.append(Skipped(source, "HTML response without WARC-Target-URI"))
        return None
    payload = record.content_stream().read(MAX_PAYLOAD + 1)
    if len(payload) > MAX_PAYLOAD:
        skipped.append(Skipped(source, f"page over {MAX_PAYLOAD:,} bytes: {url}"))
        return None
    if not payload.strip():
        skipped.append(Skipped(source, f"empty page: {url}"))
        return None
    return raw_record(key=f"url:{url}", source=source, content=decoded(payload, content_type),
                   is_html=True, raw=payload, url=url)


def decoded(payload: bytes, content_type: str = "") -> str:
    """A page's text: in the charset the HTTP header names, else the one its <meta> names,
    else UTF-8; bytes that do not decode become U+FFFD rather than failing the page."""
    for charset in (_charset(_HEADER_CHARSET.search(content_type)),
                    _charset(_META_CHARSET.search(payload[:4096]))):
        if charset:
            try:
                return payload.decode(charset, errors="replace")
            except LookupError:
                continue
    return payload.decode("utf-8", errors="replace")


def _charset(match: re.Match | None) -> str | None:
    if match is None:
        return None
    name = match.group(1)
    return name.decode("ascii", "replace") if isinstance(name, bytes) else name
