"""The one place that names the project's default paths."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
DEMO_CORPUS = DATA / "demo" / "articles"
REGISTRY = DATA / "reference" / "sources.csv"
RATES = DATA / "reference" / "usd_rates.csv"
WAREHOUSE = DATA / "warehouse"
