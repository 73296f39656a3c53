"""Train the mention-ranking resolver (``resolve/ranker.py``) on GUM's gold coreference.

GUM's texts go through our own pipeline up to the attribution extractor (trained on PolNeAR, so its output on
GUM is fair to use), so that the resolver learns from what it will see at run time: our markables on spaCy's
parse, and our attributions, not gold mentions. Every markable the resolver may be asked about — a personal
pronoun, a description, a name — is a training example: its candidates, and which of them are mentions of its
gold entity (none: "no antecedent" is right). An averaged perceptron ranks the best-scoring true option above
the others, with a larger margin for costlier mistakes. Documents are shuffled with a seed, so the same data
gives the same weights.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy import about as spacy_about
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from ..evaluate.gum import GumDocument, read_gum
from ..evaluate.resolution import Alignment, Answer, Tally, Target, align, score_documents
from ..parse.pipeline import COMPONENTS
from ..progress import Progress, counted
from ..resolve.markables import RESOLVED_PRONOUNS, Markables, find_markables, pronoun_base
from ..resolve.ranker import (
    DEFAULT_BITS,
    DEFAULT_TEMPERATURE,
    DEFAULT_TOP,
    NAME,
    PRONOUN,
    DocumentResolver,
    MentionRanker,
    feature_rows,
)
from ..resolve.speakers import rules_links
from .defaults import RESOLVER_EPOCHS, RESOLVER_FOLDS, RESOLVER_RUNS

logger = logging.getLogger(__name__)

FOLDS = RESOLVER_FOLDS
# The stages after the extractor add nothing the resolver reads.
ATTRIBUTION_STAGES = ("accordingto_quotes", "accordingto_attributions", "accordingto_nested")


@dataclass(frozen=True)
class Costs:
    """Margins the perceptron asks for against each kind of mistake: a link where there is none ("false
    anaphoric"), none where there is one ("false new"), a link to the wrong participant."""

    false_anaphoric: float = 0.5
    false_new: float = 1.0
    wrong_link: float = 1.0


@dataclass
class Example:
    """One mention to resolve: weight rows of its options (candidates, then "no antecedent") and which are right."""

    rows: np.ndarray  # (options, templates) int32
    gold: np.ndarray  # (options,) bool


def parse_gum(
    nlp: Language,
    documents: Sequence[GumDocument],
    cache: Path | None = None,
    progress: Progress | None = None,
    step: str = "parsing",
) -> list[Doc]:
    """Our pipeline's parse and attributions for each document, read from / written to a ``DocBin`` cache
    (``progress`` hears of each document parsed)."""
    texts = [document.text for document in documents]
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [doc.text for doc in docs] == texts:
            return docs
        logger.info("parse cache %s is stale, parsing again", cache)
    # Everything up to the attribution extractor, the components inside spaCy's model included (a line break
    # starts a sentence, the bound on sentence length, misread verbs repaired): the parse the analysis reads.
    later = {factory for factory, _ in COMPONENTS} - set(ATTRIBUTION_STAGES)
    with nlp.select_pipes(disable=[name for name in nlp.pipe_names if name in later]):
        docs = list(counted(nlp.pipe(texts, batch_size=8), step, len(texts), progress))
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(store_user_data=True)
        for doc in docs:
            bin_.add(doc)
        bin_.to_disk(cache)
    return docs


# The packages whose code and data make our parse of a text and its attributions (with the package's own modules).
PARSE_PACKAGES = ("parse", "find", "lexicon")


def parse_digest(nlp: Language) -> str:
    """What a kept parse of GUM is named by: spaCy, its model, and our code and weights up to the attribution
    extractor. A parse made by other code is never reused: kept parses named by a version bumped by hand were
    reused after the extractor changed, and the weights trained on them then depended on when they were made."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(f"{spacy_about.__version__} {nlp.meta['name']} {nlp.meta['version']}".encode())
    files = [*package.glob("*.py")]
    for name in PARSE_PACKAGES:
        files += [path for path in (package / name).rglob("*") if path.is_file() and path.suffix != ".pyc"]
    for path in sorted(files):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def load_split(
    nlp: Language,
    data_dir: str | Path,
    split: str,
    cache_dir: Path | None = None,
    limit: int | None = None,
    progress: Progress | None = None,
) -> list[Alignment]:
    """A GUM split, parsed by our pipeline, with markables found and gold mentions aligned."""
    documents = list(read_gum(data_dir, split, limit=limit))
    cache = cache_dir / f"gum-{split}-{limit or 'all'}-{parse_digest(nlp)}.spacy" if cache_dir is not None else None
    docs = parse_gum(nlp, documents, cache, progress, f"parsing {split}")
    alignments = []
    for document, doc in zip(documents, docs, strict=True):
        markables = find_markables(doc)
        markables.rules_links.update(rules_links(markables))  # the rules' choices, features of source pronouns
        alignments.append(align(document, markables))
    return alignments


def resolved_markables(alignment: Alignment) -> list[int]:
    """The markables the resolver is trained to resolve: third-person pronouns and "we", names, descriptions."""
    arrays = alignment.markables.arrays
    doc = alignment.markables.doc
    chosen = []
    for k, mention in enumerate(alignment.markables.mentions):
        if int(arrays["form"][k]) == PRONOUN and pronoun_base(doc[mention.head].lower_) not in RESOLVED_PRONOUNS:
            continue
        chosen.append(k)
    return chosen


def make_examples(alignments: Sequence[Alignment], bits: int = DEFAULT_BITS) -> list[Example]:
    examples = []
    for alignment in alignments:
        chosen = resolved_markables(alignment)
        for k, (cands, rows) in zip(chosen, feature_rows(alignment.markables, chosen, bits), strict=True):
            entity = alignment.entity(k)
            gold = np.zeros(len(cands) + 1, dtype=bool)
            if entity is not None:
                gold[:-1] = [alignment.entity(int(j)) == entity for j in cands]
            if not gold.any():
                gold[-1] = True
            examples.append(Example(rows.astype(np.int32), gold))
    return examples


def train_ranker(
    examples: Sequence[Example],
    *,
    epochs: int = RESOLVER_EPOCHS,
    bits: int = DEFAULT_BITS,
    seed: int = 0,
    runs: int = RESOLVER_RUNS,
    costs: Costs | None = None,
    temperature: float = DEFAULT_TEMPERATURE,
    top: int = DEFAULT_TOP,
    progress: Progress | None = None,
) -> MentionRanker:
    """The mean of ``runs`` averaged perceptrons, each trained with its own shuffling (seeds ``seed``,
    ``seed + 1``...). One perceptron's accuracy on held-out documents swung by ten points and more with the
    order of the examples; the mean of several is steadier.

    Any mention of the gold entity is a right antecedent, pronouns included: the best-scoring one is the one
    taught (latent): the chain of "he"s back to the name is what the vote at run time uses (teaching pronouns
    to reach for a name instead did worse on GUM dev in an early version). ``progress`` hears of each epoch of
    each run."""

    def epoch_done(run: int, epoch: int) -> None:
        if progress is not None:
            progress("training", run * epochs + epoch, runs * epochs)

    weights = np.mean(
        [_perceptron(examples, epochs, bits, seed + run, costs or Costs(), epoch_done, run) for run in range(runs)],
        axis=0,
    )
    return MentionRanker(weights.astype(np.float32), temperature, top)


def _perceptron(
    examples: Sequence[Example],
    epochs: int,
    bits: int,
    seed: int,
    costs: Costs,
    epoch_done: Callable[[int, int], None],
    run: int,
) -> np.ndarray:
    """An averaged, cost-augmented latent perceptron over the examples (shuffled with ``seed`` each epoch)."""
    weights = np.zeros(1 << bits, dtype=np.float64)
    sums = np.zeros_like(weights)
    step = 1
    rng = np.random.default_rng(seed)
    for epoch in range(epochs):
        mistakes = 0
        for index in rng.permutation(len(examples)):
            example = examples[index]
            scores = weights[example.rows].sum(axis=1)
            augmented = scores + _cost(example.gold, costs)
            predicted = int(augmented.argmax())
            if not example.gold[predicted]:
                mistakes += 1
                best_gold = int(np.where(example.gold, scores, -np.inf).argmax())
                for rows, sign in ((example.rows[best_gold], 1.0), (example.rows[predicted], -1.0)):
                    np.add.at(weights, rows, sign)
                    np.add.at(sums, rows, sign * step)
                weights[0] = sums[0] = 0.0  # the padding row of "no antecedent" never counts
            step += 1
        logger.info("seed %d, epoch %d: %d mistakes in %d mentions", seed, epoch + 1, mistakes, len(examples))
        epoch_done(run, epoch + 1)
    averaged: np.ndarray = weights - sums / step
    return averaged


def _cost(gold: np.ndarray, costs: Costs) -> np.ndarray:
    cost = np.zeros(len(gold))
    if gold[-1]:
        cost[:-1] = costs.false_anaphoric
    else:
        cost[:-1] = np.where(gold[:-1], 0.0, costs.wrong_link)
        cost[-1] = costs.false_new
    return cost


System = Callable[[Alignment, Sequence[Target]], list[Answer | None]]


def _model_alone(model: MentionRanker) -> dict[str, System]:
    return {"model": ranker_answers(model)}


def ranker_answers(model: MentionRanker) -> System:
    """The model as a system for ``evaluate.resolution.score_documents``."""

    def answer(alignment: Alignment, found: Sequence[Target]) -> list[Answer | None]:
        resolver = DocumentResolver(alignment.markables, model)
        answers: list[Answer | None] = []
        for target in found:
            if target.markable is None:
                answers.append(None)
                continue
            resolution = resolver.resolve(target.markable)
            name = name_characters(alignment.markables, resolution.name)
            answers.append(Answer(resolution.antecedent is not None, name))
        return answers

    return answer


def name_characters(markables: Markables, k: int | None) -> tuple[int, int, int] | None:
    """Where markable ``k``'s proper name is written: ``(start, end, head)`` characters."""
    if k is None:
        return None
    mention = markables.mentions[k]
    doc = markables.doc
    if mention.name_start is None or mention.name_end is None:
        return None
    name = doc[mention.name_start : mention.name_end]
    return name.start_char, name.end_char, doc[mention.head].idx


def fold_models(
    alignments: Sequence[Alignment],
    *,
    folds: int = FOLDS,
    epochs: int = RESOLVER_EPOCHS,
    bits: int = DEFAULT_BITS,
    seed: int = 0,
    costs: Costs | None = None,
    temperature: float = DEFAULT_TEMPERATURE,
    top: int = DEFAULT_TOP,
) -> Iterator[tuple[list[Alignment], MentionRanker]]:
    """For each fold (documents dealt out with ``seed``): its documents, and the model trained on all the others.
    Each fold's model is trained as the shipped weights are (``train_ranker``, the same runs averaged) and
    rounded to float16 as they are saved, so that what is measured with it is what ships."""
    order = np.random.default_rng(seed).permutation(len(alignments))
    by_document = [make_examples([alignment], bits) for alignment in alignments]  # built once, used by 4 folds
    for fold in range(folds):
        held_out = [alignments[i] for i in order[fold::folds]]
        examples = [example for n, i in enumerate(order) if n % folds != fold for example in by_document[i]]
        model = train_ranker(
            examples, epochs=epochs, bits=bits, seed=seed, costs=costs, temperature=temperature, top=top
        )
        model.weights = model.weights.astype(np.float16).astype(np.float32)
        yield held_out, model


def cross_validate(
    alignments: Sequence[Alignment],
    *,
    folds: int = FOLDS,
    epochs: int = RESOLVER_EPOCHS,
    bits: int = DEFAULT_BITS,
    seed: int = 0,
    costs: Costs | None = None,
    temperature: float = DEFAULT_TEMPERATURE,
    top: int = DEFAULT_TOP,
    systems: Callable[[MentionRanker], dict[str, System]] | None = None,
    tally: Tally | None = None,
    fold_tallies: list[Tally] | None = None,
) -> Tally:
    """Train on all folds but one and measure on that one, for each fold (documents dealt out with ``seed``).
    ``systems`` makes the systems measured from each fold's model (default: the model alone, as "model"), each
    fold's model as ``fold_models`` trains it. ``fold_tallies``, if
    given, receives each fold's own counts: the spread between folds says which differences are noise."""
    tally = tally or Tally()
    for held_out, model in fold_models(
        alignments, folds=folds, epochs=epochs, bits=bits, seed=seed, costs=costs, temperature=temperature, top=top
    ):
        fold_tally = score_documents(held_out, (systems or _model_alone)(model))
        tally.merge(fold_tally)
        if fold_tallies is not None:
            fold_tallies.append(fold_tally)
    return tally


@dataclass
class ResolverTraining:
    out_path: Path
    examples: int
    dev: Tally


def train_resolver(
    nlp: Language,
    data_dir: str | Path,
    out_path: Path,
    *,
    epochs: int = RESOLVER_EPOCHS,
    bits: int = DEFAULT_BITS,
    seed: int = 0,
    cache_dir: Path | None = None,
    limit: int | None = None,
    progress: Progress | None = None,
) -> ResolverTraining:
    """Train on GUM train, save the weights, and measure them on GUM dev (``progress`` hears of each document
    parsed and each epoch trained: ``progress.Progress``)."""
    train = load_split(nlp, data_dir, "train", cache_dir, limit, progress)
    examples = make_examples(train, bits)
    model = train_ranker(examples, epochs=epochs, bits=bits, seed=seed, progress=progress)
    model.save(out_path)
    dev = load_split(nlp, data_dir, "dev", cache_dir, limit, progress)
    return ResolverTraining(out_path, len(examples), score_documents(dev, {"model": ranker_answers(model)}))


__all__ = [
    "NAME",
    "Costs",
    "Example",
    "cross_validate",
    "fold_models",
    "make_examples",
    "train_ranker",
    "train_resolver",
]
