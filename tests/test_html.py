"""The who-met-whom page: offline, safe with hostile article text, deterministic, and readable in a browser."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from kg.export.html import to_html, to_network, write_html
from kg.graph import build_graph
from kg.records import Article, Entity, Evidence, Extraction, MergedMeeting, Mention, Meeting
from browser import hover_edge, hover_node, node_labels, open_page

HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_TAIL = "</script><script>window.__pwned=1</script>"
MOSCOW_1 = "Vladimir Putin met Recep Tayyip Erdogan and Bashar al-Assad in Moscow on Thursday."
MOSCOW_2 = "Erdogan, Putin and Assad held talks in Moscow."
POSSIBLE = f"Angela Merkel may meet {HOSTILE_NAME} next month, an aide said {HOSTILE_TAIL}."
NAMES = sorted(["Angela Merkel", "Bashar al-Assad", "Recep Tayyip Erdogan", "Vladimir Putin", HOSTILE_NAME])


def article(article_id: str, title: str, body: str) -> Article:
    return Article(article_id, title, body, published="2020-03-05", publisher="Wire", source=f"{article_id}.txt")


def mentions_of(article_id: str, body: str, names: dict[str, str]) -> dict[str, Mention]:
    """Mentions of each written name in `body`, keyed by the entity id they stand for."""
    evidence = Evidence(article_id, body, 0, len(body))
    found = {}
    for text, entity_id in names.items():
        start = body.index(text)
        kind = "Place" if entity_id.startswith("place:") else "Person"
        found[entity_id] = Mention(f"{article_id}#{start}", text, text, kind, start, start + len(text), evidence)
    return found


def make_graph() -> nx.MultiDiGraph:
    """Three people met in Moscow (two reports); two people, one with a hostile name, may meet."""
    bodies = {"a1": MOSCOW_1, "a2": MOSCOW_2, "a3": POSSIBLE}
    titles = {"a1": "Putin hosts Erdogan and Assad", "a2": "Talks in Moscow", "a3": "Merkel <b>weighs</b> a meeting"}
    written = {
        "a1": {"Vladimir Putin": "person:putin", "Recep Tayyip Erdogan": "person:erdogan",
               "Bashar al-Assad": "person:assad", "Moscow": "place:moscow"},
        "a2": {"Erdogan": "person:erdogan", "Putin": "person:putin", "Assad": "person:assad", "Moscow": "place:moscow"},
        "a3": {"Angela Merkel": "person:merkel", HOSTILE_NAME: "person:hostile"},
    }
    mentions = {a: mentions_of(a, bodies[a], written[a]) for a in bodies}
    reports = {}
    stated = (("a1", "held", "on Thursday"), ("a2", "held", None), ("a3", "possible", None))
    for article_id, status, date_text in stated:
        found = mentions[article_id]
        people = tuple(m.id for entity_id, m in found.items() if entity_id.startswith("person:"))
        place = found["place:moscow"].id if "place:moscow" in found else None
        reports[article_id] = Meeting(f"{article_id}#m1", "met", people, status, "in_person", place, date_text,
                                      Evidence(article_id, bodies[article_id], 0, len(bodies[article_id])))
    moscow_people = ("person:assad", "person:erdogan", "person:putin")
    meetings = [
        MergedMeeting("meeting:moscow", "held", "in_person", moscow_people, "place:moscow", "on Thursday",
                      (reports["a1"], reports["a2"]),
                      tuple((p, r) for p in moscow_people for r in ("a1#m1", "a2#m1"))),
        MergedMeeting("meeting:merkel", "possible", "in_person", ("person:hostile", "person:merkel"), None, None,
                      (reports["a3"],), (("person:hostile", "a3#m1"), ("person:merkel", "a3#m1"))),
    ]
    names = {"person:putin": "Vladimir Putin", "person:erdogan": "Recep Tayyip Erdogan",
             "person:assad": "Bashar al-Assad", "person:merkel": "Angela Merkel", "person:hostile": HOSTILE_NAME,
             "place:moscow": "Moscow"}
    entities = [Entity(entity_id, "Place" if entity_id.startswith("place:") else "Person", name, (), (), ())
                for entity_id, name in names.items()]
    extractions = [Extraction(article(a, titles[a], bodies[a]), tuple(mentions[a].values()), (), (reports[a],))
                   for a in bodies]
    mention_entity = {m.id: entity_id for found in mentions.values() for entity_id, m in found.items()}
    return build_graph(extractions, entities, meetings, mention_entity)


@pytest.fixture(scope="module")
def page_html() -> str:
    return to_html(make_graph())


def page_data(page: str) -> dict:
    """The JSON the page's script draws from."""
    return json.loads(re.search(r"var DATA = (\{.*?\});\n", page).group(1))


def test_page_loads_nothing_from_the_network(page_html):
    # vis-network's own code holds a "<script>" string, so look for tags that fetch, not for tags.
    assert not re.search(r"<(?:script|img|iframe|object|embed)\b[^>]*\bsrc\s*=", page_html, flags=re.IGNORECASE)
    assert not re.search(r"<link\b", page_html, flags=re.IGNORECASE)
    styles = "".join(re.findall(r"<style>(.*?)</style>", page_html, flags=re.DOTALL))
    assert not re.search(r"@import|url\((?!\s*[\"']?data:)", styles, flags=re.IGNORECASE)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page_html, flags=re.IGNORECASE)


def test_same_graph_same_bytes(tmp_path):
    first = write_html(make_graph(), tmp_path / "a" / "graph.html").read_bytes()
    second = write_html(make_graph(), tmp_path / "b" / "graph.html").read_bytes()
    assert first == second


def test_hostile_text_is_escaped(page_html):
    for hostile in (HOSTILE_NAME, HOSTILE_TAIL, "<b>weighs</b>", "window.__pwned=1</script>"):
        assert hostile not in page_html
    assert page_html.count("</script>") == 2
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page_html
    assert HOSTILE_NAME in {node["label"] for node in page_data(page_html)["nodes"]}


def test_page_shows_people_meetings_and_styles(page_html):
    data = page_data(page_html)
    assert sorted(node["label"] for node in data["nodes"]) == NAMES
    assert "5 people &middot; 2 meetings (1 held, 1 possible) &middot; 3 articles" in " ".join(page_html.split())
    styles = {(edge["from"], edge["to"]): (edge["dashes"], edge["color"]["color"]) for edge in data["edges"]}
    assert styles[("person:erdogan", "person:putin")] == (False, "#1f5fa8")
    assert styles[("person:hostile", "person:merkel")] == (True, "#8b5cf6")
    moscow = data["meetings"]["meeting:moscow"]
    assert (moscow["label"], moscow["status"], moscow["place"], moscow["date_text"]) == (
        "Meeting in Moscow", "held", "Moscow", "on Thursday")
    assert moscow["evidence"] == [
        {"sentence": MOSCOW_1, "sources": ["Putin hosts Erdogan and Assad (2020-03-05)"]},
        {"sentence": MOSCOW_2, "sources": ["Talks in Moscow (2020-03-05)"]},
    ]


def test_positions_are_fixed_and_spread():
    network, _ = to_network(make_graph())
    positions = [(node["x"], node["y"]) for node in network.nodes]
    assert len(set(positions)) == len(positions)
    assert min(abs(ax - bx) + abs(ay - by) for i, (ax, ay) in enumerate(positions) for bx, by in positions[i + 1:]) > 50


def test_graph_without_meetings_still_renders():
    page = to_html(nx.MultiDiGraph())
    assert "0 people &middot; 0 meetings &middot; 0 articles" in " ".join(page.split())
    assert "No meetings between people were found." in page


def test_page_in_a_browser(tmp_path):
    path = write_html(make_graph(), tmp_path / "graph.html")
    with open_page(path) as (page, requests, errors):
        assert node_labels(page) == NAMES
        moscow = hover_edge(page, "Vladimir Putin", "Recep Tayyip Erdogan")
        assert MOSCOW_1 in moscow and MOSCOW_2 in moscow
        assert "Meeting in Moscow" in moscow and "Talks in Moscow (2020-03-05)" in moscow
        possible = hover_edge(page, "Angela Merkel", HOSTILE_NAME)
        assert HOSTILE_NAME in possible and HOSTILE_TAIL in possible and "possible" in possible
        person = hover_node(page, "Bashar al-Assad")
        assert person.startswith("Bashar al-Assad") and MOSCOW_2 in person
        assert page.evaluate("() => [typeof window.__pwned, document.querySelectorAll('img').length]") == [
            "undefined", 0]
    assert requests == [path.resolve().as_uri()]
    assert errors == []
