"""The name tables extraction and resolution share: honorifics, person titles, their abbreviations, name particles.

Extraction reads them to find a person's name and title in the text; resolution reads them to compare names across
articles ("President Hu Jintao" is Hu Jintao; "Sen. Kerry" a senator). One module, so the two stages agree and
resolution need not import extraction.
"""

from __future__ import annotations

import re
from importlib import resources

# Honorifics dropped from the front of a name ("President Hu Jintao" is Hu Jintao).
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "president", "prime", "minister", "king", "queen",
              "prince", "princess", "sheikh", "general", "gen", "senator", "sen", "rep", "secretary", "chancellor",
              "premier", "pope", "ayatollah", "lord", "lady", "judge", "governor", "gov", "mayor", "colonel", "col",
              "captain", "capt", "lt", "major", "admiral", "commander", "vice", "deputy", "former", "ex", "the",
              "pm", "vp", "treasurer", "prof", "professor", "presidente", "sheik", "rev", "reverend", "sgt",
              "sergeant", "ambassador", "mp", "president-elect", "vice-president", "vice-premier", "rear", "adm",
              "councillor", "councilor", "councilman", "councilwoman", "alderman", "congressman", "congresswoman",
              "lieutenant", "corporal", "cpl", "chairman", "prosecutor", "detective", "inspector", "constable",
              "superintendent", "cde", "comrade", "majesty", "highness", "excellency", "taoiseach", "emir", "sultan",
              "cardinal", "archbishop", "bishop", "rabbi", "imam", "mullah", "maulana", "fr", "father"}
# Titles that mark the name they precede or stand in apposition to as a person's.
PERSON_TITLES = {"president", "minister", "premier", "chancellor", "secretary", "senator", "governor", "mayor", "king",
                 "queen", "prince", "princess", "sheikh", "mr", "mrs", "ms", "dr", "gen", "ambassador",
                 "envoy", "spokesman", "spokeswoman", "leader", "chairman", "chairwoman", "chief", "director",
                 "commissioner", "judge", "pope", "ayatollah", "emir", "sultan", "cardinal", "bishop", "colonel",
                 "captain", "admiral", "sir", "lord", "lady", "speaker", "deputy", "sen", "gov", "rep",
                 "president-elect"}


def _title_abbreviations() -> dict[str, str]:
    """abbreviation -> title, from kg/data/title_abbreviations.tsv (AP Stylebook, US military ranks)."""
    with resources.files("kg").joinpath("data/title_abbreviations.tsv").open(encoding="utf-8") as stream:
        rows = [line.rstrip("\n").split("\t") for line in stream if line.strip() and not line.startswith("#")]
    return {abbreviation: title for abbreviation, title in rows}


# Abbreviated titles spelt out: "Sen. Kerry" is a senator. Each is also an honorific ("Spc. Dustin Donica").
TITLE_ABBREVIATIONS = _title_abbreviations()
HONORIFICS |= set(TITLE_ABBREVIATIONS)
# Words a title with no organisation or country must end in to be kept ("Senator Clinton"; not "Mr Smith").
TITLE_WORDS = (PERSON_TITLES | HONORIFICS | {"justice", "representative", "general"}) \
    - {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "the", "former", "ex", "vice", "deputy", "rear", "prime"}
# Lower-case words inside a name that are not a name of their own ("Bashar al-Assad", "Ursula von der Leyen").
NAME_PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "dos", "das", "do", "van", "von", "der", "le", "la", "du", "di"}


def initials(name: str) -> str:
    """The acronym a name's capitalised words make.

    >>> initials("National Intelligence Organisation"), initials("Ministry of Foreign Affairs")
    ('NIO', 'MFA')
    """
    return "".join(word[0] for word in re.split(r"[\s-]+", name) if word[:1].isupper())
