"""One run at a time per warehouse: a second run on the same folder is refused, not interleaved.

The lock is an flock on `<warehouse>/.muster.lock`, held for the whole run; the operating system
releases it when the process ends, however it ends, so a crashed run never leaves it stuck.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

LOCK_FILE = ".muster.lock"
_HELD: dict[str, int] = {}  # lock files this process holds, and how many times


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse."""


@contextmanager
def warehouse_lock(warehouse: str | Path) -> Iterator[Path]:
    """Hold the warehouse for the duration of the block, or raise WarehouseBusy at once.

    Re-entrant within a process: the command takes the lock before Prefect starts (so its
    per-warehouse Prefect home is never shared), and the flow takes it again.
    """
    folder = Path(warehouse)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_FILE
    held = str(path.resolve())
    if _HELD.get(held):
        _HELD[held] += 1
        try:
            yield path
        finally:
            _HELD[held] -= 1
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode(errors="replace").strip()
            raise WarehouseBusy(f"another muster run is using the warehouse {folder.resolve()}"
                                f"{f' ({holder})' if holder else ''}; "
                                "try again when it has finished") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} since {datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC".encode(), 0)
        _HELD[held] = 1
        try:
            yield path
        finally:
            _HELD.pop(held, None)
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


PUBLISH_LOCK = ".muster.publish.lock"


@contextmanager
def publishing(warehouse: str | Path) -> Iterator[None]:
    """Held while a run writes its tables: whoever stops a run (`muster.supervisor`) takes it
    first, so a run is stopped before it publishes or after, never half way."""
    folder = Path(warehouse)
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / PUBLISH_LOCK, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def wait_for_publishing(warehouse: str | Path, timeout: float) -> int | None:
    """Take the publishing lock (waiting up to `timeout` s for a publish to finish) and return
    its descriptor, which keeps it until the process ends; None if it was not free in time."""
    import time

    path = Path(warehouse) / PUBLISH_LOCK
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError:
        return None
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(fd)
                return None
            time.sleep(0.05)
