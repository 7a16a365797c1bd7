"""What a meeting predicate says of its meeting beyond its parties: whether it was held (status, negation), how
(in person, by phone, by video, or in writing, which is no meeting), where and when. Read from the predicate, the
words that govern it up to the clause that reports it, and their modifiers."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.lexicon import (
    AHEAD,
    CALL_VERBS,
    CANCELLED_CUES,
    DENIAL_VERBS,
    DURATION,
    HOST_VERBS,
    IMPLICATIVE_VERBS,
    LATER_PREPS,
    MEET_VERBS,
    MOTION_VERBS,
    PHONE_CUES,
    PLANNED_CUES,
    POSSIBLE_CUES,
    REPORT_VERBS,
    SPANS_OF_TALKS,
    TAKE_PART_VERBS,
    TIME_PREPS,
    TRAVEL_VERBS,
    VIDEO_CUES,
    WRITTEN_CUES,
)
from kg.extract.parties import Context
from kg.records import Mention, Mode, Status


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
        # "the groundwork for talks", "looks forward to meeting X", "could be broken with talks between A and B",
        # "will not take part in negotiations with Y": through the preposition to what it belongs to.
        purpose = token.dep_ in ("pobj", "pcomp") and token.head.dep_ == "prep" \
            and (token.head.lower_ not in TIME_PREPS | {"in", "of", "including"} or _taking_part_in(token.head)
                 or _span_of_talks(token.head))
        if not (verbal or argument or purpose) or token.head.lemma_.lower() in REPORT_VERBS:
            break
        token = token.head.head if purpose else token.head
        chain.append(token)
    return chain


def _span_of_talks(prep: Token) -> bool:
    """"four days of talks", "a round of talks": what governs the span governs the talks ("are due to start four days
    of talks tomorrow" are talks to come); not a point of them ("as a result of the meeting", "at the end of talks"),
    which is a time or a cause of another clause."""
    return prep.lower_ == "of" and prep.head.lemma_.lower() in SPANS_OF_TALKS


def takes_part(verb: Token) -> bool:
    """A verb of taking part in a meeting named as its object or after "in": "attended", "chaired", "took part"."""
    return verb.lemma_.lower() in TAKE_PART_VERBS or (
        verb.lemma_.lower() == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children))


def _taking_part_in(prep: Token) -> bool:
    """"participate in", "take part in", "engage in" (the talks): the verb says whether one takes part, and when."""
    return prep.lower_ == "in" and (takes_part(prep.head) or prep.head.lemma_.lower() == "engage")


def status(anchor: Token, trigger: Token) -> Status:
    cues: set[str] = set()
    governors = _governors(anchor)
    for token in {*governors, trigger}:
        if token not in (anchor, trigger) and not (token.lemma_.lower() == "go" and token.tag_ != "VBG"):
            # "paid a courtesy call": the predicate is no cue of its own status; "go" is one only as "is going to
            # meet", not in "went straight into a meeting with Y"
            cues.add(token.lemma_.lower())
        cues.update(c.lemma_.lower() for c in token.children
                    if c.dep_ in ("aux", "auxpass", "acomp", "attr", "amod", "advmod", "prt", "npadvmod"))
        cues.update(c.lower_ for c in token.children if c.dep_ in ("aux", "amod"))
    if any(token.lemma_.lower() == "break" for token in governors):
        cues.discard("off")  # "broke off talks with Y": they were held, and ended; "called off" one that was not
    if trigger.dep_ == "pobj" and trigger.head.lower_ in LATER_PREPS:
        cues.add("upcoming")  # "before their talks with Bush": the talks come after what the sentence reports
    if trigger.dep_ == "pobj" and trigger.head.lower_ in TIME_PREPS and any(
            c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in trigger.head.head.children):
        cues.add("upcoming")  # "During the APEC meeting, Hu and Harper will meet": the meeting sets a time to come
    # The time expressions of the predicate itself (not of a clause under it: "called Y to warn him next week's ...").
    heads = [g for h in (anchor, trigger) for c in h.children
             for g in ([c] if c.dep_ in ("npadvmod", "advmod", "amod") else
                       [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" else [])]
    if any(t.lower_ in AHEAD for g in heads if g.ent_type_ in ("DATE", "TIME") for t in g.subtree):
        cues.add("upcoming")  # "meet later this week", "talks next month"
    if any(g.dep_ == "advcl" and g.tag_ in ("VBP", "VBZ")
           and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "once", "if") for c in g.children)
           for g in governors):
        # "are likely to agree when they meet", "his demand when he arrives for talks with Reagan": a present tense
        # in a "when" clause is to come
        cues.add("upcoming")
    if any(t.tag_ == "VB" and any(c.lower_ == "to" and c.dep_ == "aux" for c in t.children)
           and not _trip_taken(t) for t in governors):
        cues.add("upcoming")  # "flies tomorrow to meet Bush": an intention, not a meeting that took place
    if cues & CANCELLED_CUES:
        return "cancelled"
    if cues & POSSIBLE_CUES:
        return "possible"
    if cues & PLANNED_CUES:
        return "planned"
    return "held"


def _trip_taken(infinitive: Token) -> bool:
    """"Putin flew to Berlin to meet Merkel": the purpose of a journey told in the past was met, as a rule; what one
    "managed to" do was done."""
    head = infinitive.head
    return infinitive.dep_ in ("advcl", "xcomp") and head.tag_ == "VBD" \
        and head.lemma_.lower() in MOTION_VERBS | TRAVEL_VERBS | IMPLICATIVE_VERBS


def written(anchor: Token, trigger: Token) -> bool:
    """"spoke to John Key via email", "called Mr. Libby in a written statement": not a conversation."""
    return any(t.lower_ in WRITTEN_CUES for t in (*anchor.children, *trigger.children)
               for t in (t, *t.children))


def negated(anchor: Token) -> bool:
    """"did not meet", "denied having met": the text says the meeting did not happen."""
    governors = _governors(anchor)
    return any(c.dep_ == "neg" for token in governors for c in token.children) \
        or any(token.lemma_.lower() in DENIAL_VERBS for token in governors[1:])


def mode(anchor: Token, trigger: Token) -> Mode:
    words = {t.lower_ for t in (*anchor.subtree, *trigger.subtree)} | {anchor.lemma_.lower(), trigger.lemma_.lower()}
    if words & VIDEO_CUES:
        return "video"
    if words & PHONE_CUES and (anchor.lemma_.lower() in CALL_VERBS or words & {"phone", "telephone", "phoned"}):
        return "phone"
    if anchor.lemma_.lower() in MEET_VERBS | HOST_VERBS or trigger.lemma_.lower() in ("summit", "visit"):
        return "in_person"
    return "unknown"


def place_and_time(anchor: Token, trigger: Token, context: Context) -> tuple[Mention | None, str | None]:
    """The place ("in Moscow", "at the Kremlin") and time ("on Wednesday") attached to the predicate, or to the verb a
    meeting noun is the subject of ("The summit ended yesterday in Lisbon", "Talks were held in Geneva")."""
    place, date_text = None, None
    heads = [anchor, trigger]
    if anchor.pos_ in ("NOUN", "PROPN") and anchor.dep_ in ("nsubj", "nsubjpass") and anchor.head.pos_ == "VERB":
        heads.append(anchor.head)
    for head in dict.fromkeys(heads):
        for child in head.children:
            objects = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else [child]
            for obj in objects:
                mention = context.mention_at.get(obj.i)
                if place is None and child.dep_ == "prep" and child.lower_ in ("in", "at") and mention is not None \
                        and mention.kind in ("Place", "Country"):
                    place = mention
                if date_text is None and obj.ent_type_ in ("DATE", "TIME") and child.dep_ in ("prep", "npadvmod") \
                        and child.lower_ not in ("until", "till", "since"):  # not "adjourned until Thursday"
                    span = next(e for e in context.doc.ents if e.start <= obj.i < e.end)
                    if not DURATION.search(span.text):
                        date_text = span.text
    return place, date_text
