"""The graph -> a self-contained HTML page of who met whom.

The page shows people joined by the meetings they attended together (held, planned, possible or cancelled); hovering
a line or a name lists those meetings with their place, date, evidence sentences and source articles.

Dates are shown only as far as they can be trusted: a meeting's date is the one its trusted claims agree on; when the
claims disagree the tooltip says "Date disputed" and lists each claim with what it rests on, and a claim read against a
page date that the text contradicts is marked uncertain and never shown as the date. Articles whose page date is
doubtful (`redated`) are marked wherever they are cited, and the tooltip says when their text suggests they were
written.

pyvis collects the nodes and edges; the page uses its own template because pyvis's template links bootstrap and
vis-network from CDNs. vis-network's script and stylesheet are inlined from the pyvis package, so the page makes no
requests.
Article text is untrusted: the data goes into the page as JSON with "<" escaped, and the tooltips are built in the
browser with `textContent`, so no name or sentence is ever parsed as HTML.
"""

from __future__ import annotations

import importlib.util
import json
import math
import re
from pathlib import Path

import jinja2
import networkx as nx
import pyvis
from markupsafe import Markup
from pyvis.network import Network

from kg.export import write_text_atomic
from kg.graph import people_who_met
from kg.records import STATUSES

VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
LAYOUT_SEED = 7
NODE_SPACING = 170.0  # pixels between neighbouring people in a laid-out group
GROUP_GAP = 120.0  # pixels between groups of people who never met
STATUS_COLOURS = {"held": "#1f5fa8", "planned": "#d97706", "possible": "#8b5cf6", "cancelled": "#9a9a9a"}
PERSON_COLOUR = {"background": "#dbe7f5", "border": "#1f5fa8"}
MAX_TIP_MEETINGS = 6  # a tooltip follows the mouse and cannot scroll, so it lists only the first few meetings
BASIS_WORDS = {  # what a date claim rests on, as the tooltip says it
    "text": "from the text",
    "page date": "read against the page date",
    "estimate": "estimated from the article's text",
}
DOUBT_COLOUR = "#b45309"

OPTIONS = {
    # Positions come from Python, so the browser draws at once instead of running a simulation.
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False, "randomSeed": LAYOUT_SEED},
    "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": True, "multiselect": False},
    "nodes": {
        "shape": "dot",
        "size": 12,
        "borderWidth": 2,
        "font": {"size": 15, "face": "system-ui, sans-serif", "strokeWidth": 4, "strokeColor": "#ffffff"},
    },
    # Straight edges: cheap to draw, and the middle of an edge is the middle of the line between its people.
    "edges": {"smooth": False, "hoverWidth": 1.5, "selectionWidth": 1.5},
}


def script_json(value: object) -> str:
    """JSON that is safe inside a <script> element: no "<", ">" or "&" can end the script or open a comment.

    >>> script_json({"name": "</script><b>"})
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(value, sort_keys=True, ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def meeting_info(graph: nx.MultiDiGraph, meeting_id: str) -> dict:
    """What a tooltip says of one meeting: label, status, place, date_text, date, date_conflict, date_claims, and each
    evidence sentence with the titles of the articles that state it.

    `date` is the date the trusted claims agree on, and is None when they conflict. `date_claims` lists each claim as
    {interval, text, basis, basis_words, uncertain, source}, `source` being the cited title of its article; the page
    lists them when there is no agreed date."""
    data = graph.nodes[meeting_id]
    edges = graph.out_edges(meeting_id, data="relation")
    places = sorted({graph.nodes[target]["label"] for _, target, relation in edges if relation == "located_in"})
    sources: dict[str, list[str]] = {}
    for _, article, edge in sorted(graph.out_edges(meeting_id, data=True), key=lambda e: (e[1], e[2]["start"])):
        if edge["relation"] == "reported_by":
            titles = sources.setdefault(edge["sentence"], [])
            title = article_title(graph, article)
            if title not in titles:  # two reports in one sentence of one article cite it once
                titles.append(title)
    conflict = bool(data.get("date_conflict"))
    claims = [
        {"interval": interval, "text": text, "basis": basis, "basis_words": BASIS_WORDS.get(basis, basis),
         "uncertain": bool(uncertain), "source": article_title(graph, article) if article in graph else article}
        for article, text, interval, _granularity, basis, uncertain in data.get("date_claims") or ()
    ]
    return {
        "label": data["label"],
        "status": data["status"],
        "place": ", ".join(places) or None,
        "date_text": data.get("date_text"),
        "date": None if conflict else data.get("date"),
        "date_conflict": conflict,
        "date_claims": claims,
        "evidence": [{"sentence": sentence, "sources": titles} for sentence, titles in sources.items()],
    }


def doubtful_articles(graph: nx.MultiDiGraph, meeting_ids: list[str]) -> list[dict]:
    """The articles cited for these meetings whose page date is doubtful, as {source, estimate, note}: `source` is
    the cited title (as in a meeting's evidence), `note` what the page says of the article's date."""
    cited = set()
    for meeting_id in meeting_ids:
        cited.update(article for _, article, relation in graph.out_edges(meeting_id, data="relation")
                     if relation == "reported_by")
        cited.update(claim[0] for claim in graph.nodes[meeting_id].get("date_claims") or () if claim[0] in graph)
    doubtful: dict[str, dict] = {}
    for article in sorted(cited):
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
    """vis-network style of a line between two people: solid when they met, dashed otherwise, wider for more meetings.

    >>> edge_style(["possible", "held"], 2)
    {'color': {'color': '#1f5fa8', 'highlight': '#1f5fa8', 'hover': '#1f5fa8'}, 'dashes': False, 'width': 3.5}
    """
    status = min(statuses, key=STATUSES.index)  # the firmest status decides: a held meeting outweighs a planned one
    colour = STATUS_COLOURS[status]
    return {
        "color": {"color": colour, "highlight": colour, "hover": colour},
        "dashes": status != "held",
        "width": min(2.0 + 1.5 * (meetings - 1), 9.0),
    }


def layout_people(people: nx.Graph, *, seed: int = LAYOUT_SEED) -> dict[str, tuple[float, float]]:
    """Pixel positions: each group of connected people is laid out on its own, and the groups are packed in rows,
    largest first, so small groups do not drift to the edges of one big layout."""
    groups = sorted((sorted(group) for group in nx.connected_components(people)), key=lambda g: (-len(g), g[0]))
    placed = [_group_layout(people, group, seed) for group in groups]
    widths = [2 * radius + GROUP_GAP for _, radius in placed]
    # Rows about 1.6 times as wide as a square of the same area suit a landscape screen.
    row_limit = max([0.0, *widths, 1.6 * math.sqrt(sum(w * w for w in widths))])
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for (group_positions, _), width in zip(placed, widths):
        if x > 0 and x + width > row_limit:
            x, y, row_height = 0.0, y + row_height, 0.0
        for person, (px, py) in group_positions.items():
            positions[person] = (round(x + width / 2 + px, 1), round(y + width / 2 + py, 1))
        x += width
        row_height = max(row_height, width)
    return positions


def _group_layout(people: nx.Graph, group: list[str], seed: int) -> tuple[dict, float]:
    """Positions of one connected group around (0, 0), and the group's radius."""
    if len(group) == 1:
        return {group[0]: (0.0, 0.0)}, NODE_SPACING / 2
    # A sorted copy: the layout depends on node and edge order, which must not depend on how the graph was built.
    ordered = nx.Graph()
    ordered.add_nodes_from(group)
    ordered.add_edges_from(sorted(tuple(sorted(edge)) for edge in people.subgraph(group).edges))
    radius = NODE_SPACING * math.sqrt(len(group)) / 2
    if len(group) >= 500 and importlib.util.find_spec("scipy") is None:
        # networkx needs scipy to lay out 500 or more nodes; a circle keeps the page working without it.
        positions = nx.circular_layout(ordered, scale=radius)
    else:
        positions = nx.spring_layout(ordered, seed=seed, scale=radius)
    return {person: (float(px), float(py)) for person, (px, py) in positions.items()}, radius


def to_network(graph: nx.MultiDiGraph) -> tuple[Network, dict[str, dict]]:
    """The who-met-whom network of people (pyvis) and the tooltip facts of every meeting on it, by meeting id."""
    people = people_who_met(graph, statuses=STATUSES)
    positions = layout_people(people)
    meetings = {meeting_id: meeting_info(graph, meeting_id)
                for meeting_id in sorted({m for _, _, ids in people.edges(data="meetings") for m in ids})}
    # directed=True only skips pyvis's duplicate-edge scan, which is quadratic; each pair is one edge already.
    network = Network(directed=True)
    for person in sorted(people):
        data = people.nodes[person]
        attended = sorted({m for other in people[person] for m in people[person][other]["meetings"]})
        network.add_node(person, label=data["label"], color=PERSON_COLOUR, x=positions[person][0],
                         y=positions[person][1], size=min(10 + 2 * len(attended), 26),
                         aliases=list(data.get("aliases", ())), meetings=attended)
    for a, b in sorted(tuple(sorted(edge)) for edge in people.edges):
        ids = sorted(people[a][b]["meetings"])
        network.add_edge(a, b, arrows={"to": {"enabled": False}}, meetings=ids,
                         **edge_style([meetings[m]["status"] for m in ids], len(ids)))
    return network, meetings


def to_html(graph: nx.MultiDiGraph) -> str:
    """The page as a string: the same graph always gives the same bytes."""
    network, meetings = to_network(graph)
    by_status = {status: sum(m["status"] == status for m in meetings.values()) for status in STATUSES}
    articles = {source for m in meetings.values() for evidence in m["evidence"] for source in evidence["sources"]}
    doubtful = doubtful_articles(graph, sorted(meetings))
    doubted = sum(entry["source"] in articles for entry in doubtful)
    environment = jinja2.Environment(autoescape=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    return environment.from_string(PAGE).render(
        vis_css=Markup((VIS_DIR / "vis-network.css").read_text(encoding="utf-8")),
        vis_js=Markup((VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")),
        data=Markup(script_json({"nodes": network.nodes, "edges": network.edges, "meetings": meetings,
                                 "doubtful": doubtful, "options": OPTIONS, "maxTipMeetings": MAX_TIP_MEETINGS})),
        people=len(network.nodes),
        meetings=len(meetings),
        by_status=", ".join(f"{count} {status}" for status, count in by_status.items() if count),
        articles=len(articles),
        doubtful=("1 article with a doubtful date" if doubted == 1 else f"{doubted} articles with doubtful dates")
        if doubted else "",
        colours=STATUS_COLOURS,
        doubt_colour=DOUBT_COLOUR,
    )


def write_html(graph: nx.MultiDiGraph, path: Path) -> Path:
    """Write the page to `path`; it needs no other file and no network."""
    return write_text_atomic(path, to_html(graph))


PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Who met whom</title>
<style>{{ vis_css }}</style>
<style>
html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; color: #1f2933; }
body { display: flex; flex-direction: column; }
header { padding: 10px 18px 8px; border-bottom: 1px solid #d9dee3; display: flex; flex-wrap: wrap;
         align-items: baseline; gap: 6px 28px; }
h1 { font-size: 20px; margin: 0; }
.counts, .hint { margin: 0; font-size: 14px; color: #52606d; }
.legend { display: flex; gap: 18px; margin: 0; padding: 0; list-style: none; font-size: 14px; }
.legend li { display: flex; align-items: center; gap: 6px; }
.legend .line { display: inline-block; width: 34px; }
#network { flex: 1; min-height: 300px; }
.empty { padding: 24px 18px; }
div.vis-tooltip { white-space: normal; max-width: 40em; font-family: system-ui, sans-serif; font-size: 13px;
                  background: #ffffff; border-color: #9aa5b1; padding: 8px 10px; }
.tip-head { font-weight: 600; font-size: 14px; margin-bottom: 4px; }
.tip-aliases, .tip-facts, .tip-source, .tip-more { color: #52606d; }
.tip-meeting { border-top: 1px solid #e4e7eb; padding-top: 4px; margin-top: 4px; }
.tip-status { font-size: 12px; padding: 0 5px; border-radius: 3px; color: #ffffff; margin-left: 6px; }
{% for status, colour in colours.items() %}.tip-{{ status }} { background: {{ colour }}; }
{% endfor %}.tip-sentence { margin: 4px 0 0 0; font-style: italic; }
.doubt, .tip-doubt, .tip-disputed { color: {{ doubt_colour }}; }
.tip-doubt { font-size: 12px; font-weight: 600; white-space: nowrap; }
.tip-disputed { font-weight: 600; }
.tip-claims { margin: 2px 0 0 0; padding-left: 18px; color: #52606d; }
.tip-interval { font-weight: 600; color: #1f2933; }
.tip-claim-uncertain .tip-interval { font-weight: normal; color: #7b8794; }
.tip-uncertain { font-size: 12px; padding: 0 4px; border-radius: 3px; border: 1px solid {{ doubt_colour }}; }
.tip-notes { border-top: 1px solid #e4e7eb; margin-top: 6px; padding-top: 4px; font-size: 12px; color: #52606d; }
</style>
</head>
<body>
<header>
<h1>Who met whom</h1>
<p class="counts">{{ people }} people &middot; {{ meetings }} meetings{% if by_status %} ({{ by_status }}){% endif %}
 &middot; {{ articles }} articles
{%- if doubtful %} &middot; <span class="doubt">&#9888; {{ doubtful }}</span>{% endif %}</p>
<ul class="legend">
{% for status, colour in colours.items() -%}
<li><span class="line" style="border-top: 3px {{ 'solid' if status == 'held' else 'dashed' }} {{ colour }};"></span>
{{- status }}</li>
{% endfor %}</ul>
<p class="hint">Hover a line or a name for the meetings and the sentences that report them.</p>
</header>
{% if people %}<div id="network"></div>{% else %}<p class="empty">No meetings between people were found.</p>{% endif %}
<script>{{ vis_js }}</script>
<script>
"use strict";
var DATA = {{ data }};

// Tooltips are DOM elements filled with textContent: names and sentences come from articles and must stay text.
function element(tag, className, text) {
  var node = document.createElement(tag);
  node.className = className;
  if (text) node.textContent = text;
  return node;
}

// Cited titles are article text: a Map, not an object, so no title can name a property such as "__proto__".
var DOUBTFUL = new Map(DATA.doubtful.map(function (entry) { return [entry.source, entry]; }));
var DOUBT_MARK = "\\u26a0 page date doubtful";

// The cited titles after a dash, each doubtful one marked; `noted` collects those for the tooltip's notes.
function sources(className, prefix, titles, noted) {
  var line = element("div", className, prefix);
  titles.forEach(function (title, index) {
    if (index) line.append("; ");
    line.append(title);
    if (DOUBTFUL.has(title)) {
      line.append(" ", element("span", "tip-doubt", DOUBT_MARK));
      noted.add(title);
    }
  });
  return line;
}

function claimItem(claim, noted) {
  var item = element("li", claim.uncertain ? "tip-claim tip-claim-uncertain" : "tip-claim");
  item.append(element("span", "tip-interval", claim.interval));
  var how = (claim.text ? " \\u201c" + claim.text + "\\u201d" : "") + ", " + claim.basis_words;
  item.append(how);
  if (claim.uncertain) item.append(", ", element("span", "tip-uncertain", "uncertain"));
  item.append(sources("tip-claim-source", "\\u2014 ", [claim.source], noted));
  return item;
}

function meetingBlock(meetingId, noted) {
  var meeting = DATA.meetings[meetingId];
  var block = element("div", "tip-meeting");
  var head = element("div", "tip-title");
  var status = element("span", "tip-status tip-" + meeting.status, meeting.status);
  head.append(element("strong", "", meeting.label), status);
  block.append(head);
  // Only an agreed date is "When"; without one, the claims are listed, each with what it rests on.
  var claims = meeting.date ? [] : meeting.date_claims;
  var when = meeting.date ? meeting.date + (meeting.date_text ? " (\\u201c" + meeting.date_text + "\\u201d)" : "")
                          : !claims.length && meeting.date_text;
  var facts = [meeting.place && "Place: " + meeting.place, when && "When: " + when];
  facts = facts.filter(Boolean);
  if (facts.length) block.append(element("div", "tip-facts", facts.join(" \\u00b7 ")));
  if (claims.length) {
    block.append(element("div", meeting.date_conflict ? "tip-date tip-disputed" : "tip-date tip-facts",
                         meeting.date_conflict ? "Date disputed" : "Date not settled"));
    var list = element("ul", "tip-claims");
    claims.forEach(function (claim) { list.append(claimItem(claim, noted)); });
    block.append(list);
  }
  // Sentences from the same articles in a row are cited once, after the last of them.
  meeting.evidence.forEach(function (evidence, index) {
    block.append(element("p", "tip-sentence", "\\u201c" + evidence.sentence + "\\u201d"));
    var next = meeting.evidence[index + 1];
    if (!next || next.sources.join("\\n") !== evidence.sources.join("\\n")) {
      block.append(sources("tip-source", "\\u2014 ", evidence.sources, noted));
    }
  });
  return block;
}

function tooltip(heading, aliases, meetingIds) {
  var tip = element("div", "tip");
  var noted = new Set();
  tip.append(element("div", "tip-head", heading));
  if (aliases.length) tip.append(element("div", "tip-aliases", "Also: " + aliases.join(", ")));
  meetingIds.slice(0, DATA.maxTipMeetings).forEach(function (meetingId) {
    tip.append(meetingBlock(meetingId, noted));
  });
  var more = meetingIds.length - DATA.maxTipMeetings;
  if (more > 0) tip.append(element("div", "tip-more", "and " + more + " more"));
  if (noted.size) {
    var notes = element("div", "tip-notes");
    noted.forEach(function (title) {
      var note = element("div", "tip-note");
      note.append(element("span", "tip-doubt", "\\u26a0"), " " + title + ": page date doubtful; "
                  + DOUBTFUL.get(title).note);
      notes.append(note);
    });
    tip.append(notes);
  }
  return tip;
}

var labels = {};
DATA.nodes.forEach(function (node) {
  labels[node.id] = node.label;
  node.title = tooltip(node.label, node.aliases, node.meetings);
});
DATA.edges.forEach(function (edge) {
  edge.title = tooltip(labels[edge.from] + " \\u2014 " + labels[edge.to], [], edge.meetings);
});

var nodes = new vis.DataSet(DATA.nodes);
var edges = new vis.DataSet(DATA.edges);
var network = null;
var container = document.getElementById("network");
if (container) {
  network = new vis.Network(container, {nodes: nodes, edges: edges}, DATA.options);
  network.fit();
}
</script>
</body>
</html>
"""
