"""Source references in an article: registry aliases, people's names and back-references.

A figure's claimant is often named far from it: "the ministry said", "he added", "according to
her", "the report said". References are found once per article; back-references are resolved
later, in reading order, against the sources already named (see `transforms.attribution`).
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from transforms.sources import SourceIndex, is_person, lower_same_length

NAMED, PERSON, MINISTRY, ORG, WE = "named", "person", "ministry", "org", "we"

# matched against the lower-cased text; the look-ahead lets the scan skip most positions
BACKREF = re.compile(
    r"(?=[hsaitdmowe])\b(?:(?P<person>(?:he|she|him)\b|(?<=\bin\s)(?:his|her)(?=\s+words)"
    r"|(?<=\baccording\sto\s)(?:her|his)\b"
    r"|the\s+(?:kremlin\s+leader|(?:deputy\s+|vice\s+|prime\s+|foreign\s+|defen[cs]e\s+)*"
    r"(?:minister|mayor|president|official|spokes(?:man|woman|person)|head|chairman|chief|"
    r"researcher|activist|expert|analyst|dictator|governor|commander|economist|lawmaker|"
    r"ombuds(?:man|woman)|politician|scholar|journalist|general))\b)"
    r"|(?P<ministry>the\s+(?:(?:defen[cs]e|foreign)\s+)?ministry(?:\s+of\s+defen[cs]e)?\b"
    r"|the\s+(?:military\s+)?department\b|the\s+mod\b"
    r"|(?:defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e)\b)"
    r"|(?P<org>the\s+(?:(?:latest|daily|new|weekly|intelligence|british|uk|official|"
    r"military|state-owned|state-backed|state-affiliated|news)\s+){0,2}(?:update|report|"
    r"statement|bulletin|assessment|analysis|study|research|investigation|findings|review|"
    r"survey|briefing|publication|outlet|newspaper|paper|website|site|broadcaster|channel|"
    r"magazine|agency|group|organi[sz]ation|foundation|fund|institute|think\s+tank|service|"
    r"intelligence\s+service|committee|authors|researchers|intelligence)\b"
    r"|(?<=\bto\s)intelligence\b)"
    r"|(?P<we>(?:we|our)\b))"
)
LOWER = "a-zà-öø-ÿāăąćčďēęěğīıłńňōőřśşšţťūůűźżž"
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĒĘĚĞĪŁŃŇŌŐŘŚŞŠŢŤŪŮŰŹŻŽ"
WORD_RX = rf"[{UPPER}][{LOWER}]+(?:[-’'][{UPPER}]?[{LOWER}]+)?"
NAME = re.compile(rf"(?<![\w’'.-]){WORD_RX}(?:[ \t]+(?:{WORD_RX}|[A-Z]\.)){{1,5}}(?![\w-])")
# capitalised words that open a name-like run without being part of a person's name
NAME_PREFIX_TEXT = """
    The A An In On At As By For From Of To With According Meanwhile However But And Since After
    Before When While Last This That Earlier Later Speaking Former Ex Mr Mrs Ms Dr Professor Sir
    President Prime Minister Foreign Defence Defense Deputy Chairman Chairwoman Head Mayor Governor
    General Colonel Major Lieutenant Captain Commander Spokesperson Spokesman Spokeswoman Senator
    Security Council Vice Secretary Chief Ambassador Envoy Ombudsman Director Analyst Researcher
    Activist Journalist Economist Editor Founder Leader Dictator Kremlin Russian Ukrainian British
    American German Indian Kazakh Uzbek Kyrgyz Tajik Cuban Chinese Korean North South French
    Polish Belarusian Georgian Armenian Latvian Estonian Lithuanian Finnish Moscow Kyiv Russia
    Ukraine Human Rights Opposition Independent State Federal Regional Local Military Army
    Investigative Committee Foundation Fund Publication Politician Lawyer Expert Blogger Official
    Officials Also Both Some Many Several Most Quote Source Details Background Read Is Are Was
    Were Has Have Had Will Would Can Could Under Across Over Through Into Photo Photos Image Images
    Video Author Share Advertisement Editor Editors Picks Subscribe Thirty Twenty Forty Fifty
    Indigenous Eastern Western Northern Southern Far Contract Soldiers Second First Third Quarter
    Year Years Ago Signed Contracts Russians Ukrainians Getty File Business Digital Immediate
    Power Within Sitting Please Sign Log Menu Search Home Next Previous Related More"""
NAME_PREFIX = frozenset(NAME_PREFIX_TEXT.split())
NOT_IN_NAME_TEXT = """
    Asia Asian Central Federation Oblast Region Krai Republic Kingdom States Union Forces Army
    Armed Navy Guard Ministry Service Council Committee Office Day War Street Square Sea River
    Mountains Front Line Bank Times Post News Agency January February March April May June July
    August September October November December Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday Telegram Twitter Facebook Instagram TikTok YouTube Storm Wagner Ukraine Russia Moscow
    Kyiv God Christmas Easter Olympic Games Europe European America African Africa"""
NOT_IN_NAME = frozenset(NOT_IN_NAME_TEXT.split())


class Ref(NamedTuple):
    """A reference to a source: its span, its class, and the name when it is explicit."""

    start: int
    end: int
    cls: str
    name: str | None


def person_names(text: str, taken: list[tuple[int, int]]) -> list[Ref]:
    """Unregistered people named in full ("Olga Romanova"), and their later surname mentions."""
    refs, surnames = [], {}
    for m in NAME.finditer(text):
        words = m.group().split()
        skip = 0
        while skip < len(words) and words[skip].rstrip(".") in NAME_PREFIX:
            skip += 1
        words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words[skip:]]
        if not 2 <= len(words) <= 3 or any(w in NOT_IN_NAME or w in NAME_PREFIX for w in words):
            continue
        start = m.end() - len(m.group().split(None, skip)[-1]) if skip else m.start()
        name = " ".join(words)
        if not is_person(name) or overlaps(start, m.end(), taken):
            continue
        refs.append(Ref(start, m.end(), NAMED, name))
        surnames.setdefault(words[-1], name)
    if surnames:
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, surnames)) + r")\b")
        spans = sorted(taken + [(r.start, r.end) for r in refs])
        for m in pattern.finditer(text):
            if not overlaps(m.start(), m.end(), spans):
                refs.append(Ref(m.start(), m.end(), NAMED, surnames[m.group(1)]))
    return refs


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps any of `spans` (sorted, not overlapping each other)."""
    i = bisect.bisect_left(spans, (end,)) - 1
    return i >= 0 and spans[i][1] > start


def references(text: str, index: SourceIndex) -> list[Ref]:
    """Every source reference in `text`, in order, without overlaps (registry names win)."""
    refs = [Ref(m.start, m.end, NAMED, m.name) for m in index.mentions(text)]
    taken = [(r.start, r.end) for r in refs]
    refs += person_names(text, taken)
    taken = sorted((r.start, r.end) for r in refs)
    for m in BACKREF.finditer(lower_same_length(text)):
        if not overlaps(m.start(), m.end(), taken):
            refs.append(Ref(m.start(), m.end(), m.lastgroup, None))
    return sorted(refs)
