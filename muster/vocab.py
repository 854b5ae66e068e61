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
