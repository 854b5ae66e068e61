"""When a figure holds: which reported times can be the same, a cluster's time, the time in words."""

import datetime as dt

import pytest

from transforms.time.when import When, compatible, describe, merged

D = dt.date


def since_jan_1(published: dt.date) -> When:
    """"since January 1", as the claim's period reads it: to the article's publication day."""
    return When(D(published.year, 1, 1), published, None, published, published)


def undated(published: dt.date | None) -> When:
    return When(first_seen=published, last_seen=published)


def in_year(year: int, published: dt.date | None = None) -> When:
    return When(D(year, 1, 1), D(year, 12, 31), None, published, published)


def as_of(day: dt.date, published: dt.date | None = None) -> When:
    return When(as_of=day, first_seen=published, last_seen=published)


@pytest.mark.parametrize(("a", "b", "expected", "why"), [
    (since_jan_1(D(2024, 3, 12)), since_jan_1(D(2024, 3, 14)), True,
     "two 'since January 1' reports two days apart speak of one period"),
    (since_jan_1(D(2024, 3, 12)), since_jan_1(D(2024, 6, 30)), False,
     "the same start, but months apart at the end: a later tally"),
    (since_jan_1(D(2024, 3, 12)), since_jan_1(D(2023, 3, 12)), False,
     "the same day a year apart"),
    (in_year(2024), in_year(2024, D(2025, 2, 1)), True, "one stated year"),
    (in_year(2024), in_year(2023), False, "two different years"),
    (as_of(D(2023, 8, 31)), as_of(D(2023, 9, 20)), True, "two days within a month"),
    (as_of(D(2023, 8, 31)), as_of(D(2023, 12, 31)), False, "two days four months apart"),
    (in_year(2024), as_of(D(2024, 12, 31)), True, "a day at the end of the period"),
    (in_year(2024), as_of(D(2024, 6, 30)), False, "a day mid-period is another stock"),
])
def test_stated_times(a, b, expected, why):
    assert compatible(a, b) is expected, why
    assert compatible(b, a) is expected, "compatibility does not depend on the order"


@pytest.mark.parametrize(("published", "expected", "why"), [
    (D(2024, 7, 1), True, "published during the period"),
    (D(2025, 2, 15), True, "published within three months after it"),
    (D(2025, 6, 1), False, "published five months after it"),
    (D(2023, 11, 1), False, "published before the period began"),
    (None, True, "no publication date: nothing rules it out"),
])
def test_an_undated_report_beside_a_stated_period(published, expected, why):
    assert compatible(undated(published), in_year(2024)) is expected, why
    assert compatible(in_year(2024), undated(published)) is expected, why


def test_an_undated_report_beside_a_stated_day():
    day = as_of(D(2023, 8, 31))
    assert compatible(undated(D(2023, 9, 10)), day)
    assert compatible(undated(D(2023, 8, 15)), day)  # a fortnight before: the stock was near
    assert not compatible(undated(D(2023, 6, 1)), day)
    assert not compatible(undated(D(2024, 3, 1)), day)


@pytest.mark.parametrize(("a", "b", "expected", "why"), [
    (D(2024, 3, 12), D(2024, 4, 10), True, "a month apart"),
    (D(2024, 3, 12), D(2024, 3, 12), True, "the same day"),
    (D(2024, 3, 12), D(2025, 3, 12), False, "a year apart"),
    (D(2024, 3, 12), D(2024, 6, 12), False, "three months apart"),
    (None, D(2024, 3, 12), True, "an unknown date rules nothing out"),
    (None, None, True, "nor do two"),
])
def test_two_undated_reports(a, b, expected, why):
    assert compatible(undated(a), undated(b)) is expected, why
    assert compatible(undated(b), undated(a)) is expected, why


def test_an_undated_report_joined_with_others_is_compared_by_its_date_range():
    seen_over_spring = When(first_seen=D(2024, 3, 1), last_seen=D(2024, 5, 31))
    assert compatible(seen_over_spring, undated(D(2024, 6, 20)))
    assert not compatible(seen_over_spring, undated(D(2024, 8, 1)))


def test_merged_takes_the_time_most_claims_state_and_the_whole_date_range():
    whens = [in_year(2024, D(2025, 1, 20)), in_year(2024, D(2025, 2, 3)),
             as_of(D(2024, 12, 31), D(2025, 1, 5)), undated(D(2025, 1, 2)), undated(None)]
    cluster = merged(whens)
    assert (cluster.start, cluster.end, cluster.as_of) == (D(2024, 1, 1), D(2024, 12, 31), None)
    assert (cluster.first_seen, cluster.last_seen) == (D(2025, 1, 2), D(2025, 2, 3))


def test_merged_breaks_a_tie_the_same_way_whatever_the_order():
    a, b = in_year(2023, D(2024, 1, 5)), as_of(D(2023, 12, 31), D(2024, 1, 6))
    assert merged([a, b]) == merged([b, a])


def test_merged_undated_claims_have_only_a_date_range():
    cluster = merged([undated(D(2024, 3, 12)), undated(D(2024, 3, 2))])
    assert not cluster.stated
    assert (cluster.first_seen, cluster.last_seen) == (D(2024, 3, 2), D(2024, 3, 12))
    assert merged([undated(None)]) == When()


@pytest.mark.parametrize(("when", "words"), [
    (in_year(2024), "in 2024"),
    (since_jan_1(D(2024, 3, 12)), "from 1 January 2024 to 12 March 2024"),
    (When(D(2023, 5, 1), D(2023, 5, 31)), "from 1 May 2023 to 31 May 2023"),
    (as_of(D(2023, 8, 31)), "as of 31 August 2023"),
    (undated(D(2024, 3, 2)), "reported 2 March 2024"),
    (When(), "at an unstated time"),
])
def test_describe_says_the_time_in_words(when, words):
    assert describe(when) == words
