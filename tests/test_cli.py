"""The command line as a user runs it: exit codes, messages, and outputs that survive a failed build."""

from __future__ import annotations

import json
import shutil

from tests_support import OUTPUTS, ROOT
from typer.testing import CliRunner

from kg.cli import app
from kg.registry import REGISTRY

runner = CliRunner()


def test_build_without_paths_builds_the_examples(tmp_path):
    result = runner.invoke(app, ["build", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "read 2 articles (2 parsed, 0 from the cache), skipped 0" in result.output
    assert {p.name for p in tmp_path.iterdir()} == OUTPUTS | {".cache", REGISTRY}
    report = (tmp_path / "report.md").read_text()
    assert "- articles read: 2" in report and "Meeting in Moscow (held" in report


def test_bad_file_is_reported_and_the_good_ones_are_built(tmp_path):
    bad = tmp_path / "in" / "broken.txt"
    bad.parent.mkdir()
    bad.write_bytes(b"\xff\xfe not text")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(bad.parent), str(ROOT / "examples"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "broken.txt: not UTF-8" in result.output
    assert "read 2 articles (2 parsed, 0 from the cache), skipped 1" in result.output
    assert "broken.txt: not UTF-8" in (out / "report.md").read_text()


def test_nothing_readable_fails_and_keeps_the_earlier_output(tmp_path):
    runner.invoke(app, ["build", "--out", str(tmp_path)])
    before = (tmp_path / "graph.ttl").read_bytes()
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["build", str(empty), "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "no article could be read" in result.output
    assert (tmp_path / "graph.ttl").read_bytes() == before


def test_missing_model_says_how_to_install_one(tmp_path):
    result = runner.invoke(app, ["build", "--model", "xx_no_such_model", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "'xx_no_such_model' is not installed" in result.output and "pip install" in result.output
    assert not (tmp_path / "graph.ttl").exists()


def test_query_formats_and_errors(tmp_path):
    runner.invoke(app, ["build", "--out", str(tmp_path)])
    graph = str(tmp_path / "graph.ttl")
    query = str(ROOT / "ontology" / "queries" / "who_met_whom.rq")
    table = runner.invoke(app, ["query", graph, query])
    assert table.exit_code == 0 and "Hulusi Akar" in table.output
    rows = json.loads(runner.invoke(app, ["query", graph, query, "--format", "json"]).output)
    assert len(rows) == 10 and {"a_name", "b_name", "sources"} <= set(rows[0])
    csv_out = runner.invoke(app, ["query", graph, query, "--format", "csv"]).output
    assert csv_out.splitlines()[0].startswith("a_name,b_name,meeting")
    assert runner.invoke(app, ["query", graph, query, "--format", "xml"]).exit_code == 2
    bad = runner.invoke(app, ["query", graph, "SELECT ?x WHERE { ?x"])
    assert bad.exit_code == 1 and "line 1" in bad.output
    missing = runner.invoke(app, ["query", str(tmp_path / "nope.ttl"), query])
    assert missing.exit_code == 1 and "nope.ttl" in missing.output


def test_build_validate_reports_no_violations_on_the_examples(tmp_path):
    result = runner.invoke(app, ["build", "--out", str(tmp_path), "--validate"])
    assert result.exit_code == 0, result.output
    assert "no violations" in result.output


def test_strict_fails_on_any_skip_and_quiet_prints_only_problems(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(ROOT / "examples", folder)
    (folder / "empty.txt").write_text("")
    (folder / "long.txt").write_text("Title: Long\n\n" + "The minister met the envoy. " * 40_000)
    out = tmp_path / "out"
    plain = runner.invoke(app, ["build", str(folder), "--out", str(out), "--quiet"])
    assert plain.exit_code == 0
    assert "empty.txt: empty file" in plain.output
    assert "long.txt: 1,119,999 characters of text, more than the 1,000,000 spaCy parses at once" in plain.output
    assert "wrote" not in plain.output and "read 2 articles" not in plain.output
    assert "Meeting in Moscow (held" in (out / "report.md").read_text()
    before = {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()}
    (folder / "more.txt").write_text("Title: More\n\nHulusi Akar met Sergei Shoigu in Ankara on Monday.")
    strict = runner.invoke(app, ["build", str(folder), "--out", str(out), "--strict"])
    assert strict.exit_code == 1
    assert "empty.txt: empty file" in strict.output
    assert "error: --strict: 2 inputs skipped; no output was changed" in strict.output
    assert {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()} == before


def test_max_size_is_in_megabytes(tmp_path):
    result = runner.invoke(app, ["build", str(ROOT / "examples"), "--out", str(tmp_path), "--max-size", "0.001"])
    assert result.exit_code == 1
    assert "over the size limit of 1,000 bytes" in result.output and "--max-size" in result.output


def test_min_confidence_keeps_only_meetings_read_surely_enough_and_every_meeting_names_its_rules(tmp_path):
    loose = runner.invoke(app, ["build", "--out", str(tmp_path / "loose")])
    strict = runner.invoke(app, ["build", "--out", str(tmp_path / "strict"), "--min-confidence", "0.95",
                                 "--cache", str(tmp_path / "loose" / ".cache")])
    assert loose.exit_code == 0 and strict.exit_code == 0, loose.output + strict.output
    assert "Meeting in Moscow (held" in (tmp_path / "loose" / "report.md").read_text()
    assert "rules: meet-verb" in (tmp_path / "loose" / "report.md").read_text()
    assert "- meetings: 0" in (tmp_path / "strict" / "report.md").read_text()  # every rule's confidence is below
    turtle = (tmp_path / "loose" / "graph.ttl").read_text()
    assert 'kg:method "dependency-parse rules: meet-verb, role-holders"' in turtle
    assert "kg:Meeting" not in (tmp_path / "strict" / "graph.ttl").read_text()


def test_version_and_a_help_that_names_values_not_python_types():
    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and version.output.startswith("kg ")
    help_text = runner.invoke(app, ["build", "--help"]).output
    for option in ("--out DIR", "--jobs N", "--max-size MB", "--min-confidence X", "--merges FILE"):
        assert option in help_text, option
    assert "<bool>" not in help_text and "<int" not in help_text and "<float" not in help_text
