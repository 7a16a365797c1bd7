"""The who-met-whom page: offline, safe with hostile article text, deterministic, and usable in a browser."""

from __future__ import annotations

import json
import random
import re

import networkx as nx
import pytest
from browser import (
    drawn_edges,
    drawn_labels_and_overlaps,
    hover_edge,
    hover_node,
    node_labels,
    open_page,
    search,
    set_filter,
    switch_view,
)

from kg.export.html import layout, to_html, to_page_data, write_html
from kg.export.report import to_report
from kg.graph import build_graph, people_who_met, who_met_whom
from kg.records import STATUSES, Article, Entity, Evidence, Extraction, Meeting, Mention, MergedMeeting, Role

HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_TAIL = "</script><script>window.__pwned=1</script>"
HOSTILE_ORG = "The \"Quote\" & <Apostrophe's> Office"
HOSTILE_ALIAS = "'><svg onload=window.__pwned=2>"
HOSTILE_TITLE = "<i>envoy</i>"
HOSTILE_SOURCE = "javascript:window.__pwned=3"
MOSCOW_1 = "Vladimir Putin met Recep Tayyip Erdogan and Bashar al-Assad in Moscow on Thursday."
MOSCOW_2 = "Erdogan, Putin and Assad held talks in Moscow."
POSSIBLE = (f"Angela Merkel may meet {HOSTILE_NAME}, {HOSTILE_TITLE} of {HOSTILE_ORG}, soon, an aide said "
            f"{HOSTILE_TAIL}.")
PLANNED = "Vladimir Putin will meet Angela Merkel in Berlin in 2021."
NAMES = sorted(["Angela Merkel", "Bashar al-Assad", "Recep Tayyip Erdogan", "Vladimir Putin", HOSTILE_NAME])
TITLES = {"a1": "Putin hosts Erdogan and Assad", "a2": "Talks in Moscow", "a3": "Merkel <b>weighs</b> a meeting",
          "a4": "Putin to visit Berlin"}
PLACES = {"Moscow": "place:moscow", "Berlin": "place:berlin"}


def mentions_of(article_id: str, body: str, names: dict[str, str]) -> dict[str, Mention]:
    """Mentions of each written name in `body`, keyed by the entity id they stand for."""
    evidence = Evidence(article_id, body, 0, len(body))
    found = {}
    for text, entity_id in names.items():
        start = body.index(text)
        kind = {"place": "Place", "organisation": "Organisation"}.get(entity_id.partition(":")[0], "Person")
        found[entity_id] = Mention(f"{article_id}#{start}", text, text, kind, start, start + len(text), evidence)
    return found


def make_graph() -> nx.MultiDiGraph:
    """Three people met in Moscow (held, reported twice, 2020-03-05); Merkel may meet a person with a hostile name,
    who holds a hostile post in a hostile organisation (possible, undated); Putin will meet Merkel in Berlin
    (planned, 2021)."""
    bodies = {"a1": MOSCOW_1, "a2": MOSCOW_2, "a3": POSSIBLE, "a4": PLANNED}
    written = {
        "a1": {"Vladimir Putin": "person:putin", "Recep Tayyip Erdogan": "person:erdogan",
               "Bashar al-Assad": "person:assad", "Moscow": "place:moscow"},
        "a2": {"Erdogan": "person:erdogan", "Putin": "person:putin", "Assad": "person:assad", "Moscow": "place:moscow"},
        "a3": {"Angela Merkel": "person:merkel", HOSTILE_NAME: "person:hostile", HOSTILE_ORG: "organisation:office"},
        "a4": {"Vladimir Putin": "person:putin", "Angela Merkel": "person:merkel", "Berlin": "place:berlin"},
    }
    mentions = {a: mentions_of(a, bodies[a], written[a]) for a in bodies}
    reports = {}
    stated = (("a1", "held", "on Thursday"), ("a2", "held", None), ("a3", "possible", "soon"),
              ("a4", "planned", "in 2021"))
    for article_id, status, date_text in stated:
        found = mentions[article_id]
        people = tuple(m.id for entity_id, m in found.items() if entity_id.startswith("person:"))
        place = next((m.id for entity_id, m in found.items() if entity_id.startswith("place:")), None)
        reports[article_id] = Meeting(f"{article_id}#m1", "met", people, status, "in_person", place, date_text,
                                      Evidence(article_id, bodies[article_id], 0, len(bodies[article_id])))
    moscow_people = ("person:assad", "person:erdogan", "person:putin")
    meetings = [
        MergedMeeting("meeting:moscow", "held", "in_person", moscow_people, "place:moscow", "on Thursday",
                      (reports["a1"], reports["a2"]),
                      tuple((p, r) for p in moscow_people for r in ("a1#m1", "a2#m1")), date="2020-03-05"),
        MergedMeeting("meeting:merkel", "possible", "in_person", ("person:hostile", "person:merkel"), None, "soon",
                      (reports["a3"],), (("person:hostile", "a3#m1"), ("person:merkel", "a3#m1"))),
        MergedMeeting("meeting:berlin", "planned", "in_person", ("person:merkel", "person:putin"), "place:berlin",
                      "in 2021", (reports["a4"],), (("person:merkel", "a4#m1"), ("person:putin", "a4#m1")),
                      date="2021-01-01/2021-12-31"),
    ]
    names = {"person:putin": "Vladimir Putin", "person:erdogan": "Recep Tayyip Erdogan",
             "person:assad": "Bashar al-Assad", "person:merkel": "Angela Merkel", "person:hostile": HOSTILE_NAME,
             "place:moscow": "Moscow", "place:berlin": "Berlin", "organisation:office": HOSTILE_ORG}
    kinds = {"person": "Person", "place": "Place", "organisation": "Organisation"}
    entities = [Entity(entity_id, kinds[entity_id.partition(":")[0]], name,
                       (HOSTILE_ALIAS,) if entity_id == "person:hostile" else (), (), ())
                for entity_id, name in names.items()]
    a3 = mentions["a3"]
    roles = {"a3": (Role(a3["person:hostile"].id, HOSTILE_TITLE, a3["organisation:office"].id,
                         a3["person:hostile"].evidence),)}
    extractions = [Extraction(Article(a, TITLES[a], bodies[a], "2020-03-05", "Wire",
                                      HOSTILE_SOURCE if a == "a3" else f"{a}.txt"),
                              tuple(mentions[a].values()), roles.get(a, ()), (reports[a],))
                   for a in bodies]
    mention_entity = {m.id: entity_id for found in mentions.values() for entity_id, m in found.items()}
    return build_graph(extractions, entities, meetings, mention_entity)


@pytest.fixture(scope="module")
def page_html() -> str:
    return to_html(make_graph())


def page_data(page: str) -> dict:
    """The JSON the page's script draws from."""
    return json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page).group(1))


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


def test_same_graph_built_in_another_order_same_bytes(page_html):
    graph = make_graph()
    nodes, edges = list(graph.nodes(data=True)), list(graph.edges(keys=True, data=True))
    random.Random(3).shuffle(nodes)
    random.Random(4).shuffle(edges)
    shuffled = nx.MultiDiGraph()
    shuffled.add_nodes_from(nodes)
    shuffled.add_edges_from(edges)
    assert to_html(shuffled) == page_html


def test_hostile_text_is_escaped(page_html):
    for hostile in (HOSTILE_NAME, HOSTILE_TAIL, HOSTILE_ORG, HOSTILE_ALIAS, HOSTILE_TITLE, "<b>weighs</b>",
                    "window.__pwned=1</script>"):
        assert hostile not in page_html
    assert page_html.count("</script>") == 3  # vis-network, the data, the page's own
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page_html
    data = page_data(page_html)
    # The JSON holds the text as it was, for the page to show as text.
    assert HOSTILE_NAME in {node["label"] for node in data["views"]["people"]["nodes"]}
    assert data["nodes"]["person:hostile"]["aliases"] == [HOSTILE_ALIAS]
    assert data["nodes"]["person:hostile"]["sections"] == [["Posts", [[HOSTILE_TITLE, "organisation:office"]]]]
    assert data["articles"]["article:a3"]["source"] == HOSTILE_SOURCE
    # The only HTML the page writes itself is made of numbers and fixed words.
    head = page_html.split("<script>")[0]
    assert "&lt;" not in head and "&#34;" not in head and "&#39;" not in head


def test_people_view_shows_people_meetings_and_styles(page_html):
    data = page_data(page_html)
    people = data["views"]["people"]
    assert sorted(node["label"] for node in people["nodes"]) == NAMES
    # The header's counts are the report's, each with what it counts.
    header = " ".join(page_html.split()).split('<p class="counts">')[1].split("</p>")[0]
    report = to_report(make_graph(), 4, [])
    assert [part.split(" ", 1) for part in header.split(" &middot; ")] == [
        line[2:].split(": ", 1) for line in report.splitlines()[4:10]]
    assert "meetings 3 (1 held, 1 planned, 1 possible)" in header
    styles = {(edge["from"], edge["to"]): (edge["status"], edge["width"], edge["meetings"])
              for edge in people["edges"]}
    assert styles[("person:erdogan", "person:putin")] == ("held", 2.0, ["meeting:moscow"])
    assert styles[("person:hostile", "person:merkel")] == ("possible", 2.0, ["meeting:merkel"])
    assert styles[("person:merkel", "person:putin")] == ("planned", 2.0, ["meeting:berlin"])
    moscow = data["meetings"]["meeting:moscow"]
    assert (moscow["label"], moscow["status"], moscow["place"], moscow["date"], moscow["span"]) == (
        "Meeting in Moscow", "held", "Moscow", "2020-03-05", ["2020-03-05", "2020-03-05"])
    assert moscow["evidence"] == [
        {"sentence": MOSCOW_1, "sources": ["Putin hosts Erdogan and Assad (2020-03-05)"]},
        {"sentence": MOSCOW_2, "sources": ["Talks in Moscow (2020-03-05)"]},
    ]
    assert data["meetings"]["meeting:berlin"]["span"] == ["2021-01-01", "2021-12-31"]
    assert data["meetings"]["meeting:merkel"]["span"] is None


def test_full_graph_view_has_every_kind_and_names_each_fact(page_html):
    data = page_data(page_html)
    full = data["views"]["graph"]
    kinds = {node["id"]: node["group"] for node in full["nodes"]}
    assert sorted(set(kinds.values())) == ["Article", "Meeting", "Organisation", "Person", "Place"]
    assert len(kinds) == 15  # 5 people, 1 organisation, 2 places, 3 meetings, 4 articles
    facts = {(edge["from"], edge["to"]): edge["facts"] for edge in full["edges"]}
    assert facts[("meeting:moscow", "person:putin")] == ["participant"]
    assert facts[("meeting:moscow", "place:moscow")] == ["place"]
    assert facts[("meeting:moscow", "article:a2")] == ["reported by"]
    assert facts[("person:hostile", "organisation:office")] == [f"{HOSTILE_TITLE} of"]
    assert facts[("person:putin", "article:a4")] == ["mentioned in"]


def test_details_of_a_person_list_meetings_posts_and_sources(page_html):
    details = page_data(page_html)["nodes"]
    putin = details["person:putin"]
    assert (putin["kind"], putin["label"]) == ("Person", "Vladimir Putin")
    assert putin["meetings"] == ["meeting:berlin", "meeting:moscow"]
    assert putin["sources"] == ["article:a1", "article:a2", "article:a4"]
    office = details["organisation:office"]
    assert office["sections"] == [["People", [[HOSTILE_TITLE, "person:hostile"]]]]
    moscow = details["meeting:moscow"]
    assert moscow["sections"] == [
        ["Participants", [["", "person:assad"], ["", "person:erdogan"], ["", "person:putin"]]],
        ["Place", [["", "place:moscow"]]],
    ]
    assert moscow["sources"] == ["article:a1", "article:a2"]


def test_positions_are_fixed_and_spread():
    for view in page_data(to_html(make_graph()))["views"].values():
        positions = [(node["x"], node["y"]) for node in view["nodes"]]
        assert len(set(positions)) == len(positions)
        assert min(abs(ax - bx) + abs(ay - by)
                   for i, (ax, ay) in enumerate(positions) for bx, by in positions[i + 1:]) > 50


def test_layout_keeps_neighbours_closer_than_strangers():
    # Two cliques of 40 joined by one edge: a node's neighbours lie nearer to it than the other clique does.
    graph = nx.disjoint_union(nx.complete_graph(40), nx.complete_graph(40))
    graph.add_edge(0, 40)
    graph = nx.relabel_nodes(graph, {n: f"n{n:03d}" for n in graph})
    positions = layout(list(graph), list(graph.edges))

    def mean_distance(a: range, b: range) -> float:
        pairs = [(positions[f"n{i:03d}"], positions[f"n{j:03d}"]) for i in a for j in b if i != j]
        return sum(((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5 for (x1, y1), (x2, y2) in pairs) / len(pairs)

    assert mean_distance(range(40), range(40)) < 0.5 * mean_distance(range(40), range(40, 80))


def hub_graph(people: int) -> nx.MultiDiGraph:
    """A person who met each of `people` others once (held), each of those met one more person, all in one article."""
    text = "They met."
    evidence = Evidence("a1", text, 0, len(text))
    mentions, meetings, entities = [], [], []
    ids = ["person:hub"] + [f"person:p{n:04d}" for n in range(2 * people)]
    for entity_id in ids:
        mentions.append(Mention(f"a1#{entity_id}", "x", "x", "Person", 0, 1, evidence))
        entities.append(Entity(entity_id, "Person", entity_id.partition(":")[2], (), (), ()))
    mention_entity = {f"a1#{entity_id}": entity_id for entity_id in ids}
    reports = []
    for n in range(people):
        for k, pair in enumerate((("person:hub", ids[1 + n]), (ids[1 + n], ids[1 + people + n]))):
            report = Meeting(f"a1#m{n}-{k}", "met", tuple(f"a1#{p}" for p in pair), "held", "in_person", None, None,
                             evidence)
            reports.append(report)
            meetings.append(MergedMeeting(f"meeting:m{n:04d}-{k}", "held", "in_person", tuple(sorted(pair)), None,
                                          None, (report,), tuple((p, report.id) for p in sorted(pair))))
    article = Article("a1", "Many meetings", text, "2020-01-01", "Wire", "a1.txt")
    return build_graph([Extraction(article, tuple(mentions), (), tuple(reports))], entities, meetings, mention_entity)


def test_large_graph_shows_the_most_connected_part_and_says_what_it_left_out():
    graph = hub_graph(30)  # 61 people, 60 meetings, 1 article: 122 nodes in all
    data = to_page_data(graph, max_nodes=40)
    people, full = data["views"]["people"], data["views"]["graph"]
    assert (people["total_nodes"], full["total_nodes"]) == (61, 122)
    assert len(people["nodes"]) <= 40 and len(full["nodes"]) == 40
    # The hub and the people it met (two lines each) come before those who met one person once.
    shown = {node["id"] for node in people["nodes"]}
    assert "person:hub" in shown and "person:p0000" in shown and "person:p0059" not in shown
    assert {node["id"] for node in full["nodes"]} >= {"person:hub", "article:a1"}
    # Every line drawn joins two people drawn; nobody is drawn alone.
    assert all(edge["from"] in shown and edge["to"] in shown for edge in people["edges"])
    assert shown == {end for edge in people["edges"] for end in (edge["from"], edge["to"])}
    page = " ".join(to_html(graph, max_nodes=40).split())
    assert (f"People: the {len(people['nodes'])} most connected of 61 people ({len(people['edges'])} of 60 lines) "
            f"are drawn; the {61 - len(people['nodes'])} left out had at most 1 line each.") in page
    assert "Full graph: the 40 most connected of 122 nodes are drawn; left out: 22 meetings, 60 people" in page
    assert "cut graph.ttl down with a SPARQL CONSTRUCT and draw that with <code>kg render</code>" in page
    # Nothing is left out of a graph that fits: no such notes.
    assert "most connected" not in to_html(graph)


def test_lines_are_capped_too_by_leaving_people_out():
    data = to_page_data(hub_graph(30), max_lines=20)
    people, full = data["views"]["people"], data["views"]["graph"]
    # The hub, then the people it met, one line each, until one more would pass 20 lines: every line among the
    # people drawn is drawn.
    assert [node["id"] for node in people["nodes"]] == ["person:hub"] + [f"person:p{n:04d}" for n in range(20)]
    assert len(people["edges"]) == 20
    assert len(full["edges"]) <= 20 and len(full["nodes"]) < full["total_nodes"]


def test_who_met_whom_is_held_meetings_unless_other_statuses_are_asked_for():
    graph = make_graph()
    attendees, pairs = who_met_whom(graph)
    assert attendees == {"meeting:moscow": ["person:assad", "person:erdogan", "person:putin"]}
    assert ("person:merkel", "person:putin") not in pairs
    attendees, pairs = who_met_whom(graph, STATUSES)
    assert set(attendees) == {"meeting:moscow", "meeting:merkel", "meeting:berlin"}
    assert pairs[("person:merkel", "person:putin")] == ["meeting:berlin"]
    people = people_who_met(graph, statuses=STATUSES)
    assert pairs == {tuple(sorted((a, b))): ids for a, b, ids in people.edges(data="meetings")}


def test_graph_without_meetings_still_renders():
    page = to_html(nx.MultiDiGraph())
    assert ("people 0 (0 met another person) &middot; organisations 0 &middot; countries 0 &middot; places 0 &middot; "
            "meetings 0 &middot; articles 0") in " ".join(page.split())
    data = page_data(page)
    assert data["views"]["people"]["nodes"] == [] and data["views"]["graph"]["nodes"] == []


@pytest.mark.browser
def test_page_in_a_browser(tmp_path):
    path = write_html(make_graph(), tmp_path / "graph.html")
    with open_page(path) as (page, requests, errors):
        assert node_labels(page) == NAMES
        # Held meetings are solid lines, the others dashed, in the colour of their status.
        styles = {(edge["from"], edge["to"]): (edge["dashes"], edge["color"]["color"]) for edge in drawn_edges(page)}
        assert styles[("person:erdogan", "person:putin")] == (False, "#1f5fa8")
        assert styles[("person:hostile", "person:merkel")] == (True, "#8b5cf6")
        assert styles[("person:merkel", "person:putin")] == (True, "#d97706")
        moscow = hover_edge(page, "Vladimir Putin", "Recep Tayyip Erdogan")
        assert MOSCOW_1 in moscow and MOSCOW_2 in moscow
        assert "Meeting in Moscow" in moscow and "Talks in Moscow (2020-03-05)" in moscow
        assert "Place: Moscow \u00b7 When: 2020-03-05 (\u201con Thursday\u201d)" in moscow.splitlines()
        possible = hover_edge(page, "Angela Merkel", HOSTILE_NAME)
        assert HOSTILE_NAME in possible and HOSTILE_TAIL in possible and "possible" in possible
        person = hover_node(page, HOSTILE_NAME)
        assert person.startswith(HOSTILE_NAME) and f"Also: {HOSTILE_ALIAS}" in person
        # The tooltip stays inside the drawing: it covers neither the controls nor the panel.
        tip, stage = (page.locator(selector).bounding_box() for selector in ("#tip", "#stage"))
        assert stage["x"] <= tip["x"] and tip["x"] + tip["width"] <= stage["x"] + stage["width"] + 1
        assert stage["y"] <= tip["y"] and tip["y"] + tip["height"] <= stage["y"] + stage["height"] + 1
        assert page.evaluate(INJECTED) == ["undefined", 0]
    assert requests == [path.resolve().as_uri()]
    assert errors == []


# What an injected script would leave: a global it set, or an image or svg it made (not the page's own time strip).
INJECTED = "() => [typeof window.__pwned, document.querySelectorAll('img, svg:not(#strip-bars)').length]"


@pytest.mark.browser
def test_search_and_panel_show_hostile_text_as_text(tmp_path):
    path = write_html(make_graph(), tmp_path / "graph.html")
    with open_page(path) as (page, requests, errors):
        page.fill("#search", "onerror")
        results = page.locator("#results").inner_text()
        assert HOSTILE_NAME in results and "person" in results
        page.fill("#search", "svg onload")  # found by its alias
        assert HOSTILE_ALIAS in page.locator("#results").inner_text()
        details = search(page, "img src")
        lines = details.splitlines()
        assert lines[:2] == [HOSTILE_NAME, "person"]
        assert f"Also: {HOSTILE_ALIAS}" in lines
        assert f"{HOSTILE_TITLE}: {HOSTILE_ORG}" in lines
        assert "Merkel <b>weighs</b> a meeting (2020-03-05)" in lines
        assert page.evaluate("() => network.getSelectedNodes()") == ["person:hostile"]
        # The organisation is in the full graph only: following its link switches view and centres it.
        page.get_by_role("button", name=HOSTILE_ORG).click()
        assert page.locator("input[name=view][value=graph]").is_checked()
        assert page.evaluate("() => network.getSelectedNodes()") == ["organisation:office"]
        office = page.locator("#details").inner_text().splitlines()
        assert office[:2] == [HOSTILE_ORG, "organisation"] and f"{HOSTILE_TITLE}: {HOSTILE_NAME}" in office
        view, spot = page.evaluate("() => [network.getViewPosition(),"
                                   " network.getPositions(['organisation:office'])['organisation:office']]")
        assert abs(view["x"] - spot["x"]) < 1 and abs(view["y"] - spot["y"]) < 1
        # An article's panel shows where it was read from as text, not as a link.
        search(page, "weighs")
        assert f"Read from: {HOSTILE_SOURCE}" in page.locator("#details").inner_text()
        assert page.locator("#details a").count() == 0
        assert page.evaluate(INJECTED) == ["undefined", 0]
    assert requests == [path.resolve().as_uri()]
    assert errors == []


@pytest.mark.browser
def test_filters_by_status_date_and_kind(tmp_path):
    path = write_html(make_graph(), tmp_path / "graph.html")
    with open_page(path) as (page, requests, errors):
        pairs = lambda: sorted(tuple(sorted((e["from"], e["to"]))) for e in drawn_edges(page))  # noqa: E731
        assert len(pairs()) == 5
        set_filter(page, "planned", False)
        assert ("person:merkel", "person:putin") not in pairs() and len(pairs()) == 4
        set_filter(page, "planned", True)
        # From 2021 on: Moscow (2020) goes, Berlin (2021) stays, the undated possible meeting stays until unticked.
        page.fill("#from", "2021-01-01")
        page.dispatch_event("#from", "change")
        assert pairs() == [("person:hostile", "person:merkel"), ("person:merkel", "person:putin")]
        page.uncheck("#undated")
        assert pairs() == [("person:merkel", "person:putin")]
        assert node_labels(page) == ["Angela Merkel", "Vladimir Putin"]
        # A person the filters hide is shown when searched for, until another is.
        search(page, "img src")
        assert node_labels(page) == sorted(["Angela Merkel", "Vladimir Putin", HOSTILE_NAME])
        search(page, "Putin")
        assert node_labels(page) == ["Angela Merkel", "Vladimir Putin"]
        page.check("#undated")
        page.fill("#from", "")
        page.dispatch_event("#from", "change")
        switch_view(page, "graph")
        assert len(node_labels(page)) == 15
        set_filter(page, "Article", False)
        kinds = page.evaluate("() => network.body.data.nodes.get().map(node => node.group)")
        assert len(kinds) == 11 and "Article" not in kinds
        set_filter(page, "possible", False)
        assert "meeting:merkel" not in page.evaluate("() => network.body.data.nodes.getIds()")
        # 28 lines: 14 mentions, 4 reports, 2 places, 7 participants, 1 post; without articles and the possible
        # meeting, 2 places, 5 participants and the post are left.
        assert page.locator("#shown").inner_text() == "10 of 15 nodes and 8 of 28 lines drawn"
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
        ("2019-01-01/2019-03-31", None, "estimated from the article's text", False, MOSCOW_TITLE),
        ("2020-03-05", "on Thursday", "read against the page date", True, MOSCOW_TITLE),
        ("2018-01-01/2018-12-31", f"in 2018 {HOSTILE_NAME}", "from the text", False, TALKS_TITLE),
    ]
    # With no agreed date, the date filter keeps the meeting for any day one of its claims allows.
    assert moscow["span"] == ["2018-01-01", "2020-03-05"]


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
    assert (moscow["date"], moscow["date_conflict"], moscow["span"]) == (
        "2019-03-14", False, ["2019-03-14", "2019-03-14"])


def test_doubtful_page_dates_are_marked_and_counted(dated_html):
    doubtful = {entry["source"]: entry for entry in page_data(dated_html)["doubtful"]}
    assert sorted(doubtful) == [MOSCOW_TITLE, TALKS_TITLE]  # a3 is not re-dated
    assert doubtful[MOSCOW_TITLE]["estimate"] == "2019-01-01/2019-03-31"
    assert doubtful[MOSCOW_TITLE]["note"] == "text suggests 2019-01-01/2019-03-31 (the summit was last year)"
    # Without an estimate of its own, the reason is given, without the other article's reasoning.
    assert doubtful[TALKS_TITLE] == {"source": TALKS_TITLE, "estimate": None, "note": COPY_REASON}
    counts = " ".join(dated_html.split())
    assert ("people 5 (5 met another person) &middot; organisations 1 &middot; countries 0 &middot; places 2 &middot; "
            "meetings 3 (1 held, 1 planned, 1 possible) &middot; articles 4 (2 with a doubtful date)") in counts
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
    assert data["meetings"]["meeting:moscow"]["span"] is None


def test_hostile_date_text_is_escaped(dated_html):
    for hostile in (HOSTILE_NAME, HOSTILE_TAIL, "<b>weighs</b>"):
        assert hostile not in dated_html
    assert dated_html.count("</script>") == 3


@pytest.mark.browser
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


def many_pairs_and_one_group() -> nx.MultiDiGraph:
    """Twelve people who met in overlapping threes, and 300 pairs who met no one else."""
    graph = nx.MultiDiGraph()

    def meeting(name: str, members: list[str]) -> None:
        graph.add_node(f"meeting:{name}", kind="Meeting", label=name, status="held", mode="in_person", date=None,
                       date_conflict=False, date_claims=(), date_text=None, triggers=("met",))
        for member in members:
            graph.add_edge(f"meeting:{name}", member, key=f"participant|{member}", relation="participant",
                           article=None, sentence=None, start=None, end=None)

    for i in range(12):
        graph.add_node(f"person:c{i}", kind="Person", label=f"Hub Person {i}", aliases=(), merges=())
    for i in range(12):
        meeting(f"c{i}", [f"person:c{i}", f"person:c{(i + 1) % 12}", f"person:c{(i + 5) % 12}"])
    for i in range(300):
        for side in "ab":
            graph.add_node(f"person:p{i}{side}", kind="Person", label=f"Pair {i}{side}", aliases=(), merges=())
        meeting(f"p{i}", [f"person:p{i}a", f"person:p{i}b"])
    return graph


@pytest.mark.browser
def test_a_big_people_view_opens_readable_on_its_largest_group(tmp_path):
    path = write_html(many_pairs_and_one_group(), tmp_path / "graph.html")
    with open_page(path) as (page, requests, errors):
        scale = page.evaluate("() => network.getScale()")
        assert 15 * scale >= 11  # labels of 15 canvas pixels are at least 11 pixels high on screen
        on_screen = page.evaluate("""() => {
            const box = network.body.container.getBoundingClientRect();
            return Object.entries(network.getPositions()).filter(([id, p]) => {
                const dom = network.canvasToDOM(p);
                return dom.x >= 0 && dom.y >= 0 && dom.x <= box.width && dom.y <= box.height;
            }).map(([id]) => id);
        }""")
        assert {f"person:c{i}" for i in range(12)} <= set(on_screen)
        drawn, overlapping = drawn_labels_and_overlaps(page)
        assert overlapping == [] and {f"person:c{i}" for i in range(12)} & set(drawn)
    assert errors == []


@pytest.mark.browser
def test_labels_that_would_overlap_are_hidden_until_a_zoom_makes_room(tmp_path):
    graph = many_pairs_and_one_group()
    for i in range(12):  # long names, so that labels of the group collide at the opening zoom
        graph.nodes[f"person:c{i}"]["label"] = f"A Rather Long Name For Hub Person Number {i}"
    path = write_html(graph, tmp_path / "graph.html")
    with open_page(path) as (page, requests, errors):
        drawn, overlapping = drawn_labels_and_overlaps(page)
        assert overlapping == []
        group = {d for d in drawn if d.startswith("person:c")}
        # Zoomed in on the group's first person, labels keep their size on screen: no fewer of them, still apart.
        page.evaluate("() => network.moveTo({position: network.getPositions(['person:c0'])['person:c0'],"
                      " scale: network.getScale() * 3, animation: false})")
        page.evaluate("() => declutter()")
        page.evaluate("() => new Promise(resolve => requestAnimationFrame(() => resolve()))")
        more, overlapping = drawn_labels_and_overlaps(page)
        assert overlapping == [] and "person:c0" in more and group
    assert errors == []
