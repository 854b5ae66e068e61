"""Issue 11's bar, run as a user would run it: the installed `muster` command on inputs this
script writes, each run timed and checked. It prints one line per check and a last line
`N passed, N failed`; it exits non-zero when a check failed.

    .venv/bin/python benchmarks/probe_runs.py [--only NAME ...] [--keep DIR]

Checks (names for --only):
  bad-inputs   one run per group of hostile inputs beside good articles, on one warehouse seeded
               by an earlier run: deep JSON, a 5,000-digit integer, a lone surrogate, empty HTML,
               wrong JSON types, broken, empty, whitespace and byte-order-mark JSONL, undecodable
               file names, symlink loops and dangling links, an HTML attribute bomb, 100,000
               paragraphs, a 20 MB line, 400-digit and 300-group figures, "$1,271.2",
               "27,349.19" and "$64.8million to $45.1million": each run exits 0 within 150 s,
               publishes its good articles, keeps the rows published before, and names every
               bad input in its summary or under _rejected/
  missing      a missing input: exit 1, at most 3 lines, no traceback
  demo         the demo run (data/demo/articles): at most 25 lines
  trickle      a page whose server sends its headers a byte a second: the run ends within 90 s
  in-a-row     20 one-document runs in a row on one warehouse: 0 failures
  pairs        5 pairs of one-document runs at once, on different warehouses: 0 failures
  sigint       SIGINT to the run's process group 45 s into a 20,000-document run: stopped
               within 10 s, exit 130, the tables published before unchanged
Every server it starts listens on 127.0.0.1 only and stops by itself.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUSTER = str(Path(sys.executable).with_name("muster"))
RUN_LIMIT = 150.0
RESULTS: list[tuple[str, bool, str]] = []

# Good articles, written for this probe; each figure is unique, so its claim can be found.
GOOD = "The regional governor said {n:,} volunteers signed army contracts in March 2024.\n"


def check(name: str, ok: bool, detail: str) -> bool:
    RESULTS.append((name, ok, detail))
    print(f"{'ok  ' if ok else 'FAIL'} {name}: {detail}", flush=True)
    return ok


def environment(**extra: str) -> dict[str, str]:
    env = {**os.environ, "GX_ANALYTICS_ENABLED": "false", "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "DO_NOT_TRACK": "1", **extra}
    for key in ("PREFECT_API_URL", "PREFECT_HOME", "MUSTER_IN_PROCESS"):
        env.pop(key, None)
    return env


def muster(args: list, timeout: float = 600, **env: str) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    try:
        done = subprocess.run([MUSTER, *map(os.fsdecode, args)], capture_output=True, text=True,
                              env=environment(**env), timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired as err:
        done = subprocess.CompletedProcess(err.cmd, -9, err.stdout or "", err.stderr or "")
    return done, time.monotonic() - started


def stop_warm_server(warehouse: Path) -> None:
    try:
        pid = json.loads((warehouse / "_state" / "prefect" / "server.json").read_text())["pid"]
        os.kill(pid, signal.SIGTERM)
    except (OSError, ValueError, KeyError):
        pass


def claim_values(warehouse: Path) -> set[float]:
    import pyarrow.parquet as pq

    path = warehouse / "claims.parquet"
    return set(pq.read_table(path, columns=["value"]).column("value").to_pylist()) if path.exists() else set()


def document_texts(warehouse: Path) -> set[str]:
    import pyarrow.parquet as pq

    path = warehouse / "documents.parquet"
    if not path.exists():
        return set()
    return {t.strip() for t in pq.read_table(path, columns=["text"]).column("text").to_pylist() if t}


def digest(warehouse: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(warehouse.glob("*.parquet"))}


# --- bad inputs ---------------------------------------------------------------------------------

def bad_groups() -> dict[str, dict[bytes, bytes]]:
    """Groups of hostile inputs (file name -> content), one run each."""
    figure = "The ministry said it spent {} on recruitment.\n"
    return {
        "reading": {
            b"deep.jsonl": b"[" * 100_000 + b"\n",
            b"huge-int.jsonl": b'{"text": "x", "n": ' + b"9" * 5000 + b"}\n",
            b"surrogate.jsonl": b'{"text": "5,000 joined \\ud800"}\n',
            b"empty-html.jsonl": b'{"html": ""}\n',
            b"wrong-type.jsonl": b'{"text": ["a", "b"]}\n{"text": true}\n',
            b"broken.jsonl": b'{"text": "Some 40 people left."\n{not json\n',
            b"empty.jsonl": b"",
            b"blank.jsonl": b"  \n\t\n",
            b"bom.jsonl": b"\xef\xbb\xbf",
        },
        "names-and-links": {
            b"bad-name-\xff\xfe.txt": GOOD.format(n=4444).encode(),
            b"loop-a": b"->loop-b",
            b"loop-b": b"->loop-a",
            b"dangling": b"->nowhere",
        },
        "figures": {
            b"digits400.txt": figure.format("9" * 400).encode(),
            b"groups300.txt": figure.format("1" + ",000" * 300).encode(),
            b"dollars.txt": figure.format("$1,271.2").encode(),
            b"decimals.txt": figure.format("27,349.19").encode(),
            b"range.txt": figure.format("$64.8million to $45.1million").encode(),
        },
        "html-bombs": {
            b"attributes.html": b"<html><body><p " + b" ".join(b'a%d="x"' % i for i in range(200_000))
                                + b"></p></body></html>",
            b"paragraphs.html": b"<html><body>" + b"<p>Officials said 5,000 men joined.</p>" * 100_000
                                + b"</body></html>",
        },
        "text-bombs": {
            b"line.txt": b"Officials said 5,000 men joined. " * 610_000,  # 20 MB, one line
            b"numbers.txt": b" ".join([b"5,000"] * 200_000) + b"\n",
        },
    }


def write_group(folder: Path, files: dict[bytes, bytes]) -> None:
    for name, content in files.items():
        path = os.path.join(os.fsencode(folder), name)
        if content.startswith(b"->"):
            os.symlink(os.path.join(os.fsencode(folder), content[2:]), path)
        else:
            with open(path, "wb") as out:
                out.write(content)


def named(name: bytes, text: str) -> bool:
    """Whether a message names the file, in any of the forms a name can be printed in."""
    forms = {os.fsdecode(name), name.decode("utf-8", "backslashreplace"),
             re.sub(r"[^\x20-\x7e]", "", name.decode("utf-8", "ignore"))}
    return any(form in text for form in forms)


def probe_bad_inputs(tmp: Path) -> None:
    warehouse = tmp / "wh-bad"
    seed = tmp / "seed.txt"
    seed.write_text(GOOD.format(n=1111))
    done, seconds = muster(["run", seed, "--warehouse", warehouse])
    if not check("bad-inputs: seed run", done.returncode == 0, f"exit {done.returncode} in {seconds:.0f} s"):
        print(done.stderr[-1500:])
        return
    published = claim_values(warehouse)
    for i, (group, files) in enumerate(bad_groups().items()):
        folder = tmp / f"in-{group}"
        folder.mkdir()
        goods = [2000 + 10 * i, 2001 + 10 * i]
        for n in goods:
            (folder / f"good-{n}.txt").write_text(GOOD.format(n=n))
        write_group(folder, files)
        done, seconds = muster(["run", folder, "--warehouse", warehouse], timeout=RUN_LIMIT + 30)
        values = claim_values(warehouse)
        output = done.stdout + done.stderr
        rejected = "".join(p.read_text(errors="replace") for p in (warehouse / "_rejected").glob("*.jsonl")) \
            if (warehouse / "_rejected").is_dir() else ""
        texts = document_texts(warehouse)
        unnamed = [os.fsdecode(n) for n, content in files.items() if not named(n, output + rejected)
                   and content.decode("utf-8", "replace").strip() not in texts]  # published, or named
        lost = published - values
        ok = (done.returncode == 0 and seconds <= RUN_LIMIT and set(goods) <= values and not lost
              and not unnamed and "Traceback" not in output)
        check(f"bad-inputs: {group}", ok,
              f"exit {done.returncode} in {seconds:.0f} s; good articles published: "
              f"{set(goods) <= values}; rows lost: {len(lost)}; inputs without a message: "
              f"{unnamed or 'none'}")
        if not ok:
            print(output[-2500:])
        published = values
    stop_warm_server(warehouse)


# --- messages -------------------------------------------------------------------------------------

def probe_missing(tmp: Path) -> None:
    done, seconds = muster(["run", tmp / "nope.txt", "--warehouse", tmp / "wh-missing"])
    lines = (done.stdout + done.stderr).splitlines()
    check("missing", done.returncode == 1 and len(lines) <= 3 and "Traceback" not in done.stderr,
          f"exit {done.returncode}, {len(lines)} line(s) in {seconds:.1f} s: {lines[:1]}")


def probe_demo(tmp: Path) -> None:
    warehouse = tmp / "wh-demo"
    done, seconds = muster(["run", ROOT / "data" / "demo" / "articles", "--warehouse", warehouse])
    lines = (done.stdout + done.stderr).splitlines()
    check("demo", done.returncode == 0 and len(lines) <= 25,
          f"exit {done.returncode}, {len(lines)} lines printed in {seconds:.0f} s")
    stop_warm_server(warehouse)


# --- a server that trickles its headers --------------------------------------------------------

def trickling_server(seconds: float = 200.0) -> tuple[int, threading.Event]:
    """A server on 127.0.0.1 that answers every request a header byte a second, for at most
    `seconds`; it stops by itself."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(1.0)
    stop = threading.Event()
    deadline = time.monotonic() + seconds

    def answer(conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            try:
                conn.recv(65536)
                for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: " + b"a" * 1000:
                    if stop.is_set() or time.monotonic() > deadline:
                        return
                    conn.sendall(bytes([byte]))
                    time.sleep(1.0)
            except OSError:
                return

    def serve() -> None:
        with listener:
            while not stop.is_set() and time.monotonic() < deadline:
                try:
                    conn, _ = listener.accept()
                except OSError:
                    continue
                threading.Thread(target=answer, args=(conn,), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    return listener.getsockname()[1], stop


def probe_trickle(tmp: Path) -> None:
    port, stop = trickling_server()
    good = tmp / "trickle-good.txt"
    good.write_text(GOOD.format(n=3333))
    warehouse = tmp / "wh-trickle"
    try:
        done, seconds = muster(["run", f"http://127.0.0.1:{port}/slow-headers.html", good,
                                "--warehouse", warehouse, "--allow-host", "127.0.0.1",
                                "--fetch-delay", "0"], timeout=200)
    finally:
        stop.set()
    skipped = [line for line in done.stdout.splitlines() if "slow-headers" in line]
    check("trickle", done.returncode == 0 and seconds <= 90 and 3333.0 in claim_values(warehouse),
          f"exit {done.returncode} in {seconds:.0f} s; {skipped[:1]}")
    stop_warm_server(warehouse)


# --- many runs ------------------------------------------------------------------------------------

def probe_in_a_row(tmp: Path, count: int = 20) -> None:
    warehouse = tmp / "wh-row"
    failures, times = [], []
    for i in range(count):
        doc = tmp / f"row-{i}.txt"
        doc.write_text(GOOD.format(n=5000 + i))
        done, seconds = muster(["run", doc, "--warehouse", warehouse])
        times.append(seconds)
        if done.returncode != 0:
            failures.append(f"run {i + 1}: exit {done.returncode}: {done.stderr.strip()[-300:]}")
    stop_warm_server(warehouse)
    check("in-a-row", not failures, f"{count} runs, {len(failures)} failures; first {times[0]:.0f} s, "
          f"then median {sorted(times[1:])[len(times[1:]) // 2]:.0f} s, slowest {max(times):.0f} s"
          + (f"; {failures[0]}" if failures else ""))


def probe_pairs(tmp: Path, rounds: int = 5) -> None:
    failures, times = [], []
    for r in range(rounds):
        procs = []
        for side in range(2):
            doc = tmp / f"pair-{r}-{side}.txt"
            doc.write_text(GOOD.format(n=6000 + 10 * r + side))
            warehouse = tmp / f"wh-pair-{r}-{side}"
            procs.append((warehouse, time.monotonic(), subprocess.Popen(
                [MUSTER, "run", str(doc), "--warehouse", str(warehouse)], env=environment(),
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)))
        for warehouse, started, proc in procs:
            try:
                _, err = proc.communicate(timeout=600)
            except subprocess.TimeoutExpired:
                proc.kill()
                _, err = proc.communicate()
            times.append(time.monotonic() - started)
            if proc.returncode != 0:
                failures.append(f"exit {proc.returncode}: {err.strip()[-300:]}")
            stop_warm_server(warehouse)
    check("pairs", not failures, f"{rounds} pairs, {len(failures)} failures; slowest run "
          f"{max(times):.0f} s" + (f"; {failures[0]}" if failures else ""))


# --- Ctrl-C -----------------------------------------------------------------------------------------

def probe_sigint(tmp: Path, docs: int = 20_000, after: float = 45.0) -> None:
    warehouse = tmp / "wh-sigint"
    seed = tmp / "sigint-seed.txt"
    seed.write_text(GOOD.format(n=7777))
    done, _ = muster(["run", seed, "--warehouse", warehouse], MUSTER_SERVER_IDLE="0")
    if not check("sigint: seed run", done.returncode == 0, f"exit {done.returncode}"):
        return
    before = digest(warehouse)
    corpus = tmp / "many.jsonl"
    sentences = ["Officials said {n:,} men joined the army in {m}.", "The governor said {n:,} "
                 "volunteers left for the front.", "About {n:,} recruits signed contracts, the "
                 "ministry said."]
    with corpus.open("w") as out:
        for i in range(docs):
            text = " ".join(s.format(n=100 + i + k, m="May") for k, s in enumerate(sentences))
            out.write(json.dumps({"id": f"d{i}", "text": text * 5}) + "\n")
    run = subprocess.Popen([MUSTER, "run", str(corpus), "--warehouse", str(warehouse)],
                           env=environment(MUSTER_SERVER_IDLE="0"), stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, start_new_session=True, cwd=ROOT)
    time.sleep(after)
    if run.poll() is not None:
        check("sigint", False, f"the run had ended before {after:.0f} s (exit {run.returncode})")
        return
    sent = time.monotonic()
    os.killpg(run.pid, signal.SIGINT)
    try:
        _, err = run.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)
        _, err = run.communicate()
    seconds = time.monotonic() - sent
    last = err.strip().splitlines()[-1] if err.strip() else ""
    unchanged = digest(warehouse) == before
    check("sigint", run.returncode == 130 and seconds <= 10 and unchanged,
          f"stopped {seconds:.1f} s after SIGINT, exit {run.returncode}, tables unchanged: "
          f"{unchanged}; {last!r}")


PROBES = {"bad-inputs": probe_bad_inputs, "missing": probe_missing, "demo": probe_demo,
          "trickle": probe_trickle, "in-a-row": probe_in_a_row, "pairs": probe_pairs,
          "sigint": probe_sigint}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=PROBES, default=list(PROBES))
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="muster-probe-") as scratch:
        tmp = args.keep or Path(scratch)
        tmp.mkdir(parents=True, exist_ok=True)
        for name in args.only:
            load = os.getloadavg()[0]
            t = time.monotonic()
            PROBES[name](tmp)
            print(f"     ({name}: {time.monotonic() - t:.0f} s, load average {load:.1f} at the start)",
                  flush=True)
    passed = sum(ok for _, ok, _ in RESULTS)
    print(f"probe took {time.monotonic() - started:.0f} s")
    print(f"{passed} passed, {len(RESULTS) - passed} failed")
    return 0 if passed == len(RESULTS) else 1


if __name__ == "__main__":
    sys.exit(main())
