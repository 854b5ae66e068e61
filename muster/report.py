"""`muster report`: the published tables as one self-contained HTML file.

Charts are inline SVG and the style is inline CSS, so the file opens anywhere without a network;
article text is escaped by Jinja2's autoescaping. The same tables give the same bytes: the only
date in the file is when the tables were last published.
"""

from __future__ import annotations

import argparse
import os
import sys
import uuid
from pathlib import Path

import pandas as pd
import pyarrow as pa

from muster import warehouse
from muster.charts import metric_charts
from transforms.declarations.schema import TABLES
from transforms.ledger import ledger

CLUSTERS_SHOWN = 100
REPORT_NAME = "report.html"  # written into the warehouse unless --out says otherwise
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class NoTables(LookupError):
    """The warehouse folder is missing or holds no published table."""


def published_tables(folder: Path) -> dict[str, pd.DataFrame]:
    """Every table of the warehouse (empty ones for those not published), or NoTables."""
    if not folder.is_dir():
        raise NoTables(f"no warehouse folder at {folder}")
    if not any(warehouse.table_path(folder, name).exists() for name in TABLES):
        raise NoTables(f"no published tables in {folder}")
    return warehouse.read_published(folder)


def article_url(url) -> str:
    """A link target only for web addresses; anything else (javascript:, file:) is no link."""
    return url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else ""


def _records(frame: pd.DataFrame) -> list[dict]:
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def _linked(clusters: list[dict]) -> list[dict]:
    return [{**row, "variants": [{**v, "url": article_url(v["url"])} for v in row["variants"]]}
            for row in clusters]


def last_published(documents: pd.DataFrame) -> str:
    """When the tables were last written to (their latest ingested_at), to the minute, in UTC."""
    if documents.empty:
        return ""
    return pd.Timestamp(documents["ingested_at"].max()).strftime("%Y-%m-%d %H:%M UTC")


def undated_share(charts: list) -> dict:
    """How many claims the charts leave out for want of a date, and whether that is most."""
    undated = sum(c.undated for c in charts)
    total = undated + sum(c.charted for c in charts)
    return {"undated": undated, "claims": total, "most": total > 0 and undated * 2 > total}


def context(tables: dict[str, pd.DataFrame], label: str, validation: dict | None = None) -> dict:
    """Everything the template shows, from the ledger's frames: the figures stated in two
    documents or more first, the others counted."""
    documents, claims = tables["documents"], tables["claims"]
    clusters, flags = tables["claim_clusters"], tables["claim_flags"]
    ordered = ledger.clusters_with_variants(clusters, flags, claims, documents)
    repeated = ordered[ordered["n_documents"] >= 2] if len(ordered) else ordered
    charts = metric_charts(ledger.figures_over_time(claims, documents))
    return {
        "warehouse": label,
        "as_of": last_published(documents),
        "totals": ledger.totals(documents, claims, clusters, flags),
        "charts": charts,
        "undated": undated_share(charts),
        "contradictions": _records(ledger.contradictions(clusters, flags)),
        "clusters": _linked(_records(repeated.head(CLUSTERS_SHOWN))),
        "repeated": len(repeated),
        "single": len(ordered) - len(repeated),
        "outlets": _records(ledger.outlet_counts(documents, claims)),
        "validation": validation,
    }


def template():
    from muster.templating import environment

    return environment().get_template("report.html.j2")


def render(tables: dict[str, pd.DataFrame], label: str, validation: dict | None = None) -> str:
    """The report's HTML for these tables; `label` names the warehouse in its header."""
    return template().render(context(tables, label, validation))


def validation_link(folder: Path, out: Path) -> dict | None:
    """The latest validation report, as a link relative to where the report is written."""
    from muster import validation_reports

    found = validation_reports.latest(folder)
    if found is None or not found.html.is_file():
        return None
    href = Path(os.path.relpath(found.html.resolve(), out.resolve().parent)).as_posix()
    return {"verdict": found.verdict(), "href": href}


def write_atomically(text: str, path: Path) -> None:
    """Write beside the target, then rename over it, so a reader never sees half a report."""
    tmp = path.with_name(f".{path.name}-{uuid.uuid4().hex}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def command(args: argparse.Namespace) -> int:
    """Write the report; 2 when there are no tables to report on, 1 when it cannot be made."""
    folder = Path(args.warehouse)
    out = Path(args.out) if args.out else folder / REPORT_NAME
    try:
        html = render(published_tables(folder), str(folder.resolve()), validation_link(folder, out))
    except NoTables as error:
        print(f"muster: {error}", file=sys.stderr)
        return EXIT_USAGE
    except (OSError, pa.ArrowException, ValueError) as error:
        print(f"muster: cannot read the tables in {folder}: {error}", file=sys.stderr)
        return EXIT_FAILED
    try:
        write_atomically(html, out)
    except OSError as error:
        print(f"muster: cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return EXIT_FAILED
    print(out)
    return EXIT_OK
