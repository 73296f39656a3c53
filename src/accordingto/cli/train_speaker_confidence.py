"""``accordingto train-speaker-confidence``: fit how sure the speaker is (``resolve.confidence``) on GUM and report
its dev calibration.

A command of its own rather than an option of ``train-resolver``: it needs the resolver's fold models, not the
shipped ones, and refitting it (a minute or two) must not retrain the shipped resolver, whose weights stay as
they are; it reads the resolver only.
"""

from __future__ import annotations

from pathlib import Path

import click

from .common import gum_fold_options, gum_parse_options, train_on_gum, weights_out_option


@click.command("train-speaker-confidence")
@click.argument("data_dir", type=click.Path(path_type=Path))
@weights_out_option("src/accordingto/resolve/weights/speaker-confidence.npz")
@click.option(
    "--news",
    "news_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default="tests/fixtures/news",
    show_default=True,
    help="Judged news: the articles, with their judgment files in NEWS/judgments/.",
)
@gum_fold_options("Cross-validation folds on train and on the judged news articles.")
@gum_parse_options
def train_speaker_confidence_command(
    data_dir: Path, out_path: Path, news_dir: Path, seed: int, folds: int, cache_dir: Path | None, limit: int | None
) -> None:
    """Fit on DATA_DIR/train (GUM's CoNLL-U files), each document resolved by the resolver trained on the
    other folds, and on the judged news articles of --news, each analysed by the whole pipeline; the news weight
    and the L2 penalty chosen by cross-validation holding out whole documents and articles; save the weights;
    print the held-out calibration on both, and measure on DATA_DIR/dev with the shipped resolver.

    Deterministic: the same data, seed and resolver code give the same file.
    """
    from ..evaluate.calibration import format_reliability
    from ..train.speaker_confidence import train_speaker_confidence

    result = train_on_gum(
        train_speaker_confidence,
        data_dir,
        out_path,
        news_dir=news_dir,
        seed=seed,
        folds=folds,
        cache_dir=cache_dir,
        limit=limit,
    )
    click.echo(
        f"weights: {result.out_path} ({result.train} held-out train mentions and {result.news} judged news "
        "attributions fitted)"
    )
    click.echo(
        "\ncross-validated mean log loss (news weight, L2: GUM train, judged news; GUM's excess over the best GUM "
        "setting in standard errors; chosen: the best news loss with GUM within 1)"
    )
    for choice in result.choices:
        mark = " <- chosen" if choice is result.chosen else ""
        click.echo(
            f"  {choice.news_weight:>4g} {choice.l2:>5g}: {choice.gum:.4f} {choice.news:.4f} "
            f"{choice.gum_noise:>5.1f}{mark}"
        )
    shown = (
        ("judged news, the probabilities before the refit (the pipeline's)", result.news_shipped),
        ("judged news, the fit cross-validated (articles held out)", result.news_held_out),
        ("GUM train, the fit cross-validated (documents held out; all observed mentions)", result.train_held_out),
        ("GUM dev, all observed mentions, the weights before the refit", result.dev_shipped),
        ("GUM dev, all observed mentions", result.dev),
        ("GUM dev, speaker subset", result.dev_speakers),
    )
    for title, measured in shown:
        click.echo(f"\n{title}: {measured.count} mentions, {100 * measured.right:.1f}% right")
        click.echo(format_reliability(measured.reliability))
        high = "-" if measured.right_high is None else f"{100 * measured.right_high:.1f}%"
        click.echo(
            f"Brier {measured.brier:.3f}; p >= 0.8: {100 * measured.kept_high:.1f}% of the mentions, {high} right"
        )
        bands = ", ".join(
            f"{low:.1f}-{high:.1f}: {n}" + ("" if right is None else f" ({100 * right:.0f}% right)")
            for low, high, n, right in measured.bands
        )
        click.echo(f"bands: {bands}")
        for klass, (n, mean, right) in measured.by_class.items():
            click.echo(f"  {klass}: {n} mentions, mean p {mean:.2f}, {100 * right:.1f}% right")
