"""Analysis off the event loop, on a small pool of pipelines.

spaCy does not promise that one pipeline object is safe to use from several threads at once (the vocabulary
grows as new words arrive, and the parser releases the GIL while it works), so each worker thread borrows a
pipeline of its own: ``size`` pipelines, at most ``size`` analyses at once (a capacity limiter), and the other
requests wait their turn without blocking the event loop. Parsing holds the GIL most of the time, so on two
cores one pipeline per uvicorn worker is the sensible setting (see ``benchmarks/load.py``); more costs memory.
"""

from __future__ import annotations

import logging
import queue
import threading

import anyio
import anyio.to_thread
from spacy.language import Language

from ..analyze import analyze
from ..batch.runner import DEFAULT_BUDGET
from ..budget import Budget
from ..errors import AnalysisCancelledError
from ..model import Analysis, Article
from ..parse import load_pipeline
from ..parse.pipeline import build_pipeline

logger = logging.getLogger(__name__)


class PipelinePool:
    """``size`` pipelines, each used by one thread at a time; each analysis under ``budget``."""

    def __init__(self, size: int = 1, budget: Budget | None = DEFAULT_BUDGET) -> None:
        if size < 1:
            raise ValueError("a pipeline pool needs at least one pipeline")
        self.size = size
        self.budget = budget
        self._free: queue.SimpleQueue[Language] = queue.SimpleQueue()
        self._limiter = anyio.CapacityLimiter(size)
        self._loaded = False

    def load(self) -> None:
        """Load the pipelines (the first is the process-wide cached one, so the library shares it)."""
        if self._loaded:
            return
        for index in range(self.size):
            self._free.put(load_pipeline() if index == 0 else build_pipeline())
        self._loaded = True
        logger.info("loaded %d pipeline(s)", self.size)

    async def analyze(self, article: Article, cancelled: threading.Event | None = None) -> Analysis:
        """Analyse one article in a worker thread; waits (without blocking the loop) while all pipelines are
        busy. Setting ``cancelled`` (the client went away) stops the analysis at its next checkpoint, as its
        budget does, so that its pipeline is soon free for the next request."""
        return await anyio.to_thread.run_sync(self._analyze, article, cancelled, limiter=self._limiter)

    def _analyze(self, article: Article, cancelled: threading.Event | None) -> Analysis:
        # The limiter lets at most ``size`` threads in, so a pipeline is always free here.
        nlp = self._free.get_nowait()
        try:
            if cancelled is not None and cancelled.is_set():
                raise AnalysisCancelledError("analysis cancelled before it started")
            return analyze(article.text, article=article, nlp=nlp, budget=self.budget, cancelled=cancelled)
        finally:
            self._free.put(nlp)
