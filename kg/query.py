"""SPARQL over an exported graph: a Turtle file and a query (text or a .rq file) -> variable names and rows of strings.

`run_query` reads and checks both inputs and answers from an in-memory Oxigraph store (pyoxigraph); `format_rows`
turns the result into a text table, CSV or JSON. The prefixes kg writes (kg, person, schema, rdfs, ...) and any others
declared in the Turtle file are available to the query without PREFIX lines; where the two differ, the file wins.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Literal

import pyoxigraph as ox

from kg.errors import KGError, QueryError
from kg.vocab import PREFIXES

Format = Literal["table", "csv", "json"]
FORMATS: tuple[Format, ...] = ("table", "csv", "json")
Form = Literal["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]
Row = tuple[str | None, ...]

# `@prefix p: <iri> .` or `PREFIX p: <iri>` at the start of a line, where Turtle writers (rdflib, Oxigraph) put them.
TURTLE_PREFIX = re.compile(rb"^[ \t]*(?:@prefix|prefix)[ \t]+([^\s:]*):[ \t]*<([^>\s]*)>", re.IGNORECASE | re.MULTILINE)
WHITESPACE = re.compile(r"\s")
# Oxigraph's SPARQL parser says "error at LINE:COLUMN: expected ..."; both count from 1, the column in characters.
QUERY_ERROR_AT = re.compile(r"error at (\d+):(\d+): (?:expected (?:one of )?)?(.*)", re.DOTALL)
# A character class in the parser's list of what it expected: ['0' ..= '9' | ...], or [_] for any character.
CHARACTER_CLASS = re.compile(r"\[(?:'(?:[^'\\]|\\.)*'|[^\]'])*\]")
# Comments, IRIs and strings (skipped: they may hold colons), prefix declarations, and prefixed names in use.
QUERY_TOKEN = re.compile(
    r"(?P<skip>#[^\n]*|<[^<>\"{}|^`\\\s]*>"
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*')"
    r"|(?P<declaration>(?i:prefix)\s+(?P<declared>[^\W\d_][\w.-]*)?:)"
    r"|(?<![\w?$:.-])(?P<used>[^\W\d_][\w.-]*)?:"
    r"|(?<![\w?$])[?$](?P<variable>\w+)"
)
# What may come before the query form: blank space, comments, PREFIX and BASE declarations.
PROLOG = re.compile(r"(?:\s+|#[^\n]*|(?i:prefix)\s+(?:[^\W\d_][\w.-]*)?:\s*<[^<>\s]*>|(?i:base)\s*<[^<>\s]*>)*")


def run_query(graph_path: Path, query: str | Path) -> tuple[list[str], list[Row]]:
    """The variable names and rows of a SELECT (or ASK) query over the Turtle file at `graph_path`.

    `query` is SPARQL text or the path of a .rq file. Values are their lexical form (an IRI's full text, a literal's
    text); an unbound value is None. An ASK query gives one variable, "ask", and one row, "true" or "false".
    Rows come in the query's ORDER BY order; without one, in the engine's order, which is the same for the same file.
    """
    text = load_query(query)
    store, prefixes = read_graph(graph_path)
    result = _evaluate(store, text, prefixes)
    if isinstance(result, ox.QueryBoolean):
        return ["ask"], [("true" if result else "false",)]
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError(f"query: a {_graph_form(text)} query gives a graph, not rows; use SELECT or ASK, or give "
                         f"--out FILE to write its graph as Turtle")
    variables = [variable.value for variable in result.variables]
    try:
        # By position: three times faster than by name on 23,000 rows of six values.
        rows = [tuple(None if term is None else _lexical(term) for term in solution) for solution in result]
    except (OSError, RuntimeError, ValueError) as err:  # raised while evaluating: unknown functions, SERVICE calls
        raise QueryError(f"query: cannot be run ({err})") from err
    if re.match(r"SELECT\s+(?:(?:DISTINCT|REDUCED)\s+)?\*", text[_prolog_end(text):], re.IGNORECASE):
        order = sorted(range(len(variables)), key=_first_use(text, variables))
        variables, rows = [variables[i] for i in order], [tuple(row[i] for i in order) for row in rows]
    return variables, rows


def run_construct(graph_path: Path, query: str | Path) -> tuple[bytes, int]:
    """The graph of a CONSTRUCT (or DESCRIBE) query over the Turtle file at `graph_path`, as Turtle with the file's
    prefixes, and its number of triples. Triples are sorted, so the same file and query give the same bytes."""
    text = load_query(query)
    store, prefixes = read_graph(graph_path)
    result = _evaluate(store, text, prefixes)
    if not isinstance(result, ox.QueryTriples):
        raise QueryError("query: a SELECT or ASK query gives rows, not a graph; --out writes the graph of a CONSTRUCT "
                         "or DESCRIBE query")
    try:
        triples = sorted(result, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    except (OSError, RuntimeError, ValueError) as err:
        raise QueryError(f"query: cannot be run ({err})") from err
    turtle = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=dict(prefixes))
    return turtle or b"", len(triples)


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


def read_graph(path: Path) -> tuple[ox.Store, dict[str, str]]:
    """An in-memory store holding the Turtle file at `path`, and the prefixes a query over it may use undeclared.

    The prefixes are kg's own (`kg.vocab.PREFIXES`), then those the file declares. Relative IRIs in the file are
    resolved against the file's own URI.
    """
    try:
        data = path.read_bytes()
        store = ox.Store()
        # bulk_load took 3.0 s where load took 4.2 s for a million triples; a store that fails to load is dropped.
        store.bulk_load(data, format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri())
    except (OSError, SyntaxError) as err:
        raise graph_error(path, err) from err
    return store, {**{prefix: str(namespace) for prefix, namespace in PREFIXES.items()}, **turtle_prefixes(data)}


def graph_error(path: Path, err: OSError | SyntaxError) -> KGError:
    """What to tell a user whose graph file at `path` is missing, unreadable or not valid Turtle."""
    if isinstance(err, FileNotFoundError):
        return KGError(f"{path}: no such graph file; give the .ttl file that `kg build` wrote")
    if isinstance(err, SyntaxError):
        # Oxigraph says "Parser error at line 3 between columns 5 and 13: <reason>"; keep the reason and its start.
        reason = re.sub(r"^Parser error (?:at|between) [^:]*: ", "", err.msg)
        return KGError(f"{path}:{err.lineno}: not valid Turtle (column {err.offset}: {reason}); "
                       "expected a graph written by `kg build`")
    return KGError(f"{path}: cannot read the graph ({err})")


def turtle_prefixes(data: bytes) -> dict[str, str]:
    """The prefixes declared in Turtle `data`, each bound to its last absolute IRI.

    >>> turtle_prefixes(b'@prefix ex: <http://example.com/> .\\nPREFIX kg: <https://example.org/kg/ontology#>\\n')
    {'ex': 'http://example.com/', 'kg': 'https://example.org/kg/ontology#'}
    """
    prefixes = {}
    # Finding the word first, then matching its line, is ten times faster than the regular expression over the file.
    lowered, hit = data.lower(), 0
    while (hit := lowered.find(b"prefix", hit)) >= 0:
        line_start = lowered.rfind(b"\n", 0, hit) + 1
        match = TURTLE_PREFIX.match(data, line_start)
        if match is not None:
            name, iri = match[1].decode("utf-8", "replace"), match[2].decode("utf-8", "replace")
            if ":" in iri:  # a relative IRI would need the file's @base; the parse of the file itself resolves it
                prefixes[name] = iri
        line_end = lowered.find(b"\n", hit)
        hit = line_end if line_end >= 0 else len(lowered)
    return prefixes


def parse_query(text: str, *, namespaces: Mapping[str, str] | None = None) -> Form:
    """The form of the query `text` (SELECT, ASK, CONSTRUCT or DESCRIBE), once parsed and checked.

    `namespaces` gives prefixes the query may use without declaring them.

    >>> parse_query("SELECT ?name WHERE { ?p rdfs:label ?name }", namespaces={"rdfs": str(PREFIXES["rdfs"])})
    'SELECT'
    """
    result = _evaluate(ox.Store(), text, namespaces or {})
    if isinstance(result, ox.QuerySolutions):
        return "SELECT"
    if isinstance(result, ox.QueryBoolean):
        return "ASK"
    return _graph_form(text)


def _evaluate(
    store: ox.Store, text: str, prefixes: Mapping[str, str]
) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    # Solutions are computed as they are read; only parsing happens here (and an ASK's answer).
    try:
        return store.query(text, prefixes=dict(prefixes))
    except SyntaxError as err:
        raise QueryError(query_error_message(text, err.msg, prefixes)) from err
    except (OSError, RuntimeError, ValueError) as err:
        raise QueryError(f"query: cannot be run ({err})") from err


def query_error_message(text: str, error: str, prefixes: Mapping[str, str]) -> str:
    """Where and why the query `text` does not parse: a prefix used undeclared, or the parser's `error` made readable.

    >>> print(query_error_message("SELECT ?a\\nWHERE { ?a ?b }", "error at 2:15: expected one of OPTIONAL, [_]", {}))
    query line 2, column 15: expected OPTIONAL
      WHERE { ?a ?b }
                    ^
    >>> print(query_error_message("ASK { ?a ex:b ?c }", "error at 1:15: expected one of Prefix not found", {}))
    query line 1, column 10: undeclared prefix ex:; add PREFIX ex: <...> or use one the graph binds (none)
      ASK { ?a ex:b ?c }
               ^
    """
    undeclared = _undeclared_prefix(text, prefixes)
    if undeclared is not None:
        name, line, column = undeclared
        known = ", ".join(sorted(prefixes)) or "none"
        reason = f"undeclared prefix {name}:; add PREFIX {name}: <...> or use one the graph binds ({known})"
        return _located(text, line, column, reason)
    end = _prolog_end(text)
    if not re.match(r"(?:SELECT|ASK|CONSTRUCT|DESCRIBE)\b", text[end:], re.IGNORECASE):
        line = text.count("\n", 0, end) + 1
        column = end - (text.rfind("\n", 0, end) + 1) + 1
        return _located(text, line, column, "expected SELECT or ASK (after any PREFIX and BASE lines)")
    match = QUERY_ERROR_AT.fullmatch(error.strip())
    if match is None:
        return f"query: {error}"
    line, column = int(match[1]), int(match[2])
    return _located(text, line, column, _expected(match[3]))


def _expected(listing: str) -> str:
    """The parser's list of expected tokens without its character classes; its own words when it has some."""
    items = [item.strip() for item in CHARACTER_CLASS.sub("", listing).split(", ")]
    items = [item for item in items if item and item != "Prefix not found"]
    # Oxigraph names some errors in words ("Duplicated variable name in SELECT") among the tokens it expected.
    notes = [item for item in items if " " in item and not item.startswith('"')]
    if notes:
        return "; ".join(notes)
    if items:
        return "expected " + (items[0] if len(items) == 1 else "one of " + ", ".join(items))
    return "not valid SPARQL; the parser got this far"


def _undeclared_prefix(text: str, prefixes: Mapping[str, str]) -> tuple[str, int, int] | None:
    """The first prefix the query uses without declaring it, with its line and column."""
    declared = set(prefixes)
    for match in QUERY_TOKEN.finditer(text):
        if match["declaration"] is not None:
            declared.add(match["declared"] or "")
        elif match["skip"] is None and match["variable"] is None and (match["used"] or "") not in declared:
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            return match["used"] or "", line, column
    return None


def _first_use(text: str, variables: list[str]) -> Callable[[int], int]:
    """A sort key putting the columns of SELECT * in the order the query first names them; Oxigraph sorts them."""
    first: dict[str, int] = {}
    for match in QUERY_TOKEN.finditer(text):
        if match["variable"] is not None:
            first.setdefault(match["variable"], match.start())
    return lambda index: first.get(variables[index], len(text))


def _located(text: str, line: int, column: int, reason: str) -> str:
    lines = text.split("\n")
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    return f"query line {line}, column {column}: {reason}\n  {source}\n  {' ' * (column - 1)}^"


def _prolog_end(text: str) -> int:
    """Where the query form starts, after any blank space, comments, PREFIX and BASE lines (PROLOG matches the empty
    string, so it always matches)."""
    match = PROLOG.match(text)
    return match.end() if match is not None else 0


def _graph_form(text: str) -> Literal["CONSTRUCT", "DESCRIBE"]:
    match = re.search(r"\b(CONSTRUCT|DESCRIBE)\b", text, re.IGNORECASE)
    return "DESCRIBE" if match is not None and match[1].upper() == "DESCRIBE" else "CONSTRUCT"


def _lexical(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    if isinstance(term, ox.Triple):  # RDF 1.2 quoted triple: its N-Triples form
        return str(term)
    return term.value


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
    cells = [list(variables)] + [[WHITESPACE.sub(" ", value) if value else "" for value in row] for row in rows]
    widths = [max(_width(row[column]) for row in cells) for column in range(len(variables))]
    cells.insert(1, ["-" * width for width in widths])
    lines = ("  ".join(cell + " " * (width - _width(cell)) for cell, width in zip(row, widths)) for row in cells)
    return "".join(line.rstrip() + "\n" for line in lines)


def _width(text: str) -> int:
    """Columns `text` takes in a terminal: East Asian wide characters take two, combining marks none."""
    if text.isascii():  # most values; looking up each character's width took most of the time of a large table
        return len(text)
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text
    )
