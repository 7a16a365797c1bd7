"""The words the rules read: meeting predicates, status cues, titles, and what marks a name's kind."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from kg.countries import fold
from kg.names import PERSON_TITLES


def _meeting_words() -> dict[str, dict[str, frozenset[str]]]:
    """kind -> word -> the party prepositions a with-noun needs, from kg/data/meeting_words.tsv (CAMEO 040-046)."""
    kinds: dict[str, dict[str, frozenset[str]]] = {}
    with resources.files("kg").joinpath("data/meeting_words.tsv").open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip() and not line.startswith("#"):
                word, kind, _cameo, *preps = line.rstrip("\n").split("\t")
                kinds.setdefault(kind, {})[word] = frozenset(preps[0].split() if preps else ())
    return kinds


# Predicates, by lemma (a phrasal verb as lemma_particle). A verb of MEET_VERBS is a meeting with whoever its
# arguments are, one of PARTY_ONLY_VERBS only with a "with"/"to" party; GATHER_VERBS with two or more subjects;
# HOST_VERBS and CALL_VERBS only when their object is a person ("received a letter" is not a meeting); HOLD_VERBS
# only with a MEETING_NOUN; WITH_ONLY_NOUNS only with the prepositions given: a press conference of one side, or one
# given "alongside" an ally, is not a meeting, "a joint news conference with" the other side is; "his call for a new
# party" is no call.
_WORDS = _meeting_words()
PARTY_ONLY_VERBS = set(_WORDS["party-only"])
MEET_VERBS = set(_WORDS["meet"]) | PARTY_ONLY_VERBS
GATHER_VERBS = set(_WORDS["gather"])
# Party-only verbs that are a meeting of two or more people joined as their subject, with no party phrase: "Roque
# and Amorim discussed the situation in Haiti". Not "talk" or "speak": "A and B spoke at the rally" is no meeting.
JOINT_VERBS = {"discuss", "confer", "negotiate", "consult"}
# Verbs of going to or coming from a meeting: "Shultz went straight into a meeting with Shevardnadze", "arrived from
# a meeting with Papandreou". Their subject is a party of the meeting noun they take.
MOTION_VERBS = {"go", "come", "drive", "fly", "arrive", "walk", "return", "hurry", "rush", "head", "emerge"}
TRAVEL_VERBS = {"travel", "visit", "stop", "sail", "journey"}  # "travelled to Baghdad to meet al-Maliki"
# Verbs whose past tense says the infinitive under them happened: "managed to meet with Sarkozy".
IMPLICATIVE_VERBS = {"manage"}
HOST_VERBS = set(_WORDS["host"])
CALL_VERBS = set(_WORDS["call"])
HOLD_VERBS = set(_WORDS["hold"])
WITH_ONLY_NOUNS = {word: set(preps) for word, preps in _WORDS["with-noun"].items()}
MEETING_NOUNS = set(_WORDS["noun"]) | set(WITH_ONLY_NOUNS)
# Signing an accord together (CAMEO 057:057) is a meeting of the people who sign it: "Mugabe and Tsvangirai signed a
# power sharing deal", "The treaty was signed by Taha and al-Mirghani"; not "signed a letter" (many sign it apart).
SIGN_VERBS = set(_WORDS["co-sign"])
ACCORD_NOUNS = set(_WORDS["accord"])
# What one calls someone to do that makes the call a conversation: "called Miyazawa to warn him".
CALL_PURPOSES = {"warn", "discuss", "congratulate", "express", "ask", "invite", "thank", "offer", "brief", "inform",
                 "urge", "tell", "say", "assure", "apologise", "apologize", "explain", "convey", "request"}
# Verbs by which one addresses a person directly: whom one tells or asks at a meeting, one meets there.
ADDRESS_VERBS = CALL_PURPOSES | {"tell", "ask", "greet", "meet", "receive", "question", "answer", "reply", "promise"}
# Nouns for a span of talks, which stand in the clause for the talks themselves: "after two days of talks with Y".
SPANS_OF_TALKS = {"day", "hour", "week", "month", "round", "series", "session", "year", "night"}
# Nouns for a point or an outcome of talks, whose phrase places its clause at the talks as "after" does: "at the end
# of two days of talks with Y, X said", "as a result of the meeting with Y", "on the sidelines of a summit with Y".
PHASES_OF_TALKS = {"end", "close", "conclusion", "sideline", "margin", "result", "wake", "course"}
# Nouns a "with" phrase belongs to ("discussed his ties with X" is not discussing with X).
RELATION_NOUNS = {"relation", "relationship", "tie", "link", "contact", "deal", "agreement", "dispute", "conflict",
                  "row", "rift", "feud", "quarrel", "friendship", "partnership", "alliance", "cooperation", "affair",
                  "interview", "problem", "difference", "disagreement", "encounter", "dealing", "collaboration"}
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
                "groundwork", "preparation", "pledge", "promise", "vow", "commit",
                "forward"}  # "looks forward to meeting X"
AHEAD = {"next", "later", "tomorrow", "coming", "upcoming", "following"}  # in a time expression: not yet held
REPORT_VERBS = {"say", "tell", "announce", "report", "add", "state", "indicate", "claim", "confirm", "note", "write",
                "according", "declare", "insist", "explain", "quote", "cite"}
# Verbs of a public statement beyond reporting, from the CAMEO codes 01 (make public statement: declare), 02 (appeal:
# urge, call on), 03 (express intent: pledge, promise), 05 (praise) and 11 (disapprove: criticize, condemn, accuse,
# denounce), as the PETRARCH2 verb dictionary gives them (source in kg/data/meeting_words.tsv): a leader who does
# one of them in an article about a summit spoke there.
STATEMENT_VERBS = {"declare", "urge", "call", "pledge", "promise", "praise", "criticize", "criticise", "condemn",
                   "accuse", "denounce"}
# Meetings of many delegations, which an article about one reports through what their leaders said there.
SUMMIT_NOUNS = {"summit", "conference", "forum"}
# Who reports the meetings of others: "a spokesman said the issue was raised at a meeting with Y" is not his meeting.
REPORTERS = {"spokesman", "spokeswoman", "spokesperson", "official", "aide", "source", "agency", "ministry",
             "embassy", "office", "reporter", "correspondent"}
WRITTEN_CUES = {"email", "e-mail", "letter", "letters", "statement", "fax", "text", "twitter", "tweet", "message"}
# Words that pick one meeting out of a series: "the first meeting was between A and B" is not the meeting of A, B and
# C the article reports beside it, nor "their last meeting with Bush" this week's.
SEQUENCE = {"first", "second", "third", "fourth", "fifth", "last", "previous", "earlier", "prior", "final", "next",
            "latest", "initial", "subsequent", "later", "following"}
DENIAL_VERBS = {"deny", "dismiss", "rule"}  # "ruled out a meeting"
PHONE_CUES = {"phone", "telephone", "telephoned", "call", "phoned"}
VIDEO_CUES = {"video", "videoconference", "videolink", "zoom", "virtual", "virtually", "online"}
# Offices one person holds at a time in a country or body: "the Prime Minister" alone names its holder in an article
# that names one ("the leader", "the spokesman" do not).
OFFICE_TITLES = {"president", "minister", "premier", "chancellor", "secretary", "senator", "governor", "mayor", "king",
                 "queen", "pope", "emir", "sultan", "ambassador", "taoiseach", "president-elect", "speaker", "prince",
                 "princess", "sheikh", "shah", "chairman"}


@cache
def cities() -> dict[str, int]:
    """Folded city name -> population, of kg/data/cities.tsv (GeoNames cities of 50,000 people or more, CC BY 4.0)."""
    text = resources.files("kg").joinpath("data/cities.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    found: dict[str, int] = {}
    for name, population in rows[1:]:  # after the header
        found[fold(name)] = max(found.get(fold(name), 0), int(population))
    return found


@cache
def first_names() -> frozenset[str]:
    """Lower-cased first names of kg/data/first_names.txt (US Census 1990, public domain)."""
    text = resources.files("kg").joinpath("data/first_names.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def legal_forms() -> frozenset[str]:
    """Abbreviations of companies' legal forms (kg/data/legal_forms.txt, from ISO 20275): "SpA", "NV", "GmbH"."""
    text = resources.files("kg").joinpath("data/legal_forms.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _portfolios() -> dict[str, str]:
    """Other name -> the name it is read as, of cabinet posts (kg/data/portfolios.tsv)."""
    with resources.files("kg").joinpath("data/portfolios.tsv").open(encoding="utf-8") as stream:
        rows = [line.rstrip("\n").split("\t") for line in stream if line.strip() and not line.startswith("#")]
    return {other: name for other, name in rows}


PORTFOLIOS = _portfolios()
# Any of the other names as whole words, the longest first ("secretary of the treasury" before "secretary of state").
PORTFOLIO_NAME = re.compile(r"\b(?:" + "|".join(re.escape(o) for o in sorted(PORTFOLIOS, key=len, reverse=True))
                            + r")\b")

# Titles many people hold at once: "the senators" alone names those the article calls so.
PLURAL_TITLES = {"senator", "minister", "governor", "mayor", "representative", "congressman", "congresswoman",
                 "ambassador", "envoy", "negotiator", "commissioner", "general"}
# Nouns for whoever holds the leading office of a country or an organisation: "the Venezuelan leader", "the UN chief".
LEADER_NOUNS = {"leader", "chief", "head"}
FORMER = {"former", "ex", "late", "then", "outgoing", "incoming", "next", "new", "acting", "interim"}
# What a name before it says its bearer leads ("the Howard government", "the Clinton administration").
LED_BODIES = {"government", "administration", "cabinet", "presidency", "premiership"}
# Words that end a firm's name, whose words before them are its short name ("Sanwa Bank" ... "Sanwa said"); not the
# words of what is named after a person ("the Carter Center", "the Reagan Library").
FIRM_WORDS = {"bank", "company", "corporation", "group", "trust", "airlines", "airways", "securities", "petroleum",
              "holdings", "industries", "technologies"}
# Words that mark a name as an organisation's, not a person's ("Al Jazeera's Sinem Koseoglu" is a person).
ORG_WORDS = {"brigade", "battalion", "regiment", "squadron", "fleet",
             "party", "organisation", "organization", "ministry", "agency", "news", "council", "committee", "union",
             "bank", "group", "front", "army", "force", "forces", "company", "corporation", "corp", "inc", "ltd",
             "association", "associates", "federation", "house", "institute", "university", "league", "movement",
             "office", "department", "court",
             "assembly", "parliament", "commission", "fund", "service", "times", "post", "press", "tv", "radio",
             "center", "centre", "foundation", "society", "school", "college", "hospital", "church", "board",
             "authority", "network", "channel", "club", "institution", "government", "administration",
             "library", "museum", "memorial", "airport", "stadium", "palace", "hall", "castle", "square", "street",
             "summit", "conference", "election", "elections", "games", "festival", "cup", "war", "treaty",
             "agreement", "act", "accord", "day", "week", "plan", "program", "programme", "presse",
             "agence", "greens", "liberals", "democrats", "conservatives", "republicans", "socialists",
             "tories"} | FIRM_WORDS  # a party named by its members: "the Ontario Greens"
# The words of ORG_WORDS that are also among the 1,000 most frequent US surnames (US Census Bureau 1990,
# dist.all.last, as redistributed with kg/data/first_names.txt), and "castle" (1,430th): after a first name they
# end a person's name ("Mike Hall", "Doris Day", "Darrell Castle"), not a building's. Not "post" and "street" (1,481st
# and 1,513th): "Washington Post", "Victoria Street".
SURNAME_ORG_WORDS = {"hall", "day", "house", "church", "castle"}
# The words of ORG_WORDS that name a body (not an event, a place or a thing): a name with one, that nothing shows to
# be a person's, is an organisation's ("Gang Enforcement Unit", "Maharashtra Navnirman Sena": "sena", an army).
BODY_WORDS = (ORG_WORDS & {"brigade", "battalion", "regiment", "squadron", "fleet", "party", "organisation",
                           "organization", "ministry", "agency", "council", "committee", "union", "front", "army",
                           "force", "forces", "association", "associates", "federation", "institute", "league",
                           "movement", "office", "department", "commission", "fund", "service", "foundation",
                           "society", "board", "authority", "network", "club", "institution", "government",
                           "administration"}) | FIRM_WORDS | {"unit", "sena", "tendency", "bureau", "brotherhood",
                                                                 "watch", "international", "reprieve"}
DURATION = re.compile(r"\b\d+\b.*\b(years?|months?|weeks?|days?|decades?)\b(?!\s+ago)", re.I)
# Words that make an organisation's name a news outlet's: an outlet that interviews someone does not meet them.
MEDIA_WORDS = {"news", "wikinews", "press", "presse", "agence", "times", "post", "tv", "radio", "television",
               "broadcasting", "journal", "herald", "gazette", "tribune", "reuters", "bloomberg", "xinhua", "tass",
               "interfax", "yonhap", "kyodo", "jiji", "afp", "bbc", "cnn", "abc", "nbc", "cbs", "fox", "shimbun",
               "ilbo", "zeitung", "posten", "gazeta", "politico", "courant", "chronicle", "inquirer", "examiner",
               "dispatch", "ledger", "sentinel", "telegraph", "courier"}
# The last word of a programme's or a bulletin's name: "Larry King Live", "The Bernie and Sid Show", "Lehrer
# Newshour", "Manila Bulletin"; it outweighs the first name the programme is named after.
PROGRAMME_WORDS = {"live", "show", "newshour", "bulletin", "tonight"}
# Outlets whose name is no one's: one of these written alone is the outlet, whatever is said of it ("As far as
# Wikinews can tell", "Xinhua said he ...").
OUTLET_NAMES = {"wikinews", "reuters", "xinhua", "tass", "interfax", "yonhap", "kyodo", "jiji", "afp", "bbc", "cnn",
                "nbc", "cbs", "politico"}
# Nouns an outlet's name modifies: "the Chosun Ilbo newspaper", "the Veja magazine".
# Not "station", "agency" or "network": "Waterloo station", "U.S. agencies", a terror network.
OUTLET_NOUNS = {"newspaper", "daily", "weekly", "magazine", "paper", "broadcaster", "channel", "website", "tabloid",
                "journal", "wire"}
# Nouns for places a name is given to: "the electorate of Higgins", "Ras Kamboni, a remote island"; not "seat":
# "the seat of X" is often the seat X holds.
PLACE_NOUNS = {"island", "town", "village", "city", "region", "province", "district", "county", "riding",
               "constituency", "electorate", "suburb", "neighbourhood", "neighborhood", "port", "municipality",
               "parish", "borough", "prefecture", "governorate", "oblast", "township", "hamlet", "enclave", "harbour",
               "harbor"}
# Nouns for the things OntoNotes tags WORK_OF_ART and PRODUCT (titles of books, films, songs; vehicles, software):
# a name in apposition to one, or right after one it modifies, is that thing's ("the 1969 film Easy Rider", "her
# graphic novel Angel Catbird", "the frigate INS Tabar"), as "spokesman Bryan Whitman" is a person's.
WORK_NOUNS = {"film", "movie", "documentary", "novel", "book", "memoir", "album", "song", "single", "series", "show",
              "sitcom", "programme", "game", "play", "opera", "musical", "painting", "sculpture", "exhibition",
              "poem", "ship", "vessel", "frigate", "destroyer", "carrier", "submarine", "tanker", "yacht", "shuttle",
              "orbiter", "spacecraft", "probe", "satellite", "rocket", "aircraft", "plane", "jet", "browser",
              "software", "app", "website", "blog", "drug", "vaccine", "brand", "car", "hurricane", "typhoon",
              "cyclone", "storm", "operation", "character"}
# Words that make a name a place's or a thing's, not a person's ("Castlefrank Road", "Space Shuttle Atlantis").
PLACE_WORDS = {"road", "street", "avenue", "boulevard", "lane", "bridge", "river", "lake", "mountain", "mountains",
               "island", "islands", "valley", "station", "tower", "beach", "canyon", "highway", "creek", "harbour",
               "harbor", "shuttle", "spacecraft", "satellite", "ship", "dam", "falls", "desert", "forest", "strait",
               "avenida", "calle", "rue", "plaza", "piazza", "gardens",
               # institutions and buildings ("Briercrest College and Seminary", "Bulford Camp"); not "park", a
               # Korean surname
               "college", "seminary", "university", "school", "academy", "hospital", "prison", "cathedral",
               "mosque", "museum", "stadium", "arena", "airport", "palace", "hotel", "square", "camp",
               # laws, policies and prizes ("the Transitional Administrative Law", "the Common Agricultural Policy")
               "law", "act", "policy", "treaty", "accord", "charter", "convention", "prize", "award", "trophy",
               # money ("U.S. Dlrs" in wire copy)
               "dlrs", "dlr", "dollars"}
# Plural nouns for people, not sides or countries: "the two leaders met", not "both sides".
PEOPLE_NOUNS = {"leader", "man", "woman", "politician", "official", "candidate", "statesman", "rival", "head"}
# Nouns that describe a person in apposition: "X, a spokesman for ...", "X, the company's chief executive".
PERSON_NOUNS = PERSON_TITLES | PEOPLE_NOUNS | {
    "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "director", "executive", "founder", "father",
    "mother", "son", "daughter", "wife", "husband", "brother", "sister", "student", "author", "actor", "actress",
    "singer", "writer", "player", "coach", "lawyer", "doctor", "professor", "analyst", "economist", "member", "aide",
    "adviser", "advisor", "officer", "chief", "head", "manager", "owner", "artist", "journalist", "reporter", "editor",
    "activist", "politician", "leader", "candidate", "resident", "victim", "survivor", "friend", "colleague",
    "partner", "teacher", "scientist", "researcher", "worker", "official", "representative", "envoy"}
PRONOUNS = {"he", "she"}
SPEAKERS = {"i", "me"}  # inside a quotation: its speaker ("we" speaks for a government or a party, not for one person)
FUNCTION_POS = {"ADP", "VERB", "AUX", "DET", "CCONJ", "SCONJ", "PRON"}

REFLEXIVES = {"himself", "herself"}
ATTEND_VERBS = {"attend", "participate", "join"}
# Verbs by which a person takes part in a meeting the text names (kg/extract/assembly.py): "chaired the talks".
TAKE_PART_VERBS = {"attend", "chair", "co-chair", "host", "address", "tell", "join", "open", "lead", "brief",
                   "preside", "participate"}
# Verbs whose subject is not at the meeting the clause names: "X boycotted the summit", "X was absent at the talks".
ABSENT_VERBS = {"miss", "skip", "boycott", "snub", "shun", "avoid", "leave", "quit", "abandon", "cancel", "postpone",
                "criticise", "criticize", "condemn", "protest", "demonstrate", "march", "rally", "predict",
                "expect", "hope", "plan", "want", "seek", "report", "write", "arrest", "detain"}
EVENT_NOUNS = {"event", "gathering", "reception", "ceremony", "session"}
ATTENDANCE_REACH = 600  # characters back to the meeting an attendance sentence can refer to
# Prepositions that set a meeting noun as the time of a clause ("after talks with ..."); the first ones put it later.
LATER_PREPS = {"before", "ahead", "prior"}
TIME_PREPS = LATER_PREPS | {"after", "following", "during", "since", "at"}
