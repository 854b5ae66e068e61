"""`muster sql`: DuckDB SQL over the published tables, one query or an interactive shell.

Each table of `transforms.declarations.schema.TABLES` is a view named as the table, read through
a pyarrow dataset conformed to the declared schema: a table not yet published is empty with its
columns, a file published before a column was added gives nulls in it, and the folder's name
never enters SQL text (no quoting, no glob characters to misread). The database lives in memory,
so nothing is written to the warehouse and no database file is left behind.

Results print as a boxed table (column types under the names, NULL written out, text wrapped at
word boundaries, numbers as 427,000, fitted to the terminal's width; `muster.sqltable`); `csv`
and `json` print every row for scripts.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import decimal
import io
import json
import math
import shutil
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TextIO

import duckdb
import pyarrow as pa

from muster.api import conformed, table_paths
from transforms.declarations.schema import TABLES

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
SHOWN_ROWS = 40  # rows the table format draws; csv and json print them all
WITH_ROWS = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN, duckdb.StatementType.PRAGMA,
             duckdb.StatementType.CALL, duckdb.StatementType.EXECUTE}
PROMPT, CONTINUE = "muster> ", "   ...> "
HISTORY = Path("~/.muster_sql_history")
HELP = """\
End each SQL statement with ; (it may span lines). The tables are views named as the tables:
documents, claims, sources, claim_clusters, claim_flags. Commands:
  .tables          the tables, their row counts and what a row is
  .schema [TABLE]  a table's columns, their types and meanings (all tables without TABLE)
  .help            this text
  .quit            leave (Ctrl-D too)"""


class NoWarehouse(FileNotFoundError):
    """The warehouse folder named does not exist (a usage error, not a failed query)."""


def connect(warehouse: str | Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with one view per published table, empty where none is published yet."""
    folder = Path(warehouse)
    if not folder.is_dir():
        raise NoWarehouse(f"no warehouse folder at {folder} (run `muster run` first, or give --warehouse)")
    return connect_paths(table_paths(folder))


def connect_paths(files: Mapping[str, Path | None]) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with one view per table, read from `files` (`muster.api.table_paths`)."""
    con = duckdb.connect(":memory:")
    for name, schema in TABLES.items():
        con.register(name, conformed(files.get(name), schema))
    return con


def relations(con: duckdb.DuckDBPyConnection, sql: str) -> Iterator[duckdb.DuckDBPyRelation]:
    """The rows of each statement that returns some, in order; the others just run.

    Each statement runs when its relation is read, so the caller reads one before the next runs.
    """
    for statement in con.extract_statements(sql):
        relation = con.sql(statement.query)
        if statement.type in WITH_ROWS and relation is not None:
            yield relation


def query(warehouse: str | Path, sql: str) -> pa.Table:
    """The rows of the last statement of `sql` over the warehouse (empty if none returns rows)."""
    con = connect(warehouse)
    try:
        table = pa.table({})
        for relation in relations(con, sql):
            table = relation.to_arrow_table()
        return table
    finally:
        con.close()


def error_line(err: Exception) -> str:
    """DuckDB's message on one line, without the caret drawing under the statement."""
    lines = [line.strip() for line in str(err).splitlines()]
    return " ".join(line for line in lines if line and not line.startswith("LINE ")
                    and set(line) != {"^"})


def plain(value: object) -> object:
    """A value JSON can hold: dates as ISO text, decimals as numbers, NaN and infinities as null."""
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, dt.timedelta):
        return str(value)
    return value


def csv_cell(value: object) -> str:
    """A CSV field: empty for null, JSON text for lists and structs, ISO dates, lowercase booleans."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def rows(table: pa.Table) -> list[tuple]:
    """The table's rows as tuples (a dict per row would merge columns of the same name)."""
    return list(zip(*(column.to_pylist() for column in table.columns), strict=True))


def write_csv(table: pa.Table, out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.column_names)
    writer.writerows([csv_cell(v) for v in row] for row in rows(table))


def write_json(table: pa.Table, out: TextIO) -> None:
    """A JSON array of objects, one row a line, so `jq` and `head` both work."""
    lines = [json.dumps({k: plain(v) for k, v in zip(table.column_names, row, strict=True)},
                        ensure_ascii=False) for row in rows(table)]
    out.write("[" + ",\n ".join(lines) + "]\n")


def write_box(relation: duckdb.DuckDBPyRelation, out: TextIO) -> None:
    """A boxed table fitted to the terminal (`muster.sqltable`): text wrapped at word boundaries,
    numbers with thousands separators."""
    from muster.sqltable import box

    width = shutil.get_terminal_size().columns
    types = [str(t).lower() for t in relation.types]
    out.write(box(relation.to_arrow_table(), width, SHOWN_ROWS, types))


def write(relation: duckdb.DuckDBPyRelation, fmt: str, out: TextIO) -> None:
    """Print a statement's rows as `table`, `csv` or `json` (this is when the statement runs)."""
    if fmt == "table":
        write_box(relation, out)
    else:
        (write_csv if fmt == "csv" else write_json)(relation.to_arrow_table(), out)


def run(con: duckdb.DuckDBPyConnection, sql: str, fmt: str, out: TextIO) -> bool:
    """Run the statements and print their rows; a failure is one line on stderr and False."""
    try:
        for relation in relations(con, sql):
            buffer = io.StringIO()  # all of a result or nothing, never half a table before an error
            write(relation, fmt, buffer)
            out.write(buffer.getvalue())
    except duckdb.Error as err:
        print(f"muster sql: {error_line(err)}", file=sys.stderr)
        return False
    return True


def described(name: str) -> dict[str, str]:
    """Column meanings of a published table from its schema; none for a view made in the shell."""
    schema = TABLES.get(name)
    return {f.name: f.metadata[b"description"].decode() for f in schema} if schema else {}


def quoted(name: str) -> str:
    """A name as a SQL identifier, whatever it holds."""
    return '"' + name.replace('"', '""') + '"'


def tables_text(con: duckdb.DuckDBPyConnection) -> str:
    """`.tables`: each view, its row count and what one row is."""
    names = [row[0] for row in con.sql("SHOW TABLES").fetchall()]
    counts = {n: con.sql(f"SELECT count(*) FROM {quoted(n)}").fetchall()[0][0]
              for n in names}
    width = max(map(len, names), default=0)
    about = {n: TABLES[n].metadata[b"description"].decode() for n in names if n in TABLES}
    return "\n".join(f"{n:<{width}}  {counts[n]:>7,} rows  {about.get(n, '')}".rstrip() for n in names)


def schema_text(con: duckdb.DuckDBPyConnection, name: str) -> str:
    """`.schema TABLE`: column, SQL type, whether it may be null, and its meaning."""
    columns = con.sql(f"DESCRIBE {quoted(name)}").fetchall()
    meanings, schema = described(name), TABLES.get(name)
    required = {f.name for f in schema if not f.nullable} if schema else set()
    head = f"{name}: {schema.metadata[b'description'].decode()}" if schema else name
    wide = max(len(c[0]) for c in columns), max(len(c[1]) for c in columns)
    return "\n".join([head, *(f"  {c[0]:<{wide[0]}}  {c[1]:<{wide[1]}}  "
                               f"{'required' if c[0] in required else '':<8}  "
                               f"{meanings.get(c[0], '')}".rstrip() for c in columns)])


def dot_command(con: duckdb.DuckDBPyConnection, line: str, out: TextIO) -> bool | None:
    """Run a shell command such as `.tables`; None means quit, False that it failed."""
    word, _, rest = line.rstrip(";").strip().partition(" ")
    if word in (".quit", ".exit", ".q"):
        return None
    try:
        if word == ".help":
            text = HELP
        elif word == ".tables":
            text = tables_text(con)
        elif word == ".schema":
            names = rest.split() or list(TABLES)
            text = "\n\n".join(schema_text(con, n) for n in names)
        else:
            print(f"muster sql: unknown command {word} (try .help)", file=sys.stderr)
            return False
    except duckdb.Error as err:
        print(f"muster sql: {error_line(err)}", file=sys.stderr)
        return False
    out.write(text + "\n")
    return True


def shell(con: duckdb.DuckDBPyConnection, read: Callable[[str], str | None], fmt: str, out: TextIO,
          stop_on_error: bool) -> int:
    """Read lines until `.quit` or the end; run each statement once a line ends it with `;`.

    A script (stdin not a terminal) stops at its first failure and exits 1, as later statements
    may depend on it; at a terminal the shell says what failed and goes on.
    """
    buffer: list[str] = []
    while True:
        try:
            line = read(CONTINUE if buffer else PROMPT)
            if line is None:
                break
            if not buffer and line.lstrip().startswith("."):
                ok = dot_command(con, line, out)
                if ok is None:
                    return EXIT_OK
            else:
                buffer.append(line)
                if not "\n".join(buffer).rstrip().endswith(";"):
                    continue
                ok, buffer = run(con, "\n".join(buffer), fmt, out), []
        except KeyboardInterrupt:  # at a terminal, Ctrl-C drops the statement typed or running
            if stop_on_error:
                raise
            buffer, ok = [], True
            out.write("\n")
        if not ok and stop_on_error:
            return EXIT_FAILED
    if "\n".join(buffer).strip() and not run(con, "\n".join(buffer), fmt, out) and stop_on_error:
        return EXIT_FAILED  # a last statement without its `;` runs too
    return EXIT_OK


def piped_reader(stream: TextIO) -> Callable[[str], str | None]:
    def read(prompt: str) -> str | None:
        line = stream.readline()
        return line.rstrip("\n") if line else None
    return read


def terminal_reader() -> Callable[[str], str | None]:
    """`input` with line editing and a history kept in ~/.muster_sql_history, when readline exists."""
    with contextlib.suppress(ImportError):
        import atexit
        import readline

        history = HISTORY.expanduser()
        with contextlib.suppress(OSError):
            readline.read_history_file(history)
        readline.set_history_length(1000)
        atexit.register(_save_history, readline, history)

    def read(prompt: str) -> str | None:
        try:
            return input(prompt)
        except EOFError:
            print()
            return None
    return read


def _save_history(readline, history: Path) -> None:
    with contextlib.suppress(OSError):
        readline.write_history_file(history)


def banner(con: duckdb.DuckDBPyConnection, warehouse: str | Path) -> str:
    return (f"muster sql on {warehouse}\n{tables_text(con)}\n"
            "End statements with ;  .help for help, .quit to leave.")


def command(args: argparse.Namespace) -> int:
    """`muster sql [QUERY] [--warehouse DIR] [--format table|csv|json]`."""
    if args.query is not None and not args.query.strip():
        print("muster sql: the query is empty", file=sys.stderr)
        return EXIT_USAGE
    try:
        con = connect(args.warehouse)
    except NoWarehouse as err:
        print(f"muster sql: {err}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.query is not None:
            return EXIT_OK if run(con, args.query, args.format, sys.stdout) else EXIT_FAILED
        if not sys.stdin.isatty():
            return shell(con, piped_reader(sys.stdin), args.format, sys.stdout, stop_on_error=True)
        print(banner(con, args.warehouse))
        return shell(con, terminal_reader(), args.format, sys.stdout, stop_on_error=False)
    except KeyboardInterrupt:
        return EXIT_FAILED
    finally:
        con.close()
