"""A SPARQL endpoint over an exported graph: a Turtle file -> Oxigraph's own HTTP server, read-only, on localhost.

`serve` loads the Turtle file into a temporary Oxigraph store (with the `oxigraph` command that the `oxigraph` package
installs), starts `oxigraph serve-read-only` on it and waits until the endpoint answers; leaving the `with` block
stops the server and deletes the store. `run_server` does the same until Ctrl-C, for `kg serve`.

The endpoint speaks the SPARQL 1.1 protocol at `<url>query` (GET ?query=... or POST application/sparql-query);
updates are refused. A small front in this process answers at the user's address and hands each request to Oxigraph
on a private port: a query is checked first, so it may use the graph's prefixes without PREFIX lines and a query that
does not parse gets the same line-and-column message as `kg query` (HTTP 400), not the parser's raw one.
"""

from __future__ import annotations

import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kg.errors import KGError, QueryError
from kg.query import parse_query, turtle_prefixes
from kg.vocab import PREFIXES

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
READY_TIMEOUT = 30.0  # seconds for the server to answer its first query
STOP_TIMEOUT = 5.0  # seconds between asking the server to stop and killing it
# `oxigraph load` reports "Parser error at line 3 between columns 5 and 13: <reason>", "... at line 3 column 5: ..."
# or "Parser error between line 3 column 9 and line 4 column 1: <reason>".
LOAD_ERROR = re.compile(r"Parser error (?:at|between) line (\d+)(?: between columns| column) (\d+)[^:]*: (.*)")
# The server is on this machine: a proxy set in the environment must not be asked for it.
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass(frozen=True, slots=True)
class Server:
    """A running Oxigraph server: its process and where to send queries."""

    process: subprocess.Popen
    url: str  # "http://127.0.0.1:7878/": the server's page, with a query editor
    log: Path  # what the server writes to stdout and stderr
    front: ThreadingHTTPServer  # what answers at `url`, passing checked requests to the process

    @property
    def query_url(self) -> str:
        """The SPARQL 1.1 protocol query endpoint."""
        return self.url + "query"


def find_oxigraph() -> Path:
    """The `oxigraph` command: next to this Python (a virtual environment's bin folder), else on PATH."""
    name = "oxigraph.exe" if sys.platform == "win32" else "oxigraph"
    beside = Path(sys.executable).parent / name
    if beside.is_file():
        return beside
    found = shutil.which("oxigraph")
    if found is None:
        raise KGError("oxigraph: command not found next to Python or on PATH; install it with `pip install oxigraph` "
                      "(the Oxigraph server, not only the pyoxigraph library)")
    return Path(found)


@contextmanager
def serve(graph_path: Path, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          ready_timeout: float = READY_TIMEOUT) -> Iterator[Server]:
    """A read-only Oxigraph server over the Turtle file at `graph_path`, answering at http://host:port/query.

    The default host, 127.0.0.1, keeps the endpoint to this machine. Raises KGError if the graph cannot be loaded or
    the server does not answer within `ready_timeout` seconds (a port already in use, for one).
    """
    if not graph_path.is_file():
        raise KGError(f"{graph_path}: no such graph file; give the .ttl file that `kg build` wrote")
    oxigraph = find_oxigraph()
    check_port_free(host, port)
    prefixes = graph_prefixes(graph_path)
    with tempfile.TemporaryDirectory(prefix="kg-serve-") as temp:
        store, log = Path(temp) / "store", Path(temp) / "server.log"
        load_store(oxigraph, graph_path, store)
        inner = f"127.0.0.1:{_free_port()}"  # Oxigraph's own address: this machine only, whatever the user chose
        with log.open("wb") as log_stream:
            # Output goes to a file: a pipe nobody reads would fill up and stall the server.
            process = subprocess.Popen([str(oxigraph), "serve-read-only", "--location", str(store), "--bind", inner],
                                       stdin=subprocess.DEVNULL, stdout=log_stream, stderr=subprocess.STDOUT)
        front = None
        try:
            wait_until_ready(process, f"http://{inner}/", log, timeout=ready_timeout)
            front = _front(host, port, f"http://{inner}", prefixes)
            threading.Thread(target=front.serve_forever, name="kg-serve-front", daemon=True).start()
            bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
            yield Server(process, f"http://{bind}/", log, front)
        finally:
            if front is not None:
                front.shutdown()
                front.server_close()
            stop(process)


def graph_prefixes(graph_path: Path) -> dict[str, str]:
    """The prefixes a query may use undeclared, as `kg query` reads them: kg's own, then those the file declares."""
    try:
        declared = turtle_prefixes(graph_path.read_bytes())
    except OSError as err:
        raise KGError(f"{graph_path}: cannot read the graph ({err})") from err
    return {**{prefix: str(namespace) for prefix, namespace in PREFIXES.items()}, **declared}


def with_prefixes(text: str, prefixes: Mapping[str, str]) -> str:
    """The query `text` checked as `kg query` checks it (QueryError if it does not parse), with the graph's prefixes
    declared before it; the query's own declarations come after them, so they win.

    >>> print(with_prefixes("ASK { ?s kg:x ?o }", {"kg": "https://example.org/kg/ontology#"}))
    PREFIX kg: <https://example.org/kg/ontology#>
    ASK { ?s kg:x ?o }
    """
    parse_query(text, namespaces=prefixes)
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in prefixes.items()) + text


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _front(host: str, port: int, inner: str, prefixes: Mapping[str, str]) -> ThreadingHTTPServer:
    """The HTTP server that answers at host:port: queries are checked and given the graph's prefixes, then every
    request goes on to Oxigraph at `inner` and its answer comes back unchanged."""

    class Front(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
            path, _, query_string = self.path.partition("?")
            if path == "/query":
                fields = urllib.parse.parse_qs(query_string, keep_blank_values=True)
                if "query" in fields:
                    checked = self._checked(fields["query"][0])
                    if checked is None:
                        return
                    fields["query"] = [checked]
                    query_string = urllib.parse.urlencode(fields, doseq=True)
            self._forward(path + ("?" + query_string if query_string else ""), None)

        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if self.path.partition("?")[0] == "/query" and kind == "application/sparql-query":
                checked = self._checked(body.decode("utf-8", "replace"))
                if checked is None:
                    return
                body = checked.encode("utf-8")
            elif self.path.partition("?")[0] == "/query" and kind == "application/x-www-form-urlencoded":
                fields = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
                if "query" in fields:
                    checked = self._checked(fields["query"][0])
                    if checked is None:
                        return
                    fields["query"] = [checked]
                    body = urllib.parse.urlencode(fields, doseq=True).encode("ascii")
            self._forward(self.path, body)

        def _checked(self, text: str) -> str | None:
            try:
                return with_prefixes(text, prefixes)
            except QueryError as err:
                self._answer(400, {"Content-Type": "text/plain; charset=utf-8"}, (str(err) + "\n").encode("utf-8"))
                return None

        def _forward(self, path: str, body: bytes | None) -> None:
            headers = {name: value for name, value in self.headers.items()
                       if name.lower() in ("accept", "content-type", "accept-encoding")}
            if body is not None:
                headers["Content-Length"] = str(len(body))
            request = urllib.request.Request(inner + path, data=body, method=self.command, headers=headers)
            try:
                with DIRECT.open(request, timeout=300) as response:
                    self._answer(response.status, dict(response.headers.items()), response.read())
            except urllib.error.HTTPError as err:
                self._answer(err.code, dict(err.headers.items()), err.read())
            except (urllib.error.URLError, ConnectionError, TimeoutError) as err:
                self._answer(502, {"Content-Type": "text/plain; charset=utf-8"},
                             f"the Oxigraph server did not answer ({err})\n".encode())

        def _answer(self, code: int, headers: dict[str, str], body: bytes) -> None:
            self.send_response(code)
            for name, value in headers.items():
                if name.lower() in ("content-type", "content-encoding", "cache-control", "location"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # the terminal stays quiet, as Oxigraph's own server leaves it

    server_class = type("FrontServer", (ThreadingHTTPServer,), {
        "address_family": socket.AF_INET6 if ":" in host else socket.AF_INET, "daemon_threads": True})
    try:
        return server_class((host, port), Front)
    except OSError as err:
        raise KGError(f"{host}:{port}: cannot listen there ({err.strerror}); "
                      "another server may be using the port: choose another with --port") from err


def load_store(oxigraph: Path, graph_path: Path, store: Path) -> None:
    """Load the Turtle file into a new Oxigraph store folder; bad Turtle is a KGError naming the file and line."""
    command = [str(oxigraph), "load", "--location", str(store), "--file", str(graph_path),
               "--format", "ttl", "--base", graph_path.resolve().as_uri()]
    done = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True, errors="replace")
    if done.returncode == 0:
        return
    match = LOAD_ERROR.search(done.stderr)
    if match is not None:
        raise KGError(f"{graph_path}:{match[1]}: not valid Turtle (column {match[2]}: {match[3].strip()}); "
                      "expected a graph written by `kg build`")
    raise KGError(f"{graph_path}: Oxigraph cannot load the graph ({_first_error(done.stderr)})")


def check_port_free(host: str, port: int) -> None:
    """Raise KGError if something already listens at host:port.

    Otherwise a server already there would answer the readiness probe for ours, which exits unnoticed.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # As the server does, so a port left in TIME_WAIT by a stopped server counts as free.
        if sys.platform != "win32":
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as err:
            raise KGError(f"{host}:{port}: cannot listen there ({err.strerror}); "
                          "another server may be using the port: choose another with --port") from err


def wait_until_ready(process: subprocess.Popen, url: str, log: Path, *, timeout: float) -> None:
    """Return once the server at `url` answers a query; raise KGError if it exits or stays silent for `timeout`
    seconds."""
    probe = url + "query?" + urllib.parse.urlencode({"query": "ASK {}"})
    deadline = time.monotonic() + timeout
    delay = 0.05
    while True:
        if process.poll() is not None:
            raise KGError(f"the Oxigraph server stopped at start ({_first_error(_read(log))})")
        try:
            with DIRECT.open(probe, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass  # not listening yet
        if time.monotonic() + delay > deadline:
            raise KGError(f"the Oxigraph server did not answer at {url} within {timeout:g} s")
        time.sleep(delay)
        delay = min(delay * 2, 0.5)


def stop(process: subprocess.Popen) -> None:
    """Ask the server to stop, then kill it if it has not within STOP_TIMEOUT seconds."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def run_server(graph_path: Path, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
               echo: Callable[[str], None] = print) -> None:
    """Serve the graph until Ctrl-C (or SIGTERM); `echo` is given the endpoint's address once it answers.

    Raises KGError if the server cannot start or stops by itself.
    """
    previous = None
    if threading.current_thread() is threading.main_thread():
        # Stopped by a service manager or `kill`, still stop the server and delete its store.
        previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        with serve(graph_path, host=host, port=port) as server:
            echo(f"SPARQL endpoint: {server.query_url} (read-only; query editor at {server.url}); Ctrl-C to stop")
            code = server.process.wait()
            if code > 0:  # not a signal (Ctrl-C reaches the server too) nor a clean exit
                raise KGError(f"the Oxigraph server stopped (exit code {code}: {_first_error(_read(server.log))})")
    except KeyboardInterrupt:
        pass
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _first_error(output: str) -> str:
    """The line of Oxigraph's output that says what went wrong, without its advice and stack trace."""
    for line in output.splitlines():
        if line.startswith(("Error", "error")):
            return line.removeprefix("Error: ").strip()
    return output.strip().splitlines()[-1] if output.strip() else "no message"
