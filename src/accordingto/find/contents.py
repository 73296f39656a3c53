"""Contents from the parse for a cue the tagger left without any (the inner report of a report, the untagged
reported clause of a cue with a source), a content stopped early run to its complement's end, and the words that
are not content though the tagger took them so (an addressee, a date after the cue, the opening of the next
attribution).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import numpy as np
from spacy.tokens import Doc, Token

from ..annotations import doc_token_codes, string_ids
from ..clauses import CLAUSE_SUBJECT_DEPS
from .cues import court_hears, cue_root, subject_phrases
from .groups import LINK_DEPTH, Group, Grouping, drop_sources_over, keep_contents
from .tagging import RoleSpan

# PolNeAR annotates the outer attribution of a report of a report ("The Post reported that Manafort acknowledged ...",
# "“...,” Walker said, according to an AP account"), never the inner one: the whole inner statement, its source and
# cue included, is the outer content (the guidelines: "according to" takes the clause it attaches to as content). When
# the tagger tags the inner cue too, the inner cue takes the content by syntax and the outer cue is left with nothing,
# so its attribution is lost. On held-out train 293 gold attributions whose tagged cue was left without content hold
# another group's cue in their gold content (docs/experiments/extraction.md, "Reports of reports"). ``find/nested.py``
# adds such outer frames too, but only after the confidence cut, for lexicon verbs with a subject, at a constant
# confidence; here the tagger's own cue keeps its group and is scored like any other.
REPORTED_CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
REPORTING_ATTACHMENTS = frozenset({"prep", "parataxis"})


def report_of_a_report(state: Grouping, group: Group) -> None:
    """Give a cue left without content the inner attribution it reports, when the parse puts that attribution's
    cue in the cue's complement clause ("reported [that X acknowledged ...]"), or puts the cue as an "according
    to" or parenthetical beside the inner cue's verb ("X said ..., according to Y"); see above. The content stays
    in the cue's paragraph: spaCy runs a sentence over a line break when a line has no final period."""
    doc, layout = state.doc, state.layout
    root = doc[cue_root(doc, group.cue)]
    paragraph = np.flatnonzero(layout.paragraph == layout.paragraph[group.cue.start])
    for other in state.groups:
        if other is group or not other.contents:
            continue
        inner = doc[cue_root(doc, other.cue)]
        clause = _complement_holding(root, inner)
        if clause is not None:
            excluded = [group.cue, *group.sources]
            start, end = clause.left_edge.i, clause.right_edge.i + 1
        elif root.dep_ in REPORTING_ATTACHMENTS and root.head == inner:
            excluded = [group.cue, *group.sources, RoleSpan("CUE", root.left_edge.i, root.right_edge.i + 1)]
            start, end = inner.left_edge.i, inner.right_edge.i + 1
        else:
            continue
        start, end = max(start, int(paragraph[0])), min(end, int(paragraph[-1]) + 1)
        if start >= end:
            continue
        group.contents = _pieces(doc, start, end, excluded)
        group.routes = ["syntax"] * len(group.contents)
        if group.contents:
            return


def _complement_holding(root: Token, inner: Token) -> Token | None:
    """The clausal complement of ``root`` (ccomp, xcomp) that holds ``inner``, at most ``LINK_DEPTH`` steps up."""
    token = inner
    for _ in range(LINK_DEPTH):
        if token.head == token:
            return None
        if token.head == root:
            return token if token.dep_ in REPORTED_CLAUSE_DEPS else None
        token = token.head
    return None


def loose_edge(token: Token) -> bool:
    """A space or punctuation mark other than a quotation mark: what a content derived from the parse sheds at its
    edges (PolNeAR's contents keep their quotation marks, not the commas around a clause)."""
    return token.is_space or (token.is_punct and not token.is_quote)


def shed_start(doc: Doc, start: int, high: int, loose: Callable[[Token], bool] = loose_edge) -> int:
    """``start`` moved right past loose edges (``loose``, by default ``loose_edge``), not beyond ``high``."""
    while start < high and loose(doc[start]):
        start += 1
    return start


def shed_end(doc: Doc, low: int, end: int, loose: Callable[[Token], bool] = loose_edge) -> int:
    """``end`` moved left past loose edges (``loose``, by default ``loose_edge``), not below ``low``."""
    while end > low and loose(doc[end - 1]):
        end -= 1
    return end


def _covered(start: int, end: int, spans: Iterable[RoleSpan]) -> np.ndarray:
    """Which tokens of ``[start, end)`` the spans cover, as a mask (index 0 for ``start``)."""
    inside = np.zeros(end - start, dtype=bool)
    for span in spans:
        inside[max(span.start, start) - start : max(min(span.end, end) - start, 0)] = True
    return inside


def _pieces(doc: Doc, start: int, end: int, excluded: list[RoleSpan]) -> list[RoleSpan]:
    """The runs of ``[start, end)`` outside the excluded spans, each without its loose edges (``loose_edge``)."""
    inside = _covered(start, end, excluded)
    pieces = []
    i = start
    while i < end:
        if inside[i - start]:
            i += 1
            continue
        j = i
        while j < end and not inside[j - start]:
            j += 1
        first = shed_start(doc, i, j)
        last = shed_end(doc, first, j)
        if first < last:
            pieces.append(RoleSpan("CONTENT", first, last))
        i = j
    return pieces


# What a reporting verb reports is its clausal complement (PolNeAR's guidelines: the content is the complement
# clause, in "X, officials said" before the verb as after it), and what "according to X" reports is the clause
# the phrase hangs from. The tagger sometimes tags the cue and its source and leaves that clause untagged: a
# clause-initial content must open with a B tag, which its weights make costly, and in "Talks broke down on
# Thursday, union officials said" the path through O wins by a little. A cue with a tagged source and nothing
# else then gets the untagged clause as content; a clause the tagger gave any role is left to the tagger.
# The parse does not always make the reported clause the verb's complement; two misreadings are read back
# (``_clause_before``, ``_complement_read_as_relative``).
def untagged_complement(doc: Doc, group: Group, tags: np.ndarray) -> None:
    root = doc[cue_root(doc, group.cue)]
    if root.lower_ == "according" and root.dep_ == "prep":
        clause = _clause_beside(doc, root)
    elif root.pos_ in ("VERB", "AUX"):
        clause = next(((c.left_edge.i, c.right_edge.i + 1) for c in root.children if c.dep_ == "ccomp"), None)
        if clause is None:
            clause = _complement_read_as_relative(root) or _clause_before(doc, group, root)
    else:
        clause = None
    if clause is None:
        return
    start, end = clause
    if tags[start:end].any() or start <= group.cue.start < end:
        return
    group.contents = _pieces(doc, start, end, [])
    group.routes = ["syntax"] * len(group.contents)


# A reporting clause after its content ("The death toll rose to 412 on Tuesday, the country's disaster agency
# said"), the news lede's order, is often parsed the other way round when the content is long: the reported clause
# as the sentence's root and "said" as a parenthetical beside it (``parataxis``), or the source as an apposition of
# the content's subject and "announced" as the source's own modifier. The verb then has no complement, yet the
# layout says what it reports: the words from the sentence's start to the comma before its source, as PolNeAR's
# "X, officials said" takes them. Only a verb with no object or complement of its own ("…, she told the court" keeps
# its hearer; "…, the council said in a statement" has none) whose source stands right before it, after that comma,
# and that hangs (itself or through its source) from a word of those words: a main verb after an opening clause
# ("When Congress cut the funding, Mexico said enough") or a parenthetical of the clause after it ("If this fails,
# he argues, there are other tools") reports something else.
OWN_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "dative"})


def _clause_before(doc: Doc, group: Group, root: Token) -> tuple[int, int] | None:
    """The words before ", SOURCE CUE" in the cue's sentence, when they hold a verb (see above)."""
    if any(child.dep_ in OWN_COMPLEMENT_DEPS for child in root.children):
        return None
    source = next((span for span in group.sources if span.end == group.cue.start), None)
    if source is None:
        return None
    comma = shed_end(doc, 0, source.start, lambda token: token.is_space)
    sentence = doc[group.cue.start].sent
    if comma <= sentence.start or doc[comma - 1].text != ",":
        return None
    start = shed_start(doc, sentence.start, comma - 1)
    if not any(doc[i].pos_ in ("VERB", "AUX") for i in range(start, comma - 1)):
        return None
    head = root
    while source.start <= head.i < group.cue.end and head.head != head:
        head = head.head
    return (start, comma - 1) if start <= head.i < comma - 1 else None


# "Told a news conference in the capital that rescuers were still reaching remote villages": with a noun for an
# event as the hearer, or a place after it, the parse reads "that" as a relative pronoun of the noun before it and
# the reported clause as its relative clause. A relative "that" stands for a word missing from its clause; a clause
# that already has its own subject and its own direct object besides "that" has no such gap, so "that" only opens
# it: it is the verb's complement ("the conference that rescuers attended" has its gap, and stays a relative
# clause).
def _complement_read_as_relative(root: Token) -> tuple[int, int] | None:
    """The clause under the cue's object or a phrase after it that opens with a "that" it has no room for (see
    above)."""
    for obj in root.children:
        if obj.dep_ not in ("dobj", "dative", "prep") or obj.i < root.i:
            continue
        for clause in obj.subtree:
            if clause.dep_ != "relcl" or clause.left_edge.lower_ != "that":
                continue
            that = clause.left_edge
            deps = [child.dep_ for child in clause.children if child != that]
            if that.head == clause and that.dep_ in ("dobj", "nsubj") and that.dep_ in deps and "nsubj" in deps:
                return that.i, clause.right_edge.i + 1
    return None


def court_reports(doc: Doc, tags: np.ndarray, groups: Sequence[Group]) -> list[Group]:
    """An attribution with no source for every untagged court formula with a reported clause ("The court heard
    that ...", "..., the inquest heard": ``cues.court_hears``), its content the whole clause (a report the tagger
    found inside it stays, nested), unless a group's cue already holds the verb. The court is the hearer of what
    it heard, so a report inside the clause loses a source the tagger put on the court ("The court heard that an
    audit had described the junction as ..." is the audit's, not the court's)."""
    cued = {i for group in groups for i in range(group.cue.start, group.cue.end)}
    found = []
    # Only "heard" and "told" can be the formula's verb: they are found in the per-document table of lower-case
    # hashes (``TokenCodes``, already built for the tagger), without a ``Token`` for every word of the text.
    lowers = doc_token_codes(doc).arrays.lower
    for i in np.flatnonzero(np.isin(lowers, string_ids(doc, ("heard", "told")))).tolist():
        token = doc[i]
        if tags[i] or i in cued or not court_hears(token):
            continue
        clause = next((child for child in token.children if child.dep_ == "ccomp"), None)
        if clause is None:
            continue
        start, end = clause.left_edge.i, clause.right_edge.i + 1
        for group in groups:
            if start <= group.cue.start < end:
                drop_sources_over(group, subject_phrases(token))
        contents = _pieces(doc, start, end, [])
        if contents:
            found.append(
                Group(cue=RoleSpan("CUE", token.i, token.i + 1), contents=contents, routes=["syntax"] * len(contents))
            )
    return found


def _clause_beside(doc: Doc, phrase: Token) -> tuple[int, int] | None:
    """The clause an "according to" phrase hangs from, without the phrase, if the phrase stands at one of its
    edges (a phrase inside the clause would split the content in two: left to the tagger)."""
    head = phrase.head
    start, end = head.left_edge.i, head.right_edge.i + 1
    if phrase.right_edge.i + 1 >= end or all(doc[i].is_punct for i in range(phrase.right_edge.i + 1, end)):
        return start, phrase.left_edge.i
    if phrase.left_edge.i <= start:
        return phrase.right_edge.i + 1, end
    return None


# What a reporting verb reports is the whole of its complement (the guidelines: the content runs to the end of the
# reported clause or object, its own relative clauses, coordinations and adverbials included). The tagger often stops
# a content early, at a comma, a conjunction or a relative clause ("announced [four votes for Trump], 31 for Cruz
# and two abstentions"; "refused [to join the earlier debate] that included ..."), and a content under half of the
# gold one is no match at all. Where the tagger gave a word of the rest a role, it read the rest otherwise, and
# running up to that word could end the content inside a phrase ("the front line, which is not" of "which is not
# in line with ..."): such a content is left as tagged.
#
# One exception: the rest holds whole reports of its own ("Kiedis said [his band and Brian Burton], AKA Danger
# Mouse, wrote new songs", "a poll found [that 28 percent supported Trump], while 23 percent favored Cruz"). The
# tagger read a verb inside the complement as a second cue and gave it the words around it as source and content,
# which stopped the outer content there. PolNeAR gives every token one role and annotates the outer report, whose
# content holds the inner one whole; so when every tagged word of the rest belongs to groups whose cue lies in the
# rest (and not in a relative or adverbial clause: ``ASIDE_DEPS``), the content runs to the complement's end over
# them, and those groups become reports nested in it. On held-out train: 8 gold attributions gained, 1 lost
# (docs/experiments/extraction.md, "Reports inside the complement").
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "dobj"})


def complete_complement(doc: Doc, group: Group, tags: np.ndarray, groups: Sequence[Group]) -> None:
    """Run a content that lies inside the cue's complement, after the cue, on to the complement's end, when the
    rest of the complement is on the same line and untagged, or tagged only by ``groups`` whose cue lies in it
    (reports inside the content; see above)."""
    root = doc[cue_root(doc, group.cue)]
    if root.pos_ not in ("VERB", "AUX"):
        return
    for child in root.children:
        if child.dep_ not in COMPLEMENT_DEPS or child.i < group.cue.end:
            continue
        first, end = child.left_edge.i, child.right_edge.i + 1
        for span in group.contents:
            if not first <= span.start < span.end < end:
                continue
            if not _open_rest(doc, tags, span.end, child, groups) or any(
                "\n" in token.text for token in doc[span.end : end]
            ):
                continue
            span.end = shed_end(doc, span.end, end)


def _open_rest(doc: Doc, tags: np.ndarray, start: int, complement: Token, groups: Sequence[Group]) -> bool:
    """Whether the rest of the complement from ``start`` is untagged, or its tagged words all belong to groups whose
    cue lies in it and hangs from the complement through no relative or adverbial clause (``_reported_with``)."""
    end = complement.right_edge.i + 1
    tagged = np.flatnonzero(tags[start:end])
    if not len(tagged):
        return True
    inner = _covered(
        start,
        end,
        (
            span
            for other in groups
            if start <= other.cue.start
            and other.cue.end <= end
            and _reported_with(doc[cue_root(doc, other.cue)], complement)
            for span in (other.cue, *other.sources, *other.contents)
        ),
    )
    return bool(inner[tagged].all())


# A reporting clause inserted into what it reports ("Many of the closures, he said, have involved public courses",
# "In the long run, economists say, the effect could spread"): the parse hangs the verb from the host clause's verb
# as a parenthetical (``parataxis``), and PolNeAR's content is the whole host clause around the insertion, in two
# pieces. The tagger often tags only the words on one side of it, or a phrase of them, and a content under half of
# the gold one is no match. Where the verb has no complement of its own, words of the host stand on both sides of
# it, and every tagged word of the host outside the insertion is already this group's content (any other role or
# group there means the tagger read those words otherwise), the content becomes the host clause without the
# insertion.
def parenthetical_host(doc: Doc, group: Group, tags: np.ndarray) -> None:
    """Give a parenthetical reporting clause the host clause around it as content (see above)."""
    root = doc[cue_root(doc, group.cue)]
    if root.dep_ != "parataxis" or any(child.dep_ in OWN_COMPLEMENT_DEPS for child in root.children):
        return
    host = root.head
    left, right = root.left_edge.i, root.right_edge.i + 1
    start, end = host.left_edge.i, host.right_edge.i + 1
    if not all(any(not (t.is_punct or t.is_space) for t in words) for words in (doc[start:left], doc[right:end])):
        return
    if any("\n" in token.text for token in doc[start:end]):
        return
    if any(not start <= span.start < span.end <= end for span in group.contents):
        return
    insertion = RoleSpan("CUE", left, right)
    if not _covered(start, end, [*group.contents, insertion])[np.flatnonzero(tags[start:end])].all():
        return
    pieces = _pieces(doc, start, end, [insertion])
    if pieces:
        group.contents = pieces
        group.routes = ["syntax"] * len(pieces)


# A relative or adverbial clause is the writer's description of a participant or a circumstance, not part of what
# the outer speaker reports: a report inside one has a speaker of its own, whom PolNeAR annotates apart ("vetoed a
# bill [which critics said was discriminatory]", "[when Sanders joined 89 senators to reject] the request").
ASIDE_DEPS = frozenset({"relcl", "acl", "advcl"})


def _reported_with(inner: Token, complement: Token) -> bool:
    """Whether ``inner`` hangs from ``complement`` through no relative or adverbial clause (``ASIDE_DEPS``)."""
    token = inner
    while token != complement:
        if token.dep_ in ASIDE_DEPS or token.head == token:
            return False
        token = token.head
    return True


# Verbs of saying to someone: the object of their "to" is the addressee ("wrote to the health secretary", "spoke
# to reporters"), not what was said. On PolNeAR train, of 74 "to" objects of gold cue verbs of saying (these and
# a few more: reply, describe, suggest ...), 18 lie in the gold content (mostly inside a larger object: "announced
# his engagement to ..."), 11 in the cue, 44 in no role. "Respond" and "reply" are left out: what one responds to
# is PolNeAR's content.
ADDRESSING_VERBS = frozenset(
    {"write", "speak", "talk", "say", "explain", "complain", "announce", "mention", "email", "tweet", "confide"}
)


def drop_addressee(doc: Doc, group: Group) -> None:
    """Leave out a content that is only the addressee of a verb of saying to someone (see above); a group left
    with no content is no attribution."""
    root = doc[cue_root(doc, group.cue)]
    if root.lemma_ not in ADDRESSING_VERBS or root.pos_ != "VERB":
        return
    addressees = [
        grand
        for child in root.children
        if child.dep_ in ("prep", "dative") and child.lower_ == "to" and child.i > root.i
        for grand in child.children
        if grand.dep_ == "pobj"
    ]
    if addressees:
        keep_contents(group, lambda span: not any(_names_only(doc, span, addressee) for addressee in addressees))


def _names_only(doc: Doc, span: RoleSpan, addressee: Token) -> bool:
    """The content is the addressee's noun phrase (holds its head word, lies in its subtree) and no clause: the
    small model sometimes hangs a quotation or a clause on the addressee ("wrote to supporters: “...”"), which
    is what was said."""
    return (
        span.start <= addressee.i < span.end
        and addressee.left_edge.i <= span.start
        and span.end <= addressee.right_edge.i + 1
        and not any(token.pos_ in ("VERB", "AUX") for token in doc[span.start : span.end])
    )


# A date or time after a reporting verb says when it was said ("said on Monday that ...", "said in 2018 that
# ..."): on PolNeAR train, of "on" and "in" with a date or time object hanging from a gold cue verb, 250 lie
# outside the attribution with their object (133 + 117), 30 inside the cue with it, 49 inside the content. A cue
# that ends at such a preposition leaves the date to the content: the preposition is cut from the cue, and the
# date phrase from the start of the content. Other prepositions may make the date the topic ("talk about the
# decades they spent") or a duration ("saying for years"), and are left alone.
TIME_ENTITIES = frozenset({"DATE", "TIME"})
WHEN_PREPOSITIONS = frozenset({"on", "in", "at", "during"})


def leave_out_date(doc: Doc, group: Group) -> None:
    """Cut a trailing preposition with a date or time object from the cue, and that phrase from the start of the
    content that begins with its object (see above)."""
    cue = group.cue
    last = doc[cue.end - 1]
    if cue.end - cue.start < 2 or last.pos_ != "ADP" or last.lower_ not in WHEN_PREPOSITIONS:
        return
    objects = [child for child in last.children if child.dep_ == "pobj" and child.ent_type_ in TIME_ENTITIES]
    if not objects or objects[0].i < cue.end:
        return
    cue.end -= 1
    date_start, date_end = cue.end, objects[0].right_edge.i + 1
    for span in group.contents:
        if date_start <= span.start < date_end < span.end:
            span.start = shed_start(doc, date_end, span.end)
    keep_contents(group, lambda span: span.start < span.end)


# A coordinator in a content, followed by another attribution's source or cue, opens the next reporting clause,
# which is no part of the content: "Lund said that the deal was off, and the union said ...", "Lund said that the
# deal was off, and speaking to staff on Friday, she warned that ...". The small model often hangs the second
# clause, or a fronted phrase before its subject ("speaking to staff on Friday": a phrase whose verb has no
# subject is no clause of its own, so it modifies the clause of the subject after it), on the content's verb as a
# conjunct, and the content then runs over the next speaker. A coordinated clause with a subject of its own before
# the next attribution ("said that sales fell, and profits dropped, as analysts predicted") or a coordinated
# "that"-clause ("said that A, and that the union said B") stays: it is more of what the first speaker said.
COORDINATORS = frozenset({"and", "but"})
# A phrase fronted before a clause's subject opens with a participle ("speaking to staff", "asked about it") or a
# preposition of time, place or manner ("on Friday", "in a statement"); "of" continues a noun phrase instead.
PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})


def leave_out_next_clause(doc: Doc, groups: list[Group]) -> None:
    """Cut each content before a coordinated clause or phrase that opens the attribution right after it, in the
    same sentence, set off by a comma, and whose source comes before its cue ("..., and speaking on Friday, she
    warned"; see above)."""
    speakers = {source.start: group for group in groups for source in group.sources if source.end <= group.cue.start}
    for group in groups:
        for span in group.contents:
            after = shed_start(doc, span.end, len(doc))
            following = speakers.get(after)
            if following is None or following is group:
                continue
            if any(token.is_sent_start for token in doc[span.end : after + 1]):
                continue
            span.end = _opening_coordinator(doc, span, after) or span.end


def _opening_coordinator(doc: Doc, span: RoleSpan, opening: int) -> int | None:
    """The end a content keeps when a comma and coordinator in it are followed, with no subject, complementizer
    or quotation mark between (a quotation is what someone said, word for word), by the ``opening`` of the next
    attribution; None when none is."""
    for i in range(span.start + 1, min(span.end, len(doc) - 1)):
        if doc[i].lower_ not in COORDINATORS or doc[i - 1].text != "," or doc[i + 1].dep_ == "mark":
            continue
        phrase = doc[i + 1 : opening]
        if len(phrase) and (not _fronted(phrase[0]) or doc[opening - 1].text != ","):
            continue  # more of a list or of the content's own phrase ("taxes, health care, and security")
        if not any(token.dep_ in CLAUSE_SUBJECT_DEPS or token.is_quote for token in phrase):
            return shed_end(doc, span.start, i)
    return None


def _fronted(first: Token) -> bool:
    """Whether a phrase opening with ``first`` may be fronted before a clause's subject (see ``PARTICIPLE_TAGS``)."""
    if first.tag_ == "VBD":
        # The small model reads many participles as past tenses ("but asked about it, she said"): one without a
        # subject of its own is the participle.
        return not any(child.dep_ in CLAUSE_SUBJECT_DEPS for child in first.children)
    return first.tag_ in PARTICIPLE_TAGS or (first.dep_ == "prep" and first.lower_ != "of")


def parallel_sayings(doc: Doc, groups: Sequence[Group]) -> list[Group]:
    """ "..., with shopkeepers saying it will kill the high street and parents saying it will make the roads
    safer": two absolute clauses joined by "and", each a subject and the same participle of saying with its own
    clause, report two statements by two sources. The parse hangs the second subject from the first clause's last
    noun as a conjunct and its "saying" from a noun, so the tagger runs the first content over the second
    report. Where a content holds a participle with the cue's own verb (same lemma, the parallel that
    makes the pair), its reported clause (``ccomp``) and, just before it, a noun parsed as a conjunct after a
    coordinating conjunction, the content ends before the conjunction and the second report is a group of its
    own: that noun its source, the participle its cue, its clause its content. Other words after "and" inside a
    content (a plain coordination in what was said) are left alone."""
    found = []
    for group in groups:
        root = doc[cue_root(doc, group.cue)]
        if root.tag_ != "VBG" or not group.contents:
            continue
        for index, span in enumerate(group.contents):
            second = next(
                (
                    token
                    for token in doc[span.start : span.end]
                    if token.tag_ == "VBG" and token.lemma_ == root.lemma_ and token.i != root.i
                ),
                None,
            )
            if second is None or second.dep_ not in ("acl", "advcl", "conj"):
                continue
            # The parse hangs the participle from its subject or from a noun before it: its subject is the noun
            # right before it, a conjunct after the conjunction.
            speaker, clause = doc[second.i - 1], next((c for c in second.children if c.dep_ == "ccomp"), None)
            conjunction = speaker.left_edge.i - 1
            if clause is None or speaker.dep_ != "conj" or speaker.pos_ not in ("NOUN", "PROPN"):
                continue
            if doc[conjunction].dep_ != "cc":
                continue
            if conjunction <= span.start:
                continue
            end = conjunction
            while end > span.start and doc[end - 1].is_punct and not doc[end - 1].is_quote:
                end -= 1
            group.contents[index] = RoleSpan("CONTENT", span.start, end)
            contents = _pieces(doc, clause.left_edge.i, second.right_edge.i + 1, [])
            found.append(
                Group(
                    cue=RoleSpan("CUE", second.i, second.i + 1),
                    contents=contents,
                    sources=[RoleSpan("SOURCE", speaker.left_edge.i, speaker.i + 1)],
                    routes=["syntax"] * len(contents),
                )
            )
            break
    return found
