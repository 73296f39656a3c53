"""Parse: spaCy's English pipeline with accordingto's components added after it."""

from .pipeline import COMPONENTS, SPACY_MODEL, load_pipeline

__all__ = ["COMPONENTS", "SPACY_MODEL", "load_pipeline"]
