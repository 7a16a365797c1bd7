"""JSON-LD, GraphML and CSV exports of the bundled examples' graph: each reads back with a standard reader and says
what the Turtle says, and the same graph always gives the same bytes."""

from __future__ import annotations

import csv
import itertools
import json

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.export.csv import HEADER, write_who_met_whom_csv
from kg.export.graphml import graphml_attributes, graphml_value, write_graphml
from kg.export.jsonld import write_jsonld
from kg.export.rdf import to_rdf

PARTICIPANTS = {"Hulusi Akar", "Hakan Fidan", "Ali Mahmoud Abbas", "Ali Mamlouk", "Sergei Shoigu"}
PAIRS = {frozenset(pair) for pair in itertools.combinations(PARTICIPANTS, 2)}
TITLES = {"Turkey, Syria, Russia defence ministers hold talks in Moscow",
          "Russia, Turkey, Syria Defence Ministers Meet For Talks After Over 10 Years"}
# rdflib's JSON-LD parser uses its own deprecated ConjunctiveGraph inside; that says nothing about kg.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
WRITERS = {"graph.jsonld": write_jsonld, "graph.graphml": write_graphml, "who_met_whom.csv": write_who_met_whom_csv}


@pytest.fixture(scope="module")
def graph(examples_build) -> nx.MultiDiGraph:
    return examples_build[0].graph


def reversed_copy(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same nodes and edges, added in the opposite order."""
    copy = nx.MultiDiGraph()
    copy.add_nodes_from(reversed(list(graph.nodes(data=True))))
    copy.add_edges_from(reversed(list(graph.edges(keys=True, data=True))))
    return copy


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_same_graph_gives_the_same_bytes(graph, tmp_path, name):
    writer = WRITERS[name]
    first = writer(graph, tmp_path / "first" / name).read_bytes()
    assert writer(graph, tmp_path / "second" / name).read_bytes() == first
    assert writer(reversed_copy(graph), tmp_path / "third" / name).read_bytes() == first


def test_jsonld_says_what_the_turtle_says(examples_build, graph, tmp_path):
    path = write_jsonld(graph, tmp_path / "graph.jsonld")
    parsed = Graph().parse(path, format="json-ld")
    turtle = Graph().parse(examples_build[1] / "graph.ttl", format="turtle")
    assert len(parsed) == len(turtle)
    assert isomorphic(parsed, turtle)
    assert isomorphic(parsed, to_rdf(graph))


def test_jsonld_is_compact(graph, tmp_path):
    document = json.loads(write_jsonld(graph, tmp_path / "graph.jsonld").read_text(encoding="utf-8"))
    assert document["@context"]["person"] == "https://example.org/kg/id/person/"
    assert document["@context"]["kg"] == "https://example.org/kg/ontology#"
    akar = next(node for node in document["@graph"] if node["@id"] == "person:hulusi-akar")
    assert akar["@type"] == "kg:Person"
    assert akar["rdfs:label"] == "Hulusi Akar"
    ids = [node["@id"] for node in document["@graph"]]
    assert ids == sorted(ids)


def test_graphml_reads_back_with_every_node_and_edge(graph, tmp_path):
    path = write_graphml(graph, tmp_path / "graph.graphml")
    read = nx.read_graphml(path, force_multigraph=True)
    assert read.is_directed()
    assert read.number_of_nodes() == graph.number_of_nodes()
    assert read.number_of_edges() == graph.number_of_edges()
    for node_id, data in graph.nodes(data=True):
        assert read.nodes[node_id]["kind"] == data["kind"]
        assert read.nodes[node_id]["label"] == data["label"]
    akar = read.nodes["person:hulusi-akar"]
    assert akar["aliases"] == graphml_value(graph.nodes["person:hulusi-akar"]["aliases"])
    # Edge ids are unique in the file, and each edge keeps its relation and evidence.
    assert len({key for _, _, key in read.edges(keys=True)}) == read.number_of_edges()
    for source, target, key, data in graph.edges(keys=True, data=True):
        edge = read.get_edge_data(source, target, f"{source}|{target}|{key}")
        assert edge == graphml_attributes(data)
        assert (edge["relation"], edge["sentence"], edge["end"]) == (data["relation"], data["sentence"], data["end"])


def test_graphml_who_met_whom_view_joins_the_five_people_of_the_held_meeting(graph, tmp_path):
    read = nx.read_graphml(write_graphml(graph, tmp_path / "people.graphml", view="who-met-whom"))
    assert {data["label"] for _, data in read.nodes(data=True)} == PARTICIPANTS
    assert {frozenset((read.nodes[a]["label"], read.nodes[b]["label"])) for a, b in read.edges()} == PAIRS
    assert all(data["weight"] == 1 and data["meetings"].startswith("meeting:") for _, _, data in read.edges(data=True))


def test_graphml_rejects_an_unknown_view(graph, tmp_path):
    with pytest.raises(ValueError, match="expected one of full, who-met-whom"):
        write_graphml(graph, tmp_path / "graph.graphml", view="people")  # type: ignore[arg-type]


def test_csv_has_the_header_and_the_ten_held_pairs(graph, tmp_path):
    path = write_who_met_whom_csv(graph, tmp_path / "who_met_whom.csv")
    data = path.read_bytes()
    # RFC 4180: CRLF after every record, the last one included; no field here holds a line break.
    assert data.endswith(b"\r\n") and data.count(b"\n") == data.count(b"\r\n")
    with path.open(encoding="utf-8", newline="") as stream:
        header, *rows = list(csv.reader(stream))
    assert tuple(header) == HEADER
    assert rows == sorted(rows)
    records = [dict(zip(header, row)) for row in rows]
    held = [record for record in records if record["status"] == "held"]
    assert {frozenset((record["a_name"], record["b_name"])) for record in held} == PAIRS
    assert len(held) == len(PAIRS)
    for record in held:
        assert record["a_name"] < record["b_name"]
        assert record["place"] == "Moscow"
        assert set(record["sources"].split(" | ")) == TITLES
        assert "Moscow" in record["evidence"]
        assert record["meeting"].startswith("meeting:")
    # Planned and possible meetings are there too, with their status.
    assert {"planned", "possible"} <= {record["status"] for record in records}
    assert any({record["a_name"], record["b_name"]} == {"Recep Tayyip Erdogan", "Bashar al-Assad"}
               and record["status"] == "possible" for record in records)
