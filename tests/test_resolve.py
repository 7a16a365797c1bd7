"""Resolution: names inside an article and across articles, and reports of one meeting merged."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Article, Evidence, Extraction, Mention, Role
from kg.resolve import resolve
from kg.resolve.across import _alone
from kg.resolve.names import _key, name_tokens


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


@pytest.mark.parametrize(("text", "alone", "full"), [
    # a Thai name goes by the given name, which the tagger calls a place
    ("Thai Prime Minister Thaksin Shinawatra dissolved parliament on Friday. Protesters have demanded that Thaksin "
     "resign. Thaksin met the king in Bangkok.", "Thaksin", "Thaksin Shinawatra"),
    # a Chinese name is written surname first, and the surname alone is tagged an organisation
    ("Chinese Finance Minister Wang Bingqian presented the budget. Wang told the congress that spending would rise.",
     "Wang", "Wang Bingqian"),
])
def test_the_name_a_person_goes_by_joins_them_though_tagged_a_place_or_a_body(nlp, text, alone, full):
    resolution, names = build(nlp, text)
    people = [e for e in resolution.entities if e.kind == "Person"]
    assert [e.name for e in people] == [full] and alone in people[0].aliases
    assert not any(e.name == alone for e in resolution.entities)
    extraction = extract(nlp(text), Article("a1", "t", text, "2020-01-01", None, "x"))
    assert [(c.name, c.kind) for c in extraction.kind_changes] == [(alone, "Person")]
    assert f"the name {full} goes by" in extraction.kind_changes[0].reason


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


def test_an_organisation_is_named_by_the_words_its_acronym_spells(nlp):
    _, names = build(nlp, "The Loyalist Ulster Defence Association (UDA) said it would disarm.",
                     "The UDA denied it.", "The U.S. Central Intelligence Agency (CIA) declined to comment.")
    organisations = sorted(n for e, n in names.items() if e.startswith("organisation:"))
    assert organisations == ["Central Intelligence Agency", "Ulster Defence Association"]


def test_an_acronym_the_article_spells_out_is_its_own_though_the_tagger_missed_the_bracket(nlp):
    resolution, _ = build(nlp, "The Scottish National Party (SNP) won the seat. The SNP said it was pleased.",
                          "Shares of Singapore National Printers Ltd (SNP) rose. SNP issued seven million shares.")
    merged = {e.name: e.aliases for e in resolution.entities if e.kind == "Organisation"}
    assert "SNP" in merged.get("Scottish National Party", ()), merged
    assert "SNP" in merged.get("Singapore National Printers Ltd", ()), merged


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


def entity_of(resolution, article: int, name: str) -> str:
    """The entity a name written in article `a<article>` was resolved to."""
    by_mention = {m: e.id for e in resolution.entities for m in e.mentions}
    found = {by_mention[m] for e in resolution.entities for m in e.mentions
             if m.startswith(f"a{article}#") and name in e.aliases + (e.name,)}
    assert len(found) == 1, (name, found)
    return found.pop()


WIDOW = ("Nancy Reagan, widow of the late President Ronald Reagan, endorsed John McCain.\n\n"
         "Reagan's endorsement comes as McCain faces critical voters.")

# Each row: articles, then two (article, name as written) and whether they must be one entity.
NAME_VARIANTS = [
    # particles and spellings of one name
    (["Bashar Assad met Vladimir Putin in Moscow.", "Bashar al-Assad met Recep Tayyip Erdogan in Ankara."],
     (0, "Bashar Assad"), (1, "Bashar al-Assad"), True),
    # a surname in two transliterations, with a person few articles name beside both
    (["Kurmanbek Bakiyev met Askar Akayev in Bishkek.", "Kurmanbek Bakiev met Askar Akayev in Osh."],
     (0, "Kurmanbek Bakiyev"), (1, "Kurmanbek Bakiev"), True),
    # ... and two spellings with nothing in common: two people
    (["Terry Collins met Tony Blair in London.", "Terri Collins met Charles Graner in Baghdad."],
     (0, "Terry Collins"), (1, "Terri Collins"), False),
    # a nickname, with a person few articles name beside both
    (["Dick Cheney met Ehud Olmert in Jerusalem.", "Richard Cheney met Ehud Olmert in Jerusalem."],
     (0, "Dick Cheney"), (1, "Richard Cheney"), True),
    # a nickname and nothing in common: a Jack can be a Jack
    (["Jack Reed met Harry Reid in Washington.", "John Reed met George Orwell in Paris."],
     (0, "Jack Reed"), (1, "John Reed"), False),
    # an initial, with a person few articles name beside both
    (["Edward Kennedy met Harry Reid in Boston.", "Edward M. Kennedy met Harry Reid in Washington."],
     (0, "Edward Kennedy"), (1, "Edward M. Kennedy"), True),
    # an initial and nothing in common: two people
    (["Michael Smith met Tony Blair in London.", "Michael J. Smith met Charles Graner in Baghdad."],
     (0, "Michael Smith"), (1, "Michael J. Smith"), False),
    # the end of a longer name written before it in the article
    (["Mark Malloch Brown met Kofi Annan in New York.\n\nMalloch Brown said the talks went well."],
     (0, "Mark Malloch Brown"), (0, "Malloch Brown"), True),
    # ... a longer name that starts with what the tagger took in is no one's full name
    (["Women held an anti-Sarah Palin rally in Anchorage.\n\nSarah Palin said nothing.",
      "Sarah Palin met John McCain in Dayton."],
     (0, "Sarah Palin"), (1, "Sarah Palin"), True),
    # ... and a surname that stands for such an end stands for the full name
    (["Mustafa al-Hawsawi was charged in Cuba.\n\nAl Hawsawi denied the charges.\n\n"
      "Later al-Hawsawi said he was tortured."],
     (0, "Mustafa al-Hawsawi"), (0, "al-Hawsawi"), True),
    # ... but not when the article gives the shorter name a post of its own
    (["Syrian defence minister Ali Mahmoud Abbas met Hulusi Akar in Moscow.\n\n"
      "Palestinian President Mahmoud Abbas was not there."],
     (0, "Ali Mahmoud Abbas"), (0, "Mahmoud Abbas"), False),
    # "Al" apart from the name is a first name, not the Arabic article
    (["Al Edwards spoke in Austin.\n\nEdwards said the bill would pass.", "John Edwards met Barack Obama in Iowa."],
     (0, "Edwards"), (0, "Al Edwards"), True),
    (["Al Edwards spoke in Austin.\n\nEdwards said the bill would pass.", "John Edwards met Barack Obama in Iowa."],
     (0, "Edwards"), (1, "John Edwards"), False),
    # a misspelt first name joins the namesake by a post they share, not by the name alone
    (["French President Nicolas Sarkozy met Angela Merkel in Berlin."] * 4
     + ["French President Nicholas Sarkozy met Gordon Brown in London."],
     (0, "Nicolas Sarkozy"), (4, "Nicholas Sarkozy"), True),
    (["Mark Brown met Tony Blair in London."] * 10 + ["Mary Brown met Gordon Brown in London."],
     (0, "Mark Brown"), (10, "Mary Brown"), False),
    # ... a first name spelt another way ("Hilary", "Nicholas") joins a far more named namesake without one
    (["Hillary Clinton met Tony Blair in London."] * 10 + ["Hilary Clinton met Gordon Brown in London."],
     (0, "Hillary Clinton"), (10, "Hilary Clinton"), True),
    # ... but not one the article names beside it ("Kojo Annan, Kofi Annan's son")
    (["Kofi Annan met Tony Blair in London."] * 10
     + ["Kojo Annan met Gordon Brown in London.\n\nKofi Annan stayed in New York."],
     (0, "Kofi Annan"), (10, "Kojo Annan"), False),
    # the end of a far more named longer name, across articles ("Lula da Silva"), and initials it spells out
    (["President Luiz Inacio Lula da Silva met Tony Blair in London."] * 10
     + ["Lula da Silva met Gordon Brown in London."],
     (0, "Luiz Inacio Lula da Silva"), (10, "Lula da Silva"), True),
    (["George W. Bush met Tony Blair in London."] * 10 + ["G.W. Bush met Gordon Brown in London."],
     (0, "George W. Bush"), (10, "G.W. Bush"), True),
    # a whole surname beats the end of a double one the article also names
    (["Nicolas Sarkozy met Ingrid Betancourt in Paris with Carla Bruni-Sarkozy.\n\nSarkozy said she was free."],
     (0, "Nicolas Sarkozy"), (0, "Sarkozy"), True),
    # middle names and their initials, with a person few articles name beside both
    (["George H. W. Bush met Brian Mulroney in Ottawa.",
      "George Herbert Walker Bush met Brian Mulroney in Kennebunkport."],
     (0, "George H. W. Bush"), (1, "George Herbert Walker Bush"), True),
    # ... and with nothing in common: two people
    (["Michael J. Smith met Charles Graner in Baghdad.", "Michael James Smith met Tony Blair in London."],
     (0, "Michael J. Smith"), (1, "Michael James Smith"), False),
    # a leading initial ("N. Dharam Singh"), with a person few articles name beside both
    # a surname after two namesakes named in one sentence, and nothing to tell which: neither
    ([WIDOW], (0, "Reagan"), (0, "Ronald Reagan"), False),
    ([WIDOW], (0, "Reagan"), (0, "Nancy Reagan"), False),
    (["N. Dharam Singh met Sonia Gandhi in Bangalore.", "Dharam Singh met Sonia Gandhi in Delhi."],
     (0, "N. Dharam Singh"), (1, "Dharam Singh"), True),
    # ... but a name as often written as the longer one is someone's own
    (["Ali Mahmoud Abbas met Hulusi Akar in Moscow."] * 10 + ["Mahmoud Abbas met Tony Blair in London."] * 10,
     (0, "Ali Mahmoud Abbas"), (10, "Mahmoud Abbas"), False),
]


@pytest.mark.parametrize(("texts", "first", "second", "same"), NAME_VARIANTS)
def test_name_variants(nlp, texts, first, second, same):
    resolution, _ = build(nlp, *texts)
    assert (entity_of(resolution, *first) == entity_of(resolution, *second)) == same


def namesakes(father_dates: tuple[str, ...], bare: str, bare_date: str):
    """Ten articles on George W. Bush in 2006, two on his father, and one that says only `bare`."""
    texts = ["George W. Bush met Tony Blair at Camp David."] * 10 \
        + ["George H. W. Bush met Mikhail Gorbachev in Malta."] * len(father_dates) + [bare]
    dates = ("2006-03-01",) * 10 + father_dates + (bare_date,)
    return texts, dates


@pytest.mark.parametrize(("father_dates", "bare", "bare_date", "joins_son"), [
    # the son all but owns the surname, in the build and in the months around the article
    (("1990-06-01", "1990-07-01"), "Bush said the war would go on.", "2006-04-01", True),
    # a name the father's articles of the same months give, apart from the son's: no longer the unlikely one
    (("2005-12-01", "2006-01-01"), "Bush said Mikhail Gorbachev would come.", "2006-04-01", False),
    # company the father kept in other years says nothing of who "Bush" is in 2006
    (("1990-06-01", "1990-07-01"), "Bush said Mikhail Gorbachev would come.", "2006-04-01", True),
    # the months around the article belong to the father
    (("1990-06-01", "1990-07-01"), "Bush said the war would go on.", "1990-06-15", False),
    # a lower-case "bush" is no one
    (("1990-06-01", "1990-07-01"), "They hid in the bush.", "2006-04-01", False),
])
def test_a_surname_alone_joins_a_dominant_namesake(nlp, father_dates, bare, bare_date, joins_son):
    texts, dates = namesakes(father_dates, bare, bare_date)
    resolution, _ = build(nlp, *texts, dates=dates)
    last = len(texts) - 1
    son = next(e for e in resolution.entities if e.name == "George W. Bush")
    joined = any(m.startswith(f"a{last}#") for m in son.mentions)
    assert joined == joins_son
    if joins_son:
        assert any(f"surname in a{last}" in reason and "nothing in the article points to another" in reason
                   for reason in son.merges)


@pytest.mark.parametrize(("named_in", "joins"), [
    # a title only one namesake is given, in the same months: that namesake, though two others share the surname
    ("2006-03-01", True),
    # ... but another era's vice-president is no evidence
    ("1990-03-01", False),
])
def test_a_title_picks_the_one_namesake_called_so(nlp, named_in, joins):
    texts = ["US Vice President Dick Cheney met Ehud Olmert in Jerusalem."] * 10 + [
        "Mary Cheney met Heather Poe in Denver.", "Liz Cheney met Fred Thompson in Nashville.",
        "Lynne Cheney met Laura Bush in Dallas.", "Vice-President Cheney spoke to the troops."]
    resolution, _ = build(nlp, *texts, dates=(named_in,) * 10 + ("2006-04-01",) * 4)
    assert (entity_of(resolution, 0, "Dick Cheney") == entity_of(resolution, 13, "Cheney")) == joins


def test_the_government_a_name_leads_is_evidence_of_who_it_is(nlp):
    texts = ["John Howard met George W. Bush in Canberra.\n\nThe Howard government approved the plan."] * 5 \
        + ["John Howard met Helen Clark in Sydney."] * 5 + ["Michael Howard met Tony Blair in London."] * 3 \
        + ["Unions said the Howard government cut wages."]
    resolution, _ = build(nlp, *texts)
    assert entity_of(resolution, 0, "John Howard") == entity_of(resolution, 13, "Howard")
    merges = next(e for e in resolution.entities if e.name == "John Howard").merges
    assert any("in a13" in reason and "'government'" in reason for reason in merges)


def test_a_government_named_after_its_head_is_theirs_in_any_year(nlp):
    # Ronald Reagan is named only in 1987; "the Reagan administration" of a 2009 article is still his, as no other
    # Reagan of the build leads one (Nancy Reagan does not).
    texts = ["President Ronald Reagan met Yasuhiro Nakasone.\n\nThe Reagan administration approved the plan."] * 5 \
        + ["Nancy Reagan met Raisa Gorbachev in Geneva."] * 2 \
        + ["Critics said the bill undid what the Reagan administration had built."]
    resolution, _ = build(nlp, *texts, dates=("1987-03-01",) * 7 + ("2009-05-01",))
    assert entity_of(resolution, 0, "Ronald Reagan") == entity_of(resolution, 7, "Reagan")


@pytest.mark.parametrize(("rival_company", "joins"), [
    # Mugabe and Sarkozy come up with Gordon Brown, in two articles each, and never with Bob Brown
    ("Bob Brown met Kim Beazley in Canberra.", True),
    # Sarkozy comes up with Bob Brown too: the company no longer tells the two apart
    ("Bob Brown met Nicolas Sarkozy in Paris.", False),
])
def test_a_surname_alone_joins_the_namesake_its_rarer_company_points_to(nlp, rival_company, joins):
    texts = ["Gordon Brown met Robert Mugabe and Nicolas Sarkozy in London."] * 2 \
        + ["Bob Brown met Kim Beazley in Canberra.", rival_company, rival_company] \
        + ["\"Mr Brown and Mr Sarkozy want a war,\" Mugabe said in Harare."]
    resolution, _ = build(nlp, *texts)
    assert (entity_of(resolution, 0, "Gordon Brown") == entity_of(resolution, 5, "Brown")) == joins
    assert entity_of(resolution, 2, "Bob Brown") != entity_of(resolution, 5, "Brown")
    if joins:
        merges = next(e for e in resolution.entities if e.name == "Gordon Brown").merges
        assert any("in a5" in reason and "mugabe, sarkozy" in reason for reason in merges), merges


@pytest.mark.parametrize(("title", "text", "joins"), [
    # the article's title names one of the two
    ("Former first lady Nancy Reagan endorses McCain", WIDOW, "Nancy Reagan"),
    # one of the two is written as the other's possessor
    ("A daughter announces her engagement", "President George W. Bush's daughter, Jenna Bush, announced her "
     "engagement.\n\nBush, 25, met Henry Hager in Austin.", "Jenna Bush"),
    # nothing tells: neither
    ("An endorsement", WIDOW, None),
])
def test_a_surname_after_two_namesakes_in_one_sentence(nlp, title, text, joins):
    article = Article("a0", title, text, "2008-03-26", None, "x")
    resolution = resolve([extract(nlp(text), article)])
    bare = next(e for e in resolution.entities
                if any(text[int(m.split("#")[1]):].startswith(("Reagan's endorsement", "Bush, 25"))
                       for m in e.mentions))
    assert (bare.name if joins else None) == joins
    if joins is None:
        assert len(name_tokens(bare.name)) == 1


@pytest.mark.parametrize(("text", "alone", "meant"), [
    # a relative named later, by the possessor's surname, does not take the surname over
    ("Donald Trump held a rally in Tulsa on Saturday.\n\nSeveral days later, Trump's niece Mary Trump released a "
     "book about the family.\n\nThe book alleges that Trump paid a friend to take an exam for him.",
     "Trump paid", "Donald Trump"),
    # nor one written as a possessor
    ("Joe Biden spoke in Ohio on Monday.\n\nReporters asked about Hunter Biden's laptop and his business deals."
     "\n\nBiden denied the allegations on Tuesday.", "Biden denied", "Joe Biden"),
    # the one the text has just named in full, and after it the one the surname last stood for
    ("Sharpton grew up around singers like Mahalia Jackson.\n\nThe director of the group was Jesse Jackson, who "
     "was then in his late twenties. Jackson at that time had a big afro.\n\nThe two marched in many cities. He "
     "became a protégé of Reverend Jackson.", "Jackson.", "Jesse Jackson"),
    # nor one called a relative after the name, by the first one's first name
    ("The company is run by a 22-year-old named Efrain Diveroli.\n\nMichael Diveroli, Efrain's father, founded "
     "it as a printing business.\n\nA friend of Diveroli said the government had checked him out.",
     "Diveroli said", "Efrain Diveroli"),
])
def test_a_surname_alone_after_namesakes_in_other_sentences(nlp, text, alone, meant):
    article = Article("a0", "A report", text, "2020-08-31", None, "x")
    resolution = resolve([extract(nlp(text), article)])
    bare = next(e for e in resolution.entities
                if any(text[int(m.split("#")[1]):].startswith(alone) for m in e.mentions))
    assert bare.name == meant


def test_a_title_that_leaves_out_a_middle_initial_still_names_one_of_two_namesakes(nlp):
    text = ("U.S. Representative Patrick J. Kennedy, son of Massachusetts Senator Edward Kennedy, was involved in a "
            "traffic accident.\n\nPolice reported that Kennedy was alone in his car.")
    article = Article("a0", "Congressman Patrick Kennedy involved in car accident", text, "2006-05-05", None, "x")
    resolution = resolve([extract(nlp(text), article)])
    bare = next(e for e in resolution.entities if any(text[int(m.split("#")[1]):].startswith("Kennedy was alone")
                                                        for m in e.mentions))
    assert bare.name == "Patrick J. Kennedy"


def test_a_titled_surname_before_a_namesake_named_as_history_is_decided_by_the_build(nlp):
    texts = ["President George W. Bush met Tony Blair at Camp David."] * 13 \
        + ["President George H. W. Bush met Mikhail Gorbachev in Malta."] * 2 \
        + ["President Bush named John Roberts to the court.\n\n"
           "Roberts was first named a judge by President George H. W. Bush."]
    resolution, _ = build(nlp, *texts, dates=("2006-03-01",) * 13 + ("1990-06-01",) * 2 + ("2006-04-01",))
    assert entity_of(resolution, 0, "George W. Bush") == entity_of(resolution, 15, "Bush")
    assert entity_of(resolution, 13, "George H. W. Bush") == entity_of(resolution, 15, "George H. W. Bush")


def test_a_name_written_alone_more_often_than_the_namesake_is_someones_own(nlp):
    texts = ["Tommy Suharto met Megawati Sukarnoputri in Jakarta."] * 10 + ["Suharto said Indonesia would stay."] * 11
    resolution, _ = build(nlp, *texts)
    assert "Suharto" in {e.name for e in resolution.entities}


def test_a_merged_name_keeps_the_merges_made_into_it(nlp):
    resolution, _ = build(nlp, "Hillary Clinton met Tony Blair in London.\n\nClinton said the talks went well.",
                          "Hillary Rodham Clinton met Gordon Brown in London.")
    hillary = next(e for e in resolution.entities if e.name == "Hillary Rodham Clinton")
    assert any(reason.startswith("Clinton → Hillary Clinton: surname") for reason in hillary.merges), hillary.merges
    assert any(reason.startswith("Hillary Clinton → Hillary Rodham Clinton") for reason in hillary.merges)


def test_a_name_short_of_two_joins_the_dominant_one_with_its_own_merges(nlp):
    texts, dates = namesakes(("1990-06-01", "1990-07-01"), "George Bush met Tony Blair in London.\n\nBush said the "
                                                          "war would go on.", "2006-04-01")
    resolution, _ = build(nlp, *texts, dates=dates)
    son = next(e for e in resolution.entities if e.name == "George W. Bush")
    assert any(reason.startswith("George Bush → George W. Bush: name in a12") for reason in son.merges), son.merges
    assert any(reason.startswith("Bush → George Bush: surname") for reason in son.merges)


def test_the_merges_of_a_name_decided_article_by_article_go_with_its_mentions(nlp):
    # "George Bush" of 1987 stays apart; the 2006 article's "George Bush", and the "Bush" merged into it there, are
    # the son's: no entity keeps a reason about an article none of its mentions come from.
    texts, dates = namesakes(("1990-06-01", "1990-07-01"), "George Bush met Tony Blair in London.\n\nBush said the "
                                                          "war would go on.", "2006-04-01")
    texts, dates = [*texts, "Vice President George Bush met Yasuhiro Nakasone.\n\nBush said trade mattered."], \
        (*dates, "1987-03-01")
    resolution, _ = build(nlp, *texts, dates=dates)
    for entity in resolution.entities:
        articles = {mention.split("#")[0] for mention in entity.mentions}
        for reason in entity.merges:
            named = reason.split(" in ")[-1].split(";")[0]
            assert not named.startswith("a") or named in articles, (entity.name, reason)
    vice = next(e for e in resolution.entities if e.name == "George Bush")
    assert {m.split("#")[0] for m in vice.mentions} == {"a13"}


@pytest.mark.parametrize(("text", "name", "alone"), [
    ("Bush", "Bush", True),
    ("bush", "bush", False),  # "hid in the bush"
    ("Nepal", "Nepal", False),  # the country more likely than Madhav Kumar Nepal
    ("bin Laden", "bin Laden", True),
    ("al-Zarqawi", "al-Zarqawi", True),
    ("WNIQ Obama", "WNIQ Obama", True),  # a call sign the tagger took in
])
def test_which_surnames_may_stand_alone_across_articles(text, name, alone):
    evidence = Evidence("a0", text, 0, len(text))
    mention = Mention("a0#0", text, name, "Person", 0, len(text), evidence)
    assert _alone(mention, _key(mention)) == alone


def test_the_users_merge_decisions_win_over_the_automatic_ones_and_are_the_reason(tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    decisions = tmp_path / "merges.txt"
    decisions.write_text("# mine\n\ndifferent: Erdogan != Recep Tayyip Erdogan\nsame: Koseoglu = Hulusi Akar\n")
    result = CliRunner().invoke(app, ["build", "--out", str(tmp_path / "out"), "--merges", str(decisions), "--quiet"])
    assert result.exit_code == 0, result.output
    report = (tmp_path / "out" / "report.md").read_text()
    assert "- Erdogan kept apart from Recep Tayyip Erdogan: the user's decision (merges.txt:3)" in report
    assert "- Koseoglu → Hulusi Akar: the user's decision (merges.txt:4)" in report
    assert "Erdogan → Recep Tayyip Erdogan: surname" not in report
    from kg.render import read_turtle

    people = {d["label"] for _, d in read_turtle(tmp_path / "out" / "graph.ttl").nodes(data=True)
              if d["kind"] == "Person"}
    assert {"Erdogan", "Recep Tayyip Erdogan", "Hulusi Akar"} <= people and "Sinem Koseoglu" in people


def test_a_merges_line_that_cannot_be_read_is_one_line_naming_it(tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    decisions = tmp_path / "merges.txt"
    decisions.write_text("same: A = B\nsame A B\n")
    result = CliRunner().invoke(app, ["build", "--out", str(tmp_path / "out"), "--merges", str(decisions), "--quiet"])
    assert result.exit_code == 1
    assert result.output.strip() == (f"error: {decisions}:2: cannot read 'same A B'; write 'same: A = B' or "
                                     f"'different: A != B'")


def test_an_acronym_in_brackets_expands_only_to_a_name_it_can_abbreviate(nlp):
    resolution, _ = build(
        nlp, "The United Nations Educational, Scientific and Cultural Organization (UNESCO) met in Paris. UNESCO said "
             "the site was safe. The Parliament of New South Wales (NSW) sat on Monday. Turkey's National "
             "Intelligence Organisation (MIT) said nothing.")
    merged = {e.name: e.aliases for e in resolution.entities if e.kind == "Organisation"}
    # the whole name, not a tail of it ("Cultural Organization (UNESCO)": see _could_abbreviate), nor a longer name
    # it is part of ("Parliament of New South Wales (NSW)")
    assert merged["United Nations Educational, Scientific and Cultural Organization"] == ("UNESCO",), merged
    assert not any("NSW" in aliases for aliases in merged.values()), merged
    assert "MIT" in merged.get("National Intelligence Organisation", ()), merged


def test_a_post_joins_two_names_only_when_they_hold_it_within_a_term_of_each_other(nlp):
    texts = ("U.S. Vice President George Bush met George Shultz in Washington on Monday. "
             "Bush said the talks went well.",
             "U.S. President George W. Bush met Tony Blair at the White House on Tuesday. "
             "Bush said the talks went well.")
    _, apart = build(nlp, *texts, dates=("1987-03-02", "2005-06-07"))
    assert {"George Bush", "George W. Bush"} <= set(apart.values())  # a vice president in 1987, a president in 2005
    _, joined = build(nlp, texts[1].replace("George W. Bush", "George Bush"), texts[1],
                      dates=("2005-03-02", "2006-06-07"))
    people = {n for e, n in joined.items() if e.startswith("person:")}
    assert "George W. Bush" in people and "George Bush" not in people, people


def test_a_meeting_picked_out_of_a_series_stays_apart_from_the_others(nlp):
    resolution, names = build(
        nlp,
        "Stephen Harper, George W. Bush and Felipe Calderón met in New Orleans on Monday. The first meeting was "
        "between Bush and Calderón.\n\n"
        "Israeli Prime Minister Ehud Olmert and Palestinian President Mahmoud Abbas held a final meeting Tuesday. "
        "Since their last meeting with George W. Bush at Annapolis, Abbas and Olmert have quarrelled.\n\n"
        # "the first ... since" says how rare the meeting is: it is the meeting reported
        "Hulusi Akar and Sergei Shoigu met in Moscow on Wednesday. It was the first meeting between Akar and "
        "Shoigu since the war began.",
    )
    people = sorted(sorted(names[e] for e in m.participants) for m in resolution.meetings)
    assert people == [["Ehud Olmert", "George W. Bush", "Mahmoud Abbas"], ["Ehud Olmert", "Mahmoud Abbas"],
                      ["Felipe Calderón", "George W. Bush"], ["Felipe Calderón", "George W. Bush", "Stephen Harper"],
                      ["Hulusi Akar", "Sergei Shoigu"]]


def test_a_surname_written_alone_more_often_than_the_full_name_joins_it_when_it_carries_its_title(nlp):
    """1987 wire copy writes "President Reagan" far more often than "Ronald Reagan": a "Reagan" alone is still his,
    not someone whose own name it is."""
    texts = ["President Ronald Reagan met Margaret Thatcher in London."] * 10 \
        + ["President Reagan met Yasuhiro Nakasone in Tokyo."] * 14 \
        + ["Nancy Reagan met Raisa Gorbachev in Geneva.", "Reagan said the oil tax would hurt the economy."]
    resolution, _ = build(nlp, *texts, dates=("1987-03-02",) * len(texts))
    assert entity_of(resolution, 0, "Ronald Reagan") == entity_of(resolution, len(texts) - 1, "Reagan")
    assert entity_of(resolution, 0, "Ronald Reagan") != entity_of(resolution, 24, "Nancy Reagan")


def _said(article: str, name: str, kind: str, role: bool = False) -> Extraction:
    """An article in which `name`, of `kind`, said something; with a post if `role`."""
    text = f"{name} said the plan would work."
    mention = Mention(f"{article}#0", name, name, kind, 0, len(name), Evidence(article, text, 0, len(text)))
    roles = (Role(mention.id, "spokesman", None, mention.evidence),) if role else ()
    return Extraction(Article(article, "t", text, "2020-01-01", None, "x"), (mention,), roles, ())


@pytest.mark.parametrize(("articles", "kind"), [
    # a person in one article to the tagger, an organisation in two others: the organisation
    ([("Greenpeace", "Person"), ("Greenpeace", "Organisation"), ("Greenpeace", "Organisation")], "Organisation"),
    ([("Darfur", "Person"), ("Darfur", "Place"), ("Darfur", "Place")], "Place"),
    # outvoted, but the build's other people are named so: a surname ("Wang" of Wang Bingqian)
    ([("Wang", "Person"), ("Wang", "Organisation"), ("Wang", "Organisation"), ("Wang Bingqian", "Person")], "Person"),
    # as many articles for each: no vote
    ([("Salon", "Person"), ("Salon", "Person"), ("Salon", "Organisation"), ("Salon", "Organisation")], "Person"),
])
def test_a_name_the_build_writes_as_an_organisation_or_a_place_far_more_often_is_one(articles, kind):
    resolution = resolve([_said(f"a{i}", name, written) for i, (name, written) in enumerate(articles)])
    entity = next(e for e in resolution.entities if "a0#0" in e.mentions)
    assert entity.kind == kind
    assert any("articles of the build" in why for why in entity.merges) == (kind != "Person")


def test_a_post_shows_a_person_whatever_the_build_writes():
    resolution = resolve([_said("a0", "Greenpeace", "Person", role=True),
                          _said("a1", "Greenpeace", "Organisation"), _said("a2", "Greenpeace", "Organisation")])
    assert next(e for e in resolution.entities if "a0#0" in e.mentions).kind == "Person"
