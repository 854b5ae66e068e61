"""The flow's tabulation (`flows.tabulate.tabulated`) gives each document the claims the
extraction gives it alone (`transforms.claims.claims`), reading its figures once for both the
budget and the claims, and sets aside a document over the figure budget without its claims."""

import datetime as dt

import pandas as pd

from flows.tabulate import tabulated
from muster import paths, readers
from transforms.attribution.sources import source_index
from transforms.claims import claims
from transforms.cleaning.budget import Budget

DOCUMENTS = pd.DataFrame([
    {"doc_id": "a", "outlet": "example-news.com", "published": dt.date(2026, 3, 2), "source": "in:a",
     "key": "a", "text": "The ministry said 12,000 men signed contracts in May. "
                         "Analysts put the cost at $2.5 billion."},
    {"doc_id": "b", "outlet": "example-news.com", "published": dt.date(2026, 3, 2), "source": "in:b",
     "key": "b", "text": "Officials counted 40, 50 and 60 recruits at three offices, 7 of them women."},
    {"doc_id": "c", "outlet": "example-news.com", "published": dt.date(2026, 3, 3), "source": "in:c",
     "key": "c", "text": "No figures here at all."},
])


def test_the_flow_tabulates_as_the_extraction_does():
    index = source_index(readers.read_registry(paths.REGISTRY))
    kept, found, rejected = tabulated(DOCUMENTS, index, "v", Budget())
    assert rejected == [] and list(kept["doc_id"]) == ["a", "b", "c"]
    pd.testing.assert_frame_equal(found, claims(DOCUMENTS, index, "v"))
    assert len(found) >= 6


def test_a_document_over_the_figure_budget_is_set_aside_and_the_others_kept():
    index = source_index(readers.read_registry(paths.REGISTRY))
    kept, found, rejected = tabulated(DOCUMENTS, index, "v", Budget(max_figures=3))
    assert list(kept["doc_id"]) == ["a", "c"]
    assert [r.doc_id for r in rejected] == ["b"] and "over the limit of 3" in rejected[0].reason
    assert set(found["doc_id"]) == {"a"}
