"""Doc + publication date -> when the text says it was written, and whether that contradicts the page's date.

News sites republish old stories under new dates. The text often gives itself away: "the 11-year conflict" with "the
start of the war in 2011" is 2022; "In mid-December" told as past is after mid-December; a year told in the past
tense has happened; a date told as still to come ("he will leave his position by February 1, 2005", "elections are
scheduled for December 15, 2005", "is to be banned by", "plans to hold ... on") has not; a date told as today ("was
killed today ... April 7, 2005") is the day itself; "Monday, April 10" without a year falls on a Monday in the text's
year. When what the text implies ends well before the page's date, the article is flagged as possibly re-dated,
with the sentences that say so, and dates read against its page date are not trusted. Clues that disagree (a year
told as past after a date told as to come) flag nothing: one of them was misread. A text that bounds nothing may
still name its latest year as news long before the page date (`recency.py`).

Measured by `python -m kg.bench.redating` on the 3,926 dated Wikinews 2004-2009 corpus articles (their page dates
are right): 24 are flagged (0.61 %); of the 1,167 that name a year within one of their own, the same text under a
page date four years later is flagged for 480 (41 %), two years later for 467 (40 %). Most of the rest name their
own year only in passing.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from kg.dating.recency import read_latest_year, reads_as_of_its_year, score, weights
from kg.dating.tense import told_as_to_come
from kg.records import Article, DateClue, Dating
from kg.timex import MONTHS, WEEKDAYS, Interval, resolve_time

EVENT_NOUNS = {"war", "conflict", "crisis", "uprising", "occupation", "insurgency", "revolution"}
START_WORDS = {"start", "beginning", "outbreak", "began", "begin", "broke", "erupted", "started", "since"}
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
YEAR_IN = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
DURATION = re.compile(r"^(\d{1,3})[- ]year$")
REDATED_AFTER = timedelta(days=183)  # a text that ends half a year before its page date was not written then
# A date these prepositions take is a span's start or end, or a thing's date, not when the verb happens: "the first
# visit since December 2002", "premier from 1990 to 1995 ... will announce".
NOT_WHEN = {"since", "from", "between", "to", "after", "of"}
TODAY = {"today", "tonight"}
DISAGREE = "the clues disagree"  # the reasoning of bounds that contradict each other: nothing else may flag then


def date_article(doc: Doc, article: Article) -> Dating:
    """What the text implies about its own date, checked against the page's publication date: first by what it
    bounds its own time with, then by how it names its latest year (`recency.py`). The latest year and its weight are
    kept either way: the build may add its own evidence to them (`posts.py`)."""
    bounded = date_by_bounds(doc, article)
    reading = read_latest_year(doc, article.title)
    if reading is not None:
        bounded = replace(bounded, latest_year=reading.year, recency=round(score(reading, weights()), 3))
    if bounded.redated or not article.published or (bounded.reasoning or "").startswith(DISAGREE) or reading is None:
        return bounded
    flagged, why = reads_as_of_its_year(reading, int(article.published[:4]))
    if not flagged:
        return bounded
    clue = _clue(reading.first, article, reading.first.text, why)
    return replace(bounded, estimate=(f"{reading.year}-01-01", f"{reading.year + 1}-12-31"),
                   clues=(*bounded.clues, clue), redated=True,
                   reasoning=f"{why}; so the text was written by {reading.year + 1}-12-31")


def date_by_bounds(doc: Doc, article: Article) -> Dating:
    """What the text's bounds on its own time imply: a war's age from its start, a date to come, a day called today,
    a year told as past."""
    clues: list[DateClue] = []
    starts = _start_years(doc, article, clues)
    durations = _durations(doc, article, clues)
    implied = [start + years for start in starts for years in durations]
    past_years = _past_years(doc, article, clues, skip={c.start for c in clues})
    dated = _dated_entities(doc)
    to_come = _dates_to_come(dated, article, clues) + _weekday_dates(doc, article, clues)
    today = _dates_of_today(dated, article, clues)
    if to_come or today:
        return _bounded(article, clues, to_come, today, past_years)
    if not implied and not past_years:
        return Dating(estimate=None, clues=tuple(clues), redated=False, reasoning=None)
    year = max(implied) if implied else max(past_years)
    earliest, latest = date(year, 1, 1), date(year, 12, 31)
    reasons = [c.reading for c in clues]
    if implied:
        after = _latest_past_month(doc, year)
        if after is not None:
            earliest = max(earliest, after)
            reasons.append(f"so the text was written after {after.isoformat()}")
    else:
        latest = date(9999, 12, 31)  # a past year bounds the text from below only
    published = date.fromisoformat(article.published) if article.published else None
    redated = published is not None and latest < published - REDATED_AFTER
    estimate = (earliest.isoformat(), latest.isoformat() if latest.year < 9999 else None)
    return Dating(estimate=estimate, clues=tuple(clues), redated=redated, reasoning="; ".join(reasons))


def _bounded(article: Article, clues: list[DateClue], to_come: list[date], today: list[date],
             past_years: list[int]) -> Dating:
    """The text's date bounded by what it tells as to come and as today, checked against the page date."""
    latest = min(to_come + today)
    earliest = max(today) if today else date(max(past_years), 1, 1) if past_years else None
    reasons = "; ".join(c.reading for c in clues)
    if earliest is not None and earliest > latest:
        # "... was delayed" and "... will be": one clue was misread, so neither is trusted.
        return Dating(estimate=None, clues=tuple(clues), redated=False,
                      reasoning=f"{DISAGREE} ({reasons})")
    published = date.fromisoformat(article.published) if article.published else None
    redated = published is not None and latest < published - REDATED_AFTER
    estimate = ((earliest or date(latest.year, 1, 1)).isoformat(), latest.isoformat())
    return Dating(estimate=estimate, clues=tuple(clues), redated=redated,
                  reasoning=f"{reasons}; so the text was written by {latest.isoformat()}")


def _dates_to_come(dated: list[tuple[Span, Interval]], article: Article, clues: list[DateClue]) -> list[date]:
    """Dates with a year the text tells as still to come: "he will leave his position by February 1, 2005", "elections
    are scheduled for December 15, 2005"; not "the first visit since December 2002", nor "the 1955 law ... will"."""
    found = []
    for ent, interval in dated:
        root = ent.root
        if root.dep_ in ("nummod", "compound", "amod", "poss") or (
                root.dep_ == "pobj" and root.head.lower_ in NOT_WHEN):
            continue
        # The date must set the verb's own time ("will leave by February 1, 2005"), not a noun's on the way to it
        # ("will lead to the lifting of restrictions imposed since the tests in 1998").
        verb = root.head.head if root.head.dep_ == "prep" else root.head
        if told_as_to_come(verb):
            found.append(interval.latest)
            clues.append(_clue(root, article, ent.text, f"{ent.text} is told as still to come"))
    return found


def _dates_of_today(dated: list[tuple[Span, Interval]], article: Article, clues: list[DateClue]) -> list[date]:
    """A day the text calls today: "Four people were killed today ... April 7, 2005" (its verb's "today")."""
    found = []
    for ent, interval in dated:
        verb = next((t for t in ent.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or interval.granularity != "day":
            continue
        if any(c.lower_ in TODAY and c.ent_type_ == "DATE" for c in verb.children):
            found.append(interval.latest)
            clues.append(_clue(ent.root, article, ent.text, f"{ent.text} is told as today"))
    return found


def _weekday_dates(doc: Doc, article: Article, clues: list[DateClue]) -> list[date]:
    """A day and month written with its weekday but no year ("ruled on Monday, April 10") falls on that weekday in
    the year of the text: when it does not in the page's year, nor the year before or after, the text was written
    within a year of the last year it does."""
    if not article.published:
        return []
    page = date.fromisoformat(article.published)
    found = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        words = re.findall(r"[a-z]+|\d+", ent.text.lower())
        weekdays = [WEEKDAYS[w] for w in words if w in WEEKDAYS]
        months = [MONTHS[w] for w in words if w in MONTHS]
        days = [int(w) for w in words if w.isdigit() and 1 <= int(w) <= 31]
        if YEAR_IN.search(ent.text) or not (weekdays and months and days):
            continue
        fits = [year for year in range(page.year + 1, page.year - 15, -1) if _weekday_of(year, months[0], days[0])
                == weekdays[0]]
        if not fits or fits[0] >= page.year - 1:
            continue
        found.append(date(fits[0] + 1, months[0], min(days[0], 28)))
        clues.append(_clue(ent.root, article, ent.text, f"{ent.text} fell on that weekday in {fits[0]}, not in "
                                                        f"{page.year - 1}, {page.year} or {page.year + 1}"))
    return found


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return date(year, month, day).weekday()
    except ValueError:
        return None  # 29 February of a common year


def _dated_entities(doc: Doc) -> list[tuple[Span, Interval]]:
    """The time expressions that give their own year ("February 1, 2005", "March 2005", "2005"), with what they
    name."""
    found = [(ent, resolve_time(ent.text, None)) for ent in doc.ents
             if ent.label_ == "DATE" and YEAR_IN.search(ent.text)]
    return [(ent, interval) for ent, interval in found if interval is not None]


def _clue(token: Token, article: Article, text: str, reading: str) -> DateClue:
    sent = token.sent
    return DateClue(sentence=sent.text.strip(), start=sent.start_char, end=sent.start_char + len(sent.text.rstrip()),
                    text=text, reading=reading)


def _start_years(doc: Doc, article: Article, clues: list[DateClue]) -> list[int]:
    """Years a war or conflict began: "since the start of the war in 2011", "the war broke out in 2011"."""
    years = []
    for token in doc:
        if not YEAR.match(token.text) or token.ent_type_ != "DATE":
            continue
        path = [token, *list(token.ancestors)[:4]]
        start = next((t for t in path if t.lower_ in START_WORDS), None)
        event = next((t for t in (*path, *(start.subtree if start is not None else ()))
                      if t.lemma_.lower() in EVENT_NOUNS), None)
        if start is not None and event is not None:
            years.append(int(token.text))
            span = doc[min(start.left_edge.i, event.i, token.i):max(event.i, token.i) + 1]
            clues.append(_clue(token, article, span.text, f"the {event.lower_} began in {token.text}"))
    return years


def _durations(doc: Doc, article: Article, clues: list[DateClue]) -> list[int]:
    """Ages of a war or conflict the text gives: "the 11-year conflict", "an 11-year war"."""
    years = []
    for token in doc:
        if token.lemma_.lower() not in EVENT_NOUNS:
            continue
        modifiers = doc[token.left_edge.i:token.i].text.lower()
        match = re.search(r"\b(\d{1,3})[- ]year(?:[- ]old|[- ]long)?\b", modifiers)
        if match:
            years.append(int(match.group(1)))
            clues.append(_clue(token, article, doc[token.left_edge.i:token.i + 1].text,
                               f"the {token.lower_} is {match.group(1)} years old"))
    return years


def _past_years(doc: Doc, article: Article, clues: list[DateClue], skip: set[int]) -> list[int]:
    """Years the text tells in the past tense: "on the sidelines of a regional summit in 2021"."""
    years = []
    for token in doc:
        if not YEAR.match(token.text) or token.ent_type_ != "DATE" or token.sent.start_char in skip:
            continue
        verb = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
        if verb is not None and verb.tag_ in ("VBD", "VBN") and not any(c.lower_ in ("will", "would")
                                                                           for c in verb.children):
            years.append(int(token.text))
            phrase = next((e.text for e in doc.ents if e.start <= token.i < e.end), token.text)
            clues.append(_clue(token, article, phrase, f"{token.text} is told as past"))
    return years


def _latest_past_month(doc: Doc, year: int) -> date | None:
    """The latest month (and part of it) the text tells as past without a year: "In mid-December, he indicated"."""
    latest = None
    for ent in doc.ents:
        if ent.label_ != "DATE" or re.search(r"\d{4}", ent.text):
            continue
        words = re.sub(r"[^\w\s-]", " ", ent.text.lower()).replace("-", " ").split()
        if not any(w in MONTHS for w in words) or len(words) > 3:
            continue
        verb = next((t for t in ent.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or verb.tag_ not in ("VBD", "VBN"):
            continue
        interval = resolve_time(ent.text, date(year, 12, 31))
        if interval is not None and (latest is None or interval.earliest > latest):
            latest = interval.earliest
    return latest
