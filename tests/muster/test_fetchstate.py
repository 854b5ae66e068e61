"""The fetch state store: one row per URL, in the warehouse, newest fetch wins."""

import pytest

from muster.fetchstate import Fetched, StateError, load_state, save_state, state_path

FIRST = Fetched("https://news.example.org/a", '"v1"', "Tue, 12 Mar 2024 10:00:00 GMT", "aa" * 32,
                200, "2024-03-12T10:00:00+00:00")


def test_a_warehouse_without_state_knows_no_url(tmp_path):
    assert load_state(tmp_path) == {}
    assert not state_path(tmp_path).exists()


def test_saved_fetches_are_loaded_by_url_from_the_warehouse(tmp_path):
    assert save_state(tmp_path, [FIRST]) == 1
    assert state_path(tmp_path) == tmp_path / "_state" / "fetch.sqlite"
    assert load_state(tmp_path) == {FIRST.url: FIRST}


def test_a_later_fetch_of_the_same_url_replaces_the_earlier_one(tmp_path):
    later = Fetched(FIRST.url, '"v2"', None, "bb" * 32, 200, "2024-03-13T10:00:00+00:00")
    other = Fetched("https://news.example.org/b", None, None, "cc" * 32, 200, later.fetched_at)
    save_state(tmp_path, [FIRST])
    save_state(tmp_path, [later, other])
    assert load_state(tmp_path) == {FIRST.url: later, other.url: other}


def test_nothing_to_save_creates_no_file(tmp_path):
    assert save_state(tmp_path, []) == 0
    assert not state_path(tmp_path).exists()


def test_an_unreadable_store_is_named_in_the_error(tmp_path):
    state_path(tmp_path).parent.mkdir()
    state_path(tmp_path).write_bytes(b"this is not a database" * 100)
    with pytest.raises(StateError, match=f"fetch state {state_path(tmp_path)} is unreadable"):
        load_state(tmp_path)
