"""Snapshots: five tables published as one, a history to read and roll back, and recovery from
whatever an interrupted publication leaves (the kill -9 test is in test_snapshot_kills.py)."""

import errno
import os
from dataclasses import FrozenInstanceError
from importlib import import_module
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from muster import snapshots, store, warehouse

tables = import_module("tests.muster.test_warehouse").tables


def published_value(folder):
    return pd.read_parquet(folder / "claims.parquet").loc[0, "value"]


def test_a_publication_is_one_snapshot_and_the_documented_paths_read_it(tmp_path):
    warehouse.publish(tables(), tmp_path, run="run-a", run_id="r1")
    [snapshot] = snapshots.list_snapshots(tmp_path)
    assert snapshot.current and snapshot.run == "run-a" and snapshot.run_id == "r1"
    assert snapshot.rows == {"sources": 1, "documents": 1, "claim_clusters": 1, "claims": 1,
                             "claim_flags": 0}
    for name in warehouse.PUBLISH_ORDER:
        path = tmp_path / f"{name}.parquet"
        assert path.is_symlink() and path.resolve() == snapshot.table_path(name).resolve()
    assert published_value(tmp_path) == 280000.0
    assert duckdb.sql(f"SELECT value FROM '{tmp_path}/claims.parquet'").fetchall() == [(280000.0,)]
    assert pq.read_table(tmp_path / "documents.parquet").num_rows == 1


def test_snapshots_are_frozen_records(tmp_path):
    warehouse.publish(tables(), tmp_path)
    [snapshot] = snapshots.list_snapshots(tmp_path)
    with pytest.raises(FrozenInstanceError):
        snapshot.run = "other"


def test_a_new_snapshot_rewrites_only_what_changed_and_links_the_rest(tmp_path):
    warehouse.publish(tables(), tmp_path)
    assert warehouse.publish(tables(value=290000.0), tmp_path) == ["claim_clusters", "claims"]
    first, second = snapshots.list_snapshots(tmp_path)
    assert second.current and not first.current and second.parent == first.id
    assert second.changed == ("claim_clusters", "claims")
    inodes = [{p.name: p.stat().st_ino for p in s.table_path("documents").glob("*.parquet")}
              for s in (first, second)]
    assert inodes[0] and inodes[0] == inodes[1]  # the unchanged table's parts are linked
    assert published_value(tmp_path) == 290000.0
    assert warehouse.read_table(tmp_path, "claims", snapshot=first.id).loc[0, "value"] == 280000.0


def test_publishing_the_same_tables_again_makes_no_snapshot(tmp_path):
    warehouse.publish(tables(), tmp_path)
    assert warehouse.publish(tables(), tmp_path) == []
    assert len(snapshots.list_snapshots(tmp_path)) == 1


def test_the_history_keeps_the_last_n_snapshots(tmp_path, monkeypatch):
    monkeypatch.setenv("MUSTER_KEEP_SNAPSHOTS", "3")
    for value in range(1, 7):
        warehouse.publish(tables(value=float(value)), tmp_path)
    kept = snapshots.list_snapshots(tmp_path)
    assert [s.seq for s in kept] == [4, 5, 6] and kept[-1].current
    assert sorted(p.name for p in (tmp_path / "_snapshots").iterdir()) == sorted(
        [s.id for s in kept] + ["current"])


def test_rollback_publishes_an_earlier_snapshot_again_and_says_so(tmp_path):
    warehouse.publish(tables(), tmp_path)
    warehouse.publish(tables(value=290000.0), tmp_path)
    first = snapshots.list_snapshots(tmp_path)[0]
    rolled = snapshots.rollback(tmp_path, str(first.seq), warehouse.PUBLISH_ORDER)
    assert rolled.current and rolled.seq == 3 and rolled.note == f"rollback to {first.id}"
    assert published_value(tmp_path) == 280000.0
    assert [s.seq for s in snapshots.list_snapshots(tmp_path)] == [1, 2, 3]
    with pytest.raises(snapshots.SnapshotNotFound, match="no snapshot 'nine'"):
        snapshots.rollback(tmp_path, "nine", warehouse.PUBLISH_ORDER)


def test_a_full_disk_half_way_leaves_the_previous_snapshot_whole(tmp_path, monkeypatch):
    warehouse.publish(tables(), tmp_path)
    real, calls = store._write_parquet, []

    def fill_up(table, path):
        calls.append(path.name)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(table, path)

    monkeypatch.setattr(store, "_write_parquet", fill_up)
    with pytest.raises(OSError, match="No space"):
        warehouse.publish(tables(value=290000.0), tmp_path)
    assert published_value(tmp_path) == 280000.0
    assert pd.read_parquet(tmp_path / "claim_clusters.parquet").loc[0, "value"] == 280000.0
    assert [p.name for p in (tmp_path / "_snapshots").iterdir() if p.name.startswith(".")] == []
    monkeypatch.setattr(store, "_write_parquet", real)
    assert warehouse.publish(tables(value=290000.0), tmp_path) == ["claim_clusters", "claims"]


def test_the_next_publication_removes_what_an_interrupted_one_left(tmp_path):
    warehouse.publish(tables(), tmp_path)
    root = tmp_path / "_snapshots"
    (root / ".tmp-0123").mkdir()
    (root / ".tmp-0123" / "claims.parquet").write_bytes(b"PAR1 half")
    os.symlink("nowhere", root / ".current-4567")
    orphan = root / "000002-20990101T000000Z"  # renamed into place, never made current
    orphan.mkdir()
    (orphan / "manifest.json").write_text("{}")
    (tmp_path / f".claims-{'a' * 32}.parquet.tmp").write_bytes(b"old style")
    assert [s.seq for s in snapshots.list_snapshots(tmp_path)] == [1]
    warehouse.publish(tables(value=290000.0), tmp_path)
    assert sorted(p.name for p in root.iterdir()) == sorted(
        [s.id for s in snapshots.list_snapshots(tmp_path)] + ["current"])
    assert not list(tmp_path.glob(".*.tmp"))
    assert [s.seq for s in snapshots.list_snapshots(tmp_path)] == [1, 2]


def test_a_warehouse_published_before_snapshots_is_adopted_as_the_first_one(tmp_path):
    for name, frame in tables().items():
        pq.write_table(warehouse.as_arrow(frame, name), tmp_path / f"{name}.parquet")
    assert warehouse.read_published(tmp_path)["claims"].loc[0, "value"] == 280000.0
    warehouse.publish(tables(value=290000.0), tmp_path)
    imported, new = snapshots.list_snapshots(tmp_path)
    assert imported.run == "imported" and imported.rows["claims"] == 1
    assert warehouse.read_table(tmp_path, "claims", snapshot="1").loc[0, "value"] == 280000.0
    assert (tmp_path / "claims.parquet").is_symlink() and published_value(tmp_path) == 290000.0


def test_reading_one_snapshot_pins_it(tmp_path):
    warehouse.publish(tables(), tmp_path)
    warehouse.publish(tables(value=290000.0), tmp_path)
    old = warehouse.read_published(tmp_path, snapshot="1")
    assert old["claims"].loc[0, "value"] == old["claim_clusters"].loc[0, "value"] == 280000.0


def test_the_commands_list_the_snapshots_and_roll_back(tmp_path, capsys):
    from muster.cli import main

    warehouse.publish(tables(), tmp_path, run="first-run")
    warehouse.publish(tables(value=290000.0), tmp_path, run="second-run")
    assert main(["snapshots", "--warehouse", str(tmp_path)]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 2 and listed[1].startswith("* 000002-") and "claims 1" in listed[1]
    assert main(["rollback", "1", "--warehouse", str(tmp_path)]) == 0
    assert "rolled back to 000001-" in capsys.readouterr().out
    assert published_value(tmp_path) == 280000.0
    assert main(["rollback", "nine", "--warehouse", str(tmp_path)]) == 1
    assert "no snapshot 'nine'" in capsys.readouterr().err
    assert main(["snapshots", "--warehouse", str(tmp_path), "--format", "json"]) == 0
    assert '"note": "rollback to 000001-' in capsys.readouterr().out


def test_a_lost_pointer_makes_the_newest_whole_snapshot_current_not_an_empty_warehouse(tmp_path):
    warehouse.publish(tables(), tmp_path)
    warehouse.publish(tables(value=290000.0), tmp_path)
    (tmp_path / "_snapshots" / "current").unlink()
    warehouse.publish(tables(value=290000.0), tmp_path)
    assert [s.seq for s in snapshots.list_snapshots(tmp_path)] == [1, 2]
    assert snapshots.list_snapshots(tmp_path)[-1].current and published_value(tmp_path) == 290000.0


def test_a_copy_that_followed_the_links_publishes_again(tmp_path):
    import shutil

    warehouse.publish(tables(), tmp_path / "a")
    copy = Path(shutil.copytree(tmp_path / "a", tmp_path / "b"))  # links become files and folders
    assert not (copy / "_snapshots" / "current").is_symlink()
    assert warehouse.publish(tables(value=290000.0), copy) == ["claim_clusters", "claims"]
    assert (copy / "_snapshots" / "current").is_symlink() and published_value(copy) == 290000.0
    assert published_value(tmp_path / "a") == 280000.0
