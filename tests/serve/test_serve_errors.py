"""A failure on our side is a 5xx, never a 4xx the client would take for its own mistake."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from spacy.language import Language
from spacy.tokens import Doc

from accordingto.serve import create_app


@pytest.fixture
def crashing(nlp: Language) -> Iterator[None]:
    """The shared pipeline with one component that raises on every document, for the length of a test."""
    component = nlp.get_pipe("accordingto_quotes")

    def boom(doc: Doc) -> None:
        raise RuntimeError("boom")

    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(vars(component), "predict", boom)
        yield


def test_a_crashing_component_is_a_server_error(nlp: Language, crashing: None) -> None:
    with TestClient(create_app()) as client:
        response = client.post("/analyze", json={"text": "The minister said the talks had failed."})
    assert response.status_code == 500
    assert response.json() == {"detail": "analysis failed in accordingto_quotes: RuntimeError: boom"}


def test_a_bad_text_is_still_the_clients_error(nlp: Language) -> None:
    with TestClient(create_app()) as client:
        assert client.post("/analyze", json={"text": "   "}).status_code == 422
