"""``accordingto analyze --format html``: the report file the CLI writes, opened in Chromium, shows the highlights
and runs nothing from the article."""

from __future__ import annotations

import subprocess
from pathlib import Path

from hand_analysis import EXAMPLE_PATH

HOSTILE = (
    'The mayor said: "<script>window.pwned=1</script>" on Monday.\n'
    '<img src=x onerror="window.pwned=1"> "It is over," the minister told reporters.'
)


def test_the_cli_html_report_renders_in_chromium(browser, cli: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE + "\n" + EXAMPLE_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    report = tmp_path / "hostile.html"
    result = subprocess.run(
        [cli, "analyze", str(article), "--format", "html", "--published", "2023-12-23"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report.write_text(result.stdout, encoding="utf-8")
    tab = browser.new_page(viewport={"width": 1366, "height": 900})
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    try:
        tab.goto(report.as_uri())
        tab.wait_for_selector(".at-text")
        assert errors == []
        assert tab.evaluate("typeof window.pwned") == "undefined"
        assert tab.locator(".at-text .at-source").count() >= 3
        assert "<script>window.pwned=1</script>" in tab.inner_text(".at-text")
        assert tab.locator(".at-text img, .at-text script").count() == 0
    finally:
        tab.close()
