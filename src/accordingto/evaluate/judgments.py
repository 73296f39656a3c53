"""Hand judgments of who said what in news fixtures, matched to what the pipeline outputs today.

A judgment file (``<article>.jsonl``, one JSON object a line; the format is described in
``benchmarks/news_judgments.py``) keeps a person's reading of every attribution of one article: whether it is a
statement, the right display name of its speaker, and what the tool gave when the line was written. The benchmark
that re-counts the rounds, the golden tests and any model fitted on judged news read the lines and match them to
the output through this one module, so that "the same attribution" means the same thing everywhere.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..analyze import analyze
from ..read.html import html_article

_LEADING = re.compile(r"^[\s\"“”'‘’…]+")
_ARTICLE = re.compile(r"^(the|a|an)\s+")


def normal(text: str) -> str:
    """Text compared case-insensitively, spacing and leading quotation marks aside."""
    return " ".join(_LEADING.sub("", text).casefold().split())


def normal_name(name: str | None) -> str | None:
    """A display name compared without case or a leading article ("the developer" is "developer")."""
    return None if name is None else _ARTICLE.sub("", normal(name))


def read_article(article: Path, nlp: Language) -> dict[str, Any]:
    """The analysis of a fixture as ``accordingto analyze`` reads it (a ``.html`` page through the HTML reader), as
    its JSON dictionary."""
    if article.suffix == ".html":
        page = html_article(article.read_bytes(), str(article))
        return analyze(page.text, published=page.published, nlp=nlp).to_dict()
    return analyze(article.read_text(), nlp=nlp).to_dict()


def speakers_shown(output: dict[str, Any]) -> list[dict[str, Any]]:
    """The attributions of an analysis with each one's display name added (``speaker``: its source's ``name``, or
    None)."""
    names = {source["id"]: source["name"] for source in output["sources"]}
    return [{**a, "speaker": names.get(a["source_id"])} for a in output["attributions"]]


def judged_attributions(article: Path, nlp: Language) -> list[dict[str, Any]]:
    """The attributions of a fixture with each one's display name added."""
    return speakers_shown(read_article(article, nlp))


def judgment_lines(path: Path) -> list[dict[str, Any]]:
    """The lines of one judgment file."""
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def match(attribution: dict[str, Any], lines: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The line whose content the attribution's content starts with; between several, the one with its cue, then
    the longest start."""
    content = normal(attribution["content_text"])
    found = [line for line in lines if content.startswith(normal(line["content"]))]
    if len(found) > 1:
        same_cue = [line for line in found if normal(line.get("cue", "")) == normal(attribution["cue_text"])]
        found = same_cue or found
    return max(found, key=lambda line: len(line["content"]), default=None)


def right_names(line: dict[str, Any]) -> set[str | None]:
    """The normalised display names a line accepts (``speaker`` is one name, None, or a list of names)."""
    speaker = line.get("speaker")
    return {normal_name(name) for name in (speaker if isinstance(speaker, list) else [speaker])}
