"""How often kg flags genuine articles as re-dated, and how often it catches the same text under a later page date.

    python -m kg.bench.redating [CORPUS_DIR] [--shifts 2 4] [--processes N] [--model NAME]

The Wikinews 2004-2009 articles of CORPUS_DIR (default ../shared/corpus, `wikinews_politics_2004_2009/text/*.txt`)
carry their right page dates. Each is dated by its own text (`kg.dating.date_article`) three ways: under its page
date (a flag is a false alarm), and under the page date moved 2 and 4 years later (a flag is a catch). Catches are
counted on the articles that name a year within one of their own, the ones whose text can give them away. The
false alarms are listed with their evidence.

With --build it also builds the articles together (extraction and resolution, a few minutes more) and adds the
build's own evidence (kg/dating/posts.py): each article is moved alone to a later page date while the others keep
theirs, and flagged when the posts it states, which the others state only years before, and its text agree.

With --calibrate it fits the weights of the latest-year clues (kg/dating/recency.py) on the same articles instead,
prints how they do five-fold cross-validated (fitted on four fifths, measured on the fifth), and writes them to
kg/data/recency.tsv.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from kg.dating import date_article
from kg.dating.article import YEAR_IN, date_by_bounds
from kg.dating.posts import out_of_time, reads_as_of_posts
from kg.dating.recency import DATA, Reading, Weights, read_latest_year, reads_as_of_its_year, score, weights
from kg.extract import extract
from kg.ingest import read_file
from kg.nlp import DEFAULT_MODEL, load_model, parse_articles
from kg.records import Article, Dating, Extraction
from kg.resolve import post_index, resolve


def shifted(article: Article, years: int) -> Article:
    """The article under a page date `years` later (29 February becomes the 28th)."""
    year, month, day = (int(part) for part in (article.published or "")[:10].split("-"))
    day = 28 if (month, day) == (2, 29) else day
    return replace(article, published=f"{year + years:04d}-{month:02d}-{day:02d}")


def names_its_year(article: Article) -> bool:
    own = int((article.published or "0")[:4])
    return any(abs(int(year) - own) <= 1 for year in YEAR_IN.findall(article.body))


@dataclass(frozen=True)
class Case:
    """One genuine article as the bench sees it: its dating under its own page date and the shifted ones (by its
    bounds only), and how it names its latest year."""

    article: Article
    year: int  # of its page date
    near: bool
    bounded: dict[int, bool]  # years shifted (0 = its own page date) -> flagged by the text's bounds
    reading: Reading | None
    dating: Dating  # under its own page date, every clue
    by_posts: dict[int, bool] = field(default_factory=dict)  # years shifted -> flagged by the build's posts (--build)


def flagged(case: Case, years: int, table: Weights) -> bool:
    if case.bounded[years] or case.by_posts.get(years):
        return True
    return case.reading is not None and reads_as_of_its_year(case.reading, case.year + years, table)[0]


def measure(cases: list[Case], shifts: list[int], table: Weights) -> tuple[list[Case], dict[int, int], int]:
    alarms = [c for c in cases if flagged(c, 0, table)]
    near = [c for c in cases if c.near]
    return alarms, {years: sum(flagged(c, years, table) for c in near) for years in shifts}, len(near)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default="../shared/corpus", type=Path)
    parser.add_argument("--shifts", nargs="+", type=int, default=[2, 4])
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--build", action="store_true",
                        help="build the articles together and add the evidence of the posts they state")
    parser.add_argument("--calibrate", action="store_true",
                        help=f"fit the clue weights and thresholds of {DATA} on these articles, print their 5-fold "
                             "cross-validated figures, and write the file")
    args = parser.parse_args(argv)
    paths = sorted((args.corpus / "wikinews_politics_2004_2009" / "text").glob("*.txt"))
    if not paths:
        print(f"error: no Wikinews 2004-2009 articles under {args.corpus}", file=sys.stderr)
        return 2
    articles = [a for path in paths for a in read_file(path) if isinstance(a, Article) and a.published]
    nlp = load_model(args.model)
    cases, extractions = [], []
    for article, doc in parse_articles(nlp, articles, n_process=args.processes):
        bounded = {years: date_by_bounds(doc, shifted(article, years)).redated for years in [0, *args.shifts]}
        year = int((article.published or "")[:4])
        dating = date_article(doc, article)
        cases.append(Case(article, year, names_its_year(article), bounded, read_latest_year(doc, article.title),
                          dating))
        if args.build:
            extractions.append(replace(extract(doc, article), dating=dating))
    if args.build:
        cases = with_posts(cases, extractions, [0, *args.shifts])
    if args.calibrate:
        return calibrate(cases, args.shifts)
    alarms, caught, near = measure(cases, args.shifts, weights())
    built = " built together, with the posts they state" if args.build else ""
    print(f"Wikinews 2004-2009{built}: {len(cases)} dated articles; flagged under their own page date: {len(alarms)} "
          f"({len(alarms) / len(cases):.2%})")
    for years, count in caught.items():
        print(f"  under a page date {years} years later: {count} of the {near} that name a year within one of "
              f"their own ({count / near:.0%})")
    for case in alarms:
        print(f"  flagged {case.article.published} {Path(case.article.source).name}: {case.dating.reasoning}")
    return 0


def with_posts(cases: list[Case], extractions: list[Extraction], shifts: list[int]) -> list[Case]:
    """The cases with what the build's posts say of each when it alone is moved `shifts` years on."""
    resolution = resolve(extractions)
    statements, index = post_index(extractions, resolution.mention_entity, {e.id: e for e in resolution.entities})
    done = []
    for case in cases:
        posts = [(s.person, s.post) for s in statements.get(case.article.id, [])]
        flags = {years: reads_as_of_posts(case.dating, case.year + years,
                                          out_of_time(case.article.id, case.year + years, posts, index))[0]
                 for years in shifts}
        done.append(replace(case, by_posts=flags))
    return done


# What a genuine article may cost: flagged at three or more years from its latest year, and at two.
ALARM_BUDGET = {3: 0.006, 2: 0.002}
WHEN = {2: "when the page is dated two years after that year", 3: "three or more years after"}
FOLDS = 5


def calibrate(cases: list[Case], shifts: list[int]) -> int:
    """Fit the weights (logistic regression: does the text's page date fall within a year of its latest year?) and
    the thresholds (the lowest scores that keep the genuine articles flagged within ALARM_BUDGET), report them
    cross-validated, and write them."""
    names = sorted({name for c in cases if c.reading for name in c.reading.clues})
    totals: Counter[str | int] = Counter()
    for fold in range(FOLDS):
        train = [c for i, c in enumerate(cases) if i % FOLDS != fold]
        table = _fit(train, names)
        held = [c for i, c in enumerate(cases) if i % FOLDS == fold]
        alarms, caught, near = measure(held, shifts, table)
        totals.update({"genuine": len(held), "flagged": len(alarms), "near": near})
        totals.update(caught)
        print(f"fold {fold + 1}: {len(alarms)} of {len(held)} genuine flagged; "
              + "; ".join(f"+{y}: {n} of {near} caught" for y, n in caught.items()))
    near = totals["near"]
    print(f"cross-validated: {totals['flagged']} of {totals['genuine']} genuine flagged; "
          + "; ".join(f"+{y}: {totals[y]} of {near} caught ({totals[y] / near:.0%})" for y in shifts))
    table = _fit(cases, names)
    lines = [
        "# Clue weights and thresholds of kg/dating/recency.py, written by `python -m kg.bench.redating --calibrate`",
        f"# on the {len(cases)} dated Wikinews 2004-2009 corpus articles (their page dates are right): logistic "
        "regression of 'the page",
        "# date is within a year of the latest year the text names' on the clues below; the thresholds keep the "
        "genuine articles",
        f"# flagged within {ALARM_BUDGET[3]:.1%} (three or more years on) and {ALARM_BUDGET[2]:.1%} (two years on) "
        "of the corpus.",
        "# clue\tweight\tmeaning",
    ]
    lines += [f"{name}\t{table.weights[name]:.3f}\t{MEANINGS[name]}" for name in ["bias", *names]]
    lines += [f"threshold_{gap}\t{table.thresholds[gap]:.3f}\tscore needed {WHEN[gap]}"
              for gap in sorted(table.thresholds)]
    DATA.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {DATA}")
    return 0


MEANINGS = {
    "bias": "no clue",
    "day": "named as a day",
    "month": "named as a month",
    "year_only": "named as a bare year only",
    "opening": "the text opens with it",
    "weekday": "named with its weekday",
    "lead": "named in the first two sentences",
    "since": "named after 'since'",
    "in": "named after 'in'",
    "to_come": "told as still to come",
    "present": "told in the present tense",
    "headline": "named in the headline",
    "previous_year": "the year before it named too",
    "anniversary": "an anniversary spoken of",
    "other_years": "other years named",
}


def _fit(cases: list[Case], names: list[str]) -> Weights:
    """Logistic regression by gradient descent (fixed steps: same input, same weights), then the thresholds."""
    import numpy as np  # spaCy's dependency; only calibration needs it

    rows = [(c.reading, c.year - c.reading.year, c.bounded[0]) for c in cases
            if c.reading is not None and c.reading.year <= c.year]
    x = np.array([[1.0] + [reading.clues.get(n, 0.0) for n in names] for reading, _, _ in rows])
    y = np.array([gap <= 1 for _, gap, _ in rows], dtype=float)
    w = np.zeros(x.shape[1])
    for _ in range(4000):
        p = 1 / (1 + np.exp(-x @ w))
        w -= 0.2 * (x.T @ (p - y) / len(y) + 0.001 * w)
    values = dict(zip(["bias", *names], (round(float(v), 3) for v in w), strict=True))
    table = Weights(values, {n: MEANINGS[n] for n in values}, {})
    thresholds = {}
    for far, budget in ALARM_BUDGET.items():
        # The genuine articles this far from their latest year that no bound flags: the lowest score that keeps
        # them within budget.
        scores = sorted((score(reading, table) for reading, gap, bounded in rows
                         if not bounded and (gap >= 3 if far == 3 else gap == far)), reverse=True)
        allowed = int(budget * len(cases))
        thresholds[far] = round(scores[allowed] + 0.001, 3) if len(scores) > allowed else -99.0
    return replace(table, thresholds=thresholds)

if __name__ == "__main__":
    sys.exit(main())
