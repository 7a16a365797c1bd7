"""`run_query` over a small Turtle file written here: values as text, prefixes from the file, ASK, refused graph
queries, errors that say where, a row order that holds from run to run, and the three output formats."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import KGError, QueryError
from kg.query import format_rows, parse_query, run_query, turtle_prefixes

KG = "https://example.org/kg/ontology#"
PERSON = "https://example.org/kg/id/person/"
GRAPH = """@prefix kg: <https://example.org/kg/ontology#> .
@prefix person: <https://example.org/kg/id/person/> .
@prefix meeting: <https://example.org/kg/id/meeting/> .
PREFIX ex: <http://example.com/ns#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

# rdfs is not declared here: kg's own prefixes are there for every query.
person:hulusi-akar a kg:Person ;
    <http://www.w3.org/2000/01/rdf-schema#label> "Hulusi Akar" ;
    ex:nickname "Akar"@tr .
person:ali-mamlouk a kg:Person ;
    <http://www.w3.org/2000/01/rdf-schema#label> "Ali Mamlouk" .
person:sergei-shoigu a kg:Person ;
    <http://www.w3.org/2000/01/rdf-schema#label> "Sergei Shoigu" .
meeting:moscow a kg:Meeting ;
    kg:status kg:Held ;
    kg:participant person:hulusi-akar, person:ali-mamlouk ;
    kg:earliest "2022-12-28"^^xsd:date ;
    ex:guests 3 ;
    ex:note \"\"\"said "yes",
then left\"\"\" .
meeting:sochi a kg:Meeting ;
    kg:status kg:Planned ;
    kg:participant person:hulusi-akar, person:sergei-shoigu .
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("query") / "graph.ttl"
    path.write_text(GRAPH, encoding="utf-8")
    return path


def test_select_uses_the_prefixes_of_the_file_and_of_kg(graph):
    variables, rows = run_query(graph, "SELECT ?name ?nick WHERE { ?p a kg:Person ; rdfs:label ?name "
                                       "OPTIONAL { ?p ex:nickname ?nick } } ORDER BY ?name")
    assert variables == ["name", "nick"]
    assert rows == [("Ali Mamlouk", None), ("Hulusi Akar", "Akar"), ("Sergei Shoigu", None)]


def test_a_prefix_declared_in_the_file_wins_over_kgs(tmp_path):
    path = tmp_path / "other.ttl"
    path.write_text("PREFIX person: <http://example.com/people/>\nperson:x a person:Person .\n", encoding="utf-8")
    assert run_query(path, "ASK { person:x a person:Person }") == (["ask"], [("true",)])


def test_values_are_iris_and_lexical_forms(graph):
    variables, rows = run_query(graph, "SELECT ?meeting ?status ?day ?guests ?note ?absent WHERE {"
                                       " ?meeting kg:status ?status ; kg:earliest ?day ; ex:guests ?guests ;"
                                       " ex:note ?note OPTIONAL { ?meeting ex:nothing ?absent } }")
    assert variables == ["meeting", "status", "day", "guests", "note", "absent"]
    assert rows == [("https://example.org/kg/id/meeting/moscow", KG + "Held", "2022-12-28", "3",
                     'said "yes",\nthen left', None)]


def test_aggregates_and_group_concat(graph):
    query = """SELECT ?meeting (COUNT(?p) AS ?n) (GROUP_CONCAT(?name; separator=" | ") AS ?names) WHERE {
                 ?meeting kg:participant ?p . ?p rdfs:label ?name } GROUP BY ?meeting ORDER BY DESC(?meeting)"""
    _, rows = run_query(graph, query)
    assert [(meeting.rsplit("/", 1)[1], n, sorted(names.split(" | "))) for meeting, n, names in rows] == [
        ("sochi", "2", ["Hulusi Akar", "Sergei Shoigu"]), ("moscow", "2", ["Ali Mamlouk", "Hulusi Akar"])]


def test_select_star_lists_variables_in_the_order_written(graph):
    variables, rows = run_query(graph, "SELECT * WHERE { ?who kg:participant ?p . ?p a ?class } LIMIT 1")
    assert variables == ["who", "p", "class"]
    assert rows[0][2] == KG + "Person"


def test_ask_gives_true_or_false(graph):
    assert run_query(graph, "ASK { ?m kg:status kg:Held }") == (["ask"], [("true",)])
    assert run_query(graph, "ASK { ?m kg:status kg:Cancelled }") == (["ask"], [("false",)])


def test_a_query_file_is_read(graph, tmp_path):
    query = tmp_path / "people.rq"
    query.write_text("# People\nSELECT (COUNT(*) AS ?n) WHERE { ?p a kg:Person }\n", encoding="utf-8")
    assert run_query(graph, query) == (["n"], [("3",)])
    assert run_query(graph, str(query)) == (["n"], [("3",)])


@pytest.mark.parametrize(("query", "form"), [
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
    ("DESCRIBE person:hulusi-akar", "DESCRIBE"),
])
def test_graph_queries_are_refused(graph, query, form):
    with pytest.raises(QueryError, match=f"a {form} query gives a graph, not rows; use SELECT or ASK"):
        run_query(graph, query)


@pytest.mark.parametrize(("query", "message"), [
    # The parser stops at the closing brace, where an object was due.
    ("SELECT ?a WHERE {\n  ?a ?b }", r"query line 2, column \d+: expected"),
    ("SELECT ?name\nWHERE {\n  ?p nosuch:label ?name }", r"query line 3, column 6: undeclared prefix nosuch:"),
    ("SELECT ?x WHERE { ?x", r"query line 1, column 21: expected one of"),
    ("SELECT (1 AS ?x) (2 AS ?x) {}", r"query line 1, column \d+: Duplicated variable name in SELECT"),
    ("# comment\nPREFIX ex: <http://example.com/>\nSELEC ?x {}", r"query line 3, column 1: expected SELECT or ASK"),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", r"query line 1, column 1: expected SELECT or ASK"),
    ("", r"query line 1, column 1: expected SELECT or ASK"),
])
def test_malformed_query_says_line_and_column(graph, query, message):
    with pytest.raises(QueryError, match=message):
        run_query(graph, query)


@pytest.mark.parametrize(("query", "bad"), [
    ('SELECT * WHERE { ?p rdfs:label "Zoë 王" ; nosuch:name ?x }', "nosuch:name"),
    ('SELECT * WHERE { ?p rdfs:label "Zoë 王" ; ?x', ""),  # the parser stops at the end
])
def test_error_points_at_the_column_in_characters(graph, query, bad):
    with pytest.raises(QueryError) as raised:
        run_query(graph, query)
    message, source, pointer = str(raised.value).split("\n")
    column = int(message.split("column ")[1].split(":")[0])
    assert column == (query.index(bad) if bad else len(query)) + 1
    assert source == "  " + query
    assert pointer == "  " + " " * (column - 1) + "^"


def test_a_query_that_fails_while_running_is_a_query_error(graph):
    with pytest.raises(QueryError, match="query: cannot be run"):
        run_query(graph, "SELECT ?x WHERE { BIND(<http://example.com/no-such-function>(1) AS ?x) }")


def test_parse_query_names_the_form():
    assert parse_query("ASK {}") == "ASK"
    assert parse_query("PREFIX ex: <http://example.com/>\nDESCRIBE ex:a") == "DESCRIBE"
    with pytest.raises(QueryError, match="undeclared prefix kg:"):
        parse_query("SELECT * WHERE { ?m a kg:Meeting }")


def test_missing_graph_names_the_file(tmp_path):
    with pytest.raises(KGError, match=r"nope\.ttl: no such graph file; give the \.ttl file that `kg build` wrote"):
        run_query(tmp_path / "nope.ttl", "ASK {}")


@pytest.mark.parametrize(("turtle", "line"), [
    ('PREFIX x: <http://x/>\n\nx:a x:b "unterminated .\n', 3),
    ("PREFIX x: <http://x/>\nx:a x:b x:c .\nx:a nosuch:b x:c .\n", 3),
    ("PREFIX x: <http://x/>\nx:a x:b x:c\nx:d x:e x:f .\n", 3),
])
def test_bad_turtle_names_the_file_and_line(tmp_path, turtle, line):
    path = tmp_path / "broken.ttl"
    path.write_text(turtle, encoding="utf-8")
    with pytest.raises(KGError, match=rf"broken\.ttl:{line}: not valid Turtle \(column \d+: .+\); expected a graph"):
        run_query(path, "ASK { ?s ?p ?o }")


def test_relative_iris_resolve_against_the_file(tmp_path):
    path = tmp_path / "relative.ttl"
    path.write_text('<#me> <http://example.com/name> "me" .\n', encoding="utf-8")
    assert run_query(path, "SELECT ?s WHERE { ?s ?p ?o }")[1] == [(path.resolve().as_uri() + "#me",)]


def test_rows_without_order_by_come_in_the_same_order_every_run(graph):
    # Grouping and DISTINCT may hash; hashing differs between processes, so compare two processes.
    code = ("import sys; from pathlib import Path; from kg.query import run_query; "
            "print(repr(run_query(Path(sys.argv[1]), 'SELECT ?o (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?o')))")
    outputs = {subprocess.run([sys.executable, "-c", code, str(graph)], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(outputs) == 1
    assert repr(run_query(graph, "SELECT ?o (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?o")) + "\n" in outputs


def test_turtle_prefixes_reads_both_spellings_and_keeps_the_last():
    data = (b"@prefix a: <http://a/> .\n  PREFIX b: <http://b/>\n@prefix a: <http://a2/> .\n"
            b"<x:y> <x:z> 'PREFIX c: <http://c/>' .\nPrefix d: <d:>\nPREFIX e: <relative/>")
    assert turtle_prefixes(data) == {"a": "http://a2/", "b": "http://b/", "d": "d:"}


def test_rows_print_as_table_csv_and_json(graph):
    variables, rows = run_query(graph, "SELECT ?name ?nick WHERE { ?p rdfs:label ?name "
                                       "OPTIONAL { ?p ex:nickname ?nick } } ORDER BY ?name")
    assert format_rows(variables, rows, "table").splitlines() == [
        "name           nick",
        "-------------  ----",
        "Ali Mamlouk",
        "Hulusi Akar    Akar",
        "Sergei Shoigu",
    ]
    assert format_rows(variables, rows, "csv") == (
        "name,nick\r\nAli Mamlouk,\r\nHulusi Akar,Akar\r\nSergei Shoigu,\r\n")
    assert json.loads(format_rows(variables, rows, "json")) == [
        {"name": "Ali Mamlouk", "nick": None}, {"name": "Hulusi Akar", "nick": "Akar"},
        {"name": "Sergei Shoigu", "nick": None}]


def test_values_with_line_breaks_stay_whole_in_csv_and_json_and_on_one_line_in_a_table(graph):
    variables, rows = run_query(graph, "SELECT ?note WHERE { ?m ex:note ?note }")
    assert format_rows(variables, rows, "table").splitlines()[2] == 'said "yes", then left'
    assert format_rows(variables, rows, "csv") == 'note\r\n"said ""yes"",\nthen left"\r\n'
    assert json.loads(format_rows(variables, rows, "json")) == [{"note": 'said "yes",\nthen left'}]


def test_a_construct_writes_turtle_that_kg_render_draws_with_no_python(examples_build, tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    _, out = examples_build
    held = """CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o .
                 FILTER NOT EXISTS { ?s a kg:Meeting ; kg:status ?status FILTER(?status != kg:Held) } }"""
    runner = CliRunner()
    first = runner.invoke(app, ["query", str(out / "graph.ttl"), held, "--out", str(tmp_path / "held.ttl")])
    assert first.exit_code == 0 and first.output.startswith(f"wrote {tmp_path / 'held.ttl'} ("), first.output
    again = runner.invoke(app, ["query", str(out / "graph.ttl"), held, "--out", str(tmp_path / "again.ttl")])
    assert again.exit_code == 0
    assert (tmp_path / "held.ttl").read_bytes() == (tmp_path / "again.ttl").read_bytes()  # same input, same bytes
    assert "@prefix kg:" in (tmp_path / "held.ttl").read_text()
    page = runner.invoke(app, ["render", str(tmp_path / "held.ttl")])
    assert page.exit_code == 0 and (tmp_path / "held.html").exists(), page.output
    rows = runner.invoke(app, ["query", str(out / "graph.ttl"), "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--out",
                               str(tmp_path / "x.ttl")])
    assert rows.exit_code == 1 and "gives rows, not a graph" in rows.output and not (tmp_path / "x.ttl").exists()
