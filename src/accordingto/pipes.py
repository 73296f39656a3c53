"""The base of every accordingto pipeline component.

spaCy's contract: ``__call__`` predicts then sets annotations; ``pipe`` does the same over a stream. A document
that makes a component fail goes to the component's error handler (``nlp.set_error_handler``), so a batch can skip
it and go on instead of dying; the default handler re-raises.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.pipeline import Pipe
from spacy.tokens import Doc

logger = logging.getLogger(__name__)


class AnnotatingPipe(Pipe):
    """A non-trainable component: subclasses implement ``predict(doc)`` and ``set_annotations(doc, prediction)``."""

    name: str

    def predict(self, doc: Doc) -> Any:  # type: ignore[override]
        raise NotImplementedError

    def set_annotations(self, doc: Doc, prediction: Any) -> None:  # type: ignore[override]
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        try:
            self.set_annotations(doc, self.predict(doc))
        except Exception as error:  # noqa: BLE001 - routed to the configurable handler
            self.get_error_handler()(self.name, self, [doc], error)
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        error_handler = self.get_error_handler()
        for doc in stream:
            try:
                self.set_annotations(doc, self.predict(doc))
            except Exception as error:  # noqa: BLE001 - routed to the configurable handler
                logger.debug("%s failed on a document: %s", self.name, error)
                error_handler(self.name, self, [doc], error)
                continue
            yield doc
