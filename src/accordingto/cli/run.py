"""``accordingto run``: analyse a corpus into a store, with a live progress bar; resumable."""

from __future__ import annotations

import signal
import sys
from types import FrameType

import click

from ..batch.corpus import RunReport, run_corpus
from ..batch.runner import DEFAULT_BATCH_SIZE
from ..read import count_articles
from ..store import open_store
from .cluster import cluster_options, run_on_cluster_command, wants_cluster
from .common import (
    EXIT_FAILED,
    budget_of,
    budget_options,
    failures_reported_once,
    progress_bar,
    report_failures,
)

EXIT_INTERRUPTED = 130  # the shell's convention for "stopped by Ctrl-C"
DB_HELP = "Store URL: a SQLite file path, sqlite:///FILE or postgresql://... [default: ./accordingto.sqlite]"


@click.command("run")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", envvar="ACCORDINGTO_DB", help=DB_HELP + " (env ACCORDINGTO_DB)")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option("--batch-size", type=click.IntRange(min=1), default=DEFAULT_BATCH_SIZE, show_default=True)
@cluster_options
@budget_options
def run_command(
    inputs: tuple[str, ...],
    db: str | None,
    jobs: int,
    batch_size: int,
    cluster: str | None,
    local_cluster: int | None,
    parquet: str | None,
    partition_size: int,
    time_budget: float,
    memory_budget: float,
) -> None:
    """Analyse a corpus into a store (INPUT: .txt/.jsonl[.gz]/.html/.warc[.gz] files, folders, fsspec URLs).

    Articles already stored with the same text are skipped, so a stopped run (Ctrl-C) is finished by running
    it again. Unreadable records and failed analyses (an article over its --time-budget or --memory-budget among
    them) are listed at the end and make the exit code 1.

    With --cluster or --local-cluster the articles are analysed on Dask workers, into the store and/or
    --parquet (docs/cluster.md).
    """
    failures_reported_once()
    budget = budget_of(time_budget, memory_budget)
    if wants_cluster(cluster, local_cluster, parquet, jobs):
        run_on_cluster_command(
            inputs,
            cluster=cluster,
            local_cluster=local_cluster,
            parquet=parquet,
            db=db,
            partition_size=partition_size,
            batch_size=batch_size,
            budget=budget,
        )
        return
    store = open_store(db)
    signal.signal(signal.SIGTERM, _interrupt)  # a kill stops as cleanly as Ctrl-C
    total = count_articles(inputs)
    with store, progress_bar(total) as show:
        report = run_corpus(
            list(inputs), store, jobs=jobs, batch_size=batch_size, total=total, on_progress=show, budget=budget
        )
    _summarize(report, store.url)
    if report.interrupted:
        sys.exit(EXIT_INTERRUPTED)
    if not report.ok:
        sys.exit(EXIT_FAILED)


def _summarize(report: RunReport, url: str) -> None:
    counts = report.progress
    click.echo(
        f"accordingto: {counts.analysed} analysed, {counts.skipped} already stored, {counts.failed} failed, "
        f"{counts.unreadable} unreadable ({counts.rate:.1f} articles/s) -> {url}",
        err=True,
    )
    if report.failures:
        report_failures(report.failures)
    if report.interrupted:
        click.echo("accordingto: interrupted; what is stored stays: run the same command again to finish", err=True)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
