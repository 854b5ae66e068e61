"""Cleaning: the article body as plain text, its metadata, and a stable id."""

from datetime import date

import pandas as pd
import pytest

from muster.readers import RAW_COLUMNS
from transforms.cleaning.cleaning import (
    author_of,
    cleaned_documents,
    doc_id,
    html_body,
    language,
    outlet_of,
    plain_text,
    published_date,
)

PAGE = """<!doctype html><html lang="en"><head><title>Recruits - The Example Herald</title>
<meta property="og:site_name" content="The Example Herald">
<meta name="author" content="Ilse Marten">
<meta property="article:published_time" content="2024-03-05T08:00:00Z"></head>
<body><nav><a href="/">Home</a><a href="/world">World</a></nav>
<article><h1>Regions raise sign-up bonuses</h1>
<p>Regional governments raised the one-off payment for new contract soldiers again this month,
officials in three regions told reporters on Tuesday.</p>
<p>The largest payment now stands at 1.2 million roubles, the officials said, while most regions
offer less than half of that amount to volunteers who sign a one-year contract.</p></article>
<aside><h3>Read more</h3><ul><li><a href="/x">Storm leaves 40,000 homes without power</a></li></ul></aside>
<footer>Copyright 2024 The Example Herald</footer></body></html>"""


def raw(**fields):
    base = dict.fromkeys(RAW_COLUMNS)
    base.update(key="file:a.txt", source="a.txt", is_html=False, raw_sha256="f" * 64)
    base.update(fields)
    return base


def test_html_gives_the_article_text_and_its_metadata_without_page_furniture():
    body = html_body(PAGE)
    assert "1.2 million roubles" in body["text"]
    assert "40,000 homes" not in body["text"] and "Copyright" not in body["text"]
    assert body["outlet"] == "The Example Herald"
    assert body["author"] == "Ilse Marten"
    assert body["published"] == "2024-03-05"
    assert body["language"] == "en"


def test_html_keeps_paragraph_breaks():
    assert "three regions told reporters on Tuesday.\nThe largest payment" in html_body(PAGE)["text"]


def test_html_without_an_article_falls_back_to_its_paragraphs():
    body = html_body("<html><body><p>Some 500 people</p><p>left.</p></body></html>")
    assert body["text"] == "Some 500 people\nleft." or "500 people" in body["text"]


@pytest.mark.parametrize(("byline", "expected"), [
    ("Ilse Marten", "Ilse Marten"),
    ("Ilse Marten; Tom Weir", "Ilse Marten; Tom Weir"),
    ("Ilse Marten; Staff reporter Posted Oct", "Ilse Marten"),
    ("Updated 12:40", None),
    ("", None),
    (None, None),
])
def test_an_author_is_the_names_of_the_byline_without_its_dateline(byline, expected):
    assert author_of(byline) == expected


def test_plain_text_keeps_paragraphs_and_folds_spaces():
    assert plain_text("  One\u00a0 two \r\n\r\n\n Three\t four ") == "One two\nThree four"


@pytest.mark.parametrize(("value", "expected"), [
    ("2023-09-03", date(2023, 9, 3)),
    ("2023-09-03T23:30:00+00:00", date(2023, 9, 3)),
    ("3 September 2023", date(2023, 9, 3)),
    ("not a date", None),
    (None, None),
    ("", None),
])
def test_published_dates_are_read_from_common_forms(value, expected):
    assert published_date(value) == expected


def test_the_outlet_falls_back_to_the_url_host():
    assert outlet_of(None, "https://www.example.org/news/1") == "example.org"
    assert outlet_of("Example", "https://www.example.org/news/1") == "Example"
    assert outlet_of(None, None) is None


def test_language_tells_english_from_other_text():
    assert language("The ministry said that the number of recruits was higher in the spring.") == "en"
    assert language("Министерство обороны сообщило о наборе") == "und"


def test_a_documents_id_depends_only_on_its_key():
    assert doc_id("url:https://example.org/1") == doc_id("url:https://example.org/1")
    assert doc_id("url:https://example.org/1") != doc_id("url:https://example.org/2")


def test_documents_keep_metadata_and_count_their_characters():
    frame = pd.DataFrame([
        raw(content="Recruits\n\nSome 500 volunteers joined, the governor said.",
            url="https://example.org/a", published="2024-01-02"),
        raw(key="file:b.html", source="b.html", content=PAGE, is_html=True),
    ])
    documents, rejected = cleaned_documents(frame)
    assert rejected.empty
    first, second = documents.to_dict("records")
    assert first["text"] == "Recruits\nSome 500 volunteers joined, the governor said."
    assert first["title"] == "Recruits" and first["outlet"] == "example.org"
    assert first["published"] == date(2024, 1, 2) and first["n_chars"] == len(first["text"])
    assert second["outlet"] == "The Example Herald" and second["doc_id"] == doc_id("file:b.html")
    assert pd.isna(first["author"]) and second["author"] == "Ilse Marten"


def test_a_document_empty_after_cleaning_is_rejected_naming_its_source():
    frame = pd.DataFrame([raw(content="<html><body></body></html>", is_html=True,
                              source="empty.html")])
    documents, rejected = cleaned_documents(frame)
    assert documents.empty
    assert rejected.to_dict("records") == [{"source": "empty.html", "key": "file:a.txt",
                                           "reason": "empty document after cleaning"}]
