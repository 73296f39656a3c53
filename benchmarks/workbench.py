"""Workbench benchmark: how fast the page and the API answer a search, a filtered list and a source page on a
store of 100,000 articles, on SQLite and on PostgreSQL.

1. The PolNeAR dev articles (84) are analysed once, with ``accordingto run`` into a small SQLite store kept in
   ``--work`` (a second run reuses it).
2. Their stored rows (article, sources, attributions, provenance) are copied ``--articles`` times into a fresh
   store, each copy with a new id, one of 24 outlets and a date over two years, written in bulk (hundreds of
   articles per statement) into a store of the schema before migration 0002; opening it then upgrades it in
   place, which indexes every row (search, statement index, aliases, per-day counts) set by set, as it would for
   any existing store. The pipeline never runs on the copies.
3. ``accordingto serve --db STORE`` starts on 127.0.0.1 (PostgreSQL: a throw-away server this script starts on
   a free loopback port, as tests/store/conftest.py does, and stops at the end), then for each kind of question
   the API is asked ``--requests`` times (after one warm-up round over them), rotating over several questions of the
   kind, and headless Chromium draws the same view as often (the page's own timing, from the URL change to the
   last answer drawn, ``data-draw-ms``).

    .venv/bin/python benchmarks/workbench.py                           # 100,000 articles, both backends
    .venv/bin/python benchmarks/workbench.py --articles 5000 --backends sqlite     # a quick check

Prints a table: p50 and p95 in milliseconds per backend, question kind and surface (API route, or page).
Everything stays on this machine (127.0.0.1); request loops are bounded in count.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import itertools
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import httpx2
from alembic import command
from alembic.config import Config
from sqlalchemy import insert, inspect, select, text

from accordingto.store import open_store
from accordingto.store.db import MIGRATIONS
from accordingto.store.schema import articles, attributions, provenance, sources

HOST = "127.0.0.1"  # never anything else: the requests go to this machine only
REPO = Path(__file__).resolve().parents[1]
DEFAULT_POLNEAR = REPO.parent / "shared" / "polnear"
CLI = Path(sys.executable).parent / "accordingto"
CHROMIUM = "/usr/bin/chromium"
BATCH = 500
START_TIMEOUT_S = 120.0
TARGET_MS = 200.0
SHARED_BUFFERS = "1GB"
# What a click on one of the page's links does: push the URL, let the page's router draw it.
NAVIGATE = "url => { history.pushState(null, '', url); dispatchEvent(new PopStateEvent('popstate')); }"
OUTLETS = [
    "Daily Courier", "The Morning Post", "Evening Standard-Times", "Metro Herald", "National Ledger",
    "The Observer Review", "Capitol Wire", "Harbor Gazette", "Valley Tribune", "Lakeside Journal",
    "The Union Dispatch", "Pacific Chronicle", "Prairie News", "Northern Star", "City Beacon", "The Sentinel",
    "Coastal Times", "Mountain Register", "River Press", "The Independent Voice", "Bay Examiner",
    "Summit Daily", "Plains Record", "Harbor Light",
]  # fmt: skip
# Words nobody searches for (long enough to pass the 5-letter cut): the questions are content words.
FUNCTION_WORDS = set(
    "about above after again against among because before being below between both could doing during every "
    "further having itself might other ought their theirs there these those through under until where which "
    "while would should shall whose whom still since often least along already although always another "
    "anything around become becomes cannot perhaps rather really though thing things think going being".split()
)
FIRST_DAY = dt.date(2016, 1, 4)
DAYS = 730


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, help="articles in the synthetic store")
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR, help="the PolNeAR folder")
    parser.add_argument("--backends", default="sqlite,postgresql", help="sqlite, postgresql or both")
    parser.add_argument("--requests", type=int, default=40, help="timed requests per question kind and surface")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "accordingto-workbench-bench")
    parser.add_argument("--rebuild", action="store_true", help="build the stores again even if --work has them")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    results: list[Row] = []
    sizes: dict[str, str] = {}
    for backend in args.backends.split(","):
        with backend_url(backend.strip(), args.work, args.articles, args.rebuild) as (url, fresh, size_of):
            if fresh:
                # Read only when a store is built: a kept store is measured as it is (upgraded in place).
                templates = load_templates(analysed_dev(args.polnear, args.work))
                print(f"{len(templates)} analysed dev articles, "
                      f"{sum(len(t['attributions']) for t in templates)} attributions", flush=True)  # fmt: skip
                writing, indexing = build(url, templates, args.articles)
                print(f"{backend}: {args.articles:,} articles written in {writing:.0f} s, upgraded and indexed in "
                      f"{indexing:.0f} s", flush=True)  # fmt: skip
            sizes[backend] = size_of()
            questions = pick_questions(url)
            print(f"{backend}: questions {questions}", flush=True)
            results += measure(backend, url, questions, args.requests)
    print()
    print(render(results, args.articles, sizes))


# ---- the corpus ---------------------------------------------------------------------------------------------


def analysed_dev(polnear: Path, work: Path) -> Path:
    """The dev articles analysed once by ``accordingto run`` (kept in ``work`` for later runs)."""
    store = work / "dev-analysed.sqlite"
    texts = polnear / "dev" / "text"
    if not texts.is_dir():
        sys.exit(f"no PolNeAR dev articles in {texts}")
    if not store.exists():
        print(f"analysing {len(list(texts.glob('*.txt')))} dev articles once (accordingto run)...", flush=True)
        result = subprocess.run([str(CLI), "run", str(texts), "--db", str(store)], capture_output=True, text=True)
        if result.returncode != 0:
            store.unlink(missing_ok=True)
            sys.exit(f"accordingto run failed: {result.stderr[-2000:]}")
    return store


def load_templates(store_path: Path) -> list[dict[str, Any]]:
    """Each analysed article's stored rows, as the copies are made of them."""
    templates = []
    with open_store(str(store_path)) as store, store.connect() as connection:
        for article in connection.execute(select(articles).where(articles.c.error.is_(None)).order_by(articles.c.id)):
            rows = {"article": dict(article._mapping)}
            for name, table in (("sources", sources), ("attributions", attributions), ("provenance", provenance)):
                query = select(table).where(table.c.article_id == article.id)
                rows[name] = [dict(row._mapping) for row in connection.execute(query)]
            templates.append(rows)
    return templates


def copies(templates: list[dict[str, Any]], count: int) -> Iterator[dict[str, list[dict[str, Any]]]]:
    """``count`` copies of the templates, each with its own id, outlet and date."""
    for number in range(count):
        template = templates[number % len(templates)]
        article_id = f"{template['article']['id']}~{number:06d}"
        outlet = OUTLETS[(number * 7 + number // len(templates)) % len(OUTLETS)]
        published = FIRST_DAY + dt.timedelta(days=(number * 37) % DAYS)
        article = {
            **template["article"],
            "id": article_id,
            "outlet": outlet,
            "published": published,
            "title": f"{template['article']['id'].split('_', 2)[-1].replace('-', ' ')} ({number})",
        }
        yield {
            "articles": [article],
            **{
                name: [{**row, "article_id": article_id} for row in template[name]]
                for name in ("sources", "attributions", "provenance")
            },
        }


def build(url: str, templates: list[dict[str, Any]], count: int) -> tuple[float, float]:
    """Write the copies into a store of the schema before migration 0002 (plain tables, no triggers), in
    batches of ``BATCH`` articles, then open it: the upgrade indexes every row set by set, as it would for any
    existing store. Returns the seconds of both steps."""
    started = time.monotonic()
    tables = {"articles": articles, "sources": sources, "attributions": attributions, "provenance": provenance}
    store = open_store(url, migrate=False)
    with store.engine.begin() as connection:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        # The columns later migrations add (the confidence, 0004) are left out: those migrations fill them, as
        # they would for a store written before them.
        known = {name: {column["name"] for column in inspect(connection).get_columns(name)} for name in tables}
    batches = iter(copies(templates, count))
    done = 0
    while chunk := list(itertools.islice(batches, BATCH)):
        with store.engine.begin() as connection:
            for name, table in tables.items():
                rows = [
                    {key: value for key, value in row.items() if key in known[name]}
                    for item in chunk
                    for row in item[name]
                ]
                if rows:
                    connection.execute(insert(table), rows)
        done += len(chunk)
        if done % 20_000 == 0:
            print(f"  {done:,} articles written", flush=True)
    store.close()
    written = time.monotonic()
    with open_store(url) as upgraded, upgraded.engine.connect() as connection:
        # Statistics for the query planner, as a maintained store has them (PostgreSQL's autovacuum gathers them
        # on its own after a bulk load; SQLite when asked: `sqlite3 STORE ANALYZE`).
        connection.execute(text("ANALYZE"))
        connection.commit()
    return written - started, time.monotonic() - written


def pick_questions(url: str) -> dict[str, list[str]]:
    """Questions of each kind, from the store itself: sources at several ranks (the most quoted, rank 10,
    rank 100), search words at several frequencies, outlets with filters."""
    with open_store(url, create=False) as store, store.connect() as connection:
        keys = [
            row[0]
            for row in connection.execute(
                text(
                    "SELECT source_key FROM source_aliases WHERE is_name GROUP BY source_key "
                    "ORDER BY sum(count) DESC, source_key LIMIT 200"
                )
            )
        ]
        contents = connection.execute(text("SELECT content_text FROM attributions LIMIT 3000")).scalars().all()
    words = Counter(word for content in contents for word in set(re.findall(r"[a-z]{5,}", content.lower())))
    common = [word for word, _ in words.most_common(500) if word not in FUNCTION_WORDS]
    searches = [common[rank] for rank in (0, 5, 20, 60, 150, 300) if rank < len(common)]
    searches.append(f'"{common[1]} {common[2]}"') if len(common) > 2 else None
    sources_at = [keys[rank] for rank in (0, 3, 10, 50, 100, 199) if rank < len(keys)]
    return {"search": searches, "source": sources_at, "outlet": OUTLETS[:8]}


# ---- the backends --------------------------------------------------------------------------------------------


@contextmanager
def backend_url(backend: str, work: Path, count: int, rebuild: bool) -> Iterator[tuple[str, bool, Callable[[], str]]]:
    """The store's URL, whether it must be built, and how to tell its size."""
    if backend == "sqlite":
        path = work / f"workbench-{count}.sqlite"
        fresh = rebuild or not path.exists()
        if fresh:
            for stale in glob.glob(f"{path}*"):
                os.unlink(stale)
        yield f"sqlite:///{path}", fresh, lambda: f"{path.stat().st_size / 1e9:.1f} GB"
        return
    if backend != "postgresql":
        sys.exit(f"unknown backend {backend!r}: sqlite or postgresql")
    data = work / f"postgres-{count}"
    fresh = rebuild or not data.exists()
    with postgres_server(data, fresh) as server:
        url = f"{server}/workbench"
        if fresh:
            port = server.rsplit(":", 1)[1]
            subprocess.run(as_postgres([pg_bin("createdb"), "-h", HOST, "-p", port, "-U", "postgres", "workbench"]),
                           check=True)  # fmt: skip

        def size() -> str:
            with open_store(url, create=False) as store, store.connect() as connection:
                return (
                    f"{connection.execute(text('SELECT pg_database_size(current_database())')).scalar() / 1e9:.1f} GB"
                )

        yield url, fresh, size


def pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else name


def as_postgres(command: list[str]) -> list[str]:
    """initdb and the server refuse to run as root: run them as user postgres then."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@contextmanager
def postgres_server(data: Path, fresh: bool) -> Iterator[str]:
    """A PostgreSQL server of our own on a free loopback port (its data kept in ``data`` for a later run)."""
    if fresh and data.exists():
        shutil.rmtree(data)
    data.parent.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(data.parent, "postgres", "postgres")
    if fresh:
        subprocess.run(as_postgres([pg_bin("initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"]),
                       check=True, capture_output=True)  # fmt: skip
    port = free_port()
    log = data.parent / "postgres.log"
    # fsync off: the build is a benchmark fixture, not data to keep safe; it does not change how queries run.
    # shared_buffers as a server is usually set (a quarter of the memory, up to a few GB), not PostgreSQL's
    # default of 128 MB, which is meant to start on any machine: the statement index (0.8 GB here) stays in it.
    options = (
        f"-c listen_addresses={HOST} -p {port} -k {data.parent} -c fsync=off -c max_wal_size=4GB "
        f"-c shared_buffers={SHARED_BUFFERS}"
    )
    subprocess.run(as_postgres([pg_bin("pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start"]),
                   check=True, capture_output=True)  # fmt: skip
    try:
        yield f"postgresql://postgres@{HOST}:{port}"
    finally:
        subprocess.run(as_postgres([pg_bin("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
                       capture_output=True)  # fmt: skip


# ---- measuring --------------------------------------------------------------------------------------------------


@dataclass
class Row:
    backend: str
    kind: str
    surface: str
    times_ms: list[float]

    def percentile(self, share: float) -> float:
        ordered = sorted(self.times_ms)
        return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


@contextmanager
def server(url: str) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [str(CLI), "serve", "--host", HOST, "--port", str(port), "--db", url, "--log-level", "warning"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if process.poll() is not None:
                sys.exit(f"the server stopped: {process.stderr.read() if process.stderr else ''}")
            try:
                if httpx2.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx2.TransportError:
                pass
            if time.monotonic() > deadline:
                sys.exit("the server did not start in time")
            time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def views(questions: dict[str, list[str]]) -> dict[str, list[tuple[str, list[str]]]]:
    """For each kind of question: (page URL, the API calls that view makes), one per question."""
    search = [
        (f"/?{urlencode({'view': 'search', 'q': q})}",
         [f"/statements?{urlencode({'q': q, 'limit': 50})}", f"/sources?{urlencode({'q': q, 'limit': 20})}",
          f"/charts/statements-per-week?{urlencode({'q': q})}", f"/trail?{urlencode({'q': q, 'limit': 5})}"])
        for q in questions["search"]
    ]  # fmt: skip
    filtered = []
    for number, outlet in enumerate(questions["outlet"]):
        since = FIRST_DAY + dt.timedelta(days=30 * number)
        params = {"outlet": outlet.lower(), "named": "false", "since": since.isoformat(),
                  "until": (since + dt.timedelta(days=180)).isoformat()}  # fmt: skip
        filtered.append((f"/?{urlencode({'view': 'statements', **params})}",
                         [f"/statements?{urlencode({**params, 'limit': 50})}",
                          f"/charts/statements-per-week?{urlencode(params)}"]))  # fmt: skip
    source = [
        (f"/?{urlencode({'view': 'source', 'key': key})}",
         [f"/sources/{quote(key)}", f"/statements?{urlencode({'source_key': key, 'limit': 50})}",
          f"/charts/statements-per-week?{urlencode({'source_key': key})}"])
        for key in questions["source"]
    ]  # fmt: skip
    return {"search": search, "filtered list": filtered, "source page": source}


def measure(backend: str, url: str, questions: dict[str, list[str]], requests: int) -> list[Row]:
    from playwright.sync_api import sync_playwright

    rows = []
    with server(url) as base, httpx2.Client(base_url=base, timeout=120) as client:
        for kind, cases in views(questions).items():
            routes: dict[str, list[float]] = {}
            # One warm-up round: every question asked once before the timed ones (a server that has run a while
            # has its tables in memory; a fresh one reads them on first use, which is not what is measured).
            warm_up = len(cases)
            for number in range(requests + warm_up):
                _page, calls = cases[number % len(cases)]
                for call in calls:
                    started = time.perf_counter()
                    response = client.get(call)
                    elapsed = (time.perf_counter() - started) * 1000
                    if response.status_code != 200:
                        sys.exit(f"{call}: {response.status_code} {response.text[:300]}")
                    if number >= warm_up:
                        routes.setdefault(call.split("?")[0].split("/sources/")[0] or "/sources/{key}", []).append(
                            elapsed
                        )
            for route, times in routes.items():
                rows.append(Row(backend, kind, "API " + route, times))
            print(f"{backend}: {kind}: API done", flush=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.goto(base + "/?view=corpus")
            page.wait_for_selector("body[data-drawn]", timeout=300_000)
            for kind, cases in views(questions).items():
                times = []
                warm_up = len(cases)
                for number in range(requests + warm_up):
                    address, _calls = cases[number % len(cases)]
                    drawn = page.get_attribute("body", "data-drawn")
                    # The page's own router, as a click on a link runs it.
                    page.evaluate(NAVIGATE, address)
                    page.wait_for_selector(f"body:not([data-drawn='{drawn}'])", state="attached", timeout=300_000)
                    if number >= warm_up:
                        times.append(float(page.get_attribute("body", "data-draw-ms") or "nan"))
                rows.append(Row(backend, kind, "page (Chromium, every call drawn)", times))
                print(f"{backend}: {kind}: page done", flush=True)
            browser.close()
    return rows


def render(rows: list[Row], count: int, sizes: dict[str, str]) -> str:
    lines = [
        f"Workbench on {count:,} synthetic articles ({', '.join(f'{b}: {s}' for b, s in sizes.items())}), "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average {os.getloadavg()[0]:.1f}",
        "",
        "| backend | question | surface | n | p50 ms | p95 ms | p95 under 200 ms |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        p95 = row.percentile(0.95)
        lines.append(
            f"| {row.backend} | {row.kind} | {row.surface} | {len(row.times_ms)} | "
            f"{statistics.median(row.times_ms):.0f} | {p95:.0f} | {'yes' if p95 < TARGET_MS else 'no'} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
