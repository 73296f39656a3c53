"""``accordingto evaluate``: score the pipeline on annotated articles (PolNeAR, or your own in its layout)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .common import report_failures, steps_bar


@click.command("evaluate")
@click.argument("data_dir", type=click.Path(path_type=Path))
@click.option(
    "--split",
    "splits",
    multiple=True,
    default=("dev",),
    show_default=True,
    help="Sub-folder of DATA_DIR to score; repeat it to score several (--split train --split dev).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON instead of a table.")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N articles (in name order).")
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True)
@click.option(
    "--errors",
    "error_examples",
    type=click.IntRange(min=0),
    help="Also print the unmatched attributions by error category, with up to N examples each.",
)
@click.option(
    "--agreement",
    is_flag=True,
    help="Set the figures beside human agreement: annotator vs annotator and majority vs annotator on the "
    "articles several people annotated, with the model on the same articles and each figure as a share.",
)
def evaluate_command(
    data_dir: Path,
    splits: tuple[str, ...],
    as_json: bool,
    limit: int | None,
    batch_size: int,
    error_examples: int | None,
    agreement: bool,
) -> None:
    """Analyse the articles of DATA_DIR/SPLIT and compare with their gold attributions.

    DATA_DIR holds SPLIT/text/NAME.txt and SPLIT/attributions/NAME_ANNOTATOR.ann (BRAT standoff with PolNeAR's
    labels), or is such a split folder itself. Precision, recall and F1 are those of PolNeAR's FORMAT.md:
    token, exact and overlap per role, and whole attributions; on all attributions and on direct quotes only.
    An article with several annotation files is scored against the annotator whose id sorts first; --agreement
    uses them all. Articles the pipeline fails on count as finding nothing, are listed on stderr, and make the
    exit code 1. On a terminal, a progress bar shows the articles analysed.
    """
    if agreement:
        if limit is not None or error_examples is not None:
            raise click.UsageError("--agreement scores whole splits: it takes neither --limit nor --errors")
        _agreement(data_dir, splits, as_json, batch_size)
        return
    # Imported here so that `accordingto --help` does not load spaCy.
    from ..evaluate import evaluate_folder, format_table

    with steps_bar() as progress:
        evaluation = evaluate_folder(
            data_dir, splits, limit=limit, batch_size=batch_size, examples=error_examples or 0, progress=progress
        )
    if as_json:
        click.echo(json.dumps(evaluation.to_dict(), indent=2))
    else:
        click.echo(format_table(evaluation.scores))
        if error_examples is not None:
            click.echo("\n" + evaluation.errors.format())
    if evaluation.failures:
        report_failures(evaluation.failures, total=evaluation.scores.articles)
        raise SystemExit(1)


def _agreement(data_dir: Path, splits: tuple[str, ...], as_json: bool, batch_size: int) -> None:
    from ..evaluate import agreement_report, format_agreement

    with steps_bar() as progress:
        report = agreement_report(data_dir, splits, batch_size=batch_size, progress=progress)
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else format_agreement(report))
    failures = [error for split in report.splits for error in split.whole.failures]
    if failures:
        report_failures(failures, total=sum(split.whole.scores.articles for split in report.splits))
        raise SystemExit(1)
