"""Doc -> mentions, roles and meetings of one article, read from the dependency parse, in two layers.

Mentions (`predicates.py`): a meeting word of the lexicon (kg/data/meeting_words.tsv, the CAMEO consult family) with
its arguments: subjects, objects, coordinations, "with", "between", "along with", "led by". Two names in one
sentence are not a meeting: every participant must be an argument of the predicate. Status (held, planned, possible,
cancelled) comes from the modals, governing verbs, negation and time expressions around the predicate; place and
time from its prepositional phrases (`circumstances.py`). A party may be a name, a pronoun whose person the text
leaves in no doubt, a quotation's "I" (its attributed speaker), an office or title the article names the holders of
("the Prime Minister", "the senators", "the defence ministers of Russia, Turkey and Syria") (`parties.py`). Roles
come from titles before a name ("Turkish defence minister Hulusi Akar") and appositions (`roles.py`).

Assembly (`assembly.py`): the mentions of one meeting in the article are joined, so people the text places at a
meeting it named before ("B, who chaired the talks", "C told the same meeting", "Also present were ...") join it.
Every meeting records the rules that made it and their confidence (`rules.py`). Names the tagger missed or mistyped
are repaired from the text around them (`names.py`: "President Saakashvili", a country run into a name, a name tagged
as a person elsewhere in the article).
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.assembly import assemble
from kg.extract.kinds import settle_kinds
from kg.extract.names import (
    complete_cut_names,
    join_split_names,
    mentions_of,
    named_in_headline,
    split_country_from_name,
)
from kg.extract.parties import Context
from kg.extract.predicates import read_attendance, read_meetings
from kg.extract.roles import roles_of
from kg.records import Article, Extraction, Meeting


def extract(doc: Doc, article: Article) -> Extraction:
    """Mentions, roles and meetings of one article."""
    join_split_names(doc)
    complete_cut_names(doc)
    split_country_from_name(doc)
    mention_at, kind_changes = settle_kinds(doc, mentions_of(doc, article))
    mention_at = named_in_headline(mention_at, article.title)
    mentions = {m.id: m for m in mention_at.values()}
    roles = tuple(roles_of(doc, article, mention_at))
    context = Context(doc, article, mention_at, roles, mentions, {})
    meetings: list[Meeting] = []
    for token in doc:
        found = read_meetings(token, context)
        if not found and (attended := read_attendance(token, context, meetings)) is not None:
            found = [attended]
        meetings.extend(found)
    meetings = assemble(meetings, context)
    ordered = tuple(sorted(mentions.values(), key=lambda m: m.start))
    return Extraction(article=article, mentions=ordered, roles=roles, meetings=tuple(meetings),
                      kind_changes=tuple(kind_changes))
