"""The latest year an article names, and how it names it: does the text read as written in that year?

A news story names the year of its own events as a day ("On May 11, 2006, the paper published ..."), opens with it,
puts it in the headline, names the year before it too; a story that only looks back names an old year bare, after
"since" or "in", or speaks of an anniversary. Each of these is a clue with a weight (`kg/data/recency.tsv`, fitted by
`python -m kg.bench.redating --calibrate` on the genuine Wikinews 2004-2009 corpus articles, whose page dates are
right). When the page is dated two or more years after that year and the weights of the clues found pass the
threshold, the article is flagged as possibly re-dated. There are two thresholds, for two years on and for three or
more, each the lowest score that keeps the genuine articles that far from their latest year within a set share of
the corpus (0.2 % and 0.6 %).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import islice
from pathlib import Path

from spacy.tokens import Doc, Token

from kg.dating.tense import told_as_to_come
from kg.timex import WEEKDAYS, resolve_time

DATA = Path(__file__).resolve().parent.parent / "data" / "recency.tsv"
YEAR = re.compile(r"^(19\d\d|20\d\d)$")
NOT_A_YEAR = {"MONEY", "CARDINAL", "QUANTITY", "PERCENT"}  # "2000 soldiers", "$2005"
OPENING = 40  # characters: "April 26, 2005 The ..." is a date line


@dataclass(frozen=True, slots=True)
class Weights:
    weights: dict[str, float]  # clue name -> weight; "bias" is the weight of no clue
    meanings: dict[str, str]  # clue name -> what it says, for the reasoning
    thresholds: dict[int, float]  # years between that year and the page -> score needed (2; 3 or more)


@dataclass(frozen=True, slots=True)
class Reading:
    year: int  # the latest year the text names
    clues: dict[str, float]  # clue name -> value (1 for present; a count for "other_years")
    first: Token  # its first mention, whose sentence is kept as evidence


@cache
def weights(path: Path = DATA) -> Weights:
    values: dict[str, float] = {}
    meanings: dict[str, str] = {}
    thresholds: dict[int, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, value, meaning = line.split("\t")
        if name.startswith("threshold_"):
            thresholds[int(name.removeprefix("threshold_"))] = float(value)
        else:
            values[name], meanings[name] = float(value), meaning
    return Weights(values, meanings, thresholds)


def read_latest_year(doc: Doc, title: str) -> Reading | None:
    """The latest year named in the text (not an amount: "2000 soldiers") and the clues of how it is named."""
    mentions = [t for t in doc if t.like_num and YEAR.match(t.text) and t.ent_type_ not in NOT_A_YEAR]
    if not mentions:
        return None
    year = max(int(t.text) for t in mentions)
    named = {int(t.text) for t in mentions}
    clues: dict[str, float] = {}
    lead_end = _lead_end(doc)
    dates = {i: e for e in doc.ents if e.label_ == "DATE" for i in range(e.start, e.end)}
    for token in (t for t in mentions if int(t.text) == year):
        ent = dates.get(token.i)
        interval = resolve_time(ent.text, None) if ent is not None else None
        granularity = interval.granularity if interval is not None else "year"
        if granularity == "day":
            clues["day"] = 1
        elif granularity in ("month", "part-of-month"):
            clues["month"] = 1
        root = ent.root if ent is not None else token
        if ent is not None and ent.start_char < OPENING:
            clues["opening"] = 1  # a date line ("April 26, 2005 The ...") or a topic line ("2008 US Presidential ...")
        if ent is not None and set(re.findall(r"[a-z]+", ent.text.lower())) & WEEKDAYS.keys():
            clues["weekday"] = 1
        if token.i < lead_end:
            clues["lead"] = 1
        if root.dep_ == "pobj" and root.head.lower_ in ("since", "in"):
            clues[root.head.lower_] = 1
        if root.dep_ not in ("nummod", "compound", "amod", "poss"):  # the date of the verb, not of a thing
            verb = root.head.head if root.head.dep_ == "prep" else root.head
            if told_as_to_come(verb):
                clues["to_come"] = 1
            elif verb.tag_ in ("VBZ", "VBP"):
                clues["present"] = 1
    if "day" not in clues and "month" not in clues:
        clues["year_only"] = 1
    if str(year) in title:
        clues["headline"] = 1
    if year - 1 in named:
        clues["previous_year"] = 1
    if "anniversar" in doc.text.lower():  # "anniversary", "anniversaries"
        clues["anniversary"] = 1
    clues["other_years"] = min(3, len(named) - 1)
    return Reading(year, clues, next(t for t in mentions if int(t.text) == year))


def score(reading: Reading, table: Weights) -> float:
    return table.weights["bias"] + sum(table.weights.get(name, 0.0) * value for name, value in reading.clues.items())


def reads_as_of_its_year(reading: Reading, page_year: int, table: Weights | None = None) -> tuple[bool, str]:
    """Whether the text reads as written in its latest year although the page is dated two or more years later,
    with the clues and weights that say so."""
    table = table or weights()
    gap = page_year - reading.year
    needed = table.thresholds.get(min(gap, 3)) if gap >= 2 else None
    total = score(reading, table)
    found = ", ".join(table.meanings[name] for name in sorted(reading.clues)
                      if reading.clues[name] and table.weights.get(name, 0.0) > 0)
    why = (f"{reading.year} is the latest year the text names ({found or 'no clue that it is recent'}: "
           f"weight {total:.2f}{f' against {needed:.2f} needed' if needed is not None else ''})")
    return needed is not None and total >= needed, why


def _lead_end(doc: Doc) -> int:
    """The token index where the lead (the first two sentences) ends."""
    sentences = list(islice(doc.sents, 2))
    return sentences[-1].end if sentences else 0
