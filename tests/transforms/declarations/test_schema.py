"""The schemas are the one declaration of the tables: the README's column tables follow them."""

from pathlib import Path

import pytest

from transforms.declarations.schema import TABLES, columns, markdown, required
from transforms.declarations.vocab import CURRENCIES, METRICS, QUALIFIERS, UNITS

README = Path(__file__).parents[3] / "README.md"


@pytest.mark.parametrize("table", list(TABLES))
def test_the_readme_documents_every_column_as_declared(table):
    assert markdown(table) in README.read_text(), "regenerate with: python -m transforms.declarations.schema"


def test_every_column_says_what_it_means():
    for schema in TABLES.values():
        for field in schema:
            assert field.metadata and field.metadata[b"description"].strip(), field.name


def test_keys_and_the_fields_analysts_join_on_are_required():
    assert {"claim_id", "doc_id", "claimant_id", "unit", "metric", "quote"} <= set(
        required("claims"))
    assert columns("claims")[:2] == ["claim_id", "doc_id"]


def test_the_claims_docs_name_every_metric_and_qualifier():
    claims = {f.name: f.metadata[b"description"].decode() for f in TABLES["claims"]}
    assert all(f"`{m}`" in claims["metric"] for m in METRICS)
    assert all(f"`{q}`" in claims["qualifier"] for q in QUALIFIERS)
    # the currencies come from declarations/currencies.csv; the other units are fixed
    assert "person" in claims["unit"] and len(UNITS) == 6 + len(CURRENCIES)
