"""`muster sql`'s table format: a boxed table fitted to the terminal, text wrapped at word
boundaries, numbers with thousands separators (427,000, not 427000.0), NULL written out."""

from __future__ import annotations

import datetime as dt
import decimal
import textwrap

import pyarrow as pa

MIN_WIDTH = 8  # a column is never narrowed below this many characters
NUMERIC = (int, float, decimal.Decimal)


def cell_text(value: object) -> str:
    """One value as the table shows it."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, NUMERIC):
        return number_text(value)
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    if isinstance(value, list):  # as DuckDB writes them: [Medvedev, Dmitri Medvedev]
        return "[" + ", ".join(cell_text(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {cell_text(v)}" for k, v in value.items()) + "}"
    return str(value)


def number_text(value: int | float | decimal.Decimal) -> str:
    """427000.0 -> '427,000'; 5130.25 -> '5,130.25'; 0.8333 -> '0.8333'; nan -> 'NaN'."""
    if isinstance(value, float) and value != value:
        return "NaN"
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return "inf" if value > 0 else "-inf"
    if value == int(value):
        return f"{int(value):,}"
    if abs(value) >= 1:
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{float(value):.4g}"


def _widths(natural: list[int], floor: list[int], room: int) -> list[int]:
    """Column widths within `room` characters: the widest column gives way first."""
    widths = list(natural)
    while sum(widths) > room:
        i = max(range(len(widths)), key=lambda k: widths[k] - floor[k])
        if widths[i] <= floor[i]:
            break
        widths[i] -= 1
    return widths


def _wrapped(text: str, width: int) -> list[str]:
    lines = []
    for part in text.split("\n"):
        lines += textwrap.wrap(part, width, break_long_words=True, break_on_hyphens=False) or [""]
    return lines


def box(table: pa.Table, width: int, max_rows: int, types: list[str] | None = None) -> str:
    """The table drawn in a box no wider than `width` (unless its columns cannot fit at all);
    `types` names the columns' types (DuckDB's, as `muster sql` gives them; else Arrow's)."""
    names = table.column_names
    types = types or [str(f.type) for f in table.schema]
    numeric = [pa.types.is_integer(f.type) or pa.types.is_floating(f.type)
               or pa.types.is_decimal(f.type) for f in table.schema]
    rows = [[cell_text(v) for v in row] for row in
            zip(*(c.to_pylist() for c in table.slice(0, max_rows).columns), strict=True)] \
        if names else []
    natural = [max([len(n), len(t), *(max(map(len, r[i].split("\n"))) for r in rows)])
               for i, (n, t) in enumerate(zip(names, types, strict=True))]
    floor = [min(w, max(MIN_WIDTH, len(n))) for w, n in zip(natural, names, strict=True)]
    widths = _widths(natural, floor, width - 3 * len(names) - 1)

    def line(cells: list[list[str]], right: list[bool]) -> list[str]:
        height = max(map(len, cells), default=1)
        out = []
        for k in range(height):
            parts = [(c[k] if k < len(c) else "").rjust(w) if r else (c[k] if k < len(c) else "").ljust(w)
                     for c, w, r in zip(cells, widths, right, strict=True)]
            out.append("│ " + " │ ".join(parts) + " │")
        return out

    rule = lambda left, mid, right: left + mid.join("─" * (w + 2) for w in widths) + right  # noqa: E731
    plain = [False] * len(names)
    text = [rule("┌", "┬", "┐"),
            *line([_wrapped(n, w) for n, w in zip(names, widths, strict=True)], plain),
            *line([_wrapped(t, w) for t, w in zip(types, widths, strict=True)], plain),
            rule("├", "┼", "┤")]
    for row in rows:
        text += line([_wrapped(c, w) for c, w in zip(row, widths, strict=True)], numeric)
    text.append(rule("└", "┴", "┘"))
    shown = len(rows)
    if table.num_rows > shown:
        text.append(f"{table.num_rows:,} rows, {shown:,} shown (--format csv prints them all)")
    else:
        text.append(f"{table.num_rows:,} {'row' if table.num_rows == 1 else 'rows'}")
    return "\n".join(text) + "\n"
