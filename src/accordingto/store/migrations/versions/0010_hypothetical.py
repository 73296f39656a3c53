"""Each attribution's ``hypothetical`` flag (``model.Attribution.hypothetical``: the cue reports a saying that did
not take place) in ``attributions.hypothetical``, for the ``hypothetical`` filter.

An existing store is upgraded in place, as migration 0009 did for ``speaker_confidence``: the column is filled from
each article's stored analysis JSON (the attribution of the same id). An analysis stored before the model gave the
flag leaves it null ("not known": nobody looked), which both ``hypothetical=true`` and ``hypothetical=false`` leave
out, rather than false, which would claim the statement was checked and found made (a run skips articles already
stored with the same text, so only a store filled afresh has the flag on every row). Like ``speaker_confidence``, the
column is not copied into ``statement_index``: the filters read a column the index lacks through the join to
``attributions`` (``store.filters``), so the triggers that feed the index stay as migration 0004 wrote them.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("attributions", sa.Column("hypothetical", sa.Boolean(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        # One detoast of each analysis (jsonb_array_elements), not one per attribution.
        op.execute(
            """UPDATE attributions t SET hypothetical = stored.hypothetical
            FROM (SELECT a.id AS article_id, item ->> 'id' AS attribution_id,
                         (item ->> 'hypothetical')::boolean AS hypothetical
                  FROM articles a CROSS JOIN LATERAL jsonb_array_elements(a.analysis -> 'attributions') item
                  WHERE a.analysis IS NOT NULL AND jsonb_typeof(item -> 'hypothetical') = 'boolean') stored
            WHERE t.article_id = stored.article_id AND t.attribution_id = stored.attribution_id"""
        )
        return
    # Each analysis is parsed once (json_each over its attributions), not once per attribution; SQLite's JSON true
    # and false come out of json_extract as 1 and 0, which is how it stores a Boolean.
    op.execute(
        """UPDATE attributions SET hypothetical = stored.hypothetical
        FROM (SELECT a.id AS article_id, json_extract(item.value, '$.id') AS attribution_id,
                     json_extract(item.value, '$.hypothetical') AS hypothetical
              FROM articles a, json_each(a.analysis, '$.attributions') item
              WHERE a.analysis IS NOT NULL
                AND json_type(item.value, '$.hypothetical') IN ('true', 'false')) stored
        WHERE attributions.article_id = stored.article_id AND attributions.attribution_id = stored.attribution_id"""
    )


def downgrade() -> None:
    op.execute("ALTER TABLE attributions DROP COLUMN hypothetical")  # SQLite 3.35+, PostgreSQL
