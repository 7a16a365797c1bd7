"""Reports of one meeting merged, inside an article and across articles, when their parties overlap and nothing they
state disagrees."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from kg.records import Meeting, MergedMeeting
from kg.timex import Interval, resolve_time

SAME_STORY_DAYS = 7  # reports of one meeting without a shared place must be published within a week


RECENT = timedelta(days=45)  # a meeting an article reports without a date is taken to be this close to its page date


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
        # "The first meeting was between Bush and Calderón" is not the meeting of the three the article reports, nor
        # "their last meeting with Bush" this week's: a word that picks a meeting out of a series, and other parties.
        series = {r.sequence for r in a.reports} != {r.sequence for r in b.reports}
        if series and a.participants != b.participants:
            return False
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
    dates = [date.fromisoformat(day) for a in article_ids if (day := published.get(a))]
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
