"""Doc -> mentions, roles and meetings of one article, read from the dependency parse.

A meeting is a meeting predicate ("met", "held talks", "talks with", "hosted", "visited", "telephoned", "a meeting
with") with its arguments: subjects, objects, coordinations, "with", "between", "along with". Two names in one
sentence are not a meeting: every participant must be an argument of the predicate. Status (held, planned, possible,
cancelled) comes from the modals, governing verbs and negation around the predicate; place and time from its
prepositional phrases. Roles come from titles before a name ("Turkish defence minister Hulusi Akar") and appositions
("the head of its National Intelligence Organisation (MIT), Hakan Fidan").

Participants may be written as names, as roles the article names a holder of ("the defence ministers of Russia,
Turkey and Syria"), or as pronouns whose person the text leaves in no doubt (the reporter of the clause, the subject
of the sentence before); people the text places at a meeting just reported ("Also present were ...") join it.
Names the tagger missed or mistyped are repaired from the text around them ("President Saakashvili", a name tagged as
a person elsewhere in the article, a full name in a list of people).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from kg.countries import country_named, country_of_demonym, fold, gazetteer
from kg.records import Article, Evidence, Extraction, Kind, Meeting, Mention, Mode, Role, Status

# Predicates, by lemma. A verb of MEET_VERBS is a meeting with whoever its arguments are; HOST_VERBS and CALL_VERBS
# only when their object is a person ("received a letter" is not a meeting); HOLD_VERBS only with a MEETING_NOUN.
MEET_VERBS = {"meet", "confer", "negotiate", "talk", "discuss", "speak"}
# Verbs that are a meeting only with a "with" (or "to") party: "discussed trade with X", not "discussed trade".
PARTY_ONLY_VERBS = {"talk", "discuss", "speak", "negotiate"}
HOST_VERBS = {"host", "receive", "visit"}
CALL_VERBS = {"telephone", "phone", "call", "ring"}
HOLD_VERBS = {"hold", "have", "conduct", "attend", "open", "begin", "start", "resume", "continue", "join", "chair",
              "pay", "make", "receive", "get"}
MEETING_NOUNS = {"meeting", "talk", "talks", "summit", "visit", "negotiation", "discussion", "conversation",
                 "encounter", "consultation", "call", "lunch", "dinner", "breakfast", "conference"}
# Nouns a "with" phrase belongs to ("discussed his ties with X" is not discussing with X).
RELATION_NOUNS = {"relation", "relationship", "tie", "link", "contact", "deal", "agreement", "dispute", "conflict",
                  "row", "rift", "feud", "quarrel", "friendship", "partnership", "alliance", "cooperation", "affair",
                  "interview", "problem", "difference", "disagreement", "encounter", "dealing", "collaboration"}
# Nouns that are a meeting only with a "with" party: a press conference of one side, or one given "alongside" an
# ally, is not a meeting; "a joint news conference with" the other side is.
# "His call for a new party" is no call.
WITH_ONLY_NOUNS = {"conference": {"with"}, "call": {"with", "on", "between", "from"}}
# Nouns that are a meeting only with the parties stated in them ("a meeting with X", "talks between X and Y").
PARTY_PREPS = {"with", "between", "among", "alongside"}
# Words that set a predicate's status when they govern it or modify it (lemmas).
CANCELLED_CUES = {"cancel", "postpone", "refuse", "decline", "scrap", "delay", "suspend", "abandon", "reject",
                  "cancelled", "canceled", "postponed", "off"}
POSSIBLE_CUES = {"could", "might", "may", "would", "can", "should", "ought", "must", "likely", "possible",
                 "possibility", "hope", "want", "propose", "invite", "offer", "suggest", "seek", "consider", "wish",
                 "ask", "request", "try", "willing", "ready", "proposed", "potential", "push", "urge", "call"}
PLANNED_CUES = {"will", "shall", "'ll", "plan", "schedule", "due", "set", "expect", "agree", "arrange", "go",
                "prepare", "intend", "planned", "scheduled", "upcoming", "forthcoming", "next", "tomorrow", "announce",
                "groundwork", "preparation", "pledge", "promise", "vow", "commit"}
REPORT_VERBS = {"say", "tell", "announce", "report", "add", "state", "indicate", "claim", "confirm", "note", "write",
                "according", "declare", "insist", "explain", "quote", "cite"}
WRITTEN_CUES = {"email", "e-mail", "letter", "letters", "statement", "fax", "text", "twitter", "tweet", "message"}
DENIAL_VERBS = {"deny", "dismiss", "rule"}  # "ruled out a meeting"
PHONE_CUES = {"phone", "telephone", "telephoned", "call", "phoned"}
VIDEO_CUES = {"video", "videoconference", "videolink", "zoom", "virtual", "virtually", "online"}
# Honorifics dropped from the front of a name ("President Hu Jintao" is Hu Jintao).
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "president", "prime", "minister", "king", "queen",
              "prince", "princess", "sheikh", "general", "gen", "senator", "sen", "rep", "secretary", "chancellor",
              "premier", "pope", "ayatollah", "lord", "lady", "judge", "governor", "gov", "mayor", "colonel", "col",
              "captain", "capt", "lt", "major", "admiral", "commander", "vice", "deputy", "former", "ex", "the",
              "pm", "vp", "treasurer", "prof", "professor", "presidente", "sheik", "rev", "reverend", "sgt",
              "sergeant", "ambassador", "mp", "president-elect", "vice-president", "vice-premier", "rear", "adm",
              "councillor", "councilor", "councilman", "councilwoman", "alderman", "congressman", "congresswoman",
              "lieutenant", "corporal", "cpl", "chairman"}
# Titles that mark the name they precede or stand in apposition to as a person's.
PERSON_TITLES = {"president", "minister", "premier", "chancellor", "secretary", "senator", "governor", "mayor", "king",
                 "queen", "prince", "princess", "sheikh", "mr", "mrs", "ms", "dr", "gen", "ambassador",
                 "envoy", "spokesman", "spokeswoman", "leader", "chairman", "chairwoman", "chief", "director",
                 "commissioner", "judge", "pope", "ayatollah", "emir", "sultan", "cardinal", "bishop", "colonel",
                 "captain", "admiral", "sir", "lord", "lady", "speaker", "deputy", "sen", "gov", "rep", "president-elect"}
# Words a title with no organisation or country must end in to be kept ("Senator Clinton"; not "Mr Smith").
TITLE_WORDS = (PERSON_TITLES | HONORIFICS | {"justice", "representative", "general"}) \
    - {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "the", "former", "ex", "vice", "deputy", "rear", "prime"}
# What a name before it says its bearer leads ("the Howard government", "the Clinton administration").
LED_BODIES = {"government", "administration", "cabinet", "presidency", "premiership"}
# Words that mark a name as an organisation's, not a person's ("Al Jazeera's Sinem Koseoglu" is a person).
ORG_WORDS = {"party", "organisation", "organization", "ministry", "agency", "news", "council", "committee", "union",
             "bank", "group", "front", "army", "force", "forces", "company", "corporation", "corp", "inc", "ltd",
             "association", "institute", "university", "league", "movement", "office", "department", "court",
             "assembly", "parliament", "commission", "fund", "service", "times", "post", "press", "tv", "radio",
             "center", "centre", "foundation", "society", "school", "college", "hospital", "church", "board",
             "authority", "network", "channel", "club", "institution", "government", "administration",
             "library", "museum", "memorial", "airport", "stadium", "palace", "hall", "castle", "square", "street",
             "summit", "conference", "election", "elections", "games", "festival", "cup", "war", "treaty",
             "agreement", "act", "accord", "day", "week", "plan", "program", "programme", "presse", "agence"}
DURATION = re.compile(r"\b\d+\b.*\b(years?|months?|weeks?|days?|decades?)\b(?!\s+ago)", re.I)
PRONOUNS = {"he", "she"}
FUNCTION_POS = {"ADP", "VERB", "AUX", "DET", "CCONJ", "SCONJ", "PRON"}
NAME_PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "dos", "das", "do", "van", "von", "der", "le", "la", "du", "di"}
REFLEXIVES = {"himself", "herself"}
ATTEND_VERBS = {"attend", "participate", "join"}
EVENT_NOUNS = {"event", "gathering", "reception", "ceremony", "session"}
ATTENDANCE_REACH = 600  # characters back to the meeting an attendance sentence can refer to
# Prepositions that set a meeting noun as the time of a clause ("after talks with ..."); the first ones put it later.
LATER_PREPS = {"before", "ahead", "prior"}
TIME_PREPS = LATER_PREPS | {"after", "following", "during", "since", "at"}

ENTITY_KINDS: dict[str, Kind] = {"PERSON": "Person", "ORG": "Organisation", "GPE": "Place", "LOC": "Place",
                                 "FAC": "Place", "NORP": "Country"}


@dataclass(frozen=True, slots=True)
class _Context:
    """What the rules of one article look things up in."""

    doc: Doc
    article: Article
    mention_at: dict[int, Mention]  # token index -> mention of the entity covering it
    roles: tuple[Role, ...]
    mentions: dict[str, Mention]


def extract(doc: Doc, article: Article) -> Extraction:
    """Mentions, roles and meetings of one article."""
    _join_split_names(doc)
    mention_at = _mentions(doc, article)
    mentions = {m.id: m for m in mention_at.values()}
    roles = tuple(_roles(doc, article, mention_at))
    context = _Context(doc, article, mention_at, roles, mentions)
    meetings: list[Meeting] = []
    for token in doc:
        meeting = _read_meeting(token, context) or _read_attendance(token, context, meetings)
        if meeting is not None:
            meetings.append(meeting)
    ordered = tuple(sorted(mentions.values(), key=lambda m: m.start))
    return Extraction(article=article, mentions=ordered, roles=roles, meetings=tuple(meetings))


def evidence_of(token: Token | Span, article: Article) -> Evidence:
    sent = token.sent
    return Evidence(article.id, sent.text.strip(), sent.start_char, sent.start_char + len(sent.text.rstrip()))


# --- mentions ---------------------------------------------------------------------------------------------------

def gazetteer_capital(text: str) -> str | None:
    return gazetteer().by_capital.get(fold(clean_name(text)))


def clean_name(text: str) -> str:
    """The name a mention stands for: no possessive, no leading honorific, single spaces.

    >>> clean_name("al-Assad’s"), clean_name("President  Hu Jintao"), clean_name("the Ministers’")
    ('al-Assad', 'Hu Jintao', 'Ministers')
    >>> clean_name("V.P. Cheney"), clean_name("Rear Adm. Gregory Smith"), clean_name("Councillor Chris Thompson")
    ('Cheney', 'Gregory Smith', 'Chris Thompson')
    """
    text = " ".join(re.sub(r"[\[\]{}]", " ", text).split())  # "George W.] Bush": wiki markup left in the text
    text = re.sub(r"(?:['’]s|s['’])$", lambda m: "s" if m.group(0)[0] == "s" else "", text) if len(text) > 3 else text
    words = text.split(" ")
    # Dots go: "V.P." is "vp", "Adm." is "adm".
    while len(words) > 1 and words[0].lower().replace(".", "") in HONORIFICS:
        words = words[1:]
    return " ".join(words).strip(" ,;:-")


def _in_quoted_phrase(ent: Span) -> bool:
    """Whether a name is the end of a longer phrase in single quotes ("'No Drama Obama'"): the tagger took in the
    closing quote but not the words after the opening one."""
    doc = ent.doc
    name = ent.text.rstrip("'’")
    closing = name != ent.text or (ent.end < len(doc) and doc[ent.end].text in ("'", "’"))
    if not closing or name.endswith("s"):
        return False  # "the Jones' house": a possessive
    opened = max((t.i for t in doc[ent.sent.start:ent.start] if t.text in ("'", "‘")), default=None)
    # Capitalised words between the opening quote and the name: the quoted phrase is longer than the name.
    return opened is not None and opened < ent.start - 1 \
        and all(t.text[:1].isupper() for t in doc[opened + 1:ent.start])


def _kind_of(ent: Span, person_names: set[str]) -> Kind | None:
    kind = ENTITY_KINDS.get(ent.label_)
    if kind == "Person" and any(part in ORG_WORDS for t in ent for part in t.lower_.split("-")):
        return "Organisation"  # "the UC Davis Center": a name in it does not make it a person
    if kind in ("Organisation", "Place", None) and _person_shaped(ent, person_names):
        return "Person"
    if kind == "Place" and ent.label_ == "GPE" and country_named(clean_name(ent.text)):
        return "Country"
    if kind == "Country" and not country_of_demonym(ent.text):
        return None  # "Kurdish", "Arab": groups, not countries
    return kind


def _person_shaped(span: Span, person_names: set[str]) -> bool:
    """A name the tagger missed or mistyped, that the text shows is a person's: "President Saakashvili", "Walid
    Moallem the Syrian Foreign Minister", "Al Jazeera's Sinem Koseoglu", or a name it tags as a person elsewhere."""
    words = [t for t in span if not t.is_punct and t.lower_ not in ("'s", "’s")]
    if not words or not all(t.is_title for t in words) or any(t.lower_ in ORG_WORDS for t in words) \
            or all(t.lower_ in PERSON_TITLES | HONORIFICS | {"justice"} for t in words) \
            or words[-1].lower_ in PERSON_TITLES \
            or country_named(clean_name(span.text)) or gazetteer_capital(span.text):
        return False
    if fold(clean_name(span.text)) in person_names:
        return True
    name = fold(_person_name(span.text)).split()
    if 2 <= len(name) < len(span.text.split()) and name[-1] in person_names:
        # A title or a place, then a name ("Rear Admiral Gregory Smith", "Buffalo, Byron Brown"), of someone the
        # article calls by the surname.
        return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_.rstrip(".") in PERSON_TITLES and before.head in span \
            and not before.ent_type_:  # "Martin Luther King Memorial Library": "King" ends another name
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_TITLES for c in span.root.children):
        return True
    head = span.root.head
    if span.root.dep_ in ("conj", "appos") and span.root.ent_type_ in ("", "ORG") and 2 <= len(words) <= 4 \
            and (head.ent_type_ == "PERSON" or (span.root.dep_ == "appos" and head.lemma_.lower() in PERSON_TITLES)) \
            and not any(c.dep_ == "det" for c in span.root.children):
        # A full name in a list of people ("Roberto Rodrigues, Luiz Fernando Furlan, Celso Amorim, ...") or
        # after a title ("the Prime Minister of Italy, Romano Prodi,").
        return True
    possessor = [c for c in span.root.children if c.dep_ == "poss" and c.ent_type_ == "ORG"]
    return bool(possessor) and 2 <= len(words) <= 3  # a reporter: "Al Jazeera's Sinem Koseoglu"


def _person_name(text: str) -> str:
    """A person's name without what the tagger took in with it: a leading country name ("Italy Romano Prodi" in a
    page's label line), a place before a comma ("mayor of Buffalo, Byron W. Brown"), a call sign or an acronym.

    >>> _person_name("Brazil Hu Jintao"), _person_name("Georgia Brown"), _person_name("Buffalo, Byron W. Brown")
    ('Hu Jintao', 'Georgia Brown', 'Byron W. Brown')
    >>> _person_name("WNIQ Obama"), _person_name("GEORGE W. BUSH"), _person_name('Bobby" Jindal')
    ('Obama', 'GEORGE W. BUSH', 'Bobby Jindal')
    """
    name = clean_name(text)
    if name.count('"') % 2:
        name = " ".join(name.replace('"', " ").split())  # 'Bobby" Jindal': the tagger cut a nickname's quotes
    after = name.rpartition(", ")[2]
    if len(after.split()) >= 2 and after[:1].isupper():
        name = after
    words = name.split()
    while len(words) > 1 and re.fullmatch(r"[A-Z]{2,}", words[0]) and not words[-1].isupper():
        words = words[1:]
    first, *rest = words
    return " ".join(rest) if len(rest) >= 2 and country_named(first) else " ".join(words)


def _person_names(doc: Doc) -> set[str]:
    """Folded full names and surnames of the people the tagger found: one name, one sense, in one article."""
    names = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and "\n" not in ent.text:
            name = fold(_person_name(ent.text))
            names.add(name)
            if len(name.split()) > 1:
                names.add(name.split()[-1])
    return names


def _join_split_names(doc: Doc) -> None:
    """Make one person of a first name the tagger set apart from the rest of the name ("Santosh" as an organisation
    before "Kumar Singh"), when the article also writes that first name with the surname ("Santosh Singh")."""
    person_names = _person_names(doc)
    ents, joined = list(doc.ents), False
    for i in range(len(ents) - 1):
        first, rest = ents[i], ents[i + 1]
        if first.label_ != "PERSON" and rest.label_ == "PERSON" and len(first) == 1 and first.end == rest.start \
                and first[0].is_title and first[0].whitespace_ == " " \
                and fold(f"{first.text} {rest[-1].text}") in person_names:
            ents[i], ents[i + 1], joined = None, Span(doc, first.start, rest.end, label="PERSON"), True
    if joined:
        doc.ents = [ent for ent in ents if ent is not None]


def _name_spans(doc: Doc) -> list[Span]:
    """The entities, and proper nouns outside them that may be names the tagger missed ("Prodi met ...")."""
    spans = list(doc.ents)
    covered = {t.i for ent in doc.ents for t in ent}
    for token in doc:
        if token.pos_ == "PROPN" and token.i not in covered and token.is_title and token.dep_ != "compound":
            start = token.i
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i in range(start, token.i + 1) \
                    and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and start - 1 not in covered:
                start -= 1
            spans.append(doc[start:token.i + 1])
    return sorted(spans, key=lambda span: span.start)


def _mentions(doc: Doc, article: Article) -> dict[int, Mention]:
    mention_at: dict[int, Mention] = {}
    spans = _name_spans(doc)
    person_names = _person_names(doc)
    # Names shown to be people's count for the whole article: "Romano Prodi, the President ..." makes "Prodi" a person.
    for span in spans:
        if span.label_ != "PERSON" and _person_shaped(span, person_names):
            name = fold(_person_name(span.text))
            person_names |= {name, name.split()[-1]}
    for ent in spans:
        kind = _kind_of(ent, person_names)
        if kind is None or "\n" in ent.text:
            continue
        if ent.label_ == "ORG" and _is_title_word(ent):
            continue
        if kind == "Person" and any((t.pos_ in FUNCTION_POS and t.lower_ not in NAME_PARTICLES)
                                    or any(c.isdigit() for c in t.text) for t in ent):
            continue  # "Venezuela During" (a page label run into the text), "COVID-19": not names
        if kind == "Person" and _in_quoted_phrase(ent):
            continue  # "known as 'No Drama Obama'": a nickname, not a mention of the name
        name = country_of_demonym(ent.text) if ent.label_ == "NORP" else clean_name(ent.text)
        if kind == "Person":
            name = _person_name(ent.text)
        if kind == "Country" and ent.label_ == "GPE":
            name = country_named(clean_name(ent.text))
        if not name or not any(c.isalpha() for c in name) or (kind == "Person" and name.islower()):
            continue  # "beat around the bush": a name is written with a capital
        mention = Mention(id=f"{article.id}#{ent.start_char}", text=ent.text, name=name, kind=kind,
                          start=ent.start_char, end=ent.end_char, evidence=evidence_of(ent, article))
        for token in ent:
            mention_at[token.i] = mention
    return mention_at


def _is_title_word(ent: Span) -> bool:
    """A one-word ORG inside a title ("Russian Defence Minister Sergei Shoigu") is part of the title."""
    return len(ent) == 1 and ent.root.dep_ == "compound" and ent.root.head.ent_type_ == "" \
        and ent.root.head.head.ent_type_ == "PERSON"


# --- roles --------------------------------------------------------------------------------------------------------

def _roles(doc: Doc, article: Article, mention_at: dict[int, Mention]) -> list[Role]:
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
            if of is not None or (title and title.split()[-1] in TITLE_WORDS | LED_BODIES):
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
        yield _read_title(premodifier, mention_at)
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


def _title_before(ent: Span) -> Span | None:
    """The title words written right before a name ("Russia's defence minister", "Syria's President"), when the
    parse ties them to the name."""
    doc = ent.doc
    start = ent.start
    while start > ent.sent.start:
        token = doc[start - 1]
        kind = token.ent_type_
        if kind in ("PERSON", "DATE", "TIME", "CARDINAL") or token.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ",
                                                                            "PUNCT", "PRON", "DET", "NUM"):
            break
        start -= 1
    if start == ent.start:
        return None
    phrase = doc[start:ent.start]
    tied = any(t.head in ent or any(c in ent for c in t.children) for t in phrase if t.pos_ in ("NOUN", "PROPN"))
    return phrase if tied else None


def _np_head_ending_at(ent: Span, index: int) -> Token | None:
    """The widest common-noun phrase that ends at token `index`, just before the comma and name `ent`, by its head.

    The name itself may hang from that phrase (an apposition), so it does not count as part of the phrase.
    """
    if index < 0:
        return None
    doc = ent.doc
    found = None
    for token in (doc[index], *doc[index].ancestors):
        if any(t.i > index and t not in ent and t.i != ent.start - 1 and t.i != ent.end for t in token.subtree):
            break
        if (token.pos_ == "NOUN" or token.lemma_.lower() in PERSON_TITLES) and not token.ent_type_:
            found = token
    return found


def _read_title(phrase: Span, mention_at: dict[int, Mention]) -> tuple[str, Mention | None]:
    """Split a title phrase into its title words and the organisation or country it belongs to.

    Title words end at "of" ("the head of its National Intelligence Organisation"); the first organisation or
    country in the phrase is the one the post belongs to.
    """
    words: list[str] = []
    of: Mention | None = None
    in_title = True
    for token in phrase:
        mention = mention_at.get(token.i)
        if mention is not None and mention.kind in ("Organisation", "Country"):
            of = of or mention
        elif mention is not None:
            break  # another person's name: the phrase is not this person's title
        elif token.lower_ == "of":
            in_title = False
        elif in_title and token.pos_ in ("NOUN", "PROPN", "ADJ") and token.dep_ not in ("poss", "case"):
            words.append(token.lower_)
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


# --- meetings -----------------------------------------------------------------------------------------------------

def _read_meeting(token: Token, context: _Context) -> Meeting | None:
    """The meeting `token` states, if it is a meeting predicate with at least two named parties."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in MEET_VERBS | HOST_VERBS | CALL_VERBS:
        parties, anchor = _verb_parties(token, context), token
        if lemma in HOST_VERBS | CALL_VERBS and not _has_person_object(token, context):
            return None
        if lemma in PARTY_ONLY_VERBS and not _has_party_phrase(token, context):
            return None  # "talked about X", "discussed the plan", "spoke to reporters"
        if lemma == "call" and any(c.dep_ in ("prt", "oprd", "attr", "acomp", "ccomp", "xcomp", "dative")
                                   or c.lower_ in ("for", "on") for c in token.children):
            return None  # "called for", "called on", "called off"
        if lemma == "call" and any(c.dep_ == "dobj" and c.right_edge.i > c.i for c in token.children):
            return None  # "called Alito one of the best judges": naming, not phoning
    elif token.pos_ in ("NOUN", "PROPN") and lemma in MEETING_NOUNS and token.tag_ != "VBG":
        if lemma in WITH_ONLY_NOUNS and not any(c.dep_ == "prep" and c.lower_ in WITH_ONLY_NOUNS[lemma]
                                                for c in token.children):
            return None
        if token.head.pos_ == "VERB" and token.head.lemma_.lower() in HOLD_VERBS and token.dep_ == "dobj":
            parties, anchor = _verb_parties(token.head, context) + _noun_parties(token, context), token.head
        else:
            parties, anchor = _noun_parties(token, context), token
            stated = {c.lower_ for c in token.children if c.dep_ == "prep" and c.lower_ in PARTY_PREPS}
            if (len(parties) == 1 and stated == {"with"}) or (not parties and not stated):
                # "X said a meeting with Y ...": X is the other party (not in "Zhu said Chiang's visit was
                # important"). "X and Y signed after a meeting": X and Y met, unless the noun names others they met
                # ("conversations with government sources").
                parties = _agent_of_noun(token, context, bool(parties)) + parties
    else:
        return None
    participants = _distinct(parties, context)
    if len(participants) < 2 or _negated(anchor) or _written(anchor, token) or _unknown_subject(anchor, context):
        return None
    words = [token] if anchor is token else [anchor, token]
    place, date_text = _place_and_time(anchor, token, context)
    return Meeting(
        id=f"{context.article.id}#m{token.idx:07d}",  # zero-padded: ids sort in text order
        trigger=" ".join(t.text for t in sorted(words, key=lambda t: t.i)),
        participants=tuple(p.id for p in participants),
        status=_status(anchor, token),
        mode=_mode(anchor, token),
        place=place.id if place else None,
        date_text=date_text,
        evidence=evidence_of(token, context.article),
    )


def _read_attendance(token: Token, context: _Context, earlier: list[Meeting]) -> Meeting | None:
    """People the text places at a meeting it has just reported: "Some ministers were present at the event: A, B";
    "Also present were C and D"; "E attended the meeting". They join that meeting's participants."""
    lemma = token.lemma_.lower()
    if lemma == "present" and token.dep_ == "acomp":
        verb = token.head
        places = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "at" for g in p.children
                  if g.dep_ == "pobj"]
    elif lemma in ATTEND_VERBS and token.pos_ == "VERB":
        verb = token
        places = [c for c in token.children if c.dep_ == "dobj"]
        places += [g for p in token.children if p.dep_ == "prep" and p.lower_ == "in" for g in p.children
                   if g.dep_ == "pobj"]
        if not places:
            return None
    else:
        return None
    # The place must be a meeting the text refers back to ("the event", "the meeting"), not a new one of its own.
    if any(p.lemma_.lower() not in MEETING_NOUNS | EVENT_NOUNS or not any(c.lower_ in ("the", "this", "that")
                                                                           for c in p.children) for p in places):
        return None
    previous = [m for m in earlier if token.sent.start_char - m.evidence.start < ATTENDANCE_REACH
                and m.evidence.start < token.sent.start_char]
    attendees = [m for s in verb.children if s.dep_ in ("nsubj", "nsubjpass") for m in _resolve_group(s, context)]
    if not previous or not attendees:
        return None
    meeting = previous[-1]
    participants = _distinct([context.mentions[p] for p in meeting.participants] + attendees, context)
    return replace(meeting, id=f"{context.article.id}#m{token.idx:07d}", trigger=token.text,
                   participants=tuple(p.id for p in participants), evidence=evidence_of(token, context.article))


def _has_party_phrase(verb: Token, context: _Context) -> bool:
    """A "with" phrase naming a party, or a "to" phrase naming a person ("spoke twice to Ms. Rice")."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in PARTY_PREPS | {"to"}:
            parties = [m for g in child.children if g.dep_ == "pobj" for m in _resolve_group(g, context)]
            if any(m.kind == "Person" or child.lower_ != "to" for m in parties):
                return True
    return bool(_misplaced_parties(verb, context))


def _has_person_object(verb: Token, context: _Context) -> bool:
    # The object itself must be a person, a title or a pronoun: "received 31,499 votes; Ron Forman, ..." is not.
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and not _after_colon(verb, c)
               and (c.i in context.mention_at or c.lemma_.lower() in PERSON_TITLES | {"counterpart"}
                    or c.lower_ in PRONOUNS | {"him", "her"})]
    objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in PARTY_PREPS for g in c.children]
    return any(m.kind == "Person" for o in objects for m in _resolve_group(o, context))


def _verb_parties(verb: Token, context: _Context) -> list[Mention]:
    """Subjects, objects and "with"/"between"/"along with" phrases of a meeting verb."""
    heads: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and not _after_colon(verb, child):
            heads.append(child)
        elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in PARTY_PREPS) \
                or (child.dep_ == "prep" and child.lower_ == "to" and verb.lemma_.lower() == "speak"):
            heads.extend(g for g in child.children if g.dep_ == "pobj")
        elif child.dep_ in ("prep", "advmod") and child.lower_ in ("along", "together"):
            heads.extend(g for p in child.children if p.lower_ == "with" for g in p.children if g.dep_ == "pobj")
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        heads.extend(_controller(verb) or _name_before(verb, context))
    return [mention for head in heads + _misplaced_parties(verb, context) for mention in _resolve_group(head, context)]


def _misplaced_parties(verb: Token, context: _Context) -> list[Token]:
    """The person of a party phrase the parser hung on a noun inside the verb's own phrases: on the object of
    "discuss", "negotiate", "talk" or "speak" ("discussed aid with President Jakaya Kikwete"), or on the place or time
    of any meeting verb ("is to meet in Damascus, Syria with Khaled Mashal", "was met at the airport by King Juan
    Carlos"). Not the phrase of a noun that takes its own "with" ("discussed his meeting with Y", "his ties with Y"),
    and only a name of two words or more: the tagger reads some one-word company names as people's ("deals with
    Pechiney")."""
    lemma = verb.lemma_.lower()
    if lemma not in MEET_VERBS:
        return []
    preps = {"with"} | ({"by"} if any(c.dep_ == "auxpass" for c in verb.children) else set())
    preps -= {c.lower_ for c in verb.children if c.dep_ == "prep"} | {"by" for c in verb.children if c.dep_ == "agent"}
    carriers = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "on")
                for g in c.children if g.dep_ == "pobj"]
    carriers += [c for c in verb.children if c.dep_ == "dobj" and lemma in PARTY_ONLY_VERBS]
    phrases = [t for carrier in carriers for t in carrier.subtree if t.dep_ == "prep" and t.lower_ in preps
               and t.head.lemma_.lower() not in MEETING_NOUNS | RELATION_NOUNS]
    return [g for p in phrases for g in p.children if g.dep_ == "pobj"
            and any(m.kind == "Person" and " " in m.text for m in _resolve_group(g, context))]


def _name_before(verb: Token, context: _Context) -> list[Token]:
    """A subject the parser attached elsewhere: the name written just before the verb ("..., Lazar Comanescu also
    held talks"), with only adverbs, auxiliaries and a bracket between ("In August William Delahunt (D-Mass) met")."""
    index = verb.i - 1
    while index >= verb.sent.start and context.doc[index].pos_ in ("ADV", "AUX", "PART"):
        index -= 1
    if index >= verb.sent.start and context.doc[index].text == ")":  # back over a short bracket, if it opens
        opening = next((i for i in range(index - 1, max(verb.sent.start, index - 12) - 1, -1)
                        if context.doc[i].text == "("), None)
        index = opening - 1 if opening is not None else verb.sent.start - 1
    mention = context.mention_at.get(index)
    return [context.doc[index]] if mention is not None and mention.kind != "Place" else []


def _after_colon(verb: Token, child: Token) -> bool:
    """An object after a colon is usually a list the parser misattached ("received the nomination over two
    contenders: Joshua Perkins and ...")."""
    return any(t.text in (":", ";") for t in verb.doc[verb.i + 1:child.i])


def _controller(verb: Token) -> list[Token]:
    """The subject a subjectless verb shares: "Erdogan likely to meet Assad", "X arrived and met Y"."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return [c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")] or _controller(head.head)
    if verb.dep_ in ("xcomp", "conj", "advcl", "acomp") and head is not verb:
        objects = [c for c in head.children if c.dep_ == "dobj"]
        if verb.dep_ == "xcomp" and objects and head.lemma_.lower() in ("invite", "ask", "urge", "persuade"):
            return objects  # "invited X to meet Y": X meets Y
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return subjects or _controller(head)
    return []


def _noun_parties(noun: Token, context: _Context) -> list[Mention]:
    """Parties stated in a meeting noun phrase: "talks between X and Y", "X's meeting with Y", "the summit of ..."."""
    heads: list[Token] = []
    hosts: list[Token] = []
    for child in noun.children:
        # "paid a courtesy call on the Speaker"; "the visit of Lula to Fidel Castro" (the host only if a person)
        stated = PARTY_PREPS | {"of"} | ({"on", "from"} if noun.lemma_ == "call" else set())
        if child.dep_ == "prep" and child.lower_ in stated:
            heads.extend(g for g in child.children if g.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ == "to" and noun.lemma_ == "visit":
            hosts.extend(g for g in child.children if g.dep_ == "pobj")
        elif child.dep_ == "acl" and child.tag_ == "VBN":  # "talks mediated by Kofi Annan and Jakaya Kikwete"
            heads.extend(g for a in child.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj")
        elif child.dep_ == "poss" and noun.lemma_ != "call" and not any(c.dep_ == "compound" for c in noun.children):
            heads.append(child)  # not "Dad's nomination meeting": there the possessor owns the meeting
        elif child.dep_ == "prep" and child.lower_ in ("along", "together"):
            heads.extend(g for p in child.children if p.lower_ == "with" for g in p.children if g.dep_ == "pobj")
    mentions = [mention for head in heads for mention in _resolve_group(head, context)]
    return mentions + [m for host in hosts for m in _resolve_group(host, context) if m.kind == "Person"]


def _agent_of_noun(noun: Token, context: _Context, noun_named: bool) -> list[Mention]:
    """Who had "a meeting with Y", where the noun phrase names only Y: the subject of the verb it is the object of
    ("X sought talks with Y"), of the clause it sets the time of ("after a meeting with Y, X said", "X was in talks
    with Y"), or of the verb that reports it ("X said a meeting with Y was a possibility"). `noun_named` says the noun
    phrase names a party itself; only then does "in" tie it to a clause ("X was in talks with Y", not "X, a
    negotiator in the six-party talks, ...")."""
    head = noun.head
    if noun.dep_ == "dobj":
        governor = head
    elif noun.dep_ == "pobj" and head.lower_ in TIME_PREPS | {"in"} and head.dep_ == "prep" \
            and (head.lower_ in TIME_PREPS or noun_named):
        # The phrase may hang from a noun of the clause ("stated his position ... in a phone call with Y").
        governor = next((t for t in head.ancestors if t.pos_ in ("VERB", "AUX")
                         and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)), head.head)
    elif noun.dep_ in ("nsubj", "nsubjpass") and head.dep_ == "ccomp" and head.head.lemma_.lower() in REPORT_VERBS:
        governor = head.head
    else:
        return []
    if governor.pos_ not in ("VERB", "AUX"):
        return []
    subjects = [c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")] or _controller(governor)
    agents = [m for s in subjects for m in _resolve_group(s, context)]
    if head.lower_ in ("during", "at") and noun.dep_ == "pobj":
        # "During a summit ..., the King told the President of Venezuela, Hugo Chávez, to shut up": whom one
        # addresses at a meeting, one meets there.
        agents += [m for o in governor.children if o.dep_ == "dobj" for m in _resolve_group(o, context)
                   if m.kind == "Person"]
    return agents


def _resolve_group(head: Token, context: _Context) -> list[Mention]:
    """A noun phrase and the phrases coordinated or in apposition with it, as mentions."""
    group, stack = [], [head]
    while stack:
        token = stack.pop()
        group.append(token)
        for child in token.children:
            in_brackets = child.left_edge.i > 0 and context.doc[child.left_edge.i - 1].text == "("
            negated = any(c.dep_ == "neg" for c in child.children) or context.doc[child.i - 1].lower_ == "not"
            if child.dep_ in ("conj", "appos") and not in_brackets and not negated:
                stack.append(child)  # not "Eduardo Dutra (Petrobras, president)", not "Lehrer and not McCain"
            elif child.dep_ == "prep" and child.lower_ == "including":
                stack.extend(g for g in child.children if g.dep_ == "pobj")
            elif child.dep_ == "prep" and child.lower_ in ("along", "together"):  # "Merkel, along with Sarkozy,"
                stack.extend(g for p in child.children if p.lower_ == "with" for g in p.children if g.dep_ == "pobj")
    return [m for token in sorted(group, key=lambda t: t.i) for m in _resolve(token, context)]


def _resolve(token: Token, context: _Context) -> list[Mention]:
    """The named parties a head token stands for: a name, a pronoun's antecedent, or a role's holders."""
    mention = context.mention_at.get(token.i)
    if mention is not None:
        return [mention] if mention.kind in ("Person", "Organisation", "Country") else []
    if token.lower_ in PRONOUNS:
        antecedent = _antecedent(token, context)
        return [antecedent] if antecedent else []
    if token.lower_ in ("who", "that") and token.dep_ == "nsubj" and token.head.dep_ == "relcl":
        # "Medvedev and Kokoity, who met earlier this week": the parser hangs the clause on the last conjunct;
        # with no object of its own, the clause is about them all.
        head = token.head.head
        while head.dep_ == "conj" and not any(c.dep_ == "dobj" for c in token.head.children):
            head = head.head
        return _resolve_group(head, context)
    if token.lower_ in ("his", "her") and token.dep_ == "poss":
        # "in her first meeting with President Lahoud": the subject of the clause the phrase belongs to.
        clause = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")] if clause is not None else []
        people = [m for s in subjects for m in _resolve(s, context) if m.kind == "Person"]
        return people if len(people) == 1 else []
    if token.lower_ in REFLEXIVES:
        return _reflexive_antecedent(token, context)
    if token.lower_ in ("him", "her") and token.dep_ in ("dobj", "pobj"):
        # "Putin invited Merkel to meet him": the object of a subordinate meeting is the one who asked.
        clause = next((t for t in token.ancestors if t.pos_ == "VERB"), None)
        outer = next((t for t in clause.ancestors if t.pos_ == "VERB"), None) if clause is not None else None
        subjects = [c for c in outer.children if c.dep_ == "nsubj"] if outer is not None else []
        people = [context.mention_at[s.i] for s in subjects if s.i in context.mention_at
                  and context.mention_at[s.i].kind == "Person"]
        return people[:1] if len(people) == 1 else []
    named = [context.mention_at.get(c.i) for c in token.children if c.dep_ == "compound"]
    if token.pos_ == "PROPN" and named and named[-1] is not None and named[-1].kind == "Person":
        return [named[-1]]  # "Juan Carlos I": the name hangs on the numeral
    if token.lemma_.lower() in PERSON_TITLES | {"counterpart"}:
        # "the Minister of Foreign Relations Manuel Rodríguez": the name closes the title's "of" phrase. "his
        # counterpart in that country Michele Alliot-Marie": the parser hangs the name on the phrase's own noun.
        objects = [g for p in token.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
        named = [context.mention_at.get(g.i) for g in objects if g.head.lower_ == "of"]
        named += [context.mention_at.get(a.i) for g in objects if g.head.lower_ in ("of", "in", "from")
                  and g.i not in context.mention_at for a in g.children if a.dep_ == "appos"]
        if any(m is not None and m.kind == "Person" for m in named):
            return [m for m in named if m is not None and m.kind == "Person"]
    if token.pos_ == "NOUN" or token.lemma_.lower() in PERSON_TITLES:
        return _role_holders(token, context)
    return []


def _antecedent(pronoun: Token, context: _Context, depth: int = 0) -> Mention | None:
    """The person a "he"/"she" means, when the text leaves no doubt: the person reporting the clause ("Weaver said
    he met ...", "quoted Weaver as saying he met ..."), else the subject of the sentence before, if a person."""
    before = context.doc[pronoun.sent.start:pronoun.i].text
    if sum(before.count(q) for q in '"“”') % 2:
        return None  # inside a quotation "he" is not the speaker, and the text rarely says who it is
    for governor in pronoun.head.ancestors if pronoun.dep_ == "nsubj" else ():
        if governor.lemma_.lower() in REPORT_VERBS:
            speakers = [c for c in governor.children if c.dep_ == "nsubj"]
            if not speakers and governor.dep_ in ("advcl", "pcomp", "xcomp"):
                quoting = governor.head.head if governor.head.dep_ == "prep" else governor.head
                speakers = [c for c in quoting.children if c.dep_ == "dobj"]  # "quoted X as saying"
            people = [m for s in speakers for m in _resolve_group(s, context) if m.kind == "Person"]
            if len({m.name for m in people}) == 1:  # "the former warden, Maj. David Dinenna, said he ..."
                return people[0]
            break
    sent = pronoun.sent
    if pronoun.dep_ == "nsubj" and pronoun.head is not sent.root:
        # "Napolitano visited the Parliament, where he paid a call on ...": the subject of the main clause.
        main = [context.mention_at.get(t.i) for t in _main_subjects(sent) if t.i < pronoun.i]
        if len(main) == 1 and main[0] is not None and main[0].kind == "Person":
            return main[0]
    if sent.start == 0:
        return None
    subjects = _main_subjects(context.doc[sent.start - 1].sent)
    if len(subjects) == 1 and subjects[0].lower_ == pronoun.lower_ and depth < 3:
        return _antecedent(subjects[0], context, depth + 1)  # "Hunter composed ... He also ... he met ..."
    mentions = [context.mention_at.get(t.i) for t in subjects]
    people = [m for m in mentions if m is not None and m.kind == "Person"]
    return people[0] if len(people) == 1 else None


def _main_subjects(sent: Span) -> list[Token]:
    """The subjects of a sentence's main verb, or of that verb's auxiliary when the parser hangs them there ("X had,
    on Tuesday, visited France")."""
    root = sent.root
    return [t for h in (root, *[c for c in root.children if c.dep_ in ("aux", "auxpass")]) for t in h.children
            if t.dep_ in ("nsubj", "nsubjpass")]


def _reflexive_antecedent(pronoun: Token, context: _Context) -> list[Mention]:
    """"himself" is the one person who is the subject or the agent ("by Hill") of its clause."""
    clause = next((t for t in pronoun.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if clause is None:
        return []
    heads = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    heads += [g for c in clause.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    people = [context.mention_at[h.i] for h in heads if h.i in context.mention_at
              and context.mention_at[h.i].kind == "Person"]
    return people if len(people) == 1 else []


def _role_holders(noun: Token, context: _Context) -> list[Mention]:
    """People the article names for a role-only phrase: "the defence ministers of Russia, Turkey and Syria"."""
    places: list[Mention] = []
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "poss") or (child.dep_ == "prep" and child.lower_ == "of"):
            for token in [child, *child.subtree] if child.dep_ == "prep" else [child, *child.conjuncts]:
                mention = context.mention_at.get(token.i)
                if mention is not None and mention.kind in ("Country", "Organisation") and mention not in places:
                    places.append(mention)
    if not places:
        return []
    modifiers = [c.lower_ for c in noun.lefts if c.dep_ == "compound" and not c.ent_type_]
    head = noun.lemma_.lower()
    holders = []
    for place in places:
        people = {context.mentions[r.holder].name for r in context.roles
                  if r.of is not None and context.mentions[r.of].name == place.name
                  and r.title.split()[-1:] == [head] and all(m in r.title.split() for m in modifiers)}
        if len(people) == 1:
            name = people.pop()
            holders.append(next(m for m in context.mentions.values() if m.name == name and m.kind == "Person"))
    return holders


def _distinct(parties: list[Mention], context: _Context) -> list[Mention]:
    seen: set[tuple[str, str]] = set()
    distinct = []
    for mention in parties:
        key = (mention.kind, mention.name.casefold())
        if key not in seen:
            seen.add(key)
            distinct.append(mention)
    return distinct


def _governors(anchor: Token) -> list[Token]:
    """The predicate and the words that govern it, up to the clause that reports it: "agreed to meet", "is likely to
    meet", "the meeting was a possibility"."""
    chain = [anchor]
    token = anchor
    while len(chain) < 5:
        # A verb joined to another governs with it ("will arrive and meet"), unless it has a subject of its own:
        # "The party will not contest the seat, and its leader met Mr. Davis" is no denial of the meeting.
        verbal = token.dep_ in ("xcomp", "ccomp", "acomp", "pcomp") or (
            token.dep_ == "conj" and token.head.pos_ == "VERB"
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children))
        argument = token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")
        purpose = token.dep_ == "pobj" and token.head.lower_ in ("for", "to")  # "the groundwork for talks"
        if not (verbal or argument or purpose) or token.head.lemma_.lower() in REPORT_VERBS:
            break
        token = token.head.head if purpose else token.head
        chain.append(token)
    return chain


def _status(anchor: Token, trigger: Token) -> Status:
    cues: set[str] = set()
    governors = _governors(anchor)
    for token in {*governors, trigger}:
        if token not in (anchor, trigger):  # "paid a courtesy call": the predicate is no cue of its own status
            cues.add(token.lemma_.lower())
        cues.update(c.lemma_.lower() for c in token.children
                    if c.dep_ in ("aux", "auxpass", "acomp", "attr", "amod", "advmod", "prt", "npadvmod"))
        cues.update(c.lower_ for c in token.children if c.dep_ in ("aux", "amod"))
    if trigger.dep_ == "pobj" and trigger.head.lower_ in LATER_PREPS:
        cues.add("upcoming")  # "before their talks with Bush": the talks come after what the sentence reports
    if any(t.tag_ == "VB" and any(c.lower_ == "to" and c.dep_ == "aux" for c in t.children) for t in governors):
        cues.add("upcoming")  # "flies tomorrow to meet Bush": an intention, not a meeting that took place
    if cues & CANCELLED_CUES:
        return "cancelled"
    if cues & POSSIBLE_CUES:
        return "possible"
    if cues & PLANNED_CUES:
        return "planned"
    return "held"


def _written(anchor: Token, trigger: Token) -> bool:
    """"spoke to John Key via email", "called Mr. Libby in a written statement": not a conversation."""
    return any(t.lower_ in WRITTEN_CUES for t in (*anchor.children, *trigger.children)
               for t in (t, *t.children))


def _unknown_subject(anchor: Token, context: _Context) -> bool:
    """A subject the article does not name ("Officials met with A and B", "America's chief diplomat met with A as
    well as with B"): whoever it is met the others, who need not have met each other."""
    subjects = [c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")] if anchor.pos_ == "VERB" else []
    return bool(subjects) and not any(_resolve_group(s, context) for s in subjects)


def _negated(anchor: Token) -> bool:
    """"did not meet", "denied having met": the text says the meeting did not happen."""
    governors = _governors(anchor)
    return any(c.dep_ == "neg" for token in governors for c in token.children) \
        or any(token.lemma_.lower() in DENIAL_VERBS for token in governors[1:])


def _mode(anchor: Token, trigger: Token) -> Mode:
    words = {t.lower_ for t in (*anchor.subtree, *trigger.subtree)} | {anchor.lemma_.lower(), trigger.lemma_.lower()}
    if words & VIDEO_CUES:
        return "video"
    if words & PHONE_CUES and (anchor.lemma_.lower() in CALL_VERBS or words & {"phone", "telephone", "phoned"}):
        return "phone"
    if anchor.lemma_.lower() in MEET_VERBS | HOST_VERBS or trigger.lemma_.lower() in ("summit", "visit"):
        return "in_person"
    return "unknown"


def _place_and_time(anchor: Token, trigger: Token, context: _Context) -> tuple[Mention | None, str | None]:
    """The place ("in Moscow", "at the Kremlin") and time ("on Wednesday") attached to the predicate."""
    place, date_text = None, None
    for head in dict.fromkeys((anchor, trigger)):
        for child in head.children:
            objects = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else [child]
            for obj in objects:
                mention = context.mention_at.get(obj.i)
                if place is None and child.dep_ == "prep" and child.lower_ in ("in", "at") and mention is not None \
                        and mention.kind in ("Place", "Country"):
                    place = mention
                if date_text is None and obj.ent_type_ in ("DATE", "TIME") and child.dep_ in ("prep", "npadvmod"):
                    span = next(e for e in context.doc.ents if e.start <= obj.i < e.end)
                    if not DURATION.search(span.text):
                        date_text = span.text
    return place, date_text
