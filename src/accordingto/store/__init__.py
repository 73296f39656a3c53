"""Store: keep analyses of a corpus in SQLite or PostgreSQL and answer questions across articles.

``open_store(url)`` opens (creating and migrating) a store; ``Store.save`` writes one article's rows
(``rows.py`` builds them); ``queries`` answers "who is quoted most", "what did X say", per-outlet statistics,
and exports. The store only stores: running the pipeline over a corpus is ``batch.corpus.run_corpus``'s job.
"""

from ..errors import StoreError
from ..read.records import text_hash
from .db import DEFAULT_DB, Store, normalize_url, open_store
from .rows import article_key

__all__ = ["DEFAULT_DB", "Store", "StoreError", "article_key", "normalize_url", "open_store", "text_hash"]
