"""RSS and Atom feeds -> the items they list (page URL, title, date).

A feed is checked with defusedxml before feedparser sees it: a document that declares a DTD or
entities is refused outright, so entity expansion (billion laughs, external entities) never runs.
feedparser then reads the feed leniently; a feed too broken to yield any item is an error.
"""

from __future__ import annotations

import io
import re
import time
from dataclasses import dataclass
from urllib.parse import urljoin
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree
import feedparser

_ROOTS = re.compile(rb"<(?:rss|feed|rdf:RDF)\b")
_DECLARATIONS = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


class FeedError(ValueError):
    """A feed that was refused or could not be read; the message says why."""


@dataclass(frozen=True)
class FeedItem:
    url: str
    title: str | None
    published: str | None  # ISO 8601, UTC


@dataclass(frozen=True)
class Feed:
    title: str | None
    items: list[FeedItem]
    unlinked: int = 0  # items without a link to follow


def looks_like_feed(body: bytes) -> bool:
    """True when the document's root (in its first 2 kB) is an RSS, Atom or RDF element."""
    return bool(_ROOTS.search(body[:2048]))


def refuse_declarations(body: bytes) -> None:
    """Raise FeedError when the XML declares a DTD or entities, even when it is malformed."""
    try:
        defusedxml.ElementTree.fromstring(body, forbid_dtd=True, forbid_entities=True,
                                          forbid_external=True)
    except defusedxml.DefusedXmlException as err:
        raise FeedError(f"refused: the feed declares a DTD or entities ({type(err).__name__})") from err
    except ParseError:
        if _DECLARATIONS.search(body):  # expat stopped early: look for declarations anywhere
            raise FeedError("refused: the feed declares a DTD or entities") from None


def _iso(stamp: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", stamp) if stamp else None


def parse_feed(body: bytes, url: str) -> Feed:
    """The feed's items, with links made absolute against the feed's URL."""
    refuse_declarations(body)
    parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-location": url})
    entries = parsed.get("entries", [])
    if parsed.get("bozo") and not entries:
        raise FeedError(f"malformed feed ({parsed.get('bozo_exception')})")
    items = [FeedItem(url=urljoin(url, e["link"]).strip(), title=e.get("title") or None,
                      published=_iso(e.get("published_parsed") or e.get("updated_parsed")))
             for e in entries if e.get("link")]
    return Feed(title=parsed.get("feed", {}).get("title"), items=items,
                unlinked=len(entries) - len(items))
