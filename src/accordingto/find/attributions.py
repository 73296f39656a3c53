"""Attributions: tag SOURCE / CUE / CONTENT tokens with the trained tagger, then group the spans into
attributions.

Grouping follows PolNeAR's conventions: every attribution has a cue, which anchors it; content and source
spans attach to a cue by syntax first (the clause under "said", the subject of "said", the object of
"according to"), then by proximity within the sentence, then within the paragraph. A quotation split by its
cue ("A," he said, "B.") gives one attribution with two content ranges, a quote continued in later
paragraphs joins the attribution of its first paragraph, and so does a paragraph that is one quotation after an
attribution's content in the paragraph before.
"""

from __future__ import annotations

import functools
import logging
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.training import Example

from .. import lexicon
from ..annotations import ATTRIBUTIONS, add_attribution, doc_punct, quote_spans
from ..clauses import entity_span
from ..errors import ModelError
from ..model import AttributionType
from ..pipes import AnnotatingPipe, component_factory
from .call_objects import call_dependents, call_prepositions
from .confidence import (
    CUE_ATOMS,
    FEATURES,
    ROUTES,
    Candidate,
    CueClassifier,
    CueFrame,
    attribution_features,
    cue_hashes,
)
from .features import (
    NONE,
    DocArrays,
    doc_arrays,
    paragraph_ids,
    sentence_ids,
    space_tokens,
    stacked_features,
    token_features,
)
from .perceptron import ROLES, TaggerModel, Tagging

logger = logging.getLogger(__name__)

WEIGHTS_RESOURCE = "weights/attribution-tagger.npz"
# The file the component's weights are saved to inside its folder of a saved pipeline (``nlp.to_disk``).
WEIGHTS_FILE = "tagger.npz"
# How far up the tree a span may be from its cue and still be its argument ("according to X": X → to →
# according).
LINK_DEPTH = 4


@dataclass
class RoleSpan:
    role: str  # SOURCE | CUE | CONTENT
    start: int  # token offsets, end exclusive
    end: int


@dataclass
class Group:
    cue: RoleSpan
    contents: list[RoleSpan] = field(default_factory=list)
    sources: list[RoleSpan] = field(default_factory=list)
    routes: list[str] = field(default_factory=list)  # how each content was attached (``CONTENT_ROUTES``)


# How a content span finds its cue, in the order tried: linked to it in the parse, the nearest cue of its sentence,
# the quote it continues, the nearest cue of its paragraph, a name introducing the quote with a colon or dash,
# the last quoted attribution anywhere before.
CONTENT_ROUTES = ("syntax", "sentence", "quote", "paragraph", "introduced", "anywhere")


@functools.cache
def load_model(path: str | None = None) -> TaggerModel:
    """The tagger weights: ``path`` if given, else the ones shipped inside the package (loaded once)."""
    if path is not None:
        return read_weights(Path(path))
    with resources.as_file(resources.files("accordingto.find").joinpath(WEIGHTS_RESOURCE)) as shipped:
        return read_weights(shipped)


def read_weights(path: Path) -> TaggerModel:
    """Tagger weights from a file, or ``ModelError`` saying why they cannot be used."""
    try:
        return TaggerModel.load(path)
    except (OSError, ValueError, KeyError) as error:
        raise ModelError(f"cannot load the attribution tagger weights ({error})") from error


def tag_doc(doc: Doc, model: TaggerModel, arrays: DocArrays | None = None) -> Tagging:
    """Tags (indices into ``TAGS``) and margins per token, through both stages when the model has a second
    one (the margins are the last stage's)."""
    if len(doc) == 0:
        return Tagging(np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.float32))
    blocked = space_tokens(doc)
    arrays = arrays if arrays is not None else doc_arrays(doc, model.lexicon)
    features = token_features(doc, model.lexicon, arrays)
    tagging = model.decode(features, blocked)
    if model.second is not None:
        tagging = model.second.decode(np.hstack([features, stacked_features(doc, arrays, tagging.tags)]), blocked)
    return tagging


def group_features(
    doc: Doc, groups: list[Group], tagging: Tagging, arrays: DocArrays, cue_model: CueClassifier | None = None
) -> np.ndarray:
    """``(len(groups), len(confidence.FEATURES))``: what the confidence model reads of each group (``arrays``:
    the tagger's per-token arrays of the doc, for its cue buckets, sentences and paragraphs). The last signal is
    ``cue_model``'s logit (``cue_contexts``); without one it is 0, for training to fill in with held-out logits."""
    if not groups:
        return np.zeros((0, len(FEATURES)))
    quoted = quoted_tokens(doc)
    layout = _ParagraphWords(doc, arrays)
    marks = _ClauseMarks(doc, arrays, layout.words)
    cue_sentences = [int(arrays.sent[group.cue.start]) for group in groups]
    logits = (
        cue_model.logits(cue_contexts(doc, groups, arrays, quoted)) if cue_model is not None else np.zeros(len(groups))
    )
    rows = []
    for group, cue_sentence, logit in zip(groups, cue_sentences, logits, strict=True):
        root = doc[_cue_root(doc, group.cue)]
        content_tokens = [i for span in group.contents for i in range(span.start, span.end)]
        source_tokens = [i for span in group.sources for i in range(span.start, span.end)]
        rows.append(
            attribution_features(
                doc,
                tagging,
                Candidate(
                    cue=(group.cue.start, group.cue.end),
                    contents=[(span.start, span.end) for span in group.contents],
                    sources=[(span.start, span.end) for span in group.sources],
                    kind=attribution_type(quoted, group.contents, doc),
                    routes=group.routes,
                    cue_bucket=int(arrays.cue[root.i]),
                    cluster_bucket=0 if arrays.cluster_cue[root.i] == NONE else int(arrays.cluster_cue[root.i]),
                    cue_subject=any(child.dep_ in SUBJECT_DEPS for child in root.children),
                    governs_content=any(doc[i].head.i == root.i for i in content_tokens),
                    sentence_cues=cue_sentences.count(cue_sentence) - 1,
                    first_paragraph=bool(arrays.para[group.cue.start] == 0),
                    source_person=any(doc[i].ent_type_ == "PERSON" for i in source_tokens),
                    source_opens=any(layout.first_word(span.start) == span.start for span in group.sources),
                    content_closes=bool(group.contents)
                    and layout.last_word(group.contents[-1].start) < group.contents[-1].end,
                    fills_paragraph=layout.filled(group),
                    mark_between=_mark_between(doc, layout, group),
                    frame=_cue_frame(marks, root, group, content_tokens, source_tokens),
                    cue_logit=float(logit),
                ),
            )
        )
    return np.array(rows)


class _ParagraphWords:
    """The first and last word (not space, not punctuation) of every paragraph, for the layout signals."""

    def __init__(self, doc: Doc, arrays: DocArrays) -> None:
        self.para = arrays.para
        self.words = ~(doc_punct(doc) | space_tokens(doc))
        index = np.nonzero(self.words)[0]
        self.first = np.full(arrays.n_paras, len(doc), dtype=np.int64)
        self.last = np.full(arrays.n_paras, -1, dtype=np.int64)
        np.minimum.at(self.first, self.para[index], index)
        np.maximum.at(self.last, self.para[index], index)

    def first_word(self, i: int) -> int:
        return int(self.first[self.para[i]])

    def last_word(self, i: int) -> int:
        return int(self.last[self.para[i]])

    def filled(self, group: Group) -> bool:
        """Every word of the cue's paragraph lies in the group's source, cue or content."""
        paragraph = self.para[group.cue.start]
        inside = np.zeros(len(self.words), dtype=bool)
        for span in (group.cue, *group.sources, *group.contents):
            inside[span.start : span.end] = True
        return not (self.words & (self.para == paragraph) & ~inside).any()


def _mark_between(doc: Doc, layout: _ParagraphWords, group: Group) -> bool:
    """The cue is one colon or dash standing between a source and the content ("Name: “...”", "“...” ― Name")."""
    cue = group.cue
    if cue.end - cue.start != 1 or doc[cue.start].text not in lexicon.SPEECH_MARKS:
        return False
    before = [span for span in (*group.sources, *group.contents) if span.end <= cue.start]
    after = [span for span in (*group.sources, *group.contents) if span.start >= cue.end]
    left = max(before, key=lambda span: span.end, default=None)
    right = min(after, key=lambda span: span.start, default=None)
    if left is None or right is None or {left.role, right.role} != {"SOURCE", "CONTENT"}:
        return False
    return all(doc[i].is_space for i in range(left.end, cue.start)) and all(
        doc[i].is_space for i in range(cue.end, right.start)
    )


# Penn tags of a finite verb or modal: a content holding one is a clause (a proposition), not a noun phrase.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Words that open a reported proposition ("said that ...", "asked whether ...").
COMPLEMENTIZERS = frozenset({"that", "if", "whether"})
# Dependencies of a cue that is itself an argument or modifier of another word ("decided to announce", "a move
# to show"), rather than the verb of its own clause.
EMBEDDED_DEPS = frozenset({"xcomp", "advcl", "acl", "relcl"})


class _ClauseMarks:
    """Per token, read once per doc for ``_cue_frame``: a word (not punctuation or space), a finite verb or modal,
    a complementizer, and whether its sentence (spaCy's) is a question."""

    def __init__(self, doc: Doc, arrays: DocArrays, words: np.ndarray) -> None:
        strings = doc.vocab.strings
        self.words = words
        self.finite = np.isin(arrays.tag, [strings[tag] for tag in FINITE_TAGS])
        self.complementizer = np.isin(arrays.lower, [strings[word] for word in COMPLEMENTIZERS])
        sentence = np.cumsum(doc.to_array(SENT_START) == 1)
        self.question = np.isin(sentence, sentence[arrays.lower == strings["?"]])


def _cue_frame(
    marks: _ClauseMarks, root: Token, group: Group, content_tokens: list[int], source_tokens: list[int]
) -> CueFrame:
    """The clause around the cue (``confidence.CueFrame`` says why each signal tells a report from an act)."""
    content, source = set(content_tokens), set(source_tokens)
    words = [i for i in sorted(content) if marks.words[i]]
    children = list(root.children)
    deps = {child.dep_ for child in children}
    subjects = [child.i for child in children if child.dep_ in ("nsubj", "nsubjpass")]
    # The subject of a passive cue is its "by" agent's object ("was said by the mayor").
    agents = [
        grand.i for child in children if child.dep_ == "agent" for grand in child.children if grand.dep_ == "pobj"
    ]
    return CueFrame(
        clause_content=bool(marks.finite[words].any()),
        that_clause=(bool(words) and bool(marks.complementizer[words[0]]))
        or any(child.dep_ == "ccomp" and child.i in content for child in children),
        subject_is_source=any(i in source for i in subjects + agents),
        question=bool(marks.question[group.cue.start]),
        modal=any(child.tag_ == "MD" for child in children),
        negated="neg" in deps,
        noun=root.pos_ in ("NOUN", "PROPN"),
        embedded=root.dep_ in EMBEDDED_DEPS,
        agentless_passive="auxpass" in deps and "agent" not in deps,
        object_outside=any(child.dep_ == "dobj" and child.i not in content for child in children),
    )


# The kinds of a cue's subject the cue classifier tells apart: a person or a body speaks, a thing rarely does.
SUBJECT_ENTITIES = {"PERSON": 1, "ORG": 2, "NORP": 2, "GPE": 2, "FAC": 2}
SUBJECT_CLAUSE_DEPS = ("nsubj", "nsubjpass", "csubj")
# A cue without a subject of its own that hangs from another verb or noun takes its subject from there ("X said
# ..., adding", "decided to announce", "who said"); one without either has no speaker in its clause.
SUBJECTLESS_DEPS = ("advcl", "xcomp", "conj", "relcl", "acl")
ATTRIBUTION_KINDS = ("direct", "mixed", "indirect")


def _subject_kind(root: Token) -> int:
    """1 a person's name, 2 a body's or place's, 3 a pronoun, 4 another proper noun, 5 a common noun; without a
    subject, 0, or 6 and up by the dependency the subject would be inherited through (``SUBJECTLESS_DEPS``)."""
    agents = [grand for child in root.children if child.dep_ == "agent" for grand in child.children]
    subject = next(iter(agents + [child for child in root.children if child.dep_ in SUBJECT_CLAUSE_DEPS]), None)
    if subject is None:
        return 6 + SUBJECTLESS_DEPS.index(root.dep_) if root.dep_ in SUBJECTLESS_DEPS else 0
    if subject.ent_type_ in SUBJECT_ENTITIES:
        return SUBJECT_ENTITIES[subject.ent_type_]
    return 3 if subject.pos_ == "PRON" else 4 if subject.pos_ == "PROPN" else 5


def cue_contexts(doc: Doc, groups: list[Group], arrays: DocArrays, quoted: np.ndarray) -> np.ndarray:
    """The cue classifier's input: the hashed conjunctions of each group's cue lemma with the facts of its clause
    (``confidence.CUE_ATOMS``, in that order; ``confidence.cue_hashes``). ``quoted``: ``quoted_tokens(doc)``, which
    ``group_features`` has already computed."""
    atoms = np.zeros((len(groups), len(CUE_ATOMS)), dtype=np.uint64)
    for row, group in enumerate(groups):
        root = doc[_cue_root(doc, group.cue)]
        children = list(root.children)
        deps = {child.dep_ for child in children}
        content = {i for span in group.contents for i in range(span.start, span.end)}
        objects = [child.i for child in children if child.dep_ == "dobj"]
        particles = [child for child in children if child.dep_ in ("prep", "prt")]
        first, last = arrays.lemma[group.cue.start], arrays.lemma[group.cue.end - 1]
        atoms[row] = [
            arrays.lemma[root.i],
            first if first == last else first ^ (last >> np.uint64(1)),
            arrays.fine[root.i],
            arrays.tag[root.i],
            arrays.dep[root.i],
            "ccomp" in deps or "parataxis" in deps,
            "xcomp" in deps,
            0 if not objects else 1 if objects[0] in content else 2,
            any(child.dep_ == "ccomp" and any(g.dep_ == "mark" for g in child.children) for child in children),
            _subject_kind(root),
            "auxpass" in deps or "nsubjpass" in deps,
            "neg" in deps,
            any(child.tag_ == "MD" for child in children),
            bool(quoted[root.i]),
            arrays.para[group.cue.start] == 0,
            ATTRIBUTION_KINDS.index(attribution_type(quoted, group.contents, doc)),
            ROUTES.index(group.routes[0]) + 1 if group.routes else 0,
            0 if not group.sources else 1 if group.sources[0].start < group.cue.start else 2,
            arrays.lower[particles[0].i] if particles else 0,
            bool(group.contents) and group.contents[0].start < group.cue.start,
            min(group.cue.end - group.cue.start, 3),
        ]
    return cue_hashes(atoms)


def confidences(doc: Doc, groups: list[Group], tagging: Tagging, model: TaggerModel, arrays: DocArrays) -> list[float]:
    """The calibrated probability that each group is a right attribution (``find.confidence``)."""
    values = model.calibrator.predict(group_features(doc, groups, tagging, arrays, model.cue_classifier))
    return [round(float(value), 3) for value in values]


def role_spans(tags: np.ndarray) -> list[RoleSpan]:
    """Maximal B-X I-X* runs as spans, in text order."""
    if len(tags) == 0:
        return []
    roles = (tags + 1) // 2  # 0 none, then one id per role in ROLES order
    begins = (tags % 2) == 1  # B- tags have odd indices
    following = np.append(roles[1:], 0)
    follows_begin = np.append(begins[1:], True)
    previous = np.insert(roles[:-1], 0, 0)
    starts = np.nonzero((roles > 0) & (begins | (previous != roles)))[0]
    ends = np.nonzero((roles > 0) & ((following != roles) | follows_begin))[0] + 1
    return [
        RoleSpan(ROLES[int(roles[start]) - 1], int(start), int(end)) for start, end in zip(starts, ends, strict=True)
    ]


def _ancestors(doc: Doc, i: int, depth: int) -> list[int]:
    out = []
    token = doc[i]
    for _ in range(depth):
        if token.head.i == token.i:
            break
        token = token.head
        out.append(token.i)
    return out


def _linked(doc: Doc, span: RoleSpan, cue: RoleSpan, depth: int) -> bool:
    """Whether some token of ``span`` hangs under the cue, or the cue hangs under the span, in the parse."""
    cue_tokens = range(cue.start, cue.end)
    for i in range(span.start, span.end):
        if any(a in cue_tokens for a in _ancestors(doc, i, depth)):
            return True
    for i in cue_tokens:
        if any(span.start <= a < span.end for a in _ancestors(doc, i, depth)):
            return True
    return False


def _distance(a: RoleSpan, b: RoleSpan) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


class _Layout:
    """Sentence and paragraph index of every token (see ``features.sentence_ids`` for how sentences are cut)."""

    def __init__(self, doc: Doc, quotes: list[tuple[int, int]]) -> None:
        self.paragraph = paragraph_ids(doc)
        self.sentence = sentence_ids(doc, self.paragraph, quotes)
        self.quotes = quotes
        # The first quotation (in list order) holding each token, -1 for none: painted last to first, so that a
        # lookup is one read instead of a pass over every quotation.
        self.quote = np.full(len(doc), -1, dtype=np.int64)
        for n in range(len(quotes) - 1, -1, -1):
            self.quote[quotes[n][0] : quotes[n][1]] = n

    def quote_of(self, i: int) -> tuple[int, int] | None:
        n = int(self.quote[i]) if 0 <= i < len(self.quote) else -1
        return self.quotes[n] if n >= 0 else None

    def same(self, level: np.ndarray, a: RoleSpan, b: RoleSpan) -> bool:
        return bool(set(level[a.start : a.end]) & set(level[b.start : b.end]))


class _CueIndex:
    """The groups by the sentences and paragraphs their cue touches, so that a span is compared with the cues
    of its own sentence or paragraph rather than with every cue of the document. Groups appended to the list
    later (``_introduced_quote``) are indexed when next asked."""

    def __init__(self, layout: _Layout, groups: list[Group]) -> None:
        self.layout = layout
        self.groups = groups
        self.indexed = 0
        self.by_level: dict[str, dict[int, list[int]]] = {"sentence": defaultdict(list), "paragraph": defaultdict(list)}

    def near(self, level: str, span: RoleSpan) -> list[Group]:
        """The groups whose cue shares a ``level`` ("sentence", "paragraph") with the span, in list order."""
        for number in range(self.indexed, len(self.groups)):
            cue = self.groups[number].cue
            for name, index in self.by_level.items():
                for value in set(getattr(self.layout, name)[cue.start : cue.end].tolist()):
                    index[value].append(number)
        self.indexed = len(self.groups)
        index = self.by_level[level]
        values = set(getattr(self.layout, level)[span.start : span.end].tolist())
        return [self.groups[number] for number in sorted({n for value in values for n in index.get(value, [])})]


def _choose_cue(doc: Doc, cues: _CueIndex, span: RoleSpan, levels: tuple[str, ...]) -> Group | None:
    """The attribution a span belongs to: the nearest cue linked to it in the parse within the sentence, else
    the nearest cue at each of ``levels`` ("sentence", "paragraph") in turn (ties: the earlier group)."""
    for group in sorted(cues.near("sentence", span), key=lambda group: _distance(span, group.cue)):
        if _linked(doc, span, group.cue, LINK_DEPTH):
            return group
    for level in levels:
        near = cues.near(level, span)
        if near:
            return min(near, key=lambda group: _distance(span, group.cue))
    return None


def _continued_quote(
    layout: _Layout,
    span: RoleSpan,
    previous: Group | None,
    anywhere: bool = False,
) -> Group | None:
    """The attribution whose quote a cue-less quoted span continues: more sentences after '"A," he said.', or
    the next paragraph of a quote running over several (one quotation for ``find_quotes``). ``previous``: the
    group given the latest content so far (contents are given in text order, so its last one ends latest)."""
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


def _quoted_paragraph(doc: Doc, layout: _Layout, span: RoleSpan, previous: Group | None) -> Group | None:
    """The attribution a paragraph that is one quotation continues (tried after the cues of the span's own
    sentence): the one given the latest content, when that content ends in the paragraph just before.

    PolNeAR's guidelines bind a quote continued in its own paragraph to the attribution before it ("Sometimes the
    continuation will appear in its own paragraph. It should still be annotated as part of the same
    attribution"), also when what came before was no quotation ("He then argued that the plan would fail:" and a
    quoted paragraph, or a reported sentence followed by the speaker's words). ``_continued_quote`` only follows
    a quote from a quote; this follows a paragraph's worth of quotation from whatever introduced it. On held-out
    train such paragraphs (tagged content, the gold cue in the paragraph before: 85) were left out of every
    attribution 34 times and joined the right one 42 times; with this, 7 and 52 (docs/accuracy.md, "Direct quotes").
    """
    quote = layout.quote_of(span.start) or layout.quote_of(span.end - 1)
    if quote is None or previous is None:
        return None
    paragraph = layout.paragraph[quote[0]]
    if layout.paragraph[previous.contents[-1].end - 1] != paragraph - 1:
        return None
    for i in range(quote[0] - 1, -1, -1):
        if layout.paragraph[i] != paragraph:
            break
        if not doc[i].is_space:
            return None
    for i in range(quote[1], len(doc)):
        if layout.paragraph[i] != paragraph:
            break
        if not (doc[i].is_space or doc[i].is_punct):
            return None
    return previous


MAX_INTRODUCED_SPEAKER = 10


def _speaker_like(doc: Doc, start: int, end: int) -> bool:
    """A short phrase with a name or pronoun and no verb: "Julie Martinez", "PENCE", "Sen. Warren (D-Mass.)"."""
    words = [token for token in doc[start:end] if not token.is_punct]
    return (
        0 < end - start <= MAX_INTRODUCED_SPEAKER
        and any(token.pos_ in ("PROPN", "PRON") for token in words)
        and not any(token.pos_ in ("VERB", "AUX") for token in words)
    )


def _introduced_quote(
    doc: Doc, layout: _Layout, quotes: list[tuple[int, int]], span: RoleSpan, groups: list[Group]
) -> Group | None:
    """A new attribution for a quote that a name introduces, or signs, with a colon or a dash at an edge of
    its paragraph ("Julie Martinez ― “...”", "PENCE: “...”", "“...” ― Beck Pimentel"): a layout of vox-pops
    and transcripts the tagger often misses. The mark is the cue, the name the source."""
    quote = next((q for q in quotes if q[0] <= span.start < q[1]), None)
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
            groups.append(group)
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
            groups.append(group)
            return group
    return None


def _leave_out_introductions(doc: Doc, layout: _Layout, spans: list[RoleSpan], quotes: list[tuple[int, int]]) -> None:
    """A content span that runs from a speaker's name over the mark into the quotation it introduces ("Tom Becker,
    52, a welder ― “...”", tagged content from "a welder") starts at the quotation instead: the name, its
    apposition and the mark are the source and cue of the ``introduced`` route, not what was said."""
    opening = {start: end for start, end in quotes}
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


def _paragraph_first(doc: Doc, layout: _Layout, i: int) -> int:
    """The first token of ``i``'s paragraph that is not a space."""
    start = i
    while start > 0 and layout.paragraph[start - 1] == layout.paragraph[i]:
        start -= 1
    while start < i and doc[start].is_space:
        start += 1
    return start


# PolNeAR makes a colon a cue when it introduces what a source says (its guidelines: "Romeo: “Is the day so
# young?”", "Her advice: ..."), quoted or not. Two layouts put such a colon after a bare name at the start of a line,
# which the tagger, having seen few of them, mostly leaves untagged: a headline "Source: what it says" ("Sanders:
# Clinton Email Story Has Moved", "Poll: ...") and a transcript's speaker labels ("TAPPER: Do you think ...?").
# The words before the colon must name a source: in a headline, a name the entity recognizer marks or a noun of
# ``lexicon.HEADLINE_SOURCES`` (not "The Latest:", "Breaking:", "BYLINE:"); in a transcript, capitals (the
# convention of broadcast transcripts) naming a person (a first name and surname, "JAKE TAPPER", or the surname of
# a person the article names, "FALLIN" for "Mary Fallin"; not "RELATED:" or "MORE:"), used by turns, so that at
# least two speakers appear and one speaks twice (a lone "UPDATE:" or "NOTE:" is no exchange). An interview's "Q:"
# and "A:" name no one, and PolNeAR marks them in some interviews only (22 of 62 on train): left out (held-out
# train attribution F1 71.80 with them, 71.79 without; direct quotes 75.65 and 75.77).
MAX_LABEL_WORDS = 4


def _labelled_lines(doc: Doc, layout: _Layout) -> list[tuple[RoleSpan, RoleSpan, RoleSpan]]:
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


def _lines(doc: Doc, layout: _Layout) -> list[tuple[int, int]]:
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


def _headline_source(doc: Doc, layout: _Layout, line: tuple[int, int]) -> tuple[RoleSpan, RoleSpan, RoleSpan] | None:
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
    if letters < 2 or not all(token.is_upper and any(c.isalpha() for c in token.text) for token in label):
        return None
    return _line_parts(doc, line, colon)


def _add_labelled(groups: list[Group], speaker: RoleSpan, cue: RoleSpan, content: RoleSpan) -> None:
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


def _snap_to_quotes(spans: list[RoleSpan], quotes: list[tuple[int, int]], tags: np.ndarray) -> None:
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


def _attach_content(
    doc: Doc,
    layout: _Layout,
    cues: _CueIndex,
    quotes: list[tuple[int, int]],
    span: RoleSpan,
    groups: list[Group],
    previous: Group | None,
) -> tuple[Group, str] | None:
    """The attribution a content span joins, and the route (``CONTENT_ROUTES``) that found it (``previous``: the
    group given the latest content so far)."""
    for route in CONTENT_ROUTES:
        if route == "syntax":
            group = _choose_cue(doc, cues, span, ())
        elif route in ("sentence", "paragraph"):
            group = _choose_cue(doc, cues, span, (route,))
        elif route == "quote":
            group = _continued_quote(layout, span, previous) or _quoted_paragraph(doc, layout, span, previous)
        elif route == "introduced":
            group = _introduced_quote(doc, layout, quotes, span, groups)
        else:
            # A quote with no cue in its paragraph most likely continues the last quoted attribution (its cue
            # was missed, or the quote marks are broken).
            group = _continued_quote(layout, span, previous, anywhere=True)
        if group is not None:
            return group, route
    return None


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


def _quote_before_its_cue(
    doc: Doc, layout: _Layout, cues: _CueIndex, span: RoleSpan, tags: np.ndarray
) -> tuple[int, Group] | None:
    """The quotation a content span ends with, when a tagged cue follows it with only punctuation and a tagged
    source between ("“...,” she wrote", "“...,” wrote Smith"): where the quotation starts in the span, and the
    cue's group.

    A quotation followed by its speaker and verb is that verb's complement (a fronted quote, or quotative
    inversion: the guidelines' own example of a direct quote is "“I have no regrets,” said Lowell."). The other
    routes may give it to another cue: the parse links the quote to a verb before it ("Clinton seemed irritated:
    “...,” she wrote"), or the tagger ran one content span from an earlier report into the quote ("he called the
    businessman “unhinged.” “So Donald ...,” the former governor said"). On held-out train, the gold cue of 122
    unmatched direct quotes was tagged but left without content, its quote in another group by the parse; with
    this rule 96, and 22 more direct quotes matched (docs/accuracy.md, "A quote before its own cue").
    """
    quote = layout.quote_of(span.end - 1)
    if quote is None or quote[1] not in (span.end, span.end + 1) or not _sentence_goes_on(doc, quote):
        return None
    source = ROLES.index("SOURCE") + 1  # a role id of ``role_spans``
    first = next((i for i in range(quote[1], len(doc)) if not (doc[i].is_punct or doc[i].is_space)), len(doc))
    for i in range(quote[1], len(doc)):
        if layout.paragraph[i] != layout.paragraph[quote[0]] or doc[i].text in SENTENCE_ENDS:
            return None
        if doc[i].is_punct or doc[i].is_space or (int(tags[i]) + 1) // 2 == source:
            continue
        following = [group for group in cues.near("sentence", RoleSpan("CUE", i, i + 1)) if group.cue.start == i]
        if not following or (i == first and _joins_a_clause(doc, following[0].cue)):
            return None
        return max(quote[0], span.start), following[0]
    return None


def _joins_a_clause(doc: Doc, cue: RoleSpan) -> bool:
    """A participle right after a quotation ("“...,” adding that ...", "“...,” referring to ...") continues the
    clause of the verb that introduced the quote: it is that speaker's next act, not the quote's own cue (but
    "according to" names the quote's source)."""
    root = doc[_cue_root(doc, cue)]
    return root.tag_ == "VBG" and root.lower_ != "according"


def _give_quote_its_cue(
    doc: Doc,
    layout: _Layout,
    cues: _CueIndex,
    quotes: list[tuple[int, int]],
    span: RoleSpan,
    groups: list[Group],
    previous: Group | None,
    own: tuple[int, Group],
) -> tuple[Group, str]:
    """Give the quotation ending ``span`` to the cue after it (``_quote_before_its_cue``), as the verb's
    complement (the "syntax" route); what the span held before the quotation is attached on its own, by the
    usual routes."""
    start, group = own
    if any(not (token.is_punct or token.is_space) for token in doc[span.start : start]):
        before = RoleSpan("CONTENT", span.start, start)
        attached = _attach_content(doc, layout, cues, quotes, before, groups, previous)
        if attached is not None:
            attached[0].contents.append(before)
            attached[0].routes.append(attached[1])
    span.start = start
    return group, "syntax"


def assemble(doc: Doc, tags: np.ndarray) -> list[Group]:
    """Group tagged spans into attributions (only those with a cue and some content), in text order."""
    spans = role_spans(tags)
    groups = [Group(cue=span) for span in spans if span.role == "CUE"]
    quotes = [(quote.start, quote.end) for quote in quote_spans(doc)]
    _snap_to_quotes(spans, quotes, tags)
    layout = _Layout(doc, quotes)
    _leave_out_introductions(doc, layout, spans, quotes)
    cues = _CueIndex(layout, groups)
    previous: Group | None = None  # the group given the latest content
    for span in spans:
        if span.role == "CONTENT":
            attached = _attach_content(doc, layout, cues, quotes, span, groups, previous)
            own = _quote_before_its_cue(doc, layout, cues, span, tags)
            if own is not None and (attached is None or attached[0] is not own[1]):
                attached = _give_quote_its_cue(doc, layout, cues, quotes, span, groups, previous, own)
            if attached is not None:
                attached[0].contents.append(span)
                attached[0].routes.append(attached[1])
                previous = attached[0]
    for span in spans:
        if span.role == "SOURCE":
            group = _choose_cue(doc, cues, span, ("sentence", "paragraph"))
            if group is not None:
                group.sources.append(span)
    for speaker, cue, content in _labelled_lines(doc, layout):
        _add_labelled(groups, speaker, cue, content)
    for group in groups:
        if not group.contents:
            _report_of_a_report(doc, layout, group, groups)
        if not group.contents and group.sources:
            _untagged_complement(doc, group, tags)
    kept = [group for group in groups if group.contents and not _places_a_call(doc, group)]
    sources = [span for span in spans if span.role == "SOURCE"]
    for group in kept:
        _complete_verb_group(doc, group.cue, tags)
        _according_to_names_its_source(doc, group)
        _inverted_speaker(doc, group)
        if not group.sources:
            found = _subject_source(doc, group, sources)
            if found is not None:
                group.sources.append(found)
    return kept


# PolNeAR annotates the outer attribution of a report of a report ("The Post reported that Manafort acknowledged ...",
# "“...,” Walker said, according to an AP account"), never the inner one: the whole inner statement, its source and
# cue included, is the outer content (the guidelines: "according to" takes the clause it attaches to as content). When
# the tagger tags the inner cue too, the inner cue takes the content by syntax and the outer cue is left with
# nothing, so its attribution is lost. On held-out train 293 gold attributions whose tagged cue was left without
# content hold another group's cue in their gold content (docs/accuracy.md, "Reports of reports"). ``find/nested.py``
# adds such outer frames too, but only after the confidence cut, for lexicon verbs with a subject, at a constant
# confidence; here the tagger's own cue keeps its group and is scored like any other.
REPORTED_CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
REPORTING_ATTACHMENTS = frozenset({"prep", "parataxis"})


def _report_of_a_report(doc: Doc, layout: _Layout, group: Group, groups: list[Group]) -> None:
    """Give a cue left without content the inner attribution it reports, when the parse puts that attribution's
    cue in the cue's complement clause ("reported [that X acknowledged ...]"), or puts the cue as an "according
    to" or parenthetical beside the inner cue's verb ("X said ..., according to Y"); see above. The content stays
    in the cue's paragraph: spaCy runs a sentence over a line break when a line has no final period."""
    root = doc[_cue_root(doc, group.cue)]
    paragraph = np.flatnonzero(layout.paragraph == layout.paragraph[group.cue.start])
    for other in groups:
        if other is group or not other.contents:
            continue
        inner = doc[_cue_root(doc, other.cue)]
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


def _pieces(doc: Doc, start: int, end: int, excluded: list[RoleSpan]) -> list[RoleSpan]:
    """The runs of ``[start, end)`` outside the excluded spans, each without its loose edges (``loose_edge``)."""
    inside = np.zeros(end - start, dtype=bool)
    for span in excluded:
        inside[max(span.start, start) - start : max(min(span.end, end) - start, 0)] = True
    pieces = []
    i = start
    while i < end:
        if inside[i - start]:
            i += 1
            continue
        j = i
        while j < end and not inside[j - start]:
            j += 1
        first, last = i, j
        while first < last and loose_edge(doc[first]):
            first += 1
        while last > first and loose_edge(doc[last - 1]):
            last -= 1
        if first < last:
            pieces.append(RoleSpan("CONTENT", first, last))
        i = j
    return pieces


# "Call" reports speech when it names ("called the plan a disaster": a second complement), demands ("called for",
# "called on") or denounces ("called out"). With a bare object and no quotation it places a phone call or summons
# someone ("called the police", "called a meeting"): an action. On PolNeAR train, such "call" verbs are gold cues
# 11 times and not 26 times.
CALL_COMPLEMENTS = frozenset({"oprd", "xcomp", "ccomp", "attr", "advcl", "dative", "prt"})
CALL_PREPOSITIONS = frozenset({"for", "on", "upon"})


def _places_a_call(doc: Doc, group: Group) -> bool:
    """A "call" cue with a bare object and no quotation (see above)."""
    root = doc[_cue_root(doc, group.cue)]
    if root.lemma_ != "call" or root.pos_ != "VERB":
        return False
    deps = call_dependents(root)
    prepositions = call_prepositions(root)
    quoted = any(doc[i].is_quote for span in group.contents for i in range(span.start, span.end))
    return "dobj" in deps and not deps & CALL_COMPLEMENTS and not prepositions & CALL_PREPOSITIONS and not quoted


# PolNeAR keeps a cue's verb group together (its guidelines: "Keep the verb group together"): the auxiliaries,
# negation, particles and adverbs of the cue's verb belong to the cue ("has not said", "pointed out", "has
# repeatedly called"). On PolNeAR train, aux, auxpass, neg and prt children of a verbal cue are inside the gold cue
# 95-99% of the time, adverbs before the verb 60%.
VERB_GROUP_DEPS = frozenset({"aux", "auxpass", "neg", "prt"})
VERB_GROUP_LEFT_DEPS = VERB_GROUP_DEPS | {"advmod"}


def _complete_verb_group(doc: Doc, cue: RoleSpan, tags: np.ndarray) -> None:
    """Widen the cue over untagged neighbours of its verb's group, as long as the cue stays one run of words."""
    root = doc[_cue_root(doc, cue)]
    if root.pos_ not in ("VERB", "AUX"):
        return
    left = {child.i for child in root.children if child.dep_ in VERB_GROUP_LEFT_DEPS and child.i < root.i}
    right = {child.i for child in root.children if child.dep_ in VERB_GROUP_DEPS and child.i > root.i}
    while cue.start - 1 in left and tags[cue.start - 1] == 0:
        cue.start -= 1
    while cue.end in right and tags[cue.end] == 0:
        cue.end += 1


# What a reporting verb reports is its clausal complement (PolNeAR's guidelines: the content is the complement
# clause, in "X, officials said" before the verb as after it), and what "according to X" reports is the clause
# the phrase hangs from. The tagger sometimes tags the cue and its source and leaves that clause untagged: a
# clause-initial content must open with a B tag, which its weights make costly, and in "Talks broke down on
# Thursday, union officials said" the path through O wins by a little. A cue with a tagged source and nothing
# else then gets the untagged clause as content; a clause the tagger gave any role is left to the tagger.
def _untagged_complement(doc: Doc, group: Group, tags: np.ndarray) -> None:
    root = doc[_cue_root(doc, group.cue)]
    if root.lower_ == "according" and root.dep_ == "prep":
        clause = _clause_beside(doc, root)
    elif root.pos_ in ("VERB", "AUX"):
        clause = next(((c.left_edge.i, c.right_edge.i + 1) for c in root.children if c.dep_ == "ccomp"), None)
    else:
        clause = None
    if clause is None:
        return
    start, end = clause
    if tags[start:end].any() or start <= group.cue.start < end:
        return
    group.contents = _pieces(doc, start, end, [])
    group.routes = ["syntax"] * len(group.contents)


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


def _according_to_names_its_source(doc: Doc, group: Group) -> None:
    """ "Putin, according to current and former officials, sees ...": "according to" names its source inside the
    phrase, so a mention tagged as source before the cue is the reported clause's subject: content."""
    if doc[group.cue.start].lower_ != "according" or not any(s.start >= group.cue.end for s in group.sources):
        return
    before = [s for s in group.sources if s.end <= group.cue.start]
    for span in before:
        group.sources.remove(span)
        group.contents.append(RoleSpan("CONTENT", span.start, span.end))
    group.contents.sort(key=lambda span: span.start)


# The noun phrase right after a reporting verb that follows its quotation: the inverted subject ("said the
# governor"), which en_core_web_sm mostly parses as the verb's direct object.
INVERTED_SUBJECT_DEPS = frozenset({"nsubj", "dobj"})


def _inverted_speaker(doc: Doc, group: Group) -> None:
    """ "“We will win,” said the governor.": in quotative inversion English puts the speaker after the verb, and
    the quotation before it is the verb's complement, so the noun phrase after the cue is who spoke, not what was
    said. The tagger, reading a verb and its object, often tags that phrase as content; it becomes the source
    when the group has none and a quotation ends just before the cue."""
    if group.sources:
        return
    root = doc[_cue_root(doc, group.cue)]
    speaker = next(
        (child for child in root.children if child.dep_ in INVERTED_SUBJECT_DEPS and child.i >= group.cue.end), None
    )
    after = next((span for span in group.contents if span.start >= group.cue.end), None)
    if speaker is None or after is None or not _quote_just_before(doc, group):
        return
    if all(t.is_space or t.text == "," for t in doc[group.cue.end : after.start]) and (
        after.start == speaker.left_edge.i and after.end <= speaker.right_edge.i + 1
    ):
        group.contents.remove(after)
        group.sources.append(RoleSpan("SOURCE", after.start, after.end))


def _quote_just_before(doc: Doc, group: Group) -> bool:
    """A content of the group ends with a closing quotation mark, only punctuation or space between it and the
    cue (“...,” said)."""
    for span in group.contents:
        if span.end <= group.cue.start and all(t.is_punct or t.is_space for t in doc[span.end : group.cue.start]):
            return any(t.is_quote for t in doc[max(span.start, span.end - 2) : group.cue.start])
    return False


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "poss"})
# Verbs through which a cue inherits its governor's subject: "X said ..., adding that ..." (advcl), "X took
# time to brag about ..." (xcomp), "X said ... and warned ..." (conj).
INHERITING_DEPS = {"advcl", "xcomp", "conj", "acl", "relcl", "pcomp", "prep"}


def _cue_root(doc: Doc, cue: RoleSpan) -> int:
    """The cue token whose head lies outside the cue (its syntactic head)."""
    for i in range(cue.start, cue.end):
        head = doc[i].head.i
        if head == i or not cue.start <= head < cue.end:
            return i
    return cue.start


def _subject_source(doc: Doc, group: Group, sources: list[RoleSpan]) -> RoleSpan | None:
    """A source for a cue the tagger left without one: the subject of the cue (or of the verb it hangs from),
    reusing a tagged source span when the subject lies in one (PolNeAR lets two attributions share a source).

    Attribution matching only asks the predicted source to share a word with the gold one, and a gold
    attribution without source accepts any, so a syntactic guess costs little and recovers most shared
    sources.
    """
    taken = {i for span in (group.cue, *group.contents) for i in range(span.start, span.end)}
    token = doc[_cue_root(doc, group.cue)]
    for _ in range(3):
        for child in token.children:
            if child.dep_ == "agent":
                child = next((grand for grand in child.children if grand.dep_ == "pobj"), child)
            elif child.dep_ != "nsubj":
                continue
            if child.i in taken:
                continue
            for span in sources:
                if span.start <= child.i < span.end:
                    return span
            start, end = child.left_edge.i, child.right_edge.i + 1
            if not taken.intersection(range(start, end)):
                return RoleSpan("SOURCE", start, end)
            return RoleSpan("SOURCE", child.i, child.i + 1)
        if token.dep_ not in INHERITING_DEPS or token.head.i == token.i:
            break
        token = token.head
    return _nearest_speaker(doc, group, taken)


SPEAKER_ENTITIES = {"PERSON", "ORG", "GPE", "NORP"}
SPEAKER_PRONOUNS = {"he", "she", "they", "we", "i", "who"}


def _nearest_speaker(doc: Doc, group: Group, taken: set[int]) -> RoleSpan | None:
    """When the parse gives the cue no subject (it often misparses appositions and long subjects), the closest
    person-like mention before the cue in its sentence: a named person/organization/place or a personal
    pronoun, widened to its whole entity."""
    sentence_start = doc[group.cue.start].sent.start
    for i in range(group.cue.start - 1, sentence_start - 1, -1):
        token = doc[i]
        if i in taken:
            break
        if token.ent_type_ in SPEAKER_ENTITIES:
            entity = entity_span(token)  # not a search of doc.ents, which spaCy builds anew on each access
            if entity is not None and not taken.intersection(range(entity.start, entity.end)):
                return RoleSpan("SOURCE", entity.start, entity.end)
        if token.pos_ == "PRON" and token.lower_ in SPEAKER_PRONOUNS:
            return RoleSpan("SOURCE", i, i + 1)
    return None


def attribution_type(quoted: np.ndarray, contents: list[RoleSpan], doc: Doc) -> AttributionType:
    """direct when every content word is quoted, mixed when some are, else indirect."""
    punct = doc_punct(doc)
    inside = np.concatenate([quoted[s.start : s.end][~punct[s.start : s.end]] for s in contents] or [quoted[:0]])
    if not len(inside):
        return "indirect"
    if inside.all():
        return "direct"
    return "mixed" if inside.any() else "indirect"


def quoted_tokens(doc: Doc) -> np.ndarray:
    """Per token: inside a quotation."""
    quoted = np.zeros(len(doc), dtype=bool)
    for quote in quote_spans(doc):
        quoted[quote.start : quote.end] = True
    return quoted


def reading_position(group: Group) -> int:
    """The group's first token: the doc's attributions are recorded, and read back, in this order (not in the
    order ``assemble`` found them: a quote a name introduces becomes a group after all the tagged cues)."""
    return min(span.start for span in (group.cue, *group.contents, *group.sources))


def record_attributions(doc: Doc, groups: list[Group], confidence: list[float]) -> None:
    """Add each group to the doc with ``annotations.add_attribution``, in reading order, with its
    confidence."""
    ATTRIBUTIONS.start(doc)
    quoted = quoted_tokens(doc)

    def spans(items: list[RoleSpan]) -> list[Span]:
        return [doc[item.start : item.end] for item in items]

    ranked = sorted(zip(groups, confidence, strict=True), key=lambda pair: reading_position(pair[0]))
    for group, value in ranked:
        add_attribution(
            doc,
            cue=spans([group.cue]),
            content=spans(group.contents),
            source=spans(group.sources),
            type=attribution_type(quoted, group.contents, doc),
            confidence=value,
        )


# The attributions a document holds, as groups of spans, with the confidence of each.
Found = tuple[list[Group], list[float]]


def find_attributions(doc: Doc, model: TaggerModel, min_confidence: float | None = None) -> Found:
    """Tag, group and score: the attributions the component records, each with its confidence; those below
    ``min_confidence`` (by default the model's threshold, chosen in training) are left out."""
    if len(doc) == 0:
        return [], []
    arrays = doc_arrays(doc, model.lexicon)
    tagging = tag_doc(doc, model, arrays)
    groups = assemble(doc, tagging.tags)
    values = confidences(doc, groups, tagging, model, arrays)
    threshold = model.calibrator.threshold if min_confidence is None else min_confidence
    kept = [(group, value) for group, value in zip(groups, values, strict=True) if value >= threshold]
    return [group for group, _ in kept], [value for _, value in kept]


class AttributionsPipe(AnnotatingPipe[Found]):
    """Runs the role tagger on the parse and records each attribution with ``annotations.add_attribution``.

    The tagger's weights are trained outside spaCy (``accordingto train``). They are the ones ``initialize``
    or ``from_disk`` loaded, else, on first use, those at ``model_path``, else the ones shipped in the package;
    ``to_disk``/``to_bytes`` save them with the pipeline, so a saved pipeline keeps the weights it ran with.
    """

    def __init__(self, nlp: Language, name: str, model_path: str | None, min_confidence: float | None) -> None:
        self.name = name
        self.model_path = model_path
        self.min_confidence = min_confidence
        self._model: TaggerModel | None = None

    @property
    def model(self) -> TaggerModel:
        if self._model is None:
            self._model = load_model(self.model_path)
        return self._model

    @model.setter
    def model(self, model: TaggerModel) -> None:
        self._model = model

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        model_path: str | None = None,
    ) -> None:
        """Load the weights at ``model_path`` (from ``[initialize.components]``), else at the configured path,
        else the shipped ones. Examples are not used: the tagger is trained by ``accordingto train``."""
        self._model = load_model(model_path or self.model_path)

    def predict(self, doc: Doc) -> Found:
        return find_attributions(doc, self.model, self.min_confidence)

    def set_annotations(self, doc: Doc, prediction: Found) -> None:
        record_attributions(doc, *prediction)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        self.model.save(folder / WEIGHTS_FILE)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> AttributionsPipe:
        self._model = read_weights(Path(path) / WEIGHTS_FILE)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        with tempfile.TemporaryDirectory() as folder:
            self.to_disk(folder)
            return (Path(folder) / WEIGHTS_FILE).read_bytes()

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> AttributionsPipe:
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / WEIGHTS_FILE).write_bytes(bytes_data)
            return self.from_disk(folder)


@component_factory(
    "accordingto_attributions",
    # min_confidence None: the threshold the model was trained with; 0 keeps every attribution the tagger groups.
    default_config={"model_path": None, "min_confidence": None},
    assigns=["doc.spans", ATTRIBUTIONS.attr],
    requires=[
        "doc.spans",
        "token.tag",
        "token.dep",
        "token.head",
        "token.lemma",
        "token.is_sent_start",
        "doc.ents",
        "token.ent_iob",
        "token.ent_type",
    ],
)
def make_attributions(
    nlp: Language, name: str, model_path: str | None, min_confidence: float | None
) -> AttributionsPipe:
    return AttributionsPipe(nlp, name, model_path, min_confidence)
