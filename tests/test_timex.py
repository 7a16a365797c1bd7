"""Time expressions resolved against a publication date, with their real precision."""

from datetime import date

import pytest

from kg.timex import resolve_time

FRIDAY = date(2022, 12, 30)


@pytest.mark.parametrize(("published", "text", "future", "expected"), [
    (FRIDAY, "on Wednesday", False, ("2022-12-28", "2022-12-28", "day")),
    (FRIDAY, "Wednesday", True, ("2023-01-04", "2023-01-04", "day")),
    (FRIDAY, "Friday", False, ("2022-12-30", "2022-12-30", "day")),
    (FRIDAY, "yesterday", False, ("2022-12-29", "2022-12-29", "day")),
    (FRIDAY, "last month", False, ("2022-11-01", "2022-11-30", "month")),
    (FRIDAY, "next week", False, ("2023-01-02", "2023-01-08", "week")),
    (FRIDAY, "in mid-December", False, ("2022-12-11", "2022-12-20", "part-of-month")),
    (FRIDAY, "In November", False, ("2022-11-01", "2022-11-30", "month")),
    (date(2025, 6, 20), "in November", False, ("2024-11-01", "2024-11-30", "month")),
    (date(2025, 6, 20), "in November", True, ("2025-11-01", "2025-11-30", "month")),
    (FRIDAY, "earlier this year", False, ("2022-01-01", "2022-12-30", "year")),
    (FRIDAY, "two weeks ago", False, ("2022-12-13", "2022-12-19", "week")),
    (None, "in March 2003", False, ("2003-03-01", "2003-03-31", "month")),
    (None, "March 13, 2003", False, ("2003-03-13", "2003-03-13", "day")),
    (None, "13 March 2003", False, ("2003-03-13", "2003-03-13", "day")),
    (FRIDAY, "2021", False, ("2021-01-01", "2021-12-31", "year")),
    (FRIDAY, "since 1980s", False, ("1980-01-01", "1989-12-31", "decade")),
])
def test_resolved_intervals(published, text, future, expected):
    interval = resolve_time(text, published, future=future)
    assert (interval.earliest.isoformat(), interval.latest.isoformat(), interval.granularity) == expected


@pytest.mark.parametrize("text", ["for the first time in 11 years", "the 11-year conflict", "decade", "Wednesday"])
def test_no_invented_dates(text):
    published = None if text == "Wednesday" else FRIDAY
    assert resolve_time(text, published) is None
