"""Paths -> Articles: reads .txt, .html and .jsonl files, strips site chrome, keeps title, publisher, date and body.

Two kinds of .txt are understood: a header of `Key: value` lines then a blank line (corpus dumps), and a page saved
as text (publisher line, date line, title, body, then menus, player text and lists of related headlines). Chrome never
reaches the body: it is cut by shape (short lines without sentence punctuation, runs of headline-like lines), not by
matching known sites.

Bad input is skipped with a reason that names the file (and line, in .jsonl), what is wrong and what to do: files over
the size limit, empty files, binary data, text in a legacy encoding other than Western European, invalid JSON lines,
pages with no article text, and articles not in English (the extraction rules and the default model read English).
Text is decoded by its byte-order mark (UTF-8, UTF-16, UTF-32), else as UTF-8, else as Windows-1252 / latin-1.
"""

from __future__ import annotations

import codecs
import glob
import itertools
import json
import math
import re
from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

from kg.errors import InputError
from kg.records import Article
from kg.vocab import slugify

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
# Files that come with a folder of articles but are not news: skipped inside folders (named, not read).
# By the first word of the name: "README.txt", "COPYING-CC.TXT", "LICENSE_notes.txt".
NOT_NEWS = {"README", "LICENSE", "LICENCE", "COPYING", "CHANGELOG", "CONTRIBUTING", "AUTHORS"}
# Files over this size are reported, not read. The largest article in the shared corpus is 144 KB, and a news page
# saved from a browser, inline scripts and styles included, is seldom over a few MB; so 5 MB passes real articles
# while a video, disk image or database dump picked up by a glob is skipped before it fills memory. `kg build
# --max-size MB` raises it (a scraper's .jsonl with thousands of articles can need that). Decimal MB, as the CLI counts.
DEFAULT_MAX_BYTES = 5_000_000

# Byte-order marks and the codecs they name; UTF-32 LE first, as its mark begins with the UTF-16 LE one.
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"), (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
        (codecs.BOM_UTF8, "utf-8", "UTF-8"), (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"))
# Text that is not UTF-8 is read as Windows-1252, what Western "ANSI" editors save: it gives curly quotes and dashes
# for 0x80-0x9F, and agrees with latin-1 everywhere else. Its five unassigned bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D)
# are read as latin-1 reads them, so every byte decodes and a latin-1 file reads the same either way.
LEGACY_TABLE = "".join(bytes([byte]).decode("cp1252", "ignore") or chr(byte) for byte in range(256))
# C0 and C1 control characters other than tab, line ends and form feed. Text has next to none; binary data (images,
# archives, PDFs, executables) has one byte in ten or so among them, and NUL bytes, which text never has.
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
MAX_CONTROL_SHARE = 0.01
# In Western European text a few letters in a hundred are accented. Text from another legacy code page (Cyrillic
# cp1251, Greek, GBK, Shift-JIS) read as Windows-1252 turns into mostly accented letters ("Ïðåçèäåíò"): not Western.
MAX_LEGACY_ACCENTED_SHARE = 0.3
LETTER = re.compile(r"[^\W\d_]")
ACCENTED_LETTER = re.compile(r"[^\W\d_a-zA-Z]")

# The language check: the share of words that are common English function words. The list leaves out short words
# that are as common in French, German, Spanish, Italian, Portuguese or Dutch ("a", "in", "an", "on", "is", "was",
# "as", "die", "no", "do", "we", "also", "will"), so text in those languages scores near 0 (Russian and Chinese: 0).
# The 8,776 texts read from the shared corpus score 29 in 100 at the median and 5 at the lowest (a Reuters table of
# crop figures). A threshold of 2 in 100 skips none of them, and skips every French, German, Spanish, Italian,
# Portuguese, Dutch, Polish, Turkish, Russian, Chinese and Japanese news paragraph tried.
ENGLISH_WORDS = frozenset("""the of and to that for it with he by at from his be has have are were this which not
but they had who been their its said would she her after about there when out up into than more one you our what
could should while because them him these those other""".split())
MIN_ENGLISH_SHARE = 0.02
# Shorter texts are not judged: a headline and a sentence can lack every word of the list ("Quake hits island off
# south Iran, five hurt"). The first 40 words of every article in the shared corpus pass; of its first 20, 23 fail.
MIN_WORDS_FOR_LANGUAGE = 40
LANGUAGE_SAMPLE = 6000  # characters the language check reads: about a thousand words
# Words for the language check. Chinese and Japanese do not separate words by spaces: each of their characters counts.
CJK = "\u3040-\u30ff\u3400-\u9fff"  # kana, then the unified Han ideographs
WORD = re.compile(rf"[{CJK}]|[^\W\d_{CJK}]+")

HEADER_LINE = re.compile(r"^([A-Z][A-Za-z-]{1,30}): (.*)$")
# Section headings after which a news page has only chrome.
CHROME_HEADINGS = {"related articles", "related", "related news", "read more", "more stories", "newsletter",
                   "most read", "most popular", "see also", "external links", "share this article", "comments",
                   "you may also like", "recommended", "trending"}
BULLETS = {"* ", "- ", "• ", "– "}  # items of a list the text introduces with a colon
# A paragraph this long is running text even without final punctuation ("... last Tuesday. *"); chrome is short.
RUNNING_TEXT_WORDS = 12
# "France"s Guillaume": some wire copy writes the possessive's apostrophe as a double quote, which the tagger then
# reads as a quotation and the rules as a quote left open. Same length, so offsets into the text stay right.
QUOTE_POSSESSIVE = re.compile(r"(?<=[A-Za-z])\"s\b")
SENTENCE_END = re.compile(r"[.!?…:。！？][\"'”’)\]`」』\s]*$")  # and the full stops of Chinese and Japanese
DATE_FORMATS = ("%A, %b %d, %Y", "%A, %B %d, %Y", "%b %d, %Y", "%B %d, %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d",
                "%d-%b-%Y %H:%M:%S.%f", "%d-%b-%Y", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%SZ", "%Y/%m/%d")


@dataclass(frozen=True, slots=True)
class Skipped:
    source: str  # the path given or found; "path:line" for a line of a .jsonl file
    reason: str  # where, what is wrong and what to do: "a.jsonl:3: not valid JSON (...); each line must be ..."
    line: int | None = None  # the line of a .jsonl file, when the problem is in one line


def parse_date(text: str) -> str | None:
    """An ISO date from the date forms news pages and dumps use, else None.

    >>> parse_date("Friday, Jun 20, 2025")
    '2025-06-20'
    >>> parse_date("5-MAR-1987 10:11:50.97")
    '1987-03-05'
    >>> parse_date("27-MAR-1987 03:13:03.19F")  # Reuters-21578 leaves stray letters after some times
    '1987-03-27'
    >>> parse_date("Related Articles") is None
    True
    """
    text = text.strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text.title() if "%b" in fmt else text, fmt).date().isoformat()
        except ValueError:
            continue
    match = re.match(r"^(\d{4}-\d{2}-\d{2})[T ]", text)
    if match:
        return match.group(1)
    match = re.match(r"^(\d{1,2}-[A-Za-z]{3}-\d{4}) \d", text)  # a day and a time with something after it
    return parse_date(match.group(1)) if match else None


def find_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[Skipped]]:
    """Files, folders (recursive) and globs -> article files in a stable order, plus what matched nothing and the
    files inside folders that are not articles (other file types; README, LICENSE and the like), each named."""
    found: set[Path] = set()
    missing: list[Skipped] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for inside in sorted(path.rglob("*")):
                if not inside.is_file() or any(part.startswith(".") for part in inside.relative_to(path).parts):
                    continue  # hidden files and folders (.git, .cache, .DS_Store) are nobody's articles
                if inside.suffix.lower() not in SUFFIXES:
                    missing.append(Skipped(str(inside), f"{inside}: a {inside.suffix or 'suffix-less'} file in the "
                                                        f"folder {given}; kg reads {', '.join(SUFFIXES)} files"))
                elif (word := re.split(r"[-_. ]", inside.stem)[0]).upper() in NOT_NEWS:
                    missing.append(Skipped(str(inside), f"{inside}: a {word} file, not a news article; give it by "
                                                        f"name to build it anyway"))
                else:
                    found.add(inside)
        elif path.is_file():
            found.add(path)
        elif matches := glob.glob(str(given), recursive=True):
            found.update(Path(m) for m in matches if Path(m).is_file() and Path(m).suffix.lower() in SUFFIXES)
        else:
            missing.append(Skipped(str(given), f"{given}: no such file, folder or glob match; check the path"))
    return sorted(found), missing


def read_articles(paths: Iterable[str | Path], *,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Article], list[Skipped]]:
    """Every article in `paths`, and every input that was skipped with its reason. One bad file never stops the rest.

    Files larger than `max_bytes` are skipped without being read.
    """
    files, skipped = find_paths(paths)
    articles: list[Article] = []
    for path in files:
        try:
            found = read_file(path, max_bytes=max_bytes)
        except InputError as err:
            skipped.append(Skipped(str(path), str(err)))
            continue
        articles.extend(a for a in found if isinstance(a, Article))
        skipped.extend(s for s in found if isinstance(s, Skipped))
    first_source: dict[str, str] = {}
    unique = []
    for article in articles:
        if article.id in first_source:
            skipped.append(Skipped(article.source, f"{article.source}: duplicate article id {article.id!r}, already "
                                                   f"read from {first_source[article.id]}; rename one of the files "
                                                   f"or give the records distinct ids"))
            continue
        first_source[article.id] = article.source
        unique.append(article)
    return unique, skipped


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article | Skipped]:
    """The articles in one file; InputError names the file, what is wrong and what to do.

    A .jsonl file can hold good and bad lines: each bad line is a Skipped naming the file and line, in place.
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"{path}: unsupported file type {suffix or '(none)'}; expected {', '.join(SUFFIXES)}")
    try:
        size = path.stat().st_size
        if size > max_bytes:  # checked before reading, so a huge file is never loaded
            raise InputError(f"{path}: {size:,} bytes, over the size limit of {max_bytes:,} bytes; to read it, "
                             f"raise the limit with --max-size {math.ceil(size / 1_000_000)} (MB)")
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from err
    text, _ = decode_text(data, path)
    if not text.strip():
        raise InputError(f"{path}: empty file ({size:,} bytes, no text); save the article's text in it or "
                         f"remove it")
    if suffix == ".jsonl":
        return list(_read_jsonl(path, text))
    article = _read_html(path, text) if suffix in (".html", ".htm") else _read_txt(path, text)
    return [article]


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """The text in a file's bytes and the codec that read it; InputError when the bytes are not text.

    A byte-order mark decides; without one, UTF-8 if the bytes are valid UTF-8, else Windows-1252 (see LEGACY_TABLE).

    >>> decode_text("Café “au lait”".encode("cp1252"), Path("a.txt"))
    ('Café “au lait”', 'cp1252')
    >>> decode_text(codecs.BOM_UTF16_LE + "Café".encode("utf-16-le"), Path("a.txt"))
    ('Café', 'utf-16-le')
    """
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as err:
                raise InputError(f"{path}: not UTF-8 text: it starts with a {name} byte-order mark but is not "
                                 f"valid {name} ({err.reason} at byte {err.start + len(bom)}); save the article "
                                 f"as UTF-8") from err
            break
    else:
        try:
            text, codec = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:  # the one way to know that bytes are not UTF-8 is to decode them
            text, codec = codecs.charmap_decode(data, "strict", LEGACY_TABLE)[0], "cp1252"
    controls = len(CONTROL.findall(text))
    if "\x00" in text or controls > MAX_CONTROL_SHARE * len(text):
        found = "NUL bytes" if "\x00" in text else f"{controls / len(text):.0%} control characters"
        raise InputError(f"{path}: not text but binary data ({found}, as in images, archives and PDFs); expected an "
                         f"article saved as text, HTML or JSON lines, in UTF-8 (or in UTF-16 with a byte-order mark)")
    if codec == "cp1252":
        letters, accented = len(LETTER.findall(text)), len(ACCENTED_LETTER.findall(text))
        if accented > MAX_LEGACY_ACCENTED_SHARE * letters:
            raise InputError(f"{path}: not UTF-8 text, nor Western European text in Windows-1252 or latin-1 "
                             f"({accented / letters:.0%} of its letters would be accented); it may be in another "
                             f"legacy encoding (Cyrillic, Greek, Chinese, Japanese): save the article as UTF-8")
    return text, codec


def english_word_share(text: str) -> tuple[int, int]:
    """How many of the first words of `text` are common English function words (ENGLISH_WORDS), and how many words
    that opening has.

    >>> english_word_share("The minister met his counterpart at the summit.")
    (4, 8)
    >>> english_word_share("Le ministre a rencontré son homologue au sommet.")
    (0, 8)
    >>> english_word_share("习近平会见马克龙。")
    (0, 8)
    """
    # The opening of a text tells its language; counting every word of every article took a quarter of reading time.
    words = WORD.findall(text[:LANGUAGE_SAMPLE].lower())
    return sum(word in ENGLISH_WORDS for word in words), len(words)


def looks_english(text: str) -> bool:
    """False when `text` is clearly not English: long enough to judge, and few common English words among its words.

    >>> looks_english("Quake hits island off south Iran, five hurt.")  # too short to judge
    True
    """
    english, words = english_word_share(text)
    return words < MIN_WORDS_FOR_LANGUAGE or english >= MIN_ENGLISH_SHARE * words


def _article(path: Path, title: str, body: str, published: str | None, publisher: str | None,
             source: str | None = None, article_id: str | None = None) -> Article:
    # WORD, not split(): Chinese and Japanese have no spaces. Five words found are enough; no need to count them all.
    if len(list(itertools.islice(WORD.finditer(body), 5))) < 5:
        raise InputError(f"{path}: no article text found after removing page chrome (menus, link lists, scripts); "
                         f"expected paragraphs of running text")
    if not looks_english(body):
        english, words = english_word_share(body)
        raise InputError(f"{path}: not in English ({english} of its first {words} words are common English words like "
                         f"'the', 'of', 'and', where English news has about 30 in 100); kg extracts meetings from "
                         f"English text only: translate the article or leave it out")
    body = QUOTE_POSSESSIVE.sub("'s", body)
    return Article(id=article_id or slugify(path.stem), title=title.strip() or path.stem, body=body,
                   published=published, publisher=publisher, source=source or str(path))


def _read_txt(path: Path, text: str) -> Article:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    head, _, rest = text.partition("\n\n")
    header = [HEADER_LINE.match(line) for line in head.split("\n")]
    if head.strip() and all(header):
        fields = {m.group(1).lower(): m.group(2).strip() for m in header if m}
        published = parse_date(fields.get("date", ""))
        body = clean_body(rest.split("\n"))
        return _article(path, fields.get("title", ""), body, published, fields.get("source") or fields.get("publisher"),
                        source=fields.get("url") or str(path))
    return _read_page_text(path, text.split("\n"))


def _read_page_text(path: Path, lines: list[str]) -> Article:
    """A page saved as text: the first date line splits the masthead (publisher) from title and body."""
    stripped = [line.strip() for line in lines]
    date_at = next((i for i, line in enumerate(stripped[:15]) if parse_date(line)), None)
    publisher = next((line for line in stripped[:date_at] if line), None) if date_at else None
    published = parse_date(stripped[date_at]) if date_at is not None else None
    after = stripped[date_at + 1:] if date_at is not None else stripped
    title_at = next((i for i, line in enumerate(after) if line), None)
    if title_at is None:
        raise InputError(f"{path}: empty file")
    title = after[title_at]
    return _article(path, title, clean_body(after[title_at + 1:], drop={title}), published, publisher)


def clean_body(lines: list[str], *, drop: Set[str] = frozenset()) -> str:
    """Paragraphs of article text, joined by blank lines, without site chrome or repeated paragraphs.

    >>> clean_body(["Akar met Abbas in Moscow on Wednesday.", "", "Newsletter", "0:00", "Close", "A headline"])
    'Akar met Abbas in Moscow on Wednesday.'
    """
    paragraphs: list[str] = []
    for block in _blocks(lines):
        if block[0].lower().rstrip(":") in CHROME_HEADINGS:
            break
        if sum(_headline_like(line) for line in block) >= 3:
            if paragraphs:
                break  # a run of headlines after the text: a list of links, after which the article is over
            block = [line for line in block if not _headline_like(line)]  # a masthead or menu before the text
        paragraphs.extend(line for line in block if line)
    kept: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        if paragraph in drop or paragraph in kept:
            continue  # pages repeat their title and standfirst
        in_list = paragraph[:2] in BULLETS and bool(kept) and (kept[-1].endswith(":") or kept[-1][:2] in BULLETS)
        if not SENTENCE_END.search(paragraph) and len(paragraph.split()) < RUNNING_TEXT_WORDS and not in_list \
                and not _is_heading(paragraph, paragraphs[i + 1:]):
            continue  # menus, player text ("0:00", "Close", "×"), captions
        kept.append(paragraph)
    return "\n\n".join(kept)


def _headline_like(line: str) -> bool:
    """A line written like a headline: no final punctuation, and most of its longer words capitalised.

    >>> _headline_like("Trump Demands Iran End All Uranium Enrichment in Nuclear Talks")
    True
    >>> _headline_like("* renewable energy should make up 20% of energy consumption by 2020")
    False
    """
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) >= 4]
    return not SENTENCE_END.search(line) and bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _blocks(lines: list[str]) -> Iterator[list[str]]:
    """Runs of non-empty lines; news bodies separate paragraphs by blank lines, chrome lists by single newlines."""
    block: list[str] = []
    for line in lines:
        line = " ".join(line.split())
        if line:
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def _is_heading(line: str, following: list[str]) -> bool:
    """A sub-heading inside the article: a few words, followed by a paragraph of real sentences."""
    words = line.split()
    return 3 <= len(words) <= 15 and bool(following) and SENTENCE_END.search(following[0]) is not None \
        and len(following[0].split()) >= 8


def _read_jsonl(path: Path, text: str) -> Iterator[Article | Skipped]:
    for lineno, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            try:
                yield _read_record(path, lineno, line)
            except InputError as err:
                yield Skipped(f"{path}:{lineno}", str(err), lineno)


def _read_record(path: Path, lineno: int, line: str) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"{path}:{lineno}: not valid JSON at column {err.colno} ({err.msg.removesuffix(' at')}); "
                         f"each line must be one JSON object with an id and a text") from err
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f"{path}:{lineno}: missing 'text'; each line needs an id and a text")
    record_id = str(record.get("id") or lineno)
    # A scraper's text is the article already: paragraphs are kept whatever their punctuation.
    body = "\n\n".join(" ".join(p.split()) for p in record["text"].replace("\r\n", "\n").split("\n") if p.strip())
    return _article(Path(f"{path}:{lineno}"), str(record.get("title") or record_id), body,
                    parse_date(str(record.get("date") or "")), record.get("publisher"),
                    source=record.get("url") or f"{path}:{lineno}", article_id=slugify(f"{path.stem}-{record_id}"))


class _PageParser(HTMLParser):
    """Collects the title, meta tags and text blocks of a page, skipping scripts, menus, headers and footers.

    Text inside a SKIP element never reaches `lines`, however the page nests or fails to close its tags: script and
    style content is raw text to the parser (tags in it are not tags), an end tag closes the skipped elements opened
    inside it, and an element left open keeps skipping to the end of the page, losing text rather than leaking code.
    """

    # Code, styles, templates and embedded or fallback content ("Your browser does not support video") are never
    # article text; nor are menus, headers, footers, asides, forms and figures (captions repeat the text or are chrome).
    SKIP = {"script", "style", "noscript", "template", "iframe", "object", "canvas", "video", "audio",
            "svg", "math", "select", "textarea", "nav", "header", "footer", "aside", "form", "button", "figure"}
    BLOCK = {"p", "h1", "h2", "h3", "h4", "li", "div", "section", "article", "br", "blockquote", "tr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # handle_data gets `&amp;` as `&`: text is not unescaped twice
        self.meta: dict[str, str] = {}
        self.title = ""
        self.lines: list[str] = [""]
        self._skipping: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
            if key and "content" in attributes:
                self.meta.setdefault(key.lower(), attributes["content"])
        elif tag in self.SKIP:
            self._skipping.append(tag)
        elif tag == "title" and not self._skipping:  # an <svg> icon has a <title> too; it is not the page's
            self._in_title = True
        if tag in self.BLOCK:
            self.lines.extend(["", ""] if tag == "p" else [""])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # Browsers ignore "/>" on HTML elements: `<script src="x"/>` opens a script that runs to the next </script>.
        # SVG and MathML elements do close themselves.
        self.handle_starttag(tag, attrs)
        if tag not in self.SKIP or tag in ("svg", "math"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._skipping:
            while self._skipping.pop() != tag:
                pass  # skipped elements left open inside this one close with it: <header><nav>...</header>
        elif tag == "title":
            self._in_title = False
        if tag in self.BLOCK:
            self.lines.extend(["", ""] if tag == "p" else [""])

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        if self._in_title:
            self.title += data
        else:
            self.lines[-1] += data


def _read_html(path: Path, text: str) -> Article:
    parser = _PageParser()
    parser.feed(text)
    parser.close()  # flushes text after the last tag
    meta = parser.meta
    title = meta.get("og:title") or parser.title
    published = next((parse_date(meta[k]) for k in ("article:published_time", "date", "pubdate",
                                                      "datepublished", "dc.date") if k in meta), None)
    publisher = meta.get("og:site_name")
    return _article(path, " ".join(title.split()), clean_body(parser.lines, drop={title.strip()}), published, publisher,
                    source=meta.get("og:url") or str(path))
