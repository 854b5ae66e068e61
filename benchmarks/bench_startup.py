"""A one-document `muster run` against the time of importing its libraries, as issue 11 measures it.

Each repetition, in fresh processes and within about a minute:
- `import prefect, great_expectations, pandas, pyarrow` (before and after the runs; their mean is
  the repetition's import time);
- a cold run: `muster run ONE-DOCUMENT --warehouse A-NEW-FOLDER`, which has to start the
  warehouse's Prefect server;
- a warm run: a second document on the same warehouse, which reuses the server the cold run left.
Then the warm server is stopped. The ratios printed are each run's wall time over the import time of
its repetition; the bar is 2.5. The load average is printed beside each repetition, since the
machine may be shared.

    .venv/bin/python benchmarks/bench_startup.py [--reps 5] [--fresh-cache]

--fresh-cache gives every repetition an empty cache folder (MUSTER_CACHE), so the cold run also
builds the migrated Prefect database that later fresh warehouses copy (a first run on a machine).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

IMPORTS = "import prefect, great_expectations, pandas, pyarrow"
BAR = 2.5


def environment(cache: Path | None) -> dict[str, str]:
    env = {**os.environ, "GX_ANALYTICS_ENABLED": "false", "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "DO_NOT_TRACK": "1"}
    for key in ("PREFECT_API_URL", "PREFECT_HOME", "MUSTER_SERVER_IDLE", "MUSTER_IN_PROCESS"):
        env.pop(key, None)
    if cache is not None:
        env["MUSTER_CACHE"] = str(cache)
    return env


def wall(command: list[str], env: dict[str, str], cwd: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=600)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds


def stop_warm_server(warehouse: Path) -> None:
    record = warehouse / "_state" / "prefect" / "server.json"
    try:
        pid = json.loads(record.read_text())["pid"]
        os.kill(pid, signal.SIGTERM)
    except (OSError, ValueError, KeyError):
        return
    deadline = time.monotonic() + 10
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.1)


def repetition(i: int, root: Path, fresh_cache: bool) -> dict:
    folder = root / f"rep{i}"
    folder.mkdir()
    env = environment(folder / "cache" if fresh_cache else None)
    muster = str(Path(sys.executable).with_name("muster"))
    docs = []
    for n, month in enumerate(("March", "April")):
        doc = folder / f"doc{n}.txt"
        doc.write_text(f"The governor said {1200 + 100 * n + i:,} volunteers signed contracts in "
                       f"{month} 2024.\n")
        docs.append(doc)
    warehouse = folder / "wh"
    load = os.getloadavg()[0]
    before = wall([sys.executable, "-c", IMPORTS], env, folder)
    try:
        cold = wall([muster, "run", str(docs[0]), "--warehouse", str(warehouse)], env, folder)
        warm = wall([muster, "run", str(docs[1]), "--warehouse", str(warehouse)], env, folder)
    finally:
        stop_warm_server(warehouse)
    after = wall([sys.executable, "-c", IMPORTS], env, folder)
    imports = (before + after) / 2
    return {"imports": imports, "cold": cold, "warm": warm, "cold_ratio": cold / imports,
            "warm_ratio": warm / imports, "load": (load + os.getloadavg()[0]) / 2}


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--reps", type=int, default=5)
    args.add_argument("--fresh-cache", action="store_true",
                      help="an empty MUSTER_CACHE for every repetition (a machine's first run)")
    opts = args.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="muster-bench-startup-") as tmp:
        for i in range(opts.reps):
            row = repetition(i, Path(tmp), opts.fresh_cache)
            rows.append(row)
            print(f"rep {i + 1}: import {row['imports']:.1f} s, cold run {row['cold']:.1f} s "
                  f"({row['cold_ratio']:.2f}x), warm run {row['warm']:.1f} s ({row['warm_ratio']:.2f}x), "
                  f"load average {row['load']:.1f}", flush=True)
    med = {key: statistics.median(r[key] for r in rows) for key in rows[0]}
    print(f"median of {len(rows)}: import {med['imports']:.1f} s, cold {med['cold']:.1f} s "
          f"({med['cold_ratio']:.2f}x), warm {med['warm']:.1f} s ({med['warm_ratio']:.2f}x); "
          f"bar {BAR}x: cold {'met' if med['cold_ratio'] <= BAR else 'NOT met'}, "
          f"warm {'met' if med['warm_ratio'] <= BAR else 'NOT met'}; load average {med['load']:.1f}")


if __name__ == "__main__":
    main()
