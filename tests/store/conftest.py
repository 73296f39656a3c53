"""Fixtures for the store tests."""

from __future__ import annotations

import pytest
from store_samples import peskov_article, plain_article

from accordingto.model import Article
from accordingto.store import Store


@pytest.fixture
def corpus(store: Store) -> Store:
    """Six articles from two outlets and one without an outlet, over three months: two named sources (one under
    two names), anonymous officials, a failed article, and the word "ceasefire" in four of them for search."""
    store.save(*peskov_article("nyt-1", "NYT", "2023-12-23"))
    store.save(*plain_article("nyt-2", "Peskov said the ceasefires would hold.", "Peskov", "NYT", "2024-01-05"))
    store.save(*plain_article("wapo-1", "Peskov said a ceasefire was near.", "Peskov", "WaPo", "2023-11-02"))
    store.save(*plain_article("wapo-2", "Officials said it was over.", "Officials", "WaPo", "2023-11-03", named=False))
    store.save(*plain_article("none", "Zelensky said no ceasefire talks.", "Zelensky", None))
    store.save(Article(text="Broken.", id="broken", outlet="WaPo", published="2023-11-04"), error="boom")
    return store
