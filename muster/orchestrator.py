"""The local Prefect server of a run without PREFECT_API_URL: started at once, beside the run.

Prefect's own temporary server starts only when the flow is first called, after every library
is imported, and waits 20 s for it. This one is started before the run imports anything heavy,
so the server's start-up and the run's imports share the machine's cores; its database lives in
the warehouse's Prefect home (`muster.runner`), so runs on two warehouses never share one and
its migrations run once per warehouse, not once per run. It is the same server Prefect would
start (uvicorn, `prefect.server.api.server:create_app`, no UI, ephemeral services), on a free
port of 127.0.0.1; it writes its log to `<prefect home>/server.log`, not to the terminal. It
gets one retry on a new port if it exits during start-up, and 90 s to answer.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

START_TIMEOUT = 90.0


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


class LocalServer:
    def __init__(self, home: str | Path):
        self.log = Path(home) / "server.log"
        self.process: subprocess.Popen | None = None
        self.port = 0
        self.tries = 0

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def start(self) -> LocalServer:
        self.tries += 1
        self.port = _free_port()
        env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
               "PREFECT__SERVER_FINAL": "1"}
        env.pop("PREFECT_API_URL", None)
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "uvicorn", "--app-dir", _prefect_dir(), "--factory",
                 "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port",
                 str(self.port), "--log-level", "error", "--lifespan", "on"],
                env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        return self

    def wait_ready(self, timeout: float = START_TIMEOUT) -> None:
        """Return once the server answers /health; one retry on a new port if it exited."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
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
