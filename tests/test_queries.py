"""Every query in ontology/queries/, run on the Turtle of the bundled examples: one held meeting in Moscow of five
people, reported by two articles; a planned and two possible meetings; the posts of the people involved."""

from __future__ import annotations

import itertools
from pathlib import Path

import pyoxigraph
import pytest
from tests_support import ROOT

from kg.query import run_query

QUERIES = ROOT / "ontology" / "queries"
PARTICIPANTS = {"Hulusi Akar", "Hakan Fidan", "Ali Mahmoud Abbas", "Ali Mamlouk", "Sergei Shoigu"}
TITLES = {"Turkey, Syria, Russia defence ministers hold talks in Moscow",
          "Russia, Turkey, Syria Defence Ministers Meet For Talks After Over 10 Years"}
PAIRS = {frozenset(pair) for pair in itertools.combinations(PARTICIPANTS, 2)}


def answers(examples_build, name: str) -> list[dict[str, str | None]]:
    """The rows of ontology/queries/<name>.rq over the examples' graph.ttl, each as {variable: value}."""
    _, out = examples_build
    variables, rows = run_query(out / "graph.ttl", QUERIES / f"{name}.rq")
    return [dict(zip(variables, row)) for row in rows]


def joined(value: str | None) -> set[str]:
    """The items of a GROUP_CONCAT with separator " | ", whose order SPARQL leaves open."""
    return set(value.split(" | ")) if value else set()


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda path: path.name)
def test_every_query_says_what_it_returns_declares_its_prefixes_and_runs(examples_build, path: Path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# "), "a query starts with a comment saying what it returns"
    # An empty store with no prefixes given: the query parses only if it declares every prefix it uses.
    pyoxigraph.Store().query(text)
    variables, _ = run_query(examples_build[1] / "graph.ttl", path)
    assert variables


def test_meetings_in_place_gives_the_one_held_meeting_in_moscow(examples_build):
    rows = answers(examples_build, "meetings_in_place")
    held = [row for row in rows if row["status"] == "held"]
    assert len(held) == 1
    (moscow,) = held
    assert moscow["place"] == "Moscow"
    assert joined(moscow["participants"]) == PARTICIPANTS
    assert joined(moscow["sources"]) == TITLES
    assert moscow["meeting"].startswith("https://example.org/kg/id/meeting/")
    assert [row["place"] for row in rows] == sorted(row["place"] for row in rows)


def test_people_by_country_gives_posts_in_countries_only(examples_build):
    rows = answers(examples_build, "people_by_country")
    triples = [(row["person"], row["title"], row["country"]) for row in rows]
    found = set(triples)
    assert {
        ("Hulusi Akar", "defence minister", "Turkey"),
        ("Sergei Shoigu", "defence minister", "Russia"),
        ("Ali Mahmoud Abbas", "defence minister", "Syria"),
        ("Ali Mamlouk", "intelligence chief", "Syria"),
        ("Recep Tayyip Erdogan", "president", "Turkey"),
        ("Bashar al-Assad", "president", "Syria"),
        ("Vladimir Putin", "president", "Russia"),
    } <= found
    # Hakan Fidan heads an organisation (the National Intelligence Organisation), not a country.
    assert "Hakan Fidan" not in {person for person, _, _ in found}
    assert {country for _, _, country in found} == {"Turkey", "Syria", "Russia"}
    assert triples == sorted(triples, key=lambda triple: (triple[2], triple[0], triple[1]))


def test_roles_over_time_gives_each_post_as_each_article_reports_it(examples_build):
    rows = answers(examples_build, "roles_over_time")
    assert list(rows[0]) == ["person", "title", "of", "article_title", "published"]
    akar = [(row["title"], row["of"], row["article_title"], row["published"]) for row in rows
            if row["person"] == "Hulusi Akar"]
    # Both articles call him defence minister of Turkey; the earlier page comes first.
    assert akar == [
        ("defence minister", "Turkey", "Turkey, Syria, Russia defence ministers hold talks in Moscow", "2025-06-20"),
        ("defence minister", "Turkey", "Russia, Turkey, Syria Defence Ministers Meet For Talks After Over 10 Years",
         "2025-11-08"),
    ]
    assert ("Hakan Fidan", "head", "National Intelligence Organisation") in {
        (row["person"], row["title"], row["of"]) for row in rows}
    assert {row["article_title"] for row in rows} == TITLES
    keys = [(row["person"], row["published"] or "") for row in rows]
    assert keys == sorted(keys)


def test_sources_of_a_meeting_give_both_articles_of_the_moscow_meeting(examples_build):
    rows = answers(examples_build, "sources_of_a_meeting")
    moscow = [row for row in rows if row["label"] == "Meeting in Moscow"]
    assert {row["article_title"] for row in moscow} == TITLES
    # The source is the path the build was given, so only its file name is fixed.
    assert {(row["article_title"], row["published"], Path(row["source"]).name) for row in moscow} == {
        ("Turkey, Syria, Russia defence ministers hold talks in Moscow", "2025-06-20", "000_ac96e4b3b8268ecb.txt"),
        ("Russia, Turkey, Syria Defence Ministers Meet For Talks After Over 10 Years", "2025-11-08",
         "001_d78b50f9124a1b2d.txt"),
    }
    # Each article has a sentence that says where the meeting was.
    assert {row["article_title"] for row in moscow if "Moscow" in row["sentence"]} == TITLES
    assert all(row["sentence"] for row in rows)
    # Every meeting has a source.
    _, meetings = run_query(examples_build[1] / "graph.ttl", "SELECT ?meeting WHERE { ?meeting a kg:Meeting }")
    assert {row["meeting"] for row in rows} == {meeting for (meeting,) in meetings}


def test_who_met_whom_evidence_follows_every_pair_to_an_article_and_a_sentence(examples_build):
    rows = answers(examples_build, "who_met_whom_evidence")
    assert {frozenset((row["a_name"], row["b_name"])) for row in rows} == PAIRS
    for pair in PAIRS:
        evidence = [row for row in rows if {row["a_name"], row["b_name"]} == pair]
        assert any("Moscow" in row["sentence"] and row["article_title"] in TITLES for row in evidence), pair
    for row in rows:
        assert row["article_title"] in joined(row["sources"])


def test_who_met_whom_evidence_has_the_rows_of_who_met_whom(examples_build):
    def key(row):
        return (*(row[column] for column in ("a_name", "b_name", "meeting", "place", "date")),
                frozenset(joined(row["sources"])))

    assert {key(row) for row in answers(examples_build, "who_met_whom_evidence")} == {
        key(row) for row in answers(examples_build, "who_met_whom")}


def test_planned_meetings_lists_planned_and_possible_meetings_only(examples_build):
    rows = answers(examples_build, "planned_meetings")
    assert {row["status"] for row in rows} <= {"planned", "possible"}
    assert any(row["status"] == "possible" and joined(row["participants"]) == {"Recep Tayyip Erdogan",
                                                                                "Bashar al-Assad"} for row in rows)
    assert not any(joined(row["participants"]) == PARTICIPANTS for row in rows)


def test_roles_lists_the_defence_ministers(examples_build):
    found = {(row["person"], row["title"], row["of"]) for row in answers(examples_build, "roles")}
    assert {("Hulusi Akar", "defence minister", "Turkey"), ("Sergei Shoigu", "defence minister", "Russia"),
            ("Ali Mahmoud Abbas", "defence minister", "Syria")} <= found


def test_date_conflicts_lists_the_moscow_meeting(examples_build):
    rows = answers(examples_build, "date_conflicts")
    moscow = [row for row in rows if row["label"] == "Meeting in Moscow"]
    assert {row["article_title"] for row in moscow} == TITLES
    assert any(row["basis"] == "page date" and row["uncertain"] == "true" for row in moscow)
