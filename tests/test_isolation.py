"""One article never costs a build: kg's own failures on an article skip it with the file, the stage and the
error, and mangled articles of every kind real files come in build without a traceback."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg.pipeline
import kg.resolve
from kg.cli import app
from kg.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def _examples(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(ROOT / "examples", folder)
    (folder / "boom.txt").write_text("Title: Boom\nDate: 2020-01-02\n\nAnna Rossi met Jean Dupont in Rome on Monday.")
    return folder


def test_an_article_kg_fails_to_extract_is_skipped_and_named_and_the_others_build(tmp_path, monkeypatch):
    real = kg.pipeline.extract

    def failing(doc, article):
        if article.title == "Boom":
            raise ValueError("an invented failure")
        return real(doc, article)

    monkeypatch.setattr(kg.pipeline, "extract", failing)
    result = build([_examples(tmp_path)], out_dir=tmp_path / "out", cache_dir=None)
    [skipped] = result.skipped
    assert skipped.source.endswith("boom.txt")
    assert "bug in kg while extracting it (ValueError: an invented failure)" in skipped.reason
    assert result.articles == 2
    report = (tmp_path / "out" / "report.md").read_text()
    assert "boom.txt: bug in kg while extracting it" in report and "Meeting in Moscow (held" in report


def test_an_article_whose_names_fail_to_resolve_is_skipped_and_named(tmp_path, monkeypatch):
    real = kg.resolve._resolve_in_article

    def failing(extraction):
        if extraction.article.title == "Boom":
            raise KeyError("an invented key")
        return real(extraction)

    monkeypatch.setattr(kg.resolve, "_resolve_in_article", failing)
    result = build([_examples(tmp_path)], out_dir=tmp_path / "out", cache_dir=None)
    assert [s.source.endswith("boom.txt") for s in result.skipped] == [True]
    assert "bug in kg while resolving the names of it (KeyError" in result.skipped[0].reason
    labels = {data["label"] for _, data in result.graph.nodes(data=True)}
    assert "Anna Rossi" not in labels and "Bashar al-Assad" in labels


def test_a_failure_of_the_merge_is_one_line_and_changes_no_output(tmp_path, monkeypatch):
    folder = _examples(tmp_path)
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(folder), "--out", str(out), "--quiet"]).exit_code == 0
    before = {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()}

    def broken(*args, **kwargs):
        raise RuntimeError("an invented merge failure")

    monkeypatch.setattr(kg.pipeline, "build_graph", broken)
    result = runner.invoke(app, ["build", str(folder), "--out", str(out), "--quiet"])
    assert result.exit_code == 1 and not isinstance(result.exception, RuntimeError)  # no traceback
    [line] = result.output.strip().splitlines()
    assert line.startswith("error: bug in kg while merging 3 articles (RuntimeError: an invented merge failure)")
    assert {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()} == before


def _mangled(text: str, rng: random.Random) -> dict[str, str]:
    """The body of an article as real files mangle it."""
    sentences = [s for s in text.replace("\n", " ").split(". ") if s]
    shuffled = sentences[:]
    rng.shuffle(shuffled)
    cut = rng.randrange(len(text) // 3, len(text))
    return {
        "shuffled": ". ".join(shuffled),
        "cut_mid_word": text[:cut],
        "capitals": text.upper(),
        "lower": text.lower(),
        "doubled": text + "\n\n" + text,
        "mixed_scripts": " ".join(w + (" Эрдоган 王小明 عبد" if i % 7 == 0 else "") for i, w in
                                  enumerate(text.split())),
        "long_line": (text.replace("\n", " ") + " ") * max(1, 10_000 // max(1, len(text))),
        "odd_times": text.replace("Monday", "Sunday night").replace("2022", "the year before last")
        .replace("Wednesday", "earlier this week") + "\n\nThey met at 25:99 on 31 February, some time or other.",
        "no_letters": "1234 5678 — … ¶ §§ " * 50,
        "one_word": "Meeting",
    }


@pytest.mark.parametrize("seed", [1, 2])
def test_mangled_articles_build_without_a_traceback_and_every_input_is_built_or_named(tmp_path, seed):
    rng = random.Random(seed)
    folder = tmp_path / "in"
    folder.mkdir()
    for example in sorted((ROOT / "examples").glob("*.txt")):
        header, body = example.read_text(encoding="utf-8").split("\n\n", 1)
        for kind, text in _mangled(body, rng).items():
            (folder / f"{example.stem}_{kind}.txt").write_text(f"{header}\n\n{text}", encoding="utf-8")
    inputs = sorted(path.name for path in folder.iterdir())
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(folder), "--out", str(out), "--quiet", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and result.exception is None
    report = (out / "report.md").read_text()
    built = int(report.split("- articles read: ")[1].split("\n")[0])
    named = [name for name in inputs if f"{name}:" in result.output]
    assert built + len(named) == len(inputs), (built, named)
    assert "bug in kg" not in result.output


def _one_line_error(result) -> str:
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_an_out_that_is_a_file_is_one_line(tmp_path):
    (tmp_path / "afile").write_text("mine")
    line = _one_line_error(runner.invoke(app, ["build", "--out", str(tmp_path / "afile"), "--quiet"]))
    assert line == f"error: --out {tmp_path / 'afile'}: a file, not a folder; give a folder (kg creates it if it " \
                   f"is missing)"
    assert (tmp_path / "afile").read_text() == "mine"


def test_a_full_disk_while_writing_is_one_line_and_keeps_the_previous_outputs(tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", "--out", str(out), "--quiet"]).exit_code == 0
    before = {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()}

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kg.pipeline, "write_text_atomic", full)
    line = _one_line_error(runner.invoke(app, ["build", "--out", str(out), "--quiet", "--no-cache"]))
    assert line == f"error: cannot write the outputs into {out} (No space left on device); free some space or give " \
                   f"another --out; the previous outputs are unchanged"
    assert {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()} == before


def test_a_folder_that_cannot_be_written_is_one_line(tmp_path, monkeypatch):
    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(kg.pipeline, "write_text_atomic", refused)
    out = tmp_path / "out"
    line = _one_line_error(runner.invoke(app, ["build", "--out", str(out), "--quiet", "--no-cache"]))
    assert line == f"error: cannot write the outputs into {out} (Permission denied); give a folder you can write " \
                   f"to with --out; the previous outputs are unchanged"


def test_a_cache_that_cannot_be_written_is_named_once_and_the_build_goes_on(tmp_path, monkeypatch):
    def read_only(self, extraction):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(kg.pipeline.Cache, "put", read_only)
    result = runner.invoke(app, ["build", "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 0
    assert result.output.strip().splitlines() == [
        f"cache {tmp_path / 'out' / '.cache'}: cannot write (Permission denied); built on without it"]
    assert "Meeting in Moscow (held" in (tmp_path / "out" / "report.md").read_text()


def test_a_killed_worker_is_one_line(tmp_path, monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    def killed(*args, **kwargs):
        raise BrokenProcessPool("A process in the process pool was terminated abruptly")
        yield

    monkeypatch.setattr(kg.pipeline, "extract_all", killed)
    line = _one_line_error(runner.invoke(app, ["build", "--out", str(tmp_path / "out"), "--quiet", "--jobs", "2"]))
    assert line == "error: a process parsing articles was killed (out of memory?); try fewer --jobs than 2; no " \
                   "output was changed"
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_files_in_a_folder_that_are_not_articles_are_named_not_read(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(ROOT / "examples", folder)
    (folder / "README.txt").write_text("Jane Doe met John Roe to write this README.\n\n" * 20)
    (folder / "COPYING-CC.TXT").write_text("Copyright Jane Doe.\n")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    (folder / ".hidden.txt").write_text("Jane Doe met John Roe.")
    result = runner.invoke(app, ["build", str(folder), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 0
    assert sorted(result.output.strip().splitlines()) == [
        f"skipped {folder / 'COPYING-CC.TXT'}: a COPYING file, not a news article; give it by name to build it anyway",
        f"skipped {folder / 'README.txt'}: a README file, not a news article; give it by name to build it anyway",
        f"skipped {folder / 'notes.docx'}: a .docx file in the folder {folder}; kg reads .txt, .html, .htm, .jsonl "
        f"files"]
    report = (tmp_path / "out" / "report.md").read_text()
    assert "- articles skipped: 3" in report and "Jane Doe" not in report
