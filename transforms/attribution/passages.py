"""The source of a passage, for sentences that name none of their own.

News reports run one source over several sentences ("the ministry said ... It also noted ...")
and close paragraphs with "..., according to X". A sentence without attribution takes, in order:
the previous attribution in its paragraph, a closing attribution later in the paragraph, a
non-person source whose report runs on from the previous paragraph, the same source on both
sides, the article's declared source ("Source: X"); else the outlet states it on its own account.
"""

from __future__ import annotations

import re

from transforms.attribution.reading import MEDIA_KINDS, Reading
from transforms.attribution.sources import SourceIndex, is_person
from transforms.model import Figure
from transforms.sentences import Sentence

SANDWICH = 7  # sentences: how far apart the same source may frame an unattributed passage
PROSE_WORDS = 12
CAPTION = re.compile(r"\b(?:Photo|Image|Illustration|Credit|Video)\s*:|Getty\s+Images|/\s*AFP\b")
ANAPHORA = re.compile(r"\b(?:this|that|the)\s+(?:figure|number|estimate)s?\b|\bthese\s+"
                      r"(?:figures|numbers|estimates)\b", re.I)
OWN_COMMENT = re.compile(r"(?:This|That|It)\s+(?:marks|represents|is|was|means|amounts|"
                         r"corresponds|equals|exceeds)\b")


LEAD_SENTENCES = 4  # how early the body whose report the article retells must be named
LEAD_KINDS = ("government", "military")


def passage_attribution(reading: Reading, text: str, si: int, atts: list, own: list,
                        has_figures: set, outlet: str | None,
                        lead: str | None = None) -> tuple[str | None, str | None]:
    """For a sentence with no attribution of its own: the source of the passage around it."""
    sents = reading.sents
    para = sents[si].paragraph
    if si in reading.labels:
        return reading.labels[si], None
    for j in range(si - 1, -1, -1):  # earlier in the same paragraph
        if sents[j].paragraph != para:
            break
        if atts[j]:
            return atts[j]
    for j in range(si + 1, len(sents)):  # "..., according to X." closing the paragraph
        if sents[j].paragraph != para:
            break
        if own[j]:
            if text[sents[j].start] not in "“\"«" and any(
                c.name == own[j][0] and c.end >= sents[j].end - 30 for c in reading.cues[j]
            ):
                return own[j]
            break
    prose = 0
    anaphora = ANAPHORA.search(text, sents[si].start, sents[si].end)
    for j in range(si - 1, -1, -1):  # a body's report running on from the previous paragraph
        if sents[j].paragraph != sents[j + 1].paragraph and is_prose(text, sents[j]):
            prose += 1
        if prose > 1:
            break
        if j in has_figures and atts[j]:
            if atts[j][0] != outlet and anaphora:
                return atts[j]
            break
    before = next((atts[j] for j in range(si - 1, max(-1, si - SANDWICH), -1)
                   if atts[j] and atts[j][0] != outlet), None)
    after = next((own[j] for j in range(si + 1, min(len(sents), si + SANDWICH)) if own[j]), None)
    if before and after and before[0] == after[0] and before[0] != outlet:
        return before
    if reading.relay:
        return reading.relay, None
    return lead or outlet, None


def lead_source(reading: Reading, text: str, own: list, index: SourceIndex) -> str | None:
    """The official body whose report the article retells, if it does: named as the source of
    one of the article's first sentences and again later. Its figures then run through sentences
    that do not name it again ("Russia put up adverts offering ..."), as news reports of a
    ministry's bulletin do."""
    prose = [si for si, sent in enumerate(reading.sents) if is_prose(text, sent)]
    first = next((own[si][0] for si in prose[:LEAD_SENTENCES] if own[si]), None)
    if first is None or index.kind(first) not in LEAD_KINDS or is_person(first):
        return None
    named = sum(1 for att in own if att and att[0] == first)
    return first if named >= 2 else None


def is_prose(text: str, sent: Sentence) -> bool:
    """Whether a sentence is running text, not a caption, credit or menu line."""
    line_end = text.find("\n", sent.start)
    line = text[sent.start:line_end if line_end >= 0 else len(text)]
    return len(text[sent.start:sent.end].split()) >= PROSE_WORDS and not CAPTION.search(line)


def lead_relay(reading: Reading, own: list, index: SourceIndex, selves: set) -> str | None:
    """The outlet an article retells: "Source: X", or the relay of its first attribution."""
    if reading.relay:
        return reading.relay
    si = next((si for si, att in enumerate(own) if att), None)
    if si is None or not own[si][1] or own[si][1] in selves:
        return None
    via, sent = own[si][1], reading.sents[si]
    stated = any(c.name == via and c.start < sent.end for c in reading.cues[si])
    return via if stated and index.kind(via) in MEDIA_KINDS else None

def passage_via(reading: Reading, own: list, si: int, claimant: str | None,
                index: SourceIndex) -> str | None:
    """A news outlet whose report frames the sentence on both sides ("the report added" ...
    "CNN said") relays what the sentence attributes to someone else."""
    def outer(j: int) -> str | None:
        return own[j][1] or own[j][0]
    before = next((outer(j) for j in range(si - 1, max(-1, si - SANDWICH), -1) if own[j]), None)
    after = next((outer(j) for j in range(si + 1, min(len(own), si + SANDWICH)) if own[j]), None)
    if before and before == after and before != claimant and index.kind(before) == "media":
        return before
    return None


def in_brackets(text: str, sent_start: int, pos: int) -> bool:
    before = text[sent_start:pos]
    return before.rfind("[") > before.rfind("]")


def same_amount(a: Figure, b: Figure) -> bool:
    values = {v for v in (b.value, b.alt_value) if v is not None}
    if a.value is not None:
        return a.value in values
    return a.value_low is not None and (a.value_low, a.value_high) == (
        b.value_low, b.value_high)


def headline_fix(figures: list[Figure], fig_sent: list[int], reading: Reading, out: list,
                 outlet: str | None) -> list:
    """A headline figure without attribution takes that of the same amount in the body."""
    first = next((si for si, cues in enumerate(reading.cues) if cues), len(reading.sents))
    fixed = list(out)
    for i, (fig, si) in enumerate(zip(figures, fig_sent, strict=True)):
        if si >= first or out[i][0] != outlet:
            continue
        for j, other in enumerate(figures):
            if fig_sent[j] > si and out[j][0] != outlet and same_amount(fig, other):
                fixed[i] = out[j]
                break
    return fixed
