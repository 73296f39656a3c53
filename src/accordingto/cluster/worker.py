"""What runs on a Dask worker: read a task's inputs, analyse them, hand back plain data.

This module must be importable on the workers (it is, wherever accordingto is installed): Dask pickles a
function defined in ``__main__`` by value, and a pipeline captured in a closure would be shipped with every
task. Here the pipeline is loaded once per worker process and kept in a module-level cache; tasks only carry
file names and byte ranges, and results are counts, failures and outcomes (plain dataclasses), never spaCy
objects (a pickled ``Doc`` drags its whole vocabulary along).
"""

from __future__ import annotations

import logging
import resource
import sys
from typing import Any

from distributed import get_worker
from spacy.language import Language

from ..batch.runner import DEFAULT_BATCH_SIZE, DEFAULT_BUDGET, analyze_stream, failure_of
from ..budget import Budget
from ..outcome import Failure, Outcome
from ..parse import load_pipeline
from ..store.rows import TABLES, Rows, outcome_rows
from .parquet import write_partition
from .reading import read_piece
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
    batch_size: int = DEFAULT_BATCH_SIZE,
    budget: Budget | None = DEFAULT_BUDGET,
) -> dict[str, Any]:
    """Read and analyse one task's articles on this worker, with the batch runner every front end uses.

    With ``out`` the worker writes the task's Parquet files itself (``OUT/TABLE/part-NNNNN.parquet``), so rows
    never travel through the client; with ``return_analyses`` the outcomes (analyses, and articles that failed)
    come back for the client to put into the store. Bad inputs become failures, and the task goes on.
    """
    items = (item for piece in task.pieces for item in read_piece(piece))
    failures: list[Failure] = []
    tables: Rows = {name: [] for name in TABLES}
    outcomes: list[Outcome] = []
    counts = {"articles": 0, "attributions": 0}
    for result in analyze_stream(items, nlp=worker_pipeline(), batch_size=batch_size, budget=budget):
        if (failure := failure_of(result)) is not None:
            failures.append(failure)
        if not isinstance(result, Outcome):
            continue
        if result.analysis is not None:
            counts["articles"] += 1
            counts["attributions"] += len(result.analysis.attributions)
        if out is not None:
            for table, rows in outcome_rows(result).items():
                tables[table].extend(rows)
        if return_analyses:
            outcomes.append(result)
    if out is not None:
        write_partition(out, task.index, tables, failures)
    return {
        "index": task.index,
        **counts,
        "failures": failures,
        "outcomes": outcomes,
        "worker": _worker_address(),
        "peak_rss": peak_rss_bytes(),
    }


def _worker_address() -> str:
    """The Dask worker this runs on ("local" when called outside a worker, as in a plain function call)."""
    try:
        return str(get_worker().address)
    except ValueError:
        return "local"
