"""Fuzzed requests to the service: any body to ``POST /analyze`` and any query to the corpus routes gets an
answer below 500, in JSON, and an analysis whose offsets lie inside the text sent and quote it exactly."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from accordingto.model import Analysis, Article
from accordingto.serve import create_app
from accordingto.store import open_store
from accordingto.store.filters import FILTERS
from fuzz_inputs import FUZZ, check_offsets, news_texts, texts_with_surrogates
from hand_analysis import EXAMPLE_PATH, build_example_analysis


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = str(Path(tmp_path_factory.mktemp("fuzz")) / "corpus.sqlite")
    text = EXAMPLE_PATH.read_text(encoding="utf-8")
    with open_store(path) as store:
        store.save(Article(text=text, id="one", outlet="NYT", published="2023-12-23"), build_example_analysis(text))
    with TestClient(create_app(path), base_url="http://localhost", raise_server_exceptions=False) as test_client:
        yield test_client


FIELD_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=12), texts_with_surrogates
)
articles = st.fixed_dictionaries(
    {"text": st.one_of(news_texts, texts_with_surrogates, FIELD_VALUES)},
    optional={
        "published": st.one_of(st.sampled_from(["2023-12-23", "2023-12-23T10:00", "2023-12-23T99:99"]), FIELD_VALUES),
        "title": FIELD_VALUES,
        "outlet": FIELD_VALUES,
        "id": FIELD_VALUES,
        "unknown": FIELD_VALUES,
    },
)


@st.composite
def bodies(draw: st.DrawFn) -> bytes:
    """A JSON article (``\\u`` escapes keep lone surrogates), cut short now and then, or any bytes."""
    if draw(st.integers(0, 4)) == 0:
        return draw(st.binary(max_size=60))
    body = json.dumps(draw(articles)).encode()
    return body[: draw(st.integers(0, len(body)))] if draw(st.integers(0, 4)) == 0 else body


def test_any_body_to_analyze_gets_an_answer_below_500(client: TestClient) -> None:
    @FUZZ.__class__(FUZZ, max_examples=40)
    @given(body=bodies())
    def post(body: bytes) -> None:
        response = client.post("/analyze", content=body, headers={"content-type": "application/json"})
        assert response.status_code < 500, response.text
        answer = response.json()
        if response.status_code == 200:
            check_offsets(json.loads(body)["text"], Analysis.from_dict(answer))
        else:
            assert response.status_code in (413, 422) and isinstance(answer["detail"], str)

    post()


ROUTES = ["/articles", "/sources", "/statements", "/upstream", "/outlets", "/stats", "/charts/statements-per-week"]
PARAMETERS = [item.name for item in FILTERS] + ["limit", "cursor", "q", "source", "source_key", "format", "failed"]
QUERY_VALUES = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["2023-12-23", "2023-12-23T99:99", "true", "nyt", "0", "-1", "1e309", "NaN", str(10**30)]),
    st.integers().map(str),
)


def test_any_query_to_the_corpus_gets_an_answer_below_500(client: TestClient) -> None:
    @FUZZ.__class__(FUZZ, max_examples=60)
    @given(
        route=st.sampled_from(ROUTES + ["/sources/x", "/sources/x/statements", "/articles/x"]),
        query=st.lists(st.tuples(st.sampled_from(PARAMETERS), QUERY_VALUES), max_size=4),
    )
    def get(route: str, query: list[tuple[str, Any]]) -> None:
        response = client.get(route, params=query)
        assert response.status_code < 500, response.text
        if response.headers["content-type"].startswith("application/json"):
            response.json()

    get()
