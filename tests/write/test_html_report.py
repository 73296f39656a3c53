"""The self-contained HTML report: escaping, self-containment, the embedded data, and how it renders in
Chromium."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from pathlib import Path

import pytest

import samples
from accordingto.model import Analysis, ArticleMeta
from accordingto.write.html import asset, render_html, script_json

HOSTILE = (
    'The mayor said: "<script>alert(1)</script>". </script><script>window.pwned=1</script> '
    '<img src=x onerror="window.pwned=1"> <!-- comment --> & <style>body{display:none}</style>'
)


def hostile_analysis() -> Analysis:
    """A statement whose words are markup, under a title that is markup too."""
    cue = HOSTILE.index("said")
    content = HOSTILE[cue + 6 : cue + 36]
    statement = samples.attribution(HOSTILE, "a1", "mayor", "said", content, type="direct")
    return Analysis(
        text=HOSTILE,
        attributions=[statement],
        article=ArticleMeta(title='<b onmouseover="window.pwned=1">"Title"</b>'),
    )


def data_block(page: str) -> str:
    match = re.search(r'<script type="application/json" id="accordingto-data">(.*?)</script>', page, re.S)
    assert match, "no embedded analysis"
    return match.group(1)


def test_article_text_is_escaped_everywhere() -> None:
    page = render_html(hostile_analysis())
    assert "<script>alert(1)" not in page
    assert "<script>window.pwned" not in page
    assert "<img" not in page
    assert "<!-- comment" not in page
    assert "<style>body" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the no-script fallback, html.escape'd
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in data_block(page)
    assert html.escape('<b onmouseover="window.pwned=1">"Title"</b>') in page
    # Exactly the two script elements of the report: its data and its renderer.
    assert len(re.findall(r"<script\b", page)) == 2


def test_embedded_data_is_the_analysis(example_analysis: Analysis) -> None:
    page = render_html(example_analysis)
    data = json.loads(data_block(page))
    assert data == example_analysis.to_dict()
    assert Analysis.from_dict(data) == example_analysis


@pytest.mark.parametrize(
    ("data", "forbidden"),
    [("</script>", "</"), ("<!--", "<!"), ("a & b", "&"), ("x > y", ">")],
)
def test_script_json_leaves_no_markup_characters(data: str, forbidden: str) -> None:
    encoded = script_json({"text": data})
    assert forbidden not in encoded
    assert json.loads(encoded) == {"text": data}


def test_report_is_self_contained(example_analysis: Analysis) -> None:
    page = render_html(example_analysis)
    assert not re.search(r"""(src|href|action)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", page, re.I)
    assert "<link" not in page
    for name in ("report.js", "report.css"):  # an asset must not be able to close its own element
        assert not re.search(r"</?(script|style)", asset(name), re.I)
    assert "<style>" in page and "AccordingTo" in page


def test_content_security_policy_allows_only_the_report_itself(example_analysis: Analysis) -> None:
    page = render_html(example_analysis)
    policy = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1))
    script = re.search(r"<script>(.*)</script>", page, re.S).group(1)
    style = re.search(r"<style>(.*)</style>", page, re.S).group(1)

    def digest(source: str) -> str:
        return base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()

    assert f"script-src 'sha256-{digest(script)}'" in policy
    assert f"style-src 'sha256-{digest(style)}'" in policy
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy


@pytest.mark.parametrize("text", ["No one is quoted here.", "x", "Line one.\n\nLine two.\r\n"])
def test_analysis_without_attributions_renders(text: str) -> None:
    page = render_html(Analysis(text=text))
    assert json.loads(data_block(page))["attributions"] == []


def open_report(browser, tmp_path: Path, analysis: Analysis):  # type: ignore[no-untyped-def]
    path = tmp_path / "report.html"
    path.write_text(render_html(analysis), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri())
    page.wait_for_selector(".at-text")
    return page, errors


def test_report_renders_highlights_and_chains_in_chromium(browser, tmp_path: Path, example_analysis: Analysis) -> None:  # type: ignore[no-untyped-def]
    page, errors = open_report(browser, tmp_path, example_analysis)
    try:
        assert errors == []
        assert page.locator(".at-text .at-source").count() >= len(example_analysis.attributions) - 1
        assert page.locator(".at-source-item").count() == len(example_analysis.sources)
        assert "42%" in page.locator(".at-summary").inner_text()
        # One colour per source: Putin's three statements share a hue, the US officials' another.
        hues = page.eval_on_selector_all(
            ".at-text .at-source", "nodes => nodes.map(n => [n.dataset.id, n.style.getPropertyValue('--h')])"
        )
        hue = dict(hues)
        assert hue["a4"] == hue["a5"] == hue["a6"] != hue["a1"]
        assert hue["a1"] == hue["a8"]
        assert page.locator(".at-flagged").count() >= 3  # denial, hedged and negated cues are marked
        assert page.locator(".at-time").count() >= 3
        # Clicking a nested attribution shows its chain: upstream report, then the parent, then itself.
        page.click('.at-attr-item[data-id="a2"]')
        chain = page.locator(".at-detail .at-chain-list").first.inner_text()
        assert chain.index("New York Times") < chain.index("US officials") < chain.index("Putin reported")
        assert page.locator(".at-text .at-sel").count() >= 3
        assert page.locator(".at-text .at-chain").count() >= 3
        page.keyboard.press("Escape")
        assert page.locator(".at-text .at-sel").count() == 0
        # Keyboard: the first highlight is focusable, Enter selects it.
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.dataset.id")
        assert focused
        page.keyboard.press("Enter")
        assert f"Attribution {focused}" in page.locator(".at-detail").inner_text()
        page.screenshot(path=str(tmp_path / "report.png"))
    finally:
        page.close()


def test_hostile_article_renders_as_text_in_chromium(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, errors = open_report(browser, tmp_path, hostile_analysis())
    try:
        assert errors == []
        assert page.evaluate("typeof window.pwned") == "undefined"
        shown = page.locator(".at-text").inner_text()
        assert "<script>alert(1)</script>" in shown
        assert '<img src=x onerror="window.pwned=1">' in shown
        assert page.locator(".at-text img, .at-text script, .at-report style").count() == 0
        assert page.locator("h1").inner_text() == '<b onmouseover="window.pwned=1">"Title"</b>'
    finally:
        page.close()


EMOJI_TEXT = "🎉🇺🇦 Party 👨‍👩‍👧 time: Ann said “we won 🏆 again” today, and Bo 😀 told us: “no way.”"


def emoji_analysis() -> Analysis:
    """Offsets as Python counts them (code points), with emoji (two UTF-16 units each, some of several code
    points) before and inside every span."""
    attributions = [
        samples.attribution(EMOJI_TEXT, f"a{number}", source, cue, content, type="direct")
        for number, (source, cue, content) in enumerate(
            [("Ann", "said", "“we won 🏆 again”"), ("Bo 😀", "told", "“no way.”")], start=1
        )
    ]
    return Analysis(text=EMOJI_TEXT, attributions=attributions)


def test_highlights_sit_on_their_words_after_emoji_in_chromium(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Offsets count code points, JavaScript strings UTF-16 units: each emoji before a span shifted it by one."""
    analysis = emoji_analysis()
    page, errors = open_report(browser, tmp_path, analysis)
    try:
        assert errors == []
        shown = page.eval_on_selector_all(
            ".at-text [data-id]",
            "nodes => nodes.map(n => [n.dataset.id, [...n.classList].find(c => /^at-(source|cue|content)$/.test(c)),"
            " n.textContent])",
        )
        for attribution in analysis.attributions:
            for role in ("source", "cue", "content"):
                pieces = [text for id_, kind, text in shown if id_ == attribution.id and kind == f"at-{role}"]
                assert "".join(pieces) == getattr(attribution, f"{role}_text"), (attribution.id, role, pieces)
        assert page.evaluate("AccordingTo.codeUnits('a😀b')(2)") == 3
    finally:
        page.close()
