"""Mentions -> entities, and article-level meetings -> merged meetings, each merge with its reason.

Inside an article: a surname ("Akar", "al-Assad's") joins the one full name it ends ("Hulusi Akar"), and so does
the end of a longer name written before it ("Malloch Brown" after "Mark Malloch Brown"), a whole surname before the
end of a double one ("Sarkozy" is not Carla Bruni-Sarkozy beside Nicolas Sarkozy); an acronym in parentheses
after an organisation ("National Intelligence Organisation (MIT)") joins it; a name the tagger called an
organisation joins the person whose surname it is. Across articles, the same name (folded for case and accents) is the
same entity; so are spellings of one name ("Bashar Assad", "Bashar al-Assad"), a name and its one longer form, and,
on evidence, a nickname or an initial ("Dick Cheney", "Richard B. Cheney"); a surname alone joins a full name when a
post or a title ("Vice-President Cheney"), the countries spoken of, or an overwhelming namesake with nothing against
it says so. Reports of one meeting merge when their parties overlap and nothing they state disagrees.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from importlib import resources

from kg.countries import country_named, country_of_demonym, fold
from kg.dating import REDATED_AFTER
from kg.extract.lexicon import HONORIFICS, NAME_PARTICLES, PERSON_TITLES, TITLE_ABBREVIATIONS, TITLE_WORDS
from kg.ingest import slugify
from kg.records import Article, DateClaim, Dating, Entity, Extraction, Meeting, Mention, MergedMeeting, Role
from kg.timex import Interval, resolve_time

KIND_PREFIX = {"Person": "person", "Organisation": "organisation", "Country": "country", "Place": "place"}
DOTTED_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}[A-Z]?$")  # "U.N.", "U.S."
MIN_PLACE_EVIDENCE = 3.0  # rarity-weighted countries in common: "United States" alone is far from enough
SAME_STORY_DAYS = 7  # reports of one meeting without a shared place must be published within a week
RECENT = timedelta(days=45)  # a meeting an article reports without a date is taken to be this close to its page date
# A name alone ("Bush") stands for the namesake named in this many times the articles of all the others together, in
# the build and within WINDOW of the article, if that namesake is named in DOMINANT_MIN_ARTICLES articles or more.
DOMINANCE = 4
DOMINANT_MIN_ARTICLES = 10
WINDOW = timedelta(days=183)


@dataclass(frozen=True, slots=True)
class Resolution:
    entities: tuple[Entity, ...]
    mention_entity: dict[str, str]  # mention id -> entity id
    meetings: tuple[MergedMeeting, ...]
    redated: dict[str, str]  # article id -> why its page date is not to be trusted


@cache  # a corpus asks for the tokens of the same few thousand names hundreds of thousands of times
def name_tokens(name: str) -> tuple[str, ...]:
    """Folded tokens of a name, without particles: the part that identifies a surname. A leading "Al" written apart
    from the rest is a first name ("Al Gore"); the Arabic article is joined to its name ("al-Assad").

    >>> name_tokens("Bashar al-Assad"), name_tokens("al-Assad"), name_tokens("Al Gore")
    (('bashar', 'assad'), ('assad',), ('al', 'gore'))
    """
    folded = fold(name)
    tokens = [t.strip("'") for t in re.split(r"[^\w']+", folded) if t.strip("'")]  # "O'Connor" is one name
    given = tokens[:1] if folded.startswith("al ") else []
    return tuple(given + [t for t in tokens[len(given):] if t not in NAME_PARTICLES]) or tuple(tokens)


def _plain_tokens(name: str) -> tuple[str, ...]:
    """Folded tokens of a name without any particle, a leading "Al" included ("Al Rawi" is ('rawi',))."""
    return tuple(t.strip("'") for t in re.split(r"[^\w']+", fold(name)) if t.strip("'") not in NAME_PARTICLES | {""})


def resolve(extractions: Sequence[Extraction]) -> Resolution:
    """Entities and merged meetings of a whole build."""
    keys: dict[str, tuple[str, str]] = {}  # mention id -> (kind, folded name) of the name it stands for
    # A surname or an acronym stands for a full name in its own article ("MacKay" may be Peter or Elmer MacKay,
    # "MIT" an intelligence service or a university); elsewhere only when the build leaves no doubt.
    expansions: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)  # acronym key -> full name keys
    merges: dict[tuple[str, str], set[str]] = defaultdict(set)  # name key -> "alias → name: reason"
    names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    # A titled surname written before the full name it could stand for ("President Bush ..., nominated by President
    # George Herbert Walker Bush"): the build decides first, the article's full name only if the build cannot.
    deferred: dict[str, tuple[tuple[str, str], tuple[str, str], str]] = {}  # mention id -> own key, full name, why
    for extraction in extractions:
        by_id = {m.id: m for m in extraction.mentions}
        titled = {role.holder for role in extraction.roles if role.of is None}
        for mention_id, key, canonical, reason in _resolve_in_article(extraction):
            keys[mention_id] = canonical
            if key != canonical:
                first = by_id[canonical_id(extraction, canonical)]
                why = f"{by_id[mention_id].name} → {first.name}: {reason}"
                if mention_id in titled and reason.startswith("surname of") and first.start > by_id[mention_id].start:
                    keys[mention_id] = key
                    deferred[mention_id] = key, canonical, why
                    continue
                merges[canonical].add(why)
                if reason.startswith("acronym"):
                    expansions[key].add(canonical)
    _resolve_acronyms_across(extractions, keys, expansions, merges)
    written = {keys[m.id]: m.name for e in extractions for m in e.mentions if _key(m) == keys[m.id]}
    ambiguous = _resolve_variants(keys, merges, written, _profiles(extractions, keys))
    _resolve_surnames_across(extractions, keys, merges, written, ambiguous)
    for mention_id, (key, canonical, reason) in deferred.items():
        if keys[mention_id] == key:
            keys[mention_id] = canonical
            merges[canonical].add(reason)
    for extraction in extractions:
        for mention in extraction.mentions:
            names[keys[mention.id]][mention.name] += 1

    entity_of_key, entities = _entities(names, keys, merges)
    mention_entity = {mention_id: entity_of_key[key] for mention_id, key in keys.items()}
    published = {e.article.id: e.article.published for e in extractions}
    datings = {e.article.id: e.dating for e in extractions if e.dating is not None}
    meetings = _merge_meetings([e.meetings for e in extractions], mention_entity, published)
    titles = {e.article.id: e.article.title for e in extractions}
    redated = _redated_articles(meetings, datings, published, titles)
    meetings = tuple(_dated(meeting, datings, published, redated) for meeting in meetings)
    return Resolution(entities=entities, mention_entity=mention_entity, meetings=meetings, redated=redated)


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
              with_context: set[tuple[str, str]] = frozenset()) -> dict[tuple[str, str], _Profile]:
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


def _post(role: Role, by_id: dict[str, Mention]) -> tuple[str, str]:
    """A post as compared between articles: the title's last word and the organisation or country's name."""
    return role.title.split()[-1] if role.title else "", by_id[role.of].name


TITLE_MODIFIERS = {"vice", "deputy", "prime", "rear", "chief", "lieutenant", "supreme", "attorney", "secretary"}
def title_key(title: str) -> str:
    """A title as compared between articles: lower case, words only, abbreviations spelt out, from its first title
    word on ("City mayor" is "mayor", "Former President" "president"; "Vice-President" stays).

    >>> title_key("Vice - President"), title_key("Rear Adm."), title_key("vp"), title_key("Lib Dem leader")
    ('vice president', 'rear admiral', 'vice president', 'leader')
    """
    words = " ".join(TITLE_ABBREVIATIONS.get(word, word) for word in re.findall(r"[a-z]+", fold(title))).split()
    start = next((i for i, word in enumerate(words) if word in TITLE_WORDS | TITLE_MODIFIERS), 0)
    return " ".join(words[start:])


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
    initials ("George Herbert Walker Bush", "George H. W. Bush"). A nickname or an initial takes evidence as well
    (`_same_person_evidence`). Returns the names short of two or more longer ones, with those longer names: they are
    decided article by article (`_resolve_surnames_across`)."""
    forms = _person_forms(set(keys.values()))
    counts = Counter(keys.values())
    # Article id -> the people, organisations and places it names; countries are too widely named to tell anyone apart.
    named_in: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for mention_id, key in keys.items():
        if key[0] != "Country":
            named_in[mention_id.split("#")[0]].add(key)
    spread = Counter(key for names in named_in.values() for key in names)  # name -> articles naming it
    by_ends: dict[tuple[str, str], dict[tuple[str, ...], list[tuple[str, str]]]] = \
        defaultdict(lambda: defaultdict(list))  # (first name, surname) -> name tokens -> keys written so
    for key, form in sorted(forms.items()):
        if len(form) >= 2:
            by_ends[_given(form), form[-1]][form].append(key)
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
            else:
                to = None
            for key in same:
                if to is None or key == to:
                    continue
                given = sorted({_given(name_tokens(key[1])), _given(name_tokens(to[1]))})
                if len(given) > 1:
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
    for mention_id, key in list(keys.items()):
        if key in target:
            to, why = target[key]
            keys[mention_id] = to
            merges[to].add(f"{written[key]} → {written[to]}: {why}")
    for key, (to, _) in target.items():
        merges[to] |= merges.pop(key, set())  # what was merged into a name goes with it
    return {key: sorted({target.get(c, (c, ""))[0] for c in found}) for key, found in ambiguous.items()
            if key not in target}


def _given(tokens: tuple[str, ...]) -> str:
    """The first name of a name's tokens, past one leading initial ("N. Dharam Singh" is a Dharam Singh)."""
    return tokens[1] if len(tokens) >= 3 and len(tokens[0]) == 1 and len(tokens[1]) > 1 else tokens[0]


def _initials_for(ours: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    """Whether two names of as many parts differ only where one gives a middle name and the other its initial.

    >>> _initials_for(("george", "herbert", "walker", "bush"), ("george", "h", "w", "bush"))
    True
    >>> _initials_for(("george", "w", "bush"), ("george", "h", "bush")), _initials_for(("a", "b"), ("a", "b"))
    (False, False)
    """
    return len(ours) == len(theirs) and ours != theirs and ours[0] == theirs[0] and ours[-1] == theirs[-1] \
        and all(a == b or (min(len(a), len(b)) == 1 and a[0] == b[0]) for a, b in zip(ours, theirs))


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
    if posts:
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
    spread = Counter(m.name for e in extractions for m in {x.name: x for x in e.mentions if x.kind == "Country"}.values())
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
                continue  # its article names people by it before it and left it to neither (`_nearest_bearer`)
            local = local or _profiles([extraction], keys)
            mine = local[key]
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
            elif len(titled) == 1 and (found := _only_titled(titled[0], mine, profiles, extraction.article)):
                best, evidence = titled[0], found
            elif not posted and weights[best] >= MIN_PLACE_EVIDENCE and len(profiles[best].articles) >= 4 * others:
                shared = sorted(p for p in mine.places if profiles[best].places[p])
                evidence = f"the articles speak of {', '.join(shared)}"
            else:
                # A title narrows the namesakes to those the build calls so ("President Bush": not Laura Bush).
                found = _dominant(key, titled if len(titled) > 1 else candidates, mine, profiles, forms, written,
                                  extraction.article.published) \
                    or _rare_company(candidates, mine, profiles, surname_articles, len(extractions),
                                     extraction.article.published)
                if found is None:
                    continue
                best, evidence = found
            keys[mention.id] = best
            what = "surname" if len(name_tokens(key[1])) == 1 else "name"
            merges[best].add(f"{written[key]} → {written[best]}: {what} in {extraction.article.id}; {evidence}")
            # What was merged into the name in this article goes with it ("Bashir → Omar al-Bashir").
            merges[best] |= {reason for reason in merges.get(key, ()) if f" in {extraction.article.id}" in reason}


def _alone(mention: Mention, key: tuple[str, str]) -> bool:
    """A mention that may be read as a name on its own: capitalised ("the bush" is no one), and, for a surname, not a
    country's name ("Nepal" alone is more likely the country than Madhav Kumar Nepal)."""
    return _capitalised(mention.name) and (len(name_tokens(key[1])) > 1 or country_named(mention.name) is None)


def _capitalised(name: str) -> bool:
    """A name whose last word starts with a capital, as names do ("al-Assad", not "da venda").

    >>> _capitalised("al-Assad"), _capitalised("de Villepin"), _capitalised("da venda"), _capitalised("bush")
    (True, True, False, False)
    """
    return re.split(r"[\s-]+", name.strip())[-1][:1].isupper()


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


def respelling(a: str, b: str) -> bool:
    """Whether two folded first names are one name spelt two ways: the same but for doubled letters, an "h" after the
    first letter, "y" for "i" or "z" for "s".

    >>> respelling("hilary", "hillary"), respelling("nicholas", "nicolas"), respelling("luis", "luiz")
    (True, True, True)
    >>> respelling("mary", "mark"), respelling("kojo", "kofi"), respelling("josh", "john")
    (False, False, False)
    """
    def plain(name: str) -> str:
        name = name[:1] + name[1:].replace("h", "").replace("y", "i").replace("z", "s")
        return re.sub(r"(.)\1+", r"\1", name)
    return plain(a) == plain(b)


def _respelt(ours: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    return len(ours) == len(theirs) and all(respelling(a, b) for a, b in zip(ours, theirs))


def edit_distance(a: str, b: str) -> int:
    """Letters to insert, delete or change to turn one word into the other.

    >>> edit_distance("nicholas", "nicolas"), edit_distance("steven", "stephen")
    (1, 2)
    """
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


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
    if len(profiles[key].articles) > mine_count:
        return None  # written alone more often than the full name: it may be someone's own name
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


def _only_titled(best: tuple[str, str], mine: _Profile, profiles: dict[tuple[str, str], _Profile],
                 article: Article) -> str | None:
    """Why a name with a title ("Vice-President Cheney", "the Howard government") stands for the one namesake the build
    calls so, or None: that namesake must be named in another article within WINDOW of this one (another era's
    captain is another captain), and in articles on one of the countries this one speaks of, if it speaks of any (an
    American "Senator Murray" is not the Australian one)."""
    published = article.published
    if not published or not any(_near(d, published) for other, d in profiles[best].dates.items()
                                if other != article.id):
        return None
    if mine.places and not any(profiles[best].places[country] for country in mine.places):
        return None
    title = sorted(mine.titles & profiles[best].titles)[0]
    return f"the only namesake the build calls {title!r}, named within {WINDOW.days} days of this article"


def _key(mention: Mention) -> tuple[str, str]:
    """The name a mention is known by: kind and folded name, acronyms without their dots ("U.N." is "UN")."""
    return _name_key(mention.kind, mention.name)


@cache  # the same names come back in article after article
def _name_key(kind: str, name: str) -> tuple[str, str]:
    name = name.replace(".", "") if DOTTED_ACRONYM.match(name) else name
    if kind == "Person":
        name = " ".join(re.sub(r"[.\[\]()]", " ", name).split())  # "George W. Bush", "George W Bush"
    return kind, fold(name)


def initials(name: str) -> str:
    """The acronym a name's capitalised words make.

    >>> initials("National Intelligence Organisation"), initials("Ministry of Foreign Affairs")
    ('NIO', 'MFA')
    """
    return "".join(word[0] for word in re.split(r"[\s-]+", name) if word[:1].isupper())


def canonical_id(extraction: Extraction, key: tuple[str, str]) -> str:
    """The id of the first mention in an article whose own key is `key`."""
    return next(m.id for m in extraction.mentions if _key(m) == key)


def _resolve_in_article(extraction: Extraction) -> list[tuple[str, tuple[str, str], tuple[str, str], str]]:
    """(mention id, its own key, the key of the name it stands for, why) for each mention of one article; a name that
    stands for one that stands for a third stands for the third ("al-Hawsawi", "Al Hawsawi", "Mustafa al-Hawsawi")."""
    found = list(_names_in_article(extraction))
    target = {}
    for _, key, canonical, _ in found:
        if canonical != key:
            target.setdefault(key, canonical)
    chased = []
    for mention_id, key, canonical, reason in found:
        seen = {key}
        while canonical != key and canonical in target and target[canonical] not in seen:
            seen.add(canonical)
            canonical = target[canonical]
        chased.append((mention_id, key, canonical, reason))
    return chased


def _names_in_article(extraction: Extraction) -> Iterable[tuple[str, tuple[str, str], tuple[str, str], str]]:
    mentions = extraction.mentions
    article = extraction.article
    full_names = [m for m in mentions if m.kind == "Person" and len(name_tokens(m.name)) >= 2]
    acronyms = _acronyms(mentions, article.body)
    by_id = {m.id: m for m in mentions}
    posts: dict[str, set[tuple[str, str]]] = defaultdict(set)  # folded name -> its posts in this article
    for role in extraction.roles:
        if role.holder in by_id and role.of in by_id:
            posts[fold(by_id[role.holder].name)].add(_post(role, by_id))
    for mention in mentions:
        key = _key(mention)
        if mention.id in acronyms:
            full = acronyms[mention.id]
            yield mention.id, key, _key(full), f"acronym of {full.name!r} in {article.id}"
            continue
        tokens = name_tokens(mention.name)
        if len(tokens) == 1 and mention.kind in ("Person", "Organisation") and _capitalised(mention.name):
            full = _full_name_for(mention, tokens, full_names, article.title)
            if full is not None:
                why = "surname" if mention.kind == "Person" else "surname (tagged as an organisation)"
                yield mention.id, key, _key(full), f"{why} of {full.name!r} in {article.id}"
                continue
        if len(tokens) > 1 and mention.kind == "Person":
            full = _longer_name_for(mention, full_names, posts)
            if full is not None:
                yield mention.id, key, _key(full), f"the end of {full.name!r}, named before it in {article.id}"
                continue
        yield mention.id, key, key, ""


def _longer_name_for(mention: Mention, full_names: Sequence[Mention],
                     posts: dict[str, set[tuple[str, str]]]) -> Mention | None:
    """The longer name, written earlier in the article, whose last names a name is ("Lula da Silva" after "Luiz
    Inácio Lula da Silva"), unless the article gives each of the two a post, and the shorter one a post in a country
    or organisation none of the longer one's are in ("Palestinian President Mahmoud Abbas" is not "Syrian defence
    minister Ali Mahmoud Abbas"). A post for the shorter name alone tells more about the same person."""
    plain = _plain_tokens  # "Al Rawi" is the end of "Bisher al-Rawi" in one article
    tokens = plain(mention.name)
    longer = [m for m in full_names if m.start < mention.start and len(plain(m.name)) > len(tokens)
              and plain(m.name)[-len(tokens):] == tokens and _clean_start(m.name)]
    if not tokens or not longer:
        return None
    full = max(longer, key=lambda m: (len(plain(m.name)), -m.start))
    if any(not _respelt(plain(full.name)[-len(plain(m.name)):], plain(m.name)) for m in longer):
        return None  # the ends of two different longer names, not one spelt two ways ("Luis", "Luiz")
    theirs = {of for _, of in posts.get(fold(full.name), set())}
    if theirs and {of for _, of in posts.get(fold(mention.name), set())} - theirs:
        return None
    return full


def _acronyms(mentions: Sequence[Mention], body: str) -> dict[str, Mention]:
    """Acronym mention id -> the organisation it abbreviates, from "Full Name (ACRONYM)" and later uses of it."""
    found: dict[str, Mention] = {}
    expansions: dict[str, Mention] = {}
    for full, short in zip(mentions, mentions[1:]):
        if full.kind == "Organisation" and short.kind == "Organisation" and short.name.isupper() \
                and body[full.end:short.start] in (" (", "(") and body[short.end:short.end + 1] == ")":
            expansions[short.name] = full
    organisations = [m for m in mentions if m.kind == "Organisation" and len(m.name.split()) >= 2]
    for mention in mentions:
        if mention.kind != "Organisation":
            continue
        short = mention.name.replace(".", "")
        full = expansions.get(mention.name)
        if full is None and short.isupper() and 2 <= len(short) <= 6:
            # No expansion in parentheses: the one organisation of the article whose initials it is ("UN" and
            # "United Nations").
            spelled = {fold(m.name): m for m in organisations if initials(m.name) == short}
            full = next(iter(spelled.values())) if len(spelled) == 1 else None
        if full is not None and mention.id != full.id:
            found[mention.id] = full
    return found


def _full_name_for(mention: Mention, tokens: tuple[str, ...], full_names: Sequence[Mention],
                   title: str) -> Mention | None:
    """The full name a surname stands for: the only one it ends (as a whole word, if any does), else the nearest one
    before it (`_nearest_bearer`); failing both, the only full name that has it as another of its names."""
    candidates = _bearers(tokens[0], full_names)
    # A whole surname beats the end of a double one: "Sarkozy" is Nicolas Sarkozy, not Carla Bruni-Sarkozy, when the
    # article names both; named alone, a double surname's last part is its bearer's ("Yosef" of "Mor-Yosef").
    candidates = [m for m in candidates if name_tokens(m.name.split()[-1]) == tokens] or candidates
    if not candidates and mention.kind == "Person":
        # A name people go by that is not the last one ("Lula" in "Luiz Inácio Lula da Silva"): only if unique.
        candidates = [m for m in full_names if tokens[0] in name_tokens(m.name)[:-1]]
    distinct = {fold(m.name) for m in candidates}
    if len(distinct) == 1:
        return candidates[0]
    return _nearest_bearer(mention, candidates, title)


def _bearers(surname: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The full names of people among `mentions` that end in `surname` (folded)."""
    return [m for m in mentions if m.kind == "Person" and len(tokens := name_tokens(m.name)) > 1
            and tokens[-1] == surname]


def _nearest_bearer(mention: Mention, bearers: Sequence[Mention], title: str) -> Mention | None:
    """The full name nearest before a name alone, of those it could stand for. When that sentence names two people
    by it ("Nancy Reagan, widow of President Ronald Reagan. Reagan's endorsement ..."), the one the article's title
    names, else the one not written as the other's possessor ("President Bush's daughter, Jenna Bush"), else none."""
    before = [m for m in bearers if m.start < mention.start]
    if not before:
        return None
    nearest = before[-1]
    ours = set(name_tokens(nearest.name))
    # A longer or shorter form of the same name ("Saddam Hussein Infobox" in a page's label line) is no other person.
    together = [m for m in before if m.evidence.start == nearest.evidence.start
                and (m is nearest or not (ours <= set(name_tokens(m.name)) or set(name_tokens(m.name)) <= ours))]
    if len(together) == 1:
        return nearest
    folded_title = f" {' '.join(name_tokens(title))} "
    titled = [m for m in together if f" {' '.join(name_tokens(m.name))} " in folded_title]
    heads = [m for m in together if not re.search(r"['’]s?$", m.text)]
    for chosen in (titled, heads):
        if len({fold(m.name) for m in chosen}) == 1:
            return chosen[-1]
    return None


def _clean_start(name: str) -> bool:
    """A name that starts as names do: a capital, and not a title or a country the tagger left in ("anti-Sarah
    Palin", "Prosecutor Fred Borch", "England Danielle Lloyd"); such a name is no one's full name.

    >>> _clean_start("Sarah Palin"), _clean_start("anti-Sarah Palin"), _clean_start("Prosecutor Fred Borch")
    (True, False, False)
    """
    first = name.split()[0]
    return first[:1].isupper() and first.rstrip(".").lower() not in HONORIFICS | PERSON_TITLES | {"prosecutor"} \
        and country_named(first) is None and country_of_demonym(first) is None


def _entities(names: dict[tuple[str, str], Counter], keys: dict[str, tuple[str, str]],
              merges: dict[tuple[str, str], set[str]]) -> tuple[dict[tuple[str, str], str], tuple[Entity, ...]]:
    """One entity per name key, with a stable id and every name it was written as."""
    mentions_of: dict[tuple[str, str], list[str]] = defaultdict(list)
    for mention_id, key in keys.items():
        mentions_of[key].append(mention_id)
    entity_of_key: dict[tuple[str, str], str] = {}
    entities: list[Entity] = []
    used: set[str] = set()
    for key, counts in sorted(names.items()):
        kind = key[0]
        # The fullest name is the entity's name: most words ("Bisher al-Rawi", not "Al Rawi"), most often written
        # (not a stray spelling), longest, then alphabetical.
        name = sorted(counts, key=lambda n: (-len(name_tokens(n)), -len(_plain_tokens(n)), -counts[n], -len(n), n))[0]
        entity_id = f"{KIND_PREFIX[kind]}:{slugify(name)}"
        suffix = 2
        while entity_id in used:
            entity_id, suffix = f"{KIND_PREFIX[kind]}:{slugify(name)}-{suffix}", suffix + 1
        used.add(entity_id)
        entities.append(Entity(id=entity_id, kind=kind, name=name,
                               aliases=tuple(sorted({n for n in counts if fold(n) != fold(name)})),
                               mentions=tuple(sorted(mentions_of[key])), merges=tuple(sorted(merges.get(key, ())))))
        entity_of_key[key] = entity_id
    return entity_of_key, tuple(entities)


# --- meetings -----------------------------------------------------------------------------------------------------

@dataclass
class _Cluster:
    reports: list[Meeting]
    participants: set[str]
    place: str | None
    date_text: str | None
    articles: set[str]
    when: Interval | None = None  # inside an article: its stated date, or "around the page date" if none
    year_dated: Interval | None = None  # a stated date with its own year, comparable across articles


def _merge_meetings(per_article: Iterable[Sequence[Meeting]], mention_entity: dict[str, str],
                    published: dict[str, str | None]) -> tuple[MergedMeeting, ...]:
    """One merged meeting per real meeting: first inside each article, then across articles."""
    article_clusters: list[_Cluster] = []
    for meetings in per_article:
        local: list[_Cluster] = []
        for meeting in sorted(meetings, key=lambda m: m.id):
            people = {mention_entity[p] for p in meeting.participants}
            if len(people) < 2:
                continue  # two mentions of one entity are not a meeting
            place = mention_entity.get(meeting.place) if meeting.place else None
            when, year_dated = _when(meeting, published.get(meeting.evidence.article_id))
            report = _Cluster([meeting], people, place, meeting.date_text, {meeting.evidence.article_id},
                              when, year_dated)
            target = next((c for c in local if _same_meeting(c, report, same_article=True)), None)
            _absorb(local, target, report)
        article_clusters.extend(local)
    merged: list[_Cluster] = []
    for cluster in article_clusters:
        target = next((c for c in merged if _same_meeting(c, cluster, same_article=False, published=published)), None)
        _absorb(merged, target, cluster)
    return tuple(sorted((_to_merged(c, mention_entity) for c in merged), key=lambda m: m.id))


def _absorb(clusters: list[_Cluster], target: _Cluster | None, cluster: _Cluster) -> None:
    if target is None:
        clusters.append(cluster)
        return
    target.reports.extend(cluster.reports)
    target.participants |= cluster.participants
    target.place = target.place or cluster.place
    target.date_text = target.date_text or cluster.date_text
    target.articles |= cluster.articles
    target.year_dated = target.year_dated or cluster.year_dated
    if target.when is not None and cluster.when is not None and target.when.overlaps(cluster.when):
        target.when = Interval(max(target.when.earliest, cluster.when.earliest),
                               min(target.when.latest, cluster.when.latest), "day")


def _same_meeting(a: _Cluster, b: _Cluster, *, same_article: bool,
                  published: dict[str, str | None] | None = None) -> bool:
    """Two reports state one meeting: same status, parties that overlap, and no disagreement on place or date."""
    if a.reports[0].status != b.reports[0].status:
        return False
    shared = a.participants & b.participants
    if not (len(shared) >= 2 or shared == b.participants or shared == a.participants):
        return False
    if a.place and b.place and a.place != b.place:
        return False
    if same_article:
        # "In March 2003, Lula met Uribe" is not the meeting of this week the article reports.
        return a.when is None or b.when is None or a.when.overlaps(b.when)
    if a.articles & b.articles:
        return False  # the article itself told these apart
    if a.year_dated and b.year_dated:
        return a.year_dated.overlaps(b.year_dated)  # the same people, at a date both give: one meeting, or two
    if a.place and b.place:
        return True  # same parties at the same place
    return _within_days(a.articles | b.articles, published or {}, SAME_STORY_DAYS)


def _when(meeting: Meeting, published: str | None) -> tuple[Interval | None, Interval | None]:
    """A report's time inside its article (its stated date, else around the page date) and its date if that has
    a year of its own."""
    year_dated = resolve_time(meeting.date_text, None) if meeting.date_text else None
    page = date.fromisoformat(published) if published else None
    if meeting.date_text:
        when = year_dated or resolve_time(meeting.date_text, page, future=meeting.status in ("planned", "possible"))
    else:
        when = Interval(page - RECENT, page + RECENT, "day") if page else None
    return when, year_dated


def _within_days(article_ids: set[str], published: dict[str, str | None], days: int) -> bool:
    dates = [date.fromisoformat(published[a]) for a in article_ids if published.get(a)]
    return len(dates) == len(article_ids) and (max(dates) - min(dates)).days <= days


def _to_merged(cluster: _Cluster, mention_entity: dict[str, str]) -> MergedMeeting:
    reports = tuple(sorted(cluster.reports, key=lambda m: m.id))
    modes = [r.mode for r in reports if r.mode != "unknown"]
    if cluster.place and "unknown" in [r.mode for r in reports] and not modes:
        modes = ["in_person"]  # a stated place makes it an in-person meeting
    participant_reports = sorted({(mention_entity[p], r.id) for r in reports for p in r.participants})
    return MergedMeeting(
        id=f"meeting:{reports[0].id.replace('#', '-')}",  # article ids are slugs already; never truncate
        status=reports[0].status,
        mode=Counter(modes).most_common(1)[0][0] if modes else "unknown",
        participants=tuple(sorted(cluster.participants)),
        place=cluster.place,
        date_text=cluster.date_text,
        reports=reports,
        participant_reports=tuple(participant_reports),
    )


# --- dates ---------------------------------------------------------------------------------------------------------

def _estimate(dating: Dating | None) -> Interval | None:
    if dating is None or dating.estimate is None or dating.estimate[1] is None:
        return None
    return Interval(date.fromisoformat(dating.estimate[0]), date.fromisoformat(dating.estimate[1]), "year")


def _redated_articles(meetings: Sequence[MergedMeeting], datings: dict[str, Dating],
                      published: dict[str, str | None], titles: dict[str, str]) -> dict[str, str]:
    """Articles whose page date is contradicted: by their own text, or by the text of another report of a meeting
    they report (a copy of an old story re-dated by the site that republished it)."""
    redated = {article: f"its text places it in {dating.estimate[0]}/{dating.estimate[1]} ({dating.reasoning})"
               for article, dating in sorted(datings.items()) if dating.redated and dating.estimate}
    for meeting in meetings:
        articles = sorted({report.evidence.article_id for report in meeting.reports})
        for source in articles:
            estimate = _estimate(datings.get(source))
            for other in articles:
                page = published.get(other)
                if other == source or other in redated or estimate is None or page is None:
                    continue
                if estimate.latest < date.fromisoformat(page) - REDATED_AFTER:
                    redated[other] = (f"it reports a meeting that the text of \"{titles[source]}\" dates to {estimate} "
                                      f"({datings[source].reasoning})")
    return redated


def _dated(meeting: MergedMeeting, datings: dict[str, Dating], published: dict[str, str | None],
           redated: dict[str, str]) -> MergedMeeting:
    """The meeting with every report's date claim; a date only where the trusted claims agree."""
    claims: dict[DateClaim, Interval] = {}
    future = meeting.status in ("planned", "possible")
    for report in meeting.reports:
        article = report.evidence.article_id
        if report.date_text:
            absolute = resolve_time(report.date_text, None)
            page = date.fromisoformat(published[article]) if published.get(article) else None
            interval = absolute or resolve_time(report.date_text, page, future=future)
            if interval is not None:
                basis = "text" if absolute else "page date"
                claim = DateClaim(article, report.date_text, str(interval), interval.granularity, basis,
                                  uncertain=basis == "page date" and article in redated)
                claims[claim] = interval
            estimate = _estimate(datings.get(article))
            if estimate is not None and basis == "page date" and page is not None:
                # The page date is not trusted, but the text dates itself: the meeting it tells of as "Wednesday"
                # or "last month" lies as far before the text's own time as it lies before the page date.
                lead = max(timedelta(0), page - interval.earliest)
                around = Interval(estimate.earliest - lead, estimate.latest, "year")
                claims[DateClaim(article, None, str(around), "estimate", "estimate", uncertain=False)] = around
    trusted = [interval for claim, interval in claims.items() if claim.basis != "estimate" and not claim.uncertain]
    every = list(claims.values())
    conflict = any(not a.overlaps(b) for i, a in enumerate(every) for b in every[i + 1:])
    agreed = None
    if trusted and not conflict:
        earliest, latest = max(i.earliest for i in trusted), min(i.latest for i in trusted)
        agreed = str(Interval(earliest, latest, "day"))
    ordered = tuple(sorted(claims, key=lambda c: (c.article_id, c.basis, c.interval)))
    return replace(meeting, date_claims=ordered, date=agreed, date_conflict=conflict)

