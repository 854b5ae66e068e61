"""What a figure measures (metric, from vocab.METRICS) and a short subject noun phrase.

One decision scores every metric from the cue phrases near the figure (declared once, as data,
in `transforms.figures.metric_cues`, matched on word stems) and takes the best:

    score(metric) = max over its cues of  WEIGHTS[kind] * scope / (1 + distance / reach)

distance in words between cue and figure; scope 1 in the figure's own clause, OTHER_CLAUSE
elsewhere in its sentence; reach DECAY_WORDS, or REACH[kind] for a plan that governs the verbs
after it ("plans to recruit 400,000"). The figure's own noun ("82,000 conscripts") weighs
HEAD_BONUS; the words a share is of ("19% of all deaths") weigh SHARE_BONUS, and the people a
share names are its part, not its whole ("volunteers make up 20%"). The unit decides which
metrics can be chosen: a currency amount is pay (PAY_PRIOR, in an article about the forces)
unless its words say budget, spending, cost or the economy, and its words of recruiting count
for pay too (money spent on recruitment is what recruits are paid, ANNOTATION.md); durations and
counted things are other; pay is not a metric of people. A participle between a count and its
verb is the count's noun ("500 mobilised were sent"); a share with its whole left out ("convicts
account for 13%") and a count in a sentence that opens "Among them" are parts, read by the whole
before them, not by their own people; words in a bracketed aside do not reach the figures
outside it.
A rate of people per month or day is intake, not mobilisation. In an article (see
`metrics_in_context`), a count with no cue takes the metric of another figure of the same amount
(the count said again), else of the cued count before it in its paragraph, and a part ("...,
including 1.5 million troops") the metric of its whole.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from transforms.attribution.sources import lower_same_length
from transforms.declarations.vocab import CURRENCIES, METRICS
from transforms.declarations.words import (
    AUXILIARIES,
    CLAUSE_SUBJECTS,
    CONTRAST_CONJUNCTIONS,
    PART_OPENERS,
    PART_VERBS,
    RESTATING_VERBS,
    SUBORDINATOR_PREPOSITIONS,
    SUBORDINATORS,
    TIME_PREPOSITIONS,
    phrases_pattern,
    words_pattern,
)
from transforms.figures.metric_cues import CUES, FORCES_WORDS, MONEY_OTHER, MONEY_PAYER, NOT_CUES
from transforms.model import Figure

MONEY_UNITS = frozenset(CURRENCIES)  # every currency of the table
DURATION_UNITS = frozenset({"day", "month", "year"})
COUNTS = frozenset({"person", "percent"})
RATE_PERIODS = frozenset({"day", "week", "month"})

# the named weights of the decision
WEIGHTS = {"frame": 4.5, "order": 4.5, "death": 4.0, "event": 3.5, "who": 2.0, "topic": 1.5,
           "money": 3.0, "own": 5.0}
REACH = {"frame": 40.0, "order": 40.0}  # words: a plan governs the verbs after it ("allows them to send ...")
FRAME_AFTER_WORDS = 4  # "the 343,000 new soldiers it aims to field"
HEAD_BONUS = 1.0       # the figure's own noun: "82,000 conscripts"
HEAD_WORDS = 3         # how many words after the figure its own noun may start
SHARE_BONUS = 1.5      # the words a share is of: "13% of confirmed deaths"
GOVERNOR_BONUS = 2.0   # the noun the figure is "of": "the displacement of millions", "a quota of 2,000"
OTHER_CLAUSE = 0.4     # a cue in another clause of the sentence
DECAY_WORDS = 20.0     # words: a cue this far away counts half (the clause matters more)
MIN_SCORE = 0.3        # below this, the words give no metric
PAY_PRIOR = 1.0        # a currency amount is pay unless the clause says budget or spending
# (in an article about the forces: FORCES_WORDS)
FORCES = re.compile(r"\b" + phrases_pattern(p.strip() for p in FORCES_WORDS.split(",")), re.IGNORECASE)
# Metrics whose event words, said of money, make it pay: "the recruitment drive will cost 700
# billion roubles", "spent 2 trillion roubles on recruitment".
PAID_FOR = frozenset({"pay", "recruited"})

WORD = re.compile(r"[\w’'-]+")
OF_WORD = re.compile(r"of\b", re.IGNORECASE)
PUNCTUATION = re.compile(r"[,;:.!?()\[\]]")
WHOLE_BEFORE = re.compile(r"\d\s*(?:thousand\s+|million\s+|billion\s+)?of\s+"
                          r"(?:the|all|those|these|its|their|our|his|her)\s+$",
                          re.IGNORECASE)
RELATIVE = re.compile(r"(?:who|that)\b", re.IGNORECASE)
PARTICIPLE = re.compile(r"[a-z]{3,}(?:ing|ed)\b|sent\b", re.IGNORECASE)  # "fighting", "called up", "sent"
AUXILIARY = re.compile(words_pattern(AUXILIARIES), re.IGNORECASE)
PART_VERB_BEFORE = re.compile(rf"\b{phrases_pattern(PART_VERBS)}\s+$", re.IGNORECASE)
PART_OPENER = re.compile(rf"[\s\"“‘'(]*{phrases_pattern(PART_OPENERS)}", re.IGNORECASE)
# A whole opening its sentence ("Of the 300 recruits who came in May, 120 were sent ..."): the
# predicate after its comma is the part's.
WHOLE_OPENER_BEFORE = re.compile(r"[\s\"“‘'(]*(?:of|among)\s+(?:the|its|their|these|those|all)\s+[^,;:]*",
                                 re.IGNORECASE)
# An opener that names the whole itself: "Among the new recruits are 3,000 migrants".
WHOLE_OPENER = re.compile(r"[\s\"“‘'(]*among\s+(?:the|its|their|all\s+the)\s+[^\d,;:.!?]{1,60}?"
                          r"(?=\s+(?:are|were|is|was)\b|,)", re.IGNORECASE)
# (each alternative after the one character class every break starts with, which it reads
# behind it: a search then skips to those characters instead of trying every position; the
# same matches as ";|:\s|\s[–—-]\s|[()\[\]]|\n|(?<=[a-z0-9])[.!?](?=[A-Z])|,\s+(?:...)|\b(?:while|
# whereas)\b", in that order)
# (subordinators that are also prepositions open a clause only before its subject or a
# participle: "before they were sent", "after being wounded", but not "before the war")
CLAUSE_OPENERS = tuple(w for w in SUBORDINATORS if w not in ("while", "whereas", *SUBORDINATOR_PREPOSITIONS))
CLAUSE_STARTS = rf"(?=\s+(?:{words_pattern(CLAUSE_SUBJECTS)}|[a-z]+ing\b))"
CLAUSE_BREAK = re.compile(
    r"[;:\s()\[\]\n.!?,w](?:(?<=;)|(?<=:)\s|(?<=\s)[–—-]\s|(?<=[()\[\]])|(?<=\n)"
    r"|(?<=[a-z0-9][.!?])(?=[A-Z])"  # "... to plummet.Russia's": glued
    rf"|(?<=,)\s+(?:{words_pattern(CONTRAST_CONJUNCTIONS)}|(?:and|of\s+whom|of\s+which)\b)"
    r"|(?<=w)(?<!\w.)(?:hile|hereas)\b"
    rf"|(?<=\s)(?:{words_pattern(CLAUSE_OPENERS)}|{words_pattern(SUBORDINATOR_PREPOSITIONS)}{CLAUSE_STARTS}))"
)
# A comment on what was just said ("..., which is how many died"): a clause of its own after the
# figure, though a figure inside it still reads its antecedent ("spending, which reached $2 bn").
WHICH_AFTER = re.compile(r",\s+which\b")
RATE_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:monthly|daily|weekly|(?:a|per|each|every)\s+"
                        r"(?:month|day|week))\b", re.IGNORECASE)
PART_OF = re.compile(r"[\s,]*(?:people\s*|troops\s*|men\s*)?,?\s*(?:including|of\s+whom|of\s+which|"
                     r"among\s+them|among\s+whom)\s+(?:some\s+|about\s+|around\s+|nearly\s+)?",
                     re.IGNORECASE)
RESTATED_AS_SHARE = re.compile(
    rf",\s+which\s+{phrases_pattern(RESTATING_VERBS)}\s+(?:about\s+|around\s+|some\s+|nearly\s+"
    r"|almost\s+|roughly\s+|approximately\s+|over\s+|more\s+than\s+)?$", re.IGNORECASE)
SHARE_OF = re.compile(r"\s*(?:of|among)\s+((?:[\w'’-]+\s*){1,5})")
SUFFIXES = ("isations", "isation", "ations", "ation", "ments", "ment", "ings", "ing", "ies",
            "ied", "ed", "es", "s", "e")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem, the same for a cue and for the text: "mobilized", "mobilisation" -> "mobilis"."""
    w = word.lower().replace("’", "'").removesuffix("'s")
    if w.endswith(("ize", "ized", "izes", "izing", "ization", "izations")):
        w = w.replace("iz", "is")
    for suffix in SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + {"ies": "y", "ied": "y", "isations": "is", "isation": "is",
                                     "ations": "at", "ation": "at"}.get(suffix, "")
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsaeiou":  # "planned" -> "plan"
        w = w[:-1]
    return w


@lru_cache(maxsize=65536)
def british(word: str) -> str:
    """A word form in the spelling the cues are declared in: "mobilized" -> "mobilised"."""
    if "iz" not in word:
        return word
    return IZE.sub(lambda m: "is" + m.group(1), word)


IZE = re.compile(r"iz(e|ed|es|ing|ation|ations)$")


def phrase_key(phrase: str, by_stem: bool) -> str:
    words = WORD.findall(phrase.lower().replace("’", "'"))
    return " ".join(stem(w) for w in words) if by_stem else " ".join(map(british, words))


def cue_table(by_stem: bool) -> dict[str, list[tuple[str, str]]]:
    """Phrase -> [(metric, kind)], from metric_cues: nouns for people ("who", "own") by their word
    forms, singular and plural; every other cue by its stems."""
    out: dict[str, list[tuple[str, str]]] = {}
    tables = [(name, kind, phrases) for name, kinds in CUES.items() for kind, phrases in kinds.items()]
    tables.append(("other", "money", MONEY_OTHER))
    tables.append((None, "payer", MONEY_PAYER))  # hides the budget words, gives no metric
    if not by_stem:
        tables.append((None, "not", NOT_CUES))
    for name, kind, phrases in tables:
        if (kind in ("who", "own", "not")) == by_stem:
            continue
        for phrase in hyphenated(filter(None, (p.strip() for p in phrases.split(",")))):
            if kind == "not":
                out.setdefault(phrase_key(phrase, False), [])
                continue
            if "*" in phrase:
                first, rest = (phrase_key(p, True) for p in phrase.split("*", 1))
                GAPPED.setdefault(first, []).append((rest, name, kind))
                continue
            forms = [phrase] if by_stem or phrase.endswith("s") else [phrase, phrase + "s"]
            for key in (phrase_key(f, by_stem) for f in forms):
                if (name, kind) not in out.setdefault(key, []):
                    out[key].append((name, kind))
    return out


def hyphenated(phrases):
    """Each phrase, and a phrase of two words also as one hyphenated word, as news writes it
    before a noun ("draft-age men", "a lump-sum payment")."""
    for phrase in phrases:
        yield phrase
        words = phrase.split()
        if len(words) == 2 and "*" not in phrase and "-" not in phrase:
            yield "-".join(words)


GAPPED: dict[str, list[tuple[str, str | None, str]]] = {}  # "order * to": first stem -> (rest, ...)
GAP_WORDS = 3
STEM_CUES, FORM_CUES = cue_table(True), cue_table(False)
def phrase_lengths(table: dict[str, list]) -> dict[str, frozenset[int]]:
    """First word -> how many words the table's phrases of two words or more it opens have."""
    out: dict[str, set[int]] = {}
    for phrase in table:
        words = phrase.split(" ")
        if len(words) > 1:
            out.setdefault(words[0], set()).add(len(words))
    return {word: frozenset(lengths) for word, lengths in out.items()}


FORM_LENGTHS, STEM_LENGTHS = phrase_lengths(FORM_CUES), phrase_lengths(STEM_CUES)
NO_LENGTHS: frozenset[int] = frozenset()


def cue_hits(words: list[str], breaks: frozenset[int] = frozenset()) -> list[tuple[int, int, str, str]]:
    """(first word, last word, metric, kind) for every cue phrase among lower-cased `words`.
    A phrase inside a longer one or begun inside an earlier one is dropped ("average wage" hides
    "wage"; "contract soldiers in" is not "soldiers in"), and a noun for the
    people counted hides a verb of the same stem ("recruits" is not "recruit"). A phrase never
    runs across punctuation: `breaks` are the words with a mark before them ("the Kursk region,
    of whom ..." is no "region of")."""
    stems = [stem(w) for w in words]
    # "mobilization reserve" is the "mobilisation reserve"; "researchers'" are "researchers"
    words = [british(w[:-1] if w.endswith("s'") else w) for w in words]
    hits, hidden = [], []
    for i, word in enumerate(words):
        # (only the lengths of the phrases the word or its stem opens: the same lookups hit)
        forms, stemmed = FORM_LENGTHS.get(word, NO_LENGTHS), STEM_LENGTHS.get(stems[i], NO_LENGTHS)
        ends = sorted(forms | stemmed, reverse=True) if forms or stemmed else ()
        for n in ends:
            if n > len(words) - i or broken(breaks, i, i + n - 1):
                continue
            form = " ".join(words[i:i + n]) if n in forms else None
            found = FORM_CUES.get(form)
            if found == []:  # a form that is no cue hides the cues inside it ("on leave")
                hidden.append((i, i + n - 1))
            for name, kind in found or ():
                hits.append((i, i + n - 1, name, kind))
            if form not in FORM_CUES and n in stemmed:
                for name, kind in STEM_CUES.get(" ".join(stems[i:i + n]), ()):
                    hits.append((i, i + n - 1, name, kind))
        cues = FORM_CUES.get(word)  # the word alone (the same lookups, without joining)
        for name, kind in cues if cues is not None else STEM_CUES.get(stems[i], ()):
            hits.append((i, i, name, kind))
        for rest, name, kind in GAPPED.get(stems[i], ()):
            for j in range(i + 2, min(i + 2 + GAP_WORDS, len(words))):
                if stems[j] == rest and not broken(breaks, i, j):
                    hits.append((i, j, name, kind))
                    break
    spans = {(a, b) for a, b, _, _ in hits if a < b} | set(hidden)  # (a one-word phrase holds no other)
    if not spans:
        return hits
    return [h for h in hits  # inside a longer phrase, or begun by an earlier one: "contract
            if not any((a <= h[0] and h[1] <= b and (a, b) != (h[0], h[1]))  # soldiers in May"
                       or a < h[0] <= b for a, b in spans)]


def broken(breaks: frozenset[int], first: int, last: int) -> bool:
    """Whether a mark stands between words `first` and `last`."""
    return bool(breaks) and any(k in breaks for k in range(first + 1, last + 1))


MARK_BETWEEN = re.compile(r"[^\s’'-]")


@lru_cache(maxsize=256)
def sentence_cues(text: str, lo: int, hi: int) -> tuple[list[int], list[int], list]:
    """Word offsets of a sentence, each word's clause number, and the cue phrases among its
    words (cached per sentence)."""
    part = text[lo:hi]
    tokens = [(m.start() + lo, m.group()) for m in WORD.finditer(lower_same_length(part))]
    offsets = [pos for pos, _ in tokens]
    breaks = frozenset(i for i in range(1, len(tokens))
                       if MARK_BETWEEN.search(text, tokens[i - 1][0] + len(tokens[i - 1][1]), tokens[i][0]))
    return offsets, clause_numbers(part, [pos - lo for pos in offsets]), cue_hits(
        [w.replace("’", "'") for _, w in tokens], breaks)


# A phrase that says when ("after the mobilisation", "since the invasion", "during the call-up"):
# its cue words date the figure, they do not say what it counts.
TIME_PHRASE = re.compile(rf"\b(?:{words_pattern(SUBORDINATOR_PREPOSITIONS + TIME_PREPOSITIONS)})"
                         r"\s+(?:the|a|an|its|their|his|her|this|that|last)\s+", re.IGNORECASE)
TIME_PHRASE_WORDS = 3  # words after the preposition and its article ("since" alone is an adverb)


@lru_cache(maxsize=256)
def time_phrase_words(text: str, lo: int, hi: int) -> frozenset[int]:
    """The words of a sentence inside a phrase that dates it ("in the week after the
    mobilisation order"), up to TIME_PHRASE_WORDS after the preposition, never past a mark."""
    offsets = sentence_cues(text, lo, hi)[0]
    out: set[int] = set()
    for m in TIME_PHRASE.finditer(text, lo, hi):
        stop = next((i for i in range(m.end(), min(hi, m.end() + 40)) if text[i] in ",;:.!?()"), hi)
        word = bisect.bisect_left(offsets, m.end())
        out.update(i for i in range(word, min(word + TIME_PHRASE_WORDS, len(offsets))) if offsets[i] < stop)
    return frozenset(out)


LABEL_WORDS = 4  # words: a sentence's opening label before a colon ("Russian losses:", "The goal:")


def clause_numbers(part: str, offsets: list[int]) -> list[int]:
    """Each word's clause: a new one after every break, and after a closing bracket the clause
    the bracket interrupted ("spent 2 trillion roubles ($20 billion) on recruitment"). A short
    label before a colon that opens the sentence is no clause of its own: it names what follows
    ("The goal: 400,000 new contract soldiers")."""
    events = [(m.start(), m.group()) for m in CLAUSE_BREAK.finditer(part)]
    if events and events[0][1][0] == ":" and len(part[:events[0][0]].split()) <= LABEL_WORDS:
        events = events[1:]
    out, clause, count, opened, k = [], 0, 0, [], 0
    for pos in offsets:
        while k < len(events) and events[k][0] < pos:
            mark = events[k][1]
            count += 1
            if mark in "([":
                opened.append(clause)
                clause = count
            elif mark in ")]" and opened:
                clause = opened.pop()
            else:
                clause = count
            k += 1
        out.append(clause)
    return out


def allowed(fig: Figure) -> frozenset[str]:
    """The metrics a figure of this unit can have."""
    if fig.unit in MONEY_UNITS or len(fig.unit) == 3 and fig.unit.isupper():
        return frozenset({"pay", "other"})
    if fig.unit == "percent":
        return frozenset(METRICS)
    return frozenset(METRICS) - {"pay"}


def metric_scores(text: str, lo: int, hi: int, fig: Figure, forces: bool = True) -> dict[str, float]:
    """Each metric's score from the cues of the figure's sentence text[lo:hi]; `forces`: whether
    the article is about the armed forces (money is then pay unless its words say otherwise)."""
    offsets, clauses, hits = sentence_cues(text, lo, hi)
    first = bisect.bisect_left(offsets, fig.start)
    last = bisect.bisect_left(offsets, fig.end)  # first word after the figure
    if first >= len(offsets):
        return {}
    own = clauses[min(first, len(clauses) - 1)]
    money = fig.unit not in COUNTS and "pay" in allowed(fig)
    share_end = -1
    if fig.unit == "percent":
        m = SHARE_OF.match(text, fig.end, hi)
        if m:
            share_end = bisect.bisect_left(offsets, m.end())
    share_named = share_noun_start(text, offsets, clauses, lo, fig) if fig.unit == "percent" else first
    elided = (fig.unit == "percent" and share_end < 0
              and bool(PART_VERB_BEFORE.search(text, max(lo, fig.start - 40), fig.start)))
    part = bool(PART_OPENER.match(text, lo, hi))
    named_whole = None if part else WHOLE_OPENER.match(text, lo, fig.start)
    opener_end = opening_whole_end(text, offsets, lo, hi, fig)
    whole_end = bisect.bisect_left(offsets, named_whole.end()) if named_whole else -1
    part = part or named_whole is not None
    inside = in_brackets(text, lo, fig.start)
    of_money = share_of_money(hits, last, share_end)
    money = money or of_money
    predicate = next((i for i in range(last, len(offsets)) if AUXILIARY.match(text, offsets[i])),
                     -1) if share_end > last else -1
    which = WHICH_AFTER.search(text, fig.end, hi)
    comment = bisect.bisect_left(offsets, which.end()) if which else len(offsets)
    scores: dict[str, float] = {}
    timed = time_phrase_words(text, lo, hi)
    conscription = any(kind == "regime" for _, _, _, kind in hits)
    relative = relative_clause(text, offsets, clauses, hits, last)
    whole = bool(WHOLE_BEFORE.search(text, max(lo, fig.start - 40), fig.start)) and any(
        last - 1 <= a < last + HEAD_WORDS and kind == "who" for a, _, _, kind in hits)
    planned = any(k == "frame" and n == "target" and b < first and clauses[min(a, len(clauses) - 1)] == own
                  for a, b, n, k in hits)
    for a, b, name, kind in hits:
        if kind == "payer" or (of_money and kind == "money" and last <= a < share_end):
            continue  # a share of a budget is money, and what money the rest of the words say
        if kind in ("enlist", "regime"):  # taking men in: a call-up under conscription
            name, kind = ("mobilised" if conscription else name), "event"
        if (elided and a < first) or (part and kind == "who" and a >= whole_end):
            continue  # the part's own words ("volunteers account for 20%", "Among them were
            # 300 volunteers"): the whole is what was counted before
        if a < first and not inside and in_brackets(text, lo, offsets[a]):
            continue  # an aside in brackets speaks of something else: "X [population 980,000] has 364"
        if a >= opener_end:
            continue  # "Of the 300 recruits, 120 were sent": the predicate is the part's
        if kind == "order" and a >= last:
            continue  # "2,000 reservists were ordered to report": the people ordered, no plan
        if whole and not last - 1 <= a < last + HEAD_WORDS:
            continue  # "15,000 of the 50,000 recruits were sent": the whole is what its noun says
        if kind == "event" and last <= a < share_end:
            kind = "who"  # "20% of the mobilised have been killed": the whole the share is of
        if kind == "event" and relative[0] < a < relative[1]:
            kind = "who"  # "3,000 volunteers who signed up are now serving": who they are
        if kind == "event" and a == b == last and as_noun(text, offsets, b, hi):
            kind = "who"  # "500 mobilised were sent": who the people are, not what befell them
        if money and kind == "event" and name in PAID_FOR:
            name = "pay"  # money spent on what recruits are paid for
        elif (kind == "money") != money:
            continue  # budget words are for money only; people words are not for money
        if b < first:
            gap = first - b - 1
        elif share_end > last and a >= predicate > last:
            gap = a - predicate  # a share's whole runs on to its predicate: "15% of the
            # region's men of fighting age have left" is as near its verb as "15% have left"
        elif a >= last:
            gap = a - last
        else:
            gap = 0  # inside the figure's own words: "82,000 conscripts", "100 thousand dead"
        weight, reach = WEIGHTS[kind], REACH.get(kind, DECAY_WORDS)
        if kind == "frame" and a >= last + FRAME_AFTER_WORDS:  # a plan after the figure governs
            weight, reach = WEIGHTS["event"], DECAY_WORDS  # only its own relative clause
        if kind == "own" and (fig.unit == "percent" or not last - 1 <= a < last + HEAD_WORDS
                              or OF_WORD.match(text, offsets[b + 1] if b + 1 < len(offsets) else hi)
                              or any(k == "who" and last - 1 <= x < a for x, _, _, k in hits)
                              or PUNCTUATION.search(text, fig.end, offsets[a])):
            continue  # the people counted are no recruits only when the figure counts them, and
            # not when named by whose they are ("families of the dead", "conscripts' families"),
            # nor across a comma ("... 20,000 a month, the analysts said")
        if kind == "who" and fig.unit == "percent" and not (last <= a < share_end
                                                             or share_named <= a < first):
            continue  # "volunteers make up 20%": the people named are the part, not the whole
            # (but "the share of foreigners among contract soldiers rose to 12%" names both)
        if kind == "who" and last - 1 <= a < last + HEAD_WORDS:
            weight *= HEAD_BONUS
        if kind == "money" and money_noun(text, offsets, last, a):
            weight *= MONEY_NOUN_BONUS  # "$60 billion in military aid": what the money is
        if last <= a < share_end:
            weight *= SHARE_BONUS
        if governs(text, offsets, b, first) and not (kind == "event" and planned):
            weight *= GOVERNOR_BONUS  # (under a plan the noun is what is planned: "aims for
            # an intake of 30,000")
        scope = 1.0 if clauses[min(a, len(clauses) - 1)] == own and a < comment else OTHER_CLAUSE
        if a in timed and not first <= a < last:
            scope = OTHER_CLAUSE  # "crossed the border in the week after the mobilisation"
        score = weight * scope / (1.0 + gap / reach)
        if score > scores.get(name, 0.0):
            scores[name] = score
    if money and forces:
        scores["pay"] = scores.get("pay", 0.0) + PAY_PRIOR
    return scores


SHARE_NOUN = re.compile(r"\b(?:share|proportion|percentage|fraction)\s+of\b", re.IGNORECASE)


def share_noun_start(text: str, offsets: list[int], clauses: list[int], lo: int, fig: Figure) -> int:
    """The first word of "the share of ..." before a share in its clause, which names what the
    share is of before it ("the proportion of convicts among the dead fell to 15%"); else the
    figure's own first word."""
    first = bisect.bisect_left(offsets, fig.start)
    found = None
    for match in SHARE_NOUN.finditer(text, max(lo, fig.start - 120), fig.start):
        found = match  # the last one before the figure
    if found is None:
        return first
    word = bisect.bisect_left(offsets, found.start())
    own = clauses[min(first, len(clauses) - 1)]
    return word if clauses[min(word, len(clauses) - 1)] == own else first


def opening_whole_end(text: str, offsets: list[int], lo: int, hi: int, fig: Figure) -> int:
    """The first word after the comma that closes an opening "Of the N ..." or "Among the N ..."
    the figure is in (the whole whose part the sentence goes on to count); else past the end."""
    if not WHOLE_OPENER_BEFORE.fullmatch(text, lo, fig.start):
        return len(offsets)
    comma = text.find(",", fig.end, hi)
    return bisect.bisect_left(offsets, comma) if comma >= 0 else len(offsets)


MONEY_NOUN_BONUS = 1.5  # the money word that is the amount's own noun
MONEY_NOUN_LEAD = re.compile(r"(?:in|of|for)\s+(?:(?:the|a|an|new|its|their)\s+)?$", re.IGNORECASE)


def money_noun(text: str, offsets: list[int], last: int, a: int) -> bool:
    """Whether the money word at `a` is the amount's own noun: right after it, or after "in",
    "of" or "for" ("2 billion roubles in sign-up bonuses", "$60 billion in military aid")."""
    if a == last:
        return True
    return last < a <= last + 2 and bool(MONEY_NOUN_LEAD.fullmatch(text, offsets[last], offsets[a]))


def share_of_money(hits: list, last: int, share_end: int) -> bool:
    """Whether the words a share is of (words `last` to `share_end`) name money: "3% of GDP",
    "half of the annual budget"; such a share is read as an amount of money."""
    return any(kind in ("money", "payer") and last <= a < share_end for a, _, _, kind in hits)


def relative_clause(text: str, offsets: list[int], clauses: list[int], hits: list,
                    last: int) -> tuple[int, int]:
    """The words (first, end) of a relative clause that describes the people a figure counts
    ("3,000 volunteers who signed contracts are now serving"), when the sentence's own verb
    after it has a cue of its own; else (-1, -1). The clause opens with "who" or "that" among
    the figure's next words and ends at the first verb of the predicate after its own verb."""
    none = (-1, -1)
    window = range(last, min(last + HEAD_WORDS + 1, len(offsets)))
    opener = next((i for i in window if RELATIVE.match(text, offsets[i])), None)
    if opener is None:
        return reduced_relative(text, offsets, clauses, hits, window)
    end = next((i for i in range(opener + 2, len(offsets)) if AUXILIARY.match(text, offsets[i])
                and clauses[i] == clauses[opener]), None)
    if end is None or not any(a >= end and clauses[min(a, len(clauses) - 1)] == clauses[opener]
                              and k in ("event", "death") for a, _, _, k in hits):
        return none
    return opener, end


def reduced_relative(text: str, offsets: list[int], clauses: list[int], hits: list,
                     window: range) -> tuple[int, int]:
    """The words of a participle that describes the people a figure counts, as a relative
    clause with its "who are" left out ("70,000 men fighting in the army have died", "400 men
    called up in the district have been killed"), when a death follows it in its clause: who
    died, not what befell them; else (-1, -1)."""
    none = (-1, -1)
    verb = next((i for i in window if PARTICIPLE.match(text, offsets[i])
                 and any(a == i and k == "event" for a, _, _, k in hits)), None)
    if verb is None:
        return none
    death = next((a for a, _, _, k in sorted(hits) if a > verb and k == "death"
                  and clauses[min(a, len(clauses) - 1)] == clauses[verb]), None)
    if death is None:
        return none
    end = next((i for i in range(verb + 1, death) if AUXILIARY.match(text, offsets[i])), death)
    return verb - 1, end


def as_noun(text: str, offsets: list[int], word: int, hi: int) -> bool:
    """Whether the word at `word`, just after a figure, stands as the figure's noun: a verb
    of the predicate follows it ("500 mobilised were sent", "80 wounded are in hospital")."""
    return word + 1 < len(offsets) and bool(AUXILIARY.match(text, offsets[word + 1], hi))


def governs(text: str, offsets: list[int], last_word: int, first: int) -> bool:
    """Whether the cue ending at word `last_word` is the noun the figure beginning at word
    `first` is "of" ("the displacement of millions", "the deaths of 50,000 soldiers"): the
    nearest cue in the syntactic sense, whatever else the sentence names."""
    return last_word + 2 == first and bool(OF_WORD.match(text, offsets[last_word + 1]))


def about_forces(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether an article speaks of the armed forces: their words (FORCES_WORDS) anywhere, or a
    cue of a metric other than `other` in a figure's sentence (`spans`): "families of the dead",
    "sign-up bonuses"."""
    return FORCES.search(text) is not None or any(
        name not in (None, "other") for lo, hi in spans for _, _, name, _ in sentence_cues(text, lo, hi)[2])


def cued_metric(text: str, sent_start: int, sent_end: int, fig: Figure,
                forces: bool = True) -> str | None:
    """The metric the words around a figure give, or None when they give none."""
    if fig.unit in DURATION_UNITS or fig.unit == "unit":
        return "other"  # terms of service and counted things (regions, brigades, cases)
    ok = allowed(fig)
    scores = {m: s for m, s in metric_scores(text, sent_start, sent_end, fig, forces).items()
              if m in ok}
    if not scores:
        return None
    best = max(scores, key=scores.get)
    if scores[best] < MIN_SCORE:
        return None
    if best == "mobilised" and (fig.per in RATE_PERIODS
                                or RATE_AFTER.match(text, fig.end, sent_end)):
        return "recruited"  # "mobilising 30,000 a month": a steady intake, not a call-up
    return best


def metric(text: str, sent_start: int, sent_end: int, fig: Figure) -> str:
    """The figure's metric: the best-scored cue around it, else other."""
    return cued_metric(text, sent_start, sent_end, fig,
                       about_forces(text, [(sent_start, sent_end)])) or "other"


def metrics_in_context(text: str, spans: list[tuple[int, int]], figures: list[Figure]) -> list[str]:
    """Each figure's metric; a count of people whose sentence has no cue takes the metric of
    another cued figure of the same amount (`restated_metric`), else of the last cued count
    before it in its paragraph, since a paragraph keeps to one subject
    ("... 40,000 signed contracts. The remaining 12,000 are in training."), and a figure given
    as a part of the one just before it ("..., including 1.5 million troops") takes its metric."""
    out: list[str] = []
    last: tuple[int, str] | None = None  # (paragraph start, metric) of the last cued count
    prev: Figure | None = None
    forces = about_forces(text, spans)
    cued = [cued_metric(text, lo, hi, fig, forces) for fig, (lo, hi) in zip(figures, spans, strict=True)]
    for i, (fig, (lo, hi)) in enumerate(zip(figures, spans, strict=True)):
        if (prev is not None and prev.unit == fig.unit and lo <= prev.start
                and PART_OF.fullmatch(text, prev.end, fig.start)):
            out.append(out[-1])  # "2.4 million, including 1.5 million troops": a part of it
            prev = fig
            continue
        if (prev is not None and prev.unit != "percent" and fig.unit == "percent"
                and lo <= prev.start and SHARE_OF.match(text, fig.end, hi)
                and RESTATED_AS_SHARE.search(text, prev.end, fig.start)):
            out.append(out[-1])  # "100,000 left, which is 10% of the workforce": the same people
            prev = fig
            continue
        if (prev is not None and fig.unit == "percent" and prev.unit != "percent"
                and SHARE_OF_PRONOUN.match(text, fig.end, hi)
                and text.rfind("\n", prev.end, fig.start) < 0 and not names_event(text, lo, hi, fig)):
            out.append(out[-1])  # "160,000 have been killed, and 70% of them were volunteers"
            prev = fig
            continue
        prev = fig
        found = cued[i] or restated_metric(figures, cued, i)
        lead = lead_metric(text, fig) if fig.unit in COUNTS else None
        if lead is not None and max(metric_scores(text, lo, hi, fig, forces).values(),
                                    default=0.0) < WEIGHTS["who"]:
            found = lead  # "Losses so far:\npersonnel - 998,000": the list's lead says what
        para = text.rfind("\n", 0, fig.start) + 1
        if fig.unit in COUNTS:
            if found is None and last is not None and last[0] == para:
                found = last[1]
            elif found is not None and not in_brackets(text, lo, fig.start):
                last = (para, found)  # (an aside in brackets does not change the subject)
        out.append(found or "other")
    return shares_of_bracketed_money(text, figures, out)


SHARE_OF_PRONOUN = re.compile(r"\s*of\s+(?:them|those|these|whom)\b(?!\s+who\b)", re.IGNORECASE)
EVENT_KINDS = frozenset({"event", "death", "enlist", "frame", "order"})


def names_event(text: str, lo: int, hi: int, fig: Figure) -> bool:
    """Whether the figure's clause, after the figure, names what happened to the people ("70%
    of them have been killed") rather than who they are ("70% of them were volunteers")."""
    offsets, clauses, hits = sentence_cues(text, lo, hi)
    last = bisect.bisect_left(offsets, fig.end)
    if last >= len(offsets):
        return False
    own = clauses[last]
    return any(a >= last and clauses[min(a, len(clauses) - 1)] == own and kind in EVENT_KINDS
               for a, _, _, kind in hits)


RESTATED_MIN = 100  # a count of people this large, said again, is the same count


def restated_metric(figures: list[Figure], cued: list[str | None], i: int) -> str | None:
    """The metric of the nearest other figure of the same amount whose words name one, for a
    count of people with no cue of its own: an article that says a large count again speaks of
    the same people ("the reserve is 25 million ... These are the same 25 million people")."""
    fig = figures[i]
    if fig.unit != "person" or fig.value is None or fig.value < RESTATED_MIN:
        return None
    same = [(abs(j - i), j > i, cued[j]) for j, other in enumerate(figures)
            if other.value == fig.value and j != i and cued[j] is not None and other.unit == fig.unit]
    return min(same)[2] if same else None


LIST_ITEM_WORDS = 12  # a line of at most this many words may be an item of a list or a table row
LIST_LINES = 40       # lines: how far above its items a list's lead may stand
LEAD_KINDS = frozenset({"death", "event", "enlist", "who", "frame", "order"})


def lead_metric(text: str, fig: Figure) -> str | None:
    """The metric the lead of a list or table gives a figure in one of its items: a line ending
    in a colon ("Russia's losses since February 2022:") or a table's header row ("Region |
    Confirmed deaths"), above the figure's short line with only short lines between and no blank
    one. Items name what is counted by a word of the lead ("personnel - 998,000", "Tatarstan |
    3,100"), not by a cue of their own."""
    line_end = text.find("\n", fig.end)
    end = text.rfind("\n", 0, fig.start)
    if len(text[end + 1:len(text) if line_end < 0 else line_end].split()) > LIST_ITEM_WORDS:
        return None
    for _ in range(LIST_LINES):
        if end < 0:
            return None
        begin = text.rfind("\n", 0, end) + 1
        line = text[begin:end].strip()
        if not line:
            return None  # a blank line ends the list
        if line.endswith(":") or ("|" in line and not any(c.isdigit() for c in line)):
            named = lead_cues(text, begin, end)
            if not named and "|" in line:
                named = lead_cues(text, *title_above(text, begin))  # "Estimates of losses\nSource | ..."
            return max(named)[2] if named and max(named)[2] in allowed(fig) else None
        if len(line.split()) > LIST_ITEM_WORDS:
            return None
        end = begin - 1
    return None


def lead_cues(text: str, begin: int, end: int) -> list[tuple[float, int, str]]:
    """The cues of a lead line that say what a list counts, as (weight, -word, metric)."""
    if begin >= end:
        return []
    return [(WEIGHTS[k], -a, name) for a, _, name, k in sentence_cues(text, begin, end)[2]
            if name is not None and k in LEAD_KINDS]


def title_above(text: str, header: int) -> tuple[int, int]:
    """The short line of words just above a table's header row (a blank line between allowed),
    its title ("Estimates of Russian losses"); (0, 0) when there is none."""
    end = header - 1
    if end > 0 and text[end - 1] == "\n":
        end -= 1  # one blank line
    begin = text.rfind("\n", 0, max(0, end)) + 1
    line = text[begin:end].strip()
    if not line or "|" in line or len(line.split()) > LIST_ITEM_WORDS:
        return 0, 0
    return begin, end


AMOUNT_IN_BRACKETS = re.compile(r"\s*\(")


def shares_of_bracketed_money(text: str, figures: list[Figure], metrics: list[str]) -> list[str]:
    """A share whose amount follows it in brackets ("about a third (2 billion roubles) is paid
    by the regions") is that money, and takes its metric."""
    out = list(metrics)
    for i in range(len(figures) - 1):
        share, amount = figures[i], figures[i + 1]
        if (share.unit == "percent" and "pay" in allowed(amount) and amount.unit != "percent"
                and AMOUNT_IN_BRACKETS.fullmatch(text, share.end, amount.start)):
            out[i] = out[i + 1]
    return out


def in_brackets(text: str, lo: int, pos: int) -> bool:
    """Whether `pos` is inside a bracket opened after `lo` ("The region [population 980,000]")."""
    part = text[lo:pos]
    return part.count("(") + part.count("[") > part.count(")") + part.count("]")


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
