"""Nesting: which attribution is reported inside which (``parent``), on attributions placed by hand."""

from __future__ import annotations

from typing import Any

import pytest

from accordingto.annotations import PARENTS
from accordingto.link.nesting import Nesting, find_parents
from handspans import example_doc, make_doc

CASES: list[tuple[str, str, list[dict[str, Any]], dict[str, str | None]]] = [
    ("no attribution", "The sky was blue over Kyiv on Monday.", [], {}),
    (
        "one attribution is top level",
        "Smith said the plan failed.",
        [{"source": "Smith", "cue": "said", "content": "the plan failed"}],
        {"a1": None},
    ),
    (
        "cue inside another's content",
        "According to aides, Smith said the plan failed.",
        [
            {"source": "aides", "cue": "According to", "content": "Smith said the plan failed"},
            {"source": "Smith", "cue": "said", "content": "the plan failed"},
        ],
        {"a1": None, "a2": "a1"},
    ),
    (
        "innermost enclosing attribution wins",
        "The paper reported that aides said Smith believes the plan failed.",
        [
            {
                "source": "The paper",
                "cue": "reported",
                "content": "that aides said Smith believes the plan failed",
            },
            {"source": "aides", "cue": "said", "content": "Smith believes the plan failed"},
            {"source": "Smith", "cue": "believes", "content": "the plan failed"},
        ],
        {"a1": None, "a2": "a1", "a3": "a2"},
    ),
    (
        "a sentence-initial 'This' encloses the previous sentence",
        "Officials said the talks collapsed.\nThis is reported by Reuters.",
        [
            {"source": "Officials", "cue": "said", "content": "the talks collapsed"},
            {"source": "Reuters", "cue": "is reported by", "content": "This"},
        ],
        {"a1": "a2", "a2": None},
    ),
    (
        "a pronoun later in the sentence does not reach back",
        "Aides said the talks failed. Peskov said the talks went well, and Putin said so.",
        [
            {"source": "Aides", "cue": "said", "content": "the talks failed"},
            {"source": "Peskov", "cue": "Peskov [said]", "content": "the talks went well"},
            {"source": "Putin", "cue": "Putin [said]", "content": "said [so]"},
        ],
        {"a1": None, "a2": None, "a3": None},
    ),
    (
        "siblings stay apart",
        "Smith said taxes rose. Jones said they fell.",
        [
            {"source": "Smith", "cue": "said", "content": "taxes rose"},
            {"source": "Jones", "cue": ("said", 2), "content": "they fell"},
        ],
        {"a1": None, "a2": None},
    ),
    (
        "a source-only attribution inside a quote",
        '"Aides think the plan failed," Smith said.',
        [
            {"source": "Smith", "cue": "said", "content": '"Aides think the plan failed,"', "type": "direct"},
            {"source": "Aides", "cue": None, "content": "the plan failed"},
        ],
        {"a1": None, "a2": "a1"},
    ),
]


@pytest.mark.parametrize(("label", "text", "attributions", "expected"), CASES, ids=[c[0] for c in CASES])
def test_parents(label: str, text: str, attributions: list[dict[str, Any]], expected: dict[str, str | None]) -> None:
    assert find_parents(make_doc(text, attributions)) == expected


def test_component_writes_the_parents() -> None:
    doc = make_doc(
        "According to aides, Smith said the plan failed.",
        [
            {"source": "aides", "cue": "According to", "content": "Smith said the plan failed"},
            {"source": "Smith", "cue": "said", "content": "the plan failed"},
        ],
    )
    Nesting(None, "accordingto_nesting")(doc)  # type: ignore[arg-type]
    assert PARENTS.require(doc) == {"a1": None, "a2": "a1"}


def test_example_article_chains() -> None:
    """Putin <- US officials <- the New York Times; and the other nested statements of the example."""
    parents = find_parents(example_doc())
    assert parents["a2"] == "a1"  # Putin reported ... according to US officials
    assert parents["a1"] == "a3"  # ... which "is reported by the New York Times"
    assert parents["a3"] is None
    assert parents["a9"] == "a8"  # Putin has signaled ... two former officials say
    assert parents["a11"] == "a12"  # At the time, Putin said ..., US officials said
    assert parents["a14"] == "a13"  # "They say: ..." inside the senior official's quote
    assert parents["a20"] == "a19"  # Putin, according to officials, sees ...
    assert parents["a23"] == "a22"  # "... and he said so," Peskov emphasized
    assert parents["a25"] == "a24"  # Zelenskyy says he sees ...
    top_level = {aid for aid, parent in parents.items() if parent is None}
    assert {"a4", "a5", "a6", "a7", "a10", "a17", "a21", "a26", "a27"} <= top_level
