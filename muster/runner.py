"""One `muster run`, in the process that does the work: set Prefect up, run the flow, say how it
went in a summary or in one line.

`muster.supervisor` starts this module as a child process (`python -m muster.runner run ...`)
and stops it on Ctrl-C; with MUSTER_IN_PROCESS=1 the command runs it in its own process instead
(tests do, under Prefect's test harness). The environment is set before Prefect is imported:
Prefect's console log is off unless asked for (-v, --debug), analytics are off, and without
PREFECT_API_URL the temporary Prefect server keeps its database in the warehouse
(`<warehouse>/_state/prefect`), so runs on different warehouses never share one and a run on
the same warehouse is refused by the warehouse lock before Prefect starts.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
PREFECT_STATE = Path("_state") / "prefect"
QUIET_ENV = {
    "GX_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
}


def debugging(args: argparse.Namespace | None = None) -> bool:
    return bool(getattr(args, "debug", False)) or os.environ.get("MUSTER_DEBUG", "") not in ("", "0")


def configure(args: argparse.Namespace, environ=os.environ) -> None:
    """The environment of a run, before Prefect is imported."""
    for key, value in QUIET_ENV.items():
        environ.setdefault(key, value)
    level = "DEBUG" if debugging(args) else "INFO" if args.verbose else "CRITICAL"
    environ["PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL"] = level
    if not environ.get("PREFECT_API_URL") and not environ.get("PREFECT_HOME"):
        home = Path(args.warehouse).resolve() / PREFECT_STATE
        home.mkdir(parents=True, exist_ok=True)
        environ["PREFECT_HOME"] = str(home)


def quiet_libraries(args: argparse.Namespace) -> None:
    """Libraries that log at INFO on their own (GX's temporary folder) or warn about their
    internals are heard only with --debug."""
    import logging
    import warnings

    if debugging(args):
        return
    warnings.simplefilter("ignore")
    chatter = ("great_expectations", "trafilatura", "htmldate", "courlan")

    def heard(record: logging.LogRecord) -> bool:
        return record.levelno >= logging.ERROR or not record.name.startswith(chatter)

    for handler in logging.getLogger().handlers:  # Prefect's console handler, once configured
        handler.addFilter(heard)


def summary_lines(summary: dict) -> list[str]:
    """What a user wants to see after a run: counts, what was set aside, where the tables are."""
    from muster.warehouse import PUBLISH_ORDER

    stages = {row["stage"]: row for row in summary["stages"]}
    suites = summary["checks"]["suites"].values()
    passed, evaluated = sum(s["passed"] for s in suites), sum(s["evaluated"] for s in suites)
    aside = summary.get("set_aside", {})
    lines = [
        f"documents read: {stages['ingest']['out']}, skipped: {stages['ingest']['set aside']}, "
        f"unchanged: {stages['select']['set aside']}, set aside in cleaning: "
        f"{stages['clean']['set aside']}, in tabulating: {aside.get('tabulate', 0)}",
        f"figures found in new or changed documents: {stages['tabulate']['out']}"
        + (f" ({aside['check']} records set aside before the checks)" if aside.get("check") else ""),
        "claims per metric: " + (", ".join(
            f"{m['metric']} {m['claims']}" for m in summary["metrics"] if m["claims"]) or "none"),
        f"checks passed: {passed} of {evaluated}"
        + (f" (report: {summary['validation_report']})" if summary.get("validation_report") else ""),
    ]
    if summary.get("not_modified"):
        lines.append(f"web inputs unchanged since the last run: {summary['not_modified']}")
    lines += [f"skipped {s}" for s in summary["skipped"]]
    written = ", ".join(summary["written"]) or "none (nothing changed)"
    lines += [f"tables in {summary['warehouse']} (rewritten: {written}):",
              *(f"  {summary['warehouse']}{os.sep}{name}.parquet" for name in PUBLISH_ORDER)]
    if summary["skipped"]:
        lines.append(f"what was set aside, and why: {summary['warehouse']}{os.sep}_rejected{os.sep}")
    return lines


def failure_line(err: BaseException) -> str:
    """One line for a failed run: the flow's own reason, without Prefect's wrapping."""
    text = " ".join(str(err).split()) or type(err).__name__
    return f"muster: run failed: {text}"


def _warm_up() -> None:
    """Build the expectation suites while the flow reads and cleans (GX's import alone takes
    seconds); a failure here is left for the validate step to report."""
    import threading

    def build():
        try:
            from expectations.gate import _validation_definitions

            _validation_definitions()
        except Exception:
            pass

    threading.Thread(target=build, name="muster-warm-up", daemon=True).start()


def _drain_prefect(timeout: float = 10.0) -> None:
    """Send what Prefect still holds (logs, events) to the server before it is stopped."""
    try:
        from prefect._internal.concurrency.services import _QueueServiceBase

        _QueueServiceBase.drain_all(timeout=timeout)
    except Exception:
        pass


def run(args: argparse.Namespace) -> int:
    """Run the pipeline in this process; print the summary, or one line on failure."""
    import time

    from muster.locking import WarehouseBusy, warehouse_lock
    from muster.orchestrator import LocalServer

    debug = debugging(args)
    started = time.monotonic()

    def timing(what: str) -> None:  # with --debug: where a run's time goes
        if debug:
            print(f"muster: debug: {what} at {time.monotonic() - started:.2f} s", file=sys.stderr)
    server = None
    try:
        with warehouse_lock(args.warehouse):
            if not os.environ.get("PREFECT_API_URL") and "prefect" not in sys.modules:
                server = LocalServer(os.environ.get("PREFECT_HOME") or Path(args.warehouse)
                                     / PREFECT_STATE).attach_or_start()
                server.keep_alive()
                os.environ["PREFECT_API_URL"] = server.api_url
            from flows.pipeline import muster
            from muster import progress

            quiet_libraries(args)
            timing("libraries imported")
            _warm_up()
            if server is not None:
                server.wait_ready()
                timing(f"local Prefect server {'reused' if server.reused else 'ready'} on "
                       f"{server.api_url}")
            progress.start(None if args.verbose or debug else
                           "live" if sys.stderr.isatty() else "lines")
            try:
                state = muster(inputs=args.inputs, warehouse=args.warehouse, registry=args.registry,
                               batch_size=args.batch_size, allow_hosts=args.allow_hosts,
                               fetch_delay=args.fetch_delay, outlet=args.outlet,
                               full=getattr(args, "full", False), return_state=True)
            finally:
                progress.stop()
            timing(f"flow run ended {state.type.value.lower()}")
            if not state.is_completed():
                try:
                    state.result()
                except Exception as err:  # the flow's own exception: say it in one line
                    if debug:
                        traceback.print_exception(err)
                    print(failure_line(err), file=sys.stderr)
                    return EXIT_FAILED
                print(f"muster: run failed: the flow ended {state.type.value.lower()}"
                      f"{f' ({state.message})' if state.message else ''}", file=sys.stderr)
                return EXIT_FAILED
            summary = state.result()
    except WarehouseBusy as err:
        print(failure_line(err), file=sys.stderr)
        return EXIT_FAILED
    except Exception as err:  # the orchestrator or the environment, not the data
        if debug:
            traceback.print_exception(err)
        print(failure_line(err), file=sys.stderr)
        return EXIT_FAILED
    finally:
        if server is not None:
            _drain_prefect()
            timing("logs and events sent")
            server.release()
            timing("local Prefect server released")
    print("\n".join(summary_lines(summary)), flush=True)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """The child process of `muster run`: the same arguments as the command."""
    from muster.cli import parser

    args = parser().parse_args(argv)
    configure(args)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
