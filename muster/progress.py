"""Progress of a run, as the command shows it: a live display on a terminal, one line per stage
on a pipe, nothing at all unless the command turned it on (flows called from Python, tests).

Tasks call `advance(stage, n)` from Prefect's worker threads; `stage_done` closes a stage. The
display is rich's (a dependency of Prefect, pinned in constraints.txt).
"""

from __future__ import annotations

import sys
import threading
import time

STAGES = ("read", "cleaned", "tabulated")
_lock = threading.Lock()
_state: dict = {"mode": None}


def start(mode: str | None, stream=None) -> None:
    """`mode`: "live" (a terminal), "lines" (a pipe) or None (silent)."""
    stream = stream or sys.stderr
    with _lock:
        _state.clear()
        _state.update(mode=mode, stream=stream, counts=dict.fromkeys(STAGES, 0), total=None,
                      started=time.monotonic(), done=set())
        if mode == "live":
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TaskProgressColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            live = Progress(TextColumn("{task.description:>10}"), BarColumn(), MofNCompleteColumn(),
                            TaskProgressColumn(), TextColumn("{task.fields[rate]}"),
                            TimeElapsedColumn(), TimeRemainingColumn(),
                            console=Console(file=stream), transient=True, refresh_per_second=4)
            _state["live"] = live
            _state["tasks"] = {s: live.add_task(s, total=None, rate="") for s in STAGES}
            live.start()


def stop() -> None:
    with _lock:
        live = _state.pop("live", None)
        _state["mode"] = None
    if live is not None:
        live.stop()


def total(n: int) -> None:
    """How many documents the later stages will see (known once the inputs are read)."""
    with _lock:
        _state["total"] = n
        live = _state.get("live")
        if live is not None:
            for stage in ("cleaned", "tabulated"):
                live.update(_state["tasks"][stage], total=n)


def advance(stage: str, n: int) -> None:
    with _lock:
        if not _state.get("mode"):
            return
        _state["counts"][stage] += n
        live = _state.get("live")
        if live is not None:
            elapsed = max(time.monotonic() - _state["started"], 1e-6)
            live.update(_state["tasks"][stage], advance=n,
                        rate=f"{_state['counts'][stage] / elapsed:,.0f} docs/s")
            if stage == "read":
                live.update(_state["tasks"][stage], total=_state["counts"][stage])


def stage_done(stage: str, detail: str = "") -> None:
    """A stage has finished: on a pipe, one line saying so."""
    with _lock:
        if _state.get("mode") != "lines" or stage in _state["done"]:
            return
        _state["done"].add(stage)
        elapsed = time.monotonic() - _state["started"]
        count = _state["counts"].get(stage, 0)
        print(f"{stage}: {count:,} documents{f', {detail}' if detail else ''} ({elapsed:.1f} s)",
              file=_state["stream"], flush=True)
