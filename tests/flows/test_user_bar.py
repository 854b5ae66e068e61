"""The bar of issue 13, end to end through the installed command: a fresh warehouse fed one
plain-text article with a byline date and a subscription prompt."""

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import muster

MUSTER = Path(sys.executable).with_name("muster")
ARTICLE = """HARBOUR HERALD
News | Region | Opinion
Sign in | Subscribe for 3 euros a week

Coastal region says 1,400 men signed army contracts this spring

By Ilze Morgan | April 22, 2024 | 3 min read

The regional governor said 1,400 men had signed contracts with the defence ministry since March, \
and that each recruit was paid a bonus of 300,000 roubles.

Officials said the region would open two more recruitment offices in May.
"""


@pytest.mark.slow
def test_a_plain_text_article_with_a_byline_and_a_prompt_meets_the_bar(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "coastal.txt").write_text(ARTICLE)
    wh = tmp_path / "wh"
    env = {"MUSTER_SERVER_IDLE": "0", "GX_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PATH": "/usr/bin:/bin"}

    def run(*args):
        return subprocess.run([str(MUSTER), *args], capture_output=True, text=True, env=env,
                              timeout=600)

    version = run("--version")
    assert version.returncode == 0 and re.fullmatch(r"muster \S+\n", version.stdout)
    done = run("run", str(tmp_path / "in"), "--warehouse", str(wh))
    assert done.returncode == 0, done.stderr
    status = run("status", "--warehouse", str(wh))
    assert status.returncode == 0 and re.search(r"^  claims +\d+ rows", status.stdout, re.M)

    w = muster.open(wh)
    claims = w.table("claims")
    assert len(claims) == w.sql("SELECT count(*) AS n FROM claims")["n"].iloc[0] > 0
    (document,) = w.table("documents").itertuples()
    assert document.published == date(2024, 4, 22)
    assert document.title == "Coastal region says 1,400 men signed army contracts this spring"
    assert (document.author, document.outlet) == ("Ilze Morgan", "Harbour Herald")
    assert document.source_path == str((tmp_path / "in" / "coastal.txt").absolute())
    assert "EUR" not in set(claims["unit"])  # nothing from "Subscribe for 3 euros a week"
    assert list((wh / "_validation").glob("*.html"))

    report = run("report", "--warehouse", str(wh))
    assert report.returncode == 0, report.stderr
    html = (wh / "report.html").read_text()
    text = " ".join(re.sub(r"<[^>]+>", " ", re.sub(r"<(svg|style).*?</\1>", "", html, flags=re.S)).split())
    assert not re.search(r"\b1 (?:[a-z]+ )?[a-z]+s\b", text), re.findall(r"\b1 [a-z ]{0,30}", text)
