"""Blocs and brokers of the who-met-whom graph: who meets within a camp, and who meets across camps.

A bloc is a community of the people joined by held meetings (`kg.graph.people_who_met`), found by the Louvain method
of networkx with a fixed seed, the edges weighted by the number of meetings two people shared: the same graph always
gives the same blocs. Blocs are numbered by size (largest first, ties by their first member's id) and named by their
most connected people. A broker is a person on many of the shortest paths between others (betweenness centrality):
the people who join blocs that would otherwise not meet.

`annotate_blocs` writes on each Person node that met someone: `bloc` (int, 1 = the largest), `bloc_name` (its most
connected people, "A, B, C"), `bloc_size` (int) and `betweenness` (float, normalised, rounded to 4 places). The nodes
carry it all, so a copy of the graph's nodes is a copy of its blocs; `bloc_list` reads them back.
"""

from __future__ import annotations

import networkx as nx

SEED = 2026  # Louvain's seed: fixed, so blocs are reproducible; changing it may change them
METHOD = f"Louvain communities (networkx), meetings as weights, seed {SEED}"
NAMED_BY = 3  # a bloc is named by this many of its most connected people
BROKERS = 10  # the people with the highest betweenness the report lists


def annotate_blocs(graph: nx.MultiDiGraph, people: nx.Graph) -> None:
    """Mark each person who met someone with their bloc (number, name, size) and betweenness. `people` is
    `kg.graph.people_who_met(graph)`; it is changed (edge weights)."""
    for _, _, data in people.edges(data=True):
        data["weight"] = len(data["meetings"])
    communities = nx.community.louvain_communities(people, weight="weight", seed=SEED)
    ordered = sorted((sorted(c) for c in communities), key=lambda members: (-len(members), members[0]))
    betweenness = nx.betweenness_centrality(people, normalized=True)
    for number, members in enumerate(ordered, start=1):
        leaders = sorted(members, key=lambda p: (-people.degree(p, weight="weight"), p))[:NAMED_BY]
        name = ", ".join(graph.nodes[p]["label"] for p in leaders)
        for person in members:
            graph.nodes[person].update(bloc=number, bloc_name=name, bloc_size=len(members),
                                       betweenness=round(betweenness[person], 4))


def bloc_list(graph: nx.MultiDiGraph) -> list[tuple[int, str, int]]:
    """(number, name, size) of every bloc, largest first."""
    blocs = {data["bloc"]: (data["bloc"], data["bloc_name"], data["bloc_size"])
             for _, data in graph.nodes(data=True) if data.get("bloc") is not None}
    return [blocs[number] for number in sorted(blocs)]


def brokers(graph: nx.MultiDiGraph, count: int = BROKERS) -> list[str]:
    """The people with the highest betweenness (above zero), most first; ties by id."""
    scored = [(data["betweenness"], node) for node, data in graph.nodes(data=True)
              if data.get("betweenness", 0) > 0]
    return [node for _, node in sorted(scored, key=lambda pair: (-pair[0], pair[1]))[:count]]
