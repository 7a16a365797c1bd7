"""Acceptance on the two bundled articles: one Moscow meeting of five people, reported twice, read through the
site chrome of a news page."""

from __future__ import annotations

import itertools

from rdflib import Graph
from tests_support import OUTPUTS, ROOT

from kg.pipeline import build
from kg.query import run_query

PARTICIPANTS = {"Hulusi Akar", "Hakan Fidan", "Ali Mahmoud Abbas", "Ali Mamlouk", "Sergei Shoigu"}


def edges(graph, node, relation):
    return [(v, data) for _, v, data in graph.out_edges(node, data=True) if data["relation"] == relation]


def meetings(graph):
    return {n: d for n, d in graph.nodes(data=True) if d["kind"] == "Meeting"}


def test_one_meeting_in_moscow_with_five_participants_and_two_sources(examples_build):
    graph = examples_build[0].graph
    in_moscow = [m for m in meetings(graph) if any(graph.nodes[v]["label"] == "Moscow"
                                                   for v, _ in edges(graph, m, "located_in"))]
    assert len(in_moscow) == 1
    meeting = in_moscow[0]
    assert graph.nodes[meeting]["status"] == "held"
    assert {graph.nodes[v]["label"] for v, _ in edges(graph, meeting, "participant")} == PARTICIPANTS
    sources = {graph.nodes[v]["title"] for v, _ in edges(graph, meeting, "reported_by")}
    assert sources == {"Turkey, Syria, Russia defence ministers hold talks in Moscow",
                       "Russia, Turkey, Syria Defence Ministers Meet For Talks After Over 10 Years"}
    # The participants' posts tie the meeting to the three countries.
    countries = {graph.nodes[c]["label"] for v, _ in edges(graph, meeting, "participant")
                 for c, _ in edges(graph, v, "role") if graph.nodes[c]["kind"] == "Country"}
    assert countries == {"Turkey", "Syria", "Russia"}


def test_every_fact_keeps_its_evidence(examples_build):
    graph = examples_build[0].graph
    for _, _, data in graph.edges(data=True):
        article = graph.nodes[data["article"]]
        assert article["kind"] == "Article"
        assert data["sentence"] and data["end"] > data["start"]


def test_who_met_whom_gives_exactly_the_ten_pairs(examples_build):
    _, out = examples_build
    variables, rows = run_query(out / "graph.ttl", (ROOT / "ontology/queries/who_met_whom.rq").read_text())
    pairs = [frozenset((row[variables.index("a_name")], row[variables.index("b_name")])) for row in rows]
    assert sorted(map(sorted, pairs)) == sorted(map(sorted, map(frozenset, itertools.combinations(PARTICIPANTS, 2))))


def test_roles(examples_build):
    graph = examples_build[0].graph
    roles = {(graph.nodes[u]["label"], d["title"], graph.nodes[v]["label"])
             for u, v, d in graph.edges(data=True) if d["relation"] == "role"}
    assert {
        ("Hulusi Akar", "defence minister", "Turkey"),
        ("Sergei Shoigu", "defence minister", "Russia"),
        ("Ali Mahmoud Abbas", "defence minister", "Syria"),
        ("Ali Mamlouk", "intelligence chief", "Syria"),
        ("Hakan Fidan", "head", "National Intelligence Organisation"),
        ("Recep Tayyip Erdogan", "president", "Turkey"),
        ("Bashar al-Assad", "president", "Syria"),
        ("Vladimir Putin", "president", "Russia"),
    } <= roles


def test_erdogan_and_assad_only_possibly_meet(examples_build):
    graph = examples_build[0].graph
    statuses = {d["status"] for m, d in meetings(graph).items()
                if {graph.nodes[v]["label"] for v, _ in edges(graph, m, "participant")}
                >= {"Recep Tayyip Erdogan", "Bashar al-Assad"}}
    assert statuses == {"possible"}


def test_names_resolve_to_one_node_of_the_right_kind(examples_build):
    graph = examples_build[0].graph
    by_label = {d["label"]: (n, d) for n, d in graph.nodes(data=True)}
    assert by_label["Sinem Koseoglu"][1]["kind"] == "Person"
    assert ("Al Jazeera" in {graph.nodes[v]["label"] for v, _ in edges(graph, by_label["Sinem Koseoglu"][0],
                                                                         "member_of")})
    assert "MIT" in by_label["National Intelligence Organisation"][1]["aliases"]
    assert "PKK" in by_label["Kurdistan Workers’ Party"][1]["aliases"]
    assert "Erdogan" in by_label["Recep Tayyip Erdogan"][1]["aliases"]
    labels = [d["label"].casefold() for _, d in graph.nodes(data=True)]
    for alias in ("mit", "pkk", "erdogan", "akar", "assad", "al-assad", "koseoglu"):
        assert alias not in labels


def test_nothing_comes_from_site_chrome(examples_build):
    graph = examples_build[0].graph
    text = " ".join(d["label"] for _, d in graph.nodes(data=True) if d["kind"] != "Article")
    for name in ("Trump", "Khamenei", "Greta Thunberg", "Mohammed bin Salman", "Netanyahu", "Biden", "Macron",
                 "Pahlavi", "Arab Press", "Newsletter", "G7", "Close"):
        assert name not in text
    for _, _, data in graph.edges(data=True):
        assert "Related Articles" not in data["sentence"] and "0:00" not in data["sentence"]


def test_turtle_parses_and_two_builds_give_identical_bytes(examples_build, tmp_path):
    _, out = examples_build
    again = build([ROOT / "examples"], out_dir=tmp_path)
    assert {p.name for p in again.written} == OUTPUTS
    for name in sorted(OUTPUTS):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name
    rdf_graph = Graph().parse(out / "graph.ttl", format="turtle")
    assert len(rdf_graph) > 100
