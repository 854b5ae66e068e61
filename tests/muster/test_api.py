"""`muster.open`: the published tables from Python, as frames, Arrow tables and SQL."""

import json
import subprocess
import sys

import pandas as pd
import pyarrow as pa
import pytest

import muster
from muster import api


def test_importing_muster_loads_neither_prefect_nor_great_expectations():
    code = ("import sys, muster; w = muster.open; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'prefect', 'great_expectations', 'pandas', 'duckdb'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.replace("'", '"')) == []


def test_opening_and_reading_a_table_loads_neither_prefect_nor_great_expectations(small_warehouse):
    code = (f"import sys, muster; w = muster.open({str(small_warehouse)!r}); "
            "w.table('claims'); w.sql('SELECT 1'); w.status(); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'prefect', 'great_expectations'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_table_is_a_frame_an_arrow_table_and_a_sql_view_of_the_same_rows(small_warehouse):
    w = muster.open(small_warehouse)
    claims = w.table("claims")
    assert isinstance(claims, pd.DataFrame) and len(claims) == 3
    assert isinstance(w.arrow("claims"), pa.Table) and w.arrow("claims").num_rows == 3
    assert w.sql("SELECT count(*) AS n FROM claims")["n"].iloc[0] == len(claims)
    assert w.arrow("claims").schema.equals(api.TABLES["claims"])


def test_sql_joins_tables_and_returns_a_frame(small_warehouse):
    found = muster.open(small_warehouse).sql(
        "SELECT d.outlet, sum(c.value) AS total FROM claims c JOIN documents d USING (doc_id) "
        "WHERE c.metric = 'recruited' GROUP BY ALL")
    assert found.to_dict("records") == [{"outlet": "example-news.com", "total": 428200.0}]


def test_columns_can_be_chosen(small_warehouse):
    assert list(muster.open(small_warehouse).table("claims", columns=["claim_id", "value"])) == [
        "claim_id", "value"]


def test_a_table_not_published_yet_is_empty_with_its_columns(tmp_path):
    w = muster.open(tmp_path)
    assert w.table("claims").empty
    assert list(w.table("claims")) == api.TABLES["claims"].names
    assert w.sql("SELECT count(*) AS n FROM claim_flags")["n"].iloc[0] == 0


def test_every_read_goes_through_one_function_for_the_tables_paths(small_warehouse, monkeypatch):
    """The seam a snapshot plugs into: `.table`, `.arrow` and `.sql` all ask `table_paths`."""
    asked = []
    real = api.table_paths
    monkeypatch.setattr(api, "table_paths", lambda *a: asked.append(a) or real(*a))
    w = muster.open(small_warehouse)
    w.table("claims"), w.arrow("documents"), w.sql("SELECT 1")
    assert len(asked) == 4  # the check on opening, then one per read


def test_unknown_names_and_missing_folders_say_so(tmp_path):
    with pytest.raises(FileNotFoundError, match="no warehouse folder"):
        muster.open(tmp_path / "nope")
    with pytest.raises(KeyError, match="the tables are documents, claims"):
        muster.open(tmp_path).table("claim")
    with pytest.raises(LookupError, match="no snapshot '20240101T000000Z'"):
        muster.open(tmp_path, snapshot="20240101T000000Z")


def test_the_version_comes_from_the_package_metadata():
    from importlib.metadata import version

    assert muster.__version__ == version("muster")
