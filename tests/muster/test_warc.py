"""WARC input: only the HTML pages a crawl fetched, read as a stream; damage keeps what came before."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from muster import warc
from muster.readers import read_inputs
from muster.records import Skipped

ARTICLE = ("<html><head><title>Sign-up pay rises</title></head><body><article>"
           "<p>A regional governor raised the one-off payment for contract soldiers to 400,000 "
           "roubles.</p><p>{extra}</p></article></body></html>")
CYRILLIC = "Набор добровольцев"
PAGES = ["https://example.org/news/1", "https://example.net/ru/2", "https://example.com/3"]


def _response(writer: WARCWriter, uri: str, body: bytes, content_type: str | None,
              status: str = "200 OK") -> None:
    headers = [("Content-Type", content_type)] if content_type else []
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                  http_headers=http))


def write_crawl(path: Path, gzip: bool = True) -> Path:
    """A small crawl as CC-NEWS holds them: pages among requests, metadata, a PDF, a 404, a revisit."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "muster-tests"}))
        request = StatusAndHeaders("GET /news/1 HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record("https://example.org/news/1", "request",
                                                      http_headers=request))
        _response(writer, "https://example.org/news/1",
                  ARTICLE.format(extra="Officials said 1,200 men signed up.").encode(),
                  "text/html; charset=utf-8")
        writer.write_record(writer.create_warc_record(
            "https://example.org/news/1", "metadata", payload=io.BytesIO(b"fetchTimeMs: 12\n"),
            warc_content_type="application/warc-fields"))
        _response(writer, "https://example.org/report.pdf", b"%PDF-1.4 binary", "application/pdf")
        _response(writer, "https://example.org/gone", b"<html>Not found</html>", "text/html",
                  status="404 Not Found")
        _response(writer, "https://example.net/ru/2",
                  ('<html><head><meta charset="windows-1251"></head><body><p>'
                   f"{CYRILLIC}</p></body></html>").encode("cp1251"), "text/html")
        _response(writer, "https://example.com/3",
                  ARTICLE.format(extra="Caf\xe9 staff enlisted.").encode("latin-1"), "text/html")
        revisit = writer.create_revisit_record("https://example.org/news/1", digest="sha1:AAAA",
                                               refers_to_uri="https://example.org/news/1",
                                               refers_to_date="2024-01-01T00:00:00Z")
        writer.write_record(revisit)
    return path


@pytest.fixture
def crawl(tmp_path: Path) -> Path:
    return write_crawl(tmp_path / "crawl.warc.gz")


def read(path: Path) -> tuple[list[dict], list[Skipped]]:
    skipped: list[Skipped] = []
    return list(warc.warc_records(path, skipped)), skipped


def test_only_html_pages_with_status_200_are_read(crawl: Path) -> None:
    records, skipped = read(crawl)

    assert [r["url"] for r in records] == PAGES
    assert skipped == []


def test_a_page_is_keyed_by_its_url_and_sourced_by_file_and_offset(crawl: Path) -> None:
    first = read(crawl)[0][0]

    assert first["key"] == "url:https://example.org/news/1"
    assert first["source"].startswith(f"{crawl}@") and first["source"].split("@")[1].isdigit()
    assert first["is_html"] is True
    assert "1,200 men" in first["content"]
    assert len(first["raw_sha256"]) == 64


def test_a_page_is_decoded_by_its_meta_charset_else_as_utf8_with_replacements(crawl: Path) -> None:
    _, russian, latin = read(crawl)[0]

    assert CYRILLIC in russian["content"]
    assert "Caf\ufffd staff" in latin["content"]


def test_a_page_is_decoded_by_its_http_charset_first() -> None:
    body = '<meta charset="utf-8"><p>Набор</p>'.encode("koi8-r")

    assert "Набор" in warc.decoded(body, "text/html; charset=KOI8-R")


def test_undecodable_bytes_become_replacement_characters_not_errors() -> None:
    assert warc.decoded(b"<p>caf\xe9 500</p>") == "<p>caf\ufffd 500</p>"
    assert warc.decoded(b"<p>x</p>", "text/html; charset=no-such-codec") == "<p>x</p>"


def test_an_uncompressed_warc_reads_alike(tmp_path: Path, crawl: Path) -> None:
    plain = write_crawl(tmp_path / "crawl.warc", gzip=False)

    assert [r["url"] for r in read(plain)[0]] == [r["url"] for r in read(crawl)[0]]


@pytest.mark.parametrize("compressed", [True, False], ids=["warc.gz", "warc"])
def test_a_truncated_warc_keeps_the_pages_before_the_damage(tmp_path: Path, compressed: bool) -> None:
    whole = write_crawl(tmp_path / ("whole.warc.gz" if compressed else "whole.warc"), compressed)
    data = whole.read_bytes()
    cut = tmp_path / ("cut.warc.gz" if compressed else "cut.warc")
    cut.write_bytes(data[: len(data) - 40])

    records, skipped = read(cut)

    assert [r["url"] for r in records] == PAGES
    (damage,) = skipped
    assert damage.source.startswith(f"{cut}@")
    assert "corrupt or truncated WARC" in damage.reason


def test_a_page_cut_short_is_not_read(tmp_path: Path, crawl: Path) -> None:
    data = crawl.read_bytes()
    first = read(crawl)[0][0]
    offset = int(first["source"].rsplit("@", 1)[1])
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: offset + 300])

    records, skipped = read(cut)

    assert records == []
    assert [s.source for s in skipped] == [f"{cut}@{offset}"]


def test_a_file_that_is_not_a_warc_is_named(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("just some notes\n")

    records, (skipped,) = read(path)

    assert records == []
    assert skipped.source == f"{path}@0" and "not a readable WARC file" in skipped.reason


def test_one_gzip_stream_for_the_whole_file_is_explained(tmp_path: Path) -> None:
    plain = write_crawl(tmp_path / "crawl.warc", gzip=False)
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))

    _, (skipped,) = read(whole)

    assert skipped.source == str(whole) and "warcio recompress" in skipped.reason


def test_a_crawl_without_pages_says_so(tmp_path: Path) -> None:
    path = tmp_path / "empty.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "muster-tests"}))
        _response(writer, "https://example.org/a.pdf", b"%PDF", "application/pdf")

    records, (skipped,) = read(path)

    assert records == [] and skipped.source == str(path)
    assert skipped.reason == "no HTML page with HTTP status 200 among 2 WARC records"


def test_a_page_over_the_size_cap_is_skipped_with_its_url(crawl: Path, monkeypatch) -> None:
    monkeypatch.setattr(warc, "MAX_PAYLOAD", 200)

    records, skipped = read(crawl)

    assert [r["url"] for r in records] == ["https://example.net/ru/2"]
    assert [s.reason for s in skipped] == ["page over 200 bytes: https://example.org/news/1",
                                           "page over 200 bytes: https://example.com/3"]


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    records, (skipped,) = read(tmp_path / "nowhere.warc.gz")

    assert records == [] and skipped.source.endswith("nowhere.warc.gz")


def test_read_inputs_dispatches_warc_files_here(crawl: Path) -> None:
    frame, skipped = read_inputs([crawl])

    assert frame["url"].tolist() == PAGES
    assert frame["is_html"].all() and skipped == []
