"""Measured accuracy: read gold attributions (PolNeAR's BRAT layout) and score predictions against them."""

from .agreement import AgreementReport, HumanAgreement, agreement_report, consensus, format_agreement
from .metrics import PRF, Scores, format_table, score
from .polnear import AnnotatedArticle, MultiAnnotatedArticle, read_annotated, read_multiply_annotated
from .run import Evaluation, evaluate, evaluate_folder

__all__ = [
    "PRF",
    "AgreementReport",
    "AnnotatedArticle",
    "Evaluation",
    "HumanAgreement",
    "MultiAnnotatedArticle",
    "Scores",
    "agreement_report",
    "consensus",
    "evaluate",
    "evaluate_folder",
    "format_agreement",
    "format_table",
    "read_annotated",
    "read_multiply_annotated",
    "score",
]
