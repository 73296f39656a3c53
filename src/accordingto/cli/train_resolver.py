"""``accordingto train-resolver``: train the speaker resolver on GUM and report its dev figures.

A command of its own beside ``accordingto train`` (the attribution tagger, trained on PolNeAR): the two models
learn from different corpora and ship as different weights.
"""

from __future__ import annotations

import logging
from pathlib import Path

import click

from ..train.defaults import RESOLVER_EPOCHS
from .common import gum_parse_options, train_on_gum, weights_out_option


@click.command("train-resolver")
@click.argument("data_dir", type=click.Path(path_type=Path))
@weights_out_option("src/accordingto/resolve/weights/mention-ranker.npz")
@click.option("--epochs", type=click.IntRange(min=1), default=RESOLVER_EPOCHS, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@gum_parse_options
@click.option("--verbose", is_flag=True, help="Log progress (one line per epoch).")
def train_resolver_command(
    data_dir: Path,
    out_path: Path,
    epochs: int,
    seed: int,
    cache_dir: Path | None,
    limit: int | None,
    verbose: bool,
) -> None:
    """Train on DATA_DIR/train (GUM's CoNLL-U files), save the weights, and measure them on DATA_DIR/dev.

    The resolver picks the antecedent of a source mention ("he", "the former mayor", "Marcus"); load other
    weights with accordingto.resolve.ranker.MentionRanker.load(OUT). On a terminal, progress bars show the
    documents parsed and the epochs trained.
    """
    from ..evaluate.resolution import TARGET_KINDS, Tally
    from ..train.resolver import train_resolver

    if verbose:
        logging.basicConfig(level=logging.INFO, format="%(message)s")
    result = train_on_gum(
        train_resolver, data_dir, out_path, epochs=epochs, seed=seed, cache_dir=cache_dir, limit=limit
    )
    click.echo(f"weights: {result.out_path} ({result.examples} training mentions)")
    for kind in TARGET_KINDS:
        counts = result.dev.total("model", kind=kind)
        right, abstained = Tally.share(counts), Tally.share(counts, "abstained")
        if right is None or abstained is None:
            click.echo(f"dev {kind}: no mentions")
            continue
        measured = sum(count for outcome, count in counts.items() if outcome != "undetected")
        click.echo(f"dev {kind}: {100 * right:.1f}% right, {100 * abstained:.1f}% abstained ({measured} mentions)")
