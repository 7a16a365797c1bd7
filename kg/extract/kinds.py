"""A person's name is decided by the whole article, not by one tag.

The tagger calls a name PERSON one mention at a time, and calls browsers, shuttles, roads and substances persons
("Firefox", "Space Shuttle Atlantis", "Castlefrank Road", "Iodine"). A name keeps the Person kind when any of its
mentions in the article shows a person: a title or honorific before it, a first name of the census list opening it,
an apposition that describes a person ("X, 45,", "X, a spokesman"), a verb only people do ("died", "resigned", "was
born"), or, for a full name, its surname used alone as a person. Without such a cue, a mention the article also
writes as an organisation, a place or a product, or writes like a thing ("the Firefox browser", "the Space Shuttle
Atlantis", "the film Easy Rider", "Internet Explorer 6"), or names as a firm ("Sanwa" of "Sanwa Bank Ltd", "Firefox"
of "Mozilla Firefox"), is no person, and one written as a news outlet ("the Chosun Ilbo newspaper", "Yonhap quoted";
"Wikinews" always; "the newspaper Aftenposten", "Cambio and Semana magazines") is an organisation; so is one given a
firm's noun ("Petronas, the state oil company", "Greenwood shareholders") or holding a body's word ("Gang Enforcement
Unit"); a city's name (GeoNames) written as a place, or a name given a place's noun ("the electorate of Higgins",
"Ras Kamboni, a remote island", "Hakkari province") or ending in one ("Genesee County"), is a place's; so is one
listed only with places ("the cities of Mérida, Maracaibo and Valencia"), and one listed only with peoples is no
person ("Croats as well as Serbs"); nor is a name written only after "in" or where one travels to ("a bomb in Tuz
Khurmatu", "moved to Dahuk"), an acronym in capitals ("MONUC"), a one-word name the tagger reads as a common noun
wherever it stands, or one written only at the start of sentences and in lower case elsewhere ("Riot police ..."). A
firm's legal form after a name, or a body's word ending it, outweighs a first name ("James Capel and Co", "Morgan
Stanley International"). A name of one word needs a cue of its own ("Ivanov added", "the Hitler era", "McNeill's
arrival", "Kowalczyk, who chairs ...") or a meeting it takes part in ("the meeting between Baker and Lawson"): one
word alone is as often a firm's, a place's or a thing's ("Aljazeera has aired ...", "a fiscal Himalaya"). A name in
brackets after a person's ("Tony Abbott (Liberal, Warringah)") is a party, a seat or the same person's other name; a
web address is a site's whatever is said of it; a programme's or a bulletin's name ("Larry King Live") is an
outlet's; a name of words the text also writes in lower case ("Resisting Arrest") is no one's. The other way round,
the name a person goes by, written alone and tagged a place or a body, is theirs: "Thaksin" of Prime Minister Thaksin
Shinawatra, "Wang" of Wang Bingqian (surname first), not a census first name alone, a country's or a city's. Each
change is kept with its reason (`KindChange`), for the report.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kg.countries import country_named, fold
from kg.extract.lexicon import (
    BODY_WORDS,
    FIRM_WORDS,
    LED_BODIES,
    MEDIA_WORDS,
    MEET_VERBS,
    MEETING_NOUNS,
    ORG_WORDS,
    OUTLET_NAMES,
    OUTLET_NOUNS,
    PARTY_PREPS,
    PERSON_NOUNS,
    PLACE_NOUNS,
    PLACE_WORDS,
    PROGRAMME_WORDS,
    WORK_NOUNS,
    cities,
    first_names,
    legal_forms,
)
from kg.extract.names import tagged_person_names, words_in_lower_case
from kg.names import HONORIFICS, PERSON_TITLES
from kg.records import Kind, KindChange, Mention

# Verbs whose subject is a person, not an organisation that "said" or "announced" something (lemmas), by voice:
# "X resigned", "X was born"; not "the shuttle was retired".
PERSON_VERBS = {"nsubj": {"die", "resign", "marry", "retire", "graduate", "smile", "laugh", "weep", "cry", "visit",
                          "meet"},
                "nsubjpass": {"bear", "kill"}}
TITLES = (PERSON_TITLES | HONORIFICS) - {"the", "former", "ex"}
# Verbs of speaking in person, whose one-word subject is a person's surname: "Ivanov added"; not "announced" or
# "reported", which firms and agencies do as often.
SPEAKING = {"say", "tell", "add", "explain", "insist", "stress", "reply", "ask", "state", "argue", "admit"}
# Nouns a person's name modifies: "the Bush administration", "the Saddam Hussein trial" are no things.
OWNED = LED_BODIES | {"trial", "campaign", "era", "years", "family", "case", "affair", "doctrine", "visit", "speech",
                      "interview", "regime", "camp", "team", "estate", "murder", "killing", "assassination",
                      "funeral", "plan", "proposal", "presidency", "tenure", "legacy", "policy", "policies", "aides"}
# Nouns only a person's name modifies: "the Hitler era", "the Bush years", "Greenspan's tenure"; not "the Dujail
# case" or "the Gacaca trial", which places and bodies have too. A government is a person's when the name is written
# before it as a compound ("the Kohl government"), not as an owner ("Goa's government").
PERSON_OWNED = {"era", "years", "presidency", "premiership", "tenure", "legacy", "funeral", "assassination", "speech",
                "interview", "doctrine", "aides", "regime", "affair", "estate"}
# What only a person has, by possessive: "McNeill's arrival", "Soros's son".
KIN_AND_LIFE = {"wife", "husband", "son", "daughter", "father", "mother", "brother", "sister", "widow", "arrival",
                "departure", "death", "resignation", "appointment", "birthday", "body", "life"}
# Nouns a party's or a firm's name modifies ("the Kadima party"); not a person's ("the Bush administration").
BODY_NOUNS = {"party", "alliance", "movement", "coalition", "faction", "firm", "company", "militia", "group"}
# Nouns that describe a firm or a body in apposition ("Petronas, the state oil company"), and nouns a firm's name
# modifies ("Krupp shares", "a Telefonica subsidiary"); a person's name does neither.
BODY_APPOSITIONS = BODY_NOUNS | {"maker", "producer", "manufacturer", "carrier", "airline", "bank", "conglomerate",
                                 "retailer", "utility", "insurer", "pollster", "subsidiary", "giant", "corporation",
                                 "concern", "operator", "supplier", "brewer", "chain", "organisation", "organization"}
FIRM_HEADS = {"share", "stock", "subsidiary", "shareholder", "stake", "plant", "affiliate"}
# Prepositions of place: a name that only follows them is a place's ("in Göttingen"), not "with Smith", "by Smith".
WHERE = {"in", "near", "outside", "throughout", "across", "around"}
PLACE_PREPOSITIONS = WHERE | {"at", "from", "to", "into"}  # "flew to Shiraz", with a city's name
# Verbs of going: where one travels "to" or comes "from" is a place ("travelling to Blackburn"), not "talked to Smith".
GOING = {"travel", "fly", "return", "move", "drive", "sail", "walk", "march", "head", "relocate", "flee",
         "evacuate", "deport", "transfer", "commute", "journey", "emigrate", "immigrate"}
# Other tags a mention of the same name may carry, and the kind they make it when nothing shows a person.
# Not WORK_OF_ART: the tagger gives it to people's names in quoted or bylined text.
OTHER_TAGS: dict[str, Kind | None] = {"ORG": "Organisation", "GPE": "Place", "LOC": "Place", "FAC": "Place",
                                      "PRODUCT": None, "EVENT": None, "LAW": None, "LANGUAGE": None}


WEB_ADDRESS = re.compile(r"\.(?:com|org|net)\b")  # in a folded name: "upsidedownworld.org"


def settle_kinds(doc: Doc, mention_at: dict[int, Mention]) -> tuple[dict[int, Mention], list[KindChange]]:
    """The mentions with Person kept only for names the article shows to be people's, and the changes made."""
    spans: dict[str, list[Span]] = {}  # folded person name -> its mentions' spans
    for mention in {m.id: m for m in mention_at.values()}.values():
        if mention.kind == "Person":
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                spans.setdefault(fold(mention.name), []).append(span)
    # The tagger's own vote (names and surnames it calls PERSON anywhere): what made names.py promote a mention
    # tagged otherwise, so no cue of its own ("Discovery", tagged PERSON once and PRODUCT once).
    tagged_people = tagged_person_names(doc)
    firms = _firm_names(doc)
    shown = {key for key, mentions in spans.items()
             if any(_shows_person(span, key, tagged_people, firms) for span in mentions)}
    # A full name with a place's or a thing's word and no person cue is no person, nor is its last word by it alone.
    things = {key for key, mentions in spans.items() if key not in shown and any(map(_a_things_name, mentions))}
    # A city's name of several words: not a full name whose last word is a surname ("Navi Mumbai ... Mumbai").
    places = {key for key, mentions in spans.items() if key not in shown and len(key.split()) > 1
              and _a_city(key, mentions)}
    # Surnames, and given names for names written surname first ("Qin Gang ... Qin said").
    surnames = {word for key in spans if len(key.split()) > 1 and key not in things | places
                for word in (key.split()[0], key.split()[-1], re.sub(r"^(?:al|el)-", "", key.split()[-1]))}
    tags = _other_tags(doc, firms)
    lower = words_in_lower_case(doc.text)
    decided: dict[str, KindChange] = {}
    for key, mentions in spans.items():
        if key in OUTLET_NAMES:
            decided[key] = KindChange(mentions[0].text, "Organisation", "a news outlet's name")
            continue
        if WEB_ADDRESS.search(key):  # "told UpsideDownWorld.org": a site, whatever is said of it
            decided[key] = KindChange(mentions[0].text, "Organisation",
                                      "a web address, which outweighs what shows a person")
            continue
        if all(_in_brackets_after_a_person(span) for span in mentions):
            # "Tony Abbott (Liberal, Warringah)", "Peter Vander Zaag (Christian Heritage)", "James (Jim) Hedges": a
            # party, a seat or the same person's other name, in brackets after a person's name, is no other person
            decided[key] = KindChange(mentions[0].text, None, "in brackets after a person's name, and nothing shows "
                                                               "a person of its own")
            continue
        if key in things:
            decided[key] = KindChange(mentions[0].text, None, "a place's or a thing's word or an owner's 's in "
                                                               "it, and nothing shows a person")
            continue
        if key in places:
            decided[key] = KindChange(mentions[0].text, "Place", "a city's name (GeoNames), and nothing shows a "
                                                                 "person")
            continue
        if key in shown or (len(key.split()) > 1 and key.split()[-1] in spans and key.split()[-1] not in things):
            continue  # a person cue, or "Tiziano Lugli ... Lugli said": a surname used alone is a person's
        if key in surnames or (len(key.split()) == 1 and _written_after_a_name(doc, mentions[0].text)):
            continue  # the surname of a full name the article writes ("Carly Simon ... Simon")
        if outlet := next((why for span in mentions if (why := _written_as_outlet(span))), None):
            decided[key] = KindChange(mentions[0].text, "Organisation", f"a news outlet ({outlet}), and nothing shows "
                                                                        f"a person")
        elif body := next((why for span in mentions if (why := _written_as_body(span))), None) \
                or next((f"\"{w}\" in it" for w in key.split() if w in BODY_WORDS), None):
            decided[key] = KindChange(mentions[0].text, "Organisation", f"written as a party or a firm ({body}), and "
                                                                        f"nothing shows a person")
        elif len(key.split()) > 1 and key.split()[-1] in PLACE_NOUNS and key.split()[0] not in first_names():
            # "Ninawa Governorate", "Durham Riding", "Genesee County"; not "John Parish", a first name's
            decided[key] = KindChange(mentions[0].text, "Place", f"a place's noun ends it (\"{key.split()[-1]}\"), and "
                                                                 f"nothing shows a person")
        elif key in tags:
            kind = OTHER_TAGS[tags[key]]
            decided[key] = KindChange(mentions[0].text, kind, f"also tagged {tags[key]}, and nothing shows a person")
        elif among := next((found for span in mentions if (found := _listed_with_places(span))), None):
            decided[key] = KindChange(mentions[0].text, among[0], f"listed with {among[1]}, and nothing shows a "
                                                                 f"person")
        elif place := next((why for span in mentions if (why := _written_as_place(span))), None):
            decided[key] = KindChange(mentions[0].text, "Place", f"written as a place ({place}), and nothing shows a "
                                                                  f"person")
        elif all(_acronym(span) for span in mentions):  # "enabling MONUC to reinforce ...", "ran for MLA"
            decided[key] = KindChange(mentions[0].text, None, "an acronym, and nothing shows a person")
        elif _a_city(key, mentions):  # "riots in Guwahati": a city the tagger calls a person
            decided[key] = KindChange(mentions[0].text, "Place", "a city's name (GeoNames), and nothing shows a "
                                                                 "person")
        elif all(_after_where(span) for span in mentions):
            # "a bomb in Tuz Khurmatu", "studied law in Göttingen": mostly places the gazetteer does not know, but
            # also languages, cases and papers ("in Pashto", "in Kelo", "in Al-Qabas"): no kind is given
            where = mentions[0].root.head.text
            decided[key] = KindChange(mentions[0].text, None, f"only written after \"{where}\", and nothing shows a "
                                                              f"person")
        elif thing := next((why for span in mentions if (why := _written_as_thing(span))), None):
            decided[key] = KindChange(mentions[0].text, None, f"written as a thing ({thing}), and nothing shows a "
                                                               f"person")
        elif len(key.split()) == 1 and all(span.root.pos_ in ("ADJ", "NOUN") for span in mentions):
            # "Groundwater is ...", "Roasters are ...": a word the tagger reads as a common one wherever it stands
            decided[key] = KindChange(mentions[0].text, None, "one word read as a common noun or adjective in every "
                                                               "mention, with nothing that shows a person")
        elif len(key.split()) > 1 and (words := {t.lower_ for t in mentions[0] if t.is_alpha}) and words <= lower:
            # "Deep Blue", "Aboriginal Sovereignty": every word of it is one the text also writes in lower case
            decided[key] = KindChange(mentions[0].text, None, "every word of it written in lower case elsewhere, "
                                                               "with nothing that shows a person")
        elif len(key.split()) == 1 and re.search(rf"\b{re.escape(key)}\b", doc.text) \
                and (all(span.start == span.sent.start for span in mentions) or _common_word(mentions)):
            # "Riot police ...", "Earmarks added ...": capitalised only as the first word of its sentences, and
            # written in lower case elsewhere; not "Gibbs ended the run", a surname
            decided[key] = KindChange(mentions[0].text, None, "one word, only at the start of sentences, with "
                                                               "nothing that shows a person")
        elif len(key.split()) == 1 and not any(_party_to_a_meeting(span) for span in mentions):
            # "Aljazeera has aired ...", "General Tire employees", "a fiscal Himalaya": a name of one word is a
            # person's when something shows it (a title, a first name, a full name it is the surname of, a verb or
            # a pronoun of a person) or when it meets someone and nothing above says otherwise ("the meeting
            # between Baker and Lawson"); one word alone is as often a firm's, a place's or a thing's
            decided[key] = KindChange(mentions[0].text, None, "one word, with nothing that shows a person")
    # The name a person goes by, written alone and tagged a place or a body: "Thaksin" of Prime Minister Thaksin
    # Shinawatra, "Wang" of Wang Bingqian (surname first); a census first name alone may be anyone's ("Scott").
    given = {key.split()[0]: mentions[0].text for key, mentions in spans.items()
             if key in shown and key not in decided and len(key.split()) > 1}
    for mention in mention_at.values():
        word = fold(mention.name)
        if mention.kind in ("Place", "Organisation") and word in given and word not in first_names() \
                and not country_named(mention.name) and word not in cities() and word not in decided:
            decided[word] = KindChange(mention.text, "Person", f"the name {given[word]} goes by, written alone")
    if not decided:
        return mention_at, []
    settled = {}
    for index, mention in mention_at.items():
        change = decided.get(fold(mention.name))
        # a person's name changes whatever it becomes; a place's or a body's only into a person's ("Thaksin")
        if change is None or not (mention.kind == "Person"
                                  or (change.kind == "Person" and mention.kind in ("Place", "Organisation"))):
            settled[index] = mention
        elif change.kind is not None:
            settled[index] = Mention(mention.id, mention.text, mention.name, change.kind, mention.start, mention.end,
                                     mention.evidence)
    return settled, sorted(decided.values(), key=lambda c: c.name)


def _a_city(key: str, mentions: list[Span]) -> bool:
    """Whether a name is a city's more likely than a surname: a city's name of several words that does nothing a
    person does ("Kota Kinabalu", not "Saint Paul said"); one word, of a city of 300,000 or more, written where a
    place goes ("riots in Guwahati", "from Shiraz"; not "Obama", "Harper", towns of Japan and Canada, nor "Kennedy"
    alone)."""
    population = cities().get(key, 0)
    doing = SPEAKING | PERSON_VERBS["nsubj"]
    if not population or any(span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in doing for span in mentions):
        return False  # "Saint Paul said"; not "crop areas in Cordoba, Santa Fe, and Buenos Aires received ..."
    if len(key.split()) > 1:
        return key.split()[0] not in ("saint", "st")
    return population >= 300_000 and any(span.root.dep_ == "pobj" and span.root.head.lower_ in PLACE_PREPOSITIONS
                                         for span in mentions)


def _a_things_name(span: Span) -> bool:
    """A place's or a thing's word in the name ("Castlefrank Road") or an owner inside it ("Queen's Park"): no
    person's name."""
    return any({t.lower_, t.lower_.removesuffix("s")} & PLACE_WORDS or (t.lower_ in ("'s", "’s") and t.i < span.end - 1)
               for t in span)


def _party_to_a_meeting(span: Span) -> bool:
    """"the meeting between Baker and Lawson", "talks with Gorbachev", "met Lawson"."""
    owner = span.root.head if span.root.dep_ == "conj" else span.root
    return (owner.dep_ == "pobj" and owner.head.lower_ in PARTY_PREPS
            and owner.head.head.lemma_.lower() in MEETING_NOUNS | MEET_VERBS) \
        or (owner.dep_ == "dobj" and owner.head.lemma_.lower() in MEET_VERBS)


def _in_brackets_after_a_person(span: Span) -> bool:
    """"Tony Abbott (Liberal, Warringah)": the name fills brackets opened right after a person's name."""
    doc = span.doc
    close = next((t for t in doc[span.end:span.end + 6] if t.text in (")", "(")), None)
    return span.start >= 2 and doc[span.start - 1].text == "(" and doc[span.start - 2].ent_type_ == "PERSON" \
        and close is not None and close.text == ")"


def _after_where(span: Span) -> bool:
    """Whether a name is written where a place goes: after "in", "near", ... ("a bomb in Tuz Khurmatu"), or after "to"
    or "from" with a verb of going ("travelled from Munsan", "evacuated to Boulogne"); not "go", as "the medal
    went to Abderrahman Samba" goes to a person."""
    root = span.root
    if root.dep_ != "pobj":
        return False
    return root.head.lower_ in WHERE or (root.head.lower_ in ("to", "from") and root.head.head.lemma_ in GOING)


def _other_tags(doc: Doc, firms: set[str]) -> dict[str, str]:
    """Folded name -> the first other tag the tagger gives a mention of it, or the last word of a product's or a
    firm's name, or a firm's short name."""
    found: dict[str, str] = {}
    tagged = [ent for ent in doc.ents if ent.label_ in OTHER_TAGS and ent[-1].tag_ != "POS"]  # not "Suu Kyi's"
    for ent in tagged:
        found.setdefault(fold(ent.text.removeprefix("the ").removesuffix("'s")), ent.label_)
    for ent in tagged:
        if ent.label_ in ("ORG", "PRODUCT") and len(ent) > 1 and all(t.pos_ == "PROPN" for t in ent):
            # a product or a firm named by its last word: "Mozilla Firefox ... after Firefox", "Google Chrome"
            found.setdefault(fold(ent[-1].text), ent.label_)
    for short in firms:
        found.setdefault(short, "ORG")
    return found


def _firm_names(doc: Doc) -> set[str]:
    """Folded short names of the firms the article names in full: "Sanwa" of "Sanwa Bank Ltd", "Saha" of "Saha
    Airlines"."""
    short = set()
    for ent in doc.ents:
        end = ent.end
        while end > ent.start + 1 and (doc[end - 1].lower_.replace(".", "") in FIRM_WORDS
                                       or doc[end - 1].lower_.replace(".", "") in legal_forms()):
            end -= 1
        if ent.label_ == "ORG" and end < ent.end:
            short.add(fold(doc[ent.start:end].text.removeprefix("the ")))
    return short


def _written_after_a_name(doc: Doc, word: str) -> bool:
    """Whether the text writes `word` after a capitalised word that is no title, inside a sentence: the surname of
    a full name the tagger did not call a person ("Dries Mertens", "Enver Solomon")."""
    for match in re.finditer(rf"(?<=[a-z,;] )([A-Z][\w'-]+) {re.escape(word)}\b", doc.text):
        before = match.group(1).lower().rstrip(".")
        if before not in PERSON_TITLES | HONORIFICS | ORG_WORDS | PLACE_WORDS | {"the", "a", "an"} \
                and not before.endswith(("'s", "’s")):  # "Israel's Maariv": an owner, not a first name
            return True
    return False


def _shows_person(span: Span, key: str, tagged_people: set[str], firms: set[str]) -> bool:
    doc = span.doc
    words = key.split()
    if _acronym(span):
        return False  # "MONUC said", "MLA": an acronym, whatever the verb; a title before one is a title's tail
    if _named_as_work(span) or _legal_form_after(span):
        return False  # "the film Easy Rider", "James Capel and Co": not a first name's person
    if _before_a_place_noun(span.root) or (len(words) > 1 and words[-1] in PLACE_NOUNS):
        return False  # "Al Basrah province", "Jefferson Parish": a place's name, though it opens with a first name
    if words[-1] in BODY_WORDS | PROGRAMME_WORDS and len(words) > 1:
        # "Morgan Stanley International", "Lehman Brothers Group", "Larry King Live": a first name in a body's or a
        # programme's name
        return False
    if words[0] in first_names():
        return True  # "Gloria", "Johnnie Christmas"
    if any(t.ent_type_ not in ("PERSON", "") for t in span) and key not in tagged_people:
        return True  # a name tagged otherwise, that its context showed to be a person's (names.py)
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_.replace(".", "") in TITLES:
        return True
    if any(t.lower_.replace(".", "") in TITLES and t.nbor().lower_ not in ("'s", "’s") for t in span[:-1]):
        return True  # "President Hu Jintao", "V.P. Cheney" tagged with the title
    root = span.root
    if len(words) == 1 and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in root.children):
        return False  # "his Blackberry": a thing one has, whatever follows ("... and he smiled")
    for child in root.children:
        if child.dep_ == "appos" and (child.like_num or child.lemma_.lower() in PERSON_NOUNS):
            return True  # "X, 45,", "X, a spokesman"
    if root.dep_ == "appos" and root.head.lemma_.lower() in PERSON_NOUNS:
        return True  # "the company's founder, X"
    if root.head.lemma_.lower() in PERSON_VERBS.get(root.dep_, ()):
        return True
    owner = root.head if root.dep_ == "conj" else root  # "the Khomeini and Hitler eras"
    one = len(words) == 1 and not any(c.dep_ == "det" for c in root.children)  # not "the Houthis", "the Trumps'"
    if one and owner.dep_ in ("compound", "poss", "nmod") and owner.head.lemma_.lower() in PERSON_OWNED:
        return True  # "the Hitler era", "Greenspan's tenure": what only a person has
    if one and owner.dep_ == "compound" and owner.head.lemma_.lower() in LED_BODIES | {"campaign", "trial"}:
        return True  # "the Bush administration", "the McCain campaign", "the Milosevic trial"; not "Goa's government"
    if one and owner.dep_ == "compound" and owner.head.lemma_.lower() in MEETING_NOUNS \
            and any(t.text in ("-", "–") for t in (doc[span.start - 1], doc[min(span.end, len(doc) - 1)])):
        return True  # "the Reagan-Gorbachev summit"; not "the Taupo meeting"
    if one and owner.dep_ == "poss" and owner.head.lemma_.lower() in KIN_AND_LIFE:
        return True  # "McNeill's arrival", "Mugabe's wife"
    if one and any(c.dep_ == "relcl" and any(w.lower_ in ("who", "whom", "whose") for w in c.children)
                   for c in root.children):
        return True  # "Eyskens, who has described Belgium as ..."
    if len(words) == 1 and root.dep_ not in ("pobj", "compound", "amod", "nmod") \
            and any(t.lower_ in ("he", "she", "his", "her", "him") for t in doc[span.end:span.sent.end]):
        return True  # "Mukherjee had visited France, where he had talks": a thing is no "he" ("In Aftenposten he")
    # "Smith said", "Ivanov added": a person, unless the article names a firm so ("Sanwa Bank Ltd ... Sanwa said");
    # a verb of speaking other than say or tell, when it reports words ("Ivanov added", not "Earmarks added into")
    verb = root.head
    speaks = verb.lemma_.lower() in ("say", "tell") or (
        verb.lemma_.lower() in SPEAKING and (any(c.dep_ == "ccomp" for c in verb.children)
                                             or any(t.is_quote for t in span.sent)))
    return root.dep_ in ("nsubj", "nsubjpass") and len(words) == 1 and speaks \
        and not _written_as_thing(span) and key not in firms


def _acronym(span: Span) -> bool:
    """One word in capitals ("MONUC", "MLA", "NATO"), in a text not written all in capitals."""
    return len(span) == 1 and len(span.text) >= 2 and span.text.isupper() and span.text.isalpha() \
        and not span.sent.text.isupper()


def _written_as_outlet(span: Span) -> str | None:
    """How the text shows a name is a news outlet's: a media word in it ("Chugoku Shimbun", "Jiji"), or the noun it
    modifies ("the Veja magazine"), or quoting someone ("Yonhap quoted him as saying")."""
    if any({word, word.removesuffix("s")} & MEDIA_WORDS for t in span for word in t.lower_.split("-")) \
            or span[-1].lower_.removesuffix("s") in OUTLET_NOUNS \
            or (len(span) > 1 and span[-1].lower_ in PROGRAMME_WORDS):  # "Cox Newspapers", "Mike Duffy Live"
        return "a media word in the name"  # "Jyllands-Posten" too
    root = span.root
    if root.dep_ in ("compound", "nmod") and root.head.lemma_.lower() in OUTLET_NOUNS:
        return f"\"{span.text} {root.head.text}\""
    if root.dep_ == "conj" and root.head.dep_ in ("compound", "nmod") \
            and root.head.head.lemma_.lower() in OUTLET_NOUNS:
        return f"\"... and {span.text} {root.head.head.text}\""  # "Cambio and Semana magazines"
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.is_lower and before.lemma_.lower() in OUTLET_NOUNS \
            and span.doc[before.i - 1].lower_ not in ("a", "an") and (before.head == root or root.head == before):
        return f"\"{before.text} {span.text}\""  # "the Norwegian newspaper Aftenposten"; not "a daily Aspirin"
    if root.dep_ == "appos" and root.head.is_lower and root.head.lemma_.lower() in OUTLET_NOUNS \
            and root.head.i < span.start:
        return f"\"{root.head.text}, {span.text}\""  # "her left-wing newspaper, Il Manifesto"
    if root.dep_ == "nsubj" and root.head.lemma_.lower() == "quote":
        return f"\"{span.text} {root.head.text}\""
    return None


def _common_word(mentions: list[Span]) -> bool:
    """Whether a one-word name is a common word the tagger capitalised into a name: "Training" in "Education and
    Training", "Presidential" in "Vice Presidential nominee" (a noun's modifier or a title's tail)."""
    return all(span.root.pos_ in ("ADJ", "NOUN") or span.root.dep_ in ("amod", "compound") for span in mentions)


def _written_as_body(span: Span) -> str | None:
    """The noun of a party or a firm the name modifies: "the centrist Kadima party", "the Wildrose alliance"."""
    root = span.root
    if root.dep_ == "compound" and root.head.lemma_.lower() in BODY_NOUNS | FIRM_HEADS and root.head.is_lower:
        return f"\"{span.text} {root.head.text}\""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.is_lower and before.lemma_.lower() in BODY_NOUNS and before.head == root:
        return f"\"{before.text} {span.text}\""  # "the conservative-liberal party Citizens Platform"
    holding = root.head.head if root.dep_ == "pobj" and root.head.lower_ in ("of", "in") else None
    if holding is not None and holding.is_lower and holding.lemma_.lower() in FIRM_HEADS:
        return f"\"{holding.text} {root.head.text} {span.text}\""  # "shares of Amir Mines", "a stake in Arla"
    if form := _legal_form_after(span):
        return f"\"{span.text} ... {form}\""
    # Right after the name and its comma: not "Marko Blagojevic of Belgrade's Centre for ..., a group ...".
    noun = next((c for c in root.children if c.dep_ == "appos" and c.is_lower and c.lemma_.lower() in BODY_APPOSITIONS
                 and span.end < len(span.doc) and span.doc[span.end].text == "," and c.left_edge.i == span.end + 1),
                None)
    return f"\"{span.text}, ... {noun.text}\"" if noun is not None else None


def _legal_form_after(span: Span) -> str | None:
    """A firm's legal form the tagger left out of the name: "James Capel and Co", "Jardine Fleming (Securities) Ltd"
    (the names it ends are read in names.py)."""
    doc, i = span.doc, span.end
    if i < len(doc) and doc[i].lower_ in ("and", "&"):
        i += 1
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
        i += 3
    form = doc[i] if i < len(doc) else None
    return form.text if form is not None and form.text[:1].isupper() \
        and form.lower_.replace(".", "") in legal_forms() else None


def _named_as_work(span: Span) -> str | None:
    """The noun of a work or a product the name is given to, right before it: "the 1969 film Easy Rider" (a
    compound of the name), "her graphic novel Angel Catbird" (the name in apposition to it)."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.pos_ == "NOUN" and before.is_lower and before.lemma_ in WORK_NOUNS \
            and (before.head == span.root or span.root.head == before):
        return f"\"{before.text} {span.text}\""
    return None


def _listed_with_places(span: Span) -> tuple[Kind | None, str] | None:
    """The kind of the names listed with this one, when they are places or peoples and none is a person's: "the
    cities of Mérida, Maracaibo and Valencia", "Croats as well as Serbs", "Scottish, Welsh and Irish players"."""
    root = span.root
    first = root.head if root.dep_ == "conj" else root
    others = [t for t in (first, *first.conjuncts) if not span.start <= t.i < span.end and t.ent_type_]
    places = [t for t in others if t.ent_type_ in ("GPE", "LOC", "NORP")]
    population = cities().get(fold(span.text), 0)
    if not places or (len(places) < len(others) and population < 300_000):
        return None  # names the tagger types otherwise may be people's; a large city's name is a place's
    if len(places) < 2 and len(span) > 1 and not population:
        return None  # one place beside a full name is as often the place of its post: "governor of X, Y Z"
    # A place only when the gazetteer knows it: firms and papers are listed with places too ("Woolworths and Coles")
    kind: Kind | None = "Place" if population and any(t.ent_type_ != "NORP" for t in places) else None
    return kind, " and ".join(dict.fromkeys(t.text for t in places[:3]))


def _written_as_place(span: Span) -> str | None:
    """A place's noun the name is given to ("the electorate of Higgins", "Ras Kamboni, a remote island"), or a place
    it stands after in apposition ("Livorno, Tuscany")."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACE_NOUNS \
            and root.head.head.is_lower:
        return f"\"{root.head.head.text} of {span.text}\""
    noun = next((c for c in root.children if c.dep_ == "appos" and c.is_lower and c.lemma_.lower() in PLACE_NOUNS),
                None)
    if noun is not None:
        return f"\"{span.text}, ... {noun.text}\""
    if root.dep_ == "appos" and root.head.is_lower and root.head.lemma_.lower() in PLACE_NOUNS \
            and root.head.i < span.start:
        return f"\"{root.head.text}, {span.text}\""  # "in one town alone, Bogalay"
    if _before_a_place_noun(root):
        return f"\"{span.text} {root.head.text}\""  # "Weipa harbour", "the upscale Jadriya neighborhood"
    place = root.head
    # "Livorno, Tuscany": the region or country of a place, one word; not "the Chief Minister of Karnataka, Dharam
    # Singh", where the parser hangs the holder of the title on its place
    if len(span) == 1 and root.dep_ == "appos" and place.i < span.start and place.ent_type_ in ("GPE", "LOC") \
            and span.doc[span.start - 1].text == "," \
            and not (place.dep_ == "pobj" and place.head.head.lemma_.lower() in TITLES | PERSON_NOUNS):
        return f"\"{place.text}, {span.text}\""
    return None


def _before_a_place_noun(root: Token) -> bool:
    """A name modifying a place's noun: "Hakkari province", "Weipa harbour"."""
    return root.dep_ == "compound" and root.head.is_lower and root.head.lemma_.lower() in PLACE_NOUNS


def _written_as_thing(span: Span) -> str | None:
    """How the text writes a name as a thing, if it does: after a work's noun ("the film Easy Rider"), before a
    version's number ("Internet Explorer 6"), after "the" or "a" ("the Firefox browser"). Not as a modifier of a
    noun: "the Reagan-Gorbachev summit", "the Obama campaign" are people's."""
    doc = span.doc
    if work := _named_as_work(span):
        return work
    version = next((c for c in span.root.children if c.dep_ == "nummod" and c.i >= span.end), None)
    listed = span.root.dep_ == "conj" or any(c.dep_ == "conj" for c in span.root.children)
    if version is not None and not listed:  # not an age in a list: "Adam Khatib, 19, Ibrahim Savant 25, and"
        return f"\"{span.text} {version.text}\""  # a version or a model number: "Internet Explorer 6", "Apollo 11"
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in ("the", "a", "an") \
            and (before.head in span or (span.root.dep_ == "compound" and before.head == span.root.head
                                         and span.root.head.lemma_.lower() not in OWNED)):
        return f"\"{before.text} {span.text}\""  # "the Space Shuttle Atlantis", "the Firefox browser"
    return None
