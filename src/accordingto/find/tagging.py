"""The role tagger: its weights, and the SOURCE / CUE / CONTENT tag of every token as runs of one role.

The tagger (``perceptron.TaggerModel``, trained by ``accordingto train``) reads the features of ``features.py``; what
it tags is grouped into attributions by ``grouping.py``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from ..errors import ModelError
from .features import DocArrays, doc_arrays, space_tokens, stacked_features, token_features
from .perceptron import ROLES, TaggerModel, Tagging

WEIGHTS_RESOURCE = "weights/attribution-tagger.npz"
# The file the component's weights are saved to inside its folder of a saved pipeline (``nlp.to_disk``).
WEIGHTS_FILE = "tagger.npz"


@dataclass
class RoleSpan:
    """A run of one role in token offsets: mutable, unlike spaCy's ``Span``, because the grouping rules move its edges
    (a quotation mark taken in, an introduction left out) before it becomes one."""

    role: str  # SOURCE | CUE | CONTENT
    start: int  # token offsets, end exclusive
    end: int


@functools.cache
def load_model(path: str | None = None) -> TaggerModel:
    """The tagger weights: ``path`` if given, else the ones shipped inside the package (loaded once)."""
    if path is not None:
        return read_weights(Path(path))
    with resources.as_file(resources.files("accordingto.find").joinpath(WEIGHTS_RESOURCE)) as shipped:
        return read_weights(shipped)


def read_weights(path: Path) -> TaggerModel:
    """Tagger weights from a file, or ``ModelError`` saying why they cannot be used."""
    try:
        return TaggerModel.load(path)
    except (OSError, ValueError, KeyError) as error:
        raise ModelError(f"cannot load the attribution tagger weights ({error})") from error


def tag_doc(doc: Doc, model: TaggerModel, arrays: DocArrays | None = None) -> Tagging:
    """Tags (indices into ``TAGS``) and margins per token, through both stages when the model has a second
    one (the margins are the last stage's)."""
    arrays = arrays if arrays is not None else doc_arrays(doc, model.lexicon)
    return tag_docs([doc], model, [arrays])[0]


def tag_docs(docs: list[Doc], model: TaggerModel, arrays: list[DocArrays]) -> list[Tagging]:
    """``tag_doc`` of several documents together (``arrays``: each one's ``doc_arrays``): the same tags and
    margins, each stage's emissions and Viterbi steps computed for all of them at once."""
    taggings = [Tagging(np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.float32)) for _ in docs]
    todo = [k for k, doc in enumerate(docs) if len(doc)]
    if not todo:
        return taggings
    blocked = [space_tokens(docs[k]) for k in todo]
    features = [token_features(docs[k], model.lexicon, arrays[k]) for k in todo]
    decoded = model.decode_many(features, blocked)
    if model.second is not None:
        stacked = [
            np.hstack([part, stacked_features(docs[k], arrays[k], tagging.tags)])
            for k, part, tagging in zip(todo, features, decoded, strict=True)
        ]
        decoded = model.second.decode_many(stacked, blocked)
    for k, tagging in zip(todo, decoded, strict=True):
        taggings[k] = tagging
    return taggings


def tagged_spans(tags: np.ndarray) -> list[RoleSpan]:
    """Maximal B-X I-X* runs as spans, in text order."""
    if len(tags) == 0:
        return []
    roles = (tags + 1) // 2  # 0 none, then one id per role in ROLES order
    begins = (tags % 2) == 1  # B- tags have odd indices
    following = np.append(roles[1:], 0)
    follows_begin = np.append(begins[1:], True)
    previous = np.insert(roles[:-1], 0, 0)
    starts = np.nonzero((roles > 0) & (begins | (previous != roles)))[0]
    ends = np.nonzero((roles > 0) & ((following != roles) | follows_begin))[0] + 1
    return [
        RoleSpan(ROLES[int(roles[start]) - 1], int(start), int(end)) for start, end in zip(starts, ends, strict=True)
    ]
