"""Domain errors.

The library raises these and nothing else on purpose; the CLI turns them into one-line messages and the web
service into HTTP answers: 4xx for an input the client can fix (``InputError``), 5xx for a failure on our side
(``AnalysisFailedError``, ``ModelError``, ``StoreError``). Each message names what was wrong and, where known,
where (file, line, record).
"""

from __future__ import annotations


class AccordingtoError(Exception):
    """Base class of every error accordingto raises on purpose."""


class PlacedError(AccordingtoError):
    """An error about one input: ``where`` names it (a path, ``file:line``, a WARC record...), ``reason`` says
    what went wrong."""

    def __init__(self, reason: str, where: str | None = None) -> None:
        self.reason = reason
        self.where = where
        super().__init__(f"{where}: {reason}" if where else reason)


class InputError(PlacedError):
    """An input that cannot be analysed."""


class InputNotFoundError(InputError):
    """A path that does not exist."""


class NoInputFilesError(InputError):
    """A folder with nothing to read in it."""


class BinaryInputError(InputError):
    """Content that is not text (NUL bytes)."""


class EncodingError(InputError):
    """Bytes that are not valid UTF-8."""


class InputTooLargeError(InputError):
    """Text over the documented size limit."""


class EmptyInputError(InputError):
    """Text with nothing but white space in it."""


class InvalidDateError(InputError):
    """A publication date that is not YYYY-MM-DD."""


class BudgetExceededError(InputError):
    """An article that took more time or memory than its budget (``budget.Budget``): the analysis stopped."""


class InvalidFilterError(InputError):
    """A query filter, search or page cursor that cannot be used (an unknown kind, a malformed cursor...)."""


class AnalysisFailedError(PlacedError):
    """A pipeline component failed on an article: a fault of ours, not of the input (a batch goes on)."""


class AnalysisCancelledError(PlacedError):
    """An analysis stopped because nobody waits for it any more (the web client went away)."""


class ModelError(AccordingtoError):
    """The language model or the shipped attribution model cannot be loaded."""


class StoreError(AccordingtoError):
    """The result store cannot be opened, migrated or written."""


class MissingStageError(AccordingtoError):
    """A pipeline component ran without the output of an earlier one it needs (``stage`` names that one).

    Stages never re-run an earlier stage behind the caller's back: a pipeline built without it, or a doc
    annotated by hand without it, is a mistake to fix where the pipeline is put together.
    """

    def __init__(self, stage: str) -> None:
        self.stage = stage
        super().__init__(
            f"the {stage!r} component has not run on this document: add it to the pipeline before the components "
            "that read its output"
        )
