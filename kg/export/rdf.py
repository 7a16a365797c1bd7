"""networkx.MultiDiGraph (see kg/graph.py) -> rdflib.Graph in the kg vocabulary (ontology/kg.ttl) -> Turtle.

Every resource has an IRI minted from its node id (no blank nodes), so the same graph always gives the same Turtle:
entities, meetings and articles from their node ids; a post from its holder, title and organisation or country
(post/<person>--<title>--<organisation>); a meeting's date claim from its meeting, article, basis, interval and time
expression (dateclaim/<meeting>--<article>--<basis>--<earliest>_<latest>[--<expression>]); an article's date clue from
the article and the clue's place in its list (dateclue/<article>-<n>, counting from 1); a kind change the same way
(kindchange/<article>-<n>).

Every fact leads to the sentences it was read from (kg:evidence). A direct triple that cannot carry evidence itself
has an n-ary node that does: a kg:memberOf triple its kg:Membership (membership/<person>--<organisation>), a
kg:mentionedIn triple its kg:Mention (mention/<kind>--<entity>--<article>), a kg:participant triple its
kg:Participation (participation/<meeting>--<kind>--<participant>, linked from the meeting by kg:participation).
An Evidence is one sentence read by one method (evidence/<article>-<start>-<end>--<reading>), so facts read from one
sentence by one method share it. Its kg:method and kg:confidence are fixed per method (READINGS):

| reading | kg:method                  | facts                                | kg:confidence |
|---------|----------------------------|--------------------------------------|---------------|
| parse   | dependency-parse rules     | meetings, their places, participants | 0.9           |
| title   | title and apposition rules | posts, memberships                   | 0.8           |
| ner     | named-entity recognition   | mentions                             | 0.84          |

A meeting's report names its rules after the method ("dependency-parse rules: meet-verb, pronoun") and carries its
own confidence, its weakest rule's (kg/extract/rules.py); a sentence read by two rule sets is two Evidence nodes.
0.9: who-met-whom pairs had a precision of 0.976 on gold/dev.jsonl (99 articles, `python -m kg.bench.meetings`),
rounded down since the rules were tuned on those articles. 0.84: the entity precision of en_core_web_sm 3.8 on
OntoNotes (its meta.json). 0.8: a prior, as posts have no gold yet. They rank kinds of fact, not single facts.

Dates are xsd:date literals: an interval "earliest/latest" gives kg:earliest and kg:latest, a single day gives both
the same date. An article's date estimate with one date has no upper bound, so it gives only kg:estimatedEarliest.
Attributes that an older or hand-built graph lacks (dates, clues, re-dating) are left out, never guessed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, XSD

from kg.blocs import METHOD
from kg.export import write_text_atomic
from kg.vocab import (
    KG,
    MODE_TERMS,
    STATUS_TERMS,
    kind_and_slug,
    mint,
    node_iri,
    node_slug,
    prefixes_under,
    rebased,
    slug,
)

Triple = tuple[URIRef, URIRef, URIRef | Literal]

ENTITY_CLASSES: dict[str, URIRef] = {
    "Person": KG.Person,
    "Organisation": KG.Organisation,
    "Country": KG.Country,
    "Place": KG.Place,
}
# Edges that state a fact about a meeting itself; their evidence hangs on the meeting.
MEETING_PREDICATES: dict[str, URIRef] = {
    "located_in": KG.place,
    "reported_by": PROV.wasDerivedFrom,
}
# How each relation is read: (reading, kg:method, kg:confidence); the module docstring says where they come from.
PARSE = ("parse", "dependency-parse rules", Decimal("0.9"))
TITLE = ("title", "title and apposition rules", Decimal("0.8"))
NER = ("ner", "named-entity recognition", Decimal("0.84"))
READINGS: dict[str, tuple[str, str, Decimal]] = {
    "reported_by": PARSE,
    "located_in": PARSE,
    "participant": PARSE,
    "role": TITLE,
    "member_of": TITLE,
    "mentioned_in": NER,
}
# Made once: a corpus has hundreds of thousands of Evidence nodes, and making an rdflib Literal is not cheap.
METHOD_LITERALS = {method: Literal(method) for _, method, _ in READINGS.values()}
CONFIDENCE_LITERALS = {confidence: Literal(confidence) for _, _, confidence in READINGS.values()}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
OBJECT_SEPARATOR = " ,\n        "  # objects of one predicate, one a line


def to_rdf(graph: nx.MultiDiGraph) -> Graph:
    """The graph as RDF in the kg vocabulary, with readable prefixes bound (one per kind of instance)."""
    rdf_graph = Graph(bind_namespaces="none")
    for prefix, namespace in prefixes_of(graph).items():
        rdf_graph.bind(prefix, namespace)
    for triple in triples(graph):
        rdf_graph.add(triple)
    return rdf_graph


def triples(graph: nx.MultiDiGraph) -> Iterator[Triple]:
    """Every triple of the graph's RDF, as `to_rdf` holds them; a triple two facts share comes once for each. Instance
    IRIs are under the graph's `base_iri` (kg build --base-iri), if it has one."""
    base = graph.graph.get("base_iri")
    for triple in _triples(graph):
        if base is None:
            yield triple
        else:
            subject, predicate, object_ = triple
            yield rebased(subject, base), predicate, object_ if isinstance(object_, Literal) else rebased(object_, base)


def _triples(graph: nx.MultiDiGraph) -> Iterator[Triple]:
    for node_id, data in graph.nodes(data=True):
        yield from node_triples(node_id, data)
    known: dict[tuple, URIRef] = {}
    for source, target, data in graph.edges(data=True):
        yield from edge_triples(source, target, data, graph.nodes, known)


def prefixes_of(graph: nx.MultiDiGraph) -> dict[str, str]:
    """The prefixes written with the graph: kg's, its instance namespaces under the graph's `base_iri`."""
    return prefixes_under(graph.graph.get("base_iri"))


def write_turtle(graph: nx.MultiDiGraph, path: Path) -> Path:
    """Write the graph as Turtle to `path`; the same graph always gives the same bytes."""
    return write_text_atomic(path, turtle_pieces(graph))  # piece by piece: a big graph's text is never whole in memory


def turtle_pieces(graph: nx.MultiDiGraph) -> Iterator[str]:
    """The graph's RDF as Turtle, a piece for the prefixes and one for each subject with its predicates and objects,
    all sorted.

    Written here rather than by rdflib's serializer, which took 40 s for the 560,000 triples of a 3,950-article
    build where this takes a few; every other reader (rdflib, Oxigraph) reads it back to the same triples.
    """
    prefixes = prefixes_of(graph)
    names = CompactNames(prefixes)
    # Written forms are plain strings, much cheaper to hash than rdflib terms when dropping repeated triples; a set
    # per subject, not one of whole triples, keeps a big build's memory down.
    by_subject: dict[str, set[tuple[str, str]]] = {}
    for subject, predicate, object_ in triples(graph):
        by_subject.setdefault(names.iri(subject), set()).add((names.predicate(predicate), names.term(object_)))
    yield "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in sorted(prefixes.items()))
    for written in sorted(by_subject):
        pairs = sorted(by_subject.pop(written), key=lambda pair: (pair[0] != "a", pair))  # rdf:type first
        groups = [(predicate, [object_ for _, object_ in objects])
                  for predicate, objects in itertools.groupby(pairs, key=lambda pair: pair[0])]
        lines = [f"    {predicate} {OBJECT_SEPARATOR.join(objects)}" for predicate, objects in groups]
        yield f"\n{written}\n" + " ;\n".join(lines) + " .\n"


class CompactNames:
    """Turtle forms of IRIs and literals: prefixed names where the local part allows, escaped otherwise."""

    # A conservative PN_LOCAL: letters, digits, _, -, . (not last) and %XX escapes; anything else gets <...>.
    LOCAL = re.compile(r"(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})"
                       r"(?:(?:[A-Za-z0-9_.-]|%[0-9A-Fa-f]{2})*(?:[A-Za-z0-9_-]|%[0-9A-Fa-f]{2}))?")
    # Characters IRIREF does not allow written as themselves.
    IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
    STRING_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
    STRING_UNSAFE = re.compile(r'[\\"\x00-\x1f\x7f]')
    # Literals Turtle can write bare (12, 0.9, true), when their lexical form is the one the bare syntax reads.
    BARE = {XSD.integer: re.compile(r"[+-]?[0-9]+"), XSD.decimal: re.compile(r"[+-]?[0-9]*\.[0-9]+"),
            XSD.boolean: re.compile(r"true|false")}

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.prefixes = {str(namespace): prefix for prefix, namespace in prefixes.items()}
        self.written: dict[str, str] = {}  # IRIs repeat (predicates, articles, people): each is worked out once

    def iri(self, iri: str) -> str:
        iri = str(iri)
        written = self.written.get(iri)
        if written is None:
            written = self.written[iri] = self._iri(iri)
        return written

    def predicate(self, iri: str) -> str:
        """A predicate in Turtle: rdf:type as "a"."""
        written = self.iri(iri)
        return "a" if written == "rdf:type" else written

    def compact(self, iri: str) -> str:
        """`iri` as a JSON-LD compact IRI where it has a prefix, else whole."""
        written = self.iri(iri)
        return iri if written.startswith("<") else written

    def _iri(self, iri: str) -> str:
        # Every namespace of PREFIXES ends with "/" or "#", and a local part that may follow a prefix has neither.
        end = max(iri.rfind("/"), iri.rfind("#")) + 1
        prefix = self.prefixes.get(iri[:end])
        if prefix is not None and self.LOCAL.fullmatch(iri, end):
            return f"{prefix}:{iri[end:]}"
        return "<" + self.IRI_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04X}", iri) + ">"

    def term(self, term: URIRef | Literal) -> str:
        if not isinstance(term, Literal):
            return self.iri(term)
        text = str(term)
        if term.datatype in self.BARE and self.BARE[term.datatype].fullmatch(text):
            return text
        escape = self.STRING_ESCAPES.get
        quoted = '"' + self.STRING_UNSAFE.sub(lambda m: escape(m[0], f"\\u{ord(m[0]):04X}"), text) + '"'
        if term.language:
            return f"{quoted}@{term.language}"
        if term.datatype is not None and term.datatype != XSD.string:
            return f"{quoted}^^{self.iri(term.datatype)}"
        return quoted


def node_triples(node_id: str, data: Mapping[str, Any]) -> Iterator[Triple]:
    """The triples that describe one node on its own (its edges are `edge_triples`)."""
    subject = node_iri(node_id)
    kind = data["kind"]
    yield subject, RDFS.label, Literal(data["label"])
    for retired in data.get("same_as", ()):  # an id an earlier build gave to what is now this node (kg/registry.py)
        yield node_iri(retired), OWL.sameAs, subject
    if kind in ENTITY_CLASSES:
        yield subject, RDF.type, ENTITY_CLASSES[kind]
        for alias in data.get("aliases", ()):
            yield subject, KG.alias, Literal(alias)
        for merge in data.get("merges", ()):
            yield subject, KG.mergeReason, Literal(merge)
        if data.get("bloc") is not None:  # a person who met someone (kg/blocs.py); each member says it of the bloc
            bloc = mint("bloc", str(data["bloc"]))
            yield subject, KG.inBloc, bloc
            yield subject, KG.betweenness, Literal(Decimal(str(data["betweenness"])))
            yield bloc, RDF.type, KG.Bloc
            yield bloc, RDFS.label, Literal(f"bloc {data['bloc']}: {data['bloc_name']}")
            yield bloc, KG.detectedBy, Literal(METHOD)
    elif kind == "Meeting":
        yield subject, RDF.type, KG.Meeting
        yield subject, KG.status, _term(STATUS_TERMS, data["status"], "status")
        yield subject, KG.mode, _term(MODE_TERMS, data["mode"], "mode")
        if data.get("date_text") is not None:
            yield subject, KG.dateText, Literal(data["date_text"])
        for trigger in data.get("triggers", ()):
            yield subject, KG.trigger, Literal(trigger)
        yield from interval_triples(subject, data.get("date"), KG.earliest, KG.latest)
        if data.get("date_conflict") is not None:
            yield subject, KG.dateConflict, Literal(bool(data["date_conflict"]))
        for claim in data.get("date_claims", ()):
            yield from date_claim_triples(node_id, claim)
    elif kind == "Article":
        yield subject, RDF.type, KG.Article
        yield subject, SDO.headline, Literal(data["title"])
        published = iso_date(data.get("published"))
        if published is not None:
            yield subject, KG.published, Literal(published, datatype=XSD.date)
        if data.get("publisher") is not None:
            yield subject, KG.publisher, Literal(data["publisher"])
        yield subject, KG.source, Literal(data["source"])
        if data.get("redated") is not None:
            yield subject, KG.possiblyRedated, Literal(True)
            yield subject, KG.redatedReason, Literal(data["redated"])
        estimate = data.get("date_estimate")
        if estimate is not None and "/" not in estimate:
            estimate += "/"  # one date: the text bounds its time from below only
        yield from interval_triples(subject, estimate, KG.estimatedEarliest, KG.estimatedLatest)
        yield from _listed(subject, node_id, "dateclue", KG.dateClue, KG.DateClue,
                           (KG.clueText, KG.reading, KG.sentence), data.get("date_clues", ()))
        yield from _listed(subject, node_id, "kindchange", KG.kindChange, KG.KindChange,
                           (KG.changedName, KG.keptAs, KG.changeReason), data.get("kind_changes", ()))
    else:
        raise ValueError(f"bug in kg: node {node_id!r} has unknown kind {kind!r}; see kg/graph.py for the node kinds")


def _listed(subject: URIRef, node_id: str, namespace: str, link: URIRef, kind: URIRef,
            properties: tuple[URIRef, ...], rows: Iterable[tuple[str, ...]]) -> Iterator[Triple]:
    """An article's listed resources (date clues, kind changes), each minted from the article and its place in the
    list (<namespace>/<article>-<n>, counting from 1), with one literal a property."""
    for n, values in enumerate(rows, start=1):
        item = mint(namespace, f"{node_slug(node_id)}-{n}")
        yield subject, link, item
        yield item, RDF.type, kind
        for prop, value in zip(properties, values):
            yield item, prop, Literal(value)


def edge_triples(source: str, target: str, data: Mapping[str, Any], nodes: Mapping[str, Mapping],
                 known: dict[tuple, URIRef]) -> Iterator[Triple]:
    """The triples of one edge, with the Evidence it was read from; `nodes` gives the labels a Post is named by.

    `known` holds the Evidence already given by earlier edges of one graph, whose triples are not given again.
    """
    relation = data["relation"]
    subject, object_ = node_iri(source), node_iri(target)
    if relation == "mentioned_in":
        mention = mint("mention", f"{kind_and_slug(source)}--{node_slug(target)}")
        yield subject, KG.mentionedIn, object_
        yield mention, RDF.type, KG.Mention
        yield mention, KG.mentionOf, subject
        yield from evidence_triples(mention, data, known)
    elif relation == "member_of":
        membership = mint("membership", f"{node_slug(source)}--{node_slug(target)}")
        yield subject, KG.memberOf, object_
        yield membership, RDF.type, KG.Membership
        yield membership, KG.member, subject
        yield membership, KG.organisation, object_
        yield from evidence_triples(membership, data, known)
    elif relation == "role":
        post = mint("post", f"{node_slug(source)}--{slug(data['title'])}--{node_slug(target)}")
        yield subject, KG.holds, post
        yield post, RDF.type, KG.Post
        yield post, KG.title, Literal(data["title"])
        yield post, KG.postIn, object_
        yield post, RDFS.label, Literal(f"{data['title']} of {nodes[target]['label']}")
        yield from evidence_triples(post, data, known)
    elif relation == "participant":
        participation = mint("participation", f"{node_slug(source)}--{kind_and_slug(target)}")
        yield subject, KG.participant, object_
        yield subject, KG.participation, participation
        yield participation, RDF.type, KG.Participation
        yield participation, KG.agent, object_
        yield from evidence_triples(participation, data, known)
    elif relation in MEETING_PREDICATES:
        yield subject, MEETING_PREDICATES[relation], object_
        yield from evidence_triples(subject, data, known)
    else:
        raise ValueError(f"bug in kg: edge {source!r} -> {target!r} has unknown relation {relation!r}")


def date_claim_triples(meeting_id: str, claim: tuple[str, str | None, str, str, str, bool]) -> Iterator[Triple]:
    """`meeting_id` kg:dateClaim one claim (article node id, text, interval, granularity, basis, uncertain) of it."""
    article_id, text, interval, granularity, basis, uncertain = claim
    parts = [node_slug(meeting_id), node_slug(article_id), slug(basis), interval.replace("/", "_")]
    if text is not None:
        parts.append(slug(text))  # two expressions of one article ("Wednesday", "on 28 December") may name one day
    subject = mint("dateclaim", "--".join(parts))
    yield node_iri(meeting_id), KG.dateClaim, subject
    yield subject, RDF.type, KG.DateClaim
    yield subject, KG.claimedBy, node_iri(article_id)
    if text is not None:
        yield subject, KG.dateText, Literal(text)
    yield from interval_triples(subject, interval, KG.earliest, KG.latest)
    yield subject, KG.granularity, Literal(granularity)
    yield subject, KG.basis, Literal(basis)
    yield subject, KG.uncertain, Literal(bool(uncertain))


def interval_triples(subject: URIRef, interval: str | None, earliest: URIRef, latest: URIRef) -> Iterator[Triple]:
    """`subject` `earliest` and `latest` as xsd:date: "a/b" gives a and b, "a" gives a and a, "a/" gives a only.

    A part that is not an ISO date is left out.
    """
    if interval is None:
        return
    first, _, last = interval.partition("/") if "/" in interval else (interval, "", interval)
    for predicate, text in ((earliest, first), (latest, last)):
        day = iso_date(text or None)
        if day is not None:
            yield subject, predicate, Literal(day, datatype=XSD.date)


def evidence_triples(fact: URIRef, data: Mapping[str, Any], known: dict[tuple, URIRef]) -> Iterator[Triple]:
    """`fact` kg:evidence the sentence an edge was read from, and that Evidence's own triples unless in `known`."""
    reading, method, confidence = READINGS[data["relation"]]
    if data.get("rules"):  # a meeting report: the rules that read it, and their confidence
        reading = f"{reading}--{'-'.join(data['rules'])}"
        method = f"{method}: {', '.join(data['rules'])}"
        confidence = Decimal(str(data["confidence"]))
    key = (data["article"], data["start"], data["end"], reading)
    evidence = known.get(key)
    if evidence is not None:  # many facts come from one sentence: its Evidence is written once
        yield fact, KG.evidence, evidence
        return
    evidence = mint("evidence", f"{node_slug(data['article'])}-{data['start']}-{data['end']}--{reading}")
    known[key] = evidence
    yield fact, KG.evidence, evidence
    yield evidence, RDF.type, KG.Evidence
    yield evidence, KG.fromArticle, node_iri(data["article"])
    yield evidence, KG.sentence, Literal(data["sentence"])
    yield evidence, KG.start, Literal(int(data["start"]))
    yield evidence, KG.end, Literal(int(data["end"]))
    yield evidence, KG.method, METHOD_LITERALS.get(method) or Literal(method)
    yield evidence, KG.confidence, CONFIDENCE_LITERALS.get(confidence) or Literal(confidence)


def iso_date(text: str | None) -> date | None:
    """The date `text` names if it is an ISO date (YYYY-MM-DD), else None.

    >>> iso_date("2020-01-13"), iso_date("13 January 2020"), iso_date("2020-02-30")
    (datetime.date(2020, 1, 13), None, None)
    """
    if text is None or not ISO_DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:  # well-formed but impossible, like 2020-02-30
        return None


def _term(terms: Mapping[str, URIRef], value: str, what: str) -> URIRef:
    if value not in terms:
        raise ValueError(f"bug in kg: unknown meeting {what} {value!r}; expected one of {sorted(terms)}")
    return terms[value]
