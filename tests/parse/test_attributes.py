"""The vectorised attribute ruler and lemmatizer give spaCy's own POS, morphology and lemmas, token for token
(``benchmarks/token_attributes.py`` checks the same over all of PolNeAR train and dev)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from accordingto.parse.attributes import TokenAttributes, UnsupportedPattern, differing_tokens
from accordingto.parse.pipeline import SPACY_MODEL

# Texts of our own with what the ruler's patterns and the lemmatizer's rules single out: contractions and
# possessives, "'s" as a verb, auxiliaries, comparatives, numbers and symbols, several spaces and line breaks
# (space tokens), a headline without a verb, quotes, and a text with no attribution at all.
TEXTS = [
    "The minister's aides didn't say whether they'd been told.",
    "It's the biggest deal we've ever made, and it's better than theirs.",
    "Prices rose 3.5% to $12.40 a share on Tuesday.",
    "Officials  said\n\nthe talks   would resume.\n",
    "EXCLUSIVE: Mayor's office denies claims",
    '"We are not going anywhere," she insisted, adding that the workers had gone home.',
    "Running late again, the buses were cancelled by the city's transport authority.",
    "Nothing here is attributed to anyone; the river simply flows east.",
    "I'm sure you'll agree: he'd rather they hadn't.",
    "",
]


@pytest.fixture(scope="module")
def spacy_nlp() -> Language:
    return spacy.load(SPACY_MODEL)


def _parsed(nlp: Language, texts: list[str]) -> list[Doc]:
    """The texts parsed without the two components, twice over (one copy for each side)."""
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(nlp.pipe(texts))
    return list(DocBin(docs=docs).from_bytes(DocBin(docs=docs).to_bytes()).get_docs(nlp.vocab))


@pytest.mark.parametrize("text", TEXTS)
def test_same_attributes_as_spacy(spacy_nlp: Language, text: str) -> None:
    (reference,) = _parsed(spacy_nlp, [text])
    (ours,) = _parsed(spacy_nlp, [text])
    spacy_nlp.get_pipe("lemmatizer")(spacy_nlp.get_pipe("attribute_ruler")(reference))
    vectorised = TokenAttributes(spacy_nlp, "token_attributes", "attribute_ruler", "lemmatizer")
    vectorised(ours)
    assert differing_tokens(reference, ours) == []
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in reference]
    if text:
        assert all(t.pos_ for t in ours) and all(t.lemma_ for t in ours if not t.is_space)


def test_a_lemma_seen_before_comes_from_the_cache_unchanged(spacy_nlp: Language) -> None:
    vectorised = TokenAttributes(spacy_nlp, "token_attributes", "attribute_ruler", "lemmatizer")
    first, second = _parsed(spacy_nlp, ["The officials said so.", "Two officials said no."])
    vectorised(first)
    cached = len(vectorised._lemmas.lemmas) if vectorised._lemmas else 0
    vectorised(second)
    assert [t.lemma_ for t in second] == ["two", "official", "say", "no", "."]
    assert vectorised._lemmas is not None and len(vectorised._lemmas.lemmas) == cached + 2  # "Two", "no"


def test_the_pipeline_runs_the_vectorised_component_instead(nlp: Language) -> None:
    assert "token_attributes" in nlp.pipe_names
    assert {"attribute_ruler", "lemmatizer"} <= set(nlp.disabled)
    assert nlp.pipe_names.index("parser") < nlp.pipe_names.index("token_attributes") < nlp.pipe_names.index("ner")
    doc = nlp("The officials were saying that the talks had stalled.")
    assert [t.lemma_ for t in doc][:4] == ["the", "official", "be", "say"]
    assert doc[3].pos_ == "VERB" and doc[2].pos_ == "AUX"


def test_a_pattern_it_cannot_compile_is_refused() -> None:
    nlp = spacy.load(SPACY_MODEL)
    nlp.get_pipe("attribute_ruler").add([[{"SHAPE": "Xxxx"}]], {"POS": "PROPN"})
    vectorised = TokenAttributes(nlp, "token_attributes", "attribute_ruler", "lemmatizer")
    with pytest.raises(UnsupportedPattern, match="SHAPE"):
        vectorised.initialize()


def test_a_model_it_cannot_compile_keeps_spacys_components() -> None:
    from accordingto.parse.pipeline import _vectorise_token_attributes

    nlp = spacy.load(SPACY_MODEL)
    nlp.get_pipe("attribute_ruler").add([[{"SHAPE": "Xxxx"}]], {"POS": "PROPN"})
    _vectorise_token_attributes(nlp)
    assert "token_attributes" not in nlp.component_names
    assert {"attribute_ruler", "lemmatizer"} <= set(nlp.pipe_names)
