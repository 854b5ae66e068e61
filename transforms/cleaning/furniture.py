"""Page furniture in scraped plain text: what a page carries around the article, not its body.

Numbers in furniture are never figures (ANNOTATION.md): comment counts, tickers, "1 min read",
the other stories of a news feed. Plain text has no markup to tell them apart, so furniture is
recognised line by line from how it reads: a whole line that is a menu item, a prompt, a teaser
or a ticker is dropped; a heading that opens the list of other stories ends the article.

The patterns start with the line break, so the regex engine only tries them at line starts;
this keeps cleaning well under a tenth of a millisecond for a news article.
"""

from __future__ import annotations

import re

from transforms.declarations.words import PROMPT_MAX_WORDS, PROMPT_PHRASES, PROMPT_SPEECH

# Whole lines that are page chrome, prompts or share buttons.
_CHROME = (
    r"skip\s+to\s+(?:main\s+)?content|edit\s+post|advertisement|advertising|learn\s+more"
    r"|share(?:\s+(?:article|this(?:\s+article)?|to\s+or|on\s+\w+))?|author|by|print|comments?"
    r"|subscribe(?:\s+now)?|pre-order\s+now|(?:\*\s*)?indicates\s+required"
    r"|(?:please,?\s+)?enter\s+(?:a\s+)?(?:correct|valid)\s+email(?:\s+address)?"
    r"|enter\s+your\s+email(?:\s+(?:address|to\s+subscribe))?|successfu?l+y\s+subscribed"
    r"|thank\s+you\s+for\s+(?:signing\s+up|subscribing)\b[^\n]*|sign\s+up\s+for\s+[^\n]*newsletter"
    r"[^\n]*|(?:get\s+)?our\s+newsletter|newsletter|most\s+(?:read|popular|viewed)"
    r"|trending(?:\s+now)?|this\s+audio\s+is\s+created\s+with\s+ai\s+assistance|donate[^\n]*"
    r"|support\s+[^.!?\n]{3,40}!|views?:?\s*\d+|\d+\s+(?:comments?|views|shares)|people"
    r"|(?:listen|watch)(?:\s+now)?|\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?"
    r"|show\s+\d+\s+more(?:\s+\w+)?|(?:last\s+)?updated\s+\d+\s+(?:min|mins|minutes?|hours?|h)\s+ago"
)
# Related-link teasers: "Read more: ...", "Please, also have a look into : ...".
_TEASER = (
    r"(?:please,?\s+)?(?:also\s+)?(?:have\s+a\s+look\s+(?:into|at)|read\s+(?:more|also|next)"
    r"|also\s+read|see\s+also|related(?:\s+(?:article|story|news))?|you\s+may\s+(?:also\s+)?"
    r"(?:be\s+interested\s+in|like)|recommended(?:\s+for\s+you)?|more\s+on\s+this|click\s+here"
    r"|follow\s+us|subscribe(?:\s+now)?|breaking(?:\s+news)?|watch|listen)\s*:[^\n]*"
)
# A line of nothing but Markdown links: a related-stories bar.
_LINKS = r"(?:\[[^\]\n]+\]\([^)\s]+\)[ \t|•·,]*)+"
_FURNITURE_LINE = re.compile(
    rf"\n[ \t]*[•·▪*–]?[ \t]*(?:\*\*|__)?(?:{_CHROME}|{_TEASER}|{_LINKS})[ \t.:*_]*(?=\n|$)",
    re.IGNORECASE
)
# Tickers, counters and menus in capitals: "• USD79.73", "EUR 93.56", "41.25 UAH ▼0.08%", "• 86",
# "ANALYTICS".
_TICKER_LINE = re.compile(
    r"\n[ \t]*(?:(?:[•·*]?[ \t]*(?:[A-Z]{2,5} ?[+-]?\d+(?:[.,]\d+)?%?|\d{1,4}\.?"
    r"|\d+(?:[.,]\d+)? ?[A-Z]{3} ?[▲▼△▽↑↓+−-] ?\d+(?:[.,]\d+)?%)[ \t]*)+"
    r"|[A-Z]{3,}(?: [A-Z]{3,})?)[ \t]*(?=\n|$)"
)
# Lines that hold these anywhere are bylines with read times, footers or share counters.
_LINE_MARKERS = ("min read", "mins read", "minute read", "terms of use", "terms of service",
                 "privacy policy", "all rights reserved", "©", "has been shared by", "sign up free",
                 "sign up for free", "licensed under", "creative commons", "(c) 19", "(c) 20",
                 "support our reporting", "support our journalism", "support independent journalism",
                 "become a member", "become a patron", "newsletter:", "subscribe to our",
                 "readers already", "(cc by", "cc by-sa", "cc by-nc")
# Headings after which a page lists other stories: the article has ended.
_END_OF_ARTICLE = re.compile(
    r"\n[ \t]*(?:\*\*|__)?(?:more\s+news|more\s+on\s+this(?:\s+(?:topic|story|subject))?"
    r"|editors[’']?\s+picks|news\s+feed|you\s+may\s+also\s+like"
    r"|recommended\s+for\s+you|related\s+(?:articles|stories|news|posts|content)"
    r"|latest\s+(?:news|stories)|read\s+next|more\s+stories|more\s+from\s+[^\n]{1,40}"
    r"|top\s+stories|related(?:\s+(?:coverage|reading|links))?|most\s+(?:read|popular|viewed)"
    r"|read\s+more|also\s+read|see\s+also|popular\s+now|trending(?:\s+now)?|tags?\s*:[^\n]*"
    r"|comments\s*\(\d+\)|share(?:\s+\w+){0,3}\s+\d+\s+comments?)[ \t.:]*(?=\n|$)",
    re.IGNORECASE,
)
# A line of subscription, paywall or donation prompts: parts split at "|", "•", "·", one of
# which opens with a prompt phrase (`PROMPT_PHRASES`), and no speech verb in the line.
_PROMPT_PART = re.compile(
    r"(?:^|[|•·])[ \t]*[*_\[(]*[ \t]*(?:" + "|".join(
        re.escape(p) for p in sorted(PROMPT_PHRASES, key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE)
_SPEECH = re.compile(r"\b(?:" + "|".join(PROMPT_SPEECH) + r")\b", re.IGNORECASE)
_BLANK_RUNS = re.compile(r"\n{3,}")
_MIN_BODY = 200  # characters of article before a "more news" heading may end it
_HEAD = 400  # a "Skip to content" this early drops the promos above it


def strip_furniture(text: str) -> str:
    """The article's headline and body, without the page furniture around them.

    Paragraph breaks are kept; lines of furniture are removed whole.
    """
    text = _after_skip_link("\n" + text)
    text = _without_marked_lines(text)
    text = _without_prompts(text)
    text = _TICKER_LINE.sub("", _FURNITURE_LINE.sub("", text))
    while end := _END_OF_ARTICLE.search(text):
        if end.start() >= _MIN_BODY:
            text = text[: end.start()]
            break
        text = text[: end.start()] + text[end.end() :]  # a heading above the body: drop it
    return _BLANK_RUNS.sub("\n\n", text).strip("\n")


def _after_skip_link(text: str) -> str:
    """The text after an early "Skip to content" line: promos and menus come before it."""
    found = text.lower().find("skip to", 0, _HEAD)
    if found < 0:
        return text
    line_end = text.find("\n", found)
    line = text[text.rfind("\n", 0, found) + 1 : line_end if line_end >= 0 else None]
    if _FURNITURE_LINE.fullmatch("\n" + line.strip()):
        return "\n" + text[line_end + 1 :] if line_end >= 0 else ""
    return text


def _without_marked_lines(text: str) -> str:
    """The text without the lines that contain a byline, footer or share-count marker."""
    lower = text.lower()
    if not any(marker in lower for marker in _LINE_MARKERS):
        return text
    lines = text.split("\n")
    return "\n".join(
        line for line in lines if not any(marker in line.lower() for marker in _LINE_MARKERS)
    )


def is_prompt(line: str) -> bool:
    """Whether a line is a subscription, paywall or donation prompt: short, no speech verb, and
    one of its parts opens with a prompt phrase ("Sign in | Subscribe for 2 euros a week")."""
    return (len(line.split()) <= PROMPT_MAX_WORDS and _PROMPT_PART.search(line.strip()) is not None
            and not _SPEECH.search(line))


def _without_prompts(text: str) -> str:
    """The text without its prompt lines (a cheap test first: most lines hold no prompt word)."""
    lines = text.split("\n")
    kept = [line for line in lines if not is_prompt(line)]
    return text if len(kept) == len(lines) else "\n".join(kept)


def is_furniture(line: str) -> bool:
    """Whether one line, alone, is page furniture (a menu, prompt, teaser, ticker or footer)."""
    return not strip_furniture(line).strip()
