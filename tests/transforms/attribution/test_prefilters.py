"""The prefilters of `transforms.attribution.references` find what full scans find.

Each shortcut (the words looked up in one scan, the places a pattern may start) must give the
same matches as the plain scan it replaces; these sentences exercise them.
"""

from __future__ import annotations

import re

import pytest

from transforms.attribution import references as refs
from transforms.attribution.sources import lower_same_length

TEXTS = [
    "The Interior Ministry of Finland said 1,200 people crossed; officials in Lapland agreed.",
    "According to the Bureau of Labor Statistics, the government of the Tyumen region and "
    "Kazakhstan's Interior Ministry counted 300. Western officials said more.",
    "Data from the Department of Defense, the Brennan Center and the UK's military intelligence "
    "show 40,000, analysts estimated. The Programme, the Commissioner and Trustees of the Fund "
    "agreed, a spokeswoman for the administration of Belgorod said.",
    "Authorities in Dagestan say the Office of the Prosecutor-General and the city's health "
    "department found 12 cases; Meduza's journalists, citing officials, reported it.",
    "the army said. The Army said; Ukraine's military said 5,000 — Kyiv's military "
    "administration disagreed, and US officials, quoting sources, told Reuters so.",
    "Śródmieście Council of Łódź and the Économie Institute of Ōsaka reported 7 (ÉTAT data).",
    "",
]


def plain_word_places(lowered: str) -> dict[str, list[tuple[int, int]]]:
    """Every word of the text, read one by one, kept when a prefilter looks it up."""
    places: dict[str, list[tuple[int, int]]] = {}
    for m in re.finditer(r"\w+", lowered):
        if m.group() in refs.LOOKED_UP:
            places.setdefault(m.group(), []).append(m.span())
    return places


@pytest.mark.parametrize("text", TEXTS)
def test_word_places_are_the_words_read_one_by_one(text):
    lowered = lower_same_length(text)
    assert refs.word_places(lowered) == plain_word_places(lowered)


def test_every_looked_up_word_is_in_the_one_scan():
    for hit, _, _ in refs.NEEDED_WORDS.values():
        words = hit if isinstance(hit, frozenset) else hit[0] if isinstance(hit, tuple) else ()
        assert words <= refs.LOOKED_UP
        assert all(re.fullmatch(r"\w+", w) for w in words)


@pytest.mark.parametrize("text", TEXTS)
def test_body_of_words_are_the_searched_phrase(text):
    lowered = lower_same_length(text)
    searched = re.compile(r"\b(?:government|administration|parliament|authorities|office)\s+of\b")
    assert refs.hit_spans(refs.BODY_OF_HIT, lowered) == [
        m.span() for m in searched.finditer(lowered)]


@pytest.mark.parametrize("text", TEXTS)
def test_org_names_start_where_the_start_scan_says(text):
    starts = refs.match_starts(refs.ORG_NAME, text)
    found = list(refs.ORG_NAME.finditer(text))
    assert all(m.start() in starts for m in found)
    assert all(m.end() > m.start() for m in found)  # never empty (see `window_matches`)


@pytest.mark.parametrize("text", TEXTS)
def test_window_matches_are_the_window_scan(text):
    starts = refs.match_starts(refs.ORG_NAME, text)
    for lo in range(0, len(text), 7):
        for hi in (lo + 30, lo + 120, len(text)):
            assert [m.span() for m in refs.window_matches(refs.ORG_NAME, text, lo, hi, starts)] \
                == [m.span() for m in refs.ORG_NAME.finditer(text, lo, hi)]


# one sentence or more for each alternative of BACKREF, and nouns APPOSED puts names after
BACK_TEXTS = [
    "He said 300 had left; she told him so, in his words. According to her, his aides said 4.",
    "The minister said 20. Poland's prime minister, the country's health minister and the "
    "city's mayor agreed; the U.S.'s ambassador and South Korea's spy chief did not.",
    "The Defence Ministry said 50; the ministry of foreign affairs, the foreign ministry and "
    "the military department agreed. The MoD and the Ministry of Defence did too.",
    "The latest intelligence update said 12; the think tank, the fire department and the "
    "group's researchers agreed, according to intelligence. A spokeswoman said so.",
    "It said 7. It, too, said so; they said 9, and we counted 10 of our own.",
    "The fund raised 5, according to its filings, and 6, according to their records.",
    "The newspaper Izvestia, local media Vecherny Kurier and the project “count the cost” "
    "said 8; a weekly paper, the agency TASS and the site ZONA agreed.",
]


@pytest.mark.parametrize("text", TEXTS + BACK_TEXTS)
def test_backreferences_begin_with_their_words(text):
    lowered = lower_same_length(text)
    found = list(refs.BACKREF.finditer(lowered))
    assert all(re.match(r"\w+", lowered[m.start():]).group() in refs.BACKREF_WORDS
               for m in found)
    assert [(m.span(), m.lastgroup) for m in refs.scan(refs.BACKREF, lowered)] == [
        (m.span(), m.lastgroup) for m in found]


@pytest.mark.parametrize("text", TEXTS + BACK_TEXTS)
def test_apposed_names_scan_where_their_nouns_are(text):
    assert [(m.span(), m.groups()) for m in refs.scan(refs.APPOSED, text)] == [
        (m.span(), m.groups()) for m in refs.APPOSED.finditer(text)]


@pytest.mark.parametrize("text", [*TEXTS, *BACK_TEXTS, "The Clinton campaign said 40, as the "
                                  "McCain campaign did; the Obama campaign’s aides agreed.",
                                  "Olden aides said 8, and Ruiz advisers estimated 9."])
def test_required_words_stand_in_every_match(text):
    lowered = lower_same_length(text)
    for key, words in refs.REQUIRED_WORDS.items():
        pattern = next(p for p in (refs.CAMPAIGN_OWNER,) if id(p) == key)
        found = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in refs.matches_of(pattern, text, lowered)] == found
        assert not found or not words.isdisjoint(refs.word_places(lowered))


@pytest.mark.parametrize("masked", [
    "⟦0⟧: 300 left. ⟦1⟧ quoted ⟦2⟧ as saying 4.", "statement from ⟦3⟧ :\n⟦4⟧\t: yes",
    "⟦0⟧ said 5, ⟦1⟧ cited ⟦2⟧ as estimating 6.", "no reference: none"])
def test_frames_prechecks_hold_for_every_match(masked):
    from transforms.attribution import frames
    if frames.LABEL.search(masked):
        assert frames.LABEL_HIT.search(masked)
    if frames.QUOTED_AS.search(masked):
        assert "quoted" in masked or "cited" in masked


@pytest.mark.parametrize("masked", [
    "the decree that ⟦0⟧ signed set 300,000; an order ⟦1⟧ had issued and a law ⟦2⟧ has signed.",
    "⟦0⟧ ordered 5,000 more; the border law ⟦1⟧ signed; disorder ⟦2⟧ signed; ⟦3⟧ raised pay.",
    "a spokesman for ⟦0⟧ said 12; the official at ⟦1⟧ told; one officer of ⟦2⟧ said; "
    "data spokesman for ⟦3⟧ said; theme officials of ⟦4⟧ said",
])
def test_letter_led_frames_are_the_word_bounded_ones(masked):
    """ACTION and SPEAKS_FOR_BODY lead their words by the letter, the boundary after it."""
    from transforms.attribution import frames
    decree = re.compile(frames.ACTION.pattern.split("|d(?<!")[0] + r"|\b(?:decree|order|law)"
                        + frames.DECREE_SIGNED)
    speaks = re.compile(frames.SPEAKS_FOR_BODY.pattern.replace(
        r"(?:a(?<!\w.)n?|t(?<!\w.)he|o(?<!\w.)ne)", r"\b(?:an?|the|one)", 1))
    assert speaks.pattern != frames.SPEAKS_FOR_BODY.pattern
    for new, old in ((frames.ACTION, decree), (frames.SPEAKS_FOR_BODY, speaks)):
        found = [(m.span(), m.group(m.lastindex)) for m in frames.matches(new, masked)]
        assert found == [(m.span(), m.group(m.lastindex)) for m in frames.matches(old, masked)]
    assert list(frames.matches(frames.ACTION, masked)) or list(
        frames.matches(frames.SPEAKS_FOR_BODY, masked))


def _speaks_for_texts():
    from transforms.attribution import frames
    for word in frames._SPEAKS_FOR_WORDS:
        for prep in ("for", "of", "to", "with"):
            yield f"Yesterday two {word} {prep} ⟦0⟧ said 40 had signed."
    yield "The officers' mess and the representatives' lounge held 30 people."


@pytest.mark.parametrize("masked", list(_speaks_for_texts()))
def test_speaks_for_hit_is_tried_where_every_declared_word_stands(masked):
    """The gate finds what a search of the whole text finds, for each word it is declared with
    (a word added to the nouns is a place the gate looks)."""
    from transforms.attribution import frames
    assert frames.speaks_for_hit(masked) == bool(frames.SPEAKS_FOR_HIT.search(masked))


def _backref_texts():
    """A short sentence for every word BACKREF's source spells and every declared head, after
    "the", an owner and "a" (a head the pattern gains without its declaration is then missed
    here), and the project's own example articles."""
    from pathlib import Path

    import yaml

    words = set(re.findall(r"[a-z]{2,}", refs.BACKREF.pattern)) | refs.BACKREF_THE_HEADS
    for w in sorted(words):
        yield (f"The {w} said 40. The new {w} said 5, the country's {w} said, Poland's {w} "
               f"said and the U.S.'s {w} added; a {w} said 9, one  {w} said 3, the\n{w} too.")
    yield "A spokesman said 4; one\n\n   spokeswoman agreed, and an  spokesperson for it did not."
    yield "The dockers' union, the city’s health minister and Russia ’s defence chief said 7."
    table = Path(__file__).parents[2] / "fixtures" / "claim_examples.yaml"
    yield from (e["text"] for e in yaml.safe_load(table.read_text())["examples"])


def test_backref_heads_are_looked_up_words():
    assert refs.BACKREF_THE_HEADS <= refs.LOOKED_UP
    assert all(re.fullmatch(r"\w+", w) for w in refs.BACKREF_THE_HEADS)
    assert refs.BACKREF_OWNER_WORDS <= refs.BACKREF_WORDS


def test_backref_starts_skip_no_match():
    """`headed` drops a "the" with no head ahead in its run, "a"/"one" before no spokesperson
    and an owner with no possessive near: the scan finds every match a plain search finds."""
    for text in _backref_texts():
        lowered = lower_same_length(text)
        assert [(m.span(), m.lastgroup) for m in refs.scan(refs.BACKREF, lowered)] == [
            (m.span(), m.lastgroup) for m in refs.BACKREF.finditer(lowered)], text


@pytest.mark.parametrize("words", [
    ["Petrov", "Ann", "Ann-Marie", "J.", "O'Neil", "Li"],
    ["Ann-Marie", "Ann", "Lee", "Leeds"],
    ["Śmigły", "Öztürk", "Li", "Lin", "_x"],
])
def test_word_mentions_are_the_alternation_scan(words):
    """`word_mentions` finds what r"\\b(w1|w2|...)\\b" finds, the words tried in order."""
    texts = [
        "Petrov said; Petrovich did not. Ann-Marie and Ann met Lin Li, J. Smith and J.K. Li. "
        "O'Neil's aide, O'Neill, and Leeds' Lee agreed_Li Li_ 3Li Li3 Śmigły Śmigłyś Öztürk.",
        "AnnAnn Ann Ann-Marie-Ann Lee-Leeds Leeds Lin\nLi\tLi", "", "Li",
    ]
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b")
    for text in texts:
        assert refs.word_mentions(text, words) == [
            (m.start(), m.end(), m.group(1)) for m in pattern.finditer(text)]
