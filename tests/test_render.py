"""`kg render`: a Turtle file in the kg vocabulary read back into the graph of kg/graph.py, and drawn as the page."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from test_html import HOSTILE_NAME, make_dated_graph, page_data
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import KGError
from kg.export.html import to_html, write_html
from kg.export.rdf import write_turtle
from kg.render import read_turtle

runner = CliRunner()


def node_facts(graph) -> dict:
    """Each node's attributes; a meeting's date claims as a set, as the Turtle keeps them (the page sorts them)."""
    return {node: {**data, **({"date_claims": set(data["date_claims"])} if "date_claims" in data else {})}
            for node, data in graph.nodes(data=True)}


def edge_facts(graph, *, skip: tuple[str, ...] = ()) -> set:
    """Each edge as (source, target, relation and evidence), without what the Turtle does not keep (see kg/render.py):
    the trigger of each report, which report named a meeting's place, and how many reports one sentence holds (two
    meeting words in one sentence are two reports with one evidence)."""
    return {(source, target, tuple(sorted((name, value) for name, value in data.items() if name != "trigger")))
            for source, target, data in graph.edges(data=True) if data["relation"] not in skip}


def test_examples_read_back_give_the_same_graph_and_the_same_page(examples_build):
    result, out = examples_build
    graph = read_turtle(out / "graph.ttl")
    assert node_facts(graph) == node_facts(result.graph)
    assert edge_facts(graph, skip=("located_in",)) == edge_facts(result.graph, skip=("located_in",))
    assert ({(s, t) for s, t, r in graph.edges(data="relation") if r == "located_in"}
            == {(s, t) for s, t, r in result.graph.edges(data="relation") if r == "located_in"})
    assert to_html(graph) == (out / "graph.html").read_text(encoding="utf-8")


def test_hostile_dated_graph_reads_back_to_the_same_page(tmp_path):
    graph = make_dated_graph()
    write_turtle(graph, tmp_path / "graph.ttl")
    read = read_turtle(tmp_path / "graph.ttl")
    assert node_facts(read) == node_facts(graph)
    assert edge_facts(read, skip=("located_in",)) == edge_facts(graph, skip=("located_in",))
    assert to_html(read) == to_html(graph)
    assert HOSTILE_NAME in {node["label"] for node in page_data(to_html(read))["views"]["people"]["nodes"]}


HELD_ONLY = """
PREFIX kg: <https://example.org/kg/ontology#>
CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { ?s kg:status ?status FILTER (?status != kg:Held) } }
"""


def test_a_graph_cut_down_by_construct_renders_what_is_left(tmp_path):
    write_turtle(make_dated_graph(), tmp_path / "graph.ttl")
    store = ox.Store()
    store.load(path=str(tmp_path / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    (tmp_path / "held.ttl").write_bytes(ox.serialize(store.query(HELD_ONLY), format=ox.RdfFormat.TURTLE))
    data = page_data(to_html(read_turtle(tmp_path / "held.ttl")))
    assert sorted(data["meetings"]) == ["meeting:moscow"]
    assert sorted(node["label"] for node in data["views"]["people"]["nodes"]) == [
        "Bashar al-Assad", "Recep Tayyip Erdogan", "Vladimir Putin"]
    # Everything else is still there, in the full graph.
    assert {"person:merkel", "person:hostile", "organisation:office", "article:a4"} <= set(data["nodes"])


def test_render_command_writes_the_page(tmp_path):
    write_turtle(make_dated_graph(), tmp_path / "graph.ttl")
    result = runner.invoke(app, ["render", str(tmp_path / "graph.ttl"), "--out", str(tmp_path / "page.html")])
    assert result.exit_code == 0, result.output
    assert f"wrote {tmp_path / 'page.html'}" in result.output
    assert (tmp_path / "page.html").read_text(encoding="utf-8") == to_html(make_dated_graph())
    # Without --out, the page goes beside the Turtle, as kg build puts them.
    assert runner.invoke(app, ["render", str(tmp_path / "graph.ttl")]).exit_code == 0
    assert (tmp_path / "graph.html").read_bytes() == (tmp_path / "page.html").read_bytes()


@pytest.mark.parametrize(("content", "message"), [
    (None, "no such graph file"),
    ("kg:a kg:b", "graph.ttl:1: not valid Turtle"),
    ("<https://example.org/kg/id/meeting/m> a <https://example.org/kg/ontology#Meeting> .",
     "a kg:Meeting needs a kg:status"),
])
def test_bad_turtle_is_reported(tmp_path, content, message):
    path = tmp_path / "graph.ttl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(KGError, match=message):
        read_turtle(path)
    result = runner.invoke(app, ["render", str(path), "--out", str(tmp_path / "page.html")])
    assert result.exit_code == 1 and message in result.output
    assert not (tmp_path / "page.html").exists()


def test_render_keeps_the_earlier_page_when_it_fails(tmp_path):
    page = write_html(make_dated_graph(), tmp_path / "graph.html")
    before = page.read_bytes()
    (tmp_path / "graph.ttl").write_text("not turtle", encoding="utf-8")
    assert runner.invoke(app, ["render", str(tmp_path / "graph.ttl")]).exit_code == 1
    assert page.read_bytes() == before
