"""A name's kind across the build: one the articles write as an organisation or a place in more of them than as a
person, that nothing in its own articles shows to be a person's, is that organisation or place ("Treasury",
"Greenpeace", "Credit Suisse", "Darfur": each a person in one article to the tagger, and an organisation or a place
in many others). Its own article decided it alone (kg/extract/kinds.py); the build has more to go by.

What shows a person here: a post the article gives it, or a first name of the census list opening it. A name whose
last word is in another person's name in the build ("Wang", "Zawahiri", "Bilawal Bhutto Zardari") is left alone: the
organisation or the place may be the tagger's error.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from kg.extract.cleaning import is_first_name
from kg.records import Extraction
from kg.resolve.names import name_tokens

# The fewest articles that must write the name as another kind, and more of them than write it as a person's.
MIN_OTHER_ARTICLES = 2


def vote_kinds(extractions: Sequence[Extraction], keys: dict[str, tuple[str, str]],
               merges: dict[tuple[str, str], set[str]], written: dict[tuple[str, str], str]) -> None:
    """Moves the mentions of outvoted person names (`keys`: mention id -> name key) to the organisation or place
    their name is most often, recording why in `merges`."""
    as_person: dict[tuple[str, str], set[str]] = defaultdict(set)  # person key -> articles
    shown: set[tuple[str, str]] = set()
    in_names: dict[str, set[tuple[str, str]]] = defaultdict(set)  # a word -> the people's names of two words with it
    # folded name -> the organisation, place or country keys it is written as -> their articles
    as_other: dict[str, dict[tuple[str, str], set[str]]] = defaultdict(lambda: defaultdict(set))
    for extraction in extractions:
        holders = {role.holder for role in extraction.roles}
        for mention in extraction.mentions:
            key = keys[mention.id]
            if key[0] == "Person":
                as_person[key].add(extraction.article.id)
                words = mention.name.split()
                if mention.id in holders or (len(words) >= 2 and is_first_name(words[0])):
                    shown.add(key)
                if len(tokens := name_tokens(key[1])) >= 2:
                    for token in tokens:
                        in_names[token].add(key)
            elif key[0] in ("Organisation", "Place", "Country"):
                as_other[key[1]][key].add(extraction.article.id)
    moved: dict[tuple[str, str], tuple[tuple[str, str], str]] = {}
    for key in sorted(as_person):
        others = as_other.get(key[1])
        if key in shown or not others or in_names.get((name_tokens(key[1]) or ("",))[-1], set()) - {key}:
            continue  # "Wang", "Bhutto Zardari": a surname of someone else the build names
        articles = set().union(*others.values())
        if len(articles) >= MIN_OTHER_ARTICLES and len(articles) > len(as_person[key]):
            to = max(sorted(others), key=lambda k: len(others[k]))
            kind = {"Organisation": "an organisation", "Place": "a place", "Country": "a country"}[to[0]]
            moved[key] = to, (f"{written.get(key, key[1])} → {written.get(to, to[1])}: written as {kind} in "
                              f"{len(articles)} articles of the build, as a person in {len(as_person[key])}, and "
                              f"nothing shows a person")
    for mention_id, key in keys.items():
        if key in moved:
            keys[mention_id] = moved[key][0]
    for key, (to, why) in moved.items():
        merges[to] |= merges.pop(key, set()) | {why}
