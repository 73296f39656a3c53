"""Word clusters: seeded spherical k-means, and the GloVe table built from the installed vectors."""

from __future__ import annotations

import numpy as np
from spacy.strings import StringStore

from accordingto.train.clusters import build_clusters, kmeans


def test_kmeans_separates_two_directions_and_is_seeded() -> None:
    rng = np.random.default_rng(0)
    east = np.array([1.0, 0.0]) + rng.normal(scale=0.05, size=(50, 2))
    north = np.array([0.0, 1.0]) + rng.normal(scale=0.05, size=(50, 2))
    vectors = np.vstack([east, north])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    assignment = kmeans(vectors, 2, seed=3)
    assert len(set(assignment[:50])) == 1 and len(set(assignment[50:])) == 1
    assert assignment[0] != assignment[-1]
    assert np.array_equal(assignment, kmeans(vectors, 2, seed=3))


def test_glove_clusters_put_speech_verbs_together() -> None:
    clusters = build_clusters(words=5000, sizes=(16, 64), seed=0)
    strings = StringStore()
    ids = np.array([strings.add(word) for word in ("say", "tell", "table", "chair")], dtype=np.uint64)
    found = clusters.lookup(ids, ids)
    assert found.shape == (4, 2)
    assert found[0, 0] == found[1, 0]  # say and tell share a coarse cluster
    assert found[0, 0] != found[2, 0]  # a table is not a speech verb
    assert np.array_equal(clusters.keys, np.sort(clusters.keys))
