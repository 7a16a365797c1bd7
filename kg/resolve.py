"""Mentions -> entities, and article-level meetings -> merged meetings, each merge with its reason.

Inside an article: a surname ("Akar", "al-Assad's") joins the one full name it ends ("Hulusi Akar"); an acronym in
parentheses after an organisation ("National Intelligence Organisation (MIT)") joins it; a name the tagger called an
organisation joins the person whose surname it is. Across articles, the same name (folded for case and accents) is the
same entity. Reports of one meeting merge when their parties overlap and nothing they state disagrees.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from kg.countries import fold
from kg.extract import NAME_PARTICLES
from kg.ingest import slugify
from kg.dating import REDATED_AFTER
from kg.records import DateClaim, Dating, Entity, Extraction, Meeting, MergedMeeting, Mention
from kg.timex import Interval, resolve_time

KIND_PREFIX = {"Person": "person", "Organisation": "organisation", "Country": "country", "Place": "place"}
DOTTED_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}[A-Z]?$")  # "U.N.", "U.S."
MIN_PLACE_EVIDENCE = 3.0  # rarity-weighted countries in common: "United States" alone is far from enough
SAME_STORY_DAYS = 7  # reports of one meeting without a shared place must be published within a week
RECENT = timedelta(days=45)  # a meeting an article reports without a date is taken to be this close to its page date


@dataclass(frozen=True, slots=True)
class Resolution:
    entities: tuple[Entity, ...]
    mention_entity: dict[str, str]  # mention id -> entity id
    meetings: tuple[MergedMeeting, ...]
    redated: dict[str, str]  # article id -> why its page date is not to be trusted


def name_tokens(name: str) -> tuple[str, ...]:
    """Folded tokens of a name, without particles: the part that identifies a surname.

    >>> name_tokens("Bashar al-Assad"), name_tokens("Assad")
    (('bashar', 'assad'), ('assad',))
    """
    tokens = [t for t in re.split(r"[^\w]+", fold(name)) if t]
    return tuple(t for t in tokens if t not in NAME_PARTICLES) or tuple(tokens)


def resolve(extractions: Sequence[Extraction]) -> Resolution:
    """Entities and merged meetings of a whole build."""
    keys: dict[str, tuple[str, str]] = {}  # mention id -> (kind, folded name) of the name it stands for
    # A surname or an acronym stands for a full name in its own article ("MacKay" may be Peter or Elmer MacKay,
    # "MIT" an intelligence service or a university); elsewhere only when the build leaves no doubt.
    expansions: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)  # acronym key -> full name keys
    merges: dict[tuple[str, str], set[str]] = defaultdict(set)  # name key -> "alias → name: reason"
    names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for extraction in extractions:
        by_id = {m.id: m for m in extraction.mentions}
        for mention_id, key, canonical, reason in _resolve_in_article(extraction):
            keys[mention_id] = canonical
            if key != canonical:
                merges[canonical].add(f"{by_id[mention_id].name} → {by_id[canonical_id(extraction, canonical)].name}"
                                      f": {reason}")
                if reason.startswith("acronym"):
                    expansions[key].add(canonical)
    _resolve_acronyms_across(extractions, keys, expansions, merges)
    written = {keys[m.id]: m.name for e in extractions for m in e.mentions if _key(m) == keys[m.id]}
    _resolve_variants(keys, merges, written)
    _resolve_surnames_across(extractions, keys, merges, written)
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
    they appear in, and those articles."""

    posts: set[tuple[str, str]]
    places: Counter
    articles: set[str]


def _profiles(extractions: Sequence[Extraction], keys: dict[str, tuple[str, str]]) -> dict[tuple[str, str], _Profile]:
    """Profiles of every name across the build (a surname's own profile comes from its article alone)."""
    profiles: dict[tuple[str, str], _Profile] = defaultdict(lambda: _Profile(set(), Counter(), set()))
    for extraction in extractions:
        by_id = {m.id: m for m in extraction.mentions}
        countries = {m.name for m in extraction.mentions if m.kind == "Country"}
        people = {keys[m.id] for m in extraction.mentions if m.kind == "Person"}
        for key in people:
            profiles[key].places.update(countries)
            profiles[key].articles.add(extraction.article.id)
        for role in extraction.roles:
            if role.of in by_id:
                profiles[keys[role.holder]].posts.add((role.title.split()[-1] if role.title else "",
                                                       by_id[role.of].name))
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
                      written: dict[tuple[str, str], str]) -> None:
    """A full name that is a shorter form of exactly one longer name with the same first and last names, missing only
    whole middle names, is that person ("Barack Obama" and "Barack Hussein Obama"); an initial tells people apart
    ("George W. Bush" is not "George H. W. Bush")."""
    tokens_of = {k: name_tokens(k[1]) for k in set(keys.values()) if k[0] == "Person"}
    by_ends: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for key, tokens in sorted(tokens_of.items()):
        if len(tokens) >= 2:
            by_ends[tokens[0], tokens[-1]].append(key)
    target = {}
    for (first, last), group in by_ends.items():
        for key in group:
            tokens = set(tokens_of[key])
            longer = [other for other in group if tokens < set(tokens_of[other])]
            if len(longer) == 1 and all(len(extra) >= 3 for extra in set(tokens_of[longer[0]]) - tokens):
                target[key] = longer[0]
    for mention_id, key in list(keys.items()):
        if key in target:
            keys[mention_id] = target[key]
            merges[target[key]].add(f"{written[key]} → {written[target[key]]}: the only longer name in the build "
                                    f"with the same first and last names")


def _resolve_surnames_across(extractions: Sequence[Extraction], keys: dict[str, tuple[str, str]],
                             merges: dict[tuple[str, str], set[str]], written: dict[tuple[str, str], str]) -> None:
    """A surname no full name in its article explains ("Abbas") joins a full name in the build it ends, when the
    evidence points to that person: a post only they share ("Palestinian President Abbas" and "Palestinian President
    Mahmoud Abbas"), or countries the articles speak of that few other articles do, for a person who all but owns the
    surname in the build ("Howard" in articles on Australia). Ambiguous or unsupported, it stays apart."""
    full = [key for key in set(keys.values()) if key[0] == "Person" and len(name_tokens(key[1])) >= 2]
    by_surname: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in sorted(full):
        by_surname[name_tokens(key[1])[-1]].append(key)
    profiles = _profiles(extractions, keys)
    spread = Counter(m.name for e in extractions for m in {x.name: x for x in e.mentions if x.kind == "Country"}.values())
    rarity = {country: math.log((len(extractions) + 1) / (count + 1)) for country, count in spread.items()}
    for extraction in extractions:
        local = None
        for mention in extraction.mentions:
            key = keys[mention.id]
            tokens = name_tokens(key[1])
            candidates = by_surname.get(tokens[0], []) if key[0] == "Person" and len(tokens) == 1 else []
            if not candidates:
                continue
            local = local or _profiles([extraction], keys)
            mine = local[key]
            posted = [c for c in candidates if mine.posts & profiles[c].posts]
            if len(posted) == 1:
                best = posted[0]
                title, of = sorted(mine.posts & profiles[best].posts)[0]
                evidence = f"shares the post {title} of {of}"
            else:
                weights = {c: sum(rarity.get(p, 0.0) for p in mine.places if profiles[c].places[p]) for c in candidates}
                best = max(candidates, key=lambda c: (weights[c], len(profiles[c].articles), c))
                others = sum(len(profiles[c].articles) for c in candidates if c != best)
                if posted or weights[best] < MIN_PLACE_EVIDENCE or len(profiles[best].articles) < 4 * others:
                    continue
                shared = sorted(p for p in mine.places if profiles[best].places[p])
                evidence = f"the articles speak of {', '.join(shared)}"
            keys[mention.id] = best
            merges[best].add(f"{mention.name} → {written[best]}: surname in {extraction.article.id}; {evidence}")


def _key(mention: Mention) -> tuple[str, str]:
    """The name a mention is known by: kind and folded name, acronyms without their dots ("U.N." is "UN")."""
    name = mention.name.replace(".", "") if DOTTED_ACRONYM.match(mention.name) else mention.name
    if mention.kind == "Person":
        name = " ".join(re.sub(r"[.\[\]()]", " ", name).split())  # "George W. Bush", "George W Bush", "George W.] Bush"
    return mention.kind, fold(name)


def initials(name: str) -> str:
    """The acronym a name's capitalised words make.

    >>> initials("National Intelligence Organisation"), initials("Ministry of Foreign Affairs")
    ('NIO', 'MFA')
    """
    return "".join(word[0] for word in re.split(r"[\s-]+", name) if word[:1].isupper())


def canonical_id(extraction: Extraction, key: tuple[str, str]) -> str:
    """The id of the first mention in an article whose own key is `key`."""
    return next(m.id for m in extraction.mentions if _key(m) == key)


def _resolve_in_article(extraction: Extraction) -> Iterable[tuple[str, tuple[str, str], tuple[str, str], str]]:
    """(mention id, its own key, the key of the name it stands for, why) for each mention of one article."""
    mentions = extraction.mentions
    article = extraction.article
    full_names = [m for m in mentions if m.kind == "Person" and len(name_tokens(m.name)) >= 2]
    acronyms = _acronyms(mentions, article.body)
    for mention in mentions:
        key = _key(mention)
        if mention.id in acronyms:
            full = acronyms[mention.id]
            yield mention.id, key, _key(full), f"acronym of {full.name!r} in {article.id}"
            continue
        tokens = name_tokens(mention.name)
        if len(tokens) == 1 and mention.kind in ("Person", "Organisation"):
            full = _full_name_for(mention, tokens, full_names)
            if full is not None:
                why = "surname" if mention.kind == "Person" else "surname (tagged as an organisation)"
                yield mention.id, key, _key(full), f"{why} of {full.name!r} in {article.id}"
                continue
        yield mention.id, key, key, ""


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


def _full_name_for(mention: Mention, tokens: tuple[str, ...], full_names: Sequence[Mention]) -> Mention | None:
    """The full name a surname stands for: the only one it ends, else the nearest one before it; failing both, the
    only full name that has it as another of its names."""
    candidates = [m for m in full_names if name_tokens(m.name)[-1] == tokens[0]]
    if not candidates and mention.kind == "Person":
        # A name people go by that is not the last one ("Lula" in "Luiz Inácio Lula da Silva"): only if unique.
        candidates = [m for m in full_names if tokens[0] in name_tokens(m.name)[:-1]]
    distinct = {fold(m.name) for m in candidates}
    if len(distinct) == 1:
        return candidates[0]
    before = [m for m in candidates if m.start < mention.start]
    return before[-1] if before else None


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
        # The fullest name is the entity's name: most words, longest, most often written, then alphabetical.
        name = sorted(counts, key=lambda n: (-len(name_tokens(n)), -len(n), -counts[n], n))[0]
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

