"""The quick loop for screening tagger ideas on PolNeAR train, without dev and without a 35-minute training.

The first stage of the tagger is trained on fold 1 of `train` (odd articles, as in `accordingto train`'s 2-fold
cross-validation); the held-out articles of fold 0 are tagged. The confidence model and its threshold are fitted
on half of them (every 4th article from the 3rd) and everything is scored on the other half (every 4th article
from the 1st: the articles `accordingto train` chooses epochs on), so the figures are the filtered output a
user would get, on articles neither the tagger nor the filter saw.

    .venv/bin/python benchmarks/tagger_screen.py --cache-dir /tmp/polnear-cache bias
    .venv/bin/python benchmarks/tagger_screen.py --cache-dir /tmp/polnear-cache extents

`bias` lowers the score of O (the recall bias of `accordingto train --recall-bias`, as a share of the fold
model's emission scale) on the tokens of a scope only (everywhere, outside quotations, in sentences or
paragraphs without a quotation) and prints attribution P/R/F1, token F1 per role and the direct-quote subset.
`extents` splits the unfiltered output's token errors per role (cue, source): gold tokens of spans no
prediction touches, gold tokens a touching prediction leaves out, predicted tokens of spans touching no gold
span, and predicted tokens beyond a gold span they touch; then the largest extent errors by side and
dependency. About a minute per run once the parses are cached (`--cache-dir`, the layout `accordingto train`
uses: the first run parses train, a few minutes). `--without-ner` clears spaCy's entities before anything
is computed, as a pipeline without ner would hand them over. `Screen.refit` fits the fold model again with extra
feature columns beside the tagger's, for screens of new features kept outside the package (the encoder7 screen
of contextual-vector clusters, which needs onnxruntime and a MiniLM, did so).
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import spacy
from spacy.tokens import Doc

from accordingto.annotations import analysis_from_doc
from accordingto.evaluate import AnnotatedArticle, Scores, read_annotated, score
from accordingto.find.attributions import record_attributions
from accordingto.find.confidence import Calibrator, token_margins
from accordingto.find.features import DocArrays, doc_arrays, token_features
from accordingto.find.grouping import assemble
from accordingto.find.perceptron import TaggerModel, Tagging, viterbi
from accordingto.find.quotes import annotate_quotes
from accordingto.find.signals import group_features
from accordingto.model import Attribution
from accordingto.parse.pipeline import SPACY_MODEL
from accordingto.train.attribution import SCORE_EVERY, fit_calibrator, parse_articles
from accordingto.train.clusters import build_clusters
from accordingto.train.tagger import build_lexicon, emission_scale, fit, make_examples, paragraph_chunks

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

    def predicted(self, i: int, tagging: Tagging, calibrator: Calibrator | None = None) -> list[Attribution]:
        """The attributions grouped from a tagging, those under the calibrator's threshold left out."""
        annotated = annotate_quotes(self.docs[i].copy())
        groups = assemble(annotated, tagging.tags)
        if calibrator is not None and groups:
            confidence = calibrator.predict(group_features(annotated, groups, tagging, self.arrays[i]))
            groups = [group for group, value in zip(groups, confidence, strict=True) if value >= calibrator.threshold]
        record_attributions(annotated, groups, [0.0] * len(groups))
        return analysis_from_doc(annotated).attributions

    def score(self, taggings: dict[int, Tagging], calibrator: Calibrator | None) -> Scores:
        return score(
            (self.articles[i].text, self.articles[i].attributions, self.predicted(i, taggings[i], calibrator))
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
        calibrator, _ = fit_calibrator(
            screen.lexicon,
            [screen.docs[i] for i in screen.fitted],
            [screen.articles[i] for i in screen.fitted],
            [taggings[i] for i in screen.fitted],
        )
        scores = screen.score(taggings, calibrator)
        all_, direct = scores.all, scores.direct
        print(
            f"{scope:<22}{share:>6.2f}{calibrator.threshold:>7.3f} | "
            + "".join(f"{100 * x:>6.1f}" for x in (all_.attribution.precision, all_.attribution.recall))
            + f"{100 * all_.attribution.f1:>6.1f} | "
            + f"{100 * all_.token['source'].f1:>6.1f}{100 * all_.token['cue'].f1:>6.1f}"
            + f"{100 * all_.token['content'].f1:>8.1f} | "
            + f"{100 * direct.attribution.precision:>8.1f}{100 * direct.attribution.recall:>6.1f}"
            + f"{100 * direct.attribution.f1:>6.1f}"
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
    args = parser.parse_args()
    screen = Screen(args.data, args.cache_dir, args.epochs, without_ner=args.without_ner)
    if args.command == "bias":
        run_bias(screen, args.scopes, args.shares)
    else:
        run_extents(screen, args.roles, args.top)


if __name__ == "__main__":
    main()
