"""The graph -> a self-contained HTML page of who met whom.

The page has two views of one graph. "People" joins people by the meetings they attended together (held, planned,
possible or cancelled), wider lines for more meetings; hovering a line or a name lists those meetings with their
status, place, date, evidence sentences and source articles. "Full graph" shows every kind of node (people,
organisations, countries, places, meetings, articles) and the facts between them. A legend doubles as the filter by
kind and by status; a date range keeps the meetings that may fall in it; a search box finds a node by name or alias
and centres it; clicking a node opens a panel with its details and its sources.

Dates are shown only as far as they can be trusted: a meeting's date is the one its trusted claims agree on; when the
claims disagree the tooltip says "Date disputed" and lists each claim with what it rests on, and a claim read against a
page date that the text contradicts is marked uncertain and never shown as the date. Articles whose page date is
doubtful (`redated`) are marked wherever they are cited, and the tooltip says when their text suggests they were
written.

Scale: positions are computed here (`layout`), so the browser draws at once with physics off, and each view draws at
most MAX_NODES nodes and MAX_LINES lines, the most connected ones; the page says what it left out and how to see it.
Everything else is a pass or two over the graph's nodes and edges. pyvis's `add_node` checks a list for duplicates on
every call (quadratic), so the node and edge lists are built here and only pyvis's bundled vis-network is used,
inlined with its stylesheet: the page makes no requests.

Article text is untrusted: the data goes into the page as JSON with "<", ">" and "&" escaped, the page's script builds
every text it shows with `textContent`, and vis-network draws labels on a canvas, so no name or sentence is ever
parsed as HTML. The few strings in the page's own HTML are numbers and fixed words, escaped by Jinja all the same.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import jinja2
import networkx as nx
import numpy as np
import pyvis
from markupsafe import Markup

from kg.blocs import bloc_list
from kg.export import write_text_atomic
from kg.graph import build_counts, who_met_whom
from kg.records import STATUSES

# The page's HTML, CSS and script, a Jinja template: the graph's data goes in as JSON, never as markup.
PAGE = (Path(__file__).parent / "page.html").read_text(encoding="utf-8")
VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
# Each view draws at most this many nodes and lines: in headless Chromium vis-network set up a view of 3,000 nodes
# and 13,000 lines in about 0.6 s, most of it on the lines (bench/page_speed.py, bench/README.md).
MAX_NODES = 3000
MAX_LINES = 15000
LAYOUT_SEED = 7
NODE_SPACING = 170.0  # pixels between neighbouring nodes in a laid-out group
GROUP_GAP = 120.0  # pixels between groups that share no edge
SMALL_GROUP = 4  # groups this small sit on a ring; larger ones get a force-directed layout
STATUS_COLOURS = {"held": "#1f5fa8", "planned": "#d97706", "possible": "#8b5cf6", "cancelled": "#9a9a9a"}
KIND_COLOURS = {  # (fill, border) of the nodes of each kind in the full graph
    "Person": ("#dbe7f5", "#1f5fa8"),
    "Organisation": ("#dcfce7", "#15803d"),
    "Country": ("#ccfbf1", "#0f766e"),
    "Place": ("#fce7f3", "#be185d"),
    "Meeting": ("#ffedd5", "#c2410c"),
    "Article": ("#e5e7eb", "#6b7280"),
}
KIND_NAMES = {"Person": "people", "Organisation": "organisations", "Country": "countries", "Place": "places",
              "Meeting": "meetings", "Article": "articles"}
KIND_SHAPES = {"Meeting": "diamond", "Article": "square"}
MAX_TIP_MEETINGS = 6  # a tooltip cannot scroll, so it lists only the first few meetings; the panel lists all
MAX_LABEL = 40  # characters of an article's title shown as its label in the full graph
BASIS_WORDS = {  # what a date claim rests on, as the tooltip says it
    "text": "from the text",
    "page date": "read against the page date",
    "estimate": "estimated from the article's text",
}
DOUBT_COLOUR = "#b45309"
# The blocs of the people view (kg/blocs.py), largest first: the Okabe-Ito colours, which colour-blind readers tell
# apart. Blocs beyond these, and pairs that met no one else, keep the people's own colour.
BLOC_COLOURS = ("#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7")
# How a fact reads from its source node to its target node, on a line of the full graph.
RELATION_WORDS = {"participant": "participant", "located_in": "place", "reported_by": "reported by",
                  "member_of": "member of", "mentioned_in": "mentioned in"}  # role: "<title> of"
# The panel's sections, in this order; each item is a node on the page (see `node_details`).
SECTIONS = ("Posts", "People", "Participants", "Place", "Meetings", "Reports", "Mentions")

OPTIONS = {
    # Positions come from Python, so the browser draws at once instead of running a simulation.
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False, "randomSeed": LAYOUT_SEED},
    # No node or line has a vis-network "title": the page shows its own tooltips, built when they open.
    "interaction": {"hover": True, "hideEdgesOnDrag": True, "hideEdgesOnZoom": True, "multiselect": False},
    "nodes": {
        "shape": "dot",
        "size": 12,
        "borderWidth": 2,
        # Labels smaller than about 5 pixels on screen are not drawn: zoomed out, a large graph is dots.
        "font": {"size": 15, "face": "system-ui, sans-serif", "strokeWidth": 4, "strokeColor": "#ffffff"},
    },
    # Straight edges: cheap to draw, and the middle of an edge is the middle of the line between its nodes.
    "edges": {"smooth": False, "hoverWidth": 1.5, "selectionWidth": 1.5},
    "groups": {kind: {"shape": KIND_SHAPES.get(kind, "dot"),
                      "color": {"background": fill, "border": border,
                                "highlight": {"background": fill, "border": "#111827"},
                                "hover": {"background": fill, "border": "#111827"}}}
               for kind, (fill, border) in KIND_COLOURS.items()},
}


def script_json(value: object) -> str:
    """JSON that is safe inside a <script> element: no "<", ">" or "&" can end the script or open a comment.

    >>> script_json({"name": "</script><b>"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(value, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def meeting_info(graph: nx.MultiDiGraph, meeting_id: str) -> dict:
    """What a tooltip says of one meeting: label, status, place, date_text, date, date_conflict, date_claims, span,
    and each evidence sentence with the titles of the articles that state it.

    `date` is the date the trusted claims agree on, and is None when they conflict. `date_claims` lists each claim as
    {interval, text, basis, basis_words, uncertain, source}, `source` being the cited title of its article; the page
    lists them when there is no agreed date. `span` is [earliest, latest] of every date the meeting may have (its
    date, or else all its claims), for the date filter; None when nothing dates it."""
    data = graph.nodes[meeting_id]
    edges = [(target, edge) for target, keyed in graph.adj[meeting_id].items() for edge in keyed.values()]
    places = sorted({graph.nodes[target]["label"] for target, edge in edges if edge["relation"] == "located_in"})
    sources: dict[str | None, list[str]] = {}
    reports = [(article, edge) for article, edge in edges if edge["relation"] == "reported_by"]
    for article, edge in sorted(reports, key=lambda report: (report[0], _number(report[1]["start"]))):
        titles = sources.setdefault(edge["sentence"], [])
        title = article_title(graph, article)
        if title not in titles:  # two reports in one sentence of one article cite it once
            titles.append(title)
    conflict = bool(data.get("date_conflict"))
    # Sorted here as well as in resolve, so a graph read back from Turtle (which keeps no order) gives the same page.
    claims = [
        {"interval": interval, "text": text, "basis": basis, "basis_words": BASIS_WORDS.get(basis, basis),
         "uncertain": bool(uncertain), "source": article_title(graph, article) if article in graph else article}
        for article, text, interval, _granularity, basis, uncertain
        in sorted(data.get("date_claims") or (), key=lambda c: (c[0], c[4] or "", c[2] or "", c[1] or ""))
    ]
    date = None if conflict else data.get("date")
    bounds = [part for interval in ([date] if date else [c["interval"] for c in claims]) if interval
              for part in interval.split("/") if part]
    return {
        "label": data["label"],
        "status": data["status"],
        "place": ", ".join(places) or None,
        "date_text": data.get("date_text"),
        "date": date,
        "date_conflict": conflict,
        "date_claims": claims,
        "span": [min(bounds), max(bounds)] if bounds else None,
        "evidence": [{"sentence": sentence, "sources": titles} for sentence, titles in sources.items()],
    }


def _number(value: int | None) -> int:
    return -1 if value is None else value


def doubtful_articles(graph: nx.MultiDiGraph, articles: Iterable[str]) -> list[dict]:
    """Those of `articles` whose page date is doubtful, as {source, estimate, note}: `source` is the cited title (as
    in a meeting's evidence), `note` what the page says of the article's date."""
    doubtful: dict[str, dict] = {}
    for article in sorted(articles):
        data = graph.nodes[article]
        if not data.get("redated"):
            continue
        estimate = data.get("date_estimate")
        if estimate:
            readings = "; ".join(dict.fromkeys(clue[1] for clue in data.get("date_clues") or ()))
            note = f"text suggests {estimate}" + (f" ({readings})" if readings else "")
        else:
            # Why, without the reasoning in brackets at its end: that is the other article's, and is in its own note.
            note = re.sub(r"\s*\([^()]*\)$", "", data["redated"]) or data["redated"]
        # Two articles cited alike are one line on the page: the doubt of either marks it.
        doubtful.setdefault(article_title(graph, article), {"estimate": estimate, "notes": []})["notes"].append(note)
    return [{"source": source, "estimate": entry["estimate"], "note": "; ".join(dict.fromkeys(entry["notes"]))}
            for source, entry in doubtful.items()]


def article_title(graph: nx.MultiDiGraph, article: str) -> str:
    """An article's title with its publication date, as a reader would cite it."""
    data = graph.nodes[article]
    title = data.get("title") or article
    return f"{title} ({data['published']})" if data.get("published") else title


def edge_style(statuses: list[str], meetings: int) -> dict:
    """The style of a line between two people: the firmest status of their meetings, which the page draws solid for
    held and dashed otherwise in the status's colour, and a width that grows with the number of meetings.

    >>> edge_style(["possible", "held"], 2)
    {'status': 'held', 'width': 3.5}
    """
    # The firmest status decides: a held meeting outweighs a planned one.
    return {"status": min(statuses, key=STATUSES.index), "width": min(2.0 + 1.5 * (meetings - 1), 9.0)}


# --- layout: pixel positions computed ahead, so the browser draws at once --------------------------------------------

def layout(nodes: list[str], pairs: list[tuple[str, str]], *, weights: dict[tuple[str, str], float] | None = None,
           spacing: float = NODE_SPACING, seed: int = LAYOUT_SEED) -> dict[str, tuple[float, float]]:
    """Pixel positions of `nodes` joined by `pairs` (each pulling with its weight, 1 by default): each connected group
    is laid out on its own, and the groups are packed in rows, the one with the most connected person first (the
    largest of equals first), so small groups do not drift to the edges of one big layout. The same nodes and pairs,
    in any order, give the same positions."""
    nodes = sorted(set(nodes))
    index = {node: i for i, node in enumerate(nodes)}
    # Connected groups by union-find: linear, where networkx would first need a graph built of the pairs.
    parent = list(range(len(nodes)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pull: dict[tuple[int, int], float] = {}
    for a, b in pairs:
        i, j = sorted((index[a], index[b]))
        if i != j:
            pull[(i, j)] = (weights or {}).get((a, b), 1.0)
    links = sorted(pull)
    for i, j in links:
        parent[root(i)] = root(j)
    members: dict[int, list[int]] = {}
    for i in range(len(nodes)):
        members.setdefault(root(i), []).append(i)
    group_links: dict[int, list[tuple[int, int]]] = {}
    for i, j in links:
        group_links.setdefault(root(i), []).append((i, j))
    # The groups with the most connected people first, so that the view can open on those people side by side.
    degree = [0] * len(nodes)
    for i, j in links:
        degree[i] += 1
        degree[j] += 1
    groups = sorted(members, key=lambda group: (-max(degree[i] for i in members[group]), -len(members[group]),
                                                members[group][0]))
    placed = [_group_layout(members[group], group_links.get(group, []), pull, spacing, seed) for group in groups]
    # Each group in its own box (its nodes' extent, with half a spacing for labels around, and the gap between
    # groups): a group with a long tail takes its box's room, not that of the circle around it.
    room = spacing + GROUP_GAP
    boxes = []
    for group_positions in placed:
        xs, ys = [px for px, _ in group_positions.values()], [py for _, py in group_positions.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + room, max(ys) - min(ys) + room))
    # Rows about 1.6 times as wide as a square of the same area suit a landscape screen.
    row_limit = max([0.0, *(w for _, _, w, _ in boxes), 1.6 * math.sqrt(sum(w * h for _, _, w, h in boxes))])
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    margin = room / 2
    for group_positions, (left, top, width, height) in zip(placed, boxes):
        if x > 0 and x + width > row_limit:
            x, y, row_height = 0.0, y + row_height, 0.0
        for i, (px, py) in group_positions.items():
            positions[nodes[i]] = (round(x + margin + px - left, 1), round(y + margin + py - top, 1))
        x += width
        row_height = max(row_height, height)
    return positions


def _group_layout(members: list[int], links: list[tuple[int, int]], pull: dict[tuple[int, int], float],
                  spacing: float, seed: int) -> dict[int, tuple[float, float]]:
    """Positions of one connected group (node indices, sorted, and their links with their pull) around (0, 0)."""
    n = len(members)
    if n <= SMALL_GROUP:
        # On a ring, neighbours `spacing` apart, the first on the left: a pair is a horizontal line.
        ring = spacing / (2 * math.sin(math.pi / n)) if n > 1 else 0.0
        return {member: (-ring * math.cos(2 * math.pi * k / n), -ring * math.sin(2 * math.pi * k / n))
                for k, member in enumerate(members)}
    local = {member: k for k, member in enumerate(members)}
    pairs = np.array([(local[i], local[j]) for i, j in links], dtype=np.int64).reshape(-1, 2)
    points = force_layout(n, pairs, np.array([pull[link] for link in links]), seed=seed)
    points -= points.mean(axis=0)
    # Room for every node, spacing x spacing on average in a disc, and no line shorter than `spacing` for the median.
    along = points[pairs[:, 0]] - points[pairs[:, 1]]
    spread = math.sqrt(2 * float((points ** 2).sum(axis=1).mean()))  # the radius of a uniform disc like it
    points *= max(spacing * math.sqrt(n / math.pi) / max(spread, 1e-9),
                  spacing / max(float(np.median(np.sqrt((along ** 2).sum(axis=1)))), 1e-9))
    return {member: (float(x), float(y)) for member, (x, y) in zip(members, points)}


def force_layout(n: int, pairs: np.ndarray, weights: np.ndarray, *, seed: int, iterations: int = 60,
                 samples: int = 16, near: int = 3) -> np.ndarray:
    """Fruchterman-Reingold positions (n x 2) of n nodes joined by `pairs` (m x 2 node indices), each pulling with its
    weight, in about a unit square.

    In a group of up to 4 * `samples` nodes every node pushes every other. In a larger one a step costs about
    n * (`samples` + 4 * `near`) instead of n * n (3,000 nodes: 0.1 s, where networkx's all-pairs layout took 19 s
    and its sparse one needs scipy): each node is pushed by `samples` nodes drawn at random, scaled up to stand for
    all (random vertex sampling, Gove 2019), and by the `near` nodes on each side of it when the nodes are sorted by
    grid column then height, and by grid row then width, so that nodes close together always push apart.
    """
    rng = np.random.default_rng(seed)
    x, y = rng.random(n) - 0.5, rng.random(n) - 0.5
    ideal2 = 1.0 / n  # the square of the ideal distance between neighbours
    a, b = pairs[:, 0], pairs[:, 1]

    def add(push_x: np.ndarray, push_y: np.ndarray, one: np.ndarray, other: np.ndarray, fx: np.ndarray,
            fy: np.ndarray) -> None:
        """Add the forces (fx, fy) of each pair to `other` and take them from `one`."""
        push_x += np.bincount(other, fx, n) - np.bincount(one, fx, n)
        push_y += np.bincount(other, fy, n) - np.bincount(one, fy, n)

    for step in range(iterations):
        # x and y apart rather than as one (n, 2) array: numpy's loops run twice as fast on them.
        if n <= 4 * samples:
            dx, dy = x[:, None] - x[None, :], y[:, None] - y[None, :]
            weight = ideal2 / np.maximum(dx * dx + dy * dy, 1e-9)
        else:
            others = rng.integers(0, n, size=(n, samples))
            dx, dy = x[:, None] - x[others], y[:, None] - y[others]
            weight = (n / samples) * ideal2 / np.maximum(dx * dx + dy * dy, 1e-9)
        push_x, push_y = (dx * weight).sum(axis=1), (dy * weight).sum(axis=1)
        if n > 4 * samples:
            column, row = np.floor(x * math.sqrt(n)), np.floor(y * math.sqrt(n))
            for order in (np.lexsort((y, column)), np.lexsort((x, row))):
                for gap in range(1, near + 1):
                    one, other = order[:-gap], order[gap:]
                    ax, ay = x[other] - x[one], y[other] - y[one]
                    weight = ideal2 / np.maximum(ax * ax + ay * ay, 1e-9)
                    add(push_x, push_y, one, other, ax * weight, ay * weight)
        ax, ay = x[a] - x[b], y[a] - y[b]
        weight = weights * np.sqrt((ax * ax + ay * ay) / ideal2)
        add(push_x, push_y, a, b, ax * weight, ay * weight)  # a pulls b, and b pulls a
        # Each step moves a node at most `temperature`, which cools to a small floor.
        temperature = 0.1 * (1 - step / iterations) + 0.002
        length = np.maximum(np.sqrt(push_x * push_x + push_y * push_y), 1e-9)
        x += push_x * (np.minimum(length, temperature) / length)
        y += push_y * (np.minimum(length, temperature) / length)
    return np.column_stack((x, y))


def most_connected(ranks: dict[str, tuple], neighbours: dict[str, set[str]], *, max_nodes: int,
                   max_lines: int) -> set[str]:
    """The nodes of highest rank (a tuple of counts; ties by id), taken in that order while they are at most
    `max_nodes` with at most `max_lines` lines between them: vis-network's time to set up grows with both."""
    kept: set[str] = set()
    lines = 0
    for node in sorted(ranks, key=lambda node: (*(-count for count in ranks[node]), node)):
        lines += sum(other in kept for other in neighbours.get(node, ()))
        if len(kept) == max_nodes or lines > max_lines:
            break
        kept.add(node)
    return kept


# --- the two views and what the page says of each node ----------------------------------------------------------------

Links = dict[tuple[str, str], set[tuple[str, str]]]


def read_links(graph: nx.MultiDiGraph) -> Links:
    """Each pair of linked nodes (source, target) with its facts as (relation, title or ""): the parallel edges of a
    fact, one per article, are one fact here. One pass over the graph's own adjacency, which is several times faster
    than its edge views."""
    return {(source, target): {(edge["relation"], edge.get("title") or "") for edge in keyed.values()}
            for source, targets in graph.adjacency() for target, keyed in targets.items()}


def people_view(graph: nx.MultiDiGraph, attendees: dict[str, list[str]], pairs: dict[tuple[str, str], list[str]],
                meetings: dict[str, dict], *, max_nodes: int, max_lines: int) -> dict:
    """People joined by the meetings they attended together: nodes and lines for vis-network, and what was left out."""
    partners: dict[str, set[str]] = {person: set() for people in attendees.values() for person in people}
    for a, b in pairs:
        partners[a].add(b)
        partners[b].add(a)
    degree = {person: len(others) for person, others in partners.items()}
    kept = most_connected({person: (count,) for person, count in degree.items()}, partners, max_nodes=max_nodes,
                          max_lines=max_lines)
    lines = [pair for pair in sorted(pairs) if pair[0] in kept and pair[1] in kept]
    # A person whose every partner was left out would stand alone, saying nothing: leave them out too. (A person
    # whose meetings had no other person in them stands alone in any case.)
    shown = {person for pair in lines for person in pair} | {person for person in kept if not degree[person]}
    # Each meeting pulls its people together as hard as one line would: the 28 lines of a meeting of eight people
    # pull with 1/7 each, or they would tie the eight into a knot; and no pair pulls harder than one line, however
    # often they met.
    weights = {(a, b): min(1.0, sum(1 / (len(attendees[meeting]) - 1) for meeting in pairs[(a, b)]))
               for a, b in lines}
    positions = layout(list(shown), lines, weights=weights)
    colours = bloc_colours(graph)
    nodes = [{"id": person, "label": graph.nodes[person]["label"], "group": "Person", "x": positions[person][0],
              "y": positions[person][1], "size": min(10 + 2 * degree[person], 26),
              **({"color": colours[graph.nodes[person]["bloc"]]} if graph.nodes[person].get("bloc") in colours
                 else {})}
             for person in sorted(shown)]
    edges = [{"id": f"p{n}", "from": a, "to": b, "meetings": pairs[(a, b)],
              **edge_style([meetings[m]["status"] for m in pairs[(a, b)]], len(pairs[(a, b)]))}
             for n, (a, b) in enumerate(lines)]
    return {"nodes": nodes, "edges": edges, "total_nodes": len(degree), "total_edges": len(pairs),
            "left_out_links": max((degree[person] for person in degree if person not in shown), default=0)}


def bloc_colours(graph: nx.MultiDiGraph) -> dict[int, dict]:
    """The vis-network colour of each coloured bloc: the largest ones of three people or more."""
    blocs = [number for number, _, size in bloc_list(graph) if size > 2][:len(BLOC_COLOURS)]
    return {number: {"background": colour, "border": "#374151", "highlight": {"background": colour,
                                                                              "border": "#111827"},
                     "hover": {"background": colour, "border": "#111827"}}
            for number, colour in zip(blocs, BLOC_COLOURS)}


def bloc_legend(graph: nx.MultiDiGraph) -> list[tuple[str, str, int]]:
    """(colour, name, size) of each coloured bloc, for the legend of the people view."""
    colours = bloc_colours(graph)
    return [(colours[number]["background"], name, size) for number, name, size in bloc_list(graph)
            if number in colours]


def graph_view(graph: nx.MultiDiGraph, links: Links, *, max_nodes: int, max_lines: int) -> dict:
    """Every kind of node and the facts between them (one line per pair of nodes, naming each fact)."""
    # No two nodes have facts both ways (see kg/graph.py), so a pair of nodes is one line.
    neighbours: dict[str, set[str]] = {node: set() for node in graph}
    stated = {node: 0 for node in graph}
    for (source, target), facts in links.items():
        neighbours[source].add(target)
        neighbours[target].add(source)
        if facts != {("mentioned_in", "")}:
            stated[source] += 1
            stated[target] += 1
    degree = {node: len(others) for node, others in neighbours.items()}
    # Most connected by what was stated (meetings, posts, places, reports) before mere mentions: every article links
    # to all it names, which would fill a large graph's view with articles and the names they mention once.
    shown = most_connected({node: (stated[node], degree[node]) for node in graph}, neighbours, max_nodes=max_nodes,
                           max_lines=max_lines)
    lines = sorted(pair for pair in links if pair[0] in shown and pair[1] in shown)
    positions = layout(list(shown), lines, spacing=NODE_SPACING * 0.8)
    nodes = []
    for node in sorted(shown):
        data = graph.nodes[node]
        label = data["label"]
        if data["kind"] == "Article" and len(label) > MAX_LABEL:
            label = label[:MAX_LABEL - 1].rstrip() + "\u2026"
        nodes.append({"id": node, "label": label, "group": data["kind"], "x": positions[node][0],
                      "y": positions[node][1], "size": min(8 + 2 * math.sqrt(degree[node]), 26)})
    edges = [{"id": f"g{n}", "from": source, "to": target,
              "facts": sorted({f"{title} of" if relation == "role" else RELATION_WORDS[relation]
                               for relation, title in links[(source, target)]})}
             for n, (source, target) in enumerate(lines)]
    left_out = Counter(graph.nodes[node]["kind"] for node in graph if node not in shown)
    return {"nodes": nodes, "edges": edges, "total_nodes": len(degree), "total_edges": len(links),
            "left_out": {KIND_NAMES[kind]: count for kind, count in sorted(left_out.items())},
            "left_out_links": max((degree[node] for node in graph if node not in shown), default=0)}



def node_details(graph: nx.MultiDiGraph, node: str, links_out: list, links_in: list, on_page: set[str]) -> dict:
    """What the panel says of a node: kind, label, aliases, its meetings (a person's), its sources (article ids) and
    sections of linked nodes on the page ({heading: [[words, node id], ...]}); `more` counts links to nodes left off
    the page. `links_out` and `links_in` are the node's links as (other node, facts), facts as in `read_links`."""
    data = graph.nodes[node]
    kind = data["kind"]
    sections: dict[str, set[tuple[str, str]]] = {}
    sources, meetings, off_page = set(), set(), set()

    def link(heading: str, words: str, other: str) -> None:
        if other in on_page:
            sections.setdefault(heading, set()).add((words, other))
        else:
            off_page.add(other)

    for other, facts in links_out:
        for relation, title in facts:
            if relation in ("mentioned_in", "reported_by"):
                sources.add(other)
            elif relation == "participant":
                link("Participants", "", other)
            elif relation == "located_in":
                link("Place", "", other)
            elif relation in ("role", "member_of"):
                link("Posts", title or "member", other)
    for other, facts in links_in:
        for relation, title in facts:
            if relation == "participant" and kind == "Person":
                meetings.add(other)  # every meeting of a person is listed, on the page or not
            elif relation in ("participant", "located_in"):
                link("Meetings", "", other)
            elif relation in ("role", "member_of"):
                link("People", title or "member", other)
            elif relation == "reported_by":
                link("Reports", "", other)
            elif relation == "mentioned_in":
                link("Mentions", "", other)

    def order(item: tuple[str, str]) -> tuple:
        words, other = item
        return graph.nodes[other]["label"].casefold(), other, words

    details = {"kind": kind, "label": data["label"], "aliases": list(data.get("aliases") or ()),
               "sources": sorted(sources), "more": len(off_page),
               "sections": [[heading, [list(item) for item in sorted(sections[heading], key=order)]]
                            for heading in SECTIONS if heading in sections]}
    if kind == "Person":
        details["meetings"] = sorted(meetings)
    return details


def to_page_data(graph: nx.MultiDiGraph, *, max_nodes: int = MAX_NODES, max_lines: int = MAX_LINES) -> dict:
    """Everything the page's script draws from: both views, and the details of every node, meeting and article on
    the page."""
    links = read_links(graph)
    attendees, pairs = who_met_whom(graph, STATUSES)
    met = sorted({meeting for ids in pairs.values() for meeting in ids})
    meetings = {meeting: meeting_info(graph, meeting) for meeting in met}
    views = {"people": people_view(graph, attendees, pairs, meetings, max_nodes=max_nodes, max_lines=max_lines),
             "graph": graph_view(graph, links, max_nodes=max_nodes, max_lines=max_lines)}
    on_page = {node["id"] for view in views.values() for node in view["nodes"]}
    links_out: dict[str, list] = {node: [] for node in on_page}
    links_in: dict[str, list] = {node: [] for node in on_page}
    for (source, target), facts in links.items():
        if source in on_page:
            links_out[source].append((target, facts))
        if target in on_page:
            links_in[target].append((source, facts))
    nodes = {node: node_details(graph, node, links_out[node], links_in[node], on_page) for node in sorted(on_page)}
    wanted = {node for node in on_page if graph.nodes[node]["kind"] == "Meeting"}
    wanted.update(meeting for details in nodes.values() for meeting in details.get("meetings", ()))
    meetings.update({meeting: meeting_info(graph, meeting) for meeting in sorted(wanted - meetings.keys())})
    articles = {node for node in on_page if graph.nodes[node]["kind"] == "Article"}
    articles.update(source for details in nodes.values() for source in details["sources"])
    between_people = set(met)
    cited = {article for (meeting, article), facts in links.items()
             if meeting in between_people and ("reported_by", "") in facts}
    by_status = Counter(meetings[meeting]["status"] for meeting in met)
    return {
        "views": views,
        "nodes": nodes,
        "meetings": meetings,
        "articles": {article: {"cite": article_title(graph, article),
                               "publisher": graph.nodes[article].get("publisher"),
                               "source": graph.nodes[article].get("source")} for article in sorted(articles)},
        "doubtful": doubtful_articles(graph, articles | cited),
        "counts": {"people": views["people"]["total_nodes"], "meetings": len(met), "articles": len(cited),
                   "by_status": {status: by_status[status] for status in STATUSES if by_status[status]},
                   "doubtful": sum(1 for article in cited if graph.nodes[article].get("redated"))},
        "options": OPTIONS,
        "maxTipMeetings": MAX_TIP_MEETINGS,
        "statusColours": STATUS_COLOURS,
    }


def left_out_notes(views: dict) -> list[str]:
    """What each view left out, in words, for the page's header; none when everything is drawn.

    >>> left_out_notes({"people": {"nodes": [{}], "edges": [], "total_nodes": 3, "total_edges": 1,
    ...                            "left_out_links": 1},
    ...                 "graph": {"nodes": [{}], "edges": [], "total_nodes": 1, "total_edges": 0}})
    ['People: the 1 most connected of 3 people (0 of 1 lines) are drawn; the 2 left out had at most 1 line each.']
    """
    notes = []
    people, full = views["people"], views["graph"]
    if len(people["nodes"]) < people["total_nodes"]:
        left = people["total_nodes"] - len(people["nodes"])
        notes.append(f"People: the {len(people['nodes']):,} most connected of {people['total_nodes']:,} people "
                     f"({len(people['edges']):,} of {people['total_edges']:,} lines) are drawn; the {left:,} left "
                     f"out had at most {_count(people['left_out_links'], 'line')} each.")
    if len(full["nodes"]) < full["total_nodes"]:
        kinds = ", ".join(f"{count:,} {kind}" for kind, count in full["left_out"].items())
        notes.append(f"Full graph: the {len(full['nodes']):,} most connected of {full['total_nodes']:,} nodes are "
                     f"drawn; left out: {kinds}, with at most {_count(full['left_out_links'], 'link')} each.")
    return notes


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


def to_html(graph: nx.MultiDiGraph, *, max_nodes: int = MAX_NODES, max_lines: int = MAX_LINES) -> str:
    """The page as a string: the same graph always gives the same bytes."""
    data = to_page_data(graph, max_nodes=max_nodes, max_lines=max_lines)
    counts = data["counts"]
    environment = jinja2.Environment(autoescape=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    return environment.from_string(PAGE).render(
        vis_css=Markup((VIS_DIR / "vis-network.css").read_text(encoding="utf-8")),
        vis_js=Markup((VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")),
        data=Markup(script_json(data)),
        counts=build_counts(graph),
        doubtful=("1 article with a doubtful date" if counts["doubtful"] == 1
                  else f"{counts['doubtful']} articles with doubtful dates") if counts["doubtful"] else "",
        left_out=left_out_notes(data["views"]),
        kinds=KIND_COLOURS,
        kind_names=KIND_NAMES,
        colours=STATUS_COLOURS,
        doubt_colour=DOUBT_COLOUR,
        blocs=bloc_legend(graph),
    )


def write_html(graph: nx.MultiDiGraph, path: Path, *, max_nodes: int = MAX_NODES, max_lines: int = MAX_LINES) -> Path:
    """Write the page to `path`; it needs no other file and no network."""
    return write_text_atomic(path, to_html(graph, max_nodes=max_nodes, max_lines=max_lines))
