"""Score who-met-whom pairs against a gold file of hand-annotated articles.

    python -m kg.bench.meetings GOLD.jsonl CORPUS_DIR [--show-errors] [--model NAME]

GOLD.jsonl has one article a line: {"file": path relative to CORPUS_DIR, "meetings": [{"participants": [{"name",
"aliases", "type"}], "status", ...}]}. Each article is built on its own, as `kg build ARTICLE` would, and
`ontology/queries/who_met_whom.rq` is run on its Turtle. Scores are micro-averaged precision, recall and F1 over
unordered pairs of people in held meetings, each pair counted once per article. A predicted name matches a gold
participant when, with case, accents, possessives and titles folded, it equals the name or an alias, or one name's
words are contained in the other's ("Uribe" matches "Alvaro Uribe"); each gold pair is matched at most once.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from rdflib import Graph
from rdflib.query import ResultRow

from kg import ontology_dir
from kg.export.rdf import to_rdf
from kg.extract import extract
from kg.graph import build_graph
from kg.ingest import read_file
from kg.nlp import DEFAULT_MODEL, load_model
from kg.records import Article
from kg.resolve import resolve

QUERY = ontology_dir() / "queries" / "who_met_whom.rq"
TITLES = {"president", "prime", "minister", "pm", "mr", "mrs", "ms", "dr", "sir", "king", "queen", "prince",
          "general", "gen", "senator", "sen", "secretary", "chancellor", "foreign", "defence", "defense", "vice",
          "premier", "sheikh", "ayatollah", "imam", "pope", "the"}

Name = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def fold(name: str) -> Name:
    """A name's words without case, accents, possessives and titles.

    >>> fold("President Luiz Inácio Lula da Silva's")
    ('luiz', 'inacio', 'lula', 'da', 'silva')
    """
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c)).lower()
    name = re.sub(r"['\u2019]s\b", "", name)
    words = [w for w in re.split(r"[^a-z0-9]+", name) if w]
    return tuple(w for w in words if w not in TITLES) or tuple(words)


def likeness(predicted: Name, forms: list[Name]) -> int:
    """2: the name or an alias exactly; 1: one name's words inside the other's; 0: another person."""
    best = 0
    for form in forms:
        if form and predicted and predicted == form:
            return 2
        if form and predicted and (set(predicted) <= set(form) or set(form) <= set(predicted)):
            best = 1
    return best


def gold_pairs(record: dict) -> list[tuple[list[Name], list[Name]]]:
    """Unordered pairs of people in the held meetings of one gold article, each pair once."""
    pairs, seen = [], set()
    for meeting in record["meetings"]:
        if meeting.get("status") != "held":
            continue
        people = [p for p in meeting["participants"] if p.get("type") == "person"]
        for a, b in itertools.combinations(people, 2):
            forms_a = [fold(a["name"])] + [fold(x) for x in a.get("aliases", [])]
            forms_b = [fold(b["name"])] + [fold(x) for x in b.get("aliases", [])]
            key = frozenset((forms_a[0], forms_b[0]))
            if len(key) == 2 and key not in seen:
                seen.add(key)
                pairs.append((forms_a, forms_b))
    return pairs


def score_article(predicted: set[tuple[str, str]], gold: list[tuple[list[Name], list[Name]]]
                  ) -> tuple[list[tuple[str, str]], list[int], list[int]]:
    """(false positive pairs, indexes of matched gold pairs, indexes of missed gold pairs)."""
    matched: list[int] = []
    false_positives = []
    for a, b in sorted(predicted):
        fa, fb = fold(a), fold(b)
        hit, best = None, 0
        for i, (ga, gb) in enumerate(gold):
            if i in matched:
                continue
            quality = max(min(likeness(fa, ga), likeness(fb, gb)), min(likeness(fa, gb), likeness(fb, ga)))
            if quality > best:
                hit, best = i, quality
        if hit is None:
            false_positives.append((a, b))
        else:
            matched.append(hit)
    return false_positives, matched, [i for i in range(len(gold)) if i not in matched]


def predicted_pairs(nlp, article: Article, query: str) -> set[tuple[str, str]]:
    """The held who-met-whom pairs of one article built on its own, through the Turtle and the project's query."""
    extraction = extract(nlp(article.body), article)
    resolution = resolve([extraction])
    graph = build_graph([extraction], resolution.entities, resolution.meetings, resolution.mention_entity)
    rdf_graph = Graph().parse(data=to_rdf(graph).serialize(format="turtle"), format="turtle")
    pairs = set()
    for row in cast(Iterable[ResultRow], rdf_graph.query(query)):  # a SELECT gives rows
        a, b = str(row.a_name), str(row.b_name)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.bench.meetings", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path)
    parser.add_argument("corpus", type=Path, help="folder the gold file paths are relative to")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)
    nlp = load_model(args.model)
    query = QUERY.read_text(encoding="utf-8")
    tp = fp = fn = 0
    records = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    for record in records:
        gold = gold_pairs(record)
        articles = [a for a in read_file(args.corpus / record["file"]) if isinstance(a, Article)]
        predicted = set().union(*(predicted_pairs(nlp, a, query) for a in articles))
        false_positives, matched, missed = score_article(predicted, gold)
        tp, fp, fn = tp + len(matched), fp + len(false_positives), fn + len(missed)
        if args.show_errors:
            for a, b in false_positives:
                print(f"  FP {record['file']}: {a} -- {b}")
            for i in missed:
                print(f"  FN {record['file']}: {' '.join(gold[i][0][0])} -- {' '.join(gold[i][1][0])}")
    score = Score(tp, fp, fn)
    print(f"{len(records)} articles, tp={tp} fp={fp} fn={fn}")
    print(f"precision={score.precision:.3f} recall={score.recall:.3f} f1={score.f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
