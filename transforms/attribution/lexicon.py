"""Word knowledge of attribution, declared once as data; patterns are derived from it.

- SPEECH_VERBS: verbs that report a statement or a finding, by lemma with their forms. Every
  tense is derived: "says", "said", "has said", "had estimated", "is saying".
- DESCRIPTIONS: nouns for sources that news describes rather than names ("officials",
  "local media", "analysts"), and the words that may qualify them.
- ORG_HEADS: the last word of an organisation's name ("the Brennan Center", "the World Bank").
- BACK_HEADS, MEDIA_NOUNS: the nouns a back-reference or an apposition names a body by.
- MASTHEAD_HEADS: the last word of a newspaper's or broadcaster's name ("The Times", "Sky
  News"): an unregistered name ending in one is an outlet.
- MEDIA_QUALIFIERS, OUTLET_DOMAINS: the words between an outlet's name and its noun ("the
  Interfax news agency") and the web-address endings it may be named by ("Fontanka.ru").
- APPOSITION_HEADS: nouns for a body that a name set off by commas names ("a rights group,
  Memorial, said").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# lemma: (third person, past, participle, gerund); None = regular
SPEECH_VERBS_TEXT = """
say:says,said,said,saying tell:tells,told,told,telling write:writes,wrote,written,writing
report estimate announce confirm reveal mention highlight explain warn
find:finds,found,found,finding point_out:points_out,pointed_out,pointed_out,pointing_out
assess calculate indicate suggest inform stress emphasise emphasize acknowledge
admit:admits,admitted,admitted,admitting disclose
publish count record identify conclude insist declare believe argue allege observe
show:shows,showed,shown,showing tweet post project predict
put:puts,put,put,putting cite quote specify:specifies,specified,specified,specifying
specify clarify forecast:forecasts,forecast,forecast,forecasting
expect reckon assert boast brag:brags,bragged,bragged,bragging ask complain state note add
claim fear worry:worries,worried,worried,worrying
rule establish determine testify:testifies,testified,testified,testifying
document verify:verifies,verified,verified,verifying brief assure remind
notify:notifies,notified,notified,notifying
speak_of:speaks_of,spoke_of,spoken_of,speaking_of talk_of:talks_of,talked_of,talked_of,talking_of
speak_about:speaks_about,spoke_about,spoken_about,speaking_about
talk_about:talks_about,talked_about,talked_about,talking_about
concede tout caution lament maintain contend counter hint tally:tallies,tallied,tallied,tallying
"""
# what opens a reported clause after its verb: "said on Monday that ...", "reported that ..."
THAT_OPENS = r"(?:\s+[\w’'-]+){0,3}?\s+that\b"
# what joins a clause with a subject of its own after a comma: "X held its rate at 4.5 percent,
# and Chair Y said ..." (Y's cue does not reach back over it)
CLAUSE_COORDINATORS = ("and",)
# one who speaks for a body: "a spokeswoman said", "a spokesman for X said"
SPOKES_WORDS = ("spokesman", "spokeswoman", "spokesperson")
SPOKESPERSON = "(?:" + "|".join(SPOKES_WORDS) + ")"
# ranks before "spokesman" that say nothing of whom they speak for: "a senior spokesman" is
# the body named before, where "a police spokesman" speaks for the police
SPOKES_RANKS = ("senior", "top", "chief", "deputy", "former", "press")
NOUN_ONLY_FORMS = ("estimate",)  # "the estimate": a verb form only after its subject
# Third-person forms that are more often a plural noun after a capitalised word ("Baltic
# states", "Kremlin records", "Telegram posts"): no one-word name speaks by them
NOUN_SENSE_FORMS = ("states", "records", "posts", "counts", "shows", "finds", "cites", "quotes",
                    "projects", "forecasts", "documents", "rules", "briefs", "tallies")
# Participles that stand before a noun as adjectives after a possessive ("Russia's estimated
# losses", "the ministry's reported toll"): a possessive name before them does not speak
# (where "Moody's said" is a company's name that does)
ADJECTIVE_SENSE_FORMS = ("estimated", "reported", "projected", "expected", "forecast", "claimed",
                         "stated", "confirmed", "recorded", "declared", "documented", "published",
                         "predicted", "calculated", "counted", "identified", "announced",
                         "disclosed", "revealed", "admitted", "acknowledged", "feared", "posted",
                         "established", "determined", "verified", "specified", "quoted", "cited")


def verb_forms(lemma: str, irregular: str | None) -> tuple[str, ...]:
    """A verb's forms: lemma, third person, past, participle, gerund."""
    base = lemma.replace("_", " ")
    if irregular:
        return (base, *(f.replace("_", " ") for f in irregular.split(",")))
    if base[-1] == "y" and base[-2] not in "aeiou":  # identify: identifies, identified
        return base, base[:-1] + "ies", base[:-1] + "ied", base[:-1] + "ied", base + "ing"
    stem = base[:-1] if base.endswith("e") else base
    third = base + ("es" if base.endswith(("s", "sh", "ch", "x")) else "s")
    past = base + "d" if base.endswith("e") else base + "ed"
    return base, third, past, past, stem + "ing"


SPEECH_VERBS: dict[str, tuple[str, ...]] = {}
for _entry in SPEECH_VERBS_TEXT.split():
    _lemma, _, _forms = _entry.partition(":")
    SPEECH_VERBS[_lemma] = verb_forms(_lemma, _forms or None)

# The speech verbs news puts before their subject: "..., said two officials", "..., writes
# the newspaper". (Their plain, present and past forms, from SPEECH_VERBS.)
INVERTING_VERBS = ("say", "add", "write", "note", "estimate", "claim", "warn", "explain",
                   "report", "confirm", "insist", "argue")
INVERTED_FORMS = tuple(sorted({f for v in INVERTING_VERBS for f in SPEECH_VERBS[v][:3]}))
# Titles news puts before a surname alone: "Mr. Obama", "Gov. Romney", "President Petrov"
HONORIFICS_TEXT = """
    Mr Mrs Ms Miss Dr Prof Professor Gov Governor Sen Senator Rep Representative President Mayor
    General Gen Colonel Col Minister Judge Secretary Chancellor Ambassador Speaker Premier"""
HONORIFICS = tuple(HONORIFICS_TEXT.split())
# The speech verbs news hangs on a subject's clause as a participle: "X disputed the figure,
# saying losses were under $10 million" (X speaks the figures after it).
PARTICIPLE_VERBS = ("say", "add", "note", "claim", "estimate", "argue", "warn", "explain",
                    "state", "insist", "write", "tell", "announce", "report")
PARTICIPLE_FORMS = tuple(sorted(SPEECH_VERBS[v][4] for v in PARTICIPLE_VERBS))
PAST_FORMS = sorted({f[2] for f in SPEECH_VERBS.values()})
PRESENT_FORMS = sorted({f[0] for f in SPEECH_VERBS.values()} | {f[1] for f in SPEECH_VERBS.values()})
# (the adverbs news puts inside a verb's tense: "has since said", "would later say")
_ADVERB = (r"(?:(?:also|now|since|previously|already|so\s+far|repeatedly|recently|not|later|"
           r"earlier|then|again|publicly|first)\s+)?")


def alternation(words) -> str:
    """The words as one pattern that tries a longer word before its start ("says" before
    "say"), as a trie: one branch per letter, not one per word."""
    return trie_regex(sorted(set(words)))


def char_regex(ch: str) -> str:
    """Regex text for one character of an alias key: any run of spaces, either apostrophe."""
    return {" ": r"\s+", "'": "['’‘]"}.get(ch) or re.escape(ch)


def trie_regex(keys: Iterable[str]) -> str:
    """One alternation for many aliases, as a character trie so matching stays fast."""
    trie: dict = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = [char_regex(ch) + render(child) for ch, child in node.items() if ch]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if optional:
            return "(?:" + body + ")?"
        return body

    return render(trie)


# Active voice in any tense: "said", "says", "has said", "had estimated", "would say",
# "is saying". "was counted by X" is passive: its subject is what was counted, not who counted.
SPEECH = (
    rf"(?:(?:has|have|had)\s+{_ADVERB}(?:been\s+(?:{alternation(f[4] for f in SPEECH_VERBS.values())})"
    rf"|{alternation(f[3] for f in SPEECH_VERBS.values())})"
    rf"|(?:is|are|was|were)\s+{_ADVERB}(?:{alternation(f[4] for f in SPEECH_VERBS.values())})"
    rf"|(?:will|would|could|may|might|can)\s+{_ADVERB}(?:{alternation(PRESENT_FORMS)})"
    rf"|{alternation(PAST_FORMS + PRESENT_FORMS)})"
)

DESCRIPTION_NOUNS_TEXT = """
    officials authorities sources media analysts experts observers researchers investigators
    diplomats lawmakers residents relatives activists monitors journalists economists
    demographers historians sociologists lawyers volunteers families soldiers recruits groups
    officers commanders prosecutors spokespeople insiders advocates friends colleagues witnesses
    neighbours neighbors veterans doctors medics opposition police organizers organisers critics
    supporters opponents pollsters scientists protesters campaigners bloggers milbloggers
    commentators historians republicans democrats conservatives liberals progressives
    legislators senators governments agencies polls surveys fighters servicemen mercenaries
    prisoners inmates convicts migrants workers conscripts deserters refugees mothers wives
    widows aides advisers advisors strategists staffers traders dealers bankers forecasters
    checkers firefighters rescuers paramedics nurses surgeons teachers students farmers
    executives managers employees investors voters judges negotiators mediators inspectors
    regulators villagers survivors eyewitnesses parents"""
# The people close to someone who speak for themselves, not for that someone, with the
# possessive that names them: "his widow said", "the soldier's mother told the BBC", "the
# man's lawyer said" (unlike "her aides said", the owner's own people: SPEAKS_FOR_NOUNS).
KIN_NOUNS_TEXT = """
    mother mothers father fathers parents wife wives husband widow widows son sons daughter
    daughters brother brothers sister sisters relative relatives family lawyer lawyers attorney
    attorneys friend friends neighbour neighbours neighbor neighbors fiancee girlfriend"""
KIN_NOUNS = tuple(KIN_NOUNS_TEXT.split())
# The offices one person holds for an owner a possessive names, who speaks as that person
# described: "Acme's chief executive said", "the company's finance director said" (the person
# as written, as "Poland's prime minister" is; "Acme's spokesman" speaks for Acme instead).
OWNED_TITLES_TEXT = """
    executive officer secretary minister director chairman chairwoman chair president founder
    chief economist strategist treasurer commissioner governor mayor leader"""
OWNED_TITLES = tuple(OWNED_TITLES_TEXT.split())
# The members of a body who speak as a group of their own, named by the body before them:
# "Senate Democrats said", "Harlow Council members said" (the group, not the body itself,
# where "Senate aides" or "Pentagon officials" speak for it).
MEMBER_GROUP_NOUNS = ("democrats", "republicans", "lawmakers", "legislators", "senators",
                      "members", "delegates", "conservatives", "liberals", "progressives")
# The people an outlet or a speaker talked with, left unnamed: "says one of the interlocutors of
# the publication", "an interlocutor of the agency said". They are an unnamed source, and
# named so (as unnamed sources are annotated), not the outlet they spoke to.
INTERLOCUTOR_NOUNS = ("interlocutors",)
UNNAMED_SOURCE = "unnamed source"
DESCRIPTION_NOUNS = tuple(DESCRIPTION_NOUNS_TEXT.split()) + INTERLOCUTOR_NOUNS


def singular(noun: str) -> str:
    """"officials" -> "official", "authorities" -> "authority", "spokespeople" -> "spokesperson"."""
    if noun.endswith("people"):
        return noun[:-6] + "person"
    if noun.endswith("men"):
        return noun[:-3] + "man"  # "servicemen"
    if noun.endswith("ves"):
        return noun[:-3] + "fe"  # "wives"
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") else noun


# One described person: "a senior official said", "an expert estimated"
DESCRIPTION_SINGULARS = tuple(sorted({singular(n) for n in DESCRIPTION_NOUNS} - {"media"}))
DESCRIPTION_QUALIFIERS_TEXT = """
    local regional western foreign independent military government security intelligence
    defence defense senior unnamed anonymous multiple several some many two three other
    federal state human rights opposition Russian Ukrainian British American US UK Western
    Indian Nepali Nepalese Kazakh Georgian Finnish Chinese Korean European Kremlin-linked
    pro-Kremlin pro-war Ukrainian-based independent-minded aid relief humanitarian health medical
    election administration industry campaign"""
DESCRIPTION_QUALIFIERS = tuple(DESCRIPTION_QUALIFIERS_TEXT.split())

ORG_HEADS_TEXT = """
    Ministry Agency Service Guard Office Committee Council Department Bureau Police Commission
    Administration Directorate Parliament Government Command Navy Center Centers Centre Institute
    Institutes Bank Foundation University College Group Observatory Fund Organization Organisation
    Association Network
    Project Initiative Watch Monitor Court Tribunal Commissioner Ombudsman Board Authority
    Academy Mission Embassy Consulate Reserve Party Chamber School Institution Trust Society
    Forum League Alliance Coalition Secretariat Inspectorate Laboratory Corporation Exchange
    Assembly Programme Program Trustees"""
# What ends a company's name in business news: "Ford Motor Co.", "Shearson Lehman Hutton Inc."
CORPORATE_SUFFIXES_TEXT = """
    Inc Corp Co Ltd LLC PLC Plc AG SE NV Holdings Industries Securities Airlines Motors
    Technologies Partners Bancorp Enterprises Petroleum Pharmaceuticals Communications"""
CORPORATE_SUFFIXES = tuple(CORPORATE_SUFFIXES_TEXT.split())
ORG_HEADS = tuple(ORG_HEADS_TEXT.split()) + CORPORATE_SUFFIXES
# Heads that make a body of the words before them, a registered name among those words
# too: "the Danish Defence Intelligence Service" is no "Defence Intelligence" (the UK's).
NAME_EXTENDING_HEADS = ("Service", "Agency", "Directorate", "Bureau", "Office", "Department",
                        "Centre", "Center", "Institute", "Committee", "Commission", "Inspectorate")
assert set(NAME_EXTENDING_HEADS) <= set(ORG_HEADS)
# Heads that stand for a body named before them: "the Observatory said", "the watchdog found".
# A back-reference by head prefers a body whose name has that word.
BACK_HEADS_TEXT = """
    agency service office committee council bureau commission administration directorate center
    centre institute bank foundation university group observatory fund organization organisation
    association network project initiative watch monitor tribunal commissioner ombudsman board
    authority academy watchdog department company firm union commission court commissariat
    mission plant factory staff embassy consulate party chamber school alliance coalition trust
    society league corporation laboratory exchange assembly maker automaker carmaker retailer
    carrier airline insurer lender producer manufacturer operator utility planemaker chipmaker
    drugmaker government army military navy"""
BACK_HEADS = tuple(BACK_HEADS_TEXT.split())
# Places news names by a common noun: "officials in the region said", "a nurse at the hospital
# said", "the city's mayor"
PLACE_NOUNS = ("country", "city", "region", "state", "nation", "republic", "province", "district",
               "area", "town", "village", "capital", "hospital", "prison", "camp", "base", "scene",
               "border", "front")
# Of those, the heads that name only a body of the state: "the government" is the state body
# named before, never a company or rebels who spoke ("Rebels said 300 ..., while the government
# put the toll at 800"); with none named, the government as described
STATE_HEADS = ("government",)
# Bodies news names by one capitalised word: "a spokesman for the Treasury", "the Senate voted"
INSTITUTION_NAMES = ("Treasury", "Senate", "Congress", "Cabinet", "Parliament", "Bundestag",
                     "Knesset", "Duma", "Fed", "Politburo", "Sejm", "Rada")
# Heads by which news describes a company named before, words and all: "the auto maker",
# "the Swiss bank", "the state-owned carrier" (a qualified head of another kind, "the fire
# department", is only a body so named)
COMPANY_HEADS = ("company", "firm", "group", "bank", "maker", "automaker", "carmaker", "planemaker",
                 "chipmaker", "drugmaker",
                 "retailer", "carrier", "airline", "insurer", "lender", "producer",
                 "manufacturer", "operator", "utility", "corporation")
# People who write about a body without speaking for it: "Russian military bloggers" are
# not the Russian military (its "officials" or "spokesman" are).
COMMENTATOR_NOUNS = ("bloggers", "milbloggers", "commentators", "historians")
# What a named body publishes, which stands for it: "FEC records", "a Gallup poll", "a
# RealClearPolitics average".
RECORD_NOUNS_TEXT = """
    records filings data figures statistics estimates numbers report survey poll polling average
    tally analysis claim claims estimate forecast count memo assessment study audit review"""
RECORD_NOUNS = tuple(RECORD_NOUNS_TEXT.split())
# Participles by which a record is credited to whoever made, got hold of or first reported
# it: "a poll conducted by Gallup", "a memo obtained by Politico", "first reported by Axios"
MAKER_PARTICIPLES = ("conducted", "compiled", "commissioned", "published", "obtained", "seen",
                     "reviewed", "released", "reported")
# Described sources that are records, not people ("Polls show ...", "Surveys suggest ..."):
# when their sentence names who made them ("..., according to a survey by Gallup"), the maker
# stands behind the figure and the description gives way to it.
RECORD_GROUPS = tuple(n for n in DESCRIPTION_NOUNS if singular(n) in RECORD_NOUNS)
# What a sentence may cite without naming whose it is ("according to a decree published on
# Monday", "regional budget data suggests ..."), and the verbs such evidence speaks by: the
# sentence has a source of its own, not the passage's
EVIDENCE_NOUNS = (*RECORD_NOUNS, "decree", "order", "law", "directive", "resolution", "document",
                  "documents", "calculations", "leak", "leaks")
EVIDENCE_VERBS = ("suggest", "show", "indicate", "reveal")
# "The figures were calculated by X": a sentence that names who made the figures of the one
# before it, by these nouns and participles
BACKWARD_RECORDS = ("figures", "figure", "numbers", "number", "estimates", "estimate", "data",
                    "calculations", "calculation", "count", "tally", "statistics")
BACKWARD_MAKING = ("calculated", "compiled", "produced", "made", "estimated", "gathered",
                   "collected", "provided", "supplied", "counted")
# Of those, what speaks by itself when no one is named as its maker: "A new report says ...",
# "A recent study found ..." (its maker, when named, is the source: "a report by X says")
DOCUMENT_SPEAKERS = ("report", "study", "survey", "poll", "analysis", "assessment", "review",
                     "audit", "memo")
# Verbs by which someone puts out a record of their own: "Senator Holt released a report.
# It found ..." (the report's findings are hers).
PUBLISH_VERBS = ("released", "releases", "published", "publishes", "issued", "issues",
                 "unveiled", "unveils", "commissioned")
# What "the report", "the latest update" refers back to is a record of a body named before;
# one whose maker is named right after it ("the latest update from the UK Ministry of Defence")
# refers to nothing earlier: the maker is the source.
RECORD_REFERENCE_HEADS = ("update", "report", "statement", "bulletin", "assessment", "analysis",
                          "study", "research", "investigation", "findings", "review", "survey",
                          "poll", "briefing", "publication")
# Nouns that put a named outlet or project in apposition after them: "the newspaper Izvestia",
# "local media Vecherny Kurier", "the project “Count the Cost”".
MEDIA_NOUNS_TEXT = """
    media outlet newspaper paper daily weekly agency website site channel magazine broadcaster
    publication portal tabloid project"""
MEDIA_NOUNS = tuple(MEDIA_NOUNS_TEXT.split())
# Words between an outlet's name and the noun after it: "the Vedomosti business daily", "the
# Interfax news agency", "the Baza Telegram channel".
MEDIA_QUALIFIERS_TEXT = """
    news business daily online local regional independent state state-run state-owned
    investigative opposition liberal pro-Kremlin Telegram YouTube"""
MEDIA_QUALIFIERS = tuple(MEDIA_QUALIFIERS_TEXT.split())
# The web-address endings by which news names an outlet: "Fontanka.ru", "Znak.com".
OUTLET_DOMAINS = ("ru", "com", "ua", "by", "kz", "org", "net", "info", "io", "media", "news",
                  "uz", "ge", "am", "az", "md", "lv", "lt", "ee", "eu", "co.uk", "de", "fr")
# Nouns for a body that a name set off by commas names: "a rights group, Memorial, said",
# "a monitoring group, the Syrian Observatory for Human Rights, said".
APPOSITION_HEADS = MEDIA_NOUNS + ("group", "monitor", "watchdog", "organisation", "organization",
                                  "charity", "movement", "network", "observatory", "tank")
# People of a body who speak unnamed: "Kremlin sources said", "a ministry insider told X": the
# figure is theirs ("Kremlin sources"), not the body's, which said nothing (longest first)
UNNAMED_INSIDERS = ("insiders", "insider", "sources", "source")
# Words that say such people are unnamed, kept in their name as written: "anonymous ministry
# sources said" is "anonymous ... sources" (they are not the ministry's named spokesman)
UNNAMED_MARKS = ("anonymous", "unnamed")
# The people who speak for a person or body: "Clinton's campaign said", "McCain's aides
# estimated", "the ministry's spokesman said": the figure is the one they speak for.
SPEAKS_FOR_TEXT = """
    campaign aides advisers lawyers attorneys team allies office spokesman spokeswoman
    spokesperson camp aide adviser advisor"""
SPEAKS_FOR_NOUNS = tuple(SPEAKS_FOR_TEXT.split())
# Verbs by which a source orders, offers or plans a figure into being ("X ordered 300,000
# reservists called up", "X pledged $275 billion"): the figure in their clause is X's.
# The pledges among them are a person's as surely as a speech verb: "Sanders proposed ...".
PLEDGE_VERBS = ("ordered", "promises", "promised", "pledges", "pledged", "vows", "vowed",
                "proposes", "proposed")
ACTION_VERBS_TEXT = """
    directed decreed called_up summoned instructed set approved unveils unveiled offers offered
    doubled tripled raised increased aims_to plans_to intends_to wants_to seeks_to calls_for
    called_for"""
ACTION_VERBS = PLEDGE_VERBS + tuple(v.replace("_", " ") for v in ACTION_VERBS_TEXT.split())
# Documents a person or body issues, whose figures in the clause are its issuer's: "Putin
# signed his second decree, raising the army to 1.5 million". (Carrying the issuer on to the
# sentences after it was tried: the annotators give most of those to the outlet.)
DOCUMENT_NOUNS = ("decree", "order", "law", "bill", "directive", "resolution", "ukase")
# Speech verbs whose object is whom the speaker addressed, never the speaker: "X, has
# informed the president, Y, that ..." is X's, and so is "X told Y" or "X briefed Y".
AUDIENCE_VERBS = ("tell", "inform", "brief", "assure", "remind", "notify")
AUDIENCE_FORMS = tuple(sorted({f for v in AUDIENCE_VERBS for f in SPEECH_VERBS[v]}))
# Whom a speaker tells, who relay nothing: a name after them starts the reported clause
# ("told shareholders the bank had ...": the bank is no relay).
AUDIENCE_NOUNS_TEXT = """
    reporters journalists lawmakers legislators senators shareholders investors supporters
    voters students residents workers employees delegates parliamentarians deputies troops
    soldiers officers crowd crowds audience audiences conference briefing meeting rally council
    committee panel jury court hearing commission board congress"""
AUDIENCE_NOUNS = tuple(AUDIENCE_NOUNS_TEXT.split())
# Speech verbs with a second, plain sense ("had added $5 trillion to the debt", "found 300
# bodies"): right after another speaker's "said", such a verb is the reported clause's act.
DOUBLE_SENSE_VERBS = ("add", "put", "find", "show", "record", "count", "post", "publish",
                      "identify", "project")
DOUBLE_SENSE_FORMS = tuple(sorted({f for v in DOUBLE_SENSE_VERBS for f in SPEECH_VERBS[v][:3]}))
# Verbs by which a source states its own estimate anew: "The IMF cut its growth forecast to
# 2.9 percent", "the ministry revised its count to 300" (not "disputed their figures").
REVISION_VERBS = ("cut", "cuts", "raised", "raises", "lowered", "lowers", "revised", "revises",
                  "updated", "updates", "trimmed", "trims", "lifted", "lifts", "slashed",
                  "slashes", "upgraded", "upgrades", "downgraded", "downgrades", "released",
                  "releases", "issued", "issues", "published", "publishes", "increased",
                  "reduced")
# Titles between a body and the person who holds them: "according to Pentagon spokesman
# George Little" is Little's, not the Pentagon's.
TITLE_NOUNS_TEXT = """
    spokesman spokeswoman spokesperson official chief head director minister secretary
    commander analyst researcher economist expert adviser advisor aide deputy envoy ambassador
    representative chairman chairwoman president governor mayor general colonel officer"""
TITLE_NOUNS = tuple(TITLE_NOUNS_TEXT.split())
# An outlet's own people: "the journalists found" is the outlet named before.
STAFF_NOUNS = ("journalists", "reporters", "correspondents", "editors")
# The people of a study named before, once the text has named them: "Economists A and B
# studied the budget. The researchers estimate ..." is A and B; "the authors" of a named
# institute's report is that institute. Bare "researchers say" stays a description.
STUDY_NOUNS = ("researchers", "authors", "scientists")
# The bodies whose people write studies, by registry kind and by an unregistered name's head.
STUDY_KINDS = ("think tank", "NGO", "media", "outlet")
STUDY_HEADS = ("Institute", "University", "Center", "Centre", "School", "Academy",
               "Laboratory", "Project", "Observatory", "Foundation", "Initiative")
MASTHEAD_HEADS_TEXT = """
    Times Post News Journal Telegraph Herald Tribune Gazette Guardian Independent Observer
    Economist Mail Express Mirror Standard Chronicle Insider Today Spiegel Zeitung Pravda Izvestia
    Vedomosti Kommersant Courier Globe Inquirer Dispatch Report Review Magazine Weekly Daily
    Bulletin Digest Newsletter"""
MASTHEAD_HEADS = tuple(MASTHEAD_HEADS_TEXT.split())
# The heads that name a newspaper alone after a lower-case "the": "the Telegraph reported",
# "according to the Times" (not "the Daily", "the Report": other words, as often)
LONE_MASTHEADS = ("Times", "Post", "Journal", "Telegraph", "Herald", "Tribune", "Gazette",
                  "Guardian", "Independent", "Observer", "Economist", "Mirror", "Chronicle",
                  "Globe", "Inquirer", "Courier")
