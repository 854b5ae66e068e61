"""Controlled vocabularies, declared once.

They follow ../shared/corpus/ANNOTATION.md so that published claims can be scored against an
analyst's gold file; the claims schema, the extraction and the expectations all read them here.
"""

UNITS = ("person", "RUB", "USD", "EUR", "GBP", "UAH", "percent", "day", "month", "year", "unit")
PERS = ("month", "year", "day")
QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range", "vague")
METRICS = (
    "recruited",
    "mobilised",
    "target",
    "pool",
    "pay",
    "casualties",
    "fled",
    "deployed",
    "other",
)
SOURCE_KINDS = (
    "government",
    "military",
    "official",
    "media",
    "think tank",
    "NGO",
    "outlet",
    "unknown",
)

# What clustering notices, and what each flag means to an analyst.
FLAGS = {
    "rounded": "the same figure rounded differently, as 280,000 for 283,000",
    "value_differs": "a value close to the cluster's but beyond rounding, as 5,140 for 5,130",
    "typo": "a value one digit or a dropped 'thousand' away from the cluster's, as 45,000 "
            "for 495,000 or 300 for 300,000",
    "conversion_differs": "the same figure converted into another currency differently",
    "other_currency": "the figure given only in another currency",
    "contradiction": "another claimant gives a disagreeing value for the same metric and period",
}
VARIANT_FLAGS = ("rounded", "value_differs", "typo", "conversion_differs", "other_currency")

# Which evidence decided a claim's claimant (`claims.attribution_rule`), and what it means.
ATTRIBUTION_RULES = {
    "own-speaker": "a cue in the figure's sentence names who asserts it (`X said`, "
                   "`according to X`, `X's estimate`)",
    "own-cited": "the figure's sentence names a source that another one cites (`citing X`)",
    "own-relay": "the figure's sentence names only who passes it on (`quoted by X`, `told X`)",
    "own-data": "the figure's sentence names a data source (`according to data from X`)",
    "own-action": "the figure's clause says who ordered it into being (`X ordered`, `a decree by X`)",
    "quotation-speaker": "the figure is inside a quotation whose speaker is named outside it",
    "passage-before": "the source of the passage the figure's sentence continues",
    "passage-after": "the attribution that closes the figure's paragraph (`..., X said.`)",
    "source-line": "the article says whom it retells (`Source: X`)",
    "interview-turn": "the speaker of the interview line the figure is in (`X: ...`)",
    "lead-body": "the official body whose report the whole article retells",
    "mention": "a source named in the figure's sentence without a cue",
    "same-figure-in-body": "a headline figure that repeats an amount the body attributes",
    "outlet": "no source is linked to the figure: the outlet states it on its own account",
}

