"""Stance: how a source relates to what it is reported to have said.

For every attribution, ``annotations.STANCE`` gets a ``records.StanceRecord`` (rules in ``docs/stance.md``):

- ``cue_class``: the kind of cue, from the lexicon's cue classes (``lexicon/cue_classes.txt``, the one place the
  cue words are listed):
  ``neutral`` (say, tell, state), ``emphatic`` (emphasize, insist, boast), ``belief`` (believe, think, see),
  ``denial`` (deny, reject, dispute), ``signal`` (signal, hint, make clear), ``report`` (report, according
  to, reveal), ``intention`` (want, plan, ready), ``question`` (ask, wonder), ``evaluation`` (criticize,
  praise, support, attack), the acts ``decision`` (decide, approve; a denial cue that turns down a request, plan
  or offer; "declared a state of emergency", "agreed to extend", "agreed a fee": ``ACT_SENSES``), ``perception``
  (hear, watch; "observed the talks"), ``refusal`` (refuse, decline) and ``gesture`` (congratulate; an evaluation
  verb whose only content is a person: "thanked her", "backed the manager"), ``expectation`` (a belief verb's
  agentless passive: "is expected to last", "was expected by Saturday"); ``other`` for a cue word not listed,
  ``None`` for an attribution without a cue. Multiword entries ("according to", "make clear") are looked for
  first, in order with gaps allowed ("made it very clear"); then the lemma of the cue's head ("is reported by" ->
  report); then the lemma of any other cue word ("is ready" -> ready). A cue of punctuation alone (the colon or
  dash before a quote) is neutral.
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
- ``hypothetical``: the cue reports a saying (or thinking) that did not take place: an instruction ("Simply say
  that ..."), a condition or an indirect question ("If she says no", "whether they wanted"), a modal of
  possibility on the cue ("would say", "could argue"), a question about the act ("Did he say ...?"), a wish or
  plan to say ("wants to claim"), or anyone at all as the speaker ("Anyone who claims ..."). PolNeAR annotates
  these, so they stay attributions; the flag lets a user who counts what people said leave them out. Unlike
  ``negated`` (the source did not say it) and ``hedged`` (the content is qualified), it is about the act, so an
  attribution nested in a hypothetical one is judged by its own cue (its content may have run over a real
  statement: news22's "would say that is fair, and I suspect ...").
"""

from __future__ import annotations

import re

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import lexicon
from ..annotations import ATTRIBUTIONS, STANCE, doc_token_codes, role_spans, string_ids
from ..clauses import CLAUSE_SUBJECT_DEPS, cue_head, token_ids, top_tokens
from ..find.cues import court_hears
from ..find.nested import can_speak
from ..pipes import AnnotatingPipe, component_factory
from ..records import StanceRecord

OTHER_CLASS = "other"

# Cue words by class (the lexicon lists each word once, in one class): single words by lemma or form, multiword
# cues as word tuples matched in order with gaps allowed.
CUE_WORDS: dict[str, str] = {}
CUE_PHRASES: list[tuple[tuple[str, ...], str]] = []
for _cls, _words in lexicon.CUE_CLASSES.items():
    for _word in _words:
        if " " in _word:
            CUE_PHRASES.append((tuple(_word.split()), _cls))
        else:
            CUE_WORDS[_word] = _cls

# Words that call a claim untrue (lexicon/untrue_words.txt). They make a denial when the content says the claim
# IS so ("these theses ... are incorrect") or when the cue labels it so ("called the charges fabricated"); used
# attributively ("citing an unfounded theory") they are the writer's words, not the source's denial.
_UNTRUE = "|".join(r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in lexicon.UNTRUE_WORDS)
UNTRUE_WORDS = re.compile(rf"(?i)\b(?:{_UNTRUE})\b")
DENIAL_CONTENT = re.compile(
    rf"(?i)\b(?:(?:is|are|was|were|be|been|being|'s|’s|'re|’re)\s+(?:\w+ly\s+)?(?:{_UNTRUE})\b|"
    r"fake\s+news|no\s+truth|not\s+the\s+case|without\s+(?:any\s+)?(?:basis|foundation|merit)|"
    r"categorically\s+(?:deny|denies|denied|reject\w*)|"
    r"false\s+(?:claims?|reports?|allegations?|accusations?|stor(?:y|ies)|information))"
)
_NEGATORS = lexicon.NEGATING_ADVERBS | lexicon.NEGATING_DETERMINERS


class Stance(AnnotatingPipe[dict[str, StanceRecord]]):
    """Sets ``cue_class``, ``negated``, ``denial``, ``hedged`` and ``hypothetical`` for every attribution."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def predict(self, doc: Doc) -> dict[str, StanceRecord]:
        ATTRIBUTIONS.require(doc)
        hedges = hedge_counts(doc)
        return {aid: describe_stance(roles["cue"], roles["content"], hedges) for aid, roles in _in_order(doc)}

    def set_annotations(self, doc: Doc, prediction: dict[str, StanceRecord]) -> None:
        STANCE.set(doc, prediction)


def _in_order(doc: Doc) -> list[tuple[str, dict[str, list[Span]]]]:
    spans = role_spans(doc)
    return [(aid, spans[aid]) for aid in ATTRIBUTIONS.keys(doc)]


def hedge_counts(doc: Doc) -> list[int]:
    """How many hedging words (``_is_hedge``) come before each token: a content span is hedged when the count
    grows across it, found in one subtraction instead of a look at each of its words (nested contents overlap,
    and their words would be looked at again for each). Only a modal, a hedging verb's lemma or a hedging word
    can be one: those are picked from the doc's token arrays, and ``_is_hedge`` looks at them alone."""
    arrays = doc_token_codes(doc).arrays
    strings = doc.vocab.strings
    maybe = (
        (arrays.tag == strings["MD"])
        | np.isin(arrays.lemma, string_ids(doc, lexicon.HEDGE_VERBS))
        | np.isin(arrays.lower, string_ids(doc, lexicon.HEDGE_WORDS))
    )
    hedges = np.zeros(len(doc) + 1, dtype=np.int64)
    for i in np.flatnonzero(maybe).tolist():
        hedges[i + 1] = _is_hedge(doc[i])
    counts: list[int] = np.cumsum(hedges).tolist()
    return counts


def describe_stance(cue: list[Span], content: list[Span], hedges: list[int] | None = None) -> StanceRecord:
    """The stance of one attribution, from its cue and content spans (``hedges``: ``hedge_counts`` of their
    doc, computed here when not given)."""
    head = cue_head(cue)
    content_ids = token_ids(content)
    cue_class = classify_cue(cue)
    if cue_class == "denial" and _refuses_request(content):
        # Turning down a request, plan or offer ("the council rejected two earlier plans", "denied the permit") is a
        # decision, not the denial of a claim: PolNeAR annotates it about half the time (on train a denial verb
        # whose object is one of REQUEST_NOUNS is a gold cue 9 of 21 times), so it is marked as the act.
        cue_class = "decision"
    act = _act_sense(head, content) if head is not None else None
    cue_class = act or cue_class
    if head is not None and cue_class == "perception" and court_hears(head):
        # What a court heard was said before it ("The court heard that ..."): a statement, not a perception.
        cue_class = "neutral"
    if head is not None and head.lemma_.lower() in _SUPPORTING and _gesture(head, content):
        cue_class = "gesture"
    if head is not None and cue_class == "belief" and head.lemma_.lower() not in _VERDICTS and _unheld(head):
        cue_class = "expectation"
    negated = head is not None and cue_negated(head, content_ids)
    content_text = " ".join(span.text for span in content)
    labels = head is not None and head.lemma_ in lexicon.LABELLING_CUES and bool(UNTRUE_WORDS.search(content_text))
    denial = not negated and (cue_class == "denial" or labels or bool(DENIAL_CONTENT.search(content_text)))
    if hedges is None and content:
        hedges = hedge_counts(content[0].doc)
    hedged = any(hedges[span.end] > hedges[span.start] for span in content if hedges is not None) or (
        head is not None and any(child.dep_ == "advmod" and _is_hedge(child) for child in head.children)
    )
    hypothetical = head is not None and cue_hypothetical(head, content_ids, cue_class)
    return StanceRecord(cue_class=cue_class, negated=negated, denial=denial, hedged=hedged, hypothetical=hypothetical)


def classify_cue(cue: list[Span]) -> str | None:
    """The cue's class from the lexicon; ``other`` when no cue word is listed, ``None`` without a cue."""
    tokens = sorted({token for span in cue for token in span}, key=lambda t: t.i)
    if not tokens:
        return None
    if all(token.is_punct for token in tokens):
        # PolNeAR marks the colon or dash that introduces a quote as its cue: it says no more than "said".
        return "neutral"
    forms = [{token.lemma_.lower(), token.lower_} for token in tokens]
    for phrase, cls in CUE_PHRASES:
        if _phrase_in(phrase, forms):
            return cls
    head = cue_head(cue)
    ordered = ([head] if head is not None else []) + [t for t in tokens if t is not head]
    for token in ordered:
        for form in (token.lemma_.lower(), token.lower_):
            if form not in lexicon.LIGHT_CUE_WORDS and form in CUE_WORDS:
                return CUE_WORDS[form]
    return OTHER_CLASS


def _phrase_in(phrase: tuple[str, ...], forms: list[set[str]]) -> bool:
    """Whether the phrase's words occur in the cue in this order, other words allowed between them."""
    position = 0
    for word_forms in forms:
        if position < len(phrase) and phrase[position] in word_forms:
            position += 1
    return position == len(phrase)


def cue_negated(head: Token, content: set[int]) -> bool:
    """Whether the cue's head is negated (see the module docstring for the three cases)."""
    for governor in _cue_governors(head):
        for child in governor.children:
            if child.i in content:
                continue
            if _negation(child):
                return True
            if child.dep_ in ("nsubj", "nsubjpass") and _negative_subject(child):
                return True
            if child.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in child.children):
                return True
    return False


def _cue_governors(head: Token) -> list[Token]:
    """The cue's head, and for an adjective cue ("is not ready", "would be glad to") the copula it complements,
    which carries the cue's negation and modals."""
    return [head] + ([head.head] if head.dep_ in ("acomp", "attr") and head.head.lemma_ == "be" else [])


def _negation(token: Token) -> bool:
    """A negation of the word it depends on: "not", "n't", "never"."""
    return token.dep_ == "neg" or token.lower_ in lexicon.NEGATING_ADVERBS


def cue_hypothetical(head: Token, content: set[int], cue_class: str | None = None) -> bool:
    """Whether the cue reports a saying or thinking that did not take place (the module docstring's cases; spaCy's
    small model never sets ``Mood=Imp``, so imperatives are read off the parse). Words inside the content are the
    source's own and never make the cue hypothetical ("said he would resign" is a real statement)."""
    clause = _first_conjunct(head)
    return (
        _imperative(clause)
        or _conditional(head, content)
        or _possible_only(head, content, cue_class)
        or _question(clause)
        or _wished(head)
        or _anyone_speaks(clause)
    )


def _first_conjunct(verb: Token) -> Token:
    """The verb whose subject, mood and sentence a conjoined verb without a subject of its own shares: "Say you
    need time and tell him no" gives "tell" the mood of "Say"."""
    while verb.dep_ == "conj" and not any(child.dep_ in _SUBJECTS for child in verb.children):
        verb = verb.head
    return verb


_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
# What may stand before an imperative's verb: "Simply say", "Please tell", "Do not argue", "If she asks, say",
# "In that case, tell".
_BEFORE_IMPERATIVE = ("advmod", "intj", "neg", "aux", "punct", "cc", "advcl", "prep", "npadvmod")


def _imperative(verb: Token) -> bool:
    """An instruction: a base form (VB) heading its sentence (or a quotation's clause), with no subject, no modal
    and no "to" (only the form "do" may help it: "Do not argue"), and nothing but adverbs, a subordinate clause or
    punctuation before it. The small model tags no ``Mood=Imp``, so the parse is what tells."""
    # The small model tags the base form after a fronted clause as present ("If she asks, say ...": VBP); it is the
    # same word, and with no subject only the imperative reading is left.
    if verb.tag_ not in ("VB", "VBP") or verb.lower_ != verb.lemma_.lower():
        return False
    if verb.dep_ not in ("ROOT", "ccomp", "parataxis"):
        return False
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            return False
        if child.dep_ == "aux" and child.lower_ != "do":
            # "to say", "would say", "will say" are no order, and an order takes "do" itself ("Do not argue"):
            # "did replay", "doesn't see" are statements whose subject the parser missed.
            return False
        if child.i < verb.i and child.dep_ not in _BEFORE_IMPERATIVE:
            return False
    return True


def _conditional(head: Token, content: set[int]) -> bool:
    """The cue's verb, or the verb it is the infinitive or conjunct of, is in a condition or an indirect question:
    "If she says no", "If you want to tell him", "unless he admits", "whether they wanted", "in case anyone asks".
    The saying is only supposed, or asked about."""
    verb = head
    while True:
        for child in verb.children:
            if child.i in content:
                continue
            if child.dep_ == "mark" and child.lower_ in lexicon.IRREALIS_CONDITIONS and not _concessive(child):
                return True
            # "in case anyone asks", not "in the case of a conviction" (a circumstance that is there).
            if child.lower_ == "in" and child.i + 1 < len(child.doc) and child.doc[child.i + 1].lower_ == "case":
                return True
        if verb.dep_ not in ("conj", "xcomp") or verb.head is verb:
            return False
        verb = verb.head


def _concessive(mark: Token) -> bool:
    """ "even if", "as if": a concession ("even if he reserved his passion for reform", he did) or a comparison,
    not a condition."""
    return mark.lower_ == "if" and mark.i > 0 and mark.doc[mark.i - 1].lower_ in ("even", "as")


def _possible_only(head: Token, content: set[int], cue_class: str | None) -> bool:
    """A modal of possibility, wish or duty on the cue itself (or on the copula of an adjective cue): "would
    say", "could argue", "might claim", "should tell". Not with a negation: "would not say", "could not say"
    report a real refusal or failure to answer. Not "would" with an adverb of narration ("would later say",
    "would often say", "would only say": a past event, a habit, a refusal to say more), nor "would like",
    "would love", "would prefer", "would rather" (a present wish said politely: as real as "wants"). Not "could"
    on a perception ("could hear shouting": the past of "can hear", a real perception)."""
    for governor in _cue_governors(head):
        children = [child for child in governor.children if child.i not in content]
        if any(_negation(child) for child in children):
            return False
        modals = {
            "would" if child.lower_ in ("'d", "’d") else child.lower_
            for child in children
            if child.dep_ == "aux" and child.tag_ == "MD"
        }
        modals &= lexicon.IRREALIS_MODALS
        narrated = any(child.lower_ in lexicon.NARRATIVE_ADVERBS for child in children)
        wished = governor.lemma_.lower() in lexicon.POLITE_WISHES or any(
            child.dep_ == "advmod" and child.lower_ in lexicon.POLITE_WISHES for child in children
        )
        if "would" in modals and (narrated or wished):
            modals.discard("would")
        if "could" in modals and cue_class == "perception":
            modals.discard("could")
        if modals:
            return True
    return False


def _question(verb: Token) -> bool:
    """A yes-no question about the act: the auxiliary before the subject and a question mark after the verb
    ("Did he say ...?", "Has she claimed ...?"). A wh-question ("What did the minister say?") takes the saying
    for granted and asks only about what was said, so it stays a statement."""
    sentence = verb.sent
    if not any(token.text == "?" for token in sentence if token.i > verb.i):
        return False
    subjects = [child.i for child in verb.children if child.dep_ in CLAUSE_SUBJECT_DEPS]
    inverted = [
        child
        for child in verb.children
        if child.dep_ in ("aux", "auxpass") and subjects and child.i < min(subjects) and child.i < verb.i
    ]
    if not inverted:
        return False
    first = min(child.i for child in inverted)
    return not any(token.tag_ in ("WDT", "WP", "WP$", "WRB") for token in sentence if token.i < first)


# An intention cue's words, bar trying ("tried to explain that ..." mostly reports the explanation given).
_WISHING = frozenset(lexicon.CUE_CLASSES["intention"]) - {"try", "attempt"}


def _wished(head: Token) -> bool:
    """The cue is the infinitive of a wish, plan, offer or threat outside it: "wants to claim", "plans to say",
    "threatened to reveal", "is ready to admit". The saying is aimed at, not done. "is expected to announce" and
    "is set to say" are predictions, which stay statements as "will say" does."""
    to = any(child.dep_ == "aux" and child.lower_ == "to" for child in head.children)
    return to and head.dep_ == "xcomp" and head.head.lemma_.lower() in _WISHING


def _anyone_speaks(verb: Token) -> bool:
    """Anyone at all as the speaker: "Anyone who claims otherwise", "Whoever says so", "any official who says"
    (the relative clause's noun when the relative pronoun is the subject). No one in particular said it."""
    # An active subject only: "Anyone who saw the crash is asked to call" makes anyone the hearer of a real
    # appeal, not its speaker.
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    if verb.dep_ == "relcl" and any(child.lower_ in lexicon.RELATIVE_PRONOUNS for child in subjects):
        subjects.append(verb.head)
    return any(
        subject.lower_ in lexicon.GENERIC_SUBJECTS
        or any(child.dep_ == "det" and child.lower_ == "any" for child in subject.children)
        for subject in subjects
    )


def _negative_subject(token: Token) -> bool:
    """A subject that says no one spoke: "nobody", "none", "no one", "no official"."""
    return token.lower_ in lexicon.NEGATIVE_SUBJECTS or any(
        child.dep_ == "det" and child.lower_ in _NEGATORS for child in token.children
    )


def _is_hedge(token: Token) -> bool:
    lower = token.lower_
    if token.tag_ == "MD":
        # "so he could ogle her": a purpose clause states an aim, it does not qualify a claim.
        purpose = any(child.dep_ == "mark" and child.lower_ in ("so", "that") for child in token.head.children)
        return lower in lexicon.HEDGE_MODALS and not (purpose and _after_so(token.head))
    if lower == "likely" and token.dep_ == "amod":
        return False  # "likely voters" are a kind of voter, not a hedge
    if token.pos_ in ("VERB", "AUX") and token.lemma_ in lexicon.HEDGE_VERBS:
        return True
    return lower in lexicon.HEDGE_WORDS


def _refuses_request(content: list[Span]) -> bool:
    """Whether the content's head word is a request or offer rather than a claim."""
    return any(t.lemma_.lower() in lexicon.REQUEST_NOUNS for t in top_tokens(content))


# Verbs of saying with a second sense that is an act, told apart by what they take instead of a reported clause:
# a noun phrase ("declared a state of emergency", "declared war"; "observed the talks", watched them; "had agreed a
# fee", "agreed a settlement": British "agree" + a noun settles terms, as "approve" does) or a to-infinitive
# ("agreed to extend output cuts", a commitment). With a clause ("declared that", "observed that", "agreed that")
# they report what was said. PolNeAR annotates the act senses about half the time (on train "agree to" + verb is a
# gold cue 19 of 36 times; "declare war" 1 of 2; American "agree" + a noun object occurs once, as a clause the
# parse cut), so they are marked as the acts, which ACTION_CUE_CLASSES lets a user counting statements leave out
# (news14: three of its non-statements; news28's "had agreed a fee").
ACT_SENSES: dict[str, tuple[tuple[str, str], ...]] = {
    "declare": (("noun", "decision"),),
    "observe": (("noun", "perception"),),
    "agree": (("infinitive", "decision"), ("noun", "decision")),
}


def _act_sense(head: Token, content: list[Span]) -> str | None:
    """The act class of a cue used in one of its act senses (``ACT_SENSES``), else None."""
    senses = ACT_SENSES.get(head.lemma_.lower(), ())
    roots = top_tokens(content)
    if not senses or len(roots) != 1 or roots[0].head.i != head.i:
        return None
    root = roots[0]
    noun = root.dep_ == "dobj" and root.pos_ in ("NOUN", "PROPN")
    infinitive = (
        root.dep_ == "xcomp"
        and root.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children)
    )
    taken = "noun" if noun else "infinitive" if infinitive else None
    return next((cls for sense, cls in senses if sense == taken), None)


# Evaluation verbs of support or courtesy (``_gesture``): thanking, backing or welcoming someone is done to them.
# Verbs of criticism and praise are left out: criticising, accusing, blaming or praising a person says something
# about them ("accusing the jury president of a conflict of interest"), and "defend" mostly reports a defence made
# in words.
_SUPPORTING = frozenset(lexicon.CUE_CLASSES["evaluation"]) & {
    "thank",
    "welcome",
    "support",
    "endorse",
    "back",
    "favor",
    "embrace",
    "cheer",
    "applaud",
}
# Belief verbs whose passive gives a verdict or a discovery ("was found not guilty", "was found dead", "was judged
# unfit"), not a belief that someone holds: not an ``expectation``.
_VERDICTS = frozenset({"find", "judge"})


def _gesture(head: Token, content: list[Span]) -> bool:
    """A verb of support or courtesy whose whole content is its object, a person or body with no clause ("thanked
    her", "had publicly backed the manager"; "congratulated his opponent" is a gesture by its word): an act toward
    the person, with no words reported. PolNeAR annotates such cues (on train "thank" or "congratulate" with a bare
    object is a gold cue 8 of 11 times; "back", "support", "endorse", "welcome", "applaud", "cheer", "embrace",
    "favor" 78 of 179), so they are marked, not dropped. A thing as the object ("welcomed the decision", "backed
    it") states a judgement and stays an evaluation; so does a clause in the content ("backed the plan to close the
    depot")."""
    roots = top_tokens(content)
    if len(roots) != 1 or roots[0].head.i != head.i or roots[0].dep_ != "dobj":
        return False
    target = roots[0]
    if any(token.pos_ in ("VERB", "AUX") for token in target.subtree):
        return False
    # "it" is a personal pronoun that mostly stands for a thing ("the council backed it").
    return target.lower_ != "it" and can_speak(target)


# A verb reporting speech (every class but states of mind and acts): "is expected to say" predicts a statement.
_SAYING = frozenset(
    word
    for name, entries in lexicon.CUE_CLASSES.items()
    if name not in lexicon.NOT_STATEMENT_CUE_CLASSES | {"belief", "intention"}
    for word in entries
)


def _unheld(head: Token) -> bool:
    """A belief verb in the passive with no agent ("is expected to last three days", "are believed to have
    left", "it is thought that ..."): a belief that no one named holds, the writer's forecast rather than a
    statement. PolNeAR annotates them (on train the agentless passive "expected" is a gold cue 71 of 82 times), so
    they are marked, not dropped. With an agent ("is expected by analysts to") someone holds it; a verb of saying
    after it ("is expected to say", "is believed to have told") predicts or reports a statement by its subject."""
    if head.tag_ != "VBN" or not any(child.dep_ == "auxpass" for child in head.children):
        return False
    if any(child.dep_ == "agent" and not _deadline(child) for child in head.children):
        return False
    return not any(child.dep_ == "xcomp" and child.lemma_.lower() in _SAYING for child in head.children)


def _deadline(agent: Token) -> bool:
    """A "by" phrase of a date or time ("A final count was expected by Saturday", "by the end of the month"): the
    time by which the thing is expected, which the parser takes for the passive's agent. A date holds no belief, so
    the passive stays agentless."""
    return any(child.dep_ == "pobj" and child.ent_type_ in ("DATE", "TIME") for child in agent.children)


def _after_so(verb: Token) -> bool:
    """Whether the clause of ``verb`` is introduced by "so" or "so that"."""
    marks = [child for child in verb.children if child.dep_ == "mark"]
    return any(mark.lower_ == "so" or (mark.i > 0 and mark.doc[mark.i - 1].lower_ == "so") for mark in marks)


@component_factory(
    "accordingto_stance",
    assigns=[STANCE.attr],
    requires=[ATTRIBUTIONS.attr, "doc.spans", "token.dep", "token.head", "token.lemma", "token.tag"],
)
def make_stance(nlp: Language, name: str) -> Stance:
    return Stance(nlp, name)
