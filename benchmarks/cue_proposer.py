"""Screen of a learned proposer of the cues the tagger misses (cue19), on held-out train; dev is never read.

27% of the gold cues of held-out train touch no predicted cue, most of them words that are cues only sometimes
("warn", "expect", "plan", "vote", "want") or nouns with a clause ("the claim that ..."). The proposer looks at
every word the tagger left untagged that governs a complement (``KINDS``: a ``ccomp``, a to-infinitive, a noun's
that-clause, to-infinitive or "of"-gerund, a verb's object or prepositional object) and scores "is a gold cue"
with an L2 logistic regression over hashed conjunctions of its lemma, word cluster and cue bucket with the facts
of its clause (as ``CueClassifier`` does for found cues). Candidates over a threshold are written into the tagging
as the tagger would have tagged them (the word as CUE, its untagged complement as CONTENT, its untagged subject as
SOURCE), then grouped and filtered like every group: by the confidence model fitted without them (``fixed``) or
refitted with them among its rows (``none``; ``flag``: with a signal "proposed, not tagged"; ``score``: and the
proposer's logit). ``--lexical`` fits the proposer on every candidate head of the tagger's training fold too;
``--oracle`` proposes exactly the candidates that are gold cues (the ceiling of the candidate set).

The quick loop of ``tagger_screen.py``: the fold model (trained on fold 1) tags fold 0; the proposer and the
confidence model are fitted on every 4th article from the 3rd (the proposals used to fit the confidence model are
cross-fitted by article, so that they are as good as on new text), and everything is scored on every 4th article
from the 1st.

    nice .venv/bin/python benchmarks/cue_proposer.py --cache-dir /tmp/traincache-cue19 --lexical --l2 10

Figures: ``docs/experiments/extraction.md``, "A learned proposer of missed cues".
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Token
from tagger_screen import DEFAULT_DATA, Screen, _doc_tokens, _figures
from tensor_screen import train_tensors

from accordingto.annotations import analysis_from_doc
from accordingto.evaluate import Scores, score
from accordingto.evaluate.calibration import matched_predictions
from accordingto.find.attributions import reading_position, record_attributions
from accordingto.find.confidence import Calibrator, CueClassifier, best_threshold, token_margins
from accordingto.find.features import DocArrays, TemplateHashes
from accordingto.find.grouping import assemble
from accordingto.find.groups import Group
from accordingto.find.perceptron import TAG_INDEX, Tagging
from accordingto.find.quotes import annotate_quotes
from accordingto.find.signals import _subject_kind, cue_contexts, group_features
from accordingto.model import Attribution
from accordingto.train.attribution import stacked_cue_logits

# The kinds of candidate head: what makes a word a possible cue that the tagger left out.
KINDS = ("ccomp", "parataxis", "to-infinitive", "noun-clause", "noun-of-gerund", "noun-to", "object", "preposition")
COMPLEMENTIZERS = ("that", "whether", "if")
ATOMS = (
    "lemma",
    "cluster",
    "bucket",  # how often the lemma is a cue in training (0 never .. 4 half the time or more)
    "kind",
    "tag",
    "dep",
    "opener",  # the complement's first word (that, whether, to, ...)
    "subject",  # signals._subject_kind
    "passive",
    "negated",
    "modal",
    "object",  # a direct object before the complement
    "quoted",
    "headline",
    "content tagged",  # the complement untagged, partly or wholly tagged CONTENT
    "sentence cue",  # the sentence already holds a tagged cue
    "complement tag",  # tense of the complement's head
    "cue gap",  # how near the tagger came to tagging the head a cue: its best cue score minus O's, binned
    "complement entity",  # the entity type of the complement's head ("would vote for Clinton": PERSON)
    "complement cluster",  # the fine word cluster of the complement's head ("backed the bill")
)
TEMPLATES = (
    (0,),
    (1,),
    (2,),
    *(template for atom in range(3, len(ATOMS)) for template in ((atom,), (0, atom), (1, atom), (2, atom))),
    (0, 3, 6),
    (1, 3, 6),
)
TEMPLATE_BASE = 3000
# The atoms that read the held-out tagging: the lexical proposer (``--lexical``), fitted on every head of articles
# the tagger was trained on as well, leaves the templates holding them out.
TAGGING_ATOMS = frozenset({ATOMS.index("content tagged"), ATOMS.index("sentence cue"), ATOMS.index("cue gap")})
LEXICAL_COLUMNS = [k for k, template in enumerate(TEMPLATES) if not set(template) & TAGGING_ATOMS]


@dataclass
class Candidate:
    """A word the tagger left untagged that may be a cue, with the spans it would be grouped with."""

    head: int
    kind: str
    complement: tuple[int, int]  # token span of the content it would report
    subject: tuple[int, int] | None
    cue_end: int = 0  # past the cue's last token: the head's, or a preposition's right after it ("vote for")
    governed: int = 0  # the complement's head


def _span(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def _complement(token: Token) -> tuple[str, Token] | None:
    """The kind of the candidate and the complement it governs, if ``token`` may be a cue."""
    children = list(token.children)
    if token.pos_ in ("VERB", "AUX"):
        for dep in ("ccomp", "parataxis"):
            child = next((c for c in children if c.dep_ == dep), None)
            if child is not None:
                return dep, child
        for child in children:
            if child.dep_ == "xcomp" and any(g.tag_ == "TO" for g in child.children):
                return "to-infinitive", child
        if token.pos_ == "VERB":
            # A stance or act whose content is a noun phrase ("backed the bill", "would vote for Clinton"): the
            # cue is the verb (with the preposition), the content its object.
            for child in children:
                if child.dep_ == "dobj":
                    return "object", child
            for child in children:
                if child.dep_ == "prep" and child.i > token.i:
                    objects = [g for g in child.children if g.dep_ == "pobj"]
                    if objects:
                        return "preposition", objects[0]
    elif token.pos_ == "NOUN":
        for child in children:
            if child.dep_ in ("acl", "ccomp") and any(g.lower_ in COMPLEMENTIZERS for g in child.children):
                return "noun-clause", child
            if child.dep_ == "acl" and any(g.tag_ == "TO" for g in child.children):
                return "noun-to", child
            gerund = any(g.dep_ in ("pcomp", "pobj") and g.tag_ == "VBG" for g in child.children)
            if child.dep_ == "prep" and child.lower_ == "of" and gerund:
                return "noun-of-gerund", child
    return None


def candidates(doc: Doc, tags: np.ndarray) -> list[Candidate]:
    """The words tagged O that govern a complement (``_complement``), with the content and source they would take:
    the complement without its trailing punctuation (from the object on, for "expect the bank to ..."), and the
    subject, passive agent or a noun's possessor."""
    found = []
    for token in doc:
        if tags[token.i] != 0 or token.is_space:
            continue
        got = _complement(token)
        if got is None:
            continue
        kind, child = got
        start, end = _span(child)
        if kind == "noun-of-gerund":
            start += 1  # "of" stays with the cue ("accused of lying": content "lying")
        objects = [c for c in token.children if c.dep_ == "dobj" and c.i < child.i]
        if kind == "to-infinitive" and objects:
            start = objects[0].left_edge.i  # "expect the bank to raise rates"
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        subjects += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        subjects += [c for c in token.children if c.dep_ == "poss" and token.pos_ == "NOUN"]
        subject = _span(subjects[0]) if subjects else None
        cue_end = token.i + 1
        if kind == "preposition" and child.head.i == token.i + 1:
            cue_end += 1
        if end > start and (start >= cue_end or end <= token.i):
            found.append(Candidate(token.i, kind, (start, end), subject, cue_end, child.i))
    return found


# Bins of the tagger's cue-minus-O emission gap at the head, as shares of the fold model's emission scale.
GAP_BINS = np.array([-3.0, -2.0, -1.5, -1.0, -0.5, 0.0])


def candidate_hashes(
    doc: Doc, tags: np.ndarray, arrays: DocArrays, found: Sequence[Candidate], gap: np.ndarray
) -> np.ndarray:
    """``(len(found), len(TEMPLATES))`` hashed conjunctions of each candidate's atoms (``ATOMS``); ``gap``: per
    token, the tagger's best cue score minus O's, as a share of its emission scale."""
    strings = doc.vocab.strings
    atoms = np.zeros((len(found), len(ATOMS)), dtype=np.uint64)
    cue_sentences = {int(arrays.sent[i]) for i in np.nonzero((tags == 3) | (tags == 4))[0]}
    for row, c in enumerate(found):
        token = doc[c.head]
        children = list(token.children)
        deps = {child.dep_ for child in children}
        content = tags[c.complement[0] : c.complement[1]]
        tagged = np.isin(content, (5, 6))
        comp_head = next(
            (child for child in children if c.complement[0] <= child.i < c.complement[1] and child.dep_ != "dobj"),
            token,
        )
        atoms[row] = [
            arrays.lemma[c.head],
            arrays.fine[c.head],
            arrays.cue[c.head],
            KINDS.index(c.kind) + 1,
            arrays.tag[c.head],
            arrays.dep[c.head],
            strings[doc[c.complement[0]].lower_],
            _subject_kind(token),
            "auxpass" in deps or "nsubjpass" in deps,
            "neg" in deps,
            any(child.tag_ == "MD" for child in children),
            any(child.dep_ == "dobj" and child.i < c.complement[0] for child in children),
            bool(arrays.inq[c.head]),
            arrays.para[c.head] == 0,
            0 if not tagged.any() else 2 if tagged.all() else 1,
            int(arrays.sent[c.head]) in cue_sentences,
            arrays.tag[comp_head.i],
            int(np.searchsorted(GAP_BINS, gap[c.head])) + 1,
            strings[doc[c.governed].ent_type_] if doc[c.governed].ent_type_ else 0,
            arrays.fine[c.governed],
        ]
    hashes = TemplateHashes(len(found), TEMPLATE_BASE)
    for template in TEMPLATES:
        hashes.add(*(atoms[:, a] for a in template))
    return hashes.matrix()


def with_proposals(doc: Doc, tags: np.ndarray, chosen: Sequence[Candidate]) -> np.ndarray:
    """The tags with each chosen candidate written in: its head as CUE (with a particle right after it), its
    complement as CONTENT and its subject as SOURCE, each only where the tagger left every token of it O."""
    new = tags.copy()
    for c in chosen:
        if new[c.head] != 0:
            continue
        new[c.head] = TAG_INDEX["B-CUE"]
        after = c.head + 1
        if after < len(doc) and doc[after].dep_ == "prt" and doc[after].head.i == c.head and new[after] == 0:
            new[after] = TAG_INDEX["I-CUE"]
        if c.cue_end > after and new[after] == 0:
            new[after] = TAG_INDEX["I-CUE"]
        for span, role in ((c.complement, "CONTENT"), (c.subject, "SOURCE")):
            if span is None or not (new[span[0] : span[1]] == 0).all():
                continue
            start, end = span
            new[start] = TAG_INDEX[f"B-{role}"]
            new[start + 1 : end] = TAG_INDEX[f"I-{role}"]
    return new


class Proposer:
    """The candidates of the held-out articles (their hashes, and whether each is a gold cue's word), and the
    pool the lexical proposer is fitted on."""

    def __init__(
        self, screen: Screen, taggings: dict[int, Tagging], tensors: Sequence[np.ndarray] | None = None
    ) -> None:
        self.screen = screen
        self.found: dict[int, list[Candidate]] = {}
        self.hashes: dict[int, np.ndarray] = {}
        self.labels: dict[int, np.ndarray] = {}
        # spaCy's tensor at each candidate and at its head in the parse (``--tensor``; empty without).
        self.tensors = tensors
        self.dense: dict[int, np.ndarray] = {}
        for i, tagging in taggings.items():
            doc = screen.docs[i]
            gold = set().union(*(_doc_tokens(doc, a.cue) for a in screen.articles[i].attributions))
            found = candidates(doc, tagging.tags)
            self.found[i] = found
            emissions = screen.model.emissions(screen.features[i])
            gap = (emissions[:, [TAG_INDEX["B-CUE"], TAG_INDEX["I-CUE"]]].max(axis=1) - emissions[:, 0]) / screen.scale
            self.hashes[i] = candidate_hashes(doc, tagging.tags, screen.arrays[i], found, gap)
            self.labels[i] = np.array([c.head in gold for c in found], dtype=bool)
            self.dense[i] = self._dense(i, found)
        # Every candidate head, tagged or not, of the fold the tagger was trained on and of the fitted articles,
        # for the lexical proposer: four times the rows, read without the tagging.
        self.pool: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self.pool_dense: dict[int, np.ndarray] = {}
        for i in list(screen.training) + list(screen.fitted):
            doc = screen.docs[i]
            untagged = np.zeros(len(doc), dtype=np.intp)
            gold = set().union(*(_doc_tokens(doc, a.cue) for a in screen.articles[i].attributions))
            found = candidates(doc, untagged)
            hashes = candidate_hashes(doc, untagged, screen.arrays[i], found, np.zeros(len(doc)))
            self.pool[i] = (hashes[:, LEXICAL_COLUMNS], np.array([c.head in gold for c in found], dtype=bool))
            self.pool_dense[i] = self._dense(i, found)

    def _dense(self, i: int, found: Sequence[Candidate]) -> np.ndarray:
        """The candidate's tensor (its sense in this context: "vote" on a bill or "vote for" a candidate) and its
        head's (the clause it sits in), one row per candidate."""
        if self.tensors is None:
            return np.zeros((len(found), 0))
        doc, tensor = self.screen.docs[i], self.tensors[i]
        rows = [np.concatenate([tensor[c.head], tensor[doc[c.head].head.i]]) for c in found]
        return np.array(rows) if rows else np.zeros((0, 2 * tensor.shape[1]))

    def _rows(self, articles: Sequence[int], lexical: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """What a proposer is fitted on, per candidate: its article, hashes, dense row and label; ``lexical``: the
        pool of every candidate head of the tagger's training fold and of ``articles``, else the held-out
        candidates of ``articles``."""
        if lexical:
            rows = [i for i in list(self.screen.training) + list(articles) if len(self.pool[i][1])]
            hashes, dense, labels = self.pool, self.pool_dense, {i: self.pool[i][1] for i in rows}
            hashed = {i: hashes[i][0] for i in rows}
        else:
            rows = [i for i in articles if len(self.found[i])]
            hashed, dense, labels = self.hashes, self.dense, self.labels
        return (
            np.concatenate([[i] * len(labels[i]) for i in rows]),
            np.vstack([hashed[i] for i in rows]),
            np.vstack([dense[i] for i in rows]),
            np.concatenate([labels[i] for i in rows]),
        )

    def logit_model(
        self, articles: Sequence[int], l2: float, lexical: bool, tensor: str, dense_l2: float
    ) -> Callable[[int], np.ndarray]:
        """A proposer fitted on ``articles``, as a function from an article to its candidates' logits. ``tensor``:
        "none" the hashed proposer alone; "only" a logistic regression on the dense rows alone (penalty
        ``dense_l2``); "stacked" one on the dense rows and the hashed proposer's logit, the latter cross-fitted on
        its rows by halves of their articles (on its own rows it would be overconfident)."""
        columns = LEXICAL_COLUMNS if lexical else slice(None)
        article, hashes, dense, labels = self._rows(articles, lexical)
        hashed = CueClassifier.fit(hashes, labels, l2) if tensor != "only" else CueClassifier.empty()
        if tensor == "none":
            return lambda i: hashed.logits(self.hashes[i][:, columns])
        if tensor == "stacked":
            logit = np.zeros(len(labels))
            halves = np.unique(article, return_inverse=True)[1] % 2  # by rank: the pool's fold is odd articles
            for half in (0, 1):
                held = halves == half
                logit[held] = CueClassifier.fit(hashes[~held], labels[~held], l2).logits(hashes[held])
            dense = np.hstack([dense, logit[:, None]])
        model = Calibrator.fit(dense, labels, l2=dense_l2)

        def logits(i: int) -> np.ndarray:
            x = self.dense[i]
            if tensor == "stacked":
                x = np.hstack([x, hashed.logits(self.hashes[i][:, columns])[:, None]])
            return ((x - model.mean) / model.scale) @ model.coef + model.bias

        return logits

    def probabilities(
        self,
        fitted: Sequence[int],
        scored: Sequence[int],
        l2: float,
        lexical: bool,
        tensor: str = "none",
        dense_l2: float = 10.0,
    ) -> dict[int, np.ndarray]:
        """Each candidate's probability of being a gold cue: on the scored articles from a proposer fitted on
        ``fitted``; on a fitted article, from one fitted on the other half of them (cross-fitted, as on new text)."""
        halves = [fitted[0::2], fitted[1::2]]
        out: dict[int, np.ndarray] = {}
        for articles, model_articles in ((scored, fitted), (halves[0], halves[1]), (halves[1], halves[0])):
            logits = self.logit_model(model_articles, l2, lexical, tensor, dense_l2)
            for i in articles:
                out[i] = 1 / (1 + np.exp(-logits(i))) if len(self.found[i]) else np.zeros(0)
        return out


@dataclass
class Filtered:
    """A confidence model with its cue classifier, the signal its rows carry, and its F1 on the fitted articles."""

    calibrator: Calibrator
    cue_model: CueClassifier
    signal: str  # none, flag or score (``_rows``)
    f1: float


def _groups(screen: Screen, i: int, tags: np.ndarray) -> tuple[Doc, list[Group]]:
    annotated = annotate_quotes(screen.docs[i].copy())
    return annotated, sorted(assemble(annotated, tags), key=reading_position)


def _attributions(annotated: Doc, groups: list[Group]) -> list[Attribution]:
    record_attributions(annotated, groups, [0.0] * len(groups))
    return analysis_from_doc(annotated).attributions


def _rows(
    screen: Screen, i: int, tagging: Tagging, proposed: dict[int, float], cue_model: CueClassifier | None, signal: str
) -> tuple[Doc, list[Group], np.ndarray]:
    """The groups of article ``i`` in reading order and their confidence features: with ``signal`` "flag", a column
    "proposed, not tagged" before the cue classifier's logit; with "score", the proposer's logit beside it."""
    annotated, groups = _groups(screen, i, tagging.tags)
    features = group_features(annotated, groups, tagging, screen.arrays[i], cue_model)
    if signal != "none":
        columns = [[float(g.cue.start in proposed)] for g in groups]
        if signal == "score":
            columns = [row + [proposed.get(g.cue.start, 0.0)] for row, g in zip(columns, groups, strict=True)]
        extra = np.array(columns).reshape(len(groups), 1 if signal == "flag" else 2)
        features = np.hstack([features[:, :-1], extra, features[:, -1:]])
    return annotated, groups, features


def fit_filter(
    screen: Screen, taggings: dict[int, Tagging], proposed: dict[int, dict[int, float]], signal: str
) -> Filtered:
    """``train.attribution.fit_calibrator`` on the fitted articles, with a column "proposed, not tagged" before the
    cue classifier's logit when ``signal``."""
    feats, rights, contexts, cue_rights, article = [], [], [], [], []
    gold = 0
    gold_cue_sets = {}
    for n, i in enumerate(screen.fitted):
        annotated, groups, features = _rows(screen, i, taggings[i], proposed[i], None, signal)
        contexts.append(cue_contexts(annotated, groups, screen.arrays[i]))
        spans = [(s, e) for a in screen.articles[i].attributions for s, e in a.cue]
        gold_cue_sets[i] = spans
        for g in groups:
            start, last = annotated[g.cue.start], annotated[g.cue.end - 1]
            end = last.idx + len(last.text)
            cue_rights.append(any(b < end and start.idx < e for b, e in spans))
        predicted = _attributions(annotated, groups)
        rights.extend(matched_predictions(screen.articles[i].text, screen.articles[i].attributions, predicted))
        feats.append(features)
        article.extend([n] * len(groups))
        gold += len(screen.articles[i].attributions)
    x = np.vstack(feats)
    right = np.array(rights, dtype=bool)
    ctx = np.vstack(contexts)
    cue_right = np.array(cue_rights, dtype=bool)
    x[:, -1] = stacked_cue_logits(ctx, cue_right, np.array(article))
    calibrator = Calibrator.fit(x, right)
    confidence = calibrator.predict(x)
    calibrator.threshold = best_threshold(confidence, right, gold)
    kept = confidence >= calibrator.threshold
    f1 = 2 * float(right[kept].sum()) / (int(kept.sum()) + gold)
    return Filtered(calibrator, CueClassifier.fit(ctx, cue_right), signal, f1)


@dataclass
class Outcome:
    """The scored articles' figures, the proposals kept, and cue recall by lexicon bucket (``features.bucket``)."""

    scores: Scores
    added: int  # kept groups whose cue was proposed
    added_right: int
    added_gold_cue: int  # kept groups whose proposed cue is a gold cue, matched or not
    bucket_found: Counter[int]
    bucket_gold: Counter[int]


def evaluate(
    screen: Screen,
    taggings: dict[int, Tagging],
    proposed: dict[int, dict[int, float]],
    f: Filtered,
    articles: Sequence[int] | None = None,
) -> Outcome:
    triples = []
    added = added_right = added_gold_cue = 0
    found: Counter[int] = Counter()
    total: Counter[int] = Counter()
    for i in screen.scored if articles is None else articles:
        annotated, groups, features = _rows(screen, i, taggings[i], proposed[i], f.cue_model, f.signal)
        if groups:
            keep = f.calibrator.predict(features) >= f.calibrator.threshold
            groups = [g for g, k in zip(groups, keep, strict=True) if k]
        is_proposed = [g.cue.start in proposed[i] for g in groups]
        cue_tokens = set().union(*(range(g.cue.start, g.cue.end) for g in groups))
        predicted = _attributions(annotated, groups)
        article = screen.articles[i]
        right = matched_predictions(article.text, article.attributions, predicted)
        added += sum(is_proposed)
        added_right += sum(r for r, p in zip(right, is_proposed, strict=True) if p)
        gold_cues = set().union(*(_doc_tokens(annotated, a.cue) for a in screen.articles[i].attributions))
        added_gold_cue += sum(p and g.cue.start in gold_cues for g, p in zip(groups, is_proposed, strict=True))
        for attribution in article.attributions:
            tokens = _doc_tokens(annotated, attribution.cue)
            if not tokens:
                continue
            bucket = int(max(screen.arrays[i].cue[t] for t in tokens))
            total[bucket] += 1
            found[bucket] += bool(tokens & cue_tokens)
        triples.append((article.text, article.attributions, predicted))
    return Outcome(score(triples), added, added_right, added_gold_cue, found, total)


def average_precision(scores: np.ndarray, labels: np.ndarray) -> float:
    """The mean of the precision at each gold candidate's rank (candidates by falling score)."""
    ranked = labels[np.argsort(-scores, kind="stable")]
    hits = np.cumsum(ranked)
    return float((hits[ranked] / (np.flatnonzero(ranked) + 1)).mean()) if ranked.any() else 0.0


def report(name: str, threshold: float, f: Filtered, o: Outcome, n_proposed: int) -> None:
    buckets = " ".join(f"{100 * o.bucket_found[b] / max(o.bucket_gold[b], 1):5.1f}" for b in range(5))
    precision = 100 * o.added_right / max(o.added, 1)
    print(
        f"{name:<12}{threshold:>5.2f} {f.f1 * 100:6.2f} {f.calibrator.threshold:6.3f} {n_proposed:6d} "
        f"{o.added:5d} {precision:5.1f} {o.added_gold_cue:4d} | {_figures(o.scores, 2)} | {buckets}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache-dir", type=Path, default=None)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--thresholds", nargs="+", type=float, default=[0.3, 0.4, 0.5, 0.6, 0.7])
    parser.add_argument("--l2", type=float, default=3.0)
    parser.add_argument("--lexical", action="store_true", help="the proposer fitted on every head of train's fold 1")
    parser.add_argument("--oracle", action="store_true", help="propose exactly the candidates that are gold cues")
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))
    parser.add_argument(
        "--tensor",
        choices=["none", "only", "stacked"],
        default="none",
        help="spaCy's tensor at the candidate and its head: alone, or stacked with the hashed proposer (cue25)",
    )
    parser.add_argument("--dense-l2", type=float, default=10.0, help="the penalty of the regression on the tensor")
    parser.add_argument("--modes", nargs="+", choices=["fixed", "none", "flag", "score"], default=["fixed", "flag"])
    args = parser.parse_args()
    screen = Screen(args.data, args.cache_dir, args.epochs)
    taggings = {i: screen.tagging(i) for i in screen.fitted + screen.scored}
    tensors = None
    if args.tensor != "none":
        if args.cache_dir is None:
            raise SystemExit("--tensor needs --cache-dir (the tensors are kept beside the parse cache)")
        texts = [article.text for article in screen.articles]
        tensors = train_tensors(texts, screen.docs, args.cache_dir / "train-tensor.npz")
    proposer = Proposer(screen, taggings, tensors)
    for i in proposer.found:
        keep = [n for n, c in enumerate(proposer.found[i]) if c.kind in args.kinds]
        proposer.found[i] = [proposer.found[i][n] for n in keep]
        proposer.hashes[i] = proposer.hashes[i][keep]
        proposer.labels[i] = proposer.labels[i][keep]
    kinds = Counter(
        (c.kind, bool(y)) for i in screen.scored for c, y in zip(proposer.found[i], proposer.labels[i], strict=True)
    )
    print("candidates on the scored articles (kind: gold cue / not):")
    for kind in KINDS:
        print(f"  {kind:<16}{kinds[(kind, True)]:6d} / {kinds[(kind, False)]:6d}")
    if args.oracle:
        probability = {i: proposer.labels[i].astype(np.float64) for i in taggings}
    else:
        probability = proposer.probabilities(
            screen.fitted, screen.scored, args.l2, args.lexical, args.tensor, args.dense_l2
        )
    labels = np.concatenate([proposer.labels[i] for i in screen.scored])
    scores_ = np.concatenate([probability[i] for i in screen.scored])
    print(f"average precision on the scored candidates: {average_precision(scores_, labels):.3f}")
    for t in args.thresholds:
        over = scores_ >= t
        print(f"  threshold {t:.2f}: {int(over.sum())} proposed, precision {100 * labels[over].mean():.1f} (gold cue)")
    print(
        "run         thr  fitF1   cthr  prop  kept P(kept) gold cue | attr P R F1 | tok source cue content |"
        " direct P R F1 | cue recall by bucket 0-4"
    )
    none: dict[int, dict[int, float]] = {i: {} for i in taggings}
    base = fit_filter(screen, taggings, none, "none")
    on_fitted = evaluate(screen, taggings, none, base, screen.fitted).scores.all.attribution.f1
    fixed = Filtered(base.calibrator, base.cue_model, "none", on_fitted)
    report("none", 0.0, fixed, evaluate(screen, taggings, none, base), 0)
    for t in args.thresholds:
        proposed: dict[int, dict[int, float]] = {}
        new: dict[int, Tagging] = {}
        for i, tagging in taggings.items():
            chosen = [(c, p) for c, p in zip(proposer.found[i], probability[i], strict=True) if p >= t]
            tags = with_proposals(screen.docs[i], tagging.tags, [c for c, _ in chosen])
            proposed[i] = {
                c.head: float(np.log(p / (1 - p))) if 0 < p < 1 else 0.0
                for c, p in chosen
                if tags[c.head] == TAG_INDEX["B-CUE"] and tagging.tags[c.head] == 0
            }
            new[i] = Tagging(tags, token_margins(screen.model.emissions(screen.features[i]), tags))
        n_proposed = sum(len(proposed[i]) for i in screen.scored)
        if "fixed" in args.modes:
            # The fixed filter's F1 on the fitted articles (cross-fitted proposals) is what a threshold is chosen by.
            on_fitted = evaluate(screen, new, proposed, base, screen.fitted).scores.all.attribution.f1
            fixed = Filtered(base.calibrator, base.cue_model, "none", on_fitted)
            report("fixed", t, fixed, evaluate(screen, new, proposed, base), n_proposed)
        for signal in ("none", "flag", "score"):
            if signal in args.modes:
                f = fit_filter(screen, new, proposed, signal)
                report(f"refit {signal}", t, f, evaluate(screen, new, proposed, f), n_proposed)


if __name__ == "__main__":
    main()
