"""The snapshot design against Delta Lake (deltalake) and Iceberg (pyiceberg, SQLite catalog):
publish the five tables of a warehouse (default data/warehouse), then a second version with
claims and clusters changed; time each, count files and bytes, and read back as a plain reader
(pandas, DuckDB) would. Runs in its own venv (make compare-formats): neither library is Muster's."""
import json
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

src = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("data/warehouse")
out = Path(tempfile.mkdtemp(prefix="muster-formats-"))
sys.path.insert(0, str(Path(__file__).parents[1]))
NAMES = ("sources", "documents", "claim_clusters", "claims", "claim_flags")
v1 = {n: pq.read_table(src / f"{n}.parquet") for n in NAMES}
v2 = dict(v1)
for n in ("claims", "claim_clusters"):  # a second version: every figure +1
    t = v1[n]
    i = t.schema.get_field_index("value")
    v2[n] = t.set_column(i, "value", pa.compute.add(t["value"], 1.0))
rows = {n: t.num_rows for n, t in v1.items()}
res = {"rows": rows}

def size(p):
    return sum(f.stat().st_size for f in Path(p).rglob("*") if f.is_file() and not f.is_symlink())


def files(p):
    return sum(1 for f in Path(p).rglob("*") if f.is_file() and not f.is_symlink())

# 1. own manifest (muster.warehouse / muster.snapshots)
from muster import warehouse  # noqa: E402

own = out / "own"
t0 = time.perf_counter()
warehouse.publish(v1, own)
t1 = time.perf_counter()
warehouse.publish(v2, own)
t2 = time.perf_counter()
res["own"] = {"first_s": round(t1 - t0, 3), "second_s": round(t2 - t1, 3), "files": files(own),
              "bytes": size(own),
              "pandas_claims_rows": len(pd.read_parquet(own / "claims.parquet")),
              "pandas_reads_v2": bool(pd.read_parquet(own / "claims.parquet")["value"].sum()
                                      == v2["claims"]["value"].to_pandas().sum()),
              "duckdb_rows": duckdb.sql(f"select count(*) from '{own}/claims.parquet'").fetchall()[0][0],
              "atomic_over_tables": True}

# 2. Delta Lake: one table per folder, one commit per table
from deltalake import DeltaTable, write_deltalake  # noqa: E402

delta = out / "delta"
t0 = time.perf_counter()
for n in NAMES:
    write_deltalake(str(delta / n), v1[n], mode="overwrite")
t1 = time.perf_counter()
for n in ("claim_clusters", "claims"):
    write_deltalake(str(delta / n), v2[n], mode="overwrite")
t2 = time.perf_counter()
plain = pd.read_parquet(delta / "claims")  # a plain reader of the folder: every file, old and new
res["delta"] = {"first_s": round(t1 - t0, 3), "second_s": round(t2 - t1, 3), "files": files(delta),
                "bytes": size(delta), "commits_per_publish": len(NAMES),
                "delta_reader_rows": DeltaTable(str(delta / "claims")).to_pyarrow_table().num_rows,
                "pandas_folder_rows": len(plain),
                "duckdb_glob_rows": duckdb.sql(
                    f"select count(*) from '{delta}/claims/*.parquet'").fetchall()[0][0],
                "atomic_over_tables": False}

# 3. Iceberg with a SQLite catalog
try:
    from pyiceberg.catalog.sql import SqlCatalog
    ice = out / "iceberg"
    ice.mkdir()
    cat = SqlCatalog("muster", uri=f"sqlite:///{ice}/catalog.db", warehouse=f"file://{ice}")
    cat.create_namespace("w")
    t0 = time.perf_counter()
    tabs = {}
    for n in NAMES:
        schema = pa.schema([f.with_nullable(True) for f in v1[n].schema]).remove_metadata()
        tabs[n] = cat.create_table(f"w.{n}", schema=schema)
        tabs[n].append(v1[n].cast(schema))
    t1 = time.perf_counter()
    for n in ("claim_clusters", "claims"):
        tabs[n].overwrite(v2[n].cast(tabs[n].schema().as_arrow()))
    t2 = time.perf_counter()
    datafiles = list(ice.rglob("w/claims/data/*.parquet"))
    res["iceberg"] = {"first_s": round(t1 - t0, 3), "second_s": round(t2 - t1, 3), "files": files(ice),
                      "bytes": size(ice), "commits_per_publish": len(NAMES),
                      "iceberg_reader_rows": cat.load_table("w.claims").scan().to_arrow().num_rows,
                      "parquet_files_under_claims": len(datafiles),
                      "atomic_over_tables": False}
except Exception as err:
    res["iceberg"] = {"error": f"{type(err).__name__}: {err}"[:300]}
print(json.dumps(res, indent=1))
