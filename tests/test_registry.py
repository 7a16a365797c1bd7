"""Ids that outlive a build: rebuilds and incremental builds into one folder keep every IRI a user may have linked to;
a merge that retires one says `owl:sameAs` to the one that took its place."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL
from tests_support import ROOT

from kg.errors import KGError
from kg.pipeline import build
from kg.query import run_query
from kg.registry import REGISTRY, Registry, read_registry, registry_text, stable_ids
from kg.render import read_turtle

# Ten short invented reports; the first three name the Turkish minister by his surname only.
NEWS = [
    ("b-moscow", "Turkish Defence Minister Akar met Russian Defence Minister Sergei Shoigu in Moscow on Wednesday. "
                 "Akar said the talks were useful."),
    ("c-ankara", "Akar hosted Syrian Defence Minister Ali Mahmoud Abbas in Ankara on Monday."),
    ("d-shoigu", "Shoigu met Iranian Defence Minister Mohammad Bagheri in Tehran on Tuesday."),
    ("a-moscow", "Turkish Defence Minister Hulusi Akar met Russian Defence Minister Sergei Shoigu in Moscow on "
                 "Wednesday. The two ministers discussed Syria."),
    ("e-berlin", "German Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on Friday."),
    ("f-paris", "Emmanuel Macron hosted Olaf Scholz in Paris on Thursday. Macron said the talks went well."),
    ("g-rome", "Italian Prime Minister Giorgia Meloni met Olaf Scholz in Rome on Monday."),
    ("h-tehran", "Mohammad Bagheri held talks with Ali Mahmoud Abbas in Tehran on Sunday."),
    ("i-kyiv", "Ukrainian President Volodymyr Zelensky met Olaf Scholz in Kyiv on Saturday."),
    ("j-madrid", "Spanish Prime Minister Pedro Sanchez met Giorgia Meloni in Madrid on Tuesday."),
    ("k-ankara", "Hulusi Akar met Mohammad Bagheri in Ankara on Thursday."),
    ("l-cairo", "Egyptian President Abdel Fattah el-Sisi met Emmanuel Macron in Cairo on Friday."),
    ("m-doha", "The Emir of Qatar, Tamim bin Hamad Al Thani, met Pedro Sanchez in Doha on Monday."),
]
INSTANCE = re.compile(r"https://example\.org/kg/id/(?:person|organisation|country|place|meeting)/")


def write_news(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in NEWS:
        if name in names:
            (folder / f"{name}.txt").write_text(f"{name}\n\n{body}\n", encoding="utf-8")
    return folder


def node_iris(out: Path) -> set[str]:
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    return {str(s) for s in graph.subjects() if isinstance(s, URIRef) and INSTANCE.match(str(s))}


def test_an_incremental_build_keeps_every_iri_of_the_first(tmp_path):
    articles, out = tmp_path / "articles", tmp_path / "out"
    write_news(articles, ["b-moscow", "c-ankara", "d-shoigu"])
    build([articles], out_dir=out)
    first = node_iris(out)
    assert "https://example.org/kg/id/person/akar" in first
    # Ten more, among them an earlier report of the Moscow meeting that gives the minister's full name: built afresh,
    # the person would be hulusi-akar and the meeting a-moscow's.
    write_news(articles, [name for name, _ in NEWS])
    build([articles], out_dir=out)
    second = node_iris(out)
    assert first <= second
    fresh = tmp_path / "fresh"
    build([articles], out_dir=fresh)
    assert "https://example.org/kg/id/person/hulusi-akar" in node_iris(fresh)
    assert "https://example.org/kg/id/person/hulusi-akar" not in second
    assert node_iris(fresh) != second  # so the registry, not luck, kept them
    labels = Graph().parse(out / "graph.ttl", format="turtle")
    assert str(labels.value(URIRef("https://example.org/kg/id/person/akar"), URIRef(
        "http://www.w3.org/2000/01/rdf-schema#label"))) == "Hulusi Akar"  # the name follows the news, the IRI stays


def test_a_rebuild_gives_the_same_bytes(tmp_path):
    articles = shutil.copytree(ROOT / "examples", tmp_path / "articles")
    build([articles], out_dir=tmp_path / "out")
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.is_file()}
    build([articles], out_dir=tmp_path / "out")
    assert before == {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.is_file()}
    assert REGISTRY in before


def test_a_merge_retires_the_id_with_less_evidence_and_says_same_as():
    registry = Registry({"person:akar": ("a#0", "a#50"), "person:hulusi-akar": ("b#0",)}, {})
    kept, after = stable_ids({"person:hulusi-akar": frozenset({"a#0", "a#50", "b#0", "c#9"})}, registry)
    assert kept == {"person:hulusi-akar": "person:akar"}
    assert after.retired == {"person:hulusi-akar": "person:akar"}
    assert after.evidence == {"person:akar": ("a#0", "a#50", "b#0", "c#9")}


def test_ids_are_never_given_out_twice_nor_across_kinds():
    registry = Registry({"person:jordan": ("gone#0",), "person:smith": ("x#0",)}, {"person:smith-2": "person:smith"})
    current = {"person:jordan": frozenset({"new#4"}), "country:jordan": frozenset({"x#0"}),
               "person:smith": frozenset({"y#1"})}
    kept, after = stable_ids(current, registry)
    # An article that left the build keeps its person's id; a country never takes a person's; a retired id stays so.
    assert kept == {"person:jordan": "person:jordan-2", "country:jordan": "country:jordan",
                    "person:smith": "person:smith-3"}
    assert after.evidence["person:jordan"] == ("gone#0",)


def test_the_turtle_says_same_as_for_a_retired_iri(tmp_path):
    articles, out = tmp_path / "articles", tmp_path / "out"
    write_news(articles, ["b-moscow"])
    build([articles], out_dir=out)
    registry = read_registry(out)
    first, second = registry.evidence["person:akar"]  # the report names him twice
    # As if an earlier build had made two people of the two mentions, which this build makes one.
    (out / REGISTRY).write_text(registry_text(Registry(
        {**registry.evidence, "person:akar": (first,), "person:minister-akar": (second,)}, {})), encoding="utf-8")
    build([articles], out_dir=out)
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    assert list(graph.subject_objects(OWL.sameAs)) == [
        (URIRef("https://example.org/kg/id/person/minister-akar"), URIRef("https://example.org/kg/id/person/akar"))]
    assert read_registry(out).retired == {"person:minister-akar": "person:akar"}


def test_a_broken_registry_stops_the_build_before_any_output_changes(tmp_path):
    articles, out = tmp_path / "articles", tmp_path / "out"
    write_news(articles, ["b-moscow"])
    build([articles], out_dir=out)
    before = (out / "graph.ttl").read_bytes()
    (out / REGISTRY).write_text("{not json", encoding="utf-8")
    with pytest.raises(KGError, match=r"\.registry\.json: cannot read the registry of ids .*delete it"):
        build([articles], out_dir=out)
    assert (out / "graph.ttl").read_bytes() == before


def test_base_iri_puts_every_instance_under_the_publishers_namespace(tmp_path):
    base = "https://data.example.com/news/id/"
    build([ROOT / "examples"], out_dir=tmp_path / "plain")
    build([ROOT / "examples"], out_dir=tmp_path / "published", base_iri=base)
    turtle = (tmp_path / "published" / "graph.ttl").read_text(encoding="utf-8")
    assert "https://example.org/kg/id/" not in turtle
    assert "https://example.org/kg/id/" not in (tmp_path / "published" / "graph.jsonld").read_text(encoding="utf-8")
    assert f"PREFIX person: <{base}person/>" in turtle
    # The same graph otherwise: the same who-met-whom pairs by kg query, the same page by kg render.
    query = ROOT / "ontology" / "queries" / "who_met_whom.rq"
    plain = run_query(tmp_path / "plain" / "graph.ttl", query)
    published = run_query(tmp_path / "published" / "graph.ttl", query)
    assert [row[:2] for row in published[1]] == [row[:2] for row in plain[1]] and len(plain[1]) == 10
    assert all(row[published[0].index("meeting")].startswith(base + "meeting/") for row in published[1])
    assert sorted(read_turtle(tmp_path / "published" / "graph.ttl").nodes) == sorted(
        read_turtle(tmp_path / "plain" / "graph.ttl").nodes)
    with pytest.raises(KGError, match="--base-iri: 'example.com/id' is not a base IRI"):
        build([ROOT / "examples"], out_dir=tmp_path / "bad", base_iri="example.com/id")
