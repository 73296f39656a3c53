"""What corpus readers yield: articles that know where they were read from, and failures (``outcome.Failure``,
stage ``read``) that say where."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..model import Article


@dataclass
class ReadArticle(Article):
    """An ``Article`` plus the place it was read from (``file``, ``file:line``, ``file record N``), kept so
    a failure later in the pipeline can still be traced back to its input."""

    where: str | None = None


def text_hash(text: str) -> str:
    """sha256 of the text (UTF-8): how a store recognises an article it already has."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def text_id(text: str) -> str:
    """An id for an article that has none, derived from its text so it is the same on every run."""
    return f"sha256:{text_hash(text)[:16]}"
