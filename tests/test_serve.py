"""`kg serve`: Oxigraph's own server over the bundled examples answers who-met-whom as `kg query` does (the same
prefixes without PREFIX lines, the same message for a query that does not parse), refuses updates, and stops (with
its temporary store) when asked."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from tests_support import ROOT

from kg.errors import KGError
from kg.query import run_query
from kg.serve import find_oxigraph, serve

pytestmark = pytest.mark.server

WHO_MET_WHOM = ROOT / "ontology" / "queries" / "who_met_whom.rq"
JSON_RESULTS = "application/sparql-results+json"
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never a proxy for localhost
TINY = """PREFIX kg: <https://example.org/kg/ontology#>
PREFIX person: <https://example.org/kg/id/person/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

person:hulusi-akar a kg:Person ;
    rdfs:label "Hulusi Akar" .
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def sparql(request: urllib.request.Request) -> dict:
    with DIRECT.open(request, timeout=30) as response:
        assert response.headers["Content-Type"].startswith(JSON_RESULTS)
        return json.load(response)


def pairs(bindings: list[dict]) -> list[tuple[str, str]]:
    return sorted((row["a_name"]["value"], row["b_name"]["value"]) for row in bindings)


def test_server_answers_who_met_whom_like_kg_query(examples_build):
    graph = examples_build[1] / "graph.ttl"
    query = WHO_MET_WHOM.read_text(encoding="utf-8")
    variables, rows = run_query(graph, query)
    expected = sorted((row[variables.index("a_name")], row[variables.index("b_name")]) for row in rows)
    assert len(expected) == 10

    with serve(graph, port=free_port()) as server:
        assert server.url.startswith("http://127.0.0.1:")
        post = urllib.request.Request(server.query_url, data=query.encode("utf-8"), method="POST", headers={
            "Content-Type": "application/sparql-query; charset=utf-8", "Accept": JSON_RESULTS})
        posted = sparql(post)
        get = urllib.request.Request(server.query_url + "?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": JSON_RESULTS})
        got = sparql(get)
        assert posted["head"]["vars"] == variables
        assert pairs(posted["results"]["bindings"]) == pairs(got["results"]["bindings"]) == expected

        update = urllib.request.Request(server.url + "update", method="POST", data=urllib.parse.urlencode(
            {"update": "INSERT DATA { <urn:x> <urn:y> <urn:z> }"}).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            DIRECT.open(update, timeout=30)
        assert refused.value.code == 403
        process, store = server.process, server.log.parent
    assert process.poll() is not None
    assert not store.exists()


def test_server_takes_the_graphs_prefixes_and_explains_a_bad_query(tmp_path):
    graph = tmp_path / "graph.ttl"
    graph.write_text(TINY, encoding="utf-8")
    undeclared = "SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name }"  # as the README writes it for kg query
    with serve(graph, port=free_port()) as server:
        for request in (
                urllib.request.Request(server.query_url + "?" + urllib.parse.urlencode({"query": undeclared}),
                                       headers={"Accept": JSON_RESULTS}),
                urllib.request.Request(server.query_url, data=undeclared.encode(), method="POST", headers={
                    "Content-Type": "application/sparql-query", "Accept": JSON_RESULTS}),
                urllib.request.Request(server.query_url, data=urllib.parse.urlencode({"query": undeclared}).encode(),
                                       method="POST", headers={"Content-Type": "application/x-www-form-urlencoded",
                                                               "Accept": JSON_RESULTS})):
            answer = sparql(request)
            assert [row["name"]["value"] for row in answer["results"]["bindings"]] == ["Hulusi Akar"]
        broken = "SELECT ?name\nWHERE { ?p rdfs:label }"
        with pytest.raises(urllib.error.HTTPError) as refused:
            DIRECT.open(server.query_url + "?" + urllib.parse.urlencode({"query": broken}), timeout=30)
        assert refused.value.code == 400
        message = refused.value.read().decode()
        assert message.startswith("query line 2, column ") and "WHERE { ?p rdfs:label }" in message
        with pytest.raises(urllib.error.HTTPError) as unknown:
            DIRECT.open(server.query_url + "?" + urllib.parse.urlencode({"query": "ASK { ?a ex:b ?c }"}), timeout=30)
        assert "undeclared prefix ex:" in unknown.value.read().decode()


def test_server_stops_when_the_block_fails(tmp_path):
    graph = tmp_path / "graph.ttl"
    graph.write_text(TINY, encoding="utf-8")
    port = free_port()
    with pytest.raises(RuntimeError, match="boom"), serve(graph, port=port) as server:
        assert listening(port)
        raise RuntimeError("boom")
    assert server.process.poll() is not None
    assert not listening(port)


def test_busy_port_is_a_kg_error(tmp_path):
    graph = tmp_path / "graph.ttl"
    graph.write_text(TINY, encoding="utf-8")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(KGError, match=f"127.0.0.1:{port}: cannot listen there.*--port"), serve(graph, port=port):
            pass


def test_bad_or_missing_graph_names_the_file(tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text('PREFIX x: <http://x/>\n\nx:a x:b "unterminated .\n', encoding="utf-8")
    with pytest.raises(KGError, match="broken.ttl:3: not valid Turtle"), serve(broken, port=free_port()):
        pass
    with pytest.raises(KGError, match="missing.ttl: no such graph file"), serve(tmp_path / "missing.ttl"):
        pass


def test_missing_oxigraph_command_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(KGError, match="pip install oxigraph"):
        find_oxigraph()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_run_server_prints_the_endpoint_and_stops_on_ctrl_c(tmp_path):
    graph = tmp_path / "graph.ttl"
    graph.write_text(TINY, encoding="utf-8")
    port = free_port()
    # A shell that runs a job in the background makes it ignore SIGINT; Ctrl-C must reach this one.
    code = ("import signal, sys; from pathlib import Path; from kg.serve import run_server; "
            "signal.signal(signal.SIGINT, signal.default_int_handler); "
            f"run_server(Path(sys.argv[1]), port={port}); print('stopped', flush=True)")
    process = subprocess.Popen([sys.executable, "-c", code, str(graph)], stdout=subprocess.PIPE, text=True,
                               start_new_session=True)
    try:
        line = process.stdout.readline()
        assert line.startswith(f"SPARQL endpoint: http://127.0.0.1:{port}/query"), line
        assert listening(port)
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
        assert process.wait(timeout=30) == 0
        assert process.stdout.read() == "stopped\n"
        deadline = time.monotonic() + 10
        while listening(port) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not listening(port)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
