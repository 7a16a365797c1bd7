"""networkx.MultiDiGraph (see kg/graph.py) -> the RDF of kg/export/rdf.py -> JSON-LD.

The triples are exactly those of `to_rdf`, so the Turtle and the JSON-LD of one build say the same thing. The document
is compacted with a @context that maps the prefixes bound in the RDF graph (kg, person, meeting, schema, ...) to their
namespaces, so IRIs read as "person:hulusi-akar" and the file parses back with any JSON-LD processor without network
access.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.export import write_text_atomic
from kg.export.rdf import CompactNames, prefixes_of, triples

INTEGER = re.compile(r"[+-]?[0-9]+")


def write_jsonld(graph: nx.MultiDiGraph, path: Path) -> Path:
    """Write the graph as JSON-LD to `path`; the same graph always gives the same bytes."""
    return write_text_atomic(path, jsonld_pieces(graph))  # piece by piece: a big graph's text is never whole in memory


def jsonld_pieces(graph: nx.MultiDiGraph) -> Iterator[str]:
    """The graph's RDF as compact JSON-LD, with its nodes, keys and values in a fixed order: the context, then a line
    for each node."""
    prefixes = prefixes_of(graph)
    names = CompactNames(prefixes)
    nodes: dict[str, dict[str, list]] = {}
    for subject, predicate, object_ in triples(graph):
        key = "@type" if predicate == RDF.type else names.compact(predicate)
        value = names.compact(object_) if key == "@type" else _value(object_, names)
        nodes.setdefault(names.compact(subject), {}).setdefault(key, []).append(value)
    context = dict(sorted(prefixes.items()))
    # One node a line: Python's JSON encoder is several times slower with an indent, and a line per node still reads
    # well and greps well.
    yield f'{{"@context": {json.dumps(context, indent=2, sort_keys=True)},\n"@graph": [\n'
    for n, node_id in enumerate(sorted(nodes)):
        properties = nodes.pop(node_id)
        node = {"@id": node_id, **{key: _one_or_sorted(values) for key, values in properties.items()}}
        yield ("" if n == 0 else ",\n") + json.dumps(node, ensure_ascii=False, sort_keys=True)
    yield "\n]}\n"


def _value(term: URIRef | Literal, names: CompactNames) -> Any:
    """An object in JSON-LD: a node reference, a bare JSON value where it means the same literal, or a value object."""
    if not isinstance(term, Literal):
        return {"@id": names.compact(term)}
    if term.language:
        return {"@language": term.language, "@value": str(term)}
    if term.datatype in (None, XSD.string):
        return str(term)
    if term.datatype == XSD.boolean and str(term) in ("true", "false"):
        return str(term) == "true"
    if term.datatype == XSD.integer and INTEGER.fullmatch(str(term)):
        return int(term)
    return {"@type": names.compact(term.datatype), "@value": str(term)}  # a JSON number would read as xsd:double


def _one_or_sorted(values: list) -> Any:
    """Repeats dropped (a triple two facts share comes once for each); then one value alone, several as an array in a
    fixed order (no array in our RDF is ordered data)."""
    if all(isinstance(value, str) for value in values):
        unique = sorted(set(values))
    else:
        by_text = {json.dumps(value, ensure_ascii=False, sort_keys=True): value for value in values}
        unique = [by_text[text] for text in sorted(by_text)]
    return unique[0] if len(unique) == 1 else unique
