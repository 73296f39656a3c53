"""The terminal view: a readable table of attributions for a person at a terminal."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table

from ..model import Analysis

DEFAULT_WIDTH = 120


def render_text(analysis: Analysis, *, width: int = DEFAULT_WIDTH, title: str | None = None) -> str:
    """Render the analysis as plain text (no colour codes), wrapped to ``width`` columns."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, soft_wrap=False)
    if title:
        console.print(title)
    count = len(analysis.attributions)
    by_type = ", ".join(
        f"{kind} {sum(1 for a in analysis.attributions if a.type == kind)}" for kind in ("direct", "indirect", "mixed")
    )
    console.print(f"{count} attribution{'s' if count != 1 else ''} ({by_type})")
    if analysis.attributions:
        table = Table(show_lines=True, expand=True)
        table.add_column("id", no_wrap=True)
        table.add_column("type", no_wrap=True)
        table.add_column("source", ratio=2)
        table.add_column("cue", ratio=1)
        table.add_column("content", ratio=5)
        for attribution in analysis.attributions:
            table.add_row(
                attribution.id,
                attribution.type,
                attribution.source_text or "—",
                attribution.cue_text,
                attribution.content_text,
            )
        console.print(table)
    return buffer.getvalue()
