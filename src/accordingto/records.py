"""The typed records pipeline stages leave on a ``Doc`` for later stages, and their one conversion to plain data.

A stage's output that is not a span (spans live in ``doc.spans``) is one of the records below, or a public model
class (``model.Source``, ``model.Provenance``, ``model.Summary``, ``model.TimeAnchor``, ``model.ArticleMeta``)
where the output already has the public shape. On the ``Doc`` they are kept as plain data (dicts, lists, strings,
numbers) so that ``DocBin``, ``n_process`` and cluster workers can serialize them with msgpack; ``to_plain`` and
``from_plain`` are the only code that converts between the two, driven by the type hints of the record classes.
"""

from __future__ import annotations

import dataclasses
import functools
import types
from dataclasses import dataclass, field
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from .model import AttributionType, Ranges, Source, SourceKind

MentionForm = Literal["pronoun", "name", "description"]


@dataclass
class AttributionRecord:
    """What the attribution finders (``find.attributions``, ``find.nested``) record about an attribution besides
    its role spans."""

    type: AttributionType


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


def to_plain(value: Any) -> Any:
    """A record (or a list, dict or tuple of records) as msgpack-able plain data: dataclasses become dicts,
    tuples become lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {item.name: to_plain(getattr(value, item.name)) for item in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {key: to_plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_plain(item) for item in value]
    return value


def from_plain(shape: Any, data: Any) -> Any:
    """Plain data read back as ``shape`` (a record class, or ``list[...]``, ``dict[str, ...]``, ``tuple[...]``,
    ``X | None`` of them). msgpack may return lists as tuples; both are accepted."""
    if data is None:
        return None
    origin = get_origin(shape)
    if origin in (Union, types.UnionType):
        (inner,) = [arg for arg in get_args(shape) if arg is not type(None)]
        return from_plain(inner, data)
    if origin is list:
        (item,) = get_args(shape)
        return [from_plain(item, value) for value in data]
    if origin is tuple:
        items = get_args(shape)
        if len(items) == 2 and items[1] is Ellipsis:
            return tuple(from_plain(items[0], value) for value in data)
        return tuple(from_plain(item, value) for item, value in zip(items, data, strict=True))
    if origin is dict:
        _, item = get_args(shape)
        return {key: from_plain(item, value) for key, value in data.items()}
    if isinstance(shape, type) and dataclasses.is_dataclass(shape):
        hints = _field_types(shape)
        return shape(**{name: from_plain(hints[name], value) for name, value in data.items() if name in hints})
    return data


@functools.cache
def _field_types(cls: type) -> dict[str, Any]:
    """A record class's field types, with the postponed annotations resolved (once per class)."""
    hints = get_type_hints(cls)
    return {item.name: hints[item.name] for item in dataclasses.fields(cls)}
