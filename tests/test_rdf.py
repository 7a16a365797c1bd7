"""Turtle export and SPARQL queries over a small hand-built graph.

Two articles report one held meeting in Moscow (three people with posts, and Turkey as a state); the first also
reports a possible meeting of two people. One person has a hostile name: quotes, angle brackets, spaces, Chinese
script, a line break and great length, in the node id, the label, an alias and an evidence sentence.

A second graph tests dates: an old story republished under a new page date ("on Wednesday" read against that date
gives a day three years late) and a report with a full date disagree on when a meeting took place; two more meetings
have an agreed date, a day and a month.
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
from kg.export.rdf import node_triples, to_rdf, write_turtle
from kg.graph import build_graph
from kg.query import format_rows, load_query, run_query
from kg.records import (
    Article,
    DateClaim,
    DateClue,
    Dating,
    Entity,
    Evidence,
    Extraction,
    Meeting,
    Mention,
    MergedMeeting,
    Role,
)
from kg.vocab import KG, mint, node_iri, node_slug

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


def test_membership_is_a_node_with_its_evidence(turtle):
    parsed = Graph().parse(turtle, format="turtle")
    person, un = node_iri(HOSTILE_ID), node_iri("organisation:united-nations")
    assert (person, KG.memberOf, un) in parsed  # the direct triple stays, for simple queries
    membership = mint("membership", f"{node_slug(HOSTILE_ID)}--united-nations")
    assert (membership, RDF.type, KG.Membership) in parsed
    assert (parsed.value(membership, KG.member), parsed.value(membership, KG.organisation)) == (person, un)
    (ev,) = parsed.objects(membership, KG.evidence)
    assert ev == mint("evidence", f"a2-{BODY_2.index(S4)}-{BODY_2.index(S4) + len(S4)}--title")
    assert (parsed.value(ev, KG.fromArticle), parsed.value(ev, KG.sentence)) == (node_iri("article:a2"), Literal(S4))


def test_each_participation_links_to_the_sentences_that_name_the_participant(turtle):
    parsed = Graph().parse(turtle, format="turtle")
    meeting = node_iri("meeting:moscow-2020-01-13")
    participations = set(parsed.objects(meeting, KG.participation))
    agents = {parsed.value(p, KG.agent): p for p in participations}
    assert set(agents) == set(parsed.objects(meeting, KG.participant)) and len(agents) == 4
    assert agents[node_iri("country:turkey")] == mint("participation", "moscow-2020-01-13--country--turkey")
    sentences = {agent: {str(parsed.value(ev, KG.sentence)) for ev in parsed.objects(p, KG.evidence)}
                 for agent, p in agents.items()}
    # Turkey is a participant only in the first report; the people in both.
    assert sentences[node_iri("country:turkey")] == {S1}
    assert sentences[node_iri("person:ali-mamlouk")] == {S1, S3}
    assert all((p, RDF.type, KG.Participation) in parsed for p in participations)


def test_each_mention_links_to_its_first_sentence_in_each_article(turtle):
    parsed = Graph().parse(turtle, format="turtle")
    akar = node_iri("person:hulusi-akar")
    assert set(parsed.objects(akar, KG.mentionedIn)) == {node_iri("article:a1"), node_iri("article:a2")}
    mentions = set(parsed.subjects(KG.mentionOf, akar))
    assert mentions == {mint("mention", "person--hulusi-akar--a1"), mint("mention", "person--hulusi-akar--a2")}
    found = {(parsed.value(ev, KG.fromArticle), str(parsed.value(ev, KG.sentence)))
             for mention in mentions for ev in parsed.objects(mention, KG.evidence)}
    assert found == {(node_iri("article:a1"), S1), (node_iri("article:a2"), S3)}


def test_every_evidence_says_how_it_was_read_and_how_far_to_trust_it(turtle):
    parsed = Graph().parse(turtle, format="turtle")
    readings = set()
    for ev in parsed.subjects(RDF.type, KG.Evidence):
        (method,), (confidence,) = parsed.objects(ev, KG.method), parsed.objects(ev, KG.confidence)
        assert confidence.datatype == XSD.decimal and 0 < confidence.toPython() <= 1
        readings.add((str(ev).rpartition("--")[2], str(method), str(confidence)))
    assert readings == {("parse", "dependency-parse rules", "0.9"), ("title", "title and apposition rules", "0.8"),
                        ("ner", "named-entity recognition", "0.84")}
    # One sentence read by two methods is two Evidence resources, each with one method and one confidence.
    start = BODY_1.index(S1)
    shared = {mint("evidence", f"a1-{start}-{start + len(S1)}--{reading}") for reading in ("parse", "title", "ner")}
    assert shared <= set(parsed.subjects(RDF.type, KG.Evidence))


def test_a_participant_leads_to_its_sentence_in_sparql(turtle):
    query = """SELECT ?title ?sentence WHERE {
        ?meeting kg:participation ?p . ?p kg:agent ?who . ?who rdfs:label "Ali Mamlouk" .
        ?p kg:evidence ?ev . ?ev kg:sentence ?sentence ; kg:fromArticle/schema:headline ?title .
    } ORDER BY ?title"""
    assert run_query(turtle, query)[1] == [(TITLE_2, S3), (TITLE_1, S1)]


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


# --- dates -----------------------------------------------------------------------------------------------------------

OLD_TITLE = "Defence ministers meet in Moscow"
NEW_TITLE = "Akar and Mamlouk hold talks"
D1 = "Hulusi Akar met Ali Mamlouk in Moscow on Wednesday."
D2 = "It was their first meeting since the start of the war in 2011."
D3 = "Damascus cut ties with Ankara during the 11-year conflict."
D4 = "Akar met Mamlouk in Moscow on 28 December 2022."
D5 = "Akar met Sergei Shoigu on 27 December 2022."
D6 = "Akar will meet Shoigu again in January 2023."
OLD_BODY = f"{D1} {D2} {D3}"
NEW_BODY = f"{D4} {D5} {D6}"
REASON = ("its text places it in 2022-12-11/2022-12-31 (the war began in 2011; the conflict is 11 years old; "
          "so the text was written after 2022-12-11)")
IN_MOSCOW, WITH_SHOIGU, IN_JANUARY = "meeting:moscow-2022", "meeting:akar-shoigu-2022", "meeting:akar-shoigu-2023"


def clue(body: str, sentence: str, text: str, reading: str) -> DateClue:
    start = body.index(sentence)
    return DateClue(sentence, start, start + len(sentence), text, reading)


def dated_build_inputs():
    """Build inputs for the dated scenario: (extractions, entities, meetings, mention_entity, redated)."""
    old = Article("old", OLD_TITLE, OLD_BODY, "2025-11-08", "Example News", "seeds/old.txt")
    new = Article("new", NEW_TITLE, NEW_BODY, "2022-12-29", "Example News", "seeds/new.txt")
    e1, e4, e5, e6 = (evidence("old", OLD_BODY, D1), evidence("new", NEW_BODY, D4), evidence("new", NEW_BODY, D5),
                      evidence("new", NEW_BODY, D6))
    m = {
        "akar1": mention(e1, "Hulusi Akar", "Person"), "mamlouk1": mention(e1, "Ali Mamlouk", "Person"),
        "moscow1": mention(e1, "Moscow", "Place"),
        "akar4": mention(e4, "Akar", "Person"), "mamlouk4": mention(e4, "Mamlouk", "Person"),
        "moscow4": mention(e4, "Moscow", "Place"),
        "akar5": mention(e5, "Akar", "Person"), "shoigu5": mention(e5, "Sergei Shoigu", "Person"),
        "akar6": mention(e6, "Akar", "Person"), "shoigu6": mention(e6, "Shoigu", "Person"),
    }
    entity_of = {key: f"{m[key].kind.lower()}:{name}" for key, name in (
        ("akar1", "hulusi-akar"), ("akar4", "hulusi-akar"), ("akar5", "hulusi-akar"), ("akar6", "hulusi-akar"),
        ("mamlouk1", "ali-mamlouk"), ("mamlouk4", "ali-mamlouk"), ("moscow1", "moscow"), ("moscow4", "moscow"),
        ("shoigu5", "sergei-shoigu"), ("shoigu6", "sergei-shoigu"))}
    mention_entity = {m[key].id: entity_id for key, entity_id in entity_of.items()}
    mentions_of = {entity_id: tuple(sorted(m[k].id for k, v in entity_of.items() if v == entity_id))
                   for entity_id in entity_of.values()}
    entities = [
        Entity(entity_id, m[key].kind, name, (), mentions_of[entity_id], ())
        for key, entity_id, name in (("akar1", "person:hulusi-akar", "Hulusi Akar"),
                                     ("mamlouk1", "person:ali-mamlouk", "Ali Mamlouk"),
                                     ("shoigu5", "person:sergei-shoigu", "Sergei Shoigu"),
                                     ("moscow1", "place:moscow", "Moscow"))]

    old_report = Meeting(f"old#m{e1.start}", "met", (m["akar1"].id, m["mamlouk1"].id), "held", "in_person",
                         m["moscow1"].id, "on Wednesday", e1)
    new_report = Meeting(f"new#m{e4.start}", "met", (m["akar4"].id, m["mamlouk4"].id), "held", "in_person",
                         m["moscow4"].id, "on 28 December 2022", e4)
    shoigu_report = Meeting(f"new#m{e5.start}", "met", (m["akar5"].id, m["shoigu5"].id), "held", "in_person",
                            None, "on 27 December 2022", e5)
    january_report = Meeting(f"new#m{e6.start}", "will meet", (m["akar6"].id, m["shoigu6"].id), "planned",
                             "unknown", None, "in January 2023", e6)
    dating = Dating(
        estimate=("2022-12-11", "2022-12-31"),
        clues=(clue(OLD_BODY, D2, "the start of the war in 2011", "the war began in 2011"),
               clue(OLD_BODY, D3, "the 11-year conflict", "the conflict is 11 years old")),
        redated=True, reasoning="the war began in 2011; the conflict is 11 years old")
    extractions = [
        Extraction(old, tuple(m[k] for k in ("akar1", "mamlouk1", "moscow1")), (), (old_report,), dating),
        Extraction(new, tuple(m[k] for k in ("akar4", "mamlouk4", "moscow4", "akar5", "shoigu5", "akar6", "shoigu6")),
                   (), (new_report, shoigu_report, january_report)),
    ]
    akar_mamlouk = ("person:ali-mamlouk", "person:hulusi-akar")
    akar_shoigu = ("person:hulusi-akar", "person:sergei-shoigu")
    meetings = [
        MergedMeeting(
            IN_MOSCOW, "held", "in_person", akar_mamlouk, "place:moscow", "on Wednesday", (new_report, old_report),
            tuple(sorted((p, r.id) for p in akar_mamlouk for r in (old_report, new_report))),
            date_claims=(
                DateClaim("new", "on 28 December 2022", "2022-12-28", "day", "text", False),
                DateClaim("old", None, "2022-10-10/2022-12-31", "estimate", "estimate", False),
                DateClaim("old", "on Wednesday", "2025-11-05", "day", "page date", True),
            ),
            date=None, date_conflict=True),
        MergedMeeting(
            WITH_SHOIGU, "held", "in_person", akar_shoigu, None, "on 27 December 2022", (shoigu_report,),
            tuple((p, shoigu_report.id) for p in akar_shoigu),
            date_claims=(DateClaim("new", "on 27 December 2022", "2022-12-27", "day", "text", False),),
            date="2022-12-27"),
        MergedMeeting(
            IN_JANUARY, "planned", "unknown", akar_shoigu, None, "in January 2023", (january_report,),
            tuple((p, january_report.id) for p in akar_shoigu),
            date_claims=(DateClaim("new", "in January 2023", "2023-01-01/2023-01-31", "month", "text", False),),
            date="2023-01-01/2023-01-31"),
    ]
    return extractions, entities, meetings, mention_entity, {"old": REASON}


@pytest.fixture(scope="module")
def dated_turtle(tmp_path_factory) -> Path:
    return write_turtle(build_graph(*dated_build_inputs()), tmp_path_factory.mktemp("dated") / "graph.ttl")


def test_dated_turtle_parses_with_typed_dates(dated_turtle):
    parsed = Graph().parse(dated_turtle, format="turtle")
    assert not [term for triple in parsed for term in triple if isinstance(term, BNode)]
    for predicate in (KG.earliest, KG.latest, KG.estimatedEarliest, KG.estimatedLatest):
        assert {value.datatype for value in parsed.objects(None, predicate)} == {XSD.date}, predicate
    for predicate in (KG.uncertain, KG.dateConflict, KG.possiblyRedated):
        assert {value.datatype for value in parsed.objects(None, predicate)} == {XSD.boolean}, predicate


def test_agreed_meeting_date_is_earliest_and_latest(dated_turtle):
    parsed = Graph().parse(dated_turtle, format="turtle")
    day, month, conflict = node_iri(WITH_SHOIGU), node_iri(IN_JANUARY), node_iri(IN_MOSCOW)
    assert parsed.value(day, KG.earliest) == parsed.value(day, KG.latest) == Literal("2022-12-27", datatype=XSD.date)
    assert parsed.value(month, KG.earliest) == Literal("2023-01-01", datatype=XSD.date)
    assert parsed.value(month, KG.latest) == Literal("2023-01-31", datatype=XSD.date)
    assert parsed.value(day, KG.dateConflict) == Literal(False)
    # Claims that disagree give the meeting no date of its own.
    assert parsed.value(conflict, KG.dateConflict) == Literal(True)
    assert parsed.value(conflict, KG.earliest) is None and parsed.value(conflict, KG.latest) is None


def test_date_claims_are_nodes_with_deterministic_iris(dated_turtle):
    parsed = Graph().parse(dated_turtle, format="turtle")
    claims = set(parsed.objects(node_iri(IN_MOSCOW), KG.dateClaim))
    assert claims == {
        mint("dateclaim", "moscow-2022--new--text--2022-12-28--on-28-december-2022"),
        mint("dateclaim", "moscow-2022--old--estimate--2022-10-10_2022-12-31"),
        mint("dateclaim", "moscow-2022--old--page-date--2025-11-05--on-wednesday"),
    }
    wednesday = mint("dateclaim", "moscow-2022--old--page-date--2025-11-05--on-wednesday")
    assert (wednesday, RDF.type, KG.DateClaim) in parsed
    assert {p: parsed.value(wednesday, p) for p in (KG.claimedBy, KG.dateText, KG.granularity, KG.basis,
                                                     KG.uncertain, KG.earliest, KG.latest)} == {
        KG.claimedBy: node_iri("article:old"), KG.dateText: Literal("on Wednesday"), KG.granularity: Literal("day"),
        KG.basis: Literal("page date"), KG.uncertain: Literal(True),
        KG.earliest: Literal("2025-11-05", datatype=XSD.date), KG.latest: Literal("2025-11-05", datatype=XSD.date)}
    estimate = mint("dateclaim", "moscow-2022--old--estimate--2022-10-10_2022-12-31")
    assert parsed.value(estimate, KG.dateText) is None
    assert parsed.value(estimate, KG.uncertain) == Literal(False)


def test_redated_article_has_reason_estimate_and_clues(dated_turtle):
    parsed = Graph().parse(dated_turtle, format="turtle")
    old, new = node_iri("article:old"), node_iri("article:new")
    assert parsed.value(old, KG.possiblyRedated) == Literal(True)
    assert parsed.value(old, KG.redatedReason) == Literal(REASON)
    assert parsed.value(old, KG.estimatedEarliest) == Literal("2022-12-11", datatype=XSD.date)
    assert parsed.value(old, KG.estimatedLatest) == Literal("2022-12-31", datatype=XSD.date)
    first, second = mint("dateclue", "old-1"), mint("dateclue", "old-2")
    assert set(parsed.objects(old, KG.dateClue)) == {first, second}
    assert (first, RDF.type, KG.DateClue) in parsed
    assert (parsed.value(first, KG.clueText), parsed.value(first, KG.reading), parsed.value(first, KG.sentence)) == (
        Literal("the start of the war in 2011"), Literal("the war began in 2011"), Literal(D2))
    # Only a page date that is not to be trusted is marked; the other article says nothing of it.
    for predicate in (KG.possiblyRedated, KG.redatedReason, KG.estimatedEarliest, KG.dateClue):
        assert parsed.value(new, predicate) is None, predicate


def test_date_conflicts_lists_each_claim_with_the_reason(dated_turtle):
    variables, rows = run_query(dated_turtle, QUERIES / "date_conflicts.rq")
    assert variables == ["meeting", "label", "article_title", "basis", "date_text", "earliest", "latest", "uncertain",
                         "redated_reason"]
    meeting = str(node_iri(IN_MOSCOW))
    # The two agreed meetings are reported only by the article whose page date holds, so they are not listed.
    # Rows are sorted by article title ("Akar ..." before "Defence ..."), then by basis.
    assert rows == [
        (meeting, "Meeting in Moscow", NEW_TITLE, "text", "on 28 December 2022", "2022-12-28", "2022-12-28", "false",
         None),
        (meeting, "Meeting in Moscow", OLD_TITLE, "estimate", None, "2022-10-10", "2022-12-31", "false", REASON),
        (meeting, "Meeting in Moscow", OLD_TITLE, "page date", "on Wednesday", "2025-11-05", "2025-11-05", "true",
         REASON),
    ]


def test_date_conflicts_lists_a_redated_source_without_claims(tmp_path):
    """A meeting with no conflict is listed when one of its articles is possibly re-dated, even with no claims."""
    extractions, entities, meetings, mention_entity, _ = dated_build_inputs()
    turtle = write_turtle(build_graph(extractions, entities, meetings, mention_entity, {"new": "a test reason"}),
                          tmp_path / "graph.ttl")
    _, rows = run_query(turtle, QUERIES / "date_conflicts.rq")
    listed = {(row[0], row[2], row[3], row[8]) for row in rows}
    assert (str(node_iri(WITH_SHOIGU)), NEW_TITLE, "text", "a test reason") in listed
    assert (str(node_iri(IN_JANUARY)), NEW_TITLE, "text", "a test reason") in listed
    assert (str(node_iri(IN_MOSCOW)), OLD_TITLE, "page date", None) in listed

    # With no conflict and no re-dated source, nothing is listed; the hand-built graph above has neither.
    extractions, entities, meetings, mention_entity = extractions_and_entities()
    plain = write_turtle(build_graph(extractions, entities, meetings, mention_entity), tmp_path / "plain.ttl")
    assert run_query(plain, QUERIES / "date_conflicts.rq")[1] == []


def test_dated_graph_gives_the_same_bytes(tmp_path):
    extractions, entities, meetings, mention_entity, redated = dated_build_inputs()
    first = write_turtle(build_graph(extractions, entities, meetings, mention_entity, redated), tmp_path / "a.ttl")
    second = write_turtle(build_graph(extractions[::-1], entities[::-1], meetings[::-1], mention_entity,
                                      dict(reversed(redated.items()))), tmp_path / "b.ttl")
    assert first.read_bytes() == second.read_bytes()
    assert b"PREFIX dateclaim: <https://example.org/kg/id/dateclaim/>" in first.read_bytes()
    assert b"PREFIX dateclue: <https://example.org/kg/id/dateclue/>" in first.read_bytes()


def test_graph_without_date_attributes_exports_no_dates():
    """Nodes from an older or hand-built graph lack the date attributes; they are left out, not guessed."""
    graph = build_graph(*dated_build_inputs())
    for _, data in graph.nodes(data=True):
        for name in ("date", "date_conflict", "date_claims", "redated", "date_estimate", "date_clues"):
            data.pop(name, None)
    rdf_graph = to_rdf(graph)
    for predicate in (KG.earliest, KG.latest, KG.dateConflict, KG.dateClaim, KG.possiblyRedated, KG.redatedReason,
                      KG.estimatedEarliest, KG.estimatedLatest, KG.dateClue):
        assert not list(rdf_graph.objects(None, predicate)), predicate
    assert (node_iri(IN_MOSCOW), RDF.type, KG.Meeting) in rdf_graph


@pytest.mark.parametrize(("estimate", "earliest", "latest"), [
    ("2022-12-11/2022-12-31", "2022-12-11", "2022-12-31"),
    ("2021-01-01", "2021-01-01", None),  # one date: the text bounds its time from below only
    ("2022-02-30/2022-12-31", None, "2022-12-31"),  # a part that is no date is left out
    (None, None, None),
])
def test_article_estimate_bounds(estimate, earliest, latest):
    data = {"kind": "Article", "label": "t", "title": "t", "source": "s", "date_estimate": estimate}
    triples = {predicate: value for _, predicate, value in node_triples("article:x", data)}
    assert triples.get(KG.estimatedEarliest) == (Literal(earliest, datatype=XSD.date) if earliest else None)
    assert triples.get(KG.estimatedLatest) == (Literal(latest, datatype=XSD.date) if latest else None)


def test_two_expressions_for_one_day_are_two_claims():
    claims = (("article:a", "on Wednesday", "2022-12-28", "day", "page date", False),
              ("article:a", "yesterday", "2022-12-28", "day", "page date", False))
    data = {"kind": "Meeting", "label": "m", "status": "held", "mode": "unknown", "date_claims": claims}
    assert len({value for _, predicate, value in node_triples("meeting:m", data) if predicate == KG.dateClaim}) == 2
