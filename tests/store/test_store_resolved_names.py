"""Source identity across a corpus, from what the pipeline resolves: the store keys a source by its resolved
display name, so one person written "Barack Obama" in one article and "Obama" or "Mr. Obama" in another of the
same outlet is one source."""

from __future__ import annotations

from spacy.language import Language
from sqlalchemy import select

from accordingto import analyze
from accordingto.model import Article
from accordingto.store import Store
from accordingto.store.schema import attributions

TEXTS = {
    "full": "Barack Obama spoke in Chicago on Friday. Obama said the economy was recovering.",
    "short": "Obama said on Monday that he would campaign in Ohio.",
    "courtesy": "Mr. Obama said the plan would pass.",
    "elsewhere": "Obama said the talks had failed.",
}
OUTLETS = {"full": "Daily Ledger", "short": "Daily Ledger", "courtesy": "Daily Ledger", "elsewhere": "Evening Post"}


def source_keys(store: Store) -> dict[str, set[str]]:
    with store.connect() as connection:
        rows = connection.execute(select(attributions.c.article_id, attributions.c.source_key)).all()
    keys: dict[str, set[str]] = {}
    for article_id, key in rows:
        keys.setdefault(article_id, set()).add(key)
    return keys


def test_one_person_is_one_source_across_an_outlet(nlp: Language, store: Store) -> None:
    for article_id, text in TEXTS.items():
        article = Article(text=text, id=article_id, outlet=OUTLETS[article_id])
        store.save(article, analyze(text, article=article, nlp=nlp))
    keys = source_keys(store)
    # In one article the pipeline already shows the fullest name; across the outlet the store joins the rest.
    assert keys["full"] == {"barack obama"}
    assert keys["short"] == {"barack obama"}
    assert keys["courtesy"] == {"barack obama"}
    # Another outlet never named him in full: his surname stays alone there.
    assert keys["elsewhere"] == {"obama"}
