"""Measured accuracy: read gold attributions (PolNeAR's BRAT layout) and score predictions against them."""

from .metrics import PRF, Scores, format_table, score
from .polnear import AnnotatedArticle, read_annotated

__all__ = ["PRF", "AnnotatedArticle", "Scores", "format_table", "read_annotated", "score"]
