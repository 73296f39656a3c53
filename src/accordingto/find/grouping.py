"""The tagged SOURCE / CUE / CONTENT spans grouped into attributions.

Grouping follows PolNeAR's conventions: every attribution has a cue, which anchors it; content and source
spans attach to a cue by syntax first (the clause under "said", the subject of "said", the object of
"according to"), then by proximity within the sentence, then within the paragraph. A quotation split by its
cue ("A," he said, "B.") gives one attribution with two content ranges, a quote continued in later
paragraphs joins the attribution of its first paragraph, and so does a paragraph that is one quotation after an
attribution's content in the paragraph before. The rules for particular quotes, layouts, contents and sources
live in the modules named so; ``assemble`` applies them in order.
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc, Span

from ..annotations import doc_text, quote_spans
from ..read.furniture import is_furniture, is_tagline
from .confidence import CONTENT_ROUTES
from .contents import (
    complete_complement,
    court_reports,
    drop_addressee,
    leave_out_date,
    leave_out_next_clause,
    parallel_sayings,
    parenthetical_host,
    report_of_a_report,
    untagged_complement,
)
from .cues import (
    adds_a_thing,
    complete_verb_group,
    describes_its_noun,
    names_a_show,
    names_a_thing,
    places_a_call,
    recalls_someone,
)
from .groups import CueIndex, Group, Grouping, Layout, choose_cue
from .layouts import (
    add_labelled,
    introduced_quote,
    labelled_lines,
    leave_out_datelines,
    leave_out_introductions,
    on_signature,
    signed_quote,
)
from .quoted_contents import continued_quote, quote_before_its_cue, quoted_paragraph, snap_to_quotes
from .source_choice import choose_sources
from .source_ranker import SourceRanker
from .sources import (
    according_to_names_its_source,
    according_to_object,
    cue_past_anonymity_clause,
    document_author,
    inverted_speaker,
    subject_out_of_cue,
    subject_source,
)
from .tagging import RoleSpan, tagged_spans


def _attach_content(state: Grouping, span: RoleSpan) -> tuple[Group, str] | None:
    """The attribution a content span joins, and the route (``CONTENT_ROUTES``) that found it. A quotation signed on
    the line below it is its signature's before any route looks elsewhere (``signed_quote``)."""
    signed = signed_quote(state, span)
    if signed is not None:
        return signed, "introduced"
    for route in CONTENT_ROUTES:
        if route == "syntax":
            group = choose_cue(state.doc, state.cues, span, ())
        elif route in ("sentence", "paragraph"):
            group = choose_cue(state.doc, state.cues, span, (route,))
        elif route == "quote":
            group = continued_quote(state, span) or quoted_paragraph(state, span)
        elif route == "introduced":
            group = introduced_quote(state, span)
        else:
            # A quote with no cue in its paragraph most likely continues the last quoted attribution (its cue
            # was missed, or the quote marks are broken).
            group = continued_quote(state, span, anywhere=True)
        if group is not None:
            return group, route
    return None


def _give_quote_its_cue(state: Grouping, span: RoleSpan, own: tuple[int, Group]) -> tuple[Group, str]:
    """Give the quotation ending ``span`` to the cue after it (``quote_before_its_cue``), as the verb's
    complement (the "syntax" route); what the span held before the quotation is attached on its own, by the
    usual routes."""
    start, group = own
    if any(not (token.is_punct or token.is_space) for token in state.doc[span.start : start]):
        before = RoleSpan("CONTENT", span.start, start)
        attached = _attach_content(state, before)
        if attached is not None:
            attached[0].contents.append(before)
            attached[0].routes.append(attached[1])
    span.start = start
    return group, "syntax"


def _an_act(doc: Doc, group: Group) -> bool:
    """A group that reports no statement: a phone call, a recall of envoys or goods, a thing added, a noun and its
    own relative clause, a show that is a programme, a thing given its name."""
    return (
        places_a_call(doc, group)
        or recalls_someone(doc, group)
        or adds_a_thing(doc, group)
        or describes_its_noun(doc, group)
        or names_a_show(doc, group)
        or names_a_thing(doc, group)
    )


def _on_furniture(doc: Doc, layout: Layout, group: Group, furniture: dict[int, bool]) -> bool:
    """The group's cue stands on a line of page furniture ("Related: Senator says deal is near", "MORE: ...", a
    photo credit): a link or label the outlet put among the paragraphs, not the article's prose, which text
    without markup still carries (the HTML reader drops such lines from a page). PolNeAR's annotators marked no
    attribution on any of the 98 such lines of its train and dev articles. The last paragraph may also be a
    contributor's note (``is_tagline``). ``furniture``: the answers so far, by paragraph start (a paragraph
    holds several cues)."""
    start, end = layout.paragraph_bounds(group.cue.start)
    # The paragraph's text is cut out of the document's, built once: ``Span.text`` builds a ``Token`` per word,
    # and this runs for every cue.
    text = doc_text(doc)
    if start not in furniture:
        paragraph = doc[start:end]
        furniture[start] = is_furniture(text[paragraph.start_char : paragraph.end_char].strip())
    if furniture[start]:
        return True
    # The contributor's note is the first sentence of the last paragraph of an article of several: a text of one
    # paragraph, or a later sentence, is prose ("Kelvara is a small island ... It says ..."). Whether the paragraph
    # is the last is asked first: the first word after it answers, where finding the cue's sentence walks it.
    if not _blank(doc[end:]):
        return False
    sentence = doc[group.cue.start].sent
    return (
        is_tagline(text[sentence.start_char : sentence.end_char].strip())
        and _blank(doc[start : sentence.start])
        and not _blank(doc[:start])
    )


def _blank(tokens: Span) -> bool:
    """Whether a stretch of the document holds nothing but white space (or nothing at all)."""
    return all(token.is_space for token in tokens)


def assemble(doc: Doc, tags: np.ndarray, ranker: SourceRanker | None = None) -> list[Group]:
    """Group tagged spans into attributions (only those with a cue and some content), in text order. With a
    source ``ranker``, each attribution's source is then the candidate it scores highest (``source_choice``);
    without, the rules' choice stays."""
    spans = tagged_spans(tags)
    groups = [Group(cue=span) for span in spans if span.role == "CUE"]
    quotes = [(quote.start, quote.end) for quote in quote_spans(doc)]
    snap_to_quotes(spans, quotes, tags)
    layout = Layout(doc, quotes)
    leave_out_introductions(doc, layout, spans)
    state = Grouping(doc, tags, layout, CueIndex(layout, groups))
    for span in spans:
        if span.role == "CONTENT":
            attached = _attach_content(state, span)
            own = quote_before_its_cue(state, span)
            if own is not None and (attached is None or attached[0] is not own[1]):
                attached = _give_quote_its_cue(state, span, own)
            if attached is not None:
                attached[0].contents.append(span)
                attached[0].routes.append(attached[1])
                state.previous = attached[0]
    for span in spans:
        if span.role == "SOURCE":
            group = choose_cue(doc, state.cues, span, ("sentence", "paragraph"))
            if group is not None:
                group.sources.append(span)
    for speaker, cue, content in labelled_lines(doc, layout):
        add_labelled(groups, speaker, cue, content)
    groups.extend(court_reports(doc, tags, groups))
    for group in groups:
        if not group.contents:
            report_of_a_report(state, group)
        if not group.contents and group.sources:
            untagged_complement(doc, group, tags)
        drop_addressee(doc, group)
        cue_past_anonymity_clause(doc, group)
    furniture: dict[int, bool] = {}
    kept = [
        group
        for group in groups
        if group.contents
        and not _an_act(doc, group)
        and not _on_furniture(doc, layout, group, furniture)
        and not on_signature(doc, layout, group, groups)
    ]
    sources = [span for span in spans if span.role == "SOURCE"]
    for group in kept:
        leave_out_date(doc, group)
        complete_verb_group(doc, group.cue, tags)
        complete_complement(doc, group, tags, groups)
        parenthetical_host(doc, group, tags)
        according_to_names_its_source(doc, group)
        inverted_speaker(doc, group)
        document_author(doc, group)
        according_to_object(doc, group)
        subject_out_of_cue(doc, group)
        if not group.sources:
            found = subject_source(doc, group, sources)
            if found is not None:
                group.sources.append(found)
    leave_out_next_clause(doc, kept)
    if ranker is not None:
        choose_sources(doc, kept, layout, tags, ranker)
    # After the ranker: the second report's source is its own noun, which the ranker, offered the tagged sources
    # around, would trade for the first report's (the tagger tagged only that one).
    kept.extend(parallel_sayings(doc, kept))
    # After the ranker, which reads its candidates from the tags and the parse afresh.
    leave_out_datelines(doc, layout, [span for group in kept for span in (*group.sources, *group.contents)])
    return kept
