"""The first schema: articles, their sources, attributions and provenance (store/schema.py).

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# Written out, not imported from schema.py: a migration must keep meaning what it meant when written.
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("outlet", sa.String(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("origin", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("analysis", JSON, nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("attribution_count", sa.Integer(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_articles_outlet"), ["outlet"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_published"), ["published"], unique=False)

    op.create_table(
        "attributions",
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("attribution_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("source", JSON, nullable=False),
        sa.Column("cue", JSON, nullable=False),
        sa.Column("content", JSON, nullable=False),
        sa.Column("source_text", sa.Text(), nullable=True),
        sa.Column("cue_text", sa.Text(), nullable=False),
        sa.Column("content_text", sa.Text(), nullable=False),
        sa.Column("source_id", sa.String(), nullable=True),
        sa.Column("parent", sa.String(), nullable=True),
        sa.Column("cue_class", sa.String(), nullable=True),
        sa.Column("denial", sa.Boolean(), nullable=False),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("time_text", sa.Text(), nullable=True),
        sa.Column("time_start", sa.Integer(), nullable=True),
        sa.Column("time_end", sa.Integer(), nullable=True),
        sa.Column("time_value", sa.String(), nullable=True),
        sa.Column("source_name", sa.Text(), nullable=True),
        sa.Column("source_kind", sa.String(length=32), nullable=True),
        sa.Column("source_named", sa.Boolean(), nullable=True),
        sa.Column("source_base", sa.String(), nullable=True),
        sa.Column("source_key", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_attributions_articles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("article_id", "attribution_id", name=op.f("pk_attributions")),
    )
    with op.batch_alter_table("attributions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attributions_source_base"), ["source_base"], unique=False)
        batch_op.create_index(batch_op.f("ix_attributions_source_key"), ["source_key"], unique=False)

    op.create_table(
        "provenance",
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("spans", JSON, nullable=False),
        sa.Column("attribution_ids", JSON, nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_provenance_articles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("article_id", "position", name=op.f("pk_provenance")),
    )
    op.create_table(
        "sources",
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("source_id", sa.String(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("named", sa.Boolean(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("qualifiers", JSON, nullable=False),
        sa.Column("affiliation", sa.Text(), nullable=True),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("role_of", sa.Text(), nullable=True),
        sa.Column("mentions", JSON, nullable=False),
        sa.Column("base_key", sa.String(), nullable=False),
        sa.Column("surname", sa.String(), nullable=True),
        sa.Column("identity_key", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name=op.f("fk_sources_articles"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id", "source_id", name=op.f("pk_sources")),
    )
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sources_base_key"), ["base_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_sources_identity_key"), ["identity_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_sources_surname"), ["surname"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sources_surname"))
        batch_op.drop_index(batch_op.f("ix_sources_identity_key"))
        batch_op.drop_index(batch_op.f("ix_sources_base_key"))

    op.drop_table("sources")
    op.drop_table("provenance")
    with op.batch_alter_table("attributions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attributions_source_key"))
        batch_op.drop_index(batch_op.f("ix_attributions_source_base"))

    op.drop_table("attributions")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_published"))
        batch_op.drop_index(batch_op.f("ix_articles_outlet"))

    op.drop_table("articles")
