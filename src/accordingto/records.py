"""The typed records pipeline stages leave on a ``Doc`` for later stages, and their one conversion to plain data.

A stage's output that is not a span (spans live in ``doc.spans``) is one of the records below, or a public model
class (``model.Source``, ``model.Provenance``, ``model.Summary``, ``model.TimeAnchor``, ``model.ArticleMeta``)
where the output already has the public shape. On the ``Doc`` they are kept as plain data (dicts, lists, strings,
numbers) so that ``DocBin``, ``n_process`` and cluster workers can serialize them with msgpack; ``to_plain`` and
``from_plain`` are the only code that converts between the two, through the same pydantic adapters as the public
model (``model.adapter``), driven by the type hints of the record classes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from .model import AttributionType, Ranges, Source, SourceKind, adapter

MentionForm = Literal["pronoun", "name", "description"]


@dataclass
class AttributionRecord:
    """What the attribution finders (``find.attributions``, ``find.nested``) record about an attribution besides
    its role spans."""

    type: AttributionType
    # The calibrated probability that the attribution is right (``find.confidence``; a measured constant for
    # the frames ``find.nested`` adds).
    confidence: float = 1.0


@dataclass
class MentionRecord:
    """One mention of a resolved entity: where it is (characters and tokens), its form, and whether it is the
    source span of an attribution (rather than a name met elsewhere in the text)."""

    ranges: Ranges
    tokens: tuple[int, int]
    form: MentionForm
    source: bool


@dataclass
class EntityRecord:
    """One entity the resolver (``resolve.speakers``) found: a source or a would-be one, with all its mentions
    and the attributions whose source it is (in attribution order)."""

    id: str
    speaker: bool
    kind: SourceKind
    mentions: list[MentionRecord] = field(default_factory=list)
    attributions: list[str] = field(default_factory=list)
    # For each attribution whose source it is: the calibrated probability that this entity is who the article
    # means by the source mention (``resolve.confidence``).
    speaker_confidence: dict[str, float] = field(default_factory=dict)


@dataclass
class SourceRecords:
    """The source profiles (``describe.sources``) and which source each attribution cites."""

    sources: list[Source] = field(default_factory=list)
    by_attribution: dict[str, str] = field(default_factory=dict)


@dataclass
class StanceRecord:
    """How a source relates to what it is reported to have said (``describe.stance``)."""

    cue_class: str | None
    negated: bool
    denial: bool
    hedged: bool
    hypothetical: bool


def to_plain(shape: Any, value: Any) -> Any:
    """A record (or a list or dict of them) of type ``shape`` as msgpack-able plain data: dicts, lists, tuples,
    strings, numbers."""
    return adapter(shape).dump_python(value)


def from_plain(shape: Any, data: Any) -> Any:
    """Plain data read back as ``shape``, checked against its type hints (msgpack may give lists as tuples)."""
    return None if data is None else adapter(shape).validate_python(data)
