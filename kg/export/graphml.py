"""networkx.MultiDiGraph (see kg/graph.py) -> GraphML for Gephi and other graph tools.

By default the whole typed graph: every node with its `kind`, `label` and other attributes, every edge with its
`relation` and evidence (`article`, `sentence`, `start`, `end`, and `title` or `trigger` where the edge has one).
The "who-met-whom" view writes only people, joined by the held meetings they shared (`meetings`; `weight`: how many).

GraphML attributes are scalars, so values are converted: a tuple becomes its items joined by " | " (a tuple inside it,
like a date claim, by "; "), None and empty tuples are left out. Nodes, edges and attributes are written in sorted
order, so the same graph always gives the same bytes. Edge ids are "<source>|<target>|<key>": unique in the file, as
Gephi wants, where the graph's own keys repeat between node pairs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from kg.export import write_text_atomic
from kg.graph import people_who_met

View = Literal["full", "who-met-whom"]
VIEWS: tuple[View, ...] = ("full", "who-met-whom")

# XML 1.0 cannot carry most C0 control characters, U+FFFE, U+FFFF or lone surrogates, even as character references,
# so GraphML drops them; the Turtle, JSON-LD and CSV exports keep them.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
Scalar = str | int | float | bool
GRAPHML_TYPES = {str: "string", int: "long", float: "double", bool: "boolean"}
HEADER = ("<?xml version='1.0' encoding='utf-8'?>\n"
          '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
          'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
          'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
          'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">')


def write_graphml(graph: nx.MultiDiGraph, path: Path, *, view: View = "full") -> Path:
    """Write the graph as GraphML to `path`: the full typed graph, or with view="who-met-whom" only people who met."""
    return write_text_atomic(path, to_graphml(graph, view=view))


def to_graphml(graph: nx.MultiDiGraph, *, view: View = "full") -> str:
    """The GraphML text of the graph, or of its who-met-whom view."""
    if view == "full":
        export = full_graph(graph)
    elif view == "who-met-whom":
        export = who_met_whom_graph(graph)
    else:
        raise ValueError(f"unknown GraphML view {view!r}; expected one of {', '.join(VIEWS)}")
    return graphml_document(export)


def graphml_document(export: nx.Graph) -> str:
    """The GraphML text of a graph whose attributes are scalars: one <key> per attribute, then nodes and edges.

    Written here rather than by networkx's writer, which builds an ElementTree of the whole graph first and took
    seven seconds for a 3,950-article build.
    """
    keys: dict[tuple[str, str], str] = {}  # (domain, attribute name) -> GraphML type, from the first value seen
    for domain, items in (("node", export.nodes(data=True)), ("edge", export.edges(data=True))):
        for *_, data in items:
            for name, value in data.items():
                keys.setdefault((domain, name), GRAPHML_TYPES[type(value)])
    ids = {key: f"d{n}" for n, key in enumerate(sorted(keys))}
    lines = [HEADER]
    lines += [f'  <key id="{ids[domain, name]}" for="{domain}" attr.name={quoteattr(name)} attr.type="{kind}" />'
              for (domain, name), kind in sorted(keys.items())]
    lines.append(f'  <graph edgedefault="{"directed" if export.is_directed() else "undirected"}">')
    for node, data in export.nodes(data=True):
        lines.append(f"    <node id={quoteattr(node)}>{_data(data, 'node', ids)}</node>")
    edges = export.edges(keys=True, data=True) if export.is_multigraph() else (
        (source, target, None, data) for source, target, data in export.edges(data=True))
    for source, target, key, data in edges:
        edge_id = "" if key is None else f" id={quoteattr(key)}"
        lines.append(f"    <edge{edge_id} source={quoteattr(source)} target={quoteattr(target)}>"
                     f"{_data(data, 'edge', ids)}</edge>")
    lines += ["  </graph>", "</graphml>"]
    return "\n".join(lines) + "\n"


def _data(data: Mapping[str, Scalar], domain: str, ids: Mapping[tuple[str, str], str]) -> str:
    # XML readers turn a carriage return written as such into a line feed; as a character reference it stays itself.
    return "".join(f'<data key="{ids[domain, name]}">'
                   f'{str(value).lower() if isinstance(value, bool) else escape(str(value)).replace(chr(13), "&#13;")}'
                   f"</data>" for name, value in data.items())


def full_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of the graph with GraphML-ready attributes, sorted nodes and edges, and file-wide unique edge keys."""
    export = nx.MultiDiGraph()
    for node_id, data in sorted(graph.nodes(data=True)):
        export.add_node(xml_text(node_id), **graphml_attributes(data))
    for source, target, key, data in sorted(graph.edges(keys=True, data=True), key=lambda edge: edge[:3]):
        edge_id = xml_text(f"{source}|{target}|{key}")
        export.add_edge(xml_text(source), xml_text(target), key=edge_id, **graphml_attributes(data))
    return export


def who_met_whom_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """People joined by the held meetings they shared; `weight` counts those meetings for layouts."""
    people = people_who_met(graph)
    export = nx.Graph()
    for node_id, data in sorted(people.nodes(data=True)):
        export.add_node(xml_text(node_id), **graphml_attributes(data))
    pairs = sorted((min(a, b), max(a, b), tuple(sorted(meetings))) for a, b, meetings in people.edges(data="meetings"))
    for a, b, meetings in pairs:
        export.add_edge(xml_text(a), xml_text(b), **graphml_attributes({"meetings": meetings, "weight": len(meetings)}))
    return export


def graphml_attributes(data: Mapping[str, Any]) -> dict[str, Scalar]:
    """The attributes GraphML can hold, by sorted name: each value as a scalar, None and empty tuples left out."""
    attributes = {}
    for name, value in sorted(data.items()):
        scalar = graphml_value(value)
        if scalar is not None:
            attributes[name] = scalar
    return attributes


def graphml_value(value: Any) -> Scalar | None:
    """`value` as one GraphML scalar: tuples and lists joined by " | " (nested ones by "; "), None for nothing to write.

    >>> graphml_value(("Akar", "Hulusi Akar"))
    'Akar | Hulusi Akar'
    >>> graphml_value((("article:a1", None, "2022-12-28", True), ("article:a2", "Wednesday", "2025-11-05", False)))
    'article:a1; ; 2022-12-28; True | article:a2; Wednesday; 2025-11-05; False'
    >>> graphml_value(()) is None, graphml_value(None) is None, graphml_value(3)
    (True, True, 3)
    """
    if value is None:
        return None
    if isinstance(value, (tuple, list)):
        if not value:
            return None
        return xml_text(" | ".join(_item_text(item) for item in value))
    if isinstance(value, (bool, int, float)):
        return value
    return xml_text(str(value))


def _item_text(item: Any) -> str:
    # Inside a joined tuple a None keeps its place as an empty field, so the fields of a date claim stay in line.
    if isinstance(item, (tuple, list)):
        return "; ".join("" if part is None else str(part) for part in item)
    return "" if item is None else str(item)


def xml_text(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold (most C0 controls, U+FFFE, U+FFFF, lone surrogates).

    >>> xml_text("Akar\\x00\\x1b[1m\\tAbbas\\n")
    'Akar[1m\\tAbbas\\n'
    """
    return NOT_IN_XML.sub("", text)
