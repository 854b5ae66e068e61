"""Source references in an article: registry aliases, people's names and back-references.

A figure's claimant is often named far from it: "the ministry said", "he added", "according to
her", "the report said". References are found once per article; back-references are resolved
later, in reading order, against the sources already named (see `transforms.attribution.attribution`).
"""

from __future__ import annotations

import bisect
import os
import re
from functools import lru_cache
from typing import NamedTuple

from transforms.attribution.lexicon import (
    ADJECTIVE_SENSE_FORMS,
    APPOSITION_HEADS,
    BACK_HEADS,
    COMMENTATOR_NOUNS,
    CORPORATE_SUFFIXES,
    DESCRIPTION_NOUNS,
    DESCRIPTION_QUALIFIERS,
    DESCRIPTION_SINGULARS,
    DOCUMENT_NOUNS,
    DOCUMENT_SPEAKERS,
    HONORIFICS,
    INSTITUTION_NAMES,
    INTERLOCUTOR_NOUNS,
    INVERTED_FORMS,
    KIN_NOUNS,
    LONE_MASTHEADS,
    MAKER_PARTICIPLES,
    MASTHEAD_HEADS,
    MEDIA_NOUNS,
    MEDIA_QUALIFIERS,
    MEMBER_GROUP_NOUNS,
    NAME_EXTENDING_HEADS,
    NOUN_SENSE_FORMS,
    ORG_HEADS,
    OUTLET_DOMAINS,
    OWNED_TITLES,
    PARTICIPLE_FORMS,
    PAST_FORMS,
    PLACE_NOUNS,
    PLEDGE_VERBS,
    PRESENT_FORMS,
    RECORD_NOUNS,
    RECORD_REFERENCE_HEADS,
    SPEAKS_FOR_NOUNS,
    SPEECH,
    SPEECH_VERBS,
    SPOKES_RANKS,
    SPOKES_WORDS,
    SPOKESPERSON,
    STAFF_NOUNS,
    UNNAMED_SOURCE,
    singular,
)
from transforms.attribution.sources import (
    ORG_WORDS,
    SourceIndex,
    is_person,
    lower_same_length,
    trie_regex,
)
from transforms.declarations.words import (
    KNOWING_NOUNS,
    KNOWING_WORDS,
    MONTHS,
    WEEKDAYS,
    phrases_pattern,
    words_pattern,
)
from transforms.figures.number_words import ONES, TENS

NAMED, PERSON, MINISTRY, ORG, THEY, WE = "named", "person", "ministry", "org", "they", "we"
DOCUMENT = "document"  # "according to the decree": its issuer, named before

LOWER = "a-zà-öø-ÿāăąćčďēęěğīıłńňōőřśşšţťūůűźżž"
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĒĘĚĞĪŁŃŇŌŐŘŚŞŠŢŤŪŮŰŹŻŽ"
# (one capital inside a surname: "McConnell", "DeSantis", "MacArthur")
WORD_TAIL = rf"[{LOWER}]++(?:[{UPPER}][{LOWER}]++)?(?:[-’'][{UPPER}]?[{LOWER}]++)?"  # (possessive: see _CAP)
WORD_RX = rf"[{UPPER}]{WORD_TAIL}"
# (what may not stand before a name is checked after its capital, so that the scan skips to
# capitals instead of trying the look-behind at every character)
NAME = re.compile(rf"[{UPPER}](?<![\w’'.-].){WORD_TAIL}(?:[ \t]+(?:{WORD_RX}|[A-Z]\.)){{1,5}}"
                  rf"(?![\w-])")
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
    Power Within Sitting Please Sign Log Menu Search Home Next Previous Related More Sociologist
    Sociologists Demographer Historian Political Scientist Scientist Professor Commentator
    Columnist Correspondent Reporter Lawmaker Deputy MP Senator Spokesperson Volunteer Soldier
    Mother Wife Father Priest Pastor Recruiter Businessman Businesswoman Oligarch Minister Chair
    Chairperson Speaker Representative Congressman Congresswoman Assemblyman Assemblywoman
    Councilman Councilwoman Alderman Commissioner Attorney"""
# (and the described people before names: "Economists Irina Sokolova and Tom Becker")
NAME_PREFIX = frozenset(NAME_PREFIX_TEXT.split()) | {
    n[0].upper() + n[1:] for n in DESCRIPTION_NOUNS + DESCRIPTION_SINGULARS}
NOT_IN_NAME_TEXT = """
    Asia Asian Central Federation Oblast Region Krai Republic Kingdom States Union Forces Army
    Armed Navy Guard Ministry Service Council Committee Office Day War Street Square Sea River
    Mountains Front Line Bank Times Post News Agency Telegram Twitter Facebook Instagram TikTok
    YouTube Storm Wagner Ukraine Russia Moscow
    Kyiv God Christmas Easter Olympic Games Europe European America African Africa
    Democrat Democratic Republican"""
NOT_IN_NAME = frozenset(NOT_IN_NAME_TEXT.split()) | set(MONTHS) | set(WEEKDAYS)
_NOT_A_BODY_TAIL = "(?!" + words_pattern(MONTHS + WEEKDAYS) + ")"  # "the Center on Tuesday"


NOT_OWNER_TEXT = """
    The A An In On At As By For From Of To With According Meanwhile However But And Since After
    Before When While Last This That Earlier Later Some Many Several Most Both Other Its Their His
    Her Our Your These Those Also Now Then Yet Still Only Even All No Any Each Every Such Senior
    Top Local Regional"""
# (and numbers: "Two sources close to the talks said" is no body called Two)
NOT_OWNER = frozenset(NOT_OWNER_TEXT.split()) | {w.capitalize() for w in (*ONES, *TENS)}


# Bodies the registry does not list, named the way news names them: "Kazakhstan's Interior
# Ministry", "the Finnish border guard", "Western officials". They become sources of kind unknown.
# (its lower-case runs possessive: what follows a capitalised word never starts lower-case, so
# giving letters back cannot help a match, and the patterns built on it need not try)
_CAP_TAIL = rf"[{LOWER}]++(?:-[{UPPER}][{LOWER}]++)?"  # a capitalised word after its capital
_CAP = rf"[{UPPER}]{_CAP_TAIL}"
BODY_HEAD = (
    r"(?:[Mm]inistry|[Bb]order\s+[Gg]uard|[Bb]order\s+[Ss]ervice|[Ss]ecurity\s+[Ss]ervice|"
    r"[Ii]ntelligence\s+[Ss]ervice|[Ss]py\s+[Aa]gency|[Ss]tatistics\s+(?:[Ss]ervice|[Oo]ffice|[Aa]gency)|"
    r"[Gg]eneral\s+[Ss]taff|[Pp]rosecutor['’]s\s+[Oo]ffice|[Mm]ayor['’]s\s+[Oo]ffice|"
    r"[Aa]ir\s+[Ff]orce|[Aa]rmed\s+[Ff]orces|[Rr]egional\s+(?:[Aa]dministration|"
    r"[Gg]overnment|[Aa]uthorities|[Pp]arliament|[Dd]uma)|[Mm]ilitary\s+[Cc]ommissariat|"
    + "|".join(ORG_HEADS) + ")"
)
# After an owner's possessive a head in lower case names a body too: "Kyiv's military
# administration", "the city's health department"
# ("Ukraine's military said", but "Kyiv's military administration" is the administration)
_LOWER_HEADS = "|".join(sorted({h.lower() for h in ORG_HEADS}))
OWNED_HEAD = (f"(?:{_LOWER_HEADS}" + r"|(?:military|army|armed\s+forces)(?!\s+(?:"
              + _LOWER_HEADS + r"|intelligence|commissariat)\b))")
# Heads that name a body by what follows "of": "the Department of Labor", "the Bureau of Labor
# Statistics", "the Council of Europe" (not "the Ministry of Defence": a back-reference)
HEADS_BEFORE_OF = ("Department", "Bureau", "Office", "Institute", "Institutes", "University", "Academy",
                   "Council", "Bank", "Court", "Commission", "Agency", "Committee", "Board",
                   "Center", "Centers", "Centre", "Organization", "Organisation", "Association", "League",
                   "Society", "Foundation", "Fund", "Chamber", "School", "Alliance", "Coalition",
                   "Institution", "Embassy", "Consulate")
# Words that join a name to what precedes it, never inside one: "Data from the Bureau of ..."
# names the Bureau, not "Data from the Bureau".
FUNCTION_WORDS_TEXT = "from the by of at in to with for and on a an"
# (nor a verb: "Defence Secretary John Healey told Parliament" is no body's name)
_NOT_FUNCTION = (rf"(?!(?:{'|'.join(FUNCTION_WORDS_TEXT.split())})\s)"
                 rf"(?!{trie_regex(sorted({f for f in PAST_FORMS + PRESENT_FORMS if ' ' not in f}))}\s)")
_INITIALS_BEFORE_OF = "".join(sorted({h[0] for h in HEADS_BEFORE_OF}))
ORG_NAME = re.compile(  # each alternative led by a look-ahead on its first letter: a cheap skip
    rf"(?=[A-Zt])(?<![\w’'-])(?:the\s+)?(?:(?P<owner>{_CAP}(?:\s+{_CAP})?)['’]s\s+|(?P<adj>(?:{_CAP}\s+){{1,3}}))"
    rf"(?:(?:{_CAP}|{_NOT_FUNCTION}[a-z]+)\s+){{0,2}}?(?:{BODY_HEAD}|(?(owner){OWNED_HEAD}|(?!)))(?:\s+(?:of|for|on)\s+(?:(?:the|an?)\s+)?{_NOT_A_BODY_TAIL}{_CAP}"
    rf"(?:\s+(?:and\s+)?{_CAP}){{0,3}})?"
    rf"(?![\w-])"
    rf"|(?=[{UPPER}])(?<![\w’'-])(?P<group>(?:{_CAP}|U\.S\.|US|UK|U\.K\.|EU)\s+(?:(?:military|defen[cs]e|intelligence|"
    rf"government|security|border|army|police)\s+)?(?:officials|authorities|intelligence|sources|"
    rf"diplomats|investigators|prosecutors|agencies|services))\b"
    rf"|(?=[t{_INITIALS_BEFORE_OF}])(?<![\w’'-])(?:the\s+)?(?P<department>(?:{'|'.join(HEADS_BEFORE_OF)})\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:\s+(?:and\s+)?{_CAP}){{0,3}})(?![\w-])"
    rf"|(?=[OoAa])(?<![\w’'-])(?P<officials_in>(?:[Oo]fficials|[Aa]uthorities)\s+in\s+{_CAP}(?:\s+{_CAP})?)\b"
)
# whose people a description names: "relatives of the recruits", "friends of the deceased"
# (not "officials of the ministry": that is the ministry's own reference)
OF_WHOM = (r"\s+(?:of|for)\s+the\s+(?!(?:" + "|".join(sorted(ORG_WORDS | set(BACK_HEADS)))
           + r")\b)[a-z]{3,}(?![\w’'-])")
# Groups of people who speak as one: "Human rights groups say", "Independent demographers estimate".
SPEAKER_ADVERBS = (r"(?:(?:also|repeatedly|previously|recently|later|earlier|then|now|already|"
                   r"often|long)\s+)?")
# where a described speaker is from: "officials in Bashkortostan", "a precinct officer from Kaluga"
FROM_PLACE = (rf"\s+(?:in|from|at|of)\s+(?:(?:the\s+)?{_CAP}(?:\s+{_CAP})?"
              rf"|the\s+{words_pattern(PLACE_NOUNS)})")  # ("authorities in the region")
# the body a group sits on: "Republicans on the committee said", "Democrats on the panel"
ON_PANEL = r"\s+on\s+the\s+(?:[a-z]+\s+)?(?:committee|panel|board|council|commission|subcommittee)\b"
# who asked them: "economists polled by Reuters", "analysts surveyed by FactSet" (one source)
POLLED_BY = (r"\s+(?:polled|surveyed|questioned|interviewed|contacted)\s+by\s+(?:the\s+)?"
             rf"{_CAP}(?:\s+{_CAP}){{0,2}}")
# the described people as one trie, capitalised or not ("officials", "Officials")
DESCRIBED_PEOPLE = trie_regex(sorted({f for n in DESCRIPTION_NOUNS for f in (n, n[0].upper() + n[1:])}))
# A described group that opens its sentence as its subject, speaking or not: "Republicans in
# the House want to cut spending. They said ...": whom a later "they" stands for.
SUBJECT_GROUP = re.compile(
    r"[ \t]*(?:The[ \t]+)?((?:[A-Z][a-z]+[ \t]+)?" + DESCRIBED_PEOPLE
    + r")(?=[ \t]+(?:(?:in|at|from|of|on|for)[ \t]|[a-z]+\b))")
# A lone capitalised word opening its sentence as the subject of a verb: "Reyes spoke at length.
# He said ...": whom a later "he" or "she" stands for when no person is named (not a word
# before a comma, a pronoun, an article or an adverb: "Yesterday he said", "Separately the ...")
SUBJECT_SURNAME = re.compile(
    rf"[ \t]*({_CAP})[ \t]+(?!(?:he|she|it|they|we|i|the|an?|his|her|its|their|this|that)\b)"
    r"(?=[a-z]+\b)(?![a-z]+ly\b)")
# (the words before the nouns are never a speech verb: "Powell said officials expected three
# cuts" is Powell's, no group called "Powell said officials")
_NOT_SPOKEN = rf"(?!{trie_regex(sorted({f for f in PAST_FORMS + PRESENT_FORMS if ' ' not in f}))}\s)"
# (the nouns as one trie, capitalised or not: none is the start of another, so the trie finds
# what the alternation did; the words before them possessive, as a space always follows one)
GROUP_SPEAKERS = re.compile(  # not a body's own people ("Meduza's journalists": Meduza)
    r"(?<![\w’'-])(?<!['’]s\s)((?:(?:[A-Z][a-z]++|" + _NOT_SPOKEN + r"[a-z]++)(?:\s++" + _NOT_SPOKEN
    + r"[a-z]++){0,2}\s++)?"
    + DESCRIBED_PEOPLE
    + rf"(?:{FROM_PLACE}|{OF_WHOM}|{ON_PANEL})?)"
    + rf"(?=(?:{POLLED_BY})?(?:,[^,\n]{{1,140}},)?\s+(?:has\s+|had\s+)?"
    + rf"(?:{SPEAKER_ADVERBS})?" + SPEECH
    + r"\b(?!\s+by\b)"  # ("soldiers identified by name" are counted, not speaking)
    # ("Democrats dispute that figure, saying ...": the verb of their clause, then its speech)
    + r"|\s+[a-z]+\b[^,.;:!?\"“”\n]{0,60},\s+" + words_pattern(PARTICIPLE_FORMS) + r"\b)"
)
# One person described, not named, who speaks: "a senior administration official said".
# (and one who speaks for what a word before it describes: "a police spokesman said"; "a
# spokesman" alone speaks for the body named before, and so does "a senior spokesman")
DESCRIBED_SPEAKER = re.compile(  # (a trie and possessive words, as GROUP_SPEAKERS)
    r"(?<![\w’'-])(?i:an?|one)\s+((?:(?:[A-Za-z][\w-]*+\s++){0,3}" + trie_regex(DESCRIPTION_SINGULARS)
    + r"|(?:(?!" + words_pattern(SPOKES_RANKS) + r")[a-z][\w-]*+\s++){1,2}"
    + words_pattern(SPOKES_WORDS) + ")"
    + rf"(?:{FROM_PLACE})?)(?=(?:,[^,\n]{{1,140}},)?\s+" + SPEECH + r"\b)"
)  # "a senior official, who spoke on condition of anonymity, said"
# One close to someone, named by a possessive, who speaks: "his widow said", "the soldier's
# mother told the BBC" (the mother, "soldier's mother"; the BBC relays), "Petrov's lawyer said".
KIN_SPEAKER = re.compile(
    r"(?<![\w’'-])(?:(?i:his|her|their)\s+|(?i:the\s+)?(?=[a-z]+['’]s?\s|[A-Z][a-z]+['’]s\s))"
    r"((?:[A-Za-z][a-z-]*+['’]s?\s+)?" + trie_regex(KIN_NOUNS)
    + r")(?=(?:,[^,\n]{1,140},)?\s+(?:has\s+|had\s+)?(?:" + SPEAKER_ADVERBS + r")?" + SPEECH
    + r"\b(?!\s+by\b))"
)
# One holding an office for an owner a possessive names, who speaks: "Acme's chief executive
# said", "the company's chief financial officer said" (named as written; a place's officials
# are BACKREF's, which a name said before may resolve: see `owned_title_speaker`)
_SPEAKS_NEXT = (r"(?=\s+(?:has\s+|had\s+)?(?:" + SPEAKER_ADVERBS + r")?" + SPEECH
                + r"\b(?!\s+by\b))")
OWNED_TITLE_SPEAKER = re.compile(
    r"(?<![\w’'-])(?:(?i:the)\s+(?=[a-z]+['’]s\s)|(?=[A-Z]))"
    r"(?P<who>(?P<owner>(?:[A-Z][\w&.-]*+\s+){0,2}?(?:[A-Z][\w&.-]*+|[a-z]+)['’]s)\s+"
    r"(?:[a-z-]+\s+){0,3}?" + trie_regex(OWNED_TITLES) + ")" + _SPEAKS_NEXT
)
# A body's members who speak as a group, the body's name first: "Senate Democrats said",
# "according to Senate Democrats" (see MEMBER_GROUP_NOUNS)
BODY_GROUP_SPEAKER = re.compile(
    r"(?:(?P<cue>(?i:according\s+to|citing)\s+)|(?<![\w’'-]))(?P<who>(?P<owner>(?:[A-Z][\w&.-]*+\s+){1,3}?)"
    + trie_regex(sorted({f for n in MEMBER_GROUP_NOUNS for f in (n, n.capitalize())})) + r")(?![\w’'-])"
    + r"(?(cue)|" + _SPEAKS_NEXT + ")"
)
# One of a described group: "one of the fighters said", "citing one of the recruits" (never
# "told one of the X": whom one told)
ONE_OF = re.compile(
    r"(?<![\w’'-])(?:(?P<cited>(?i:citing|quoting|according\s+to))\s+)?(?i:one)\s+of\s+"
    r"(?:the|them|those|these|his|her|their)\s+(?P<who>(?:[A-Za-z][\w-]*\s+){0,2}?"
    + DESCRIBED_PEOPLE
    + r")(?![\w’'-])"
)
# "according to TASS, which cited a military source": the relative clause cites as "citing"
WHICH_CITED = r"(?<=which\s)(?:cited|quoted)|(?<=who\s)(?:cited|quoted)"
# People who know, unnamed: "people familiar with the matter said", "two sources close to the
# talks told Reuters", "a person briefed on the plans said".
_INFORMED = (  # (the people, not how many: "two people familiar with ..." is "people ...")
    r"(?:(?:a|an|the|" + "|".join(ONES) + r")\s+)?"
    r"((?:(?!(?:according|to|citing|quoting|that|by)\s)[a-z][\w-]*\s+){0,2}?(?i:"
    + "|".join(KNOWING_NOUNS) + r")\s+(?:"
    + phrases_pattern(KNOWING_WORDS) + r")\s+(?:[\w’'-]+\s+){0,4}?"
    r"(?!(?:the|a|an|of|with|to|on|in)\s)[\w’'-]+)")
INFORMED_SPEAKER = re.compile(
    r"(?<![\w’'-])" + _INFORMED + r"(?=(?:,[^,\n]{1,140},)?\s+" + SPEECH + r"\b)")
# and the same people a cue links: "citing two people familiar with the matter"
# (and after "cited": "according to X, which cited people familiar with the matter", "The
# paper cited people close to the talks")
CITED_INFORMED = re.compile(r"(?<![\w’'-])(?i:according\s+to|citing|quoting|cited|quoted)\s+"
                            + _INFORMED)
# A described speaker after its verb: "..., said two officials familiar with the plan", "...,"
# said a senior defence official."
INVERTED_DESCRIPTION = re.compile(
    r"(?<=[,”\"’])[ \t]*" + trie_regex(INVERTED_FORMS)
    + r"\s+(?:(?i:one\s+of\s+(?:the|those|these|his|her|their))\s+"  # "says one of the recruits"
    r"|(?i:an?|one|the|two|three|four|five|several|some|many|other|both|\d+)\s+)?"
    r"((?:[A-Za-z][\w-]*+\s++){0,2}?"
    + trie_regex(sorted({f for n in DESCRIPTION_NOUNS + DESCRIPTION_SINGULARS
                         for f in (n, n[0].upper() + n[1:])}))
    + rf"(?:{FROM_PLACE})?)(?![\w’'-])"
)
# A described group whose record a plural possessive names: "analysts' estimates of $89
# billion", "economists' forecasts" (their figure, as "X's estimate" is X's)
GROUP_RECORD = re.compile(
    r"(?<![\w’'-])((?:(?:[A-Z][a-z]++|[a-z]++)\s++)?" + DESCRIBED_PEOPLE
    + r")(?=['’]\s+(?:(?:own|latest|average|consensus|median|earlier|previous|new)\s+)?"
    + words_pattern(RECORD_NOUNS + ("forecasts", "expectations", "projections")) + ")")
# A record no maker is named for, which speaks: "A new report says", "a recent study found",
# "An independent analysis, commissioned last year, found" (not "a report by X says": X)
RECORD_SPEAKER = re.compile(
    r"(?<![\w’'-])(?i:an?)\s+(?:(?:new|recent|latest|separate|independent|government|federal|"
    r"internal|confidential|leaked|draft|annual|first|second|third|major|nationwide|national)\s+)"
    r"{0,2}(" + "|".join(DOCUMENT_SPEAKERS) + r")(?=(?:,[^,\n]{1,140},)?\s+(?:has\s+|had\s+)?"
    # ("a report published on its website": a participle, not the report speaking)
    + r"(?!" + words_pattern(ADJECTIVE_SENSE_FORMS) + r"(?!\s+that\b))"
    + SPEECH + r"\b(?!\s+by\b))")
# what puts a record in a cue's phrase, not a sentence's subject: "according to a report ..."
BEFORE_RECORD = re.compile(r"(?<![\w’'-])(?i:to|in|of|by|from|on|with|citing|quoting)\s+$")
KNOWING_HIT = frozenset(next(x for x in w.split() if x not in ("with", "direct"))
                        for w in KNOWING_WORDS)  # "familiar", "knowledge", ...
# where GROUP_SPEAKERS may match: a plain scan for the nouns, so the full pattern runs only there
SPOKEN_AFTER = re.compile(rf"(?:{FROM_PLACE}|{OF_WHOM}|{ON_PANEL}|{POLLED_BY})?(?:,[^,\n]{{1,140}},)?\s+"
                          + rf"(?:has\s+|had\s+)?(?:{SPEAKER_ADVERBS})?" + SPEECH + r"\b")
# (words of the lower-cased text, looked up among its words: see `hit_spans`)
DESCRIPTION_HIT = frozenset(DESCRIPTION_NOUNS)
DESCRIPTION_QUALIFIERS_LOWER = frozenset(w.lower() for w in DESCRIPTION_QUALIFIERS)
SINGULAR_HIT = frozenset(DESCRIPTION_SINGULARS)
CITING_HIT = frozenset(("according", "citing", "quoting", "told", "cited", "quoted"))
# Described sources after a cue that names them: "according to local media", "citing officials".
_QUALIFIER = "|".join(re.escape(w) for w in DESCRIPTION_QUALIFIERS)
# ("according to government statistics and rights advocates": the words before the noun too)
_FREE_WORD = r"(?!(?:by|of|from|in|at|on|with|for|to|that|which|who|an?)\b)[a-z][\w-]*"
CITED_DESCRIPTION = re.compile(
    r"(?=[AaCcQqTt])\b(?:(?i:citing|quoting|told|cited\s+by|quoted\s+by|" + WHICH_CITED + r")\s+"
    r"(?:the\s+|some\s+|several\s+)?((?:(?:" + _QUALIFIER + "|" + _FREE_WORD
    + r")\s+){0,3}(?:"  # ("citing hospital officials": any words before the noun, as below)
    + "|".join(DESCRIPTION_NOUNS) + r")(?:" + OF_WHOM + r")?)"
    r"|(?i:according\s+to)\s+(?:the\s+|some\s+|several\s+)?"
    r"(?:(?:[a-z]+\s+)?(?:" + "|".join(RECORD_NOUNS) + r")\s+(?:by|from|of)\s+(?:the\s+)?)?"
    r"((?:(?:" + _QUALIFIER + "|"
    + _FREE_WORD + r")\s+(?:and\s+)?){0,4}(?:" + "|".join(DESCRIPTION_NOUNS) + r")(?:"
    + OF_WHOM + r")?)"
    # one described: "according to a senior official", "citing a source in the ministry"
    r"|(?i:according\s+to|citing|quoting|" + WHICH_CITED + r")\s+(?i:an?|one)\s+((?:(?:" + _QUALIFIER + "|"
    + _FREE_WORD + r")\s+){0,3}(?:" + "|".join(DESCRIPTION_SINGULARS) + r")))\b"
    r"(?!\s+(?:at|of|for|from|in|with|by)\s)"  # ("citing an official at X": X, whom they speak
    # for; "according to a survey by X": X, who made it)
)
# A one-word name that speaks: "InformNapalm said", "Kommersant, citing ..., reported".
# (any speech verb in any tense, from the lexicon: "Clinton has been saying", "Kasich boasted";
# and the pledges: "Sanders proposed")
SINGLE_SPEAKER_WORDS = tuple(sorted({f for forms in SPEECH_VERBS.values() for f in forms
                                     if " " not in f and f not in NOUN_SENSE_FORMS}
                                    | set(PLEDGE_VERBS)))
SINGLE_SPEAKER_VERBS = (r"(?!" + words_pattern(NOUN_SENSE_FORMS) + r")(?:" + SPEECH + "|"
                        + "|".join(PLEDGE_VERBS) + r")\b")
# the people who speak for one ("Clinton's campaign said", "McCain's aides estimated")
SPEAKS_FOR = r"(?:['’]s\s+(?:" + "|".join(SPEAKS_FOR_NOUNS) + r"))?"
# a one-word name in the possessive form that speaks: "Moody's said", "Macy's reported"
# (not "Russia's estimated losses": an adjective after a possessive)
POSSESSIVE_NAME = r"(?:['’]s(?!\s+" + words_pattern(ADJECTIVE_SENSE_FORMS) + "))?"
SINGLE_SPEAKER = re.compile(  # (led by its capital)
    rf"([A-Z](?<![\w’'.-].)(?:{_CAP_TAIL}|[a-z]+[A-Z][\w-]+|[A-Z]+[a-z]*){POSSESSIVE_NAME})"
    rf"(?={SPEAKS_FOR}(?:,[^,\n]{{1,140}},)?\s+(?:has\s+|had\s+)?{SPEAKER_ADVERBS}{SINGLE_SPEAKER_VERBS})"
)
# the same after its verb, which follows a quotation or a clause: '"...," said Schumer, the
# majority leader' (the name alone up to a comma or the sentence's end)
INVERTED_ONE_WORD = re.compile(
    r"[,”\"’][ \t]*" + words_pattern(INVERTED_FORMS) + r"\s+(?!" + words_pattern(HONORIFICS)
    + r")([A-Z][a-z]+(?:[A-Z][a-z]+)*)"  # (not a title: "said Gen. X", "said Maj. Gen. X")
    r"(?=\s*[,;!?]|\.(?!\s*[A-Z][a-z]*\.)|\s*$)")
# whose people speak: "the Clinton campaign said", "Cruz aides said" are the owner's figure, as
# "Clinton's campaign", "Cruz's aides"
OWNER_PEOPLE = tuple(n for n in SPEAKS_FOR_NOUNS if n != "office")  # ("Cruz office" is no one)
CAMPAIGN_OWNER = re.compile(
    rf"\b[Tt]he\s({_CAP})(?=\s+campaign\b)|(?<![\w’'.-])({_CAP})(?=\s+(?:"
    + "|".join(OWNER_PEOPLE) + r")\s+(?:has\s+|have\s+)?"
    + SINGLE_SPEAKER_VERBS + ")")
# a one-word name after these is a place or an owner, not a speaker: "a recruiter from Kazan said"
AFTER_WORD = re.compile(r"(?i:\b(?:the|his|her|its|in|of|from|at|near|for|with)\s)$")
# (but people at a body speak for it: "Analysts at Moody's said", "fact checkers at PolitiFact
# found": the body is the source)
PEOPLE_AT = re.compile(r"(?<![\w’'-])" + DESCRIBED_PEOPLE + r"\s+at\s+(?:the\s+)?$")
SINGLE_SPEAKER_HIT = frozenset(SINGLE_SPEAKER_WORDS)
INVERTED_HIT = frozenset(INVERTED_FORMS)
PLEDGED = re.compile(r"\s+(?:has\s+|had\s+)?(?:[a-z]+ly\s+)?(?:" + "|".join(PLEDGE_VERBS) + r")\b")
# words that say what a body does, not whose it is: "the Defence Ministry" is a back-reference
BODY_MODIFIERS_TEXT = """
    Defence Defense Foreign Interior Internal Justice Finance Economy Economic Health Emergency
    Emergencies Labour Labor Education Federal State National Security Intelligence Border
    Statistics Migration Investigative Prosecutor General Central Main Press Military Armed
    Presidential Joint Special Affairs"""
BODY_MODIFIERS = frozenset(BODY_MODIFIERS_TEXT.split())


DEMONYMS_TEXT = """
    Britain:British UK:British U.K.:British Russia:Russian Ukraine:Ukrainian Georgia:Georgian
    Kazakhstan:Kazakh Finland:Finnish India:Indian America:American US:US U.S.:US China:Chinese
    Belarus:Belarusian Poland:Polish Germany:German France:French Japan:Japanese Armenia:Armenian
    Uzbekistan:Uzbek Kyrgyzstan:Kyrgyz Tajikistan:Tajik Latvia:Latvian Lithuania:Lithuanian
    Estonia:Estonian Moldova:Moldovan Turkey:Turkish Iran:Iranian Israel:Israeli Nepal:Nepali
    Cuba:Cuban Serbia:Serbian Syria:Syrian Norway:Norwegian Sweden:Swedish"""
DEMONYMS = dict(pair.split(":") for pair in DEMONYMS_TEXT.split())
DEMONYMS.update({"South Korea": "South Korean", "North Korea": "North Korean",
                 "Sri Lanka": "Sri Lankan"})


def body_name(owner: str | None, name: str, index: SourceIndex) -> str:
    """A body's name as the registry knows it, trying its country as an adjective too
    ("Britain's Ministry of Defence" is the registry's "British Ministry of Defence"), else as
    the article gives it."""
    if owner and owner in DEMONYMS:
        rest = name.split("'s ", 1)[-1].split("’s ", 1)[-1]
        known = index.canonical(f"{DEMONYMS[owner]} {rest}")
        if known:
            return known
    known = index.canonical(name)
    if known:
        return known
    words = name.split()
    if len(words) >= 4 and words[-3].lower() == "ministry" and words[-2] == "of" and (
            words[-1] in DEMONYMS):
        # "the Interior Ministry of Finland" is named as news names it: "Finland's Interior Ministry"
        return body_name(words[-1], f"{words[-1]}'s {' '.join(words[:-2])}", index)
    return name


def windows(hits, before: int, after: int) -> list[tuple[int, int]]:
    """Merged spans around each hit (a (start, end) span)."""
    spans: list[tuple[int, int]] = []
    for start, end in hits:
        lo, hi = max(0, start - before), end + after
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], hi))
        else:
            spans.append((lo, hi))
    return spans


def matches_of(pattern: re.Pattern, text: str, lowered: str):
    """`pattern`'s matches; the speaker patterns' only near the words they need (the same
    matches: their look-arounds see past each window's ends)."""
    required = REQUIRED_WORDS.get(id(pattern))
    if required is not None and required.isdisjoint(word_places(lowered)):
        return  # no word of those one of which every match holds is in the text
    near = NEEDED_WORDS.get(id(pattern))
    if near is None:
        yield from pattern.finditer(text)
        return
    hit, before, after = near
    found = hit_spans(hit, lowered)
    if pattern in (GROUP_SPEAKERS, DESCRIBED_SPEAKER):  # a noun a speech verb follows, or none
        found = [(start, end) for start, end in found if SPOKEN_AFTER.match(text, end)]
    starts = match_starts(pattern, text)
    # (a described group's record: the noun of every match is a hit with its apostrophe after
    # it, so a window holding no such hit holds no match)
    owning = [start for start, end in found if text[end:end + 1] in "'’"] if pattern is GROUP_RECORD else None
    last = -1
    for lo, hi in windows(found, before, after):
        if owning is not None and bisect.bisect_left(owning, lo) == bisect.bisect_left(owning, hi):
            continue
        for m in (pattern.finditer(text, lo, hi) if starts is None
                  else window_matches(pattern, text, lo, hi, starts)):
            if m.start() > last:
                last = m.start()
                yield m


def window_matches(pattern: re.Pattern, text: str, lo: int, hi: int, starts: list[int]):
    """`pattern.finditer(text, lo, hi)`, tried only at `starts` (in order: every place where
    a match may start), so that the scan skips the rest; the pattern never matches empty."""
    pos = lo
    for k in range(bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)):
        if starts[k] >= pos and (m := pattern.match(text, starts[k], hi)):
            pos = m.end()
            yield m


def match_starts(pattern: re.Pattern, text: str) -> list[int] | None:
    """Where in `text` a match of `pattern` may start, when the pattern has a way to find that
    (see `MATCH_STARTS`): a scan, or the words every match begins with; else None."""
    start = MATCH_STARTS.get(id(pattern))
    if start is None:
        return None
    if isinstance(start, frozenset):
        lowered = lower_same_length(text)
        words = hit_spans(start, lowered)
        if pattern is BACKREF:
            return headed(words, lowered)
        return [begin for begin, _ in words]
    return [m.start() for m in start.finditer(text)]


def headed(words: list[tuple[int, int]], lowered: str) -> list[int]:
    """The starts of BACKREF's words, a "the" kept only when one of its heads stands ahead of
    it before the end of the run of characters a match from it may hold (see
    `BACKREF_THE_HEADS`): the first head after it ends within that run; an owner's word only
    with an apostrophe near enough to be its possessive's."""
    heads = hit_spans(BACKREF_THE_HEADS, lowered)
    starts = [begin for begin, _ in heads]
    out = []
    for begin, end in words:
        if end - begin == 3 and lowered.startswith("the", begin):
            k = bisect.bisect_left(starts, end)
            if k == len(heads) or heads[k][1] > THE_RUN.match(lowered, end).end():
                continue
        elif lowered[begin:end] in ("a", "an", "one"):  # (only "a spokesman": the body named)
            space = SPACES.match(lowered, end)
            if space is None or not lowered.startswith(SPOKES_PREFIX, space.end()):
                continue
        elif lowered[begin:end] in BACKREF_OWNER_WORDS:
            near = lowered[begin:begin + OWNER_SPAN + 1]
            if "'" not in near and "’" not in near:
                continue
        out.append(begin)
    return out


def scan(pattern: re.Pattern, text: str):
    """`pattern.finditer(text)`, tried only where a match may start (see `match_starts`)."""
    starts = match_starts(pattern, text)
    if starts is None:
        return pattern.finditer(text)
    return window_matches(pattern, text, 0, len(text), starts)


@lru_cache(maxsize=16)
def word_places(lowered: str) -> dict[str, list[tuple[int, int]]]:
    """Where each word the prefilters look up (`LOOKED_UP`) stands in the lower-cased
    text, read once per article for all of them: every word of the text, kept when it is one
    of them (the same places as a scan for those words between word boundaries)."""
    places: dict[str, list[tuple[int, int]]] = {}
    for m in WORD_CHARS.finditer(lowered):  # (a third faster than a scan for the words themselves)
        if (word := m.group()) in LOOKED_UP:
            places.setdefault(word, []).append(m.span())
    return places


def hit_spans(hit, lowered: str) -> list[tuple[int, int]]:
    """Where a prefilter's words stand in the lower-cased text, in order: a set of words (each
    of word characters only) is looked up among the text's words, the same spans as searching
    for them between word boundaries; a (set of words, pattern) pair keeps the words the
    pattern follows, the span running to its end; a pattern is searched."""
    if isinstance(hit, frozenset):
        places = word_places(lowered)  # (the text's few looked-up words, each checked in `hit`)
        return sorted(span for word in hit.intersection(places) for span in places[word])
    if isinstance(hit, tuple):
        words, follow = hit
        return [(start, m.end()) for start, end in hit_spans(words, lowered)
                if (m := follow.match(lowered, end))]
    return [m.span() for m in hit.finditer(lowered)]


WORD_RUN = re.compile(r"[\w’'-]+")


@lru_cache(maxsize=16)
def written_words(text: str) -> frozenset[str]:
    """Every word of `text` as written (runs of letters, apostrophes and hyphens), read once
    per article rather than searched for one by one."""
    return frozenset(WORD_RUN.findall(text))


def common_word(word: str, text: str) -> bool:
    """Whether a capitalised word is a common one: the article also writes it in lower case
    ("District told to find ..." beside "the district"); a one-word name never is."""
    if not word.istitle():
        return False
    lower = word.lower()
    if not WORD_RUN.fullmatch(lower):  # (lower-casing made a mark no word run holds)
        return re.search(rf"(?<![\w’'-]){re.escape(lower)}(?:e?s)?(?![\w’'-])", text) is not None
    words = written_words(text)
    return lower in words or lower + "s" in words or lower + "es" in words


def not_one_word_name(word: str, text: str) -> bool:
    """Whether a capitalised word found alone is anything but a source's name: a function word,
    a pronoun, a title, a place, a word of a body's name, or a common word."""
    return (word in NOT_OWNER or word in SPEAKER_STOP or word in NAME_PREFIX or word in NOT_IN_NAME
            or word in PLACES or word in DEMONYM_WORDS or word.lower() in ORG_WORDS
            or common_word(word, text))


def speaker_names(text: str, taken: list[tuple[int, int]], lowered: str) -> list[Ref]:
    """Unregistered speakers the other finders miss: groups of people, one-word names."""
    refs, taken = [], list(taken)
    for m in matches_of(ONE_OF, text, lowered):  # named as one of them: "a fighter"
        start = m.start() if not m.group("cited") else m.end("cited") + 1
        if (m.group("cited") or SPOKEN_AFTER.match(text, m.end())) and not overlaps(
                start, m.end(), taken):
            *words, noun = m.group("who").split()
            refs.append(Ref(start, m.end(), NAMED,
                            interlocutor_named(" ".join([*words, singular(noun)]))))
            bisect.insort(taken, (start, m.end()))
    # (CITED_INFORMED after CITED_DESCRIPTION: "according to officials familiar with X" is the
    # officials, as any described source a cue names; "citing two people familiar with X" has
    # no described noun of its own)
    for pattern in (INFORMED_SPEAKER, GROUP_SPEAKERS, DESCRIBED_SPEAKER, KIN_SPEAKER, CITED_DESCRIPTION,
                    CITED_INFORMED, INVERTED_DESCRIPTION, SINGLE_SPEAKER, INVERTED_ONE_WORD,
                    CAMPAIGN_OWNER, RECORD_SPEAKER, GROUP_RECORD):
        for m in matches_of(pattern, text, lowered):
            g = m.lastindex or 1  # CITED_DESCRIPTION: one of two alternatives
            name, start, end = m.group(g), m.start(g), m.end(g)
            described = pattern in (GROUP_SPEAKERS, DESCRIBED_SPEAKER, KIN_SPEAKER, INVERTED_DESCRIPTION,
                                    GROUP_RECORD)
            while described and " " in name and name[:1].islower() and (
                    name.split()[0] not in DESCRIPTION_QUALIFIERS + DESCRIPTION_SINGULARS
                    + DESCRIPTION_NOUNS):  # "that officials said"; "officer from Kaluga" stays
                rest = name.split(None, 1)[1]
                start, name = start + len(name) - len(rest), rest
            first = name.split()[0]
            if described and speaks_for_owner(name, text, start):
                continue  # "her aides said", "Olden aides said": the owner's people (below)
            if pattern is SINGLE_SPEAKER and POSSESSIVE_END.search(name) and not_one_word_name(
                    POSSESSIVE_END.sub("", name), text):
                continue  # "It's said", "Russia's said": no company's possessive name
            if pattern is not SINGLE_SPEAKER and first in NOT_OWNER and " " in name:
                if first.lower() not in DESCRIPTION_QUALIFIERS:  # "Many analysts": analysts
                    start += len(first) + name[len(first):].find(name.split()[1])
                    name = name.split(None, 1)[1]
                first = name.split()[0]
            elif first in NOT_OWNER or first in SPEAKER_STOP or (
                    pattern in (CAMPAIGN_OWNER, INVERTED_ONE_WORD)
                    and not_one_word_name(name, text)) or (
                    pattern is SINGLE_SPEAKER and ((not_one_word_name(name, text)
                                                    and name not in GOVERNMENT_PLACES)
                                                   or (AFTER_WORD.search(text, max(0, m.start() - 6),
                                                                         m.start())
                                                       and not THE_ACRONYM.fullmatch(
                                                           text, max(0, m.start() - 4), end)
                                                       and not PEOPLE_AT.search(
                                                           text, max(0, m.start() - 40), m.start())))):
                continue
            if first in SPEAKER_STOP or overlaps(start, end, taken):
                continue
            if pattern is SINGLE_SPEAKER and name in GOVERNMENT_PLACES and PLEDGED.match(text, end):
                continue  # "Russia has promised them $1,100": a policy reported, not a source
            if described and text[max(0, start - 4):start].lower() == "our ":
                continue  # "our sources say": the outlet's own (a back-reference)
            if described and COUNTED_BEFORE.search(text, max(0, start - 16), start):
                continue  # "9,000 soldiers identified": what a figure counts, not who speaks
            if pattern is RECORD_SPEAKER and BEFORE_RECORD.search(text, max(0, m.start() - 16),
                                                                  m.start()):
                continue  # "according to a report published ...": the cue's own words
            if name == "media" and text[max(0, start - 7):start].lower() == "social ":
                continue  # "social media posts": where people post, not who reports
            if name in STAFF_NOUNS and text[max(0, start - 4):start].lower() == "the ":
                continue  # "the journalists": the outlet named before (a back-reference)
            refs.append(Ref(start, end, NAMED, interlocutor_named(name) if described else name))
            bisect.insort(taken, (start, end))
    return refs


INTERLOCUTOR_FORMS = frozenset(f for n in INTERLOCUTOR_NOUNS for f in (n, singular(n)))


def interlocutor_named(name: str) -> str:
    """A described speaker's name, but for the people someone talked with, who are an unnamed
    source whatever words stand before them ("one of the interlocutors" is "unnamed source")."""
    return UNNAMED_SOURCE if name.split()[-1].lower() in INTERLOCUTOR_FORMS else name


MADE_BY = re.compile(r"\s+(?:from|by|of)\s+(?P<the>the\s+)?")  # (a name may hold its "the")


def made_by_named(m: re.Match, lowered: str, named_starts: set[int]) -> bool:
    """Whether a record's reference names its maker right after it ("the latest update from
    the UK Ministry of Defence", "the report by Amnesty"): then it refers to nothing earlier."""
    if m.lastgroup != ORG or m.group().rsplit(None, 1)[-1] not in RECORD_REFERENCE_HEADS:
        return False
    by = MADE_BY.match(lowered, m.end())
    return by is not None and (by.end() in named_starts or by.start("the") in named_starts)


POSSESSIVE_END = re.compile(r"['’]s$")
OWNER_PRONOUN_BEFORE = re.compile(r"(?<![\w’'-])(?i:his|her|their|its)\s+$")


def speaks_for_owner(name: str, text: str, start: int) -> bool:
    """Whether described people are someone's own ("her aides", "Olden aides": they speak
    for their owner, named or a back-reference), not a group of their own ("aides said",
    "senior advisers said")."""
    words = name.split()
    if words[-1] not in SPEAKS_FOR_NOUNS:
        return False
    owner = len(words) > 1 and words[0][:1].isupper() and words[0].lower() not in (
        DESCRIPTION_QUALIFIERS_LOWER)
    return owner or OWNER_PRONOUN_BEFORE.search(text, max(0, start - 8), start) is not None


POSSESSIVE_MARK = re.compile("['’]")


def owned_titles(text: str, refs: list[Ref], lowered: str) -> list[Ref]:
    """`refs` with each office holder a possessive names, and each body's members who speak as
    a group, as one reference holding its owner's name ("Finch Motors's chief executive said":
    that person, not Finch Motors; "Senate Democrats said": that group, not the Senate)."""
    for pattern in (OWNED_TITLE_SPEAKER, BODY_GROUP_SPEAKER):
        for m in matches_of(pattern, text, lowered):
            start, end, name = m.start("who"), m.end("who"), m.group("who")
            if name.split()[0] in SPEAKER_STOP | NOT_OWNER or (
                    pattern is OWNED_TITLE_SPEAKER and place_owned(name)):
                continue  # "Poland's prime minister": BACKREF's, a name said before may resolve it
            inside = [r for r in refs if r.start < end and r.end > start]
            if (inside or pattern is OWNED_TITLE_SPEAKER) and all(
                    start <= r.start and r.end <= m.end("owner") for r in inside):
                refs = sorted([r for r in refs if r not in inside] + [Ref(start, end, NAMED, name)])
    return refs


def place_owned(name: str) -> bool:
    """Whether an office's owner is a place or a place's noun ("Poland's", "country's"), whose
    officials BACKREF finds."""
    owner = POSSESSIVE_MARK.split(name, maxsplit=1)[0].lower()
    return owner in PLACE_OWNERS or owner.rsplit(None, 1)[-1] in PLACE_OWNERS


THE_ACRONYM = re.compile(r"(?i:the)\s[A-Z]{2,5}")  # "the RNC said": a body by its initials
# (a number ends with a digit: "injured 100, officials said" is no count of officials)
COUNTED_BEFORE = re.compile(r"\d(?:[\d,.]*\d)?\s+$")
SPEAKER_STOP = frozenset({"It", "He", "She", "They", "We", "I", "You", "Who", "Which", "What",
                          "There", "Here", "One", "Others", "Everyone", "Nobody"})
# Capitals, which news names for their governments ("Moscow says", "Kyiv estimates")
CAPITALS_TEXT = """
    Moscow Kyiv Kiev Seoul Pyongyang London Washington Beijing Delhi Kathmandu Havana Minsk
    Tbilisi Astana Tashkent Bishkek Dushanbe Yerevan Baku Warsaw Berlin Paris Tokyo Ankara Tehran
    Brussels Helsinki Riga Vilnius Tallinn Chisinau"""
DEMONYM_WORDS = frozenset(DEMONYMS.values())  # "Russian and Serbian figures": no one's name
PLACES = frozenset(CAPITALS_TEXT.split()) | {k.split()[-1] for k in DEMONYMS} | set(DEMONYMS)
# A country or capital that speaks is its government, named as the text names it ("Russia
# says 6,000 ...": Russia); a demonym alone never speaks ("Russian said" is no sentence of news).
PLACE_OWNERS = frozenset({p.lower() for p in PLACES} | set(PLACE_NOUNS))  # (see `place_owned`)
GOVERNMENT_PLACES = frozenset(CAPITALS_TEXT.split()) | {k for k in DEMONYMS if " " not in k}


# A place's own official, described by the place: "Poland's prime minister", "the country's
# health minister" (as "the Polish prime minister")
PLACE_OWNER = (r"(?:(?:the\s+)?(?:" + "|".join(PLACE_NOUNS) + ")|"
               + trie_regex(sorted({p.lower() for p in PLACES})) + ")['’]s")

# a body's "it" speaks by a speech verb's third-person or past form ("it found", "it says")
IT_SPEECH = trie_regex(sorted({f[1] for f in SPEECH_VERBS.values()} | set(PAST_FORMS)))
# matched against the lower-cased text; the look-ahead lets the scan skip most positions
BACKREF = re.compile(
    "(?=[hsaitdmowe" + "".join(sorted({p[0].lower() for p in [*PLACES, *PLACE_NOUNS]}
                                      - set("hsaitdmowe")))
    + r"])\b(?:(?P<person>(?:he|she|him)\b|(?<=\bin\s)(?:his|her)(?=\s+words)"
    r"|(?<=\baccording\sto\s)(?:her|his)\b"
    r"|(?:his|her)(?=\s+(?:" + "|".join(SPEAKS_FOR_NOUNS) + r")\b)"  # "her aides said"
    r"|the\s+campaign(?=,?\s+(?:said|says|added|announced|reported|estimated|claimed|told)\b)"
    r"|(?:the|" + PLACE_OWNER + r")\s+(?:kremlin\s+leader|"
    r"(?:(?!(?:of|in|on|at|for|to|and|or|the|a|an|by|with|from|that|this)\s)[a-z]+\s+){0,2}?"
    r"(?:minister|mayor|president|official|senator|congress(?:man|woman)|secretary|ambassador|envoy|"
    r"chancellor|premier|judge|prosecutor|director|candidate|spokes(?:man|woman|person)|head|"
    r"chairman|chief(?!\s+(?:executive|economist|financial|operating|analyst|strategist|prosecutor|justice|negotiator)\b)|nominee|candidate|front-?runner|incumbent|challenger|billionaire|mogul|"
    r"businessman|businesswoman|executive|founder|(?:republican|democrat)(?!\s+(?:presidential\s+)?"
    r"(?:nominee|candidate|front-?runner|challenger|incumbent|senator|lawmaker|governor|mayor|"
    r"leader|congress(?:man|woman)))|"
    r"researcher|activist|expert|analyst|dictator|governor|commander|economist|lawmaker|"
    r"ombuds(?:man|woman)|politician|scholar|journalist|general)(?:-(?:in-chief|general|elect))?"
    # ("the former secretary of state", "the defense secretary")
    r"(?:\s+of\s+(?:state|defen[cs]e|homeland\s+security|the\s+treasury|the\s+interior|labou?r|"
    r"health|education|energy|commerce|transportation|agriculture)(?![\w’'-]))?)"
    # (not "the governor's office": that office; but "the senator's claim" is the senator's,
    # and so is what "the senator's aides" say)
    r"\b(?!['’]s\s(?!(?:(?:latest|new|own|recent|official)\s+)?" + words_pattern(RECORD_NOUNS)
    + r"|" + words_pattern(OWNER_PEOPLE) + r")|\s+staff\b|-))"
    r"|(?P<ministry>the\s+(?:(?:defen[cs]e|foreign|interior|justice|finance|health|labou?r|"
    r"emergencies)\s+)?ministry(?:\s+of\s+(?:defen[cs]e|foreign\s+affairs|internal\s+affairs|"
    r"the\s+interior|justice|finance|health|labou?r))?\b"
    r"|the\s+military\s+department\b|the\s+mod\b"
    r"|(?:(?:defen[cs]e|foreign|interior|justice|finance|health|emergencies)\s+ministry"
    r"|ministry\s+of\s+defen[cs]e)\b)"
    r"|(?P<org>the\s+(?:(?:latest|daily|new|weekly|intelligence|british|uk|official|"
    r"military|state-owned|state-backed|state-affiliated|news)\s+){0,2}(?:"
    + "|".join(RECORD_REFERENCE_HEADS) + r"|outlet|newspaper|paper|website|site|broadcaster|channel|"
    r"magazine|agency|group|organi[sz]ation|foundation|fund|institute|think\s+tank|service|"
    r"intelligence\s+service|committee|authors|researchers|intelligence|"
    + "|".join(STAFF_NOUNS) + "|" + "|".join(DOCUMENT_SPEAKERS) + r")\b"
    # ("the dockers' union": a plural possessive, its apostrophe after the s)
    r"|the\s+(?:(?!(?:of|in|on|at|for|to|and|or|the|a|an|by|with|from|that|this)\s)[a-z]+"
    r"(?:['’]s|(?<=s)['’])?\s+){0,4}"
    r"(?:" + "|".join(BACK_HEADS) + r")\b"
    r"|(?<=\bto\s)intelligence\b"
    r"|(?:an?|one|its|their)\s+" + SPOKESPERSON + r"\b(?!\s+(?:for|of|at)\b)"  # the body just named
    r"|it(?=,?\s+(?:also\s+|further\s+|later\s+)?(?:has\s+|had\s+)?(?:" + IT_SPEECH
    + r")\b)"  # ", it said", "It also said", "It found that ...": any speech verb's
    r"|(?<=\baccording\sto\s)its\b"  # "..., according to its filings"
    # "Its latest tally stands at 45,000": opening a sentence, the record of the body named
    # before (inside one, "its" is the sentence's subject's: see `subject_it`)
    r"|(?:(?<=[.!?]\s)|(?<=\n)|^)its(?=\s+(?:(?:latest|daily|new|own|recent|official|previous|weekly|annual|updated)\s+)*"
    r"(?:estimates?|figures|count|tally|data|calculations|statistics|assessment|update|bulletin)\b))"
    r"|(?P<document>(?<=\baccording\sto\s)the\s+(?:new\s+)?(?:document|"
    + "|".join(DOCUMENT_NOUNS) + r")\b)"
    r"|(?P<they>they\b|(?<=\baccording\sto\s)their\b)"
    r"|(?P<we>(?:we|our)\b))"
)


# The first words of BACKREF's alternatives (a match starts at a word, of the lower-cased
# text): where the pattern is tried (see `match_starts`). A new alternative adds its own.
# (those of an owner, "Poland's" or "the country's", open only its title alternative, whose
# match holds the owner's possessive: see `headed`)
BACKREF_OWNER_WORDS = frozenset({
    "country", "city", "region", "state", "nation", "republic",
    *(re.match(r"\w+", p.lower()).group() for p in PLACES)})
BACKREF_WORDS = frozenset({
    "he", "she", "him", "his", "her", "the", "a", "an", "one", "it", "its", "they", "their",
    "we", "our",
    "intelligence", "ministry", "defence", "defense", "foreign", "interior", "justice",
    "finance", "health", "emergencies"}) | BACKREF_OWNER_WORDS
SPACES = re.compile(r"\s+")
SPOKES_PREFIX = os.path.commonprefix(SPOKES_WORDS)  # "spokes": what "a spokesman" holds after "a"
OWNER_SPAN = max(len(p) for p in (*PLACES, *PLACE_NOUNS))  # an owner's apostrophe is this near
# The head words of BACKREF's alternatives that start at "the" (every such match holds one of
# them, as a word of its own: "the [deputy] minister", "the [intelligence] update", "the
# dockers' union"; a new alternative adds its own): a "the" with none of them ahead, before the
# first mark no such match holds (THE_RUN: lower-case letters, spaces, apostrophes, hyphens),
# is not tried, which spares most of the pattern's work (see `match_starts`)
BACKREF_THE_HEADS = frozenset({
    "campaign", "leader", "minister", "mayor", "president", "official", "senator", "congressman",
    "congresswoman", "secretary", "ambassador", "envoy", "chancellor", "premier", "judge", "prosecutor",
    "director", "candidate", "spokesman", "spokeswoman", "spokesperson", "head", "chairman",
    "chief", "nominee", "frontrunner", "runner", "incumbent", "challenger", "billionaire", "mogul",
    "businessman", "businesswoman", "executive", "founder", "republican", "democrat", "researcher",
    "activist", "expert",
    "analyst", "dictator", "governor", "commander", "economist", "lawmaker", "ombudsman",
    "ombudswoman", "politician", "scholar", "journalist", "general",
    "ministry", "department", "mod",
    "update", "report", "statement", "bulletin", "assessment", "analysis", "study", "research",
    "investigation", "findings", "review", "survey", "poll", "briefing", "publication", "outlet",
    "newspaper", "paper", "website", "site", "broadcaster", "channel", "magazine", "agency",
    "group", "organisation", "organization", "foundation", "fund", "institute", "tank",
    "service", "committee", "authors", "researchers", "intelligence", "document",
    *STAFF_NOUNS, *DOCUMENT_SPEAKERS, *BACK_HEADS, *DOCUMENT_NOUNS})
THE_RUN = re.compile(r"[a-z\s'’-]*")


# "The government of the Tyumen region", "the administration of Belgorod": a body named by its
# place, lower-case head first. "According to the FP": an acronym a cue links, registered or not.
BODY_OF = re.compile(
    rf"(?=[TtGgAaPpMm])(?<![\w’'-])(?:[Tt]he\s+)?((?:[Gg]overnment|[Aa]dministration|[Pp]arliament|[Aa]uthorities|"
    rf"[Pp]rosecutor['’]s\s+[Oo]ffice|[Mm]ayor['’]s\s+[Oo]ffice)\s+of\s+(?:the\s+)?{_CAP}"
    rf"(?:[\s-]+{_CAP}){{0,2}}(?:\s+(?:region|oblast|republic|krai|province|city|district))?)"
)
# A state's body named by its country's adjective: "the Israeli military said", "the Polish
# government announced" (registered ones, "the Russian military", are the registry's)
STATE_BODY_NOUNS = ("military", "army", "navy", "government", "police", "air force", "coast guard")
DEMONYM_BODY = re.compile(
    r"(?<![\w’'-])(?:[Tt]he\s+)?((?:" + "|".join(sorted({re.escape(d) for d in DEMONYMS.values()},
                                                        key=len, reverse=True))
    + r")\s+" + phrases_pattern(STATE_BODY_NOUNS) + r")(?![\w’'-])"
    r"(?!\s+" + words_pattern(COMMENTATOR_NOUNS) + ")")  # ("Russian military bloggers")
CITED_ACRONYM = re.compile(
    r"(?=[AaCcQqRrTtIiSs])\b(?:(?i:according\s+to|citing|quoting|cited\s+by|quoted\s+by|reported\s+by)"
    # ("told KXRT", "an interview with KXRT": never the first word of a name, "told NBC News")
    r"|(?i:told|interview\s+with|speaking\s+to|spoke\s+to)(?=\s+(?:the\s+)?[A-Z][A-Z&]{1,5}\b(?!\s+[A-Z])))\s+"
    r"(?:the\s+)?([A-Z][A-Z&]{1,5})\b(?![.’'-]\w)"
    r"|(?=[A-Z])\b([A-Z][A-Z&]{1,5}|[A-Z][a-z]+(?:[A-Z][a-z]+)*)(?:['’]s)?\s+(?=(?:"
    + "|".join(RECORD_NOUNS) + r")\b)"
    # "a poll conducted by Gallup", "figures compiled by Rosstat", "a survey by Gallup": a
    # one-word maker of a record
    r"|\b(?:" + "|".join(MAKER_PARTICIPLES + RECORD_NOUNS)
    + r")\s+by\s+(?:the\s+)?"
    r"([A-Z][a-z]+(?:[A-Z][a-z]+)*)\b(?![.’'-]\w|\s+[A-Z])"
)

# "According to Hargreaves, ...": one capitalised word a cue links, standing alone (no name,
# "of" or "and" after it), that no other finder knows: a source named by its surname or name
CITED_ONE_WORD = re.compile(
    r"(?=[AaCcQq])\b(?i:according\s+to|citing|quoting)\s+([A-Z][a-z]+(?:[A-Z][a-z]+)*)\b"
    r"(?![.’'-]\w|\s+(?:[A-Z]|of\b|and\b|[a-z]+\s+[A-Z]))"
)
CITED_ONE_WORD_HIT = frozenset(("according", "citing", "quoting"))


# Where ORG_NAME, BODY_OF and CITED_ACRONYM may match: the words each needs, found in the
# lower-cased text, so that the full patterns run only near them (see `matches_of`).
ORG_HIT = frozenset({w.lower() for w in ORG_HEADS} | {
    "ministry", "guard", "service", "agency", "staff", "office", "force", "forces", "government",
    "military", "army",
    "authorities", "parliament", "duma", "commissariat", "officials", "intelligence", "sources",
    "diplomats", "investigators", "prosecutors", "administration"})
BODY_OF_HIT = (frozenset(("government", "administration", "parliament", "authorities", "office")),
               re.compile(r"\s+of\b"))  # the words, with "of" after them
ACRONYM_CUE_HIT = frozenset(("according", "citing", "quoting", "cited", "quoted", "reported",
                             "told", "interview", "speaking", "spoke",
                             *MAKER_PARTICIPLES, *RECORD_NOUNS))
# Each pattern's words, and how far before and after them it may match (see `matches_of`);
# keyed by identity, since a compiled pattern hashes its whole program on every lookup.
NEEDED_WORDS = {id(pattern): near for pattern, near in (
    (GROUP_SPEAKERS, (DESCRIPTION_HIT, 60, 160)), (SINGLE_SPEAKER, (SINGLE_SPEAKER_HIT, 200, 0)),
    (CITED_DESCRIPTION, (CITING_HIT, 0, 200)), (ORG_NAME, (ORG_HIT, 120, 100)),
    (DESCRIBED_SPEAKER, (SINGULAR_HIT | frozenset(SPOKES_WORDS), 60, 160)), (BODY_OF, (BODY_OF_HIT, 20, 90)),
    (CITED_ACRONYM, (ACRONYM_CUE_HIT, 30, 40)), (INVERTED_ONE_WORD, (INVERTED_HIT, 4, 40)),
    (CITED_ONE_WORD, (CITED_ONE_WORD_HIT, 0, 40)),
    (DEMONYM_BODY, (frozenset(("military", "army", "navy", "government", "police", "force", "guard")),
                    30, 10)),
    (INFORMED_SPEAKER, (KNOWING_HIT, 40, 200)), (RECORD_SPEAKER, (frozenset(DOCUMENT_SPEAKERS), 40, 200)),
    (CITED_INFORMED, (KNOWING_HIT, 60, 120)), (GROUP_RECORD, (DESCRIPTION_HIT, 40, 60)),
    (INVERTED_DESCRIPTION, (DESCRIPTION_HIT | SINGULAR_HIT, 60, 40)),
    (KIN_SPEAKER, (frozenset(KIN_NOUNS), 40, 160)),
    (OWNED_TITLE_SPEAKER, (frozenset(OWNED_TITLES), 60, 160)),
    (BODY_GROUP_SPEAKER, (frozenset(MEMBER_GROUP_NOUNS), 60, 160)))}
# Where a match of ORG_NAME may start, from its alternatives' first words: a capital, "the"
# before a capital, "officials in", "authorities in" (led by that letter: a fast scan)
ORG_NAME_START = re.compile(
    rf"[{UPPER}toa](?<![\w’'-].)(?:(?<=[{UPPER}])|(?<=t)(?=he\s+[{UPPER}])"
    r"|(?<=o)(?=fficials\s+in\s)|(?<=a)(?=uthorities\s+in\s))")


SENTENCE_OPENS = re.compile(r"(?:^|[.!?]\s+|\n)$")


def gerund_opening(word: str, text: str, start: int) -> bool:
    """"Comparing data on ...": a sentence opened by a verb's -ing form, not by a name."""
    return word.endswith("ing") and SENTENCE_OPENS.search(text[max(0, start - 3):start]) is not None


def place_named_bodies(text: str, taken: list[tuple[int, int]], index: SourceIndex) -> list[Ref]:
    """Bodies named by their place, and acronyms that a cue links to a figure."""
    refs, taken = [], list(taken)
    lowered = lower_same_length(text)
    for pattern in (BODY_OF, DEMONYM_BODY, CITED_ACRONYM):
        for m in matches_of(pattern, text, lowered):
            group = next(g for g in range(1, (m.re.groups or 1) + 1) if m.group(g))
            name, start, end = m.group(group), m.start(group), m.end(group)
            if pattern is CITED_ACRONYM and ((not_one_word_name(name, text)
                                              and name not in GOVERNMENT_PLACES)
                                             or gerund_opening(name, text, start)):
                continue
            if overlaps(start, end, taken):
                continue
            if pattern is DEMONYM_BODY:
                name = index.canonical(name) or name
            refs.append(Ref(start, end, NAMED, name[0].upper() + name[1:]))
            bisect.insort(taken, (start, end))
    return refs


def cited_one_word_names(text: str, taken: list[tuple[int, int]]) -> list[Ref]:
    """One-word sources a cue links that no finder before knew (a person's later surname is
    known by then, and resolves to the person)."""
    return [Ref(m.start(1), m.end(1), NAMED, m.group(1))
            for m in matches_of(CITED_ONE_WORD, text, lower_same_length(text))
            if not not_one_word_name(m.group(1), text) and m.group(1) not in GOVERNMENT_PLACES
            and not overlaps(m.start(1), m.end(1), taken)]


# Heads a name of modifiers alone ("the Defence Ministry", "the Federal Security Service") is a
# back-reference by: the body it means is the one the article names or its country's. Other
# heads name their body whole ("the Federal Reserve", "the National Guard").
FUNCTION_HEADS = frozenset({"ministry", "service", "staff", "forces", "force"})  # of any state
GENERIC_HEADS = FUNCTION_HEADS | frozenset(BACK_HEADS)


def head_word(name: str) -> str:
    """The head of a body's name: its last word before "of", "for" or "on"."""
    return re.split(r"\s(?:of|for|on)\s", name, maxsplit=1)[0].split()[-1]


# adjectives that open a body's name when a name follows its head: "the Regional Centre for
# Civil Liberties" is a body ("Regional officials said" is not)
NAME_ADJECTIVES = frozenset({"Regional", "Local"})


def named_adjective(first: str, name: str, tail: list[str]) -> bool:
    """Whether `first` opens the body's name: a named body's head ("Centre for Civil
    Liberties"), not a generic one ("Regional Ministry of Health")."""
    return (first in NAME_ADJECTIVES and bool(tail) and tail[0][:1].isupper()
            and head_word(name).lower() not in FUNCTION_HEADS)


def org_names(text: str, taken: list[tuple[int, int]], index: SourceIndex) -> list[Ref]:
    """Unregistered bodies named in full; a name that overlaps a known one is left to it."""
    refs = []
    for found in matches_of(ORG_NAME, text, lower_same_length(text)):
        m = found
        while m.group("adj") and m.group().split()[0] in NOT_OWNER - {"The"}:
            # "According to the Bureau of ...": the name starts after the function words
            nxt = ORG_NAME.search(text, m.start() + len(m.group().split()[0]) + 1, m.end())
            if nxt is None:
                break
            m = nxt
        start, name = m.start(), m.group()
        first = name.split()[0]
        if m.group("group") and first in NOT_OWNER:
            continue
        if first in ("the", "The"):
            name = name.split(None, 1)[1]
            first = name.split()[0]
        while first.islower() and any(w[:1].isupper() for w in name.split()[1:2]):
            name = name.split(None, 1)[1]  # "the nonpartisan Committee for ...": the Committee
            first = name.split()[0]
        adj = [w for w in (m.group("adj") or "").split() if w != "The"]
        tail = re.split(r"\s(?:of|for|on)\s", name, maxsplit=1)[1:]  # "Committee on Taxation"
        tail = tail[0].split() if tail else []
        # "the Ministry of Defence" is a back-reference; "the Justice Department" and "the
        # Department of Labor" name a body (the words news capitalises for one)
        generic = m.group("adj") and "Department" not in name.split() and all(
            w in BODY_MODIFIERS for w in adj + tail if w not in ("the", "The")) and (
            head_word(name).lower() in GENERIC_HEADS)
        if (first in NOT_OWNER and not named_adjective(first, name, tail)) or generic:
            continue
        if overlaps(start, m.end(), taken):
            continue
        if m.group("officials_in"):  # "officials in Bashkortostan": Bashkortostan officials
            words = name.split()
            name = " ".join([*words[2:], words[0].lower()])
        end = m.end()
        if name.split()[-1] in CORPORATE_SUFFIXES and text[end:end + 1] == ".":
            end += 1  # "Ford Motor Co. said": the abbreviation's point is the name's
        owner = m.group("owner")
        if owner and is_person(owner) and name.split()[-1] in SPEAKS_FOR_NOUNS:
            name = owner  # "Sen. Ted Cruz's office said": his own people speak for him
        refs.append(Ref(start, end, NAMED, body_name(owner, " ".join(name.split()), index)))
    return refs


# What a ministry does, from the words that name it: "the Foreign Ministry", "the Ministry of
# Internal Affairs". A back-reference resolves only to a ministry with the same function.
MINISTRY_FUNCTIONS = {"defence": ("defence", "defense"), "foreign": ("foreign",),
                      "interior": ("interior", "internal"), "justice": ("justice",),
                      "finance": ("finance",), "health": ("health",),
                      "labour": ("labour", "labor"), "emergencies": ("emergencies",)}


def ministry_function(words: str) -> str:
    """The function a ministry's name gives ("defence", "foreign", ...), or "" for any."""
    lowered = words.lower()
    return next((f for f, stems in MINISTRY_FUNCTIONS.items()
                 if any(stem in lowered for stem in stems)), "")


MINISTER = re.compile(r"(?P<owner>.+?)\s+(?P<function>"
                      + "|".join(stem for stems in MINISTRY_FUNCTIONS.values() for stem in stems)
                      + r")\s+minister", re.I)


def minister_ministry(described_minister: str) -> str | None:
    """The ministry a minister described, not named, heads: "Kazakhstan's interior minister"
    heads "Kazakhstan's Interior Ministry", which "the ministry" may stand for later."""
    m = MINISTER.fullmatch(described_minister)
    return f"{m['owner']} {m['function'].title()} Ministry" if m else None


class Ref(NamedTuple):
    """A reference to a source: its span, its class, and the name when it is explicit."""

    start: int
    end: int
    cls: str
    name: str | None




def word_start(words, not_after: str) -> str:
    """Any of `words`, in order, where no character of the class `not_after` stands before
    it; one branch per first letter, led by that letter, so that a scan skips to those letters
    instead of trying the look-behind at every character, and tries only the words of the
    letter it finds: "Mr Mrs Ms" -> "(?:M(?<![..].)(?:r|rs|s))"."""
    tails: dict[str, list[str]] = {}
    for w in words:
        tails.setdefault(w[0], []).append(re.escape(w[1:]))
    return "(?:" + "|".join(f"{re.escape(first)}(?<![{not_after}].)(?:{'|'.join(rest)})"
                            for first, rest in tails.items()) + ")"


TITLED = re.compile(word_start(HONORIFICS, r"\w’'.-") + rf"\.?[ \t]+({WORD_RX})"
                    rf"(?![\w’'-]|[ \t]+[{UPPER}])")  # not "President Vladimir Putin"


def titled_surname(text: str, start: int, end: int) -> bool:
    """Whether the one-word name at text[start:end] follows a title ("President Petrov"): a
    person's surname."""
    m = TITLED.search(text, max(0, start - 16), min(len(text), end + 2))
    return m is not None and m.start(1) == start


def person_names(text: str, taken: list[tuple[int, int]]) -> list[Ref]:
    """Unregistered people named in full ("Olga Romanova"), and their later surname mentions;
    a surname after a title ("Mr. Obama") is a person too, named by the surname."""
    refs, surnames = [], {}
    for m in NAME.finditer(text):
        words = m.group().split()
        skip = 0
        while skip < len(words) and words[skip].rstrip(".") in NAME_PREFIX:
            skip += 1
        titles = [k for k, w in enumerate(words) if w.rstrip(".") in NAME_PREFIX]
        if titles and len(words) - skip > 3:  # "Deputy Justice Minister Ivan Petrov": after the title
            skip = titles[-1] + 1
        words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words[skip:]]
        if not 2 <= len(words) <= 3 or any(w in NOT_IN_NAME or w in NAME_PREFIX for w in words):
            continue
        start = m.end() - len(m.group().split(None, skip)[-1]) if skip else m.start()
        name = " ".join(words)
        if not is_person(name) or overlaps(start, m.end(), taken):
            continue
        refs.append(Ref(start, m.end(), NAMED, name))
        surnames.setdefault(words[-1], name)
    for m in TITLED.finditer(text):  # after the full names, so "Mr. Petrov" is Ivan Petrov
        surname = m.group(1)
        if (surname not in surnames and surname not in NOT_IN_NAME and surname not in NAME_PREFIX
                and surname.lower() not in ORG_WORDS):  # "the General Staff" is no General
            surnames[surname] = surname
    if surnames:
        spans = sorted(taken + [(r.start, r.end) for r in refs])
        for start, end, surname in word_mentions(text, list(surnames)):
            if not overlaps(start, end, spans):
                refs.append(Ref(start, end, NAMED, surnames[surname]))
    return refs


def is_word_char(ch: str) -> bool:
    """Whether a character is one `\\w` matches (what `\b` tells apart)."""
    return ch.isalnum() or ch == "_"


def word_mentions(text: str, words: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, word) of each match of r"\b(w1|w2|...)\b" over `text`, the words tried in
    their order, found by plain string search: an article's surnames are its own, so a
    pattern compiled for them would be compiled for every article (a third of a millisecond)."""
    def boundary(i: int) -> bool:
        return (i > 0 and is_word_char(text[i - 1])) != (i < len(text) and is_word_char(text[i]))

    first: dict[int, str] = {}  # where a word matches -> the first word (in order) that does
    for word in words:
        at = text.find(word)
        while at >= 0:
            if at not in first and boundary(at) and boundary(at + len(word)):
                first[at] = word
            at = text.find(word, at + 1)
    found, pos = [], 0
    for at in sorted(first):
        if at >= pos:  # (matches do not overlap: the scan goes on after each)
            found.append((at, at + len(first[at]), first[at]))
            pos = at + len(first[at])
    return found


# "the newspaper Izvestia", "local media Vecherny Kurier", "the project “count the cost”": a name
# put in apposition after a noun for an outlet or project.
APPOSED = re.compile(
    word_start(MEDIA_NOUNS, r"\w-") + r"\s+(?:[“\"](?P<quoted>[^”\"\n]{2,40})[”\"]"
    rf"|(?P<name>{_CAP}(?:\s+{_CAP}){{0,2}}|[A-Z]{{2,}}[a-z]*)(?![\w-]))"
)


# "a rights group, Memorial, said": a name set off by commas after a noun for a body, which
# names the body the noun describes (the closing comma makes it an apposition, not a list).
APPOSED_BY_COMMAS = re.compile(
    word_start(APPOSITION_HEADS, r"\w-") + r",\s+(?P<name>" + _CAP + r"(?:\s+" + _CAP
    + r"){0,2}|[A-Z]{2,}[a-z]*),\s"
)


def apposed_names(text: str, taken: list[tuple[int, int]]) -> list[Ref]:
    """Outlets and projects named in apposition to the noun that introduces them."""
    refs = []
    for m in sorted([*scan(APPOSED, text), *scan(APPOSED_BY_COMMAS, text)], key=lambda m: m.start()):
        group = "quoted" if m.re is APPOSED and m.group("quoted") else "name"
        name, start, end = m.group(group), m.start(group), m.end(group)
        if name.split()[0] in NOT_OWNER | SPEAKER_STOP or name in PLACES or name in NOT_IN_NAME:
            continue
        if overlaps(start, end, taken):
            continue
        if name.islower():  # a project's name quoted in lower case: "count the cost"
            name = " ".join(w.capitalize() for w in name.split())
        refs.append(Ref(start, end, NAMED, name))
    return refs


# Newspapers and broadcasters the registry does not list, by the last word of their masthead:
# "The Times reported", "the Daily Herald", "Sky News".
MASTHEAD = re.compile(  # (led by its capital, as NAME is: "The ..." or one to four words)
    rf"[{UPPER}](?<![\w’'-].)(?:(?<=T)he\s+(?:{_CAP}\s+){{0,3}}|{_CAP_TAIL}\s+(?:{_CAP}\s+){{0,3}}"
    rf"|[A-Z]{{1,4}}\s+)(?:"  # "NBC News", "CBS News"
    + "|".join(MASTHEAD_HEADS) + r")(?![\w-])"
)


INSTITUTION = re.compile(  # (led by their capitals: a scan skips to those letters)
    "(?=[" + "".join(sorted({n[0] for n in INSTITUTION_NAMES})) + r"])(?<![\w’'-])(?:"
    + "|".join(INSTITUTION_NAMES) + r")(?![\w’'-])")


# ... and by the head alone after a lower-case "the": "the Telegraph reported" (The Telegraph)
LONE_MASTHEAD = re.compile("(?=[" + "".join(sorted({h[0] for h in LONE_MASTHEADS})) + r"])(?<=\bthe\s)(?:"
                           + "|".join(LONE_MASTHEADS) + r")(?![\w’'-]|\s+[A-Z])")


def masthead_names(text: str, taken: list[tuple[int, int]]) -> list[Ref]:
    """Unregistered outlets named by their masthead."""
    refs = []
    for m in MASTHEAD.finditer(text):
        words = m.group().split()
        if words[0] != "The" and (words[0] in NOT_OWNER or words[0] in PLACES):
            continue  # "Moscow Times" alone is left to the registry; "In Izvestia" is no name
        if overlaps(m.start(), m.end(), taken):
            continue
        refs.append(Ref(m.start(), m.end(), NAMED, " ".join(words)))
    for m in LONE_MASTHEAD.finditer(text):
        if not overlaps(m.start() - 4, m.end(), taken) and not overlaps(m.start(), m.end(), [
                (r.start, r.end) for r in refs]):
            refs.append(Ref(m.start() - 4, m.end(), NAMED, "The " + m.group()))
    return sorted(refs, key=lambda r: r.start)


PAIR_GAP = re.compile(r"\s+and\s+(?:the\s+)?")
# "X, a researcher at ..., and Y": two people, each described, named together
DESCRIBED_PAIR_GAP = re.compile(r",\s+(?:an?|the)\s+[^.;:\n“”\"]{1,160}?,\s+and\s+")


def is_generic(name: str) -> bool:
    """A described source ("Russian media", "Western officials"), not a named one."""
    last = name.split()[-1].lower()
    return last in DESCRIPTION_NOUNS or last in MEDIA_NOUNS


def is_described(name: str) -> bool:
    """A source named by what it is ("a monitoring group", "the newspaper"), which a name
    in apposition after it names."""
    last = name.split()[-1].lower()
    return is_generic(name) or last in DESCRIPTION_SINGULARS or last in APPOSITION_HEADS


def closed_apposition(text: str, prev: Ref, ref: Ref) -> bool:
    """"a monitoring group, the Syrian Observatory, said": a name between two commas right
    after a described source."""
    return (text[prev.end:ref.start].strip() == "," and text.startswith(",", ref.end)
            and is_described(prev.name) and not is_described(ref.name))


# "the Kommersant newspaper", "the Interfax news agency": the noun after an outlet's name is
# part of it (so "the Kommersant newspaper said" is the outlet speaking)
MEDIA_NOUN_AFTER = re.compile(
    r"(?:[ \t]+(?:" + "|".join(re.escape(w) for w in MEDIA_QUALIFIERS) + r")){0,2}[ \t]+(?:"
    + "|".join(n for n in MEDIA_NOUNS if n != "media") + r")(?![\w’'-])")


# "the Baza Telegram channel", "the Fontanka news site": an unregistered outlet named before
# its noun (not "the Russian newspaper", "the Moscow daily": a place or an adjective of one)
NAME_BEFORE_MEDIA_NOUN = re.compile(
    rf"(?<![\w’'-])[Tt]he\s+(?P<name>{_CAP}(?:\s+{_CAP}){{0,2}}?)(?=" + MEDIA_NOUN_AFTER.pattern + ")")
ADJECTIVE_ENDINGS = ("ian", "ean", "ese", "ish", "can", "ern", "ic")


def outlets_before_their_noun(text: str, taken: list[tuple[int, int]]) -> list[Ref]:
    """Unregistered outlets named by the words before a media noun."""
    refs = []
    for m in matches_of(NAME_BEFORE_MEDIA_NOUN, text, lower_same_length(text)):
        words = m.group("name").split()
        if any(w in PLACES or w in NOT_OWNER or w in NOT_IN_NAME or w in DESCRIPTION_QUALIFIERS
               or w.endswith(ADJECTIVE_ENDINGS) for w in words):
            continue
        if not overlaps(m.start("name"), m.end("name"), taken):
            refs.append(Ref(m.start("name"), m.end("name"), NAMED, " ".join(words)))
    return refs


# "Two US researchers say": the count before a described group of people is part of it
COUNT_BEFORE = re.compile(r"(?<![\w’'-])(?i:two|three|four|both)\s+(?:[A-Z]{2,4}\s+)?$")


def with_counts(refs: list[Ref], text: str) -> list[Ref]:
    """Described groups of people with the count written before them (the name unchanged)."""
    out = []
    for ref in refs:
        m = None
        if ref.cls == NAMED and ref.name and ref.name.split()[-1].lower() in DESCRIPTION_NOUNS:
            m = COUNT_BEFORE.search(text, max(0, ref.start - 16), ref.start)
        if m and (not out or out[-1].end <= m.start()):
            ref = ref._replace(start=m.start())
        out.append(ref)
    return out


def with_media_nouns(refs: list[Ref], text: str) -> list[Ref]:
    """Named outlets and bodies with the media noun that follows their name."""
    out = []
    for i, ref in enumerate(refs):
        m = MEDIA_NOUN_AFTER.match(text, ref.end) if ref.cls == NAMED and ref.name else None
        if m and (i + 1 == len(refs) or refs[i + 1].start >= m.end()):
            ref = ref._replace(end=m.end())
        out.append(ref)
    return out


def joined(refs: list[Ref], text: str) -> list[Ref]:
    """Named references that act as one: two people or two bodies joined by "and" ("Ferris and
    Wendt wrote", "according to Mediazona and the BBC") become one source; a description
    followed by a name ("local media Vecherny Kurier", "the newspaper Izvestia") becomes the
    name."""
    out: list[Ref] = []
    for ref in refs:
        if ref.cls == NAMED and is_person(ref.name):
            k = next((k for k in range(len(out) - 1, max(-1, len(out) - 5), -1)
                      if out[k].cls == NAMED and is_person(out[k].name)), None)
            if k is not None and out[k].name != ref.name and DESCRIBED_PAIR_GAP.fullmatch(
                    text, out[k].end, ref.start):
                first = out[k]  # the references inside the first one's description go with it
                del out[k:]
                out.append(Ref(first.start, ref.end, NAMED, f"{first.name} and {ref.name}"))
                continue
        prev = out[-1] if out else None
        if prev and prev.cls == NAMED and ref.cls == NAMED and prev.name != ref.name:
            gap = text[prev.end:ref.start]
            if PAIR_GAP.fullmatch(gap) and is_person(prev.name) == is_person(ref.name):
                out[-1] = Ref(prev.start, ref.end, NAMED, f"{prev.name} and {ref.name}")
                continue
            if (gap.strip() in ("", ",") or gap.strip().lower() in MEDIA_NOUNS) and is_generic(
                    prev.name) and not is_generic(ref.name):  # "Russian media outlet Mediazona"
                out[-1] = Ref(prev.start, ref.end, NAMED, ref.name)
                continue
            if closed_apposition(text, prev, ref):
                out[-1] = Ref(prev.start, ref.end, NAMED, ref.name)
                continue
        if prev and prev.cls == ORG and ref.cls == NAMED and (
                text[prev.end:ref.start].strip() in ("", "“", '"')):
            out[-1] = Ref(prev.start, ref.end, NAMED, ref.name)  # "the newspaper Izvestia"
            continue
        out.append(ref)
    return out


ACRONYM = re.compile(r"[A-Z]{2,5}")
CONNECTORS = ("of", "for", "the", "and", "on", "in")


def initials(name: str) -> str:
    """"Baltic Research Centre" -> "BRC"; connecting words do not count ("Centre for X")."""
    return "".join(w[0] for w in name.split() if w not in CONNECTORS and w[:1].isupper())


def spelled_out(refs: list[Ref], text: str, index: SourceIndex) -> list[Ref]:
    """An unregistered acronym stands for the name the article spells it out as ("Foreign
    Policy writes ... According to FP"): a source named there with those initials, else
    capitalised words with those initials. A lone word of that spelled-out name is the name."""
    names = {r.name for r in refs if r.cls == NAMED and r.name and " " in r.name}
    out = list(refs)
    for i, ref in enumerate(refs):
        if ref.cls != NAMED or not ACRONYM.fullmatch(ref.name or "") or index.canonical(ref.name):
            continue
        full = next((n for n in sorted(names) if initials(n) == ref.name), None)
        if full is None:
            gap = r"\s+(?:(?:" + "|".join(CONNECTORS) + r")\s+)*"
            words = gap.join(rf"{letter}[{LOWER}]+" for letter in ref.name)
            m = re.search(rf"(?<![\w’'-]){words}(?![\w’'-])", text)
            if m is None:
                continue
            full = " ".join(m.group().split())
            for k, other in enumerate(out):  # "Policy" found alone in "Foreign Policy writes"
                if other.cls == NAMED and m.start() <= other.start and other.end <= m.end():
                    out[k] = other._replace(name=full)
        out[i] = ref._replace(name=index.canonical(full) or full)
    return out


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps any of `spans` (sorted, not overlapping each other)."""
    i = bisect.bisect_left(spans, (end,)) - 1
    return i >= 0 and spans[i][1] > start


# Patterns tried only where a match may start (see `match_starts`): a scan that finds those
# places, or the words every match begins with, looked up among the text's words.
MATCH_STARTS = {id(ORG_NAME): ORG_NAME_START, id(APPOSED): frozenset(MEDIA_NOUNS),
                id(APPOSED_BY_COMMAS): frozenset(APPOSITION_HEADS),
                id(BACKREF): BACKREF_WORDS}
NEEDED_WORDS[id(ONE_OF)] = (frozenset({"one"}), 20, 80)  # "citing one of the ..."
NEEDED_WORDS[id(NAME_BEFORE_MEDIA_NOUN)] = (frozenset(MEDIA_NOUNS) - {"media"}, 80, 0)
# words one of which every match of a pattern holds, as a whole word: without them the pattern
# is not run
REQUIRED_WORDS = {id(CAMPAIGN_OWNER): frozenset(("campaign", *OWNER_PEOPLE))}
# every word the prefilters look up, as one scan (see `word_places`)
LOOKED_UP = frozenset(w for hit in [h for h, _, _ in NEEDED_WORDS.values()] + list(MATCH_STARTS.values())
                      if not isinstance(hit, re.Pattern)
                      for w in (hit if isinstance(hit, frozenset) else hit[0])) | frozenset(
    ).union(*REQUIRED_WORDS.values(), BACKREF_THE_HEADS)
WORD_CHARS = re.compile(r"\w+")  # the text's words (those of LOOKED_UP are word characters only)


COMMENTATORS = re.compile(r"\s+(?:" + "|".join(COMMENTATOR_NOUNS) + r")\b")
# a registered name inside a longer one: "the Danish Defence Intelligence Service"
EXTENDED_NAME = re.compile(r"[ \t]+(?:" + "|".join(NAME_EXTENDING_HEADS) + r")\b")


# Outlets named by their web address, as Russian and Ukrainian news often are: "Fontanka.ru",
# "Ngs.ru wrote", "Znak.com reported".
DOMAIN_SUFFIX = re.compile(r"\.(?:" + "|".join(OUTLET_DOMAINS) + r")(?![\w.@/-])")
# the name before a suffix, read backwards from it: a capitalised word, not inside an address
DOMAIN_NAME = re.compile(rf"(?<![\w.@/’'-])[{UPPER}][\w-]*$")


def with_domains(refs: list[Ref], text: str) -> list[Ref]:
    """References with the web-address suffix after them ("Fontanka" of "Fontanka.ru"), and
    outlets named only by an address (found from their suffix: a scan for the full stop)."""
    out = [r._replace(end=m.end()) if (m := DOMAIN_SUFFIX.match(text, r.end)) else r for r in refs]
    spans = sorted((r.start, r.end) for r in out)
    for suffix in DOMAIN_SUFFIX.finditer(text):
        name = DOMAIN_NAME.search(text, max(0, suffix.start() - 40), suffix.start())
        if name and not overlaps(name.start(), suffix.end(), spans):
            out.append(Ref(name.start(), suffix.end(), NAMED, text[name.start():suffix.end()]))
    return sorted(out)


# Names joined by "&" are one name: "S&P Global", "AT&T", "Johnson & Johnson" (a body, never
# a person); and two names hyphenated before a record noun are the record's joint makers: "a
# Washington Post-ABC News poll", "a Reuters-Ipsos survey" (the pair, not either alone)
# (a word of such a name: "AT", "JPMorgan", "McKinsey"; and a company's abbreviated suffix
# with its full stop: "JPMorgan Chase & Co.")
_JOINT_WORD = rf"(?:[A-Z]{{1,5}}(?:[a-z]+(?:[A-Z][a-z]+)?)?|{WORD_RX})"
AMPERSAND_NAME = re.compile(
    rf"(?<![\w’'&.-])(?:(?:{_JOINT_WORD}\s+){{0,2}}(?:[A-Z]{{1,4}}&[A-Z]{{1,4}}|{_JOINT_WORD}(?:\s+&\s+{_JOINT_WORD})+)"
    rf"(?:\s+{WORD_RX}){{0,2}})(?:(?<=Co)\.|(?<=Inc)\.|(?<=Ltd)\.|(?<=Corp)\.)?(?![\w&-])")
HYPHEN_JOINT = re.compile(
    rf"(?<![\w’'&.-])((?:{_JOINT_WORD}\s+){{0,2}}{_JOINT_WORD}-(?:{_JOINT_WORD}\s+){{0,2}}{_JOINT_WORD})"
    rf"(?=\s+(?:{'|'.join(DOCUMENT_SPEAKERS)})\b)")
HYPHEN_CAPITAL = re.compile(rf"-[{UPPER}]")  # the joint's hyphen: a cheap scan before HYPHEN_JOINT


def joint_names(text: str) -> list[Ref]:
    """Names joined by "&", and makers hyphenated before their record (see AMPERSAND_NAME)."""
    out = []
    for pattern in (AMPERSAND_NAME, HYPHEN_JOINT):
        if ("&" not in text if pattern is AMPERSAND_NAME else not (
                HYPHEN_CAPITAL.search(text) and any(w in text for w in DOCUMENT_SPEAKERS))):
            continue  # (what every match holds: "&"; a hyphen before a capital, a record noun)
        for m in pattern.finditer(text):
            words = m.group().split()
            skip = 1 if len(words) > 1 and words[0] in NOT_OWNER | NAME_PREFIX else 0
            start = m.start() + (len(m.group()) - len(" ".join(words[skip:]))) if skip else m.start()
            out.append(Ref(start, m.end(), NAMED, " ".join(words[skip:]).rstrip(".")))
    return out


def references(text: str, index: SourceIndex) -> list[Ref]:
    """Every source reference in `text`, in order, without overlaps (registry names win)."""
    joints = joint_names(text)
    spans = sorted((r.start, r.end) for r in joints)
    refs = with_domains([Ref(m.start, m.end, NAMED, m.name) for m in index.mentions(text)
                         if not COMMENTATORS.match(text, m.end)
                         and not (EXTENDED_NAME.match(text, m.end)
                                  and text[m.start:m.end].split()[-1] not in ORG_HEADS)
                         and not overlaps(m.start, m.end, spans)], text)
    refs = sorted(refs + [r._replace(name=index.canonical(r.name) or r.name) for r in joints])
    taken = [(r.start, r.end) for r in refs]
    refs += org_names(text, taken, index)
    taken = sorted((r.start, r.end) for r in refs)
    refs += place_named_bodies(text, taken, index)
    taken = sorted((r.start, r.end) for r in refs)
    refs += person_names(text, taken)
    taken = sorted((r.start, r.end) for r in refs)
    refs += cited_one_word_names(text, taken)
    taken = sorted((r.start, r.end) for r in refs)
    refs += apposed_names(text, taken)
    taken = sorted((r.start, r.end) for r in refs)
    refs += masthead_names(text, taken)
    taken = sorted((r.start, r.end) for r in refs)
    refs += outlets_before_their_noun(text, taken)
    taken = sorted((r.start, r.end) for r in refs)
    refs += [Ref(m.start(), m.end(), NAMED, m.group()) for m in INSTITUTION.finditer(text)
             if not overlaps(m.start(), m.end(), taken)]
    taken = sorted((r.start, r.end) for r in refs)
    lowered = lower_same_length(text)
    refs = owned_titles(text, refs, lowered)
    taken = sorted((r.start, r.end) for r in refs)
    backrefs = list(scan(BACKREF, lowered))
    # a ministry named by its function is one reference before any of its words is a
    # one-word speaker: "the Ministry of Foreign Affairs said" (not "Affairs said")
    ministries = sorted(taken + [m.span() for m in backrefs if m.lastgroup == MINISTRY
                                 and not overlaps(m.start(), m.end(), taken)])
    refs += speaker_names(text, ministries, lowered)
    taken = sorted((r.start, r.end) for r in refs)
    starts = {start for start, _ in taken}
    for m in backrefs:
        if not overlaps(m.start(), m.end(), taken) and not made_by_named(m, lowered, starts):
            # what the reference says of its body: a ministry's function, a body's head word
            detail = (ministry_function(m.group()) if m.lastgroup == MINISTRY
                      else m.group().split()[-1] if m.lastgroup in (ORG, PERSON) else None)
            refs.append(Ref(m.start(), m.end(), m.lastgroup, detail))
    refs = with_media_nouns(spelled_out(sorted(refs), text, index), text)
    return joined(with_counts(refs, text), text)
