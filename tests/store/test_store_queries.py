"""Questions across stored articles, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from store_samples import plain_article

from accordingto.errors import InvalidFilterError
from accordingto.store import Store
from accordingto.store.filters import Filters
from accordingto.store.queries import (
    corpus_stats,
    get_analysis,
    iter_analyses,
    iter_attribution_rows,
    list_articles,
    statements,
    top_sources,
)


def test_top_sources_counts_attributions_across_articles(corpus: Store) -> None:
    top = top_sources(corpus).items
    assert [(s.key, s.attributions, s.articles) for s in top[:3]] == [
        ("dmitry peskov", 3, 2),
        ("anon:officials", 1, 1),  # ties: by key
        ("anon:senior officials", 1, 1),
    ]
    first = top[0]
    assert first.name == "Dmitry Peskov" and first.kind == "person" and first.named is True and first.outlets == 1
    assert first.first_published == dt.date(2023, 12, 23) and first.last_published == dt.date(2024, 1, 5)
    assert {s.key for s in top} == {
        "dmitry peskov",
        "peskov",
        "anon:senior officials",
        "putin",
        "anon:officials",
        "zelensky",
    }
    assert json.dumps([s.to_dict() for s in top])


@pytest.mark.parametrize(
    ("filters", "keys"),
    [
        ({"named": False}, {"anon:senior officials", "anon:officials"}),
        ({"kind": "government"}, {"anon:senior officials"}),
        ({"outlet": "WaPo"}, {"peskov", "anon:officials"}),
        ({"outlet": "wapo"}, {"peskov", "anon:officials"}),
        ({"outlet": ["WAPO", "nobody"]}, {"peskov", "anon:officials"}),
        ({"type": "direct"}, {"dmitry peskov"}),
        ({"hedged": True}, {"anon:senior officials"}),
        ({"cue_class": "neutral"}, {"dmitry peskov"}),
        ({"since": "2023-12-01"}, {"dmitry peskov", "anon:senior officials", "putin"}),
        ({"until": dt.date(2023, 11, 2)}, {"peskov"}),
        ({"limit": 1}, {"dmitry peskov"}),
        ({"outlet": "Nobody"}, set()),
    ],
)
def test_top_sources_filters(corpus: Store, filters: dict[str, object], keys: set[str]) -> None:
    limit = int(filters.get("limit", 20))  # type: ignore[call-overload]
    chosen = Filters({name: value for name, value in filters.items() if name != "limit"})
    assert {s.key for s in top_sources(corpus, chosen, limit=limit).items} == keys


def test_statements_of_a_source_by_date_with_their_article(corpus: Store) -> None:
    said = statements(corpus, source="Peskov").items
    assert [(s.article_id, s.attribution_id) for s in said] == [
        ("wapo-1", "a1"),
        ("nyt-1", "a1"),
        ("nyt-1", "a2"),
        ("nyt-2", "a1"),
    ]
    assert said[1].content_text == "the talks were over" and said[1].time_value == "2023-12-19"
    assert said[1].title == "Talks" and said[1].outlet == "NYT" and said[1].published == dt.date(2023, 12, 23)
    assert [s.article_id for s in statements(corpus, source="Dmitry Peskov").items] == ["nyt-1", "nyt-1", "nyt-2"]
    assert [s.article_id for s in statements(corpus, Filters(outlet="WaPo"), source="peskov").items] == ["wapo-1"]
    assert [s.article_id for s in statements(corpus, source="anon:officials").items] == ["wapo-2"]
    assert statements(corpus, source="Nobody At All").items == []


def test_corpus_stats(corpus: Store) -> None:
    stats = corpus_stats(corpus)
    assert (stats.articles, stats.failed, stats.attributions) == (6, 1, 8)
    assert stats.by_type == {"direct": 1, "indirect": 7}
    by_outlet = {o.outlet: o for o in stats.by_outlet}
    assert list(by_outlet) == ["NYT", "WaPo", None]
    assert (by_outlet["NYT"].articles, by_outlet["NYT"].attributions, by_outlet["NYT"].anonymous) == (2, 5, 1)
    assert by_outlet["NYT"].anonymous_share == 0.2 and by_outlet["NYT"].attributions_per_article == 2.5
    assert by_outlet["WaPo"].anonymous_share == 0.5 and by_outlet["WaPo"].articles == 3
    assert stats.anonymous_share == 0.25
    assert [(u.name, u.articles, u.attributions) for u in stats.upstream] == [("The New York Times", 1, 1)]
    assert json.dumps(stats.to_dict())


def test_stats_of_an_empty_store(store: Store) -> None:
    stats = corpus_stats(store)
    assert (stats.articles, stats.attributions, stats.anonymous_share, stats.by_outlet) == (0, 0, None, [])


def test_listing_and_reading_back_articles(corpus: Store) -> None:
    listed = list_articles(corpus).items
    assert [a.id for a in listed] == ["nyt-2", "nyt-1", "broken", "wapo-2", "wapo-1", "none"]
    assert [a.id for a in list_articles(corpus, failed=True).items] == ["broken"]
    first = list_articles(corpus, limit=2)
    assert [a.id for a in first.items] == ["nyt-2", "nyt-1"] and first.next
    assert [a.id for a in list_articles(corpus, limit=2, cursor=first.next).items] == ["broken", "wapo-2"]
    assert json.dumps(listed[0].to_dict())
    analysis = get_analysis(corpus, "nyt-1")
    assert analysis is not None and len(analysis.attributions) == 4
    assert get_analysis(corpus, "broken") is None and get_analysis(corpus, "unknown") is None


def test_exports_stream_every_article_and_attribution(corpus: Store) -> None:
    exported = list(iter_analyses(corpus))
    assert [item["article"]["id"] for item in exported] == [
        "broken",
        "none",
        "nyt-1",
        "nyt-2",
        "wapo-1",
        "wapo-2",
    ]
    assert exported[0]["error"] == "boom" and "attributions" not in exported[0]
    assert exported[2]["article"]["outlet"] == "NYT" and len(exported[2]["attributions"]) == 4
    rows = list(iter_attribution_rows(corpus, Filters(outlet="NYT")))
    assert [(r["article_id"], r["attribution_id"]) for r in rows][:2] == [("nyt-1", "a1"), ("nyt-1", "a2")]
    assert rows[0]["source_key"] == "dmitry peskov" and rows[0]["time_value"] == "2023-12-19"


def test_a_bad_date_filter_is_an_input_error(corpus: Store) -> None:
    with pytest.raises(InvalidFilterError, match="YYYY-MM-DD"):
        top_sources(corpus, Filters(since="last week"))


def test_a_merged_source_is_shown_by_its_full_name(store: Store) -> None:
    store.save(*plain_article("short", "Adams said no.", "Adams", "NYT"))
    store.save(*plain_article("full", "Zoe Adams said yes.", "Zoe Adams", "NYT"))
    [merged] = top_sources(store).items
    assert (merged.key, merged.name, merged.attributions) == ("zoe adams", "Zoe Adams", 2)
