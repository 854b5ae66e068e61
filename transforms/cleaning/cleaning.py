"""Raw records -> documents: the article body as plain text, with its metadata.

HTML goes through trafilatura, which is made for finding an article's main text and metadata
(title, author, date, site name) in a page; when it finds nothing, the page's paragraphs are kept
instead. Plain text has no markup to tell body from page furniture, so `transforms.cleaning.furniture`
removes what scraped pages carry around the article (newsletter prompts, feeds of other stories,
related-link teasers).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date
from urllib.parse import urlsplit

import pandas as pd

from transforms.cleaning.budget import Budget, html_problem, text_problem
from transforms.cleaning.furniture import strip_furniture
from transforms.cleaning.header import header
from transforms.rows import records

_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_BLANK_LINES = re.compile(r"\n{2,}")
_HTML_LANG = re.compile(r"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_WORDS = re.compile(r"[a-z]+")
_NOT_A_NAME = re.compile(r"\d|\b(?:posted|updated|published|min read)\b", re.IGNORECASE)
_ENGLISH = frozenset(
    ["the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was", "by",
     "from", "said", "it", "has", "have", "are", "were", "be", "this"]
)


def doc_id(key: str) -> str:
    """A document's id: the same input key gives the same id in every run."""
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def html_body(html: str, url: str | None = None) -> dict:
    """The main text and metadata of an HTML page (trafilatura), with a paragraph fallback."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    meta = {"text": "", "title": None, "author": None, "published": None, "outlet": None,
            "url": None}
    if doc is not None:
        meta.update(text=doc.text or "", title=doc.title, author=author_of(doc.author),
                    published=doc.date, outlet=doc.sitename, url=doc.url)
    if not meta["text"].strip():
        meta["text"] = _paragraphs(html)
    lang = _HTML_LANG.search(html[:4096])
    meta["language"] = lang.group(1).lower() if lang else None
    return meta


def author_of(byline: str | None) -> str | None:
    """The names in a byline trafilatura read ('A; B'), without the parts that are a dateline
    merged into it ('Posted Oct. 23, 2024'); None when no name is left."""
    names = [part.strip() for part in (byline or "").split(";")]
    names = [name for name in names if name and not _NOT_A_NAME.search(name)]
    return "; ".join(names) or None


def _paragraphs(html: str) -> str:
    """Fallback body: the text of <p> elements, or of the whole page when it has none."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    paragraphs = [p.text_content().strip() for p in tree.iter("p")]
    paragraphs = [p for p in paragraphs if p]
    return "\n".join(paragraphs) if paragraphs else tree.text_content()


def plain_text(text: str) -> str:
    """Text with normalised characters and spaces; one newline between paragraphs."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n", "\n".join(lines)).strip()


def language(text: str) -> str:
    """'en' when common English words make up a good share of the text, else 'und'.

    The corpus is English news; this only flags documents that are plainly not, so an analyst
    can filter them, without loading a language-identification model for every article.
    """
    words = _WORDS.findall(text[:3000].lower())
    if not words:
        return "und"
    share = sum(w in _ENGLISH for w in words) / len(words)
    return "en" if share >= 0.12 else "und"


def published_date(value) -> date | None:
    """A date from whatever the input gave (ISO strings, timestamps); None when unreadable."""
    if value is None or (isinstance(value, float) and value != value) or value == "":
        return None
    stamp = pd.to_datetime(value, errors="coerce", utc=True, format="mixed")
    return None if pd.isna(stamp) else stamp.date()


def outlet_of(outlet: str | None, url: str | None) -> str | None:
    """The outlet as the input names it, else the URL's host without 'www.'."""
    if outlet:
        return outlet
    if url:
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def title_of(text: str) -> str | None:
    """A plain-text article's title: its first line when that line is short enough to be one."""
    first = text.split("\n", 1)[0].strip()
    return first if 0 < len(first) <= 200 else None


def text_meta(body: str) -> tuple[str, dict]:
    """A plain-text body without its "Source:" line, and what its header says
    (`transforms.cleaning.header`): title, author, published, outlet, url, masthead."""
    found = header(body)
    if found.source_line:
        lines = body.split("\n")
        lines.remove(found.source_line)
        body = "\n".join(lines)
    source_outlet = found.outlet if found.source_line else None
    return body, {"title": found.title, "author": found.author, "published": found.published,
                  "outlet": source_outlet, "url": found.url,
                  "masthead": None if found.source_line else found.outlet}


def cleaned_document(raw: dict) -> dict:
    """One raw record as a document row (without run columns); text may come out empty.

    The outlet is the one the record names, else a "Source:" line's (plain text) or the page's
    site name (HTML), else its folder's `outlet.txt` or `--outlet` (`outlet_hint`), else the
    URL's host, else a plain-text page's masthead."""
    if raw["is_html"]:
        meta = html_body(raw["content"], raw["url"])
        body = plain_text(meta["text"])
    else:
        body, meta = text_meta(plain_text(raw["content"]))
    text = plain_text(strip_furniture(body))
    url = raw["url"] or meta.get("url")
    outlet = raw["outlet"] or meta.get("outlet") or raw.get("outlet_hint")
    return {
        "doc_id": doc_id(raw["key"]),
        "external_id": raw["external_id"],
        "url": url,
        "outlet": outlet_of(outlet, url) or meta.get("masthead"),
        "title": raw["title"] or meta.get("title") or title_of(text),
        "author": raw.get("author") or meta.get("author"),
        "published": published_date(raw["published"] or meta.get("published")),
        "language": meta.get("language") or language(text),
        "text": text,
        "raw_sha256": raw["raw_sha256"],
        "n_chars": len(text),
        "source_path": raw.get("source_path"),
        "source": raw["source"],
    }


class Refused(ValueError):
    """A record over the cleaning budget; the message names the limit it breaks."""


def budgeted_document(raw: dict, budget: Budget) -> dict:
    """`cleaned_document` within the budget: HTML checked before it is parsed, text after."""
    content = raw["content"] or ""
    if raw["is_html"]:
        problem = html_problem(content, budget)
    elif len(content) > 5 * budget.max_chars:  # far over: not worth cleaning to find out
        problem = f"text of {len(content):,} characters, over the limit of {budget.max_chars:,} " \
                  "(MUSTER_MAX_CHARS)"
    else:
        problem = None
    if problem:
        raise Refused(problem)
    document = cleaned_document(raw)
    if problem := text_problem(document["text"], budget):
        raise Refused(problem)
    return document


def cleaned_documents(raw: pd.DataFrame, budget: Budget | None = None
                      ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Documents with a body (and their input's source and key), and the records set aside
    (their source, key and reason): empty
    after cleaning, over the budget, or failing in cleaning. One record never stops the others."""
    budget = budget or Budget()
    rows, rejected = [], []
    for record in records(raw):
        try:
            document = budgeted_document(record, budget)
        except Refused as err:
            rejected.append((record["source"], record["key"], str(err)))
            continue
        except Exception as err:  # the safety net: a bug or a bomb in one page
            detail = " ".join(str(err).split())[:200]
            rejected.append((record["source"], record["key"],
                             f"cleaning failed ({type(err).__name__}{': ' + detail if detail else ''})"))
            continue
        if document["n_chars"] == 0:
            rejected.append((record["source"], record["key"], "empty document after cleaning"))
            continue
        rows.append({**document, "key": record["key"]})
    frame = pd.DataFrame(rows, columns=[*_DOC_COLUMNS, "source", "key"])
    kept = frame.drop_duplicates("doc_id", keep="last")
    return (kept.reset_index(drop=True),
            pd.DataFrame(rejected, columns=["source", "key", "reason"]))


_DOC_COLUMNS = ["doc_id", "external_id", "url", "outlet", "title", "author", "published",
                "language", "text", "raw_sha256", "n_chars", "source_path"]
