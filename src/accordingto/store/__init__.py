"""Store: keep analyses of a corpus in SQLite or PostgreSQL and answer questions across articles.

``open_store(url)`` opens (creating and migrating) a store; ``run_corpus`` fills it from files; ``queries``
answers "who is quoted most", "what did X say", per-outlet statistics, and exports.
"""

from ..errors import StoreError
from .db import DEFAULT_DB, Store, article_key, normalize_url, open_store, text_hash

__all__ = ["DEFAULT_DB", "Store", "StoreError", "article_key", "normalize_url", "open_store", "text_hash"]
