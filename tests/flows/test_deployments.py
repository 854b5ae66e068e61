"""prefect.yaml against a real Prefect server: the deployments, their schedules and the runs the
scheduler creates from them, and a backfill run that a worker picks up and completes, publishing
tables.

The server runs on a free port of 127.0.0.1 with a Prefect home of its own (a temporary folder), so
neither ~/.prefect nor data/warehouse is used. Once the scheduler has created the upcoming runs of
`feeds` and `daily`, those two deployments are paused (which deletes their scheduled runs), so that
the test's worker never fetches the feeds.
"""

from __future__ import annotations

import shutil
import time
from itertools import pairwise

import pyarrow.parquet as pq
import pytest

from muster import paths, ui

ARTICLES = ["2023-09-04-medvedev-280000.txt", "2023-09-03-uk-intel-migrants.txt",
            "2024-10-23-north-korea-troops.html"]
RUN_TIMEOUT = 300
SCHEDULER_TIMEOUT = 90
HOUR = 3600.0


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A deployed server: port, env, logs folder and the upcoming runs the scheduler made.

    Every process it starts is stopped after the module's tests, whatever happened.
    """
    root = tmp_path_factory.mktemp("prefect-server")
    port = ui.free_port()
    env = ui.prefect_env(port, PREFECT_HOME=str(root / "home"), PREFECT_UI_ENABLED="false")
    process = ui.start_server(port, env, root / "server.log")
    try:
        ui.wait_healthy(port, process, root / "server.log")
        assert ui.create_pool(port), "a fresh server already had the work pool"
        ui.deploy_all(env)
        upcoming = upcoming_runs_then_pause(port, ("feeds", "daily"), SCHEDULER_TIMEOUT)
        yield {"port": port, "env": env, "logs": root, "upcoming": upcoming}
    finally:
        ui.stop(process)


def upcoming_runs_then_pause(port: int, names: tuple[str, ...], timeout: float) -> dict[str, list]:
    """The runs the scheduler creates for each deployment (once it made some for all, or at the
    timeout); then the deployments are paused, which deletes those runs."""
    from prefect.client.orchestration import SyncPrefectClient
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterName

    with SyncPrefectClient(ui.api_url(port)) as client:
        def scheduled(name: str) -> list:
            return client.read_flow_runs(deployment_filter=DeploymentFilter(
                name=DeploymentFilterName(any_=[name])))

        deadline = time.monotonic() + timeout
        runs = {name: scheduled(name) for name in names}
        while not all(runs.values()) and time.monotonic() < deadline:
            time.sleep(2)
            runs = {name: scheduled(name) for name in names}
        for name in names:
            client.pause_deployment(client.read_deployment_by_name(f"muster/{name}").id)
    return runs


@pytest.fixture
def client(server):
    from prefect.client.orchestration import SyncPrefectClient

    with SyncPrefectClient(ui.api_url(server["port"])) as client:
        yield client


def cron_fields(deployment) -> list[tuple[str, list[str], bool]]:
    """Each schedule of a deployment as (slug, the cron's five fields, active)."""
    return [(s.slug, s.schedule.cron.split(), s.active) for s in deployment.schedules]


def test_every_deployment_is_on_the_local_process_pool(client):
    pool = client.read_work_pool(ui.POOL)
    deployments = {name: client.read_deployment_by_name(f"muster/{name}")
                   for name in ("demo", "feeds", "daily", "backfill", "cluster")}

    assert pool.type == "process"
    assert pool.concurrency_limit == 1
    assert {d.work_pool_name for d in deployments.values()} == {ui.POOL}


def test_feeds_run_hourly_daily_once_a_day_and_backfill_on_demand(client):
    [(slug, (minute, hour, day, month, weekday), active)] = cron_fields(
        client.read_deployment_by_name("muster/feeds"))
    assert (slug, active) == ("hourly", True)
    assert minute.isdigit() and (hour, day, month, weekday) == ("*", "*", "*", "*")

    [(slug, (minute, hour, day, month, weekday), active)] = cron_fields(
        client.read_deployment_by_name("muster/daily"))
    assert (slug, active) == ("daily", True)
    assert minute.isdigit() and hour.isdigit() and (day, month, weekday) == ("*", "*", "*")

    assert client.read_deployment_by_name("muster/backfill").schedules == []
    assert client.read_deployment_by_name("muster/demo").schedules == []


def test_the_cluster_deployment_runs_the_batches_on_a_dask_scheduler(client):
    cluster = client.read_deployment_by_name("muster/cluster")
    assert cluster.parameters["dask_address"].startswith("tcp://") and cluster.schedules == []
    assert {"workers", "dask_address"} <= set(cluster.parameter_openapi_schema["properties"])


def test_the_scheduler_creates_the_upcoming_runs_hourly_and_daily(server):
    feeds, daily = (sorted(run.expected_start_time.timestamp() for run in server["upcoming"][name])
                    for name in ("feeds", "daily"))

    assert feeds and daily, ("the scheduler created no run for feeds or daily; server log:\n"
                             + ui.log_tail(server["logs"] / "server.log", 40))
    assert {b - a for a, b in pairwise(feeds)} == {HOUR}
    assert {b - a for a, b in pairwise(daily)} == {24 * HOUR}


def test_scheduled_deployments_read_the_configured_lists(client):
    feeds = client.read_deployment_by_name("muster/feeds").parameters["inputs"]
    daily = client.read_deployment_by_name("muster/daily").parameters["inputs"]

    assert feeds == ["data/reference/feeds.txt"]
    assert set(feeds) < set(daily)
    assert all((paths.ROOT / path).exists() for path in daily)


def wait_final(client, flow_run_id, timeout: float):
    """The flow run once it reached a final state, or as it was when the time ran out."""
    deadline = time.monotonic() + timeout
    run = client.read_flow_run(flow_run_id)
    while not (run.state and run.state.is_final()) and time.monotonic() < deadline:
        time.sleep(2)
        run = client.read_flow_run(flow_run_id)
    return run


def task_names(client, flow_run_id) -> set[str]:
    """The tasks the run went through (the stages run inside the `muster` flow, as its tasks)."""
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
    return {run.name.rsplit("-", 1)[0] for run in runs}


def test_a_backfill_run_goes_through_the_worker_and_publishes_tables(server, client, tmp_path):
    env, logs = server["env"], server["logs"]
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ARTICLES:
        shutil.copy(paths.DEMO_CORPUS / name, articles / name)
    warehouse = tmp_path / "wh"
    backfill = client.read_deployment_by_name("muster/backfill")
    flow_run = client.create_flow_run_from_deployment(
        backfill.id, parameters={"inputs": [str(articles)], "warehouse": str(warehouse)})

    worker = ui.start_worker(env, logs / "worker.log")
    try:
        run = wait_final(client, flow_run.id, RUN_TIMEOUT)
    finally:
        ui.stop(worker)

    assert run.state.is_completed(), (
        f"backfill run ended {run.state.type.value}: {run.state.message}\n"
        f"--- worker log ---\n{ui.log_tail(logs / 'worker.log', 60)}\n"
        f"--- server log ---\n{ui.log_tail(logs / 'server.log', 20)}")
    assert pq.read_table(warehouse / "documents.parquet").num_rows == len(ARTICLES)
    assert pq.read_table(warehouse / "claims.parquet").num_rows > 0
    assert {"read_inputs", "extract_batch", "run_suites",
            "publish_or_quarantine"} <= task_names(client, flow_run.id)
