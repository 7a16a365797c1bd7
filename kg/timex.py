"""Time expressions -> intervals, anchored to a publication date, with the precision the text gives and no more.

"Wednesday" in an article of Friday 2022-12-30 is 2022-12-28 (day); "last month" is December 2022's month before
(month); "in mid-December" is the 11th to the 20th (part of a month); "2003" is a year. A meeting that is planned
looks forward: "Wednesday" is the next one.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Granularity = Literal["day", "week", "month", "part-of-month", "year", "decade"]

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
UNITS = {"day": 1, "week": 7}


@dataclass(frozen=True, slots=True)
class Interval:
    earliest: date
    latest: date
    granularity: Granularity

    def overlaps(self, other: Interval) -> bool:
        return self.earliest <= other.latest and other.earliest <= self.latest

    def __str__(self) -> str:
        if self.earliest == self.latest:
            return self.earliest.isoformat()
        return f"{self.earliest.isoformat()}/{self.latest.isoformat()}"


def _month(year: int, month: int, part: tuple[int, int] | None = None) -> Interval:
    last = calendar.monthrange(year, month)[1]
    if part is None:
        return Interval(date(year, month, 1), date(year, month, last), "month")
    return Interval(date(year, month, part[0]), date(year, month, min(part[1], last)), "part-of-month")


def _year(year: int) -> Interval:
    return Interval(date(year, 1, 1), date(year, 12, 31), "year")


def _day(day: date) -> Interval:
    return Interval(day, day, "day")


def resolve_time(text: str, published: date | None, *, future: bool = False) -> Interval | None:
    """The interval a time expression names, anchored to the publication date; None when it names none.

    >>> str(resolve_time("on Wednesday", date(2022, 12, 30)))
    '2022-12-28'
    >>> str(resolve_time("in mid-December", date(2022, 12, 30)))
    '2022-12-11/2022-12-20'
    >>> str(resolve_time("March 13, 2003", None))
    '2003-03-13'
    >>> resolve_time("for the first time in 11 years", date(2022, 12, 30)) is None
    True
    """
    words = re.sub(r"[^\w\s-]", " ", text.lower()).replace("-", " ").split()
    while words and words[0] in ("on", "in", "at", "the", "of", "during", "since"):
        words = words[1:]
    phrase = " ".join(words)
    if not words:
        return None
    absolute = _absolute(words)
    if absolute is not None or published is None:
        return absolute
    return _relative(phrase, words, published, future)


def _absolute(words: list[str]) -> Interval | None:
    """Dates that carry their own year: "March 13, 2003", "13 March 2003", "March 2003", "2003", "the 1980s"."""
    years = [int(w) for w in words if re.fullmatch(r"1[89]\d\d|20\d\d", w)]
    decades = [int(w[:4]) for w in words if re.fullmatch(r"(1[89]|20)\d0s", w)]
    if decades and not years:
        return Interval(date(decades[0], 1, 1), date(decades[0] + 9, 12, 31), "decade")
    if len(years) != 1:
        return None
    year = years[0]
    months = [MONTHS[w] for w in words if w in MONTHS]
    days = [int(m.group(1)) for w in words if (m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", w))
            and 1 <= int(m.group(1)) <= 31]
    if not months:
        return _year(year)
    if days:
        try:
            return _day(date(year, months[0], days[0]))
        except ValueError:
            return None
    part = next((PARTS[w] for w in words if w in PARTS), None)
    return _month(year, months[0], part)


def _relative(phrase: str, words: list[str], published: date, future: bool) -> Interval | None:
    """Expressions read against the publication date: weekdays, "yesterday", "last month", "in November", ..."""
    if phrase in ("today", "this morning", "this afternoon", "this evening", "tonight"):
        return _day(published)
    if phrase in ("yesterday", "last night"):
        return _day(published - timedelta(days=1))
    if phrase == "tomorrow":
        return _day(published + timedelta(days=1))
    step = -1 if not future else 1
    if words[0] in ("last", "next", "this") and len(words) == 2:
        step = {"last": -1, "next": 1, "this": 0}[words[0]]
        words = words[1:]
    if len(words) == 1 and words[0] in WEEKDAYS:
        offset = (published.weekday() - WEEKDAYS[words[0]]) % 7
        if step > 0:
            return _day(published + timedelta(days=(WEEKDAYS[words[0]] - published.weekday()) % 7 or 7))
        return _day(published - timedelta(days=offset))
    if len(words) == 1 and words[0] in ("week", "month", "year") and phrase.split()[0] in ("last", "next", "this"):
        return _shift(words[0], published, step)
    if phrase in ("earlier this year", "this year so far"):
        return Interval(date(published.year, 1, 1), published, "year")
    if phrase == "later this year":
        return Interval(published, date(published.year, 12, 31), "year")
    ago = re.fullmatch(r"(\w+) (day|week|month|year)s? ago", phrase)
    if ago:
        count = _number(ago.group(1))
        return None if count is None else _ago(count, ago.group(2), published)
    months = [MONTHS[w] for w in words if w in MONTHS]
    if len(months) == 1 and len(words) <= 3:
        part = next((PARTS[w] for w in words if w in PARTS), None)
        days = [int(w) for w in words if w.isdigit() and 1 <= int(w) <= 31]
        year = published.year
        if not future and (months[0], days[0] if days else 1) > (published.month, published.day):
            year -= 1  # "in November", told in June, is last November
        if future and (months[0], days[0] if days else 31) < (published.month, published.day):
            year += 1
        if days:
            try:
                return _day(date(year, months[0], days[0]))
            except ValueError:
                return None
        return _month(year, months[0], part)
    return None


def _shift(unit: str, published: date, step: int) -> Interval:
    if unit == "year":
        return _year(published.year + step)
    if unit == "month":
        month_index = published.year * 12 + published.month - 1 + step
        return _month(month_index // 12, month_index % 12 + 1)
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
    return Interval(monday, monday + timedelta(days=6), "week")


def _ago(count: int, unit: str, published: date) -> Interval:
    if unit in UNITS:
        day = published - timedelta(days=count * UNITS[unit])
        return _day(day) if unit == "day" else Interval(day - timedelta(days=3), day + timedelta(days=3), "week")
    if unit == "month":
        month_index = published.year * 12 + published.month - 1 - count
        return _month(month_index // 12, month_index % 12 + 1)
    return _year(published.year - count)


NUMBER_WORDS = {w: i for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                            "nine", "ten", "eleven", "twelve"])} | {"a": 1, "an": 1}


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)
