"""One reading of an article: sentences, resolved source references, cues and quotations.

References are resolved in reading order, the way a reader does: "the ministry said" means the
ministry last attributed or named; "he added" the person speaking in this or the last sentence.
Cue patterns (`transforms.attribution.frames`) run once over the masked article; this module ties each cue to
a name and collects what the article says about its own sources ("Source: RIA Novosti").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Set as AbstractSet
from typing import NamedTuple

from transforms.attribution.frames import frames
from transforms.attribution.lexicon import (
    APPOSITION_HEADS,
    AUDIENCE_NOUNS,
    BACK_HEADS,
    BACKWARD_MAKING,
    BACKWARD_RECORDS,
    COMPANY_HEADS,
    CORPORATE_SUFFIXES,
    DESCRIPTION_NOUNS,
    DOCUMENT_NOUNS,
    DOCUMENT_SPEAKERS,
    HONORIFICS,
    INSTITUTION_NAMES,
    LONE_MASTHEADS,
    MEDIA_NOUNS,
    ORG_HEADS,
    PUBLISH_VERBS,
    RECORD_GROUPS,
    RECORD_REFERENCE_HEADS,
    SPOKES_WORDS,
    STAFF_NOUNS,
    STATE_HEADS,
    STUDY_HEADS,
    STUDY_KINDS,
    STUDY_NOUNS,
    THAT_OPENS,
    UNNAMED_MARKS,
    singular,
)
from transforms.attribution.references import (
    DOCUMENT,
    GOVERNMENT_PLACES,
    MINISTRY,
    NAMED,
    NOT_OWNER,
    ORG,
    PERSON,
    SINGULAR_HIT,
    SUBJECT_GROUP,
    SUBJECT_SURNAME,
    THEY,
    WE,
    Ref,
    gerund_opening,
    is_generic,
    minister_ministry,
    ministry_function,
    not_one_word_name,
    references,
    titled_surname,
)
from transforms.attribution.sources import SourceIndex, is_person, lower_same_length
from transforms.declarations.words import WORD_START_BEHIND, letter_led
from transforms.sentences import Sentence, sentences

# "the Ministry of Defence" with no ministry named before it is the one of the article's own
# country: the outlet's (registry country, else its domain's country code), else the country
# the article's registered sources mostly belong to; the topic's ministry when nothing says.
DEFAULT_MINISTRY = "Russian Ministry of Defence"
DOMAIN_COUNTRIES = {"uk": "GB", "ru": "RU", "ua": "UA", "by": "BY", "kz": "KZ", "in": "IN",
                    "np": "NP", "au": "AU", "ca": "CA", "de": "DE", "fr": "FR", "pl": "PL",
                    "ge": "GE", "am": "AM", "lt": "LT", "lv": "LV", "ee": "EE", "fi": "FI"}
QUOTES = re.compile(r"“[^“”]*(?:”|$)|\"[^\"\n]*\"", re.M)
# "This was reported by X", "The figures were calculated by X", "X said so": a sentence that
# points back to the one before it; each of its words after what stands before it
SENTENCE_START_BEHIND = r"(?:(?<=^.)|(?<=[.!?”\"]\s.)|(?<=\n.))"  # (read after the first letter)
AFTER_SOURCE_BEHIND = r"(?<=⟧\s.)"  # a word right after a source (read after its first letter)
BACKWARD_WORDS = (
    (("this", "it"), SENTENCE_START_BEHIND,
     r"\s+(?:follows\s+from|was\s+(?:reported|stated|announced)|is\s+(?:stated|reported))\b"),
    # "The figures were calculated by X": the figures of the sentence before are X's
    (("the", "these", "those", "this", "that"), SENTENCE_START_BEHIND,
     r"\s+(?:" + "|".join(BACKWARD_RECORDS) + r")\s+(?:was|were|has\s+been|have\s+been)\s+(?:"
     + "|".join(BACKWARD_MAKING) + r")\s+by\b"),
    (("said", "reported", "stated", "wrote", "announced", "told", "noted", "writes", "reports"),
     WORD_START_BEHIND, r"\s+(?:this|so)\b"),
    # "The paper cited US officials.": whom the report before it drew on, and no figure here
    (("cited", "quoted"), AFTER_SOURCE_BEHIND, r"\s+⟦\d+⟧[^\d⟦]*$"),
)
# matched against the lower-cased, masked sentence; led by the words' first letters (a search
# skips to them: a pattern led by a look-behind is tried at every position)
BACKWARD = re.compile(letter_led(BACKWARD_WORDS))
ISSUED = re.compile(r"\b(?:" + "|".join(DOCUMENT_NOUNS) + r")\b|\binto\s+law\b", re.I)
# "Senator Holt released a report": a person who puts out a record of no other maker
PUBLISHED_RECORD = re.compile(
    r"\s+(?:has\s+|had\s+)?(?:" + "|".join(PUBLISH_VERBS) + r")\s+(?:an?|the|his|her|their)\s+"
    r"(?:[a-z-]+\s+){0,2}?(?:" + "|".join(DOCUMENT_SPEAKERS) + r")\b(?!\s+(?:by|from|of)\b)")
# what stands for a record's maker: "It found", "The report says"
RECORD_BACKREFS = frozenset(("it", *RECORD_REFERENCE_HEADS))
SOURCE_LINE = re.compile(r"(?:Source|Sources|Via)\s*:", re.I)
BACKGROUND_LINE = re.compile(r"(?:Background|Reminder|Context|Earlier|Read\s+more)\s*:", re.I)
LABEL_LINE = re.compile(r"([A-Z][\w.’' -]{1,40}):\s+\S")
MEDIA_KINDS = ("media", "outlet")
STATE_KINDS = ("government", "military", "official")  # the registry's kinds of the state
TOLD_WORDS = re.compile(r"(?i:told|spoke\s+(?:to|on)|speaking\s+(?:to|on)|appearing\s+on|said\s+to"
                        r"|addressed)\b")


class Cue(NamedTuple):
    """An attribution frame with its source's name resolved and offsets in the article."""

    name: str
    role: str
    start: int
    end: int
    research: bool
    final: bool
    scope_end: int
    pronoun: bool = False    # named by a back-reference ("he", "the ministry"), resolved
    possessive: bool = False  # "X's estimate of ..."
    source: tuple[int, int] = (0, 0)  # where the source is named: "Two economists" in "Two
    # economists say" (a figure there describes the source: the writer's)
    insiders: str = ""  # "Kremlin sources said": named at last as "Kremlin sources"


class Reading(NamedTuple):
    """What one pass over an article learns: sentences, their cues, quotations, context."""

    sents: list[Sentence]
    cues: list[list[Cue]]
    quotes: list[tuple[int, int]]
    relay: str | None          # "Source: X": the article retells X
    relay_end: int             # where a "Background:" section ends that retelling
    labels: dict[int, str]     # interview turns: sentence index -> speaker of its line
    named: list[list[tuple[str, int]]]  # per sentence: the sources it names, and where
    relay_line: str | None     # the "Source: X" line as written

def article_country(outlet: str | None, refs: list[Ref], index: SourceIndex,
                    lead: str = "") -> str | None:
    """The country an article speaks from: its outlet's, else the one its headline and lead
    name most ("Cuba arrests 17 ... Cuban authorities"), else its named sources' majority."""
    source = index.sources.get(index.canonical(outlet) or "")
    if source and source.country:
        return source.country
    tld = (outlet or "").rsplit(".", 1)[-1].lower()
    if tld in DOMAIN_COUNTRIES:
        return DOMAIN_COUNTRIES[tld]
    named = lead_country(lead)
    if named:
        return named
    counts: dict[str, int] = {}
    for ref in refs:
        named = index.sources.get(ref.name or "")
        if named and named.country:
            counts[named.country] = counts.get(named.country, 0) + 1
    return max(sorted(counts), key=counts.get) if counts else None


# ISO code: country as news names it (other names after |), adjective, capital (its spellings
# split by |); for naming an unregistered ministry and for the country of "the Ministry of
# Defence in London"
COUNTRIES_TEXT = """
    GB:UK|Britain:British:London RU:Russia:Russian:Moscow UA:Ukraine:Ukrainian:Kyiv|Kiev
    BY:Belarus:Belarusian:Minsk KZ:Kazakhstan:Kazakh:Astana IN:India:Indian:Delhi
    NP:Nepal:Nepali:Kathmandu GE:Georgia:Georgian:Tbilisi AM:Armenia:Armenian:Yerevan
    US:US|United_States:US:Washington FI:Finland:Finnish:Helsinki PL:Poland:Polish:Warsaw
    DE:Germany:German:Berlin FR:France:French:Paris LT:Lithuania:Lithuanian:Vilnius
    LV:Latvia:Latvian:Riga EE:Estonia:Estonian:Tallinn AU:Australia:Australian:Canberra
    CA:Canada:Canadian:Ottawa CU:Cuba:Cuban:Havana SY:Syria:Syrian:Damascus
    KP:North_Korea:North_Korean:Pyongyang CN:China:Chinese:Beijing UZ:Uzbekistan:Uzbek:Tashkent
    KG:Kyrgyzstan:Kyrgyz:Bishkek TJ:Tajikistan:Tajik:Dushanbe LK:Sri_Lanka:Sri_Lankan:Colombo
    KR:South_Korea:South_Korean:Seoul"""
COUNTRIES = {c: (n.split("|")[0].replace("_", " "), a.replace("_", " "))
             for c, n, a, _ in (x.split(":") for x in COUNTRIES_TEXT.split())}
OTHER_NAMES = {other.replace("_", " "): c for c, n, _, _ in (x.split(":") for x in COUNTRIES_TEXT.split())
               for other in n.split("|")[1:]}
CAPITAL_COUNTRIES = {capital: c for c, _, _, capitals in (x.split(":") for x in COUNTRIES_TEXT.split())
                     for capital in capitals.split("|")}
IN_CAPITAL = re.compile(r"\s+in\s+(" + "|".join(CAPITAL_COUNTRIES) + r")\b")
_COUNTRY_WORDS = {w: c for c, (n, a) in COUNTRIES.items() for w in (n, a, a + "s")} | OTHER_NAMES
COUNTRY_WORD = re.compile(r"(?<![\w.])(" + "|".join(sorted(map(re.escape, _COUNTRY_WORDS), key=len,
                                                            reverse=True)) + r")(?![\w])")
LEAD_SENTENCES = 3  # a headline, a standfirst and the first sentence


def lead_country(lead: str) -> str | None:
    """The country the lead names most (the first named on a tie), if any."""
    counts: dict[str, int] = {}
    for m in COUNTRY_WORD.finditer(lead):
        code = _COUNTRY_WORDS[m.group(1)]
        counts[code] = counts.get(code, 0) + 1
    if not counts:
        return None
    return max(counts, key=counts.get)  # dicts keep the order first named


def place_government(place: str, refs: list[Ref], at: int, index: SourceIndex) -> str:
    """Who a country or capital that speaks stands for: the registered government body of that
    country the article names, the nearest one before the place, else the first after ("Seoul
    says 3,000 ..." over a story of South Korea's spy agency); else the place as written."""
    code = CAPITAL_COUNTRIES.get(place) or _COUNTRY_WORDS.get(place)
    bodies = [(k, x.name) for k, x in enumerate(refs) if x.cls == NAMED and x.name != place
              and (src := index.sources.get(x.name or "")) is not None and src.country == code
              and src.kind in ("government", "military")] if code else []
    before = [name for k, name in bodies if k < at]
    return before[-1] if before else bodies[0][1] if bodies else place


def country_ministry(country: str | None, function: str, index: SourceIndex) -> str | None:
    """The ministry with that function of the article's country: the registry's, else named
    the way news names it ("Nepal's Foreign Ministry", "the French Defence Ministry"); with no
    country known, the topic's ministry for defence, else the ministry as the article names it."""
    function = function or "defence"
    for source in index.sources.values():
        if (source.country == country and source.kind in ("government", "military")
                and "Ministry" in source.name and ministry_function(source.name) == function):
            return source.name
    if country not in COUNTRIES:
        if function == "defence":
            return DEFAULT_MINISTRY
        return index.canonical(f"{function.capitalize()} Ministry") or f"{function.capitalize()} Ministry"
    name, adjective = COUNTRIES[country]
    title = function.capitalize()
    return (index.canonical(f"{adjective} {title} Ministry")
            or index.canonical(f"{name}'s {title} Ministry") or f"{name}'s {title} Ministry")


PRONOUNS = ("he", "she", "him", "his", "her")  # a person back-reference without a title
LOOKBACK = 200  # sources named or cued: how far back a back-reference is looked up


def description_words(text: str, ref: Ref) -> list[str]:
    """The words a name was described by where it was named: inside its reference ("the
    newspaper Izvestia") or in an apposition just before it ("a war monitor, the Syrian
    Observatory, said"), so that "the monitor" later stands for it."""
    at = text.find(ref.name or "", ref.start, ref.end) if ref.name else -1
    inside = WORDS_OF.findall(text, ref.start, at) if at > ref.start else []
    before = DESCRIBED_BEFORE.search(text, max(0, ref.start - 60), ref.start)
    return inside + ([before.group(1)] if before else [])


WORDS_OF = re.compile(r"\b[a-z][a-z-]+\b")
DESCRIBED_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?:[\w’'-]+\s+){0,3}?(" + "|".join(
    APPOSITION_HEADS) + r"),\s*$")


def resolve(ref: Ref, si: int, seen: list[tuple[int, str]], spoken: list[tuple[int, str]],
            researched: list[str], later: list[str], country: str | None,
            index: SourceIndex, titled: AbstractSet[str] = frozenset(),
            heads: dict[str, set[str]] | None = None,
            groups: list[tuple[int, str]] | None = None,
            openers: list[tuple[int, str]] | None = None) -> str | None:
    """The name a reference stands for. Explicit names stand for themselves; back-references
    take the nearest fitting source: one speaking in this or the previous sentence, one named
    there, then any attributed earlier, then any named earlier. `heads`: the words each name
    was described by where it was named ("a war monitor, the Syrian Observatory")."""
    if ref.cls == NAMED:
        if " " not in ref.name and is_generic(ref.name):  # "the officials said": US officials
            return next((n for _, n in reversed(seen[-LOOKBACK:])
                         if n != ref.name and n.lower().endswith(" " + ref.name.lower())), ref.name)
        return ref.name
    if ref.cls == WE:  # "we counted": the body whose research the article reprints, if named
        return next((n for n in reversed(researched) if not is_generic(n)), None)
    # (the bodies that have spoken, for a back-reference by a body's head only)
    spoken_names = {n for _, n in spoken[-LOOKBACK:]} if ref.cls == ORG else frozenset()
    tests = {
        # "the official said": a person, else the one described so ("a senior official")
        # (a person only described, "the senator", is no one "the governor" stands for)
        PERSON: [lambda n: is_person(n) or (n in titled and (
                     ref.name in PRONOUNS or not n[:1].islower()
                     or n.rsplit(None, 1)[-1] == ref.name)),
                 lambda n: n.rsplit(None, 1)[-1] == ref.name and n != ref.name],
        # (not its people described, "ministry sources": the ministry itself)
        MINISTRY: [lambda n: ("Ministry" in n or "Department" in n) and not is_generic(n) and (
            not ref.name or ministry_function(n) in ("", ref.name))],
        # "the Observatory": a body with that word in its name first; "the paper": an outlet;
        # then any body
        # (one with words of its own, "the election commission", only a body so named)
        # (not the word alone, which names no one: "a war monitor said ... the monitor said"
        # is the body that has spoken between, if one has; see the last test)
        ORG: [lambda n: n.lower() != ref.name and (ref.name in n.lower().split()
                                                  or ref.name in (heads or {}).get(n, ())),
              *([lambda n: index.kind(n) in MEDIA_KINDS] if ref.name in MEDIA_NOUNS + STAFF_NOUNS
                else []),
              # (a court, a ministry or a fund is no outlet: "local media ... the court found")
              # (by a head such as "the monitor", only a body that has spoken: one merely
              # named, "links to the Kremlin", is no monitor)
              *([] if qualified(ref) and ref.name not in COMPANY_HEADS
                # (never one described person, "a senior official": no body "the report" is)
                # (nor, for "the government", any body not of the state)
                else [lambda n: not is_person(n) and n.rsplit(None, 1)[-1] not in SINGULAR_HIT
                      and (ref.name not in STATE_HEADS or index.kind(n) in STATE_KINDS) and (
                    ref.name not in BACK_HEADS or ref.name in MEDIA_NOUNS
                    or (not is_media(n, index) and n in spoken_names)
                    # ("shares of X fell after the carrier said": a company merely named)
                    or (ref.name in COMPANY_HEADS and not is_media(n, index)
                        and index.kind(n) not in STATE_KINDS and not is_generic(n)))
                    # ("the union said ... The company put it at 450": not the union)
                    and not (ref.name in COMPANY_HEADS and other_body(n))])],
        # "they": people named together, or a described group, from close by only
        THEY: [lambda n: " and " in n or is_generic(n)],
    }[ref.cls]
    # people are taken up from close by, and so is the body "a spokeswoman" speaks for: the one
    # just named ("The commissariat declined to comment. A spokeswoman said ...")
    close = ref.cls in (PERSON, THEY) or (ref.cls == ORG and (ref.name or "").startswith("spokes"))
    recent = si - 1 if close else si + 1
    pools = ((spoken, recent), (seen, recent)) if ref.cls == THEY else (
        (spoken, recent), (seen, recent), (spoken, 0), (seen, 0))
    for test in tests:
        for pool, since in pools:
            for k, name in reversed(pool[-LOOKBACK:]):  # bounded: a long text stays linear
                if k < since:
                    break
                if test(name):
                    return name
    if ref.cls == THEY:  # a described group that opened this sentence or the one before
        return next((n for k, n in reversed(groups or []) if k >= si - 1), None)
    if ref.cls == PERSON and ref.name in PRONOUNS:  # a lone name that opened one of them
        return next((n for k, n in reversed(openers or []) if k >= si - 1), None)
    if ref.cls == MINISTRY:
        return country_ministry(country, ref.name or "", index)
    if ref.cls == ORG:  # "as described by the publication. Meduza."
        return next((n for n in later if tests[-1](n)), None)
    return None


def other_body(name: str) -> bool:
    """A name headed by a word for a body that is no company: "the Finchport Dockers Union" or
    "the Harlow Press Council" is not what "the company" later stands for (where "Harlow
    Shipping Co", "Finch Motors" or "Deutsche Bank" may be)."""
    head = name.rsplit(None, 1)[-1]
    return (head in ORG_HEADS or head.lower() in BACK_HEADS) and (
        head.lower() not in COMPANY_HEADS and head not in CORPORATE_SUFFIXES)


DEFINITE = re.compile(r"(?i:the|its|their|these|both|the\s+two|the\s+three)\s+$")


def study_people(name: str, index: SourceIndex) -> bool:
    """Whether a named source can be the people of a study: people, or a body that studies."""
    if is_person(name) or (" and " in name and all(map(is_person, name.split(" and ")))):
        return True
    return index.kind(name) in STUDY_KINDS or name.rsplit(None, 1)[-1] in STUDY_HEADS


def staff_referent(ref: Ref, text: str, si: int, seen: list[tuple[int, str]],
                   spoken: list[tuple[int, str]], relay: str | None,
                   index: SourceIndex) -> str | None:
    """Whom a description of an outlet's or a study's people stands for, once the text has
    named them: "journalists counted" (any determiner) is the outlet of the article's source
    line, else the one named before; "the researchers estimate" the people or institute of
    the study named before. None when nothing fitting is named: the description stands."""
    noun = (ref.name or "").lower()
    if ref.cls in (NAMED, ORG) and noun in STAFF_NOUNS:
        fits = lambda n: index.kind(n) in MEDIA_KINDS and not is_generic(n)  # noqa: E731
        if relay and fits(relay):
            return relay
    elif noun in STUDY_NOUNS and (ref.cls == ORG or DEFINITE.search(text, 0, ref.start)
                                  or DEFINITE.match(text[ref.start:ref.end] + " ")):
        fits = lambda n: not is_generic(n) and study_people(n, index)  # noqa: E731
    else:
        return None
    for pool, since in ((seen, si - 1), (spoken, 0), (seen, 0)):
        for k, name in reversed(pool[-LOOKBACK:]):
            if k < since:
                break
            if fits(name):
                return name
    return None


def masked(text: str, refs: list[Ref]) -> tuple[str, list[int]]:
    """The article lower-cased with each reference replaced by ⟦i⟧, and a map from its
    offsets back to the article's."""
    pieces, to_orig, pos = [], [], 0
    for i, ref in enumerate(refs):
        pieces.append(text[pos:ref.start])
        to_orig.extend(range(pos, ref.start))
        token = f"⟦{i}⟧"
        pieces.append(token)
        to_orig.extend([ref.start] * (len(token) - 1) + [ref.end - 1])
        pos = ref.end
    pieces.append(text[pos:])
    to_orig.extend(range(pos, len(text) + 1))
    return lower_same_length("".join(pieces)), to_orig


def masked_bounds(sents: list[Sentence], refs: list[Ref]) -> list[tuple[int, int]]:
    """Sentence spans in masked offsets."""
    shift, r, bounds = 0, 0, []
    for sent in sents:
        for edge in (sent.start, sent.end):
            while r < len(refs) and refs[r].end <= edge:
                shift += len(f"⟦{r}⟧") - (refs[r].end - refs[r].start)
                r += 1
            bounds.append(edge + shift)
    return list(zip(bounds[::2], bounds[1::2], strict=True))


def own_masthead(refs: list[Ref], outlet: str | None) -> list[Ref]:
    """"told the Post" in the Kathmandu Post's own article: a lone masthead whose word the
    outlet's host holds is the outlet itself."""
    host = (outlet or "").lower()
    return [r._replace(name=outlet) if r.cls == NAMED and host and r.name.startswith("The ")
            and r.name[4:] in LONE_MASTHEADS and r.name[4:].lower() in host else r
            for r in refs]


def read(text: str, index: SourceIndex, outlet: str | None) -> Reading:
    """One pass over the article: resolve references and collect each sentence's cues."""
    sents = sentences(text)
    quotes = [m.span() for m in QUOTES.finditer(text)]
    refs = own_masthead(references(text, index), outlet)
    lead_end = sents[min(LEAD_SENTENCES, len(sents)) - 1].end if sents else 0
    country = article_country(outlet, refs, index, text[:lead_end])
    # people "he" and "she" may stand for besides full names: "Mr. Obama ... he said", and a
    # person described, not named ("The governor spoke ... He said")
    people = {x.name for x in refs if x.cls == NAMED and x.name and " " not in x.name
              and titled_surname(text, x.start, x.end)}
    doc, to_orig = masked(text, refs)
    bounds = masked_bounds(sents, refs)
    found = frames(doc, to_orig, bounds, frozenset(
        i for i, x in enumerate(refs) if x.cls == NAMED and x.name and is_person(x.name)))
    seen: list[tuple[int, str]] = []
    spoken: list[tuple[int, str]] = []
    researched: list[str] = []
    issued: list[str] = []  # who issued the documents named so far ("Putin signed a decree")
    publishers: list[tuple[int, str]] = []  # people who put out a record ("Holt released a report")
    names: list[str | None] = [None] * len(refs)
    all_cues: list[list[Cue]] = []
    relay, relay_end, labels = None, len(text), {}
    named: list[list[tuple[str, int]]] = []
    relay_line = None
    pairs = counted_pairs(refs, text)
    heads: dict[str, set[str]] = {}
    groups: list[tuple[int, str]] = []  # described groups that open their sentence
    openers: list[tuple[int, str]] = []  # lone names that open their sentence ("Reyes spoke")
    r = 0
    for si, sent in enumerate(sents):
        while r < len(refs) and refs[r].start < sent.start:
            r += 1
        first = r
        while r < len(refs) and refs[r].end <= sent.end:
            r += 1
        later = [x.name for x in refs[first:r] if x.cls == NAMED]
        if group := SUBJECT_GROUP.match(text, sent.start):  # ("Many economists": economists)
            words = group.group(1).split()
            groups.append((si, " ".join(words[1:] if words[0] in NOT_OWNER else words)))
        elif (lone := SUBJECT_SURNAME.match(text, sent.start)) and not (
                first < r and refs[first].start <= lone.start(1)) and not not_one_word_name(
                lone.group(1), text) and not gerund_opening(lone.group(1), text, lone.start(1)):
            openers.append((si, lone.group(1)))
        if SOURCE_LINE.match(text, sent.start) and relay is None and later:
            relay, relay_line = later[0], " ".join(text[sent.start:sent.end].split())
        for k in range(first, r):
            if refs[k].cls == WE and quote_of(quotes, refs[k].start):
                continue  # "we" in a quotation is its speaker, named by the quotation's cue
            where = IN_CAPITAL.match(text, refs[k].end) if refs[k].cls == MINISTRY else None
            if refs[k].cls == DOCUMENT:
                names[k] = issued[-1] if issued else None
                continue
            name = publisher(refs[k], si, publishers) or pairs.get(k) or subject_it(
                refs, names, first, k, text, sent.start, index) or apposed(
                refs, k, r, text) or staff_referent(
                refs[k], text, si, seen, spoken, relay, index) or resolve(
                refs[k], si, seen, spoken, researched, later,
                CAPITAL_COUNTRIES[where.group(1)] if where else country, index, people, heads,
                groups, openers)
            if name is None and (refs[k].cls == ORG and refs[k].name in BACK_HEADS + DOCUMENT_SPEAKERS or (
                    refs[k].cls == PERSON and refs[k].name not in PRONOUNS)):
                end = refs[k].end
                if refs[k].cls == PERSON and (whose := OF_BODY.match(text, end)):
                    end = whose.end()  # "the head of the district office said"
                name = described(text[refs[k].start:end])  # "the fire department"
                seen.append((si, name))  # "... A spokeswoman said": the body just described
                if refs[k].cls == PERSON:
                    people.add(name)
                    if ministry := minister_ministry(name):
                        seen.append((si, ministry))
            elif name is None and refs[k].cls == ORG and refs[k].name in SPOKES_WORDS:
                # "..., a spokeswoman said" with no body to speak for: the one described, never
                # the outlet, which only reports what she said
                name = described(text[refs[k].start:refs[k].end])
            if refs[k].cls == NAMED and name in GOVERNMENT_PLACES:
                name = place_government(name, refs, k, index)
            names[k] = outlet if refs[k].cls == WE and name is None else name
            if refs[k].cls == NAMED and is_person(name) and PUBLISHED_RECORD.match(text, refs[k].end):
                publishers.append((si, name))
            if refs[k].cls == NAMED:
                seen.append((si, refs[k].name))
                heads.setdefault(refs[k].name, set()).update(description_words(text, refs[k]))
            elif refs[k].cls in (PERSON, THEY) and names[k]:  # "he ... he", "they ... they"
                seen.append((si, names[k]))
        cues = [Cue(names[f.ref], f.role, f.start, f.end, f.research, f.final, f.scope_end,
                    refs[f.ref].cls != NAMED, f.possessive,
                    (refs[f.ref].start, refs[f.ref].end),
                    f.insiders if refs[f.ref].cls != WE else "")  # ("our sources": the outlet)
                for f in found[si] if names[f.ref]]
        cues = made_by(passed_on([c for c in cues if not audience(c, index, text)], index, text))
        firsts: dict[str, int] = {}
        for x in refs[first:r]:
            if x.cls == NAMED:
                firsts.setdefault(x.name, x.start)
        named.append(list(firsts.items()))
        if cues and si and BACKWARD.search(doc, *bounds[si]):
            all_cues[-1] = backward(all_cues[-1], cues, sents[si - 1], index, outlet)
        all_cues.append(cues)
        spoken.extend((si, c.name) for c in cues)
        researched.extend(c.name for c in cues if c.research and not is_person(c.name))
        issued.extend(c.name for c in cues
                      if c.role == "action" and ISSUED.search(text, c.start, c.end))
        if (first < r and refs[first].start == sent.start and LABEL_LINE.match(text, sent.start)
                and not SOURCE_LINE.match(text, sent.start)):
            labels[si] = names[first]
        if BACKGROUND_LINE.match(text, sent.start) and relay is not None and relay_end == len(text):
            relay_end = sent.start
    if relay and not is_generic(relay):  # "..., according to Russian media. Source: Mediazona"
        all_cues = [[c._replace(name=relay) if c.start < relay_end and is_generic(c.name)
                     and (described_media(c.name) or described_staff(c.name)) else c
                     for c in cues]
                    for cues in all_cues]
    later_named = named_later(refs, names, text)
    if later_named:  # "a war monitor said ... the monitor said": the body named in between
        all_cues = [[c._replace(name=later_named[c.source]) if c.source in later_named else c
                     for c in cues] for cues in all_cues]
    # (the body's name stood for them while reading: "the ministry" after "ministry sources
    # said" is still the ministry)
    all_cues = [[c._replace(name=insiders_name(c, text)) if c.insiders else c for c in cues]
                for cues in all_cues]
    return Reading(sents, all_cues, quotes, relay, relay_end,
                   interview_turns(sents, labels), named, relay_line)


def publisher(ref: Ref, si: int, publishers: list[tuple[int, str]]) -> str | None:
    """Whom "it" or "the report" stands for when a person put out a record in this sentence
    or the one before ("Senator Holt released a report. It found ..."): that person, whom
    the body tests of `resolve` never take."""
    if ref.cls != ORG or ref.name not in RECORD_BACKREFS or not publishers:
        return None
    k, name = publishers[-1]
    return name if k >= si - 1 else None


UNNAMED_BEFORE = re.compile(r"(?<![\w’'-])(" + "|".join(UNNAMED_MARKS) + r")\s+$", re.I)


def insiders_name(cue: Cue, text: str) -> str:
    """The unnamed people of a body as named: "Kremlin sources", and "anonymous Kremlin
    sources" when the text says they are unnamed."""
    mark = UNNAMED_BEFORE.search(text, max(0, cue.source[0] - 12), cue.source[0])
    return " ".join([*([mark.group(1).lower()] if mark else []), cue.name, cue.insiders])


INDEFINITE_BEFORE = re.compile(r"(?<![\w’'-])(?i:an?)\s+(?:[\w’'-]+\s+){0,2}$")


def named_later(refs: list[Ref], names: list[str | None], text: str) -> dict[tuple[int, int], str]:
    """Bodies described before they are named, as wire copy opens: "..., a war monitor said.
    ... The Syrian Observatory ... said ... the monitor said". A body described with "a" by a
    head word alone is the body that a later "the <head>" stands for, when that one is named:
    {(start, end) of the description: the name}."""
    out: dict[tuple[int, int], str] = {}
    for k, ref in enumerate(refs):
        if ref.cls != NAMED or names[k] != ref.name or ref.name not in BACK_HEADS or not (
                INDEFINITE_BEFORE.search(text, max(0, ref.start - 40), ref.start)):
            continue
        later = next((j for j in range(k + 1, len(refs))
                      if refs[j].cls == ORG and refs[j].name == ref.name), None)
        if later is not None and names[later] and names[later] != ref.name and (
                names[later][:1].isupper()):
            out[(ref.start, ref.end)] = names[later]
    return out


OF_BODY = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Za-z][\w’'-]*\s+){0,2}[A-Za-z][\w’'-]*(?=\s*[,;]|\s+"
                     r"(?:said|says|told|added|noted|announced|estimated)\b)")
# (the name may carry its rank: "Norway's defence chief, Gen. Eirik Kristoffersen, said")
APPOSITION = re.compile(r"(?:\s+(?:of|at|for|in)\s+[^,;.\n]{1,80})?,\s*"
                        r"(?:" + "|".join(HONORIFICS) + r")?\.?\s*")


def apposed(refs: list[Ref], k: int, end: int, text: str) -> str | None:
    """The person a title stands beside: "The head of the Investigative Committee, Alexander
    Bastrykin, told ..." names the head (not the person last named before)."""
    ref = refs[k]
    if ref.cls != PERSON or ref.name in PRONOUNS:
        return None
    for other in refs[k + 1:min(end, k + 3)]:
        if other.cls == NAMED and is_person(other.name) and APPOSITION.fullmatch(
                text, ref.end, other.start):
            return other.name
    return None


# A sentence opened by a country or capital as its subject: "Russia has not published ..."
PLACE_SUBJECT = re.compile(r"\s*(?:The\s+)?(" + "|".join(sorted(GOVERNMENT_PLACES, key=len,
                                                                 reverse=True))
                           + r")\s+(?:has|had|have|is|was|did|does|will|would|[a-z]+(?:ed|s))\b")


def subject_it(refs: list[Ref], names: list[str | None], first: int, k: int, text: str,
               sent_start: int, index: SourceIndex) -> str | None:
    """"Russia has not published its losses since 2022, when it said ...": "it" later in a
    sentence is the body or country its sentence opens with, before any earlier speaker."""
    ref = refs[k]
    if ref.cls != ORG or ref.name != "it":
        return None
    if k > first and refs[first].cls == NAMED and names[first] and not is_person(names[first]):
        return names[first] if text[sent_start:refs[first].start].strip() in ("", "The") else None
    place = PLACE_SUBJECT.match(text, sent_start)
    if place and place.end() <= ref.start and (k == first or refs[first].start > place.end()):
        return place_government(place.group(1), refs, k, index)
    return None


# "two researchers", "the two economists", "both analysts": a pair of people described
COUNTED_PAIR = re.compile(r"(?:the\s+)?(?:two|both)\s+(?:[\w-]+\s+)?(?P<noun>[a-z]+)")
PAIR_DESCRIPTION_CHARS = 120  # how far after a named pair the words describing them may run


def counted_pairs(refs: list[Ref], text: str) -> dict[int, str]:
    """The named pair each description of two people stands for: the pair named nearest,
    before or after it, whose own description has the same noun ("Two researchers say ...
    The figures were calculated by X, a researcher at ..., and Y"). A pair described otherwise
    is someone else."""
    pairs = [(k, r) for k, r in enumerate(refs) if r.cls == NAMED and " and " in r.name
             and all(is_person(n) for n in r.name.split(" and "))]
    out: dict[int, str] = {}
    if not pairs:
        return out
    for k, ref in enumerate(refs):
        m = COUNTED_PAIR.fullmatch(text[ref.start:ref.end].lower()) if ref.cls == NAMED else None
        if m is None or m.group("noun") not in DESCRIPTION_NOUNS:
            continue
        noun = singular(m.group("noun"))
        fitting = [(abs(j - k), r.name) for j, r in pairs
                   if noun in text[r.start:r.end + PAIR_DESCRIPTION_CHARS].lower()]
        if fitting:
            out[k] = min(fitting)[1]
    return out


def qualified(ref: Ref) -> bool:
    """Whether a back-reference by a body's head has words of its own ("the fire department",
    "the governor's office"), not just "the" and the head."""
    return ref.name is not None and ref.end - ref.start > len(ref.name) + len("the ") + 1


def described(words: str) -> str:
    """A body no name stands for, as the article describes it: "the fire department" is
    "fire department" (not the outlet, which only reports what the body said)."""
    return re.sub(r"^(?:[Tt]he|[Aa]n?|[Oo]ne)\s+", "", " ".join(words.split()))


ACCORDING = re.compile(r"[Aa]ccording\s+to\b")
REPORTED_THAT = re.compile(THAT_OPENS + r"\s+(?:the\s+)?|\s*:\s*")
AFTER_ITS_SPEAKER = re.compile(r"(?:[Aa]ccording\s+to|per)\b")  # "X said ..., according to the paper"
# "X put the toll at 300, The Times reported": an outlet's verb after the clause it reports
REPORTED_BEFORE = re.compile(r"[,”\"’]\s*(?:[Tt]he\s+)?$")


def described_media(name: str) -> bool:
    """A description of outlets: "local media", "the newspaper"."""
    return name.split()[-1].lower() in MEDIA_NOUNS


def described_staff(name: str) -> bool:
    """A description of an outlet's people: "journalists working with volunteers"."""
    return name.split()[0].lower() in STAFF_NOUNS


def is_media(name: str, index: SourceIndex) -> bool:
    """An outlet, registered or described."""
    return index.kind(name) in MEDIA_KINDS or described_media(name)


def audience(cue: Cue, index: SourceIndex, text: str) -> bool:
    """People a source speaks to, who pass nothing on: "told lawmakers", "told supporters"
    (not "told local media", which relays), and a person or a state body told ("told
    Parliament", "told Putin that ..."; not "told Reuters")."""
    if cue.role != "relay":
        return False
    if is_generic(cue.name):
        return not described_media(cue.name)
    return bool(TOLD_WORDS.match(text, cue.start)) and (
        is_person(cue.name) or index.kind(cue.name) in STATE_KINDS
        or cue.name in INSTITUTION_NAMES
        or cue.name.rsplit(None, 1)[-1].lower() in AUDIENCE_NOUNS)  # "told the council"


def passed_on(cues: list[Cue], index: SourceIndex, text: str) -> list[Cue]:
    """"Citing X, the paper reported ...", "The paper reported that X estimates ...": a body
    that cites another in its sentence, or an outlet that reports what another says, relays it
    (a person citing a body stays the one who speaks, as the annotation has it)."""
    cited = {c.name for c in cues if c.role == "cited"}
    return [c._replace(role="relay") if c.role == "speaker" and (
        cites_another(c, cited, index) or reports_another(c, cues, index, text)) else c
        for c in cues]


def made_by(cues: list[Cue]) -> list[Cue]:
    """"Polls show 62% ..., according to a survey by Gallup": records described by their kind
    alone ("polls", "surveys") are what the source the sentence closes on or cites made, and
    that source, not the description, stands behind the figure."""
    def record(cue: Cue) -> bool:  # (one, too: "according to a poll released by X")
        last = cue.name.rsplit(None, 1)[-1].lower()
        return last in RECORD_GROUPS or last + "s" in RECORD_GROUPS
    ends = {c.end for c in cues if record(c)}
    if not ends or not any(  # (the maker's cue closing the sentence, citing it or right after
            not record(c) and not is_generic(c.name) and (  # it: not "..., while Gallup
                c.final or c.role in ("cited", "data")  # puts it at 40 percent")
                or any(0 < c.start - e <= 2 for e in ends))
            for c in cues):
        return cues
    return [c for c in cues if not record(c)]


def cites_another(cue: Cue, cited: set[str], index: SourceIndex) -> bool:
    """A body (not a person) whose sentence cites a source other than itself."""
    return bool(cited) and cue.name not in cited and (
        index.kind(cue.name) in MEDIA_KINDS or not is_person(cue.name))


def reports_another(cue: Cue, cues: list[Cue], index: SourceIndex, text: str) -> bool:
    """An outlet that reports what a speaker after it says: "The paper reported that X
    estimates ...", "According to the paper, officials believe ...", or before it: "X said
    ..., according to the paper" ("per the paper", "X put it at 300, the paper reported")."""
    return index.kind(cue.name) in MEDIA_KINDS and any(
        b.role == "speaker" and b.name != cue.name and (
            (b.start >= cue.end and (REPORTED_THAT.fullmatch(text, cue.end, b.start)
                                     or ACCORDING.match(text, cue.start)))
            or (cue.final and b.end <= cue.start and not b.final
                and (AFTER_ITS_SPEAKER.match(text, cue.start)
                     or REPORTED_BEFORE.search(text, max(0, cue.start - 8), cue.start))))
        for b in cues)


def backward(previous: list[Cue], cues: list[Cue], prev: Sentence, index: SourceIndex,
             outlet: str | None) -> list[Cue]:
    """Cues of a sentence that looks back ("He said this ..., citing the Russian media"; "This
    follows from data reviewed by X"), applied to the sentence before it: all of them if it
    has none of its own, else only the outlets relaying it."""
    selves = {outlet, index.canonical(outlet)}
    moved = [c._replace(start=prev.end, end=prev.end, final=True, scope_end=prev.end)
             for c in cues if c.name not in selves]
    if not previous:
        return moved
    named = {c.name for c in previous}
    # (the one an outlet of the sentence before cites stays cited: "The Times reported ...
    # The paper cited US officials" is the officials', relayed by the paper)
    citers = {c.name for c in moved if c.name in named and index.kind(c.name) in MEDIA_KINDS}
    added = [c._replace(role="cited" if c.role == "cited" and citers else "relay")
             for c in moved if c.name not in named
             and (c.role in ("relay", "cited") or index.kind(c.name) in MEDIA_KINDS)]
    if any(c.role == "cited" for c in added):  # (and the outlet relays)
        previous = [c._replace(role="relay") if c.name in citers and c.role == "speaker" else c
                    for c in previous]
    return previous + added


def interview_turns(sents: list[Sentence], labels: dict[int, str]) -> dict[int, str]:
    """In an interview ("Name: answer" lines, two speakers or more), who speaks each line."""
    if len(set(labels.values())) < 2:
        return {}
    turns, speaker = {}, None
    for si in range(len(sents)):
        speaker = labels.get(si, speaker)
        if speaker:
            turns[si] = speaker
    return turns

def quote_of(quotes: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The quotation holding `pos` (quotations are in order and do not overlap)."""
    i = bisect.bisect_right(quotes, (pos, float("inf"))) - 1
    return quotes[i] if i >= 0 and quotes[i][0] <= pos < quotes[i][1] else None
