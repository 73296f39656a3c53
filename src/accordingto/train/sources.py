"""Train the source chooser (``find.source_choice``) on the attributions that fold taggers found in training
articles they did not see: what the rules grouped there, with each group's candidate sources scored against the
gold source of the gold attribution whose content the group holds."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from spacy.tokens import Doc

from ..annotations import quote_spans
from ..evaluate import AnnotatedArticle
from ..evaluate.metrics import TokenIndex
from ..find.grouping import assemble
from ..find.groups import Layout
from ..find.perceptron import Tagging
from ..find.quotes import annotate_quotes
from ..find.source_choice import candidate_rows, is_nested
from ..find.source_ranker import SourceRanker
from ..find.tagging import RoleSpan

# One group's candidates (hashed features each) and how well each matches the gold source.
Ranked = tuple[list[np.ndarray], np.ndarray]
# Folds of articles for the rankers whose choices the confidence model is fitted on (by article index, as the
# tagger's own cross-validation).
SOURCE_FOLDS = 2


def _characters(doc: Doc, spans: Sequence[RoleSpan]) -> list[tuple[int, int]]:
    return [(doc[span.start].idx, doc[span.end - 1].idx + len(doc[span.end - 1].text)) for span in spans]


def ranked_groups(doc: Doc, article: AnnotatedArticle, tagging: Tagging) -> list[Ranked]:
    """The article's groups that teach the ranker something: those holding at least half of a gold content (the
    gold attribution with their cue first, else the one whose content they hold most), whose gold has a source
    and some candidate sharing a word with it. A candidate's quality: 0 without a shared word (the scorer's
    attribution match fails), else 1 plus its token F1 against the gold source, so that the ranker learns first
    to match and then to match the extent."""
    annotated = annotate_quotes(doc.copy())
    groups = sorted(assemble(annotated, tagging.tags), key=lambda group: group.cue.start)
    layout = Layout(annotated, [(quote.start, quote.end) for quote in quote_spans(annotated)])
    index = TokenIndex(article.text)
    gold = [index.item(attribution) for attribution in article.attributions]
    out: list[Ranked] = []
    for group, (found, rows) in zip(groups, candidate_rows(annotated, groups, layout, tagging.tags), strict=True):
        content = index.tokens(_characters(annotated, group.contents))
        cue = index.tokens(_characters(annotated, [group.cue]))
        held = [item for item in gold if item.content and 2 * len(item.content & content) >= len(item.content)]
        # A nested report's gold is the outer report's source (``source_choice.is_nested``): not a lesson.
        if not held or len(found) < 2 or is_nested(group, groups):
            continue
        target = min(held, key=lambda item: (not item.cue & cue, -len(item.content & content))).source
        if not target:
            continue
        quality = np.zeros(len(found))
        for n, candidate in enumerate(found):
            words = index.tokens(_characters(annotated, candidate.spans))
            shared = len(words & target)
            if shared:
                precision, recall = shared / len(words), shared / len(target)
                quality[n] = 1 + 2 * precision * recall / (precision + recall)
        if quality.max() > 0:
            out.append((rows, quality))
    return out


def fit_source_rankers(
    docs: Sequence[Doc], articles: Sequence[AnnotatedArticle], held_out: Sequence[Tagging], seed: int = 0
) -> tuple[SourceRanker, list[SourceRanker]]:
    """The ranker trained on every article, and for each article one trained without its fold
    (``SOURCE_FOLDS``): the confidence model must be fitted on sources chosen as at run time, by a ranker that
    did not see the article, or it would learn to trust sources that are right only because they were seen."""
    ranked = [
        ranked_groups(doc, article, tagging) for doc, article, tagging in zip(docs, articles, held_out, strict=True)
    ]
    folds = [
        SourceRanker.fit([g for n, groups in enumerate(ranked) if n % SOURCE_FOLDS != fold for g in groups], seed=seed)
        for fold in range(SOURCE_FOLDS)
    ]
    return SourceRanker.fit([g for groups in ranked for g in groups], seed=seed), [
        folds[n % SOURCE_FOLDS] for n in range(len(ranked))
    ]
