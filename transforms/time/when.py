"""When a figure holds, for deciding whether two reports speak of the same time.

A claim's time is the period or day its text gives (`claims.period_start`/`period_end`,
`as_of`); without one, it is the publication date of its article, since a figure stated without
a date speaks of the time it was written. Two times are compatible when they can be the same:
periods that start and end together (within a few days, since "since January 1" ends on each
article's own publication date), days a month apart at most, an undated report published within
or shortly after a period, or two undated reports published within a month.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

START_SLACK = dt.timedelta(days=7)
END_SLACK = dt.timedelta(days=31)
REPORTED_AFTER = dt.timedelta(days=92)  # how long after a period an undated report may speak of it


@dataclass(frozen=True)
class When:
    """A period, a day, or neither; and the publication dates of the reports giving it."""

    start: dt.date | None = None
    end: dt.date | None = None
    as_of: dt.date | None = None
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None

    @property
    def is_period(self) -> bool:
        return self.start is not None and self.end is not None

    @property
    def is_day(self) -> bool:
        return self.as_of is not None

    @property
    def stated(self) -> bool:
        """Whether the text gives the time (else only publication dates stand for it)."""
        return self.is_period or self.is_day

    def key(self) -> tuple:
        return (self.start, self.end, self.as_of)


def _near(a: dt.date, b: dt.date, slack: dt.timedelta) -> bool:
    return abs(a - b) <= slack


def compatible(a: When, b: When) -> bool:
    """Whether two figures may speak of the same time."""
    if a.stated and b.stated:
        return _stated_compatible(a, b)
    if a.stated or b.stated:
        stated, undated = (a, b) if a.stated else (b, a)
        return _published_within(undated, stated)
    if None in (a.first_seen, b.first_seen):
        return True
    return (a.first_seen <= b.last_seen + END_SLACK and b.first_seen <= a.last_seen + END_SLACK)


def _stated_compatible(a: When, b: When) -> bool:
    if a.is_period and b.is_period:
        return _near(a.start, b.start, START_SLACK) and _near(a.end, b.end, END_SLACK)
    if a.is_day and b.is_day:
        return _near(a.as_of, b.as_of, END_SLACK)
    period, day = (a, b) if a.is_period else (b, a)
    return _near(period.end, day.as_of, END_SLACK)


def _published_within(undated: When, stated: When) -> bool:
    """An undated report fits a stated time when it was published during it or soon after."""
    if undated.first_seen is None:
        return True
    begin = stated.start if stated.is_period else stated.as_of - END_SLACK
    end = (stated.end if stated.is_period else stated.as_of) + REPORTED_AFTER
    return undated.first_seen <= end and undated.last_seen >= begin


def merged(whens: list[When]) -> When:
    """The time of a cluster: the period or day most of its claims state, and its date range."""
    stated = [w.key() for w in whens if w.stated]
    key = max(sorted(set(stated), key=str), key=stated.count) if stated else (None, None, None)
    seen = [d for w in whens for d in (w.first_seen, w.last_seen) if d is not None]
    return When(*key, first_seen=min(seen, default=None), last_seen=max(seen, default=None))


def describe(when: When) -> str:
    """The time in words for a flag's reason."""
    if when.is_period:
        if when.start.month == 1 and when.start.day == 1 and when.end == dt.date(when.start.year, 12, 31):
            return f"in {when.start.year}"
        return f"from {when.start:%-d %B %Y} to {when.end:%-d %B %Y}"
    if when.is_day:
        return f"as of {when.as_of:%-d %B %Y}"
    if when.first_seen:
        return f"reported {when.first_seen:%-d %B %Y}"
    return "at an unstated time"
