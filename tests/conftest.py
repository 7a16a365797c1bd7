"""Shared fixtures: the pinned spaCy pipeline, loaded once, and one build of the bundled examples."""

from __future__ import annotations

import pytest
from tests_support import ROOT

from kg.nlp import load_model

EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp():
    return load_model()


@pytest.fixture(scope="session")
def examples_build(tmp_path_factory):
    """`kg build examples/` once for the session: (BuildResult, output folder)."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("examples-out")
    return build([EXAMPLES], out_dir=out), out
