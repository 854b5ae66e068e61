"""The local Prefect server's database: a new warehouse gets a copy of one already migrated, and a
database stamped with the running Prefect version is not migrated again."""

import importlib.metadata
import sqlite3

from muster.orchestrator import DATABASE, STAMP, _copy_database, _default_database, prepare_database

VERSION = importlib.metadata.version("prefect")


def a_database(path):
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE alembic_version (version_num TEXT)")
        db.execute("INSERT INTO alembic_version VALUES ('head')")


def test_a_new_home_without_a_template_is_migrated(tmp_path):
    env = {"MUSTER_CACHE": str(tmp_path / "cache")}
    assert prepare_database(tmp_path / "home", env) is True
    assert not (tmp_path / "home" / DATABASE).exists()


def test_a_new_home_gets_a_copy_of_the_template_and_needs_no_migration(tmp_path):
    env = {"MUSTER_CACHE": str(tmp_path / "cache")}
    (tmp_path / "cache").mkdir()
    a_database(tmp_path / "cache" / f"prefect-{VERSION}.db")
    home = tmp_path / "home"
    home.mkdir()
    (home / f"{DATABASE}-wal").write_bytes(b"stale")
    assert prepare_database(home, env) is False
    assert (home / STAMP).read_text() == VERSION
    assert not (home / f"{DATABASE}-wal").exists()
    with sqlite3.connect(home / DATABASE) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [("head",)]


def test_a_template_of_another_prefect_version_is_not_used(tmp_path):
    env = {"MUSTER_CACHE": str(tmp_path / "cache")}
    (tmp_path / "cache").mkdir()
    a_database(tmp_path / "cache" / "prefect-0.0.1.db")
    (tmp_path / "home").mkdir()
    assert prepare_database(tmp_path / "home", env) is True


def test_an_existing_database_is_migrated_only_when_its_stamp_differs(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    a_database(home / DATABASE)
    assert prepare_database(home, {}) is True  # no stamp: made by an older Muster
    (home / STAMP).write_text("0.0.1")
    assert prepare_database(home, {}) is True
    (home / STAMP).write_text(VERSION)
    assert prepare_database(home, {}) is False


def test_the_copy_keeps_what_is_still_in_the_write_ahead_log(tmp_path):
    source = tmp_path / "a.db"
    keep = sqlite3.connect(source)
    keep.execute("PRAGMA journal_mode=WAL")
    keep.execute("CREATE TABLE t (x)")
    keep.execute("INSERT INTO t VALUES (1)")
    keep.commit()  # left in a.db-wal while the connection stays open
    _copy_database(source, tmp_path / "cache" / "b.db")
    keep.close()
    with sqlite3.connect(tmp_path / "cache" / "b.db") as db:
        assert db.execute("SELECT x FROM t").fetchall() == [(1,)]
    assert not list((tmp_path / "cache").glob("*.tmp"))


def test_a_database_named_elsewhere_is_left_to_prefect(tmp_path):
    assert _default_database(tmp_path, {}) is True
    assert _default_database(tmp_path, {"PREFECT_API_DATABASE_CONNECTION_URL": "postgresql://x"}) is False
    (tmp_path / "profiles.toml").write_text("")
    assert _default_database(tmp_path, {}) is False
