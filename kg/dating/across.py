"""The date of each merged meeting from every report's claim, and the articles whose page date another report
contradicts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from kg.dating.article import REDATED_AFTER
from kg.records import Basis, DateClaim, Dating, MergedMeeting
from kg.timex import Interval, resolve_time


def _estimate(dating: Dating | None) -> Interval | None:
    if dating is None or dating.estimate is None or dating.estimate[1] is None:
        return None
    return Interval(date.fromisoformat(dating.estimate[0]), date.fromisoformat(dating.estimate[1]), "year")


def redated_articles(meetings: Sequence[MergedMeeting], datings: dict[str, Dating],
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


def dated(meeting: MergedMeeting, datings: dict[str, Dating], published: dict[str, str | None],
           redated: dict[str, str]) -> MergedMeeting:
    """The meeting with every report's date claim; a date only where the trusted claims agree."""
    claims: dict[DateClaim, Interval] = {}
    future = meeting.status in ("planned", "possible")
    for report in meeting.reports:
        article = report.evidence.article_id
        if report.date_text:
            absolute = resolve_time(report.date_text, None)
            page = date.fromisoformat(day) if (day := published.get(article)) else None
            interval = absolute or resolve_time(report.date_text, page, future=future)
            if interval is None:
                continue  # "Sunday night", "earlier this week" with no page date: no claim
            basis: Basis = "text" if absolute else "page date"
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
