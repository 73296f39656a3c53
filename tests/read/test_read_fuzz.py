"""Fuzzed files (text, JSON Lines, HTML, WARC; whole, cut short, bytes changed, gzipped): reading never raises,
every record becomes an article or a failure, and a run over them stores or lists every one of them."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from accordingto.batch.corpus import run_corpus
from accordingto.outcome import Failure
from accordingto.read import ReadArticle, read_inputs
from accordingto.store import open_store
from fuzz_inputs import FUZZ, INPUT_FILES, check_offsets

GZIP_MAGIC = b"\x1f\x8b"


def write_input(folder: Path, suffix: str, data: bytes) -> Path:
    """The bytes as a file of that kind (``.gz`` added for gzipped JSON Lines and WARC, as a user names them)."""
    if data.startswith(GZIP_MAGIC) and suffix in (".jsonl", ".warc"):
        suffix += ".gz"
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("suffix", "files"), INPUT_FILES, ids=[suffix for suffix, _ in INPUT_FILES])
def test_reading_any_file_gives_articles_and_failures_never_an_exception(suffix: str, files: st.SearchStrategy) -> None:
    @FUZZ
    @given(data=files)
    def read_one(data: bytes) -> None:
        with tempfile.TemporaryDirectory() as folder:
            items = list(read_inputs([str(write_input(Path(folder), suffix, data))]))
        assert items, "an input is at least one article or one failure"
        for item in items:
            assert isinstance(item, ReadArticle | Failure)
            if isinstance(item, Failure):
                assert item.stage == "read" and item.reason and item.where

    read_one()


@pytest.mark.parametrize(("suffix", "files"), INPUT_FILES, ids=[suffix for suffix, _ in INPUT_FILES])
def test_a_run_over_any_file_stores_or_lists_every_input(
    nlp: Language, suffix: str, files: st.SearchStrategy, tmp_path_factory: pytest.TempPathFactory
) -> None:
    @FUZZ.__class__(FUZZ, max_examples=12)
    @given(data=files)
    def run_one(data: bytes) -> None:
        folder = tmp_path_factory.mktemp("run")
        path = write_input(folder, suffix, data)
        inputs = list(read_inputs([str(path)]))
        db = folder / "store.sqlite"
        with open_store(str(db)) as store:
            report = run_corpus(inputs, store, nlp=nlp, batch_size=4)
            for item in inputs:
                if isinstance(item, ReadArticle) and (analysis := store.analysis(item.id or "")) is not None:
                    check_offsets(item.text, analysis)
        counts = report.progress
        assert counts.analysed + counts.failed + counts.unreadable + counts.skipped == len(inputs)
        assert counts.skipped == 0  # a fresh store, every record its own id
        with sqlite3.connect(db) as connection:
            stored = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert stored == counts.analysed + counts.failed  # failed analyses are stored with their reason
        assert len(report.failures) == counts.failed + counts.unreadable

    run_one()
