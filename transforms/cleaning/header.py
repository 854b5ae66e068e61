"""What a plain-text or Markdown article says about itself in its header: the headline, the
byline's author and date, and the outlet ("Source:" line, else the masthead).

Saved pages begin with a masthead, menus, prompts and breadcrumbs, then the headline, perhaps a
standfirst, then a dateline ("By X | March 14, 2024 | 3 min read", "Published 14 March 2024",
"March 14, 2024 9:23 AM"). The dateline anchors the rest: the headline is the first line of the
block of text just above it (bylines and furniture skipped), the masthead the first line of the
page when it reads as a name. Without a dateline, a Markdown heading is the headline. Pure
functions over the text; the words they look for are declared in
`transforms.declarations.words`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from transforms.cleaning.furniture import is_furniture
from transforms.declarations.words import (
    BYLINE_LABELS,
    DATELINE_LABELS,
    MASTHEAD_JOINERS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    SOURCE_LABELS,
    TIME_WORDS,
    words_pattern,
)
from transforms.time.period_phrases import month_number, safe_date

HEADER_LINES = 40  # the header is within the first lines, ...
BODY_LINE = 180  # ... above the first line this long (a paragraph of the body)
DATELINE_CHARS = 160
NAME = r"[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|de|van|von|al|bin|der|la|le)){0,3}"

_MONTH = words_pattern(MONTHS + MONTH_ABBREVIATIONS)
_DATE = re.compile(
    rf"\b(?P<m1>{_MONTH})\.?[ \t]+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?[ \t]+(?P<y1>(?:19|20)\d\d)\b"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?P<m2>{_MONTH})\.?,?[ \t]+(?P<y2>(?:19|20)\d\d)\b"
    r"|\b(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d)\b")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_LABEL = re.compile(r"^[\W_]*" + words_pattern(DATELINE_LABELS), re.IGNORECASE)
_LABELS = "(?i:" + "|".join(re.escape(w) for w in sorted(BYLINE_LABELS, key=len, reverse=True)) + ")"
_BYLINE = re.compile(rf"(?:^|[|•·*]|\s)[ \t]*{_LABELS}\b[ \t]*:?[ \t]*"
                     rf"(?P<name>{NAME}(?:[ \t]+and[ \t]+{NAME})?)")
_BYLINE_ONLY = re.compile(rf"^[\W_]*{_LABELS}\b[ \t]*:?[ \t]*"
                          rf"{NAME}(?:[ \t]+and[ \t]+{NAME})?(?:,[^|•·\n]*)?[\W_]*$")
_SOURCE = re.compile(r"^[\W_]*(?:" + "|".join(map(re.escape, SOURCE_LABELS)) +
                     r")[ \t]*:[ \t]*(?P<value>\S[^\n]*?)[\W_]*$", re.IGNORECASE)
_URL = re.compile(r"https?://[^\s<>()\[\]]+", re.IGNORECASE)
_HEADING = re.compile(r"^#{1,2}[ \t]+(?P<title>\S.*?)[ \t#]*$")
_PARTS = re.compile(r"[ \t]*[|•·*][ \t]*")
_EMPHASIS = re.compile(r"^[*_\s]+|[*_\s]+$")
_WORD = re.compile(r"[A-Za-z][\w.'’-]*")
_LEFTOVER_WORDS = 2  # words beside the date and time on a dateline that is only a date


@dataclass(frozen=True)
class Header:
    title: str | None = None
    author: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    source_line: str | None = None  # the "Source:" line the outlet was read from, as written


def header(text: str) -> Header:
    """The headline, author, date and outlet a plain-text article's header gives."""
    lines = _header_lines(text)
    at = next((i for i, line in enumerate(lines) if is_dateline(line)), None)
    dateline = lines[at] if at is not None else None
    title_at = _headline_at(lines, at)
    source = _source(lines, title_at)
    author = next((a for a in (byline_author(line) for line in _around(lines, at)) if a), None)
    outlet, url, source_line = source
    if outlet is None and url is None and title_at is not None:
        outlet = masthead(lines, title_at)
    return Header(title=_clean_title(lines[title_at]) if title_at is not None else None,
                  author=author, published=first_date(dateline) if dateline else None,
                  outlet=outlet, url=url, source_line=source_line)


def _header_lines(text: str) -> list[str]:
    lines = []
    for line in text.split("\n")[:HEADER_LINES]:
        if len(line) >= BODY_LINE:
            break
        lines.append(line.strip())
    return lines


def first_date(line: str) -> date | None:
    """The first calendar date written in a line ("March 14, 2024", "14 March 2024", ISO)."""
    for found in _DATE.finditer(line):
        if found["y3"]:
            day = safe_date(int(found["y3"]), int(found["m3"]), int(found["d3"]))
        else:
            month, dd, yy = ((found["m1"], found["d1"], found["y1"]) if found["m1"]
                             else (found["m2"], found["d2"], found["y2"]))
            day = safe_date(int(yy), month_number(month), int(dd))
        if day:
            return day
    return None


def is_dateline(line: str) -> bool:
    """Whether a header line is a dateline: it holds a date and either opens with a dateline
    label, reads as a byline (separators, "By X"), or holds little beside the date and time."""
    if len(line) > DATELINE_CHARS or not _DATE.search(line):
        return False
    if _LABEL.search(line) or _PARTS.search(line) or _BYLINE.search(line):
        return True
    rest = _TIME.sub(" ", _DATE.sub(" ", line))
    words = [w for w in _WORD.findall(rest) if w.lower() not in TIME_WORDS]
    return len(words) <= _LEFTOVER_WORDS


def byline_author(line: str) -> str | None:
    """The names a byline gives ("By Lena Hartwell", "Text: Marta Kalnina"), or, on a dateline,
    a part that is only a name ("September 4, 2023 | Aigerim Sadykova | 2 min read")."""
    found = _BYLINE.search(line)
    if found:
        return "; ".join(n.strip() for n in re.split(r"[ \t]+and[ \t]+", found["name"]))
    if _DATE.search(line):
        parts = [_EMPHASIS.sub("", p) for p in _PARTS.split(line)]
        names = [p for p in parts if re.fullmatch(NAME, p) and " " in p and not _DATE.search(p)
                 and not any(w.lower() in TIME_WORDS for w in p.split())]
        return names[0] if names else None
    return None


def _around(lines: list[str], at: int | None) -> list[str]:
    """The dateline and the lines next to it, where a byline may stand on its own."""
    if at is None:
        return [line for line in lines if _BYLINE_ONLY.match(line)][:1]
    return [lines[at], *lines[max(0, at - 2):at], *lines[at + 1:at + 3]]


def _headline_at(lines: list[str], at: int | None) -> int | None:
    """The headline's line: a Markdown heading, else the first line of the block above the
    dateline (blank lines, bylines and furniture between them skipped)."""
    heading = next((i for i, line in enumerate(lines[:at] if at else lines) if _HEADING.match(line)),
                   None)
    if heading is not None or at is None:
        return heading
    i = at - 1
    while i >= 0 and (not lines[i] or _BYLINE_ONLY.match(lines[i]) or is_furniture(lines[i])):
        i -= 1
    if i < 0:
        return None
    while i > 0 and lines[i - 1] and not is_furniture(lines[i - 1]) \
            and not _BYLINE_ONLY.match(lines[i - 1]) and not _SOURCE.match(lines[i - 1]):
        i -= 1
    return i


def _clean_title(line: str) -> str | None:
    found = _HEADING.match(line)
    title = _EMPHASIS.sub("", found["title"] if found else line)
    return title or None


def _source(lines: list[str], title_at: int | None) -> tuple[str | None, str | None, str | None]:
    """(outlet, url, the line) from a "Source:" line above the headline, or one holding a URL."""
    for i, line in enumerate(lines):
        found = _SOURCE.match(line)
        if not found:
            continue
        url = _URL.search(found["value"])
        if url:
            return None, url.group(0).rstrip(".,;"), line
        if title_at is None or i < title_at:
            return found["value"].strip(), None, line
    return None, None, None


def masthead(lines: list[str], title_at: int) -> str | None:
    """The page's first line above the headline when it reads as a name ("Steppe Post",
    "BALTIC LANTERN", a line of capitals the furniture filter takes for a menu): a few
    capitalised words, no digits, no sentence punctuation."""
    first = next((line for line in lines[:title_at] if line and (line.isupper() or not (
        is_furniture(line) or _HEADING.match(line)))), None)
    if first is None:
        return None
    name = first.title() if first.isupper() else first
    return name if _reads_as_name(name) else None


def _reads_as_name(line: str) -> bool:
    words = line.split()
    if not 1 <= len(words) <= 5 or len(line) > 40 or re.search(r"[\d.!?:|>/]", line):
        return False
    return all(w[0].isupper() or w.lower() in MASTHEAD_JOINERS for w in words) and words[0][0].isupper()


def outlet_from_url(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None
