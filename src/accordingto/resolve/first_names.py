"""The gender a first name usually has, from the US Census 1990 first-name lists.

The small spaCy model knows no gender, and an article does not always write "he" or "she" after a name before a
pronoun must be resolved ("Isabel Ruiz and Mario Lucero founded the studio. She said..."). The lists come from
the ``names`` package on PyPI (MIT licence; the lists are public-domain US Census 1990 data: the share of men and
of women who bear each first name). A name is taken as one gender only when bearers of the other are rare
(``RATIO``), so "Jordan" or "Taylor" stay undecided, and so do "Jean", "Kim", "Robin" or "Chris", which the lists
give to both sexes (six to nine times more bearers of one, and a French "Jean" is a man); names the lists do not
know (many non-US names) too.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Literal

FirstNameGender = Literal["masc", "fem"]
# How many times more common a name must be for one sex than the other to be given that gender: at 6, "Jean Gabin"
# and "Chris Evert" came out of one sex by the US lists alone.
RATIO = 10.0


def _shares(filename: str) -> dict[str, float]:
    """``NAME share cumulative rank`` lines → {name in lower case: share of the population, in percent}."""
    text = resources.files("names").joinpath(filename).read_text(encoding="ascii")
    shares: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            shares[parts[0].lower()] = float(parts[1])
    return shares


@functools.cache
def _genders() -> dict[str, FirstNameGender]:
    male, female = _shares("dist.male.first"), _shares("dist.female.first")
    genders: dict[str, FirstNameGender] = {}
    for name in male.keys() | female.keys():
        his, hers = male.get(name, 0.0), female.get(name, 0.0)
        if his >= RATIO * hers:
            genders[name] = "masc"
        elif hers >= RATIO * his:
            genders[name] = "fem"
    return genders


def load() -> None:
    """Read the lists now (they are kept for the process): the pipeline reads them while it loads, with its
    weights, rather than during its first article."""
    _genders()


def first_name_gender(word: str) -> FirstNameGender | None:
    """ "Isabel" → "fem", "Carl" → "masc"; None for a name of either gender or one the lists do not hold."""
    return _genders().get(word.lower().rstrip("."))


def is_first_name(word: str) -> bool:
    """Whether the word is a first name with a clear gender (a name starting with it names a person)."""
    return first_name_gender(word) is not None
