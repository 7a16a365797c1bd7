"""Posts out of their time: evidence from the build itself that an article's text is older than its page date.

The build knows each person's posts and when each was stated. An article dated 2007 that calls Jean-Bertrand
Aristide "president", when the other articles of the build that do so are all of 2005, may be a story of 2005 that
a site republished later. It may also look back ("President Nixon resigned in 1974") or fill a gap in the build's
years, so the clue is never a verdict by itself: it adds POSTS_WEIGHT to the weight of how the text names its latest
year (`recency.py`), and counts only when that year agrees with the posts' time (it is no later than a year after
the last of the other statements) and lies two or more years before the page date. Current posts only: "former
President Bush" holds at any later date.

`python -m kg.bench.redating --build` measures it on the 3,926 dated Wikinews 2004-2009 corpus articles built
together, each moved alone to a later page date among the others: of the 1,167 that name a year within one of their
own, 558 are caught four years on (480 by their text alone) and 483 two years on (467), and no genuine article more
is flagged (24). A weight of 1.5 would flag one genuine article more; a build of the whole corpus, whose page dates
are genuine, has none flagged by it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from kg.dating.recency import weights
from kg.records import Dating

MIN_OTHERS = 3  # other articles that state the post, so that one odd article is no evidence
GAP = 2  # years between the last of them and the page date
POSTS_WEIGHT = 1.0  # what the clue adds to the text's own weight: the most that flags no genuine article more


@dataclass(frozen=True, slots=True)
class Statement:
    """One article calling one person by a current post."""

    article_id: str
    year: int  # of the article's page date
    person: str  # the person's name in the build
    post: str  # the post as compared across articles: "president", "prime minister of Italy"


@dataclass(frozen=True, slots=True)
class OutOfTime:
    """A post an article gives a person that the build's other articles give them only years before."""

    person: str
    post: str
    first: int
    last: int
    others: tuple[str, ...]  # the other articles' ids


def by_post(statements: Iterable[Statement]) -> dict[tuple[str, str], dict[str, int]]:
    """(person, post) -> the articles that state it, with their years."""
    index: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for statement in statements:
        index[(statement.person, statement.post)][statement.article_id] = statement.year
    return index


def out_of_time(article_id: str, year: int, posts: Iterable[tuple[str, str]],
                index: dict[tuple[str, str], dict[str, int]]) -> list[OutOfTime]:
    """The posts an article of `year` states that MIN_OTHERS or more other articles state, all GAP or more years
    before it."""
    found = []
    for person, post in sorted(set(posts)):
        others = {other: when for other, when in index.get((person, post), {}).items() if other != article_id}
        if len(others) >= MIN_OTHERS and year >= max(others.values()) + GAP:
            found.append(OutOfTime(person, post, min(others.values()), max(others.values()), tuple(sorted(others))))
    return found


def reads_as_of_posts(dating: Dating | None, year: int, found: list[OutOfTime]) -> tuple[bool, str]:
    """Whether the posts out of time and the text's own latest year together say the text is older than `year`,
    with why."""
    if dating is None or dating.latest_year is None or dating.recency is None or not found:
        return False, ""
    last = max(clue.last for clue in found)
    gap = year - dating.latest_year
    needed = weights().thresholds.get(min(gap, 3)) if gap >= 2 else None
    if needed is None or dating.latest_year > last + 1:
        return False, ""
    total = dating.recency + POSTS_WEIGHT
    posts = "; ".join(f"it calls {clue.person} {clue.post!r}, which {len(clue.others)} other articles of the build do "
                      f"only in {clue.first}" + (f"-{clue.last}" if clue.last != clue.first else "")
                      for clue in found)
    return total >= needed, (f"{posts}; {dating.latest_year} is the latest year its text names (weight "
                             f"{dating.recency:.2f} + {POSTS_WEIGHT:.2f} for the posts against {needed:.2f} needed)")
