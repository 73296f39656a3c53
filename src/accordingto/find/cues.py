"""What a cue covers (its root, its verb group) and whether it reports at all ("called the police" does not)."""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc, Token

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
