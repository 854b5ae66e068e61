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


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse."""


@contextmanager
def warehouse_lock(warehouse: str | Path) -> Iterator[Path]:
    """Hold the warehouse for the duration of the block, or raise WarehouseBusy at once."""
    folder = Path(warehouse)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_FILE
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
        try:
            yield path
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
