"""How a long library job (``evaluate``, training) tells its caller how far it has got.

The job calls ``progress(step, done, total)`` as it goes (``total`` None when it is not known in advance); the
library never prints. The CLI draws one bar per step from these calls on a terminal (``cli/common.py``); a
program may log them or leave ``progress`` out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

Progress = Callable[[str, int, "int | None"], None]


def counted(items: Iterable[T], step: str, total: int | None, progress: Progress | None) -> Iterator[T]:
    """``items`` as they are, reporting ``step`` as started (0 done) and then as each item comes."""
    if progress is None:
        yield from items
        return
    progress(step, 0, total)
    for done, item in enumerate(items, start=1):
        progress(step, done, total)
        yield item


__all__ = ["Progress", "counted"]
