"""Stages made slow on purpose, for tests of the per-article budget: every accordingto stage spends
``SPIN_SECONDS`` of CPU on a text saying SLOW (as a stage stuck on a bad input would), so that a budget's
checkpoints between stages have something to stop."""

from __future__ import annotations

import time

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from accordingto.batch.runner import model_components
from accordingto.pipes import AnnotatingPipe

SLOW = "This one is SLOW: the minister said the talks had failed."
QUICK = "The minister said the talks had resumed."
SPIN_SECONDS = 0.2


def spin(seconds: float) -> None:
    """Burn CPU time of this thread (what a budget counts)."""
    until = time.thread_time() + seconds
    while time.thread_time() < until:
        pass


def make_stages_slow(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Patch the pipeline's stages (undone by ``monkeypatch``); returns the list of stages that spun, filled as
    they do."""
    spun: list[str] = []
    model = model_components(nlp)  # the model's own components (and what stands in for them) are not stages
    for name, component in nlp.pipeline:
        if isinstance(component, AnnotatingPipe) and name not in model:
            original = component.predict

            def predict(doc: Doc, original=original, name=name):  # type: ignore[no-untyped-def]
                if "SLOW" in doc.text:
                    spun.append(name)
                    spin(SPIN_SECONDS)
                return original(doc)

            monkeypatch.setattr(component, "predict", predict)
    return spun
