"""Checks of an analysis against a hand review: the answers a reader checked to be right, and the known mistakes.

A review file (``NAME.review.json``) names each attribution by its cue as written and where the cue starts in the
text (``"cue"``, ``"at"``); the output's attribution whose cue covers that position is the one checked, so a cue
that grows ("said" → "said at the time") still finds its review. Only the fields a review lists are checked:

- ``source`` / ``content``: the exact text; ``content_has``: a part of it; ``source: null``: no source;
- ``speaker``: the name of the source the mention resolves to;
- ``type``, ``cue_class``, ``denial``, ``hedged``, ``negated``: as in the output;
- ``time``: the anchored value (null: no time); ``parent_at``: where the parent attribution's cue starts (null: no
  parent).

A mistake is ``{"what": ..., <kind>: check}`` with the right answer: ``attribution`` (a field of an existing
attribution is wrong), ``missing`` (an attribution that should be there), ``extra`` (one that should not be:
only ``cue`` and ``at``), or ``upstream_has`` (a provenance name that should be listed).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).parent
FIELDS = ("type", "cue_class", "denial", "hedged", "negated")

Review = dict[str, Any]
Output = dict[str, Any]


def load_reviews() -> dict[str, Review]:
    """Every ``NAME.review.json`` beside this file, by article name."""
    return {
        path.name.removesuffix(".review.json"): json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(GOLDEN.glob("*.review.json"))
    }


def at_cue(output: Output, at: int) -> dict[str, Any] | None:
    """The attribution whose cue covers the character ``at``."""
    for attribution in output["attributions"]:
        if any(start <= at < end for start, end in attribution["cue"]):
            return attribution
    return None


def problems(output: Output, check: dict[str, Any]) -> list[str]:
    """What differs between the output's attribution at ``check["at"]`` and the reviewed answer (empty: right)."""
    attribution = at_cue(output, check["at"])
    if attribution is None:
        return [f"no attribution has its cue at {check['at']} ({check['cue']!r})"]
    found: list[str] = []

    def compare(field: str, got: Any, want: Any) -> None:
        if got != want:
            found.append(f"{field}: got {got!r}, reviewed {want!r}")

    if "source" in check:
        compare("source", attribution["source_text"], check["source"])
    if "content" in check:
        compare("content", attribution["content_text"], check["content"])
    if "content_has" in check and check["content_has"] not in attribution["content_text"]:
        found.append(f"content: {attribution['content_text']!r} lacks {check['content_has']!r}")
    if "speaker" in check:
        compare("speaker", speaker(output, attribution), check["speaker"])
    for field in FIELDS:
        if field in check:
            compare(field, attribution[field], check[field])
    if "time" in check:
        compare("time", attribution["time"] and attribution["time"]["value"], check["time"])
    if "parent_at" in check:
        parent = next((a for a in output["attributions"] if a["id"] == attribution["parent"]), None)
        want = at_cue(output, check["parent_at"]) if check["parent_at"] is not None else None
        if want is None and check["parent_at"] is not None:
            found.append(f"parent: no attribution has its cue at {check['parent_at']}")
        else:
            compare("parent", parent and parent["cue_text"], want and want["cue_text"])
    return found


def speaker(output: Output, attribution: dict[str, Any]) -> str | None:
    source = next((s for s in output["sources"] if s["id"] == attribution["source_id"]), None)
    return source["name"] if source else None


def source_problems(output: Output, check: dict[str, Any]) -> list[str]:
    """What differs between the output's source of this name and the reviewed profile."""
    source = next((s for s in output["sources"] if s["name"] == check["name"]), None)
    if source is None:
        return [f"no source named {check['name']!r}: {[s['name'] for s in output['sources']]}"]
    found = []
    for field, want in check.items():
        got = source.get(field)
        if field == "role_of":
            got = next((s["name"] for s in output["sources"] if s["id"] == source["role_of"]), None)
        if got != want:
            found.append(f"{check['name']}: {field} got {got!r}, reviewed {want!r}")
    return found


def mistake_fixed(output: Output, mistake: dict[str, Any]) -> list[str]:
    """Why a known mistake is still there (empty: the output now gives the right answer)."""
    if "attribution" in mistake:
        return problems(output, mistake["attribution"])
    if "missing" in mistake:
        return problems(output, mistake["missing"])
    if "extra" in mistake:
        extra = at_cue(output, mistake["extra"]["at"])
        return [f"still there: {extra['cue_text']!r} → {extra['content_text']!r}"] if extra else []
    if "upstream_has" in mistake:
        upstream = output["summary"]["upstream"]
        return [] if any(mistake["upstream_has"] in name for name in upstream) else [f"upstream is {upstream}"]
    raise ValueError(f"unknown kind of mistake: {mistake}")


def reviewed_positions(review: Review) -> list[int]:
    """Cue positions the review speaks of, right or wrong."""
    kinds = ("attribution", "missing", "extra")
    checks = review["right"]["attributions"] + [m[kind] for m in review["mistakes"] for kind in kinds if kind in m]
    return [check["at"] for check in checks]


def unreviewed(output: Output, review: Review) -> list[dict[str, Any]]:
    """Draft review entries for the output's attributions that the review does not speak of (to check by hand,
    then add to ``right`` or to ``mistakes``)."""
    positions = reviewed_positions(review)
    drafts = []
    for attribution in output["attributions"]:
        if any(start <= at < end for at in positions for start, end in attribution["cue"]):
            continue
        drafts.append(
            {
                "cue": attribution["cue_text"],
                "at": attribution["cue"][0][0],
                "source": attribution["source_text"],
                "speaker": speaker(output, attribution),
                "type": attribution["type"],
                "content": attribution["content_text"],
            }
        )
    return drafts
