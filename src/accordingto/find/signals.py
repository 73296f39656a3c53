"""What the confidence model reads of each group (``confidence.FEATURES``), and the calibrated confidence itself."""

from __future__ import annotations

import numpy as np
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Token

from .. import lexicon
from ..annotations import doc_punct, doc_token_codes
from .confidence import (
    CONTENT_ROUTES,
    CUE_ATOMS,
    FEATURES,
    Candidate,
    CueClassifier,
    CueFrame,
    attribution_features,
    cue_hashes,
)
from .cues import cue_root
from .features import NONE, DocArrays, space_tokens
from .groups import Group, attribution_type
from .perceptron import TaggerModel, Tagging

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "poss"})


def group_features(
    doc: Doc, groups: list[Group], tagging: Tagging, arrays: DocArrays, cue_model: CueClassifier | None = None
) -> np.ndarray:
    """``(len(groups), len(confidence.FEATURES))``: what the confidence model reads of each group (``arrays``:
    the tagger's per-token arrays of the doc, for its cue buckets, sentences and paragraphs). The last signal is
    ``cue_model``'s logit (``cue_contexts``); without one it is 0, for training to fill in with held-out logits."""
    if not groups:
        return np.zeros((0, len(FEATURES)))
    quoted = arrays.inq.astype(bool)
    layout = _ParagraphWords(doc, arrays)
    marks = _ClauseMarks(doc, arrays, layout.words)
    cue_sentences = [int(arrays.sent[group.cue.start]) for group in groups]
    logits = cue_model.logits(cue_contexts(doc, groups, arrays)) if cue_model is not None else np.zeros(len(groups))
    codes = doc_token_codes(doc)  # heads and entity types read per token without making Token objects
    person = doc.vocab.strings["PERSON"]
    rows = []
    for group, cue_sentence, logit in zip(groups, cue_sentences, logits, strict=True):
        root = doc[cue_root(doc, group.cue)]
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
                    governs_content=any(codes.governor[i] == root.i for i in content_tokens),
                    sentence_cues=cue_sentences.count(cue_sentence) - 1,
                    first_paragraph=bool(arrays.para[group.cue.start] == 0),
                    source_person=any(codes.ent_type[i] == person for i in source_tokens),
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
        # Paragraph ids never fall along the text, so the paragraph is one stretch, read alone: not an array the
        # length of the document per group.
        paragraph = self.para[group.cue.start]
        low = int(np.searchsorted(self.para, paragraph, side="left"))
        high = int(np.searchsorted(self.para, paragraph, side="right"))
        inside = np.zeros(high - low, dtype=bool)
        for span in (group.cue, *group.sources, *group.contents):
            inside[max(span.start, low) - low : max(min(span.end, high) - low, 0)] = True
        return not (self.words[low:high] & ~inside).any()


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


def cue_contexts(doc: Doc, groups: list[Group], arrays: DocArrays) -> np.ndarray:
    """The cue classifier's input: the hashed conjunctions of each group's cue lemma with the facts of its clause
    (``confidence.CUE_ATOMS``, in that order; ``confidence.cue_hashes``)."""
    quoted = arrays.inq.astype(bool)
    atoms = np.zeros((len(groups), len(CUE_ATOMS)), dtype=np.uint64)
    for row, group in enumerate(groups):
        root = doc[cue_root(doc, group.cue)]
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
            CONTENT_ROUTES.index(group.routes[0]) + 1 if group.routes else 0,
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
