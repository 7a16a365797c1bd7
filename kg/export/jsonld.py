"""networkx.MultiDiGraph (see kg/graph.py) -> the RDF of kg/export/rdf.py -> JSON-LD.

The triples are exactly those of `to_rdf`, so the Turtle and the JSON-LD of one build say the same thing. The document
is compacted with a @context that maps the prefixes bound in the RDF graph (kg, person, meeting, schema, ...) to their
namespaces, so IRIs read as "person:hulusi-akar" and the file parses back with any JSON-LD processor without network
access.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from kg.export import write_text_atomic
from kg.export.rdf import to_rdf


def write_jsonld(graph: nx.MultiDiGraph, path: Path) -> Path:
    """Write the graph as JSON-LD to `path`; the same graph always gives the same bytes."""
    return write_text_atomic(path, to_jsonld(graph))


def to_jsonld(graph: nx.MultiDiGraph) -> str:
    """The graph's RDF as compact JSON-LD text, with its nodes, keys and values in a fixed order."""
    rdf_graph = to_rdf(graph)
    context = {prefix: str(namespace) for prefix, namespace in sorted(rdf_graph.namespaces())}
    document = json.loads(rdf_graph.serialize(format="json-ld", context=context, auto_compact=True))
    return json.dumps(sorted_values(document), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def sorted_values(value: Any) -> Any:
    """`value` with every JSON array sorted, at any depth.

    rdflib writes nodes and multi-valued properties in the order its store yields triples, which is not fixed. Our RDF
    has no rdf:List, so no array is ordered data: every array is a set of nodes or of values and can be sorted.

    >>> sorted_values({"@graph": [{"@id": "b", "p": ["y", "x"]}, {"@id": "a"}]})
    {'@graph': [{'@id': 'a'}, {'@id': 'b', 'p': ['x', 'y']}]}
    """
    if isinstance(value, dict):
        return {key: sorted_values(item) for key, item in value.items()}
    if isinstance(value, list):
        return sorted((sorted_values(item) for item in value), key=_sort_key)
    return value


def _sort_key(value: Any) -> str:
    # A node object's text starts with its "@id" (keys sorted), so nodes sort by IRI; plain values by their JSON text.
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
