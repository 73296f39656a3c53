"""Who said it, in news27's ten articles (``tests/fixtures/news/``: a coroner's ruling on a maternity unit with the
families, a crane collapse at a container terminal with an accident investigator, a cyclist's doping ban with the
anti-doping authority, a university's cancelled lecture with the free speech regulator, a farmers' protest with a
minister and their association, a painting prize withdrawn over AI, an earthquake abroad in wire style with aid
agencies, an energy price cap decision, and two HTML pages: a regional newspaper group's council cuts story and a
business news wire's data breach story), read from their judgment files; the cases and their marks are
``tests/news_judged.py``'s.

A fourth held-out set beside news24's, news25's and news26's: written at stop 34, when those three became the
speaker-side helpers' development data, and never shown to those helpers, so that the lead scores their merged
work on articles none of them has read."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from news_judged import ROUNDS, assert_the_speaker_a_reader_names, judged_articles, speaker_cases

ARTICLES = ROUNDS["news27"]


@pytest.mark.parametrize(("article", "line"), speaker_cases(ARTICLES))
def test_the_speaker_a_reader_names(nlp: Language, article: str, line: dict[str, Any]) -> None:
    assert_the_speaker_a_reader_names(nlp, article, line)


def test_every_article_is_judged() -> None:
    assert set(ARTICLES) <= judged_articles()
