"""An age used as an epithet ("the 61-year-old said") for the named person the text gave that age: news gives a
person's age once, beside the name ("Tomas Reed, 61, was arrested"; "Reed (61)"; "Reed, aged 61"), and calls them
by it later. The age is what ties the epithet to the person, so where the text gave it to one named person, that
person is meant, whoever spoke last (a police officer quoted between had taken "the 61-year-old" by the older
rule, ``matching._latest_person_speaker``, which stays for an age no name was given)."""

from __future__ import annotations

from spacy.tokens import Doc

from .entities import Entities, Entity
from .mentions import Mention

# What stands between a name and the age news gives it: "Reed, 61,", "Reed (61)", "Reed, aged 61".
_BEFORE_AGE = {",", "("}
_AGED = "aged"


def _age_said(doc: Doc, mention: Mention) -> str | None:
    """The number an age description gives ("61" of "the 61-year-old"), as written."""
    start = mention.start - 1 if mention.start > 0 else mention.start  # the parse may leave "the" out
    return next((t.text for t in doc[start : mention.head + 1] if t.like_num), None)


def _age_after(doc: Doc, end: int) -> str | None:
    """The age written right after a name ending at ``end``, if any."""
    words = [t.lower_ for t in doc[end : end + 3]]
    if len(words) >= 2 and words[0] in _BEFORE_AGE:
        if words[1] == _AGED and len(words) == 3:
            return doc[end + 2].text
        return doc[end + 1].text if doc[end + 1].like_num else None
    return None


def person_of_age(doc: Doc, mention: Mention, entities: Entities) -> Entity | None:
    """The one named person an earlier sentence gave the age an age description says; None where no one, or
    two people, were given it."""
    age = _age_said(doc, mention)
    if age is None:
        return None
    found: dict[int, Entity] = {}
    for entity in entities.all:
        if entity.kind != "person" or entity.number != "sing" or not entity.names:
            continue
        for occurrence in entity.occurrences:
            end = occurrence.mention.name_end
            if end is not None and end <= mention.start and _age_after(doc, end) == age:
                found[entity.index] = entity
    return next(iter(found.values())) if len(found) == 1 else None
