"""Fuzzed texts through the pipeline: every article comes back as an analysis whose offsets lie inside its text
and quote it exactly, or as a failure of its input (never a component crashing); one result per article."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from accordingto.analyze import analyze_many
from accordingto.model import Article
from fuzz_inputs import FUZZ, check_offsets, news_texts, texts_with_surrogates

# Why an input may fairly fail: its text (empty, binary, a lone surrogate...) or, on a loaded machine, its budget.
FAIR_FAILURES = {"EmptyInputError", "EncodingError", "BinaryInputError", "InputError", "BudgetExceededError"}


def test_any_text_is_analysed_with_offsets_into_it_or_fails_as_an_input(nlp: Language) -> None:
    @FUZZ.__class__(FUZZ, max_examples=40)
    @given(texts=st.lists(st.one_of(news_texts, texts_with_surrogates), min_size=1, max_size=3))
    def analyse(texts: list[str]) -> None:
        outcomes = list(analyze_many((Article(text=text, id=f"t{n}") for n, text in enumerate(texts)), nlp=nlp))
        assert [outcome.article.id for outcome in outcomes] == [f"t{n}" for n in range(len(texts))]
        for text, outcome in zip(texts, outcomes, strict=True):
            assert (outcome.analysis is None) != (outcome.error is None)
            if outcome.analysis is not None:
                check_offsets(text, outcome.analysis)
            else:
                assert outcome.error is not None
                assert outcome.error.error in FAIR_FAILURES, outcome.error

    analyse()
