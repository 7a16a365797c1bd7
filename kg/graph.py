"""Entities and merged meetings -> networkx.MultiDiGraph.

Nodes are keyed by their id ("person:hulusi-akar", "meeting:moscow-...", "article:000-ac96e4b3b8268ecb"); every node has
`kind` and `label`.

| kind         | other attributes                                                                           |
|--------------|--------------------------------------------------------------------------------------------|
| Person       | aliases (tuple[str]), merges (tuple[str]: each merged alias with its reason)               |
| Organisation | aliases, merges                                                                            |
| Country      | aliases, merges                                                                            |
| Place        | aliases, merges                                                                            |
| Meeting      | status (held/planned/possible/cancelled), mode (in_person/phone/video/unknown),            |
|              | date_text (str or None: the time expression as written), triggers (tuple[str]),           |
|              | date (ISO date or "earliest/latest" the trusted claims agree on, or None),                 |
|              | date_conflict (bool: claims disagree; none is picked),                                      |
|              | date_claims (tuple of (article node id, text or None, interval, granularity, basis,        |
|              | uncertain)); basis is "text" (the date has its year), "page date" (read against the page's |
|              | date) or "estimate" (from what the article's text says of its own time)                     |
| Article      | title, published (ISO date or None), publisher (str or None), source (path or URL),       |
|              | redated (str or None: why the page date is not to be trusted), date_estimate (str or None: |
|              | "earliest/latest" the text implies; a lone date has no later bound),                       |
|              | date_clues (tuple of (text, reading, sentence)), kind_changes (tuple of (name, kind or    |
|              | "no name", reason): names tagged as persons that the article shows are not)                |

Edges carry `relation` and the evidence of the fact: `article` (an Article node id), `sentence`, `start`, `end` (the
sentence's character span in that article's body). A fact reported by two articles is two parallel edges, one per
article, so each keeps its own evidence; edge keys are "<relation>|<article node id>" ("role|<title>|<article>",
"reported_by|<report id>|<article>").

| relation      | from -> to                                   | other attributes                       |
|---------------|----------------------------------------------|----------------------------------------|
| participant   | Meeting -> Person / Organisation / Country   | rules, confidence (of the report that  |
|               |                                              | names the participant)                 |
| located_in    | Meeting -> Place / Country                   |                                        |
| reported_by   | Meeting -> Article (one edge per report)     | trigger (the words that state it),     |
|               |                                              | rules (tuple[str]: the rules of        |
|               |                                              | kg/extract/rules.py that read it),     |
|               |                                              | confidence (float: its weakest rule's) |
| role          | Person -> Organisation / Country             | title ("defence minister")             |
| member_of     | Person -> Organisation                       | (an affiliation with no stated title)  |
| mentioned_in  | Person / Organisation / Country / Place -> Article | (evidence of the first mention)  |

People who met someone carry `bloc` (int), `bloc_name`, `bloc_size` and `betweenness` (float) (kg/blocs.py).

Who met whom is the projection of the participant edges onto people (`who_met_whom`, for held meetings unless other
statuses are asked for; `people_who_met`, the same as a networkx graph): every exporter draws from it.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Mapping

import networkx as nx

from kg.blocs import annotate_blocs
from kg.records import STATUSES, Article, Entity, Evidence, Extraction, Meeting, MergedMeeting


def article_node(article_id: str) -> str:
    """The node id of an article.

    >>> article_node("000-ac96e4b3b8268ecb")
    'article:000-ac96e4b3b8268ecb'
    """
    return f"article:{article_id}"


def _evidence(evidence: Evidence) -> dict:
    return {
        "article": article_node(evidence.article_id),
        "sentence": evidence.sentence,
        "start": evidence.start,
        "end": evidence.end,
    }


def build_graph(
    extractions: Iterable[Extraction],
    entities: Iterable[Entity],
    meetings: Iterable[MergedMeeting],
    mention_entity: Mapping[str, str],
    redated: Mapping[str, str] | None = None,
) -> nx.MultiDiGraph:
    """The typed graph of one build; `mention_entity` maps each mention id to its entity id."""
    graph = nx.MultiDiGraph()
    extractions = sorted(extractions, key=lambda extraction: extraction.article.id)
    for extraction in extractions:
        article: Article = extraction.article
        dating = extraction.dating
        graph.add_node(
            article_node(article.id),
            kind="Article",
            label=article.title,
            title=article.title,
            published=article.published,
            publisher=article.publisher,
            source=article.source,
            redated=(redated or {}).get(article.id),
            date_estimate="/".join(p for p in dating.estimate if p) if dating and dating.estimate else None,
            date_clues=tuple((c.text, c.reading, c.sentence) for c in dating.clues) if dating else (),
            kind_changes=tuple((c.name, c.kind or "no name", c.reason) for c in extraction.kind_changes),
        )
    for entity in sorted(entities, key=lambda entity: entity.id):
        graph.add_node(entity.id, kind=entity.kind, label=entity.name, aliases=entity.aliases, merges=entity.merges)

    for extraction in extractions:
        first_mention: dict[str, Evidence] = {}
        for mention in extraction.mentions:
            entity_id = mention_entity.get(mention.id)
            if entity_id is not None and entity_id not in first_mention:
                first_mention[entity_id] = mention.evidence
        for entity_id, evidence in sorted(first_mention.items()):
            _add_fact(graph, entity_id, article_node(extraction.article.id), "mentioned_in", evidence)
        for role in extraction.roles:
            holder = mention_entity.get(role.holder)
            of = mention_entity.get(role.of) if role.of else None
            if holder is None or of is None:
                continue  # a title with no organisation or country ("President Bush") only helps resolution
            if not role.title and graph.nodes[of]["kind"] != "Organisation":
                continue  # "Canada's Tony Blair": a country's possessive with no post is no membership
            relation = "role" if role.title else "member_of"
            _add_fact(graph, holder, of, relation, role.evidence, title=role.title, keyed_by=role.title)

    for meeting in sorted(meetings, key=lambda meeting: meeting.id):
        graph.add_node(
            meeting.id,
            kind="Meeting",
            label=meeting_label(meeting, graph),
            status=meeting.status,
            mode=meeting.mode,
            date_text=meeting.date_text,
            triggers=tuple(sorted({report.trigger for report in meeting.reports})),
            date=meeting.date,
            date_conflict=meeting.date_conflict,
            date_claims=tuple((article_node(c.article_id), c.text, c.interval, c.granularity, c.basis, c.uncertain)
                              for c in meeting.date_claims),
        )
        reports = {report.id: report for report in meeting.reports}
        for report in meeting.reports:
            source = article_node(report.evidence.article_id)
            # One reported_by edge per report: every sentence that states the meeting stays visible as evidence.
            _add_fact(graph, meeting.id, source, "reported_by", report.evidence, trigger=report.trigger,
                      keyed_by=report.id, **_read_by(report))
            if meeting.place and report.place and mention_entity.get(report.place) == meeting.place:
                _add_fact(graph, meeting.id, meeting.place, "located_in", report.evidence, **_read_by(report))
        for entity_id, report_id in meeting.participant_reports:
            report = reports[report_id]
            _add_fact(graph, meeting.id, entity_id, "participant", report.evidence, **_read_by(report))
    annotate_blocs(graph, people_who_met(graph))
    return graph


def _read_by(report: Meeting) -> dict:
    """The rules that read a report and their confidence, as edge attributes (none for a report made by hand)."""
    return {"rules": report.rules, "confidence": report.confidence} if report.rules else {}


def _add_fact(graph: nx.MultiDiGraph, source: str, target: str, relation: str, evidence: Evidence,
              keyed_by: str = "", **attributes) -> None:
    """One edge per (fact, article): the first sentence of an article that states a fact is its evidence there."""
    key = "|".join(part for part in (relation, keyed_by, article_node(evidence.article_id)) if part)
    if not graph.has_edge(source, target, key):
        graph.add_edge(source, target, key=key, relation=relation, **_evidence(evidence), **attributes)


def meeting_label(meeting: MergedMeeting, graph: nx.MultiDiGraph) -> str:
    """A short human label: 'Meeting in Moscow' or 'Meeting of Erdogan and al-Assad'."""
    if meeting.place and meeting.place in graph:
        return f"Meeting in {graph.nodes[meeting.place]['label']}"
    names = [graph.nodes[p]["label"] for p in meeting.participants if p in graph]
    return "Meeting of " + (", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names))


Attendees = dict[str, list[str]]  # meeting id -> its people, sorted
Pairs = dict[tuple[str, str], list[str]]  # (a, b) with a < b -> the meetings they shared, sorted


def who_met_whom(graph: nx.MultiDiGraph, statuses: Iterable[str] = ("held",)) -> tuple[Attendees, Pairs]:
    """The people of every meeting with one of `statuses`, and the meetings of every pair of people: the one
    projection every exporter draws from. One pass over the graph's own adjacency, which is several times faster than
    its edge views."""
    wanted = set(statuses)
    attendees: Attendees = {}
    for meeting, targets in graph.adjacency():
        data = graph.nodes[meeting]
        if data["kind"] != "Meeting" or data["status"] not in wanted:
            continue
        people = sorted(target for target, keyed in targets.items() if graph.nodes[target]["kind"] == "Person"
                        and any(edge["relation"] == "participant" for edge in keyed.values()))
        if people:
            attendees[meeting] = people
    pairs: Pairs = {}
    for meeting in sorted(attendees):
        for pair in itertools.combinations(attendees[meeting], 2):
            pairs.setdefault(pair, []).append(meeting)
    return dict(sorted(attendees.items())), pairs


def people_who_met(graph: nx.MultiDiGraph, *, statuses: Iterable[str] = ("held",)) -> nx.Graph:
    """People joined by the meetings they shared; edge attribute `meetings` lists the meeting ids, sorted."""
    attendees, pairs = who_met_whom(graph, statuses)
    people = nx.Graph()
    for person in sorted({person for group in attendees.values() for person in group}):
        people.add_node(person, **graph.nodes[person])
    for (a, b), meetings in sorted(pairs.items()):
        people.add_edge(a, b, meetings=meetings)
    return people


def build_counts(graph: nx.MultiDiGraph) -> list[tuple[str, str]]:
    """What a build holds, each count with what it counts: the one set the build's summary, report.md and the page's
    header all give. (label, text) pairs: ("people", "9 (7 met another person)"), ("meetings", "5 (2 held, 3
    planned)"), ("articles", "2 (2 with a doubtful date)") ..."""
    kinds = Counter(data["kind"] for _, data in graph.nodes(data=True))
    _, pairs = who_met_whom(graph, STATUSES)
    met = len({person for pair in pairs for person in pair})
    statuses = Counter(data["status"] for _, data in graph.nodes(data=True) if data["kind"] == "Meeting")
    doubtful = sum(1 for _, data in graph.nodes(data=True) if data["kind"] == "Article" and data.get("redated"))
    by_status = ", ".join(f"{statuses[s]} {s}" for s in STATUSES if statuses[s])
    return [("people", f"{kinds['Person']:,} ({met:,} met another person)"),
            ("organisations", f"{kinds['Organisation']:,}"),
            ("countries", f"{kinds['Country']:,}"),
            ("places", f"{kinds['Place']:,}"),
            ("meetings", f"{kinds['Meeting']:,}" + (f" ({by_status})" if by_status else "")),
            ("articles", f"{kinds['Article']:,}" + (f" ({doubtful:,} with a doubtful date)" if doubtful else ""))]
