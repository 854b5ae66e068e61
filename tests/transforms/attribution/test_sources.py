"""The source registry: canonical names, aliases found in text, and the sources table."""

import pandas as pd
import pytest

from transforms.attribution.sources import (
    canonical_source,
    is_person,
    source_id,
    sources_table,
)
from transforms.declarations.schema import columns
from transforms.declarations.vocab import SOURCE_KINDS


def test_registry_rows_are_well_formed(registry):
    assert list(registry.columns) == ["name", "kind", "country", "aliases"]
    assert registry["name"].is_unique
    assert set(registry["kind"]) <= set(SOURCE_KINDS)


def test_no_alias_names_two_sources(registry):
    owners = {}
    for name, aliases in zip(registry["name"], registry["aliases"], strict=True):
        for alias in [name, *aliases]:
            key = alias.lower().removeprefix("the ")
            assert owners.setdefault(key, name) == name, f"{alias!r}: {owners[key]} and {name}"


@pytest.mark.parametrize(
    "alias, name",
    [
        ("British intelligence", "UK Ministry of Defence"),
        ("U.K. Defense Ministry", "UK Ministry of Defence"),
        ("London's analysts", "UK Ministry of Defence"),
        ("London’s analysts", "UK Ministry of Defence"),
        ("Defence Intelligence", "UK Ministry of Defence"),
        ("Defence Intelligence of Ukraine", "Ukrainian Main Intelligence Directorate (GUR)"),
        ("Russia's Defense Ministry", "Russian Ministry of Defence"),
        ("the Tass news agency", "TASS"),
        ("RFE/RL", "Radio Free Europe/Radio Liberty"),
        ("Vazhnye Istorii", "Important Stories"),
        ("Shoigu", "Sergei Shoigu"),
        ("Sergey Shoigu", "Sergei Shoigu"),
        ("ISW", "Institute for the Study of War"),
        ("meduza.io", "Meduza"),
    ],
)
def test_aliases_resolve_to_one_canonical_name(index, alias, name):
    assert canonical_source(alias, index) == name


def test_unregistered_names_come_back_tidied(index):
    assert canonical_source("  the regional governor ", index) == "regional governor"
    assert canonical_source("Anna Petrova,", index) == "Anna Petrova"


@pytest.mark.parametrize(
    "text, found",
    [
        ("the Russian Defence Ministry said", ["Russian Ministry of Defence"]),
        ("according to the U.K. Defense Ministry", ["UK Ministry of Defence"]),
        ("RIA reported", ["RIA Novosti"]),
        ("the ria festival", []),  # short aliases count only in capitals
        ("Defence Intelligence of Ukraine said",
         ["Ukrainian Main Intelligence Directorate (GUR)"]),
        ("Putin and Medvedev", ["Vladimir Putin", "Dmitry Medvedev"]),
        ("Mediazona and BBC Russian counted", ["Mediazona", "BBC Russian Service"]),
    ],
)
def test_mentions_take_the_longest_alias(index, text, found):
    assert [m.name for m in index.mentions(text)] == found


def test_mentions_give_offsets_in_the_text(index):
    text = "Data from British  intelligence."
    (m,) = index.mentions(text)
    assert text[m.start:m.end] == "British  intelligence"


@pytest.mark.parametrize(
    "name, slug",
    [
        ("UK Ministry of Defence", "uk-ministry-of-defence"),
        ("Radio Free Europe/Radio Liberty", "radio-free-europe-radio-liberty"),
        ("Russian Federal Security Service (FSB)", "russian-federal-security-service-fsb"),
        ("Andriy Sybiha", "andriy-sybiha"),
        ("meduza.io", "meduza-io"),
    ],
)
def test_source_id_is_a_stable_slug(name, slug):
    assert source_id(name) == slug


@pytest.mark.parametrize(
    "name, person",
    [("Olga Romanova", True), ("Important Stories", False), ("US officials", False),
     ("The Moscow Times", False), ("The Economist", False), ("Putin", False),
     ("meduza.io", False)],
)
def test_is_person_tells_people_from_bodies(name, person):
    assert is_person(name) is person


def test_sources_table_adds_unknown_claimants_and_outlets(registry):
    table = sources_table(registry, ["Anna Petrova", "UK Ministry of Defence", None],
                          ["example.com", "meduza.io"])
    assert list(table.columns) == columns("sources")
    assert len(table) == len(registry) + 2
    rows = table.set_index("name")
    assert rows.loc["Anna Petrova", "kind"] == "unknown"
    assert rows.loc["example.com", "kind"] == "outlet"
    assert rows.loc["example.com", "aliases"] == []
    assert "meduza.io" not in rows.index  # an alias of Meduza, already registered
    assert "British intelligence" in rows.loc["UK Ministry of Defence", "aliases"]
    assert table["source_id"].is_unique
    assert list(table["source_id"]) == sorted(table["source_id"])


def test_sources_table_is_deterministic(registry):
    a = sources_table(registry, ["B person", "A person"], ["z.com", "a.com"])
    b = sources_table(registry.iloc[::-1], ["A person", "B person"], ["a.com", "z.com"])
    pd.testing.assert_frame_equal(a, b)
