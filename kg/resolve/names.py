"""Name forms shared by resolution inside and across articles: tokens, keys, initials, spellings, posts, bearers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from kg.countries import fold
from kg.names import NAME_PARTICLES, TITLE_ABBREVIATIONS, TITLE_WORDS
from kg.records import Mention, Role

DOTTED_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}[A-Z]?$")  # "U.N.", "U.S."


@cache  # a corpus asks for the tokens of the same few thousand names hundreds of thousands of times
def name_tokens(name: str) -> tuple[str, ...]:
    """Folded tokens of a name, without particles: the part that identifies a surname. A leading "Al" written apart
    from the rest is a first name ("Al Gore"); the Arabic article is joined to its name ("al-Assad").

    >>> name_tokens("Bashar al-Assad"), name_tokens("al-Assad"), name_tokens("Al Gore")
    (('bashar', 'assad'), ('assad',), ('al', 'gore'))
    """
    folded = fold(name)
    tokens = [t.strip("'") for t in re.split(r"[^\w']+", folded) if t.strip("'")]  # "O'Connor" is one name
    given = tokens[:1] if folded.startswith("al ") else []
    return tuple(given + [t for t in tokens[len(given):] if t not in NAME_PARTICLES]) or tuple(tokens)


def _plain_tokens(name: str) -> tuple[str, ...]:
    """Folded tokens of a name without any particle, a leading "Al" included ("Al Rawi" is ('rawi',))."""
    return tuple(t.strip("'") for t in re.split(r"[^\w']+", fold(name)) if t.strip("'") not in NAME_PARTICLES | {""})


def _post(role: Role, by_id: dict[str, Mention]) -> tuple[str, str]:
    """A post as compared between articles: the title from its first title word ("vice president" is not
    "president") and the organisation or country's name."""
    return title_key(role.title) if role.title else "", by_id[role.of].name if role.of else ""


TITLE_MODIFIERS = {"vice", "deputy", "prime", "rear", "chief", "lieutenant", "supreme", "attorney", "secretary"}


# Words that make a title a candidacy for the post it names: a presidential candidate is no president.
CANDIDACY = {"candidate", "candidates", "nominee", "hopeful", "contender", "challenger"}


def title_key(title: str) -> str:
    """A title as compared between articles: lower case, words only, abbreviations spelt out, from its first title
    word on ("City mayor" is "mayor", "Former President" "president"; "Vice-President" stays); a candidacy for any
    post is "candidate".

    >>> title_key("Vice - President"), title_key("Rear Adm."), title_key("vp"), title_key("Lib Dem leader")
    ('vice president', 'rear admiral', 'vice president', 'leader')
    >>> title_key("Democratic candidate for President"), title_key("presidential nominee")
    ('candidate', 'candidate')
    """
    words = " ".join(TITLE_ABBREVIATIONS.get(word, word) for word in re.findall(r"[a-z]+", fold(title))).split()
    if CANDIDACY & set(words):
        return "candidate"
    start = next((i for i, word in enumerate(words) if word in TITLE_WORDS | TITLE_MODIFIERS), 0)
    return " ".join(words[start:])


def _given(tokens: tuple[str, ...]) -> str:
    """The first name of a name's tokens, past one leading initial ("N. Dharam Singh" is a Dharam Singh)."""
    return tokens[1] if len(tokens) >= 3 and len(tokens[0]) == 1 and len(tokens[1]) > 1 else tokens[0]


def _initials_for(ours: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    """Whether two names of as many parts differ only where one gives a middle name and the other its initial.

    >>> _initials_for(("george", "herbert", "walker", "bush"), ("george", "h", "w", "bush"))
    True
    >>> _initials_for(("george", "w", "bush"), ("george", "h", "bush")), _initials_for(("a", "b"), ("a", "b"))
    (False, False)
    """
    return len(ours) == len(theirs) and ours != theirs and ours[0] == theirs[0] and ours[-1] == theirs[-1] \
        and all(a == b or (min(len(a), len(b)) == 1 and a[0] == b[0]) for a, b in zip(ours, theirs))


def _capitalised(name: str) -> bool:
    """A name whose last word starts with a capital, as names do ("al-Assad", not "da venda").

    >>> _capitalised("al-Assad"), _capitalised("de Villepin"), _capitalised("da venda"), _capitalised("bush")
    (True, True, False, False)
    """
    return re.split(r"[\s-]+", name.strip())[-1][:1].isupper()


def respelling(a: str, b: str) -> bool:
    """Whether two folded names are one name spelt two ways: the same but for doubled letters, an "h" after the
    first letter, "y" for "i" or "z" for "s".

    >>> respelling("hilary", "hillary"), respelling("nicholas", "nicolas"), respelling("luis", "luiz")
    (True, True, True)
    >>> respelling("mary", "mark"), respelling("kojo", "kofi"), respelling("josh", "john")
    (False, False, False)
    """
    return plain_spelling(a) == plain_spelling(b)


def plain_spelling(name: str) -> str:
    """A folded name with the letters that tell its spellings apart taken out ("Bakiyev" and "Bakiev": "bakiev")."""
    name = name[:1] + name[1:].replace("h", "").replace("y", "i").replace("z", "s")
    return re.sub(r"(.)\1+", r"\1", name)


def _respelt(ours: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    return len(ours) == len(theirs) and all(respelling(a, b) for a, b in zip(ours, theirs))


def edit_distance(a: str, b: str) -> int:
    """Letters to insert, delete or change to turn one word into the other.

    >>> edit_distance("nicholas", "nicolas"), edit_distance("steven", "stephen")
    (1, 2)
    """
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def _key(mention: Mention) -> tuple[str, str]:
    """The name a mention is known by: kind and folded name, acronyms without their dots ("U.N." is "UN")."""
    return _name_key(mention.kind, mention.name)


@cache  # the same names come back in article after article
def _name_key(kind: str, name: str) -> tuple[str, str]:
    name = name.replace(".", "") if DOTTED_ACRONYM.match(name) else name
    if kind == "Person":
        name = " ".join(re.sub(r"[.\[\]()]", " ", name).split())  # "George W. Bush", "George W Bush"
    return kind, fold(name)


def _bearers(surname: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The full names of people among `mentions` that end in `surname` (folded)."""
    return [m for m in mentions if m.kind == "Person" and len(tokens := name_tokens(m.name)) > 1
            and tokens[-1] == surname]


# Words that introduce someone as a relative of another ("Trump's niece Mary Trump", "his wife Melania Trump").
KIN = ("son", "daughter", "wife", "husband", "widow", "widower", "mother", "father", "brother", "sister", "niece",
       "nephew", "cousin", "uncle", "aunt", "grandson", "granddaughter", "grandfather", "grandmother", "stepson",
       "stepdaughter", "stepmother", "stepfather", "fiancé", "fiancée", "child", "children", "daughters", "sons")
KIN_WORDS = "|".join(KIN)


def _relative(mention: Mention, body: str, surname: str) -> bool:
    """Whether a full name is introduced as the relative of someone of its surname or the text's subject: "Trump's
    niece Mary Trump", "her mother and sister, Maya Harris", "a Jamaican-born father, Donald J. Harris", "Michael
    Diveroli, Efrain's father"; not "Hamza's uncle, Ahmed Taha", whom the article goes on to quote."""
    owner = rf"\b(?:his|her|their|a|an|the|{re.escape(surname)}['’]s?)"
    before = body[max(0, mention.start - 60):mention.start]
    # ... or after it, by another bearer's first name: "Michael Diveroli, Efrain's father, said"
    after = body[mention.end:mention.end + 40]
    return bool(re.search(rf"{owner}\s+(?:[\w-]+\s+){{0,2}}(?:{KIN_WORDS})\s*,?\s*$", before, re.IGNORECASE)
                or re.match(rf"\s*,\s*(?:his|her|their|[A-Z][\w-]*['’]s?)\s+(?:[\w-]+\s+){{0,2}}(?:{KIN_WORDS})\b",
                            after))


# How far back a full name is still the one a name alone takes up: a few sentences.
TAKEN_UP = 300  # characters from its end to the start of the sentence of the name alone


def _bearer_meant(mention: Mention, bearers: Sequence[Mention], title: str, body: str,
                  alone: Sequence[tuple[Mention, Mention]]) -> Mention | None:
    """The full name a name alone stands for, of several it could, written before it: the one the article's title
    names; else the one the text last named, not as a possessor or a relative: by a name alone (`alone`: the earlier
    surnames and first names alone with the full names they were given) or in full within TAKEN_UP ("Jesse Jackson's
    age ... Jackson at that time ... Reverend Jackson"); else the one the article introduced first, again not as a
    possessor or relative if there is one, unless its sentence introduces another. News writes the other bearers of a
    surname by their first name or in full ("Biden's son Hunter", "Trump's niece Mary Trump released a book. The book
    alleges that Trump ..."), so a surname alone after them is still the first one's: the nearest full name would hand
    the rest of the article to a relative."""
    before = [m for m in bearers if m.start < mention.start]
    if not before:
        return None
    # A longer or shorter form of the same name ("Saddam Hussein Infobox" in a page's label line) is no other person.
    distinct: list[Mention] = []
    for m in before:
        ours = set(name_tokens(m.name))
        if not any(ours <= set(name_tokens(o.name)) or set(name_tokens(o.name)) <= ours for o in distinct):
            distinct.append(m)
    if len(distinct) == 1:
        return before[-1]
    # The title may leave out a middle initial ("Patrick Kennedy" for "Patrick J. Kennedy, son of Edward Kennedy").
    folded_title = f" {' '.join(name_tokens(title))} "
    titled = [m for m in before if any(f" {' '.join(form)} " in folded_title for form in
                                       (name_tokens(m.name), tuple(t for t in name_tokens(m.name) if len(t) > 1)))]
    if len({fold(m.name) for m in titled}) == 1:
        return titled[-1]
    surname = mention.name.split()[-1]
    named = [m for m in before if not re.search(r"['’]s?$", m.text)]
    heads = [m for m in named if not _relative(m, body, surname)]
    anchors = sorted([(m, m) for m in heads] + [(m, full) for m, full in alone if m.start < mention.start
                                                 and not re.search(r"['’]s?$", m.text)], key=lambda a: a[0].start)
    if anchors:
        last, meant = anchors[-1]
        adjacent = last.evidence.start == mention.evidence.start or 0 <= mention.evidence.start - last.end <= TAKEN_UP
        together = {fold(m.name) for m in heads if m.evidence.start == last.evidence.start}
        if last is not meant or (adjacent and len(together) == 1):
            return meant
    # Two bearers introduced in one sentence ("Nancy Reagan, widow of the late President Ronald Reagan"): neither.
    pool = heads or named
    first = pool[0] if pool else None
    together = {fold(m.name) for m in pool if first is not None and m.evidence.start == first.evidence.start}
    return first if len(together) == 1 else None
