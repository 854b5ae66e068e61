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
