"""The trail of a statement across a stored corpus: where it first appeared, who repeated it, and how it
changed on the way (docs/trail.md).

The clusters it reads are built as articles are stored (``accordingto.store.clusters``); this package orders
them and compares the wordings.
"""

from .query import (
    FLAGS,
    Appearance,
    StatementMatch,
    StatementTrail,
    find_statements,
    statement_cluster,
    statement_trail,
)
from .wording import DiffPiece, word_diff

__all__ = [
    "FLAGS",
    "Appearance",
    "DiffPiece",
    "StatementMatch",
    "StatementTrail",
    "find_statements",
    "statement_cluster",
    "statement_trail",
    "word_diff",
]
