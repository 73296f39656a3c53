"""The summary a reader wants first: how much is attributed, to what kinds of sources, how much anonymously.

Runs last, over what earlier stages left on the doc (attribution types, ``sources`` and the attributions'
``source_id``, ``provenance``), and writes ``article_info(doc)["summary"]`` shaped like ``model.Summary``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..annotations import article_info
from ..pipes import AnnotatingPipe


def summarize(info: dict[str, Any]) -> dict[str, Any]:
    """The summary of one article's record (``article_info(doc)``), as a plain dict.

    ``anonymous_share`` is over attributions that have a source (an attribution without one is neither named
    nor anonymous); it is null when none has. Source counts only include sources of at least one attribution,
    not people merely pointed at by a role ("Putin" in "Putin's spokesman").
    """
    records: dict[str, dict[str, Any]] = info.get("attributions", {})
    sources = {source["id"]: source for source in info.get("sources", [])}
    by_type = Counter(record.get("type", "indirect") for record in records.values())
    cited = [sources[r["source_id"]] for r in records.values() if r.get("source_id") in sources]
    by_kind = Counter(source["kind"] for source in cited)
    speaking = {source["id"]: source for source in cited}.values()
    upstream: list[str] = []
    for provenance in info.get("provenance", []):
        if provenance["name"] not in upstream:
            upstream.append(provenance["name"])
    return {
        "attributions": len(records),
        "by_type": dict(sorted(by_type.items())),
        "by_source_kind": dict(sorted(by_kind.items())),
        "anonymous_share": (round(sum(not source["named"] for source in cited) / len(cited), 4) if cited else None),
        "named_sources": sum(source["named"] for source in speaking),
        "anonymous_sources": sum(not source["named"] for source in speaking),
        "upstream": upstream,
    }


class SummaryPipe(AnnotatingPipe):
    """Write ``article_info(doc)["summary"]`` from everything the earlier stages found."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def predict(self, doc: Doc) -> dict[str, Any]:  # type: ignore[override]
        return summarize(article_info(doc))

    def set_annotations(self, doc: Doc, prediction: dict[str, Any]) -> None:  # type: ignore[override]
        article_info(doc)["summary"] = prediction


@Language.factory("accordingto_summary", default_config={})
def make_summary(nlp: Language, name: str) -> SummaryPipe:
    return SummaryPipe(nlp, name)
