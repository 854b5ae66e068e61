import gc

import pytest

from muster.heap import frozen_heap


def test_what_is_alive_when_a_run_starts_is_frozen_for_the_run_only():
    before = gc.get_freeze_count()
    with frozen_heap():
        assert gc.get_freeze_count() > before
    assert gc.get_freeze_count() == 0  # a long-lived process still collects what runs leave


def test_the_heap_is_unfrozen_when_the_run_fails():
    with pytest.raises(RuntimeError), frozen_heap():
        raise RuntimeError("the run failed")
    assert gc.get_freeze_count() == 0


def test_freezing_can_be_turned_off_to_measure_it(monkeypatch):
    monkeypatch.setenv("MUSTER_GC_FREEZE", "0")
    with frozen_heap():
        assert gc.get_freeze_count() == 0


def test_a_heap_frozen_by_its_owner_is_left_to_the_owner():
    gc.freeze()
    try:
        with frozen_heap():
            pass
        assert gc.get_freeze_count() > 0  # still frozen: not undone by the run
    finally:
        gc.unfreeze()


def test_arrow_buffers_come_from_an_allocator_that_returns_memory(monkeypatch):
    import pyarrow as pa

    from muster.heap import ARROW_POOL, arrow_pool

    before = pa.default_memory_pool()
    monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
    try:
        assert arrow_pool() == (ARROW_POOL if ARROW_POOL in pa.supported_memory_backends()
                                else before.backend_name)
        pa.set_memory_pool(pa.system_memory_pool())
        monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "system")  # the user's choice stays
        assert arrow_pool() == "system"
    finally:
        pa.set_memory_pool(before)
