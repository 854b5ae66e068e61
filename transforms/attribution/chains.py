"""The chain behind a figure within its own sentence: claimant first, then who relays it.

The chain is ordered innermost first: a person who speaks beats the body they cite ("Medvedev,
citing Defence Ministry data"); a source cited by another beats the citer; the speaker embedded
in a sentence beats the one wrapping it (", CNN said"); whoever quotes, relays or reports someone
else's words is the via. Inside a quotation, the quotation's speaker wraps whatever it quotes.
"""

from __future__ import annotations

import re

from transforms.attribution.reading import MEDIA_KINDS, Cue, Reading, quote_of
from transforms.attribution.sources import SourceIndex, is_person
from transforms.sentences import Sentence, sentence_at

CLAUSE_BREAK = re.compile(r",\s+(?:while|but|whereas|although|though)\b|;")


def distance(cue: Cue, start: int, end: int) -> int:
    if cue.end <= start:
        return start - cue.end
    if cue.start >= end:
        return cue.start - end
    return 0


def nearest(cues: list[Cue], start: int, end: int) -> Cue | None:
    return min(cues, key=lambda c: distance(c, start, end)) if cues else None


def claimant_cue(cues: list[Cue], start: int, end: int) -> Cue | None:
    """The innermost source in the chain: a person speaking, else the one cited, else the
    speaker embedded in the sentence over the one that wraps it, else any."""
    speakers = [c for c in cues if c.role in ("speaker", "action")]
    for group in (
        [c for c in speakers if is_person(c.name)],
        [c for c in cues if c.role == "cited"],
        [c for c in speakers if not c.final],
        speakers,
        [c for c in cues if c.role == "relay"],
        [c for c in cues if c.role == "data"],
    ):
        if group:
            return nearest(group, start, end)
    return None


def via_cue(cues: list[Cue], claimant: Cue, index: SourceIndex, sent: Sentence) -> Cue | None:
    """Who relays the claimant's figure: a relay; whoever cites the claimant; a cited news
    outlet; or an outlet whose attribution wraps the sentence ("..., according to TASS")."""
    rest = [c for c in cues if c.name != claimant.name]
    for group in (
        [c for c in rest if c.role == "relay"],
        [c for c in rest if c.role == "speaker"] if claimant.role == "cited" else [],
        [c for c in rest if c.role == "cited" and index.kind(c.name) in MEDIA_KINDS],
        [c for c in rest if c.role == "speaker" and index.kind(c.name) in MEDIA_KINDS
         and (c.final or c.start <= sent.start + 2)],
    ):
        if group:
            return group[0]
    return None


def applicable(cues: list[Cue], start: int, end: int, text: str) -> list[Cue]:
    """Cues that cover a figure: actions only within their own clause; a speaker after the
    figure only if it closes the sentence or no clause break ("..., while X said") intervenes."""
    kept = []
    for c in cues:
        if c.role == "action" and not c.start <= start < c.scope_end:
            continue
        if c.start >= end and not c.final and CLAUSE_BREAK.search(text, end, c.start):
            continue
        kept.append(c)
    return kept

def own_attribution(reading: Reading, text: str, si: int, start: int, end: int,
                    index: SourceIndex, selves: set) -> tuple[str, str | None] | None:
    """(claimant, via) from the figure's own sentence and quotation, or None."""
    sent = reading.sents[si]
    quote = quote_of(reading.quotes, start)
    inside = [c for c in reading.cues[si] if quote and quote[0] <= c.start < quote[1]]
    if quote:
        first, last = sentence_at(reading.sents, quote[0]), sentence_at(reading.sents, quote[1])
        outer = [c for k in range(first, last + 1) for c in reading.cues[k]
                 if not (quote[0] <= c.start < quote[1])]
    else:
        outer = [c for c in reading.cues[si] if not quote_of(reading.quotes, c.start)]
    inner = applicable([c for c in (inside if quote else outer) if c.name not in selves],
                       start, end, text)
    outer = applicable([c for c in outer if c.name not in selves], start, end, text) \
        if quote else []
    if quote and outer:
        inner = [c for c in inner if c.role != "data"]
    first = claimant_cue(inner, start, end)
    wrap = claimant_cue(outer, start, end)
    if first is None and wrap is None:
        return None
    if first is None:
        first, inner = wrap, outer
        wrap = None
    via = wrap if wrap and wrap.name != first.name else via_cue(inner, first, index, sent)
    return first.name, via.name if via else None


def sentence_attribution(reading: Reading, text: str, si: int, index: SourceIndex, selves: set):
    """The attribution a whole sentence carries (read at its end), or None."""
    sent = reading.sents[si]
    if not reading.cues[si] and not quote_of(reading.quotes, sent.end - 1):
        return None
    return own_attribution(reading, text, si, sent.end - 1, sent.end, index, selves)
