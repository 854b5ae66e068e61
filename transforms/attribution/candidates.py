"""Candidate sources for one figure, each with the evidence that links it to the figure.

Candidates come from what one reading of the article found (`transforms.attribution.reading`):

- the cues of the figure's own sentence ("X said", "according to X", "citing X", "X's
  estimate", "told X"), and of the quotation it sits in (the quotation's speaker);
- the cues of the sentences before it (a passage that runs on one source) and of the one or
  two after it in its paragraph (", according to X." closing the paragraph);
- what the article says of its sources: "Source: X" lines, interview turns, the official body
  whose report the article retells;
- names in the sentence that no cue links to the figure (weak evidence, kept so the decision
  can weigh them);
- the outlet itself, which states the figure on its own account when nothing else is linked.

Nothing is decided here: every candidate carries named features (`FEATURES`) that the one
decision point (`transforms.attribution.decision`) scores.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from transforms.attribution.lexicon import (
    CLAUSE_COORDINATORS,
    EVIDENCE_NOUNS,
    EVIDENCE_VERBS,
    SPEECH_VERBS,
    THAT_OPENS,
)
from transforms.attribution.reading import MEDIA_KINDS, STATE_KINDS, Cue, Reading, quote_of
from transforms.attribution.sources import SourceIndex, is_person, lower_same_length
from transforms.declarations.words import CONTRAST_CONJUNCTIONS, SUBORDINATORS, words_pattern
from transforms.model import Candidate, Figure
from transforms.sentences import Sentence, sentence_at

PASSAGE_BACK = 6     # sentences: how far back a passage's source is looked for
PASSAGE_AHEAD = 2    # sentences: how far ahead a closing attribution is looked for
HEADLINE_SENTENCES = 3  # a headline or standfirst is one of the first sentences
VIA_ONLY_RULES = ("article-relay",)  # candidates for the via, never for the claimant
CLAUSE_BREAK = re.compile(rf",\s+(?:{words_pattern(CONTRAST_CONJUNCTIONS)}|and\s+that\b)|;|\s[–—]\s")
# ", and Chair X said ...": a clause of its own, whose subject is the cue's source (a few words
# at most between the conjunction and the cue): a figure before it is the first clause's
COORDINATED_CLAUSE = re.compile(rf",\s+{words_pattern(CLAUSE_COORDINATORS)}\s+(?:[\w’'.-]+,?\s+){{0,5}}$")
THAT_CLAUSE = re.compile(THAT_OPENS)  # "said on Monday that ..."
# "X charged 193 people in the scheme, which prosecutors said cost $2.5 billion": a cue in a
# relative clause after the figure speaks for that clause only
RELATIVE_AFTER = re.compile(r",\s+(?:which|who|whom|whose)\b")
# An adverbial clause that a cue sits in: its subordinator, and no clause mark between it and
# the cue ("Compared with last year, when the ministry reported 190,000, this is a 10% rise");
# it ends at the next comma (not a number's), semicolon or dash after the cue, else at the
# sentence's end
SUBORDINATE_OPENING = re.compile(
    rf"(?<![\w’'-])({words_pattern(SUBORDINATORS)})\s(?:[^,;:–—]|(?<=\d),(?=\d))*$",
    re.I)
# (a relative clause after a comma goes on with it: "after X cited Y, which claimed 100,000")
CLAUSE_CLOSE = re.compile(r"(?:(?<!\d),|,(?!\d))(?!\s*(?:which|who|whose|whom|where)\b)|;|\s[–—]\s")
OWN_COMMENT = re.compile(r"(?:This|That|It|These)\s+(?:marks|represents|is|was|means|amounts|"
                         r"corresponds|equals|exceeds|would|puts|brings)\b")
ANAPHORA = re.compile(r"\b(?:this|that|the|these|those)\s+(?:figures?|numbers?|estimates?|data|"
                      r"statistics|count|tally)\b|\b(?:also|further|added|adding|continued)\b",
                      re.I)
# Evidence the sentence cites without a maker: "according to a decree published Monday",
# "publicly released figures suggest" (not "these figures suggest", which looks back)
_EVIDENCE = words_pattern(EVIDENCE_NOUNS)
UNNAMED_EVIDENCE = re.compile(
    rf"\b(?:[Aa]ccording\s+to|[Pp]er)\s+an?\s+(?:[\w’'-]+\s+){{0,3}}?{_EVIDENCE}"
    rf"|(?<![\w’'-])(?!(?:[Tt]h(?:is|ese|at|ose|e)|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur)\s)[\w’'-]+\s+"
    rf"{_EVIDENCE}\s+{words_pattern({f for v in EVIDENCE_VERBS for f in SPEECH_VERBS[v][:3]})}")
QUOTE_CLOSED = re.compile(r"[”\"]\s*$")  # a quotation's end, just before its speaker's cue
# (the same words, case-sensitive on the lower-cased text: the same matches, twice as fast,
# unless a letter is there that only a case-blind match reads as another: "ſ", "ı", "İ")
ANAPHORA_LOWER = re.compile(ANAPHORA.pattern)
CASE_BLIND_ONLY = frozenset("ſıİ")
BULLET = re.compile(r"[ \t]*(?:[•·▪◦*]|[-–—](?=[ \t]))")  # a list item: its own statement
FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us|my|My)\b")  # a speech or interview, unquoted
ROLES = ("speaker", "cited", "relay", "data", "action")

# every evidence name the decision may weigh, so weights files can be checked against it
FEATURES = (
    # where the candidate comes from
    "own", "quote_speaker", "passage_before", "passage_after", "source_line", "interview_turn",
    "lead_body", "mention", "outlet", "turn_speaker",
    # the cue's role
    *(f"role_{r}" for r in ROLES),
    # what kind of source it is
    "person", "media", "official", "registered", "pronoun",
    # how the cue sits against the figure
    "cue_before", "cue_final", "near", "nearest", "clause_break", "in_scope", "same_quote",
    "research", "out_of_scope", "later_clause", "person_speaker", "person_quote_speaker",
    "media_speaker", "quoted_data", "possessive", "subordinate_out",
    # passage evidence
    "back", "same_paragraph", "cue_sentence_has_figures", "cue_closes_sentence",
    "reported_share", "anaphora", "latest_source", "other_between", "unattributed_between",
    "new_paragraph", "person_new_paragraph", "person_back", "colon_intro", "that_clause",
    "narrated", "after_quote",
    # a name without a cue
    "agent", "sentence_subject",
    # the figure's sentence
    "sentence_cued", "figure_quoted", "own_comment", "bracketed", "headline", "first_person",
    "unnamed_evidence",
    # a headline figure that repeats an amount the body attributes
    "echo", "echo_score", "echo_described",
    # a news outlet the article relays elsewhere (a via only)
    "article_relay", "relays_elsewhere",
)
SENTENCE_FEATURES = ("sentence_cued", "figure_quoted", "own_comment", "bracketed", "headline",
                     "anaphora", "first_person", "unnamed_evidence", "self_cued")
INTERACTION_PREFIXES = ("own", "passage", "article", "outlet")
ALL_FEATURES = FEATURES + tuple(f"{p}*{k}" for p in INTERACTION_PREFIXES
                                for k in SENTENCE_FEATURES)


def log_distance(chars: int) -> float:
    """Character distance on a log scale, 0 (touching) to 1 (about 400 characters)."""
    return min(1.0, math.log1p(max(0, chars)) / math.log1p(400))


def char_gap(cue: Cue, start: int, end: int) -> int:
    if cue.end <= start:
        return start - cue.end
    if cue.start >= end:
        return cue.start - end
    return 0


def kind_features(name: str, index: SourceIndex, pronoun: bool) -> dict[str, float]:
    kind = index.kind(name)
    return {
        "person": float(is_person(name)),
        "media": float(kind in MEDIA_KINDS),
        "official": float(kind in STATE_KINDS),
        "registered": float(name in index.sources),
        "pronoun": float(pronoun),
    }


def cue_text(text: str, cue: Cue) -> str:
    return " ".join(text[cue.start:cue.end].split())


class ArticleContext:
    """What every figure of an article shares: which sources the article reports most, which
    sentences hold figures, and where attribution starts."""

    def __init__(self, reading: Reading, text: str, fig_sents: set[int], selves: set[str],
                 lead: tuple[str, str] | None):
        self.reading, self.text, self.fig_sents, self.selves, self.lead = (
            reading, text, fig_sents, selves, lead)
        self.cued = [{c.name for c in cues if c.name not in selves} for cues in reading.cues]
        self.counts: dict[str, int] = {}
        for names in self.cued:
            for name in names:
                self.counts[name] = self.counts.get(name, 0) + 1
        self.attributed = sum(1 for names in self.cued if names)
        self.relaying = {c.name for cues in reading.cues for c in cues
                         if c.role in ("relay", "cited") and c.name not in selves}
        self.sentences: dict[int, dict[str, float]] = {}
        self.first_cued = next((si for si, cues in enumerate(reading.cues) if cues),
                               len(reading.sents))
        self._kinds: dict[tuple[str, bool], dict[str, float]] = {}
        self._passage: dict[int, tuple[bool, list[tuple]]] = {}
        self._relayed: dict[str, frozenset[str]] | None = None
        # passage candidates by sentence and base features: the same for every figure of a
        # sentence (the candidates are shared: their features change only by the sentence's)
        self.passages: dict[tuple, list[Candidate]] = {}

    def relayed(self, index: SourceIndex) -> dict[str, frozenset[str]]:
        """Whom each source relays somewhere in the article: in one sentence, a relay's cue
        beside another source's ("X said in an interview with Y"), or an outlet's beside a
        source that is no outlet ("X says, according to Y")."""
        if self._relayed is None:
            found: dict[str, set[str]] = {}
            for cues in self.reading.cues:
                cues = self.usable(cues)
                media = {c.name for c in cues if index.kind(c.name) in MEDIA_KINDS}
                for b in cues:
                    if b.role != "relay" and b.name not in media:
                        continue
                    for a in cues:
                        if a.name != b.name and a.name not in media and a.role != "relay":
                            found.setdefault(b.name, set()).add(a.name)
            self._relayed = {k: frozenset(v) for k, v in found.items()}
        return self._relayed

    def kinds(self, name: str, index: SourceIndex, pronoun: bool) -> dict[str, float]:
        """`kind_features` of a name, read once per article: the same names come back for
        every figure (the dict is shared: spread it into a candidate's, never change it)."""
        key = (name, pronoun)
        if key not in self._kinds:
            self._kinds[key] = kind_features(name, index, pronoun)
        return self._kinds[key]

    def passage_cues(self, j: int, index: SourceIndex) -> tuple[bool, list[tuple]]:
        """What a passage running on sentence j's cues (not its actions) takes from them, the
        same for every figure after it: whether the sentence ends in a colon, and per cue its
        kind features, registry kind, words as written, whether a that-clause follows it,
        whether it names a person, and whether it closes a quotation ("“...,” X said")."""
        if j not in self._passage:
            text, sent = self.text, self.reading.sents[j]
            self._passage[j] = (text[sent.start:sent.end].rstrip().endswith(":"), [
                (cue, self.kinds(cue.name, index, cue.pronoun), index.kind(cue.name),
                 cue_text(text, cue), float(bool(THAT_CLAUSE.match(text, cue.end, sent.end))),
                 is_person(cue.name), float(closes_quote(text, sent, cue)))
                for cue in self.usable(self.reading.cues[j]) if cue.role != "action"])
        return self._passage[j]

    def reported(self, name: str, si: int) -> float:
        """How much of the article's attribution, outside the figure's own sentence, goes to
        `name`: the source the article has been reporting (0 in a one-sentence text)."""
        own = name in self.cued[si]
        others = self.attributed - bool(self.cued[si])
        return (self.counts.get(name, 0) - own) / others if others > 0 else 0.0

    def sentence(self, si: int) -> dict[str, float]:
        """A sentence's own evidence, read once for all its figures."""
        if si not in self.sentences:
            text, sent = self.text, self.reading.sents[si]
            self.sentences[si] = {
                "sentence_cued": float(bool(self.usable(self.reading.cues[si]))),
                "own_comment": float(bool(OWN_COMMENT.match(text, sent.start))),
                "headline": float(si < min(self.first_cued, HEADLINE_SENTENCES)
                                  and sent.paragraph == 0),
                "anaphora": float(bool(
                    ANAPHORA.search(text, sent.start, sent.end)
                    if not CASE_BLIND_ONLY.isdisjoint(text[sent.start:sent.end])
                    else ANAPHORA_LOWER.search(lower_same_length(text), sent.start, sent.end))),
                "first_person": float(bool(FIRST_PERSON.search(text, sent.start, sent.end))),
                "unnamed_evidence": float(not self.usable(self.reading.cues[si]) and bool(  # (the
                    UNNAMED_EVIDENCE.search(text, sent.start, sent.end))),  # cheap test first)
                # the outlet's own words cue the sentence: "our sources say", "we counted" (a
                # cue of its own, which the passage's source does not speak through)
                "self_cued": float(any(c.name in self.selves for c in self.reading.cues[si])),
            }
        return self.sentences[si]

    def usable(self, cues: list[Cue]) -> list[Cue]:
        return [c for c in cues if c.name not in self.selves]


def closes_quote(text: str, sent: Sentence, cue: Cue) -> bool:
    """Whether a cue follows the quotation it attributes: "“...,” X said", "“...,” said X"."""
    return text[cue.start:cue.start + 1] in "”\"" or bool(
        QUOTE_CLOSED.search(text, max(sent.start, cue.start - 3), cue.start))


def subordinate_clause(text: str, sent_start: int, sent_end: int, cue: Cue) -> tuple[int, int] | None:
    """The adverbial clause a cue sits in ("when X reported ...", "after X announced ..."), as
    (start, end) in the article, or None when the cue is in a main clause (or is carried from
    the sentence after: "... since January. The paper cited X" sits in no clause of this one)."""
    if cue.end <= cue.start:
        return None
    opening = SUBORDINATE_OPENING.search(text[sent_start:cue.start])
    if opening is None:
        return None
    close = CLAUSE_CLOSE.search(text, cue.end, sent_end)
    return sent_start + opening.start(1), close.start() if close else sent_end


ASIDE_OPENS = re.compile(r"\s*[,(]")
ASIDE_CLOSES = re.compile(r"[,)]")


def in_source_aside(text: str, cue: Cue, fig: Figure) -> bool:
    """"The company, which employs 12,000 people, said": a figure in the aside between the
    cue's source and its verb describes the source, on the writer's account."""
    return (cue.source[1] <= fig.start and fig.end < cue.end
            and bool(ASIDE_OPENS.match(text, cue.source[1]))
            and bool(ASIDE_CLOSES.search(text, fig.end, cue.end)))


def own_candidates(ctx: ArticleContext, fig: Figure, si: int, index: SourceIndex,
                   base: dict[str, float]) -> list[Candidate]:
    """Cues of the figure's sentence, and the speaker of the quotation around it."""
    reading, text = ctx.reading, ctx.text
    quote = quote_of(reading.quotes, fig.start)
    cues = ctx.usable(reading.cues[si])
    spans = [(c, char_gap(c, fig.start, fig.end)) for c in cues]
    nearest = min((g for _, g in spans), default=None)
    out = []
    for cue, gap in spans:
        if cue.source[0] <= fig.start and fig.end <= cue.source[1]:
            continue  # "Two economists say": a count describing the source is the writer's
        if in_source_aside(text, cue, fig):
            continue
        cue_quote = quote_of(reading.quotes, cue.start)
        before = cue.end <= fig.start
        between = text[cue.end:fig.start] if before else text[fig.end:cue.start]
        in_scope = cue.role != "action" or cue.start <= fig.start < cue.scope_end
        clause = subordinate_clause(text, reading.sents[si].start, reading.sents[si].end, cue)
        kinds = ctx.kinds(cue.name, index, cue.pronoun)
        breaks = bool(CLAUSE_BREAK.search(between))
        coordinated = not before and bool(COORDINATED_CLAUSE.search(between)
                                          or RELATIVE_AFTER.search(between))
        speaks = cue.role == "speaker"
        quoted_elsewhere = bool(quote) and cue_quote != quote
        f = {
            **base, "own": 1.0, f"role_{cue.role}": 1.0, **kinds,
            "out_of_scope": float(not in_scope),
            "subordinate_out": float(clause is not None
                                     and not clause[0] <= fig.start < clause[1]),
            "later_clause": float(coordinated or (not before and breaks and not cue.final)),
            "person_speaker": kinds["person"] * speaks,
            "person_quote_speaker": kinds["person"] * quoted_elsewhere,
            "media_speaker": kinds["media"] * speaks,
            "quoted_data": float(cue.role in ("data", "cited") and bool(quote) and cue_quote == quote),
            "possessive": float(cue.possessive and before and gap <= 40),
            "cue_before": float(before), "cue_final": float(cue.final),
            "near": 1.0 - log_distance(gap), "nearest": float(gap == nearest),
            "clause_break": float(breaks),
            "in_scope": float(in_scope), "research": float(cue.research),
            "same_quote": float(bool(quote) and cue_quote == quote),
            "quote_speaker": float(quoted_elsewhere),
            "reported_share": ctx.reported(cue.name, si),
        }
        out.append(Candidate(cue.name, index.kind(cue.name), cue.role, cue_text(text, cue),
                             f"own-{cue.role}", f))
    if quote:  # a quotation running over several sentences: its speaker outside it
        first = sentence_at(reading.sents, quote[0])
        last = sentence_at(reading.sents, quote[1] - 1)
        for k in range(first, last + 1):
            if k == si:
                continue
            for cue in ctx.usable(reading.cues[k]):
                if quote[0] <= cue.start < quote[1]:
                    continue
                f = {**base, "quote_speaker": 1.0, f"role_{cue.role}": 1.0,
                     **ctx.kinds(cue.name, index, cue.pronoun), "back": min(1.0, abs(si - k) / 6),
                     "reported_share": ctx.reported(cue.name, si)}
                out.append(Candidate(cue.name, index.kind(cue.name), cue.role, cue_text(text, cue),
                                     "quotation-speaker", f))
    return out


def narrated_here(ctx: ArticleContext, si: int) -> set[str]:
    """Sources the sentence names without a cue of theirs: "On March 7, the agency searched 13
    offices" after "the agency said ...": the writer tells what the source did, on the
    writer's own account."""
    cued = {c.name for c in ctx.reading.cues[si]}
    return {name for name, _ in ctx.reading.named[si] if name not in cued}


def passage_candidates(ctx: ArticleContext, si: int, index: SourceIndex,
                       base: dict[str, float]) -> list[Candidate]:
    """Sources of the sentences around: the passage's source, or a closing attribution."""
    reading, text = ctx.reading, ctx.text
    sents = reading.sents
    para = sents[si].paragraph
    out = []
    new_paragraph = float(si > 0 and sents[si - 1].paragraph != para)
    between: set[str] = set()   # sources cued in the sentences between
    unattributed = 0
    item = next(k for k in range(si, -1, -1) if k == 0 or sents[k - 1].paragraph != para)
    in_list = bool(BULLET.match(text, sents[item].start))
    narrated = narrated_here(ctx, si)
    for j in range(si - 1, max(-1, si - 1 - PASSAGE_BACK), -1):
        paragraphs_back = para - sents[j].paragraph
        if paragraphs_back > 2 or (in_list and paragraphs_back > 0):  # not from another item
            break
        # "He said:" and what follows is his, also unquoted ("We have hired 3,000 ...")
        colon, cues = ctx.passage_cues(j, index)
        for cue, kinds, kind, words, that_clause, person, quoted in cues:
            f = {**base, "passage_before": 1.0, f"role_{cue.role}": 1.0,
                 "latest_source": float(not between),
                 "colon_intro": float(colon and not between and cue is cues[-1][0]),
                 # "X said that ...": what X said is that sentence's own clause
                 "that_clause": that_clause,
                 "narrated": float(cue.name in narrated),
                 # "“...,” X said. <a sentence of the writer's>": the quotation was X's part
                 "after_quote": quoted,
                 "other_between": float(bool(between - {cue.name})),
                 "unattributed_between": min(1.0, unattributed / 3),
                 "new_paragraph": new_paragraph,
                 "person_new_paragraph": float(person and paragraphs_back > 0),
                 "person_back": float(person) * min(1.0, (si - j) / PASSAGE_BACK),
                 **kinds,
                 "back": min(1.0, (si - j) / PASSAGE_BACK),
                 "same_paragraph": float(paragraphs_back == 0),
                 "cue_sentence_has_figures": float(j in ctx.fig_sents),
                 "cue_closes_sentence": float(cue.final),
                 "reported_share": ctx.reported(cue.name, si)}
            out.append(Candidate(cue.name, kind, "passage", words, "passage-before", f))
        between |= {entry[0].name for entry in cues}
        unattributed += not cues
    for j in range(si + 1, min(len(sents), si + 1 + PASSAGE_AHEAD)):
        if sents[j].paragraph != para:
            break
        for cue, kinds, kind, words, *_ in ctx.passage_cues(j, index)[1]:
            if not cue.final:
                continue
            f = {**base, "passage_after": 1.0, f"role_{cue.role}": 1.0, **kinds,
                 "back": min(1.0, (j - si) / PASSAGE_BACK), "same_paragraph": 1.0,
                 "cue_sentence_has_figures": float(j in ctx.fig_sents),
                 "cue_closes_sentence": 1.0, "reported_share": ctx.reported(cue.name, si)}
            out.append(Candidate(cue.name, kind, "passage", words, "passage-after", f))
    return out


def article_candidates(ctx: ArticleContext, fig: Figure, si: int, index: SourceIndex,
                       base: dict[str, float]) -> list[Candidate]:
    """What the article says of its own sources: "Source: X", interview turns, a lead body."""
    reading = ctx.reading
    out = []
    if reading.relay and reading.relay not in ctx.selves and fig.start < reading.relay_end:
        out.append(Candidate(reading.relay, index.kind(reading.relay), "relay", reading.relay_line,
                             "source-line", {**base, "source_line": 1.0,
                                             **ctx.kinds(reading.relay, index, False)}))
    turn = reading.labels.get(si)
    if turn and turn not in ctx.selves:
        out.append(Candidate(turn, index.kind(turn), "speaker", f"{turn}:", "interview-turn",
                             {**base, "interview_turn": 1.0, **ctx.kinds(turn, index, False)}))
    if ctx.lead and ctx.lead[0] not in ctx.selves:
        name, cue = ctx.lead
        out.append(Candidate(name, index.kind(name), "speaker", cue, "lead-body",
                             {**base, "lead_body": 1.0, **ctx.kinds(name, index, False),
                              "reported_share": ctx.reported(name, si),
                              "narrated": float(name in narrated_here(ctx, si))}))
    return out


def mention_candidates(ctx: ArticleContext, si: int, index: SourceIndex, base: dict[str, float],
                       linked: set[str]) -> list[Candidate]:
    """Sources named in the sentence without a cue that links them to anything."""
    out = []
    sent = ctx.reading.sents[si]
    for name, start in ctx.reading.named[si]:
        if name in linked or name in ctx.selves:
            continue
        before = ctx.text[max(sent.start, start - 12):start].lower()
        out.append(Candidate(name, index.kind(name), "mention", name, "mention",
                             {**base, "mention": 1.0, **ctx.kinds(name, index, False),
                              "reported_share": ctx.reported(name, si),
                              "agent": float(before.rstrip().endswith((" by", "by"))),
                              "sentence_subject": float(start - sent.start < 25)}))
    return out


def sentence_features(ctx: ArticleContext, fig: Figure, si: int) -> dict[str, float]:
    """What the figure's sentence says about attribution, shared by all its candidates."""
    reading, text = ctx.reading, ctx.text
    sent = reading.sents[si]
    before = text[sent.start:fig.start]
    return {
        **ctx.sentence(si),
        "figure_quoted": float(quote_of(reading.quotes, fig.start) is not None),
        "bracketed": float(before.rfind("[") > before.rfind("]")),
    }


def is_aside(text: str, sent: Sentence) -> bool:
    """A sentence wholly in round brackets."""
    words = text[sent.start:sent.end].strip()
    return words.startswith("(") and words.rstrip(".").endswith(")") and words.count("(") == 1


def interactions(base: dict[str, float], prefix: str) -> dict[str, float]:
    """The sentence's features as seen by one kind of candidate (the outlet, a passage)."""
    return {f"{prefix}*{k}": v for k, v in base.items() if v}


def candidates(ctx: ArticleContext, fig: Figure, si: int, index: SourceIndex,
               outlet: str) -> list[Candidate]:
    """Every candidate source of one figure, the outlet last."""
    sentence = sentence_features(ctx, fig, si)
    you = Candidate(outlet, "outlet", "outlet", None, "outlet",
                    {"outlet": 1.0, **interactions(sentence, "outlet")})
    if sentence["bracketed"]:  # "[a city of 1.3 million]": the editor's words, no one else's
        return [you]
    own = own_candidates(ctx, fig, si, index, interactions(sentence, "own"))
    # "(Kyiv has denied ...)": a sentence in brackets is the writer's aside, not the passage's
    base = interactions(sentence, "passage")
    key = (si, *base.items())
    if key not in ctx.passages:
        ctx.passages[key] = [] if is_aside(ctx.text, ctx.reading.sents[si]) else passage_candidates(
            ctx, si, index, base)
    passage = list(ctx.passages[key])
    article = article_candidates(ctx, fig, si, index, interactions(sentence, "article"))
    linked = {c.name for c in own}
    mentions = mention_candidates(ctx, si, index, {}, linked)
    near = {c.name for c in [*own, *passage, *article]}
    relays = [Candidate(name, index.kind(name), "relay", name, "article-relay",
                        {"article_relay": 1.0, **ctx.kinds(name, index, False),
                         "relays_elsewhere": float(name in ctx.relaying),
                         "reported_share": ctx.reported(name, si)})
              for name in sorted(ctx.counts) if name not in near
              and index.kind(name) in MEDIA_KINDS]
    turn = ctx.reading.labels.get(si)
    for c in [*own, *passage, *mentions]:  # the interview's speaker of this line, however found
        if c.name == turn:
            c.features["turn_speaker"] = 1.0
    relayed = ctx.relayed(index)
    everyone = [*own, *passage, *article, *mentions, *relays, you]
    if relayed:
        everyone = [replace(c, relays=relayed[c.name]) if c.name in relayed else c
                    for c in everyone]
    return everyone
