"""Alembic environment: run by ``store.db.open_store`` with a connection in ``config.attributes``.

No logging set-up here (a library must not configure logging) and no alembic.ini: the script location is
given programmatically. A schema change is a new file in ``versions/`` (never an edit of an old one) together
with the change in ``schema.py``; tests/store checks that the migrated database matches ``schema.py``.
"""

from __future__ import annotations

from alembic import context

from accordingto.store.schema import is_backend_specific, metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("accordingto migrations run through accordingto.store.open_store, which passes a connection")

# Batch mode lets later migrations alter columns on SQLite (which cannot ALTER most things) too.
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    # Search tables, views and expression indexes are written in each backend's SQL, not in schema.py.
    include_name=lambda name, _type, _parents: not is_backend_specific(name),
)
with context.begin_transaction():
    context.run_migrations()
