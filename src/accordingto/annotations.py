"""Where each pipeline stage leaves its results on a spaCy ``Doc``, and how an ``Analysis`` is read back.

Role spans live in ``doc.spans`` (one span group per role, each span's ``id_`` naming its attribution) and
quotations in ``doc.spans[QUOTES_KEY]``. Everything else a stage adds is a typed record (``records``), one
``DocField`` per stage output: ``ATTRIBUTIONS`` (the finders), ``ENTITIES`` (speakers), ``SOURCES`` (source
profiles), ``PARENTS`` (nesting), ``PROVENANCE``, ``STANCE``, ``TIMES`` and ``SUMMARY``. A field is also a spaCy
extension attribute (``doc._.accordingto_sources``...), which the components declare in their ``assigns`` and
``requires`` so that ``nlp.analyze_pipes()`` shows how data flows. On the doc the records are plain data in
``doc.user_data["accordingto"]``, so they survive ``DocBin``, ``n_process`` and cluster workers.

A stage that needs an earlier stage's output reads it with ``FIELD.require(doc)``, which raises
``MissingStageError`` naming the missing component; no stage re-runs another.

Views several stages read (the text, sentence units, role spans by attribution, cue clauses) are computed once
per document (``doc_text``, ``doc_units``, ``role_spans``, ``doc_cue_clauses``) and kept beside the doc, never on
it: they are derived data, dropped with the doc and rebuilt after deserialization.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar, cast, get_args

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, IDX, IS_PUNCT, IS_SPACE, LEMMA, LENGTH, LOWER, MORPH, POS, TAG
from spacy.strings import StringStore
from spacy.tokens import Doc, MorphAnalysis, Span

from .clauses import Units, cue_clauses
from .errors import MissingStageError
from .model import Analysis, ArticleMeta, Attribution, AttributionType, Provenance, Ranges, Summary, TimeAnchor
from .records import AttributionRecord, EntityRecord, SourceRecords, StanceRecord, from_plain, to_plain

QUOTES_KEY = "accordingto_quotes"
ROLE_KEYS = {
    "source": "accordingto_source",
    "cue": "accordingto_cue",
    "content": "accordingto_content",
}
Role = Literal["source", "cue", "content"]
USER_DATA_KEY = "accordingto"
EXTENSION_PREFIX = "accordingto_"

T = TypeVar("T")
V = TypeVar("V")


def article_info(doc: Doc) -> dict[str, Any]:
    """The plain data behind the fields, ``doc.user_data["accordingto"]``: for code at the edge that keeps its
    own bookkeeping on a doc (the batch runner's article key). Stages use the typed fields instead."""
    info: dict[str, Any] = doc.user_data.setdefault(USER_DATA_KEY, {})
    return info


class DocField(Generic[T]):
    """One stage's output on a doc: typed in Python, plain data in ``doc.user_data``, and the spaCy extension
    attribute ``doc._.accordingto_<key>``.

    ``get`` returns a fresh copy (``None`` when the stage has not run): change it and ``set`` it to store it.
    """

    def __init__(self, key: str, shape: Any, stage: str) -> None:
        self.key = key
        self.shape = shape
        self.stage = stage  # the factory of the component that writes it (named in MissingStageError)
        self.extension = EXTENSION_PREFIX + key
        Doc.set_extension(self.extension, getter=self.get, setter=self.set, force=True)

    @property
    def attr(self) -> str:
        """The attribute as spaCy's ``assigns``/``requires`` name it."""
        return f"doc._.{self.extension}"

    def get(self, doc: Doc) -> T | None:
        return cast("T | None", from_plain(self.shape, article_info(doc).get(self.key)))

    def require(self, doc: Doc) -> T:
        """The stage's output; ``MissingStageError`` when the stage has not run on this doc."""
        value = self.get(doc)
        if value is None:
            raise MissingStageError(self.stage)
        return value

    def set(self, doc: Doc, value: T) -> None:
        article_info(doc)[self.key] = to_plain(self.shape, value)
        _forget_views(doc, self.key)


class KeyedDocField(DocField[dict[str, V]]):
    """A field holding one record per attribution id, in reading order; ``put`` adds one without reading the
    others back (adding n attributions stays linear)."""

    def put(self, doc: Doc, key: str, value: V) -> None:
        article_info(doc).setdefault(self.key, {})[key] = to_plain(get_args(self.shape)[1], value)
        _forget_views(doc, self.key)

    def start(self, doc: Doc) -> None:
        """Record that the stage ran, before it adds anything (a doc where it found nothing has an empty
        field, not a missing one)."""
        article_info(doc).setdefault(self.key, {})

    def keys(self, doc: Doc) -> list[str]:
        return list(article_info(doc).get(self.key) or {})


ARTICLE: DocField[ArticleMeta] = DocField("article", ArticleMeta, "the caller (accordingto.analyze_many)")
ATTRIBUTIONS: KeyedDocField[AttributionRecord] = KeyedDocField(
    "attributions", dict[str, AttributionRecord], "accordingto_attributions"
)
ENTITIES: DocField[list[EntityRecord]] = DocField("entities", list[EntityRecord], "accordingto_speakers")
SOURCES: DocField[SourceRecords] = DocField("sources", SourceRecords, "accordingto_sources")
PARENTS: KeyedDocField[str | None] = KeyedDocField("parents", dict[str, str | None], "accordingto_nesting")
PROVENANCE: DocField[list[Provenance]] = DocField("provenance", list[Provenance], "accordingto_provenance")
STANCE: KeyedDocField[StanceRecord] = KeyedDocField("stance", dict[str, StanceRecord], "accordingto_stance")
TIMES: KeyedDocField[TimeAnchor | None] = KeyedDocField("time", dict[str, TimeAnchor | None], "accordingto_time")
SUMMARY: DocField[Summary] = DocField("summary", Summary, "accordingto_summary")
ERROR: DocField[str] = DocField("error", str, "the error handler")


# ------------------------------------------------------------------ per-document views, computed once


@dataclass(frozen=True)
class TokenArrays:
    """The token attributes that are read for many words at once (``TokenCodes.arrays``), as numpy arrays: hashes
    as ``uint64``, the way ``Doc.to_array`` gives them."""

    lower: np.ndarray
    pos: np.ndarray  # universal part-of-speech ids (``spacy.symbols``)
    tag: np.ndarray
    dep: np.ndarray
    lemma: np.ndarray
    ent_type: np.ndarray
    governor: np.ndarray  # int64: the head's absolute index
    idx: np.ndarray  # int64: character offsets
    paragraph_breaks: np.ndarray  # a white-space token holding a line break


@dataclass(frozen=True)
class TokenCodes:
    """Each token's parse as plain integers (spaCy's ids and string hashes), one list per attribute, read once per
    document: reading a span's words this way builds no ``Token`` objects, which cost more than the look-ups
    themselves. Lists, because indexing one is several times faster than a numpy array and gives Python ints;
    what is read for many words at once is also kept as arrays (``arrays``)."""

    governor: list[int]  # the head's absolute index (a root is its own head)
    pos: list[int]  # universal part-of-speech ids (``spacy.symbols``)
    dep: list[int]
    tag: list[int]
    ent_type: list[int]  # 0 outside entities
    lower: list[int]
    lemma: list[int]
    idx: list[int]  # character offsets
    length: list[int]  # characters
    punct: list[bool]  # ``Token.is_punct``
    space: list[bool]  # ``Token.is_space``
    plural: list[bool]  # the morphology says Number=Plur
    breaks: list[bool]  # a line break in the token
    newline_tokens: list[int]  # the tokens whose own text holds a line break, ascending
    left_edge: list[int]  # ``Token.left_edge.i``: the first word of its subtree
    right_edge: list[int]  # ``Token.right_edge.i``: the last
    entity_start: list[int]  # ``clauses.entity_span``'s bounds of the entity holding the token; -1 outside one
    entity_end: list[int]
    arrays: TokenArrays
    text: str  # the doc's text, which the offsets index
    strings: StringStore
    _lowered: dict[int, str] = field(default_factory=dict)
    # The learned kind of each proper name read (``resolve.name_kinds``), by its token bounds: the rules and the
    # learned resolver read many spans that hold the same name.
    name_classes: dict[tuple[int, int], tuple[str, float]] = field(default_factory=dict)
    # Each span read as a mention (``resolve.mentions.analyze_mention``), by its token bounds: the speakers stage
    # reads the same spans as sources, names and markables, and the sources' profiles read the source spans again;
    # the reading depends on these codes only, so it is kept with them and made once per document. (Typed ``Any``:
    # a shared module imports no stage; the values are ``resolve.mentions.Mention | None``.)
    mentions: dict[tuple[int, int], Any] = field(default_factory=dict)

    def word(self, i: int) -> str:
        """Token ``i`` as written (``Token.text``)."""
        return self.text[self.idx[i] : self.idx[i] + self.length[i]]

    def span_text(self, start: int, end: int) -> str:
        """The words ``start:end`` with the white space between them (``Span.text``)."""
        return self.text[self.idx[start] : self.idx[end - 1] + self.length[end - 1]] if end > start else ""

    def string(self, key: int) -> str:
        """The string a hash stands for (an entity label, a lower-cased word)."""
        return self.strings[key] if key else ""

    def lemma_text(self, i: int) -> str:
        """Token ``i``'s lemma in lower case (each distinct lemma looked up in the string store once)."""
        key = self.lemma[i]
        text = self._lowered.get(key)
        if text is None:
            text = self._lowered[key] = self.strings[key].lower()
        return text

    def lefts(self, i: int) -> list[int]:
        """The words token ``i`` governs on its left (``Token.lefts``: searched for between its left edge and it,
        as spaCy does; no list of children is kept per token, which would be thousands of objects per document
        for the garbage collector to walk)."""
        governor = self.governor
        return [j for j in range(self.left_edge[i], i) if governor[j] == i]

    def rights(self, i: int) -> list[int]:
        """The words token ``i`` governs on its right (``Token.rights``)."""
        governor = self.governor
        return [j for j in range(i + 1, self.right_edge[i] + 1) if governor[j] == i]

    def children(self, i: int) -> list[int]:
        """The words token ``i`` governs, in text order (``Token.children``)."""
        return self.lefts(i) + self.rights(i)


@dataclass
class _Views:
    """What several stages read off one doc. Only plain values (no ``Span``/``Token``, which would keep the doc
    alive from this cache)."""

    text: str | None = None
    heads: np.ndarray | None = None
    punct: np.ndarray | None = None
    codes: TokenCodes | None = None
    units: Units | None = None
    roles: dict[str, dict[str, list[tuple[int, int]]]] | None = None
    clauses: dict[str, list[int]] | None = None


_VIEWS: weakref.WeakKeyDictionary[Doc, _Views] = weakref.WeakKeyDictionary()
# Which views go stale when a field changes: role spans and cue clauses follow the attributions; cue clauses
# also follow the nesting (a statement's words belong to its ancestors' cue clauses).
_DEPENDENT_VIEWS = {"attributions": ("roles", "clauses"), "parents": ("clauses",)}


def _views(doc: Doc) -> _Views:
    views = _VIEWS.get(doc)
    if views is None:
        views = _VIEWS[doc] = _Views()
    return views


def _forget_views(doc: Doc, key: str) -> None:
    views = _VIEWS.get(doc)
    if views is not None:
        for name in _DEPENDENT_VIEWS.get(key, ()):
            setattr(views, name, None)


def doc_text(doc: Doc) -> str:
    """``doc.text``, which spaCy rebuilds from the tokens on every access, built once."""
    views = _views(doc)
    if views.text is None:
        views.text = doc.text
    return views.text


def doc_heads(doc: Doc) -> np.ndarray:
    """Each token's head as an absolute token index (a root is its own head), read once from spaCy's arrays."""
    views = _views(doc)
    if views.heads is None:
        relative = doc.to_array("HEAD").view(np.int64) if len(doc) else np.zeros(0, dtype=np.int64)
        views.heads = relative + np.arange(len(doc), dtype=np.int64)
    return views.heads


def doc_token_codes(doc: Doc) -> TokenCodes:
    """The parse of every token as integers (``TokenCodes``), read once from spaCy's arrays."""
    views = _views(doc)
    if views.codes is None:
        views.codes = _read_token_codes(doc)
    return views.codes


_CODE_ATTRS = (POS, DEP, TAG, ENT_TYPE, ENT_IOB, LOWER, LEMMA, IDX, LENGTH, IS_PUNCT, IS_SPACE, MORPH)
_INSIDE, _BEGIN = 1, 3  # ``ENT_IOB`` codes: "I", "B"


def _read_token_codes(doc: Doc) -> TokenCodes:
    n = len(doc)
    table = doc.to_array(list(_CODE_ATTRS)).reshape(n, len(_CODE_ATTRS))
    pos, dep, tag, ent_type, iob, lower, lemma, idx, length, punct, space, morph = table.T
    governor = doc_heads(doc)
    text = doc_text(doc)
    idx, length = idx.astype(np.int64), length.astype(np.int64)
    # Each line break is written inside a token: spaCy's trailing white space is never more than one " ", so a
    # "\n" is a token of its own or part of one.
    newlines = np.asarray([match.start() for match in re.finditer("\n", text)], dtype=np.int64)
    in_text = np.zeros(n, dtype=bool)
    in_text[np.searchsorted(idx, newlines, side="right") - 1] = True
    governors = governor.tolist()
    left, right = _edges(governor, governors)
    # An entity runs from its "B" through the "I"s after it (``clauses.entity_span``, for every token at once).
    positions = np.arange(n, dtype=np.int64)
    opens = iob != _INSIDE
    entity_start = np.maximum.accumulate(np.where(opens, positions, 0))
    entity_end = np.append(np.minimum.accumulate(np.where(opens, positions, n)[::-1])[::-1][1:], n)[:n]
    inside = (iob == _INSIDE) | (iob == _BEGIN)
    morphs, which = np.unique(morph, return_inverse=True)
    plural = np.asarray(
        ["Plur" in MorphAnalysis.from_id(doc.vocab, int(key)).get("Number", []) for key in morphs.tolist()],
        dtype=bool,
    )[which.reshape(-1)]
    return TokenCodes(
        governor=governors,
        pos=pos.tolist(),
        dep=dep.tolist(),
        tag=tag.tolist(),
        ent_type=ent_type.tolist(),
        lower=lower.tolist(),
        lemma=lemma.tolist(),
        idx=idx.tolist(),
        length=length.tolist(),
        punct=punct.astype(bool).tolist(),
        space=space.astype(bool).tolist(),
        plural=plural.tolist(),
        breaks=in_text.tolist(),
        newline_tokens=np.flatnonzero(in_text).tolist(),
        left_edge=left,
        right_edge=right,
        entity_start=np.where(inside, entity_start, -1).tolist(),
        entity_end=np.where(inside, entity_end, -1).tolist(),
        arrays=TokenArrays(
            lower=lower,
            pos=pos,
            tag=tag,
            dep=dep,
            lemma=lemma,
            ent_type=ent_type,
            governor=governor,
            idx=idx,
            paragraph_breaks=in_text & space.astype(bool),
        ),
        text=text,
        strings=doc.vocab.strings,
    )


def _edges(governor: np.ndarray, governors: list[int]) -> tuple[list[int], list[int]]:
    """Every token's ``left_edge`` and ``right_edge`` as spaCy sets them (``set_children_from_heads``), whose
    ``lefts``, ``rights`` and ``subtree`` start from them: one pass forwards and one backwards over the tokens,
    each handing its head its edges as they stand, repeated only while a head lies outside its sentence. In a
    non-projective parse (four in ten PolNeAR dev articles have one) that is not always the extremes of the subtree, so
    the passes are followed as spaCy runs them rather than taken to a fixed point."""
    n = len(governors)
    left, right = list(range(n)), list(range(n))
    for _ in range(12):  # spaCy's limit on passes
        for i, head in enumerate(governors):
            if left[i] < left[head]:
                left[head] = left[i]
            if right[i] > right[head]:
                right[head] = right[i]
        for i in range(n - 1, -1, -1):
            head = governors[i]
            if right[i] > right[head]:
                right[head] = right[i]
            if left[i] < left[head]:
                left[head] = left[i]
        if _heads_within_sentences(governor, left):
            break
    return left, right


def _heads_within_sentences(governor: np.ndarray, left: list[int]) -> bool:
    """spaCy's test for another pass: the sentences start at the roots' left edges, and every token but the last
    must have its head within its sentence or on the first token of the next one."""
    n = len(governor)
    if n < 2:
        return True
    starts = np.asarray(left)[governor == np.arange(n)]
    bounds = np.union1d(starts[starts > 0], [n - 1])
    tokens = np.arange(n - 1)
    after = np.searchsorted(bounds, tokens, side="right")  # the first bound after each token
    low = np.where(after > 0, bounds[np.maximum(after - 1, 0)], 0)
    heads = governor[: n - 1]
    return bool(np.all((low <= heads) & (heads <= bounds[after])))


def string_ids(doc: Doc, words: Iterable[str]) -> np.ndarray:
    """The ids the doc's token arrays (``Doc.to_array``: ORTH, LOWER, LEMMA, TAG...) hold for these strings, to
    test every token against a word list at once (a string's hash, or the symbol's id for spaCy's own names)."""
    return np.array([doc.vocab.strings[word] for word in words], dtype=np.uint64)


def doc_punct(doc: Doc) -> np.ndarray:
    """Whether each token is punctuation (``token.is_punct``), read once from spaCy's arrays."""
    views = _views(doc)
    if views.punct is None:
        views.punct = doc.to_array("IS_PUNCT").astype(bool) if len(doc) else np.zeros(0, dtype=bool)
    return views.punct


def doc_units(doc: Doc) -> Units:
    """The doc's sentence units (``clauses.Units``), computed once."""
    views = _views(doc)
    if views.units is None:
        views.units = Units.of(doc)
    return views.units


def role_spans(doc: Doc) -> dict[str, dict[str, list[Span]]]:
    """``{attribution_id: {role: [spans in text order]}}`` for every attribution, in the order ``doc.spans``
    holds them (an attribution recorded without any span comes last, with empty roles). A new dict of new spans
    on every call: callers may change it."""
    views = _views(doc)
    if views.roles is None:
        roles: dict[str, dict[str, list[tuple[int, int]]]] = {}
        for role, key in ROLE_KEYS.items():
            for span in doc.spans.get(key, []):
                roles.setdefault(span.id_, {name: [] for name in ROLE_KEYS})[role].append((span.start, span.end))
        for by_role in roles.values():
            for bounds in by_role.values():
                bounds.sort(key=lambda bound: bound[0])
        for aid in ATTRIBUTIONS.keys(doc):
            roles.setdefault(aid, {name: [] for name in ROLE_KEYS})
        views.roles = roles
    # Span(...) rather than doc[start:end]: three times cheaper, and this runs for every span of every stage.
    return {
        aid: {role: [Span(doc, start, end) for start, end in bounds] for role, bounds in by_role.items()}
        for aid, by_role in views.roles.items()
    }


def doc_cue_clauses(doc: Doc) -> dict[str, list[int]]:
    """``clauses.cue_clauses`` of every attribution (needs the nesting), computed once per state of the doc."""
    views = _views(doc)
    if views.clauses is None:
        parents = PARENTS.require(doc)
        views.clauses = cue_clauses(doc, role_spans(doc), parents, doc_units(doc))
    return dict(views.clauses)


def quote_spans(doc: Doc) -> list[Span]:
    """The quotations the quotes stage marked (in text order); ``MissingStageError`` if it has not run."""
    if QUOTES_KEY not in doc.spans:
        raise MissingStageError("accordingto_quotes")
    return list(doc.spans[QUOTES_KEY])


# ------------------------------------------------------------------ attributions


def add_attribution(
    doc: Doc,
    *,
    cue: list[Span],
    content: list[Span],
    source: list[Span],
    type: AttributionType,
    confidence: float = 1.0,
) -> str:
    """Record one attribution's role spans and how likely it is right (1.0: placed by hand); returns its id
    (``a1``, ``a2``... in order of addition)."""
    attribution_id = f"a{len(ATTRIBUTIONS.keys(doc)) + 1}"
    for role, spans in (("cue", cue), ("content", content), ("source", source)):
        group = doc.spans.setdefault(ROLE_KEYS[role], [])
        for span in spans:
            group.append(Span(doc, span.start, span.end, label=role.upper(), span_id=attribution_id))
    ATTRIBUTIONS.put(doc, attribution_id, AttributionRecord(type=type, confidence=confidence))
    return attribution_id


def attribution_ids(doc: Doc) -> list[str]:
    """Attribution ids in the order they were added (reading order)."""
    return ATTRIBUTIONS.keys(doc)


def renumber_attributions(doc: Doc) -> dict[str, str]:
    """Renumber attributions ``a1``, ``a2``... in reading order of their cues; returns ``{old id: new id}``.

    A stage that adds attributions after the extractor (``find.nested``) appends them with the next free ids;
    renumbering keeps ids in reading order for everything downstream. Role span ids, the attribution records
    and, when the nesting has run, the parent links are rewritten; ids kept anywhere else (sources, provenance)
    are not, so this must run before the stages that write those. An attribution without a cue is placed by
    its first role span.
    """
    records = ATTRIBUTIONS.require(doc)
    spans = role_spans(doc)

    def position(aid: str) -> int:
        roles = spans.get(aid)
        if roles is None:
            return len(doc)
        placed = roles["cue"] or roles["source"] + roles["content"]
        return min((span.start for span in placed), default=len(doc))

    order = sorted(records, key=position)  # stable: ties keep the order of addition
    mapping = {old: f"a{n}" for n, old in enumerate(order, start=1)}
    for key in ROLE_KEYS.values():
        if key in doc.spans:
            doc.spans[key] = [
                Span(doc, span.start, span.end, label=span.label_, span_id=mapping.get(span.id_, span.id_))
                for span in doc.spans[key]
            ]
    ATTRIBUTIONS.set(doc, {mapping[old]: records[old] for old in order})
    parents = PARENTS.get(doc)
    if parents is not None:
        PARENTS.set(
            doc,
            {
                mapping.get(old, old): mapping.get(parent, parent) if parent is not None else None
                for old, parent in sorted(parents.items(), key=lambda item: position(item[0]))
            },
        )
    return mapping


def span_ranges(spans: list[Span]) -> Ranges:
    """Character ranges of spans, adjacent or overlapping ones merged."""
    ranges: Ranges = []
    for span in sorted(spans, key=lambda s: s.start_char):
        if ranges and span.start_char <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(ranges[-1][1], span.end_char))
        else:
            ranges.append((span.start_char, span.end_char))
    return ranges


def analysis_from_doc(doc: Doc) -> Analysis:
    """Read every stage's results off the doc into the public data model (a stage that has not run adds
    nothing)."""
    text = doc_text(doc)
    spans_by_id = role_spans(doc)
    sources = SOURCES.get(doc) or SourceRecords()
    parents = PARENTS.get(doc) or {}
    stances = STANCE.get(doc) or {}
    times = TIMES.get(doc) or {}
    speaker_confidence = {
        attribution_id: value
        for entity in ENTITIES.get(doc) or []
        for attribution_id, value in entity.speaker_confidence.items()
    }
    attributions = []
    for attribution_id, record in (ATTRIBUTIONS.get(doc) or {}).items():
        roles = spans_by_id[attribution_id]
        stance = stances.get(attribution_id)
        attributions.append(
            Attribution.from_ranges(
                text,
                id=attribution_id,
                type=record.type,
                source=span_ranges(roles["source"]),
                cue=span_ranges(roles["cue"]),
                content=span_ranges(roles["content"]),
                source_id=sources.by_attribution.get(attribution_id),
                parent=parents.get(attribution_id),
                cue_class=stance.cue_class if stance else None,
                denial=stance.denial if stance else False,
                hedged=stance.hedged if stance else False,
                hypothetical=stance.hypothetical if stance else False,
                negated=stance.negated if stance else False,
                time=times.get(attribution_id),
                confidence=record.confidence,
                speaker_confidence=speaker_confidence.get(attribution_id) if roles["source"] else None,
            )
        )
    return Analysis(
        text=text,
        attributions=attributions,
        sources=sources.sources,
        provenance=PROVENANCE.get(doc) or [],
        summary=SUMMARY.get(doc) or Summary(attributions=len(attributions)),
        article=ARTICLE.get(doc) or ArticleMeta(),
    )
