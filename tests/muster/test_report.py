"""`muster report`: one self-contained HTML file with charts, contradictions, clusters and outlets."""

import io
import re
from datetime import date
from html.parser import HTMLParser

import pandas as pd
import pyarrow as pa
import pytest

from muster import warehouse
from muster.cli import main
from transforms.declarations.schema import TABLES

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
SPRING = {"period_start": date(2024, 1, 1), "period_end": date(2024, 3, 1)}
SNEAKY = "<script>alert('x')</script> volunteers"


def document(doc_id, outlet, published, url=None, duplicate_of=None):
    return {"doc_id": doc_id, "outlet": outlet, "published": published, "url": url, "text": "...",
            "duplicate_of": duplicate_of, "raw_sha256": doc_id * 8, "n_chars": 3, "run_id": "run",
            "ingested_at": pd.Timestamp("2024-06-01 12:30", tz="UTC")}


def claim(claim_id, doc_id, cluster_id, claimant, value, quote, metric="recruited", **fields):
    return {"claim_id": claim_id, "doc_id": doc_id, "cluster_id": cluster_id, "claimant": claimant,
            "claimant_id": claimant.lower().replace(" ", "-"), "value": value, "quote": quote,
            "metric": metric, "sentence": "...", "char_start": 0, "char_end": len(quote),
            "unit": "person", "qualifier": "exact", "extractor_version": "v1",
            "attribution_cue": "said", "attribution_rule": "own-speaker", "attribution_score": 1.0,
            **fields}


def cluster(cluster_id, claimant, metric="recruited", contradiction_id=None, **fields):
    counts = {"n_claims": 1, "n_documents": 1, "n_outlets": 1, "n_variants": 0}
    return {"cluster_id": cluster_id, "claimant": claimant, "claimant_id": claimant.lower(),
            "metric": metric, "unit": "person", "qualifier": "exact",
            "contradiction_id": contradiction_id, **counts, **fields}


def flag(flag_id, kind, cluster_id, claim_id, reason):
    return {"flag_id": flag_id, "flag": kind, "cluster_id": cluster_id, "claim_id": claim_id,
            "reason": reason}


ROWS = {
    "documents": [
        document("d1", "tass.ru", date(2024, 3, 1), "https://tass.ru/army/1"),
        document("d2", "rt.com", date(2024, 3, 2), "https://rt.com/news/1", duplicate_of="d1"),
        document("d3", "meduza.io", date(2024, 3, 20), "javascript:alert(1)"),
        document("d4", "bbc.co.uk", date(2024, 4, 2), "https://bbc.co.uk/news/4"),
        document("d5", "kommersant.ru", None),
    ],
    "claims": [  # a repeated claim (c1, c2), a typo (c3), a rounded variant (c4), a contradiction (c5)
        claim("c1", "d1", "k1", "Dmitry Medvedev", 280000.0, "280,000", **SPRING),
        claim("c2", "d2", "k1", "Dmitry Medvedev", 280000.0, "280,000", **SPRING),
        claim("c3", "d3", "k1", "Dmitry Medvedev", 28000.0, "28,000", **SPRING),
        claim("c4", "d4", "k1", "Dmitry Medvedev", 283000.0, "283,000", **SPRING),
        claim("c5", "d3", "k2", "UK Ministry of Defence", None, "between 120,000 and 180,000",
              value_low=120000.0, value_high=180000.0, qualifier="range", **SPRING),
        claim("c6", "d4", "k3", "UK Ministry of Defence", 190000.0, "at least 190,000 roubles a month",
              metric="pay", unit="RUB", per="month", qualifier="at_least", subject=SNEAKY),
        claim("c7", "d5", "k4", "kommersant.ru", None, "tens of thousands", metric="casualties",
              value_low=10000.0, value_high=100000.0, qualifier="vague"),
    ],
    "sources": [{"source_id": s.lower().replace(" ", "-"), "name": s, "kind": "unknown"}
                for s in ("Dmitry Medvedev", "UK Ministry of Defence", "kommersant.ru")],
    "claim_clusters": [
        cluster("k1", "Dmitry Medvedev", contradiction_id="x1", value=280000.0, value_low=280000.0,
                value_high=283000.0, n_claims=4, n_documents=4, n_outlets=4, n_variants=2, **SPRING),
        cluster("k2", "UK Ministry of Defence", contradiction_id="x1", value_low=120000.0,
                value_high=180000.0, qualifier="range", **SPRING),
        cluster("k3", "UK Ministry of Defence", metric="pay", unit="RUB", per="month", value=190000.0,
                qualifier="at_least", subject=SNEAKY, n_documents=2, n_outlets=2),
        cluster("k4", "kommersant.ru", metric="casualties", value_low=10000.0, value_high=100000.0,
                qualifier="vague"),
    ],
    "claim_flags": [
        flag("f1", "typo", "k1", "c3", "28,000 drops a zero from 280,000."),
        flag("f2", "rounded", "k1", "c4", "283,000 is 280,000 given more precisely."),
        flag("f3", "contradiction", "k1", None, "280,000 lies above the 120,000 to 180,000 the UK gives."),
        flag("f4", "contradiction", "k2", None, "280,000 lies above the 120,000 to 180,000 the UK gives."),
    ],
}


def publish_all(folder) -> None:
    warehouse.publish({name: pa.Table.from_pylist(rows, schema=TABLES[name]).to_pandas()
                       for name, rows in ROWS.items()}, folder)


class Page(HTMLParser):
    """The parts of the report a test looks at: sections' text, svgs, tags' attributes."""

    def __init__(self, html: str):
        super().__init__()
        self.sections: dict[str, list[str]] = {}
        self.current: str | None = None
        self.svgs: dict[str, int] = {}
        self.attributes: list[tuple[str, str, str]] = []
        self.tags: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [(tag, key, value or "") for key, value in attrs]
        ids = dict(attrs).get("id")
        if tag == "section":
            self.current = ids
            self.sections[ids] = []
        if tag == "svg":
            self.svgs[self.current] = self.svgs.get(self.current, 0) + 1

    def handle_endtag(self, tag):
        if tag == "section":
            self.current = None

    def handle_data(self, data):
        if self.current and data.strip():
            self.sections[self.current].append(" ".join(data.split()))

    def text(self, section: str) -> str:
        return " | ".join(self.sections[section])


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    publish_all(folder / "wh")
    out = folder / "report.html"
    assert main(["report", "--warehouse", str(folder / "wh"), "--out", str(out)]) == EXIT_OK
    html = out.read_text(encoding="utf-8")
    return {"folder": folder, "out": out, "html": html, "page": Page(html)}


def test_the_report_has_a_header_and_every_section_with_content(report):
    page, html = report["page"], report["html"]
    assert set(page.sections) == {"charts", "contradictions", "clusters", "outlets"}
    assert all(page.sections[name] for name in page.sections)
    assert str((report["folder"] / "wh").resolve()) in html
    assert "2024-06-01 12:30 UTC" in html
    for count in ("<b>5</b> documents", "<b>1</b> syndicated copy", "<b>7</b> claims",
                  "<b>4</b> clusters", "<b>2</b> variants", "<b>1</b> contradiction"):
        assert count in html
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<svg.*?</svg>", "", html, flags=re.S))
    assert not re.search(r"\b1 (?:[a-z]+ )?[a-z]+s\b", " ".join(text.split()))  # no "1 claims"
    assert "How to read this" in html


def test_charts_are_inline_svg_one_per_metric_with_a_dated_figure(report):
    page = report["page"]
    assert page.svgs == {"charts": 2}  # recruited and pay; casualties has no date at all
    charts = page.text("charts")
    assert "No casualties figure has a date" in charts
    assert "casualties: 0 claims drawn; 1 left out because neither the figure nor its article" in charts
    assert "recruited: 5 claims drawn" in charts
    assert "Dmitry Medvedev" in charts and "RUB per month" in charts


def test_the_contradiction_shows_each_claimant_its_value_and_why(report):
    text = report["page"].text("contradictions")
    assert "2024-01-01 to 2024-03-01" in text
    assert "Dmitry Medvedev: 280,000" in text
    assert "UK Ministry of Defence: 120,000–180,000" in text
    assert "280,000 lies above the 120,000 to 180,000 the UK gives." in text


def test_clusters_show_their_outlets_and_each_variant_with_its_reason(report):
    text = report["page"].text("clusters")
    assert text.index("280,000") < text.index("at least 190,000 RUB per month")  # most outlets first
    assert "bbc.co.uk, meduza.io, rt.com, tass.ru" in text
    assert "28,000 drops a zero from 280,000." in text
    assert "283,000 is 280,000 given more precisely." in text
    assert ("a", "href", "https://bbc.co.uk/news/4") in report["page"].attributes


def test_outlet_counts_are_right(report):
    html = report["html"]
    outlets = html[html.index('<section id="outlets">'):]
    rows = pd.read_html(io.StringIO(outlets))[0]
    counted = rows.set_index("outlet")[["documents", "claims", "syndicated copies", "clusters"]]
    assert counted.to_dict("index") == {
        "meduza.io": {"documents": 1, "claims": 2, "syndicated copies": 0, "clusters": 2},
        "bbc.co.uk": {"documents": 1, "claims": 2, "syndicated copies": 0, "clusters": 2},
        "kommersant.ru": {"documents": 1, "claims": 1, "syndicated copies": 0, "clusters": 1},
        "rt.com": {"documents": 1, "claims": 1, "syndicated copies": 1, "clusters": 1},
        "tass.ru": {"documents": 1, "claims": 1, "syndicated copies": 0, "clusters": 1},
    }


def test_nothing_is_fetched_from_elsewhere_and_only_web_urls_are_links(report):
    page = report["page"]
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(page.tags)
    for tag, key, value in page.attributes:
        if key in ("src", "srcset", "xlink:href") or (key == "href" and tag != "a"):
            assert not value.startswith(("http://", "https://", "//")), (tag, key, value)
        if key == "href" and not value.startswith(("#", "_validation/")):
            assert value.startswith(("https://", "http://")), value
    assert "@import" not in report["html"]
    assert not re.search(r"url\(\s*['\"]?(?!#)", report["html"])  # only the svgs' own clip paths
    assert "javascript:" not in report["html"]


def test_article_text_is_escaped(report):
    html = report["html"]
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; volunteers" in html


def test_the_same_tables_give_the_same_bytes(report):
    again = report["folder"] / "again.html"
    assert main(["report", "--warehouse", str(report["folder"] / "wh"), "--out", str(again)]) == EXIT_OK
    assert again.read_bytes() == report["out"].read_bytes()


def test_empty_sections_say_so(tmp_path):
    frames = {name: pa.Table.from_pylist(ROWS[name][:1] if name == "documents" else [],
                                         schema=TABLES[name]).to_pandas() for name in TABLES}
    warehouse.publish(frames, tmp_path / "wh")
    out = tmp_path / "r.html"
    assert main(["report", "--warehouse", str(tmp_path / "wh"), "--out", str(out)]) == EXIT_OK
    page = Page(out.read_text())
    assert "No claims are published yet" in page.text("charts")
    assert "No contradictions" in page.text("contradictions")
    assert "No clusters are published yet" in page.text("clusters")
    assert "tass.ru" in page.text("outlets")


def test_a_missing_warehouse_is_named_in_one_line_and_exits_2(tmp_path, capsys):
    out = tmp_path / "r.html"
    assert main(["report", "--warehouse", str(tmp_path / "nope"), "--out", str(out)]) == EXIT_USAGE
    assert capsys.readouterr().err == f"muster: no warehouse folder at {tmp_path / 'nope'}\n"
    (tmp_path / "empty").mkdir()
    assert main(["report", "--warehouse", str(tmp_path / "empty"), "--out", str(out)]) == EXIT_USAGE
    assert capsys.readouterr().err == f"muster: no published tables in {tmp_path / 'empty'}\n"
    assert not out.exists()


def test_an_unwritable_output_exits_1_naming_it(report, tmp_path, capsys):
    out = tmp_path / "no-such-folder" / "r.html"
    assert main(["report", "--warehouse", str(report["folder"] / "wh"), "--out", str(out)]) == EXIT_FAILED
    assert capsys.readouterr().err.startswith(f"muster: cannot write {out}: ")


def test_the_report_is_written_into_the_warehouse_by_default(tmp_path, capsys):
    publish_all(tmp_path / "wh")
    assert main(["report", "--warehouse", str(tmp_path / "wh")]) == EXIT_OK
    assert (tmp_path / "wh" / "report.html").is_file()
    assert capsys.readouterr().out == f"{tmp_path / 'wh' / 'report.html'}\n"


def test_repeated_figures_come_first_and_the_others_are_counted(report):
    text = report["page"].text("clusters")
    assert "The 2 figures stated in two documents or more, most outlets first" in text
    assert "The other 2 clusters are figures stated in one document only" in text
    assert "120,000–180,000" not in text  # stated once: counted, not listed


def test_most_claims_undated_is_explained(tmp_path):
    rows = {**ROWS, "documents": [{**d, "published": None} for d in ROWS["documents"]],
            "claims": [{k: v for k, v in c.items() if k not in SPRING} for c in ROWS["claims"]]}
    warehouse.publish({name: pa.Table.from_pylist(r, schema=TABLES[name]).to_pandas()
                       for name, r in rows.items()}, tmp_path / "wh")
    assert main(["report", "--warehouse", str(tmp_path / "wh")]) == EXIT_OK
    charts = Page((tmp_path / "wh" / "report.html").read_text()).text("charts")
    assert "Most claims (7 of 7 claims) are not drawn" in charts
    assert "a dateline under the headline" in charts


def test_the_report_links_the_latest_validation_report(tmp_path):
    from muster import validation_reports

    publish_all(tmp_path / "wh")
    validation_reports.write({"success": True, "suites": {}}, tmp_path / "wh", "20240601T000000Z-a")
    assert main(["report", "--warehouse", str(tmp_path / "wh")]) == EXIT_OK
    page = Page((tmp_path / "wh" / "report.html").read_text())
    assert ("a", "href", "_validation/20240601T000000Z-a.html") in page.attributes
