"""The README's worked examples of the claims table are what the extraction gives.

The README shows sentences and the rows an analyst gets from them; this test reads those examples
out of the README and runs the extraction on each, so the documentation cannot promise a row the
code does not produce.
"""

import re
from pathlib import Path

import pytest

from transforms.claims import document_claims

README = Path(__file__).resolve().parents[2] / "README.md"
OUTLET = "example-news.com"
FIELDS = ["quote", "value", "value_low", "value_high", "alt", "unit", "per", "qualifier", "metric",
          "claimant", "via", "hedge"]


def readme_examples() -> list[tuple[str, list[dict]]]:
    """(sentence, expected rows) from the block between the claims-examples markers."""
    block = re.search(r"<!-- claims-examples:start -->(.*?)<!-- claims-examples:end -->",
                      README.read_text(), re.S).group(1)
    examples: list[tuple[str, list[dict]]] = []
    for line in block.splitlines():
        if line.startswith("> "):
            examples.append((line[2:], []))
        elif line.startswith("| `"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            examples[-1][1].append(dict(zip(FIELDS, cells, strict=True)))
    return examples


def as_cells(row: dict) -> dict:
    """A claims row written the way the README tables write it."""
    def num(v):
        return "" if v is None else f"{v:g}"
    alt = "" if row["alt_value"] is None else f"{num(row['alt_value'])} {row['alt_unit']}"
    return {"quote": f"`{row['quote']}`", "value": num(row["value"]),
            "value_low": num(row["value_low"]), "value_high": num(row["value_high"]), "alt": alt,
            **{k: row[k] or "" for k in ("unit", "per", "qualifier", "metric", "claimant", "via",
                                         "hedge")}}


def test_the_readme_has_examples():
    assert len(readme_examples()) >= 4


@pytest.mark.parametrize("text, expected", readme_examples(), ids=lambda v: str(v)[:40])
def test_readme_example_rows_are_what_the_extraction_gives(index, text, expected):
    rows = document_claims({"doc_id": "readme", "text": text, "outlet": OUTLET}, index, "test")
    assert [as_cells(r) for r in rows] == expected
