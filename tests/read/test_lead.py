"""The HTML reader starts the text with the page's headline, and the standfirst under it, when trafilatura's body
leaves them out (templates that set them above the article-body element); nothing else comes back with them: a
meta description that is no line of the page, a byline or kicker between headline and body, a caption, a box of
key points, a logo's ``<h1>``; and a headline the body already holds is not repeated. Pages written for these
tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from accordingto import analyze
from accordingto.read.html import html_article

HEADLINE = "Fishermen vow legal fight as harbour board shuts north quay"
STANDFIRST = "Skippers say the closure will end a century of landings at the town's oldest berth"
STORY = (
    "The harbour board voted on Tuesday to close the north quay to fishing boats from April, its secretary said.",
    "“We have no money left to repair the wall,” the board's chair, Imogen Tate, told the meeting.",
    "Skippers who land their catch at the quay said they would take the board to court.",
)
BODY = "".join(f"<p>{paragraph}</p>" for paragraph in STORY)
SITE_HEADER = (
    "<header class='masthead'><a href='/'>The Shoreline Gazette</a><nav><a href='/news'>News</a></nav></header>"
)


def page(inside: str, *, meta: str = "", title: str = HEADLINE) -> bytes:
    """A page with ``inside`` after the site's header; ``meta`` goes in the <head>."""
    head = f"<title>{title} | The Shoreline Gazette</title>" if title else ""
    return (
        f"<!doctype html><html><head>{head}{meta}</head><body>{SITE_HEADER}{inside}"
        "<footer><p>About us</p></footer></body></html>"
    ).encode()


def lines(html: bytes) -> list[str]:
    text = html_article(html, "page.html").text
    for paragraph in STORY:
        assert text.count(paragraph) == 1, f"article paragraph lost or doubled: {paragraph!r}"
    return text.splitlines()


def body_div(before: str = "") -> str:
    """An <article> holding the headline, ``before`` and the story in an ``article-body`` element."""
    return f"<article><h1>{HEADLINE}</h1>{before}<div class='article-body'>{BODY}</div></article>"


BYLINE = "<div class='byline'>By Ada Penrose, Coastal Reporter</div>"


@pytest.mark.parametrize(
    ("html", "lead"),
    [
        pytest.param(
            page(f"<main><h1>{HEADLINE}</h1>{BYLINE}<article>{BODY}</article></main>"),
            [HEADLINE],
            id="headline outside the article element, next to it",
        ),
        pytest.param(page(body_div(BYLINE)), [HEADLINE], id="headline inside the article, body in its own element"),
        pytest.param(
            page(f"<article><header><h1>{HEADLINE}</h1></header><div class='article-body'>{BODY}</div></article>"),
            [HEADLINE],
            id="headline in the article's own <header>",
        ),
        pytest.param(
            page(body_div(f"<p class='standfirst'>{STANDFIRST}</p>{BYLINE}")),
            [HEADLINE, STANDFIRST],
            id="standfirst named by its class",
        ),
        pytest.param(
            page(body_div(f"{BYLINE}<div class='c-article__dek'><p>{STANDFIRST}</p></div>")),
            [HEADLINE, STANDFIRST],
            id="dek in a div, after the byline",
        ),
        pytest.param(
            page(body_div(f"<p itemprop='description'>{STANDFIRST}</p>")),
            [HEADLINE, STANDFIRST],
            id="standfirst named by itemprop",
        ),
        pytest.param(
            page(
                body_div(f"<p class='lead-in'>{STANDFIRST}</p>"),
                meta=f'<meta name="description" content="{STANDFIRST}.">',
            ),
            [HEADLINE, STANDFIRST],
            id="unnamed line that is the meta description",
        ),
        pytest.param(
            page(
                f"<div class='wrap'><h1 class='logo'>The Shoreline Gazette</h1>{body_div()}</div>",
                meta=f"<meta property='og:title' content='{HEADLINE}'>",
            ),
            [HEADLINE],
            id="the story's h1 chosen over a logo's by the metadata title",
        ),
    ],
)
def test_the_headline_and_standfirst_open_the_text(html: bytes, lead: list[str]) -> None:
    # Each its own line (a paragraph, and a sentence, of its own), then the story.
    assert lines(html)[: len(lead) + 1] == [*lead, STORY[0]]


@pytest.mark.parametrize(
    "html",
    [
        pytest.param(
            page(body_div(), meta="<meta name='description' content='Quay to shut in April after board vote.'>"),
            id="meta description that is no line of the page",
        ),
        pytest.param(page(body_div(f"<p class='kicker'>Coastal towns</p>{BYLINE}")), id="kicker and byline"),
        pytest.param(
            page(
                body_div(
                    "<div class='article-summary'><ul><li>North quay shuts in April.</li>"
                    "<li>Skippers plan to sue.</li></ul></div>"
                )
            ),
            id="a box of key points is not one line",
        ),
        pytest.param(
            page(
                body_div(
                    "<figure><img src='q.jpg'><figcaption class='image-description'>Boats at the north quay on "
                    "Monday</figcaption></figure>"
                )
            ),
            id="a caption named 'description'",
        ),
    ],
)
def test_only_the_headline_comes_back(html: bytes) -> None:
    assert lines(html)[:2] == [HEADLINE, STORY[0]]


@pytest.mark.parametrize(
    "html",
    [
        pytest.param(page(f"<article><div class='article-body'>{BODY}</div></article>", title=""), id="no headline"),
        pytest.param(
            page(f"<article><div class='article-body'>{BODY}</div></article>", title="").replace(
                b"<a href='/'>The Shoreline Gazette</a>", b"<h1><a href='/'>The Shoreline Gazette</a></h1>"
            ),
            id="the page's only h1 is the logo in its banner",
        ),
        pytest.param(
            page(
                f"<div class='wrap'><h1>The Shoreline Gazette</h1>{body_div().replace(f'<h1>{HEADLINE}</h1>', '')}"
                "</div>",
                title="",
                meta="<meta property='og:site_name' content='The Shoreline Gazette'>",
            ),
            id="the page's only h1 is the site's name, outside any banner",
        ),
        pytest.param(
            page(
                f"<article><div class='article-body'>{BODY}</div></article>"
                f"<aside class='most-read'><h1>Most read</h1><p><a href='/x'>Pier reopens</a></p></aside>",
                title="",
            ),
            id="an h1 in a sidebar",
        ),
    ],
)
def test_no_headline_is_made_up(html: bytes) -> None:
    assert lines(html)[0] == STORY[0]


def test_a_headline_the_body_holds_is_not_repeated() -> None:
    # trafilatura takes the whole <article> here, headline and standfirst with it.
    html = page(f"<article><h1>{HEADLINE}</h1><p class='standfirst'>{STANDFIRST}</p>{BODY}</article>")
    text = html_article(html, "page.html").text
    assert text.splitlines()[:3] == [HEADLINE, STANDFIRST, STORY[0]]
    assert text.count(HEADLINE) == 1 and text.count(STANDFIRST) == 1


def test_the_standfirst_is_a_sentence_of_its_own(nlp: Language) -> None:
    # Its attribution ("Skippers say ...") ends with its line: the lede's words are no part of its content.
    text = html_article(page(body_div(f"<p class='standfirst'>{STANDFIRST}</p>")), "page.html").text
    found = [a for a in analyze(text, nlp=nlp).attributions if "century of landings" in a.content_text]
    assert [(a.cue_text, a.content_text.endswith("oldest berth")) for a in found] == [("say", True)]
