"""Hand-made analyses for the store tests (the store must not depend on what the pipeline finds today)."""

from __future__ import annotations

from accordingto.model import Analysis, Article, Attribution, Provenance, Source, Summary, TimeAnchor


def _span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return (start, start + len(words))


def attribution(
    text: str,
    aid: str,
    source: str | None,
    cue: str,
    content: str,
    source_id: str | None = None,
    **extra: object,
) -> Attribution:
    """An attribution whose ranges are found by looking the words up in the text."""
    content_range = _span(text, content)
    cue_range = _span(text, cue)
    source_ranges = [_span(text, source)] if source else []
    return Attribution(
        id=aid,
        type="direct" if text[content_range[0] - 1 : content_range[0]] in '"“' else "indirect",
        source=source_ranges,
        cue=[cue_range],
        content=[content_range],
        source_text=source,
        cue_text=cue,
        content_text=content,
        source_id=source_id,
        **extra,  # type: ignore[arg-type]
    )


def source(sid: str, name: str, *, named: bool = True, kind: str = "person", description: str = "") -> Source:
    return Source(
        id=sid,
        name=name,
        kind=kind,  # type: ignore[arg-type]
        named=named,
        description=description or name,
    )


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
            Provenance(name="The New York Times", spans=[_span(text, "The New York Times")], attribution_ids=["a3"])
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
