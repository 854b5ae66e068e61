"""What one document may cost: limits on its size, its HTML and its figures, checked in linear
time before the expensive work, so that no input can stall a run.

Measured on the project's 2-core machine (see the README's section on bad input): libxml2 spends
150 s parsing one element with 200,000 attributes and trafilatura about 9 s on 100,000
paragraphs, while a news page has a few thousand elements with a handful of attributes each;
attribution grows with the square of the figures in one sentence (4,000 figures: 11 s). The
limits sit far above real articles and far below those costs. Each overrun is named in the
message of the input it sets aside.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

_TAG = re.compile(r"<[A-Za-z!?/]")
# An attribute inside a start tag: a name, then '=' (quoted values may hold anything but quotes).
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{%d,}")
_ATTRIBUTE = re.compile(r"""[\s"'][^\s=<>"'/]+\s*=""")


@dataclass(frozen=True)
class Budget:
    """Limits per document. Defaults from the environment: MUSTER_MAX_CHARS,
    MUSTER_MAX_HTML_BYTES, MUSTER_MAX_ELEMENTS, MUSTER_MAX_ATTRIBUTES, MUSTER_MAX_FIGURES."""

    max_chars: int = 2_000_000  # characters of text after cleaning
    max_html_chars: int = 5 * 1024 * 1024  # characters of HTML before cleaning (a fetch's cap)
    max_elements: int = 30_000  # tags in one page
    max_attributes: int = 200  # attributes on one element
    max_figures: int = 1_000  # figures found in one document's text

    @classmethod
    def from_env(cls, environ=os.environ) -> Budget:
        names = {"max_chars": "MUSTER_MAX_CHARS", "max_html_chars": "MUSTER_MAX_HTML_BYTES",
                 "max_elements": "MUSTER_MAX_ELEMENTS", "max_attributes": "MUSTER_MAX_ATTRIBUTES",
                 "max_figures": "MUSTER_MAX_FIGURES"}
        values = {}
        for field, name in names.items():
            if environ.get(name, "").strip():
                try:
                    values[field] = int(environ[name])
                except ValueError:
                    raise ValueError(f"{name} must be a whole number, not {environ[name]!r}") from None
                if values[field] < 1:
                    raise ValueError(f"{name} must be at least 1")
        return cls(**values)


def html_problem(html: str, budget: Budget) -> str | None:
    """Why a page is refused before it is parsed, or None when it is within the budget."""
    if len(html) > budget.max_html_chars:
        return f"HTML of {len(html):,} characters, over the limit of {budget.max_html_chars:,}"
    tags = sum(1 for _ in _TAG.finditer(html))
    if tags > budget.max_elements:
        return f"HTML with {tags:,} tags, over the limit of {budget.max_elements:,}"
    # Only tags long enough to hold that many attributes are looked at closely.
    for tag in re.finditer(_LONG_TAG.pattern % (2 * budget.max_attributes), html):
        attributes = sum(1 for _ in _ATTRIBUTE.finditer(tag.group()))
        if attributes > budget.max_attributes:
            return (f"an HTML element with {attributes:,} attributes, over the limit of "
                    f"{budget.max_attributes:,}")
    return None


def text_problem(text: str, budget: Budget) -> str | None:
    """Why a cleaned text is refused, or None when it is within the budget."""
    if len(text) > budget.max_chars:
        return (f"text of {len(text):,} characters after cleaning, over the limit of "
                f"{budget.max_chars:,} (MUSTER_MAX_CHARS)")
    return None


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
NUMBERS_PER_FIGURE = 3  # numbers a text may hold per figure allowed, before figures are sought


def numbers_problem(text: str, budget: Budget) -> str | None:
    """A cheap first count: a text with several times more numbers than the figures allowed is
    refused before the figure reader spends time on it (200,000 figures on one line: 25 s)."""
    limit = NUMBERS_PER_FIGURE * budget.max_figures
    for count, _ in enumerate(_NUMBER.finditer(text), start=1):
        if count > limit:
            return (f"more than {limit:,} numbers in one document, far over the limit of "
                    f"{budget.max_figures:,} figures (MUSTER_MAX_FIGURES)")
    return None


def figures_problem(n_figures: int, budget: Budget) -> str | None:
    if n_figures > budget.max_figures:
        return (f"{n_figures:,} figures in one document, over the limit of {budget.max_figures:,} "
                "(MUSTER_MAX_FIGURES)")
    return None
