"""Descriptions named for what their entity does: "Hallowby Metrolink, which operates the trams, … The operator
said" is the company the text said operates them; "Brightwell Homes develops the site … the developer said" is
Brightwell Homes. English makes a noun for the one who does something from the verb with "-er" or "-or"
(operate → operator, develop → developer, publish → publisher, employ → employer, own → owner), and news calls a
body or a person by such a noun after saying, with the verb, that it does so. No head or role the text gave the
entity holds the noun, so the head and role rules (``matching.same_description``) found nothing, and the
description stayed a source of its own (the SPLIT of issue 10)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .. import lexicon
from .entities import Entities, Entity
from .mentions import Mention

# The endings that make a noun for the doer of a verb (operator, developer).
_AGENT_ENDINGS = ("er", "or")

# Words before the head that set a description apart from a participant already in view: "a rival developer",
# "the other operator", "the new owner" are someone besides the one the text has said does it.
_SETTING_APART = {"other", "rival", "competing", "second", "new", "another", "fellow"}

# Relative words a doer's verb hangs from its noun by ("Metrolink, which runs the trams").
_RELATIVE_WORDS = {"which", "who", "that"}


def agent_verbs(noun: str) -> set[str]:
    """The verb lemmas an agent noun may be made from: "operator" → operate, "developer" → develop, "runner" →
    run (a doubled consonant), "supplier" → supply. Spelling alone overgenerates ("corner" → corn); only a verb the
    text itself uses counts, so no list of verbs is needed."""
    for ending in _AGENT_ENDINGS:
        stem = noun[: -len(ending)]
        if noun.endswith(ending) and len(stem) >= 3:
            forms = {stem, stem + "e"}
            if stem[-1] == stem[-2]:
                forms.add(stem[:-1])
            if stem.endswith("i"):
                forms.add(stem[:-1] + "y")
            return forms
    return set()


def _doer(verb: Token) -> Token | None:
    """The noun whose referent a verb says does the act: its subject, the noun a relative clause or a participle
    hangs on ("Metrolink, which runs …", "Metrolink, operating …"), or a passive's "by" phrase ("operated by
    Metrolink"); an apposition stands for the noun it follows ("Metrolink, the firm that runs …")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # "X, which does not operate the line", said of what X does not do
    doer: Token | None = None
    for child in verb.children:
        if child.dep_ == "nsubj":
            doer = verb.head if child.lower_ in _RELATIVE_WORDS and verb.dep_ == "relcl" else child
        elif child.dep_ == "agent":
            doer = next((o for o in child.children if o.dep_ == "pobj"), None)
    if doer is None and verb.dep_ == "acl" and verb.tag_ == "VBG":
        doer = verb.head
    while doer is not None and doer.dep_ == "appos":
        doer = doer.head
    return doer


def _named_entity_at(entities: Entities, token: int) -> Entity | None:
    """The named entity a mention headed at, or a name holding, ``token`` belongs to."""
    for entity in entities.all:
        if not entity.names:
            continue
        for occurrence in entity.occurrences:
            m = occurrence.mention
            named = m.name_start is not None and m.name_end is not None and m.name_start <= token < m.name_end
            if m.head == token or named:
                return entity
    return None


def _reports_speech(verb: Token) -> bool:
    """Whether a verb reports what someone said rather than what they do: a verb of speech with a clause for its
    content, or with no object ("Marsh reported that profits fell", "Marsh spoke at the rally"), does not make
    Marsh "the reporter" or "the speaker", professions the verb names only by chance; with an object it is an
    act ("Harrow House publishes the magazine" makes it the publisher)."""
    if verb.lemma_.lower() not in lexicon.STATEMENT_CUE_WORDS:
        return False
    return not any(c.dep_ in {"dobj", "agent"} for c in verb.children)


def _patients(verb: Token) -> list[Token]:
    """What a verb is done to: its object, or a passive's subject ("Ellis, who is employed by …": Ellis)."""
    patients = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if verb.dep_ == "relcl" and any(c.dep_ == "nsubjpass" and c.lower_ in _RELATIVE_WORDS for c in patients):
        patients.append(verb.head)
    return patients


def _done_to_a_person(verb: Token) -> bool:
    """Whether a verb's patient is a person: a personal pronoun, or a name or noun the small model tagged a
    person."""
    return any(
        p.ent_type_ == "PERSON" or (p.pos_ == "PRON" and p.lower_ not in _RELATIVE_WORDS) for p in _patients(verb)
    )


def agent_of_verb(doc: Doc, mention: Mention, entities: Entities) -> Entity | None:
    """The one named entity an earlier sentence said does what a definite or possessed description's agent noun
    is made from ("the operator" after "Metrolink, which operates the trams"; "his employer" after "Ellis, who
    is employed by Tarrant Foods"), of the description's number. None when the
    description sets itself apart ("the rival developer"), when the verb reports speech
    (``_reports_speech``), or when anyone else is said to do it: a second name ("the developer" of two
    developers is not told apart here), or a pronoun or common noun the rules have not tied to that name ("she
    wrote novels" in a biography of another writer than the Tanabe who "wrote" one: on GUM train "this
    poet-turned-fiction-writer" had gone to Tanabe)."""
    if any(t.lemma_.lower() in _SETTING_APART for t in doc[mention.start : mention.head]):
        return None
    verbs = agent_verbs(mention.head_lemma(doc))
    if not verbs:
        return None
    # "his employer", "her publisher": the noun names a relation to the possessor, so only a verb said of a
    # person as its patient counts ("Tarrant Foods employs Ellis", "Ellis is employed by Tarrant Foods"), not
    # Ellis's own act ("Ellis employs three people" does not make Ellis his own employer).
    possessed = doc[mention.start].tag_ == "PRP$"
    # A noun compounded before the agent noun says what is acted on ("the band leader" leads a band, "the tram
    # operator" operates trams): only a verb done to that counts. On PolNeAR dev "the band leader" of a cookout
    # had gone to a delegate "who led McAuliffe's transition team".
    acted_on = {c.lemma_.lower() for c in doc[mention.head].children if c.dep_ == "compound" and c.pos_ == "NOUN"}
    found: dict[int, Entity] = {}
    for token in doc[: mention.start]:
        if token.pos_ != "VERB" or token.lemma_.lower() not in verbs or _reports_speech(token):
            continue
        if possessed and not _done_to_a_person(token):
            continue
        if acted_on and not acted_on & {p.lemma_.lower() for p in _patients(token)}:
            continue
        doer = _doer(token)
        if doer is None:
            continue
        entity = _named_entity_at(entities, doer.i)
        if entity is None or entity.number != mention.number:
            return None
        found[entity.index] = entity
    return next(iter(found.values())) if len(found) == 1 else None
