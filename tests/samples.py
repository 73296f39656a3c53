"""Hand-made analyses built from words looked up in a text, for the tests of everything after the pipeline (the
store, the renderers, the service): what they show must not depend on what the extractor finds today."""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc

from accordingto.find.perceptron import TAG_INDEX
from accordingto.model import Analysis, Attribution, AttributionType, Provenance, Range, Source, SourceKind


def span(text: str, words: str, after: int = 0) -> Range:
    """The character range of the first ``words`` at or after ``after``."""
    start = text.index(words, after)
    return (start, start + len(words))


def attribution(
    text: str,
    aid: str,
    source: str | None,
    cue: str,
    content: str,
    source_id: str | None = None,
    *,
    type: AttributionType | None = None,
    after: int = 0,
    **extra: object,
) -> Attribution:
    """An attribution whose ranges are found by looking the words up in the text (at or after ``after``, so
    repeated words find the right one); direct when the content opens right after a quotation mark, indirect
    otherwise, unless ``type`` says."""
    content_range = span(text, content, after)
    cue_range = span(text, cue, after)
    source_ranges = [span(text, source, after)] if source else []
    opens_quote = text[content_range[0] - 1 : content_range[0]] in '"“'
    return Attribution(
        id=aid,
        type=type or ("direct" if opens_quote else "indirect"),
        source=source_ranges,
        cue=[cue_range],
        content=[content_range],
        source_text=source,
        cue_text=cue,
        content_text=content,
        source_id=source_id,
        **extra,  # type: ignore[arg-type]
    )


def gold(text: str, source: str, cue: str, content: str) -> Attribution:
    """One indirect gold attribution, as a corpus reader would give it, from its words in the text."""
    return attribution(text, "g", source, cue, content, type="indirect")


def bio_tags(doc: Doc, roles: dict[str, str]) -> np.ndarray:
    """The tagger's BIO tags from ``{phrase: role}`` (SOURCE, CUE, CONTENT), each phrase found once in the
    text; every other token O."""
    tags = np.zeros(len(doc), dtype=np.intp)
    for phrase, role in roles.items():
        start_char = doc.text.index(phrase)
        span = doc.char_span(start_char, start_char + len(phrase))
        assert span is not None, phrase
        tags[span.start] = TAG_INDEX[f"B-{role}"]
        tags[span.start + 1 : span.end] = TAG_INDEX[f"I-{role}"]
    return tags


def source(sid: str, name: str, *, named: bool = True, kind: SourceKind = "person", description: str = "") -> Source:
    return Source(id=sid, name=name, kind=kind, named=named, description=description or name)


def relayed_statement(
    text: str,
    speaker: str,
    content: str,
    record: Source,
    *,
    credit: str,
    credit_words: str,
    confidence: float,
    type: AttributionType | None = None,
) -> Analysis:
    """One statement "SPEAKER said CONTENT" by the source ``record``, relayed from the upstream report ``credit``
    (written as ``credit_words`` in the text), found with ``confidence``."""
    return Analysis(
        text=text,
        attributions=[attribution(text, "a1", speaker, "said", content, record.id, type=type, confidence=confidence)],
        sources=[record],
        provenance=[Provenance(name=credit, spans=[span(text, credit_words)], attribution_ids=["a1"])],
    )
