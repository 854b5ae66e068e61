"""The `muster` command: run the pipeline on files, folders, URLs and feeds; query the published
tables with SQL; write the HTML report."""

from __future__ import annotations

import argparse
import os
import sys

from muster import paths
from muster.warehouse import PUBLISH_ORDER

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="muster", description=__doc__)
    commands = top.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="ingest, clean, tabulate, validate and publish")
    run.add_argument("inputs", nargs="+", metavar="INPUT",
                     help="files or folders of .txt, .md, .html and .jsonl articles, .warc files, "
                          "page or feed URLs, or .txt files listing URLs one a line")
    run.add_argument("--warehouse", default=str(paths.WAREHOUSE),
                     help="folder of the published tables (default: %(default)s)")
    run.add_argument("--registry", default=str(paths.REGISTRY),
                     help="source registry CSV (default: %(default)s)")
    run.add_argument("--batch-size", type=int, default=500,
                     help="documents per task (default: %(default)s)")
    run.add_argument("--allow-host", action="append", dest="allow_hosts", default=[], metavar="HOST",
                     help="a host name or address that may be fetched although it is private, "
                          "loopback or link-local (repeatable)")
    run.add_argument("--fetch-delay", type=float, default=1.0, metavar="SECONDS",
                     help="seconds between two requests to the same host (default: %(default)s)")
    sql = commands.add_parser("sql", help="query the published tables with DuckDB SQL")
    sql.add_argument("query", nargs="?", help="a SQL query; without one, an interactive shell opens "
                     "(tables are views named as the tables: documents, claims, sources, "
                     "claim_clusters, claim_flags)")
    sql.add_argument("--warehouse", default=str(paths.WAREHOUSE),
                     help="folder of the published tables (default: %(default)s)")
    sql.add_argument("--format", choices=("table", "csv", "json"), default="table",
                     help="how to print the result (default: %(default)s)")
    report = commands.add_parser("report", help="write a self-contained HTML report of the tables")
    report.add_argument("--warehouse", default=str(paths.WAREHOUSE),
                        help="folder of the published tables (default: %(default)s)")
    report.add_argument("--out", default="report.html",
                        help="the HTML file to write (default: %(default)s)")
    return top


def sql(args: argparse.Namespace) -> int:
    from muster.sql import command

    return command(args)


def report(args: argparse.Namespace) -> int:
    from muster.report import command

    return command(args)


def summary_lines(summary: dict) -> list[str]:
    """What a user wants to see after a run: counts, what was skipped, where the tables are."""
    stages = {row["stage"]: row for row in summary["stages"]}
    suites = summary["checks"]["suites"].values()
    passed, evaluated = sum(s["passed"] for s in suites), sum(s["evaluated"] for s in suites)
    lines = [
        f"documents read: {stages['ingest']['out']}, skipped: {stages['ingest']['set aside']}, "
        f"unchanged: {stages['select']['set aside']}, empty after cleaning: "
        f"{stages['clean']['set aside']}",
        f"figures found in new or changed documents: {stages['tabulate']['out']}",
        "claims per metric: " + ", ".join(
            f"{m['metric']} {m['claims']}" for m in summary["metrics"] if m["claims"]),
        f"checks passed: {passed} of {evaluated}",
    ]
    if summary.get("not_modified"):
        lines.append(f"web inputs unchanged since the last run: {summary['not_modified']}")
    lines += [f"skipped {s}" for s in summary["skipped"]]
    written = ", ".join(summary["written"]) or "none (nothing changed)"
    lines += [f"tables in {summary['warehouse']} (rewritten: {written}):",
              *(f"  {summary['warehouse']}{os.sep}{name}.parquet"
                for name in PUBLISH_ORDER)]
    return lines


def run(args: argparse.Namespace) -> int:
    from flows.pipeline import muster

    if args.batch_size < 1:
        print("muster: --batch-size must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    if not 0 <= args.fetch_delay <= 3600:
        print("muster: --fetch-delay must be between 0 and 3600 seconds", file=sys.stderr)
        return EXIT_USAGE
    state = muster(inputs=args.inputs, warehouse=args.warehouse, registry=args.registry,
                   batch_size=args.batch_size, allow_hosts=args.allow_hosts,
                   fetch_delay=args.fetch_delay, return_state=True)
    if not state.is_completed():
        try:
            state.result()
        except Exception as err:  # the flow's own exception: say it in one line
            print(f"muster: run failed: {err}", file=sys.stderr)
        return EXIT_FAILED
    print("\n".join(summary_lines(state.result())))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return {"run": run, "sql": sql, "report": report}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
