"""The store's tables, in SQLAlchemy Core, so one schema serves SQLite and PostgreSQL alike.

The migrations in ``migrations/versions`` create exactly these tables (a test compares them): change both
together, with a new migration, never by editing an old one.

Every analysis is kept whole as JSON in ``articles.analysis`` (to give it back as it was), and is also
spread over ``sources``, ``attributions`` and ``provenance`` so that questions across articles ("who is
quoted most?") are plain SQL. Attributions carry their source's name, kind and identity key too, copied at
write time, because nearly every cross-article query groups attributions by source and should not need a
three-way join.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB

# JSONB on PostgreSQL: smaller, and indexable should a deployment want it; plain JSON (text) on SQLite.
Json = JSON().with_variant(JSONB(), "postgresql")

# Stable constraint names, so future migrations can alter them on both backends (SQLite needs names in batch
# mode).
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "pk": "pk_%(table_name)s",
        "fk": "fk_%(table_name)s_%(referred_table_name)s",
    }
)

articles = Table(
    "articles",
    metadata,
    Column(
        "id",
        String,
        primary_key=True,
        doc="The reader's id (file name, JSON id, URL) or sha256: of the text.",
    ),
    Column("text_hash", String(64), nullable=False, doc="sha256 of the text: same id + same hash = already done."),
    Column("title", Text),
    Column("url", Text),
    Column("outlet", String, index=True),
    Column("published", Date, index=True),
    Column("origin", Text, doc="Where the article was read from (file, file:line, WARC record)."),
    Column("text", Text, nullable=False),
    Column("analysis", Json, doc="The full Analysis.to_dict(); null when the analysis failed."),
    Column("error", Text, doc="Why the analysis failed; null when it succeeded."),
    Column("attribution_count", Integer, nullable=False, default=0),
    Column("created", DateTime(timezone=True), nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("article_id", String, primary_key=True),
    Column("source_id", String, primary_key=True, doc="The source's id inside its article (s1, s2...)."),
    Column("name", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("named", Boolean, nullable=False),
    Column("description", Text, nullable=False),
    Column("count", Integer),
    Column("qualifiers", Json, nullable=False),
    Column("affiliation", Text),
    Column("role", Text),
    Column("role_of", Text),
    Column("mentions", Json, nullable=False),
    Column("base_key", String, nullable=False, index=True, doc="The normalized name (store/identity.py)."),
    Column("surname", String, index=True, doc="Last word of a named full name, for the surname rule."),
    Column("identity_key", String, nullable=False, index=True, doc="Cross-article identity (docs/corpus.md)."),
    ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
)

attributions = Table(
    "attributions",
    metadata,
    Column("article_id", String, primary_key=True),
    Column("attribution_id", String, primary_key=True, doc="The attribution's id inside its article (a1, a2...)."),
    Column("position", Integer, nullable=False, doc="Order in the article's analysis (reading order)."),
    Column("type", String(16), nullable=False),
    Column("start", Integer, doc="First character any of its spans covers."),
    Column("end", Integer, doc="Character after the last one its spans cover."),
    Column("source", Json, nullable=False),
    Column("cue", Json, nullable=False),
    Column("content", Json, nullable=False),
    Column("source_text", Text),
    Column("cue_text", Text, nullable=False),
    Column("content_text", Text, nullable=False),
    Column("source_id", String),
    Column("parent", String),
    Column("cue_class", String),
    Column("denial", Boolean, nullable=False),
    Column("hedged", Boolean, nullable=False),
    Column("negated", Boolean, nullable=False),
    Column("time_text", Text),
    Column("time_start", Integer),
    Column("time_end", Integer),
    Column("time_value", String),
    # Copied from the source record (or, with no source record, from source_text) so queries group by them
    # directly.
    Column("source_name", Text),
    Column("source_kind", String(32)),
    Column("source_named", Boolean),
    Column("source_base", String, index=True),
    Column("source_key", String, index=True),
    Column(
        "confidence",
        Float,
        doc="The calibrated probability that the attribution is right (model.Attribution.confidence); null for "
        "analyses stored before the model gave one (migration 0004 fills it from the stored analysis).",
    ),
    Column(
        "speaker_confidence",
        Float,
        doc="The calibrated probability that the source shown is who the article means "
        "(model.Attribution.speaker_confidence); null without a source, or for analyses stored before the model "
        "gave one (migration 0009 fills it from the stored analysis). Not copied into statement_index: the "
        "min_speaker_confidence filter reads it through the join.",
    ),
    Column(
        "hypothetical",
        Boolean,
        doc="The cue reports a saying that did not take place (model.Attribution.hypothetical: an instruction, a "
        "condition, a question, a possibility, a wish, anyone as the speaker); null for analyses stored before the "
        "model gave it (migration 0010 fills it from the stored analysis where it is there). Not copied into "
        "statement_index: the hypothetical filter reads it through the join.",
    ),
    ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
)

provenance = Table(
    "provenance",
    metadata,
    Column("article_id", String, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("spans", Json, nullable=False),
    Column("attribution_ids", Json, nullable=False),
    ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
)

# Per-article rows, children of ``articles``: deleted and rewritten together when an article changes.
CHILD_TABLES = (sources, attributions, provenance)

# ---- Derived tables: kept in step with ``attributions`` by database triggers (migration 0002), never written by
# the code. They exist so that lists stay fast on a large corpus (keyset pages in index order) and so that the
# save path needs no change to feed them.

# The date an undated article sorts under (last when oldest first): a NOT NULL sort key lets keyset pages walk an
# index on both backends (NULLs sort first in SQLite and last in PostgreSQL).
UNDATED = "9999-12-31"

statement_index = Table(
    "statement_index",
    metadata,
    Column("id", Integer, primary_key=True, doc="Stable row number: the full-text index's rowid on SQLite."),
    Column("article_id", String, nullable=False),
    Column("attribution_id", String, nullable=False),
    Column("position", Integer, nullable=False),
    Column("published", Date, doc="The article's publication date (null when unknown), for date filters."),
    Column("day", Date, nullable=False, doc=f"published, or {UNDATED} when unknown: the sort key."),
    Column("outlet_key", String, nullable=False, doc="lower(outlet), '' without one: outlet filters ignore case."),
    # Copied from the attribution, so filtered lists read one narrow table (attribution columns not copied here
    # are read from ``attributions`` through a join).
    Column("source_key", String),
    Column("source_kind", String(32)),
    Column("source_named", Boolean),
    Column("type", String(16), nullable=False),
    Column("cue_class", String),
    Column("denial", Boolean, nullable=False),
    Column("hedged", Boolean, nullable=False),
    Column("confidence", Float, doc="The attribution's confidence (migration 0004), for min_confidence."),
    ForeignKeyConstraint(
        ["article_id", "attribution_id"],
        ["attributions.article_id", "attributions.attribution_id"],
        ondelete="CASCADE",
    ),
    Index("ix_statement_index_attribution", "article_id", "attribution_id", unique=True),
    Index("ix_statement_index_order", "day", "outlet_key", "id"),
    Index("ix_statement_index_outlet", "outlet_key", "day", "id"),
    Index("ix_statement_index_source", "source_key", "day", "outlet_key", "id"),
)

source_aliases = Table(
    "source_aliases",
    metadata,
    Column("id", Integer, primary_key=True, doc="Stable row number: the alias index's rowid on SQLite."),
    Column("source_key", String, nullable=False),
    Column("alias", Text, nullable=False, doc="A source name, or the words an article used for the source."),
    Column("is_name", Boolean, nullable=False, doc="True: the source record's name; false: the mention's words."),
    Column("base", String, doc="For a name: its own name key (the shown name is one whose base is the key)."),
    Column("count", Integer, nullable=False, doc="Attributions that gave this source this name or these words."),
    Index("ix_source_aliases_alias", "source_key", "is_name", "alias", unique=True),
)

# Counts kept per day by triggers on statement_index, so that charts, a source's page and per-source or per-outlet
# totals read a few thousand rows instead of every statement (when the filters are the rollup's dimensions).
source_days = Table(
    "source_days",
    metadata,
    Column("source_key", String, primary_key=True),
    Column("outlet_key", String, primary_key=True),
    Column("day", Date, primary_key=True),
    Column("attributions", Integer, nullable=False),
    Column("articles", Integer, nullable=False, doc="Articles with at least one attribution to the source."),
    Column("named", Integer, nullable=False),
    Column("anonymous", Integer, nullable=False),
)

outlet_days = Table(
    "outlet_days",
    metadata,
    Column("outlet_key", String, primary_key=True),
    Column("day", Date, primary_key=True),
    Column("named", Integer, primary_key=True, doc="1 named, 0 anonymous, -1 not known."),
    Column("kind", String(32), primary_key=True, doc="The source's kind, '' when there is none."),
    Column("type", String(16), primary_key=True),
    Column("attributions", Integer, nullable=False),
)

# Totals kept by triggers (migration 0005) from the per-day counts: per source and outlet, and per source (the
# source lists in order of attributions, a source's page by outlet, without summing every day). First and last
# days are those of dated statements (null when a source has none).
source_outlets = Table(
    "source_outlets",
    metadata,
    Column("source_key", String, primary_key=True),
    Column("outlet_key", String, primary_key=True),
    Column("attributions", Integer, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("named", Integer, nullable=False),
    Column("anonymous", Integer, nullable=False),
    Column("first_day", Date),
    Column("last_day", Date),
)

source_totals = Table(
    "source_totals",
    metadata,
    Column("source_key", String, primary_key=True),
    Column("attributions", Integer, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("named", Integer, nullable=False),
    Column("anonymous", Integer, nullable=False),
    Column("outlets", Integer, nullable=False, doc="Outlets that quote the source."),
    Column("first_day", Date),
    Column("last_day", Date),
    # Ordered by an index (attributions DESC, source_key) that migration 0005 writes in SQL (ix_expr_...).
)

# Each outlet as spelled, with its number of articles (outlet_key: the database's lower(), as statement_index's).
outlet_names = Table(
    "outlet_names",
    metadata,
    Column("outlet_key", String, primary_key=True),
    Column("outlet", String, primary_key=True),
    Column("articles", Integer, nullable=False),
)

# Articles by outlet and date (the outlet comparison counts articles), and the failed ones.
Index("ix_articles_outlet_published", articles.c.outlet, articles.c.published)

# Newest first, undated last, as one expression index on both backends (see UNDATED); created by migration 0002.
ARTICLE_DAY = "coalesce(published, '0001-01-01')"

# Objects each backend builds in its own SQL (migrations 0002 and 0005), outside this metadata: SQLite's FTS5 tables
# (with their shadow tables and content view), PostgreSQL's tsvector column statement_index.statement_search_words
# and GIN indexes (of every statement and of fixed samples), expression indexes.
BACKEND_SPECIFIC_PREFIXES = ("statement_search", "source_alias_search", "ix_expr_")


def is_backend_specific(name: str | None) -> bool:
    """Whether a database object is one of those built in backend-specific SQL (not in this metadata)."""
    return bool(name) and str(name).startswith(BACKEND_SPECIFIC_PREFIXES)


# Statement clusters (store/clusters.py, docs/trail.md): attributions of different articles that report the same
# statement. The statement tables hang off ``attributions`` and ``articles`` with ON DELETE CASCADE, so the save
# path's deletes of an article's rows take its statements along without knowing these tables.
statement_clusters = Table(
    "statement_clusters",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created", DateTime(timezone=True), nullable=False),
)

statement_members = Table(
    "statement_members",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True, doc="A compact key for the LSH bucket rows."),
    Column("cluster_id", Integer, nullable=False, index=True),
    Column("article_id", String, nullable=False),
    Column("attribution_id", String, nullable=False),
    Column("words", Text, nullable=False, doc="The statement's normalized content words, in order, space-separated."),
    Column("anchors", Text, nullable=False, doc="Its numbers and names (store/statements.py), space-separated."),
    ForeignKeyConstraint(
        ["article_id", "attribution_id"],
        ["attributions.article_id", "attributions.attribution_id"],
        ondelete="CASCADE",
    ),
    ForeignKeyConstraint(["cluster_id"], ["statement_clusters.id"]),
    Index("ix_statement_members_attribution", "article_id", "attribution_id", unique=True),
)

# The persisted MinHash LSH index: one row per band of a member's signature. A lookup is an indexed
# ``bucket IN (...)`` query, on both backends; no in-memory index to rebuild. Without rowid on SQLite: the
# primary key is the table.
statement_buckets = Table(
    "statement_buckets",
    metadata,
    Column("member_id", Integer, primary_key=True),
    Column("band", Integer, primary_key=True),
    Column("bucket", BigInteger, nullable=False, index=True, doc="A 63-bit hash of the band's MinHash values."),
    ForeignKeyConstraint(["member_id"], ["statement_members.id"], ondelete="CASCADE"),
    sqlite_with_rowid=False,
)

# The inverted index of the members' words (one row per distinct word of a statement): finding the statements that
# hold a query's words reads each word's list in index order, never every statement's words. Rows go with their
# member (ON DELETE CASCADE, found through the member_id index); a member moving to another cluster keeps them.
statement_member_words = Table(
    "statement_member_words",
    metadata,
    Column("word", String, primary_key=True),
    Column("member_id", Integer, primary_key=True, index=True),
    ForeignKeyConstraint(["member_id"], ["statement_members.id"], ondelete="CASCADE"),
    sqlite_with_rowid=False,
)

# Articles whose attributions went through the clustering, with the version of the statement key used: an
# article stored before clustering existed, or keyed by an older version, is found and re-clustered by
# ``accordingto trail --rebuild``.
statement_articles = Table(
    "statement_articles",
    metadata,
    Column("article_id", String, primary_key=True),
    Column("key_version", Integer, nullable=False),
    ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
)


__all__ = [
    "ARTICLE_DAY",
    "CHILD_TABLES",
    "UNDATED",
    "articles",
    "attributions",
    "is_backend_specific",
    "metadata",
    "outlet_days",
    "outlet_names",
    "provenance",
    "source_days",
    "source_aliases",
    "source_outlets",
    "source_totals",
    "sources",
    "statement_articles",
    "statement_buckets",
    "statement_clusters",
    "statement_index",
    "statement_member_words",
    "statement_members",
]
