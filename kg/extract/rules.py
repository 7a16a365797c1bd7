"""The named rules that read meetings, each with what it reads and how far it is trusted.

Every article-level meeting records the rules that made it: the predicate rule that found the meeting and every rule
that found one of its parties beyond a plain name (a pronoun, a quotation's speaker, an office named without its
holder). A meeting's confidence is that of its weakest rule: it holds only as well as its least certain participant.
`kg build --min-confidence X` keeps the meetings whose confidence is X or more.

The confidences are priors set from the precision each kind of rule had on the development gold
(`../shared/gold/dev.jsonl`), rounded down: a direct predicate with named arguments is rarely wrong, a party found
in another sentence more often.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    reads: str  # what the rule reads, with an example
    confidence: float


RULES: dict[str, Rule] = {rule.name: rule for rule in (
    # Predicates: what states the meeting.
    Rule("meet-verb", "a meeting verb with its subject, object and party phrases: 'A met B', 'A held talks with B'",
         0.9),
    Rule("host-verb", "a visit or reception with a person as object: 'A hosted B', 'A visited B', 'A briefed B'",
         0.9),
    Rule("call-verb", "a call with a person as object: 'A telephoned B'", 0.9),
    Rule("co-signing", "people who sign an accord together: 'A and B signed the peace deal', 'the treaty was signed "
         "by A and B'", 0.8),
    Rule("meeting-noun", "a meeting noun with its parties: 'talks between A and B', 'A's meeting with B'", 0.9),
    Rule("noun-agent", "who had a meeting the noun names the other party of: 'after a meeting with B, A said'", 0.85),
    Rule("attendance", "people placed at a meeting just reported: 'Also present were C and D'", 0.8),
    Rule("takes-part", "a person who takes part in a meeting the article names, joined to the one it names before: "
         "'A told a meeting ... B told the same meeting', 'B, who chaired the talks', 'B signed it at the summit'",
         0.75),
    Rule("summit-speaker", "a country's leader who speaks in an article about a summit it reports held, joined to "
         "the summit", 0.6),
    # Parties found beyond a plain name in the predicate's own phrases.
    Rule("pronoun", "'he'/'she' as the reporter of the clause or the subject of the sentence before (or of the one "
         "before that, when the sentence between names no person)", 0.85),
    Rule("quote-speaker", "'I' inside a quotation, as the person it is attributed to", 0.8),
    Rule("office-holder", "'the Prime Minister' alone, as the one holder of that office the article names", 0.8),
    Rule("title-holders", "'the senators' alone, as the two or more people the article gives that title; 'the two "
         "foreign ministers', as that many", 0.75),
    Rule("role-holders", "'the defence ministers of A and B', as the holders the article names", 0.85),
    Rule("attended-by", "who a meeting noun was attended by: 'The meeting was attended by A and by B', 'after a "
         "meeting, attended by A and B'", 0.85),
    Rule("misplaced-party", "a party phrase the parser hung on the object or place of the verb", 0.85),
)}


def confidence(rules: tuple[str, ...]) -> float:
    """A meeting's confidence: its weakest rule's.

    >>> confidence(("meet-verb",)), confidence(("meet-verb", "quote-speaker"))
    (0.9, 0.8)
    """
    return min(RULES[name].confidence for name in rules)
