"""How sure the speaker is (``resolve.confidence``, ``Attribution.speaker_confidence``): higher for a name than
for a "he" that could be either of two men, none without a source, the same through DocBin, the features news
errors need fire where they should, the shipped weights load, cross-validation holds out whole articles and
documents, and refitting (GUM and judged news) is deterministic. Sentences written for these tests."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from spacy.language import Language
from spacy.tokens import DocBin

import accordingto
from accordingto.annotations import analysis_from_doc
from accordingto.model import Analysis
from accordingto.resolve.confidence import FEATURES, WEIGHTS_PATH, SpeakerConfidence, features, fit, shipped_confidence
from accordingto.resolve.speakers import resolve_speakers
from accordingto.train.speaker_confidence import Observation, cross_validate, fold_of

NEWS = Path(__file__).resolve().parents[1] / "fixtures" / "news"


def speaker_confidence(analysis: Analysis, content_start: str) -> float | None:
    (found,) = [a for a in analysis.attributions if a.content_text.lstrip('"“').startswith(content_start)]
    return found.speaker_confidence


@pytest.mark.parametrize(
    ("text", "named", "pronoun"),
    [
        # Two men in the paragraph: the "he" may be either, the name is who it is.
        (
            "Tom Baker met Sam Ortiz in the courthouse on Monday. Tom Baker said the case was weak. "
            "He said the jury would agree.",
            "the case was weak",
            "the jury would agree",
        ),
        (
            "Anna Berg and Lena Fox debated on Tuesday. Lena Fox said taxes must rise. She said the budget was broken.",
            "taxes must rise",
            "the budget was broken",
        ),
        # The union leader and the employers' spokesman: "He" after the spokesman's name.
        (
            "Union leader Mark Ellis met the employers' spokesman, Paul Grant, on Friday. Paul Grant said the offer "
            "was final. He said the talks were over.",
            "the offer was final",
            "the talks were over",
        ),
    ],
)
def test_a_name_is_surer_than_a_he_between_two_people(nlp: Language, text: str, named: str, pronoun: str) -> None:
    analysis = accordingto.analyze(text, nlp=nlp)
    by_name, by_pronoun = speaker_confidence(analysis, named), speaker_confidence(analysis, pronoun)
    assert by_name is not None and by_pronoun is not None
    # Not "he" under 0.8: on judged news a "he" that is a statement's source was right nine times in ten, and the
    # fit on news (conf27) gives such a "he" about 0.8; what holds is the distance to the name.
    assert by_name >= 0.8 and by_name - by_pronoun >= 0.1 and by_pronoun > 0.3, (by_name, by_pronoun)


def test_a_he_with_a_rival_is_less_sure_than_a_he_alone(nlp: Language) -> None:
    alone = "Tom Baker arrived at the courthouse on Monday. Tom Baker said the case was weak. He said it would fail."
    rival = (
        "Tom Baker met Sam Ortiz at the courthouse on Monday. Tom Baker said the case was weak. He said it would fail."
    )
    sure = speaker_confidence(accordingto.analyze(alone, nlp=nlp), "it would fail")
    unsure = speaker_confidence(accordingto.analyze(rival, nlp=nlp), "it would fail")
    assert sure is not None and unsure is not None and sure > unsure


@pytest.mark.parametrize(
    ("text", "content_start"),
    [
        ("The results were announced on Friday. Prices will rise, it is believed.", "The results"),
    ],
)
def test_an_attribution_without_a_source_has_no_speaker_confidence(
    nlp: Language, text: str, content_start: str
) -> None:
    analysis = accordingto.analyze(text, nlp=nlp)
    (found,) = [a for a in analysis.attributions if a.content_text.startswith(content_start)]
    assert found.source == [] and found.source_id is None
    assert found.speaker_confidence is None
    assert (
        "speaker_confidence" in found.__dataclass_fields__
        and analysis.to_dict()["attributions"][0]["speaker_confidence"] is None
    )


def test_a_pronoun_that_identifies_no_one_gets_zero(nlp: Language) -> None:
    # No one in the text a "they" could be: the source shown is the pronoun itself.
    analysis = accordingto.analyze("They said the bridge would reopen in May.", nlp=nlp)
    (found,) = analysis.attributions
    assert found.source_text == "They" and found.speaker_confidence == 0.0


def test_the_speaker_confidence_survives_docbin(nlp: Language) -> None:
    text = "Tom Baker met Sam Ortiz on Monday. Tom Baker said the case was weak. He said the jury would agree."
    doc = nlp(text)
    stored = DocBin(store_user_data=True)
    stored.add(doc)
    (again,) = DocBin(store_user_data=True).from_bytes(stored.to_bytes()).get_docs(nlp.vocab)
    before, after = analysis_from_doc(doc), analysis_from_doc(again)
    assert [a.speaker_confidence for a in after.attributions] == [a.speaker_confidence for a in before.attributions]
    assert all(a.speaker_confidence is not None for a in before.attributions)


def source_features(nlp: Language, text: str) -> dict[str, dict[str, float]]:
    """The feature row of each source mention of a text, by the mention's words."""
    doc = nlp(text)
    entities = resolve_speakers(doc)
    return {
        doc[o.tokens[0] : o.tokens[1]].text: dict(zip(FEATURES, features(doc, o, entities).tolist(), strict=True))
        for entity in entities
        for o in entity.occurrences
        if o.source and o.attributions
    }


@pytest.mark.parametrize(
    ("text", "source", "fires"),
    [
        # A description shown while a person is named beside it: it may be that person, split off.
        ("Anna Berg met a lawyer on Monday. The lawyer said the case was weak.", "The lawyer", True),
        ("A lawyer arrived at the court on Monday. The lawyer said the case was weak.", "The lawyer", False),
    ],
)
def test_a_description_beside_a_named_participant_of_its_kind_is_marked(
    nlp: Language, text: str, source: str, fires: bool
) -> None:
    assert source_features(nlp, text)[source]["unnamed beside a named one"] == float(fires)


@pytest.mark.parametrize(
    ("text", "source", "fires"),
    [
        # "One of them" shown as the source: a number heads it, it names no one.
        ("Three nurses spoke to reporters on Friday. One of them said the ward was full.", "One of them", True),
        # "Operator" cut from "the operator": one word the text writes in lower case too.
        ("The Operator of the line apologised. Operator said trains would run, the operator added.", "Operator", True),
        ("Tom Baker met Sam Ortiz on Monday. Tom Baker said the case was weak.", "Tom Baker", False),
    ],
)
def test_shown_words_that_are_no_name_are_marked(nlp: Language, text: str, source: str, fires: bool) -> None:
    assert source_features(nlp, text)[source]["shown words not a name"] == float(fires)


def observation(group: str, news: bool, right: bool, value: float) -> Observation:
    row = np.zeros(len(FEATURES))
    row[0] = value
    return Observation(row=row, klass="name", right=right, identified=True, speaker=True, group=group, news=news)


def test_cross_validation_holds_out_whole_articles_and_documents_and_chooses_within_gums_noise() -> None:
    rng = np.random.default_rng(1)
    observations = [
        observation(f"{'news' if news else 'gum'}-{g}", news, bool(rng.random() < (0.9 if news else 0.6)), rng.random())
        for news in (False, True)
        for g in range(10)
        for _ in range(20)
    ]
    folds = fold_of(observations, 5)
    for group in {o.group for o in observations}:
        assert len({f for f, o in zip(folds, observations, strict=True) if o.group == group}) == 1
    for fold in range(5):  # every fold holds out news articles and GUM documents both
        held = [o for f, o in zip(folds, observations, strict=True) if f == fold]
        assert any(o.news for o in held) and not all(o.news for o in held)
    choices, chosen = cross_validate(observations, 5)
    assert chosen in choices and chosen.gum_noise <= 1.0
    assert chosen.news == min(c.news for c in choices if c.gum_noise <= 1.0)


def test_a_news_weight_moves_the_fit_toward_the_news() -> None:
    rows = np.array([[1.0], [1.0], [1.0], [1.0]])
    outcomes = np.array([1.0, 0.0, 1.0, 1.0])
    even = fit(rows, outcomes, 0.0).predict(rows[:1])[0]
    leaning = fit(rows, outcomes, 0.0, np.array([1.0, 1.0, 3.0, 3.0])).predict(rows[:1])[0]
    assert even == pytest.approx(0.75, abs=1e-6) and leaning == pytest.approx(7 / 8, abs=1e-6)


def test_the_shipped_weights_load_and_other_features_are_refused(tmp_path: Path) -> None:
    model = shipped_confidence()
    assert model.weights.shape == (len(FEATURES),) and np.isfinite(model.weights).all()
    assert WEIGHTS_PATH.stat().st_size < 8192  # the weights and the features' names they are for
    copy = tmp_path / "copy.npz"
    model.save(copy)
    np.testing.assert_array_equal(SpeakerConfidence.load(copy).weights, model.weights)
    other = tmp_path / "other.npz"
    with other.open("wb") as stream:
        np.savez(stream, features=np.array(["something else"]), weights=np.zeros(1), bias=np.zeros(1))
    with pytest.raises(ValueError, match="other features"):
        SpeakerConfidence.load(other)


def test_the_fit_is_deterministic_and_learns_which_feature_says_right() -> None:
    rng = np.random.default_rng(0)
    rows = rng.integers(0, 2, size=(400, len(FEATURES))).astype(float)
    outcomes = (rows[:, 0] > 0).astype(float)  # right exactly when the first feature is on
    first, second = fit(rows, outcomes, 3.0), fit(rows, outcomes, 3.0)
    np.testing.assert_array_equal(first.weights, second.weights)
    probabilities = first.predict(rows)
    assert probabilities[outcomes == 1].min() > 0.8 and probabilities[outcomes == 0].max() < 0.2


def test_train_speaker_confidence_gives_the_same_bytes_each_time(cli: str, gum_folder: Path, tmp_path: Path) -> None:
    news = tmp_path / "news"
    (news / "judgments").mkdir(parents=True)
    for article in ("wire-summit-foreign-ministers.txt", "school-exclusions-trust.txt"):  # two judged articles
        shutil.copy(NEWS / article, news / article)
        shutil.copy(NEWS / "judgments" / f"{article}.jsonl", news / "judgments" / f"{article}.jsonl")
    digests = []
    for run in range(2):
        out = tmp_path / f"confidence-{run}.npz"
        result = subprocess.run(
            [cli, "train-speaker-confidence", str(gum_folder), "--out", str(out), "--folds", "2", "--news", str(news)],
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode == 0, result.stderr
        assert "judged news attributions fitted" in result.stdout and "GUM dev, speaker subset" in result.stdout
        assert (
            "judged news, the fit cross-validated (articles held out)" in result.stdout and "<- chosen" in result.stdout
        )
        assert SpeakerConfidence.load(out).weights.shape == (len(FEATURES),)
        digests.append(hashlib.sha256(out.read_bytes()).hexdigest())
    assert digests[0] == digests[1]
