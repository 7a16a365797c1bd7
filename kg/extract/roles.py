"""Posts and titles: "Turkish defence minister Hulusi Akar", "the head of ..., Hakan Fidan"."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from kg.extract.lexicon import FORMER, LED_BODIES, PORTFOLIOS
from kg.extract.names import evidence_of
from kg.names import PERSON_TITLES, TITLE_WORDS
from kg.records import Article, Mention, Role


def roles_of(doc: Doc, article: Article, mention_at: dict[int, Mention]) -> list[Role]:
    """Posts in an organisation or country, and titles with neither ("President Bush", "the Howard government"): the
    graph keeps only the first; resolution reads both, to tell namesakes apart."""
    roles: dict[tuple[str, str, str | None], Role] = {}
    for ent in doc.ents:
        person = mention_at.get(ent.start)
        if person is None or person.kind != "Person":
            continue
        titles = list(_titles_of(ent, mention_at))
        if ent.root.dep_ == "compound" and ent.root.head.lemma_.lower() in LED_BODIES:
            titles.append((ent.root.head.lemma_.lower(), None))  # "the Howard government": the one who leads it
        for title, of in titles:
            if of is not None or (title and (title.split()[-1] in TITLE_WORDS | LED_BODIES or title in PORTFOLIOS)):
                key = (person.id, title, of.id if of else None)
                roles.setdefault(key, Role(person.id, title, key[2], evidence_of(ent, article)))
    found = [role for role in roles.values() if role.of is not None]
    for role in _counterpart_roles(doc, article, mention_at, found):
        roles.setdefault((role.holder, role.title, role.of), role)
    return list(roles.values())


def _titles_of(ent: Span, mention_at: dict[int, Mention]) -> Iterable[tuple[str, Mention | None]]:
    """(title, organisation or country) pairs stated for a person: before the name, or in apposition to it."""
    doc = ent.doc
    premodifier = _title_before(ent)
    if premodifier is not None:
        yield _read_title(premodifier, mention_at, before_name=True)
    for child in ent.root.children:
        if child.dep_ == "appos" and child.i > ent.end and child.pos_ == "NOUN":
            yield _read_title(doc[child.left_edge.i:child.right_edge.i + 1], mention_at)
    # "the head of its National Intelligence Organisation (MIT), Hakan Fidan,": the title phrase ends just before
    # the name, which is closed by a comma, so the name is in apposition to it whatever the parser attached it to.
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if before is not None and before.text == "," and after is not None and after.text in {",", ".", ")"}:
        phrase_head = _np_head_ending_at(ent, ent.start - 2)
        if phrase_head is not None:
            yield _read_title(doc[phrase_head.left_edge.i:ent.start - 1], mention_at)


# Titles written with "of" or "for" ("Secretary of State", "Minister for Foreign Affairs"), by their words: read
# whole before a name, and not cut at "of" ("State" is no organisation of theirs).
TITLES_WITH_OF = tuple(tuple(t.split()) for t in sorted(PORTFOLIOS, key=len, reverse=True)
                       if {"of", "for"} & set(t.split()))


def _title_before(ent: Span) -> Span | None:
    """The title words written right before a name ("Russia's defence minister", "Syria's President", "US Secretary
    of State", "UN Secretary-General"), when the parse ties them to the name."""
    doc = ent.doc
    start = ent.start
    while start > ent.sent.start:
        token = doc[start - 1]
        kind = token.ent_type_
        within = _title_with_of_ending(doc, start)
        if within:
            start -= within
            continue
        if token.text == "-" and not token.whitespace_ and start - 2 >= ent.sent.start \
                and not doc[start - 2].whitespace_:
            start -= 1  # "Secretary-General", "Director-General": one word
            continue
        if kind in ("PERSON", "DATE", "TIME", "CARDINAL") or token.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ",
                                                                            "PUNCT", "PRON", "DET", "NUM"):
            break
        start -= 1
    if start == ent.start:
        return None
    phrase = doc[start:ent.start]
    tied = any(t.head in ent or any(c in ent for c in t.children) for t in phrase if t.pos_ in ("NOUN", "PROPN"))
    return phrase if tied else None


def _title_with_of_ending(doc: Doc, end: int) -> int:
    """The number of tokens of a title written with "of" that ends just before token `end` ("Secretary of State"),
    or 0."""
    for words in TITLES_WITH_OF:
        start = end - len(words)
        if start >= 0 and [t.lower_ for t in doc[start:end]] == list(words):
            return len(words)
    return 0


def _np_head_ending_at(ent: Span, index: int) -> Token | None:
    """The widest common-noun phrase that ends at token `index`, just before the comma and name `ent`, by its head.

    The name itself, with its own clause, may hang from that phrase (an apposition), so it does not count as part of
    the phrase.
    """
    if index < 0:
        return None
    doc = ent.doc
    found = None
    own = {t.i for t in ent.root.subtree}  # the name with its clause: "Anna Rossi, who chaired the talks,"
    for token in (doc[index], *doc[index].ancestors):
        if any(t.i > index and t.i not in own and t.i != ent.start - 1 and not t.is_punct for t in token.subtree):
            break
        if (token.pos_ == "NOUN" or token.lemma_.lower() in PERSON_TITLES) and not token.ent_type_:
            found = token
    return found


def _read_title(phrase: Span, mention_at: dict[int, Mention], before_name: bool = False
                ) -> tuple[str, Mention | None]:
    """Split a title phrase into its title words and the organisation or country it belongs to.

    Title words end at "of" ("the head of its National Intelligence Organisation"), but for a title written with it
    ("Secretary of State"); a hyphenated title is one word ("Secretary-General"). The organisation or country the post
    belongs to is the first one in the phrase; in a title written before the name (`before_name`), the last one
    before the title words, and words before it are no part of the title but "former" and its like ("2006
    Israel-Lebanon conflict United Nations Secretary General Kofi Annan": a caption ran in; "ex-CIA officer").
    """
    doc = phrase.doc
    words: list[str] = []
    of: Mention | None = None
    in_title = True
    whole = {t.i for end in range(phrase.start + 1, phrase.end + 1)
             for t in doc[end - _title_with_of_ending(doc, end):end]}  # "Secretary of State"
    last = None  # the token of the last word taken
    for token in phrase:
        mention = mention_at.get(token.i)
        if token.i in whole:
            word = token.lower_
        elif mention is not None and mention.kind in ("Organisation", "Country"):
            if before_name and in_title and of is not mention:
                of, words = mention, [w for w in words if w.rstrip("-") in FORMER]
            of = of or mention
            continue
        elif mention is not None and mention.kind == "Person":
            break  # another person's name: the phrase is not this person's title
        elif mention is not None:
            continue  # a city's: "Jakarta Governor Sutiyoso", "London Mayor Boris Johnson"
        elif token.lower_ == "of":
            in_title = False
            continue
        elif in_title and token.pos_ in ("NOUN", "PROPN", "ADJ") and token.dep_ not in ("poss", "case"):
            word = token.lower_.rstrip(".")  # "Sen." is the title "sen"
        else:
            continue
        if last is not None and last == token.i - 2 and doc[token.i - 1].text == "-" \
                and not doc[token.i - 1].whitespace_ and not doc[last].whitespace_ and words:
            words[-1] += "-" + word  # "Secretary-General"
        else:
            words.append(word)
        last = token.i
    return " ".join(words), of


def _counterpart_roles(doc: Doc, article: Article, mention_at: dict[int, Mention],
                       roles: list[Role]) -> Iterable[Role]:
    """"Shoigu and his Turkish and Syrian counterparts, Hulusi Akar and Ali Mahmoud Abbas": each named counterpart
    holds the first person's title, for the countries in the order given."""
    for noun in doc:
        if noun.lemma_.lower() != "counterpart" or noun.dep_ != "conj":
            continue
        first = mention_at.get(noun.head.i)
        titles = [r.title for r in roles if first is not None and r.holder == first.id and r.title and r.of]
        countries = [mention_at[t.i] for c in noun.children if c.dep_ == "amod" for t in (c, *c.conjuncts)
                     if t.i in mention_at and mention_at[t.i].kind == "Country"]
        after = noun.right_edge.i + 1
        if not titles or after + 1 >= len(doc) or doc[after].text != "," or doc[after + 1].ent_type_ != "PERSON":
            continue
        name = mention_at.get(doc[after + 1].i)
        if name is None:
            continue
        root = next(e for e in doc.ents if e.start <= after + 1 < e.end).root
        people = [mention_at[t.i] for t in (root, *root.conjuncts) if t.i in mention_at
                  and mention_at[t.i].kind == "Person"]
        if len(people) == len(countries):
            for person, country in zip(sorted(people, key=lambda m: m.start), countries):
                yield Role(holder=person.id, title=titles[0], of=country.id, evidence=evidence_of(noun, article))
