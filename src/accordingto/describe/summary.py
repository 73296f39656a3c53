"""The summary a reader wants first: how much is attributed, to what kinds of sources, how much anonymously.

Runs last, over what earlier stages left on the doc (``annotations.ATTRIBUTIONS``, ``SOURCES`` and
``PROVENANCE``), and writes ``annotations.SUMMARY``, a ``model.Summary``.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from ..annotations import ATTRIBUTIONS, PROVENANCE, SOURCES, SUMMARY
from ..model import Provenance, Summary
from ..pipes import AnnotatingPipe, component_factory
from ..records import AttributionRecord, SourceRecords


def summarize(
    attributions: dict[str, AttributionRecord], sources: SourceRecords, provenance: list[Provenance]
) -> Summary:
    """The summary of one article's attributions, sources and upstream reports.

    ``anonymous_share`` is over attributions that have a source (an attribution without one is neither named
    nor anonymous); it is null when none has. Source counts only include sources of at least one attribution,
    not people merely pointed at by a role ("Putin" in "Putin's spokesman").
    """
    by_id = {source.id: source for source in sources.sources}
    by_type = Counter(record.type for record in attributions.values())
    cited = [
        by_id[source_id]
        for aid in attributions
        if (source_id := sources.by_attribution.get(aid)) is not None and source_id in by_id
    ]
    by_kind = Counter(source.kind for source in cited)
    speaking = {source.id: source for source in cited}.values()
    upstream: list[str] = []
    for report in provenance:
        if report.name not in upstream:
            upstream.append(report.name)
    return Summary(
        attributions=len(attributions),
        by_type=dict(sorted(by_type.items())),
        by_source_kind=dict(sorted(by_kind.items())),
        anonymous_share=round(sum(not source.named for source in cited) / len(cited), 4) if cited else None,
        named_sources=sum(source.named for source in speaking),
        anonymous_sources=sum(not source.named for source in speaking),
        upstream=upstream,
    )


class SummaryPipe(AnnotatingPipe[Summary]):
    """Write ``annotations.SUMMARY`` from everything the earlier stages found."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def predict(self, doc: Doc) -> Summary:
        return summarize(ATTRIBUTIONS.require(doc), SOURCES.require(doc), PROVENANCE.require(doc))

    def set_annotations(self, doc: Doc, prediction: Summary) -> None:
        SUMMARY.set(doc, prediction)


@component_factory(
    "accordingto_summary",
    assigns=[SUMMARY.attr],
    requires=[ATTRIBUTIONS.attr, SOURCES.attr, PROVENANCE.attr],
)
def make_summary(nlp: Language, name: str) -> SummaryPipe:
    return SummaryPipe(nlp, name)
