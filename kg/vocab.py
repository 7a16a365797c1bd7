"""The kg vocabulary (mirroring `ontology/kg.ttl`), the standard namespaces it aligns to, and instance IRIs.

`KG` lists every term of `ontology/kg.ttl`, so a misspelt term ("Meetng") raises AttributeError instead of minting a
term nobody defined. Instances live under `https://example.org/kg/id/`, one namespace per kind, and their IRIs are
minted from graph node ids with `node_iri`; every slug and IRI segment kg makes is made here.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from rdflib import URIRef
from rdflib.namespace import FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace, Namespace


class KG(DefinedNamespace):
    """Terms of `https://example.org/kg/ontology#`; see `ontology/kg.ttl` for their meaning."""

    _fail = True
    _NS = Namespace("https://example.org/kg/ontology#")

    # Classes
    Person: URIRef
    Organisation: URIRef
    Country: URIRef
    Place: URIRef
    Meeting: URIRef
    Article: URIRef
    Post: URIRef
    Evidence: URIRef
    Membership: URIRef
    Mention: URIRef
    Participation: URIRef
    MeetingStatus: URIRef
    MeetingMode: URIRef
    DateClaim: URIRef
    DateClue: URIRef
    KindChange: URIRef
    Bloc: URIRef

    # Individuals: meeting statuses and modes
    Held: URIRef
    Planned: URIRef
    Possible: URIRef
    Cancelled: URIRef
    InPerson: URIRef
    Phone: URIRef
    Video: URIRef
    UnknownMode: URIRef

    # Properties
    participant: URIRef
    participation: URIRef
    agent: URIRef
    place: URIRef
    status: URIRef
    mode: URIRef
    dateText: URIRef
    trigger: URIRef
    holds: URIRef
    postIn: URIRef
    title: URIRef
    memberOf: URIRef
    member: URIRef
    organisation: URIRef
    evidence: URIRef
    fromArticle: URIRef
    sentence: URIRef
    start: URIRef
    end: URIRef
    method: URIRef
    confidence: URIRef
    alias: URIRef
    mergeReason: URIRef
    mentionedIn: URIRef
    mentionOf: URIRef
    publisher: URIRef
    published: URIRef
    source: URIRef

    # Properties: dates of meetings and of articles
    dateClaim: URIRef
    dateConflict: URIRef
    claimedBy: URIRef
    earliest: URIRef
    latest: URIRef
    granularity: URIRef
    basis: URIRef
    uncertain: URIRef
    possiblyRedated: URIRef
    redatedReason: URIRef
    estimatedEarliest: URIRef
    estimatedLatest: URIRef
    dateClue: URIRef
    clueText: URIRef
    reading: URIRef
    kindChange: URIRef
    changedName: URIRef
    keptAs: URIRef
    changeReason: URIRef

    # Properties: blocs of the people who met (kg/blocs.py)
    inBloc: URIRef
    betweenness: URIRef
    detectedBy: URIRef


SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
TIME = Namespace("http://www.w3.org/2006/time#")

ID = "https://example.org/kg/id/"
PERSON = Namespace(ID + "person/")
ORGANISATION = Namespace(ID + "organisation/")
COUNTRY = Namespace(ID + "country/")
PLACE = Namespace(ID + "place/")
MEETING = Namespace(ID + "meeting/")
ARTICLE = Namespace(ID + "article/")
POST = Namespace(ID + "post/")
EVIDENCE = Namespace(ID + "evidence/")
MEMBERSHIP = Namespace(ID + "membership/")
MENTION = Namespace(ID + "mention/")
PARTICIPATION = Namespace(ID + "participation/")
DATECLAIM = Namespace(ID + "dateclaim/")
DATECLUE = Namespace(ID + "dateclue/")
KINDCHANGE = Namespace(ID + "kindchange/")
BLOC = Namespace(ID + "bloc/")

# The kind of a graph node and the prefix of its id ("person:hulusi-akar"), which names its instance namespace.
NODE_PREFIX: dict[str, str] = {"Person": "person", "Organisation": "organisation", "Country": "country",
                               "Place": "place", "Meeting": "meeting", "Article": "article"}
NODE_KIND: dict[str, str] = {prefix: kind for kind, prefix in NODE_PREFIX.items()}

# The prefix of a graph node id ("person:hulusi-akar") names its namespace; Turtle prefixes use the same names.
INSTANCE_NAMESPACES: dict[str, Namespace] = {
    "person": PERSON,
    "organisation": ORGANISATION,
    "country": COUNTRY,
    "place": PLACE,
    "meeting": MEETING,
    "article": ARTICLE,
    "post": POST,
    "evidence": EVIDENCE,
    "membership": MEMBERSHIP,
    "mention": MENTION,
    "participation": PARTICIPATION,
    "dateclaim": DATECLAIM,
    "dateclue": DATECLUE,
    "kindchange": KINDCHANGE,
    "bloc": BLOC,
}

# Every prefix written to Turtle: readable names for the instance namespaces and the standards.
PREFIXES: dict[str, Namespace] = {
    "kg": KG._NS,
    **INSTANCE_NAMESPACES,
    "schema": SDO._NS,
    "foaf": FOAF._NS,
    "org": ORG._NS,
    "sem": SEM,
    "prov": PROV._NS,
    "skos": SKOS._NS,
    "xsd": XSD._NS,
    "rdf": RDF._NS,
    "rdfs": RDFS._NS,
    "owl": OWL._NS,
}

STATUS_TERMS: dict[str, URIRef] = {
    "held": KG.Held,
    "planned": KG.Planned,
    "possible": KG.Possible,
    "cancelled": KG.Cancelled,
}
MODE_TERMS: dict[str, URIRef] = {
    "in_person": KG.InPerson,
    "phone": KG.Phone,
    "video": KG.Video,
    "unknown": KG.UnknownMode,
}


def local_name(text: str) -> str:
    """`text` made safe as the last segment of an IRI: anything outside [A-Za-z0-9._~-] is percent-encoded (UTF-8).

    Names come from article text, which may hold anything; the result always parses in Turtle and SPARQL.

    >>> local_name("hulusi-akar")
    'hulusi-akar'
    >>> local_name('Ali "the" <Fox>/1%')
    'Ali%20%22the%22%20%3CFox%3E%2F1%25'
    >>> local_name("Эрдоган")
    '%D0%AD%D1%80%D0%B4%D0%BE%D0%B3%D0%B0%D0%BD'
    """
    return quote(text, safe="-._~")


def mint(kind: str, local: str) -> URIRef:
    """The IRI of an instance of `kind` ("person", "post", ...) with local part `local`.

    >>> mint("post", "hulusi-akar--defence-minister--turkey")
    rdflib.term.URIRef('https://example.org/kg/id/post/hulusi-akar--defence-minister--turkey')
    """
    if kind not in INSTANCE_NAMESPACES:
        raise ValueError(f"bug in kg: no instance namespace for kind {kind!r}; "
                         f"expected one of {sorted(INSTANCE_NAMESPACES)}")
    return INSTANCE_NAMESPACES[kind][local_name(local)]


def node_iri(node_id: str) -> URIRef:
    """The IRI of a graph node: "<kind>:<slug>" -> https://example.org/kg/id/<kind>/<slug>.

    >>> node_iri("person:hulusi-akar")
    rdflib.term.URIRef('https://example.org/kg/id/person/hulusi-akar')
    >>> node_iri("place:São Paulo")
    rdflib.term.URIRef('https://example.org/kg/id/place/S%C3%A3o%20Paulo')
    """
    kind, _, local = node_id.partition(":")
    return mint(kind, local)


def node_slug(node_id: str) -> str:
    """The part of a graph node id after its kind, as used inside other IRIs.

    >>> node_slug("article:000-ac96e4b3b8268ecb")
    '000-ac96e4b3b8268ecb'
    """
    return node_id.partition(":")[2]


def kind_and_slug(node_id: str) -> str:
    """A node id as one IRI segment that keeps its kind, since a person and a country may share a slug.

    >>> kind_and_slug("country:jordan")
    'country--jordan'
    """
    kind, _, local = node_id.partition(":")
    return f"{kind}--{local}"


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


def slug(text: str) -> str:
    """`text` in lower case with its runs of white space as single hyphens, for the local part of an IRI.

    >>> slug("page date"), slug("  on 28  December ")
    ('page-date', 'on-28-december')
    """
    return "-".join(text.lower().split())


def check_base_iri(base: str) -> str:
    """`base` if it can stand for ID ("https://data.example.com/kg/id/"): an absolute http(s) IRI ending in "/" or "#",
    with nothing Turtle would need to escape; else ValueError saying what is wrong.

    >>> check_base_iri("https://data.example.com/kg/id/")
    'https://data.example.com/kg/id/'
    """
    if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+[/#]", base):
        raise ValueError(f"{base!r} is not a base IRI: give an absolute http(s) IRI that ends in / or #, such as "
                         f"https://data.example.com/kg/id/")
    return base


def prefixes_under(base: str | None) -> dict[str, str]:
    """PREFIXES as strings, the instance namespaces under `base` instead of ID (None: unchanged).

    >>> prefixes_under("https://data.example.com/id/")["person"]
    'https://data.example.com/id/person/'
    """
    return {prefix: (base + str(namespace)[len(ID):] if base and prefix in INSTANCE_NAMESPACES else str(namespace))
            for prefix, namespace in PREFIXES.items()}


def rebased(iri: URIRef, base: str | None) -> URIRef:
    """An instance IRI under `base` instead of ID; any other IRI as it is.

    >>> str(rebased(URIRef(ID + "person/hulusi-akar"), "https://data.example.com/id/"))
    'https://data.example.com/id/person/hulusi-akar'
    """
    return URIRef(base + iri[len(ID):]) if base and iri.startswith(ID) else iri
