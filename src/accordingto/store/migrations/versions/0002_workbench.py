"""Search, fast lists and aliases: ``statement_index``, ``source_aliases`` and the per-day counts ``source_days``
and ``outlet_days``, kept in step by triggers; full-text search (SQLite FTS5, PostgreSQL tsvector + GIN); indexes
for the newest-first article list, articles by outlet and date, and failed articles.

The derived rows are written by the database itself, from the rows the save path already writes, so the save
path does not change and an existing store is indexed as it is upgraded (the backfill below).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Written out, not imported from schema.py: a migration must keep meaning what it meant when written.
UNDATED = "9999-12-31"
NO_DATE = "0001-01-01"
# Aliases are index keys: a mention longer than this (a whole clause) is kept cut, in every trigger alike.
ALIAS_CHARS = 200
# What a statement is searched by on PostgreSQL: its source's name and its words, English stemming.
PG_WORDS = "to_tsvector('english', coalesce({row}.source_name, '') || ' ' || {row}.content_text)"
STATEMENT_COLUMNS = (
    "article_id, attribution_id, position, published, day, outlet_key, source_key, source_kind, source_named, "
    "type, cue_class, denial, hedged"
)


def upgrade() -> None:
    op.create_table(
        "statement_index",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("attribution_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("outlet_key", sa.String(), nullable=False),
        sa.Column("source_key", sa.String(), nullable=True),
        sa.Column("source_kind", sa.String(length=32), nullable=True),
        sa.Column("source_named", sa.Boolean(), nullable=True),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("cue_class", sa.String(), nullable=True),
        sa.Column("denial", sa.Boolean(), nullable=False),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id", "attribution_id"],
            ["attributions.article_id", "attributions.attribution_id"],
            name=op.f("fk_statement_index_attributions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statement_index")),
    )
    with op.batch_alter_table("statement_index", schema=None) as batch_op:
        batch_op.create_index("ix_statement_index_attribution", ["article_id", "attribution_id"], unique=True)
        batch_op.create_index("ix_statement_index_order", ["day", "outlet_key", "id"], unique=False)
        batch_op.create_index("ix_statement_index_outlet", ["outlet_key", "day", "id"], unique=False)
        batch_op.create_index("ix_statement_index_source", ["source_key", "day", "outlet_key", "id"], unique=False)

    op.create_table(
        "source_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_key", sa.String(), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.Column("is_name", sa.Boolean(), nullable=False),
        sa.Column("base", sa.String(), nullable=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_aliases")),
    )
    with op.batch_alter_table("source_aliases", schema=None) as batch_op:
        batch_op.create_index("ix_source_aliases_alias", ["source_key", "is_name", "alias"], unique=True)

    op.create_table(
        "source_days",
        sa.Column("source_key", sa.String(), nullable=False),
        sa.Column("outlet_key", sa.String(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("attributions", sa.Integer(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("named", sa.Integer(), nullable=False),
        sa.Column("anonymous", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("source_key", "outlet_key", "day", name=op.f("pk_source_days")),
    )
    op.create_table(
        "outlet_days",
        sa.Column("outlet_key", sa.String(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("named", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("attributions", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("outlet_key", "day", "named", "kind", "type", name=op.f("pk_outlet_days")),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index("ix_articles_outlet_published", ["outlet", "published"], unique=False)

    if op.get_bind().dialect.name == "postgresql":
        _upgrade_postgresql()
    else:
        _upgrade_sqlite()


# ---- SQLite: triggers, FTS5 ----------------------------------------------------------------------------------


def _sqlite_alias_add(row: str) -> str:
    """Count one more attribution under the source's name and under the words the article used."""
    return "".join(
        f"""
    INSERT INTO source_aliases (source_key, alias, is_name, base, count)
        SELECT {row}.source_key, substr({row}.{column}, 1, {ALIAS_CHARS}), {is_name}, {base}, 1
        WHERE {row}.source_key IS NOT NULL AND {row}.{column} IS NOT NULL
        ON CONFLICT (source_key, is_name, alias) DO UPDATE SET count = count + 1;"""
        for column, is_name, base in (("source_name", 1, f"{row}.source_base"), ("source_text", 0, "NULL"))
    )


def _sqlite_alias_remove(row: str) -> str:
    return f"""
    UPDATE source_aliases SET count = count - 1
        WHERE source_key = {row}.source_key
        AND ((is_name = 1 AND alias = substr({row}.source_name, 1, {ALIAS_CHARS}))
             OR (is_name = 0 AND alias = substr({row}.source_text, 1, {ALIAS_CHARS})));
    DELETE FROM source_aliases WHERE source_key = {row}.source_key AND count <= 0;"""


def _upgrade_sqlite() -> None:
    # Backfill what an existing store holds, then build the full-text indexes from it in one pass each.
    op.execute(
        f"""INSERT INTO statement_index ({STATEMENT_COLUMNS})
        SELECT t.article_id, t.attribution_id, t.position, a.published, coalesce(a.published, '{UNDATED}'),
               coalesce(lower(a.outlet), ''), t.source_key, t.source_kind, t.source_named, t.type, t.cue_class,
               t.denial, t.hedged
        FROM attributions t JOIN articles a ON a.id = t.article_id ORDER BY t.article_id, t.position"""
    )
    for column, is_name, base in (("source_name", 1, "min(source_base)"), ("source_text", 0, "NULL")):
        op.execute(
            f"""INSERT INTO source_aliases (source_key, alias, is_name, base, count)
            SELECT source_key, substr({column}, 1, {ALIAS_CHARS}), {is_name}, {base}, count(*) FROM attributions
            WHERE source_key IS NOT NULL AND {column} IS NOT NULL
            GROUP BY source_key, substr({column}, 1, {ALIAS_CHARS})"""
        )
    # The statement index reads its text through a view (external content: the text is not stored twice); its
    # rowid is statement_index.id, an INTEGER PRIMARY KEY, which VACUUM keeps.
    op.execute(
        """CREATE VIEW statement_search_content AS
        SELECT s.id AS id, t.source_name AS source_name, t.content_text AS content_text
        FROM statement_index s JOIN attributions t
        ON t.article_id = s.article_id AND t.attribution_id = s.attribution_id"""
    )
    # Porter stemming, as PostgreSQL's 'english' configuration stems: "ceasefires" finds "ceasefire".
    op.execute(
        """CREATE VIRTUAL TABLE statement_search USING fts5(source_name, content_text,
        content='statement_search_content', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')"""
    )
    op.execute("INSERT INTO statement_search (statement_search) VALUES ('rebuild')")
    # Names are not stemmed ("Adams" is not "Adam").
    op.execute(
        """CREATE VIRTUAL TABLE source_alias_search USING fts5(alias, content='source_aliases', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')"""
    )
    op.execute("INSERT INTO source_alias_search (source_alias_search) VALUES ('rebuild')")

    op.execute(
        f"""CREATE TRIGGER statement_index_added AFTER INSERT ON attributions BEGIN
    INSERT INTO statement_index ({STATEMENT_COLUMNS})
        SELECT new.article_id, new.attribution_id, new.position, a.published, coalesce(a.published, '{UNDATED}'),
               coalesce(lower(a.outlet), ''), new.source_key, new.source_kind, new.source_named, new.type,
               new.cue_class, new.denial, new.hedged
        FROM articles a WHERE a.id = new.article_id;
    INSERT INTO statement_search (rowid, source_name, content_text)
        SELECT id, new.source_name, new.content_text FROM statement_index
        WHERE article_id = new.article_id AND attribution_id = new.attribution_id;{_sqlite_alias_add("new")}
END"""
    )
    # Before the row goes: an external-content index forgets a row by being given its old values.
    op.execute(
        """CREATE TRIGGER statement_search_removed BEFORE DELETE ON attributions BEGIN
    INSERT INTO statement_search (statement_search, rowid, source_name, content_text)
        SELECT 'delete', id, old.source_name, old.content_text FROM statement_index
        WHERE article_id = old.article_id AND attribution_id = old.attribution_id;
END"""
    )
    # The foreign key cascades too, but only where PRAGMA foreign_keys is on: this does not depend on it.
    op.execute(
        f"""CREATE TRIGGER statement_index_removed AFTER DELETE ON attributions BEGIN
    DELETE FROM statement_index WHERE article_id = old.article_id AND attribution_id = old.attribution_id;
    {_sqlite_alias_remove("old")}
END"""
    )
    # The surname rule re-keys earlier attributions when a full name appears (store/db.py).
    op.execute(
        f"""CREATE TRIGGER statement_index_rekeyed AFTER UPDATE OF source_key ON attributions
    WHEN old.source_key IS NOT new.source_key BEGIN
    UPDATE statement_index SET source_key = new.source_key
        WHERE article_id = new.article_id AND attribution_id = new.attribution_id;
    {_sqlite_alias_remove("old")}{_sqlite_alias_add("new")}
END"""
    )
    op.execute(
        """CREATE TRIGGER source_alias_search_added AFTER INSERT ON source_aliases BEGIN
    INSERT INTO source_alias_search (rowid, alias) VALUES (new.id, new.alias);
END"""
    )
    op.execute(
        """CREATE TRIGGER source_alias_search_removed AFTER DELETE ON source_aliases BEGIN
    INSERT INTO source_alias_search (source_alias_search, rowid, alias) VALUES ('delete', old.id, old.alias);
END"""
    )
    for statement in _rollup_backfill():
        op.execute(statement)
    op.execute(
        f"""CREATE TRIGGER rollups_added AFTER INSERT ON statement_index BEGIN{_sqlite_outlet_days("new", "+")}
    {_sqlite_source_days("new", "+")}
END"""
    )
    op.execute(
        f"""CREATE TRIGGER rollups_removed AFTER DELETE ON statement_index BEGIN{_sqlite_outlet_days("old", "-")}
    {_sqlite_source_days("old", "-")}
END"""
    )
    op.execute(
        f"""CREATE TRIGGER rollups_rekeyed AFTER UPDATE OF source_key ON statement_index
    WHEN old.source_key IS NOT new.source_key BEGIN
    {_sqlite_source_days("old", "-")}
    {_sqlite_source_days("new", "+")}
END"""
    )
    op.execute(f"CREATE INDEX ix_expr_articles_day ON articles (coalesce(published, '{NO_DATE}'), id)")
    op.execute("CREATE INDEX ix_expr_articles_failed ON articles (id) WHERE error IS NOT NULL")


def _rollup_backfill() -> list[str]:
    """Fill the per-day counts from statement_index (an existing store, upgraded)."""
    named = "CASE WHEN source_named THEN 1 WHEN NOT source_named THEN 0 ELSE -1 END"
    return [
        f"""INSERT INTO outlet_days (outlet_key, day, named, kind, type, attributions)
        SELECT outlet_key, day, {named}, coalesce(source_kind, ''), type, count(*) FROM statement_index
        GROUP BY outlet_key, day, {named}, coalesce(source_kind, ''), type""",
        """INSERT INTO source_days (source_key, outlet_key, day, attributions, articles, named, anonymous)
        SELECT source_key, outlet_key, day, count(*), count(DISTINCT article_id),
               sum(CASE WHEN source_named THEN 1 ELSE 0 END), sum(CASE WHEN NOT source_named THEN 1 ELSE 0 END)
        FROM statement_index WHERE source_key IS NOT NULL GROUP BY source_key, outlet_key, day""",
    ]


def _sqlite_outlet_days(row: str, sign: str) -> str:
    """One statement more (+) or less (-) in its outlet's day, by named, kind and type."""
    where = (
        f"outlet_key = {row}.outlet_key AND day = {row}.day AND named = coalesce({row}.source_named, -1) "
        f"AND kind = coalesce({row}.source_kind, '') AND type = {row}.type"
    )
    if sign == "+":
        return f"""
    INSERT INTO outlet_days (outlet_key, day, named, kind, type, attributions)
        VALUES ({row}.outlet_key, {row}.day, coalesce({row}.source_named, -1), coalesce({row}.source_kind, ''),
                {row}.type, 1)
        ON CONFLICT (outlet_key, day, named, kind, type) DO UPDATE SET attributions = attributions + 1;"""
    return f"""
    UPDATE outlet_days SET attributions = attributions - 1 WHERE {where};
    DELETE FROM outlet_days WHERE {where} AND attributions <= 0;"""


def _sqlite_source_days(row: str, sign: str) -> str:
    """One statement more (+) or less (-) of its source on its outlet's day; the article counts once, when it
    has no other statement of the source (the row itself is still there after an insert, gone after a delete,
    and carries the other key after a re-key)."""
    others = (
        f"EXISTS (SELECT 1 FROM statement_index o WHERE o.article_id = {row}.article_id "
        f"AND o.source_key = {row}.source_key AND o.id <> {row}.id)"
    )
    where = f"source_key = {row}.source_key AND outlet_key = {row}.outlet_key AND day = {row}.day"
    if sign == "+":
        return f"""INSERT INTO source_days (source_key, outlet_key, day, attributions, articles, named, anonymous)
        SELECT {row}.source_key, {row}.outlet_key, {row}.day, 1, NOT {others}, {row}.source_named IS 1,
               {row}.source_named IS 0
        WHERE {row}.source_key IS NOT NULL
        ON CONFLICT (source_key, outlet_key, day) DO UPDATE SET attributions = attributions + 1,
            articles = articles + excluded.articles, named = named + excluded.named,
            anonymous = anonymous + excluded.anonymous;"""
    return f"""UPDATE source_days SET attributions = attributions - 1, articles = articles - (NOT {others}),
        named = named - ({row}.source_named IS 1), anonymous = anonymous - ({row}.source_named IS 0)
        WHERE {where};
    DELETE FROM source_days WHERE {where} AND attributions <= 0;"""


# ---- PostgreSQL: trigger functions, tsvector + GIN -------------------------------------------------------------


def _upgrade_postgresql() -> None:
    # The statement's words as a tsvector, stored beside the other statement columns: a search that matches many
    # statements can then walk statement_index newest first and test each row cheaply, and the planner knows
    # from its statistics how common a word is (so it picks the GIN index for a rare one).
    op.execute("ALTER TABLE statement_index ADD COLUMN statement_search_words tsvector NOT NULL")
    op.execute(
        f"""INSERT INTO statement_index ({STATEMENT_COLUMNS}, statement_search_words)
        SELECT t.article_id, t.attribution_id, t.position, a.published, coalesce(a.published, DATE '{UNDATED}'),
               coalesce(lower(a.outlet), ''), t.source_key, t.source_kind, t.source_named, t.type, t.cue_class,
               t.denial, t.hedged, {PG_WORDS.format(row="t")}
        FROM attributions t JOIN articles a ON a.id = t.article_id ORDER BY t.article_id, t.position"""
    )
    for column, is_name, base in (("source_name", "true", "min(source_base)"), ("source_text", "false", "NULL")):
        op.execute(
            f"""INSERT INTO source_aliases (source_key, alias, is_name, base, count)
            SELECT source_key, left({column}, {ALIAS_CHARS}), {is_name}, {base}, count(*) FROM attributions
            WHERE source_key IS NOT NULL AND {column} IS NOT NULL
            GROUP BY source_key, left({column}, {ALIAS_CHARS})"""
        )
    op.execute(
        f"""CREATE FUNCTION accordingto_alias_count(key text, name text, words text, name_base text, delta integer)
        RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF key IS NULL THEN
        RETURN;
    END IF;
    IF name IS NOT NULL THEN
        INSERT INTO source_aliases AS s (source_key, alias, is_name, base, count)
            VALUES (key, left(name, {ALIAS_CHARS}), true, name_base, delta)
            ON CONFLICT (source_key, is_name, alias) DO UPDATE SET count = s.count + delta;
    END IF;
    IF words IS NOT NULL THEN
        INSERT INTO source_aliases AS s (source_key, alias, is_name, base, count)
            VALUES (key, left(words, {ALIAS_CHARS}), false, NULL, delta)
            ON CONFLICT (source_key, is_name, alias) DO UPDATE SET count = s.count + delta;
    END IF;
    IF delta < 0 THEN
        DELETE FROM source_aliases WHERE source_key = key AND count <= 0;
    END IF;
END $$"""
    )
    op.execute(
        f"""CREATE FUNCTION accordingto_statement_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO statement_index ({STATEMENT_COLUMNS}, statement_search_words)
        SELECT NEW.article_id, NEW.attribution_id, NEW.position, a.published,
               coalesce(a.published, DATE '{UNDATED}'), coalesce(lower(a.outlet), ''), NEW.source_key,
               NEW.source_kind, NEW.source_named, NEW.type, NEW.cue_class, NEW.denial, NEW.hedged,
               {PG_WORDS.format(row="NEW")}
        FROM articles a WHERE a.id = NEW.article_id;
    PERFORM accordingto_alias_count(NEW.source_key, NEW.source_name, NEW.source_text, NEW.source_base, 1);
    RETURN NULL;
END $$"""
    )
    op.execute(
        """CREATE FUNCTION accordingto_statement_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM accordingto_alias_count(OLD.source_key, OLD.source_name, OLD.source_text, OLD.source_base, -1);
    RETURN NULL;
END $$"""
    )
    op.execute(
        """CREATE FUNCTION accordingto_statement_rekeyed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE statement_index SET source_key = NEW.source_key
        WHERE article_id = NEW.article_id AND attribution_id = NEW.attribution_id;
    PERFORM accordingto_alias_count(OLD.source_key, OLD.source_name, OLD.source_text, OLD.source_base, -1);
    PERFORM accordingto_alias_count(NEW.source_key, NEW.source_name, NEW.source_text, NEW.source_base, 1);
    RETURN NULL;
END $$"""
    )
    op.execute(
        """CREATE TRIGGER statement_index_added AFTER INSERT ON attributions
        FOR EACH ROW EXECUTE FUNCTION accordingto_statement_added()"""
    )
    # statement_index rows go with their attribution through the foreign key's cascade.
    op.execute(
        """CREATE TRIGGER statement_index_removed AFTER DELETE ON attributions
        FOR EACH ROW EXECUTE FUNCTION accordingto_statement_removed()"""
    )
    op.execute(
        """CREATE TRIGGER statement_index_rekeyed AFTER UPDATE OF source_key ON attributions
        FOR EACH ROW WHEN (OLD.source_key IS DISTINCT FROM NEW.source_key)
        EXECUTE FUNCTION accordingto_statement_rekeyed()"""
    )
    for statement in _rollup_backfill():
        op.execute(statement)
    op.execute(
        """CREATE FUNCTION accordingto_rollups(r statement_index, delta integer, outlets boolean)
        RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    code integer := CASE WHEN r.source_named THEN 1 WHEN NOT r.source_named THEN 0 ELSE -1 END;
    first boolean;
BEGIN
    IF outlets THEN
        INSERT INTO outlet_days AS d (outlet_key, day, named, kind, type, attributions)
            VALUES (r.outlet_key, r.day, code, coalesce(r.source_kind, ''), r.type, delta)
            ON CONFLICT (outlet_key, day, named, kind, type) DO UPDATE SET attributions = d.attributions + delta;
        IF delta < 0 THEN
            DELETE FROM outlet_days WHERE outlet_key = r.outlet_key AND day = r.day AND named = code
                AND kind = coalesce(r.source_kind, '') AND type = r.type AND attributions <= 0;
        END IF;
    END IF;
    IF r.source_key IS NULL THEN
        RETURN;
    END IF;
    -- The article counts once for the source: when no other statement of it has the source's key.
    first := NOT EXISTS (SELECT 1 FROM statement_index o
                         WHERE o.article_id = r.article_id AND o.source_key = r.source_key AND o.id <> r.id);
    INSERT INTO source_days AS d (source_key, outlet_key, day, attributions, articles, named, anonymous)
        VALUES (r.source_key, r.outlet_key, r.day, delta, CASE WHEN first THEN delta ELSE 0 END,
                CASE WHEN code = 1 THEN delta ELSE 0 END, CASE WHEN code = 0 THEN delta ELSE 0 END)
        ON CONFLICT (source_key, outlet_key, day) DO UPDATE SET attributions = d.attributions + excluded.attributions,
            articles = d.articles + excluded.articles, named = d.named + excluded.named,
            anonymous = d.anonymous + excluded.anonymous;
    IF delta < 0 THEN
        DELETE FROM source_days WHERE source_key = r.source_key AND outlet_key = r.outlet_key AND day = r.day
            AND attributions <= 0;
    END IF;
END $$"""
    )
    op.execute(
        """CREATE FUNCTION accordingto_rollups_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM accordingto_rollups(NEW, 1, true);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM accordingto_rollups(OLD, -1, true);
    ELSE
        PERFORM accordingto_rollups(OLD, -1, false);
        PERFORM accordingto_rollups(NEW, 1, false);
    END IF;
    RETURN NULL;
END $$"""
    )
    op.execute(
        """CREATE TRIGGER rollups_changed AFTER INSERT OR DELETE ON statement_index
        FOR EACH ROW EXECUTE FUNCTION accordingto_rollups_changed()"""
    )
    op.execute(
        """CREATE TRIGGER rollups_rekeyed AFTER UPDATE OF source_key ON statement_index
        FOR EACH ROW WHEN (OLD.source_key IS DISTINCT FROM NEW.source_key)
        EXECUTE FUNCTION accordingto_rollups_changed()"""
    )
    op.execute("CREATE INDEX ix_expr_statement_words ON statement_index USING gin (statement_search_words)")
    # The same expression as store/search.py's (an expression index serves only its exact expression).
    op.execute("CREATE INDEX ix_expr_alias_words ON source_aliases USING gin (to_tsvector('simple', alias))")
    op.execute(f"CREATE INDEX ix_expr_articles_day ON articles (coalesce(published, '{NO_DATE}'), id)")
    op.execute("CREATE INDEX ix_expr_articles_failed ON articles (id) WHERE error IS NOT NULL")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_expr_articles_day")
    op.execute("DROP INDEX IF EXISTS ix_expr_articles_failed")
    if op.get_bind().dialect.name == "postgresql":
        for trigger in ("statement_index_added", "statement_index_removed", "statement_index_rekeyed"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON attributions")
        for trigger in ("rollups_changed", "rollups_rekeyed"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON statement_index")
        for function in (
            "accordingto_rollups_changed()",
            "accordingto_rollups(statement_index, integer, boolean)",
            "accordingto_statement_added()",
            "accordingto_statement_removed()",
            "accordingto_statement_rekeyed()",
            "accordingto_alias_count(text, text, text, text, integer)",
        ):
            op.execute(f"DROP FUNCTION IF EXISTS {function}")
    else:
        for trigger in (
            "statement_index_added",
            "statement_search_removed",
            "statement_index_removed",
            "statement_index_rekeyed",
            "source_alias_search_added",
            "source_alias_search_removed",
            "rollups_added",
            "rollups_removed",
            "rollups_rekeyed",
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS statement_search")
        op.execute("DROP TABLE IF EXISTS source_alias_search")
        op.execute("DROP VIEW IF EXISTS statement_search_content")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index("ix_articles_outlet_published")
    op.drop_table("outlet_days")
    op.drop_table("source_days")
    op.drop_table("source_aliases")
    op.drop_table("statement_index")
