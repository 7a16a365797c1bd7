"""Resolution: names inside an article and across articles, and reports of one meeting merged."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Article
from kg.resolve import resolve


def build(nlp, *texts: str, ids: tuple[str, ...] = (), dates: tuple[str, ...] = ()):
    articles = [Article(ids[i] if ids else f"a{i}", f"t{i}", text, dates[i] if dates else "2020-01-01", None, "x")
                for i, text in enumerate(texts)]
    extractions = [extract(nlp(a.body), a) for a in articles]
    resolution = resolve(extractions)
    names = {e.id: e.name for e in resolution.entities}
    return resolution, names


def test_surnames_join_the_full_name_of_their_own_article_only(nlp):
    resolution, names = build(
        nlp,
        "Peter MacKay met Condoleezza Rice in Pictou.\n\nMacKay said the visit went well.",
        "Condoleezza Rice met Elmer MacKay in Halifax.\n\nMacKay said the dinner went well.",
    )
    people = sorted(n for e, n in names.items() if e.startswith("person:"))
    assert people == ["Condoleezza Rice", "Elmer MacKay", "Peter MacKay"]
    peter = next(e for e in resolution.entities if e.name == "Peter MacKay")
    assert peter.aliases == ("MacKay",) and any("surname" in reason for reason in peter.merges)


def test_two_people_with_overlapping_names_stay_apart(nlp):
    _, names = build(
        nlp,
        "Palestinian President Mahmoud Abbas met Ehud Olmert in Jerusalem.",
        "Syrian defence minister Ali Mahmoud Abbas met Hulusi Akar in Moscow.",
    )
    assert {"Mahmoud Abbas", "Ali Mahmoud Abbas"} <= set(names.values())


def test_acronym_in_parentheses_names_the_organisation_everywhere(nlp):
    _, names = build(nlp, "The Kurdistan Workers' Party (PKK) fought on.", "The PKK denied it.")
    organisations = [n for e, n in names.items() if e.startswith("organisation:")]
    assert organisations == ["Kurdistan Workers' Party"]


def test_reports_of_one_meeting_merge_and_different_meetings_stay_apart(nlp):
    resolution, _ = build(
        nlp,
        "Angela Merkel met Emmanuel Macron in Paris on Monday.",
        "Emmanuel Macron and Angela Merkel met in Paris.",
        "Angela Merkel met Emmanuel Macron in Berlin.",
        dates=("2020-01-01", "2020-01-02", "2020-06-01"),
    )
    assert sorted(len(m.reports) for m in resolution.meetings) == [1, 2]


def test_meeting_ids_stay_unique_for_long_article_ids(nlp):
    long_id = "2008-07-08-id109383-romanian-foreign-minister-breaks-the-ice-between-bucharest-a"
    resolution, _ = build(nlp, "Lazar Comanescu met Andrei Stratan on Monday.\n\n"
                               "Zinaida Grechany held talks with Vladimir Voronin in May.", ids=(long_id,))
    assert len({m.id for m in resolution.meetings}) == len(resolution.meetings) == 2


def test_surname_alone_joins_the_person_the_evidence_points_to(nlp):
    resolution, names = build(
        nlp,
        "Palestinian President Mahmoud Abbas met Ehud Olmert in Jerusalem.",
        "Syrian defence minister Ali Mahmoud Abbas met Hulusi Akar in Moscow.",
        "Palestinian President Abbas said Israel must free the prisoners.",
        "Syria's defence minister Abbas said Turkey must leave Syria.",
        "Abbas said nothing.",
    )
    by_article = {}
    for entity in resolution.entities:
        for mention in entity.mentions:
            by_article.setdefault(mention.split("#")[0], set()).add(entity.name)
    assert "Mahmoud Abbas" in by_article["a2"] and "Ali Mahmoud Abbas" in by_article["a3"]
    assert "Abbas" in by_article["a4"]  # no evidence either way: it stays apart
    mahmoud = next(e for e in resolution.entities if e.name == "Mahmoud Abbas")
    assert any("shares the post president of Palestine" in reason for reason in mahmoud.merges)


def test_the_same_people_meeting_twice_stay_two_meetings(nlp):
    resolution, _ = build(
        nlp,
        "Luiz Inácio Lula da Silva met Alvaro Uribe in Leticia on Tuesday.\n\n"
        "In March 2003, Lula met Uribe and they discussed the border.",
        "Luiz Inácio Lula da Silva met Alvaro Uribe in March 2003 in Brasilia.",
        "Luiz Inácio Lula da Silva met Alvaro Uribe in January 2005 in Brasilia.",
        dates=("2005-01-20", "2003-03-20", "2005-01-30"),
    )
    reports = sorted(sorted(r.evidence.article_id for r in m.reports) for m in resolution.meetings)
    assert reports == [["a0"], ["a0", "a1"], ["a2"]]


@pytest.mark.parametrize(("texts", "merged", "apart"), [
    # an acronym spelled out by initials in its own article; dotted and plain forms are one name
    (["The United Nations sent envoys, and the UN said the U.N. would stay."], {"United Nations"}, set()),
    # two articles spell the same acronym out differently: a bare use elsewhere stays apart
    (["The Massachusetts Institute of Technology (MIT) hosted it.",
      "The National Intelligence Organisation (MIT) denied it.", "MIT said nothing."],
     {"Massachusetts Institute of Technology", "National Intelligence Organisation"}, {"MIT"}),
])
def test_acronyms(nlp, texts, merged, apart):
    _, names = build(nlp, *texts)
    organisations = {n for e, n in names.items() if e.startswith("organisation:")}
    assert merged | apart == organisations


@pytest.mark.parametrize(("first", "second", "same"), [
    # the same person, written differently in two articles
    ("Turkish President Recep Tayyip Erdogan met Vladimir Putin in Sochi.",
     "Vladimir Putin met Recep Tayyip Erdoğan in Ankara.", True),
    ("President George W. Bush met Tony Blair at Camp David.", "George W. Bush met Tony Blair in London.", True),
    ("Syria's President Bashar al-Assad's forces advanced.", "Bashar al-Assad met Vladimir Putin in Moscow.", True),
    # different people who share name parts
    ("Palestinian President Mahmoud Abbas met Ehud Olmert.", "Syrian minister Ali Mahmoud Abbas met Hulusi Akar.",
     False),
    ("George H. W. Bush met Mikhail Gorbachev in Malta.", "George W. Bush met Tony Blair in London.", False),
])
def test_name_pairs(nlp, first, second, same):
    resolution, _ = build(nlp, first, second)
    people = [e for e in resolution.entities if e.kind == "Person"]
    in_both = [e for e in people if {m.split("#")[0] for m in e.mentions} == {"a0", "a1"}]
    subjects = {e.name for e in people if any(m.split("#")[0] == "a0" for m in e.mentions)}
    assert bool([e for e in in_both if e.name not in ("Vladimir Putin", "Tony Blair")]) == same, subjects


def test_a_name_short_of_two_longer_ones_stays_apart(nlp):
    _, names = build(
        nlp,
        "George Bush met Mikhail Gorbachev in Malta.",
        "George Herbert Walker Bush met Helmut Kohl in Bonn.",
        "George W. Bush met Tony Blair in London.",
        "Barack Obama met Gordon Brown in London.",
        "Barack Hussein Obama met Nicolas Sarkozy in Paris.",
    )
    people = set(names.values())
    assert {"George Bush", "George Herbert Walker Bush", "George W. Bush", "Barack Hussein Obama"} <= people
    assert "Barack Obama" not in people
