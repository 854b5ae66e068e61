"""The probe's malformed inputs, made small: each one is set aside with a message naming it, and
the good article beside it is still read."""

import json
import os

import pytest

from muster.readers import RegistryError, read_inputs, read_registry

GOOD = "Officials said 1,000 volunteers signed up last week.\n"


def read_beside_good(tmp_path, name: str, content: bytes):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / name).write_bytes(content)
    frame, skipped = read_inputs([tmp_path])
    assert "file:good.txt" in set(frame["key"]), "the good article was not read"
    return frame, [str(s) for s in skipped]


@pytest.mark.parametrize(("line", "message"), [
    ("[" * 100_000 + "]" * 100_000, "invalid JSON (nested too deeply)"),
    ('{"text": "' + GOOD.strip() + '", "n": ' + "9" * 5000 + "}", "invalid JSON (Exceeds the limit"),
    ('{"text": "a \\ud800 b 5,000 people"}', "field 'text' holds a lone surrogate"),
    ('{"html": ""}', "empty document"),
    ('{"html": "", "text": null}', "empty document"),
    ('{"text": ["a", "b"]}', "field 'text' must be a string, not a list"),
    ('{"text": true}', "field 'text' must be a string, not true or false"),
    ('{"text": 5000}', "field 'text' must be a string, not a number"),
    ('{"text": "5,000 people", "title": {"a": 1}}', "field 'title' must be a string, not an object"),
    ('{"text": "5,000 people", "id": [1]}', "field 'id' must be a string or a number, not a list"),
    ('{"text": "5,000 people", "published": 2024}', "field 'published' must be a string"),
])
def test_a_bad_jsonl_line_is_set_aside_with_its_reason(tmp_path, line, message):
    frame, skipped = read_beside_good(tmp_path, "feed.jsonl", (line + "\n").encode())
    assert len(frame) == 1
    assert any(s.startswith(f"{tmp_path / 'feed.jsonl'}:1: ") and message in s for s in skipped), skipped


def test_the_lines_after_a_bad_one_are_read(tmp_path):
    lines = ["[" * 50_000, json.dumps({"id": "a", "text": GOOD}), '{"text": 1}',
             json.dumps({"id": "b", "text": GOOD})]
    frame, skipped = read_beside_good(tmp_path, "feed.jsonl", "\n".join(lines).encode())
    assert sorted(frame["external_id"].dropna()) == ["a", "b"]
    assert [s.split(": ", 1)[0].rsplit(":", 1)[1] for s in skipped] == ["1", "3"]


@pytest.mark.parametrize(("content", "what"), [
    (b"", "empty"), (b"  \n\t\n", "whitespace only"), (b"\xef\xbb\xbf", "a byte-order mark only"),
    (b"\xef\xbb\xbf\n\n", "a byte-order mark only"),
])
def test_an_empty_jsonl_file_is_named(tmp_path, content, what):
    _, skipped = read_beside_good(tmp_path, "empty.jsonl", content)
    assert skipped == [f"{tmp_path / 'empty.jsonl'}: no JSON lines in the file ({what})"]


def test_links_that_lead_nowhere_are_named(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    os.symlink(tmp_path / "loop-b.txt", tmp_path / "loop-a.txt")
    os.symlink(tmp_path / "loop-a.txt", tmp_path / "loop-b.txt")
    (tmp_path / "sub").mkdir()
    os.symlink(tmp_path, tmp_path / "sub" / "up")  # a folder loop: not followed
    frame, skipped = read_inputs([tmp_path])
    assert frame["key"].tolist() == ["file:good.txt"]
    text = "\n".join(map(str, skipped))
    assert f"{tmp_path / 'dangling.txt'}: broken symbolic link" in text
    assert f"{tmp_path / 'loop-a.txt'}: symbolic link loop" in text
    assert f"{tmp_path / 'loop-b.txt'}: symbolic link loop" in text
    assert f"{tmp_path / 'sub' / 'up'}: symbolic link to a folder, not followed" in text


def test_a_link_to_a_file_is_read(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "good.txt").write_text(GOOD)
    (tmp_path / "b").mkdir()
    os.symlink(tmp_path / "a" / "good.txt", tmp_path / "b" / "linked.txt")
    frame, skipped = read_inputs([tmp_path / "b"])
    assert frame["key"].tolist() == ["file:linked.txt"] and skipped == []


def test_a_file_whose_name_is_not_utf8_is_read_under_an_escaped_name(tmp_path):
    name = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(name, "wb") as handle:
        handle.write(GOOD.encode())
    frame, skipped = read_inputs([tmp_path])
    assert skipped == []
    assert frame["key"].tolist() == ["file:caf\\xe9.txt"]
    assert frame["source"].iloc[0].endswith("caf\\xe9.txt")
    frame["source"].iloc[0].encode("utf-8")  # printable and storable


def registry(tmp_path, rows: str):
    path = tmp_path / "sources.csv"
    path.write_text("name,kind,country,aliases\nKremlin,government,RU,the Kremlin\n" + rows)
    return path


@pytest.mark.parametrize(("rows", "message"), [
    ("ISW,thinktank,US,\n", ":3: kind 'thinktank' of 'ISW' is not one of government"),
    (",media,,Somebody\n", ":3: a source without a name"),
    ("  ,media,,\n", ":3: a source without a name"),
    ("Kremlin press,government,RU,The Kremlin\n", ":3: 'The Kremlin' names both 'Kremlin' (line 2)"),
    ("Other,media,,kremlin\n", ":3: 'kremlin' names both 'Kremlin'"),
    ("Kremlin,government,RU,\n", ":3: 'Kremlin' is listed twice (first on line 2)"),
])
def test_a_bad_registry_row_is_named_by_file_and_line(tmp_path, rows, message):
    path = registry(tmp_path, rows)
    with pytest.raises(RegistryError) as err:
        read_registry(path)
    assert str(err.value).startswith(f"{path}:")
    assert message in str(err.value)


def test_the_projects_registry_is_valid():
    from muster import paths

    assert len(read_registry(paths.REGISTRY)) > 100
