"""The pipeline as spaCy sees it: registered components, serializable results, multiprocessing, error handling."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc, DocBin

import accordingto
from accordingto.annotations import analysis_from_doc
from accordingto.parse import COMPONENTS
from accordingto.pipes import AnnotatingPipe, record_error

TEXTS = [
    'The mayor said the bridge would reopen in May. "We are nearly there," she added.',
    "Nothing in this sentence is attributed to anyone.",
    "According to the police, the suspect fled on foot.",
]


def test_components_follow_the_spacy_model_in_data_order(nlp: Language) -> None:
    ours = [name for name in nlp.pipe_names if name.startswith("accordingto_")]
    assert ours == [factory for factory, _ in COMPONENTS]
    assert nlp.pipe_names.index(ours[0]) > nlp.pipe_names.index("parser")


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
