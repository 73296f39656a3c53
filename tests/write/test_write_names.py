"""Names as a reader sees them (``write.names.reader_name``) and its JavaScript twin in ``report.js``, which the HTML
report and the page's Analyze view use: the same answers on one table of cases, and no id or generic credit shown
as a name in the text view or the HTML report."""

from __future__ import annotations

from pathlib import Path

import pytest

from accordingto.model import Analysis
from accordingto.write.html import asset, render_html
from accordingto.write.names import reader_name
from accordingto.write.text import render_text
from samples import relayed_statement, source

# (name, description, what a reader is shown)
CASES: list[tuple[str | None, str | None, str]] = [
    ("Vladimir Putin", None, "Vladimir Putin"),
    ("  Peskov  ", "a spokesman", "Peskov"),
    ("s1", None, "unnamed source"),
    ("A12", None, "unnamed source"),
    ("s1", "two senior officials", "two senior officials"),
    ("s1", "media", "unnamed source"),
    ("", "", "unnamed source"),
    (None, None, "unnamed source"),
    ("media", None, "unnamed media"),
    ("media", "s2", "unnamed media"),
    ("MEDIA", None, "unnamed MEDIA"),
    ("Russian media", None, "unnamed Russian media"),
    ("Western press", None, "unnamed Western press"),
    ("the press", None, "unnamed press"),
    ("The Press", None, "unnamed Press"),
    ("news reports", None, "unnamed news reports"),
    ("news media", None, "unnamed news media"),
    ("local Reports", None, "unnamed local Reports"),
    ("media", "state television", "state television"),
    ("Associated Press", None, "Associated Press"),  # a capitalized word that is no nationality: a name
    ("The New York Times", None, "The New York Times"),
    ("Chinese state media", None, "Chinese state media"),  # one qualifier only
    ("B-52", None, "B-52"),
    ("x9 media", None, "unnamed x9 media"),
    ("officials", None, "officials"),
    ("état médias", None, "état médias"),
    ("Reuters", "", "Reuters"),
]


@pytest.mark.parametrize(("name", "description", "shown"), CASES)
def test_the_rule(name: str | None, description: str | None, shown: str) -> None:
    assert reader_name(name, description) == shown


def test_the_javascript_twin_gives_the_same_answers(browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    try:
        page.set_content("<!doctype html><html><body></body></html>")
        page.add_script_tag(content=asset("report.js"))
        answers = page.evaluate(
            "cases => cases.map(([name, description]) => window.AccordingTo.readerName(name, description))",
            [[name, description] for name, description, _ in CASES],
        )
    finally:
        page.close()
    assert answers == [reader_name(name, description) for name, description, _ in CASES]


TEXT = 'Officials said the ceasefire "would not hold," according to media.'


def credited_to_media() -> Analysis:
    """A statement whose source has an id for a name, relayed from a generic credit ("media")."""
    officials = source("s1", "s1", named=False, kind="government", description="officials")
    return relayed_statement(
        TEXT,
        "Officials",
        "would not hold,",
        officials,
        credit="media",
        credit_words="media",
        confidence=0.83,
        type="mixed",
    )


def test_the_text_view_shows_reader_names_and_the_confidence() -> None:
    shown = render_text(credited_to_media(), width=200)
    assert "via unnamed media" in shown and "upstream reports: unnamed media" in shown
    assert "via media" not in shown
    assert "officials" in shown.split("Attributions (")[0]  # the source's row: its description, not "s1"
    assert "confidence" in shown and "│        83% │" in shown


def test_the_html_report_shows_reader_names_and_the_confidence(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "report.html"
    path.write_text(render_html(credited_to_media()), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(path.as_uri())
        page.wait_for_selector(".at-text")
        chips = page.locator(".at-prov-chip").all_inner_texts()
        assert chips and all("unnamed media" in chip for chip in chips)
        assert page.locator(".at-source-item .at-item-name").all_inner_texts() == ["officials"]
        assert "83% likely right" in page.locator(".at-attr-item").first.inner_text()
        page.locator(".at-source-item").first.click()
        assert page.locator(".at-detail h2, #at-detail h2").first.inner_text().startswith("officials")
    finally:
        page.close()
    assert errors == []
