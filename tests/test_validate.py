"""SHACL validation (kg/validate.py, ontology/shapes.ttl): what kg writes conforms, and broken graphs are reported."""

from __future__ import annotations

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from kg.export.rdf import to_rdf
from kg.validate import Violation, format_violations, validate
from kg.vocab import KG, mint, node_iri

SENTENCE = "Hulusi Akar met Ali Mamlouk in Moscow, Al Jazeera's Sinem Koseoglu said."
MEETING = "meeting:moscow"
AKAR, MAMLOUK, KOSEOGLU = "person:hulusi-akar", "person:ali-mamlouk", "person:sinem-koseoglu"
POST = mint("post", "hulusi-akar--defence-minister--turkey")
EVIDENCE = mint("evidence", "a1-0-72--parse")
MEMBERSHIP = mint("membership", "sinem-koseoglu--al-jazeera")
MENTION = mint("mention", "place--moscow--a1")


def small_graph() -> nx.MultiDiGraph:
    """One article, one held meeting of two people in Moscow, a post, a membership and the mentions."""
    graph = nx.MultiDiGraph()
    graph.add_node("article:a1", kind="Article", label="Talks", title="Talks", published="2020-01-13",
                   publisher=None, source="a1.txt")
    for node_id, kind, label in ((AKAR, "Person", "Hulusi Akar"), (MAMLOUK, "Person", "Ali Mamlouk"),
                                 (KOSEOGLU, "Person", "Sinem Koseoglu"), ("country:turkey", "Country", "Turkey"),
                                 ("place:moscow", "Place", "Moscow"),
                                 ("organisation:al-jazeera", "Organisation", "Al Jazeera")):
        graph.add_node(node_id, kind=kind, label=label, aliases=(), merges=())
    graph.add_node(MEETING, kind="Meeting", label="Meeting in Moscow", status="held", mode="in_person",
                   date_text=None, triggers=("met",))
    evidence = {"article": "article:a1", "sentence": SENTENCE, "start": 0, "end": len(SENTENCE)}
    edges = [(MEETING, "article:a1", "reported_by", {"trigger": "met"}), (MEETING, "place:moscow", "located_in", {}),
             (MEETING, AKAR, "participant", {}), (MEETING, MAMLOUK, "participant", {}),
             (AKAR, "country:turkey", "role", {"title": "defence minister"}),
             (KOSEOGLU, "organisation:al-jazeera", "member_of", {})]
    edges += [(node_id, "article:a1", "mentioned_in", {}) for node_id in graph if node_id.split(":")[0] in (
        "person", "country", "place", "organisation")]
    for source, target, relation, attributes in edges:
        graph.add_edge(source, target, key=f"{relation}|article:a1", relation=relation, **evidence, **attributes)
    return graph


@pytest.fixture
def rdf_graph() -> Graph:
    return to_rdf(small_graph())


def test_the_examples_build_validates(examples_build):
    result, out = examples_build
    written = Graph().parse(out / "graph.ttl", format="turtle")
    assert validate(written) == []
    assert validate(to_rdf(result.graph)) == []
    # Every kind of n-ary node is there to be checked, not vacuously valid.
    for cls in (KG.Meeting, KG.Participation, KG.Membership, KG.Mention, KG.Post, KG.Evidence, KG.DateClaim):
        assert next(written.subjects(RDF.type, cls), None) is not None, cls


def test_the_small_graph_validates(rdf_graph):
    assert validate(rdf_graph) == []
    assert format_violations([]) == "no violations"


def test_a_meeting_with_one_participant_is_reported(rdf_graph):
    rdf_graph.remove((node_iri(MEETING), KG.participant, node_iri(MAMLOUK)))
    violations = validate(rdf_graph)
    assert Violation(str(node_iri(MEETING)), "kg:participant",
                     "a meeting has at least two participants, each a kg:Person, kg:Organisation or kg:Country",
                     "Violation") in violations
    # Its participation still names him, so that is reported too: the two must agree.
    assert [(v.focus, v.path, v.value) for v in violations] == [
        (str(node_iri(MEETING)), "kg:participant", None),
        (str(node_iri(MEETING)), "kg:participation/kg:agent", str(node_iri(MAMLOUK)))]


def test_a_post_without_evidence_is_reported(rdf_graph):
    rdf_graph.remove((POST, KG.evidence, None))
    assert validate(rdf_graph) == [
        Violation(str(POST), "kg:evidence", "a fact has at least one kg:Evidence", "Violation")]


def test_an_evidence_without_its_article_is_reported(rdf_graph):
    rdf_graph.remove((EVIDENCE, KG.fromArticle, None))
    violations = validate(rdf_graph)
    assert Violation(str(EVIDENCE), "kg:fromArticle", "an evidence is from exactly one kg:Article",
                     "Violation") in violations
    # The meeting that sentence stated has now no evidence from the article it is derived from.
    assert [(v.focus, v.path, v.value) for v in violations if v.focus != str(EVIDENCE)] == [
        (str(node_iri(MEETING)), "kg:evidence/kg:fromArticle", str(node_iri("article:a1")))]


def test_an_evidence_span_that_ends_before_it_starts_is_reported(rdf_graph):
    rdf_graph.set((EVIDENCE, KG.start, Literal(500)))
    (violation,) = validate(rdf_graph)
    assert (violation.focus, violation.path, violation.value) == (str(EVIDENCE), "kg:start", "500")


@pytest.mark.parametrize(("remove", "focus", "path", "value"), [
    # The n-ary node that backs a direct triple is gone or no longer typed, or its evidence is.
    ((None, RDF.type, KG.Membership), KOSEOGLU, "^kg:member", MEMBERSHIP),
    ((MEMBERSHIP, KG.organisation, None), KOSEOGLU, "^kg:member/kg:organisation", "organisation:al-jazeera"),
    ((None, RDF.type, KG.Mention), "place:moscow", "^kg:mentionOf", MENTION),
    ((MENTION, KG.evidence, None), "place:moscow", "^kg:mentionOf/kg:evidence/kg:fromArticle", "article:a1"),
    ((None, KG.participation, None), MEETING, "kg:participation/kg:agent", AKAR),
    ((node_iri(MEETING), KG.evidence, None), MEETING, "kg:evidence/kg:fromArticle", "article:a1"),
])
def test_a_direct_triple_without_its_evidence_is_reported(rdf_graph, remove, focus, path, value):
    rdf_graph.remove(remove)
    value = str(value) if isinstance(value, URIRef) else str(node_iri(value))
    found = [(v.focus, v.path, v.value) for v in validate(rdf_graph)]
    assert (str(node_iri(focus)), path, value) in found, found


def test_violations_are_sorted_and_formatted_with_prefixes(rdf_graph):
    rdf_graph.remove((POST, KG.evidence, None))
    rdf_graph.remove((EVIDENCE, KG.method, None))
    rdf_graph.set((node_iri(MEETING), KG.status, Literal("held")))
    violations = validate(rdf_graph)
    assert violations == sorted(violations, key=lambda v: (v.focus, v.path or "", v.message, v.value or ""))
    assert violations == validate(rdf_graph)
    assert format_violations(violations).splitlines() == [
        "Violation: evidence:a1-0-72--parse kg:method: an evidence has exactly one method, a string",
        "Violation: meeting:moscow kg:status: a meeting has exactly one status: kg:Held, kg:Planned, kg:Possible or "
        "kg:Cancelled (value: held)",
        "Violation: post:hulusi-akar--defence-minister--turkey kg:evidence: a fact has at least one kg:Evidence",
        "3 violations",
    ]


def test_a_shared_evidence_node_is_checked_once():
    """An Evidence shared by several facts breaks the shapes once, not once per fact."""
    rdf_graph = to_rdf(small_graph())
    rdf_graph.remove((EVIDENCE, KG.method, None))
    assert [(v.focus, v.path) for v in validate(rdf_graph)] == [(str(EVIDENCE), "kg:method")]
