"""Who said it, in news29's ten articles (``tests/fixtures/news/``: a housing association's failed fire doors, a
council pension fund's vote to sell oil shares, a wedding venue's licensing hearing, an airport's runway planning
appeal, a cricket selection row, a television presenter's libel trial, a drought hosepipe ban, a police misconduct
hearing over a leak to a podcast, and two HTML pages: a Scottish national paper's bus franchising story and a US
public-radio station's story of a local newspaper's closure), read from their judgment files; the cases and their
marks are ``tests/news_judged.py``'s.

A sixth held-out set beside news28's: written at stop 36, when news24 to news28 became the speaker-side helpers'
development data, and never shown to those helpers, so that the lead scores their merged work on articles none of
them has read."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from news_judged import ROUNDS, assert_the_speaker_a_reader_names, judged_articles, speaker_cases

ARTICLES = ROUNDS["news29"]


@pytest.mark.parametrize(("article", "line"), speaker_cases(ARTICLES))
def test_the_speaker_a_reader_names(nlp: Language, article: str, line: dict[str, Any]) -> None:
    assert_the_speaker_a_reader_names(nlp, article, line)


def test_every_article_is_judged() -> None:
    assert set(ARTICLES) <= judged_articles()
