"""accordingto: who said it, according to whom, how and when — attribution extraction for news.

>>> import accordingto
>>> analysis = accordingto.analyze(text, published="2023-12-23")
>>> for attribution in analysis.attributions:
...     print(attribution.source_text, attribution.cue_text, attribution.content_text)
"""

from .analyze import analyze, analyze_many
from .annotations import analysis_from_doc
from .errors import AccordingtoError, AnalysisFailedError, InputError, ModelError, StoreError
from .model import Analysis, Article, ArticleMeta, Attribution, Provenance, Source, Summary, TimeAnchor
from .outcome import Failure, Outcome
from .parse import load_pipeline

__version__ = "0.1.0"

__all__ = [
    "AccordingtoError",
    "Analysis",
    "AnalysisFailedError",
    "Article",
    "ArticleMeta",
    "Attribution",
    "Failure",
    "InputError",
    "ModelError",
    "Outcome",
    "Provenance",
    "Source",
    "StoreError",
    "Summary",
    "TimeAnchor",
    "analysis_from_doc",
    "analyze",
    "analyze_many",
    "load_pipeline",
]
