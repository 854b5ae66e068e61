"""What earlier runs fetched from the web, so the next run fetches only what is new or changed.

One small SQLite file in the warehouse, `<warehouse>/_state/fetch.sqlite`: a row per URL with the
validators the server gave (ETag, Last-Modified), the SHA-256 of the body and when it was fetched.
The pipeline writes it only after the tables were published, so a run that failed validation
leaves it as it was and the next run fetches those pages again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import astuple, dataclass
from pathlib import Path

STATE_DIR = "_state"
STATE_FILE = "fetch.sqlite"
_COLUMNS = ("url", "etag", "last_modified", "sha256", "status", "fetched_at")
_CREATE = """CREATE TABLE IF NOT EXISTS fetched (
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, sha256 TEXT, status INTEGER NOT NULL,
    fetched_at TEXT NOT NULL)"""


class StateError(RuntimeError):
    """The state store cannot be read or written; the message names the file."""


@dataclass(frozen=True)
class Fetched:
    """One URL as last fetched (status 200, or 304 when the server said it had not changed)."""

    url: str
    etag: str | None
    last_modified: str | None
    sha256: str | None
    status: int
    fetched_at: str  # ISO 8601, UTC


def state_path(warehouse: str | Path) -> Path:
    return Path(warehouse) / STATE_DIR / STATE_FILE


def load_state(warehouse: str | Path) -> dict[str, Fetched]:
    """Every URL fetched before, by URL; empty when no run has fetched anything yet."""
    path = state_path(warehouse)
    if not path.exists():
        return {}
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)) as db:
            rows = db.execute(f"SELECT {', '.join(_COLUMNS)} FROM fetched").fetchall()
    except sqlite3.Error as err:
        raise StateError(f"fetch state {path} is unreadable ({err}); "
                         "remove it to fetch every page again") from err
    return {row[0]: Fetched(*row) for row in rows}


def save_state(warehouse: str | Path, fetched: Iterable[Fetched]) -> int:
    """Record the fetches (newest wins per URL) in one transaction; returns how many rows."""
    rows = [astuple(f) for f in fetched]
    if not rows:
        return 0
    path = state_path(warehouse)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(path, timeout=10)) as db, db:
            db.execute(_CREATE)
            db.executemany(f"INSERT OR REPLACE INTO fetched ({', '.join(_COLUMNS)}) "
                           f"VALUES ({', '.join('?' * len(_COLUMNS))})", rows)
    except (sqlite3.Error, OSError) as err:
        raise StateError(f"cannot record fetches in {path} ({err})") from err
    return len(rows)
