"""Names across articles: one entity per name, its spellings, nicknames and initials, and a surname alone on the
evidence of posts, titles, places and company."""

from __future__ import annotations

import bisect
import csv
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from importlib import resources

from kg.countries import country_named, fold
from kg.extract.lexicon import LED_BODIES
from kg.records import Article, Extraction, Mention
from kg.resolve.names import (
    _bearers,
    _capitalised,
    _given,
    _initials_for,
    _key,
    _post,
    _respelt,
    edit_distance,
    name_tokens,
    plain_spelling,
    respelling,
    title_key,
)

MIN_PLACE_EVIDENCE = 3.0  # rarity-weighted countries in common: "United States" alone is far from enough


# A name alone ("Bush") stands for the namesake named in this many times the articles of all the others together, in
# the build and within WINDOW of the article, if that namesake is named in DOMINANT_MIN_ARTICLES articles or more.
DOMINANCE = 4


DOMINANT_MIN_ARTICLES = 10


WINDOW = timedelta(days=183)
# Names more than a term apart are not joined by a post both hold (posts change hands) nor by a name alone.
TERM = timedelta(days=4 * 366)


@dataclass
class _Profile:
    """What the build says about one person: posts (title, organisation or country), the countries of the articles
    they appear in, those articles and their dates, and the other names those articles mention."""

    posts: set[tuple[str, str]] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)  # what the text calls them, with or without an organisation
    places: Counter = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    dates: dict[str, date] = field(default_factory=dict)  # article id -> its publication date
    context: dict[str, frozenset] = field(default_factory=dict)  # article id -> its other names (`with_context` only)


def _profiles(extractions: Sequence[Extraction], keys: dict[str, tuple[str, str]],
              with_context: Set[tuple[str, str]] = frozenset()) -> dict[tuple[str, str], _Profile]:
    """Profiles of every name across the build (a surname's own profile comes from its article alone); only the
    names in `with_context` (and a single article's) get the other names of their articles, which are many."""
    profiles: dict[tuple[str, str], _Profile] = defaultdict(_Profile)
    for extraction in extractions:
        by_id = {m.id: m for m in extraction.mentions}
        countries = {m.name for m in extraction.mentions if m.kind == "Country"}
        people = {keys[m.id] for m in extraction.mentions if m.kind == "Person"}
        named = {keys[m.id] for m in extraction.mentions}
        published = extraction.article.published
        for key in people:
            profile = profiles[key]
            profile.places.update(countries)
            profile.articles.add(extraction.article.id)
            if published:
                profile.dates[extraction.article.id] = date.fromisoformat(published)
            if key in with_context or len(extractions) == 1:
                profile.context[extraction.article.id] = frozenset(named - {key})
        for role in extraction.roles:
            if role.of in by_id:
                profiles[keys[role.holder]].posts.add(_post(role, by_id))
            if role.title and role.holder in keys:
                profiles[keys[role.holder]].titles.add(title_key(role.title))
    return profiles


def _resolve_acronyms_across(extractions: Sequence[Extraction], keys: dict[str, tuple[str, str]],
                             expansions: dict[tuple[str, str], set[tuple[str, str]]],
                             merges: dict[tuple[str, str], set[str]]) -> None:
    """An acronym an article does not spell out stands for the one expansion the other articles give it."""
    written = {keys[m.id]: m.name for e in extractions for m in e.mentions if _key(m) == keys[m.id]}
    for extraction in extractions:
        for mention in extraction.mentions:
            found = expansions.get(keys[mention.id], set())
            if len(found) == 1:
                (full,) = found
                merges[full].add(f"{mention.name} → {written[full]}: the only expansion of {mention.name} in the "
                                 f"build (used in {extraction.article.id})")
                keys[mention.id] = full


def _resolve_variants(keys: dict[str, tuple[str, str]], merges: dict[tuple[str, str], set[str]],
                      written: dict[tuple[str, str], str], profiles: dict[tuple[str, str], _Profile]
                      ) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """A full name that is a shorter form of exactly one longer name with the same first and last names, missing only
    whole middle names, is that person ("Barack Obama" and "Barack Hussein Obama"); so is a first and last name short
    of one longer name by initials only ("Edward Kennedy" and "Edward M. Kennedy"), but a name with initials never
    joins one with more ("George W. Bush" is not "George H. W. Bush"); a leading initial is no first name ("N. Dharam
    Singh" is a Dharam Singh). Names that differ only in particles are one ("Bashar Assad" and "Bashar al-Assad"); so
    are names that differ by a nickname for the first name the build also spells out ("Dick Cheney" and "Richard
    Cheney"), and, the rarer joining the more written, names that give middle names where the other gives their
    initials ("George Herbert Walker Bush", "George H. W. Bush"), or spell the same name another way ("Kurmanbek
    Bakiev" and "Kurmanbek Bakiyev", "Sergei Lavrov" and "Sergey Lavrov": doubled letters, an "h", "y" for "i", "z"
    for "s"). A nickname, an initial or a spelling takes evidence as well (`_same_person_evidence`). Returns the names
    short of two or more longer ones, with those longer names: they are decided article by article
    (`_resolve_surnames_across`)."""
    forms = _person_forms(set(keys.values()))
    counts = Counter(keys.values())
    # Article id -> the people, organisations and places it names; countries are too widely named to tell anyone apart.
    named_in: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for mention_id, key in keys.items():
        if key[0] != "Country":
            named_in[mention_id.split("#")[0]].add(key)
    spread = Counter(key for names in named_in.values() for key in names)  # name -> articles naming it
    by_ends: dict[tuple[str, str], dict[tuple[str, ...], list[tuple[str, str]]]] = \
        defaultdict(lambda: defaultdict(list))  # (first name, surname), however spelt -> name tokens -> keys so
    for key, form in sorted(forms.items()):
        if len(form) >= 2:
            by_ends[plain_spelling(_given(form)), plain_spelling(form[-1])][form].append(key)
    # The most written key of each form stands for the form.
    standing = {form: min(same, key=lambda k: (-counts[k], k)) for group in by_ends.values()
                for form, same in group.items()}
    proposed: list[tuple[tuple[str, str], tuple[str, str], str, bool]] = []  # key, target, why, needs evidence
    ambiguous: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for group in by_ends.values():
        for form, same in group.items():
            longer = [other for other in group if set(form) < set(other)]
            extra = set(longer[0]) - set(form) if len(longer) == 1 else set()
            if len(longer) == 1 and (all(len(part) >= 3 for part in extra) or len(form) == 2):
                initials = not all(len(part) >= 3 for part in extra)
                why = ("the only name in the build with the same first and last names and more initials" if initials
                       else "the only longer name in the build with the same first and last names")
                to = standing[longer[0]]
            elif len(same) > 1:
                to, why, initials = standing[form], "the same name written another way", False
            elif not longer and len(spelt := [other for other in group if _initials_for(form, other)]) == 1 \
                    and (counts[standing[spelt[0]]], spelt[0]) > (counts[standing[form]], form):
                # "George Herbert Walker Bush" and "George H. W. Bush": the rarer joins the more written, on evidence.
                to, why, initials = standing[spelt[0]], "the same name with middle names as initials", True
            elif not longer and len(spelt := [other for other in group if other != form and _respelt(form, other)]) \
                    == 1 and (counts[standing[spelt[0]]], spelt[0]) > (counts[standing[form]], form):
                # "Kurmanbek Bakiev" and "Kurmanbek Bakiyev", "Sergei Lavrov" and "Sergey Lavrov": one name written
                # in two transliterations; the rarer joins the more written, on evidence ("Terri Collins" is not
                # "Terry Collins" for the spelling alone).
                to, why, initials = standing[spelt[0]], "the same name spelt another way", True
            else:
                to = None
            for key in same:
                if to is None or key == to:
                    continue
                given = sorted({_given(name_tokens(key[1])), _given(name_tokens(to[1]))})
                if len(given) > 1 and not respelling(*given):
                    short, full = sorted(given, key=lambda name: name not in nicknames())
                    proposed.append((key, to, f"{why}, {short!r} being short for {full!r}", True))
                else:
                    proposed.append((key, to, why, initials))
            if len(longer) > 1:
                for key in same:
                    ambiguous[key] = sorted(standing[other] for other in longer)
    target = {key: (to, why) for key, to, why, needs in proposed if not needs}
    # A nickname can be someone's given name ("Jack Reed" is not "John Reed"), and a common name with an initial
    # someone else's ("Michael Smith" the reporter is not "Michael J. Smith" the soldier): either takes evidence that
    # the two are one, weighed against all the target stands for so far, the most named first.
    joined: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for key, (to, _) in target.items():
        joined[to].add(key)
    for key, to, why, _ in sorted((p for p in proposed if p[3]), key=lambda p: (-len(profiles[p[0]].articles), p[0])):
        evidence = _same_person_evidence({key}, {to} | joined[to], profiles, named_in, spread)
        if evidence is not None:
            target[key] = (to, f"{why}, and {evidence}")
            joined[to].add(key)

    def final(key: tuple[str, str]) -> tuple[str, str]:
        """Where a name ends up: "Hilary Clinton" joins "Hillary Clinton", which joins "Hillary Rodham Clinton"."""
        seen = {key}
        while key in target and target[key][0] not in seen:
            key = target[key][0]
            seen.add(key)
        return key

    for mention_id, key in list(keys.items()):
        if key in target:
            to, why = target[key]
            keys[mention_id] = final(key)
            merges[final(key)].add(f"{written[key]} → {written[to]}: {why}")
    for key in target:
        if final(key) != key:
            merges[final(key)] |= merges.pop(key, set())  # what was merged into a name goes with it
    return {key: sorted({final(c) for c in found}) for key, found in ambiguous.items() if key not in target}


def _same_person_evidence(ours: set[tuple[str, str]], theirs: set[tuple[str, str]],
                          profiles: dict[tuple[str, str], _Profile], named_in: dict[str, set[tuple[str, str]]],
                          spread: Counter) -> str | None:
    """What says that two names of one first and last name (each with the names already joined to it) are one person:
    an article naming both, a post both hold, a title both are given, a person, organisation or place few articles
    name that comes up with both ("Harry Reid" with "Ted Kennedy" and "Edward M. Kennedy", Vermont with "Bernie
    Sanders" and "Bernard Sanders"), or one so much more named that the other, written in the same months, is taken
    to be it. None if nothing does."""
    a, b = (_Profile(posts=set().union(*(profiles[k].posts for k in keys)),
                     titles=set().union(*(profiles[k].titles for k in keys)),
                     articles=set().union(*(profiles[k].articles for k in keys)),
                     dates={a: d for k in keys for a, d in profiles[k].dates.items()}) for keys in (ours, theirs))
    if a.articles & b.articles:
        return f"both are named in {min(a.articles & b.articles)}"
    posts = sorted((title, of) for title, of in a.posts & b.posts if title)
    if posts and _within(a.dates.values(), b.dates.values(), TERM):
        # A post changes hands: "president of the United States" in 1987 and in 2005 are two people.
        return f"both hold the post {posts[0][0]} of {posts[0][1]}"
    titles = sorted(a.titles & b.titles)
    if titles:
        return f"the articles call both {titles[0]!r}"
    rare = _few(len(named_in))
    met_a, met_b = ({other for article in p.articles for other in named_in[article] if spread[other] <= rare}
                    for p in (a, b))
    shared = sorted((met_a & met_b) - ours - theirs)
    if shared:
        return f"both come up with {shared[0][1]!r}, which few articles name"
    big, small = sorted((a, b), key=lambda p: -len(p.articles))
    if len(big.articles) >= DOMINANT_MIN_ARTICLES and len(big.articles) >= DOMINANCE * len(small.articles) \
            and small.dates and all(any(abs(d - e) <= WINDOW for e in big.dates.values())
                                    for d in small.dates.values()):
        return f"one is named in {len(big.articles)} articles, the other in {len(small.articles)}, in the same months"
    return None


def _within(dates: Iterable[date], others: Iterable[date], span: timedelta) -> bool:
    """Whether some date of one set lies within `span` of some date of the other."""
    others = sorted(others)
    for day in dates:
        at = bisect.bisect_left(others, day - span)  # the first of the others not too early for it
        if at < len(others) and others[at] <= day + span:
            return True
    return False


@cache
def nicknames() -> dict[str, tuple[str, ...]]:
    """Folded nickname -> the given names it is short for (kg/data/nicknames.tsv).

    >>> nicknames()["dick"], nicknames()["ted"]
    (('richard',), ('edward', 'theodore'))
    """
    found: dict[str, list[str]] = defaultdict(list)
    with resources.files("kg").joinpath("data/nicknames.tsv").open(encoding="utf-8") as stream:
        for row in csv.DictReader(stream, delimiter="\t"):
            for nickname in row["nicknames"].split("|"):
                found[fold(nickname)].append(fold(row["name"]))
    return {nickname: tuple(sorted(names)) for nickname, names in found.items()}


def _person_forms(all_keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, ...]]:
    """Name tokens of every person key, a nickname first name replaced by the given name it is short for when the
    build has exactly one such given name with the same surname ("Ted Kennedy" is "Edward Kennedy" if some Edward
    Kennedy is named and no Theodore Kennedy)."""
    tokens_of = {key: name_tokens(key[1]) for key in all_keys if key[0] == "Person"}
    spelled = {(tokens[0], tokens[-1]) for tokens in tokens_of.values() if len(tokens) >= 2}
    forms = {}
    for key, tokens in tokens_of.items():
        if len(tokens) >= 2:
            given = [name for name in nicknames().get(tokens[0], ()) if (name, tokens[-1]) in spelled]
            if len(given) == 1:
                tokens = (given[0], *tokens[1:])
        forms[key] = tokens
    return forms


def _resolve_surnames_across(extractions: Sequence[Extraction], keys: dict[str, tuple[str, str]],
                             merges: dict[tuple[str, str], set[str]], written: dict[tuple[str, str], str],
                             ambiguous: dict[tuple[str, str], list[tuple[str, str]]]) -> None:
    """A surname no full name in its article explains ("Abbas"), or a name short of several longer ones ("George
    Bush"), joins a full name in the build that fits it, when the evidence points to that person: a post only they
    share ("Palestinian President Abbas" and "Palestinian President Mahmoud Abbas"); a title only they are given, in
    the same months ("Vice-President Cheney", "the Howard government"); countries the articles speak of
    that few other articles do, for a person who all but owns the name in the build ("Howard" in articles on
    Australia); or a namesake so dominant, in the build and in the months around the article, that only contrary
    evidence could make it someone else, and there is none (`_dominant`), among the namesakes given the name's title
    if it has one ("President Bush": not Laura Bush); or, failing that, the one namesake the article's rarer people
    come up with ("Mr Brown, Mr Sarkozy", `_rare_company`). So does a name that is the end of a far
    more named longer one, or its initials ("Lula da Silva", "G.W. Bush"), unless its article names both. A full name
    whose first name is one or two letters from that of a far more frequent namesake joins it by a shared post, or,
    when the two are one name spelt two ways ("Hilary", "Hillary"), as a name alone would. Ambiguous or unsupported,
    it stays apart."""
    full = [key for key in set(keys.values()) if key[0] == "Person" and len(name_tokens(key[1])) >= 2]
    by_surname: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in sorted(full):
        by_surname[name_tokens(key[1])[-1]].append(key)
    forms = _person_forms(set(keys.values()))
    articles_of = Counter(key for _, key in {(mention_id.split("#")[0], key) for mention_id, key in keys.items()})
    surname_articles: Counter = Counter()  # surname -> articles naming someone by it, alone or in full
    for key, count in articles_of.items():
        if key[0] == "Person":
            surname_articles[name_tokens(key[1])[-1]] += count
    fuller = {key: found for key in full
              if key not in ambiguous and (found := _fuller_names(key, by_surname, articles_of))}
    misspelt = {key: found for key in full
                if key not in ambiguous and key not in fuller
                and (found := _spelled_like(key, by_surname, forms, articles_of))}

    def candidates_of(key: tuple[str, str]) -> list[tuple[str, str]]:
        if key[0] != "Person":
            return []
        tokens = name_tokens(key[1])
        if len(tokens) > 1:
            return ambiguous.get(key) or misspelt.get(key) or fuller.get(key, [])
        return by_surname.get(tokens[0], [])

    wanted = {c for e in extractions for m in e.mentions for c in candidates_of(keys[m.id])}
    profiles = _profiles(extractions, keys, with_context=wanted)
    spread = Counter(m.name for e in extractions
                     for m in {x.name: x for x in e.mentions if x.kind == "Country"}.values())
    rarity = {country: math.log((len(extractions) + 1) / (count + 1)) for country, count in spread.items()}
    for extraction in extractions:
        local = None
        named = {keys[m.id] for m in extraction.mentions}
        for mention in extraction.mentions:
            key = keys[mention.id]
            candidates = candidates_of(key) if _alone(mention, key) else []
            if not candidates:
                continue
            tokens = name_tokens(key[1])
            if len(tokens) == 1 and any(m.start < mention.start for m in _bearers(tokens[0], extraction.mentions)):
                continue  # its article names people by it before it and left it to neither (`_bearer_meant`)
            local = local or _profiles([extraction], keys)
            mine = local[key]
            if mine.dates:  # a name of 1987 is none of the namesakes the build names only in 2005 on
                # ... but a government named after a namesake of before may be named in any later year
                candidates = [c for c in candidates if not profiles[c].dates
                              or _within(mine.dates.values(), profiles[c].dates.values(), TERM)
                              or (_named_for_body(mine)
                                  and min(profiles[c].dates.values()) <= min(mine.dates.values()))]
                if not candidates:
                    continue
            posted = [c for c in candidates if mine.posts & profiles[c].posts]
            titled = [c for c in candidates if mine.titles & profiles[c].titles]
            weights = {c: sum(rarity.get(p, 0.0) for p in mine.places if profiles[c].places[p]) for c in candidates}
            best = max(candidates, key=lambda c: (weights[c], len(profiles[c].articles), c))
            others = sum(len(profiles[c].articles) for c in candidates if c != best)
            if len(posted) == 1:
                best = posted[0]
                title, of = sorted(mine.posts & profiles[best].posts)[0]
                evidence = f"shares the post {title} of {of}"
            elif key in misspelt and not any(respelling(forms[key][0], forms[c][0]) for c in candidates):
                continue  # a first name a letter or two off ("Mary", "Mark", "Kojo") may be another: a post must say so
            elif key in fuller and named & set(candidates):
                continue  # the article itself writes both and did not join them: two people ("Mahmoud Abbas")
            elif len(titled) == 1 and (why := _only_titled(titled[0], mine, profiles, extraction.article)):
                best, evidence = titled[0], why
            elif not posted and weights[best] >= MIN_PLACE_EVIDENCE and len(profiles[best].articles) >= 4 * others:
                shared = sorted(p for p in mine.places if profiles[best].places[p])
                evidence = f"the articles speak of {', '.join(shared)}"
            else:
                # A title narrows the namesakes to those the build calls so ("President Bush": not Laura Bush).
                pick = _dominant(key, titled if len(titled) > 1 else candidates, mine, profiles, forms, written,
                                  extraction.article.published) \
                    or _rare_company(candidates, mine, profiles, surname_articles, len(extractions),
                                     extraction.article.published)
                if pick is None:
                    continue
                best, evidence = pick
            keys[mention.id] = best
            what = "surname" if len(name_tokens(key[1])) == 1 else "name"
            merges[best].add(f"{written[key]} → {written[best]}: {what} in {extraction.article.id}; {evidence}")
            # What was merged into the name in this article goes with it ("Bashir → Omar al-Bashir"), and leaves the
            # name once none of its mentions in this article stays with it.
            moved = {reason for reason in merges.get(key, ()) if f" in {extraction.article.id}" in reason}
            merges[best] |= moved
            if moved and not any(keys[m.id] == key for m in extraction.mentions):
                merges[key] -= moved


def _alone(mention: Mention, key: tuple[str, str]) -> bool:
    """A mention that may be read as a name on its own: capitalised ("the bush" is no one), and, for a surname, not a
    country's name ("Nepal" alone is more likely the country than Madhav Kumar Nepal)."""
    return _capitalised(mention.name) and (len(name_tokens(key[1])) > 1 or country_named(mention.name) is None)


def _spelled_like(key: tuple[str, str], by_surname: dict[str, list[tuple[str, str]]],
                  forms: dict[tuple[str, str], tuple[str, ...]], articles_of: dict[tuple[str, str], int]
                  ) -> list[tuple[str, str]]:
    """Full names with the same surname, a first name one or two letters away and the other names of `key`, named in
    DOMINANCE times as many articles: the names `key` may be a misspelling of."""
    first, *rest = forms[key]
    found = []
    for other in by_surname.get(forms[key][-1], []):
        their_first, *their_rest = forms[other]
        if other != key and their_first != first and their_first[:1] == first[:1] \
                and edit_distance(first, their_first) <= 2 and set(rest) <= set(their_rest) \
                and articles_of.get(other, 0) >= DOMINANCE * articles_of.get(key, 0):
            found.append(other)
    return found


def _fuller_names(key: tuple[str, str], by_surname: dict[str, list[tuple[str, str]]],
                  articles_of: dict[tuple[str, str], int]) -> list[tuple[str, str]]:
    """Full names with the same surname that `key` is the end of ("Lula da Silva" of "Luiz Inácio Lula da Silva"), or
    that its initials spell out ("G.W. Bush" of "George W. Bush"), named in DOMINANCE times as many articles: the
    names `key` may be a shorter form of. A name as common as the longer one is someone's own ("Mahmoud Abbas" is not
    "Ali Mahmoud Abbas").

    >>> by_surname = {"silva": [("Person", "luiz inacio lula da silva")], "bush": [("Person", "george w bush"),
    ...               ("Person", "george h w bush")]}
    >>> articles_of = {("Person", "luiz inacio lula da silva"): 28, ("Person", "george w bush"): 256}
    >>> _fuller_names(("Person", "lula da silva"), by_surname, articles_of)
    [('Person', 'luiz inacio lula da silva')]
    >>> _fuller_names(("Person", "g w bush"), by_surname, articles_of)
    [('Person', 'george w bush')]
    """
    tokens = name_tokens(key[1])
    found = []
    for other in by_surname.get(tokens[-1], []):
        theirs = name_tokens(other[1])
        ends = len(theirs) > len(tokens) and theirs[-len(tokens):] == tokens
        spelled_out = len(theirs) == len(tokens) and theirs != tokens and all(len(t) == 1 for t in tokens[:-1]) \
            and all(t[0] == mine for t, mine in zip(theirs, tokens[:-1]))
        if (ends or spelled_out) and articles_of.get(other, 0) >= DOMINANCE * articles_of.get(key, 0):
            found.append(other)
    return found


def _dominant(key: tuple[str, str], candidates: Sequence[tuple[str, str]], mine: _Profile,
              profiles: dict[tuple[str, str], _Profile], forms: dict[tuple[str, str], tuple[str, ...]],
              written: dict[tuple[str, str], str], published: str | None) -> tuple[tuple[str, str], str] | None:
    """The candidate a name alone stands for when one of them is named in DOMINANCE times as many articles as all the
    others together, across the build and within WINDOW of the article (a "Bush" of 2006 is George W. Bush, not his
    father), with nothing in the article against it: no post unlike any the candidate holds, no name that comes up
    with another candidate about as often. Else None."""
    best = max(candidates, key=lambda c: (len(profiles[c].articles), c))
    # A name that is a shorter form of the candidate's ("George Bush" for "George W. Bush") is no other person.
    rivals = [c for c in candidates if c != best and not set(forms[c]) <= set(forms[best])]
    near = [d for d in profiles[best].dates.values() if _near(d, published)]
    mine_count, near_count = len(profiles[best].articles), len(near)
    # Articles, not namesakes, are counted: one article on a family names several of them.
    other_count = len(set().union(*(profiles[c].articles for c in rivals)))
    other_near = len({article for c in rivals for article, d in profiles[c].dates.items() if _near(d, published)})
    if mine_count < DOMINANT_MIN_ARTICLES or mine_count < DOMINANCE * other_count \
            or (published and (near_count == 0 or near_count < DOMINANCE * other_near)):
        return None
    if len(profiles[key].articles) > mine_count and not profiles[key].titles & profiles[best].titles:
        # Written alone more often than the full name, and never with a title the candidate has: it may be someone's
        # own name. With one ("President Reagan" in most of 1987's wire copy), it is the candidate's usual name.
        return None
    held = profiles[best].posts
    if any(title not in {t for t, _ in held} and of not in {o for _, o in held} for title, of in mine.posts):
        return None  # a post with neither the title nor the organisation or country of any the candidate holds
    context = next(iter(mine.context.values())) - set(candidates)
    with_best = Counter(name for names in profiles[best].context.values() for name in names & context)
    for rival in rivals:
        # A name the build shows with the rival, in articles of the same months that do not name the candidate, in
        # half as many articles as with the candidate or more: given that name, the rival is no longer the unlikely
        # one. Company kept in other years says little: a senator who questioned the father's nominees in 1991 is the
        # son's in 2006. An article that also writes the name alone may be the candidate's: it is not the rival's
        # apart from it.
        apart = Counter(name for article, names in profiles[rival].context.items()
                        if best not in names and key not in names
                        and _near(profiles[rival].dates.get(article), published)
                        for name in names & context)
        if any(count >= 2 and 2 * count >= with_best[name] for name, count in apart.items()):
            return None
    when = f", {near_count} of them within {WINDOW.days} days of this one" if published else ""
    others = f"; its namesakes in {other_count}" if rivals else ""
    return best, (f"{written[best]} is named in {mine_count} articles{when}{others}; nothing in the article "
                  f"points to another")


def _few(articles: int) -> int:
    """How many of `articles` a name may be named in and still be rare: 1%, not everyone's companion."""
    return max(3, articles // 100)


def _near(day: date | None, published: str | None) -> bool:
    """Whether an article of `day` is within WINDOW of one published on `published`; true when either is unknown."""
    return day is None or not published or abs(day - date.fromisoformat(published)) <= WINDOW


def _rare_company(candidates: Sequence[tuple[str, str]], mine: _Profile, profiles: dict[tuple[str, str], _Profile],
                  surname_articles: Counter, total: int, published: str | None) -> tuple[tuple[str, str], str] | None:
    """The candidate a name alone stands for by the company it keeps, when no namesake dominates: two or more people
    of the article whom few articles name come up with that candidate in two articles each or more, none comes up
    with another candidate in two, and the candidate is named in the same months ("Mr Brown, Mr Sarkozy" in a speech
    of Robert Mugabe's is Gordon Brown, not Bob Brown). People are compared by surname, as an article writes them
    ("Mr Sarkozy") or the build does ("Nicolas Sarkozy"). Else None."""
    rare = _few(total)
    company = {name_tokens(n[1])[-1] for n in next(iter(mine.context.values()))
               if n[0] == "Person" and n not in candidates and surname_articles[name_tokens(n[1])[-1]] <= rare}
    shared = {c: Counter(surname for names in profiles[c].context.values()
                         for surname in {name_tokens(n[1])[-1] for n in names if n[0] == "Person"} & company)
              for c in candidates}
    best = max(candidates, key=lambda c: (sum(1 for k in shared[c].values() if k >= 2), len(profiles[c].articles), c))
    strong = sorted(surname for surname, k in shared[best].items() if k >= 2)
    if len(strong) < 2 or any(k >= 2 for c in candidates if c != best for k in shared[c].values()) \
            or not any(_near(d, published) for d in profiles[best].dates.values()):
        return None
    return best, (f"the article names {', '.join(strong)}, who come up with it in two articles or more, not with "
                  f"a namesake")


def _named_for_body(profile: _Profile) -> bool:
    """Whether a name is only ever written as what a body is named after ("the Reagan administration")."""
    return bool(profile.titles) and profile.titles <= LED_BODIES


def _only_titled(best: tuple[str, str], mine: _Profile, profiles: dict[tuple[str, str], _Profile],
                 article: Article) -> str | None:
    """Why a name with a title ("Vice-President Cheney", "the Howard government") stands for the one namesake the build
    calls so, or None: that namesake must be named in another article within WINDOW of this one (another era's
    captain is another captain), and in articles on one of the countries this one speaks of, if it speaks of any (an
    American "Senator Murray" is not the Australian one). A government or an administration named after the name
    ("the Reagan administration") is the namesake's in any later year."""
    title = sorted(mine.titles & profiles[best].titles)[0]
    if _named_for_body(mine):
        # "the Reagan administration" in 2009 is still Ronald Reagan's: a government is named after its head
        # long after it, and the build names only one namesake so
        return f"the only namesake the build names a {title!r} after"
    published = article.published
    if not published or not any(_near(d, published) for other, d in profiles[best].dates.items()
                                if other != article.id):
        return None
    if mine.places and not any(profiles[best].places[country] for country in mine.places):
        return None
    return f"the only namesake the build calls {title!r}, named within {WINDOW.days} days of this article"
