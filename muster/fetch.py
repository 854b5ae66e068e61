"""A careful HTTP client for pages and feeds: every request bounded in time, size and reach.

The fetcher refuses what a pipeline fed with URLs from the open web should never do: schemes other
than http(s), addresses on the machine's own networks (unless the user allows a host), bodies that
grow without bound (counted after decompression, layer by layer, so a gzip bomb stops early),
endless redirects and slow trickles. It retries what is worth retrying (5xx, 429, connection
errors and timeouts) with exponential backoff, waits a politeness delay between requests to a
host, honours robots.txt and answers conditional requests (ETag, Last-Modified) with 304.
Every refusal is a `FetchError` whose message says what went wrong, in words for a log line.
"""

from __future__ import annotations

import hashlib
import ipaddress
import socket
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

USER_AGENT = "Muster/0.1"
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/xml", "text/xml"})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429}) | frozenset(range(500, 600))
ROBOTS_MAX_BYTES = 512 * 1024
_PIECE = 64 * 1024  # most bytes one decompression step may produce
_GZIP_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


class FetchError(Exception):
    """A URL that could not or would not be fetched; the message says why."""


class Refused(FetchError):
    """A URL the safety rules forbid (scheme, address): never worth a retry or a robots.txt."""


@dataclass(frozen=True)
class Limits:
    """What one fetch may cost. The defaults suit news sites; tests shrink them."""

    timeout: float = 10.0  # seconds per connect / read / write
    deadline: float = 45.0  # seconds for the whole fetch: connecting, headers, body, retries, redirects
    tries: int = 3
    backoff: float = 1.0  # seconds before the second try; doubles for each further one
    max_bytes: int = 5 * 1024 * 1024  # of decoded body
    max_redirects: int = 5
    delay: float = 1.0  # politeness: seconds between two requests to the same host


@dataclass(frozen=True)
class Page:
    """A fetched URL: status 200 with its body, or 304 (not modified) without one."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    content_type: str  # media type, lower case, without parameters
    charset: str | None
    body: bytes
    etag: str | None
    last_modified: str | None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


@dataclass
class _Reply:
    status: int
    headers: httpx.Headers
    body: bytes = b""


def address_problem(address: str, host: str, allowed: Iterable[str]) -> str | None:
    """Why connecting to `address` (for `host`) is refused, or None when it is fine."""
    if host.lower() in allowed or address in allowed:
        return None
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    kind = ("multicast" if ip.is_multicast else "loopback" if ip.is_loopback
            else "link-local" if ip.is_link_local else None if ip.is_global else "private")
    return None if kind is None else f"{address} is a {kind} address (use --allow-host to allow it)"


def _addresses(host: str, port: int) -> list[str]:
    """Every address the host name resolves to (what a connection might use)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({info[4][0] for info in infos})


def content_encodings(header: str | None) -> list[str]:
    """The codings applied to a body, in the order they were applied."""
    return [c.strip().lower() for c in (header or "").split(",") if c.strip() and c.strip() != "identity"]


def _inflate(chunks: Iterator[bytes], coding: str) -> Iterator[bytes]:
    """One coding undone, at most _PIECE bytes at a time whatever the compression ratio."""
    if coding not in _GZIP_WBITS:
        raise FetchError(f"unsupported content encoding {coding!r}")
    wbits = _GZIP_WBITS[coding]
    inflater = zlib.decompressobj(wbits)
    try:
        for chunk in chunks:
            data = chunk
            while data:
                if inflater.eof:  # a second gzip member follows the first
                    data, inflater = inflater.unused_data + data, zlib.decompressobj(wbits)
                out = inflater.decompress(data, _PIECE)
                data = inflater.unconsumed_tail
                if out:
                    yield out
        yield inflater.flush()
    except zlib.error as err:
        raise FetchError(f"corrupt {coding} data ({err})") from err


def decoded(chunks: Iterator[bytes], codings: list[str]) -> Iterator[bytes]:
    """The body with every content coding undone, lazily (gzip inside gzip included)."""
    for coding in reversed(codings):
        chunks = _inflate(chunks, coding)
    return chunks


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:g} MiB" if n >= 1024 * 1024 else f"{n / 1024:g} KiB"


def _media_type(header: str | None) -> tuple[str, str | None]:
    """('text/html', 'utf-8') from 'text/html; charset=UTF-8'."""
    media, *params = (header or "").split(";")
    charset = next((p.split("=", 1)[1].strip().strip("\"'") for p in params
                    if p.strip().lower().startswith("charset=")), None)
    return media.strip().lower(), charset


def _transport_problem(err: httpx.TransportError) -> str:
    if isinstance(err, httpx.TimeoutException):
        return "timed out"
    if isinstance(err, httpx.ConnectError):
        return f"cannot connect ({err})"
    return f"connection failed ({type(err).__name__}: {err})"


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write waits no longer than the fetch has left, so
    the deadline covers connecting, the response headers and the body alike (a server that
    trickles its headers a byte a second is cut off too)."""

    def __init__(self, inner: httpcore.NetworkStream, deadline):
        self._inner, self._deadline = inner, deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _clamp(timeout, self._deadline(), httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _clamp(timeout, self._deadline(), httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname,
                                      _clamp(timeout, self._deadline(), httpcore.ConnectTimeout))
        return _DeadlineStream(inner, self._deadline)

    def get_extra_info(self, info: str):
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, deadline):
        self._inner, self._deadline = httpcore.SyncBackend(), deadline

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        stream = self._inner.connect_tcp(host, port, _clamp(timeout, self._deadline(),
                                                            httpcore.ConnectTimeout),
                                         local_address, socket_options)
        return _DeadlineStream(stream, self._deadline)

    def connect_unix_socket(self, path, timeout=None, socket_options=None):  # pragma: no cover
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _clamp(timeout: float | None, deadline: float | None, error: type[Exception]) -> float | None:
    """The time one socket operation may take: its own timeout, or what the fetch has left."""
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise error("the fetch's deadline has passed")
    return left if timeout is None else min(timeout, left)


@dataclass
class Fetcher:
    """Fetches URLs one at a time under `limits`; allowed hosts skip the private-address check."""

    allow_hosts: Iterable[str] = ()
    limits: Limits = field(default_factory=Limits)
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    _last: dict[str, float] = field(default_factory=dict, init=False, repr=False)
    _robots: dict[str, RobotFileParser | str] = field(default_factory=dict, init=False, repr=False)
    _deadline: float | None = field(default=None, init=False, repr=False)  # of the fetch under way

    def __post_init__(self) -> None:
        self.allow_hosts = frozenset(h.strip().lower() for h in self.allow_hosts)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:  # no proxies from the environment: the peer must be the server
            transport = httpx.HTTPTransport(trust_env=False)
            transport._pool._network_backend = _DeadlineBackend(lambda: self._deadline)
            self._client = httpx.Client(transport=transport, follow_redirects=False, trust_env=False,
                                        headers={"User-Agent": USER_AGENT,
                                                 "Accept-Encoding": "gzip, deflate"})
        return self._client

    def fetch(self, url: str, accept: frozenset[str] = PAGE_TYPES, etag: str | None = None,
              last_modified: str | None = None) -> Page:
        """The page at `url`, or 304 when the ETag / Last-Modified given still hold."""
        deadline = time.monotonic() + self.limits.deadline
        headers = {"Accept": ", ".join(sorted(accept)) + ", */*;q=0.1"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        reply, final = self._follow(url, headers, accept, deadline, self.limits.max_bytes, robots=True)
        if reply.status not in (200, 304):
            raise FetchError(f"HTTP {reply.status}")
        media, charset = _media_type(reply.headers.get("content-type"))
        return Page(url=url, final_url=final, status=reply.status, content_type=media,
                    charset=charset, body=reply.body, etag=reply.headers.get("etag"),
                    last_modified=reply.headers.get("last-modified"))

    def _follow(self, url: str, headers: dict, accept: frozenset[str] | None, deadline: float,
                max_bytes: int, robots: bool) -> tuple[_Reply, str]:
        """The reply at the end of the redirects, each hop checked, and the URL it came from."""
        for _hop in range(self.limits.max_redirects + 1):
            if robots:
                self._check_target(url)  # a refused address is named as such, not as robots trouble
                self._check_robots(url, deadline)
            reply = self._with_retries(url, headers, accept, deadline, max_bytes)
            location = reply.headers.get("location")
            if reply.status not in REDIRECTS or not location:
                return reply, url
            url = urljoin(url, location)
        raise FetchError(f"more than {self.limits.max_redirects} redirects")

    def _with_retries(self, url: str, headers: dict, accept, deadline: float, max_bytes: int) -> _Reply:
        problem = ""
        for attempt in range(1, self.limits.tries + 1):
            try:
                reply = self._request(url, headers, accept, deadline, max_bytes)
            except httpx.TransportError as err:
                if time.monotonic() >= deadline - 0.01:
                    raise FetchError(f"took longer than {self.limits.deadline:g} s") from err
                problem = _transport_problem(err)
            else:
                if reply.status not in RETRY_STATUSES:
                    return reply
                problem = f"HTTP {reply.status}"
            pause = self.limits.backoff * 2 ** (attempt - 1)
            if attempt == self.limits.tries or time.monotonic() + pause >= deadline:
                break
            time.sleep(pause)
        tries = f"{attempt} {'try' if attempt == 1 else 'tries'}"
        raise FetchError(f"{problem} after {tries}")

    def _request(self, url: str, headers: dict, accept, deadline: float, max_bytes: int) -> _Reply:
        """One GET: target checked before, peer checked after connecting, body read bounded."""
        host, port = self._check_target(url)
        self._wait_turn(f"{host}:{port}")
        left = deadline - time.monotonic()
        if left <= 0:
            raise FetchError(f"gave up after {self.limits.deadline:g} s")
        self._deadline = deadline
        with self.client.stream("GET", url, headers=headers,
                                timeout=httpx.Timeout(min(self.limits.timeout, left))) as response:
            self._check_peer(response, host)
            if response.status_code != 200:
                return _Reply(response.status_code, response.headers)
            media, _ = _media_type(response.headers.get("content-type"))
            if accept is not None and media not in accept:
                raise FetchError(f"content type {media or '(none)'} is not one of "
                                 f"{', '.join(sorted(accept))}")
            return _Reply(200, response.headers, self._body(response, deadline, max_bytes))

    def _body(self, response: httpx.Response, deadline: float, max_bytes: int) -> bytes:
        codings = content_encodings(response.headers.get("content-encoding"))
        declared = response.headers.get("content-length", "")
        if not codings and declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(f"larger than {_size(max_bytes)} ({int(declared)} bytes declared)")
        parts, size = [], 0
        for piece in decoded(response.iter_raw(), codings):
            size += len(piece)
            if size > max_bytes:
                raise FetchError(f"larger than {_size(max_bytes)} once decoded")
            if time.monotonic() > deadline:
                raise FetchError(f"took longer than {self.limits.deadline:g} s")
            parts.append(piece)
        return b"".join(parts)

    def _check_target(self, url: str) -> tuple[str, int]:
        """The URL's host and port, after refusing its scheme or any address it resolves to."""
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https"):
            raise Refused(f"refused: scheme {parts.scheme or '(none)'!r} (only http and https)")
        try:
            host, port = parts.hostname, parts.port or (443 if parts.scheme.lower() == "https" else 80)
        except ValueError as err:
            raise FetchError(f"invalid URL ({err})") from err
        if not host:
            raise FetchError("invalid URL (no host)")
        try:
            addresses = _addresses(host, port)
        except (OSError, UnicodeError) as err:
            raise FetchError(f"cannot resolve host {host}") from err
        for address in addresses:
            if problem := address_problem(address, host, self.allow_hosts):
                raise Refused(f"refused: {problem}")
        return host, port

    def _check_peer(self, response: httpx.Response, host: str) -> None:
        """The address actually connected to passes the same check (DNS may have changed)."""
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if not peer:
            raise Refused("refused: cannot tell which address was connected to")
        if problem := address_problem(peer[0], host, self.allow_hosts):
            raise Refused(f"refused: connected to {problem}")

    def _wait_turn(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None and (wait := last + self.limits.delay - time.monotonic()) > 0:
            time.sleep(wait)
        self._last[host] = time.monotonic()

    def _check_robots(self, url: str, deadline: float) -> None:
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin, deadline)
        rules = self._robots[origin]
        if isinstance(rules, str):
            raise FetchError(rules)
        if not rules.can_fetch(USER_AGENT, url):
            raise FetchError(f"disallowed by {origin}/robots.txt")

    def _read_robots(self, origin: str, deadline: float) -> RobotFileParser | str:
        """The host's robots rules (RFC 9309: missing means allowed, unreachable means not)."""
        rules = RobotFileParser(f"{origin}/robots.txt")
        try:
            reply, _ = self._follow(f"{origin}/robots.txt", {}, None, deadline, ROBOTS_MAX_BYTES,
                                    robots=False)
        except Refused:
            raise
        except FetchError as err:
            return f"robots.txt unreachable: {err}"
        if reply.status == 200:
            rules.parse(reply.body.decode("utf-8", errors="replace").splitlines())
        else:
            rules.allow_all = True
        return rules
