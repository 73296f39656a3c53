"""``accordingto train`` through the installed entry point, on a tiny hand-made corpus in PolNeAR's layout."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from accordingto.find.perceptron import TaggerModel
from terminal import run_on_terminal

ARTICLES = {
    "a": 'Putin said that Russia will not give up. "We are ready," the minister added.',
    "b": "Biden said that America will help Ukraine. Officials say the aid is large.",
    "c": "Zelensky said that Ukraine will resist. The weather was cold.",
}


def ann(text: str, source: str, cue: str, content: str) -> str:
    lines = []
    for number, (label, part) in enumerate((("Source", source), ("Cue", cue), ("Content", content)), start=1):
        start = text.index(part)
        lines.append(f"T{number}\t{label} {start} {start + len(part)}\t{part}")
    lines.append("E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3")
    return "\n".join(lines) + "\n"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    for split in ("train", "dev"):
        (tmp_path / split / "text").mkdir(parents=True)
        (tmp_path / split / "attributions").mkdir(parents=True)
        for name, text in ARTICLES.items():
            (tmp_path / split / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
            subject = text.split(" said")[0]
            content = text.split("said ")[1].split(".")[0]
            (tmp_path / split / "attributions" / f"{name}_0001.ann").write_text(
                ann(text, subject, "said", content), encoding="utf-8"
            )
    return tmp_path


def train(cli: str, corpus: Path, out: Path, *options: str) -> str:
    result = subprocess.run(
        [cli, "train", str(corpus), "--out", str(out), "--epochs", "2", "--bits", "12", *options],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_train_writes_weights_that_load(cli: str, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "weights.npz"
    stdout = train(cli, corpus, out, "--no-clusters")
    assert "held-out (train folds) attribution F1 by epoch, first stage" in stdout
    assert "token source" in stdout
    model = TaggerModel.load(out)
    assert model.bits == 12
    assert len(model.lexicon.clusters.keys) == 0  # --no-clusters


def test_same_seed_same_weights_file(cli: str, corpus: Path, tmp_path: Path) -> None:
    # Retraining is reproducible: the same data and seed give the same bytes (clusters, jackknife, calibration
    # and the archive included), whether the tagger's training is kept in the cache and reused or not; another
    # seed gives other weights.
    cache = tmp_path / "cache"
    first, reused, fresh, other = (tmp_path / f"{name}.npz" for name in ("first", "reused", "fresh", "other"))
    train(cli, corpus, first, "--seed", "7", "--cache-dir", str(cache))
    assert list(cache.glob("tagger-*.npz"))  # the tagger's training is kept
    train(cli, corpus, reused, "--seed", "7", "--cache-dir", str(cache))
    train(cli, corpus, fresh, "--seed", "7")
    assert hashlib.sha256(first.read_bytes()).digest() == hashlib.sha256(reused.read_bytes()).digest()
    assert first.read_bytes() == fresh.read_bytes()
    assert len(TaggerModel.load(first).lexicon.clusters.keys) > 0
    train(cli, corpus, other, "--seed", "8", "--cache-dir", str(cache))
    assert first.read_bytes() != other.read_bytes()


def test_train_shows_progress_bars_on_a_terminal_only(cli: str, corpus: Path, tmp_path: Path) -> None:
    options = ["--epochs", "2", "--bits", "12", "--no-clusters"]
    piped = subprocess.run(
        [cli, "train", str(corpus), "--out", str(tmp_path / "piped.npz"), *options],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert piped.returncode == 0 and "parsing" not in piped.stderr and "stage" not in piped.stderr
    returncode, shown = run_on_terminal(cli, "train", str(corpus), "--out", str(tmp_path / "tty.npz"), *options)
    assert returncode == 0
    for step in (b"parsing train", b"parsing dev", b"first stage, cross-validation", b"first stage"):
        assert step in shown, shown
    assert b"3/3" in shown and b"4/4" in shown  # three articles; two folds of two epochs
