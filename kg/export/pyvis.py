"""networkx.MultiDiGraph (see kg/graph.py) -> a pyvis Network of who met whom, for notebooks.

    from kg.export.pyvis import to_network, offline_html
    net = to_network(result.graph)         # people joined by the meetings they shared
    net.show("who.html", notebook=True)     # or restyle it with pyvis's own API first
    Path("who.html").write_text(offline_html(net))   # a file that needs no network

The nodes are the people of the page's people view (kg/export/html.py), with its positions (computed here, physics
off), its bloc colours and its line styles by status; titles are plain text (pyvis shows them as tooltips). The
command line writes its own page instead (`kg build`, graph.html): it is self-contained and fast on 15,000 nodes,
where pyvis adds nodes one at a time, checking each against all before it, and its template loads Bootstrap and
vis-network from CDNs. `offline_html` inlines vis-network and drops the CDN links, so the file opens with no network.
"""

from __future__ import annotations

import re

import networkx as nx
from pyvis.network import Network

from kg.export.html import MAX_LINES, MAX_NODES, STATUS_COLOURS, meeting_info, people_view
from kg.graph import who_met_whom
from kg.records import STATUSES

# A <link> or <script> that loads from the network, as pyvis's template writes them.
REMOTE = re.compile(r"<link[^>]*href=\"https?://[^\"]*\"[^>]*/?>|<script[^>]*src=\"https?://[^\"]*\"[^>]*>\s*</script>",
                    re.S)


def to_network(graph: nx.MultiDiGraph, *, max_nodes: int = MAX_NODES, max_lines: int = MAX_LINES) -> Network:
    """The people of held, planned, possible or cancelled meetings, joined by the meetings they shared."""
    attendees, pairs = who_met_whom(graph, STATUSES)
    meetings = {m: meeting_info(graph, m) for m in sorted({m for ids in pairs.values() for m in ids})}
    view = people_view(graph, attendees, pairs, meetings, max_nodes=max_nodes, max_lines=max_lines)
    net = Network(height="750px", width="100%", cdn_resources="in_line")
    net.toggle_physics(False)
    for node in view["nodes"]:
        data = graph.nodes[node["id"]]
        bloc = f"\nbloc {data['bloc']}: {data['bloc_name']}" if data.get("bloc") is not None else ""
        net.add_node(node["id"], label=node["label"], x=node["x"], y=node["y"], size=node["size"],
                     title=f"{node['label']}{bloc}", **({"color": node["color"]} if "color" in node else {}))
    for edge in view["edges"]:
        labels = [f"{meetings[m]['label']} ({meetings[m]['status']})" for m in edge["meetings"]]
        net.add_edge(edge["from"], edge["to"], title="\n".join(labels), width=edge["width"],
                     color=STATUS_COLOURS[edge["status"]], dashes=edge["status"] != "held")
    return net


def offline_html(net: Network) -> str:
    """The network's page with vis-network inlined and every CDN link dropped: it opens with no network."""
    return REMOTE.sub("", net.generate_html())
