"""How a retelling's wording differs from the first version: a word-level diff, and the changes that alter
what a reader takes from it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

DiffOp = Literal["equal", "insert", "delete", "replace"]

# Words: letters with inner apostrophes ("don't", "Russia's"), numbers with their separators and a percent sign.
# Quotation marks, ellipses and other punctuation are not words: changing them changes no wording.
_WORD = re.compile(r"\d+(?:[.,]\d+)*%?|\w+(?:['’]\w+)*")
# Words that turn a statement into its opposite: a retelling that loses one says something else.
NEGATIONS = frozenset({"not", "no", "never", "nobody", "nothing", "none", "neither", "nor"})


@dataclass(frozen=True)
class DiffPiece:
    """A run of words: the same in both versions (``equal``), only in the later one (``insert``), only in the
    first (``delete``), or replaced (``replace``); words as each version writes them."""

    op: DiffOp
    first: str
    later: str


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def word_diff(first: str, later: str) -> list[DiffPiece]:
    """The later text against the first, word by word, ignoring case and punctuation; every word of both is in
    exactly one piece, in order."""
    first_words, later_words = words(first), words(later)
    matcher = SequenceMatcher(None, _folded(first_words), _folded(later_words), autojunk=False)
    return [
        DiffPiece(op, " ".join(first_words[i1:i2]), " ".join(later_words[j1:j2]))
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def render_changes(diff: list[DiffPiece]) -> str:
    """The changes only, for a table cell: ``-removed``, ``+added``, ``old -> new``, separated by ``; ``."""
    shown = []
    for piece in diff:
        if piece.op == "delete":
            shown.append(f"-{piece.first}")
        elif piece.op == "insert":
            shown.append(f"+{piece.later}")
        elif piece.op == "replace":
            shown.append(f"{piece.first} -> {piece.later}")
    return "; ".join(shown)


def negations(text: str) -> int:
    """How many negating words the text has ("not", "never", and "n't" in "don't")."""
    return sum(1 for word in _folded(words(text)) if word in NEGATIONS or word.endswith("n't"))


def _folded(found: list[str]) -> list[str]:
    return [word.casefold().replace("’", "'") for word in found]
