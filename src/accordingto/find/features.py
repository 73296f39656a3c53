"""Per-token features for the attribution tagger, computed from spaCy's parse with vectorised numpy.

Attribution roles are mostly syntactic: a SOURCE is the subject of a speech verb (or the object of "according
to"), CONTENT is the clause under it (``ccomp``) or a quotation next to it, and the CUE is the verb itself. So
besides the usual word/tag window we describe every token by the path to its ancestors ("reached ``say``
through ``ccomp``"), by whether it lies inside a quotation, and by where it sits relative to the sentence's
likely cue.

Every feature is a 64-bit hash of (template, values); spaCy's string ids are already stable 64-bit murmur
hashes, so hashing needs no Python strings and gives the same indices in every process and on every machine.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IS_SPACE, LEMMA, LOWER, POS, SENT_START, SHAPE, TAG
from spacy.tokens import Doc

from .. import lexicon
from ..annotations import quote_spans

U64 = np.uint64
# Weights are only valid for the feature templates they were trained with (a template's id is its position):
# bump this whenever token_features changes, so that stale weights fail to load instead of tagging nonsense.
FEATURE_VERSION = 4
NONE = U64(0x5BD1E9955BD1E995)  # the value of a missing neighbour / ancestor
_MUL = U64(0x9E3779B97F4A7C15)
_MUL2 = U64(0xC2B2AE3D27D4EB4F)
ANCESTOR_DEPTH = 6
# Dependents whose presence marks a speech/thought verb's frame.
CHILD_DEPS = ("ccomp", "nsubj", "nsubjpass", "dobj", "xcomp", "agent", "parataxis", "advcl")
# The speech marks of the lexicon, but the horizontal bar ―: the shipped weights (FEATURE_VERSION 3) were trained
# without it, so it may join only with a retraining (and a FEATURE_VERSION bump).
INTRODUCERS = sorted(lexicon.SPEECH_MARKS - {"―"})


def _empty() -> np.ndarray:
    return np.zeros(0, dtype=U64)


@dataclass(frozen=True)
class WordClusters:
    """Word id (spaCy string id of a lower-case word) -> its cluster at each granularity (``train.clusters``)."""

    keys: np.ndarray  # uint64 word ids, sorted
    clusters: np.ndarray  # (len(keys), n_sizes) uint16 cluster indices

    @classmethod
    def empty(cls) -> WordClusters:
        return cls(keys=_empty(), clusters=np.zeros((0, 2), dtype=np.uint16))

    def lookup(self, lemma: np.ndarray, lower: np.ndarray) -> np.ndarray:
        """``(n, n_sizes)`` uint64 cluster ids per token (its lemma's, else its lower-case form's); ``NONE``
        for words outside the table."""
        out = np.full((len(lemma), self.clusters.shape[1]), NONE)
        if len(self.keys) == 0:
            return out
        for words in (lower, lemma):  # the lemma, when known, overrides the form
            pos = np.searchsorted(self.keys, words).clip(0, len(self.keys) - 1)
            found = self.keys[pos] == words
            out[found] = self.clusters[pos[found]].astype(U64)
        return out


@dataclass(frozen=True)
class CueLexicon:
    """How often each lemma was a cue in training, as a small bucket per lemma (sorted keys for searchsorted);
    the word clusters, and how often the words of each fine cluster were cues (the back-off for lemmas seen
    too rarely to have a rate of their own)."""

    keys: np.ndarray  # uint64 lemma ids, sorted
    buckets: np.ndarray  # uint64 bucket 1..4 (0 = never a cue)
    clusters: WordClusters = field(default_factory=WordClusters.empty)
    cluster_buckets: np.ndarray = field(default_factory=_empty)  # bucket per fine cluster

    def lookup(self, lemmas: np.ndarray) -> np.ndarray:
        if len(self.keys) == 0:
            return np.zeros(len(lemmas), dtype=U64)
        pos = np.searchsorted(self.keys, lemmas).clip(0, len(self.keys) - 1)
        return np.where(self.keys[pos] == lemmas, self.buckets[pos], U64(0))

    def cluster_lookup(self, fine: np.ndarray) -> np.ndarray:
        """The cue bucket of each token's fine cluster (``NONE`` outside the table)."""
        if len(self.cluster_buckets) == 0:
            return np.full(len(fine), NONE)
        known = fine != NONE
        out = np.full(len(fine), NONE)
        out[known] = self.cluster_buckets[fine[known].astype(np.intp)]
        return out

    @staticmethod
    def bucket(rate: float) -> int:
        """Cue rate → bucket; the thresholds separate near-always cues (say) from sometimes-cues (call, show)."""
        if rate >= 0.5:
            return 4
        if rate >= 0.2:
            return 3
        if rate >= 0.05:
            return 2
        return 1 if rate > 0 else 0


def _seed(template: int) -> np.uint64:
    """The hash a template's values are mixed into."""
    return U64((template + 1) * 0x9E3779B97F4A7C15 % (1 << 64))


def _mix_into(h: np.ndarray | np.uint64, values: Iterable[np.ndarray | np.uint64]) -> np.ndarray:
    """A stable 64-bit hash of a template's seed and per-token values (uint64 arithmetic wraps by design)."""
    with np.errstate(over="ignore"):
        for value in values:
            h = (h ^ value) * _MUL
            h = h ^ (h >> U64(31))
        h = h * _MUL2
        return np.asarray(h ^ (h >> U64(29)), dtype=U64)


class TemplateHashes:
    """Feature templates added one by one (``add``: the values of template ``base``, ``base + 1``...) and hashed
    all at once (``matrix``): the templates with the same number of values are mixed together,
    as one (templates, tokens) array, so that a document costs a few dozen numpy calls instead of several per
    template. The arithmetic is element by element, so each column is the hash of its template alone, bit for
    bit (the hashes the shipped weights were trained with)."""

    def __init__(self, n: int, base: int = 0) -> None:
        self.n = n
        self.base = base
        self.templates: list[tuple[np.ndarray | np.uint64, ...]] = []

    def add(self, *values: np.ndarray | np.uint64) -> None:
        self.templates.append(values)

    def matrix(self) -> np.ndarray:
        """``(n, templates)`` uint64: the hash of every template's values for every token."""
        out = np.empty((self.n, len(self.templates)), dtype=U64)
        by_arity: dict[int, list[int]] = {}
        for k, values in enumerate(self.templates):
            by_arity.setdefault(len(values), []).append(k)
        for arity, columns in by_arity.items():
            stacked = np.empty((arity, len(columns), self.n), dtype=U64)
            for row, k in enumerate(columns):
                for position, value in enumerate(self.templates[k]):
                    stacked[position, row] = value  # a bool is 0 or 1, as when xor-ed in
            seeds = np.array([_seed(self.base + k) for k in columns], dtype=U64)[:, None]
            out[:, columns] = _mix_into(seeds, stacked).T
        return out


def _shift(values: np.ndarray, offset: int) -> np.ndarray:
    """values[i + offset], NONE outside the document."""
    out = np.full_like(values, NONE)
    if offset > 0:
        out[:-offset] = values[offset:]
    elif offset < 0:
        out[-offset:] = values[:offset]
    else:
        out[:] = values
    return out


def _quote_marks(doc: Doc, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[tuple[int, int]]]:
    """Per token: inside a quotation, is its opening mark, is its closing mark; and the outermost quotes.

    The quotations are the quotes stage's (``MissingStageError`` without it: training and evaluation code that
    tags docs outside the pipeline runs ``find.quotes.annotate_quotes`` first)."""
    ranges = [(span.start, span.end) for span in quote_spans(doc)]
    inside = np.zeros(n, dtype=U64)
    opening = np.zeros(n, dtype=U64)
    closing = np.zeros(n, dtype=U64)
    outermost: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        inside[start:end] = 1
        opening[start] = 1
        closing[end - 1] = 1
        if not outermost or start >= outermost[-1][1]:
            outermost.append((start, end))
    return inside, opening, closing, outermost


def _quote_cues(cue: np.ndarray, para: np.ndarray, quotes: list[tuple[int, int]], window: int = 6) -> np.ndarray:
    """Per quoted token: the strongest cue word just before its quote or just after it, in the same paragraph
    (2 bits: after, before). A quote with "he said" beside it is attributed; one without usually continues the
    previous quote or is a scare quote."""
    n = len(cue)
    out = np.zeros(n, dtype=U64)
    for start, end in quotes:
        before = [i for i in range(max(start - window, 0), start) if para[i] == para[start]]
        after = [i for i in range(end, min(end + window, n)) if para[i] == para[end - 1]]
        strongest_before = int(cue[before].max()) if before else 0
        strongest_after = int(cue[after].max()) if after else 0
        out[start:end] = strongest_after * 8 + strongest_before
    return out


def quote_cue_clusters(cluster_cue: np.ndarray, para: np.ndarray, quotes: list[tuple[int, int]]) -> np.ndarray:
    """``_quote_cues`` with the cue buckets of clusters (``NONE`` counted as 0)."""
    return _quote_cues(np.where(cluster_cue == NONE, U64(0), cluster_cue), para, quotes)


def _segment_ids(starts: np.ndarray) -> np.ndarray:
    return np.cumsum(starts.astype(np.int64)) - 1


def _first_in_segment(flag: np.ndarray, segment: np.ndarray, n_segments: int) -> np.ndarray:
    """For each token, the index of the first flagged token of its segment (-1 when none)."""
    first = np.full(n_segments, np.iinfo(np.int64).max, dtype=np.int64)
    idx = np.nonzero(flag)[0]
    np.minimum.at(first, segment[idx], idx)
    out = first[segment]
    return np.where(out == np.iinfo(np.int64).max, -1, out)


def space_tokens(doc: Doc) -> np.ndarray:
    """White-space tokens (spaCy keeps runs of spaces and line breaks as tokens of their own)."""
    return doc.to_array(IS_SPACE).astype(bool)


SENTENCE_END = {".", "!", "?"}


def sentence_ids(doc: Doc, paragraph: np.ndarray, quotes: list[tuple[int, int]]) -> np.ndarray:
    """The sentence number of every token: spaCy's sentences, cut at paragraph breaks and after quotations.

    spaCy sometimes carries a sentence over a paragraph break, and often runs a quotation that ends a sentence
    ('... than this."') into the next one ('Experts say ...'), which would hand the quote to the next
    sentence's cue. A closing mark right after . ! ? followed by a capitalised word starts a new sentence
    here; '"Go home," experts say' (comma) and '"Go home." said Trump' (lower case) stay one sentence.
    """
    n = len(doc)
    starts = np.zeros(n, dtype=bool)
    sentence = doc.to_array(SENT_START) == 1
    starts[1:] = sentence[1:] | (paragraph[1:] != paragraph[:-1])
    for start, end in quotes:
        if (
            end < n
            and end - start >= 3
            and doc[end - 2].text in SENTENCE_END
            and doc[end].is_title
            and paragraph[end] == paragraph[end - 1]
        ):
            starts[end] = True
    starts[:1] = True
    return _segment_ids(starts)


def paragraph_ids(doc: Doc) -> np.ndarray:
    """The paragraph number of every token: a token after a line break starts a paragraph."""
    starts = np.zeros(len(doc), dtype=bool)
    starts[:1] = True
    breaks = [i for i in np.nonzero(space_tokens(doc))[0] if "\n" in doc[int(i)].text]
    starts[[i + 1 for i in breaks if i + 1 < len(doc)]] = True
    return _segment_ids(starts)


@dataclass
class DocArrays:
    """Per-token arrays both feature sets read: the parse, sentence and paragraph ids, quotes, cue buckets."""

    n: int
    lower: np.ndarray
    lemma: np.ndarray
    tag: np.ndarray
    pos: np.ndarray
    dep: np.ndarray
    ent: np.ndarray
    iob: np.ndarray
    shape: np.ndarray
    head: np.ndarray
    sent: np.ndarray
    n_sents: int
    para: np.ndarray
    n_paras: int
    para_begin: np.ndarray
    cue: np.ndarray
    coarse: np.ndarray
    fine: np.ndarray
    cluster_cue: np.ndarray
    inq: np.ndarray
    qopen: np.ndarray
    qclose: np.ndarray
    quotes: list[tuple[int, int]]


def doc_arrays(doc: Doc, lexicon: CueLexicon) -> DocArrays:
    n = len(doc)
    arr = doc.to_array([LOWER, LEMMA, TAG, POS, DEP, ENT_TYPE, ENT_IOB, SHAPE])
    lower, lemma, tag, pos, dep, ent, iob, shape = (arr[:, k] for k in range(8))
    index = np.arange(n)
    head = index + doc.to_array(HEAD).astype(np.int64)
    para = paragraph_ids(doc)
    n_paras = int(para[-1]) + 1
    inq, qopen, qclose, quotes = _quote_marks(doc, n)
    sent = sentence_ids(doc, para, quotes)
    clusters = lexicon.clusters.lookup(lemma, lower)
    return DocArrays(
        n=n,
        lower=lower,
        lemma=lemma,
        tag=tag,
        pos=pos,
        dep=dep,
        ent=ent,
        iob=iob,
        shape=shape,
        head=head,
        sent=sent,
        n_sents=int(sent[-1]) + 1,
        para=para,
        n_paras=n_paras,
        para_begin=_first_in_segment(np.ones(n, dtype=bool), para, n_paras),
        cue=lexicon.lookup(lemma),
        coarse=clusters[:, 0],
        fine=clusters[:, -1],
        cluster_cue=lexicon.cluster_lookup(clusters[:, -1]),
        inq=inq,
        qopen=qopen,
        qclose=qclose,
        quotes=quotes,
    )


def token_features(doc: Doc, lexicon: CueLexicon, arrays: DocArrays | None = None) -> np.ndarray:
    """A ``(n_tokens, n_templates)`` uint64 matrix of feature hashes for ``doc``."""
    n = len(doc)
    if n == 0:
        return np.zeros((0, 0), dtype=U64)
    a = arrays or doc_arrays(doc, lexicon)
    lower, lemma, tag, pos, dep, ent, iob, shape = a.lower, a.lemma, a.tag, a.pos, a.dep, a.ent, a.iob, a.shape
    head, sent, n_sents, para, para_begin, cue = a.head, a.sent, a.n_sents, a.para, a.para_begin, a.cue
    inq, qopen, qclose, quotes = a.inq, a.qopen, a.qclose, a.quotes
    fine, cluster_cue = a.fine, a.cluster_cue
    index = np.arange(n)
    hashes = TemplateHashes(n)
    add = hashes.add

    # The token and its window.
    add(U64(1))
    add(lower)
    add(lemma)
    add(tag)
    add(dep)
    add(shape)
    add(ent, iob)
    add(cue, tag)
    for offset in (-2, -1, 1, 2):
        add(_shift(lower, offset))
        add(_shift(tag, offset))
    add(_shift(tag, -1), tag)
    add(tag, _shift(tag, 1))
    add(_shift(lower, -1), lower)
    add(lower, _shift(lower, 1))
    add(_shift(cue, -1), _shift(tag, -1))
    add(_shift(cue, 1), _shift(tag, 1))

    # The head and the path to the ancestors: "reached say through ccomp" is what makes a clause CONTENT.
    add(dep, lemma[head])
    add(dep, tag[head])
    add(dep, dep[head])
    add(dep, cue[head], pos)
    current = index
    valid = np.ones(n, dtype=bool)
    # The nearest likely-cue ancestor and the relation through which the token reaches it.
    cue_lemma = np.full(n, NONE)
    cue_through = np.full(n, NONE)
    for depth in range(1, ANCESTOR_DEPTH + 1):
        child_dep = dep[current]
        parent = head[current]
        valid &= parent != current
        through = np.where(valid, child_dep, NONE)
        add(np.where(valid, lemma[parent], NONE), through)
        add(np.where(valid, cue[parent], NONE), through, U64(min(depth, 3)))
        add(np.where(valid, cue[parent], NONE), through, dep)
        if depth <= 2:
            add(np.where(valid, fine[parent], NONE), through)
            add(np.where(valid, cluster_cue[parent], NONE), through)
        first = valid & (cue[parent] >= 3) & (cue_lemma == NONE)
        cue_lemma[first] = lemma[parent][first]
        cue_through[first] = child_dep[first]
        current = np.where(valid, parent, current)
    add(cue_lemma, cue_through)
    add(cue_lemma == NONE, cue_through, inq, tag)
    root_dep = dep[head[head[head]]]
    add(root_dep, cue[head[head[head]]])

    # The token's own dependents: a cue verb governs a clause (ccomp) and a subject.
    child_flags = []
    children = index[head != index]
    for label in CHILD_DEPS:
        flag = np.zeros(n, dtype=U64)
        label_id = U64(doc.vocab.strings[label])
        flag[head[children][dep[children] == label_id]] = 1
        child_flags.append(flag)
    has_ccomp, has_nsubj = child_flags[0], child_flags[1]
    add(lemma, has_ccomp)
    add(cue, has_ccomp, has_nsubj)
    add(cue, *child_flags)
    add(pos, *child_flags)

    # Quotations.
    add(inq, qopen, qclose)
    add(inq, tag)
    add(inq, dep, cue[head])
    add(_shift(qclose, -1), tag)
    add(_shift(qclose, -1), _shift(qclose, -2), cue)
    add(_shift(qopen, 1), tag)
    sent_has_quote = np.bincount(sent, weights=inq.astype(float), minlength=n_sents)[sent] > 0
    add(U64(1) * sent_has_quote, inq, cue)
    quote_cue = _quote_cues(cue, para, quotes)
    add(quote_cue, inq)
    add(quote_cue, qopen, qclose, U64(1) * (index == para_begin))

    # Where the token stands in its sentence and paragraph, and relative to the sentence's likely cue.
    sent_begin = _first_in_segment(np.ones(n, dtype=bool), sent, n_sents)
    position = np.minimum(index - sent_begin, 5).astype(U64)
    add(position, tag)
    is_last = np.zeros(n, dtype=U64)
    is_last[:-1] = sent[1:] != sent[:-1]
    is_last[-1] = 1
    add(is_last, tag)
    add(U64(1) * (index == para_begin), tag)
    add(np.minimum(para, 3).astype(U64), U64(1) * (sent == sent[para_begin]))
    verbish = (cue >= 3) & ((pos == U64(doc.vocab.strings["VERB"])) | (pos == U64(doc.vocab.strings["NOUN"])))
    first_cue = _first_in_segment(verbish, sent, n_sents)
    side = np.where(first_cue < 0, 3, np.sign(index - first_cue) + 1).astype(U64)
    add(np.where(first_cue < 0, NONE, lemma[first_cue]), side, inq)
    para_cues = np.bincount(para, weights=verbish.astype(float), minlength=a.n_paras)[para]
    add(np.minimum(para_cues, 2).astype(U64), U64(1) * sent_has_quote, inq)
    add(side, tag)
    add(side, inq, dep)
    according = (lower == U64(doc.vocab.strings["according"])) & (_shift(lower, 1) == U64(doc.vocab.strings["to"]))
    first_according = _first_in_segment(according, sent, n_sents)
    add(np.where(first_according < 0, 3, np.sign(index - first_according) + 1).astype(U64), dep)
    introducer = np.isin(lower, [U64(doc.vocab.strings[mark]) for mark in INTRODUCERS])
    first_intro = _first_in_segment(introducer, sent, n_sents)
    seen = (first_intro >= 0) & (index > first_intro)
    add(U64(1) * seen, tag, inq)

    # Word clusters: what the weights learn for the cluster of "criticized" carries over to "rebuked", a word
    # training may never have shown as a cue.
    coarse = a.coarse
    add(coarse)
    add(fine)
    add(fine, tag)
    add(cluster_cue, tag)
    add(cluster_cue, has_ccomp, has_nsubj)
    add(fine, has_ccomp)
    add(coarse, *child_flags)
    add(_shift(fine, -1))
    add(_shift(fine, 1))
    add(dep, fine[head])
    add(dep, cluster_cue[head], pos)
    add(cluster_cue, _shift(qclose, -1), _shift(qopen, 1))
    add(quote_cue_clusters(cluster_cue, para, quotes), inq)

    # The previous sentence: a quote or a cue there often carries into this one.
    prev_quote = np.zeros(n_sents, dtype=U64)
    sent_quote = (np.bincount(sent, weights=qclose.astype(float), minlength=n_sents) > 0).astype(U64)
    prev_quote[1:] = sent_quote[:-1]
    add(prev_quote[sent], U64(1) * sent_has_quote, position.clip(0, 1))

    return hashes.matrix()


STACKED_TEMPLATE_BASE = 1000


def stacked_features(doc: Doc, arrays: DocArrays, first: np.ndarray) -> np.ndarray:
    """Features of the first-pass tags (role ids 0 none, 1 source, 2 cue, 3 content) for the second pass.

    The first pass decides token by token; the second sees what it decided around each token: is there a cue
    in this sentence, does this cue govern some content, is this quote next to a cue. That is what makes a cue
    without content, or a content without cue, unlikely.
    """
    n = len(doc)
    if n == 0:
        return np.zeros((0, 0), dtype=U64)
    a = arrays
    role = ((first + 1) // 2).astype(U64)
    is_cue = role == 2
    is_content = role == 3
    index = np.arange(n)
    hashes = TemplateHashes(n, STACKED_TEMPLATE_BASE)
    add = hashes.add

    add(first.astype(U64))
    for offset in (-2, -1, 1, 2):
        add(_shift(role, offset), role)
    add(_shift(role, -1), role, _shift(role, 1))
    add(role, a.tag)
    add(role, a.dep, role[a.head])
    sent_cues = np.bincount(a.sent, weights=(is_cue & (_shift(role, -1) != 2)).astype(float), minlength=a.n_sents)
    add(np.minimum(sent_cues[a.sent], 2).astype(U64), role, a.inq)
    first_cue = _first_in_segment(is_cue, a.sent, a.n_sents)
    side = np.where(first_cue < 0, 3, np.sign(index - first_cue) + 1).astype(U64)
    add(side, role, a.inq)
    add(side, role, a.dep)
    para_cues = np.bincount(a.para, weights=is_cue.astype(float), minlength=a.n_paras)
    add(np.minimum(para_cues[a.para], 2).astype(U64), role, a.inq)
    # The nearest ancestor tagged CUE, and the relation through which the token hangs from it.
    current = index
    valid = np.ones(n, dtype=bool)
    through = np.full(n, NONE)
    depth_found = np.zeros(n, dtype=U64)
    governs_content = np.zeros(n, dtype=bool)
    for depth in range(1, ANCESTOR_DEPTH + 1):
        parent = a.head[current]
        valid &= parent != current
        hit = valid & is_cue[parent] & (through == NONE)
        through[hit] = a.dep[current][hit]
        depth_found[hit] = min(depth, 3)
        governs_content[parent[valid & is_content]] = True
        current = np.where(valid, parent, current)
    add(through, depth_found, role)
    add(U64(1) * governs_content, role, a.cue)
    # Quotes with a tagged cue beside them.
    beside = np.zeros(n, dtype=U64)
    for start, end in a.quotes:
        near = [i for i in range(max(start - 6, 0), min(end + 6, n)) if not start <= i < end]
        beside[start:end] = 1 + int(is_cue[near].any()) if near else 1
    add(beside, role)
    sent_content = np.bincount(a.sent, weights=is_content.astype(float), minlength=a.n_sents) > 0
    previous = np.zeros(a.n_sents, dtype=U64)
    previous[1:] = sent_content[:-1]
    add(previous[a.sent], np.minimum(sent_cues[a.sent], 2).astype(U64), a.inq, role)
    return hashes.matrix()
