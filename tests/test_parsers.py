"""The Turtle a build writes is read the same by three parsers: rdflib, pyoxigraph, and Oxigraph's own loader."""

from __future__ import annotations

import pyoxigraph
from rdflib import Graph

from kg.serve import find_oxigraph, load_store


def test_three_parsers_read_the_same_triples(examples_build, tmp_path):
    _, out = examples_build
    turtle = out / "graph.ttl"
    by_rdflib = len(Graph().parse(turtle, format="turtle"))
    store = pyoxigraph.Store()
    store.load(path=str(turtle), format=pyoxigraph.RdfFormat.TURTLE)
    by_pyoxigraph = len(store)
    load_store(find_oxigraph(), turtle, tmp_path / "store")  # raises if Oxigraph's command-line loader rejects it
    loaded = pyoxigraph.Store(str(tmp_path / "store"))
    assert by_rdflib == by_pyoxigraph == len(loaded) > 600
