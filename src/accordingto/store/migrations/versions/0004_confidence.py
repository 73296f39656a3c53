"""Each attribution's confidence (``model.Attribution.confidence``, a calibrated probability) where the lists read
it: ``attributions.confidence`` and its copy ``statement_index.confidence`` (for the ``min_confidence`` filter).

An existing store is upgraded in place: the column is filled from each article's stored analysis JSON (the
attribution of the same id); an analysis stored before the model gave a confidence leaves it null ("not known",
which ``min_confidence`` leaves out). The trigger that copies a new attribution into ``statement_index`` now
copies its confidence too (written out again here, as migration 0002 wrote it, with the one column more).

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None

# Written out, not imported: a migration must keep meaning what it meant when written (as 0002 has them).
UNDATED = "9999-12-31"
ALIAS_CHARS = 200
PG_WORDS = "to_tsvector('english', coalesce({row}.source_name, '') || ' ' || {row}.content_text)"
STATEMENT_COLUMNS = (
    "article_id, attribution_id, position, published, day, outlet_key, source_key, source_kind, source_named, "
    "type, cue_class, denial, hedged"
)


def upgrade() -> None:
    # Plain ALTER TABLE on both backends (not a batch copy: SQLite would rebuild the tables and lose the triggers).
    op.add_column("attributions", sa.Column("confidence", sa.Float(), nullable=True))
    op.add_column("statement_index", sa.Column("confidence", sa.Float(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        _upgrade_postgresql()
    else:
        _upgrade_sqlite()


def _upgrade_sqlite() -> None:
    # Each analysis is parsed once (json_each over its attributions), not once per attribution.
    op.execute(
        """UPDATE attributions SET confidence = stored.confidence
        FROM (SELECT a.id AS article_id, json_extract(item.value, '$.id') AS attribution_id,
                     json_extract(item.value, '$.confidence') AS confidence
              FROM articles a, json_each(a.analysis, '$.attributions') item
              WHERE a.analysis IS NOT NULL AND json_type(item.value, '$.confidence') IN ('real', 'integer')) stored
        WHERE attributions.article_id = stored.article_id AND attributions.attribution_id = stored.attribution_id"""
    )
    op.execute(
        """UPDATE statement_index SET confidence = t.confidence FROM attributions t
        WHERE t.article_id = statement_index.article_id AND t.attribution_id = statement_index.attribution_id
        AND t.confidence IS NOT NULL"""
    )
    op.execute("DROP TRIGGER statement_index_added")
    op.execute(_sqlite_statement_added(with_confidence=True))


def _sqlite_statement_added(*, with_confidence: bool) -> str:
    """Migration 0002's trigger (statement index, full-text index, aliases), with or without the confidence."""
    columns = STATEMENT_COLUMNS + (", confidence" if with_confidence else "")
    confidence = ", new.confidence" if with_confidence else ""
    aliases = "".join(
        f"""
    INSERT INTO source_aliases (source_key, alias, is_name, base, count)
        SELECT new.source_key, substr(new.{column}, 1, {ALIAS_CHARS}), {is_name}, {base}, 1
        WHERE new.source_key IS NOT NULL AND new.{column} IS NOT NULL
        ON CONFLICT (source_key, is_name, alias) DO UPDATE SET count = count + 1;"""
        for column, is_name, base in (("source_name", 1, "new.source_base"), ("source_text", 0, "NULL"))
    )
    return f"""CREATE TRIGGER statement_index_added AFTER INSERT ON attributions BEGIN
    INSERT INTO statement_index ({columns})
        SELECT new.article_id, new.attribution_id, new.position, a.published, coalesce(a.published, '{UNDATED}'),
               coalesce(lower(a.outlet), ''), new.source_key, new.source_kind, new.source_named, new.type,
               new.cue_class, new.denial, new.hedged{confidence}
        FROM articles a WHERE a.id = new.article_id;
    INSERT INTO statement_search (rowid, source_name, content_text)
        SELECT id, new.source_name, new.content_text FROM statement_index
        WHERE article_id = new.article_id AND attribution_id = new.attribution_id;{aliases}
END"""


def _upgrade_postgresql() -> None:
    # One detoast of each analysis (jsonb_array_elements), not one per attribution.
    op.execute(
        """UPDATE attributions t SET confidence = stored.confidence
        FROM (SELECT a.id AS article_id, item ->> 'id' AS attribution_id,
                     (item ->> 'confidence')::double precision AS confidence
              FROM articles a CROSS JOIN LATERAL jsonb_array_elements(a.analysis -> 'attributions') item
              WHERE a.analysis IS NOT NULL AND jsonb_typeof(item -> 'confidence') = 'number') stored
        WHERE t.article_id = stored.article_id AND t.attribution_id = stored.attribution_id"""
    )
    op.execute(
        """UPDATE statement_index s SET confidence = t.confidence FROM attributions t
        WHERE t.article_id = s.article_id AND t.attribution_id = s.attribution_id AND t.confidence IS NOT NULL"""
    )
    op.execute(_postgresql_statement_added(with_confidence=True))


def _postgresql_statement_added(*, with_confidence: bool) -> str:
    """Migration 0002's trigger function, with or without the confidence."""
    columns = STATEMENT_COLUMNS + (", confidence" if with_confidence else "")
    confidence = ", NEW.confidence" if with_confidence else ""
    return f"""CREATE OR REPLACE FUNCTION accordingto_statement_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO statement_index ({columns}, statement_search_words)
        SELECT NEW.article_id, NEW.attribution_id, NEW.position, a.published,
               coalesce(a.published, DATE '{UNDATED}'), coalesce(lower(a.outlet), ''), NEW.source_key,
               NEW.source_kind, NEW.source_named, NEW.type, NEW.cue_class, NEW.denial, NEW.hedged{confidence},
               {PG_WORDS.format(row="NEW")}
        FROM articles a WHERE a.id = NEW.article_id;
    PERFORM accordingto_alias_count(NEW.source_key, NEW.source_name, NEW.source_text, NEW.source_base, 1);
    RETURN NULL;
END $$"""


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_postgresql_statement_added(with_confidence=False))
    else:
        op.execute("DROP TRIGGER statement_index_added")
        op.execute(_sqlite_statement_added(with_confidence=False))
    for table in ("statement_index", "attributions"):
        op.execute(f"ALTER TABLE {table} DROP COLUMN confidence")  # SQLite 3.35+, PostgreSQL
