"""A box of readers' messages under its heading is furniture (news23: a sports page's "Get involved" box, whose
"Name: text" lines became statements); the same "Name: text" lines with no such heading, as in an interview's
transcript, stay. Pages written for this test."""

from __future__ import annotations

import pytest

from accordingto.read.furniture import is_readers_heading
from accordingto.read.html import html_article

STORY = (
    "<p>The lifeboat crew was called out three times on Sunday, the station's coxswain, Ewan Trask, said.</p>"
    "<p>“It was the busiest day we have had in a decade,” he said. “Everyone came home safe.”</p>"
    "<p>The station will hold an open day next month to raise money for a new launch tractor.</p>"
)
MESSAGES = (
    "<p><b>Dora:</b> Those crews are heroes, every one of them.</p>"
    "<p><b>Sam, Penwick:</b> My son says the tractor is older than him!</p>"
)


def page(after_story: str) -> bytes:
    return (
        "<html><head><title>Lifeboat crew's busiest day</title></head><body><article>"
        f"<h1>Lifeboat crew's busiest day in a decade</h1>{STORY}{after_story}</article></body></html>"
    ).encode()


@pytest.mark.parametrize("heading", ["Get involved: your views", "Have your say", "Your comments", "What you said"])
def test_a_readers_box_is_dropped(heading: str) -> None:
    text = html_article(
        page(f"<h2>{heading}</h2>{MESSAGES}<h2>Station history</h2><p>The station opened in 1894.</p>"), "t"
    ).text
    assert "heroes" not in text and "older than him" not in text and heading not in text
    assert "busiest day we have had" in text and "opened in 1894" in text  # the story, and what follows the box


def test_name_lines_without_the_heading_stay() -> None:
    text = html_article(page(f"<h2>The crew's own words</h2>{MESSAGES}"), "t").text
    assert "heroes" in text and "older than him" in text


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Have your say", True),
        ("Get involved #LIFEBOAT", True),
        ("Readers' comments", True),
        ("Your views on the closure, she said, were heard", True),  # a heading only: the caller reads head blocks
        ("Getting involved in the campaign cost her", False),
        ("The views of residents", False),
    ],
)
def test_readers_heading(line: str, heading: bool) -> None:
    assert is_readers_heading(line) is heading
