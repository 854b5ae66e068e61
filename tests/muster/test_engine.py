"""Where the batches run: the flag, then the environment, then every core."""

from muster.engine import Engine, cores


def test_the_engine_takes_the_flag_then_the_environment_then_every_core(monkeypatch):
    monkeypatch.setenv("MUSTER_WORKERS", "3")
    assert Engine.resolve().workers == 3 and Engine.resolve(workers=1).workers == 1
    monkeypatch.delenv("MUSTER_WORKERS")
    assert Engine.resolve().workers == cores() >= 1 and Engine.resolve().dask_address is None
    assert Engine.resolve(dask_address="tcp://127.0.0.1:8786").distributes(1)


def test_one_batch_or_one_worker_stays_in_this_process():
    assert not Engine(2).distributes(1) and not Engine(1).distributes(8)
    assert Engine(2).distributes(2)
    assert Engine(4).describe() == "4 worker processes"
