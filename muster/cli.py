"""The `muster` command: run the pipeline on files, folders, URLs and feeds; query the published
tables with SQL; say what a warehouse holds; write the HTML report; start the Prefect UI."""

from __future__ import annotations

import argparse
import os
import sys

from muster import paths

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2  # and 128 + the signal when stopped (130, 143)


def output_format(command: argparse.ArgumentParser, choices: tuple[str, ...], what: str) -> None:
    """`--format`, the first choice the default."""
    command.add_argument("--format", choices=choices, default=choices[0],
                         help=f"{what} (default: %(default)s)")


def parser() -> argparse.ArgumentParser:
    from muster import __version__

    warehouse = argparse.ArgumentParser(add_help=False)
    warehouse.add_argument("--warehouse", default=str(paths.WAREHOUSE),
                           help="folder of the published tables (default: %(default)s)")
    top = argparse.ArgumentParser(prog="muster", description=__doc__)
    top.add_argument("--version", action="version", version=f"muster {__version__}")
    commands = top.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", parents=[warehouse],
                              help="ingest, clean, tabulate, validate and publish")
    run.add_argument("inputs", nargs="+", metavar="INPUT",
                     help="files or folders of .txt, .md, .html and .jsonl articles, .warc files, "
                          "page or feed URLs, or .txt files listing URLs one a line")
    run.add_argument("--registry", default=str(paths.REGISTRY),
                     help="source registry CSV (default: %(default)s)")
    run.add_argument("--outlet", metavar="NAME",
                     help="the outlet of file inputs that name none themselves (no \"Source:\" "
                          "line, no outlet field, no outlet.txt in their folder)")
    run.add_argument("--batch-size", type=int, default=500,
                     help="documents per task (default: %(default)s)")
    run.add_argument("--allow-host", action="append", dest="allow_hosts", default=[], metavar="HOST",
                     help="a host name or address that may be fetched although it is private, "
                          "loopback or link-local (repeatable)")
    run.add_argument("--fetch-delay", type=float, default=1.0, metavar="SECONDS",
                     help="seconds between two requests to the same host (default: %(default)s)")
    run.add_argument("--max-chars", type=int, metavar="N",
                     help="most characters of text a document may have after cleaning; longer "
                          "ones are set aside (default: 2,000,000, or MUSTER_MAX_CHARS)")
    run.add_argument("--max-figures", type=int, metavar="N",
                     help="most figures one document may hold; documents with more are set "
                          "aside (default: 1,000, or MUSTER_MAX_FIGURES)")
    run.add_argument("--workers", type=int, metavar="N",
                     help="processes that clean and tabulate the batches (default: every core, "
                          "or MUSTER_WORKERS); 1 runs them in this process")
    run.add_argument("--dask-address", metavar="tcp://HOST:PORT",
                     help="clean and tabulate on the Dask cluster whose scheduler is there "
                          "(or MUSTER_DASK_ADDRESS); its workers need Muster installed")
    run.add_argument("--full", action="store_true",
                     help="recompute near-duplicates, clusters and flags over every stored row "
                          "(a run otherwise recomputes only what its documents touch)")
    run.add_argument("--keep-snapshots", type=int, metavar="N",
                     help="snapshots of the tables to keep in the warehouse's history "
                          "(default: 10, or MUSTER_KEEP_SNAPSHOTS)")
    run.add_argument("-v", "--verbose", action="store_true",
                     help="show Prefect's flow and task log as the run goes")
    run.add_argument("--debug", action="store_true",
                     help="show everything, tracebacks included (also MUSTER_DEBUG=1)")
    sql = commands.add_parser("sql", parents=[warehouse],
                              help="query the published tables with DuckDB SQL")
    sql.add_argument("query", nargs="?", help="a SQL query; without one, an interactive shell opens "
                     "(tables are views named as the tables: documents, claims, sources, "
                     "claim_clusters, claim_flags)")
    output_format(sql, ("table", "csv", "json"), "how to print the result")
    report = commands.add_parser("report", parents=[warehouse],
                                 help="write a self-contained HTML report of the tables")
    report.add_argument("--out", default=None,
                        help="the HTML file to write (default: report.html in the warehouse)")
    status = commands.add_parser("status", parents=[warehouse],
                                 help="what the warehouse holds and how its last run went")
    output_format(status, ("text", "json"), "how to print it")
    ui = commands.add_parser("ui", help="start a Prefect server and UI, deploy prefect.yaml, "
                                        "start a worker (what `make ui` does)")
    ui.add_argument("--port", type=int, default=4200,
                    help="port of the server and UI on 127.0.0.1 (default: %(default)s)")
    ui.add_argument("--logs", default=None,
                    help="folder for the server's log (default: a new temporary folder)")
    snaps = commands.add_parser("snapshots", parents=[warehouse],
                                help="list the kept snapshots of the tables")
    output_format(snaps, ("table", "json"), "how to print them")
    back = commands.add_parser("rollback", parents=[warehouse],
                               help="publish an earlier snapshot again, as a new one")
    back.add_argument("snapshot", metavar="SNAPSHOT",
                      help="a snapshot's id or number, as `muster snapshots` lists them")
    return top


def snapshots(args: argparse.Namespace) -> int:
    from muster.history import command_list

    return command_list(args)


def rollback(args: argparse.Namespace) -> int:
    from muster.history import command_rollback

    return command_rollback(args)


def sql(args: argparse.Namespace) -> int:
    from muster.sql import command

    return command(args)


def report(args: argparse.Namespace) -> int:
    from muster.report import command

    return command(args)


def status(args: argparse.Namespace) -> int:
    from muster.status import command

    return command(args)


def ui(args: argparse.Namespace) -> int:
    from muster.ui import main as ui_main

    return ui_main(["--port", str(args.port), *(["--logs", args.logs] if args.logs else [])])


def run(args: argparse.Namespace, argv: list[str]) -> int:
    """Check the arguments, then run the pipeline in a child process that Ctrl-C can stop
    (`muster.supervisor`), or in this one with MUSTER_IN_PROCESS=1."""
    if args.batch_size < 1:
        print("muster: --batch-size must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    if not 0 <= args.fetch_delay <= 3600:
        print("muster: --fetch-delay must be between 0 and 3600 seconds", file=sys.stderr)
        return EXIT_USAGE
    for flag, name in (("max_chars", "MUSTER_MAX_CHARS"), ("max_figures", "MUSTER_MAX_FIGURES"),
                       ("keep_snapshots", "MUSTER_KEEP_SNAPSHOTS"), ("workers", "MUSTER_WORKERS")):
        value = getattr(args, flag)
        if value is not None:
            if value < 1:
                print(f"muster: --{flag.replace('_', '-')} must be at least 1", file=sys.stderr)
                return EXIT_USAGE
            os.environ[name] = str(value)
    if args.dask_address is not None:
        if "://" not in args.dask_address:
            print("muster: --dask-address must look like tcp://HOST:PORT", file=sys.stderr)
            return EXIT_USAGE
        os.environ["MUSTER_DASK_ADDRESS"] = args.dask_address
    from muster.records import all_missing, nothing_usable

    if missing := all_missing(args.inputs):  # said at once, before any library or server starts
        print(f"muster: run failed: {nothing_usable(args.inputs, missing)}", file=sys.stderr)
        return EXIT_FAILED
    if os.environ.get("MUSTER_IN_PROCESS") == "1":
        from muster import runner

        return runner.run(args)
    from muster.supervisor import supervise

    return supervise(argv[argv.index("run") + 1:], args.warehouse)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = parser().parse_args(argv)
    if args.command == "run":
        return run(args, argv)
    return {"sql": sql, "report": report, "status": status, "ui": ui, "snapshots": snapshots,
            "rollback": rollback}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
