"""The analyst's workbench in the library, on SQLite and PostgreSQL: search, filters, pages, a source's page,
outlets side by side, counts over time, upstream reports, and the upgrade of a store made before search."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import case, func, inspect, select
from store_samples import peskov_article, plain_article, rows_as_of, statements_article

from accordingto.errors import InvalidFilterError
from accordingto.model import Analysis, Article, Provenance
from accordingto.store import Store, open_store, search
from accordingto.store.db import MIGRATIONS
from accordingto.store.filters import Filters, describe_filters, statement_joins
from accordingto.store.queries import (
    Page,
    all_rows,
    anonymous_share_per_week,
    encode_cursor,
    list_articles,
    outlet_stats,
    outlets,
    source_profile,
    statements,
    statements_per_week,
    top_sources,
    upstream,
)
from accordingto.store.schema import attributions, source_aliases, statement_index
from accordingto.store.search import SearchQuery, highlights
from samples import attribution, source


def marked(statement: object) -> list[str]:
    text = statement.content_text  # type: ignore[attr-defined]
    return [text[start:end] for start, end in statement.highlights]  # type: ignore[attr-defined]


def test_search_finds_statements_by_their_words_stemmed_ranked_and_marked(corpus: Store) -> None:
    found = statements(corpus, search="ceasefire").items
    assert {(s.article_id, s.attribution_id) for s in found} == {
        ("nyt-1", "a3"),
        ("nyt-1", "a4"),
        ("nyt-2", "a1"),
        ("wapo-1", "a1"),
        ("none", "a1"),
    }
    assert all(marked(s) and all(word.lower().startswith("ceasefire") for word in marked(s)) for s in found)
    assert "ceasefires" in marked(next(s for s in found if s.article_id == "nyt-2"))
    # Every word must appear; a phrase must appear as written.
    assert [s.article_id for s in statements(corpus, search="ceasefire near").items] == ["wapo-1"]
    assert [s.article_id for s in statements(corpus, search='"ceasefire talks"').items] == ["none"]
    assert statements(corpus, search='"talks ceasefire"').items == []
    # Filters apply to a search too.
    assert {s.article_id for s in statements(corpus, Filters(outlet="NYT"), search="ceasefire").items} == {
        "nyt-1",
        "nyt-2",
    }


def test_search_ranks_the_closer_match_first(store: Store) -> None:
    store.save(*plain_article("one", "Ann Lee said the budget was late and the vote was close.", "Ann Lee", "X"))
    store.save(*plain_article("two", "Bo Kim said budget budget budget.", "Bo Kim", "X"))
    assert [s.article_id for s in statements(store, search="budget").items] == ["two", "one"]


@pytest.mark.parametrize(
    "typed",
    ['"', "AND OR NOT", "NEAR(a b)", "col:word", "a* ^b", "'; DROP TABLE articles; --", "x" * 300],
)
def test_anything_typed_is_a_search_never_an_engine_error(corpus: Store, typed: str) -> None:
    try:
        page = statements(corpus, search=typed)
    except InvalidFilterError as error:
        assert "search" in str(error)
    else:
        assert isinstance(page.items, list)
    top_sources(corpus, search=typed) if any(char.isalnum() for char in typed) else None


@pytest.mark.parametrize("typed", ["", "   ", "!!!", "x" * 501])
def test_a_search_with_no_words_is_refused(typed: str) -> None:
    with pytest.raises(InvalidFilterError):
        SearchQuery.parse(typed)


def test_marks_become_character_ranges_of_the_text() -> None:
    assert highlights("a \ue000cease\ue001 b \ue000fire\ue001", "a cease b fire") == [(2, 7), (10, 14)]
    assert highlights("x \ue000y\ue001", "different") == []
    assert highlights(None, "text") == []


def test_search_finds_sources_by_name_prefix_and_by_the_words_articles_used(corpus: Store) -> None:
    found = top_sources(corpus, search="pesk").items
    assert [s.key for s in found] == ["dmitry peskov", "peskov"]
    assert found[0].name == "Dmitry Peskov"
    assert [s.key for s in top_sources(corpus, search="Mr Peskov").items] == ["dmitry peskov"]  # an alias
    assert [s.key for s in top_sources(corpus, search="senior").items] == ["anon:senior officials"]
    assert top_sources(corpus, search="nobody").items == []
    assert [s.key for s in top_sources(corpus, Filters(outlet="wapo"), search="peskov").items] == ["peskov"]


def test_every_filter_narrows_statements(corpus: Store) -> None:
    def ids(**given: object) -> set[tuple[str, str]]:
        return {(s.article_id, s.attribution_id) for s in statements(corpus, Filters(given)).items}

    everything = ids()
    assert len(everything) == 8
    assert ids(outlet="NyT") == {("nyt-1", f"a{n}") for n in range(1, 5)} | {("nyt-2", "a1")}
    assert ids(named=False) == {("nyt-1", "a3"), ("wapo-2", "a1")}
    assert ids(type="direct") == {("nyt-1", "a2")}
    assert ids(kind="government") == {("nyt-1", "a3")}
    assert ids(hedged="true") == {("nyt-1", "a3")}
    assert ids(denial=True) == set()
    assert ids(denial=False) == everything
    assert ids(cue_class="neutral") == {("nyt-1", "a2")}
    assert ids(since="2024-01-01") == {("nyt-2", "a1")}
    assert ids(until="2023-11-02") == {("wapo-1", "a1")}


def test_statements_leave_out_acts_and_unheld_beliefs(store: Store) -> None:
    store.save(
        *statements_article(
            "classes",
            [
                ("The mayor", "the bridge would reopen", {"cue_class": "neutral"}),
                ("The council", "the new budget", {"cue_class": "decision"}),
                ("Fares", "to rise in May", {"cue_class": "expectation"}),
                ("The coach", "his players", {"cue_class": "gesture"}),
                ("Ms Doe", "that it was fine", {}),
            ],
        )
    )

    def ids(**given: object) -> set[str]:
        return {s.attribution_id for s in statements(store, Filters(given)).items}

    assert ids(statements=True) == {"a1", "a5"}
    assert ids(statements="false") == {"a2", "a3", "a4"}
    assert ids(statements=True, cue_class="decision") == set()


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"kind": "alien"}, "kind"),
        ({"named": "maybe"}, "named"),
        ({"type": "quoted"}, "type"),
        ({"since": "yesterday"}, "YYYY-MM-DD"),
        ({"since": "2024-01-02", "until": "2024-01-01"}, "after"),
        ({"colour": "red"}, "unknown filter"),
        ({"outlet": ["x"] * 51}, "at most"),
    ],
)
def test_bad_filters_are_input_errors(given: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidFilterError, match=message):
        Filters(given)


def test_filters_parse_from_strings_and_back() -> None:
    filters = Filters.parse({"outlet": ["NYT", " ", "wapo"], "named": "false", "since": "2023-01-01", "page": "2"})
    assert filters == Filters(outlet=("NYT", "wapo"), named=False, since=dt.date(2023, 1, 1))
    assert filters.to_params() == [("outlet", "NYT"), ("outlet", "wapo"), ("since", "2023-01-01"), ("named", "false")]
    assert Filters.parse(dict(filters.to_params())) != filters  # a dict keeps one outlet: params are pairs
    assert {item["name"] for item in describe_filters()} >= {"outlet", "kind", "cue_class", "denial", "hedged"}


def test_pages_walk_the_whole_list_in_order_with_opaque_cursors(corpus: Store) -> None:
    whole = statements(corpus, limit=100).items
    walked = list(all_rows(lambda cursor: statements(corpus, cursor=cursor, limit=3)))
    assert walked == whole
    assert [s.published for s in whole if s.published] == sorted(s.published for s in whole if s.published)
    assert whole[-1].published is None  # undated last
    assert list(all_rows(lambda cursor: top_sources(corpus, cursor=cursor, limit=2))) == top_sources(corpus).items
    assert list(all_rows(lambda cursor: list_articles(corpus, cursor=cursor, limit=1))) == list_articles(corpus).items
    ranked = statements(corpus, search="ceasefire").items
    assert list(all_rows(lambda cursor: statements(corpus, search="ceasefire", cursor=cursor, limit=2))) == ranked


@pytest.mark.parametrize("cursor", ["garbage!", "e30", "W10", "x" * 2000, "WyJhYmMiLFsxLDIsM11d"])
def test_a_malformed_cursor_is_an_input_error(corpus: Store, cursor: str) -> None:
    with pytest.raises(InvalidFilterError, match="cursor"):
        statements(corpus, cursor=cursor)


def test_a_cursor_only_serves_the_question_it_came_from(corpus: Store) -> None:
    cursor = statements(corpus, limit=1).next
    assert cursor
    with pytest.raises(InvalidFilterError, match="another list or other filters"):
        statements(corpus, Filters(outlet="NYT"), cursor=cursor)
    with pytest.raises(InvalidFilterError, match="another list"):
        top_sources(corpus, cursor=cursor)


def _forged(cursor: str, change: Callable[[list[Any]], list[Any]]) -> str:
    """A cursor of the same question with other sort-key values: cursors are opaque, not secret."""
    context, values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    return encode_cursor(context, change(values))


@pytest.mark.parametrize(
    ("ask", "change"),
    [
        (top_sources, lambda values: [10**30, values[1]]),  # past SQLite's 64-bit integers
        (top_sources, lambda values: [-(2**63) - 1, values[1]]),
        (top_sources, lambda values: [values[0], "\ud800"]),  # a lone surrogate no database can bind
        (top_sources, lambda values: [True, values[1]]),
        (top_sources, lambda values: [values[0], None]),
        (statements, lambda values: [values[0], values[1], 2**64]),
        (statements, lambda values: ["2023-12-23T99:99", values[1], values[2]]),
        (statements, lambda values: [values[0], values[1], 1.5]),
        (statements, lambda values: values[:2]),
        (list_articles, lambda values: [values[0], {"id": 1}]),
    ],
)
def test_a_forged_cursor_with_values_no_column_holds_is_an_input_error(
    corpus: Store, ask: Callable[..., Page[Any]], change: Callable[[list[Any]], list[Any]]
) -> None:
    cursor = ask(corpus, limit=1).next
    assert cursor
    assert ask(corpus, cursor=_forged(cursor, lambda values: values), limit=1).items  # the unchanged one serves
    with pytest.raises(InvalidFilterError, match="cursor"):
        ask(corpus, cursor=_forged(cursor, change), limit=1)


def test_a_forged_search_cursor_with_a_score_that_is_no_number_is_an_input_error(corpus: Store) -> None:
    cursor = statements(corpus, search="ceasefire", limit=1).next
    assert cursor
    for score in (float("nan"), float("inf")):
        with pytest.raises(InvalidFilterError, match="cursor"):
            statements(corpus, search="ceasefire", cursor=_forged(cursor, lambda v, s=score: [s, v[1]]), limit=1)


@pytest.mark.parametrize("limit", [0, -1, 501, 10**12])
def test_a_page_size_out_of_bounds_is_an_input_error(corpus: Store, limit: int) -> None:
    with pytest.raises(InvalidFilterError, match="limit"):
        statements(corpus, limit=limit)


def test_a_source_page(corpus: Store) -> None:
    profile = source_profile(corpus, "dmitry peskov")
    assert profile is not None
    assert (profile.name, profile.kind, profile.named) == ("Dmitry Peskov", "person", True)
    assert profile.description in ("Kremlin spokesman", "Peskov")
    assert {alias.text for alias in profile.aliases} >= {"Mr. Peskov", "Peskov"}
    assert (profile.attributions, profile.articles) == (3, 2)
    assert [(o.outlet, o.attributions) for o in profile.by_outlet] == [("NYT", 3)]
    assert profile.first_published == dt.date(2023, 12, 23) and profile.last_published == dt.date(2024, 1, 5)
    said = statements(corpus, source_key="dmitry peskov").items
    assert [(s.article_id, s.attribution_id) for s in said] == [("nyt-1", "a1"), ("nyt-1", "a2"), ("nyt-2", "a1")]
    assert source_profile(corpus, "nobody at all") is None
    assert source_profile(corpus, "dmitry peskov", Filters(since="2024-01-01")).attributions == 1  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("words", "description", "alias_shown", "description_shown"),
    [
        ("who", "union leader", False, True),  # a relative pronoun stands for the source: no other name
        ("She", "Ann Lee’s", False, False),  # the name again, possessive as the span was written: no description
        ("The union chief", "the union's chief", True, True),
    ],
)
def test_a_source_page_shows_other_names_and_descriptions_only(
    store: Store, words: str, description: str, alias_shown: bool, description_shown: bool
) -> None:
    text = f"Ann Lee led the union. {words} said the strike would end."
    said = attribution(text, "a1", words, "said", "the strike would end", "s1")
    store.save(
        Article(text=text, id="one", outlet="NYT", published="2024-01-02"),
        Analysis(text=text, attributions=[said], sources=[source("s1", "Ann Lee", description=description)]),
    )
    profile = source_profile(store, "ann lee")
    assert profile is not None and profile.name == "Ann Lee"
    assert [alias.text for alias in profile.aliases] == ([words] if alias_shown else [])
    assert profile.descriptions == ([description] if description_shown else [])
    assert profile.description == (description if description_shown else None)


def test_statements_per_week_for_a_source_and_a_search(corpus: Store) -> None:
    weeks = statements_per_week(corpus, source="Peskov")
    assert weeks[0].week == dt.date(2023, 10, 30) and weeks[0].statements == 1  # Monday of 2023-11-02
    assert weeks[-1].week == dt.date(2024, 1, 1) and weeks[-1].statements == 1
    assert sum(w.statements for w in weeks) == 4 and len(weeks) == 10  # empty weeks in between are 0
    assert sum(w.statements for w in statements_per_week(corpus, search="ceasefire")) == 4  # one is undated
    assert statements_per_week(corpus, source="nobody") == []


def test_anonymous_share_per_outlet_and_week(corpus: Store) -> None:
    rows = {(r.outlet, r.week): r for r in anonymous_share_per_week(corpus)}
    assert rows[("WaPo", dt.date(2023, 10, 30))].anonymous_share == 0.5
    assert rows[("NYT", dt.date(2023, 12, 18))].anonymous_share == 0.25
    assert rows[("NYT", dt.date(2024, 1, 1))].anonymous_share == 0.0


def test_outlets_side_by_side(corpus: Store) -> None:
    by_outlet = {o.outlet: o for o in outlet_stats(corpus)}
    assert list(by_outlet) == ["NYT", "WaPo", None]
    nyt = by_outlet["NYT"]
    assert (nyt.articles, nyt.attributions, nyt.anonymous, nyt.anonymous_share) == (2, 5, 1, 0.2)
    assert nyt.by_kind == {"government": 1, "person": 4}
    assert nyt.top_sources[0] == {"key": "dmitry peskov", "name": "Dmitry Peskov", "attributions": 3}
    assert by_outlet["WaPo"].articles == 3
    assert [(o.outlet, o.articles) for o in outlets(corpus)] == [("NYT", 2), ("WaPo", 3)]


def test_outlets_spelled_in_several_cases_are_one(store: Store) -> None:
    store.save(*plain_article("a", "Ann Lee said yes.", "Ann Lee", "NYT", "2023-01-02"))
    store.save(*plain_article("b", "Bo Kim said no.", "Bo Kim", "nyt", "2023-01-03"))
    store.save(*plain_article("c", "Cy Ray said maybe.", "Cy Ray", "NYT", "2023-01-04"))
    assert [(o.outlet, o.articles) for o in outlets(store)] == [("NYT", 3)]
    assert [(o.outlet, o.attributions) for o in outlet_stats(store)] == [("NYT", 3)]
    assert len(statements(store, Filters(outlet="Nyt")).items) == 3


def test_upstream_reports_with_generic_credits_not_shown_as_names(store: Store) -> None:
    article, analysis = peskov_article("a", "NYT", "2023-12-23")
    store.save(article, analysis)
    credited = Analysis(
        text=analysis.text,
        attributions=analysis.attributions,
        sources=analysis.sources,
        provenance=[Provenance(name="Russian media", spans=[(0, 5)], attribution_ids=["a1", "a2"])],
    )
    store.save(Article(text=analysis.text, id="b", outlet="Kyiv Daily", published="2023-12-24"), credited)
    reports = upstream(store).items
    assert [(u.name, u.articles, u.attributions, u.generic) for u in reports] == [
        ("unnamed Russian media", 1, 2, True),  # ties: by name as stored ("Russian media")
        ("The New York Times", 1, 1, False),
    ]
    assert [u.name for u in upstream(store, Filters(outlet="kyiv daily")).items] == ["unnamed Russian media"]


def test_ids_are_never_shown_as_names(store: Store) -> None:
    store.save(*plain_article("x", "s1 said the plan failed.", "s1", "NYT"))
    [shown] = top_sources(store).items
    assert shown.name == "unnamed source"
    assert statements(store).items[0].source_name == "unnamed source"


def index_counts(store: Store) -> tuple[int, int]:
    with store.connect() as connection:
        rows = connection.execute(select(func.count()).select_from(statement_index)).scalar_one()
        aliases = connection.execute(select(func.sum(source_aliases.c.count))).scalar_one()
    return int(rows), int(aliases or 0)


def test_the_index_follows_rewrites_deletes_and_merges(store: Store) -> None:
    store.save(*plain_article("short", "Adams said no ceasefire.", "Adams", "NYT"))
    assert [s.key for s in top_sources(store, search="adams").items] == ["adams"]
    store.save(*plain_article("full", "Zoe Adams said yes.", "Zoe Adams", "NYT"))
    assert [s.key for s in top_sources(store, search="adams").items] == ["zoe adams"]  # the surname rule re-keyed
    assert source_profile(store, "adams") is None
    before = index_counts(store)
    store.save(*plain_article("short", "Adams said no ceasefire.", "Adams", "NYT"))  # stored again: replaced
    assert index_counts(store) == before
    assert len(statements(store, search="ceasefire").items) == 1
    store.save(Article(text="x", id="short"), error="failed this time")
    assert statements(store, search="ceasefire").items == []
    assert index_counts(store)[0] == 1


def store_as_of(store_url: str, revision: str) -> Store:
    """A store built with the migrations up to ``revision`` only (as a store made by an older version is)."""
    old = open_store(store_url, migrate=False)
    with old.engine.begin() as connection:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    return old


def save_as_of_old(store: Store, article: Article, analysis: Analysis, *, without: tuple[str, ...] = ()) -> None:
    """Save as the code of an older schema did: the columns its tables have (``without``: attribution fields the
    analysis JSON lacks, as analyses made before the model gave them do: ``confidence``, ``hypothetical``)."""
    old = rows_as_of(store, article, analysis)
    for item in old["articles"][0]["analysis"]["attributions"]:
        for name in without:
            del item[name]
    store._write(old, cluster=False)  # the older code did not cluster (nor have the tables to)


def test_a_store_made_before_search_is_upgraded_in_place_with_its_rows_indexed(store_url: str) -> None:
    """Build the store with the migrations up to 0001 (the schema before search), write to it, then open it."""
    old = store_as_of(store_url, "0001")
    save_as_of_old(old, *peskov_article("nyt-1", "NYT", "2023-12-23"))
    save_as_of_old(old, *plain_article("wapo-1", "Peskov said a ceasefire was near.", "Peskov", "WaPo", "2023-11-02"))
    old.close()
    with open_store(store_url) as upgraded:
        assert [s.article_id for s in statements(upgraded, search="ceasefire near").items] == ["wapo-1"]
        assert [s.key for s in top_sources(upgraded, search="pesk").items] == ["dmitry peskov", "peskov"]
        assert len(statements(upgraded).items) == 5
        profile = source_profile(upgraded, "dmitry peskov")
        assert profile is not None and {a.text for a in profile.aliases} >= {"Mr. Peskov"}
        upgraded.save(*plain_article("later", "Peskov said the ceasefire held.", "Peskov", "WaPo", "2023-11-09"))
        assert len(statements(upgraded, search="ceasefire").items) == 4  # 2 in nyt-1 (one nested)


def test_the_per_day_counts_agree_with_the_statements_after_rewrites_deletes_and_merges(store: Store) -> None:
    """The counts kept by triggers answer when the filters are their dimensions; ``denial=False`` (true of every
    statement here) makes the same questions read every statement instead: both must agree."""
    store.save(*peskov_article("nyt-1", "NYT", "2023-12-23"))
    store.save(*plain_article("short", "Peskov said no.", "Peskov", "NYT", "2023-12-27"))
    store.save(*plain_article("wapo", "Peskov said yes.", "Peskov", "WaPo", "2023-12-28"))
    store.save(*plain_article("short", "Peskov said no again.", "Peskov", "NYT", "2024-01-03"))  # rewritten
    store.save(*plain_article("gone", "Ann Lee said so.", "Ann Lee", "NYT", "2024-01-04"))
    store.save(*plain_article("gone", "Cy Ray said so.", "Cy Ray", "NYT", "2024-01-04"))  # Ann Lee's go
    store.save(*plain_article("undated", "Bo Kim said so.", "Bo Kim", "WaPo"))
    everything = Filters(denial=False)
    for filters in (Filters(), Filters(outlet="nyt"), Filters(since="2023-12-24")):
        both = Filters({**filters, "denial": False})
        assert top_sources(store, filters).items == top_sources(store, both).items
        assert outlet_stats(store, filters) == outlet_stats(store, both)
        assert statements_per_week(store, filters, source_key="dmitry peskov") == statements_per_week(
            store, both, source_key="dmitry peskov"
        )
        assert statements_per_week(store, filters) == statements_per_week(store, both)
        assert anonymous_share_per_week(store, filters) == anonymous_share_per_week(store, both)
        assert source_profile(store, "dmitry peskov", filters) == source_profile(store, "dmitry peskov", both)
    top = {s.key: (s.attributions, s.articles, s.outlets) for s in top_sources(store).items}
    assert top["dmitry peskov"] == (3, 2, 1) and top["peskov"] == (1, 1, 1) and "ann lee" not in top
    assert top_sources(store, everything).items == top_sources(store).items


def test_a_filter_on_a_column_the_index_does_not_copy_is_one_entry(
    corpus: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As ``min_confidence`` will be: a filter over an ``attributions`` column (``negated`` here) is one more entry
    in FILTERS; every list then joins ``attributions`` for it, and the per-day counts step aside."""
    from accordingto.store import filters as filter_module

    negated = filter_module.Filter(
        "negated", "Only negated cues.", "negated", filter_module._is, filter_module._boolean, input="boolean"
    )
    monkeypatch.setitem(filter_module.BY_NAME, "negated", negated)
    monkeypatch.setattr(filter_module, "FILTERS", (*filter_module.FILTERS, negated))
    assert Filters(negated=True).needs_attributions
    assert statements(corpus, Filters(negated=True)).items == []
    assert len(statements(corpus, Filters(negated=False)).items) == 8
    assert top_sources(corpus, Filters(negated=False)).items == top_sources(corpus).items
    assert list_articles(corpus, Filters(negated=True)).items == []
    assert statements_per_week(corpus, Filters(negated=False), source_key="dmitry peskov") == statements_per_week(
        corpus, source_key="dmitry peskov"
    )
    assert "negated" in {item["name"] for item in describe_filters()}


# ---- confidence ---------------------------------------------------------------------------------------------------


def test_min_confidence_narrows_every_list(corpus: Store) -> None:
    """nyt-1's attributions have confidence 0.92, 0.97, 0.61 and 0.35; the one-statement articles 0.9."""
    shown = {(s.article_id, s.attribution_id): s.confidence for s in statements(corpus).items}
    assert shown[("nyt-1", "a1")] == pytest.approx(0.92) and shown[("nyt-1", "a4")] == pytest.approx(0.35)
    confident = {(s.article_id, s.attribution_id) for s in statements(corpus, Filters(min_confidence=0.6)).items}
    assert confident == set(shown) - {("nyt-1", "a4")}
    assert [s.attribution_id for s in statements(corpus, Filters.parse({"min_confidence": "95%"})).items] == ["a2"]
    assert statements(corpus, Filters.parse({"min_confidence": "0.92"}), search="talks").items[0].attribution_id == "a1"
    assert {s.key for s in top_sources(corpus, Filters(min_confidence=0.95)).items} == {"dmitry peskov"}
    assert [a.id for a in list_articles(corpus, Filters(min_confidence=0.95)).items] == ["nyt-1"]
    assert sum(w.statements for w in statements_per_week(corpus, Filters(min_confidence=0.6))) == 6  # 1 undated
    by_outlet = {o.outlet: o.attributions for o in outlet_stats(corpus, Filters(min_confidence=0.6))}
    assert by_outlet == {"NYT": 4, "WaPo": 2, None: 1}
    assert statements(corpus, Filters(min_confidence=1)).items == []


@pytest.mark.parametrize("given", ["1.5", "-0.1", "abc", "nan", "120%", ""])
def test_a_confidence_that_is_no_probability_is_refused(given: str) -> None:
    if not given:
        assert Filters.parse({"min_confidence": given}) == Filters()  # empty: not set
        return
    with pytest.raises(InvalidFilterError, match="min_confidence"):
        Filters.parse({"min_confidence": given})


def test_a_store_made_before_confidence_is_filled_from_its_stored_analyses(store_url: str) -> None:
    """Build the store with the migrations before 0004; one analysis carries confidences in its JSON, one (made
    before the model gave any) does not; open it: the first's are read from the JSON, the second's are unknown."""
    old = store_as_of(store_url, "0002")
    save_as_of_old(old, *peskov_article("nyt-1", "NYT", "2023-12-23"))
    save_as_of_old(old, *plain_article("old", "Ann Lee said it was late.", "Ann Lee", "WaPo"), without=("confidence",))
    old.close()
    with open_store(store_url) as upgraded:
        shown = {(s.article_id, s.attribution_id): s.confidence for s in statements(upgraded).items}
        assert shown == {
            ("nyt-1", "a1"): pytest.approx(0.92),
            ("nyt-1", "a2"): pytest.approx(0.97),
            ("nyt-1", "a3"): pytest.approx(0.61),
            ("nyt-1", "a4"): pytest.approx(0.35),
            ("old", "a1"): None,
        }
        assert {s.article_id for s in statements(upgraded, Filters(min_confidence=0)).items} == {"nyt-1"}
        upgraded.save(*plain_article("new", "Bo Kim said it was early.", "Bo Kim", "WaPo", confidence=0.42))
        assert [s.confidence for s in statements(upgraded, source_key="bo kim").items] == [pytest.approx(0.42)]


def test_the_totals_kept_by_triggers_are_those_of_the_statements_after_rewrites_deletes_and_merges(
    store: Store,
) -> None:
    """source_outlets, source_totals and outlet_names, kept by triggers, against the same figures counted from
    statement_index and articles after every kind of change: new rows, an article rewritten (its old rows go),
    a source gone, the surname rule merging "Peskov" into "Dmitry Peskov" across articles, undated statements,
    an outlet spelled in another case, a failed article."""
    from accordingto.store.schema import articles, outlet_names, source_outlets, source_totals

    def counted() -> tuple[set[tuple[object, ...]], set[tuple[object, ...]], set[tuple[object, ...]]]:
        s = statement_index
        dated = func.nullif(s.c.day, dt.date(9999, 12, 31))
        figures = (
            func.count(),
            func.count(s.c.article_id.distinct()),
            func.sum(case((s.c.source_named.is_(True), 1), else_=0)),
            func.sum(case((s.c.source_named.is_(False), 1), else_=0)),
        )
        per_outlet = (
            select(s.c.source_key, s.c.outlet_key, *figures, func.min(dated), func.max(dated))
            .where(s.c.source_key.is_not(None))
            .group_by(s.c.source_key, s.c.outlet_key)
        )
        per_source = (
            select(s.c.source_key, *figures, func.count(s.c.outlet_key.distinct()), func.min(dated), func.max(dated))
            .where(s.c.source_key.is_not(None))
            .group_by(s.c.source_key)
        )
        spellings = (
            select(func.lower(articles.c.outlet), articles.c.outlet, func.count())
            .where(articles.c.outlet.is_not(None))
            .group_by(articles.c.outlet)
        )
        with store.connect() as connection:
            return tuple(  # type: ignore[return-value]
                {tuple(str(value) if isinstance(value, dt.date) else value for value in row) for row in rows}
                for rows in (
                    connection.execute(per_outlet).all(),
                    connection.execute(per_source).all(),
                    connection.execute(spellings).all(),
                )
            )

    def kept() -> tuple[set[tuple[object, ...]], set[tuple[object, ...]], set[tuple[object, ...]]]:
        with store.connect() as connection:
            return tuple(  # type: ignore[return-value]
                {tuple(str(value) if isinstance(value, dt.date) else value for value in row) for row in rows}
                for rows in (
                    connection.execute(select(source_outlets)).all(),
                    connection.execute(select(source_totals)).all(),
                    connection.execute(select(outlet_names)).all(),
                )
            )

    steps = [
        lambda: store.save(*peskov_article("nyt-1", "NYT", "2023-12-23")),
        lambda: store.save(*plain_article("short", "Peskov said no.", "Peskov", "nyt", "2023-12-27")),
        lambda: store.save(*plain_article("wapo", "Peskov said yes.", "Peskov", "WaPo", "2023-12-28")),
        lambda: store.save(*plain_article("early", "Peskov said first.", "Peskov", "WaPo", "2023-12-01")),
        lambda: store.save(*plain_article("short", "Peskov said no again.", "Peskov", "NYT", "2024-01-03")),
        lambda: store.save(*plain_article("gone", "Ann Lee said so.", "Ann Lee", "NYT", "2024-01-04")),
        lambda: store.save(*plain_article("gone", "Cy Ray said so.", "Cy Ray", "NYT", "2024-01-04")),
        lambda: store.save(*plain_article("undated", "Bo Kim said so.", "Bo Kim", "WaPo")),
        lambda: store.save(*plain_article("early", "Peskov said first.", "Peskov", "WaPo", "2023-12-02")),
        lambda: store.save(Article(text="x", id="wapo", outlet="WaPo"), error="failed this time"),
        lambda: store.save(
            *plain_article("dmitry", "Dmitry Peskov said later.", "Dmitry Peskov", "WaPo", "2024-02-01")
        ),
    ]
    for step in steps:
        step()
        assert kept() == counted()
    outlets_of_peskov = {row[1] for row in kept()[0] if row[0] == "dmitry peskov"}
    assert outlets_of_peskov == {"nyt", "wapo"}  # the surname rule merged WaPo's "Peskov" once a full name came


# ---- search strategies on many statements ---------------------------------------------------------------------------


@pytest.fixture
def many(store: Store) -> Store:
    """90 one-statement articles over 90 days in two outlets; "ceasefire" in every third, "budget" in the others."""
    for number in range(90):
        words = "the ceasefire would hold" if number % 3 == 0 else "the budget was late"
        outlet = "NYT" if number % 2 else "WaPo"
        day = (dt.date(2024, 1, 1) + dt.timedelta(days=number)).isoformat()
        store.save(*plain_article(f"a{number:02d}", f"Ann Lee said {words}.", "Ann Lee", outlet, day))
    return store


def truth(store: Store, word: str, outlet: str | None = None) -> list[tuple[int, dt.date]]:
    """(statement_index.id, day) of every statement with ``word``, newest first, by reading them all."""
    query = (
        select(statement_index.c.id, statement_index.c.day, statement_index.c.outlet_key)
        .join(attributions, statement_joins())
        .where(attributions.c.content_text.contains(word))
        .order_by(statement_index.c.id.desc())
    )
    with store.connect() as connection:
        rows = connection.execute(query).all()
    return [(number, dt.date.fromisoformat(str(day))) for number, day, key in rows if outlet in (None, key)]


@pytest.mark.parametrize(
    ("index_row_cost", "plan_sample"),
    [(1e9, 4), (0.0, 4), (1e9, 1024)],
    ids=["walk", "word index", "a sample too sparse"],
)
def test_the_newest_matches_are_found_however_they_are_read(
    many: Store, monkeypatch: pytest.MonkeyPatch, index_row_cost: float, plan_sample: int
) -> None:
    """On PostgreSQL, a sample of one statement in 4 says how far back to walk (in windows of 4 statements and
    more), or that the word index is cheaper; a sample with no match (one in 1024 of 90 statements) sends the
    search to the word index at once: either way the same newest matches (SQLite's FTS5 is checked too)."""
    monkeypatch.setattr(search, "WINDOW", 4)
    monkeypatch.setattr(search, "MAX_WINDOW", 16)
    monkeypatch.setattr(search, "INDEX_ROW_COST", index_row_cost)
    monkeypatch.setattr(search, "PLAN_SAMPLE", plan_sample)
    scope = select().select_from(statement_index)
    for word, outlet, wanted in [
        ("ceasefire", None, 7),
        ("budget", None, 25),
        ("ceasefire", "nyt", 4),
        ("ceasefire", None, 1000),
    ]:
        narrowed = Filters(outlet=outlet).on_statements(scope) if outlet else scope
        with many.connect() as connection:
            found = search.newest_matches(connection, SearchQuery.parse(word), narrowed, wanted)
        expected = [number for number, _ in truth(many, word, outlet)][:wanted]
        assert [number for _, number in found] == expected, (word, outlet)
        assert all(isinstance(rank, float) for rank, _ in found)


def test_a_search_chart_counts_a_sample_when_the_matches_are_many(many: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """With ENOUGH lowered to 5, "budget" (60 matches) is counted on the sample of one statement in 4 (15 of them)
    and "ceasefire" (30) too, each count times 4; a word with fewer matches than ENOUGH in every sample is counted
    exactly. The estimate is exactly the sample's count, multiplied."""
    monkeypatch.setattr(search, "ENOUGH", 5)
    scope = select().select_from(statement_index)
    for word, expected_sample in [("budget", 4), ("ceasefire", 4)]:
        with many.connect() as connection:
            counted = search.day_counts(connection, SearchQuery.parse(word), scope)
        assert counted.sample == expected_sample
        sampled = Counter(day for number, day in truth(many, word) if number % expected_sample == 0)
        assert counted.counts == Counter({day: count * expected_sample for day, count in sampled.items()})
    monkeypatch.setattr(search, "ENOUGH", 40)
    with many.connect() as connection:
        exact = search.day_counts(connection, SearchQuery.parse("ceasefire"), scope)
    assert exact.sample == 1 and exact.counts == Counter(day for _, day in truth(many, "ceasefire"))
    weeks = statements_per_week(many, search="ceasefire")
    assert {week.sample for week in weeks} == {1} and sum(week.statements for week in weeks) == 30
    monkeypatch.setattr(search, "ENOUGH", 5)
    estimated = statements_per_week(many, search="budget")
    assert {week.sample for week in estimated} == {4}


def test_a_search_chart_with_filters_that_keep_few_stops_at_its_budget(
    many: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The filters keep half the matches here; with a budget of 50 rows read, the count stops at the sample whose
    next finer one would read more, even though it has fewer than ENOUGH statements that pass the filters."""
    monkeypatch.setattr(search, "ENOUGH", 1000)
    monkeypatch.setattr(search, "BUDGET", 50)
    scope = Filters(outlet="nyt").on_statements(select().select_from(statement_index))
    with many.connect() as connection:
        counted = search.day_counts(connection, SearchQuery.parse("budget"), scope)
    assert counted.sample == 4  # the sample of 4 reads 15 matches, so the exact count about 60 (> 50)
    sampled = Counter(day for number, day in truth(many, "budget", "nyt") if number % 4 == 0)
    assert counted.counts == Counter({day: count * 4 for day, count in sampled.items()})


def sampled_matches(store: Store, word: str, every: int) -> list[int]:
    """statement_index ids of the matches of ``word`` that the index of the sample of one in ``every`` finds."""
    match = search.match_statements(store.engine.dialect.name, SearchQuery.parse(word), sample=every)
    query = select(statement_index.c.id).where(match.where)
    if match.join is not None and match.on is not None:
        query = query.join(match.join, match.on)
    with store.connect() as connection:
        return sorted(connection.execute(query).scalars())


def assert_samples_indexed(store: Store, words: list[str]) -> None:
    """Each sample's index finds exactly the sampled statements among every match. On SQLite, each FTS5 sample
    table alone too (the join to statement_index would hide a statement gone but not forgotten, whose id a new
    statement may take again), and it passes FTS5's own check."""
    sqlite = store.engine.dialect.name == "sqlite"
    for word in words:
        every_match = sorted(number for number, _ in truth(store, word))
        assert every_match, word
        for every in search.SAMPLES:
            sampled = [n for n in every_match if n % every == 0]
            assert sampled_matches(store, word, every) == sampled, (word, every)
            if sqlite:
                name = f"statement_search_1_in_{every}"
                with store.connect() as connection:
                    alone = connection.exec_driver_sql(f"SELECT rowid FROM {name} WHERE {name} MATCH ?", (word,))
                    assert sorted(alone.scalars()) == sampled, (word, every)
                    connection.exec_driver_sql(f"INSERT INTO {name} ({name}) VALUES ('integrity-check')")


def test_each_sample_has_an_index_of_its_own_that_follows_rewrites_and_deletes(many: Store) -> None:
    """90 statements: the samples of one in 4, 16 and 64 hold some of them, 256 and 1024 none."""
    assert_samples_indexed(many, ["ceasefire", "budget"])
    assert sampled_matches(many, "ceasefire", 1024) == []
    # Stored again with other words (its statement gets a new id), failed (its statement goes), and a new one.
    many.save(*plain_article("a04", "Ann Lee said the ceasefire budget was late.", "Ann Lee", "NYT", "2024-01-05"))
    many.save(Article(text="x", id="a07"), error="failed this time")
    for number in range(90, 100):
        many.save(*plain_article(f"b{number}", "Bo Kim said the budget held.", "Bo Kim", "NYT", "2024-05-01"))
    assert_samples_indexed(many, ["ceasefire", "budget", "held"])


def test_a_store_made_before_the_sample_indexes_gets_them_as_it_is_upgraded(store_url: str) -> None:
    """Build the store with the migrations up to 0006, write to it, open it: each sample's index holds the
    statements already there, and follows the ones written after."""
    old = store_as_of(store_url, "0006")
    for number in range(10):
        words = "the ceasefire would hold" if number % 2 else "the budget was late"
        save_as_of_old(old, *plain_article(f"old{number}", f"Ann Lee said {words}.", "Ann Lee", "NYT", "2024-01-02"))
    old.close()
    with open_store(store_url) as upgraded:
        assert_samples_indexed(upgraded, ["ceasefire", "budget"])
        for number in range(10, 20):
            upgraded.save(*plain_article(f"new{number}", "Ann Lee said the ceasefire held.", "Ann Lee", "NYT"))
        assert_samples_indexed(upgraded, ["ceasefire", "budget"])


@pytest.mark.parametrize(
    ("step", "kept", "read", "following"),
    [
        (0, 3, 3, 1),  # too few matches to trust: the next finer sample
        (0, 100, 100, 3),  # 100 in one in 1024: about 1,600 in one in 64, 6,400 in one in 16 (>= ENOUGH)
        (0, 10, 5000, 1),  # the filters keep few: one in 256 would read 80,000 (> BUDGET)
        (3, 10, 10, 5),  # 160 expected even in one in 4: count every statement
    ],
)
def test_a_sample_with_enough_matches_says_which_finer_one_to_read(
    step: int, kept: int, read: int, following: int
) -> None:
    steps = (1024, 256, 64, 16, 4, 1)
    assert (search.ENOUGH, search.BUDGET, search.TRUSTED) == (2000, 40_000, 8)
    assert search._next_sample(steps, step, kept, read) == following


# How sure each speaker of the Peskov sample is (a4, "Putin" inside a3's content, was stored without one).
SPEAKER_CONFIDENCES = {"a1": 0.95, "a2": 0.6, "a3": 0.3, "a4": None}


def with_speaker_confidences(analysis: Analysis) -> Analysis:
    return dataclasses.replace(
        analysis,
        attributions=[
            dataclasses.replace(item, speaker_confidence=SPEAKER_CONFIDENCES[item.id]) for item in analysis.attributions
        ],
    )


@pytest.mark.parametrize(
    ("floor", "kept"),
    [
        ("0", {"a1", "a2", "a3"}),  # an attribution without a speaker confidence is never kept by a floor
        ("0.5", {"a1", "a2"}),
        ("60%", {"a1", "a2"}),
        ("0.61", {"a1"}),
        ("1", set()),
    ],
)
def test_min_speaker_confidence_keeps_the_sure_speakers(store: Store, floor: str, kept: set[str]) -> None:
    article, analysis = peskov_article("nyt-1", "NYT", "2023-12-23")
    store.save(article, with_speaker_confidences(analysis))
    filters = Filters.parse({"min_speaker_confidence": floor})
    found = statements(store, filters).items
    assert {s.attribution_id for s in found} == kept
    assert all(s.speaker_confidence == SPEAKER_CONFIDENCES[s.attribution_id] for s in found)
    assert sum(week.statements for week in statements_per_week(store, filters)) == len(kept)
    # Combined with the other filters, as every filter is.
    assert {
        s.attribution_id
        for s in statements(store, Filters.parse({"min_speaker_confidence": floor, "min_confidence": "0.9"})).items
    } == kept & {"a1", "a2"}


def test_a_store_made_before_the_speaker_confidence_is_upgraded_with_it(store_url: str) -> None:
    """A store at revision 0008 (before the column), with an analysis whose JSON has the speaker confidences and
    one whose JSON has none, gains the column when opened, filled from the JSON; nothing stored is lost."""
    old = store_as_of(store_url, "0008")
    assert "speaker_confidence" not in {column["name"] for column in inspect(old.engine).get_columns("attributions")}
    article, analysis = peskov_article("nyt-1", "NYT", "2023-12-23")
    save_as_of_old(old, article, with_speaker_confidences(analysis))
    save_as_of_old(old, *plain_article("wapo-1", "Peskov said a ceasefire was near.", "Peskov", "WaPo", "2023-11-02"))
    old.close()
    with open_store(store_url) as upgraded:
        every = statements(upgraded).items
        assert {(s.article_id, s.attribution_id): s.speaker_confidence for s in every} == {
            **{("nyt-1", key): value for key, value in SPEAKER_CONFIDENCES.items()},
            ("wapo-1", "a1"): None,
        }
        sure = statements(upgraded, Filters(min_speaker_confidence=0.5)).items
        assert [(s.article_id, s.attribution_id) for s in sure] == [("nyt-1", "a1"), ("nyt-1", "a2")]
        assert upgraded.analysis("nyt-1") == with_speaker_confidences(analysis)


# ---- hypothetical -------------------------------------------------------------------------------------------------


def with_hypotheticals(analysis: Analysis, *ids: str) -> Analysis:
    return dataclasses.replace(
        analysis,
        attributions=[dataclasses.replace(item, hypothetical=item.id in ids) for item in analysis.attributions],
    )


def test_the_hypothetical_filter_keeps_or_leaves_out_statements_nobody_made(store: Store) -> None:
    """nyt-1's a4 marked hypothetical ("If Putin wanted a ceasefire" in spirit): true keeps it alone, false the
    others, on every list, and combined with the other filters."""
    article, analysis = peskov_article("nyt-1", "NYT", "2023-12-23")
    store.save(article, with_hypotheticals(analysis, "a4"))
    store.save(*plain_article("wapo-1", "Peskov said a ceasefire was near.", "Peskov", "WaPo", "2023-11-02"))
    found = {s.attribution_id: s.hypothetical for s in statements(store, Filters(hypothetical=True)).items}
    assert found == {"a4": True}
    made = {(s.article_id, s.attribution_id) for s in statements(store, Filters.parse({"hypothetical": "false"})).items}
    assert made == {("nyt-1", "a1"), ("nyt-1", "a2"), ("nyt-1", "a3"), ("wapo-1", "a1")}
    assert {s.key for s in top_sources(store, Filters(hypothetical=True)).items} == {"putin"}
    assert [a.id for a in list_articles(store, Filters(hypothetical=True)).items] == ["nyt-1"]
    assert sum(week.statements for week in statements_per_week(store, Filters(hypothetical=False))) == 4
    both = Filters.parse({"hypothetical": "false", "hedged": "true"})
    assert [s.attribution_id for s in statements(store, both).items] == ["a3"]
    with pytest.raises(InvalidFilterError, match="hypothetical"):
        Filters.parse({"hypothetical": "perhaps"})
    assert "hypothetical" in {item["name"] for item in describe_filters()}


def test_a_store_made_before_the_hypothetical_flag_is_upgraded_with_it(store_url: str) -> None:
    """A store at revision 0009 (before the column), with an analysis whose JSON has the flag and one whose JSON
    (made before the model gave it) has none, gains the column when opened: filled from the JSON where it is
    there, unknown (null) where not, which neither value of the filter keeps; nothing stored is lost."""
    old = store_as_of(store_url, "0009")
    assert "hypothetical" not in {column["name"] for column in inspect(old.engine).get_columns("attributions")}
    article, analysis = peskov_article("nyt-1", "NYT", "2023-12-23")
    marked = with_hypotheticals(analysis, "a4")
    save_as_of_old(old, article, marked)
    earlier = plain_article("wapo-1", "Peskov said a ceasefire was near.", "Peskov", "WaPo", "2023-11-02")
    save_as_of_old(old, *earlier, without=("hypothetical",))
    old.close()
    with open_store(store_url) as upgraded:
        every = statements(upgraded).items
        assert {(s.article_id, s.attribution_id): s.hypothetical for s in every} == {
            ("nyt-1", "a1"): False,
            ("nyt-1", "a2"): False,
            ("nyt-1", "a3"): False,
            ("nyt-1", "a4"): True,
            ("wapo-1", "a1"): None,
        }
        assert [s.attribution_id for s in statements(upgraded, Filters(hypothetical=True)).items] == ["a4"]
        assert {s.article_id for s in statements(upgraded, Filters(hypothetical=False)).items} == {"nyt-1"}
        assert upgraded.analysis("nyt-1") == marked
        assert upgraded.analysis("wapo-1") == earlier[1]  # read back with the model's default
