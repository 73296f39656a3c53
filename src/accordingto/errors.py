"""Domain errors.

The library raises these and nothing else on bad input; the CLI turns them into one-line messages and the web
service into HTTP 4xx answers. Each message names what was wrong and, where known, where (file, line, record).
"""

from __future__ import annotations


class AccordingtoError(Exception):
    """Base class of every error accordingto raises on purpose."""


class InputError(AccordingtoError):
    """An input that cannot be analysed; ``where`` names it (a path, ``file:line``, a WARC record...)."""

    def __init__(self, reason: str, where: str | None = None) -> None:
        self.reason = reason
        self.where = where
        super().__init__(f"{where}: {reason}" if where else reason)


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


class InvalidFilterError(InputError):
    """A query filter, search or page cursor that cannot be used (an unknown kind, a malformed cursor...)."""


class ModelError(AccordingtoError):
    """The language model or the shipped attribution model cannot be loaded."""


class StoreError(AccordingtoError):
    """The result store cannot be opened, migrated or written."""
