"""Who said it, in news30's ten articles (``tests/fixtures/news/``: a diocese's synod vote to close parish churches,
a norovirus outbreak on a cruise ship docking in Nova Scotia, a racing disciplinary panel's "non-trier" ruling, a
fashion house's creative director leaving, two racing team-mates who collide on the last lap, a Roman villa to be
reburied under a housing estate, overtime at a games studio, an Australian shire council's vote on shark nets, and
two HTML pages: an Indian regional daily's metro rail delay and a financial daily's frozen property fund behind a
paywall teaser), read from their judgment files; the cases and their marks are ``tests/news_judged.py``'s.

A seventh held-out set beside news29's: written at stop 37, when news24 to news29 had become the helpers'
development data, and never shown to those helpers, so that the lead scores their merged work on articles none of
them has read."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from news_judged import ROUNDS, assert_the_speaker_a_reader_names, judged_articles, speaker_cases

ARTICLES = ROUNDS["news30"]


@pytest.mark.parametrize(("article", "line"), speaker_cases(ARTICLES))
def test_the_speaker_a_reader_names(nlp: Language, article: str, line: dict[str, Any]) -> None:
    assert_the_speaker_a_reader_names(nlp, article, line)


def test_every_article_is_judged() -> None:
    assert set(ARTICLES) <= judged_articles()
