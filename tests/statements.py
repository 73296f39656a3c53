"""One statement of an analysis found by the first words of its content, for tests that ask who said it."""

from __future__ import annotations

from typing import Any


def source_of_statement(output: dict[str, Any], content_start: str) -> dict[str, Any]:
    """The ``sources`` entry of the one attribution of ``output`` (an analysis as a dict) whose content starts with
    ``content_start``, opening quotation marks aside; ``{}`` when it has no source."""
    sources = {s["id"]: s for s in output["sources"]}
    found = [a for a in output["attributions"] if a["content_text"].lstrip('"“').startswith(content_start)]
    assert len(found) == 1, [a["content_text"] for a in output["attributions"]]
    return sources.get(found[0]["source_id"]) or {}
