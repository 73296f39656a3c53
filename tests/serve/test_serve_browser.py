"""End to end: ``accordingto serve`` in a subprocess on a free loopback port, driven by headless Chromium."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect

from accordingto.model import Article
from accordingto.store import open_store
from hand_analysis import EXAMPLE_PATH, build_example_analysis

EXAMPLE = EXAMPLE_PATH.read_text(encoding="utf-8")
HOSTILE = (
    'The mayor said: "<script>window.pwned=1</script>" on Monday.\n'
    '<img src=x onerror="window.pwned=1"> "It is over," the minister told reporters.'
)
START_TIMEOUT_S = 90


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(cli: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real service with a small store (two outlets), on 127.0.0.1 only; stopped after the module."""
    folder = tmp_path_factory.mktemp("server")
    database = folder / "corpus.sqlite"
    analysis = build_example_analysis(EXAMPLE)
    with open_store(str(database)) as store:
        for article_id, outlet, published in [
            ("one", "Example News", "2023-12-23"),
            ("two", "Other Times", "2024-01-05"),
        ]:
            article = Article(
                text=EXAMPLE, id=article_id, outlet=outlet, published=published, title=f"Story {article_id}"
            )
            store.save(article, analysis)
    port = free_port()
    log = (folder / "server.log").open("w")
    process = subprocess.Popen(
        [cli, "serve", "--host", "127.0.0.1", "--port", str(port), "--db", str(database), "--log-level", "warning"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            assert process.poll() is None, (folder / "server.log").read_text()
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not start in time"
            time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture
def page(browser, server: str):  # type: ignore[no-untyped-def]
    """A fresh page at the service's front page; fails the test on any script error."""
    tab = browser.new_page(viewport={"width": 1366, "height": 900})
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(server + "/")
    yield tab
    tab.close()
    assert errors == []


def analyze_in_page(page, text: str, published: str | None = None) -> None:  # type: ignore[no-untyped-def]
    page.fill("#text", text)
    if published:
        page.fill("#published", published)
    page.click("#analyze-button")
    page.wait_for_selector("#result .at-text", timeout=60_000)


def test_the_page_analyzes_the_example_article(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    analyze_in_page(page, EXAMPLE, "2023-12-23")
    assert "found in" in page.inner_text("#status")
    assert page.locator("#result .at-text .at-source").count() >= 3
    assert page.locator("#result .at-text .at-cue").count() >= 5
    hues = set(
        page.eval_on_selector_all("#result .at-text .at-source", "ns => ns.map(n => n.style.getPropertyValue('--h'))")
    )
    assert len(hues) >= 2  # sources get their own colours
    assert page.inner_text("#result .at-text").replace("\n", "") == EXAMPLE.replace("\n", "")
    page.locator("#result .at-attr-item").first.click()
    assert "Attribution" in page.inner_text("#result .at-detail")
    page.screenshot(path=str(tmp_path / "page.png"), full_page=False)
    assert (tmp_path / "page.png").stat().st_size > 10_000


def test_a_hostile_article_is_shown_as_text_and_nothing_runs(page) -> None:  # type: ignore[no-untyped-def]
    analyze_in_page(page, HOSTILE)
    assert page.evaluate("typeof window.pwned") == "undefined"
    shown = page.inner_text("#result .at-text")
    assert "<script>window.pwned=1</script>" in shown
    assert '<img src=x onerror="window.pwned=1">' in shown
    assert page.locator("#result img, #result script").count() == 0


def test_a_blank_article_is_refused_in_the_page(page) -> None:  # type: ignore[no-untyped-def]
    page.fill("#text", "   ")
    page.evaluate("document.getElementById('text').required = false")
    page.click("#analyze-button")
    assert "Paste an article" in page.inner_text("#status")
    assert page.locator("#result .at-text").count() == 0


def test_the_corpus_view_shows_sources_outlets_and_a_timeline(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_selector("#tab-corpus:not([hidden])")
    page.click("#tab-corpus")
    page.wait_for_selector("#top-sources .pg-source")
    assert page.locator("#top-sources .pg-source").first.inner_text().startswith("Vladimir Putin")
    assert page.locator("#outlets .pg-outlet").count() == 2
    page.locator("#top-sources .pg-source").first.click()
    page.wait_for_selector("#timeline .pg-statement")
    assert page.locator("#timeline .pg-statement").count() == 8
    assert page.locator("#timeline .pg-dot").count() == 8
    page.screenshot(path=str(tmp_path / "corpus.png"), full_page=True)
    page.select_option("#filter-named", "false")
    page.click("#corpus-filters button[type=submit]")
    # (expect() polls without eval, which the page's Content-Security-Policy rightly forbids)
    expect(page.locator("#top-sources")).not_to_contain_text("Vladimir Putin")
    assert "anonymous" in page.inner_text("#top-sources")
    page.locator("#articles .pg-article").first.click()
    page.wait_for_selector("#analyze-view:not([hidden]) #result .at-text")
