"""How the speaker confidence behaves on the news fixtures: of the speakers the golden tests assert (the CASES of
``tests/resolve/test_resolve_news_articles.py``, ``test_resolve_news19.py``, ``test_resolve_unseen_news.py`` and
``test_resolve_names19.py``: articles and paragraphs written for this project, each case a statement and the
source it must be listed under), how many are shown with that source, by band of ``speaker_confidence``.

Not a calibration measure (the cases were chosen where resolution was hard, and most are now right): a check
that the right ones are not all given little and that the wrong ones are not given much.

    .venv/bin/python benchmarks/speaker_confidence_news.py
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import accordingto
from accordingto.parse import load_pipeline
from accordingto.train.speaker_confidence import BANDS

TESTS = Path(__file__).resolve().parents[1] / "tests"
MODULES = ("test_resolve_news_articles", "test_resolve_news19", "test_resolve_unseen_news", "test_resolve_names19")


def cases() -> Iterator[tuple[str, str, str]]:
    """``(text, content start, asserted name)`` of every case of the modules."""
    sys.path[:0] = [str(TESTS), str(TESTS / "resolve")]
    for name in MODULES:
        module = importlib.import_module(name)
        for case in module.CASES:
            values = getattr(case, "values", case)  # a pytest.param (an xfail) or a plain tuple
            text, content_start, source_name = values[0], values[1], values[2]
            if name == "test_resolve_news_articles":
                text = (module.NEWS / text).read_text()
            yield text, content_start, source_name


def main() -> None:
    nlp = load_pipeline()
    outputs: dict[str, dict[str, Any]] = {}
    counts = {band: [0, 0] for band in BANDS}
    unknown = [0, 0]
    wrong: list[str] = []
    unmatched = 0
    for text, content_start, expected in cases():
        if text not in outputs:
            outputs[text] = accordingto.analyze(text, nlp=nlp).to_dict()
        output = outputs[text]
        found = [a for a in output["attributions"] if a["content_text"].lstrip('"“').startswith(content_start)]
        if len(found) != 1:
            unmatched += 1  # the case's statement is not found once (an xfail case): not counted
            continue
        sources = {s["id"]: s for s in output["sources"]}
        shown = sources.get(found[0]["source_id"], {}).get("name")
        value = found[0]["speaker_confidence"]
        tally = unknown if value is None else next(counts[b] for b in BANDS if b[0] <= value < b[1])
        tally[0] += 1
        tally[1] += shown == expected
        if shown != expected:
            wrong.append(f"- {value}: {content_start!r} shown as {shown!r}, asserted {expected!r}")
    print("| speaker_confidence | asserted speakers | shown right |")
    print("|---|---|---|")
    for (low, high), (n, right) in counts.items():
        print(f"| {low:.1f}–{min(high, 1.0):.1f} | {n} | {right} |")
    print(f"| none (no source) | {unknown[0]} | {unknown[1]} |")
    print(f"\n(cases whose statement is not found once, left out: {unmatched}); shown wrong:")
    print("\n".join(sorted(wrong, reverse=True)))


if __name__ == "__main__":
    main()
