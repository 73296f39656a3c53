"""``accordingto run --local-cluster N --parquet OUT`` through the installed entry point, as a user runs it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pyarrow.dataset as ds
import pytest

TEXTS = {
    "one": "The minister said the budget would be balanced by 2026.",
    "two": 'Police said the road was closed. "Stay away," a spokesman told reporters.',
}


def test_local_cluster_to_parquet(cli: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in TEXTS.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    (corpus / "empty.txt").write_text("   \n", encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run(
        [cli, "run", str(corpus), "--local-cluster", "2", "--parquet", str(out), "--partition-size", "1"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert f"{corpus}/empty.txt: " in done.stderr
    assert "2 articles" in done.stderr
    assert sorted(ds.dataset(out / "articles").to_table().column("id").to_pylist()) == ["one", "two"]
    assert not (tmp_path / "accordingto.sqlite").exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--parquet", "out"], "--parquet needs --cluster ADDRESS or --local-cluster N"),
        (
            ["--cluster", "tcp://127.0.0.1:9", "--local-cluster", "2"],
            "give --cluster ADDRESS or --local-cluster N, not both",
        ),
    ],
)
def test_cluster_option_mistakes_are_one_line_errors(
    cli: str, tmp_path: Path, options: list[str], message: str
) -> None:
    (tmp_path / "a.txt").write_text(TEXTS["one"], encoding="utf-8")
    done = subprocess.run(
        [cli, "run", str(tmp_path / "a.txt"), *options], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert done.returncode == 1
    assert done.stderr.strip() == f"accordingto: error: {message}"
    assert not (tmp_path / "accordingto.sqlite").exists()  # refused before anything was opened
