"""Nested attributions: the reporting clauses the tagger leaves out because PolNeAR never annotates them.

PolNeAR is univocal (every token has one role), so no gold attribution lies inside another's content, and the
tagger trained on it emits one attribution per reporting chain: for "According to US officials, in the fall of
2022, Putin reported that he was satisfied ..." it finds either the officials' attribution or Putin's, never
both. Provenance chains (media <- NYT <- US officials <- Putin) need both, so this component adds the missing
link with rules on spaCy's parse.

A *reporting frame* is either
- a reporting or belief verb (a word of the lexicon's cue classes, ``lexicon/cue_classes.txt``), not an
  infinitive, with a subject (``nsubj``) and a clausal complement (``ccomp``) or, failing that, a quotation right
  beside it, or for a labelling verb its object and the quoted label after it ("calls squad 'baffling'"):
  source = the subject's subtree, cue = the verb with its auxiliaries, negation and particles (as PolNeAR marks
  cues: "has not said"), content = the complement's subtree (or the quotation, or the object and its label); or
- "according to X": source = X's subtree, cue = "according to", content = the clause it modifies, without
  the "according to X" phrase.

A frame is added when it is the missing half of a chain:
1. **inner**: its cue and source lie inside an attribution's content ("a message [he said] was being sent",
   inside what a Russian official told the NYT); its content is clipped to that content;
2. **outer**: its cue and source lie outside every attribution's roles and its content holds another
   attribution's whole cue ("[According to US officials], ..., Putin reported ..." when the tagger took only
   Putin's; "Putin said he was satisfied ..., [US officials said]").
A frame whose cue or source overlaps an existing cue or source is skipped (the tagger already has it). Added
attributions may frame further ones, so the search repeats (a few rounds at most). Attribution ids are then
renumbered in reading order of their cues; ``link.nesting`` sets the ``parent`` links afterwards.

Evaluation on PolNeAR leaves nested predictions out (``evaluate.run.unnested``), as PolNeAR never annotates
them.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np
from spacy.language import Language
from spacy.symbols import VERB
from spacy.tokens import Doc, Span, Token

from .. import lexicon
from ..annotations import (
    ATTRIBUTIONS,
    TokenCodes,
    add_attribution,
    doc_heads,
    doc_token_codes,
    quote_spans,
    renumber_attributions,
    role_spans,
)
from ..clauses import CLAUSE_SUBJECT_DEPS, subtree_ids, token_ids
from ..pipes import AnnotatingPipe, component_factory
from .attributions import AttributionsPipe
from .contents import loose_edge
from .cues import PEOPLE_ENTITIES, VERB_GROUP_DEPS
from .groups import attribution_type, quoted_tokens
from .sources import HEARER_VERBS
from .tagging import RoleSpan

# Relative pronouns as subjects ("officials who said ...") name nobody by themselves.
RELATIVE_TAGS = frozenset({"WP", "WDT"})
# Tokens that may stand between a verb and the quotation it introduces or follows ("say: '...'", "'...,' he
# said").
QUOTE_GAP = 2
QUOTE_INTRODUCERS = lexicon.SPEECH_MARKS | {","}
# A verb among the statement cue words, light verbs aside, can head a reporting frame.
CUE_WORDS = lexicon.STATEMENT_CUE_WORDS - lexicon.LIGHT_CUE_WORDS
# The share of added frames that are right reporting clauses with the right source and content, judged by hand
# on a sample of the dev articles' output (PolNeAR never annotates nested attributions, so no scorer can measure
# it): docs/accuracy.md, "Confidence".
NESTED_CONFIDENCE = 0.8
# A frame that reports a state of mind ("voters wanted", "he still thought") or what a thing shows ("the figures
# showed") passes no words from one party to another: it is a link of no provenance chain, and a reader of the
# judged news rounds counts it a statement about a quarter of the time (6 of 27 such nested frames in news24,
# news25 and news26, against 9 of 12 that report speech), so it carries that share rather than a reporting clause's.
STATE_OF_MIND_CONFIDENCE = 0.25
STATE_OF_MIND_CLASSES = ("belief", "intention")
STATE_OF_MIND_WORDS = frozenset(word for name in STATE_OF_MIND_CLASSES for word in lexicon.CUE_CLASSES[name])
SIGN_WORDS = frozenset(lexicon.CUE_CLASSES["signal"])
# Subjects that can speak: a person's or a body's named entity (``cues.PEOPLE_ENTITIES``), or a noun for people,
# institutions or outlets. A document's or a figure's "show" nested in someone's words is evidence the speaker cites
# ("the data showed").
SPEAKING_NOUNS = (
    lexicon.PEOPLE_NOUNS
    | lexicon.INSTITUTION_HEADS
    | frozenset(head for head, kind in lexicon.DESCRIPTION_HEADS.items() if kind != "document")
)
# Each round can only add frames around or inside the previous round's; chains deeper than this do not occur.
MAX_ROUNDS = 4


@dataclass(frozen=True)
class Frame:
    """One reporting clause found in the parse, as token index sets per role."""

    source: frozenset[int]
    cue: frozenset[int]
    content: frozenset[int]
    confidence: float = NESTED_CONFIDENCE

    @property
    def anchor(self) -> frozenset[int]:
        """The tokens that say who reports (cue and source): what must not be another attribution's already."""
        return self.source | self.cue


class NestedAttributions(AnnotatingPipe[list[Frame]]):
    """Adds the inner and outer attributions of reporting chains the tagger left out, then renumbers ids.

    A frame whose confidence is under ``min_confidence`` is not added. By default (None) that is the cut of the
    pipeline's attributions component (``AttributionsPipe.threshold``), so that one setting decides what every
    attribution must reach: PolNeAR's guidelines annotate only the outermost attribution ("No nested
    attributions"), so a nested state of mind (0.25, ``STATE_OF_MIND_CONFIDENCE``) has no support in them, and a
    reader of the judged news counts it a statement far less often than the cut asks of any attribution; a user
    who wants recall sets the attributions' ``min_confidence`` to 0 and gets them back."""

    def __init__(self, nlp: Language, name: str, min_confidence: float | None = None) -> None:
        self.name = name
        self.nlp = nlp
        self.min_confidence = min_confidence

    def _cut(self) -> float:
        """``min_confidence``, else the attributions component's cut, else none (a pipeline without it)."""
        if self.min_confidence is not None:
            return self.min_confidence
        pipes = [pipe for _, pipe in self.nlp.pipeline if isinstance(pipe, AttributionsPipe)]
        return pipes[0].threshold if pipes else 0.0

    def predict(self, doc: Doc) -> list[Frame]:
        return find_nested(doc, self._cut())

    def set_annotations(self, doc: Doc, prediction: list[Frame]) -> None:
        quoted = quoted_tokens(doc)
        for frame in prediction:
            content = _spans(doc, frame.content)
            add_attribution(
                doc,
                cue=_spans(doc, frame.cue),
                content=content,
                source=_spans(doc, frame.source),
                type=attribution_type(quoted, [RoleSpan("CONTENT", s.start, s.end) for s in content], doc),
                confidence=frame.confidence,
            )
        if prediction:
            renumber_attributions(doc)


def find_nested(doc: Doc, min_confidence: float = 0.0) -> list[Frame]:
    """The frames to add to the doc's attributions (rules in the module docstring), in text order; those under
    ``min_confidence`` are never added, nor framed in turn.

    Cost: a frame is compared only with the contents holding its first token and the cues inside its own
    content (``_Roles`` indexes both by token), so the search grows with the tokens of frames and contents, not
    with frames times attributions.
    """
    ATTRIBUTIONS.require(doc)
    existing = role_spans(doc)
    taken = token_ids(span for roles in existing.values() for span in roles["cue"] + roles["source"])
    roles = _Roles()
    for by_role in existing.values():
        roles.add(frozenset(token_ids(by_role["content"])), frozenset(token_ids(by_role["cue"])))
    frames = [frame for frame in reporting_frames(doc) if frame.confidence >= min_confidence]
    added: list[Frame] = []
    for _ in range(MAX_ROUNDS):
        found = []
        for frame in frames:
            if frame.anchor & taken:
                continue
            chosen = roles.inner(frame) or roles.outer(frame)
            if chosen is None:
                continue
            found.append(chosen)
            taken |= chosen.anchor
            roles.add(chosen.content, chosen.cue)
        if not found:
            break
        added.extend(found)
    return sorted(added, key=lambda frame: min(frame.cue))


class _Roles:
    """The contents and cues of the attributions so far, indexed by token: which contents hold a token, which
    cues start at one."""

    def __init__(self) -> None:
        self.contents: list[frozenset[int]] = []
        self.holding: dict[int, list[int]] = {}  # token -> indices of the contents holding it
        self.cues_at: dict[int, list[frozenset[int]]] = {}  # first token -> the cues starting there

    def add(self, content: frozenset[int], cue: frozenset[int]) -> None:
        for i in content:
            self.holding.setdefault(i, []).append(len(self.contents))
        self.contents.append(content)
        if cue:
            self.cues_at.setdefault(min(cue), []).append(cue)

    def inner(self, frame: Frame) -> Frame | None:
        """The frame clipped to the innermost content that holds its cue and source, if any does (of equally
        small ones, the first added)."""
        holding = [
            self.contents[n] for n in self.holding.get(min(frame.anchor), []) if frame.anchor <= self.contents[n]
        ]
        if not holding:
            return None
        content = frame.content & min(holding, key=len)
        return replace(frame, content=content) if content else None

    def outer(self, frame: Frame) -> Frame | None:
        """The frame, when it stands outside every content and its content holds some attribution's cue."""
        if any(i in self.holding for i in frame.anchor):
            return None
        for i in frame.content:
            if any(cue <= frame.content for cue in self.cues_at.get(i, [])):
                return frame
        return None


def reporting_frames(doc: Doc) -> list[Frame]:
    """Every reporting clause of the doc (verb frames and "according to" frames), in text order.

    Only "according" and the verbs of the cue lexicon can head a frame: they are picked out of the doc's token
    codes first, so that ``Token`` objects (and their children) are made for a few words in a hundred."""
    quotes = _QuoteIndex(doc)
    subtrees = _Subtrees(doc)
    codes = doc_token_codes(doc)
    according = doc.vocab.strings["according"]
    frames = []
    for i in np.flatnonzero((codes.arrays.lower == according) | (codes.arrays.pos == VERB)).tolist():
        if codes.lower[i] == according:
            frame = _according_frame(doc[i], subtrees)
        elif _reporting_verb_at(codes, i):
            frame = _verb_frame(doc[i], quotes, subtrees)
        else:
            continue
        if frame is not None:
            frames.append(frame)
    return frames


def is_reporting_verb(token: Token) -> bool:
    """A verb of the cue lexicon (by lemma or as written); the hedging verbs "seem" and "appear" are left out:
    "it seems that ..." hedges, nobody reports."""
    return _reporting_verb_at(doc_token_codes(token.doc), token.i)


def _reporting_verb_at(codes: TokenCodes, i: int) -> bool:
    """``is_reporting_verb`` for token ``i``, read from the doc's token codes (no ``Token`` made)."""
    if codes.arrays.pos[i] != VERB or codes.string(codes.lemma[i]) in lexicon.HEDGE_VERBS:
        return False
    return codes.lemma_text(i) in CUE_WORDS or codes.string(codes.lower[i]) in CUE_WORDS


def _verb_frame(verb: Token, quotes: _QuoteIndex, subtrees: _Subtrees) -> Frame | None:
    """The frame a reporting verb (``is_reporting_verb``) heads, if it has an active subject and a content, and is
    no infinitive."""
    # Only an active subject names the reporter: in "it was reported that ..." nobody is named.
    subject = _subject(verb)
    if subject is None or subject.tag_ in RELATIVE_TAGS or _infinitive(verb):
        return None
    complement = next((child for child in verb.children if child.dep_ == "ccomp"), None) or _hearers_clause(verb)
    if complement is not None and _clause_before_own_object(verb, complement):
        return None
    if complement is not None:
        content = subtrees.of(complement)
    else:
        content = quotes.beside(verb, subject) or quotes.labelled(verb)
    content = _trimmed(verb.doc, content)
    if not content:
        return None
    cue = {verb.i} | {child.i for child in verb.children if child.dep_ in VERB_GROUP_DEPS}
    confidence = _frame_confidence(verb, subject, complement)
    return Frame(source=subtrees.of(subject), cue=frozenset(cue), content=content, confidence=confidence)


def _clause_before_own_object(verb: Token, complement: Token) -> bool:
    """A "complement" before a verb that has a thing as its direct object: "I rang it, I emailed it, I wrote a
    letter" (the parse makes the clauses before "wrote" its complement). A verb whose object is the thing it acts
    on (a letter written, a report read) has no place left for a reported clause, so the clauses are a list of
    acts, not what was written. A verb of addressing takes its hearer as the object ("..., she told reporters") and
    keeps the place open."""
    return (
        complement.i < verb.i
        and verb.lemma_ not in HEARER_VERBS
        and any(child.dep_ == "dobj" and child.tag_ != "PRP" and not can_speak(child) for child in verb.children)
    )


def _subject(verb: Token) -> Token | None:
    """The verb's active subject; for a verb coordinated with the one before it and with no subject of its own
    ("the men rang the bell and told the owner they had come to read the meter"), that verb's: English states the
    subject of coordinated verb phrases once, and the parse hangs it from the first verb only (extract36)."""
    subject = next((child for child in verb.children if child.dep_ == "nsubj"), None)
    if subject is not None or verb.dep_ != "conj" or any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in verb.children):
        return subject
    return next((child for child in verb.head.children if child.dep_ == "nsubj" and child.i < verb.i), None)


def _hearers_clause(verb: Token) -> Token | None:
    """ "The managers told inspectors that the alarms had been tested": a verb of addressing someone takes the
    hearer and then the clause told; the parse can hang the clause from the hearer as a noun's clause, with "that"
    as its conjunction (``mark``). A "that" that only marks a clause leaves no word missing in it, so the clause
    is no relative clause of the hearer but the verb's complement (extract36; ``contents._complement_read_as_
    relative`` reads the same misparse with "that" as a relative pronoun)."""
    if verb.lemma_ not in HEARER_VERBS:
        return None
    for hearer in verb.children:
        if hearer.dep_ not in ("dobj", "dative") or hearer.i < verb.i:
            continue
        for clause in hearer.children:
            that = clause.left_edge
            marked = that.lower_ == "that" and that.dep_ == "mark" and that.head == clause
            if clause.dep_ in ("acl", "relcl") and marked:
                return clause
    return None


def _frame_confidence(verb: Token, subject: Token, complement: Token | None) -> float:
    """How likely a verb frame is a reported statement: lower for a state of mind, or for a sign that a thing
    gives ("the case showed"), than for speech (``STATE_OF_MIND_CONFIDENCE`` says why); a body's or a document's
    finding is speech (``publishes_finding``)."""
    words = {verb.lemma_.lower(), verb.lower_}
    if words & STATE_OF_MIND_WORDS and not publishes_finding(verb, subject, complement):
        return STATE_OF_MIND_CONFIDENCE
    if words & SIGN_WORDS and not can_speak(subject):
        return STATE_OF_MIND_CONFIDENCE
    return NESTED_CONFIDENCE


# Verbs that close an inquiry: a belief verb, but a committee, a tribunal, an audit or a report that "found" or
# "concluded" that something is so has published its finding, as "the report said" would (the judged news reads
# every such frame as a statement, and a person's "found that" in a quotation as a discovery or a state of mind).
FINDING_VERBS = frozenset({"find", "conclude"})


def publishes_finding(verb: Token, subject: Token, complement: Token | None) -> bool:
    """A verb of finding (``FINDING_VERBS``) with a that-clause, whose subject is a noun for a body, a document or a
    group of inquirers ("the planning committee had found that ...", "the review concluded that ..."): their
    finding is made public, a statement. A pronoun ("it had concluded", "I found that") or a person's name reports
    what one mind came to think or discovered; a noun object ("found an anomaly") is a discovery, not a finding."""
    that_clause = (
        complement is not None
        and complement.dep_ == "ccomp"
        and any(child.dep_ == "mark" and child.lower_ == "that" for child in complement.children)
    )
    return (
        that_clause
        and verb.lemma_.lower() in FINDING_VERBS
        and subject.pos_ in ("NOUN", "PROPN")
        and subject.ent_type_ != "PERSON"
    )


def can_speak(subject: Token) -> bool:
    """Whether a subject names someone who can speak: a personal pronoun, a person's or body's entity, or a noun
    for people, institutions or outlets ("the defence", "the ministry"), rather than a thing or a document ("the
    figures", "the case")."""
    if subject.tag_ == "PRP" or subject.ent_type_ in PEOPLE_ENTITIES:
        return True
    return subject.lemma_.lower() in SPEAKING_NOUNS or subject.lower_ in SPEAKING_NOUNS


def _infinitive(verb: Token) -> bool:
    """An infinitive with a subject of its own reports nothing that happened: its subject is awaited, asked or
    wanted to speak ("investors had been waiting for Nimbara to explain how ...", "wants voters to know that
    ..."). On PolNeAR train a reporting verb so built is a gold cue 19 of 113 times, 6 of 25 with a clause (a
    finite one 11,212 of 18,648, 7,329 of 9,612 with a clause)."""
    return any(child.dep_ == "aux" and child.tag_ == "TO" for child in verb.children)


def _according_frame(according: Token, subtrees: _Subtrees) -> Frame | None:
    to = next((child for child in according.children if child.lower_ == "to"), None)
    if to is None:
        return None
    obj = next((child for child in to.children if child.dep_ == "pobj"), None)
    if obj is None or according.head.i == according.i:
        return None
    # The phrase may hang from a noun ("Putin, according to officials, sees ..."): what it qualifies is the
    # clause around that noun.
    clause = according.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    phrase = subtrees.of(according)
    content = _trimmed(according.doc, subtrees.of(clause) - phrase)
    if not content:
        return None
    return Frame(source=subtrees.of(obj), cue=frozenset({according.i, to.i}), content=content)


class _QuoteIndex:
    """The doc's quotations (token ranges, in text order) by first and by last token, read once per doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.quotes = [(quote.start, quote.end) for quote in quote_spans(doc)]
        self.by_start: dict[int, list[int]] = {}
        self.by_end: dict[int, list[int]] = {}
        for n, (start, end) in enumerate(self.quotes):
            self.by_start.setdefault(start, []).append(n)
            self.by_end.setdefault(end, []).append(n)

    def beside(self, verb: Token, subject: Token) -> frozenset[int]:
        """The quotation right after the reporting clause ("they say: '...'") or right before it ("'...,' he
        said"), with at most a comma, colon or dash between; empty when there is none (of several, the first in
        text order). A full stop between, or at the end of a quotation before the clause, ends the quotation's
        sentence: "'...'. They want to stay" and "'... talk.' They want to stay" do not report the quote."""
        doc = self.doc
        start = min(verb.i, subject.left_edge.i)
        end = max(verb.i, subject.right_edge.i) + 1
        # Only a quotation ending at most QUOTE_GAP tokens before the clause, or starting as far after it, can be.
        near = sorted(
            [n for i in range(start - QUOTE_GAP, start + 1) for n in self.by_end.get(i, [])]
            + [n for i in range(end, end + QUOTE_GAP + 1) for n in self.by_start.get(i, [])]
        )
        for n in near:
            quote_start, quote_end = self.quotes[n]
            if quote_start >= end:
                gap = range(end, quote_start)
            elif quote_end <= start:
                # A quotation closed by a full stop ended its sentence: "'We are ready.' They want to stay" does
                # not report it (a reported quote ends in a comma, "?" or "!": "'...,' he said").
                if quote_end - quote_start >= 2 and doc[quote_end - 2].text == ".":
                    continue
                gap = range(quote_end, start)
            else:
                continue
            if len(gap) <= QUOTE_GAP and all(doc[i].is_space or doc[i].text in QUOTE_INTRODUCERS for i in gap):
                return frozenset(range(quote_start, quote_end))
        return frozenset()

    def labelled(self, verb: Token) -> frozenset[int]:
        """A labelling verb's object and the quoted label after it ("calls squad 'baffling'", "called the budget
        'a disgrace'"): what the source called the thing is its words, and PolNeAR's content of such a cue is the
        object with its label (a labelling verb takes no clause, so no complement is there to read). Empty unless
        the verb is a labelling cue (``lexicon.LABELLING_CUES``) and a quotation starts right after its object
        (the words between are the subtree of its object or predicate, ``dobj`` or ``oprd``). A verb with a
        particle is another verb ("would call off the strike", "called for calm") and labels nothing."""
        if verb.lemma_.lower() not in lexicon.LABELLING_CUES or any(c.dep_ == "prt" for c in verb.children):
            return frozenset()
        doc = self.doc
        for child in verb.children:
            if child.dep_ not in ("dobj", "oprd") or child.i < verb.i:
                continue
            after = child.right_edge.i + 1
            for n in self.by_start.get(after, []):
                quote_start, quote_end = self.quotes[n]
                if all(doc[i].is_punct or verb.is_ancestor(doc[i]) for i in range(quote_start, quote_end)):
                    return frozenset(range(verb.i + 1, quote_end))
        return frozenset()


class _Subtrees:
    """Subtrees within their paragraph: spaCy sometimes runs a sentence over a line break (a line without a
    final period), and no reporting frame spans two paragraphs. The heads and the line breaks are read once per
    doc, so that a subtree costs its size, not a walk over its tokens to find its edges."""

    def __init__(self, doc: Doc) -> None:
        self.heads = doc_heads(doc)
        self.breaks = doc_token_codes(doc).newline_tokens

    def of(self, token: Token) -> frozenset[int]:
        tree = subtree_ids(token, self.heads)
        k = bisect.bisect_left(self.breaks, token.i)
        first = self.breaks[k - 1] + 1 if k > 0 else 0  # after the last line break before the token
        after = self.breaks[k + 1 if k < len(self.breaks) and self.breaks[k] == token.i else k : k + 2]
        last = after[0] - 1 if after else len(self.heads) - 1  # before the next line break after it
        if first <= token.left_edge.i and token.right_edge.i <= last:
            return tree
        return frozenset(i for i in tree if first <= i <= last)


def _trimmed(doc: Doc, tokens: Iterable[int]) -> frozenset[int]:
    """Tokens without the spaces and punctuation at either end (quotation marks stay: they are content)."""
    ordered = sorted(tokens)
    first, last = 0, len(ordered)
    while first < last and loose_edge(doc[ordered[first]]):
        first += 1
    while first < last and loose_edge(doc[ordered[last - 1]]):
        last -= 1
    return frozenset(ordered[first:last]) if (first, last) != (0, len(ordered)) else frozenset(ordered)


def _spans(doc: Doc, tokens: frozenset[int]) -> list[Span]:
    """Token indices as spans of consecutive tokens."""
    runs: list[list[int]] = []
    for i in sorted(tokens):
        if runs and i == runs[-1][1]:
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1])
    return [doc[start:end] for start, end in runs]


@component_factory(
    "accordingto_nested",
    # min_confidence None: the attributions component's cut; 0 adds every frame found.
    default_config={"min_confidence": None},
    assigns=["doc.spans", ATTRIBUTIONS.attr],
    requires=["doc.spans", ATTRIBUTIONS.attr, "token.dep", "token.head", "token.lemma", "token.tag"],
)
def make_nested(nlp: Language, name: str, min_confidence: float | None) -> NestedAttributions:
    return NestedAttributions(nlp, name, min_confidence)
