"""What a name is, as a string: the clean name a mention stands for, without what the tagger or the page ran into it
(honorifics and titles, captions, headline tails, party labels, a portfolio after a title's "of", words before an
acronym's)."""

from __future__ import annotations

import re

from spacy.tokens import Span

from kg.countries import country_named, country_of_demonym
from kg.extract.lexicon import first_names
from kg.names import HONORIFICS, NAME_PARTICLES, PERSON_TITLES, initials

# French honorifics ("Monsieur", "Madame") before a name of two words or more: "M. Xavier Bertrand"; "M." before
# one word may be an initial ("M. Smith"), and so may "M." before another initial ("M. J. Akbar").
FRENCH_HONORIFICS = {"M.", "Mme", "Mme.", "Mlle", "Mlle."}


def _french_honorific(word: str, after: str) -> bool:
    """"M. Gérard Larcher"; not "M. J. Akbar"."""
    return word in FRENCH_HONORIFICS and not (len(after) <= 2 and after.endswith("."))


def clean_name(text: str) -> str:
    """The name a mention stands for: no possessive, no leading honorific, single spaces.

    >>> clean_name("al-Assad’s"), clean_name("President  Hu Jintao"), clean_name("the Ministers’")
    ('al-Assad', 'Hu Jintao', 'Ministers')
    >>> clean_name("V.P. Cheney"), clean_name("Rear Adm. Gregory Smith"), clean_name("Councillor Chris Thompson")
    ('Cheney', 'Gregory Smith', 'Chris Thompson')
    >>> clean_name("Helena Guergis (Conservative"), clean_name("Robert (Bob) Innes"), clean_name("Associated Press (")
    ('Helena Guergis', 'Robert (Bob) Innes', 'Associated Press')
    >>> clean_name("Qantas Airways Ltd>")
    'Qantas Airways Ltd'
    >>> clean_name("M. Gérard Larcher"), clean_name("M. Smith"), clean_name("M. J. Akbar")
    ('Gérard Larcher', 'M. Smith', 'M. J. Akbar')
    """
    # "George W.] Bush": wiki markup left in the text; "Bouygues>": wire copy's marks around a company's name
    text = " ".join(re.sub(r"[\[\]{}<>]", " ", text).split())
    # "‘s" too: a left quote typed for an apostrophe ("Simon Beaufoy ‘s")
    text = re.sub(r"\s?(?:['’‘]s|s['’‘])$", lambda m: "s" if m.group(0).strip()[0] == "s" else "", text) \
        if len(text) > 3 else text
    words = text.split(" ")
    # Dots go: "V.P." is "vp", "Adm." is "adm".
    while len(words) > 1 and (words[0].lower().replace(".", "") in HONORIFICS or words[0] in ("a", "an")
                              or (len(words) > 2 and _french_honorific(words[0], words[1]))):
        words = words[1:]  # "a National Oceanic and Atmospheric Administration" too
    text = " ".join(words)
    if text.count("(") > text.count(")"):  # "Helena Guergis (Conservative": the bracket's party is not the name
        text = text[:text.rfind("(")]
    return text.strip(" ,;:-")


# Words that open a title before a person's name, and are no name ("Crown Prince", "Grand Ayatollah", "Chief
# Justice", the honorific "Sayyed", "President- Elect" cut by the tokenizer); not stripped from other names ("Justice
# Department", "Grand Trunk").
TITLE_OPENERS = {"crown", "grand", "chief", "justice", "sayyed", "sayyid", "seyyed", "elect"}


def person_name(text: str) -> str:
    """A person's name without what the tagger took in with it: a leading country name or demonym ("Italy Romano
    Prodi" in a page's label line, "Belgian Willy de Clercq"), a place before a comma ("mayor of Buffalo, Byron W.
    Brown"), a call sign or an acronym, the words that open a title ("Crown Prince Naruhito").

    >>> person_name("Brazil Hu Jintao"), person_name("Georgia Brown"), person_name("Buffalo, Byron W. Brown")
    ('Hu Jintao', 'Georgia Brown', 'Byron W. Brown')
    >>> person_name("WNIQ Obama"), person_name("GEORGE W. BUSH"), person_name('Bobby" Jindal')
    ('Obama', 'GEORGE W. BUSH', 'Bobby Jindal')
    >>> person_name("Belgian Willy de Clercq"), person_name("New Zealander Bruce Judge"), person_name("German Gref")
    ('Willy de Clercq', 'Bruce Judge', 'German Gref')
    >>> person_name("Crown Prince Naruhito"), person_name("Grand Ayatollah Ali Khamenei"), person_name("Justice Li")
    ('Naruhito', 'Ali Khamenei', 'Li')
    """
    name = _trimmed(clean_name(text))
    if name.count('"') % 2:
        name = " ".join(name.replace('"', " ").split())  # 'Bobby" Jindal': the tagger cut a nickname's quotes
    after = name.rpartition(", ")[2]
    if len(after.split()) >= 2 and after[:1].isupper():
        name = after
    words = name.split()
    while len(words) > 1 and re.fullmatch(r"[A-Z]{2,}", words[0]) and not words[-1].isupper():
        words = words[1:]
    while len(words) >= 2 and words[0].lower() in TITLE_OPENERS:
        words = clean_name(" ".join(words[1:])).split()  # "Crown Prince Abdullah", "Grand Ayatollah Ali Khamenei"
    while len(words) >= 3:
        # "Italy Romano Prodi", "Minsiter Yasuhiro Nakasone", "Belgian Willy de Clercq", "New Zealander Bruce Judge"
        lead = 2 if country_of_demonym(" ".join(words[:2])) else 1
        first = words[0]
        if len(words) - lead < 2 or first in words[lead:] \
                or not (lead == 2 or country_named(first) or country_of_demonym(first) or _misspelt_title(first)):
            break  # "Thai Rak Thai", a party's name
        words = clean_name(" ".join(words[lead:])).split()  # "Saudi King Fahd": the title after it goes too
    return " ".join(words)


def _misspelt_title(word: str) -> bool:
    """A title of six letters or more with two letters swapped or one wrong, left out or doubled, as wire copy types
    them ("Minsiter", "Presdient", "Secretray"); not a first name.

    >>> _misspelt_title("Minsiter"), _misspelt_title("Minister"), _misspelt_title("Marian")
    (True, False, False)
    """
    lower = word.lower()
    if lower in PERSON_TITLES or lower in first_names() or not word.isalpha():
        return False
    return any(len(title) >= 6 and _one_slip(lower, title) for title in PERSON_TITLES if title.isalpha())


def _one_slip(a: str, b: str) -> bool:
    """Whether `a` is `b` with one typing slip: two neighbouring letters swapped, or one letter wrong, added or lost."""
    if abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1
                                   and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


# "Phil CollinsImage", "Kamala Harris Image"; a page's box label and what ran into it ("Saddam Hussein Infobox Sunnis")
CAPTION = re.compile(r"(?<=[a-z]) ?(?:(?:Image|Photo|Picture|Video)$|Infobox\b.*$|InfoboxEnd.*$)")
# "Kwok Wai - keung": the hyphen of a romanised given name, two short syllables, spaced out by the text; not "Bill
# Gates - founder" or "Khalid Sheikh Mohammed - one", a headline's tail.
NAME_HYPHEN = re.compile(r"\b([A-Z][a-z]{1,4}) - ([a-z]{2,5})$")
# Letters after a name for a seat or an honour ("Margaret Beckett MP", "Michael Howard QC MP"), and a party or an
# honorific written before it ("Liberal Bob Rae", "Hon David Cunliffe"): neither is the name.
POST_NOMINALS = re.compile(r"(?:,? (?:M\.?P|Q\.?C|K\.?C|MEP|MLA|MPP|MSP|MHA|TD|OBE|CBE|KBE|MBE|Ph\.?D|Esq)\.?)+$")
BEFORE_NAMES = re.compile(r"^(?:(?:Liberal|Conservative|Labour|Tory|Democrat|Republican|Socialist|Hon|Honourable|"
                          r"Honorable|Rt\.? Hon)\.? (?=[A-Z])|(?:Green|NDP) (?=[A-Z]\S* [A-Z]))")


def _trimmed(name: str) -> str:
    """A person's name without what page layout ran into it: a photo caption's label ("Kamala Harris Image"), a
    headline's tail ("Bill Gates - founder", "John Howard - Singapore"), quotes and joiners around it; a hyphen the
    text spaced out inside a name is closed again.

    >>> _trimmed("Phil CollinsImage"), _trimmed("John Howard - Singapore"), _trimmed("Kwok Wai - keung")
    ('Phil Collins', 'John Howard', 'Kwok Wai-keung')
    >>> _trimmed("Abdel Aziz al - Hilu"), _trimmed("Bill Gates - founder")
    ('Abdel Aziz al-Hilu', 'Bill Gates')
    >>> _trimmed("Michael Howard QC MP"), _trimmed("Liberal Bob Rae"), _trimmed("Hon David Cunliffe")
    ('Michael Howard', 'Bob Rae', 'David Cunliffe')
    >>> _trimmed("Adelaide Ms Vanstone"), _trimmed("vitória de Lula - O Estado"), _trimmed("de Villepin")
    ('Vanstone', 'Lula', 'de Villepin')
    >>> _trimmed("spokesperson Liu Jianchao"), _trimmed("al-Zubair Abu Sajda")
    ('Liu Jianchao', 'al-Zubair Abu Sajda')
    >>> _trimmed("Saddam Hussein Infobox Sunnis"), _trimmed("Green Doug Warkentin"), _trimmed("Green Day")
    ('Saddam Hussein', 'Doug Warkentin', 'Green Day')
    """
    name = NAME_HYPHEN.sub(r"\1-\2", name.strip("\u200b\u200c\u200d\ufeff\"'“”‘’:;,. "))
    name = re.sub(r"\b(al|el|bin|ibn|abu|ben) - (?=[A-Z])", r"\1-", name, flags=re.I)
    name = CAPTION.sub("", name).strip()
    name = BEFORE_NAMES.sub("", POST_NOMINALS.sub("", name)) if " " in name else name
    name = re.sub(r"^.+? (?:Mr|Mrs|Ms|Dr)\.? (?=[A-Z])", "", name)  # "Adelaide Ms Vanstone": a place ran into it
    words = name.split(" ")
    if run_in(words[0]) and any(w[:1].isupper() for w in words):
        # "spokesperson Liu Jianchao", "vitória de Lula", "anti-Sarah Palin": lower-case words of the sentence ran
        # into the name, and the particles after them ("de") with them; not "al-Zubair", "de Villepin"
        while words[0][:1].islower() and (run_in(words[0]) or words[0] in NAME_PARTICLES):
            words = words[1:]
        name = " ".join(words)
    head, dash, _ = name.partition(" - ")
    if dash and head[:1].isupper():
        name = head
    return name


def run_in(word: str) -> bool:
    """A lower-case word that is no name particle: "spokesperson", "anti-Sarah"; not "al-Zubair" nor "de"."""
    return word[:1].islower() and word.split("-")[0].lower() not in NAME_PARTICLES


def after_a_post(name: str, before: Span) -> str:
    """A name after a title's "of" without the portfolio or place the tagger ran into it: "Minister of Civil Affairs
    José Dirceu", "Secretary of State Mitch Landrieu", "Mayor of Koszalin Piotr Jedlinski" (a first and a last name
    kept); not "governor of Pedro R. Pierluisi", which opens with a first name."""
    words = name.split()
    of = [t.lower_ for t in before]
    titled = of[-1:] == ["of"] and len(of) >= 2 and before[-2].lemma_.lower() in PERSON_TITLES \
        or of[-2:] == ["of", "the"] and len(of) >= 3 and before[-3].lemma_.lower() in PERSON_TITLES
    if titled and len(words) >= 3 and not is_first_name(words[0]) and words[-2][:1].isupper():
        return " ".join(words[-2:])
    return name


FUNCTION_WORDS = {"of", "the", "and", "for", "in", "on", "to", "de", "du", "des", "la", "&"}


def spelled_by_acronym(name: str, after: str) -> str:
    """An organisation's name without the words before it that its acronym, in brackets after it, leaves out: "The
    Loyalist Ulster Defence Association (UDA)", "U.S. International Trade Commission (ITC)". Not when the acronym
    spells what follows an "of" ("Parliament of New South Wales (NSW)": the place, not the body).

    >>> spelled_by_acronym("Loyalist Ulster Defence Association", " (UDA) said"), spelled_by_acronym(
    ...     "Parliament of New South Wales", " (NSW)")
    ('Ulster Defence Association', 'Parliament of New South Wales')
    """
    bracket = re.match(r" ?\(([A-Z][A-Z.&-]{1,9})\)", after)
    words = name.split()
    if bracket is None or initials(name) == bracket.group(1).replace(".", ""):
        return name
    for start in range(1, len(words)):
        if words[start][:1].isupper() and words[start - 1].lower() not in FUNCTION_WORDS \
                and initials(" ".join(words[start:])) == bracket.group(1).replace(".", ""):
            return " ".join(words[start:])
    return name


def is_first_name(word: str) -> bool:
    """A first name of the census list that is no title ("King", "Prince", "Lady" are both)."""
    return word.lower() in first_names() and word.lower() not in PERSON_TITLES | HONORIFICS
