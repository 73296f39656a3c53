"""``accordingto analyze``: the main job on files, folders or standard input."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from ..analyze import analyze_many
from ..errors import AccordingtoError, InputError, InputNotFoundError, NoInputFilesError
from ..model import Analysis, Article
from ..read import decode_text, parse_published, read_text_file
from ..write.html import render_html
from ..write.text import render_text
from .common import EXIT_FAILED, fail, report_failures

STDIN = "-"
TEXT_SUFFIX = ".txt"

RENDERERS: dict[str, tuple[Callable[[Analysis], str], str]] = {
    # format: (renderer, file extension in --out-dir)
    "json": (lambda analysis: analysis.to_json() + "\n", ".json"),
    "text": (render_text, ".attributions.txt"),
    "html": (render_html, ".html"),
}


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--out-dir", type=click.Path(file_okay=False, path_type=Path), help="Write NAME.json for each NAME.txt here."
)
@click.option("--published", help="Publication date (YYYY-MM-DD) that relative dates are anchored to.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(RENDERERS)),
    default="json",
    show_default=True,
    help="json for programs, text for a terminal, html for a self-contained report.",
)
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True)
def analyze_command(
    paths: tuple[str, ...], out_dir: Path | None, published: str | None, output_format: str, batch_size: int
) -> None:
    """Find who said what in each article (PATH: a .txt file, a folder of them, or - for standard input).

    One input prints to standard output; several inputs print one result after another (JSON Lines for json), or
    go to --out-dir as one file each. Bad inputs are listed at the end and make the exit code 1.
    """
    published = parse_published(published, "--published")
    inputs, failures = expand_inputs(paths)
    total = len(inputs) + len(failures)
    render, extension = RENDERERS[output_format]
    several = total > 1
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)

    def articles() -> Iterator[Article]:
        for path in inputs:
            try:
                article = read_stdin() if path == STDIN else read_text_file(path)
            except InputError as error:
                failures.append(error)
                continue
            article.published = published
            yield article

    outcomes = analyze_many(articles(), batch_size=batch_size) if inputs else iter(())
    for outcome in outcomes:
        if outcome.error is not None:
            failures.append(outcome.error)
            continue
        assert outcome.analysis is not None
        name = outcome.article.id or "stdin"
        if out_dir is not None:
            (out_dir / f"{name}{extension}").write_text(render(outcome.analysis), encoding="utf-8")
        elif output_format == "json" and several:
            click.echo(outcome.analysis.to_json(indent=None))
        else:
            click.echo(render(outcome.analysis) if not several else f"== {name}\n{render(outcome.analysis)}", nl=False)
    if failures and not several:
        fail(failures[0])
    if failures:
        report_failures(failures, total=total)
        sys.exit(EXIT_FAILED)


def expand_inputs(paths: tuple[str, ...]) -> tuple[list[str], list[AccordingtoError]]:
    """Files named, plus the ``.txt`` files of folders named (sorted); ``-`` for standard input.

    Paths that do not exist and folders with no text files are returned as errors, so the other inputs still run.
    """
    inputs: list[str] = []
    failures: list[AccordingtoError] = []
    for raw in paths:
        path = Path(raw)
        if raw == STDIN:
            inputs.append(STDIN)
        elif path.is_dir():
            found = sorted(str(p) for p in path.glob(f"*{TEXT_SUFFIX}") if p.is_file())
            if found:
                inputs.extend(found)
            else:
                failures.append(NoInputFilesError(f"no {TEXT_SUFFIX} files in this folder", raw))
        elif path.exists():
            inputs.append(raw)
        else:
            failures.append(InputNotFoundError("no such file or folder", raw))
    return inputs, failures


def read_stdin() -> Article:
    return Article(text=decode_text(sys.stdin.buffer.read(), "<stdin>"), id="stdin")
