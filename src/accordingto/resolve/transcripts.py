"""Question-and-answer transcripts: who the "I" and "we" of an answer are.

An interview published as a transcript — a paragraph that asks, then the answer, with no quotation marks and no
reporting verb — gives its answers no attribution, so the rules would leave their "I" and "we" as the author's.
The text itself says who answers: its introduction names the person interviewed ("Wikinews interviewed Tina
McKenzie", "an interview with Hugh McGuire", "Nick Bos tells Wikinews", "Jack Herrick, wikiHow founder
interviewed by Wikinews"). What this module finds is read off the per-document token table
(``annotations.TokenCodes``), without building spaCy ``Token`` objects.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.strings import get_string_id
from spacy.symbols import PROPN
from spacy.tokens import Doc

from .. import lexicon
from ..annotations import TokenCodes, doc_token_codes
from .markables import paragraph_numbers

# A layout of questions and answers needs at least this many questions each followed by an answer: one
# paragraph ending in "?" is a rhetorical question in an opinion piece, not an interview.
MIN_QUESTIONS = 2
# Labels opening a question paragraph in a "Q: … A: …" layout.
QUESTION_LABELS = {"q", "question"}
# Verbs whose object is the person interviewed ("Wikinews interviewed X", "X, interviewed by Wikinews").
INTERVIEW_VERBS = {"interview"}
# Words whose "with" names the person interviewed ("an interview with X", "Wikinews spoke with X"), unless a
# person is the subject: "Chomsky sat down with Michael Dranove for an interview" names the interviewer.
MEETING_WORDS = {"interview", "speak", "talk", "chat"}
# Verbs whose subject is the person interviewed when they tell someone ("Nick Bos tells Wikinews about ants").
TELLING_VERBS = {"tell"}

_DOBJ, _NSUBJ, _NSUBJPASS = get_string_id("dobj"), get_string_id("nsubj"), get_string_id("nsubjpass")
_ACL, _APPOS, _PREP, _POBJ = get_string_id("acl"), get_string_id("appos"), get_string_id("prep"), get_string_id("pobj")
_DATIVE, _WITH, _PERSON = get_string_id("dative"), get_string_id("with"), get_string_id("PERSON")
# Who may be interviewed: a person, or a body ("An interview with The Onion"); a proper noun the small model
# left untagged may be either.
_NAMED = {_PERSON, get_string_id("ORG"), 0}
_QUESTION_MARK, _COLON, _COMPOUND = get_string_id("?"), get_string_id(":"), get_string_id("compound")


@dataclass(frozen=True)
class Transcript:
    """Where a document's questions and answers are: its answer paragraphs, and where the first question starts
    (what comes before introduces the interview)."""

    first_question: int  # token index
    answers: frozenset[int]  # paragraph numbers
    paragraph_of: list[int]  # each token's paragraph

    def in_answer(self, token: int) -> bool:
        return self.paragraph_of[token] in self.answers


def find_transcript(doc: Doc) -> Transcript | None:
    """The questions and answers of a document laid out as a transcript: paragraphs that ask (ending in "?", or
    labelled "Q:"), each followed by paragraphs that do not, which answer it. None for a document with fewer than
    ``MIN_QUESTIONS`` such questions."""
    codes = doc_token_codes(doc)
    paragraph_of = paragraph_numbers(codes).tolist()
    words: dict[int, list[int]] = {}
    for i, paragraph in enumerate(paragraph_of):
        if not codes.space[i]:
            words.setdefault(paragraph, []).append(i)
    order = sorted(words)
    asking = {p for p in order if _asks(codes, words[p])}
    answered = [p for p, following in zip(order, order[1:], strict=False) if p in asking and following not in asking]
    if len(answered) < MIN_QUESTIONS:
        return None
    first = min(asking)
    answers = frozenset(p for p in order if p > first and p not in asking)
    return Transcript(words[first][0], answers, paragraph_of)


def _asks(codes: TokenCodes, words: list[int]) -> bool:
    """Whether a paragraph is a question: it ends in a question mark outside quotation marks (a quoted question
    ends with the closing mark), or opens with a question label ("Q:")."""
    if codes.lower[words[-1]] == _QUESTION_MARK:
        return True
    return len(words) > 1 and codes.lemma_text(words[0]) in QUESTION_LABELS and codes.lower[words[1]] == _COLON


def interviewee(doc: Doc, transcript: Transcript) -> int | None:
    """The token of the person's name the introduction says is interviewed (the first such, in text order):
    the object of "interview", the one an interview is "with", or who "tells" the interviewer. None when the
    introduction says nobody is (a name alone is not enough: the introduction also names whom the interview is
    about)."""
    codes = doc_token_codes(doc)
    for i in range(transcript.first_question):
        for candidate in _interviewed(codes, i):
            name = _person_name(codes, candidate)
            if name is not None:
                return name
    return None


def _interviewed(codes: TokenCodes, i: int) -> list[int]:
    """Who word ``i`` says is interviewed, if it is one of the interview words."""
    lemma = codes.lemma_text(i)
    found = []
    children = codes.children(i) if lemma in INTERVIEW_VERBS | MEETING_WORDS | TELLING_VERBS else []
    if lemma in INTERVIEW_VERBS and codes.dep[i] != _POBJ:
        # A headline "Wikinews interviews X" is parsed as a noun with X in apposition.
        found += [c for c in children if codes.dep[c] in {_DOBJ, _NSUBJPASS, _APPOS}]
        if codes.dep[i] == _ACL:
            found.append(codes.governor[i])  # "Jack Herrick, wikiHow founder interviewed by Wikinews"
        head = i
        while codes.dep[head] == _COMPOUND and codes.governor[head] != head:
            head = codes.governor[head]  # a headline parsed as one noun phrase: "Wikinews interviews coach X"
        # Not across a line break: a heading "Interview" is not part of the name opening the next paragraph.
        if head != i and not any(codes.breaks[min(i, head) : max(i, head)]):
            found.append(head)
    # "In a 2003 interview with the Associated Press, Santorum compared …": an interview inside a prepositional
    # phrase names the interviewer; the interviewee is the clause's subject.
    person_subject = any(codes.dep[c] == _NSUBJ and codes.ent_type[c] == _PERSON for c in children)
    if lemma in MEETING_WORDS and codes.dep[i] != _POBJ and not person_subject:
        for preposition in children:
            if codes.dep[preposition] == _PREP and codes.lower[preposition] == _WITH:
                found += [c for c in codes.children(preposition) if codes.dep[c] == _POBJ]
    if lemma in TELLING_VERBS and any(codes.dep[c] in {_DOBJ, _DATIVE} for c in children):
        found += [c for c in children if codes.dep[c] == _NSUBJ]
    return found


def _person_name(codes: TokenCodes, head: int) -> int | None:
    """``head`` if it is a name of a person or a body, else such a name in apposition to it ("the site's
    founder, Jack Herrick"); None for neither."""
    if _named(codes, head):
        return head
    return next((c for c in codes.children(head) if codes.dep[c] == _APPOS and _named(codes, c)), None)


def _named(codes: TokenCodes, i: int) -> bool:
    """A proper noun of a person or a body, or one the small model left untagged that is not a title written
    capitalised in a headline ("Wikinews interviews President of the …")."""
    if codes.ent_type[i] not in _NAMED or codes.pos[i] != PROPN:
        return False
    return codes.ent_type[i] != 0 or codes.lemma_text(i) not in lexicon.TITLES | lexicon.ROLE_NOUNS
