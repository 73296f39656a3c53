"""Who said it, in news28's ten articles (``tests/fixtures/news/``: insurers disputing a salvage bill after a bulk
carrier's grounding, a museum refusing to return carved masks to a visiting commission, a zoo told to rehome its last
elephant, a football transfer deadline day, a public inquiry into a water company's outbreak, a school-street road
closure, a rocket failure that destroyed a weather satellite, an unfair dismissal tribunal over a care worker's post,
and two HTML pages: a student newspaper's rent strike story and an Irish national daily's mountain rescue story
behind a metered paywall), read from their judgment files; the cases and their marks are ``tests/news_judged.py``'s.

A fifth held-out set beside news27's: written at stop 35, when news24 to news27 became the speaker-side helpers'
development data, and never shown to those helpers, so that the lead scores their merged work on articles none of
them has read."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from news_judged import ROUNDS, assert_the_speaker_a_reader_names, judged_articles, speaker_cases

ARTICLES = ROUNDS["news28"]


@pytest.mark.parametrize(("article", "line"), speaker_cases(ARTICLES))
def test_the_speaker_a_reader_names(nlp: Language, article: str, line: dict[str, Any]) -> None:
    assert_the_speaker_a_reader_names(nlp, article, line)


def test_every_article_is_judged() -> None:
    assert set(ARTICLES) <= judged_articles()
