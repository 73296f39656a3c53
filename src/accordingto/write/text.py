"""The terminal view: the summary a reader wants first, then the sources, then a table of attributions.

Text from articles and stores reaches the terminal only through ``plain``: never read as rich markup (an article
saying "[/x]" would stop the rendering), and with terminal control characters shown as escapes, not obeyed (an
``ESC ]`` sequence in an article could set a link, a title, or rewrite the screen; a bidi override reorder
what is shown).
"""

from __future__ import annotations

import io
import re
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import Analysis, Attribution, Source
from .names import reader_name

DEFAULT_WIDTH = 120
TYPES = ("direct", "indirect", "mixed")
# C0 controls but tab and line feed, DEL, C1 controls, and the bidi embeddings, overrides and isolates.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with its control characters (and bidi overrides) written as escapes (``\\x1b``), not obeyed."""
    return _CONTROL.sub(lambda found: found.group().encode("unicode_escape").decode("ascii"), text)


def plain(value: Any) -> Text:
    """``value`` as text a terminal shows as written: no markup, control characters as escapes."""
    return Text(printable("" if value is None else str(value)))


def render_text(analysis: Analysis, *, width: int = DEFAULT_WIDTH, title: str | None = None) -> str:
    """Render the analysis as plain text (no colour codes), wrapped to ``width`` columns."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, soft_wrap=False)
    if title:
        console.print(plain(title))
    for line in summary_lines(analysis):
        console.print(plain(line), highlight=False)
    if analysis.sources:
        console.print()
        console.print(sources_table(analysis))
    if analysis.attributions:
        console.print()
        console.print(attributions_table(analysis))
    return buffer.getvalue()


def summary_lines(analysis: Analysis) -> list[str]:
    """Counts first: how much is attributed, to what kinds of source, how much anonymously, relayed from whom."""
    count = len(analysis.attributions)
    by_type = ", ".join(f"{kind} {sum(1 for a in analysis.attributions if a.type == kind)}" for kind in TYPES)
    lines = [f"{count} attribution{'s' if count != 1 else ''} ({by_type})"]
    summary = analysis.summary
    if summary.by_source_kind:
        kinds = sorted(summary.by_source_kind.items(), key=lambda item: (-item[1], item[0]))
        lines.append("  by source kind: " + ", ".join(f"{kind} {n}" for kind, n in kinds))
    if summary.anonymous_share is not None:
        lines.append(f"  attributed anonymously: {summary.anonymous_share:.0%}")
    if analysis.sources or summary.named_sources or summary.anonymous_sources:
        lines.append(f"  distinct sources: {summary.named_sources} named, {summary.anonymous_sources} anonymous")
    upstream = [reader_name(name) for name in summary.upstream or [item.name for item in analysis.provenance]]
    if upstream:
        lines.append("  upstream reports: " + ", ".join(upstream))
    return lines


def sources_table(analysis: Analysis) -> Table:
    statements: dict[str, int] = {}
    for attribution in analysis.attributions:
        if attribution.source_id is not None:
            statements[attribution.source_id] = statements.get(attribution.source_id, 0) + 1
    table = Table(title=f"Sources ({len(analysis.sources)})", title_justify="left", expand=True)
    table.add_column("id", no_wrap=True)
    table.add_column("source", ratio=2)
    table.add_column("kind", no_wrap=True)
    table.add_column("named", no_wrap=True)
    table.add_column("said", justify="right", no_wrap=True)
    table.add_column("details", ratio=4)
    for source in analysis.sources:
        cells = (
            source.id,
            reader_name(source.name, source.description),
            source.kind,
            "named" if source.named else "anonymous",
            statements.get(source.id, 0),
            source_details(source),
        )
        table.add_row(*(plain(cell) for cell in cells))
    return table


def source_details(source: Source) -> str:
    """Description, number, qualifiers, affiliation and role, as one line of ``key: value`` parts."""
    parts = []
    if source.description and source.description != source.name:
        parts.append(f"“{source.description}”")
    if source.count is not None:
        parts.append(f"count {source.count}")
    if source.qualifiers:
        parts.append("qualifiers " + ", ".join(source.qualifiers))
    if source.affiliation:
        parts.append(f"affiliation {source.affiliation}")
    if source.role:
        parts.append(f"role {source.role}" + (f" of {source.role_of}" if source.role_of else ""))
    return "; ".join(parts)


def attributions_table(analysis: Analysis) -> Table:
    names = {source.id: reader_name(source.name, source.description) for source in analysis.sources}
    table = Table(
        title=f"Attributions ({len(analysis.attributions)})", title_justify="left", show_lines=True, expand=True
    )
    table.add_column("id", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("confidence", justify="right", no_wrap=True)
    table.add_column("speaker", justify="right", no_wrap=True)
    table.add_column("source", ratio=2)
    table.add_column("cue", max_width=16)
    table.add_column("content", ratio=5)
    table.add_column("notes", ratio=2)
    for attribution in analysis.attributions:
        cells = (
            attribution.id,
            attribution.type,
            f"{attribution.confidence:.0%}",
            "-" if attribution.speaker_confidence is None else f"{attribution.speaker_confidence:.0%}",
            source_cell(attribution, names),
            attribution.cue_text,
            attribution.content_text,
            notes(attribution, analysis),
        )
        table.add_row(*(plain(cell) for cell in cells))
    return table


def source_cell(attribution: Attribution, names: dict[str, str]) -> str:
    """The words in the text, and the source they resolve to when that differs ("he → Vladimir Putin")."""
    said = attribution.source_text or "—"
    resolved = names.get(attribution.source_id or "")
    return f"{said} → {resolved}" if resolved and resolved.casefold() not in said.casefold() else said


def notes(attribution: Attribution, analysis: Analysis) -> str:
    """Stance, nesting, upstream report and time of one attribution."""
    parts = [flag for flag in ("denial", "hedged", "negated", "hypothetical") if getattr(attribution, flag)]
    if attribution.parent:
        parts.append(f"within {attribution.parent}")
    parts.extend(
        f"via {reader_name(item.name)}" for item in analysis.provenance if attribution.id in item.attribution_ids
    )
    if attribution.time is not None:
        when = attribution.time.text
        parts.append(f"when: {when} = {attribution.time.value}" if attribution.time.value else f"when: {when}")
    return "; ".join(parts)
