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

import anyio
import anyio.to_thread
from spacy.language import Language

from ..analyze import analyze
from ..model import Analysis, Article
from ..parse import load_pipeline
from ..parse.pipeline import build_pipeline

logger = logging.getLogger(__name__)


class PipelinePool:
    """``size`` pipelines, each used by one thread at a time."""

    def __init__(self, size: int = 1) -> None:
        if size < 1:
            raise ValueError("a pipeline pool needs at least one pipeline")
        self.size = size
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

    async def analyze(self, article: Article) -> Analysis:
        """Analyse one article in a worker thread; waits (without blocking the loop) while all pipelines are
        busy."""
        return await anyio.to_thread.run_sync(self._analyze, article, limiter=self._limiter)

    def _analyze(self, article: Article) -> Analysis:
        # The limiter lets at most ``size`` threads in, so a pipeline is always free here.
        nlp = self._free.get_nowait()
        try:
            return analyze(article.text, article=article, nlp=nlp)
        finally:
            self._free.put(nlp)
