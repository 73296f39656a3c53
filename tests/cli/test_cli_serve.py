"""``accordingto serve`` through the installed entry point: a bad store is one line on stderr, never a traceback.
(The running service itself is tested end to end in tests/serve/test_serve_browser.py.)"""

from __future__ import annotations

import subprocess

import pytest


@pytest.mark.parametrize(
    ("db", "reason"),
    [
        ("/nonexistent/folder/corpus.sqlite", "does not exist"),
        ("nosuchdriver://somewhere", "not a usable store URL"),
    ],
)
def test_a_store_that_cannot_be_opened_is_one_line(cli: str, db: str, reason: str) -> None:
    result = subprocess.run([cli, "serve", "--db", db], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("accordingto: error: ")
    assert reason in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_help_lists_the_options(cli: str) -> None:
    result = subprocess.run([cli, "serve", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    for option in ("--host", "--port", "--db", "--workers", "--pipelines"):
        assert option in result.stdout
