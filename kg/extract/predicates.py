"""Meeting predicates in one sentence: the trigger and its parties (status, mode, place, time: circumstances.py)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from kg.countries import fold
from kg.extract.circumstances import mode, negated, place_and_time, status, written
from kg.extract.lexicon import (
    ACCORD_NOUNS,
    ADDRESS_VERBS,
    ATTEND_VERBS,
    ATTENDANCE_REACH,
    CALL_PURPOSES,
    CALL_VERBS,
    EVENT_NOUNS,
    GATHER_VERBS,
    HOLD_VERBS,
    HOST_VERBS,
    JOINT_VERBS,
    MEDIA_WORDS,
    MEET_VERBS,
    MEETING_NOUNS,
    MOTION_VERBS,
    PARTY_ONLY_VERBS,
    PARTY_PREPS,
    PHASES_OF_TALKS,
    PRONOUNS,
    RELATION_NOUNS,
    REPORT_VERBS,
    REPORTERS,
    SEQUENCE,
    SIGN_VERBS,
    SPANS_OF_TALKS,
    TIME_PREPS,
    WITH_ONLY_NOUNS,
)
from kg.extract.names import evidence_of
from kg.extract.parties import Context, distinct, quoted, resolve_group
from kg.extract.rules import confidence
from kg.names import PERSON_TITLES
from kg.records import Meeting, Mention


def read_meeting(token: Token, context: Context) -> Meeting | None:
    """The meeting `token` states, if it is a meeting predicate with at least two named parties."""
    lemma = verb_lemma(token)
    if token.pos_ == "VERB" and lemma in GATHER_VERBS and not any(c.dep_ == "dobj" for c in token.children):
        # "A and B gathered in Rome": a meeting of its subjects (and of a "with" phrase), who must be named.
        parties, anchor, rule = _verb_parties(token, context), token, "meet-verb"
    elif token.pos_ == "VERB" and lemma in MEET_VERBS | HOST_VERBS | CALL_VERBS:
        parties, anchor = _verb_parties(token, context), token
        rule = "meet-verb" if lemma in MEET_VERBS else "host-verb" if lemma in HOST_VERBS else "call-verb"
        if lemma in HOST_VERBS | CALL_VERBS and not _has_person_object(token, context):
            return None
        if lemma in PARTY_ONLY_VERBS and not _has_party_phrase(token, context) \
                and not (lemma in JOINT_VERBS and _joint_subjects(token, context)):
            return None  # "talked about X", "discussed the plan", "spoke to reporters"
        if lemma == "call" and any((c.dep_ in ("prt", "oprd", "attr", "acomp", "ccomp", "xcomp", "dative")
                                    and c.lemma_.lower() not in CALL_PURPOSES) or c.lower_ in ("for", "on")
                                   for c in token.children):
            return None  # "called for", "called on", "called off", "called him a liar"; not "called Y to warn him"
        if lemma == "call" and any(c.dep_ == "dobj" and c.right_edge.i > c.i for c in token.children):
            return None  # "called Alito one of the best judges": naming, not phoning
    elif token.pos_ == "VERB" and lemma in SIGN_VERBS:
        parties, anchor, rule = _signers(token, context), token, "co-signing"
    elif token.pos_ in ("NOUN", "PROPN") and lemma in MEETING_NOUNS and token.tag_ != "VBG":
        if lemma in WITH_ONLY_NOUNS and not any(c.dep_ == "prep" and c.lower_ in WITH_ONLY_NOUNS[lemma]
                                                for c in token.children):
            return None
        if token.head.pos_ == "VERB" and token.head.lemma_.lower() in HOLD_VERBS and token.dep_ == "dobj":
            parties, anchor = _verb_parties(token.head, context) + _noun_parties(token, context), token.head
            rule = "meet-verb"
        else:
            parties, anchor, rule = _noun_parties(token, context), token, "meeting-noun"
            stated = {c.lower_ for c in token.children if c.dep_ == "prep" and c.lower_ in PARTY_PREPS}
            if (parties and stated == {"with"}) or (not parties and not stated):
                # "X said a meeting with Y ...", "after meetings with Y and Z, X said": X is the other party (not
                # in "Zhu said Chiang's visit was important"). "X and Y signed after a meeting": X and Y met, unless
                # the noun names others they met ("conversations with government sources").
                agents = _agent_of_noun(token, context, parties)
                parties = agents + parties
                rule = "noun-agent" if agents else rule
    else:
        return None
    participants = [p for p in distinct(parties, context) if not outlet(p, context)]
    if len(participants) < 2 or negated(anchor) or written(anchor, token) or _unknown_subject(anchor, context):
        return None
    words = [token] if anchor is token else [anchor, token]
    place, date_text = place_and_time(anchor, token, context)
    rules = (rule, *dict.fromkeys(context.found_by[p.id] for p in participants if p.id in context.found_by))
    return Meeting(
        id=f"{context.article.id}#m{token.idx:07d}",  # zero-padded: ids sort in text order
        trigger=" ".join(t.text for t in sorted(words, key=lambda t: t.i)),
        participants=tuple(p.id for p in participants),
        status=status(anchor, token),
        mode=mode(anchor, token),
        place=place.id if place else None,
        date_text=date_text,
        evidence=evidence_of(token, context.article),
        rules=rules,
        confidence=confidence(rules),
        sequence=_sequence(token),
    )


def read_meetings(token: Token, context: Context) -> list[Meeting]:
    """The meetings `token` states: one (`read_meeting`), or one with each person of a list a single person met
    (`one_by_one`)."""
    meeting = read_meeting(token, context)
    return [] if meeting is None else one_by_one(meeting, token, context)


def one_by_one(meeting: Meeting, token: Token, context: Context) -> list[Meeting]:
    """"X met A and B", "X held talks with A, B and C", "after meetings with A and B, X said": X met each of them,
    as the annotation guide reads a visit; not "A, B and C met", "X was met by A and B" (a welcoming party), "talks
    between X, A and B", nor "officials, including A and B" (one meeting of them all)."""
    hold = token.pos_ in ("NOUN", "PROPN") and token.dep_ == "dobj" and token.head.lemma_.lower() in HOLD_VERBS
    anchor = token.head if hold else token
    if any(c.dep_ in ("nsubjpass", "agent") for c in anchor.children):
        return [meeting]
    heads = [c for c in anchor.children if c.dep_ == "dobj" and c.i != token.i]
    heads += [g for h in dict.fromkeys((anchor, token)) for p in h.children if p.dep_ == "prep" and p.lower_ == "with"
              for g in p.children if g.dep_ == "pobj"]
    if len({h.head.i for h in heads}) != 1:
        return [meeting]  # no list, or parties in two phrases
    # The people listed, a name once though the parser split it ("Roh Moo - hyun": three objects), and not the
    # unnamed rest ("... and other Japanese officials")
    listed = [context.mention_at.get(t.i) for h in heads for t in (h, *h.conjuncts)
              if not t.is_punct and (t.i in context.mention_at or not any(c.lower_ == "other" for c in t.children))]
    people = list({m.id: m for m in listed if m is not None and m.kind == "Person"}.values())
    # The bodies of their posts the parser listed with them ("International Monetary Fund (IMF) head Michel
    # Camdessus") are no parties of their own
    bodies = {r.of for r in context.roles if r.holder in {m.id for m in people}}
    if len(people) < 2 or any(m is None or (m.kind != "Person" and m.id not in bodies) for m in listed):
        return [meeting]
    names = {m.name for m in people}
    others = [p for p in meeting.participants if context.mentions[p].name not in names]
    if len(others) != 1 or context.mentions[others[0]].kind != "Person":
        return [meeting]
    return [replace(meeting, id=meeting.id if k == 0 else f"{context.article.id}#m{m.start:07d}",
                    participants=tuple(sorted((others[0], m.id), key=lambda i: context.mentions[i].start)))
            for k, m in enumerate(people)]


def _sequence(noun: Token) -> str | None:
    """The word that picks a meeting out of a series ("the first meeting between A and B"); not the first one "since
    the start of the war", which says how rare this meeting is."""
    word = next((c.lower_ for c in noun.children if c.dep_ == "amod" and c.lower_ in SEQUENCE), None)
    return None if any(t.lower_ == "since" for t in noun.doc[noun.i:noun.sent.end]) else word


def outlet(mention: Mention, context: Context) -> bool:
    """A news outlet (a media word in its name, or the article's own publisher): "X told Wikinews", "spoke to AFP"
    is an interview, not a meeting."""
    words = set(fold(mention.name).split())
    named = bool(words & MEDIA_WORDS) and (mention.kind == "Organisation" or len(words) == 1)  # not Vicente Fox
    return mention.kind != "Country" and (named or (
        context.article.publisher is not None and fold(mention.name) == fold(context.article.publisher)))


def verb_lemma(token: Token) -> str:
    """A verb's lemma, with its particle when the lexicon has the phrasal verb: "sit_down" for "sat down with"."""
    lemma = token.lemma_.lower()
    particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
    phrasal = f"{lemma}_{particles[0]}" if particles else lemma
    return phrasal if phrasal in MEET_VERBS | GATHER_VERBS else lemma


def read_attendance(token: Token, context: Context, earlier: list[Meeting]) -> Meeting | None:
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
    if negated(verb) or status(verb, verb) != "held":
        return None  # "Scholz did not attend the meeting", "Scholz will attend the meeting": not there, or not yet
    # The place must be a meeting the text refers back to ("the event", "the meeting"), not a new one of its own.
    if any(p.lemma_.lower() not in MEETING_NOUNS | EVENT_NOUNS or not any(c.lower_ in ("the", "this", "that")
                                                                           for c in p.children) for p in places):
        return None
    previous = [m for m in earlier if token.sent.start_char - m.evidence.start < ATTENDANCE_REACH
                and m.evidence.start < token.sent.start_char]
    attendees = [m for s in verb.children if s.dep_ in ("nsubj", "nsubjpass") for m in resolve_group(s, context)]
    if not previous or not attendees:
        return None
    meeting = previous[-1]
    participants = distinct([context.mentions[p] for p in meeting.participants] + attendees, context)
    rules = (*meeting.rules, "attendance")
    return replace(meeting, id=f"{context.article.id}#m{token.idx:07d}", trigger=token.text,
                   participants=tuple(p.id for p in participants), evidence=evidence_of(token, context.article),
                   rules=rules, confidence=confidence(rules))


def _has_party_phrase(verb: Token, context: Context) -> bool:
    """A "with" phrase naming a party, or one with a name the tagger missed ("conferred with City Clerk Jan
    Pittman"), or a "to" phrase naming a person ("spoke twice to Ms. Rice")."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in PARTY_PREPS | {"to"}:
            objects = [g for g in child.children if g.dep_ == "pobj"]
            parties = [m for g in objects for m in resolve_group(g, context)]
            if any(m.kind == "Person" or child.lower_ != "to" for m in parties):
                return True
            if child.lower_ != "to" and any(g.pos_ == "PROPN" for g in objects):
                return True
    return bool(_misplaced_parties(verb, context))


def _joint_subjects(verb: Token, context: Context) -> bool:
    """Two or more people as the verb's subject: "Roque and Amorim discussed ...", "The two discussed ...", or as the
    subject it shares ("Chirac and Schroeder spent the day discussing ...", "plan to discuss"); not the purpose of a
    meeting ("met to discuss": the meeting itself)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "xcomp" and verb.head.lemma_.lower() not in MEET_VERBS | GATHER_VERBS | HOLD_VERBS:
        subjects = controller(verb)
    return any(sum(m.kind == "Person" for m in resolve_group(s, context)) >= 2 for s in subjects)


def _has_person_object(verb: Token, context: Context) -> bool:
    # The object itself must be a person, a title or a pronoun: "received 31,499 votes; Ron Forman, ..." is not.
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and not _after_colon(verb, c)
               and (c.i in context.mention_at or c.lemma_.lower() in PERSON_TITLES | {"counterpart"}
                    or c.lower_ in PRONOUNS | {"him", "her"}
                    or any(a.dep_ == "appos" and a.i in context.mention_at and a.left_edge.i == c.i + 2
                           and c.doc[c.i + 1].text == "," for a in c.children))]
    # ("telephoned the army commander, General Mario Montoya": a name in apposition just after the object)
    objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in PARTY_PREPS for g in c.children]
    return any(m.kind == "Person" for o in objects for m in resolve_group(o, context))


def _verb_parties(verb: Token, context: Context) -> list[Mention]:
    """Subjects, objects and "with"/"between"/"along with" phrases of a meeting verb."""
    heads: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and not _after_colon(verb, child):
            heads.append(child)
        elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in PARTY_PREPS) \
                or (child.dep_ == "prep" and child.lower_ == "to" and verb.lemma_.lower() in ("speak", "talk")):
            heads.extend(g for g in child.children if g.dep_ == "pobj")
        elif child.dep_ in ("prep", "advmod") and child.lower_ in ("along", "together"):
            heads.extend(g for p in child.children if p.lower_ == "with" for g in p.children if g.dep_ == "pobj")
    subjectless = not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if subjectless:
        heads.extend(controller(verb) or _name_before(verb, context))
    if heads:
        heads.extend(_loose_names(verb, heads, context))
    parties = [m for head in heads + _misplaced_parties(verb, context) for m in resolve_group(head, context)]
    if subjectless and verb.dep_ == "pcomp" and any(m.kind == "Person" for m in parties) and not quoted(verb) \
            and not any(m.kind == "Person" for h in controller(verb) for m in resolve_group(h, context)):
        parties = _reporter(verb, context) + parties  # "Baker said that after meeting Abe, 'it's clear ...'"
    return parties


def _signers(verb: Token, context: Context) -> list[Mention]:
    """The people who sign an accord together: the subjects of "A and B signed the deal", a "with" party ("A signed
    the treaty with B", "signed an agreement with B"), the agents of "the accord was signed by A and B" and of "the
    agreement signed by A and B". People only: "signed an agreement with India" may be signed apart, and many
    countries sign one convention."""
    accord = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] + ([verb.head] if verb.dep_ == "acl" else [])
    if not any(noun.lemma_.lower() in ACCORD_NOUNS for noun in accord):
        return []
    heads = [c for c in verb.children if c.dep_ == "nsubj"]
    heads += [g for c in (*verb.children, *(c for noun in accord for c in noun.children))
              if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "with") for g in c.children if g.dep_ == "pobj"]
    if verb.dep_ != "acl" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        heads += controller(verb)  # "A and B are to sign a peace deal"
    return [m for head in heads for m in resolve_group(head, context) if m.kind == "Person"]


def _misplaced_parties(verb: Token, context: Context) -> list[Token]:
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
    if "with" in preps:  # "met in the residence shortly after the market closed with James Baker, ..."
        phrases += [p for c in verb.children if c.dep_ == "advcl" and c.lemma_.lower() not in MEET_VERBS
                    for p in c.children if p.dep_ == "prep" and p.lower_ == "with"]
    if "by" in preps:  # "was met outside, after the march was stopped by troopers, by Hadley": a clause's second "by"
        phrases += [agents[-1] for c in verb.children if c.dep_ in ("advcl", "conj")
                    for agents in [[a for a in c.children if a.dep_ == "agent"]] if len(agents) >= 2]
    found = [g for p in phrases for g in p.children if g.dep_ == "pobj"
             and any(m.kind == "Person" and " " in m.text for m in resolve_group(g, context))]
    for head in found:
        for mention in resolve_group(head, context):
            context.found_by.setdefault(mention.id, "misplaced-party")
    return found


def _loose_names(verb: Token, heads: list[Token], context: Context) -> list[Token]:
    """A person's name the parser hung loosely on the verb itself after one of its parties, a broken apposition:
    "met with the president of Russia, Mr. Vladimir Putin, at ...". Not a name left over from a list with times of
    its own ("met Hu on Thursday, Wu and Wen on Friday": separate meetings, which one verb cannot tell apart)."""
    first = min(h.i for h in heads)
    return [c for c in verb.children if c.dep_ in ("npadvmod", "appos") and c.i > first
            and verb.doc[c.left_edge.i - 1].text == "," and c.i in context.mention_at
            and context.mention_at[c.i].kind == "Person"]


def _name_before(verb: Token, context: Context) -> list[Token]:
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


def controller(verb: Token) -> list[Token]:
    """The subject a subjectless verb shares: "Erdogan likely to meet Assad", "X arrived and met Y"."""
    head = verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("PROPN", "NOUN"):
        return [head]  # "Edmond Maire, meeting with Chirac today, renewed ...": the noun the participle describes
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return [c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")] or controller(head.head)
    if verb.dep_ in ("xcomp", "conj", "advcl", "acomp") and head is not verb:
        objects = [c for c in head.children if c.dep_ == "dobj"]
        if verb.dep_ == "xcomp" and objects and head.lemma_.lower() in ("invite", "ask", "urge", "persuade"):
            return objects  # "invited X to meet Y": X meets Y
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return subjects or controller(head)
    return []


def _noun_parties(noun: Token, context: Context) -> list[Mention]:
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
    # "the Reagan-Gorbachev summit", "Bush-Blair talks": two people joined by a hyphen before the noun.
    before = [t for t in noun.doc[noun.left_edge.i:noun.i] if t.dep_ in ("compound", "punct")]
    named = list(dict.fromkeys(context.mention_at[t.i] for t in before
                               if t.i in context.mention_at and context.mention_at[t.i].kind == "Person"))
    if len(named) >= 2 and any(t.text in ("-", "–") for t in before):
        heads.extend(t for t in before if t.i in context.mention_at)
    heads.extend(_attended_by(noun, context))
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":  # "The first meeting was between Bush and Calderón"
        heads.extend(g for c in noun.head.children if c.dep_ == "prep" and c.lower_ in PARTY_PREPS
                     for g in c.children if g.dep_ == "pobj")
    mentions = [mention for head in heads for mention in resolve_group(head, context)]
    return mentions + [m for host in hosts for m in resolve_group(host, context) if m.kind == "Person"]


def _attended_by(noun: Token, context: Context) -> list[Token]:
    """Who a meeting "was attended by": "The meeting was attended by A, B and by C"; "after a meeting, attended by A
    and B", where the parser hangs the participle on the clause rather than on the noun."""
    verb = noun.head if noun.dep_ == "nsubjpass" else None
    after = noun.right_edge.i + 2
    if verb is None and after < len(noun.doc) and noun.doc[after - 1].text == "," \
            and noun.doc[after].dep_ == "advcl" and noun.doc[after].head.i < noun.i:
        verb = noun.doc[after]
    if verb is None or verb.lemma_.lower() not in ATTEND_VERBS or verb.tag_ != "VBN":
        return []
    agents, todo = [], [c for c in verb.children if c.dep_ == "agent"]
    while todo:  # "by A and by B": the second "by" is a conjunct of the first
        agent = todo.pop(0)
        agents += [g for g in agent.children if g.dep_ == "pobj"]
        todo += [c for c in agent.children if c.dep_ == "conj" and c.lower_ == "by"]
    for mention in (m for agent in agents for m in resolve_group(agent, context)):
        context.found_by.setdefault(mention.id, "attended-by")
    return agents


def _agent_of_noun(noun: Token, context: Context, named: list[Mention]) -> list[Mention]:
    """Who had "a meeting with Y", where the noun phrase names only Y: the subject of the verb it is the object of
    ("X sought talks with Y"), of the clause it sets the time of ("after a meeting with Y, X said", "X was in talks
    with Y"), or of the verb that reports it ("X said a meeting with Y was a possibility"). `named` are the parties
    the noun phrase names itself; only if there are any does "in" or "from" tie it to a clause ("X was in talks with
    Y", "X arrived from a meeting with Y", not "X, a negotiator in the six-party talks, ...")."""
    phase = False
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" \
            and noun.head.head.lemma_.lower() in SPANS_OF_TALKS | PHASES_OF_TALKS:
        # "following two days of talks with Y", "a round of talks with Y", "at the end of talks with Y": the place
        # of the span, or of the point, in the clause
        noun = noun.head.head
        phase = phase or noun.lemma_.lower() in PHASES_OF_TALKS
    head = noun.head
    if noun.dep_ == "dobj":
        governor = head
    elif noun.dep_ == "pobj" and head.lower_ in TIME_PREPS | {"in", "from"} | ({"as", "on"} if phase else set()) \
            and head.dep_ == "prep" and (head.lower_ in TIME_PREPS or named or _fronted(head) or phase
                                         or _joint_clause(head, context)):
        # The phrase may hang from a noun of the clause ("stated his position ... in a phone call with Y").
        governor = next((t for t in head.ancestors if t.pos_ in ("VERB", "AUX")
                         and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)), head.head)
    elif noun.dep_ in ("nsubj", "nsubjpass") and head.dep_ == "ccomp" and head.head.lemma_.lower() in REPORT_VERBS:
        governor = head.head
    elif noun.dep_ == "pobj" and head.lower_ in ("into", "to", "for", "from") \
            and head.head.lemma_.lower() in MOTION_VERBS:
        governor = head.head  # "went into a meeting with Y", "drove to a meeting with Y", "arrived for talks with Y"
    else:
        return []
    if governor.pos_ not in ("VERB", "AUX"):
        return []
    subjects = [c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")] or controller(governor)
    agents = [m for s in subjects for m in resolve_group(s, context)]
    if not agents:  # "X's remarks followed talks with Y": the possessor of a subject that names no one
        agents = [m for s in subjects for c in s.children if c.dep_ == "poss" for m in resolve_group(c, context)
                  if m.kind == "Person"]
    if not agents and any(m.kind == "Person" for m in named) and not quoted(noun):
        # "Yeutter said the case was resolved at a meeting with Figuerras": the one who reports it
        agents = _reporter(governor, context)
    if not agents:  # "The truce was signed by X after a meeting with Y": the doer of a passive clause
        agents = [m for a in governor.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
                  for m in resolve_group(o, context) if m.kind == "Person"]
    if noun.dep_ == "pobj" and (head.lower_ in ("during", "at") or (head.lower_ == "in" and _fronted(head))) \
            and governor.lemma_.lower() in ADDRESS_VERBS:
        # "During a summit ..., the King told the President of Venezuela, Hugo Chávez, to shut up": whom one
        # addresses at a meeting, one meets there; not whom one defends or criticises there.
        agents += [m for o in governor.children if o.dep_ == "dobj" for m in resolve_group(o, context)
                   if m.kind == "Person"]
        agents += [m for a in governor.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
                   for m in resolve_group(o, context) if m.kind == "Person"]  # "... he was told by Zinichev"
    return agents


def _joint_clause(prep: Token, context: Context) -> bool:
    """A phrase on a verb whose subject is two or more people: "Lyng and Yeutter took a hard line in talks here last
    week" (both were in them; "X, a negotiator in the six-party talks" says nothing of X's clause)."""
    people = {m.name for c in prep.head.children if c.dep_ == "nsubj" for m in resolve_group(c, context)
              if m.kind == "Person"}
    return prep.head.pos_ in ("VERB", "AUX") and len(people) >= 2


def _reporter(clause: Token, context: Context) -> list[Mention]:
    """The person who reports a clause in which a meeting has no named agent of its own: "Yeutter said the case was
    resolved at a meeting with Figuerras". Not a spokesman or an official, who reports the meetings of others."""
    for governor in (clause, *clause.ancestors):
        if governor.lemma_.lower() in REPORT_VERBS and governor.pos_ == "VERB" and governor is not clause:
            subjects = [c for c in governor.children if c.dep_ == "nsubj"]
            if any(t.lemma_.lower() in REPORTERS for s in subjects for t in s.subtree):
                return []
            people = [m for s in subjects for m in resolve_group(s, context) if m.kind == "Person"]
            reporting = {r.holder for r in context.roles if set(r.title.lower().split()) & REPORTERS}
            return people if len(people) == 1 and people[0].id not in reporting else []
        if governor.dep_ not in ("ccomp", "advcl", "xcomp", "pcomp", "prep", "pobj", "conj"):
            return []
    return []


def _fronted(prep: Token) -> bool:
    """A phrase that opens its clause and sets its scene: "In a 30-minute meeting, Tanaka told Funaro ..."."""
    return prep.i < prep.head.i and (prep.i == prep.sent.start or prep.doc[prep.i - 1].text in (",", ";"))


def _unknown_subject(anchor: Token, context: Context) -> bool:
    """A subject the article does not name ("Officials met with A and B", "America's chief diplomat met with A as
    well as with B"): whoever it is met the others, who need not have met each other. The passive subject of "the
    accord was signed by A and B" is what was signed, no party."""
    roles = ("nsubj",) if anchor.lemma_.lower() in SIGN_VERBS else ("nsubj", "nsubjpass")
    subjects = [c for c in anchor.children if c.dep_ in roles] if anchor.pos_ == "VERB" else []
    return bool(subjects) and not any(resolve_group(s, context) for s in subjects)
