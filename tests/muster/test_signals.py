"""Ctrl-C stops a run: SIGINT or SIGTERM, to the process or to its whole group (as a terminal
sends it), ends the run within 10 s with one line, exit 130 or 143, the lock released, nothing
of the run published and no process left behind."""

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from muster.locking import warehouse_lock

MUSTER = Path(sys.executable).with_name("muster")
DEMO = Path(__file__).parents[2] / "data" / "demo" / "articles"

pytestmark = pytest.mark.slow


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(b"".join(f.read_bytes() for f in sorted(p.glob("*.parquet")))
                                   if p.is_dir() else p.read_bytes()).hexdigest()
            for p in sorted(folder.glob("*.parquet"))}


def env() -> dict:
    environ = {**os.environ, "MUSTER_SERVER_IDLE": "0"}  # the server is the run's: stopped with it
    for key in ("PREFECT_API_URL", "PREFECT_HOME"):
        environ.pop(key, None)
    return environ


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """Enough documents that tabulating them takes far longer than the test waits."""
    folder = tmp_path_factory.mktemp("corpus")
    texts = [p.read_text() for p in sorted(DEMO.glob("*.txt"))]
    with (folder / "many.jsonl").open("w") as out:
        for i in range(6000):
            out.write(json.dumps({"id": f"d{i}", "text": texts[i % len(texts)]
                                  + f"\nOfficials said {1000 + i:,} men joined."}) + "\n")
    (folder / "one.txt").write_text("The governor said 1,200 volunteers signed contracts.\n")
    return folder


@pytest.fixture(scope="session")
def published(corpus, tmp_path_factory) -> Path:
    """A warehouse with tables published by an earlier run (each test works on a copy)."""
    wh = tmp_path_factory.mktemp("published") / "wh"
    first = subprocess.run([str(MUSTER), "run", str(corpus / "one.txt"), "--warehouse", str(wh)],
                           env=env(), capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    return wh


@pytest.mark.parametrize(("sig", "group", "code"), [
    (signal.SIGINT, True, 130), (signal.SIGTERM, False, 143)])
def test_a_signal_stops_the_run_and_publishes_nothing(corpus, published, tmp_path, sig, group,
                                                     code):
    wh = Path(shutil.copytree(published, tmp_path / "wh"))
    before = digest(wh)
    run = subprocess.Popen([str(MUSTER), "run", str(corpus / "many.jsonl"), "--warehouse", str(wh)],
                           env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           start_new_session=True)
    line = run.stderr.readline()  # the first stage line: the run is under way
    assert line.startswith("read: 6,000 documents"), line
    time.sleep(2)
    started = time.monotonic()
    if group:
        os.killpg(run.pid, sig)
    else:
        os.kill(run.pid, sig)
    out, err = run.communicate(timeout=30)
    assert time.monotonic() - started < 10
    assert run.returncode == code
    assert err.splitlines()[-1].startswith(f"muster: stopped by {sig.name} after ")
    assert "nothing of this run was published" in err
    assert "Traceback" not in err and out == ""
    assert digest(wh) == before
    with warehouse_lock(wh):  # released
        pass
    time.sleep(0.5)
    with pytest.raises(ProcessLookupError):  # the child and its Prefect server are gone
        os.killpg(run.pid, 0)
