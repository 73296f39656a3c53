"""A learned mention-ranking resolver: for a mention ("he", "the former mayor", "Marcus"), the earlier markable
it refers back to, or none.

Every (mention, candidate) pair is described by conjunctions of a few dozen properties — distance in sentences
and paragraphs, the candidate's form, kind and syntactic role, number and gender agreement (with the gender the
article's own pronouns give a name), whether the candidate speaks (and how recently, which is how an exchange
alternates between two speakers), whether it is named inside the mention's own quotation or content, name
matching ("Marcus" → "David Marcus"), and whether a description repeats a head, a title or an apposition given
earlier ("X, the former mayor" … "the former mayor"). Each conjunction is hashed into one weight table; a
candidate's score is the sum of its weights, and "no antecedent" is scored by the mention's own properties. The
weights are learned on GUM's gold coreference (``train/resolver.py``) by an averaged perceptron that ranks the
best-scoring true antecedent above everything else.

Scoring needs no Python loop over features: each template is one vectorised hash over the candidate arrays of
``resolve.markables``, so a mention costs a few dozen numpy operations whatever the number of candidates.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Span

from ..errors import ModelError
from .markables import FORMS, KINDS, Markables, find_markables
from .speakers import names_match

logger = logging.getLogger(__name__)

U64 = np.uint64
# Bump when the features change: weights trained on other features must not load.
FEATURE_VERSION = 1
DEFAULT_BITS = 18
WINDOW_SENTENCES = 6  # every markable this close is a candidate; further back, the latest of each name or head
MAX_CANDIDATES = 60
DEFAULT_TEMPERATURE = 20.0
DEFAULT_TOP = 6
WEIGHTS_PATH = Path(__file__).parent / "weights" / "mention-ranker.npz"

PRONOUN, NAME, DESCRIPTION = (FORMS.index(form) for form in ("pronoun", "name", "description"))
PERSON = KINDS.index("person")
_MUL = U64(0x9E3779B97F4A7C15)
_MUL2 = U64(0xC2B2AE3D27D4EB4F)


def _mix(template: int, *values: np.ndarray | np.generic | int) -> np.ndarray:
    """A stable 64-bit hash of a template id and per-candidate values (uint64 arithmetic wraps by design)."""
    with np.errstate(over="ignore"):
        h = np.asarray(U64((template + 1) * 0x9E3779B97F4A7C15 % (1 << 64)))
        for value in values:
            h = (h ^ np.asarray(value).astype(U64)) * _MUL
            h = h ^ (h >> U64(31))
        h = h * _MUL2
        return np.asarray(h ^ (h >> U64(29)), dtype=U64)


def _bucket(values: np.ndarray, edges: tuple[int, ...]) -> np.ndarray:
    """The index of the first edge each value is at most (len(edges) beyond the last)."""
    return np.searchsorted(np.asarray(edges), values, side="left").astype(np.int64)


SENTENCE_EDGES = (0, 1, 2, 3, 5, 8, 15)
MARKABLE_EDGES = (0, 1, 2, 4, 9, 19)


def anaphor_type(markables: Markables, k: int) -> int:
    """What kind of mention is resolved: the pronoun ("he"... as 1-7), a definite (11) or other (10)
    description, a name (20)."""
    arrays = markables.arrays
    form = int(arrays["form"][k])
    if form == PRONOUN:
        return int(arrays["pronoun"][k])
    if form == DESCRIPTION:
        return 10 + int(arrays["definite"][k])
    return 20


def candidates(markables: Markables, k: int) -> np.ndarray:
    """The markables ``k`` may refer back to: all those in the last few sentences, and further back the latest
    mention of each name and each description head; a name only looks at names."""
    arrays = markables.arrays
    mention = markables.mentions[k]
    before = np.arange(k)
    # A markable inside the mention ("his" in "his brother") is not its antecedent.
    before = before[(arrays["head"][:k] < mention.start) | (arrays["head"][:k] >= mention.end)]
    if int(arrays["form"][k]) == NAME:
        before = before[arrays["form"][before] == NAME]
    near = before[arrays["sentence"][before] >= arrays["sentence"][k] - WINDOW_SENTENCES]
    far = before[arrays["sentence"][before] < arrays["sentence"][k] - WINDOW_SENTENCES]
    latest: dict[object, int] = {}
    for j in far.tolist():
        form = int(arrays["form"][j])
        if form == PRONOUN:
            continue
        key = markables.names[j] if form == NAME else int(arrays["lemma"][j])
        latest[key] = j
    chosen = np.concatenate([np.asarray(sorted(latest.values()), dtype=np.int64), near])
    return chosen[-MAX_CANDIDATES:]


def _name_relation(markables: Markables, k: int, j: int) -> int:
    """0: not two names; 1 the same words; 2 compatible (surname, acronym, alias); 3 sharing a word; 4 unrelated."""
    first, second = markables.names[k], markables.names[j]
    if not first or not second:
        return 0
    if first == second:
        return 1
    person = PERSON in {int(markables.arrays["kind"][k]), int(markables.arrays["kind"][j])}
    if names_match(list(first), list(second), person):
        return 2
    return 3 if set(first) & set(second) else 4


def _description_relation(markables: Markables, k: int, j: int) -> tuple[int, int]:
    """(head relation, modifier relation) of a description to a candidate: the same head (1), the head as the
    candidate's title, apposition or predicate (2), or neither (0); and whether the description's other words
    all (2), some (1) or none (0) occur in the candidate."""
    mention = markables.mentions[k]
    lemma = markables.doc[mention.head].lemma_.lower()
    head = 1 if int(markables.arrays["lemma"][j]) == int(markables.arrays["lemma"][k]) else 0
    if not head and lemma in markables.role_words[j]:
        head = 2
    words = markables.words[k] - {lemma}
    if not words:
        return head, 3
    shared = len(words & (markables.words[j] | markables.role_words[j]))
    return head, 2 if shared == len(words) else 1 if shared else 0


def _syntactic_link(markables: Markables, k: int, j: int) -> int:
    """1 when the mention is the candidate's apposition ("Smith, the former mayor") or predicate ("Smith is the
    former mayor"): the parse itself says they are one participant."""
    doc = markables.doc
    head = doc[markables.mentions[k].head]
    other = markables.mentions[j].head
    if head.dep_ == "appos" and head.head.i == other:
        return 1
    if head.dep_ == "attr" and any(c.i == other and c.dep_ in {"nsubj", "nsubjpass"} for c in head.head.children):
        return 1
    return 0


def _speaker_ranks(markables: Markables, k: int, cands: np.ndarray) -> np.ndarray:
    """For each candidate that is an attribution's source: 1 if it is the latest speaker before the mention,
    2 the one before (the other side of an exchange), 3 earlier; 0 for candidates that do not speak. Speakers
    are told apart by their words (a pronoun speaker counts as its own)."""
    arrays = markables.arrays
    order: list[str] = []
    for j in range(k - 1, -1, -1):
        if arrays["source"][j]:
            key = markables.text(j).lower()
            if key not in order:
                order.append(key)
            if len(order) >= 3:
                break
    ranks = np.zeros(len(cands), dtype=np.int64)
    for n, j in enumerate(cands.tolist()):
        if arrays["source"][j]:
            key = markables.text(j).lower()
            ranks[n] = order.index(key) + 1 if key in order else 3
    return ranks


def _next_speaker(markables: Markables, k: int, cands: np.ndarray) -> np.ndarray:
    """1 for candidates whose name is that of the next speaker in the mention's paragraph (a write-up that
    names who answers next says who did not say this)."""
    arrays = markables.arrays
    paragraph = arrays["paragraph"][k]
    keys: set[str] = set()
    for j in range(k + 1, len(markables)):
        if arrays["paragraph"][j] != paragraph:
            break
        if arrays["source"][j] and markables.names[j]:
            keys = {markables.names[j][-1]}
            break
    if not keys:
        return np.zeros(len(cands), dtype=np.int64)
    return np.asarray([int(bool(markables.names[j]) and markables.names[j][-1] in keys) for j in cands.tolist()])


def _candidate_gender(arrays: dict[str, np.ndarray], cands: np.ndarray) -> np.ndarray:
    """A candidate's gender: its own (pronoun, honorific, noun) or else the article's he/she after its name."""
    own = arrays["gender"][cands]
    return np.where(own > 0, own, arrays["name_gender"][cands])


GROUP_KINDS = [KINDS.index(kind) for kind in ("group", "organization", "government", "media")]
INANIMATE_EXCLUDED = [KINDS.index(kind) for kind in ("person", "group")]
HE, SHE, IT, THEY, WE = range(1, 6)  # pronoun codes, in the order of markables.PRONOUN_BASES


def compatible(markables: Markables, k: int, cands: np.ndarray) -> np.ndarray:
    """Which candidates agree with mention ``k`` in number, gender and animacy, as far as the parse can tell:
    "he"/"she" a single person or a name of no other gender, "it" a single non-person, "they"/"we" a plural
    or a body of people; a name or description, the same number."""
    a = markables.arrays
    code = int(a["pronoun"][k])
    number, kind, form = a["number"][cands], a["kind"][cands], a["form"][cands]
    if code in (HE, SHE):
        gender = _candidate_gender(a, cands)
        animate = (kind == PERSON) | ((kind == KINDS.index("unknown")) & (form != DESCRIPTION))
        result: np.ndarray = (number == 0) & animate & ((gender == 0) | (gender == a["gender"][k]))
        return result
    if code == IT:
        return (number == 0) & ~np.isin(kind, INANIMATE_EXCLUDED)
    if code in (THEY, WE):
        return (number == 1) | np.isin(kind, GROUP_KINDS)
    return np.asarray(number == a["number"][k])


def _ranks_from_end(flags: np.ndarray) -> np.ndarray:
    """For flagged candidates, 1 for the latest, 2 the one before, ... (capped at 4); 0 where not flagged."""
    counts = np.cumsum(flags[::-1])[::-1]
    return np.where(flags, np.minimum(counts, 4), 0)


def pair_features(markables: Markables, k: int, cands: np.ndarray) -> np.ndarray:
    """``(len(cands), n_templates)`` feature hashes of mention ``k`` with each candidate."""
    a = markables.arrays
    t = anaphor_type(markables, k)
    n = len(cands)
    sentence_distance = _bucket(a["sentence"][k] - a["sentence"][cands], SENTENCE_EDGES)
    near = np.minimum(sentence_distance, 3)
    markable_distance = _bucket(k - cands - 1, MARKABLE_EDGES)
    paragraph_distance = np.minimum(a["paragraph"][k] - a["paragraph"][cands], 3)
    form, kind, pronoun = a["form"][cands], a["kind"][cands], a["pronoun"][cands]
    subject, source = a["subject"][cands], a["source"][cands]
    quote_k, quote_c = int(a["quote"][k]), a["quote"][cands]
    quote_relation = np.where(
        quote_c == quote_k, np.where(quote_c < 0, 0, 1), np.where(quote_k < 0, 2, np.where(quote_c < 0, 3, 4))
    )
    own = markables.sources[k]
    in_own_content = markables.content_of[own][:, cands].any(axis=0) if own else np.zeros(n, dtype=bool)
    in_content = markables.content_of[:, cands].any(axis=0) if len(markables.content_of) else np.zeros(n, dtype=bool)
    number_agrees = (a["number"][cands] == a["number"][k]).astype(np.int64)
    gender_k, gender_c = int(a["gender"][k]), _candidate_gender(a, cands)
    gender_relation = gender_k * 4 + gender_c
    frequency = _bucket(a["frequency"][cands], (1, 2, 5, 10))
    same_governor = (a["governor"][cands] == a["governor"][k]) & (a["sentence"][cands] == a["sentence"][k])
    overlap = (a["end"][cands] > a["start"][k]).astype(np.int64)
    ranks = _speaker_ranks(markables, k, cands)
    m_source, m_quote = int(a["source"][k]), int(a["quote"][k] >= 0)
    names = np.zeros(n, dtype=np.int64)
    heads = np.zeros(n, dtype=np.int64)
    modifiers = np.zeros(n, dtype=np.int64)
    syntax = np.zeros(n, dtype=np.int64)
    form_k = int(a["form"][k])
    for i, j in enumerate(cands.tolist()):
        if form_k == NAME or form[i] == NAME:
            names[i] = _name_relation(markables, k, j)
        if form_k == DESCRIPTION:
            heads[i], modifiers[i] = _description_relation(markables, k, j)
            syntax[i] = _syntactic_link(markables, k, j)
    lexical = a["lemma"][k] if form_k != PRONOUN else U64(0)
    agrees = compatible(markables, k, cands)
    named_rank = _ranks_from_end(agrees & (form == NAME))
    agreeing_rank = _ranks_from_end(agrees)
    subject_rank = _ranks_from_end(agrees & (subject == 1))
    name_keys = [markables.names[j][-1] if markables.names[j] else None for j in cands.tolist()]
    counted: dict[str | None, int] = {}
    for key in name_keys:
        counted[key] = counted.get(key, 0) + 1
    name_count = np.asarray([min(counted[key], 5) if key else 0 for key in name_keys], dtype=np.int64)
    # Pronouns like the mention's between the candidate and it: a participant the text keeps referring to as
    # "he" since it was named is the likely "he" (the chain the rules of centering follow).
    same_pronoun = (a["pronoun"] == a["pronoun"][k]) & (a["pronoun"] > 0) if form_k == PRONOUN else None
    run = np.zeros(n, dtype=np.int64)
    if same_pronoun is not None:
        counts = np.concatenate([[0], np.cumsum(same_pronoun[:k])])
        run = _bucket(counts[k] - counts[np.minimum(cands + 1, k)], (0, 1, 2, 5))
    columns = [
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
        _mix(18, t, pronoun == a["pronoun"][k], near),
        _mix(19, t, frequency),
        _mix(20, t, same_governor, a["dep"][k]),
        _mix(21, t, overlap),
        _mix(22, t, names, form),
        _mix(23, t, names, kind, a["kind"][k]),
        _mix(24, t, heads, form),
        _mix(25, t, heads, modifiers, form),
        _mix(26, t, lexical, a["label"][cands], form),
        _mix(27, t, lexical, kind),
        _mix(28, t, syntax),
        _mix(29, t, m_source, source, near, subject),
        _mix(30, t, pronoun, m_quote, quote_c >= 0),
        _mix(31, t, a["definite"][cands], form),
        _mix(32, t, sentence_distance, subject, source),
        _mix(33, t, a["dep"][k], form),
        _mix(34, t, kind, a["kind"][k], heads),
        _mix(35, t, _next_speaker(markables, k, cands), form),
        _mix(36, t, frequency, sentence_distance),
    ]
    return np.stack([np.broadcast_to(column, (n,)) for column in columns], axis=1)


def new_features(markables: Markables, k: int, cands: np.ndarray) -> np.ndarray:
    """Feature hashes of "no antecedent" for mention ``k`` (the first mention of a participant, or a mention
    that is not a participant: "it is raining")."""
    a = markables.arrays
    t = anaphor_type(markables, k)
    form_k = int(a["form"][k])
    best_name = min((r for j in cands.tolist() if (r := _name_relation(markables, k, j))), default=0)
    same_head = int(any(int(a["lemma"][j]) == int(a["lemma"][k]) for j in cands.tolist()))
    lexical = a["lemma"][k] if form_k != PRONOUN else U64(0)
    columns = [
        _mix(101, t),
        _mix(102, t, a["dep"][k]),
        _mix(103, t, a["definite"][k], a["kind"][k]),
        _mix(104, t, lexical),
        _mix(105, t, best_name),
        _mix(106, t, same_head),
        _mix(107, t, int(a["sentence"][k] == 0)),
        _mix(108, t, int(a["quote"][k] >= 0), a["source"][k]),
        _mix(109, t, _bucket(a["frequency"][k : k + 1], (1, 2, 5, 10))[0]),
        _mix(110, t, _bucket(np.asarray([len(cands)]), (0, 5, 20))[0]),
    ]
    return np.asarray(columns, dtype=U64)


def feature_rows(markables: Markables, k: int, cands: np.ndarray, bits: int) -> np.ndarray:
    """``(len(cands) + 1, n_templates)`` weight rows: one line per candidate, then "no antecedent" (padded with
    row 0, which is never trained)."""
    pairs = pair_features(markables, k, cands)
    new = new_features(markables, k, cands)
    width = pairs.shape[1]
    rows = np.zeros((len(cands) + 1, width), dtype=np.int64)
    shift = U64(64 - bits)
    rows[:-1] = np.maximum((pairs >> shift).astype(np.int64), 1)
    rows[-1, : len(new)] = np.maximum((new >> shift).astype(np.int64), 1)
    return rows


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

    def scores(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Candidates of markable ``k`` and their scores (the last score is "no antecedent")."""
        if k not in self._scored:
            cands = candidates(self.markables, k)
            rows = feature_rows(self.markables, k, cands, self.model.bits)
            self._scored[k] = (cands, self.model.scores(rows))
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

    def voters(self, k: int) -> list[int]:
        """Positions (in ``scores(k)``) of the candidates that vote for markable ``k``: the best-scoring few."""
        cands, scores = self.scores(k)
        return np.argsort(-scores[:-1], kind="stable")[: self.model.top].tolist()

    def resolve(self, k: int) -> Resolution:
        """The participant markable ``k`` refers to. The earlier markables its vote depends on are resolved
        first, in text order (iteratively: a long article's chain of pronouns is no deep recursion)."""
        needed: set[int] = set()
        stack = [k]
        arrays = self.markables.arrays
        while stack:
            j = stack.pop()
            if j in needed or j in self._resolved:
                continue
            needed.add(j)
            if arrays["form"][j] != NAME:
                cands, _ = self.scores(j)
                stack.extend(int(cands[i]) for i in self.voters(j) if arrays["form"][cands[i]] != NAME)
        for j in sorted(needed):
            self._resolved[j] = self._resolve_one(j)
        return self._resolved[k]

    def _resolve_one(self, k: int) -> Resolution:
        arrays = self.markables.arrays
        if arrays["form"][k] == NAME:
            return Resolution(k, self.antecedent(k), self.shown_name(k))
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
    resolver = DocumentResolver(markables, model or shipped_ranker())
    return [resolver.resolve(k) for k in mentions]


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
