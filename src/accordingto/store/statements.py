"""Statement identity across articles: when two attributions report the same statement.

The rule (docs/trail.md), like source identity (``identity.py``) simple enough to predict:

1. A statement's **key** is its content's words, normalized: case and accents folded, quotation marks,
   ellipses and other punctuation dropped, function words left out (retellings change them: "I will" becomes
   "he would", "the" and "of" come and go), and plural, -ed and -ing endings folded so that a shift of tense
   or number is no change. Numbers and names (capitalized words inside a sentence) are also kept apart as its
   **anchors**. A statement needs ``MIN_WORDS`` different content words: "it", "that's right" or "no comment"
   are said by everyone, and two of them are not the same statement.
2. Two statements are the same when their anchors agree (it is not so that each has a number or name the
   other does not mention: "the rate fell to 4.1 percent" and "... to 3.9 percent" differ, a trimmed quote
   that lost a name does not) and
   - their words match **in order** over ``QUOTE_OVERLAP`` of the shorter one (runs of two words or more):
     the same quote, trimmed, re-punctuated, cut by an ellipsis, a word changed. Whoever it is credited to:
     the same words credited to someone else are still the same statement (the trail flags it), as long as
     they are not a short piece of a longer statement (``LONG_PIECE``: a phrase that travels between
     speakers); or
   - they have nearly the same words in another order (``REORDERED_JACCARD`` of both word sets), whoever
     they are credited to; or
   - their **sources agree** and their word sets overlap enough (``PARAPHRASE_OVERLAP`` of the smaller set,
     ``PARAPHRASE_JACCARD`` of both): a paraphrase, reordered, a few words swapped. Without the source, a
     paraphrase is too easily another statement on the same subject.
3. Candidates come from MinHash LSH over the key's word set (``datasketch``): ``BANDS`` bands of ``ROWS``
   values, each band hashed to one 63-bit **bucket**. Statements sharing a bucket are compared with rule 2;
   the buckets are stored (``statement_buckets``), so finding candidates is an indexed query.

Changing any of this changes the keys or buckets of stored statements: bump ``KEY_VERSION``, and stores
report that ``accordingto trail --rebuild`` is due.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

import numpy as np

from ..number_words import CARDINALS
from . import identity

KEY_VERSION = 1
MIN_WORDS = 4
QUOTE_OVERLAP = 0.8
# A short piece of a longer statement, credited to someone else, is a phrase that travels (a slogan, "unfit to
# be commander in chief"), not the same statement: it must cover half the longer one or be this long.
LONG_PIECE = 8
REORDERED_JACCARD = 0.8
PARAPHRASE_OVERLAP = 0.7
PARAPHRASE_JACCARD = 0.4
# 32 bands of 4: a pair of statements whose word sets have a Jaccard similarity of 0.6 shares a bucket with
# probability 0.99 (0.5: 0.87, 0.4: 0.56, 0.3: 0.23), one of 0.1 with 0.003. Chosen on the PolNeAR dev
# benchmark (benchmarks/trail.py): 24 bands of 3 found a little more (recall 0.911 against 0.901 on 1,000
# articles) but brought 5 times the false candidates that share common words, and clustered at half the speed.
BANDS = 32
ROWS = 4
MINHASH_SEED = 13

# Words a retelling changes freely: articles, pronouns, auxiliaries and modals, prepositions, conjunctions,
# negation (kept in the trail's diff, where a dropped "not" is flagged) and a few empty adverbs. Courtesy
# titles too: "Mr. Peskov" and "Peskov" are the same name.
# fmt: off
STOP_WORDS = frozenset(
    """
    a an the this that these those there here
    i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself she her
    hers herself it its itself they them their theirs themselves one ones someone something anyone anything
    everyone everything nobody nothing none who whom whose which what whatever whoever when where why how
    be am is are was were been being do does did doing done have has had having will would shall should can
    could ca may might must wo ought need
    to of in on at by for with from into onto about as than then so such too very just also only even still
    yet already again ever not no nor never neither either or and but if because while although though whether
    until unless since before after over under up down out off through during without within among between
    against toward towards upon per via
    all any some each every both few many much more most other another same own lot lots
    said says say saying told tells tell according
    mr mrs ms dr sir
    """.split()
)
# fmt: on
# Number words are numbers ("three schools" is "3 schools"; "a" and "an" are articles here), and the scale words
# after them are part of the number: "2 million" and "2 billion" are different figures.
_NUMBER_WORDS = {word: str(value) for word, value in CARDINALS.items() if word not in STOP_WORDS}
_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*%?|[^\W\d_]+(?:['’][^\W\d_]+)*")
_ACRONYM_DOTS = re.compile(r"\b((?:[A-Za-z]\.){2,})")
_SENTENCE_BREAK = re.compile(r"""[.!?:"“”«»]""")
_CONTRACTION = re.compile(r"['’](?:s|d|ll|re|ve|m)$")


class Mentions:
    """How often a statement, or a group of statements, mentions each word, and each number or name (a group
    counts the most any of its statements does)."""

    def __init__(self, words: Counter[str], anchors: Counter[str]) -> None:
        self.words = words
        self.anchors = anchors

    def conflicts(self, other: Mentions) -> bool:
        """Each side mentions a number or name more often than the other does (most often: the other does not
        mention it at all): the same template about something else ("fell to 4.1 percent", "fell to 3.9
        percent"). A side that only lost a mention (a trim) agrees."""
        return bool(self.anchors - other.words) and bool(other.anchors - self.words)

    def __or__(self, other: Mentions) -> Mentions:
        return Mentions(self.words | other.words, self.anchors | other.anchors)


@dataclass(frozen=True)
class StatementKey:
    """What two statements are compared by: content words in order, and their numbers and names (as often as
    they occur, sorted)."""

    words: tuple[str, ...]
    anchors: tuple[str, ...]

    # Derived once per key: a key is compared with many candidates.
    @functools.cached_property
    def counts(self) -> Counter[str]:
        return Counter(self.words)

    @functools.cached_property
    def mentions(self) -> Mentions:
        return Mentions(self.counts, Counter(self.anchors))

    @functools.cached_property
    def eligible(self) -> bool:
        """Enough different content words to tell this statement from others (rule 1)."""
        return len(self.counts) >= MIN_WORDS

    def stored(self) -> dict[str, str]:
        """The ``words`` and ``anchors`` columns of a ``statement_members`` row."""
        return {"words": " ".join(self.words), "anchors": " ".join(self.anchors)}

    @classmethod
    def from_stored(cls, words: str, anchors: str) -> StatementKey:
        return cls(tuple(words.split()), tuple(anchors.split()))


def statement_key(text: str) -> StatementKey:
    """The key of a statement's content text (rule 1)."""
    text = unicodedata.normalize("NFKC", text)
    text = _ACRONYM_DOTS.sub(lambda match: match.group(1).replace(".", "") + " ", text)
    words: list[str] = []
    anchors: list[str] = []
    previous: re.Match[str] | None = None
    for match in _TOKEN.finditer(text):
        raw = match.group()
        starts_sentence = previous is None or _breaks(text[previous.end() : match.start()], previous.group())
        previous = match
        number = raw.rstrip("%").replace(",", "") if raw[0].isdigit() else _NUMBER_WORDS.get(raw.casefold())
        if number is not None:
            words.append(number)
            anchors.append(number)
            if raw.endswith("%"):
                words.append("percent")
            continue
        word = _fold(raw)
        acronym = len(raw) > 1 and raw.isupper()
        if not word or (word in STOP_WORDS and not acronym):
            continue
        words.append(word)
        if acronym or word in _SCALE_WORDS or (raw[0].isupper() and not starts_sentence):
            anchors.append(word)
    return StatementKey(tuple(words), tuple(sorted(anchors)))


def _breaks(between: str, before: str) -> bool:
    """Does a sentence (or a quotation) start after the word ``before``? Not after the period of an
    abbreviation ("Sen. Bernie Sanders", "Gov. Pence", "J. Smith"): a short capitalized word."""
    found = set(_SENTENCE_BREAK.findall(between))
    if found == {"."} and before[:1].isupper() and len(before) <= 4:
        return False
    return bool(found)


@functools.lru_cache(maxsize=200_000)
def _fold(raw: str) -> str:
    """Case, accents and the endings of number and tense folded ("Negotiations" and "negotiated" ->
    "negotiat"): the result need not be a real stem, only the same for the forms a retelling switches
    between."""
    word = unicodedata.normalize("NFKD", raw.casefold().replace("’", "'"))
    word = "".join(char for char in word if not unicodedata.combining(char))
    word = _CONTRACTION.sub("", word)
    if word.endswith("n't"):
        word = word[:-3]
    if len(word) < 2:
        return ""
    if word in STOP_WORDS:
        return word
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for ending in ("ing", "ed"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


def same_source(first: str | None, second: str | None) -> bool:
    """Two attributions' source keys (``attributions.source_key``) name the same source: equal, or the same
    last word ("putin", "vladimir putin", "president putin"), anonymous only with anonymous. An unknown source
    or a bare pronoun agrees with nothing."""
    if not first or not second or first in STOP_WORDS or second in STOP_WORDS:
        return False
    if first == second:
        return True
    prefix = identity.ANONYMOUS_PREFIX
    if first.startswith(prefix) != second.startswith(prefix):
        return False
    return identity.last_word(first.removeprefix(prefix)) == identity.last_word(second.removeprefix(prefix))


def same_statement(first: StatementKey, second: StatementKey, *, sources_agree: bool) -> bool:
    """Rule 2: do two keys report the same statement (``sources_agree``: see ``same_source``)?"""
    if not (first.eligible and second.eligible):
        return False
    # Words in common, repeats counted: no more of them can match in order, and no more different ones are
    # shared. Most candidates stop here, before the costlier comparisons.
    common = (first.counts & second.counts).total()
    if common < MIN_WORDS or first.mentions.conflicts(second.mentions):
        return False
    shorter, longer = sorted((len(first.words), len(second.words)))
    if common >= QUOTE_OVERLAP * shorter:
        in_order = ordered_overlap(first.words, second.words)
        long_enough = in_order >= MIN_WORDS and in_order >= QUOTE_OVERLAP * shorter
        if long_enough and (sources_agree or in_order >= LONG_PIECE or in_order >= 0.5 * longer):
            return True
    shared = len(first.counts.keys() & second.counts.keys())
    jaccard = shared / len(first.counts.keys() | second.counts.keys())
    if jaccard >= REORDERED_JACCARD:
        return True
    return (
        sources_agree
        and shared >= MIN_WORDS
        and shared >= PARAPHRASE_OVERLAP * min(len(first.counts), len(second.counts))
        and jaccard >= PARAPHRASE_JACCARD
    )


def ordered_overlap(first: tuple[str, ...], second: tuple[str, ...]) -> int:
    """Words the two sequences share in the same order, counting runs of two words or more only: a single
    common word in the same place is chance, a run is a piece of the same sentence."""
    blocks = SequenceMatcher(None, first, second, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks if block.size >= 2)


def buckets(key: StatementKey) -> list[int]:
    """The key's LSH buckets, one per band: 63-bit integers (a BIGINT column on both backends), the same on
    every machine (a fixed seed, datasketch's fixed permutation scheme, and integer arithmetic)."""
    bands = _minhash(key.words).hashvalues.astype(np.uint64).reshape(BANDS, ROWS)
    mixed = (bands * _BAND_MULTIPLIERS).sum(axis=1, dtype=np.uint64) + _BAND_SALTS
    # splitmix64's finalizer: every bit of the band's values moves every bit of the bucket.
    mixed ^= mixed >> np.uint64(30)
    mixed *= np.uint64(0xBF58476D1CE4E5B9)
    mixed ^= mixed >> np.uint64(27)
    mixed *= np.uint64(0x94D049BB133111EB)
    mixed ^= mixed >> np.uint64(31)
    return [int(value) for value in (mixed >> np.uint64(1)).astype(np.int64)]


# Odd 64-bit constants (digits of pi and e) that weight each row of a band, and a different salt per band.
_BAND_MULTIPLIERS = np.array(
    [0x243F6A8885A308D3, 0x13198A2E03707345, 0xA4093822299F31D1, 0x082EFA98EC4E6C89][:ROWS], dtype=np.uint64
)
_BAND_SALTS = np.arange(1, BANDS + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)


def _minhash(words: Iterable[str]) -> Any:
    from datasketch import MinHash

    sketch = MinHash(num_perm=BANDS * ROWS, permutations=_permutations(), scheme="affine32")
    sketch.update_batch([word.encode("utf-8") for word in sorted(set(words))])
    return sketch


@functools.cache
def _permutations() -> Any:
    """The MinHash permutations, drawn once per process (drawing them costs more than hashing a statement)."""
    from datasketch import MinHash

    return MinHash(num_perm=BANDS * ROWS, seed=MINHASH_SEED, scheme="affine32").permutations
