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


# --- dates: agreed, disputed, uncertain; articles whose page date is doubtful ----------------------------------------

MOSCOW_TITLE = "Putin hosts Erdogan and Assad (2020-03-05)"
TALKS_TITLE = "Talks in Moscow (2020-03-05)"
MERKEL_TITLE = "Merkel <b>weighs</b> a meeting (2020-03-05)"
COPY_REASON = f'it reports a meeting that the text of "Putin hosts Erdogan and Assad" dates to 2019 {HOSTILE_TAIL}'


def make_dated_graph(*, moscow_date: str | None = None) -> nx.MultiDiGraph:
    """make_graph with the date attributes of kg/graph.py: a1's text dates it to early 2019 and a2 copies a1's story,
    so both page dates are doubtful; the Moscow meeting's claims conflict unless `moscow_date` is agreed; the Merkel
    meeting's one claim rests on a page date and is uncertain."""
    graph = make_graph()
    graph.nodes["article:a1"].update(
        redated="its text places it in 2019-01-01/2019-03-31 (the summit was last year)",
        date_estimate="2019-01-01/2019-03-31",
        date_clues=(("last year's summit", "the summit was last year", MOSCOW_1),))
    graph.nodes["article:a2"].update(redated=COPY_REASON + " (the summit was last year)", date_estimate=None,
                                     date_clues=())
    graph.nodes["meeting:moscow"].update(
        date=moscow_date,
        date_conflict=moscow_date is None,
        date_claims=(
            ("article:a1", "on Thursday", "2020-03-05", "day", "page date", True),
            ("article:a1", None, "2019-01-01/2019-03-31", "estimate", "estimate", False),
            ("article:a2", f"in 2018 {HOSTILE_NAME}", "2018-01-01/2018-12-31", "year", "text", False),
        ))
    graph.nodes["meeting:merkel"].update(
        date=None, date_conflict=False,
        date_claims=(("article:a3", "next month", "2020-04-01/2020-04-30", "month", "page date", True),))
    return graph


@pytest.fixture(scope="module")
def dated_html() -> str:
    return to_html(make_dated_graph())


def test_disputed_date_lists_every_claim_and_picks_none(dated_html):
    moscow = page_data(dated_html)["meetings"]["meeting:moscow"]
    assert moscow["date"] is None and moscow["date_conflict"] is True
    claims = [(c["interval"], c["text"], c["basis_words"], c["uncertain"], c["source"]) for c in moscow["date_claims"]]
    assert claims == [
        ("2020-03-05", "on Thursday", "read against the page date", True, MOSCOW_TITLE),
        ("2019-01-01/2019-03-31", None, "estimated from the article's text", False, MOSCOW_TITLE),
        ("2018-01-01/2018-12-31", f"in 2018 {HOSTILE_NAME}", "from the text", False, TALKS_TITLE),
    ]


def test_uncertain_claim_is_never_the_date(dated_html):
    merkel = page_data(dated_html)["meetings"]["meeting:merkel"]
    assert merkel["date"] is None and merkel["date_conflict"] is False
    assert [(c["interval"], c["basis"], c["uncertain"]) for c in merkel["date_claims"]] == [
        ("2020-04-01/2020-04-30", "page date", True)]
    # A date beside a conflict is not shown: the conflict wins.
    graph = make_dated_graph()
    graph.nodes["meeting:moscow"]["date"] = "2020-03-05"
    moscow = page_data(to_html(graph))["meetings"]["meeting:moscow"]
    assert moscow["date"] is None and moscow["date_conflict"] is True


def test_agreed_date_is_the_date():
    moscow = page_data(to_html(make_dated_graph(moscow_date="2019-03-14")))["meetings"]["meeting:moscow"]
    assert (moscow["date"], moscow["date_conflict"]) == ("2019-03-14", False)


def test_doubtful_page_dates_are_marked_and_counted(dated_html):
    doubtful = {entry["source"]: entry for entry in page_data(dated_html)["doubtful"]}
    assert sorted(doubtful) == [MOSCOW_TITLE, TALKS_TITLE]  # a3 is not re-dated
    assert doubtful[MOSCOW_TITLE]["estimate"] == "2019-01-01/2019-03-31"
    assert doubtful[MOSCOW_TITLE]["note"] == "text suggests 2019-01-01/2019-03-31 (the summit was last year)"
    # Without an estimate of its own, the reason is given, without the other article's reasoning.
    assert doubtful[TALKS_TITLE] == {"source": TALKS_TITLE, "estimate": None, "note": COPY_REASON}
    counts = " ".join(dated_html.split())
    assert "5 people &middot; 2 meetings (1 held, 1 possible) &middot; 3 articles &middot;" in counts
    assert "2 articles with doubtful dates" in counts
    assert "doubtful date" not in " ".join(to_html(make_graph()).split()).split("<script>")[0]


def test_graph_without_date_attributes_renders():
    graph = make_graph()
    for _, data in graph.nodes(data=True):
        for name in ("redated", "date_estimate", "date_clues", "date", "date_conflict", "date_claims"):
            data.pop(name, None)
    data = page_data(to_html(graph))
    assert data["doubtful"] == []
    assert data["meetings"]["meeting:moscow"]["date_claims"] == []
    assert data["meetings"]["meeting:moscow"]["date"] is None


def test_hostile_date_text_is_escaped(dated_html):
    for hostile in (HOSTILE_NAME, HOSTILE_TAIL, "<b>weighs</b>"):
        assert hostile not in dated_html
    assert dated_html.count("</script>") == 2


def test_dates_in_a_browser(tmp_path):
    path = write_html(make_dated_graph(), tmp_path / "graph.html")
    with open_page(path) as (page, requests, errors):
        moscow = hover_edge(page, "Vladimir Putin", "Recep Tayyip Erdogan")
        lines = moscow.splitlines()
        assert "Date disputed" in lines and not any(line.startswith("When:") for line in lines)
        assert "2020-03-05 \u201con Thursday\u201d, read against the page date, uncertain" in lines
        assert "2019-01-01/2019-03-31, estimated from the article's text" in lines
        assert f"2018-01-01/2018-12-31 \u201cin 2018 {HOSTILE_NAME}\u201d, from the text" in lines
        assert f"\u2014 {MOSCOW_TITLE} \u26a0 page date doubtful" in lines
        assert f"\u2014 {TALKS_TITLE} \u26a0 page date doubtful" in lines
        assert (f"\u26a0 {MOSCOW_TITLE}: page date doubtful; text suggests 2019-01-01/2019-03-31 "
                "(the summit was last year)") in lines
        assert f"\u26a0 {TALKS_TITLE}: page date doubtful; {COPY_REASON}" in lines
        merkel = hover_edge(page, "Angela Merkel", HOSTILE_NAME)
        lines = merkel.splitlines()
        assert "Date not settled" in lines and "Date disputed" not in lines
        assert [line for line in lines if "2020-04-01/2020-04-30" in line] == [
            "2020-04-01/2020-04-30 \u201cnext month\u201d, read against the page date, uncertain"]
        assert "page date doubtful" not in merkel
        assert page.evaluate("() => [typeof window.__pwned, document.querySelectorAll('img').length]") == [
            "undefined", 0]
    assert errors == []
    agreed = write_html(make_dated_graph(moscow_date="2019-03-14"), tmp_path / "agreed.html")
    with open_page(agreed) as (page, _, errors):
        moscow = hover_edge(page, "Vladimir Putin", "Recep Tayyip Erdogan")
        assert "Place: Moscow \u00b7 When: 2019-03-14 (\u201con Thursday\u201d)" in moscow.splitlines()
        assert "Date disputed" not in moscow and "uncertain" not in moscow
    assert errors == []
