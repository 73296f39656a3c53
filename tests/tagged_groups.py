"""Groups as the tagger may make them, for tests of the rules that revise a group (``find.sources``,
``find.cues``): in a longer article the tagger tags a hearer, a label, a thing added or a subject inside the cue,
which a lone sentence seldom shows, so the test builds the group by hand."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from accordingto.annotations import analysis_from_doc
from accordingto.find.groups import Group
from accordingto.find.tagging import RoleSpan
from accordingto.model import Attribution


def attributions(nlp: Language, text: str) -> list[Attribution]:
    return analysis_from_doc(nlp(text)).attributions


def group_of(nlp: Language, text: str, cue: str, content: str, source: str | None) -> tuple[Group, Doc]:
    """The group whose cue, content and source are the first words of ``text`` that read so (no source when
    ``source`` is None), and the parsed text."""
    doc = nlp(text)

    def span(role: str, words: str) -> RoleSpan:
        start = text.index(words)
        found = doc.char_span(start, start + len(words), alignment_mode="expand")
        assert found is not None
        return RoleSpan(role, found.start, found.end)

    sources = [] if source is None else [span("SOURCE", source)]
    return Group(cue=span("CUE", cue), contents=[span("CONTENT", content)], sources=sources), doc
