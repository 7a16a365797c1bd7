"""build(): the one place that calls the stages in order, from paths to written files."""

from __future__ import annotations

import contextlib
import functools
import gc
import itertools
import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path

import networkx as nx
from spacy.language import Language
from spacy.tokens import Doc

from kg import DEFAULT_MIN_CONFIDENCE
from kg.blocs import annotate_blocs
from kg.cache import Cache, fingerprint
from kg.dating import date_article
from kg.errors import KGError, SkippedInputs
from kg.export import write_text_atomic
from kg.export.csv import write_who_met_whom_csv
from kg.export.graphml import write_graphml
from kg.export.html import write_html
from kg.export.jsonld import write_jsonld
from kg.export.rdf import write_turtle
from kg.export.report import to_report
from kg.extract import extract
from kg.graph import build_graph, people_who_met
from kg.ingest import DEFAULT_MAX_BYTES, Skipped, read_articles
from kg.nlp import DEFAULT_MODEL, load_model, model_version, parse_articles
from kg.records import Article, Extraction
from kg.registry import REGISTRY, Registry, read_registry, registry_text, renamed, stable_ids
from kg.resolve import resolve
from kg.resolve.overrides import read_overrides
from kg.vocab import check_base_iri

EXPORTERS = {
    "graph.ttl": write_turtle,  # for SPARQL (kg query, kg serve)
    "graph.html": write_html,  # the who-met-whom page
    "graph.jsonld": write_jsonld,  # the same RDF for JSON tools
    "graph.graphml": write_graphml,  # for Gephi
    "who_met_whom.csv": write_who_met_whom_csv,  # one row per pair of people per meeting
}


@dataclass(frozen=True, slots=True)
class BuildResult:
    graph: nx.MultiDiGraph
    articles: int
    skipped: tuple[Skipped, ...]
    written: tuple[Path, ...]
    parsed: int = 0  # articles parsed by this build; the others came from the cache
    cache_corrupt: int = 0  # cache entries that failed their checks and were parsed again
    notices: tuple[str, ...] = ()  # one line each, for the user: a cache that could not be written


Progress = Callable[[int, int], None]  # (articles done, articles in all), called as extraction advances
STAGING = ".staging-"  # prefix of the folder a build writes into before its outputs replace the previous ones
# spaCy's own limit (Language.max_length): its parser needs memory in proportion to the length of a text.
MAX_CHARACTERS = 1_000_000
BATCH = 16  # articles a worker parses and extracts at a time: small enough to spread, large enough for nlp.pipe


def build(paths: Sequence[str | Path], *, out_dir: Path, model: str = DEFAULT_MODEL, jobs: int = 1,
          cache_dir: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES, dask_scheduler: str | None = None,
          progress: Progress | None = None, min_confidence: float = DEFAULT_MIN_CONFIDENCE,
          strict: bool = False, merges: Path | None = None, base_iri: str | None = None) -> BuildResult:
    """Read, parse, extract, resolve, build the graph and write every EXPORTERS file and report.md into `out_dir`.

    Meetings read with a confidence below `min_confidence` (kg/extract/rules.py) are left out; the cache keeps them, so
    a build with another threshold parses nothing again.

    Articles whose extraction is in `cache_dir` are not parsed again; the others are parsed in `jobs` processes (or
    on the Dask cluster at `dask_scheduler`, "local" for one on this machine) and added to the cache.

    `merges` is a file of the user's own decisions on names (kg/resolve/overrides.py), applied over the automatic ones.
    `base_iri` puts the instance IRIs of the RDF outputs under that namespace instead of https://example.org/kg/id/.
    An article kg fails on is skipped with the stage and the error, and the others build. With `strict`, any skipped
    input raises SkippedInputs before anything is written, so the previous outputs stay as they were.
    """
    if out_dir.exists() and not out_dir.is_dir():
        raise KGError(f"--out {out_dir}: a file, not a folder; give a folder (kg creates it if it is missing)")
    if base_iri is not None:
        try:
            check_base_iri(base_iri)
        except ValueError as error:
            raise KGError(f"--base-iri: {error}") from None
    overrides = read_overrides(merges) if merges is not None else ()
    earlier = read_registry(out_dir) if out_dir.is_dir() else Registry()  # the ids earlier builds here gave out
    articles, skipped = read_articles(paths, max_bytes=max_bytes)
    too_long = [article for article in articles if len(article.body) > MAX_CHARACTERS]
    articles = [article for article in articles if len(article.body) <= MAX_CHARACTERS]
    skipped += [Skipped(article.source, f"{article.source}: {len(article.body):,} characters of text, more than the "
                        f"{MAX_CHARACTERS:,} spaCy parses at once; split it into articles") for article in too_long]
    if not articles:
        reasons = "; ".join(s.reason for s in skipped) or "no .txt, .html or .jsonl files"
        raise KGError(f"no article could be read from {', '.join(map(str, paths))} ({reasons})")
    nlp_version = model_version(model)
    cache = Cache(cache_dir, fingerprint(model, nlp_version)) if cache_dir is not None else None
    found = [cache.get(article) if cache else None for article in articles]
    todo = [article for article, extraction in zip(articles, found) if extraction is None]
    report = progress or (lambda done, total: None)
    report(len(articles) - len(todo), len(articles))
    extractions: list[Extraction] = []
    notices: list[str] = []  # what the user should know that is not a skipped input
    caching = True
    # Closed once read, so its processes (each holding a model) end before the merge and the writes begin.
    with contextlib.closing(extract_all(todo, model=model, jobs=jobs, dask_scheduler=dask_scheduler,
                                        progress=lambda done: report(len(articles) - len(todo) + done,
                                                                     len(articles)))) as fresh:
        for cached in found:
            extraction: Extraction | Skipped
            if cached is not None:
                extraction = cached
            else:
                try:
                    extraction = next(fresh)
                except BrokenProcessPool:
                    raise KGError(f"a process parsing articles was killed (out of memory?); try fewer --jobs "
                                  f"than {jobs}; no output was changed") from None
                if isinstance(extraction, Skipped):
                    skipped.append(extraction)
                    continue
                if cache and caching:
                    caching = _kept_in(cache, extraction, notices)
            extractions.append(extraction)
    extractions = [replace(e, meetings=tuple(m for m in e.meetings if m.confidence >= min_confidence))
                   for e in extractions]
    try:
        resolution = resolve(extractions, overrides)
        left_out = {article_id for _, article_id, _ in resolution.failed}
        skipped += [failed(source, "resolving the names of", error) for source, _, error in resolution.failed]
        extractions = [e for e in extractions if e.article.id not in left_out]
        graph = build_graph(extractions, resolution.entities, resolution.meetings, resolution.mention_entity,
                            resolution.redated)
        evidence = {entity.id: frozenset(entity.mentions) for entity in resolution.entities}
        evidence |= {meeting.id: frozenset(report.id for report in meeting.reports) for meeting in resolution.meetings}
    except Exception as error:  # a failure of the merge itself: no article to leave out
        raise KGError(f"bug in kg while merging {len(extractions)} articles ({type(error).__name__}: {error}); "
                      f"no output was changed; please report it with the command you ran") from error
    if strict and skipped:
        raise SkippedInputs(skipped)
    # Every entity and meeting keeps the id an earlier build into this folder gave it (kg/registry.py).
    kept, registry = stable_ids(evidence, earlier)
    graph = renamed(graph, kept, registry.retired)
    if any(node != stable and node.startswith("person:") for node, stable in kept.items()):
        annotate_blocs(graph, people_who_met(graph))  # again, with the final ids: blocs of one size are ordered by them
    if base_iri is not None:
        graph.graph["base_iri"] = base_iri  # the RDF writers mint instance IRIs under it (kg/export/rdf.py)
    built = len(extractions)
    # The graph holds what the outputs need; the processes that write them share less.
    del found, extractions, resolution
    try:
        written = write_outputs(graph, out_dir, to_report(graph, built, skipped), registry_text(registry), jobs=jobs)
    except OSError as error:
        advice = "give a folder you can write to with --out" if isinstance(error, PermissionError) \
            else "free some space or give another --out"
        raise KGError(f"cannot write the outputs into {out_dir} ({error.strerror or error}); {advice}; the previous "
                      f"outputs are unchanged") from None
    return BuildResult(graph, built, tuple(skipped), tuple(written), len(todo), cache.corrupt if cache else 0,
                       tuple(notices))


def _kept_in(cache: Cache, extraction: Extraction, notices: list[str]) -> bool:
    """Keep `extraction` in the cache; False, with a notice, when the cache cannot be written (a full disk, a
    read-only folder): the build goes on without it."""
    try:
        cache.put(extraction)
        return True
    except OSError as error:
        notices.append(f"cache {cache.folder}: cannot write ({error.strerror or error}); built on without it")
        return False


def write_outputs(graph: nx.MultiDiGraph, out_dir: Path, report: str, registry: str | None = None, *,
                  jobs: int = 1) -> list[Path]:
    """Write every EXPORTERS file and report.md into `out_dir`, all or none; the files in `jobs` processes. The
    `registry` of ids (kg/registry.py) goes with them, so the ids it keeps are those of the outputs in the folder.

    Everything is written into a staging folder first and moved into place, one rename a file, only when all of it is
    written: a build that fails or is killed while it parses, merges or writes leaves the previous outputs as they
    were. Only a kill between those last renames leaves some files new and some old, each of them complete.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    for left in out_dir.glob(f"{STAGING}*"):  # left by a build that was killed; one build per folder at a time
        shutil.rmtree(left, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(dir=out_dir, prefix=STAGING))
    try:
        if jobs > 1:  # forked processes see the graph as it is in memory, without pickling it
            # Frozen objects are left out of the children's garbage collections, which would otherwise write to every
            # object they inherit and so copy the whole heap into each of them.
            gc.freeze()
            try:
                with ProcessPoolExecutor(max_workers=min(jobs, len(EXPORTERS)),
                                         mp_context=multiprocessing.get_context("fork"),
                                         initializer=_keep, initargs=(graph, staging)) as pool:
                    staged = list(pool.map(_write_kept, EXPORTERS))
            finally:
                gc.unfreeze()
        else:
            staged = [writer(graph, staging / name) for name, writer in EXPORTERS.items()]
        staged.append(write_text_atomic(staging / "report.md", report))
        hidden = [write_text_atomic(staging / REGISTRY, registry)] if registry is not None else []
        for path in staged + hidden:
            os.replace(path, out_dir / path.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out_dir / path.name for path in staged]


_kept: tuple[nx.MultiDiGraph, Path] | None = None  # the graph and staging folder, in a process that writes outputs


def _keep(graph: nx.MultiDiGraph, staging: Path) -> None:
    global _kept
    _kept = graph, staging


def _write_kept(name: str) -> Path:
    if _kept is None:
        raise RuntimeError("bug in kg: an output was asked for before the graph was kept")
    graph, staging = _kept
    return EXPORTERS[name](graph, staging / name)


def extract_article(article: Article, doc: Doc) -> Extraction:
    """The per-article step: what one article says, from its parse alone."""
    return replace(extract(doc, article), dating=date_article(doc, article))


def extract_batch(articles: Sequence[Article], model: str) -> list[Extraction | Skipped]:
    """Parse and extract a batch of articles in this process: the unit of work of --jobs and of Dask.

    A pure function from articles to plain records, which pickle; the model is loaded once per process. An article
    that fails is returned as Skipped, naming the stage and the error: one article never costs the others.
    """
    nlp = _loaded(model)
    try:
        parsed: list[tuple[Article, Doc | Exception]] = list(parse_articles(nlp, articles))
    except Exception:  # find the article the parser failed on, and keep the others
        parsed = [_parse_alone(nlp, article) for article in articles]
    return [_extract_isolated(article, doc) for article, doc in parsed]


def _parse_alone(nlp: Language, article: Article) -> tuple[Article, Doc | Exception]:
    try:
        return article, nlp(article.body)
    except Exception as error:  # reported as a skip, with the article
        return article, error


def _extract_isolated(article: Article, doc: Doc | Exception) -> Extraction | Skipped:
    if isinstance(doc, Exception):
        return failed(article.source, "parsing", doc)
    try:
        return extract_article(article, doc)
    except Exception as error:  # reported as a skip, with the article
        return failed(article.source, "extracting", error)


def failed(source: str, stage: str, error: Exception) -> Skipped:
    """An article left out because kg failed on it: a bug in kg, named with the file, the stage and the error."""
    message = " ".join(str(error).split())[:200]
    return Skipped(source, f"{source}: bug in kg while {stage} it ({type(error).__name__}: {message}); the article "
                           f"was left out and the others built; please report it with this file")


@functools.cache
def _loaded(model: str) -> Language:
    return load_model(model)


def extract_all(articles: Sequence[Article], *, model: str, jobs: int = 1, dask_scheduler: str | None = None,
                progress: Callable[[int], None] | None = None) -> Generator[Extraction | Skipped, None, None]:
    """The extraction of every article (or why kg failed on it), in the order given, computed here, in `jobs`
    processes or on Dask."""
    if not articles:
        return
    batches = [articles[i:i + BATCH] for i in range(0, len(articles), BATCH)]
    pool = None
    if dask_scheduler is not None:
        from kg.distributed import map_batches  # an optional extra: only its users import it

        results = map_batches(extract_batch, batches, model=model, scheduler=dask_scheduler)
    elif jobs > 1 and len(batches) > 1:  # one batch is parsed here, sparing the start of a pool
        # Each worker loads the model itself, so this process, which goes on to merge and write, does not hold it.
        pool = ProcessPoolExecutor(max_workers=min(jobs, len(batches)), mp_context=multiprocessing.get_context("fork"))
        results = pool.map(extract_batch, batches, itertools.repeat(model))
    else:
        results = (extract_batch(batch, model) for batch in batches)
    done = 0
    try:
        for batch in results:
            done += len(batch)
            if progress:
                progress(done)  # before the batch is handed on: a reader stops at its last article
            yield from batch
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
