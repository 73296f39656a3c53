"""Fixtures of the resolve tests."""

from __future__ import annotations

from pathlib import Path

import pytest

GUM_FIXTURE = Path(__file__).resolve().parents[1] / "evaluate" / "fixtures" / "gum" / "GUM_news_harbor.conllu"


@pytest.fixture
def gum_folder(tmp_path: Path) -> Path:
    """GUM's layout with the hand-made fixture document twice as train (two folds) and once as dev, for the
    commands fitted on GUM train by cross-validation (the speaker confidence, the kind of a name)."""
    text = GUM_FIXTURE.read_text(encoding="utf-8")
    for split, names in (("train", ["GUM_news_harbor.conllu", "GUM_news_harbor2.conllu"]), ("dev", [GUM_FIXTURE.name])):
        (tmp_path / "gum" / split).mkdir(parents=True)
        for name in names:
            (tmp_path / "gum" / split / name).write_text(text, encoding="utf-8")
    return tmp_path / "gum"
