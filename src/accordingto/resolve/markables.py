"""Every noun phrase that may refer to a participant, found on spaCy's parse: the candidates a learned resolver
chooses antecedents among.

At run time there is no gold mention list: the resolver can only link to what our own detection finds. A markable
is a named entity (PERSON, ORG, GPE...), a base noun phrase (``doc.noun_chunks``: "the former mayor", "Putin's
spokesman") or a personal pronoun; each is read with ``resolve.mentions.analyze_mention`` (head, proper name,
form, number, gender, kind), and placed: sentence, paragraph, quotation, syntactic role, and the attributions it
is the source of or lies in the content of. Markables are found once per document and kept in numpy arrays, so
that scoring a mention against all its candidates is a handful of vector operations.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar, overload

import numpy as np
from spacy.attrs import SENT_START
from spacy.strings import get_string_id
from spacy.symbols import ADJ, NOUN, NUM, PRON, PROPN, VERB
from spacy.tokens import Doc, Span

from ..annotations import TokenCodes, doc_token_codes, quote_spans, role_spans
from ..clauses import SUBJECT_DEPS
from .mentions import NAME_LABELS, PRONOUNS, Mention, analyze_mention, heads_in_name

T = TypeVar("T")
# The pronoun a form stands for ("him", "his" → "he"), by person, number and gender.
PRONOUN_BASES = {
    (3, "sing", "masc"): "he",
    (3, "sing", "fem"): "she",
    (3, "sing", "neut"): "it",
    (3, "plur", None): "they",
    (1, "plur", None): "we",
    (1, "sing", None): "i",
    (2, "sing", None): "you",
}
# Which pronouns the resolver links: third persons, and "we" (an organisation or a group speaking).
RESOLVED_PRONOUNS = {"he", "she", "it", "they", "we"}
FORMS = ("pronoun", "name", "description")
KINDS = ("person", "organization", "government", "media", "group", "document", "unknown")
GENDERS = (None, "masc", "fem", "neut")
_SUBJECT_IDS = frozenset(get_string_id(dep) for dep in SUBJECT_DEPS)
_APPOS, _ATTR = get_string_id("appos"), get_string_id("attr")
_MODIFIER_IDS = frozenset(get_string_id(dep) for dep in ("compound", "amod"))
_NOUNS = frozenset({NOUN, PROPN})
DEFINITE = {"the", "this", "that", "these", "those"}


def pronoun_base(word: str) -> str | None:
    """The base form of a personal pronoun ("his" → "he"); None for any other word."""
    analysis = PRONOUNS.get(word.lower())
    return PRONOUN_BASES.get(analysis) if analysis is not None else None


def sentence_starts(doc: Doc) -> list[int]:
    """The first token of every sentence, as ``doc.sents`` gives them (read off one array, without building a
    span per sentence); [0] without a parse."""
    if not doc.has_annotation("DEP"):
        return [0]
    starts = np.flatnonzero(doc.to_array([SENT_START]).reshape(-1).astype(np.int64) == 1)
    return [0, *starts[starts > 0].tolist()]


def quote_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the quotes stage's quotations, in text order."""
    return sorted((span.start_char, span.end_char) for span in quote_spans(doc))


class OnDemand(Sequence[T]):
    """One value per markable, each computed the first time it is asked for."""

    def __init__(self, compute: Callable[[int], T], length: int) -> None:
        self._compute = compute
        self._values: dict[int, T] = {}
        self._length = length

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(self._length))]
        if not -self._length <= index < self._length:
            raise IndexError(index)
        index %= self._length
        if index not in self._values:
            self._values[index] = self._compute(index)
        return self._values[index]

    def __len__(self) -> int:
        return self._length


@dataclass
class Markables:
    """The markables of one document in text order, as parallel arrays (one entry per markable)."""

    doc: Doc
    mentions: list[Mention]
    spans: list[tuple[int, int]]  # token bounds as detected (the mention's core phrase is in ``mentions``)
    arrays: dict[str, np.ndarray]
    sources: list[list[int]]  # for each markable, the attributions (by index) whose source it is
    # For each markable, the attributions (by index) whose content holds its head. Lists per markable rather than
    # an (attributions x markables) matrix, which grows with the square of the article (GBs at 200k characters).
    contents: list[frozenset[int]]
    names: list[tuple[str, ...]]  # normalised proper-name words ("" for descriptions and pronouns)
    lemmas: list[str]  # the head's lemma, lower case
    # Lemmas a description may repeat (head, a title before the name, an apposition), and the content-word lemmas
    # of the core phrase: read only for descriptions and their candidates, so found on demand.
    role_words: OnDemand[set[str]]
    words: OnDemand[set[str]]
    speaker_keys: list[int]  # the same number for sources written alike ("Smith", "smith"), -1 for others
    pronoun_counts: np.ndarray  # (pronoun codes, markables + 1): how many of each pronoun come before each one
    attribution_ids: list[str] = field(default_factory=list)
    by_head: dict[int, int] = field(default_factory=dict)
    # For a source pronoun the rules have answered: the markables of the entity the rules chose (empty: none).
    rules_links: dict[int, Collection[int]] = field(default_factory=dict)
    # For each markable, what it counts as among candidates further back than the window: its name, or its
    # description's head (the same number for the same one); -1 for a pronoun.
    candidate_keys: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def __len__(self) -> int:
        return len(self.mentions)

    def find(self, start: int, end: int) -> int | None:
        """The markable a span of tokens stands for, read as ``analyze_mention`` reads a source span (a
        relative pronoun stands for its antecedent: "the agency, which said" is the agency); None if the span
        holds no markable."""
        mention = analyze_mention(self.doc, start, end)
        return self.by_head.get(mention.head) if mention is not None else None

    def text(self, index: int) -> str:
        mention = self.mentions[index]
        return doc_token_codes(self.doc).span_text(mention.start, mention.end)


def _normalized_name(words: list[str]) -> tuple[str, ...]:
    return tuple(w.lower().rstrip(".") for w in words if w.lower() not in {"the", "'s", "’s"})


def _hashes(doc: Doc, words: Collection[str]) -> set[int]:
    return {doc.vocab.strings[word] for word in words}


def _candidate_spans(doc: Doc, codes: TokenCodes) -> list[tuple[int, int]]:
    """Named entities, base noun phrases, possessors and personal pronouns, one per head token (the widest)."""
    by_head: dict[int, tuple[int, int]] = {}
    breaks = codes.breaks
    table = codes.arrays

    def add(start: int, end: int, head: int) -> None:
        # A phrase never runs across a line break ("Early years\n\nByron" is a heading, then a name).
        for i in range(head - 1, start - 1, -1):
            if breaks[i]:
                start = i + 1
                break
        for i in range(head, end):
            if breaks[i]:
                end = i + 1 if i == head else i
                break
        known = by_head.get(head)
        if known is None or known[1] - known[0] < end - start:
            by_head[head] = (start, end)

    # ``doc.ents``, read off the arrays: an entity opens at its first word and names a source by its label.
    labels = _hashes(doc, NAME_LABELS)
    for i, (start, ent_type) in enumerate(zip(codes.entity_start, codes.ent_type, strict=True)):
        if start == i and ent_type in labels:
            add(i, codes.entity_end[i], _span_root(doc, codes, i, codes.entity_end[i]))
    if doc.has_annotation("DEP"):
        for start, end, head in _noun_chunks(doc, codes):
            add(start, end, head)
    pronouns = np.isin(table.lower, np.fromiter(_hashes(doc, PRONOUNS), dtype=np.uint64)) & (table.pos == PRON)
    possessors = (table.dep == doc.vocab.strings["poss"]) & np.isin(table.pos, [PROPN, NOUN])
    for i in np.flatnonzero(pronouns | possessors).tolist():
        if pronouns[i]:
            add(i, i + 1, i)
        else:
            add(codes.left_edge[i], i + 1, i)  # a possessor inside a noun phrase: "Lopez's aide"
    return [by_head[head] for head in sorted(by_head)]


NOUN_PHRASE_DEPS = ("oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT")


def _noun_chunks(doc: Doc, codes: TokenCodes) -> list[tuple[int, int, int]]:
    """``(start, end, head)`` of each base noun phrase, as English ``doc.noun_chunks`` finds them (its rules:
    a noun, proper noun or pronoun in a noun phrase's role, or coordinated with one, from its left edge, none
    nested), read off the arrays instead of a ``Token`` per word; the head is the span's root."""
    table = codes.arrays
    np_deps = np.fromiter(_hashes(doc, NOUN_PHRASE_DEPS), dtype=np.uint64)
    conj = doc.vocab.strings["conj"]
    in_role = np.isin(table.dep, np_deps).tolist()
    is_conj = (table.dep == conj).tolist()
    nominal = np.flatnonzero(np.isin(table.pos, [NOUN, PROPN, PRON])).tolist()
    governor, edges = codes.governor, codes.left_edge
    chunks = []
    previous_end = -1
    for i in nominal:
        if edges[i] <= previous_end:
            continue  # no nested chunks
        if not in_role[i]:
            if not is_conj[i]:
                continue
            head = governor[i]
            while is_conj[head] and governor[head] < head:
                head = governor[head]
            if not in_role[head]:
                continue  # coordinated with a noun phrase, it is one
        previous_end = i
        start = edges[i]
        chunks.append((start, i + 1, _span_root(doc, codes, start, i + 1)))
    return chunks


def _span_root(doc: Doc, codes: TokenCodes, start: int, end: int) -> int:
    """``Span.root`` of the tokens ``start:end``: the one word whose head lies outside them (or that is its own
    head); spaCy's own choice when a non-projective parse leaves several."""
    governor = codes.governor
    outside = [i for i in range(start, end) if not start <= governor[i] < end or governor[i] == i]
    return outside[0] if len(outside) == 1 else doc[start:end].root.i


def paragraph_numbers(codes: TokenCodes) -> np.ndarray:
    """Paragraph number of every token: a line break in white space starts a new paragraph."""
    counts = np.cumsum(codes.arrays.paragraph_breaks)
    counts[1:] = counts[:-1].copy()
    if len(counts):
        counts[0] = 0
    return counts


def find_markables(
    doc: Doc,
    until: int | None = None,
    roles: dict[str, dict[str, list[Span]]] | None = None,
) -> Markables:
    """Detect and describe the markables of a parsed document (attributions, if any, are read off it); with
    ``until``, only those that start before that token (what mentions up to there can refer back to).
    ``roles``: the attributions' ``role_spans``, when the caller has them."""
    mentions: list[Mention] = []
    spans: list[tuple[int, int]] = []
    seen_heads: set[int] = set()
    codes = doc_token_codes(doc)
    for start, end in _candidate_spans(doc, codes):
        if until is not None and start >= until:
            continue
        mention = analyze_mention(doc, start, end)
        if mention is None or mention.head in seen_heads:
            continue  # a date or a number; or a relative pronoun, which stands for its antecedent
        if mention.form == "pronoun" and pronoun_base(codes.string(codes.lower[mention.head])) is None:
            continue
        seen_heads.add(mention.head)
        mentions.append(mention)
        spans.append((start, end))
    # A conjunct of a singular name's head inside that name is a word of one body's name, not a participant of its
    # own (``heads_in_name``): as a markable of its own, "Rescue Authority" of "the Country Fire and Rescue Authority
    # of Westmarch" had taken the body's "The authority said" (news26).
    in_names = {i for m in mentions for i in heads_in_name(codes, m)}
    order = sorted(
        (n for n in range(len(mentions)) if mentions[n].head not in in_names),
        key=lambda n: (mentions[n].start, mentions[n].head),
    )
    mentions = [mentions[n] for n in order]
    spans = [spans[n] for n in order]
    return _describe(doc, mentions, spans, codes, role_spans(doc) if roles is None else roles)


def _describe(
    doc: Doc,
    mentions: list[Mention],
    spans: list[tuple[int, int]],
    codes: TokenCodes,
    roles: dict[str, dict[str, list[Span]]],
) -> Markables:
    n = len(mentions)
    table = codes.arrays
    starts_of_sentences = sentence_starts(doc)
    paragraphs = paragraph_numbers(codes)
    heads = np.asarray([m.head for m in mentions], dtype=np.int64)
    starts = np.asarray([m.start for m in mentions], dtype=np.int64)
    quotes = quote_ranges(doc)
    attribution_ids = sorted(roles, key=lambda a: min((s.start for r in roles[a].values() for s in r), default=0))
    sources: list[list[int]] = [[] for _ in range(n)]
    contents: list[set[int]] = [set() for _ in range(n)]
    # The markables whose head lies in a span, found by bisection over the heads in order: linear in the spans
    # and markables, not their product.
    by_head = sorted(range(n), key=lambda k: mentions[k].head)
    sorted_heads = [mentions[k].head for k in by_head]

    def holding(span: Span) -> list[int]:
        low, high = bisect.bisect_left(sorted_heads, span.start), bisect.bisect_left(sorted_heads, span.end)
        return sorted(by_head[low:high])

    for a, attribution_id in enumerate(attribution_ids):
        for span in roles[attribution_id]["content"]:
            for k in holding(span):
                contents[k].add(a)
        for span in roles[attribution_id]["source"]:
            for k in holding(span):
                sources[k].append(a)
    arrays: dict[str, Any] = {
        "form": [FORMS.index(m.form) for m in mentions],
        "kind": [KINDS.index(m.kind) for m in mentions],
        "number": [int(m.number == "plur") for m in mentions],
        "gender": [GENDERS.index(m.gender) for m in mentions],
        "start": [m.start for m in mentions],
        "end": [m.end for m in mentions],
        "head": [m.head for m in mentions],
        "sentence": [bisect.bisect_right(starts_of_sentences, m.head) - 1 for m in mentions],
        "paragraph": [int(paragraphs[m.head]) for m in mentions],
        "quote": _innermost_quotes(table.idx[heads].tolist(), quotes),
        "subject": np.isin(table.dep[heads], list(_hashes(doc, SUBJECT_DEPS))),
        "source": [int(bool(s)) for s in sources],
        "in_content": [int(bool(c)) for c in contents],
        "pronoun": [_pronoun_code(codes, m) for m in mentions],
        "definite": np.isin(table.lower[starts], list(_hashes(doc, DEFINITE))),
    }
    governors = table.governor[heads]
    uint_arrays = {
        "lemma": table.lemma[heads],
        "dep": table.dep[heads],
        "label": table.ent_type[heads],
        "governor": governors,
        "governor_lemma": table.lemma[governors],
    }
    appos, attr = doc.vocab.strings["appos"], doc.vocab.strings["attr"]
    arrays["linked_head"] = [
        int(governors[k]) if table.dep[head] == appos else _linked_head(codes, head) if table.dep[head] == attr else -1
        for k, head in enumerate(heads.tolist())
    ]
    names = [_normalized_name(m.name_tokens(doc)) for m in mentions]
    texts: dict[str, int] = {}
    speaker_keys = [
        texts.setdefault(codes.span_text(m.start, m.end).lower(), len(texts)) if sources[k] else -1
        for k, m in enumerate(mentions)
    ]
    last_words: dict[str, int] = {}
    arrays["name_key"] = [last_words.setdefault(name[-1], len(last_words) + 1) if name else 0 for name in names]
    pronouns = np.asarray(arrays["pronoun"], dtype=np.int64)
    pronoun_counts = np.zeros((len(PRONOUN_BASES) + 1, n + 1), dtype=np.int64)
    for code in range(1, len(PRONOUN_BASES) + 1):
        pronoun_counts[code, 1:] = np.cumsum(pronouns == code)
    markables = Markables(
        doc=doc,
        mentions=mentions,
        spans=spans,
        arrays={
            **{key: np.asarray(values, dtype=np.int64) for key, values in arrays.items()},
            **{key: np.asarray(values, dtype=np.uint64) for key, values in uint_arrays.items()},
        },
        sources=sources,
        contents=[frozenset(c) if c else _IN_NO_CONTENT for c in contents],
        names=names,
        lemmas=[codes.lemma_text(m.head) for m in mentions],
        role_words=OnDemand(lambda k: _role_words(codes, mentions[k]), n),
        words=OnDemand(lambda k: _content_words(codes, mentions[k]), n),
        speaker_keys=speaker_keys,
        pronoun_counts=pronoun_counts,
        attribution_ids=attribution_ids,
        by_head={m.head: k for k, m in enumerate(mentions)},
    )
    form = markables.arrays["form"]
    # What kind of mention each is, as resolved: the pronoun (1-7), a definite (11) or other (10) description, a
    # name (20).
    markables.arrays["type"] = np.where(
        form == FORMS.index("pronoun"),
        markables.arrays["pronoun"],
        np.where(form == FORMS.index("description"), 10 + markables.arrays["definite"], 20),
    )
    # What the candidates further back are told apart by: the name, or a description's head (-1: a pronoun).
    keys: dict[object, int] = {}
    markables.candidate_keys = np.asarray(
        [
            -1
            if f == FORMS.index("pronoun")
            else keys.setdefault(names[k] if f == FORMS.index("name") else lemma, len(keys))
            for k, (f, lemma) in enumerate(zip(form.tolist(), markables.arrays["lemma"].tolist(), strict=True))
        ],
        dtype=np.int64,
    )
    markables.arrays["frequency"] = _frequencies(markables)
    markables.arrays["name_gender"] = _name_genders(markables)
    return markables


# The contents of most markables: one shared empty set rather than one per markable.
_IN_NO_CONTENT: frozenset[int] = frozenset()


def _innermost_quotes(chars: list[int], quotes: list[tuple[int, int]]) -> list[int]:
    """For each character offset, the index of the innermost quotation holding it (of equally short ones, the
    one starting last), -1 outside quotation marks. One sweep in text order with the quotations begun so far in
    a heap, shortest first: not a walk back over every earlier quotation for each offset."""
    found = [-1] * len(chars)
    begun: list[tuple[int, int, int]] = []  # (length, -index, end)
    q = 0
    for n in sorted(range(len(chars)), key=chars.__getitem__):
        char = chars[n]
        while q < len(quotes) and quotes[q][0] <= char:
            start, end = quotes[q]
            heapq.heappush(begun, (end - start, -q, end))
            q += 1
        while begun and begun[0][2] <= char:
            heapq.heappop(begun)  # ended, and offsets only grow: it never holds one again
        found[n] = -begun[0][1] if begun else -1
    return found


def _linked_head(codes: TokenCodes, head: int) -> int:
    """The head of the phrase this one is an apposition to ("Smith, *the former mayor*") or the predicate of
    ("Smith is *the former mayor*"): the parse says both are one participant. -1 for neither."""
    if codes.dep[head] == _APPOS:
        return codes.governor[head]
    if codes.dep[head] == _ATTR:
        return next((c for c in codes.children(codes.governor[head]) if codes.dep[c] in _SUBJECT_IDS), -1)
    return -1


def _pronoun_code(codes: TokenCodes, mention: Mention) -> int:
    if mention.form != "pronoun":
        return 0
    base = pronoun_base(codes.string(codes.lower[mention.head]))
    return 1 + tuple(PRONOUN_BASES.values()).index(base) if base else 0


def _role_words(codes: TokenCodes, mention: Mention) -> set[str]:
    """The nouns a later description of the same participant may be headed by: the head itself, a title
    written before the name ("spokesman" in "Kremlin spokesman Dmitry Peskov"), the head of an apposition
    ("Dmitry Peskov, Putin's spokesman") and of a predicate ("Peskov is the Kremlin's spokesman")."""
    head = mention.head
    words = {codes.lemma_text(head)}
    if mention.form == "pronoun":
        return set()
    if mention.name_start is not None:
        words.update(codes.lemma_text(i) for i in range(mention.start, mention.name_start) if codes.pos[i] in _NOUNS)
    for child in codes.children(head):
        if codes.dep[child] == _APPOS:
            # "Paul Grant, a billionaire investor": "the investor" and "the billionaire" both refer back.
            words.add(codes.lemma_text(child))
            words.update(
                codes.lemma_text(t)
                for t in codes.children(child)
                if codes.dep[t] in _MODIFIER_IDS and codes.pos[t] == NOUN
            )
    governor = codes.governor[head]
    if codes.dep[head] == _APPOS:
        words.add(codes.lemma_text(governor))
    if codes.dep[head] in _SUBJECT_IDS and codes.string(codes.lemma[governor]) == "be":
        words.update(codes.lemma_text(c) for c in codes.children(governor) if codes.dep[c] == _ATTR)
    return words


CONTENT_POS = frozenset({NOUN, PROPN, ADJ, VERB, NUM})


def _content_words(codes: TokenCodes, mention: Mention) -> set[str]:
    """The lemmas of a mention's nouns, proper nouns, adjectives, verbs and numbers."""
    return {codes.lemma_text(i) for i in range(mention.start, mention.end) if codes.pos[i] in CONTENT_POS}


def _frequencies(markables: Markables) -> np.ndarray:
    """How often each markable's name (its last word) or head lemma occurs among the document's markables: the
    participants an article keeps coming back to are the likely antecedents."""
    keys = [
        (name[-1] if name else str(markables.arrays["lemma"][k])) if markables.mentions[k].form != "pronoun" else ""
        for k, name in enumerate(markables.names)
    ]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    return np.asarray([counts[key] if key else 0 for key in keys], dtype=np.int64)


def _name_genders(markables: Markables) -> np.ndarray:
    """The gender the article itself gives each name: the subject he/she that follows a named subject in its
    sentence, before any other name, votes for the name's last word (the small model has no gender for
    names; the text usually has). 0 unknown, 1 masculine, 2 feminine."""
    codes = doc_token_codes(markables.doc)
    arrays = markables.arrays
    votes: dict[str, list[int]] = {}
    n = len(markables)
    for k in range(n):
        name = markables.names[k]
        if not name or arrays["kind"][k] not in {KINDS.index("person"), KINDS.index("unknown")}:
            continue
        if not arrays["subject"][k]:
            continue  # "Smith said he" is Smith; "he was sent to Harrow, where he remained" is not Harrow
        for j in range(k + 1, n):
            if arrays["sentence"][j] != arrays["sentence"][k] or markables.names[j]:
                break
            gender = GENDERS[arrays["gender"][j]]
            if (
                arrays["form"][j] == 0
                and gender in {"masc", "fem"}
                and codes.dep[int(arrays["head"][j])] in _SUBJECT_IDS
            ):
                votes.setdefault(name[-1], [0, 0])[gender == "fem"] += 1
                break
    result = np.zeros(n, dtype=np.int64)
    for k, name in enumerate(markables.names):
        if name and name[-1] in votes:
            masc, fem = votes[name[-1]]
            result[k] = 1 if masc > 2 * fem else 2 if fem > 2 * masc else 0
    return result
