"""Who said it, in news26's ten articles (``tests/fixtures/news/``: a rail operator's timetable collapse, an
election-night count in a small island country in wire style, an inhaler recall, a memoir row with a publisher, a
rugby captain's retirement, a wildfire and its evacuations, a fraud appeal with two barristers in turn, a summit
with two foreign ministers in wire style, and two HTML pages: a local radio station's school inspection and a tech
site's layoffs), read from their judgment files; the cases and their marks are ``tests/news_judged.py``'s.

A third held-out set beside news24's and news25's: written at stop 33, when those two became the speaker-side
helpers' development data, and never shown to those helpers, so that the lead scores their merged work on articles
none of them has read."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from news_judged import ROUNDS, assert_the_speaker_a_reader_names, judged_articles, speaker_cases

ARTICLES = ROUNDS["news26"]


@pytest.mark.parametrize(("article", "line"), speaker_cases(ARTICLES))
def test_the_speaker_a_reader_names(nlp: Language, article: str, line: dict[str, Any]) -> None:
    assert_the_speaker_a_reader_names(nlp, article, line)


def test_every_article_is_judged() -> None:
    assert set(ARTICLES) <= judged_articles()
