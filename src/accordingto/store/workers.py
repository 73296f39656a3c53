"""What a worker process of ``accordingto run --jobs N`` does: analyse batches of articles, return plain data.

This module is imported by name in each worker (spawn/forkserver start a fresh interpreter), so the pipeline
is loaded once per worker through ``load_pipeline``'s module-level cache, and results go back as
``Analysis.to_dict()`` dicts: a pickled spaCy ``Doc`` would drag the whole vocabulary along.
"""

from __future__ import annotations

import signal
from dataclasses import dataclass
from typing import Any

from spacy.language import Language

from ..analyze import analyze_many
from ..model import Article
from ..parse import load_pipeline


@dataclass(frozen=True)
class Result:
    """One article's outcome as plain data: its analysis as a dict, or the error message."""

    analysis: dict[str, Any] | None
    error: str | None


def start_worker() -> None:
    """Pool initializer: leave Ctrl-C to the parent, which stops the pool.

    It must not load the model: an initializer that raises makes ``multiprocessing.Pool`` start replacement
    workers forever. The model is loaded by the first batch instead, and a ``ModelError`` there reaches the
    parent through the batch's result.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def analyze_batch(articles: list[Article], batch_size: int, nlp: Language | None = None) -> list[Result]:
    """Analyse a batch (one result per article, in order); a failing article does not stop the others.

    The pipeline is ``load_pipeline()``'s, cached for the life of the process: loaded once per worker.
    """
    nlp = nlp or load_pipeline()
    return [
        Result(
            analysis=outcome.analysis.to_dict() if outcome.analysis is not None else None,
            error=str(outcome.error) if outcome.error is not None else None,
        )
        for outcome in analyze_many(articles, nlp=nlp, batch_size=batch_size)
    ]
