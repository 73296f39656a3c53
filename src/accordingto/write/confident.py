"""An analysis with its less likely attributions left out (``accordingto analyze --min-confidence`` and
``--min-speaker-confidence``).

``Attribution.confidence`` is the model's calibrated probability that an attribution is right (of those given 0.8,
about 80% match an annotator's on held-out PolNeAR). A reader who would rather miss a statement than be told one
that is not there asks for a floor; everything that counts or points at attributions follows what is kept, so
the output is the analysis the reader would have got had the others never been found.

``Attribution.speaker_confidence`` is the calibrated probability that the source shown is who the article means;
a floor on it leaves out the attributions whose speaker is a guess ("he said" among two men), and those with no
source at all (nothing to be sure of), as the store's ``min_speaker_confidence`` filter does.
"""

from __future__ import annotations

import dataclasses

from ..describe.summary import summarize
from ..model import Analysis
from ..records import AttributionRecord, SourceRecords


def leave_out_unlikely(
    analysis: Analysis, min_confidence: float | None = None, min_speaker_confidence: float | None = None
) -> Analysis:
    """``analysis`` without the attributions whose confidence is under ``min_confidence``, or whose speaker
    confidence is under ``min_speaker_confidence`` or unknown (0 to 1; None: no floor).

    A kept attribution nested in one left out keeps its place in the text but loses its ``parent``; an upstream
    report (provenance) keeps only the kept attributions it credits, and goes when all it credited went; the
    summary is counted again over what is kept. Sources stay (a source is also who a role points at).
    """
    kept = [
        item
        for item in analysis.attributions
        if (min_confidence is None or item.confidence >= min_confidence)
        and (
            min_speaker_confidence is None
            or (item.speaker_confidence is not None and item.speaker_confidence >= min_speaker_confidence)
        )
    ]
    if len(kept) == len(analysis.attributions):
        return analysis
    ids = {item.id for item in kept}
    attributions = [
        item if item.parent is None or item.parent in ids else dataclasses.replace(item, parent=None) for item in kept
    ]
    provenance = [
        dataclasses.replace(report, attribution_ids=[aid for aid in report.attribution_ids if aid in ids])
        for report in analysis.provenance
        if not report.attribution_ids or any(aid in ids for aid in report.attribution_ids)
    ]
    summary = summarize(
        {item.id: AttributionRecord(type=item.type, confidence=item.confidence) for item in attributions},
        SourceRecords(
            sources=analysis.sources,
            by_attribution={item.id: item.source_id for item in attributions if item.source_id is not None},
        ),
        provenance,
    )
    return dataclasses.replace(analysis, attributions=attributions, provenance=provenance, summary=summary)


__all__ = ["leave_out_unlikely"]
