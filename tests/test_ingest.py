"""Reading articles: formats, site chrome, and bad input reported by file without stopping the rest."""

from __future__ import annotations

import json

import pytest

from kg.errors import InputError
from kg.ingest import read_articles, read_file
from tests_support import ROOT

SEED = ROOT / "examples" / "000_ac96e4b3b8268ecb.txt"


def test_page_saved_as_text_keeps_title_date_publisher_and_body_only():
    (article,) = read_file(SEED)
    assert article.title == "Turkey, Syria, Russia defence ministers hold talks in Moscow"
    assert article.published == "2025-06-20"
    assert article.publisher == "Arab Press"
    assert article.body.startswith("The three nations agree to continue meeting")
    assert "Erdogan likely to meet Assad" in article.body  # a sub-heading of the article stays
    assert article.body.rstrip().endswith("aided by Russia and Iran.")
    for chrome in ("Newsletter", "Related Articles", "0:00", "Close", "×", "Trump", "Greta Thunberg"):
        assert chrome not in article.body
    assert article.body.count(article.title) == 0


def test_header_format(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Title: Lula meets Uribe\nDate: 2005-01-14\nURL: https://news.example/a\n\n"
                    "Lula met Uribe in Caracas on Friday.\n\nThey discussed trade.\n", encoding="utf-8")
    (article,) = read_file(path)
    assert (article.title, article.published, article.source) == ("Lula meets Uribe", "2005-01-14",
                                                                 "https://news.example/a")
    assert article.body == "Lula met Uribe in Caracas on Friday.\n\nThey discussed trade."


def test_html_skips_navigation_and_scripts(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Talks &amp; more</title><meta property='article:published_time' "
        "content='2022-12-28T10:00:00Z'><meta property='og:site_name' content='Wire'></head><body>"
        "<nav><a>Home</a><a>World</a></nav><script>var x = 'Donald Trump met Kim';</script>"
        "<article><h1>Talks &amp; more</h1><p>Hulusi Akar met Sergei Shoigu in Moscow on Wednesday.</p>"
        "<p>The two ministers discussed the war.</p></article><footer>Related: Biden visits Kyiv</footer>"
        "</body></html>", encoding="utf-8")
    (article,) = read_file(path)
    assert article.title == "Talks & more"
    assert article.published == "2022-12-28" and article.publisher == "Wire"
    assert article.body == "Hulusi Akar met Sergei Shoigu in Moscow on Wednesday.\n\nThe two ministers discussed the war."


def test_jsonl_lines_become_articles_and_a_bad_line_names_file_and_line(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text("\n".join(json.dumps(r) for r in [
        {"id": "1", "title": "One", "date": "2020-01-02", "text": "Angela Merkel met Emmanuel Macron in Paris.",
         "url": "https://news.example/1"},
        {"id": "2", "title": "Two", "text": "Vladimir Putin hosted Recep Tayyip Erdogan in Sochi."},
    ]), encoding="utf-8")
    articles, skipped = read_articles([good])
    assert [a.title for a in articles] == ["One", "Two"] and skipped == []
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "text": "Fine text here for one article"}\n{"id": 2\n{"id": 3}\n', encoding="utf-8")
    articles, skipped = read_articles([bad])
    assert [a.id for a in articles] == ["bad-1"]
    assert [(s.source.rsplit("/", 1)[-1], s.reason.split(": ", 1)[1]) for s in skipped] == [
        ("bad.jsonl:2", "not valid JSON (Expecting ',' delimiter)"),
        ("bad.jsonl:3", "missing 'text'; each line needs an id and a text")]


def test_unsupported_file_is_an_input_error(tmp_path):
    path = tmp_path / "notes.pdf"
    path.write_bytes(b"%PDF")
    with pytest.raises(InputError, match=r"notes\.pdf: unsupported file type \.pdf"):
        read_file(path)


def test_bad_inputs_are_skipped_with_reasons_and_good_ones_still_read(tmp_path):
    (tmp_path / "latin1.txt").write_bytes("Title: x\n\nJos\xe9 met Mar\xeda.".encode("latin-1"))
    (tmp_path / "empty.html").write_text("<html><body><nav>Menu</nav></body></html>", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Title: ok\nDate: 2020-01-01\n\nAngela Merkel met Emmanuel Macron.\n",
                                     encoding="utf-8")
    articles, skipped = read_articles([tmp_path, tmp_path / "missing.txt"])
    assert [a.title for a in articles] == ["ok"]
    reasons = {s.source.rsplit("/", 1)[-1]: s.reason for s in skipped}
    assert "not UTF-8" in reasons["latin1.txt"]
    assert "no article text" in reasons["empty.html"]
    assert "no such file" in reasons["missing.txt"]


def test_lists_in_the_text_stay_and_mastheads_before_it_go(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text(
        "Title: EU targets\nDate: 2007-03-09\n\n"
        "Interior, Commerce Departments Overturn Rule\nStatement by Francesca Grifo\nApril 28 Press Office Release\n"
        "The leaders endorsed three binding targets:\n* to reduce emissions by 20% by the year 2020\n"
        "* renewable energy should make up 20% of consumption\n* a 10% share for biofuels in transport\n\n"
        "Angela Merkel called the targets ambitious, and the summit ended on Friday *\n", encoding="utf-8")
    (article,) = read_file(path)
    assert "Statement by Francesca Grifo" not in article.body
    assert "* a 10% share for biofuels in transport" in article.body
    assert article.body.endswith("the summit ended on Friday *")
