"""Reading articles: formats, site chrome, and bad input reported by file without stopping the rest."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph
from rdflib.namespace import SDO
from tests_support import ROOT
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import InputError
from kg.ingest import Skipped, decode_text, looks_english, read_articles, read_file
from kg.vocab import KG

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
    assert article.body == ("Hulusi Akar met Sergei Shoigu in Moscow on Wednesday.\n\n"
                            "The two ministers discussed the war.")


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
    assert [(s.source, s.line, s.reason) for s in skipped] == [
        (f"{bad}:2", 2, f"{bad}:2: not valid JSON at column 9 (Expecting ',' delimiter); each line must be one JSON "
                        f"object with an id and a text"),
        (f"{bad}:3", 3, f"{bad}:3: missing 'text'; each line needs an id and a text")]


def test_unsupported_file_is_an_input_error(tmp_path):
    path = tmp_path / "notes.pdf"
    path.write_bytes(b"%PDF")
    with pytest.raises(InputError, match=r"notes\.pdf: unsupported file type \.pdf"):
        read_file(path)


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


# News paragraphs in the languages the language check must turn away (written for these tests).
FRENCH = ("Le président Emmanuel Macron a reçu mardi à l'Élysée le chancelier allemand Olaf Scholz pour un dîner de "
          "travail consacré à la guerre en Ukraine et à l'avenir de l'Union européenne. Les deux dirigeants ont "
          "évoqué l'aide militaire à Kiev, la politique énergétique et la réforme des règles budgétaires. « Nous "
          "avons une responsabilité commune », a déclaré le chef de l'État à l'issue de la rencontre. Selon "
          "l'entourage du président, la discussion a été franche mais constructive, et les deux pays doivent "
          "présenter des propositions communes avant le prochain Conseil européen à Bruxelles. Le ministre des "
          "Affaires étrangères s'est rendu mercredi à Berlin pour préparer ce sommet.")
GERMAN = ("Bundeskanzler Olaf Scholz hat am Dienstag den französischen Präsidenten Emmanuel Macron in Berlin "
          "empfangen. Bei dem Treffen im Kanzleramt ging es vor allem um die Unterstützung der Ukraine, die "
          "Energiepolitik und die Reform der europäischen Schuldenregeln. „Wir stehen gemeinsam in der "
          "Verantwortung“, sagte Scholz nach dem Gespräch. Die beiden Regierungschefs wollen vor dem nächsten "
          "Gipfel in Brüssel gemeinsame Vorschläge vorlegen. Außenministerin Annalena Baerbock war bereits am "
          "Montag nach Paris gereist, um das Treffen vorzubereiten. Kritiker werfen der Bundesregierung vor, zu "
          "zögerlich zu handeln.")
SPANISH = ("El presidente del Gobierno, Pedro Sánchez, se reunió este martes en Madrid con el presidente de "
           "Francia, Emmanuel Macron, para abordar la guerra en Ucrania y la reforma de las reglas fiscales de la "
           "Unión Europea. Según fuentes de la Moncloa, ambos líderes coincidieron en la necesidad de mantener el "
           "apoyo militar a Kiev y de acelerar la transición energética. «Es un momento decisivo para Europa», "
           "afirmó Sánchez tras el encuentro, que duró más de dos horas. El ministro de Asuntos Exteriores viajará "
           "la próxima semana a Bruselas para preparar la cumbre de jefes de Estado y de Gobierno.")
RUSSIAN = ("Президент России Владимир Путин во вторник провёл в Кремле переговоры с президентом Турции Реджепом "
           "Тайипом Эрдоганом. Стороны обсудили ситуацию на Украине, поставки газа и сотрудничество в области "
           "атомной энергетики. «Переговоры были содержательными и конструктивными», заявил пресс-секретарь "
           "президента Дмитрий Песков. По его словам, министры иностранных дел двух стран встретятся в Москве в "
           "следующем месяце.")
CHINESE = (
    "国家主席习近平星期二在北京人民大会堂同来访的法国总统马克龙举行会谈。双方就乌克兰局势、能源合作以及气候变化等问"
    "题深入交换了意见。习近平表示，中法两国应当加强战略沟通，推动双边关系健康稳定发展。马克龙说，法方愿同中方一道，"
    "共同维护多边主义。会谈后，两国元首共同见证了多项合作文件的签署。外交部长王毅参加了上述活动。")
ENGLISH = ("Turkish defence minister Hulusi Akar met his Syrian counterpart Ali Mahmoud Abbas in Moscow on Wednesday, "
           "the first such meeting in more than a decade. The talks were hosted by Russia's Sergei Shoigu, who said "
           "they had been constructive.")
# An earnings table in Reuters style: English with hardly any function word, not to be taken for another language.
ENGLISH_TABLE = ("Shr 1.12 dlrs vs 98 cts. Net 24.5 mln vs 21.3 mln. Revs 310.2 mln vs 287.9 mln. Nine mths shr "
                 "3.05 dlrs vs 2.71 dlrs. Net 66.8 mln vs 59.2 mln. Revs 921.4 mln vs 850.6 mln. Qtly div 25 cts vs "
                 "22 cts prior. Pay March 13. Record February 27. NOTE: Nine mths results restated for sale of "
                 "chemicals unit in 1986.")


@pytest.mark.parametrize("text", [ENGLISH, ENGLISH_TABLE, "Merkel traf Macron in Paris."])  # the last: too short
def test_english_and_short_texts_pass_the_language_check(text):
    assert looks_english(text)


@pytest.mark.parametrize("text", [FRENCH, GERMAN, SPANISH, RUSSIAN, CHINESE])
def test_other_languages_fail_the_language_check(text):
    assert not looks_english(text)


@pytest.mark.parametrize(("data", "text", "codec"), [
    ("Café “au lait” – naïve".encode(), "Café “au lait” – naïve", "utf-8"),
    (codecs.BOM_UTF8 + "Café".encode(), "Café", "utf-8"),
    (codecs.BOM_UTF16_LE + "Erdoğan “met”\r\n".encode("utf-16-le"), "Erdoğan “met”\r\n", "utf-16-le"),
    (codecs.BOM_UTF16_BE + "Erdoğan “met”".encode("utf-16-be"), "Erdoğan “met”", "utf-16-be"),
    (codecs.BOM_UTF32_LE + "Erdoğan 🙂".encode("utf-32-le"), "Erdoğan 🙂", "utf-32-le"),
    ("“Déjà vu” — it’s €5".encode("cp1252"), "“Déjà vu” — it’s €5", "cp1252"),
    ("Señor Müller, «ça va»".encode("latin-1"), "Señor Müller, «ça va»", "cp1252"),  # latin-1 reads the same
    (("Caf\xe9 au lait. " * 20 + "\x81").encode("latin-1"), "Café au lait. " * 20 + "\x81", "cp1252"),  # no cp1252
])
def test_decode_text(data, text, codec):
    assert decode_text(data, Path("a.txt")) == (text, codec)


@pytest.mark.parametrize(("data", "reason"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), r"a\.txt: not text but binary data \(NUL bytes"),
    (b"\x1b\x02\x03ab\x04" * 40, r"binary data \(67% control characters"),
    ("Hello, world".encode("utf-16-le"), r"binary data \(NUL bytes"),  # UTF-16 needs its byte-order mark
    (codecs.BOM_UTF16_LE + b"abc", r"not UTF-8 text: it starts with a UTF-16 LE byte-order mark but is not valid "
                                   r"UTF-16 LE \(truncated data at byte 4\); save the article as UTF-8"),
    (RUSSIAN.encode("cp1251"), r"not UTF-8 text, nor Western European text .* \(100% of its letters would be "
                               r"accented\); .* save the article as UTF-8"),
])
def test_decode_text_refuses_what_is_not_text(data, reason):
    with pytest.raises(InputError, match=reason):
        decode_text(data, Path("a.txt"))


def test_oversize_file_is_skipped_without_being_read(tmp_path, monkeypatch):
    path = tmp_path / "dump.txt"
    path.write_text("Title: x\n\n" + ENGLISH * 40, encoding="utf-8")
    size = path.stat().st_size
    read = []
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self) or b"")
    articles, skipped = read_articles([path], max_bytes=size - 1)
    assert articles == [] and read == []
    assert skipped == [Skipped(str(path), f"{path}: {size:,} bytes, over the size limit of {size - 1:,} bytes; to "
                                          f"read it, raise the limit with --max-size 1 (MB)")]


def test_hostile_page_gives_its_article_and_no_code(tmp_path):
    path = tmp_path / "hostile.html"
    path.write_text(
        "<html><head><title>Modi meets Albanese</title>"
        "<style>p::after { content: 'Style met Leak.' }</style>"
        "<SCRIPT>var s = '</p><p>Script met Leak.</p>';</SCRIPT>"
        "<script type='application/ld+json'>{\"headline\": \"Json met Leak.\"}</script></head><body>"
        "<svg><title>Icon met Leak</title><path d='M0 0'/></svg>"
        "<header><nav>Home met Leak.</header>"  # the nav is never closed: the header's end closes it
        "<noscript><p>Noscript met Leak, enable JavaScript.</p></noscript><!-- <p>Comment met Leak.</p> -->"
        "<article><p>Narendra Modi met Anthony Albanese in Sydney on Wednesday.</p>"
        "<script src='ads.js'/>document.write('<p>Self-closed script met Leak.</p>')</script>"
        "<template><p>Template met Leak.</p></template><iframe>Frame met Leak.</iframe>"
        "<p>They discussed R&amp;D, trade and the &amp;lt;b&amp;gt; tag in a treaty.</p></article></body></html>",
        encoding="utf-8")
    (article,) = read_file(path)
    assert article.title == "Modi meets Albanese"
    assert article.body == ("Narendra Modi met Anthony Albanese in Sydney on Wednesday.\n\n"
                            "They discussed R&D, trade and the &lt;b&gt; tag in a treaty.")


def make_mixed_folder(tmp_path):
    """Good articles in every encoding beside every kind of bad input; the good as {file: (title, body, encoding)}."""
    def article(title: str, body: str, newline: str = "\n") -> str:
        return newline.join([f"Title: {title}", "Date: 2020-01-02", "", body, ""])

    good = {  # file name -> (title, body, encoding it is saved in)
        "utf8.txt": ("Merkel meets Macron", "Angela Merkel met Emmanuel Macron at the Élysée Palace on Monday. "
                     "“We agreed on the next steps,” Macron said after the talks.", "utf-8"),
        "utf16.txt": ("Erdoğan meets Putin", "Recep Tayyip Erdoğan met Vladimir Putin in Sochi on Friday. The two "
                      "leaders talked about the war in Syria and the sale of Russian gas.", "utf-16"),
        "cp1252.txt": ("Sánchez meets Costa", "Pedro Sánchez met António Costa in Lisbon on Tuesday. “It’s a good "
                       "day for Iberia — and for Europe,” Sánchez said after the meeting.", "cp1252"),
        "latin1.txt": ("Aznar meets Schröder", "José María Aznar met Gerhard Schröder in Madrid. «The talks were "
                       "useful», said the Spanish prime minister, who also met the French ambassador.", "latin-1"),
    }
    for name, (title, body, encoding) in good.items():
        newline = "\r\n" if encoding == "utf-16" else "\n"  # as Windows saves it, with a byte-order mark
        (tmp_path / name).write_bytes(article(title, body, newline).encode(encoding))
    (tmp_path / "page.html").write_text(
        "<html><head><title>Modi meets Albanese</title><style>body { color: red }</style>"
        "<script>var headline = '<p>Script text</p>';</script></head><body><noscript>Enable JavaScript.</noscript>"
        "<p>Narendra Modi met Anthony Albanese in Sydney on Wednesday.</p><script>track('read');</script>"
        "<p>The two prime ministers discussed trade and security.</p></body></html>", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text("\n".join([
        json.dumps({"id": "a", "title": "Lula meets Kirchner",
                    "text": "Lula met Néstor Kirchner in Buenos Aires. The two presidents signed a trade agreement."}),
        '{"id": "b", "text": "cut off',
        json.dumps({"id": "c", "title": "Macron", "text": FRENCH}),
        json.dumps({"id": "d", "title": "Abe meets Moon", "text": "Shinzo Abe met Moon Jae-in in Osaka on Friday."}),
    ]), encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_text("\n  \n", encoding="utf-8")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (tmp_path / "big.txt").write_text(article("Big", ENGLISH * 30), encoding="utf-8")
    (tmp_path / "french.txt").write_text(article("Macron reçoit Scholz", FRENCH), encoding="utf-8")
    (tmp_path / "german.html").write_text(f"<html><title>Scholz</title><body><p>{GERMAN}</p></body></html>",
                                          encoding="utf-8")
    (tmp_path / "chinese.html").write_text(f"<html><title>习近平会见马克龙</title><body><p>{CHINESE}</p></body></html>",
                                           encoding="utf-8")
    (tmp_path / "scripts.html").write_text("<html><head><style>p { margin: 0 }</style></head><body><nav>Home</nav>"
                                           "<script>document.write('<p>Putin met Trump in Helsinki.</p>')</script>"
                                           "</body></html>", encoding="utf-8")
    return good


def test_a_folder_of_good_and_bad_inputs_reads_every_good_article_and_reports_every_bad_one(tmp_path):
    good = make_mixed_folder(tmp_path)
    articles, skipped = read_articles([tmp_path, tmp_path / "missing.txt"], max_bytes=2_000)

    assert {a.title: a.body for a in articles} == {
        **{title: body for title, body, _ in good.values()},
        "Modi meets Albanese": "Narendra Modi met Anthony Albanese in Sydney on Wednesday.\n\n"
                               "The two prime ministers discussed trade and security.",
        "Lula meets Kirchner": "Lula met Néstor Kirchner in Buenos Aires. The two presidents signed a trade agreement.",
        "Abe meets Moon": "Shinzo Abe met Moon Jae-in in Osaka on Friday."}
    expected = {  # source -> what is wrong, and what to do
        "feed.jsonl:2": ("not valid JSON at column 21 (Unterminated string", "each line must be one JSON object"),
        "feed.jsonl:3": ("not in English (0 of its", "translate the article or leave it out"),
        "empty.txt": ("empty file (0 bytes, no text)", "save the article's text in it or remove it"),
        "blank.jsonl": ("empty file (4 bytes, no text)", "save the article's text in it or remove it"),
        "photo.txt": ("not text but binary data (NUL bytes", "expected an article saved as text, HTML or JSON lines"),
        "big.txt": (f"{(tmp_path / 'big.txt').stat().st_size:,} bytes, over the size limit of 2,000 bytes",
                    "raise the limit with --max-size 1 (MB)"),
        "french.txt": ("not in English (0 of its", "translate the article or leave it out"),
        "german.html": ("not in English (0 of its", "translate the article or leave it out"),
        "chinese.html": ("not in English (0 of its", "translate the article or leave it out"),
        "scripts.html": ("no article text found after removing page chrome", "expected paragraphs of running text"),
        "missing.txt": ("no such file, folder or glob match", "check the path"),
    }
    assert sorted(s.source for s in skipped) == sorted(str(tmp_path / source) for source in expected)
    for s in skipped:
        what, to_do = expected[s.source.removeprefix(f"{tmp_path}/")]
        assert s.reason.startswith(f"{s.source}: {what}") and to_do in s.reason, s.reason
    assert [s.line for s in skipped if s.line] == [2, 3]


def test_a_build_of_the_mixed_folder_builds_the_good_articles_and_reports_the_bad(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    make_mixed_folder(folder)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(folder), "--out", str(out), "--max-size", "0.002", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "read 7 articles (7 parsed, 0 from the cache), skipped 10" in result.output
    report = (out / "report.md").read_text(encoding="utf-8")
    for name in ("feed.jsonl:2", "feed.jsonl:3", "empty.txt", "blank.jsonl", "photo.txt", "big.txt", "french.txt",
                 "german.html", "chinese.html", "scripts.html"):
        assert f"  - {folder / name}: " in report and f"skipped {folder / name}: " in result.output
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    titles = {str(title) for title in graph.objects(None, SDO.headline)}
    assert titles == {"Merkel meets Macron", "Erdoğan meets Putin", "Sánchez meets Costa", "Aznar meets Schröder",
                      "Modi meets Albanese", "Lula meets Kirchner", "Abe meets Moon"}
    people = {str(label) for person in graph.subjects(RDF.type, KG.Person)
              for label in graph.objects(person, RDFS.label)}
    assert {"Pedro Sánchez", "José María Aznar", "Vladimir Putin"} <= people  # from cp1252, latin-1 and UTF-16
    strict = CliRunner().invoke(app, ["build", str(folder), "--out", str(out), "--max-size", "0.002", "--strict"])
    assert strict.exit_code == 1


def test_a_possessive_written_with_a_double_quote_is_an_apostrophe(tmp_path):
    # Wire copy that writes "France"s Guillaume" would read as a quotation left open to the end of the text.
    path = tmp_path / "wire.txt"
    path.write_text('Title: Farm talks\nDate: 1987-04-01\n\nWhen ministers met in Brussels, France"s Francois '
                    'Guillaume and West Germany"s Ignaz Kiechle said the "proposals" were too tough for farmers.\n',
                    encoding="utf-8")
    (article,) = read_file(path)
    assert "France's Francois Guillaume and West Germany's Ignaz Kiechle" in article.body
    assert 'the "proposals" were' in article.body
