"""The HTML reader keeps the article and drops page furniture: one kind of furniture per case, in a page that is
otherwise a plain article, and prose that only looks like furniture, which must stay."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from accordingto.errors import InputError
from accordingto.read.html import html_article

PARAGRAPHS = (
    "The county board voted 4-1 on Thursday to close the Elm Street shelter at the end of the year.",
    "“We cannot keep a building open that fails every inspection,” board chair Nina Vasquez said after the vote.",
    "Advocates for the homeless warned that the county has no other shelter on the west side.",
    "The board said it would spend $2 million on a new site, according to a budget memo released on Friday.",
)


def page(furniture: str, *, where: int = 2, wrapper: str = "article") -> bytes:
    """An article page with ``furniture`` (HTML) after paragraph ``where``."""
    body = [f"<p>{text}</p>" for text in PARAGRAPHS]
    body.insert(where, furniture)
    return (
        "<!doctype html><html><head><title>County to close shelter | The Example Times</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/local'>Local</a></nav>"
        f"<{wrapper}><h1>County to close shelter</h1>{''.join(body)}</{wrapper}>"
        "<footer>About us</footer></body></html>"
    ).encode()


def read(html: bytes) -> str:
    text = html_article(html, "page.html").text
    for paragraph in PARAGRAPHS:
        assert paragraph in text, f"article paragraph lost: {paragraph!r}"
    return text


@pytest.mark.parametrize(
    ("furniture", "gone"),
    [
        pytest.param(
            '<p>MORE: <a href="/x">Sheriff says jail overcrowding is getting worse</a></p>',
            "Sheriff says jail",
            id="MORE: link",
        ),
        pytest.param(
            '<p><strong>READ MORE:</strong> <a href="/x">Parents say bus routes are too long</a></p>',
            "Parents say bus",
            id="READ MORE: link",
        ),
        pytest.param('<p>Related: <a href="/r">Mayor vows to fix potholes</a></p>', "Mayor vows", id="Related: link"),
        pytest.param(
            '<h3>Related</h3><ul><li><a href="/a">Judge says trial will move</a></li>'
            '<li><a href="/b">Senator predicts quick vote</a></li></ul>',
            "Judge says trial",
            id="related-link list under a heading",
        ),
        pytest.param(
            '<p><a href="/story">Residents claim the new tax rate is unfair to renters</a></p>',
            "Residents claim",
            id="link-only paragraph (a headline)",
        ),
        pytest.param(
            "<figure><img src='a.jpg'><figcaption>Nina Vasquez speaks to reporters. (AP Photo/Sam Lee)"
            "</figcaption></figure>",
            "speaks to reporters",
            id="caption with an agency credit",
        ),
        pytest.param(
            "<p>Volunteers sort donations on Monday. Photograph: Ada Chen/The Example Times</p>",
            "Volunteers sort",
            id="caption with a Photograph: credit",
        ),
        pytest.param("<p>Photo: Ada Chen/The Example Times</p>", "Ada Chen", id="Photo: credit line"),
        pytest.param("<p>Getty Images</p>", "Getty", id="agency credit alone"),
        pytest.param("<p>© 2024 The Example Times. All rights reserved.</p>", "All rights", id="copyright ©"),
        pytest.param("<p>Copyright 2024 Example Media Group</p>", "Example Media Group", id="copyright word"),
        pytest.param(
            "<p>This material may not be published, broadcast, rewritten or redistributed.</p>",
            "redistributed",
            id="syndication notice",
        ),
        pytest.param(
            '<p>Our Standards: <a href="/trust">The Example Trust Principles.</a></p>',
            "Trust Principles",
            id="Our Standards line",
        ),
        pytest.param("<p>By Ada Chen and Omar Reyes, Staff Writers</p>", "Staff Writers", id="byline"),
        pytest.param(
            "<p>Reporting by Ada Chen in Denver; Editing by Paul Stone</p>", "Editing by", id="wire credit line"
        ),
        pytest.param("<p>Contributing: Omar Reyes, The Example Times</p>", "Omar Reyes", id="contributing line"),
        pytest.param(
            "<div class='box'><p>Sign up for our morning newsletter. Editors say it is the best way to start the day."
            "</p></div>",
            "Editors say",
            id="newsletter box",
        ),
        pytest.param(
            "<p>Get the Example Times app and our breaking news alerts on your phone.</p>",
            "breaking news alerts",
            id="app prompt",
        ),
        pytest.param("<p>Follow Ada Chen on X @adachen.</p>", "@adachen", id="follow prompt"),
        pytest.param(
            "<p>If you or someone you know is in crisis, call or text 988. Counselors say help is free.</p>",
            "Counselors say",
            id="helpline box",
        ),
        pytest.param(
            "<p>Struggling? The Crisis Text Line is open all night: text HOME to 741741.</p>",
            "741741",
            id="helpline with a number to text",
        ),
        pytest.param(f"<blockquote>{PARAGRAPHS[1]}</blockquote>", None, id="pull quote repeating a paragraph"),
        pytest.param(
            "<p>Do you have a story? Email tips@example-times.com</p>", "tips@example", id="'Do you have a story?'"
        ),
        pytest.param(
            "<p>If you have been affected by homelessness, the charity Open Door offers free advice on 0800 555 0101."
            "</p>",
            "Open Door",
            id="helpline note opening 'If you have been affected by'",
        ),
        pytest.param(
            "<h4>Forward-Looking Statements</h4><p>This release contains forward-looking statements that involve "
            "risks; the county undertakes no obligation to update them.</p>",
            "undertakes no obligation",
            id="safe-harbour notice",
        ),
    ],
)
def test_furniture_is_dropped(furniture: str, gone: str | None) -> None:
    text = read(page(furniture))
    if gone is not None:
        assert gone not in text
    assert text.count(PARAGRAPHS[1]) == 1


# A pull quote repeats a quotation of the article in large type, before or after its paragraph, its sentences
# joined without the reporting clause (news22). Written for these tests, on ``PARAGRAPHS[1]``.
PULL_QUOTES = [
    pytest.param("<blockquote><p>“We cannot keep a building open that fails every inspection”</p></blockquote>", 3),
    pytest.param("<blockquote><p>“We cannot keep a building open that fails every inspection”</p></blockquote>", 1),
    pytest.param('<p>"We cannot keep a building open that fails every inspection"</p>', 3),
    pytest.param("<aside><p>“We cannot keep a building open that fails every inspection.”</p></aside>", 4),
]


@pytest.mark.parametrize(("pull_quote", "where"), PULL_QUOTES)
def test_a_pull_quote_is_dropped(pull_quote: str, where: int) -> None:
    assert read(page(pull_quote, where=where)).count("We cannot keep a building open") == 1


@pytest.mark.parametrize(
    "quotation",
    [
        pytest.param(
            "<blockquote><p>“The shelter kept us alive for two winters,” one resident wrote.</p></blockquote>"
        ),
        pytest.param("<p>“Every inspection.”</p>", id="fewer than three words prove no repeat"),
        pytest.param(
            "<blockquote><p>“We cannot keep a building open. The county will sell the land.”</p></blockquote>",
            id="one sentence repeated, one new",
        ),
    ],
)
def test_a_quotation_saying_something_new_stays(quotation: str) -> None:
    kept = re.sub(r"<[^>]+>", "", quotation)
    assert kept in read(page(quotation))


def test_furniture_lines_in_a_paragraph_broken_by_br() -> None:
    # One block holding the whole article, lines separated by <br>: the furniture lines go, the others stay.
    lines = [*PARAGRAPHS[:2], 'READ MORE: <a href="/x">Council says budget is balanced</a>', *PARAGRAPHS[2:]]
    html = page(f"<div class='text'>{'<br><br>'.join(lines)}</div>", where=0, wrapper="div").replace(
        b"<p>", b"<p hidden>"
    )
    text = html_article(html, "page.html").text
    assert "Council says budget" not in text
    assert PARAGRAPHS[3] in text


@pytest.mark.parametrize(
    "prose",
    [
        pytest.param(
            '<p>The audit, <a href="/audit">published on Tuesday</a>, found that the shelter had failed three fire '
            "inspections since 2021.</p>",
            id="a sentence with a link in it",
        ),
        pytest.param(
            "<p>Reporting by the Example Times found that the shelter had failed every inspection.</p>",
            id="'Reporting by' in a sentence",
        ),
        pytest.param(
            "<p>Copyright law does not protect the designs, the county attorney said.</p>", id="'Copyright' as a word"
        ),
        pytest.param("<p>By Election Day, the board had changed its mind twice.</p>", id="'By' opening a sentence"),
        pytest.param(
            "<p>Follow the money, the auditor told the board, and the problems become clear.</p>",
            id="'Follow' opening a sentence",
        ),
        pytest.param(
            "<p>Callers said they could not get through to the county hotline (555-0100) for hours.</p>",
            id="a report about a hotline",
        ),
        pytest.param(
            "<p>If you are affected by the closure, the county said, you may ask for a bed at the east shelter.</p>",
            id="'If you are affected by' in a report",
        ),
        pytest.param(
            "<p>Do you have a story to tell, the archivist asked the shelter's former residents.</p>",
            id="'Do you have a story' in a sentence",
        ),
        pytest.param(
            "<p>Forward-looking statements in the county's bond papers drew a warning from auditors.</p>",
            id="'forward-looking statements' in a sentence",
        ),
        pytest.param(
            "<p>Correction: An earlier version of this story misstated the vote, the board's clerk said.</p>",
            id="a correction note (PolNeAR annotates attributions in them)",
        ),
    ],
)
def test_prose_that_looks_like_furniture_stays(prose: str) -> None:
    assert re.sub(r"<[^>]+>", "", prose) in read(page(prose))


def test_a_page_of_furniture_only_has_no_article_text() -> None:
    furniture_only = (
        b"<html><body><article><p>MORE: <a href='/a'>Mayor says transit line opens soon</a></p>"
        b"<p>\xc2\xa9 2024 The Example Times. All rights reserved.</p></article></body></html>"
    )
    with pytest.raises(InputError, match="no article text found"):
        html_article(furniture_only, "page.html")


def _synthetic_pages() -> object:
    """The benchmark's synthetic outlet pages (benchmarks/furniture_pages.py)."""
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "furniture_pages.py"
    spec = importlib.util.spec_from_file_location("furniture_pages", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["furniture_pages"] = module
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_pages_keep_their_article_and_lose_their_furniture() -> None:
    # benchmarks/furniture.py runs the full analysis on these; here only the reader: every paragraph kept,
    # no furniture line left.
    for synthetic in _synthetic_pages().pages():  # type: ignore[attr-defined]
        text = html_article(synthetic.html.encode(), synthetic.name).text
        lost = [p for p in synthetic.paragraphs if p not in text]
        kept = [f for f in synthetic.furniture if f in text and not any(f in p for p in synthetic.paragraphs)]
        assert (synthetic.name, lost, kept) == (synthetic.name, [], [])
