"""The README's example registry row is accepted by the registry reader."""

from pathlib import Path

from muster import paths
from muster.readers import read_registry

README = Path(__file__).parents[1] / "README.md"


def example_row() -> str:
    block = README.read_text(encoding="utf-8").split("<!-- registry-example:start -->")[1]
    return block.split("```csv\n")[1].split("```")[0].strip()


def test_the_documented_row_is_accepted_beside_the_shipped_registry(tmp_path):
    registry = tmp_path / "sources.csv"
    registry.write_text(paths.REGISTRY.read_text(encoding="utf-8").rstrip("\n") + "\n"
                        + example_row() + "\n", encoding="utf-8")
    frame = read_registry(registry)
    row = frame[frame["name"] == "Harbour Herald"].iloc[0]
    assert (row["kind"], row["country"]) == ("media", "LV")
    assert row["aliases"] == ["The Harbour Herald", "Harbour Herald newspaper", "HH News"]
