"""build(): the one place that calls the stages in order, from paths to written files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import networkx as nx

from kg.dating import date_article
from kg.errors import KGError
from kg.export import write_text_atomic
from kg.export.csv import write_who_met_whom_csv
from kg.export.graphml import write_graphml
from kg.export.html import write_html
from kg.export.jsonld import write_jsonld
from kg.export.rdf import write_turtle
from kg.extract import extract
from kg.graph import build_graph
from kg.ingest import Skipped, read_articles
from kg.nlp import DEFAULT_MODEL, load_model, parse_articles
from kg.resolve import resolve

EXPORTERS = {
    "graph.ttl": write_turtle,  # for SPARQL (kg query, kg serve)
    "graph.html": write_html,  # the who-met-whom page
    "graph.jsonld": write_jsonld,  # the same RDF for JSON tools
    "graph.graphml": write_graphml,  # for Gephi
    "who_met_whom.csv": write_who_met_whom_csv,  # one row per pair of people per meeting
}


@dataclass(frozen=True, slots=True)
class BuildResult:
    graph: nx.MultiDiGraph
    articles: int
    skipped: tuple[Skipped, ...]
    written: tuple[Path, ...]


def build(paths: Sequence[str | Path], *, out_dir: Path, model: str = DEFAULT_MODEL, n_process: int = 1) -> BuildResult:
    """Read, parse, extract, resolve, build the graph and write every EXPORTERS file and report.md into `out_dir`."""
    articles, skipped = read_articles(paths)
    if not articles:
        reasons = "; ".join(f"{s.source}: {s.reason}" for s in skipped) or "no .txt, .html or .jsonl files"
        raise KGError(f"no article could be read from {', '.join(map(str, paths))} ({reasons})")
    nlp = load_model(model)
    extractions = [replace(extract(doc, article), dating=date_article(doc, article))
                   for article, doc in parse_articles(nlp, articles, n_process=n_process)]
    resolution = resolve(extractions)
    graph = build_graph(extractions, resolution.entities, resolution.meetings, resolution.mention_entity,
                        resolution.redated)
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
        when = f", {data['date']}" if data.get("date") else (", date disputed" if data.get("date_conflict") else "")
        lines.append(f"- {data['label']} ({data['status']}{when}): {', '.join(dict.fromkeys(people))}; "
                     f"sources: {' | '.join(sources)}")
    redated = [(n, d) for n, d in sorted(graph.nodes(data=True)) if d["kind"] == "Article" and d.get("redated")]
    if redated:
        lines += ["", "## Articles whose page date is doubtful", ""]
        for _, data in redated:
            lines.append(f"- {data['title']} (page date {data['published']}): {data['redated']}")
            lines += [f"  - \"{text}\": {reading}" for text, reading, _ in data.get("date_clues", ())]
    conflicts = [m for m in meetings if graph.nodes[m].get("date_conflict")]
    if conflicts:
        lines += ["", "## Meetings whose reports disagree on the date", ""]
        for meeting in conflicts:
            lines.append(f"- {graph.nodes[meeting]['label']}:")
            for article, text, interval, _, basis, uncertain in graph.nodes[meeting]["date_claims"]:
                said = f"\"{text}\" " if text else ""
                doubt = ", uncertain" if uncertain else ""
                lines.append(f"  - {said}{interval} ({basis}{doubt}), {graph.nodes[article]['label']}")
    merges = [(graph.nodes[n]["label"], m) for n in sorted(graph) for m in graph.nodes[n].get("merges", ())]
    if merges:
        lines += ["", "## Merged names", ""] + [f"- {merge}" for _, merge in merges]
    return "\n".join(lines) + "\n"
