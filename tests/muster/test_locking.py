"""The warehouse lock: one run at a time, refused at once with the warehouse named."""

import subprocess
import sys

import pytest

from muster.locking import LOCK_FILE, WarehouseBusy, warehouse_lock


def test_the_lock_is_a_file_in_the_warehouse_and_is_released_after_the_run(tmp_path):
    with warehouse_lock(tmp_path / "wh") as path:
        assert path == tmp_path / "wh" / LOCK_FILE
    with warehouse_lock(tmp_path / "wh"):
        pass


def test_the_process_holding_the_lock_may_take_it_again(tmp_path):
    """The command holds the warehouse before Prefect starts; the flow takes it again."""
    with warehouse_lock(tmp_path), warehouse_lock(tmp_path):
        pass
    with warehouse_lock(tmp_path):
        pass


def test_runs_on_other_warehouses_go_ahead(tmp_path):
    with warehouse_lock(tmp_path / "a"), warehouse_lock(tmp_path / "b"):
        pass


def test_a_run_in_another_process_holds_the_warehouse_until_it_ends(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from muster.locking import warehouse_lock\n"
         f"with warehouse_lock({str(tmp_path)!r}):\n    print('held', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(WarehouseBusy, match=f"pid {holder.pid}") as err, warehouse_lock(tmp_path):
            pass
        assert f"another muster run is using the warehouse {tmp_path.resolve()}" in str(err.value)
    finally:
        holder.communicate("", timeout=30)
    with warehouse_lock(tmp_path):
        pass
