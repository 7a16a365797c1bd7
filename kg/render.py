"""A Turtle file in the kg vocabulary (as kg/export/rdf.py writes it) -> the networkx.MultiDiGraph of kg/graph.py.

So a page can be drawn from any graph.ttl, including one cut down with a SPARQL CONSTRUCT, and show what the Turtle
says. Each node kind comes from its rdf:type, or, for a node that is only referred to, from the namespace of its IRI
(person/, meeting/, ...); its id is the IRI's namespace and local name ("person:hulusi-akar"). Each n-ary node of the
Turtle (Participation, Post, Membership, Mention) becomes one edge per article its evidence comes from.

What the Turtle does not keep, the graph read back lacks; the page shows none of it:
- which report stated which place: a meeting's located_in edges carry the meeting's evidence sentences, as the
  Turtle hangs the place and the reports on the meeting alike;
- the words each report used (`trigger` on reported_by edges is None; the meeting's `triggers` are kept);
- how many reports one sentence holds: two meeting words in one sentence are one reported_by edge;
- the order of a meeting's date claims (they are sorted as kg/dating/across.py sorts them).
The blocs (kg/blocs.py) are found again from the meetings read back: for a whole build's Turtle they are the ones it
wrote; for a cut-down one, the blocs of what it holds.
A fact whose evidence a CONSTRUCT left out is still an edge, with None for article, sentence, start and end.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import networkx as nx
import pyoxigraph as ox
from rdflib.namespace import PROV, RDF, RDFS, SDO

from kg.blocs import annotate_blocs
from kg.errors import KGError
from kg.export.rdf import PARSE
from kg.graph import people_who_met
from kg.query import graph_error, turtle_prefixes
from kg.vocab import INSTANCE_NAMESPACES, KG, MODE_TERMS, NODE_KIND, STATUS_TERMS

CLASS_KINDS = {str(KG.Person): "Person", str(KG.Organisation): "Organisation", str(KG.Country): "Country",
               str(KG.Place): "Place", str(KG.Meeting): "Meeting", str(KG.Article): "Article"}
# The namespaces of graph nodes, and the kind a node in each has.
NODE_NAMESPACES = {prefix: str(INSTANCE_NAMESPACES[prefix]) for prefix in NODE_KIND}
STATUS_OF = {str(term): status for status, term in STATUS_TERMS.items()}
MODE_OF = {str(term): mode for mode, term in MODE_TERMS.items()}
NO_EVIDENCE = {"article": None, "sentence": None, "start": None, "end": None}

TYPE, LABEL = str(RDF.type), str(RDFS.label)


def read_turtle(path: Path) -> nx.MultiDiGraph:
    """The graph a Turtle file in the kg vocabulary describes. Its nodes are found in the namespaces the file binds to
    kg's node prefixes (person:, meeting: ...), so a graph built with --base-iri reads back as well."""
    statements = _read_statements(path)
    try:
        declared = turtle_prefixes(path.read_bytes())
    except OSError as err:
        raise graph_error(path, err) from err
    namespaces = {prefix: declared.get(prefix, namespace) for prefix, namespace in NODE_NAMESPACES.items()}
    graph = to_graph(statements, namespaces)
    # Found again, not read: the blocs of what this Turtle holds (for a whole build, the ones it wrote).
    annotate_blocs(graph, people_who_met(graph))
    return graph


def _read_statements(path: Path) -> dict[str, dict[str, list]]:
    """subject -> predicate -> objects (IRIs as str, literals as ox.Literal), in file order."""
    statements: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    try:
        for quad in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri()):
            object_ = quad.object
            statements[quad.subject.value][quad.predicate.value].append(
                object_ if isinstance(object_, ox.Literal) else object_.value)
    except (OSError, SyntaxError) as err:
        raise graph_error(path, err) from err
    return statements


def node_id(iri: str, namespaces: Mapping[str, str] = NODE_NAMESPACES) -> str | None:
    """The graph node id of a node IRI, or None for an IRI outside the node namespaces.

    >>> node_id("https://example.org/kg/id/place/S%C3%A3o%20Paulo"), node_id("https://example.org/kg/id/post/x")
    ('place:São Paulo', None)
    """
    for prefix, namespace in namespaces.items():
        if iri.startswith(namespace):
            return f"{prefix}:{unquote(iri[len(namespace):])}"
    return None


def to_graph(statements: dict[str, dict[str, list]],
             namespaces: Mapping[str, str] = NODE_NAMESPACES) -> nx.MultiDiGraph:
    """The graph of kg/graph.py from subject -> predicate -> objects, its nodes in `namespaces` (prefix -> IRI)."""
    return _Reader(statements, namespaces).graph()


class _Reader:
    """Reads the statements of one file into the graph of kg/graph.py: nodes first, in IRI order, so the graph is the
    same whatever order the file lists them in; then the facts of meetings, posts, memberships and mentions."""

    def __init__(self, statements: dict[str, dict[str, list]], namespaces: Mapping[str, str]) -> None:
        self.statements = statements
        self.namespaces = namespaces
        self.nx = nx.MultiDiGraph()

    def graph(self) -> nx.MultiDiGraph:
        subjects = sorted(self.statements)
        for subject in subjects:
            kinds = [CLASS_KINDS[c] for c in self.iris(subject, TYPE) if c in CLASS_KINDS]
            if kinds:
                self.add_node(subject, kinds[0])
        # kg:holds points from the person to the post; the post's own triples say in what.
        holders: dict[str, list[str]] = defaultdict(list)
        for subject in subjects:
            for post in self.iris(subject, str(KG.holds)):
                holders[post].append(subject)
        for subject in subjects:
            types = set(self.iris(subject, TYPE))
            if str(KG.Meeting) in types:
                self.read_meeting(subject)
            elif str(KG.Post) in types:
                title = self.text(subject, str(KG.title)) or ""
                for holder in holders.get(subject, ()):
                    for of in self.iris(subject, str(KG.postIn)):
                        holder_id, of_id = self.add_node(holder), self.add_node(of)
                        if holder_id and of_id:
                            self.add_fact(holder_id, of_id, "role", self.evidence(subject), keyed_by=title,
                                          title=title)
            elif str(KG.Membership) in types:
                for member in self.iris(subject, str(KG.member)):
                    for organisation in self.iris(subject, str(KG.organisation)):
                        member_id, organisation_id = self.add_node(member), self.add_node(organisation)
                        if member_id and organisation_id:
                            self.add_fact(member_id, organisation_id, "member_of", self.evidence(subject), title="")
            elif str(KG.Mention) in types:
                for entity in self.iris(subject, str(KG.mentionOf)):
                    if (entity_id := self.add_node(entity)) is not None:
                        for fact in self.evidence(subject):
                            self.add_fact(entity_id, fact["article"], "mentioned_in", [fact])
        return self.nx

    def read_meeting(self, subject: str) -> None:
        meeting = node_id(subject, self.namespaces)
        if meeting is None:
            return
        reports = self.evidence(subject)
        for article in self.iris(subject, str(PROV.wasDerivedFrom)):
            article_id = self.add_node(article, "Article")
            if article_id is None:
                continue
            said = [fact for fact in reports if fact["article"] == article_id]
            for fact in said or [{**NO_EVIDENCE, "article": article_id}]:
                key = f"{fact['article']}#{fact['start']}#{fact.get('rules')}" if fact["start"] is not None else ""
                self.add_fact(meeting, article_id, "reported_by", [fact], keyed_by=key, trigger=None)
        for place in self.iris(subject, str(KG.place)):
            if (place_id := self.add_node(place)) is not None:
                self.add_fact(meeting, place_id, "located_in", reports)
        attended = set()
        for participation in self.iris(subject, str(KG.participation)):
            for agent in self.iris(participation, str(KG.agent)):
                if (agent_id := self.add_node(agent)) is not None:
                    attended.add(agent_id)
                    self.add_fact(meeting, agent_id, "participant", self.evidence(participation))
        for agent in self.iris(subject, str(KG.participant)):
            if (agent_id := self.add_node(agent)) is not None and agent_id not in attended:
                self.add_fact(meeting, agent_id, "participant", [])

    def texts(self, subject: str, predicate: str) -> list[str]:
        values = self.statements.get(subject, {}).get(predicate, ())
        return [value.value for value in values if isinstance(value, ox.Literal)]

    def text(self, subject: str, predicate: str) -> str | None:
        values = self.texts(subject, predicate)
        return values[0] if values else None

    def iris(self, subject: str, predicate: str) -> list[str]:
        return [value for value in self.statements.get(subject, {}).get(predicate, ()) if isinstance(value, str)]

    def interval(self, subject: str, *, open_ended: bool = False) -> str | None:
        """kg:earliest/kg:latest as kg/graph.py writes them: "a" for one day, "a/b" otherwise; for an article's
        estimate (`open_ended`), "a" means no later bound and "a/b" is kept as it is."""
        earliest_p, latest_p = (KG.estimatedEarliest, KG.estimatedLatest) if open_ended else (KG.earliest, KG.latest)
        earliest, latest = self.text(subject, str(earliest_p)), self.text(subject, str(latest_p))
        if earliest is None or (latest is None and not open_ended):
            return None
        if latest is None or (latest == earliest and not open_ended):
            return earliest
        return f"{earliest}/{latest}"

    def evidence(self, subject: str) -> list[dict[str, Any]]:
        """The evidence of a fact, sorted by article and span."""
        found: list[dict[str, Any]] = []
        for item in self.iris(subject, str(KG.evidence)):
            articles = self.iris(item, str(KG.fromArticle))
            start, end = self.text(item, str(KG.start)), self.text(item, str(KG.end))
            article_id = self.add_node(articles[0], "Article") if articles else None
            if article_id is not None and start is not None and end is not None and start.isdigit() and end.isdigit():
                fact: dict[str, Any] = {"article": article_id, "sentence": self.text(item, str(KG.sentence)),
                                        "start": int(start), "end": int(end)}
                method, _, rules = (self.text(item, str(KG.method)) or "").partition(": ")
                if rules and method == PARSE[1]:  # a meeting report names the rules that read it
                    confidence = float(self.text(item, str(KG.confidence)) or 0)
                    fact |= {"rules": tuple(rules.split(", ")), "confidence": confidence}
                found.append(fact)
        return sorted(found, key=lambda fact: (fact["article"], fact["start"], fact["end"]))

    def add_node(self, iri: str, kind: str | None = None) -> str | None:
        """Add the node an IRI names, with the attributes of its kind; its id (None for a foreign IRI)."""
        identifier = node_id(iri, self.namespaces)
        if identifier is None or identifier in self.nx:
            return identifier
        kind = kind or NODE_KIND[identifier.partition(":")[0]]
        label = self.text(iri, LABEL) or identifier.partition(":")[2]
        if kind == "Meeting":
            self.nx.add_node(identifier, kind=kind, label=label, **self.meeting_attributes(iri))
        elif kind == "Article":
            self.nx.add_node(identifier, kind=kind, label=label, **self.article_attributes(iri, label))
        else:
            self.nx.add_node(identifier, kind=kind, label=label,
                             aliases=tuple(sorted(self.texts(iri, str(KG.alias)))),
                             merges=tuple(sorted(self.texts(iri, str(KG.mergeReason)))))
        return identifier

    def meeting_attributes(self, iri: str) -> dict[str, Any]:
        status = STATUS_OF.get((self.iris(iri, str(KG.status)) or [""])[0])
        if status is None:
            raise KGError(f"<{iri}>: a kg:Meeting needs a kg:status (kg:Held, kg:Planned, kg:Possible or "
                          "kg:Cancelled); keep it in the CONSTRUCT")
        claims = []
        for claim in self.iris(iri, str(KG.dateClaim)):
            article = (self.iris(claim, str(KG.claimedBy)) or [""])[0]
            claims.append((self.add_node(article, "Article") or article, self.text(claim, str(KG.dateText)),
                           self.interval(claim) or "", self.text(claim, str(KG.granularity)),
                           self.text(claim, str(KG.basis)), self.text(claim, str(KG.uncertain)) == "true"))
        claims.sort(key=lambda c: (c[0], c[4] or "", c[2], c[1] or ""))
        return {
            "status": status,
            "mode": MODE_OF.get((self.iris(iri, str(KG.mode)) or [""])[0], "unknown"),
            "date_text": self.text(iri, str(KG.dateText)),
            "triggers": tuple(sorted(self.texts(iri, str(KG.trigger)))),
            "date": self.interval(iri),
            "date_conflict": self.text(iri, str(KG.dateConflict)) == "true",
            "date_claims": tuple(claims),
        }

    def article_attributes(self, iri: str, label: str) -> dict[str, Any]:
        clues = sorted(self.iris(iri, str(KG.dateClue)), key=lambda clue: int(clue.rpartition("-")[2] or 0))
        changes = sorted(self.iris(iri, str(KG.kindChange)), key=lambda change: int(change.rpartition("-")[2] or 0))
        redated = self.text(iri, str(KG.redatedReason))
        if redated is None and self.text(iri, str(KG.possiblyRedated)) == "true":
            redated = "marked as possibly re-dated"
        text = self.text
        return {
            "title": text(iri, str(SDO.headline)) or label,
            "published": text(iri, str(KG.published)),
            "publisher": text(iri, str(KG.publisher)),
            "source": text(iri, str(KG.source)),
            "redated": redated,
            "date_estimate": self.interval(iri, open_ended=True),
            "date_clues": tuple((text(c, str(KG.clueText)), text(c, str(KG.reading)), text(c, str(KG.sentence)))
                                for c in clues),
            "kind_changes": tuple((text(c, str(KG.changedName)), text(c, str(KG.keptAs)),
                                   text(c, str(KG.changeReason))) for c in changes),
        }

    def add_fact(self, source: str, target: str, relation: str, facts: list[dict[str, Any]], keyed_by: str = "",
                 **attributes: Any) -> None:
        """One edge per article, as kg/graph.py keeps them: the first sentence of each is the evidence there."""
        for fact in facts or [NO_EVIDENCE]:
            key = "|".join(part for part in (relation, keyed_by, fact["article"]) if part)
            if not self.nx.has_edge(source, target, key):
                self.nx.add_edge(source, target, key=key, relation=relation, **fact, **attributes)
