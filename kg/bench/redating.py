"""How often kg flags genuine articles as re-dated, and how often it catches the same text under a later page date.

    python -m kg.bench.redating [CORPUS_DIR] [--shifts 2 4] [--processes N] [--model NAME]

The Wikinews 2004-2009 articles of CORPUS_DIR (default ../shared/corpus, `wikinews_politics_2004_2009/text/*.txt`)
carry their right page dates. Each is dated by its own text (`kg.dating.date_article`) three ways: under its page
date (a flag is a false alarm), and under the page date moved 2 and 4 years later (a flag is a catch). Catches are
counted on the articles that name a year within one of their own, the ones whose text can give them away. The
false alarms are listed with their evidence.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace
from pathlib import Path

from kg.dating import date_article
from kg.ingest import read_file
from kg.nlp import DEFAULT_MODEL, load_model, parse_articles
from kg.records import Article

YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def shifted(article: Article, years: int) -> Article:
    """The article under a page date `years` later (29 February becomes the 28th)."""
    year, month, day = (int(part) for part in (article.published or "")[:10].split("-"))
    day = 28 if (month, day) == (2, 29) else day
    return replace(article, published=f"{year + years:04d}-{month:02d}-{day:02d}")


def names_its_year(article: Article) -> bool:
    own = int((article.published or "0")[:4])
    return any(abs(int(year) - own) <= 1 for year in YEAR.findall(article.body))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default="../shared/corpus", type=Path)
    parser.add_argument("--shifts", nargs="+", type=int, default=[2, 4])
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args(argv)
    paths = sorted((args.corpus / "wikinews_politics_2004_2009" / "text").glob("*.txt"))
    if not paths:
        print(f"error: no Wikinews 2004-2009 articles under {args.corpus}", file=sys.stderr)
        return 2
    articles = [a for path in paths for a in read_file(path) if isinstance(a, Article) and a.published]
    nlp = load_model(args.model)
    alarms: list[tuple[Article, str]] = []
    caught = dict.fromkeys(args.shifts, 0)
    near = 0
    for article, doc in parse_articles(nlp, articles, n_process=args.processes):
        own = date_article(doc, article)
        if own.redated:
            alarms.append((article, own.reasoning or ""))
        if names_its_year(article):
            near += 1
            for years in args.shifts:
                caught[years] += date_article(doc, shifted(article, years)).redated
    print(f"Wikinews 2004-2009: {len(articles)} dated articles; flagged under their own page date: {len(alarms)} "
          f"({len(alarms) / len(articles):.2%})")
    for years, count in caught.items():
        print(f"  under a page date {years} years later: {count} of the {near} that name a year within one of "
              f"their own ({count / near:.0%})")
    for article, reasoning in alarms:
        print(f"  false alarm {article.published} {Path(article.source).name}: {reasoning}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
