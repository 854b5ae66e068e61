"""Time each pipeline stage on a generated corpus; print documents per second and peak memory.

The corpus is the demo corpus repeated until it holds --docs documents (each copy with its own
URL, so each is a distinct document), written as one JSONL file so ingestion reads real input.
Stages are timed by calling the same functions the Prefect tasks call, one batch at a time, so
the figures measure Muster's work, not the orchestrator's; --flow also times one whole `muster`
flow run on the same corpus, Prefect included.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

import pandas as pd

from muster import paths, readers, warehouse
from muster.fingerprint import extractor_version
from transforms.attribution.sources import source_index
from transforms.batches import batches
from transforms.claims import claims
from transforms.cleaning.cleaning import cleaned_documents
from transforms.cleaning.publication import with_run


def _text(value) -> str | None:
    """A field as JSON wants it: a string, or nothing (pandas reads a missing one as NaN)."""
    return value if isinstance(value, str) and value else None


def generated_corpus(target: Path, n_docs: int, first: int = 0, seeds: list[Path] | None = None) -> Path:
    """The demo corpus (or the `seeds` inputs, such as the real articles of ../shared/corpus),
    repeated to n_docs records (numbered from `first`), as JSONL."""
    demo, _ = readers.read_inputs(seeds or [paths.DEMO_CORPUS])
    seeds = demo.to_dict("records")
    with target.open("w", encoding="utf-8") as out:
        for i in range(first, first + n_docs):
            seed = seeds[i % len(seeds)]
            field = "html" if seed["is_html"] else "text"
            content = seed["content"]  # a sentence of its own, so that no two copies are equal
            tail = f"Officials said {1000 + i:,} more men signed contracts that week."
            content = (content.replace("</body>", f"<p>{tail}</p></body>", 1) if seed["is_html"]
                       else f"{content}\n\n{tail}\n")
            out.write(json.dumps({
                "id": f"bench-{i}", "url": f"https://example.org/bench/{i}",
                "outlet": _text(seed["outlet"]) or "example.org", "published": _text(seed["published"]),
                field: content}) + "\n")
    return target


def peak_mib(who: int = resource.RUSAGE_SELF) -> float:
    """Peak RSS of this process (or, RUSAGE_CHILDREN, of its largest ended child)."""
    return resource.getrusage(who).ru_maxrss / 1024


def timed(name: str, n_docs: int, results: list, fn, *args):
    start = time.perf_counter()
    out = fn(*args)
    seconds = time.perf_counter() - start
    results.append({"stage": name, "docs": n_docs, "seconds": round(seconds, 2),
                    "docs_per_s": round(n_docs / seconds, 1), "peak_rss_mib": round(peak_mib())})
    return out


def run_stages(corpus: Path, batch_size: int) -> list[dict]:
    results: list[dict] = []
    raw, _ = timed("ingest", 0, results, readers.read_inputs, [corpus])
    n = len(raw)
    results[-1].update(docs=n, docs_per_s=round(n / results[-1]["seconds"], 1))
    parts = batches(raw, batch_size)
    docs = timed("clean", n, results, lambda: pd.concat(
        [cleaned_documents(b)[0] for b in parts], ignore_index=True))
    registry = readers.read_registry(paths.REGISTRY)
    version = extractor_version(paths.REGISTRY)
    index = source_index(registry)
    found = timed("tabulate", n, results, lambda: pd.concat(
        [claims(b, index, version) for b in batches(docs, batch_size)], ignore_index=True))
    docs = with_run(docs, "bench", pd.Timestamp.now(tz="UTC").to_pydatetime())
    rates = readers.read_rates(paths.RATES)
    from expectations.gate import validate
    from muster import store
    from muster.report import render

    with tempfile.TemporaryDirectory() as folder:
        staged = timed("stage (copies, clusters, flags)", n, results, store.stage, folder, docs,
                       found, registry, rates)
        result = timed("validate", n, results, validate, staged.tables, None, staged.lookups or None)
        timed("publish", n, results, store.publish, staged, folder)
        tables = warehouse.read_published(folder)
    html = timed("report", n, results, render, tables, "bench")
    print(f"claims: {len(found)}; clusters: {len(tables['claim_clusters'])}; flags: "
          f"{len(tables['claim_flags'])}; report: {len(html) / 2**20:.1f} MiB; "
          f"validation passed: {result.success}")
    return results


DEV = paths.ROOT.parent / "shared" / "corpus" / "dev.jsonl"


def extraction_on_dev(rounds: int = 5) -> dict | None:
    """The extraction stage (documents -> claims) on the 41 real dev articles, in documents per
    CPU-second: the figure the extraction issue measures its speed by."""
    if not DEV.exists():
        return None
    raw, _ = readers.read_inputs([DEV])
    docs, _ = cleaned_documents(raw)
    index = source_index(readers.read_registry(paths.REGISTRY))
    version = extractor_version(paths.REGISTRY)
    claims(docs, index, version)  # warm: compiled patterns, weights
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        claims(docs, index, version)
        best = min(best, time.process_time() - start)
    return {"stage": "extraction on the dev articles (per CPU-second)", "docs": len(docs),
            "seconds": round(best, 3), "docs_per_s": round(len(docs) / best, 1)}


def cpu_seconds() -> float:
    """CPU time of this process and of its ended children (the pool's worker processes)."""
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                         resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class ChildPeaks:
    """Peak RSS of this process's children while the block runs, sampled every 0.2 s and told
    apart by what they run: the pool's worker processes and Prefect's temporary server
    (`RUSAGE_CHILDREN` gives only the largest child that has ended, whichever it was)."""

    KINDS = {"worker": "multiprocessing.spawn", "server": "uvicorn"}

    def __enter__(self):
        import threading

        self.peaks = dict.fromkeys(self.KINDS, 0.0)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        import psutil

        me = psutil.Process()
        while not self._stop.wait(0.2):
            for child in me.children(recursive=True):
                try:
                    command, rss = " ".join(child.cmdline()), child.memory_info().rss / 2**20
                except psutil.Error:
                    continue
                for kind, marker in self.KINDS.items():
                    if marker in command:
                        self.peaks[kind] = max(self.peaks[kind], rss)

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def flow_cost(corpus: Path, folder: str, batch_size: int, workers: int | None) -> tuple:
    """(documents, wall seconds, CPU-seconds) of one whole flow run into `folder`."""
    from flows.pipeline import muster

    start, cpu = time.perf_counter(), cpu_seconds()
    summary = muster(inputs=[str(corpus)], warehouse=folder, batch_size=batch_size, workers=workers)
    return summary["stages"][0]["out"], time.perf_counter() - start, cpu_seconds() - cpu


def run_flow(corpus: Path, batch_size: int, workers: int | None = None,
             new: Path | None = None) -> list[dict]:
    """One whole flow run: documents per second and per CPU-second, and the cores it kept busy
    (CPU-seconds over wall seconds, its worker processes included); with `new`, also the CPU
    of a run of those documents on top of the warehouse it built, against on an empty one."""
    with tempfile.TemporaryDirectory() as folder:
        with ChildPeaks() as children:
            n, seconds, cpu = flow_cost(corpus, folder, batch_size, workers)
        results = [{"stage": f"whole flow (Prefect), workers={workers or 'every core'}", "docs": n,
                    "seconds": round(seconds, 2), "docs_per_s": round(n / seconds, 1),
                    "docs_per_cpu_s": round(n / cpu, 1), "cores_busy": round(cpu / seconds, 2),
                    "peak_rss_mib": round(peak_mib()),
                    "worker_peak_rss_mib": round(children.peaks["worker"]),
                    "server_peak_rss_mib": round(children.peaks["server"])}]
        if new is not None:
            k, on_top_s, on_top = flow_cost(new, folder, batch_size, workers)
            with tempfile.TemporaryDirectory() as empty:
                flow_cost(new, empty, batch_size, workers)  # warm: the first small run pays imports
            with tempfile.TemporaryDirectory() as empty:
                _, alone_s, alone = flow_cost(new, empty, batch_size, workers)
            results.append({"stage": f"{k} new documents on the {n:,}-document warehouse",
                            "docs": k, "seconds": round(on_top_s, 2), "cpu_s": round(on_top, 2),
                            "cpu_s_on_empty": round(alone, 2),
                            "ratio": round(on_top / alone, 2)})
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--flow", action="store_true", help="also time a whole flow run")
    parser.add_argument("--workers", default="",
                        help="with --flow: comma-separated worker counts, one flow run each "
                             "(default: every core)")
    parser.add_argument("--new", type=int, default=100,
                        help="with --flow: documents of a run on top of the built warehouse")
    parser.add_argument("--seeds", type=Path, nargs="+",
                        help="inputs the corpus repeats (default: the demo corpus)")
    parser.add_argument("--no-stages", action="store_true",
                        help="time only the whole flow, so that its peak RSS is its own")
    parser.add_argument("--out", type=Path, default=paths.DATA / "bench")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    corpus = generated_corpus(args.out / "corpus.jsonl", args.docs, seeds=args.seeds)
    results = [] if args.no_stages else run_stages(corpus, args.batch_size)
    dev = None if args.no_stages else extraction_on_dev()
    if dev:
        results.append(dev)
    if args.flow:
        new = generated_corpus(args.out / "new.jsonl", args.new, first=args.docs, seeds=args.seeds)
        for n, workers in enumerate([int(w) for w in args.workers.split(",") if w.strip()] or [None]):
            results += run_flow(corpus, args.batch_size, workers, new if n == 0 else None)
    print(pd.DataFrame(results).to_string(index=False))
    (args.out / "results.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
