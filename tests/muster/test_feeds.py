"""Feeds: RSS and Atom items with absolute links; declarations and broken feeds are refused."""

from pathlib import Path

import pytest

from muster.feeds import FeedError, looks_like_feed, parse_feed

WEB = Path(__file__).parents[1] / "fixtures" / "web"
BASE = "http://news.example.org"


def fixture(name: str) -> bytes:
    return (WEB / name).read_bytes().replace(b"http://muster.test", BASE.encode())


def test_an_rss_feed_lists_its_items_with_titles_and_dates():
    feed = parse_feed(fixture("feed.xml"), f"{BASE}/feed.xml")
    assert feed.title == "Kama Ledger: Defence"
    assert [(i.url, i.title, i.published) for i in feed.items] == [
        (f"{BASE}/articles/perm-bonus.html", "Perm region doubles its sign-up bonus for contract soldiers",
         "2024-03-12T09:30:00Z"),
        (f"{BASE}/articles/tatarstan-battalions.html", "Tatarstan forms two more volunteer battalions",
         "2024-03-18T14:05:00Z"),
    ]


def test_an_atom_feed_resolves_relative_links_against_the_feed_url():
    feed = parse_feed(fixture("atom.xml"), f"{BASE}/feeds/atom.xml")
    assert [i.url for i in feed.items] == [f"{BASE}/articles/buryatia-debts.html",
                                           f"{BASE}/articles/moscow-recruiters.html"]
    assert [i.published for i in feed.items] == ["2024-04-01T07:00:00Z", "2024-04-02T08:00:00Z"]


def test_entity_expansion_is_refused_before_the_feed_is_parsed():
    with pytest.raises(FeedError, match="refused: the feed declares a DTD or entities"):
        parse_feed(fixture("laughs.xml"), f"{BASE}/laughs.xml")


@pytest.mark.parametrize("body", [
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss>&x;</rss>',
    b'<?xml version="1.0"?><rss><channel><title>broken & <!DOCTYPE x [<!ENTITY a "b">]>',
])
def test_declarations_are_refused_even_in_broken_xml(body):
    with pytest.raises(FeedError, match="refused"):
        parse_feed(body, f"{BASE}/x.xml")


def test_a_feed_too_broken_to_yield_an_item_is_named_malformed():
    with pytest.raises(FeedError, match="malformed feed"):
        parse_feed(fixture("malformed.xml"), f"{BASE}/malformed.xml")


def test_items_without_a_link_are_counted():
    body = (b"<rss version='2.0'><channel><title>t</title><item><title>no link</title></item>"
            b"<item><link>/a</link></item></channel></rss>")
    feed = parse_feed(body, f"{BASE}/f.xml")
    assert [i.url for i in feed.items] == [f"{BASE}/a"]
    assert feed.unlinked == 1


def test_feeds_are_told_from_pages_by_their_root_element():
    assert looks_like_feed(fixture("feed.xml")) and looks_like_feed(fixture("atom.xml"))
    assert not looks_like_feed((WEB / "articles" / "perm-bonus.html").read_bytes())
