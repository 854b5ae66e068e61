"""Counts in correct English, for every page and line Muster prints."""

from __future__ import annotations

# Plurals that do not add "s"; a phrase takes the plural of its last word.
IRREGULAR_PLURALS = {"copy": "copies", "body": "bodies", "country": "countries",
                     "entry": "entries", "person": "people", "summary": "summaries",
                     "analysis": "analyses", "match": "matches", "batch": "batches"}


def plural(noun: str) -> str:
    """'syndicated copy' -> 'syndicated copies', 'claim' -> 'claims'."""
    head, _, last = noun.rpartition(" ")
    word = IRREGULAR_PLURALS.get(last) or (last if last.endswith("s") else last + "s")
    return f"{head} {word}" if head else word


def counted(n: int, noun: str, plural_form: str | None = None) -> str:
    """'1 contradiction', '2 contradictions', '1,204 claims'."""
    return f"{n:,} {noun if n == 1 else (plural_form or plural(noun))}"
