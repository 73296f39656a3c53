"""The pipeline as spaCy sees it: registered components, serializable results, multiprocessing, error handling."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from spacy.language import Language
from spacy.tokens import Doc, DocBin

import accordingto
from accordingto.annotations import analysis_from_doc
from accordingto.parse import COMPONENTS
from accordingto.parse.pipeline import AFTER_LEMMATIZER, AFTER_PARSER, BEFORE_PARSER
from accordingto.pipes import AnnotatingPipe, record_error

# Quotes, "according to", a pronoun and a time: texts on which the tagger's two stages differ.
SAVED_TEXTS = [
    'The mayor said on Monday the bridge would reopen in May. "We are nearly there," she added.',
    "According to the police, the suspect fled on foot, officials told reporters.",
    '"It is over," the coach said. He said the team would rebuild.',
    "Smith, a spokesman for the company, denied reports that the plant would close.",
]
TEXTS = [
    'The mayor said the bridge would reopen in May. "We are nearly there," she added.',
    "Nothing in this sentence is attributed to anyone.",
    "According to the police, the suspect fled on foot.",
]


def test_components_follow_the_spacy_model_in_data_order(nlp: Language) -> None:
    ours = [name for name in nlp.pipe_names if name.startswith("accordingto_")]
    assert ours == [factory for factory, _ in BEFORE_PARSER + AFTER_PARSER + AFTER_LEMMATIZER + COMPONENTS]
    assert nlp.pipe_names.index("accordingto_line_starts") == nlp.pipe_names.index("parser") - 1
    assert nlp.pipe_names.index("accordingto_sentence_bounds") == nlp.pipe_names.index("parser") + 1
    assert nlp.pipe_names.index("accordingto_misread_verbs") == nlp.pipe_names.index("parser") + 2
    assert nlp.pipe_names.index("accordingto_speaker_labels") == nlp.pipe_names.index("parser") + 3
    assert nlp.pipe_names.index("accordingto_unknown_subjects") == nlp.pipe_names.index("parser") + 4
    assert nlp.pipe_names.index("accordingto_american_spelling") == nlp.pipe_names.index("token_attributes") + 1
    assert nlp.pipe_names.index(COMPONENTS[0][0]) > nlp.pipe_names.index("ner")


def test_results_survive_docbin(nlp: Language) -> None:
    docs = list(nlp.pipe(TEXTS))
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    restored = list(DocBin(store_user_data=True).from_bytes(data).get_docs(nlp.vocab))
    assert [analysis_from_doc(d) for d in restored] == [analysis_from_doc(d) for d in docs]
    assert any(analysis_from_doc(d).attributions for d in docs)


@pytest.mark.slow
def test_two_processes_give_the_same_results(nlp: Language) -> None:
    single = [analysis_from_doc(d).to_dict() for d in nlp.pipe(TEXTS)]
    multi = [analysis_from_doc(d).to_dict() for d in nlp.pipe(TEXTS, n_process=2, batch_size=1)]
    assert multi == single


class _Exploding(AnnotatingPipe):
    """A component that fails on documents containing BOOM, to check that a batch survives it."""

    def __init__(self, name: str) -> None:
        self.name = name

    def predict(self, doc: Doc) -> Any:
        if "BOOM" in doc.text:
            raise ValueError("cannot handle this document")
        return None

    def set_annotations(self, doc: Doc, prediction: Any) -> None:
        return None


def test_a_failing_document_is_reported_and_the_batch_goes_on() -> None:
    from accordingto.parse.pipeline import build_pipeline

    nlp = build_pipeline()
    nlp.add_pipe("accordingto_test_exploding", after="accordingto_attributions")
    articles = [accordingto.Article(text=t, id=str(i)) for i, t in enumerate([TEXTS[0], "He said BOOM.", TEXTS[2]])]
    outcomes = list(accordingto.analyze_many(articles, nlp=nlp))
    assert [o.article.id for o in outcomes] == ["0", "1", "2"]
    assert outcomes[1].analysis is None and "cannot handle this document" in str(outcomes[1].error)
    assert outcomes[0].analysis is not None and outcomes[2].analysis is not None


@Language.factory("accordingto_test_exploding")
def _make_exploding(nlp: Language, name: str) -> _Exploding:
    pipe = _Exploding(name)
    pipe.set_error_handler(record_error)
    return pipe


def test_empty_and_oversized_articles_fail_alone(nlp: Language) -> None:
    articles = [
        accordingto.Article(text="", id="empty"),
        accordingto.Article(text=TEXTS[2], id="good"),
        accordingto.Article(text="x" * (accordingto.read.MAX_TEXT_CHARS + 1), id="huge"),
    ]
    outcomes = list(accordingto.analyze_many(articles, nlp=nlp))
    assert [(o.article.id, o.error is None) for o in outcomes] == [("empty", False), ("good", True), ("huge", False)]
    assert "empty" in str(outcomes[0].error) and "too large" in str(outcomes[2].error)


def test_analyze_pipes_finds_every_requirement_met(nlp: Language) -> None:
    """Each component declares what it reads and writes; spaCy finds a writer before every reader."""
    analysis = nlp.analyze_pipes(pretty=False)
    assert all(problems == [] for problems in analysis["problems"].values()), analysis["problems"]
    summary = analysis["summary"]
    assert "doc._.accordingto_parents" in summary["accordingto_nesting"]["assigns"]
    assert "doc._.accordingto_parents" in summary["accordingto_provenance"]["requires"]
    assert all(summary[factory]["assigns"] for factory, _ in COMPONENTS)


def test_a_component_out_of_order_is_a_problem_spacy_reports() -> None:
    from accordingto.parse.pipeline import build_pipeline

    nlp = build_pipeline()
    nlp.remove_pipe("accordingto_nesting")
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert problems["accordingto_provenance"] == ["doc._.accordingto_parents"]
    # And at run time the stage names what is missing instead of guessing; the batch reports it per article.
    articles = [accordingto.Article(text=TEXTS[0], id="0")]
    (outcome,) = accordingto.analyze_many(articles, nlp=nlp)
    assert "accordingto_nesting" in str(outcome.error)


def test_factories_are_registered_as_entry_points() -> None:
    """spaCy finds the factories of a saved pipeline through the ``spacy_factories`` entry points."""
    from importlib.metadata import entry_points

    found = {point.name: point.value for point in entry_points(group="spacy_factories")}
    for factory, module in BEFORE_PARSER + AFTER_PARSER + COMPONENTS:
        assert found.get(factory, "").startswith(f"{module}:"), factory
        assert callable(entry_points(group="spacy_factories", name=factory)[factory].load())


SAVED_PIPELINE_CHILD = """
import json, sys
import spacy
assert not any(name.startswith("accordingto") for name in sys.modules)
nlp = spacy.load(sys.argv[1])
from accordingto.annotations import analysis_from_doc
print(json.dumps([analysis_from_doc(doc).to_dict() for doc in nlp.pipe(json.loads(sys.argv[2]))]))
"""


@pytest.mark.slow
def test_a_saved_pipeline_loads_in_a_new_process_with_its_weights(tmp_path: Path) -> None:
    """``nlp.to_disk`` then ``spacy.load`` in a fresh interpreter (no accordingto import first) gives the same
    analyses, with the tagger weights that were saved (here the first stage alone, not the shipped model)."""
    import dataclasses
    import json
    import subprocess
    import sys

    from accordingto.find.attributions import AttributionsPipe
    from accordingto.find.tagging import load_model
    from accordingto.parse.pipeline import build_pipeline

    nlp = build_pipeline()
    tagger = nlp.get_pipe("accordingto_attributions")
    assert isinstance(tagger, AttributionsPipe)
    shipped = [analysis_from_doc(doc).to_dict() for doc in nlp.pipe(SAVED_TEXTS)]
    assert load_model().second is not None
    tagger.model = dataclasses.replace(load_model(), second=None)
    expected = [analysis_from_doc(doc).to_dict() for doc in nlp.pipe(SAVED_TEXTS)]
    assert expected != shipped, "the saved weights must give other results than the shipped ones"
    nlp.to_disk(tmp_path / "pipeline")
    result = subprocess.run(
        [sys.executable, "-c", SAVED_PIPELINE_CHILD, str(tmp_path / "pipeline"), json.dumps(SAVED_TEXTS)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == expected


def test_tagger_weights_round_trip_through_bytes(nlp: Language) -> None:
    from accordingto.find.attributions import AttributionsPipe

    tagger = nlp.get_pipe("accordingto_attributions")
    unread = AttributionsPipe(nlp, "copy", model_path="/nowhere/never-read.npz", min_confidence=None)
    copy = unread.from_bytes(tagger.to_bytes())
    assert np.array_equal(copy.model.weights, tagger.model.weights.astype(np.float16).astype(np.float32))
    assert np.array_equal(copy.model.transitions, tagger.model.transitions)


def test_the_tagger_weights_are_loaded_when_the_pipeline_is_built(tmp_path: Path) -> None:
    """A missing weights file stops the pipeline from being built (a ModelError), rather than failing every
    article later."""
    from accordingto.errors import ModelError
    from accordingto.find.attributions import AttributionsPipe

    nlp = accordingto.load_pipeline()
    tagger = nlp.get_pipe("accordingto_attributions")
    assert isinstance(tagger, AttributionsPipe) and tagger._model is not None
    broken = AttributionsPipe(nlp, "broken", model_path=str(tmp_path / "missing.npz"), min_confidence=None)
    with pytest.raises(ModelError):
        broken.initialize(list, nlp=nlp)
