"""One bad input never stops a run: the probe's cases beside good articles, in one run each."""

import json

import pandas as pd

from flows.pipeline import muster
from muster import warehouse

GOOD = ["The governor said 1,200 volunteers signed contracts in March.\n",
        "Officials in Perm said 3,400 men joined the army this year.\n"]


def run(tmp_path, bad: dict[str, str | bytes], today=None):
    """A run over two good articles and the bad inputs; its summary, tables and _rejected."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(GOOD):
        (folder / f"good{i}.txt").write_text(text)
    for name, content in bad.items():
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    wh = tmp_path / "wh"
    summary = muster(inputs=[str(folder)], warehouse=str(wh), today=today)
    tables = warehouse.read_published(wh)
    rejected = [json.loads(line) for p in sorted((wh / "_rejected").glob("*.jsonl"))
                for line in p.read_text().splitlines()]
    return summary, tables, rejected


def published_good(tables) -> bool:
    values = set(tables["claims"]["value"])
    return {1200.0, 3400.0} <= values


def test_bad_records_are_set_aside_and_the_good_articles_published(prefect_api, tmp_path):
    future = {"id": "f", "published": "2999-01-01", "text": "Officials said 7,000 men joined."}
    bad = {
        "deep.jsonl": "[" * 100_000 + "\n",
        "huge.jsonl": '{"text": "x", "n": ' + "9" * 5000 + "}\n",
        "surrogate.jsonl": '{"text": "5,000 joined \\ud800"}\n',
        "empty-html.jsonl": '{"html": ""}\n',
        "list.jsonl": '{"text": ["a", "b"]}\n',
        "future.jsonl": json.dumps(future) + "\n",
        "empty.jsonl": b"\xef\xbb\xbf",
        "bomb.html": "<html><body><p " + " ".join(f'a{i}="x"' for i in range(200_000)) + "></p>",
        "line.txt": "Officials said 5,000 men joined. " * 610_000,  # 20 MB on one line
        "numbers.txt": " ".join(["5,000"] * 200_000) + "\n",
        "figures.txt": "Officials said " + ", ".join(["5,000"] * 1500) + " men joined.\n",
    }
    summary, tables, rejected = run(tmp_path, bad)
    assert published_good(tables)
    assert summary["checks"]["success"]
    reasons = {r["source"].rsplit("/", 1)[-1]: r["reason"] for r in rejected}
    assert reasons.keys() >= {"deep.jsonl:1", "huge.jsonl:1", "surrogate.jsonl:1",
                              "empty-html.jsonl:1", "list.jsonl:1", "future.jsonl:1", "empty.jsonl",
                              "bomb.html", "line.txt", "figures.txt", "numbers.txt"}, reasons
    assert "later than today" in reasons["future.jsonl:1"]
    assert "over the limit of 1,000" in reasons["figures.txt"]
    assert "2,000,000" in reasons["line.txt"]
    assert {r["stage"] for r in rejected} == {"read", "clean", "tabulate", "check"}
    assert all(r["key"] and r["reason"] for r in rejected)
    assert len(summary["skipped"]) == len(rejected)


ODD_FIGURES = [
    "1" + ",000" * 300,  # 1e900: infinity when read as a float
    "9" * 400,
    "$1,271.2", "27,349.19", "$64.8million to $45.1million", "18,432.24",
]


def test_figures_that_cannot_be_read_never_stop_the_run(prefect_api, tmp_path):
    bad = {f"odd{i}.txt": f"The ministry said it spent {figure} on recruitment.\n"
           for i, figure in enumerate(ODD_FIGURES)}
    summary, tables, rejected = run(tmp_path, bad)
    assert published_good(tables)
    assert summary["checks"]["success"]
    values = pd.concat([tables["claims"][c] for c in ("value", "value_low", "value_high")]).dropna()
    assert values.map(lambda v: v < 1e15).all()
    assert tables["claim_clusters"]["value"].dropna().map(lambda v: v < 1e15).all()
    published = set(tables["documents"]["doc_id"])
    set_aside = {r["doc_id"] for r in rejected if r["claim_id"] is None}
    assert len(published - set_aside) >= 2  # every odd article is published or named
    assert len(published) + len(set_aside) >= 2 + len(ODD_FIGURES)
