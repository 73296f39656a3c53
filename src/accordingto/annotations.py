"""Where each pipeline stage leaves its results on a spaCy ``Doc``, and how an ``Analysis`` is read back.

Role spans live in ``doc.spans`` (one span group per role, each span's ``id_`` naming its attribution), so they
survive ``DocBin``, ``n_process`` and cluster workers. Everything else a stage adds (attribution type, stance,
time, sources, provenance) is plain data of character offsets in ``doc.user_data["accordingto"]``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Literal

from spacy.tokens import Doc, Span

from .model import (
    Analysis,
    ArticleMeta,
    Attribution,
    Provenance,
    Ranges,
    Source,
    Summary,
    TimeAnchor,
)

QUOTES_KEY = "accordingto_quotes"
ROLE_KEYS = {
    "source": "accordingto_source",
    "cue": "accordingto_cue",
    "content": "accordingto_content",
}
Role = Literal["source", "cue", "content"]
USER_DATA_KEY = "accordingto"


def article_info(doc: Doc) -> dict[str, Any]:
    """The document-level record stages read and write (published date, sources, provenance...)."""
    info: dict[str, Any] = doc.user_data.setdefault(USER_DATA_KEY, {})
    info.setdefault("attributions", {})
    return info


def attribution_info(doc: Doc, attribution_id: str) -> dict[str, Any]:
    """The per-attribution record (type, source_id, parent, stance, time)."""
    info: dict[str, Any] = article_info(doc)["attributions"].setdefault(attribution_id, {})
    return info


def add_attribution(
    doc: Doc,
    *,
    cue: list[Span],
    content: list[Span],
    source: list[Span],
    type: str,
) -> str:
    """Record one attribution's role spans; returns its id (``a1``, ``a2``... in order of addition)."""
    records = article_info(doc)["attributions"]
    attribution_id = f"a{len(records) + 1}"
    for role, spans in (("cue", cue), ("content", content), ("source", source)):
        group = doc.spans.setdefault(ROLE_KEYS[role], [])
        for span in spans:
            tagged = Span(doc, span.start, span.end, label=role.upper(), span_id=attribution_id)
            group.append(tagged)
    attribution_info(doc, attribution_id)["type"] = type
    return attribution_id


def attribution_ids(doc: Doc) -> list[str]:
    """Attribution ids in the order they were added (reading order)."""
    return list(article_info(doc)["attributions"])


def renumber_attributions(doc: Doc) -> dict[str, str]:
    """Renumber attributions ``a1``, ``a2``... in reading order of their cues; returns ``{old id: new id}``.

    A stage that adds attributions after the extractor (``find.nested``) appends them with the next free ids;
    renumbering keeps ids in reading order for everything downstream. Role span ids, the per-attribution
    records and their ``parent`` links are rewritten; ids kept anywhere else (sources, provenance) are not, so
    this must run before the stages that write those. An attribution without a cue is placed by its first
    role span.
    """
    info = article_info(doc)
    records: dict[str, dict[str, Any]] = info["attributions"]
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
    renamed = {}
    for old in order:
        record = records[old]
        if record.get("parent") is not None:
            record["parent"] = mapping.get(record["parent"], record["parent"])
        renamed[mapping[old]] = record
    info["attributions"] = renamed
    return mapping


def role_spans(doc: Doc) -> dict[str, dict[str, list[Span]]]:
    """``{attribution_id: {role: [spans in text order]}}`` for every attribution on the doc."""
    by_id: dict[str, dict[str, list[Span]]] = defaultdict(lambda: {role: [] for role in ROLE_KEYS})
    for role, key in ROLE_KEYS.items():
        for span in doc.spans.get(key, []):
            by_id[span.id_][role].append(span)
    for roles in by_id.values():
        for spans in roles.values():
            spans.sort(key=lambda span: span.start)
    return by_id


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
    """Read every stage's results off the doc into the public data model."""
    text = doc.text
    info = article_info(doc)
    spans_by_id = role_spans(doc)
    attributions = []
    for attribution_id, record in info["attributions"].items():
        roles = spans_by_id[attribution_id]
        source = span_ranges(roles["source"])
        cue = span_ranges(roles["cue"])
        content = span_ranges(roles["content"])
        time = record.get("time")
        attributions.append(
            Attribution.from_ranges(
                text,
                id=attribution_id,
                type=record.get("type", "indirect"),
                source=source,
                cue=cue,
                content=content,
                source_id=record.get("source_id"),
                parent=record.get("parent"),
                cue_class=record.get("cue_class"),
                denial=bool(record.get("denial", False)),
                hedged=bool(record.get("hedged", False)),
                negated=bool(record.get("negated", False)),
                time=TimeAnchor(**time) if time else None,
                confidence=float(record.get("confidence", 1.0)),
            )
        )
    return Analysis(
        text=text,
        attributions=attributions,
        sources=[_source(s) for s in info.get("sources", [])],
        provenance=[_provenance(p) for p in info.get("provenance", [])],
        summary=Summary(**_lists(info["summary"])) if "summary" in info else Summary(attributions=len(attributions)),
        article=ArticleMeta(**info.get("article", {})),
    )


def _source(data: dict[str, Any]) -> Source:
    return Source(
        **{
            **_lists(data),
            "mentions": [[(int(s), int(e)) for s, e in mention] for mention in data.get("mentions", [])],
        }
    )


def _provenance(data: dict[str, Any]) -> Provenance:
    return Provenance(**{**_lists(data), "spans": [(int(s), int(e)) for s, e in data["spans"]]})


def _lists(value: Any) -> Any:
    """Plain data with tuples turned back into lists: ``DocBin``'s msgpack round trip returns lists as tuples."""
    if isinstance(value, dict):
        return {key: _lists(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_lists(item) for item in value]
    return value
