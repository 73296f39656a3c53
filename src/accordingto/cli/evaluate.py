"""``accordingto evaluate``: score the pipeline on annotated articles (PolNeAR, or your own in its layout)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .common import report_failures


@click.command("evaluate")
@click.argument("data_dir", type=click.Path(path_type=Path))
@click.option("--split", default="dev", show_default=True, help="Sub-folder of DATA_DIR to score.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON instead of a table.")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N articles (in name order).")
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True)
@click.option(
    "--errors",
    "error_examples",
    type=click.IntRange(min=0),
    help="Also print the unmatched attributions by error category, with up to N examples each.",
)
def evaluate_command(
    data_dir: Path, split: str, as_json: bool, limit: int | None, batch_size: int, error_examples: int | None
) -> None:
    """Analyse the articles of DATA_DIR/SPLIT and compare with their gold attributions.

    DATA_DIR holds SPLIT/text/NAME.txt and SPLIT/attributions/NAME_ANNOTATOR.ann (BRAT standoff with PolNeAR's
    labels), or is such a split folder itself. Precision, recall and F1 are those of PolNeAR's FORMAT.md:
    token, exact and overlap per role, and whole attributions; on all attributions and on direct quotes only.
    Articles the pipeline fails on count as finding nothing, are listed on stderr, and make the exit code 1.
    """
    # Imported here so that `accordingto --help` does not load spaCy.
    from ..evaluate import evaluate_folder, format_table

    evaluation = evaluate_folder(data_dir, split, limit=limit, batch_size=batch_size, examples=error_examples or 0)
    if as_json:
        click.echo(json.dumps(evaluation.to_dict(), indent=2))
    else:
        click.echo(format_table(evaluation.scores))
        if error_examples is not None:
            click.echo("\n" + evaluation.errors.format())
    if evaluation.failures:
        report_failures(evaluation.failures, total=evaluation.scores.articles)
        raise SystemExit(1)
