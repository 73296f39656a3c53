"""What a cue covers (its root, its verb group) and whether it reports at all ("called the police" does not)."""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc

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
# 11 times and not 26 times.
CALL_COMPLEMENTS = frozenset({"oprd", "xcomp", "ccomp", "attr", "advcl", "dative", "prt"})
CALL_PREPOSITIONS = frozenset({"for", "on", "upon"})


def places_a_call(doc: Doc, group: Group) -> bool:
    """A "call" cue with a bare object and no quotation (see above)."""
    root = doc[cue_root(doc, group.cue)]
    if root.lemma_ != "call" or root.pos_ != "VERB":
        return False
    deps = {child.dep_ for child in root.children}
    prepositions = {child.lower_ for child in root.children if child.dep_ == "prep"}
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
