"""``accordingto analyze``: the main job on files, folders, corpus files or standard input, read by the corpus
readers (``read/``) and analysed by the batch runner, as ``accordingto run`` does, but written out instead of
stored."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from ..batch.runner import DEFAULT_BATCH_SIZE, BatchProgress, Item, analyze_stream, failure_of
from ..errors import InputError
from ..model import Analysis
from ..outcome import Failure, Outcome
from ..read import ReadArticle, count_articles, decode_text, parse_published, read_path
from ..write.confident import leave_out_unlikely
from ..write.html import render_html
from ..write.text import render_text
from .common import (
    EXIT_FAILED,
    budget_of,
    budget_options,
    fail,
    failures_reported_once,
    progress_bar,
    report_failures,
)

STDIN = "-"
STDIN_ID = "stdin"

RENDERERS: dict[str, tuple[Callable[[Analysis], str], str]] = {
    # format: (renderer, file extension in --out-dir)
    "json": (lambda analysis: analysis.to_json() + "\n", ".json"),
    "text": (render_text, ".attributions.txt"),
    "html": (render_html, ".html"),
}


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one file per article here, named by its id (NAME.json for NAME.txt).",
)
@click.option(
    "--published",
    help="Publication date (YYYY-MM-DD) that relative dates are anchored to; given, it replaces the dates the "
    "inputs carry (JSON Lines fields, page metadata).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(RENDERERS)),
    default="json",
    show_default=True,
    help="json for programs, text for a terminal, html for a self-contained report.",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    help="Leave out attributions less likely right than this: each attribution's confidence is the model's "
    "calibrated probability that it is right (of those given 0.8, about 80% match a PolNeAR annotator's), so 0.8 "
    "keeps the attributions right 8 times in 10 or more. The summary counts what is kept. [default: keep all]",
)
@click.option(
    "--min-speaker-confidence",
    type=click.FloatRange(0, 1),
    help="Leave out attributions whose source shown is less likely than this who the article means: the model's "
    'calibrated probability that the speaker is right (a full name high, a "he" among several men lower), '
    "calibrated on held-out GUM coreference. Attributions without a source are left out too. [default: keep all]",
)
@click.option("--batch-size", type=click.IntRange(min=1), default=DEFAULT_BATCH_SIZE, show_default=True)
@budget_options
def analyze_command(
    paths: tuple[str, ...],
    out_dir: Path | None,
    published: str | None,
    output_format: str,
    min_confidence: float | None,
    min_speaker_confidence: float | None,
    batch_size: int,
    time_budget: float,
    memory_budget: float,
) -> None:
    """Find who said what in each article.

    PATH: a .txt or .html file; a .jsonl[.gz] or .warc[.gz] file, each record one article; a folder (its files
    of those kinds, recursively); an fsspec URL; or - for standard input (text).

    One article prints to standard output; several print one result after another (JSON Lines for json), or go to
    --out-dir as one file each. Bad inputs are listed at the end and make the exit code 1.
    """
    failures_reported_once()
    published = parse_published(published, "--published")
    files = count_articles([path for path in paths if path != STDIN])
    total = None if files is None else files + paths.count(STDIN)
    several = total is None or total > 1
    write = _writer(output_format, out_dir, several, min_confidence, min_speaker_confidence)
    failures: list[Failure] = []
    counts = BatchProgress(total=total)
    with progress_bar(total, only_on_terminal=True, enabled=several) as show:
        budget = budget_of(time_budget, memory_budget)
        for result in analyze_stream(_inputs(paths, published), batch_size=batch_size, budget=budget):
            if (failure := failure_of(result)) is not None:
                failures.append(failure)
            elif isinstance(result, Outcome):
                write(result)
            counts.count(result)
            show(counts)
    if failures and not several:
        fail(failures[0])
    if failures:
        report_failures(failures, total=counts.done)
        sys.exit(EXIT_FAILED)


def _inputs(paths: tuple[str, ...], published: str | None) -> Iterator[Item]:
    """Articles and read failures from every path in order; ``published``, if given, is every article's date."""
    for path in paths:
        for item in [_read_stdin()] if path == STDIN else read_path(path):
            if isinstance(item, ReadArticle) and published is not None:
                item.published = published
            yield item


def _read_stdin() -> ReadArticle | Failure:
    try:
        return ReadArticle(text=decode_text(sys.stdin.buffer.read(), "<stdin>"), id=STDIN_ID, where="<stdin>")
    except InputError as error:
        return Failure.from_error(error, "read")


def _writer(
    output_format: str,
    out_dir: Path | None,
    several: bool,
    min_confidence: float | None,
    min_speaker_confidence: float | None = None,
) -> Callable[[Outcome], None]:
    """What to do with each analysis: a file in ``out_dir``, a JSON line, or the rendering on standard output
    (with the attributions under ``min_confidence`` or ``min_speaker_confidence`` left out)."""
    render, extension = RENDERERS[output_format]
    taken: set[Path] = set()

    def write(outcome: Outcome) -> None:
        assert outcome.analysis is not None
        analysis = outcome.analysis
        if min_confidence is not None or min_speaker_confidence is not None:
            analysis = leave_out_unlikely(analysis, min_confidence, min_speaker_confidence)
        name = outcome.article.id or STDIN_ID
        if out_dir is not None:
            path = output_path(out_dir, name, extension, taken)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(render(analysis), encoding="utf-8")
        elif output_format == "json" and several:
            click.echo(analysis.to_json(indent=None))
        else:
            click.echo(render(analysis) if not several else f"== {name}\n{render(analysis)}", nl=False)

    return write


def output_path(out_dir: Path, article_id: str, extension: str, taken: set[Path]) -> Path:
    """Where an article's output goes in ``out_dir``: its id as a relative path, so a folder's files keep their
    sub-folders (``2024/a.txt`` → ``2024/a.json``) and a URL becomes host and path (WARC records), each part
    made safe for a file name and nothing able to climb out of ``out_dir``. A second article with the same id
    gets ``-2``, ``-3``... instead of overwriting the first (recorded in ``taken``)."""
    parts = [
        re.sub(r"^\.", "_", re.sub(r"[^\w.-]+", "_", part))[:120]
        for part in article_id.split("://", 1)[-1].split("/")
        if part not in ("", ".", "..")
    ]
    stem = out_dir.joinpath(*parts) if parts else out_dir / "article"
    path, number = Path(f"{stem}{extension}"), 1
    while path in taken:
        number += 1
        path = Path(f"{stem}-{number}{extension}")
    taken.add(path)
    return path
