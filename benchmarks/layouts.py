"""How many attributions of each colon, dash and transcript layout PolNeAR train has, and how many we get, on
articles the tagger did not see (never dev).

PolNeAR makes a colon or dash a cue when it introduces speech or signs it: "Name: “...”" (a transcript's speaker
label, a vox pop, a headline "John McCain: ..."), "He said: “...”", "“...” — Name". This script reads the held-out
taggings `accordingto train --cache-dir DIR` kept (the 2-fold cross-validation the confidence model is fitted on),
groups them with the current rules (`find.grouping.assemble`), cross-validates the confidence model by article
as `benchmarks/confidence_cv.py` does, and prints, per layout of the gold attributions, how many there are, how
many the filtered output matches (and the unfiltered grouping), and why the others are lost (the categories of
`evaluate.errors`); then the predictions whose cue is a colon or dash, by layout, and how many are right.

    .venv/bin/python benchmarks/layouts.py --cache-dir /tmp/polnear-cache --epochs 8 [--examples 3]

A layout is read off the gold spans and the text only: the cue is one colon or one dash; the source stands before
or after it; the source opens its paragraph (a speaker label) or not; the paragraph is the headline (the first).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import spacy

from accordingto.annotations import analysis_from_doc
from accordingto.evaluate import AnnotatedArticle, read_annotated, score
from accordingto.evaluate.errors import MISSED, OTHER_GOLD, SHORT_CONTENT, WRONG_SOURCE
from accordingto.evaluate.metrics import TokenIndex, attributions_match, match_candidates, maximum_matching
from accordingto.find.attributions import reading_position, record_attributions
from accordingto.find.confidence import Calibrator, best_threshold
from accordingto.find.features import doc_arrays
from accordingto.find.grouping import assemble
from accordingto.find.quotes import annotate_quotes
from accordingto.find.signals import group_features
from accordingto.model import Attribution, Ranges
from accordingto.parse.pipeline import SPACY_MODEL
from accordingto.train.attribution import parse_articles, training_key
from accordingto.train.tagger import load_training

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "polnear"
MARK = re.compile(r"\s*(:|-{1,2}|[–—―])\s*")
SHORT_NAMES = {MISSED: "missed", WRONG_SOURCE: "wrong source", SHORT_CONTENT: "content", OTHER_GOLD: "taken"}


def layout(text: str, source: Ranges, cue: Ranges) -> str | None:
    """The layout of an attribution whose cue is one colon or dash, else None."""
    cue_text = "".join(text[start:end] for start, end in cue)
    match = MARK.fullmatch(cue_text)
    if not cue or match is None:
        return None
    mark = "colon" if match.group(1) == ":" else "dash"
    at = cue[0][0]
    if text[:at].strip().count("\n") == 0:
        return f"{mark}, headline"
    if not source:
        return f"{mark}, no source"
    first = min(start for start, _ in source)
    if first > at:
        return f"{mark}, source after (signature)"
    paragraph_start = text.rfind("\n", 0, first) + 1
    opens = text[paragraph_start:first].strip() == ""
    # The source runs up to the mark: a label ("WALLACE:", "Julie Martinez, 52:"); else a clause before it.
    label = opens and text[max(end for _, end in source) : at].strip() in ("", ",")
    if label:
        return f"{mark}, speaker label"
    return f"{mark}, after a clause"


class Rows:
    """Held-out predictions of every train article, with their confidence model features and outcomes."""

    def __init__(self, data: Path, cache_dir: Path, epochs: int) -> None:
        self.articles: list[AnnotatedArticle] = list(read_annotated(data / "train"))
        docs = parse_articles(spacy.load(SPACY_MODEL), self.articles, cache_dir / "train.spacy")
        key = training_key(self.articles, epochs=epochs, bits=20, seed=0, stack=True, clusters=True, recall_bias=False)
        training = load_training(cache_dir / f"tagger-{key}.npz")
        if training is None:
            raise SystemExit(f"no kept training in {cache_dir} for --epochs {epochs}: run accordingto train first")
        self.predicted: list[list[Attribution]] = []
        features: list[np.ndarray] = []
        right: list[bool] = []
        article: list[int] = []
        for n, (doc, annotated_article, tagging) in enumerate(
            zip(docs, self.articles, training.held_out[0.0], strict=True)
        ):
            annotated = annotate_quotes(doc.copy())
            groups = sorted(assemble(annotated, tagging.tags), key=reading_position)
            features.append(group_features(annotated, groups, tagging, doc_arrays(annotated, training.model.lexicon)))
            record_attributions(annotated, groups, [0.0] * len(groups))
            predicted = analysis_from_doc(annotated).attributions
            self.predicted.append(predicted)
            right.extend(matched(annotated_article.text, annotated_article.attributions, predicted))
            article.extend([n] * len(predicted))
        self.features = np.vstack(features)
        self.right = np.array(right, dtype=bool)
        self.article = np.array(article)
        self.gold = np.array([len(a.attributions) for a in self.articles])

    def kept(self, folds: int) -> np.ndarray:
        """Per prediction: above the threshold of a confidence model fitted on the other folds of articles."""
        kept = np.zeros(len(self.right), dtype=bool)
        for fold in range(folds):
            test = self.article % folds == fold
            fit_gold = int(self.gold[np.arange(len(self.gold)) % folds != fold].sum())
            calibrator = Calibrator.fit(self.features[~test], self.right[~test])
            threshold = best_threshold(calibrator.predict(self.features[~test]), self.right[~test], fit_gold)
            kept[test] = calibrator.predict(self.features[test]) >= threshold
        return kept

    def split(self, flags: np.ndarray) -> list[list[Attribution]]:
        """The predictions of each article whose flag is set."""
        out: list[list[Attribution]] = [[] for _ in self.articles]
        row = 0
        for n, predicted in enumerate(self.predicted):
            out[n] = [p for p, flag in zip(predicted, flags[row : row + len(predicted)], strict=True) if flag]
            row += len(predicted)
        return out


def matched(text: str, gold: Sequence[Attribution], predicted: Sequence[Attribution]) -> list[bool]:
    tokens = TokenIndex(text)
    gold_items = [tokens.item(a) for a in gold]
    predicted_items = [tokens.item(a) for a in predicted]
    pairs = maximum_matching(match_candidates(gold_items, predicted_items), len(predicted_items))
    return [index in set(pairs.values()) for index in range(len(predicted))]


def gold_outcomes(text: str, gold: Sequence[Attribution], predicted: Sequence[Attribution]) -> list[str]:
    """Per gold attribution: "matched", or the error category (``evaluate.errors``) it falls in."""
    tokens = TokenIndex(text)
    gold_items = [tokens.item(a) for a in gold]
    predicted_items = [tokens.item(a) for a in predicted]
    pairs = maximum_matching(match_candidates(gold_items, predicted_items), len(predicted_items))
    out = []
    for gi, g in enumerate(gold_items):
        touching = [p for p in predicted_items if (p.content | p.cue) & (g.content | g.cue)]
        if gi in pairs:
            out.append("matched")
        elif not touching:
            out.append(SHORT_NAMES[MISSED])
        elif any(attributions_match(g, p) for p in touching):
            out.append(SHORT_NAMES[OTHER_GOLD])
        elif any(2 * len(g.content & p.content) >= len(g.content) for p in touching):
            out.append(SHORT_NAMES[WRONG_SOURCE])
        else:
            out.append(SHORT_NAMES[SHORT_CONTENT])
    return out


def show(text: str, attribution: Attribution) -> str:
    def words(ranges: Ranges) -> str:
        return " / ".join(text[start:end] for start, end in ranges)[:80].replace("\n", " ")

    return f"[{words(attribution.source)}] [{words(attribution.cue)}] [{words(attribution.content)}]"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache-dir", type=Path, required=True)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--examples", type=int, default=0, help="print this many lost gold attributions per layout")
    args = parser.parse_args(argv)
    rows = Rows(args.data, args.cache_dir, args.epochs)
    kept = rows.split(rows.kept(args.folds))
    everything = rows.split(np.ones(len(rows.right), dtype=bool))
    scores = score((a.text, a.attributions, p) for a, p in zip(rows.articles, kept, strict=True))
    every, direct = scores.all.attribution, scores.direct.attribution
    print(
        f"{len(rows.articles)} train articles, held out; {int(rows.gold.sum())} gold, {len(rows.right)} grouped, "
        f"{sum(map(len, kept))} kept ({args.folds}-fold confidence CV by article)"
    )
    print(
        f"attribution F1 {100 * every.f1:.2f} (P {100 * every.precision:.1f} / R {100 * every.recall:.1f}); "
        f"direct quotes F1 {100 * direct.f1:.2f} (P {100 * direct.precision:.1f} / R {100 * direct.recall:.1f}); "
        f"token source {100 * scores.all.token['source'].f1:.2f}, cue {100 * scores.all.token['cue'].f1:.2f}, "
        f"content {100 * scores.all.token['content'].f1:.2f}"
    )
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    lost: dict[str, list[str]] = defaultdict(list)
    for article, predicted, grouped in zip(rows.articles, kept, everything, strict=True):
        outcomes = gold_outcomes(article.text, article.attributions, predicted)
        unfiltered = gold_outcomes(article.text, article.attributions, grouped)
        for gold, outcome, before in zip(article.attributions, outcomes, unfiltered, strict=True):
            name = layout(article.text, gold.source, gold.cue)
            if name is None:
                continue
            tally[name][outcome] += 1
            tally[name]["grouped"] += before == "matched"
            if outcome != "matched":
                lost[name].append(f"{article.name} {outcome}: {show(article.text, gold)}")
    categories = ("matched", "grouped", *SHORT_NAMES.values())
    print(f"\n{'gold layout':<34}{'gold':>6}" + "".join(f"{c:>14}" for c in categories))
    for name in sorted(tally):
        counts = tally[name]
        total = sum(counts[c] for c in ("matched", *SHORT_NAMES.values()))
        print(f"{name:<34}{total:>6}" + "".join(f"{counts[c]:>14}" for c in categories))
        for line in lost[name][: args.examples]:
            print(f"    {line}")
    predictions: dict[str, Counter[bool]] = defaultdict(Counter)
    for article, predicted in zip(rows.articles, kept, strict=True):
        for prediction, right in zip(predicted, matched(article.text, article.attributions, predicted), strict=True):
            name = layout(article.text, prediction.source, prediction.cue)
            if name is not None:
                predictions[name][right] += 1
    print(f"\n{'predicted layout (kept)':<34}{'kept':>6}{'right':>7}")
    for name in sorted(predictions):
        print(f"{name:<34}{sum(predictions[name].values()):>6}{predictions[name][True]:>7}")


if __name__ == "__main__":
    main()
