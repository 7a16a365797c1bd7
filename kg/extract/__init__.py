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

from spacy.tokens import Doc

from kg.extract.assembly import assemble
from kg.extract.names import join_split_names, mentions_of, split_country_from_name
from kg.extract.parties import Context
from kg.extract.predicates import read_attendance, read_meeting
from kg.extract.roles import roles_of
from kg.records import Article, Extraction, Meeting


def extract(doc: Doc, article: Article) -> Extraction:
    """Mentions, roles and meetings of one article."""
    join_split_names(doc)
    split_country_from_name(doc)
    mention_at = mentions_of(doc, article)
    mentions = {m.id: m for m in mention_at.values()}
    roles = tuple(roles_of(doc, article, mention_at))
    context = Context(doc, article, mention_at, roles, mentions, {})
    meetings: list[Meeting] = []
    for token in doc:
        meeting = read_meeting(token, context) or read_attendance(token, context, meetings)
        if meeting is not None:
            meetings.append(meeting)
    meetings = assemble(meetings, context)
    ordered = tuple(sorted(mentions.values(), key=lambda m: m.start))
    return Extraction(article=article, mentions=ordered, roles=roles, meetings=tuple(meetings))
