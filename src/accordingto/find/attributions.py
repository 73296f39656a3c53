"""Attributions: tag SOURCE / CUE / CONTENT tokens (``tagging``), group the spans into attributions (``grouping``),
score each (``signals``) and record those above the threshold on the doc: the ``accordingto_attributions``
component.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example

from ..annotations import ATTRIBUTIONS, add_attribution
from ..pipes import AnnotatingPipe, component_factory
from .features import doc_arrays
from .grouping import assemble
from .groups import Group, attribution_type, quoted_tokens
from .perceptron import TaggerModel
from .signals import confidences
from .tagging import WEIGHTS_FILE, RoleSpan, load_model, read_weights, tag_doc


def reading_position(group: Group) -> int:
    """The group's first token: the doc's attributions are recorded, and read back, in this order (not in the
    order ``assemble`` found them: a quote a name introduces becomes a group after all the tagged cues)."""
    return min(span.start for span in (group.cue, *group.contents, *group.sources))


def record_attributions(doc: Doc, groups: list[Group], confidence: list[float]) -> None:
    """Add each group to the doc with ``annotations.add_attribution``, in reading order, with its
    confidence."""
    ATTRIBUTIONS.start(doc)
    quoted = quoted_tokens(doc)

    def spans(items: list[RoleSpan]) -> list[Span]:
        return [doc[item.start : item.end] for item in items]

    ranked = sorted(zip(groups, confidence, strict=True), key=lambda pair: reading_position(pair[0]))
    for group, value in ranked:
        add_attribution(
            doc,
            cue=spans([group.cue]),
            content=spans(group.contents),
            source=spans(group.sources),
            type=attribution_type(quoted, group.contents, doc),
            confidence=value,
        )


# The attributions a document holds, as groups of spans, with the confidence of each.
Found = tuple[list[Group], list[float]]


def find_attributions(doc: Doc, model: TaggerModel, min_confidence: float | None = None) -> Found:
    """Tag, group and score: the attributions the component records, each with its confidence; those below
    ``min_confidence`` (by default the model's threshold, chosen in training) are left out."""
    if len(doc) == 0:
        return [], []
    arrays = doc_arrays(doc, model.lexicon)
    tagging = tag_doc(doc, model, arrays)
    groups = assemble(doc, tagging.tags)
    values = confidences(doc, groups, tagging, model, arrays)
    threshold = model.calibrator.threshold if min_confidence is None else min_confidence
    kept = [(group, value) for group, value in zip(groups, values, strict=True) if value >= threshold]
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
