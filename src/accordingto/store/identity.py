"""Cross-article source identity: which sources in different articles are the same person or body.

The rule (documented in docs/corpus.md), deliberately simple and predictable:

1. A source's **key** is its name normalized: accents and case folded, possessive "'s" and punctuation
   dropped, white space collapsed, and a leading courtesy title ("Mr.", "Dr.", "the") removed — so
   "Mr. Peskov" and "PESKOV" share a key, and "the Kremlin" is "kremlin".
2. An anonymous source ("two senior officials") gets the key ``anon:`` + its normalized name: anonymous
   sources are grouped by how they are described, never merged with a named one.
3. A named source whose key is a single word (a surname, "peskov") takes the key of the one full name
   ending in that word seen in the same outlet ("dmitry peskov"), whether that full name came earlier or
   later; a first name and surname take the key of the one fuller name of the outlet with the same first and
   last word ("loretta lynch" → "loretta e lynch": a middle name or initial is often left out), and count as
   that name for the surname. If two different people in the outlet have names ending in the same word
   ("ron desantis", "casey desantis"), the surname stays alone: guessing would be worse than not merging.
   Articles without an outlet only merge within themselves.
"""

from __future__ import annotations

import re
import unicodedata

from .. import lexicon

ANONYMOUS_PREFIX = "anon:"

# Courtesy titles news style puts before surnames ("Mr. Peskov" on second reference in the NYT; the lexicon's
# honorifics), and "the"; they say nothing about who the person is. Office titles ("President Putin") are left
# to the source-description stage.
_TITLES = {word.rstrip(".") for word in lexicon.HONORIFICS} | {"the"}
_POSSESSIVE = re.compile(r"['’]s\b")
_NOT_WORD = re.compile(r"[^\w\s-]+")
_SPACES = re.compile(r"[\s-]+")


def name_key(name: str) -> str:
    """The normalized form of a name that identity keys are built from ('' when nothing is left)."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(char for char in folded if not unicodedata.combining(char)).casefold()
    folded = _NOT_WORD.sub(" ", _POSSESSIVE.sub("", folded))
    words = _SPACES.sub(" ", folded).strip().split(" ")
    while len(words) > 1 and words[0] in _TITLES:
        words = words[1:]
    return " ".join(word for word in words if word)


def identity_key(name: str, *, named: bool) -> str:
    """The key before the surname rule: the name key, marked when the source is anonymous."""
    key = name_key(name)
    return f"{ANONYMOUS_PREFIX}{key}" if not named else key


def is_surname_key(key: str) -> bool:
    """A named key of one word, which the surname rule may extend to a full name."""
    return bool(key) and not key.startswith(ANONYMOUS_PREFIX) and " " not in key


def last_word(key: str) -> str:
    return key.rsplit(" ", 1)[-1]


def resolve_name(key: str, full_names: set[str]) -> str:
    """Rule 3 for a named ``key``, among the outlet's ``full_names`` that end in its last word: a lone surname
    takes the name of the one person they name; a first name and surname take the one fuller name with the
    same first and last word; any other key stays."""
    if not is_surname_key(key):
        return _fullest(key, full_names)
    people = {_fullest(full, full_names) for full in full_names if " " in full and last_word(full) == key}
    return people.pop() if len(people) == 1 else key


def is_shortened_key(key: str) -> bool:
    """A named key of two words, which the middle-name part of rule 3 may extend to a fuller name."""
    return not key.startswith(ANONYMOUS_PREFIX) and key.count(" ") == 1


def _fullest(key: str, full_names: set[str]) -> str:
    if not is_shortened_key(key):
        return key
    first, last = key.split(" ")
    fuller = {
        full
        for full in full_names
        if full.count(" ") > 1 and full.split(" ", 1)[0] == first and last_word(full) == last
    }
    return fuller.pop() if len(fuller) == 1 else key
