"""`python -m muster.ui [--port N]`: a local Prefect server with its UI, Muster's deployments and a worker.

Everything listens on 127.0.0.1 only. The steps are separate functions so that the deployment
test can bring up exactly what `make ui` brings up, on a port and Prefect home of its own.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path

from muster import paths

HOST = "127.0.0.1"
POOL = "muster-local"
DEFAULT_PORT = 4200


class UIError(RuntimeError):
    """The server, the deployments or the worker could not be brought up; the message says why."""


def api_url(port: int) -> str:
    return f"http://{HOST}:{port}/api"


def ui_url(port: int) -> str:
    return f"http://{HOST}:{port}"


def port_in_use(port: int) -> bool:
    """Whether something already listens on the port (a second server there would fail late).

    SO_REUSEADDR as the server sets it: connections of a server just stopped do not count.
    """
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
        except OSError:
            return True
    return False


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def prefect_env(port: int, base: Mapping[str, str] | None = None, **extra: str) -> dict[str, str]:
    """The environment of every Prefect process: this server's API, and no analytics calls."""
    env = dict(os.environ if base is None else base)
    env.update(PREFECT_API_URL=api_url(port), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               DO_NOT_TRACK="1", GX_ANALYTICS_ENABLED="false", **extra)
    return env


def prefect_command(*args: str) -> list[str]:
    """The `prefect` command of this interpreter's environment, whatever PATH says."""
    return [sys.executable, "-m", "prefect", *args]


def log_tail(log: Path | None, lines: int = 40) -> str:
    if log is None or not log.exists():
        return ""
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def _spawn(command: list[str], env: Mapping[str, str], log: Path | None) -> subprocess.Popen:
    """A child in a session of its own, so that stopping it stops everything it started."""
    out = open(log, "ab") if log is not None else None  # noqa: SIM115 - the child owns it
    try:
        return subprocess.Popen(command, cwd=paths.ROOT, env=dict(env), stdin=subprocess.DEVNULL,
                                stdout=out, stderr=subprocess.STDOUT if out else None,
                                start_new_session=True)
    finally:
        if out is not None:
            out.close()


def start_server(port: int, env: Mapping[str, str], log: Path) -> subprocess.Popen:
    """`prefect server start` on 127.0.0.1:port, its output to `log`."""
    if port_in_use(port):
        raise UIError(f"port {port} on {HOST} is already in use: choose another with --port "
                      f"(make ui UI_PORT=N), or stop what listens there")
    return _spawn(prefect_command("server", "start", "--host", HOST, "--port", str(port)), env, log)


def healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url(port)}/health", timeout=2) as answer:
            return answer.status == 200
    except (urllib.error.URLError, OSError):
        return False


def wait_healthy(port: int, server: subprocess.Popen, log: Path, timeout: float = 120) -> None:
    """Return once the API answers; fail early if the server exits, with its log's last lines."""
    deadline = time.monotonic() + timeout
    while not healthy(port):
        if server.poll() is not None:
            raise UIError(f"the Prefect server exited (code {server.returncode}) before answering "
                          f"on {api_url(port)}; its log ({log}) ends:\n{log_tail(log)}")
        if time.monotonic() > deadline:
            raise UIError(f"the Prefect server did not answer on {api_url(port)} within "
                          f"{timeout:.0f} s; its log ({log}) ends:\n{log_tail(log)}")
        time.sleep(0.5)


def create_pool(port: int) -> bool:
    """Create the process work pool unless it exists (a pool someone tuned is left as it is).

    One flow run at a time: every deployment publishes to the same warehouse, and a run merges
    with what is published before it writes. Returns whether the pool was created.
    """
    from prefect.client.orchestration import SyncPrefectClient
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.exceptions import ObjectAlreadyExists, ObjectNotFound
    from prefect.workers.process import ProcessWorker

    with SyncPrefectClient(api_url(port)) as client:
        try:
            client.read_work_pool(POOL)
            return False
        except ObjectNotFound:
            pass
        try:
            client.create_work_pool(WorkPoolCreate(
                name=POOL, type="process", concurrency_limit=1,
                base_job_template=ProcessWorker.get_default_base_job_template()))
        except ObjectAlreadyExists:
            return False
    return True


def deploy_all(env: Mapping[str, str], timeout: float = 300) -> str:
    """`prefect --no-prompt deploy --all` from the repository's top; its output, or UIError.

    The pull step's `{{ $PWD }}` is resolved here, so PWD is set to the repository's top: the
    worker then runs flows there whatever folder it was started in.
    """
    try:
        done = subprocess.run(prefect_command("--no-prompt", "deploy", "--all"), cwd=paths.ROOT,
                              env={**env, "PWD": str(paths.ROOT)}, stdin=subprocess.DEVNULL,
                              capture_output=True,
                              text=True, timeout=timeout)
    except subprocess.TimeoutExpired as err:
        raise UIError(f"`prefect deploy --all` did not finish within {timeout:.0f} s") from err
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-40:])
        raise UIError(f"`prefect deploy --all` failed (code {done.returncode}):\n{tail}")
    return done.stdout


def start_worker(env: Mapping[str, str], log: Path | None = None, run_once: bool = False
                 ) -> subprocess.Popen:
    """A process worker on the pool, in the repository's top (the pull step runs flows there)."""
    command = prefect_command("worker", "start", "--pool", POOL, "--type", "process", "--limit", "1")
    return _spawn(command + (["--run-once"] if run_once else []), env, log)


def stop(process: subprocess.Popen | None, timeout: float = 15) -> None:
    """SIGTERM to the process, which stops what it started; SIGKILL to what is left of its session.

    Only the leader gets SIGTERM: a Prefect worker that, with its flow runs, gets it from a
    signal to the whole session hangs in its shutdown until killed.
    """
    if process is None:
        return
    with contextlib.suppress(ProcessLookupError):
        process.terminate()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=timeout)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def banner(port: int, server_log: Path) -> str:
    """What the user needs once everything is up: where to look and how to send runs here."""
    return "\n".join([
        f"Prefect UI:   {ui_url(port)}",
        f"Deployments:  muster/demo, muster/feeds (hourly), muster/daily (daily), muster/backfill "
        f"on work pool {POOL}",
        f"Server log:   {server_log}",
        "In another shell, at the repository's top, to send runs here:",
        f"  export PREFECT_API_URL={api_url(port)}",
        "  .venv/bin/muster run data/demo/articles",
        "  .venv/bin/prefect deployment run muster/demo",
        "The worker's log follows. Ctrl-C stops the worker and the server.",
    ])


class _Stopped(Exception):
    """SIGTERM arrived: leave the wait and stop the children."""


def _raise_stopped(signum, frame):
    raise _Stopped


def serve(port: int, logs: Path) -> None:
    """Bring everything up, wait until Ctrl-C, SIGTERM or a child dies; always stop the children."""
    env = prefect_env(port)
    server = worker = None
    signal.signal(signal.SIGTERM, _raise_stopped)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started in the background
    try:
        server_log = logs / "server.log"
        started = time.monotonic()
        server = start_server(port, env, server_log)
        print(f"starting the Prefect server on {ui_url(port)} ...", flush=True)
        wait_healthy(port, server, server_log)
        print(f"server up in {time.monotonic() - started:.0f} s; work pool {POOL} "
              f"{'created' if create_pool(port) else 'exists'}; deploying ...", flush=True)
        started = time.monotonic()
        deploy_all(env)
        print(f"deployed prefect.yaml in {time.monotonic() - started:.0f} s", flush=True)
        worker = start_worker(env)
        print(banner(port, server_log), flush=True)
        while server.poll() is None and worker.poll() is None:
            time.sleep(1)
        which, code = ("server", server.returncode) if server.poll() is not None \
            else ("worker", worker.returncode)
        raise UIError(f"the {which} stopped (code {code}); server log {server_log} ends:\n"
                      f"{log_tail(server_log)}")
    except (KeyboardInterrupt, _Stopped):
        print("\nstopping the worker and the server ...", flush=True)
    finally:
        stop(worker)
        stop(server)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m muster.ui", description=__doc__.splitlines()[0])
    top.add_argument("--port", type=int, default=DEFAULT_PORT,
                     help="port of the server and UI on 127.0.0.1 (default: %(default)s)")
    top.add_argument("--logs", type=Path, default=None,
                     help="folder for the server's log (default: a new temporary folder)")
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not 0 < args.port < 65536:
        print(f"muster ui: --port must be between 1 and 65535, not {args.port}", file=sys.stderr)
        return 2
    logs = args.logs or Path(tempfile.mkdtemp(prefix="muster-ui-"))
    logs.mkdir(parents=True, exist_ok=True)
    try:
        serve(args.port, logs)
    except UIError as err:
        print(f"muster ui: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
