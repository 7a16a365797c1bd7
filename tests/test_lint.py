"""The code stays clean as it grows: ruff (the rules pyproject.toml selects) on kg, tests and bench, and mypy on kg."""

from __future__ import annotations

import subprocess
import sys

from tests_support import ROOT


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True)


def test_ruff_finds_nothing():
    done = run("ruff", "check", "kg", "tests", "bench")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_finds_nothing_in_kg():
    done = run("mypy")  # the files and settings are in pyproject.toml
    assert done.returncode == 0, done.stdout + done.stderr
