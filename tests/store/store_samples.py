"""Hand-made analyses for the store tests (the store must not depend on what the pipeline finds today)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect

from accordingto.model import Analysis, Article, Attribution, Provenance, Summary, TimeAnchor
from accordingto.store import Store
from accordingto.store.rows import article_rows
from samples import attribution, source, span


def peskov_article(
    article_id: str = "nyt-1", outlet: str | None = "NYT", published: str = "2023-12-23"
) -> tuple[Article, Analysis]:
    """Two named people, one anonymous group, a time anchor, a nested attribution and an upstream report."""
    text = (
        'Dmitry Peskov said on Tuesday that the talks were over. "We are ready," Mr. Peskov added. '
        "Two senior officials told The New York Times that Putin wanted a ceasefire. "
        "Nobody else commented."
    )
    attributions = [
        attribution(
            text,
            "a1",
            "Dmitry Peskov",
            "said",
            "the talks were over",
            "s1",
            confidence=0.92,
            time=TimeAnchor(
                text="on Tuesday",
                start=text.index("on Tuesday"),
                end=text.index("on Tuesday") + 10,
                value="2023-12-19",
            ),
        ),
        attribution(text, "a2", "Mr. Peskov", "added", "We are ready,", "s1", cue_class="neutral", confidence=0.97),
        attribution(
            text,
            "a3",
            "Two senior officials",
            "told",
            "that Putin wanted a ceasefire",
            "s2",
            hedged=True,
            confidence=0.61,
        ),
        attribution(text, "a4", "Putin", "wanted", "a ceasefire", "s3", parent="a3", confidence=0.35),
    ]
    sources = [
        source("s1", "Dmitry Peskov", description="Kremlin spokesman"),
        source("s2", "senior officials", named=False, kind="government", description="Two senior officials"),
        source("s3", "Putin"),
    ]
    analysis = Analysis(
        text=text,
        attributions=attributions,
        sources=sources,
        provenance=[
            Provenance(name="The New York Times", spans=[span(text, "The New York Times")], attribution_ids=["a3"])
        ],
        summary=Summary(attributions=4, named_sources=2, anonymous_sources=1, upstream=["The New York Times"]),
    )
    article = Article(
        text=text,
        id=article_id,
        title="Talks",
        url=f"https://example.org/{article_id}",
        outlet=outlet,
        published=published,
    )
    return article, analysis


def plain_article(
    article_id: str,
    text: str,
    speaker: str,
    outlet: str | None,
    published: str | None = None,
    named: bool = True,
    confidence: float = 0.9,
) -> tuple[Article, Analysis]:
    """One attribution "SPEAKER said ..." with its source record."""
    content = text[text.index("said") + 5 :].rstrip(".")
    analysis = Analysis(
        text=text,
        attributions=[attribution(text, "a1", speaker, "said", content, "s1", confidence=confidence)],
        sources=[source("s1", speaker, named=named)],
    )
    return Article(text=text, id=article_id, outlet=outlet, published=published), analysis


Said = tuple[str | None, str] | tuple[str | None, str, dict[str, object]]


def statements_article(
    article_id: str,
    statements: list[Said],
    *,
    outlet: str | None = "Herald",
    published: str | None = "2024-03-01",
    credits: str | None = None,
) -> tuple[Article, Analysis]:
    """One sentence per statement, "SOURCE said CONTENT." ("It was said CONTENT." without a source), as
    attributions a1, a2, ... with their source records. A statement is (source, content) or (source, content,
    fields) with fields for the attribution (hedged=True, parent="a1", ...); a content in quotation marks is a
    direct quote. ``credits``: an outlet the whole article is credited to (a framing provenance mention)."""
    text = f"This is reported by {credits}.\n" if credits else ""
    names = list(dict.fromkeys(item[0] for item in statements if item[0]))
    records = [source(f"s{number}", name) for number, name in enumerate(names, start=1)]
    by_name = {record.name: record.id for record in records}
    found = []
    for number, item in enumerate(statements, start=1):
        speaker, content = item[0], item[1]
        fields = item[2] if len(item) > 2 else {}  # type: ignore[misc]
        opening = speaker or "It was"
        start = len(text)
        text += f"{opening} said {content}.\n"
        content_start = start + len(opening) + len(" said ")
        found.append(
            Attribution(
                id=f"a{number}",
                type="direct" if content[:1] in '"“' else "indirect",
                source=[(start, start + len(speaker))] if speaker else [],
                cue=[(content_start - 5, content_start - 1)],
                content=[(content_start, content_start + len(content))],
                source_text=speaker,
                cue_text="said",
                content_text=content,
                source_id=by_name.get(speaker or ""),
                **fields,  # type: ignore[arg-type]
            )
        )
    provenance = (
        [Provenance(name=credits, spans=[span(text, credits)], attribution_ids=[item.id for item in found])]
        if credits
        else []
    )
    analysis = Analysis(text=text, attributions=found, sources=records, provenance=provenance)
    return Article(text=text, id=article_id, outlet=outlet, published=published), analysis


def rows_as_of(store: Store, article: Article, analysis: Analysis) -> dict[str, list[dict[str, Any]]]:
    """An article's rows with only the columns the store's tables have: what the code of an older schema wrote."""
    tables = inspect(store.engine)
    rows = article_rows(article, analysis)
    known = {name: {column["name"] for column in tables.get_columns(name)} for name in rows}
    return {name: [{k: v for k, v in row.items() if k in known[name]} for row in items] for name, items in rows.items()}
