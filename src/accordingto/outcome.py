"""What one input of a batch becomes: an analysis, or a ``Failure`` that says where, at which stage and why.

Every front end (``analyze_many``, ``accordingto analyze``, ``accordingto run`` with or without ``--jobs``, the
Dask cluster) reports with these two types, and both are plain data: they pickle between processes and flatten
into table rows. Nothing here imports the pipeline, so the store and the readers can use them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .errors import PlacedError
from .model import Analysis, Article

# read: the input could not be read, or is no text to analyse (binary, empty, too large, a bad record);
# analyze: a pipeline component failed on the article; task: a cluster task was lost as a whole (its worker died).
Stage = Literal["read", "analyze", "task"]


@dataclass(frozen=True)
class Failure:
    """An input that did not become an analysis. ``where`` names it (a path, ``file:line``, a WARC record, an
    article id), ``reason`` says why in words, ``error`` is the name of the exception behind it, if any."""

    stage: Stage
    where: str | None
    reason: str
    error: str | None = None

    @classmethod
    def from_error(cls, error: BaseException, stage: Stage, where: str | None = None) -> Failure:
        """The failure an exception stands for; the error's own place, if it has one, wins over ``where``."""
        if isinstance(error, PlacedError):
            return cls(stage, error.where or where, error.reason, type(error).__name__)
        return cls(stage, where, str(error) or type(error).__name__, type(error).__name__)

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}" if self.where else self.reason


@dataclass
class Outcome:
    """One article of a batch: its analysis, or the failure that stopped it (never both)."""

    article: Article
    analysis: Analysis | None = None
    error: Failure | None = None
