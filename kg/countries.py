"""The country gazetteer (kg/data/countries.tsv): names, short forms, demonyms and capitals -> one country name."""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Gazetteer:
    by_name: dict[str, str]  # folded name or short form -> country
    by_demonym: dict[str, str]  # folded demonym -> country
    by_capital: dict[str, str]  # folded capital -> country


@cache  # merging a corpus folds the same few thousand names over a million times
def fold(text: str) -> str:
    """Case, accents, apostrophes and a leading "the" folded away, for lookups.

    >>> fold("the Türkiye")
    'turkiye'
    """
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()
    return text.removeprefix("the ").strip()


@cache
def gazetteer() -> Gazetteer:
    by_name, by_demonym, by_capital = {}, {}, {}
    with resources.files("kg").joinpath("data/countries.tsv").open(encoding="utf-8") as stream:
        for row in csv.DictReader(stream, delimiter="\t"):
            country = row["country"]
            for name in [country, *filter(None, row["names"].split("|"))]:
                by_name[fold(name)] = country
            for demonym in filter(None, row["demonyms"].split("|")):
                by_demonym[fold(demonym)] = country
            if row["capital"]:
                by_capital[fold(row["capital"])] = country
    return Gazetteer(by_name, by_demonym, by_capital)


def country_named(text: str) -> str | None:
    """The country a name or short form stands for.

    >>> country_named("U.S."), country_named("Syrian Arab Republic"), country_named("Moscow")
    ('United States', 'Syria', None)
    """
    return gazetteer().by_name.get(fold(text))


def country_of_demonym(text: str) -> str | None:
    """The country a demonym names.

    >>> country_of_demonym("Turkish")
    'Turkey'
    """
    return gazetteer().by_demonym.get(fold(text))
