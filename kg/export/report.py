"""networkx.MultiDiGraph (see kg/graph.py) -> report.md: what a build read and skipped, and what it found, in words.

The meetings with their people, sources and the rules that read them; articles whose page date is doubtful; meetings
whose reports disagree on the date; names whose kind the article changed; names merged, with why; the blocs of
the people who met, and the brokers between them (kg/blocs.py).
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx

from kg.blocs import METHOD, bloc_list, brokers
from kg.graph import build_counts
from kg.ingest import Skipped


def to_report(graph: nx.MultiDiGraph, articles: int, skipped: Sequence[Skipped]) -> str:
    """A short Markdown report: what was read and skipped, and what was found."""
    kinds: dict[str, list[str]] = {}
    for node, data in sorted(graph.nodes(data=True)):
        kinds.setdefault(data["kind"], []).append(node)
    lines = ["# kg build report", "", f"- articles read: {articles}", f"- articles skipped: {len(skipped)}"]
    lines += [f"  - {s.reason}" for s in skipped]
    lines += [f"- {label}: {text}" for label, text in build_counts(graph)]  # as the page's header and the summary
    meetings = kinds.get("Meeting", [])
    lines += ["", "## Meetings", ""]
    for meeting in meetings:
        data = graph.nodes[meeting]
        people = sorted(graph.nodes[v]["label"] for _, v, rel in graph.out_edges(meeting, data="relation")
                        if rel == "participant")
        sources = sorted({graph.nodes[v]["label"] for _, v, rel in graph.out_edges(meeting, data="relation")
                          if rel == "reported_by"})
        reads = [(d["rules"], d["confidence"]) for _, _, d in graph.out_edges(meeting, data=True)
                 if d["relation"] == "reported_by" and d.get("rules")]
        rules = ", ".join(dict.fromkeys(rule for rules, _ in reads for rule in rules))
        how = f"; rules: {rules} (confidence {max(c for _, c in reads)})" if reads else ""
        when = f", {data['date']}" if data.get("date") else (", date disputed" if data.get("date_conflict") else "")
        lines.append(f"- {data['label']} ({data['status']}{when}): {', '.join(dict.fromkeys(people))}; "
                     f"sources: {' | '.join(sources)}{how}")
    if blocs := bloc_list(graph):
        lines += ["", "## Blocs", "", f"Communities of the people who met ({METHOD}), each named by its most "
                  f"connected people; brokers join blocs that would otherwise not meet.", ""]
        lines += [f"- bloc {number} ({size} people): {name}" for number, name, size in blocs if size > 2]
        pairs = sum(1 for *_, size in blocs if size <= 2)
        if pairs:
            lines.append(f"- and {pairs} pairs that met no one else")
        lines += ["", "Brokers (highest betweenness): " + (", ".join(
            f"{graph.nodes[p]['label']} ({graph.nodes[p]['betweenness']})" for p in brokers(graph)) or "none")]
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
    changed = [(d["title"], change) for _, d in sorted(graph.nodes(data=True)) if d["kind"] == "Article"
               for change in d.get("kind_changes", ())]
    if changed:
        lines += ["", "## Names whose kind their article decides against the tagger", ""]
        lines += [f"- {name} → {kind} ({reason}), in \"{title}\"" for title, (name, kind, reason) in changed]
    merges = [(graph.nodes[n]["label"], m) for n in sorted(graph) for m in graph.nodes[n].get("merges", ())]
    if merges:
        lines += ["", "## Merged names", ""] + [f"- {merge}" for _, merge in merges]
    return "\n".join(lines) + "\n"
