"""Attribution frames: the phrases in one sentence that say who asserts or relays its figures.

The article is first "masked" and lower-cased: every source reference (a registry alias, a
person's name, "the ministry", "he") becomes a placeholder ⟦i⟧, so that each cue is one short
regex over placeholders, run once over the whole article: "⟦0⟧ said", "according to ⟦0⟧",
"citing ⟦0⟧", "⟦0⟧'s latest update", "quoted by ⟦0⟧". A cue must lie within one sentence.
Each frame records the role its source plays:

- speaker: asserts the figure ("X said", "according to X", "X's estimate");
- cited: the source another one cites ("citing X"): deeper in the chain than the citer;
- relay: passes on someone else's words ("quoted by X", "as cited by X", "told X", "to X");
- data: a person's data source ("according to data from X"): never the claimant over a speaker;
- action: orders a figure into being ("X ordered", "a decree by X"): only within its own clause.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from transforms.attribution.lexicon import (
    ACTION_VERBS,
    AUDIENCE_FORMS,
    AUDIENCE_NOUNS,
    DOCUMENT_NOUNS,
    DOUBLE_SENSE_FORMS,
    HONORIFICS,
    PARTICIPLE_FORMS,
    PAST_FORMS,
    PRESENT_FORMS,
    REVISION_VERBS,
    SPEAKS_FOR_NOUNS,
    SPOKES_WORDS,
    SPOKESPERSON,
    THAT_OPENS,
    TITLE_NOUNS,
    UNNAMED_INSIDERS,
)
from transforms.attribution.lexicon import SPEECH as LEXICON_SPEECH
from transforms.attribution.lexicon import SPEECH_VERBS as LEXICON_SPEECH_VERBS
from transforms.declarations.words import WEEKDAYS, phrases_pattern, words_pattern

SRC = r"⟦(\d+)⟧"
SPEECH = LEXICON_SPEECH  # every tense of every speech verb (transforms.attribution.lexicon)
RESEARCH_WORDS = re.compile(
    r"analy[sz]|research|findings|calculat|count|collect|compil|identif|investigat|review|estimat"
    r"|data"
)
ADVERBIALS = (
    r"(?:\s+(?:also|has|have|had|was|were|is|are|further|then|later|earlier|previously|recently|"
    r"again|officially|publicly|separately|likewise|similarly|now|already|so\s+far|since|"
    r"on\s+\w+|last\s+\w+|this\s+\w+|"
    r"(?:the\s+|among\s+the\s+)?(?:first|last|quick)\s+to|"  # "X was the first to report"
    r"in\s+(?:a|an|its|his|her|their)\s+[\w-]+(?:\s+[\w-]+)?"
    r"|in\s+(?!that\b)[a-z][\w’'-]*)){0,3}"  # "the government of the Orenburg region in Russia said"
)
APPOSITIVE = (  # "X (HRW)", "X, head of Y,", and the sloppy "X, head of Y said"; never
    # the verb itself ("X, said 45 ...": the comma is the writer's, the verb X's); a number's
    # own commas do not end it ("X, which employs 4,000 people, said")
    r"(?P<appos>(?:\s*\([^()\n]{0,60}\))?(?:,(?!\s*(?:said|says|told|added)\b)(?:[^,;“”\"\n]|(?<=\d),(?=\d)){1,140}?"
    r"(?:,|(?=\s+(?:said|says|told|added)\b)))?)"
)
APPOSED_REF = re.compile(r",\s*⟦(\d+)⟧,")
NAME_BEFORE_VERB = re.compile(r",\s*(?:(?:the|an?)\s+)?⟦\d+⟧")


PERSON_BEFORE = re.compile(r"⟦(\d+)⟧\s*,\s*$")


def apposed_to_person(masked: str, m: re.Match, people: frozenset[int]) -> bool:
    """"Y, a spokeswoman for X, said": the spokeswoman is a person named just before, who
    stays the speaker (the body is only whom she works for)."""
    before = PERSON_BEFORE.search(masked, max(0, m.start() - 12), m.start())
    return before is not None and int(before.group(1)) in people


def named_in_apposition(m: re.Match, people: frozenset[int]) -> bool:
    """"a spokesman for X, Y, said": a person named alone between commas after a body is the
    one who speaks (or acts), not the body."""
    appos = APPOSED_REF.fullmatch(m.group("appos") or "")
    return appos is not None and int(appos.group(1)) in people
# the words between a cue and its source's name: its qualifiers ("told local news outlet X"),
# never a second noun phrase ("told shareholders the bank had ...": the bank is no relay)
GAP_STOPS = r"that\b|who\b|which\b|the\b|an?\b"


def gap(stops: str) -> str:
    """Up to four words between a cue and its source's name, none of them one of `stops`."""
    return r"(?:(?!" + stops + r")[\w’'\"“”‘-]+[ \t,]+){0,4}?"


GAP = gap(GAP_STOPS)
TOLD_GAP = gap(GAP_STOPS + "|" + words_pattern(AUDIENCE_NOUNS))  # and never whom one told
IN_REPORTED_CLAUSE = re.compile(r"\bthat\b[^,⟦]*$")  # a subject's verb past its own "that"
# A subject right after "said" is its reported clause's; with a verb of two senses ("added",
# "found", "put") that clause's verb is an act, not another speaker's cue
# ("Kasich boasted that Ohio had added 400,000 jobs": any speech verb, "that" or not)
REPORTED_SUBJECT = re.compile(r"\b" + words_pattern((*PAST_FORMS, *PRESENT_FORMS))
                              + r"\s+(?:that\s+)?(?:the\s+)?$")
# ... and any cue's subject after another speaker's "that" is the content it reports
# ("McConnell noted that the Senate had confirmed 200 judges": McConnell's figure)
REPORTED_THAT_SUBJECT = re.compile(r"\b" + words_pattern((*PAST_FORMS, *PRESENT_FORMS))
                                   + r"\s+that\s+(?:the\s+)?$")
DOUBLE_SENSE = re.compile(r"\b" + words_pattern(DOUBLE_SENSE_FORMS) + "$")
# "added" with an amount for its object is an increase, not a remark ("X added 275,000 jobs in
# May"; where "X added that 300 ...", "X added 300 more were in training" speak)
ADD_FORMS = tuple(LEXICON_SPEECH_VERBS["add"])
ADDED_AMOUNT = re.compile(r"\s+(?:(?:about|some|nearly|almost|roughly|around|over|another|more\s+than|"
                          r"an?(?:\s+(?:additional|extra|net|further|record))?)\s+)?[$€£₽¥]?\d[\d,.]*+"
                          r"(?![^.,;:\n]{0,60}?\b(?:were|was|had|have|has|are|is|will|would|could)\b)")
AFTER_PREPOSITION = re.compile(r"\b(?:with|to|against|into|than)\s+(?:the\s+)?$")
# "X, a group backed by the Koch network, said": the writer's comma after a preposition's
# object closes the apposition that object sits in; the subject before it speaks
OBJECT_BEFORE = re.compile(r"\b(?:by|of|for|from|at|in|on)\s+(?:the\s+)?$")
CLOSING_COMMA = re.compile(r"⟦\d+⟧,")
APPOSED_SPEAKER = re.compile(r".,\s*(?:the\s+)?⟦\d+⟧\s+" + SPEECH + r"\b$")
CLAUSE_END = re.compile(
    r",\s+(?:which|prompting|leading|causing|forcing|sparking|resulting|triggering|but)\b|;"
)

# "according to ⟦Pentagon⟧ spokesman ⟦George Little⟧": the title's holder is the source
# (and "according to ⟦Russia's defence minister⟧ ⟦Andrei Belousov⟧": the name after its title)
HOLDER_OF_TITLE = (r"(?:⟦\d+⟧(?:(?:['’]s)?\s+(?:[a-z-]+\s+)?" + words_pattern(TITLE_NOUNS)
                   + r")?[ \t]+(?=⟦))?")


def src(name: str) -> str:
    return rf"⟦(?P<{name}>\d+)⟧"


# the dot of an abbreviated title ("according to Mr. Smith"), where other dots end a phrase
TITLE_DOT = "|".join(rf"(?<=\b{h.lower()})\." for h in HONORIFICS if len(h) <= 4)


# cues led by a word, in one pattern so the article is scanned once for all of them
LED = re.compile(  # the look-ahead on first letters lets the scan skip most positions
    r"(?=[abcdefgilmopqrstw])\b(?:(?P<according>according\s+to\s+(?P<pre>(?:[^⟦.,;\n]|"
    + TITLE_DOT + r"){0,60}?)"
    + HOLDER_OF_TITLE + src("according_src")
    + r"(?P<post>(?:['’]s)?\s+(?:data|figures|statistics|estimates|calculations))?)"
    r"|(?P<by_speaker>(?:by\s+the\s+(?P<calc>calculations?|count|estimates?|tally)\s+of\s+"
    r"(?:the\s+)?" + GAP + src("calc_src") + r")|(?P<verb>reported|stated|announced|analy[sz]ed|"
    r"reviewed|described|compiled|conducted|commissioned|"
    r"collected|calculated|estimated|released|provided|revealed|gathered|obtained|found|given|made\s+"
    r"public|claimed|counted|identified|estimates?|calculations?|projections?|tally|count|survey|"
    r"poll|study|analysis|assessment|put|placed|reports?|investigation|findings|research)(?:\s+in\s+more\s+detail"
    r"|\s+(?:at|as)\s+[^⟦.;\n]{1,40}?)?\s+by\s+(?:the\s+)?" + GAP  # "estimated at 5,000 by X"
    + src("by_speaker_src") + ")"
    # ("an assessment seen by X": X got hold of someone's record)
    r"|(?P<by_relay>(?:cited|quoted|relayed|carried|published|reprinted|shared|seen)"
    r"\s+by\s+(?:the\s+)?"
    + GAP + src("by_relay_src") + ")"
    # ("citing a senior official": one described, the article before it)
    r"|(?P<cited>(?:citing|quoting|referring\s+to|with\s+reference\s+to"
    r"|(?<=which\s)(?:cited|quoted)|(?<=who\s)(?:cited|quoted)"
    r"|(?<=⟧\s)(?:cited|quoted))\s+(?:(?:the|an?|one)\s+)?" + GAP  # ("X cited Y": as "citing")
    + src("cited_src") + ")"
    r"|(?P<per>per\s+(?:the\s+)?" + src("per_src") + ")"  # "..., per The Washington Post"
    r"|(?P<words>in\s+(?:the\s+words\s+of\s+" + src("words_of_src") + r"|" + src("words_src")
    + r"(?:['’]s?)?\s+(?:own\s+)?words))"
    r"|(?P<told>(?:told|(?:said|revealed|explained|confirmed|disclosed)(?:\s+this)?\s+to|says\s+to"
    # "said Tuesday on CNN": the broadcaster it was said on, named right after "on"
    r"|(?:said|says)(?:\s+(?:" + "|".join(d.lower() for d in WEEKDAYS) + r"))?\s+on"
    r"(?=\s+(?:the\s+)?⟦)"
    r"|speaking\s+(?:to|on)|spoke\s+(?:to|on)|appearing\s+on|interview\s+(?:with|on)"
    r"|in\s+comments\s+to)\s+(?:the\s+)?" + TOLD_GAP + src("told_src") + ")"
    # "said in a Fox News interview": the broadcaster named before its noun relays, as "told"
    r"|(?P<interview>in\s+an?\s+(?:exclusive\s+|recent\s+|televised\s+|new\s+)?"
    + src("interview_src") + r"\s+(?:interview|podcast|broadcast)))"
)
LED_KINDS = ("according", "per", "words", "by_speaker", "by_relay", "cited", "told", "interview")
# why someone who speaks is not named, set off by commas ("a White House official, speaking on
# condition of anonymity, said"): the aside a body's person may take before the verb (where "X,
# the White House spokesman, said" is X)
ANONYMOUS_ASIDE = r"(?:speaking|who\s+(?:spoke|asked|requested|declined|was\s+not|is\s+not))\b"
# "X's spokesman", "a Ukrainian intelligence official": someone who speaks for the body named
# (not "X, the White House spokesman, said": there the spokesman is X, named before)
SPOKESPEOPLE = (r"(?:\s+(?:officials?|spokes(?:man|woman|person|people)|(?P<unnamed>"
                + "|".join(UNNAMED_INSIDERS) + r")|representatives?|"
                r"officers?|press\s+(?:service|office)|armed\s+forces|analysts|"
                r"researchers|journalists|reporters|editors|experts|economists|strategists|"
                + "|".join(SPEAKS_FOR_NOUNS) + r")(?![ \t]*,(?!\s*" + ANONYMOUS_ASIDE + r")))?")
AFFILIATION = (r"(?:\s+(?:of|at|from|(?:polled|surveyed|questioned|interviewed|contacted)\s+by)"
               r"\s+(?:the\s+)?⟦\d+⟧"  # "Janis Kluge of the SWP said", "analysts polled by X"
               # "the governor of the region said", "the mayor of Belgorod said": a place no
               # reference names (one or two words)
               r"|\s+of\s+(?:the\s+)?(?!(?:the|an?)\s)[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*)?(?=,?\s)"
               # "the health ministry in Gaza, which ..., said": where it is, before an aside
               r"|\s+in\s+(?!(?:the|an?|its|his|her|their)\s)[a-z][\w’'-]*(?=,))?")
SUBJECT_VERB = re.compile(
    SRC + "(?P<aff>" + AFFILIATION + r")(?:['’]s?)?" + SPOKESPEOPLE + APPOSITIVE + ADVERBIALS
    + r",?\s+" + SPEECH + r"\b"
)
# "X investigated how the system works and found that ...": the second verb is X's too
COORDINATED = re.compile(SRC + r"(?:['’]s?)?\s+(?:[a-z][\w’'-]*,?\s+){1,10}?and\s+(?:also\s+)?"
                         + SPEECH + r"\b")
VERB_SUBJECT = re.compile(  # (not "..., told X", "..., has informed X": X is whom one told)
    r"[,”\"’][ \t]*(?!(?:(?:has|have|had)\s+)?" + words_pattern(AUDIENCE_FORMS) + r")"
    r"(?:" + SPEECH + r"|reads|read|writes|says)\s+(?:the\s+)?"
    r"(?:(?!that\b)[\w’'-]+\.?,?\s+){0,7}?" + SRC
    + r"(?:\s*\([^()]{0,40}\))?(?:\s+to\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?" + SRC + ")?"
)
# "⟦0⟧ disputed that figure, saying ...": a sentence's subject (a few words at most before it),
# whose clause a speech participle hangs on; no quotation, clause break or reported clause
# ("X said Y ..., adding") between them
SAYING_BREAKS = ".;:!?\"“”"  # the marks no SAYING match holds (a full stop only between digits)
SAYING_END = r",\s+" + words_pattern(PARTICIPLE_FORMS)  # what every SAYING match ends with
SAYING = re.compile(r"(?:^|(?<=\n)|(?<=[.!?”\"]\s))(?:[\w’'-]+,?\s+){0,4}?" + SRC + r"(?:['’]s?)?"
                    + SPOKESPEOPLE + r"\s(?:(?!(?:said|says|told)\b)[^" + SAYING_BREAKS + r"\n]"
                    r"|(?<=\d)\.(?=\d)){1,160}?" + SAYING_END)
SAYING_AFTER = re.compile(r"\n|[.!?”\"]\s")  # what SAYING starts after (or the text's start)
SAYING_ENDS = re.compile(SAYING_END)
SAYING_BREAK = re.compile("[" + re.escape(SAYING_BREAKS.replace(".", "")) + r"]|\.(?<!\d\.)|\.(?!\d)")


def saying_starts(masked: str) -> list[int]:
    """Where a SAYING match may start: the text's start and after each sentence's end, when the
    first comma and participle ahead (which a match ends with) has none of the marks no match
    holds before it (a cheap scan: most sentences have no such participle)."""
    ends = [m.start() for m in SAYING_ENDS.finditer(masked)]
    if not ends:
        return []
    starts = []
    for start in [0, *(m.end() for m in SAYING_AFTER.finditer(masked))]:
        k = bisect.bisect_left(ends, start)
        if k < len(ends) and not SAYING_BREAK.search(masked, start, ends[k]):
            starts.append(start)
    return starts
AS_SAYING = r"as\s+(?:saying|telling|stating|writing|announcing|reporting|estimating|claiming)"
QUOTED_AS = re.compile(SRC + r"[^⟦\n]{0,40}?\b(?:quoted|cited)\s+(?:the\s+)?[^⟦\n]{0,30}?"
                       r"(?<!\bby\s)" + SRC + r"\s+" + AS_SAYING)
# the passive: "⟦Petrov⟧ was quoted by ⟦Interfax⟧ as saying", "... was quoted as saying by ⟦X⟧"
QUOTED_BY = re.compile(SRC + r"\s+(?:was|were|is|are|has\s+been|had\s+been)\s+(?:quoted|cited)\s+"
                       r"(?:by\s+(?:the\s+)?[^⟦\n]{0,30}?" + SRC + r"\s+" + AS_SAYING
                       + r"|" + AS_SAYING + r"\s+by\s+(?:the\s+)?[^⟦\n]{0,30}?" + SRC + ")")
# who speaks for a body ("a representative of X") or stands by a person ("aides to X")
SPEAKS_FOR_NOUNS = ("representative", "official", "officials", "officer", "officers")
AIDE_NOUNS = ("aides", "advisers", "advisors", "allies", "lawyers", "attorneys")
SPEAKS_FOR_WHO = rf"(?:{SPOKESPERSON}|{words_pattern(SPEAKS_FOR_NOUNS)})\s+(?:for|of|at|from|with)\s"
# "aides to the governor said": the people around someone speak for them
AIDES_TO = r"(?<![\w’'-])" + words_pattern(AIDE_NOUNS) + r"\s+(?:to|for|of)\s"
# "officials with the agency said", "two senior officers at the base said": people of a body,
# counted or plain, with no article before them (the plural of "an official with X")
PEOPLE_OF = (r"(?<![\w’'-])(?:officials|representatives|officers|spokespeople)\s+"
             r"(?:for|of|at|from|with)\s")
SPEAKS_FOR_HIT = re.compile(SPEAKS_FOR_WHO + "|" + AIDES_TO)
# what every match of SPEAKS_FOR_HIT starts with: the places it is tried (a search of the whole
# article for it costs as much as a cue pattern's); a word another one starts is found with it
_SPEAKS_FOR_WORDS = (*SPOKES_WORDS, *SPEAKS_FOR_NOUNS, *AIDE_NOUNS)
SPEAKS_FOR_FIRST = tuple(w for w in _SPEAKS_FOR_WORDS
                         if not any(o != w and w.startswith(o) for o in _SPEAKS_FOR_WORDS))
# "a spokesman for X said", "an official at X told": someone who speaks for the body named
SPEAKS_FOR_BODY = re.compile(  # (led by the article's letter, as ACTION)
    r"(?:(?:a(?<!\w.)n?|t(?<!\w.)he|o(?<!\w.)ne)\s+(?:[\w-]+\s+){0,2}?" + SPEAKS_FOR_WHO
    + "|" + AIDES_TO + "|" + PEOPLE_OF + r")\s*(?:the\s+)?" + SRC
    + APPOSITIVE + ADVERBIALS + r",?\s+" + SPEECH + r"\b")
TOLD = re.compile(r"\b(?:told|(?:said|revealed|explained|confirmed|disclosed)(?:\s+this)?\s+to|"
                  r"says\s+to|speaking\s+(?:to|on)|spoke\s+(?:to|on)|appearing\s+on|"
                  r"interview\s+(?:with|on)|in\s+comments\s+to)\s+(?:the\s+)?" + TOLD_GAP + SRC)
POSSESSIVE = re.compile(  # (and "⟦0⟧ cut its growth forecast": its own, revised)
    SRC + r"(?:['’]s?|\s+(?:(?:has|have|had)\s+)?" + words_pattern(REVISION_VERBS)
    + r"\s+(?:its|their|his|her)(?:\s+[a-z-]+){0,2}?)?\s+(?:(?:latest|daily|new|own|recent|official|"
    r"previous|weekly|first|annual)\s+)*(?:intelligence\s+)?(?P<noun>update|report|estimate|"
    r"estimates|data|findings|analysis|decree|assessment|research|calculations|investigation|"
    r"records|filings|statistics|numbers|projections|poll|polling|claims?|forecast|"
    r"statement|bulletin|figures|count|tally|survey|study|order|post|memo|audit|review|model|"
    r"tracker|database)\b"
)
DOCUMENT = words_pattern(DOCUMENT_NOUNS)
# "signed a decree", "issued his second decree", "signed into law"
ISSUES_DOCUMENT = (r"(?:signed|issued)\s+(?:(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?"
                   + DOCUMENT + r"|into\s+law\b)")
# "decree that X signed": each of its nouns an alternative led by its letter, so that a scan
# skips to "⟦" and those letters (the look-behind after the letter is the word boundary)
DECREE_SIGNED = r"\s+(?:that\s+)?" + SRC + r"\s+(?:had\s+|has\s+)?(?:signed|issued)\b"
ACTION = re.compile(SRC + APPOSITIVE + ADVERBIALS + r",?\s+(?:has\s+|had\s+|also\s+|later\s+|then\s+)*"
                    r"(?:" + ISSUES_DOCUMENT + "|"
                    + phrases_pattern(ACTION_VERBS) + ")"
                    + "".join(f"|{noun[0]}(?<!\\w.){noun[1:]}" + DECREE_SIGNED
                              for noun in DOCUMENT_NOUNS))
POSTPOSED = re.compile(r"[,”\"’]\s*(?:as\s+)?(?:the\s+)?$")  # (not ", and X said ...": a new clause)
OPENS_CLAUSE = re.compile(THAT_OPENS + r"|\s*:")  # "reported on Friday that", "said:"
# "X: 250,000 killed" opening a line, also as a list item ("- X: ..."), with a date or note in
# brackets ("X (August 2023): ..."), or as a table row's first cell ("| X | 250,000 |"): the
# line's figures are X's
# (a cell only in a row that opens with one: "Ivan Petrov | Oct 11, 2025" is a byline)
LABEL = re.compile(r"^[ \t]*(?:(?:[-–—•·▪◦*][ \t]+)?(?:(?:quote|quoting|statement|comment)\s+"
                   r"(?:from|by|of)\s+)?" + SRC + r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*:"
                   r"|\|[ \t]*" + SRC + r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*\|(?=[^|\n]*\d)"
                   # ... or its last cell, after the figures: "| 500,000 killed | UK MoD |"
                   r"|\|(?=[^⟦\n]*\d)[^⟦\n]*\|[ \t]*" + SRC
                   + r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*\|[ \t]*$)", re.M)
# A credit in brackets beside a figure, as casualty tables and lists give one: "120,000 (US
# officials, August 2023)", "50,000 killed (BBC Russian and Mediazona)", "(source: X): 480,000"
BRACKET_CREDIT = re.compile(r"\((?:(?:sources?|via)\s*:\s*|according\s+to\s+|per\s+)?(?:the\s+)?" + SRC
                            + r"(?:[,;][^()\n]{0,40})?\)(?!\s*[-–—])")  # (not a dateline's "MOSCOW (AP) —")
FIGURE_BEFORE = re.compile(r"\d[\d,.]*(?:\s+[a-z][\w-]*){0,3}\s*$")  # "120,000 killed (X)"
FIGURE_AFTER = re.compile(r"\s*:?\s*[$€£₽]?\d")  # "(source: X): 480,000"
LABEL_HIT = re.compile(r"⟧(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*[:|]")  # what every LABEL holds: a cheap scan
DASH_CREDIT = re.compile(SRC + r"\.?(?:[ \t]+(?:video|photo|audio))?[ \t]*$", re.M)
DASH_BEFORE = re.compile(r"[ \t][-–—][ \t]*$")


class Frame(NamedTuple):
    """One attribution cue: which reference it names, in what role, and where."""

    ref: int          # index into the article's reference list
    role: str         # speaker | cited | relay | data | action
    start: int        # where the cue starts in the article
    end: int          # where the cue ends
    research: bool    # the source did its own counting ("data analysed by the BBC")
    final: bool       # the cue follows what it attributes (", the ministry said.")
    scope_end: int    # for actions: where their clause ends; else the sentence's end
    possessive: bool = False  # "X's estimate of ...": the cue is the figure's own noun phrase
    insiders: str = ""  # "Kremlin sources said": the unnamed people of the body who speak


def matches(pattern: re.Pattern, text: str, spans: list[tuple[int, int]] | None = None,
            starts: list[int] | None = None):
    """All matches of `pattern`, overlapping ones too ("⟦0⟧, head of ⟦1⟧, said"); with
    `spans` (in order), only those that start in one of them, the text between unscanned;
    with `starts` (in order: every place where a match may start), tried only there."""
    def search(pos: int) -> re.Match | None:
        if starts is None:
            return pattern.search(text, pos)
        for k in range(bisect.bisect_left(starts, pos), len(starts)):
            if found := pattern.match(text, starts[k]):
                return found
        return None

    pos, m = 0, None
    for lo, hi in spans if spans is not None else [(0, len(text) + 1)]:
        if m is None or m.start() < lo:  # (a match found past the last span may start here)
            m = search(max(lo, pos))
        while m is not None and m.start() < hi:
            yield m
            pos = m.start() + 1
            m = search(pos)
        if m is None:
            return


def speaks_for_hit(masked: str) -> bool:
    """Whether SPEAKS_FOR_HIT matches anywhere, tried where its first words stand."""
    for word in SPEAKS_FOR_FIRST:
        at = masked.find(word)
        while at >= 0:
            if SPEAKS_FOR_HIT.match(masked, at):
                return True
            at = masked.find(word, at + 1)
    return False


def postposed(masked: str, start: int, end: int, sent_start: int) -> bool:
    """Whether a cue follows what it attributes: "..., the report said", "...,” said X"; not
    one that a comma follows a fronted phrase and opens what it says ("Citing X, the paper
    reported that ...")."""
    return (masked[start:start + 1] in ",”\"’" or bool(POSTPOSED.search(masked, sent_start, start))
            ) and not OPENS_CLAUSE.match(masked, end)


def candidate_matches(masked: str, cited: list[tuple[int, int]] | None = None,
                      people: frozenset[int] = frozenset()):
    """(match, group, role, research) for every cue pattern over the masked article; with
    `cited`, the sentences that hold a reference, the patterns that keep no state between
    matches look only there (every cue holds a reference, and lies within one sentence).
    `people`: the references that name a person."""
    for m in matches(LED, masked, cited):
        kind = next(k for k in LED_KINDS if m.group(k))
        group = kind + "_src"
        if kind == "according":
            pre, post = m.group("pre") or "", m.group("post") or ""
            data = bool(re.search(r"\b(?:data|figures|statistics)\b", pre)) or bool(
                re.search(r"data|figures|statistics", post))
            yield m, group, "data" if data else "speaker", bool(RESEARCH_WORDS.search(pre))
        elif kind == "per":  # "per The Washington Post": as "according to"
            yield m, group, "speaker", False
        elif kind == "words":  # "in his words", "in the words of X"
            yield m, "words_of_src" if m.group("words_of_src") else group, "speaker", False
        elif kind == "by_speaker" and m.group("calc"):  # "by the calculation of X"
            yield m, "calc_src", "speaker", True
        elif kind == "by_speaker":
            yield m, group, "speaker", bool(RESEARCH_WORDS.search(m.group("verb")))
        else:
            yield m, group, {"by_relay": "relay", "cited": "cited", "told": "relay",
                             "interview": "relay"}[kind], False
    if "quoted" in masked or "cited" in masked:  # the verbs it needs, found first
        for m in matches(QUOTED_AS, masked, cited):
            yield m, 1, "relay", False
            yield m, 2, "speaker", False
        for m in matches(QUOTED_BY, masked, cited):
            yield m, 1, "speaker", False
            yield m, 2 if m.group(2) else 3, "relay", False
    verbs = set()  # where a subject's verb ends: a name inside its apposition is not a subject
    for m in matches(SUBJECT_VERB, masked):
        if ADDED_AMOUNT.match(masked, m.end()) and m.group().endswith(ADD_FORMS):
            continue  # "Employers added 275,000 jobs, the department said": an act, no cue
        if IN_REPORTED_CLAUSE.search(m.group()):
            continue  # "X, noted that his state had added 400,000": the verb is the clause's
        if m.group().endswith(DOUBLE_SENSE_FORMS) and REPORTED_SUBJECT.search(  # (what DOUBLE_SENSE
                masked, max(0, m.start() - 30), m.start()) and DOUBLE_SENSE.search(m.group()):  # ends in)
            continue  # "His campaign said the president had added $5 trillion": not a cue
        if REPORTED_THAT_SUBJECT.search(masked, max(0, m.start() - 30), m.start()):
            continue
        if AFTER_PREPOSITION.search(masked, max(0, m.start() - 12), m.start()):
            continue  # "an assessment shared with X in December put ...": X is no subject
        if not m.group("appos") and CLOSING_COMMA.match(m.group()) and OBJECT_BEFORE.search(
                masked, max(0, m.start() - 10), m.start()):
            continue
        if APPOSED_SPEAKER.search(m.group()):
            continue  # "X, a firm linked to Y, the monitor said": the verb is the monitor's
        if named_in_apposition(m, people) or NAME_BEFORE_VERB.fullmatch(m.group("appos") or ""):
            continue  # "Speaking on X, Governor Y said": the name before the verb speaks
        if m.end() not in verbs:
            if "⟦" not in m.group().rsplit(",", 1)[-1] or m.group("aff"):
                verbs.add(m.end())  # "X, head of Y, said" (not "X, Y said"); "X of Y said"
            yield m, 1, "speaker", bool(RESEARCH_WORDS.search(m.group()))
    if speaks_for_hit(masked):  # the nouns it needs, found first: a cheap scan
        for m in matches(SPEAKS_FOR_BODY, masked, cited):
            if not named_in_apposition(m, people) and not apposed_to_person(masked, m, people):
                yield m, 1, "speaker", False
    for m in matches(COORDINATED, masked, cited):
        yield m, 1, "speaker", bool(RESEARCH_WORDS.search(m.group()))
    if "ing" in masked:
        for m in matches(SAYING, masked, cited, saying_starts(masked)):
            yield m, 1, "speaker", False
    for m in matches(VERB_SUBJECT, masked, cited):
        if any(m.start() < v <= m.start(1) for v in verbs):
            continue  # "X, who ..., said Ohio had added ...": the verb is X's, Ohio the clause's
        yield m, 1, "speaker", False
        if m.group(2):
            yield m, 2, "relay", False
    for m in matches(ACTION, masked, cited):
        if not named_in_apposition(m, people):
            yield m, 1 if m.group(1) else m.lastindex, "action", False  # whichever alternative
    for m in matches(POSSESSIVE, masked, cited):
        noun = m.group("noun")
        yield m, 1, "action" if noun in ("decree", "order") else "speaker", bool(
            RESEARCH_WORDS.search(noun))
    if LABEL_HIT.search(masked):  # a reference with a colon after it, found first
        for m in LABEL.finditer(masked):
            yield m, next(g for g in (1, 2, 3) if m.group(g)), "label", False
    if "(" in masked:
        for m in matches(BRACKET_CREDIT, masked, cited):
            if FIGURE_BEFORE.search(masked, max(0, m.start() - 40), m.start()) or FIGURE_AFTER.match(
                    masked, m.end()):
                yield m, 1, "label", False
    for m in DASH_CREDIT.finditer(masked):  # a headline's "... – British intelligence"
        if DASH_BEFORE.search(masked, max(0, m.start() - 4), m.start()):
            yield m, 1, "label", False


def frames(masked: str, to_orig: list[int], bounds: list[tuple[int, int]],
           people: frozenset[int] = frozenset()) -> list[list[Frame]]:
    """Every attribution frame of the lower-cased, masked article, by sentence.

    `bounds` are the sentences' (start, end) in masked offsets; `to_orig` maps masked offsets
    back to the article's; `people` are the references that name a person. A match that runs
    past its sentence's end is no cue.
    """
    found: list[list[Frame]] = [[] for _ in bounds]
    if "⟦" not in masked:
        return found
    starts = [b[0] for b in bounds]
    tails = [len(masked[s:e].rstrip(" .”\"’)!?")) + s for s, e in bounds]
    cited = [(s, e) for s, e in bounds if masked.find("⟦", s, e) >= 0]
    for m, group, role, research in candidate_matches(masked, cited, people):
        si = bisect.bisect_right(starts, m.start()) - 1
        if si < 0 or m.end() > bounds[si][1]:
            continue
        s_start, s_end = bounds[si]
        start, end = to_orig[m.start()], to_orig[m.end() - 1] + 1
        scope = to_orig[s_end - 1] + 1
        if role == "action":
            stop = CLAUSE_END.search(masked, m.end(), s_end)
            scope = to_orig[stop.start()] if stop else scope
        final = role == "label" or (role != "action" and (
            m.end() >= tails[si] - 3 or postposed(masked, m.start(), m.end(), s_start)))
        found[si].append(Frame(int(m.group(group)), "speaker" if role == "label" else role,
                               start, end, research, final, scope,
                               m.re is POSSESSIVE and role != "action",
                               insiders_of(m)))
    return [dedupe(f) for f in found]


def insiders_of(m: re.Match) -> str:
    """The noun of unnamed insiders a speaking body is named with ("ministry sources said"),
    else ""."""
    return (m.groupdict().get("unnamed") or "") if m.re in (SUBJECT_VERB, SAYING) else ""


def dedupe(found: list[Frame]) -> list[Frame]:
    """One frame per reference, the strongest role winning (a relay beats a plain speaker)."""
    rank = {"relay": 0, "cited": 1, "data": 2, "speaker": 3, "action": 4}
    best: dict[int, Frame] = {}
    for f in found:
        old = best.get(f.ref)
        if old is None or rank[f.role] < rank[old.role]:
            best[f.ref] = f._replace(research=f.research or (old.research if old else False),
                                     final=f.final or (old.final if old else False),
                                     possessive=f.possessive or (old.possessive if old else False),
                                     insiders=f.insiders or (old.insiders if old else ""))
        elif old.role == f.role:
            best[f.ref] = old._replace(research=old.research or f.research,
                                       final=old.final or f.final,
                                       possessive=old.possessive or f.possessive,
                                       insiders=old.insiders or f.insiders)
    return sorted(best.values(), key=lambda f: f.start)
