"""Who each attribution's source is: pronouns, surnames and descriptions resolved to one entity per source.

The rules news prose follows, over spaCy's parse and entities (see ``docs/sources.md``), with a learned
mention-ranking resolver (``resolve.ranker``, trained on GUM) asked where the rules are weakest:

- a proper name joins the entity of an earlier compatible name: the same words, a surname of a full name
  ("Peskov" → "Dmitry Peskov"), an acronym or alias ("the NYT" → "the New York Times", "US" → "United
  States");
- a definite description ("the source", "the spokesman") joins the latest entity with that head or role; a bare
  or "some" plural ("US officials" again) joins the entity described the same way; an indefinite one ("a
  source", "another source", "two officials") always starts a new entity;
- a third-person pronoun goes to the most salient compatible entity in the same sentence or up to a few
  sentences back: speakers of attributions first, then subjects; "he"/"she" need one singular person of no
  other gender, "they" a plural or an organisation, "it" an organisation or a document; "it" and "they" may
  also stand for a named thing or people no rule collected (a building, an event, a law, "the Saudis"). People
  named only inside quotation marks, or inside a "he"/"she"'s own content, are never antecedents;
- "I"/"we" as the source of a statement inside a quote is that quote's speaker.

This module runs the stage (which mentions are collected, in what order the rules and the resolver decide);
the parts it draws on follow the data: ``roles`` (the roles the text gives a participant), ``entities`` (the
occurrences and entities the rules collect), ``matching`` (which entity a name or description joins) and
``learned`` (the resolver's say on the rules' entities).

Output on the doc, for ``describe.sources``: ``annotations.ENTITIES``, one ``records.EntityRecord`` per entity
(its id, whether it speaks, its kind, its mentions and the attributions whose source it is). It needs the
quotes and the attributions on the doc (``MissingStageError`` otherwise).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
from collections import Counter, defaultdict
from collections.abc import Collection
from typing import Any

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.symbols import CCONJ, PROPN
from spacy.tokens import Doc, Span, Token

from .. import lexicon
from ..annotations import (
    ATTRIBUTIONS,
    ENTITIES,
    attribution_ids,
    doc_text,
    doc_token_codes,
    role_spans,
    span_ranges,
)
from ..clauses import SUBJECT_DEPS
from ..parse import word_classes
from ..pipes import AnnotatingPipe, component_factory
from ..records import EntityRecord, MentionRecord
from . import first_names
from .confidence import SpeakerConfidence, attribution_confidences, shipped_confidence
from .entities import Entities, Entity, Occurrence, QuoteMap, compatible, name_key
from .first_names import first_name_gender
from .learned import LearnedAnswers, barred_content, entity_links, mention_class
from .markables import Markables, quote_ranges, sentence_starts
from .matching import (
    COUNTRY_NOUNS,
    SETTLEMENT_NOUNS,
    called_a_body,
    collect_name,
    heads_the_story,
    kind_of_body,
    kinds_of,
    main_subject,
    same_description,
    same_name,
)
from .mentions import (
    BODY_KINDS,
    PRONOUNS,
    Gender,
    Mention,
    analyze_mention,
    body_name_start,
    coordinated_name_end,
    coordinated_name_start,
    coordinated_people,
    misread_surname,
    name_kind,
    office_named_beside,
    opens_compound_modifier,
    read_source,
    through_name_part,
)
from .name_kinds import shipped_name_kinds
from .names import normalized
from .ranker import MentionRanker, shipped_ranker
from .speaking import join_cataphora, speaking_description
from .transcripts import find_transcript, interviewee

# Entity types whose mentions outside attributions are collected as mentions of a source (and as antecedents).
COLLECTED_LABELS = {"PERSON", "ORG", "GPE"}
# Entity types of things an "it" or "they" may stand for but no source is: buildings and sites, regions, events,
# works, laws and products ("The airport … it handles", "the Clean Water Act … It would require"). Without them
# the rules give such a pronoun the nearest country or company instead.
THING_LABELS = {"FAC", "LOC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
# Facilities' names: collected only when the text calls one a body (``_name_occurrences``).
FACILITY_LABEL = "FAC"
# A people named as a noun ("The Saudis met the envoys. They said …") is a group a later "they" may stand for.
PEOPLE_LABEL = "NORP"
# Subjects' dependency labels as string ids of the per-document table (``annotations.TokenCodes.dep``).
_SUBJECT_IDS = {get_string_id(label) for label in SUBJECT_DEPS}

# Who decides a source mention, by its class (``mention_class``): the rules; the rules, and the learned resolver
# where they find no antecedent; or the learned resolver, and the rules where it finds none. Chosen by
# measurement on the speaker subset of GUM train (5-fold cross-validation) and dev (``benchmarks/resolution.py``,
# docs/sources.md). Pronouns and names go to the model first (a "Bernoulli" among several Bernoullis is the one
# the text is about, not the one named last; "Isabel" is Isabel Ruiz), definite descriptions to the rules first.
PROBE = "probe"
# How many sentences back a speaker the rules give a pronoun keeps it from the learned resolver (the news rule).
NEWS_RULE_SENTENCES = 1
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


# The entities, and for each (by ``id``) how sure each attribution's speaker is (``confidence``).
Resolved = tuple[list[Entity], dict[int, dict[str, float]]]


class SpeakersPipe(AnnotatingPipe[Resolved]):
    """Resolve every attribution's source mention to an entity, and collect the entities' other mentions."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        max_sentences_back: int,
        strategy: dict[str, str],
        weights: str | None,
        confidence_weights: str | None = None,
    ) -> None:
        self.name = name
        self.max_sentences_back = max_sentences_back
        self.strategy = check_strategy(strategy)
        self.weights = weights
        self.confidence_weights = confidence_weights
        self.ranker: MentionRanker | None = None
        self.confidence: SpeakerConfidence | None = None

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None) -> None:
        """Load the learned weights when the pipeline is built, so a missing file fails at load; and the word
        lists and name-kind weights the mention reader consults, which it would otherwise read during the first
        article (about 0.1 CPU s of a run's time that is the pipeline's loading)."""
        self._model()
        self._confidence()
        word_classes.load()
        first_names.load()
        shipped_name_kinds()

    def _model(self) -> MentionRanker:
        if self.ranker is None:
            self.ranker = MentionRanker.load(self.weights) if self.weights else shipped_ranker()
        return self.ranker

    def _confidence(self) -> SpeakerConfidence:
        if self.confidence is None:
            weights = self.confidence_weights
            self.confidence = SpeakerConfidence.load(weights) if weights else shipped_confidence()
        return self.confidence

    def predict(self, doc: Doc) -> Resolved:
        entities = resolve_speakers(
            doc, max_sentences_back=self.max_sentences_back, strategy=self.strategy, ranker=self._model()
        )
        return entities, attribution_confidences(doc, entities, self._confidence())

    def set_annotations(self, doc: Doc, prediction: Resolved) -> None:
        write_entities(doc, *prediction)


@component_factory(
    "accordingto_speakers",
    default_config={"max_sentences_back": 4, "strategy": DEFAULT_STRATEGY, "weights": None, "confidence_weights": None},
    assigns=[ENTITIES.attr],
    requires=[ATTRIBUTIONS.attr, "doc.spans", "token.dep", "token.head", "token.lemma", "doc.ents", "doc.sents"],
)
def make_speakers(
    nlp: Language,
    name: str,
    max_sentences_back: int,
    strategy: dict[str, str],
    weights: str | None,
    confidence_weights: str | None,
) -> SpeakersPipe:
    return SpeakersPipe(nlp, name, max_sentences_back, strategy, weights, confidence_weights)


def write_entities(doc: Doc, entities: list[Entity], confidences: dict[int, dict[str, float]] | None = None) -> None:
    """Put the resolved entities on the doc (``annotations.ENTITIES``); ids follow the order of first mention.
    ``confidences``: for each entity (by ``id``), how sure each of its attributions' speaker is."""
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
                speaker_confidence=(confidences or {}).get(id(entity), {}),
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
    # Built once here: every caller below reads the same attributions, and each call makes new spans.
    roles = role_spans(doc)
    occurrences = _source_occurrences(doc, roles, quotes, starts_of_sentences, contents, probe)
    occurrences += _name_occurrences(doc, occurrences, quotes, starts_of_sentences)
    occurrences += _coordination_occurrences(doc, occurrences, quotes, starts_of_sentences)
    occurrences += _another_occurrences(doc, occurrences, quotes, starts_of_sentences)
    occurrences.sort(key=lambda o: (o.tokens[0], not o.source))
    genders = _name_genders(doc, occurrences, quotes)
    by_sentence: dict[int, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        by_sentence[occurrence.sentence].append(occurrence)
    for occurrence in _thing_occurrences(doc, occurrences, quotes, starts_of_sentences):
        by_sentence[occurrence.sentence].append(occurrence)
    taken_things: list[Occurrence] = []
    entities = Entities(quotes)
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
                doc, occurrences, position, by_sentence, contents, max_sentences_back, questions
            )
            if antecedent is not None and antecedent.entity is None:
                # A named thing becomes a participant only once a pronoun stands for it.
                entities.attach(doc, antecedent, _rules_entity(doc, antecedent.mention, entities), genders)
                taken_things.append(antecedent)
            entity = antecedent.entity if antecedent is not None else None
            if entity is not None and not compatible(mention, entity):
                entity.kind = "person"  # a "she" took a named speaker tagged a body: ``_person_tagged_body``
        elif mention.form == "description" and _channel(doc, mention, channels) is not None:
            entity = _channel(doc, mention, channels)
        elif _unnamed_definite(doc, occurrence):
            entity = _unnamed_antecedent(occurrence, entities)
        else:
            entity = (
                entities.read_before(mention)
                or _named_by_its_kind(doc, occurrence, entities, quotes, genders, starts_of_sentences)
                or _rules_entity(doc, mention, entities)
            )
            if (
                entity is None
                and occurrence.source
                and mention.form == "description"
                and occurrence.quote is None  # inside quotation marks, the quoted speaker's words, not the reporter's
                and not _unnamed_by_request(doc, occurrence)
            ):
                entity = speaking_description(doc, mention, entities, contents)
        entities.attach(doc, occurrence, entity, genders)
    occurrences = sorted(occurrences + taken_things, key=lambda o: (o.tokens[0], not o.source))
    _join_bodies_named_after(doc, entities)
    followers = _latest_speakers(entities.all)
    answered = (
        _answers(occurrences, questions)
        | set(followers)
        | _topic_continued(doc, occurrences, starts_of_sentences)
        | _exchange_continued(occurrences)
        | _sole_of_gender(doc, occurrences, starts_of_sentences)
    )
    asked = [
        o
        for o in occurrences
        if o.source
        and (how := strategy.get(mention_class(doc, o.mention) or "", "rules")) != "rules"
        and _worth_asking(doc, o, how, entities, answered)
    ]
    if asked:
        for occurrence in asked:
            occurrence.learned = "kept"  # until the resolver moves it (``LearnedAnswers.revise``)
        until = max(o.tokens[1] for o in asked)
        learned = LearnedAnswers(doc, ranker, occurrences, until, quotes, genders, roles)
        learned.revise(asked, entities, contents)
        _follow_speakers(occurrences, followers, entities)
    speakers = {aid: occurrence for occurrence in occurrences for aid in occurrence.attributions}
    answerer = _Answerer(doc, occurrences, quotes, entities, genders, starts_of_sentences) if first_person else None
    # The writer: "I" and "we" outside any quotation that no speaker or answer claims are the article's own
    # author (a newsletter, an op-ed, a first-person column), one participant however often they appear; each
    # had been a source of its own, "I" three times in one newsletter (news18).
    writers: dict[str, Entity] = {}
    for occurrence in first_person:
        speaker = _quote_speaker(occurrence, speakers, contents)
        entity = speaker.entity if speaker is not None else None
        if speaker is not None and occurrence.mention.number == "plur":
            body = _body_spoken_for(doc, speaker.mention)
            if body is not None:
                sentence = bisect.bisect_right(starts_of_sentences, body.head) - 1
                entity = collect_name(doc, body, sentence, quotes, entities, genders).entity
        if speaker is None and answerer is not None:
            entity = answerer.entity(occurrence)
        writer = speaker is None and entity is None and occurrence.quote is None and occurrence.mention.person == 1
        if writer:
            entity = writers.get(occurrence.mention.number)
        entities.attach(doc, occurrence, entity, genders)
        if writer and occurrence.entity is not None:
            writers.setdefault(occurrence.mention.number, occurrence.entity)
    join_cataphora(doc, entities)
    found = [entity for entity in entities.all if entity.occurrences]
    for entity in found:
        entity.occurrences.sort(key=lambda o: o.tokens[0])
    found.sort(key=lambda e: e.occurrences[0].tokens[0])
    return found


def _join_bodies_named_after(doc: Doc, entities: Entities) -> None:
    """Make a source described as a kind of body and never named ("The union representing dock workers said …",
    "after the medicines regulator found …") part of the one body of that kind the text names after it, in the
    same sentence or the next ("Fergal O'Driscoll, regional officer of the Transport, Docks and Allied Workers'
    Union, said …"; "The Medicines and Healthcare Products Regulatory Authority said …"). News introduces a body by
    what it is and names it in the sentence that follows; with nothing before it of its kind
    (``matching.kind_of_body``), the description had been left to the learned resolver, which sent it to the
    nearest body of any kind, the ship's owners quoted just before. Only a body whose own words say the kind
    (``matching.kinds_of``), and only where exactly one such body is named there."""
    for entity in entities.all:
        if entity.names or not entity.occurrences:
            continue
        first = entity.occurrences[0]
        kind = kind_of_body(doc, first.mention)
        if kind is None or not first.source:
            continue
        named = {
            id(other): other
            for other in entities.all
            if other is not entity
            and other.names
            and other.occurrences
            and first.tokens[1] <= other.occurrences[0].tokens[0]
            and other.occurrences[0].sentence <= first.sentence + 1
            and kind in kinds_of(doc, other)
        }
        if len(named) == 1:
            entities.merge(entity, next(iter(named.values())))


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


def _rules_entity(doc: Doc, mention: Mention, entities: Entities) -> Entity | None:
    """The rules' entity for a name or a description."""
    if mention.form == "name":
        return same_name(doc, mention, entities)
    return same_description(doc, mention, entities)


def rules_links(markables: Markables) -> dict[int, Collection[int]]:
    """What the rules alone choose for every source pronoun of a document (``entity_links`` of their entities). The
    learned resolver is trained with these as features, and weighs them at run time."""
    return entity_links(markables, resolve_speakers(markables.doc, strategy={}))


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


def _topic_continued(doc: Doc, occurrences: list[Occurrence], starts: list[int]) -> set[int]:
    """The source "he"/"she"s (by ``id``) opening a sentence that the rules gave the subject of the main clause
    of the sentence just before, or standing inside a sentence whose main clause's subject, before it, the rules
    gave them; a subject that is not a speaker there (the news rule covers speakers). A sentence whose
    subject is a person makes that person the topic, and the next sentence's "he" or "she" continues it
    (centering's preferred antecedent): "Tennant gave evidence on the second day. He said …" is Tennant, and
    "His partner, Aileen Dorsey, joined the conversation. She said …" is Dorsey. The learned resolver, trained on
    GUM's few quotations, sent these back to the person quoted before the topic changed (news13: 7 of 227
    statements of unseen articles, among them a defendant's evidence given to his own barrister).
    A quotation that opens its sentence and is tagged only by the pronoun ('"…," she said') continues the topic
    of the sentence before the quotation when both stand in one paragraph: news introduces a person and gives
    their words in the paragraph that introduces them ("The victim's mother, Angela Kerr, said outside the
    hearing that … "Nobody should …," she said"), and a turn to another speaker of that gender would need a
    paragraph of its own or a name. Only where that sentence reports what its subject says (``_reports``): a
    person who only acts there ("Joan Pratt visited it on Monday") has no turn to continue, and the quotation's
    own words ("We need twice the beds") may say whose it is. The learned resolver sent these to the woman quoted
    in the paragraph before (news29: a mother and an inspector, her own reporting clause missed)."""
    found: set[int] = set()
    for occurrence in occurrences:
        mention, entity = occurrence.mention, occurrence.entity
        if not (occurrence.source and mention.form == "pronoun" and mention.gender in {"masc", "fem"}):
            continue
        if entity is None or occurrence.quote is not None:
            continue
        # A pronoun opening its sentence continues the previous sentence's topic; one inside its sentence, the
        # topic its own main clause has just set: "Halvard was asked whether she had believed she could win" is
        # Halvard, the one asked (news20's hearer is no speaker, and the learned resolver had sent "she" back to
        # the coach quoted before: news19's tennis article). After a quotation ('"We need beds," she said'),
        # whose words may say who speaks, the learned resolver still decides, unless the quotation continues the
        # turn of a speaker its paragraph has just brought in (``_quotation_opening``, ``_reports``).
        opens = doc[occurrence.tokens[0]].is_sent_start
        topic = occurrence.sentence - 1
        quoted = None if opens else _quotation_opening(doc, occurrence, starts)
        tagged = quoted is not None
        if quoted is not None:
            opens, topic = True, quoted - 1
        if any(
            not o.source
            and o.quote is None
            and (
                o.sentence == topic
                if opens
                else o.sentence == occurrence.sentence and o.tokens[1] <= occurrence.tokens[0]
            )
            and main_subject(doc[o.mention.head])
            and (not tagged or _reports(doc[o.mention.head]))
            for o in entity.occurrences
        ):
            found.add(id(occurrence))
    return found


def _reports(token: Token) -> bool:
    """Whether the main verb of a token's sentence is a verb of saying ("A said outside the hearing that …", "B
    spoke against it", "C denied …"): the sentence gives its subject a turn to speak, whether or not the
    extractor read an attribution off it (the parser may hang the "that" clause on a noun, as it did there)."""
    root = token.sent.root
    return root.lemma_ in lexicon.STATEMENT_CUE_WORDS or root.lower_ in lexicon.STATEMENT_CUE_WORDS


def _quotation_opening(doc: Doc, occurrence: Occurrence, starts: list[int]) -> int | None:
    """The sentence (by index into ``starts``) that the quotation a pronoun tags opens, when the pronoun follows
    the quotation's closing mark ('"…," she said'), the quotation opens that sentence, and no paragraph break
    stands between the sentence before it and the pronoun; None otherwise."""
    first = occurrence.tokens[0]
    if first == 0 or not doc[first - 1].is_quote:
        return None
    quoted = occurrence.sentence if occurrence.opens is None else occurrence.opens
    if quoted == 0 or not doc[starts[quoted]].is_quote:
        return None
    between = doc_text(doc)[doc[starts[quoted - 1]].idx : doc[first].idx]
    return None if "\n\n" in between else quoted


# How many sentences back the other side of an exchange may have spoken ("Haworth said … His neighbour, Priya
# Lal, said … He disagreed": Haworth two sentences back).
EXCHANGE_SENTENCES = 2


def _exchange_continued(occurrences: list[Occurrence]) -> set[int]:
    """The source "he"/"she"s (by ``id``) in an exchange of two speakers that the rules gave the speaker before
    the latest one, where the latest one cannot be a "he" or "she" of that gender: "Nowak said the coach had
    been travelling normally. Whitmore said he had not seen a car. She said she was sure" is Nowak, and
    "Haworth said … Priya Lal said … He disagreed" is Haworth. Reports of a disagreement alternate so, and the
    pronoun's gender is what tells the reader the turn has come back; the learned resolver, trained on GUM's
    few quotations, sent these to a person of that gender named or quoted earlier in the article (news14: 3 of
    its 233 statements; "Kettle disagreed. She said", where the latest speaker, Rao, is the other side, was
    already right)."""
    found: set[int] = set()
    speakers: list[Occurrence] = []  # the source occurrences before the current one, of entities the rules gave
    for occurrence in occurrences:
        if not occurrence.source or occurrence.entity is None:
            continue
        mention = occurrence.mention
        if mention.form == "pronoun" and mention.gender in {"masc", "fem"} and speakers:
            latest = speakers[-1]
            other = next((o for o in reversed(speakers) if o.entity is not latest.entity), None)
            if (
                latest.sentence < occurrence.sentence
                and latest.entity is not None
                and not compatible(mention, latest.entity)
                and other is not None
                and other.entity is occurrence.entity
                and occurrence.sentence - other.sentence <= EXCHANGE_SENTENCES
            ):
                found.add(id(occurrence))
        speakers.append(occurrence)
    return found


def _sole_of_gender(doc: Doc, occurrences: list[Occurrence], starts: list[int]) -> set[int]:
    """The source "he"/"she"s (by ``id``), outside quotation marks and before any other mention of their
    sentence, that the rules gave the one participant of that gender the sentence just before mentions outside
    quotation marks: "The court heard that the home's manager, Karen Ellory, emailed Garrow three times. She
    wrote in one message …" is Ellory, the only woman there. A reader takes the pronoun so, whatever the story
    is about; the learned resolver, trained on GUM, where a "she" mostly continues the woman mentioned most,
    had sent it to a woman named two paragraphs before, the dead resident the trial was about (news23). Only a
    gender the text or the first-name lists gave counts: a name of no known gender ("Garrow") may be anyone. Not
    where that sentence has a pronoun of the gender itself: the rules collect only source pronouns, and "he went
    up to Trinity, where he met John Edleston. About his protégé he wrote" continues the "he", not Edleston
    (GUM dev). Nor after a quotation, as for the topic (``_topic_continued``)."""
    found: set[int] = set()
    by_sentence: dict[int, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        if occurrence.quote is None:
            by_sentence[occurrence.sentence].append(occurrence)
    for occurrence in occurrences:
        mention, entity = occurrence.mention, occurrence.entity
        if not (occurrence.source and occurrence.quote is None and mention.form == "pronoun" and entity is not None):
            continue
        if mention.gender not in {"masc", "fem"}:
            continue
        if any(o.tokens[0] < occurrence.tokens[0] for o in by_sentence[occurrence.sentence]):
            continue  # "When Hale arrived, she said": the sentence's own mentions come first
        if any(token.is_quote for token in doc[starts[occurrence.sentence] : occurrence.tokens[0]]):
            continue  # after a quotation ('"We need beds," she said') its words may say who speaks
        before = by_sentence.get(occurrence.sentence - 1, [])
        if occurrence.sentence == 0 or _has_pronoun_of(doc, starts, occurrence.sentence - 1, mention.gender):
            continue
        of_gender = {
            id(o.entity)
            for o in before
            if o.entity is not None and _gendered_before(o.entity, mention.gender, occurrence.tokens[0])
        }
        if of_gender == {id(entity)}:
            found.add(id(occurrence))
    return found


def _has_pronoun_of(doc: Doc, starts: list[int], sentence: int, gender: Gender) -> bool:
    """Whether a sentence (by index into ``starts``) holds a third-person pronoun of ``gender`` ("he", "his")."""
    end = starts[sentence + 1] if sentence + 1 < len(starts) else len(doc)
    return any(
        (features := PRONOUNS.get(token.lower_)) is not None and features[0] == 3 and features[2] == gender
        for token in doc[starts[sentence] : end]
    )


def _gendered_before(entity: Entity, gender: Gender, token: int) -> bool:
    """Whether a mention of an entity before ``token`` gives it ``gender`` (a first name, an honorific, a
    pronoun, "the woman"): the entity's own gender may have come from the very pronoun being resolved."""
    return any(o.tokens[0] < token and o.mention.gender == gender for o in entity.occurrences)


def _worth_asking(doc: Doc, occurrence: Occurrence, how: str, entities: Entities, answered: set[int]) -> bool:
    """Whether the learned resolver may change the rules' answer for a source mention: not where the rules
    gave a pronoun the speaker just before it (the news rule) or the other side of a question (both in
    ``answered``), nor, with "rules-then-model", where the rules found an antecedent. Checked before the resolver
    is built, which most articles then do not need."""
    entity = occurrence.entity
    assert entity is not None
    mention = occurrence.mention
    if mention.head in entities.ambiguous:
        return False  # "the mayor" after two mayors: the text does not say which
    if _unnamed_definite(doc, occurrence):
        return False  # "The professor, who asked not to be named": nobody the text names (``_unnamed_antecedent``)
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


def _settled_name(doc: Doc, occurrence: Occurrence, entities: Entities) -> bool:
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


def _follow_speakers(occurrences: list[Occurrence], followers: dict[int, Occurrence], entities: Entities) -> None:
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


def _may_refer_back(doc: Doc, occurrence: Occurrence, entities: Entities) -> bool:
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


def _source_occurrences(
    doc: Doc,
    roles: dict[str, dict[str, list[Span]]],
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
        read = ((span, read_source(doc, span.start, span.end)) for span in spans)
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
    # A name tagged a facility is collected only where the text calls it a body in apposition ("by Sunrise
    # Kitchenware, a Rajkot-based manufacturer", tagged FAC): a company the small model took for a building, whose
    # later "the manufacturer said" had found no named body (news17); a building is no participant.
    names = [ent for ent in doc.ents if ent.label_ in COLLECTED_LABELS or ent.label_ == FACILITY_LABEL]
    # A proper-noun subject the small model left untagged ("Jones lost the vote") is a likely antecedent; not an
    # office whose holder's name follows it ("The Environment Secretary, Rachel Moffat, visited"), where the name
    # is (news14: the office became a person of its own, and took her "she").
    # Read off the per-document table: a Token per word of the document cost more than the rest of the stage.
    codes = doc_token_codes(doc)
    names += [
        doc[codes.left_edge[i] : i + 1]
        for i, (pos, dep, ent_type) in enumerate(zip(codes.pos, codes.dep, codes.ent_type, strict=True))
        if pos == PROPN and dep in _SUBJECT_IDS and ent_type == 0 and not office_named_beside(codes, i)
    ]
    # So is a surname it read as a common noun or an adjective ("Reyes objected", "Rowntree disagreed").
    misread = {
        i: mention
        for i, (pos, dep) in enumerate(zip(codes.pos, codes.dep, strict=True))
        if pos != PROPN and dep in _SUBJECT_IDS and (mention := misread_surname(doc, i, i + 1)) is not None
    }
    names += [doc[i : i + 1] for i in misread]
    for ent in names:
        if any(i in taken for i in range(ent.start, ent.end)) or ent.root.dep_ in {"compound", "amod", "nmod"}:
            continue
        if opens_compound_modifier(codes, ent.end - 1):
            continue  # "The Paisley-born businessman": the place of a compound adjective is no participant
        if heads_the_story(doc, codes, ent.start, ent.end):
            continue
        mention = misread.get(ent.start) if len(ent) == 1 else None
        # A facility's name is read with its phrase, whose apposition alone may say it is a body; a body's name with
        # the "of" or "for" part that its tag left out ("the trustees of the Halloran-Whitby Foundation for the
        # Visual Arts", tagged without "for the Visual Arts": the cut name had been the foundation's, news27).
        # So is the first part of a body's name the small model tagged apart at an "and" ("Fenmouth and District
        # Council's budget", tagged "District Council": the cut name had been the council's). Only across an "and":
        # a place before a body's name ("the U.S. Congress", "U.S." tagged apart) is its modifier, and the body's
        # name without it is how the text's other mentions match it (GUM dev: "the United States Congress").
        start = ent.start
        if ent.label_ == FACILITY_LABEL:
            end = ent.root.right_edge.i + 1
        else:
            end = through_name_part(codes, ent.end, ent.root.right_edge.i + 1)
            # A body's name the small model tagged as two names across its "and" is one name ("Severn Vale", a
            # place, "and Marches Water", a person: ``coordinated_name_end``); its second part is no name of its
            # own, or a later "the company" joins the cut name.
            whole = coordinated_name_end(codes, ent.start, end, ent.root.right_edge.i + 1)
            if whole > end:
                taken.update(range(end, whole))
                end = whole
            joined = body_name_start(codes, ent.start, ent.root.i + 1, ent.root.left_edge.i)
            if any(codes.pos[i] == CCONJ for i in range(joined, ent.start)):
                start = joined
            start = min(start, coordinated_name_start(codes, ent.start, end))
        mention = mention or analyze_mention(doc, start, end)
        if mention is None or mention.name_start is None or mention.name_end is None:
            continue
        if ent.label_ == FACILITY_LABEL and (mention.kind not in BODY_KINDS or mention.appos is None):
            continue
        name = doc[mention.name_start : mention.name_end]
        # (Placed by the whole name read, which ``describe.sources`` reads again to show it.)
        span = ent if ent.label_ == FACILITY_LABEL else doc[start:end]
        found.append(_unsourced_occurrence(mention, span, name, ent.root, quotes, sentence_starts))
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
        subject=root.dep_ in SUBJECT_DEPS,
        thing=thing,
    )


_ANOTHER, _DET = get_string_id("another"), get_string_id("det")


def _another_occurrences(
    doc: Doc, taken: list[Occurrence], quotes: QuoteMap, sentence_starts: list[int]
) -> list[Occurrence]:
    """The person an "another" description brings in as the subject of its sentence's main clause ("Another
    official was less sure."), outside the mentions already collected: an antecedent a following "he" or "she"
    takes. "Another" says the description is someone new beside one already met, and a sentence about that
    someone makes them the topic, whose quotation comes next ('"If we are down three points, we lose," he
    said'); uncollected, the "he" had gone to the first official, quoted the sentence before (news26)."""
    covered = {i for o in taken for i in range(*o.tokens)}
    codes = doc_token_codes(doc)  # the per-document table: a Token per word costs more than the stage's rules
    found = []
    for i, lower in enumerate(codes.lower):
        if lower != _ANOTHER or codes.dep[i] != _DET or codes.governor[i] in covered:
            continue
        noun = doc[codes.governor[i]]
        if not main_subject(noun):
            continue
        mention = analyze_mention(doc, noun.left_edge.i, noun.i + 1)
        if mention is None or mention.form != "description" or mention.kind != "person":
            continue
        span = doc[mention.start : mention.end]
        found.append(_unsourced_occurrence(mention, span, span, noun, quotes, sentence_starts))
    return found


def _thing_occurrences(
    doc: Doc, taken: list[Occurrence], quotes: QuoteMap, sentence_starts: list[int]
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
        mention = analyze_mention(doc, ent.start, ent.end)
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
        # A person of a gender a relative clause brings in between ("Kieran Flood, whose daughter took part, said
        # she now asked") may be who a pronoun of that gender is: the vote had made the father a "she", and his "He
        # said" went to an anonymous man quoted before (who28). Only a "whose" noun, which introduces someone new
        # beside the name: counting every gendered noun ("his father", "the boy") lost GUM dev a "she" (Byron lost
        # the "he" votes that made him a man).
        between: set[str] = set()
        for token in doc[mention.end : sentence.end]:
            if token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and token.dep_ in SUBJECT_DEPS):
                break
            if (
                token.pos_ == "NOUN"
                and token.lemma_.lower() in lexicon.GENDERED_WORDS
                and any(child.lower_ == "whose" for child in token.children)
            ):
                between.add(lexicon.GENDERED_WORDS[token.lemma_.lower()])
            # Only a subject pronoun votes: "Clinton said she" is Clinton, "Clinton attacked his plan" is not.
            gender = PRONOUNS.get(token.lower_, (0, "sing", None))[2] if token.lower_ in {"he", "she"} else None
            if gender in {"masc", "fem"} and quotes.index(token.idx) == occurrence.quote:
                if gender not in between:
                    votes[name_key(doc, mention)][gender] += 1
                break
    genders: dict[str, Gender] = {}
    for surname, counts in votes.items():
        gender, count = counts.most_common(1)[0]
        if count * 3 >= sum(counts.values()) * 2:
            genders[surname] = gender
    return genders


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
    doc: Doc,
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
    content, are skipped (an organisation's "it" may name itself there: ``barred_content``). A pronoun inside
    a quote belongs to the quoted speaker's world, so only mentions in the same quote count, and without one
    it stays unresolved rather than borrow a speaker from outside.
    In an exchange, whoever asked the question just before does not answer it: "Miller asked whether he would
    retire. He declined" is the other side (``questions``: the attributions that are questions).
    A quantified pronoun ("anyone", "nobody") names no one a later "he" or "she" can pick up: "She asked
    whether anyone had warned him. He said …" is the one asked.
    Occurrences are resolved in text order, so the ones already attached to an entity are the earlier ones.
    """
    pronoun = occurrences[position]
    own_content = barred_content(pronoun, contents)
    answers = not set(pronoun.attributions) & questions

    def asker(o: Occurrence) -> bool:
        return o.source and o.sentence < pronoun.sentence and set(o.attributions) <= questions

    def candidate(o: Occurrence) -> bool:
        return (
            (_may_stand_for(doc, pronoun.mention, o) or _anonymous_speaker(doc, pronoun, o))
            and doc[o.mention.head].lower_ not in lexicon.QUANTIFIED_PRONOUNS
            and not (answers and asker(o))
            and o.tokens[1] <= pronoun.tokens[0]
            and o.quote == pronoun.quote
            and not any(start <= o.mention.head < end for start, end in own_content)
            and not _setting(doc, o)
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


# Entity labels of places that are only places: countries, cities, regions, places of nature (not buildings, which
# may be institutions: "the White House").
SETTING_LABELS = {"GPE", "LOC"}


def _setting(doc: Doc, occurrence: Occurrence) -> bool:
    """Whether a mention is a place's name written as the setting of its clause, the object of a preposition of
    place ("arrived in Kabul", "the busiest airport in the U.S.", ``lexicon.SETTING_PREPOSITIONS``). A clause is
    about its participants, and a following pronoun continues one of them (the subject, most often), not the
    place where it all happened: "The team landed in Kabul after a long trip. They were twice refused visas" is
    the team, even where the team is a description the rules never collected (then the pronoun is better left
    to the learned resolver than given the city). On GUM train every "it" or "they" the rules gave such a place
    was wrong (8 of 8, all after "in": "direct flights to major cities in the U.S. It is a small airport" went
    to the U.S.)."""
    head = doc[occurrence.mention.head]
    return (
        occurrence.mention.form == "name"
        and head.ent_type_ in SETTING_LABELS
        and head.dep_ == "pobj"
        and head.head.lower_ in lexicon.SETTING_PREPOSITIONS
    )


def _anonymous_speaker(doc: Doc, pronoun: Occurrence, occurrence: Occurrence) -> bool:
    """Whether a source "he" or "she" outside quotation marks may stand for an unnamed speaker the text introduced
    indefinitely in the pronoun's sentence or the one before, of a head no word list gives a kind: "A bin
    collector who has worked at the depot for 20 years said … He said …", "One midwife said … She added …".

    A reporter continues the last speaker with a pronoun, and an anonymous speaker is still a speaker. Agreement
    alone rules such a speaker out (an undecided kind is a person only when it is a name: ``compatible``), so the
    "he" went to a man named paragraphs before, or stayed unresolved (news26's largest class of wrong person).
    Only people and bodies make statements, and the heads of bodies, media and documents are listed
    (``lexicon.DESCRIPTION_HEADS``: "company", "paper", "report", "poll"), so a speaking head the lists leave
    undecided is most often an occupation the person nouns lack ("collector", "driver", "midwife", "shopper").
    Only within the news rule's window (``NEWS_RULE_SENTENCES``, counted from where a quotation of several
    sentences opens), where the speaker is the one the pronoun continues; further back, the pronoun is as likely
    someone else's, and such a head as likely a thing. Only a description that is itself the subject of its
    clause ("A bin collector who … said"): where the speaking verb is in a relative clause on it, what speaks is
    the relative pronoun, and the head may be a thing ("Climate is a problem that demands action"). A
    description whose own words give it a gender agrees only with that gender, as any entity does ("a
    spokeswoman" has a kind of its own and is no "he")."""
    mention, entity = occurrence.mention, occurrence.entity
    gender = pronoun.mention.gender
    opens = pronoun.sentence if pronoun.opens is None else pronoun.opens
    return (
        gender in {"masc", "fem"}
        and pronoun.quote is None
        and occurrence.source
        and occurrence.quote is None
        and mention.form == "description"
        and mention.kind == "unknown"
        and mention.number == "sing"
        and doc[mention.start].lower_ in lexicon.INDEFINITE
        and doc[mention.head].dep_ in SUBJECT_DEPS
        and entity is not None
        and entity.kind == "unknown"
        and entity.number == "sing"
        and entity.gender in {None, gender}
        and occurrence.sentence >= opens - NEWS_RULE_SENTENCES
    )


def _singular_they(doc: Doc, occurrences: list[Occurrence], position: int) -> Occurrence | None:
    """For a source "they" tagging the quotation before it (``occurrences[position]``): the source occurrence of
    the attribution just before it, in its sentence or the one before, where that speaker is one person named in
    full, or described and never named, whom the text has not called "he" or "she" ("Its spokesperson, Sam
    Okonedo, said … '…,' they said").
    News writes a singular "they" for a person so; agreement alone sent it to the spokesperson's group (news12,
    news13)."""
    pronoun = occurrences[position]
    if not (pronoun.source and pronoun.quote is None and doc[pronoun.mention.head].lower_ == "they"):
        return None
    latest = next(
        (
            o
            for o in reversed(occurrences[:position])
            if o.source and o.quote is None and o.tokens[1] <= pronoun.tokens[0]
        ),
        None,
    )
    if latest is not None and not (pronoun.tokens[0] > 0 and doc[pronoun.tokens[0] - 1].is_quote):
        # Only the tag of a quotation ('"…," they said'): a "they" that opens a sentence ("They checked the
        # figures", after a person quoted) is most often the group that person spoke for (PolNeAR dev); but not
        # after a source the text says is kept unnamed ("A senior doctor, who did not want to be named, said …
        # They described …"), whose gender news keeps back with the name (news23: it went to "A&E"). Its
        # sentence's latest such person: the relative "who" of "who did not want to be named" may be a source
        # too, read as the nearest noun ("the clinic").
        latest = next(
            (
                o
                for o in reversed(occurrences[:position])
                if o.source
                and o.quote is None
                and o.sentence == latest.sentence
                and o.tokens[1] <= pronoun.tokens[0]
                and o.entity is not None
                and o.entity.kind == "person"
                and _unnamed_by_request(doc, o)
            ),
            None,
        )
    # Counted from the sentence a quotation of several sentences opens in, as the news rule counts.
    opens = pronoun.sentence if pronoun.opens is None else pronoun.opens
    if latest is None or latest.entity is None or opens - latest.sentence > NEWS_RULE_SENTENCES:
        return None
    entity = latest.entity
    # One person named in full, or described as one person and not named ("A senior official who spoke on
    # condition of anonymity … said … '…,' they said"): news keeps an anonymous source's gender back with their
    # name, so a "they" tagging the quotation after such a source is that person (news16; agreement had sent it
    # to "two people familiar with the matter" quoted before).
    named = any(len(name) > 1 for name in entity.names) or (
        not entity.names and latest.mention.form == "description" and latest.mention.number == "sing"
    )
    # A first name's gender in the lists does not rule a "they" out ("Sam"); a "he" or "she" the text gave does.
    gendered = any(o.mention.form == "pronoun" and o.mention.gender in {"masc", "fem"} for o in entity.occurrences)
    return latest if entity.kind == "person" and entity.number == "sing" and named and not gendered else None


# Words saying a source is kept unnamed: "speaking on condition of anonymity", "who spoke anonymously"; and the
# verbs of "who did not want to be named", "who asked not to be identified", under a negation.
ANONYMITY_WORDS = {"anonymity", "anonymous", "anonymously"}
NAMING_VERBS = {"name", "identify"}


def _unnamed_by_request(doc: Doc, source: Occurrence) -> bool:
    """Whether a source's phrase says it is kept unnamed ("A senior doctor, who did not want to be named";
    "an official speaking on condition of anonymity"): the words of its head's phrase and, for a subject, those
    up to its verb, where a participle set off by commas hangs on the verb."""
    head = doc[source.mention.head]
    end = head.right_edge.i + 1
    if head.dep_ in SUBJECT_DEPS and head.head.i > end:
        end = head.head.i
    phrase = doc[min(source.tokens[0], head.left_edge.i) : end]
    lemmas = {token.lemma_.lower() for token in phrase}
    negated = any(token.dep_ == "neg" for token in phrase)
    return bool(lemmas & ANONYMITY_WORDS) or (negated and bool(lemmas & NAMING_VERBS))


def _unnamed_definite(doc: Doc, occurrence: Occurrence) -> bool:
    """Whether a source is a definite description of a person the text says is kept unnamed ("The professor, who
    asked not to be named"). An indefinite one ("A cleaner, who asked not to be named") introduces someone new, as
    any indefinite description does; a description of no person ("the conflict between the church and anonymous
    posters", GUM) is kept unnamed by nobody."""
    mention = occurrence.mention
    return (
        occurrence.source
        and mention.form == "description"
        and mention.kind == "person"
        and doc[mention.start].lower_ in lexicon.DEFINITE
        and _unnamed_by_request(doc, occurrence)
    )


def _unnamed_antecedent(source: Occurrence, entities: Entities) -> Entity | None:
    """For a source described as kept unnamed ("The professor, who asked not to be named, said …"): the unnamed
    source of one person the text quoted in its sentence or the one before ("one senior academic at the university
    remembers it"), else none. What the text withholds is the name, so such a source is nobody it names, however
    well the description fits a named person ("Professor Hilary Ashdown-Quaile" two paragraphs up had taken the
    professor's statements, and the pronoun after them); a definite description there continues the anonymous
    source just introduced, as "the insider" does "a source" (``matching.ANONYMOUS_HEADS``)."""
    found = [
        (o.tokens[0], e)
        for e in entities.all
        if not e.names and e.number == "sing" and e.kind in {"person", "unknown"}
        for o in e.occurrences
        if o.source and o.quote is None and source.sentence - NEWS_RULE_SENTENCES <= o.sentence <= source.sentence
    ]
    latest = max(found, key=lambda pair: pair[0], default=None)
    return latest[1] if latest is not None else None


def _named_by_its_kind(
    doc: Doc,
    occurrence: Occurrence,
    entities: Entities,
    quotes: QuoteMap,
    genders: dict[str, Gender],
    sentence_starts: list[int],
) -> Entity | None:
    """For a bare "the league", "the council", "the mosque", "the river": the body or thing whose name, written
    earlier, ends in that noun ("the Northern Hockey League final" … "The league said"; "Kelbury's Grand Mosque" …
    "the mosque"), when the rules collected no participant of that name. An English name is headed by its last
    word, which says what kind of body or thing the bearer is, and a text names it in full once and then by that
    noun; the full name is often written as a modifier ("the ... League final") or is a building's, a river's or
    an event's, which the rules collect only when a pronoun takes it, so the rules had no such participant, and
    the bare noun went to the latest body of no stated kind (a club named since: "the league" is no club) or to
    nothing (gum38: "the mosque", "the memorial", "the river" on GUM train). Only a capitalised name of two words
    or more whose last word is the noun: a lone "League" or a lower-case "league" names nothing. Not a noun for
    people (a capitalised "Prime Minister" is a title, not a name; people are named by their own names, and the
    roles the text gave them are the description rules'), nor a settlement's or a country's noun, which names the
    place the text is about (``matching._place_written_about``: "the city" in a guide to Mérida is not "Mexico
    City")."""
    mention = occurrence.mention
    if (
        not mention.determiner_and_head
        or mention.form != "description"
        or doc[mention.start].lower_ not in lexicon.DEFINITE
        or mention.number != "sing"
    ):
        return None
    noun = mention.head_lemma(doc)
    body = noun in lexicon.KINDS_OF_BODY
    if not body and (noun in lexicon.PEOPLE_NOUNS or noun in SETTLEMENT_NOUNS | COUNTRY_NOUNS or not noun.isalpha()):
        return None
    if any(noun in normalized(name) for e in entities.all for name in e.names):
        # A participant already goes by a name holding the noun: the description rules find it. Not only as its
        # last word: a body's formal name runs on past its head ("the Hallam Museum of Art and Antiquities"), and
        # the shorter name read off its first words would be a second participant.
        return None
    for token in reversed(doc[: mention.start]):
        if token.lower_ != noun or not token.text[:1].isupper() or token.pos_ != "PROPN":
            continue
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
            start -= 1
        if start == token.i:
            continue
        read = analyze_mention(doc, start, token.i + 1)
        if read is None or read.name_start is None:
            continue
        # The noun it ends in says what the bearer is, whatever the tagger or the learned kinds made of the name (a
        # name the small model left untagged reads as a person's: "Netball League", "Grand Mosque"): a body's kind
        # for a kind of body, else a thing's, of no speaker's kind and no "he" or "she".
        words = [t.text for t in doc[start : token.i + 1]]
        if body:
            named = dataclasses.replace(read, kind=name_kind(words, "ORG"))
        else:
            named = dataclasses.replace(read, kind="unknown", gender="neut")
        sentence = bisect.bisect_right(sentence_starts, start) - 1
        return collect_name(doc, named, sentence, quotes, entities, genders).entity
    return None


def _may_stand_for(doc: Doc, pronoun: Mention, occurrence: Occurrence) -> bool:
    """Agreement between a third-person pronoun and a mention's entity, or for a named thing no pronoun took yet,
    the thing itself. A thing is never a "he" or "she", whatever its entity became (the small model's "Mount
    Everest" is of no known kind, which a name's "he" would otherwise accept). A speaker whose name opens with
    a first name of the pronoun's gender agrees, whatever kind the tag gave it (``_person_tagged_body``)."""
    if occurrence.thing and pronoun.gender in {"masc", "fem"}:
        return False
    if pronoun.gender in {"masc", "fem"} and _origin_of_named(doc, occurrence):
        return False
    if occurrence.entity is not None:
        return compatible(pronoun, occurrence.entity) or (
            occurrence.source
            and occurrence.mention.form == "name"
            and _person_tagged_body(occurrence.entity, pronoun.gender)
        )
    mention = occurrence.mention
    return occurrence.thing and compatible(pronoun, Entity(-1, mention.kind, mention.number, mention.gender))


def _origin_of_named(doc: Doc, occurrence: Occurrence) -> bool:
    """Whether a name says where a named person comes from: the object of a "from" hanging on another name
    ("Doreen Blackstock, 81, from Gateshead, said …", "Ruth Ames from Castleford Mutual"). A place or a body
    someone is from is never that person, nor a "he" or "she" (animacy): the small model tagged "Gateshead" a body,
    of no kind the rules trust, and the pensioner's "she said" after her quotation went to her town (news27). Only
    a "from" on a proper name: "a letter from Smith" is Smith's."""
    if occurrence.mention.form != "name" or occurrence.source:
        return False
    head = doc[occurrence.mention.head]
    preposition = head.head
    return (
        head.dep_ == "pobj"
        and preposition.lower_ == "from"
        and preposition.head.pos_ == "PROPN"
        and preposition.head.i != head.i
    )


def _person_tagged_body(entity: Entity, gender: Gender | None) -> bool:
    """Whether a speaker tagged a body bears a full name opening with a first name of ``gender`` ("the
    broadcaster Helen Marchbank", read as an outlet by its noun; "Alison Treharne KC", an organisation by the
    letters after the name), so that a "he" or "she" may stand for it. Organisations named after people keep
    their tag ("John Deere", ``mentions``), but news does not call a body "she": where the speaker of an
    attribution is such a name, the "she said" after the quotation is that person, and the tag is what is
    wrong. Agreement alone had sent both "she said"s to another woman named before (news23: the prize
    winner, the dead resident). Only a speaker named so where it speaks (``_may_stand_for``), and not one the
    text calls a body (``called_a_body``: "the company", a name ending in "Foods"): "Ora Media", whose "Ora" the
    lists give women, had taken the "She" after its statement as "The network" (PolNeAR dev)."""
    return (
        gender in {"masc", "fem"}
        and entity.kind in BODY_KINDS
        and entity.number == "sing"
        and not called_a_body(entity)
        and any(
            (len(name) > 1 and first_name_gender(name[0]) == gender)
            # A name of three words or more may open with the noun news writes before a name ("Pensioner Doreen
            # Blackstock"), which the small model takes into it: its second word is then the first name.
            or (len(name) > 2 and first_name_gender(name[1]) == gender)
            for name in entity.names
        )
    )


def _questions(roles: dict[str, dict[str, list[Span]]]) -> set[str]:
    """The attributions whose cue asks a question (the cue lexicon's question verbs: "asked", "wondered"), which
    the other side answers (``_answers``)."""
    asking = set(lexicon.CUE_CLASSES["question"])
    return {
        attribution_id
        for attribution_id, by_role in roles.items()
        if any(
            token.lemma_.lower() in asking and _asks_a_question(token, by_role["source"])
            for span in by_role["cue"]
            for token in span
        )
    }


# "Ask for" something is a request ("asking for a review"), as is "ask" someone to act, with an infinitive
# complement ("asked residents to stay indoors"); not "for" a time ("questioned for an hour").
REQUESTING_VERB, REQUEST_PREPOSITION = "ask", "for"
DURATION_LABELS = {"DATE", "TIME"}


def _asks_a_question(verb: Token, sources: list[Span]) -> bool:
    """Whether a question verb's source asks something the other side answers. A passive one's subject is the one
    asked, not the asker: "Dunmore smiled when he was asked about it. He said …" is Dunmore answering, and read as
    the asker he had been barred from his own answer, which went to the other side (news26); its agent, where the
    source is the agent ("was questioned by the presenter Tom Linden"), is the asker still. A request ("asking for
    an independent review", "asked residents to stay indoors") raises no question: the MP "asking for a review"
    had been barred from his own "He said" in the next sentence, which went to the chief executive quoted three
    paragraphs up (news24)."""
    children = list(verb.children)
    if any(child.dep_ == "xcomp" or _asks_for(verb, child) for child in children):
        return False
    if not any(child.dep_ == "auxpass" for child in children):
        return True
    agents = {
        token.i
        for child in children
        if child.dep_ == "agent"
        for obj in child.children
        if obj.dep_ == "pobj"
        for token in obj.subtree  # "by the presenter Tom Linden": the name in apposition too
    }
    return any(token.i in agents for span in sources for token in span)


def _asks_for(verb: Token, child: Token) -> bool:
    """Whether a child of "ask" is the "for" of a request ("asking for an independent review"), not of a time."""
    return (
        verb.lemma_.lower() == REQUESTING_VERB
        and child.dep_ == "prep"
        and child.lower_ == REQUEST_PREPOSITION
        and not any(obj.ent_type_ in DURATION_LABELS for obj in child.children)
    )


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
        quotes: QuoteMap,
        entities: Entities,
        genders: dict[str, Gender],
        starts_of_sentences: list[int],
    ) -> None:
        self.doc, self.occurrences = doc, occurrences
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
            mention = coordinated_people(self.doc, start, len(self.doc)) or analyze_mention(self.doc, start, end)
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
        return collect_name(self.doc, mention, sentence, self.quotes, self.entities, self.genders).entity


# Entity labels of the bodies a person speaks for: an organisation, a government or a country's team.
BODY_LABELS = {"ORG", "GPE"}


def _body_spoken_for(doc: Doc, speaker: Mention) -> Mention | None:
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
        body = analyze_mention(doc, ent.start, ent.end)
        if body is not None and body.name_start is not None:
            return body
    return None
