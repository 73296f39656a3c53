"""Invisible characters: analysed without, reported with.

Zero-width spaces and joiners, soft hyphens and bidirectional controls (Unicode's format characters, category
Cf) draw nothing, but inside a word they make spaCy read another word: "sa\\u200bid" is no "said", and an article
sprinkled with them (by a CMS, a copy from a web page, or on purpose, to slip past filters) loses every
attribution. So the pipeline reads the text without them (``VisibleText.text``) and every offset of the analysis
is then mapped back into the original text (``VisibleText.restore``), once, so that the analysis, the store, the
reports and the page all count in the text as given; ``*_text`` fields are read off the original again, so they
equal what the offsets point at.
"""

from __future__ import annotations

import dataclasses
import re

import numpy as np

from .model import Analysis, Attribution, Provenance, Ranges, Source, TimeAnchor

# Unicode's format characters (general category Cf, Unicode 14 as in Python 3.11): tests/test_visible.py checks
# this list against ``unicodedata``.
FORMAT_CHARACTERS = (
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x13438),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
)
INVISIBLE = re.compile(
    "["
    + "".join(
        re.escape(chr(low)) + ("-" + re.escape(chr(high)) if high > low else "") for low, high in FORMAT_CHARACTERS
    )
    + "]"
)


@dataclasses.dataclass(frozen=True)
class VisibleText:
    """A text without its invisible characters, and where each of its characters was in the original."""

    text: str
    # positions[i]: the original offset of character i; one more entry for the end. None: nothing was removed.
    positions: np.ndarray | None = None

    @classmethod
    def of(cls, original: str) -> VisibleText:
        removed = [match.start() for match in INVISIBLE.finditer(original)]
        if not removed:
            return cls(original)
        return cls(INVISIBLE.sub("", original), np.delete(np.arange(len(original) + 1), removed))

    def original_range(self, start: int, end: int) -> tuple[int, int]:
        """Where ``[start, end)`` of the visible text lies in the original (invisible characters inside it
        included, those at its edges left out)."""
        if self.positions is None:
            return start, end
        if end <= start:
            return int(self.positions[start]), int(self.positions[start])
        return int(self.positions[start]), int(self.positions[end - 1]) + 1

    def restore(self, analysis: Analysis, original: str) -> Analysis:
        """The analysis of the visible text with its offsets (and the strings read through them) in
        ``original``."""
        if self.positions is None:
            return analysis

        def ranges(bounds: Ranges) -> Ranges:
            return [self.original_range(start, end) for start, end in bounds]

        def attribution(found: Attribution) -> Attribution:
            fields = {field.name: getattr(found, field.name) for field in dataclasses.fields(found)}
            for name in ("source", "cue", "content"):
                fields[name] = ranges(fields[name])
            for name in ("source_text", "cue_text", "content_text"):
                del fields[name]
            if found.time is not None:
                start, end = self.original_range(found.time.start, found.time.end)
                fields["time"] = TimeAnchor(text=original[start:end], start=start, end=end, value=found.time.value)
            return Attribution.from_ranges(original, **fields)

        def source(found: Source) -> Source:
            return dataclasses.replace(found, mentions=[ranges(mention) for mention in found.mentions])

        def report(found: Provenance) -> Provenance:
            return dataclasses.replace(found, spans=ranges(found.spans))

        return dataclasses.replace(
            analysis,
            text=original,
            attributions=[attribution(found) for found in analysis.attributions],
            sources=[source(found) for found in analysis.sources],
            provenance=[report(found) for found in analysis.provenance],
        )
