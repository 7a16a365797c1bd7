"""Doc + publication date -> when the text says it was written, and whether that contradicts the page's date.

News sites republish old stories under new dates. The text often gives itself away: "the 11-year conflict" with "the
start of the war in 2011" is 2022; "In mid-December" told as past is after mid-December; a year told in the past
tense has happened. When what the text implies ends well before the page's date, the article is flagged as possibly
re-dated, with the sentences that say so, and dates read against its page date are not trusted.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from kg.records import Article, DateClue, Dating
from kg.timex import MONTHS, resolve_time

EVENT_NOUNS = {"war", "conflict", "crisis", "uprising", "occupation", "insurgency", "revolution"}
START_WORDS = {"start", "beginning", "outbreak", "began", "begin", "broke", "erupted", "started", "since"}
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
DURATION = re.compile(r"^(\d{1,3})[- ]year$")
REDATED_AFTER = timedelta(days=183)  # a text that ends half a year before its page date was not written then


def date_article(doc: Doc, article: Article) -> Dating:
    """What the text implies about its own date, checked against the page's publication date."""
    clues: list[DateClue] = []
    starts = _start_years(doc, article, clues)
    durations = _durations(doc, article, clues)
    implied = [start + years for start in starts for years in durations]
    past_years = _past_years(doc, article, clues, skip={c.start for c in clues})
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
