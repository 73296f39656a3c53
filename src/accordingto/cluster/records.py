"""Failure records: what could not be read or analysed, and where, as plain data that travels back from
workers and goes into ``OUT/failures/``."""

from __future__ import annotations

from typing import Any

from ..errors import InputError
from ..read.records import ReadFailure

# Column order of the failures table; ``task`` is added by the writer.
FAILURE_FIELDS = ("where", "stage", "error", "message", "task")

Failure = dict[str, Any]


def failure_record(error: BaseException | ReadFailure, *, stage: str, where: str | None = None) -> Failure:
    """``stage``: read (the input), analyze (the pipeline), task (a whole task lost: worker crash, bug)."""
    if isinstance(error, ReadFailure):
        return {"where": error.where, "stage": stage, "error": "ReadFailure", "message": error.reason}
    if where is None and isinstance(error, InputError):
        where = error.where
    message = error.reason if isinstance(error, InputError) else str(error)
    return {
        "where": where,
        "stage": stage,
        "error": type(error).__name__,
        "message": message,
    }


def describe(failure: Failure) -> str:
    """One line for a person: ``where: message (stage)``."""
    where = f"{failure['where']}: " if failure.get("where") else ""
    return f"{where}{failure['message']} ({failure['stage']})"
