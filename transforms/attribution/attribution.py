"""Who stands behind each figure: claimant, via, hedge, metric and subject, from its context.

An article is read once, sentence by sentence, in order: source references are resolved
("the ministry" -> the ministry last named), attribution frames found (`transforms.attribution.frames`), and
quotations tied to their speakers. Each figure then takes, in this order of preference:

1. the frames of its own sentence (inside a quotation: the quotation's speaker too), see
   `transforms.attribution.chains`;
2. for a sentence with no attribution of its own, the source of the passage it sits in: the
   previous attributed sentence of its paragraph, a closing attribution later in the paragraph,
   a non-person source of the previous paragraph, or the same source on both sides;
3. the outlet, which then states the figure on its own account (`transforms.attribution.passages`).

The chain claimant -> via is ordered innermost first: a person who speaks beats the body they cite
("Medvedev, citing Defence Ministry data"); a source cited by another beats the citer; whoever
quotes, relays or reports someone else's words is the via.
"""

from __future__ import annotations

from transforms.attribution.chains import own_attribution, sentence_attribution
from transforms.attribution.passages import (
    OWN_COMMENT,
    SANDWICH,
    headline_fix,
    in_brackets,
    lead_relay,
    lead_source,
    passage_attribution,
    passage_via,
)
from transforms.attribution.reading import Reading, read
from transforms.attribution.sources import SourceIndex
from transforms.figures.hedges import hedge
from transforms.figures.metrics import metrics_in_context, subject
from transforms.model import Figure
from transforms.sentences import sentence_at


def attributions(reading: Reading, text: str, figures: list[Figure], index: SourceIndex,
                 outlet: str | None) -> list[tuple[str | None, str | None]]:
    """(claimant, via) for every figure."""
    selves = {n for n in (outlet, index.canonical(outlet)) if n}
    n = len(reading.sents)
    fig_sent = [sentence_at(reading.sents, f.start) for f in figures]
    has_figures = set(fig_sent)
    own = [sentence_attribution(reading, text, si, index, selves) for si in range(n)]
    atts: list = [None] * n
    lead = lead_source(reading, text, own, index)
    last = max(fig_sent) + SANDWICH if fig_sent else 0
    for si, sent in enumerate(reading.sents[:last]):  # later sentences carry nothing back
        if own[si]:
            atts[si] = own[si]
        elif reading.cues[si] or OWN_COMMENT.match(text, sent.start):
            atts[si] = (outlet, None)  # its cues cover other clauses; or the author's comment
        else:
            atts[si] = passage_attribution(reading, text, si, atts, own, has_figures, outlet, lead)
    relay = lead_relay(reading, own, index, selves)
    out = []
    for fig, si in zip(figures, fig_sent, strict=True):
        mine = own_attribution(reading, text, si, fig.start, fig.end, index, selves)
        if mine is None:  # the sentence's own cues cover other clauses only, or there are none
            mine = (outlet, None) if reading.cues[si] else atts[si]
        if in_brackets(text, reading.sents[si].start, fig.start):
            mine = (outlet, None)  # "[a region of 17 million]": the editor's insertion
        claimant, via = mine
        if via is None and si and atts[si - 1] and atts[si - 1][0] == claimant:
            via = atts[si - 1][1]  # the same speaker's words, relayed as just before
        if via is None:
            via = passage_via(reading, own, si, claimant, index)
        if claimant in selves:
            claimant = outlet
        if (relay and via is None and claimant not in (relay, outlet)
                and fig.start < reading.relay_end):
            via = relay
        out.append((claimant, None if via in selves else via))
    return headline_fix(figures, fig_sent, reading, out, outlet)

def annotate(text: str, figures: list[Figure], outlet: str | None, index: SourceIndex) -> list[dict]:
    """Context for each figure, in order: sentence, claimant, via, hedge, metric, subject."""
    if not figures:
        return []
    reading = read(text, index, outlet)
    result = []
    spans = [(f.start, f.end) for f in figures]
    sents = [reading.sents[sentence_at(reading.sents, f.start)] for f in figures]
    whats = metrics_in_context(text, [(s.start, s.end) for s in sents], figures)
    for fig, sent, what, (claimant, via) in zip(
            figures, sents, whats, attributions(reading, text, figures, index, outlet), strict=True):
        result.append({
            "sentence": text[sent.start:sent.end],
            "sentence_start": sent.start,
            "claimant": claimant,
            "via": via,
            "hedge": hedge(text, sent.start, sent.end, fig, spans, what),
            "metric": what,
            "subject": subject(text, sent.start, sent.end, fig),
        })
    return result
