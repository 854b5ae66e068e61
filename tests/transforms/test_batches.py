"""Batches: what each task of clean and tabulate receives."""

import pickle

import pandas as pd
import pyarrow as pa
import pytest

from transforms.batches import arrow_batches, batches


def corpus(n: int) -> pd.DataFrame:
    """A frame of texts as readers make them: pandas' Arrow-backed strings."""
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)],
                         "text": pd.array([f"Text {i}. " * 50 for i in range(n)],
                                          dtype="string[pyarrow]")})


def test_batches_cover_the_frame_in_order():
    frame = corpus(25)
    parts = batches(frame, 10)
    assert [len(p) for p in parts] == [10, 10, 5]
    pd.testing.assert_frame_equal(pd.concat(parts, ignore_index=True), frame)


def test_arrow_batches_hold_the_rows_of_the_frame():
    frame = corpus(25)
    tables = arrow_batches(frame, 10)
    whole = pa.concat_tables(tables).to_pandas()
    assert whole["doc_id"].tolist() == frame["doc_id"].tolist()
    assert whole["text"].tolist() == frame["text"].tolist()


def test_a_batch_sent_to_a_worker_carries_only_its_own_rows():
    frame = corpus(1_000)
    whole = len(pickle.dumps(pa.Table.from_pandas(frame, preserve_index=False)))
    sizes = [len(pickle.dumps(t)) for t in arrow_batches(frame, 100)]
    assert max(sizes) < whole / 5  # each about a tenth of the corpus, not all of it


def test_a_batch_size_below_one_is_refused():
    with pytest.raises(ValueError, match="at least 1"):
        batches(corpus(3), 0)
