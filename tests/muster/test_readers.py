"""Reading inputs: every format yields records; every bad input yields a message naming it."""

import json
import os

import pandas as pd
import pytest

from muster.readers import read_inputs, read_registry

ARTICLE = "Officials said 1,000 volunteers signed up last week.\n"


def write(path, content):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_a_folder_yields_one_record_per_text_file_and_per_jsonl_line(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.md", "# Title\n\n" + ARTICLE)
    write(tmp_path / "sub" / "c.html", f"<html><body><p>{ARTICLE}</p></body></html>")
    lines = [{"id": "r1", "url": "https://example.org/1", "outlet": "Example", "text": ARTICLE},
             {"id": 2, "html": f"<p>{ARTICLE}</p>", "published": "2024-05-01"}]
    write(tmp_path / "d.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")

    frame, skipped = read_inputs([tmp_path])

    assert skipped == []
    assert frame["key"].tolist() == ["file:a.txt", "file:b.md", "url:https://example.org/1",
                                     "file:d.jsonl#2", "file:sub/c.html"]
    by_key = frame.set_index("key")
    assert by_key.loc["file:sub/c.html", "is_html"]
    assert by_key.loc["file:d.jsonl#2", "is_html"]
    assert by_key.loc["file:d.jsonl#2", "external_id"] == "2"
    assert by_key.loc["url:https://example.org/1", "outlet"] == "Example"
    assert frame["raw_sha256"].str.len().eq(64).all()


def test_the_same_input_gives_the_same_keys_and_hashes(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    first, _ = read_inputs([tmp_path])
    second, _ = read_inputs([tmp_path / "a.txt"])
    assert first[["key", "raw_sha256"]].equals(second[["key", "raw_sha256"]])


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "missing.txt: no such file or directory"),
        ("notes.pdf", b"%PDF-1.4", "notes.pdf: unknown extension '.pdf'"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "image.txt: binary file, not text"),
        ("latin.txt", "caf\u00e9 1,000".encode("latin-1"), "latin.txt: not UTF-8 text"),
        ("empty.txt", "  \n\n", "empty.txt: empty document"),
        ("bad.jsonl", '{"text": "ok 5 people"}\n{"text": oops}\n', "bad.jsonl:2: invalid JSON"),
        ("list.jsonl", "[1, 2]\n", "list.jsonl:1: a JSON line must be an object"),
        ("notext.jsonl", '{"id": "x"}\n', "notext.jsonl:1: record has no 'text' or 'html' field"),
        ("blank.jsonl", '{"id": "x", "text": ""}\n', "blank.jsonl:1: empty document"),
    ],
)
def test_bad_input_is_skipped_with_a_message_naming_it(tmp_path, name, content, message):
    if content is not None:
        write(tmp_path / name, content)
    write(tmp_path / "good.txt", ARTICLE)

    frame, skipped = read_inputs([tmp_path / name, tmp_path / "good.txt"])

    assert frame["key"].tolist()[-1] == "file:good.txt"
    assert len(skipped) == 1
    assert str(skipped[0]).startswith(str(tmp_path / message.split(":")[0]))
    assert message.split(":", 1)[1].strip() in str(skipped[0])


def test_unreadable_file_is_skipped_with_the_reason(tmp_path):
    path = write(tmp_path / "locked.txt", ARTICLE)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read any file")
        _, skipped = read_inputs([path])
        assert "locked.txt: cannot read" in str(skipped[0])
    finally:
        path.chmod(0o644)


def test_hidden_files_in_folders_are_ignored(tmp_path):
    write(tmp_path / ".DS_Store", b"\x00\x01")
    write(tmp_path / "a.txt", ARTICLE)
    frame, skipped = read_inputs([tmp_path])
    assert len(frame) == 1 and skipped == []


def test_registry_aliases_are_lists(tmp_path):
    path = write(tmp_path / "sources.csv",
                 "name,kind,country,aliases\n"
                 "UK Ministry of Defence,government,GB,UK MoD|British intelligence\n"
                 "Meduza,media,,\n")
    registry = read_registry(path)
    assert registry.loc[0, "aliases"] == ["UK MoD", "British intelligence"]
    assert registry.loc[1, "aliases"] == []
    assert pd.isna(registry.loc[1, "country"])


def test_registry_without_its_columns_is_refused_naming_the_file(tmp_path):
    path = write(tmp_path / "sources.csv", "name,kind\nX,media\n")
    with pytest.raises(ValueError, match="sources.csv: source registry lacks columns"):
        read_registry(path)


def test_file_inputs_keep_their_path_and_their_folders_outlet(tmp_path):
    from muster.readers import read_inputs as read

    folder = tmp_path / "harbour"
    folder.mkdir()
    (folder / "outlet.txt").write_text("Harbour Herald\n")
    (folder / "a.txt").write_text("The governor said 1,200 men signed up.\n")
    (tmp_path / "b.md").write_text("Officials said 300 recruits left.\n")
    frame, skipped = read([str(folder), str(tmp_path / "b.md")], outlet="Given Outlet")
    assert skipped == []  # outlet.txt is not read as an article
    rows = frame.set_index("source")
    assert rows.loc[str(folder / "a.txt"), "outlet_hint"] == "Harbour Herald"
    assert rows.loc[str(tmp_path / "b.md"), "outlet_hint"] == "Given Outlet"
    assert rows.loc[str(folder / "a.txt"), "source_path"] == str((folder / "a.txt").absolute())


def test_naming_an_outlet_changes_the_records_hash(tmp_path):
    from muster.readers import read_inputs as read

    (tmp_path / "a.txt").write_text("The governor said 1,200 men signed up.\n")
    plain, _ = read([str(tmp_path / "a.txt")])
    named, _ = read([str(tmp_path / "a.txt")], outlet="Harbour Herald")
    assert plain["raw_sha256"][0] != named["raw_sha256"][0]


def test_records_read_in_parts_give_the_frame_of_one_list(tmp_path, monkeypatch):
    """The frame is made a part at a time while reading (`readers.CHUNK_RECORDS`); it is the
    frame that all the records in one list give: the same rows in the same order, a column
    that is null in one part and text in another is text, one that is null throughout is
    null, lines that fail are set aside with their numbers, other inputs follow."""
    from muster import readers

    lines = [{"id": n, "text": f"{ARTICLE} Story {n}, \u2019quoted\u2019 \U0001f600.",
              **({"title": f"Title {n}"} if n in (4, 5) else {}),
              **({"url": f"https://example.org/{n}"} if n % 3 == 0 else {})} for n in range(1, 11)]
    body = [json.dumps(x, ensure_ascii=False) for x in lines]
    body.insert(6, "not json")
    write(tmp_path / "in" / "a.jsonl", "\r\n".join(body) + "\n")
    write(tmp_path / "in" / "b.txt", ARTICLE)
    whole, skipped_whole = read_inputs([tmp_path / "in"])
    monkeypatch.setattr(readers, "CHUNK_RECORDS", 3)
    parts, skipped_parts = read_inputs([tmp_path / "in"])
    records = [row._asdict() for row in whole.itertuples(index=False)]
    pd.testing.assert_frame_equal(parts, pd.DataFrame(records, columns=readers.RAW_COLUMNS))
    pd.testing.assert_frame_equal(parts, whole)
    assert list(parts["title"].dropna()) == ["Title 4", "Title 5"]
    assert parts["outlet"].isna().all() and len(parts) == 11
    assert [s.source for s in skipped_parts] == [s.source for s in skipped_whole]
    assert skipped_parts[0].source.endswith("a.jsonl:7")

