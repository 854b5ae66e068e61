"""The cleaning budget: bombs are refused in well under a second, each overrun named, and a
record that breaks cleaning is set aside without stopping the others."""

import time

import pandas as pd
import pytest

from muster.records import RAW_COLUMNS
from transforms.cleaning import cleaning
from transforms.cleaning.budget import Budget
from transforms.cleaning.cleaning import cleaned_documents

GOOD = "Officials said 1,000 volunteers signed up last week."


def raw(key: str, content: str, is_html: bool) -> dict:
    base = dict.fromkeys(RAW_COLUMNS)
    base.update(key=key, source=key.removeprefix("file:"), content=content, is_html=is_html,
                raw_sha256="f" * 64)
    return base


BOMBS = {
    "attributes.html": ("<html><body><p " + " ".join(f'a{i}="x"' for i in range(200_000))
                        + f">{GOOD}</p></body></html>", True,
                        "an HTML element with 200,000 attributes, over the limit of 200"),
    "paragraphs.html": ("<html><body>" + "<p>5,000 joined.</p>" * 100_000 + "</body></html>", True,
                        "HTML with 200,004 tags, over the limit of 30,000"),
    "deep.html": ("<html><body>" + "<div>" * 20_000 + GOOD + "</div>" * 20_000 + "</body></html>",
                  True, "HTML with 40,004 tags"),
    "line.txt": ((GOOD + " ") * (20_000_000 // (len(GOOD) + 1)), False,
                 "characters, over the limit of 2,000,000 (MUSTER_MAX_CHARS)"),
    "huge.html": ("<p>" + "x" * (6 * 1024 * 1024), True, "over the limit of 5,242,880"),
}


def test_bombs_are_refused_in_seconds_and_the_good_article_kept():
    frame = pd.DataFrame([raw("file:good.txt", GOOD, False),
                          *(raw(f"file:{name}", content, html)
                            for name, (content, html, _) in BOMBS.items())])
    started = time.monotonic()
    documents, rejected = cleaned_documents(frame)
    assert time.monotonic() - started < 5
    assert documents["source"].tolist() == ["good.txt"]
    reasons = dict(zip(rejected["source"], rejected["reason"], strict=True))
    for name, (_, _, message) in BOMBS.items():
        assert message in reasons[name], reasons[name]
    assert set(rejected["key"]) == {f"file:{name}" for name in BOMBS}


def test_a_text_just_within_the_limit_is_kept():
    text = (GOOD + "\n") * 10
    documents, rejected = cleaned_documents(pd.DataFrame([raw("file:a.txt", text, False)]),
                                            Budget(max_chars=len(text)))
    assert rejected.empty and len(documents) == 1
    _, rejected = cleaned_documents(pd.DataFrame([raw("file:a.txt", text + "more", False)]),
                                    Budget(max_chars=len(text)))
    assert "over the limit of" in rejected["reason"].iloc[0]


def test_a_record_that_breaks_cleaning_is_set_aside(monkeypatch):
    real = cleaning.cleaned_document

    def flaky(record):
        if record["key"] == "file:bad.txt":
            raise AttributeError("'NoneType' object has no attribute 'strip'")
        return real(record)

    monkeypatch.setattr(cleaning, "cleaned_document", flaky)
    frame = pd.DataFrame([raw("file:bad.txt", GOOD, False), raw("file:good.txt", GOOD, False)])
    documents, rejected = cleaned_documents(frame)
    assert documents["source"].tolist() == ["good.txt"]
    assert rejected.to_dict("records") == [{
        "source": "bad.txt", "key": "file:bad.txt",
        "reason": "cleaning failed (AttributeError: 'NoneType' object has no attribute 'strip')"}]


def test_the_budget_reads_the_environment():
    assert Budget.from_env({"MUSTER_MAX_CHARS": "10", "MUSTER_MAX_FIGURES": " "}) == Budget(max_chars=10)
    with pytest.raises(ValueError, match="MUSTER_MAX_FIGURES must be a whole number"):
        Budget.from_env({"MUSTER_MAX_FIGURES": "many"})


def test_a_text_of_numbers_is_refused_before_its_figures_are_sought():
    from transforms.cleaning.budget import numbers_problem

    started = time.monotonic()
    problem = numbers_problem(" ".join(["5,000"] * 200_000), Budget())
    assert time.monotonic() - started < 1
    assert problem == ("more than 3,000 numbers in one document, far over the limit of 1,000 "
                       "figures (MUSTER_MAX_FIGURES)")
    assert numbers_problem("Officials said 5,000 men joined in 2024. " * 100, Budget()) is None
