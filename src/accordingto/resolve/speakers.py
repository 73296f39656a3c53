"""Who each attribution's source is: pronouns, surnames and descriptions resolved to one entity per source.

No coreference model runs offline here, so resolution is a small set of rules over spaCy's parse and entities,
the ones news prose follows (see ``docs/sources.md``):

- a proper name joins the entity of an earlier compatible name: the same words, a surname of a full name
  ("Peskov" → "Dmitry Peskov"), an acronym or alias ("the NYT" → "the New York Times", "US" → "United
  States");
- a definite description ("the source", "the spokesman") joins the latest entity with that head or role; a
bare
  or "some" plural ("US officials" again) joins the entity described the same way; an indefinite one ("a
  source", "another source", "two officials") always starts a new entity;
- a third-person pronoun goes to the most salient compatible entity in the same sentence or up to a few
  sentences back: speakers of attributions first, then subjects; "he"/"she" need one singular person of no
  other gender, "they" a plural or an organisation, "it" an organisation or a document. People named only
  inside quotation marks, or inside the attribution's own content, are never antecedents;
- "I"/"we" as the source of a statement inside a quote is that quote's speaker.

Output on the doc, for ``describe.sources``: ``annotations.ENTITIES``, one ``records.EntityRecord`` per entity
(its id, whether it speaks, its kind, its mentions and the attributions whose source it is). It needs the
quotes and the attributions on the doc (``MissingStageError`` otherwise).
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import lexicon
from ..annotations import ATTRIBUTIONS, ENTITIES, attribution_ids, doc_text, quote_spans, role_spans, span_ranges
from ..model import Ranges, SourceKind
from ..pipes import AnnotatingPipe, component_factory
from ..records import EntityRecord, MentionRecord
from .mentions import PRONOUNS, Gender, Mention, Number, analyze_mention

# Entity types whose mentions outside attributions are collected as mentions of a source (and as antecedents).
COLLECTED_LABELS = {"PERSON", "ORG", "GPE"}


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

    @property
    def speaker(self) -> bool:
        return any(occurrence.source for occurrence in self.occurrences)


class SpeakersPipe(AnnotatingPipe[list[Entity]]):
    """Resolve every attribution's source mention to an entity, and collect the entities' other mentions."""

    def __init__(self, nlp: Language, name: str, max_sentences_back: int) -> None:
        self.name = name
        self.max_sentences_back = max_sentences_back

    def predict(self, doc: Doc) -> list[Entity]:
        return resolve_speakers(doc, max_sentences_back=self.max_sentences_back)

    def set_annotations(self, doc: Doc, prediction: list[Entity]) -> None:
        write_entities(doc, prediction)


@component_factory(
    "accordingto_speakers",
    default_config={"max_sentences_back": 4},
    assigns=[ENTITIES.attr],
    requires=[ATTRIBUTIONS.attr, "doc.spans", "token.dep", "token.head", "token.lemma", "doc.ents", "doc.sents"],
)
def make_speakers(nlp: Language, name: str, max_sentences_back: int) -> SpeakersPipe:
    return SpeakersPipe(nlp, name, max_sentences_back)


def write_entities(doc: Doc, entities: list[Entity]) -> None:
    """Put the resolved entities on the doc (``annotations.ENTITIES``); ids follow the order of first mention."""
    ids = {id(entity): f"e{n}" for n, entity in enumerate(entities, start=1)}
    speaker_of: dict[str, str] = {}
    for entity in entities:
        for occurrence in entity.occurrences:
            for attribution_id in occurrence.attributions:
                speaker_of[attribution_id] = ids[id(entity)]
    cited: dict[str, list[str]] = defaultdict(list)
    for attribution_id in attribution_ids(doc):
        if attribution_id in speaker_of:
            cited[speaker_of[attribution_id]].append(attribution_id)
    ENTITIES.set(
        doc,
        [
            EntityRecord(
                id=ids[id(entity)],
                speaker=entity.speaker,
                kind=entity.kind,
                mentions=_mention_records(entity),
                attributions=cited[ids[id(entity)]],
            )
            for entity in entities
        ],
    )


def _mention_records(entity: Entity) -> list[MentionRecord]:
    """The entity's mentions; a relative pronoun read as its antecedent ("who" → "Stevie Wonder") would repeat
    the antecedent's range, so each range is listed once."""
    records: list[MentionRecord] = []
    seen: set[tuple[tuple[int, int], ...]] = set()
    for occurrence in entity.occurrences:
        key = tuple(occurrence.ranges)
        if key in seen:
            continue
        seen.add(key)
        records.append(
            MentionRecord(
                ranges=list(occurrence.ranges),
                tokens=occurrence.tokens,
                form=occurrence.mention.form,
                source=occurrence.source,
            )
        )
    return records


def quote_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the quotes stage's quotations, in text order."""
    return sorted((span.start_char, span.end_char) for span in quote_spans(doc))


def resolve_speakers(doc: Doc, max_sentences_back: int = 4) -> list[Entity]:
    """Group source mentions (and named mentions of the same entities) into entities, in order of first
    mention."""
    ATTRIBUTIONS.require(doc)
    quotes = QuoteMap(quote_ranges(doc), len(doc_text(doc)))
    sentence_starts = [sentence.start for sentence in doc.sents] if doc.has_annotation("DEP") else [0]
    contents: dict[str, list[tuple[int, int]]] = {}
    occurrences = _source_occurrences(doc, quotes, sentence_starts, contents)
    occurrences += _name_occurrences(doc, occurrences, quotes, sentence_starts)
    occurrences.sort(key=lambda o: (o.tokens[0], not o.source))
    genders = _name_genders(doc, occurrences, quotes)
    by_sentence: dict[int, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        by_sentence[occurrence.sentence].append(occurrence)
    entities = _Entities()
    first_person: list[Occurrence] = []
    for position, occurrence in enumerate(occurrences):
        mention = occurrence.mention
        if mention.form == "pronoun" and mention.person != 3:
            first_person.append(occurrence)
            continue
        if mention.form == "pronoun":
            entity = _pronoun_antecedent(occurrences, position, by_sentence, contents, max_sentences_back)
        elif mention.form == "name":
            entity = _same_name(doc, mention, entities)
        else:
            entity = _same_description(doc, mention, entities)
        entities.attach(doc, occurrence, entity, genders)
    speakers = {aid: occurrence for occurrence in occurrences for aid in occurrence.attributions}
    for occurrence in first_person:
        entities.attach(doc, occurrence, _quote_speaker(occurrence, speakers, contents), genders)
    found = [entity for entity in entities.all if entity.occurrences]
    for entity in found:
        entity.occurrences.sort(key=lambda o: o.tokens[0])
    found.sort(key=lambda e: e.occurrences[0].tokens[0])
    return found


def _source_occurrences(
    doc: Doc,
    quotes: QuoteMap,
    sentence_starts: list[int],
    contents: dict[str, list[tuple[int, int]]],
) -> list[Occurrence]:
    """One occurrence per distinct source span; attributions sharing a source mention share the occurrence."""
    by_tokens: dict[tuple[int, int], Occurrence] = {}
    for attribution_id, roles in role_spans(doc).items():
        contents[attribution_id] = [(span.start, span.end) for span in roles["content"]]
        spans: list[Span] = roles["source"]
        if not spans:
            continue
        # A source in pieces ("the fall of 2022 … Putin"): the first piece that reads as a mention.
        read = ((span, analyze_mention(doc, span.start, span.end)) for span in spans)
        first, mention = next(((s, m) for s, m in read if m is not None), (spans[0], None))
        key = (first.start, first.end)
        if key in by_tokens:
            by_tokens[key].attributions.append(attribution_id)
            continue
        if mention is None:
            continue
        # A named source's mention is its name ("Dmitry Peskov"), so that the possessor in "Putin's spokesman
        # Dmitry Peskov" is a mention of Putin only; other sources are mentioned by the span as written.
        name = doc[mention.name_start : mention.name_end] if mention.name_start is not None else None
        by_tokens[key] = Occurrence(
            mention=mention,
            tokens=key,
            ranges=[(name.start_char, name.end_char)] if name is not None else span_ranges(spans),
            source=True,
            attributions=[attribution_id],
            sentence=bisect.bisect_right(sentence_starts, mention.head) - 1,
            quote=quotes.index(doc[mention.head].idx),
            subject=True,
        )
    return list(by_tokens.values())


def _name_occurrences(
    doc: Doc, sources: list[Occurrence], quotes: QuoteMap, sentence_starts: list[int]
) -> list[Occurrence]:
    """Named people, organisations and places outside the source spans' own names: candidate antecedents, and
    further mentions of a source. Names used as modifiers ("US officials", "Kremlin spokesman") are left out:
    they say who a source belongs to, they do not refer to a participant."""
    taken = {
        i
        for o in sources
        if o.mention.name_start is not None and o.mention.name_end is not None
        for i in range(o.mention.name_start, o.mention.name_end)
    }
    found = []
    names = [ent for ent in doc.ents if ent.label_ in COLLECTED_LABELS]
    # A proper-noun subject the small model left untagged ("Jones lost the vote") is a likely antecedent.
    names += [
        doc[token.left_edge.i : token.i + 1]
        for token in doc
        if token.pos_ == "PROPN" and token.dep_ in {"nsubj", "nsubjpass"} and token.ent_iob_ == "O"
    ]
    for ent in names:
        if any(token.i in taken for token in ent) or ent.root.dep_ in {"compound", "amod", "nmod"}:
            continue
        mention = analyze_mention(doc, ent.start, ent.end)
        if mention is None or mention.name_start is None or mention.name_end is None:
            continue
        name = doc[mention.name_start : mention.name_end]
        found.append(
            Occurrence(
                mention=mention,
                tokens=(ent.start, ent.end),
                ranges=[(name.start_char, name.end_char)],
                source=False,
                attributions=[],
                sentence=bisect.bisect_right(sentence_starts, ent.start) - 1,
                quote=quotes.index(ent.start_char),
                subject=ent.root.dep_ in {"nsubj", "nsubjpass"},
            )
        )
    return found


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


def _name_genders(doc: Doc, occurrences: list[Occurrence], quotes: QuoteMap) -> dict[str, Gender]:
    """The gender the article itself gives each name, by a vote over the sentences where a person named as
    subject is followed, before any other person, by "he" or "she" ("Clinton said she thinks"). The small model
    has no gender for names; the text usually does. A name wins a gender only with two thirds of its votes,
    since "Trump said she lied" votes the wrong way."""
    votes: dict[str, Counter[Gender]] = defaultdict(Counter)
    for occurrence in occurrences:
        mention = occurrence.mention
        if mention.form != "name" or mention.kind not in {"person", "unknown"} or not occurrence.subject:
            continue
        sentence = doc[mention.head].sent
        for token in doc[mention.end : sentence.end]:
            if token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and token.dep_ in {"nsubj", "nsubjpass"}):
                break
            # Only a subject pronoun votes: "Clinton said she" is Clinton, "Clinton attacked his plan" is not.
            gender = PRONOUNS.get(token.lower_, (0, "sing", None))[2] if token.lower_ in {"he", "she"} else None
            if gender in {"masc", "fem"} and quotes.index(token.idx) == occurrence.quote:
                votes[_name_key(doc, mention)][gender] += 1
                break
    genders: dict[str, Gender] = {}
    for surname, counts in votes.items():
        gender, count = counts.most_common(1)[0]
        if count * 3 >= sum(counts.values()) * 2:
            genders[surname] = gender
    return genders


def _name_key(doc: Doc, mention: Mention) -> str:
    """The name as written, lower-cased: votes for "Clinton" and "Hillary Clinton" are kept apart, so that
    "Ivanka Trump" does not inherit the gender of "Trump" (and the entity takes the gender of any of them)."""
    return " ".join(_normalized(mention.name_tokens(doc)))


class _Entities:
    """The entities found so far, indexed by what a later mention can match them by (name keys, head words,
    description keys), so that each mention is compared with a few candidates instead of every entity."""

    def __init__(self) -> None:
        self.all: list[Entity] = []
        self._by_key: dict[tuple[str, ...], list[Entity]] = defaultdict(list)

    def _index(self, key: tuple[str, ...], entity: Entity) -> None:
        indexed = self._by_key[key]
        if not indexed or indexed[-1] is not entity:
            indexed.append(entity)  # an entity filed twice under a key is found once (``latest``)

    def latest(self, keys: list[tuple[str, ...]]) -> list[Entity]:
        """Entities indexed under any of ``keys``, the latest created first."""
        found = {entity.index: entity for key in keys for entity in self._by_key.get(key, [])}
        return [found[index] for index in sorted(found, reverse=True)]

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
        if entity.gender is None and mention.gender in {"masc", "fem"}:
            entity.gender = mention.gender  # from a pronoun, an honorific ("Mrs."), or a noun ("the woman")
        if mention.form == "name":
            words = mention.name_tokens(doc)
            if words not in entity.names:  # each spelling once: a name repeated n times is compared once, not n
                entity.names.append(words)
            for key in _name_keys(_normalized(words), stored=True):
                self._index(key, entity)
            if entity.gender is None and entity.kind in {"person", "unknown"}:
                entity.gender = genders.get(_name_key(doc, mention))
        if mention.form != "pronoun":
            heads = {mention.head_lemma(doc)} | _role_words(doc, mention)
            entity.heads.update(heads)
            description_key = _description_key(doc, mention)
            entity.description_keys.add(description_key)
            for head in heads:
                self._index(("head", head), entity)
            self._index(("description", *description_key), entity)
        occurrence.entity = entity
        entity.occurrences.append(occurrence)


def _role_words(doc: Doc, mention: Mention) -> set[str]:
    """The title right before a name ("spokesman" in "Trump campaign spokesman Jason Miller"), so that a later
    "the spokesman" finds the entity; not the modifiers before it ("the Trump campaign" is someone else)."""
    if mention.name_start is None or mention.name_start <= mention.start:
        return set()
    title = doc[mention.name_start - 1]
    return {title.lemma_.lower()} if title.pos_ in {"NOUN", "PROPN"} and not title.ent_type_ else set()


def _description_key(doc: Doc, mention: Mention) -> tuple[str, ...]:
    """A description's words without determiners and quantifiers: "Some US officials" = "US officials"."""
    words = [
        token.lemma_.lower()
        for token in doc[mention.start : mention.end]
        if token.pos_ not in {"DET", "NUM", "PUNCT"} and token.lower_ not in lexicon.INDEFINITE | {"some", "all"}
    ]
    return (*words, mention.number)


def _normalized(words: list[str]) -> list[str]:
    return [w.lower().rstrip(".") for w in words if w.lower() not in {"the", "'s", "’s"}]


def _canonical(words: list[str]) -> str:
    """One spelling for the names of a country or union ("u.s.", "america" and "united states" are "US")."""
    joined = " ".join(words)
    return lexicon.PLACE_NAMES.get(joined, lexicon.PLACE_NAMES.get(joined.replace(".", ""), joined))


def _acronym(words: list[str]) -> str:
    return "".join(word[0] for word in words if word and word not in lexicon.ACRONYM_SKIP_WORDS)


def _name_keys(words: list[str], stored: bool) -> list[tuple[str, ...]]:
    """Index keys of a normalized name, such that two names ``names_match`` only if some key of the name
    ``stored`` in the index equals some key of the name looked up: the same last word (the same name, a
    surname, a shorter organisation name), the same canonical spelling, or a one-word name that is the acronym
    of a longer one (filed by its letters under "short" or "long", and looked up under the other)."""
    if not words:
        return []
    short = len(words) == 1
    letters = words[0].replace(".", "") if short else _acronym(words)
    side = "short" if short == stored else "long"
    return [("last", words[-1]), ("canonical", _canonical(words)), (side, letters)]


def names_match(first: list[str], second: list[str], person: bool) -> bool:
    """Whether two names can name the same source: same words, aliases, an acronym, or (for a person) a
    surname of the full name; for an organisation, a shorter form keeping the last word ("the Post" for "The
    New York Post")."""
    return _names_match(tuple(first), tuple(second), person)


@functools.lru_cache(maxsize=8192)
def _names_match(first: tuple[str, ...], second: tuple[str, ...], person: bool) -> bool:
    # Cached: an article compares the same few names many times.
    a, b = _normalized(list(first)), _normalized(list(second))
    if not a or not b:
        return False
    if a == b or _canonical(a) == _canonical(b):
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) == 1 and len(long) > 1 and short[0].replace(".", "") == _acronym(long):
        return True
    if person:
        return long[-len(short) :] == short
    return short[-1] == long[-1] and set(short) <= set(long)


def _same_name(doc: Doc, mention: Mention, entities: _Entities) -> Entity | None:
    """The latest entity already named in a compatible way (people match people, others match others; an
    undecided name, such as a lone surname tagged as an organisation, matches either)."""
    words = mention.name_tokens(doc)
    for entity in entities.latest(_name_keys(_normalized(words), stored=False)):
        decided = mention.kind != "unknown" and entity.kind != "unknown"
        if decided and (entity.kind == "person") != (mention.kind == "person"):
            continue
        if mention.number != entity.number:
            continue  # "Clinton and Kaine" is not Clinton
        person = "person" in {mention.kind, entity.kind}
        if mention.gender and entity.gender and mention.gender != entity.gender:
            continue  # "Mrs. Clinton" is not "Bill Clinton"
        full_names = [name for name in entity.names if len(name) > 1] if len(words) > 1 else []
        if person and any(not names_match(words, name, person) for name in full_names):
            continue  # "Ivanka Trump" is not the "Trump" already known as "Donald Trump"
        if any(names_match(words, name, person) for name in entity.names):
            return entity
    return None


def _same_description(doc: Doc, mention: Mention, entities: _Entities) -> Entity | None:
    """An earlier entity a description refers back to; None when it introduces a new one.

    "a source" / "another source" / "two officials" introduce; "the source" / "the spokesman" refer back to
    the latest entity with that head or role; "US officials", repeated, is the same group.
    """
    determiner = doc[mention.start].lower_
    if determiner in lexicon.INDEFINITE or any(t.pos_ == "NUM" for t in doc[mention.start : mention.head]):
        return None
    if determiner in lexicon.DEFINITE:
        head = mention.head_lemma(doc)
        return next((e for e in entities.latest([("head", head)]) if e.number == mention.number), None)
    candidates = entities.latest([("description", *_description_key(doc, mention))])
    return candidates[0] if candidates else None


def compatible(pronoun: Mention, entity: Entity) -> bool:
    """Number, gender and animacy agreement between a third-person pronoun and a candidate entity."""
    if pronoun.gender in {"masc", "fem"}:
        # An undecided kind is a person only when it is a name (a lone surname), not "a problem".
        animate = entity.kind == "person" or (entity.kind == "unknown" and bool(entity.names))
        return entity.number == "sing" and animate and entity.gender in {None, pronoun.gender}
    if pronoun.gender == "neut":
        return entity.number == "sing" and entity.kind not in {"person", "group"}
    return entity.number == "plur" or entity.kind in {"group", "organization", "government", "media"}


def _agreement(pronoun: Mention, entity: Entity | None) -> int:
    """How well a compatible entity agrees: a known gender that matches, or a plural for "they", beats an
    entity that is merely not ruled out (a person of unknown gender, an organisation for "they")."""
    if entity is None:
        return 0
    if pronoun.gender in {"masc", "fem"}:
        return int(entity.gender == pronoun.gender)
    if pronoun.gender is None:
        return int(entity.number == "plur")
    return 0


def _pronoun_antecedent(
    occurrences: list[Occurrence],
    position: int,
    by_sentence: dict[int, list[Occurrence]],
    contents: dict[str, list[tuple[int, int]]],
    max_sentences_back: int,
) -> Entity | None:
    """The most salient compatible entity before the pronoun ``occurrences[position]``.

    Sentence by sentence backwards: in the pronoun's own sentence only speakers and subjects before it count
    ("When Clinton arrived, she said"); in earlier sentences, speakers first (the news rule: '"…," one
    official told the NYT. He added …'), then subjects, then the earliest mention. Past ``max_sentences_back``
    sentences, the latest compatible speaker (reporters keep writing "he said" for the main speaker). A person
    named in what someone says is not who says it: mentions inside quotes, or inside the pronoun's own
    content, are skipped. A pronoun inside a quote belongs to the quoted speaker's world, so only mentions in
    the same quote count, and without one it stays unresolved rather than borrow a speaker from outside.
    Occurrences are resolved in text order, so the ones already attached to an entity are the earlier ones.
    """
    pronoun = occurrences[position]
    own_content = [r for a in pronoun.attributions for r in contents.get(a, [])]

    def candidate(o: Occurrence) -> bool:
        return (
            o.entity is not None
            and o.tokens[1] <= pronoun.tokens[0]
            and o.quote == pronoun.quote
            and not any(start <= o.mention.head < end for start, end in own_content)
            and compatible(pronoun.mention, o.entity)
        )

    for distance in range(max_sentences_back + 1):
        in_sentence = [o for o in by_sentence.get(pronoun.sentence - distance, []) if candidate(o)]
        if distance == 0:
            in_sentence = [o for o in in_sentence if o.source or o.subject]
        # Nearest first in the pronoun's own sentence; in earlier ones, the first mention (Hobbs's left-to-right).
        order = 1 if distance == 0 else -1
        ranked = max(
            in_sentence,
            key=lambda o: (o.source, o.subject, _agreement(pronoun.mention, o.entity), order * o.tokens[0]),
            default=None,
        )
        if ranked is not None:
            return ranked.entity
    if pronoun.quote is not None:
        return None
    latest_speaker = next(
        (o for o in reversed(occurrences[:position]) if o.source and candidate(o)),
        None,
    )
    return latest_speaker.entity if latest_speaker is not None else None


def _quote_speaker(
    occurrence: Occurrence,
    speakers: dict[str, Occurrence],
    contents: dict[str, list[tuple[int, int]]],
) -> Entity | None:
    """For "I"/"we" as a source: the speaker of the attribution whose content holds it ('"We told them," he
    said'); a first person outside any content is the author, left as its own entity. ``speakers`` gives each
    attribution's source occurrence."""
    head = occurrence.mention.head
    enclosing = [
        (end - start, attribution_id)
        for attribution_id, spans in contents.items()
        for start, end in spans
        if start <= head < end and attribution_id not in occurrence.attributions
    ]
    for _, attribution_id in sorted(enclosing):
        speaker = speakers.get(attribution_id)
        if speaker is not None and speaker.entity is not None:
            return speaker.entity
    return None
