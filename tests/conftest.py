"""Fixtures shared by the whole suite."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from spacy.language import Language

# The store fixtures (SQLite and a throw-away PostgreSQL server), for every folder whose tests write a store.
pytest_plugins = ["store_fixtures"]


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full accordingto pipeline, loaded once for the whole test session."""
    from accordingto.parse import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def cli() -> str:
    """The installed ``accordingto`` entry point (tests run it as a user would)."""
    path = Path(sys.executable).parent / "accordingto"
    found = str(path) if path.exists() else shutil.which("accordingto")
    assert found, "the accordingto entry point is not installed: run scripts/setup"
    return found


# Chromium from Debian (scripts/setup installs it); Playwright's own browser download is never used.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """A headless Chromium for the page and report tests, started once per session."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run scripts/setup (it installs chromium)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
