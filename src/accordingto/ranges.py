"""Sets of ranges (of tokens or characters): merged, compared, and kept apart, in n log n rather than by
comparing every range with every other one."""

from __future__ import annotations

import bisect
from collections.abc import Iterable


def merged_ranges(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ranges in order, overlapping or touching ones merged."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def ranges_hold(outer: list[tuple[int, int]], inner: list[tuple[int, int]]) -> bool:
    """Whether every range of ``inner`` lies inside one range of ``outer`` (both merged and in order)."""
    starts = [start for start, _ in outer]
    for start, end in inner:
        k = bisect.bisect_right(starts, start) - 1
        if k < 0 or end > outer[k][1]:
            return False
    return True


class DisjointRanges:
    """Ranges that do not overlap, kept in order: ``add`` takes a range only if it overlaps none taken yet."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.starts, end)  # ranges starting before ``end``: only the last may reach in
        return k > 0 and self.ends[k - 1] > start

    def add(self, start: int, end: int) -> bool:
        """Take ``[start, end)`` unless it overlaps a range already taken; whether it was taken."""
        if self.overlaps(start, end):
            return False
        k = bisect.bisect_left(self.starts, start)
        self.starts.insert(k, start)
        self.ends.insert(k, end)
        return True
