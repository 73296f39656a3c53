"""How a retelling's wording differs from the first version (trail/wording.py)."""

from __future__ import annotations

import pytest

from accordingto.trail.wording import DiffPiece, negations, render_changes, word_diff


@pytest.mark.parametrize(
    ("first", "later", "changes"),
    [
        ("The talks are over.", "the talks are over", ""),
        ("“The talks are over,”", "The talks … are over!", ""),
        ("the talks are over", "the talks are really over", "+really"),
        ("the talks are over for now", "the talks are over", "-for now"),
        ("the talks are over", "the negotiations are over", "talks -> negotiations"),
        ("we will not sign the deal", "we will sign the deal", "-not"),
        ("the talks are over", "", "-the talks are over"),
    ],
    ids=["case", "quotes and ellipsis", "added", "removed", "changed", "negation removed", "nothing left"],
)
def test_word_diff(first: str, later: str, changes: str) -> None:
    diff = word_diff(first, later)
    assert render_changes(diff) == changes
    # Every word of both versions is in the diff once, in order.
    assert " ".join(piece.first for piece in diff if piece.first).split() == [
        word.strip("“”,.!") for word in first.split() if word.strip("“”,.!…")
    ]
    assert " ".join(piece.later for piece in diff if piece.later).split() == [
        word.strip("“”,.!") for word in later.split() if word.strip("“”,.!…")
    ]


def test_the_diff_keeps_each_version_as_written() -> None:
    assert word_diff("Russia's troops", "RUSSIA'S troops left") == [
        DiffPiece("equal", "Russia's troops", "RUSSIA'S troops"),
        DiffPiece("insert", "", "left"),
    ]


@pytest.mark.parametrize(
    ("text", "count"),
    [("he did not say", 1), ("he didn’t and won't", 2), ("never, no, nobody", 3), ("a notable knot", 0), ("", 0)],
)
def test_negations(text: str, count: int) -> None:
    assert negations(text) == count
