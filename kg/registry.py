"""Identifiers that outlive a build: every entity and meeting keeps the id (and so the IRI) it was first given.

An id made from a name ("person:akar") or from a meeting's first report changes when the corpus grows: a fuller name
turns up ("Hulusi Akar"), an article that sorts first reports the meeting too. A user who linked to the IRI would lose
it. The registry, a file in the output folder (REGISTRY), keeps for every id it gave out the evidence it was given
for: the mention ids of an entity, the report ids of a meeting. Both are an article id and a character offset, so they
are the same in every build of that article.

A node of a new build takes the registered id that shares most of its evidence (of the same kind; each registered id
goes to one node). A node that shares none keeps the id resolution made, made unique against every id ever given out.
When two registered nodes become one, the one that shares more evidence survives and the other is retired: the Turtle
says `retired owl:sameAs survivor`. An id is never given out twice: one whose articles left the build keeps its entry.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.errors import KGError

REGISTRY = ".registry.json"  # in the output folder, written with the outputs (all or none)
FORMAT = 1


@dataclass(frozen=True, slots=True)
class Registry:
    evidence: dict[str, tuple[str, ...]] = field(default_factory=dict)  # id -> the evidence it was given for, sorted
    retired: dict[str, str] = field(default_factory=dict)  # retired id -> the id that took its place


def read_registry(out_dir: Path) -> Registry:
    """The registry of the output folder `out_dir`; an empty one if there is none yet."""
    path = out_dir / REGISTRY
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Registry()
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise KGError(f"{path}: cannot read the registry of ids ({error}); no output was changed; delete it to give "
                      f"every node a new id") from None
    if not (isinstance(data, dict) and data.get("format") == FORMAT and isinstance(data.get("evidence"), dict)
            and isinstance(data.get("retired"), dict)):
        raise KGError(f"{path}: not a registry of ids of this kg (format {FORMAT}); no output was changed; delete it "
                      f"to give every node a new id")
    return Registry({node: tuple(keys) for node, keys in data["evidence"].items()}, dict(data["retired"]))


def registry_text(registry: Registry) -> str:
    """The registry as the JSON kept in the output folder: a line an id, sorted, so the same registry gives the same
    bytes and two registries diff by the ids that changed."""
    def lines(items: Mapping[str, object]) -> str:
        return ",\n".join(f"  {json.dumps(key, ensure_ascii=False)}: {json.dumps(value, ensure_ascii=False)}"
                          for key, value in sorted(items.items()))

    return (f'{{"format": {FORMAT},\n"evidence": {{\n{lines(registry.evidence)}\n}},\n'
            f'"retired": {{\n{lines(registry.retired)}\n}}}}\n')


def stable_ids(current: Mapping[str, frozenset[str]], registry: Registry) -> tuple[dict[str, str], Registry]:
    """Each node id of this build (with its evidence) -> the id it keeps, and the registry after this build.

    >>> first, registry = stable_ids({"person:akar": frozenset({"a#0", "a#40"})}, Registry())
    >>> again, registry = stable_ids({"person:hulusi-akar": frozenset({"a#0", "a#40", "b#7"})}, registry)
    >>> again, registry.evidence
    ({'person:hulusi-akar': 'person:akar'}, {'person:akar': ('a#0', 'a#40', 'b#7')})
    """
    owner = {key: node for node, keys in registry.evidence.items() for key in keys}
    overlaps = []  # (-evidence shared, registered id, id of this build)
    for node, keys in current.items():
        shared = Counter(owner[key] for key in keys if key in owner and _kind(owner[key]) == _kind(node))
        overlaps += [(-count, registered, node) for registered, count in shared.items()]
    kept: dict[str, str] = {}
    taken: set[str] = set()
    for _, registered, node in sorted(overlaps):  # most evidence first; ties by id, so the same input, the same ids
        if node not in kept and registered not in taken:
            kept[node] = registered
            taken.add(registered)
    given = set(registry.evidence) | set(registry.retired) | set(kept.values())
    waiting = set(current) - set(kept)  # ids of this build still to place: none may be taken by another node
    for node in sorted(waiting):
        stable, suffix = node, 2
        while stable in given or (stable in waiting and stable != node):
            stable, suffix = f"{node}-{suffix}", suffix + 1
        kept[node] = stable
        given.add(stable)
    retired = dict(registry.retired)
    for _, registered, node in sorted(overlaps):
        if registered not in taken and registered not in retired:
            retired[registered] = kept[node]  # its evidence now belongs to a node that kept another id
    for old in retired:  # a survivor retired since: follow the chain to the id in use
        seen = {old}
        while retired[old] in retired and retired[old] not in seen:
            seen.add(retired[old])
            retired[old] = retired[retired[old]]
    evidence = {node: keys for node, keys in registry.evidence.items() if node not in retired}
    evidence.update({kept[node]: tuple(sorted(keys)) for node, keys in current.items()})
    return kept, Registry(evidence, retired)


def renamed(graph: nx.MultiDiGraph, kept: Mapping[str, str], retired: Mapping[str, str]) -> nx.MultiDiGraph:
    """`graph` with its entity and meeting nodes under the ids they keep, each survivor with `same_as`, the ids
    retired into it (sorted)."""
    moved = {node: stable for node, stable in kept.items() if node != stable and node in graph}
    if moved:
        graph = nx.relabel_nodes(graph, moved)
    for old, survivor in sorted(retired.items()):
        if survivor in graph:
            graph.nodes[survivor]["same_as"] = (*graph.nodes[survivor].get("same_as", ()), old)
    return graph


def _kind(node_id: str) -> str:
    return node_id.partition(":")[0]
