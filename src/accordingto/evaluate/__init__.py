"""Measured accuracy: read gold attributions (PolNeAR's BRAT layout) and score predictions against them."""

from .metrics import PRF, Scores, format_table, score
from .polnear import AnnotatedArticle, read_annotated
from .run import Evaluation, evaluate, evaluate_folder

__all__ = [
    "PRF",
    "AnnotatedArticle",
    "Evaluation",
    "Scores",
    "evaluate",
    "evaluate_folder",
    "format_table",
    "read_annotated",
    "score",
]
