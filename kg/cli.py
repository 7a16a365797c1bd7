"""The command line: `kg build` and `kg query`. The only module that prints."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from kg.errors import KGError
from kg.nlp import DEFAULT_MODEL

app = typer.Typer(no_args_is_help=True, add_completion=False, help="Who met whom, from the news.")
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@app.callback()
def main() -> None:
    """Build a knowledge graph of who met whom from news articles, and query it with SPARQL."""


def _fail(err: KGError) -> typer.Exit:
    typer.secho(f"error: {err}", err=True, fg=typer.colors.RED)
    return typer.Exit(code=1)


@app.command("build")
def build_cli(
    paths: Annotated[list[str] | None, typer.Argument(help="Files, folders or globs of .txt/.html/.jsonl articles "
                                                           "(default: the bundled examples/)")] = None,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Output folder")] = Path("out"),
    model: Annotated[str, typer.Option("--model", help="Installed spaCy pipeline to use")] = DEFAULT_MODEL,
    validate: Annotated[bool, typer.Option("--validate", help="Check the graph against ontology/shapes.ttl")] = False,
) -> None:
    """Extract people, organisations, countries and meetings; write the graph (Turtle, JSON-LD, GraphML, CSV), the
    page and a report."""
    from kg.pipeline import build  # spaCy loads slowly: only commands that parse import it

    try:
        result = build(paths or [EXAMPLES], out_dir=out_dir, model=model)
    except KGError as err:
        raise _fail(err) from None
    for skipped in result.skipped:
        typer.secho(f"skipped {skipped.source}: {skipped.reason}", err=True, fg=typer.colors.YELLOW)
    kinds = [data["kind"] for _, data in result.graph.nodes(data=True)]
    typer.echo(f"read {result.articles} articles, skipped {len(result.skipped)}; "
               f"{kinds.count('Person')} people, {kinds.count('Organisation')} organisations, "
               f"{kinds.count('Country')} countries, {kinds.count('Meeting')} meetings")
    for path in result.written:
        typer.echo(f"wrote {path}")
    if validate:
        from kg.export.rdf import to_rdf
        from kg.validate import format_violations, validate as check

        try:
            violations = check(to_rdf(result.graph))
        except KGError as err:
            raise _fail(err) from None
        typer.echo(format_violations(violations), err=bool(violations))
        if violations:
            raise typer.Exit(code=1)


@app.command("query")
def query_cli(
    graph: Annotated[Path, typer.Argument(help="A Turtle file written by kg build")],
    query: Annotated[str, typer.Argument(help="A .rq file or a SPARQL query string")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json")] = "table",
) -> None:
    """Run a SPARQL query over a graph and print the rows."""
    from kg.query import format_rows, load_query, run_query

    if fmt not in ("table", "csv", "json"):
        raise typer.BadParameter(f"{fmt!r}; expected table, csv or json", param_hint="--format")
    output: Literal["table", "csv", "json"] = fmt  # type: ignore[assignment]
    try:
        variables, rows = run_query(graph, load_query(query))
    except KGError as err:
        raise _fail(err) from None
    typer.echo(format_rows(variables, rows, output), nl=False)


@app.command("serve")
def serve_cli(
    graph: Annotated[Path, typer.Argument(help="A Turtle file written by kg build")],
    port: Annotated[int, typer.Option("--port", "-p", help="Port to listen on")] = 7878,
    host: Annotated[str, typer.Option("--host", help="Address to bind; localhost unless you mean to share it")]
    = "127.0.0.1",
) -> None:
    """Serve a graph as a SPARQL endpoint (Oxigraph's server) for YASGUI, SPARQLWrapper or Jena's clients."""
    from kg.serve import run_server

    try:
        run_server(graph, host=host, port=port, echo=typer.echo)
    except KGError as err:
        raise _fail(err) from None
