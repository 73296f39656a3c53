"""A pipeline with a component that crashes, for tests of how failures are reported."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from accordingto.pipes import AnnotatingPipe, record_error


class Exploding(AnnotatingPipe):
    """A component that fails on texts mentioning EXPLODE, as a buggy stage would."""

    def predict(self, doc: Doc) -> None:
        if "EXPLODE" in doc.text:
            raise RuntimeError("boom")

    def set_annotations(self, doc: Doc, prediction: None) -> None:
        pass


@Language.factory("test_exploding")
def make_exploding(nlp: Language, name: str) -> Exploding:
    pipe = Exploding()
    pipe.name = name
    return pipe


def exploding_pipeline() -> Language:
    """A blank English pipeline whose one component fails on EXPLODE, its failures kept on the document."""
    nlp = spacy.blank("en")
    nlp.add_pipe("test_exploding").set_error_handler(record_error)
    return nlp
