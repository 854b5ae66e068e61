"""kill -9 at random moments of publishing: readers and the next run see one whole snapshot
(the previous or the new), never a mix; the next run recovers by itself; no lock is left."""

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from flows.pipeline import muster
from muster import paths, snapshots, warehouse
from muster.locking import warehouse_lock

pytestmark = pytest.mark.slow
ROOT = Path(__file__).parents[2]
KILLS = int(os.environ.get("MUSTER_TEST_KILLS", 8))  # the bar: 8

# Publishes two versions of the tables in turn, for ever, as a run does (both locks held): the
# changed article staged over what is published, then written as parts (`muster.store`).
PUBLISHER = """
import sys
from pathlib import Path
import pyarrow.parquet as pq
from muster import paths, readers, store
from muster.locking import publishing, warehouse_lock
wh, *versions = map(Path, sys.argv[1:])
tables = [{n: pq.read_table(v / f"{n}.parquet").to_pandas() for n in ("documents", "claims")}
          for v in versions]
old, new = (set(zip(t["documents"]["doc_id"], t["documents"]["raw_sha256"])) for t in tables)
changed = {d for d, _ in old ^ new}  # what a run on the changed article brings
registry, rates = readers.read_registry(paths.REGISTRY), readers.read_rates(paths.RATES)
with warehouse_lock(wh):
    print("ready", flush=True)
    i = 0
    while True:
        t = tables[i % 2]
        with publishing(wh):
            staged = store.stage(wh, t["documents"][t["documents"]["doc_id"].isin(changed)],
                                 t["claims"][t["claims"]["doc_id"].isin(changed)], registry, rates)
            print("publishing", flush=True)
            store.publish(staged, wh, run=f"loop-{i}")
        i += 1
"""


KEYS = {"documents": ["doc_id"], "claims": ["claim_id"], "sources": ["source_id"],
        "claim_clusters": ["cluster_id"], "claim_flags": ["flag_id"]}


def plain(folder: Path) -> dict:
    """The tables as a reader without Muster sees them (rows in key order: parts are files of
    their own)."""
    return {n: pq.read_table(folder / f"{n}.parquet").sort_by([(k, "ascending") for k in KEYS[n]])
            for n in warehouse.PUBLISH_ORDER}


def assert_consistent(tables: dict) -> None:
    documents, claims = tables["documents"].to_pandas(), tables["claims"].to_pandas()
    text = dict(zip(documents["doc_id"], documents["text"], strict=True))
    for claim in claims.itertuples():
        assert text[claim.doc_id][claim.char_start:claim.char_end] == claim.quote
    sources = set(tables["sources"].to_pandas()["source_id"])
    assert set(claims["claimant_id"].dropna()) <= sources
    assert set(claims["cluster_id"].dropna()) <= set(tables["claim_clusters"].to_pandas()["cluster_id"])


def debris(folder: Path) -> list[str]:
    return sorted(p.name for p in [*folder.iterdir(), *(folder / "_snapshots").iterdir()]
                  if p.name.startswith(".") and p.name not in (".muster.lock", ".muster.publish.lock"))


def test_kill_9_while_publishing_never_tears_the_warehouse(prefect_api, tmp_path):
    corpus = Path(shutil.copytree(paths.DEMO_CORPUS, tmp_path / "articles"))
    wh = tmp_path / "wh"
    muster(inputs=[str(corpus)], warehouse=str(wh))
    first = Path(shutil.copytree(snapshots.current_dir(wh), tmp_path / "v1"))
    article = sorted(corpus.glob("*.txt"))[0]
    body = article.read_text()  # the changed article moves the offsets of every later figure
    article.write_text("Officials said 654,321 people signed up.\n\n" + body)
    muster(inputs=[str(corpus)], warehouse=str(wh))
    second = Path(shutil.copytree(snapshots.current_dir(wh), tmp_path / "v2"))
    versions = [plain(first), plain(second)]
    assert not versions[0]["documents"].equals(versions[1]["documents"])

    seen, mid_publish, rng = [], 0, random.Random(12)
    for _ in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", PUBLISHER, str(wh), str(first), str(second)],
                                 cwd=tmp_path, stdout=subprocess.PIPE, text=True,
                                 env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert child.stdout.readline() == "ready\n"
        for _ in range(rng.randint(1, 3)):  # a random moment of the 1st, 2nd or 3rd publication
            assert child.stdout.readline() == "publishing\n"
        time.sleep(rng.uniform(0.0, 0.1))  # a publication takes 0.05 to 0.1 s here
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        mid_publish += bool(debris(wh))
        now = plain(wh)  # whole: every table of the same version
        matches = [i for i, v in enumerate(versions) if all(now[n].equals(v[n]) for n in v)]
        assert len(matches) == 1, "a mix of two versions"
        assert_consistent(now)
        published = warehouse.read_published(wh)["claims"]  # what Muster's readers see: the same
        assert published.sort_values("claim_id").reset_index(drop=True).equals(now["claims"].to_pandas())
        seen.append(matches[0])
        with warehouse_lock(wh):  # no lock left: taken at once
            pass
    print(f"\n{KILLS} kills: versions seen {seen}, {mid_publish} left debris to recover")

    summary = muster(inputs=[str(corpus)], warehouse=str(wh))  # the next run recovers by itself
    assert debris(wh) == []
    after = plain(wh)
    assert_consistent(after)
    claims = lambda t: t["claims"].to_pandas().drop(columns=["claim_id"]).sort_values(  # noqa: E731
        ["doc_id", "char_start"]).reset_index(drop=True)
    expected = versions[1]["claims"].to_pandas().drop(columns=["claim_id"]).sort_values(
        ["doc_id", "char_start"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(claims(after).drop(columns=["doc_id"]),
                                  expected.drop(columns=["doc_id"]))
    assert muster(inputs=[str(corpus)], warehouse=str(wh))["written"] == []
    assert summary["stages"]
