"""Web inputs -> raw records: a page URL, a feed URL (each item followed to its page), URL lists.

A session holds the fetcher and what earlier runs fetched (`muster.fetchstate`): a feed item whose
page was fetched before is not requested again, and a URL given again is asked for with its
validators, so a 304 or an unchanged body counts as "not modified" and yields no record. What this
run fetched is collected in `session.fetched`, for the pipeline to record once it has published.
Every failure becomes a `Skipped` entry naming the URL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from muster import feeds
from muster.fetch import FEED_TYPES, PAGE_TYPES, Fetcher, FetchError, Limits, Page
from muster.fetchstate import Fetched, load_state
from muster.records import Skipped, is_url, raw_record

MAX_FEED_ITEMS = 500
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


@dataclass
class WebSession:
    """One run's fetcher, the state it starts from, and what it fetched and found unchanged."""

    fetcher: Fetcher = field(default_factory=Fetcher)
    known: dict[str, Fetched] = field(default_factory=dict)
    fetched: list[Fetched] = field(default_factory=list)
    not_modified: int = 0
    max_feed_items: int = MAX_FEED_ITEMS
    _seen: set[str] = field(default_factory=set, repr=False)

    def __enter__(self) -> WebSession:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.fetcher.close()


def session(warehouse: str | Path | None = None, allow_hosts: Iterable[str] = (),
            delay: float = 1.0, limits: Limits | None = None) -> WebSession:
    """A session that knows what earlier runs on `warehouse` fetched."""
    limits = limits or Limits(delay=delay)
    return WebSession(fetcher=Fetcher(allow_hosts=allow_hosts, limits=limits),
                      known=load_state(warehouse) if warehouse is not None else {})


def listed_urls(text: str) -> list[str] | None:
    """The URLs of a URL list (every line blank, a '#' comment or an http(s) URL), else None.

    A list of comments only is a URL list with nothing in it yet (a configured list the user has
    not filled in), not an article.
    """
    lines = [line.strip() for line in text.splitlines()]
    if any(line.startswith("#") for line in lines) and all(
            not line or line.startswith("#") for line in lines):
        return []
    lines = [line for line in lines if line and not line.startswith("#")]
    return lines if lines and all(is_url(line) and " " not in line for line in lines) else None


def url_records(url: str, web: WebSession, skipped: list[Skipped]) -> Iterator[dict]:
    """The records a URL input yields: its page, or the pages its feed's items point to."""
    if url in web._seen:
        return
    web._seen.add(url)
    known = web.known.get(url)
    try:
        page = web.fetcher.fetch(url, PAGE_TYPES | FEED_TYPES, etag=known and known.etag,
                                 last_modified=known and known.last_modified)
    except FetchError as err:
        skipped.append(Skipped(url, str(err)))
        return
    if page.status == 304 or (known is not None and known.sha256 == page.sha256):
        web.not_modified += 1
        web.fetched.append(_fetched(page, known))
        return
    if page.content_type in FEED_TYPES or looks_like_feed(page):
        yield from _feed_records(page, web, skipped)
        return
    record = page_record(page, skipped)
    if record is not None:
        web.fetched.append(_fetched(page))
        yield record


def looks_like_feed(page: Page) -> bool:
    return page.content_type in ("text/plain", "text/html") and feeds.looks_like_feed(page.body)


def _feed_records(page: Page, web: WebSession, skipped: list[Skipped]) -> Iterator[dict]:
    """The feed's new items' pages; the feed is recorded only when none of them failed."""
    try:
        feed = feeds.parse_feed(page.body, page.final_url)
    except feeds.FeedError as err:
        skipped.append(Skipped(page.url, str(err)))
        return
    failures = len(skipped)
    if feed.unlinked:
        skipped.append(Skipped(page.url, f"{feed.unlinked} feed items have no link"))
    if len(feed.items) > web.max_feed_items:
        skipped.append(Skipped(page.url, f"{len(feed.items)} items; only the first "
                                         f"{web.max_feed_items} are read"))
    for item in feed.items[:web.max_feed_items]:
        if item.url in web._seen:
            continue
        web._seen.add(item.url)
        if item.url in web.known:
            web.not_modified += 1
            continue
        yield from _item_records(item, web, skipped)
    if len(skipped) == failures:
        web.fetched.append(_fetched(page))


def _item_records(item: feeds.FeedItem, web: WebSession, skipped: list[Skipped]) -> Iterator[dict]:
    try:
        page = web.fetcher.fetch(item.url, PAGE_TYPES)
    except FetchError as err:
        skipped.append(Skipped(item.url, str(err)))
        return
    record = page_record(page, skipped, title=item.title, published=item.published)
    if record is not None:
        web.fetched.append(_fetched(page))
        yield record


def page_record(page: Page, skipped: list[Skipped], **meta) -> dict | None:
    """A fetched page as a raw record keyed by the URL asked for (stabler than where it ended)."""
    if b"\x00" in page.body[:8192]:
        skipped.append(Skipped(page.url, "binary content, not text"))
        return None
    text = page_text(page)
    if not text.strip():
        skipped.append(Skipped(page.url, "empty page"))
        return None
    return raw_record(key=f"url:{page.url}", source=page.url, content=text,
                   is_html=page.content_type != "text/plain", raw=page.body, url=page.final_url,
                   **meta)


def page_text(page: Page) -> str:
    """The body as text: the charset the server or the page declares, else UTF-8."""
    charset = page.charset
    if charset is None and page.content_type != "text/plain":
        found = _META_CHARSET.search(page.body[:4096])
        charset = found.group(1).decode("ascii") if found else None
    try:
        return page.body.decode(charset or "utf-8")
    except (LookupError, UnicodeDecodeError):
        return page.body.decode("utf-8", errors="replace")


def _fetched(page: Page, known: Fetched | None = None) -> Fetched:
    """The state row for a fetch; a 304 keeps the hash and validators it confirmed."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    if page.status == 304 and known is not None:
        return Fetched(page.url, page.etag or known.etag, page.last_modified or known.last_modified,
                       known.sha256, 304, now)
    return Fetched(page.url, page.etag, page.last_modified, page.sha256, page.status, now)
