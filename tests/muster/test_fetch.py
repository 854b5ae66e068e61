"""The fetcher against a real server on 127.0.0.1: what it fetches, and what it refuses."""

import gzip

import pytest

from muster import fetch
from muster.fetch import FEED_TYPES, Fetcher, FetchError, Limits, address_problem, decoded

FAST = Limits(timeout=2.0, deadline=10.0, tries=3, backoff=0.01, delay=0.0)
LOCAL = ["127.0.0.1"]


@pytest.fixture
def fetcher():
    with Fetcher(allow_hosts=LOCAL, limits=FAST) as f:
        yield f


def refusal(fetcher, url, **kwargs) -> str:
    with pytest.raises(FetchError) as err:
        fetcher.fetch(url, **kwargs)
    return str(err.value)


@pytest.mark.parametrize(("address", "kind"), [
    ("10.0.0.5", "private"), ("192.168.1.1", "private"), ("127.0.0.1", "loopback"),
    ("169.254.169.254", "link-local"), ("224.0.0.1", "multicast"), ("::1", "loopback"),
    ("::ffff:10.0.0.1", "private"), ("fe80::1", "link-local"), ("100.64.0.1", "private"),
])
def test_addresses_off_the_public_internet_are_refused_with_their_kind(address, kind):
    assert address_problem(address, "example.org", []) == (
        f"{address} is a {kind} address (use --allow-host to allow it)")


def test_public_addresses_and_allowed_hosts_pass():
    assert address_problem("93.184.216.34", "example.org", []) is None
    assert address_problem("10.0.0.5", "intranet", ["intranet"]) is None
    assert address_problem("127.0.0.1", "localhost", ["127.0.0.1"]) is None


def test_a_page_comes_with_its_validators_and_a_conditional_request_gets_304(web_server, fetcher):
    url = web_server.url("/articles/perm-bonus.html")
    page = fetcher.fetch(url)
    assert (page.status, page.content_type, page.final_url) == (200, "text/html", url)
    assert b"400,000 roubles" in page.body
    assert page.etag and page.last_modified
    again = fetcher.fetch(url, etag=page.etag)
    assert (again.status, again.body) == (304, b"")
    assert fetcher.fetch(url, last_modified=page.last_modified).status == 304


def test_a_gzipped_page_is_decoded(web_server, fetcher):
    assert b"400,000 roubles" in fetcher.fetch(web_server.url("/gzipped.html")).body


def test_loopback_is_refused_unless_allowed(web_server):
    with Fetcher(limits=FAST) as strict:
        assert refusal(strict, web_server.url("/articles/perm-bonus.html")) == (
            "refused: 127.0.0.1 is a loopback address (use --allow-host to allow it)")


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/file.txt", "file:///etc/passwd", "gopher://x/"])
def test_schemes_other_than_http_are_refused(fetcher, url):
    assert refusal(fetcher, url).startswith("refused: scheme")


def test_redirects_are_followed_to_the_final_page(web_server, fetcher):
    page = fetcher.fetch(web_server.url("/redirect/3"))
    assert page.final_url == web_server.url("/articles/perm-bonus.html")
    assert page.url == web_server.url("/redirect/3")


def test_too_many_redirects_are_refused(web_server, fetcher):
    assert refusal(fetcher, web_server.url("/redirect/9")) == "more than 5 redirects"


@pytest.mark.parametrize(("path", "message"), [
    ("/to-private", "refused: 10.0.0.1 is a private address"),
    ("/to-metadata", "refused: 169.254.169.254 is a link-local address"),
    ("/to-ftp", "refused: scheme 'ftp'"),
])
def test_a_redirect_off_the_allowed_host_is_refused(web_server, fetcher, path, message):
    assert refusal(fetcher, web_server.url(path)).startswith(message)


def test_the_connected_address_is_checked_after_name_resolution(web_server, fetcher, monkeypatch):
    """As if DNS answered a public address to the check and the loopback one to the connection."""
    monkeypatch.setattr(fetch, "_addresses", lambda host, port: ["93.184.216.34"])
    with Fetcher(limits=FAST) as strict:
        assert refusal(strict, web_server.url("/articles/perm-bonus.html")) == (
            "refused: connected to 127.0.0.1 is a loopback address (use --allow-host to allow it)")


def test_a_server_error_is_retried_until_it_recovers(web_server, fetcher):
    url = web_server.url("/flaky/fetch-test")
    assert fetcher.fetch(url).status == 200
    assert web_server.hits["/flaky/fetch-test"] == 2


def test_a_server_that_stays_down_is_given_up_after_the_tries(web_server, fetcher):
    before = web_server.hits["/down"]
    assert refusal(fetcher, web_server.url("/down")) == "HTTP 503 after 3 tries"
    assert web_server.hits["/down"] - before == 3


def test_a_missing_page_is_not_retried(web_server, fetcher):
    assert refusal(fetcher, web_server.url("/nowhere")) == "HTTP 404"
    assert web_server.hits["/nowhere"] == 1


def test_a_slow_server_times_out(web_server):
    with Fetcher(allow_hosts=LOCAL, limits=Limits(timeout=0.3, tries=1, delay=0)) as f:
        assert refusal(f, web_server.url("/slow")) == "timed out after 1 try"


def test_a_trickling_body_is_cut_at_the_deadline(web_server):
    with Fetcher(allow_hosts=LOCAL, limits=Limits(timeout=2, deadline=0.5, delay=0)) as f:
        assert refusal(f, web_server.url("/trickle")) == "took longer than 0.5 s"


@pytest.mark.parametrize(("path", "message"), [
    ("/big", "larger than 256 KiB (1048579 bytes declared)"),
    ("/endless", "larger than 256 KiB once decoded"),
    ("/bomb", "larger than 256 KiB once decoded"),
    ("/double-bomb", "larger than 256 KiB once decoded"),
])
def test_oversized_bodies_stop_at_the_cap(web_server, path, message):
    with Fetcher(allow_hosts=LOCAL, limits=Limits(max_bytes=256 * 1024, delay=0)) as f:
        assert refusal(f, web_server.url(path)) == message


def test_decoding_never_yields_more_than_a_piece_at_a_time():
    """Gzip inside gzip: each layer is undone in bounded pieces, not all at once."""
    layered = gzip.compress(gzip.compress(b"0" * (8 * 1024 * 1024)))
    pieces = decoded(iter([layered]), ["gzip", "gzip"])
    assert max(len(next(pieces)) for _ in range(20)) <= 64 * 1024


def test_unknown_and_corrupt_encodings_are_named():
    with pytest.raises(FetchError, match="unsupported content encoding 'br'"):
        list(decoded(iter([b"x"]), ["br"]))
    with pytest.raises(FetchError, match="corrupt gzip data"):
        list(decoded(iter([b"not gzip at all"]), ["gzip"]))


def test_robots_txt_is_honoured(web_server, fetcher):
    assert refusal(fetcher, web_server.url("/private/secret.html")) == (
        f"disallowed by {web_server.base}/robots.txt")
    assert web_server.hits["/private/secret.html"] == 0


def test_a_content_type_outside_the_accepted_ones_is_refused(web_server, fetcher):
    assert refusal(fetcher, web_server.url("/image.png")) == (
        "content type image/png is not one of application/xhtml+xml, text/html, text/plain")
    assert refusal(fetcher, web_server.url("/articles/perm-bonus.html"), accept=FEED_TYPES).startswith(
        "content type text/html is not one of")


@pytest.fixture
def trickling_headers():
    """A server that sends its status line and headers one byte at a time, 0.1 s apart (each
    read gets a byte well within the per-read timeout)."""
    import socket
    import threading
    import time

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    stop = threading.Event()

    def serve():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            with conn:
                conn.recv(65536)
                for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + b"X-Slow: y\r\n" * 500:
                    if stop.is_set():
                        break
                    try:
                        conn.sendall(bytes([byte]))
                    except OSError:
                        break
                    time.sleep(0.1)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/page"
    stop.set()
    thread.join(timeout=5)
    server.close()


def test_trickling_headers_are_cut_at_the_deadline(trickling_headers):
    import time

    limits = Limits(timeout=1, deadline=1.5, tries=3, backoff=0.01, delay=0)
    with Fetcher(allow_hosts=LOCAL, limits=limits) as f:
        f._robots["http://" + trickling_headers.split("/")[2]] = _allow_all()
        started = time.monotonic()
        assert refusal(f, trickling_headers) == "took longer than 1.5 s"
        assert time.monotonic() - started < 2.5


def _allow_all():
    from urllib.robotparser import RobotFileParser

    rules = RobotFileParser()
    rules.allow_all = True
    return rules
