"""The worker processes of ``run --jobs N``: a worker that dies (SIGKILL) is noticed, its batch sent again once,
one article at a time, and an article that kills its worker twice is recorded as failed; the run finishes, results
in input order."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import psutil
import pytest
from dying_worker import work
from sqlalchemy import select

from accordingto.batch.pool import analyze_in_pool
from accordingto.budget import NO_BUDGET
from accordingto.model import Article
from accordingto.outcome import Failure, Outcome
from accordingto.store import open_store
from accordingto.store.schema import articles


def outcomes(items: list[Article | Failure], jobs: int = 2, batch_size: int = 3) -> list[tuple[str, str | None]]:
    results = list(analyze_in_pool(items, jobs, batch_size, NO_BUDGET, work=work))
    return [
        (result.article.id or "", result.error.stage if result.error else None)
        if isinstance(result, Outcome)
        else ("read failure", result.stage)
        for result in results
    ]


def test_an_article_that_kills_its_worker_twice_fails_alone_and_the_run_finishes() -> None:
    items: list[Article | Failure] = [Article(text=f"Article {n} said yes.", id=f"a{n}") for n in range(8)]
    items[4] = Article(text="This one will KILL ME.", id="killer")
    items.insert(6, Failure("read", "feed.jsonl:7", "not valid JSON"))
    started = time.monotonic()
    found = outcomes(items)
    assert time.monotonic() - started < 120
    expected = [(item.id, None) if isinstance(item, Article) else ("read failure", "read") for item in items]
    expected[4] = ("killer", "task")
    assert found == expected  # its batch-mates were analysed when sent again, in input order


def test_a_worker_killed_once_costs_nothing_but_the_retry(tmp_path: Path) -> None:
    marker = tmp_path / "died"
    items = [Article(text=f"Article {n} said yes.", id=f"a{n}") for n in range(5)]
    items[2] = Article(text=f"Hit by the OOM killer once. KILL ONCE {marker}", id="unlucky")
    assert outcomes(list(items), jobs=1, batch_size=2) == [(item.id, None) for item in items]
    assert marker.exists()


def test_the_failure_says_why(tmp_path: Path) -> None:
    [result] = list(analyze_in_pool([Article(text="KILL ME", id="k")], 1, 1, NO_BUDGET, work=work))
    assert isinstance(result, Outcome) and result.error is not None
    assert result.error == Failure(
        "task", "k", "its worker process died twice while analysing it (killed by SIGKILL)", "WorkerDiedError"
    )


@pytest.mark.slow
def test_run_with_jobs_survives_a_worker_killed_from_outside(tmp_path: Path, cli: str) -> None:
    """``accordingto run --jobs 2``: SIGKILL one of the workers while it analyses; the run notices, sends the
    batch again, stores every article once and exits 0 (multiprocessing.Pool waited forever here)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    paragraph = "The minister said on Tuesday that the talks would resume. " * 30
    for n in range(12):
        (corpus / f"{n:02d}.txt").write_text(f"Article {n}. {paragraph}", encoding="utf-8")
    db = tmp_path / "runs.sqlite"
    command = [cli, "run", str(corpus), "--db", str(db), "--jobs", "2", "--batch-size", "1"]
    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    killed = _kill_a_worker(run, timeout=240)
    stdout, stderr = run.communicate(timeout=600)
    assert killed, "no worker process was seen"
    assert run.returncode == 0, stderr
    with open_store(str(db)) as store, store.connect() as connection:
        rows = connection.execute(select(articles.c.id, articles.c.error)).all()
    assert sorted(rows) == [(f"{n:02d}", None) for n in range(12)]


def _kill_a_worker(run: subprocess.Popen[str], timeout: float) -> bool:
    """SIGKILL a worker process of the run: the pool hands each worker a batch as it starts it, so a worker
    always holds one until the end of the run."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and run.poll() is None:
        for child in psutil.Process(run.pid).children(recursive=True):
            try:
                if "spawn_main" in " ".join(child.cmdline()) and time.time() - child.create_time() > 1.0:
                    child.send_signal(signal.SIGKILL)
                    return True
            except psutil.Error:
                continue
        time.sleep(0.1)
    return False
