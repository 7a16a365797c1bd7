"""How fast `kg query` answers who-met-whom on a large graph, against rdflib's default in-memory store.

    python bench/query_speed.py [--triples N] [--rdflib-timeout SECONDS] [--seed N] [--keep DIR | --graph FILE]

Builds a synthetic graph of at least N triples (default 1,000,000) the way `kg build` does: made-up articles, mentions,
people, places, countries, posts and meetings (most held, some reported by two articles) as kg.records objects,
through kg.graph.build_graph and kg.export.rdf.write_turtle. Then, each in a fresh Python process, it runs
ontology/queries/who_met_whom.rq:

  kg      kg.query.run_query (what `kg query` calls: read the file, load it into pyoxigraph, query, rows as text);
          then, timed apart, kg.query.read_graph (the load alone) and the query alone on that store, best of three
  rdflib  rdflib.Graph().parse(...) and Graph.query(...), as kg.query did before; stopped after --rdflib-timeout
          seconds (default 900), and then reported as "> N s"

and prints the times, the speed-up and the number of triples. --graph times an existing Turtle file instead (a kept
synthetic graph, or a real graph.ttl). See bench/README.md for figures.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERY = ROOT / "ontology" / "queries" / "who_met_whom.rq"
FIRST = ["Ali", "Hakan", "Sergei", "Hulusi", "Recep", "Bashar", "Vladimir", "Emmanuel", "Angela", "Olaf", "Joe",
         "Xi", "Narendra", "Fumio", "Rishi", "Giorgia", "Pedro", "Mark", "Ursula", "Antony", "Dmitry", "Mevlut",
         "Faisal", "Ayman", "Mohammed", "Abdullah", "Tamim", "Ilham", "Nikol", "Kassym-Jomart", "Shavkat", "Luiz",
         "Gustavo", "Javier", "Claudia", "Cyril", "Bola", "Abiy", "William", "Paul", "Nana", "Yoon", "Anthony", "Chris"]
SYLLABLES = ["ka", "ra", "mo", "li", "za", "de", "no", "vi", "ta", "sh", "el", "ov", "an", "ur", "be", "gi", "lu",
             "ma", "se", "do", "ko", "ya", "ni", "ha", "to", "fe", "in", "ar"]
COUNTRIES = ["Turkey", "Syria", "Russia", "France", "Germany", "China", "India", "Japan", "Italy", "Spain", "Brazil",
             "Mexico", "Nigeria", "Ethiopia", "Kenya", "Ghana", "Egypt", "Jordan", "Qatar", "Iran", "Iraq", "Israel",
             "Ukraine", "Poland", "Greece", "Armenia", "Azerbaijan", "Georgia", "Kazakhstan", "Uzbekistan"]
TITLES = ["defence minister", "foreign minister", "president", "prime minister", "intelligence chief", "envoy"]
TRIGGERS = ["met", "held talks with", "met with", "hosted"]
SOON = ["planned", "possible"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="least number of triples (default 1,000,000)")
    parser.add_argument("--rdflib-timeout", type=float, default=900, help="seconds rdflib may take (default 900)")
    parser.add_argument("--seed", type=int, default=7, help="random seed of the synthetic graph")
    parser.add_argument("--keep", type=Path, help="write graph.ttl into this folder and keep it")
    parser.add_argument("--graph", dest="existing", type=Path, help="time this Turtle file; build none")
    parser.add_argument("--measure", choices=["kg", "rdflib"], help=argparse.SUPPRESS)  # one side, in a child process
    parser.add_argument("graph", nargs="?", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.measure, args.graph)
        return
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as temp:
        if args.existing:
            graph = args.existing
            triples = count_triples(graph)
            print(f"graph: {triples:,} triples, {graph.stat().st_size / 1e6:.0f} MB of Turtle ({graph})")
        else:
            folder = args.keep or Path(temp)
            folder.mkdir(parents=True, exist_ok=True)
            graph = folder / "graph.ttl"
            started = time.perf_counter()
            triples = write_synthetic_graph(graph, least=args.triples, seed=args.seed)
            print(f"graph: {triples:,} triples, {graph.stat().st_size / 1e6:.0f} MB of Turtle, "
                  f"written in {time.perf_counter() - started:.0f} s ({graph})")
        print(f"machine: {platform.processor() or platform.machine()}, {_cpus()} cores, "
              f"Python {platform.python_version()}"
              f", pyoxigraph {_version('pyoxigraph')}, rdflib {_version('rdflib')}")
        kg = run_child("kg", graph, timeout=None)
        rdflib = run_child("rdflib", graph, timeout=args.rdflib_timeout)
        report(kg, rdflib, timeout=args.rdflib_timeout)


def write_synthetic_graph(path: Path, *, least: int, seed: int) -> int:
    """Write a kg graph of at least `least` triples to `path`, as `kg build` writes graph.ttl; the triple count."""
    from kg.export.rdf import triples, write_turtle
    from kg.graph import build_graph

    def count(graph) -> int:
        return len(set(triples(graph)))

    pilot = count(build_graph(*synthetic_records(400, seed=seed)))
    stories = math.ceil(least / (pilot / 400) * 1.01)
    while True:
        graph = build_graph(*synthetic_records(stories, seed=seed))
        found = count(graph)
        if found >= least:
            break
        stories = math.ceil(stories * least / found * 1.01)
    write_turtle(graph, path)
    return found


def count_triples(path: Path) -> int:
    import pyoxigraph

    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE, base_iri=path.resolve().as_uri())
    return len(store)


def synthetic_records(stories: int, *, seed: int):
    """Records as extract and resolve give them: (extractions, entities, meetings, mention_entity).

    Each story is one meeting of two to five people (nine in ten held, else cancelled) in a city, reported by one
    article or, one time in three, by two. Each article also states a post of the first participant and a
    planned or possible meeting of two other people. People recur across stories, the well-known ones more often.
    """
    from kg.records import Article, DateClaim, Entity, Evidence, Extraction, Meeting, Mention, MergedMeeting, Role

    rng = random.Random(seed)
    people = _names(rng, max(50, stories // 2))
    places = [_word(rng, 3).capitalize() for _ in range(400)]
    entity_mentions: dict[str, list[str]] = {}
    entity_kind_name: dict[str, tuple[str, str]] = {}
    mention_entity: dict[str, str] = {}
    extractions, meetings = [], []

    def mention(evidence: Evidence, name: str, kind: str, prefix: str) -> Mention:
        entity_id = f"{prefix}:{name.lower().replace(' ', '-')}"
        offset = evidence.sentence.index(name)
        result = Mention(f"{evidence.article_id}#{evidence.start + offset}", name, name, kind,
                         evidence.start + offset, evidence.start + offset + len(name), evidence)
        mention_entity[result.id] = entity_id
        entity_mentions.setdefault(entity_id, []).append(result.id)
        entity_kind_name[entity_id] = (kind, name)
        return result

    def person() -> str:
        # The first names of the list are the well-known people: they take part far more often.
        return people[min(int(rng.paretovariate(1.2)) - 1, len(people) - 1) if rng.random() < 0.3
                      else rng.randrange(len(people))]

    article_number = 0
    for story in range(stories):
        participants = list(dict.fromkeys(person() for _ in range(rng.randint(2, 5))))
        while len(participants) < 2:
            participants.append(person())
        place = rng.choice(places)
        day = f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        status = "held" if rng.random() < 0.9 else "cancelled"
        reports, participant_reports, claims = [], [], []
        for _ in range(2 if rng.random() < 1 / 3 else 1):
            article_id = f"{article_number:06d}-synthetic"
            article_number += 1
            trigger = rng.choice(TRIGGERS)
            names = ", ".join(participants[1:-1])
            s1 = (f"{participants[0]} {trigger} {names + ' and ' if names else ''}{participants[-1]} in {place} "
                  f"on {day}.")
            country = rng.choice(COUNTRIES)
            title = rng.choice(TITLES)
            s2 = f"{participants[0]}, the {title} of {country}, spoke to reporters afterwards."
            a, b = rng.sample([p for p in people[:200] if p not in participants], 2)
            soon = rng.choice(SOON)
            s3 = f"{a} {'will' if soon == 'planned' else 'may'} meet {b} next month."
            body = f"{s1} {s2} {s3}"
            e1 = Evidence(article_id, s1, 0, len(s1))
            e2 = Evidence(article_id, s2, len(s1) + 1, len(s1) + 1 + len(s2))
            e3 = Evidence(article_id, s3, e2.end + 1, e2.end + 1 + len(s3))
            m_people = [mention(e1, name, "Person", "person") for name in participants]
            m_place = mention(e1, place, "Place", "place")
            m_holder = mention(e2, participants[0], "Person", "person")
            m_country = mention(e2, country, "Country", "country")
            m_a, m_b = mention(e3, a, "Person", "person"), mention(e3, b, "Person", "person")
            held = Meeting(f"{article_id}#m{len(participants[0]) + 1}", trigger, tuple(m.id for m in m_people),
                           status, "in_person", m_place.id, f"on {day}", e1)
            later = Meeting(f"{article_id}#m{e3.start + len(a) + 1}", "meet", (m_a.id, m_b.id), soon, "unknown",
                            None, "next month", e3)
            extractions.append(Extraction(
                Article(article_id, f"{participants[0]} and {participants[-1]} meet in {place}", body, day,
                        "Synthetic News", f"synthetic/{article_id}.txt"),
                (*m_people, m_place, m_holder, m_country, m_a, m_b),
                (Role(m_holder.id, title, m_country.id, e2),),
                (held, later)))
            reports.append(held)
            participant_reports += [(mention_entity[m.id], held.id) for m in m_people]
            claims.append(DateClaim(article_id, f"on {day}", day, "day", "text", False))
            meetings.append(MergedMeeting(
                f"meeting:{article_id}-soon", soon, "unknown", tuple(sorted(mention_entity[m.id] for m in (m_a, m_b))),
                None, "next month", (later,), tuple(sorted((mention_entity[m.id], later.id) for m in (m_a, m_b)))))
        meetings.append(MergedMeeting(
            f"meeting:story-{story:06d}", status, "in_person",
            tuple(sorted({entity for entity, _ in participant_reports})), f"place:{place.lower()}", f"on {day}",
            tuple(sorted(reports, key=lambda report: report.id)), tuple(sorted(participant_reports)),
            date_claims=tuple(claims), date=day))
    entities = [Entity(entity_id, kind, name, (), tuple(sorted(entity_mentions[entity_id])), ())
                for entity_id, (kind, name) in entity_kind_name.items()]
    return extractions, entities, meetings, mention_entity


def measure(side: str, graph: Path) -> None:
    """Time one side on `graph` and print the figures as one JSON line per step, as soon as each is known."""
    query = QUERY.read_text(encoding="utf-8")
    if side == "kg":
        from kg.query import read_graph, run_query

        started = time.perf_counter()
        _, rows = run_query(graph, query)
        _emit(total=time.perf_counter() - started, rows=len(rows), pairs=_pairs(rows))
        started = time.perf_counter()
        store, prefixes = read_graph(graph)
        _emit(load=time.perf_counter() - started)
        best = math.inf
        for _ in range(3):
            started = time.perf_counter()
            rows = [[None if term is None else term.value for term in solution]
                    for solution in store.query(query, prefixes=prefixes)]
            best = min(best, time.perf_counter() - started)
        _emit(query=best, rss=_max_rss())
    else:
        from rdflib import Graph

        started = time.perf_counter()
        rdf_graph = Graph().parse(graph, format="turtle")
        _emit(load=time.perf_counter() - started, rss=_max_rss())
        started = time.perf_counter()
        rows = [tuple(None if value is None else str(value) for value in row) for row in rdf_graph.query(query)]
        _emit(query=time.perf_counter() - started, rows=len(rows), pairs=_pairs(rows), rss=_max_rss())


def run_child(side: str, graph: Path, *, timeout: float | None) -> dict:
    """The figures a child process measured, with "timeout" set if it was stopped before the end."""
    figures: dict = {}
    with tempfile.TemporaryFile("w+") as output:
        child = subprocess.Popen([sys.executable, __file__, "--measure", side, str(graph)], stdout=output, text=True)
        try:
            child.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
            figures["timeout"] = timeout
        output.seek(0)
        for line in output:
            figures.update(json.loads(line))
    if child.returncode not in (0, -9) or ("timeout" not in figures and "query" not in figures):
        sys.exit(f"the {side} measurement failed (exit code {child.returncode})")
    return figures


def report(kg: dict, rdflib: dict, *, timeout: float) -> None:
    print(f"kg query (pyoxigraph): {kg['total']:.2f} s in all (run_query); timed apart: load {kg['load']:.2f} s, "
          f"query {kg['query']:.3f} s (best of 3); {kg['rows']:,} rows; peak memory {kg['rss'] / 1e9:.1f} GB")
    if "query" in rdflib:
        total = rdflib["load"] + rdflib["query"]
        print(f"rdflib default store:  {total:.1f} s in all = parse {rdflib['load']:.1f} s "
              f"+ query {rdflib['query']:.1f} s;"
              f" {rdflib['rows']:,} rows; peak memory {rdflib['rss'] / 1e9:.1f} GB")
        print(f"speed-up: {total / kg['total']:.0f}x in all, {rdflib['query'] / kg['query']:.0f}x for the query alone")
        print("same pairs: " + ("yes" if rdflib["pairs"] == kg["pairs"] else "NO, the two engines disagree"))
    elif "load" in rdflib:
        query = timeout - rdflib["load"]
        print(f"rdflib default store:  > {timeout:.0f} s in all = parse {rdflib['load']:.1f} s + query > {query:.0f} s "
              f"(stopped after {timeout:.0f} s)")
        print(f"speed-up: > {timeout / kg['total']:.0f}x in all, > {query / kg['query']:.0f}x for the query alone")
    else:
        print(f"rdflib default store:  > {timeout:.0f} s: still parsing when stopped")
        print(f"speed-up: > {timeout / kg['total']:.0f}x in all")


def _pairs(rows) -> str:
    """A digest of the (a_name, b_name, meeting) triples, whatever their order, to compare the engines."""
    import hashlib

    return hashlib.sha256(repr(sorted(tuple(row[:3]) for row in rows)).encode()).hexdigest()


def _emit(**figures) -> None:
    print(json.dumps(figures), flush=True)


def _max_rss() -> int:
    """The peak resident memory of this process, in bytes (Linux reports kilobytes, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def _names(rng: random.Random, count: int) -> list[str]:
    names: dict[str, None] = {}
    while len(names) < count:
        names[f"{rng.choice(FIRST)} {_word(rng, rng.randint(2, 4)).capitalize()}"] = None
    return list(names)


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


if __name__ == "__main__":
    main()
