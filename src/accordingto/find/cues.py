"""What a cue covers (its root, its verb group) and whether it reports at all ("called the police" does not)."""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc, Token

from .. import lexicon
from ..clauses import CLAUSE_SUBJECT_DEPS
from .groups import Group
from .tagging import RoleSpan


def cue_root(doc: Doc, cue: RoleSpan) -> int:
    """The cue token whose head lies outside the cue (its syntactic head)."""
    for i in range(cue.start, cue.end):
        head = doc[i].head.i
        if head == i or not cue.start <= head < cue.end:
            return i
    return cue.start


# "Call" reports speech when it names ("called the plan a disaster": a second complement), demands ("called for",
# "called on") or denounces ("called out"). With a bare object and no quotation it places a phone call or summons
# someone ("called the police", "called a meeting"): an action. On PolNeAR train, such "call" verbs are gold cues
# 11 times and not 26 times. The small model parses many a bare object with a possessive or a title as an object
# predicate with no object ("called [the company's chief executive]" read as "called [someone] chief executive"),
# and "called her on Saturday" as "called on" someone: the two helpers below read the complements as the sense needs.
CALL_COMPLEMENTS = frozenset({"oprd", "xcomp", "ccomp", "attr", "advcl", "dative", "prt"})
CALL_PREPOSITIONS = frozenset({"for", "on", "upon"})


def _call_dependents(verb: Token) -> set[str]:
    """The dependency labels of a "call" verb's children, with a lone object predicate read as the object: an
    active "call" names something only with an object to name ("called the plan a disaster"), and a passive one
    has its subject ("the plan was called a disaster") or the noun it modifies ("a group called the Legacy
    Fund"), so an ``oprd`` with none of them is the object itself — unless it is a proper name, which names
    ("His group, called the Legacy Fund, will" parsed as an active "called")."""
    deps = {child.dep_ for child in verb.children}
    predicates = [child for child in verb.children if child.dep_ == "oprd"]
    if (
        predicates
        and not deps & {"dobj", "nsubjpass", "auxpass"}
        and verb.dep_ != "acl"
        and all(child.pos_ != "PROPN" for child in predicates)
    ):
        deps = (deps - {"oprd"}) | {"dobj"}
    return deps


def _call_prepositions(verb: Token) -> set[str]:
    """The prepositions of a "call" verb's children, without those that only say when: "called on Saturday" is
    no "called on someone" to act (a date or time after "on" is never the one called upon)."""
    return {
        child.lower_
        for child in verb.children
        if child.dep_ == "prep" and not any(obj.ent_type_ in {"DATE", "TIME"} for obj in child.children)
    }


def places_a_call(doc: Doc, group: Group) -> bool:
    """A "call" cue with a bare object and no quotation (see above)."""
    root = doc[cue_root(doc, group.cue)]
    if root.lemma_ != "call" or root.pos_ != "VERB":
        return False
    deps = _call_dependents(root)
    prepositions = _call_prepositions(root)
    quoted = any(doc[i].is_quote for span in group.contents for i in range(span.start, span.end))
    return "dobj" in deps and not deps & CALL_COMPLEMENTS and not prepositions & CALL_PREPOSITIONS and not quoted


# "Recall" reports memory or speech ("recalled that ...", "recalled the day the levee broke"), but with a person or
# a body as its object it summons them back ("recalled their ambassadors", "recalled the envoy"): an act, which
# PolNeAR's guidelines leave out. On PolNeAR train "recall" is a gold cue 49 of 61 times, and never with such an
# object (23 of 30 with another object: "recalled the moment ...").
# The entity labels of people and bodies, who can be summoned back, and who can speak (``nested.can_speak``).
PEOPLE_ENTITIES = frozenset({"PERSON", "NORP", "ORG", "GPE"})


def recalls_someone(doc: Doc, group: Group) -> bool:
    """A "recall" cue whose direct object names people or a body, or a passive "recall", with no clause reported
    (see above)."""
    root = doc[cue_root(doc, group.cue)]
    if root.lemma_ != "recall" or root.pos_ != "VERB":
        return False
    children = list(root.children)
    if any(child.dep_ in ("ccomp", "parataxis") for child in children):
        return False
    return _passive_recall(root, children) or any(
        child.dep_ == "dobj" and (child.ent_type_ in PEOPLE_ENTITIES or child.lemma_.lower() in lexicon.PEOPLE_NOUNS)
        for child in children
    )


def _passive_recall(root: Token, children: list[Token]) -> bool:
    """ "Recall" in the passive ("are being recalled", a headline's "Inhalers recalled after ..." with its "be"
    left out): what is recalled is summoned back (goods, envoys), for memory and speech take the one who remembers
    as their subject (stmt26). PolNeAR train has no passive "recalled" at all, so no gold cue is lost; a participle
    after "have" ("had recalled"), or one whose subject is a person, a body or a pronoun (a past tense tagged as a
    participle: "She recalled the day"), is active."""
    if any(child.dep_ in ("auxpass", "nsubjpass") for child in children):
        return True
    if root.tag_ != "VBN" or any(child.dep_ == "aux" and child.lemma_ == "have" for child in children):
        return False
    return not any(
        child.dep_ == "nsubj"
        and (child.tag_ == "PRP" or child.ent_type_ in PEOPLE_ENTITIES or child.lemma_.lower() in lexicon.PEOPLE_NOUNS)
        for child in children
    )


# "Show" in the base form right after a singular common noun, with a singular subject, cannot be that subject's
# verb, which would be "shows" ("a poll shows that"): it heads a compound ("a quiz show", "the talk show"), unless
# an auxiliary, "to" or a modal makes it a base form ("the poll will show", "did show"). A plural subject agrees
# ("Figures from the trust show that"). On PolNeAR train "show" after a determiner and a noun is a gold cue 1 time
# of 14 (and that one after a plural: "the reports show"); stmt26.
def names_a_show(doc: Doc, group: Group) -> bool:
    """A one-word "show" cue that is a compound's head noun (see above)."""
    if group.cue.end - group.cue.start != 1:
        return False
    token = doc[group.cue.start]
    if token.lower_ != "show" or token.i == 0:
        return False
    if doc[token.i - 1].tag_ != "NN" or any(child.dep_ in ("aux", "auxpass") for child in token.children):
        return False
    # The parse's subject when it has one: "Figures from the trust show" agrees with its plural subject; "Her
    # appearance on a quiz show" does not.
    subject = next((child for child in token.children if child.dep_ == "nsubj"), doc[token.i - 1])
    return subject.tag_ == "NN"


# A participle of naming that modifies a noun ("a group called Save Our Meadow", "an app named Pocket Tutor", "a
# campaign dubbed ...") gives the thing its name: the writer names it, and nobody is reported saying anything. The
# verb in a clause of its own is a saying ("She called the decision a disgrace") and stays. On PolNeAR train,
# "called", "named" or "dubbed" after a noun and before a capitalised name is a gold cue 7 times of 30, 3 of them
# the verb ("X, an ally, called Florida's standards strong"), the participle 4 times of 27 (regex over train's
# text, extract36); the news rounds' two "a group called" are no statement. "Titled" and "entitled" are left out:
# a document's title is what it says (3 of 7 gold: "a memo titled ...").
NAMING_VERBS = frozenset({"call", "name", "dub"})


def names_a_thing(doc: Doc, group: Group) -> bool:
    """A cue that is a participle of naming modifying a noun, with no clause reported (see above)."""
    root = doc[cue_root(doc, group.cue)]
    if root.lemma_ not in NAMING_VERBS or root.tag_ != "VBN" or root.dep_ != "acl" or root.i + 1 >= len(doc):
        return False
    # The name follows at once; a participle set off by a comma is a clause of its own ("Guard members, called to
    # service by the governor"), and a date after it no name ("called Friday for ...", a verb the parse took in).
    name = doc[root.i + 1]
    return (
        not doc[root.i - 1].is_punct
        and (name.is_title or name.is_quote)
        and name.ent_type_ not in ("DATE", "TIME")
        and not any(child.dep_ in ("ccomp", "auxpass", "nsubjpass") for child in root.children)
    )


# A court report gives what was said in court as what the court heard: "The court heard that the pair had moved
# the money", "…, the inquest in Ashcombe heard", "the tribunal was told that". The body that hears evidence is the
# hearer; the speaker (a witness, counsel, the prosecution) is left unexpressed, and the words are a statement, not
# a perception. PolNeAR's political news has no such reports ("heard" is a gold cue 2 of its 60 times on train, never
# after a court), so the tagger seldom tags the verb, and when it does it gives the court as the source.
def court_hears(verb: Token) -> bool:
    """An active "hear" or a passive "tell" whose subject is a body that hears evidence (see above)."""
    if verb.pos_ != "VERB":
        return False
    children = list(verb.children)
    if verb.lemma_ == "hear":
        subject = "nsubj"
    elif verb.lemma_ == "tell" and any(child.dep_ == "auxpass" for child in children):
        subject = "nsubjpass"
    else:
        return False
    return any(child.dep_ == subject and child.lemma_.lower() in lexicon.HEARING_BODIES for child in children)


def subject_phrases(verb: Token) -> list[tuple[int, int]]:
    """The token ranges of the verb's subjects, active or passive (a court's phrase, for ``court_hears``)."""
    return [(child.left_edge.i, child.right_edge.i + 1) for child in verb.children if child.dep_ in CLAUSE_SUBJECT_DEPS]


# "Add" reports speech when what is added is said: a clause ("added that ..."), a quotation ("he added: “...”") or
# nothing at all ("“...,” he added"). With a noun as its direct object and no clause it puts a thing somewhere ("add
# salt", "added 200 jobs", "adds a third runway"): an act, nothing said. On PolNeAR train, of the 44 "add" verbs
# with a noun object and no clausal complement, 4 are gold cues ("adding a plug for himself"), 40 not; of the 347
# others, 287 are.
CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})


def adds_a_thing(doc: Doc, group: Group) -> bool:
    """An "add" cue with a noun object, no clause and no quotation in its contents (see above)."""
    root = doc[cue_root(doc, group.cue)]
    if root.lemma_ != "add" or root.pos_ != "VERB":
        return False
    children = list(root.children)
    if any(child.dep_ in CLAUSE_DEPS for child in children):
        return False
    quoted = any(doc[i].is_quote for span in group.contents for i in range(span.start, span.end))
    return not quoted and any(child.dep_ == "dobj" and child.pos_ in ("NOUN", "PROPN") for child in children)


# Relative pronouns that open a relative clause and nothing else: "that" also opens a complement clause, which
# the small model often attaches as a relative clause ("no reason to presume [that officials will ...]").
RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which"})


def describes_its_noun(doc: Doc, group: Group) -> bool:
    """A noun cue whose content is its own relative clause, opened by a relative pronoun ("Ingrid Solberg,
    [architect] [who rebuilt a flooded town]"): a relative clause says what the noun is or did, never what anyone
    said (in a report the said clause hangs from the clause's own verb: "critics who [say] that ..."). Held-out
    train has no such group; its 27 groups of a noun cue and another relative clause (mostly "that") are left
    alone, 6 of the 10 kept being right (docs/accuracy.md, "Not statements, by class")."""
    root = doc[cue_root(doc, group.cue)]
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    clauses = [
        (child.left_edge.i, child.right_edge.i + 1)
        for child in root.children
        if child.dep_ == "relcl" and child.left_edge.lower_ in RELATIVE_WORDS
    ]
    return bool(clauses) and all(
        any(start <= span.start and span.end <= end for start, end in clauses) for span in group.contents
    )


# PolNeAR keeps a cue's verb group together (its guidelines: "Keep the verb group together"): the auxiliaries,
# negation, particles and adverbs of the cue's verb belong to the cue ("has not said", "pointed out", "has
# repeatedly called"). On PolNeAR train, aux, auxpass, neg and prt children of a verbal cue are inside the gold cue
# 95-99% of the time, adverbs before the verb 60%.
VERB_GROUP_DEPS = frozenset({"aux", "auxpass", "neg", "prt"})
VERB_GROUP_LEFT_DEPS = VERB_GROUP_DEPS | {"advmod"}


def complete_verb_group(doc: Doc, cue: RoleSpan, tags: np.ndarray) -> None:
    """Widen the cue over untagged neighbours of its verb's group, as long as the cue stays one run of words."""
    root = doc[cue_root(doc, cue)]
    if root.pos_ not in ("VERB", "AUX"):
        return
    left = {child.i for child in root.children if child.dep_ in VERB_GROUP_LEFT_DEPS and child.i < root.i}
    right = {child.i for child in root.children if child.dep_ in VERB_GROUP_DEPS and child.i > root.i}
    while cue.start - 1 in left and tags[cue.start - 1] == 0:
        cue.start -= 1
    while cue.end in right and tags[cue.end] == 0:
        cue.end += 1
