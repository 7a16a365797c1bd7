"""Score the Person nodes of kg against people listed by hand, each article built on its own.

    python -m kg.bench.entities [CORPUS_DIR] [--show-errors] [--model NAME]

Two references in CORPUS_DIR (default ../shared/corpus):
- GUM (`gum_wikinews/entities_coref_tsv/*.tsv`, the Georgetown University Multilayer corpus, CC BY): every mention
  of an entity of type `person` is annotated in 24 Wikinews articles. A gold person is a named one: a mention linked
  to a Wikipedia identity, or a mention written as a name (capitalised words, not only titles). Precision: Person
  nodes whose name is a gold person's (the same words, or one's words inside the other's: "Mohamed" is "Ahmed
  Mohamed"); recall: gold people with such a node.
- Reuters-21578 (`reuters21578/text/*.txt`): the `People:` header lists the people a story is about, by surname
  ("stoltenberg", "de-larosiere"). Recall only (the list is not every person named): listed people with a Person
  node holding those words.
"""

from __future__ import annotations

import argparse
import re
import sys
import urllib.parse
from collections.abc import Iterable
from pathlib import Path

from kg.bench.meetings import Name, Score, fold
from kg.countries import country_named, country_of_demonym
from kg.extract import extract
from kg.graph import build_graph
from kg.ingest import read_file
from kg.nlp import DEFAULT_MODEL, load_model, parse_articles
from kg.records import Article
from kg.resolve import resolve

# Words that make a mention a description, not a name, when they are all it has: "the President", "Mr".
NOT_NAMES = {"the", "a", "an", "mr", "mrs", "ms", "dr", "president", "prime", "minister", "senator", "sen",
             "secretary", "king", "queen", "prince", "pope", "general", "chief", "officer", "of", "and", "us", "u",
             "s", "his", "her", "their", "i", "he", "she", "we", "you", "they", "who"}

# Words that open what a mention says after a name: "X of the Labour Party", "X, who ...".
AFTER_NAMES = {"of", "from", "who", "whom", "whose", "at", "in", "with", "for", "to", "and", "or", "as", "on", "by",
               "which", "that"}


def gum_people(tsv: str) -> list[list[Name]]:
    """The named people of one GUM document: each a list of its name forms (folded), from its person mentions."""
    spans: dict[str, list[tuple[int, int, str]]] = {}  # mention id -> tokens (start, end, text)
    identity: dict[str, str] = {}
    initial: set[int] = set()  # offsets of sentence-initial tokens, capitalised whatever they are
    rows = [row.split("\t") for row in tsv.splitlines()]
    # Words the text capitalises inside a sentence: a name at a sentence's start is one of them.
    capitalised = {cells[2] for cells in rows if len(cells) > 2 and re.match(r"\d+-\d+$", cells[0])
                   and not cells[0].endswith("-1") and cells[2][:1].isupper()}
    for row in tsv.splitlines():
        cells = row.split("\t")
        if len(cells) < 7 or not re.match(r"\d+-\d+$", cells[0]):
            continue
        start, end = map(int, cells[1].split("-"))
        # Identities name the mention they belong to by its number ("Donald_Trump[12]"); one-token mentions have
        # none, and then the columns line up one for one.
        labels, idents = cells[3].split("|"), cells[6].split("|")
        numbered = {i.rpartition("[")[2].rstrip("]"): i.rpartition("[")[0] for i in idents if i.endswith("]")}
        for k, label in enumerate(labels):
            kind, _, number = label.partition("[")
            if kind != "person":
                continue
            key = number.rstrip("]") or f"{cells[0]}:{k}"
            spans.setdefault(key, []).append((start, end, cells[2]))
            if cells[0].endswith("-1"):
                initial.add(start)
            ident = numbered.get(number.rstrip("]")) if number else (idents[k] if len(idents) == len(labels) else "_")
            if ident and ident != "_":
                identity[key] = urllib.parse.unquote(ident).replace("_", " ")
    forms: list[list[Name]] = []
    for key, tokens in spans.items():
        name = _name_in([t if start not in initial or t in capitalised or key in identity else t.lower()
                         for start, _, t in tokens])
        if name is None or country_named(name) or country_of_demonym(name):
            continue  # "the voters", "the US President", "Thailand" (its government): people, but not named ones
        names = [fold(name)]
        group = key in identity and " " not in identity[key] and identity[key].endswith("s") and name.endswith("s")
        if key in identity and not group:  # not "Muslims", "Afghans": people, but a group of them
            names.append(fold(identity[key]))
        elif group:
            continue
        forms.append(names)
    return _merged(forms)


def _name_in(tokens: list[str]) -> str | None:
    """The longest run of capitalised words in a mention that is more than titles: "team captain Rodaba Noori"
    gives "Rodaba Noori"; "the US President" none."""
    runs: list[list[str]] = [[]]
    ends: list[bool] = []  # whether each run ends the mention or its name part (a comma, a bracket after it)
    for i, token in enumerate(tokens):
        if token[:1].isupper() or (runs[-1] and token.lower() in ("de", "da", "al", "bin", "van", "von", "-")):
            runs[-1].append(token)
            if i + 1 == len(tokens) or not tokens[i + 1][:1].isalnum():
                ends.append(True)
                runs.append([])
        elif runs[-1]:
            # "Indonesian fishermen": the capitalised word only modifies the head; but "Hui Chi-fung from the
            # Democratic Party", "Julie Couillard who had ties to ...": a name, then what the mention says of it.
            ends.append(token.lower() in AFTER_NAMES)
            runs.append([])
    named = [run for run, last in zip(runs, ends) if last and any(w.lower().strip(".") not in NOT_NAMES for w in run)]
    if not named:
        return None
    longest: list[str] = max(named, key=len)
    return " ".join(longest)


def _merged(people: list[list[Name]]) -> list[list[Name]]:
    """People whose name forms share one's words inside the other's are one person ("Mohamed", "Ahmed Mohamed")."""
    merged: list[list[Name]] = []
    for forms in sorted(people, key=lambda f: -max(len(n) for n in f)):
        same = next((m for m in merged if any(_alike(a, b) for a in forms for b in m)), None)
        if same is None:
            merged.append(list(forms))
        else:
            same.extend(f for f in forms if f not in same)
    return merged


def _alike(a: Name, b: Name) -> bool:
    return bool(a) and bool(b) and (set(a) <= set(b) or set(b) <= set(a))


def person_nodes(nlp, articles: Iterable[Article]) -> dict[str, list[str]]:
    """Article id -> the names of its Person nodes, each article built on its own."""
    found = {}
    for article, doc in parse_articles(nlp, articles):
        extraction = extract(doc, article)
        resolution = resolve([extraction])
        graph = build_graph([extraction], resolution.entities, resolution.meetings, resolution.mention_entity)
        found[article.id] = sorted(d["label"] for _, d in graph.nodes(data=True) if d["kind"] == "Person")
    return found


def score_gum(nlp, corpus: Path, errors: list[str]) -> tuple[Score, Score]:
    """(Person-node precision as tp/fp, gold-person recall as tp/fn) over the GUM news documents."""
    folder = corpus / "gum_wikinews"
    node_tp = node_fp = gold_tp = gold_fn = 0
    for tsv in sorted((folder / "entities_coref_tsv").glob("*.tsv")):
        article = next(a for a in read_file(folder / "text" / f"{tsv.stem}.txt") if isinstance(a, Article))
        gold = gum_people(tsv.read_text(encoding="utf-8"))
        nodes = person_nodes(nlp, [article])[article.id]
        for name in nodes:
            if any(_alike(fold(name), form) for person in gold for form in person):
                node_tp += 1
            else:
                node_fp += 1
                errors.append(f"  not a person: {tsv.stem}: {name}")
        for person in gold:
            if any(_alike(fold(name), form) for name in nodes for form in person):
                gold_tp += 1
            else:
                gold_fn += 1
                errors.append(f"  missed: {tsv.stem}: {' '.join(person[0])}")
    return Score(node_tp, node_fp, 0), Score(gold_tp, 0, gold_fn)


def score_reuters(nlp, corpus: Path, errors: list[str]) -> Score:
    """Recall of the people the Reuters `People:` headers list, over every story that lists some."""
    listed: dict[str, list[Name]] = {}
    articles = []
    for path in sorted((corpus / "reuters21578" / "text").glob("*.txt")):
        header = path.read_text(encoding="utf-8", errors="replace").split("\n\n", 1)[0]
        people = re.search(r"^People: *(.+)$", header, re.M)
        if not people:
            continue
        article = next((a for a in read_file(path) if isinstance(a, Article)), None)
        if article is not None:
            listed[article.id] = [fold(tag.replace("-", " ")) for tag in people.group(1).split()]
            articles.append(article)
    tp = fn = 0
    for article_id, nodes in person_nodes(nlp, articles).items():
        for person in listed[article_id]:
            if any(set(person) <= set(fold(name)) for name in nodes):
                tp += 1
            else:
                fn += 1
                errors.append(f"  missed: {article_id}: {' '.join(person)} (nodes: {', '.join(nodes)})")
    return Score(tp, 0, fn)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.bench.entities", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, nargs="?", default=Path("../shared/corpus"))
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--gum-only", action="store_true", help="skip the Reuters recall (about 1,000 stories)")
    args = parser.parse_args(argv)
    nlp = load_model(args.model)
    errors: list[str] = []
    nodes, people = score_gum(nlp, args.corpus, errors)
    print(f"GUM news (24 articles): Person-node precision {nodes.precision:.3f} ({nodes.tp} of {nodes.tp + nodes.fp}), "
          f"recall of named people {people.recall:.3f} ({people.tp} of {people.tp + people.fn})")
    if not args.gum_only:
        reuters = score_reuters(nlp, args.corpus, errors)
        print(f"Reuters People: headers: recall {reuters.recall:.3f} ({reuters.tp} of {reuters.tp + reuters.fn})")
    if args.show_errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
