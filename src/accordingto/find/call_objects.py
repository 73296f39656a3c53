"""The complements of a "call" verb as its sense needs them: the object the small model misreads, and no "on"
of a date.

``attributions._places_a_call`` tells a phone call ("called the police") from a statement ("called the plan a
disaster") by the verb's complements. The small model parses many a bare object with a possessive or a title as
an object predicate with no object at all ("called [the company's chief executive]" read as "called [someone]
chief executive"), and the call then passed for naming someone; "called her on Saturday" passed for "called
on" someone.
"""

from __future__ import annotations

from spacy.tokens import Token


def call_dependents(verb: Token) -> set[str]:
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


def call_prepositions(verb: Token) -> set[str]:
    """The prepositions of a "call" verb's children, without those that only say when: "called on Saturday" is
    no "called on someone" to act (a date or time after "on" is never the one called upon)."""
    return {
        child.lower_
        for child in verb.children
        if child.dep_ == "prep" and not any(obj.ent_type_ in {"DATE", "TIME"} for obj in child.children)
    }
