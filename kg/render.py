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
- the order of a meeting's date claims (they are sorted as kg/resolve/dates.py sorts them).
A fact whose evidence a CONSTRUCT left out is still an edge, with None for article, sentence, start and end.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import networkx as nx
import pyoxigraph as ox
from rdflib.namespace import PROV, RDF, RDFS, SDO

from kg.errors import KGError
from kg.export.rdf import PARSE
from kg.query import graph_error
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
    """The graph a Turtle file in the kg vocabulary describes."""
    return to_graph(_read_statements(path))


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


def node_id(iri: str) -> str | None:
    """The graph node id of a node IRI, or None for an IRI outside the node namespaces.

    >>> node_id("https://example.org/kg/id/place/S%C3%A3o%20Paulo"), node_id("https://example.org/kg/id/post/x")
    ('place:São Paulo', None)
    """
    for prefix, namespace in NODE_NAMESPACES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{unquote(iri[len(namespace):])}"
    return None


def to_graph(statements: dict[str, dict[str, list]]) -> nx.MultiDiGraph:
    """The graph of kg/graph.py from subject -> predicate -> objects."""
    graph = nx.MultiDiGraph()

    def texts(subject: str, predicate: str) -> list[str]:
        values = statements.get(subject, {}).get(predicate, ())
        return [value.value for value in values if isinstance(value, ox.Literal)]

    def text(subject: str, predicate: str) -> str | None:
        values = texts(subject, predicate)
        return values[0] if values else None

    def iris(subject: str, predicate: str) -> list[str]:
        return [value for value in statements.get(subject, {}).get(predicate, ()) if isinstance(value, str)]

    def interval(subject: str, *, open_ended: bool = False) -> str | None:
        """kg:earliest/kg:latest as kg/graph.py writes them: "a" for one day, "a/b" otherwise; for an article's
        estimate (`open_ended`), "a" means no later bound and "a/b" is kept as it is."""
        earliest_p, latest_p = (KG.estimatedEarliest, KG.estimatedLatest) if open_ended else (KG.earliest, KG.latest)
        earliest, latest = text(subject, str(earliest_p)), text(subject, str(latest_p))
        if earliest is None or (latest is None and not open_ended):
            return None
        if latest is None or (latest == earliest and not open_ended):
            return earliest
        return f"{earliest}/{latest}"

    def evidence(subject: str) -> list[dict]:
        """The evidence of a fact, sorted by article and span."""
        found: list[dict[str, Any]] = []
        for item in iris(subject, str(KG.evidence)):
            articles = iris(item, str(KG.fromArticle))
            start, end = text(item, str(KG.start)), text(item, str(KG.end))
            article_id = add_node(articles[0], "Article") if articles else None
            if article_id is not None and start is not None and end is not None and start.isdigit() and end.isdigit():
                fact: dict[str, Any] = {"article": article_id, "sentence": text(item, str(KG.sentence)),
                        "start": int(start), "end": int(end)}
                method, _, rules = (text(item, str(KG.method)) or "").partition(": ")
                if rules and method == PARSE[1]:  # a meeting report names the rules that read it
                    confidence = float(text(item, str(KG.confidence)) or 0)
                    fact |= {"rules": tuple(rules.split(", ")), "confidence": confidence}
                found.append(fact)
        return sorted(found, key=lambda fact: (fact["article"], fact["start"], fact["end"]))

    def add_node(iri: str, kind: str | None = None) -> str | None:
        """Add the node an IRI names, with the attributes of its kind; its id (None for a foreign IRI)."""
        identifier = node_id(iri)
        if identifier is None or identifier in graph:
            return identifier
        kind = kind or NODE_KIND[identifier.partition(":")[0]]
        label = text(iri, LABEL) or identifier.partition(":")[2]
        if kind == "Meeting":
            graph.add_node(identifier, kind=kind, label=label, **meeting_attributes(iri))
        elif kind == "Article":
            graph.add_node(identifier, kind=kind, label=label, **article_attributes(iri, label))
        else:
            graph.add_node(identifier, kind=kind, label=label, aliases=tuple(sorted(texts(iri, str(KG.alias)))),
                           merges=tuple(sorted(texts(iri, str(KG.mergeReason)))))
        return identifier

    def meeting_attributes(iri: str) -> dict:
        status = STATUS_OF.get((iris(iri, str(KG.status)) or [""])[0])
        if status is None:
            raise KGError(f"<{iri}>: a kg:Meeting needs a kg:status (kg:Held, kg:Planned, kg:Possible or "
                          "kg:Cancelled); keep it in the CONSTRUCT")
        claims = []
        for claim in iris(iri, str(KG.dateClaim)):
            article = (iris(claim, str(KG.claimedBy)) or [""])[0]
            claims.append((add_node(article, "Article") or article, text(claim, str(KG.dateText)),
                           interval(claim) or "", text(claim, str(KG.granularity)), text(claim, str(KG.basis)),
                           text(claim, str(KG.uncertain)) == "true"))
        claims.sort(key=lambda c: (c[0], c[4] or "", c[2], c[1] or ""))
        return {
            "status": status,
            "mode": MODE_OF.get((iris(iri, str(KG.mode)) or [""])[0], "unknown"),
            "date_text": text(iri, str(KG.dateText)),
            "triggers": tuple(sorted(texts(iri, str(KG.trigger)))),
            "date": interval(iri),
            "date_conflict": text(iri, str(KG.dateConflict)) == "true",
            "date_claims": tuple(claims),
        }

    def article_attributes(iri: str, label: str) -> dict:
        clues = sorted(iris(iri, str(KG.dateClue)), key=lambda clue: int(clue.rpartition("-")[2] or 0))
        changes = sorted(iris(iri, str(KG.kindChange)), key=lambda change: int(change.rpartition("-")[2] or 0))
        redated = text(iri, str(KG.redatedReason))
        if redated is None and text(iri, str(KG.possiblyRedated)) == "true":
            redated = "marked as possibly re-dated"
        return {
            "title": text(iri, str(SDO.headline)) or label,
            "published": text(iri, str(KG.published)),
            "publisher": text(iri, str(KG.publisher)),
            "source": text(iri, str(KG.source)),
            "redated": redated,
            "date_estimate": interval(iri, open_ended=True),
            "date_clues": tuple((text(c, str(KG.clueText)), text(c, str(KG.reading)), text(c, str(KG.sentence)))
                                for c in clues),
            "kind_changes": tuple((text(c, str(KG.changedName)), text(c, str(KG.keptAs)),
                                   text(c, str(KG.changeReason))) for c in changes),
        }

    def add_fact(source: str, target: str, relation: str, facts: list[dict], keyed_by: str = "", **attributes):
        """One edge per article, as kg/graph.py keeps them: the first sentence of each is the evidence there."""
        for fact in facts or [NO_EVIDENCE]:
            key = "|".join(part for part in (relation, keyed_by, fact["article"]) if part)
            if not graph.has_edge(source, target, key):
                graph.add_edge(source, target, key=key, relation=relation, **fact, **attributes)

    # Nodes first, in IRI order, so the graph is the same whatever order the file lists them in.
    subjects = sorted(statements)
    for subject in subjects:
        kinds = [CLASS_KINDS[c] for c in iris(subject, TYPE) if c in CLASS_KINDS]
        if kinds:
            add_node(subject, kinds[0])

    # kg:holds points from the person to the post; the post's own triples say in what.
    holders: dict[str, list[str]] = defaultdict(list)
    for subject in subjects:
        for post in iris(subject, str(KG.holds)):
            holders[post].append(subject)
    for subject in subjects:
        types = set(iris(subject, TYPE))
        if str(KG.Meeting) in types:
            meeting = node_id(subject)
            if meeting is None:
                continue
            reports = evidence(subject)
            for article in iris(subject, str(PROV.wasDerivedFrom)):
                article_id = add_node(article, "Article")
                if article_id is None:
                    continue
                said = [fact for fact in reports if fact["article"] == article_id]
                for fact in said or [{**NO_EVIDENCE, "article": article_id}]:
                    key = f"{fact['article']}#{fact['start']}#{fact.get('rules')}" if fact["start"] is not None else ""
                    add_fact(meeting, article_id, "reported_by", [fact], keyed_by=key, trigger=None)
            for place in iris(subject, str(KG.place)):
                if (place_id := add_node(place)) is not None:
                    add_fact(meeting, place_id, "located_in", reports)
            attended = set()
            for participation in iris(subject, str(KG.participation)):
                for agent in iris(participation, str(KG.agent)):
                    if (agent_id := add_node(agent)) is not None:
                        attended.add(agent_id)
                        add_fact(meeting, agent_id, "participant", evidence(participation))
            for agent in iris(subject, str(KG.participant)):
                if (agent_id := add_node(agent)) is not None and agent_id not in attended:
                    add_fact(meeting, agent_id, "participant", [])
        elif str(KG.Post) in types:
            title = text(subject, str(KG.title)) or ""
            for holder in holders.get(subject, ()):
                for of in iris(subject, str(KG.postIn)):
                    holder_id, of_id = add_node(holder), add_node(of)
                    if holder_id and of_id:
                        add_fact(holder_id, of_id, "role", evidence(subject), keyed_by=title, title=title)
        elif str(KG.Membership) in types:
            for member in iris(subject, str(KG.member)):
                for organisation in iris(subject, str(KG.organisation)):
                    member_id, organisation_id = add_node(member), add_node(organisation)
                    if member_id and organisation_id:
                        add_fact(member_id, organisation_id, "member_of", evidence(subject), title="")
        elif str(KG.Mention) in types:
            for entity in iris(subject, str(KG.mentionOf)):
                if (entity_id := add_node(entity)) is not None:
                    for fact in evidence(subject):
                        add_fact(entity_id, fact["article"], "mentioned_in", [fact])
    return graph
