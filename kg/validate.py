"""rdflib.Graph in the kg vocabulary -> the ways it breaks the SHACL shapes of `ontology/shapes.ttl` (pyshacl).

`validate` gives one Violation per distinct SHACL result, sorted, so the same graph always gives the same list;
`format_violations` gives them as lines for a terminal, with IRIs shortened by the prefixes kg writes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyshacl
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kg import ontology_dir
from kg.errors import KGError
from kg.vocab import PREFIXES

SHAPES = ontology_dir() / "shapes.ttl"


@dataclass(frozen=True, slots=True)
class Violation:
    """One way a resource breaks a shape.

    `focus` is the resource's IRI; `path` the property path at fault in SPARQL syntax with the prefixes kg writes
    ("kg:participant", "^kg:holds", "kg:participation/kg:agent"), or None when the resource as a whole is at fault;
    `severity` is "Violation", "Warning" or "Info"; `value`, when there is one, the offending value (an IRI or a
    literal's text).
    """

    focus: str
    path: str | None
    message: str
    severity: str
    value: str | None = None


def validate(rdf_graph: Graph) -> list[Violation]:
    """The violations of `ontology/shapes.ttl` in `rdf_graph`, sorted by focus, path, message and value."""
    shapes = load_shapes()
    # No inference: kg writes every rdf:type it means, and the shapes check exactly what a SPARQL user will see.
    _, results, _ = pyshacl.validate(rdf_graph, shacl_graph=shapes, inference="none", advanced=False)
    violations = {_violation(results, result) for result in results.subjects(RDF.type, SH.ValidationResult)}
    return sorted(violations, key=lambda v: (v.focus, v.path or "", v.message, v.value or "", v.severity))


def load_shapes(path: Path = SHAPES) -> Graph:
    """The shapes graph, read from `ontology/shapes.ttl` (`kg.ontology_dir`)."""
    if not path.is_file():
        raise KGError(f"{path}: no such shapes file; reinstall kg (pip install kg, or pip install -e . in its source "
                      f"tree), which puts the ontology/ folder there")
    return Graph().parse(path, format="turtle")


def format_violations(violations: Iterable[Violation]) -> str:
    """One line per violation (severity, focus, path, message, value), then a count; "no violations" if none."""
    violations = list(violations)
    lines = []
    for violation in violations:
        line = f"{violation.severity}: {shorten(violation.focus)}"
        if violation.path is not None:
            line += f" {violation.path}"
        line += f": {violation.message}"
        if violation.value is not None:
            line += f" (value: {shorten(violation.value)})"
        lines.append(line)
    count = len(violations)
    lines.append(f"{count} violation{'s' * (count != 1)}" if count else "no violations")
    return "\n".join(lines)


def shorten(iri: str) -> str:
    """`iri` as prefix:name with the prefixes kg writes, when one of them fits; anything else unchanged.

    >>> shorten("https://example.org/kg/id/person/hulusi-akar"), shorten("https://example.org/kg/ontology#Meeting")
    ('person:hulusi-akar', 'kg:Meeting')
    >>> shorten("Moscow")
    'Moscow'
    """
    # The longest namespace wins, so an IRI under two of them gets the more specific prefix.
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(str(item[1]))):
        if iri.startswith(str(namespace)) and len(iri) > len(str(namespace)):
            return f"{prefix}:{iri[len(str(namespace)):]}"
    return iri


def _violation(results: Graph, result: URIRef | BNode) -> Violation:
    messages = sorted(str(message) for message in results.objects(result, SH.resultMessage))
    severity = results.value(result, SH.resultSeverity)
    value = results.value(result, SH.value)
    return Violation(
        focus=str(results.value(result, SH.focusNode)),
        path=_path(results, results.value(result, SH.resultPath)),
        message="; ".join(messages) or "breaks " + str(results.value(result, SH.sourceConstraintComponent)),
        severity=str(severity).removeprefix(str(SH)) if severity is not None else "Violation",
        value=None if value is None else str(value) if isinstance(value, (URIRef, Literal)) else "(blank node)",
    )


def _path(results: Graph, path: Node | None) -> str | None:
    """A SHACL path as a SPARQL property path with kg's prefixes ("kg:participation/kg:agent", "^kg:holds")."""
    if path is None:
        return None
    if isinstance(path, URIRef):
        short = shorten(str(path))
        return short if short != str(path) else f"<{path}>"
    inverse = results.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + (_path(results, inverse) or "")
    if results.value(path, RDF.first) is not None:
        return "/".join(_path(results, step) or "" for step in Collection(results, path))
    return "(path)"  # kg's shapes use only predicates, inverses and sequences
