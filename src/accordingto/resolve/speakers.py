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
  other gender, "they" a plural or an organisation, "it" an organisation or a document; "it" and "they" may
  also stand for a named thing or people no rule collected (a building, an event, a law, "the Saudis"). People
  named only inside quotation marks, or inside a "he"/"she"'s own content, are never antecedents;
- "I"/"we" as the source of a statement inside a quote is that quote's speaker.

Output on the doc, for ``describe.sources``: ``annotations.ENTITIES``, one ``records.EntityRecord`` per entity
(its id, whether it speaks, its kind, its mentions and the attributions whose source it is). It needs the
quotes and the attributions on the doc (``MissingStageError`` otherwise).
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from .. import lexicon
from ..annotations import ATTRIBUTIONS, ENTITIES, attribution_ids, doc_text, doc_token_codes, role_spans, span_ranges
from ..model import Ranges, SourceKind
from ..pipes import AnnotatingPipe, component_factory
from ..records import EntityRecord, MentionRecord
from .first_names import is_first_name
from .markables import Markables, find_markables, pronoun_base, quote_ranges, sentence_starts
from .mentions import (
    BODY_KINDS,
    PEOPLE_NOUNS,
    PRONOUNS,
    Gender,
    Mention,
    MentionReadings,
    Number,
    coordinated_people,
    is_person_noun,
    read_source,
)
from .names import name_keys, names_match, normalized
from .ranker import NAME, DocumentResolver, MentionRanker, shipped_ranker
from .transcripts import find_transcript, interviewee

# Entity types whose mentions outside attributions are collected as mentions of a source (and as antecedents).
COLLECTED_LABELS = {"PERSON", "ORG", "GPE"}
# Entity types of things an "it" or "they" may stand for but no source is: buildings and sites, regions, events,
# works, laws and products ("The airport … it handles", "the Clean Water Act … It would require"). Without them
# the rules give such a pronoun the nearest country or company instead.
THING_LABELS = {"FAC", "LOC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
# A people named as a noun ("The Saudis met the envoys. They said …") is a group a later "they" may stand for.
PEOPLE_LABEL = "NORP"
# Subjects, as string ids of the per-document table (``annotations.TokenCodes.dep``).
_SUBJECT_DEPS = {get_string_id("nsubj"), get_string_id("nsubjpass")}

# Who decides a source mention, by its class (``mention_class``): the rules; the rules, and the learned resolver
# where they find no antecedent; or the learned resolver, and the rules where it finds none. Chosen by
# measurement on the speaker subset of GUM train (5-fold cross-validation) and dev (``benchmarks/resolution.py``,
# docs/sources.md). Pronouns and names go to the model first (a "Bernoulli" among several Bernoullis is the one
# the text is about, not the one named last; "Isabel" is Isabel Ruiz), definite descriptions to the rules first.
PROBE = "probe"
# How many sentences back a speaker the rules give a pronoun keeps it from the learned resolver (the news rule).
NEWS_RULE_SENTENCES = 1
# How much better (in summed feature weights) the learned resolver must score its own choice than the rules' to
# overrule them; chosen on GUM (benchmarks/resolution.py).
OVERRULE_MARGIN = 3.0
STRATEGIES = ("rules", "rules-then-model", "model-then-rules")
MENTION_CLASSES = ("he", "she", "it", "they", "definite description", "name")
DEFAULT_STRATEGY = {
    "he": "model-then-rules",
    "she": "model-then-rules",
    "it": "model-then-rules",
    "they": "model-then-rules",
    "definite description": "rules-then-model",
    "name": "model-then-rules",
}


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


class SpeakersPipe(AnnotatingPipe[list[Entity]]):
    """Resolve every attribution's source mention to an entity, and collect the entities' other mentions."""

    def __init__(
        self, nlp: Language, name: str, max_sentences_back: int, strategy: dict[str, str], weights: str | None
    ) -> None:
        self.name = name
        self.max_sentences_back = max_sentences_back
        self.strategy = check_strategy(strategy)
        self.weights = weights
        self.ranker: MentionRanker | None = None

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None) -> None:
        """Load the learned resolver's weights when the pipeline is built, so a missing file fails at load."""
        self._model()

    def _model(self) -> MentionRanker:
        if self.ranker is None:
            self.ranker = MentionRanker.load(self.weights) if self.weights else shipped_ranker()
        return self.ranker

    def predict(self, doc: Doc) -> list[Entity]:
        return resolve_speakers(
            doc, max_sentences_back=self.max_sentences_back, strategy=self.strategy, ranker=self._model()
        )

    def set_annotations(self, doc: Doc, prediction: list[Entity]) -> None:
        write_entities(doc, prediction)


@component_factory(
    "accordingto_speakers",
    default_config={"max_sentences_back": 4, "strategy": DEFAULT_STRATEGY, "weights": None},
    assigns=[ENTITIES.attr],
    requires=[ATTRIBUTIONS.attr, "doc.spans", "token.dep", "token.head", "token.lemma", "doc.ents", "doc.sents"],
)
def make_speakers(
    nlp: Language, name: str, max_sentences_back: int, strategy: dict[str, str], weights: str | None
) -> SpeakersPipe:
    return SpeakersPipe(nlp, name, max_sentences_back, strategy, weights)


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


def resolve_speakers(
    doc: Doc,
    max_sentences_back: int = 4,
    strategy: dict[str, str] | None = None,
    ranker: MentionRanker | None = None,
    probe: tuple[int, int] | None = None,
) -> list[Entity]:
    """Group source mentions (and named mentions of the same entities) into entities, in order of first
    mention. ``strategy`` says, by class of source mention (``mention_class``), whether the rules decide, the
    learned resolver (``ranker``, the shipped weights by default) decides, or one decides where the other finds
    no antecedent (``DEFAULT_STRATEGY``). ``probe``: the tokens of a mention to resolve as if it were the
    source of one more attribution (``PROBE``), which is how the resolver is trained and measured on GUM."""
    ATTRIBUTIONS.require(doc)
    strategy = DEFAULT_STRATEGY if strategy is None else strategy
    quotes = QuoteMap(quote_ranges(doc), len(doc_text(doc)))
    starts_of_sentences = sentence_starts(doc)
    contents: dict[str, list[tuple[int, int]]] = {}
    readings = MentionReadings(doc)
    # Built once here: every caller below reads the same attributions, and each call makes new spans.
    roles = role_spans(doc)
    occurrences = _source_occurrences(doc, roles, readings, quotes, starts_of_sentences, contents, probe)
    occurrences += _name_occurrences(doc, readings, occurrences, quotes, starts_of_sentences)
    occurrences += _coordination_occurrences(doc, occurrences, quotes, starts_of_sentences)
    occurrences.sort(key=lambda o: (o.tokens[0], not o.source))
    genders = _name_genders(doc, occurrences, quotes)
    by_sentence: dict[int, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        by_sentence[occurrence.sentence].append(occurrence)
    for occurrence in _thing_occurrences(doc, readings, occurrences, quotes, starts_of_sentences):
        by_sentence[occurrence.sentence].append(occurrence)
    taken_things: list[Occurrence] = []
    entities = _Entities(quotes)
    channels = _channels(doc, roles, occurrences)
    questions = _questions(roles)
    first_person: list[Occurrence] = []
    for position, occurrence in enumerate(occurrences):
        mention = occurrence.mention
        if mention.form == "pronoun" and mention.person != 3:
            first_person.append(occurrence)
            continue
        if mention.form == "pronoun":
            antecedent = _singular_they(doc, occurrences, position) or _pronoun_antecedent(
                occurrences, position, by_sentence, contents, max_sentences_back, questions
            )
            if antecedent is not None and antecedent.entity is None:
                # A named thing becomes a participant only once a pronoun stands for it.
                entities.attach(doc, antecedent, _rules_entity(doc, antecedent.mention, entities), genders)
                taken_things.append(antecedent)
            entity = antecedent.entity if antecedent is not None else None
        elif mention.form == "description" and _channel(doc, mention, channels) is not None:
            entity = _channel(doc, mention, channels)
        else:
            entity = _rules_entity(doc, mention, entities)
        entities.attach(doc, occurrence, entity, genders)
    occurrences = sorted(occurrences + taken_things, key=lambda o: (o.tokens[0], not o.source))
    followers = _latest_speakers(entities.all)
    answered = _answers(occurrences, questions) | set(followers) | _topic_continued(doc, occurrences)
    asked = [
        o
        for o in occurrences
        if o.source
        and (how := strategy.get(mention_class(doc, o.mention) or "", "rules")) != "rules"
        and _worth_asking(doc, o, how, entities, answered)
    ]
    if asked:
        until = max(o.tokens[1] for o in asked)
        learned = _LearnedAnswers(doc, ranker, occurrences, until, quotes, genders, readings, roles)
        learned.revise(asked, entities, contents)
        _follow_speakers(occurrences, followers, entities)
    speakers = {aid: occurrence for occurrence in occurrences for aid in occurrence.attributions}
    answerer = (
        _Answerer(doc, occurrences, readings, quotes, entities, genders, starts_of_sentences) if first_person else None
    )
    for occurrence in first_person:
        speaker = _quote_speaker(occurrence, speakers, contents)
        entity = speaker.entity if speaker is not None else None
        if speaker is not None and occurrence.mention.number == "plur":
            body = _body_spoken_for(doc, speaker.mention, readings)
            if body is not None:
                sentence = bisect.bisect_right(starts_of_sentences, body.head) - 1
                entity = _collect_name(doc, body, sentence, quotes, entities, genders).entity
        if speaker is None and answerer is not None:
            entity = answerer.entity(occurrence)
        entities.attach(doc, occurrence, entity, genders)
    found = [entity for entity in entities.all if entity.occurrences]
    for entity in found:
        entity.occurrences.sort(key=lambda o: o.tokens[0])
    found.sort(key=lambda e: e.occurrences[0].tokens[0])
    return found


# Prepositions that make a document the channel a source speaks through: "said in a statement", "wrote in a
# letter", "said through a spokesman", "announced via a release".
CHANNEL_PREPOSITIONS = {"in", "through", "via"}


def _channels(
    doc: Doc, roles: dict[str, dict[str, list[Span]]], occurrences: list[Occurrence]
) -> dict[str, list[Occurrence]]:
    """The documents sources have spoken through, by head lemma: "Acme said *in a statement*" files Acme's
    occurrence under "statement", and so does "*a statement from* Acme said" (``mentions.document_author``)."""
    cues = {aid: spans["cue"] for aid, spans in roles.items()}
    channels: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        through = occurrence.mention.through
        if through is not None:
            channels[doc[through].lemma_.lower()].append(occurrence)
        for attribution_id in occurrence.attributions:
            for span in cues.get(attribution_id, []):
                for token in span:
                    for preposition in token.children:
                        if preposition.dep_ != "prep" or preposition.lower_ not in CHANNEL_PREPOSITIONS:
                            continue
                        for obj in preposition.children:
                            if obj.dep_ == "pobj":
                                channels[obj.lemma_.lower()].append(occurrence)
    return channels


def _channel(doc: Doc, mention: Mention, channels: dict[str, list[Occurrence]]) -> Entity | None:
    """For a definite description of a document ("the statement said"), the source that spoke through a
    document of that kind earlier: a document is a source of its own only where no one speaks through it."""
    if mention.kind != "document" or doc[mention.start].lower_ not in lexicon.DEFINITE:
        return None
    earlier = [o for o in channels.get(mention.head_lemma(doc), []) if o.tokens[0] < mention.start]
    return earlier[-1].entity if earlier else None


def _rules_entity(doc: Doc, mention: Mention, entities: _Entities) -> Entity | None:
    """The rules' entity for a name or a description."""
    if mention.form == "name":
        return _same_name(doc, mention, entities)
    return _same_description(doc, mention, entities)


def rules_links(markables: Markables, entities: list[Entity] | None = None) -> dict[int, Collection[int]]:
    """What the rules alone choose for every source pronoun of a document, as ``Markables.rules_links``: the
    markables of the entity they give it, written before it (none: no antecedent). The learned resolver is
    trained with these as features, and weighs them at run time. ``entities``: the rules' entities, when they
    have run already."""
    by_head = markables.by_head
    links: dict[int, Collection[int]] = {}
    for entity in resolve_speakers(markables.doc, strategy={}) if entities is None else entities:
        in_order = sorted(entity.occurrences, key=lambda o: o.tokens[0])
        starts = [o.tokens[0] for o in in_order]
        # The entity's markables in text order, shared by all its pronouns: each pronoun's answer is the part
        # before it (a list per pronoun would grow with the square of a long article's mentions).
        members = [by_head.get(o.mention.head) for o in in_order]
        marked = [k for k in members if k is not None]
        marked_before = list(itertools.accumulate((k is not None for k in members), initial=0))
        positions: dict[int, int] = {}
        for n, j in enumerate(marked):
            positions.setdefault(j, n)  # where each markable first appears
        for occurrence in entity.occurrences:
            mention = occurrence.mention
            k = by_head.get(mention.head)
            if k is None or not occurrence.source or mention.form != "pronoun" or mention.person != 3:
                continue
            before = marked_before[bisect.bisect_left(starts, occurrence.tokens[0])]
            links[k] = EarlierMarkables(marked, positions, before)
    return links


class EarlierMarkables(Collection[int]):
    """The markables of an entity written before one of its mentions: the first ``count`` of the entity's
    markables in text order (a view of a list its mentions share), with membership in constant time."""

    def __init__(self, in_order: list[int], positions: dict[int, int], count: int) -> None:
        self.in_order, self.positions, self.count = in_order, positions, count

    def __contains__(self, item: object) -> bool:
        position = self.positions.get(item) if isinstance(item, int) else None
        return position is not None and position < self.count

    def __iter__(self) -> Iterator[int]:
        return iter(self.in_order[: self.count])

    def __len__(self) -> int:
        return self.count


def mention_class(doc: Doc, mention: Mention) -> str | None:
    """What ``DEFAULT_STRATEGY`` is keyed by: the pronoun ("he", "she", "it", "they"; "him" is "he"), a
    "definite description" ("the former mayor", "that company"), or a "name"; None for other mentions
    (indefinite descriptions, which always introduce someone, and first persons)."""
    if mention.form == "pronoun":
        base = pronoun_base(doc[mention.head].lower_)
        return base if base in {"he", "she", "it", "they"} else None
    if mention.form == "description":
        return "definite description" if doc[mention.start].lower_ in lexicon.DEFINITE else None
    return "name"


def check_strategy(strategy: dict[str, str]) -> dict[str, str]:
    """The strategy as given, once its classes and ways are known ones (a typo must not silently mean rules)."""
    for key, how in strategy.items():
        if key not in MENTION_CLASSES or how not in STRATEGIES:
            raise ValueError(
                f"speakers strategy {key!r}: {how!r}: classes are {', '.join(MENTION_CLASSES)}, ways "
                f"{', '.join(STRATEGIES)}"
            )
    return dict(strategy)


def _answers(occurrences: list[Occurrence], questions: set[str]) -> set[int]:
    """The source pronouns (by ``id``) that answer a question asked in their sentence or the one before
    ("Miller asked whether he would retire. He declined"): the rules give them the other side."""
    found: set[int] = set()
    latest: Occurrence | None = None
    for occurrence in occurrences:
        if not occurrence.source:
            continue
        asks = bool(occurrence.attributions) and set(occurrence.attributions) <= questions
        if (
            occurrence.mention.form == "pronoun"
            and not asks
            and latest is not None
            and set(latest.attributions) <= questions
            and occurrence.sentence - latest.sentence <= 1
        ):
            found.add(id(occurrence))
        latest = occurrence
    return found


def _topic_continued(doc: Doc, occurrences: list[Occurrence]) -> set[int]:
    """The source "he"/"she"s (by ``id``) opening a sentence that the rules gave the subject of the main clause
    of the sentence just before, which is not a speaker there (the news rule covers speakers). A sentence whose
    subject is a person makes that person the topic, and the next sentence's "he" or "she" continues it
    (centering's preferred antecedent): "Tennant gave evidence on the second day. He said …" is Tennant, and
    "His partner, Aileen Dorsey, joined the conversation. She said …" is Dorsey. The learned resolver, trained on
    GUM's few quotations, sent these back to the person quoted before the topic changed (news13: 7 of 227
    statements of unseen articles, among them a defendant's evidence given to his own barrister)."""
    found: set[int] = set()
    for occurrence in occurrences:
        mention, entity = occurrence.mention, occurrence.entity
        if not (occurrence.source and mention.form == "pronoun" and mention.gender in {"masc", "fem"}):
            continue
        if entity is None or occurrence.quote is not None or not doc[occurrence.tokens[0]].is_sent_start:
            # Only a pronoun opening its sentence continues the topic so; after a quotation ('"We need beds," she
            # said'), whose words may say who speaks, the learned resolver still decides.
            continue
        if any(
            not o.source
            and o.quote is None
            and o.sentence == occurrence.sentence - 1
            and _main_subject(doc[o.mention.head])
            for o in entity.occurrences
        ):
            found.add(id(occurrence))
    return found


def _main_subject(token: Token) -> bool:
    """Whether a mention's head is the subject of its sentence's main verb, or a name in apposition to that
    subject's phrase ("His partner, Aileen Dorsey, joined …")."""
    if token.dep_ == "appos":
        token = token.head
        # The parser hangs a name closing a subject phrase on its last noun ("The widow of the crane operator,
        # Katerina Doukas, joined …"), but news names the phrase's head so.
        while token.dep_ in {"pobj", "prep"} and token.head is not token:
            token = token.head
    return token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "ROOT"


def _worth_asking(doc: Doc, occurrence: Occurrence, how: str, entities: _Entities, answered: set[int]) -> bool:
    """Whether the learned resolver may change the rules' answer for a source mention: not where the rules
    gave a pronoun the speaker just before it (the news rule) or the other side of a question (both in
    ``answered``), nor, with "rules-then-model", where the rules found an antecedent. Checked before the resolver
    is built, which most articles then do not need."""
    entity = occurrence.entity
    assert entity is not None
    mention = occurrence.mention
    if mention.head in entities.ambiguous:
        return False  # "the mayor" after two mayors: the text does not say which
    if mention.form == "pronoun" and id(occurrence) in answered:
        return False  # '"…," one official told the NYT. He added' is the official
    if mention.form == "name" and len(normalized(mention.name_tokens(doc))) > 1:
        # A full name the rules kept apart stays apart: "Ivanka Trump" is not Donald Trump, nor "David Perdue"
        # David Plouffe (on PolNeAR dev the resolver joined names sharing a first name or a city).
        return False
    if mention.form == "name" and how == "model-then-rules" and _settled_name(doc, occurrence, entities):
        return False
    opens = entity.occurrences[0] is occurrence
    return how == "model-then-rules" or (opens and _may_refer_back(doc, occurrence, entities))


def _settled_name(doc: Doc, occurrence: Occurrence, entities: _Entities) -> bool:
    """Whether the rules joined a one-word name to a full name of its entity ("Trump" to "Donald Trump") that no
    other entity shares a word with: the resolver, which weighs who else bears the name, has nothing to choose
    between, and asking it about every surname of every article cost half its time again."""
    entity = occurrence.entity
    assert entity is not None
    words = set(normalized(occurrence.mention.name_tokens(doc)))
    if not any(len(name) > 1 and words <= set(normalized(name)) for name in entity.names):
        return False
    return not any(
        words & set(normalized(name)) for other in entities.all if other is not entity for name in other.names
    )


PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _institution(doc: Doc, mention: Mention) -> bool:
    """Whether a source mention is a singular definite description of an institution with no name of its own
    in it: such a description names a body of that kind the article named before ("The agency said" after "the
    VA"), which is looked for among the resolver's best candidates (``_LearnedAnswers._institution_entity``).
    Not a plural ("the nations of the world" are not the one nation named last), not a description of a person
    ("the Republican nominee": the resolver's choice goes to whoever is mentioned most, often the other side),
    nor one holding a name ("the Obama administration", "the Clinton campaign": a body of its own), as judged
    on PolNeAR dev (``benchmarks/speakers.py --descriptions --compare``), nor one with a possessor ("the city's
    election office" is a part of the city, not the university named last; news12)."""
    return (
        mention.form == "description"
        and mention.kind in BODY_KINDS
        and mention.number == "sing"
        and doc[mention.start].lower_ in lexicon.DEFINITE
        and not any(token.pos_ == "PROPN" or token.ent_type_ for token in doc[mention.start : mention.end])
        and not any(token.dep_ == "poss" for token in doc[mention.start : mention.head])
    )


def _admissible(
    pronoun: Occurrence, entity: Entity, contents: dict[str, list[tuple[int, int]]], agrees: bool = False
) -> bool:
    """Whether the rules' constraints let a pronoun refer to an entity: agreement (or ``agrees``: known to
    agree otherwise), and an earlier mention in the pronoun's own quotation world (outside quotes for a pronoun
    outside them) that, for "he" or "she", is not inside the pronoun's own content (a person named in what
    someone says is not who says it). A pronoun inside a quote may also reach a mention outside quotation
    marks, where the resolver takes it there: a speaker talks of the person the article is about ('"He told
    me he was tired," his aide said' after "Senator Paul Moore left the party"); never to the quote's own
    speaker, who would say "I" (``_quoted_speaker``). The rules alone keep a quoted pronoun inside its quote."""
    own_content = _barred_content(pronoun, contents)
    outside = pronoun.quote is not None and not _quoted_speaker(pronoun, entity, contents)
    return (agrees or compatible(pronoun.mention, entity)) and any(
        o.tokens[0] < pronoun.tokens[0]
        and (o.quote == pronoun.quote or (outside and o.quote is None))
        and not any(start <= o.mention.head < end for start, end in own_content)
        for o in entity.occurrences
        if o is not pronoun
    )


def _person_by_tag_alone(entity: Entity) -> bool:
    """Whether an entity may be a person only because the small model tagged its name so: named only, of no
    gender from a first name, an honorific, a pronoun or a description, by one word ("Birkholm", an island;
    "Mérida", a city) or by a name a thing's class opens ("Cyclone Phailin": ``THING_NAME_WORDS``). An "it"
    the learned resolver links to such a name is evidence the tag is wrong. A full name of two words is
    likelier a person whose first name the lists lack ("Mirelle Okonjo"), whom an "it" must not take."""
    return (
        entity.kind == "person"
        and entity.gender is None
        and entity.number == "sing"
        and all(o.mention.form == "name" for o in entity.occurrences)
        and all(len(name) == 1 or name[0].lower() in lexicon.THING_NAME_WORDS for name in entity.names)
    )


def _quoted_speaker(pronoun: Occurrence, entity: Entity, contents: dict[str, list[tuple[int, int]]]) -> bool:
    """Whether an entity is the speaker of an attribution whose content holds the pronoun: a speaker quoted
    says "I", not "he", so '"He told me he was tired," Webb said' is not Webb, whoever else it is."""
    head = pronoun.mention.head
    holding = {a for a, spans in contents.items() if any(start <= head < end for start, end in spans)}
    return any(set(o.attributions) & holding for o in entity.occurrences if o.source)


def _barred_content(pronoun: Occurrence, contents: dict[str, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """The token ranges of a pronoun's own content, where its antecedent may not be: for "he" or "she"
    (a person named in what someone says is not who says it), but not for "it" or "they" — "Acme will close
    the plant, it said", "The workers will strike, they said": a body or a group names itself in what it says,
    and news writes an organisation's statement so, with the name first."""
    if pronoun.mention.gender not in {"masc", "fem"}:
        return []
    return [r for a in pronoun.attributions for r in contents.get(a, [])]


def _name_admissible(mention: Mention, entity: Entity) -> bool:
    """Whether the rules' constraints let a one-word name be one of an entity's: no other gender ("Mrs. Clinton"
    is not Bill Clinton). Which names may be one participant's (a surname, a first name as interviews write
    it, an acronym) the resolver has learned; it links a name only to names that share a word or match it.
    Requiring the rules' own name match as well kept most of the gain away (GUM train CV 74.7% of short names
    right instead of 76.9%, dev 61.5% instead of 73.6%, every one-word name asked)."""
    return not (mention.gender and entity.gender and mention.gender != entity.gender)


def _same_full_name(entity: Entity, other: Entity) -> bool:
    """Whether two entities have full names with the same first and last word ("Loretta Lynch", "Loretta E.
    Lynch"): one person the rules split by a middle initial, between whom a short name is not to be moved."""
    ends = {(name[0], name[-1]) for name in map(normalized, entity.names) if len(name) > 1}
    return any((name[0], name[-1]) in ends for name in map(normalized, other.names) if len(name) > 1)


def _latest_speakers(entities: list[Entity]) -> dict[int, Occurrence]:
    """The occurrences (by ``id``) the rules gave the speaker of an attribution just before them (a source
    occurrence of the same entity earlier in the text, in the same sentence or the one before), each with that
    speaker's occurrence: the news rule, which the learned resolver, trained on GUM's few quotations, does not
    overrule (it sends "He added" after a quotation to the most mentioned person instead). One sweep per
    entity in text order."""
    found: dict[int, Occurrence] = {}
    for entity in entities:
        in_order = sorted(entity.occurrences, key=lambda o: o.tokens[0])
        latest: Occurrence | None = None  # the source occurrence of the latest sentence before the current token
        for _, group in itertools.groupby(in_order, key=lambda o: o.tokens[0]):
            at_token = list(group)
            if latest is not None:
                # A pronoun after a quotation of several sentences follows the speaker before the quotation.
                found.update(
                    (id(o), latest)
                    for o in at_token
                    if (o.sentence if o.opens is None else o.opens) - NEWS_RULE_SENTENCES <= latest.sentence
                )
            spoken = [o for o in at_token if o.source]
            if spoken and (latest is None or spoken[-1].sentence >= latest.sentence):
                latest = spoken[-1]
    return found


def _follow_speakers(occurrences: list[Occurrence], followers: dict[int, Occurrence], entities: _Entities) -> None:
    """A pronoun the news rule gave the speaker just before goes where that speaker's occurrence went: the
    learned resolver may have moved the speaker ("She had ideas, like she said. She drew every day": when the
    first "she" moves to the woman the interview is about, so do those that follow it). In text order, so that
    a run of followers moves together."""
    for occurrence in occurrences:
        speaker = followers.get(id(occurrence))
        if speaker is None or speaker.entity is None or occurrence.mention.form != "pronoun":
            continue
        if speaker.entity is not occurrence.entity:
            entities.move(occurrence, speaker.entity)


def _may_refer_back(doc: Doc, occurrence: Occurrence, entities: _Entities) -> bool:
    """Whether the learned resolver is worth asking about a mention the rules left new: always for pronouns
    and descriptions; for a name, only a one-word name ("Marcus", which the tagger may have called an
    organisation) when an earlier name shares a word with it (the resolver links a name to no other)."""
    mention = occurrence.mention
    if mention.form != "name":
        return True
    if len(normalized(mention.name_tokens(doc))) > 1:
        return False  # a full name the rules kept apart ("Ivanka Trump" after "Donald Trump") stays apart
    words = set(normalized(mention.name_tokens(doc)))
    return any(
        words & set(normalized(o.mention.name_tokens(doc)))
        for entity in entities.all
        if entity is not occurrence.entity
        for o in entity.occurrences
        if o.tokens[0] < occurrence.tokens[0]
    )


class _LearnedAnswers:
    """The learned resolver's say on the rules' entities. The rules run first; then each source mention the
    strategy gives the model (``_worth_asking``) is asked about, with the rules' own choice as a feature for
    pronouns (as in training), and moved to the participant the resolver chooses."""

    def __init__(
        self,
        doc: Doc,
        ranker: MentionRanker | None,
        occurrences: list[Occurrence],
        until: int,
        quotes: QuoteMap,
        genders: dict[str, Gender],
        readings: MentionReadings,
        roles: dict[str, dict[str, list[Span]]],
    ) -> None:
        self.doc = doc
        self.at_head = {o.mention.head: o for o in occurrences}
        self.resolver = DocumentResolver(find_markables(doc, until, readings, roles), ranker or shipped_ranker())
        self.quotes = quotes
        self.genders = genders

    def revise(self, asked: list[Occurrence], entities: _Entities, contents: dict[str, list[tuple[int, int]]]) -> None:
        """Move the occurrences in ``asked`` (in text order) to the entity of the participant the resolver
        chooses, where it chooses one; a description or name that opened its entity takes that entity along.
        The participant is found by following each mention's best antecedent back to a mention the rules
        placed (in an entity) or a name; for a description of an institution ("the agency", "the ministry"),
        the best of its best candidates that stands for an institution of that kind (``_institution_entity``)."""
        markables = self.resolver.markables
        markables.rules_links.update(rules_links(markables, entities.all))
        heads = [markables.by_head.get(o.mention.head) for o in asked]
        voted = {k for o, k in zip(asked, heads, strict=True) if k is not None and _institution(self.doc, o.mention)}
        referring = self._referring(asked, heads)
        chains = self.resolver.best_chains(
            [k for k in heads if k is not None and k not in voted], self._known, referring
        )
        for occurrence, k in zip(asked, heads, strict=True):
            if k is None:
                continue
            current = occurrence.entity
            assert current is not None
            if not self._confident(k, k in referring):
                continue
            if k in voted:
                chosen = self._institution_entity(k, occurrence, entities)
            else:
                chosen = next(
                    (found for j in chains[k] if (found := self._placed(j, occurrence, entities)) is not None), None
                )
            if chosen is None or chosen is current:
                continue
            # An "it" the resolver links to a name tagged a person, with nothing else saying it is one.
            tagged_person = k in referring and occurrence.mention.gender == "neut" and _person_by_tag_alone(chosen)
            if occurrence.mention.form == "pronoun" and not _admissible(occurrence, chosen, contents, tagged_person):
                continue  # the rules' constraints still hold (agreement; no one named only inside quotes)
            if tagged_person:
                chosen.kind = "unknown"  # "it" says what the tag did not: "Cyclone Phailin" is no person
            if occurrence.mention.form == "description" and _contradicts(self.doc, occurrence.mention, chosen):
                continue  # "the Democratic nominee" is not the Republican one, "the former mayor" not the current
            if occurrence.mention.form == "name" and not _name_admissible(occurrence.mention, chosen):
                continue  # "Mrs. Clinton" is not Bill Clinton
            if occurrence.mention.form == "name" and _same_full_name(current, chosen):
                continue  # "Loretta Lynch" and "Loretta E. Lynch", which the rules keep apart: moving splits her
            if current.occurrences[0] is occurrence and occurrence.mention.form != "pronoun":
                entities.merge(current, chosen)  # "the former mayor" and what joined it are the mayor's
            else:
                entities.move(occurrence, chosen)

    def _known(self, j: int) -> bool:
        """Whether markable ``j`` is one a chain of antecedents may stop at: a name, or a mention the rules
        placed."""
        markables = self.resolver.markables
        return bool(markables.arrays["form"][j] == NAME) or markables.mentions[j].head in self.at_head

    def _institution_entity(self, k: int, occurrence: Occurrence, entities: _Entities) -> Entity | None:
        """For the description of an institution ``k`` ("the agency"): the entity of the best-scoring of its
        best candidates (``MentionRanker.top``) that stands for an institution of the same kind — the candidate
        itself if the rules placed it or it is a name, else the one its chain of best antecedents reaches. Its
        single best antecedent is often another "the agency" that leads to no name, or the nearer company or
        person that spoke in between ("The FDA approved the drug. Pfizer welcomed it. The agency said")."""
        cands, scores = self.resolver.scores(k)
        mention = occurrence.mention
        # A body ("the agency", "the bank") is not a place named earlier ("the United States"); a "city" or a
        # "country" may be.
        body = mention.head_lemma(self.doc) in lexicon.INSTITUTION_HEADS
        best = [int(cands[i]) for i in np.argsort(-scores[:-1], kind="stable")[: self.resolver.model.top]]
        # The chains of the candidates the rules did not place, each step scored for all of them at once.
        chains = self.resolver.best_chains([j for j in best if not self._known(j)], self._known)
        for j in best:
            chain = chains.get(j, [j])
            entity = next((e for m in chain if (e := self._placed(m, occurrence, entities)) is not None), None)
            if entity is not None and self._body_of_kind(entity, mention.kind) and not (body and self._place(entity)):
                return entity
        return None

    def _body_of_kind(self, entity: Entity, kind: SourceKind) -> bool:
        """Whether an entity may be the body a description of ``kind`` names: the same kind, or an organisation
        and a government body, which names alone do not tell apart ("Immigration and Customs Enforcement" …
        "the agency"). Not a lone name still undecided: on PolNeAR dev, "the bank" then went to a stray
        "Bank" instead of Wells Fargo."""
        return entity.kind == kind or {entity.kind, kind} <= {"organization", "government"}

    def _place(self, entity: Entity) -> bool:
        """Whether an entity is named as a place (a country, city or region; a building or site)."""
        return any(
            self.doc[o.mention.head].ent_type_ in PLACE_LABELS for o in entity.occurrences if o.mention.form == "name"
        )

    def _confident(self, k: int, referring: bool = False) -> bool:
        """Whether the resolver prefers its own best option to the rules' choice for markable ``k`` by at least
        ``OVERRULE_MARGIN`` (where the rules chose nothing it is filling a gap, not overruling). For a mention
        known to refer, its best option is its best candidate, whatever "no antecedent" scores."""
        links = self.resolver.markables.rules_links.get(k)
        if not links:
            return True
        cands, scores = self.resolver.scores(k)
        chosen = [score for cand, score in zip(cands.tolist(), scores[:-1].tolist(), strict=True) if cand in links]
        if not chosen:
            return True
        best = float(scores[:-1].max() if referring else scores.max())
        return best - max(chosen) >= OVERRULE_MARGIN

    def _referring(self, asked: list[Occurrence], heads: list[int | None]) -> set[int]:
        """The asked mentions known to refer back: an "it" that is an attribution's source (a statement has
        someone who makes it), which the resolver, trained on GUM, where most "it"s refer to nothing named,
        would otherwise leave to "no antecedent". Not "they": on GUM no "they" gained, and on PolNeAR dev the
        one that moved went from the coordination the rules chose ("Obama and Clinton") to a group named in
        between ("our enemies")."""
        return {
            k
            for o, k in zip(asked, heads, strict=True)
            if k is not None and o.source and mention_class(self.doc, o.mention) == "it"
        }

    def _placed(self, j: int, occurrence: Occurrence, entities: _Entities) -> Entity | None:
        """The entity the rules put markable ``j`` in (a name the rules never collected: the entity of that
        name)."""
        markables = self.resolver.markables
        known = self.at_head.get(markables.mentions[j].head)
        if known is not None and known is not occurrence:
            return known.entity
        if markables.arrays["form"][j] == NAME:
            return self._collect_name(j, entities)
        return None

    def _collect_name(self, j: int, entities: _Entities) -> Entity:
        """The entity of a name the rules never collected (a place or building, a name the small model did not
        tag, a name at the start of a paragraph the parse joined to a heading), made one of its mentions: the
        resolver may link to any name it finds, and the rules' constraints then need that earlier mention."""
        mention = self.resolver.markables.mentions[j]
        sentence = int(self.resolver.markables.arrays["sentence"][j])
        occurrence = _collect_name(self.doc, mention, sentence, self.quotes, entities, self.genders)
        self.at_head[mention.head] = occurrence
        entity = occurrence.entity
        assert entity is not None
        return entity


def _collect_name(
    doc: Doc, mention: Mention, sentence: int, quotes: QuoteMap, entities: _Entities, genders: dict[str, Gender]
) -> Occurrence:
    """A name the rules did not collect, made an occurrence of the entity of that name (or of a new one)."""
    assert mention.name_start is not None and mention.name_end is not None
    name = doc[mention.name_start : mention.name_end]
    head = doc[mention.head]
    occurrence = Occurrence(
        mention=mention,
        tokens=(mention.start, mention.end),
        ranges=[(name.start_char, name.end_char)],
        source=False,
        attributions=[],
        sentence=sentence,
        quote=quotes.index(head.idx),
        subject=head.dep_ in {"nsubj", "nsubjpass"},
    )
    entities.attach(doc, occurrence, _same_name(doc, mention, entities), genders)
    entity = occurrence.entity
    assert entity is not None
    entity.occurrences.sort(key=lambda o: o.tokens[0])
    return occurrence


def _source_occurrences(
    doc: Doc,
    roles: dict[str, dict[str, list[Span]]],
    readings: MentionReadings,
    quotes: QuoteMap,
    sentence_starts: list[int],
    contents: dict[str, list[tuple[int, int]]],
    probe: tuple[int, int] | None = None,
) -> list[Occurrence]:
    """One occurrence per distinct source span; attributions sharing a source mention share the occurrence.
    ``probe``: the tokens of one more source mention, of an attribution ``PROBE`` that is not on the doc."""
    by_tokens: dict[tuple[int, int], Occurrence] = {}
    attributions = dict(roles)  # the probe is not one of the doc's attributions: a copy for it
    if probe is not None:
        attributions[PROBE] = {"source": [doc[probe[0] : probe[1]]], "cue": [], "content": []}
    for attribution_id, by_role in attributions.items():
        contents[attribution_id] = [(span.start, span.end) for span in by_role["content"]]
        spans: list[Span] = by_role["source"]
        if not spans:
            continue
        # A source in pieces ("the fall of 2022 … Putin"): the first piece that reads as a mention.
        read = ((span, read_source(doc, span.start, span.end, readings)) for span in spans)
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
            opens=_opening_sentence(contents[attribution_id], mention.head, sentence_starts),
        )
    return list(by_tokens.values())


def _opening_sentence(content: list[tuple[int, int]], head: int, sentence_starts: list[int]) -> int | None:
    """The sentence a content written before its source opens in, when that is an earlier one than the source's;
    None otherwise."""
    first = min((start for start, _ in content), default=head)
    if first >= head:
        return None
    opens = bisect.bisect_right(sentence_starts, first) - 1
    return opens if opens < bisect.bisect_right(sentence_starts, head) - 1 else None


def _coordination_occurrences(
    doc: Doc, occurrences: list[Occurrence], quotes: QuoteMap, sentence_starts: list[int]
) -> list[Occurrence]:
    """The coordinations of people's names outside source spans (``coordinated_people``), as group mentions: a
    later "they" may stand for them."""
    sourced = {i for o in occurrences if o.source for i in range(*o.tokens)}
    found = []
    for ent in doc.ents:
        mention = coordinated_people(doc, ent.start, len(doc)) if ent.label_ == "PERSON" else None
        if mention is None or mention.start in sourced:
            continue
        span = doc[mention.start : mention.end]
        found.append(_unsourced_occurrence(mention, span, span, ent.root, quotes, sentence_starts))
    return found


def _name_occurrences(
    doc: Doc, readings: MentionReadings, sources: list[Occurrence], quotes: QuoteMap, sentence_starts: list[int]
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
    # Read off the per-document table: a Token per word of the document cost more than the rest of the stage.
    codes = doc_token_codes(doc)
    names += [
        doc[codes.left_edge[i] : i + 1]
        for i, (pos, dep, ent_type) in enumerate(zip(codes.pos, codes.dep, codes.ent_type, strict=True))
        if pos == PROPN and dep in _SUBJECT_DEPS and ent_type == 0
    ]
    for ent in names:
        if any(i in taken for i in range(ent.start, ent.end)) or ent.root.dep_ in {"compound", "amod", "nmod"}:
            continue
        mention = readings.read(ent.start, ent.end)
        if mention is None or mention.name_start is None or mention.name_end is None:
            continue
        name = doc[mention.name_start : mention.name_end]
        found.append(_unsourced_occurrence(mention, ent, name, ent.root, quotes, sentence_starts))
    return found


def _unsourced_occurrence(
    mention: Mention,
    span: Span,
    written: Span,
    root: Token,
    quotes: QuoteMap,
    sentence_starts: list[int],
    thing: bool = False,
) -> Occurrence:
    """A mention outside every attribution's source (``span``, its name or words ``written``), placed by sentence
    and quotation; a subject when ``root`` is one."""
    return Occurrence(
        mention=mention,
        tokens=(span.start, span.end),
        ranges=[(written.start_char, written.end_char)],
        source=False,
        attributions=[],
        sentence=bisect.bisect_right(sentence_starts, span.start) - 1,
        quote=quotes.index(span.start_char),
        subject=root.dep_ in {"nsubj", "nsubjpass"},
        thing=thing,
    )


def _thing_occurrences(
    doc: Doc, readings: MentionReadings, taken: list[Occurrence], quotes: QuoteMap, sentence_starts: list[int]
) -> list[Occurrence]:
    """Named things (``THING_LABELS``) and peoples (``PEOPLE_LABEL``) outside the mentions already collected, as
    antecedents an "it" or "they" may take: "Heathrow Airport lies west of London. It says …" is the airport, not
    London; "The Saudis met the envoys in Geneva. They said …" the Saudis, not Geneva. Not participants until a
    pronoun stands for one, and names used as modifiers ("the Clean Water Act's sponsors") are left out, as for
    people's names."""
    covered = {i for o in taken for i in range(*o.tokens)}
    found = []
    for ent in doc.ents:
        if ent.label_ not in THING_LABELS | {PEOPLE_LABEL} or ent.root.dep_ in {"compound", "amod", "nmod", "poss"}:
            continue
        if any(i in covered for i in range(ent.start, ent.end)):
            continue
        mention = readings.read(ent.start, ent.end)
        if mention is None:
            continue
        if ent.label_ == PEOPLE_LABEL:
            if mention.number != "plur" or ent.root.pos_ == "ADJ":
                continue  # "a Saudi envoy", "Saudi officials": the people is not the one who acts
            written = doc[mention.start : mention.end]
        elif mention.name_start is None or mention.name_end is None:
            continue
        else:
            written = doc[mention.name_start : mention.name_end]
        found.append(_unsourced_occurrence(mention, ent, written, ent.root, quotes, sentence_starts, thing=True))
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
    return " ".join(normalized(mention.name_tokens(doc)))


class _Entities:
    """The entities found so far, indexed by what a later mention can match them by (name keys, head words,
    description keys), so that each mention is compared with a few candidates instead of every entity."""

    def __init__(self, quotes: QuoteMap) -> None:
        self.quotes = quotes
        self.all: list[Entity] = []
        self._by_key: dict[tuple[str, ...], list[Entity]] = defaultdict(list)
        # The heads of definite descriptions the text gave two participants it does not tell apart ("the mayor"
        # after two mayors): the rules leave them unresolved, and the learned resolver is not asked to choose.
        self.ambiguous: set[int] = set()

    def _index(self, key: tuple[str, ...], entity: Entity) -> None:
        indexed = self._by_key[key]
        if not indexed or indexed[-1] is not entity:
            indexed.append(entity)  # an entity filed twice under a key is found once (``latest``)

    def latest(self, keys: list[tuple[str, ...]]) -> list[Entity]:
        """Entities indexed under any of ``keys``, the latest created first."""
        found = {entity.index: entity for key in keys for entity in self._by_key.get(key, [])}
        return [found[index] for index in sorted(found, reverse=True)]

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
        elif entity.kind == "person" and _bare_name_of_body(doc, mention, entity):
            entity.kind = mention.kind  # "Skyreach cancels …" then "Budget airline Skyreach": the text says
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
                entity.gender = genders.get(_name_key(doc, mention))
        if mention.form == "name":
            # What a quoted speaker calls someone is their word, not the article's: "Clinton 'is the only
            # candidate that ...'" (PolNeAR dev) does not make her the candidate a later "the GOP candidate" is.
            roles = [r for r in given_roles(doc, mention) if self.quotes.index(r.idx) is None]
            entity.roles += [role.i for role in roles]
        if mention.form != "pronoun":
            heads = {mention.head_lemma(doc)}
            if mention.form == "name":
                heads |= {word for role in roles for word in role_words(role)}
            entity.heads.update(heads)
            description_key = _description_key(doc, mention)
            entity.description_keys.add(description_key)
            for head in heads:
                self._index(("head", head), entity)
            self._index(("description", *description_key), entity)
        occurrence.entity = entity
        entity.occurrences.append(occurrence)


# Verbs whose predicate says what their subject is: "Grant is a billionaire", "who became mayor".
COPULAS = {"be", "become"}
# Verbs whose "as" phrase says what their subject is: "who served as mayor", "who worked as a nurse".
SERVING_VERBS = {"serve", "work", "act"}
# Entity labels of names, which an apposition to a name may be ("Smith, Jones" is a list, not a role).
NAME_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "EVENT", "PRODUCT"}


def given_roles(doc: Doc, mention: Mention) -> list[Token]:
    """The nouns the text itself gives a named participant as what it is, each the head of its phrase: a title
    written before the name ("Former *Mayor* John Harper"), an apposition either way ("Harper, the former
    *mayor* of Springfield"; "the former *mayor*, John Harper"), a predicate ("Grant is a *billionaire*") and a
    predicate in a relative clause on the name ("Harper, who was *mayor* of Springfield", "who served as
    *senator*"), and each role coordinated with one of those ("a lawyer and former *senator*"). News
    introduces people this way once and then calls them by the role ("the former mayor argued"), so a later
    definite description refers back to the one participant given that role."""
    if mention.name_start is None or mention.name_end is None:
        return []
    head = doc[mention.head]
    if not mention.name_start <= mention.head < mention.name_end:
        # A description the name is written in apposition to, read as one mention ("The state's campaign
        # chairman, Phil Lovas"): its head is the role, not the nouns before it ("campaign").
        return [head] if _role_noun(head) else []
    roles = [
        child
        for child in head.children
        if child.dep_ == "compound"
        and child.i < mention.name_start
        and child.pos_ in {"NOUN", "PROPN"}
        and (child.ent_type_ not in NAME_ENTITY_LABELS or _title_in_name(child))
        and child.lower_ not in lexicon.HONORIFICS  # "Mr." is no role
    ]
    roles += [child for child in head.children if child.dep_ == "appos" and _role_noun(child)]
    if head.dep_ == "appos" and _role_noun(head.head):
        roles.append(head.head)
    predicates = [head.head] if head.dep_ in {"nsubj", "nsubjpass"} else []
    predicates += [child for child in head.children if child.dep_ == "relcl"]
    for verb in predicates:
        if verb.lemma_.lower() in COPULAS:
            roles += [c for c in verb.children if c.dep_ == "attr" and _role_noun(c)]
        elif verb.lemma_.lower() in SERVING_VERBS:
            roles += [
                o
                for p in verb.children
                if p.dep_ == "prep" and p.lower_ == "as"
                for o in p.children
                if o.dep_ == "pobj" and _role_noun(o)
            ]
    return roles + _coordinated_roles(roles)


def _title_in_name(token: Token) -> bool:
    """Whether a word the small model tagged as part of a name is a title written before it ("*Councillor*
    Peter Ruddock" tagged one PERSON): the name reader leaves it out of the name (``mentions.name_bounds``), so
    it is a role the text gave the person like any untagged title ("Councillor Janet Albright"), and a later
    "the councillor" may refer back to either."""
    return token.ent_type_ == "PERSON" and token.lemma_.lower() in PEOPLE_NOUNS


def _coordinated_roles(roles: list[Token]) -> list[Token]:
    """The roles coordinated with given ones: "Phoenix is the capital of Arizona as well as its most populous
    *city*", "Grant, a lawyer and former *senator*" — each conjunct says what the participant is, and a later
    "the city", "the former senator" refers back to it as to the first."""
    found: list[Token] = []
    for role in roles:
        found += [c for c in role.conjuncts if c.i > role.i and _role_noun(c) and c not in roles and c not in found]
    return found


def _role_noun(token: Token) -> bool:
    """Whether a token heads a phrase that says what someone is: a common noun, or a title written as a proper
    noun ("the Duchess of Kent"), not another name."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.ent_type_ not in NAME_ENTITY_LABELS)


def role_words(role: Token) -> set[str]:
    """The words a later description may be headed by for a role (``given_roles``): its head, and a noun
    before it that names people ("a *billionaire* investor": "the billionaire" refers back too; "a campaign
    spokesman" does not make its bearer "the campaign")."""
    words = {role.lemma_.lower()}
    if role.dep_ != "compound":  # a title's own modifiers ("Trump campaign spokesman") are someone else's
        words |= {
            t.lemma_.lower()
            for t in role.children
            if t.dep_ in {"compound", "amod"} and t.pos_ == "NOUN" and is_person_noun(t.lemma_.lower())
        }
    return words


def _description_key(doc: Doc, mention: Mention) -> tuple[str, ...]:
    """A description's words without determiners and quantifiers: "Some US officials" = "US officials"."""
    words = [
        token.lemma_.lower()
        for token in doc[mention.start : mention.end]
        if token.pos_ not in {"DET", "NUM", "PUNCT"} and token.lower_ not in lexicon.INDEFINITE | {"some", "all"}
    ]
    return (*words, mention.number)


def _same_name(doc: Doc, mention: Mention, entities: _Entities) -> Entity | None:
    """The entity already named in a compatible way (people match people, others match others; an undecided
    name, such as a lone surname tagged as an organisation, matches either): the latest such, except for a lone
    surname several match (the one named most), and else the person a lone first name is of."""
    words = mention.name_tokens(doc)
    key = normalized(words)
    if mention.kind == "group" and "and" in key:
        # A coordination of names ("Kerry and Mr. Obama") is the same group only written the same way; its last
        # word is one member's surname, not the group's.
        return next((e for e in entities.all if e.kind == "group" and key in map(normalized, e.names)), None)
    matching = _matching_names(doc, words, key, mention, entities, every=len(key) == 1)
    if len(matching) > 1:
        # A surname several people named in full share ("Moreau" after Jeanne Moreau and her father, "Ruiz"
        # after Marta and her cousin Diego) is the one the text has named most so far, not the one named last.
        return max(matching, key=lambda e: (sum(o.mention.form == "name" for o in e.occurrences), e.index))
    if matching:
        return matching[0]
    return _first_name_of(key, mention, entities) or _body_by_first_word(key, mention, entities)


def _bare_name_of_body(doc: Doc, mention: Mention, entity: Entity) -> bool:
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


def _called_a_body(entity: Entity) -> bool:
    """Whether the text calls an entity a body: a body's head as its description or apposition ("the company"),
    or a company's legal form or line of business ending its name ("Group", "Shipping")."""
    return bool(entity.heads & lexicon.INSTITUTION_HEADS) or any(
        normalized(name)[-1] in lexicon.ORGANIZATION_NAME_ENDINGS for name in entity.names if name
    )


def _body_by_first_word(key: list[str], mention: Mention, entities: _Entities) -> Entity | None:
    """For a lone word ("Greystone" after "Greystone Residential", "Castleton" after "Castleton Aggregates"): the
    one body named in full with it first; for a body's full name, the one body named so far by its first word
    alone (a headline's "Cloud firm Nimbara", then "Nimbara Systems, the cloud storage company"). News calls a
    company by the first word of its name; a word two bodies' names open with is left alone, and either way the
    body must be one the text called a body (GUM dev: "Coron", a town tagged an organisation, is not "Coron
    Island", which had cost an "it")."""
    if len(key) == 1 and (mention.kind in {"organization", "unknown"} or mention.genderless_person):
        # Only a body the text itself called one ("Velora Systems, the bus company", "The company said" after
        # "Greystone Residential", "Dunmere Homes Group"): a lone word is most often a person's surname, and a
        # headline's "Obama Sees …" tagged an organisation is no body (GUM, PolNeAR dev).
        bearers = [e for e in entities.latest([("opening", key[0])]) if _called_a_body(e)]
    elif len(key) > 1 and mention.kind == "organization":
        named = entities.latest([("last", key[0])])
        bearers = [e for e in named if all(normalized(n) == key[:1] for n in e.names) and _called_a_body(e)]
    else:
        return None
    # Companies only: a place's name opens many bodies' names ("Washington" and the Washington Post, "Chicago"
    # and the Chicago Police Department, "Senate" and a Senate committee: PolNeAR dev) that are not the place.
    bearers = [e for e in bearers if e.kind == "organization" and e.number == mention.number]
    return bearers[0] if len(bearers) == 1 else None


def _matching_names(
    doc: Doc, words: list[str], key: list[str], mention: Mention, entities: _Entities, every: bool
) -> list[Entity]:
    """The entities already named in a way the name ``words`` (``key`` normalized) of ``mention`` can match
    (``_same_name``), the latest first; without ``every``, the latest only (all a full name needs)."""
    found = []
    for entity in entities.latest(name_keys(key, stored=False)):
        decided = mention.kind != "unknown" and entity.kind != "unknown"
        # The same name of two words or more is the same participant, whatever the tagger made of it once; so
        # is one word the text has called a body, where the tagger's person has no gender to say otherwise.
        same = any(normalized(name) == key for name in entity.names) and (
            len(key) > 1 or _bare_name_of_body(doc, mention, entity)
        )
        surname = _surname_read_as_place(doc, mention, entity)
        if decided and (entity.kind == "person") != (mention.kind == "person") and not (same or surname):
            continue
        if mention.number != entity.number:
            continue  # "Clinton and Kaine" is not Clinton
        person = "person" in {mention.kind, entity.kind}
        if mention.gender and entity.gender and mention.gender != entity.gender and not surname:
            continue  # "Mrs. Clinton" is not "Bill Clinton" (a place's "it" gender is the tagger's alone)
        full_names = [name for name in entity.names if len(name) > 1] if len(words) > 1 else []
        if person and any(not names_match(words, name, person) for name in full_names):
            continue  # "Ivanka Trump" is not the "Trump" already known as "Donald Trump"
        if any(names_match(words, name, person) for name in entity.names):
            found.append(entity)
            if not every:
                break
    return found


def _surname_read_as_place(doc: Doc, mention: Mention, entity: Entity) -> bool:
    """Whether a lone name the small model tagged a place is the surname of a person the text named in full
    ("Okoro said" after "Their captain, Danny Okoro"; "Carrow replied" after "Transport Secretary Helen
    Carrow"): a surname the model does not know often reads as a place, and the person's later statements were
    listed under a government of that name (news13). Only for a person whose gender the text or the first-name
    lists give, so that a place named after someone ("Washington" after a Washington the text never makes a
    man or a woman) stays a place."""
    words = normalized(mention.name_tokens(doc))
    return (
        mention.form == "name"
        and mention.kind == "government"
        and len(words) == 1
        and entity.kind == "person"
        and entity.gender in {"masc", "fem"}
        and any(len(name) > 1 and normalized(name)[-1] == words[0] for name in entity.names)
    )


def _first_name_of(key: list[str], mention: Mention, entities: _Entities) -> Entity | None:
    """For a lone first name ("Nora" after "Nora Lindqvist"): the one person named in full with it. Interviews
    and features call people by their first name once they have named them in full; a surname is matched
    first (``_same_name``), and a first name two people named so far share is left alone ("David" after David
    Perdue and David Plouffe), as is a word the first-name lists do not give one gender ("Jordan")."""
    if len(key) != 1 or mention.kind not in {"person", "unknown"} or not is_first_name(key[0]):
        return None
    bearers = [
        entity
        for entity in entities.latest([("first", key[0])])
        if entity.kind in {"person", "unknown"} and entity.number == mention.number
    ]
    if len(bearers) != 1:
        return None
    entity = bearers[0]
    if mention.gender and entity.gender and mention.gender != entity.gender:
        return None
    return entity


def _same_description(doc: Doc, mention: Mention, entities: _Entities) -> Entity | None:
    """An earlier entity a description refers back to; None when it introduces a new one.

    "a source" / "another source" / "two officials" introduce; "the source" / "the spokesman" refer back to
    the latest entity with that head or role, unless the text gave that role to two named participants it does
    not tell apart ("Harper, the mayor of Springfield, met Lee, the mayor of Shelbyville. The mayor said"),
    where the description stays unresolved (``_Entities.ambiguous``); "US officials", repeated, is the same
    group.
    """
    determiner = doc[mention.start].lower_
    if determiner in lexicon.INDEFINITE or any(t.pos_ == "NUM" for t in doc[mention.start : mention.head]):
        return None
    if determiner in lexicon.DEFINITE:
        head = mention.head_lemma(doc)
        same_head = [
            e
            for e in entities.latest([("head", head)])
            if e.number == mention.number and _kinds_agree(doc, mention, e) and not _contradicts(doc, mention, e)
        ]
        bearers, narrowed = _role_bearers(doc, mention, same_head)
        if len(bearers) > 1:
            called = [e for e in same_head if _described_so(doc, head, e)] or _last_speaker_among(bearers, entities)
            if called:
                return called[0]
            entities.ambiguous.add(mention.head)
            return None
        if narrowed:
            return bearers[0]  # "the lead author" is the one given that role, not the co-author named since
        if same_head or mention.end - mention.start != 2 or mention.kind not in {"organization", "media"}:
            return same_head[0] if same_head else None
        # A bare "the company", "the newspaper": news writes it for the organisation of that kind it named last
        # ("Acme Corp. opened a plant. The company said..."); with a modifier ("the rival company") it may not be.
        named = [e for e in entities.all if e.names and e.kind == mention.kind and e.number == mention.number]
        return max(named, key=lambda e: _latest_naming(doc, e), default=None)
    candidates = entities.latest([("description", *_description_key(doc, mention))])
    return candidates[0] if candidates else None


def _latest_naming(doc: Doc, entity: Entity) -> int:
    """Where an entity was last named other than as a possessor, for a bare "the union" looking back: "The
    Communications Workers of America, which has tried to organise *Nimbara's* staff, called … The union said" is
    the union; the owner of something named in passing is not what the article is about. An entity named only
    as a possessor ("Acme's chief executive said") counts where it was last named."""
    named = [o.tokens[0] for o in entity.occurrences if doc[o.mention.head].dep_ != "poss"]
    return named[-1] if named else entity.occurrences[-1].tokens[0]


def _last_speaker_among(bearers: list[Entity], entities: _Entities) -> list[Entity]:
    """The bearer of a role that spoke last so far, if the last source before the description is one of them:
    news repeats the role of the person it is quoting ('Councillor Lee said … He said … "…," the councillor
    said'), so where two people share the role, the one the paragraph is quoting is meant; a speaker inside a
    quote is the quoted person's world, not the article's. Occurrences are attached in text order, so every
    attached one is earlier."""
    spoken = [(o.tokens[0], e) for e in entities.all for o in e.occurrences if o.source and o.quote is None]
    last = max(spoken, key=lambda pair: pair[0], default=None)
    return [last[1]] if last is not None and any(last[1] is e for e in bearers) else []


def _kinds_agree(doc: Doc, mention: Mention, entity: Entity) -> bool:
    """Whether a description may be an entity by kind: a description of people ("the chairman", "the
    actress") is not an organisation, a government or a medium, nor a description of one of those a person —
    unless the text itself gave the entity that role, which outweighs the small model's tag ("Łódź, tagged a
    person, is Poland's third biggest city" ... "the city"); on PolNeAR dev "the network" had joined "Dish
    Network" tagged a person, and a later "she" followed it there."""
    people = {"person", "group"}
    if mention.kind not in people | BODY_KINDS or entity.kind not in people | BODY_KINDS:
        return True
    head = mention.head_lemma(doc)
    return (mention.kind in people) == (entity.kind in people) or any(head in role_words(doc[i]) for i in entity.roles)


def _described_so(doc: Doc, head: str, entity: Entity) -> bool:
    """Whether the text already called an entity by a definite description with this head: "the president"
    again continues the participant the text has been calling "the president", whoever else bears the title
    (on PolNeAR dev, a video caption "President Obama Speech" the tagger made a name of its own)."""
    return any(
        o.mention.form == "description"
        and doc[o.mention.start].lower_ in lexicon.DEFINITE
        and o.mention.head_lemma(doc) == head
        for o in entity.occurrences
    )


def _role_bearers(doc: Doc, mention: Mention, entities: list[Entity]) -> tuple[list[Entity], bool]:
    """The named entities among ``entities`` the text gave a role a definite description repeats
    (``given_roles``; "the former mayor" after "Harper, the former mayor of Springfield"), narrowed, when
    several bear it, to the one whose role says all the description says ("the former mayor" is Harper, not
    "Mayor Ann Lee"); and whether it was so narrowed."""
    head = mention.head_lemma(doc)
    said = {t.lemma_.lower() for t in doc[mention.start : mention.head] if t.pos_ in {"ADJ", "NOUN", "PROPN"}}
    bearers: list[tuple[Entity, bool]] = []
    for entity in entities:
        roles = [doc[i] for i in entity.roles if head in role_words(doc[i])]
        if entity.names and roles:
            saying_all = any(said <= {t.lemma_.lower() for t in _phrase(role)} for role in roles)
            bearers.append((entity, saying_all))
    if len(bearers) > 1 and sum(saying_all for _, saying_all in bearers) == 1:
        return [entity for entity, saying_all in bearers if saying_all], True
    return [entity for entity, _ in bearers], False


# Qualifiers that place a role in time, and contradict each other: "the former mayor" is not "the current one".
PAST_QUALIFIERS = {"former", "ex", "retired", "outgoing", "then"}
PRESENT_QUALIFIERS = {"current", "incumbent", "sitting", "present"}
# Modifiers that make an office another one: "Vice President Pence" is not "the president", nor "the deputy
# minister" the minister.
LESSER_OFFICES = {"vice", "deputy", "assistant", "associate", "lieutenant", "under"}


def _contradicts(doc: Doc, mention: Mention, entity: Entity) -> bool:
    """Whether a definite description cannot be an entity by what the text says of both: they name different
    peoples or places ("the Democratic nominee" is not "Lena Fischer, the Republican nominee", "the Ukrainian
    minister" not "Russian Foreign Minister Ivan Sokolov", "the Ohio senator" not "Senator Lisa Brenner of
    Iowa": each side must name one, and none in common), or every role the text gave the entity with the
    description's head says another time or office ("the former mayor" is not "Mayor Ann Lee, the current
    mayor"; "the president" not "Vice President Mike Pence")."""
    own = _phrase(doc[mention.head])
    theirs: list[Token] = []
    for occurrence in entity.occurrences:
        theirs += _phrase(doc[occurrence.mention.head])
        head = doc[occurrence.mention.head]
        for child in head.children:
            if child.dep_ == "appos":
                theirs += list(child.subtree)
    theirs += [t for i in entity.roles for t in _phrase(doc[i])]
    for labels in ({"NORP"}, {"GPE"}):
        named, named_theirs = _entity_words(own, labels), _entity_words(theirs, labels)
        if named and named_theirs and not named & named_theirs:
            return True
    lemma = mention.head_lemma(doc)
    roles = [_phrase(doc[i]) for i in entity.roles if lemma in role_words(doc[i])]
    return bool(roles) and all(_other_time_or_office(own, role) for role in roles)


def _phrase(head: Token) -> list[Token]:
    """The words a noun phrase describes its participant with: what is written before its head ("Russian
    Foreign Minister Ivan Sokolov"), the head, and what an "of", "for" or "from" after it says ("the mayor of
    Springfield", "Sanders of Vermont")."""
    words = list(head.doc[head.left_edge.i : head.i + 1])
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "for", "from"}:
            words += list(child.subtree)
    return words


def _entity_words(tokens: list[Token], labels: set[str]) -> set[str]:
    return {t.lower_ for t in tokens if t.ent_type_ in labels}


def _other_time_or_office(description: list[Token], role: list[Token]) -> bool:
    """Whether a description and a role say different times ("former" / "current") or offices ("vice")."""
    said = {t.lower_ for t in description}
    given = {t.lower_ for t in role}
    past = bool(said & PAST_QUALIFIERS) and bool(given & PRESENT_QUALIFIERS)
    present = bool(said & PRESENT_QUALIFIERS) and bool(given & PAST_QUALIFIERS)
    return past or present or (said & LESSER_OFFICES) != (given & LESSER_OFFICES)


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
    questions: set[str],
) -> Occurrence | None:
    """The most salient compatible mention before the pronoun ``occurrences[position]``: one of an entity, or
    for "it" and "they" a named thing no pronoun stood for yet (``Occurrence.thing``, its entity still None).

    Sentence by sentence backwards: in the pronoun's own sentence only speakers and subjects before it count
    ("When Clinton arrived, she said"); in earlier sentences, speakers first (the news rule: '"…," one
    official told the NYT. He added …'), then subjects, then the earliest mention. Past ``max_sentences_back``
    sentences, the latest compatible speaker (reporters keep writing "he said" for the main speaker). A person
    named in what someone says is not who says it: mentions inside quotes, or inside a "he"/"she"'s own
    content, are skipped (an organisation's "it" may name itself there: ``_barred_content``). A pronoun inside
    a quote belongs to the quoted speaker's world, so only mentions in the same quote count, and without one
    it stays unresolved rather than borrow a speaker from outside.
    In an exchange, whoever asked the question just before does not answer it: "Miller asked whether he would
    retire. He declined" is the other side (``questions``: the attributions that are questions).
    Occurrences are resolved in text order, so the ones already attached to an entity are the earlier ones.
    """
    pronoun = occurrences[position]
    own_content = _barred_content(pronoun, contents)
    answers = not set(pronoun.attributions) & questions

    def asker(o: Occurrence) -> bool:
        return o.source and o.sentence < pronoun.sentence and set(o.attributions) <= questions

    def candidate(o: Occurrence) -> bool:
        return (
            _may_stand_for(pronoun.mention, o)
            and not (answers and asker(o))
            and o.tokens[1] <= pronoun.tokens[0]
            and o.quote == pronoun.quote
            and not any(start <= o.mention.head < end for start, end in own_content)
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
            return ranked
    if pronoun.quote is not None:
        return None
    return next((o for o in reversed(occurrences[:position]) if o.source and candidate(o)), None)


def _singular_they(doc: Doc, occurrences: list[Occurrence], position: int) -> Occurrence | None:
    """For a source "they" tagging the quotation before it (``occurrences[position]``): the source occurrence of
    the attribution just before it, in its sentence or the one before, where that speaker is one person named in
    full whom the text has not called "he" or "she" ("Its spokesperson, Sam Okonedo, said … '…,' they said").
    News writes a singular "they" for a person so; agreement alone sent it to the spokesperson's group (news12,
    news13)."""
    pronoun = occurrences[position]
    if not (pronoun.source and pronoun.quote is None and doc[pronoun.mention.head].lower_ == "they"):
        return None
    if pronoun.tokens[0] == 0 or not doc[pronoun.tokens[0] - 1].is_quote:
        # Only the tag of a quotation ('"…," they said'): a "they" that opens a sentence ("They checked the
        # figures", after a person quoted) is most often the group that person spoke for (PolNeAR dev).
        return None
    latest = next(
        (
            o
            for o in reversed(occurrences[:position])
            if o.source and o.quote is None and o.tokens[1] <= pronoun.tokens[0]
        ),
        None,
    )
    # Counted from the sentence a quotation of several sentences opens in, as the news rule counts.
    opens = pronoun.sentence if pronoun.opens is None else pronoun.opens
    if latest is None or latest.entity is None or opens - latest.sentence > NEWS_RULE_SENTENCES:
        return None
    entity = latest.entity
    named = any(len(name) > 1 for name in entity.names)
    # A first name's gender in the lists does not rule a "they" out ("Sam"); a "he" or "she" the text gave does.
    gendered = any(o.mention.form == "pronoun" and o.mention.gender in {"masc", "fem"} for o in entity.occurrences)
    return latest if entity.kind == "person" and entity.number == "sing" and named and not gendered else None


def _may_stand_for(pronoun: Mention, occurrence: Occurrence) -> bool:
    """Agreement between a third-person pronoun and a mention's entity, or for a named thing no pronoun took yet,
    the thing itself. A thing is never a "he" or "she", whatever its entity became (the small model's "Mount
    Everest" is of no known kind, which a name's "he" would otherwise accept)."""
    if occurrence.thing and pronoun.gender in {"masc", "fem"}:
        return False
    if occurrence.entity is not None:
        return compatible(pronoun, occurrence.entity)
    mention = occurrence.mention
    return occurrence.thing and compatible(pronoun, Entity(-1, mention.kind, mention.number, mention.gender))


def _questions(roles: dict[str, dict[str, list[Span]]]) -> set[str]:
    """The attributions whose cue asks (the cue lexicon's question verbs: "asked", "wondered")."""
    asking = set(lexicon.CUE_CLASSES["question"])
    return {
        attribution_id
        for attribution_id, by_role in roles.items()
        if any(token.lemma_.lower() in asking for span in by_role["cue"] for token in span)
    }


def _quote_speaker(
    occurrence: Occurrence,
    speakers: dict[str, Occurrence],
    contents: dict[str, list[tuple[int, int]]],
) -> Occurrence | None:
    """For "I"/"we" as a source: the source occurrence of the attribution whose content holds it ('"We told
    them," he said'); a first person outside any content is the author, left as its own entity. ``speakers``
    gives each attribution's source occurrence."""
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
            return speaker
    return None


class _Answerer:
    """Who answers in a question-and-answer transcript (``transcripts``), for a first person in an answer
    paragraph outside any attribution's content: the person or pair the introduction says is interviewed; for
    "we", failing that, the one pair or group of people's names the introduction gives ("the bar is co-owned by
    Jonathan Stan and John-Christian Rauschenberg"). "I" of a pair is one of them, which the text does not say.
    The "we" of one person interviewed is that person, not a body their introduction names ("LibriVox founder
    Hugh McGuire"): GUM's coreference reads it so, and the body named beside the interviewee was the gold entity
    of none of GUM train's interview "we"s (docs/sources.md). Found once per document, and only when a first
    person asks."""

    def __init__(
        self,
        doc: Doc,
        occurrences: list[Occurrence],
        readings: MentionReadings,
        quotes: QuoteMap,
        entities: _Entities,
        genders: dict[str, Gender],
        starts_of_sentences: list[int],
    ) -> None:
        self.doc, self.occurrences, self.readings = doc, occurrences, readings
        self.quotes, self.entities, self.genders, self.starts = quotes, entities, genders, starts_of_sentences
        self.transcript = find_transcript(doc)

    def entity(self, occurrence: Occurrence) -> Entity | None:
        transcript = self.transcript
        mention = occurrence.mention
        if transcript is None or mention.person != 1 or not transcript.in_answer(mention.head):
            return None
        found = self._interviewee
        if found is None or (found.kind == "group" and mention.number != "plur"):
            return None  # "I" of a pair is one of them, which the text does not say
        return found

    @functools.cached_property
    def _interviewee(self) -> Entity | None:
        """The interviewed person's (or pair's) entity, found the first time a first person in an answer asks."""
        transcript = self.transcript
        assert transcript is not None  # asked only from ``entity``, for a document that is a transcript
        name = interviewee(self.doc, transcript)
        if name is not None:
            codes = doc_token_codes(self.doc)
            start = codes.entity_start[name] if codes.entity_start[name] >= 0 else codes.left_edge[name]
            end = codes.entity_end[name] if codes.entity_start[name] >= 0 else name + 1
            mention = coordinated_people(self.doc, start, len(self.doc)) or self.readings.read(start, end)
        else:
            groups = [
                o.mention
                for o in self.occurrences
                if o.mention.kind == "group" and o.mention.form == "name" and o.tokens[0] < transcript.first_question
            ]
            mention = groups[0] if len(groups) == 1 else None
        if mention is None or mention.name_start is None:
            return None
        sentence = bisect.bisect_right(self.starts, mention.head) - 1
        return _collect_name(self.doc, mention, sentence, self.quotes, self.entities, self.genders).entity


# Entity labels of the bodies a person speaks for: an organisation, a government or a country's team.
BODY_LABELS = {"ORG", "GPE"}


def _body_spoken_for(doc: Doc, speaker: Mention, readings: MentionReadings) -> Mention | None:
    """The body a speaker's own mention says they speak for, when it names one besides them: "Jeff Rathke, the
    State Department spokesperson", "Tunisia's coach Nabil Maaloul", "the ministry's letter". A "we" in what
    they say is that body (GUM's coreference: the team, the department), not the one person. None for a
    speaker that is a body itself, or whose mention names no other body."""
    if speaker.kind not in {"person", "document", "unknown"}:
        return None
    for ent in doc.ents:
        if ent.end <= speaker.start or ent.start >= speaker.end or ent.label_ not in BODY_LABELS:
            continue
        if (
            speaker.name_start is not None
            and speaker.name_end is not None
            and ent.start < speaker.name_end
            and speaker.name_start < ent.end
        ):
            continue  # the speaker's own name
        body = readings.read(ent.start, ent.end)
        if body is not None and body.name_start is not None:
            return body
    return None
