"""Each attribution's speaker confidence (``model.Attribution.speaker_confidence``: the calibrated probability that
the source shown is who the article means) in ``attributions.speaker_confidence``, for the
``min_speaker_confidence`` filter.

An existing store is upgraded in place, as migration 0004 did for ``confidence``: the column is filled from each
article's stored analysis JSON (the attribution of the same id); an analysis stored before the model gave a
speaker confidence, or an attribution without a source, leaves it null ("not known", which
``min_speaker_confidence`` leaves out). Unlike ``confidence``, the column is not copied into ``statement_index``:
the filters read a column the index lacks through the join to ``attributions`` (``store.filters``), so the
triggers that feed the index stay as migration 0004 wrote them.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("attributions", sa.Column("speaker_confidence", sa.Float(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        # One detoast of each analysis (jsonb_array_elements), not one per attribution.
        op.execute(
            """UPDATE attributions t SET speaker_confidence = stored.speaker_confidence
            FROM (SELECT a.id AS article_id, item ->> 'id' AS attribution_id,
                         (item ->> 'speaker_confidence')::double precision AS speaker_confidence
                  FROM articles a CROSS JOIN LATERAL jsonb_array_elements(a.analysis -> 'attributions') item
                  WHERE a.analysis IS NOT NULL AND jsonb_typeof(item -> 'speaker_confidence') = 'number') stored
            WHERE t.article_id = stored.article_id AND t.attribution_id = stored.attribution_id"""
        )
        return
    # Each analysis is parsed once (json_each over its attributions), not once per attribution.
    op.execute(
        """UPDATE attributions SET speaker_confidence = stored.speaker_confidence
        FROM (SELECT a.id AS article_id, json_extract(item.value, '$.id') AS attribution_id,
                     json_extract(item.value, '$.speaker_confidence') AS speaker_confidence
              FROM articles a, json_each(a.analysis, '$.attributions') item
              WHERE a.analysis IS NOT NULL
                AND json_type(item.value, '$.speaker_confidence') IN ('real', 'integer')) stored
        WHERE attributions.article_id = stored.article_id AND attributions.attribution_id = stored.attribution_id"""
    )


def downgrade() -> None:
    op.execute("ALTER TABLE attributions DROP COLUMN speaker_confidence")  # SQLite 3.35+, PostgreSQL
