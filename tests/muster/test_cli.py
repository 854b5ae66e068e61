"""The `muster` command: a summary on success, one clear line and a non-zero exit on failure."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from muster.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main

ARTICLE = "The governor said 1,200 volunteers signed contracts in March.\n"


def test_run_prints_counts_skips_and_where_the_tables_are(prefect_api, tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.pdf").write_bytes(b"%PDF")
    code = main(["run", str(tmp_path / "a.txt"), str(tmp_path / "b.pdf"),
                 "--warehouse", str(tmp_path / "wh")])
    out = capsys.readouterr().out
    assert code == EXIT_OK
    assert "documents read: 1, skipped: 1" in out
    assert "recruited 1" in out
    assert f"skipped {tmp_path / 'b.pdf'}: unknown extension '.pdf'" in out
    assert str(tmp_path / "wh" / "claims.parquet") in out


def test_a_failed_validation_exits_non_zero_with_one_line(prefect_api, tmp_path, capsys):
    record = {"id": "x", "text": ARTICLE, "published": "2999-12-31"}
    (tmp_path / "future.jsonl").write_text(json.dumps(record) + "\n")
    code = main(["run", str(tmp_path / "future.jsonl"), "--warehouse", str(tmp_path / "wh")])
    err = capsys.readouterr().err
    assert code == EXIT_FAILED
    assert "muster: run failed: validation failed" in err
    assert "nothing published" in err


def test_a_bad_batch_size_is_a_usage_error(tmp_path, capsys):
    assert main(["run", str(tmp_path), "--batch-size", "0"]) == EXIT_USAGE
    assert "--batch-size" in capsys.readouterr().err


def test_unknown_commands_are_refused():
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == 2


def test_the_installed_command_names_a_missing_input_and_fails(tmp_path):
    """The console script as a user runs it, with its own temporary Prefect server."""
    muster = Path(sys.executable).with_name("muster")
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect")}
    env.pop("PREFECT_API_URL", None)
    done = subprocess.run([str(muster), "run", str(tmp_path / "nope.txt"), "--warehouse",
                           str(tmp_path / "wh")], capture_output=True, text=True, env=env,
                          timeout=300)
    assert done.returncode == EXIT_FAILED
    assert f"no usable document in {tmp_path / 'nope.txt'}" in done.stderr
    assert f"skipped {tmp_path / 'nope.txt'}: no such file or directory" in done.stderr
