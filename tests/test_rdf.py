"""Turtle export and SPARQL queries over a small hand-built graph.

Two articles report one held meeting in Moscow (three people with posts, and Turkey as a state); the first also
reports a possible meeting of two people. One person has a hostile name: quotes, angle brackets, spaces, Chinese
script, a line break and great length, in the node id, the label, an alias and an evidence sentence.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, RDFS, XSD

from kg.errors import KGError, QueryError
from kg.export.rdf import to_rdf, write_turtle
from kg.graph import build_graph
from kg.query import format_rows, load_query, run_query
from kg.records import Article, Entity, Evidence, Extraction, Meeting, MergedMeeting, Mention, Role
from kg.vocab import KG, node_iri

QUERIES = Path(__file__).resolve().parent.parent / "ontology" / "queries"

HOSTILE = 'Zoë "the Fox" <O\'Brien> 王小明 ' + "Abdulrahman-" * 40 + "Long"
HOSTILE_ID = 'person:zoë "the fox" <o\'brien> 王小明'
HOSTILE_ALIAS = 'Fox <script>alert("x")</script>'

TITLE_1 = "Turkish and Syrian officials meet in Moscow"
TITLE_2 = 'Turkey, Syria hold "rare" talks'
S1 = f"Turkish defence minister Hulusi Akar met Syrian security chief Ali Mamlouk and {HOSTILE} in Moscow on Monday."
S2 = "Akar may meet Russian defence minister Sergei Shoigu next month."
S3 = f'Akar, Mamlouk and "the Fox"\n{HOSTILE} held talks in Moscow, officials said.'
S4 = f"{HOSTILE}, a United Nations envoy, attended."
BODY_1 = f"{S1} {S2}"
BODY_2 = f"{S3} {S4}"


def evidence(article_id: str, body: str, sentence: str) -> Evidence:
    start = body.index(sentence)
    return Evidence(article_id, sentence, start, start + len(sentence))


def mention(ev: Evidence, text: str, kind: str, nth: int = 0) -> Mention:
    """The `nth` occurrence of `text` in the evidence sentence, as a mention."""
    offset = -1
    for _ in range(nth + 1):
        offset = ev.sentence.index(text, offset + 1)
    start = ev.start + offset
    return Mention(f"{ev.article_id}#{start}", text, text, kind, start, start + len(text), ev)


def extractions_and_entities():
    article_1 = Article("a1", TITLE_1, BODY_1, "2020-01-13", "Example News", "seeds/a1.txt")
    article_2 = Article("a2", TITLE_2, BODY_2, None, None, "https://example.com/a2?x=1&y=2")
    e1, e2 = evidence("a1", BODY_1, S1), evidence("a1", BODY_1, S2)
    e3, e4 = evidence("a2", BODY_2, S3), evidence("a2", BODY_2, S4)

    m = {
        "akar1": mention(e1, "Hulusi Akar", "Person"),
        "turkish1": mention(e1, "Turkish", "Country"),
        "syrian1": mention(e1, "Syrian", "Country"),
        "mamlouk1": mention(e1, "Ali Mamlouk", "Person"),
        "fox1": mention(e1, HOSTILE, "Person"),
        "moscow1": mention(e1, "Moscow", "Place"),
        "akar2": mention(e2, "Akar", "Person"),
        "shoigu2": mention(e2, "Sergei Shoigu", "Person"),
        "akar3": mention(e3, "Akar", "Person"),
        "mamlouk3": mention(e3, "Mamlouk", "Person"),
        "fox3": mention(e3, HOSTILE, "Person"),
        "moscow3": mention(e3, "Moscow", "Place"),
        "fox4": mention(e4, HOSTILE, "Person"),
        "un4": mention(e4, "United Nations", "Organisation"),
    }
    entity_of = {
        "akar1": "person:hulusi-akar", "akar2": "person:hulusi-akar", "akar3": "person:hulusi-akar",
        "turkish1": "country:turkey", "syrian1": "country:syria",
        "mamlouk1": "person:ali-mamlouk", "mamlouk3": "person:ali-mamlouk",
        "fox1": HOSTILE_ID, "fox3": HOSTILE_ID, "fox4": HOSTILE_ID,
        "moscow1": "place:moscow", "moscow3": "place:moscow",
        "shoigu2": "person:sergei-shoigu", "un4": "organisation:united-nations",
    }
    mention_entity = {m[key].id: entity_id for key, entity_id in entity_of.items()}

    def mentions_of(entity_id: str) -> tuple[str, ...]:
        return tuple(sorted(m[key].id for key, value in entity_of.items() if value == entity_id))

    entities = [
        Entity("person:hulusi-akar", "Person", "Hulusi Akar", ("Akar",), mentions_of("person:hulusi-akar"),
               ("Akar → Hulusi Akar: surname of a full name in the article",)),
        Entity("person:ali-mamlouk", "Person", "Ali Mamlouk", ("Mamlouk",), mentions_of("person:ali-mamlouk"), ()),
        Entity(HOSTILE_ID, "Person", HOSTILE, (HOSTILE_ALIAS,), mentions_of(HOSTILE_ID), ()),
        Entity("person:sergei-shoigu", "Person", "Sergei Shoigu", (), mentions_of("person:sergei-shoigu"), ()),
        Entity("country:turkey", "Country", "Turkey", ("Turkish",), mentions_of("country:turkey"), ()),
        Entity("country:syria", "Country", "Syria", ("Syrian",), mentions_of("country:syria"), ()),
        Entity("place:moscow", "Place", "Moscow", (), mentions_of("place:moscow"), ()),
        Entity("organisation:united-nations", "Organisation", "United Nations", ("UN",),
               mentions_of("organisation:united-nations"), ()),
    ]

    held_1 = Meeting("a1#m39", "met", (m["akar1"].id, m["turkish1"].id, m["mamlouk1"].id, m["fox1"].id),
                     "held", "in_person", m["moscow1"].id, "on Monday", e1)
    possible = Meeting("a1#m200", "may meet", (m["akar2"].id, m["shoigu2"].id), "possible", "unknown", None, None, e2)
    held_2 = Meeting("a2#m40", "held talks", (m["akar3"].id, m["mamlouk3"].id, m["fox3"].id),
                     "held", "in_person", m["moscow3"].id, None, e3)
    extractions = [
        Extraction(article_2, tuple(m[k] for k in ("akar3", "mamlouk3", "fox3", "moscow3", "fox4", "un4")),
                   (Role(m["akar3"].id, "defence minister", m["turkish1"].id, e3),  # the post, reported again
                    Role(m["fox4"].id, "envoy", m["un4"].id, e4),
                    Role(m["fox4"].id, "", m["un4"].id, e4)),
                   (held_2,)),
        Extraction(article_1, tuple(m[k] for k in ("akar1", "turkish1", "syrian1", "mamlouk1", "fox1", "moscow1",
                                                   "akar2", "shoigu2")),
                   (Role(m["akar1"].id, "defence minister", m["turkish1"].id, e1),
                    Role(m["mamlouk1"].id, "security chief", m["syrian1"].id, e1)),
                   (held_1, possible)),
    ]
    held_people = ("country:turkey", "person:ali-mamlouk", "person:hulusi-akar", HOSTILE_ID)
    meetings = [
        MergedMeeting("meeting:moscow-2020-01-13", "held", "in_person", tuple(sorted(held_people)), "place:moscow",
                      "on Monday", (held_1, held_2),
                      tuple(sorted([(p, held_1.id) for p in held_people]
                                   + [(p, held_2.id) for p in held_people if p != "country:turkey"]))),
        MergedMeeting("meeting:akar-shoigu", "possible", "unknown", ("person:hulusi-akar", "person:sergei-shoigu"),
                      None, None, (possible,),
                      (("person:hulusi-akar", possible.id), ("person:sergei-shoigu", possible.id))),
    ]
    # The Turkey role mentions "Turkish" from article 1; resolve maps every mention id, whatever its article.
    return extractions, entities, meetings, mention_entity


@pytest.fixture(scope="module")
def graph():
    return build_graph(*extractions_and_entities())


@pytest.fixture(scope="module")
def turtle(graph, tmp_path_factory) -> Path:
    return write_turtle(graph, tmp_path_factory.mktemp("out") / "graph.ttl")


def test_turtle_parses_back_to_the_same_graph(graph, turtle):
    parsed = Graph().parse(turtle, format="turtle")
    assert isomorphic(parsed, to_rdf(graph))
    hostile = node_iri(HOSTILE_ID)
    assert parsed.value(hostile, RDFS.label) == Literal(HOSTILE)
    assert parsed.value(hostile, KG.alias) == Literal(HOSTILE_ALIAS)
    assert Literal(S3) in set(parsed.objects(None, KG.sentence))


def test_hostile_node_id_gives_a_clean_iri(turtle):
    iri = str(node_iri(HOSTILE_ID))
    assert iri.startswith("https://example.org/kg/id/person/")
    assert not set(iri) & set(' "<>\'{}|\\^`') and iri.isascii()
    assert URIRef(iri) in set(Graph().parse(turtle, format="turtle").subjects())


def test_same_input_gives_the_same_bytes(tmp_path):
    extractions, entities, meetings, mention_entity = extractions_and_entities()
    first = write_turtle(build_graph(extractions, entities, meetings, mention_entity), tmp_path / "first.ttl")
    shuffled = build_graph(extractions[::-1], entities[::-1], meetings[::-1], mention_entity)
    second = write_turtle(shuffled, tmp_path / "second.ttl")
    assert first.read_bytes() == second.read_bytes()
    # A graph holding the same nodes and edges, added in the opposite order, writes the same bytes too.
    reversed_graph = nx.MultiDiGraph()
    reversed_graph.add_nodes_from(reversed(list(shuffled.nodes(data=True))))
    reversed_graph.add_edges_from(reversed(list(shuffled.edges(keys=True, data=True))))
    assert write_turtle(reversed_graph, tmp_path / "third.ttl").read_bytes() == first.read_bytes()
    assert b"PREFIX person: <https://example.org/kg/id/person/>" in first.read_bytes()


def test_no_blank_nodes(turtle):
    parsed = Graph().parse(turtle, format="turtle")
    assert not [term for triple in parsed for term in triple if isinstance(term, BNode)]


def test_articles_and_evidence(turtle):
    parsed = Graph().parse(turtle, format="turtle")
    article_1, article_2 = node_iri("article:a1"), node_iri("article:a2")
    assert parsed.value(article_1, KG.published) == Literal("2020-01-13", datatype=XSD.date)
    assert parsed.value(article_2, KG.published) is None
    assert parsed.value(article_2, KG.source) == Literal("https://example.com/a2?x=1&y=2")

    meeting = node_iri("meeting:moscow-2020-01-13")
    assert set(parsed.objects(meeting, PROV.wasDerivedFrom)) == {article_1, article_2}
    assert set(parsed.objects(meeting, KG.trigger)) == {Literal("met"), Literal("held talks")}
    evidence = {parsed.value(ev, KG.fromArticle): ev for ev in parsed.objects(meeting, KG.evidence)}
    assert set(evidence) == {article_1, article_2}
    sentence, start, end = (parsed.value(evidence[article_2], p).toPython() for p in (KG.sentence, KG.start, KG.end))
    assert BODY_2[start:end] == sentence == S3


def test_who_met_whom_lists_each_pair_of_a_held_meeting_once(turtle):
    variables, rows = run_query(turtle, str(QUERIES / "who_met_whom.rq"))
    assert variables == ["a_name", "b_name", "meeting", "place", "date", "sources"]
    # Turkey took part too, but it is not a person; Shoigu only possibly meets Akar.
    assert len(rows) == 3
    assert {frozenset(row[:2]) for row in rows} == {
        frozenset({"Hulusi Akar", "Ali Mamlouk"}), frozenset({"Hulusi Akar", HOSTILE}),
        frozenset({"Ali Mamlouk", HOSTILE})}
    assert rows == sorted(rows, key=lambda row: (row[0], row[1]))
    for _, _, meeting, place, date, sources in rows:
        assert (meeting, place, date) == (str(node_iri("meeting:moscow-2020-01-13")), "Moscow", "on Monday")
        assert sorted(sources.split(" | ")) == sorted([TITLE_1, TITLE_2])


def test_planned_meetings_lists_the_possible_meeting(turtle):
    variables, rows = run_query(turtle, QUERIES / "planned_meetings.rq")
    assert variables == ["meeting", "status", "participants", "place", "date", "sources"]
    assert len(rows) == 1
    meeting, status, participants, place, date, sources = rows[0]
    assert (meeting, status, place, date, sources) == (
        str(node_iri("meeting:akar-shoigu")), "possible", None, None, TITLE_1)
    assert sorted(participants.split(" | ")) == ["Hulusi Akar", "Sergei Shoigu"]


def test_roles_lists_each_post_once(turtle):
    variables, rows = run_query(turtle, QUERIES / "roles.rq")
    assert variables == ["person", "title", "of"]
    assert rows == [
        ("Ali Mamlouk", "security chief", "Syria"),
        ("Hulusi Akar", "defence minister", "Turkey"),  # reported by both articles: one post, two evidence
        (HOSTILE, "envoy", "United Nations"),
    ]


def test_post_has_evidence_from_each_article_and_a_readable_label(turtle):
    parsed = Graph().parse(turtle, format="turtle")
    (post,) = parsed.objects(node_iri("person:hulusi-akar"), KG.holds)
    assert parsed.value(post, RDFS.label) == Literal("defence minister of Turkey")
    assert (post, RDF.type, KG.Post) in parsed
    articles = {parsed.value(ev, KG.fromArticle) for ev in parsed.objects(post, KG.evidence)}
    assert articles == {node_iri("article:a1"), node_iri("article:a2")}
    assert (node_iri(HOSTILE_ID), KG.memberOf, node_iri("organisation:united-nations")) in parsed


def test_prefixes_bound_in_the_graph_need_no_declaration(turtle):
    _, rows = run_query(turtle, "SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name")
    assert [name for (name,) in rows] == ["Ali Mamlouk", "Hulusi Akar", "Sergei Shoigu", HOSTILE]


def test_ask_query_gives_one_row(turtle):
    assert run_query(turtle, "ASK { ?m kg:status kg:Cancelled }") == (["ask"], [("false",)])


@pytest.mark.parametrize(("query", "message"), [
    ("SELECT ?a WHERE {\n  ?a ?b }", "query line 2, column"),
    ("SELECT ?a WHERE { ?a nosuch:b ?c }", "nosuch"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "use SELECT or ASK"),
])
def test_bad_query_raises_query_error(turtle, query, message):
    with pytest.raises(QueryError, match=message):
        run_query(turtle, query)


def test_missing_query_file_raises_query_error(turtle, tmp_path):
    with pytest.raises(QueryError, match="no such query file"):
        run_query(turtle, str(tmp_path / "nothing.rq"))


def test_load_query_reads_rq_files():
    assert load_query(str(QUERIES / "roles.rq")) == (QUERIES / "roles.rq").read_text(encoding="utf-8")
    assert load_query("ASK { ?s ?p ?o }") == "ASK { ?s ?p ?o }"


def test_missing_or_broken_graph_raises_kg_error_naming_the_file(tmp_path):
    missing = tmp_path / "missing.ttl"
    with pytest.raises(KGError, match="missing.ttl: no such graph file"):
        run_query(missing, "ASK { ?s ?p ?o }")
    broken = tmp_path / "broken.ttl"
    broken.write_text('PREFIX x: <http://x/>\n\nx:a x:b "unterminated .\n', encoding="utf-8")
    with pytest.raises(KGError, match="broken.ttl:3: not valid Turtle"):
        run_query(broken, "ASK { ?s ?p ?o }")


VARIABLES = ["name", "note"]
ROWS = [("Akar", 'said "yes", then\nleft'), ("王小明", None)]


def test_format_rows_csv_follows_rfc_4180():
    assert format_rows(VARIABLES, ROWS, "csv") == 'name,note\r\nAkar,"said ""yes"", then\nleft"\r\n王小明,\r\n'


def test_format_rows_json_is_a_list_of_objects():
    assert json.loads(format_rows(VARIABLES, ROWS, "json")) == [
        {"name": "Akar", "note": 'said "yes", then\nleft'}, {"name": "王小明", "note": None}]


def test_format_rows_table_aligns_columns():
    # Chinese characters take two columns in a terminal, so 王小明 is as wide as a six-letter name.
    assert format_rows(VARIABLES, ROWS, "table").splitlines() == [
        "name    note",
        "------  ---------------------",
        'Akar    said "yes", then left',
        "王小明",
    ]


def test_format_rows_rejects_an_unknown_format():
    with pytest.raises(KGError, match="expected one of table, csv, json"):
        format_rows(VARIABLES, ROWS, "xml")  # type: ignore[arg-type]
