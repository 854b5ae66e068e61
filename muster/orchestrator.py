"""The local Prefect server of runs without PREFECT_API_URL: kept warm per warehouse, or
started at once, beside the run.

Prefect's own temporary server starts only when the flow is first called, after every library
is imported, and waits 20 s for it. This one is started before the run imports anything heavy,
so the server's start-up and the run's imports share the machine's cores; its database lives in
the warehouse's Prefect home (`muster.runner`), so runs on two warehouses never share one and
its migrations run once per warehouse, not once per run. It is the same server Prefect would
start (uvicorn, `prefect.server.api.server:create_app`, no UI, ephemeral services), on a free
port of 127.0.0.1; it writes its log to `<prefect home>/server.log`, not to the terminal. It
gets one retry on a new port if it exits during start-up, and 90 s to answer.

Kept warm: the server outlives the run that started it (in a session of its own, so stopping a
run does not stop it) and the next run on the warehouse reuses it (`<prefect home>/server.json`
names it), which saves its start-up; it stops itself after MUSTER_SERVER_IDLE seconds (default
300) without a run. With MUSTER_SERVER_IDLE=0 each run starts its own and stops it at the end.
Only one run at a time uses a warehouse (the warehouse lock), so only one server uses its
database.

Started fast: a new warehouse's database is a copy of one already migrated, kept per Prefect
version in Muster's cache folder (MUSTER_CACHE, else `$XDG_CACHE_HOME/muster` or
`~/.cache/muster`), so only a machine's first server runs Prefect's ~100 migrations; a database
stamped with the running Prefect version (`prefect.db.version`) is not migrated again on a
restart; and the server registers no block types (Muster's runs use none).
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import importlib.util
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

START_TIMEOUT = 90.0
DATABASE = "prefect.db"  # Prefect's default database in its home
STAMP = "prefect.db.version"  # the Prefect version the database was migrated for
SERVER_ENV = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1",
              "PREFECT_API_BLOCKS_REGISTER_ON_START": "false",
              "PREFECT_MEMOIZE_BLOCK_AUTO_REGISTRATION": "false"}


class ServerFailed(RuntimeError):
    """The local Prefect server did not start."""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _prefect_dir() -> str:
    spec = importlib.util.find_spec("prefect")
    if spec is None or not spec.submodule_search_locations:
        raise ServerFailed("prefect is not installed")
    return str(Path(next(iter(spec.submodule_search_locations))).parent)


IDLE_DEFAULT = 300.0


def idle_limit(environ=os.environ) -> float:
    try:
        return max(0.0, float(environ.get("MUSTER_SERVER_IDLE", IDLE_DEFAULT)))
    except ValueError:
        return IDLE_DEFAULT


def _healthy(port: int, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=timeout) as reply:
            return reply.status == 200
    except OSError:
        return False


def _ours(pid: int) -> bool:
    """Whether `pid` is a warm server this module started (not a reused pid)."""
    try:
        return b"muster.orchestrator" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


class LocalServer:
    def __init__(self, home: str | Path, idle: float | None = None):
        self.home = Path(home)
        self.log = self.home / "server.log"
        self.record = self.home / "server.json"
        self.used = self.home / "server.used"
        self.idle = idle_limit() if idle is None else idle
        self.process: subprocess.Popen | None = None
        self.port = 0
        self.tries = 0
        self.reused = False

    def attach_or_start(self) -> LocalServer:
        """Reuse this warehouse's warm server when it answers, else start one."""
        self.home.mkdir(parents=True, exist_ok=True)
        self.used.touch()
        if self.idle > 0:
            try:
                known = json.loads(self.record.read_text())
            except (OSError, ValueError):
                known = None
            if known and _ours(known.get("pid", 0)):
                if _healthy(known["port"]):
                    self.port, self.reused = known["port"], True
                    return self
                os.kill(known["pid"], signal.SIGTERM)  # a warm server that stopped answering
        return self.start()

    def keep_alive(self) -> None:
        """While a run goes on, tell a warm server every so often that it is in use."""
        import threading

        if self.idle <= 0:
            return

        def beat() -> None:
            while True:
                time.sleep(max(0.5, self.idle / 3))
                with contextlib.suppress(OSError):
                    self.used.touch()

        threading.Thread(target=beat, name="muster-server-heartbeat", daemon=True).start()

    def release(self) -> None:
        """At the end of a run: keep a warm server (it stops itself when idle), else stop it."""
        if self.idle > 0 and self.port and (self.reused or self.process is not None):
            self.used.touch()
            self.process = None  # not ours to stop: it outlives this run
            return
        self.stop()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def start(self) -> LocalServer:
        self.tries += 1
        self.port = _free_port()
        env = {**os.environ, **SERVER_ENV, "PREFECT_HOME": str(self.home)}
        env.pop("PREFECT_API_URL", None)
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "muster.orchestrator", "serve", str(self.port), str(self.used),
                 str(self.idle)],
                env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log, cwd=_prefect_dir(),
                start_new_session=self.idle > 0)
        if self.idle > 0:
            self.record.write_text(json.dumps({"pid": self.process.pid, "port": self.port}))
        return self

    def wait_ready(self, timeout: float = START_TIMEOUT) -> None:
        """Return once the server answers /health; one retry on a new port if it exited."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.reused:
                return
            if self.process is not None and self.process.poll() is not None:
                if self.tries >= 2:
                    break
                self.start()
                continue
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as reply:
                    if reply.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.1)
        code = self.process.poll() if self.process is not None else None
        self.stop()
        ended = f"it exited with code {code}" if code is not None else f"no answer in {timeout:g} s"
        raise ServerFailed(f"the local Prefect server did not start ({ended}); its log is {self.log}")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=3)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


def cache_dir(environ=os.environ) -> Path:
    if environ.get("MUSTER_CACHE"):
        return Path(environ["MUSTER_CACHE"])
    return Path(environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "muster"


def _copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite database (its write-ahead log included), put in place at
    once, so that a reader never sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    with contextlib.closing(sqlite3.connect(source)) as src, \
            contextlib.closing(sqlite3.connect(partial)) as dst:
        src.backup(dst)
    os.replace(partial, target)


def _default_database(home: Path, environ=os.environ) -> bool:
    """Whether the server uses Prefect's default SQLite file in its home (not a database named
    by the environment or by a profile of a home the user chose)."""
    named = any(key.endswith("DATABASE_CONNECTION_URL") and value for key, value in environ.items())
    return not named and not (home / "profiles.toml").exists()


def prepare_database(home: Path, environ=os.environ) -> bool:
    """Put the home's database in place before the server starts; return whether Prefect still
    has to migrate it (a machine's first database, or one from another Prefect version)."""
    version = importlib.metadata.version("prefect")
    database, stamp = home / DATABASE, home / STAMP
    if database.exists():
        try:
            return stamp.read_text() != version
        except OSError:
            return True
    template = cache_dir(environ) / f"prefect-{version}.db"
    if not template.is_file():
        return True
    for leftover in (home / f"{DATABASE}-wal", home / f"{DATABASE}-shm"):
        leftover.unlink(missing_ok=True)
    try:
        shutil.copyfile(template, home / f".{DATABASE}.tmp")
        os.replace(home / f".{DATABASE}.tmp", database)
    except OSError:
        return True
    stamp.write_text(version)
    return False


def migrate(home: Path, environ=os.environ) -> None:
    """Prefect's migrations on the home's database, then a copy of it into the cache for the
    next new warehouse (best effort: a cache that cannot be written only costs time)."""
    import asyncio

    from prefect.server.database import provide_database_interface

    asyncio.run(provide_database_interface().create_db())
    version = importlib.metadata.version("prefect")
    (home / STAMP).write_text(version)
    with contextlib.suppress(OSError, sqlite3.Error):
        _copy_database(home / DATABASE, cache_dir(environ) / f"prefect-{version}.db")


def serve(port: int, used: Path, idle: float) -> None:
    """The server process: Prefect's API app under uvicorn, until it has been idle `idle` s
    (the runs touch `used`), or until it is told to stop."""
    import threading

    home = Path(os.environ["PREFECT_HOME"])
    if _default_database(home):
        needed = prepare_database(home)
        os.environ["PREFECT_API_DATABASE_MIGRATE_ON_START"] = "false"  # before Prefect reads it
        if needed:
            migrate(home)

    import uvicorn

    config = uvicorn.Config("prefect.server.api.server:create_app", factory=True, host="127.0.0.1",
                            port=port, log_level="error", lifespan="on")
    server = uvicorn.Server(config)

    def watch() -> None:
        while not server.started and not server.should_exit:  # start-up is not idleness
            time.sleep(0.2)
        ready = time.time()
        while not server.should_exit:
            time.sleep(min(5.0, idle / 2))
            try:
                last = max(used.stat().st_mtime, ready)
            except OSError:
                last = ready
            if time.time() - last > idle:
                server.should_exit = True

    if idle > 0:
        threading.Thread(target=watch, daemon=True).start()
    server.run()
    if not server.started:
        sys.exit(3)  # the port was taken: the caller retries on another


def build_cache() -> Path:
    """Migrate a database once into the cache (`make install` does), so that even the first
    run on a new machine copies one instead of waiting for Prefect's migrations."""
    import tempfile

    template = cache_dir() / f"prefect-{importlib.metadata.version('prefect')}.db"
    if template.is_file():
        return template
    with tempfile.TemporaryDirectory(prefix="muster-prefect-") as home:
        os.environ["PREFECT_HOME"] = home  # before Prefect is imported
        os.environ.pop("PREFECT_API_DATABASE_CONNECTION_URL", None)
        os.environ.pop("PREFECT_SERVER_DATABASE_CONNECTION_URL", None)
        migrate(Path(home))
    return template


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "serve":
        serve(int(sys.argv[2]), Path(sys.argv[3]), float(sys.argv[4]))
    elif sys.argv[1:] == ["cache"]:
        print(f"muster: Prefect's database, migrated once: {build_cache()}")
