"""Totals kept by triggers, so that a source's page, the source lists and the outlet list read a handful of rows
however large the corpus: per (source, outlet) (``source_outlets``), per source (``source_totals``) and the
spellings of each outlet (``outlet_names``); an expression index on ``lower(outlet)`` (the surname rule looks up
an outlet in any case); and, on PostgreSQL, the search index of fixed samples of the statements (a search's chart
counts a sample when the matches are many: store/search.py).

The chain of counts: a statement added or removed changes ``source_days`` (migration 0002), whose triggers
change ``source_outlets``, whose triggers change ``source_totals``. First and last dates are those of dated
statements; when the row holding the first or last day goes, they are read again from the finer table (a few
rows of its primary key).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Written out, not imported: a migration must keep meaning what it meant when written.
UNDATED = "9999-12-31"
COUNTS = ("attributions", "articles", "named", "anonymous")
# One statement in each of these (statement_index.id % N = 0) has its own search index on PostgreSQL.
SAMPLES = (4, 16, 64, 256, 1024)


def upgrade() -> None:
    op.create_table(
        "source_outlets",
        sa.Column("source_key", sa.String(), nullable=False),
        sa.Column("outlet_key", sa.String(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in COUNTS),
        sa.Column("first_day", sa.Date(), nullable=True),
        sa.Column("last_day", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("source_key", "outlet_key", name=op.f("pk_source_outlets")),
    )
    op.create_table(
        "source_totals",
        sa.Column("source_key", sa.String(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in COUNTS),
        sa.Column("outlets", sa.Integer(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=True),
        sa.Column("last_day", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("source_key", name=op.f("pk_source_totals")),
    )
    # The source list's order (most attributions first, ties by key), which a keyset page walks.
    op.execute("CREATE INDEX ix_expr_source_totals_order ON source_totals (attributions DESC, source_key)")
    op.create_table(
        "outlet_names",
        sa.Column("outlet_key", sa.String(), nullable=False),
        sa.Column("outlet", sa.String(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("outlet_key", "outlet", name=op.f("pk_outlet_names")),
    )
    postgresql = op.get_bind().dialect.name == "postgresql"
    dated = f"CASE WHEN day < {_date(UNDATED, postgresql)} THEN day END"
    sums = ", ".join(f"sum({name})" for name in COUNTS)
    columns = ", ".join(COUNTS)
    op.execute(
        f"""INSERT INTO source_outlets (source_key, outlet_key, {columns}, first_day, last_day)
        SELECT source_key, outlet_key, {sums}, min({dated}), max({dated}) FROM source_days
        GROUP BY source_key, outlet_key"""
    )
    op.execute(
        f"""INSERT INTO source_totals (source_key, {columns}, outlets, first_day, last_day)
        SELECT source_key, {sums}, count(*), min(first_day), max(last_day) FROM source_outlets GROUP BY source_key"""
    )
    op.execute(
        """INSERT INTO outlet_names (outlet_key, outlet, articles)
        SELECT lower(outlet), outlet, count(*) FROM articles WHERE outlet IS NOT NULL GROUP BY outlet"""
    )
    op.execute("CREATE INDEX ix_expr_articles_outlet_key ON articles (lower(outlet))")
    if postgresql:
        _upgrade_postgresql()
    else:
        _upgrade_sqlite()


def _date(value: str, postgresql: bool) -> str:
    return f"DATE '{value}'" if postgresql else f"'{value}'"


# ---- the statements of each trigger, for either backend (``row``: new or old; ``delta``: +1 or -1) ---------------


def _each(template: str) -> str:
    """``template`` for each count column, comma-separated ("{name} = {name} + NEW.{name}")."""
    return ", ".join(template.format(name=name) for name in COUNTS)


def _widened(t: str) -> str:
    """An upsert's first and last day: the existing row's, widened to the new row's (``t``: the row's alias)."""
    return f"""first_day = CASE WHEN {t}first_day IS NULL OR excluded.first_day < {t}first_day THEN excluded.first_day
                        ELSE {t}first_day END,
            last_day = CASE WHEN {t}last_day IS NULL OR excluded.last_day > {t}last_day THEN excluded.last_day
                       ELSE {t}last_day END"""


def _first_last_again(postgresql: bool) -> str:
    """SET first_day/last_day of a ``source_outlets`` row again from ``source_days`` when the per-day row that
    went (OLD) held one of them."""
    undated = _date(UNDATED, postgresql)
    finer = "f.source_key = OLD.source_key AND f.outlet_key = OLD.outlet_key"
    return ", ".join(
        f"{column} = CASE WHEN {column} = OLD.day THEN (SELECT {pick}(f.day) FROM source_days f "
        f"WHERE {finer} AND f.day < {undated}) ELSE {column} END"
        for column, pick in (("first_day", "min"), ("last_day", "max"))
    )


def _source_outlets_statements(postgresql: bool) -> dict[str, str]:
    """What a change of a ``source_days`` row does to its ``source_outlets`` row (the keys of a per-day row never
    change: a re-keyed statement is one less under the old key and one more under the new)."""
    undated = _date(UNDATED, postgresql)
    table = "source_outlets AS t" if postgresql else "source_outlets"
    t = "t." if postgresql else ""
    new_day = f"CASE WHEN NEW.day < {undated} THEN NEW.day END"
    grow = _each(f"{{name}} = {t}{{name}} + excluded.{{name}}")
    where_new = "source_key = NEW.source_key AND outlet_key = NEW.outlet_key"
    where_old = "source_key = OLD.source_key AND outlet_key = OLD.outlet_key"
    return {
        "INSERT": f"""INSERT INTO {table} (source_key, outlet_key, {", ".join(COUNTS)}, first_day, last_day)
        VALUES (NEW.source_key, NEW.outlet_key, {_each("NEW.{name}")}, {new_day}, {new_day})
        ON CONFLICT (source_key, outlet_key) DO UPDATE SET {grow}, {_widened(t)};""",
        "UPDATE": f"""UPDATE source_outlets SET {_each("{name} = {name} + NEW.{name} - OLD.{name}")}
        WHERE {where_new};""",
        "DELETE": f"""UPDATE source_outlets SET {_each("{name} = {name} - OLD.{name}")},
            {_first_last_again(postgresql)}
        WHERE {where_old};
    DELETE FROM source_outlets WHERE {where_old} AND attributions <= 0;""",
    }


def _source_totals_statements(postgresql: bool) -> dict[str, str]:
    """What a change of a ``source_outlets`` row does to its source's ``source_totals`` row."""
    table = "source_totals AS t" if postgresql else "source_totals"
    t = "t." if postgresql else ""
    grow = _each(f"{{name}} = {t}{{name}} + excluded.{{name}}")
    finer_old = "f.source_key = OLD.source_key"
    finer_new = "f.source_key = NEW.source_key"
    return {
        "INSERT": f"""INSERT INTO {table} (source_key, {", ".join(COUNTS)}, outlets, first_day, last_day)
        VALUES (NEW.source_key, {_each("NEW.{name}")}, 1, NEW.first_day, NEW.last_day)
        ON CONFLICT (source_key) DO UPDATE SET {grow}, outlets = {t}outlets + 1, {_widened(t)};""",
        # A row's first or last day moves either way (a day added, or the day that held it gone): read them again.
        "UPDATE": f"""UPDATE source_totals SET {_each("{name} = {name} + NEW.{name} - OLD.{name}")},
            first_day = CASE WHEN NEW.first_day IS NOT DISTINCT FROM OLD.first_day THEN first_day
                        ELSE (SELECT min(f.first_day) FROM source_outlets f WHERE {finer_new}) END,
            last_day = CASE WHEN NEW.last_day IS NOT DISTINCT FROM OLD.last_day THEN last_day
                       ELSE (SELECT max(f.last_day) FROM source_outlets f WHERE {finer_new}) END
        WHERE source_key = NEW.source_key;""",
        "DELETE": f"""UPDATE source_totals SET {_each("{name} = {name} - OLD.{name}")},
            outlets = outlets - 1,
            first_day = (SELECT min(f.first_day) FROM source_outlets f WHERE {finer_old}),
            last_day = (SELECT max(f.last_day) FROM source_outlets f WHERE {finer_old})
        WHERE source_key = OLD.source_key;
    DELETE FROM source_totals WHERE source_key = OLD.source_key AND outlets <= 0;""",
    }


def _outlet_names_statements(postgresql: bool) -> dict[str, str]:
    """An article added or removed is one more or one less article of its outlet as spelled."""
    table = "outlet_names AS t" if postgresql else "outlet_names"
    t = "t." if postgresql else ""
    return {
        "INSERT": f"""INSERT INTO {table} (outlet_key, outlet, articles)
        SELECT lower(NEW.outlet), NEW.outlet, 1 WHERE NEW.outlet IS NOT NULL
        ON CONFLICT (outlet_key, outlet) DO UPDATE SET articles = {t}articles + 1;""",
        "DELETE": """UPDATE outlet_names SET articles = articles - 1
        WHERE outlet_key = lower(OLD.outlet) AND outlet = OLD.outlet;
    DELETE FROM outlet_names WHERE outlet_key = lower(OLD.outlet) AND outlet = OLD.outlet AND articles <= 0;""",
    }


TRIGGERS = {
    # trigger name: (table it watches, what it keeps, the statements of each operation)
    "source_outlets_kept": ("source_days", _source_outlets_statements),
    "source_totals_kept": ("source_outlets", _source_totals_statements),
    "outlet_names_kept": ("articles", _outlet_names_statements),
}


def _upgrade_sqlite() -> None:
    for name, (watched, statements) in TRIGGERS.items():
        for operation, body in statements(False).items():
            # SQLite has no IS DISTINCT FROM: IS NOT is its null-safe "differs".
            body = body.replace("IS NOT DISTINCT FROM", "IS")
            op.execute(
                f"CREATE TRIGGER {name}_{operation.lower()} AFTER {operation} ON {watched} BEGIN\n    {body}\nEND"
            )


def _upgrade_postgresql() -> None:
    for name, (watched, statements) in TRIGGERS.items():
        branches = "\n    ".join(
            f"{'IF' if number == 0 else 'ELSIF'} TG_OP = '{operation}' THEN\n        {body}"
            for number, (operation, body) in enumerate(statements(True).items())
        )
        op.execute(
            f"""CREATE FUNCTION accordingto_{name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {branches}
    END IF;
    RETURN NULL;
END $$"""
        )
        operations = " OR ".join(statements(True))
        op.execute(
            f"""CREATE TRIGGER {name} AFTER {operations} ON {watched}
            FOR EACH ROW EXECUTE FUNCTION accordingto_{name}()"""
        )
    for every in SAMPLES:
        op.execute(
            f"""CREATE INDEX ix_expr_statement_words_1_in_{every} ON statement_index
            USING gin (statement_search_words) WHERE id % {every} = 0"""
        )


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for name, (watched, statements) in TRIGGERS.items():
        if postgresql:
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {watched}")
            op.execute(f"DROP FUNCTION IF EXISTS accordingto_{name}()")
        else:
            for operation in statements(False):
                op.execute(f"DROP TRIGGER IF EXISTS {name}_{operation.lower()}")
    if postgresql:
        for every in SAMPLES:
            op.execute(f"DROP INDEX IF EXISTS ix_expr_statement_words_1_in_{every}")
    op.execute("DROP INDEX IF EXISTS ix_expr_articles_outlet_key")
    op.drop_table("outlet_names")
    op.execute("DROP INDEX IF EXISTS ix_expr_source_totals_order")
    op.drop_table("source_totals")
    op.drop_table("source_outlets")
