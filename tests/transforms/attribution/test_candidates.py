"""Candidate sources: every source that may stand behind a figure, with named evidence.

The decision is tested apart (test_decision.py); here, what is found and what it carries.
"""

import pytest

from transforms.attribution.attribution import attributions
from transforms.attribution.candidates import ALL_FEATURES, VIA_ONLY_RULES
from transforms.attribution.reading import read
from transforms.declarations.vocab import ATTRIBUTION_RULES
from transforms.figures.numbers import figures

OUTLET = "example.com"


def found(index, text):
    """Each figure's quote and its candidates, as the decision receives them."""
    figs = figures(text)
    decided = attributions(read(text, index, OUTLET), text, figs, index, OUTLET)
    return {f.quote: list(a.candidates) for f, a in zip(figs, decided, strict=True)}


TEXTS = [
    "The Kremlin said 20,000 men enlisted in May.",
    "Recruitment slowed. About 5,000 men signed up in June, according to Mediazona.",
    "Source: RIA Novosti\nSome 3,000 volunteers arrived in Rostov last week.",
    "The ministry said recruitment was up. It added that 9,000 men had joined since March.",
    "“We recruited 1,000 men,” the governor told reporters, citing regional data.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_every_candidate_carries_declared_evidence(index, text):
    for cands in found(index, text).values():
        assert cands[-1].rule == "outlet" and cands[-1].name == OUTLET
        for c in cands:
            assert c.rule in ATTRIBUTION_RULES or c.rule in VIA_ONLY_RULES
            assert set(c.features) <= set(ALL_FEATURES), set(c.features) - set(ALL_FEATURES)
            assert all(0.0 <= abs(v) <= 1.0 for v in c.features.values())
            assert c.cue or c.rule == "outlet"  # the words that link it, as written


def test_a_cue_in_the_sentence_is_an_own_candidate(index):
    (cands,) = found(index, "The Kremlin said 20,000 men enlisted in May.").values()
    kremlin = next(c for c in cands if c.name == "Kremlin")
    assert kremlin.rule == "own-speaker" and kremlin.cue == "Kremlin said"
    assert kremlin.features["cue_before"] == 1.0


def test_the_previous_sentences_source_is_a_passage_candidate(index):
    text = "The Kremlin said recruitment was going well. Some 4,000 men joined in May."
    (cands,) = found(index, text).values()
    kremlin = next(c for c in cands if c.name == "Kremlin")
    assert kremlin.rule == "passage-before" and kremlin.features["back"] > 0


def test_a_source_line_is_a_candidate_for_every_figure(index):
    text = "Source: RIA Novosti\nSome 3,000 volunteers arrived in Rostov last week."
    (cands,) = found(index, text).values()
    assert any(c.rule == "source-line" and c.name == "RIA Novosti" for c in cands)


def test_an_editors_insertion_has_only_the_outlet(index):
    text = "“Omsk [a city of 1.1 million] sent few men,” Anna Petrova said."
    cands = found(index, text)["1.1 million"]
    assert [c.rule for c in cands] == ["outlet"]


def test_unregistered_bodies_and_descriptions_are_candidates(index):
    text = ("The Eurasian Policy Institute said 7,000 men had left. According to local media, "
            "about 300 of them returned.")
    names = {c.name for cands in found(index, text).values() for c in cands}
    assert {"Eurasian Policy Institute", "local media"} <= names


PASSAGE_TEXT = (
    "The Defence Ministry said on Monday: recruitment was up.\n"
    "It added that 9,000 men had joined since March. Another 2,000 signed in April, "
    "and 500 more in May.\n"
    "“We recruited 1,000 men,” the governor told reporters, citing regional data. "
    "Some 300 of them left, according to Mediazona. Officials said 40 returned.")


def test_article_caches_give_what_a_fresh_context_gives(index):
    """What an article context keeps per sentence (a passage's cues, kind features) is what a
    fresh one computes: candidates for each figure, with a new context or a shared one."""
    from transforms.attribution.candidates import ArticleContext, candidates
    from transforms.sentences import sentence_at

    reading = read(PASSAGE_TEXT, index, OUTLET)
    figs = figures(PASSAGE_TEXT)
    fig_sents = {sentence_at(reading.sents, f.start) for f in figs}

    def context():
        return ArticleContext(reading, PASSAGE_TEXT, fig_sents, {OUTLET}, None)

    shared, rules = context(), set()
    for fig in [*figs, *reversed(figs)]:
        si = sentence_at(reading.sents, fig.start)
        fresh = candidates(context(), fig, si, index, OUTLET)
        kept = candidates(shared, fig, si, index, OUTLET)
        assert [(c, list(c.features.items())) for c in kept] == [
            (c, list(c.features.items())) for c in fresh]
        rules |= {c.rule for c in kept}
    assert "passage-before" in rules


@pytest.mark.parametrize("text, quote, outside", [
    # the cue opens an adverbial clause and the figure is in the main clause after it
    ("After the governor announced 300 new recruits, the region's deficit grew by 5 percent.",
     "5 percent", True),
    # the figure is inside the cue's own adverbial clause
    ("After the governor announced 300 new recruits, the region's deficit grew by 5 percent.",
     "300", False),
    # a trailing adverbial clause: the figure before it is the main clause's
    ("The deficit grew by 5 percent after the governor announced 300 new recruits.",
     "5 percent", True),
    # a relative clause after the cue's object goes on with the adverbial clause
    ("The decree came after the governor cited regional data, which showed 300 new recruits.",
     "300", False),
    # a main-clause cue has no adverbial clause at all ("since March" opens none)
    ("Since March, the governor said, 300 men have signed contracts.", "300", False),
])
def test_a_cue_in_an_adverbial_clause_reaches_only_that_clause(index, text, quote, outside):
    governor = next(c for c in found(index, text)[quote] if c.rule.startswith("own"))
    assert governor.features.get("subordinate_out", 0.0) == float(outside)
