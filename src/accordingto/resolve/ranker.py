"""A learned mention-ranking resolver: for a mention ("he", "the former mayor", "Marcus"), the earlier markable
it refers back to, or none.

Every (mention, candidate) pair is described by conjunctions of a few dozen properties — distance in sentences
and paragraphs, the candidate's form, kind and syntactic role, number and gender agreement (with the gender the
article's own pronouns give a name), whether the candidate speaks (and how recently, which is how an exchange
alternates between two speakers), whether it is named inside the mention's own quotation or content, name
matching ("Marcus" → "David Marcus"), and whether a description repeats a head, a title or an apposition given
earlier ("X, the former mayor" … "the former mayor"). Each conjunction is hashed into one weight table; a
candidate's score is the sum of its weights, and "no antecedent" is scored by the mention's own properties. The
weights are learned on GUM's gold coreference (``train/resolver.py``) by averaged perceptrons that rank the
best-scoring true antecedent above everything else.

A mention is then resolved to a *participant*, not to its single best candidate: its best candidates vote for the
participants they were resolved to (``DocumentResolver``), so one wrong link in a chain of "he"s does not decide.

Scoring needs no Python loop over templates: each is one vectorised hash over the (mention, candidate) pairs of
many mentions at once (``feature_rows``), from the arrays of ``resolve.markables``.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Span

from ..clauses import SUBJECT_DEPS
from ..errors import ModelError
from .markables import FORMS, GENDERS, KINDS, Markables, find_markables, pronoun_base
from .names import names_match

logger = logging.getLogger(__name__)

U64 = np.uint64
# Bump when the features change: weights trained on other features must not load.
FEATURE_VERSION = 3
DEFAULT_BITS = 18
WINDOW_SENTENCES = 6  # every markable this close is a candidate; further back, the latest of each name or head
MAX_CANDIDATES = 60
DEFAULT_TEMPERATURE = 40.0
DEFAULT_TOP = 6
WEIGHTS_PATH = Path(__file__).parent / "weights" / "mention-ranker.npz"

PRONOUN, NAME, DESCRIPTION = (FORMS.index(form) for form in ("pronoun", "name", "description"))
PERSON = KINDS.index("person")
# The pronouns whose forward reference ``DocumentResolver.fronted_subject`` follows, with their gender.
_GENDERED_PRONOUNS = {"he": "masc", "she": "fem"}
_MUL = U64(0x9E3779B97F4A7C15)
_MUL2 = U64(0xC2B2AE3D27D4EB4F)


Values = tuple[np.ndarray | np.generic | int, ...]


def _seed(template: int) -> np.uint64:
    return U64((template + 1) * 0x9E3779B97F4A7C15 % (1 << 64))


def _mix(template: int, *values: np.ndarray | np.generic | int) -> tuple[int, Values]:
    """A feature template: its id and the per-pair values it conjoins, hashed by ``_hash_columns``."""
    return template, values


def _hash_columns(templates: Sequence[tuple[int, Values]], length: int) -> np.ndarray:
    """``(length, len(templates))`` stable 64-bit hashes of each template id with its values, pair by pair
    (uint64 arithmetic wraps by design). The templates of one arity are hashed together, as one array: a call
    per template cost more than the arithmetic for the few dozen pairs of a mention."""
    result = np.empty((length, len(templates)), dtype=U64)
    by_arity: dict[int, list[int]] = {}
    for column, (_, conjoined) in enumerate(templates):
        by_arity.setdefault(len(conjoined), []).append(column)
    with np.errstate(over="ignore"):
        for arity, columns in by_arity.items():
            h = np.repeat(np.asarray([_seed(templates[c][0]) for c in columns], dtype=U64)[:, None], length, axis=1)
            values = np.empty((len(columns), length), dtype=U64)
            for position in range(arity):
                for row, c in enumerate(columns):
                    value = templates[c][1][position]
                    # Assignment broadcasts and wraps negative values as ``astype`` does.
                    values[row] = value if isinstance(value, np.ndarray) else np.asarray(value).astype(U64)
                h = (h ^ values) * _MUL
                h = h ^ (h >> U64(31))
            h = h * _MUL2
            result[:, columns] = (h ^ (h >> U64(29))).T
    return result


def _bucket(values: np.ndarray, edges: tuple[int, ...]) -> np.ndarray:
    """The index of the first edge each value is at most (len(edges) beyond the last)."""
    return np.searchsorted(np.asarray(edges), values, side="left").astype(np.int64)


SENTENCE_EDGES = (0, 1, 2, 3, 5, 8, 15)
MARKABLE_EDGES = (0, 1, 2, 4, 9, 19)


def candidates(markables: Markables, k: int) -> np.ndarray:
    """The markables ``k`` may refer back to: all those in the last few sentences, and further back the latest
    mention of each name and each description head. A name only looks at earlier names that share a word with
    it or match it (an acronym, an alias): no other name is the same participant."""
    arrays = markables.arrays
    mention = markables.mentions[k]
    before = np.arange(k)
    # A markable inside the mention ("his" in "his brother") is not its antecedent.
    before = before[(arrays["head"][:k] < mention.start) | (arrays["head"][:k] >= mention.end)]
    if int(arrays["form"][k]) == NAME:
        before = before[arrays["form"][before] == NAME]
        related = [j for j in before.tolist() if _name_relation(markables, k, j) in (1, 2, 3)]
        return np.asarray(related[-MAX_CANDIDATES:], dtype=np.int64)
    far = arrays["sentence"][before] < arrays["sentence"][k] - WINDOW_SENTENCES
    # Further back, the latest of each name or head (pronouns have none): the first of each key read backwards.
    keys = markables.candidate_keys[before[far]]
    backwards = keys[::-1]
    _, first = np.unique(backwards, return_index=True)
    latest = np.sort(before[far][len(keys) - 1 - first[backwards[first] >= 0]])
    chosen = np.concatenate([latest, before[~far]]).astype(np.int64)
    return chosen[-MAX_CANDIDATES:]


def _name_relation(markables: Markables, k: int, j: int) -> int:
    """0: not two names; 1 the same words; 2 compatible (surname, acronym, alias); 3 sharing a word; 4 unrelated."""
    first, second = markables.names[k], markables.names[j]
    if not first or not second:
        return 0
    if first == second:
        return 1
    person = PERSON in {int(markables.arrays["kind"][k]), int(markables.arrays["kind"][j])}
    return _related_names(first, second, person)


@functools.lru_cache(maxsize=16384)
def _related_names(first: tuple[str, ...], second: tuple[str, ...], person: bool) -> int:
    if names_match(list(first), list(second), person):
        return 2
    return 3 if set(first) & set(second) else 4


def _description_relation(markables: Markables, k: int, j: int) -> tuple[int, int]:
    """(head relation, modifier relation) of a description to a candidate: the same head (1), the head as the
    candidate's title, apposition or predicate (2), or neither (0); and whether the description's other words
    all (2), some (1) or none (0) occur in the candidate (3: it has no other words)."""
    lemma = markables.lemmas[k]
    head = 1 if markables.lemmas[j] == lemma else 0
    if not head and lemma in markables.role_words[j]:
        head = 2
    words = markables.words[k] - {lemma}
    if not words:
        return head, 3
    shared = len(words & (markables.words[j] | markables.role_words[j]))
    return head, 2 if shared == len(words) else 1 if shared else 0


def _speaker_ranks(markables: Markables, k: int, cands: np.ndarray) -> np.ndarray:
    """For each candidate that is an attribution's source: 1 if it is the latest speaker before the mention,
    2 the one before (the other side of an exchange), 3 earlier; 0 for candidates that do not speak. Speakers
    are told apart by their words (a pronoun speaker counts as its own)."""
    keys = markables.speaker_keys
    order: list[int] = []
    for j in range(k - 1, -1, -1):
        if keys[j] >= 0 and keys[j] not in order:
            order.append(keys[j])
            if len(order) >= 3:
                break
    ranks = np.zeros(len(cands), dtype=np.int64)
    for n, j in enumerate(cands.tolist()):
        if keys[j] >= 0:
            ranks[n] = order.index(keys[j]) + 1 if keys[j] in order else 3
    return ranks


def _next_speaker(markables: Markables, k: int, cands: np.ndarray) -> np.ndarray:
    """1 for candidates whose name is that of the next speaker in the mention's paragraph (a write-up that
    names who answers next says who did not say this)."""
    arrays = markables.arrays
    paragraph = arrays["paragraph"][k]
    key: str | None = None
    for j in range(k + 1, len(markables)):
        if arrays["paragraph"][j] != paragraph:
            break
        if arrays["source"][j] and markables.names[j]:
            key = markables.names[j][-1]
            break
    if key is None:
        return np.zeros(len(cands), dtype=np.int64)
    return np.asarray([int(bool(markables.names[j]) and markables.names[j][-1] == key) for j in cands.tolist()])


def _candidate_gender(arrays: dict[str, np.ndarray], cands: np.ndarray) -> np.ndarray:
    """A candidate's gender: its own (pronoun, honorific, noun) or else the article's he/she after its name."""
    own = arrays["gender"][cands]
    return np.where(own > 0, own, arrays["name_gender"][cands])


GROUP_KINDS = [KINDS.index(kind) for kind in ("group", "organization", "government", "media")]
INANIMATE_EXCLUDED = [KINDS.index(kind) for kind in ("person", "group")]
# Pronoun codes, in the order of markables.PRONOUN_BASES.
HE, SHE, IT, THEY, WE, FIRST_PERSON, SECOND_PERSON = range(1, 8)


def _speech_participants(arrays: dict[str, np.ndarray], k: int, cands: np.ndarray) -> np.ndarray:
    """Which candidates a third-person pronoun cannot refer back to: an "I" or "you" outside quotation marks,
    where the pronoun is outside them too. Outside quotes "I" and "you" are the writer and the reader, or in an
    interview transcript the two sides of the conversation, and "she" is neither ("Isabel and I met in
    college, like she said": she is Isabel); inside a quote, "I" is its speaker, whom the text may then call
    "she" (a decoding constraint: the perceptron, which weighs agreement as one feature among many, followed
    such "I"s to whoever the interviewer's questions named)."""
    if arrays["pronoun"][k] not in (HE, SHE, IT, THEY) or arrays["quote"][k] >= 0:
        return np.zeros(len(cands), dtype=bool)
    result: np.ndarray = (
        np.isin(arrays["pronoun"][cands], (FIRST_PERSON, SECOND_PERSON))
        & (arrays["quote"][cands] < 0)
        & (arrays["paragraph"][cands] == arrays["paragraph"][k])
    )
    return result


def compatible(arrays: dict[str, np.ndarray], ks: np.ndarray, cands: np.ndarray) -> np.ndarray:
    """Which candidates agree with their mention in number, gender and animacy, as far as the parse can tell:
    "he"/"she" a single person or a name of no other gender, "it" a single non-person, "they"/"we" a plural
    or a body of people; a name or description, the same number."""
    code = arrays["pronoun"][ks]
    number, kind, form = arrays["number"][cands], arrays["kind"][cands], arrays["form"][cands]
    gender = _candidate_gender(arrays, cands)
    animate = (kind == PERSON) | ((kind == KINDS.index("unknown")) & (form != DESCRIPTION))
    personal = (number == 0) & animate & ((gender == 0) | (gender == arrays["gender"][ks]))
    neuter = (number == 0) & ~np.isin(kind, INANIMATE_EXCLUDED)
    plural = (number == 1) | np.isin(kind, GROUP_KINDS)
    result: np.ndarray = np.select(
        [(code == HE) | (code == SHE), code == IT, (code == THEY) | (code == WE)],
        [personal, neuter, plural],
        default=number == arrays["number"][ks],
    )
    return result


def _ranks_from_end(flags: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Within each group of pairs (one mention's candidates, in text order): 1 for the latest flagged
    candidate, 2 the one before, ... (capped at 4); 0 where not flagged."""
    flagged = flags.astype(np.int64)
    if not len(flagged):
        return flagged
    from_here = np.r_[np.cumsum(flagged[::-1])[::-1], 0]  # flagged pairs from each one to the very end
    starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
    ends = np.r_[starts[1:], len(groups)].astype(np.int64)
    group_end = np.repeat(ends, ends - starts)
    return np.where(flagged > 0, np.minimum(from_here[:-1] - from_here[group_end], 4), 0)


def pair_features(markables: Markables, ks: np.ndarray, cands: np.ndarray) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """``(pairs, n_templates)`` feature hashes of mentions ``ks[i]`` with candidates ``cands[i]`` (the pairs of
    one mention contiguous, its candidates in text order), and the relations of each pair that say whether a
    mention has an antecedent at all (``names``, ``heads``, ``nearby``: an agreeing name two sentences back at
    most). Features of
    many mentions are computed together: a template costs one vectorised hash however many pairs there are."""
    a = markables.arrays
    n = len(cands)
    groups = ks
    t = a["type"][ks]
    sentence_distance = _bucket(a["sentence"][ks] - a["sentence"][cands], SENTENCE_EDGES)
    near = np.minimum(sentence_distance, 3)
    markable_distance = _bucket(ks - cands - 1, MARKABLE_EDGES)
    paragraph_distance = np.minimum(a["paragraph"][ks] - a["paragraph"][cands], 3)
    form, kind, pronoun = a["form"][cands], a["kind"][cands], a["pronoun"][cands]
    form_k = a["form"][ks]
    subject, source = a["subject"][cands], a["source"][cands]
    quote_k, quote_c = a["quote"][ks], a["quote"][cands]
    quote_relation = np.where(
        quote_c == quote_k, np.where(quote_c < 0, 0, 1), np.where(quote_k < 0, 2, np.where(quote_c < 0, 3, 4))
    )
    in_content = a["in_content"][cands].astype(bool)
    # The candidate lies in the content of an attribution the mention is the source of.
    in_own_content = np.fromiter(
        (
            bool(in_content[i]) and not markables.contents[c].isdisjoint(markables.sources[k])
            for i, (k, c) in enumerate(zip(ks.tolist(), cands.tolist(), strict=True))
        ),
        dtype=bool,
        count=n,
    )
    number_agrees = (a["number"][cands] == a["number"][ks]).astype(np.int64)
    gender_relation = a["gender"][ks] * 4 + _candidate_gender(a, cands)
    frequency = _bucket(a["frequency"][cands], (1, 2, 5, 10))
    same_governor = (a["governor"][cands] == a["governor"][ks]) & (a["sentence"][cands] == a["sentence"][ks])
    overlap = (a["end"][cands] > a["start"][ks]).astype(np.int64)
    m_source, m_quote = a["source"][ks], (quote_k >= 0).astype(np.int64)
    names = np.zeros(n, dtype=np.int64)
    heads = np.zeros(n, dtype=np.int64)
    modifiers = np.zeros(n, dtype=np.int64)
    # The mention is the candidate's apposition or predicate: one participant, says the parse.
    syntax = ((a["linked_head"][ks] == a["head"][cands]) & (form_k == DESCRIPTION)).astype(np.int64)
    ranks = np.zeros(n, dtype=np.int64)
    next_speaker = np.zeros(n, dtype=np.int64)
    bounds = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1], True]) if n else np.zeros(1, dtype=np.int64)
    for low, high in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        k = int(ks[low])
        group = cands[low:high]
        ranks[low:high] = _speaker_ranks(markables, k, group)
        next_speaker[low:high] = _next_speaker(markables, k, group)
        if markables.names[k]:
            for i, j in enumerate(group.tolist(), start=low):
                names[i] = _name_relation(markables, k, j)
        if form_k[low] == DESCRIPTION:
            for i, j in enumerate(group.tolist(), start=low):
                heads[i], modifiers[i] = _description_relation(markables, k, j)
    lexical = np.where(form_k != PRONOUN, a["lemma"][ks], U64(0))
    agrees = compatible(a, ks, cands)
    named_rank = _ranks_from_end(agrees & (form == NAME), groups)
    agreeing_rank = _ranks_from_end(agrees, groups)
    subject_rank = _ranks_from_end(agrees & (subject == 1), groups)
    keyed = a["name_key"][cands]
    pair_keys = groups * (len(markables) + 1) + keyed
    _, inverse, counts = np.unique(pair_keys, return_inverse=True, return_counts=True)
    name_count = np.where(keyed > 0, np.minimum(counts[inverse], 5), 0)
    # Pronouns like the mention's between the candidate and it: a participant the text keeps referring to as
    # "he" since it was named is the likely "he" (the chain the rules of centering follow).
    code_k = a["pronoun"][ks]
    run = _bucket(
        markables.pronoun_counts[code_k, ks] - markables.pronoun_counts[code_k, np.minimum(cands + 1, ks)],
        (0, 1, 2, 5),
    )
    run = np.where((form_k == PRONOUN) & (code_k > 0), run, 0)
    # The rules' choice (stacking), for the source pronouns they were asked about: 2 a candidate of the entity
    # they chose, 1 any other candidate of such a mention, 0 no answer from the rules.
    rules = np.zeros(n, dtype=np.int64)
    for low, high in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        links = markables.rules_links.get(int(ks[low]))
        if links is not None:
            chose = np.fromiter((c in links for c in cands[low:high].tolist()), dtype=bool, count=high - low)
            rules[low:high] = np.where(chose, 2, 1)
    columns = [
        _mix(46, t, rules),
        _mix(47, t, rules, near),
        _mix(48, t, rules, source, subject),
        _mix(49, t, rules, agreeing_rank),
        _mix(43, t, run, form, subject),
        _mix(44, t, run, named_rank),
        _mix(37, t, agrees, form),
        _mix(38, t, named_rank, subject),
        _mix(39, t, agreeing_rank, form),
        _mix(40, t, subject_rank, source),
        _mix(41, t, name_count, agrees),
        _mix(42, t, named_rank, near),
        _mix(1, t, form, kind, pronoun),
        _mix(2, t, sentence_distance),
        _mix(3, t, markable_distance),
        _mix(4, t, sentence_distance, form),
        _mix(5, t, paragraph_distance),
        _mix(6, t, subject, near),
        _mix(7, t, a["dep"][cands]),
        _mix(8, t, source, near),
        _mix(9, t, ranks),
        _mix(10, t, m_source, ranks, m_quote, gender_relation),
        _mix(11, t, quote_relation),
        _mix(12, t, in_own_content),
        _mix(13, t, in_content, m_quote),
        _mix(14, t, number_agrees, form),
        _mix(15, t, gender_relation),
        _mix(16, t, kind, a["number"][cands]),
        _mix(17, t, a["label"][cands]),
        _mix(18, t, pronoun == code_k, near),
        _mix(19, t, frequency),
        _mix(20, t, same_governor, a["dep"][ks]),
        _mix(21, t, overlap),
        _mix(22, t, names, form),
        _mix(23, t, names, kind, a["kind"][ks]),
        _mix(24, t, heads, form),
        _mix(25, t, heads, modifiers, form),
        _mix(26, t, lexical, a["label"][cands], form),
        _mix(27, t, lexical, kind),
        _mix(28, t, syntax),
        _mix(29, t, m_source, source, near, subject),
        _mix(30, t, pronoun, m_quote, quote_c >= 0),
        _mix(31, t, a["definite"][cands], form),
        _mix(32, t, sentence_distance, subject, source),
        _mix(33, t, a["dep"][ks], form),
        _mix(34, t, kind, a["kind"][ks], heads),
        _mix(35, t, next_speaker, form),
        _mix(36, t, frequency, sentence_distance),
        _mix(45, t, a["governor_lemma"][ks], kind),
    ]
    nearby = agrees & (form == NAME) & (sentence_distance <= 2)
    return _hash_columns(columns, n), {"names": names, "heads": heads, "nearby": nearby.astype(np.int64)}


def new_features(markables: Markables, ks: np.ndarray, evidence: dict[str, np.ndarray]) -> np.ndarray:
    """``(len(ks), n)`` feature hashes of "no antecedent" for mentions ``ks`` (the first mention of a
    participant, or a mention that is not a participant: "it is raining"), given what their candidates offer:
    the closest name relation, the closest head relation of a description, agreeing names nearby."""
    a = markables.arrays
    t = a["type"][ks]
    lexical = np.where(a["form"][ks] != PRONOUN, a["lemma"][ks], U64(0))
    # Whether the rules were asked and found an antecedent (2) or none (1).
    rules = np.asarray(
        [0 if k not in markables.rules_links else 2 if markables.rules_links[k] else 1 for k in ks.tolist()],
        dtype=np.int64,
    )
    columns = [
        _mix(114, t, rules),
        _mix(101, t),
        _mix(102, t, a["dep"][ks]),
        _mix(103, t, a["definite"][ks], a["kind"][ks]),
        _mix(104, t, lexical),
        _mix(105, t, evidence["best_name"]),
        _mix(106, t, evidence["best_head"]),
        _mix(107, t, a["sentence"][ks] == 0),
        _mix(108, t, a["quote"][ks] >= 0, a["source"][ks]),
        _mix(109, t, _bucket(a["frequency"][ks], (1, 2, 5, 10))),
        # What the mention does: "it said" refers to someone, "it is likely that" to no one.
        _mix(111, t, a["governor_lemma"][ks], a["dep"][ks]),
        _mix(112, t, _bucket(evidence["nearby"], (0, 1, 2))),
        _mix(113, t, evidence["best_head"], a["source"][ks]),
    ]
    return _hash_columns(columns, len(ks))


def feature_rows(markables: Markables, ks: Sequence[int], bits: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """For each mention in ``ks``: its candidates and the ``(len(candidates) + 1, n_templates)`` weight rows of
    its options (each candidate, then "no antecedent", padded with row 0, which is never trained)."""
    groups = [candidates(markables, k) for k in ks]
    sizes = np.asarray([len(group) for group in groups], dtype=np.int64)
    pair_ks = np.repeat(np.asarray(ks, dtype=np.int64), sizes)
    pair_cands = np.concatenate(groups) if len(groups) else np.zeros(0, dtype=np.int64)
    pairs, relations = pair_features(markables, pair_ks, pair_cands.astype(np.int64))
    offsets = np.r_[0, np.cumsum(sizes)]
    per_mention = [slice(offsets[i], offsets[i + 1]) for i in range(len(ks))]
    # The closest relation any candidate has: 1 (same name or head) is closer than 2 (title, alias) or 3.
    evidence = {
        "best_name": np.asarray(
            [min((r for r in relations["names"][p].tolist() if r), default=0) for p in per_mention]
        ),
        "best_head": np.asarray(
            [min((r for r in relations["heads"][p].tolist() if r), default=0) for p in per_mention]
        ),
        "nearby": np.asarray([int(relations["nearby"][p].sum()) for p in per_mention], dtype=np.int64),
    }
    new = new_features(markables, np.asarray(ks, dtype=np.int64), evidence)
    shift = U64(64 - bits)
    pair_rows = np.maximum((pairs >> shift).astype(np.int64), 1)
    new_rows = np.maximum((new >> shift).astype(np.int64), 1)
    result = []
    for i, group in enumerate(groups):
        rows = np.zeros((len(group) + 1, pairs.shape[1]), dtype=np.int64)
        rows[:-1] = pair_rows[offsets[i] : offsets[i + 1]]
        rows[-1, : new.shape[1]] = new_rows[i]
        result.append((group, rows))
    return result


@dataclass
class MentionRanker:
    """The weights of the mention-ranking model (one table of hashed feature weights), and how its scores
    vote: the ``top`` best candidates of a mention, each with its softmax share at ``temperature``."""

    weights: np.ndarray
    temperature: float = DEFAULT_TEMPERATURE
    top: int = DEFAULT_TOP

    @property
    def bits(self) -> int:
        return int(self.weights.shape[0]).bit_length() - 1

    def scores(self, rows: np.ndarray) -> np.ndarray:
        return self.weights[rows].sum(axis=1, dtype=np.float32)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        nonzero = np.flatnonzero(self.weights)
        np.savez_compressed(
            path,
            rows=nonzero.astype(np.uint32),
            values=self.weights[nonzero].astype(np.float16),
            bits=np.array(self.bits, dtype=np.int32),
            temperature=np.array(self.temperature, dtype=np.float32),
            top=np.array(self.top, dtype=np.int32),
            feature_version=np.array(FEATURE_VERSION, dtype=np.int32),
        )

    @classmethod
    def load(cls, path: Path | str) -> MentionRanker:
        try:
            with np.load(path) as data:
                version = int(data["feature_version"])
                if version != FEATURE_VERSION:
                    raise ModelError(
                        f"{path}: the resolver's weights were trained with feature version {version}, this code "
                        f"computes version {FEATURE_VERSION}: retrain with `accordingto train-resolver`"
                    )
                weights = np.zeros(1 << int(data["bits"]), dtype=np.float32)
                weights[data["rows"]] = data["values"].astype(np.float32)
                temperature, top = float(data["temperature"]), int(data["top"])
        except (OSError, KeyError, ValueError) as error:
            raise ModelError(f"cannot load the resolver's weights from {path}: {error}") from error
        return cls(weights, temperature, top)


@functools.cache
def shipped_ranker() -> MentionRanker:
    """The weights that ship with the package, loaded once per process."""
    return MentionRanker.load(WEIGHTS_PATH)


@dataclass
class Resolution:
    """What the resolver says about one mention (markable indices; None: no antecedent)."""

    mention: int
    antecedent: int | None  # the best-scoring earlier markable of the participant chosen
    name: int | None  # the markable whose name the participant is shown by (its fullest name)


@dataclass
class DocumentResolver:
    """Resolves mentions of one document on demand, each at most once.

    A mention goes to the *participant* its likeliest candidates stand for, not just to its single best
    candidate: each candidate's score (a softmax at ``temperature``) is a vote for the participant that
    candidate was itself resolved to (a name, or the name its own chain reaches), so five earlier "he"s that
    stand for Byron outvote one nearer name; "no antecedent" wins only against every participant's total.
    """

    markables: Markables
    model: MentionRanker
    _scored: dict[int, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    _resolved: dict[int, Resolution] = field(default_factory=dict)
    _groups: dict[int, int] | None = None

    def score(self, ks: Sequence[int]) -> None:
        """Score the candidates of every markable in ``ks`` not scored yet, all together."""
        todo = [k for k in dict.fromkeys(ks) if k not in self._scored]
        if todo:
            for k, (cands, rows) in zip(todo, feature_rows(self.markables, todo, self.model.bits), strict=True):
                scores = self.model.scores(rows)
                scores[:-1][_speech_participants(self.markables.arrays, k, cands)] = -np.inf
                self._scored[k] = (cands, scores)

    def scores(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Candidates of markable ``k`` and their scores (the last score is "no antecedent")."""
        self.score([k])
        return self._scored[k]

    def antecedent(self, k: int) -> int | None:
        """The best-scoring earlier markable for markable ``k``, or None when "no antecedent" scores best."""
        cands, scores = self.scores(k)
        best = int(scores.argmax())
        return int(cands[best]) if best < len(cands) else None

    def shown_name(self, k: int) -> int:
        """For name ``k``: the fullest name among the names the model joins with it, earlier and later
        ("David Marcus" for "Marcus")."""
        if self._groups is None:
            names = [j for j in range(len(self.markables)) if self.markables.arrays["form"][j] == NAME]
            self.score(names)
            parent = {j: j for j in names}

            def root(j: int) -> int:
                while parent[j] != j:
                    parent[j] = parent[parent[j]]
                    j = parent[j]
                return j

            for j in names:
                linked = self.antecedent(j)
                if linked is not None:
                    parent[root(j)] = root(linked)
            fullest: dict[int, int] = {}
            for j in names:
                group = root(j)
                known = fullest.get(group)
                if known is None or len(self.markables.names[j]) > len(self.markables.names[known]):
                    fullest[group] = j
            self._groups = {j: fullest[root(j)] for j in names}
        return self._groups[k]

    def best_candidate(self, k: int) -> int | None:
        """The best-scoring earlier markable for markable ``k`` even where "no antecedent" scores higher: for a
        mention known to refer back (None: no candidate it may refer to)."""
        cands, scores = self.scores(k)
        if not len(cands) or not np.isfinite(scores[:-1]).any():
            return None
        return int(cands[int(scores[:-1].argmax())])

    def best_chains(
        self, ks: Sequence[int], placed: Callable[[int], bool], referring: Collection[int] = ()
    ) -> dict[int, list[int]]:
        """For each markable in ``ks``: its best-scoring antecedent, that one's, and so on, until one is
        ``placed`` (known to the caller) or has none; each step of all the chains scored in one batch. What the
        pipeline asks: cheaper than the participants' vote, which scores every name and every voter's
        voters. A chain owner in ``referring`` is known to refer back: neither it nor a pronoun on its chain
        stops at "no antecedent" (a description on the chain still may: "the island" may be its first
        mention)."""
        chains: dict[int, list[int]] = {k: [] for k in ks}
        frontier = {k: k for k in ks}  # chain owner -> the markable whose antecedent is wanted next
        while frontier:
            self.score(list(frontier.values()))
            following: dict[int, int] = {}
            for owner, j in frontier.items():
                # A pronoun on the way refers as much as the one that owns the chain ("It said … it added"); so
                # does a "he" or "she" on any chain, which always stands for someone named or described before
                # ("She was the first woman to win it": the description leads to the "she", and through it to the
                # woman, where the model's "no antecedent" for the "she" had left the description unresolved).
                refers = (owner in referring and (j == owner or self.markables.arrays["form"][j] == PRONOUN)) or (
                    j != owner and self._gendered(j)
                )
                best = self.linked_subject(j)
                if best is None:
                    best = self.fronted_subject(j)
                if best is None:
                    best = self.best_candidate(j) if refers else self.antecedent(j)
                if best is None or best in chains[owner]:
                    continue
                chains[owner].append(best)
                if not placed(best):
                    following[owner] = best
            frontier = following
        return chains

    def _gendered(self, j: int) -> bool:
        """Whether markable ``j`` is a "he" or a "she" (any case: "him", "her", "his")."""
        if self.markables.arrays["form"][j] != PRONOUN:
            return False
        return pronoun_base(self.markables.doc[self.markables.mentions[j].head].lower_) in _GENDERED_PRONOUNS

    def linked_subject(self, k: int) -> int | None:
        """For a description that is the predicate or the apposition of an earlier markable ("Phoenix is *the
        sixth largest city*", "Smith, *the former mayor*"): that markable, which the parse says is the same
        participant. A chain reaching such a description had stopped there where the description scored "no
        antecedent" (a description is often a first mention), and "it" kept the rules' nearer place."""
        arrays = self.markables.arrays
        if arrays["form"][k] != DESCRIPTION or arrays["linked_head"][k] < 0:
            return None
        j = self.markables.by_head.get(int(arrays["linked_head"][k]))
        return j if j is not None and j < k else None

    def fronted_subject(self, k: int) -> int | None:
        """For a "he" or "she" inside a clause fronted before its sentence's subject ("Asked whether *he* had any
        regrets, Fonoti paused"; "When *she* reached the podium, Lena Ortiz thanked …"): that subject, a later
        markable the pronoun points forward to (cataphora: the fronted clause is about the main clause's
        subject). A mention-ranking model links backwards only, and had linked such a pronoun to the latest "he"
        before it, carrying the chain of the "he said" after it to the speaker quoted before (anon28). Not a
        subject that is a pronoun, nor one of the other gender."""
        arrays = self.markables.arrays
        if arrays["form"][k] != PRONOUN:
            return None
        token = self.markables.doc[self.markables.mentions[k].head]
        gender = _GENDERED_PRONOUNS.get(token.lower_)
        if gender is None:
            return None
        clause = token
        while clause.dep_ != "advcl" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "advcl" or clause.head.dep_ != "ROOT":
            return None
        subject = next((c for c in clause.head.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.i <= clause.right_edge.i:
            return None  # the clause is not fronted: "Lee left before he …" is the pronoun's own business
        j = self.markables.by_head.get(subject.i)
        if j is None or arrays["form"][j] == PRONOUN or GENDERS[arrays["gender"][j]] not in {None, gender}:
            return None
        return j

    def apposed_name(self, k: int) -> int | None:
        """The name a description is in apposition with, written after it ("The employers' spokesman, James
        Hill"): the parse says they are one participant, and the name comes too late to be a candidate."""
        head = self.markables.doc[self.markables.mentions[k].head]
        for child in head.children:
            j = self.markables.by_head.get(child.i)
            if child.dep_ == "appos" and j is not None and self.markables.arrays["form"][j] == NAME:
                return j
        return None

    def voters(self, k: int) -> list[int]:
        """Positions (in ``scores(k)``) of the candidates that vote for markable ``k``: the best-scoring few; for
        a pronoun that is an attribution's source, the best one alone. Measured on GUM (dev, and train by
        cross-validation), the vote helps pronouns at large, where the participant mentioned most is the
        likely one, but costs source pronouns a third of their right answers: in an exchange, the speaker
        who answers is not the one the text mentions most."""
        cands, scores = self.scores(k)
        arrays = self.markables.arrays
        top = 1 if arrays["source"][k] and arrays["form"][k] == PRONOUN else self.model.top
        return np.argsort(-scores[:-1], kind="stable")[:top].tolist()

    def tell_rules(self, k: int, links: Iterable[int]) -> None:
        """What the rules chose for markable ``k`` (the markables of their entity; none: no antecedent), a
        feature of its options: scored again if it was scored without it."""
        self.markables.rules_links[k] = frozenset(links)
        self._scored.pop(k, None)
        self._resolved.pop(k, None)

    def resolve(self, k: int) -> Resolution:
        """The participant markable ``k`` refers to."""
        return self.resolve_all([k])[0]

    def resolve_all(self, ks: Sequence[int]) -> list[Resolution]:
        """The participants markables ``ks`` refer to. The earlier markables their votes depend on are found
        step by step back (each step scored in one batch) and resolved first, in text order."""
        needed: set[int] = set()
        arrays = self.markables.arrays
        frontier = list(ks)
        while frontier:
            self.score([j for j in frontier if arrays["form"][j] != NAME])
            following: list[int] = []
            for j in frontier:
                if j in needed or j in self._resolved:
                    continue
                needed.add(j)
                if arrays["form"][j] != NAME:
                    cands, _ = self._scored[j]
                    following.extend(int(cands[i]) for i in self.voters(j) if arrays["form"][cands[i]] != NAME)
            frontier = following
        for j in sorted(needed):
            self._resolved[j] = self._resolve_one(j)
        return [self._resolved[k] for k in ks]

    def _resolve_one(self, k: int) -> Resolution:
        arrays = self.markables.arrays
        if arrays["form"][k] == NAME:
            return Resolution(k, self.antecedent(k), self.shown_name(k))
        named = self.apposed_name(k)
        if named is not None:
            return Resolution(k, named, self.shown_name(named))
        cands, scores = self.scores(k)
        weights = np.exp((scores - scores.max()) / self.model.temperature)
        weights /= weights.sum()
        votes: dict[object, float] = {}
        best_of: dict[object, int] = {}
        for i in self.voters(k):
            j = int(cands[i])
            name = self.shown_name(j) if arrays["form"][j] == NAME else self._resolved[j].name
            participant: object = name if name is not None else ("unnamed", j)
            votes[participant] = votes.get(participant, 0.0) + float(weights[i])
            best_of.setdefault(participant, j)  # voters come best first
        winner = max(votes, key=lambda p: votes[p], default=None)
        if winner is None or votes[winner] < weights[-1]:
            return Resolution(k, None, None)
        return Resolution(k, best_of[winner], winner if isinstance(winner, int) else None)


def resolve_mentions(
    markables: Markables, mentions: Iterable[int], model: MentionRanker | None = None
) -> list[Resolution]:
    """Resolve the given markables of one document (indices into ``markables``)."""
    return DocumentResolver(markables, model or shipped_ranker()).resolve_all(list(mentions))


@dataclass(frozen=True)
class SpanResolution:
    """The resolver's answer for a span of a document, as spans of it."""

    mention: Span  # the markable the span stands for (a relative pronoun's antecedent: "the agency, which")
    antecedent: Span | None  # the earlier markable it refers back to; None: a participant mentioned first here
    name: Span | None  # the proper name the participant is shown by (None: it has none)


def resolve_span(doc: Doc, start: int, end: int, resolver: DocumentResolver | None = None) -> SpanResolution | None:
    """Resolve the mention in tokens ``start:end`` of a parsed document (our pipeline's, with its
    attributions); None if the span holds no markable. Pass one ``DocumentResolver`` for many spans of the
    same document, so that its markables are found and its mentions resolved once."""
    resolver = resolver or DocumentResolver(find_markables(doc), shipped_ranker())
    markables = resolver.markables
    k = markables.find(start, end)
    if k is None:
        return None
    resolution = resolver.resolve(k)

    def span(j: int | None) -> Span | None:
        return None if j is None else doc[markables.mentions[j].start : markables.mentions[j].end]

    name = None
    if resolution.name is not None:
        named = markables.mentions[resolution.name]
        if named.name_start is not None and named.name_end is not None:
            name = doc[named.name_start : named.name_end]
    mention = span(k)
    assert mention is not None
    return SpanResolution(mention, span(resolution.antecedent), name)


__all__ = [
    "DocumentResolver",
    "MentionRanker",
    "Resolution",
    "SpanResolution",
    "candidates",
    "feature_rows",
    "find_markables",
    "resolve_mentions",
    "resolve_span",
    "shipped_ranker",
]
