"""Nesting: an attribution reported inside another one's content gets that one as its ``parent``.

"According to US officials, in the fall of 2022, Putin reported that he was satisfied ..." holds two
attributions: the officials' (content: "in the fall of 2022, Putin reported that ...") and Putin's (cue
"reported"). Putin's cue lies inside the officials' content, so the officials' attribution is its parent: we
know what Putin reported only through US officials.

Rules (in this order):
1. B's candidate parents are the attributions A whose content holds all of B's cue tokens, or, when B has no
   cue, all of B's source and content tokens.
2. A content that is a lone sentence-initial pronoun ("This is reported by the New York Times.") stands for
   the whole previous sentence unit, so that sentence's attributions become its children.
3. Of several candidates the innermost wins: the one with the smallest (effective) content.
4. A candidate that would close a cycle (A inside B inside A, possible only with odd extractor output) is
   skipped.
Top-level attributions get ``parent: None``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..annotations import ATTRIBUTIONS, PARENTS, doc_units, role_spans
from ..clauses import ancestors, effective_content, token_ids
from ..pipes import AnnotatingPipe, component_factory


class Nesting(AnnotatingPipe[dict[str, str | None]]):
    """Sets ``annotations.PARENTS``: every attribution's parent."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def predict(self, doc: Doc) -> dict[str, str | None]:
        return find_parents(doc)

    def set_annotations(self, doc: Doc, prediction: dict[str, str | None]) -> None:
        PARENTS.set(doc, prediction)


def find_parents(doc: Doc) -> dict[str, str | None]:
    """``{attribution id: parent id or None}`` for every attribution on the doc, in reading order."""
    ids = list(ATTRIBUTIONS.require(doc))
    spans = role_spans(doc)
    units = doc_units(doc)
    contents = {aid: effective_content(doc, spans[aid]["content"], units) for aid in ids}
    holding: dict[int, list[str]] = {}  # token -> the attributions whose (effective) content holds it
    for aid in ids:
        for i in contents[aid]:
            holding.setdefault(i, []).append(aid)
    parents: dict[str, str | None] = {aid: None for aid in ids}
    for child in ids:
        roles = spans[child]
        inner = token_ids(roles["cue"]) or token_ids(roles["source"]) | token_ids(roles["content"])
        if not inner:
            continue
        # A content holding all of ``inner`` holds its first token: only those are compared.
        candidates = sorted(
            (aid for aid in holding.get(min(inner), []) if aid != child and inner <= contents[aid]),
            key=lambda aid: len(contents[aid]),
        )
        for candidate in candidates:
            if child not in ancestors(parents, candidate) and candidate != child:
                parents[child] = candidate
                break
    return parents


@component_factory(
    "accordingto_nesting",
    assigns=[PARENTS.attr],
    requires=[ATTRIBUTIONS.attr, "doc.spans", "token.is_sent_start"],
)
def make_nesting(nlp: Language, name: str) -> Nesting:
    return Nesting(nlp, name)
