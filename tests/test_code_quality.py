"""Lint and type checks run with the tests, so CI enforces them through the one test command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


@pytest.mark.parametrize(
    "command",
    [
        [str(BIN / "ruff"), "check", "src", "tests", "benchmarks"],
        [str(BIN / "ruff"), "format", "--check", "--quiet", "src", "tests", "benchmarks"],
        [str(BIN / "mypy")],
    ],
    ids=["ruff", "ruff-format", "mypy"],
)
def test_code_is_clean(command: list[str]) -> None:
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
