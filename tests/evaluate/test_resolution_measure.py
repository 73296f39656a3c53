"""What the GUM resolution benchmark measures: which gold mentions are targets, how markables are matched to
gold mentions, what counts as right, and training on them (the hand-made fixture document only)."""

from __future__ import annotations

import dataclasses
import hashlib
import subprocess
from pathlib import Path

import numpy as np
import pytest
from spacy.language import Language

from accordingto.evaluate.gum import read_gum_file
from accordingto.evaluate.resolution import Alignment, Answer, Tally, align, outcome, score_documents, targets
from accordingto.resolve.markables import find_markables
from accordingto.resolve.ranker import MentionRanker
from accordingto.train.resolver import (
    cross_validate,
    make_examples,
    parse_digest,
    parse_gum,
    ranker_answers,
    train_ranker,
)
from terminal import run_on_terminal

FIXTURE = Path(__file__).parent / "fixtures" / "gum" / "GUM_news_harbor.conllu"


@pytest.fixture(scope="module")
def alignment(nlp: Language) -> Alignment:
    document = read_gum_file(FIXTURE)
    return align(document, find_markables(nlp(document.text)))


def characters(alignment: Alignment, words: str) -> tuple[int, int, int]:
    start = alignment.document.text.index(words)
    return start, start + len(words), start + len(words) - 1


def test_targets_are_pronouns_definite_descriptions_and_short_names_of_named_entities(alignment: Alignment) -> None:
    text = alignment.document.text
    found = [(t.kind, text[t.gold.start : t.gold.end]) for t in targets(alignment)]
    # "the plan" is left out (its entity has no name), so is the apposition "the former mayor of ...".
    assert found == [("name", "Lopez"), ("pronoun", "she")]
    assert all(t.markable is not None for t in targets(alignment))


def test_markables_stand_for_the_gold_mention_they_overlap_most(alignment: Alignment) -> None:
    markables = alignment.markables
    stands_for = {
        markables.text(k): alignment.document.text[g.start : g.end]
        for k, g in enumerate(alignment.gold)
        if g is not None
    }
    assert stands_for["Coca-Cola Town"] == "Coca-Cola Town"  # not the mayor's apposition around it
    assert stands_for["she"] == "she"
    assert alignment.entity(markables.by_head[next(t.i for t in markables.doc if t.text == "she")]) == "3"


def test_what_counts_as_right(alignment: Alignment) -> None:
    she = next(t for t in targets(alignment) if t.kind == "pronoun")
    assert outcome(alignment, she, Answer(True, characters(alignment, "Maria Lopez"))) == "right"
    assert outcome(alignment, she, Answer(True, characters(alignment, "Coca-Cola Town"))) == "wrong"
    assert outcome(alignment, she, Answer(True, None)) == "wrong"  # linked to something unnamed
    assert outcome(alignment, she, Answer(False, None)) == "abstained"
    assert outcome(alignment, she, None) == "undetected"


def test_tally_shares(alignment: Alignment) -> None:
    def always_lopez(alignment: Alignment, found):  # type: ignore[no-untyped-def]
        return [Answer(True, characters(alignment, "Maria Lopez")) for _ in found]

    def never(alignment: Alignment, found):  # type: ignore[no-untyped-def]
        return [Answer(False, None) for _ in found]

    tally = score_documents([alignment], {"lopez": always_lopez, "never": never})
    assert Tally.share(tally.total("lopez")) == 1.0
    assert Tally.share(tally.total("never", "news", "pronoun"), "abstained") == 1.0
    assert Tally.share(tally.total("never", "bio")) is None


def test_training_is_deterministic_and_learns_the_fixture(alignment: Alignment) -> None:
    examples = make_examples([alignment], bits=12)
    first = train_ranker(examples, epochs=5, bits=12, seed=3)
    second = train_ranker(examples, epochs=5, bits=12, seed=3)
    np.testing.assert_array_equal(first.weights, second.weights)
    assert first.weights[0] == 0  # the padding row never counts
    tally = score_documents([alignment], {"model": ranker_answers(first)})
    assert Tally.share(tally.total("model")) == 1.0


def test_cross_validation_counts_each_fold_and_their_sum(alignment: Alignment) -> None:
    # Two copies of the document: each fold trains on one and measures the other, which it has learned.
    folds: list[Tally] = []
    total = cross_validate([alignment, alignment], folds=2, epochs=5, bits=12, seed=3, fold_tallies=folds)
    assert len(folds) == 2
    assert [Tally.share(fold.total("model")) for fold in folds] == [1.0, 1.0]
    summed = Tally()
    for fold in folds:
        summed.merge(fold)
    assert summed.total("model") == total.total("model") == {"right": 4}


@pytest.fixture
def gum_folder(tmp_path: Path) -> Path:
    """GUM's layout with the fixture document as train and as dev."""
    for split in ("train", "dev"):
        (tmp_path / "gum" / split).mkdir(parents=True)
        (tmp_path / "gum" / split / FIXTURE.name).write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path / "gum"


def test_gum_is_parsed_as_the_analysis_parses_it(nlp: Language, tmp_path: Path) -> None:
    # The components inside spaCy's model run too: a line break starts a sentence, as it does at run time.
    document = dataclasses.replace(read_gum_file(FIXTURE), text="Harbor plan approved\nThe mayor said it would pass.")
    cache = tmp_path / f"gum-{parse_digest(nlp)}.spacy"
    (doc,) = parse_gum(nlp, [document], cache)
    sentences = [sentence.text.strip() for sentence in doc.sents]
    assert sentences == ["Harbor plan approved", "The mayor said it would pass."]
    assert cache.exists()
    (kept,) = parse_gum(nlp, [document], cache)
    assert [sentence.text for sentence in kept.sents] == [sentence.text for sentence in doc.sents]


def test_train_resolver_command_gives_the_same_bytes_each_time(cli: str, gum_folder: Path, tmp_path: Path) -> None:
    digests = []
    for run in range(2):
        out = tmp_path / f"ranker-{run}.npz"
        result = subprocess.run(
            [cli, "train-resolver", str(gum_folder), "--out", str(out), "--epochs", "2"],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        assert "dev pronoun:" in result.stdout and "(1 mentions)" in result.stdout
        assert MentionRanker.load(out).weights.any()
        digests.append(hashlib.sha256(out.read_bytes()).hexdigest())
    assert digests[0] == digests[1]


def test_train_resolver_shows_progress_bars_on_a_terminal_only(cli: str, gum_folder: Path, tmp_path: Path) -> None:
    command = ["train-resolver", str(gum_folder), "--out", str(tmp_path / "ranker.npz"), "--epochs", "2"]
    piped = subprocess.run([cli, *command], capture_output=True, text=True, timeout=300)
    assert piped.returncode == 0 and "parsing" not in piped.stderr and "training" not in piped.stderr
    returncode, shown = run_on_terminal(cli, *command)
    assert returncode == 0
    assert b"parsing train" in shown and b"parsing dev" in shown and b"1/1" in shown
    assert b"training" in shown


def test_train_resolver_command_refuses_a_missing_folder(cli: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [cli, "train-resolver", str(tmp_path / "nowhere")], capture_output=True, text=True, timeout=300
    )
    assert result.returncode != 0
    assert "no such folder" in result.stderr
    assert "Traceback" not in result.stderr
