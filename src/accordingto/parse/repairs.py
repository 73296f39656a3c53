"""Repairs of the small model's parse: a reporting verb read as a noun, a speaker's label in capitals read as no name,
an unknown name read as an adverb, an age epithet read as a modifier of its verb.

en_core_web_sm reads "<noun> <verb>s that ..." as one noun phrase when the verb can also be a noun: "The new
regulations state that drivers must stop", "Trump claims that he should be the exception", "Audit files show
that ...". The sentence's root is then the noun "state" or "claims", the subject is its compound, and the
reported clause a relative clause: the tagger sees no verb, no subject and no complement, and the attribution is
lost (issue 10.3 names the first example). A sentence has a finite verb; a noun root that a compound noun
precedes and a "that" clause with a subject of its own follows, and that is a reporting word, is that verb. The
repair relabels the tree spaCy built (same heads): the root becomes a present-tense verb, its compound the
subject, the clause its complement and "that" its mark. It runs right after the parser, before the attribute
ruler, so part of speech and lemma follow from the new tag.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Token

from .. import lexicon
from ..annotations import doc_text
from ..clauses import CLAUSE_SUBJECT_DEPS
from ..pipes import component_factory
from .word_classes import unknown_word

_NOUN_TAGS = frozenset({"NN", "NNS"})
_SUBJECT_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp"})


def _reporting_form(word: str) -> bool:
    """A reporting word (the lexicon's statement cue words, not acts such as "decide" or "see") or its third-person
    form, which the small model reads as a plural noun ("claims", "charges", "stresses")."""
    words = lexicon.STATEMENT_CUE_WORDS
    return word in words or (word.endswith("s") and (word[:-1] in words or word[:-2] in words))


def _reported_clause(root: Token) -> Token | None:
    """The clause right of the root that "that" opens and that has a subject of its own ("that" itself may be
    parsed as the relative pronoun's object: "state that drivers must stop")."""
    for child in root.rights:
        if (
            child.dep_ in _CLAUSE_DEPS
            and child.left_edge.lower_ == "that"
            and any(word.dep_ in CLAUSE_SUBJECT_DEPS and word.lower_ != "that" for word in child.children)
        ):
            return child
    return None


def repair_misread_verbs(doc: Doc) -> int:
    """Relabel every sentence root misread as a noun (see the module); the number repaired."""
    repaired = 0
    for sentence in doc.sents:
        root = sentence.root
        if root.tag_ not in _NOUN_TAGS or root.i == sentence.start or not _reporting_form(root.lower_):
            continue
        subject = doc[root.i - 1]
        if subject.dep_ != "compound" or subject.head.i != root.i or subject.tag_ not in _SUBJECT_TAGS:
            continue
        clause = _reported_clause(root)
        if clause is None:
            continue
        # A plural noun read as the head is a verb in the third person singular ("claims"); a singular one, in
        # the plural or the first person ("state").
        root.tag_ = "VBZ" if root.tag_ == "NNS" else "VBP"
        subject.dep_ = "nsubj"
        clause.dep_ = "ccomp"
        clause.left_edge.dep_ = "mark"
        clause.left_edge.tag_ = "IN"
        repaired += 1
    return repaired


class Repair:
    """A repair of the parse as a pipeline component, placed right after the parser (and the sentence bound): the
    repair function on every document."""

    def __init__(self, name: str, repair: Callable[[Doc], int]) -> None:
        self.name = name
        self.repair = repair

    def __call__(self, doc: Doc) -> Doc:
        self.repair(doc)
        return doc


@component_factory("accordingto_misread_verbs", assigns=["token.tag", "token.dep"], requires=["token.dep"])
def make_misread_verbs(nlp: Language, name: str) -> Repair:
    return Repair(name, repair_misread_verbs)


# A transcript gives each turn its speaker's name in capitals before a colon ("ACHEBE: My door is open", "MR
# HALE: …"). en_core_web_sm, trained on text in mixed case, reads such a word as it pleases (an adverb, a verb, an
# organisation's acronym): its turns then had a source that named no one. At the start of a line, before a colon
# and alone there, words in capitals are a label, and a label names who speaks.
_LABEL_WORDS_MAX = 3


def repair_speaker_labels(doc: Doc) -> int:
    """Tag as proper nouns the words of every line-opening label in capitals before a colon (see above); the
    number of labels repaired (one whose words are all proper nouns already is not counted)."""
    repaired = 0
    # The colons are found in spaCy's array of word hashes rather than by building a ``Token`` for every word,
    # and the text is built once (``Doc.text`` joins every word again on each access): this runs on every text.
    colons = np.flatnonzero(doc.to_array(ORTH) == doc.vocab.strings[":"]).tolist() if len(doc) else []
    text = doc_text(doc) if colons else ""
    for i in colons:
        colon = doc[i]
        first = colon.i
        while first > 0 and colon.i - first < _LABEL_WORDS_MAX and _in_capitals(doc[first - 1]):
            first -= 1
        label = doc[first : colon.i]
        line_start = label.start_char == 0 or text[label.start_char - 1] == "\n"
        if not label or not line_start or all(word.tag_ == "NNP" for word in label):
            continue
        for word in label:
            word.tag_ = "NNP"
        repaired += 1
    return repaired


def _in_capitals(token: Token) -> bool:
    """A word of two letters or more written in capitals ("ACHEBE", "MR", "DR.")."""
    letters = token.text.rstrip(".")
    return len(letters) > 1 and letters.isalpha() and letters.isupper()


@component_factory("accordingto_speaker_labels", assigns=["token.tag"], requires=["token.tag"])
def make_speaker_labels(nlp: Language, name: str) -> Repair:
    return Repair(name, repair_speaker_labels)


# Tags and dependencies the small model gives an unknown capitalised word opening a sentence before its verb
# ("Chatterly said …": an adverb, the "-ly" read as an ending), and the tags of a finite verb that needs a subject.
_MODIFIER_TAGS = frozenset({"RB", "JJ"})
_MODIFIER_DEPS = frozenset({"advmod", "amod", "npadvmod"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _lacks_subject(verb: Token) -> bool:
    """A finite verb without a subject: what a declarative sentence has and a misreading of the word before took."""
    return verb.tag_ in _FINITE_TAGS and not any(child.dep_ in CLAUSE_SUBJECT_DEPS for child in verb.children)


def repair_unknown_subjects(doc: Doc) -> int:
    """Tag as a proper noun and the verb's subject a capitalised word opening a sentence that the small model read as
    a modifier of the finite verb right after it, where that verb has no subject and the word is no English word
    (``unknown_word``); the number repaired. "Chatterly said it disagreed …", "Tinderly said …": a declarative
    finite verb has a subject, and a word in none of WordNet's classes written with a capital is a name, so the
    name is the subject the parse lacks (news23: the extractor then took the name as the source, but the resolver,
    seeing an adverb, gave it no participant). A real adverb or adjective there ("Finally, …", "Frankly said") is
    a WordNet word and is left alone."""
    repaired = 0
    for sentence in doc.sents:
        word = sentence[0]
        verb = word.head
        if (
            len(sentence) < 3
            or word.tag_ not in _MODIFIER_TAGS
            or word.dep_ not in _MODIFIER_DEPS
            or not word.is_title
            or verb.i != word.i + 1
            or not _lacks_subject(verb)
            or not unknown_word(word.text)
        ):
            continue
        word.tag_ = "NNP"
        word.dep_ = "nsubj"
        repaired += 1
    return repaired


@component_factory("accordingto_unknown_subjects", assigns=["token.tag", "token.dep"], requires=["token.dep"])
def make_unknown_subjects(nlp: Language, name: str) -> Repair:
    return Repair(name, repair_unknown_subjects)


# News re-mentions a person by age: "The 63-year-old added that …". The epithet is an adjective phrase standing as a
# noun, which en_core_web_sm, having seen "a 63-year-old man" far more often, reads as the premodifier of the word
# after it: "old" an adjective modifying "added", "The" that verb's determiner. The verb then has no subject, and the
# statement no source (news26's "The 52-year-old added"). A finite verb right after the epithet is no noun it could
# modify, so the epithet is its subject.
_AGE_UNITS = frozenset({"year", "years", "month", "months"})


def repair_age_epithets(doc: Doc) -> int:
    """Make "the N-year-old" the subject of the finite verb right after it, where the parse read the epithet as
    that verb's modifier (see above); the number repaired."""
    repaired = 0
    # Only the words "old" can open the repair: they are found in spaCy's array of lower-case hashes, without a
    # ``Token`` for every word of the text.
    olds = np.flatnonzero(doc.to_array(LOWER) == doc.vocab.strings["old"]).tolist() if len(doc) else []
    for i in olds:
        old = doc[i]
        verb = old.head
        if (
            old.lower_ != "old"
            or old.i < 4
            or old.dep_ != "amod"
            or verb.i != old.i + 1
            or not _lacks_subject(verb)
            or doc[old.i - 1].text != "-"
            or doc[old.i - 2].lower_ not in _AGE_UNITS
            or doc[old.i - 3].text != "-"
            or not doc[old.i - 4].like_num
        ):
            continue
        for child in list(verb.lefts):
            if child.dep_ == "det" and child.i < old.i:
                child.head = old
        old.tag_ = "NN"
        old.dep_ = "nsubj"
        repaired += 1
    return repaired


@component_factory("accordingto_age_epithets", assigns=["token.tag", "token.dep"], requires=["token.dep"])
def make_age_epithets(nlp: Language, name: str) -> Repair:
    return Repair(name, repair_age_epithets)
