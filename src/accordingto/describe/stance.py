"""Stance: how a source relates to what it is reported to have said.

For every attribution, ``attribution_info(doc, aid)`` gets (rules in ``docs/stance.md``):

- ``cue_class``: the kind of cue, from ``CUE_LEXICON`` (the one place the cue words are listed):
  ``neutral`` (say, tell, state), ``emphatic`` (emphasize, insist, boast), ``belief`` (believe, think, see),
  ``denial`` (deny, reject, dispute), ``signal`` (signal, hint, make clear), ``report`` (report, according
  to, reveal), ``intention`` (want, plan, ready), ``question`` (ask, wonder), ``evaluation`` (criticize,
  praise, support, attack); ``other`` for a cue word not listed, ``None`` for an attribution without a cue.
  Multiword entries ("according to", "make clear") are looked for first, in order with gaps allowed ("made it
  very clear"); then the lemma of the cue's head ("is reported by" -> report); then the lemma of any other
  cue word ("is ready" -> ready). A cue of punctuation alone (the colon or dash before a quote) is neutral.
- ``negated``: the cue itself is negated, so the source did NOT say / think / want the content: a negation
  on the cue's head or its copula ("did not say", "never said", "is not ready"), a negative subject ("nobody
  said"), or a "no" object standing between cue and content ("sees no signs that Russia wants to negotiate",
  content "that Russia wants to negotiate"). A negation inside the content ("said Russia does not want") is
  part of what was said and does not set the flag.
- ``denial``: the source rejects a claim: a denial cue ("denied", "rejected"), or content that calls
  something untrue ("these theses ... are incorrect", "not true", "false", "baseless"). Not set when the cue
  is negated ("did not deny").
- ``hedged``: the content is qualified: a modal (may, might, could), appear/seem, or a hedging word
  (reportedly, allegedly, possibly, perhaps, likely, probably, apparently...), in the content or modifying the
  cue ("reportedly said").
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..annotations import attribution_ids, attribution_info, role_spans
from ..clauses import cue_head, token_ids
from ..pipes import AnnotatingPipe

# Cue words by class: lemmas (spaCy's lemmatizer) or lower-case forms (for words the lemmatizer gets wrong,
# "hoping" -> "hop"); entries with a space are multiword cues, matched in order with gaps allowed. A word is
# listed once. Add words here, nowhere else.
# fmt: off
CUE_LEXICON: dict[str, tuple[str, ...]] = {
    # Reporting speech without colouring it.
    "neutral": (
        "say", "tell", "state", "add", "note", "explain", "comment", "remark", "write", "respond", "reply",
        "answer", "describe", "speak", "mention", "continue", "acknowledge", "admit", "claim", "argue",
        "maintain", "testify", "recall", "announce", "point out", "go on", "call", "quote", "predict",
        "agree", "concede", "observe", "tweet", "post", "express", "discuss", "talk", "echo", "refer",
        "reference", "point", "compare", "liken", "label", "address", "raise", "weigh in",
    ),
    # Speech with force: the source presses the point.
    "emphatic": (
        "emphasize", "emphasise", "insist", "boast", "stress", "assert", "vow", "warn", "urge", "demand",
        "declare", "proclaim", "underline", "underscore", "reiterate", "affirm", "swear", "pledge", "promise",
        "brag", "tout", "encourage", "highlight", "press", "call for", "push",
    ),
    # Thoughts and beliefs rather than speech.
    "belief": (
        "believe", "think", "see", "consider", "feel", "expect", "fear", "suspect", "assume", "know",
        "conclude", "estimate", "figure", "worry", "view", "regard", "judge", "find", "doubt", "suppose",
        "guess", "convinced", "sure", "certain", "confident", "aware", "concerned", "understand",
    ),
    # Rejecting a claim.
    "denial": (
        "deny", "reject", "dispute", "refute", "rebut", "dismiss", "contest", "contradict", "disagree",
        "disavow", "repudiate", "debunk",
    ),
    # Meaning conveyed without being said outright.
    "signal": (
        "signal", "hint", "suggest", "convey", "make clear", "indicate", "imply", "communicate", "intimate",
        "telegraph", "let know", "show", "demonstrate", "seem", "appear",
    ),
    # Information made known, often by documents or other media.
    "report": (
        "report", "according to", "reveal", "disclose", "confirm", "cite", "leak", "publish", "learn",
        "document", "find out", "release", "issue", "detail", "record",
    ),
    # What the source wants or is ready to do.
    "intention": (
        "want", "plan", "intend", "ready", "aim", "seek", "wish", "prepare", "willing", "unwilling", "eager",
        "determined", "hope", "hoping", "hoped", "desire", "try", "refuse", "threaten", "offer",
        "propose", "need", "decline",
    ),
    # Questions.
    "question": (
        "ask", "wonder", "question", "inquire", "query",
    ),
    # Judging someone or something: criticism and praise, support and opposition.
    "evaluation": (
        "criticize", "criticise", "attack", "condemn", "denounce", "blame", "accuse", "charge", "slam",
        "blast", "decry", "mock", "ridicule", "complain", "lash out", "praise", "admire", "applaud",
        "welcome", "hail", "commend", "support", "endorse", "back", "oppose", "defend",
    ),
    # Acts, not statements: decisions, rulings, votes and appointments, which PolNeAR annotates when a statement
    # lies behind them (a motion, an order: "the council approved the budget"), and perceptions ("witnesses
    # heard shots"), its "witnessing of facts". They are attributions in PolNeAR's sense but report nothing
    # anyone said: ACTION_CLASSES lets a user counting statements leave them out.
    "decision": (
        "decide", "approve", "appoint", "name", "rule", "vote", "order", "ban", "impose", "nominate", "sign",
        "veto", "pass", "elect", "choose", "select", "hire", "fire", "sentence", "convict", "authorize",
        "adopt", "enact", "pronounce", "award", "grant", "sanction",
    ),
    "perception": (
        "watch", "hear", "witness", "notice", "spot", "overhear", "glimpse",
    ),
}
# fmt: on
OTHER_CLASS = "other"
# Cue classes of acts rather than statements (see above).
ACTION_CLASSES = frozenset({"decision", "perception"})

_SINGLE: dict[str, str] = {}
_MULTI: list[tuple[tuple[str, ...], str]] = []
for _cls, _words in CUE_LEXICON.items():
    for _word in _words:
        if " " in _word:
            _MULTI.append((tuple(_word.split()), _cls))
        else:
            _SINGLE.setdefault(_word, _cls)
# Words a cue carries that say nothing about its class ("is reported by", "did not say").
_LIGHT = frozenset({"be", "have", "do", "by", "to", "that", "not", "n't", "never", "it", "also", "in", "on"})

# Hedges: the modal verbs and the adverbs or adjectives that qualify a claim. "could" counts even as a past
# "was able to" because the two cannot be told apart by words alone, and news uses it mostly as a hedge.
HEDGE_MODALS = frozenset({"may", "might", "could"})
HEDGE_VERBS = frozenset({"appear", "seem"})
HEDGE_WORDS = frozenset(
    {
        "reportedly",
        "allegedly",
        "possibly",
        "perhaps",
        "likely",
        "unlikely",
        "probably",
        "apparently",
        "supposedly",
        "presumably",
        "purportedly",
        "maybe",
        "seemingly",
        "conceivably",
        "arguably",
        "possible",
        "alleged",
        "purported",
        "supposed",
    }
)

# Content calling a claim untrue: "are incorrect", "is not true", "baseless", "fake news".
# Words that call a claim untrue. They make a denial when the content says the claim IS so ("these theses ...
# are incorrect") or when the cue labels it so ("called the charges fabricated"); used attributively ("citing
# an unfounded theory") they are the writer's words, not the source's denial. Moral judgements ("wrong",
# "ridiculous") are left out: "this talk was wrong" rejects no claim.
_UNTRUE = (
    r"not\s+true|untrue|false|incorrect|inaccurate|baseless|groundless|unfounded|unsubstantiated|fabricated|"
    r"made\s+up|fake|a\s+lie|lies|nonsense|a\s+hoax|not\s+the\s+case"
)
UNTRUE_WORDS = re.compile(rf"(?i)\b(?:{_UNTRUE})\b")
DENIAL_CONTENT = re.compile(
    rf"(?i)\b(?:(?:is|are|was|were|be|been|being|'s|’s|'re|’re)\s+(?:\w+ly\s+)?(?:{_UNTRUE})\b|"
    r"fake\s+news|no\s+truth|not\s+the\s+case|without\s+(?:any\s+)?(?:basis|foundation|merit)|"
    r"categorically\s+(?:deny|denies|denied|reject\w*)|"
    r"false\s+(?:claims?|reports?|allegations?|accusations?|stor(?:y|ies)|information))"
)
# What a denial cue can turn down that is not a claim: "rejected a request", "denied mining permits".
# fmt: off
REQUEST_NOUNS = frozenset(
    {
        "request", "call", "offer", "proposal", "appeal", "bid", "plea", "invitation", "application", "permit",
        "nomination", "motion", "demand", "deal", "plan", "petition", "entry", "access", "visa", "bail",
    }
)
# fmt: on
# Cues that label their object: with an untrue-word in the content they deny it ("called the report false").
LABELLING_CUES = frozenset({"call", "describe", "label", "brand", "dismiss"})
_NEGATIVE_SUBJECTS = frozenset({"nobody", "none", "neither", "noone"})
_NEGATORS = frozenset({"not", "n't", "never", "no"})


class Stance(AnnotatingPipe):
    """Sets ``cue_class``, ``negated``, ``denial`` and ``hedged`` for every attribution."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def predict(self, doc: Doc) -> dict[str, dict[str, Any]]:
        spans = role_spans(doc)
        return {aid: describe_stance(spans[aid]["cue"], spans[aid]["content"]) for aid in attribution_ids(doc)}

    def set_annotations(self, doc: Doc, prediction: dict[str, dict[str, Any]]) -> None:
        for aid, stance in prediction.items():
            attribution_info(doc, aid).update(stance)


def describe_stance(cue: list[Span], content: list[Span]) -> dict[str, Any]:
    """``{"cue_class", "negated", "denial", "hedged"}`` for one attribution's cue and content spans."""
    head = cue_head(cue)
    content_ids = token_ids(content)
    cue_class = classify_cue(cue)
    negated = head is not None and cue_negated(head, content_ids)
    content_text = " ".join(span.text for span in content)
    labels = head is not None and head.lemma_ in LABELLING_CUES and bool(UNTRUE_WORDS.search(content_text))
    rejects_claim = cue_class == "denial" and not _refuses_request(content)
    denial = not negated and (rejects_claim or labels or bool(DENIAL_CONTENT.search(content_text)))
    hedged = any(_is_hedge(token) for span in content for token in span) or (
        head is not None and any(child.dep_ == "advmod" and _is_hedge(child) for child in head.children)
    )
    return {"cue_class": cue_class, "negated": negated, "denial": denial, "hedged": hedged}


def classify_cue(cue: list[Span]) -> str | None:
    """The cue's class from ``CUE_LEXICON``; ``other`` when no cue word is listed, ``None`` without a cue."""
    tokens = sorted({token for span in cue for token in span}, key=lambda t: t.i)
    if not tokens:
        return None
    if all(token.is_punct for token in tokens):
        # PolNeAR marks the colon or dash that introduces a quote as its cue: it says no more than "said".
        return "neutral"
    forms = [{token.lemma_.lower(), token.lower_} for token in tokens]
    for phrase, cls in _MULTI:
        if _in_order(phrase, forms):
            return cls
    head = cue_head(cue)
    ordered = ([head] if head is not None else []) + [t for t in tokens if t is not head]
    for token in ordered:
        for form in (token.lemma_.lower(), token.lower_):
            if form not in _LIGHT and form in _SINGLE:
                return _SINGLE[form]
    return OTHER_CLASS


def _in_order(phrase: tuple[str, ...], forms: list[set[str]]) -> bool:
    """Whether the phrase's words occur in the cue in this order, other words allowed between them."""
    position = 0
    for word_forms in forms:
        if position < len(phrase) and phrase[position] in word_forms:
            position += 1
    return position == len(phrase)


def cue_negated(head: Token, content: set[int]) -> bool:
    """Whether the cue's head is negated (see the module docstring for the three cases)."""
    # An adjective cue ("is not ready") carries its negation on the copula it complements.
    governors = [head] + ([head.head] if head.dep_ in ("acomp", "attr") and head.head.lemma_ == "be" else [])
    for governor in governors:
        for child in governor.children:
            if child.i in content:
                continue
            if child.dep_ == "neg" or child.lower_ in ("never", "n't", "not"):
                return True
            if child.dep_ in ("nsubj", "nsubjpass") and _negative_subject(child):
                return True
            if child.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in child.children):
                return True
    return False


def _negative_subject(token: Token) -> bool:
    """A subject that says no one spoke: "nobody", "none", "no one", "no official"."""
    return token.lower_ in _NEGATIVE_SUBJECTS or any(
        child.dep_ == "det" and child.lower_ in _NEGATORS for child in token.children
    )


def _is_hedge(token: Token) -> bool:
    lower = token.lower_
    if token.tag_ == "MD":
        # "so he could ogle her": a purpose clause states an aim, it does not qualify a claim.
        purpose = any(child.dep_ == "mark" and child.lower_ in ("so", "that") for child in token.head.children)
        return lower in HEDGE_MODALS and not (purpose and _after_so(token.head))
    if lower == "likely" and token.dep_ == "amod":
        return False  # "likely voters" are a kind of voter, not a hedge
    if token.pos_ in ("VERB", "AUX") and token.lemma_ in HEDGE_VERBS:
        return True
    return lower in HEDGE_WORDS


def _refuses_request(content: list[Span]) -> bool:
    """Whether the content's head word is a request or offer rather than a claim."""
    inside = token_ids(content)
    heads = [t for span in content for t in span if t.head.i not in inside or t.head.i == t.i]
    return any(t.lemma_.lower() in REQUEST_NOUNS for t in heads)


def _after_so(verb: Token) -> bool:
    """Whether the clause of ``verb`` is introduced by "so" or "so that"."""
    marks = [child for child in verb.children if child.dep_ == "mark"]
    return any(mark.lower_ == "so" or (mark.i > 0 and mark.doc[mark.i - 1].lower_ == "so") for mark in marks)


@Language.factory("accordingto_stance", default_config={})
def make_stance(nlp: Language, name: str) -> Stance:
    return Stance(nlp, name)
