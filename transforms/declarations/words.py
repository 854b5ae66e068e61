"""Words every stage reads the same way, declared once; each stage derives its patterns.

- MONTHS, WEEKDAYS: month and day names and their abbreviations, as news writes them.
- CONTRAST_CONJUNCTIONS: the words after a comma that open a clause of its own ("..., while X
  said"): a cue, a hedge or a metric word on one side does not reach a figure on the other.
"""

from __future__ import annotations

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct",
                       "Nov", "Dec")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
CONTRAST_CONJUNCTIONS = ("but", "while", "whereas", "although", "though", "yet")


def words_pattern(words) -> str:
    """A regex alternation of whole words, longest first."""
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\b"
