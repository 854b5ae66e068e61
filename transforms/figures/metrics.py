"""What a figure measures (metric, from vocab.METRICS) and a short subject noun phrase.

The metric is read from the words around the figure: the nearest cue wins, verbs ("were sent",
"signed contracts") weighing more than nouns ("conscripts", "volunteers") since the verb says what
happened to the people counted. Money is pay; a plan, order or quota around the figure makes it a
target whatever the verb ("planning to draft 1%").
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from transforms.declarations.vocab import METRICS
from transforms.model import Figure

MONEY_UNITS = frozenset({"RUB", "USD", "EUR", "GBP", "UAH"})
DURATION_UNITS = frozenset({"day", "month", "year"})
NOUN_PENALTY = 4  # words: how much nearer a noun cue must be to beat a verb cue
DEATH_PENALTY = 2  # casualty nouns ("deaths", "fatalities") weigh more than other nouns

VERB_CUES = {
    "casualties": "killed, died, dies, perished, lost, wounded, injured, kill",
    "mobilised": "mobilised, mobilized, called up, drafted, conscripted, summoned, "
                 "served conscription papers, served draft notices, sent conscription papers, "
                 "sent draft notices, handed summonses",
    "deployed": "sent, send, deployed, dispatched, are fighting, were fighting, fought, "
                "are in, were in, had arrived in, have arrived in, arrived at the front, "
                "left for the front, moved, stationed in, taking part, take part, took part, "
                "participating in hostilities, serving, serve, stationed, transferred",
    "recruited": "recruited, recruit, enlisted, enlist, signed up, signed a contract, "
                 "signed contracts, signed military contracts, signed a military contract, "
                 "sign up, sign a contract, sign contracts, signing contracts, signing a contract, "
                 "joined, join, "
                 "joining, volunteered, entered service, entered military service, hired, signing up, "
                 "recruiting, enlisting",
    "fled": "fled, flee, fleeing, left, leave, leaving, emigrated, emigrate, escaped, evaded, "
            "evade, exodus, crossed into, crossed the border, entering from, entered from, "
            "entered the country, arrivals",
    "target": "plan to, plans to, planned to, planning to, aim to, aims to, aiming to, intend to, "
              "intends to, want, wants, seek to, seeks to, looking to, required to, "
              "decree, set, sets, target, quota, goal, task, expected to draft, "
              "expected to recruit, expected to be drafted, expected to be recruited, "
              "expected to mobilise, expected to be mobilised",
    "pool": "could be mobilised, could be mobilized, could be called up, could be drafted, "
            "are reservists, on the lists, on the reserve lists, eligible for",
    "other": "back, support, oppose, approve, crossed, arrived, discharged, returned, released, "
             "arrested, detained, disappeared, "
             "incarcerated, held, imprisoned, convicted, deported, displaced",
}
NOUN_CUES = {
    "casualties": "casualty, casualties, death, deaths, dead, fatality, fatalities, losses, missing, "
                  "death toll, killed, graves",
    "mobilised": "mobilisation, mobilization, conscript, conscripts, reservists, mobilised, "
                 "mobilized, draftees, call-up",
    "deployed": "forces in, forces at, contingent, batch, deployment, troops in, soldiers in, "
                "already in, still in",
    "recruited": "intake, recruits, recruitment, contract soldiers, contract servicemen, "
                 "contract personnel, contract, contracts, volunteers, enlistment, enlistments, "
                 "mercenaries",
    "fled": "emigrants, refugees, evaders, draft dodgers",
    "pool": "potential recruits, reserve, reserves, pool, eligible, migrants, of conscription age",
    "target": "authorised strength, authorized strength, target, targets, quota, quotas, goal, "
              "goals, plan, plans, increase",
    "other": "population, region, regions, countries, cases, entities, "
             "workforce, workers, shortage, displacement",
}
TARGET_MODAL = re.compile(  # matched against lower-cased text
    r"\b(?:plan(?:s|ned|ning)?\s+to|aim(?:s|ing|ed)?\s+to|intends?\s+to|want(?:s|ed)?\s+to|"
    r"seek(?:s|ing)?\s+to|looking\s+to|required\s+to|allows?\b[^.]{0,40}\bto|ordered\b[^.]{0,60}"
    r"\bto|directed\b[^.]{0,40}\bto|decree\b[^.]{0,60}\bto|(?:will|would)\s+(?:increase|rise|"
    r"grow)|expected\s+to\s+(?:be\s+)?(?:draft|recruit|mobili|call)|target\s+of|quota\s+of|"
    r"goal\s+of|task\s+of)"
)
WORD = re.compile(r"[\w’'-]+")


def cue_table(*tables: tuple[dict[str, str], int]) -> dict[str, list[tuple[str, int]]]:
    """Phrase (lower-case words joined by spaces) -> [(metric, penalty)]."""
    out: dict[str, list[tuple[str, int]]] = {}
    for table, penalty in tables:
        for name, phrases in table.items():
            for phrase in filter(None, (p.strip() for p in phrases.split(","))):
                out.setdefault(phrase, []).append((name, penalty))
    return out


CUES = cue_table((VERB_CUES, 0), (NOUN_CUES, NOUN_PENALTY))
for _phrase, _cues in CUES.items():  # a death outweighs who died: "deaths among volunteers"
    _cues[:] = [(n, DEATH_PENALTY if n == "casualties" and p else p) for n, p in _cues]
PHRASE_STARTS = frozenset(p.split()[0] for p in CUES if " " in p)
LONGEST = max(len(p.split()) for p in CUES)


def cue_hits(words: list[str]) -> list[tuple[int, int, str, int]]:
    """(first word, last word, metric, penalty) for every cue phrase among `words`."""
    hits = []
    for i, word in enumerate(words):
        for name, penalty in CUES.get(word, ()):
            hits.append((i, i, name, penalty))
        if word in PHRASE_STARTS:
            for n in range(2, LONGEST + 1):
                for name, penalty in CUES.get(" ".join(words[i:i + n]), ()):
                    hits.append((i, i + n - 1, name, penalty))
    return hits


@lru_cache(maxsize=256)
def sentence_cues(text: str, lo: int, hi: int) -> tuple[list[int], list]:
    """Word offsets of a span and the cue phrases among its words (cached per sentence)."""
    tokens = [(m.start() + lo, m.group()) for m in WORD.finditer(text[lo:hi].lower())]
    return [pos for pos, _ in tokens], cue_hits([w for _, w in tokens])


def nearest_cue(text: str, lo: int, hi: int, fig: Figure) -> str | None:
    """The metric of the cue nearest the figure in words, nouns penalised against verbs."""
    offsets, hits = sentence_cues(text, lo, hi)
    first = bisect.bisect_left(offsets, fig.start)
    last = bisect.bisect_left(offsets, fig.end)
    best, best_score = None, None
    for a, b, name, penalty in hits:
        if b < first:
            gap = first - b - 1
        elif a >= last:
            gap = a - last
        elif penalty:
            gap = 0  # a noun inside the figure's own words: "82,000 conscripts"
        else:
            continue
        score = (gap + penalty, penalty, a - b)  # ties: verbs, then longer phrases, win
        if best_score is None or score < best_score:
            best, best_score = name, score
    return best


def metric(text: str, sent_start: int, sent_end: int, fig: Figure) -> str:
    """The figure's metric: pay for money, target under a plan or order, else the nearest cue."""
    return cued_metric(text, sent_start, sent_end, fig) or "other"


def metrics_in_context(text: str, spans: list[tuple[int, int]], figures: list[Figure]) -> list[str]:
    """Each figure's metric; a count of people whose sentence has no cue takes the metric of
    the last cued count before it in its paragraph, since a paragraph keeps to one subject
    ("... 40,000 signed contracts. The remaining 12,000 are in training.")."""
    out: list[str] = []
    last: tuple[int, str] | None = None  # (paragraph start, metric) of the last cued count
    for fig, (lo, hi) in zip(figures, spans, strict=True):
        found = cued_metric(text, lo, hi, fig)
        para = text.rfind("\n", 0, fig.start) + 1
        if fig.unit in COUNTS:
            if found is None and last is not None and last[0] == para:
                found = last[1]
            elif found is not None:
                last = (para, found)
        out.append(found or "other")
    return out


COUNTS = frozenset({"person", "percent"})


def cued_metric(text: str, sent_start: int, sent_end: int, fig: Figure) -> str | None:
    """The metric the words around a figure give, or None when they give none."""
    unit = fig.unit
    if unit in MONEY_UNITS:
        return "pay"
    if unit in DURATION_UNITS:
        return "other"
    countable = unit == "unit"  # countries, regions, brigades: counted things, not people
    before = text[max(sent_start, fig.start - 120):fig.start].lower()
    if TARGET_MODAL.search(before):
        return "target"
    if countable:
        return "other"
    name = nearest_cue(text, sent_start, sent_end, fig)
    if name is None and unit == "percent" and PAY_PERCENT.search(text[sent_start:sent_end].lower()):
        return "pay"
    return name if name in METRICS else None


PAY_PERCENT = re.compile(r"\b(?:pay|payments?|salar\w+|bonus\w*|wages?)\b")
STOP_WORDS_TEXT = """
    have has had were was are is will would who which that to signed joined been be being and
    or but as since by for per this these already also now said according each every
    across onto at on with whom them than since during"""
STOP_WORDS = frozenset(STOP_WORDS_TEXT.split())
UNIT_WORDS_TEXT = """
    million thousand billion hundred hundreds thousands millions dozens tens roubles rubles
    dollars euros percent per cent day days week weeks month months year years monthly annually
    daily"""
UNIT_WORDS = frozenset(UNIT_WORDS_TEXT.split())
DANGLING = frozenset({"of", "in", "into", "from", "the", "a", "an", "to"})
MONEY_NOUN = re.compile(
    r"((?:[\w-]+\s+){0,2}?(?:salar\w+|pay\w*|bonus\w*|allowance|compensation|wages?|sum|amount))"
    r"\s+(?:of|starting\s+(?:at|from)|from|at|ranging\s+from|is|was|are|were|will\s+be|stands\s+at"
    r"|amounts\s+to|rose\s+to|reached)\s+(?:up\s+to\s+|about\s+|around\s+"
    r"|at\s+least\s+)?$"
)
PUT_AT = re.compile(
    r"\b(?:put|puts|putting|placed|places|estimated|estimates|set|sets)\s+(?:the\s+|its\s+|their\s+"
    r"|his\s+|her\s+)?((?:[\w'’-]+\s+){1,4}?)at\s+(?:about\s+|around\s+|some\s+|least\s+)?$",
    re.IGNORECASE,
)
SHARE_OF = re.compile(r"\s*(?:of|among)\s+((?:[\w'’-]+\s*){1,5})")
LEADING = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:(?:more|additional|new|other|others)\s+)?")
TOKEN = re.compile(r"[\w'’-]+|[^\w\s]")


def subject(text: str, sent_start: int, sent_end: int, fig: Figure) -> str | None:
    """A short noun phrase for what is counted: the words after the figure, or for money and
    shares, the noun before it ("a sign-up bonus of ...", "... of all deaths")."""
    unit = fig.unit
    after = text[fig.end:min(sent_end, fig.end + 120)]
    put = PUT_AT.search(text[max(sent_start, fig.start - 80):fig.start])
    if put:  # "puts the confirmed dead at 70,000"
        return put.group(1).strip()
    if unit in MONEY_UNITS:
        m = MONEY_NOUN.search(text[max(sent_start, fig.start - 80):fig.start].lower())
        if m:
            return re.sub(r"^(?:(?:a|an|the|with|and|of|\w+ing)\s+)+", "", m.group(1).strip())
    if unit == "percent":
        m = SHARE_OF.match(after)
        if m:
            return "share of " + noun_phrase(m.group(1))
    phrase = noun_phrase(after[LEADING.match(after).end():])
    tail = (fig.quote or "").split()[-1:]
    head = tail[0] if tail and tail[0].isalpha() and tail[0].lower() not in UNIT_WORDS else ""
    return " ".join(w for w in (head, phrase) if w) or None


def noun_phrase(text: str, limit: int = 5) -> str:
    """The leading words of `text` up to a verb, clause word or punctuation, at most `limit`."""
    words = []
    for w in TOKEN.findall(text):
        if (not (w[0].isalpha() or w[0] in "'’-") or w.lower() in STOP_WORDS
                or len(words) >= limit):
            break
        words.append(w)
    while words and words[-1].lower() in DANGLING:
        words.pop()
    while words and words[0].lower() in DANGLING:
        words.pop(0)
    return " ".join(words)
