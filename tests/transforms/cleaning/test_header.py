"""A plain-text article's header: headline, byline author and date, outlet."""

from datetime import date

import pytest

from transforms.cleaning.header import byline_author, first_date, header, is_dateline

PAGE = """NORTHERN LEDGER
Honest news from the north
Home > World > Russia
Sign in | Subscribe for 3 euros a week

Recruiters in the north now offer 400,000 roubles to sign up
Regional budgets pay for the bonuses, officials say

By Tom Arlow | March 14, 2024 | 4 min read

A regional governor said 2,000 men had signed contracts since January, and that the bonus would rise."""


@pytest.mark.parametrize(("line", "day"), [
    ("By Tom Arlow | March 14, 2024 | 4 min read", date(2024, 3, 14)),
    ("Published 14 March 2024", date(2024, 3, 14)),
    ("March 14, 2024 9:23 AM", date(2024, 3, 14)),
    ("Sept. 4, 2023 5:42 p.m. ET", date(2023, 9, 4)),
    ("*By Ana Ruiz, Madrid | 2 February 2025 | 3 min read*", date(2025, 2, 2)),
    ("Updated 2024-05-01 08:15 GMT", date(2024, 5, 1)),
])
def test_datelines_give_their_date(line, day):
    assert is_dateline(line) and first_date(line) == day


def test_a_headline_holding_a_date_is_no_dateline():
    assert not is_dateline("Russia recruited 30,000 men since January 1, 2024")


@pytest.mark.parametrize(("line", "author"), [
    ("By Tom Arlow | March 14, 2024 | 4 min read", "Tom Arlow"),
    ("Text: Mia Berg", "Mia Berg"),
    ("By Ana Ruiz, Madrid", "Ana Ruiz"),
    ("May 2, 2024 | Olga Kim | 2 min read", "Olga Kim"),
    ("By Tom Arlow and Mia Berg", "Tom Arlow; Mia Berg"),
])
def test_bylines_give_their_authors(line, author):
    assert byline_author(line) == author


def test_the_header_gives_the_headline_not_the_masthead_tagline_or_breadcrumb():
    found = header(PAGE)
    assert found.title == "Recruiters in the north now offer 400,000 roubles to sign up"
    assert (found.author, found.published) == ("Tom Arlow", date(2024, 3, 14))
    assert found.outlet == "Northern Ledger"  # the masthead, in words, not capitals


def test_a_markdown_heading_is_the_headline():
    text = "[Home](https://x.example/) > [World](https://x.example/w/)\n\n# Twelve recruits returned\n\n" \
           "*By Ana Ruiz | 2 February 2025*\n\nBody."
    assert header(text).title == "Twelve recruits returned"
    assert header(text).outlet is None


def test_a_source_line_names_the_outlet_or_the_address():
    named = header("Source: Harbour Herald\nRecruits paid more\nMay 2, 2024\n\nBody.")
    assert (named.outlet, named.source_line) == ("Harbour Herald", "Source: Harbour Herald")
    linked = header("Source: https://www.harbour.example/a/1\nRecruits paid more\nMay 2, 2024\n")
    assert linked.url == "https://www.harbour.example/a/1" and linked.outlet is None


def test_a_source_line_below_the_headline_is_left_to_attribution():
    assert header("Recruits paid more\nMay 2, 2024\n\nBody.\nSource: the regional ministry").outlet \
        is None
