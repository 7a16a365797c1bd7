"""Names inside one article: a surname joins the full name it ends, an acronym its expansion, a demonym its
country; then the entities of the build from the names every mention resolves to."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import cast

from kg.countries import country_named, country_of_demonym, fold
from kg.names import HONORIFICS, PERSON_TITLES, initials
from kg.records import Article, Entity, Extraction, Kind, Mention
from kg.resolve.names import (
    _bearer_meant,
    _bearers,
    _capitalised,
    _key,
    _plain_tokens,
    _post,
    _respelt,
    name_tokens,
)
from kg.vocab import NODE_PREFIX, slugify


def canonical_id(extraction: Extraction, key: tuple[str, str]) -> str:
    """The id of the first mention in an article whose own key is `key`."""
    return next(m.id for m in extraction.mentions if _key(m) == key)


def _resolve_in_article(extraction: Extraction) -> list[tuple[str, tuple[str, str], tuple[str, str], str]]:
    """(mention id, its own key, the key of the name it stands for, why) for each mention of one article; a name that
    stands for one that stands for a third stands for the third ("al-Hawsawi", "Al Hawsawi", "Mustafa al-Hawsawi")."""
    found = list(_names_in_article(extraction))
    target: dict[tuple[str, str], tuple[str, str]] = {}
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
    full: Mention | None
    alone: list[tuple[Mention, Mention]] = []  # names alone so far, with the full names they stand for
    for mention in mentions:
        key = _key(mention)
        if mention.id in acronyms:
            full = acronyms[mention.id]
            yield mention.id, key, _key(full), f"acronym of {full.name!r} in {article.id}"
            continue
        tokens = name_tokens(mention.name)
        if len(tokens) == 1 and mention.kind in ("Person", "Organisation") and _capitalised(mention.name):
            full = _full_name_for(mention, tokens, full_names, article, alone)
            if full is not None:
                alone.append((mention, full))
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
    for written in mentions:
        # "Singapore National Printers Ltd (SNP)": the bracket need not be a mention of its own
        bracketed = re.match(r" ?\(([A-Z][A-Z.&-]{0,9}[A-Z.])\)", body[written.end:written.end + 14])
        # not "Toshiba Information Systems (U.K.) Ltd", a firm's country
        if written.kind == "Organisation" and bracketed and _could_abbreviate(bracketed.group(1), written.name) \
                and not country_named(bracketed.group(1)):
            expansions.setdefault(bracketed.group(1), written)
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


DEPARTMENTS = {"department", "ministry", "office", "bureau", "agency", "secretariat", "division", "board"}


def _could_abbreviate(short: str, full: str) -> bool:
    """Whether an acronym in brackets can stand for the name before it. Not when it is the initials of what follows
    the name's "of" ("Parliament of New South Wales (NSW)": a place in the name), nor when it is longer than the name
    could give and starts with another letter ("Cultural Organization (UNESCO)": the tail the tagger cut from a longer
    name). A name with a word before its acronym's ("Japanese Ministry of International Trade and Industry (MITI)"),
    in another language ("National Intelligence Organisation (MIT)") or one compound word ("Bundesnachrichtendienst
    (BND)") keeps it.

    >>> _could_abbreviate("MITI", "Japanese Ministry of International Trade and Industry")
    True
    >>> _could_abbreviate("MIT", "National Intelligence Organisation")
    True
    >>> _could_abbreviate("BND", "Bundesnachrichtendienst")
    True
    >>> _could_abbreviate("UNESCO", "Cultural Organization"), _could_abbreviate("NSW", "Parliament of New South Wales")
    (False, False)
    """
    letters = short.replace(".", "").replace("-", "")
    head, of, complement = full.partition(" of ")
    if of and initials(complement) == letters and head.split()[-1].lower() not in DEPARTMENTS:
        return False  # but "Department of Housing and Urban Development (HUD)" is the department
    words = [w for w in full.split() if w.lower() not in ("of", "and", "the", "for", "de", "des", "du", "la", "&")]
    return len(letters) <= len(words) + 1 or letters[:1] == full[:1].upper() or letters in initials(full)


def _full_name_for(mention: Mention, tokens: tuple[str, ...], full_names: Sequence[Mention],
                   article: Article, alone: Sequence[tuple[Mention, Mention]]) -> Mention | None:
    """The full name a surname stands for: the only one it ends (as a whole word, if any does), else the one of those
    before it that it means (`_bearer_meant`); failing both, the only full name that has it as another of its names."""
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
    return _bearer_meant(mention, candidates, article.title, article.body,
                         [(m, full) for m, full in alone if full in candidates])


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
        kind = cast(Kind, key[0])
        # The fullest name is the entity's name: most words ("Bisher al-Rawi", not "Al Rawi"), most often written
        # (not a stray spelling), longest, then alphabetical.
        name = sorted(counts, key=lambda n: (-len(name_tokens(n)), -len(_plain_tokens(n)), -counts[n], -len(n), n))[0]
        entity_id = f"{NODE_PREFIX[kind]}:{slugify(name)}"
        suffix = 2
        while entity_id in used:
            entity_id, suffix = f"{NODE_PREFIX[kind]}:{slugify(name)}-{suffix}", suffix + 1
        used.add(entity_id)
        entities.append(Entity(id=entity_id, kind=kind, name=name,
                               aliases=tuple(sorted({n for n in counts if fold(n) != fold(name)})),
                               mentions=tuple(sorted(mentions_of[key])), merges=tuple(sorted(merges.get(key, ())))))
        entity_of_key[key] = entity_id
    return entity_of_key, tuple(entities)
