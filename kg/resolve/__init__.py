"""Mentions -> entities, and article-level meetings -> merged meetings, each merge with its reason.

Inside an article: a surname ("Akar", "al-Assad's") joins the one full name it ends ("Hulusi Akar"), and so does
the end of a longer name written before it ("Malloch Brown" after "Mark Malloch Brown"), a whole surname before the
end of a double one ("Sarkozy" is not Carla Bruni-Sarkozy beside Nicolas Sarkozy); an acronym in parentheses
after an organisation ("National Intelligence Organisation (MIT)") joins it; a name the tagger called an
organisation joins the person whose surname it is. Across articles, the same name (folded for case and accents) is the
same entity; so are spellings of one name ("Bashar Assad", "Bashar al-Assad"), a name and its one longer form, and,
on evidence, a nickname or an initial ("Dick Cheney", "Richard B. Cheney"); a surname alone joins a full name when a
post or a title ("Vice-President Cheney"), the countries spoken of, or an overwhelming namesake with nothing against
it says so. A name the build writes as an organisation or a place in more articles than as a person, with nothing
that shows a person, is that organisation or place. Reports of one meeting merge when their parties overlap and
nothing they state disagrees.

One module a job: `names.py` (name forms both levels share), `article.py` (names inside an article, and the
entities), `across.py` (names across articles), `kinds.py` (a name's kind across articles), `overrides.py` (the
user's own decisions, `--merges`), `meetings.py` (reports of one meeting merged); meeting dates and re-dated
articles are kg/dating/across.py's.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from kg.dating.across import dated, redated_articles
from kg.dating.posts import Statement, by_post, out_of_time, reads_as_of_posts
from kg.extract.lexicon import FORMER, LED_BODIES
from kg.records import Dating, Entity, Extraction, MergedMeeting
from kg.resolve.across import _profiles, _resolve_acronyms_across, _resolve_surnames_across, _resolve_variants
from kg.resolve.article import _entities, _resolve_in_article, canonical_id
from kg.resolve.kinds import vote_kinds
from kg.resolve.meetings import _merge_meetings
from kg.resolve.names import _key, title_key
from kg.resolve.overrides import Override, apply_overrides


@dataclass(frozen=True, slots=True)
class Resolution:
    entities: tuple[Entity, ...]
    mention_entity: dict[str, str]  # mention id -> entity id
    meetings: tuple[MergedMeeting, ...]
    redated: dict[str, str]  # article id -> why its page date is not to be trusted
    failed: tuple[tuple[str, str, Exception], ...] = ()  # (article source, id, error): articles left out, bugs in kg


def resolve(extractions: Sequence[Extraction], overrides: tuple[Override, ...] = ()) -> Resolution:
    """Entities and merged meetings of a whole build; `overrides` are the user's own decisions (overrides.py)."""
    keys: dict[str, tuple[str, str]] = {}  # mention id -> (kind, folded name) of the name it stands for
    # A surname or an acronym stands for a full name in its own article ("MacKay" may be Peter or Elmer MacKay,
    # "MIT" an intelligence service or a university); elsewhere only when the build leaves no doubt.
    expansions: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)  # acronym key -> full name keys
    merges: dict[tuple[str, str], set[str]] = defaultdict(set)  # name key -> "alias → name: reason"
    names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    # A titled surname written before the full name it could stand for ("President Bush ..., nominated by President
    # George Herbert Walker Bush"): the build decides first, the article's full name only if the build cannot.
    deferred: dict[str, tuple[tuple[str, str], tuple[str, str], str]] = {}  # mention id -> own key, full name, why
    inside, failed = [], []
    for extraction in extractions:
        try:
            inside.append((extraction, list(_resolve_in_article(extraction))))
        except Exception as error:  # one article's names never cost the others: it is left out, and named
            failed.append((extraction.article.source, extraction.article.id, error))
    extractions = [extraction for extraction, _ in inside]
    for extraction, resolved in inside:
        by_id = {m.id: m for m in extraction.mentions}
        titled = {role.holder for role in extraction.roles if role.of is None}
        for mention_id, key, canonical, reason in resolved:
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
    own = {keys[m.id]: m for e in extractions for m in e.mentions if _key(m) == keys[m.id]}  # a mention written so
    written = {key: mention.name for key, mention in own.items()}
    ambiguous = _resolve_variants(keys, merges, written, _profiles(extractions, keys))
    _resolve_surnames_across(extractions, keys, merges, written, ambiguous)
    # A full name the build joined to another ("Hilary Clinton" to "Hillary Rodham Clinton") takes its surnames along.
    renamed = {key: keys[mention.id] for key, mention in own.items() if keys[mention.id] != key}
    for mention_id, (key, canonical, reason) in deferred.items():
        if keys[mention_id] == key:
            keys[mention_id] = renamed.get(canonical, canonical)
            merges[keys[mention_id]].add(reason)
    vote_kinds(extractions, keys, merges, written)
    if overrides:
        apply_overrides(overrides, {m.id: m for e in extractions for m in e.mentions}, keys, merges)
    for extraction in extractions:
        for mention in extraction.mentions:
            names[keys[mention.id]][mention.name] += 1

    entity_of_key, entities = _entities(names, keys, merges)
    mention_entity = {mention_id: entity_of_key[key] for mention_id, key in keys.items()}
    published = {e.article.id: e.article.published for e in extractions}
    datings = {e.article.id: e.dating for e in extractions if e.dating is not None}
    meetings = _merge_meetings([e.meetings for e in extractions], mention_entity, published)
    titles = {e.article.id: e.article.title for e in extractions}
    redated = redated_articles(meetings, datings, published, titles)
    redated |= _redated_by_posts(extractions, mention_entity, {e.id: e for e in entities}, datings, redated)
    meetings = tuple(dated(meeting, datings, published, redated) for meeting in meetings)
    return Resolution(entities=entities, mention_entity=mention_entity, meetings=meetings, redated=redated,
                      failed=tuple(failed))


def post_statements(extraction: Extraction, mention_entity: dict[str, str],
                    entities: dict[str, Entity]) -> list[Statement]:
    """The current posts one dated article gives people ("President Aristide", "Italy's prime minister Berlusconi"),
    as the build names them; not a former post, a candidacy or a government named after its head."""
    published = extraction.article.published
    if not published:
        return []
    found = []
    for role in extraction.roles:
        person = entities.get(mention_entity.get(role.holder, ""))
        post = title_key(role.title) if role.title else ""
        if person is None or person.kind != "Person" or post in ("", "candidate") or post in LED_BODIES \
                or FORMER & set(role.title.lower().replace("-", " ").split()):
            continue
        of = entities.get(mention_entity.get(role.of or "", ""))
        found.append(Statement(extraction.article.id, int(published[:4]), person.name,
                               f"{post} of {of.name}" if of is not None else post))
    return found


def post_index(extractions: Sequence[Extraction], mention_entity: dict[str, str], entities: dict[str, Entity]
               ) -> tuple[dict[str, list[Statement]], dict[tuple[str, str], dict[str, int]]]:
    """Each article's post statements, and every (person, post) with the articles that state it and their years."""
    statements = {e.article.id: post_statements(e, mention_entity, entities) for e in extractions}
    return statements, by_post(s for found in statements.values() for s in found)


def _redated_by_posts(extractions: Sequence[Extraction], mention_entity: dict[str, str], entities: dict[str, Entity],
                      datings: dict[str, Dating], redated: dict[str, str]) -> dict[str, str]:
    """Articles not already flagged whose posts the rest of the build states only years before, with a text that
    agrees (kg/dating/posts.py)."""
    statements, index = post_index(extractions, mention_entity, entities)
    flagged = {}
    for article, found in statements.items():
        if article in redated or not found:
            continue
        late = out_of_time(article, found[0].year, [(s.person, s.post) for s in found], index)
        agrees, why = reads_as_of_posts(datings.get(article), found[0].year, late)
        if agrees:
            flagged[article] = why
    return flagged
