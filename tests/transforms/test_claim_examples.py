"""The claims examples table (issue 3): the project's own sentences and the rows each must give.

The table is data (tests/fixtures/claim_examples.yaml), written from ../shared/corpus/ANNOTATION.md
and not from what the code returns. Each text goes the way a plain-text article does: cleaning
(page furniture removed), then `document_claims`. A row checks only the fields its case is
about. Cases the code gets wrong are strict xfails whose reason says what it does instead, so the
list of known failures is explicit and shrinks as the extraction improves.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from transforms.attribution.sources import sources_table
from transforms.claims import claims, document_claims
from transforms.cleaning.cleaning import plain_text
from transforms.cleaning.furniture import strip_furniture

TABLE = yaml.safe_load((Path(__file__).parents[1] / "fixtures" / "claim_examples.yaml").read_text())
OUTLET = TABLE["outlet"]


def article(example: dict) -> dict:
    """An example as a cleaned plain-text document (as `cleaned_document` does a .txt file)."""
    body = plain_text(strip_furniture(plain_text(example["text"])))
    return {"doc_id": example["id"], "text": body, "outlet": OUTLET}


def wanted(row: dict) -> dict:
    """An expected row as claims-table fields: bounds and alt spelled out."""
    fields = {k: v for k, v in row.items() if k not in ("bounds", "alt", "subject_has")}
    if "bounds" in row:
        fields.update(value=None, value_low=row["bounds"][0], value_high=row["bounds"][1])
    if "alt" in row:
        fields.update(alt_value=row["alt"][0], alt_unit=row["alt"][1])
    return fields


def same(got, want) -> bool:
    """Numbers match within 0.1 % ("two-thirds": 66.67); anything else exactly (None is None)."""
    if want is not None and not isinstance(want, bool) and isinstance(want, int | float):
        return got is not None and got == pytest.approx(want, rel=1e-3)
    return got == want


def mismatches(got: dict, row: dict) -> dict:
    """{field: (got, expected)} for every checked field the row gets wrong."""
    bad = {k: (got.get(k), v) for k, v in wanted(row).items() if not same(got.get(k), v)}
    if "subject_has" in row and row["subject_has"] not in (got.get("subject") or ""):
        bad["subject"] = (got.get("subject"), f"... {row['subject_has']} ...")
    return bad


def brief(row: dict) -> str:
    """A claims row in a failure message: its figure and who stands behind it."""
    keys = ("quote", "value", "value_low", "value_high", "unit", "per", "qualifier", "claimant", "via")
    return str({k: row.get(k) for k in keys})


def params(examples: list[dict]) -> list:
    """Examples as test cases; a known failure is a strict xfail with its reason."""
    return [pytest.param(e, id=e.get("id") or e["name"],
                         marks=[pytest.mark.xfail(strict=True, reason=e["xfail"])] if e.get("xfail") else [])
            for e in examples]


@pytest.mark.parametrize("example", params(TABLE["examples"]))
def test_example_gives_its_rows(example, index):
    got = document_claims(article(example), index, "test")
    assert len(got) == len(example["rows"]), [brief(r) for r in got]
    for n, (row, want) in enumerate(zip(got, example["rows"], strict=True)):
        assert not mismatches(row, want), f"row {n} {row['quote']!r}: {mismatches(row, want)}"


@pytest.mark.parametrize("example", params(TABLE["no_figure"]))
def test_text_gives_no_figure(example, index):
    assert [brief(r) for r in document_claims(article(example), index, "test")] == []


@pytest.fixture(scope="module")
def tabulated(registry, index) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The claims of every example as one batch, and the sources table the pipeline derives."""
    documents = pd.DataFrame([article(e) for e in TABLE["examples"]])
    found = claims(documents, index, "test")
    names = pd.concat([found["claimant"], found["via"].dropna()])
    return found, sources_table(registry, names, [OUTLET])


def test_no_claimant_or_via_is_dropped(tabulated):
    found, sources = tabulated
    assert set(found["claimant_id"]) | set(found["via_id"].dropna()) <= set(sources["source_id"])


@pytest.mark.parametrize("source", params(TABLE["sources"]))
def test_sources_row_of_a_name(tabulated, source):
    """Registered names keep their entry; others are added as unknown, the outlet as outlet."""
    rows = tabulated[1].set_index("name")
    assert source["name"] in rows.index
    kind, country = rows.loc[source["name"], ["kind", "country"]]
    assert (kind, None if pd.isna(country) else country) == (source["kind"], source["country"])
