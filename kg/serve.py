"""A SPARQL endpoint over an exported graph: a Turtle file -> Oxigraph's own HTTP server, read-only, on localhost.

`serve` loads the Turtle file into a temporary Oxigraph store (with the `oxigraph` command that the `oxigraph` package
installs), starts `oxigraph serve-read-only` on it and waits until the endpoint answers; leaving the `with` block
stops the server and deletes the store. `run_server` does the same until Ctrl-C, for `kg serve`.

The endpoint speaks the SPARQL 1.1 protocol at `<url>query` (GET ?query=... or POST application/sparql-query);
updates are refused. Unlike `kg query`, a query sent to it must declare its prefixes.
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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KGError

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
    with tempfile.TemporaryDirectory(prefix="kg-serve-") as temp:
        store, log = Path(temp) / "store", Path(temp) / "server.log"
        load_store(oxigraph, graph_path, store)
        bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        with log.open("wb") as log_stream:
            # Output goes to a file: a pipe nobody reads would fill up and stall the server.
            process = subprocess.Popen([str(oxigraph), "serve-read-only", "--location", str(store), "--bind", bind],
                                       stdin=subprocess.DEVNULL, stdout=log_stream, stderr=subprocess.STDOUT)
        try:
            server = Server(process, f"http://{bind}/", log)
            wait_until_ready(server, timeout=ready_timeout)
            yield server
        finally:
            stop(process)


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
        if sys.platform != "win32":  # as the server does, so a port left in TIME_WAIT by a stopped server counts as free
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as err:
            raise KGError(f"{host}:{port}: cannot listen there ({err.strerror}); "
                          "another server may be using the port: choose another with --port") from err


def wait_until_ready(server: Server, *, timeout: float) -> None:
    """Return once the server answers a query; raise KGError if it exits or stays silent for `timeout` seconds."""
    probe = server.query_url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    deadline = time.monotonic() + timeout
    delay = 0.05
    while True:
        if server.process.poll() is not None:
            raise KGError(f"the Oxigraph server stopped at start ({_first_error(_read(server.log))})")
        try:
            with DIRECT.open(probe, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass  # not listening yet
        if time.monotonic() + delay > deadline:
            raise KGError(f"the Oxigraph server did not answer at {server.url} within {timeout:g} s")
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
