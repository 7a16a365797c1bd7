"""Whether a verb is told as still to come: the tense a date's verb gives it, read from the parse."""

from __future__ import annotations

from spacy.tokens import Token

FUTURE_AUX = {"will", "shall", "'ll", "wo"}  # "wo" of "won't"
SCHEDULE_VERBS = {"schedule", "slate"}  # "elections are scheduled for December 15, 2005"
# Verbs whose infinitive is still to come when they are told in the present: "plans to hold", "is set to take", "are
# expected to vote"; verbs of intent like those a meeting is read as planned by (PLANNED_CUES, kg/extract/lexicon.py).
INTENT_VERBS = {"plan", "intend", "expect", "set", "schedule", "slate", "aim"}


def told_as_to_come(verb: Token) -> bool:
    """A verb told as still to come: "will leave", "are scheduled for"; "is to be banned", "is set to take", "are
    expected to hold", "plans to hold", "will need to serve" (the infinitive of a verb that is); elections "are due"."""
    if (verb.lower_ == "due" and _present_be(verb.head)) or (
            _present_be(verb) and any(c.lower_ == "due" and c.dep_ == "acomp" for c in verb.children)):
        return True
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    # "are scheduled for", "has been scheduled for"; not "a hearing scheduled for October 2005 was delayed"
    scheduled = verb.lemma_.lower() in SCHEDULE_VERBS and verb.tag_ == "VBN" \
        and any(c.dep_ == "auxpass" for c in verb.children) and not auxiliaries & {"was", "were", "had"}
    if auxiliaries & FUTURE_AUX or scheduled:
        return True
    head = verb.head
    if verb.dep_ != "xcomp" or "to" not in auxiliaries or head is verb:
        return False
    if head.lemma_.lower() == "be":
        # "is to be banned", "is now to hold": the "to" follows the verb be; not a misattached purpose clause
        to = next(c for c in verb.children if c.lower_ == "to")
        return _present_be(head) and 0 < to.i - head.i <= 2
    if head.lemma_.lower() in INTENT_VERBS:
        head_auxiliaries = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
        return head.tag_ in ("VBZ", "VBP") or (head.tag_ == "VBN" and any(_present_be(a) for a in head_auxiliaries))
    return told_as_to_come(head)


def _present_be(token: Token) -> bool:
    return token.lemma_.lower() == "be" and token.tag_ in ("VBZ", "VBP")
