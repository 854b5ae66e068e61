"""Ctrl-C stops a run: `muster run` does the work in a child process it can always stop.

The command starts `python -m muster.runner` in a process group of its own (with the temporary
Prefect server, which the child starts), and waits. On SIGINT or SIGTERM it takes the
warehouse's publishing lock (`muster.locking.publishing`), waiting for a publish already under
way to finish so that no table is left half published, then kills the child's whole process
group, says so in one line and exits 130 (SIGINT) or 143 (SIGTERM). The warehouse lock is an
flock held by the child, so the kernel releases it with the child. A second Ctrl-C while the
command waits for a publish changes nothing: the tables are whole either way.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from muster.locking import wait_for_publishing

PUBLISH_WAIT = 60.0  # seconds a publish under way may take to finish before the run is killed
NAMES = {signal.SIGINT: "SIGINT", signal.SIGTERM: "SIGTERM"}


def _api_url() -> str | None:
    """The Prefect API this process already uses (a test harness, a profile), if any."""
    if "prefect" not in sys.modules:
        return None
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value()


def _tables(warehouse: str | Path) -> dict[str, tuple[int, int]]:
    """The published tables as they are on disk (without importing pyarrow: this process stays
    light, so that it starts at once and answers a signal at once)."""
    found = {}
    for path in Path(warehouse).glob("*.parquet"):
        try:
            stat = path.stat()
        except OSError:
            continue
        found[path.name] = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
    return found


def supervise(argv: list[str], warehouse: str | Path) -> int:
    """Run `muster.runner` with `argv` (the arguments of `muster run`) and return its exit code,
    or 128 + the signal when the run was stopped."""
    env = dict(os.environ)
    if url := _api_url():
        env.setdefault("PREFECT_API_URL", url)
    received: list[int] = []

    def note(signum, _frame):
        received.append(signum)

    previous = {sig: signal.signal(sig, note) for sig in NAMES}
    try:
        before = _tables(warehouse)
        child = subprocess.Popen([sys.executable, "-m", "muster.runner", "run", *argv], env=env,
                                 start_new_session=True)
        while True:
            try:
                code = child.wait(timeout=0.1)
                break
            except subprocess.TimeoutExpired:
                if received:
                    return _stop(child, received[0], warehouse, before)
        if received and code != 0:  # the signal arrived as the child ended on its own
            return 128 + received[0]
        return code if code >= 0 else 128 - code
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _stop(child: subprocess.Popen, signum: int, warehouse: str | Path, before: dict) -> int:
    started = time.monotonic()
    held = wait_for_publishing(warehouse, PUBLISH_WAIT)  # kept until this process ends
    with contextlib.suppress(ProcessLookupError):
        os.killpg(child.pid, signal.SIGKILL)
    child.wait()
    if held is not None:
        os.close(held)
    published = "nothing of this run was published" if _tables(warehouse) == before else \
        "the run had published its tables before it was stopped"
    waited = time.monotonic() - started
    print(f"muster: stopped by {NAMES.get(signum, signum)} after {waited:.1f} s; {published}",
          file=sys.stderr, flush=True)
    return 128 + signum
