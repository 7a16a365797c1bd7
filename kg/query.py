"""SPARQL over an exported graph: a Turtle file and a query (text or a .rq file) -> variable names and rows of strings.

`run_query` reads and checks both inputs, `format_rows` turns the result into a text table, CSV or JSON. The prefixes
bound in the Turtle file (kg, person, schema, ...) are available to the query without PREFIX lines.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from pyparsing import ParseException
from rdflib import Graph
from rdflib.plugins.parsers.notation3 import BadSyntax
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query

from kg.errors import KGError, QueryError

Format = Literal["table", "csv", "json"]
FORMATS: tuple[Format, ...] = ("table", "csv", "json")
Row = tuple[str | None, ...]


def run_query(graph_path: Path, query: str | Path) -> tuple[list[str], list[Row]]:
    """The variable names and rows of a SELECT (or ASK) query over the Turtle file at `graph_path`.

    `query` is SPARQL text or the path of a .rq file. Values are their lexical form (an IRI's full text, a literal's
    text); an unbound value is None. An ASK query gives one variable, "ask", and one row, "true" or "false".
    """
    text = load_query(query)
    rdf_graph = read_graph(graph_path)
    prepared = parse_query(text, namespaces=dict(rdf_graph.namespaces()))
    kind = prepared.algebra.name
    if kind not in ("SelectQuery", "AskQuery"):
        raise QueryError(f"query: a {kind.removesuffix('Query').upper()} query gives a graph, not rows; use SELECT or ASK")
    try:
        result = rdf_graph.query(prepared)
        if kind == "AskQuery":
            return ["ask"], [("true" if result.askAnswer else "false",)]
        rows = [tuple(None if value is None else str(value) for value in row) for row in result]
    except Exception as err:  # rdflib raises plain Exceptions while evaluating (unknown functions, bad arguments)
        raise QueryError(f"query: cannot be run ({err})") from err
    return [str(variable) for variable in result.vars], rows


def load_query(text_or_path: str | Path) -> str:
    """The text of a query given as a Path or a string ending in ".rq" (a file to read), or as SPARQL text itself.

    >>> load_query("SELECT * WHERE { ?s ?p ?o }")
    'SELECT * WHERE { ?s ?p ?o }'
    """
    if not isinstance(text_or_path, Path) and not text_or_path.strip().endswith(".rq"):
        return text_or_path
    path = Path(text_or_path.strip()) if isinstance(text_or_path, str) else text_or_path
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise QueryError(f"{path}: no such query file; give a .rq file or the text of a SPARQL query") from err
    except (OSError, UnicodeDecodeError) as err:
        raise QueryError(f"{path}: cannot read the query ({err})") from err


def read_graph(path: Path) -> Graph:
    """The RDF graph in the Turtle file at `path`."""
    try:
        return Graph().parse(path, format="turtle")
    except FileNotFoundError as err:
        raise KGError(f"{path}: no such graph file; give the .ttl file that `kg build` wrote") from err
    except BadSyntax as err:
        # BadSyntax counts lines from 0.
        reason = getattr(err, "_why", "bad syntax")
        raise KGError(f"{path}:{err.lines + 1}: not valid Turtle ({reason}); expected a graph written by `kg build`") from err
    except (OSError, UnicodeDecodeError) as err:
        raise KGError(f"{path}: cannot read the graph ({err})") from err


def parse_query(text: str, *, namespaces: dict[str, str] | None = None) -> Query:
    """The query `text` parsed and checked; `namespaces` gives prefixes the query may use without declaring them."""
    try:
        return prepareQuery(text, initNs=namespaces or {})
    except ParseException as err:
        pointer = " " * (err.col - 1) + "^"
        raise QueryError(f"query line {err.lineno}, column {err.col}: {err.msg}\n  {err.line}\n  {pointer}") from err
    except Exception as err:  # rdflib reports an undeclared prefix and other semantic errors as plain Exceptions
        raise QueryError(f"query: {err}") from err


def format_rows(variables: Sequence[str], rows: Sequence[Row], fmt: Format) -> str:
    """The rows as an aligned text table, RFC 4180 CSV (CRLF line ends) or a JSON list of objects; None is empty/null.

    Each format ends with a line break, so the text can be printed or saved as it is.

    >>> print(format_rows(["name", "n"], [("Akar", "2"), ("al-Assad", None)], "table"), end="")
    name      n
    --------  -
    Akar      2
    al-Assad
    >>> format_rows(["name"], [('say "hi", ok',)], "csv")
    'name\\r\\n"say ""hi"", ok"\\r\\n'
    >>> print(format_rows(["name", "n"], [("Akar", None)], "json"), end="")
    [
      {
        "name": "Akar",
        "n": null
      }
    ]
    """
    if fmt == "table":
        return _table(variables, rows)
    if fmt == "csv":
        stream = io.StringIO()
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([["" if value is None else value for value in row] for row in rows])
        return stream.getvalue()
    if fmt == "json":
        return json.dumps([dict(zip(variables, row)) for row in rows], ensure_ascii=False, indent=2) + "\n"
    raise KGError(f"unknown output format {fmt!r}; expected one of {', '.join(FORMATS)}")


def _table(variables: Sequence[str], rows: Sequence[Row]) -> str:
    # Line breaks and tabs inside a value would break the columns; show each as one space.
    cells = [list(variables)] + [[re.sub(r"\s", " ", value or "") for value in row] for row in rows]
    widths = [max(_width(row[column]) for row in cells) for column in range(len(variables))]
    cells.insert(1, ["-" * width for width in widths])
    lines = ("  ".join(cell + " " * (width - _width(cell)) for cell, width in zip(row, widths)) for row in cells)
    return "".join(line.rstrip() + "\n" for line in lines)


def _width(text: str) -> int:
    """Columns `text` takes in a terminal: East Asian wide characters take two, combining marks none."""
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text
    )
