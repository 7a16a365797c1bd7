"""build(): the one place that calls the stages in order, from paths to written files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from kg.errors import KGError
from kg.export import write_text_atomic
from kg.export.html import write_html
from kg.export.rdf import write_turtle
from kg.extract import extract
from kg.graph import build_graph
from kg.ingest import Skipped, read_articles
from kg.nlp import DEFAULT_MODEL, load_model, parse_articles
from kg.resolve import resolve

EXPORTERS = {"graph.ttl": write_turtle, "graph.html": write_html}


@dataclass(frozen=True, slots=True)
class BuildResult:
    graph: nx.MultiDiGraph
    articles: int
    skipped: tuple[Skipped, ...]
    written: tuple[Path, ...]


def build(paths: Sequence[str | Path], *, out_dir: Path, model: str = DEFAULT_MODEL, n_process: int = 1) -> BuildResult:
    """Read, parse, extract, resolve, build the graph and write graph.ttl, graph.html and report.md into `out_dir`."""
    articles, skipped = read_articles(paths)
    if not articles:
        reasons = "; ".join(f"{s.source}: {s.reason}" for s in skipped) or "no .txt, .html or .jsonl files"
        raise KGError(f"no article could be read from {', '.join(map(str, paths))} ({reasons})")
    nlp = load_model(model)
    extractions = [extract(doc, article) for article, doc in parse_articles(nlp, articles, n_process=n_process)]
    resolution = resolve(extractions)
    graph = build_graph(extractions, resolution.entities, resolution.meetings, resolution.mention_entity)
    written = [writer(graph, out_dir / name) for name, writer in EXPORTERS.items()]
    written.append(write_text_atomic(out_dir / "report.md", to_report(graph, len(articles), skipped)))
    return BuildResult(graph, len(articles), tuple(skipped), tuple(written))


def to_report(graph: nx.MultiDiGraph, articles: int, skipped: Sequence[Skipped]) -> str:
    """A short Markdown report: what was read and skipped, and what was found."""
    kinds: dict[str, list[str]] = {}
    for node, data in sorted(graph.nodes(data=True)):
        kinds.setdefault(data["kind"], []).append(node)
    lines = ["# kg build report", "", f"- articles read: {articles}", f"- articles skipped: {len(skipped)}"]
    lines += [f"  - {s.source}: {s.reason}" for s in skipped]
    for kind, title in (("Person", "people"), ("Organisation", "organisations"), ("Country", "countries"),
                        ("Place", "places")):
        lines.append(f"- {title}: {len(kinds.get(kind, []))}")
    meetings = kinds.get("Meeting", [])
    lines += [f"- meetings: {len(meetings)}", "", "## Meetings", ""]
    for meeting in meetings:
        data = graph.nodes[meeting]
        people = sorted(graph.nodes[v]["label"] for _, v, rel in graph.out_edges(meeting, data="relation")
                        if rel == "participant")
        sources = sorted({graph.nodes[v]["label"] for _, v, rel in graph.out_edges(meeting, data="relation")
                          if rel == "reported_by"})
        when = f", {data['date_text']}" if data["date_text"] else ""
        lines.append(f"- {data['label']} ({data['status']}{when}): {', '.join(dict.fromkeys(people))}; "
                     f"sources: {' | '.join(sources)}")
    merges = [(graph.nodes[n]["label"], m) for n in sorted(graph) for m in graph.nodes[n].get("merges", ())]
    if merges:
        lines += ["", "## Merged names", ""] + [f"- {merge}" for _, merge in merges]
    return "\n".join(lines) + "\n"
