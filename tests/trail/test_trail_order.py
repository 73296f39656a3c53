"""The order of a trail and the flags of each retelling (trail/query.py), on appearances made by hand."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from accordingto.trail.query import Appearance, change_flags, first_appearance_order, outlet_key


def appearance(article_id: str, outlet: str | None, published: str | None, **fields: Any) -> Appearance:
    defaults: dict[str, Any] = {
        "attribution_id": "a1",
        "title": None,
        "url": None,
        "source": "Ann Lee",
        "source_key": "ann lee",
        "cue": "said",
        "content": "the council will close three schools next year",
        "type": "indirect",
        "via": [],
        "upstream": [],
        "hedged": False,
        "denial": False,
        "negated": False,
        "hypothetical": False,
        "diff": [],
        "flags": [],
    }
    return Appearance(
        article_id=article_id,
        outlet=outlet,
        published=dt.date.fromisoformat(published) if published else None,
        **{**defaults, **fields},
    )


def order(*appearances: Appearance) -> list[str]:
    return [item.article_id for item in first_appearance_order(appearances)]


def test_the_earliest_date_comes_first_and_undated_last() -> None:
    assert order(
        appearance("late", "Times", "2024-03-05"),
        appearance("undated", "Post", None),
        appearance("early", "Herald", "2024-03-01"),
    ) == ["early", "late", "undated"]


def test_on_the_same_date_an_article_crediting_another_outlet_is_not_first() -> None:
    assert order(
        appearance("copy", "Ledger", "2024-03-01", upstream=["Herald"]),
        appearance("origin", "Herald", "2024-03-01"),
    ) == ["origin", "copy"]


def test_crediting_your_own_outlet_is_no_credit() -> None:
    assert order(
        appearance("b", "The New York Times", "2024-03-01", upstream=["NYT"]),
        appearance("c", "Ledger", "2024-03-01"),
    ) == ["b", "c"]


def test_a_credited_outlet_in_the_trail_is_first_even_when_dated_later() -> None:
    """A clock skew: the retelling is dated a day before the report it credits."""
    assert order(
        appearance("copy", "Ledger", "2024-02-29", upstream=["the New York Times"]),
        appearance("nyt", "NYT", "2024-03-01"),
        appearance("other", "Post", "2024-03-02"),
    ) == ["nyt", "copy", "other"]


def test_credits_are_followed_up_a_chain_without_looping() -> None:
    assert order(
        appearance("c", "Courier", "2024-03-01", upstream=["Ledger"]),
        appearance("b", "Ledger", "2024-03-02", upstream=["Herald"]),
        appearance("a", "Herald", "2024-03-03", upstream=["Courier"]),  # a cycle of credits
    ) == ["a", "c", "b"]


def test_a_credited_outlet_outside_the_trail_changes_nothing() -> None:
    assert order(
        appearance("copy", "Ledger", "2024-03-01", upstream=["Reuters"]),
        appearance("later", "Post", "2024-03-02"),
    ) == ["copy", "later"]


def test_remaining_ties_are_broken_by_outlet_then_article() -> None:
    items = [appearance(name, outlet, "2024-03-01") for name, outlet in [("z", "Alpha"), ("b", "Beta"), ("a", "Beta")]]
    assert order(*items) == order(*reversed(items)) == ["z", "a", "b"]


@pytest.mark.parametrize(
    ("first", "later", "flags"),
    [
        ({}, {}, []),
        ({}, {"source": "Bo Roe", "source_key": "bo roe"}, ["different_source"]),
        ({"source_key": "ann lee"}, {"source": "Lee", "source_key": "lee"}, []),  # the surname of the same person
        ({}, {"source": None, "source_key": None}, []),  # no source named is not another source
        ({"hedged": True}, {}, ["hedge_dropped"]),
        ({}, {"hedged": True}, []),
        ({"denial": True}, {}, ["denial_dropped"]),
        ({"negated": True}, {"denial": True}, []),
        ({"content": "the talks are not over yet"}, {"content": "the talks are over yet"}, ["negation_dropped"]),
        ({"content": "the talks are over"}, {"content": "the talks are never over"}, ["negation_added"]),
        ({"type": "indirect"}, {"type": "direct"}, ["made_direct"]),
        ({"type": "mixed"}, {"type": "direct"}, ["made_direct"]),
        ({"type": "direct"}, {"type": "indirect"}, []),
        # "If she says the plan failed" first, "She said the plan failed" later: a statement came into being.
        ({"hypothetical": True}, {}, ["hypothetical_dropped"]),
        ({}, {"hypothetical": True}, []),
        ({"hypothetical": True}, {"hypothetical": True}, []),
        ({"hypothetical": True}, {"hypothetical": None}, []),  # stored before the flag: not known to be real
        (
            {"hedged": True, "type": "indirect"},
            {"source_key": "anon:officials", "type": "direct"},
            ["different_source", "hedge_dropped", "made_direct"],
        ),
    ],
)
def test_flags(first: dict[str, Any], later: dict[str, Any], flags: list[str]) -> None:
    original = appearance("a", "Herald", "2024-03-01", **first)
    retold = dataclasses.replace(appearance("b", "Post", "2024-03-02"), **later)
    assert change_flags(original, retold) == flags


@pytest.mark.parametrize(
    ("name", "key"),
    [("NYT", "The New York Times"), ("the New York Times", "The New York Times"), ("Valley Herald", "valley herald")],
)
def test_outlet_keys(name: str, key: str) -> None:
    assert outlet_key(name) == key
