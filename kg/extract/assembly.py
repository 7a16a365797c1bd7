"""One meeting from its mentions across an article: people the text places at a meeting it has already named.

"Briam told a regular quarterly meeting of the plant's workforce. ... Walter Hiller, the chairman of the works council,
told the same Wolfsburg meeting ..." is one meeting of Briam and Hiller, though no sentence names both. A person
takes part in a meeting the text names by a verb of taking part (attend, chair, host, address, tell, join, open,
lead, brief, preside over), by what they did at it ("At the summit, X said ...", "X signed the accord during the
talks", "the conference in Oslo, where X and Y agreed ...") or by speaking just after it ("X told reporters after
the talks"); not at a news conference, which one side gives the press. A mention with its own determiner
("a meeting") is a meeting of its own; one that refers back ("the meeting", "the same meeting", "those talks") is the
meeting named by the nearest meeting word before it, within ANAPHORA_REACH characters ("met for their seventh
summit. The meeting was attended by A and B"). People join a meeting only if it was held.

An article about a summit it reports held (the word three times or more) also places at it the countries' leaders
it quotes, who are there for their delegations ("The summit ended yesterday in Lisbon ... Merkel accused ... Kufuor
said ..."): a weaker rule, `summit-speaker`, as a leader may answer from home.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from kg.extract.circumstances import negated, place_and_time, status, takes_part
from kg.extract.lexicon import (
    ABSENT_VERBS,
    EVENT_NOUNS,
    FORMER,
    GATHER_VERBS,
    HOST_VERBS,
    MEET_VERBS,
    MEETING_NOUNS,
    PARTY_PREPS,
    REPORT_VERBS,
    STATEMENT_VERBS,
    SUMMIT_NOUNS,
    TAKE_PART_VERBS,
)
from kg.extract.names import evidence_of
from kg.extract.parties import Context, distinct, leads, quoted, resolve_group, title_words
from kg.extract.predicates import controller, verb_lemma
from kg.extract.rules import confidence
from kg.records import Meeting, Mention

ANAPHORA_REACH = 1500  # characters back from "the meeting" to the meeting it refers to: a few paragraphs
REFERRING = {"the", "this", "that", "these", "those", "same"}


@dataclass(frozen=True, slots=True)
class _Taking:
    """People the text places at a meeting it names by `noun`."""

    noun: Token
    people: tuple[Mention, ...]


def assemble(meetings: list[Meeting], context: Context) -> list[Meeting]:
    """The meetings with the people placed at them elsewhere in the article, and meetings of two or more people
    made only of such mentions."""
    by_word = {int(m.id.rpartition("#m")[2]): m for m in meetings}  # a meeting's id ends in its word's offset
    # Each meeting word's antecedent: itself, or for "the meeting" (no meeting of its own) the antecedent of the
    # nearest meeting word before it, so "met in Rome ... who chaired the talks ... At the meeting, C said" is one.
    antecedent: dict[int, int] = {}
    for word in filter(_meeting_word, context.doc):
        before = [i for i in antecedent if word.idx - ANAPHORA_REACH <= i]
        refers = _refers_back(word) and word.idx not in by_word and before
        antecedent[word.idx] = antecedent[max(before)] if refers else word.idx
    # Who the article places at a meeting: by a verb of taking part in it, or as a leader who speaks in an article
    # about a summit it reports held.
    placed = [("takes-part", antecedent[t.noun.idx], t.people) for t in _takings(context)]
    placed += [("summit-speaker", at, people) for at, people in _summit_speakers(context, antecedent).items()]
    opened: dict[int, tuple[tuple[Mention, ...], tuple[str, ...]]] = {}  # meetings named without one of their own
    for rule, at, people in placed:
        meeting = by_word.get(at)
        if meeting is not None and meeting.status == "held":
            joined = distinct([context.mentions[p] for p in meeting.participants] + list(people), context)
            rules = (*dict.fromkeys((*meeting.rules, rule)),)
            by_word[at] = replace(meeting, participants=tuple(p.id for p in joined), rules=rules,
                                  confidence=confidence(rules))
        elif meeting is None:
            known, rules = opened.get(at, ((), ()))
            opened[at] = (tuple(distinct([*known, *people], context)), (*dict.fromkeys((*rules, rule)),))
    for at, (people, rules) in opened.items():
        if len(people) >= 2:
            word = next(t for t in context.doc if t.idx == at)
            place, date_text = place_and_time(word, word, context)
            by_word[at] = Meeting(id=f"{context.article.id}#m{at:07d}", trigger=word.text,
                                  participants=tuple(p.id for p in people), status="held", mode="unknown",
                                  place=place.id if place else None, date_text=date_text,
                                  evidence=evidence_of(word, context.article),
                                  rules=rules, confidence=confidence(rules))
    return [by_word[at] for at in sorted(by_word)]


def _meeting_word(token: Token) -> bool:
    """A word that names a meeting, which "the meeting" after it may refer to."""
    lemma = verb_lemma(token) if token.pos_ == "VERB" else token.lemma_.lower()
    return (token.pos_ in ("NOUN", "PROPN") and lemma in MEETING_NOUNS | EVENT_NOUNS and token.tag_ != "VBG") \
        or (token.pos_ == "VERB" and lemma in MEET_VERBS | HOST_VERBS | GATHER_VERBS)


def _takings(context: Context) -> list[_Taking]:
    """Every meeting noun of the article that someone takes part in, with the people who do, in text order."""
    found = []
    for noun in context.doc:
        if not _meeting_word(noun) or noun.pos_ == "VERB" or _press_conference(noun):
            continue
        verb = _taking_part_verb(noun)
        if verb is None or negated(verb) or status(verb, noun) != "held":
            continue
        heads = [c for c in verb.children if c.dep_ == "nsubj"]
        heads += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if not heads and verb.tag_ == "VBG":
            heads = controller(verb)  # "X, speaking at the summit, said ..."
        if verb.dep_ == "csubj":  # "Taking part in the talks were A and B"
            heads += [c for c in verb.head.children if c.dep_ == "attr"]
        people = tuple(m for h in heads for m in resolve_group(h, context) if m.kind == "Person")
        if people:
            found.append(_Taking(noun, people))
    return found


def _press_conference(noun: Token) -> bool:
    """A news conference is given to the press by one side: those who speak at it did not meet, unless it is a joint
    one ("Merkel and Sarkozy told a joint news conference")."""
    return any(c.dep_ == "compound" and c.lower_ in ("news", "press") for c in noun.children) \
        and not any(c.lower_ == "joint" for c in noun.children)


def _refers_back(noun: Token) -> bool:
    """"the meeting", "the same meeting", "those talks": a meeting named before; "a meeting" is a new one."""
    return noun.pos_ != "VERB" and any(c.lower_ in REFERRING for c in noun.children if c.dep_ in ("det", "amod"))


def _taking_part_verb(noun: Token) -> Token | None:
    """The verb by which someone takes part in the meeting `noun` names: "chaired the talks", "told the meeting",
    "presided over the session", "was attended by", "At the summit, X said", "X signed it during the talks", "the
    summit, where X and Y signed", "X said after the talks"."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in TAKE_PART_VERBS:
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        verb = head.head
        if head.lower_ in ("over", "in", "at") and takes_part(verb):
            return verb  # "presided over the session", "participated in the talks", "took part in the talks"
        if head.lower_ in ("at", "during") and verb.lemma_.lower() in REPORT_VERBS and head.i < verb.i:
            return verb  # "At the meeting, the minister said ..."
        if head.lower_ in ("at", "during") and noun.lemma_.lower() in MEETING_NOUNS and verb.pos_ == "VERB" \
                and verb.tag_ != "VBN" and verb.lemma_.lower() not in ABSENT_VERBS:
            return verb  # "X signed the agreement at the summit", "X said during the talks"; not at a ceremony
        if head.lower_ in ("after", "following") and verb.lemma_.lower() in REPORT_VERBS and _refers_back(noun) \
                and noun.lemma_.lower() in MEETING_NOUNS \
                and not any(c.dep_ == "prep" and c.lower_ in PARTY_PREPS for c in noun.children):
            # "Miyazawa told reporters after the meeting"; not "after the meeting between A and B", nor "said
            # following the ceremony" (an event many attend, not a meeting of them)
            return verb
    # The clause may hang on the meeting's place: "the conference in Oslo, where A and B agreed ...".
    places = [g for p in noun.children if p.dep_ == "prep" and p.lower_ in ("in", "at") for g in p.children
              if g.dep_ == "pobj"]
    for clause in (c for h in (noun, *places) for c in h.children
                   if c.dep_ == "relcl" and c.lemma_.lower() not in ABSENT_VERBS):
        # "an AU summit where Presidents Buhari and Talon signed the agreement", "the talks, at which X said"
        if any(c.lower_ == "where" for c in clause.children) or any(
                c.dep_ == "prep" and c.lower_ in ("at", "during") and any(g.lower_ == "which" for g in c.children)
                for c in clause.children):
            return clause
    return None


def _summit_speakers(context: Context, antecedent: dict[int, int]) -> dict[int, tuple[Mention, ...]]:
    """The leaders who speak in an article about a summit it reports held, at its first mention: "The summit ended
    yesterday in Lisbon ... German Chancellor Angela Merkel accused ... Ghana's President John Kufuor said ...".
    An article about a summit (its word three times or more) quotes those who spoke there; a country's head of state
    or government, or its foreign minister, speaks for a delegation. Two such speakers or more, or none."""
    nouns = [t for t in context.doc if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in SUMMIT_NOUNS
             and t.idx in antecedent and not _press_conference(t)]
    if len(nouns) < 3 or negated(nouns[0]) or status(nouns[0], nouns[0]) != "held":
        return {}
    leaders = {context.mentions[r.holder].name.split()[-1] for r in context.roles
               if r.of is not None and context.mentions[r.of].kind == "Country" and _delegation_head(r.title)}
    people: dict[str, Mention] = {}  # by surname: "Merkel" and "Angela Merkel" speak as one
    for verb in context.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in REPORT_VERBS | STATEMENT_VERBS or quoted(verb):
            continue
        for mention in (m for s in verb.children if s.dep_ == "nsubj" for m in resolve_group(s, context)):
            if mention.kind == "Person" and mention.name.split()[-1] in leaders:
                people.setdefault(mention.name.split()[-1], mention)
    return {antecedent[nouns[0].idx]: tuple(people.values())} if len(people) >= 2 else {}


def _delegation_head(title: str) -> bool:
    """A country's head of state or government ("President", "Prime Minister"), or its foreign minister."""
    words = title_words(title)
    return not set(words) & FORMER and (leads(words) or words[-2:] == ["foreign", "minister"])
