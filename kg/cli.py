"""The command line: `kg build`, `kg query`, `kg serve` and `kg render`. The only module that prints."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console

from kg import DEFAULT_MIN_CONFIDENCE, DEFAULT_MODEL
from kg.errors import KGError, SkippedInputs
from kg.ingest import DEFAULT_MAX_BYTES

# Plain help: option names with their metavars ("--out DIR"), not Python types in boxes.
app = typer.Typer(no_args_is_help=True, add_completion=False, rich_markup_mode=None,
                  help="Who met whom, from the news.")
DEFAULT_MAX_MB = DEFAULT_MAX_BYTES / 1_000_000
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"kg {version('kg')}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print kg's version and exit")] = False,
) -> None:
    """Build a knowledge graph of who met whom from news articles, and query it with SPARQL."""


def _fail(err: KGError) -> typer.Exit:
    typer.secho(f"error: {err}", err=True, fg=typer.colors.RED)
    return typer.Exit(code=1)


@app.command("build")
def build_cli(
    paths: Annotated[list[str] | None, typer.Argument(metavar="PATH",
                                                      help="Files, folders or globs of .txt/.html/.jsonl articles "
                                                           "(default: the bundled examples/)")] = None,
    out_dir: Annotated[Path, typer.Option("--out", "-o", metavar="DIR", help="Output folder")] = Path("out"),
    model: Annotated[str, typer.Option("--model", metavar="NAME", help="Installed spaCy pipeline to use")] \
    = DEFAULT_MODEL,
    validate: Annotated[bool, typer.Option("--validate", help="Check the graph against ontology/shapes.ttl")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, metavar="N",
                                      help="Processes that parse articles and write the outputs")] = 1,
    cache: Annotated[Path | None, typer.Option("--cache", metavar="DIR", help="Folder of per-article results "
                                                                "(default: OUT/.cache)")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Parse every article; keep no results")] = False,
    max_size: Annotated[float, typer.Option("--max-size", min=0.001, metavar="MB",
                                                     help="Skip files larger than this many MB")]
    = DEFAULT_MAX_MB,
    strict: Annotated[bool, typer.Option("--strict", help="Exit with 1, writing nothing, when any input was "
                                                          "skipped")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary; problems only")] = False,
    dask_scheduler: Annotated[str | None, typer.Option("--dask-scheduler", metavar="ADDRESS",
                                                       help='Parse on this Dask cluster (an address, or "local" for '
                                                            'one on this machine)')] = None,
    merges: Annotated[Path | None, typer.Option("--merges", metavar="FILE",
                                                help="File of your own decisions on names, one a line: "
                                                "'same: A = B' or 'different: A != B'")] = None,
    min_confidence: Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0, metavar="X",
                                                  help="Keep meetings read with at least this confidence (0 to 1; "
                                                       "see the README for each rule's)")] = DEFAULT_MIN_CONFIDENCE,
    base_iri: Annotated[str | None, typer.Option("--base-iri", metavar="IRI",
                                                 help="Namespace of the instance IRIs, for publishing (default: "
                                                      "https://example.org/kg/id/)")] = None,
) -> None:
    """Extract people, organisations, countries and meetings; write the graph (Turtle, JSON-LD, GraphML, CSV), the
    page and a report."""
    from kg.graph import build_counts
    from kg.pipeline import build  # spaCy loads slowly: only commands that parse import it

    try:
        with _progress_bar(quiet) as progress:
            result = build(paths or [EXAMPLES], out_dir=out_dir, model=model, jobs=jobs,
                           cache_dir=None if no_cache else cache or out_dir / ".cache",
                           max_bytes=round(max_size * 1_000_000), dask_scheduler=dask_scheduler, progress=progress,
                           min_confidence=min_confidence, strict=strict, merges=merges, base_iri=base_iri)
    except SkippedInputs as err:
        for skipped in err.skipped:
            typer.secho(f"skipped {skipped.reason}", err=True, fg=typer.colors.YELLOW)
        raise _fail(err) from None
    except KGError as err:
        raise _fail(err) from None
    for skipped in result.skipped:
        typer.secho(f"skipped {skipped.reason}", err=True, fg=typer.colors.YELLOW)
    for notice in result.notices:
        typer.secho(notice, err=True, fg=typer.colors.YELLOW)
    if result.cache_corrupt:
        typer.secho(f"{result.cache_corrupt} cache entries failed their checks and were parsed again", err=True,
                    fg=typer.colors.YELLOW)
    if not quiet:
        counts = ", ".join(f"{label} {text}" for label, text in build_counts(result.graph))
        typer.echo(f"read {result.articles} articles ({result.parsed} parsed, "
                   f"{result.articles - result.parsed} from the cache), skipped {len(result.skipped)}; {counts}")
        for path in result.written:
            typer.echo(f"wrote {path}")
    if validate:
        from kg.export.rdf import to_rdf
        from kg.validate import format_violations
        from kg.validate import validate as check

        try:
            violations = check(to_rdf(result.graph))
        except KGError as err:
            raise _fail(err) from None
        if violations or not quiet:
            typer.echo(format_violations(violations), err=bool(violations))
        if violations:
            raise typer.Exit(code=1)


@contextlib.contextmanager
def _progress_bar(quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr with articles per second and the time left; nothing when quiet or not a terminal."""
    if quiet:
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (TextColumn("articles"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("elapsed,"), TimeRemainingColumn(),
               TextColumn("left"))
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("extract", total=None, rate="")

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)
            speed = bar.tasks[task].speed
            bar.update(task, rate=f"{speed:.1f} articles/s" if speed else "")

        yield advance


@app.command("query")
def query_cli(
    graph: Annotated[Path, typer.Argument(metavar="GRAPH", help="A Turtle file written by kg build")],
    query: Annotated[str, typer.Argument(metavar="QUERY", help="A .rq file or a SPARQL query string")],
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="table, csv or json")] = "table",
    out: Annotated[Path | None, typer.Option("--out", "-o", metavar="FILE",
                                             help="Write the graph of a CONSTRUCT or DESCRIBE query here, as Turtle "
                                                  "(for kg render)")] = None,
) -> None:
    """Run a SPARQL query over a graph and print the rows; or write the graph a CONSTRUCT query makes."""
    from kg.export import write_text_atomic
    from kg.query import format_rows, load_query, run_construct, run_query

    if fmt not in ("table", "csv", "json"):
        raise typer.BadParameter(f"{fmt!r}; expected table, csv or json", param_hint="--format")
    output: Literal["table", "csv", "json"] = fmt  # type: ignore[assignment]
    try:
        if out is not None:
            turtle, count = run_construct(graph, load_query(query))
            written = write_text_atomic(out, turtle.decode("utf-8"))
            typer.echo(f"wrote {written} ({count} triples)")
            return
        variables, rows = run_query(graph, load_query(query))
    except KGError as err:
        raise _fail(err) from None
    except OSError as err:
        raise _fail(KGError(f"--out {out}: cannot write it ({err.strerror or err}); give a writable file")) from None
    typer.echo(format_rows(variables, rows, output), nl=False)


@app.command("serve")
def serve_cli(
    graph: Annotated[Path, typer.Argument(metavar="GRAPH", help="A Turtle file written by kg build")],
    port: Annotated[int, typer.Option("--port", "-p", metavar="N", help="Port to listen on")] = 7878,
    host: Annotated[str, typer.Option("--host", metavar="ADDRESS",
                                               help="Address to bind; localhost unless you mean to share it")]
    = "127.0.0.1",
) -> None:
    """Serve a graph as a SPARQL endpoint (Oxigraph's server) for YASGUI, SPARQLWrapper or Jena's clients."""
    from kg.serve import run_server

    try:
        run_server(graph, host=host, port=port, echo=typer.echo)
    except KGError as err:
        raise _fail(err) from None


@app.command("render")
def render_cli(
    graph: Annotated[Path, typer.Argument(metavar="GRAPH",
                                          help="A Turtle file in the kg vocabulary: kg build's, or a CONSTRUCT")],
    out: Annotated[Path | None, typer.Option("--out", "-o", metavar="PAGE",
                                             help="The page to write (default: GRAPH with .html)")] = None,
) -> None:
    """Draw the who-met-whom page of a Turtle file, so the page shows exactly what the Turtle says."""
    from kg.export.html import write_html
    from kg.render import read_turtle

    try:
        written = write_html(read_turtle(graph), out or graph.with_suffix(".html"))
    except KGError as err:
        raise _fail(err) from None
    typer.echo(f"wrote {written}")
