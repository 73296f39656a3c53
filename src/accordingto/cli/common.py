"""What every subcommand shares: one-line errors and exit codes, the list of failed inputs, the progress bar."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn, TextIO, TypeVar

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from ..batch.runner import BatchProgress
from ..budget import DEFAULT_MEMORY_MB, DEFAULT_SECONDS, Budget
from ..errors import AccordingtoError
from ..outcome import Failure
from ..progress import Progress as LibraryProgress
from ..train.defaults import RESOLVER_FOLDS
from ..write.text import printable

EXIT_FAILED = 1
F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


def budget_options(command: F) -> F:
    """``--time-budget`` and ``--memory-budget``: what one article may cost (``budget.Budget``)."""
    command = click.option(
        "--memory-budget",
        type=click.FloatRange(min=0),
        default=DEFAULT_MEMORY_MB,
        show_default=True,
        help="MB of memory one article may add while it is analysed (0: no limit).",
    )(command)
    return click.option(
        "--time-budget",
        type=click.FloatRange(min=0),
        default=DEFAULT_SECONDS,
        show_default=True,
        help="CPU seconds one article may take (0: no limit); an article over its budget is reported as failed.",
    )(command)


def gum_parse_options(command: F) -> F:
    """``--cache-dir`` and ``--limit`` of the commands that train on GUM (the resolver, the speaker confidence)."""
    command = click.option("--limit", type=click.IntRange(min=1), help="Use only the first N documents of each split.")(
        command
    )
    return click.option(
        "--cache-dir",
        type=click.Path(file_okay=False, path_type=Path),
        help="Keep our pipeline's parses of the GUM texts here between runs.",
    )(command)


def weights_out_option(shipped: str) -> Callable[[F], F]:
    """``--out`` of the training commands: where to write the weights, by default the shipped file's name in the
    current folder (``shipped``, the path in the repository, is named in the help so a retrain can replace it)."""
    return click.option(
        "--out",
        "out_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=Path(Path(shipped).name),
        show_default=True,
        help=f"Where to write the weights (shipped: {shipped}).",
    )


def gum_fold_options(folds_help: str) -> Callable[[F], F]:
    """``--seed`` and ``--folds`` of the commands fitted on GUM train by cross-validation (the speaker confidence,
    the kind of a name): how train is dealt into folds, and how many."""

    def decorate(command: F) -> F:
        command = click.option(
            "--folds", type=click.IntRange(min=2), default=RESOLVER_FOLDS, show_default=True, help=folds_help
        )(command)
        return click.option("--seed", type=int, default=0, show_default=True, help="How train is dealt into folds.")(
            command
        )

    return decorate


def budget_of(time_budget: float, memory_budget: float) -> Budget:
    """The budget the options give (0 is no limit)."""
    return Budget(seconds=time_budget or None, memory_mb=memory_budget or None)


@contextmanager
def output_stream(out: Path | None) -> Iterator[TextIO]:
    """Standard output, or the file ``out`` (a file that cannot be written is a one-line error)."""
    if out is None:
        yield sys.stdout
        return
    try:
        stream = out.open("w", encoding="utf-8", newline="")
    except OSError as error:
        fail(f"cannot write {out}: {error.strerror or error}")
    with stream:
        yield stream


def fail(error: AccordingtoError | Failure | str) -> NoReturn:
    """Print one line on stderr and exit 1: the user sees the reason, never a traceback."""
    click.echo(f"accordingto: error: {printable(str(error))}", err=True)
    raise SystemExit(EXIT_FAILED)


def failures_reported_once() -> None:
    """The library logs a warning for each article a component fails on; a command that lists its failed inputs
    itself shows each failure once, in its own words, not also as a stray log line."""
    logging.getLogger("accordingto").setLevel(logging.ERROR)


def report_failures(failures: Sequence[Failure], total: int | None = None) -> None:
    """List the inputs that could not be processed, one line each, after the good ones are written."""
    of_total = f" of {total}" if total is not None else ""
    click.echo(f"accordingto: {len(failures)}{of_total} inputs failed:", err=True)
    for failure in failures:
        click.echo(f"  {printable(str(failure))}", err=True)


@contextmanager
def progress_bar(
    total: int | None, *, only_on_terminal: bool = False, enabled: bool = True
) -> Iterator[Callable[[BatchProgress], None]]:
    """A live progress bar on stderr, updated by calling what it yields with the batch's counts.

    A bar with count, rate and time left when the number of articles is known; a spinner, count and rate else.
    ``only_on_terminal``: draw nothing when stderr is not a terminal (piped, in a log); ``enabled``: draw nothing.
    """
    columns: list[ProgressColumn] = [SpinnerColumn(), TextColumn("analysing")]
    if total is not None:
        columns += [BarColumn(), TaskProgressColumn(), MofNCompleteColumn(), TimeRemainingColumn()]
    else:
        columns += [TextColumn("{task.completed} articles"), TimeElapsedColumn()]
    columns += [TextColumn("{task.fields[rate]}"), TextColumn("[red]{task.fields[failed]}")]
    bar = _live_bar(columns, only_on_terminal=only_on_terminal, enabled=enabled)
    task = bar.add_task("run", total=total, rate="", failed="")

    def show(counts: BatchProgress) -> None:
        failed = f"{counts.problems} failed" if counts.problems else ""
        bar.update(task, completed=counts.done, rate=f"{counts.rate:.1f}/s", failed=failed)

    with bar:
        yield show


@contextmanager
def steps_bar(*, only_on_terminal: bool = True) -> Iterator[LibraryProgress]:
    """Live progress bars on stderr for a library job in steps (``evaluate``, ``train``): what it yields is the
    job's ``progress`` callback; each step gets its own line, a bar with count and time left when its total is
    known. ``only_on_terminal``: draw nothing when stderr is not a terminal (piped, in a log)."""
    columns: list[ProgressColumn] = [
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    ]
    bar = _live_bar(columns, only_on_terminal=only_on_terminal, enabled=True)
    tasks: dict[str, TaskID] = {}

    def show(step: str, done: int, total: int | None) -> None:
        if step not in tasks:
            tasks[step] = bar.add_task(step, total=total)
        bar.update(tasks[step], completed=done, total=total)

    with bar:
        yield show


def _live_bar(columns: list[ProgressColumn], *, only_on_terminal: bool, enabled: bool) -> Progress:
    console = Console(stderr=True)
    return Progress(*columns, console=console, disable=not enabled or (only_on_terminal and not console.is_terminal))


def train_on_gum(train: Callable[..., T], data_dir: Path, out_path: Path, **options: Any) -> T:
    """Run a GUM training function (``train.resolver``, ``train.name_kinds``, ``train.speaker_confidence``) with
    progress bars, on our pipeline up to the attribution extractor: each model reads GUM as the analysis parses
    it, and the speakers stage after the extractor would load the weights being trained."""
    from ..parse.pipeline import build_pipeline
    from ..train.resolver import ATTRIBUTION_STAGES

    with steps_bar() as progress:
        return train(build_pipeline(until=ATTRIBUTION_STAGES[-1]), data_dir, out_path, progress=progress, **options)
