"""The muster flow on feeds and page lists from a local server: published once, fetched once."""

import hashlib
import os
from datetime import date
from pathlib import Path

from flows.pipeline import muster
from muster import warehouse
from muster.cli import EXIT_FAILED, EXIT_OK, main
from muster.fetchstate import load_state
from muster.locking import warehouse_lock

PAGES = ("/articles/perm-bonus.html", "/articles/tatarstan-battalions.html")


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(b"".join(f.read_bytes() for f in sorted(p.glob("*.parquet")))
                                   if p.is_dir() else p.read_bytes()).hexdigest()
            for p in sorted(folder.glob("*.parquet"))}


def test_a_feed_is_published_once_and_an_unchanged_feed_is_a_successful_no_op(prefect_api, web_server,
                                                                              tmp_path):
    folder, feed = tmp_path / "wh", web_server.url("/feed.xml")
    first = muster(inputs=[feed], warehouse=str(folder), allow_hosts=["127.0.0.1"], fetch_delay=0)
    tables = warehouse.read_published(folder)
    assert sorted(tables["documents"]["url"]) == [web_server.url(p) for p in PAGES]
    assert {400000, 2300, 1100} <= set(tables["claims"]["value"])
    assert first["written"] == list(warehouse.PUBLISH_ORDER)
    assert set(load_state(folder)) == {feed, *(web_server.url(p) for p in PAGES)}
    hits, files = {p: web_server.hits[p] for p in PAGES}, digest(folder)

    again = muster(inputs=[feed], warehouse=str(folder), allow_hosts=["127.0.0.1"], fetch_delay=0)

    assert {p: web_server.hits[p] for p in PAGES} == hits
    assert again["written"] == [] and again["not_modified"] == 1
    assert digest(folder) == files
    assert warehouse.read_published(folder)["claims"].equals(tables["claims"])


def test_the_command_reads_a_url_list_and_refuses_a_second_run_on_a_busy_warehouse(
        prefect_api, web_server, tmp_path, capfd):
    urls = tmp_path / "page-urls.txt"
    urls.write_text(f"{web_server.url('/articles/buryatia-debts.html')}\n{web_server.url('/down')}\n")
    args = ["run", str(urls), "--warehouse", str(tmp_path / "wh"), "--allow-host", "127.0.0.1",
            "--fetch-delay", "0"]
    assert main(args) == EXIT_OK
    out = capfd.readouterr().out
    assert "documents read: 1, skipped: 1" in out
    assert f"skipped {web_server.url('/down')}: HTTP 503 after 3 tries" in out
    urls_in_table = warehouse.read_published(tmp_path / "wh")["documents"]["url"].tolist()
    assert urls_in_table == [web_server.url("/articles/buryatia-debts.html")]

    with warehouse_lock(tmp_path / "wh"):
        assert main(args) == EXIT_FAILED
    (line,) = capfd.readouterr().err.splitlines()
    assert line.startswith(f"muster: run failed: another muster run is using the warehouse "
                           f"{(tmp_path / 'wh').resolve()} (pid {os.getpid()} since ")
    assert line.endswith(" UTC); try again when it has finished")


def test_a_page_set_aside_before_the_gate_is_not_recorded_so_the_next_run_tries_again(
        prefect_api, web_server, tmp_path):
    folder = tmp_path / "wh"
    summary = muster(inputs=[web_server.url("/future.xml")], warehouse=str(folder),
                     allow_hosts=["127.0.0.1"], fetch_delay=0)
    assert [s for s in summary["skipped"] if "later than today" in s] == [
        f"{web_server.url('/articles/moscow-recruiters.html')}: published 2100-01-01, later than "
        f"today ({date.today().isoformat()})"]
    assert web_server.url("/articles/moscow-recruiters.html") not in load_state(folder)
    assert warehouse.read_published(folder)["documents"].empty
