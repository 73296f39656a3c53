"""The public data model: what an analysis of one article says, as plain dataclasses.

These classes are the one definition of the output: the JSON form (``Analysis.to_dict``), the JSON schema shipped in
``schema/analysis.schema.json`` and the web service's OpenAPI models are all generated from them (through pydantic's
``TypeAdapter``, which reads the type hints and the ``Field`` descriptions below), so they cannot drift apart.

Every span is a list of ``(start, end)`` character offsets into the original text (end exclusive); a role may have
several ranges (a quote split by its cue, a quote running over paragraphs).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Annotated, Any, Final, Literal, TypeVar

from pydantic import ConfigDict, Field, TypeAdapter, with_config

SCHEMA_VERSION: Final = "1.0"

Offset = Annotated[int, Field(ge=0)]
Range = tuple[Offset, Offset]
Ranges = list[Range]
AttributionType = Literal["direct", "indirect", "mixed"]
SourceKind = Literal["person", "organization", "government", "media", "group", "document", "unknown"]

# Every class: no unknown keys, and every field present in the JSON form (a reader never has to guess a default).
_STRICT = ConfigDict(extra="forbid", json_schema_serialization_defaults_required=True)

T = TypeVar("T")


def ranges_text(text: str, ranges: Ranges, joiner: str = " … ") -> str:
    """The words a span list covers, pieces joined with an ellipsis so a reader sees where text was skipped."""
    return joiner.join(text[start:end] for start, end in ranges)


@with_config(_STRICT)
@dataclass
class TimeAnchor:
    """When a statement was made, or what time it is about, as written and normalized."""

    text: Annotated[str, Field(description="The time expression as written.")]
    start: Offset
    end: Offset
    value: Annotated[
        str | None,
        Field(
            description="ISO 8601: a date (2023-12-19), a month (2023-09), a season (2022-FA) or an interval "
            "(2023-09/..); null when the expression could not be normalized."
        ),
    ]


@with_config(_STRICT)
@dataclass
class Attribution:
    """One reported statement, thought or belief: who (source), by which words (cue), said what (content)."""

    id: Annotated[str, Field(description="a1, a2, ... in reading order of the cue.")]
    type: Annotated[
        AttributionType,
        Field(description="direct: the content is a quotation; mixed: reported speech holding a quoted fragment."),
    ]
    source: Annotated[Ranges, Field(description="The source mention; empty when the article gives no source.")]
    cue: Annotated[Ranges, Field(description='The words that introduce the attribution ("said", "according to").')]
    content: Annotated[Ranges, Field(description="What is attributed; a quotation includes its quotation marks.")]
    source_text: Annotated[str | None, Field(description="The words of `source`; null without a source.")]
    cue_text: str
    content_text: str
    source_id: Annotated[
        str | None, Field(description="The `sources` entry the source mention resolves to (pronouns included).")
    ] = None
    parent: Annotated[
        str | None, Field(description="The attribution whose content holds this one (nesting), or null.")
    ] = None
    cue_class: Annotated[
        str | None,
        Field(
            description="What kind of attribution the cue makes: neutral, emphatic, belief, denial, signal, report, "
            "intention, question, evaluation, decision, perception, refusal, gesture, expectation or other "
            "(docs/stance.md); decision, perception, refusal and gesture are acts rather than statements, and "
            "expectation is a belief no one named holds."
        ),
    ] = None
    denial: Annotated[bool, Field(description="The source rejects a claim.")] = False
    hedged: Annotated[bool, Field(description="The statement is hedged (may, might, reportedly...).")] = False
    negated: Annotated[bool, Field(description="The cue itself is negated (did not say).")] = False
    hypothetical: Annotated[
        bool,
        Field(
            description='The cue reports a saying that did not take place: an instruction ("Simply say that"), a '
            'condition or indirect question ("If she says"), a modal of possibility on the cue ("would say"), a '
            'question about the act ("Did he say ...?"), a wish to say ("wants to claim") or anyone as the '
            'speaker ("Anyone who claims") (docs/stance.md).'
        ),
    ] = False
    time: Annotated[TimeAnchor | None, Field(description="When the statement was made or what time it is about.")] = (
        None
    )
    confidence: Annotated[
        float,
        Field(
            ge=0,
            le=1,
            description="The probability that this attribution is right, calibrated on held-out PolNeAR train (of "
            "the attributions given 0.8, about 80% match an annotator's); 1.0 for attributions given by hand.",
        ),
    ] = 1.0
    speaker_confidence: Annotated[
        float | None,
        Field(
            ge=0,
            le=1,
            description="The probability that the source shown (`source_id`'s entity) is who the article means by "
            "the source mention, calibrated on held-out GUM train coreference and judged news (docs/sources.md, "
            '"How sure is the speaker?"); null when the attribution has no source.',
        ),
    ] = None

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


@with_config(_STRICT)
@dataclass
class Source:
    """A distinct source the article cites, with every mention that refers to it."""

    id: Annotated[str, Field(description="s1, s2, ... in order of first mention.")]
    name: Annotated[
        str, Field(description="The fullest proper name when named, else the description without determiners.")
    ]
    kind: SourceKind
    named: Annotated[bool, Field(description="The source has a proper name (not a people's, such as Democrats).")]
    description: Annotated[str, Field(description="The longest noun phrase written for the source, as written.")]
    count: Annotated[
        int | None, Field(ge=0, description="How many people the mention stands for (two officials: 2), if said.")
    ] = None
    qualifiers: Annotated[list[str], Field(description="former, senior, anonymous... in the order written.")] = field(
        default_factory=list
    )
    affiliation: Annotated[str | None, Field(description="Whose the source is (Russia, the Kremlin), if said.")] = None
    role: Annotated[
        str | None, Field(description="A title or role noun, lower case, in full (spokesman, president, senator).")
    ] = None
    role_of: Annotated[str | None, Field(description="The source the role is held for (Putin's spokesman).")] = None
    mentions: Annotated[list[Ranges], Field(description="Every mention of the source, pronouns included.")] = field(
        default_factory=list
    )


@with_config(_STRICT)
@dataclass
class Provenance:
    """An upstream report the article relies on (a newspaper, a wire service, "media")."""

    name: str
    spans: Ranges
    attribution_ids: Annotated[list[str], Field(description="The attributions that rely on this report.")] = field(
        default_factory=list
    )


@with_config(_STRICT)
@dataclass
class Summary:
    """Counts a reader wants first: how much is attributed, to whom, how much anonymously."""

    attributions: Annotated[int, Field(ge=0)] = 0
    by_type: dict[str, int] = field(default_factory=dict)
    by_source_kind: Annotated[dict[str, int], Field(description="Attributions per kind of source.")] = field(
        default_factory=dict
    )
    anonymous_share: Annotated[
        float | None,
        Field(ge=0, le=1, description="Attributions to anonymous sources / attributions with a source."),
    ] = None
    named_sources: Annotated[int, Field(ge=0)] = 0
    anonymous_sources: Annotated[int, Field(ge=0)] = 0
    upstream: Annotated[list[str], Field(description="The names in `provenance`, once each, in order.")] = field(
        default_factory=list
    )


PublishedDate = Annotated[str | None, Field(pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD.")]


@with_config(_STRICT)
@dataclass
class ArticleMeta:
    """What is known about the article besides its text."""

    id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: PublishedDate = None


@with_config(ConfigDict(extra="forbid"))
@dataclass
class Article:
    """An input: the text to analyse and what is known about it (also the web service's request body)."""

    text: Annotated[str, Field(description="The article text.")]
    id: Annotated[str | None, Field(description="Your id for the article, echoed in article.id.")] = None
    title: Annotated[str | None, Field(description="The headline, if known.")] = None
    url: Annotated[str | None, Field(description="Where the article was published.")] = None
    outlet: Annotated[str | None, Field(description="The publication, e.g. 'Reuters'.")] = None
    published: Annotated[
        str | None,
        Field(description="Publication date, YYYY-MM-DD: relative dates ('on Tuesday') are anchored to it."),
    ] = None

    def meta(self) -> ArticleMeta:
        return ArticleMeta(id=self.id, title=self.title, url=self.url, outlet=self.outlet, published=self.published)


@with_config(
    ConfigDict(
        extra="forbid",
        json_schema_serialization_defaults_required=True,
        title="accordingto analysis of one article",
    )
)
@dataclass
class Analysis:
    """Everything accordingto found in one article. Every span is a list of [start, end] character offsets into
    the original text (end exclusive)."""

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    attributions: list[Attribution] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    provenance: list[Provenance] = field(default_factory=list)
    summary: Summary = field(default_factory=Summary)
    article: ArticleMeta = field(default_factory=ArticleMeta)
    # Last in the JSON form, so that a reader sees the findings before the (long) text.
    text: str = field(kw_only=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form (tuples become lists), keys in the documented order."""
        data: dict[str, Any] = adapter(Analysis).dump_python(self, mode="json")
        return data

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """Rebuild an analysis from its JSON form (for stores, caches and the web page)."""
        return from_data(Analysis, data)


_ADAPTERS: dict[type, TypeAdapter[Any]] = {}


def adapter(cls: type[T]) -> TypeAdapter[T]:
    """The pydantic adapter of a model class (built once: building one costs milliseconds)."""
    built = _ADAPTERS.get(cls)
    if built is None:
        built = _ADAPTERS[cls] = TypeAdapter(cls)
    return built


def from_data(cls: type[T], data: Any) -> T:
    """A model object from plain data (JSON, or msgpack's lists-as-tuples), checked against its type hints."""
    return adapter(cls).validate_python(data)


def to_data(value: Any) -> Any:
    """Plain JSON-ready data of a model object (tuples become lists)."""
    return adapter(type(value)).dump_python(value, mode="json")
