"""Full-text indexes of the fixed samples of statements on SQLite (``statement_search_1_in_N``), so that a
search's chart reads only its sample's matches.

A search's chart counts matches per day on a sample of one statement in N (``id % N = 0``, store/search.py).
FTS5 cannot skip to the sampled rows of a word's list: the test on the rowid ran on every match, so a word in
one statement of six made each sample read its whole list (about 440,000 matches on a store of 100,000
articles, twice per chart). An index of the sample alone holds only the sample's matches. PostgreSQL has had
the same since migration 0005 (a GIN index on each sample, ``WHERE id % N = 0``): nothing changes there.

Each sample index reads its words through a view of the sampled statements (external content, as migration
0002's ``statement_search``: the text is not stored again); it stores no column sizes (nothing ranks there).
Kept in step by triggers as ``statement_search`` is: a statement is added once its index row exists (the
sample is a property of that row's id), and forgotten, with its old values, before its attribution goes. An
existing store is indexed as it is upgraded.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# Written out, not imported: a migration must keep meaning what it meant when written (0005's samples).
SAMPLES = (4, 16, 64, 256, 1024)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for every in SAMPLES:
        name = f"statement_search_1_in_{every}"
        op.execute(
            f"""CREATE VIEW {name}_content AS
            SELECT id, source_name, content_text FROM statement_search_content WHERE id % {every} = 0"""
        )
        # The tokenizer of statement_search (0002): the same words match in a sample as in the whole.
        op.execute(
            f"""CREATE VIRTUAL TABLE {name} USING fts5(source_name, content_text, content='{name}_content',
            content_rowid='id', columnsize=0, tokenize='porter unicode61 remove_diacritics 2')"""
        )
        op.execute(f"INSERT INTO {name} ({name}) VALUES ('rebuild')")
    added = "".join(
        f"""
    INSERT INTO statement_search_1_in_{every} (rowid, source_name, content_text)
        SELECT new.id, t.source_name, t.content_text FROM attributions t
        WHERE new.id % {every} = 0 AND t.article_id = new.article_id AND t.attribution_id = new.attribution_id;"""
        for every in SAMPLES
    )
    # After the statement's index row is written (migration 0002's trigger writes it from the attribution's).
    op.execute(
        f"""CREATE TRIGGER statement_search_samples_added AFTER INSERT ON statement_index
    WHEN new.id % {SAMPLES[0]} = 0 BEGIN{added}
END"""
    )
    removed = "".join(
        f"""
    INSERT INTO statement_search_1_in_{every} (statement_search_1_in_{every}, rowid, source_name, content_text)
        SELECT 'delete', id, old.source_name, old.content_text FROM statement_index
        WHERE article_id = old.article_id AND attribution_id = old.attribution_id AND id % {every} = 0;"""
        for every in SAMPLES
    )
    # Before the row goes, as for statement_search: an external-content index forgets a row given its old values.
    op.execute(f"CREATE TRIGGER statement_search_samples_removed BEFORE DELETE ON attributions BEGIN{removed}\nEND")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TRIGGER IF EXISTS statement_search_samples_added")
    op.execute("DROP TRIGGER IF EXISTS statement_search_samples_removed")
    for every in SAMPLES:
        op.execute(f"DROP TABLE IF EXISTS statement_search_1_in_{every}")
        op.execute(f"DROP VIEW IF EXISTS statement_search_1_in_{every}_content")
