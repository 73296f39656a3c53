"""The quick loop for screening tagger ideas on PolNeAR train, without dev and without a 35-minute training.

The first stage of the tagger is trained on fold 1 of `train` (odd articles, as in `accordingto train`'s 2-fold
cross-validation); the held-out articles of fold 0 are tagged. The confidence model and its threshold are fitted
on half of them (every 4th article from the 3rd) and everything is scored on the other half (every 4th article
from the 1st: the articles `accordingto train` chooses epochs on), so the figures are the filtered output a
user would get, on articles neither the tagger nor the filter saw.

    .venv/bin/python benchmarks/tagger_screen.py --cache-dir /tmp/polnear-cache bias
    .venv/bin/python benchmarks/tagger_screen.py --cache-dir /tmp/polnear-cache extents
    .venv/bin/python benchmarks/tagger_screen.py --cache-dir /tmp/polnear-cache misses

`bias` lowers the score of O (the recall bias of `accordingto train --recall-bias`, as a share of the fold
model's emission scale) on the tokens of a scope only (everywhere, outside quotations, in sentences or
paragraphs without a quotation) and prints attribution P/R/F1, token F1 per role and the direct-quote subset.
`extents` splits the unfiltered output's token errors per role (cue, source): gold tokens of spans no
prediction touches, gold tokens a touching prediction leaves out, predicted tokens of spans touching no gold
span, and predicted tokens beyond a gold span they touch; then the largest extent errors by side and
dependency. `groups` and `misses` break the filtered output's errors down: `misses` the gold attributions no
prediction holds, by the construction of their cue and the stage that lost them (tagger, grouping, cut). About a
minute per run once the parses are cached (`--cache-dir`, the layout `accordingto train`
uses: the first run parses train, a few minutes). `--without-ner` clears spaCy's entities before anything
is computed, as a pipeline without ner would hand them over. `Screen.refit` fits the fold model again with extra
feature columns beside the tagger's, for screens of new features kept outside the package (the encoder7 screen
of contextual-vector clusters, which needs onnxruntime and a MiniLM, did so).
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import spacy
from spacy.tokens import Doc

from accordingto.annotations import analysis_from_doc
from accordingto.evaluate import AnnotatedArticle, Scores, read_annotated, score
from accordingto.evaluate.metrics import TokenIndex, attributions_match, match_candidates, maximum_matching
from accordingto.evaluate.run import unnested
from accordingto.find.attributions import record_attributions
from accordingto.find.confidence import Calibrator, CueClassifier, token_margins
from accordingto.find.cues import cue_root
from accordingto.find.features import DocArrays, doc_arrays, token_features
from accordingto.find.grouping import assemble
from accordingto.find.groups import Group
from accordingto.find.nested import NestedAttributions, find_nested
from accordingto.find.perceptron import ROLES, TaggerModel, Tagging, viterbi
from accordingto.find.quotes import annotate_quotes
from accordingto.find.signals import group_features
from accordingto.find.sources import INHERITING_DEPS
from accordingto.find.tagging import RoleSpan
from accordingto.model import Attribution
from accordingto.parse.pipeline import SPACY_MODEL
from accordingto.train.attribution import SCORE_EVERY, fit_calibrator, parse_articles
from accordingto.train.clusters import build_clusters
from accordingto.train.tagger import build_lexicon, emission_scale, fit, make_examples, paragraph_chunks

# Adds find/nested.py's frames to a doc, as the pipeline's component does (it reads nothing of the pipeline).
NESTED = NestedAttributions(spacy.blank("en"), "nested")
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "polnear"


def _inside_quotes(arrays: DocArrays) -> np.ndarray:
    return arrays.inq.astype(bool)


def _in_quoted_segments(segment: np.ndarray, n_segments: int, quoted: np.ndarray) -> np.ndarray:
    """Per token: whether its segment (sentence or paragraph) holds a quoted token."""
    has = np.zeros(n_segments, dtype=bool)
    np.logical_or.at(has, segment, quoted)
    return has[segment]


# Where the recall bias applies: the tokens each scope returns True for.
SCOPES: dict[str, Callable[[DocArrays], np.ndarray]] = {
    "everywhere": lambda a: np.ones(a.n, dtype=bool),
    "outside-quotes": lambda a: ~_inside_quotes(a),
    "quote-free-sentences": lambda a: ~_in_quoted_segments(a.sent, a.n_sents, _inside_quotes(a)),
    "quote-free-paragraphs": lambda a: ~_in_quoted_segments(a.para, a.n_paras, _inside_quotes(a)),
}


@dataclass(frozen=True)
class Filter:
    """What keeps an attribution: the confidence model (with its threshold) and the cue classifier it stacks."""

    calibrator: Calibrator
    cue_model: CueClassifier


class Screen:
    """Train's parses, gold tags, features and the fold model, shared by both screens."""

    def __init__(self, data: Path, cache_dir: Path | None, epochs: int, without_ner: bool = False) -> None:
        nlp = spacy.load(SPACY_MODEL)
        self.articles: list[AnnotatedArticle] = list(read_annotated(data / "train"))
        self.docs: list[Doc] = parse_articles(
            nlp, self.articles, cache_dir / "train.spacy" if cache_dir is not None else None
        )
        if without_ner:
            # What a pipeline without spaCy's ner would hand the tagger: no entity annotation at all.
            for doc in self.docs:
                doc.set_ents([], default="missing")
        self.epochs = epochs
        self.examples = make_examples(self.docs, [a.attributions for a in self.articles])
        self.lexicon = build_lexicon(self.examples, build_clusters(seed=0))
        self.arrays = [doc_arrays(doc, self.lexicon) for doc in self.docs]
        self.base_features = [token_features(d, self.lexicon, a) for d, a in zip(self.docs, self.arrays, strict=True)]
        self.training = [i for i in range(len(self.docs)) if i % 2 == 1]
        self.fitted = list(range(2, len(self.docs), SCORE_EVERY))
        self.scored = list(range(0, len(self.docs), SCORE_EVERY))
        self.refit()

    def refit(self, extra: Sequence[np.ndarray] | None = None) -> None:
        """Fit the fold model on the tagger's features, with ``extra`` feature columns per article beside them
        (hashes of templates of their own) when a screen tries new features."""
        if extra is None:
            self.features = self.base_features
        else:
            self.features = [np.hstack([f, e]) for f, e in zip(self.base_features, extra, strict=True)]
        chunks = [
            chunk
            for i in self.training
            for chunk in paragraph_chunks(self.features[i], self.examples[i].gold, self.examples[i].blocked)
        ]
        self.model: TaggerModel = fit(chunks, self.lexicon, bits=20, epochs=self.epochs, seed=0)
        self.scale = emission_scale(self.model, chunks)

    def tagging(self, i: int, bias: np.ndarray | None = None) -> Tagging:
        emissions = self.model.emissions(self.features[i])
        if bias is not None:
            emissions[:, 0] -= bias
        tags = viterbi(emissions, self.model.transitions, self.examples[i].blocked)
        return Tagging(tags, token_margins(emissions, tags))

    def fit_filter(self, taggings: dict[int, Tagging]) -> Filter:
        """The confidence model and its cue classifier, fitted on the taggings of the articles kept for it."""
        calibrator, cue_model, _ = fit_calibrator(
            self.lexicon,
            [self.docs[i] for i in self.fitted],
            [self.articles[i] for i in self.fitted],
            [taggings[i] for i in self.fitted],
        )
        return Filter(calibrator, cue_model)

    def predicted(
        self, i: int, tagging: Tagging, filter_: Filter | None = None, as_dev: bool = False
    ) -> list[Attribution]:
        """The attributions grouped from a tagging, those under the filter's threshold left out; ``as_dev``: with
        ``find/nested.py``'s frames added and only the unnested ones kept, as `accordingto evaluate` scores."""
        annotated, groups = self.kept_groups(i, tagging, filter_)
        record_attributions(annotated, groups, [0.0] * len(groups))
        if not as_dev:
            return analysis_from_doc(annotated).attributions
        NESTED.set_annotations(annotated, find_nested(annotated))
        return unnested(analysis_from_doc(annotated).attributions)

    def kept_groups(self, i: int, tagging: Tagging, filter_: Filter | None) -> tuple[Doc, list[Group]]:
        """The groups the filtered output holds for article ``i``, on the copy of its doc they were grouped on."""
        annotated = annotate_quotes(self.docs[i].copy())
        groups = assemble(annotated, tagging.tags)
        if filter_ is not None and groups:
            features = group_features(annotated, groups, tagging, self.arrays[i], filter_.cue_model)
            confidence = filter_.calibrator.predict(features)
            threshold = filter_.calibrator.threshold
            groups = [group for group, value in zip(groups, confidence, strict=True) if value >= threshold]
        return annotated, groups

    def score(self, taggings: dict[int, Tagging], filter_: Filter | None, as_dev: bool = False) -> Scores:
        return score(
            (self.articles[i].text, self.articles[i].attributions, self.predicted(i, taggings[i], filter_, as_dev))
            for i in self.scored
        )


def run_bias(screen: Screen, scopes: Sequence[str], shares: Sequence[float]) -> None:
    print(f"emission scale of the fold model: {screen.scale:.1f}")
    print(
        f"{'scope':<22}{'share':>6}{'thr':>7} | {'attr P':>6}{'R':>6}{'F1':>6} | {'source':>6}{'cue':>6}"
        f"{'content':>8} | {'direct P':>8}{'R':>6}{'F1':>6}"
    )
    runs = [("everywhere", 0.0)] + [(scope, share) for scope in scopes for share in shares if share > 0]
    for scope, share in runs:
        taggings = {
            i: screen.tagging(i, share * screen.scale * SCOPES[scope](screen.arrays[i]))
            for i in screen.fitted + screen.scored
        }
        filter_ = screen.fit_filter(taggings)
        scores = screen.score(taggings, filter_)
        print(f"{scope:<22}{share:>6.2f}{filter_.calibrator.threshold:>7.3f} | " + _figures(scores))


def _figures(scores: Scores, digits: int = 1) -> str:
    """Attribution P / R / F1, token F1 per role and the direct-quote subset's P / R / F1, in percent."""
    all_, direct = scores.all, scores.direct
    width = digits + 5

    def cells(values: Sequence[float]) -> str:
        return "".join(f"{100 * value:>{width}.{digits}f}" for value in values)

    attribution = all_.attribution
    return " | ".join(
        (
            cells((attribution.precision, attribution.recall, attribution.f1)),
            cells([all_.token[role].f1 for role in ("source", "cue", "content")]),
            cells((direct.attribution.precision, direct.attribution.recall, direct.attribution.f1)),
        )
    )


def _word_tokens(doc: Doc, ranges: Sequence[tuple[int, int]]) -> np.ndarray:
    """Per token: inside the character ranges and a word (the scorer counts ``\\w+`` runs only)."""
    inside = np.zeros(len(doc), dtype=bool)
    for start, end in ranges:
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is not None:
            inside[span.start : span.end] = True
    words = np.array([any(c.isalnum() for c in token.text) for token in doc], dtype=bool)
    return inside & words


def run_extents(screen: Screen, roles: Sequence[str], top: int) -> None:
    for role in roles:
        totals: Counter[str] = Counter()
        missing: Counter[tuple[str, str]] = Counter()
        extra: Counter[tuple[str, str]] = Counter()
        for i in screen.scored:
            doc = screen.docs[i]
            predicted = [_word_tokens(doc, getattr(a, role)) for a in screen.predicted(i, screen.tagging(i))]
            gold = [_word_tokens(doc, getattr(a, role)) for a in screen.articles[i].attributions]
            any_predicted = np.any(predicted, axis=0) if predicted else np.zeros(len(doc), dtype=bool)
            any_gold = np.any(gold, axis=0) if gold else np.zeros(len(doc), dtype=bool)
            totals["gold tokens"] += int(any_gold.sum())
            totals["predicted tokens"] += int(any_predicted.sum())
            for mine, theirs, kind, alone, errors in (
                (gold, any_predicted, "gold tokens", "of spans touching no prediction", missing),
                (predicted, any_gold, "predicted tokens", "of spans touching no gold span", extra),
            ):
                for span in mine:
                    if not span.any():
                        continue
                    shared = np.nonzero(span & theirs)[0]
                    if len(shared) == 0:
                        totals[f"{kind} {alone}"] += int(span.sum())
                        continue
                    for j in np.nonzero(span & ~theirs)[0]:
                        side = "left" if j < shared.min() else "right" if j > shared.max() else "inside"
                        errors[(side, doc[int(j)].dep_)] += 1
                        totals[f"{kind} beyond a span they touch"] += 1
        print(f"{role}: " + "; ".join(f"{name} {count}" for name, count in totals.items()))
        for name, errors in (("left out of a touching prediction", missing), ("predicted beyond gold", extra)):
            listed = ", ".join(f"{side} {dep} {count}" for (side, dep), count in errors.most_common(top))
            print(f"  {name}: {listed}")


# Grouping errors by construction (`groups`). Gold attributions are compared with the kept predictions in spaCy token
# offsets, so that the parse and the tags can say what went wrong; the matching itself is the scorer's.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


def _doc_tokens(doc: Doc, ranges: Sequence[tuple[int, int]]) -> frozenset[int]:
    """The non-space tokens inside the character ranges."""
    found: set[int] = set()
    for start, end in ranges:
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is not None:
            found.update(t.i for t in span if not t.is_space)
    return frozenset(found)


@dataclass(frozen=True)
class _Roles:
    source: frozenset[int]
    cue: frozenset[int]
    content: frozenset[int]

    @classmethod
    def of(cls, doc: Doc, attribution: Attribution) -> _Roles:
        return cls(*(_doc_tokens(doc, getattr(attribution, role)) for role in ("source", "cue", "content")))


def _cue_subjects(doc: Doc, cue: frozenset[int]) -> set[int]:
    """The tokens of the cue verb's subject or passive agent, or of the subject it inherits (``INHERITING_DEPS``)."""
    if not cue:
        return set()
    token = doc[cue_root(doc, RoleSpan("CUE", min(cue), max(cue) + 1))]
    for _ in range(3):
        found: set[int] = set()
        for child in token.children:
            if child.dep_ == "agent":
                found.update(t.i for c in child.children if c.dep_ == "pobj" for t in c.subtree)
            elif child.dep_ in SUBJECT_DEPS:
                found.update(t.i for t in child.subtree)
        if found:
            return found
        if token.dep_ not in INHERITING_DEPS or token.head.i == token.i:
            break
        token = token.head
    return set()


def _role_tags(tags: np.ndarray, tokens: frozenset[int]) -> set[str]:
    """The roles the tagger gave the tokens ("O" for none)."""
    return {"O" if tags[i] == 0 else ROLES[(int(tags[i]) + 1) // 2 - 1] for i in tokens}


def _sentence(doc: Doc, tokens: frozenset[int]) -> int:
    return doc[min(tokens)].sent.start if tokens else -1


def _wrong_source_class(doc: Doc, tags: np.ndarray, gold: _Roles, holder: _Roles) -> str:
    """Why a prediction that holds the gold content has another source."""
    if holder.cue & gold.cue:
        subject = _cue_subjects(doc, gold.cue)
        gold_is_subject = bool(subject & gold.source)
        earlier = _sentence(doc, gold.source) < _sentence(doc, gold.cue)
        tagged = "/".join(sorted(_role_tags(tags, gold.source)))
        if not holder.source:
            where = "the cue's subject/agent" if gold_is_subject else "an earlier sentence" if earlier else "elsewhere"
            return f"same cue, no source; gold source {where}, tagged {tagged}"
        ours = "in the gold content" if holder.source & gold.content else "our source elsewhere"
        if subject & holder.source:
            ours = "our source the cue's subject"
        where = "the cue's subject/agent" if gold_is_subject else "an earlier sentence" if earlier else "elsewhere"
        return f"same cue, other source ({ours}); gold source {where}, tagged {tagged}"
    gold_cue_tags = "/".join(sorted(_role_tags(tags, gold.cue)))
    if holder.cue & gold.content:
        return f"another cue inside the gold content; gold cue tagged {gold_cue_tags}"
    same_sentence = _sentence(doc, holder.cue) == _sentence(doc, gold.cue)
    return f"another cue ({'same' if same_sentence else 'other'} sentence); gold cue tagged {gold_cue_tags}"


def _boundary(doc: Doc, a: frozenset[int], b: frozenset[int]) -> str:
    """What stands between two parts of one gold content held by two predictions."""
    if not a or not b:
        return "no shared word"
    first, second = sorted((a, b), key=min)
    between = doc[max(first) + 1 : min(second) + 1] if max(first) < min(second) else doc[min(second) : min(second) + 1]
    text = " ".join(t.text for t in between).lower()
    if any(t.is_quote for t in between):
        return "a quotation mark"
    if ":" in text:
        return "a colon"
    if any(t.lower_ in ("that", "whether", "if") for t in between):
        return "a second that-clause"
    if any(t.dep_ == "cc" for t in between):
        return "a conjunction"
    if "," in text or ";" in text:
        return "a comma"
    return "other"


def _split_class(doc: Doc, tags: np.ndarray, gold_all: Sequence[_Roles], predicted: Sequence[_Roles], p: _Roles) -> str:
    """Why a prediction that matches nothing overlaps a gold attribution."""
    touched = [g for g in gold_all if (p.source | p.cue | p.content) & (g.source | g.cue | g.content)]
    outer = next((g for g in touched if p.cue & g.content), None)
    if outer is not None:
        tagged = "/".join(sorted(_role_tags(tags, outer.cue)))
        ours = "ours" if any(q.cue & outer.cue for q in predicted) else "not ours"
        return f"its cue inside a gold content (an inner report); the outer cue tagged {tagged}, {ours}"
    same_cue = [g for g in touched if p.cue & g.cue]
    if same_cue:
        g = same_cue[0]
        if 2 * len(p.content & g.content) >= len(g.content):
            return "the gold cue, the content, another source"
        others = [q for q in predicted if q is not p and q.content & g.content - p.content]
        if others:
            boundary = _boundary(doc, p.content & g.content, others[0].content & g.content)
            return f"the gold cue, part of the content; the rest held by another cue, split at {boundary}"
        return "the gold cue, part of the content; the rest held by none"
    content_of = [g for g in touched if p.content & g.content]
    if content_of:
        g = content_of[0]
        holders = [q for q in predicted if q is not p and q.cue & g.cue]
        if holders:
            return "a second cue on a gold content whose cue we have (two cues on one content)"
        return "a cue that is no gold cue, on a gold content"
    return "touching a gold attribution by its source or cue only"


def run_groups(screen: Screen, examples: int, taggings: dict[int, Tagging] | None = None) -> None:
    """Count the wrong-source gold attributions and the split or misplaced predictions of the filtered held-out
    output by construction, with a few examples of each (``taggings``: the fold model's, when already known)."""
    if taggings is None:
        taggings = {i: screen.tagging(i) for i in screen.fitted + screen.scored}
    filter_ = screen.fit_filter(taggings)
    counts: dict[str, Counter[str]] = {"wrong source": Counter(), "split or misplaced": Counter()}
    listed: dict[str, list[str]] = defaultdict(list)
    where: dict[str, set[str]] = defaultdict(set)
    for i in screen.scored:
        article, tags = screen.articles[i], taggings[i].tags
        predicted_attributions = screen.predicted(i, taggings[i], filter_, as_dev=True)
        doc = screen.docs[i]
        index = TokenIndex(article.text)
        gold_items = [index.item(a) for a in article.attributions]
        predicted_items = [index.item(a) for a in predicted_attributions]
        matched = maximum_matching(match_candidates(gold_items, predicted_items), len(predicted_items))
        gold = [_Roles.of(doc, a) for a in article.attributions]
        predicted = [_Roles.of(doc, a) for a in predicted_attributions]
        found: list[tuple[str, str, Attribution]] = []
        for gi, g in enumerate(gold_items):
            if gi in matched:
                continue
            holders = [
                pi
                for pi, p in enumerate(predicted_items)
                if g.content and 2 * len(g.content & p.content) >= len(g.content)
            ]
            if holders and not any(attributions_match(g, predicted_items[pi]) for pi in holders):
                found.append(
                    (
                        "wrong source",
                        _wrong_source_class(doc, tags, gold[gi], predicted[holders[0]]),
                        article.attributions[gi],
                    )
                )
        used = set(matched.values())
        for pi, p in enumerate(predicted_items):
            if pi not in used and any(p.all_tokens() & g.all_tokens() for g in gold_items):
                found.append(
                    (
                        "split or misplaced",
                        _split_class(doc, tags, gold, predicted, predicted[pi]),
                        predicted_attributions[pi],
                    )
                )
        for kind, name, attribution in found:
            counts[kind][name] += 1
            where[name].add(article.name)
            if len(listed[name]) < examples:
                listed[name].append(
                    f"      {article.name}: [{attribution.source_text or '—'}] [{attribution.cue_text}] "
                    f"[{attribution.content_text[:100]}]"
                )
    scores = screen.score(taggings, filter_, as_dev=True)
    print(f"threshold {filter_.calibrator.threshold:.3f}; attribution P/R/F1 | token source/cue/content | direct")
    print(_figures(scores, digits=2))
    for kind, counter in counts.items():
        print(f"{kind}: {sum(counter.values())}")
        for name, count in counter.most_common():
            print(f"  {count:5d}  {name} ({len(where[name])} articles)")
            print("\n".join(listed[name]))


_BUCKETS = ("never a cue", "under 5%", "5-20%", "20-50%", "50%+")


def _cue_class(doc: Doc, arrays: DocArrays, gold: _Roles, paragraph_of_first: int) -> str:
    """The construction of a gold cue: "according to", punctuation (a colon or dash), a headline's, a noun's, or a
    verb's with its lemma's cue bucket."""
    if not gold.cue:
        return "no cue tokens"
    words = [doc[i] for i in sorted(gold.cue)]
    if any(t.lower_ == "according" for t in words):
        return "according to"
    if all(t.is_punct for t in words):
        return f"punctuation ({words[0].text})"
    if arrays.para[min(gold.cue)] == paragraph_of_first:
        return "headline"
    root = doc[cue_root(doc, RoleSpan("CUE", min(gold.cue), max(gold.cue) + 1))]
    bucket = _BUCKETS[int(arrays.cue[root.i])]
    if root.pos_ in ("NOUN", "PROPN"):
        return f"noun, {bucket}"
    if root.pos_ in ("VERB", "AUX"):
        return f"verb, {bucket}"
    return f"{root.pos_.lower()}, {bucket}"


def _stage(tags: np.ndarray, gold: _Roles, grouped: Sequence[frozenset[int]], kept: Sequence[frozenset[int]]) -> str:
    """Where the pipeline lost a gold attribution that no prediction holds: the tagger, the grouping, the cut
    (``grouped``: the cues of every group before the cut; ``kept``: those of the output)."""
    if not any(tags[i] != 0 and ROLES[(int(tags[i]) + 1) // 2 - 1] == "CUE" for i in gold.cue):
        return "cue untagged"
    if not any(cue & gold.cue for cue in grouped):
        return "cue tagged, no group"
    if not any(cue & gold.cue for cue in kept):
        return "grouped, under the cut"
    return "kept, content short"


def run_misses(screen: Screen, examples: int, top: int) -> None:
    """The gold attributions of the held-out articles that no filtered prediction holds (not the wrong-source ones:
    those are ``groups``'), by the construction of their cue and by where they were lost, with the lemmas lost
    most often."""
    taggings = {i: screen.tagging(i) for i in screen.fitted + screen.scored}
    filter_ = screen.fit_filter(taggings)
    by_class: Counter[str] = Counter()
    by_stage: Counter[tuple[str, str]] = Counter()
    shapes: Counter[str] = Counter()
    lemmas: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    listed: dict[str, list[str]] = defaultdict(list)
    for i in screen.scored:
        article, tags, doc, arrays = screen.articles[i], taggings[i].tags, screen.docs[i], screen.arrays[i]
        _, everything = screen.kept_groups(i, taggings[i], None)
        grouped = [frozenset(range(group.cue.start, group.cue.end)) for group in everything]
        predicted_attributions = screen.predicted(i, taggings[i], filter_, as_dev=True)
        index = TokenIndex(article.text)
        gold_items = [index.item(a) for a in article.attributions]
        predicted_items = [index.item(a) for a in predicted_attributions]
        matched = maximum_matching(match_candidates(gold_items, predicted_items), len(predicted_items))
        gold = [_Roles.of(doc, a) for a in article.attributions]
        kept = [_Roles.of(doc, a).cue for a in predicted_attributions]
        first_paragraph = int(arrays.para[next((t.i for t in doc if not t.is_space), 0)])
        for gi, g in enumerate(gold_items):
            name = _cue_class(doc, arrays, gold[gi], first_paragraph)
            totals[name] += 1
            if gi in matched:
                continue
            if any(g.content and 2 * len(g.content & p.content) >= len(g.content) for p in predicted_items):
                continue  # held, with another source: ``groups`` counts these
            stage = _stage(tags, gold[gi], grouped, kept)
            by_class[name] += 1
            by_stage[(name, stage)] += 1
            content = gold[gi].content
            sentences = {doc[t].sent.start for t in content}
            shapes["content over several sentences" if len(sentences) > 1 else "content in one sentence"] += 1
            shapes["no source" if not gold[gi].source else "with a source"] += 1
            if any(gold[gi].cue & other.content for j, other in enumerate(gold) if j != gi):
                shapes["cue inside another gold content (nested)"] += 1
            attribution = article.attributions[gi]
            if attribution.content_text.lstrip().startswith(('"', "\u201c", "''")):
                shapes["direct quote"] += 1
            if gold[gi].cue:
                root = doc[cue_root(doc, RoleSpan("CUE", min(gold[gi].cue), max(gold[gi].cue) + 1))]
                lemmas[f"{root.lemma_.lower()} ({stage})"] += 1
            if len(listed[name]) < examples:
                listed[name].append(
                    f"      {article.name} [{stage}]: [{attribution.source_text or '—'}] [{attribution.cue_text}] "
                    f"[{attribution.content_text[:90]}]"
                )
    missed = sum(by_class.values())
    print(f"threshold {filter_.calibrator.threshold:.3f}; {missed} gold attributions no prediction holds")
    stages = ["cue untagged", "cue tagged, no group", "grouped, under the cut", "kept, content short"]
    print(f"{'cue class':<28}{'gold':>6}{'missed':>7} | " + " | ".join(f"{s:>22}" for s in stages))
    for name, count in by_class.most_common():
        cells = " | ".join(f"{by_stage[(name, s)]:>22}" for s in stages)
        print(f"{name:<28}{totals[name]:>6}{count:>7} | {cells}")
    print("shapes:", ", ".join(f"{k} {v}" for k, v in shapes.most_common()))
    print("lemmas lost most often:", ", ".join(f"{k} {v}" for k, v in lemmas.most_common(top)))
    for name, count in by_class.most_common():
        print(f"  {count:5d}  {name}")
        print("\n".join(listed[name]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache-dir", type=Path, default=None)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--without-ner", action="store_true", help="clear spaCy's entities first (what ner is worth)")
    commands = parser.add_subparsers(dest="command", required=True)
    bias = commands.add_parser("bias")
    bias.add_argument("--scopes", nargs="+", choices=sorted(SCOPES), default=list(SCOPES))
    bias.add_argument("--shares", nargs="+", type=float, default=[0.15, 0.3, 0.45])
    extents = commands.add_parser("extents")
    extents.add_argument("--roles", nargs="+", choices=["cue", "source", "content"], default=["cue", "source"])
    extents.add_argument("--top", type=int, default=8)
    groups = commands.add_parser("groups")
    groups.add_argument("--examples", type=int, default=3, help="examples listed per class")
    misses = commands.add_parser("misses")
    misses.add_argument("--examples", type=int, default=4, help="examples listed per class")
    misses.add_argument("--top", type=int, default=40, help="cue lemmas listed")
    args = parser.parse_args()
    screen = Screen(args.data, args.cache_dir, args.epochs, without_ner=args.without_ner)
    if args.command == "bias":
        run_bias(screen, args.scopes, args.shares)
    elif args.command == "extents":
        run_extents(screen, args.roles, args.top)
    elif args.command == "misses":
        run_misses(screen, args.examples, args.top)
    else:
        run_groups(screen, args.examples)


if __name__ == "__main__":
    main()
