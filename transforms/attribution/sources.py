"""The registry of sources: who claims or relays figures, under one canonical name each.

Articles call the same body many things ("British intelligence", "the U.K. Defense Ministry",
"London's analysts"); the claims table must say "UK Ministry of Defence" every time, so that
figures can be grouped by who stands behind them. The registry (data/reference/sources.csv) lists
each body once with its aliases; `SourceIndex` finds those aliases in text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from transforms.attribution.lexicon import CORPORATE_SUFFIXES, MASTHEAD_HEADS, ORG_HEADS, trie_regex
from transforms.declarations.schema import columns
from transforms.declarations.vocab import SOURCE_KINDS

ALIAS_SEPARATOR = "|"
ORG_WORDS_TEXT = """
    ministry ministries department service services agency agencies committee council office
    institute institution foundation fund group center centre bureau staff intelligence officials
    authorities government kremlin media news times post journal gazette gazeta radio television
    tv stories watch international forces army military navy command directorate parliament duma
    assembly union university school bank court prosecutor police guard administration team
    campaign project network company corporation association society organisation organization
    press daily weekly magazine channel outlet publication website newspaper reuters novosti
    analysts sources nations league party mission embassy consulate federation republic
    region"""
# (and every head an organisation's name may end in: "Volga Rights Observatory" is no person)
ORG_WORDS = (frozenset(ORG_WORDS_TEXT.split()) | {s.lower() for s in CORPORATE_SUFFIXES}
             | {h.lower() for h in ORG_HEADS})


@dataclass(frozen=True)
class Source:
    """One registry entry."""

    name: str
    kind: str
    country: str | None = None


@dataclass(frozen=True)
class Mention:
    """A place in a text that names a registered source."""

    start: int
    end: int
    name: str


@dataclass(frozen=True)
class SourceIndex:
    """Registry lookups: canonical names, alias -> name, and one pattern that finds any alias."""

    sources: dict[str, Source]
    lookup: dict[str, str]
    exact_case: dict[str, frozenset[str]]
    pattern: re.Pattern | None = field(default=None, compare=False)

    def canonical(self, name: str | None) -> str | None:
        """The registry name for an alias or name, or None when it is not registered."""
        if not name:
            return None
        return self.lookup.get(alias_key(name))

    def kind(self, name: str) -> str:
        """The registry's kind; an unregistered domain is an outlet, a masthead ("The Daily
        Herald") media."""
        source = self.sources.get(name)
        if source:
            return source.kind
        return unregistered_kind(name)

    def mentions(self, text: str) -> list[Mention]:
        """Every registered alias in `text`, longest match first, left to right.

        Matching runs on the lower-cased text (twice as fast as a case-blind pattern); aliases
        that only count in capitals ("RIA", "AP") are checked against the original.
        """
        if self.pattern is None:
            return []
        lowered = lower_same_length(text)
        found = []
        for m in self.pattern.finditer(lowered):
            key = alias_key(m.group())
            name = self.lookup.get(key)
            if name is None:
                continue
            if key in self.exact_case:
                surface = " ".join(text[m.start():m.end()].split())
                if surface not in self.exact_case[key]:
                    continue
            found.append(Mention(m.start(), m.end(), name))
        return found


@lru_cache(maxsize=8)
def lower_same_length(text: str) -> str:
    """`text` lower-cased, keeping every offset (a few characters change length otherwise);
    kept for the last few texts, since every source finder of an article reads it lower-cased."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


@lru_cache(maxsize=8192)
def alias_key(name: str) -> str:
    """Normalised form under which aliases are looked up: case, apostrophes, spaces, "the"."""
    key = unicodedata.normalize("NFKC", name).replace("’", "'").replace("‘", "'")
    key = re.sub(r"\s+", " ", key).strip().lower()
    return re.sub(r"^the ", "", key)


@lru_cache(maxsize=4096)
def unregistered_kind(name: str) -> str:
    """The kind of a name the registry does not list (see `SourceIndex.kind`), read once per
    name: the same names come back for every figure of an article."""
    if looks_like_domain(name):
        return "outlet"
    return "media" if name.rsplit(None, 1)[-1] in MASTHEAD_HEADS and " " in name else "unknown"


DOMAIN = re.compile(r"[\w-]+(\.[\w-]+)+")


def looks_like_domain(name: str) -> bool:
    return bool(DOMAIN.fullmatch(name or "")) and " " not in name


@lru_cache(maxsize=4096)
def is_person(name: str) -> bool:
    """Whether a source name reads as a person's name ("Olga Romanova"), not a body's.

    Back-references such as "he" or "the minister" resolve to people only.
    """
    words = name.split()
    if not 2 <= len(words) <= 4 or looks_like_domain(name) or words[0] == "The" or (
            words[-1] in MASTHEAD_HEADS):
        return False  # ("The Economist", "Highland Herald": a masthead, never a person)
    bare = [re.sub(r"['’]s$", "", w).strip("().,").lower() for w in words]
    if any(b in ORG_WORDS for b in bare) or any(w.isupper() for w in words):
        return False
    return all(w[:1].isupper() for w in words)


@lru_cache(maxsize=8192)
def source_id(name: str) -> str:
    """A stable slug for a source name: "UK Ministry of Defence" -> "uk-ministry-of-defence"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "unknown"


def aliases_of(value) -> list[str]:
    """A registry row's aliases as a list, whether stored as a list or a "|"-joined string."""
    if value is None or (isinstance(value, float) and value != value):
        return []
    if isinstance(value, str):
        return [a.strip() for a in value.split(ALIAS_SEPARATOR) if a.strip()]
    return [str(a).strip() for a in value if str(a).strip()]


# A masthead of "The" and one word, which in lower case is a common noun ("The Economist",
# "The Guardian", "The Insider"): an alias only where the word is capitalised, so that "the
# bank's chief economist said" is no outlet.
COMMON_WORD_MASTHEAD = re.compile(r"The [A-Z][a-z]+")


def source_index(registry: pd.DataFrame) -> SourceIndex:
    """Index a registry frame (name, kind, country, aliases) for lookups and mention finding."""
    sources, lookup, exact = {}, {}, {}
    for row in registry.to_dict("records"):
        name = str(row["name"]).strip()
        kind = row.get("kind") if row.get("kind") in SOURCE_KINDS else "unknown"
        country = row.get("country") if isinstance(row.get("country"), str) else None
        sources[name] = Source(name, kind, country or None)
        for alias in [name, *aliases_of(row.get("aliases"))]:
            lookup.setdefault(alias_key(alias), name)
            if len(alias) <= 4 or alias.isupper():  # "RIA", "AP", "NIS": only in capitals
                exact.setdefault(alias_key(alias), set()).add(alias)
            elif COMMON_WORD_MASTHEAD.fullmatch(alias):  # "The Economist": never "an economist"
                word = alias.split()[-1]
                exact.setdefault(alias_key(alias), set()).update((alias, word, f"the {word}"))
    # the trie tries longer continuations first, so "Russian Defence Ministry" beats "Russian"
    body = trie_regex(lookup)
    pattern = re.compile(rf"(?<![\w.]){body}(?!\w)") if lookup else None
    return SourceIndex(sources, lookup, {k: frozenset(v) for k, v in exact.items()}, pattern)


def canonical_source(name: str, index: SourceIndex) -> str:
    """The canonical name for any way of naming a source; unregistered names come back tidied."""
    tidy = re.sub(r"\s+", " ", name).strip().strip(",.;:")
    return index.canonical(tidy) or re.sub(r"^[Tt]he (?=[a-z])", "", tidy)


def resolved_source_id(name: str, index: SourceIndex) -> str:
    """The id of the sources row a name resolves to: its registry entry, else its own row."""
    return source_id(index.canonical(name) or name)


def sources_table(
    registry: pd.DataFrame, claimants: Iterable[str], outlets: Iterable[str]
) -> pd.DataFrame:
    """The sources table: every registry row, then every other claimant/via and outlet met.

    Names met in text but not registered get kind "unknown"; outlets (the corpus `outlet` value,
    usually a domain) get kind "outlet". Rows are sorted by source_id so reruns are identical.
    """
    index = source_index(registry)
    rows: dict[str, dict] = {}
    for row in registry.to_dict("records"):
        name = str(row["name"]).strip()
        source = index.sources[name]
        rows.setdefault(source_id(name), {
            "source_id": source_id(name), "name": name, "kind": source.kind,
            "country": source.country, "aliases": aliases_of(row.get("aliases")),
        })
    for kind, names in (("outlet", outlets), ("unknown", claimants)):  # an outlet stays one
        for name in names:
            if not isinstance(name, str) or not name.strip() or index.canonical(name):
                continue
            sid = source_id(name.strip())
            rows.setdefault(sid, {"source_id": sid, "name": name.strip(), "kind": kind,
                                  "country": None, "aliases": []})
    frame = pd.DataFrame(sorted(rows.values(), key=lambda r: r["source_id"]),
                         columns=columns("sources"))
    return frame.reset_index(drop=True)
