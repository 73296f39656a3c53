"""What runs on a Dask worker: read a task's inputs, analyse them, hand back plain data.

This module must be importable on the workers (it is, wherever accordingto is installed): Dask pickles a
function defined in ``__main__`` by value, and a pipeline captured in a closure would be shipped with every
task. Here the pipeline is loaded once per worker process and kept in a module-level cache; tasks only carry
file names and byte ranges, and results are dicts and lists, never spaCy objects (a pickled ``Doc`` drags its
whole vocabulary along).
"""

from __future__ import annotations

import dataclasses
import logging
import resource
import sys
from collections.abc import Iterator
from typing import Any

from distributed import get_worker
from spacy.language import Language

from ..analyze import analyze_many
from ..parse import load_pipeline
from ..read.records import ReadArticle, ReadFailure
from .parquet import write_partition
from .reading import read_piece
from .records import Failure, failure_record
from .rows import TABLES, failed_article_row, rows_from_analysis
from .tasks import Task

logger = logging.getLogger(__name__)

# The worker's pipeline and how many times it was built: tests read the counter through ``client.run`` to
# check that a worker loads the model once however many tasks it runs.
_pipeline: Language | None = None
_pipeline_loads = 0


def worker_pipeline() -> Language:
    """The pipeline of this worker process, built on first use."""
    global _pipeline, _pipeline_loads
    if _pipeline is None:
        _pipeline = load_pipeline()
        _pipeline_loads += 1
        logger.info("accordingto pipeline loaded in this worker")
    return _pipeline


def pipeline_loads() -> int:
    """How many times this process built the pipeline (1 after the first task, whatever the number of
    tasks)."""
    return _pipeline_loads


def peak_rss_bytes() -> int:
    """This process's peak resident memory (``ru_maxrss`` is in kilobytes on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)


def analyze_task(
    task: Task,
    *,
    out: str | None = None,
    return_analyses: bool = False,
    batch_size: int = 16,
) -> dict[str, Any]:
    """Read and analyse one task's articles on this worker.

    With ``out`` the worker writes the task's Parquet files itself (``OUT/TABLE/part-NNNNN.parquet``), so rows
    never travel through the client; with ``return_analyses`` the analyses (``Analysis.to_dict()``) and the
    articles that failed come back for the client to put into the store. Bad inputs become failure records,
    and the task goes on.
    """
    failures: list[Failure] = []

    def articles() -> Iterator[ReadArticle]:
        for piece in task.pieces:
            for item in read_piece(piece):
                if isinstance(item, ReadFailure):
                    failures.append(failure_record(item, stage="read"))
                else:
                    yield item

    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    results: list[dict[str, Any]] = []
    counts = {"articles": 0, "attributions": 0}
    for outcome in analyze_many(articles(), nlp=worker_pipeline(), batch_size=batch_size):
        article = outcome.article
        origin = getattr(article, "where", None) or task.where()
        error: str | None = None
        if outcome.error is not None:
            error = str(outcome.error)
            failures.append(failure_record(outcome.error, stage="analyze", where=origin))
            if out is not None:
                tables["articles"].append(failed_article_row(article, error, origin=origin))
        else:
            assert outcome.analysis is not None
            counts["articles"] += 1
            counts["attributions"] += len(outcome.analysis.attributions)
            if out is not None:
                for table, rows in rows_from_analysis(outcome.analysis, article, origin=origin).items():
                    tables[table].extend(rows)
        if return_analyses:
            results.append(
                {
                    "article": dataclasses.asdict(article),
                    "analysis": outcome.analysis.to_dict() if outcome.analysis is not None else None,
                    "error": error,
                }
            )
    if out is not None:
        write_partition(out, task.index, tables, failures)
    return {
        "index": task.index,
        **counts,
        "failures": failures,
        "results": results,
        "worker": _worker_address(),
        "peak_rss": peak_rss_bytes(),
    }


def _worker_address() -> str:
    """The Dask worker this runs on ("local" when called outside a worker, as in a plain function call)."""
    try:
        return str(get_worker().address)
    except ValueError:
        return "local"
