"""Full-text search over the store, one interface over SQLite FTS5 and PostgreSQL's tsvector search.

What a user types is parsed here, never handed to either engine's own query syntax (which would make "AND" or a
stray quote an error): words must all appear, "quoted words" must appear together, in that order. Statements
are matched on their words with English stemming ("ceasefires" finds "ceasefire") and ranked (FTS5 ``bm25``,
PostgreSQL ``ts_rank_cd``); source names and aliases are matched by word prefixes without stemming ("pesk"
finds "Peskov"). The matched words come back marked with ``START``/``STOP`` and are turned into character
ranges here, so the page draws them with text nodes and ``<mark>``, never as HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    FromClause,
    Select,
    and_,
    cast,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
)

from ..errors import InvalidFilterError
from .schema import attributions, source_aliases, statement_index

# Private-use characters: they do not occur in news text, so they can mark matches inside it.
START, STOP = "\ue000", "\ue001"
MAX_QUERY_CHARS = 500
MAX_TERMS = 20
_TERM = re.compile(r'"([^"]*)"?|([^\s"]+)')
_WORD = re.compile(r"[^\W_]+")

# What migration 0002 indexes on PostgreSQL: the statements' stored tsvector, and an expression over aliases (an
# expression index serves only its exact expression).
PG_STATEMENT_WORDS = "statement_index.statement_search_words"
PG_ALIAS_VECTOR = "to_tsvector('simple', source_aliases.alias)"


@dataclass(frozen=True)
class SearchQuery:
    """Words and phrases, all of which must match."""

    terms: tuple[tuple[str, ...], ...]

    @classmethod
    def parse(cls, text: str) -> SearchQuery:
        if len(text) > MAX_QUERY_CHARS:
            raise InvalidFilterError(f"search: at most {MAX_QUERY_CHARS} characters")
        terms = []
        for phrase, word in _TERM.findall(text):
            words = tuple(_WORD.findall(phrase if phrase else word))
            if words:
                terms.append(words)
        if not terms:
            raise InvalidFilterError(f"search: no words to look for in {text[:80]!r}")
        if len(terms) > MAX_TERMS:
            raise InvalidFilterError(f"search: at most {MAX_TERMS} words or phrases")
        return cls(tuple(terms))

    def __str__(self) -> str:
        return " ".join(" ".join(words) if len(words) == 1 else '"' + " ".join(words) + '"' for words in self.terms)

    def fts5(self, *, prefix: bool = False) -> str:
        """FTS5 query syntax: each word quoted (so no word is an operator), phrases as phrases."""
        star = "*" if prefix else ""
        return " ".join('"' + " ".join(words) + '"' + star for words in self.terms)

    def tsquery(self, config: str, *, prefix: bool = False) -> ColumnElement[Any]:
        """A PostgreSQL tsquery: words ANDed, phrases with ``<->``; the words are letters and digits only, so
        they are safe inside ``to_tsquery``."""
        parts = []
        for words in self.terms:
            lexemes = [word + (":*" if prefix else "") for word in words]
            parts.append(" <-> ".join(lexemes))
        return func.to_tsquery(literal_column(f"'{config}'"), literal(" & ".join(f"({part})" for part in parts)))


@dataclass(frozen=True)
class StatementMatch:
    """How to narrow ``statement_index`` to a search's matches: what to join (SQLite's FTS5 table), the
    condition, the rank (lower is better) and the order the engine finds matches fastest in, newest first."""

    join: FromClause | None
    on: ColumnElement[bool] | None
    where: ColumnElement[bool]
    rank: ColumnElement[float]
    newest: ColumnElement[int]


def match_statements(dialect: str, query: SearchQuery) -> StatementMatch:
    if dialect == "postgresql":
        vector: ColumnElement[Any] = literal_column(PG_STATEMENT_WORDS)
        tsquery = query.tsquery("english")
        return StatementMatch(
            join=None,
            on=None,
            where=vector.op("@@")(tsquery),
            rank=cast(-func.ts_rank_cd(vector, tsquery), Float),
            newest=statement_index.c.id,
        )
    fts = table("statement_search", column("rowid"))
    target: ColumnElement[Any] = literal_column("statement_search")
    return StatementMatch(
        join=fts,
        on=fts.c.rowid == statement_index.c.id,
        where=target.op("MATCH")(query.fts5()),
        rank=func.bm25(target),
        # FTS5 reads a word's matches in rowid order, so the newest come first without a sort.
        newest=fts.c.rowid,
    )


def marked_statements(dialect: str, query: SearchQuery, ids: list[int]) -> Select[int, str]:
    """(statement_index.id, content with the matched words between ``START`` and ``STOP``) for these rows."""
    if dialect == "postgresql":
        options = f"StartSel={START}, StopSel={STOP}, HighlightAll=true"
        marked = func.ts_headline(
            literal_column("'english'"), attributions.c.content_text, query.tsquery("english"), literal(options)
        )
        return (
            select(statement_index.c.id, marked)
            .join(
                attributions,
                and_(
                    attributions.c.article_id == statement_index.c.article_id,
                    attributions.c.attribution_id == statement_index.c.attribution_id,
                ),
            )
            .where(statement_index.c.id.in_(ids))
        )
    fts = table("statement_search", column("rowid"))
    target: ColumnElement[Any] = literal_column("statement_search")
    return select(fts.c.rowid, func.highlight(target, 1, START, STOP)).where(
        target.op("MATCH")(query.fts5()), fts.c.rowid.in_(ids)
    )


def matching_aliases(dialect: str, query: SearchQuery) -> tuple[FromClause, ColumnElement[bool]]:
    """The ``source_aliases`` rows whose words start with the query's words: what to select from, and where."""
    if dialect == "postgresql":
        return source_aliases, literal_column(PG_ALIAS_VECTOR).op("@@")(query.tsquery("simple", prefix=True))
    fts = table("source_alias_search", column("rowid"))
    joined = source_aliases.join(fts, fts.c.rowid == source_aliases.c.id)
    return joined, and_(literal_column("source_alias_search").op("MATCH")(query.fts5(prefix=True)))


def highlights(marked: str | None, text: str) -> list[tuple[int, int]]:
    """Character ranges of the marked words in ``text`` (none if the marked text is not ``text`` marked)."""
    if not marked:
        return []
    ranges: list[tuple[int, int]] = []
    plain: list[str] = []
    length = 0
    start: int | None = None
    for char in marked:
        if char == START:
            start = length
        elif char == STOP:
            if start is not None and length > start:
                ranges.append((start, length))
            start = None
        else:
            plain.append(char)
            length += 1
    return ranges if "".join(plain) == text else []


__all__ = [
    "START",
    "STOP",
    "SearchQuery",
    "StatementMatch",
    "highlights",
    "marked_statements",
    "match_statements",
    "matching_aliases",
]
