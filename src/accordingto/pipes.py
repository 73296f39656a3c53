"""The base of every accordingto pipeline component.

spaCy's contract: ``__call__`` predicts then sets annotations; ``pipe`` does the same over a stream. A document
that makes a component fail goes to the component's error handler (``Pipe.set_error_handler``); the default handler
re-raises. ``load_pipeline`` installs ``record_error`` instead, which marks the document as failed so that later
components pass over it and ``analyze_many`` reports it as one failed article while the batch goes on. Before
each component a document's budget is checked (``budget.check``): one over it is stopped the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, TypeVar

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from . import budget
from .annotations import ERROR
from .errors import AnalysisCancelledError, BudgetExceededError

logger = logging.getLogger(__name__)

Prediction = TypeVar("Prediction")
Factory = TypeVar("Factory", bound=Callable[..., Any])


def component_factory(
    name: str, *, assigns: list[str], requires: list[str], default_config: dict[str, Any] | None = None
) -> Callable[[Factory], Factory]:
    """``Language.factory`` for an accordingto component: it declares what it reads (``requires``) and writes
    (``assigns``) so that ``nlp.analyze_pipes()`` shows the data flow, and never changes the tokens."""
    register: Callable[[Factory], Factory] = Language.factory(
        name, default_config=default_config or {}, assigns=assigns, requires=requires, retokenizes=False
    )
    return register


def record_error(name: str, component: Any, docs: list[Doc], error: Exception) -> None:
    """Error handler: keep the failure on the document instead of stopping the batch."""
    for doc in docs:
        logger.warning("component %s failed on a document: %s", name, error)
        ERROR.set(doc, f"analysis failed in {name}: {type(error).__name__}: {error}")


def doc_error(doc: Doc) -> str | None:
    """The failure a component recorded on this document, if any."""
    return ERROR.get(doc)


class AnnotatingPipe(Pipe, Generic[Prediction]):
    """A component without trained weights of its own: subclasses implement ``predict(doc)`` and
    ``set_annotations(doc, prediction)`` for their ``Prediction`` type, one document at a time."""

    name: str

    def predict(self, doc: Doc) -> Prediction:
        raise NotImplementedError

    def set_annotations(self, doc: Doc, prediction: Prediction) -> None:
        raise NotImplementedError

    def _annotate(self, doc: Doc) -> None:
        if self._admit(doc):
            self._apply(doc, self.predict)

    def _admit(self, doc: Doc) -> bool:
        """Whether this component is to work on the doc: not when an earlier one failed on it (it is reported,
        not analysed further), nor when its budget is spent at this checkpoint (recorded as its failure)."""
        if doc_error(doc) is not None:
            return False
        try:
            budget.check(doc, self.name)  # the budget's checkpoint before every component
        except (BudgetExceededError, AnalysisCancelledError) as stopped:
            ERROR.set(doc, str(stopped))
            return False
        return True

    def _apply(self, doc: Doc, predict: Callable[[Doc], Prediction]) -> None:
        """Annotate an admitted doc with what ``predict`` says, a failure going to the error handler."""
        try:
            self.set_annotations(doc, predict(doc))
        except Exception as error:  # noqa: BLE001 - routed to the configurable handler
            self.get_error_handler()(self.name, self, [doc], error)

    def __call__(self, doc: Doc) -> Doc:
        self._annotate(doc)
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            self._annotate(doc)
            yield doc
