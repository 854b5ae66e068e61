"""Every core: clean and tabulate in worker processes give the tables one process gives, and a
document set aside in a worker is set aside with its reason, as in one process."""

import json

import pytest

from flows.pipeline import muster
from muster import warehouse
from muster.engine import Engine

TEXTS = ["The governor of region {i} said {n:,} volunteers signed contracts in March.",
         "Officials in town {i} said {n:,} men joined the army this year.",
         "<html><body><p>The mayor of district {i} said {n:,} recruits left for training.</p>"
         "</body></html>"]


def corpus(folder):
    folder.mkdir()
    with (folder / "many.jsonl").open("w") as out:
        for i in range(14):
            field = "html" if TEXTS[i % 3].startswith("<") else "text"
            out.write(json.dumps({"id": f"w{i}", field: TEXTS[i % 3].format(i=i, n=1000 + 7 * i)})
                      + "\n")
        out.write(json.dumps({"id": "crowded", "text": "Officials said "
                              + ", ".join(["5,000"] * 1500) + " men joined."}) + "\n")
    return folder


def without_run(tables):
    documents = tables["documents"].drop(columns=["run_id", "ingested_at"])
    return {**tables, "documents": documents}


@pytest.mark.slow  # starts a pool of processes (each imports the stack)
def test_worker_processes_publish_what_one_process_publishes(prefect_api, tmp_path):
    inputs = [str(corpus(tmp_path / "in"))]
    one = muster(inputs=inputs, warehouse=str(tmp_path / "one"), batch_size=4, workers=1)
    two = muster(inputs=inputs, warehouse=str(tmp_path / "two"), batch_size=4, workers=2)
    assert Engine(2).distributes(4) and not Engine(1).distributes(4)
    a = without_run(warehouse.read_published(tmp_path / "one"))
    b = without_run(warehouse.read_published(tmp_path / "two"))
    for name in warehouse.PUBLISH_ORDER:
        assert a[name].equals(b[name]), name
    assert len(a["claims"]) >= 14
    assert one["skipped"] == two["skipped"] and any("many.jsonl:15" in s and "limit of 1,000" in s
                                                     for s in two["skipped"])
