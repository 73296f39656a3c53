"""What corpus readers yield: articles that know where they were read from, and failures that say where."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..errors import InputError
from ..model import Article


@dataclass
class ReadArticle(Article):
    """An ``Article`` plus the place it was read from (``file``, ``file:line``, ``file record N``), kept so
    a failure later in the pipeline can still be traced back to its input."""

    where: str | None = None


@dataclass(frozen=True)
class ReadFailure:
    """A record that could not be read, and why; readers yield these and go on with the next record."""

    where: str
    reason: str

    @classmethod
    def from_error(cls, error: InputError, where: str) -> ReadFailure:
        return cls(where=error.where or where, reason=error.reason)

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


def text_hash(text: str) -> str:
    """sha256 of the text (UTF-8): how a store recognises an article it already has."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def text_id(text: str) -> str:
    """An id for an article that has none, derived from its text so it is the same on every run."""
    return f"sha256:{text_hash(text)[:16]}"
