"""How likely a found attribution is right: a logistic model over what the tagger and the grouping saw.

A user filtering a corpus by ``confidence >= 0.8`` expects about 80% of what is kept to be right, so the number
must be a calibrated probability, not a raw score. The model reads a handful of signals of one attribution (how
sure the tagger was of its cue, content and source tokens, whether the source was tagged or filled in by the
subject rule, whether the content is a quotation, how often the cue's lemma is a cue in training) and is fitted
on predictions for training articles the tagger did not see (``train.tagger``: held-out folds), with "right"
meaning what the scorer counts: matched one-to-one to a gold attribution (``evaluate.metrics``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

import numpy as np
from spacy.tokens import Doc

from ..annotations import doc_token_codes
from ..logistic import fit_logistic
from .features import TemplateHashes

if TYPE_CHECKING:
    from .perceptron import Tagging

ROLE_IDS = {"SOURCE": 1, "CUE": 2, "CONTENT": 3}
# How a content span finds its cue (``grouping.assemble``), in the order tried: linked to it in the parse, the nearest
# cue of its sentence, the quote it continues, the nearest cue of its paragraph, a name introducing the quote with a
# colon or dash, the last quoted attribution anywhere before. The route a group's content took is a signal here.
CONTENT_ROUTES = ("syntax", "sentence", "quote", "paragraph", "introduced", "anywhere")
# The routes that are signals. A quote introduced by a name and a colon or dash (the "introduced" route) counts as
# attached within its sentence: its cue, the mark, stands next to it, as in the same layout when the tagger tags the
# mark as the cue ("Name: “...”", 67 held-out train attributions, found by the sentence or syntax route). The route
# itself is taken 3 times in those 17,965, too few to weigh: as a signal of its own it scored the layout's quotes
# down by 2.5 logits.
ROUTE_SIGNALS = {route: route for route in CONTENT_ROUTES} | {"introduced": "sentence"}
SIGNAL_ROUTES = tuple(route for route in CONTENT_ROUTES if route != "introduced")
FEATURES = (
    "cue margin, mean",
    "cue margin, lowest",
    "content margin, mean",
    "source margin, mean",
    "source tagged",
    "source filled in",
    "direct quote",
    "mixed",
    "cue lexicon bucket",
    "cue cluster bucket",
    "cue is punctuation",
    "cue is a verb",
    "cue has a subject",
    "cue governs content",
    "content words (log)",
    "content pieces > 1",
    *(f"content attached by {route}" for route in SIGNAL_ROUTES),
    "other cues in the sentence",
    "first paragraph",
    "source names a person",
    "source opens the paragraph",
    "content closes the paragraph",
    "attribution fills the paragraph",
    "speech mark between source and content",
    "content is a clause",
    "content is a that-clause",
    "cue's subject is the source",
    "cue's sentence is a question",
    "cue has a modal",
    "cue is negated",
    "cue is a noun",
    "cue hangs from another verb",
    "cue is passive without agent",
    "cue has an object outside the content",
    "cue classifier",
)
# Margins are unbounded sums of perceptron weights; squashing keeps one extreme token from dominating.
MARGIN_SCALE = 10.0
L2 = 1.0


# The cue classifier: the same word is a cue two times in three, and what separates a false cue from a true one is
# lexical and contextual at once ("called the police" is an act, "called the plan a disaster" a statement; "was
# named" an act, "named three reasons" a statement). So the cue's lemma (and, for words seen too rarely to have
# weights of their own, its word cluster) is conjoined with each fact of its clause (``CUE_ATOMS``): a
# logistic model over these conjunctions, fitted on the held-out cues of training (is the cue a gold cue), whose
# logit is one signal of the confidence model.
CUE_ATOMS = (
    "lemma",
    "cue words",  # the first and last lemma of a cue of several words ("according to", "said at")
    "cluster",  # the lemma's fine word cluster
    "tag",  # tense or form of the cue's head (VBD, VBN, NN ...)
    "dep",  # how the cue hangs in its sentence (ROOT, ccomp, advcl, relcl ...)
    "clausal complement",  # ccomp or parataxis: a proposition reported
    "open complement",  # xcomp: "decided to leave"
    "object",  # a direct object inside the content, outside it, or none
    "that-clause",  # a complement clause with a complementizer
    "subject",  # the kind of the cue's subject or agent (person, organization, pronoun, noun, none)
    "passive",
    "negated",
    "modal",
    "quoted",  # the cue stands inside a quotation
    "headline",
    "kind",  # direct, mixed or indirect content
    "route",  # how the first content was attached
    "source side",  # no source, before the cue, after it
    "particle",  # the first preposition or particle hanging from the cue ("call for", "point out")
    "content side",  # the content begins before the cue or after it
    "cue length",  # 1, 2, 3+ tokens
)
_CONTEXT = CUE_ATOMS[3:]
# Each template is a tuple of atom positions: lemma, cue words and cluster alone, then every fact of the clause
# alone, with the lemma, and with the cluster.
CUE_TEMPLATES = (
    (0,),
    (1,),
    (2,),
    *(template for atom in range(3, len(CUE_ATOMS)) for template in ((atom,), (0, atom), (2, atom))),
)
CUE_TEMPLATE_BASE = 2000  # template ids apart from the tagger's (``features``)
CUE_L2 = 3.0  # chosen by CV on held-out train (1, 3, 10)
assert len(_CONTEXT) == len(CUE_ATOMS) - 3


def cue_hashes(atoms: np.ndarray) -> np.ndarray:
    """``(n, len(CUE_TEMPLATES))`` uint64 hashes of the conjunctions of each cue's atoms (``(n, len(CUE_ATOMS))``)."""
    if len(atoms) == 0:
        return np.zeros((0, len(CUE_TEMPLATES)), dtype=np.uint64)
    hashes = TemplateHashes(len(atoms), CUE_TEMPLATE_BASE)
    for template in CUE_TEMPLATES:
        hashes.add(*(atoms[:, a] for a in template))
    return hashes.matrix()


@dataclass
class CueClassifier:
    """Is a found cue a gold cue: a logistic model over hashed conjunctions (``cue_hashes``), kept as the sorted
    hashes seen in training and one weight each (no strings: ``docs/model-card.md``, "Licence")."""

    keys: np.ndarray  # uint64, sorted
    weights: np.ndarray  # float32, one per key
    bias: float = 0.0

    @classmethod
    def empty(cls) -> CueClassifier:
        return cls(keys=np.zeros(0, dtype=np.uint64), weights=np.zeros(0, dtype=np.float32))

    def logits(self, hashes: np.ndarray) -> np.ndarray:
        """The log-odds that each cue is a gold cue; a conjunction never seen in training weighs nothing."""
        if len(self.keys) == 0 or hashes.size == 0:
            return np.full(len(hashes), self.bias)
        pos = np.searchsorted(self.keys, hashes).clip(0, len(self.keys) - 1)
        weights = np.where(self.keys[pos] == hashes, self.weights[pos], 0.0)
        return weights.sum(axis=1, dtype=np.float64) + self.bias

    @classmethod
    def fit(cls, hashes: np.ndarray, labels: np.ndarray, l2: float = CUE_L2) -> CueClassifier:
        """Maximum likelihood with an L2 penalty on the weights (the bias is free), by truncated Newton steps
        (conjugate gradients on the Hessian, Jacobi-preconditioned): deterministic, no learning rate. The
        conjunctions are compacted to the ones seen, so that the arrays stay small."""
        if len(hashes) == 0:
            return cls.empty()
        keys, columns = np.unique(hashes, return_inverse=True)
        columns = columns.reshape(hashes.shape)
        weights = _fit_binary_logistic(columns, len(keys), labels.astype(np.float64), l2)
        return cls(keys=keys, weights=weights[:-1].astype(np.float32), bias=float(weights[-1]))

    def arrays(self) -> dict[str, np.ndarray]:
        """No members for an empty classifier: a tagger's kept training (``train.tagger``) holds none."""
        if len(self.keys) == 0:
            return {}
        return {"cue_keys": self.keys, "cue_weights": self.weights, "cue_bias": np.array(self.bias)}

    @classmethod
    def from_arrays(cls, data: Mapping[str, np.ndarray]) -> CueClassifier:
        if "cue_keys" not in data:
            return cls.empty()
        return cls(
            keys=np.asarray(data["cue_keys"], dtype=np.uint64),
            weights=np.asarray(data["cue_weights"], dtype=np.float32),
            bias=float(data["cue_bias"]),
        )


# Newton steps stop once no weight's gradient exceeds this (the loss is a sum over some 18,000 cues: a gradient of
# 0.5 moves the held-out logits by less than 0.1), and each step's conjugate gradients are capped.
NEWTON_TOLERANCE = 0.5
NEWTON_STEPS = 20
CG_STEPS = 50


def _fit_binary_logistic(columns: np.ndarray, width: int, y: np.ndarray, l2: float) -> np.ndarray:
    """Weights (``width`` of them, then the bias) of an L2 logistic regression whose rows hold the binary features
    ``columns[i]`` (each row the same number of them)."""
    n, k = columns.shape
    flat = columns.ravel()
    penalty = np.full(width + 1, l2)
    penalty[-1] = 0.0

    def times(v: np.ndarray) -> np.ndarray:  # X v
        return v[columns].sum(axis=1) + v[-1]

    def transposed(v: np.ndarray) -> np.ndarray:  # X^T v
        return np.append(np.bincount(flat, weights=np.repeat(v, k), minlength=width), v.sum())

    w = np.zeros(width + 1)
    for _ in range(NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-times(w)))
        gradient = transposed(p - y) + penalty * w
        if np.abs(gradient).max() < NEWTON_TOLERANCE:
            break
        h = p * (1 - p)
        diagonal = transposed(h) + penalty  # the Hessian's diagonal (binary features)
        step = np.zeros(width + 1)
        residual = -gradient
        z = residual / diagonal
        direction = z.copy()
        rz = residual @ z
        start = np.sqrt(residual @ residual)
        for _ in range(CG_STEPS):
            hd = transposed(h * times(direction)) + penalty * direction
            alpha = rz / (direction @ hd)
            step += alpha * direction
            residual -= alpha * hd
            if np.sqrt(residual @ residual) < min(0.1, np.sqrt(start)) * start:
                break
            z = residual / diagonal
            new = residual @ z
            direction = z + new / rz * direction
            rz = new
        w += step
    return w


def token_margins(emissions: np.ndarray, tags: np.ndarray) -> np.ndarray:
    """Per token: the score of its tag minus the best score of any other tag (how sure the tagger was)."""
    if len(tags) == 0:
        return np.zeros(0, dtype=np.float32)
    rows = np.arange(len(tags))
    chosen = emissions[rows, tags]
    others = emissions.copy()
    others[rows, tags] = -np.inf
    return np.tanh((chosen - others.max(axis=1)) / MARGIN_SCALE)


@dataclass(frozen=True)
class CueFrame:
    """The clause around the cue, for telling a report from an act (an "action" is not an attribution).

    Each signal has its linguistic reason: what is said or thought is a proposition, so a content that is a clause
    (a finite verb in it) or a that/if/whether clause is a report, while a noun phrase content is often the object
    of an act ("approved the budget"); a cue with a direct object outside the content acts on a thing; a cue whose
    grammatical subject is the source is a reporting frame, not a word near one; a question, a modal or a negation
    reports no statement made ("Will she say ...?", "could announce", "did not say"); a noun cue ("the decision",
    "support") and a cue hanging from another verb ("decided to appoint", "in order to show") are less often
    reporting events; an agentless passive ("was named", "was approved") is an act done to someone.
    """

    clause_content: bool = False  # a content word is a finite verb or a modal
    that_clause: bool = False  # the content opens with that/if/whether, or is the cue's clausal complement
    subject_is_source: bool = False  # the cue's subject (or its agent's object) lies in a source
    question: bool = False  # the cue's sentence holds a question mark
    modal: bool = False  # a modal auxiliary hangs from the cue
    negated: bool = False  # a negation hangs from the cue
    noun: bool = False  # the cue's head is a noun
    embedded: bool = False  # the cue is an open or adverbial complement, or modifies a noun
    agentless_passive: bool = False  # a passive auxiliary and no "by" agent
    object_outside: bool = False  # a direct object of the cue is not part of the content


@dataclass
class Candidate:
    """One grouped attribution as the confidence model sees it: token ranges per role and how it was built."""

    cue: tuple[int, int]
    contents: list[tuple[int, int]]
    sources: list[tuple[int, int]]
    kind: str  # direct | mixed | indirect
    routes: list[str]  # how each content span was attached
    cue_bucket: int  # the cue lexicon bucket of the cue's head (0-4)
    cluster_bucket: int  # the same for the head's word cluster (0-4)
    cue_subject: bool  # the cue's head has a subject (or agent, or possessor)
    governs_content: bool  # some content word hangs directly from the cue's head
    sentence_cues: int  # other attributions' cues in the same sentence
    first_paragraph: bool  # the headline, often a colon cue or no cue at all
    source_person: bool = False  # some source word is a person's name
    source_opens: bool = False  # a source starts at its paragraph's first word
    content_closes: bool = False  # the last content reaches its paragraph's last word
    fills_paragraph: bool = False  # every word of the cue's paragraph is source, cue or content
    mark_between: bool = False  # the cue is one colon or dash with a source on one side and content on the other
    frame: CueFrame = field(default_factory=CueFrame)  # the clause around the cue
    cue_logit: float = 0.0  # the cue classifier's log-odds that the cue is a gold cue (``CueClassifier``)


def attribution_features(doc: Doc, tagging: Tagging, candidate: Candidate) -> np.ndarray:
    """The signals of one attribution, in ``FEATURES`` order."""
    roles = (tagging.tags + 1) // 2
    margins = tagging.margins
    codes = doc_token_codes(doc)  # read per token from the doc's arrays: a Token per content word costs more

    def tokens(ranges: list[tuple[int, int]]) -> np.ndarray:
        space = codes.space
        return np.array([i for start, end in ranges for i in range(start, end) if not space[i]], dtype=np.intp)

    cue_tokens = tokens([candidate.cue])
    content_tokens, source_tokens = tokens(candidate.contents), tokens(candidate.sources)
    tagged_source = len(source_tokens) > 0 and bool((roles[source_tokens] == ROLE_IDS["SOURCE"]).any())
    head = doc[candidate.cue[0] : candidate.cue[1]].root
    routes = max(len(candidate.routes), 1)
    attached = [ROUTE_SIGNALS[route] for route in candidate.routes]
    return np.array(
        [
            margins[cue_tokens].mean() if len(cue_tokens) else 0.0,
            margins[cue_tokens].min() if len(cue_tokens) else 0.0,
            margins[content_tokens].mean() if len(content_tokens) else 0.0,
            margins[source_tokens].mean() if tagged_source else 0.0,
            float(tagged_source),
            float(len(source_tokens) > 0 and not tagged_source),
            float(candidate.kind == "direct"),
            float(candidate.kind == "mixed"),
            candidate.cue_bucket / 4,
            candidate.cluster_bucket / 4,
            float(all(codes.punct[i] for i in cue_tokens)),
            float(head.pos_ == "VERB"),
            float(candidate.cue_subject),
            float(candidate.governs_content),
            np.log1p(len(content_tokens)),
            float(len(candidate.contents) > 1),
            *(attached.count(route) / routes for route in SIGNAL_ROUTES),
            min(candidate.sentence_cues, 3) / 3,
            float(candidate.first_paragraph),
            float(candidate.source_person),
            float(candidate.source_opens),
            float(candidate.content_closes),
            float(candidate.fills_paragraph),
            float(candidate.mark_between),
            *(float(getattr(candidate.frame, signal.name)) for signal in fields(candidate.frame)),
            candidate.cue_logit,
        ],
        dtype=np.float64,
    )


@dataclass
class Calibrator:
    """Logistic regression on standardized features: ``P(right) = sigmoid(coef · (x - mean) / scale + bias)``."""

    coef: np.ndarray
    bias: float
    mean: np.ndarray
    scale: np.ndarray
    # Attributions less likely than this to be right are not output: chosen on held-out training folds as the
    # cut that maximizes attribution F1 (``train.attribution``). 0 keeps everything.
    threshold: float = 0.0

    @classmethod
    def constant(cls, probability: float) -> Calibrator:
        """The same probability for every attribution (a model trained without held-out predictions)."""
        return cls(
            coef=np.zeros(len(FEATURES)),
            bias=float(np.log(probability / (1 - probability))),
            mean=np.zeros(len(FEATURES)),
            scale=np.ones(len(FEATURES)),
        )

    def predict(self, features: np.ndarray) -> np.ndarray:
        if len(features) == 0:
            return np.zeros(0)
        z = ((features - self.mean) / self.scale) @ self.coef + self.bias
        return 1.0 / (1.0 + np.exp(-z))

    @classmethod
    def fit(cls, features: np.ndarray, right: np.ndarray, iterations: int = 50, l2: float = L2) -> Calibrator:
        """Maximum likelihood with a small L2 penalty (``logistic.fit_logistic``) on standardized features; a
        larger ``l2`` for many dense inputs (``benchmarks/tensor_screen.py``'s classifiers of spaCy's tensor)."""
        if len(features) < 2:
            return cls.constant(float(np.clip(right.mean() if len(right) else 0.5, 0.01, 0.99)))
        mean = features.mean(axis=0)
        scale = features.std(axis=0)
        scale[scale == 0] = 1.0
        x = np.hstack([(features - mean) / scale, np.ones((len(features), 1))])
        weights = fit_logistic(x, right, l2, iterations=iterations)
        return cls(coef=weights[:-1], bias=float(weights[-1]), mean=mean, scale=scale)

    def arrays(self) -> dict[str, np.ndarray]:
        return {
            "confidence_coef": self.coef,
            "confidence_bias": np.array(self.bias),
            "confidence_mean": self.mean,
            "confidence_scale": self.scale,
            "confidence_threshold": np.array(self.threshold),
        }

    @classmethod
    def from_arrays(cls, data: Mapping[str, np.ndarray]) -> Calibrator:
        return cls(
            coef=np.asarray(data["confidence_coef"], dtype=np.float64),
            bias=float(data["confidence_bias"]),
            mean=np.asarray(data["confidence_mean"], dtype=np.float64),
            scale=np.asarray(data["confidence_scale"], dtype=np.float64),
            threshold=float(data["confidence_threshold"]),
        )


def best_threshold(confidence: np.ndarray, right: np.ndarray, gold: int, cap: float = 0.5) -> float:
    """The confidence below which dropping attributions maximizes attribution F1 (at most ``cap``: past 0.5 a
    dropped attribution was more likely right than wrong, and F1 would be bought with recall a user wants)."""
    order = np.argsort(-confidence, kind="stable")
    kept_right = np.cumsum(right[order])
    kept = np.arange(1, len(order) + 1)
    f1 = 2 * kept_right / (kept + gold)
    best = int(np.argmax(f1))
    if best == len(order) - 1:
        return 0.0
    return float(min(confidence[order][best + 1 :].max(initial=0.0) + 1e-9, cap))


__all__ = [
    "CUE_ATOMS",
    "FEATURES",
    "Calibrator",
    "Candidate",
    "CueClassifier",
    "CueFrame",
    "cue_hashes",
    "attribution_features",
    "best_threshold",
    "token_margins",
]
