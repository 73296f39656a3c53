"""Fixtures for the renderer tests: the example article and a hand-made analysis of it."""

from __future__ import annotations

import pytest

from accordingto.model import Analysis
from hand_analysis import EXAMPLE_PATH, build_example_analysis


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_analysis(example_text: str) -> Analysis:
    return build_example_analysis(example_text)
