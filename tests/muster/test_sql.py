"""`muster sql`: DuckDB over the published tables, as one query or a shell, without writing a byte."""

import csv
import datetime as dt
import hashlib
import io
import json
import re
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from muster import paths, warehouse
from muster.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from muster.sql import connect, query, shell
from transforms.declarations.schema import TABLES

README = Path(__file__).resolve().parents[2] / "README.md"
INGESTED = dt.datetime(2025, 1, 8, 9, 0, tzinfo=dt.UTC)
Y2024 = {"period_start": dt.date(2024, 1, 1), "period_end": dt.date(2024, 12, 31)}
TEXTS = {
    "d1": "Medvedev said 450,000 people signed contracts in 2024, Tass reported.",
    "d2": "Some 450,000 people signed contracts in 2024, or 45,000 by another count, Medvedev said.",
    "d3": "Analysts estimate that 300,000 men were recruited in 2024.",
}


def document(doc_id: str, outlet: str, published: dt.date) -> dict:
    text = TEXTS[doc_id]
    return {"doc_id": doc_id, "url": f"https://example.org/{doc_id}", "outlet": outlet,
            "title": f"Story {doc_id}", "published": published, "language": "en", "text": text,
            "raw_sha256": hashlib.sha256(text.encode()).hexdigest(), "n_chars": len(text),
            "ingested_at": INGESTED, "run_id": "run-1"}


def claim(claim_id: str, doc_id: str, quote: str, value: float, cluster_id: str, **fields) -> dict:
    start = TEXTS[doc_id].index(quote)
    return {"claim_id": claim_id, "doc_id": doc_id, "sentence": TEXTS[doc_id], "char_start": start,
            "char_end": start + len(quote), "quote": quote, "value": value, "unit": "person",
            "qualifier": "exact", "metric": "recruited", "cluster_id": cluster_id,
            "extractor_version": "test", "attribution_cue": "said",
            "attribution_rule": "own-speaker", "attribution_score": 1.0, **Y2024, **fields}


def cluster(cluster_id: str, claimant: str, value: float, counts: tuple[int, int, int, int]) -> dict:
    n_claims, n_documents, n_outlets, n_variants = counts
    return {"cluster_id": cluster_id, "metric": "recruited", "claimant": claimant,
            "claimant_id": claimant.lower().replace(" ", "-"), "unit": "person", "value": value,
            "value_low": value, "value_high": value, "qualifier": "exact", "n_claims": n_claims,
            "n_documents": n_documents, "n_outlets": n_outlets, "n_variants": n_variants,
            "first_seen": dt.date(2024, 10, 1), "last_seen": dt.date(2025, 1, 7),
            "contradiction_id": "x1", **Y2024}


def rows() -> dict[str, list[dict]]:
    """Medvedev's 450,000 in two outlets (one copy with a typo) against an ISW 300,000."""
    medvedev = {"claimant": "Dmitry Medvedev", "claimant_id": "dmitry-medvedev"}
    isw = {"claimant": "Institute for the Study of War", "claimant_id": "institute-for-the-study-of-war"}
    return {
        "documents": [document("d1", "Meduza", dt.date(2025, 1, 6)),
                      document("d2", "TASS", dt.date(2025, 1, 7)),
                      document("d3", "ISW", dt.date(2024, 10, 1))],
        "claims": [claim("c1", "d1", "450,000", 450000.0, "k1", via="TASS", via_id="tass", **medvedev),
                   claim("c2", "d2", "450,000", 450000.0, "k1", **medvedev),
                   claim("c3", "d2", "45,000", 45000.0, "k1", **medvedev),
                   claim("c4", "d3", "300,000", 300000.0, "k2", **isw)],
        "sources": [{"source_id": "dmitry-medvedev", "name": "Dmitry Medvedev", "kind": "official",
                     "country": "RU", "aliases": ["Medvedev", "Dmitri Medvedev"]},
                    {"source_id": "tass", "name": "TASS", "kind": "media", "country": "RU",
                     "aliases": ["Tass"]},
                    {"source_id": "institute-for-the-study-of-war", "name": "Institute for the Study of War",
                     "kind": "think tank", "country": "US", "aliases": ["ISW"]}],
        "claim_clusters": [cluster("k1", "Dmitry Medvedev", 450000.0, (3, 2, 2, 1)),
                           cluster("k2", "Institute for the Study of War", 300000.0, (1, 1, 1, 0))],
        "claim_flags": [{"flag_id": "f1", "flag": "typo", "cluster_id": "k1", "claim_id": "c3",
                         "reason": "45,000 is a dropped digit away from 450,000"},
                        {"flag_id": "f2", "flag": "contradiction", "cluster_id": "k1", "claim_id": None,
                         "reason": "ISW gives 300,000 for the same metric and period"}],
    }


def build(folder: Path, table_rows: dict[str, list[dict]]) -> Path:
    """A warehouse published as the pipeline publishes; tables `publish` does not write yet, beside."""
    frames = {name: pa.Table.from_pylist(r, schema=TABLES[name]).to_pandas()
              for name, r in table_rows.items()}
    warehouse.publish(frames, folder)
    for name in set(frames) - set(warehouse.PUBLISH_ORDER):
        pq.write_table(warehouse.as_arrow(frames[name], name), warehouse.table_path(folder, name))
    return folder


@pytest.fixture
def wh(tmp_path) -> Path:
    return build(tmp_path / "wh", rows())


def sql(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["sql", *args])
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_each_table_is_a_view_named_as_the_table(wh):
    con = connect(wh)
    names = [row[0] for row in con.sql("SHOW TABLES").fetchall()]
    counts = {n: con.sql(f"SELECT count(*) FROM {n}").fetchall()[0][0] for n in names}
    assert sorted(names) == sorted(TABLES)
    assert counts == {name: len(r) for name, r in rows().items()}


def test_a_join_prints_an_aligned_table_with_lists_and_dates(wh, capsys):
    code, out, err = sql(capsys, "SELECT c.claim_id, s.name, s.aliases, d.published FROM claims c "
                         "JOIN sources s ON s.source_id = c.claimant_id JOIN documents d USING (doc_id) "
                         "WHERE c.claim_id = 'c1'", "--warehouse", str(wh))
    assert (code, err) == (EXIT_OK, "")
    line = next(line for line in out.splitlines() if "c1" in line)
    assert re.search(r"│ c1 +│ Dmitry Medvedev +│ \[Medvedev, Dmitri Medvedev\] +│ 2025-01-06 +│", line)
    assert "varchar[]" in out and "date" in out


def test_query_returns_the_rows_as_arrow(wh):
    table = query(wh, "SELECT claimant, sum(n_outlets) AS outlets FROM claim_clusters "
                      "GROUP BY claimant ORDER BY outlets DESC")
    assert table.column_names == ["claimant", "outlets"]
    assert table.column("claimant").to_pylist() == ["Dmitry Medvedev", "Institute for the Study of War"]


def test_a_fresh_warehouse_has_every_table_empty_with_its_columns(tmp_path, capsys):
    (tmp_path / "wh").mkdir()
    for name, schema in TABLES.items():
        table = query(tmp_path / "wh", f"SELECT * FROM {name}")
        assert (table.column_names, table.num_rows) == (schema.names, 0)
    code, out, _ = sql(capsys, "SELECT count(*) AS n FROM claims", "--warehouse", str(tmp_path / "wh"),
                       "--format", "csv")
    assert (code, out) == (EXIT_OK, "n\n0\n")


def test_a_table_published_before_a_column_existed_reads_it_as_null(tmp_path):
    folder = build(tmp_path / "wh", rows())
    path = warehouse.table_path(folder, "claims")
    part = next(path.glob("*.parquet")) if path.is_dir() else path  # the table's one part
    pq.write_table(pq.read_table(part).drop_columns(["cluster_id", "period_start"]), part)
    table = query(folder, "SELECT count(*) AS n, count(cluster_id) AS clustered, "
                          "count(period_start) AS dated FROM claims")
    assert table.to_pylist() == [{"n": 4, "clustered": 0, "dated": 0}]


def test_a_folder_name_is_never_read_as_sql_or_a_glob(tmp_path):
    build(tmp_path / "it's \"wh\"", {**rows(), "claims": []})  # what the glob w[h] would read
    odd = build(tmp_path / "it's \"w[h]\"", rows())
    assert query(odd, "SELECT count(*) AS n FROM claims").to_pylist() == [{"n": 4}]


def test_a_missing_warehouse_folder_is_a_usage_error_naming_it(tmp_path, capsys):
    code, out, err = sql(capsys, "SELECT 1", "--warehouse", str(tmp_path / "nowhere"))
    assert (code, out) == (EXIT_USAGE, "")
    assert err == f"muster sql: no warehouse folder at {tmp_path / 'nowhere'} (run `muster run` first, " \
                  "or give --warehouse)\n"


@pytest.mark.parametrize(("bad", "says"), [
    ("SELEC claim_id FROM claims", 'syntax error at or near "SELEC"'),
    ("SELECT claimant_name FROM claims", 'column "claimant_name" not found'),
    ("SELECT * FROM claim", "Table with name claim does not exist"),
    ("SELECT CAST(claimant AS INTEGER) FROM claims", "Could not convert string"),  # fails as it runs
])
def test_a_failed_query_is_one_line_on_stderr_and_exit_1(wh, capsys, bad, says):
    code, out, err = sql(capsys, bad, "--warehouse", str(wh))
    assert (code, out) == (EXIT_FAILED, "")
    assert err.startswith("muster sql: ") and err.count("\n") == 1
    assert says in err


def test_an_empty_query_is_a_usage_error(wh, capsys):
    assert sql(capsys, "  ", "--warehouse", str(wh))[0] == EXIT_USAGE


def test_csv_prints_every_row_for_scripts(wh, capsys):
    code, out, _ = sql(capsys, "SELECT source_id, aliases, country FROM sources ORDER BY source_id",
                       "--warehouse", str(wh), "--format", "csv")
    assert code == EXIT_OK
    assert list(csv.reader(io.StringIO(out))) == [
        ["source_id", "aliases", "country"],
        ["dmitry-medvedev", '["Medvedev", "Dmitri Medvedev"]', "RU"],
        ["institute-for-the-study-of-war", '["ISW"]', "US"],
        ["tass", '["Tass"]', "RU"]]


def test_json_prints_an_array_of_objects_with_iso_dates_and_nulls(wh, capsys):
    code, out, _ = sql(capsys, "SELECT claim_id, value, via, period_end, sum(value) OVER () AS total "
                       "FROM claims WHERE claim_id IN ('c1', 'c4') ORDER BY claim_id",
                       "--warehouse", str(wh), "--format", "json")
    assert code == EXIT_OK
    assert json.loads(out) == [
        {"claim_id": "c1", "value": 450000.0, "via": "TASS", "period_end": "2024-12-31", "total": 750000.0},
        {"claim_id": "c4", "value": 300000.0, "via": None, "period_end": "2024-12-31", "total": 750000.0}]


def test_piped_statements_run_like_a_shell_session(wh, capsys, monkeypatch):
    script = (".tables\n"
              "SELECT count(*) AS n\n"
              "  FROM claims;  CREATE VIEW pay AS SELECT * FROM claims WHERE metric = 'pay';\n"
              ".schema sources\n"
              "SELECT count(*) AS n_pay FROM pay;\n"
              ".quit\n"
              "SELECT 'after quit' AS never;\n")
    monkeypatch.setattr("sys.stdin", io.StringIO(script))
    code, out, err = sql(capsys, "--warehouse", str(wh), "--format", "csv")
    assert (code, err) == (EXIT_OK, "")
    assert re.search(r"^claims +4 rows +One row per figure", out, re.M)
    assert "n\n4\n" in out and "n_pay\n0\n" in out
    assert re.search(r"^  aliases +VARCHAR\[\] +Other names the source goes by", out, re.M)
    assert re.search(r"^  source_id +VARCHAR +required +Stable id", out, re.M)
    assert "after quit" not in out


def test_a_piped_script_stops_at_its_first_failure(wh, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("SELECT 1 AS one;\n.tabels\nSELECT 2 AS two;\n"))
    code, out, err = sql(capsys, "--warehouse", str(wh), "--format", "csv")
    assert (code, out, err) == (EXIT_FAILED, "one\n1\n", "muster sql: unknown command .tabels (try .help)\n")


def test_a_last_statement_without_its_semicolon_still_runs(wh, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("SELECT count(*) AS n\nFROM sources"))
    assert sql(capsys, "--warehouse", str(wh), "--format", "csv")[:2] == (EXIT_OK, "n\n3\n")


def test_nothing_is_written_to_the_warehouse_or_beside_it(wh, capsys, monkeypatch, tmp_path):
    before = snapshot(wh)
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    sql(capsys, "SELECT * FROM claims JOIN documents USING (doc_id)", "--warehouse", str(wh))
    monkeypatch.setattr("sys.stdin", io.StringIO(".tables\n.schema\nCREATE TABLE t AS SELECT 1;\n"))
    sql(capsys, "--warehouse", str(wh))
    assert snapshot(wh) == before
    assert list(cwd.iterdir()) == []


def readme_commands() -> list[str]:
    """The queries of the README's `muster sql` examples, as a shell would pass them."""
    found = re.search(r"<!-- sql-examples:start -->(.*?)<!-- sql-examples:end -->",
                      README.read_text(), re.S)
    assert found, "the README lost its sql-examples section"
    return re.findall(r'muster sql "(.*?)"', found.group(1), re.S)


def test_the_readme_questions_are_answered_on_a_small_warehouse(wh, capsys):
    commands = readme_commands()
    assert len(commands) >= 3
    for command in commands:
        code, out, err = sql(capsys, command, "--warehouse", str(wh), "--format", "json")
        assert (code, err) == (EXIT_OK, ""), command
        assert json.loads(out), f"no rows for: {command}"


@pytest.fixture(scope="module")
def demo_warehouse(prefect_api, tmp_path_factory) -> Path:
    from flows.pipeline import muster

    folder = tmp_path_factory.mktemp("demo")
    muster(inputs=[str(paths.DEMO_CORPUS)], warehouse=str(folder))
    return folder


def test_muster_sql_counts_the_claims_of_the_demo_warehouse(demo_warehouse, capsys):
    claims = warehouse.read_table(demo_warehouse, "claims", columns=["claim_id"])
    code, out, _ = sql(capsys, "SELECT count(*) AS n FROM claims", "--warehouse", str(demo_warehouse),
                       "--format", "csv")
    assert (code, out) == (EXIT_OK, f"n\n{len(claims)}\n")
    assert len(claims) > 0


def test_at_a_terminal_the_shell_reports_a_failure_and_goes_on(wh, capsys):
    lines = iter(["SELEC 1;", "SELECT count(*) AS n", "FROM documents;"])
    out = io.StringIO()
    code = shell(connect(wh), lambda prompt: next(lines, None), "csv", out, stop_on_error=False)
    assert (code, out.getvalue()) == (EXIT_OK, "n\n3\n")
    assert capsys.readouterr().err.startswith("muster sql: Parser Error")
