"""spaCy's contextual tensor as evidence for the confidence filter, by cross-validation on PolNeAR train (cue25).

The same word (vote, plan, back, warn, ...) is a cue in one clause and not in the next, and the filter's signals
(a lexical and one-parse description of the cue, ``find.signals``, ``find.confidence.CueClassifier``) cannot tell
which (filter16: the signals, not the model, are the limit). One contextual representation costs nothing at run
time: ``doc.tensor``, the 96 floats per token that en_core_web_sm's tok2vec computes for its tagger and parser
anyway. This script asks whether it separates right attributions from wrong ones where the filter decides.

It reads the held-out taggings kept by ``accordingto train --cache-dir DIR`` (as ``benchmarks/confidence_cv.py``
does; dev is never read) and computes the train articles' tensors once (spaCy's tok2vec alone: it reads only the
tokens, so the rows are those of the full model's parse), kept beside the parse cache as ``train-tensor.npz``.
Each held-out attribution gets dense blocks of 96 floats, each a stated idea:

- ``cue``: the tensor at the cue's syntactic head (the word whose sense decides: "called the police" / "called
  the plan a disaster");
- ``span``: the mean over the cue's tokens (a multi-word cue: "according to", "took issue with");
- ``governor``: the tensor at the cue head's own head in the parse (what the cue hangs from: a reporting verb
  under another verb, a noun cue's verb);
- ``content``: the mean over the first three tokens of the first content (a that-clause, a quotation or a noun
  phrase: the content's shape says whether something is reported);
- ``source``: the tensor at the head of the first source (zeros and a flag column when there is none: who acts).

The rows are kept in the cache directory too (``tensor-screen-KEY.pkl``, KEY the kept training's), so that a
second run starts at the cross-validation.

Two ways in, cross-validated by article (K folds of ``article % K``; every fit sees only the fitting folds):
``calibrator`` appends the blocks as dense columns to the confidence model's signals (one logistic regression,
L2 on the standardized inputs); ``stacked`` fits a logistic regression of the blocks alone (outcome "the cue
overlaps a gold cue", as the cue classifier's, or ``:right`` "the attribution is right") and gives its logit to
the confidence model as one more signal, stacked within each fold as ``accordingto train`` stacks the cue
classifier's. Printed per variant: log-loss, Brier, ECE, AUC of the held-out confidences, attribution F1 after
each fold's threshold pooled and on each half of the articles (even / odd index), the direct-quote subset's F1
(the scorer on the kept attributions), and per fold F1 minus the baseline's:

    .venv/bin/python benchmarks/tensor_screen.py --cache-dir /tmp/polnear-cache base stacked:cue stacked:cue,span
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np
import spacy
from spacy.tokens import Doc

from accordingto.evaluate import AnnotatedArticle, read_annotated, score
from accordingto.find.confidence import FEATURES, Calibrator, best_threshold
from accordingto.find.cues import cue_root
from accordingto.find.groups import Group
from accordingto.model import Attribution
from accordingto.parse.pipeline import SPACY_MODEL
from accordingto.train.attribution import training_key

sys.path.insert(0, str(Path(__file__).resolve().parent))
from confidence_cv import area_under_roc, calibration_error, fold_cue_logits, held_out_taggings  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "polnear"
BLOCKS = ("cue", "span", "governor", "content", "source")
CUE = FEATURES.index("cue classifier")
WIDTH = 96


def train_tensors(texts: Sequence[str], docs: Sequence[Doc], path: Path) -> list[np.ndarray]:
    """Each article's ``doc.tensor`` (tokens x 96), computed by spaCy's tok2vec alone and kept in ``path``."""
    lengths = np.array([len(doc) for doc in docs])
    if path.exists():
        kept = np.load(path)
        if np.array_equal(kept["lengths"], lengths):
            return np.split(kept["rows"].astype(np.float32), np.cumsum(lengths)[:-1])
    nlp = spacy.load(SPACY_MODEL)
    with nlp.select_pipes(enable=["tok2vec"]):
        tensors = [doc.tensor for doc in nlp.pipe(texts, batch_size=16)]
    if [len(t) for t in tensors] != lengths.tolist():
        raise SystemExit("the tok2vec run tokenized differently from the parse cache")
    np.savez(path, rows=np.vstack(tensors).astype(np.float16), lengths=lengths)
    return [t.astype(np.float32) for t in tensors]


def dense_blocks(doc: Doc, tensor: np.ndarray, group: Group) -> np.ndarray:
    """The five blocks of ``BLOCKS`` and a flag for "no source", one row."""
    root = cue_root(doc, group.cue)
    contents = sorted(group.contents, key=lambda span: span.start)
    content = tensor[contents[0].start : min(contents[0].start + 3, contents[0].end)].mean(axis=0) if contents else None
    source = tensor[cue_root(doc, group.sources[0])] if group.sources else None
    zeros = np.zeros(WIDTH, dtype=np.float32)
    return np.concatenate(
        [
            tensor[root],
            tensor[group.cue.start : group.cue.end].mean(axis=0),
            tensor[doc[root].head.i],
            content if content is not None else zeros,
            source if source is not None else zeros,
            [float(source is None)],
        ]
    )


class Rows(NamedTuple):
    features: np.ndarray
    right: np.ndarray
    article: np.ndarray
    contexts: np.ndarray
    cue_right: np.ndarray
    dense: np.ndarray
    predicted: list[list[Attribution]]  # per article, in row order


def held_out_rows(data: Path, cache_dir: Path, epochs: int) -> tuple[Rows, list[AnnotatedArticle], str]:
    """The held-out rows, the train articles and the kept training's key."""
    articles = list(read_annotated(data / "train"))
    key = training_key(articles, epochs=epochs, bits=20, seed=0, stack=True, clusters=True, recall_bias=False)
    kept_rows = cache_dir / f"tensor-screen-{key}.pkl"
    if kept_rows.exists():
        with kept_rows.open("rb") as stream:
            return pickle.load(stream), articles, key
    articles, docs, held = held_out_taggings(data, cache_dir, epochs)
    tensors = train_tensors([a.text for a in articles], docs, cache_dir / "train-tensor.npz")
    features, right, article, contexts, cue_right, dense, predicted = [], [], [], [], [], [], []
    for n, (doc, rows_of, tensor) in enumerate(zip(docs, held, tensors, strict=True)):
        features.append(rows_of.features)
        right.extend(rows_of.right)
        article.extend([n] * len(rows_of.right))
        contexts.append(rows_of.cue_contexts)
        cue_right.extend(rows_of.cue_right)
        dense.extend(dense_blocks(doc, tensor, group) for group in rows_of.groups)
        predicted.append(rows_of.predicted)
    rows = Rows(
        np.vstack(features),
        np.array(right, dtype=bool),
        np.array(article),
        np.vstack(contexts),
        np.array(cue_right, dtype=bool),
        np.vstack(dense),
        predicted,
    )
    with kept_rows.open("wb") as stream:
        pickle.dump(rows, stream)
    return rows, articles, key


def columns_of(blocks: Sequence[str]) -> np.ndarray:
    """The dense columns of the named blocks (the source block brings its "no source" flag)."""
    picked = [np.arange(BLOCKS.index(b) * WIDTH, (BLOCKS.index(b) + 1) * WIDTH) for b in blocks]
    if "source" in blocks:
        picked.append(np.array([len(BLOCKS) * WIDTH]))
    return np.concatenate(picked)


def dense_logits(x: np.ndarray, y: np.ndarray, test: np.ndarray, l2: float) -> np.ndarray:
    model = Calibrator.fit(x, y, l2=l2)
    return ((test - model.mean) / model.scale) @ model.coef + model.bias


def stacked_dense(x: np.ndarray, y: np.ndarray, article: np.ndarray, l2: float, folds: int = 5) -> np.ndarray:
    """Each row's dense logit from a regression that did not see its article (as ``stacked_cue_logits``)."""
    out = np.zeros(len(x))
    for fold in range(folds):
        held = article % folds == fold
        out[held] = dense_logits(x[~held], y[~held], x[held], l2)
    return out


def cue_columns(rows: Rows, folds: int) -> list[np.ndarray]:
    """Per fold, the cue classifier's signal of every row: stacked on the fitting rows (inner folds by
    ``article // folds``), from a classifier fitted on all of them on the held-out rows; the same for every
    variant, so computed once."""
    return [fold_cue_logits(rows.contexts, rows.cue_right, rows.article, folds, fold) for fold in range(folds)]


def cross_validate(
    rows: Rows, gold: np.ndarray, cue_logits: Sequence[np.ndarray], variant: str, folds: int, l2: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Held-out confidences, whether each row is kept by its fold's threshold, and the held-out logit of the
    stacked regression on the tensor (zeros for the other variants)."""
    kind, _, spec = variant.partition(":")
    spec, _, target = spec.partition(":")
    blocks = [b for b in spec.split(",") if b]
    dense = rows.dense[:, columns_of(blocks)] if blocks else None
    outcome = rows.right if target == "right" else rows.cue_right
    confidence = np.zeros(len(rows.right))
    kept = np.zeros(len(rows.right), dtype=bool)
    dense_logit = np.zeros(len(rows.right))
    for fold in range(folds):
        test = rows.article % folds == fold
        inner = rows.article[~test] // folds
        features = rows.features.copy()
        features[:, CUE] = cue_logits[fold]
        if kind == "calibrator" and dense is not None:
            features = np.hstack([features, dense])
        elif kind == "stacked" and dense is not None:
            extra = np.zeros(len(features))
            extra[~test] = stacked_dense(dense[~test], outcome[~test], inner, l2)
            extra[test] = dense_logits(dense[~test], outcome[~test], dense[test], l2)
            dense_logit[test] = extra[test]
            features = np.hstack([features, extra[:, None]])
        calibrator = Calibrator.fit(features[~test], rows.right[~test], l2=l2 if kind == "calibrator" else 1.0)
        fit_gold = int(gold[np.arange(len(gold)) % folds != fold].sum())
        threshold = best_threshold(calibrator.predict(features[~test]), rows.right[~test], fit_gold)
        confidence[test] = calibrator.predict(features[test])
        kept[test] = confidence[test] >= threshold
    return confidence, kept, dense_logit


def filtered_scores(
    rows: Rows, articles: Sequence[AnnotatedArticle], kept: np.ndarray, part: np.ndarray
) -> tuple[float, float]:
    """Attribution F1 and direct-quote F1 of the kept attributions of the articles where ``part`` holds."""
    triples = []
    for n, annotated in enumerate(articles):
        if not part[n]:
            continue
        mask = kept[rows.article == n]
        triples.append(
            (annotated.text, annotated.attributions, [a for a, k in zip(rows.predicted[n], mask, strict=True) if k])
        )
    scores = score(triples)
    return 100 * scores.all.attribution.f1, 100 * scores.direct.attribution.f1


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("variants", nargs="+", help="base, calibrator:BLOCKS, stacked:BLOCKS[:right]")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache-dir", type=Path, required=True)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, nargs="+", default=[10.0])
    args = parser.parse_args(argv)
    rows, articles, key = held_out_rows(args.data, args.cache_dir, args.epochs)
    gold = np.array([len(a.attributions) for a in articles])
    kept_columns = args.cache_dir / f"tensor-screen-{key}-cue{args.folds}.npy"
    if kept_columns.exists():
        cue_logits = list(np.load(kept_columns))
    else:
        cue_logits = cue_columns(rows, args.folds)
        np.save(kept_columns, np.array(cue_logits))
    held_cue = np.zeros(len(rows.right))
    for fold in range(args.folds):
        held_cue[rows.article % args.folds == fold] = cue_logits[fold][rows.article % args.folds == fold]
    print(
        f"the cue classifier's held-out logit against its outcome (the cue overlaps a gold cue): AUC "
        f"{area_under_roc(held_cue, rows.cue_right):.3f}"
    )
    print(f"{len(rows.right)} held-out attributions ({100 * rows.right.mean():.1f}% right) in {len(articles)} articles")
    index = np.arange(len(articles))
    halves = [index % 2 == 0, index % 2 == 1]
    print(
        f"{'variant':<36}{'L2':>6} {'log-loss':>9}{'Brier':>8}{'ECE':>7}{'AUC':>7}{'F1':>7}{'even':>7}{'odd':>7}"
        f"{'direct':>8}{'d.even':>8}{'d.odd':>8}"
    )
    reference: np.ndarray | None = None
    for variant in args.variants:
        for l2 in args.l2 if variant != "base" else [1.0]:
            confidence, kept, dense_logit = cross_validate(rows, gold, cue_logits, variant, args.folds, l2)
            p = np.clip(confidence, 1e-9, 1 - 1e-9)
            loss = float(-np.where(rows.right, np.log(p), np.log(1 - p)).mean())
            brier = float(np.mean((confidence - rows.right) ** 2))
            f1, direct = filtered_scores(rows, articles, kept, np.ones(len(articles), dtype=bool))
            (even, d_even), (odd, d_odd) = (filtered_scores(rows, articles, kept, h) for h in halves)
            per_fold = np.array(
                [filtered_scores(rows, articles, kept, index % args.folds == f)[0] for f in range(args.folds)]
            )
            if reference is None:
                reference = per_fold
            print(
                f"{variant:<36}{l2:>6g} {loss:>9.4f}{brier:>8.4f}{calibration_error(confidence, rows.right):>7.3f}"
                f"{area_under_roc(confidence, rows.right):>7.3f}{f1:>7.2f}{even:>7.2f}{odd:>7.2f}"
                f"{direct:>8.2f}{d_even:>8.2f}{d_odd:>8.2f}"
            )
            print("  per fold F1 minus the first:", " ".join(f"{d:+.2f}" for d in per_fold - reference), flush=True)
            if dense_logit.any():
                print(
                    f"  the tensor's own held-out logit: AUC {area_under_roc(dense_logit, rows.cue_right):.3f} for a "
                    f"gold cue, {area_under_roc(dense_logit, rows.right):.3f} for a right attribution"
                )


if __name__ == "__main__":
    main()
