"""Shared fixtures: a real Prefect API for the tests that run flows, a local web server."""

import gzip
import hashlib
import os
import re
import sys
import threading
import time
from collections import Counter
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")


SHARED_FIXTURE = re.compile(r"""scope\s*=\s*["'](?:module|class|package)["']""")


def pytest_xdist_make_scheduler(config, log):
    """`make test` runs on two pytest-xdist workers with `--dist loadscope`, refined: a test
    module that defines a module-scoped fixture (a flow run, a server) goes to one worker as a
    whole, so the fixture is built once; the tests of every other module go one by one to
    whichever worker is free. Session fixtures (the Prefect server, the web server) start once
    per worker. (xdist's `loadgroup` marks do not reach its scheduler under pytest 9.2.)"""
    if config.getoption("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    root = Path(str(config.rootpath))
    shared: dict[str, bool] = {}

    class Scheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            if module not in shared:
                try:
                    shared[module] = bool(SHARED_FIXTURE.search((root / module).read_text()))
                except OSError:
                    shared[module] = True
            return module if shared[module] else nodeid

    return Scheduling(config, log)


@pytest.fixture(scope="session")
def prefect_api(tmp_path_factory):
    """A Prefect server on 127.0.0.1 with a throwaway home and database, as Prefect's test
    harness gives, but the one `muster run` starts (muster.orchestrator): its database is a copy
    of one already migrated, so it answers in seconds, not after Prefect's migrations. One per
    pytest-xdist worker."""
    import prefect.context
    import prefect.settings

    from muster.orchestrator import LocalServer
    from muster.runner import _drain_prefect

    server = LocalServer(tmp_path_factory.mktemp("prefect-home"), idle=0).start()
    try:
        server.wait_ready()
        api = {prefect.settings.PREFECT_API_URL: server.api_url}
        with prefect.settings.temporary_settings(updates=api), \
                prefect.context._temporary_global_settings_context(prefect.context.get_settings_context()):
            yield server.api_url
            _drain_prefect()
    finally:
        server.stop()


@pytest.fixture
def latest_artifact(prefect_api):
    """Reads the newest artifact with a key, as the Prefect UI would show it."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
    from prefect.client.schemas.sorting import ArtifactSort

    def read(key: str):
        with get_client(sync_client=True) as client:
            found = client.read_artifacts(
                artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])),
                sort=ArtifactSort.CREATED_DESC, limit=1)
        return found[0] if found else None

    return read


WEB_FIXTURES = Path(__file__).parent / "fixtures" / "web"
FIXTURE_BASE = "http://muster.test"  # stands for the test server's address in fixture files
FEED_TYPES = {"feed.xml": "application/rss+xml", "atom.xml": "application/atom+xml",
              "laughs.xml": "application/rss+xml", "malformed.xml": "application/rss+xml",
              "mixed.xml": "application/rss+xml", "future.xml": "application/rss+xml"}
LAST_MODIFIED = "Tue, 12 Mar 2024 10:00:00 GMT"
PAGE = b"<html><body><p>Officials said 1,000 volunteers signed contracts.</p></body></html>"


class WebServer(ThreadingHTTPServer):
    """The project's fixture feeds and pages, and every kind of bad answer a fetcher must survive.

    `hits` counts requests per path; paths under /flaky/ and /changing/ keep their state per path,
    so each test picks its own name.
    """

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.base = f"http://127.0.0.1:{self.server_address[1]}"
        self.hits: Counter[str] = Counter()
        self.versions: Counter[str] = Counter()  # bump to change a /changing/ page
        self.lock = threading.Lock()
        zeros = gzip.compress(b"<html><body><p>" + b"0" * (32 * 1024 * 1024), compresslevel=9)
        self.bomb, self.double_bomb = zeros, gzip.compress(zeros, compresslevel=9)

    def url(self, path: str) -> str:
        return self.base + path

    def handle_error(self, request, client_address):
        """A client that hangs up early (timeouts, size caps) is expected here, not an error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body leave at once, as from a real server
    server: WebServer

    def log_message(self, *args):
        pass

    def do_GET(self):  # one route table, read top to bottom
        path = self.path.split("?", 1)[0]
        with self.server.lock:
            self.server.hits[path] += 1
            hits = self.server.hits[path]
        name = path.rsplit("/", 1)[-1]
        if path == "/robots.txt":
            self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif path.startswith("/articles/") and (WEB_FIXTURES / "articles" / name).is_file():
            self.send_validated((WEB_FIXTURES / "articles" / name).read_bytes(), "text/html")
        elif name in FEED_TYPES:
            self.send(200, self.fixture(name), FEED_TYPES[name])
        elif path in ("/malformed.html", "/notes.txt"):
            self.send(200, self.fixture(name), "text/html" if name.endswith(".html") else "text/plain")
        elif path == "/feed-as-html":
            self.send(200, self.fixture("feed.xml"), "text/html")
        elif path.startswith("/flaky/"):
            self.send(500 if hits == 1 else 200, PAGE, "text/html")
        elif path == "/down":
            self.send(503, b"busy", "text/plain")
        elif path.startswith("/changing/"):
            version = self.server.versions[name]
            self.send(200, PAGE.replace(b"1,000", f"{1000 + version:,}".encode()), "text/html")
        elif path.startswith("/redirect/"):
            left = int(name)
            self.redirect(f"/redirect/{left - 1}" if left > 0 else "/articles/perm-bonus.html")
        elif path == "/to-private":
            self.redirect("http://10.0.0.1/admin")
        elif path == "/to-metadata":
            self.redirect("http://169.254.169.254/latest/meta-data/")
        elif path == "/to-ftp":
            self.redirect("ftp://127.0.0.1/pub/file.txt")
        elif path == "/slow":
            time.sleep(3)
            self.send(200, PAGE, "text/html")
        elif path == "/trickle":
            self.stream(b"<p>", 200, pause=0.05)
        elif path == "/endless":
            self.stream(b"<p>recruits</p>" * 4096, 2000)
        elif path == "/big":
            self.send(200, b"<p>" + b"x" * (1024 * 1024), "text/html")
        elif path == "/bomb":
            self.send(200, self.server.bomb, "text/html", encoding="gzip")
        elif path == "/double-bomb":
            self.send(200, self.server.double_bomb, "text/html", encoding="gzip, gzip")
        elif path == "/gzipped.html":
            self.send(200, gzip.compress(self.fixture("articles/perm-bonus.html")), "text/html",
                      encoding="gzip")
        elif path == "/image.png":
            self.send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
        else:
            self.send(404, b"not found", "text/plain")

    def fixture(self, name: str) -> bytes:
        return (WEB_FIXTURES / name).read_bytes().replace(FIXTURE_BASE.encode(), self.server.base.encode())

    def send(self, status: int, body: bytes, content_type: str, encoding: str | None = None,
             headers: dict | None = None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def send_validated(self, body: bytes, content_type: str):
        """A page with an ETag and a Last-Modified date, answering 304 when they still hold."""
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag or (
                self.headers.get("If-Modified-Since") == LAST_MODIFIED
                and not self.headers.get("If-None-Match")):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send(200, body, content_type, headers={"ETag": etag, "Last-Modified": LAST_MODIFIED})

    def redirect(self, location: str):
        self.send(302, b"", "text/plain", headers={"Location": location})

    def stream(self, chunk: bytes, count: int, pause: float = 0.0):
        """A body without a length, sent a chunk at a time until the client hangs up."""
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            for _ in range(count):
                self.wfile.write(chunk)
                self.wfile.flush()
                time.sleep(pause)
        except OSError:
            pass


@pytest.fixture(scope="session")
def web_server():
    """A real HTTP server on 127.0.0.1 serving tests/fixtures/web and the hostile routes."""
    server = WebServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


# A small published warehouse for the tests that only read one (API, status, SQL, README).

INGESTED = pd.Timestamp("2024-06-01 12:30", tz="UTC")


def _claim(claim_id, value, quote, metric="recruited"):
    return {"claim_id": claim_id, "doc_id": "d1", "cluster_id": f"k-{claim_id}",
            "claimant": "Regional governor", "claimant_id": "regional-governor", "value": value,
            "quote": quote, "metric": metric, "sentence": "...", "char_start": 0,
            "char_end": len(quote), "unit": "person", "qualifier": "exact",
            "extractor_version": "v1", "attribution_cue": "said",
            "attribution_rule": "own-speaker", "attribution_score": 1.0}


def _cluster(claim):
    return {"cluster_id": claim["cluster_id"], "claimant": claim["claimant"],
            "claimant_id": claim["claimant_id"], "metric": claim["metric"], "unit": "person",
            "qualifier": "exact", "value": claim["value"], "n_claims": 1, "n_documents": 1,
            "n_outlets": 1, "n_variants": 0}


CLAIMS = [_claim("c1", 1200.0, "1,200"), _claim("c2", 427000.0, "427,000"),
          _claim("c3", 35.0, "35", metric="other")]
SMALL_WAREHOUSE = {
    "documents": [{"doc_id": "d1", "outlet": "example-news.com", "published": date(2024, 3, 1),
                   "text": "...", "raw_sha256": "ab" * 32, "n_chars": 3, "run_id": "run-1",
                   "ingested_at": INGESTED}],
    "claims": CLAIMS,
    "sources": [{"source_id": "regional-governor", "name": "Regional governor", "kind": "official"}],
    "claim_clusters": [_cluster(c) for c in CLAIMS],
    "claim_flags": [],
}


@pytest.fixture
def small_warehouse(tmp_path):
    """A warehouse folder with one document, three claims and their clusters published."""
    from muster import warehouse
    from transforms.declarations.schema import TABLES

    folder = tmp_path / "wh"
    warehouse.publish({name: pa.Table.from_pylist(rows, schema=TABLES[name]).to_pandas()
                       for name, rows in SMALL_WAREHOUSE.items()}, folder)
    return folder
