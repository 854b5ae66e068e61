"""Web inputs: feeds followed to their pages, pages by URL, URL lists; nothing fetched twice."""

import sys
import types

import pytest

from muster import readers, records, web
from muster.fetch import Limits
from muster.fetchstate import Fetched, load_state, save_state

FAST = Limits(timeout=2.0, deadline=10.0, tries=3, backoff=0.01, delay=0.0)
PAGES = ("/articles/perm-bonus.html", "/articles/tatarstan-battalions.html")


def session(known=None, allow=("127.0.0.1",)):
    s = web.session(allow_hosts=allow, limits=FAST)
    s.known = dict(known or {})
    return s


def read(inputs, s):
    with s:
        frame, skipped = readers.read_inputs(inputs, s)
    return frame, [str(p) for p in skipped]


def test_a_feed_yields_one_record_per_item_page_keyed_by_its_url(web_server):
    frame, skipped = read([web_server.url("/feed.xml")], s := session())
    assert skipped == []
    assert frame["key"].tolist() == [f"url:{web_server.url(p)}" for p in PAGES]
    first = frame.iloc[0]
    assert first["title"] == "Perm region doubles its sign-up bonus for contract soldiers"
    assert first["published"] == "2024-03-12T09:30:00Z"
    assert first["is_html"] and "400,000 roubles" in first["content"]
    assert first["source"] == first["url"] == web_server.url(PAGES[0])
    assert {f.url for f in s.fetched} == {web_server.url(p) for p in ("/feed.xml", *PAGES)}


def test_an_atom_feed_is_followed_too(web_server):
    frame, skipped = read([web_server.url("/atom.xml")], session())
    assert skipped == []
    assert frame["url"].tolist() == [web_server.url("/articles/buryatia-debts.html"),
                                     web_server.url("/articles/moscow-recruiters.html")]


def test_a_second_run_requests_no_page_it_has_seen(web_server, tmp_path):
    feed = web_server.url("/feed.xml")
    _, _ = read([feed], first := session())
    save_state(tmp_path, first.fetched)
    before = {p: web_server.hits[p] for p in PAGES}
    frame, skipped = read([feed], again := session(load_state(tmp_path)))
    assert frame.empty and skipped == []
    assert again.not_modified == 1  # the feed itself: same content as last time
    assert {p: web_server.hits[p] for p in PAGES} == before


def test_items_seen_before_are_not_requested_from_a_changed_feed(web_server):
    known = {url: Fetched(url, None, None, "0" * 64, 200, "2024-03-12T10:00:00+00:00")
             for url in (web_server.url(p) for p in PAGES)}
    before = {p: web_server.hits[p] for p in PAGES}
    frame, _ = read([web_server.url("/feed.xml")], s := session(known))
    assert frame.empty and s.not_modified == 2
    assert {p: web_server.hits[p] for p in PAGES} == before


def test_a_page_given_again_is_asked_for_conditionally_and_counts_as_not_modified(web_server):
    url = web_server.url("/articles/buryatia-debts.html")
    frame, _ = read([url], first := session())
    assert len(frame) == 1
    (fetched,) = first.fetched
    frame, skipped = read([url], again := session({url: fetched}))
    assert frame.empty and skipped == [] and again.not_modified == 1
    (confirmed,) = again.fetched
    assert (confirmed.status, confirmed.sha256, confirmed.etag) == (304, fetched.sha256, fetched.etag)


def test_a_page_whose_content_changed_is_read_again(web_server):
    url = web_server.url("/changing/web-test")
    _, _ = read([url], first := session())
    web_server.versions["web-test"] += 1
    frame, _ = read([url], again := session({url: first.fetched[0]}))
    assert "1,001 volunteers" in frame.iloc[0]["content"] and again.not_modified == 0


def test_every_bad_item_is_named_and_the_feed_is_not_recorded(web_server):
    frame, skipped = read([web_server.url("/mixed.xml")], s := session())
    assert frame["url"].tolist() == [web_server.url("/articles/perm-bonus.html")]
    assert skipped == [
        f"{web_server.url('/down')}: HTTP 503 after 3 tries",
        f"{web_server.url('/private/secret.html')}: disallowed by {web_server.base}/robots.txt",
        f"{web_server.url('/image.png')}: content type image/png is not one of "
        "application/xhtml+xml, text/html, text/plain",
        "http://169.254.169.254/latest/: refused: 169.254.169.254 is a link-local address "
        "(use --allow-host to allow it)",
    ]
    assert [f.url for f in s.fetched] == [web_server.url("/articles/perm-bonus.html")]


@pytest.mark.parametrize(("path", "reason"), [
    ("/laughs.xml", "refused: the feed declares a DTD or entities"),
    ("/malformed.xml", "malformed feed"),
    ("/down", "HTTP 503 after 3 tries"),
    ("/to-private", "refused: 10.0.0.1 is a private address (use --allow-host to allow it)"),
])
def test_a_bad_url_input_becomes_a_skip_naming_it(web_server, path, reason):
    frame, skipped = read([web_server.url(path)], session())
    assert frame.empty
    assert len(skipped) == 1 and skipped[0].startswith(f"{web_server.url(path)}: {reason}")


def test_loopback_needs_an_explicit_allow(web_server):
    url = web_server.url("/articles/perm-bonus.html")
    _, skipped = read([url], session(allow=()))
    assert skipped == [f"{url}: refused: 127.0.0.1 is a loopback address (use --allow-host to allow it)"]


def test_pages_are_read_whatever_their_shape(web_server):
    urls = [web_server.url(p) for p in ("/malformed.html", "/notes.txt", "/feed-as-html")]
    frame, skipped = read(urls, session())
    assert skipped == []
    by_source = frame.set_index("source")
    assert by_source.loc[urls[0], "is_html"] and "640 volunteers" in by_source.loc[urls[0], "content"]
    assert not by_source.loc[urls[1], "is_html"]
    assert len(frame) == 4  # the feed served as text/html is still read as a feed


@pytest.mark.parametrize(("text", "urls"), [
    ("# wire pages\nhttps://a.example/1\n\n  http://b.example/2  \n", ["https://a.example/1",
                                                                      "http://b.example/2"]),
    ("https://a.example/1\nOfficials said 1,000 volunteers signed up.\n", None),
    ("# feeds to follow\n# https://a.example/feed.xml\n", []),  # configured, not filled in yet
    ("# A headline\nOfficials said 1,000 volunteers signed up.\n", None),
])
def test_a_text_file_is_a_url_list_only_when_every_line_is_a_url(text, urls):
    assert web.listed_urls(text) == urls


def test_inputs_are_dispatched_to_files_urls_and_url_lists(web_server, tmp_path):
    listed = tmp_path / "page-urls.txt"
    listed.write_text(f"# two pages\n{web_server.url('/articles/buryatia-debts.html')}\n"
                      f"{web_server.url('/articles/moscow-recruiters.html')}\n")
    article = tmp_path / "article.txt"
    article.write_text(f"See {web_server.url('/x')}\nOfficials said 1,000 volunteers signed up.\n")
    frame, skipped = read([str(listed), str(article), web_server.url("/notes.txt")], session())
    assert skipped == []
    assert frame["key"].tolist() == [
        f"url:{web_server.url('/articles/buryatia-debts.html')}",
        f"url:{web_server.url('/articles/moscow-recruiters.html')}",
        "file:article.txt", f"url:{web_server.url('/notes.txt')}"]


def test_warc_files_go_to_the_warc_reader(tmp_path, monkeypatch):
    (tmp_path / "crawl.warc.gz").write_bytes(b"")
    calls = []

    def warc_records(path, skipped):
        calls.append(path)
        yield records.raw_record(key="url:https://a.example/1", source=f"{path}#1", content="x",
                              is_html=False, raw=b"x")

    monkeypatch.setitem(sys.modules, "muster.warc", types.SimpleNamespace(warc_records=warc_records))
    frame, skipped = readers.read_inputs([tmp_path])
    assert calls == [tmp_path / "crawl.warc.gz"] and skipped == []
    assert frame["key"].tolist() == ["url:https://a.example/1"]


def test_without_a_warc_reader_a_warc_file_is_skipped_with_a_message(tmp_path, monkeypatch):
    (tmp_path / "crawl.warc").write_bytes(b"")
    monkeypatch.setitem(sys.modules, "muster.warc", None)
    _, skipped = readers.read_inputs([tmp_path / "crawl.warc"])
    assert [str(s) for s in skipped] == [
        f"{tmp_path / 'crawl.warc'}: WARC files cannot be read by this installation"]
