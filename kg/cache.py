"""Per-article extraction results kept on disk, so a rebuild parses only new or changed articles.

An entry is the Extraction of one article, as JSON, in a file named by its key: a SHA-256 over the article (every
field but the path it was read from, body included) and the pipeline's fingerprint (the source of every module that
shapes an extraction, their data files, the spaCy version and the model's name and version). Change any of them and
the key changes, so a stale entry is never found. Each file also carries the SHA-256 of its own payload: a
truncated, edited or otherwise corrupt file fails that check (or the JSON parse, or the record types) and is parsed
again, never trusted.

The Article itself is not stored: the key is derived from it, so the one just read is the one the entry was made from.
JSON rather than pickle because a cache folder is a file anyone can write to, and loading a pickle runs code.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

import spacy

from kg.export import write_text_atomic
from kg.records import Article, DateClue, Dating, Evidence, Extraction, KindChange, Meeting, Mention, Role

FORMAT = 4  # the layout of an entry; bump it when records change shape
PACKAGE = Path(__file__).resolve().parent
# What an extraction depends on besides the article and the model (globs under the package): the extract package and
# every data file, so a new rule module or word list is never missed. resolve, graph and export run on every build.
SHAPING = ("records.py", "nlp.py", "extract/*.py", "data/*", "countries.py", "timex.py", "dating/article.py")


def fingerprint(model_name: str, model_version: str) -> str:
    """A digest of everything besides the article that decides its Extraction."""
    digest = hashlib.sha256(f"kg-cache {FORMAT}\0spacy {spacy.__version__}\0{model_name} {model_version}\0".encode())
    for path in sorted(p for pattern in SHAPING for p in PACKAGE.glob(pattern)):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def article_key(article: Article, pipeline: str) -> str:
    """The key of one article's entry: its fields but its source, and the pipeline's fingerprint.

    Extraction never reads where a file lies, so a folder moved or mounted elsewhere keeps its entries.
    """
    fields = json.dumps({**asdict(article), "source": None}, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(f"{pipeline}\0{fields}".encode()).hexdigest()


class Cache:
    """A folder of entries, `<key[:2]>/<key>.json`. Counts what it found, missed and threw away.

    An entry is two lines: {"key", "sha256"} and the payload, so the checksum is over the payload's bytes as written.
    """

    def __init__(self, folder: Path, pipeline: str) -> None:
        self.folder = folder
        self.pipeline = pipeline
        self.hits = self.misses = self.corrupt = 0

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, article: Article) -> Extraction | None:
        """The cached extraction of `article`, or None when there is none or it cannot be trusted."""
        key = article_key(article, self.pipeline)
        try:
            header, payload = self._path(key).read_bytes().split(b"\n", 1)
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, ValueError):  # unreadable, or not two lines
            self.corrupt += 1
            return None
        try:
            entry = json.loads(header)
            if entry != {"key": key, "sha256": hashlib.sha256(payload).hexdigest()}:
                raise ValueError("not this article's entry, or not the payload it was written with")
            extraction = from_json(json.loads(payload), article)
        except (KeyError, TypeError, ValueError, AttributeError):  # json's errors are ValueErrors
            self.corrupt += 1
            return None
        self.hits += 1
        return extraction

    def put(self, extraction: Extraction) -> None:
        key = article_key(extraction.article, self.pipeline)
        payload = json.dumps(to_json(extraction), ensure_ascii=False, separators=(",", ":"))
        header = json.dumps({"key": key, "sha256": hashlib.sha256(payload.encode()).hexdigest()})
        write_text_atomic(self._path(key), f"{header}\n{payload}")


def to_json(extraction: Extraction) -> dict:
    """An Extraction as JSON values, without its Article."""
    data = asdict(extraction)
    del data["article"]
    return data


def from_json(data: dict, article: Article) -> Extraction:
    """The Extraction `to_json` wrote, for `article`; TypeError or KeyError when the data is not one."""
    if set(data) != {"mentions", "roles", "meetings", "dating", "kind_changes"}:
        raise KeyError("fields")
    mentions = tuple(Mention(**{**m, "evidence": Evidence(**m["evidence"])}) for m in data["mentions"])
    roles = tuple(Role(**{**r, "evidence": Evidence(**r["evidence"])}) for r in data["roles"])
    meetings = tuple(Meeting(**{**m, "participants": tuple(m["participants"]), "rules": tuple(m["rules"]),
                                "evidence": Evidence(**m["evidence"])}) for m in data["meetings"])
    dating = data["dating"]
    if dating is not None:
        estimate = dating["estimate"]
        dating = Dating(**{**dating, "estimate": None if estimate is None else tuple(estimate),
                           "clues": tuple(DateClue(**clue) for clue in dating["clues"])})
    kind_changes = tuple(KindChange(**change) for change in data["kind_changes"])
    return Extraction(article, mentions, roles, meetings, dating, kind_changes)
