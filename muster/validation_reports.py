"""Validation reports that last: every run's gate result in `<warehouse>/_validation/`.

Each run, passed or failed, leaves two files named for when it ran and which run it was
(`<time>-<run name>`, as its `_rejected/` and `_quarantine/` entries are): a JSON file for
scripts and an HTML page for people, which opens offline (inline CSS, no script, nothing
loaded from elsewhere). Both hold each suite, each expectation with its result and, when it
failed, how many rows broke it and a few of them.

This module reads and writes files only; it takes the gate's result as the dict
`expectations.report.GateResult.to_dict` gives, so that reading a report (`muster status`,
`muster report`) never imports Great Expectations.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

VALIDATION = "_validation"


@dataclass(frozen=True)
class Report:
    """Where one run's validation report is, and what it says in one word."""

    json: Path
    html: Path
    name: str  # <time>-<run name>
    success: bool | None
    run_id: str | None

    def verdict(self) -> str:
        return {True: "passed", False: "failed"}.get(self.success, "unknown")


def folder(warehouse: str | Path) -> Path:
    return Path(warehouse) / VALIDATION


def report_data(result: dict, *, name: str, run_id: str = "", rejected: list[dict] = (),
                now: datetime | None = None) -> dict:
    """What a report holds: the gate's result, which run it was, and what the run set aside."""
    suites = {}
    for table, counts in result.get("suites", {}).items():
        suites[table] = {**counts, "expectations": result.get("expectations", {}).get(table, [])}
    return {
        "name": name,
        "run_id": run_id,
        "written_at": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
        "success": bool(result.get("success")),
        "today": result.get("today"),
        "suites": suites,
        "failures": result.get("failures", []),
        "rejected": [{k: r.get(k) for k in ("stage", "source", "reason")} for r in rejected],
    }


def html_text(data: dict) -> str:
    """The report as one self-contained HTML page."""
    from muster.templating import environment

    return environment().get_template("validation.html.j2").render(report=data)


def write(result: dict, warehouse: str | Path, name: str, run_id: str = "",
          rejected: list[dict] = (), now: datetime | None = None) -> Report:
    """Write `<warehouse>/_validation/<name>.json` and `.html`, each atomically."""
    data = report_data(result, name=name, run_id=run_id, rejected=rejected, now=now)
    where = folder(warehouse)
    where.mkdir(parents=True, exist_ok=True)
    json_path, html_path = where / f"{name}.json", where / f"{name}.html"
    _replace(json_path, json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
    _replace(html_path, html_text(data))
    return Report(json_path, html_path, name, data["success"], run_id or None)


def latest(warehouse: str | Path) -> Report | None:
    """The newest run's report (names start with the time, so the last name is the newest)."""
    found = sorted(folder(warehouse).glob("*.json"))
    if not found:
        return None
    path = found[-1]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    return Report(path, path.with_suffix(".html"), path.stem, data.get("success"),
                  data.get("run_id") or None)


def _replace(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8", errors="backslashreplace")
    os.replace(tmp, path)


def latest_path(warehouse: str | Path) -> str | None:
    """The newest report's HTML file, as text (None when the warehouse has none)."""
    found = latest(warehouse)
    return str(found.html) if found else None
