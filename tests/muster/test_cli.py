"""The `muster` command: a summary on success, one clear line and a non-zero exit on failure,
tracebacks only when asked for."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from muster.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main

ARTICLE = "The governor said 1,200 volunteers signed contracts in March.\n"
MUSTER = Path(sys.executable).with_name("muster")


def test_run_prints_counts_skips_and_where_the_tables_are(prefect_api, tmp_path, capfd):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.pdf").write_bytes(b"%PDF")
    code = main(["run", str(tmp_path / "a.txt"), str(tmp_path / "b.pdf"),
                 "--warehouse", str(tmp_path / "wh")])
    out, err = capfd.readouterr()
    assert code == EXIT_OK
    assert "documents read: 1, skipped: 1" in out
    assert "recruited 1" in out
    assert f"skipped {tmp_path / 'b.pdf'}: unknown extension '.pdf'" in out
    assert str(tmp_path / "wh" / "claims.parquet") in out
    assert f"{tmp_path / 'wh' / '_rejected'}" in out
    assert "Traceback" not in err and "| INFO" not in err  # quiet: progress lines at most
    assert len(err.splitlines()) <= 3


def test_a_bad_registry_row_fails_the_run_in_one_line_naming_file_and_line(prefect_api, tmp_path,
                                                                           capfd):
    (tmp_path / "a.txt").write_text(ARTICLE)
    registry = tmp_path / "sources.csv"
    registry.write_text("name,kind,country,aliases\nTASS,media,RU,\nISW,thinktank,US,\n")
    code = main(["run", str(tmp_path / "a.txt"), "--registry", str(registry),
                 "--warehouse", str(tmp_path / "wh")])
    out, err = capfd.readouterr()
    assert code == EXIT_FAILED
    assert err.splitlines() == [f"muster: run failed: {registry}:3: kind 'thinktank' of 'ISW' "
                                "is not one of government, military, official, media, think tank, "
                                "NGO, outlet, unknown"]
    assert not list((tmp_path / "wh").glob("*.parquet"))


def test_debug_shows_the_traceback(prefect_api, tmp_path, capfd):
    (tmp_path / "b.pdf").write_bytes(b"%PDF")
    code = main(["run", str(tmp_path / "b.pdf"), "--warehouse", str(tmp_path / "wh"), "--debug"])
    err = capfd.readouterr().err
    assert code == EXIT_FAILED
    assert "Traceback" in err and "NothingToIngest" in err
    assert err.splitlines()[-1].startswith("muster: run failed: no usable document")


def test_verbose_shows_prefects_task_log(prefect_api, tmp_path, capfd):
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert main(["run", str(tmp_path / "a.txt"), "--warehouse", str(tmp_path / "wh"), "-v"]) == 0
    err = capfd.readouterr().err
    assert "Task run 'extract_batch" in err
    assert "great_expectations" not in err


@pytest.mark.parametrize("flag", ["--batch-size", "--max-chars", "--max-figures"])
def test_a_bad_limit_is_a_usage_error(tmp_path, capsys, flag):
    assert main(["run", str(tmp_path), flag, "0"]) == EXIT_USAGE
    assert flag in capsys.readouterr().err


def test_unknown_commands_are_refused():
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == 2


def installed(args: list[str], tmp_path: Path, **env) -> subprocess.CompletedProcess:
    """The console script as a user runs it, with its own local Prefect server."""
    environ = {**os.environ, "MUSTER_SERVER_IDLE": "0", **env}  # no warm server left behind
    for key in ("PREFECT_API_URL", "PREFECT_HOME"):
        environ.pop(key, None)
    return subprocess.run([str(MUSTER), *args], capture_output=True, text=True, env=environ,
                          timeout=300, cwd=tmp_path)


def test_the_installed_command_names_a_missing_input_in_one_line(tmp_path):
    done = installed(["run", str(tmp_path / "nope.txt"), "--warehouse", str(tmp_path / "wh")],
                     tmp_path)
    assert done.returncode == EXIT_FAILED
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"muster: run failed: no usable document in {tmp_path / 'nope.txt'} "
        f"(skipped {tmp_path / 'nope.txt'}: no such file or directory)"]
    assert not (tmp_path / "wh").exists()  # said before anything started


def test_missing_inputs_are_named_at_once_but_one_present_input_runs(tmp_path, capsys):
    missing = [str(tmp_path / f"nope{i}") for i in range(2)]
    assert main(["run", *missing, "--warehouse", str(tmp_path / "wh")]) == EXIT_FAILED
    assert capsys.readouterr().err == (
        f"muster: run failed: no usable document in {missing[0]}, {missing[1]} (2 inputs skipped; "
        f"the first: {missing[0]}: no such file or directory)\n")
    from muster.records import all_missing

    assert all_missing([missing[0], str(tmp_path)]) is None
    assert all_missing([missing[0], "https://example.org/a.html"]) is None
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    assert all_missing([str(tmp_path / "dangling")]) is None  # the run names the broken link


def test_the_installed_command_is_quiet_on_success(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    done = installed(["run", str(tmp_path / "a.txt"), "--warehouse", str(tmp_path / "wh")], tmp_path)
    assert done.returncode == EXIT_OK, done.stderr
    assert done.stderr.splitlines() == [line for line in done.stderr.splitlines()
                                        if line.startswith(("read:", "cleaned:", "tabulated:"))]
    assert len(done.stdout.splitlines()) <= 12
    for noise in ("telemetry", "docs.prefect.io", "temporary", "Traceback", "INFO"):
        assert noise not in done.stdout + done.stderr
    assert (tmp_path / "wh" / "_state" / "prefect").is_dir()  # the warehouse's own Prefect home


@pytest.mark.slow
def test_a_second_run_reuses_the_warm_server_which_stops_when_idle(tmp_path):
    import json
    import time

    wh = tmp_path / "wh"
    record = wh / "_state" / "prefect" / "server.json"
    for i, text in enumerate([ARTICLE, ARTICLE.replace("1,200", "1,300")]):
        (tmp_path / f"a{i}.txt").write_text(text)
        done = installed(["run", str(tmp_path / f"a{i}.txt"), "--warehouse", str(wh), "--debug"],
                         tmp_path, MUSTER_SERVER_IDLE="10")
        assert done.returncode == EXIT_OK, done.stderr[-2000:]
        if i == 0:
            first = json.loads(record.read_text())
    assert "local Prefect server reused" in done.stderr
    assert json.loads(record.read_text()) == first
    deadline = time.monotonic() + 60
    while Path(f"/proc/{first['pid']}").exists() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not Path(f"/proc/{first['pid']}").exists(), "the idle server did not stop"


def test_version_prints_the_packages_version(capsys):
    from importlib.metadata import version

    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out == f"muster {version('muster')}\n"


def test_ui_is_a_command_that_checks_its_port(capsys):
    assert main(["ui", "--port", "70000"]) == EXIT_USAGE
    assert "--port must be between 1 and 65535" in capsys.readouterr().err
