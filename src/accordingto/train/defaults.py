"""The training defaults, each in one place.

A module of constants only, so that the CLI can show them in ``--help`` without importing spaCy or the trainers.
"""

from __future__ import annotations

# The attribution tagger (`accordingto train`): the most epochs per stage (cross-validation on train picks how
# many are kept) and log2 of the weight table's rows. 8 is what the shipped file was trained with, so that the
# command without options makes it again; 12 gave the first stage +0.2 held-out F1 for half as long again to train
# (docs/model-card.md).
TAGGER_EPOCHS = 8
TAGGER_BITS = 20

# The speaker resolver (`accordingto train-resolver`). Chosen by GUM train 5-fold CV of the pipeline (ranker12,
# docs/experiments/resolution.md): 8 perceptrons of 4 epochs each, pronouns 57.7% with no fold down, against
# 54.1% for 4 of 8 epochs (until ranker12), 56.6% for 8 or 16 of 8 epochs (two folds down each).
RESOLVER_EPOCHS = 4
RESOLVER_RUNS = 8

# Folds of the resolver's cross-validation on GUM train (``train.resolver``), which the speaker confidence
# (`accordingto train-speaker-confidence`) is fitted on: each document resolved by a model that never saw it.
RESOLVER_FOLDS = 5
