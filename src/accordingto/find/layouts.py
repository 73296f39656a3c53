"""Layouts the tagger mostly misses, found from the page: a quote a name introduces or signs with a colon or dash
(vox-pops), a headline "Source: ..." and a transcript's "SPEAKER: ..." turns.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
from spacy.tokens import Doc, Span, Token

from .. import lexicon
from .groups import Group, Grouping, Layout
from .quoted_contents import fills_its_paragraph
from .sources import SPEAKER_ENTITIES
from .tagging import RoleSpan

MAX_INTRODUCED_SPEAKER = 10


def _speaker_like(doc: Doc, start: int, end: int) -> bool:
    """A short phrase with a name or pronoun and no verb: "Julie Martinez", "PENCE", "Sen. Warren (D-Mass.)"."""
    words = [token for token in doc[start:end] if not token.is_punct]
    return (
        0 < end - start <= MAX_INTRODUCED_SPEAKER
        and any(token.pos_ in ("PROPN", "PRON") for token in words)
        and not any(token.pos_ in ("VERB", "AUX") for token in words)
    )


def introduced_quote(state: Grouping, span: RoleSpan) -> Group | None:
    """A new attribution for a quote that a name introduces, or signs, with a colon or a dash at an edge of
    its paragraph ("Julie Martinez ― “...”", "PENCE: “...”", "“...” ― Beck Pimentel"): a layout of vox-pops
    and transcripts the tagger often misses. The mark is the cue, the name the source."""
    doc, layout = state.doc, state.layout
    quote = layout.quote_of(span.start)
    if quote is None:
        return None
    paragraph = layout.paragraph[quote[0]]

    def in_paragraph(i: int) -> bool:
        return 0 <= i < len(doc) and layout.paragraph[i] == paragraph and not doc[i].is_space

    mark = quote[0] - 1
    if in_paragraph(mark) and doc[mark].text in lexicon.SPEECH_MARKS:
        start = mark
        while in_paragraph(start - 1):
            start -= 1
        if _speaker_like(doc, start, mark):
            speaker = RoleSpan("SOURCE", start, mark)
            group = Group(cue=RoleSpan("CUE", mark, mark + 1), sources=[speaker])
            state.groups.append(group)
            return group
    mark = quote[1]
    if in_paragraph(mark) and doc[mark].text in lexicon.SPEECH_MARKS:
        end = mark + 1
        while in_paragraph(end) and not doc[end].is_sent_end:
            end += 1
        if in_paragraph(end) and not doc[end].is_punct:
            end += 1  # the sentence's last word (a period stays out)
        if _speaker_like(doc, mark + 1, end):
            group = Group(cue=RoleSpan("CUE", mark, mark + 1), sources=[RoleSpan("SOURCE", mark + 1, end)])
            state.groups.append(group)
            return group
    return None


def signed_quote(state: Grouping, span: RoleSpan) -> Group | None:
    """The attribution of a quotation that fills its paragraph and is signed on the line below it, the line opening
    with a dash and the speaker's name ("“...”" and then "— Ruth Ellery, mother of ..."): the layout of "what they
    said" roundups, epigraphs and pull-out reactions, where the signature line is the only attribution the quote
    has (and whatever came before it belongs to another speaker, so it must win over ``quoted_paragraph``). The
    dash is the cue, the name up to the first comma the source: what follows the comma describes the speaker
    ("parents of ...", "statement read outside court by ..."), so cues in it report nothing of their own
    (``on_signature``). The name must look like one (``_speaker_like``), which a dash opening a paragraph of prose
    ("— and then the lights went out") does not."""
    doc, layout = state.doc, state.layout
    quote = layout.quote_of(span.start) or layout.quote_of(span.end - 1)
    if quote is None or not fills_its_paragraph(doc, layout, quote):
        return None
    mark = layout.paragraph_bounds(quote[0])[1]
    while mark < len(doc) and doc[mark].is_space:
        mark += 1
    if mark >= len(doc) or doc[mark].text not in lexicon.SPEECH_MARKS or doc[mark].text == ":":
        return None
    for group in state.groups:
        if group.cue.start == mark:
            return group  # another piece of the same quotation
    line_end = layout.paragraph_bounds(mark)[1]
    end = next((i for i in range(mark + 1, line_end) if doc[i].text == ","), line_end)
    while end > mark + 1 and (doc[end - 1].is_space or doc[end - 1].text == "."):
        end -= 1
    if not _speaker_like(doc, mark + 1, end):
        return None
    group = Group(cue=RoleSpan("CUE", mark, mark + 1), sources=[RoleSpan("SOURCE", mark + 1, end)])
    state.groups.append(group)
    return group


def on_signature(doc: Doc, layout: Layout, group: Group, groups: list[Group]) -> bool:
    """Whether the group's cue stands on the signature line of another group's quotation (``signed_quote``), after
    the name: "statement read outside court by ..." says how the quote above was given, not a statement."""
    start = layout.paragraph_bounds(group.cue.start)[0]
    return any(
        other is not group
        and other.cue.start < group.cue.start
        and other.cue.start >= start
        and other.routes[:1] == ["introduced"]
        and doc[other.cue.start].text in lexicon.SPEECH_MARKS
        and all(doc[i].is_space for i in range(start, other.cue.start))
        for other in groups
    )


def leave_out_introductions(doc: Doc, layout: Layout, spans: list[RoleSpan]) -> None:
    """A content span that runs from a speaker's name over the mark into the quotation it introduces ("Tom Becker,
    52, a welder ― “...”", tagged content from "a welder") starts at the quotation instead: the name, its
    apposition and the mark are the source and cue of the ``introduced`` route, not what was said."""
    opening = dict(layout.quotes)
    for span in spans:
        if span.role != "CONTENT":
            continue
        for start in range(span.start + 1, span.end):
            mark = start - 1
            if start not in opening or doc[mark].text not in lexicon.SPEECH_MARKS:
                continue
            first = _paragraph_first(doc, layout, mark)
            if first <= span.start and _speaker_like(doc, first, mark):
                span.start = start
            break


# A dateline or a live text's timestamp opens a paragraph and ends with a dash: "VALCORA, Nov 19 (Meridian Press) -",
# "BRENMOUTH, 3 March 2027 /PRNewsline/ --", "HARLOW COUNTY, Mo. (KTVR) —", "16:58 -". It says where, when and
# from whom the story was filed, and is no part of the sentence after it: the tagger, having seen few, runs the
# sentence's source or content back over it (news22: a press release's source "BRENMOUTH, 3 March 2027
# /PRNewsline/ -- Voltrane Energy Systems AG", resolved to the town). A dateline's first word is a place in
# capitals, a timestamp's a clock time; neither has a verb before the dash.
MAX_DATELINE = 15
_CLOCK_TIME = re.compile(r"^\d{1,2}[:.]\d{2}$")
_DASHES = frozenset(mark for mark in lexicon.SPEECH_MARKS if mark != ":")


def leave_out_datelines(doc: Doc, layout: Layout, spans: list[RoleSpan]) -> None:
    """A source or content span that runs from a paragraph's dateline or timestamp over its dash (see above)
    starts after the dash."""
    for span in spans:
        first = _paragraph_first(doc, layout, span.start)
        if span.start > first:
            continue
        dash = next((i for i in range(first + 1, min(span.end, first + MAX_DATELINE)) if doc[i].text in _DASHES), None)
        if dash is None or not _dateline(doc[first:dash]):
            continue
        start = dash + 1
        while start < span.end and doc[start].is_space:
            start += 1
        if start < span.end:
            span.start = start


def _dateline(words: Span) -> bool:
    """Whether the words before a paragraph's first dash are a dateline or a timestamp (see above)."""
    opening = words[0]
    place = opening.is_upper and sum(c.isalpha() for c in opening.text) >= 2
    return (place or bool(_CLOCK_TIME.match(opening.text))) and not any(
        token.pos_ in ("VERB", "AUX") for token in words
    )


def _paragraph_first(doc: Doc, layout: Layout, i: int) -> int:
    """The first token of ``i``'s paragraph that is not a space."""
    start = layout.paragraph_bounds(i)[0]
    while start < i and doc[start].is_space:
        start += 1
    return start


# PolNeAR makes a colon a cue when it introduces what a source says (its guidelines: "Romeo: “Is the day so
# young?”", "Her advice: ..."), quoted or not. Two layouts put such a colon after a bare name at the start of a line,
# which the tagger, having seen few of them, mostly leaves untagged: a headline "Source: what it says" ("Sanders:
# Clinton Email Story Has Moved", "Poll: ...") and a transcript's speaker labels ("TAPPER: Do you think ...?").
# The words before the colon must name a source: in a headline, a name the entity recognizer marks or a noun of
# ``lexicon.HEADLINE_SOURCES`` (not "The Latest:", "Breaking:", "BYLINE:"); in a transcript, capitals (the
# convention of broadcast transcripts) or capitalised words (a print interview's "Pryce: We have changed the
# rules", news14) naming a person (a first name and surname, "JAKE TAPPER", or the surname of
# a person the article names, "FALLIN" for "Mary Fallin"; not "RELATED:" or "MORE:"), used by turns, so that at
# least two speakers appear and one speaks twice (a lone "UPDATE:" or "NOTE:" is no exchange). An interview's "Q:"
# and "A:" name no one, and PolNeAR marks them in some interviews only (22 of 62 on train): left out (held-out
# train attribution F1 71.80 with them, 71.79 without; direct quotes 75.65 and 75.77).
MAX_LABEL_WORDS = 4


def labelled_lines(doc: Doc, layout: Layout) -> list[tuple[RoleSpan, RoleSpan, RoleSpan]]:
    """(source, cue, content) of every headline "Source: ..." and transcript turn "SPEAKER: ..." (see above)."""
    lines = _lines(doc, layout)
    found = []
    headline = _headline_source(doc, layout, lines[0]) if lines and layout.paragraph[lines[0][0]] == 0 else None
    if headline is not None:
        found.append(headline)
    turns = [turn for line in lines if layout.paragraph[line[0]] > 0 and (turn := _turn(doc, line)) is not None]
    if len(turns) < 2:
        return found
    named = _person_surnames(doc) | {doc[t[0].end - 1].lower_ for t in turns if t[0].end - t[0].start >= 2}
    turns = [turn for turn in turns if doc[turn[0].end - 1].lower_ in named]
    speakers = Counter(doc[turn[0].end - 1].lower_ for turn in turns)
    if len(speakers) >= 2 and max(speakers.values(), default=0) >= 2:
        found.extend(turns)
    return found


def _lines(doc: Doc, layout: Layout) -> list[tuple[int, int]]:
    """Every paragraph with a word, as the range from its first to its last token that is not a space (only the
    edges are read: a line's first words and its end are all the layouts look at)."""
    bounds = np.flatnonzero(np.diff(layout.paragraph)) + 1
    lines = []
    for start, end in zip([0, *bounds.tolist()], [*bounds.tolist(), len(doc)], strict=True):
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if start < end:
            lines.append((start, end))
    return lines


def _person_surnames(doc: Doc) -> set[str]:
    """The last word of every person the entity recognizer marks, lower case ("fallin" for "Mary Fallin")."""
    return {
        token.lower_
        for token in doc
        if token.ent_type_ == "PERSON" and (token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I")
    }


def _line_parts(doc: Doc, line: tuple[int, int], colon: int) -> tuple[RoleSpan, RoleSpan, RoleSpan] | None:
    """Source before the colon, the colon, and the rest of the line up to its last word (a final period stays out)."""
    end = line[1]
    if doc[end - 1].text == "." and end - 1 > colon:
        end -= 1
    if end <= colon + 1 or not any(not doc[i].is_punct for i in range(colon + 1, end)):
        return None
    return RoleSpan("SOURCE", line[0], colon), RoleSpan("CUE", colon, colon + 1), RoleSpan("CONTENT", colon + 1, end)


def _headline_source(doc: Doc, layout: Layout, line: tuple[int, int]) -> tuple[RoleSpan, RoleSpan, RoleSpan] | None:
    colons = [i for i in range(*line) if doc[i].text == ":" and layout.quote_of(i) is None]
    if len(colons) != 1:
        return None
    words = [token for token in doc[line[0] : colons[0]] if not token.is_punct and not token.is_space]
    if not 0 < len(words) <= MAX_LABEL_WORDS or any(token.pos_ in ("VERB", "AUX") for token in words):
        return None
    last = words[-1]
    if last.ent_type_ not in SPEAKER_ENTITIES and last.lemma_.lower() not in lexicon.HEADLINE_SOURCES:
        return None
    return _line_parts(doc, line, colons[0])


def _turn(doc: Doc, line: tuple[int, int]) -> tuple[RoleSpan, RoleSpan, RoleSpan] | None:
    first_words = range(line[0], min(line[1], line[0] + MAX_LABEL_WORDS + 1))
    colon = next((i for i in first_words if doc[i].text == ":"), None)
    if colon is None or colon == line[0]:
        return None
    label = [token for token in doc[line[0] : colon] if not token.is_space]
    letters = sum(c.isalpha() for token in label for c in token.text)
    if letters < 2 or not (_capitals(label) or all(token.is_title for token in label)):
        return None
    return _line_parts(doc, line, colon)


def _capitals(label: list[Token]) -> bool:
    """Whether a label is written in capitals, as broadcast transcripts write their speakers ("TAPPER")."""
    return all(token.is_upper and any(c.isalpha() for c in token.text) for token in label)


def add_labelled(groups: list[Group], speaker: RoleSpan, cue: RoleSpan, content: RoleSpan) -> None:
    """The attribution of a labelled line: the tagger's own when it tagged the colon as a cue (given the label when
    it found no source, and the rest of the line as content when its contents lie inside it: what follows the
    label is all said by the source, and the tagger often stops at a comma or a quoted phrase), else a new one."""
    for group in groups:
        if group.cue.start <= cue.start < group.cue.end:
            if not group.sources:
                group.sources.append(speaker)
            if all(content.start <= span.start and span.end <= content.end for span in group.contents):
                group.routes = group.routes[:1] or ["introduced"]
                group.contents = [content]
            return
    groups.append(Group(cue=cue, contents=[content], sources=[speaker], routes=["introduced"]))
