"""Paths -> Articles: reads .txt, .html and .jsonl files, strips site chrome, keeps title, publisher, date and body.

Two kinds of .txt are understood: a header of `Key: value` lines then a blank line (corpus dumps), and a page saved
as text (publisher line, date line, title, body, then menus, player text and lists of related headlines). Chrome never
reaches the body: it is cut by shape (short lines without sentence punctuation, runs of headline-like lines), not by
matching known sites.
"""

from __future__ import annotations

import glob
import html
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

from kg.errors import InputError
from kg.records import Article

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
HEADER_LINE = re.compile(r"^([A-Z][A-Za-z-]{1,30}): (.*)$")
# Section headings after which a news page has only chrome.
CHROME_HEADINGS = {"related articles", "related", "related news", "read more", "more stories", "newsletter",
                   "most read", "most popular", "see also", "external links", "share this article", "comments",
                   "you may also like", "recommended", "trending"}
BULLETS = {"* ", "- ", "• ", "– "}  # items of a list the text introduces with a colon
# A paragraph this long is running text even without final punctuation ("... last Tuesday. *"); chrome is short.
RUNNING_TEXT_WORDS = 12
SENTENCE_END = re.compile(r"[.!?…:][\"'”’)\]`\s]*$")
DATE_FORMATS = ("%A, %b %d, %Y", "%A, %B %d, %Y", "%b %d, %Y", "%B %d, %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d",
                "%d-%b-%Y %H:%M:%S.%f", "%d-%b-%Y", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%SZ", "%Y/%m/%d")


@dataclass(frozen=True, slots=True)
class Skipped:
    source: str
    reason: str


def slugify(text: str, max_length: int = 80) -> str:
    """A lower-case ASCII slug, safe in file names and IRIs.

    >>> slugify("Jürgen  Müller")
    'jurgen-muller'
    >>> slugify("000_ac96e4b3b8268ecb")
    '000-ac96e4b3b8268ecb'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "x"


def parse_date(text: str) -> str | None:
    """An ISO date from the date forms news pages and dumps use, else None.

    >>> parse_date("Friday, Jun 20, 2025")
    '2025-06-20'
    >>> parse_date("5-MAR-1987 10:11:50.97")
    '1987-03-05'
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
    return match.group(1) if match else None


def find_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[Skipped]]:
    """Files, folders (recursive) and globs -> article files in a stable order, plus what matched nothing."""
    found: set[Path] = set()
    missing: list[Skipped] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.update(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif path.is_file():
            found.add(path)
        elif matches := glob.glob(str(given), recursive=True):
            found.update(Path(m) for m in matches if Path(m).is_file() and Path(m).suffix.lower() in SUFFIXES)
        else:
            missing.append(Skipped(str(given), "no such file, folder or glob match"))
    return sorted(found), missing


def read_articles(paths: Iterable[str | Path]) -> tuple[list[Article], list[Skipped]]:
    """Every article in `paths`, and every input that was skipped with its reason. One bad file never stops the rest."""
    files, skipped = find_paths(paths)
    articles: list[Article] = []
    for path in files:
        try:
            found = read_file(path)
        except InputError as err:
            skipped.append(Skipped(str(path), str(err)))
            continue
        articles.extend(a for a in found if isinstance(a, Article))
        skipped.extend(s for s in found if isinstance(s, Skipped))
    seen: set[str] = set()
    unique = []
    for article in articles:
        if article.id in seen:
            skipped.append(Skipped(article.source, f"duplicate article id {article.id!r}"))
            continue
        seen.add(article.id)
        unique.append(article)
    return unique, skipped


def read_file(path: Path) -> list[Article | Skipped]:
    """The articles in one file; InputError names the file and what is wrong.

    A .jsonl file can hold good and bad lines: each bad line is a Skipped naming the file and line, in place.
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"{path}: unsupported file type {suffix or '(none)'}; expected {', '.join(SUFFIXES)}")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 text (byte {err.start}); save the article as UTF-8") from err
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from err
    if suffix == ".jsonl":
        return list(_read_jsonl(path, text))
    article = _read_html(path, text) if suffix in (".html", ".htm") else _read_txt(path, text)
    return [article]


def _article(path: Path, title: str, body: str, published: str | None, publisher: str | None,
             source: str | None = None, article_id: str | None = None) -> Article:
    if len(body.split()) < 5:
        raise InputError(f"{path}: no article text found after removing page chrome")
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


def clean_body(lines: list[str], *, drop: set[str] = frozenset()) -> str:
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
                yield Skipped(f"{path}:{lineno}", str(err))


def _read_record(path: Path, lineno: int, line: str) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"{path}:{lineno}: not valid JSON ({err.msg})") from err
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f"{path}:{lineno}: missing 'text'; each line needs an id and a text")
    record_id = str(record.get("id") or lineno)
    # A scraper's text is the article already: paragraphs are kept whatever their punctuation.
    body = "\n\n".join(" ".join(p.split()) for p in record["text"].replace("\r\n", "\n").split("\n") if p.strip())
    return _article(Path(f"{path}:{lineno}"), str(record.get("title") or record_id), body,
                    parse_date(str(record.get("date") or "")), record.get("publisher"),
                    source=record.get("url") or f"{path}:{lineno}", article_id=slugify(f"{path.stem}-{record_id}"))


class _PageParser(HTMLParser):
    """Collects the title, meta tags and text blocks of a page, skipping scripts, menus, headers and footers."""

    SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "button", "svg", "figure"}
    BLOCK = {"p", "h1", "h2", "h3", "h4", "li", "div", "section", "article", "br", "blockquote", "tr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
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
        elif tag == "title":
            self._in_title = True
        if tag in self.BLOCK:
            self.lines.extend(["", ""] if tag == "p" else [""])

    def handle_endtag(self, tag: str) -> None:
        if self._skipping and tag == self._skipping[-1]:
            self._skipping.pop()
        elif tag == "title":
            self._in_title = False
        if tag in self.BLOCK:
            self.lines.extend(["", ""] if tag == "p" else [""])

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skipping:
            self.lines[-1] += data


def _read_html(path: Path, text: str) -> Article:
    parser = _PageParser()
    parser.feed(text)
    meta = parser.meta
    title = meta.get("og:title") or parser.title
    published = next((parse_date(meta[k]) for k in ("article:published_time", "date", "pubdate",
                                                      "datepublished", "dc.date") if k in meta), None)
    publisher = meta.get("og:site_name")
    lines = [html.unescape(line) for line in parser.lines]
    return _article(path, " ".join(title.split()), clean_body(lines, drop={title.strip()}), published, publisher,
                    source=meta.get("og:url") or str(path))
