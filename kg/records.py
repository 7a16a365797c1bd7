"""The records passed between stages: Article, Evidence, Mention, Role, Meeting, Entity, MergedMeeting.

ingest makes Articles; extract makes Mentions, Roles and Meetings for one Article; resolve turns mentions into
Entities and reports of one meeting into MergedMeetings; graph turns those into a NetworkX graph.
Every fact keeps an Evidence: the article, the sentence, and the sentence's character span in the article body.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Status = Literal["held", "planned", "possible", "cancelled"]
Mode = Literal["in_person", "phone", "video", "unknown"]
Kind = Literal["Person", "Organisation", "Country", "Place"]
Basis = Literal["text", "page date", "estimate"]  # a date with its year; read against the page date; or inferred

STATUSES: tuple[Status, ...] = ("held", "planned", "possible", "cancelled")
MODES: tuple[Mode, ...] = ("in_person", "phone", "video", "unknown")


@dataclass(frozen=True, slots=True)
class Article:
    id: str  # stable slug from the file name (and line number for .jsonl)
    title: str
    body: str  # the article text without site chrome; character spans index into it
    published: str | None  # ISO date (YYYY-MM-DD) as the page gives it, or None
    publisher: str | None
    source: str  # path or URL the article was read from


@dataclass(frozen=True, slots=True)
class Evidence:
    article_id: str
    sentence: str
    start: int  # character span of the sentence in Article.body
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    id: str  # "<article id>#<start>": unique within a build
    text: str  # as written ("al-Assad’s", "Turkish")
    name: str  # the name it stands for ("al-Assad", "Turkey")
    kind: Kind
    start: int  # character span in Article.body
    end: int
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Role:
    holder: str  # mention id of the person
    title: str  # "defence minister"; "" for a plain affiliation ("Al Jazeera's Sinem Koseoglu")
    of: str | None  # mention id of the organisation or country the post belongs to
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Meeting:
    id: str  # "<article id>#m<trigger offset>": stable across runs
    trigger: str  # "met", "held talks", "meeting", ...
    participants: tuple[str, ...]  # mention ids, in text order
    status: Status
    mode: Mode
    place: str | None  # mention id of the place
    date_text: str | None  # the time expression as written ("on Wednesday")
    evidence: Evidence
    rules: tuple[str, ...] = ()  # names of the rules that read it (kg/extract/rules.py), in the order they fired
    confidence: float = 1.0  # its weakest rule's confidence
    # The word that picks the meeting out of a series ("the first meeting", "their last talks"), lower-cased.
    sequence: str | None = None


@dataclass(frozen=True, slots=True)
class DateClue:
    """A sentence that tells when its article was written."""

    sentence: str
    start: int  # character span of the sentence in Article.body
    end: int
    text: str  # the words that carry the clue ("the 11-year conflict")
    reading: str  # what they imply ("the conflict is 11 years old")


@dataclass(frozen=True, slots=True)
class Dating:
    """When an article's own text says it was written, and whether that contradicts its page date."""

    estimate: tuple[str, str | None] | None  # ISO earliest and latest dates (latest None: open) the text implies
    clues: tuple[DateClue, ...]
    redated: bool  # the text ends well before the page's date: the page date is not to be trusted
    reasoning: str | None
    latest_year: int | None = None  # the latest year the text names (kg/dating/recency.py), if any
    recency: float | None = None  # how strongly the text reads as written in that year: its clues' weight


@dataclass(frozen=True, slots=True)
class KindChange:
    """A name whose kind the whole article decides against the tagger (kg/extract/kinds.py): one it called a person
    that the article shows is not, or a person's given name alone that it called a place or a body ("Thaksin")."""

    name: str
    kind: Kind | None  # what it is instead; None: not a name of the graph at all
    reason: str


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extract found in one article."""

    article: Article
    mentions: tuple[Mention, ...]
    roles: tuple[Role, ...]
    meetings: tuple[Meeting, ...]
    dating: Dating | None = None
    kind_changes: tuple[KindChange, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    id: str  # "person:hulusi-akar": stable slug, one namespace per kind
    kind: Kind
    name: str  # the fullest name seen
    aliases: tuple[str, ...]  # other names seen, sorted
    mentions: tuple[str, ...]  # mention ids, sorted
    merges: tuple[str, ...]  # why each alias was merged: "Akar → Hulusi Akar: surname of a full name in the article"


@dataclass(frozen=True, slots=True)
class DateClaim:
    """When one report says a meeting took place, and on what that rests."""

    article_id: str
    text: str | None  # the time expression as written, or None for an estimate from the article's text
    interval: str  # ISO date or "earliest/latest"
    granularity: str  # day, week, month, part-of-month, year, decade, or "estimate"
    basis: Basis
    uncertain: bool  # read against a page date that the article's text (or another report) contradicts


@dataclass(frozen=True, slots=True)
class MergedMeeting:
    """One real meeting, with every report of it."""

    id: str  # "meeting:<slug>"
    status: Status
    mode: Mode
    participants: tuple[str, ...]  # entity ids, sorted
    place: str | None  # entity id
    date_text: str | None
    reports: tuple[Meeting, ...]  # the article-level meetings merged into it, sorted by id
    participant_reports: tuple[tuple[str, str], ...]  # (entity id, meeting id): which report names whom
    date_claims: tuple[DateClaim, ...] = ()
    date: str | None = None  # the interval the certain claims agree on, or None
    date_conflict: bool = False  # claims that do not overlap: each is kept, none is picked
