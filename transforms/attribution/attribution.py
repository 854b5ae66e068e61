"""Who stands behind each figure: claimant, via, hedge, metric and subject, from its context.

An article is read once (`transforms.attribution.reading`): sentences, source references
resolved in reading order ("the ministry" -> the ministry last named), attribution cues and
quotations. Each figure then gets its candidate sources with their evidence
(`transforms.attribution.candidates`), and one decision (`transforms.attribution.decision`)
picks the claimant and the via. A headline figure that repeats an amount the body attributes
gets that attribution as one more candidate, decided the same way.
"""

from __future__ import annotations

from transforms.attribution.candidates import ArticleContext, candidates, cue_text
from transforms.attribution.decision import decide
from transforms.attribution.reading import Reading, read
from transforms.attribution.references import is_generic
from transforms.attribution.sources import SourceIndex, is_person
from transforms.figures.hedges import hedge
from transforms.figures.metrics import metrics_in_context, subject
from transforms.model import Attribution, Candidate, Figure
from transforms.sentences import Sentence, sentence_at

LEAD_SENTENCES = 4  # how early the body whose report the article retells must be named
LEAD_KINDS = ("government", "military")
PROSE_WORDS = 12


def is_prose(text: str, sent: Sentence) -> bool:
    """Running text, not a caption, credit or menu line."""
    return len(text[sent.start:sent.end].split()) >= PROSE_WORDS


def lead_body(reading: Reading, text: str, index: SourceIndex,
              selves: set[str]) -> tuple[str, str] | None:
    """The official body whose report the article retells: the source of a cue in one of the
    first prose sentences, cued again later. Its figures then run through sentences that do
    not name it again, as news reports of a ministry's bulletin do."""
    prose = [si for si, sent in enumerate(reading.sents) if is_prose(text, sent)]
    cue = next((c for si in prose[:LEAD_SENTENCES] for c in reading.cues[si]
                if c.name not in selves and c.role != "action"), None)
    if cue is None or index.kind(cue.name) not in LEAD_KINDS or is_person(cue.name):
        return None
    cued = sum(1 for cues in reading.cues if any(c.name == cue.name for c in cues))
    return (cue.name, cue_text(text, cue)) if cued >= 2 else None


def same_amount(a: Figure, b: Figure) -> bool:
    if a.value is not None:
        return a.value in {v for v in (b.value, b.alt_value) if v is not None}
    return a.value_low is not None and (a.value_low, a.value_high) == (b.value_low, b.value_high)


def echo(decided: Attribution, headline: Candidate, described: bool = False) -> Candidate:
    """The body's attribution of the same amount, as a candidate for a headline figure, or
    for one a described source states ("officials say"): the body that names them."""
    return Candidate(decided.claimant, "echo", "echo", decided.cue, "same-figure-in-body",
                     {**{k: v for k, v in headline.features.items() if k.startswith("outlet*")},
                      "echo": 1.0, "echo_score": decided.score,
                      **({"echo_described": 1.0} if described else {})})


def echoes(body: Attribution, outlet: str, described: bool) -> bool:
    """Whether a later figure's attribution may stand for an earlier one of the same amount:
    any source but the outlet for a headline; for a figure a described source states
    ("officials say"), only a named source with a cue in the later figure's own sentence (a
    passage carried there says nothing of who the described source was)."""
    return body.claimant != outlet and (not described or (
        not is_generic(body.claimant) and body.rule.startswith("own-")))


def attributions(reading: Reading, text: str, figures: list[Figure], index: SourceIndex,
                 outlet: str, weights: dict | None = None) -> list[Attribution]:
    """The decided attribution of every figure, in order."""
    selves = {n for n in (outlet, index.canonical(outlet)) if n}
    fig_sent = [sentence_at(reading.sents, f.start) for f in figures]
    ctx = ArticleContext(reading, text, set(fig_sent), selves,
                         lead_body(reading, text, index, selves))
    found = [candidates(ctx, fig, si, index, outlet) for fig, si in zip(figures, fig_sent,
                                                                          strict=True)]
    decided = [decide(c, weights) for c in found]
    for i, (fig, si) in enumerate(zip(figures, fig_sent, strict=True)):
        headline = bool(found[i][-1].features.get("outlet*headline"))
        # (a described source, "say officials", may be named where the body gives the same
        # amount by a cue of its own: "According to the Nepali Embassy, ... more than 50")
        described = not headline and decided[i].claimant != outlet and is_generic(
            decided[i].claimant)
        if not (headline or described):
            continue
        body = next((decided[j] for j, other in enumerate(figures)
                     if fig_sent[j] > si and same_amount(fig, other)
                     and echoes(decided[j], outlet, described)), None)
        if body is not None:
            found[i] = [*found[i], echo(body, found[i][-1], described)]
            decided[i] = decide(found[i], weights)
    return decided


def annotate(text: str, figures: list[Figure], outlet: str, index: SourceIndex,
             weights: dict | None = None) -> list[dict]:
    """Context for each figure, in order: sentence, claimant, via, the attribution's evidence,
    hedge, metric, subject."""
    if not figures:
        return []
    reading = read(text, index, outlet)
    spans = [(f.start, f.end) for f in figures]
    sents = [reading.sents[sentence_at(reading.sents, f.start)] for f in figures]
    whats = metrics_in_context(text, [(s.start, s.end) for s in sents], figures)
    result = []
    for fig, sent, what, att in zip(figures, sents, whats,
                                    attributions(reading, text, figures, index, outlet, weights),
                                    strict=True):
        result.append({
            "sentence": text[sent.start:sent.end],
            "sentence_start": sent.start,
            "claimant": att.claimant,
            "via": att.via,
            "attribution_cue": att.cue,
            "attribution_rule": att.rule,
            "attribution_score": att.score,
            "hedge": hedge(text, sent.start, sent.end, fig, spans, what),
            "metric": what,
            "subject": subject(text, sent.start, sent.end, fig),
        })
    return result

