"""networkx.MultiDiGraph (see kg/graph.py) -> who met whom as CSV, for spreadsheets.

One row per pair of people who took part together in a meeting, whatever its status (held, planned, possible,
cancelled), with the columns of HEADER: the two names, the meeting's node id, status, date (the ISO date or
"earliest/latest" the trusted claims agree on; empty when there is none or they conflict), place, the titles of the
articles that report it and one evidence sentence. RFC 4180: comma separated, CRLF line ends, quotes where needed.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from kg.export import write_text_atomic
from kg.graph import who_met_whom
from kg.records import STATUSES

HEADER = ("a_name", "b_name", "meeting", "status", "date", "place", "sources", "evidence")
Row = tuple[str, str, str, str, str, str, str, str]
Edge = tuple[str, Mapping[str, Any]]  # (target node id, edge attributes)


def write_who_met_whom_csv(graph: nx.MultiDiGraph, path: Path) -> Path:
    """Write who met whom in which meeting to `path` as CSV; the same graph always gives the same bytes."""
    return write_text_atomic(path, to_who_met_whom_csv(graph))


def to_who_met_whom_csv(graph: nx.MultiDiGraph) -> str:
    """The CSV text: HEADER, then the rows of `who_met_whom_rows`."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(who_met_whom_rows(graph))
    return stream.getvalue()


def who_met_whom_rows(graph: nx.MultiDiGraph) -> list[Row]:
    """One row per pair of people per meeting they took part in together, sorted by names, then meeting.

    Within a row the names are in sorted order, so a pair reads the same in every meeting.
    """
    rows: list[Row] = []
    attendees, _ = who_met_whom(graph, STATUSES)
    for meeting_id, people in attendees.items():
        data = graph.nodes[meeting_id]
        edges = [(target, edge) for _, target, edge in graph.out_edges(meeting_id, data=True)]
        people = sorted(people, key=lambda person: (graph.nodes[person]["label"], person))
        place = _joined_labels(graph, edges, "located_in")
        sources = _joined_labels(graph, edges, "reported_by")  # an article's label is its title
        for a, b in itertools.combinations(people, 2):
            rows.append((graph.nodes[a]["label"], graph.nodes[b]["label"], meeting_id, data["status"],
                         data.get("date") or "", place, sources, pair_evidence(edges, a, b)))
    return sorted(rows)


def pair_evidence(edges: list[Edge], a: str, b: str) -> str:
    """The first sentence (by article, then place in it) that names both `a` and `b` as participants of the meeting
    whose out-edges are `edges`; failing that, the first sentence that reports the meeting; "" if there is none.

    A participant edge keeps the sentence that names that participant, so a sentence on both people's edges states
    that these two met. It keeps only the first such sentence of each article, and a merged meeting may name the two
    in different sentences or articles, hence the fallback.
    """
    shared = sorted(_sentences(edges, "participant", a) & _sentences(edges, "participant", b))
    candidates = shared or sorted(_sentences(edges, "reported_by"))
    return candidates[0][2] if candidates else ""


def _sentences(edges: list[Edge], relation: str, target: str | None = None) -> set[tuple[str, int, str]]:
    """(article, start, sentence) of the edges with `relation` (and `target`, if given)."""
    return {(edge["article"], edge["start"], edge["sentence"]) for node, edge in edges
            if edge["relation"] == relation and (target is None or node == target)}


def _joined_labels(graph: nx.MultiDiGraph, edges: list[Edge], relation: str) -> str:
    """The distinct labels of the targets of the edges with `relation`, sorted and joined by " | "."""
    return " | ".join(sorted({graph.nodes[target]["label"] for target, edge in edges if edge["relation"] == relation}))
