"""Run the analysis over annotated articles and score it: what ``accordingto evaluate`` does.

Articles stream through ``analyze_many`` in batches and are scored as they come back, so a large folder is
never held in memory. An article the pipeline fails on is scored as an empty prediction (its attributions are
missed, as a user would miss them) and listed in the result.

Only the outermost predictions are scored (``unnested``): PolNeAR is univocal (each token has one role), so it
never annotates an attribution reported inside another one's content ("According to US officials, Putin
reported that ..." is one gold attribution, the officials'). The inner ones the pipeline adds for provenance
chains (``find.nested``) would otherwise count as false positives.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..analyze import DEFAULT_BATCH_SIZE, Outcome, analyze_many
from ..model import Article, Attribution, Ranges
from ..outcome import Failure
from ..progress import Progress, counted
from .errors import ErrorAnalysis
from .metrics import Scores, score
from .polnear import AnnotatedArticle, count_annotated, read_annotated

logger = logging.getLogger(__name__)

# How predictions are made: analyze_many, or a stand-in with its signature (tests, other systems).
Analyzer = Callable[..., Iterator[Outcome]]


@dataclass
class Evaluation:
    """Scores, plus the articles that could not be analysed (counted as predicting nothing)."""

    scores: Scores
    failures: list[Failure] = field(default_factory=list)
    errors: ErrorAnalysis = field(default_factory=ErrorAnalysis)

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.scores.to_dict(),
            "failures": [str(error) for error in self.failures],
            "errors": self.errors.to_dict(),
        }


def evaluate(
    articles: Iterable[AnnotatedArticle],
    *,
    nlp: Language | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    analyzer: Analyzer = analyze_many,
    examples: int = 3,
    on_prediction: Callable[[AnnotatedArticle, list[Attribution]], None] | None = None,
    progress: Progress | None = None,
    total: int | None = None,
    step: str = "analysing",
) -> Evaluation:
    """Analyse each annotated article (its text only) and score the result against its gold attributions.

    ``on_prediction`` sees each article with the attributions scored for it, as they come (the agreement report
    keeps those of the articles several people annotated, instead of analysing them twice); ``progress`` hears
    of each article analysed, as ``step`` out of ``total`` (``progress.Progress``).
    """
    # Outcomes carry the very Article objects given to the analyzer: find each one's gold by identity.
    gold: dict[int, AnnotatedArticle] = {}
    failures: list[Failure] = []
    errors = ErrorAnalysis(keep=examples)

    def inputs() -> Iterator[Article]:
        for annotated in articles:
            article = Article(text=annotated.text, id=annotated.name)
            gold[id(article)] = annotated
            yield article

    def triples() -> Iterator[tuple[str, list[Attribution], list[Attribution]]]:
        for outcome in counted(analyzer(inputs(), nlp=nlp, batch_size=batch_size), step, total, progress):
            annotated = gold.pop(id(outcome.article))
            predicted: list[Attribution] = []
            if outcome.error is not None:
                logger.warning("article %s could not be analysed: %s", annotated.name, outcome.error)
                failures.append(outcome.error)
            elif outcome.analysis is not None:
                predicted = unnested(outcome.analysis.attributions)
            if on_prediction is not None:
                on_prediction(annotated, predicted)
            errors.add(annotated.name, annotated.text, annotated.attributions, predicted)
            yield annotated.text, annotated.attributions, predicted

    return Evaluation(scores=score(triples()), failures=failures, errors=errors)


def unnested(attributions: Sequence[Attribution]) -> list[Attribution]:
    """The attributions whose cue lies in no other attribution's content (what PolNeAR would annotate)."""

    def inside(ranges: Ranges, outer: Ranges) -> bool:
        return all(any(o_start <= start and end <= o_end for o_start, o_end in outer) for start, end in ranges)

    return [
        attribution
        for attribution in attributions
        if not attribution.cue
        or not any(other is not attribution and inside(attribution.cue, other.content) for other in attributions)
    ]


def evaluate_folder(
    data_dir: str | Path,
    split: str | Sequence[str] = "dev",
    *,
    limit: int | None = None,
    nlp: Language | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    examples: int = 3,
    progress: Progress | None = None,
) -> Evaluation:
    """Score the pipeline on a PolNeAR-style folder (``DATA_DIR/SPLIT`` or a split folder itself).

    Several splits are scored together, as one set of articles; ``limit`` counts over all of them. ``progress``
    hears of each article analysed, out of all the splits hold.
    """
    splits = [split] if isinstance(split, str) else list(split)
    readers = [read_annotated(data_dir, name) for name in splits]  # every folder checked before any analysis
    articles = islice(chain.from_iterable(readers), limit)
    total = sum(count_annotated(data_dir, name) for name in splits) if progress is not None else None
    if total is not None and limit is not None:
        total = min(total, limit)
    return evaluate(articles, nlp=nlp, batch_size=batch_size, examples=examples, progress=progress, total=total)
