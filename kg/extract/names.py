"""Mentions: the names of an article, their kinds, and the clean name each stands for."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.countries import country_named, country_of_demonym, fold, gazetteer
from kg.extract.cleaning import after_a_post, clean_name, is_first_name, person_name, run_in, spelled_by_acronym
from kg.extract.lexicon import (
    FUNCTION_POS,
    ORG_WORDS,
    PERSON_NOUNS,
    PLACE_WORDS,
    SURNAME_ORG_WORDS,
    cities,
    first_names,
    legal_forms,
)
from kg.names import HONORIFICS, NAME_PARTICLES, PERSON_TITLES, TITLE_ABBREVIATIONS
from kg.records import Article, Evidence, Kind, Mention

ENTITY_KINDS: dict[str, Kind] = {"PERSON": "Person", "ORG": "Organisation", "GPE": "Place", "LOC": "Place",
                                 "FAC": "Place", "NORP": "Country"}


def evidence_of(token: Token | Span, article: Article) -> Evidence:
    sent = token.sent
    return Evidence(article.id, sent.text.strip(), sent.start_char, sent.start_char + len(sent.text.rstrip()))


# --- mentions ---------------------------------------------------------------------------------------------------

def gazetteer_capital(text: str) -> str | None:
    return gazetteer().by_capital.get(fold(clean_name(text)))


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
    if kind in ("Person", "Place", None) and _in_angle_brackets(ent):
        return "Organisation"  # "<Bouygues>", "<Sumitomo Trust and Banking Co>": wire copy marks companies so
    if kind == "Person" and (country_named(clean_name(ent.text)) or country_of_demonym(clean_name(ent.text))):
        return "Country"  # "Mali President Amadou Touré", "Moldovan Prime Minister ...": a country is no person
    words = {part for t in ent for part in t.lower_.split("-")}
    if kind == "Person" and words & ORG_WORDS and not _surname_like_org_word(ent, words):
        return "Organisation"  # "the UC Davis Center": a name in it does not make it a person
    if kind == "Person" and ent[-1].lower_.replace(".", "") in legal_forms():
        return "Organisation"  # "Montedison SpA", "Krupp GmbH", "Co. L.P"
    if kind in ("Organisation", "Place", None) and _person_shaped(ent, person_names):
        return "Person"
    if kind == "Place" and ent.label_ == "GPE" and country_named(clean_name(ent.text)):
        return "Country"
    if kind == "Country" and not country_of_demonym(ent.text):
        return None  # "Kurdish", "Arab": groups, not countries
    return kind


def _surname_like_org_word(ent: Span, words: set[str]) -> bool:
    """A first name with a surname that is also a building's or a body's word: "Mike Hall", "Sandra Day O'Connor";
    not "the Albert Hall", nor a day named after a whole name ("Martin Luther King Day")."""
    before = ent.doc[ent.start - 1].lower_ if ent.start else ""
    return 2 <= len(ent) <= 3 and is_first_name(ent[0].text) and words & ORG_WORDS <= SURNAME_ORG_WORDS \
        and before != "the"


def _in_angle_brackets(ent: Span) -> bool:
    """A name written between "<" and ">" on one line, as wire copy marks a company ("<Antibioticos SA>", "<Pratt and
    Whitney>"), or part of one. Read from the tokens around it, a dozen each side."""
    doc = ent.doc
    for token in reversed(doc[max(0, ent.start - 12):ent.start]):
        if "\n" in token.text or ">" in token.text:
            return False
        if "<" in token.text:
            break
    else:
        return False
    for token in doc[ent.start:ent.end + 12]:
        if ">" in token.text:
            return True
        if "\n" in token.text or ("<" in token.text and token.i >= ent.end):
            return False
    return False


# Words for one person that a name in apposition stands for: "his Japanese counterpart, Nobutaka Machimura", "the
# opposition leader, Morgan Tsvangirai". Not "official" or "member", which the parser also hangs on bodies.
APPOSED_NOUNS = PERSON_TITLES | {"counterpart", "wife", "husband", "son", "daughter", "brother", "sister", "father",
                                 "mother", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "aide",
                                 "envoy", "chairman", "chairwoman", "leader", "candidate", "rival", "opponent"}


def _person_shaped(span: Span, person_names: set[str]) -> bool:
    """A name the tagger missed or mistyped, that the text shows is a person's: "President Saakashvili", "Walid
    Moallem the Syrian Foreign Minister", "Al Jazeera's Sinem Koseoglu", or a name it tags as a person elsewhere."""
    words = [t for t in span if not t.is_punct and t.lower_ not in ("'s", "’s")]
    if not words or not all(t.is_title for t in words) or any(t.lower_ in ORG_WORDS for t in words) \
            or words[-1].lower_.replace(".", "") in legal_forms() \
            or all(t.lower_ in PERSON_TITLES | HONORIFICS | {"justice"} for t in words) \
            or words[-1].lower_ in PERSON_TITLES \
            or country_named(clean_name(span.text)) or gazetteer_capital(span.text):
        return False
    if fold(clean_name(span.text)) in person_names:
        return True
    if any(t.lower_ in PLACE_WORDS for t in words):
        return False  # "the EC's Common Agricultural Policy", "Dubrava Prison": a thing's or a place's word
    if 2 <= len(words) <= 3 and words[0].lower_ in first_names() and fold(words[-1].text) in person_names \
            and span.label_ in ("ORG", "GPE", "") and fold(span.text) not in cities() \
            and not any(t.lower_ in PLACE_WORDS for t in words):
        return True  # "Grover Norquist" (an organisation to the tagger) ... "Norquist said" (a person)
    name = fold(person_name(span.text)).split()
    if 2 <= len(name) < len(span.text.split()) and name[-1] in person_names:
        # A title or a place, then a name ("Rear Admiral Gregory Smith", "Buffalo, Byron Brown"), of someone the
        # article calls by the surname.
        return True
    titled = [t for t in words if t.lower_.rstrip(".") in PERSON_TITLES | HONORIFICS]
    if span.label_ == "" and titled and words[0] == titled[0] and len(titled) < len(words) \
            and all(t.i < words[len(titled)].i for t in titled):
        return True  # a name the tagger missed, run on from its title: "Governor General Michaëlle Jean"
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_.rstrip(".") in PERSON_TITLES and before.head in span \
            and not before.ent_type_:  # "Martin Luther King Memorial Library": "King" ends another name
        return True
    if any(c.dep_ == "appos" and _a_title(c) for c in span.root.children):
        return True
    head = span.root.head
    after_title = span.root.dep_ == "appos" and head.lemma_.lower() in APPOSED_NOUNS
    if span.root.dep_ in ("conj", "appos") and 2 <= len(words) <= 4 \
            and (span.root.ent_type_ in ("", "ORG") or (span.root.ent_type_ == "GPE" and after_title)) \
            and (head.ent_type_ == "PERSON" or after_title) and not any(c.dep_ == "det" for c in span.root.children):
        # A full name in a list of people ("Roberto Rodrigues, Luiz Fernando Furlan, Celso Amorim, ...") or
        # after a title or a word for a person ("the Prime Minister of Italy, Romano Prodi,", "his Japanese
        # counterpart, Nobutaka Machimura"), even one the tagger calls a place ("The President of Romania, Traian
        # Băsescu,"), though not in a list ("Coventry, Wales, Northern Ireland").
        return True
    if span.root.ent_type_ in ("", "ORG") and 2 <= len(words) <= 4 \
            and not any(c.dep_ == "det" for c in span.root.children) \
            and any(c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in span.root.children):
        return True  # the first of a list of people: "Irish Taoiseach Bertie Ahern and Prime Minister Tony Blair"
    if before is not None and before.pos_ == "NOUN" and before.is_lower and 2 <= len(words) <= 3 \
            and before.lemma_ in PERSON_NOUNS:
        return True  # "Tokyo stock exchange head Michio Takeuchi", "Pentagon spokesman Bryan Whitman"
    possessor = [c for c in span.root.children if c.dep_ == "poss" and c.ent_type_ == "ORG"]
    version = [c for c in span.root.children if c.dep_ == "nummod" and c.i >= span.end]
    # A reporter: "Al Jazeera's Sinem Koseoglu"; not a product with its version: "Microsoft's Internet Explorer 9".
    return bool(possessor) and not version and 2 <= len(words) <= 3


def _a_title(phrase: Token) -> bool:
    """An apposition that is a person's title: "X, a spokesman", "Jean-Claude Paye, Director General of the OECD,";
    not a name with its title ("Nevada, Senator Harry Reid") nor a title of the name after it ("its 2006 Report, the
    Secretary General for Amnesty International, Irene Khan")."""
    words = [phrase] + ([c for c in phrase.children if c.dep_ == "compound"] if not phrase.ent_type_ else [])
    return any(w.lemma_.lower() in PERSON_TITLES for w in words) \
        and not any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in phrase.children)


def words_in_lower_case(text: str) -> set[str]:
    """The words a text writes in lower case somewhere: a capitalised one among them may be a common word, not a name.

    >>> sorted(words_in_lower_case("Resisting Arrest is a crime; he was charged with resisting arrest."))
    ['a', 'arrest', 'charged', 'crime', 'he', 'is', 'resisting', 'was', 'with']
    """
    return set(re.findall(r"\b[a-z][\w'-]*\b", text))


def tagged_person_names(doc: Doc) -> set[str]:
    """Folded full names and surnames of the people the tagger found: one name, one sense, in one article."""
    names = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and "\n" not in ent.text:
            name = fold(person_name(ent.text))
            names.add(name)
            if len(name.split()) > 1:
                names.add(name.split()[-1])
    return names


def join_split_names(doc: Doc) -> None:
    """Make one person of a first name the tagger set apart from the rest of the name ("Santosh" as an organisation
    before "Kumar Singh"), when the article also writes that first name with the surname ("Santosh Singh")."""
    person_names = tagged_person_names(doc)
    ents: list[Span | None] = list(doc.ents)
    joined = False
    for i in range(len(ents) - 1):
        first, rest = ents[i], ents[i + 1]
        if first is None or rest is None:
            continue
        if first.label_ != "PERSON" and rest.label_ == "PERSON" and len(first) == 1 and first.end == rest.start \
                and first[0].is_title and first[0].whitespace_ == " " \
                and fold(f"{first.text} {rest[-1].text}") in person_names:
            ents[i], ents[i + 1], joined = None, Span(doc, first.start, rest.end, label="PERSON"), True
    if joined:
        doc.ents = [ent for ent in ents if ent is not None]


def complete_cut_names(doc: Doc) -> None:
    """Give a person's name back the last word the tagger left out of it: "Prime Minister Lee Hsien | Loong", where
    the name's words hang on that word as a name's first words hang on its last. Not a title, a body's or a place's
    word, nor a word the text also writes in lower case ("the Clinton | Campaign", "Rasmussen | Tracking poll")."""
    lower: set[str] | None = None  # the words the text writes in lower case, read once a name may need them
    ents = list(doc.ents)
    changed = False
    for n, ent in enumerate(ents):
        if ent.label_ != "PERSON" or ent.end >= len(doc):
            continue
        last = doc[ent.end]
        after = doc[ent.end + 1] if ent.end + 1 < len(doc) else None
        if last.ent_type_ or last.pos_ != "PROPN" or not last.is_title or not last.is_alpha \
                or ent.root.head.i != last.i or any(t.dep_ != "compound" for t in ent) \
                or last.lower_ in CUT_NAME_STOPS \
                or (after is not None and after.is_title and after.pos_ == "PROPN") or ent[-1].whitespace_ != " ":
            continue
        lower = lower if lower is not None else words_in_lower_case(doc.text)
        if last.lower_ in lower:
            continue
        ents[n], changed = Span(doc, ent.start, ent.end + 1, label="PERSON"), True
    if changed:
        doc.ents = ents


def split_country_from_name(doc: Doc) -> None:
    """Part a country from the name the tagger ran it into after a title's "of" or "to": "President of Latvia Valdis
    Zatlers" is Latvia and Valdis Zatlers, "President of Brazil | Luiz | Inacio Lula da Silva" Brazil and the whole
    name, "Ambassador to Romania Quinton Quayle" Romania and Quinton Quayle."""
    ents, out, changed, skip = list(doc.ents), [], False, None
    for i, ent in enumerate(ents):
        if ent is skip:
            continue
        of = doc[ent.start - 1] if ent.start > 0 else None
        cut = next((k for k in (1, 2, 3) if k <= len(ent) and country_named(ent[:k].text)), None)
        if ent.label_ == "PERSON" or of is None or of.lower_ not in ("of", "to") \
                or of.head.lemma_.lower() not in PERSON_TITLES or cut is None:
            out.append(ent)
            continue
        end = ent.end
        while end < len(doc) and not doc[end].ent_type_ and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1  # a first name the tagger left out
        following = ents[i + 1] if i + 1 < len(ents) else None
        if following is not None and following.label_ == "PERSON" and following.start == end:
            end, skip = following.end, following  # the name goes on in the next entity
        name = doc[ent.start + cut:end]
        if len(name) >= 2 and all(t.is_title or t.lower_ in NAME_PARTICLES for t in name) \
                and not any(t.lower_ in ORG_WORDS for t in name) and name[-1].lower_ not in PERSON_TITLES:
            out += [Span(doc, ent.start, ent.start + cut, label="GPE"), Span(doc, ent.start + cut, end, label="PERSON")]
            changed = True
        else:
            out.append(ent)
            skip = None
    if changed:
        doc.ents = out


# Where a name the tagger missed stands as a party of its clause: a subject, an object, an owner.
PARTY_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj"}


def _name_spans(doc: Doc, person_names: set[str]) -> list[Span]:
    """The entities, and proper nouns outside them that may be names the tagger missed ("Prodi met ..."), and the
    surname of someone the article names in full where the tagger read it as a common word ("Trump characterized the
    call", "Conable did not spell out"), unless the text also writes that word in lower case ("the bush")."""
    spans = list(doc.ents)
    covered = {t.i for ent in doc.ents for t in ent}
    surnames = {name.split()[-1] for name in person_names if len(name.split()) > 1}
    lower: set[str] | None = None  # the words the text writes in lower case, read once a surname may need them
    for token in doc:
        if token.pos_ != "PROPN" and token.i not in covered and token.is_title and token.is_alpha \
                and token.dep_ in PARTY_DEPS and fold(token.text) in surnames:
            lower = lower if lower is not None else words_in_lower_case(doc.text)
            if token.lower_ not in lower:
                spans.append(doc[token.i:token.i + 1])
        if token.pos_ == "PROPN" and token.i not in covered and token.is_title and token.dep_ != "compound":
            start = token.i
            while start > 0 and doc[start - 1].dep_ == "compound" \
                    and doc[start - 1].head.i in range(start, token.i + 1) \
                    and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and start - 1 not in covered:
                start -= 1
            spans.append(doc[start:token.i + 1])
    return sorted(spans, key=lambda span: span.start)


def _mixed_scripts(text: str) -> bool:
    """Whether a text has letters of more than one script (Latin and Devanagari, say)."""
    return len({unicodedata.name(c, "").split(" ")[0] for c in text if c.isalpha()}) > 1


def _latin(text: str) -> bool:
    """Whether most letters of a text are Latin ones (accented or not)."""
    letters = [c for c in text if c.isalpha()]
    return sum(unicodedata.name(c, "").startswith("LATIN") for c in letters) * 2 > len(letters)


def mentions_of(doc: Doc, article: Article) -> dict[int, Mention]:
    mention_at: dict[int, Mention] = {}
    latin = _latin(doc.text[:20_000])  # the article's own script: names in another are not names of it
    person_names = tagged_person_names(doc)
    spans = _name_spans(doc, person_names)
    surnames = {name.split()[-1] for name in person_names if len(name.split()) > 1}
    # Names shown to be people's count for the whole article: "Romano Prodi, the President ..." makes "Prodi" a person.
    for span in spans:
        if span.label_ != "PERSON" and _person_shaped(span, person_names):
            folded = fold(person_name(span.text))
            person_names |= {folded, folded.split()[-1]}
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
        name: str | None = country_of_demonym(ent.text) if ent.label_ == "NORP" else clean_name(ent.text)
        if kind == "Person":
            name = after_a_post(person_name(ent.text), doc[max(0, ent.start - 3):ent.start])
        if kind == "Country" and ent.label_ != "NORP":
            name = country_named(clean_name(ent.text)) or country_of_demonym(clean_name(ent.text))
        if not name or not any(c.isalpha() for c in name) or (kind == "Person" and name.islower()):
            continue  # "beat around the bush": a name is written with a capital
        if kind == "Person" and run_in(name.split(" ")[0]):
            continue  # "anti-Funaro", "pro-Beijing", "ofHamas" (a typo): a word made of a name, not a name
        if kind == "Person" and (re.search(r"\b(?:Category|Archive)\b|\.(?:jpe?g|png|svg)\b", name)
                                 or name.lower() in PHOTO_WORDS or re.fullmatch(r"I['’‘]\w+", name)):
            # "Category:Stephen Harper", "Publish Archive", "Howard-chump.jpg", a caption's "Image", "I‘m": page
            # chrome and words, not the story's people
            continue
        if kind == "Person" and _only_titles(name) and fold(name) not in surnames:
            continue  # "Sgt", "the Queen", "Chief Executive": a title, not a name ("King" of "Billy King" is one)
        if kind == "Person" and name.split()[-1].lower().rstrip(".") in POST_ENDINGS:
            continue  # "Trade Representative", "Chief Technical Officer", "Propaganda Minister": a post
        if kind == "Person" and re.search(r"[?:]", name):
            continue  # "offensive?:KN": an interview transcript's question run into its speaker's initials
        if (latin and not _latin(name)) or (kind == "Person" and _mixed_scripts(name)):
            # a Devanagari or Cyrillic fragment in an English article, or words of two scripts ("corona और HIV"): a
            # quotation's words, not a name
            continue
        if kind == "Organisation":
            name = spelled_by_acronym(name, doc.text[ent.end_char:ent.end_char + 14])
        mention = Mention(id=f"{article.id}#{ent.start_char}", text=ent.text, name=name, kind=kind,
                          start=ent.start_char, end=ent.end_char, evidence=evidence_of(ent, article))
        for token in ent:
            mention_at[token.i] = mention
    return mention_at


def named_in_headline(mention_at: dict[int, Mention], title: str) -> dict[int, Mention]:
    """The mentions with a surname the body never writes in full given the full name the headline writes, from a
    first name of the census list: "Controversial Florida attorney Jack Thompson disbarred" ... "Thompson said". The
    text of a web page loses the names its links held, often the first mention of the story's own person."""
    full = {m.name.split()[-1] for m in mention_at.values() if m.kind == "Person" and " " in m.name}
    named: dict[str, str] = {}
    for mention in mention_at.values():
        surname = mention.name
        if mention.kind != "Person" or " " in surname or surname in full or surname in named:
            continue
        found = re.search(rf"(?:\b([A-Z][a-z]+) )?\b([A-Z][\w'’-]*) {re.escape(surname)}\b", title or "")
        if found is None:
            continue
        middle, given = found.group(1), found.group(2)
        if middle and is_first_name(middle):
            named[surname] = f"{middle} {given} {surname}"  # "Wayne Allyn Root"
        elif is_first_name(given):
            named[surname] = f"{given} {surname}"
    if not named:
        return mention_at
    renamed = {m.id: replace(m, name=named[m.name]) for m in mention_at.values() if m.name in named}
    return {index: renamed.get(m.id, m) for index, m in mention_at.items()}


# A caption's or a photo credit's word alone ("Image", "Photobucket") is no one's name.
PHOTO_WORDS = {"image", "images", "photo", "photos", "photograph", "photographs", "photobucket", "picture",
               "pictures", "file", "caption"}
# Words that end no person's name, though the tagger leaves them after one: titles, bodies', places' and works' words.
CUT_NAME_STOPS = PERSON_TITLES | HONORIFICS | ORG_WORDS | PLACE_WORDS | PERSON_NOUNS | {
    "administration", "government", "presidency", "regime", "campaign", "center", "centre", "foundation", "library",
    "doctrine", "era", "award", "prize", "cup", "trophy", "memorial", "institute", "trust", "fund", "museum",
    "source", "sources"} | PHOTO_WORDS
# Words that, with titles, make up a title ("Chief Executive Officer", "Lance Cpl", "Special Representative").
TITLE_PARTS = {"officer", "executive", "adviser", "advisor", "representative", "chief", "assistant", "senior", "acting",
               "attorney", "general", "lance", "master", "high", "special", "crown", "royal", "highness", "legal"}
# Titles no surname is written as, so a name that ends in one is a post ("U.S. Trade Representative"); not "King",
# "Bishop", "Pope", "Major", "Lord", "Judge", "Prince", "Chief", which are surnames too.
POST_ENDINGS = {"adviser", "advisor", "ambassador", "assistant", "attorney", "ayatollah", "chairman", "chairwoman",
                "chancellor", "commissioner", "director", "envoy", "executive", "governor", "highness", "mayor",
                "minister", "officer", "premier", "president", "president-elect", "representative", "secretary",
                "senator", "spokesman", "spokesperson", "spokeswoman", "taoiseach", "treasurer"}


def _only_titles(name: str) -> bool:
    """Whether a name is made of titles and words for people only: "Sgt", "Queen", "Attorney General", "Manager"."""
    words = [w.removesuffix("s") if w.endswith("s") and len(w) >= 3 else w  # "MPs", "Ministers"
             for w in name.lower().replace(".", " ").split()]
    return bool(words) and all(w in HONORIFICS or w in PERSON_TITLES or w in PERSON_NOUNS or w in TITLE_ABBREVIATIONS
                               or w in TITLE_PARTS for w in words)


def _is_title_word(ent: Span) -> bool:
    """A one-word ORG inside a title ("Russian Defence Minister Sergei Shoigu") is part of the title; an acronym
    is the organisation the title belongs to ("UN Secretary-General Kofi Annan", "NATO Secretary General ...")."""
    return len(ent) == 1 and ent.root.dep_ == "compound" and ent.root.head.ent_type_ == "" \
        and ent.root.head.head.ent_type_ == "PERSON" and not ent.text.replace(".", "").isupper()
