"""Who a noun phrase stands for: names, coordinations, pronouns, role phrases and their holders."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extract.lexicon import (
    FORMER,
    HOLD_VERBS,
    HOST_VERBS,
    LEADER_NOUNS,
    MEET_VERBS,
    MEETING_NOUNS,
    OFFICE_TITLES,
    PEOPLE_NOUNS,
    PLURAL_TITLES,
    PORTFOLIO_NAME,
    PORTFOLIOS,
    PRONOUNS,
    REFLEXIVES,
    REPORT_VERBS,
    SPEAKERS,
)
from kg.names import PERSON_TITLES, TITLE_ABBREVIATIONS, initials
from kg.records import Article, Mention, Role


@dataclass(frozen=True, slots=True)
class Context:
    """What the rules of one article look things up in."""

    doc: Doc
    article: Article
    mention_at: dict[int, Mention]  # token index -> mention of the entity covering it
    roles: tuple[Role, ...]
    mentions: dict[str, Mention]
    found_by: dict[str, str]  # mention id -> the party rule (kg/extract/rules.py) that found it beyond a plain name


def resolve_group(head: Token, context: Context) -> list[Mention]:
    """A noun phrase and the phrases coordinated or in apposition with it, as mentions."""
    group, stack = [], [head]
    while stack:
        token = stack.pop()
        group.append(token)
        for child in token.children:
            in_brackets = child.left_edge.i > 0 and context.doc[child.left_edge.i - 1].text == "("
            negated = any(c.dep_ == "neg" for c in child.children) or context.doc[child.i - 1].lower_ == "not"
            if child.dep_ in ("conj", "appos") and not in_brackets and not negated:
                stack.append(child)  # not "Eduardo Dutra (Petrobras, president)", not "Lehrer and not McCain"
            elif child.dep_ == "acl" and child.lemma_.lower() in ("lead", "head") and child.tag_ == "VBN":
                # "a delegation led by X", "the Iraq Study Group, headed by James Baker": X takes part for it.
                stack.extend(g for a in child.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj")
            elif child.dep_ == "prep" and child.lower_ == "including":
                stack.extend(g for g in child.children if g.dep_ == "pobj")
            elif child.dep_ == "prep" and child.lower_ in ("along", "together"):  # "Merkel, along with Sarkozy,"
                stack.extend(g for p in child.children if p.lower_ == "with" for g in p.children if g.dep_ == "pobj")
        group.extend(_coordinated_in_titles(token, context))  # not their conjuncts: the parser made them of a title
    # A role noun with a person's name in apposition is that person, not the holders the article names for the role:
    # "his Japanese counterpart, Nobutaka Machimura" (not also Japan's prime minister).
    named = {t.head.i for t in group if t.dep_ == "appos" and t.head.pos_ == "NOUN" and t.i in context.mention_at
             and context.mention_at[t.i].kind == "Person" and t.head.i not in context.mention_at}
    # Nor is a post in apposition to a person's name its holders: "Mike Hall, chief executive of the Fire Service"
    # names him again (its conjuncts are still read: "Chiang, then head of state, and Mao").
    named |= {t.i for t in group if t.dep_ == "appos" and t.pos_ == "NOUN" and t.i not in context.mention_at
              and t.head.i in context.mention_at and context.mention_at[t.head.i].kind == "Person"}
    return [m for token in sorted(dict.fromkeys(group), key=lambda t: t.i) if token.i not in named
            for m in _resolve(token, context)]


def _coordinated_in_titles(head: Token, context: Context) -> list[Token]:
    """Names the parser hung inside the title of the last one, though "and" joins them: in "Finance Minister Gerhard
    Stoltenberg and Treasury Secretary James Baker met", "Stoltenberg" hangs on "Secretary", a word of Baker's title.
    Only through title words (compounds and nominal modifiers that are no name), and only a name with its "and"."""
    found, stack = [], [c for c in head.children if c.dep_ in ("compound", "nmod")]
    own = context.mention_at.get(head.i)
    while stack:
        token = stack.pop()
        mention = context.mention_at.get(token.i)
        if mention is not None and mention is not own and mention.kind == "Person":
            if any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in token.children):
                found.append(token)
        elif mention is None:
            stack.extend(c for c in token.children if c.dep_ in ("compound", "nmod"))
    return found


def _resolve(token: Token, context: Context) -> list[Mention]:
    """The named parties a head token stands for: a name, a pronoun's antecedent, or a role's holders."""
    mention = context.mention_at.get(token.i)
    if mention is not None:
        return [mention] if mention.kind in ("Person", "Organisation", "Country") else []
    if token.lower_ in PRONOUNS:
        antecedent = _antecedent(token, context)
        return _used([antecedent] if antecedent else [], "pronoun", context)
    if token.lower_ in ("who", "that") and token.dep_ == "nsubj" and token.head.dep_ == "relcl":
        # "Medvedev and Kokoity, who met earlier this week": the parser hangs the clause on the last conjunct;
        # with no object of its own, the clause is about them all.
        head = token.head.head
        while head.dep_ == "conj" and not any(c.dep_ == "dobj" for c in token.head.children):
            head = head.head
        return resolve_group(head, context)
    if token.lower_ in ("his", "her") and token.dep_ == "poss":
        # "in her first meeting with President Lahoud": the subject of the clause the phrase belongs to.
        # "Gros, speaking to reporters after his first meeting with ..., promised": the nearest clause with one.
        clause = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")
                       and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)), None)
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")] if clause is not None else []
        people = [m for s in subjects for m in _resolve(s, context) if m.kind == "Person"]
        if not people:
            # "Bush arrived in London. His talks with Blair ...": the subject before, as for "he".
            return _used(_as_he(token, context), "pronoun", context)
        return people if len(people) == 1 else []
    if token.lower_ in ("they", "their") and token.dep_ in ("nsubj", "nsubjpass", "poss") \
            and token.head.lemma_.lower() in MEET_VERBS | HOST_VERBS | HOLD_VERBS | MEETING_NOUNS:
        # Only as a party of the meeting word itself: "when they met", "their talks"; not "they said".
        return _used(_plural_antecedent(token, context), "pronoun", context)
    if token.dep_ in ("nsubj", "nsubjpass") and _names_two(token) and _last_two(token, context):
        return _used(_last_two(token, context), "pronoun", context)
    if token.lower_ in SPEAKERS and token.pos_ == "PRON":  # not the numeral of "Juan Carlos I"
        speaker = _quote_speaker(token, context)
        return _used([speaker] if speaker else [], "quote-speaker", context)
    if token.lower_ in REFLEXIVES:
        return _reflexive_antecedent(token, context)
    if token.lower_ in ("him", "her") and token.dep_ in ("dobj", "pobj"):
        # "Putin invited Merkel to meet him": the object of a subordinate meeting is the one who asked.
        clause = next((t for t in token.ancestors if t.pos_ == "VERB"), None)
        outer = next((t for t in clause.ancestors if t.pos_ == "VERB"), None) if clause is not None else None
        subjects = [c for c in outer.children if c.dep_ == "nsubj"] if outer is not None else []
        people = [context.mention_at[s.i] for s in subjects if s.i in context.mention_at
                  and context.mention_at[s.i].kind == "Person"]
        if outer is None and token.dep_ == "dobj" and clause is not None \
                and clause.lemma_.lower() in MEET_VERBS | HOST_VERBS:
            # "Bush arrived in London. Blair met him at the airport.": the object of a main meeting clause whose
            # sentence names one person, its subject, is "he" of the sentence before.
            return _used(_as_he(token, context), "pronoun", context)
        return people[:1] if len(people) == 1 else []
    named = [context.mention_at.get(c.i) for c in token.children if c.dep_ == "compound"]
    if token.pos_ == "PROPN" and named and named[-1] is not None and named[-1].kind == "Person":
        return [named[-1]]  # "Juan Carlos I": the name hangs on the numeral
    if token.lemma_.lower() in PERSON_TITLES | {"counterpart"}:
        # "the Minister of Foreign Relations Manuel Rodríguez": the name closes the title's "of" phrase. "his
        # counterpart in that country Michele Alliot-Marie": the parser hangs the name on the phrase's own noun.
        objects = [g for p in token.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
        named = [context.mention_at.get(t.i) for g in objects if g.head.lower_ in ("of", "to")
                 for t in (g, *g.conjuncts)]  # "UK Ambassador to Romania Quinton Quayle met ..."
        named += [context.mention_at.get(a.i) for g in objects if g.head.lower_ in ("of", "in", "from")
                  and g.i not in context.mention_at for a in g.children if a.dep_ == "appos"]
        if any(m is not None and m.kind == "Person" for m in named):
            return [m for m in named if m is not None and m.kind == "Person"]
    if token.pos_ == "NOUN" or token.lemma_.lower() in PERSON_TITLES:
        return _role_holders(token, context)
    return []


def _used(found: list[Mention], rule: str, context: Context) -> list[Mention]:
    """`found`, each recorded as found by `rule` (the first rule that found a mention keeps it)."""
    for mention in found:
        context.found_by.setdefault(mention.id, rule)
    return found


def _antecedent(pronoun: Token, context: Context, depth: int = 0) -> Mention | None:
    """The person a "he"/"she" means, when the text leaves no doubt: the person reporting the clause ("Weaver said
    he met ...", "quoted Weaver as saying he met ..."), else the subject of the sentence before, if a person."""
    if quoted(pronoun):
        return None  # inside a quotation "he" is not the speaker, and the text rarely says who it is
    for governor in pronoun.head.ancestors if pronoun.dep_ == "nsubj" else ():
        if governor.lemma_.lower() in REPORT_VERBS:
            speakers = [c for c in governor.children if c.dep_ == "nsubj"]
            if not speakers and governor.dep_ in ("advcl", "pcomp", "xcomp"):
                quoting = governor.head.head if governor.head.dep_ == "prep" else governor.head
                speakers = [c for c in quoting.children if c.dep_ == "dobj"]  # "quoted X as saying"
            people = [m for s in speakers for m in resolve_group(s, context) if m.kind == "Person"]
            if len({m.name for m in people}) == 1:  # "the former warden, Maj. David Dinenna, said he ..."
                return people[0]
            break
    sent = pronoun.sent
    if pronoun.dep_ in ("nsubj", "nsubjpass") and pronoun.head is not sent.root:
        # "Napolitano visited the Parliament, where he paid a call on ...", "Perino said Bush learned of it after he
        # was briefed": the subject of the nearest clause the pronoun's clause hangs on.
        for clause in pronoun.head.ancestors:
            heads = [t for h in (clause, *[c for c in clause.children if c.dep_ in ("aux", "auxpass")])
                     for t in h.children if t.dep_ in ("nsubj", "nsubjpass") and t.i < pronoun.i]
            if heads:
                main = [context.mention_at.get(t.i) for t in heads]
                if len(main) == 1 and main[0] is not None and main[0].kind == "Person":
                    return main[0]
                break
        if pronoun.head.dep_ == "advcl":
            # "the position was made clear to Akiman when he met Kapsis": the one person named before the pronoun
            # in its sentence, when the clause it opens hangs on one that names no person as its subject.
            named = {context.mention_at[i].name: context.mention_at[i] for i in range(sent.start, pronoun.i)
                     if i in context.mention_at and context.mention_at[i].kind == "Person"}
            if len(named) == 1:
                return next(iter(named.values()))
    if sent.start == 0:
        return None
    before = previous_sentence(sent)
    subjects = _main_subjects(before)
    if len(subjects) == 1 and subjects[0].lower_ == pronoun.lower_ and depth < 3:
        return _antecedent(subjects[0], context, depth + 1)  # "Hunter composed ... He also ... he met ..."
    mentions = [context.mention_at.get(t.i) for t in subjects]
    people = [m for m in mentions if m is not None and m.kind == "Person"]
    if len(people) == 1:
        return people[0]
    # "Rice arrived in Athens on Monday. Thousands marched against the visit. She met Karamanlis ...": the person
    # who is the subject two sentences back, when the text names no other person in between.
    if people or before.start == 0 or _names_a_person(before, context):
        return None
    earlier = previous_sentence(before)
    people = [context.mention_at[t.i] for t in _main_subjects(earlier)
              if t.i in context.mention_at and context.mention_at[t.i].kind == "Person"]
    between = context.doc[earlier.end:sent.start]
    return people[0] if len(people) == 1 and not _names_a_person(between, context) else None


def _as_he(pronoun: Token, context: Context) -> list[Mention]:
    """The person the subject of the sentence before names, for a "his"/"him" in a sentence that names at most one
    person of its own (the meeting's other party); none if that is who the sentence names."""
    named = {context.mention_at[t.i].name for t in pronoun.sent if t.i in context.mention_at
             and context.mention_at[t.i].kind == "Person"}
    if len(named) > 1 or pronoun.sent.start == 0:
        return []
    before = previous_sentence(pronoun.sent)
    people = [context.mention_at[t.i] for t in _main_subjects(before)
              if t.i in context.mention_at and context.mention_at[t.i].kind == "Person"]
    return people if len(people) == 1 and people[0].name not in named else []


def _names_a_person(span: Span, context: Context) -> bool:
    """Whether a stretch of text names a person."""
    return any(context.mention_at[t.i].kind == "Person" for t in span if t.i in context.mention_at)


def _plural_antecedent(pronoun: Token, context: Context) -> list[Mention]:
    """The people a "they"/"their" means, when the text leaves no doubt: the last group of two or more people joined
    by "and" before it in its sentence ("an agreement between Reagan and Suharto when they met"), else the subjects
    of the sentence before, if two or more people."""
    sent = pronoun.sent
    groups = [[m for m in resolve_group(t, context) if m.kind == "Person"] for t in context.doc[sent.start:pronoun.i]
              if t.i in context.mention_at and any(c.dep_ == "conj" for c in t.children)]
    groups = [g for g in groups if len({m.name for m in g}) >= 2]
    if groups:
        return groups[-1]
    if sent.start == 0 or quoted(pronoun):
        return []
    people = [m for t in _main_subjects(previous_sentence(sent)) for m in resolve_group(t, context)
              if m.kind == "Person"]
    return people if len({m.name for m in people}) >= 2 else []


def _names_two(token: Token) -> bool:
    """"the pair", "the two", "the two leaders", "both men": two people the text has just named."""
    if token.lemma_.lower() in ("pair", "duo") or (token.lower_ in ("two", "both") and token.pos_ in ("NUM", "PRON")):
        return True
    return token.tag_ == "NNS" and token.lemma_.lower() in PERSON_TITLES | PEOPLE_NOUNS \
        and any(c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet") for c in token.children)


def _last_two(token: Token, context: Context) -> list[Mention]:
    """The two people named in the sentence before `token` and the one before it, if exactly two are."""
    sent = token.sent
    start = previous_sentence(sent).start if sent.start > 0 else sent.start
    people: dict[str, Mention] = {}
    for i in range(start, token.i):
        mention = context.mention_at.get(i)
        if mention is not None and mention.kind == "Person":
            people.setdefault(mention.name.split()[-1], mention)  # "Rice ... Condoleezza Rice": one person
    return list(people.values()) if len(people) == 2 else []


def quoted(token: Token) -> bool:
    """Whether a token stands inside a quotation of its paragraph (quotes are not carried over a line break)."""
    text = token.doc.text[:token.idx]
    text = text[text.rfind("\n") + 1:]
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def _quote_speaker(pronoun: Token, context: Context) -> Mention | None:
    """The one person a quotation is attributed to, for an "I" inside it: "'I have held talks with him,'
    Rice said"; the attribution may stand in the sentence after the quote, or before it ("Rice said: 'I met ...'")."""
    if not quoted(pronoun):
        return None  # an "I" outside quotes is an interviewer's or a letter's: the text does not say whose
    sent = pronoun.sent
    sentences = [sent]
    if sent.end < len(context.doc):
        sentences.append(context.doc[sent.end].sent)
    if sent.start > 0:
        sentences.append(context.doc[sent.start - 1].sent)
    for candidate in sentences:
        if "\n" in context.doc[min(candidate.start, sent.start):max(candidate.end, sent.end)].text.strip():
            continue  # another paragraph: another quotation
        speakers = [s for verb in candidate if verb.lemma_.lower() in REPORT_VERBS and not quoted(verb)
                    for s in verb.children if s.dep_ == "nsubj" and s.lower_ not in SPEAKERS]
        people = {m.name: m for s in speakers for m in resolve_group(s, context) if m.kind == "Person"}
        if people:
            return next(iter(people.values())) if len(people) == 1 else None
    return None


def previous_sentence(sent: Span) -> Span:
    """The sentence before `sent`, passing over the ones with no word: a closing quote and a paragraph break the
    parser leaves as a sentence of their own ('... for the country."' then "He was speaking ...")."""
    before = sent.doc[sent.start - 1].sent
    while before.start > 0 and not any(t.is_alpha for t in before):
        before = sent.doc[before.start - 1].sent
    return before


def _main_subjects(sent: Span) -> list[Token]:
    """The subjects of a sentence's main verb, or of that verb's auxiliary when the parser hangs them there ("X had,
    on Tuesday, visited France"); a title's name in apposition for the title ("the Prime Minister of Turkey, Recep
    Tayyip Erdoğan, paid a visit"); the subject of what a report says when no person reports it."""
    root = sent.root
    subjects = [_named(t) for h in (root, *[c for c in root.children if c.dep_ in ("aux", "auxpass")])
                for t in h.children if t.dep_ in ("nsubj", "nsubjpass")]
    if root.lemma_.lower() in REPORT_VERBS and subjects and not any(t.ent_type_ == "PERSON" for t in subjects):
        # "Officials said Baldrige will meet Aquino. He will also meet ...": what is reported, not who reports it
        said = [_named(t) for c in root.children if c.dep_ == "ccomp" for t in c.children
                if t.dep_ in ("nsubj", "nsubjpass")]
        subjects = said if any(t.ent_type_ == "PERSON" for t in said) else subjects
    return subjects


def _named(subject: Token) -> Token:
    """A title's name in apposition, for the title: "the Prime Minister of Turkey, Recep Tayyip Erdoğan"."""
    if subject.ent_type_:
        return subject
    return next((a for a in subject.children if a.dep_ == "appos" and a.ent_type_ == "PERSON"), subject)


def _reflexive_antecedent(pronoun: Token, context: Context) -> list[Mention]:
    """"himself" is the one person who is the subject or the agent ("by Hill") of its clause."""
    clause = next((t for t in pronoun.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if clause is None:
        return []
    heads = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    heads += [g for c in clause.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    people = [context.mention_at[h.i] for h in heads if h.i in context.mention_at
              and context.mention_at[h.i].kind == "Person"]
    return people if len(people) == 1 else []


def _role_holders(noun: Token, context: Context) -> list[Mention]:
    """People the article names for a role-only phrase: "the defence ministers of Russia, Turkey and Syria", "the
    PASOK president", "the Prime Minister", "the two foreign ministers"."""
    places: list[Mention] = []
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "poss") or (child.dep_ == "prep" and child.lower_ == "of"):
            for token in [child, *child.subtree] if child.dep_ == "prep" else [child, *child.conjuncts]:
                mention = context.mention_at.get(token.i)
                if mention is not None and mention.kind in ("Country", "Organisation") and mention not in places:
                    places.append(mention)
    if any(c.dep_ in ("compound", "amod") and c.ent_type_ and c.i not in context.mention_at for c in noun.lefts):
        return []  # "the Democratic senators": a party, not a country, picks some of them
    modifiers = [w for c in noun.lefts if c.dep_ in ("compound", "amod") and not c.ent_type_
                 for w in title_words(c.lower_)]
    head = noun.lemma_.lower()
    if places:
        return _used(_holders_for(places, head, modifiers, context), "role-holders", context)
    if noun.tag_ == "NNS":
        return _used(_title_holders(noun, head, modifiers, context), "title-holders", context)
    return _used(_title_holder(noun, head, modifiers, context), "office-holder", context)


def _holders_for(places: list[Mention], head: str, modifiers: list[str], context: Context) -> list[Mention]:
    """The one holder the article names of the title in each country or organisation ("the EC ministers": none, as
    their posts are their countries'). A country's "leader" is the one holder of its leading office the article
    names ("Venezuelan President Hugo Chavez ... the Venezuelan leader"; "the U.N. chief", its Secretary-General),
    and one's "Iranian counterpart" the one person it gives any office of that country."""
    found = []
    for place in places:
        people = {context.mentions[r.holder].name for r in context.roles
                  if r.of is not None and _same_body(context.mentions[r.of].name, place.name)
                  and not set(title_words(r.title)) & FORMER
                  and (head == "counterpart" and not modifiers
                       or (head in LEADER_NOUNS and not modifiers and leads(title_words(r.title)))
                       or _holds(title_words(r.title), head, modifiers))}
        if len(people) == 1:
            name = people.pop()
            found.append(next(m for m in context.mentions.values() if m.name == name and m.kind == "Person"))
    return found


def _title_holder(noun: Token, head: str, modifiers: list[str], context: Context) -> list[Mention]:
    """The one person the article gives an office it names with "the" alone: "The Prime Minister met ..." in an
    article that names Prime Minister Stephen Harper. Two holders of the title (or a former one) and it stays
    unresolved: "the President" may be either."""
    if head not in OFFICE_TITLES or noun.tag_ not in ("NN", "NNP") \
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) \
            or any(c.dep_ in ("amod", "poss", "prep", "relcl", "acl") for c in noun.children):
        return []  # "the president of a company", "the new minister", "the minister who ..."
    holders = _holders(head, modifiers, context)
    return holders if len(holders) == 1 else []


def _title_holders(noun: Token, head: str, modifiers: list[str], context: Context) -> list[Mention]:
    """The people the article gives the title a plural names as one group: "the senators met ..." in an article that
    calls two or more people "Sen."; "the two foreign ministers" (as many holders as the number says: "three
    senators" in an article that names two may be others). Not a word that picks some of them ("the Democratic
    senators": no senator's title has it; "his ministers", "the ministers who ...", "ministers from Asia"), nor an
    office of one holder ("the presidents" of other countries)."""
    number = next((c for c in noun.children if c.dep_ == "nummod"), None)
    size = _number(number) if number is not None else None
    if head not in PLURAL_TITLES or (number is not None and size is None) \
            or not (size or any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)) \
            or any(c.dep_ in ("poss", "prep", "relcl", "acl") for c in noun.children):
        return []
    holders = _holders(head, modifiers, context)
    return holders if len(holders) >= 2 and (size is None or len(holders) == size) else []


def _number(token: Token) -> int | None:
    """A small cardinal written as a word or digits: "four", "12"."""
    words = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
    if token.lower_ in words:
        return words.index(token.lower_) + 2
    return int(token.text) if token.text.isdigit() else None


def _holders(head: str, modifiers: list[str], context: Context) -> list[Mention]:
    """The people, one mention a name, whose title ends in `head` and holds every modifier ("Sen." is a senator),
    leaving out former and acting holders."""
    holders: dict[str, Mention] = {}
    for role in context.roles:
        of = context.mentions[role.of] if role.of is not None else None
        # "U.S. Treasury Secretary James Baker", the Treasury tagged as his organisation, is a finance minister.
        words = title_words(f"{of.name} {role.title}" if of is not None and of.kind == "Organisation" else role.title)
        if _holds(words, head, modifiers) and not set(words) & FORMER:
            holders.setdefault(context.mentions[role.holder].name, context.mentions[role.holder])
    return list(holders.values())


def leads(words: list[str]) -> bool:
    """Whether a title is a country's leading office (head of state or of government), or an organisation's
    ("Secretary-General", "Director-General", "Chairman")."""
    leading = words[-1:] in (["president"], ["premier"], ["chancellor"], ["king"], ["queen"], ["emir"],
                             ["taoiseach"], ["chairman"], ["chairwoman"]) \
        or words[-2:] in (["prime", "minister"], ["secretary", "general"], ["director", "general"])
    return leading and not {"vice", "deputy"} & set(words)


def _same_body(name: str, other: str) -> bool:
    """One organisation or country however its initials are written: "U.N.", "UN" and "United Nations"."""
    short, long = sorted((name.replace(".", ""), other.replace(".", "")), key=len)
    return short.casefold() == long.casefold() or (short.isupper() and initials(long) == short)


def _holds(words: list[str], head: str, modifiers: list[str]) -> bool:
    """Whether a title (its words) is `head` with every modifier: "foreign minister" for "foreign ministers"."""
    return words[-1:] == [head] and all(m in words for m in modifiers)


def title_words(title: str) -> list[str]:
    """A title's words with abbreviations spelt out and a portfolio's other names made one ("Treasury Secretary" and
    "Chancellor of the Exchequer" are the finance minister, kg/data/portfolios.tsv)."""
    text = " ".join(TITLE_ABBREVIATIONS.get(w, w) for w in title.lower().replace(".", "").replace("-", " ").split())
    return PORTFOLIO_NAME.sub(lambda match: PORTFOLIOS[match.group(0)], text).split()


def distinct(parties: list[Mention], context: Context) -> list[Mention]:
    seen: set[tuple[str, str]] = set()
    distinct = []
    for mention in parties:
        key = (mention.kind, mention.name.casefold())
        if key not in seen:
            seen.add(key)
            distinct.append(mention)
    return distinct
