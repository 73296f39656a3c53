"""The public data model: what an analysis of one article says, as plain dataclasses.

Every span is a list of ``(start, end)`` character offsets into the original text (end exclusive); a role may have
several ranges (a quote split by its cue, a quote running over paragraphs). ``Analysis.to_dict`` gives the JSON
form documented in ``docs/output-format.md`` and checked against ``schema/analysis.schema.json``.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = "1.0"

Range = tuple[int, int]
Ranges = list[Range]
AttributionType = Literal["direct", "indirect", "mixed"]
SourceKind = Literal["person", "organization", "government", "media", "group", "document", "unknown"]


def ranges_text(text: str, ranges: Ranges, joiner: str = " … ") -> str:
    """The words a span list covers, pieces joined with an ellipsis so a reader sees where text was skipped."""
    return joiner.join(text[start:end] for start, end in ranges)


@dataclass
class TimeAnchor:
    """When a statement was made, or what time it is about, as written and normalized.

    ``value`` is ISO 8601: a date (``2023-12-19``), a month (``2023-09``), a season (``2022-FA``) or an interval
    (``2023-09/..``); null when the expression could not be normalized.
    """

    text: str
    start: int
    end: int
    value: str | None


@dataclass
class Attribution:
    """One reported statement, thought or belief: who (source), by which words (cue), said what (content)."""

    id: str
    type: AttributionType
    source: Ranges
    cue: Ranges
    content: Ranges
    source_text: str | None
    cue_text: str
    content_text: str
    source_id: str | None = None
    parent: str | None = None
    cue_class: str | None = None
    denial: bool = False
    hedged: bool = False
    negated: bool = False
    time: TimeAnchor | None = None
    # The probability that this attribution is right (PolNeAR-matching); 1.0 for attributions given by hand.
    confidence: float = 1.0

    @classmethod
    def from_ranges(
        cls,
        text: str,
        *,
        id: str,
        type: AttributionType,
        source: Ranges,
        cue: Ranges,
        content: Ranges,
        **fields: Any,
    ) -> Attribution:
        """An attribution whose ``*_text`` fields are read off ``text`` (the one place that rule lives)."""
        return cls(
            id=id,
            type=type,
            source=source,
            cue=cue,
            content=content,
            source_text=ranges_text(text, source) if source else None,
            cue_text=ranges_text(text, cue),
            content_text=ranges_text(text, content),
            **fields,
        )


@dataclass
class Source:
    """A distinct source the article cites, with every mention that refers to it."""

    id: str
    name: str
    kind: SourceKind
    named: bool
    description: str
    count: int | None = None
    qualifiers: list[str] = field(default_factory=list)
    affiliation: str | None = None
    role: str | None = None
    role_of: str | None = None
    mentions: list[Ranges] = field(default_factory=list)


@dataclass
class Provenance:
    """An upstream report the article relies on (a newspaper, a wire service, "media")."""

    name: str
    spans: Ranges
    attribution_ids: list[str] = field(default_factory=list)


@dataclass
class Summary:
    """Counts a reader wants first: how much is attributed, to whom, how much anonymously."""

    attributions: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    by_source_kind: dict[str, int] = field(default_factory=dict)
    anonymous_share: float | None = None
    named_sources: int = 0
    anonymous_sources: int = 0
    upstream: list[str] = field(default_factory=list)


@dataclass
class ArticleMeta:
    """What is known about the article besides its text."""

    id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None


@dataclass
class Article:
    """An input: the text to analyse and what is known about it."""

    text: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None

    def meta(self) -> ArticleMeta:
        return ArticleMeta(id=self.id, title=self.title, url=self.url, outlet=self.outlet, published=self.published)


@dataclass
class Analysis:
    """Everything accordingto found in one article."""

    text: str
    attributions: list[Attribution] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    provenance: list[Provenance] = field(default_factory=list)
    summary: Summary = field(default_factory=Summary)
    article: ArticleMeta = field(default_factory=ArticleMeta)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form (tuples become lists), keys in the documented order."""
        data = _plain(dataclasses.asdict(self))
        text = data.pop("text")
        return {"schema_version": SCHEMA_VERSION, **data, "text": text}

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """Rebuild an analysis from its JSON form (for stores, caches and the web page)."""
        return cls(
            text=data["text"],
            attributions=[_attribution_from_dict(a) for a in data.get("attributions", [])],
            sources=[
                Source(**{**s, "mentions": [_ranges(m) for m in s.get("mentions", [])]})
                for s in data.get("sources", [])
            ],
            provenance=[Provenance(**{**p, "spans": _ranges(p["spans"])}) for p in data.get("provenance", [])],
            summary=Summary(**data.get("summary", {})),
            article=ArticleMeta(**data.get("article", {})),
        )


def _ranges(raw: list[list[int]] | Ranges) -> Ranges:
    return [(int(start), int(end)) for start, end in raw]


def _attribution_from_dict(data: dict[str, Any]) -> Attribution:
    time = data.get("time")
    return Attribution(
        **{
            **data,
            "source": _ranges(data["source"]),
            "cue": _ranges(data["cue"]),
            "content": _ranges(data["content"]),
            "time": TimeAnchor(**time) if time else None,
        }
    )


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value
