"""Blocs of the who-met-whom graph and the brokers between them, as the report, GraphML and Turtle give them."""

from __future__ import annotations

import networkx as nx
from rdflib import RDF, Graph

from kg.blocs import annotate_blocs, bloc_list, brokers
from kg.export.graphml import to_graphml
from kg.export.report import to_report
from kg.graph import people_who_met
from kg.vocab import KG


def planted() -> nx.MultiDiGraph:
    """Two camps of four who all met one another, and one person who met one of each camp."""
    graph = nx.MultiDiGraph()
    camps = {"a": ["a1", "a2", "a3", "a4"], "b": ["b1", "b2", "b3", "b4"]}
    people = [p for camp in camps.values() for p in camp] + ["x"]
    for person in people:
        graph.add_node(f"person:{person}", kind="Person", label=person.upper())
    meetings = [(f"{camp}{n}", [f"person:{p}" for p in members]) for camp, members in camps.items()
                for n in range(2)]  # each camp met twice
    meetings += [("xa", ["person:x", "person:a1"]), ("xb", ["person:x", "person:b1"])]
    for name, members in meetings:
        graph.add_node(f"meeting:{name}", kind="Meeting", label=name, status="held", mode="in_person")
        for member in members:
            graph.add_edge(f"meeting:{name}", member, key=f"participant|{member}", relation="participant")
    return graph


def test_two_camps_are_two_blocs_and_the_person_between_them_is_the_broker():
    graph = planted()
    annotate_blocs(graph, people_who_met(graph))
    bloc = {node: data["bloc"] for node, data in graph.nodes(data=True) if "bloc" in data}
    camp_a = {bloc[f"person:a{n}"] for n in range(1, 5)}
    camp_b = {bloc[f"person:b{n}"] for n in range(1, 5)}
    assert len(camp_a) == 1 and len(camp_b) == 1 and camp_a != camp_b
    assert brokers(graph)[0] == "person:x"
    assert graph.nodes["person:x"]["betweenness"] > graph.nodes["person:a2"]["betweenness"]


def test_the_same_graph_gives_the_same_blocs():
    first, second = planted(), planted()
    annotate_blocs(first, people_who_met(first))
    annotate_blocs(second, people_who_met(second))
    assert dict(first.nodes(data="bloc")) == dict(second.nodes(data="bloc"))
    assert bloc_list(first) == bloc_list(second)


def test_blocs_are_in_the_report_and_the_graphml():
    graph = planted()
    annotate_blocs(graph, people_who_met(graph))
    report = to_report(graph, 1, [])
    assert "## Blocs" in report and "Louvain" in report and "Brokers (highest betweenness): X" in report
    assert 'attr.name="bloc"' in to_graphml(graph) and 'attr.name="betweenness"' in to_graphml(graph)


def test_a_build_writes_each_person_who_met_someone_into_one_bloc_in_the_turtle(examples_build):
    _, out = examples_build
    rdf = Graph().parse(out / "graph.ttl", format="turtle")
    blocs = set(rdf.subjects(RDF.type, KG.Bloc))
    assert blocs and all((bloc, KG.detectedBy, None) in rdf for bloc in blocs)
    members = set(rdf.subjects(KG.inBloc, None))
    met = {p for m in rdf.subjects(RDF.type, KG.Meeting) if (m, KG.status, KG.Held) in rdf
           for p in rdf.objects(m, KG.participant) if (p, RDF.type, KG.Person) in rdf}
    assert members == met and len(met) >= 5
