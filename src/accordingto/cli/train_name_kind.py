"""``accordingto train-name-kind``: fit the kind of a proper name (``resolve.name_kinds``) on GUM's gold entity
types and report it on dev beside the rules (``resolve.mentions.name_kind``).

A command of its own: the model reads only our parse of GUM (the resolver's parse cache serves it), trains in
seconds, and retraining it must not touch the resolver's or the speaker confidence's weights.
"""

from __future__ import annotations

from pathlib import Path

import click

from .common import gum_fold_options, gum_parse_options, train_on_gum, weights_out_option


@click.command("train-name-kind")
@click.argument("data_dir", type=click.Path(path_type=Path))
@weights_out_option("src/accordingto/resolve/weights/name-kinds.npz")
@gum_fold_options("Cross-validation folds on train (reported only; the weights are fitted on all of train).")
@gum_parse_options
def train_name_kind_command(
    data_dir: Path, out_path: Path, seed: int, folds: int, cache_dir: Path | None, limit: int | None
) -> None:
    """Fit on the proper names of DATA_DIR/train (GUM's CoNLL-U files) as our pipeline parses them; save the
    weights; report train cross-validation and DATA_DIR/dev beside the rules.

    Deterministic: the same data and code give the same file.
    """
    from ..resolve.name_kinds import CLASSES
    from ..train.name_kinds import train_name_kinds

    result = train_on_gum(
        train_name_kinds, data_dir, out_path, seed=seed, folds=folds, cache_dir=cache_dir, limit=limit
    )
    click.echo(f"weights: {result.out_path} ({result.train} train names, {len(result.model.vocabulary)} features)")
    shown = (
        ("train, the model cross-validated", result.train_cv),
        ("dev, all names", result.dev),
        ("dev, speaker subset", result.dev_speakers),
    )
    for title, systems in shown:
        count = next(iter(systems.values())).count
        click.echo(f"\n{title} ({count} names): accuracy by gold class")
        click.echo("| system | all | " + " | ".join(CLASSES) + " |")
        click.echo("|---|---|" + "---|" * len(CLASSES))
        for name, scored in systems.items():
            by_gold = scored.by_gold()
            cells = [f"{100 * by_gold[c][1]:.1f} ({by_gold[c][0]})" if c in by_gold else "-" for c in CLASSES]
            click.echo(f"| {name} | {100 * scored.accuracy:.1f} | " + " | ".join(cells) + " |")
        for name in ("rules", "combined"):
            click.echo(f"\nconfusion, {name} (rows gold, columns predicted)")
            click.echo("| gold | " + " | ".join(CLASSES) + " |")
            click.echo("|---|" + "---|" * len(CLASSES))
            for gold in CLASSES:
                row = systems[name].confusion[gold]
                click.echo(f"| {gold} | " + " | ".join(str(row[c]) for c in CLASSES) + " |")
