"""ontology/kg.ttl, kg/vocab.py and the code and queries that use them name the same terms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SH, XSD

from kg.query import parse_query
from kg.vocab import KG, PREFIXES, TIME, node_iri

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "kg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
QUERIES = sorted((ROOT / "ontology" / "queries").glob("*.rq"))
NS = str(KG._NS)
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.NamedIndividual)
PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def declared(ontology: Graph, *types: URIRef) -> set[str]:
    return {str(term) for kind in types for term in ontology.subjects(RDF.type, kind) if str(term).startswith(NS)}


def test_every_ontology_term_is_in_kg_and_back(ontology):
    assert declared(ontology, *TERM_TYPES) == {str(term) for term in dir(KG)}


def test_every_kg_iri_in_the_ontology_is_declared(ontology):
    # A misspelt reference (kg:Meetng in a domain) would otherwise pass as a new, undeclared term.
    used = {str(term) for triple in ontology for term in triple if str(term).startswith(NS)}
    assert used <= declared(ontology, *TERM_TYPES)


@pytest.mark.parametrize("path", sorted((ROOT / "kg").rglob("*.py")), ids=lambda path: path.name)
def test_code_uses_only_declared_terms(path):
    for name in re.findall(r"\bKG\.(\w+)", path.read_text(encoding="utf-8")):
        assert name.startswith("_") or name in KG, f"{path.name}: KG.{name} is not in ontology/kg.ttl"


@pytest.mark.parametrize("path", QUERIES, ids=lambda path: path.name)
def test_queries_parse_and_use_only_declared_terms(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# "), f"{path.name} should begin with a comment saying what it returns"
    parse_query(text)
    for name in re.findall(r"\bkg:(\w+)", text):
        assert name in KG, f"{path.name}: kg:{name} is not in ontology/kg.ttl"


def test_every_term_has_a_label_and_a_comment(ontology):
    for term in declared(ontology, *TERM_TYPES):
        assert ontology.value(URIRef(term), RDFS.label) is not None, f"{term} has no rdfs:label"
        assert ontology.value(URIRef(term), RDFS.comment) is not None, f"{term} has no rdfs:comment"


def test_every_property_has_a_domain_and_a_range(ontology):
    for term in declared(ontology, *PROPERTY_TYPES):
        assert ontology.value(URIRef(term), RDFS.domain) is not None, f"{term} has no rdfs:domain"
        assert ontology.value(URIRef(term), RDFS.range) is not None, f"{term} has no rdfs:range"


def test_every_class_is_aligned_to_a_standard(ontology):
    for term in declared(ontology, OWL.Class):
        parents = {str(parent) for parent in ontology.objects(URIRef(term), RDFS.subClassOf)}
        assert any(not parent.startswith(NS) for parent in parents), f"{term} is not aligned to any standard class"


def test_the_ontology_aligns_the_main_classes():
    ontology = Graph().parse(ONTOLOGY, format="turtle")
    ns = {prefix: namespace for prefix, namespace in PREFIXES.items()}
    assert (KG.Person, RDFS.subClassOf, ns["foaf"]["Person"]) in ontology
    assert (KG.Meeting, RDFS.subClassOf, ns["sem"]["Event"]) in ontology
    assert (KG.Post, RDFS.subClassOf, ns["org"]["Post"]) in ontology
    assert (KG.holds, RDFS.subPropertyOf, ns["org"]["holds"]) in ontology
    assert (KG.participant, RDFS.subPropertyOf, ns["sem"]["hasActor"]) in ontology


def test_the_ontology_aligns_the_date_terms_to_owl_time():
    ontology = Graph().parse(ONTOLOGY, format="turtle")
    assert (KG.DateClaim, RDFS.subClassOf, PROV.Entity) in ontology
    assert (KG.claimedBy, RDFS.subPropertyOf, PROV.wasDerivedFrom) in ontology
    assert (KG.earliest, RDFS.seeAlso, TIME.hasBeginning) in ontology
    assert (KG.latest, RDFS.seeAlso, TIME.hasEnd) in ontology
    for term in (KG.earliest, KG.latest, KG.estimatedEarliest, KG.estimatedLatest):
        assert ontology.value(term, RDFS.range) == XSD.date, term
    for term in (KG.dateConflict, KG.uncertain, KG.possiblyRedated):
        assert ontology.value(term, RDFS.range) == XSD.boolean, term


def test_the_ontology_aligns_the_provenance_terms():
    ontology = Graph().parse(ONTOLOGY, format="turtle")
    org = PREFIXES["org"]
    assert (KG.Membership, RDFS.subClassOf, org["Membership"]) in ontology
    assert (KG.member, RDFS.subPropertyOf, org["member"]) in ontology
    assert (KG.organisation, RDFS.subPropertyOf, org["organization"]) in ontology
    for cls in (KG.Membership, KG.Mention, KG.Participation, KG.Evidence):
        assert (cls, RDFS.subClassOf, PROV.Entity) in ontology, cls
    assert ontology.value(KG.confidence, RDFS.range) == XSD.decimal
    assert ontology.value(KG.method, RDFS.range) == XSD.string


def test_shapes_use_only_declared_terms_and_cover_every_class_kg_writes(ontology):
    shapes = Graph().parse(SHAPES, format="turtle")
    used = {str(term) for triple in shapes for term in triple if str(term).startswith(NS) and str(term) != NS}
    assert used <= declared(ontology, *TERM_TYPES), used - declared(ontology, *TERM_TYPES)
    # Statuses and modes are fixed individuals, checked by the Meeting shape's sh:in; every other class has a shape.
    classes = declared(ontology, OWL.Class) - {str(KG.MeetingStatus), str(KG.MeetingMode)}
    assert {str(cls) for cls in shapes.objects(None, SH.targetClass)} == classes


def test_a_misspelt_term_fails_loudly():
    with pytest.raises(AttributeError):
        KG.Meetng  # noqa: B018


def test_node_iri_needs_a_known_kind():
    assert node_iri("organisation:united-nations") == URIRef("https://example.org/kg/id/organisation/united-nations")
    with pytest.raises(ValueError, match="no instance namespace"):
        node_iri("people:hulusi-akar")
