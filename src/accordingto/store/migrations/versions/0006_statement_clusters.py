"""Statement clusters: attributions of different articles that report the same statement (store/clusters.py).

Creates the tables only. Articles already in the store are clustered by ``accordingto trail --rebuild``, not
here: the upgrade runs whenever any command opens the store (a query, the web service), and clustering a large
corpus is minutes of work that must not hide in there; and a migration must keep meaning what it meant when
written, while the clustering code will change. ``statement_articles`` stays empty, so ``accordingto trail``
tells the user how many articles wait for the rebuild.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

(Written first as 0003 on top of 0001, before 0002, 0004 and 0005 were merged; renumbered to follow them. The
number 0003 is left unused: no store was ever released with it.)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "statement_clusters",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statement_clusters")),
    )
    op.create_table(
        "statement_members",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("cluster_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("attribution_id", sa.String(), nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
        sa.Column("anchors", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id", "attribution_id"],
            ["attributions.article_id", "attributions.attribution_id"],
            name=op.f("fk_statement_members_attributions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["cluster_id"], ["statement_clusters.id"], name=op.f("fk_statement_members_statement_clusters")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statement_members")),
    )
    with op.batch_alter_table("statement_members", schema=None) as batch_op:
        batch_op.create_index("ix_statement_members_attribution", ["article_id", "attribution_id"], unique=True)
        batch_op.create_index(batch_op.f("ix_statement_members_cluster_id"), ["cluster_id"], unique=False)

    op.create_table(
        "statement_buckets",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("band", sa.Integer(), nullable=False),
        sa.Column("bucket", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["statement_members.id"],
            name=op.f("fk_statement_buckets_statement_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("member_id", "band", name=op.f("pk_statement_buckets")),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("statement_buckets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_statement_buckets_bucket"), ["bucket"], unique=False)

    op.create_table(
        "statement_articles",
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("key_version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_statement_articles_articles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_statement_articles")),
    )


def downgrade() -> None:
    op.drop_table("statement_articles")
    with op.batch_alter_table("statement_buckets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_statement_buckets_bucket"))
    op.drop_table("statement_buckets")
    with op.batch_alter_table("statement_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_statement_members_cluster_id"))
        batch_op.drop_index("ix_statement_members_attribution")
    op.drop_table("statement_members")
    op.drop_table("statement_clusters")
