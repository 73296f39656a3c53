"""Who said it, in news24's ten articles (``tests/fixtures/news/``: a tram strike, an election campaign day in wire
style, an energy company's results call, an academy trust's exclusions, an inquest, an AI tutor's launch, a netball
semi-final, a conductor's obituary, a regional daily's police appeal and a public broadcaster's solar-farm row, the
last two as HTML pages), read from their judgment files; the cases and their marks are ``tests/news_judged.py``'s.

The articles were written before the speaker-side helpers of the same stop started and were not shown to them: a
held-out measure of whether their fixes generalise."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from news_judged import ROUNDS, assert_the_speaker_a_reader_names, judged_articles, speaker_cases

ARTICLES = ROUNDS["news24"]


@pytest.mark.parametrize(("article", "line"), speaker_cases(ARTICLES))
def test_the_speaker_a_reader_names(nlp: Language, article: str, line: dict[str, Any]) -> None:
    assert_the_speaker_a_reader_names(nlp, article, line)


def test_every_article_is_judged() -> None:
    assert set(ARTICLES) <= judged_articles()
