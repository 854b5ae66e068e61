"""Where the batches of clean and tabulate run: threads of this process, a pool of processes on
this machine (`--workers N`, default: every core), or an existing Dask cluster
(`--dask-address tcp://HOST:PORT`).

Cleaning and tabulating are pure Python, held by the GIL in threads; in processes they use every
core. The pool is Prefect 3.8.8's own `ProcessPoolTaskRunner` (spawned processes, each task a
Prefect task run of this flow run, its log and events forwarded to the parent); a cluster is
reached through prefect-dask's `DaskTaskRunner`. Batches travel as pyarrow Tables, whose pickle
is their Arrow buffers, not a pickled DataFrame; the registry and the budget are small.

One batch, or one worker, runs in this process's threads, as before: a pool costs a few seconds
to start (each process imports the stack), which only pays for itself over several batches.
"""

from __future__ import annotations

import inspect
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from contextvars import ContextVar
from dataclasses import dataclass

WORKERS_ENV = "MUSTER_WORKERS"
DASK_ENV = "MUSTER_DASK_ADDRESS"
_SESSION: ContextVar = ContextVar("muster_engine_session", default=None)


def cores() -> int:
    """The cores this process may use (its CPU affinity, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Engine:
    workers: int = 1
    dask_address: str | None = None

    @classmethod
    def resolve(cls, workers: int | None = None, dask_address: str | None = None,
                environ=os.environ) -> Engine:
        """The flow's parameters, else MUSTER_WORKERS and MUSTER_DASK_ADDRESS, else every core."""
        address = dask_address or environ.get(DASK_ENV) or None
        if workers is None:
            value = environ.get(WORKERS_ENV, "")
            workers = int(value) if value.strip().isdigit() and int(value) > 0 else cores()
        return cls(max(1, int(workers)), address)

    def distributes(self, batches: int) -> bool:
        """Whether `batches` batches go to other processes (a cluster always does)."""
        return self.dask_address is not None or (self.workers > 1 and batches > 1)

    def runner(self):
        if self.dask_address is not None:
            from prefect_dask import DaskTaskRunner

            return DaskTaskRunner(address=self.dask_address)
        from prefect.task_runners import ProcessPoolTaskRunner

        return ProcessPoolTaskRunner(max_workers=self.workers)

    @contextmanager
    def session(self) -> Iterator[None]:
        """One pool for every stage inside the block (clean, then tabulate), started when a stage
        first needs it: starting a pool costs each process an import of the stack."""
        held: dict = {}
        token = _SESSION.set((self, held))
        try:
            yield
        finally:
            _SESSION.reset(token)
            if "runner" in held:
                held["runner"].__exit__(None, None, None)
            if held.get("api"):
                os.environ.pop("PREFECT_API_URL", None)

    def _started_runner(self):
        found = _SESSION.get()
        if found is not None and found[0] == self:
            held = found[1]
            if "runner" not in held:
                held["api"] = _share_temporary_server()
                held["runner"] = self.runner().__enter__()
            return nullcontext(held["runner"])
        return self.runner()

    def describe(self) -> str:
        if self.dask_address is not None:
            return f"the Dask cluster at {self.dask_address}"
        return f"{self.workers} worker process{'es' if self.workers != 1 else ''}"


def _share_temporary_server() -> bool:
    """Point the worker processes about to be spawned at the temporary Prefect server this
    process runs on (a flow run without PREFECT_API_URL: `python -m flows.pipeline`, a test):
    without it each worker starts a server of its own. True when PREFECT_API_URL was set here."""
    if os.environ.get("PREFECT_API_URL"):
        return False
    try:
        from prefect.server.api.server import SubprocessASGIServer
    except ImportError:
        return False
    running = [s for s in SubprocessASGIServer._instances.values() if getattr(s, "running", False)]
    if not running:
        return False
    os.environ["PREFECT_API_URL"] = running[0].api_url
    return True


def run_batches(task, batches: Sequence, engine: Engine | None, shared: dict,
                on_done: Callable[[int], None] = lambda n: None) -> list:
    """`task(batch, **shared)` for every batch, in order of the batches; `on_done(rows)` is
    called here, in the flow's process, as each batch finishes (the progress display)."""
    from prefect.futures import as_completed
    from prefect.utilities.annotations import unmapped

    if not batches:
        return []
    first = next(iter(inspect.signature(task.fn).parameters))  # the batch's parameter
    engine = engine or Engine()
    if not engine.distributes(len(batches)):
        futures = task.map(batches, **{k: unmapped(v) for k, v in shared.items()})
        return _collect(futures, batches, on_done, as_completed)
    with engine._started_runner() as runner:
        futures = [runner.submit(task, {first: batch, **shared}) for batch in batches]
        return _collect(futures, batches, on_done, as_completed)


def _collect(futures: list, batches: Sequence, on_done, as_completed) -> list:
    rows = {id(f): b.num_rows for f, b in zip(futures, batches, strict=True)}
    for future in as_completed(futures):
        on_done(rows[id(future)])
    return [future.result() for future in futures]
