"""Paths the tests share."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Everything `kg build` writes.
OUTPUTS = {"graph.ttl", "graph.html", "graph.jsonld", "graph.graphml", "who_met_whom.csv", "report.md"}
