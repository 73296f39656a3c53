"""Attributions: tag SOURCE / CUE / CONTENT tokens (``tagging``), group the spans into attributions (``grouping``),
score each (``signals``) and record those above the threshold on the doc: the ``accordingto_attributions``
component.
"""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.training import Example
from spacy.util import minibatch

from ..annotations import ATTRIBUTIONS, add_attribution
from ..pipes import AnnotatingPipe, component_factory
from .contents import shed_end, shed_start
from .features import DocArrays, doc_arrays
from .grouping import assemble
from .groups import Group, attribution_type, quoted_tokens
from .perceptron import TaggerModel, Tagging
from .signals import confidences
from .sources import (
    leave_asker_unnamed,
    leave_hearer_unnamed,
    leave_label_unnamed,
    name_before_apposition,
    source_in_its_own_clause,
    source_not_in_relative_clause,
    subject_out_of_content,
)
from .tagging import WEIGHTS_FILE, RoleSpan, load_model, read_weights, tag_doc, tag_docs


def reading_position(group: Group) -> int:
    """The group's first token: the doc's attributions are recorded, and read back, in this order (not in the
    order ``assemble`` found them: a quote a name introduces becomes a group after all the tagged cues)."""
    return min(span.start for span in (group.cue, *group.contents, *group.sources))


# Marks that only set a source apart from what follows or precedes it ("The housing minister, Joanna Pryce, said";
# a dateline's "KHARVEL (Meridian) -"). The tagger often takes them into the span (the scorer counts words only), but
# they are no part of the mention a reader sees, a search finds or the store keeps ("Ashby," had been shown).
# Brackets and quotation marks open or close something inside the span and stay.
SOURCE_SEPARATORS = frozenset({",", ";", ":", "-", "–", "—"})


def _separates_source(token: Token) -> bool:
    return token.is_space or token.text in SOURCE_SEPARATORS


def source_words(doc: Doc, span: RoleSpan) -> Span | None:
    """The source ``span`` without separating marks or white space at its edges, nor a preposition of the clause
    after it at its end (see ``_clause_preposition``); None when nothing else is left."""
    start = shed_start(doc, span.start, span.end, _separates_source)
    end = shed_end(doc, start, span.end, _separates_source)
    if end - start > 1 and _clause_preposition(doc[end - 1], start, end):
        end = shed_end(doc, start, end - 1, _separates_source)
    return doc[start:end] if end > start else None


def _clause_preposition(token: Token, start: int, end: int) -> bool:
    """A preposition at a source's end that hangs from outside the source, or has no object at all, belongs to the
    clause after it, not to the mention: news24's "after the trust at first refused the request" gave the source
    "the trust at" (the parse hangs an objectless "at" on "trust"; its phrase is "at first", an adverb of
    "refused"), and the trust the display name "trust at". A preposition of the mention's own with its object
    after the span ("papers ranging from ...", "who watched the ceremony on ...") was cut short by the tagger: kept,
    as PolNeAR's source goes on past it."""
    if token.pos_ != "ADP" or token.dep_ != "prep":
        return False
    has_object = any(child.dep_ in ("pobj", "pcomp") for child in token.children)
    return not has_object or not start <= token.head.i < end


def record_attributions(doc: Doc, groups: list[Group], confidence: list[float]) -> None:
    """Add each group to the doc with ``annotations.add_attribution``, in reading order, with its
    confidence."""
    ATTRIBUTIONS.start(doc)
    quoted = quoted_tokens(doc)

    def spans(items: list[RoleSpan]) -> list[Span]:
        return [doc[item.start : item.end] for item in items]

    def sources(items: list[RoleSpan]) -> list[Span]:
        return [span for span in (source_words(doc, item) for item in items) if span is not None]

    ranked = sorted(zip(groups, confidence, strict=True), key=lambda pair: reading_position(pair[0]))
    for group, value in ranked:
        add_attribution(
            doc,
            cue=spans([group.cue]),
            content=spans(group.contents),
            source=sources(group.sources),
            type=attribution_type(quoted, group.contents, doc),
            confidence=value,
        )


# The attributions a document holds, as groups of spans, with the confidence of each.
Found = tuple[list[Group], list[float]]
# A document's arrays (``features.doc_arrays``) and its tagging.
Tagged = tuple[DocArrays, Tagging]
# Documents of a batch are tagged together up to this many tokens (``tag_docs``): enough to share the Viterbi's steps
# among a batch of news articles, few enough that the work between two budget checkpoints stays about that of one
# long article (``budget``), a longer document being tagged alone.
TAGGED_TOGETHER_TOKENS = 20_000


def _together(docs: list[Doc]) -> Iterator[list[Doc]]:
    """The documents in order, in runs of at most ``TAGGED_TOGETHER_TOKENS`` tokens (or one longer doc)."""
    run: list[Doc] = []
    tokens = 0
    for doc in docs:
        if run and tokens + len(doc) > TAGGED_TOGETHER_TOKENS:
            yield run
            run, tokens = [], 0
        run.append(doc)
        tokens += len(doc)
    if run:
        yield run


def confidence_cut(model: TaggerModel, min_confidence: float | None) -> float:
    """The confidence under which an attribution is left out: ``min_confidence`` when set, else the threshold the
    model was trained with."""
    return model.calibrator.threshold if min_confidence is None else min_confidence


def find_attributions(
    doc: Doc, model: TaggerModel, min_confidence: float | None = None, tagged: Tagged | None = None
) -> Found:
    """Tag, group and score: the attributions the component records, each with its confidence; those below
    ``min_confidence`` (by default the model's threshold, chosen in training) are left out. ``tagged``: the
    doc's arrays and tagging, when it was tagged with others (``tag_docs``)."""
    if len(doc) == 0:
        return [], []
    if tagged is None:
        arrays = doc_arrays(doc, model.lexicon)
        tagged = arrays, tag_doc(doc, model, arrays)
    arrays, tagging = tagged
    groups = assemble(doc, tagging.tags, model.source_ranker)
    values = confidences(doc, groups, tagging, model, arrays)
    threshold = confidence_cut(model, min_confidence)
    kept = [(group, value) for group, value in zip(groups, values, strict=True) if value >= threshold]
    for group, _ in kept:
        leave_asker_unnamed(doc, group)
        leave_hearer_unnamed(doc, group)
        leave_label_unnamed(doc, group)
        source_not_in_relative_clause(doc, group)
        name_before_apposition(doc, group)
        subject_out_of_content(doc, group)
        source_in_its_own_clause(doc, group)
    return [group for group, _ in kept], [value for _, value in kept]


class AttributionsPipe(AnnotatingPipe[Found]):
    """Runs the role tagger on the parse and records each attribution with ``annotations.add_attribution``.

    The tagger's weights are trained outside spaCy (``accordingto train``). They are the ones ``initialize``
    or ``from_disk`` loaded, else, on first use, those at ``model_path``, else the ones shipped in the package;
    ``to_disk``/``to_bytes`` save them with the pipeline, so a saved pipeline keeps the weights it ran with.
    """

    def __init__(self, nlp: Language, name: str, model_path: str | None, min_confidence: float | None) -> None:
        self.name = name
        self.model_path = model_path
        self.min_confidence = min_confidence
        self._model: TaggerModel | None = None

    @property
    def model(self) -> TaggerModel:
        if self._model is None:
            self._model = load_model(self.model_path)
        return self._model

    @model.setter
    def model(self, model: TaggerModel) -> None:
        self._model = model

    @property
    def threshold(self) -> float:
        """The confidence under which this component leaves an attribution out (``confidence_cut``)."""
        return confidence_cut(self.model, self.min_confidence)

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        model_path: str | None = None,
    ) -> None:
        """Load the weights at ``model_path`` (from ``[initialize.components]``), else at the configured path,
        else the shipped ones. Examples are not used: the tagger is trained by ``accordingto train``."""
        self._model = load_model(model_path or self.model_path)

    def predict(self, doc: Doc) -> Found:
        return find_attributions(doc, self.model, self.min_confidence)

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """``predict`` and ``set_annotations`` for each document of a batch, the batch's documents tagged
        together (``tag_docs``: the Viterbi then takes as many steps as the batch's longest paragraph, not as
        many as every document's longest added up)."""
        for batch in minibatch(stream, size=batch_size):
            admitted = [doc for doc in batch if self._admit(doc)]
            for run in _together(admitted):
                for doc, tagged in zip(run, self._tag_together(run), strict=True):
                    self._apply(doc, functools.partial(self._predict_tagged, tagged=tagged))
            yield from batch

    def _tag_together(self, docs: list[Doc]) -> list[Tagged | None]:
        """Each document's arrays and tagging, computed together; all None when that fails (each is then
        tagged alone, so that a failure is reported for the document that caused it)."""
        try:
            arrays = [doc_arrays(doc, self.model.lexicon) for doc in docs]
            return list(zip(arrays, tag_docs(docs, self.model, arrays), strict=True))
        except Exception:  # noqa: BLE001 - not lost: each document's own predict raises it again
            return [None] * len(docs)

    def _predict_tagged(self, doc: Doc, tagged: Tagged | None) -> Found:
        return find_attributions(doc, self.model, self.min_confidence, tagged)

    def set_annotations(self, doc: Doc, prediction: Found) -> None:
        record_attributions(doc, *prediction)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        self.model.save(folder / WEIGHTS_FILE)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> AttributionsPipe:
        self._model = read_weights(Path(path) / WEIGHTS_FILE)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        with tempfile.TemporaryDirectory() as folder:
            self.to_disk(folder)
            return (Path(folder) / WEIGHTS_FILE).read_bytes()

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> AttributionsPipe:
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / WEIGHTS_FILE).write_bytes(bytes_data)
            return self.from_disk(folder)


@component_factory(
    "accordingto_attributions",
    # min_confidence None: the threshold the model was trained with; 0 keeps every attribution the tagger groups.
    default_config={"model_path": None, "min_confidence": None},
    assigns=["doc.spans", ATTRIBUTIONS.attr],
    requires=[
        "doc.spans",
        "token.tag",
        "token.dep",
        "token.head",
        "token.lemma",
        "token.is_sent_start",
        "doc.ents",
        "token.ent_iob",
        "token.ent_type",
    ],
)
def make_attributions(
    nlp: Language, name: str, model_path: str | None, min_confidence: float | None
) -> AttributionsPipe:
    return AttributionsPipe(nlp, name, model_path, min_confidence)
