"""A run on a real Dask cluster (a `dask scheduler` and two `dask worker` processes on 127.0.0.1,
started in a folder of their own) publishes the tables a local run publishes, and the scheduler
saw the batches."""

import os
import socket
import subprocess
import sys
import time
from importlib import import_module
from pathlib import Path

import pytest

from flows.pipeline import muster
from muster import warehouse

pytestmark = pytest.mark.slow
DASK = Path(sys.executable).with_name("dask")
workers_test = import_module("tests.flows.test_workers")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def cluster(tmp_path):
    """The scheduler's address; its processes run in another folder, without this checkout's
    path in their environment."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PREFECT_API_URL")}
    address = f"tcp://127.0.0.1:{free_port()}"
    common = dict(cwd=elsewhere, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    procs = [subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port",
                               address.rsplit(":", 1)[1], "--no-dashboard"], **common)]
    from distributed import Client

    deadline = time.monotonic() + 120
    procs += [subprocess.Popen([str(DASK), "worker", address, "--nworkers", "1", "--nthreads", "1",
                                "--no-dashboard", "--local-directory", str(elsewhere)], **common)
              for _ in range(2)]
    try:
        while True:
            try:
                with Client(address, timeout=5) as client:
                    client.wait_for_workers(2, timeout=max(1, deadline - time.monotonic()))
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(1)
        yield address
    finally:
        for proc in procs[::-1]:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def test_a_run_on_a_dask_cluster_publishes_what_a_local_run_publishes(prefect_api, cluster, tmp_path):
    from distributed import Client

    inputs = [str(workers_test.corpus(tmp_path / "in"))]
    local = muster(inputs=inputs, warehouse=str(tmp_path / "local"), batch_size=4, workers=1)
    remote = muster(inputs=inputs, warehouse=str(tmp_path / "dask"), batch_size=4,
                    dask_address=cluster)
    a = workers_test.without_run(warehouse.read_published(tmp_path / "local"))
    b = workers_test.without_run(warehouse.read_published(tmp_path / "dask"))
    for name in warehouse.PUBLISH_ORDER:
        assert a[name].equals(b[name]), name
    assert local["skipped"] == remote["skipped"]
    with Client(cluster, timeout=10) as client:  # the scheduler saw every batch
        prefixes = client.run_on_scheduler(lambda dask_scheduler: sorted(dask_scheduler.task_prefixes))
        executed = client.run(lambda dask_worker: dask_worker.state.executed_count)
    assert "extract_batch" in prefixes, prefixes  # clean and tabulate, one task a batch
    assert len(executed) == 2 and sum(executed.values()) >= 4, executed  # 4 batches
