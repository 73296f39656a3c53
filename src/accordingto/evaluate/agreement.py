"""Human agreement: how far PolNeAR's own annotators agree with each other, the yardstick for the model's figures.

A few articles were annotated by several people (18 in PolNeAR train and dev, by five or six each). On them,
with the project's own scorer (``metrics.score``, so every figure is defined as in the evaluate table):

- **pairwise**: every ordered pair of annotators, one as gold and the other as prediction. Both orders are
  counted, so pooled precision equals pooled recall and the figure does not depend on who is called gold.
- **consensus**: each annotator in turn is held out as gold; the prediction is the majority of the others
  (``consensus``: an attribution more than half of them have, with the spans more than half of those marked).
- **model**: the pipeline's predictions against each annotator of the same articles.

Each is micro-averaged over all (article, annotator) pairs, so an article weighs by the number of its annotators,
the same for the three. ``agreement_report`` adds the model's figures on the whole split, as shares of these.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..analyze import DEFAULT_BATCH_SIZE, analyze_many
from ..errors import InputError
from ..model import Attribution, Ranges
from ..progress import Progress
from .metrics import LEVELS, ROLES, SUBSETS, Scores, TokenIndex, _Item, attributions_match, joined, score
from .polnear import (
    AnnotatedArticle,
    MultiAnnotatedArticle,
    count_annotated,
    gold_type,
    read_annotated,
    read_multiply_annotated,
)
from .run import Analyzer, Evaluation, evaluate

Triple = tuple[str, Sequence[Attribution], Sequence[Attribution]]

# The split the shipped tagger was trained on (docs/model-card.md): the model's figures there are not estimates.
TRAINING_SPLIT = "train"


def consensus(text: str, annotations: Mapping[str, Sequence[Attribution]]) -> list[Attribution]:
    """The majority of several annotators' attributions of one text, as attributions the scorer accepts.

    1. *Which attributions.* Two attributions of different annotators are the same statement when the scorer
       would credit one for the other (``attributions_match`` in either direction: one holds at least half of
       the other's content, and their sources overlap when it has one). They are grouped strongest pair first
       (most shared tokens), never putting two attributions of one annotator in a group: PolNeAR is univocal,
       so one annotator's attributions are distinct statements by definition. A group is kept when more than
       half of the annotators are in it (3 of 4 or 5, 4 of 6); an annotator with no attribution there counts
       as saying there is none.
    2. *Which spans.* Each role of a kept attribution covers the characters that more than half of the group's
       members marked with that role (so quotation marks and punctuation stay as the annotators drew them).
       When no character of the cue or the content reaches a majority, the characters most members marked are
       taken, so every attribution has a cue and a content; a source without a majority is no source.
    """
    index = TokenIndex(text)
    members = [
        (annotator, attribution, index.item(attribution))
        for annotator, attributions in sorted(annotations.items())
        for attribution in attributions
    ]
    result = []
    for group in _statement_groups(members):
        if 2 * len(group) <= len(annotations):
            continue
        spans = {role: _majority([getattr(members[k][1], role) for k in group]) for role in ROLES}
        for role in ("cue", "content"):
            if not spans[role]:
                spans[role] = _majority([getattr(members[k][1], role) for k in group], plurality=True)
        result.append(spans)
    result.sort(key=lambda spans: min(spans["content"] + spans["cue"], default=(0, 0)))
    return [
        Attribution.from_ranges(text, id=f"C{number}", type=gold_type(text, spans["content"]), **spans)
        for number, spans in enumerate(result, start=1)
    ]


def _statement_groups(members: Sequence[tuple[str, Attribution, _Item]]) -> list[list[int]]:
    """Indices of ``members`` (annotator, attribution, tokens) grouped by statement: matching pairs joined
    strongest first, never two attributions of one annotator in a group."""
    pairs = sorted(
        (-len(a.all_tokens() & b.all_tokens()), i, j)
        for i, (annotator_i, _, a) in enumerate(members)
        for j, (annotator_j, _, b) in enumerate(members[i + 1 :], start=i + 1)
        if annotator_i != annotator_j and (attributions_match(a, b) or attributions_match(b, a))
    )
    group_of: dict[int, list[int]] = {i: [i] for i in range(len(members))}
    for _, i, j in pairs:
        first, second = group_of[i], group_of[j]
        if first is second or {members[k][0] for k in first} & {members[k][0] for k in second}:
            continue
        first.extend(second)
        for k in second:
            group_of[k] = first
    return list({id(group): group for group in group_of.values()}.values())


def _majority(marked: Sequence[Ranges], *, plurality: bool = False) -> Ranges:
    """The characters more than half of ``marked`` cover (``plurality``: those the most of them cover, if any)."""
    # A sweep over range boundaries: the count of covering span lists changes only there.
    changes: dict[int, int] = {}
    for ranges in marked:
        for start, end in joined(ranges):
            changes[start] = changes.get(start, 0) + 1
            changes[end] = changes.get(end, 0) - 1
    pieces: list[tuple[int, int, int]] = []  # (start, end, count)
    count = 0
    for start, end in pairwise(sorted(changes)):
        count += changes[start]
        if count:
            pieces.append((start, end, count))
    if not pieces:
        return []
    needed = max(c for _, _, c in pieces) if plurality else len(marked) // 2 + 1
    return joined([(start, end) for start, end, c in pieces if c >= needed])


def pairwise_triples(articles: Iterable[MultiAnnotatedArticle]) -> Iterator[Triple]:
    """(text, gold, predicted) for every ordered pair of different annotators of each article."""
    for article in articles:
        for gold_annotator, gold in article.annotations.items():
            for other, predicted in article.annotations.items():
                if other != gold_annotator:
                    yield article.text, gold, predicted


def consensus_triples(articles: Iterable[MultiAnnotatedArticle]) -> Iterator[Triple]:
    """(text, gold, predicted) for each annotator held out as gold against the consensus of the others."""
    for article in articles:
        for held_out, gold in article.annotations.items():
            others = {annotator: a for annotator, a in article.annotations.items() if annotator != held_out}
            yield article.text, gold, consensus(article.text, others)


def model_triples(
    articles: Iterable[MultiAnnotatedArticle], predictions: Mapping[str, Sequence[Attribution]]
) -> Iterator[Triple]:
    """(text, gold, predicted) for the model's prediction of each article against each of its annotators."""
    for article in articles:
        for gold in article.annotations.values():
            yield article.text, gold, predictions[article.name]


@dataclass
class HumanAgreement:
    """Pairwise and consensus figures on some multiply-annotated articles, and the model's on the same ones."""

    articles: list[str]
    annotations: int
    pairwise: Scores
    consensus: Scores
    model: Scores | None = None

    @classmethod
    def of(
        cls,
        articles: Sequence[MultiAnnotatedArticle],
        predictions: Mapping[str, Sequence[Attribution]] | None = None,
    ) -> HumanAgreement:
        return cls(
            articles=[article.name for article in articles],
            annotations=sum(len(article.annotations) for article in articles),
            pairwise=score(pairwise_triples(articles)),
            consensus=score(consensus_triples(articles)),
            model=None if predictions is None else score(model_triples(articles, predictions)),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "annotations": self.annotations,
            "pairwise": self.pairwise.to_dict(),
            "consensus": self.consensus.to_dict(),
            "model": None if self.model is None else self.model.to_dict(),
        }


@dataclass
class SplitAgreement:
    """One split: the model on all its articles, and everything on its multiply-annotated ones (if any)."""

    split: str
    whole: Evaluation
    humans: HumanAgreement | None

    def to_dict(self) -> dict[str, Any]:
        return {"split": self.split, "whole": self.whole.to_dict(), "humans": self.humans and self.humans.to_dict()}


@dataclass
class AgreementReport:
    """Per split, and human agreement pooled over the multiply-annotated articles of all the splits."""

    splits: list[SplitAgreement]
    pooled: HumanAgreement

    def to_dict(self) -> dict[str, Any]:
        return {"splits": [split.to_dict() for split in self.splits], "pooled": self.pooled.to_dict()}


def agreement_report(
    data_dir: str | Path,
    splits: Sequence[str] = ("dev",),
    *,
    nlp: Language | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    analyzer: Analyzer = analyze_many,
    progress: Progress | None = None,
) -> AgreementReport:
    """Score the model on each split and set its figures beside human agreement on the same corpus.

    The model runs once per split; the predictions of the multiply-annotated articles are kept as they pass and
    scored against each of their annotators. Raises ``InputError`` when no article of the splits has two
    annotators.
    """
    multiple = {split: list(read_multiply_annotated(data_dir, split)) for split in splits}
    everyone = [article for articles in multiple.values() for article in articles]
    if not everyone:
        raise InputError(f"no article of {' and '.join(splits)} has two or more annotation files", str(data_dir))
    results = [
        _split_agreement(
            data_dir, split, multiple[split], nlp=nlp, batch_size=batch_size, analyzer=analyzer, progress=progress
        )
        for split in splits
    ]
    pooled = results[0].humans if len(results) == 1 and results[0].humans else HumanAgreement.of(everyone)
    return AgreementReport(splits=results, pooled=pooled)


def _split_agreement(
    data_dir: str | Path,
    split: str,
    multiple: Sequence[MultiAnnotatedArticle],
    *,
    nlp: Language | None,
    batch_size: int,
    analyzer: Analyzer,
    progress: Progress | None = None,
) -> SplitAgreement:
    wanted = {article.name for article in multiple}
    predictions: dict[str, list[Attribution]] = {}

    def keep(article: AnnotatedArticle, predicted: list[Attribution]) -> None:
        if article.name in wanted:
            predictions[article.name] = predicted

    whole = evaluate(
        read_annotated(data_dir, split),
        nlp=nlp,
        batch_size=batch_size,
        analyzer=analyzer,
        on_prediction=keep,
        progress=progress,
        total=count_annotated(data_dir, split) if progress is not None else None,
        step=f"analysing {split}",
    )
    humans = HumanAgreement.of(multiple, predictions) if multiple else None
    return SplitAgreement(split=split, whole=whole, humans=humans)


# Rows of the agreement tables: every F1 of the evaluate table, all attributions and direct quotes.
_ROWS = [
    (subset, level, role)
    for subset in SUBSETS
    for level, role in [("attribution", ""), *((level, role) for level in LEVELS for role in ROLES)]
]


def _f1(scores: Scores | None, subset: str, level: str, role: str) -> float | None:
    """The F1 of one row, or None when there is nothing to score (no gold item, e.g. no direct quote)."""
    if scores is None:
        return None
    result = getattr(scores, subset)
    prf = result.attribution if level == "attribution" else getattr(result, level)[role]
    return float(prf.f1) if prf.gold else None


# A column of an agreement table: a header and a figure's scores, or a share: a header, the scores divided and
# the scores dividing them.
Column = tuple[str, Scores | None] | tuple[str, Scores | None, Scores | None]


def format_agreement(report: AgreementReport) -> str:
    """Two plain-text tables: each split's multiply-annotated articles, then each whole split against humans."""
    lines = [
        "Human agreement (F1, %): PolNeAR's annotators scored against each other with the same scorer.",
        "  pairwise   every ordered pair of annotators of an article, one as gold, the other as prediction",
        "  consensus  each annotator as gold against the majority of the others (docs/accuracy.md)",
        "  model      the pipeline against each annotator of the same articles",
        "  ÷ pairwise, ÷ consensus: the model's figure (the model column to the left) as a share of the human one",
    ]
    for split in report.splits:
        lines.append("")
        if split.humans is None:
            lines.append(f"{split.split}: no article annotated by several people")
            continue
        humans = split.humans
        lines.append(f"{split.split}: {_describe(humans)}{_trained_note(split.split)}")
        lines += _table(
            [
                ("model", humans.model),
                ("pairwise", humans.pairwise),
                ("consensus", humans.consensus),
                ("÷ pairwise", humans.model, humans.pairwise),
                ("÷ consensus", humans.model, humans.consensus),
            ]
        )
    pooled = report.pooled
    lines += [
        "",
        "Each whole split (the model against the first annotator, as `accordingto evaluate` scores it) beside",
        f"human agreement on {_describe(pooled)}",
    ]
    columns: list[Column] = [("pairwise", pooled.pairwise), ("consensus", pooled.consensus)]
    for split in report.splits:
        name = f"{split.split} ({split.whole.scores.articles})"
        model = split.whole.scores
        columns += [(name, model), ("÷ pairwise", model, pooled.pairwise), ("÷ consensus", model, pooled.consensus)]
        if split.split == TRAINING_SPLIT:
            lines.append(f"  {name}:{_trained_note(split.split)}")
    lines += _table(columns)
    return "\n".join(lines)


def _describe(humans: HumanAgreement) -> str:
    return f"{len(humans.articles)} article(s) annotated by several people ({humans.annotations} annotations)"


def _trained_note(split: str) -> str:
    return " — the shipped model was trained on these articles: its figures here are not estimates" * (
        split == TRAINING_SPLIT
    )


def _table(columns: Sequence[Column]) -> list[str]:
    widths = [max(11, len(column[0]) + 2) for column in columns]
    header = f"{'':<20}" + "".join(f"{column[0]:>{width}}" for column, width in zip(columns, widths, strict=True))
    lines = []
    for subset, level, role in _ROWS:
        if level == "attribution":
            lines += ["", "all attributions" if subset == "all" else "direct quotes (others: don't care)", header]
        cells = []
        for column in columns:
            top = _f1(column[1], subset, level, role)
            if len(column) == 2:
                cells.append("—" if top is None else f"{100 * top:.1f}")
                continue
            bottom = _f1(column[2], subset, level, role)
            cells.append("—" if top is None or not bottom else f"{100 * top / bottom:.0f}%")
        label = f"{level} {role}".strip()
        lines.append(f"{label:<20}" + "".join(f"{cell:>{width}}" for cell, width in zip(cells, widths, strict=True)))
    return lines
