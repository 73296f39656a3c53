"""The web service: ``POST /analyze`` (the same JSON as the CLI), the page at ``/``, and, with a store, the
corpus (``/articles``, ``/sources``, ``/sources/{key}/statements``, ``/stats``, the trail of a statement at
``/trail``).

``create_app`` builds the app; the pipelines load once at start-up (lifespan), and analyses run in worker
threads so the event loop keeps answering while a long article is parsed.
"""

from __future__ import annotations

import csv
import inspect
import io
import json
import logging
import os
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator
from contextlib import asynccontextmanager
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import anyio
from fastapi import Body, Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.concurrency import run_in_threadpool

from .. import __version__
from ..batch.runner import DEFAULT_BUDGET
from ..budget import Budget
from ..model import Analysis, Article
from ..read import check_text, parse_published
from ..read.text import MAX_TEXT_CHARS
from ..store import Store, open_store, queries
from ..store.filters import FILTERS, Filters, describe_filters
from ..store.queries import DOWNLOAD_PAGE, MAX_CURSOR_CHARS, MAX_PAGE, Page, all_rows
from ..trail import StatementTrail, find_statements, statement_cluster, statement_trail
from .errors import install_error_handlers
from .hosts import HostRule
from .middleware import BodyLimitMiddleware, SecurityHeadersMiddleware
from .pool import PipelinePool

logger = logging.getLogger(__name__)

# A JSON body may spell each character of the text as a 6-byte \uXXXX escape (Python's json.dumps does so for
# everything outside ASCII by default), so the byte limit leaves room for the character limit at 6 bytes each.
MAX_BODY_BYTES = 6 * MAX_TEXT_CHARS + 64 * 1024
# Environment variables that carry ``accordingto serve``'s options to each uvicorn worker process (see
# ``create_app_from_env``); the command's own, so that it never rewrites the user's ACCORDINGTO_DB.
ENV_SERVE_DB = "ACCORDINGTO_SERVE_DB"
ENV_SERVE_PIPELINES = "ACCORDINGTO_SERVE_PIPELINES"
ENV_SERVE_ALLOW_HOSTS = "ACCORDINGTO_SERVE_ALLOW_HOSTS"  # comma-separated

# How often a request being analysed looks whether its client is still there.
DISCONNECT_POLL_SECONDS = 0.25
ENV_SERVE_BUDGET = "ACCORDINGTO_SERVE_BUDGET"

STATIC = Path(str(resources.files(__package__).joinpath("static")))
ASSETS = Path(str(resources.files("accordingto.write").joinpath("assets")))

T = TypeVar("T")

EXAMPLE_TEXT = (
    "Ukrainian President Volodymyr Zelenskyy says he sees no signs that Russia wants to negotiate. "
    '"We just see a brazen willingness to kill," he said.'
)
ANALYZE_EXAMPLES = {
    "article": {
        "summary": "A short article with a publication date",
        "value": {"text": EXAMPLE_TEXT, "published": "2023-12-23", "outlet": "Example News"},
    }
}


def require_json(request: Request) -> None:
    """415 for a body that is not JSON, before FastAPI tries to read it as one."""
    content_type = request.headers.get("content-type", "")
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type != "application/json" and not media_type.endswith("+json"):
        raise HTTPException(
            status_code=415,
            detail=f"send the article as JSON (Content-Type: application/json), not {media_type or 'no type'!r}",
        )


def _error_doc(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {"detail": {"type": "string"}},
                    "required": ["detail"],
                }
            }
        },
    }


ANALYZE_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "The analysis: who said what, according to whom, how and when (schema: Analysis)."},
    413: _error_doc("The body or the text is over the size limit."),
    415: _error_doc("The body is not JSON."),
    422: _error_doc("A field is missing or invalid: empty text, binary text, a date that is not YYYY-MM-DD."),
    500: _error_doc("A pipeline component failed on the article: a fault of the service, not of the input."),
    503: _error_doc("The language model could not be loaded."),
}
STORE_RESPONSES: dict[int | str, dict[str, Any]] = {
    403: _error_doc("The request names a host the corpus is not served to (see `serve --allow-host`)."),
    404: _error_doc("Not found, or the service runs without a store."),
    422: _error_doc("An invalid filter (a date that is not YYYY-MM-DD, a limit out of range)."),
    503: _error_doc("The store cannot be read."),
}


def create_app(
    db_url: str | None = None,
    *,
    pipelines: int = 1,
    budget: Budget | None = DEFAULT_BUDGET,
    allowed_hosts: Iterable[str] = (),
) -> FastAPI:
    """The web service. ``db_url``: a store to serve the corpus from (SQLite path or URL, PostgreSQL URL);
    ``pipelines``: how many analyses may run at once in this process (one pipeline each); ``budget``: what one
    analysis may cost (an article over it gets 422); ``allowed_hosts``: the host names the corpus answers
    besides localhost and IP addresses (``serve/hosts.py``)."""
    pool = PipelinePool(pipelines, budget)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(pool.load)
        app.state.store = await run_in_threadpool(open_store, db_url) if db_url else None
        try:
            yield
        finally:
            if app.state.store is not None:
                app.state.store.close()

    # FastAPIOffline serves the Swagger UI and ReDoc pages' scripts from the package instead of a CDN, so /docs
    # works on a machine without internet.
    app = FastAPIOffline(
        title="accordingto",
        version=__version__,
        description="Who said it, according to whom, how and when: attributions in news articles.",
        lifespan=lifespan,
    )
    app.state.store = None
    app.state.pool = pool
    app.state.hosts = HostRule(allowed_hosts)
    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=MAX_BODY_BYTES)
    app.add_middleware(SecurityHeadersMiddleware)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.mount("/assets", StaticFiles(directory=ASSETS), name="assets")

    @app.get("/", include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/health", tags=["service"])
    async def health(request: Request) -> dict[str, Any]:
        """Whether the service is up and what it offers (the page reads ``store`` to show the corpus)."""
        return {
            "status": "ok",
            "version": __version__,
            "store": request.app.state.store is not None,
            "pipelines": pool.size,
            "max_text_chars": MAX_TEXT_CHARS,
            "max_body_bytes": MAX_BODY_BYTES,
        }

    @app.post(
        "/analyze",
        tags=["analysis"],
        responses=ANALYZE_RESPONSES,
        response_class=JSONResponse,
        response_model=Analysis,
        dependencies=[Depends(require_json)],
    )
    async def analyze_article(
        request: Request, body: Annotated[Article, Body(openapi_examples=ANALYZE_EXAMPLES)]
    ) -> JSONResponse:
        """Analyse one article: the same JSON as ``accordingto analyze`` (``Analysis.to_dict()``). An article
        over the service's budget (time, memory) gets 422; a client that goes away cancels its analysis."""
        check_text(body.text, "text")
        body.published = parse_published(body.published, "published")
        analysis = await _cancelled_when_gone(request, lambda cancelled: pool.analyze(body, cancelled))
        return JSONResponse(analysis.to_dict())

    _add_store_routes(app)
    return app


async def _cancelled_when_gone(request: Request, work: Callable[[threading.Event], Awaitable[T]]) -> T:
    """``work(cancelled)``, with ``cancelled`` set as soon as the client disconnects (looked at every
    ``DISCONNECT_POLL_SECONDS`` while the work runs); the work's own error is raised as it is."""
    cancelled = threading.Event()
    outcome: list[T | Exception] = []

    async def run() -> None:
        try:
            outcome.append(await work(cancelled))
        except Exception as error:  # noqa: BLE001 - raised again below, outside the task group
            outcome.append(error)
        finally:
            cancelled.set()

    async def watch() -> None:
        while not cancelled.is_set():
            if await request.is_disconnected():
                logger.info("client went away: its analysis is cancelled")
                cancelled.set()
                return
            await anyio.sleep(DISCONNECT_POLL_SECONDS)

    async with anyio.create_task_group() as group:
        group.start_soon(watch)
        await run()
    [result] = outcome
    if isinstance(result, Exception):
        raise result
    return result


def _store(request: Request) -> Store:
    """The store of a corpus route, for a request sent to a host name the service answers (DNS rebinding)."""
    store: Store | None = request.app.state.store
    if store is None:
        raise HTTPException(404, "this service runs without a store: start it with --db URL to browse a corpus")
    hosts: HostRule = request.app.state.hosts
    if not hosts.allows(request.headers.get("host")):
        raise HTTPException(
            403,
            f"the corpus is not served to the host name {request.headers.get('host', '')!r}: use localhost or "
            "the IP address, or start the service with --allow-host NAME",
        )
    return store


def _filters_parameters() -> Callable[..., Filters]:
    """A dependency taking one query parameter per filter of ``store.filters.FILTERS`` (repeatable where the
    filter takes several values) and parsing them once into ``Filters``; bad values are 422s."""

    def parse(**values: Any) -> Filters:
        return Filters.parse(values)

    parameters = []
    for item in FILTERS:
        kind: Any = list[str] | None if item.many else str | None
        parameters.append(
            inspect.Parameter(
                item.name,
                inspect.Parameter.KEYWORD_ONLY,
                default=None,
                annotation=Annotated[kind, Query(description=item.help, max_length=None if item.many else 200)],
            )
        )
    parse.__signature__ = inspect.Signature(parameters, return_annotation=Filters)  # type: ignore[attr-defined]
    return parse


StoreDep = Annotated[Store, Depends(_store)]
FiltersDep = Annotated[Filters, Depends(_filters_parameters())]
Cursor = Annotated[
    str | None,
    Query(max_length=MAX_CURSOR_CHARS, description="The `next` of the previous page (absent: the first page)."),
]
Search = Annotated[
    str | None,
    Query(max_length=500, description='Words that must all appear; "quoted words" must appear together.'),
]
Download = Annotated[
    Literal["json", "csv"] | None,
    Query(description="Download every row that passes the filters (not just one page) as a JSON array or CSV."),
]


Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Rows per page (1-{MAX_PAGE}).")]


async def _query(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a store query in a worker thread (database drivers block)."""
    return await run_in_threadpool(function, *args, **kwargs)


async def _list(
    ask: Callable[..., Page[Any]], cursor: str | None, limit: int, download: str | None, name: str
) -> Response:
    """A page as JSON ``{"items", "next"}``, or, with ``format``, every row as a download."""
    if download is not None:
        await _query(ask, cursor=None, limit=1)  # a bad filter or search is a 422 before the download starts
        return _download(all_rows(lambda following: ask(cursor=following, limit=DOWNLOAD_PAGE)), download, name)
    page = await _query(ask, cursor=cursor, limit=limit)
    return JSONResponse(page.to_dict())


def _download(rows: Iterable[Any], download: str, name: str) -> StreamingResponse:
    """Rows streamed as a JSON array or as CSV (nested values as JSON text), named ``accordingto-NAME.EXT``."""

    def as_json() -> Iterator[str]:
        yield "["
        for number, row in enumerate(rows):
            yield ("," if number else "") + "\n" + json.dumps(row.to_dict(), ensure_ascii=False)
        yield "\n]\n"

    def as_csv() -> Iterator[str]:
        buffer = io.StringIO()
        writer: csv.DictWriter[str] | None = None
        for row in rows:
            values = {
                key: json.dumps(value) if isinstance(value, (list, dict)) else value
                for key, value in row.to_dict().items()
            }
            if writer is None:
                writer = csv.DictWriter(buffer, fieldnames=list(values))
                writer.writeheader()
            writer.writerow(values)
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()

    media = "text/csv; charset=utf-8" if download == "csv" else "application/json"
    return StreamingResponse(
        as_csv() if download == "csv" else as_json(),
        media_type=media,
        headers={"content-disposition": f'attachment; filename="accordingto-{name}.{download}"'},
    )


def _add_store_routes(app: FastAPI) -> None:
    @app.get("/filters", tags=["corpus"], responses=STORE_RESPONSES)
    async def list_filters(store: StoreDep) -> dict[str, Any]:
        """The filters every corpus list takes (name, help, input, choices) and the outlets to pick from."""
        names = await _query(queries.outlets, store)
        return {"filters": describe_filters(), "outlets": [item.to_dict() for item in names]}

    @app.get("/articles", tags=["corpus"], responses=STORE_RESPONSES)
    async def list_articles(
        store: StoreDep,
        filters: FiltersDep,
        failed: Annotated[bool | None, Query(description="Only failed (true) or only analysed (false).")] = None,
        cursor: Cursor = None,
        limit: Limit = 50,
        format: Download = None,
    ) -> Response:
        """Stored articles, newest publication first; statement filters keep articles with such a statement."""
        ask = partial(queries.list_articles, store, filters, failed=failed)
        return await _list(ask, cursor, limit, format, "articles")

    @app.get(
        "/articles/{article_id:path}",
        tags=["corpus"],
        responses=STORE_RESPONSES,
        response_class=JSONResponse,
        response_model=Analysis,
    )
    async def get_article(store: StoreDep, article_id: str) -> JSONResponse:
        """One stored article's analysis (the same JSON as ``POST /analyze``)."""
        analysis = await _query(queries.get_analysis, store, article_id)
        if analysis is None:
            raise HTTPException(404, f"no analysed article with id {article_id!r} in the store")
        return JSONResponse(analysis.to_dict())

    @app.get("/sources", tags=["corpus"], responses=STORE_RESPONSES)
    async def list_sources(
        store: StoreDep,
        filters: FiltersDep,
        q: Search = None,
        cursor: Cursor = None,
        limit: Limit = 20,
        format: Download = None,
    ) -> Response:
        """Sources by attributions that pass the filters; with ``q``, those whose name or the words articles used
        for them start with the words searched (matched by name first). ``key`` opens a source's page."""
        ask = partial(queries.top_sources, store, filters, search=q)
        return await _list(ask, cursor, limit, format, "sources")

    @app.get("/sources/{key:path}/statements", tags=["corpus"], responses=STORE_RESPONSES)
    async def source_statements(
        store: StoreDep,
        filters: FiltersDep,
        key: str,
        cursor: Cursor = None,
        limit: Limit = 50,
        format: Download = None,
    ) -> Response:
        """What one source said, oldest first: ``GET /statements?source=KEY``, kept as a path."""
        ask = partial(queries.statements, store, filters, source=key)
        return await _list(ask, cursor, limit, format, "statements")

    @app.get("/sources/{key:path}", tags=["corpus"], responses=STORE_RESPONSES)
    async def source_page(store: StoreDep, filters: FiltersDep, key: str) -> dict[str, Any]:
        """A source's page: name, kind, descriptions, the words articles used for it (aliases), counts by
        outlet (``key`` from ``GET /sources``)."""
        profile = await _query(queries.source_profile, store, key, filters)
        if profile is None:
            raise HTTPException(404, f"no source with key {key!r} in the store")
        return profile.to_dict()

    @app.get("/statements", tags=["corpus"], responses=STORE_RESPONSES)
    async def list_statements(
        store: StoreDep,
        filters: FiltersDep,
        source: Annotated[
            str | None, Query(max_length=200, description='A name ("Peskov" also finds "Dmitry Peskov") or a key.')
        ] = None,
        source_key: Annotated[str | None, Query(max_length=200, description="Exactly this source key.")] = None,
        q: Search = None,
        cursor: Cursor = None,
        limit: Limit = 50,
        format: Download = None,
    ) -> Response:
        """Statements that pass the filters, oldest first (then by outlet); with ``q``, best match first, with
        ``highlights``: the character ranges of ``content_text`` that matched."""
        ask = partial(queries.statements, store, filters, source=source, source_key=source_key, search=q)
        return await _list(ask, cursor, limit, format, "statements")

    @app.get("/outlets", tags=["corpus"], responses=STORE_RESPONSES)
    async def compare_outlets(store: StoreDep, filters: FiltersDep, format: Download = None) -> Response:
        """Outlets side by side: articles, attributions, anonymous share, kinds of sources, top sources."""
        rows = await _query(queries.outlet_stats, store, filters)
        return _download(rows, format, "outlets") if format else JSONResponse([row.to_dict() for row in rows])

    @app.get("/upstream", tags=["corpus"], responses=STORE_RESPONSES)
    async def list_upstream(
        store: StoreDep, filters: FiltersDep, cursor: Cursor = None, limit: Limit = 20, format: Download = None
    ) -> Response:
        """The upstream reports (wires, other outlets) the articles rely on, most relied on first."""
        return await _list(partial(queries.upstream, store, filters), cursor, limit, format, "upstream")

    @app.get("/trail", tags=["corpus"], responses=STORE_RESPONSES)
    async def find_trails(
        store: StoreDep,
        q: Annotated[str, Query(min_length=1, max_length=500, description="Some words of the statement.")],
        limit: Annotated[int, Query(ge=1, le=100, description="Statements to return (1-100).")] = 10,
    ) -> dict[str, Any]:
        """Statements (statement clusters across articles) holding these words, best match first, each with its
        first appearance and how many articles and outlets told it; ``cluster_id`` opens its trail. The same
        search as ``accordingto trail WORDS``."""
        found = await _query(find_statements, store, q, limit=limit)
        return {"items": [match.to_dict() for match in found]}

    @app.get("/trail/statement", tags=["corpus"], responses=STORE_RESPONSES)
    async def trail_of_statement(
        store: StoreDep,
        article_id: Annotated[str, Query(min_length=1, max_length=500)],
        attribution_id: Annotated[str, Query(min_length=1, max_length=100)],
    ) -> dict[str, Any]:
        """The trail of the statement one stored attribution belongs to (as ``GET /trail/{cluster_id}``): the
        link every statement of the corpus lists carries (``article_id``, ``attribution_id`` of a statement)."""
        cluster_id = await _query(statement_cluster, store, article_id, attribution_id)
        if cluster_id is None:
            raise HTTPException(
                404,
                f"attribution {attribution_id!r} of article {article_id!r} is in no statement cluster (too short "
                "to follow, not stored, or stored before clustering: run `accordingto trail --rebuild`)",
            )
        return (await _trail_or_404(store, cluster_id)).to_dict()

    @app.get("/trail/{cluster_id}", tags=["corpus"], responses=STORE_RESPONSES)
    async def trail_of_cluster(store: StoreDep, cluster_id: int, format: Download = None) -> Response:
        """The trail of a statement: its first appearance (by date, then by the outlets articles credit), then
        every retelling with its outlet, date, source, credits, word ``diff`` from the first and ``flags``
        (different_source, hedge_dropped, denial_dropped, negation_dropped, negation_added, made_direct,
        hypothetical_dropped). With
        ``format``, the appearances as rows to download. The same as ``accordingto trail --id``."""
        trail = await _trail_or_404(store, cluster_id)
        if format:
            return _download(trail.appearances, format, f"trail-{cluster_id}")
        return JSONResponse(trail.to_dict())

    @app.get("/charts/statements-per-week", tags=["corpus"], responses=STORE_RESPONSES)
    async def statements_per_week(
        store: StoreDep,
        filters: FiltersDep,
        source: Annotated[str | None, Query(max_length=200)] = None,
        source_key: Annotated[str | None, Query(max_length=200)] = None,
        q: Search = None,
        format: Download = None,
    ) -> Response:
        """Dated statements per week (Monday first) for a source, a search or the filters alone."""
        rows = await _query(queries.statements_per_week, store, filters, source=source, source_key=source_key, search=q)
        return _download(rows, format, "weeks") if format else JSONResponse([row.to_dict() for row in rows])

    @app.get("/charts/anonymous-share", tags=["corpus"], responses=STORE_RESPONSES)
    async def anonymous_share(store: StoreDep, filters: FiltersDep, format: Download = None) -> Response:
        """Per outlet and week: attributions to named and anonymous sources, and the anonymous share."""
        rows = await _query(queries.anonymous_share_per_week, store, filters)
        return _download(rows, format, "anonymous-share") if format else JSONResponse([row.to_dict() for row in rows])

    @app.get("/stats", tags=["corpus"], responses=STORE_RESPONSES)
    async def corpus_stats(store: StoreDep, filters: FiltersDep) -> dict[str, Any]:
        """The corpus at a glance: attributions per article, anonymous share overall and by outlet, upstream
        reports."""
        stats = await _query(queries.corpus_stats, store, filters)
        return stats.to_dict()


async def _trail_or_404(store: Store, cluster_id: int) -> StatementTrail:
    trail = await _query(statement_trail, store, cluster_id)
    if trail is None:
        raise HTTPException(404, f"no statement cluster {cluster_id} in the store")
    return trail


def create_app_from_env() -> FastAPI:
    """The app as uvicorn's factory in each worker process: options come from ``ACCORDINGTO_SERVE_DB``,
    ``ACCORDINGTO_SERVE_PIPELINES``, ``ACCORDINGTO_SERVE_BUDGET`` ("SECONDS,MB") and
    ``ACCORDINGTO_SERVE_ALLOW_HOSTS`` ("NAME,NAME"; set by ``accordingto serve``)."""
    seconds, memory_mb = (float(part) for part in os.environ.get(ENV_SERVE_BUDGET, "0,0").split(","))
    return create_app(
        os.environ.get(ENV_SERVE_DB) or None,
        pipelines=int(os.environ.get(ENV_SERVE_PIPELINES, "1")),
        budget=Budget(seconds=seconds or None, memory_mb=memory_mb or None),
        allowed_hosts=os.environ.get(ENV_SERVE_ALLOW_HOSTS, "").split(","),
    )
