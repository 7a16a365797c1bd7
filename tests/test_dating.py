"""An article's own text checked against its page date: re-dated copies are flagged, with the evidence."""

from __future__ import annotations

from kg.dating import date_article
from kg.records import Article


def dating(nlp, text: str, published: str):
    return date_article(nlp(text), Article("a", "t", text, published, None, "a.txt"))


def test_text_that_dates_itself_long_before_its_page_is_flagged(nlp):
    text = ("It was the first meeting of the ministers since the start of the war in 2011.\n\n"
            "In mid-December, he said the two countries had cut ties throughout the 11-year conflict.")
    result = dating(nlp, text, "2025-11-08")
    assert result.redated
    assert result.estimate == ("2022-12-11", "2022-12-31")
    assert {clue.text for clue in result.clues} >= {"the start of the war in 2011", "the 11-year conflict"}


def test_text_consistent_with_its_page_is_not_flagged(nlp):
    text = ("It was the first meeting since the start of the war in 2011.\n\n"
            "The 11-year conflict has killed hundreds of thousands.")
    assert not dating(nlp, text, "2022-12-30").redated


def test_a_past_year_alone_never_flags(nlp):
    result = dating(nlp, "The ministers met at a summit in 2021.", "2025-06-20")
    assert not result.redated and result.estimate == ("2021-01-01", None)


def test_seeds_are_both_flagged_and_their_meeting_is_not_dated_by_the_page(examples_build):
    graph = examples_build[0].graph
    articles = {d["title"]: d for _, d in graph.nodes(data=True) if d["kind"] == "Article"}
    assert all(data["redated"] for data in articles.values())
    second = articles["Russia, Turkey, Syria Defence Ministers Meet For Talks After Over 10 Years"]
    assert second["date_estimate"] == "2022-12-11/2022-12-31"
    assert {text for text, _, _ in second["date_clues"]} >= {"the start of the war in 2011", "the 11-year conflict"}
    first = articles["Turkey, Syria, Russia defence ministers hold talks in Moscow"]
    assert "dates to 2022-12-11/2022-12-31" in first["redated"] and "the war began in 2011" in first["redated"]

    (moscow,) = [d for n, d in graph.nodes(data=True) if d["kind"] == "Meeting" and d["label"] == "Meeting in Moscow"]
    assert moscow["date"] is None and moscow["date_conflict"]
    trusted = [c for c in moscow["date_claims"] if not c[5] and c[4] != "estimate"]
    assert trusted == []  # neither June nor November 2025 is asserted
    (estimate,) = [c for c in moscow["date_claims"] if c[4] == "estimate"]
    assert estimate[2].startswith("2022-12") and estimate[2].endswith("2022-12-31")


def test_a_meeting_time_that_cannot_be_read_in_a_self_dated_article_gives_no_date(nlp):
    """An article whose text dates itself, with a meeting on "Sunday night": no date claim, and no crash."""
    from kg.pipeline import extract_article
    from kg.resolve import resolve

    text = ("It was the first meeting of the ministers since the start of the war in 2011.\n\n"
            "In mid-December, he said the two countries had cut ties throughout the 11-year conflict.\n\n"
            "Hulusi Akar met Ali Mahmoud Abbas on Sunday night.")
    article = Article("a", "t", text, "2025-11-08", None, "a.txt")
    extraction = extract_article(article, nlp(text))
    assert extraction.dating.redated and extraction.meetings[0].date_text
    [meeting] = resolve([extraction]).meetings
    assert meeting.date is None and meeting.date_claims == ()


def test_a_date_told_as_still_to_come_bounds_the_text(nlp):
    text = "The minister said he will leave his position by February 1, 2005, after the budget."
    result = dating(nlp, text, "2008-06-01")
    assert result.redated and result.estimate == ("2005-01-01", "2005-02-01")
    assert [clue.text for clue in result.clues] == ["February 1, 2005"]
    assert not dating(nlp, text, "2004-11-20").redated  # the same text under its own date


def test_a_scheduled_date_bounds_the_text_but_a_span_or_a_thing_does_not(nlp):
    assert dating(nlp, "Parliamentary elections are now scheduled for December 15, 2005.", "2009-10-25").redated
    for text in ("This will be the first visit by the inspectors since December 2002.",
                 "The 1955 law invoked by the cabinet on Tuesday will allow curfews.",
                 "A further hearing scheduled for October 2005 was delayed."):
        result = dating(nlp, text, "2007-06-25")
        assert not any("still to come" in c.reading for c in result.clues), text


def test_a_date_told_as_today_is_the_day_of_the_text(nlp):
    text = "On April 7, 2005, four people were killed today after a bomb was hurled into a bazaar in Cairo."
    result = dating(nlp, text, "2009-04-07")
    assert result.redated and result.estimate == ("2005-04-07", "2005-04-07")


def test_clues_that_disagree_flag_nothing(nlp):
    text = ("The talks will resume in March 2005, officials said.\n\n"
            "The accord was signed in 2007 and ratified a year later.")
    result = dating(nlp, text, "2009-06-01")
    assert not result.redated and "disagree" in result.reasoning


def test_planned_and_due_dates_bound_the_text(nlp):
    for text in ("Junk food is to be banned from schools by September 1, 2006.",
                 "The government plans to hold the elections on March 12, 2006.",
                 "The talks are expected to resume on January 10, 2006.",
                 "The next state election is due on March 18, 2006.",
                 "The old model will need to serve the company until March 2006."):
        later = dating(nlp, text, "2010-06-01")
        assert later.redated and any("is told as still to come" in c.reading for c in later.clues), text
        assert not dating(nlp, text, "2005-10-01").redated, text


def test_a_plan_told_in_the_past_is_not_still_to_come(nlp):
    for text in ("The talks were expected to resume on January 10, 2006.",
                 "This is the last time he was on stage, to do my fiftieth birthday in 2004."):
        result = dating(nlp, text, "2010-06-01")
        assert not any("still to come" in c.reading for c in result.clues), text


def test_a_text_that_names_its_latest_year_as_news_is_flagged_years_later(nlp):
    text = ("On May 11, 2006, the newspaper published an article on the phone records.\n\n"
            "The company said on Tuesday that it had not handed over any records.")
    later = dating(nlp, text, "2010-05-17")
    assert later.redated and later.estimate == ("2006-01-01", "2007-12-31")
    assert later.reasoning.startswith("2006 is the latest year the text names (named as a day")
    assert [c.sentence for c in later.clues][-1].startswith("On May 11, 2006")
    assert not dating(nlp, text, "2006-05-17").redated
    assert not dating(nlp, text, "2007-05-17").redated  # a year on is still news


def test_a_text_that_only_looks_back_to_a_year_is_not_flagged(nlp):
    text = ("The two countries have held no talks since 2001.\n\n"
            "The ministers met on Tuesday in Geneva, the spokesman said.")
    assert not dating(nlp, text, "2010-05-17").redated


def test_every_recency_clue_has_a_weight_and_a_meaning():
    from kg.bench.redating import MEANINGS
    from kg.dating.recency import weights

    table = weights()
    assert set(table.weights) == set(MEANINGS) and set(table.thresholds) == {2, 3}
    assert table.weights["since"] < 0 < table.weights["day"]  # what the calibration learnt, as a reader expects


def test_a_weekday_date_that_does_not_fit_the_page_year_bounds_the_text(nlp):
    text = "A coroner's inquest ruled on Monday, April 10, that the man was intentionally killed."
    assert not dating(nlp, text, "2006-04-11").redated  # 10 April 2006 was a Monday
    later = dating(nlp, text, "2010-04-11")
    assert later.redated and later.estimate[1] == "2007-04-10"
    assert [c.reading for c in later.clues] == [
        "Monday, April 10 fell on that weekday in 2006, not in 2009, 2010 or 2011"]


ARISTIDE_2005 = ["President Jean-Bertrand Aristide met Kofi Annan in Port-au-Prince on Monday.",
                 "President Jean-Bertrand Aristide opened a school in Cap-Haïtien on Friday.",
                 "Police guarded President Jean-Bertrand Aristide during a rally in Gonaïves."]
NEWS_OF_2005 = ("{title} Jean-Bertrand Aristide spoke to supporters in Port-au-Prince on Monday.\n\n"
                "He said the vote of March 2005 would be fair.")


def built_together(nlp, texts: list[str], dates: list[str]):
    from dataclasses import replace

    from kg.extract import extract
    from kg.resolve import resolve

    extractions = []
    for i, (text, published) in enumerate(zip(texts, dates, strict=True)):
        article = Article(f"a{i}", f"Report {i}", text, published, None, f"a{i}.txt")
        doc = nlp(text)
        extractions.append(replace(extract(doc, article), dating=date_article(doc, article)))
    return resolve(extractions).redated


def test_a_post_the_rest_of_the_build_states_only_years_before_flags_a_text_that_agrees(nlp):
    texts = [*ARISTIDE_2005, NEWS_OF_2005.format(title="President")]
    dates = ["2005-03-01", "2005-06-01", "2005-09-01", "2009-06-01"]
    redated = built_together(nlp, texts, dates)
    assert list(redated) == ["a3"]
    assert redated["a3"].startswith("it calls Jean-Bertrand Aristide 'president', which 3 other articles of the build "
                                    "do only in 2005; 2005 is the latest year its text names")
    # The same text alone, or with only two other articles that call him so, is not flagged: its text falls just
    # short of the weight needed, and two articles are too few to say when a post was held.
    assert not built_together(nlp, texts[3:], dates[3:])
    assert not built_together(nlp, texts[1:], dates[1:])
    # The clue is never a verdict by itself: a text that does not read as news of 2005 is not flagged ...
    weak = "President Jean-Bertrand Aristide spoke to supporters on Monday.\n\nHe said the vote of 2005 would be fair."
    assert not built_together(nlp, [*ARISTIDE_2005, weak], dates)
    # ... and a former post holds at any later date.
    assert not built_together(nlp, [*ARISTIDE_2005, NEWS_OF_2005.format(title="Former President")], dates)
