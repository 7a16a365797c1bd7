"""Hostile names through every export: names, aliases, titles and evidence sentences made of quotes, angle brackets,
backslashes, line breaks, control characters, non-Latin scripts, emoji and great length go into a small hand-built
graph, are written as Turtle, JSON-LD, GraphML and CSV, and must read back intact with a standard reader of each.

GraphML is XML 1.0, which cannot carry most C0 control characters; its writer drops them (`xml_text`), so GraphML is
compared with the name minus those. The RDF and CSV exports keep every character.
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS

from kg.export.csv import write_who_met_whom_csv
from kg.export.graphml import graphml_value, write_graphml, xml_text
from kg.export.jsonld import write_jsonld
from kg.export.rdf import to_rdf, write_turtle
from kg.graph import build_graph
from kg.records import Article, Entity, Evidence, Extraction, Meeting, Mention, MergedMeeting, Role
from kg.vocab import KG, node_iri

# rdflib's JSON-LD parser uses its own deprecated ConjunctiveGraph inside; that says nothing about kg.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

# Pieces that break naive writers: quoting and escaping in Turtle, JSON, XML and CSV, line ends of every kind,
# C0 and C1 controls, a byte order mark, the two non-characters XML forbids, right-to-left and astral characters.
HOSTILE_PIECES = [
    '"', "'", '"""', "\\", "\\u0041", "<", ">", "&", "&amp;", "</data>", "]]>", "<script>alert(1)</script>",
    ",", ";", "|", " | ", "\n", "\r", "\r\n", "\t", " ", "  ", "\x00", "\x01", "\x1b[31m", "\x7f", "\x85", "\u2028",
    "\ufeff", "\ufffe", "\uffff", "王小明", "Эрдоган", "عبد الله", "שלום", "🙂", "👩‍👩‍👧", "@id", "_:b0", "person:x",
    "=HYPERLINK(\"x\")", "{{name}}", "%20", "a\u0301",
]
piece = st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(st.characters(codec="utf-8"), min_size=1, max_size=8))
# Any code point a UTF-8 file can hold (no lone surrogates: no text read from disk has them), often hostile ones.
short_name = st.lists(piece, min_size=1, max_size=12).map("".join)
# Long names come from repeating a short one, up to 5,000 characters, so drawing them stays fast.
long_name = st.tuples(short_name, st.integers(min_value=100, max_value=2000)).map(lambda t: (t[0] * t[1])[:5000])
name = st.one_of(short_name, short_name, long_name)


def hostile_graph(people: list[str], alias: str, title: str, place: str, sentence: str, headline: str):
    """One article whose one sentence reports a held meeting of `people` in `place`; the first person holds the post
    `title` in the place (a country here), and has `alias` as another name. Node ids carry the names too."""
    body = sentence + " Tail."
    evidence = Evidence("a1", sentence, 0, len(sentence))
    article = Article("a1", headline, body, "2020-01-13", "Example News", "hostile/a1.txt")
    person_ids = [f"person:{n}-{person}" for n, person in enumerate(people)]
    place_id = f"country:{place}"
    mentions = [Mention(f"a1#{n}", person, person, "Person", 0, 1, evidence) for n, person in enumerate(people)]
    mentions.append(Mention("a1#place", place, place, "Country", 0, 1, evidence))
    mention_entity = {mention.id: entity_id for mention, entity_id in zip(mentions, [*person_ids, place_id])}
    entities = [Entity(person_id, "Person", person, (alias,) if n == 0 else (), (f"a1#{n}",), ())
                for n, (person_id, person) in enumerate(zip(person_ids, people))]
    entities.append(Entity(place_id, "Country", place, (), ("a1#place",), ()))
    report = Meeting("a1#m0", "met", tuple(m.id for m in mentions[:-1]), "held", "in_person", "a1#place", None,
                     evidence)
    meeting = MergedMeeting("meeting:m0", "held", "in_person", tuple(sorted(person_ids)), place_id, None, (report,),
                            tuple((person_id, report.id) for person_id in sorted(person_ids)))
    extraction = Extraction(article, tuple(mentions), (Role("a1#0", title, "a1#place", evidence),), (report,))
    return build_graph([extraction], entities, [meeting], mention_entity), person_ids, place_id


def read_rdf(path: Path, fmt: str) -> Graph:
    return Graph().parse(path, format=fmt)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(people=st.lists(name, min_size=2, max_size=3), alias=name, title=name, place=name, sentence=name,
       headline=name)
def test_hostile_names_survive_every_export(people, alias, title, place, sentence, headline):
    graph, person_ids, place_id = hostile_graph(people, alias, title, place, sentence, headline)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        expected = to_rdf(graph)
        for fmt, path in (("turtle", write_turtle(graph, out / "graph.ttl")),
                          ("json-ld", write_jsonld(graph, out / "graph.jsonld"))):
            parsed = read_rdf(path, fmt)
            assert isomorphic(parsed, expected), fmt
            first = node_iri(person_ids[0])
            assert parsed.value(first, RDFS.label) == Literal(people[0]), fmt
            assert parsed.value(first, KG.alias) == Literal(alias), fmt
            assert Literal(sentence) in set(parsed.objects(None, KG.sentence)), fmt
            assert Literal(title) in set(parsed.objects(None, KG.title)), fmt

        read = nx.read_graphml(write_graphml(graph, out / "graph.graphml"), force_multigraph=True)
        assert read.number_of_nodes() == graph.number_of_nodes()
        assert read.number_of_edges() == graph.number_of_edges()
        for person_id, person in zip(person_ids, people):
            assert read.nodes[xml_text(person_id)]["label"] == xml_text(person)
        assert read.nodes[xml_text(person_ids[0])]["aliases"] == graphml_value((alias,))
        assert read.nodes[xml_text(place_id)]["label"] == xml_text(place)
        sentences = {data["sentence"] for _, _, data in read.edges(data=True)}
        assert sentences == {xml_text(sentence)}

        with write_who_met_whom_csv(graph, out / "who.csv").open(encoding="utf-8", newline="") as stream:
            header, *rows = list(csv.reader(stream))
        records = [dict(zip(header, row)) for row in rows]
        assert len(records) == len(people) * (len(people) - 1) // 2
        assert {name for record in records for name in (record["a_name"], record["b_name"])} == set(people)
        for record in records:
            assert (record["place"], record["sources"], record["evidence"]) == (place, headline, sentence)


def test_graphml_drops_only_what_xml_cannot_hold_and_rdf_keeps_it(tmp_path):
    person = 'Ali "\x00the\x1b Fox"\r\n<王>\t🙂\x7f'
    graph, person_ids, _ = hostile_graph([person, "Hulusi Akar"], "alias\x0c", "envoy", "Syria", "Met.\r", "Title")
    text = write_graphml(graph, tmp_path / "graph.graphml").read_text(encoding="utf-8")
    assert "\x00" not in text and "\x1b" not in text and "&#13;" in text
    read = nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True)
    node = read.nodes[person_ids[0].replace("\x00", "").replace("\x1b", "")]
    assert node["label"] == 'Ali "the Fox"\r\n<王>\t🙂\x7f'
    parsed = Graph().parse(write_turtle(graph, tmp_path / "graph.ttl"), format="turtle")
    assert parsed.value(node_iri(person_ids[0]), RDFS.label) == Literal(person)
