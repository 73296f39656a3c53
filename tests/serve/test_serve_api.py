"""The web service through its real app (TestClient): analysis, input limits, error mapping, OpenAPI, corpus."""

from __future__ import annotations

import base64
import csv
import dataclasses
import io
import json
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import anyio
import jsonschema
import pytest
from fastapi.testclient import TestClient

from accordingto.errors import (
    AccordingtoError,
    AnalysisFailedError,
    BinaryInputError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    InvalidDateError,
    ModelError,
    StoreError,
)
from accordingto.model import Article
from accordingto.read.text import MAX_TEXT_CHARS
from accordingto.schema import analysis_schema
from accordingto.serve import create_app
from accordingto.serve.app import MAX_BODY_BYTES
from accordingto.serve.errors import status_for
from accordingto.serve.pool import PipelinePool
from accordingto.store import open_store
from hand_analysis import EXAMPLE_PATH, build_example_analysis

EXAMPLE = EXAMPLE_PATH.read_text(encoding="utf-8")
T = TypeVar("T")


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app()) as test_client:
        yield test_client


def test_health_says_what_the_service_offers(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() | {"version": None} == {
        "status": "ok",
        "version": None,
        "store": False,
        "pipelines": 1,
        "max_text_chars": MAX_TEXT_CHARS,
        "max_body_bytes": MAX_BODY_BYTES,
    }


def test_analyze_the_example_article(client: TestClient) -> None:
    response = client.post(
        "/analyze",
        json={"text": EXAMPLE, "published": "2023-12-23", "outlet": "Example News", "title": "Putin"},
    )
    assert response.status_code == 200, response.text
    data = response.json()
    jsonschema.validate(data, analysis_schema())
    assert data["text"] == EXAMPLE
    assert data["article"] == {
        "id": None,
        "title": "Putin",
        "url": None,
        "outlet": "Example News",
        "published": "2023-12-23",
    }
    assert len(data["attributions"]) >= 5
    for attribution in data["attributions"]:
        for start, end in attribution["cue"]:
            assert EXAMPLE[start:end] in attribution["cue_text"]


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script> said the mayor.",
        '<img src=x onerror="window.pwned=1"> "Nothing," he said. </script><!--',
        "No one is quoted in this sentence at all.",
        "\u202eRTL override\u202c and emoji 😀 said Ana, 'ok'.\r\n\r\nSecond paragraph.",
    ],
)
def test_hostile_and_odd_texts_come_back_unchanged(client: TestClient, text: str) -> None:
    response = client.post("/analyze", json={"text": text})
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["text"] == text
    jsonschema.validate(data, analysis_schema())


def big_text() -> str:
    return "word " * (MAX_TEXT_CHARS // 5 + 1)


@pytest.mark.parametrize(
    ("body", "headers", "status", "mentions"),
    [
        pytest.param(json.dumps({"text": big_text()}), None, 413, "500,000", id="text-over-char-limit"),
        pytest.param(b"x" * (MAX_BODY_BYTES + 1), None, 413, "body too large", id="body-over-byte-limit"),
        pytest.param("plain text article", {"content-type": "text/plain"}, 415, "JSON", id="text-plain"),
        pytest.param(b"text=hello", {"content-type": "application/x-www-form-urlencoded"}, 415, "JSON", id="form"),
        pytest.param(json.dumps({"text": "x"}), {"content-type": ""}, 415, "JSON", id="no-content-type"),
        pytest.param(json.dumps({"text": "A said B.", "published": "23/12/2023"}), None, 422, "YYYY-MM-DD", id="date"),
        pytest.param(json.dumps({"text": "A.", "published": "2023-02-30"}), None, 422, "published", id="no-such-day"),
        pytest.param(json.dumps({"text": "   \n "}), None, 422, "empty", id="blank-text"),
        pytest.param(json.dumps({"text": "a\u0000b"}), None, 422, "binary", id="nul-byte"),
        pytest.param(json.dumps({"title": "no text"}), None, 422, "text: Field required", id="missing-text"),
        pytest.param(json.dumps({"text": 42}), None, 422, "text", id="text-not-string"),
        pytest.param(json.dumps({"text": "ok", "publshed": "2023-01-01"}), None, 422, "publshed", id="unknown-field"),
        pytest.param('{"text": "unterminated', None, 422, "JSON", id="malformed-json"),
        pytest.param("[" * 100_000 + "]" * 100_000, None, 422, "JSON", id="json-nested-too-deeply"),
        pytest.param(b'{"text": "caf\xe9 said"}', None, 422, "JSON", id="json-not-utf-8"),
        pytest.param(json.dumps({"text": "A.", "published": "2023-12-23T99:99"}), None, 422, "published", id="time"),
        pytest.param(json.dumps(["a", "list"]), None, 422, "body", id="not-an-object"),
    ],
)
def test_bad_requests_get_a_clear_4xx(
    client: TestClient, body: str | bytes, headers: dict[str, str] | None, status: int, mentions: str
) -> None:
    response = client.post(
        "/analyze", content=body, headers=headers if headers is not None else {"content-type": "application/json"}
    )
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str)
    assert mentions.lower() in detail.lower()


def test_a_chunked_body_over_the_limit_is_refused_as_it_streams(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b"a" * 65536
        yield b'"}'

    response = client.post("/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert "too large" in response.json()["detail"]


def test_unknown_routes_and_methods_answer_json(client: TestClient) -> None:
    assert client.get("/nope").json() == {"detail": "Not Found"}
    response = client.get("/analyze")
    assert response.status_code == 405
    assert response.json()["detail"]


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (InputTooLargeError("too large"), 413),
        (InvalidDateError("bad date"), 422),
        (EmptyInputError("empty"), 422),
        (BinaryInputError("binary"), 422),
        (InputError("other input problem"), 422),
        (AnalysisFailedError("component failed"), 500),
        (ModelError("no model"), 503),
        (StoreError("no store"), 503),
        (AccordingtoError("anything else"), 500),
    ],
)
def test_each_domain_error_has_one_status(error: AccordingtoError, status: int) -> None:
    assert status_for(error) == status


def test_page_and_assets_are_served_with_a_strict_policy(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert 'id="analyze-form"' in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert "unsafe-inline" not in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    for path in ("/assets/report.js", "/assets/report.css", "/static/page.js", "/static/page.css"):
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_interactive_docs_load_nothing_from_elsewhere(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 200
    scripts = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert scripts, page.text
    for url in scripts:
        assert url.startswith("/"), f"{path} loads {url} from elsewhere"
        assert client.get(url).status_code == 200, url


def test_openapi_documents_the_analysis_and_every_reference_resolves(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    analyze = document["paths"]["/analyze"]["post"]
    assert analyze["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Analysis"
    }
    assert {"413", "415", "422"} <= set(analyze["responses"])
    schemas = document["components"]["schemas"]

    def refs(node: object) -> Iterator[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "$ref":
                    yield value
                else:
                    yield from refs(value)
        elif isinstance(node, list):
            for item in node:
                yield from refs(item)

    for ref in refs(document):
        assert ref.startswith("#/components/schemas/") and ref.rsplit("/", 1)[1] in schemas, ref
    for path in ("/articles", "/sources", "/sources/{key}/statements", "/stats"):
        assert path in document["paths"]


def test_openapi_models_are_the_data_model(client: TestClient) -> None:
    """The API documents the same classes the JSON schema is generated from: same fields, same required keys."""
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    shipped = analysis_schema()
    for name, definition in [("Analysis", shipped), *shipped["$defs"].items()]:
        assert set(schemas[name]["properties"]) == set(definition["properties"]), name
        assert set(schemas[name].get("required", [])) == set(definition.get("required", [])), name
    request = document_request_body(client)
    assert set(request["properties"]) == {field.name for field in dataclasses.fields(Article)}


def document_request_body(client: TestClient) -> dict[str, Any]:
    document = client.get("/openapi.json").json()
    ref = document["paths"]["/analyze"]["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    schema: dict[str, Any] = document["components"]["schemas"][ref.rsplit("/", 1)[1]]
    return schema


def test_store_routes_say_when_there_is_no_store(client: TestClient) -> None:
    response = client.get("/sources")
    assert response.status_code == 404
    assert "--db" in response.json()["detail"]


def in_fresh_thread(function: Callable[..., T], *args: Any) -> T:
    """Run an event loop in a thread of its own: the session's sync Playwright keeps one running in this one."""
    with ThreadPoolExecutor(max_workers=1) as executor:
        return executor.submit(function, *args).result()


def test_a_pool_of_two_pipelines_gives_the_same_answers_concurrently() -> None:
    texts = [EXAMPLE, "The minister said the talks failed.", EXAMPLE[:400], "Nobody spoke."]
    pool = PipelinePool(2)
    pool.load()
    results: list[dict[str, object]] = [{} for _ in texts]

    async def run() -> None:
        async def one(index: int) -> None:
            results[index] = (await pool.analyze(Article(text=texts[index]))).to_dict()

        async with anyio.create_task_group() as group:
            for index in range(len(texts) * 2):
                group.start_soon(one, index % len(texts))

    in_fresh_thread(anyio.run, run)
    single = PipelinePool(1)
    single.load()
    for text, result in zip(texts, results, strict=True):
        expected = in_fresh_thread(anyio.run, single.analyze, Article(text=text)).to_dict()
        assert result == expected


# ---- with a store ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def store_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = Path(tmp_path_factory.mktemp("store")) / "corpus.sqlite"
    analysis = build_example_analysis(EXAMPLE)
    with open_store(str(path)) as store:
        for article_id, outlet, published in [
            ("one", "Example News", "2023-12-23"),
            ("two", "Other Times", "2024-01-05"),
        ]:
            store.save(
                Article(text=EXAMPLE, id=article_id, outlet=outlet, published=published, title=f"Story {article_id}"),
                analysis,
            )
        store.save(Article(text="broken", id="bad"), error="analysis failed in test")
    with TestClient(create_app(str(path)), base_url="http://localhost") as test_client:
        yield test_client


@pytest.fixture(scope="module")
def graded_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """Two articles of the example analysis whose attributions have confidences 0.1, 0.175, ... (as the model gives
    them, unlike a hand analysis's 1.0), speaker confidences 0.95, 0.875, ... where they have a source, and every
    third marked hypothetical (the example has none of its own)."""
    path = Path(tmp_path_factory.mktemp("graded")) / "corpus.sqlite"
    analysis = build_example_analysis(EXAMPLE)
    graded = dataclasses.replace(
        analysis,
        attributions=[
            dataclasses.replace(
                item,
                confidence=round(0.1 + 0.075 * number, 3),
                speaker_confidence=round(0.95 - 0.075 * number, 3) if item.source else None,
                hypothetical=number % 3 == 0,
            )
            for number, item in enumerate(analysis.attributions)
        ],
    )
    with open_store(str(path)) as store:
        for article_id, published in [("one", "2023-12-23"), ("two", "2024-01-05")]:
            store.save(Article(text=EXAMPLE, id=article_id, outlet="Example News", published=published), graded)
    with TestClient(create_app(str(path)), base_url="http://localhost") as test_client:
        yield test_client


def test_min_confidence_narrows_every_list_and_download(graded_client: TestClient) -> None:
    every = items(graded_client, "/statements")
    kept = items(graded_client, "/statements", min_confidence="0.5")
    assert len(every) == 24 and len(kept) == 12  # 0.55 ... 0.925 in each article
    assert all(row["confidence"] >= 0.5 for row in kept)
    assert items(graded_client, "/statements", min_confidence="50%") == kept
    as_csv = graded_client.get("/statements", params={"min_confidence": "0.5", "format": "csv"})
    assert [row["attribution_id"] for row in csv.DictReader(io.StringIO(as_csv.text))] == [
        row["attribution_id"] for row in kept
    ]
    weeks = graded_client.get("/charts/statements-per-week", params={"min_confidence": "0.5"}).json()
    assert sum(week["statements"] for week in weeks) == 12
    sources = items(graded_client, "/sources", min_confidence="0.5")
    assert sum(row["attributions"] for row in sources) == sum(1 for row in kept if row["source_key"])
    assert items(graded_client, "/articles", min_confidence="0.99") == []
    assert len(items(graded_client, "/articles", min_confidence="0.9")) == 2
    assert graded_client.get("/statements", params={"min_confidence": "1.5"}).status_code == 422


@pytest.mark.parametrize("floor", ["0.5", "50%", "0.8", "0"])
def test_min_speaker_confidence_narrows_every_list(graded_client: TestClient, floor: str) -> None:
    value = float(floor.rstrip("%")) / (100 if floor.endswith("%") else 1)
    every = items(graded_client, "/statements")
    kept = items(graded_client, "/statements", min_speaker_confidence=floor)
    expected = [row for row in every if row["speaker_confidence"] is not None and row["speaker_confidence"] >= value]
    assert kept == expected and 0 < len(kept) < len(every)
    weeks = graded_client.get("/charts/statements-per-week", params={"min_speaker_confidence": floor}).json()
    assert sum(week["statements"] for week in weeks) == len(kept)
    sources = items(graded_client, "/sources", min_speaker_confidence=floor)
    assert sum(row["attributions"] for row in sources) == sum(1 for row in kept if row["source_key"])


def test_the_hypothetical_parameter_keeps_or_leaves_out_statements_nobody_made(graded_client: TestClient) -> None:
    every = items(graded_client, "/statements")
    imagined = items(graded_client, "/statements", hypothetical="true")
    made = items(graded_client, "/statements", hypothetical="false")
    assert len(imagined) == 2 * 4 and all(row["hypothetical"] is True for row in imagined)  # 4 of 12 in each
    assert all(row["hypothetical"] is False for row in made)
    assert sorted(row["attribution_id"] for row in imagined + made) == sorted(row["attribution_id"] for row in every)
    weeks = graded_client.get("/charts/statements-per-week", params={"hypothetical": "false"}).json()
    assert sum(week["statements"] for week in weeks) == len(made)
    assert items(graded_client, "/statements", hypothetical="true", min_confidence="0.5") == [
        row for row in imagined if row["confidence"] >= 0.5
    ]
    refused = graded_client.get("/statements", params={"hypothetical": "maybe"})
    assert refused.status_code == 422 and "hypothetical" in refused.text
    assert "hypothetical" in {item["name"] for item in graded_client.get("/filters").json()["filters"]}


@pytest.mark.parametrize("bad", ["1.5", "-0.1", "sure", "150%"])
def test_a_bad_min_speaker_confidence_is_refused(graded_client: TestClient, bad: str) -> None:
    response = graded_client.get("/statements", params={"min_speaker_confidence": bad})
    assert response.status_code == 422
    assert "min_speaker_confidence" in response.text


def test_articles_are_listed_and_returned_whole(store_client: TestClient) -> None:
    listed = items(store_client, "/articles")
    assert [row["id"] for row in listed] == ["two", "one", "bad"]
    assert listed[0]["published"] == "2024-01-05" and listed[0]["attributions"] == 12
    assert [row["id"] for row in items(store_client, "/articles", outlet="other times")] == ["two"]
    assert [row["id"] for row in items(store_client, "/articles", failed="true")] == ["bad"]
    one = store_client.get("/articles/one")
    assert one.status_code == 200
    jsonschema.validate(one.json(), analysis_schema())
    assert one.json()["text"] == EXAMPLE
    assert store_client.get("/articles/missing").status_code == 404


def items(client: TestClient, path: str, **params: object) -> list[dict[str, Any]]:
    response = client.get(path, params=params)  # type: ignore[arg-type]
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


def test_sources_can_be_searched_and_filtered(store_client: TestClient) -> None:
    everyone = items(store_client, "/sources")
    assert everyone[0]["name"] == "Vladimir Putin" and everyone[0]["attributions"] == 8
    assert everyone[0]["articles"] == 2 and everyone[0]["outlets"] == 2
    anonymous = items(store_client, "/sources", named="false")
    assert anonymous and all(row["named"] is False for row in anonymous)
    people = items(store_client, "/sources", kind="person")
    assert people and all(row["kind"] == "person" for row in people)
    recent = items(store_client, "/sources", since="2024-01-01")
    assert recent[0]["attributions"] == 4
    assert items(store_client, "/sources", until="2020-01-01") == []
    assert [row["name"] for row in items(store_client, "/sources", q="zelensk")] == ["Volodymyr Zelenskyy"]


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"since": "yesterday"}, 422),
        ({"kind": "alien"}, 422),
        ({"limit": 0}, 422),
        ({"limit": 10**30}, 422),
        ({"limit": "many"}, 422),
        ({"named": "maybe"}, 422),
        ({"cursor": "not-a-cursor"}, 422),
        ({"cursor": "x" * 5000}, 422),
        ({"q": "!!!"}, 422),
        ({"q": "x" * 600}, 422),
        ({"since": "2024-02-01", "until": "2024-01-01"}, 422),
        ({"since": "2023-12-23T99:99"}, 422),
        ({"until": "2023-12-23garbage"}, 422),
    ],
)
def test_bad_filters_are_422(store_client: TestClient, params: dict[str, object], status: int) -> None:
    response = store_client.get("/sources", params=params)
    assert response.status_code == status
    assert isinstance(response.json()["detail"], str)


@pytest.mark.parametrize("value", [10**30, -(2**63) - 1, "\ud800"])
def test_a_forged_cursor_is_422_not_a_server_error(store_client: TestClient, value: object) -> None:
    """Cursors are opaque, not secret: one of this very list with a sort key no column holds is refused."""
    cursor = store_client.get("/sources", params={"limit": 1}).json()["next"]
    context, values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    values[0 if isinstance(value, int) else 1] = value
    forged = base64.urlsafe_b64encode(json.dumps([context, values]).encode()).decode().rstrip("=")
    response = store_client.get("/sources", params={"cursor": forged, "limit": 1})
    assert response.status_code == 422, response.text
    assert "cursor" in response.json()["detail"]


def test_statements_of_a_source_come_oldest_first(store_client: TestClient) -> None:
    key = items(store_client, "/sources")[0]["key"]
    said = items(store_client, f"/sources/{key}/statements")
    assert len(said) == 8
    assert [row["published"] for row in said] == sorted(row["published"] for row in said)
    assert {row["outlet"] for row in said} == {"Example News", "Other Times"}
    assert said == items(store_client, "/statements", source_key=key)
    by_surname = items(store_client, "/sources/Putin/statements")
    assert len(by_surname) == 8
    anonymous_key = items(store_client, "/sources", named="false")[0]["key"]
    assert ":" in anonymous_key  # keys with a colon (and spaces) work as path segments
    assert items(store_client, f"/sources/{anonymous_key}/statements")
    profile = store_client.get(f"/sources/{anonymous_key}").json()
    assert profile["key"] == anonymous_key and profile["named"] is False


def test_stats_give_the_anonymous_share_by_outlet(store_client: TestClient) -> None:
    stats = store_client.get("/stats").json()
    assert stats["articles"] == 3 and stats["failed"] == 1
    assert store_client.get("/stats", params={"outlet": "EXAMPLE NEWS"}).json()["articles"] == 1
    outlets = {row["outlet"]: row for row in stats["by_outlet"]}
    assert outlets["Example News"]["anonymous_share"] == outlets["Other Times"]["anonymous_share"] > 0
    assert store_client.get("/health").json()["store"] is True


def test_pages_follow_their_cursor_to_the_end(store_client: TestClient) -> None:
    whole = items(store_client, "/statements", limit=500)
    walked: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = store_client.get("/statements", params={"limit": 5, **({"cursor": cursor} if cursor else {})}).json()
        walked += page["items"]
        cursor = page["next"]
        if cursor is None:
            break
    assert walked == whole and len(whole) == 24


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/statements", {"outlet": "other times", "named": "false"}),
        ("/statements", {"q": "negotiate"}),
        ("/sources", {"kind": "person"}),
        ("/articles", {"since": "2024-01-01"}),
        ("/upstream", {}),
    ],
)
def test_downloads_hold_exactly_the_filtered_rows_of_every_page(
    store_client: TestClient, path: str, params: dict[str, str]
) -> None:
    expected = items(store_client, path, **params, limit=1)
    cursor = store_client.get(path, params={**params, "limit": 1}).json()["next"]
    while cursor:
        page = store_client.get(path, params={**params, "limit": 1, "cursor": cursor}).json()
        expected += page["items"]
        cursor = page["next"]
    as_json = store_client.get(path, params={**params, "format": "json", "limit": 1})
    assert as_json.status_code == 200 and "attachment" in as_json.headers["content-disposition"]
    assert as_json.json() == expected
    as_csv = store_client.get(path, params={**params, "format": "csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert len(rows) == len(expected) and expected
    first_key = next(iter(expected[0]))
    assert [row[first_key] for row in rows] == [str(item[first_key]) for item in expected]


def test_views_of_the_corpus(store_client: TestClient) -> None:
    filters = store_client.get("/filters").json()
    assert [o["outlet"] for o in filters["outlets"]] == ["Example News", "Other Times"]
    assert {f["name"] for f in filters["filters"]} >= {"outlet", "since", "until", "kind", "named", "type"}
    outlets = store_client.get("/outlets").json()
    assert [o["outlet"] for o in outlets] == ["Example News", "Other Times", None]
    assert outlets[0]["top_sources"][0]["name"] == "Vladimir Putin" and outlets[0]["by_kind"]
    weeks = store_client.get("/charts/statements-per-week", params={"q": "negotiate"}).json()
    assert weeks and sum(week["statements"] for week in weeks) == len(items(store_client, "/statements", q="negotiate"))
    assert {week["sample"] for week in weeks} == {1}  # a few matches are counted exactly
    shares = store_client.get("/charts/anonymous-share").json()
    assert {row["outlet"] for row in shares} == {"Example News", "Other Times"}
    found = items(store_client, "/statements", q="negotiate")
    for row in found:
        assert row["highlights"] and all(
            row["content_text"][start:end].lower().startswith("negotiat") for start, end in row["highlights"]
        )
    assert store_client.get("/sources/no such source").status_code == 404


def trailed_statement(client: TestClient) -> dict[str, Any]:
    """The first statement of the corpus that has a trail (both articles tell the example's statements)."""
    for statement in items(client, "/statements", limit=50):
        found = client.get(
            "/trail/statement",
            params={"article_id": statement["article_id"], "attribution_id": statement["attribution_id"]},
        )
        if found.status_code == 200:
            return {**statement, "trail": found.json()}
    raise AssertionError("no statement of the corpus has a trail")


def test_the_trail_of_a_statement_from_a_listed_statement_by_id_and_by_words(store_client: TestClient) -> None:
    statement = trailed_statement(store_client)
    trail = statement["trail"]
    # The same story in two outlets: the one dated first is the first appearance, the other an exact retelling.
    assert trail["first"]["article_id"] == "one" and trail["first"]["outlet"] == "Example News"
    assert [item["article_id"] for item in trail["later"]] == ["two"]
    assert trail["later"][0]["flags"] == [] and {piece["op"] for piece in trail["later"][0]["diff"]} == {"equal"}
    by_id = store_client.get(f"/trail/{trail['cluster_id']}")
    assert by_id.status_code == 200 and by_id.json() == trail
    found = items(store_client, "/trail", q=trail["first"]["content"])
    assert found[0]["cluster_id"] == trail["cluster_id"] and found[0]["appearances"] == 2
    assert items(store_client, "/trail", q="elephants marching") == []
    rows = list(csv.DictReader(io.StringIO(store_client.get(f"/trail/{trail['cluster_id']}?format=csv").text)))
    assert [row["article_id"] for row in rows] == ["one", "two"] and json.loads(rows[1]["diff"])[0]["op"] == "equal"


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/trail/999999", {}, 404),
        ("/trail/not-a-number", {}, 422),
        ("/trail", {}, 422),
        ("/trail", {"q": ""}, 422),
        ("/trail", {"q": "talks", "limit": "0"}, 422),
        ("/trail/statement", {"article_id": "one"}, 422),
        ("/trail/statement", {"article_id": "missing", "attribution_id": "a1"}, 404),
    ],
)
def test_trail_requests_that_cannot_be_answered(
    store_client: TestClient, path: str, params: dict[str, str], status: int
) -> None:
    response = store_client.get(path, params=params)
    assert response.status_code == status and isinstance(response.json()["detail"], (str, list))


def test_trail_routes_say_when_there_is_no_store(client: TestClient) -> None:
    assert client.get("/trail", params={"q": "talks"}).status_code == 404
