"""Which parts of speech an English word can be, from the WordNet word lists the spaCy model ships.

The small model's rule lemmatizer carries WordNet's index of lemmas by part of speech (adjectives, adverbs, nouns,
verbs: 21,000, 3,800, 57,500 and 8,700 words, proper nouns among the nouns in lower case: "freya", "halvard" no).
It answers a question the tagger cannot when a sentence opens with a capital: whether a capitalised word is, in
its lowercase use, only a common adjective ("unseeded", "tearful"), which no name is made of. The lists are read
from the installed model package (no download); the vocabulary's probabilities and vectors are not in the small
model, so ``Lexeme.prob`` and ``is_oov`` cannot tell a common word from a name.
"""

from __future__ import annotations

import functools

import spacy.util
from spacy.lookups import Lookups

from .pipeline import SPACY_MODEL

_OTHER_CLASSES = ("noun", "verb", "adv")


@functools.cache
def _index() -> dict[str, frozenset[str]]:
    """WordNet's lemmas by part of speech, from the model's lemmatizer lookups (empty if the model has none)."""
    package = spacy.util.get_package_path(SPACY_MODEL)
    folders = sorted(package.glob("*/lemmatizer/lookups")) or sorted(package.glob("lemmatizer/lookups"))
    if not folders:
        return {}
    lookups = Lookups().from_disk(folders[0])
    if not lookups.has_table("lemma_index"):
        return {}
    table = lookups.get_table("lemma_index")
    return {pos: frozenset(table.get(pos, [])) for pos in ("adj", *_OTHER_CLASSES)}


def load() -> None:
    """Read the lists now (they are kept for the process): the pipeline reads them while it loads, with its
    weights, rather than during its first article (about 20 ms)."""
    _index()


def only_adjective(word: str) -> bool:
    """Whether the word, in lower case, is a WordNet adjective and no noun, verb or adverb: "Unseeded", "Tearful"
    (but not "Veteran", "Royal" or "Frank", which are nouns too and so may be names or titles)."""
    index = _index()
    lower = word.lower()
    adjectives = index.get("adj", frozenset())
    if lower not in adjectives and "our" in lower:
        # WordNet spells the American way and lacks many British spellings ("neighbouring", not "neighboring").
        lower = lower.replace("our", "or")
    return lower in adjectives and not any(lower in index.get(pos, ()) for pos in _OTHER_CLASSES)


def noun_not_adjective(word: str) -> bool:
    """Whether the word, in lower case, is a WordNet common noun and no adjective: "bassist", "historian" (not
    "tamsin", a name, nor "christian" or "italian", adjectives too, which a first name may be)."""
    lower = word.lower()
    index = _index()
    return lower in index.get("noun", frozenset()) and lower not in index.get("adj", frozenset())


def unknown_word(word: str) -> bool:
    """Whether the word, in lower case, is in none of WordNet's classes ("chatterly", "tinderly"; not "finally",
    "later" or "frankly"): what the tagger read as an adverb or adjective there is a name it did not know. False
    when the model ships no word lists (then nothing is known to be unknown)."""
    index = _index()
    lower = word.lower()
    return bool(index) and not any(lower in words for words in index.values())


def is_verb(word: str) -> bool:
    """Whether the word, in lower case, is a WordNet verb ("publish", "supply"; not "chapt")."""
    return word.lower() in _index().get("verb", frozenset())
