"""The participants of an article as the speaker rules collect them: each mention of a source or antecedent (an
``Occurrence``) and the ``Entity`` it belongs to, with the indexes the rules look entities up by (name keys,
description heads, roles)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from spacy.tokens import Doc

from .. import lexicon
from ..annotations import doc_token_codes
from ..model import Ranges, SourceKind
from .mentions import Gender, Mention, Number, heads_in_name
from .names import name_keys, normalized
from .roles import given_roles, role_words


@dataclass
class Occurrence:
    """One mention found in the text, with where it sits (sentence, quotes, syntactic role)."""

    mention: Mention
    tokens: tuple[int, int]  # the span the mention was read from (a source span or an entity)
    ranges: Ranges
    source: bool
    attributions: list[str]
    sentence: int
    quote: int | None  # index of the quotation holding the mention
    subject: bool
    entity: Entity | None = None
    thing: bool = False  # a named thing (``THING_LABELS``): an antecedent of "it" and "they" only
    # The sentence its attribution opens in, where the content comes first and runs over several sentences
    # ('"They both talk. Nobody talks about the bill," she said' opens a sentence before the "she").
    opens: int | None = None
    # What the learned resolver did with a source mention: None, not asked (the rules alone decided); "kept",
    # asked and left where the rules put it; "moved", moved to the participant it chose. A feature of how sure
    # the speaker is (``resolve.confidence``).
    learned: Literal["kept", "moved"] | None = None


@dataclass
class Entity:
    """A source (or a would-be one) and everything known about it so far."""

    index: int
    kind: SourceKind
    number: Number
    gender: Gender | None
    occurrences: list[Occurrence] = field(default_factory=list)
    names: list[list[str]] = field(default_factory=list)
    heads: set[str] = field(default_factory=set)
    description_keys: set[tuple[str, ...]] = field(default_factory=set)
    # The nouns the text gave a named participant as what it is (``given_roles``), as token indices.
    roles: list[int] = field(default_factory=list)

    @property
    def speaker(self) -> bool:
        return any(occurrence.source for occurrence in self.occurrences)


class QuoteMap:
    """Which quotation holds each character: the innermost one (quotes may nest), the first listed of equally
    short ones. Painted once per doc, outer quotes first (each character is painted at most once per nesting
    level), so that a lookup is one array read instead of a pass over every quotation."""

    def __init__(self, quotes: list[tuple[int, int]], length: int) -> None:
        self.innermost = np.full(length, -1, dtype=np.int64)
        for n, (start, end) in sorted(enumerate(quotes), key=lambda item: (item[1][0] - item[1][1], -item[0])):
            self.innermost[start:end] = n

    def index(self, char: int) -> int | None:
        """The innermost quotation holding ``char``, None outside quotation marks."""
        found = int(self.innermost[char]) if 0 <= char < len(self.innermost) else -1
        return found if found >= 0 else None


def name_key(doc: Doc, mention: Mention) -> str:
    """The name as written, lower-cased: votes for "Clinton" and "Hillary Clinton" are kept apart, so that
    "Ivanka Trump" does not inherit the gender of "Trump" (and the entity takes the gender of any of them)."""
    return " ".join(normalized(mention.name_tokens(doc)))


class Entities:
    """The entities found so far, indexed by what a later mention can match them by (name keys, head words,
    description keys), so that each mention is compared with a few candidates instead of every entity."""

    def __init__(self, quotes: QuoteMap) -> None:
        self.quotes = quotes
        self.all: list[Entity] = []
        self._by_key: dict[tuple[str, ...], list[Entity]] = defaultdict(list)
        # The heads of definite descriptions the text gave two participants it does not tell apart ("the mayor"
        # after two mayors): the rules leave them unresolved, and the learned resolver is not asked to choose.
        self.ambiguous: set[int] = set()
        # The entity of each noun phrase read so far, by its head token: a relative pronoun is read as its
        # antecedent's phrase ("One former mayor, who asked not to be named, said": "who" is read as "One former
        # mayor"), and the same phrase read twice is one participant, even an indefinite one that the rules
        # otherwise make new each time (the mayor and the "who" had been two sources).
        self._by_head: dict[int, Entity] = {}

    def _index(self, key: tuple[str, ...], entity: Entity) -> None:
        indexed = self._by_key[key]
        if not indexed or indexed[-1] is not entity:
            indexed.append(entity)  # an entity filed twice under a key is found once (``latest``)

    def latest(self, keys: list[tuple[str, ...]]) -> list[Entity]:
        """Entities indexed under any of ``keys``, the latest created first."""
        found = {entity.index: entity for key in keys for entity in self._by_key.get(key, [])}
        return [found[index] for index in sorted(found, reverse=True)]

    def read_before(self, mention: Mention) -> Entity | None:
        """The entity of the same description read before (``_by_head``), if any. Names are left to the name rules,
        which tell "Sudan" inside "South Sudan" from the country "South Sudan" names."""
        return self._by_head.get(mention.head) if mention.form == "description" else None

    def move(self, occurrence: Occurrence, entity: Entity) -> None:
        """Take ``occurrence`` from its entity to ``entity`` (the learned resolver chose another participant)."""
        assert occurrence.entity is not None
        occurrence.entity.occurrences.remove(occurrence)
        occurrence.entity = entity
        entity.occurrences.append(occurrence)
        entity.occurrences.sort(key=lambda o: o.tokens[0])

    def merge(self, entity: Entity, into: Entity) -> None:
        """Make ``entity`` part of ``into``: its occurrences, names and heads (it stays indexed, found empty)."""
        for occurrence in entity.occurrences:
            occurrence.entity = into
        into.occurrences = sorted(into.occurrences + entity.occurrences, key=lambda o: o.tokens[0])
        into.names += entity.names
        into.heads |= entity.heads
        into.roles += entity.roles
        into.gender = into.gender or entity.gender
        entity.occurrences = []

    def attach(self, doc: Doc, occurrence: Occurrence, entity: Entity | None, genders: dict[str, Gender]) -> None:
        """Add the occurrence to ``entity`` (a new one when None) and learn what it tells about the entity."""
        mention = occurrence.mention
        if entity is None:
            entity = Entity(index=len(self.all), kind=mention.kind, number=mention.number, gender=mention.gender)
            self.all.append(entity)
        elif entity.kind == "unknown" and mention.form != "pronoun":
            entity.kind = mention.kind
        elif entity.kind == "unknown" and mention.gender is not None:
            # "he"/"she" make an undecided name a person, "it" an organisation.
            entity.kind = "organization" if mention.gender == "neut" else "person"
        elif entity.kind == "person" and (
            bare_name_of_body(doc, mention, entity)
            or (mention.form == "name" and company_of_bare_word(normalized(mention.name_tokens(doc)), entity))
        ):
            entity.kind = mention.kind  # "Skyreach cancels …" then "Budget airline Skyreach": the text says
        elif (
            entity.kind == "person"
            and entity.gender is None
            and mention.form == "description"
            and mention.kind in {"organization", "government", "media"}
        ):
            # The rules join a body's description to a person only where the text says so (a role it gave the name,
            # a name the tagger alone made a person: ``matching``), and "the company" says what the name is (who25).
            entity.kind = mention.kind
        if entity.gender is None and mention.gender in {"masc", "fem"}:
            entity.gender = mention.gender  # from a pronoun, an honorific ("Mrs."), or a noun ("the woman")
        if mention.form == "name":
            words = mention.name_tokens(doc)
            if words not in entity.names:  # each spelling once: a name repeated n times is compared once, not n
                entity.names.append(words)
            written = normalized(words)
            for key in name_keys(written, stored=True):
                self._index(key, entity)
            if len(words) > 1 and entity.kind in {"person", "unknown"}:
                self._index(("first", written[0]), entity)
            if len(written) > 1 and entity.kind == "organization":
                self._index(("opening", written[0]), entity)
            if entity.gender is None and entity.kind in {"person", "unknown"}:
                entity.gender = genders.get(name_key(doc, mention))
        if mention.form == "name":
            # What a quoted speaker calls someone is their word, not the article's: "Clinton 'is the only
            # candidate that ...'" (PolNeAR dev) does not make her the candidate a later "the GOP candidate" is.
            roles = [r for r in given_roles(doc, mention) if self.quotes.index(r.idx) is None]
            entity.roles += [role.i for role in roles]
        if mention.form != "pronoun":
            heads = {mention.head_lemma(doc)}
            if mention.form == "name":
                heads |= {word for role in roles for word in role_words(role)}
                # A body's name whose head word the parser made a conjunct: "The authority said" after "the Country
                # Fire and Rescue Authority of Westmarch" (news26).
                codes = doc_token_codes(doc)
                heads |= {codes.lemma_text(i) for i in heads_in_name(codes, mention)}
            entity.heads.update(heads)
            key = description_key(doc, mention)
            entity.description_keys.add(key)
            for head in heads:
                self._index(("head", head), entity)
            self._index(("description", *key), entity)
        if mention.form == "description":
            self._by_head.setdefault(mention.head, entity)
        occurrence.entity = entity
        entity.occurrences.append(occurrence)


def description_key(doc: Doc, mention: Mention) -> tuple[str, ...]:
    """A description's words without determiners and quantifiers: "Some US officials" = "US officials"."""
    words = [
        token.lemma_.lower()
        for token in doc[mention.start : mention.end]
        if token.pos_ not in {"DET", "NUM", "PUNCT"} and token.lower_ not in lexicon.INDEFINITE | {"some", "all"}
    ]
    return (*words, mention.number)


def bare_name_of_body(doc: Doc, mention: Mention, entity: Entity) -> bool:
    """Whether a one-word name and an entity are a company and a person only by the tagger's say: one side an
    organisation, the other a person of no known gender ("Budget airline Skyreach" and a "Skyreach" tagged a
    person). The small model tags many one-word company names as people's; the text's "airline" decides."""
    if mention.form != "name" or len(mention.name_tokens(doc)) != 1:
        return False
    kinds = {mention.kind, entity.kind}
    gender = mention.gender if mention.kind == "person" else entity.gender
    # Companies only: a place's name is often a person's surname the tagger read as a place ("Kerry"), and the
    # person would become a government (GUM dev pronouns 71.3 with places and outlets counted, 74.8 without).
    return kinds == {"person", "organization"} and gender is None


def company_of_bare_word(key: list[str], entity: Entity) -> bool:
    """Whether a company's full name (``key``, normalized) is the entity named so far by its first word alone, an
    organisation or a person of no known gender by the tagger's say: a headline's "Halvorsen denies claims", then
    "Halvorsen Pharmaceuticals said …" in the lede (news18's investigation, where the headline's word had been a
    source of its own and the company's display name). A name ending in a company's legal form or line of
    business is never a person's (``ORGANIZATION_NAME_ENDINGS``), so the full name says what the lone word was; a
    person the text gave a gender ("Ford … he said") stays apart from "Ford Motor Company". Not a word the tagger
    left undecided: most are places ("mayor of Ashford" is not Ashford University, nor Norland the Norland
    Fishermen's Union, on the news fixtures)."""
    return (
        len(key) > 1
        and key[-1] in lexicon.ORGANIZATION_NAME_ENDINGS
        and (entity.kind == "organization" or (entity.kind == "person" and entity.gender is None))
    )


def compatible(pronoun: Mention, entity: Entity) -> bool:
    """Number, gender and animacy agreement between a third-person pronoun and a candidate entity."""
    if pronoun.gender in {"masc", "fem"}:
        # An undecided kind is a person only when it is a name (a lone surname), not "a problem".
        animate = entity.kind == "person" or (entity.kind == "unknown" and bool(entity.names))
        return entity.number == "sing" and animate and entity.gender in {None, pronoun.gender}
    if pronoun.gender == "neut":
        return entity.number == "sing" and entity.kind not in {"person", "group"}
    return entity.number == "plur" or entity.kind in {"group", "organization", "government", "media"}
