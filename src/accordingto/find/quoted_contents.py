"""Which attribution a quoted content joins when its own sentence has no cue for it: the quote it continues, the
paragraph of quotation after an attribution, and the cue that follows a quotation ("“...,” she said"); and the
quotation marks a content takes.
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc

from .cues import cue_root
from .groups import Group, Grouping, Layout
from .perceptron import ROLES
from .tagging import RoleSpan


def snap_to_quotes(spans: list[RoleSpan], quotes: list[tuple[int, int]], tags: np.ndarray) -> None:
    """Content that stops one token short of a quotation's edge takes the quotation mark too (PolNeAR includes
    the marks of a quoted content; the tagger sometimes leaves one out). Quotations are tried in order, each
    against the span as the ones before left it; only those just outside an edge of it are looked at."""
    inside_start: dict[int, list[int]] = {}  # token just inside a quotation's opening mark -> quotation numbers
    inside_end: dict[int, list[int]] = {}
    for n, (start, end) in enumerate(quotes):
        inside_start.setdefault(start + 1, []).append(n)
        inside_end.setdefault(end - 1, []).append(n)
    for span in spans:
        if span.role != "CONTENT":
            continue
        tried = -1
        while later := [n for n in (*inside_start.get(span.start, ()), *inside_end.get(span.end, ())) if n > tried]:
            tried = min(later)
            start, end = quotes[tried]
            if span.start == start + 1 and tags[start] == 0:
                span.start = start
            if span.end == end - 1 and tags[end - 1] == 0:
                span.end = end


def continued_quote(state: Grouping, span: RoleSpan, anywhere: bool = False) -> Group | None:
    """The attribution whose quote a cue-less quoted span continues: more sentences after '"A," he said.', or
    the next paragraph of a quote running over several (one quotation for ``find_quotes``). The group to follow is
    ``state.previous``, the one given the latest content (contents are given in text order, so its last one ends
    latest)."""
    layout, previous = state.layout, state.previous
    here = layout.quote_of(span.start) or layout.quote_of(span.end - 1)
    if here is None or previous is None:
        return None
    last = previous.contents[-1]
    there = layout.quote_of(last.end - 1) or layout.quote_of(last.start)
    if there is None:
        return None
    if anywhere or there == here or layout.same(layout.paragraph, span, last):
        return previous
    return None


def quoted_paragraph(state: Grouping, span: RoleSpan) -> Group | None:
    """The attribution a paragraph that is one quotation continues (tried after the cues of the span's own
    sentence): the one given the latest content, when that content ends in the paragraph just before.

    PolNeAR's guidelines bind a quote continued in its own paragraph to the attribution before it ("Sometimes the
    continuation will appear in its own paragraph. It should still be annotated as part of the same
    attribution"), also when what came before was no quotation ("He then argued that the plan would fail:" and a
    quoted paragraph, or a reported sentence followed by the speaker's words). ``continued_quote`` only follows
    a quote from a quote; this follows a paragraph's worth of quotation from whatever introduced it. On held-out
    train such paragraphs (tagged content, the gold cue in the paragraph before: 85) were left out of every
    attribution 34 times and joined the right one 42 times; with this, 7 and 52 (docs/experiments/extraction.md,
    "Direct quotes").
    """
    doc, layout, previous = state.doc, state.layout, state.previous
    quote = layout.quote_of(span.start) or layout.quote_of(span.end - 1)
    if quote is None:
        return None
    if not fills_its_paragraph(doc, layout, quote):
        return None
    paragraph = layout.paragraph[quote[0]]
    introducer = _introduced_by_colon(state, quote[0])
    if introducer is not None:
        return introducer
    if previous is None or layout.paragraph[previous.contents[-1].end - 1] != paragraph - 1:
        return None
    return previous


def fills_its_paragraph(doc: Doc, layout: Layout, quote: tuple[int, int]) -> bool:
    """Whether a quotation is its paragraph's whole text (punctuation after it aside)."""
    start, end = layout.paragraph_bounds(quote[0])
    return all(doc[i].is_space for i in range(start, quote[0])) and all(
        doc[i].is_space or doc[i].is_punct for i in range(quote[1], end)
    )


def _introduced_by_colon(state: Grouping, first: int) -> Group | None:
    """The cue, still without content, that a colon ending the paragraph before ``first`` follows ("He said:",
    "In a statement, the ministry wrote:"): the colon hands the paragraph after it to that cue. A block quotation
    set off in its own paragraph is introduced so in online news and press releases; without this the cue had
    nothing to report and the quotation joined whatever attribution came before it, or none."""
    doc, layout = state.doc, state.layout
    before = first - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    if before < 0 or doc[before].text != ":" or layout.paragraph[before] != layout.paragraph[first] - 1:
        return None
    # The cue of the colon's own sentence (the tagger often takes the colon into the cue): a phrase between
    # them ("said on Tuesday:", "wrote in a letter to members:") stays within that sentence.
    near = state.cues.near("sentence", RoleSpan("CUE", before, before + 1))
    return max(
        (group for group in near if not group.contents and group.cue.end <= before + 1),
        key=lambda group: group.cue.end,
        default=None,
    )


# A quotation ends its sentence with a period; one its speaker and verb follow ends with a comma or a dash ("“...,”
# she said"), or with a question or exclamation mark before a word in lower case ("“Why?” she asked").
QUOTE_GOES_ON = frozenset({",", "-", "--", "–", "—"})
QUOTE_ASKS = frozenset({"?", "!"})
SENTENCE_ENDS = frozenset({".", "?", "!", "..."})


def _sentence_goes_on(doc: Doc, quote: tuple[int, int]) -> bool:
    """The quotation does not end its sentence: a comma or dash at its end (inside the closing mark or just
    after it), or a question or exclamation mark followed by a word in lower case."""
    inner, after = (
        doc[quote[1] - 2].text if quote[1] - 2 > quote[0] else "",
        doc[quote[1]].text if quote[1] < len(doc) else "",
    )
    if inner in QUOTE_GOES_ON or after in QUOTE_GOES_ON:
        return True
    if inner in QUOTE_ASKS:
        following = next((token for token in doc[quote[1] :] if not (token.is_punct or token.is_space)), None)
        return following is not None and following.text[:1].islower()
    return False


def quote_before_its_cue(state: Grouping, span: RoleSpan) -> tuple[int, Group] | None:
    """The quotation a content span ends with, when a tagged cue follows it with only punctuation and a tagged
    source between ("“...,” she wrote", "“...,” wrote Smith"): where the quotation starts in the span, and the
    cue's group.

    A quotation followed by its speaker and verb is that verb's complement (a fronted quote, or quotative
    inversion: the guidelines' own example of a direct quote is "“I have no regrets,” said Lowell."). The other
    routes may give it to another cue: the parse links the quote to a verb before it ("Clinton seemed irritated:
    “...,” she wrote"), or the tagger ran one content span from an earlier report into the quote ("he called the
    businessman “unhinged.” “So Donald ...,” the former governor said"). On held-out train, the gold cue of 122
    unmatched direct quotes was tagged but left without content, its quote in another group by the parse; with
    this rule 96, and 22 more direct quotes matched (docs/experiments/extraction.md, "A quote before its own cue").
    """
    doc, layout = state.doc, state.layout
    quote = layout.quote_of(span.end - 1)
    if quote is None or quote[1] not in (span.end, span.end + 1) or not _sentence_goes_on(doc, quote):
        return None
    source = ROLES.index("SOURCE") + 1  # a role id of ``tagged_spans``
    first = next((i for i in range(quote[1], len(doc)) if not (doc[i].is_punct or doc[i].is_space)), len(doc))
    for i in range(quote[1], len(doc)):
        if layout.paragraph[i] != layout.paragraph[quote[0]] or doc[i].text in SENTENCE_ENDS:
            return None
        if doc[i].is_punct or doc[i].is_space or (int(state.tags[i]) + 1) // 2 == source:
            continue
        following = [group for group in state.cues.near("sentence", RoleSpan("CUE", i, i + 1)) if group.cue.start == i]
        if not following or (i == first and _joins_a_clause(doc, following[0].cue)):
            return None
        return max(quote[0], span.start), following[0]
    return None


def _joins_a_clause(doc: Doc, cue: RoleSpan) -> bool:
    """A participle right after a quotation ("“...,” adding that ...", "“...,” referring to ...") continues the
    clause of the verb that introduced the quote: it is that speaker's next act, not the quote's own cue (but
    "according to" names the quote's source)."""
    root = doc[cue_root(doc, cue)]
    return root.tag_ == "VBG" and root.lower_ != "according"
